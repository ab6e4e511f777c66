#!/usr/bin/env bash
# Regenerates the shell completions (completions/) and man pages (man/) from the command tree.
#   scripts/generate-docs.sh           write them into the repository
#   scripts/generate-docs.sh --check   only generate the man pages under .build (the sync tests compare)
set -euo pipefail
cd "$(dirname "$0")/.."
# Pinned so the committed pages are reproducible; bump it with a release.
MAN_DATE="${MQADMIN_MAN_DATE:-2026-11-25}"

swift package --allow-writing-to-package-directory generate-manual \
    --multi-page --date "$MAN_DATE" --configuration debug >/dev/null
generated=.build/plugins/GenerateManual/outputs/mqadmin
[ "${1:-}" = "--check" ] && exit 0

swift build --product mqadmin >/dev/null
for shell in bash zsh fish; do
    .build/debug/mqadmin --generate-completion-script "$shell" > "completions/mqadmin.$shell"
done
rm -f man/*.1
cp "$generated"/*.1 man/
echo "regenerated completions/ and man/ ($(ls man | wc -l) pages)"
