"""Checks against a real SAP Open Connectors account, with the typed client (no Pulumi).

Run only when these environment variables are set (skipped otherwise):

    OPENCONNECTORS_REAL_BASE_URL (or OPENCONNECTORS_REAL_REGION, e.g. us2 or eu10)
    OPENCONNECTORS_REAL_USER_SECRET
    OPENCONNECTORS_REAL_ORGANIZATION_SECRET

and, to also create, read and delete one basic-auth instance:

    OPENCONNECTORS_REAL_BASIC_ELEMENT   a basic-auth connector key, e.g. closeio
    OPENCONNECTORS_REAL_BASIC_USERNAME
    OPENCONNECTORS_REAL_BASIC_PASSWORD

    .venv/bin/pytest -m real_service tests/real_service -v

The instance is deleted in a ``finally``, whatever happens. Nothing the tests log, print or
raise may contain a secret (the account's secrets, the connector password, instance tokens).
Pointing these variables at the emulator (``make emulator``) is a dry run of the same checks.
"""

from __future__ import annotations

import contextlib
import logging
import os
import uuid
from collections.abc import Iterator

import pytest

from pulumi_openconnectors.client import OpenConnectorsClient
from pulumi_openconnectors.client.models import CreateInstanceRequest
from pulumi_openconnectors.config import resolve_settings
from pulumi_openconnectors.errors import AuthenticationError, NotFoundError, OpenConnectorsError

pytestmark = pytest.mark.real_service

REAL = {
    name: os.environ.get(f"OPENCONNECTORS_REAL_{name}", "").strip()
    for name in (
        "BASE_URL",
        "REGION",
        "USER_SECRET",
        "ORGANIZATION_SECRET",
        "BASIC_ELEMENT",
        "BASIC_USERNAME",
        "BASIC_PASSWORD",
    )
}

if not (
    (REAL["BASE_URL"] or REAL["REGION"]) and REAL["USER_SECRET"] and REAL["ORGANIZATION_SECRET"]
):
    pytest.skip(
        "real-account tests: set OPENCONNECTORS_REAL_BASE_URL (or OPENCONNECTORS_REAL_REGION), "
        "OPENCONNECTORS_REAL_USER_SECRET and OPENCONNECTORS_REAL_ORGANIZATION_SECRET "
        "(plus OPENCONNECTORS_REAL_BASIC_ELEMENT/_USERNAME/_PASSWORD to create an instance)",
        allow_module_level=True,
    )

TEST_TAG = "pulumi-openconnectors-real-service-test"


def settings_env() -> dict[str, str]:
    """The provider's environment variables, from the REAL ones only (never the caller's)."""
    env = {
        "OPENCONNECTORS_USER_SECRET": REAL["USER_SECRET"],
        "OPENCONNECTORS_ORGANIZATION_SECRET": REAL["ORGANIZATION_SECRET"],
    }
    if REAL["BASE_URL"]:
        env["OPENCONNECTORS_BASE_URL"] = REAL["BASE_URL"]
    else:
        env["OPENCONNECTORS_REGION"] = REAL["REGION"]
    return env


def assert_no_secret(text: str, secrets: list[str], where: str) -> None:
    for secret in secrets:
        if secret and len(secret) >= 4:
            assert secret not in text, f"a secret leaked into {where}"


@pytest.fixture
def secrets() -> list[str]:
    """What must never show up; tests append the tokens they see."""
    return [REAL["USER_SECRET"], REAL["ORGANIZATION_SECRET"], REAL["BASIC_PASSWORD"]]


@pytest.fixture
def client(
    secrets: list[str],
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> Iterator[OpenConnectorsClient]:
    caplog.set_level(logging.DEBUG, logger="pulumi_openconnectors")
    with OpenConnectorsClient(resolve_settings(env=settings_env())) as api:
        assert_no_secret(repr(api), secrets, "repr(client)")
        yield api
    captured = capsys.readouterr()
    assert_no_secret(caplog.text, secrets, "the logs")
    assert_no_secret(captured.out + captured.err, secrets, "stdout/stderr")


@contextlib.contextmanager
def errors_checked(secrets: list[str]) -> Iterator[None]:
    """Re-raise any package error after checking its text holds no secret."""
    try:
        yield
    except OpenConnectorsError as exc:
        assert_no_secret(f"{exc}\n{exc!r}", secrets, "an error message")
        raise


def test_list_elements(client: OpenConnectorsClient, secrets: list[str]) -> None:
    with errors_checked(secrets):
        elements = client.list_elements()
    assert elements, "the catalog is not empty"
    assert all(e.key for e in elements)
    if REAL["BASIC_ELEMENT"]:
        assert REAL["BASIC_ELEMENT"] in {e.key for e in elements}


def test_wrong_credentials_are_refused_without_echoing_them() -> None:
    wrong = f"wrong-user-secret-{uuid.uuid4().hex}"
    env = settings_env() | {"OPENCONNECTORS_USER_SECRET": wrong}
    settings = resolve_settings(env=env)
    with (
        OpenConnectorsClient(settings) as api,
        pytest.raises(AuthenticationError) as raised,
    ):
        api.list_elements()
    text = f"{raised.value}\n{raised.value!r}"
    assert_no_secret(text, [wrong, REAL["ORGANIZATION_SECRET"]], "the 401 error")
    assert raised.value.http_status == 401


def test_basic_auth_instance_create_read_delete(
    client: OpenConnectorsClient, secrets: list[str]
) -> None:
    if not (REAL["BASIC_ELEMENT"] and REAL["BASIC_USERNAME"] and REAL["BASIC_PASSWORD"]):
        pytest.skip(
            "set OPENCONNECTORS_REAL_BASIC_ELEMENT, OPENCONNECTORS_REAL_BASIC_USERNAME and "
            "OPENCONNECTORS_REAL_BASIC_PASSWORD to create a basic-auth instance"
        )
    name = f"pulumi-openconnectors real-service test {uuid.uuid4().hex[:8]}"
    request = CreateInstanceRequest(
        name=name,
        element_key=REAL["BASIC_ELEMENT"],
        configuration={
            "username": REAL["BASIC_USERNAME"],
            "password": REAL["BASIC_PASSWORD"],
        },
        tags=[TEST_TAG],
    )
    instance_id: int | None = None
    try:
        with errors_checked(secrets):
            created = client.create_instance(request)
            instance_id = created.id
            if created.token is not None:
                secrets.append(created.token.get_secret_value())
            assert_no_secret(repr(created), secrets, "repr(instance)")

            fetched = client.get_instance(instance_id)
        assert fetched.id == instance_id
        assert fetched.name == name
        assert fetched.element is not None and fetched.element.key == REAL["BASIC_ELEMENT"]
        assert TEST_TAG in fetched.tags
        assert_no_secret(repr(fetched), secrets, "repr(instance)")
    finally:
        if instance_id is not None:
            with contextlib.suppress(NotFoundError), errors_checked(secrets):
                client.delete_instance(instance_id)
    assert instance_id is not None
    with pytest.raises(NotFoundError) as gone:
        client.get_instance(instance_id)
    assert_no_secret(f"{gone.value}\n{gone.value!r}", secrets, "the 404 error")
