"""The examples in the quote extractor's docstrings are tests too."""
from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["claimtrack.quotes", "claimtrack.quotes.attribute", "claimtrack.quotes.coref",
           "claimtrack.quotes.cues", "claimtrack.quotes.marks", "claimtrack.quotes.sentences",
           "claimtrack.quotes.speakers"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0 and result.failed == 0
