#!/usr/bin/env bash
# Where a token check's time and memory go, for one set of JVM options: starts the service as
# target/auth-service.sh does (or with OPTIONS, another JVM options file, and PREBOOT, another
# pre-boot command file), warms it with WARMUP s of token checks, then runs two 15 s phases of
# `GET /session` (wrk, 16 connections) and prints for each the requests a second, p50, p90, p99
# and p99.9, the bytes allocated per request and the young collections (jstat -gc before and
# after), and the most resident memory sampled.
#
#   mvn package && bash src/bench/token-check-profile.sh
#   OPTIONS=my-jvm.options bash src/bench/token-check-profile.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
OPTIONS=${OPTIONS:-payara-config/jvm.options}
PREBOOT=${PREBOOT:-payara-config/pre-boot-commands.asadmin}
WARMUP=${WARMUP:-40}
PORT=25002
WORK=target/bench/token-check-profile
rm -rf "$WORK"
mkdir -p "$WORK"
cat >"$WORK/percentiles.lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("percentiles %.2f %.2f %.2f %.2f\n", latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000))
end
LUA

AUTH_DB_DIR="$WORK/authdb" AUTH_MFA_KEY_FILE="$WORK/totp.key" java -XX:SharedArchiveFile=target/auth-service.jsa \
    @"$OPTIONS" -jar target/payara-micro.jar --deploy target/auth-service.war --contextroot / --port "$PORT" \
    --nohazelcast --disablephonehome --prebootcommandfile "$PREBOOT" \
    --systemproperties payara-config/system.properties >"$WORK/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
until [ "$(curl -s -o /dev/null -w '%{http_code}' -X POST "localhost:$PORT/logout")" = 401 ]; do sleep 0.1; done
( while kill -0 "$pid" 2>/dev/null; do awk '/^VmRSS/ { print int($2 / 1024) }' "/proc/$pid/status" >>"$WORK/rss"; sleep 1; done ) &

credentials='{"username":"profile0","password":"Tr0ub4dor&3-horse-staple"}'
curl -sf -o /dev/null -X POST "localhost:$PORT/register" -H 'Content-Type: application/json' -d "$credentials"
token=$(curl -sf -X POST "localhost:$PORT/login" -H 'Content-Type: application/json' -d "$credentials" \
    | sed 's/.*"token":"\([^"]*\)".*/\1/')
wrk -t2 -c16 -d"${WARMUP}s" -H "Authorization: Bearer $token" "http://localhost:$PORT/session" >/dev/null

for phase in 1 2; do
    sleep 3
    before=$(jstat -gc "$pid" | tail -1)
    out=$(wrk -t2 -c16 -d15s -s "$WORK/percentiles.lua" -H "Authorization: Bearer $token" "http://localhost:$PORT/session")
    after=$(jstat -gc "$pid" | tail -1)
    requests=$(awk '/requests in/ { print $1 }' <<<"$out")
    awk -v r="$requests" '/^percentiles/ { printf "phase: %.0f req/s; p50 %s, p90 %s, p99 %s, p99.9 %s ms\n", r / 15, $2, $3, $4, $5 }' <<<"$out"
    # jstat -gc: S0C S1C S0U S1U EC EU OC OU MC MU CCSC CCSU YGC YGCT FGC FGCT ... (KB, s)
    awk -v a="$before" -v b="$after" -v r="$requests" 'BEGIN {
        split(a, x, " "); split(b, y, " "); young = y[13] - x[13]
        printf "  %.1f KB allocated per request; %d young collections, %.2f ms each; %d full\n",
            ((young * x[5]) + y[6] - x[6]) / r, young, young ? (y[14] - x[14]) * 1000 / young : 0, y[15] - x[15] }'
done
echo "resident set: at most $(sort -n "$WORK/rss" | tail -1) MiB"
