#!/usr/bin/env bash
# Create (or refresh) the project virtualenv at .venv with the package and its extras.
# Idempotent: a second run with an unchanged pyproject.toml takes well under a second.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${OPENCONNECTORS_VENV:-$PWD/.venv}"
PY="${PYTHON:-python3}"
stamp="$VENV/.installed-$(sha256sum pyproject.toml | cut -c1-16)"
log() { printf '[python] %s\n' "$*" >&2; }
if [ ! -x "$VENV/bin/python" ]; then
  log "creating virtualenv $VENV"
  "$PY" -m venv "$VENV"
fi
if [ ! -f "$stamp" ]; then
  log "installing pulumi-openconnectors[dev] into $VENV (pip, from PyPI)"
  "$VENV/bin/python" -m pip install --disable-pip-version-check -q --upgrade pip >&2
  "$VENV/bin/python" -m pip install --disable-pip-version-check -q -e ".[dev]" >&2
  rm -f "$VENV"/.installed-*
  touch "$stamp"
  log "done"
else
  log "virtualenv $VENV is up to date"
fi
# The root Pulumi.yaml runs examples/quickstart (`main:`). The language host resolves
# `virtualenv: .venv` against the project root, the dynamic-provider plugin against the program
# directory: a link makes both find the same virtualenv.
ln -sfn "$VENV" examples/quickstart/.venv
