#!/usr/bin/env bash
# Start-up of two packaged builds (or one build with two sets of JVM options), alternated A, B, A, B… (issue 20):
# each start is timed from launch to the first 200 of /q/health/ready, and the process's CPU time (user + system of
# all its threads, /proc/<pid>/stat) is read at that moment; then the service is stopped. Each side keeps its own
# data directory across its starts, so that from the second start on the runaway probe's verdict is remembered
# (starts with unchanged rules, the case the target is about); a first, unmeasured start of each side fills it.
# On a busy machine wall-clock times of separate starts vary with the load; the CPU at ready varies much less, and
# the ratio B / A of the medians is the figure to compare. The load average is printed with each pair.
# With THREADS=1 the CPU time of each thread alive at ready is kept too (/proc/<pid>/task/*/stat, by thread name,
# threads of one name added up: the JIT's compiler threads, "java" for main, …) and the medians per name are printed
# side by side at the end: where a change took CPU away from the start, or moved it. Threads that ended before ready
# (the early rules build) count in the process's CPU only.
# Usage: A=dir-of-quarkus-app B=dir-of-quarkus-app [JAVA_OPTS_A=...] [JAVA_OPTS_B=...] [PAIRS=5] [THREADS=1] bench/ready-ab.sh
#   e.g. A=/work/base/target/quarkus-app B=target/quarkus-app bench/ready-ab.sh
#   or   A=target/quarkus-app B=target/quarkus-app JAVA_OPTS_B="... -XX:SharedArchiveFile=app.jsa" bench/ready-ab.sh
set -euo pipefail
cd "$(dirname "$0")/.."
: "${A:?A=path to a quarkus-app directory}" "${B:?B=path to a quarkus-app directory}"
PAIRS=${PAIRS:-5}
THREADS=${THREADS:-0}
DEFAULT_OPTS="-XX:MaxRAM=512m -XX:MaxRAMPercentage=50 -XX:+UseSerialGC"
JAVA_OPTS_A=${JAVA_OPTS_A:-$DEFAULT_OPTS}
JAVA_OPTS_B=${JAVA_OPTS_B:-$DEFAULT_OPTS}
# a port nothing listens on (other services may run on this machine)
PORT=${PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
OUT=${OUT:-target/bench/ready-ab}
mkdir -p "$OUT/a" "$OUT/b"
rm -f "$OUT/a/threads.txt" "$OUT/b/threads.txt"
export ADVISOR_RULES_DIR=${ADVISOR_RULES_DIR:-$PWD/rules}
TICKS=$(getconf CLK_TCK)

PID=
stop() { if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; PID=; fi; }
trap stop EXIT
# start NAME APP OPTS: sets R (seconds from launch to ready) and C (CPU seconds at ready); leaves the service stopped
start() {
  local t0 t1 ticks
  if curl -s -o /dev/null "http://localhost:$PORT/"; then echo "something else listens on port $PORT" >&2; exit 1; fi
  t0=$(date +%s.%N)
  ADVISOR_DATA_DIR="$PWD/$OUT/$1/data" java $3 -Dquarkus.http.port="$PORT" -jar "$2/quarkus-run.jar" \
    > "$OUT/$1/service.log" 2>&1 &
  PID=$!
  until curl -sf "http://localhost:$PORT/q/health/ready" >/dev/null; do
    kill -0 "$PID" 2>/dev/null || { echo "the service ($1) ended:" >&2; tail "$OUT/$1/service.log" >&2; exit 1; }
    sleep 0.02
  done
  t1=$(date +%s.%N)
  ticks=$(awk '{print $14 + $15}' "/proc/$PID/stat")
  if [ "$THREADS" = 1 ]; then threads >> "$OUT/$1/threads.txt"; fi
  stop
  R=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
  C=$(awk -v t="$ticks" -v hz="$TICKS" 'BEGIN { printf "%.2f", t / hz }')
}
# one line per thread name: name (spaces as _, trailing digits of numbered threads dropped) and its CPU seconds at ready
threads() {
  for t in /proc/"$PID"/task/*; do
    # the name is between the first ( and the last ); fields 14 and 15 follow it as fields 12 and 13
    sed -e 's/^[0-9]* (\(.*\)) \(.*\)$/\1\t\2/' "$t/stat" 2>/dev/null || true
  done | awk -F'\t' -v hz="$TICKS" '{ split($2, f, " "); n = $1; gsub(/[0-9]+$/, "", n); gsub(/ /, "_", n);
      cpu[n] += (f[12] + f[13]) / hz } END { for (n in cpu) printf "%s %.2f\n", n, cpu[n] }'
  echo "--"
}
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

start a "$A" "$JAVA_OPTS_A"
start b "$B" "$JAVA_OPTS_B"
echo "A=$A ($JAVA_OPTS_A)"
echo "B=$B ($JAVA_OPTS_B)"
echo "pair  A ready s  A cpu s  B ready s  B cpu s  load(1 min)"
AR= AC= BR= BC=
for i in $(seq "$PAIRS"); do
  start a "$A" "$JAVA_OPTS_A"; ar=$R ac=$C
  start b "$B" "$JAVA_OPTS_B"; br=$R bc=$C
  AR+=" $ar" AC+=" $ac" BR+=" $br" BC+=" $bc"
  printf '%4d  %9s  %7s  %9s  %7s  %s\n' "$i" "$ar" "$ac" "$br" "$bc" "$(cut -d' ' -f1 /proc/loadavg)"
done
mar=$(echo "$AR" | median) mac=$(echo "$AC" | median) mbr=$(echo "$BR" | median) mbc=$(echo "$BC" | median)
echo "median  A ready $mar s, cpu $mac s;  B ready $mbr s, cpu $mbc s"
awk -v a="$mar" -v b="$mbr" -v c="$mac" -v d="$mbc" 'BEGIN { printf "B / A: ready %.2f, cpu at ready %.2f\n", b / a, d / c }'
if [ "$THREADS" = 1 ]; then
  # the measured starts only (the first, unmeasured start of each side is the first block)
  per() { awk 'BEGIN { RS = "--\n" } NR > 1' "$OUT/$1/threads.txt" | awk 'NF == 2' | sort -k1,1 -k2,2n |
    awk 'function out() { printf "%s %.2f\n", n, (k % 2) ? v[(k + 1) / 2] : (v[k / 2] + v[k / 2 + 1]) / 2 }
         { if ($1 != n) { if (n != "") out(); n = $1; k = 0 } v[++k] = $2 } END { if (n != "") out() }'; }
  echo "CPU s at ready per thread name (median of the measured starts; a name missing on one side: 0)"
  join -a1 -a2 -e 0 -o 0,1.2,2.2 <(per a) <(per b) | sort -k2,2nr | awk '$2 + $3 >= 0.05 { printf "  %-24s A %6.2f  B %6.2f\n", $1, $2, $3 }'
fi
