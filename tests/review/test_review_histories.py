"""figure_histories (one pass for a page of flags) against a plain reference written with pandas masks."""
from __future__ import annotations

import random

import pandas as pd

from claimtrack.review.history import figure_histories, linked_ids, nearest_in_time


def reference_history(claims: pd.DataFrame, matches: pd.DataFrame, pair: list[str], limit: int) -> pd.DataFrame:
    """The rule spelled out: linked within two hops, or same noun and unit and a shared subject;
    past ``limit``, nearest in time to the pair; sorted by date (undated last), then id."""
    def subjects(value):
        return set() if value is None or isinstance(value, float) else {str(s).lower() for s in value if s}

    cm = matches[matches["kind"] == "claim"]
    keep = claims["claim_id"].isin(linked_ids(cm, set(pair)))
    for seed in claims[claims["claim_id"].isin(pair)].to_dict("records"):
        if not isinstance(seed["noun"], str) or not seed["noun"]:
            continue
        mask = (claims["noun"].fillna("").str.lower() == seed["noun"].lower())
        mask &= claims["unit"].fillna("") == (seed["unit"] if isinstance(seed["unit"], str) else "")
        if subjects(seed["subject"]):
            mask &= claims["subject"].map(lambda s: bool(subjects(s) & subjects(seed["subject"])))
        keep |= mask
    out = claims[keep]
    if len(out) > limit:
        out = out.loc[nearest_in_time(pd.to_datetime(out["published_at"], utc=True), out["claim_id"].isin(pair), limit)]
    return out.sort_values(["published_at", "claim_id"], kind="stable", na_position="last").reset_index(drop=True)


def world(seed: int, n: int = 120):
    rnd = random.Random(seed)
    nouns = ["people", "People", "refugees", None, "", "tonnes"]
    claims = pd.DataFrame({
        "claim_id": [f"c{i:03d}" for i in range(n)],
        "noun": [rnd.choice(nouns) for _ in range(n)],
        "unit": [rnd.choice([None, "", "percent", "USD"]) for _ in range(n)],
        "subject": [rnd.choice([None, [], ["Idlib"], ["idlib", "Syria"], ["Brazil"]]) for _ in range(n)],
        "published_at": [pd.NaT if rnd.random() < 0.1 else pd.Timestamp("2026-01-01", tz="UTC")
                         + pd.Timedelta(days=rnd.randint(0, 40)) for _ in range(n)],
        "value": [float(rnd.randint(1, 9)) for _ in range(n)],
    })
    edges = [(f"c{rnd.randrange(n):03d}", f"c{rnd.randrange(n):03d}") for _ in range(n)]
    matches = pd.DataFrame({"kind": [rnd.choice(["claim", "claim", "quote"]) for _ in edges],
                            "new_id": [a for a, _ in edges], "earlier_id": [b for _, b in edges]})
    pairs = {f"f{k}": [f"c{rnd.randrange(n):03d}", rnd.choice([f"c{rnd.randrange(n):03d}", "gone"])] for k in range(40)}
    return claims, matches, pairs


def test_one_pass_histories_follow_the_rule_for_every_pair_and_cap():
    for seed in range(6):
        claims, matches, pairs = world(seed)
        for limit in (200, 7, 2):  # 2: only the flagged pair itself fits
            frames = figure_histories(claims, matches, pairs, limit=limit)
            records = figure_histories(claims, matches, pairs, limit=limit, records=True)
            for key, pair in pairs.items():
                expected = reference_history(claims, matches, pair, limit)
                pd.testing.assert_frame_equal(frames[key], expected)
                assert len(records[key]) == len(expected)
                if len(expected):
                    pd.testing.assert_frame_equal(pd.DataFrame(records[key]), expected, check_dtype=False)
                if len(expected) == limit:  # the flagged claims are never cut
                    assert set(pair) & set(claims["claim_id"]) <= set(expected["claim_id"])


def test_no_claims_no_histories():
    claims, matches, pairs = world(0)
    empty = claims.iloc[:0]
    assert all(v.empty for v in figure_histories(empty, matches, pairs).values())
    assert all(v == [] for v in figure_histories(empty, matches, pairs, records=True).values())
