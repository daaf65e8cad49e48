#!/usr/bin/env bash
# Evaluation with the decision log off, in summary mode and in full mode: throughput (wrk) and the service's CPU time
# per evaluation, measured in one run, the modes alternating so that a change of the machine's load touches all.
# Needs a packaged service (./mvnw -B package -DskipTests), wrk and curl. The log goes to an embedded H2 file in a
# temporary data directory (ADVISOR_DATABASE_URL etc. in the environment point it at PostgreSQL instead).
# Usage: [WARMUP=60] [RUN=20] [ROUNDS=3] [CONNECTIONS=8] bench/decision-log.sh
set -euo pipefail
cd "$(dirname "$0")/.."
WARMUP=${WARMUP:-60}
RUN=${RUN:-20}
ROUNDS=${ROUNDS:-3}
CONNECTIONS=${CONNECTIONS:-8}
PORT=${PORT:-18090}
URL="http://127.0.0.1:$PORT"
OUT=target/bench
DATA=$(mktemp -d)
mkdir -p "$OUT"
PID=
stop() { if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; PID=; fi; }
trap 'stop; rm -rf "$DATA"' EXIT
ticks() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
HZ=$(getconf CLK_TCK)

start() {
  (cd target/quarkus-app && exec java -XX:+UseSerialGC -Xmx512m -Dquarkus.http.port="$PORT" \
    -Dadvisor.decision-log.mode="$1" -Dadvisor.data-dir="$DATA/$1" -Dadvisor.rules-dir="$PWD/../../rules" \
    -jar quarkus-run.jar) > "$OUT/decision-log-$1.log" 2>&1 &
  PID=$!
  for _ in $(seq 1200); do curl -sf "$URL/q/health/ready" > /dev/null && break; sleep 0.25; done
  curl -sf "$URL/q/health/ready" > /dev/null || { echo "service not ready; see $OUT/decision-log-$1.log" >&2; exit 1; }
  PROFILE=examples/declining-coal-city.json wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s bench/post-profile.lua \
    "$URL/api/v1/recommendations?view=summary" > /dev/null
}

measure() {
  local before after out requests
  before=$(ticks)
  out=$(PROFILE=examples/declining-coal-city.json wrk -t2 -c"$CONNECTIONS" -d"${RUN}s" -s bench/post-profile.lua \
    "$URL/api/v1/recommendations?view=summary")
  after=$(ticks)
  requests=$(echo "$out" | awk '/requests in/ {print $1}')
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  cpu_us=$(awk -v t=$((after - before)) -v hz="$HZ" -v n="$requests" 'BEGIN {printf "%.0f", t / hz * 1e6 / n}')
  printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$rps" "$cpu_us" | tee -a "$OUT/decision-log.tsv"
}

echo "== $(nproc) cores, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
printf 'mode\tround\trequests/s\tservice CPU µs per evaluation\n' | tee "$OUT/decision-log.tsv"
for round in $(seq "$ROUNDS"); do
  for mode in off summary full; do
    start "$mode"
    measure "$mode" "$round"
    if [ "$mode" != off ]; then
      # every evaluation was logged, none dropped
      curl -s "$URL/q/metrics" | grep -E '^advisor_decision_log_(written|dropped)_total' | sed 's/^/   /'
    fi
    stop
  done
done
awk -F'\t' 'NR > 1 {rps[$1] += $3; cpu[$1] += $4; n[$1]++}
  END {for (m in n) printf "%s: %.1f requests/s, %.0f µs CPU per evaluation (mean of %d)\n", m, rps[m] / n[m], cpu[m] / n[m], n[m]}' \
  "$OUT/decision-log.tsv" | sort
