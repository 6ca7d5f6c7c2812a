"""The examples in the matcher's docstrings are tests too."""
from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["settings", "units", "nouns", "relate", "blocking", "detail", "claim_context", "claim_entities", "same_time", "figures",
           "frames", "quotes", "compare"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(f"claimtrack.stages.match.{name}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
