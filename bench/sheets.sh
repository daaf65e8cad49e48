#!/usr/bin/env bash
# The spreadsheet benchmark of docs/performance.md: 2,800 synthetic county-level profiles with every field, sent to
# the batch endpoint as a workbook (XLSX), as CSV and as the same JSON batch, side by side; and the peak resident
# memory of the service while it reads a sheet of 100 rows and one of 2,800 rows, each in a fresh JVM.
# Needs: a packaged service (./mvnw -B package -DskipTests), curl, python3.
# Usage: [JAVA_OPTS=...] [RUNS=3] [ROWS=2800] bench/sheets.sh
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
ROWS=${ROWS:-2800}
PORT=${PORT:-8089}
URL="http://localhost:$PORT"
JAVA_OPTS=${JAVA_OPTS:--XX:MaxRAM=512m -XX:MaxRAMPercentage=50 -XX:+UseSerialGC}
export ADVISOR_RULES_DIR=${ADVISOR_RULES_DIR:-$PWD/rules}
OUT=target/bench/sheets
mkdir -p "$OUT"
XLSX=application/vnd.openxmlformats-officedocument.spreadsheetml.sheet

echo "== input: 100 and $ROWS synthetic profiles as JSON, XLSX and CSV"
./mvnw -q -o -Pbench test-compile exec:exec -Dbench.main=io.nqpf.advisor.bench.SheetFixture \
  -Dbench.args="$OUT 100 $ROWS" >/dev/null
ls -l "$OUT" | awk 'NR>1 {printf "   %s %d bytes\n", $9, $5}'

PID=
stop() { if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; PID=; fi; }
trap stop EXIT
start() {
  # the JSON batch of all rows needs a batch limit above the default 1,000 profiles
  java $JAVA_OPTS -Dquarkus.http.port=$PORT -Dadvisor.limits.batch-profiles=$((ROWS + 1)) \
    -Dadvisor.limits.batch-bytes=67108864 -Dquarkus.http.limits.max-body-size=64M \
    -jar target/quarkus-app/quarkus-run.jar > "$OUT/service.log" 2>&1 &
  PID=$!
  until curl -sf "$URL/q/health/ready" >/dev/null; do sleep 0.5; done
}
# one POST: prints seconds; the peak resident memory (MiB) while it ran goes to $OUT/peak
post() { # type file [accept]
  local peak=0 rss
  curl -s -o /dev/null -w '%{time_total}\n' -H "Content-Type: $1" -H "Accept: ${3:-application/json}" \
    --data-binary "@$2" "$URL/api/v1/recommendations/batch?lang=zh-CN" > "$OUT/time" &
  local CURL=$!
  while kill -0 $CURL 2>/dev/null; do
    rss=$(( $(ps -o rss= -p "$PID") / 1024 )); [ "$rss" -gt "$peak" ] && peak=$rss; sleep 0.05
  done
  wait $CURL
  echo "$peak" > "$OUT/peak"
  cat "$OUT/time"
}
series() { # label type file [accept]
  local times=() peak=0
  for _ in $(seq "$RUNS"); do
    times+=("$(post "$2" "$3" "${4:-application/json}")")
    [ "$(cat "$OUT/peak")" -gt "$peak" ] && peak=$(cat "$OUT/peak")
  done
  printf '| %s | %s s | %s MiB |\n' "$1" "$(IFS=/; echo "${times[*]}" | sed 's#/# / #g')" "$peak" | tee -a "$OUT/table.md"
}

: > "$OUT/table.md"
echo "== machine: $(nproc) cores, $(java -version 2>&1 | head -1), JAVA_OPTS=$JAVA_OPTS, $(date -u +%FT%TZ)"
for n in 100 "$ROWS"; do
  start
  echo "== fresh JVM for $n rows: warming up with 3 sheets of 100 rows"
  for _ in 1 2 3; do post $XLSX "$OUT/regions-100.xlsx" >/dev/null; done
  echo "   resident memory after warm-up: $(( $(ps -o rss= -p "$PID") / 1024 )) MiB"
  series "$n rows, XLSX in, JSON out" $XLSX "$OUT/regions-$n.xlsx"
  series "$n rows, CSV in, JSON out" text/csv "$OUT/regions-$n.csv"
  series "$n rows, JSON in, JSON out" application/json "$OUT/batch-$n.json"
  series "$n rows, XLSX in, workbook out" $XLSX "$OUT/regions-$n.xlsx" $XLSX
  stop
done
echo "== table (also $OUT/table.md): form, seconds per run, peak resident memory during the runs"
cat "$OUT/table.md"
