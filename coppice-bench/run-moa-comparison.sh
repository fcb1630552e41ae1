#!/usr/bin/env bash
# Builds coppice-bench with its dependencies and runs the MOA comparison
# (org.coppice.bench.MoaComparison).
#
# Usage: coppice-bench/run-moa-comparison.sh [SHARED_DIR] [harness options...]
#
#   SHARED_DIR  the shared folder holding data/elecNormNew.arff.gz (default ../shared)
#
# The script runs from the repository root, so relative paths are taken from there. Defaults:
# --shared ../shared --work bench-out; any option given here overrides them. Run with --help for
# every harness option. Examples:
#
#   # The full classifier comparison, as in docs/ (every learner, 7 data sets, 30000 instances,
#   # seed 1; about 16 min on 2 cores, of which MOA's 100-tree ARF takes 8):
#   coppice-bench/run-moa-comparison.sh ../shared --n 30000 --work bench-out --docs docs
#   coppice-bench/run-moa-comparison.sh --learners arf --arf-seeds 1,2,3   # ARF on 3 seeds (~32 min)
#   coppice-bench/run-moa-comparison.sh --moa-only --learners srp,hat      # MOA alone
#   coppice-bench/run-moa-comparison.sh --n 3000 --trees 5 --ensemble-size 3 --warmup 500 \
#       --datasets sea,elec --work bench-out/smoke                          # smoke run (~1 min)
#   coppice-bench/run-moa-comparison.sh ../shared --regression --docs docs   # regressors (~5 min)
#   coppice-bench/run-moa-comparison.sh --regression --help                  # their options
#
# Environment: JAVA_OPTS (default -Xmx8g), MVN_FLAGS (extra Maven flags, e.g. -o),
# BENCH_BUILD_DIR (Maven build folder name, default target-bench), SKIP_BUILD=1 to reuse the last build.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

shared="../shared"
if [[ $# -gt 0 && "$1" != -* ]]; then
  shared="$1"
  shift
fi

build_dir="${BENCH_BUILD_DIR:-target-bench}"
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

export COPPICE_BENCH_COMMAND="coppice-bench/run-moa-comparison.sh $shared${*:+ $*}"
export COPPICE_BENCH_REVISION="$revision"
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:--Xmx8g} -cp "$classpath" org.coppice.bench.MoaComparison \
  --shared "$shared" --work bench-out "$@"
