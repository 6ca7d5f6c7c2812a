"""compare: a later text that agrees on every figure but adds a clause of its own (a second
assertion the earlier text never made) is no restatement: ``unrelated``, not ``consistent``.
Texts written for this test, as headlines and sentences of several outlets."""
from __future__ import annotations

import pytest

from claimtrack.stages.match import compare_texts
from claimtrack.stages.match.compare_words import adds_claim

ADDS = [
    # wire headline, a trailing clause of its own after a comma
    ("Retail sales rose 2.1% in March", "Retail sales rose 2.1% in March, wages stagnant"),
    # tabloid headline, a semicolon and a verdict
    ("Council tax to rise 4% next year", "Council tax to rise 4% next year; ministers blamed"),
    # broadcaster page, a dash and a second claim
    ("Ferry fares up 6% from May", "Ferry fares up 6% from May - unions threaten strike"),
]


@pytest.mark.parametrize("earlier,later", ADDS)
def test_a_later_text_with_a_clause_of_its_own_is_not_consistent(earlier, later):
    assert compare_texts(earlier, later)["relation"] == "unrelated"
    assert adds_claim(earlier, later)


RESTATES = [
    # the same claim reworded, no second clause
    ("Retail sales rose 2.1% in March", "In March, retail sales rose 2.1%"),
    # a trailing clause that only names the source
    ("Exports fell 3% in June", "Exports fell 3% in June, statistics office says"),
    # a trailing phrase that opens with a preposition is detail, not a second claim
    ("Three climbers were rescued on Sunday", "Three climbers were rescued on Sunday, after a night on the ridge"),
]


@pytest.mark.parametrize("earlier,later", RESTATES)
def test_a_restatement_a_source_or_a_phrase_adds_no_claim(earlier, later):
    assert adds_claim(earlier, later) is None


def test_an_added_clause_never_hides_a_conflict():
    # the figures disagree: still a contradiction, and the matches say so
    v = compare_texts("Retail sales rose 2.1% in March", "Retail sales rose 4.5% in March, wages stagnant")
    assert v["relation"] == "contradiction"
    assert any(m["relation"] == "contradiction" for m in v["matches"])
