"""Issue 12's flag rules for claims: a contradiction only about the same holder, measure and period.

Each test relates claims extracted from short texts written for it (wire copy, results lines, a
broadcaster's page, a press release), through the real extractor and matcher.
"""
from __future__ import annotations

from dataclasses import asdict

import pandas as pd

from claimtrack.stages.extract import extract_text
from claimtrack.stages.match import match_claims
from claimtrack.stages.match.frames import check_pair


def claims_of(article_id, text, date, title=None, lang=None):
    """The claims table rows of one article as the match stage hands them over."""
    _, claims = extract_text(text, article_id)
    rows = []
    for c in claims:
        row = asdict(c)
        row.update(published_at=pd.Timestamp(date, tz="UTC") if date else pd.NaT, source="Wire",
                   title=title, lang=lang)
        rows.append(row)
    return pd.DataFrame(rows)


def relations(new, history):
    return sorted(m.relation for m in match_claims(new, history))


def test_the_same_companys_trapped_count_raised_without_saying_so_is_a_contradiction():
    first = claims_of("A", "<Corvel Mining Inc> said a fire at its Tarn mine trapped 44 miners on Thursday.",
                      "1987-04-02 12:00", "CORVEL MINE SHUT BY FIRE")
    later = claims_of("B", "<Corvel Mining Inc> said a total of 61 miners were trapped below ground yesterday.",
                      "1987-04-03 11:00", "CORVEL GIVES NEW COUNT OF TRAPPED MINERS")
    matches = match_claims(later, first)
    flags = [m for m in matches if m.relation == "contradiction"]
    assert len(flags) == 1
    assert 0.5 < flags[0].confidence <= 1
    assert flags[0].evidence.startswith("holder: Corvel Mining Inc; measure: miner trapped; period: ")


def test_a_later_figure_that_says_it_revises_is_an_update():
    first = claims_of("A", "<Corvel Mining Inc> said a fire at its Tarn mine trapped 44 miners on Thursday.",
                      "1987-04-02 12:00", "CORVEL MINE SHUT BY FIRE")
    later = claims_of("B", "<Corvel Mining Inc> said in a revised count that 57 miners were trapped in the mine.",
                      "1987-04-03 11:00", "CORVEL REVISES COUNT")
    assert relations(later, first) == ["update"]


def test_trapped_and_killed_miners_are_different_measures():
    first = claims_of("A", "The fire at the Tarn mine of <Corvel Mining Inc> trapped 44 miners.",
                      "1987-04-02 12:00", "CORVEL MINE FIRE")
    later = claims_of("B", "At the Tarn mine of <Corvel Mining Inc> one miner died in the fire.",
                      "1987-04-02 15:00", "CORVEL MINER DIES")
    assert "contradiction" not in relations(later, first)


def test_results_lines_of_two_companies_are_never_related():
    a = claims_of("A", "Oper net profit 1,165,000 vs loss 5,919,000\nRevs 40.2 mln vs 38.1 mln",
                  "1987-03-02 11:00", "KELTRON INC <KLT> 4TH QTR NET")
    b = claims_of("B", "Oper net profit 512,000 vs loss 2,087,000\nRevs 12.9 mln vs 11.2 mln",
                  "1987-03-02 13:00", "HYDRALUX CORP <HYX> 4TH QTR NET")
    assert relations(b, a) == []


def test_a_corrected_results_line_of_the_same_company_repeats():
    a = claims_of("A", "Shr loss 20 cts vs loss 81 cts\nNet loss 1,300,000 vs loss 5,200,000",
                  "1987-03-23 14:00", "ORLAND NATIONAL CORP <ORL> 4TH QTR LOSS")
    b = claims_of("B", "Shr loss 20 cts vs loss 81 cts\nNet loss 1,300,000 vs loss 5,200,000",
                  "1987-03-24 13:00", "CORRECTED - ORLAND NATIONAL CORP <ORL> 4TH QTR LOSS")
    got = relations(b, a)
    assert "repeat" in got and "contradiction" not in got


def test_weekly_reports_of_different_weeks_do_not_contradict():
    a = claims_of("A", "Cocoa arrivals at the port of Ilheus in the week ended March 13 were 120,000 bags.",
                  "1987-03-16 10:00", "ILHEUS COCOA ARRIVALS")
    b = claims_of("B", "Cocoa arrivals at the port of Ilheus in the week ended March 20 were 95,000 bags.",
                  "1987-03-23 10:00", "ILHEUS COCOA ARRIVALS")
    assert "contradiction" not in relations(b, a)


def test_a_daily_market_operation_is_a_series_not_a_conflict():
    a = claims_of("A", "The Bank of Arlen said it gave the money market around 550 mln crowns assistance.",
                  "1987-03-16 15:00", "ARLEN BANK GIVES MONEY MARKET HELP")
    b = claims_of("B", "The Bank of Arlen said it gave the money market around 120 mln crowns assistance.",
                  "1987-03-17 15:00", "ARLEN BANK GIVES MONEY MARKET HELP")
    assert relations(b, a) == []


def test_two_figures_of_the_same_morning_report_do_conflict_the_same_day():
    a = claims_of("A", "Some 40,000 residents of Marlow County were evacuated on Monday, officials said.",
                  "2021-08-02 08:00", "FLOODS HIT MARLOW COUNTY")
    b = claims_of("B", "Some 12,000 residents of Marlow County were evacuated on Monday, officials said.",
                  "2021-08-02 10:00", "MARLOW COUNTY FLOODS")
    assert relations(b, a) == ["contradiction"]


def test_articles_in_two_languages_are_not_matched():
    a = claims_of("A", "Some 40,000 residents of Marlow County were evacuated, officials said.", "2021-08-02 08:00",
                  lang="en")
    b = claims_of("B", "Some 12,000 residents of Marlow County were evacuated, officials said.", "2021-08-02 10:00",
                  lang="de")
    assert relations(b, a) == []
    assert relations(b.assign(lang=None), a) == ["contradiction"]  # unknown: no reason to keep apart


def test_undated_articles_are_neither_contradictions_nor_updates():
    a = claims_of("A", "Some 40,000 residents of Marlow County were evacuated, officials said.", None)
    b = claims_of("B", "Some 12,000 residents of Marlow County were evacuated, officials said.", "2021-08-02 10:00")
    assert relations(b, a) == [] and relations(a, b) == []


def test_every_claim_match_carries_confidence_and_evidence():
    a = claims_of("A", "Some 40,000 residents of Marlow County were evacuated, officials said.", "2021-08-02 08:00")
    b = claims_of("B", "About 40,000 residents of Marlow County were evacuated, officials said.", "2021-08-02 10:00")
    matches = match_claims(b, a)
    assert matches and all(0 <= m.confidence <= 1 and m.evidence.startswith("holder: ") for m in matches)


def test_check_pair_keeps_a_link_only_without_conflicting_frames():
    base = {"measure": "net profit", "period": "1986-Q4", "published_at": "1987-03-02", "sentence": "x"}
    acme, bolt = base | {"holder": "Acme"}, base | {"holder": "Bolt"}
    assert check_pair("consistent", acme, acme | {"published_at": "1987-03-03"}, 0.9).relation == "consistent"
    assert check_pair("consistent", acme, bolt, 0.9).relation == ""
    assert check_pair("contradiction", acme, acme | {"period": "1986-Q3"}, 0.9).relation == ""
    # an unknown holder is not a different one, but it proves nothing either: no link
    unknown = base | {"holder": None, "title": None}
    assert check_pair("consistent", acme, unknown, 0.9).relation == ""
    assert check_pair("contradiction", acme, unknown, 0.9).relation == ""


def test_two_reports_of_one_story_that_name_no_holder_can_conflict():
    text = "Officials said the budget deficit would be around {} this year."
    title = "KALMAR BUDGET DEFICIT SEEN LOWER"
    a = claims_of("A", text.format("600 mln dlrs"), "1987-03-20 08:00", title)
    b = claims_of("B", text.format("1,200 mln dlrs"), "1987-03-20 11:00", title)
    flags = [m for m in match_claims(b, a) if m.relation == "contradiction"]
    assert len(flags) == 1 and "the story" in flags[0].evidence
    # under another headline nothing says it is the same figure
    assert "contradiction" not in relations(b.assign(title="KALMAR TRADE GAP WIDENS"), a)
    # one headline, no measure on either side and other words: nothing says what the figures count
    a = claims_of("A", "Overall it came in around 600 mln dlrs above the plan, officials said.",
                  "1987-03-20 08:00", title)
    b = claims_of("B", "Around 1,200 mln dlrs more is now expected by the end of the year, a source said.",
                  "1987-03-20 11:00", title)
    assert "contradiction" not in relations(b, a)


def test_a_month_a_maturity_and_a_shared_possibility_do_not_block_a_conflict():
    from claimtrack.stages.match.nouns import can_contradict, is_hypothetical, is_margin_or_ratio
    assert not is_hypothetical("It asked to extend credit lines of 32 bln dlrs until May 31.", "32 bln dlrs")
    assert is_hypothetical("Prices may rise by 5 pct.", "5 pct")
    assert not is_margin_or_ratio("It offered 540 mln dlrs in 30-year bonds.", "540 mln dlrs")
    assert not is_margin_or_ratio("It is issuing 100 mln francs of five year notes.", "100 mln francs")
    assert is_margin_or_ratio("Four of the seven members voted.", "Four")
    could = {"sentence": "Imports could reach a maximum {} of the stock.", "qualifier": "exact", "noun": "stock"}
    a, b = (could | {"sentence": could["sentence"].format(v), "surface": v} for v in ("5 pct", "10 pct"))
    fact = {"sentence": "Imports reached 10 pct of the stock.", "surface": "10 pct", "qualifier": "exact", "noun": "stock"}
    assert can_contradict(a, b, "above") and not can_contradict(a, fact, "above")


def test_a_recurring_headline_on_another_day_is_not_one_story():
    text = "The Agriculture Department estimated cattle slaughter at {} head."
    title = "ESTIMATED DAILY CATTLE SLAUGHTER"
    a = claims_of("A", text.format("128,000"), "1987-04-21 16:00", title)
    b = claims_of("B", text.format("35,000"), "1987-04-24 16:00", title)
    assert "contradiction" not in relations(b, a)
    # the same day's two estimates do conflict
    assert "contradiction" in relations(b.assign(published_at=pd.Timestamp("1987-04-21 19:00", tz="UTC")), a)


def test_a_contradiction_needs_a_known_measure():
    # the same company and quarter, but neither side says what its figure counts (a results
    # line's "vs" figure): nothing proves the two figures measure one thing
    known = {"holder": "Acme", "measure": "net profit", "period": "1986-Q4", "published_at": "1987-03-02",
             "sentence": "x"}
    assert check_pair("contradiction", known, known | {"published_at": "1987-03-03"}, 0.9).relation == "contradiction"
    bare = known | {"measure": None}
    assert check_pair("contradiction", bare, bare | {"published_at": "1987-03-03"}, 0.9).relation == ""
    # the counted noun the matcher blocked on is a measure too
    assert check_pair("contradiction", bare, bare | {"published_at": "1987-03-03"}, 0.9,
                      measure_key="miners|").relation == "contradiction"


def test_the_same_long_sentence_with_a_figure_changed_states_the_same_measure():
    # neither frame names the measure, but the wording around both figures is the same
    base = {"holder": "Acme", "measure": None, "period": "1986-Q4", "published_at": "1987-03-02"}
    said = "Acme chairman Ann Lee told reporters the company expected about {} from the sale of its unit."
    a = base | {"sentence": said.format("120 mln dlrs")}
    b = base | {"sentence": said.format("240 mln dlrs"), "published_at": "1987-03-03"}
    assert check_pair("contradiction", a, b, 0.9).relation == "contradiction"
    # a short results line worded alike says nothing about what its figures count
    a = base | {"sentence": "Oper shr 1.14 dlrs vs 1.03 dlrs"}
    b = base | {"sentence": "Oper shr 1.62 dlrs vs 1.33 dlrs", "published_at": "1987-03-03"}
    assert check_pair("contradiction", a, b, 0.9).relation == ""
