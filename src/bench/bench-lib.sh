#!/usr/bin/env bash
# What the side-by-side benchmarks share: waiting, measuring with wrk, sampling memory. Sourced
# after WORK (the output directory) and USERS are set.

now() { date +%s.%N; }
# A pause before each phase lets the other service finish what the last phase left it (queued
# logins, a collection) so that neither measures the other's work.
settle() { sleep 5; }
seconds_since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
median() { tr ' ' '\n' | grep . | sort -n | awk '{ v[NR] = $1 } END { printf "%.1f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# Waits up to 180 s until "$@" succeeds.
await() {
    local deadline=$(( $(date +%s) + 180 ))
    until "$@" >/dev/null 2>&1; do
        [ "$(date +%s)" -lt "$deadline" ] || { echo "side-by-side: timed out waiting for: $*" >&2; return 1; }
        sleep 0.05
    done
}

# The pid of the process listening on a TCP port.
listener() { ss -Hltnp "sport = :$1" | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1; }
rss_mib() { awk '/^VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$1/status"; }
# Samples the resident set of pid $1 every second into file $2 until stopped.
sample_rss() { while kill -0 "$1" 2>/dev/null; do rss_mib "$1" >>"$2"; echo >>"$2"; sleep 1; done; }
highest() { sort -n | tail -1; }
peak_mib() { awk '/^VmHWM/ { printf "%d", $2 / 1024 }' "/proc/$1/status"; }

# wrk prints these percentiles of the latency (ms) at the end of a run given this script.
PERCENTILES='done = function(summary, latency, requests)
  io.write(string.format("percentiles %.2f %.2f %.2f %.2f\n", latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000))
end'
echo "$PERCENTILES" >"$WORK/percentiles.lua"

# Successful (2xx/3xx) answers per second, p50, p90, p99 and p99.9 (ms), and the count of other
# answers, as "rps p50 p90 p99 p999 errors": a refused request (429, 503) is not counted as served.
# Without -s, the percentiles script is added.
measure() {
    local out
    case " $* " in *" -s "*) out=$(wrk "$@") ;; *) out=$(wrk -s "$WORK/percentiles.lua" "$@") ;; esac
    awk '/requests in/ { total = $1; secs = $4; sub(/s,?$/, "", secs) }
         /^percentiles/ { p50 = $2; p90 = $3; p99 = $4; p999 = $5 }
         /Non-2xx/ { errors = $NF }
         END { printf "%.1f %.1f %.1f %.1f %.1f %d\n", (total - errors) / secs, p50, p90, p99, p999, errors + 0 }' <<<"$out"
}

# Writes a wrk script that posts to path $2 (content type $3) a body made by string.format($4, user number).
lua_login() {
    cat >"$1" <<EOF
local n = 0
request = function()
  n = n + 1
  return wrk.format("POST", "$2", {["Content-Type"] = "$3"}, string.format('$4', n % $USERS))
end
EOF
    echo "$PERCENTILES" >>"$1"
}


# Whether auth-service answers on port $1 (its own 401 from POST /logout).
answers() { test "$(curl -s -o /dev/null -w '%{http_code}' -X POST "localhost:$1/logout")" = 401; }

stop_pid() { kill "$1" 2>/dev/null || true; while kill -0 "$1" 2>/dev/null; do sleep 0.1; done; }
