"""The summary table, the exit code, results and the state file's retry rule, event counts."""

from __future__ import annotations

from pathlib import Path

from pulumi.automation import EngineEvent

from pulumi_openconnectors.fleet.events import EventWatcher, first_error_line
from pulumi_openconnectors.fleet.progress import Progress
from pulumi_openconnectors.fleet.recovery import dropped_note, lock_holder, pending_operations
from pulumi_openconnectors.fleet.results import StackResult, StateFile
from pulumi_openconnectors.fleet.summary import exit_code, render_recoveries, render_table


def test_table() -> None:
    results = [
        StackResult(stack="acme", status="succeeded", created=2, unchanged=3, seconds=12.34),
        StackResult(
            stack="beta-long-name",
            status="locked",
            seconds=0.5,
            error="locked by another run (ci@runner-7 pid 42 since 2026-01-01T00:00:00Z)",
        ),
        StackResult(stack="c", status="failed", error="x" * 200),
    ]
    assert render_table(results).splitlines() == [
        "stack           result                 created  updated  deleted  unchanged  seconds"
        "  error",
        "--------------  ---------------------  -------  -------  -------  ---------  -------"
        "  " + "-" * 80,
        "acme            succeeded                    2        0        0          3     12.3",
        "beta-long-name  locked by another run        0        0        0          0      0.5"
        "  locked by another run (ci@runner-7 pid 42 since 2026-01-01T00:00:00Z)",
        "c               failed                       0        0        0          0      0.0"
        "  " + "x" * 79 + "…",
        "3 stack(s): 1 failed, 1 locked by another run, 1 succeeded",
    ]


def test_exit_code_and_recoveries() -> None:
    ok = StackResult(stack="a", status="succeeded")
    bad = StackResult(stack="b", status="locked", recovered=["removed the lock"])
    assert exit_code([ok], interrupted=False) == 0
    assert exit_code([ok, bad], interrupted=False) == 1
    assert exit_code([ok], interrupted=True) == 130
    assert exit_code([], interrupted=False) == 0
    assert render_recoveries([ok]) == ""
    assert render_recoveries([ok, bad]) == "Recovered:\n  b: removed the lock"


def test_state_file_retries_only_what_did_not_succeed(tmp_path: Path) -> None:
    state = StateFile(tmp_path)
    state.begin("up", ["a", "b", "c"], retry=False)
    state.put("up", StackResult(stack="a", status="succeeded", fingerprint="1"))
    state.put("up", StackResult(stack="b", status="failed", fingerprint="1"))
    state.put("up", StackResult(stack="c", status="running", fingerprint="1"))  # killed
    again = StateFile(tmp_path).previous("up")
    assert again is not None and not again.complete
    assert again.to_retry({"a": "1", "b": "1", "c": "1"}) == ["b", "c"]
    assert again.to_retry({"a": "2", "b": "1", "c": "1"}) == ["a", "b", "c"]  # a changed
    # The retry keeps the first run's selection and results.
    state.begin("up", ["b", "c"], retry=True)
    state.put("up", StackResult(stack="b", status="succeeded", fingerprint="1"))
    state.put("up", StackResult(stack="c", status="succeeded", fingerprint="1"))
    state.finish("up")
    record = StateFile(tmp_path).previous("up")
    assert record is not None and record.complete and record.selection == ["a", "b", "c"]
    assert StateFile(tmp_path).is_latest("up")
    state.begin("destroy", ["a"], retry=False)
    assert not StateFile(tmp_path).is_latest("up") and StateFile(tmp_path).is_latest("destroy")


def test_unreadable_state_file_is_set_aside(tmp_path: Path) -> None:
    (tmp_path / "fleet-state.json").write_text("{not json")
    assert StateFile(tmp_path).state.runs == {}
    assert list(tmp_path.glob("fleet-state.unreadable-*"))


def _event(kind: str, op: str, type_: str, name: str) -> EngineEvent:
    metadata = {"op": op, "urn": f"urn:pulumi:s::p::{type_}::{name}", "type": type_}
    return EngineEvent.from_json({"sequence": 1, "timestamp": 1, kind: {"metadata": metadata}})


def test_event_counts_leave_out_the_stack_and_providers(tmp_path: Path) -> None:
    progress = Progress(stream=open(tmp_path / "p", "w"), operation="up", total=1)  # noqa: SIM115
    watcher = EventWatcher("s", progress)
    instance = "pulumi-python:dynamic/openconnectors:ConnectorInstance"
    for op, type_ in [
        ("create", "pulumi:pulumi:Stack"),
        ("update", "pulumi:providers:pulumi-python"),
        ("create", instance),
        ("same", instance),
        ("replace", instance),
        ("create-replacement", instance),
        ("delete-replaced", instance),
        ("delete", instance),
    ]:
        watcher(_event("resOutputsEvent", op, type_, "x"))
    assert watcher.totals() == {"created": 1, "updated": 1, "deleted": 1, "unchanged": 1}
    watcher(
        EngineEvent.from_json(
            {
                "sequence": 2,
                "timestamp": 1,
                "diagnosticEvent": {
                    "message": "\nerror: Open Connectors rejected the credentials (401)\nmore",
                    "color": "never",
                    "severity": "error",
                },
            }
        )
    )
    assert watcher.error == "Open Connectors rejected the credentials (401)"


def test_first_error_line() -> None:
    assert first_error_line("x\nerror: boom\nerror: update failed") == "boom"
    assert first_error_line("\n code: -9\n stdout: \n") == "`pulumi` ended by SIGKILL"


def test_lock_and_pending_parsing() -> None:
    text = (
        "error: the stack is currently locked by 1 lock(s). Either wait for the other "
        "process(es) to end or delete the lock file with `pulumi cancel`.\n"
        "  s3://b/p/.pulumi/locks/organization/proj/acme/x.json?endpoint=e: created by "
        "ci@runner-7 (pid 4242) at 2026-01-01T00:00:00Z"
    )
    holder = lock_holder(text)
    assert holder is not None and (holder.user, holder.host, holder.pid) == ("ci", "runner-7", 4242)
    assert str(holder) == "ci@runner-7 pid 4242 since 2026-01-01T00:00:00Z"
    ops = pending_operations(
        {
            "pending_operations": [
                {
                    "type": "creating",
                    "resource": {
                        "urn": "urn:pulumi:acme::proj::pulumi-python:dynamic/openconnectors:"
                        "ConnectorInstance::crm",
                        "type": "pulumi-python:dynamic/openconnectors:ConnectorInstance",
                    },
                }
            ]
        }
    )
    assert [str(op) for op in ops] == ["creating ConnectorInstance 'crm'"]


def test_pulumi_dropping_pending_operations_is_noted(tmp_path: Path) -> None:
    progress = Progress(stream=open(tmp_path / "p", "w"), operation="up", total=1)  # noqa: SIM115
    watcher = EventWatcher("s", progress)
    watcher.output(
        "warning: removing pending operation 'creating' on 'urn:pulumi:acme::proj::"
        "pulumi-python:dynamic/openconnectors:ConnectorInstance::crm' from snapshot"
    )
    watcher.output("Updating (acme):")
    watcher.output(
        "      * urn:pulumi:acme::proj::pulumi-python:dynamic/openconnectors:ConnectorInstance"
        "::crm, interrupted while creating"
    )
    watcher.output(
        "      * urn:pulumi:acme::proj::pulumi-python:dynamic/openconnectors:ConnectorInstance"
        "::web, interrupted while updating"
    )
    assert watcher.dropped == ["creating 'crm'", "updating 'web'"]
    watcher.dropped = ["creating 'crm'"]
    # Said truthfully: `pulumi up`/`preview` only warn, the operations stay in the state.
    note = dropped_note(watcher.dropped)
    assert note.startswith("the state still holds 1 pending operation(s) of an interrupted run")
    assert "removed" not in note
