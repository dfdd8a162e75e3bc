"""Property-based tests of the served OpenAPI document (schemathesis, issue #10).

Every operation of the document is called with generated requests, both schema-valid and
schema-violating ones, and every answer is checked against the document: never a 500, only
statuses the document lists, answers that match their schemas, schema-violating requests
rejected with a 4xx, schema-valid requests not rejected with a 400 (except where a rule beyond
the schema applies, see RULES_BEYOND_SCHEMA). Bounded and repeatable: MAX_EXAMPLES per
operation (about 30 s for the whole document on 2 busy cores), derandomized, no example
database. Run once with MAX_EXAMPLES = 150 (5 minutes): no failure.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis import GenerationMode
from schemathesis.checks import positive_data_acceptance

from pulumi_openconnectors.emulator import EmulatorServer, create_app

from .helpers import TIMEOUT, auth

MAX_EXAMPLES = 25

RULES_BEYOND_SCHEMA = {
    # The element's required configuration keys; an OAuth 2.0 code issued beforehand.
    "POST /elements/api-v2/instances",
    "POST /elements/api-v2/elements/{keyOrId}/instances",
    "PATCH /elements/api-v2/instances/{id}",
    "PUT /elements/api-v2/instances/{id}",
    # Steps named by onSuccess/onFailure must exist, unique step names, cron schedules,
    # debugLoggingEnabled false only with engine v3 (also against the stored formula).
    "POST /elements/api-v2/formulas",
    "PUT /elements/api-v2/formulas/{id}",
    "PATCH /elements/api-v2/formulas/{id}",
    # Configuration keys must be the formula's variables, instance ids existing instances.
    "POST /elements/api-v2/formulas/{id}/instances",
    "PUT /elements/api-v2/formulas/{id}/instances/{instanceId}",
    # Field paths unique (definitions) or declared by the object definition (transformations).
    "POST /elements/api-v2/organizations/objects/{objectName}/definitions",
    "PUT /elements/api-v2/organizations/objects/{objectName}/definitions",
    "POST /elements/api-v2/organizations/elements/{keyOrId}/transformations/{objectName}",
    "PUT /elements/api-v2/organizations/elements/{keyOrId}/transformations/{objectName}",
    "POST /elements/api-v2/instances/{id}/transformations/{objectName}",
    "PUT /elements/api-v2/instances/{id}/transformations/{objectName}",
    # Configuration keys and resource routes unique, a key that the name gives (private
    # elements); the where expression's grammar (the catalog).
    "POST /elements/api-v2/elements",
    "PUT /elements/api-v2/elements/{keyOrId}",
    "GET /elements/api-v2/elements",
    # Field paths unique; a transformation's connector existing, its paths fields of the VDR.
    "POST /elements/api-v2/vdrs",
    "PUT /elements/api-v2/vdrs/{id}",
    "PUT /elements/api-v2/vdrs/import",
}
"""Operations whose validity depends on other parts of the body or on stored objects, which a
schema cannot say: a schema-valid request may be refused with 400 (docs/emulator.md says
which rules). Every other check runs on them too."""


DOCUMENT = create_app().openapi()
"""The document the emulator serves (checked below: the same one a running server answers)."""

document = schemathesis.openapi.from_dict(DOCUMENT)
document.config.generation.update(
    modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE],
    max_examples=MAX_EXAMPLES,
    deterministic=True,
    # Unknown query parameters are ignored, as the platform does (a client may send searchText,
    # where, abridged, ... which the emulator does not implement): not a violation here.
    allow_extra_parameters=False,
    # The test sends the credentials itself (401s are covered by test_security.py).
    with_security_parameters=False,
)


@pytest.fixture(scope="module")
def fuzz_server() -> Iterator[EmulatorServer]:
    with EmulatorServer(port=0) as emu:
        yield emu


@pytest.fixture
def clean_server(fuzz_server: EmulatorServer) -> EmulatorServer:
    """The server emptied before each operation's examples: what one operation finds does not
    depend on which operations ran before it (the suite runs in random order, in several
    workers), so a failure replays from its operation alone."""
    fuzz_server.admin.reset()
    fuzz_server.admin.clear_faults()
    return fuzz_server


def test_the_document_is_the_served_one(fuzz_server: EmulatorServer) -> None:
    served = requests.get(fuzz_server.base_url + "/openapi.json", timeout=TIMEOUT)
    assert served.json() == DOCUMENT


@document.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_the_emulator_keeps_its_document(
    case: schemathesis.Case, clean_server: EmulatorServer
) -> None:
    excluded = [positive_data_acceptance] if case.operation.label in RULES_BEYOND_SCHEMA else []
    try:
        case.call_and_validate(
            base_url=clean_server.root_url, headers=auth(clean_server), excluded_checks=excluded
        )
    finally:
        if case.path == "/_emulator/faults":  # a generated rule must not fault the next cases
            clean_server.admin.clear_faults()


def test_every_operation_is_a_test_item_of_its_own(request: pytest.FixtureRequest) -> None:
    """Under pytest-xdist (`make test`) items with the same node id run once: each operation
    must have its own (see the hook in conftest.py)."""
    operations = sum(len(item) for item in DOCUMENT["paths"].values())
    ids = [
        item.nodeid
        for item in request.session.items
        if item.nodeid.split("::")[-1].startswith("test_the_emulator_keeps_its_document")
    ]
    if not ids:
        pytest.skip("the fuzz test is not selected")
    assert len(set(ids)) == len(ids), ids[:3]
    assert len(ids) <= operations
