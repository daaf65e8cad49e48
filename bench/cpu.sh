#!/usr/bin/env bash
# CPU time per request of the packaged service, side by side with the floor GET /q/health/live (docs/performance.md,
# issue 20): the service's own CPU seconds (user + system, from /proc) over a wrk run, divided by the requests wrk
# made; a measure that holds on a busy machine better than throughput. Also times start to ready, and with
# SOAK=180 reads the resident memory after that many seconds of full reports.
# Needs: a packaged service (./mvnw -B package -DskipTests), wrk (apt-get install wrk), curl, python3.
# Usage: [APP=target/quarkus-app] [JAVA_OPTS=...] [WARMUP=60] [RUN=20] [SOAK=0] bench/cpu.sh
set -euo pipefail
cd "$(dirname "$0")/.."
APP=${APP:-target/quarkus-app}
WARMUP=${WARMUP:-60}
RUN=${RUN:-20}
SOAK=${SOAK:-0}
PORT=${PORT:-8091}
URL="http://localhost:$PORT"
JAVA_OPTS=${JAVA_OPTS:--XX:MaxRAM=512m -XX:MaxRAMPercentage=50 -XX:+UseSerialGC}
export ADVISOR_RULES_DIR=${ADVISOR_RULES_DIR:-$PWD/rules}
OUT=${OUT:-target/bench/cpu}
mkdir -p "$OUT"
export ADVISOR_DATA_DIR=${ADVISOR_DATA_DIR:-$PWD/$OUT/data}

. bench/service.sh
PID=
stop() { if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; PID=; fi; }
trap stop EXIT
# start: the service in the background (PID), its seconds from launch to ready in $OUT/ready
start() {
  local t0
  t0=$(date +%s.%N)
  start_service
  awk -v a="$(date +%s.%N)" -v b="$t0" 'BEGIN { printf "%.2f", a - b }' > "$OUT/ready"
}
cpu() { awk '{print $14 + $15}' "/proc/$PID/stat"; } # clock ticks (1/100 s)
# measure NAME URL [wrk options]: µs of service CPU per request over $RUN s with one connection
measure() {
  local name=$1 url=$2 before after requests
  shift 2
  before=$(cpu)
  requests=$(wrk -t1 -c1 -d"${RUN}s" "$@" "$url" | awk '/requests in/ {print $1}')
  after=$(cpu)
  awk -v n="$name" -v c=$((after - before)) -v r="$requests" \
    'BEGIN { printf "| %s | %d | %.0f µs |\n", n, r, c * 10000 / r }'
}

echo "== $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1), $APP, $(date -u +%FT%TZ)"
echo "== ready (s), three starts with the same rules (the first may fill caches under the data directory):"
rm -rf "$ADVISOR_DATA_DIR"
for _ in 1 2 3; do start; printf '%s ' "$(cat "$OUT/ready")"; stop; done
echo
start
echo "ready $(cat "$OUT/ready") s; warming up ${WARMUP} s"
PROFILE=examples/declining-coal-city.json wrk -t1 -c2 -d"$((WARMUP / 2))s" -s bench/post-profile.lua "$URL/api/v1/recommendations" > /dev/null
PROFILE=examples/sparse-profile.json wrk -t1 -c2 -d"$((WARMUP / 2))s" -s bench/post-profile.lua "$URL/api/v1/recommendations" > /dev/null
echo "| request | requests | service CPU per request |"
echo "|---|---|---|"
measure "floor GET /q/health/live" "$URL/q/health/live"
PROFILE=examples/declining-coal-city.json measure "coal city, full report" "$URL/api/v1/recommendations" -s bench/post-profile.lua
PROFILE=examples/declining-coal-city.json measure "coal city, summary" "$URL/api/v1/recommendations?view=summary" -s bench/post-profile.lua
PROFILE=examples/sparse-profile.json measure "sparse profile, full report" "$URL/api/v1/recommendations" -s bench/post-profile.lua
PROFILE=examples/declining-coal-city.json measure "coal city, full report, gzip" "$URL/api/v1/recommendations" -s bench/post-profile.lua -H 'Accept-Encoding: gzip'
python3 -c 'import json,sys; print(json.dumps({"before": json.load(open("examples/declining-coal-city.json")), "after": json.load(open("examples/regenerating-resource-city.json"))}))' > "$OUT/compare.json"
PROFILE=$OUT/compare.json measure "compare (coal city → regenerating city)" "$URL/api/v1/recommendations/compare" -s bench/post-profile.lua
measure "floor GET /q/health/live (again)" "$URL/q/health/live"
if [ "$SOAK" -gt 0 ]; then
  PROFILE=examples/declining-coal-city.json wrk -t2 -c16 -d"${SOAK}s" -s bench/post-profile.lua "$URL/api/v1/recommendations" > /dev/null
  echo "resident memory after ${SOAK} s of full reports: $(( $(ps -o rss= -p "$PID") / 1024 )) MiB"
fi
