"""The examples in the matcher's docstrings are tests too."""
from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import claimtrack.stages.match

# every module of the matcher, so a new one's examples are tested without a list to keep
MODULES = sorted(m.name for m in pkgutil.iter_modules(claimtrack.stages.match.__path__))


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(f"claimtrack.stages.match.{name}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
