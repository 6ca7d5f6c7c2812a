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
# ('introducing "illiberal" ID cards'): the capitalised word after it is no speaker and the word
# after that ("cards", "boss") no verb of saying.
QUOTE_INSIDE_A_CLAUSE = [
    ("broadsheet", 'Mr Kennedy also believes that dropping "illiberal" ID cards would pay for more police.',
     ["Kennedy"]),
    ("tabloid", 'To test the "miracle" Acme pills the doctors used mice.', []),  # (a scare quote: dropped)
    # must not fire: a quote that opens its sentence, and a pronoun with a verb after a quote
    ("tabloid", '"I was robbed," Mr Burton fumed.', ["Burton"]),
    ("magazine", 'Dr Ann Lee has advice. Stress builds, so "know your triggers," she advises.', ["Ann Lee"]),
]


@pytest.mark.parametrize("style,text,speakers", QUOTE_INSIDE_A_CLAUSE)
def test_a_quoted_word_inside_a_clause_takes_no_speaker_from_after_it(style, text, speakers):
    assert [q.speaker for q in extract_quotes(text)] == speakers, style


def test_a_quote_far_into_a_run_on_paragraph_takes_no_speaker_from_half_a_word():
    # the sentence is read 600 characters either side of a quote: where that window cuts a
    # word, the cut text is no sentence and its first words no subject
    filler = "and the visitors pressed on " * 30
    text = ('- Rovers boss Tom Hale: "We were tired. "We tried." - City boss Ann Ward: "We won. '
            + filler + '. "Our fans were great."')
    speakers = [(q.text, q.speaker) for q in extract_quotes(text)]
    assert speakers[-1] == ("Our fans were great.", "Ann Ward")
