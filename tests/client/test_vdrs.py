"""The /vdrs area against scripted answers, for the readings the documents leave open: a
`where` the platform ignores, 404 "No … found" or [] for none, an import answered with the
document or with anything else (then exported), and either spelling of the name and of the
transformations in a document."""

from __future__ import annotations

from typing import Any

import pytest

from pulumi_openconnectors.client import ClientSettings, OpenConnectorsClient
from pulumi_openconnectors.errors import NotFoundError

from .scripted_server import Answer, Seen, scripted_server

DOCUMENT: dict[str, Any] = {
    "vdrVersion": "v2",
    "vdrName": "myContact",
    "definition": {"fields": [{"path": "id", "type": "string"}]},
    "transformation": {"sfdc": {"vendorName": "Contact", "fields": []}},
}


def _client(base_url: str) -> OpenConnectorsClient:
    return OpenConnectorsClient(
        ClientSettings(base_url=base_url, user_secret="u", organization_secret="o", max_retries=0)
    )


def test_find_sends_the_doctors_where_and_filters_an_unfiltered_answer() -> None:
    listed = [{"id": 1, "objectName": "other"}, {"id": 2, "objectName": "it's"}]
    with scripted_server(lambda _r: Answer(200, listed)) as (url, seen):
        found = _client(url).vdrs.find("it's")
    assert found is not None and found.id == 2
    assert seen[0].path == "/vdrs"
    assert seen[0].query == [("where", "objectName in ('it''s')")]


@pytest.mark.parametrize(
    "answer", [Answer(200, []), Answer(404, {"requestId": "r", "message": "No VDRs found"})]
)
def test_none_found_is_none(answer: Answer) -> None:
    with scripted_server(lambda _r: answer) as (url, _seen):
        assert _client(url).vdrs.find("x") is None


@pytest.mark.parametrize("answered", [None, {"id": 5, "objectName": "myContact"}, {}])
def test_an_import_not_answered_with_the_document_is_read_by_an_export(answered: Any) -> None:
    def script(request: Seen) -> Answer:
        return Answer(200, answered) if request.method == "PUT" else Answer(200, DOCUMENT)

    with scripted_server(script) as (url, seen):
        found = _client(url).vdrs.import_(DOCUMENT)
    assert found.vdr_name == "myContact" and found.field_paths == ["id"]
    assert [(r.method, r.path) for r in seen] == [
        ("PUT", "/vdrs/import"),
        ("GET", "/vdrs/myContact/export"),
    ]
    assert seen[0].body == DOCUMENT


def test_an_import_answered_with_the_document_is_one_call() -> None:
    with scripted_server(lambda _r: Answer(200, DOCUMENT)) as (url, seen):
        found = _client(url).vdrs.import_(DOCUMENT)
    assert len(seen) == 1 and set(found.transformation) == {"sfdc"}


def test_either_spelling_of_name_and_transformations_is_read() -> None:
    other = {
        "objectName": "myContact",
        "definition": DOCUMENT["definition"],
        "transformations": DOCUMENT["transformation"],
    }
    with scripted_server(lambda _r: Answer(200, other)) as (url, _seen):
        found = _client(url).vdrs.export("myContact")
    assert found.vdr_name == "myContact" and set(found.transformation) == {"sfdc"}
    assert found.document()["transformation"] == DOCUMENT["transformation"]


def test_create_posts_the_definition_with_the_name() -> None:
    with scripted_server(lambda _r: Answer(200, {"id": 3, "objectName": "myContact"})) as (
        url,
        seen,
    ):
        created = _client(url).vdrs.create(DOCUMENT)
    assert created.id == 3
    assert seen[0].body == {"fields": DOCUMENT["definition"]["fields"], "objectName": "myContact"}


def test_delete_goes_by_the_listed_id_and_a_missing_name_is_404() -> None:
    def script(request: Seen) -> Answer:
        if request.method == "GET":
            return Answer(200, [{"id": 9, "objectName": "myContact"}])
        return Answer(200, {})

    with scripted_server(script) as (url, seen):
        _client(url).vdrs.delete("myContact")
        with pytest.raises(NotFoundError):
            _client(url).vdrs.delete("nothing")
    assert ("DELETE", "/vdrs/9") in [(r.method, r.path) for r in seen]


def test_delete_id_is_one_call_and_get_reads_the_summary() -> None:
    def script(request: Seen) -> Answer:
        if request.method == "GET":
            return Answer(200, {"id": 9, "objectName": "myContact"})
        return Answer(200, {})

    with scripted_server(script) as (url, seen):
        _client(url).vdrs.delete_id(9)
        assert _client(url).vdrs.get(9).object_name == "myContact"
    assert [(r.method, r.path) for r in seen] == [("DELETE", "/vdrs/9"), ("GET", "/vdrs/9")]


def test_the_id_an_import_or_export_answers_is_read() -> None:
    with scripted_server(lambda _r: Answer(200, {**DOCUMENT, "id": 12})) as (url, _seen):
        assert _client(url).vdrs.import_(DOCUMENT).id == 12
        assert _client(url).vdrs.export("myContact").id == 12
    with scripted_server(lambda _r: Answer(200, DOCUMENT)) as (url, _seen):
        assert _client(url).vdrs.export("myContact").id is None  # not every answer has it


def test_list_follows_the_pages_and_none_found_is_empty() -> None:
    pages = {
        None: Answer(200, [{"id": 1, "objectName": "a"}], {"Elements-Next-Page-Token": "p2"}),
        "p2": Answer(200, [{"id": 2, "objectName": "b"}]),
    }

    def script(request: Seen) -> Answer:
        return pages[dict(request.query).get("nextPage")]

    with scripted_server(script) as (url, seen):
        listed = _client(url).list_vdrs()
    assert [(v.id, v.object_name) for v in listed] == [(1, "a"), (2, "b")]
    assert [r.path for r in seen] == ["/vdrs", "/vdrs"]
    nothing = Answer(404, {"requestId": "r", "message": "No VDRs found"})
    with scripted_server(lambda _r: nothing) as (url, _seen):
        assert _client(url).list_vdrs() == []
