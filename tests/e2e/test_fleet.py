"""The fleet runner end to end: the real engine, state in the local S3 store, an emulator with
one organization per tenant. Bounded for `make test` (4 tenants x 2 instances); the 20-tenant
run is test_fleet_full.py (`make test-fleet`).

- sharded `up` (--shard 1/2 and 2/2, as two CI jobs) covers every stack exactly once;
- a second `up` changes nothing; an edited tenant file updates only that stack; destroy;
- a stack held by another run is reported "locked by another run", the others go on;
- a run interrupted (SIGINT to the runner, SIGKILL of one stack's `pulumi` in the middle of a
  create) is recovered by the next run: the killed run's leftover processes ended, stale lock,
  pending create, orphan; no duplicate, no pending operation left;
- Ctrl-C twice (no lock left, pending creates in the state) is recovered all the same;
- each tenant's organization holds its own instances only.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import requests

from pulumi_openconnectors.emulator import EmulatorServer
from pulumi_openconnectors.fleet.processes import left_by

from .fleet import PROJECT, FleetEnv, accounts, counts, instances_for
from .harness import end_session
from .s3 import S3Backend

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("fleet")]

TENANTS = 4
INSTANCES = 2


@pytest.fixture(scope="module")
def fleet_emulator() -> Iterator[EmulatorServer]:
    with EmulatorServer(port=0, accounts=accounts(TENANTS)) as server:
        yield server


@pytest.fixture
def make_fleet(
    tmp_path: Path, engine: Path, fleet_emulator: EmulatorServer, s3_backend: S3Backend
) -> Callable[..., FleetEnv]:
    fleet_emulator.admin.reset()

    def make(tenants: int = TENANTS, instances: int = INSTANCES) -> FleetEnv:
        return FleetEnv(tmp_path, engine, fleet_emulator, s3_backend, tenants, instances)

    return make


def assert_converged(env: FleetEnv) -> None:
    """Every organization holds exactly its declared instances, once each, all in state."""
    for name in env.names:
        held = env.org_instances(name)
        names = sorted(i.name for i in held)
        assert names == sorted(i["name"] for i in instances_for(name, env.instances)), (
            name,
            names,
        )
        assert all(f"oc-fleet:{PROJECT}/{name}" in (i.tags or []) for i in held)
        assert sorted(str(i.id) for i in held) == env.state_instance_ids(name), name


def assert_no_pending_operations(env: FleetEnv) -> None:
    for name in env.names:
        exported = json.loads(env.pulumi("stack", "export", "--stack", name).stdout)
        assert not exported["deployment"].get("pending_operations"), name


def assert_isolated(env: FleetEnv) -> None:
    """A tenant's credentials can neither see nor touch another tenant's instances."""
    for index, name in enumerate(env.names):
        other = env.names[(index + 1) % len(env.names)]
        theirs = env.org_instances(other)
        assert theirs
        mine = {i.id for i in env.org_instances(name)}
        assert mine and not mine & {i.id for i in theirs}
        base = env.emulator.base_url
        for instance in theirs:
            url = f"{base}/instances/{instance.id}"
            for method, body in (("GET", None), ("PATCH", {"name": "x"}), ("DELETE", None)):
                answer = requests.request(
                    method, url, json=body, headers=env.headers(name), timeout=10
                )
                assert answer.status_code == 404, (name, other, method, answer.text)
            hub = f"{base}/hubs/crm/contacts"
            token = instance.token_value()
            answer = requests.get(hub, headers=env.headers(name, token), timeout=10)
            assert answer.status_code == 401, (name, other, answer.text)
        assert sorted(i.id for i in env.org_instances(other)) == sorted(i.id for i in theirs)


def test_sharded_up_no_change_one_tenant_edited_destroy(
    make_fleet: Callable[..., FleetEnv],
) -> None:
    env = make_fleet()
    names = set(env.names)

    # Two CI jobs, one shard each, with nothing shared but the backend.
    first = env.run("up", "--shard", "1/2", "--parallel", "2", state_dir=env.root / "job1")
    second = env.run("up", "--shard", "2/2", "--parallel", "2", state_dir=env.root / "job2")
    assert first.returncode == 0, first.stdout + first.stderr
    assert second.returncode == 0, second.stdout + second.stderr
    one, two = counts(first.stdout), counts(second.stdout)
    assert set(one) | set(two) == names and not set(one) & set(two), (one, two)
    assert all(row == ("succeeded", INSTANCES, 0, 0, 0) for row in {**one, **two}.values())
    assert_converged(env)
    assert_isolated(env)

    # A third job state directory: nothing changes, every stack reports its instances unchanged.
    again = env.run("up", "--parallel", "4")
    assert again.returncode == 0, again.stdout + again.stderr
    assert counts(again.stdout) == {n: ("succeeded", 0, 0, 0, INSTANCES) for n in names}

    # Drift in one organization (an instance renamed out of band): refresh reports it there.
    drifted = env.names[1]
    victim = env.org_instances(drifted)[0]
    answer = requests.patch(
        f"{env.emulator.base_url}/instances/{victim.id}",
        json={"name": "renamed by hand"},
        headers=env.headers(drifted),
        timeout=10,
    )
    assert answer.status_code == 200, answer.text
    refreshed = env.run("refresh", "--parallel", "4")
    assert refreshed.returncode == 0, refreshed.stdout + refreshed.stderr
    expected = {n: ("succeeded", 0, 0, 0, INSTANCES) for n in names}
    expected[drifted] = ("succeeded", 0, 1, 0, INSTANCES - 1)
    assert counts(refreshed.stdout) == expected

    # One tenant's file edited: only its stack updates.
    edited = env.names[2]
    env.write_instances(edited, instances_for(edited, INSTANCES, tag="v2"))
    update = env.run("up", "--parallel", "4")
    assert update.returncode == 0, update.stdout + update.stderr
    expected = {n: ("succeeded", 0, 0, 0, INSTANCES) for n in names}
    expected[edited] = ("succeeded", 0, INSTANCES, 0, 0)
    expected[drifted] = ("succeeded", 0, 1, 0, INSTANCES - 1)  # the name put back
    assert counts(update.stdout) == expected
    assert all("v2" in (i.tags or []) for i in env.org_instances(edited))
    assert all("v1" in (i.tags or []) for i in env.org_instances(env.names[0]))

    # A tenant whose secret is missing fails, naming the field; the others go on.
    broken = env.names[3]
    secrets_file = env.root / "secrets" / f"{broken}.yaml"
    saved = secrets_file.read_text()
    secrets_file.write_text("\n".join(ln for ln in saved.splitlines() if "crm-password" not in ln))
    preview = env.run("preview", "--parallel", "4")
    assert preview.returncode == 1, preview.stdout + preview.stderr
    rows = counts(preview.stdout)
    assert rows[broken][0] == "failed"
    assert all(rows[n] == ("succeeded", 0, 0, 0, INSTANCES) for n in names - {broken}), rows
    assert (
        f"tenants[3] ('{broken}'): instances[0] ('crm-0').secrets.password: key "
        f"'crm-password' is missing from" in preview.stderr  # the table has its first 80 chars
    ), preview.stderr
    secrets_file.write_text(saved)

    destroyed = env.run("destroy", "--parallel", "4")
    assert destroyed.returncode == 0, destroyed.stdout + destroyed.stderr
    assert counts(destroyed.stdout) == {n: ("succeeded", 0, 0, INSTANCES, 0) for n in names}
    assert all(env.org_instances(n) == [] for n in names)


def _wait(predicate: Callable[[], object], what: str, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}")


def _post_instances(emulator: EmulatorServer) -> int:
    return int(emulator.admin.stats()["requests"].get("POST /instances", 0))


def test_stack_locked_by_another_run(make_fleet: Callable[..., FleetEnv]) -> None:
    env = make_fleet()
    held = env.names[0]
    # The other run's creates take 20 s each (the first two POSTs), so it holds its lock for
    # longer than the second run, on a loaded machine, needs to reach that stack.
    env.emulator.admin.set_faults(
        {
            "rules": [
                {
                    "method": "POST",
                    "path": "/instances",
                    "action": "delay",
                    "delayMs": 20000,
                    "count": INSTANCES,
                }
            ]
        }
    )
    other = env.popen("up", "--only", held, state_dir=env.root / "other-run")
    try:
        _wait(lambda: _post_instances(env.emulator) >= 1, "the other run's first create")
        result = env.run("up", "--parallel", "4")
    finally:
        out, err = other.communicate(timeout=300)
    assert other.returncode == 0, out + err
    assert result.returncode == 1, result.stdout + result.stderr
    rows = counts(result.stdout)
    assert rows[held][0] == "locked by another run", result.stdout
    row = next(ln for ln in result.stdout.splitlines() if ln.startswith(held))
    assert "locked by another run (" in row and " pid " in row, row
    assert all(rows[n] == ("succeeded", INSTANCES, 0, 0, 0) for n in env.names[1:]), rows
    assert "locked by another run" in result.stderr  # the live line of the stack said so too

    # The next run retries only the locked stack, which the other run has finished meanwhile.
    retry = env.run("up", "--parallel", "4")
    assert retry.returncode == 0, retry.stdout + retry.stderr
    assert "retrying 1 stack(s)" in retry.stderr
    assert counts(retry.stdout) == {held: ("succeeded", 0, 0, 0, INSTANCES)}
    assert_converged(env)
    env.emulator.admin.clear_faults()
    assert env.run("destroy", "--parallel", "4", "--all").returncode == 0


def test_interrupted_run_is_recovered(make_fleet: Callable[..., FleetEnv]) -> None:
    env = make_fleet()
    # Every create takes 8 s on the server, and is carried out even when the client is gone.
    env.emulator.admin.set_faults(
        {"rules": [{"method": "POST", "path": "/instances", "action": "delay", "delayMs": 8000}]}
    )
    run = env.popen("up", "--parallel", "2")
    killed: int | None = None
    try:
        # Two stacks running, all their creates in flight on the server (2 x INSTANCES POSTs
        # within 8 s): whichever is killed has creates that will land unrecorded.
        _wait(lambda: _post_instances(env.emulator) >= 2 * INSTANCES, "the creates in flight")
        in_flight_since = time.monotonic()
        running = {
            name: r["pid"]
            for name, r in env.state()["runs"]["up"]["stacks"].items()
            if r["status"] == "running" and r["pid"]
        }
        assert running, env.state()
        victim, killed = sorted(running.items())[0]
        os.kill(run.pid, signal.SIGINT)  # Ctrl-C: no new stack starts, running ones cancel
        time.sleep(0.3)
        os.kill(killed, signal.SIGKILL)  # and one stack's `pulumi` dies outright
        out, err = run.communicate(timeout=300)
    except BaseException:
        if run.poll() is None:
            end_session(run.pid)
            run.communicate()
        if killed is not None:
            end_session(killed)
        raise
    # The killed `pulumi`'s plugins (language host, program, provider host) are still running,
    # in its session: the next run must find and end them.
    assert killed is not None
    left = left_by(killed)
    assert left, "the killed run left no process: nothing to prove"
    with (env.root / "fleet-runs.log").open("a") as log:
        log.write(f"$ fleet up --parallel 2 (interrupted) -> {run.returncode}\n{out}\n{err}\n")
    assert run.returncode == 130, out + err
    assert "interrupted" in err
    rows = counts(out)
    assert rows[victim][0] == "interrupted", out
    assert not all(r[0] == "succeeded" for r in rows.values())

    # The killed stack's creates still complete on the server: orphans.
    time.sleep(max(0.0, in_flight_since + 8.5 - time.monotonic()))
    env.emulator.admin.clear_faults()
    try:
        second = env.run("up", "--parallel", "4")
    finally:
        end_session(killed)  # (a no-op when the run ended them)
    assert second.returncode == 0, second.stdout + second.stderr
    assert "retrying" in second.stderr
    assert "Recovered:" in second.stdout, second.stdout
    recovered = [ln for ln in second.stdout.splitlines() if ln.startswith(f"  {victim}: ")]
    said = "\n".join(recovered)
    assert f"ended {len(left)} process(es) the killed run (pid {killed}) left running" in said
    assert all(str(p) in said for p in left), (left, said)
    assert f"pid {killed}" in said and "its process is gone" in said and "pulumi cancel" in said
    assert "pending operation(s) of the interrupted run" in said, said
    assert "creating ConnectorInstance" in said and "deleted 2 orphan instance(s)" in said
    assert "cleared the 2 pending operation(s) from the state" in said, said
    assert_converged(env)
    assert_no_pending_operations(env)  # (a later run saying nothing: the Ctrl-C twice test)
    assert env.run("destroy", "--parallel", "4", "--all").returncode == 0
    assert all(env.org_instances(n) == [] for n in env.names)


def test_ctrl_c_twice_leaves_no_orphan_nor_duplicate(make_fleet: Callable[..., FleetEnv]) -> None:
    """Ctrl-C twice stops every `pulumi` at once: its lock is removed, but its creates in
    flight land unrecorded and the state keeps their pending operations. The next run must
    look for the orphans all the same (no lock left), and clear the pending operations."""
    env = make_fleet(tenants=2)
    delay = 4000
    env.emulator.admin.set_faults(
        {"rules": [{"method": "POST", "path": "/instances", "action": "delay", "delayMs": delay}]}
    )
    run = env.popen("up", "--parallel", "2")
    try:
        _wait(lambda: _post_instances(env.emulator) >= 2 * INSTANCES, "the creates in flight")
        in_flight_since = time.monotonic()
        os.kill(run.pid, signal.SIGINT)
        time.sleep(0.3)
        os.kill(run.pid, signal.SIGINT)
        out, err = run.communicate(timeout=300)
    except BaseException:
        if run.poll() is None:
            end_session(run.pid)
            run.communicate()
        raise
    assert run.returncode == 130, out + err
    assert "interrupted again" in err, err
    time.sleep(max(0.0, in_flight_since + delay / 1000 + 0.5 - time.monotonic()))
    env.emulator.admin.clear_faults()
    # What the interrupted run left: instances in the organizations that no state holds.
    orphaned = {
        name: {str(i.id) for i in env.org_instances(name)} - set(env.state_instance_ids(name))
        for name in env.names
    }
    assert any(orphaned.values()), orphaned

    second = env.run("up", "--parallel", "2")
    assert second.returncode == 0, second.stdout + second.stderr
    for name, ids in orphaned.items():
        said = "\n".join(ln for ln in second.stdout.splitlines() if ln.startswith(f"  {name}: "))
        if ids:
            assert f"deleted {len(ids)} orphan instance(s)" in said, second.stdout
            assert "cleared the" in said and "pending operation(s) from the state" in said
    assert_converged(env)
    assert_no_pending_operations(env)

    third = env.run("up", "--parallel", "2")
    assert third.returncode == 0, third.stdout + third.stderr
    assert "pending operation" not in third.stdout + third.stderr
    assert counts(third.stdout) == {n: ("succeeded", 0, 0, 0, INSTANCES) for n in env.names}
    assert env.run("destroy", "--parallel", "2", "--all").returncode == 0
    assert all(env.org_instances(n) == [] for n in env.names)


def test_a_stack_left_unreadable_in_a_file_backend_is_repaired(
    make_fleet: Callable[..., FleetEnv], tmp_path: Path
) -> None:
    """A killed `pulumi` can leave the metadata sidecar of a file backend's checkpoint empty;
    every later read of the stack then fails (`failed to load checkpoint: EOF`). The next run
    removes that stack's empty sidecars, says so, and runs the stack; an empty sidecar of another
    stack (whose run may be writing it at that moment) is left alone."""
    env = make_fleet(tenants=1, instances=1)
    (tenant,) = env.names
    backend = tmp_path / "file-backend"
    backend.mkdir()
    env.extra_env["PULUMI_BACKEND_URL"] = f"file://{backend}"
    first = env.run("up")
    assert first.returncode == 0, first.stdout + first.stderr

    stacks = backend / ".pulumi" / "stacks" / PROJECT
    torn, others = stacks / f"{tenant}.json.attrs", stacks / "another-stack.json.attrs"
    assert torn.stat().st_size > 0
    torn.write_text("")  # as a kill between the sidecar's truncation and its write leaves it
    others.write_text("")
    with pytest.raises(subprocess.CalledProcessError) as unreadable:
        env.pulumi("stack", "export", "--stack", tenant)
    assert "failed to load checkpoint: EOF" in unreadable.value.stderr

    again = env.run("up")
    assert again.returncode == 0, again.stdout + again.stderr
    assert counts(again.stdout) == {tenant: ("succeeded", 0, 0, 0, 1)}
    assert f"{tenant}: removed {torn}: the killed `pulumi` left" in again.stdout
    assert torn.stat().st_size > 0  # written afresh by the run
    assert others.exists() and others.stat().st_size == 0
    assert env.state_instance_ids(tenant) == [str(i.id) for i in env.org_instances(tenant)]
