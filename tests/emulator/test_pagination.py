"""Pagination of array lists (as churros shows it) and the 404 "No … found" of empty lists."""

from __future__ import annotations

from typing import Any

import pytest
import requests

from pulumi_openconnectors.emulator import EmulatorServer

from .helpers import TIMEOUT, assert_error, auth, closeio_body, create

NEXT = "Elements-Next-Page-Token"


def get(emu: EmulatorServer, path: str, **params: Any) -> requests.Response:
    return requests.get(emu.base_url + path, params=params, headers=auth(emu), timeout=TIMEOUT)


def ids(answer: requests.Response) -> list[int]:
    assert answer.status_code == 200, answer.text
    return [item["id"] for item in answer.json()]


def test_one_page_by_default_with_counts_and_no_token(emulator: EmulatorServer) -> None:
    made = [create(emulator, closeio_body(f"i{n}"))["id"] for n in range(3)]
    answer = get(emulator, "/instances")
    assert ids(answer) == made
    assert answer.headers["Elements-Total-Count"] == "3"
    assert answer.headers["Elements-Returned-Count"] == "3"
    assert NEXT not in answer.headers


def test_pages_follow_the_token_until_it_is_absent(emulator: EmulatorServer) -> None:
    made = [create(emulator, closeio_body(f"i{n}"))["id"] for n in range(5)]
    seen: list[int] = []
    tokens = []
    answer = get(emulator, "/instances", pageSize=2)
    while True:
        seen += ids(answer)
        assert answer.headers["Elements-Total-Count"] == "5"
        assert answer.headers["Elements-Returned-Count"] == str(len(answer.json()))
        token = answer.headers.get(NEXT)
        if token is None:
            break
        tokens.append(token)
        answer = get(emulator, "/instances", pageSize=2, nextPage=token)
    assert seen == made
    assert len(tokens) == 2  # pages of 2, 2, 1
    assert all(str(i) not in t for t in tokens for i in made), "the token is opaque"


def test_no_token_on_a_last_page_that_is_full(emulator: EmulatorServer) -> None:
    for n in range(4):
        create(emulator, closeio_body(f"i{n}"))
    first = get(emulator, "/instances", pageSize=2)
    second = get(emulator, "/instances", pageSize=2, nextPage=first.headers[NEXT])
    assert len(second.json()) == 2
    assert NEXT not in second.headers


def test_items_deleted_or_created_between_pages_are_neither_skipped_nor_repeated(
    emulator: EmulatorServer,
) -> None:
    made = [create(emulator, closeio_body(f"i{n}"))["id"] for n in range(4)]
    first = get(emulator, "/instances", pageSize=2)
    assert ids(first) == made[:2]
    requests.delete(f"{emulator.base_url}/instances/{made[1]}", headers=auth(emulator))
    later = create(emulator, closeio_body("later"))["id"]
    rest = get(emulator, "/instances", pageSize=2, nextPage=first.headers[NEXT])
    assert ids(rest) == made[2:]
    last = get(emulator, "/instances", pageSize=2, nextPage=rest.headers[NEXT])
    assert ids(last) == [later]


def test_a_page_that_finds_nothing_is_404(emulator: EmulatorServer) -> None:
    made = [create(emulator, closeio_body(f"i{n}"))["id"] for n in range(2)]
    first = get(emulator, "/instances", pageSize=1)
    for iid in made:
        requests.delete(f"{emulator.base_url}/instances/{iid}", headers=auth(emulator))
    answer = get(emulator, "/instances", pageSize=1, nextPage=first.headers[NEXT])
    body = assert_error(answer, 404)
    assert body["message"] == "No instances found"
    assert "Elements-Total-Count" not in answer.headers


def test_tags_filter_before_paging(emulator: EmulatorServer) -> None:
    red = [create(emulator, closeio_body(f"r{n}", tags=["red"]))["id"] for n in range(3)]
    create(emulator, closeio_body("blue", tags=["blue"]))
    answer = get(emulator, "/instances", **{"tags[]": "red", "pageSize": 2})
    assert ids(answer) == red[:2]
    assert answer.headers["Elements-Total-Count"] == "3"
    rest = requests.get(
        emulator.base_url + "/instances",
        params=[("tags[]", "red"), ("pageSize", "2"), ("nextPage", answer.headers[NEXT])],
        headers=auth(emulator),
        timeout=TIMEOUT,
    )
    assert ids(rest) == red[2:]


@pytest.mark.parametrize("tags", [[], ["nothing-carries-this"]])
def test_an_empty_instance_list_is_404_no_instances_found(
    emulator: EmulatorServer, tags: list[str]
) -> None:
    answer = requests.get(
        emulator.base_url + "/instances",
        params=[("tags[]", t) for t in tags],
        headers=auth(emulator),
        timeout=TIMEOUT,
    )
    body = assert_error(answer, 404)
    assert body["message"] == "No instances found"


def test_the_catalog_is_paginated_by_id(emulator: EmulatorServer) -> None:
    first = get(emulator, "/elements", pageSize=3)
    assert ids(first) == [1, 50, 4032]
    assert first.headers["Elements-Total-Count"] == "4"
    second = get(emulator, "/elements", pageSize=3, nextPage=first.headers[NEXT])
    assert ids(second) == [6791]
    assert NEXT not in second.headers


@pytest.mark.parametrize("size", ["0", "-1", "501", "abc", "1.5", str(10**30)])
def test_a_bad_page_size_is_400(emulator: EmulatorServer, size: str) -> None:
    assert_error(get(emulator, "/elements", pageSize=size), 400, "pageSize")


@pytest.mark.parametrize("token", ["x", "YWZ0ZXI6", "YWZ0ZXI6LTE", "bm9wZQ", "%%%", "é"])
def test_a_bad_token_is_400(emulator: EmulatorServer, token: str) -> None:
    create(emulator, closeio_body())
    assert_error(get(emulator, "/instances", nextPage=token), 400, "nextPage")
