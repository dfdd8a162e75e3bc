"""What a killed `pulumi` left running is found by its session and ended (fleet/processes.py)."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time

from pulumi_openconnectors.fleet.processes import end_run, left_by

# A "pulumi" that starts a "plugin" (which leads a process group of its own, as the engine's
# plugins may) and waits; the plugin ignores SIGTERM, as a provider mid-create might not stop.
LEADER = """
import os, subprocess, sys, time
plugin = subprocess.Popen([sys.executable, "-c", sys.argv[1]], preexec_fn=os.setpgrp)
print(plugin.pid, flush=True)
time.sleep(60)
"""
PLUGIN = "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); time.sleep(60)"


def test_the_processes_a_killed_run_left_are_found_and_ended() -> None:
    leader = subprocess.Popen(
        [sys.executable, "-c", LEADER, PLUGIN],
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    assert leader.stdout is not None
    plugin = int(leader.stdout.readline())
    unrelated = subprocess.Popen(["sleep", "60"])
    try:
        assert left_by(leader.pid) == []  # the run is alive: nothing is left over
        os.kill(leader.pid, signal.SIGKILL)
        leader.wait(timeout=10)
        found = left_by(leader.pid)
        assert [p.pid for p in found] == [plugin]
        assert "python" in found[0].name
        started = time.monotonic()
        ended, alive = end_run(leader.pid, grace=0.5)
        assert [p.pid for p in ended] == [plugin] and alive == []
        assert time.monotonic() - started < 5
        assert left_by(leader.pid) == []
        assert unrelated.poll() is None
    finally:
        for pid in (plugin, unrelated.pid):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        unrelated.wait(timeout=10)
        leader.stdout.close()
