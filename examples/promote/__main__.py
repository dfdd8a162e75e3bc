"""What a dev organization promotes to prod, as one program with one stack per organization.

The files next to this program are the objects: a custom connector (connectors/), common
resources (common-resources/), a transformation of the connector's contacts onto one of them
(transformations/), virtual data resources (vdrs/) and formulas (formulas/<name>/: formula.json
and a .js file per script step). The stack decides where they go: `pulumi up --stack dev`
deploys them into the organization whose secrets the dev stack holds, `--stack prod` into the
prod one. The stack config also holds what differs per organization (the Acme API URL and
account, its password as a secret, who the formula notifies). See README.md.
"""

from pathlib import Path

import pulumi

import pulumi_openconnectors as oc

HERE = Path(__file__).parent
cfg = pulumi.Config()
organization = cfg.require("organization")  # dev | prod: a label, the credentials pick the org
if organization not in ("dev", "prod"):
    raise ValueError(f"config organization must be dev or prod, not {organization!r}")

# The custom connector, and the instance of it that the formula runs against. The instance
# names the connector by output (element_key=acme.key): created after it, deleted before it.
acme = oc.Connector.from_file(HERE / "connectors" / "acme-crm.json")
crm = oc.ConnectorInstance(
    "acme-crm",
    element_key=acme.key,
    name=f"Acme CRM ({organization})",
    configuration={
        "base.url": cfg.require("acmeApiUrl"),
        "username": cfg.require("acmeUsername"),
        "password": cfg.require_secret("acmePassword"),
    },
    tags=["promote", organization],
)

# Common resources, and how the Acme connector's contacts map onto promoContacts.
common = {
    path.stem: oc.CommonResource.from_file(path)
    for path in sorted((HERE / "common-resources").glob("*.json"))
}
oc.Transformation.from_file(
    HERE / "transformations" / "acme-promoContacts.json",
    element_key=acme.key,
    common_resource=common["promoContacts"],
)

# Virtual data resources (v2: definition and transformations in one document each).
for path in sorted((HERE / "vdrs").glob("*.json")):
    oc.VirtualDataResource.from_file(path)

# Formulas: one directory each (formula.json + the .js of each script and filter step).
formulas = {
    path.name: oc.Formula.from_file(path)
    for path in sorted((HERE / "formulas").iterdir())
    if (path / "formula.json").is_file()
}

# The notification formula runs against this organization's Acme instance.
notify = oc.FormulaInstance(
    "notify-new-contact",
    formula_id=formulas["notify-new-contact"].id,
    name=f"notify-new-contact-{organization}",
    configuration={"crm": crm.id, "owner.email": cfg.require("ownerEmail")},
)

pulumi.export("organization", organization)
pulumi.export("connectorKey", acme.key)
pulumi.export("instanceId", crm.instance_id)
pulumi.export("formulaIds", {name: formula.formula_id for name, formula in formulas.items()})
pulumi.export("formulaInstanceId", notify.formula_instance_id)
