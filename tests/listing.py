"""Read a platform list over raw HTTP, independently of the client: every page of it.

The platform answers a list that finds nothing with 404 and ``{"message": "No … found"}``
(issue #15): that is an empty list here too. Any other error is raised. Pages are followed
through the ``Elements-Next-Page-Token`` header (``nextPage=<token>``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

import requests

NOTHING_FOUND = re.compile(r"^No .+ found$")
NEXT_PAGE_HEADER = "Elements-Next-Page-Token"
MAX_PAGES = 100


def nothing_found(answer: requests.Response) -> bool:
    """A 404 whose error body says `No … found`: the list is empty."""
    if answer.status_code != 404:
        return False
    try:
        message = answer.json().get("message", "")
    except ValueError:
        return False
    return isinstance(message, str) and bool(NOTHING_FOUND.match(message.strip()))


def read_list(
    url: str,
    headers: Mapping[str, str],
    params: Sequence[tuple[str, str]] = (),
    timeout: float = 10,
) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    page_params = list(params)
    for _ in range(MAX_PAGES):
        answer = requests.get(url, params=page_params, headers=dict(headers), timeout=timeout)
        if nothing_found(answer):
            return items
        answer.raise_for_status()
        items.extend(answer.json())
        token = answer.headers.get(NEXT_PAGE_HEADER)
        if not token:
            return items
        page_params = [*params, ("nextPage", token)]
    raise AssertionError(f"{url}: more than {MAX_PAGES} pages")
