#!/usr/bin/env bash
# Runs every test: unit, broker over loopback TCP, the built binary, and interop with the
# official Apache RocketMQ C++ client. Installs what the tests need first (idempotent).
set -euo pipefail
cd "$(dirname "$0")/.."

# The official C++ client, through its Python binding (bundles librocketmq.so).
if ! .venv/bin/python -c 'import rocketmq.client' >/dev/null 2>&1; then
    echo "==> creating .venv with rocketmq==0.4.4 (the official C++ client)"
    python3 -m venv .venv
    .venv/bin/pip install --quiet --disable-pip-version-check 'rocketmq==0.4.4'
fi
.venv/bin/python -c 'import rocketmq.client' || { echo "the rocketmq==0.4.4 client does not load" >&2; exit 1; }

echo "==> building"
swift build --build-tests
echo "==> testing"
swift test --skip-build "$@"
