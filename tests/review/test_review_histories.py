"""figure_histories (one pass for a page of flags) gives exactly figure_history's frames."""
from __future__ import annotations

import random

import pandas as pd

from claimtrack.review import figure_histories, figure_history


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


def test_one_pass_histories_are_figure_history_frames():
    for seed in range(6):
        claims, matches, pairs = world(seed)
        dated = set(claims.loc[claims["published_at"].notna(), "claim_id"])
        for limit in (200, 7):
            if limit < len(claims):  # a cut needs a dated flagged claim (figure_history's own rule)
                pairs = {k: p for k, p in pairs.items() if set(p) & dated}
            frames = figure_histories(claims, matches, pairs, limit=limit)
            records = figure_histories(claims, matches, pairs, limit=limit, records=True)
            for key, pair in pairs.items():
                expected = figure_history(claims, matches, pair, limit=limit)
                pd.testing.assert_frame_equal(frames[key], expected)
                assert len(records[key]) == len(expected)
                if len(expected):
                    pd.testing.assert_frame_equal(pd.DataFrame(records[key]), expected, check_dtype=False)


def test_no_claims_no_histories():
    claims, matches, pairs = world(0)
    empty = claims.iloc[:0]
    assert all(v.empty for v in figure_histories(empty, matches, pairs).values())
    assert all(v == [] for v in figure_histories(empty, matches, pairs, records=True).values())
