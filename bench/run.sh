#!/usr/bin/env bash
# Reproducible performance run for docs/performance.md. Needs: a packaged service
# (./mvnw -B package -DskipTests), wrk (apt-get install wrk), curl, python3.
# Usage: [JAVA_OPTS=...] bench/run.sh [seconds-of-sustained-load]   (default 180; JAVA_OPTS default -Xmx512m)
set -euo pipefail
cd "$(dirname "$0")/.."
SUSTAIN=${1:-180}
PORT=${PORT:-8080}
URL="http://localhost:$PORT"
export ADVISOR_ADMIN_PASSWORD=${ADVISOR_ADMIN_PASSWORD:-bench-only-secret}
OUT=target/bench
mkdir -p "$OUT"

python3 - "$OUT" <<'PY'
import json, glob, sys
out = sys.argv[1]
examples = [json.load(open(f)) for f in sorted(glob.glob('examples/*.json'))]
profiles = [dict(examples[i % len(examples)], regionId=f"r-{i}") for i in range(1000)]
json.dump({"profiles": profiles}, open(f"{out}/batch-1000.json", "w"), ensure_ascii=False)
PY

echo "== machine"; nproc; java -version 2>&1 | head -1
start=$(date +%s%N)
java ${JAVA_OPTS:--Xmx512m} -jar target/quarkus-app/quarkus-run.jar > "$OUT/service.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for _ in $(seq 3000); do curl -sf "$URL/q/health/ready" > /dev/null && break; sleep 0.02; done
curl -sf "$URL/q/health/ready" > /dev/null || { echo "service not ready after 60 s; see $OUT/service.log"; exit 1; }
echo "== start to ready (rules build included): $(( ($(date +%s%N) - start) / 1000000 )) ms"

wrk_eval() { PROFILE=examples/declining-coal-city.json wrk -t2 -c32 -d"$1" --latency -s bench/post-profile.lua "$URL/api/v1/recommendations"; }
echo "== warm-up: 120 s of evaluations (the JIT needs about two minutes)"
wrk_eval 120s > /dev/null
echo "== floor: GET /q/health/live, 2 threads, 32 connections, 30 s"
wrk -t2 -c32 -d30s --latency "$URL/q/health/live" | grep -E "Requests/sec|Latency Distribution|50%|90%|99%|Non-2xx|Socket errors"
echo "== evaluation: POST /api/v1/recommendations (declining coal city), 2 threads, 32 connections, 30 s"
wrk_eval 30s | grep -E "Requests/sec|50%|90%|99%|Non-2xx|Socket errors"
echo "== resident memory after load: $(( $(ps -o rss= -p $PID) / 1024 )) MiB"

echo "== batch of 1,000 profiles end to end (3 runs)"
for i in 1 2 3; do
  curl -s -o /dev/null -w "   %{http_code} in %{time_total} s, %{size_download} bytes\n" -H 'Content-Type: application/json' \
    --data-binary @"$OUT/batch-1000.json" "$URL/api/v1/recommendations/batch"
done

echo "== reload time (3 runs)"
for i in 1 2 3; do
  curl -s -o /dev/null -w "   %{http_code} in %{time_total} s\n" -u "admin:$ADVISOR_ADMIN_PASSWORD" -H "Content-Type: application/json" -X POST "$URL/api/v1/ruleset/reload"
done

echo "== sustained load: $SUSTAIN s of evaluations; RSS sampled every 30 s"
wrk_eval "${SUSTAIN}s" > "$OUT/sustained.txt" &
WRK=$!
while kill -0 $WRK 2>/dev/null; do echo "   RSS $(( $(ps -o rss= -p $PID) / 1024 )) MiB"; sleep 30; done
grep -E "requests in|Requests/sec|99%|Non-2xx|Socket errors" "$OUT/sustained.txt" || true
echo "== RSS at the end: $(( $(ps -o rss= -p $PID) / 1024 )) MiB"
