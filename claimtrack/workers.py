"""The one rule for starting worker processes (the extract pool, the validation worker, and
``claimtrack extract``'s pool can all ask it).

- ``fork`` when this process runs no other thread: the children share every module already
  imported, at no start-up cost (``claimtrack extract``).
- the ``forkserver`` otherwise (a run, where Prefect's threads run): forking a process with
  threads can copy a lock that some thread holds mid-use, and deadlock the child. The fork
  server is a clean process that imports :data:`PRELOAD` once and forks each worker from itself.
- ``spawn`` where neither exists.

Workers started by fork or the fork server end with ``os._exit`` after their finalizers ran
(multiprocessing's own bootstrap): no interpreter teardown, and no semaphore left behind.

>>> worker_context(threads=1).get_start_method() in ("fork", "spawn")
True
>>> worker_context(threads=3).get_start_method() in ("forkserver", "spawn")
True
"""
from __future__ import annotations

import multiprocessing
import threading
from multiprocessing.context import BaseContext

#: what the fork server imports once for all its workers: the extractors (0.3 s), which the
#: extract workers need; the validation worker imports Great Expectations itself
PRELOAD = ["claimtrack.stages.extract"]


def worker_context(threads: int | None = None) -> BaseContext:
    """The multiprocessing context for new workers of this process (see the module docstring).

    ``threads``: how many threads this process runs (default: counted now).
    """
    methods = multiprocessing.get_all_start_methods()
    threads = threading.active_count() if threads is None else threads
    if threads <= 1 and "fork" in methods:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(PRELOAD)
        return context
    return multiprocessing.get_context("spawn")

