"""Pages of array lists, as churros shows them.

Query ``pageSize`` (default 200, at most 500) and ``nextPage`` (an opaque token taken from the
previous page's ``Elements-Next-Page-Token`` header). Every page answers
``Elements-Total-Count`` (items of the whole list) and ``Elements-Returned-Count`` (items of
this page); ``Elements-Next-Page-Token`` only when more pages remain. The token names the last
item returned (by id), so a page does not skip or repeat items when others are created or
deleted in between; any token of its documented form (16 hex digits) is accepted.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Query, Response

from .errors import ApiError
from .schemas import ErrorBody

DEFAULT_PAGE_SIZE = 200
MAX_PAGE_SIZE = 500
NEXT_PAGE_HEADER = "Elements-Next-Page-Token"
TOTAL_HEADER = "Elements-Total-Count"
RETURNED_HEADER = "Elements-Returned-Count"
TOKEN_PATTERN = "^[0-9a-f]{16}$"
_TOKEN = re.compile(TOKEN_PATTERN)
_TOKEN_MASK = 0x5DEECE66D2F0A3B1

T = TypeVar("T")


@dataclass(frozen=True)
class PageRequest:
    size: int
    after: int | None
    """The id of the last item of the previous page (None: the first page)."""


def encode_token(last_id: int) -> str:
    """16 hex digits that stand for the id of the last item returned (masked: opaque)."""
    return f"{(last_id ^ _TOKEN_MASK) & 0xFFFFFFFFFFFFFFFF:016x}"


def decode_token(token: str) -> int:
    """The id a token stands for. Every token of the documented form stands for some id, so
    every schema-valid token gets a page (maybe an empty one); other forms are 400."""
    if not _TOKEN.match(token):
        raise ApiError(400, "nextPage is not a page token of this list")
    return int(token, 16) ^ _TOKEN_MASK


async def _page_request(
    pageSize: Annotated[
        int,
        Query(ge=1, le=MAX_PAGE_SIZE, description="items per page (default 200, at most 500)"),
    ] = DEFAULT_PAGE_SIZE,
    nextPage: Annotated[
        str | None,
        Query(
            pattern=TOKEN_PATTERN,
            description="the Elements-Next-Page-Token header of the previous page",
        ),
    ] = None,
) -> PageRequest:
    return PageRequest(pageSize, None if nextPage is None else decode_token(nextPage))


PageDep = Annotated[PageRequest, Depends(_page_request)]


def paginate(
    items: Sequence[T],
    page: PageRequest,
    response: Response,
    ident: Callable[[T], int],
    nothing_found: str | None,
) -> list[T]:
    """This page of `items` (ordered by id), with the count and next-page headers set.

    An empty page is 404 with `nothing_found` as message (the platform's "No … found"), or an
    empty 200 when `nothing_found` is None.
    """
    start = 0
    if page.after is not None:
        start = next((i for i, item in enumerate(items) if ident(item) > page.after), len(items))
    chunk = list(items[start : start + page.size])
    if not chunk and nothing_found is not None:
        raise ApiError(404, nothing_found)
    response.headers[TOTAL_HEADER] = str(len(items))
    response.headers[RETURNED_HEADER] = str(len(chunk))
    if start + page.size < len(items):
        response.headers[NEXT_PAGE_HEADER] = encode_token(ident(chunk[-1]))
    return chunk


PAGE_HEADERS: dict[str, Any] = {
    TOTAL_HEADER: {"description": "items in the whole list", "schema": {"type": "string"}},
    RETURNED_HEADER: {"description": "items in this page", "schema": {"type": "string"}},
    NEXT_PAGE_HEADER: {
        "description": "token for `nextPage`; absent on the last page",
        "schema": {"type": "string"},
    },
}


def page_route(response_model: Any, nothing_found: bool) -> dict[str, Any]:
    """`response_model=` (a `list[...]`) and `responses=` of a paginated route: the headers of
    200 (and 404 when empty lists are)."""
    responses: dict[int | str, dict[str, Any]] = {200: {"headers": PAGE_HEADERS}}
    if nothing_found:
        responses[404] = {
            "description": "nothing found (`No … found`), or no such parent object",
            "model": ErrorBody,
        }
    return {"response_model": response_model, "responses": responses}
