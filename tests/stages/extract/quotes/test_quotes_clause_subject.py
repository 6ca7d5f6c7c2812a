"""The source of a quote with no verb of saying is the subject of the clause that holds it: a
subordinate clause running into the quote has its own subject ("… after an inquiry by the board
uncovered "…""), and a record ("an inquiry", "a memo from the Treasury") can be that subject.
Every sentence was written for this test, in several outlets' styles."""
from __future__ import annotations

import pytest

from claimtrack.stages.extract.quotes import extract_quotes

CASES = [
    # broadsheet: the sentence's subject is not the source; the subordinate clause's is
    ("broadsheet", 'The head teacher, Ann Roe, was suspended in May after an inquiry by the governors '
                   'found "serious lapses" in safeguarding.', "an inquiry by the governors"),
    # wire: a person as the subject of the clause that holds the quote
    ("wire", 'Shares fell sharply on Tuesday after the chief executive, Omar Hale, talked about '
             '"a very difficult quarter ahead for the group".', "Omar Hale, the chief executive"),
    # broadcaster: a record as the sentence's subject, its agent kept
    ("broadcaster", 'A review by the regulator criticised "repeated and avoidable failures" at the plant.',
     "A review by the regulator"),
    # tabloid: a record speaks through a preposition phrase after its head
    ("tabloid", 'A leaked memo from the Treasury branded the plan "utterly unaffordable" last night.',
     "A leaked memo from the Treasury"),
]


@pytest.mark.parametrize("style,text,speaker", CASES, ids=[c[0] for c in CASES])
def test_the_clause_that_holds_the_quote_gives_its_subject(style, text, speaker):
    assert [q.speaker for q in extract_quotes(text)] == [speaker]


def test_a_thing_that_cannot_speak_or_a_clause_read_as_a_name_is_no_source():
    # a name followed by more of a noun phrase, not a verb, is not a clause's subject
    text = 'Tom Hale, a historian, argues the war was sold as it was before 1914, the wars to "liberate" others.'
    assert [q.speaker for q in extract_quotes(text)] == ["Tom Hale"]
    # a storm is no speaker: the sentence's subject speaks
    text = 'Jo Park, a farmer, said the village was cut off after the storm hit "like a train".'
    assert [q.speaker for q in extract_quotes(text)] == ["Jo Park"]
    # a song title in a "when" clause is not a person (one in title case still is: a known limit)
    text = ('Sam Reed introduced the band, citing When a Man loves a Woman as "one of the finest '
            'songs ever recorded".')
    assert [q.speaker for q in extract_quotes(text)] == ["Sam Reed"]
