"""The examples in the quote extractor's docstrings are tests too."""
from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["claimtrack.stages.extract.quotes", "claimtrack.stages.extract.quotes.attribute", "claimtrack.stages.extract.quotes.coref",
           "claimtrack.stages.extract.quotes.cues", "claimtrack.stages.extract.quotes.marks", "claimtrack.stages.extract.quotes.sentences",
           "claimtrack.stages.extract.quotes.speakers", "claimtrack.stages.extract.quotes.lexicon",
           "claimtrack.stages.extract.quotes.names", "claimtrack.stages.extract.quotes.roles", "claimtrack.stages.extract.quotes.found",
           "claimtrack.stages.extract.quotes.source", "claimtrack.stages.extract.quotes.content", "claimtrack.stages.extract.quotes.transcript",
           "claimtrack.stages.extract.quotes.context", "claimtrack.stages.extract.quotes.after",
           "claimtrack.stages.extract.quotes.pronouns", "claimtrack.stages.extract.quotes.anaphors",
           "claimtrack.stages.extract.quotes.groups", "claimtrack.stages.extract.quotes.subjects", "claimtrack.stages.extract.quotes.around", "claimtrack.stages.extract.quotes.leads",
           "claimtrack.stages.extract.quotes.phrases", "claimtrack.stages.extract.quotes.cuechain", "claimtrack.stages.extract.quotes.heads"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0 and result.failed == 0
