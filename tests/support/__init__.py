"""Helpers shared by the test files: plain functions and constants, imported as ``support.x``.

Fixtures built on them live in the ``conftest.py`` files; test files never import each other.

>>> SAMPLE.name
'dw-2018-09-17-putin-erdogan-sochi.txt'
>>> (REPO / "pyproject.toml").is_file()
True
"""
from __future__ import annotations

import signal
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
# The one committed article; every other test text is written in the tests themselves.
SAMPLE = REPO / "data" / "raw" / "dw-2018-09-17-putin-erdogan-sochi.txt"


def default_signals() -> None:
    """For a child process (``preexec_fn``): SIGINT and SIGTERM back to their defaults. A test
    worker may ignore SIGINT (pytest-xdist's workers, or a test that installed a handler), and a
    child inherits an ignored signal, so Ctrl-C sent to a terminal program under test would be
    lost."""
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def press(child, key: str, timeout: float = 120) -> None:
    """Send one key to a terminal program (a pexpect child) once it is reading keys.

    ``click.getchar`` puts the terminal in raw mode, echo off, only while it reads; a key sent
    before that (the prompt is printed, the mode not yet switched: a busy machine) is echoed and
    waits for a line end that never comes. So wait for echo to go off, then send.
    """
    assert child.waitnoecho(timeout=timeout), f"the program never read a key (to send {key!r})"
    child.send(key)
