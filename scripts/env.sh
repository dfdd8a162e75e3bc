#!/usr/bin/env bash
# Print the shell exports that put the real Pulumi engine (with the YAML language host), the
# project virtualenv and the local backend in your shell:   eval "$(make -s env)"
# Installs what is missing first (progress on stderr), so stdout is only the exports.
#
# OPENCONNECTORS_BACKEND picks the backend: `file` (default: $STATE/backend) or `s3` (a local
# S3-compatible server, versitygw, started or reused by scripts/s3_server.py with its data in
# $STATE/s3; the exports then also hold its AWS_* credentials).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
bash "$ROOT/scripts/setup_python.sh" >&2
ENGINE_BIN="$(bash "$ROOT/scripts/bootstrap_engine.sh")"
# The YAML language host (built by bootstrap_engine.sh above, so this only prints its directory):
# on PATH for `runtime: yaml` programs, also when the engine is a pulumi found on PATH.
YAML_BIN="$(bash "$ROOT/scripts/bootstrap_yaml.sh" 2>/dev/null)"
ENGINE_PATH="$ENGINE_BIN"
[ "$YAML_BIN" = "$ENGINE_BIN" ] || ENGINE_PATH="$ENGINE_BIN:$YAML_BIN"
STATE="${OPENCONNECTORS_STATE_DIR:-$ROOT/.state}"
BACKEND="${OPENCONNECTORS_BACKEND:-file}"
case "$BACKEND" in
  file | s3) ;;
  *)
    echo "OPENCONNECTORS_BACKEND must be file or s3, got '$BACKEND'" >&2
    exit 2
    ;;
esac
mkdir -p "$STATE/backend" "$STATE/pulumi-home"
cat <<EXPORTS
export PATH="$ENGINE_PATH:$ROOT/.venv/bin:\$PATH"
export PULUMI_HOME="$STATE/pulumi-home"
export PULUMI_BACKEND_URL="file://$STATE/backend"
export PULUMI_CONFIG_PASSPHRASE="\${PULUMI_CONFIG_PASSPHRASE:-openconnectors-local-demo}"
export PULUMI_SKIP_UPDATE_CHECK=true
export PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true
export PULUMI_SKIP_CONFIRMATIONS=true
EXPORTS
if [ "$BACKEND" = s3 ]; then
  # PULUMI_BACKEND_URL (s3://…?endpoint=…) and the server's credentials; starts it if needed.
  "$ROOT/.venv/bin/python" "$ROOT/scripts/s3_server.py" env --state-dir "$STATE/s3"
fi
