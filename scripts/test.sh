#!/usr/bin/env bash
# Runs every test: unit, broker over loopback TCP, the built binary, and interop with the
# official Apache RocketMQ C++ client (1.x and 2.1.0). Installs what the tests need first (idempotent).
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
phase() { echo "==> $1 ($((SECONDS - started)) s so far)"; }

# The official C++ client, through its Python binding (bundles librocketmq.so), and pexpect for the
# REPL's pseudo-terminal tests.
if ! .venv/bin/python -c 'import rocketmq.client, pexpect' >/dev/null 2>&1; then
    echo "==> creating .venv with rocketmq==0.4.4 (the official C++ client) and pexpect"
    python3 -m venv .venv
    .venv/bin/pip install --quiet --disable-pip-version-check 'rocketmq==0.4.4' 'pexpect==4.9.0'
fi
.venv/bin/python -c 'import rocketmq.client, pexpect' || { echo "the test Python packages do not load" >&2; exit 1; }

# The second official C++ client generation, 2.1.0 (SEND_MESSAGE_V2 headers), through its Python binding: the
# interop tests run each C++ scenario with both generations.
cpp21_check='import importlib.metadata as m, rocketmq.client; assert m.version("rocketmq-python-cvs") == "2.1.0.3"'
if ! .venv-cpp21/bin/python -c "$cpp21_check" >/dev/null 2>&1; then
    echo "==> creating (or repairing) .venv-cpp21 with rocketmq-python-cvs==2.1.0.3 (the official C++ client 2.1.0)"
    python3 -m venv .venv-cpp21
    .venv-cpp21/bin/pip install --quiet --disable-pip-version-check --force-reinstall 'rocketmq-python-cvs==2.1.0.3'
fi
if ! .venv-cpp21/bin/python -c "$cpp21_check"; then
    echo "the C++ client 2.1.0 venv (.venv-cpp21) does not load; remove it and run again" >&2
    exit 1
fi

# Apache's Python binding with TransactionMQProducer (PyPI rocketmq-client-python 2.0.0, which ships no library),
# in its own environment (it imports as `rocketmq` too), over librocketmq.so of the C++ client 2.1.0 taken from
# PyPI rocketmq-python-cvs 2.1.0.3's source package.
txn_check='from rocketmq.client import TransactionMQProducer'
if ! .venv-txn/bin/python -c "$txn_check" >/dev/null 2>&1; then
    echo "==> creating .venv-txn with rocketmq-client-python==2.0.0 over librocketmq.so of rocketmq-python-cvs==2.1.0.3"
    rm -rf .venv-txn
    python3 -m venv .venv-txn
    .venv-txn/bin/pip install --quiet --disable-pip-version-check 'rocketmq-client-python==2.0.0'
    cvs=$(mktemp -d)
    .venv-txn/bin/pip download --quiet --disable-pip-version-check --no-deps --no-binary :all: \
        'rocketmq-python-cvs==2.1.0.3' -d "$cvs"
    tar -xzf "$cvs/rocketmq-python-cvs-2.1.0.3.tar.gz" -C "$cvs"
    pkg=$(.venv-txn/bin/python -c 'import importlib.util, os; print(os.path.dirname(importlib.util.find_spec("rocketmq").origin))')
    cp "$cvs/rocketmq-python-cvs-2.1.0.3/rocketmq/librocketmq.so" "$pkg/"
    rm -rf "$cvs"
fi
.venv-txn/bin/python -c "$txn_check" || { echo "the transactional test Python (.venv-txn) does not load" >&2; exit 1; }

# The official RocketMQ 5 Python client (gRPC, PyPI rocketmq-python-client 5.1.2) for the gRPC endpoint's interop
# tests, in its own environment: it imports as `rocketmq` too.
v5_check='import importlib.metadata as m, rocketmq; assert m.version("rocketmq-python-client") == "5.1.2"'
if ! .venv-v5/bin/python -c "$v5_check" >/dev/null 2>&1; then
    echo "==> creating (or repairing) .venv-v5 with rocketmq-python-client==5.1.2 (the RocketMQ 5 gRPC client)"
    python3 -m venv .venv-v5
    .venv-v5/bin/pip install --quiet --disable-pip-version-check 'rocketmq-python-client==5.1.2'
fi
.venv-v5/bin/python -c "$v5_check" || { echo "the RocketMQ 5 test Python (.venv-v5) does not load" >&2; exit 1; }

# GNU readline for the REPL (a build dependency of the CReadline system library).
if ! dpkg -s libreadline-dev >/dev/null 2>&1; then
    echo "==> installing libreadline-dev"
    if [ "$(id -u)" = 0 ]; then apt-get install -y -q libreadline-dev >/dev/null; else sudo apt-get install -y -q libreadline-dev >/dev/null; fi
fi

# zsh and fish, whose own completion machinery the shell completion tests drive (bash is always there).
for shell in zsh fish; do
    if ! command -v "$shell" >/dev/null 2>&1; then
        echo "==> installing $shell"
        sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
        # A fresh machine may have no package lists yet: update them once if the first try fails.
        $sudo apt-get install -y -q "$shell" >/dev/null \
            || { $sudo apt-get update -q >/dev/null && $sudo apt-get install -y -q "$shell" >/dev/null; }
    fi
done

phase "building"
swift build --build-tests
phase "testing"
# Suites run one at a time: several start brokers and child processes, and timing checks stay honest
# on a loaded 2-core machine. The whole log (.build/test-output.log) feeds the per-suite timing table; the console
# shows what matters: failures, the figures tests print, a progress line every 25 suites.
log=.build/test-output.log
: > "$log"
# Line-buffered (stdbuf): into a file the test process would buffer its output, and the watchdog below reads it.
stdbuf -oL -eL swift test --skip-build --no-parallel "$@" > "$log" 2>&1 &
runner=$!
tail -n +1 -f --pid="$runner" "$log" | awk '
    /^✔ Suite .* passed after / { if (++suites % 25 == 0) printf "  %d suites passed\n", suites; fflush(); next }
    /^✔ Test run with / { print; fflush(); next }
    /^(◇|✔) / || /^Test Suite / || /^\t Executed 0 tests/ || /^\[0\/1\] Planning build/ { next }
    /^↳ (Testing Library Version|Target Platform):/ || / started\.$/ { next }
    # Log lines of the brokers and clients tests run in process: in the log file, not on the console.
    /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9:.]+([+-][0-9]+|Z) (trace|debug|info|notice|warning|error|critical) / { next }
    { print; fflush() }
' &
console=$!
# A hung test must not hold the run until CI's own limit: the longest test prints within a minute, so a run that
# prints nothing for the stall limit is stopped, with what was running and where its threads wait.
stall=${MQADMIN_TEST_STALL_SECONDS:-300}
status=0
while kill -0 "$runner" 2>/dev/null; do
    sleep 5
    quiet=$(( $(date +%s) - $(stat -c %Y "$log") ))
    if [ "$quiet" -ge "$stall" ] && kill -0 "$runner" 2>/dev/null; then
        echo "==> no test output for ${quiet} s (limit ${stall} s): stopping the test run"
        scripts/stall-report.sh "$runner" "$log"
        kill -KILL $(pstree -pT "$runner" | grep -o '([0-9]*)' | tr -d '()') 2>/dev/null
        status=1
        break
    fi
done
wait "$runner" || status=$?
wait "$console" 2>/dev/null || true
scripts/suite-times.sh "$log"
echo "==> whole run: $((SECONDS - started)) s (budget: 25 min for a fresh clone's .ci/run)"
exit "$status"
