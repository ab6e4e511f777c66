#!/usr/bin/env bash
# Runs every test: unit, broker over loopback TCP, the built binary, and interop with the
# official Apache RocketMQ C++ client. Installs what the tests need first (idempotent).
set -euo pipefail
cd "$(dirname "$0")/.."

# The official C++ client, through its Python binding (bundles librocketmq.so), and pexpect for the
# REPL's pseudo-terminal tests.
if ! .venv/bin/python -c 'import rocketmq.client, pexpect' >/dev/null 2>&1; then
    echo "==> creating .venv with rocketmq==0.4.4 (the official C++ client) and pexpect"
    python3 -m venv .venv
    .venv/bin/pip install --quiet --disable-pip-version-check 'rocketmq==0.4.4' 'pexpect==4.9.0'
fi
.venv/bin/python -c 'import rocketmq.client, pexpect' || { echo "the test Python packages do not load" >&2; exit 1; }

# GNU readline for the REPL (a build dependency of the CReadline system library).
if ! dpkg -s libreadline-dev >/dev/null 2>&1; then
    echo "==> installing libreadline-dev"
    if [ "$(id -u)" = 0 ]; then apt-get install -y -q libreadline-dev >/dev/null; else sudo apt-get install -y -q libreadline-dev >/dev/null; fi
fi

echo "==> building"
swift build --build-tests
echo "==> generating man pages for the sync test"
scripts/generate-docs.sh --check
echo "==> testing"
# Suites run one at a time: several start brokers and child processes, and timing checks stay honest
# on a loaded 2-core machine.
swift test --skip-build --no-parallel "$@"
