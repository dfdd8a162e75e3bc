"""Region shortcuts resolve to documented base URLs; typos get a suggestion."""

from __future__ import annotations

import pytest

from pulumi_openconnectors.errors import ConfigurationError
from pulumi_openconnectors.regions import REGIONS, base_url_for_region


@pytest.mark.parametrize(
    ("region", "url"),
    [
        ("us2", "https://api.openconnectors.us2.ext.hana.ondemand.com/elements/api-v2"),
        (" US2 ", "https://api.openconnectors.us2.ext.hana.ondemand.com/elements/api-v2"),
        ("eu10", "https://api.openconnectors.eu10.ext.hana.ondemand.com/elements/api-v2"),
        ("legacy", "https://api.cloud-elements.com/elements/api-v2"),
    ],
)
def test_known_regions(region: str, url: str) -> None:
    assert base_url_for_region(region) == url


def test_typo_suggests_closest_and_lists_all() -> None:
    with pytest.raises(ConfigurationError) as info:
        base_url_for_region("us22")
    message = str(info.value)
    assert "Did you mean 'us2'?" in message
    for name in REGIONS:
        assert name in message
    assert "OPENCONNECTORS_REGION" in message
    assert "OPENCONNECTORS_BASE_URL" in message


def test_unrelated_name_lists_without_suggestion() -> None:
    with pytest.raises(ConfigurationError) as info:
        base_url_for_region("mars")
    assert "Did you mean" not in str(info.value)
