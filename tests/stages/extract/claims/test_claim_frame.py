"""The claim frame (extract/claims/frame.py, periods.py): holder, measure, period and scope, in many outlets' styles."""
from __future__ import annotations

import doctest
import re
from datetime import date

import pytest
from hypothesis import given, settings, strategies as st

from claimtrack.stages.extract.claims import extract_claims, frame, periods
from claimtrack.stages.extract.claims.frame import claim_frame, headline_holder, is_table_line, same_holder, says_revision
from claimtrack.stages.extract.claims.periods import period_of, resolve_period


@pytest.mark.parametrize("module", [frame, periods], ids=["frame", "periods"])
def test_docstring_examples(module):
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0


def by_surface(text, surface, title=None):
    """The frame of the claim written ``surface`` in ``text``, as extraction stores it."""
    claims = {c.surface: c for c in extract_claims(text, "a")}
    c = claims[surface]
    if title is not None:
        frame.fill_frames([c], title)
    return c


def test_extraction_fills_the_frame_columns():
    # press release: the company reports its own figure
    c = by_surface("Norvex Corp said its third-quarter revenue was $48.2 million, ahead of forecasts.",
                   "$48.2 million")
    assert (c.holder, c.period) == ("Norvex Corp", "Q3")
    assert c.measure and "revenue" in c.measure


def test_results_template_takes_its_company_and_period_from_the_headline():
    text = "Shr 12 cts vs nine cts\nNet 1,200,000 vs 950,000\nRevs 14.1 mln vs 12.3 mln"
    c = by_surface(text, "1,200,000", title="BOLT TOOLS INC <BLT> 1ST QTR 1987 NET")
    assert c.holder == "BOLT TOOLS INC"
    assert c.period == "1987-Q1"
    # without the headline a results line names no one: "Net" is a label, not a company
    assert by_surface(text, "1,200,000").holder is None


@pytest.mark.parametrize("sentence, surface, noun, subjects, holder", [
    # broadcaster web page: the place after the counted people
    ("Officials fear some 40,000 residents are still without power in Marlow County.", "40,000", "residents",
     ["Marlow County"], "Marlow County"),
    # broadsheet: a possessive names whose figure it is
    ("Greenfield's jobless rate rose to 5.2 percent in March.", "5.2 percent", None, ["Greenfield", "March"],
     "Greenfield"),
    # wire: "of" a company
    ("It bought 19.9 pct of Harlan Mills' stock last week.", "19.9 pct", None, ["Harlan Mills"], "Harlan Mills"),
    # a name that belongs to another figure is not this one's
    ("Silt Bay's port handled 3 mln tonnes, and traders moved 15 lots.", "15", "lots", ["Silt Bay"], None),
    # a nationality before the counted noun is no holder
    ("Aid groups say 300,000 Vardan refugees are waiting at the border.", "300,000", "refugees", ["Vardan"], None),
])
def test_holder(sentence, surface, noun, subjects, holder):
    assert claim_frame(sentence, surface, noun, subjects).holder == holder


@pytest.mark.parametrize("sentence, surface, noun, measure", [
    # tabloid and wire: what happened to the people counted is part of the measure
    ("TWO kids were hurt when the ride collapsed.", "TWO", "kids", "kid injured"),
    ("A fire trapped 44 miners underground.", "44", "miners", "miner trapped"),
    ("One miner died in the blaze.", "One", "miner", "miner dead"),
    ("The quake killed 300 people.", "300", "people", "dead"),
    ("Six miners escaped unharmed.", "Six", "miners", "miner escaped"),
    # science abstract: the counted noun alone
    ("Of the 412 patients enrolled, 37 had a rash.", "412", "patients", "patient"),
])
def test_measure(sentence, surface, noun, measure):
    assert claim_frame(sentence, surface, noun, []).measure == measure


@pytest.mark.parametrize("sentence, surface, period", [
    ("Arrivals in the week ended March 13 were 120,000 bags.", "120,000 bags", "week-to-03-13"),
    ("Net profit in the fourth quarter of 1986 was 5.1 mln dlrs.", "5.1 mln dlrs", "1986-Q4"),
    ("About 36 barges were waiting to enter the lock early today.", "36", "day+0"),
    ("Output rose 3.3 pct from 6.53 mln last year.", "3.3 pct", None),  # "last year" dates the 6.53 mln
    ("Output rose 3.3 pct from 6.53 mln last year.", "6.53 mln", "year-1"),
    ("Reserves stood at 42 bln dlrs as of Dec 31.", "42 bln dlrs", "12-31"),
    ("Some 40,000 residents of Marlow were evacuated.", "40,000", None),  # "Mar" of a name is no month
    ("Exports in the nine months to September reached 12 bln.", "12 bln", "09,9M"),
    ("The weekly survey put the rate at 6.2 pct.", "6.2 pct", "week+0"),
])
def test_period(sentence, surface, period):
    assert period_of(sentence, surface) == period


def test_relative_periods_resolve_against_the_publication_date():
    assert resolve_period("day+0", date(1987, 4, 1)) != resolve_period("day+0", date(1987, 4, 3))
    assert resolve_period("day-1", date(1987, 4, 3)) == "1987-04-02"
    assert resolve_period("week+0", date(1987, 3, 25)) != resolve_period("week+0", date(1987, 4, 1))
    assert resolve_period("quarter-1", date(1987, 2, 10)) == "1986-Q4"
    assert resolve_period("day-1", None) == "day-1"  # no date: left relative, never equal to a date


def test_scope_is_where_the_goods_went():
    a = claim_frame("The board sold 40 head of beef cattle to the Faroe Islands.", "40", "head",
                    ["Faroe Islands"])
    assert a.scope == "Faroe Islands" and a.holder is None


def test_tables_headlines_and_revisions():
    assert is_table_line("Jul/Dec   0.78 under    0.80 under")
    assert is_table_line("Shr 1.20 dlrs vs 1.10 dlrs")
    assert not is_table_line("Rescuers said 40 people were reported dead and 900 injured.")
    assert headline_holder("CORRECTED - MARLOW FOODS CORP <MFC> 4TH QTR") == "MARLOW FOODS CORP"
    assert headline_holder("STORM TOLL CLIMBS TO 40") is None
    assert same_holder("<Marlow Foods Corp>", "Marlow Foods") and not same_holder("Marlow Foods", "Marlow Tools")
    assert says_revision("Police revised the number of injured to 57.")
    assert says_revision("The toll has risen to 57, officials said.")
    assert not says_revision("57 people were injured.")


@pytest.mark.parametrize("sentence, period", [
    ("Prices rose 5 pct tonıght.", "day+0"),       # a dotless "ı" is an "i" to the period search
    ("Sales rose 5 pct this wee\u212a.", "week+0"),  # so is the Kelvin sign a "k"
    ("Output rose 5 pct in the fourth qtr.", "Q4"),
    ("Half of 5 voters left.", None),               # no word a period needs: no search at all
    ("Shares rose 5 pct to 300 pence.", None),
])
def test_period_words_in_any_spelling_the_search_reads(sentence, period):
    assert period_of(sentence) == period and period_of(sentence, "5") == period


def _period_start_by_first(follow):
    """The start pattern as first written: one alternative per first character, each opening with
    it as a literal, then its look-behind and its look-ahead."""
    other = "(?=[^\\x00-\\x7f]|[\\s\\S][^\\x00-\\x7f])"
    alts = []
    for a, nxt in follow.items():
        then = "(?:" + other + "|(?=" + "|".join(periods._char_class(b) + periods._char_class(c)
                                                 for b, c in nxt.items()) + "))"
        for first in dict.fromkeys((a, a.upper())):
            alts.append(re.escape(first) + "(?<!\\w.)" + then)
    alts.append("\u017f(?<!\\w.)")
    return re.compile("|".join(alts))


_PERIOD_ALPHABET = "tToOdDnNhHiIrRwWeEyYsSaAlLpPuUgGfFbBcCvVmMqQjJkKxX0123456789 -\n.,'é\u00a0ſıİ"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=_PERIOD_ALPHABET, max_size=40) | st.text(alphabet="aA3tTyYmMoOd \n\t-éſ", max_size=12))
def test_period_starts_are_where_the_first_written_pattern_finds_them(text):
    # the start pattern dispatches on the second character; the places it finds are the same
    old = _period_start_by_first(periods._PERIOD_NEXT)
    assert [m.start() for m in periods._PERIOD_START.finditer(text)] == [m.start() for m in old.finditer(text)]


_NEEDED_WORDS = ("today tonight morning afternoon evening yesterday night week 19 20 quarter qtr half year month mths "
                 "daily jan feb mar apr may jun jul aug sep oct nov dec").split()


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_NEEDED_WORDS + ["to", "nig", "ht", "ye", "ar", "x", " ", "9", "1", "2", "0", "ma"]),
                max_size=8).map("".join))
def test_any_word_pattern_finds_a_word_wherever_one_is_written(text):
    # each word is found at its least common letter, then looked for either side of it
    rx = periods.any_word_pattern(_NEEDED_WORDS)
    assert (rx.search(text) is not None) == any(w in text for w in _NEEDED_WORDS)
    assert (rx.search(text[1:]) is not None) == any(w in text[1:] for w in _NEEDED_WORDS)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list(frame.STATES) + ["kil", "led", "strand", "x", " ", "De", "AD", "Held"]),
                max_size=6).map("".join))
def test_a_sentence_may_name_a_state_exactly_when_one_is_written_in_it(text):
    assert frame._may_name_state.__wrapped__(text) == any(k in text.lower() for k in frame.STATES)


# pieces of sentences with period words, the words before them ("at the end of", "last", "a"),
# whitespace runs of every kind, hyphens, and the letters re.I folds ("ſ", "ı", "İ", the Kelvin sign)
_SEARCH_PIECES = ["Net rose ", "at the end of", "as of", "at end-", " March", "Sept 30", "1987", " 5 ", "last",
                  "previous", "fourth", "first", "twelve", "a", "this", " morning", "night", "quarter", "qtr",
                  "half", "year", "month", "mths", "week", " ended ", "ago", "daily", "today", "yesterday",
                  " ", "   ", "\t", "\u00a0", "\u2003", "\n", "-", "–", "ſ", "ı", "İ", "\u212a", "e", "x", ".", ","]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_SEARCH_PIECES), max_size=14).map("".join))
def test_a_period_search_from_its_start_finds_what_the_rule_finds_over_the_whole_text(text):
    start = periods._search_start(text)
    found = [(m.span(), m.groupdict()) for m in periods._PERIOD_WORDS.finditer(text)]
    if start is None:
        assert found == []
    else:
        assert [(m.span(), m.groupdict()) for m in periods._period_matches(text, start)] == found
