#!/usr/bin/env bash
# Instructions per single 1 KiB send (32 senders, async flush), client and broker, counted by callgrind:
# each process is run under valgrind for two send counts and the difference is divided by the difference
# of the counts, so start-up, topic creation and shutdown cancel out. Only one process runs under valgrind
# at a time; the other runs natively. docs/performance.md, "CPU per message", has the figures.
#   scripts/callgrind-send.sh [BUILD_DIR] [LOW HIGH]   (default .build/release 500 2500)
# The broker is `mqbench broker start` (BenchServer: the MQServer `mqadmin broker start` runs), so only mqbench
# needs building: swift build -c release --product mqbench. KEEP=DIR keeps the callgrind files there.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-.build/release}
low=${2:-500}
high=${3:-2500}
work=$(mktemp -d)
broker_pid=
cleanup() {
    if [ -n "$broker_pid" ]; then kill "$broker_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
# valgrind 3.19 cannot read Swift's DWARF 5: profile a copy without it (the symbol table stays).
strip --strip-debug -o "$work/mqbench" "$build/mqbench"
bench="$work/mqbench"
# valgrind 3.19 writes to the signal mask rt_sigsuspend is given; libdispatch's main-thread sigsuspend passes a
# constant one in read-only memory, and valgrind dies of SIGSEGV. This preload hands the kernel a copy.
cat >"$work/sigsuspend-copy.c" <<'C'
#define _GNU_SOURCE
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>
int sigsuspend(const sigset_t *mask) {
    sigset_t copy = *mask;
    return (int)syscall(SYS_rt_sigsuspend, &copy, 8);
}
C
cc -shared -fPIC -O2 -o "$work/sigsuspend-copy.so" "$work/sigsuspend-copy.c"
callgrind() {
    LD_PRELOAD="$work/sigsuspend-copy.so" valgrind --tool=callgrind --callgrind-out-file="$1" "${@:2}" \
        2>>"$work/valgrind.log"
}

# run SIDE N: N sends, SIDE (client or broker) under valgrind. Valgrind cannot spawn children through
# Foundation's Process, so the broker is started here and the client attaches to its data directory.
run() {
    local side=$1 n=$2 data="$work/data-$1-$2"
    local serve=("$bench" broker start --data "$data" --listen 127.0.0.1:0 --broker-listen 127.0.0.1:0
        --stop-file "$data.stop")
    local send=("$bench" --only sendcpu --cpu-sends "$n" --attach "$data" --dir "$work/run-$side-$n")
    if [ "$side" = broker ]; then
        callgrind "$work/broker-$n.out" "${serve[@]}" &
    else
        "${serve[@]}" &
    fi
    broker_pid=$!
    if [ "$side" = client ]; then callgrind "$work/client-$n.out" "${send[@]}"; else "${send[@]}"; fi >/dev/null
    touch "$data.stop"
    wait "$broker_pid"
    broker_pid=
}

total() { grep -E '^(summary|totals):' "$1" | tail -1 | awk '{print $2}'; }

for n in "$low" "$high"; do
    run client "$n"
    run broker "$n"
done
for side in client broker; do
    a=$(total "$work/$side-$low.out")
    b=$(total "$work/$side-$high.out")
    echo "$side: $(((b - a) / (high - low))) instructions per send ($a at $low sends, $b at $high)"
done
if [ -n "${KEEP:-}" ]; then cp "$work"/*.out "$KEEP"/; fi
