#!/usr/bin/env bash
# Make Mermaid's own parser available in Node, without a browser: the tests check the Mermaid
# text of `python -m pulumi_openconnectors graph` and of the exported README with it
# (tests/formulas/test_graph_mermaid.py, through scripts/mermaid_parse.mjs).
#
# Installs the exact packages of scripts/mermaid/package-lock.json (mermaid, and jsdom for the
# window Mermaid and DOMPurify expect) with `npm ci` into
#   ${OPENCONNECTORS_CACHE_DIR:-~/.cache/pulumi-openconnectors}/mermaid-<version>/
# and prints that directory on stdout (last line). Progress goes to stderr. Run again, it does
# nothing once the same lock file is installed there (idempotent); concurrent runs wait for
# each other (flock). Needs Node 18+ and npm, and the npm registry; when they are missing and
# apt-get is there, Debian's nodejs and npm packages are installed (as root, or through sudo).
set -euo pipefail

MERMAID_VERSION=11.17.2
HERE="$(cd "$(dirname "$0")" && pwd)"
SOURCE="$HERE/mermaid"
CACHE_ROOT="${OPENCONNECTORS_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-openconnectors}"
TARGET="$CACHE_ROOT/mermaid-$MERMAID_VERSION"

PROGRESS_PREFIX="[mermaid]"
# shellcheck source-path=SCRIPTDIR source=lib/progress.sh
. "$HERE/lib/progress.sh"
log() { progress_log "$@"; }

pinned="$(sed -n 's/^ *"mermaid": "\([^"]*\)".*/\1/p' "$SOURCE/package.json" | head -n 1)"
if [ "$pinned" != "$MERMAID_VERSION" ]; then
  log "scripts/mermaid/package.json pins mermaid $pinned, this script $MERMAID_VERSION: make them agree"
  exit 1
fi
want="$(cat "$SOURCE/package.json" "$SOURCE/package-lock.json" | sha256sum | cut -d' ' -f1)"

installed() {
  [ -f "$TARGET/.complete" ] && [ "$(cat "$TARGET/.complete")" = "$want" ] &&
    [ -f "$TARGET/node_modules/mermaid/dist/mermaid.core.mjs" ]
}

if installed; then
  log "using cached mermaid $MERMAID_VERSION ($TARGET)"
  echo "$TARGET"
  exit 0
fi

mkdir -p "$CACHE_ROOT"
exec 9>"$CACHE_ROOT/.mermaid-$MERMAID_VERSION.lock"
if command -v flock >/dev/null 2>&1; then
  flock 9
  if installed; then
    log "using mermaid $MERMAID_VERSION installed by a concurrent run ($TARGET)"
    echo "$TARGET"
    exit 0
  fi
fi

node_ok() {
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 &&
    [ "$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)" -ge 18 ]
}

if ! node_ok; then
  as_root=()
  if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then as_root=(sudo -n); fi
  if ! command -v apt-get >/dev/null 2>&1 || { [ "$(id -u)" -ne 0 ] && [ "${#as_root[@]}" -eq 0 ]; }; then
    log "Node 18+ and npm are needed (https://nodejs.org/en/download); install them and run again"
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  log "no Node 18+ with npm: installing Debian's nodejs and npm"
  if ! apt-cache show npm >/dev/null 2>&1; then
    run_with_ticker "$PROGRESS_PREFIX apt-get update" "${as_root[@]}" apt-get update -q >&2
  fi
  run_with_ticker "$PROGRESS_PREFIX apt-get install" \
    "${as_root[@]}" apt-get install -y -q --no-install-recommends nodejs npm >&2
  if ! node_ok; then
    log "Node 18+ and npm are still not on PATH after apt-get install"
    exit 1
  fi
fi

STARTED="$(date +%s)"
log "[1/2] installing mermaid $MERMAID_VERSION with npm ci (node $(node --version), npm $(npm --version))"
STAGE="$CACHE_ROOT/.mermaid-$MERMAID_VERSION.$$"
rm -rf "$STAGE"
mkdir -p "$STAGE"
trap 'rm -rf "$STAGE"' EXIT
cp "$SOURCE/package.json" "$SOURCE/package-lock.json" "$STAGE/"
# --ignore-scripts: none of these packages needs an install script to parse or render.
run_with_ticker "$PROGRESS_PREFIX npm ci" \
  npm ci --prefix "$STAGE" --ignore-scripts --no-audit --no-fund --loglevel=error >&2

log "[2/2] checking that Mermaid parses a flowchart"
check="$(printf 'flowchart TD\n  a --> b\n' | node "$HERE/mermaid_parse.mjs" "$STAGE")"
if [ "$check" != "flowchart-v2" ]; then
  log "mermaid $MERMAID_VERSION did not parse a flowchart (got: $check)"
  exit 1
fi
echo "$want" >"$STAGE/.complete"
rm -rf "$TARGET"
mv "$STAGE" "$TARGET"
trap - EXIT
log "done in $(progress_duration $(($(date +%s) - STARTED))): mermaid $MERMAID_VERSION in $TARGET"
echo "$TARGET"
