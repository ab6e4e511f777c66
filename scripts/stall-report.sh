#!/usr/bin/env bash
# Says why a test run stopped printing: the tests started and not finished, the process tree under the test
# runner, and the stacks of the test process's threads that are in our code (all threads go to a file).
# Called by scripts/test.sh when no test output came for its stall limit; prints at most ~80 lines.
set -uo pipefail
runner=${1:?usage: stall-report.sh RUNNER_PID SWIFT_TEST_LOG}
log=${2:?usage: stall-report.sh RUNNER_PID SWIFT_TEST_LOG}

echo "==> started and not finished (from $log):"
awk '
    /^◇ Suite .* started\./ { s = $0; sub(/^◇ Suite /, "", s); sub(/ started\.$/, "", s); open["Suite " s] = NR }
    /^◇ Test .* started\./ && !/^◇ Test case / {
        t = $0; sub(/^◇ Test /, "", t); sub(/ started\.$/, "", t); open["Test " t] = NR
    }
    /^[✔✘] (Suite|Test) .* (passed|failed) after / {
        t = $0; sub(/^[^ ]+ /, "", t); sub(/ (passed|failed) after .*/, "", t); sub(/ with [0-9]+ test cases?$/, "", t)
        delete open[t]
    }
    END { for (k in open) printf "%d\t%s\n", open[k], k }
' "$log" | sort -n | cut -f2 | sed 's/^/  /'

echo "==> processes under the test runner (pid, seconds, state, command):"
pstree -pT "$runner" 2>/dev/null | head -20 | sed 's/^/  /'
pids=$(pstree -pT "$runner" 2>/dev/null | grep -o '([0-9]*)' | tr -d '()')
for p in $pids; do
    ps -o pid=,etimes=,stat=,args= -p "$p" 2>/dev/null | cut -c1-160 | sed 's/^/  /'
done

# The test process is the runner's child that runs the package's .xctest bundle.
tests=$(for p in $pids; do ps -o pid=,args= -p "$p" 2>/dev/null; done | awk '/\.xctest/ { print $1; exit }')
if [ -n "$tests" ] && command -v gdb >/dev/null; then
    stacks="$log.stall-stacks"
    timeout 120 gdb -p "$tests" -batch -ex 'set pagination off' -ex 'thread apply all bt 24' 2>/dev/null \
        | swift-demangle --simplified > "$stacks" 2>/dev/null
    # A test awaiting something is a suspended task, on no thread; a thread in our code is blocked or busy there.
    echo "==> threads of the test process ($tests) in our code (every thread: $stacks):"
    awk '
        /^Thread / { if (keep) printf "%s", block; block = $0 "\n"; frames = 0; keep = 0; next }
        /^#/ {
            if (++frames <= 8) block = block "    " substr($0, 1, 200) "\n"
            if ($0 ~ /\/(Sources\/MQ|Tests\/)/) keep = 1
        }
        END { if (keep) printf "%s", block }
    ' "$stacks" | head -60 | sed 's/^/  /'
fi
