#!/usr/bin/env bash
# Builds coppice-bench with its dependencies and runs the model memory and load benchmark
# (org.coppice.bench.memory.ModelMemoryBenchmark): an ARF of 300 trees on the River #1512 data
# and one whose bundle is at least 1 GiB, Coppice's bundle beside MOA's Java serialization.
#
# Usage: coppice-bench/run-memory-benchmark.sh [WORK_DIR] [benchmark options...]
#
#   WORK_DIR  models, logs and results (results.json, results.csv, memory-section.md);
#             default bench-out/memory
#
# The script runs from the repository root, so relative paths are taken from there. It writes the
# section "Model memory and load" of docs/BENCHMARKS.md (between <!-- memory:start --> and
# <!-- memory:end -->, keeping the hand-written notes inside it) unless --docs is given. Run with
# --help for every option. Examples:
#
#   coppice-bench/run-memory-benchmark.sh                                # the full benchmark
#   coppice-bench/run-memory-benchmark.sh bench-out/memory --reuse       # reuse trained models
#   coppice-bench/run-memory-benchmark.sh bench-out/mem-smoke --trees 10 --target-mib 8 --docs bench-out/mem-smoke/B.md
#
# Environment: JAVA_OPTS for the orchestrating JVM (default -Xmx512m; the training and measuring
# JVMs get their own heaps, see --help), MVN_FLAGS (extra Maven flags), BENCH_BUILD_DIR (Maven
# build folder name, default target-mem), SKIP_BUILD=1 to reuse the last build.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

work="bench-out/memory"
if [[ $# -gt 0 && "$1" != -* ]]; then
  work="$1"
  shift
fi

build_dir="${BENCH_BUILD_DIR:-target-mem}"
classpath_file="$root/coppice-bench/$build_dir/classpath.txt"

if [[ "${SKIP_BUILD:-0}" != 1 || ! -f "$classpath_file" ]]; then
  # The package phase of coppice-bench also writes its runtime classpath to classpath.txt.
  # shellcheck disable=SC2086
  mvn -q -B ${MVN_FLAGS:-} -Dbuild.dirname="$build_dir" -Dspotless.check.skip=true -DskipTests \
    -pl coppice-bench -am package
fi

classpath="$root/coppice-bench/$build_dir/classes:$(cat "$classpath_file")"
revision="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [[ -n "$(git status --porcelain 2>/dev/null | head -1)" ]]; then
  revision="$revision (uncommitted changes)"
fi

docs=(--docs docs/BENCHMARKS.md)
for arg in "$@"; do
  if [[ "$arg" == --docs ]]; then
    docs=()
  fi
done

export COPPICE_BENCH_COMMAND="coppice-bench/run-memory-benchmark.sh $work${*:+ $*}"
export COPPICE_BENCH_REVISION="$revision"
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:--Xmx512m} -cp "$classpath" org.coppice.bench.memory.ModelMemoryBenchmark \
  --work "$work" ${docs[@]+"${docs[@]}"} "$@"
