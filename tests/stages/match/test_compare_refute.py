"""A later text that disputes the earlier figure in words, with no figure of its own, is a
contradiction (never `consistent` by word overlap); words that only look like a dispute are not.
Sentences written for these tests, in the styles of several outlets."""
import pytest

from claimtrack.stages.match.compare import compare_texts
from claimtrack.stages.match.compare_refute import _REFUTE, refutes

EARLIER = "The council said the new stadium in Harlow would create 2,000 jobs."


@pytest.mark.parametrize("later", [
    # wire copy
    "Harlow traders said the stadium would create far fewer jobs than claimed.",
    "The council's stadium jobs figure for Harlow was grossly inflated, an audit found.",
    "Auditors cast doubt on the council's Harlow stadium jobs figure.",
    # tabloid
    "The jobs claim for the Harlow stadium is a lie, campaigners say.",
    "Harlow stadium jobs boast is pure fantasy, fuming traders say.",
    # broadsheet
    "The Harlow stadium will create nowhere near that many jobs, an audit found.",
    "The real number of jobs at the Harlow stadium is much lower, the union says.",
    "The council overstated the number of jobs the Harlow stadium would create.",
    "Only a fraction of the promised jobs will come to Harlow, the audit says.",
    # broadcaster web page
    "That figure is wrong, say Harlow traders.",
    "The Harlow stadium jobs estimate does not add up, critics say.",
    # press release
    "The Harlow Traders' Association rejects the council's stadium jobs estimate.",
    # transcript
    "MR KEMP: That number's just not right. The Harlow stadium won't create anything like that many jobs.",
])
def test_a_figure_disputed_in_words_is_a_contradiction(later):
    out = compare_texts(EARLIER, later)
    assert out["relation"] == "contradiction", (later, out)
    # the matches say so too: the two levels never disagree
    assert [m["relation"] for m in out["matches"]] == ["contradiction"]
    assert "disputes" in out["matches"][0]["detail"]


@pytest.mark.parametrize("later", [
    "The Harlow stadium jobs claim is false, traders say.",
    "The council is wrong about jobs at the Harlow stadium, traders say.",
    "Harlow's stadium jobs figure is a myth, says the union.",
])
def test_disputing_words_are_never_consistent_whatever_the_overlap(later):
    assert compare_texts(EARLIER, later)["relation"] != "consistent"


@pytest.mark.parametrize("later", [
    "The stadium in Harlow will create 2,000 jobs, the council said.",
    "The Harlow stadium panel is made up of 12 councillors.",
    "Harlow stadium jobs were higher than forecast.",
    "The council said the stadium in Harlow is not so big.",
])
def test_words_that_only_look_like_a_dispute_do_not_contradict(later):
    assert compare_texts(EARLIER, later)["relation"] != "contradiction"


@pytest.mark.parametrize("text", [
    "The committee is made up of nine members.",
    "The year's fiction prize went to a first novel.",
    "Sales were slightly higher than forecast.",
    "It is not so dependent on imports.",
    "The senator rejected the proposal.",
])
def test_ordinary_news_words_are_no_dispute(text):
    assert _REFUTE.search(text) is None


def test_a_dispute_about_something_else_is_unrelated():
    phrase, about = refutes(EARLIER, "Claims about the Bemis election are false, a judge said.", [])
    assert phrase and not about
    assert compare_texts(EARLIER, "Claims about the Bemis election are false, a judge said.")["relation"] == "unrelated"


def test_a_dispute_with_a_figure_of_its_own_conflicts_with_the_figure_it_disputes():
    # the projection alone (500 against 2,000 jobs) is not judged the same thing; the words
    # "was wrong" say it is, and the pair and its matches say so together
    alone = compare_texts(EARLIER, "The Harlow stadium will create 500 jobs.")
    assert alone["relation"] == "unrelated"
    out = compare_texts(EARLIER, "The council was wrong: the Harlow stadium will create 500 jobs.")
    assert out["relation"] == "contradiction"
    assert [m["relation"] for m in out["matches"]] == ["unrelated", "contradiction"]
    # a figure the earlier text contradicts outright is judged by the figures, not the words
    out = compare_texts("Arlo Mills will hire 400 staff.", "That is wrong: Arlo Mills will hire 300 staff.")
    assert out["relation"] == "contradiction" and out["matches"][0]["new_surface"] == "300"


def test_a_dispute_needs_a_figure_in_the_earlier_text():
    # a forecast with no number in it: "way off the mark" disputes no figure
    earlier = "Analysts at Arlo Bank predict that the Bemis housing market will cool next spring."
    later = "Analysts who predict that the Bemis housing market will cool could be way off the mark."
    assert refutes(earlier, later, []) == ("", False)
    assert compare_texts(earlier, later)["relation"] != "contradiction"
