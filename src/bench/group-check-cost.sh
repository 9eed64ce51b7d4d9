#!/usr/bin/env bash
# What the group check costs the token check: GET /session of two WARs, one after the other, on
# the same Payara Micro, JVM options and a fresh embedded database each, with wrk (16
# connections, 15 s, after a 60 s warm-up), twice each. The second WAR is also measured with ?group=finance
# for a user in that group.
#
#   bash src/bench/group-check-cost.sh BEFORE.war AFTER.war      # needs wrk, curl, python3
#
# BEFORE.war: a build from before groups (git worktree add /tmp/before 595b66e; mvn package there).
set -euo pipefail
cd "$(dirname "$0")/../.."
before=$1 after=$2
port=5090
work=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

json() { python3 -c "import sys, json; print(json.load(sys.stdin)['$1'])"; }

start() {
    local war=$1
    local dir=$work/$(basename "$war" .war)-$RANDOM
    mkdir -p "$dir"
    (cd "$dir" && AUTH_DB_DIR="$dir/db" AUTH_MFA_KEY_FILE="$dir/totp.key" AUTH_PASSWORD_HASH_ITERATIONS=1024 \
        AUTH_BOOTSTRAP_ADMIN_USERNAME=bench-admin AUTH_BOOTSTRAP_ADMIN_PASSWORD='bench admin passphrase' \
        AUTH_ADMIN_REQUIRE_SECOND_FACTOR=false \
        exec java @"$OLDPWD"/payara-config/jvm.options -jar "$OLDPWD"/target/payara-micro.jar --deploy "$war" --contextroot / \
        --port $port --nohazelcast --disablephonehome \
        --prebootcommandfile "$OLDPWD"/payara-config/pre-boot-commands.asadmin \
        --systemproperties "$OLDPWD"/payara-config/system.properties >"$dir/server.log" 2>&1) &
    server=$!
    until curl -sf -o /dev/null http://localhost:$port/health/ready 2>/dev/null; do sleep 0.5; done
}

token() {
    curl -s -X POST http://localhost:$port/register -H 'Content-Type: application/json' \
        -d '{"username":"bench","password":"correct horse battery"}' >/dev/null
    curl -s -X POST http://localhost:$port/login -H 'Content-Type: application/json' \
        -d '{"username":"bench","password":"correct horse battery"}' | json token
}

measure() {
    local label=$1 path=$2 token=$3
    wrk -t2 -c16 -d60s -H "Authorization: Bearer $token" "http://localhost:$port$path" >/dev/null
    for round in 1 2; do
        printf '%s (%s): ' "$label" "$round"
        wrk -t2 -c16 -d15s --latency -H "Authorization: Bearer $token" "http://localhost:$port$path" \
            | awk '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} END {print rps " req/s, p50 " p50 ", p99 " p99}'
    done
}

stop() { kill "$server"; wait "$server" 2>/dev/null || true; }

start "$before"
measure "before groups, GET /session" /session "$(token)"
stop

start "$after"
user=$(token)
admin=$(curl -s -X POST http://localhost:$port/login -H 'Content-Type: application/json' \
    -d '{"username":"bench-admin","password":"bench admin passphrase"}' | json token)
curl -s -X PUT http://localhost:$port/admin/users/bench/groups -H "Authorization: Bearer $admin" \
    -H 'Content-Type: application/json' -d '["finance","staff"]' >/dev/null
measure "with groups,   GET /session" /session "$user"
measure "with groups,   GET /session?group=finance" "/session?group=finance" "$user"
stop
