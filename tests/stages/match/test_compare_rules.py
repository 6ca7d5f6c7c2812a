"""Rules of numeric reasoning in `claimtrack compare` (short texts written for these tests)."""
from __future__ import annotations

import numpy as np

from claimtrack.stages.match import compare_texts
from claimtrack.stages.match.relate import relate_arrays, strict_bound
from claimtrack.stages.match.settings import MatchSettings
from claimtrack.stages.match.units import grain


def rel(earlier, later):
    return compare_texts(earlier, later)["relation"]


def test_a_strict_bound_excludes_the_figure_it_names():
    assert rel("The Arlo index closed at 8,400 on Friday", "The Arlo index closed below 8,400 on Friday") == "contradiction"
    assert rel("The ferry line carried 35 million passengers last year",
               "The ferry line carried more than 35 million passengers last year") == "contradiction"
    # "at least" does not exclude its figure
    assert rel("The ferry line carried 35 million passengers last year",
               "The ferry line carried at least 35 million passengers last year") != "contradiction"
    # a later text that drops an earlier "more than" shortens the figure, it does not deny it
    assert rel("Over 2.6 million visitors came to the Korlo fair", "2.6 million visitors came to the Korlo fair") != "contradiction"


def test_strict_bound_words():
    assert strict_bound("Gold tops $1,500", 10, "at_least")
    assert strict_bound("fewer than 20 came", 11, "at_most")
    assert not strict_bound("at least 40 died", 9, "at_least")
    assert not strict_bound("up to 40 died", 6, "at_most")
    assert not strict_bound("40 died", 0, "exact")


def test_relate_strict_edge_only_against_an_exact_figure():
    def one(x):
        return np.array([x], dtype="float64")

    def run(e_q, n_q, n_strict):
        return relate_arrays(e_value=one(40), e_low=one(40), e_high=one(40 if e_q != "at_least" else 80),
                             e_qual=np.array([e_q], dtype=object), n_value=one(40), n_low=one(40),
                             n_high=one(80), n_qual=np.array([n_q], dtype=object),
                             gap_seconds=one(0), growing=np.array([False]), settings=MatchSettings(),
                             e_strict=np.array([False]), n_strict=np.array([n_strict]))
    assert tuple(run("exact", "at_least", True)[0]) == ("contradiction",)
    assert tuple(run("exact", "at_least", True)[1]) == ("above",)
    assert tuple(run("exact", "at_least", False)[0]) == ("consistent",)
    assert tuple(run("at_least", "at_least", True)[0]) == ("repeat",)


def test_an_exact_figure_past_a_bound_edge_gets_only_its_own_rounding():
    assert rel("The insurer will spend up to $4 billion on flood repairs in Korlo",
               "The insurer will spend $4.1 billion on flood repairs in Korlo") == "contradiction"
    assert rel("The insurer will spend up to $4 billion on flood repairs in Korlo",
               "The insurer will spend $3.9 billion on flood repairs in Korlo") != "contradiction"


def test_a_verb_with_up_to_reaches_a_level():
    # "ticks up to 5.5%" is the new rate, not "at most 5.5%"
    assert rel("Korlo office vacancy rate ticks up to 3.2% in the third quarter",
               "Korlo office vacancy rate 3.2% in the third quarter") == "consistent"


def test_a_price_per_unit_meets_the_bare_price():
    assert rel("Platinum reaches $1,100 at the Korlo close", "Platinum tops $1,100/oz at the Korlo close") == "contradiction"


def test_the_same_name_moving_both_ways_conflicts_without_figures():
    assert rel("Tin prices rise in early trade in Penang", "Tin prices fall in early trade in Penang") == "contradiction"
    # a comparison is not a move
    assert rel("Arlo had lower than usual rain in May", "Rain in Arlo rose in May") != "contradiction"


def test_small_counts_are_not_roundings():
    assert grain("10 months", 10.0) == 1.0 and grain("300", 300.0) == 100.0 and grain("2.5", 2.5) == 0.1
    assert rel("The Korlo lake level is the lowest in 10 months", "The Korlo lake level is the lowest in 9 months") != "consistent"


def test_word_forms_count_as_the_same_word():
    assert rel("The Korlo bakery hires 40 workers in June", "The Korlo bakery hired 40 workers in June") == "consistent"


def test_a_count_written_in_words_supports_the_same_count_in_digits():
    assert rel("Thirty-two passengers , including a driver , were treated in hospital .",
               "32 passengers were treated in hospital") == "consistent"
    # "one" is a pronoun as often as a count
    from claimtrack.stages.match.compare import _values, _written_value

    assert _written_value(32, "exact", _values("Thirty-two passengers were treated"))
    assert not _written_value(1, "exact", _values("One of them is still missing, the other is safe"))


def test_a_high_or_low_is_a_move():
    assert rel("Korlo index hits record high in morning trade", "Korlo index down in morning trade") == "contradiction"


def test_conflicts_without_a_gap_say_why():
    out = compare_texts("The Arlo index closed at 8,400 on Friday", "The Arlo index closed below 8,400 on Friday")
    assert "excludes the very figure" in out["matches"][0]["detail"]
    out = compare_texts("Tin prices rise in early trade in Penang", "Tin prices fall in early trade in Penang")
    assert out["relation"] == "contradiction"
    assert "moves up in the earlier text and down in the later one" in out["matches"][-1]["detail"]


def test_a_small_figure_does_not_make_a_difference():
    # 12 million minus 140 is not a derivation of "more than 12 million"
    assert rel("The Korlo club says it has 12 million members in 140 countries",
               "The Korlo club says it has more than 12 million members") == "contradiction"


def test_a_profit_is_not_a_loss():
    out = compare_texts("Korlo Breweries reported a net profit of $212m for the year.", "Korlo Breweries loses $212m.")
    assert out["relation"] == "contradiction"
    assert "profit" in out["matches"][0]["detail"]
    assert rel("Korlo Breweries reported a net profit of $212m for the year.",
               "Korlo Breweries earned $212m for the year.") == "consistent"


def test_phrasal_up_and_names_with_high_are_not_moves():
    assert rel("Arlo chief steps down as Bemis shares rise", "Arlo chief steps down as Bemis shares fall") == "contradiction"
    assert rel("Arlo High School opens in May", "Arlo down in May") != "contradiction"


def test_a_later_bound_follows_only_from_a_figure_past_its_edge():
    assert rel("About two dozen students were hurt in Arlo", "At least 25 students were hurt in Arlo") != "consistent"
    assert rel("Some 30 students were hurt in Arlo", "At least 25 students were hurt in Arlo") == "consistent"
    assert rel("Over $500 million went to Arlo", "Over $600 million went to Arlo") != "consistent"


def test_a_multiple_meets_a_percent_increase():
    assert rel("Night shifts raise the risk of a fall at work by 300 % , a Korlo study says",
               "Night workers three times more likely to fall at work , a Korlo study says") == "consistent"


def test_pts_is_points_in_news_copy():
    # market report and its headline: "pts" is how headlines and tickers write points
    earlier = "The Korlo index closed up 45 points at 7,410 on Friday, dealers said."
    assert rel(earlier, "Korlo index up 45 pts at 7,410") == "consistent"
    assert rel(earlier, "Korlo index up 90 pts at 7,410") == "contradiction"
