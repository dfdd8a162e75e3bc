"""Quickstart: one basic-auth and one OAuth 2.0 connector instance.

`make up` configures this stack for the local emulator and deploys it. Against a real SAP Open
Connectors account, set the same config keys (see README.md#using-a-real-account).
"""

import pulumi

import pulumi_openconnectors as oc

cfg = pulumi.Config()

crm = oc.ConnectorInstance(
    "crm",
    element_key="closeio",  # a basic-auth CRM connector
    name="Quickstart CRM",
    configuration={
        "username": cfg.require("closeioUsername"),
        "password": cfg.require_secret("closeioPassword"),
    },
    tags=["quickstart", "crm"],
    retrieve_objects=True,
)

social = oc.ConnectorInstance(
    "social",
    element_key="hootsuite",  # OAuth 2.0
    name="Quickstart Social",
    configuration={
        "oauth.api.key": cfg.require("hootsuiteApiKey"),
        "oauth.api.secret": cfg.require_secret("hootsuiteApiSecret"),
        "oauth.callback.url": cfg.require("hootsuiteCallbackUrl"),
    },
    provider_data={"code": cfg.require_secret("hootsuiteOauthCode")},
    tags=["quickstart", "social"],
)

pulumi.export("crmInstanceId", crm.instance_id)
pulumi.export("crmToken", crm.token)  # a secret: shown as [secret]
pulumi.export("crmObjects", crm.objects.apply(lambda objs: [o["name"] for o in objs or []]))
pulumi.export("socialInstanceId", social.instance_id)
pulumi.export("socialToken", social.token)
pulumi.export("socialValid", social.valid)
