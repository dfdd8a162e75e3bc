"""What check hands the engine when inputs are refused (issue #19, item 5.1): no property (the
engine would print the property's whole value, secrets unwrapped) and no secret in a reason."""

from __future__ import annotations

from pulumi_openconnectors.resources.connector_instance.provider import ConnectorInstanceProvider
from pulumi_openconnectors.resources.provider import check_failures
from pulumi_openconnectors.resources.registry import SPECS

PASSWORD = "canary-password-0b1c"


def test_failures_carry_no_property_and_name_the_field_in_the_reason() -> None:
    news = {
        "element_key": "closeio",
        "name": "crm",
        "configuration": {"username": "u", "password": PASSWORD, "bad": {"x": 1}},
    }
    result = ConnectorInstanceProvider().check({}, news)
    assert result.failures, "a map value inside configuration is refused"
    for failure in result.failures:
        assert failure.property == ""
        assert failure.reason.startswith("configuration['bad']"), failure.reason
        assert PASSWORD not in failure.reason


def test_secret_values_are_masked_in_reasons_of_every_type() -> None:
    for spec in SPECS:
        secrets = [p.name for p in spec.inputs if p.secret]
        news = {name: {"k": PASSWORD, "short": "u"} for name in secrets}
        failures = [
            (name, f"{name}['k'] {PASSWORD!r} is odd; so is {PASSWORD}") for name in secrets
        ]
        for failure in check_failures(spec, news, failures):
            assert PASSWORD not in failure.reason
            assert failure.reason.count("[secret]") == 2
            # a short secret is masked only where quoted, not inside words
            assert "['k']" in failure.reason


def test_a_short_secret_is_masked_where_quoted() -> None:
    spec = next(s for s in SPECS if s.name == "ConnectorInstance")
    [failure] = check_failures(
        spec, {"configuration": {"user": "u"}}, [("configuration", "configuration got 'u'")]
    )
    assert failure.reason == "configuration got [secret]"
