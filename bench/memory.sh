#!/usr/bin/env bash
# Resident memory of the packaged service with the documented JVM flags, for the Kubernetes resources
# (docs/operations.md, "Memory"): peak (VmHWM) and current (VmRSS) resident set after full reports under load
# (wrk, 6 connections: under the per-client limit of 8, which leaves room for the reload and the batch), with a rules reload and a batch of 100 full reports while the load runs: a reload holds
# the old and the new ruleset at once.
# Needs: a packaged service (./mvnw -B package -DskipTests), wrk, curl, python3.
# Usage: [APP=target/quarkus-app] [JAVA_OPTS=...] [LOAD=120] bench/memory.sh
set -euo pipefail
cd "$(dirname "$0")/.."
APP=${APP:-target/quarkus-app}
LOAD=${LOAD:-120}
PORT=${PORT:-8092}
URL="http://localhost:$PORT"
# what a container with a 512 MiB limit gets from the image's JAVA_OPTS (README, "Memory and start-up")
JAVA_OPTS=${JAVA_OPTS:--XX:MaxRAM=512m -XX:MaxRAMPercentage=50 -XX:+UseSerialGC}
OUT=${OUT:-target/bench/memory}
rm -rf "$OUT" && mkdir -p "$OUT"
export ADVISOR_RULES_DIR=${ADVISOR_RULES_DIR:-$PWD/rules} ADVISOR_DATA_DIR=$PWD/$OUT/data
export ADVISOR_ADMIN_PASSWORD=bench-$$
. bench/service.sh
PID=
stop() { if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; PID=; fi; }
trap stop EXIT
mib() { awk -v k="$1:" '$1 == k { printf "%d", $2 / 1024 }' "/proc/$PID/status"; }

echo "== $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1), JAVA_OPTS=$JAVA_OPTS, $(date -u +%FT%TZ)"
start_service
echo "ready: resident $(mib VmRSS) MiB"
python3 -c "
import json
p = json.load(open('examples/declining-coal-city.json'))
json.dump({'profiles': [dict(p, regionId=f'bench-{i}') for i in range(100)]}, open('$OUT/batch.json', 'w'))"
PROFILE=examples/declining-coal-city.json wrk -t2 -c6 -d"${LOAD}s" -s bench/post-profile.lua \
  "$URL/api/v1/recommendations" > "$OUT/wrk.txt" &
WRK=$!
sleep $((LOAD / 4))
echo "reload under load: HTTP $(curl -s -o "$OUT/reload.json" -w '%{http_code}' -u "admin:$ADVISOR_ADMIN_PASSWORD" \
  -X POST -H 'Content-Type: application/json' -d '{}' "$URL/api/v1/ruleset/reload")"
echo "batch of 100 full reports under load: HTTP $(curl -s -o /dev/null -w '%{http_code}' -X POST \
  -H 'Content-Type: application/json' --data-binary "@$OUT/batch.json" "$URL/api/v1/recommendations/batch")"
wait $WRK
echo "full reports: $(awk '/requests in/ {print $1}' "$OUT/wrk.txt") in ${LOAD} s; non-2xx: $(awk '/Non-2xx/ {print $NF}' "$OUT/wrk.txt")"
echo "resident after the load: $(mib VmRSS) MiB; peak resident (VmHWM): $(mib VmHWM) MiB"
