#!/usr/bin/env bash
# Destroy the quickstart stack and stop the emulator.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
eval "$(bash scripts/env.sh)"
STACK="${STACK:-dev}"
STATE="${OPENCONNECTORS_STATE_DIR:-$ROOT/.state}"
if pulumi stack select "$STACK" 2>/dev/null; then
  if python scripts/emulator_ctl.py status --state-dir "$STATE" >/dev/null 2>&1; then
    pulumi destroy --yes --stack "$STACK"
  else
    # Without the emulator's API nothing can be deleted through it; start it on its database.
    python scripts/emulator_ctl.py start --state-dir "$STATE" >/dev/null
    pulumi config set openconnectors:baseUrl "$(python scripts/emulator_ctl.py status --state-dir "$STATE")"
    pulumi destroy --yes --stack "$STACK"
  fi
fi
python scripts/emulator_ctl.py stop --state-dir "$STATE"
echo "[down] done" >&2
