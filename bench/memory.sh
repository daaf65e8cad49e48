#!/usr/bin/env bash
# Resident memory of the packaged service with the documented JVM flags, for the Kubernetes resources
# (docs/operations.md, "Memory"; docs/performance.md, "Memory"): the resident set (VmRSS) and its peak (VmHWM) after
# LOAD seconds of full reports (wrk, C connections: 6 stays under the per-client limit of 8 and leaves room for the
# reload and the batch), with a rules reload and a batch of 100 full reports while the load runs (a reload holds the
# old and the new ruleset at once); then the collector's work over the run (jstat: young and full collections, their
# seconds) and, with NMT=1, native memory tracking's summary (committed MiB per part, also in $OUT/nmt.txt).
# Needs: a packaged service (./mvnw -B package -DskipTests), a JDK (jcmd, jstat), wrk, curl, python3.
# Usage: [APP=target/quarkus-app] [JAVA_OPTS=... MALLOC_ARENA_MAX=...: the image's by default] [LOAD=180] [C=6] [NMT=0]
#        bench/memory.sh
set -euo pipefail
cd "$(dirname "$0")/.."
APP=${APP:-target/quarkus-app}
LOAD=${LOAD:-180}
C=${C:-6}
NMT=${NMT:-0}
PORT=${PORT:-8092}
URL="http://localhost:$PORT"
. bench/service.sh
# the image's JAVA_OPTS and MALLOC_ARENA_MAX (src/main/docker/Dockerfile.jvm; README, "Memory and start-up")
JAVA_OPTS=${JAVA_OPTS:-$IMAGE_JAVA_OPTS}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-$IMAGE_MALLOC_ARENA_MAX}
[ "$NMT" = 1 ] && JAVA_OPTS="$JAVA_OPTS -XX:NativeMemoryTracking=summary"
OUT=${OUT:-target/bench/memory}
rm -rf "$OUT" && mkdir -p "$OUT"
export ADVISOR_RULES_DIR=${ADVISOR_RULES_DIR:-$PWD/rules} ADVISOR_DATA_DIR=$PWD/$OUT/data
export ADVISOR_ADMIN_PASSWORD=bench-$$
PID=
stop() { if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; PID=; fi; }
trap stop EXIT
mib() { awk -v k="$1:" '$1 == k { printf "%d", $2 / 1024 }' "/proc/$PID/status"; }
cpu() { awk '{print $14 + $15}' "/proc/$PID/stat"; } # clock ticks (1/100 s)
# young and full collections and their seconds so far (jstat -gc: YGC YGCT FGC FGCT)
gc() { jstat -gc "$PID" | awk 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i } NR == 2 {
  printf "%d young (%.1f s), %d full (%.1f s); heap committed %d MiB", $c["YGC"], $c["YGCT"], $c["FGC"], $c["FGCT"],
  ($c["S0C"] + $c["S1C"] + $c["EC"] + $c["OC"]) / 1024 }'; }

echo "== $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1), $APP, MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX JAVA_OPTS=$JAVA_OPTS, $(date -u +%FT%TZ)"
start_service
echo "ready: resident $(mib VmRSS) MiB, $(awk '/^Threads:/ {print $2}' "/proc/$PID/status") threads; collections so far: $(gc)"
python3 -c "
import json
p = json.load(open('examples/declining-coal-city.json'))
json.dump({'profiles': [dict(p, regionId=f'bench-{i}') for i in range(100)]}, open('$OUT/batch.json', 'w'))"
CPU0=$(cpu)
PROFILE=examples/declining-coal-city.json wrk -t2 -c"$C" -d"${LOAD}s" -s bench/post-profile.lua \
  "$URL/api/v1/recommendations" > "$OUT/wrk.txt" &
WRK=$!
sleep $((LOAD / 4))
echo "reload under load: HTTP $(curl -s -o "$OUT/reload.json" -w '%{http_code}' -u "admin:$ADVISOR_ADMIN_PASSWORD" \
  -X POST -H 'Content-Type: application/json' -d '{}' "$URL/api/v1/ruleset/reload")"
echo "batch of 100 full reports under load: HTTP $(curl -s -o /dev/null -w '%{http_code}' -X POST \
  -H 'Content-Type: application/json' --data-binary "@$OUT/batch.json" "$URL/api/v1/recommendations/batch")"
wait $WRK
REQUESTS=$(awk '/requests in/ {print $1}' "$OUT/wrk.txt")
echo "full reports: $REQUESTS in ${LOAD} s; non-2xx: $(awk '/Non-2xx/ {print $NF}' "$OUT/wrk.txt"); service CPU" \
  "$(awk -v c=$(($(cpu) - CPU0)) -v r="$REQUESTS" 'BEGIN { printf "%.0f µs", c * 10000 / r }') per request (all threads, the GC's too)"
echo "resident after the load: $(mib VmRSS) MiB; peak resident (VmHWM): $(mib VmHWM) MiB;" \
  "$(awk '/^Threads:/ {print $2}' "/proc/$PID/status") threads; collections: $(gc)"
if [ "$NMT" = 1 ]; then
  jcmd "$PID" VM.native_memory summary scale=MB > "$OUT/nmt.txt"
  echo "native memory tracking, committed MiB (all of $OUT/nmt.txt):"
  awk '/^Total:/ { sub(/.*committed=/, ""); print "  total " $0 } /^-/ { name = $2; for (i = 3; i <= NF && $i !~ /^\(/; i++) name = name " " $i
    sub(/.*committed=/, ""); sub(/MB\)?$/, ""); if ($0 + 0 > 0) print "  " name ": " $0 + 0 }' "$OUT/nmt.txt"
fi
