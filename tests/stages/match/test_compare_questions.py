"""A question asserts nothing: a figure that a text only asks about can be neither restated nor
contradicted by the other text, and the rest of the text is read as usual. Sentences written for
these tests, in the styles of several outlets."""
import pytest

from claimtrack.stages.match.compare import compare_texts
from claimtrack.stages.match.compare_questions import is_question, statements


@pytest.mark.parametrize("earlier, later", [
    # tabloid headline that asks
    ("£2bn bail-out for Harlow steelworks?", "Ministers plan £2bn bail-out for Harlow steelworks"),
    # broadsheet standfirst
    ("Will the Arlo bridge really cost $9 billion?", "The Arlo bridge will cost $9 billion, officials said."),
    # broadcaster web page
    ("Is inflation in Dalton heading for 5%?", "Inflation in Dalton is heading for 5%, the central bank says."),
])
def test_a_figure_only_asked_about_is_not_restated(earlier, later):
    out = compare_texts(earlier, later)
    assert out["relation"] == "unrelated", out


def test_the_same_headline_as_a_statement_is_restated():
    assert compare_texts("Ministers plan £2bn bail-out for Harlow steelworks.",
                         "Ministers plan £2bn bail-out for Harlow steelworks")["relation"] == "consistent"
    assert compare_texts("Ministers plan £2bn bail-out for Harlow steelworks?",
                         "Ministers plan £2bn bail-out for Harlow steelworks")["relation"] == "unrelated"


@pytest.mark.parametrize("earlier, later", [
    # interview transcript: the question's figure and the answer's
    ("INTERVIEWER: Will the Harlow stadium create more than 5,000 jobs?",
     "The Harlow stadium will create 2,000 jobs, the council said."),
    # press release Q&A
    ("Does the Arlo plant employ 900 people?", "The Arlo plant employs 450 people."),
])
def test_a_figure_only_asked_about_is_not_contradicted(earlier, later):
    out = compare_texts(earlier, later)
    assert out["relation"] != "contradiction", out
    assert all(m["relation"] != "contradiction" for m in out["matches"])


def test_the_answer_after_a_question_is_read():
    # wire copy: a question and the statement that answers it; the statement's figure counts
    out = compare_texts("How many homes did the flood reach? It left more than 3,000 families homeless in Arlo.",
                        "About 1,000 families are homeless in Arlo.")
    assert out["relation"] == "contradiction"


def test_a_later_question_is_no_claim_of_its_own():
    # the later text only asks: it neither agrees nor disagrees
    out = compare_texts("The flood left more than 3,000 families homeless in Arlo.",
                        "Were 1,000 families really left homeless in Arlo?")
    assert out["relation"] == "unrelated"
    assert out["matches"] == []


def test_a_question_ends_where_its_mark_does():
    assert is_question("Who pays the £2bn?")
    assert is_question('"Why 300?"')
    assert not is_question('"Who could have foreseen 300 deaths?" he asked.')
    assert statements("Have a tip ? Call the Arlo sheriff at 309-346-4141 .") == "Call the Arlo sheriff at 309-346-4141 ."
    assert statements("The deficit hit $1.8 trillion.") == "The deficit hit $1.8 trillion."
