"""The suite-end check (tests/leaks.py): it finds what a session started and left running."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid

from tests.leaks import RUN_VARIABLE, carrying, collect


def test_a_process_left_behind_is_found_and_ended() -> None:
    run_id = uuid.uuid4().hex
    # (not as an xdist worker's child: the check runs in the controller, whose children with
    # PYTEST_XDIST_WORKER are its workers)
    env = {k: v for k, v in os.environ.items() if k != "PYTEST_XDIST_WORKER"}
    env[RUN_VARIABLE] = run_id
    sleeper = subprocess.Popen(
        [sys.executable, "-c", "import time; time.sleep(60)"], env=env, start_new_session=True
    )
    other = subprocess.Popen(["sleep", "60"], start_new_session=True)  # not of this run
    try:
        left = collect(run_id, grace=0.5)
        assert [leftover.pid for leftover in left] == [sleeper.pid]
        assert "time.sleep(60)" in str(left[0])
        assert sleeper.wait(timeout=10) != 0  # ended by the check
        assert carrying(run_id, exclude=set()) == []
        assert other.poll() is None
    finally:
        for process in (sleeper, other):
            process.kill()
            process.wait(timeout=10)


def test_a_process_that_ends_within_the_grace_is_not_reported() -> None:
    run_id = uuid.uuid4().hex
    env = {**os.environ, RUN_VARIABLE: run_id}
    quick = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(0.5)"], env=env)
    try:
        assert collect(run_id, grace=10) == []
    finally:
        quick.kill()
        quick.wait(timeout=10)
