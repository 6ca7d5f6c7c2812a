"""`claimtrack serve`'s runner: Prefect's ``Runner`` serving the nightly flow on its own thread,
stopped by SIGTERM (what systemd sends) or SIGINT within seconds, whatever the server's state.

``flow.serve`` runs the runner on the main thread and answers SIGTERM by pausing the
deployment's schedule through the API: with the server gone, that call retries for minutes.
Here the main thread only waits for a signal, asks the runner to stop, and gives it
`STOP_WITHIN` seconds; a second signal, or the deadline, ends the process at once.

>>> from prefect.schedules import Cron
>>> from claimtrack.run.flow import nightly
>>> Served(nightly, "claimtrack", [Cron("0 2 * * *")], {"raw_dir": "/srv/raw"}).until_signalled()  # doctest: +SKIP
0
"""
from __future__ import annotations

import asyncio
import logging
import os
import signal
import sys
import threading
from collections.abc import Callable

from prefect.runner import Runner

#: seconds a stop request (SIGTERM, SIGINT) gives the runner to pause the schedule and end;
#: after that (a Prefect server that no longer answers) the process ends anyway
STOP_WITHIN = 7.0


class Served:
    """A Prefect ``Runner`` serving ``flow`` on its own thread, stopped by SIGTERM or SIGINT;
    ``say`` prints a line for the user."""

    def __init__(self, flow, name: str, schedules: list, parameters: dict,
                 say: Callable[[str], None] = lambda line: print(line, file=sys.stderr, flush=True)) -> None:
        self.flow, self.name, self.schedules, self.parameters, self.say = flow, name, schedules, parameters, say
        self.error: str | None = None
        self.signalled = threading.Event()
        self._loop = None
        self._runner = None
        self._thread = threading.Thread(target=self._serve, name="claimtrack-serve", daemon=True)

    def _serve(self) -> None:
        async def main() -> None:
            self._loop = asyncio.get_running_loop()
            self._runner = Runner(name=self.name, pause_on_shutdown=True)
            await self._runner.aadd_flow(self.flow, name=self.name, schedules=self.schedules,
                                         parameters=self.parameters)
            if not self.signalled.is_set():
                await self._runner.start()

        try:
            asyncio.run(main())
        except Exception as exc:  # noqa: BLE001  (the main thread reports it in one line)
            if not self.signalled.is_set():
                self.error = f"the Prefect runner stopped: {type(exc).__name__}: {str(exc)[:200]}"

    def _on_signal(self, signum, frame) -> None:
        if self.signalled.is_set():  # a second signal: stop now
            _leave(self.say, f"claimtrack serve: {signal.Signals(signum).name} again, stopped")
        self.signalled.set()

    def until_signalled(self) -> int:
        """Serve until SIGTERM or SIGINT (0), or until the runner fails (1)."""
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, self._on_signal)
        self._thread.start()
        while self._thread.is_alive() and not self.signalled.wait(0.5):
            pass
        if not self.signalled.is_set():
            return 1 if self.error else 0
        self.say("claimtrack serve: stopping")
        loop, runner = self._loop, self._runner
        if loop is not None and runner is not None and runner.started:
            try:
                asyncio.run_coroutine_threadsafe(runner.astop(), loop)
            except RuntimeError:  # the loop has just ended
                pass
        self._thread.join(STOP_WITHIN)
        if self._thread.is_alive():
            _leave(self.say, f"claimtrack serve: stopped (the runner did not finish within {STOP_WITHIN:.0f} s: "
                   "is the Prefect server gone? Its schedule may still be active)")
        self.say("claimtrack serve: stopped")
        return 0


def _leave(say: Callable[[str], None], line: str) -> None:
    """End the process now with ``line`` as its last output (the runner's thread may be stuck
    in a call to a server that no longer answers; nothing of the run is lost: runs are committed
    atomically, and an interrupted one is recovered by the next)."""
    say(line)
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)
