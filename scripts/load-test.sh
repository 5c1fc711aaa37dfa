#!/usr/bin/env bash
# Load test on loopback: starts the demo (`java -jar target/worklens.jar demo`) in a temporary
# folder, waits for its sync, signs a browser session in through the stand-in Slack, then runs wrk
# against the JSON API and the report page. Prints requests/s, p50/p99 and non-2xx per target and
# exits non-zero when any request failed. Not part of the test suite.
#   scripts/load-test.sh
# Settings (environment): PORT (default 18080), THREADS (2), CONNECTIONS (16), DURATION (20s),
#   JAVA_OPTS (passed to java), BUILD=1 to rebuild the jar even when it is newer than the sources.
set -euo pipefail

port="${PORT:-18080}"
threads="${THREADS:-2}"
connections="${CONNECTIONS:-16}"
duration="${DURATION:-20s}"
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/target/worklens.jar"

for tool in java wrk curl jq; do
  command -v "$tool" >/dev/null 2>&1 || { echo "load-test: $tool is not installed" >&2; exit 2; }
done
if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
  echo "load-test: something already listens on port $port; set PORT to a free one" >&2
  exit 2
fi

if [[ ! -f "$jar" || "${BUILD:-0}" == 1 || -n "$(find "$root/src/main" "$root/pom.xml" -newer "$jar" -print -quit)" ]]; then
  echo "load-test: building $jar"
  (cd "$root" && ./mvnw -o -q -DskipTests -Djacoco.skip package)
fi

work="$(mktemp -d -t worklens-load-XXXXXX)"
app_pid=""
stop() {
  if [[ -n "$app_pid" ]] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap stop EXIT

key="load-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
base="http://localhost:$port"
echo "load-test: starting the demo on $base (log: $work/app.log)"
(
  cd "$work"
  # the demo keeps an INTERNAL_API_KEY from the environment and derives APP_BASE_URL from PORT
  exec env PORT="$port" INTERNAL_API_KEY="$key" java ${JAVA_OPTS:-} -jar "$jar" demo --logging.level.root=WARN >"$work/app.log" 2>&1
) &
app_pid=$!

api() { curl -sf -H "X-Internal-Key: $key" "$base$1"; }

deadline=$((SECONDS + 300))
until api /api/health >/dev/null 2>&1; do
  kill -0 "$app_pid" 2>/dev/null || { echo "load-test: the app exited:" >&2; tail -20 "$work/app.log" >&2; exit 1; }
  ((SECONDS < deadline)) || { echo "load-test: the app did not start in 300 s" >&2; exit 1; }
  sleep 1
done
state=""
until [[ "$state" =~ ^(succeeded|failed|cancelled)$ ]]; do
  ((SECONDS < deadline)) || { echo "load-test: the demo sync did not finish in time" >&2; exit 1; }
  sleep 1
  state="$(api /api/syncs | jq -r 'if length == 0 then "none" else .[0].state end')"
done
[[ "$state" == succeeded ]] || { echo "load-test: the demo sync ended $state" >&2; exit 1; }
items="$(api "/api/syncs/$(api /api/syncs | jq -r '.[0].id')" | jq '[.tasks[].items] | add')"
echo "load-test: demo sync succeeded, $items items stored"

# a browser session: follow the sign-in redirects through the stand-in Slack's consent screen
cookies="$work/cookies.txt"
landed="$(curl -s -L -c "$cookies" -b "$cookies" -o /dev/null -w '%{url_effective}' "$base/reports")"
[[ "$landed" == "$base/connect" ]] || { echo "load-test: sign-in ended at $landed" >&2; exit 1; }
cookie="$(awk -F'\t' '$1 ~ /localhost/ && NF >= 7 {printf "%s%s=%s", sep, $6, $7; sep="; "}' "$cookies")"

member="$(api /api/members | jq -r '[.[] | select(.is_operator | not) | select(.github_login != null)][0].id')"
[[ "$member" =~ ^[0-9]+$ ]] || { echo "load-test: no demo member found" >&2; exit 1; }
to="$(date -u +%F)"
from="$(date -u -d "$to - 364 days" +%F)"
page_status="$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$base/reports/$member")"
[[ "$page_status" == 200 ]] || { echo "load-test: the report page answered $page_status with the session" >&2; exit 1; }

# counts every answer that is not 2xx (wrk itself treats 3xx as success) and prints one summary line
lua="$work/count.lua"
cat >"$lua" <<'LUA'
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) good = 0; bad = 0 end
function response(status, headers, body)
  if status >= 200 and status < 300 then good = good + 1 else bad = bad + 1 end
end
function done(summary, latency, requests)
  local g, b = 0, 0
  for _, t in ipairs(threads) do g = g + t:get("good"); b = b + t:get("bad") end
  local e = summary.errors
  io.write(string.format("RESULT %.1f %.2f %.2f %d %d %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    g, b, e.connect + e.read + e.write + e.timeout))
end
LUA

targets=(
  "GET /api/members|$base/api/members|X-Internal-Key: $key"
  "GET /api/reports/{id} (365 days)|$base/api/reports/$member?from=$from&to=$to|X-Internal-Key: $key"
  "GET /api/reports/{id}/summary (365 days)|$base/api/reports/$member/summary?from=$from&to=$to|X-Internal-Key: $key"
  "GET /reports/{id} (page, 90 days)|$base/reports/$member|Cookie: $cookie"
)
echo "load-test: wrk -t$threads -c$connections -d$duration --latency, member $member, $(nproc) cores"
printf '%-40s %10s %9s %9s %9s %8s %7s\n' target "req/s" "p50 ms" "p99 ms" requests non-2xx errors
failed=0
for t in "${targets[@]}"; do
  IFS='|' read -r name url header <<<"$t"
  out="$(wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$lua" -H "$header" "$url")"
  read -r _ rps p50 p99 good bad errors <<<"$(grep '^RESULT' <<<"$out")"
  printf '%-40s %10s %9s %9s %9s %8s %7s\n' "$name" "$rps" "$p50" "$p99" "$((good + bad))" "$bad" "$errors"
  if ((bad > 0 || errors > 0 || good == 0)); then failed=1; fi
done
if ((failed)); then
  echo "load-test: FAILED: some requests did not answer 2xx" >&2
  exit 1
fi
echo "load-test: every request answered 2xx"
