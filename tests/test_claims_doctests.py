"""The examples in the claims modules' docstrings stay true."""
import doctest

import pytest

import claimtrack.claims
from claimtrack.claims import context, filters, headline, numbers, qualifiers, units


@pytest.mark.parametrize("module", [claimtrack.claims, context, filters, headline, numbers, qualifiers, units])
def test_docstring_examples(module):
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0
