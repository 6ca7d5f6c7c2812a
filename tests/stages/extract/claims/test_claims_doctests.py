"""The examples in the claims modules' docstrings stay true."""
import doctest

import pytest

import claimtrack.stages.extract.claims
from claimtrack.stages.extract.claims import context, filters, headline, numbers, qualifiers, units


@pytest.mark.parametrize("module", [claimtrack.stages.extract.claims, context, filters, headline, numbers, qualifiers, units])
def test_docstring_examples(module):
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0
