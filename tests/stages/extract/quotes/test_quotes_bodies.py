"""A style zoo for speakers news names once and then refers back to: a body by its head noun or
kind ("the union", "the company", "the newspaper"), a person by surname alone ("Kolnick said"
after "Zaver Kolnick, head of research, …") or by nation ("said the Spaniard"); and a role tied
to a body ("a spokesman for the Department of …", "a trader at … in Oslo"). Every sentence here
was written for this test; names, figures and places are invented.

Each case is (outlet style, text, [(speaker, speaker_via), ...] for the quotes in order).
"""
from __future__ import annotations

import pytest

from claimtrack.stages.extract.quotes import extract_quotes

BODIES = [
    # --- the head noun of the name: "the union" for "… Union", "the bank" for "Bank of …"
    ("wire", 'The Harbour Pilots\' Union called a 48-hour stoppage on Monday. "We have been left no '
             'choice," the union said.', [("Harbour Pilots' Union", "role")]),
    ("wire", 'The Central Bank of Ostravia left its key rate at 4 pct. "Price pressures are easing," '
             'the bank said in a statement.', [("Central Bank of Ostravia", "role")]),
    ("wire", 'The Bank of Merrow held rates for a fifth month.\n\n"Risks to growth remain," the '
             'central bank said.', [("Bank of Merrow", "role")]),
    ("press release", 'The Ostravian Finance Ministry published the figures on Tuesday. "Revenue is '
                      'on target," the ministry said.', [("Ostravian Finance Ministry", "role")]),
    # --- the kind of the name: a firm's legal form, a newspaper's title, an airline's name
    ("wire", 'Norvale Mining Corp said output fell 8 pct in the quarter.\n\n"Grades were lower than '
             'planned," the company said.', [("Norvale Mining Corp, the company", "role")]),
    # the firm the story is about (it spoke: "Tessaly said") over one met in passing
    ("wire", 'Tessaly Foods Inc raised its dividend. Tessaly said sales rose 6 pct. Brightwater Corp '
             'shares fell on the news. "Demand held up well," the company said.',
     [("Tessaly Foods Inc, the company", "role")]),
    ("broadsheet", 'In an interview with the Dunmore Herald, the minister declined to give a date. '
                   '"He was evasive on every point," the newspaper said.',
     [("Dunmore Herald, the newspaper", "role")]),
    ("broadcaster", 'Passengers were stranded after Bluewing Airways cancelled 40 flights. "We '
                    'apologise to all our customers," the airline said.',
     [("Bluewing Airways, the airline", "role")]),
    # "it" for the body the description stands for
    ("wire", 'The Teachers\' Federation of Lanark rejected the offer. The federation said it would '
             'ballot members. "This is not over," it added.', [("Teachers' Federation of Lanark", "pronoun")]),
    # --- left as written: nothing of that head or kind named before, or two could be meant
    ("wire", '"We will not be intimidated," the union said.', [("the union", "role")]),
    ("wire", '"Sales were weak," the company said. Rowan Textiles Ltd shares fell.', [("the company", "role")]),
    ("wire", 'The Paris-based company posted a loss. "It was a tough year," the company said.',
     [("the company", "role")]),
    # someone new of that head noun since ("A smaller company …")
    ("regional", 'Orrin Steel Corp cut 200 jobs. A smaller company in the town is hiring. "We need '
                 'welders now," the company said.', [("the company", "role")]),
    # another body spoke since: "the bank" may mean either
    ("wire", 'Lark Bank cut its rates. Fenwick Ledger said it would follow. "We move with the '
             'market," the bank said.', [("the bank", "role")]),
    # the legal form alone is not a name; "a … company" is not one named
    ("wire", 'Rates rose at a Dunmore company. "We had no choice," the company said.', [("the company", "role")]),
]


@pytest.mark.parametrize("style, text, expected", BODIES, ids=[f"{c[0]}-{i}" for i, c in enumerate(BODIES)])
def test_a_body_referred_to_by_its_head_noun_or_kind_is_the_one_named_before(style, text, expected):
    got = [(q.speaker, q.speaker_via) for q in extract_quotes(text)]
    assert got == expected


SURNAMES = [
    # a first name the lexicon does not know, at the start of a sentence, before an apposition
    ("wire", 'Zaver Kolnick, head of research at Tarn Securities, expects two cuts this year.\n\n'
             '"The data are simply too weak," Kolnick said.', [("Zaver Kolnick", "name")]),
    ("wire", 'Orla Quane of the Shipping Council said the backlog was clearing. "It will take '
             'weeks, not days," Quane said.', [("Orla Quane", "name")]),
    ("broadsheet", 'Tomasz Wielko (pictured) runs the only bakery in the village. "We open at four," '
                   'says Wielko.', [("Tomasz Wielko", "name")]),
    # an adverb or a word the article writes in lower case does not become a first name
    ("sport", 'Meanwhile Dunleavy, the coach, stayed calm. "We go again next week," Dunleavy said.',
     [("Dunleavy", "name")]),
    ("wire", 'Shares Brannagh, a broker, sold. Most shares fell. "It was a rout," Brannagh said.',
     [("Brannagh", "name")]),
]


@pytest.mark.parametrize("style, text, expected", SURNAMES, ids=[f"{c[0]}-{i}" for i, c in enumerate(SURNAMES)])
def test_a_surname_alone_is_the_person_named_in_full_before(style, text, expected):
    got = [(q.speaker, q.speaker_via) for q in extract_quotes(text)]
    assert got == expected


ROLES = [
    # a role before a body whose name holds "of"/"for": the role speaks, not the body
    ("wire", '"The timetable is unchanged," a spokesman for the Department of Harbours said.',
     [("a spokesman for the Department of Harbours", "role")]),
    ("broadcaster", 'A spokeswoman for the Office for Rural Affairs said: "We are looking at it."',
     [("A spokeswoman for the Office for Rural Affairs", "role")]),
    # a place after the body says where it is, it does not speak
    ("wire", '"Dealers are cautious before the data," a trader at Tarn Securities in Oslo said.',
     [("a trader at Tarn Securities in Oslo", "role")]),
]


@pytest.mark.parametrize("style, text, expected", ROLES, ids=[f"{c[0]}-{i}" for i, c in enumerate(ROLES)])
def test_a_role_tied_to_a_body_by_a_preposition_is_the_speaker(style, text, expected):
    got = [(q.speaker, q.speaker_via) for q in extract_quotes(text)]
    assert got == expected


def test_a_body_before_to_in_a_range_is_no_role():
    # "from X to Y" ranges over bodies; "the Westland Fund" is not a role serving the institute
    text = 'Every expert from the Westland Fund to the Institute of Tolls said the plan was "badly costed".'
    speakers = [q.speaker for q in extract_quotes(text)]
    assert speakers and not any("Fund to" in (s or "") for s in speakers)


NATIONS = [
    # sports and foreign pages refer back to the player or envoy just named by nation
    ("sport", 'Tomas Reyna won in three sets on Sunday. "I played my best tennis of the year," said '
              'the Spaniard.', [("Tomas Reyna", "name")]),
    ("sport", 'Ilse Varnhagen was the more powerful player. "It was my first final," said the German. '
              '"I will be back."', [("Ilse Varnhagen", "name"), ("Ilse Varnhagen", "context")]),
    ("foreign", 'Luc Armand, the envoy, left the talks early. The Frenchman said the offer was "not serious".',
     [("Luc Armand", "name")]),
]


@pytest.mark.parametrize("style, text, expected", NATIONS, ids=[f"{c[0]}-{i}" for i, c in enumerate(NATIONS)])
def test_a_person_referred_to_by_nation_is_the_person_just_named(style, text, expected):
    got = [(q.speaker, q.speaker_via) for q in extract_quotes(text)]
    assert got == expected
