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
