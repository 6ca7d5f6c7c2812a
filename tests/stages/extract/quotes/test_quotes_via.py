"""``Quote.speaker_via``: how extraction found each speaker (name, role, pronoun, context).

Sentences written for these tests, in several outlets' conventions.
"""
from __future__ import annotations

import pytest

from claimtrack.stages.extract.quotes import extract_quotes

CASES = [
    # named in the quote's own attribution clause
    ('"We will cut the tax next year," Finance Minister Ana Ruiz said on Tuesday.',
     [("Ana Ruiz", "name")]),
    ('Ana Ruiz told reporters: "The tax will go."', [("Ana Ruiz", "name")]),
    ('"It is a fair deal," said Jo Park, a union negotiator.', [("Jo Park", "name")]),
    # a role or an organisation
    ('"The plant will close in March," a spokesperson for Velder Foods said.',
     [("a spokesperson for Velder Foods", "role")]),
    ('"No decision has been taken," the ministry said in a statement.', [("the ministry", "role")]),
    ('"We are looking at every option," officials said.', [("officials", "role")]),
    ('"Rates will stay on hold," Hallam City Council said.', [("Hallam City Council", "role")]),
    # a pronoun resolved to an earlier name
    ('Maria Oyelaran runs the shelter. "We have no beds left," she said.',
     [("Maria Oyelaran", "pronoun")]),
    # carried from the sentence or paragraph before: a continuation
    ('"It is a fair deal," Jo Park said. "Both sides gave something up."',
     [("Jo Park", "name"), ("Jo Park", "context")]),
    ('"We have never seen a flood like this," said Tom Briggs, the mayor of Hallam.\n\n'
     '"The water came up in an hour. Nobody was ready for it."',
     [("Tom Briggs", "name"), ("Tom Briggs", "context")]),
    # one clause governs two quotes of its sentence: both are named by it
    ('"We lost," Jo Park said, "and we will learn from it."',
     [("Jo Park", "name"), ("Jo Park", "name")]),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_speaker_via(text, expected):
    got = [(q.speaker, q.speaker_via) for q in extract_quotes(text)]
    assert got == expected


def test_no_speaker_has_no_via():
    text = 'The leaflet ended with a line in capitals. "Vote for change before it is too late for all of us."'
    quotes = extract_quotes(text)
    assert len(quotes) == 1
    assert quotes[0].speaker is None and quotes[0].speaker_via is None


def test_unresolved_pronoun_has_no_via():
    quotes = extract_quotes('"We will be back next season," she said.')
    assert [(q.speaker, q.speaker_via) for q in quotes] == [(None, None)]


def test_via_is_always_one_of_the_four_or_none():
    text = ('LONDON (Wire) - Acme Bank said on Monday it would cut 300 jobs. "This is a hard day," '
            'chief executive Sara Lind said. "We did not take it lightly."\n\n'
            'Unions were angry. "It is a betrayal," they said in a joint statement.')
    quotes = extract_quotes(text)
    assert quotes and all(q.speaker_via in ("name", "role", "pronoun", "context", None) for q in quotes)
    assert all((q.speaker is None) == (q.speaker_via is None) for q in quotes)
