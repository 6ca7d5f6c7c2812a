"""The matcher on the extractors' real output (issue 2's four cases), on texts written here."""
from __future__ import annotations

from dataclasses import asdict

import pandas as pd

from claimtrack.stages.extract import extract_text
from claimtrack.stages.match import match_claims, match_quotes
from claimtrack.records import FLAGGED_RELATIONS

EARLIER = (
    "Ankara wants to stop an offensive on Idlib, the last rebel stronghold, where more than "
    "3 million civilians are at risk.\n\n"
    "Ankara hopes to send home some of the 3.5 million Syrian refugees in Turkey.\n\n"
    'Speaking in Sochi, Erdogan said: "Every country in the region is watching what we decide here today."'
)
LATER = (
    "Aid groups said on Wednesday that some 2 million civilians are at risk in Idlib if the fighting resumes.\n\n"
    "Turkey already hosts 3.5 million Syrian refugees in Turkey, officials said.\n\n"
    '"Every country in the region is watching what we decide here tomorrow," Erdogan said.\n\n'
    '"Every country in the region is watching what we decide here today," Putin said.'
)


def tables(text, article_id, date, source):
    quotes, claims = extract_text(text, article_id)
    extra = {"published_at": pd.Timestamp(date, tz="UTC"), "source": source, "title": None}
    return (pd.DataFrame([{**asdict(c), **extra} for c in claims]),
            pd.DataFrame([{**asdict(q), **extra} for q in quotes]))


def test_issue_two_cases_on_extracted_claims_and_quotes():
    hc, hq = tables(EARLIER, "dw", "2018-09-17", "DW")
    nc, nq = tables(LATER, "x", "2018-09-19", "X")
    claims = match_claims(nc, hc)
    by_surface = {nc.set_index("claim_id").at[m.new_id, "surface"]: m for m in claims}

    two = next(m for s, m in by_surface.items() if s.startswith("2 million") or s.endswith("2 million"))
    assert two.relation == "contradiction"
    assert "DW, 17 Sep 2018: more than 3 million civilians" in two.detail
    assert "X, 19 Sep 2018: some 2 million civilians" in two.detail
    assert "below the earlier lower bound" in two.detail

    refugees = [m for m in claims if "3.5 million" in nc.set_index("claim_id").at[m.new_id, "surface"]]
    assert refugees and {m.relation for m in refugees} <= {"repeat", "consistent"}

    quotes = {m.relation: m for m in match_quotes(nq, hq)}
    assert set(quotes) == {"altered", "misattributed"}
    assert "“today” became “tomorrow”" in quotes["altered"].detail
    assert "given to Putin" in quotes["misattributed"].detail
    flagged = {m.relation for m in claims + list(quotes.values()) if m.relation in FLAGGED_RELATIONS}
    assert flagged == {"contradiction", "altered", "misattributed"}
