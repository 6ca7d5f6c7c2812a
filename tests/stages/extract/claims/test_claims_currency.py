"""Which dollar a bare "dollars" or "dlrs" is, and one estimate over a span ("about 5 to 6").

Invented stories in the conventions of several outlets. Wire copy from a dollar country other than
the U.S. writes its own dollar bare and marks the U.S. one; a broadcaster abroad prints "$" for the
U.S. dollar beside "A$"; a results note may say which dollars its table is in.
"""
import math

import pytest

from claimtrack.stages.extract.claims import extract_claims
from claimtrack.stages.extract.claims.currency import dateline_dollar, reported_dollar


def units(text):
    return [(c.surface, c.unit) for c in extract_claims(text, "t")]


# (style, text, [(surface, unit), ...]) -- every claim, in text order
CURRENCY = [
    # the dateline names a city of a dollar country: a bare dollar is that country's
    ("wire", "WELLINGTON, May 4 - Korowai Dairy Ltd said net profit rose to 41.2 mln dlrs.",
     [("41.2 mln dlrs", "NZD")]),
    ("wire", "TORONTO, Jan 9 - Maplecrest Mines Ltd said it will pay 3.15 dlrs a share in cash.",
     [("3.15 dlrs a share", "CAD/share")]),
    ("wire agency", "SYDNEY (Reuters) - Wattle Bank lifted its deposits by 310 mln dollars.",
     [("310 mln dollars", "AUD")]),
    ("wire with title", "HARBOUR FERRY OPERATOR EARNS MORE\n\nHONG KONG, Oct 2 - Star Pier Co earned 88 mln dlrs.",
     [("88 mln dlrs", "HKD")]),
    # ... but the U.S. dollar stays U.S. wherever it is written so, and what follows it in its sentence
    ("wire", "CALGARY, Alberta, June 3 - Pinecone Oil lost 9 mln U.S. dlrs after a 2 mln dlr writedown.",
     [("9 mln U.S. dlrs", "USD"), ("2 mln dlr", "USD")]),
    ("wire", "TORONTO, Jan 9 - Birchway said its unit lost about 6 mln dlrs (U.S.) last year.",
     [("6 mln dlrs", "USD")]),
    # oil and metals are priced in U.S. dollars the world over
    ("wire", "PERTH, Aug 1 - Spinifex Gold sold at 401 dlrs an ounce and oil fetched 19 dlrs a barrel.",
     [("401 dlrs an ounce", "USD/ounce"), ("19 dlrs a barrel", "USD/barrel")]),
    # a note that says which dollars the figures are in wins over the dateline
    ("results table", "MONTREAL, Feb 2 - Shr 1.20 dlrs vs 90 cts\n\nNet 8.5 mln vs 6.0 mln\n\nNOTE: Results in U.S. dlrs.",
     [("1.20 dlrs", "USD"), ("90 cts", "cent"), ("8.5 mln", "USD"), ("6.0 mln", "USD")]),
    # no dateline: a story that writes one other dollar and never the U.S. one means it throughout
    ("wire", "Reserves fell to 6.02 billion N.Z. dlrs in May from 6.31 billion dlrs in April.",
     [("6.02 billion N.Z. dlrs", "NZD"), ("6.31 billion dlrs", "NZD")]),
    ("bond desk", "Kestrel Finance is issuing 75 mln Australian dlrs of notes.\n\nDenominations are 5,000 dlrs.",
     [("75 mln Australian dlrs", "AUD"), ("5,000 dlrs", "AUD")]),
    # a story that also names the U.S. dollar: the last dollar named in the paragraph, else U.S.
    ("wire", "Sales were 90 mln Canadian dlrs and costs 70 mln dlrs, or 52 mln U.S. dlrs.\n\nThe group earns 30 mln dlrs abroad.",
     [("90 mln Canadian dlrs", "CAD"), ("70 mln dlrs", "CAD"), ("52 mln U.S. dlrs", "USD"), ("30 mln dlrs", "USD")]),
    ("market report", "Dealers sold 100 mln New Zealand dlr notes, paid at the U.S. dollar equivalent.\n\n"
     "The corporate supply rose to 4.1 billion dlrs last week.",
     [("100 mln New Zealand dlr", "NZD"), ("4.1 billion dlrs", "USD")]),
    # a conversion in parentheses is another currency
    ("wire", "The plant cost 40 mln Australian dlrs (29 mln dlrs).",
     [("40 mln Australian dlrs", "AUD"), ("29 mln dlrs", "USD")]),
    # a "$" is left as printed: a broadcaster abroad prints it for U.S. dollars beside "A$"
    ("broadcaster", "The miner paid A$2bn ($1.4bn) for the site, and $300m more for trucks.",
     [("A$2bn", "AUD"), ("$1.4bn", "USD"), ("$300m", "USD")]),
    # a U.S. story stays in U.S. dollars
    ("wire", "NEW YORK, March 2 - Delmont Corp said profit rose to 12 mln dlrs.", [("12 mln dlrs", "USD")]),
]


@pytest.mark.parametrize("style, text, expected", CURRENCY, ids=[f"{s}: {t[:40]}" for s, t, _ in CURRENCY])
def test_a_bare_dollar_is_the_story_s_dollar(style, text, expected):
    got = [(s, u) for s, u in units(text) if s not in ("May 4", "Jan 9", "June 3", "Aug 1", "Feb 2", "Oct 2", "March 2")]
    assert got == expected


def test_datelines_of_dollar_countries_and_of_others():
    assert dateline_dollar("AUCKLAND, Feb 2 - The bank said") == "NZD"
    assert dateline_dollar("VANCOUVER, British Columbia, March 3 - Net rose") == "CAD"
    assert dateline_dollar("LONDON, May 1 - Net rose") is None
    # a city named inside a sentence is no dateline
    assert dateline_dollar("The bank, which left Sydney - its home - in 1980, said") is None


def test_a_results_note_names_the_dollar():
    assert reported_dollar("Net 4 mln. NOTE: all figures are in Canadian dollars.") == "CAD"
    assert reported_dollar("It buys parts from Japan in U.S. dollars.") is None


# (style, text, [(surface, value, low, high, qualifier)])
SPANS = [
    ("wire", "Profit will be about five to six mln dlrs.", [("five to six mln dlrs", 5e6, 4.5e6, 6.6e6, "approx")]),
    ("broadsheet", "Growth should be roughly 2.5 to three per cent.", [("2.5 to three per cent", 2.5, 2.25, 3.3, "approx")]),
    ("broadcaster", "Some 200-250 people were evacuated.", [("200-250", 200, 180, 275, "approx")]),
    ("wire", "The fund holds between about 10 and 12 billion yen.",
     [("10 and 12 billion yen", 10e9, 9e9, 13.2e9, "approx")]),
    ("tabloid", "Tickets cost an estimated £40 to £60 each.", [("£40 to £60", 40, 36, 66, "approx")]),
    # a span without an estimate word keeps its exact ends
    ("wire", "Output was 5 to 6 mln tonnes.", [("5 to 6 mln tonnes", 5e6, 5e6, 6e6, "range")]),
    # a change after "about" is no span: the second figure is far off, or carries its own unit
    ("wire", "The index rose about 20 to 1,500.", [("20", 20, 18, 22, "approx"), ("1,500", 1500, 1500, 1500, "exact")]),
    ("wire", "Sales rose about 4 pct to 90 mln dlrs.",
     [("4 pct", 4, 3.6, 4.4, "approx"), ("90 mln dlrs", 90e6, 90e6, 90e6, "exact")]),
]


@pytest.mark.parametrize("style, text, expected", SPANS, ids=[f"{s}: {t[:40]}" for s, t, _ in SPANS])
def test_an_estimate_word_before_a_span_is_one_estimate(style, text, expected):
    got = extract_claims(text, "t")
    assert [c.surface for c in got] == [e[0] for e in expected]
    for c, (_, value, low, high, qualifier) in zip(got, expected):
        assert c.qualifier == qualifier, c.surface
        for a, b in ((c.value, value), (c.low, low), (c.high, high)):
            assert math.isclose(a, b, rel_tol=1e-9), (c.surface, c.value, c.low, c.high)


# (style, text, [(surface, unit), ...]) -- "pounds" that weigh, and the pounds of other countries
POUNDS = [
    # a story that writes no sterling: its "pounds" weigh, unless the sentence pays
    ("trade press", "Resin capacity will rise to 450 mln pounds a year from 380 mln.",
     [("450 mln pounds a year", "lb/year"), ("380 mln", "lb/year")]),
    ("product review", "The laptop weighs just 3 pounds.", [("3 pounds", "lb")]),
    ("wire", "Arlo Holdings paid 40 mln pounds for the mill.", [("40 mln pounds", "GBP")]),
    # a story that writes sterling: "pounds" pay, unless the sentence weighs
    ("broadsheet", "The club paid £12m. The striker, who weighs 180 pounds, earns 90,000 pounds a week.",
     [("£12m", "GBP"), ("180 pounds", "lb"), ("90,000 pounds a week", "GBP/week")]),
    # another country's pound, named once, is the story's "pounds"
    ("wire", "The budget is 9.2 billion Egyptian pounds, of which 2.1 billion pounds go on wages.",
     [("9.2 billion Egyptian pounds", "EGP"), ("2.1 billion pounds", "EGP")]),
    ("wire", "The official rate stayed at about 2.5 pounds to the dollar.", [("2.5 pounds", "GBP")]),
]


@pytest.mark.parametrize("style, text, expected", POUNDS, ids=[f"{s}: {t[:40]}" for s, t, _ in POUNDS])
def test_pounds_weigh_or_pay(style, text, expected):
    assert units(text) == expected
