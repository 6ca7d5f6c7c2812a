"""A capitalised word that modifies a plural ("European investors", "Trump supporters") is not
the speaker: the plural is the subject. A firm named with its legal form ("Northwind Ltd") is an
organisation that "it" can stand for. Every sentence was written for this test."""
from __future__ import annotations

import pytest

from claimtrack.stages.extract.quotes import extract_quotes

MODIFIERS = [
    # broadsheet: a people's adjective before a plural subject, a quoted phrase as its predicate
    ("broadsheet", 'Only European investors were "welcome" in the scheme, the minister said later that week.',
     ["the minister"]),
    # tabloid: a name as a modifier, the supporters speak
    ("tabloid", 'Furious Ellis supporters were "livid beyond words" at the verdict.',
     ["Furious Ellis supporters"]),
    # broadcaster: a place before a plural that cannot speak, a scare quote: no quote kept
    ("broadcaster", 'Asian markets were "jittery" on Monday.', []),
    # wire: a capitalised word then a verb is still a name
    ("wire", 'Obama says the bill is "dead on arrival" in the Senate this year.', ["Obama"]),
    # advocacy press: a capitalised word, a noun, then the plural head that speaks
    ("advocacy", 'Human rights groups called the new law "a disgrace" on Friday.', ["Human rights groups"]),
    # wire: the name's own verb between it and a plural is no noun ("told aides")
    ("wire", 'Obama told aides the deal was "dead" by Friday.', ["Obama"]),
]


@pytest.mark.parametrize("style,text,speakers", MODIFIERS, ids=[c[0] for c in MODIFIERS])
def test_a_capitalised_modifier_of_a_plural_is_not_the_speaker(style, text, speakers):
    assert [q.speaker for q in extract_quotes(text)] == speakers


@pytest.mark.parametrize("firm", ["Northwind Ltd", "Castell Foods plc", "Brightwater LLC", "Falkenhain GmbH"])
def test_it_resolves_to_a_firm_named_with_its_legal_form(firm):
    text = f'{firm} said sales fell. "It has been a difficult year for the whole sector," it added.'
    assert [(q.speaker, q.speaker_via) for q in extract_quotes(text)] == [(firm, "pronoun")]


@pytest.mark.parametrize("text,speaker", [
    # broadsheet foreign page: the country is where the envoy is sent, not who speaks
    ('Peru’s ambassador to Spain warned that Lima would "not be lectured" on trade.', "Peru’s ambassador to Spain"),
    # wire: a bloc's envoy, "said" right after the place
    ('The EU envoy to Kenya said the count was "deeply flawed".', "The EU envoy to Kenya"),
])
def test_an_envoy_to_a_country_is_the_speaker_not_the_country(text, speaker):
    assert [q.speaker for q in extract_quotes(text)] == [speaker]


@pytest.mark.parametrize("text,speaker", [
    # regional broadcaster: no comma closes the appositive before the cue
    ('Colin Reed, Northtown Hotel Association said: "We tried very hard to keep them here."', "Colin Reed"),
    # trade press: a firm with its legal form after the person
    ('Ann Lee, Brightwater Ltd said the delay was "a shame".', "Ann Lee"),
])
def test_a_person_then_the_body_they_speak_for_is_the_person(text, speaker):
    assert [q.speaker for q in extract_quotes(text)] == [speaker]


def test_a_place_before_a_body_is_no_person() -> None:
    """Wire: a dateline-like place phrase, then the body that speaks."""
    text = 'In New York, the Acme Hotel Association said: "We tried very hard."'
    assert [q.speaker for q in extract_quotes(text)] == ["Acme Hotel Association"]


@pytest.mark.parametrize("text,speaker", [
    # political correspondent: the party before its activists
    ('Labour party activists warned the plan was "doomed from the start".', "Labour party activists"),
    # wire: a bloc before its ministers
    ('Nato defence ministers agreed it was "the right step" for the alliance.', "Nato defence ministers"),
    # a weekday before the plural is when, not whose
    ('Monday party activists said the vote was "a farce".', "party activists"),
])
def test_a_body_before_a_plural_role_stays_in_the_role(text, speaker):
    assert [q.speaker for q in extract_quotes(text)] == [speaker]
