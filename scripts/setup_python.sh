#!/usr/bin/env bash
# Create (or refresh) the project virtualenv at .venv with the exact versions of
# requirements/dev.lock (hash-checked), then the package itself (editable, no dependencies).
#
# Idempotent: a second run with unchanged requirements/dev.lock and pyproject.toml takes well
# under a second. When either changes (`make lock`, a new dependency), it installs again: pip
# moves every package to its locked version.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${OPENCONNECTORS_VENV:-$PWD/.venv}"
PY="${PYTHON:-python3}"
LOCK=requirements/dev.lock
stamp="$VENV/.installed-$(cat "$LOCK" pyproject.toml | sha256sum | cut -c1-16)"
log() { printf '[python] %s\n' "$*" >&2; }
if [ ! -x "$VENV/bin/python" ]; then
  log "creating virtualenv $VENV"
  "$PY" -m venv "$VENV"
fi
if [ ! -f "$stamp" ]; then
  pip=("$VENV/bin/python" -m pip --disable-pip-version-check)
  count=$(grep -c '^[A-Za-z0-9]' "$LOCK")
  log "[1/3] upgrading pip in $VENV"
  "${pip[@]}" install -q --upgrade pip >&2
  log "[2/3] installing $LOCK ($count pinned packages, hashes checked) from PyPI"
  # Progress: a line per package fetched, then what was installed (errors go to stderr as is).
  "${pip[@]}" install --progress-bar off --require-hashes -r "$LOCK" \
    | awk '/^(Collecting|Installing collected|Successfully installed)/ { print "[python]   " $0; fflush() }' >&2
  log "[3/3] installing pulumi-openconnectors from this checkout (editable, no dependencies)"
  "${pip[@]}" install -q --no-deps -e . >&2
  rm -f "$VENV"/.installed-*
  touch "$stamp"
  log "done"
else
  log "virtualenv $VENV is up to date with $LOCK"
fi
# The root Pulumi.yaml runs examples/quickstart (`main:`). The language host resolves
# `virtualenv: .venv` against the project root, the dynamic-provider plugin against the program
# directory: a link makes both find the same virtualenv.
ln -sfn "$VENV" examples/quickstart/.venv
