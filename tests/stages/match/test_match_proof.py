"""A flag or a link must prove that its two figures are one: the same table section, the same
session of a trading day, the same report rather than a routine template, the same thing named.

Every text here was written for these tests, in the styles of wire results tables, market
reports, agency copy, press releases and broadcasters' pages.
"""
from __future__ import annotations

from claimtrack.stages.match import match_claims
from test_match_frames import claims_of, relations


RESULTS_V1 = ("Shr 52 cts vs 40 cts\n\nNet 4,120,000 vs 3,150,000\n\nRevs 61.2 mln vs 55.8 mln\n\n"
              "Year\n\nShr 1.90 dlrs vs 1.51 dlrs\n\nNet 15,300,000 vs 11,900,000\n")
RESULTS_V2 = RESULTS_V1.replace("Net 15,300,000 vs 11,900,000", "Net 13,800,000 vs 11,900,000").replace(
    "Shr 1.90 dlrs vs 1.51 dlrs", "Shr 1.71 dlrs vs 1.51 dlrs")
#: the same year stated before preferred dividends: the per-share line is unchanged
RESULTS_BASIS = RESULTS_V1.replace("Net 15,300,000 vs 11,900,000", "Net 16,900,000 vs 11,900,000")
TITLE = "HALVERSON TOOLS INC <HVT> 4TH QTR NET"


def test_a_year_line_never_meets_the_quarter_line_of_another_version():
    first = claims_of("A", RESULTS_V1, "1987-03-02 10:00", TITLE)
    again = claims_of("B", RESULTS_V1, "1987-03-02 12:00", TITLE)
    # a second copy of the same table repeats every line and contradicts none
    assert "contradiction" not in relations(again, first)


def test_a_corrected_line_in_the_year_section_is_flagged_against_the_year_line_only():
    first = claims_of("A", RESULTS_V1, "1987-03-02 10:00", TITLE)
    fixed = claims_of("B", RESULTS_V2, "1987-03-02 12:00", TITLE)
    flags = [m for m in match_claims(fixed, first) if m.relation == "contradiction"]
    # the year's net and per-share lines were both corrected: two flags, both in the year section
    assert len(flags) == 2 and all("period: year" in f.evidence for f in flags)
    assert any("15,300,000" in f.detail and "13,800,000" in f.detail for f in flags)


def test_a_net_line_on_another_basis_with_the_same_per_share_line_is_no_conflict():
    first = claims_of("A", RESULTS_V1, "1987-03-02 10:00", TITLE)
    basis = claims_of("B", RESULTS_BASIS, "1987-03-02 12:00", TITLE)
    assert "contradiction" not in relations(basis, first)


def test_two_sessions_of_one_trading_day_are_two_readings():
    morning = claims_of("A", "The Bank of Norland said it had supplied the money market with 120 mln stg "
                             "of help in the morning session.", "1987-03-24 10:00",
                        "NORLAND MONEY MARKET GETS 120 MLN STG HELP")
    afternoon = claims_of("B", "The Bank of Norland said it had supplied the money market with 95 mln stg "
                               "of help in the afternoon session.", "1987-03-24 14:30",
                          "NORLAND MONEY MARKET GETS FURTHER 95 MLN STG HELP")
    assert relations(afternoon, morning) == []


def test_a_routine_template_a_week_later_is_a_new_reading_not_a_conflict():
    week1 = claims_of("A", "Harbour officials said 12 grain vessels were queuing to load at Port Alder, "
                           "down from 15 a week earlier.", "1987-04-01 16:00", "GRAIN SHIPS WAITING AT PORT ALDER")
    week2 = claims_of("B", "Harbour officials said 9 grain vessels were queuing to load at Port Alder, "
                           "down from 12 a week earlier.", "1987-04-08 16:00", "GRAIN SHIPS WAITING AT PORT ALDER")
    assert "contradiction" not in relations(week2, week1)


def test_the_same_attributed_sentence_with_one_figure_changed_the_same_day_is_flagged():
    first = claims_of("A", "The Kestrel Mining Co said the study found proven reserves of 2,400,000 tons "
                           "grading 0.08 ounce of gold per ton.", "1987-03-20 09:00", "KESTREL TO BUILD MINE")
    second = claims_of("B", "The Kestrel Mining Co said the study found proven reserves of 4,800,000 tons "
                            "grading 0.08 ounce of gold per ton.", "1987-03-20 13:00", "KESTREL TO BUILD MINE")
    assert "contradiction" in relations(second, first)


def test_two_listings_of_bond_terms_say_alike_things_about_two_issues():
    one = claims_of("A", "The non-callable note comes in denominations of 5,000 dlrs and will be "
                         "traded in Luxembourg.", "1987-03-03 09:00", "ORRIN FUNDING ISSUES 100 MLN DLR EUROBOND")
    two = claims_of("B", "The non-callable note comes in denominations of 10,000 dlrs and will be "
                         "traded in Luxembourg.", "1987-03-03 11:00", "TALLIS BANK ISSUES 50 MLN DLR EUROBOND")
    assert relations(two, one) == []


def test_a_report_that_gives_both_figures_denies_neither():
    earlier = claims_of("A", "Officials said the ministry accepted Norland's bid for 75,000 tonnes of wheat "
                             "but turned down offers for the other 225,000 tonnes.", "1987-10-20 09:00",
                        "NORLAND BUYS WHEAT - TRADE")
    later = claims_of("B", "Officials said Norland is tendering again for 225,000 tonnes of wheat.",
                      "1987-10-20 16:00", "NORLAND TENDERS FOR BALANCE OF WHEAT - TRADE")
    assert "contradiction" not in relations(later, earlier)


def test_one_template_about_two_metals_is_two_things():
    gold = claims_of("A", "Arden mine output of gold rose to 251,000 troy ounces in December from 237,000 in "
                          "November, the bureau said.", "1987-04-03 15:00", "ARDEN GOLD OUTPUT ROSE IN DECEMBER")
    silver = claims_of("B", "Arden mine output of silver rose to 2,310,000 troy ounces in December from "
                            "2,190,000 in November, the bureau said.", "1987-04-03 15:05",
                       "ARDEN SILVER OUTPUT ROSE IN DECEMBER")
    assert relations(silver, gold) == []


def test_a_headline_that_says_it_corrects_makes_an_update():
    first = claims_of("A", "The company said it created a separate 600-member team to train its sales staff.",
                      "1987-03-24 13:00", "VANTEC <VNT> FORMS SALES GROUPS")
    fixed = claims_of("B", "The company said it created a separate 500-member team to train its sales staff.",
                      "1987-03-24 16:00", "CORRECTED - VANTEC <VNT> FORMS SALES GROUPS")
    assert "contradiction" not in relations(fixed, first)


def test_one_template_sentence_in_two_stories_is_not_one_figure():
    one = claims_of("A", "The issue has a 5/8 pct fee for management and underwriting, the lead manager said.",
                    "1987-03-03 09:00", "ORRIN FUNDING ISSUES 100 MLN DLR EUROBOND")
    two = claims_of("B", "The issue has a 5/8 pct fee for management and underwriting, the lead manager said.",
                    "1987-03-03 11:00", "TALLIS BANK ISSUES 50 MLN DLR EUROBOND")
    assert relations(two, one) == []


def test_a_toll_in_one_named_place_is_not_any_toll_of_the_same_countrys_news():
    first = claims_of("A", "Sixty people were reported killed on Monday.", "1987-03-24 07:00",
                      "SECOND BORVANIA BOMBING KILLS 22")
    other = claims_of("B", "Around 45 people died in Kessel Ford, officials said.", "1987-03-25 05:00",
                      "BORVANIA SAYS AIR RAID KILLED ALMOST 150")
    assert relations(other, first) == []


def test_an_events_toll_links_across_reports_that_name_no_holder():
    day1 = claims_of("A", "Officials said 300 people were killed and at least 4,000 remain missing after the earthquake.",
                     "1987-03-11 09:00", "QUAKE IN MARAVAL KILLS 300")
    day3 = claims_of("B", "Roughly 1,000 people are dead or missing, the president told reporters.",
                     "1987-03-13 09:00", "MARAVAL QUAKE TOLL RISES")
    assert relations(day3, day1) == ["update"]


def test_a_figure_with_no_holder_and_no_shared_story_is_linked_to_nothing():
    one = claims_of("A", "The fund raised 40 mln dlrs from investors.", "1987-03-02 09:00", "FIRST FUND CLOSES")
    two = claims_of("B", "The fund raised 40 mln dlrs from investors.", "1987-03-09 09:00", "SECOND FUND CLOSES")
    assert relations(two, one) == []


def test_a_misprinted_figure_contradicts_nothing():
    first = claims_of("A", "Avg shrs 7,033,00 vs 6,557,000", "1987-03-06 11:00", "ORLAN CORP <ORL> 1ST QTR NET")
    second = claims_of("B", "Avg shrs 7,033,000 vs 6,557,000", "1987-03-06 13:00", "ORLAN CORP <ORL> 1ST QTR NET")
    assert "contradiction" not in relations(second, first)


def test_a_rate_and_a_count_of_the_same_thing_are_two_measures():
    rate = claims_of("A", "A spokesman for the port of Porto Vell said movement of ships was running at about "
                          "12 a day.", "1987-03-05 13:00", "PORTO VELL SEAMEN HOLD PAY TALKS")
    count = claims_of("B", "Port sources said only two ships in Porto Vell were working.", "1987-03-06 14:00",
                      "STRIKE SLOWS PORTO VELL")
    assert relations(count, rate) == []


def test_small_counts_in_words_never_link():
    one = claims_of("A", "The minister said there were two separate issues to settle before the vote.",
                    "2005-02-01 10:00", "MINISTER SETS TERMS")
    two = claims_of("B", "The minister said there were two separate issues to settle before the vote.",
                    "2005-02-01 14:00", "MINISTER SETS TERMS")
    assert relations(two, one) == []


def test_a_span_of_time_never_links():
    one = claims_of("A", "Downloads reached 200 million tracks over the past 12 months, the trade body said.",
                    "2005-01-10 09:00", "DOWNLOADS SOAR")
    two = claims_of("B", "Downloads reached 200 million tracks over the past 12 months, the trade body said.",
                    "2005-01-10 15:00", "DOWNLOADS SOAR")
    surface = dict(zip(two["claim_id"], two["surface"]))
    linked = sorted(surface[m.new_id] for m in match_claims(two, one))
    assert linked == ["200 million"]  # the tracks, not the twelve months
