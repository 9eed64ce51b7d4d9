#!/usr/bin/env bash
# The admin API's user list and the admin console's at 100,000 accounts, on embedded Derby and on
# PostgreSQL: pages at random offsets and searches, one at a time (src/bench/UserListTiming.java).
#
#   bash src/bench/user-list-100k.sh          # after mvn package; needs curl, python3 and
#                                            # Debian's PostgreSQL server binaries
set -euo pipefail
cd "$(dirname "$0")/../.."
port=5091 pg_port=25491 rows=${ROWS:-100000}
work=$(mktemp -d)
m2=~/.m2/repository
derby=$(ls $m2/org/apache/derby/*/10.16.1.1/*.jar | tr '\n' :)
postgres=$(ls $m2/org/postgresql/postgresql/42.7.8/postgresql-42.7.8.jar)
server=
trap '[ -n "$server" ] && kill "$server" 2>/dev/null || true; src/test/postgres/cluster stop "$work/pg" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

start() {
    (cd "$work" && AUTH_MFA_KEY_FILE="$work/totp.key" AUTH_PASSWORD_HASH_ITERATIONS=1024 \
        AUTH_BOOTSTRAP_ADMIN_USERNAME=bench-admin AUTH_BOOTSTRAP_ADMIN_PASSWORD='bench admin passphrase' \
        AUTH_ADMIN_REQUIRE_SECOND_FACTOR=false \
        exec java @"$OLDPWD"/payara-config/jvm.options -jar "$OLDPWD"/target/payara-micro.jar \
        --deploy "$OLDPWD"/target/auth-service.war --contextroot / --port $port --nohazelcast --disablephonehome \
        --prebootcommandfile "$OLDPWD"/payara-config/pre-boot-commands.asadmin \
        --systemproperties "$OLDPWD"/payara-config/system.properties >>"$work/server.log" 2>&1) &
    server=$!
    until curl -sf -o /dev/null http://localhost:$port/health/ready 2>/dev/null; do sleep 0.5; done
}
stop() { kill "$server"; wait "$server" 2>/dev/null || true; server=; }
admin_token() {
    local token
    token=$(curl -s -X POST http://localhost:$port/login -H 'Content-Type: application/json' \
        -d '{"username":"bench-admin","password":"bench admin passphrase"}' \
        | python3 -c 'import sys, json; print(json.load(sys.stdin)["token"])')
    # The first administrator's password is changed before anything else (here to the same text).
    curl -s -o /dev/null -X POST http://localhost:$port/password -H "Authorization: Bearer $token" \
        -H 'Content-Type: application/json' \
        -d '{"current_password":"bench admin passphrase","new_password":"bench admin passphrase"}'
    echo "$token"
}

echo "Derby:"
export AUTH_DB_DIR=$work/derby
start && stop                      # the schema, and the administrator
java -cp "$derby" src/bench/UserListTiming.java fill "jdbc:derby:$AUTH_DB_DIR" "$rows"
start
java -Daccounts="$rows" src/bench/UserListTiming.java time http://localhost:$port/ "$(admin_token)" 500
stop
unset AUTH_DB_DIR

echo "PostgreSQL:"
src/test/postgres/cluster start "$work/pg" $pg_port >/dev/null
export AUTH_DB_URL=jdbc:postgresql://localhost:$pg_port/auth AUTH_DB_USER=auth AUTH_DB_PASSWORD=auth-test
start
java -cp "$postgres" src/bench/UserListTiming.java fill "$AUTH_DB_URL" auth auth-test "$rows"
java -Daccounts="$rows" src/bench/UserListTiming.java time http://localhost:$port/ "$(admin_token)" 500
stop
