#!/usr/bin/env bash
# The OpenID provider against Keycloak, side by side, in one run on this machine, with the same
# load generator (wrk) and the same parameters for both (issue 33): the refresh grant, UserInfo
# with a JWT access token, and the key set. Prints a table for docs/performance.md.
#
#   mvn package && bash src/bench/oidc-side-by-side.sh
#
# Needs what side-by-side.sh needs (Java 17, Maven, curl, unzip, wrk) and uses its Keycloak
# (org.keycloak:keycloak-quarkus-dist from Maven Central, `kc.sh build`, `kc.sh start --optimized`,
# its embedded file database). auth-service runs as shipped (target/auth-service.sh) on embedded
# Derby, with its client from a clients file; Keycloak with a realm whose confidential client has
# direct access grants. Each person's first tokens come from a sign-in: auth-service's through
# the code flow of its portal (curl as the browser), Keycloak's from its password grant.
#
# The refresh grant rotates on both, so every wrk connection keeps its own chain: one thread per
# connection, each sending the refresh token its last answer gave it.
#
# Settings (environment): CONNECTIONS (16), PHASE (15 s), WARMUP (30 s per endpoint and service),
# KEYCLOAK_VERSION (26.7.3), ALG (RS256, the default of both; or ES256: auth-service's client
# registers it for both tokens, and Keycloak's realm gets an ecdsa-generated P-256 key and ES256
# as its default signature algorithm, so that both sign the same way).
set -euo pipefail

cd "$(dirname "$0")/../.."
CONNECTIONS=${CONNECTIONS:-16}
PHASE=${PHASE:-15}
WARMUP=${WARMUP:-30}
KEYCLOAK_VERSION=${KEYCLOAK_VERSION:-26.7.3}
ALG=${ALG:-RS256}
case $ALG in RS256|ES256) ;; *) echo "oidc-side-by-side: ALG is RS256 or ES256" >&2; exit 2 ;; esac
AUTH_PORT=25000
KC_PORT=25080
USERS=$CONNECTIONS
PASSWORD='Tr0ub4dor&3-horse-staple'
PASSWORD_FORM='Tr0ub4dor%263-horse-staple'
WORK=target/bench-oidc
KC_HOME=target/bench/keycloak-$KEYCLOAK_VERSION
CALLBACK=http://localhost:25999/callback

for tool in java curl unzip wrk jq; do
    command -v "$tool" >/dev/null || { echo "oidc-side-by-side: $tool is missing (Debian: apt-get install $tool)" >&2; exit 2; }
done
[ -e target/auth-service.sh ] || { echo "oidc-side-by-side: run mvn package first" >&2; exit 2; }
rm -rf "$WORK"
mkdir -p "$WORK" target/bench

pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

# shellcheck source=src/bench/bench-lib.sh
. src/bench/bench-lib.sh

# A wrk script for the refresh grant at path $1 with client credentials $2 (form fields): each
# thread (one connection) starts from its own token of $3 and sends the one each answer gives.
lua_refresh() {
    cat >"$WORK/$4" <<EOF
local tokens = {}
for line in io.lines("$3") do tokens[#tokens + 1] = line end
local next_thread = 0
function setup(thread)
  next_thread = next_thread + 1
  thread:set("token", tokens[next_thread])
end
function request()
  return wrk.format("POST", "$1", {["Content-Type"] = "application/x-www-form-urlencoded"},
    "grant_type=refresh_token&$2&refresh_token=" .. token)
end
function response(status, headers, body)
  local fresh = body:match('"refresh_token":"([^"]+)"')
  if fresh then token = fresh end
end
EOF
    echo "$PERCENTILES" >>"$WORK/$4"
}

# --- auth-service --------------------------------------------------------------------------------

cat >"$WORK/clients.json" <<EOF
[{"client_id": "bench", "client_name": "Bench", "client_secret": "bench-secret", "redirect_uris": ["$CALLBACK"],
  "id_token_signed_response_alg": "$ALG", "access_token_signed_response_alg": "$ALG"}]
EOF
echo "auth-service: target/auth-service.sh on a fresh database, the client from a clients file" >&2
AUTH_PORT=$AUTH_PORT AUTH_DB_DIR="$WORK/auth-data/authdb" AUTH_MFA_KEY_FILE="$WORK/auth-data/totp.key" \
    AUTH_OIDC_CLIENTS_FILE="$PWD/$WORK/clients.json" target/auth-service.sh >"$WORK/auth-service.log" 2>&1 &
pids+=("$!")
await answers "$AUTH_PORT"
auth_pid=$(listener "$AUTH_PORT")

# One person's sign-in through the portal and the code flow, as a browser would (curl with a
# cookie jar); prints the token endpoint's answer.
auth_code_flow() {
    local jar="$WORK/jar-$1" base="http://localhost:$AUTH_PORT" authorize login csrf location code
    rm -f "$jar"
    curl -sf -o /dev/null -X POST "$base/register" -H 'Content-Type: application/json' \
        -d "{\"username\":\"bench$1\",\"password\":\"$PASSWORD\"}" || true
    authorize="/oauth2/authorize?response_type=code&client_id=bench&scope=openid&state=s&redirect_uri=$(printf %s "$CALLBACK" | jq -sRr @uri)"
    login=$(curl -s -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" "$base$authorize")
    csrf=$(curl -s -c "$jar" -b "$jar" "$login" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
    location=$(curl -s -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" -X POST "$base/portal/login" \
        --data-urlencode "csrf=$csrf" --data-urlencode "username=bench$1" --data-urlencode "password=$PASSWORD" \
        --data-urlencode "rd=$authorize")
    location=$(curl -s -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" "$location")
    code=$(printf %s "$location" | sed -n 's/.*[?&]code=\([^&]*\).*/\1/p')
    curl -sf -u bench:bench-secret -X POST "$base/oauth2/token" -d grant_type=authorization_code \
        -d "code=$code" --data-urlencode "redirect_uri=$CALLBACK"
}

# --- Keycloak ------------------------------------------------------------------------------------

if [ ! -x "$KC_HOME/bin/kc.sh" ]; then
    echo "Keycloak $KEYCLOAK_VERSION: fetching org.keycloak:keycloak-quarkus-dist from Maven Central" >&2
    mvn -q dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" -DoutputDirectory=target/bench
    unzip -q -o "target/bench/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip" -d target/bench
fi
echo "Keycloak: kc.sh build, then kc.sh start --optimized on a fresh database" >&2
"$KC_HOME/bin/kc.sh" build --db=dev-file >"$WORK/keycloak-build.log" 2>&1
rm -rf "$KC_HOME/data/h2"
KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    setsid "$KC_HOME/bin/kc.sh" start --optimized --http-enabled=true --http-port "$KC_PORT" --hostname-strict=false \
    >"$WORK/keycloak.log" 2>&1 &
pids+=("$!")
await curl -sf -o /dev/null "localhost:$KC_PORT/realms/master/.well-known/openid-configuration"
kc_pid=$(listener "$KC_PORT")
pids+=("$kc_pid")
kcadm() { "$KC_HOME/bin/kcadm.sh" "$@" >/dev/null; }
kcadm config credentials --server "http://localhost:$KC_PORT" --realm master --user admin --password admin \
    --config "$WORK/kcadm.config"
kcadm create realms --config "$WORK/kcadm.config" -s id=bench -s realm=bench -s enabled=true
if [ "$ALG" = ES256 ]; then
    kcadm create components --config "$WORK/kcadm.config" -r bench -s name=ecdsa-p256 -s providerId=ecdsa-generated \
        -s providerType=org.keycloak.keys.KeyProvider -s parentId=bench -s 'config.priority=["200"]' \
        -s 'config.enabled=["true"]' -s 'config.active=["true"]' -s 'config.ecdsaEllipticCurveKey=["P-256"]'
    kcadm update realms/bench --config "$WORK/kcadm.config" -s defaultSignatureAlgorithm=ES256
fi
kcadm create clients --config "$WORK/kcadm.config" -r bench -s clientId=bench -s enabled=true \
    -s publicClient=false -s directAccessGrantsEnabled=true -s secret=bench-secret -s "redirectUris=[\"$CALLBACK\"]"
for n in $(seq 0 $((USERS - 1))); do
    kcadm create users --config "$WORK/kcadm.config" -r bench -s username="bench$n" -s enabled=true \
        -s email="bench$n@example.org" -s emailVerified=true -s firstName=Bench -s lastName="User$n"
    kcadm set-password --config "$WORK/kcadm.config" -r bench --username "bench$n" --new-password "$PASSWORD"
done
kc_base=/realms/bench/protocol/openid-connect
kc_password_grant() {
    curl -sf -X POST "localhost:$KC_PORT$kc_base/token" -d grant_type=password -d client_id=bench \
        -d client_secret=bench-secret -d "username=bench$1" -d "password=$PASSWORD_FORM" -d scope=openid
}

# Fresh tokens for every connection of both: access tokens live 5 minutes on both.
fresh_tokens() {
    : >"$WORK/auth-refresh" ; : >"$WORK/kc-refresh"
    for n in $(seq 0 $((USERS - 1))); do
        auth_code_flow "$n" >"$WORK/auth-answer"
        jq -r .refresh_token "$WORK/auth-answer" >>"$WORK/auth-refresh"
        kc_password_grant "$n" >"$WORK/kc-answer"
        jq -r .refresh_token "$WORK/kc-answer" >>"$WORK/kc-refresh"
    done
    auth_access=$(jq -r .access_token "$WORK/auth-answer")
    kc_access=$(jq -r .access_token "$WORK/kc-answer")
}

lua_refresh /oauth2/token "client_id=bench&client_secret=bench-secret" "$PWD/$WORK/auth-refresh" auth-refresh.lua
lua_refresh "$kc_base/token" "client_id=bench&client_secret=bench-secret" "$PWD/$WORK/kc-refresh" kc-refresh.lua

auth_refresh() { measure -t"$CONNECTIONS" -c"$CONNECTIONS" -d"${1}s" -s "$WORK/auth-refresh.lua" "http://localhost:$AUTH_PORT"; }
kc_refresh() { measure -t"$CONNECTIONS" -c"$CONNECTIONS" -d"${1}s" -s "$WORK/kc-refresh.lua" "http://localhost:$KC_PORT"; }
auth_userinfo() { measure -t2 -c"$CONNECTIONS" -d"${1}s" -H "Authorization: Bearer $auth_access" "http://localhost:$AUTH_PORT/oauth2/userinfo"; }
kc_userinfo() { measure -t2 -c"$CONNECTIONS" -d"${1}s" -H "Authorization: Bearer $kc_access" "http://localhost:$KC_PORT$kc_base/userinfo"; }
auth_jwks() { measure -t2 -c"$CONNECTIONS" -d"${1}s" "http://localhost:$AUTH_PORT/oauth2/jwks"; }
kc_jwks() { measure -t2 -c"$CONNECTIONS" -d"${1}s" "http://localhost:$KC_PORT$kc_base/certs"; }

rm -f "$WORK/auth-rss" "$WORK/kc-rss"
sample_rss "$auth_pid" "$WORK/auth-rss" &
pids+=("$!")
sample_rss "$kc_pid" "$WORK/kc-rss" &
pids+=("$!")

echo "Warm-up: $WARMUP s of each endpoint on each" >&2
fresh_tokens
for phase in refresh userinfo jwks; do
    "auth_$phase" "$WARMUP" >/dev/null
    "kc_$phase" "$WARMUP" >/dev/null
done

echo "Measured: $CONNECTIONS connections, $PHASE s each, alternating, twice" >&2
rows=""
for run in 1 2; do
    fresh_tokens
    for phase in refresh userinfo jwks; do
        settle; read -r a_rps a_p50 a_p90 a_p99 a_p999 a_err < <("auth_$phase" "$PHASE")
        settle; read -r k_rps k_p50 k_p90 k_p99 k_p999 k_err < <("kc_$phase" "$PHASE")
        rows="$rows$phase|$run|$a_rps|$a_p50|$a_p99|$a_err|$k_rps|$k_p50|$k_p99|$k_err
"
    done
done
# Both signed as asked: the header of each one's last access token.
alg_of() {
    local header
    header=$(cut -d. -f1 <<<"$1" | tr '_-' '/+')
    while [ $(( ${#header} % 4 )) -ne 0 ]; do header="$header="; done
    base64 -d <<<"$header" | jq -r .alg
}
auth_alg=$(alg_of "$auth_access"); kc_alg=$(alg_of "$kc_access")
# The last answers of each refresh phase were still tokens: the chains held.
auth_refresh_ok=$(curl -s -o /dev/null -w '%{http_code}' -u bench:bench-secret -X POST \
    "localhost:$AUTH_PORT/oauth2/token" -d grant_type=refresh_token -d "refresh_token=$(tail -1 "$WORK/auth-refresh")")

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f ×", (b > 0) ? a / b : 0 }'; }
cat <<EOF

OpenID provider side by side on $(nproc) cores, $(java -version 2>&1 | head -1); tokens $ALG on both; wrk, $CONNECTIONS connections, $PHASE s per phase, $(date -u +%Y-%m-%dT%H:%MZ)

| | run | auth-service req/s; p50, **p99** ms; non-2xx | Keycloak $KEYCLOAK_VERSION req/s; p50, **p99** ms; non-2xx | throughput | p99 |
|---|---|---|---|---|---|
EOF
while IFS='|' read -r phase run a_rps a_p50 a_p99 a_err k_rps k_p50 k_p99 k_err; do
    [ -n "$phase" ] || continue
    case $phase in
        refresh) what="refresh grant (rotating), one connection per wrk thread" ;;
        userinfo) what="UserInfo with a JWT access token" ;;
        jwks) what="key set (\`/oauth2/jwks\`, Keycloak's \`certs\`)" ;;
    esac
    echo "| $what | $run | $a_rps; $a_p50, **$a_p99**; $a_err | $k_rps; $k_p50, **$k_p99**; $k_err | $(ratio "$a_rps" "$k_rps") | $(ratio "$a_p99" "$k_p99") |"
done <<<"$rows"
cat <<EOF
| resident memory, most of every sample (MiB) | | $(highest <"$WORK/auth-rss") | $(highest <"$WORK/kc-rss") | | |

(A refresh token the first run's chain had rotated away, presented again after the phases: HTTP $auth_refresh_ok, as a reuse must be. Access tokens signed $auth_alg by auth-service, $kc_alg by Keycloak.)
EOF
