"""Child processes that end when the process that started them is killed.

A `claimtrack run` killed outright (a scheduler's timeout sending SIGKILL, the OOM killer) runs
no ``atexit`` hook, so the temporary Prefect server it started would live on, holding a port and
its database. Linux can signal a child when its parent dies (``prctl(PR_SET_PDEATHSIG)``), and
the request survives ``exec``: :func:`tethered` puts this module in front of a command; run as
``python -m claimtrack.run.tether PID COMMAND...`` it asks for SIGTERM on the death of PID, then
becomes COMMAND. Elsewhere (no ``prctl``) the command runs as it would have, untethered.

>>> tethered(["uvicorn", "app:make"])[-2:]
['uvicorn', 'app:make']
"""
from __future__ import annotations

import os
import signal
import sys
import threading

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def tethered(command: list[str]) -> list[str]:
    """``command`` prefixed so that it gets SIGTERM when this process dies.

    Only from the main thread: the kernel sends the signal when the *thread* that started the
    child ends, and a worker thread may end long before the process does.
    """
    if threading.current_thread() is not threading.main_thread():
        return list(command)
    return [sys.executable, "-m", __name__, str(os.getpid()), *command]


def _ask_for_sigterm_when_parent_dies() -> None:
    import ctypes  # here: only the tethered child needs it, not every command's start-up

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):  # not Linux: no such call
        pass


def main(argv: list[str]) -> None:
    parent, command = int(argv[1]), argv[2:]
    _ask_for_sigterm_when_parent_dies()
    if os.getppid() != parent:  # the parent died before the request took hold
        sys.exit(0)
    os.execvp(command[0], command)


if __name__ == "__main__":
    main(sys.argv)
