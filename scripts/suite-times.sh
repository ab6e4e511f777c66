#!/usr/bin/env bash
# Prints the per-suite wall times of a `swift test` log (Swift Testing's "Suite ... passed after N
# seconds" lines): every failed suite and the slowest 20, with the total, so the test budget stays visible.
# The whole table goes to LOG.times.
set -euo pipefail
log=${1:?usage: suite-times.sh SWIFT_TEST_LOG}
awk '
    / Suite .* (passed|failed) after [0-9.]+ seconds/ && !/^Test Suite/ {
        line = $0
        sub(/^[^ ]+ Suite /, "", line)
        status = (line ~ / failed after /) ? "FAILED" : "ok"
        seconds = line
        sub(/.* (passed|failed) after /, "", seconds)
        sub(/ seconds.*/, "", seconds)
        sub(/ (passed|failed) after .*/, "", line)
        gsub(/"/, "", line)
        printf "%9.2f  %-6s  %s\n", seconds, status, line
    }
' "$log" | sort -rn > "$log.times"
echo "==> per-suite wall times (seconds): every failed suite, the slowest 20 (all: $log.times)"
echo "  SECONDS  STATUS  SUITE"
awk '$2 == "FAILED" || ++shown <= 20' "$log.times"
awk '{ total += $1; n += 1 } END { printf "%9.2f          total of %d suites\n", total, n }' "$log.times"
