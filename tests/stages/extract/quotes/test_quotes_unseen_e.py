"""Attribution conventions found missing on a third fresh unseen sample (a broadcaster's sport
previews, its politics pages, wire copy), each as a short sentence written for this test in
several outlets' styles, with cases where the rule must not fire. Each case is (style, text,
[speakers]).
"""
from __future__ import annotations

import pytest

from claimtrack.stages.extract.quotes import extract_quotes

# A list of quotes, each line a label that a colon ends ("- City boss Ann Ward: "…""): the
# label opens the quote after it; it is no dash attribution of the quote before it, and the
# bullet before it is no part of the name.
LABELS_IN_A_LIST = [
    ("sport preview, lines run together",
     '- Rovers manager Tom Hale: "We are ready for them. "I think we can win at home." '
     '- City boss Ann Ward: "They will be fresh and we will be tired. "Our fans will help us."',
     ["Tom Hale", "Tom Hale", "Ann Ward", "Ann Ward"]),
    ("sport preview, one line each",
     'They meet again on Saturday.\n\n- Rovers manager Tom Hale: "We are ready."\n'
     '- City boss Ann Ward: "They will be fresh."', ["Tom Hale", "Ann Ward"]),
    ("press release, bullets", '• Ann Ward, chief executive: "Sales rose in every region."', ["Ann Ward"]),
    # must not fire: a dash attribution with no colon after the name stays with the quote before
    ("magazine", '"Never give up on a song." - Ann Ward, in her memoir.', ["Ann Ward"]),
]


@pytest.mark.parametrize("style,text,speakers", LABELS_IN_A_LIST)
def test_a_label_opens_the_quote_after_it(style, text, speakers):
    assert [q.speaker for q in extract_quotes(text)] == speakers, style


# A quoted word inside a clause, right after one of its lower-case words, is part of that clause
# ('scrapping "costly" ID cards'): the capitalised word after it is no speaker and the word
# after that ("cards", "boss") no verb of saying.
QUOTE_INSIDE_A_CLAUSE = [
    ("broadsheet", 'Mr Dunn also argues that scrapping "costly" ID cards would fund more nurses.',
     ["Dunn"]),
    ("tabloid", 'To test the "miracle" Acme pills the doctors used mice.', []),  # (a scare quote: dropped)
    # must not fire: a quote that opens its sentence, and a pronoun with a verb after a quote
    ("tabloid", '"I was robbed," Mr Burton fumed.', ["Burton"]),
    ("magazine", 'Dr Ann Lee has advice. Stress builds, so "know your triggers," she advises.', ["Ann Lee"]),
]


@pytest.mark.parametrize("style,text,speakers", QUOTE_INSIDE_A_CLAUSE)
def test_a_quoted_word_inside_a_clause_takes_no_speaker_from_after_it(style, text, speakers):
    assert [q.speaker for q in extract_quotes(text)] == speakers, style


def test_a_quote_far_into_a_run_on_paragraph_takes_no_speaker_from_where_the_window_cuts():
    # a sentence is read at most 600 characters before a quote: in a paragraph of unclosed
    # quotes run together (a preview's list, flattened), the text where that window starts is
    # no sentence start and its first words no subject (it named a speaker from the half-word where the window began)
    head = '- Rovers boss Tom Hale: "We were tired and '
    middle = '." - City boss Ann Ward: "We won. "We were lucky. "'
    filler = ("the visitors pressed on " * 40)[:600 - len(head) - len(middle) + 3]
    text = head + filler + middle + 'Our fans were great."'
    assert text[text.rindex('"Our') - 600:].startswith("Rovers boss")  # (where the window starts)
    speakers = [(q.text, q.speaker) for q in extract_quotes(text)]
    assert speakers[0][1] == "Tom Hale" and speakers[-1] == ("Our fans were great.", "Ann Ward")


# A name inside a quotation is someone the speaker talks about, not someone the article brings
# in: a later "he" goes back to the one who spoke, not to a person the quote mentions.
NAMES_INSIDE_A_QUOTE = [
    ("wire", '"Let us hope the aid Secretary General Ian Pryce called for will come," a Western '
             'aid worker said.\n\n"The rains have not helped," he added.',
     ["a Western aid worker", "a Western aid worker"]),
    ("broadsheet", '"I told Prime Minister Ian Pryce it was over," the bishop said. "We will go on," he said.',
     ["the bishop", "the bishop"]),
    # must not fire: a man named in the narration since the role spoke is nearer
    ("broadcaster", '"It is over," a spokesman said. Ian Pryce disagreed on his blog.\n\n"We will go on," he said.',
     ["a spokesman", "Ian Pryce"]),
]


@pytest.mark.parametrize("style,text,speakers", NAMES_INSIDE_A_QUOTE)
def test_a_name_inside_a_quote_is_no_antecedent(style, text, speakers):
    assert [q.speaker for q in extract_quotes(text)] == speakers, style


# Two offices joined by "and" before a name are one person's ("president and chief executive
# officer Jo Reyes"), as one office is.
JOINED_OFFICES = [
    ("wire", '"We will make a cash offer," said Acme Rail president and chief executive officer '
             'Dale T. Rowe.', ["Dale T. Rowe"]),
    ("press release", '"We are delighted," said Acme chairman and managing director Al Tan.', ["Al Tan"]),
    ("business daily", 'Acme president and chief executive officer Jo Reyes said: "We will grow."', ["Jo Reyes"]),
    # must not fire: a group joined by "and" names no person
    ("wire", '"No," said Acme staff and union members.', ["Acme"]),
]


@pytest.mark.parametrize("style,text,speakers", JOINED_OFFICES)
def test_two_offices_joined_by_and_before_a_name(style, text, speakers):
    assert [q.speaker for q in extract_quotes(text)] == speakers, style


# A lone quote after a sentence that reports someone's words is theirs, when a title names
# them ("Her rep told a TV channel …", as "Her spokesman insisted …"), not the last quote's speaker;
# a definite title ("the England coach") refers back to someone named and changes nothing.
REPORTED_BY_A_TITLE = [
    ("showbiz site", 'The label denied it. "We were shocked," the statement read.\n\n'
                     'The singer\'s rep told Channel 9 News that this was false. "The label owes her money."',
     ["the statement", "The singer's rep"]),
    ("sport page", '"It is positive," said Ian Pryce. The England coach said he was impressed. '
                   '"He deserves his chance."', ["Ian Pryce", "Ian Pryce"]),
]


@pytest.mark.parametrize("style,text,speakers", REPORTED_BY_A_TITLE)
def test_a_lone_quote_after_reported_words_of_a_title(style, text, speakers):
    assert [q.speaker for q in extract_quotes(text)] == speakers, style


# A definite role never introduced ("The minister said") refers back to the person named
# before it, not to a capitalised common word that opens a sentence ("Plans were drawn up").
ROLE_BACK_TO_A_PERSON = [
    ("broadsheet", 'The plans were leaked. Plans were drawn up by Jo Reyes. The minister said he was '
                   '"thrilled". "It is a fine plan," he said.', "Plans"),
    ("entertainment page", 'Tom Hale will direct the film. Film studio Acme Pictures has bought the rights. '
                           'The director said he was "delighted". "It is a wonderful story," he said.', "Film"),
]


@pytest.mark.parametrize("style,text,not_speaker", ROLE_BACK_TO_A_PERSON)
def test_a_role_never_stands_for_a_capitalised_common_word(style, text, not_speaker):
    assert not_speaker not in [q.speaker for q in extract_quotes(text)], style


# A spokesman's "he" stays with the spokesman: the body in the role ("a spokesman for Harlow
# Brothers") is no person named since, and a name that ends the words a spokesman reports ("… the
# visit by Jo Reyes, a Treasury spokesman said.") is no apposition naming the spokesman.
SPOKESMAN_HE = [
    ("wire", 'Delta Rail had hoped its shares would fetch 18 dlrs.\n\n"We will not comment," said a '
             'spokesman for Harlow Brothers and Co. "The regulator is being careful," he said.',
     ["a spokesman for Harlow Brothers", "a spokesman for Harlow Brothers"]),
    ("wire", 'Ann Lee cancelled a trip because of the visit by Prime Minister Jo Reyes, a Treasury '
             'spokesman said.\n\nThe spokesman said: "It is the press of business."\n\n'
             'But he added that the visit was "part of the press of business."',
     ["The spokesman", "The spokesman"]),
]
# (and where the role is set off by commas, "Jo Reyes, the Acme chairman, spoke", the name still
# names it: the doctests of anaphors.role_person)


@pytest.mark.parametrize("style,text,speakers", SPOKESMAN_HE)
def test_a_spokesmans_he_stays_with_the_spokesman(style, text, speakers):
    assert [q.speaker for q in extract_quotes(text)] == speakers, style


# "Name, who … Other Name, …, said": a name inside the relative clause is not the speaker; the
# antecedent of "who" / "which" is.
RELATIVE_CLAUSE_BEFORE_THE_CUE = [
    ("broadcaster", 'Mr Hale, who also played with the band Blue Harbour, as well as the Night Owls, '
                    'said: "I would rather not."', ["Hale"]),
    ("wire", 'The group, which includes Delta Holdings Corp, a property firm, said it bought the stock for '
             '"long-term growth."', ["The group"]),
    ("entertainment page", 'The actor, whose films include Winter Road, Paper Kings and Dusk, '
                           'said: "The stage gave me my start."', ["The actor"]),
    # must not fire: a name that the relative clause follows
    ("wire", 'Jo Reyes, who has worked with Acme, Beta and Gamma, said: "No."', ["Jo Reyes"]),
]


@pytest.mark.parametrize("style,text,speakers", RELATIVE_CLAUSE_BEFORE_THE_CUE)
def test_a_name_inside_a_relative_clause_is_not_the_speaker(style, text, speakers):
    assert [q.speaker for q in extract_quotes(text)] == speakers, style


# A paragraph that opens with "He" goes on about the one the paragraph before was about (a
# subject that reported something: "Analyst Jo Reyes said …", "One dealer noted …"), not the
# last speaker of a full quote further back; "the chancellor" is never "shadow chancellor X".
HE_OPENS_A_PARAGRAPH = [
    ("wire", '"There is no market," one head trader said.\n\nOne dealer noted that Acme had bonds.\n\n'
             'He added that the notes had been quoted "on request only" for days.',
     ["one head trader", "One dealer"]),
    ("wire", '"Growth will slow," said John Rooney of Acme Securities.\n\nAnalyst Tom Hale of Beta and '
             'Co said the merger would cut earnings.\n\nHe noted that Acme has a "first-rate name".',
     ["John Rooney", "Tom Hale"]),
    ("broadsheet", 'The chancellor said the savings planned by shadow chancellor Ian Pryce went too far. '
                   'The chancellor promised growth.\n\nHe said his party was "the safest pair of hands for jobs".',
     ["The chancellor"]),
]


@pytest.mark.parametrize("style,text,speakers", HE_OPENS_A_PARAGRAPH)
def test_he_opening_a_paragraph_goes_back_to_the_paragraph_before(style, text, speakers):
    assert [q.speaker for q in extract_quotes(text)] == speakers, style
