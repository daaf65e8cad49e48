#!/usr/bin/env bash
# Two packaged builds of the service side by side (issue 20): A and B run at the same time on their own ports, are
# warmed alike, then measured in alternation, A then B, request by request and round by round, so that the load of
# a busy machine falls on both alike. Prints each service's own CPU time per request (user + system from /proc over a
# wrk run with one connection, as bench/cpu.sh), each round and the median, and B / A.
# The two may be one build with different flags: JAVA_OPTS_A and JAVA_OPTS_B, and ENV_A and ENV_B for environment
# variables (ENV_B="MALLOC_ARENA_MAX=2").
# Usage: A=dir-of-quarkus-app B=dir-of-quarkus-app [JAVA_OPTS_A=...] [JAVA_OPTS_B=...] [ENV_A=...] [ENV_B=...]
#        [WARMUP=90] [RUN=10]
#        [ROUNDS=3] [ONLY=regex of the request names to measure] bench/cpu-ab.sh
set -euo pipefail
cd "$(dirname "$0")/.."
: "${A:?A=path to a quarkus-app directory}" "${B:?B=path to a quarkus-app directory}"
WARMUP=${WARMUP:-90}
RUN=${RUN:-10}
ROUNDS=${ROUNDS:-3}
DEFAULT_OPTS="-XX:MaxRAM=512m -XX:MaxRAMPercentage=50 -XX:+UseSerialGC"
JAVA_OPTS_A=${JAVA_OPTS_A:-$DEFAULT_OPTS}
JAVA_OPTS_B=${JAVA_OPTS_B:-$DEFAULT_OPTS}
PORT_A=${PORT_A:-8191}
PORT_B=${PORT_B:-8192}
OUT=${OUT:-target/bench/cpu-ab}
mkdir -p "$OUT/a" "$OUT/b"
export ADVISOR_RULES_DIR=${ADVISOR_RULES_DIR:-$PWD/rules}

PIDS=()
stop() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; }
trap stop EXIT
start() { # start NAME APP PORT OPTS [VAR=value ...]
  ADVISOR_DATA_DIR="$PWD/$OUT/$1/data" env ${5:-} java $4 -Dquarkus.http.port="$3" -jar "$2/quarkus-run.jar" > "$OUT/$1/service.log" 2>&1 &
  PIDS+=($!)
  eval "PID_$1=$!"
}
start a "$A" "$PORT_A" "$JAVA_OPTS_A" "${ENV_A:-}"
start b "$B" "$PORT_B" "$JAVA_OPTS_B" "${ENV_B:-}"
for port in "$PORT_A" "$PORT_B"; do
  until curl -sf "http://localhost:$port/q/health/ready" >/dev/null; do sleep 0.2; done
done
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# run PID PORT PATH [wrk options]: prints "requests ticks"
run() {
  local pid=$1 port=$2 path=$3 before after requests
  shift 3
  before=$(cpu "$pid")
  requests=$(wrk -t1 -c1 -d"${RUN}s" "$@" "http://localhost:$port$path" | awk '/requests in/ {print $1}')
  after=$(cpu "$pid")
  echo "$requests $((after - before))"
}
python3 -c 'import json; print(json.dumps({"before": json.load(open("examples/declining-coal-city.json")), "after": json.load(open("examples/regenerating-resource-city.json"))}))' > "$OUT/compare.json"
echo "== $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), A=$A (${ENV_A:+$ENV_A }$JAVA_OPTS_A), B=$B (${ENV_B:+$ENV_B }$JAVA_OPTS_B), $(date -u +%FT%TZ)"
echo "== warming up ${WARMUP} s each, in turns"
for _ in 1 2 3; do
  for port in "$PORT_A" "$PORT_B"; do
    PROFILE=examples/declining-coal-city.json wrk -t1 -c2 -d"$((WARMUP / 6))s" -s bench/post-profile.lua "http://localhost:$port/api/v1/recommendations" > /dev/null
    PROFILE=examples/sparse-profile.json wrk -t1 -c2 -d"$((WARMUP / 6))s" -s bench/post-profile.lua "http://localhost:$port/api/v1/recommendations" > /dev/null
  done
done
CASES=("floor GET /q/health/live|-|/q/health/live"
  "floor GET /q/health/live, gzip accepted|-|/q/health/live|gzip"
  "coal city, full report|examples/declining-coal-city.json|/api/v1/recommendations"
  "coal city, summary|examples/declining-coal-city.json|/api/v1/recommendations?view=summary"
  "sparse profile, full report|examples/sparse-profile.json|/api/v1/recommendations"
  "coal city, full report, gzip|examples/declining-coal-city.json|/api/v1/recommendations|gzip"
  "region lookup (306 bytes), gzip accepted|-|/api/v1/regions?q=440300|gzip"
  "compare (coal city → regenerating city)|$OUT/compare.json|/api/v1/recommendations/compare")
echo "| request | A µs per request (rounds) | B µs per request (rounds) | B / A (medians) | A bytes | B bytes |"
echo "|---|---|---|---|---|---|"
for c in "${CASES[@]}"; do
  IFS='|' read -r name profile path gzip <<< "$c"
  [[ "$name" =~ ${ONLY:-.} ]] || continue
  opts=()
  [ "$profile" != "-" ] && opts+=(-s bench/post-profile.lua)
  curlopts=()
  [ "$gzip" = gzip ] && opts+=(-H 'Accept-Encoding: gzip') && curlopts+=(-H 'Accept-Encoding: gzip')
  ra=(); rb=()
  for _ in $(seq "$ROUNDS"); do
    ra+=("$(PROFILE=$profile run "$PID_a" "$PORT_A" "$path" "${opts[@]}")")
    rb+=("$(PROFILE=$profile run "$PID_b" "$PORT_B" "$path" "${opts[@]}")")
  done
  size() { # bytes on the wire of one answer
    if [ "$profile" = "-" ]; then curl -s "${curlopts[@]}" "http://localhost:$1$path" | wc -c
    else curl -s "${curlopts[@]}" -H 'Content-Type: application/json' --data-binary "@$profile" "http://localhost:$1$path" | wc -c; fi
  }
  python3 - "$name" "$(size "$PORT_A")" "$(size "$PORT_B")" "${ra[*]}" "${rb[*]}" <<'PY'
import statistics, sys
name, sa, sb, ra, rb = sys.argv[1:6]
def us(runs):
    v = runs.split()
    return [int(v[i + 1]) * 10000 / int(v[i]) for i in range(0, len(v), 2)]
a, b = us(ra), us(rb)
ma, mb = statistics.median(a), statistics.median(b)
f = lambda xs: ", ".join(f"{x:,.0f}" for x in xs)
print(f"| {name} | {ma:,.0f} ({f(a)}) | {mb:,.0f} ({f(b)}) | {mb / ma:.2f} | {int(sa):,} | {int(sb):,} |")
PY
done
