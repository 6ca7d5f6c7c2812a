"""A wire correction re-sends its story under "CORRECTED - " and the headline cut to its width.

The cut often drops the headline's period ("4TH QTR"), which a results table's lines take their
period from: the correction's lines still belong to the story they correct. Texts are written
for the test, in the style of wire results tables.
"""
from __future__ import annotations

from dataclasses import asdict

import pandas as pd

from claimtrack.stages.extract import extract_text
from claimtrack.stages.match import match_claims
from claimtrack.stages.match.frames import corrects

TABLE = "Oper shr loss 12 cts vs loss 40 cts\nOper net loss 1,250,000 vs loss 3,900,000\nRevs 18.2 mln vs 17.5 mln\n"


def claims_of(article_id, text, date, title):
    _, claims = extract_text(text, article_id)
    rows = []
    for c in claims:
        row = asdict(c)
        row.update(published_at=pd.Timestamp(date, tz="UTC"), source="Wire", title=title, lang=None)
        rows.append(row)
    return pd.DataFrame(rows)



FIRST = ("A", TABLE, "1987-03-23 14:00", "HARWELL GRAIN CO <HGC> 4TH QTR LOSS")


def test_a_correction_with_its_headline_cut_repeats_the_storys_lines():
    later = claims_of("B", TABLE, "1987-03-24 12:00", "CORRECTED - HARWELL GRAIN CO <HGC> 4TH")
    got = match_claims(later, claims_of(*FIRST))
    assert got and {m.relation for m in got} == {"repeat"}


def test_a_cut_headline_that_corrects_nothing_or_another_story_links_nothing():
    cut = claims_of("C", TABLE, "1987-03-24 12:00", "HARWELL GRAIN CO <HGC> 4TH")
    other = claims_of("D", TABLE, "1987-03-24 12:00", "CORRECTED - DUNMORE FEEDS INC <DMF> 4TH")
    assert match_claims(cut, claims_of(*FIRST)) == []
    assert match_claims(other, claims_of(*FIRST)) == []


def test_what_a_correction_headline_is():
    assert corrects("corrected - harwell grain co <hgc> 4th", "harwell grain co <hgc> 4th qtr loss")
    assert corrects("correction: harwell grain co <hgc> 4th", "harwell grain co <hgc> 4th qtr loss")
    assert not corrects("harwell grain co <hgc> 4th", "harwell grain co <hgc> 4th qtr loss")
    assert not corrects("corrected - harwell", "harwell grain co <hgc> 4th qtr loss")  # too short to tell
    assert not corrects(None, "harwell grain co <hgc> 4th qtr loss")


def test_a_correction_that_changes_a_line_is_an_update_never_a_contradiction():
    fixed = claims_of("E", TABLE.replace("12 cts", "14 cts"), "1987-03-24 12:00",
                      "CORRECTED - HARWELL GRAIN CO <HGC> 4TH")
    got = {(m.relation, "14 cts" in m.detail) for m in match_claims(fixed, claims_of(*FIRST))}
    assert ("update", True) in got and not any(r == "contradiction" for r, _ in got)
