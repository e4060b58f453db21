#!/usr/bin/env bash
# The idle-memory steps recorded in docs/benchmarks.md ("Idle memory: sensor-only box vs camera box"):
# IdleMemoryBench (a sensor-only box, then a camera box, each in a JVM of its own) under main's
# launcher flags, then each setting added in turn, then the settings tried and not kept.
#   bench/idle-memory-steps.sh      (IDLE=10 seconds idle; SHARED=../shared for the model and video)
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"
SHARED="${SHARED:-../shared}"
MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ./mvnw -o -q -B -Dmaven.test.skip=true package -pl bench -am >/dev/null

work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
printf 'user root\nlistener %s 127.0.0.1\nallow_anonymous true\n' "$port" > "$work/m.conf"
mosquitto -c "$work/m.conf" >"$work/m.log" 2>&1 &
mq=$!
trap 'kill $mq 2>/dev/null; rm -rf "$work"' EXIT
sleep 0.5
CP="bench/target/bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*"
ARGS=("tcp://127.0.0.1:$port" "${IDLE:-10}" "$SHARED/models/yolox_nano.onnx"
      695e750a5d5754bb5a8d5325643b59282191a7e7a564e435a415fd3c578eab14 "$SHARED/testdata/video/vtest.avi")
# main's launcher (229345c): these flags, and only DJL's two opt-outs in the environment.
MAIN=(--enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -Xss512k -XX:MaxRAMPercentage=25 -Dai.djl.offline=true
      --sun-misc-unsafe-memory-access=allow)
mapfile -t NOW < <(./gridwatch jvm-flags)
LOG=(-Dlogback.configurationFile=gridwatch-logback.xml -DGRIDWATCH_LOG_LEVEL=WARN)

step() {  # step LABEL ENV... -- FLAGS...
  local label=$1; shift
  local env=(); while [ "$1" != -- ]; do env+=("$1"); shift; done; shift
  echo "== $label"
  env OPT_OUT_TRACKING=true DJL_OFFLINE=true "${env[@]}" "$JAVA" "$@" "${LOG[@]}" -cp "$CP" gridwatch.bench.IdleMemoryBench "${ARGS[@]}" \
    | grep -E '^(RESULT|  [a-z]+ (GCs|threads))'
}

echo "# $(date -u +%FT%TZ) $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB RAM, $("$JAVA" -version 2>&1 | head -1)"
step "0 main's launcher" -- "${MAIN[@]}"
step "1 + ORT_DISABLE_TELEMETRY=1" ORT_DISABLE_TELEMETRY=1 -- "${MAIN[@]}"
step "2 + -Xms16m" ORT_DISABLE_TELEMETRY=1 -- "${MAIN[@]}" -Xms16m
step "3 + -XX:TrimNativeHeapInterval=5000 (the launcher now: ${NOW[*]})" ORT_DISABLE_TELEMETRY=1 -- "${NOW[@]}"
step "4 not kept: + -XX:TieredStopAtLevel=1" ORT_DISABLE_TELEMETRY=1 -- "${NOW[@]}" -XX:TieredStopAtLevel=1
step "5 not kept: + MALLOC_ARENA_MAX=2" ORT_DISABLE_TELEMETRY=1 MALLOC_ARENA_MAX=2 -- "${NOW[@]}"
step "6 not kept: + -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30" ORT_DISABLE_TELEMETRY=1 -- "${NOW[@]}" -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30
# Where the memory goes: Native Memory Tracking (costs a few MB itself), before and after.
for flags in MAIN NOW; do
  declare -n f=$flags
  echo "== NMT, $flags flags"
  env OPT_OUT_TRACKING=true DJL_OFFLINE=true ORT_DISABLE_TELEMETRY=1 "$JAVA" "${f[@]}" -XX:NativeMemoryTracking=summary "${LOG[@]}" -cp "$CP" \
    gridwatch.bench.IdleBox sensor "${ARGS[@]:0:2}" | grep -E '^(RESULT|  sensor NMT (Total|- +(Java Heap|Class|Thread|Code|GC|Compiler|Symbol|Shared class space|Arena Chunk|Metaspace|Other) ))'
done
