"""Progress of a run: a live bar per long stage on a terminal, plain log lines otherwise.

Nightly runs write to a log file, where a bar would be noise: there each stage logs a line when
it starts, at most every ``every`` seconds while it works (how far, items per second), and when
it ends. Every stage's seconds are kept in ``stage_seconds`` for the run summary.

    >>> p = Progress(tty=False, log=lambda line: None)
    >>> with p.stage("extract", total=3, unit="articles") as advance:
    ...     advance(3)
    >>> list(p.stage_seconds)
    ['extract']
"""
from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager


def _default_log(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


class Progress:
    def __init__(self, tty: bool | None = None, log: Callable[[str], None] | None = None,
                 every: float = 10.0):
        self.tty = sys.stderr.isatty() if tty is None else tty
        self.log = log or _default_log
        self.every = every
        self.stage_seconds: dict[str, float] = {}

    @contextmanager
    def stage(self, name: str, total: int | None = None, unit: str = "items") -> Iterator[Callable[[int], None]]:
        """Time one stage; yields ``advance(n)`` to report ``n`` more items done."""
        start = time.perf_counter()
        done = 0
        if self.tty and not total:
            from rich.console import Console

            # a stage without a count (discover, validate, publish): a spinner with its name
            with Console(stderr=True).status(f"{name} ..."):
                yield lambda n=1: None
        elif self.tty:
            from rich.console import Console
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress as Bar, TextColumn,
                                       TimeElapsedColumn, TimeRemainingColumn)

            columns = [TextColumn(f"{name:<9}"), BarColumn(), MofNCompleteColumn(),
                       TextColumn(unit + "  {task.fields[rate]}/s"), TimeElapsedColumn(), TimeRemainingColumn()]
            # on stderr, like the log lines: stdout keeps only the summary
            with Bar(*columns, transient=True, console=Console(stderr=True)) as bar:
                task = bar.add_task(name, total=total, rate="-")

                def advance(n: int = 1) -> None:
                    nonlocal done
                    done += n
                    elapsed = time.perf_counter() - start
                    bar.update(task, advance=n, rate=f"{done / elapsed:,.0f}" if elapsed > 0 else "-")

                yield advance
        else:
            last = start
            if total:
                self.log(f"{name}: {total:,} {unit}")

            def advance(n: int = 1) -> None:
                nonlocal done, last
                done += n
                now = time.perf_counter()
                if total and now - last >= self.every and done < total:
                    last = now
                    self.log(f"{name}: {done:,}/{total:,} {unit} ({done / (now - start):,.0f}/s)")

                # a stage without a total only reports its end
            yield advance
        seconds = time.perf_counter() - start
        self.stage_seconds[name] = self.stage_seconds.get(name, 0.0) + seconds
        if not self.tty:
            rate = f", {done / seconds:,.0f} {unit}/s" if done and seconds > 0 else ""
            self.log(f"{name}: done in {seconds:.1f} s{rate}")


def stage_line(stage_seconds: dict[str, float]) -> str:
    """One line for the summary: where the time went.

    >>> stage_line({"parse": 1.25, "extract": 10.0})
    'stages: parse 1.2 s, extract 10.0 s'
    """
    return "stages: " + ", ".join(f"{name} {s:.1f} s" for name, s in stage_seconds.items())
