"""FormulaInstance: a formula template put to work with values for its variables."""

from __future__ import annotations

from ..spec import OnChange, Prop, ResourceSpec, created_since_props, same_integer


def _same_values(old: object, new: object) -> bool:
    """Variable values compared as strings (the API may answer an instance id as a number)."""

    def strings(value: object) -> dict[str, str]:
        return {str(k): str(v) for k, v in dict(value or {}).items()}  # type: ignore[call-overload]

    return strings(old) == strings(new)


SPEC = ResourceSpec(
    name="FormulaInstance",
    doc=(
        "A formula instance: a formula template with a value for each variable (a connector "
        "instance id for an `elementInstance` variable). Updates are a full "
        "`PUT /formulas/{id}/instances/{instanceId}`."
    ),
    operations=(
        "pulumi_openconnectors.resources.formula_instance.operations:FormulaInstanceOperations"
    ),
    id_output="formula_instance_id",
    props=(
        Prop(
            "formula_id",
            "int",
            "the formula template: a `Formula`'s `.id` (known in previews while the formula is "
            "updated, so an edit of the formula does not preview as a replacement)",
            on_change=OnChange.REPLACE,
            same=same_integer,
            py="int",
            required=True,
        ),
        Prop(
            "name",
            "str",
            "default: the resource name",
            py="str",
            api="name",
            resource_name_default=True,
        ),
        Prop("active", "bool", "default true", py="bool", api="active", init_default=True),
        Prop(
            "configuration",
            "dict[str, str | int]",
            "variable key -> value; pass a `ConnectorInstance`'s `.id` for an "
            "`elementInstance` variable, so the engine orders creates and deletes",
            default={},
            same=_same_values,
            refuse_none=True,
            py="dict[str, str]",
            api="configuration",
            py_input="Mapping[str, pulumi.Input[Any]]",
        ),
        Prop(
            "settings",
            "dict",
            "`notification.email`, `notification.webhook.url`, `api`, …; unset = not managed",
            unset_is_unmanaged=True,
            py="dict[str, Any] | None",
            api="settings",
        ),
        Prop.adopt_id("adopt_formula_instance_id", "instance of `formula_id`"),
        Prop.output("formula_instance_id", "int", "the instance id (also the Pulumi id)"),
        Prop.output("formula_name", "str", "the template's name as the API reports it"),
        *created_since_props(),
    ),
    guide=(
        "Changing ``formula_id`` replaces it; ``name``, ``active``, ``configuration`` and "
        "``settings`` are updated in place. Give ``formula_id`` a ``Formula``'s ``.id`` and "
        "``elementInstance`` variables a ``ConnectorInstance``'s ``.id``: the engine then "
        "creates those first and deletes the formula instance first (and an id stays known in "
        "a preview while its resource is updated, so an edit of the formula previews as one "
        "update, not a replacement)."
    ),
    notes=(
        "Ownership marker: formula instances carry no tags, so a create whose answer is lost is "
        "found among the formula's instances by its name and a `createdDate` at or after the "
        "moment the POST was sent (server clock).",
    ),
)
