#!/usr/bin/env bash
# Builds a release binary and installs it with its man pages and shell completions under PREFIX.
#   scripts/install.sh [PREFIX]        (default /usr/local; or set PREFIX)
set -euo pipefail
cd "$(dirname "$0")/.."
prefix="${1:-${PREFIX:-/usr/local}}"
dpkg -s libreadline-dev >/dev/null 2>&1 || { echo "libreadline-dev is needed: apt-get install -y libreadline-dev" >&2; exit 1; }
# The Swift runtime linked in: no dynamic symbol binding at start, so each command starts in about two
# thirds of the time (docs/performance.md). Build flags: scripts/build-flags.sh.
source scripts/build-flags.sh
swift build -c release --static-swift-stdlib --scratch-path .build/static --product mqadmin "${build_flags[@]}"
install -d "$prefix/bin" "$prefix/share/man/man1" \
    "$prefix/share/bash-completion/completions" "$prefix/share/zsh/site-functions" "$prefix/share/fish/vendor_completions.d"
install -m 0755 .build/static/release/mqadmin "$prefix/bin/mqadmin"
install -m 0644 man/*.1 "$prefix/share/man/man1/"
install -m 0644 completions/mqadmin.bash "$prefix/share/bash-completion/completions/mqadmin"
install -m 0644 completions/mqadmin.zsh "$prefix/share/zsh/site-functions/_mqadmin"
install -m 0644 completions/mqadmin.fish "$prefix/share/fish/vendor_completions.d/mqadmin.fish"
echo "installed mqadmin, $(ls man/*.1 | wc -l) man pages and bash/zsh/fish completions under $prefix"
