"""The formula check's schedule rule: the real gaps between firings, across hour and day
boundaries (the platform refuses a schedule more frequent than every 15 minutes)."""

from __future__ import annotations

import pytest

from pulumi_openconnectors.resources.formula.rules import cron_problem


@pytest.mark.parametrize(
    ("cron", "minutes"),
    [
        ("0 0,50 0,23 * * ?", 10),  # 23:50 then 00:00 the next day
        ("0 55 23 * * ?  ", None),  # once a day
        ("0 0,55 0,23 * * ?", 5),  # 23:55 then 00:00
        ("0 58 10 * * ?", None),
        ("0 58,5 10,11 * * ?", 7),  # 10:58 then 11:05: across the hour
        ("0 0/20 * * * ?", None),
        ("0 0/10 * * * ?", 10),
        ("0 50-5/5 * * * ?", 5),  # a Quartz range that wraps past the hour
        ("0 0 22-1 * * ?", None),  # hours 22, 23, 0, 1
        ("0 50,10 23,0 ? * MON-FRI", None),  # 23:50 then 00:10: 20 minutes
    ],
)
def test_the_shortest_gap_counts_hour_and_day_boundaries(cron: str, minutes: int | None) -> None:
    problem = cron_problem(cron)
    if minutes is None:
        assert problem is None
    else:
        assert problem is not None
        assert f"runs every {minutes} minute(s) at times" in problem
        assert "minimum scheduled frequency is 15 minutes" in problem


def test_the_midnight_example_of_the_issue() -> None:
    problem = cron_problem("0 0,50 0,23 * * ?")
    assert problem == (
        "cron '0 0,50 0,23 * * ?' runs every 10 minute(s) at times (23:50 then 00:00); "
        "the minimum scheduled frequency is 15 minutes"
    )
