#!/usr/bin/env bash
# Make Graphviz's `dot` available: `python -m pulumi_openconnectors graph --format svg|png|dot`
# draws through it, and the tests render a formula with it (tests/formulas/test_graph_render.py).
#
#   1. If `dot` is on PATH, use it (nothing is installed).
#   2. Else install Debian's `graphviz` package with apt-get (as root, or through sudo when it is
#      there): `apt-get update` first when the package lists do not know graphviz yet.
#
# Progress goes to stderr; run again, it does nothing once `dot` is there (idempotent).
set -euo pipefail

PROGRESS_PREFIX="[graphviz]"
# shellcheck source-path=SCRIPTDIR source=lib/progress.sh
. "$(dirname "$0")/lib/progress.sh"
log() { progress_log "$@"; }

if command -v dot >/dev/null 2>&1; then
  log "using $(dot -V 2>&1 | head -n 1) from PATH ($(command -v dot))"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  log "no \`dot\` on PATH and no apt-get: install Graphviz (https://graphviz.org/download/)"
  exit 1
fi

as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    as_root=(sudo -n)
  else
    log "no \`dot\` on PATH: installing Debian's graphviz needs root (or sudo); run"
    log "  apt-get install -y graphviz"
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
if ! apt-cache show graphviz >/dev/null 2>&1; then
  log "[1/2] apt-get update (the package lists do not know graphviz yet)"
  run_with_ticker "$PROGRESS_PREFIX apt-get update" \
    "${as_root[@]}" apt-get update -q >&2
else
  log "[1/2] the package lists know graphviz: no apt-get update"
fi
log "[2/2] apt-get install -y graphviz"
run_with_ticker "$PROGRESS_PREFIX apt-get install" \
  "${as_root[@]}" apt-get install -y -q graphviz >&2
if ! command -v dot >/dev/null 2>&1; then
  log "graphviz is installed but \`dot\` is not on PATH"
  exit 1
fi
log "done: $(dot -V 2>&1 | head -n 1)"
