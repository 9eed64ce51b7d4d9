package dev.authservice.it.frontends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authservice.it.support.DocumentedRecipe;
import dev.authservice.it.support.HeadlessChromium;
import dev.authservice.it.support.Poll;
import dev.authservice.it.support.ServiceProcess;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The README's examples, docs/front-ends.md's "Try it on one machine", then
 * docs/administration.md's "Step by step" from where it stopped, on one database as one person in
 * one set of terminals would, as the documents print them, read from the Markdown:
 * its shell commands (the certificate, nginx's file and start, the stand-in application, the
 * first account) run by bash as a user who is not root (nobody, when the tests run as root); the
 * service gets the document's environment on the document's port; Chromium gets the document's
 * flags, as bash expands them; then the scenario the paragraph after the block promises. The
 * administration walk-through restarts the service with its own command's environment on the same
 * database, and its two blocks run in one shell's keeping, as in one terminal: what the first
 * sets ($ADMIN) the second reads.
 *
 * <p>One step is not run as printed: the service's {@code mvn package payara-micro:start}. These
 * tests run inside that Maven build, so the service is started as the plugin starts it (Payara
 * Micro with the shipped options and the built WAR at the root), with the document's variables,
 * and with the tests' JIT ({@link ServiceProcess}), which changes how fast, not what, it answers.
 */
class WalkThroughIT {

    private static final Path DOCUMENT = Path.of("docs", "front-ends.md");
    private static final Path ADMINISTRATION = Path.of("docs", "administration.md");
    private static final Path README = Path.of("README.md");
    private static final Path WALK_THROUGH_DIR = Path.of("/tmp/sso");
    private static final String SERVICE_COMMAND = "mvn package payara-micro:start";
    private static final Pattern QUOTED = Pattern.compile("`([^`]+)`");
    private static final int SERVICE_PORT = 5000;

    @Test
    void aPersonFollowsFrontEndsThenAdministrationInOneSetOfTerminals() throws Exception {
        List<String> block = DocumentedRecipe.of(DOCUMENT, "### Try it on one machine")
                .text()
                .lines()
                .toList();
        int serviceStart = commandStart(block, indexOf(block, SERVICE_COMMAND));
        int serviceEnd = indexOf(block, SERVICE_COMMAND);
        int browserStart = indexOf(block, "chromium ");
        String setUp = String.join("\n", block.subList(0, serviceStart));
        String service = String.join("\n", block.subList(serviceStart, serviceEnd + 1));
        String firstAccount = String.join("\n", block.subList(serviceEnd + 1, browserStart));
        String browserCommand = String.join("\n", block.subList(browserStart, block.size()));
        List<String> promise = quoted(promiseAfter("### Try it on one machine"));

        for (int port : new int[] {SERVICE_PORT, 8080, 8443}) {
            assertTrue(isFree(port), "the walk-through needs port " + port + ", which something else holds");
        }
        removeWalkThroughDir();
        Path workDir = ServiceProcess.workDir("walk-through").toAbsolutePath();
        Files.createDirectories(workDir);
        ServiceProcess serviceProcess = null;
        WebDriver browser = null;
        try {
            // The README: the service as `mvn package payara-micro:start` starts it, and the
            // contract's examples, the token of the login's answer in place of <session_token>.
            serviceProcess = new ServiceProcess(workDir, SERVICE_PORT);
            serviceProcess.start();
            List<String> examples = DocumentedRecipe.of(README, "The contract's own examples, verbatim:")
                    .text()
                    .lines()
                    .toList();
            assertEquals(3, examples.size(), "register, login and logout: " + examples);
            assertTrue(ran(examples.get(0), workDir).contains("\"username\":\"testuser\""));
            Matcher token = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(ran(examples.get(1), workDir));
            assertTrue(token.find(), "the login answered a token");
            assertTrue(ran(examples.get(2).replace("<session_token>", token.group(1)), workDir)
                    .contains("\"revoked\":1"));
            serviceProcess.stop();

            run(setUp, workDir.resolve("set-up.out"));
            assertTrue(
                    Poll.until(Duration.ofSeconds(30), () -> !isFree(8080) && !isFree(8443)),
                    "the stand-in application and nginx listen");

            serviceProcess = new ServiceProcess(workDir, SERVICE_PORT);
            environmentOf(service, workDir).forEach(serviceProcess::withEnv);
            serviceProcess.start();

            Path registered = workDir.resolve("first-account.out");
            run(firstAccount, registered);
            String username = promise.get(0);
            assertTrue(
                    Files.readString(registered).contains("\"username\":\"" + username + "\""),
                    "the document's curl made " + username + ": " + Files.readString(registered));

            List<String> arguments = expandedBy(browserCommand, workDir);
            String firstPage = arguments.get(arguments.size() - 1);
            browser = chromium(arguments.subList(0, arguments.size() - 1));
            String password = passwordIn(firstAccount);

            browser.get(firstPage);
            String signIn = "https://auth.example.test:8443/portal/login";
            await(browser, ExpectedConditions.urlContains(signIn));
            signIn(browser, username, password);
            await(browser, ExpectedConditions.urlToBe(firstPage));
            assertEquals(
                    "This is " + hostOf(firstPage) + ". Signed in: " + username,
                    browser.findElement(By.tagName("p")).getText());

            String secondApplication = promise.get(1);
            browser.get(secondApplication);
            await(browser, ExpectedConditions.urlToBe(secondApplication));
            assertEquals(
                    "This is " + hostOf(secondApplication) + ". Signed in: " + username,
                    browser.findElement(By.tagName("p")).getText(),
                    "the second application opens without asking again");

            String signOut = promise.get(2);
            browser.get(signOut);
            browser.findElement(By.id("sign-out")).click();
            await(browser, ExpectedConditions.urlContains(signIn));
            for (String application : List.of(firstPage, secondApplication)) {
                browser.get(application);
                await(browser, ExpectedConditions.urlContains(signIn));
            }

            // docs/administration.md, where front-ends.md stopped.
            List<String> steps = DocumentedRecipe.of(
                            ADMINISTRATION, "### Step by step, after front-ends.md's walk-through")
                    .text()
                    .lines()
                    .toList();
            int restartEnd = indexOf(steps, SERVICE_COMMAND);
            String restart = String.join("\n", steps.subList(commandStart(steps, restartEnd), restartEnd + 1));
            String administer = String.join("\n", steps.subList(restartEnd + 1, steps.size()));
            String disable =
                    DocumentedRecipe.of(ADMINISTRATION, "Now disable her:").text();
            String finance = financePage();

            serviceProcess.stop();
            serviceProcess = new ServiceProcess(workDir, SERVICE_PORT);
            environmentOf(restart, workDir).forEach(serviceProcess::withEnv);
            serviceProcess.start();

            browser.get(finance);
            await(browser, ExpectedConditions.urlContains(signIn));
            signIn(browser, username, password);
            await(browser, ExpectedConditions.urlContains("https://auth.example.test:8443/portal/no-access"));

            // One terminal keeps $ADMIN between the blocks; here a file in the walk-through's directory.
            String keptAdmin = WALK_THROUGH_DIR.resolve("admin-token").toString();
            Path administered = workDir.resolve("administer.out");
            run(administer + "\necho \"$ADMIN\" > " + keptAdmin, administered);
            assertTrue(
                    Files.readString(administered).contains("\"finance\""),
                    "step 4 put alice in finance: " + Files.readString(administered));
            browser.get(finance);
            await(browser, ExpectedConditions.urlToBe(finance));
            assertEquals(
                    "This is " + hostOf(finance) + ". Signed in: " + username,
                    browser.findElement(By.tagName("p")).getText());

            Path disabled = workDir.resolve("disable.out");
            run("ADMIN=$(cat " + keptAdmin + ")\n" + disable, disabled);
            assertTrue(Files.readString(disabled).contains("\"disabled\":true"), Files.readString(disabled));
            browser.get(finance);
            await(browser, ExpectedConditions.urlContains(signIn));

            // Enabled again, she signs in to the account page account.md goes on with.
            run(
                    "ADMIN=$(cat " + keptAdmin + ")\n"
                            + DocumentedRecipe.of(ADMINISTRATION, "To go on with [account.md]")
                                    .text(),
                    workDir.resolve("enable.out"));
            browser.get("https://auth.example.test:8443/portal/account");
            await(browser, ExpectedConditions.urlContains(signIn));
            signIn(browser, username, password);
            await(browser, ExpectedConditions.urlToBe("https://auth.example.test:8443/portal/account"));
            assertTrue(browser.getPageSource().contains(username), "the account page says who is signed in");
        } finally {
            if (browser != null) {
                browser.quit();
            }
            if (serviceProcess != null) {
                serviceProcess.close();
            }
            stopWhatTheWalkThroughStarted(setUp, workDir);
        }
    }

    /** The portal's sign-in form, as a person fills it in. */
    private static void signIn(WebDriver browser, String username, String password) {
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
    }

    /** The page administration.md protects for the group finance, as it names it. */
    private static String financePage() throws IOException {
        Matcher m = Pattern.compile("`(https://[^`]+/finance/)`").matcher(Files.readString(ADMINISTRATION));
        assertTrue(m.find(), ADMINISTRATION + " names the finance page of the walk-through");
        return m.group(1);
    }

    /** The line of the block that contains {@code text}. */
    private static int indexOf(List<String> block, String text) {
        for (int i = 0; i < block.size(); i++) {
            if (block.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("the walk-through no longer has \"" + text + "\"");
    }

    /** The first line of the command that ends on line {@code end}, continued with backslashes. */
    private static int commandStart(List<String> block, int end) {
        int start = end;
        while (start > 0 && block.get(start - 1).endsWith("\\")) {
            start--;
        }
        return start;
    }

    /** The paragraph after the walk-through's block: what a person should see. */
    private static String promiseAfter(String marker) throws IOException {
        String document = Files.readString(DOCUMENT);
        int block = document.indexOf("\n```", document.indexOf(marker));
        int after = document.indexOf("\n```", block + 4) + 4;
        int end = document.indexOf("\n\n", after + 2);
        return document.substring(after, end);
    }

    /** The `quoted` parts of a paragraph, in order: the user, the second application, the sign-out page. */
    private static List<String> quoted(String paragraph) {
        List<String> parts = new ArrayList<>();
        Matcher m = QUOTED.matcher(paragraph);
        while (m.find()) {
            parts.add(m.group(1));
        }
        assertEquals(
                3,
                parts.size(),
                "the paragraph names a user, a second application and the sign-out page: " + paragraph);
        return parts;
    }

    /**
     * The variables the command sets, as bash reads them (quotes and continuation lines): the
     * command is run with {@code env -i} in front and {@code env} in place of Maven.
     */
    private static Map<String, String> environmentOf(String command, Path workDir) throws Exception {
        Path out = workDir.resolve("environment.out");
        run("env -i " + command.replace(SERVICE_COMMAND, "env"), out);
        Map<String, String> environment = new LinkedHashMap<>();
        for (String line : Files.readAllLines(out)) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                environment.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        assertTrue(environment.containsKey("AUTH_PORTAL_URL"), "the service command sets the portal: " + command);
        return environment;
    }

    private static String passwordIn(String firstAccount) {
        Matcher m = Pattern.compile("\"password\": \"([^\"]+)\"").matcher(firstAccount);
        assertTrue(m.find(), "the first account's curl names a password: " + firstAccount);
        return m.group(1);
    }

    private static String hostOf(String url) {
        return url.replaceFirst("^https://", "").replaceFirst("/.*$", "");
    }

    /** The words of the chromium command as bash expands them (its $(...) included), one per line. */
    private static List<String> expandedBy(String command, Path workDir) throws Exception {
        Path out = workDir.resolve("browser-arguments.out");
        run(command.replaceFirst("^chromium ", "printf '%s\\\\n' "), out);
        return Files.readAllLines(out);
    }

    /** What {@code command} printed. */
    private static String ran(String command, Path workDir) throws Exception {
        Path out = workDir.resolve("command.out");
        run(command, out);
        return Files.readString(out);
    }

    /** Runs {@code script} with bash, as nobody when the tests run as root; it must succeed. */
    private static void run(String script, Path output) throws Exception {
        List<String> command = new ArrayList<>(asWalkThroughUser());
        command.addAll(List.of("bash", "-euo", "pipefail", "-c", script));
        Process bash = new ProcessBuilder(command)
                .directory(new File("/tmp"))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        assertTrue(bash.waitFor(120, TimeUnit.SECONDS), "the commands finished: " + script);
        assertEquals(0, bash.exitValue(), "the commands succeeded:\n" + script + "\n" + Files.readString(output));
    }

    private static List<String> asWalkThroughUser() {
        return isRoot() ? List.of("runuser", "-u", "nobody", "--") : List.of();
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void removeWalkThroughDir() throws Exception {
        Process rm = new ProcessBuilder("rm", "-rf", WALK_THROUGH_DIR.toString())
                .inheritIO()
                .start();
        assertEquals(0, rm.waitFor(), "a previous walk-through's " + WALK_THROUGH_DIR + " can be removed");
    }

    /** nginx by the document's own command with -s stop; the stand-in application by its command line. */
    private static void stopWhatTheWalkThroughStarted(String setUp, Path workDir) throws Exception {
        setUp.lines().filter(line -> line.startsWith("nginx ")).findFirst().ifPresent(nginx -> {
            try {
                run(nginx + " -s stop", workDir.resolve("nginx-stop.out"));
            } catch (Exception | AssertionError e) {
                System.err.println("nginx did not stop: " + e);
            }
        });
        // By the command line Linux shows (nginx rewrites its own), which ProcessHandle does not
        // give: an nginx whose pid file was never written (a broken recipe) stops too.
        ProcessHandle.allProcesses()
                .filter(p -> {
                    String commandLine = commandLineOf(p);
                    return commandLine.contains("python3 app.py")
                            || commandLine.contains(WALK_THROUGH_DIR + "/nginx.conf");
                })
                .forEach(ProcessHandle::destroy);
    }

    private static String commandLineOf(ProcessHandle process) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline"))
                    .replace('\0', ' ');
        } catch (IOException | RuntimeException gone) {
            return "";
        }
    }

    private static boolean isFree(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return false;
        } catch (IOException nothingListens) {
            return true;
        }
    }

    private static void await(WebDriver browser, org.openqa.selenium.support.ui.ExpectedCondition<Boolean> condition) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(condition);
        } catch (RuntimeException e) {
            throw new AssertionError(
                    "the browser is at " + browser.getCurrentUrl() + ": " + browser.getPageSource(), e);
        }
    }

    /** Debian's chromium through Debian's chromedriver, headless, with the document's flags. */
    private static WebDriver chromium(List<String> documentFlags) {
        return HeadlessChromium.start(documentFlags);
    }
}
