#!/usr/bin/env bash
# Run the fleet of fleet.yaml locally: 20 tenants, each its own organization on a local
# emulator (one --account per tenant), Pulumi state in a local S3-compatible store (versitygw).
#
#   examples/fleet/run-locally.sh [preview|up|refresh|destroy] [fleet options...]   (default: up)
#   examples/fleet/run-locally.sh stop        stop the emulator and the S3 server
#
# The emulator keeps its data in .state/fleet/emulator.db and stays up between runs (like the
# S3 server), so `up`, then `preview`, `refresh`, `destroy` work on the same organizations.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$ROOT/examples/fleet"
STATE="${OPENCONNECTORS_STATE_DIR:-$ROOT/.state}/fleet"
OPERATION="${1:-up}"
[ $# -gt 0 ] && shift
mkdir -p "$STATE"
cd "$ROOT"
eval "$(bash scripts/env.sh)"   # the engine and the virtualenv on PATH
log() { printf '[fleet-local] %s\n' "$*" >&2; }

emulator_url() {
  [ -f "$STATE/emulator.pid" ] && [ -f "$STATE/emulator.url" ] || return 1
  kill -0 "$(cat "$STATE/emulator.pid")" 2>/dev/null || return 1
  python - "$(cat "$STATE/emulator.url")" <<'PY' || return 1
import sys, requests
try:
    ok = requests.get(sys.argv[1] + "/elements", timeout=2).status_code in (200, 401)
except requests.RequestException:
    ok = False
sys.exit(0 if ok else 1)
PY
  cat "$STATE/emulator.url"
}

if [ "$OPERATION" = stop ]; then
  if [ -f "$STATE/emulator.pid" ] && kill -0 "$(cat "$STATE/emulator.pid")" 2>/dev/null \
    && grep -q pulumi_openconnectors.emulator "/proc/$(cat "$STATE/emulator.pid")/cmdline" 2>/dev/null; then
    kill "$(cat "$STATE/emulator.pid")" && log "emulator stopped"
  fi
  rm -f "$STATE/emulator.pid" "$STATE/emulator.url"
  python scripts/s3_server.py stop --state-dir "$STATE/s3"
  exit 0
fi

# 1. The tenants' secrets files (made-up values; a real fleet writes them from its CI secrets).
if ! ls "$HERE"/secrets/*.yaml >/dev/null 2>&1; then
  python "$HERE/write_secrets.py" --demo
fi

# 2. The emulator: one organization per tenant.
if ! URL="$(emulator_url)"; then
  read -r -a ACCOUNTS <<<"$(python "$HERE/write_secrets.py" --accounts)"
  python -m pulumi_openconnectors.emulator --port 0 --db "$STATE/emulator.db" "${ACCOUNTS[@]}" \
    >"$STATE/emulator.log" 2>&1 &
  echo $! >"$STATE/emulator.pid"
  for _ in $(seq 1 100); do
    URL="$(sed -n 's/^Open Connectors emulator listening on //p' "$STATE/emulator.log")"
    [ -n "$URL" ] && break
    sleep 0.1
  done
  [ -n "$URL" ] || { log "the emulator did not start; see $STATE/emulator.log"; exit 1; }
  echo "$URL" >"$STATE/emulator.url"
  log "emulator with ${#ACCOUNTS[@]} organizations at $URL"
fi
export OPENCONNECTORS_FLEET_BASE_URL="$URL"

# 3. Pulumi state in the local S3 store (bucket pulumi-state, prefix fleet).
eval "$(python scripts/s3_server.py env --state-dir "$STATE/s3" --prefix fleet)"
log "state in $PULUMI_BACKEND_URL"

# 4. The fleet.
exec python -m pulumi_openconnectors fleet "$OPERATION" --fleet "$HERE/fleet.yaml" \
  --state-dir "$STATE/runner" "$@"
