"""The fleet file model: defaults, placeholders, instances files, and errors that name the
file, the tenant and the field."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pulumi_openconnectors.fleet import strict_yaml
from pulumi_openconnectors.fleet.model import FleetFileError, load_fleet
from pulumi_openconnectors.fleet.secrets import SecretResolver
from pulumi_openconnectors.fleet.tenant_config import tenant_config

CRM = {
    "name": "crm",
    "element": "closeio",
    "configuration": {"username": "ops@example.com"},
    "secrets": {"password": "file:crm-password"},
}


def write(tmp_path: Path, data: object, name: str = "fleet.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path


def fleet(**tenant: object) -> dict[str, object]:
    base: dict[str, object] = {
        "stack": "acme",
        "base_url": "https://api.example.com/elements/api-v2",
        "credentials": {"user_secret": "env:ACME_USER", "organization_secret": "env:ACME_ORG"},
        "instances": [{"name": "crm", "element": "closeio"}],
    }
    base.update(tenant)
    return {"tenants": [base]}


def error(tmp_path: Path, data: object) -> str:
    with pytest.raises(FleetFileError) as caught:
        load_fleet(write(tmp_path, data))
    return str(caught.value)


def test_defaults_placeholders_and_instances_file(tmp_path: Path) -> None:
    (tmp_path / "instances").mkdir()
    write(tmp_path / "instances", {"instances": [CRM]}, "acme.yaml")
    write(tmp_path / "instances", [CRM, {"name": "web", "element": "brighttalk"}], "beta.yaml")
    path = write(
        tmp_path,
        {
            "project": "my-fleet",
            "defaults": {
                "region": "us2",
                "credentials": {
                    "user_secret": "env:OC_{STACK}_USER",
                    "organization_secret": "file:organizationSecret",
                },
                "secrets_file": "secrets/{stack}.yaml",
                "instances_file": "instances/{stack}.yaml",
            },
            "tenants": [
                {"stack": "acme"},
                {"stack": "beta-eu", "region": "eu10", "instances_file": "instances/beta.yaml"},
            ],
        },
    )
    loaded = load_fleet(path)
    assert loaded.project == "my-fleet"
    assert loaded.names() == ["acme", "beta-eu"]
    acme, beta = loaded.tenants
    assert acme.region == "us2" and beta.region == "eu10"
    assert acme.credentials.user_secret == "env:OC_ACME_USER"
    assert beta.credentials.user_secret == "env:OC_BETA_EU_USER"
    assert acme.secrets_file == tmp_path / "secrets" / "acme.yaml"
    assert [i.name for i in acme.instances] == ["crm"]
    assert [i.name for i in beta.instances] == ["crm", "web"]
    assert acme.fingerprint() != beta.fingerprint()


def test_config_resolves_references_and_marks_secrets(tmp_path: Path) -> None:
    (tmp_path / "secrets").mkdir()
    write(tmp_path / "secrets", {"crm-password": "pw", "organizationSecret": "org"}, "acme.yaml")
    data = fleet(secrets_file="secrets/acme.yaml", instances=[CRM])
    data["tenants"][0]["credentials"]["organization_secret"] = "file:organizationSecret"  # type: ignore[index]
    tenant = load_fleet(write(tmp_path, data)).tenants[0]
    config, endpoint = tenant_config(tenant, "proj", {"ACME_USER": "user"})
    assert endpoint.user_secret == "user" and endpoint.organization_secret == "org"
    secret = {k for k, v in config.items() if v.secret}
    assert secret == {
        "openconnectors:userSecret",
        "openconnectors:organizationSecret",
        "secretValues",
    }
    assert config["secretValues"].value == '{"crm/password": "pw"}'
    assert "pw" not in config["instances"].value
    assert config["fleetTag"].value == "oc-fleet:proj/acme"
    assert config["openconnectors:region"].value == ""


def test_missing_secret_names_the_tenant_and_field(tmp_path: Path) -> None:
    tenant = load_fleet(write(tmp_path, fleet())).tenants[0]
    with pytest.raises(FleetFileError) as caught:
        tenant_config(tenant, "proj", {"ACME_USER": "user"})
    assert str(caught.value) == (
        "fleet.yaml: tenants[0] ('acme'): credentials.organization_secret: "
        "environment variable ACME_ORG is not set"
    )
    with pytest.raises(FleetFileError, match=r"secrets_file: is not set"):
        SecretResolver(tenant, {}).resolve("file:x", "f")


@pytest.mark.parametrize(
    ("tenant", "message"),
    [
        (
            {"credentials": {"user_secret": "hunter2", "organization_secret": "env:X"}},
            "fleet.yaml: tenants[0] ('acme'): credentials.user_secret: must be a reference "
            "env:NAME (an environment variable) or file:KEY (a key of the secrets_file), "
            "never the secret itself",
        ),
        (
            {"instances": [{"name": "CRM", "element": "closeio"}]},
            "fleet.yaml: tenants[0] ('acme'): instances[0].name: must be lower-case letters, "
            "digits and '-', got 'CRM'",
        ),
        (
            {"instances": [{"name": "crm", "element": "closeio", "colour": "red"}]},
            "fleet.yaml: tenants[0] ('acme'): instances[0].colour: unknown field",
        ),
        (
            {"instances": [{"name": "crm"}]},
            "fleet.yaml: tenants[0] ('acme'): instances[0].element: is required",
        ),
        (
            {"instances": [{"name": "crm", "element": "closeio", "configuration": {"a": None}}]},
            "fleet.yaml: tenants[0] ('acme'): instances[0].configuration: a must be a string, "
            "got NoneType",
        ),
        (
            {"stack": "a b"},
            "fleet.yaml: tenants[0] ('a b'): stack: must be letters, digits, '_', '.' and '-', "
            "got 'a b'",
        ),
        (
            {"region": "us2"},
            "fleet.yaml: tenants[0] ('acme'): base_url and region: give one of them, not both",
        ),
        (
            {"base_url": "ftp://x"},
            "fleet.yaml: tenants[0] ('acme'): base_url: must be an http(s) URL ending with "
            "/elements/api-v2, or env:NAME, got 'ftp://x'",
        ),
        (
            {"instances": [CRM]},
            "fleet.yaml: tenants[0] ('acme'): secrets_file: is required, since "
            "file:crm-password refers to it",
        ),
        (
            {"instances": [{"name": "a", "element": "closeio"}, {"name": "a", "element": "x"}]},
            "fleet.yaml: tenants[0] ('acme'): instances[1].name: repeats 'a'",
        ),
    ],
)
def test_errors_name_the_tenant_and_the_field(
    tmp_path: Path, tenant: dict[str, object], message: str
) -> None:
    assert error(tmp_path, fleet(**tenant)) == message


def test_file_level_errors(tmp_path: Path) -> None:
    assert error(tmp_path, {"tenants": []}) == (
        "fleet.yaml: tenants: List should have at least 1 item after validation, not 0"
    )
    assert error(tmp_path, {"tenant": []}).splitlines() == [
        "fleet.yaml: tenants: is required",
        "fleet.yaml: tenant: unknown field",
    ]
    two = fleet()
    two["tenants"] = [two["tenants"][0], two["tenants"][0]]  # type: ignore[index]
    assert error(tmp_path, two) == (
        "fleet.yaml: tenants[1] ('acme'): stack: repeats the stack of tenants[0]"
    )
    assert "tenants[0] ('acme'): credentials: is required" in error(
        tmp_path, {"tenants": [{"stack": "acme", "region": "us2", "instances": []}]}
    )


def test_instances_file_errors_name_the_file_and_entry(tmp_path: Path) -> None:
    write(tmp_path, {"instances": [CRM, {"name": "x", "element": "bad key!"}]}, "acme.yaml")
    data = fleet(instances_file="acme.yaml", secrets_file="s.yaml")
    del data["tenants"][0]["instances"]  # type: ignore[index]
    assert error(tmp_path, data) == (
        "fleet.yaml: tenants[0] ('acme'): acme.yaml: instances[1].element: must be a connector "
        "key such as closeio, got 'bad key!'"
    )
    data["tenants"][0]["instances_file"] = "missing.yaml"  # type: ignore[index]
    assert "cannot read the instances file" in error(tmp_path, data)


def test_the_example_fleet_loads() -> None:
    example = Path(__file__).resolve().parents[2] / "examples" / "fleet" / "fleet.yaml"
    loaded = load_fleet(example)
    assert len(loaded.tenants) == 20
    assert all(len(t.instances) == 5 for t in loaded.tenants)
    assert len({t.stack for t in loaded.tenants}) == 20


BASE = """\
  base_url: https://api.example.com/elements/api-v2
  credentials: {user_secret: env:U, organization_secret: env:O}
  instances: [{name: crm, element: closeio}]
"""


def test_a_second_tenants_key_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "fleet.yaml"
    path.write_text(f"tenants:\n- stack: t-a\n{BASE}tenants:\n- stack: t-b\n{BASE}")
    with pytest.raises(FleetFileError) as caught:
        load_fleet(path)
    assert str(caught.value) == (
        "fleet.yaml: line 6: duplicate key 'tenants' (first written at line 1)"
    )


def test_a_key_repeated_inside_a_tenant_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "fleet.yaml"
    path.write_text(f"tenants:\n- stack: t-b\n  stack: t-a\n{BASE}")
    with pytest.raises(FleetFileError) as caught:
        load_fleet(path)
    expected = "fleet.yaml: line 3: duplicate key 'stack' (first written at line 2)"
    assert str(caught.value) == expected


def test_duplicate_keys_in_instances_and_secrets_files_are_refused(tmp_path: Path) -> None:
    (tmp_path / "instances.yaml").write_text(
        "instances:\n- name: crm\n  element: closeio\n  element: hubspot\n"
    )
    (tmp_path / "secrets.yaml").write_text("crm-password: one\ncrm-password: two-secret\n")
    path = tmp_path / "fleet.yaml"
    path.write_text(
        "tenants:\n- stack: acme\n  base_url: https://api.example.com/elements/api-v2\n"
        "  credentials: {user_secret: env:U, organization_secret: 'file:org'}\n"
        "  secrets_file: secrets.yaml\n  instances_file: instances.yaml\n"
    )
    with pytest.raises(FleetFileError) as caught:
        load_fleet(path)
    assert "instances.yaml: line 4: duplicate key 'element' (first written at line 3)" in str(
        caught.value
    )
    (tmp_path / "instances.yaml").write_text("instances:\n- name: crm\n  element: closeio\n")
    resolver = SecretResolver(load_fleet(path).tenants[0])
    with pytest.raises(FleetFileError) as caught:
        resolver.resolve("file:org", "credentials.organization_secret")
    message = str(caught.value)
    assert "line 2: duplicate key 'crm-password' (first written at line 1)" in message
    assert "two-secret" not in message and "one" not in message.split("secrets.yaml")[-1]


def test_merge_keys_may_still_be_overridden() -> None:
    text = "base: &base {stack: t-a, region: us}\ntenant:\n  <<: *base\n  stack: t-b\n"
    assert strict_yaml.load(text)["tenant"] == {"stack": "t-b", "region": "us"}
