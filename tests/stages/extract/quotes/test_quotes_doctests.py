"""The examples in the quote extractor's docstrings are tests too."""
from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["claimtrack.stages.extract.quotes", "claimtrack.stages.extract.quotes.attribute", "claimtrack.stages.extract.quotes.coref",
           "claimtrack.stages.extract.quotes.cues", "claimtrack.stages.extract.quotes.marks", "claimtrack.stages.extract.quotes.sentences",
           "claimtrack.stages.extract.quotes.speakers"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0 and result.failed == 0
