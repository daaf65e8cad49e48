# Sourced by the bench scripts: start_service starts the packaged service ($APP, $JAVA_OPTS, $PORT, $URL, $OUT) in
# the background as $PID and returns once /q/health/ready answers, or exits with the log's tail if the service ends.
start_service() {
  java $JAVA_OPTS -Dquarkus.http.port=$PORT -jar "$APP/quarkus-run.jar" > "$OUT/service.log" 2>&1 &
  PID=$!
  until curl -sf "$URL/q/health/ready" >/dev/null; do
    kill -0 "$PID" 2>/dev/null || { echo "the service ended:"; tail "$OUT/service.log"; exit 1; }
    sleep 0.05
  done
}
# The image's JVM flags and C library setting (src/main/docker/Dockerfile.jvm), for the scripts that measure the
# service as it ships
IMAGE_JAVA_OPTS=$(sed -n 's/.*JAVA_OPTS="\([^"]*\)".*/\1/p' src/main/docker/Dockerfile.jvm)
IMAGE_MALLOC_ARENA_MAX=$(sed -n 's/.*MALLOC_ARENA_MAX=\([0-9]*\).*/\1/p' src/main/docker/Dockerfile.jvm)
