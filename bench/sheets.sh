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
./mvnw -q -Pbench test-compile exec:exec -Dbench.main=io.nqpf.advisor.bench.SheetFixture \
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
# CPU seconds the service has used (user + system, from /proc): a measure that holds on a busy machine
cpu() { awk '{printf "%.2f", ($14 + $15) / 100}' "/proc/$PID/stat"; }
# one POST: prints seconds; the peak resident memory (MiB) while it ran goes to $OUT/peak, the service's CPU
# seconds for it to $OUT/cpu
post() { # type file [accept]
  local peak=0 rss before
  before=$(cpu)
  curl -s -o /dev/null -w '%{time_total}\n' -H "Content-Type: $1" -H "Accept: ${3:-application/json}" \
    --data-binary "@$2" "$URL/api/v1/recommendations/batch?lang=zh-CN" > "$OUT/time" &
  local CURL=$!
  while kill -0 $CURL 2>/dev/null; do
    rss=$(( $(ps -o rss= -p "$PID") / 1024 )); [ "$rss" -gt "$peak" ] && peak=$rss; sleep 0.05
  done
  wait $CURL
  echo "$peak" > "$OUT/peak"
  awk -v a="$(cpu)" -v b="$before" 'BEGIN { printf "%.2f", a - b }' > "$OUT/cpu"
  cat "$OUT/time"
}
FORMS=("XLSX in, JSON out|$XLSX|xlsx|application/json" "CSV in, JSON out|text/csv|csv|application/json"
  "JSON in, JSON out|application/json|json|application/json" "XLSX in, workbook out|$XLSX|xlsx|$XLSX")
file() { case $1 in xlsx) echo "$OUT/regions-$2.xlsx";; csv) echo "$OUT/regions-$2.csv";; json) echo "$OUT/batch-$2.json";; esac; }

: > "$OUT/table.md"
echo "== machine: $(nproc) cores, $(java -version 2>&1 | head -1), JAVA_OPTS=$JAVA_OPTS, $(date -u +%FT%TZ)"
for n in 100 "$ROWS"; do
  start
  echo "== fresh JVM for $n rows: warming up with ${WARM:-15} sheets of 100 rows (the JIT compiles the evaluation)"
  for _ in $(seq "${WARM:-15}"); do post $XLSX "$OUT/regions-100.xlsx" >/dev/null; done
  echo "   resident memory after warm-up: $(( $(ps -o rss= -p "$PID") / 1024 )) MiB"
  declare -A CPUS=() WALLS=() PEAKS=()
  # the forms take turns, so that none is measured on a colder JIT than another
  for _ in $(seq "$RUNS"); do
    for f in "${FORMS[@]}"; do
      IFS='|' read -r label type kind accept <<< "$f"
      wall=$(printf '%.1f' "$(post "$type" "$(file "$kind" "$n")" "$accept")")
      CPUS[$label]="${CPUS[$label]:+${CPUS[$label]} / }$(cat "$OUT/cpu")"
      WALLS[$label]="${WALLS[$label]:+${WALLS[$label]} / }$wall"
      [ "$(cat "$OUT/peak")" -gt "${PEAKS[$label]:-0}" ] && PEAKS[$label]=$(cat "$OUT/peak")
    done
  done
  for f in "${FORMS[@]}"; do
    label=${f%%|*}
    printf '| %s rows, %s | %s s | %s s | %s MiB |\n' "$n" "$label" "${CPUS[$label]}" "${WALLS[$label]}" \
      "${PEAKS[$label]}" | tee -a "$OUT/table.md"
  done
  unset CPUS WALLS PEAKS
  stop
done
echo "== table (also $OUT/table.md): form, the service's CPU seconds per run, wall seconds per run, peak resident memory"
echo "   during that form's runs (each size in a fresh JVM)"
cat "$OUT/table.md"
