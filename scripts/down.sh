#!/usr/bin/env bash
# Destroy the quickstart stack and stop the emulator, whatever happened to the emulator since
# `make up` (still running, crashed, its port taken by another process).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
eval "$(bash scripts/env.sh)"
STACK="${STACK:-dev}"
STATE="${OPENCONNECTORS_STATE_DIR:-$ROOT/.state}"
step() { printf '\n[down] %s\n' "$*" >&2; }

# The base URLs the stack's state recorded with its providers: `pulumi destroy` runs the
# providers with these, not with the current stack config.
recorded_base_urls() {
  pulumi stack export --stack "$STACK" | python -c '
import json, sys
deployment = json.load(sys.stdin).get("deployment") or {}
for resource in deployment.get("resources") or []:
    if str(resource.get("type", "")).startswith("pulumi:providers:"):
        url = (resource.get("inputs") or {}).get("openconnectors:baseUrl")
        print(url if isinstance(url, str) else "<not a plain string>")
'
}

if pulumi stack select --stack "$STACK" 2>/dev/null; then
  # Nothing can be deleted without the emulator's API: reuse it, or restart it on its database
  # (on the port it had when that is free, so the URL in the state still works).
  step "1/3 emulator"
  URL="$(python -m pulumi_openconnectors.emulator start --state-dir "$STATE")"
  step "2/3 pulumi destroy (stack '$STACK')"
  RECORDED="$(recorded_base_urls)"
  destroy_flags=()
  while IFS= read -r recorded; do
    if [ -n "$recorded" ] && [ "$recorded" != "$URL" ]; then
      # The emulator now listens elsewhere: run the program, so the providers are configured
      # from the stack config (the new URL) instead of the stale URL in the state.
      echo "[down] the state has the emulator at $recorded, it is now at $URL: destroying with --run-program" >&2
      pulumi config set --stack "$STACK" openconnectors:baseUrl -- "$URL"
      destroy_flags=(--run-program)
      break
    fi
  done <<<"$RECORDED"
  pulumi destroy --yes --stack "$STACK" ${destroy_flags[@]+"${destroy_flags[@]}"}
else
  echo "[down] no stack '$STACK': nothing to destroy" >&2
fi
step "3/3 stop the emulator"
python -m pulumi_openconnectors.emulator stop --state-dir "$STATE"
if [ "${OPENCONNECTORS_BACKEND:-file}" = s3 ]; then
  python scripts/s3_server.py stop --state-dir "$STATE/s3"   # its data stays in $STATE/s3
fi
echo "[down] done" >&2
