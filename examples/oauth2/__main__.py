"""One OAuth 2.0 connector instance (Hootsuite).

OAuth 2.0 connectors need the OAuth app's key, secret and callback URL in the configuration,
plus an authorization code in ``provider_data``: the user grants access on the vendor's page,
which redirects to the callback URL with ``?code=...``. The code is one-time and is used only
when the instance is created; changing it later causes no diff. See README.md for how to get
one from the emulator or from a real account.

    pulumi config set hootsuiteApiKey -- <client id>
    pulumi config set --secret hootsuiteApiSecret -- <client secret>
    pulumi config set hootsuiteCallbackUrl -- http://127.0.0.1:8765/callback
    pulumi config set --secret oauthCode -- <code>
"""

import pulumi

import pulumi_openconnectors as oc

cfg = pulumi.Config()

social = oc.ConnectorInstance(
    "hootsuite",
    element_key="hootsuite",
    name=cfg.get("instanceName") or "Hootsuite (OAuth 2.0 example)",
    configuration={
        "oauth.api.key": cfg.require("hootsuiteApiKey"),
        "oauth.api.secret": cfg.require_secret("hootsuiteApiSecret"),
        # Must be the callback URL the code was issued for (and registered with the OAuth app).
        "oauth.callback.url": cfg.require("hootsuiteCallbackUrl"),
    },
    # The authorization grant: used once, at create; later changes to it cause no diff.
    provider_data={"code": cfg.require_secret("oauthCode")},
    tags=["example", "oauth2"],
)

pulumi.export("instanceId", social.instance_id)
pulumi.export("token", social.token)  # secret
pulumi.export("valid", social.valid)
