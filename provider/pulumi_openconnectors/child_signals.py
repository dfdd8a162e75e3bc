"""Start `pulumi` with SIGINT at its default, even from a process that ignores it.

The Pulumi engine ends each plugin it started (the language host with the program, the
dynamic-provider host) with SIGINT and waits up to 5 seconds before it sends SIGKILL. A signal
that is *ignored* stays ignored across fork and exec: a process started with SIGINT ignored (a
background job of a non-interactive shell, ``nohup``-like CI runners) hands that on to
`pulumi` and so to the plugins' Python processes, where Python then never installs its
KeyboardInterrupt handler. The dynamic-provider host ignores the engine's SIGINT, and every
`pulumi up`, `preview`, `refresh` or `destroy` of a Python program waits out the 5 seconds
(measured here: about 7 s instead of 2 s a command).

:func:`let_children_be_interrupted` undoes the inherited "ignore": it gives this process
Python's own SIGINT handler, which every process it starts gets back as the default.
"""

from __future__ import annotations

import signal
import threading


def let_children_be_interrupted() -> bool:
    """If SIGINT is ignored here, handle it the way Python does by default (KeyboardInterrupt)
    so that the processes started from now on have SIGINT at its default. Only the main thread
    can change a signal's handler: elsewhere nothing changes. True when it changed it."""
    if threading.current_thread() is not threading.main_thread():
        return False
    if signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:
        return False
    signal.signal(signal.SIGINT, signal.default_int_handler)
    return True
