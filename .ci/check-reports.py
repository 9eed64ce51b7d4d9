"""
Checks that a run of `mvn verify -P<profile>` executed every test class it should have, and no other:
every *Test class (surefire), and every *IT class that the profile does not leave out (the pom's
it.excluded, resolved for that profile). A class that a profile or pattern dropped leaves no report,
so reading only the reports that exist would miss it. A skipped test fails the check too, unless
ALLOWED_SKIPS names it for the profile.

The unit tests and the formatting check run once, in a build of their own that runs no integration
test (--units-alone); the profiles after it pass --units-ran-before and are checked for integration
tests alone (and for running no unit test).

A profile's classes may be split between runs: --only NAMES and --except NAMES (class names without
"IT", separated by |) check a run for its share.

Usage: python3 .ci/check-reports.py SERVER PROFILE [--units-ran-before | --units-alone] [--only NAMES | --except NAMES]
"""
import glob, os, re, sys, xml.etree.ElementTree as ET

server, profile = sys.argv[1], sys.argv[2]
units_ran_before = "--units-ran-before" in sys.argv[3:]
units_alone = "--units-alone" in sys.argv[3:]
def option(name):
    args = sys.argv[3:]
    return args[args.index(name) + 1] if name in args else None
only, unless = option("--only"), option("--except")
NS = {"m": "http://maven.apache.org/POM/4.0.0"}
pom = ET.parse("pom.xml").getroot()
props = {p.tag.split("}")[1]: (p.text or "") for p in pom.find("m:properties", NS)}
for prof in pom.find("m:profiles", NS):
    if prof.find("m:id", NS).text == profile:
        for p in prof.find("m:properties", NS) or []:
            props[p.tag.split("}")[1]] = p.text or ""

def resolve(value):
    for _ in range(10):
        value = re.sub(r"\$\{([\w.]+)\}", lambda m: props.get(m.group(1), m.group(0)), value)
    return value

excluded = re.compile(r".*(" + resolve(props["it.excluded"]) + r")IT.*")

def classes(pattern):
    return {os.path.basename(f)[:-5] for f in glob.glob("src/test/java/**/" + pattern, recursive=True)}

# The tests each profile may skip, by Class.method, each with the assumption that skips it; any
# other skipped test is a failure, not a pass.
ON_POSTGRES = {
    "CrashRecoveryIT.acknowledgedRegistrationsAndLogoutsSurviveKill9",  # reads Derby's files
    "DataAtRestIT.theEmbeddedDatabaseFilesAreOwnerOnly",  # PostgreSQL keeps its own files
    "SessionPurgeTimerIT.afterAFailedRunTheNextOneStillRuns",  # PostgreSQL waits for the lock
}
ALLOWED_SKIPS = {"postgres": ON_POSTGRES}

skipped = []

def executed(reports):
    ran = {}
    for report in glob.glob(reports):
        suite = ET.parse(report).getroot()
        name = suite.get("name").rsplit(".", 1)[-1]
        ran[name] = int(suite.get("tests", 0)) - int(suite.get("skipped", 0))
        for case in suite.iter("testcase"):
            if case.find("skipped") is not None:
                method = case.get("name").split("(")[0].split("[")[0]
                skipped.append(case.get("classname").rsplit(".", 1)[-1] + "." + method)
    return ran

expected_its = set() if units_alone else {c for c in classes("*IT.java") if not excluded.match(c + ".java")}
if only:
    expected_its = {c for c in expected_its if re.fullmatch(r"(" + only + r")IT", c)}
if unless:
    expected_its = {c for c in expected_its if not re.fullmatch(r"(" + unless + r")IT", c)}
expected_tests = set() if units_ran_before else classes("*Test.java")
its, tests = executed("target/failsafe-reports/TEST-*.xml"), executed("target/surefire-reports/TEST-*.xml")
problems = []
for kind, expected, ran in (("integration", expected_its, its), ("unit", expected_tests, tests)):
    missing = sorted(c for c in expected if ran.get(c, 0) == 0)
    unexpected = sorted(set(ran) - expected)
    if missing:
        problems.append(f"{kind} test classes that executed no test: {missing}")
    if unexpected:
        problems.append(f"{kind} test classes that ran but should not have: {unexpected}")
unexplained = sorted(set(skipped) - ALLOWED_SKIPS.get(profile, set()))
if unexplained:
    problems.append(f"skipped tests that this profile may not skip: {unexplained}")
if problems:
    sys.exit(f"{server}: " + "; ".join(problems))
print(f"{server}: {sum(its.values())} integration tests in {len(its)} classes, "
      f"{sum(tests.values())} unit tests in {len(tests)} classes, each class as the profile expects: {sorted(its)}")
