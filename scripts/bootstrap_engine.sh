#!/usr/bin/env bash
# Make the real Pulumi engine available, offline.
#
# Prints (on stdout, last line) the directory holding `pulumi` and its Python plugins, and
# (scripts/bootstrap_yaml.sh, linked into an engine this script built) the YAML language host.
# Progress goes to stderr.
#
#   1. If `pulumi` of the pinned version is already on PATH together with
#      `pulumi-language-python`, use it as it is.
#   2. Else, if the cache holds a finished build of the pinned version, use it (seconds).
#   3. Else build from Go modules through the Go module proxy:
#        - the CLI from github.com/pulumi/pulumi/pkg/v3 at $PULUMI_VERSION;
#        - the Python language host from github.com/pulumi/pulumi/sdk/v3 at
#          $PULUMI_PYTHON_HOST_VERSION (the last release in which the host lives inside
#          the sdk/v3 module; later releases moved it to a module of its own, which the
#          proxy reachable from here does not serve);
#        - the two helper scripts (pulumi-language-python-exec and
#          pulumi-resource-pulumi-python) from sdk/v3 at $PULUMI_VERSION, so they match
#          the pinned Python SDK.
#      Each binary is built in a throwaway wrapper module ("go get -tool"), because
#      `go install pkg@version` refuses modules whose go.mod carries replace directives.
set -euo pipefail

PULUMI_VERSION="${PULUMI_VERSION:-3.259.0}"
PULUMI_PYTHON_HOST_VERSION="${PULUMI_PYTHON_HOST_VERSION:-3.79.0}"
CACHE_ROOT="${OPENCONNECTORS_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-openconnectors}"
ENGINE_DIR="$CACHE_ROOT/engine/v$PULUMI_VERSION-py$PULUMI_PYTHON_HOST_VERSION"
BIN_DIR="$ENGINE_DIR/bin"

PROGRESS_PREFIX="[engine]"
# shellcheck source-path=SCRIPTDIR source=lib/progress.sh
. "$(dirname "$0")/lib/progress.sh"
log() { progress_log "$@"; }

# The YAML language host (scripts/bootstrap_yaml.sh: cached under the same root), then the
# engine's bin directory on stdout. An engine this script built gets a link to the host, so
# that one directory on PATH runs Python and YAML programs; a pulumi found on PATH is left as
# it is (scripts/env.sh puts the host's own directory on PATH too).
finish() {
  local engine_bin="$1" yaml_bin
  yaml_bin="$(bash "$(dirname "$0")/bootstrap_yaml.sh")"
  if [ "$engine_bin" = "$BIN_DIR" ] && [ "$yaml_bin" != "$BIN_DIR" ]; then
    ln -sfn "$yaml_bin/pulumi-language-yaml" "$BIN_DIR/pulumi-language-yaml"
  fi
  echo "$engine_bin"
}

# 1. A pulumi of the pinned version already on PATH.
if command -v pulumi >/dev/null 2>&1 && command -v pulumi-language-python >/dev/null 2>&1; then
  have="$(pulumi version 2>/dev/null || true)"
  if [ "$have" = "v$PULUMI_VERSION" ]; then
    log "using pulumi $have from PATH ($(command -v pulumi))"
    finish "$(dirname "$(command -v pulumi)")"
    exit 0
  fi
  log "pulumi on PATH is $have, not v$PULUMI_VERSION: using a build of v$PULUMI_VERSION instead"
fi

# 2. A finished build in the cache.
if [ -f "$ENGINE_DIR/.complete" ] && [ -f "$ENGINE_DIR/.launcher-v1" ] && [ -x "$BIN_DIR/pulumi" ]; then
  log "using cached engine $BIN_DIR ($("$BIN_DIR/pulumi" version))"
  finish "$BIN_DIR"
  exit 0
fi

# 3. Build.
if ! command -v go >/dev/null 2>&1; then
  cat >&2 <<MSG
[engine] The Pulumi CLI v$PULUMI_VERSION is not on PATH and Go is not installed, so it cannot be built.
[engine] Install the Pulumi CLI the usual way (https://www.pulumi.com/docs/install/), e.g.
[engine]     curl -fsSL https://get.pulumi.com | sh -s -- --version $PULUMI_VERSION
[engine] or install Go 1.25+ (https://go.dev/dl/) and run this again.
MSG
  exit 1
fi

export GOTOOLCHAIN=local GOFLAGS=-mod=mod
WORK="$ENGINE_DIR/build"
mkdir -p "$BIN_DIR" "$WORK"
BUILD_STARTED="$(date +%s)"
log "building the Pulumi engine v$PULUMI_VERSION from Go modules into $BIN_DIR"
log "the first build takes about 10 minutes on 2 cores (it downloads ~1 GB of Go modules, then"
log "compiles); it is cached afterwards, and later runs take seconds. 3 phases; while Go works, a"
log "line every ${OPENCONNECTORS_PROGRESS_INTERVAL:-20} s says how long it has been running."
since_start() { progress_duration $(($(date +%s) - BUILD_STARTED)); }

# build_tool PHASE DIR MODULE_VERSION PACKAGE OUTPUT [replace...]
build_tool() {
  local phase="$1" dir="$2" modver="$3" pkg="$4" out="$5"; shift 5
  mkdir -p "$dir"
  (
    cd "$dir"
    [ -f go.mod ] || go mod init "openconnectors-engine-build/$(basename "$dir")" >/dev/null 2>&1
    for r in "$@"; do go mod edit -replace "$r"; done
    log "  go get -tool $pkg@$modver (downloads modules)"
    run_with_ticker "$phase go get" go get -tool "$pkg@$modver" >&2
    log "  go build $pkg -> $out (compiles; the longest part)"
    run_with_ticker "$phase go build" go build -o "$out" \
      -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$PULUMI_VERSION" \
      "$pkg" >&2
  )
  log "$phase done ($(since_start) since the build started)"
}

HOST_BIN="$BIN_DIR/pulumi-language-python-host"
if [ ! -x "$HOST_BIN" ] && [ -x "$BIN_DIR/pulumi-language-python" ] && [ ! -f "$ENGINE_DIR/.launcher-v1" ]; then
  mv "$BIN_DIR/pulumi-language-python" "$HOST_BIN"  # a cache from before the launcher existed
fi
if [ ! -x "$HOST_BIN" ]; then
  log "[1/3] Python language host (sdk/v3 v$PULUMI_PYTHON_HOST_VERSION)"
  build_tool "[1/3]" "$WORK/python-host" "v$PULUMI_PYTHON_HOST_VERSION" \
    github.com/pulumi/pulumi/sdk/v3/python/cmd/pulumi-language-python \
    "$HOST_BIN" \
    "golang.org/x/text=golang.org/x/text@v0.3.6"
else
  log "[1/3] Python language host: already built"
fi

if [ ! -x "$BIN_DIR/pulumi" ]; then
  log "[2/3] Pulumi CLI (pkg/v3 v$PULUMI_VERSION)"
  build_tool "[2/3]" "$WORK/cli" "v$PULUMI_VERSION" \
    github.com/pulumi/pulumi/pkg/v3/cmd/pulumi \
    "$BIN_DIR/pulumi" \
    "github.com/atotto/clipboard=github.com/tgummerer/clipboard@v0.0.0-20241001131231-d02d263e614e"
else
  log "[2/3] Pulumi CLI: already built"
fi

log "[3/3] Python helper scripts (sdk/v3 v$PULUMI_VERSION) and the language host launcher"
# The v3.79 host reads the project's runtime options from command-line flags (-root,
# -virtualenv); newer engines send them over RPC instead. The launcher finds the project's
# Pulumi.yaml and passes them as flags, so `runtime.options.virtualenv` works as documented.
install -m 0755 "$(dirname "$0")/pulumi-language-python-launcher.sh" "$BIN_DIR/pulumi-language-python"
SDK_DIR="$(cd "$WORK/cli" && go list -m -f '{{.Dir}}' github.com/pulumi/pulumi/sdk/v3)"
for f in python/cmd/pulumi-language-python-exec python/dist/pulumi-resource-pulumi-python; do
  install -m 0755 "$SDK_DIR/$f" "$BIN_DIR/$(basename "$f")"
done

version="$("$BIN_DIR/pulumi" version)"
if [ "$version" != "v$PULUMI_VERSION" ]; then
  log "built pulumi reports $version, expected v$PULUMI_VERSION"
  exit 1
fi
touch "$ENGINE_DIR/.complete" "$ENGINE_DIR/.launcher-v1"
log "done in $(since_start): pulumi $version in $BIN_DIR (cached; later runs take seconds)"
finish "$BIN_DIR"
