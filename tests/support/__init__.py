"""Helpers shared by the test files: plain functions and constants, imported as ``support.x``.

Fixtures built on them live in the ``conftest.py`` files; test files never import each other.

>>> SAMPLE.name
'dw-2018-09-17-putin-erdogan-sochi.txt'
>>> (REPO / "pyproject.toml").is_file()
True
"""
from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
# The one committed article; every other test text is written in the tests themselves.
SAMPLE = REPO / "data" / "raw" / "dw-2018-09-17-putin-erdogan-sochi.txt"
