"""The examples in the claims modules' docstrings stay true."""
import doctest

import pytest

import claimtrack.stages.extract.claims
from claimtrack.stages.extract.claims import (
    carried, context, currency, filters, headline, measured, names, numbers, pattern_starts, pounds, qualifiers, units, words,
)


@pytest.mark.parametrize("module", [claimtrack.stages.extract.claims, carried, context, currency, filters, headline,
                                    measured, names, numbers, pattern_starts, pounds, qualifiers, units, words])
def test_docstring_examples(module):
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0
