"""Formula: a formula template (a workflow: variables, a trigger and steps)."""

from __future__ import annotations

from ..spec import OnChange, Prop, ResourceSpec, lost_answer_props

# Keys the server sets in a formula document (and in its variables, triggers and steps): never
# sent, not kept as `extra`, dropped from a file (an export carries them). Here, not in
# inputs.py, because the program side (resource.py: from_file) must not import pydantic.
SERVER_KEYS = ("id", "userId", "accountId", "createdDate", "updatedDate")
ITEM_SERVER_KEYS = ("id", "formulaId")

SPEC = ResourceSpec(
    name="Formula",
    doc=(
        "A formula template: its variables (`configuration`), its trigger and its steps, as "
        "in the formula JSON the platform documents (and the UI exports). Every change is a "
        "full `PUT /formulas/{id}`, in place."
    ),
    operations="pulumi_openconnectors.resources.formula.operations:FormulaOperations",
    id_output="formula_id",
    props=(
        Prop("name", "str", "the formula's name; default: the resource name"),
        Prop("description", "str", "free text"),
        Prop("active", "bool", "default true; an inactive template stops all its instances"),
        Prop(
            "single_threaded",
            "bool",
            "`singleThreaded`; unset = not managed",
            unset_is_unmanaged=True,
        ),
        Prop("engine", "str", "`v1` or `v3`; unset = not managed", unset_is_unmanaged=True),
        Prop(
            "debug_logging_enabled",
            "bool",
            "`debugLoggingEnabled`; unset = not managed",
            unset_is_unmanaged=True,
        ),
        Prop(
            "configuration",
            "list[dict]",
            "the variables: `{key, name, type: value|elementInstance, required?}` each",
            default=[],
        ),
        Prop(
            "triggers",
            "list[dict]",
            "`{type: event|elementRequest|scheduled|manual, properties, onSuccess, onFailure}`",
            default=[],
        ),
        Prop(
            "steps",
            "list[dict]",
            "`{name, type, properties, onSuccess, onFailure}` each, as documented",
            default=[],
        ),
        Prop(
            "extra",
            "dict",
            "any other top-level keys of the formula JSON, kept as they are (e.g. `api`)",
            default={},
        ),
        Prop(
            "adopt_formula_id",
            "int",
            "take over an existing formula instead of creating one",
            on_change=OnChange.CREATE_ONLY,
        ),
        Prop("formula_id", "int", "the formula's id (also the Pulumi resource id)", input=False),
        Prop("created_date", "str", "ISO 8601, UTC", input=False),
        *lost_answer_props(
            "created_since",
            "float",
            "server time just before the create was sent (finds a create whose answer was lost)",
        ),
    ),
    # What the platform adds to a formula the program posts (the documented response of
    # POST /formulas, formulas exported from the UI): not drift unless the program sets it.
    server_filled={
        "": (
            "singleThreaded",
            "engine",
            "debugLoggingEnabled",
            "debugLoggingExpires",
            "api",
            "subFormulas",
        ),
        "configuration[]": ("required",),
        "triggers[]": ("async", "name", "active", "onSuccess", "onFailure", "properties"),
        "steps[]": ("onSuccess", "onFailure", "properties"),
    },
    notes=(
        "Ownership marker: formulas carry no tags, so a create whose answer is lost is found by "
        "its name and a `createdDate` at or after the moment the POST was sent (server clock, "
        "from the API's `Date` headers).",
    ),
)
