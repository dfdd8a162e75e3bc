"""Collection reads: a list over every page, and a map of name -> object. THE place that
reads the platform's "nothing found" (404 ``No instances found``) as empty."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..errors import NotFoundError
from .paths import Path
from .requestor import Requestor
from .responses import M, is_nothing_found
from .retry_loop import Params

NEXT_PAGE_HEADER = "Elements-Next-Page-Token"
MAX_PAGES = 1000


def every_page(
    api: Requestor,
    where: Path,
    *,
    params: Params | None = None,
    element_token: str | None = None,
) -> list[Any]:
    """A list GET, every page of it.

    The platform answers a list that finds nothing with 404 and a message like ``No
    instances found`` (and some lists with ``[]``): both are an empty list, while any other
    404 (an unknown route or parent object) stays an error. Pages are followed through the
    ``Elements-Next-Page-Token`` header (``nextPage=<token>``), at most ``MAX_PAGES``.
    """
    items: list[Any] = []
    page_params = list(params or [])
    for _ in range(MAX_PAGES):
        try:
            data, headers = api.exchange(
                "GET", where, params=page_params, element_token=element_token
            )
        except NotFoundError as exc:
            if is_nothing_found(exc):
                return items
            raise
        items.extend(api.as_list(data, "GET", where))
        token = headers.get(NEXT_PAGE_HEADER)
        if not token:
            return items
        page_params = [*(params or []), ("nextPage", token)]
    raise api.unexpected("GET", where, f"a list of at most {MAX_PAGES} pages")


def by_name(api: Requestor, where: Path) -> dict[str, dict[str, Any]]:
    """A GET answering a map of name -> object (object definitions, transformations).

    "Nothing found" (404 ``No … found``) is an empty map; entries whose value is not an
    object (the platform adds ``"level": "organization"`` next to the names) are skipped.
    """
    try:
        data = api.request("GET", where)
    except NotFoundError as exc:
        if is_nothing_found(exc):
            return {}
        raise
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise api.unexpected("GET", where, "a JSON object (name -> object)")
    return {str(k): v for k, v in data.items() if isinstance(v, dict)}


def every_item(
    api: Requestor,
    model: type[M],
    where: Path,
    *,
    params: Params | None = None,
    keep: Callable[[Any], bool] | None = None,
) -> list[M]:
    """The items of a list GET over every page (:func:`every_page`), those ``keep`` keeps
    (all without it), each validated as one ``model``."""
    return [
        api.parse(model, item, "GET", where)
        for item in every_page(api, where, params=params)
        if keep is None or keep(item)
    ]
