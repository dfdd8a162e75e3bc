"""Quartz cron expressions of scheduled triggers: syntax, and the 15-minute minimum.

A Quartz expression has 6 or 7 fields, seconds first: ``sec min hour day-of-month month
day-of-week [year]``; one of the two day fields must be ``?``. The platform's note "The minimum
scheduled frequency is 15 minutes" is checked on the time of day: two firings closer than 900
seconds (also across midnight, taken as possible on consecutive days) are too frequent.
"""

from __future__ import annotations

import itertools
import re

MIN_INTERVAL_SECONDS = 15 * 60
_CONFIG_REFERENCE = re.compile(r"^\$\{config\.[A-Za-z0-9_.\-]+\}$")
_MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
_DAYS = ("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT")

# name, lowest, highest, symbolic names (value = index + lowest)
_FIELDS: tuple[tuple[str, int, int, tuple[str, ...]], ...] = (
    ("seconds", 0, 59, ()),
    ("minutes", 0, 59, ()),
    ("hours", 0, 23, ()),
    ("day-of-month", 1, 31, ()),
    ("month", 1, 12, _MONTHS),
    ("day-of-week", 1, 7, _DAYS),
    ("year", 1970, 2099, ()),
)
_DAY_OF_MONTH_SPECIAL = re.compile(r"^(L(-\d{1,2})?|LW|\d{1,2}W)$")
_DAY_OF_WEEK_SPECIAL = re.compile(r"^(L|([1-7]|[A-Z]{3})(L|#[1-5]))$")


class CronError(ValueError):
    """Why an expression is refused (a sentence without the expression itself)."""


def is_config_reference(value: str) -> bool:
    """`${config.someKey}`: the cron comes from a variable of the formula instance."""
    return bool(_CONFIG_REFERENCE.match(value.strip()))


def _value(text: str, field: tuple[str, int, int, tuple[str, ...]]) -> int:
    name, low, high, names = field
    upper = text.upper()
    if upper in names:
        return names.index(upper) + low
    if not (text.isascii() and text.isdigit()) or len(text) > 4:
        raise CronError(f"the {name} field has '{text}', which is not a value")
    number = int(text)
    if not low <= number <= high:
        raise CronError(f"the {name} field has {number}, outside {low}-{high}")
    return number


def _expand(text: str, field: tuple[str, int, int, tuple[str, ...]]) -> set[int]:
    """The values a field stands for (`*`, `a`, `a-b`, `a/n`, `a-b/n`, `*/n`, lists)."""
    name, low, high, _ = field
    values: set[int] = set()
    for part in text.split(","):
        base, slash, step_text = part.partition("/")
        step = 1
        if slash:
            size = high - low + 1  # 0/60 minutes: the documents' "every hour" example
            if not (step_text.isascii() and step_text.isdigit()) or not 0 < int(step_text) <= size:
                raise CronError(f"the {name} field has an invalid increment '{step_text}'")
            step = int(step_text)
        if base == "*":
            start, end = low, high
        elif "-" in base:
            first, _, last = base.partition("-")
            start, end = _value(first, field), _value(last, field)
        else:
            start = _value(base, field)
            end = high if slash else start
        span = (end - start) % (high - low + 1)  # Quartz ranges may wrap (22-2 hours)
        for offset in range(0, span + 1, step):
            values.add(low + (start - low + offset) % (high - low + 1))
    return values


def _check_day(text: str, index: int) -> None:
    field = _FIELDS[index]
    if text == "?":
        return
    special = _DAY_OF_MONTH_SPECIAL if index == 3 else _DAY_OF_WEEK_SPECIAL
    if special.match(text.upper()):
        return
    _expand(text, field)


def parse(expression: str) -> tuple[set[int], set[int], set[int]]:
    """Check the expression; its seconds, minutes and hours. Raises CronError."""
    fields = expression.split()
    if len(fields) not in (6, 7):
        raise CronError(
            f"a Quartz cron has 6 or 7 fields (seconds first), this one has {len(fields)}"
        )
    seconds, minutes, hours = (_expand(fields[i], _FIELDS[i]) for i in range(3))
    day_of_month, day_of_week = fields[3], fields[5]
    if (day_of_month == "?") == (day_of_week == "?"):
        raise CronError("exactly one of day-of-month and day-of-week must be '?'")
    _check_day(day_of_month, 3)
    _check_day(day_of_week, 5)
    _expand(fields[4], _FIELDS[4])
    if len(fields) == 7:
        _expand(fields[6], _FIELDS[6])
    return seconds, minutes, hours


def shortest_interval(expression: str) -> int:
    """Seconds between the two closest firings of a day (across midnight included)."""
    seconds, minutes, hours = parse(expression)
    times = sorted(h * 3600 + m * 60 + s for h in hours for m in minutes for s in seconds)
    gaps = [b - a for a, b in itertools.pairwise(times)]
    gaps.append(times[0] + 86400 - times[-1])
    return min(gaps)


def check_schedule(expression: str) -> None:
    """Raise CronError unless the expression is valid and fires at most every 15 minutes."""
    if is_config_reference(expression):
        return
    if shortest_interval(expression) < MIN_INTERVAL_SECONDS:
        raise CronError("it fires more often than every 15 minutes (the platform's minimum)")
