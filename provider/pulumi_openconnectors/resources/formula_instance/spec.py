"""FormulaInstance: a formula template put to work with values for its variables."""

from __future__ import annotations

from ..spec import OnChange, Prop, ResourceSpec, same_integer


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
        ),
        Prop("name", "str", "default: the resource name"),
        Prop("active", "bool", "default true"),
        Prop(
            "configuration",
            "dict[str, str | int]",
            "variable key -> value; pass a `ConnectorInstance`'s `.id` for an "
            "`elementInstance` variable, so the engine orders creates and deletes",
            default={},
            same=_same_values,
            refuse_none=True,
        ),
        Prop(
            "settings",
            "dict",
            "`notification.email`, `notification.webhook.url`, `api`, …; unset = not managed",
            unset_is_unmanaged=True,
        ),
        Prop(
            "adopt_formula_instance_id",
            "int",
            "take over an existing instance of `formula_id` instead of creating one",
            on_change=OnChange.CREATE_ONLY,
        ),
        Prop("formula_instance_id", "int", "the instance id (also the Pulumi id)", input=False),
        Prop("formula_name", "str", "the template's name as the API reports it", input=False),
        Prop("created_date", "str", "ISO 8601, UTC", input=False),
        Prop(
            "created_since",
            "float",
            "server time just before the create was sent (finds a create whose answer was lost)",
            input=False,
            internal=True,
        ),
        Prop(
            "late_create_possible",
            "bool",
            "a POST of the create went unanswered (delete then sweeps for a late copy)",
            input=False,
            internal=True,
        ),
    ),
    notes=(
        "Ownership marker: formula instances carry no tags, so a create whose answer is lost is "
        "found among the formula's instances by its name and a `createdDate` at or after the "
        "moment the POST was sent (server clock).",
    ),
)
