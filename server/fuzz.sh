#!/usr/bin/env bash
# Fuzzes one @FuzzTest method for as long as asked (CI runs each only on its kept inputs; docs/testing.md).
#   server/fuzz.sh CLASS#METHOD [DURATION]     DURATION in seconds, or with s, m, h (default 1h)
#   server/fuzz.sh list                         the fuzz tests there are
# Example: server/fuzz.sh org.webrtcscratch.websocket.WebSocketFrameFuzzTest#anyBytesInAnySplitGiveTheSameFramesOrAViolation 4h
# The corpus grows in server/.cifuzz-corpus/CLASS/METHOD (where JAZZER_FUZZ=1 ./mvnw test also looks); a finding
# is written into the test's inputs folder under src/test/resources, where it stays a regression input.
set -euo pipefail
server="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$server")"
JAVA_HOME="$("$root/scratch" java-home)"
export JAVA_HOME

if [ "${1:-}" = list ]; then
  grep -rl --include='*FuzzTest.java' '@FuzzTest' "$server/src/test/java" | while read -r file; do
    class="$(realpath --relative-to="$server/src/test/java" "$file" | sed 's|/|.|g; s|\.java$||')"
    grep -A1 '@FuzzTest' "$file" | grep -o 'void [A-Za-z0-9]*' | sed "s|void |$class#|"
  done
  exit 0
fi
target="${1:?usage: server/fuzz.sh CLASS#METHOD [DURATION] (server/fuzz.sh list shows them)}"
class="${target%%#*}"
method="${target#*#}"
duration="${2:-1h}"
case "$duration" in
  *h) seconds=$(( ${duration%h} * 3600 )) ;;
  *m) seconds=$(( ${duration%m} * 60 )) ;;
  *s) seconds=${duration%s} ;;
  *) seconds=$duration ;;
esac

echo "building the tests..." >&2
(cd "$root" && ./mvnw -q -B -pl server test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$server/target/fuzz-classpath.txt") >&2

inputs="$server/src/test/resources/${class//.//}Inputs/$method"
corpus="$server/.cifuzz-corpus/$class/$method"
mkdir -p "$inputs" "$corpus" "$server/target/fuzz-reproducers"
# libFuzzer adds what it learns to the first folder (the corpus) and only reads the kept inputs after it.
cd "$server"
exec "$JAVA_HOME/bin/java" -cp "target/test-classes:target/classes:$(cat target/fuzz-classpath.txt)" \
    com.code_intelligence.jazzer.Jazzer --target_class="$class" --target_method="$method" \
    --reproducer_path=target/fuzz-reproducers -artifact_prefix="$inputs/" -max_total_time="$seconds" \
    "$corpus" "$inputs"
