#!/usr/bin/env bash
# auth-service against Keycloak, side by side, in one run on this machine, with the same load
# generator (wrk) and the same parameters for both. Prints the table in docs/performance.md.
#
#   mvn package && bash src/bench/side-by-side.sh
#
# Needs Java 17, Maven, curl, unzip and wrk (Debian: apt-get install curl unzip wrk). Keycloak
# comes from Maven Central (org.keycloak:keycloak-quarkus-dist), is built once (`kc.sh build`, its
# embedded file database) and runs as in production (`kc.sh start --optimized`), with one realm: a
# confidential client with direct access grants, users with the same password, and the realm's
# password hashing set to auth-service's (PBKDF2-SHA256, 600,000 iterations). auth-service runs as
# the README starts it in production (target/auth-service.sh) on embedded Derby; the README's
# development command (`mvn package payara-micro:start`, in this already built tree) is timed too.
# Both listen on ports outside the ephemeral range.
#
# Starts: STARTS on a fresh database (its files deleted before each) and STARTS on the data the
# last one left (a restart, what a rolling update does), each to the first answer.
#
# Settings (environment): CONNECTIONS (16) and PHASE (15 s) for the token checks, WARMUP (60 s)
# of token checks and logins before measuring, LOGIN_CONNECTIONS (2 8), LOGIN_PHASE (20 s),
# LOGIN_RUNS (3) runs of auth-service's logins per connection count, each between two
# measurements of the raw PBKDF2 limit, STARTS (3) timed starts of each service,
# KEYCLOAK_VERSION (26.7.3).
set -euo pipefail

cd "$(dirname "$0")/../.."
CONNECTIONS=${CONNECTIONS:-16}
PHASE=${PHASE:-15}
WARMUP=${WARMUP:-60}
LOGIN_CONNECTIONS=${LOGIN_CONNECTIONS:-2 8}
LOGIN_PHASE=${LOGIN_PHASE:-20}
LOGIN_RUNS=${LOGIN_RUNS:-3}
STARTS=${STARTS:-3}
KEYCLOAK_VERSION=${KEYCLOAK_VERSION:-26.7.3}
AUTH_PORT=25000
README_PORT=25001
KC_PORT=25080
USERS=16
PASSWORD='Tr0ub4dor&3-horse-staple'
PASSWORD_FORM='Tr0ub4dor%263-horse-staple'
PASSWORD_FORM_IN_LUA_FORMAT='Tr0ub4dor%%263-horse-staple'
WORK=target/bench
KC_HOME=$WORK/keycloak-$KEYCLOAK_VERSION

for tool in java curl unzip wrk; do
    command -v "$tool" >/dev/null || { echo "side-by-side: $tool is missing (Debian: apt-get install $tool)" >&2; exit 2; }
done
for built in target/auth-service.sh target/auth-service.war target/payara-micro.jar; do
    [ -e "$built" ] || { echo "side-by-side: $built is missing; run mvn package first" >&2; exit 2; }
done
mkdir -p "$WORK"

pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

# --- helpers (shared with oidc-side-by-side.sh) --------------------------------------------------

# shellcheck source=src/bench/bench-lib.sh
. src/bench/bench-lib.sh

# --- auth-service --------------------------------------------------------------------------------

# Starts the service (on the data in $WORK/auth-data, fresh if $1 is "fresh") and sets auth_pid and
# started_in (seconds to the first answer).
start_auth() {
    [ "$1" != fresh ] || rm -rf "$WORK/auth-data"
    mkdir -p "$WORK/auth-data"
    local started
    started=$(now)
    AUTH_PORT=$AUTH_PORT AUTH_DB_DIR="$WORK/auth-data/authdb" AUTH_MFA_KEY_FILE="$WORK/auth-data/totp.key" \
        target/auth-service.sh >"$WORK/auth-service.log" 2>&1 &
    auth_pid=$!
    pids+=("$auth_pid")
    await answers "$AUTH_PORT"
    started_in=$(seconds_since "$started")
}


# The README's own command, in this tree (built already, so `package` changes nothing), on its
# own data; sets started_in. Maven starts Payara Micro as a child process, stopped here by its port.
time_readme_command() {
    local started mvn_pid
    rm -rf "$WORK/readme-data"
    started=$(now)
    AUTH_DB_DIR="$WORK/readme-data/authdb" AUTH_MFA_KEY_FILE="$WORK/readme-data/totp.key" \
        mvn -q package payara-micro:start -Dauth.port=$README_PORT >"$WORK/readme-command.log" 2>&1 &
    mvn_pid=$!
    pids+=("$mvn_pid")
    await answers "$README_PORT"
    started_in=$(seconds_since "$started")
    stop_pid "$(listener "$README_PORT")"
    stop_pid "$mvn_pid"
}

echo "auth-service: the README's command (mvn package payara-micro:start), $STARTS times" >&2
readme_starts=""
for i in $(seq "$STARTS"); do
    time_readme_command
    readme_starts="$readme_starts $started_in"
done

echo "auth-service: $STARTS starts on a fresh database, then $STARTS restarts (target/auth-service.sh)" >&2
auth_starts="" auth_restarts=""
for i in $(seq "$STARTS"); do
    [ -z "${auth_pid:-}" ] || stop_pid "$auth_pid"
    start_auth fresh
    auth_starts="$auth_starts $started_in"
done
for i in $(seq "$STARTS"); do
    stop_pid "$auth_pid"
    start_auth existing
    auth_restarts="$auth_restarts $started_in"
done
# The last start stays up for the load phases.
for n in $(seq 0 $((USERS - 1))); do
    curl -sf -o /dev/null -X POST "localhost:$AUTH_PORT/register" -H 'Content-Type: application/json' \
        -d "{\"username\":\"bench$n\",\"password\":\"$PASSWORD\"}"
done
auth_token=$(curl -sf -X POST "localhost:$AUTH_PORT/login" -H 'Content-Type: application/json' \
    -d "{\"username\":\"bench0\",\"password\":\"$PASSWORD\"}" | sed 's/.*"token":"\([^"]*\)".*/\1/')
lua_login "$WORK/auth-login.lua" /login application/json "{\"username\":\"bench%d\",\"password\":\"$PASSWORD\"}"

# --- Keycloak ------------------------------------------------------------------------------------

if [ ! -x "$KC_HOME/bin/kc.sh" ]; then
    echo "Keycloak $KEYCLOAK_VERSION: fetching org.keycloak:keycloak-quarkus-dist from Maven Central" >&2
    mvn -q dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" -DoutputDirectory="$WORK"
    unzip -q -o "$WORK/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip" -d "$WORK"
fi

# Keycloak's production mode, built once for its embedded file database, over plain HTTP.
KC_OPTIONS=(--http-enabled=true --http-port "$KC_PORT" --hostname-strict=false)
echo "Keycloak: kc.sh build" >&2
"$KC_HOME/bin/kc.sh" build --db=dev-file >"$WORK/keycloak-build.log" 2>&1

# Starts Keycloak (on a fresh database if $1 is "fresh") and sets kc_pid (the JVM), kc_launcher and started_in.
start_keycloak() {
    [ "$1" != fresh ] || rm -rf "$KC_HOME/data/h2"
    local started
    started=$(now)
    KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
        setsid "$KC_HOME/bin/kc.sh" start --optimized "${KC_OPTIONS[@]}" >"$WORK/keycloak.log" 2>&1 &
    kc_launcher=$!
    pids+=("$kc_launcher")
    await curl -sf -o /dev/null "localhost:$KC_PORT/realms/master/.well-known/openid-configuration"
    started_in=$(seconds_since "$started")
    kc_pid=$(listener "$KC_PORT")
    pids+=("$kc_pid")
}

stop_keycloak() { stop_pid "$kc_pid"; stop_pid "$kc_launcher"; }

echo "Keycloak: $STARTS starts on a fresh database, then $STARTS restarts (kc.sh start --optimized)" >&2
kc_starts="" kc_restarts=""
for i in $(seq "$STARTS"); do
    [ -z "${kc_pid:-}" ] || stop_keycloak
    start_keycloak fresh
    kc_starts="$kc_starts $started_in"
done
kcadm() { "$KC_HOME/bin/kcadm.sh" "$@" >/dev/null; }
kcadm config credentials --server "http://localhost:$KC_PORT" --realm master --user admin --password admin \
    --config "$WORK/kcadm.config"
kcadm create realms --config "$WORK/kcadm.config" -s realm=bench -s enabled=true \
    -s 'passwordPolicy=hashAlgorithm(pbkdf2-sha256) and hashIterations(600000)'
kcadm create clients --config "$WORK/kcadm.config" -r bench -s clientId=bench -s enabled=true \
    -s publicClient=false -s directAccessGrantsEnabled=true -s secret=bench-secret
for n in $(seq 0 $((USERS - 1))); do
    kcadm create users --config "$WORK/kcadm.config" -r bench -s username="bench$n" -s enabled=true \
        -s email="bench$n@example.org" -s emailVerified=true -s firstName=Bench -s lastName="User$n"
    kcadm set-password --config "$WORK/kcadm.config" -r bench --username "bench$n" --new-password "$PASSWORD"
done
for i in $(seq "$STARTS"); do
    stop_keycloak
    start_keycloak existing
    kc_restarts="$kc_restarts $started_in"
done
kc_token_endpoint=/realms/bench/protocol/openid-connect/token
kc_token=$(curl -sf -X POST "localhost:$KC_PORT$kc_token_endpoint" -d grant_type=password -d client_id=bench \
    -d client_secret=bench-secret -d username=bench0 -d "password=$PASSWORD_FORM" -d scope=openid \
    | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
lua_login "$WORK/kc-login.lua" "$kc_token_endpoint" application/x-www-form-urlencoded \
    "grant_type=password&client_id=bench&client_secret=bench-secret&username=bench%d&password=$PASSWORD_FORM_IN_LUA_FORMAT&scope=openid"

# --- load ----------------------------------------------------------------------------------------

auth_check() { measure -t2 -c"$CONNECTIONS" -d"${1}s" -H "Authorization: Bearer $auth_token" "http://localhost:$AUTH_PORT/session"; }
auth_live() { measure -t2 -c"$CONNECTIONS" -d"${1}s" "http://localhost:$AUTH_PORT/health/live"; }
kc_check() { measure -t2 -c"$CONNECTIONS" -d"${1}s" -H "Authorization: Bearer $kc_token" "http://localhost:$KC_PORT/realms/bench/protocol/openid-connect/userinfo"; }

rm -f "$WORK/auth-rss" "$WORK/kc-rss"
sample_rss "$auth_pid" "$WORK/auth-rss" &
pids+=("$!")
sample_rss "$kc_pid" "$WORK/kc-rss" &
pids+=("$!")

echo "Warm-up: ${WARMUP} s of token checks and 10 s of logins on each" >&2
auth_check "$WARMUP" >/dev/null
kc_check "$WARMUP" >/dev/null
measure -t2 -c8 -d10s -s "$WORK/auth-login.lua" "http://localhost:$AUTH_PORT" >/dev/null
measure -t2 -c8 -d10s -s "$WORK/kc-login.lua" "http://localhost:$KC_PORT" >/dev/null
settle
# The JIT's first minute is start-up, not load: resident memory is reported for both apart.
auth_warm_samples=$(wc -l <"$WORK/auth-rss")
kc_warm_samples=$(wc -l <"$WORK/kc-rss")

echo "Token checks: $CONNECTIONS connections, $PHASE s each, alternating" >&2
settle; read -r a_rps a_p50 a_p90 a_p99 a_p999 a_err < <(auth_check "$PHASE")
settle; read -r k_rps k_p50 k_p90 k_p99 k_p999 k_err < <(kc_check "$PHASE")
settle; read -r l_rps l_p50 l_p90 l_p99 l_p999 l_err < <(auth_live "$PHASE")
settle; read -r a2_rps a2_p50 a2_p90 a2_p99 a2_p999 a2_err < <(auth_check "$PHASE")
settle; read -r k2_rps k2_p50 k2_p90 k2_p99 k2_p999 k2_err < <(kc_check "$PHASE")

# The raw limit moves by 10 % and more within minutes on a shared machine, so each run of logins
# is judged against the limit measured right before and right after it, and the ratio is the
# mean of LOGIN_RUNS such runs (issue 13, target 4).
hash_limit() { java src/bench/HashLimit.java 600000 15 | awk '/^limit:/ { print $2 }'; }
mean() { tr ' ' '\n' | grep . | awk '{ s += $1 } END { printf "%.2f", s / NR }'; }

login_rows=""
for c in $LOGIN_CONNECTIONS; do
    runs="" ratios="" limits=""
    for run in $(seq "$LOGIN_RUNS"); do
        echo "Logins: $c connections, $LOGIN_PHASE s, run $run of $LOGIN_RUNS, between two raw PBKDF2 limits" >&2
        settle; before=$(hash_limit)
        read -r al_rps al_p50 al_p90 al_p99 al_p999 al_err < <(measure -t2 -c"$c" -d"${LOGIN_PHASE}s" -s "$WORK/auth-login.lua" "http://localhost:$AUTH_PORT")
        after=$(hash_limit)
        runs="$runs $al_rps" limits="$limits $before/$after"
        ratios="$ratios $(awk -v r="$al_rps" -v a="$before" -v b="$after" 'BEGIN { printf "%.3f", 2 * r / (a + b) }')"
        a_login_err=$(( ${a_login_err:-0} + al_err ))
    done
    settle; read -r kl_rps kl_p50 kl_p90 kl_p99 kl_p999 kl_err < <(measure -t2 -c"$c" -d"${LOGIN_PHASE}s" -s "$WORK/kc-login.lua" "http://localhost:$KC_PORT")
    k_login_err=$(( ${k_login_err:-0} + kl_err ))
    login_rows="$login_rows$c|$(echo "$runs" | mean)|${runs# }|$(echo "$ratios" | mean)|${ratios# }|${limits# }|$al_p50|$kl_rps|$kl_p50
"
done

auth_rss=$(rss_mib "$auth_pid"); auth_peak=$(peak_mib "$auth_pid")
kc_rss=$(rss_mib "$kc_pid"); kc_peak=$(peak_mib "$kc_pid")

# --- the table -----------------------------------------------------------------------------------

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f ×", (b > 0) ? a / b : 0 }'; }
auth_start=$(echo "$auth_starts" | median)
kc_start=$(echo "$kc_starts" | median)
auth_restart=$(echo "$auth_restarts" | median)
kc_restart=$(echo "$kc_restarts" | median)
readme_start=$(echo "$readme_starts" | median)
a_mean=$(awk -v a="$a_rps" -v b="$a2_rps" 'BEGIN { printf "%.0f", (a + b) / 2 }')
warm_max() { head -n "$2" "$1" | highest; }
load_max() { tail -n +"$(( $2 + 1 ))" "$1" | highest; }
# 384 MB, the resident-set goal, is 366 MiB.
all_max() { highest <"$1"; }

cat <<EOF

Side by side on $(nproc) cores, $(awk '/MemTotal/ { printf "%d GiB", $2 / 1048576 }' /proc/meminfo), $(java -version 2>&1 | head -1); wrk -t2, $(date -u +%Y-%m-%dT%H:%MZ)

| | auth-service | Keycloak $KEYCLOAK_VERSION | ratio |
|---|---|---|---|
| token check (\`GET /session\` vs OIDC userinfo), $CONNECTIONS connections, run 1: req/s; p50, p90, **p99**, p99.9 ms | $a_rps; $a_p50, $a_p90, **$a_p99**, $a_p999 | $k_rps; $k_p50, $k_p90, **$k_p99**, $k_p999 | $(ratio "$a_rps" "$k_rps"); p99 $(ratio "$a_p99" "$k_p99") |
| same, run 2 | $a2_rps; $a2_p50, $a2_p90, **$a2_p99**, $a2_p999 | $k2_rps; $k2_p50, $k2_p90, **$k2_p99**, $k2_p999 | $(ratio "$a2_rps" "$k2_rps"); p99 $(ratio "$a2_p99" "$k2_p99") |
| token check against the server's own \`/health/live\` | $a_mean req/s (mean of both runs) | \`/health/live\`: $l_rps req/s, p99 $l_p99 ms | $(ratio "$a_mean" "$l_rps") |
EOF
while IFS='|' read -r c mean_rps runs mean_ratio ratios limits al_p50 kl_rps kl_p50; do
    [ -n "$c" ] || continue
    echo "| password login, $c connections, PBKDF2-SHA256 600,000 on both: mean of $LOGIN_RUNS runs ($runs/s), each against the raw limit just before and after it ($limits hashes/s) | $mean_rps/s, p50 $al_p50 ms (last run); **$mean_ratio × the raw limit** (runs: $ratios) | $kl_rps/s, p50 $kl_p50 ms (one run) | $(ratio "$mean_rps" "$kl_rps") |"
done <<<"$login_rows"
cat <<EOF
| start to first answer, fresh database (median of $STARTS;$auth_starts s /$kc_starts s) | $auth_start s (\`target/auth-service.sh\`) | $kc_start s (\`kc.sh start --optimized\`) | $(ratio "$auth_start" "$kc_start") the time |
| restart on existing data (median of $STARTS;$auth_restarts s /$kc_restarts s) | $auth_restart s | $kc_restart s | $(ratio "$auth_restart" "$kc_restart") the time |
| the README's \`mvn package payara-micro:start\`, already built, to the first answer (median of $STARTS;$readme_starts s) | $readme_start s | | |
| resident memory (MiB; 384 MB is 366 MiB): most of every sample, most in the warm-up (the JIT's first minute), most in the measured phases, after them, the process's peak | **$(all_max "$WORK/auth-rss")**, $(warm_max "$WORK/auth-rss" "$auth_warm_samples"), $(load_max "$WORK/auth-rss" "$auth_warm_samples"), $auth_rss, $auth_peak | **$(all_max "$WORK/kc-rss")**, $(warm_max "$WORK/kc-rss" "$kc_warm_samples"), $(load_max "$WORK/kc-rss" "$kc_warm_samples"), $kc_rss, $kc_peak | |
| non-2xx answers in the measured phases (token checks; logins) | $((a_err + a2_err)); ${a_login_err:-0} | $((k_err + k2_err)); ${k_login_err:-0} | |
EOF
