#!/usr/bin/env bash
# Builds mqadmin the way scripts/install.sh does (release, Swift runtime linked in) plus the benchmark
# programs, then runs mqbench: every figure of docs/performance.md beside this machine's own limits.
#   scripts/bench.sh [--quick] [--only codec,ingest,sync,read,admin,recovery,timer,txn,grpc] [--dir DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/build-flags.sh
swift build -c release --static-swift-stdlib --scratch-path .build/static --product mqadmin "${build_flags[@]}"
swift build -c release --product mqbench
swift build -c release --product mqbench-trivial
exec .build/release/mqbench --binary .build/static/release/mqadmin "$@"
