#!/usr/bin/env bash
# Runs the benchmarks against a local mosquitto and prints the figures recorded in docs/benchmarks.md.
#   bench/run.sh            (ALERTS=50000 ROUNDS=3 RATE=1000 DURATION=10 IDLE=10 to change)
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"
MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ./mvnw -q -B -DskipTests install >/dev/null

# As the launcher: DJL offline, ONNX Runtime's telemetry off (see ./gridwatch).
export OPT_OUT_TRACKING=true DJL_OFFLINE=true ORT_DISABLE_TELEMETRY=1
SHARED="${SHARED:-../shared}"
YOLOX_SHA256=695e750a5d5754bb5a8d5325643b59282191a7e7a564e435a415fd3c578eab14

work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
printf 'user root\nlistener %s 127.0.0.1\nallow_anonymous true\nmax_inflight_messages 100\nmax_queued_messages 1000000\n' "$port" > "$work/m.conf"
mosquitto -c "$work/m.conf" >"$work/m.log" 2>&1 &
mq=$!
trap 'kill $mq 2>/dev/null; rm -rf "$work"' EXIT
sleep 0.5
broker="tcp://127.0.0.1:$port"
CP="bench/target/bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*"
FLAGS=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -Dlogback.configurationFile=gridwatch-logback.xml -DGRIDWATCH_LOG_LEVEL=WARN)

echo "# $(date -u +%FT%TZ) $(nproc) cores, $("$JAVA" -version 2>&1 | head -1), mosquitto $(mosquitto -h | head -1 | awk '{print $3}')"
# The gateway as a box runs it (the launcher's JVM flags: serial GC, small initial heap); the bare Paho
# baseline shares the JVM and its flags. CPU per alert by thread is printed after each whole-gateway round.
mapfile -t BOX < <(./gridwatch jvm-flags)
GRIDWATCH_LOG_LEVEL=WARN "$JAVA" "${BOX[@]}" -Dbench.threadCpu=true \
  -Dlogback.configurationFile=gridwatch-logback.xml -DGRIDWATCH_LOG_LEVEL=WARN \
  -cp "$CP" gridwatch.bench.UplinkThroughputBench "$broker" "${ALERTS:-50000}" "${ROUNDS:-3}"
GRIDWATCH_LOG_LEVEL=WARN "$JAVA" "${FLAGS[@]}" -cp "$CP" gridwatch.bench.LatencyBench "$broker" "${RATE:-1000}" "${DURATION:-10}"
GRIDWATCH_LOG_LEVEL=WARN "$JAVA" "${FLAGS[@]}" -cp "$CP" gridwatch.bench.LatencyBench "$broker" 5000 "${DURATION:-10}"
GRIDWATCH_LOG_LEVEL=ERROR "$JAVA" "${FLAGS[@]}" -cp "$CP" gridwatch.bench.Hj212ConnectionsBench 1000 200 5
# Idle memory of a sensor-only box and of a camera box, each in a JVM of its own with the launcher's
# flags (./gridwatch jvm-flags), so the figures are what a box sees.
IDLE_ARGS=("$broker" "${IDLE:-10}")
[ -f "$SHARED/models/yolox_nano.onnx" ] && IDLE_ARGS+=("$SHARED/models/yolox_nano.onnx" "$YOLOX_SHA256" "$SHARED/testdata/video/vtest.avi")
GRIDWATCH_LOG_LEVEL=WARN "$JAVA" "${BOX[@]}" -Dlogback.configurationFile=gridwatch-logback.xml -cp "$CP" gridwatch.bench.IdleMemoryBench "${IDLE_ARGS[@]}"
# InfluxDB points/s through the gateway's writer, against a local influxd (Debian's 1.6.7).
mkdir -p "$work/influx"
iport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
rport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
printf 'reporting-disabled = true\nbind-address = "127.0.0.1:%s"\n[meta]\n  dir = "%s/meta"\n[data]\n  dir = "%s/data"\n  wal-dir = "%s/wal"\n  query-log-enabled = false\n[http]\n  bind-address = "127.0.0.1:%s"\n  log-enabled = false\n[monitor]\n  store-enabled = false\n' \
  "$rport" "$work/influx" "$work/influx" "$work/influx" "$iport" > "$work/influx.conf"
influxd -config "$work/influx.conf" >"$work/influxd.log" 2>&1 &
ix=$!
trap 'kill $mq $ix 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$iport/ping" | grep -q 204 && break; sleep 0.2; done
GRIDWATCH_LOG_LEVEL=WARN "$JAVA" "${FLAGS[@]}" -cp "$CP" gridwatch.bench.InfluxBench "http://127.0.0.1:$iport" "${POINTS:-500000}" 3

# JMH, one thread each: HJ 212 parsing (beside a naive split parser) and rule evaluation.
"$JAVA" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -cp "$CP" org.openjdk.jmh.Main \
  -f 1 -wi 3 -w 2s -i 5 -r 3s -t 1 'Hj212ParseBench|RuleEvalBench' 2>&1 | sed -n '/^Benchmark/,$p'

# Camera analysis: raw ONNX Runtime vs the whole pipeline on the real recording; motion gating on a still scene.
if [ -f "$SHARED/models/yolox_nano.onnx" ]; then
  "$JAVA" "${FLAGS[@]}" -Dai.djl.offline=true -cp "$CP" gridwatch.bench.VisionBench \
    "$SHARED/models/yolox_nano.onnx" "$YOLOX_SHA256" \
    "$SHARED/testdata/video/vtest.avi" "$SHARED/testdata/images/vtest_frame300.jpg" "${ROUNDS:-3}"
else
  echo "vision: skipped, no $SHARED/models/yolox_nano.onnx (see README: Models)"
fi

# Drone photos (docs/drone.md): grid lookups over 50,176 cells beside a plain STRtree and brute force;
# metadata + georeference per photo; the patrol yaw check. Needs the shared drone photos.
if [ -d "$SHARED/testdata/drone" ]; then
  "$JAVA" "${FLAGS[@]}" -cp "$CP" gridwatch.bench.DroneBench "$SHARED/testdata/drone" "${ROUNDS:-3}"
  # Photos/min through metadata + tiled detection + georeference + grid on the 12 MP original, vs raw inference on the same tiles.
  [ -f "$SHARED/models/yolox_nano.onnx" ] && "$JAVA" "${FLAGS[@]}" -cp "$CP" gridwatch.bench.DroneDetectBench "$SHARED" seeds/drone/brighton-park-grid.geojson 5
else
  echo "drone: skipped, no $SHARED/testdata/drone"
fi

# Cameras per box: 1080p H.264 at 25 fps with a 2 s GOP, made from the campus recording, as
# surveillance cameras send it (IP only) and as libx264 does by default (with B-frames).
if [ -f "$SHARED/models/yolox_nano.onnx" ] && command -v ffmpeg >/dev/null; then
  for bf in 0 2; do
    ffmpeg -loglevel error -y -i "$SHARED/testdata/video/vtest.avi" -vf scale=1920:1080 -r 25 -c:v libx264 -preset veryfast \
      -g 50 -bf $bf -pix_fmt yuv420p -t 40 "$work/cam1080-bf$bf.mp4"
  done
  CAM=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -XX:+UseSerialGC -Xss512k -XX:MaxRAMPercentage=25
       -Dai.djl.offline=true -Dlogback.configurationFile=gridwatch-logback.xml -cp "$CP" gridwatch.bench.CamerasBench
       "$SHARED/models/yolox_nano.onnx" "$YOLOX_SHA256")
  "$JAVA" "${CAM[@]}" "$work/cam1080-bf0.mp4" auto 15 24 32 40
  "$JAVA" "${CAM[@]}" "$work/cam1080-bf0.mp4" all 15 16 24
  "$JAVA" "${CAM[@]}" "$work/cam1080-bf2.mp4" auto 15 16 24
  "$JAVA" "${CAM[@]}" "$work/cam1080-bf0.mp4" keyframes 15 64
fi

# Density counting (issue 10): one MCNN estimate on a 1080p frame beside one YOLOX detection, then N 1080p
# cameras without and with density on every camera (960 px, every DENSITY_PERIOD s) in the same JVM.
MCNN_SHA256=cb4e9ff439ad497a1bddb9eab0f6b5cbf711a8a3b26f232fd90c27def9f725cb
if [ -f "$SHARED/models/mcnn_shtechA.onnx" ] && [ -f "$work/cam1080-bf0.mp4" ]; then
  "$JAVA" "${CAM[@]:0:7}" -cp "$CP" gridwatch.bench.DensityBench "$SHARED/models/yolox_nano.onnx" "$YOLOX_SHA256" \
    "$SHARED/models/mcnn_shtechA.onnx" "$MCNN_SHA256" "$work/cam1080-bf0.mp4" 20 "${DENSITY_PERIOD:-5}" 16 24 32
else
  echo "density: skipped, no $SHARED/models/mcnn_shtechA.onnx or no 1080p recording (needs ffmpeg)"
fi
