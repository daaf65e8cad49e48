#!/bin/bash
# The rules watcher on a busy machine, two builds side by side (issue 20): each packaged build A and B watches its
# own copy of rules/ with a short build time limit (LIMIT, default PT15S: above the 3–5 s of CPU a build takes, below the time a busy machine makes the build
# outlast it), the VERSION of both copies changes at once, and after WAIT seconds the script prints what each log
# says of the rebuild and which version each serves. Run it while the machine is busy (e.g. `stress-ng --cpu 4`).
#   A=/path/to/quarkus-app B=target/quarkus-app [LIMIT=PT15S] [WAIT=150] bench/watch-busy.sh
set -u
A=${A:?A: a quarkus-app directory} B=${B:-target/quarkus-app} LIMIT=${LIMIT:-PT15S} WAIT=${WAIT:-150}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
PORTS=()
trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$WORK"' EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
for side in A B; do
  app=${!side}; port=$(free_port); PORTS+=("$port")
  mkdir -p "$WORK/$side" && cp -r "$ROOT/rules" "$WORK/$side/rules"
  ADVISOR_RULES_DIR="$WORK/$side/rules" ADVISOR_DATA_DIR="$WORK/$side/data" ADVISOR_RULES_WATCH=true \
    ADVISOR_RULES_BUILD_TIME_LIMIT=$LIMIT QUARKUS_HTTP_PORT=$port \
    java -Xmx256m -jar "$app/quarkus-run.jar" > "$WORK/$side/log" 2>&1 &
done
for port in "${PORTS[@]}"; do
  until curl -sf "localhost:$port/q/health/ready" > /dev/null; do sleep 1; done
done
echo "both ready; load average $(cut -d' ' -f1-3 /proc/loadavg); VERSION changes at $(date +%T)"
for side in A B; do echo "0.0.$RANDOM" > "$WORK/$side/rules/VERSION"; done
sleep "$WAIT"
i=0
for side in A B; do
  echo "== $side (${!side})"
  grep -E "Rules changed|aborted|active:" "$WORK/$side/log" | cut -c1-240 | tail -8
  echo "serving: $(curl -s "localhost:${PORTS[$i]}/api/v1/ruleset" | grep -o '"version":"[^"]*"')"
  i=$((i + 1))
done
echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"
