#!/usr/bin/env bash
# Regenerates the shell completions (completions/) and man pages (man/) from the command tree.
#   scripts/generate-docs.sh           write them into the repository
#   scripts/generate-docs.sh --check   generate the man pages under .build/man and say whether man/ differs
# The pages come from `mqadmin generate-manual` (hidden): ArgumentParser's plugin cannot add EXAMPLES
# (Sources/MQAdminCLI/Support/Manual/ManualExamples.swift), EXIT STATUS, ENVIRONMENT or FILES. Their date is
# pinned in ManualRenderer.date. DocsSyncTests renders the same pages in-process and compares them with man/.
set -euo pipefail
cd "$(dirname "$0")/.."

swift build --product mqadmin >/dev/null
if [ "${1:-}" = "--check" ]; then
    rm -rf .build/man
    .build/debug/mqadmin generate-manual .build/man >/dev/null
    diff -r man .build/man >/dev/null || { echo "man/ is stale; run scripts/generate-docs.sh and commit" >&2; exit 1; }
    exit 0
fi

for shell in bash zsh fish; do
    .build/debug/mqadmin --generate-completion-script "$shell" > "completions/mqadmin.$shell"
done
rm -f man/*.1
.build/debug/mqadmin generate-manual man >/dev/null
echo "regenerated completions/ and man/ ($(ls man | wc -l) pages)"
