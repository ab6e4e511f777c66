#!/usr/bin/env bash
# Load: 64 producers (8 official C++ client processes + 56 Swift producers) and 16 consumers
# (4 C++ push consumers in group CG_LOAD_CPP, 12 Swift push consumers in CG_LOAD_SWIFT) against a
# `mqadmin broker start` process for SECONDS (default 600). Every acknowledged key must reach both
# groups; the broker's VmRSS is sampled every 10 s (first/last/peak printed). FLUSH (async by default)
# is the broker's --flush: sync makes every offset commit wait for the journal's group commit.
# Needs the interop venv (./scripts/test.sh creates .venv). Usage: scripts/load.sh [SECONDS] [FLUSH]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN="${1:-600}"
FLUSH="${2:-async}"
if [ ! -x .venv/bin/python ]; then
    echo "load.sh: .venv is missing; run ./scripts/test.sh once to create it" >&2
    exit 2
fi
nice -n 10 swift build --build-tests 2>&1 | grep -E "error|warning: " || true
MQADMIN_LOAD_SECONDS="$SECONDS_TO_RUN" MQADMIN_LOAD_FLUSH="$FLUSH" nice -n 10 swift test --skip-build --no-parallel \
    --filter 'InteropTests.LoadTests' 2>&1 | grep -E "load:|✘|✔ Test run|error:"
