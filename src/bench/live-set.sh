#!/usr/bin/env bash
# The heap's live set under the worst mix this project can make, to size -Xmx from: the service
# started as target/auth-service.sh starts it (payara-config/jvm.options, or OPTIONS), 100,000
# accounts in its database, then at once for DURATION s: token checks at saturation (wrk, 16
# connections), logins, the admin user list at random offsets and searches, passkey ceremonies
# (registration and sign-in, the test suite's software authenticator), every GET path of the
# served OpenAPI document and every portal page in a loop. Every 5 s a class histogram (which
# first runs a full collection) gives the live heap; the script prints the largest, the heap
# committed, the most resident memory and any OutOfMemoryError in the log.
#
#   mvn package && bash src/bench/live-set.sh        # needs wrk, curl, python3
set -euo pipefail
cd "$(dirname "$0")/../.."
OPTIONS=${OPTIONS:-payara-config/jvm.options}
DURATION=${DURATION:-120}
ROWS=${ROWS:-100000}
PORT=25003
WORK=target/bench/live-set
m2=~/.m2/repository
rm -rf "$WORK"
mkdir -p "$WORK"
derby=$(ls $m2/org/apache/derby/*/10.16.1.1/*.jar | tr '\n' :)
mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile="$WORK/test.cp" -Dmdep.includeScope=test >/dev/null
testcp=target/test-classes:$(cat "$WORK/test.cp")

pid=
start() {
    AUTH_DB_DIR="$WORK/authdb" AUTH_MFA_KEY_FILE="$WORK/totp.key" \
        AUTH_BOOTSTRAP_ADMIN_USERNAME=bench-admin AUTH_BOOTSTRAP_ADMIN_PASSWORD='bench admin passphrase' \
        AUTH_ADMIN_REQUIRE_SECOND_FACTOR=false AUTH_COOKIE_SECURE=false \
        java -XX:SharedArchiveFile=target/auth-service.jsa @"$OPTIONS" -jar target/payara-micro.jar \
        --deploy target/auth-service.war --contextroot / --port "$PORT" --nohazelcast --disablephonehome \
        --prebootcommandfile payara-config/pre-boot-commands.asadmin \
        --systemproperties payara-config/system.properties >>"$WORK/server.log" 2>&1 &
    pid=$!
    until curl -sf -o /dev/null "localhost:$PORT/health/ready" 2>/dev/null; do sleep 0.5; done
}
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=; }
trap '[ -n "$pid" ] && kill $pid 2>/dev/null || true; jobs -p | xargs -r kill 2>/dev/null || true' EXIT
json() { python3 -c "import sys, json; print(json.load(sys.stdin)['$1'])"; }
login() {
    curl -sf -X POST "localhost:$PORT/login" -H 'Content-Type: application/json' \
        -d "{\"username\":\"$1\",\"password\":\"$2\"}" | json token
}

start && stop
java -cp "$derby" src/bench/UserListTiming.java fill "jdbc:derby:$WORK/authdb" "$ROWS" >/dev/null
start
base=http://localhost:$PORT
admin=$(login bench-admin 'bench admin passphrase')
# The bootstrap administrator changes the password given in the environment before anything else.
if curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $admin" "$base/admin/users?max=1" | grep -q 403; then
    curl -sf -o /dev/null -X POST "$base/password" -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
        -d '{"current_password":"bench admin passphrase","new_password":"bench admin passphrase 2"}'
    admin=$(login bench-admin 'bench admin passphrase 2')
fi
user='{"username":"live-set","password":"Tr0ub4dor&3-horse-staple"}'
curl -sf -o /dev/null -X POST "$base/register" -H 'Content-Type: application/json' -d "$user"
token=$(login live-set 'Tr0ub4dor&3-horse-staple')
gets=$(curl -sf "$base/openapi" | python3 -c '
import re, sys
path = None
for line in sys.stdin:
    m = re.match(r"^  (/[^:]*):$", line)
    if m: path = m.group(1)
    elif re.match(r"^    get:$", line) and path: print(path.replace("{username}", "live-set"))
')
pages="/portal/login /portal/login/second-factor /portal/logout /portal/no-access /portal/account /portal/style.css /portal/passkeys.js /openapi /health /health/ready /health/live /metrics"

( while kill -0 "$pid" 2>/dev/null; do awk '/^VmRSS/ { print int($2 / 1024) }' "/proc/$pid/status" >>"$WORK/rss"; sleep 1; done ) &
( while kill -0 "$pid" 2>/dev/null; do
    jcmd "$pid" GC.class_histogram 2>/dev/null | awk '/^Total/ { print int($3 / 1048576) }' >>"$WORK/live"
    sleep 5
  done ) &
end=$((SECONDS + DURATION))
wrk -t2 -c16 -d"${DURATION}s" -H "Authorization: Bearer $token" "$base/session" >"$WORK/wrk.txt" &
( while [ $SECONDS -lt $end ]; do login live-set 'Tr0ub4dor&3-horse-staple' >/dev/null; done ) &
( while [ $SECONDS -lt $end ]; do
    java -Daccounts="$ROWS" src/bench/UserListTiming.java time "$base/" "$admin" 50 >>"$WORK/user-list.txt"
  done ) &
( while [ $SECONDS -lt $end ]; do
    java -cp "$testcp" src/bench/PasskeySignInTiming.java "$base/" 100 >>"$WORK/passkeys.txt"
  done ) &
( while [ $SECONDS -lt $end ]; do
    for path in $gets $pages; do
        curl -s -o /dev/null -m 10 -H "Authorization: Bearer $admin" "$base$path"
        curl -s -o /dev/null -m 10 "$base$path"
    done
  done ) &
sleep "$DURATION"
sleep 10
echo "live set after a full collection, most of $(wc -l <"$WORK/live") samples: $(sort -n "$WORK/live" | tail -1) MiB"
echo "heap: $(jcmd "$pid" GC.heap_info | head -3 | tr -s ' ' | tr '\n' ' ')"
echo "resident set, most: $(sort -n "$WORK/rss" | tail -1) MiB"
echo "token checks: $(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.txt") req/s under the mix"
echo "OutOfMemoryError in the log: $(grep -c OutOfMemoryError "$WORK/server.log" || true)"
echo "collections: $(jstat -gcutil "$pid" | tail -1)"
echo "the live heap's largest classes now:"
jcmd "$pid" GC.class_histogram | sed -n 4,11p
