#!/usr/bin/env bash
# Crash loop: CYCLES (default 20) kill -9 cycles of a real `mqadmin broker start --flush sync` during
# mixed produce, consume and offset commits; after each restart every acknowledged send must be
# readable by key and by queue offset, no acknowledged offset commit may go backwards and every
# commit-log record must pass its CRC. Also runs CYCLES/2 cycles under async flush.
# Usage: scripts/crash-loop.sh [CYCLES]   (builds incrementally first; runs under nice -n 10)
set -euo pipefail
cd "$(dirname "$0")/.."
CYCLES="${1:-20}"
nice -n 10 swift build --build-tests 2>&1 | grep -E "error|warning: " || true
MQADMIN_CRASH_CYCLES="$CYCLES" nice -n 10 swift test --skip-build --no-parallel \
    --filter 'ReliabilityCrashLoopTests' 2>&1 | grep -E "crash loop|✘|✔ Test run|error:"
