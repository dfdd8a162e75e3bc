"""One basic-auth connector instance (Close.io).

The username is plain stack config; the password is a config secret, so it is stored
encrypted in Pulumi.<stack>.yaml and in the state, and never shown in the CLI output:

    pulumi config set closeioUsername -- crm-bot@example.com
    pulumi config set --secret closeioPassword -- '<the password>'
"""

import pulumi

import pulumi_openconnectors as oc

cfg = pulumi.Config()

crm = oc.ConnectorInstance(
    "closeio",
    element_key="closeio",  # basic auth: configuration.username / configuration.password
    name=cfg.get("instanceName") or "Close.io (basic auth example)",
    configuration={
        "username": cfg.require("closeioUsername"),
        "password": cfg.require_secret("closeioPassword"),
    },
    tags=["example", "basic-auth"],
)

pulumi.export("instanceId", crm.instance_id)
pulumi.export("token", crm.token)  # secret: [secret] unless `pulumi stack output --show-secrets`
pulumi.export("valid", crm.valid)
