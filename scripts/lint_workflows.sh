#!/usr/bin/env bash
# Lint every GitHub Actions workflow in the repository with actionlint (`make lint`; also run by
# tests/project/test_workflows.py). actionlint is built once and cached by bootstrap_actionlint.sh.
#
# Workflows: .github/workflows/*.y(a)ml and examples/**/workflow*.y(a)ml (examples are meant to
# be copied into .github/workflows). actionlint's shellcheck and pyflakes integrations are off,
# so the result does not depend on which of those tools happen to be installed.
set -euo pipefail
cd "$(dirname "$0")/.."
log() { printf '[actionlint] %s\n' "$*" >&2; }

ACTIONLINT="$(bash scripts/bootstrap_actionlint.sh | tail -n 1)"
roots=(examples)
[ -d .github/workflows ] && roots+=(.github/workflows)
files=()
while IFS= read -r -d '' file; do
  files+=("$file")
done < <(find "${roots[@]}" -type f \( -path '.github/workflows/*.yml' -o -path '.github/workflows/*.yaml' \
  -o -name 'workflow*.yml' -o -name 'workflow*.yaml' \) -print0 | sort -z)
if [ "${#files[@]}" -eq 0 ]; then
  log "no workflow files found"
  exit 0
fi
for file in "${files[@]}"; do log "checking $file"; done
"$ACTIONLINT" -no-color -shellcheck= -pyflakes= -- "${files[@]}"
log "${#files[@]} workflow file(s) OK"
