"""Formula: a formula template (a workflow: variables, a trigger and steps)."""

from __future__ import annotations

from ..spec import GENERATED, FileSpec, Prop, ResourceSpec, created_since_props

# Keys the server sets in a formula document and in its variables, triggers and steps.
_ITEM_SERVER_KEYS = ("id", "formulaId")

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
        Prop(
            "name",
            "str",
            "the formula's name; default: the resource name",
            api="name",
            py="str",
            resource_name_default=True,
        ),
        Prop("description", "str", "free text", api="description", py="str | None"),
        Prop(
            "active",
            "bool",
            "default true; an inactive template stops all its instances",
            api="active",
            py="bool",
            init_default=True,
        ),
        Prop(
            "single_threaded",
            "bool",
            "`singleThreaded`; unset = not managed",
            unset_is_unmanaged=True,
            api="singleThreaded",
            py="bool | None",
        ),
        Prop(
            "engine",
            "str",
            "`v1` or `v3`; unset = not managed",
            unset_is_unmanaged=True,
            api="engine",
            py="str | None",
        ),
        Prop(
            "debug_logging_enabled",
            "bool",
            "`debugLoggingEnabled`; unset = not managed",
            unset_is_unmanaged=True,
            api="debugLoggingEnabled",
            py="bool | None",
        ),
        Prop(
            "configuration",
            "list[dict]",
            "the variables: `{key, name, type: value|elementInstance, required?}` each",
            default=[],
            api="configuration",
            py="list[dict[str, Any]]",
        ),
        Prop(
            "triggers",
            "list[dict]",
            "`{type: event|elementRequest|scheduled|manual, properties, onSuccess, onFailure}`",
            default=[],
            api="triggers",
            py="list[dict[str, Any]]",
        ),
        Prop(
            "steps",
            "list[dict]",
            "`{name, type, properties, onSuccess, onFailure}` each, as documented",
            default=[],
            api="steps",
            py="list[dict[str, Any]]",
        ),
        Prop.extra_keys(
            "any other top-level keys of the formula JSON, kept as they are (e.g. `api`)"
        ),
        Prop.adopt_id("adopt_formula_id", "formula"),
        Prop.output("formula_id", "int", "the formula's id (also the Pulumi resource id)"),
        *created_since_props(),
    ),
    server_keys={
        "": ("id", "userId", "accountId", "createdDate", "updatedDate"),
        "configuration[]": _ITEM_SERVER_KEYS,
        "triggers[]": _ITEM_SERVER_KEYS,
        "steps[]": _ITEM_SERVER_KEYS,
    },
    file=FileSpec(
        what="formula",
        doc=(
            "A formula from its JSON file (as exported from the UI or the API). ``name`` is the "
            "Pulumi resource name (default: the file's stem). The file gives every input; "
            "``overrides`` replace single inputs (``description=…``, ``active=False``). "
            "Server-set keys (``id``, ``userId``, ``createdDate``…, and the ids of variables, "
            "triggers and steps) are dropped; other keys the provider does not know go to "
            "``extra`` and are sent back as they are. ``path`` may also be a formula directory "
            "(``formula.json`` and a ``<step>.js`` per script and filter step, the layout of "
            "the-doctor's ``--directory`` export; docs/formulas-as-code.md): the resource name "
            "then defaults to the directory's name, and each step without a ``body`` takes its "
            "``.js`` file."
        ),
        reader="pulumi_openconnectors.resources.formula.layout:read_formula",
    ),
    guide=(
        "Every change is an in-place update (``PUT /formulas/{id}``). ``check`` enforces the "
        "documented rules: trigger and step types, unique step names, "
        "``onSuccess``/``onFailure`` naming steps of the formula, ``${config.x}``/"
        "``${steps.x}`` references to declared variables and existing steps, and a schedule no "
        "more frequent than every 15 minutes. Load an exported formula with ``from_file``; keys "
        "the provider does not know are kept in ``extra``. A step's or trigger's ``properties``, "
        "``onSuccess`` or ``onFailure`` the program leaves out (an adopted formula declared "
        "without its script bodies) are not managed: an update keeps them as the platform has "
        "them."
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
    # What of those the server fills in whatever the program says (an import keeps the rest:
    # a step's body, a trigger's onSuccess and properties hold what a program set).
    server_defaults={
        "": {
            "singleThreaded": False,
            "debugLoggingExpires": GENERATED,
            "subFormulas": GENERATED,
        },
        "configuration[]": {"required": True},
        "triggers[]": {"async": True, "name": "trigger", "active": True},
    },
    # A step's or trigger's body and edges the program leaves out (e.g. an adopted formula
    # declared without its script bodies): not drift, so a later update must not wipe them.
    kept_on_put={
        "triggers[]": ("onSuccess", "onFailure", "properties"),
        "steps[]": ("onSuccess", "onFailure", "properties"),
    },
    notes=(
        "Ownership marker: formulas carry no tags, so a create whose answer is lost is found by "
        "its name and a `createdDate` at or after the moment the POST was sent (server clock, "
        "from the API's `Date` headers).",
    ),
)
