"""Properties of `claimtrack compare` on pairs built from a small grammar of news sentences
(written for these tests): the verdict word and the list of matches never disagree."""
import doctest

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.stages.match import compare, compare_derive, compare_words
from claimtrack.stages.match.compare import compare_texts

PLACES = ["Arlo", "Bemis", "the Dalby region", "Korlo"]
NOUNS = ["people", "families", "jobs", "homes", "tonnes of grain", "cases"]
VERBS = ["were left homeless in", "were counted in", "were lost in", "were reported in", "died in"]
QUALIFIERS = ["", "more than ", "about ", "nearly ", "at least ", "up to ", "fewer than "]
NUMBERS = ["12", "300", "3,000", "1.5 million", "two dozen", "45", "40%", "$5 billion", "30p", "45 cents", "eight", "three"]
TAILS = ["", ", officials said", ", according to the Arlo Times", " on Monday", " in May", " last year"]
LATER_FORMS = [
    "{q}{n} {noun} {verb} {place}{tail}.",
    "In {place}, {q}{n} {noun} {verb} the area{tail}.",
    "That figure for {place} is wrong{tail}.",
    "Far fewer {noun} than claimed {verb} {place}.",
    "No, {n} {noun} did not die in {place}.",
    "Officials denied the report about {noun} in {place}.",
    "{place} shares rose{tail}.", "{place} shares fell{tail}.",
    "{q}{n} {noun} {verb} {place}, while {q}{n} {noun} {verb} Bemis.",
    "A warrant lists {n} counts of fraud against Kemp of {place}.",
    "Kemp's son, 22, faces {n} counts of fraud in {place}.",
    "The {place} figure is a lie{tail}.",
    "{q}{n} of the {noun} {verb} {place}{tail}.",
    "The council was wrong: {q}{n} {noun} {verb} {place}.",
]


@st.composite
def sentence(draw, forms):
    form = draw(st.sampled_from(forms))
    return form.format(q=draw(st.sampled_from(QUALIFIERS)), n=draw(st.sampled_from(NUMBERS)),
                       noun=draw(st.sampled_from(NOUNS)), verb=draw(st.sampled_from(VERBS)),
                       place=draw(st.sampled_from(PLACES)), tail=draw(st.sampled_from(TAILS)))


# the warrant and the son's age make a pair whose figures differ without being the same thing
# (22 and the counts), the case that once said "unrelated" at the top and "contradiction" below
EARLIER_FORMS = LATER_FORMS[:2] + LATER_FORMS[-8:-3] + LATER_FORMS[-5:-3] * 2 + LATER_FORMS[-2:-1]
LATER_FORMS = LATER_FORMS + LATER_FORMS[-5:-3] * 2


@settings(max_examples=200, deadline=None)
@given(sentence(EARLIER_FORMS), sentence(LATER_FORMS))
def test_the_verdict_and_the_matches_never_disagree(earlier, later):
    out = compare_texts(earlier, later)
    relations = [m["relation"] for m in out["matches"]]
    assert out["relation"] in ("contradiction", "consistent", "unrelated")
    assert (out["relation"] == "contradiction") == ("contradiction" in relations), (out["relation"], relations)
    if out["relation"] == "consistent":
        assert set(relations) <= {"repeat", "consistent"}, relations
    for m in out["matches"]:
        assert isinstance(m["detail"], str) and m["detail"]


def test_differing_figures_not_judged_the_same_thing_are_unrelated_in_the_matches_too():
    # two figures of one unit that the rules do not pair as the same thing: neither the pair nor
    # its match may say "contradiction"
    out = compare_texts("A warrant lists eight counts of fraud against Arlo Kemp.",
                        "Kemp's son, 22, faces eight counts of fraud.")
    assert out["relation"] != "contradiction"
    assert [m["relation"] for m in out["matches"]] == ["unrelated", "repeat"]


@pytest.mark.parametrize("earlier, later", [
    ("The flood in Arlo killed 300 people, officials said.", "That figure is wrong: the flood in Arlo did not kill that many people."),
    ("The flood in Arlo killed 300 people.", "Far fewer people than claimed were killed by the flood in Arlo."),
    ("Arlo Mills says its new plant will create 2,000 jobs.", "The jobs figure for the Arlo Mills plant is overstated, the union said."),
    ("Police said 40,000 people marched through Bemis on Saturday.",
     "Organisers denied the police figure for the Bemis march on Saturday."),
])
def test_a_figure_disputed_in_words_is_a_contradiction_not_consistent(earlier, later):
    out = compare_texts(earlier, later)
    assert out["relation"] == "contradiction", out
    assert any(m["relation"] == "contradiction" and "disputes" in m["detail"] for m in out["matches"])


def test_disputing_words_about_something_else_are_not_agreement():
    out = compare_texts("The flood in Arlo killed 300 people.", "Claims about the Bemis election are false, a judge said.")
    assert out["relation"] == "unrelated"


def test_a_restatement_without_disputing_words_stays_consistent():
    assert compare_texts("The flood in Arlo killed 300 people.",
                         "300 people were killed by the flood in Arlo.")["relation"] == "consistent"


@pytest.mark.parametrize("module", [compare, compare_words, compare_derive])
def test_docstring_examples(module):
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0


def test_a_later_text_of_only_a_figure_restates_it():
    # "He was 68." adds no word of its own: the agreeing figure decides
    assert compare_texts("Arlo Kemp died of a stroke on Monday; he was 68.", "He was 68.")["relation"] == "consistent"
    assert compare_texts("Arlo Kemp died of a stroke on Monday.", "")["relation"] == "unrelated"
