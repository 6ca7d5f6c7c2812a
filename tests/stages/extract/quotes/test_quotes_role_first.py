"""A role written before the speaker's name stays with the name: "Ryan's spokeswoman, AshLee
Strong, said" gives "AshLee Strong, Ryan's spokeswoman" (the article presents the speaker as the
holder of that role). A title that is part of the name, a role written after it, and scene-setting
words before a comma do not. Every sentence was written for this test, in many outlets' styles.
"""
from __future__ import annotations

import pytest

from claimtrack.stages.extract.quotes import extract_quotes
from claimtrack.stages.extract.quotes.roles import role_before_name
from claimtrack.stages.match.quotes import same_speaker

ROLE_FIRST = [
    # wire: inverted cue, the role then the name in commas
    ("wire", '"Output will fall," said the refinery\'s operations chief, Mara Quist.',
     "Mara Quist, the refinery's operations chief", "name"),
    # broadsheet: the role as the subject, name in apposition, cue after
    ("broadsheet", 'The museum’s chief curator, Idris Bellamy, says the loan was "a coup for the city."',
     "Idris Bellamy, the museum’s chief curator", "name"),
    # tabloid: a relative, a name in apposition, an emphatic cue
    ("tabloid", '"He was a hero," sobbed his heartbroken sister, Kerry Vance.',
     "Kerry Vance, his heartbroken sister", "name"),
    # broadcaster web page: an office "X of Y" run into the name
    ("broadcaster", 'Secretary of State Dilys Orme told the programme: "The line will reopen."',
     "Dilys Orme, Secretary of State", "name"),
    # a cue after the quote, the office "X of the Y" before the name
    ("wire", '"We will act," Chancellor of the Exchequer Gordon Brent said.',
     "Gordon Brent, Chancellor of the Exchequer", "name"),
    # press release: the organisation's officer, then the name
    ("press release", '"We are proud of this result," said Northwind Foods chief executive, Ravi Anand.',
     "Ravi Anand, Northwind Foods chief executive", "name"),
    # clergy and honorifics between the role and the name are part of the name, not the role
    ("broadsheet", '"It is bad theology," the Dean of Wells, the Very Rev Dr Ann Coyle, said.',
     "Ann Coyle, the Dean of Wells", "name"),
]


@pytest.mark.parametrize("style,text,speaker,via", ROLE_FIRST, ids=[c[0] for c in ROLE_FIRST])
def test_a_role_written_before_the_name_stays_with_it(style, text, speaker, via):
    got = [(q.speaker, q.speaker_via) for q in extract_quotes(text)]
    assert got == [(speaker, via)]


NAME_ONLY = [
    # a title that is part of the name ("President X", "press secretary X")
    ("wire", '"We will not yield," President Alma Rusk said.', "Alma Rusk"),
    ("wire", '"No comment," said Acme press secretary Joel Penn.', "Joel Penn"),
    # a role written after the name is a description, not the source phrase's head
    ("broadsheet", '"Prices will rise," said Hugh Hill, a grocer in Bath.', "Hugh Hill"),
    # a scene-setting phrase before the name is no role
    ("transcript", 'In Leeds, Jo Park said: "The queue was enormous."', "Jo Park"),
    # a pronoun resolved to the person keeps the plain name
    ("broadcaster", 'The council’s leader, Ann Moss, was asked about the cuts. "They are painful," she said.',
     "Ann Moss"),
]


@pytest.mark.parametrize("style,text,speaker", NAME_ONLY, ids=[c[0] for c in NAME_ONLY])
def test_a_title_a_trailing_role_or_a_scene_setter_gives_the_plain_name(style, text, speaker):
    assert [q.speaker for q in extract_quotes(text)] == [speaker]


def test_a_continuation_quote_carries_the_name_and_its_role():
    text = ('The firm’s former finance director, Noel Garvey, called the deal reckless. '
            '"Nobody read the contract before it was signed."')
    assert [(q.speaker, q.speaker_via) for q in extract_quotes(text)] == [
        ("Noel Garvey, the firm’s former finance director", "context")]


def test_the_role_never_changes_who_the_matcher_reads_as_the_person():
    # quotes.same_speaker reads the name before the comma: the same person with or without a role
    assert same_speaker("AshLee Strong, Ryan’s spokeswoman", "AshLee Strong") is True
    assert same_speaker("AshLee Strong, Ryan’s spokeswoman", "Paul Ryan") is False


@pytest.mark.parametrize("mention,speaker", [
    ("Turkish President Recep Tayyip Erdogan", "Recep Tayyip Erdogan"),   # a title
    ("Mr. Morgan of the Sierra Club", "Morgan"),                           # name first
    ("Bank of America", "Bank of America"),                                # an organisation's name
    ("Donna Reed, 59, of Ashton, Md.", "Donna Reed"),                      # age and place after
    (None, "Jo Park"), ("Jo Park", None),
])
def test_role_before_name_is_none_without_a_role_phrase_first(mention, speaker):
    assert role_before_name(mention, speaker) is None
