"""The documented rules of a formula that can be checked before anything is sent.

From the platform documentation (docs/platform-api.md, section 2): trigger and step types,
variable types, unique step names and variable keys, ``onSuccess``/``onFailure`` naming steps
of the formula, references (``${config.x}``, ``${steps.x}``, and ``config.x`` / ``steps.x`` in
JavaScript) to declared variables and existing steps, and "the minimum scheduled frequency is 15
minutes" for Quartz cron expressions (``sec min hour day-of-month month day-of-week [year]``).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

TRIGGER_TYPES = ("event", "elementRequest", "scheduled", "manual")
STEP_TYPES = (
    "amqpRequest",
    "elementRequest",
    "elementRequestStream",
    "filter",
    "formula",
    "httpRequest",
    "loop",
    "notification",
    "request",
    "retryFormulaExecution",
    "script",
)
SCRIPT_STEP_TYPES = ("filter", "script", "notification")
BRANCHES = ("onSuccess", "onFailure")
"""The keys of a trigger or step that name the steps to run next."""
ELEMENT_INSTANCE = "elementInstance"
"""The type of a variable whose value is a connector instance id."""
VARIABLE_TYPES = ("value", ELEMENT_INSTANCE)
MIN_SCHEDULE_MINUTES = 15

_CONFIG_REF = re.compile(r"\$\{config\.([^}]+)\}")
_STEPS_REF = re.compile(r"\$\{steps\.([^.}\[\s]+)")
_JS_CONFIG = re.compile(r"(?<![\w.$])config(?:\.([A-Za-z_$][\w$]*)|\[\s*['\"]([^'\"]+)['\"]\s*\])")
_JS_STEPS = re.compile(r"(?<![\w.$])steps(?:\.([A-Za-z_$][\w$]*)|\[\s*['\"]([^'\"]+)['\"]\s*\])")


# -- cron ------------------------------------------------------------------------------------


def _expand(field: str, low: int, high: int) -> set[int] | None:
    """The values a cron field matches in [low, high]; None when it cannot be read.

    ``*``, ``?``, ``a``, ``a-b``, ``a/n``, ``a-b/n``, ``*/n`` and lists; a Quartz range may wrap
    (``50-5`` minutes, ``22-1`` hours)."""
    values: set[int] = set()
    size = high - low + 1
    for part in field.split(","):
        step = 1
        if "/" in part:
            part, _, step_text = part.partition("/")
            if not step_text.isdigit() or not 0 < int(step_text) <= size:
                return None
            step = int(step_text)
        if part in ("*", "?", ""):
            start, end = low, high
        elif "-" in part:
            a, _, b = part.partition("-")
            if not (a.isdigit() and b.isdigit()):
                return None
            start, end = int(a), int(b)
        elif part.isdigit():
            start = int(part)
            end = high if step > 1 or "/" in field else start
        else:
            return None
        if not (low <= start <= high and low <= end <= high):
            return None
        span = (end - start) % size
        values.update(low + (start - low + offset) % size for offset in range(0, span + 1, step))
    return values


def _clock(minute: int) -> str:
    return f"{minute // 60 % 24:02d}:{minute % 60:02d}"


def cron_problem(expression: str) -> str | None:
    """Why a scheduled trigger's cron is refused (None when it is fine or a variable).

    The gaps are those between real firings: within a day (across hour boundaries) and from
    the last firing of a day to the first of the next one (23:50 then 00:00 is 10 minutes),
    taken as possible whenever the schedule fires on more than one day, as the platform does.
    """
    text = expression.strip()
    if text.startswith("${"):
        return None  # the value of a variable: known only to each formula instance
    fields = text.split()
    if len(fields) not in (6, 7):
        return (
            f"cron {expression!r} must be a Quartz expression of 6 or 7 fields "
            "(seconds minutes hours day-of-month month day-of-week [year])"
        )
    seconds = _expand(fields[0], 0, 59)
    minutes = _expand(fields[1], 0, 59)
    hours = _expand(fields[2], 0, 23)
    if seconds is None or minutes is None or hours is None:
        return f"cron {expression!r} has a seconds, minutes or hours field that is not valid"
    if len(seconds) > 1:
        return (
            f"cron {expression!r} runs more than once a minute; the minimum scheduled "
            f"frequency is {MIN_SCHEDULE_MINUTES} minutes"
        )
    times = sorted(h * 60 + m for h in hours for m in minutes)
    pairs = [*itertools.pairwise(times), (times[-1], times[0] + 24 * 60)]  # next day's first
    first, second = min(pairs, key=lambda pair: pair[1] - pair[0])
    if second - first < MIN_SCHEDULE_MINUTES:
        return (
            f"cron {expression!r} runs every {second - first} minute(s) at times "
            f"({_clock(first)} then {_clock(second)}); the minimum scheduled frequency is "
            f"{MIN_SCHEDULE_MINUTES} minutes"
        )
    return None


# -- references ------------------------------------------------------------------------------


def _strings(value: Any, path: str) -> Iterator[tuple[str, str]]:
    """Every string inside ``value`` with its path (``.properties.body``, ``[0]``)."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, Mapping):
        for k, v in value.items():
            yield from _strings(v, f"{path}.{k}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _strings(v, f"{path}[{i}]")


def _declared(reference: str, keys: set[str]) -> bool:
    return any(
        reference == key
        or reference.startswith((f"{key}.", f"{key}["))
        or key.startswith(f"{reference}.")
        for key in keys
    )


def reference_problems(
    where: str, item: Mapping[str, Any], variables: set[str], steps: set[str], script: bool
) -> list[str]:
    """References in one trigger or step to undeclared variables or missing steps."""
    problems: list[str] = []
    for path, text in _strings(item.get("properties", {}), f"{where}.properties"):
        found_config = [m.group(1) for m in _CONFIG_REF.finditer(text)]
        found_steps = [m.group(1) for m in _STEPS_REF.finditer(text)]
        if script:
            found_config += [m.group(1) or m.group(2) for m in _JS_CONFIG.finditer(text)]
            found_steps += [m.group(1) or m.group(2) for m in _JS_STEPS.finditer(text)]
        for name in dict.fromkeys(found_config):
            if not _declared(name, variables):
                problems.append(
                    f"{path} refers to variable {name!r}, which the formula does not declare "
                    "in its configuration"
                )
        for name in dict.fromkeys(found_steps):
            if name not in steps:
                problems.append(
                    f"{path} refers to step {name!r}, which is not a step of this formula"
                )
    return problems


def _unique_and_typed(
    prop: str, items: list[Mapping[str, Any]], key: str, twice: str, types: tuple[str, ...]
) -> tuple[set[str], list[tuple[str, str]]]:
    """The distinct ``key`` values of the items, and the problems: a missing or repeated
    ``key`` (``twice`` says how it is repeated), a ``type`` not among ``types``."""
    seen: set[str] = set()
    problems: list[tuple[str, str]] = []
    for i, item in enumerate(items):
        value, kind = item.get(key), item.get("type")
        if not isinstance(value, str) or not value.strip():
            problems.append((prop, f"{prop}[{i}].{key} is required"))
        elif value in seen:
            problems.append((prop, f"{prop}[{i}].{key} {value!r} {twice}"))
        else:
            seen.add(value)
        if kind not in types:
            problems.append(
                (prop, f"{prop}[{i}].type must be one of {', '.join(types)}, got {kind!r}")
            )
    return seen, problems


def formula_problems(document: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Every rule a formula document breaks, as (property, message naming the place)."""
    problems: list[tuple[str, str]] = []
    variables: list[Mapping[str, Any]] = list(document.get("configuration") or [])
    triggers: list[Mapping[str, Any]] = list(document.get("triggers") or [])
    steps: list[Mapping[str, Any]] = list(document.get("steps") or [])

    keys, found = _unique_and_typed(
        "configuration", variables, "key", "is declared twice", VARIABLE_TYPES
    )
    problems += found
    names, found = _unique_and_typed("steps", steps, "name", "is used by two steps", STEP_TYPES)
    problems += found

    for prop, items in (("triggers", triggers), ("steps", steps)):
        for i, item in enumerate(items):
            for branch in BRANCHES:
                targets = item.get(branch) or []
                if not isinstance(targets, list):
                    problems.append((prop, f"{prop}[{i}].{branch} must be a list of step names"))
                    continue
                for target in targets:
                    if target not in names:
                        problems.append(
                            (
                                prop,
                                f"{prop}[{i}].{branch} names {target!r}, which is not a step of "
                                "this formula",
                            )
                        )
            script = prop == "steps" and item.get("type") in SCRIPT_STEP_TYPES
            for problem in reference_problems(f"{prop}[{i}]", item, keys, names, script):
                problems.append((prop, problem))

    for i, trigger in enumerate(triggers):
        kind = trigger.get("type")
        if kind not in TRIGGER_TYPES:
            problems.append(
                (
                    "triggers",
                    f"triggers[{i}].type must be one of {', '.join(TRIGGER_TYPES)}, got {kind!r}",
                )
            )
        elif kind == "scheduled":
            cron = (trigger.get("properties") or {}).get("cron")
            if not isinstance(cron, str):
                problems.append(("triggers", f"triggers[{i}].properties.cron is required"))
            elif (cron_issue := cron_problem(cron)) is not None:
                problems.append(("triggers", f"triggers[{i}].properties.{cron_issue}"))
    return problems


def called_formulas(steps: Iterable[Mapping[str, Any]]) -> list[tuple[Any, Any]]:
    """(step name, formula id) of each step that calls another formula by its id."""
    return [
        (step.get("name"), (step.get("properties") or {}).get("formulaId"))
        for step in steps
        if step.get("type") == "formula"
    ]
