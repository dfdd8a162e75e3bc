"""child_signals: an inherited "ignore SIGINT" is not handed on to the processes started after
let_children_be_interrupted (the `pulumi` commands of tests, benchmarks and fleets)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

# A process started with SIGINT ignored (as a background job of a non-interactive shell is)
# starts a Python child, which prints whether Python installed its SIGINT handler: it does so
# only when SIGINT was at its default when it started.
_PARENT = textwrap.dedent(
    """
    import signal, subprocess, sys
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.argv[1] == "fix":
        from pulumi_openconnectors.child_signals import let_children_be_interrupted
        print(let_children_be_interrupted(), let_children_be_interrupted())
    child = "import signal; print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)"
    print(subprocess.run([sys.executable, "-c", child], capture_output=True, text=True).stdout)
    """
)


def _parent(mode: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", _PARENT, mode], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_an_ignored_sigint_is_inherited_without_it() -> None:
    # The defect itself: the child would ignore the engine's SIGINT.
    assert _parent("as-is") == ["False"]


def test_children_get_sigint_at_its_default_after_it() -> None:
    # It changes the handler once (True), then has nothing left to do (False).
    assert _parent("fix") == ["True", "False", "True"]


def test_outside_the_main_thread_it_changes_nothing() -> None:
    import signal
    import threading

    from pulumi_openconnectors.child_signals import let_children_be_interrupted

    before = signal.getsignal(signal.SIGINT)
    results: list[bool] = []
    thread = threading.Thread(target=lambda: results.append(let_children_be_interrupted()))
    thread.start()
    thread.join()
    assert results == [False]
    assert signal.getsignal(signal.SIGINT) is before
