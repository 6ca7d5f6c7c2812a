"""Attribution conventions found missing on unseen news (wire and broadcaster pages), each
as a short sentence written for this test in several outlets' styles, with cases where the
rule must not fire. Each case is (style, text, [speaker of each quote in order]).
"""
from __future__ import annotations

import pytest

from claimtrack.stages.extract.quotes import extract_quotes

# The person a chain of "of/from/at/in" phrases hangs from speaks, not the body or the place
# at the end of the chain; a role set off after a person's name does not hand the quote to an
# abbreviation that follows it.
CHAINS = [
    ("broadcaster", 'Dr Ruth Amani, of the Centre for Ageing and Design at the University of '
                    'the North in Leeds said: "The design ignores older users."', ["Ruth Amani"]),
    ("wire", 'Kenji Morita of Hoshi Bank in New York warned, "The yen has further to climb."',
     ["Kenji Morita"]),
    ("tech page", '"Capacity is the whole story," Paul Ostrow, from Vexa\'s Imaging Laboratories, '
                  'one of the backers of the format, told the website.', ["Paul Ostrow"]),
    ("trade press", '"Shoppers want choice," Ina Kohl, from the Retail Goods Federation (RGF) '
                    'told reporters.', ["Ina Kohl"]),
    ("wire", 'Pedro Alcala, the veteran general secretary of the National Miners Union, NMU, told '
             'reporters: "We will not go back underground."', ["Pedro Alcala"]),
    # must not fire: an organisation "of" a place, a name inside a letter's source
    ("press release", '"Demand held up well," the Bank of Westland said in a statement.',
     ["the Bank of Westland"]),
    ("broadsheet", '"Prices will rise," Hale Brothers of Leeds said.', ["Hale Brothers of Leeds"]),
    ("wire", '"We regret the delay," Sam Price of Rowe Foods said.', ["Sam Price"]),
]


@pytest.mark.parametrize("style,text,speakers", CHAINS)
def test_the_person_before_a_chain_of_places_and_bodies_speaks(style, text, speakers):
    assert [q.speaker for q in extract_quotes(text)] == speakers, style


# A quote standing alone after a sentence that reports someone's words (indirect speech, at
# most a quoted fragment in it) is that person's, not the last full quote's speaker.
REPORTED = [
    ("sport page", 'Club chief Ian Roe had said: "He will miss the season." But his agent insisted '
                   'the player was only resting. "The scans are clear and he trains on Monday."',
     ["Ian Roe", "his agent"]),
    ("tech page", '"Discs are too small," said Ana Ruiz, of Vela Games. Mr Tam said players were '
                  '"hungry" for better pictures. "They want every texture in full."',
     ["Ana Ruiz", "Tam", "Tam"]),
    ("politics page", 'Jo Hart, of Parents First, said: "It is a cynical move." Ken Obi, from '
                      'Families Together, said the plan lacked teeth.\n\n"We want a real plan for '
                      'every family."', ["Jo Hart", "Ken Obi"]),
    # must not fire: the sentence between is narration, or a thing "reveals"
    ("wire", '"We will cut costs," Ann Lee said. The firm employs 4,000 people. "Nobody will lose '
             'their job."', ["Ann Lee", "Ann Lee"]),
    ("broadcaster", '"Every frame was cleaned by hand," says Ron Dale. The restoration of the old '
                    'films revealed some surprises. "There is a coffee cup in one shot."',
     ["Ron Dale", "Ron Dale"]),
]


@pytest.mark.parametrize("style,text,speakers", REPORTED)
def test_a_lone_quote_after_reported_speech_is_the_reported_speakers(style, text, speakers):
    assert [q.speaker for q in extract_quotes(text)] == speakers, style


# "he"/"she" after a sentence whose subject is a role that a verb of saying follows ("Another
# trader said he …") is that role, not a person named earlier in passing.
ROLE_PRONOUNS = [
    ("wire", 'Ron Vale may bid again, analysts said. Another arbitrageur said he doubted the board '
             'would agree. "I cannot see them consenting," he said.',
     ["Another arbitrageur"]),
    ("feature", '"We had nothing," said Li Na, 31. Another worker in the weaving collective said '
                'pay used to be equal. "The lazy laughed at the rest," she said.',
     ["Li Na", "Another worker in the weaving collective"]),
    # must not fire: a role that says nothing ("Another goal came late") is no "he"
    ("sport page", 'Tom Hale scored twice. Another goal came late in the game. "We never stopped," '
                   'he said.', ["Tom Hale"]),
]


@pytest.mark.parametrize("style,text,speakers", ROLE_PRONOUNS)
def test_he_or_she_after_a_role_that_said_something_is_that_role(style, text, speakers):
    assert [q.speaker for q in extract_quotes(text)] == speakers, style


# A chain of "he said" paragraphs goes back to the speaker a cue named at its start (wire copy
# names a minister once, inverted, then writes "He told reporters …"), a hyphenated title
# ("Under-secretary") is no part of the name, and the chain stops at anyone else's cue.
CHAINS_OF_HE = [
    ("wire", 'Output is within the ceiling, Energy Minister Budiono said.\n\nHe told reporters after '
             'meeting President Ray Oduya that demand was weak.\n\nAsked about output, he replied: '
             '"Below the ceiling."', ["Budiono"]),
    ("wire", 'Debt rose sharply, Treasury Under-secretary Emre Kaya said.\n\nKaya said half was in '
             'deposits. "It is a liability we can carry," he added.', ["Emre Kaya"]),
    ("wire", 'A Treasury official said the accord was the reason markets were calm.\n\nBut he said '
             'in an interview that markets also understood, "The six will keep their word and '
             'act together."', ["A Treasury official"]),
    # must not fire: an organisation's cue is no "he"
    ("press release", 'Acme Holdings Ltd said profits fell.\n\nThe board met on Monday.\n\n"We will '
                      'recover and grow again next year," he said.', [None]),
]


@pytest.mark.parametrize("style,text,speakers", CHAINS_OF_HE)
def test_a_chain_of_he_said_goes_back_to_the_named_speaker(style, text, speakers):
    assert [q.speaker for q in extract_quotes(text)] == speakers, style


# A capitalised abstract noun that opens a sentence ("Government", "Demographics", "Payment")
# is no name: it neither speaks a fragment nor stands for a later "he".
ABSTRACT_OPENERS = [
    ("tech page", 'Games cost more to make, says Dr Tom Berg. Demographics have shifted and the '
                  '"sweet spot" is now older. "We may see more games ported to consoles," he says.',
     ["Tom Berg"]),
    ("wire", 'Payment of pensions would be made "at much reduced levels." The plan needs '
             'creditor approval.', []),
    # must not fire: a surname that merely ends like a word (and is written mid-sentence)
    ("broadsheet", 'Ministers met Ann Clement on Monday. "We will look again," said Clement.',
     ["Ann Clement"]),
]


@pytest.mark.parametrize("style,text,speakers", ABSTRACT_OPENERS)
def test_an_abstract_noun_opening_a_sentence_is_no_speaker(style, text, speakers):
    assert [q.speaker for q in extract_quotes(text)] == speakers, style


# A firm or party that owns a person ("Discount Corp's Reyes") is no part of the person's name;
# a paper's own name is ("People's Daily"); after a cue, an office word between a team or
# country and a person's name hands the quote to the person ("said Wales physio Mark Davies").
OWNERS_AND_OFFICES = [
    ("wire", '"The dollar has bottomed," said Jim Reyes of Hale Corp. Hale Corp\'s Reyes called the '
             'buying "impressive".', ["Jim Reyes", "Jim Reyes"]),
    ("wire", '"Rates will fall," said Ken Oda of Nikko Trust. "The themes are clear," said Nikko '
             'Trust\'s Oda.', ["Ken Oda", "Ken Oda"]),
    ("sport page", '"He will miss the next game," said Wales physio Mark Davies.', ["Mark Davies"]),
    # must not fire: a paper's name, and a verb after a country
    ("wire", 'The People\'s Daily said trading shares is "not compatible with the plan."',
     ["People's Daily"]),
]


@pytest.mark.parametrize("style,text,speakers", OWNERS_AND_OFFICES)
def test_owners_and_offices_are_not_the_speakers_name(style, text, speakers):
    assert [q.speaker for q in extract_quotes(text)] == speakers, style


# A possessor written with a bare apostrophe ("Matt Williams' side") is not the subject of its
# sentence, so it takes no "he" from the person who speaks in it.
BARE_APOSTROPHE = [
    ("sport page", '"We are ready," said coach Tom Hale. Matt Williams\' side has lost twice, but '
                   'Hale insisted they are dangerous. "They are brave opposition," he said.',
     ["Tom Hale", "Tom Hale"]),
    ("broadsheet", 'Ann Davis\' lawyer, Tom Hale, spoke outside court. "We will appeal," he said.',
     ["Tom Hale"]),
]


@pytest.mark.parametrize("style,text,speakers", BARE_APOSTROPHE)
def test_a_possessor_in_s_apostrophe_is_not_the_subject(style, text, speakers):
    assert [q.speaker for q in extract_quotes(text)] == speakers, style


# A place after a sentence-opening preposition is not the name a role is set off after: "In
# Lima, an ADB spokesman declined to comment. "…," he said." is the spokesman's.
def test_a_place_opening_a_sentence_is_not_the_roles_name():
    text = ('"We want a fair solution," the ministry spokesman said.\n\nIn Lima, a bank spokesman '
            'declined to comment.\n\n"We have no comment at all," he said.')
    assert [q.speaker for q in extract_quotes(text)] == ["the ministry spokesman", "a bank spokesman"]
    # (a name set off before the role still gives the person)
    text = 'Tom Reyes, a bank spokesman, declined to comment.\n\n"We have no comment," he said.'
    assert [q.speaker for q in extract_quotes(text)] == ["Tom Reyes"]


# "Name, title of Org said" with no comma closing the title (hurried wire copy) is the person's.
NO_CLOSING_COMMA = [
    ("wire", '"We chose this month to tap the market," Lance Ure, corporate treasurer at Holt Stores '
             'Plc told Reuters.', ["Lance Ure"]),
    ("regional paper", '"The ward is full every night," Hugh Hill, a senior nurse said.', ["Hugh Hill"]),
    # must not fire: a place before the comma, and a relative clause
    ("wire", 'In Leeds, the finance director at Acme said: "Costs are rising."',
     ["the finance director at Acme"]),
]


@pytest.mark.parametrize("style,text,speakers", NO_CLOSING_COMMA)
def test_a_title_with_no_closing_comma_keeps_the_person(style, text, speakers):
    assert [q.speaker for q in extract_quotes(text)] == speakers, style


# "he" after a sentence whose cue names a speaker after its subject ("Such sums hurt start-ups,
# said Mr Walsh.", "While Leeds grows, Mr Prater predicts …"; "according to X" too) is that
# speaker; a surname of no known sex that a verb of saying follows ("But Souness said he …")
# is a person for "he".
CUE_SPEAKERS_FOR_HE = [
    ("tech page", '"Games will look like a dream," said Mr Cole. Such budgets will hurt new studios, '
                  'said Mr Walsh. "A start-up cannot find $10m," he said.', ["Cole", "Walsh"]),
    ("feature", '"We were careful," said Ann Rush. While Leeds has yet to match the big events, '
                'Mr Prater predicts it soon will. "It has grown awfully fast," he concedes.',
     ["Ann Rush", "Prater"]),
    ("wire", '"We took the last leap," said Lloyd Vane. It is an ideal tool, according to Brian '
             'Doyle, an analyst. "The more variables, the better it does," he said.',
     ["Lloyd Vane", "Brian Doyle"]),
    ("sport page", '"It gave us a great advantage," said Alan Kerr. But Souness said he did not '
                   'think the record mattered. "He would want to stay anyway," he added.',
     ["Alan Kerr", "Souness"]),
    # must not fire: a film that "tells" a story is nobody
    ("arts page", '"I felt privileged," says Ann Ford. Wasp tells the story of a young mother. '
                  '"The other nominees loved it," she explains.', ["Ann Ford", "Ann Ford"]),
]


@pytest.mark.parametrize("style,text,speakers", CUE_SPEAKERS_FOR_HE)
def test_he_goes_to_the_speaker_a_cue_names(style, text, speakers):
    assert [q.speaker for q in extract_quotes(text)] == speakers, style


# A surname that is also an auxiliary verb ("May", "Will") is kept when capitalised after a name.
def test_a_capitalised_auxiliary_after_a_first_name_is_the_surname():
    text = ('Theresa May, the shadow family secretary, told the radio programme the plans were '
            '"inadequate and far too timid". "Courts must be the last resort," she added.')
    assert [q.speaker for q in extract_quotes(text)] == ["Theresa May", "Theresa May"]
    # (a lower-case auxiliary before the cue is still no part of the name)
    assert [q.speaker for q in extract_quotes('"We may act," Tom Hale may have said.')] == ["Tom Hale"]


# A body that the narration turns to between two quotes ("The Football Association has named a
# caretaker.") does not take the next lone quote from the person who was speaking.
def test_a_body_in_the_narration_does_not_take_the_speakers_next_quote():
    text = ('"Walter is the ideal man," Souness told the radio station. The Scottish Football '
            'Association has appointed a caretaker for the friendly. "He knows the players well."')
    assert [q.speaker for q in extract_quotes(text)] == ["Souness", "Souness"]
    # (a person the narration turns to still does: "Ann Lee was defiant.")
    text = '"We lost," Souness said. Ann Lee was defiant. "We will win the next one."'
    assert [q.speaker for q in extract_quotes(text)] == ["Souness", "Ann Lee"]


# The agent of a passive verb of describing speaks the quoted description.
PASSIVE_AGENTS = [
    ("broadcaster", 'The firm argued it had changed. But the argument was dismissed as "plainly '
                    'ridiculous" by Justice Ann Lee.', ["Ann Lee"]),
    ("tech page", 'The machine was described by Mr Jobs as "the cheapest Mac we have ever made".',
     ["Jobs"]),
    ("broadsheet", 'The scheme was branded "a tax on the poor" by the shadow chancellor.',
     ["the shadow chancellor"]),
    # must not fire: an agent that is a thing, and no agent at all
    ("wire", 'The bill was described as "a bold and overdue reform" in the report.',
     [None]),
]


@pytest.mark.parametrize("style,text,speakers", PASSIVE_AGENTS)
def test_the_agent_of_a_passive_description_speaks(style, text, speakers):
    assert [q.speaker for q in extract_quotes(text)] == speakers, style


# "the 36-year-old said" (sport and tabloid pages) stands for the person just named; with no
# one named before it stays the role as written.
AGES = [
    ("sport page", 'Marcel Dessy, who now plays in Dubai, says the two are worlds apart. "Mentally '
                   'they are far tougher now," the 36-year-old said.', ["Marcel Dessy"]),
    ("tabloid", '"I never thought I would get this far," said the 19-year-old.', ["the 19-year-old"]),
]


@pytest.mark.parametrize("style,text,speakers", AGES)
def test_an_age_stands_for_the_person_just_named(style, text, speakers):
    assert [q.speaker for q in extract_quotes(text)] == speakers, style


# A nickname in quotation marks inside a name does not cut the name short.
def test_a_nickname_inside_a_name_keeps_the_whole_name():
    text = '"It is the first good report in a long time," said John "Bud" Frazer, a grain analyst.'
    assert [q.speaker for q in extract_quotes(text)] == ["John Frazer"]
    text = '"We cut our debt hard this year," said club chairman Tony "Bomber" Reyes.'
    assert [q.speaker for q in extract_quotes(text)][:1] == ["Tony Reyes"]


# Guards found on a second unseen sample: a cue inside a quotation is the quoted text's own
# (a memo that reads '"Jo said …"' keeps the next lone quote); a place after "in" that a cue
# follows is not who "he" is; a body ("the government") is no "she".
GUARDS = [
    ("broadsheet", '"Jeremy said his colleagues would not back him," reads a memo for Mr Heath.\n\n'
                   '"They feel they could not serve under him at all."',
     ["a memo for Mr Heath", "a memo for Mr Heath"]),
    ("wire", 'Guenther Ascher, chief economist at Acme Bank in Frankfurt said rates fell.\n\n"The '
             'Bundesbank wanted to send a signal to traders," he said.',
     ["Guenther Ascher"]),
]


@pytest.mark.parametrize("style,text,speakers", GUARDS)
def test_guards_from_a_second_unseen_sample(style, text, speakers):
    assert [q.speaker for q in extract_quotes(text)] == speakers, style
