#!/usr/bin/env bash
# The whole performance table of docs/performance.md in one command. Needs: a packaged service
# (./mvnw -B package -DskipTests; add -Pappcds for the start-up archive), wrk (apt-get install wrk), curl, python3.
# Usage: [JAVA_OPTS=...] [WARMUP=120] [RUN=30] bench/run.sh [seconds-of-sustained-load]
#   JAVA_OPTS  default: the documented container defaults for a 512 MiB container (README, "Memory")
#   WARMUP     seconds of evaluations before measuring (the JIT needs about two minutes)
#   RUN        seconds of each wrk measurement
#   STARTS     how many starts to time, with and without the AppCDS archive
# Prints each phase as it goes and, at the end, the table (also in target/bench/table.md).
set -euo pipefail
cd "$(dirname "$0")/.."
SUSTAIN=${1:-180}
WARMUP=${WARMUP:-120}
RUN=${RUN:-30}
STARTS=${STARTS:-3}
PORT=${PORT:-8080}
URL="http://localhost:$PORT"
JAVA_OPTS=${JAVA_OPTS:--XX:MaxRAM=512m -XX:MaxRAMPercentage=50 -XX:+UseSerialGC}
export ADVISOR_ADMIN_PASSWORD=${ADVISOR_ADMIN_PASSWORD:-bench-only-secret}
export ADVISOR_RULES_DIR=${ADVISOR_RULES_DIR:-$PWD/rules}
[ -d ../shared/seeds ] && export ADVISOR_SOURCES_DIR=${ADVISOR_SOURCES_DIR:-$(cd ../shared/seeds && pwd)}
OUT=target/bench
APP=target/quarkus-app
mkdir -p "$OUT"
: > "$OUT/results.tsv"
record() { printf '%s\t%s\n' "$1" "$2" >> "$OUT/results.tsv"; echo "   $1: $2"; }

python3 - "$OUT" <<'PY'
import json, glob, sys
out = sys.argv[1]
examples = [json.load(open(f)) for f in sorted(glob.glob('examples/*.json'))]
profiles = [dict(examples[i % len(examples)], regionId=f"r-{i}") for i in range(1000)]
json.dump({"profiles": profiles}, open(f"{out}/batch-1000.json", "w"), ensure_ascii=False)
PY

echo "== machine: $(nproc) cores, $(java -version 2>&1 | head -1), JAVA_OPTS=$JAVA_OPTS, $(date -u +%FT%TZ)"
PID=
stop() { if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; PID=; fi; }
trap stop EXIT
rss() { echo $(( $(ps -o rss= -p "$PID") / 1024 )); }
# starts the service with the given extra JVM options; READY_MS: the milliseconds from launch to ready
start() {
  local t0; t0=$(date +%s%N)
  # from inside quarkus-app: an AppCDS archive only loads with the class path it was recorded with
  # shellcheck disable=SC2086
  (cd "$APP" && exec java $JAVA_OPTS "$@" -jar quarkus-run.jar) > "$OUT/service.log" 2>&1 &
  PID=$!
  for _ in $(seq 3000); do curl -sf "$URL/q/health/ready" > /dev/null && break; sleep 0.01; done
  curl -sf "$URL/q/health/ready" > /dev/null || { echo "service not ready after 30 s; see $OUT/service.log" >&2; exit 1; }
  READY_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
}

echo "== start to ready, rules build included ($STARTS starts each)"
plain=(); for _ in $(seq "$STARTS"); do start; plain+=("$READY_MS"); stop; done
record "ready, plain JVM (ms)" "${plain[*]}"
if [ -f "$APP/app-cds.jsa" ]; then
  cds=(); for _ in $(seq "$STARTS"); do start -XX:SharedArchiveFile=app-cds.jsa; cds+=("$READY_MS"); stop; done
  record "ready, AppCDS (ms)" "${cds[*]}"
  START_OPTS=(-XX:SharedArchiveFile=app-cds.jsa)
else
  record "ready, AppCDS (ms)" "not packaged (./mvnw package -Pappcds)"
  START_OPTS=()
fi
start "${START_OPTS[@]}"
record "RSS when ready (MiB)" "$(rss)"

# wrk NAME URL [wrk options…]: 2 threads, 32 connections, $RUN seconds; records req/s, p50, p99, errors, bytes
measure() {
  local name=$1 url=$2; shift 2
  wrk -t2 -c32 -d"${RUN}s" --latency "$@" "$url" > "$OUT/wrk-${name//[^A-Za-z0-9]/_}.txt"
  python3 - "$OUT/wrk-${name//[^A-Za-z0-9]/_}.txt" "$name" >> "$OUT/results.tsv" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
def grab(pattern, default="-"):
    m = re.search(pattern, text, re.M)
    return m.group(1) if m else default
rate = float(grab(r"Requests/sec:\s+([\d.]+)", "0"))
p50, p99 = grab(r"^\s+50%\s+(\S+)"), grab(r"^\s+99%\s+(\S+)")
transfer = grab(r"Transfer/sec:\s+(\S+)")
non2xx, socket = grab(r"Non-2xx or 3xx responses: (\d+)", "0"), grab(r"Socket errors: (.*)$", "none")
print(f"{sys.argv[2]}\t{rate:,.0f} req/s, p50 {p50}, p99 {p99}, {transfer}/s, non-2xx {non2xx}, socket errors {socket}")
PY
  echo "   $(tail -1 "$OUT/results.tsv" | cut -f2-)"
}
EVAL="$URL/api/v1/recommendations"
post() { PROFILE=examples/declining-coal-city.json measure "$1" "$2" -s bench/post-profile.lua "${@:3}"; }

echo "== warm-up: $WARMUP s of evaluations, full and summary"
PROFILE=examples/declining-coal-city.json wrk -t2 -c32 -d"$((WARMUP / 2))s" -s bench/post-profile.lua "$EVAL" > /dev/null
PROFILE=examples/declining-coal-city.json wrk -t2 -c32 -d"$((WARMUP / 2))s" -s bench/post-profile.lua "$EVAL?view=summary" > /dev/null

echo "== side by side, 2 threads, 32 connections, $RUN s each (the declining coal city)"
measure "floor GET /q/health/live" "$URL/q/health/live"
post "summary view" "$EVAL?view=summary"
post "full report" "$EVAL"
post "full report, gzip" "$EVAL" -H "Accept-Encoding: gzip"
record "RSS after load (MiB)" "$(rss)"

# batch NAME QUERY [curl options…]: 3 runs end to end; records times, bytes and peak RSS during the runs
batch() {
  local name=$1 query=$2; shift 2
  local times=() size=0 peak; peak=$(rss)
  for _ in 1 2 3; do
    ( while kill -0 "$PID" 2>/dev/null; do rss; sleep 0.05; done ) > "$OUT/rss-samples.txt" &
    local sampler=$!
    read -r code t size < <(curl -s -o /dev/null -w "%{http_code} %{time_total} %{size_download}\n" \
      -H 'Content-Type: application/json' "$@" --data-binary @"$OUT/batch-1000.json" "$URL/api/v1/recommendations/batch$query")
    kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true
    [ "$code" = 200 ] || { echo "batch $name answered $code" >&2; exit 1; }
    times+=("$t")
    peak=$(sort -n "$OUT/rss-samples.txt" | tail -1 | awk -v p="$peak" '{print ($1 > p ? $1 : p)}')
  done
  record "$name" "${times[*]} s, $((size / 1024)) KiB, peak RSS $peak MiB"
}
echo "== batches of 1,000 profiles end to end (3 runs each)"
batch "batch 1000, summary view, JSON" "?view=summary"
batch "batch 1000, full, NDJSON" "" -H "Accept: application/x-ndjson"
batch "batch 1000, full, JSON object" ""
batch "batch 1000, full, NDJSON, gzip" "" -H "Accept: application/x-ndjson" -H "Accept-Encoding: gzip"

echo "== reload: build aside and swap (3 runs)"
reloads=()
for _ in 1 2 3; do
  reloads+=("$(curl -s -o /dev/null -w "%{time_total}" -u "admin:$ADVISOR_ADMIN_PASSWORD" -H "Content-Type: application/json" \
    -X POST "$URL/api/v1/ruleset/reload")")
done
record "reload (s)" "${reloads[*]}"

echo "== sustained load: $SUSTAIN s of full reports; RSS every 30 s"
PROFILE=examples/declining-coal-city.json wrk -t2 -c32 -d"${SUSTAIN}s" --latency -s bench/post-profile.lua "$EVAL" \
  > "$OUT/wrk-sustained.txt" &
WRK=$!
samples=()
while kill -0 $WRK 2>/dev/null; do samples+=("$(rss)"); sleep 30; done
record "sustained ${SUSTAIN} s, RSS every 30 s (MiB)" "${samples[*]} → $(rss)"
record "sustained ${SUSTAIN} s, wrk" "$(grep -E "requests in" "$OUT/wrk-sustained.txt" | xargs), \
$(grep -E "Requests/sec" "$OUT/wrk-sustained.txt" | xargs), p99 $(grep -E "^ +99%" "$OUT/wrk-sustained.txt" | awk '{print $2}'), \
non-2xx $(grep -oE "Non-2xx or 3xx responses: [0-9]+" "$OUT/wrk-sustained.txt" | awk '{print $NF}' || echo 0)"

# where the resident memory goes: heap committed and used, metaspace (the compiled rules' classes)
heap=$(jcmd "$PID" GC.heap_info 2>/dev/null | grep -E "total|Metaspace" | sed -E 's/^ +//; s/ +/ /g; s/\[.*//' | paste -sd';' || true)
record "at the end: heap and metaspace (jcmd GC.heap_info)" "${heap:-?}"

{
  echo "| measure (JAVA_OPTS=$JAVA_OPTS, $(date -u +%F)) | result |"
  echo "|---|---|"
  awk -F'\t' '{printf "| %s | %s |\n", $1, $2}' "$OUT/results.tsv"
} > "$OUT/table.md"
echo "== table (also in $OUT/table.md)"
cat "$OUT/table.md"
