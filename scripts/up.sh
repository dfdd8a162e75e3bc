#!/usr/bin/env bash
# The main job: install what is missing, start the emulator, `pulumi up` the quickstart.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
eval "$(bash scripts/env.sh)"
STACK="${STACK:-dev}"
STATE="${OPENCONNECTORS_STATE_DIR:-$ROOT/.state}"
step() { printf '\n[up] %s\n' "$*" >&2; }

step "1/4 emulator"
URL="$(python -m pulumi_openconnectors.emulator start --state-dir "$STATE")"

step "2/4 stack '$STACK' on the ${OPENCONNECTORS_BACKEND:-file} backend ($PULUMI_BACKEND_URL)"
pulumi stack select --stack "$STACK" 2>/dev/null || pulumi stack init -- "$STACK"

step "3/4 configuration (secrets with --secret)"
# Values go after `--`: a value that starts with '-' (a random password or OAuth code can) would
# otherwise be read as a flag ("unknown shorthand flag").
config_set() { pulumi config set --stack "$STACK" "$@"; }
config_set openconnectors:baseUrl -- "$URL"
config_set --secret openconnectors:userSecret -- demo-user-secret
config_set --secret openconnectors:organizationSecret -- demo-organization-secret
config_set closeioUsername -- quickstart@example.com
# The Close.io password: $CLOSEIO_PASSWORD if set, else a random one generated once per stack.
if [ -n "${CLOSEIO_PASSWORD:-}" ]; then
  config_set --secret closeioPassword -- "$CLOSEIO_PASSWORD"
elif ! pulumi config get --stack "$STACK" closeioPassword >/dev/null 2>&1; then
  config_set --secret closeioPassword -- "$(python -c 'import secrets; print(secrets.token_urlsafe(18))')"
fi
config_set hootsuiteApiKey -- quickstart-hootsuite-app
config_set --secret hootsuiteApiSecret -- quickstart-hootsuite-app-secret
config_set hootsuiteCallbackUrl -- http://127.0.0.1:8765/callback
# The OAuth 2.0 authorization grant: the emulator's authorize page plays the vendor and the
# user, and redirects to the callback with a one-time code (used only when the instance is
# created; later runs ignore it).
CODE="$(OPENCONNECTORS_BASE_URL="$URL" OPENCONNECTORS_USER_SECRET=demo-user-secret \
  OPENCONNECTORS_ORGANIZATION_SECRET=demo-organization-secret \
  python -m pulumi_openconnectors oauth emulator-code --element hootsuite \
  --api-key quickstart-hootsuite-app --api-secret quickstart-hootsuite-app-secret \
  --callback-url http://127.0.0.1:8765/callback)"
config_set --secret hootsuiteOauthCode -- "$CODE"

step "4/4 pulumi up"
pulumi up --yes --stack "$STACK"
step "stack outputs (tokens stay [secret]; show them with: pulumi stack output --show-secrets)"
pulumi stack output --stack "$STACK"
printf '\n[up] done. Put the same tools in your shell with:  eval "$(make -s env)"\n\n' >&2
