#!/usr/bin/env bash
# Runs one benchmark side by side with its anchor and writes the results into docs/benchmarks.md.
#   bench/run.sh NAME [options]      NAME: signaling-hold, signaling-relay, signaling-throughput,
#                                          stun-binding, turn-relay, turn-paced, call-setup, file-transfer,
#                                          bts-cost
#   bench/run.sh NAME --help         the options of one benchmark (rounds, time budget, loads ...)
#   bench/run.sh all                 every benchmark with its defaults, one after the other
#   bench/run.sh check               the goals met so far, rerun with --check: exits non-zero if one is lost
#   bench/run.sh compare REV NAME [options]
#                                    ours as of commit REV against this tree's ours in turns, new/old per round
# Each benchmark starts its own servers on free loopback ports and stops them; see docs/benchmarks.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$root/bench/.work"
mkdir -p "$work"
name="${1:?usage: bench/run.sh NAME [options] (see docs/benchmarks.md)}"
shift
if [ "$name" = compare ]; then # checked before the build, which takes a while
  rev="${1:?usage: bench/run.sh compare REV NAME [options]}"
  benchmark="${2:?usage: bench/run.sh compare REV NAME [options]}"
  shift 2
  commit="$(git -C "$root" rev-parse --verify --quiet "$rev^{commit}")" || { echo "compare: $rev is not a commit" >&2; exit 2; }
fi

JAVA_HOME="$("$root/scratch" java-home)"
export JAVA_HOME

echo "building the server jar and the bench..." >&2
(cd "$root" && ./mvnw -q -B -DskipTests -pl server,bench -am package) >&2
(cd "$root" && ./mvnw -q -B -pl bench dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile="$work/classpath.txt") >&2

peer_version=1.0.2
if [ ! -f "$work/node_modules/peer/package.json" ] || ! grep -q "\"version\": \"$peer_version\"" "$work/node_modules/peer/package.json"; then
  echo "installing PeerJS server (npm package peer@$peer_version) into bench/.work ..." >&2
  (cd "$work" && npm install --silent --no-audit --no-fund --no-save "peer@$peer_version") >&2
fi

# 100,000 connections need 200,000+ descriptors (both ends are on this machine); children inherit the limit.
if ! ulimit -Hn 1048576 2>/dev/null; then
  echo "note: cannot raise the open-file hard limit ($(ulimit -Hn)); signaling-hold stops below it" >&2
fi
ulimit -n "$(ulimit -Hn)"

run() {
  "$JAVA_HOME/bin/java" -XX:+UseParallelGC -cp "$root/bench/target/classes:$(cat "$work/classpath.txt")" \
      org.webrtcscratch.bench.BenchMain "$@" --repo "$root"
}

# The benchmarks whose goals are met robustly (docs/benchmarks.md); a quiet machine runs this before a release.
# signaling-relay joins once its p99 at 10k/s stops swinging between runs.
held_goals="signaling-throughput turn-paced"

if [ "$name" = compare ]; then
  # A commit never changes, so its jar is built once, from git archive: no worktree for others to trip over.
  old="$work/rev/$commit"
  if [ ! -f "$old/server/target/webrtc-scratch.jar" ]; then
    echo "building the server jar of $rev ($commit) in $old ..." >&2
    rm -rf "$old" && mkdir -p "$old"
    git -C "$root" archive "$commit" | tar -x -C "$old"
    (cd "$old" && ./mvnw -q -B -DskipTests -pl server -am package) >&2
  fi
  label="$(git -C "$root" rev-parse --short "$commit")"
  echo "ours@$label is $rev; ours is this tree" >&2
  run "$benchmark" --ours-at "$label=$old" "$@"
elif [ "$name" = check ]; then
  failed=""
  for benchmark in $held_goals; do
    run "$benchmark" --check --no-doc --rounds 2 "$@" || failed="$failed $benchmark"
  done
  if [ -n "$failed" ]; then
    echo "goals lost in:$failed" >&2
    exit 3
  fi
  echo "every held goal is still met ($held_goals)" >&2
elif [ "$name" = all ]; then
  for benchmark in signaling-hold signaling-relay signaling-throughput stun-binding turn-relay turn-paced call-setup \
      file-transfer bts-cost; do
    run "$benchmark" "$@"
  done
else
  run "$name" "$@"
fi
