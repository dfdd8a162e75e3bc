"""List calls as the platform documents them (issue #15), against scripted answers: a list that
finds nothing is a 404 "No … found" (or []), pages follow Elements-Next-Page-Token, and a map of
definitions carries a non-object "level" key."""

from __future__ import annotations

from urllib.parse import unquote

import pytest

from pulumi_openconnectors.client import ClientSettings, OpenConnectorsClient
from pulumi_openconnectors.errors import NotFoundError

from .scripted_server import Answer, Seen, scripted_server


def _client(base_url: str) -> OpenConnectorsClient:
    return OpenConnectorsClient(
        ClientSettings(base_url=base_url, user_secret="u", organization_secret="o", max_retries=0)
    )


def _instance(ident: int, tag: str) -> dict[str, object]:
    return {"id": ident, "name": f"i{ident}", "token": f"t{ident}", "tags": [tag]}


def nothing(message: str) -> Answer:
    return Answer(404, {"requestId": "r1", "message": message})


@pytest.mark.parametrize("message", ["No instances found", "No element instances found"])
def test_a_404_no_instances_found_is_an_empty_list(message: str) -> None:
    with scripted_server(lambda _r: nothing(message)) as (url, seen):
        assert _client(url).list_instances(tags=["pulumi-openconnectors:x"]) == []
    assert seen[0].query == [("tags[]", "pulumi-openconnectors:x")]


def test_an_empty_array_is_an_empty_list_too() -> None:
    with scripted_server(lambda _r: Answer(200, [])) as (url, _seen):
        assert _client(url).list_instances() == []


@pytest.mark.parametrize(
    "message", ["No element with that key or id", "Not found", "No route found for GET /x", ""]
)
def test_any_other_404_stays_an_error(message: str) -> None:
    with (
        scripted_server(lambda _r: nothing(message)) as (url, _seen),
        pytest.raises(NotFoundError),
    ):
        _client(url).list_instances()


def test_pages_are_followed_through_the_next_page_token() -> None:
    pages = {
        None: Answer(200, [_instance(1, "a")], {"Elements-Next-Page-Token": "p2"}),
        "p2": Answer(200, [_instance(2, "a")], {"Elements-Next-Page-Token": "p3"}),
        "p3": Answer(200, [_instance(3, "a")]),
    }

    def script(request: Seen) -> Answer:
        return pages[dict(request.query).get("nextPage")]

    with scripted_server(script) as (url, seen):
        found = _client(url).list_instances(tags=["a"])
    assert [i.id for i in found] == [1, 2, 3]
    assert [dict(r.query).get("nextPage") for r in seen] == [None, "p2", "p3"]
    assert all(("tags[]", "a") in r.query for r in seen), "filters are kept on every page"


def test_a_last_page_that_finds_nothing_ends_the_list() -> None:
    def script(request: Seen) -> Answer:
        if dict(request.query).get("nextPage") is None:
            return Answer(200, [_instance(1, "a")], {"Elements-Next-Page-Token": "p2"})
        return nothing("No instances found")

    with scripted_server(script) as (url, _seen):
        assert [i.id for i in _client(url).list_instances()] == [1]


@pytest.mark.parametrize("name", [".", "..", "a/b", "a%b"])
def test_a_name_is_sent_as_one_path_segment_never_normalised(name: str) -> None:
    """`.` and `..` are quoted so that the HTTP library does not remove them from the path (the
    call would reach another route); requests may send them back unquoted, but in place."""
    with scripted_server(lambda _r: Answer(200, {"fields": []})) as (url, seen):
        _client(url).get_definition(name)
    parts = seen[0].path.split("/")
    assert parts[:3] == ["", "organizations", "objects"] and parts[4:] == ["definitions"]
    assert unquote(parts[3]) == name
