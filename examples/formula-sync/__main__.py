"""A formula that copies contacts from one CRM instance to another, as code.

Two connector instances (the credentials), the common resource `myContacts` with a
transformation for every Close.io instance and one for the target instance only, the formula
template `sync-contacts` (trigger, filter, element requests and a script step) and the formula
instance that runs it between the two connector instances. The JSON files next to this program
are what a team keeps in git and reviews in pull requests; they are the documented formats (and
what the UI exports).
"""

from pathlib import Path

import pulumi

import pulumi_openconnectors as oc

HERE = Path(__file__).parent
cfg = pulumi.Config()

source = oc.ConnectorInstance(
    "source-crm",
    element_key="closeio",
    name="Source CRM",
    configuration={
        "username": cfg.require("sourceUsername"),
        "password": cfg.require_secret("sourcePassword"),
    },
    tags=["formula-sync"],
)
target = oc.ConnectorInstance(
    "target-crm",
    element_key="closeio",
    name="Target CRM",
    configuration={
        "username": cfg.require("targetUsername"),
        "password": cfg.require_secret("targetPassword"),
    },
    tags=["formula-sync"],
)

contacts = oc.CommonResource.from_file(HERE / "common-resources" / "myContacts.json")

# Every Close.io instance maps its contacts onto myContacts...
oc.Transformation.from_file(
    HERE / "transformations" / "closeio-myContacts.json",
    element_key="closeio",
    common_resource=contacts,
)
# ...and the target instance with a mapping of its own (an instance-level transformation).
oc.Transformation.from_file(
    HERE / "transformations" / "target-myContacts.json",
    instance_id=target.id,
    common_resource=contacts,
)

sync = oc.Formula.from_file(HERE / "formulas" / "sync-contacts.json")

# The resources' ids wire the formula instance to them: the engine creates them first and
# deletes the formula instance first. (`.id` rather than `.formula_id`/`.instance_id`: an id
# stays known in a preview while its resource is updated, so editing the formula previews as
# one update, not as a replacement of everything that uses it.)
instance = oc.FormulaInstance(
    "sync-contacts-prod",
    formula_id=sync.id,
    name="prod",
    configuration={
        "source": source.id,
        "target": target.id,
        "owner.email": cfg.get("ownerEmail") or "ops@example.com",
    },
)

pulumi.export("formulaId", sync.formula_id)
pulumi.export("formulaInstanceId", instance.formula_instance_id)
pulumi.export("sourceInstanceId", source.instance_id)
pulumi.export("targetInstanceId", target.instance_id)
