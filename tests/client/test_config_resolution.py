"""Provider settings resolution: which source wins, the operation deadline, the base URL."""

from __future__ import annotations

from typing import Any

import pytest

from pulumi_openconnectors.config import resolve_settings
from pulumi_openconnectors.errors import ConfigurationError

REGION_URL = "https://api.openconnectors.eu10.ext.hana.ondemand.com/elements/api-v2"


def stack(**values: str) -> Any:
    config = {f"openconnectors:{k}": v for k, v in values.items()}
    return config.get


def test_a_region_in_stack_config_wins_over_a_base_url_in_the_environment() -> None:
    """Before: key by key, so OPENCONNECTORS_BASE_URL beat the stack's region."""
    env = {
        "OPENCONNECTORS_BASE_URL": "http://127.0.0.1:9/elements/api-v2",
        "OPENCONNECTORS_USER_SECRET": "u",
        "OPENCONNECTORS_ORGANIZATION_SECRET": "o",
    }
    settings = resolve_settings(stack(region="eu10"), env)
    assert settings.base_url == REGION_URL


def test_credentials_come_whole_from_one_source() -> None:
    env = {
        "OPENCONNECTORS_BASE_URL": "http://h/elements/api-v2",
        "OPENCONNECTORS_BEARER_TOKEN": "t",
    }
    settings = resolve_settings(stack(userSecret="su", organizationSecret="so"), env)
    assert (settings.user_secret, settings.organization_secret, settings.bearer_token) == (
        "su",
        "so",
        None,
    )
    # with no credentials in the stack, the environment's are used (the GitOps pattern)
    env = {"OPENCONNECTORS_USER_SECRET": "eu", "OPENCONNECTORS_ORGANIZATION_SECRET": "eo"}
    settings = resolve_settings(stack(baseUrl="http://h/elements/api-v2"), env)
    assert (settings.user_secret, settings.organization_secret) == ("eu", "eo")


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8790",
        "http://127.0.0.1:8790/",
        "https://api.openconnectors.us2.ext.hana.ondemand.com",
        "https://api.openconnectors.us2.ext.hana.ondemand.com/elements",
        "http://127.0.0.1:8790/elements/api-v2?x=1",
    ],
)
def test_a_base_url_that_is_not_the_api_root_says_what_it_should_look_like(url: str) -> None:
    with pytest.raises(ConfigurationError) as info:
        resolve_settings(stack(baseUrl=url, userSecret="u", organizationSecret="o"), {})
    message = str(info.value)
    assert "must be the platform API root, ending with /elements/api-v2" in message
    assert "http://127.0.0.1:<port>/elements/api-v2" in message
    assert repr(url) in message


def test_the_operation_deadline_setting() -> None:
    base = {"baseUrl": "http://h/elements/api-v2", "userSecret": "u", "organizationSecret": "o"}
    assert resolve_settings(stack(**base), {}).operation_timeout == 120.0
    env = {"OPENCONNECTORS_OPERATION_TIMEOUT": "45"}
    assert resolve_settings(stack(**base), env).operation_timeout == 45.0
    assert resolve_settings(stack(**base, operationTimeout="10"), env).operation_timeout == 10.0
    with pytest.raises(ConfigurationError, match="openconnectors:operationTimeout"):
        resolve_settings(stack(**base, operationTimeout="soon"), {})


def test_the_concurrency_setting() -> None:
    from pulumi_openconnectors.config import resolve_concurrency

    assert resolve_concurrency(stack(), {}) == 4  # the documented default: the host's own 4
    assert resolve_concurrency(stack(concurrency="16"), {}) == 16
    assert resolve_concurrency(stack(), {"OPENCONNECTORS_CONCURRENCY": "12"}) == 12
    # stack config wins over the environment; no endpoint or credentials needed
    assert resolve_concurrency(stack(concurrency="8"), {"OPENCONNECTORS_CONCURRENCY": "32"}) == 8
    with pytest.raises(ConfigurationError, match=r"--parallel"):
        resolve_concurrency(stack(concurrency="2"), {})
    for bad in ("0", "65", "many", "4.5"):
        with pytest.raises(ConfigurationError, match=r"openconnectors:concurrency"):
            resolve_concurrency(stack(concurrency=bad), {})


def test_each_setting_reads_the_environment_variable_its_table_names() -> None:
    """The variable is the key in upper snake case; the module's table is what users read."""
    import re

    from pulumi_openconnectors import config

    table = dict(re.findall(r"``(openconnectors:\w+)``.*?``(OPENCONNECTORS_\w+)``", config.__doc__))
    sources = [s for s in vars(config).values() if isinstance(s, config.SettingSource)]
    assert len(sources) == len(table) == 9
    assert {s.config_key: s.env for s in sources} == table
