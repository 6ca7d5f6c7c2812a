"""match_claims on hand-made claims: blocking, interval relations, time windows, detail."""
from __future__ import annotations

import math
from dataclasses import asdict
from datetime import timedelta

import pandas as pd
import pytest

from claimtrack.stages.match import MatchSettings, match_claims
from claimtrack.stages.match.nouns import concept_key, noun_key
from claimtrack.stages.match.relate import relate_one
from claimtrack.records import CLAIM_RELATIONS, Claim, stable_id

INF = math.inf


def claim(cid, article, surface, value, low, high, qualifier, noun, subject, sentence,
          date, source="Wire", unit=None, speaker=None):
    """One claims-table row as the pipeline hands it over: Claim fields + article columns."""
    start = sentence.lower().find(surface.lower())
    c = Claim(claim_id=cid, article_id=article, surface=surface, value=value, low=low, high=high,
              qualifier=qualifier, start=max(start, 0), end=max(start, 0) + len(surface),
              unit=unit, noun=noun, subject=list(subject), speaker=speaker, sentence=sentence)
    row = asdict(c)
    row["published_at"] = pd.Timestamp(date, tz="UTC") if date else pd.NaT
    row["source"] = source
    row["title"] = None
    return row


def frame(*rows):
    df = pd.DataFrame(list(rows))
    df["published_at"] = pd.to_datetime(df["published_at"], utc=True)
    return df


# an earlier report about a province under threat, and a refugee figure in the same article
EARLIER = [
    claim("c-3m", "A1", "more than 3 million", 3e6, 3e6, INF, "at_least", "civilians", ["Ravenna"],
          "The offensive threatens Ravenna, where more than 3 million civilians are at risk.",
          "2021-05-10", source="Daily Ledger"),
    claim("c-ref", "A1", "2.5 million", 2.5e6, 2.5e6, 2.5e6, "exact", "displaced refugees", ["Carth"],
          "Officials hope to send home some of the 2.5 million displaced refugees in Carth.",
          "2021-05-10", source="Daily Ledger"),
]


def by_relation(matches):
    return {m.relation: m for m in matches}


def test_lower_figure_within_days_is_a_contradiction_with_a_readable_detail():
    new = frame(claim("n1", "B1", "some 2 million", 2e6, 1.8e6, 2.2e6, "approx", "civilians",
                      ["Ravenna"], "Some 2 million civilians are at risk in Ravenna, aid groups say.",
                      "2021-05-12", source="Evening Post"))
    matches = match_claims(new, frame(*EARLIER))
    assert [(m.relation, m.earlier_id) for m in matches] == [("contradiction", "c-3m")]
    m = matches[0]
    assert m.kind == "claim" and m.new_id == "n1"
    assert m.match_id == stable_id("claim", "n1", "c-3m")
    assert 0.6 <= m.score <= 1.0
    assert m.detail.startswith("Daily Ledger, 10 May 2021: more than 3 million civilians")
    assert "Evening Post, 12 May 2021: some 2 million civilians" in m.detail
    assert "below the earlier lower bound" in m.detail and "2 days apart" in m.detail


def test_repeated_figure_with_a_shorter_noun_is_a_repeat_and_never_flagged():
    new = frame(claim("n2", "B2", "2.5 million", 2.5e6, 2.5e6, 2.5e6, "exact", "refugees", ["Carth"],
                      "Carth hosts 2.5 million refugees, more than any other country.", "2021-05-13"))
    matches = match_claims(new, frame(*EARLIER))
    assert [(m.relation, m.earlier_id) for m in matches] == [("repeat", "c-ref")]


def test_rounded_figure_within_tolerance_is_consistent():
    new = frame(claim("n3", "B3", "about 2.4 million", 2.4e6, 2.16e6, 2.64e6, "approx", "refugees",
                      ["Carth"], "About 2.4 million refugees live in Carth.", "2021-05-10 18:00"))
    assert [m.relation for m in match_claims(new, frame(*EARLIER))] == ["consistent"]


def test_people_are_not_civilians_and_other_places_do_not_match():
    new = frame(
        claim("n4", "B4", "2 million", 2e6, 2e6, 2e6, "exact", "people", ["Ravenna"],
              "Ravenna has 2 million people.", "2021-05-12"),
        claim("n5", "B4", "1 million", 1e6, 1e6, 1e6, "exact", "civilians", ["Ostia"],
              "In Ostia 1 million civilians are at risk.", "2021-05-12"),
    )
    assert match_claims(new, frame(*EARLIER)) == []


def test_same_gap_after_the_contradiction_window_is_no_flag():
    new = frame(claim("n6", "B6", "some 2 million", 2e6, 1.8e6, 2.2e6, "approx", "civilians",
                      ["Ravenna"], "Some 2 million civilians are at risk in Ravenna.", "2021-06-20"))
    # six weeks on, with no period named, the figure is the series read again: no flag, no link
    assert match_claims(new, frame(*EARLIER)) == []
    # a wider window turns the same pair back into a contradiction
    wide = MatchSettings(contradiction_window=timedelta(days=60))
    assert [x.relation for x in match_claims(new, frame(*EARLIER), wide)] == ["contradiction"]


def test_history_older_than_the_update_window_is_ignored():
    new = frame(claim("n7", "B7", "some 2 million", 2e6, 1.8e6, 2.2e6, "approx", "civilians",
                      ["Ravenna"], "Some 2 million civilians are at risk in Ravenna.", "2023-01-01"))
    assert match_claims(new, frame(*EARLIER)) == []


def test_rising_death_toll_is_an_update_but_a_falling_one_is_a_contradiction():
    hist = frame(claim("d1", "Q1", "at least 40", 40, 40, INF, "at_least", "people", ["Velmora"],
                       "The earthquake in Velmora killed at least 40 people, officials said.",
                       "2022-03-01 08:00"))
    up = frame(claim("d2", "Q2", "120", 120, 120, 120, "exact", "dead", ["Velmora"],
                     "Rescuers in Velmora have counted 120 dead after the earthquake.",
                     "2022-03-02 09:00"))
    assert [m.relation for m in match_claims(up, hist)] == ["consistent"]  # 120 >= 40
    hist2 = frame(claim("d3", "Q3", "300", 300, 300, 300, "exact", "people", ["Velmora"],
                        "The earthquake in Velmora killed 300 people, officials said.",
                        "2022-03-02 08:00"))
    higher = frame(claim("d4", "Q4", "1,000", 1000, 1000, 1000, "exact", "dead", ["Velmora"],
                         "The earthquake in Velmora has left 1,000 dead, officials said.",
                         "2022-03-04 08:00"))
    lower = frame(claim("d5", "Q5", "150", 150, 150, 150, "exact", "dead", ["Velmora"],
                        "The earthquake in Velmora has left 150 dead, officials said.",
                        "2022-03-04 08:00"))
    assert [m.relation for m in match_claims(higher, hist2)] == ["update"]
    assert [m.relation for m in match_claims(lower, hist2)] == ["contradiction"]


def test_deaths_never_link_to_homeless_in_the_same_sentence():
    sentence = "The quake killed 300 people and left 4,000 people homeless in Velmora."
    hist = frame(
        claim("h1", "Q1", "300", 300, 300, 300, "exact", "people", ["Velmora"], sentence, "2022-03-02"),
        claim("h2", "Q1", "4,000", 4000, 4000, 4000, "exact", "people", ["Velmora"], sentence, "2022-03-02"),
    )
    new = frame(claim("h3", "Q2", "20,000", 20000, 20000, 20000, "exact", "homeless", ["Velmora"],
                      "Aid agencies said 20,000 were homeless in Velmora.", "2022-03-05"))
    got = [(m.relation, m.earlier_id) for m in match_claims(new, hist)]
    assert got == [("update", "h2")]


def test_same_article_is_never_related_and_new_rows_meet_earlier_new_rows():
    a = claim("w1", "S1", "80 percent", 80, 80, 80, "exact", "voters", ["Port Elm"],
              "Turnout in Port Elm reached 80 percent of voters.", "2020-01-01", unit="percent")
    b = claim("w2", "S1", "40 percent", 40, 40, 40, "exact", "voters", ["Port Elm"],
              "Turnout in Port Elm reached 40 percent of voters.", "2020-01-01", unit="percent")
    c = claim("w3", "S2", "40 pct", 40, 40, 40, "exact", "voters", ["Port Elm"],
              "Turnout in Port Elm reached 40 pct of voters.", "2020-01-01 09:00", unit="pct")
    got = {(m.new_id, m.earlier_id, m.relation) for m in match_claims(frame(a, b, c), frame(*EARLIER))}
    # w2 never meets w1 (same article); w3 meets both, and nothing meets a later row; w3 does
    # not contradict w1, because w1's article also gives w3's figure (w2)
    assert got == {("w3", "w2", "repeat")}
    got = {(m.new_id, m.earlier_id, m.relation) for m in match_claims(frame(a, c), frame(*EARLIER))}
    assert got == {("w3", "w1", "contradiction")}


def test_unrelated_context_is_not_matched():
    hist = frame(claim("u1", "U1", "800 mln dlrs", 8e8, 8e8, 8e8, "exact", None, ["Norland"],
                       "Norland expects to lose about 800 mln dlrs in oil revenue.", "1990-03-09",
                       unit="USD"))
    new = frame(claim("u2", "U2", "150 mln dlrs", 1.5e8, 1.5e8, 1.5e8, "exact", None, ["Norland"],
                      "Repairing the damaged pipeline in Norland will cost 150 mln dlrs.", "1990-03-10",
                      unit="USD"))
    assert match_claims(new, hist) == []


def test_empty_frames_and_undated_articles():
    assert match_claims(pd.DataFrame(), pd.DataFrame()) == []
    new = frame(claim("x1", "X1", "some 2 million", 2e6, 1.8e6, 2.2e6, "approx", "civilians",
                      ["Ravenna"], "Some 2 million civilians are at risk in Ravenna.", None, source=None))
    assert match_claims(new, pd.DataFrame()) == []
    # an undated article is never "the same moment" as a dated one: disjoint figures are neither a
    # contradiction nor an update (nothing says which came first)
    assert match_claims(new, frame(*EARLIER)) == []
    # ... while a figure that agrees is still linked, and the detail says it is undated
    same = frame(claim("x2", "X2", "more than 3 million", 3e6, 3e6, INF, "at_least", "civilians", ["Ravenna"],
                       "More than 3 million civilians are at risk in Ravenna.", None, source=None))
    matches = match_claims(same, frame(*EARLIER))
    assert [m.relation for m in matches] == ["repeat"]
    assert "unnamed source, undated: more than 3 million" in matches[0].detail


def test_at_most_one_match_per_relation_and_the_best_one():
    near = claim("b1", "E1", "2.5 million", 2.5e6, 2.5e6, 2.5e6, "exact", "refugees", ["Carth"],
                 "Carth hosts 2.5 million refugees, the agency said.", "2021-05-11")
    far = claim("b2", "E2", "2.5 million", 2.5e6, 2.5e6, 2.5e6, "exact", "refugees", ["Carth"],
                "The budget of Carth assumes 2.5 million refugees in total.", "2021-05-12")
    new = frame(claim("b3", "E3", "2.5 million", 2.5e6, 2.5e6, 2.5e6, "exact", "refugees", ["Carth"],
                      "Carth hosts 2.5 million refugees, the agency said on Monday.", "2021-05-13"))
    matches = match_claims(new, frame(near, far))
    assert [(m.relation, m.earlier_id) for m in matches] == [("repeat", "b1")]
    assert all(m.relation in CLAIM_RELATIONS for m in matches)


@pytest.mark.parametrize("earlier,later,expected", [
    ((3e6, 3e6, INF, "at_least"), (3.1e6, 3.1e6, 3.1e6, "exact"), "consistent"),
    ((3e6, 2.7e6, 3.3e6, "approx"), (3.1e6, 3.1e6, 3.1e6, "exact"), "consistent"),
    ((3e6, 3e6, INF, "at_least"), (2e6, 1.8e6, 2.2e6, "approx"), "contradiction"),
    ((100, 100, 100, "exact"), (104, 104, 104, "exact"), "consistent"),
    ((100, 100, 100, "exact"), (112, 112, 112, "exact"), "contradiction"),
    ((100, 0, 100, "at_most"), (90, 90, 90, "exact"), "consistent"),
    ((12, 12, 12, "exact"), (12, 12, 12, "exact"), "repeat"),
])
def test_interval_relations(earlier, later, expected):
    keys = ("value", "low", "high", "qualifier")
    assert relate_one(dict(zip(keys, earlier)), dict(zip(keys, later)))[0] == expected


def test_noun_keys():
    assert noun_key("Syrian refugees") == noun_key("refugees") == "refugee"
    assert noun_key("people") != noun_key("civilians")
    assert noun_key("fatalities") == noun_key("deaths") == "dead"
    assert concept_key("people", "Floods left 500 people homeless and killed 12.", "500") == "homeless"
    assert concept_key("people", "Floods left 500 people homeless and killed 12.", "12") == "dead"
    assert concept_key("ships", "The strike idled 150 ships.", "150") == "ship"


def test_batch_rows_meet_a_bounded_number_of_earlier_rows():
    from claimtrack.stages.match.blocking import candidate_pairs

    n = 40
    new = pd.DataFrame({"row": range(n), "block": [7] * n, "article_id": range(n), "order": range(n),
                        "t": [0.0] * n})
    pool = new.assign(row=new["row"] + 100)  # the batch rows again, as pool rows 100..
    pairs = candidate_pairs(new, pool, cap=5)
    per_row = pairs.groupby("new_row").size()
    assert per_row.max() == 5 and per_row.loc[3] == 3 and 0 not in per_row.index
    # each pairs with the rows right before it (by pool number), never with itself or later ones
    assert set(pairs.loc[pairs["new_row"] == 10, "pool_row"]) == {105, 106, 107, 108, 109}


def test_units_on_one_scale_in_the_pipeline_matcher():
    from claimtrack.stages.match.units import canonical, grain
    assert canonical("miles")[0] == canonical("km")[0] == "m"
    assert grain("3.5 million", 3.5e6) == 100000.0
    rows = []
    for cid, art, surface, value, unit, day in (("e", "A", "100 feet", 100.0, "ft", "2020-01-01"),
                                                ("n", "B", "30.5 meters", 30.5, "m", "2020-01-02"),
                                                ("x", "C", "60 meters", 60.0, "m", "2020-01-02")):
        rows.append(dict(claim_id=cid, article_id=art, surface=surface, value=value, low=value, high=value,
                         qualifier="exact", unit=unit, noun="wall", subject=["Arlo"],
                         sentence=f"The wall in Arlo is {surface} high.", source=art,
                         published_at=pd.Timestamp(day, tz="UTC")))
    hist = pd.DataFrame(rows[:1])
    got = {m.new_id: m.relation for m in match_claims(pd.DataFrame(rows[1:]), hist)}
    assert got["n"] == "consistent" and got["x"] == "contradiction"


def test_opposite_directions_of_one_change_conflict_in_the_pipeline_matcher():
    rows = []
    for cid, art, verb, day in (("e", "A", "fell", "2020-01-01"), ("n", "B", "rose", "2020-01-02"),
                                ("s", "C", "dropped", "2020-01-02")):
        rows.append(dict(claim_id=cid, article_id=art, surface="4%", value=4.0, low=4.0, high=4.0,
                         qualifier="exact", unit="%", noun="exports", subject=["Arlo"],
                         sentence=f"Exports from Arlo {verb} 4% in March.", source=art,
                         published_at=pd.Timestamp(day, tz="UTC")))
    got = {(m.new_id, m.earlier_id): m for m in match_claims(pd.DataFrame(rows[1:]), pd.DataFrame(rows[:1]))}
    assert got[("n", "e")].relation == "contradiction" and "rose" in got[("n", "e")].detail
    assert got[("s", "e")].relation == "repeat"


def test_the_written_edge_of_a_bound_is_exact():
    up_to = {"value": 5e9, "low": 0.0, "high": 5e9, "qualifier": "at_most"}
    more_than = {"value": 3e6, "low": 3e6, "high": 6e6, "qualifier": "at_least"}
    exact = lambda v: {"value": v, "low": v, "high": v, "qualifier": "exact"}  # noqa: E731
    assert relate_one(up_to, exact(5.3e9))[0] == "contradiction"   # tolerance would have let it in
    assert relate_one(up_to, exact(5e9))[0] == "consistent"
    assert relate_one(more_than, exact(2.8e6))[0] == "contradiction"
    assert relate_one(more_than, exact(6.2e6))[0] == "consistent"  # the estimated upper edge keeps slack
    assert relate_one(more_than, {"value": 6e6, "low": 6e6, "high": 12e6, "qualifier": "at_least"})[0] == "consistent"


# ---------------------------------------------------------------- who, when: precision rules

def titled(row, title):
    return {**row, "title": title}


def results_line(cid, article, value, title, date, subject=(), sentence=None):
    surface = f"{value} mln"
    sentence = sentence or f"Net profit {surface} vs 2.0 mln"
    return titled(claim(cid, article, surface, value * 1e6, value * 1e6, value * 1e6, "exact", "profit",
                        list(subject), sentence, date), title)


def test_different_companies_results_lines_never_contradict():
    # the same counted thing, no subject, headlines that name two companies
    hist = frame(results_line("r1", "RA", 5.1, "ACME WIDGETS <ACW> 4TH QTR NET", "1987-03-02"))
    other = frame(results_line("r2", "RB", 9.4, "BOLT TOOLS <BLT> 4TH QTR NET", "1987-03-03"))
    assert [m.relation for m in match_claims(other, hist)] == []
    # another figure for the same company's quarter is a conflict a reviewer must see ...
    fixed = frame(results_line("r3", "RC", 9.4, "ACME WIDGETS <ACW> 4TH QTR NET", "1987-03-03"))
    assert [m.relation for m in match_claims(fixed, hist)] == ["contradiction"]
    # ... unless its headline says it corrects the first: then it is an update
    said = frame(results_line("r4", "RD", 9.4, "ACME WIDGETS <ACW> CORRECTS 4TH QTR NET", "1987-03-03"))
    assert [m.relation for m in match_claims(said, hist)] == ["update"]
    # ... and without headlines there is no evidence of one company at all
    bare = [{**r, "title": None} for r in (hist.iloc[0].to_dict(), fixed.iloc[0].to_dict())]
    assert match_claims(frame(bare[1]), frame(bare[0])) == []


def test_a_subject_shared_by_many_articles_is_no_evidence_of_one_entity():
    def deal(cid, art, value, company, day):
        return claim(cid, art, f"{value} mln dlrs", value * 1e6, value * 1e6, value * 1e6, "exact", "debentures",
                     [company, "Treasury"], f"{company} sold {value} mln dlrs of debentures priced over Treasury notes.",
                     day, unit="USD")
    hist = frame(deal("t1", "TA", 200, "Acme", "1990-01-02"))
    new = frame(deal("t2", "TB", 100, "Bolt", "1990-01-03"))
    # the figures are Acme's and Bolt's (the claim frame's holder): a shared "Treasury" does not
    # make them one entity's, in a small archive or a large one
    assert match_claims(new, hist) == []
    hub = MatchSettings(entity_min_articles=1, entity_max_share=0.1)
    assert match_claims(new, hist, hub) == []
    # the same company's two figures for one sale do conflict
    assert [m.relation for m in match_claims(frame(deal("t5", "TE", 100, "Acme", "1990-01-02 08:00")), hist)] == \
        ["contradiction"]
    # and two companies' full names, each missing from the other claim, are two entities
    hist = frame(deal("t3", "TC", 200, "Acme Widgets Corp", "1990-01-02"))
    new = frame(deal("t4", "TD", 100, "Bolt Tools Inc", "1990-01-03"))
    assert match_claims(new, hist) == []


def test_a_capitalised_first_word_is_not_a_name():
    hist = frame(titled(claim("a1", "AA", "705 mln", 705e6, 705e6, 705e6, "exact", "assets", ["Assets"],
                              "Assets 705 mln vs 597 mln", "1987-03-02"), "ACME SAVINGS YEAR NET"))
    new = frame(titled(claim("a2", "AB", "98 mln", 98e6, 98e6, 98e6, "exact", "assets", ["Assets"],
                             "Assets 98 mln vs 96 mln", "1987-03-03"), "BOLT BANK 1ST QTR NET"))
    assert [m.relation for m in match_claims(new, hist)] == []
    # a name that opens the sentence and the headline is a name
    hist = frame(titled(claim("a3", "AC", "705 mln", 705e6, 705e6, 705e6, "exact", "assets", ["Acme"],
                              "Acme holds assets of 705 mln.", "1987-03-02"), "ACME SAVINGS GROWS"))
    new = frame(titled(claim("a4", "AD", "98 mln", 98e6, 98e6, 98e6, "exact", "assets", ["Acme"],
                             "Acme holds assets of 98 mln.", "1987-03-03"), "ACME TO SELL BRANCHES"))
    assert [m.relation for m in match_claims(new, hist)] == ["contradiction"]
    # ... but not a results line's first word that the headline only mentions later
    hist = frame(titled(claim("a5", "AE", "5.1 mln", 5.1e6, 5.1e6, 5.1e6, "exact", "net", ["Net"],
                              "Net 5.1 mln vs 2.0 mln", "1987-03-02"), "ACME WIDGETS 4TH QTR NET"))
    new = frame(titled(claim("a6", "AF", "9.4 mln", 9.4e6, 9.4e6, 9.4e6, "exact", "net", ["Net"],
                             "Net 9.4 mln vs 3.0 mln", "1987-03-03"), "BOLT TOOLS 4TH QTR NET"))
    assert [m.relation for m in match_claims(new, hist)] == []


def test_figures_for_different_periods_do_not_contradict():
    def sales(cid, art, value, sentence, day):
        return claim(cid, art, f"{value} mln dlrs", value * 1e6, value * 1e6, value * 1e6, "exact", "sales",
                     ["Acme"], sentence.format(f"{value} mln dlrs"), day, unit="USD")
    hist = frame(sales("p1", "PA", 40, "Acme had 1986 sales of {}.", "1987-03-02"))
    quarter = frame(sales("p2", "PB", 9, "Acme had first quarter 1986 sales of {}.", "1987-03-03"))
    other_year = frame(sales("p3", "PC", 55, "Acme had 1985 sales of {}.", "1987-03-03"))
    same = frame(sales("p4", "PD", 55, "Acme had 1986 sales of {}.", "1987-03-03"))
    assert match_claims(quarter, hist) == [] and match_claims(other_year, hist) == []
    assert [m.relation for m in match_claims(same, hist)] == ["contradiction"]


def test_the_base_of_a_comparison_is_an_earlier_period():
    hist = frame(claim("v1", "VA", "4.0 mln", 4e6, 4e6, 4e6, "exact", "profit", ["Acme"],
                       "Acme net profit 6.5 mln vs 4.0 mln", "1987-03-02"))
    new = frame(claim("v2", "VB", "6.4 mln", 6.4e6, 6.4e6, 6.4e6, "exact", "profit", ["Acme"],
                      "Acme net profit 6.4 mln vs 4.1 mln", "1987-03-03"))
    # last year's 4.0 mln is not this year's 6.4 mln: no conflict
    assert "contradiction" not in {m.relation for m in match_claims(new, hist)}


def test_an_earlier_article_that_also_gives_the_new_figure_is_not_contradicted():
    sentence = "Arlo crude sold at 15 dlrs a barrel after months at 12 dlrs a barrel."
    def price(cid, art, surface, value, day):
        return titled(claim(cid, art, surface, value, value, value, "exact", "crude", ["Arlo"], sentence, day,
                            unit="USD/barrel"), "ARLO CRUDE PRICE RISES")
    hist = frame(price("b1", "BA", "15 dlrs a barrel", 15.0, "1987-03-02"),
                 price("b2", "BA", "12 dlrs a barrel", 12.0, "1987-03-02"))
    new = frame(price("b3", "BB", "12 dlrs a barrel", 12.0, "1987-03-03"))
    assert {(m.relation, m.earlier_id) for m in match_claims(new, hist)} == {("repeat", "b2")}


def test_fast_detail_reads_as_claim_detail():
    from claimtrack.stages.match.detail import claim_detail
    from claimtrack.stages.match.detail import _DETAIL_COLUMNS, fast_detail

    e, n = EARLIER[0], claim("n1", "B1", "some 2 million", 2e6, 1.8e6, 2.2e6, "approx", "civilians",
                             ["Ravenna"], "Some 2 million civilians are at risk in Ravenna.", "2021-05-12")
    gap = (n["published_at"] - e["published_at"]).total_seconds()
    for rel, side in (("contradiction", "below"), ("update", "above"), ("repeat", "overlap")):
        assert fast_detail(rel, side, tuple(e[c] for c in _DETAIL_COLUMNS),
                           tuple(n[c] for c in _DETAIL_COLUMNS), gap) == claim_detail(rel, side, e, n)
    undated = {**n, "published_at": pd.NaT, "source": None}
    assert fast_detail("contradiction", "below", tuple(e[c] for c in _DETAIL_COLUMNS),
                       tuple(undated[c] for c in _DETAIL_COLUMNS), float("nan")) == claim_detail(
        "contradiction", "below", e, undated)


def test_candidates_do_not_depend_on_how_a_night_is_cut_into_batches():
    rows = [claim(f"k{i}", f"K{i}", f"{100 + i} dead", 100.0 + i, 100.0 + i, 100.0 + i, "exact", "dead",
                  ["Velmora"], f"The quake in Velmora has left {100 + i} dead.", f"2022-03-{1 + i // 4:02d}")
            for i in range(24)]
    whole = {(m.new_id, m.earlier_id, m.relation) for m in match_claims(frame(*rows[8:]), frame(*rows[:8]))}
    cut = {(m.new_id, m.earlier_id, m.relation) for m in match_claims(frame(*rows[8:16]), frame(*rows[:8]))}
    cut |= {(m.new_id, m.earlier_id, m.relation) for m in match_claims(frame(*rows[16:]), frame(*rows[:16]))}
    assert whole == cut and whole


def test_figures_for_different_dates_do_not_contradict():
    def cash(cid, art, value, day_of_month, day):
        return claim(cid, art, f"{value} bln dlrs", value * 1e9, value * 1e9, value * 1e9, "exact", "balance",
                     ["Treasury"], f"The Treasury's cash balance was {value} bln dlrs on March {day_of_month}.",
                     day, unit="USD")
    hist = frame(cash("c1", "CA", 16.3, 6, "1987-03-07"))
    assert match_claims(frame(cash("c2", "CB", 12.7, 10, "1987-03-11")), hist) == []
    assert [m.relation for m in match_claims(frame(cash("c3", "CC", 12.7, 6, "1987-03-08")), hist)] == [
        "contradiction"]


def test_a_strict_bound_at_the_other_figure_is_no_conflict_either_way():
    # "more than 300" after "300": the first figure may be rounded; no reviewer wants that flag
    def carried(cid, art, words, low, high, qual, day):
        return claim(cid, art, "300", 300.0, low, high, qual, "passengers", ["Arlo"],
                     f"The Arlo ferry carried {words} passengers.", day)
    exact = carried("s1", "SA", "300", 300.0, 300.0, "exact", "1990-05-01")
    more = carried("s2", "SB", "more than 300", 300.0, INF, "at_least", "1990-05-02")
    assert [m.relation for m in match_claims(frame(more), frame(exact))] == ["consistent"]
    shortened = carried("s3", "SC", "300", 300.0, 300.0, "exact", "1990-05-03")
    assert [m.relation for m in match_claims(frame(shortened), frame(more))] == ["consistent"]
