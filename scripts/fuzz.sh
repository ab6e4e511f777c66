#!/usr/bin/env bash
# Builds and runs the libFuzzer targets under Fuzz/<target>/ (frame, json, message, trace, filter, pop).
#
#   scripts/fuzz.sh build              build every target into .build/fuzz-bin/
#   scripts/fuzz.sh run [SECONDS] [T]  build, then fuzz each target (or only T) for SECONDS (default 150)
#
# Sources/MQProtocol is compiled once with `swiftc -sanitize=fuzzer,address` (so the fuzzer instruments
# the decoders); each target imports it and is linked against the objects SwiftPM
# already built for MQProtocol's dependencies (NIOCore, CompressNIO, Crypto and their C parts): run
# `swift build` once first. Crashes land in .build/fuzz-bin/<target>-artifacts/; the corpus that
# grows is Tests/Fuzz/corpus/<target>/ (commit the small inputs that matter; every crash becomes a
# regression test in Tests/MQProtocolTests/Fuzz*.swift).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD=$(swift build --show-bin-path)
OUT=$ROOT/.build/fuzz-bin
TARGETS=(frame json message trace filter pop)
mkdir -p "$OUT"

[ -f "$BUILD/Modules/NIOCore.swiftmodule" ] || { echo "run swift build first" >&2; exit 1; }

# The -I/-Xcc flags SwiftPM used to compile MQProtocol (module maps of the C dependencies).
flags() {
    python3 - "$ROOT/.build/debug.yaml" <<'PY'
import json, sys, re
text = open(sys.argv[1]).read()
start = text.index('"C.MQProtocol-')
args = json.loads(re.search(r'args: (\[.*\])', text[start:]).group(1))
out, i = [], 0
while i < len(args):
    a = args[i]
    if a in ("-I", "-Xcc") and i + 1 < len(args):
        out += [a, args[i + 1]]; i += 2; continue
    i += 1
print("\n".join(out))
PY
}

# Objects of MQProtocol's dependencies (not MQProtocol itself: its sources are compiled in).
DEPS=(NIOCore _NIODataStructures _NIOBase64 NIOConcurrencyHelpers CNIOAtomics CNIOLinux CNIOWASI
      CNIODarwin CNIOWindows CNIOFreeBSD CNIOOpenBSD CompressNIO CCompressZlib Crypto CryptoBoringWrapper
      CCryptoBoringSSL CCryptoBoringSSLShims Atomics _AtomicsShims DequeModule InternalCollectionsUtilities ContainersPreview)
objects() {
    for d in "${DEPS[@]}"; do
        [ -d "$BUILD/$d.build" ] && find "$BUILD/$d.build" -name '*.o' ! -name '*.swiftmodule.o'
    done
}

build() {
    mapfile -t FLAGS < <(flags)
    mapfile -t OBJS < <(objects)
    mapfile -t SOURCES < <(find Sources/MQProtocol -name '*.swift' | sort)
    # MQProtocol once, instrumented, as one object plus a module the targets import (rebuilt when a
    # source is newer than the object).
    mkdir -p "$OUT/mod"
    if [ ! -f "$OUT/MQProtocol.o" ] || [ -n "$(find Sources/MQProtocol -newer "$OUT/MQProtocol.o" -name '*.swift')" ]; then
        echo "==> building instrumented MQProtocol (a few minutes)"
        swiftc -sanitize=fuzzer,address -parse-as-library -O -g -wmo -module-name MQProtocol -swift-version 6 \
            "${FLAGS[@]}" -emit-module -emit-module-path "$OUT/mod/MQProtocol.swiftmodule" \
            -c "${SOURCES[@]}" -o "$OUT/MQProtocol.o"
    fi
    for t in "${TARGETS[@]}"; do
        echo "==> linking fuzz target $t"
        swiftc -sanitize=fuzzer,address -parse-as-library -O -g -module-name "Fuzz_$t" -swift-version 6 \
            "${FLAGS[@]}" -I "$OUT/mod" "Fuzz/$t/main.swift" "$OUT/MQProtocol.o" "${OBJS[@]}" \
            -lz -lstdc++ -o "$OUT/$t" 2>&1 | grep -v 'Cannot export local symbol' || true
        [ -x "$OUT/$t" ] || { echo "fuzz target $t did not build" >&2; exit 1; }
    done
}

run() {
    local seconds=${1:-150} only=${2:-} status
    for t in "${TARGETS[@]}"; do
        if [ -n "$only" ] && [ "$only" != "$t" ]; then continue; fi
        mkdir -p "Tests/Fuzz/corpus/$t" "$OUT/$t-artifacts" "$OUT/$t-work"
        echo "==> fuzzing $t for ${seconds}s"
        # New inputs go to a scratch corpus; the committed corpus is only read (a seed).
        SWIFT_BACKTRACE=enable=no nice -n 10 "$OUT/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
            -print_final_stats=1 -artifact_prefix="$OUT/$t-artifacts/" \
            "$OUT/$t-work" "Tests/Fuzz/corpus/$t" >"$OUT/$t.log" 2>&1 || status=$?
        grep -E 'DONE|stat::|ERROR|SUMMARY|Test unit written' "$OUT/$t.log" | tail -9
        [ "${status:-0}" = 0 ] || echo "==> $t stopped with status $status: see $OUT/$t.log" >&2
        unset status
    done
}

case "${1:-build}" in
    build) build ;;
    run) shift; build; run "$@" ;;
    *) echo "usage: scripts/fuzz.sh build | run [SECONDS] [TARGET]" >&2; exit 2 ;;
esac
