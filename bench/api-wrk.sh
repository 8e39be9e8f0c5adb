#!/usr/bin/env bash
# The API under concurrent clients, measured by hand with wrk (issue 12, goal 0): CaseOps with its demo data on a
# spare port and a home of its own, a bearer token, then wrk at 1, 16 and 64 connections on the main reads.
#
#   bench/api-wrk.sh [JAR]        (default target/caseops.jar)
#
# Environment: PORT=18181  SECONDS_EACH=20  CONNECTIONS="1 16 64"  HOME_DIR=/tmp/caseops-wrk-home
# Prints one line per endpoint and connection count: requests/s, p50, p99, errors (non-2xx, socket errors,
# timeouts), and /actuator/health after each run. Stops the server it started (by its pid) at the end.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAR=${1:-$ROOT/target/caseops.jar}
PORT=${PORT:-18181}
SECONDS_EACH=${SECONDS_EACH:-20}
CONNECTIONS=${CONNECTIONS:-"1 16 64"}
HOME_DIR=${HOME_DIR:-/tmp/caseops-wrk-home}
PASSWORD=bench-password-2019
BASE=http://localhost:$PORT

command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)" >&2; exit 2; }
mkdir -p "$HOME_DIR"
CASEOPS_HOME=$HOME_DIR CASEOPS_DEMO_PASSWORD=$PASSWORD PORT=$PORT java -jar "$JAR" serve --demo \
    > "$HOME_DIR/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
    curl -fs "$BASE/actuator/health" >/dev/null 2>&1 && break
    sleep 1
done
curl -fs "$BASE/actuator/health" >/dev/null || { echo "server not healthy; see $HOME_DIR/server.log" >&2; exit 1; }

TOKEN=$(curl -fs -X POST "$BASE/api/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"officer\",\"password\":\"$PASSWORD\"}" | sed -E 's/.*"token":"([^"]+)".*/\1/')
# the first Houston case of the demo docket, its respondent and family
FIRST=$(curl -fs "$BASE/api/cases?fieldOffice=HOU&page=0&size=1" -H "Authorization: Bearer $TOKEN")
A_NUMBER=$(sed -E 's/.*"aNumber":"([0-9]{9})".*/\1/' <<<"$FIRST")
FAMILY=$(sed -E 's/.*"familyId":([0-9]+).*/\1/' <<<"$FIRST")

echo "commit $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet || echo '+changes'), $(nproc) cores, $(date -u +%FT%TZ)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-28s %5s %10s %9s %9s %8s %s\n' endpoint conns "req/s" p50 p99 errors health
for path in "/api/people/$A_NUMBER" "/api/cases?fieldOffice=HOU&page=1&size=50" \
        "/api/families/$FAMILY/executability"; do
    for c in $CONNECTIONS; do
        threads=$(( c < 2 ? 1 : 2 ))
        out=$(wrk -t$threads -c"$c" -d"${SECONDS_EACH}s" --timeout 10s --latency \
            -H "Authorization: Bearer $TOKEN" -H "X-Purpose: benchmark" "$BASE$path")
        rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
        p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
        p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
        non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
        socket=$(grep 'Socket errors' <<<"$out" | grep -oE '[0-9]+' | paste -sd+ - | bc || true)
        health=$(curl -s -m 5 -o /dev/null -w '%{http_code}' "$BASE/actuator/health" || echo timeout)
        printf '%-28s %5s %10s %9s %9s %8s %s\n' "${path%%\?*}" "$c" "$rps" "$p50" "$p99" \
            "$(( ${non2xx:-0} + ${socket:-0} ))" "$health"
    done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
