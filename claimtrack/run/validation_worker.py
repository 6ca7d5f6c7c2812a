"""Great Expectations in a process of its own, ready by the time a night's tables are.

Importing GX takes 3-4 s of one core, about as long as a night of 1,000 articles takes to
extract and match. The flow starts this worker when it knows there is work (after discover):
the worker imports GX on the core that extract and match leave free, then validates the
night's tables with `pipeline.validate_stage`, exactly as the run's own process would.

A worker that fails to start or dies is not an error: the tables are then validated in the
run's process. An error raised by the validation itself is raised in the run, as if it had
happened there.

>>> from claimtrack.run.pipeline import new_run
>>> with validation_worker() as worker:                                      # doctest: +SKIP
...     report = worker.validate(new_run("data/raw", "data/curated"), tables)
"""
from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

from claimtrack.run.pipeline import validate_stage
from claimtrack.stages.validate import import_gx
from claimtrack.workers import worker_context

#: seconds a worker that has sent its report gets to end on its own (its finalizers run, then
#: multiprocessing ends it without a teardown) before it is killed
END_WAIT = 5.0


def gx_imported() -> bool:
    """Has this process imported GX already (an earlier run in it)? Then a worker would only cost."""
    return "great_expectations" in sys.modules


class ValidationWorker:
    """One worker process that imports GX at once and then validates one night's tables."""

    def __init__(self) -> None:
        context = worker_context()  # in a run: from the fork server (Prefect's threads run here)
        self._sent = False
        self._conn, child = context.Pipe()
        self._process = context.Process(target=_serve, args=(child,), name="claimtrack-validate", daemon=True)
        self._process.start()
        child.close()

    def validate(self, run, tables):
        """`pipeline.validate_stage(run, tables)`, in the worker (here if the worker is gone)."""
        try:
            self._sent = True
            self._conn.send((run, tables))
            ok, value = self._conn.recv()
        except (OSError, EOFError):  # the worker died (killed, out of memory): validate here
            return validate_stage(run, tables)
        finally:
            self.close()
        if not ok:
            raise value
        return value

    def close(self) -> None:
        """End the worker: once it has replied it ends by itself (one that does not within
        `END_WAIT` seconds is killed); one never asked to validate holds nothing and is killed."""
        self._conn.close()
        self._process.join(END_WAIT if self._sent else 0)
        if self._process.is_alive():
            self._process.kill()
            self._process.join()


@contextmanager
def validation_worker() -> Iterator[ValidationWorker]:
    worker = ValidationWorker()
    try:
        yield worker
    finally:
        worker.close()


def _serve(conn) -> None:
    """The worker: import GX, validate the one night it is sent, send back the report."""
    import_gx()
    try:
        run, tables = conn.recv()
    except EOFError:  # the run ended without validating (nothing new, or a failure)
        return
    try:
        reply = (True, validate_stage(run, tables))
    except Exception as exc:  # raised again in the run
        reply = (False, exc)
    conn.send(reply)
    conn.close()
