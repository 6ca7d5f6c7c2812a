"""Matching new numeric claims against earlier ones: block, score, relate, keep the best.

1. Block: a claim's blocks are ``noun key | unit key | subject`` (one per subject, or one with
   an empty subject). Only earlier claims sharing a block are candidates (see blocking.py).
2. Score (0–1): 0.7 × context similarity (rapidfuzz ``token_set_ratio`` of the content words
   around the figure) + 0.3 × subject overlap (shared subjects / the smaller subject list;
   0.5 when neither claim names a subject).
3. Relate the intervals (relate.py) and keep, per new claim, the best-scoring earlier claim of
   each relation (ties: the most recent). So a claim yields at most four matches.

>>> import pandas as pd
>>> rows = [dict(claim_id="e", article_id="A", surface="more than 3 million", value=3e6, low=3e6,
...              high=float("inf"), qualifier="at_least", unit=None, noun="civilians",
...              subject=["Idlib"], sentence="In Idlib more than 3 million civilians are at risk.",
...              published_at=pd.Timestamp("2018-09-17", tz="UTC"), source="DW"),
...         dict(claim_id="n", article_id="B", surface="some 2 million", value=2e6, low=1.8e6,
...              high=2.2e6, qualifier="approx", unit=None, noun="civilians", subject=["Idlib"],
...              sentence="Some 2 million civilians are at risk in Idlib.",
...              published_at=pd.Timestamp("2018-09-19", tz="UTC"), source="X")]
>>> [m.relation for m in match_claims(pd.DataFrame(rows[1:]), pd.DataFrame(rows[:1]))]
['contradiction']
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from claimtrack.match.blocking import candidate_pairs
from claimtrack.match.detail import claim_detail
from claimtrack.match.nouns import _GENERIC, concept_key, noun_key, unit_key
from claimtrack.match.relate import relate_arrays
from claimtrack.match.settings import MatchSettings
from claimtrack.records import Match, stable_id

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_DIGIT = re.compile(r"\d")
_STOP = frozenset("""a an the of in on at to for from by with and or but as is are was were be been
being has have had it its this that these those there their they he she his her we our you your
i which who whom whose what when where while than then so such some about around over under
more less most least nearly almost roughly approximately up down into out said says say would
could will may might also not no new last first per""".split())
_CONTEXT_WIDTH = 6
_COLUMNS = ("claim_id", "article_id", "surface", "value", "low", "high", "qualifier", "unit",
            "noun", "subject", "sentence", "published_at", "source", "title")


def context_words(sentence: str | None, surface: str | None, noun: str | None = None,
                  subject=None) -> str:
    """Content words within six words of the figure (numbers, stop words and subjects dropped).

    Subject names are left out because the subject overlap is scored on its own.

    >>> context_words("The quake killed 300 people and left 4,000 homeless in Napo.", "300")
    'quake killed people left'
    """
    sentence = sentence if isinstance(sentence, str) else ""
    surface = surface if isinstance(surface, str) else ""
    at = sentence.lower().find(surface.lower()) if surface else -1
    if at < 0:
        words = _WORD.findall(sentence)
        left, right = words, []
    else:
        # stop at the neighbouring figures: their words describe them, not this one
        left = _WORD.findall(_DIGIT.split(sentence[:at])[-1])[-_CONTEXT_WIDTH:]
        right = _WORD.findall(_DIGIT.split(sentence[at + len(surface):], maxsplit=1)[0])[:_CONTEXT_WIDTH]
    words = [w.lower() for w in left + right]
    if not words and isinstance(noun, str):
        words = [w.lower() for w in _WORD.findall(noun)]
    drop = _STOP
    if isinstance(subject, (list, tuple, np.ndarray)) and len(subject):
        drop = _STOP | {w.lower() for name in subject if isinstance(name, str) for w in _WORD.findall(name)}
    return " ".join(w for w in words if w not in drop)


def _seconds(col: pd.Series) -> np.ndarray:
    """Publication times as float seconds since the epoch; NaN where unknown."""
    ts = pd.to_datetime(pd.Series(col, dtype=object) if len(col) == 0 else col, utc=True, errors="coerce")
    secs = (ts - pd.Timestamp(0, tz="UTC")) / pd.Timedelta(seconds=1)
    return np.array(secs.to_numpy(dtype="float64", na_value=np.nan), dtype="float64")


def _conform(df: pd.DataFrame | None) -> pd.DataFrame:
    """The columns the matcher reads, present (missing optional ones filled with None)."""
    if df is None:
        df = pd.DataFrame()
    df = df.reset_index(drop=True)
    missing = {c: None for c in _COLUMNS if c not in df.columns}
    if missing:
        df = df.assign(**missing)
    return df


def concept_keys(df: pd.DataFrame) -> pd.Series:
    """``concept|unit`` per row, computed once per distinct noun/unit (generic nouns per row)."""
    nouns = df["noun"].astype(object).where(df["noun"].notna(), None)
    uniq = pd.unique(nouns)
    nkey = nouns.map({n: noun_key(n) for n in uniq})
    generic = nkey.isin(_GENERIC).to_numpy()
    if generic.any():
        sub = df.loc[generic, ["noun", "sentence", "surface"]]
        nkey = nkey.copy()
        nkey.loc[generic] = [concept_key(n, s if isinstance(s, str) else None, f if isinstance(f, str) else None)
                             for n, s, f in zip(sub["noun"], sub["sentence"], sub["surface"])]
    units = df["unit"].astype(object).where(df["unit"].notna(), None)
    ukey = units.map({u: unit_key(u) for u in pd.unique(units)})
    return nkey.astype(str) + "|" + ukey.astype(str)


def _subjects(df: pd.DataFrame) -> pd.Series:
    """One row per (row, normalised subject); rows with no subject get ''."""
    subj = df["subject"].map(lambda v: list(v) if isinstance(v, (list, tuple, np.ndarray)) and len(v) else [""])
    exploded = subj.explode()
    norm = exploded.astype(str).str.lower().str.strip()
    return norm.str.replace(r"^the\s+", "", regex=True)


def _block_table(df: pd.DataFrame, keys: pd.Series, t: np.ndarray, order: np.ndarray) -> pd.DataFrame:
    subj = _subjects(df)
    idx = subj.index.to_numpy()
    return pd.DataFrame({
        "row": idx,
        "block": keys.to_numpy()[idx] + "|" + subj.to_numpy(),
        "article_id": df["article_id"].astype(str).to_numpy()[idx],
        "order": order[idx],
        "t": t[idx],
    })


def score_pairs(pairs: pd.DataFrame, new: pd.DataFrame, pool: pd.DataFrame) -> np.ndarray:
    """0–1 score per candidate pair: context similarity and subject overlap (see module doc)."""
    n_rows, p_rows = pairs["new_row"].to_numpy(), pairs["pool_row"].to_numpy()
    def ctx(df, r):
        return context_words(df.at[r, "sentence"], df.at[r, "surface"], df.at[r, "noun"], df.at[r, "subject"])

    ctx_new = {r: ctx(new, r) for r in pd.unique(n_rows)}
    ctx_pool = {r: ctx(pool, r) for r in pd.unique(p_rows)}
    a = [ctx_new[r] for r in n_rows]
    b = [ctx_pool[r] for r in p_rows]
    sim = process.cpdist(a, b, scorer=fuzz.token_set_ratio, workers=1).astype("float64") / 100.0
    n_subj = pairs["n_subj_new"].to_numpy()
    p_subj = pairs["n_subj_pool"].to_numpy()
    smaller = np.minimum(n_subj, p_subj)
    subj = np.where(smaller == 0, 0.5, pairs["shared"].to_numpy() / np.maximum(smaller, 1))
    return np.round(0.7 * sim + 0.3 * np.minimum(subj, 1.0), 4)


def _n_subjects(df: pd.DataFrame) -> np.ndarray:
    return df["subject"].map(
        lambda v: len(v) if isinstance(v, (list, tuple, np.ndarray)) else 0).to_numpy()


def match_claims(new: pd.DataFrame, history: pd.DataFrame,
                 settings: MatchSettings | None = None) -> list[Match]:
    """Relate each new claim to earlier claims (history, then earlier rows of ``new``).

    Score is on a 0–1 scale. Returns at most one match per (new claim, relation): the best.
    """
    s = settings or MatchSettings()
    new = _conform(new)
    if len(new) == 0:
        return []
    history = _conform(history)
    t_new = _seconds(new["published_at"])
    t_hist = _seconds(history["published_at"]) if len(history) else np.empty(0)

    keys_new = concept_keys(new)
    if len(history):
        # cheap pre-filter (one call per distinct noun/unit) before any per-row work on history
        nouns = history["noun"].astype(object).where(history["noun"].notna(), None)
        units = history["unit"].astype(object).where(history["unit"].notna(), None)
        quick_noun = nouns.map({n: noun_key(n) for n in pd.unique(nouns)})
        quick_unit = units.map({u: unit_key(u) for u in pd.unique(units)})
        wanted = [k.split("|", 1) for k in pd.unique(keys_new)]
        keep = np.array(quick_unit.isin({u for _, u in wanted}).to_numpy(), dtype=bool)
        keep &= np.array((quick_noun.isin({n for n, _ in wanted}) | quick_noun.isin(_GENERIC)).to_numpy(), dtype=bool)
        if np.isfinite(t_new).any():  # undated new claims may meet history of any age
            oldest_new = np.nanmin(t_new) if np.isfinite(t_new).all() else -np.inf
            keep &= ~(t_hist < oldest_new - s.update_window.total_seconds())
        history = history.loc[keep].reset_index(drop=True)
        t_hist = t_hist[keep]
    keys_hist = concept_keys(history) if len(history) else pd.Series([], dtype=object)

    # the pool: filtered history first, then the new rows (earlier rows of new are candidates too)
    pool = pd.concat([history, new], ignore_index=True)
    t_pool = np.concatenate([t_hist, t_new])
    order_pool = np.concatenate([np.full(len(history), -1), np.arange(len(new))])
    keys_pool = pd.concat([keys_hist, keys_new], ignore_index=True)
    new_blocks = _block_table(new, keys_new, t_new, np.arange(len(new)))
    pool_blocks = _block_table(pool, keys_pool, t_pool, order_pool)
    pairs = candidate_pairs(new_blocks, pool_blocks, s.max_candidates_per_block)
    if len(pairs) == 0:
        return []

    n_rows, p_rows = pairs["new_row"].to_numpy(), pairs["pool_row"].to_numpy()
    gap = t_new[n_rows] - t_pool[p_rows]
    in_window = ~(gap > s.update_window.total_seconds())
    pairs, n_rows, p_rows, gap = pairs[in_window], n_rows[in_window], p_rows[in_window], gap[in_window]
    if len(pairs) == 0:
        return []
    pairs = pairs.assign(n_subj_new=_n_subjects(new)[n_rows], n_subj_pool=_n_subjects(pool)[p_rows])
    score = score_pairs(pairs, new, pool)

    concept = keys_new.to_numpy()[n_rows]
    growing = np.isin(np.array([k.split("|", 1)[0] for k in concept], dtype=object),
                      np.array(s.growing_nouns, dtype=object))
    rel, side = relate_arrays(
        e_value=pool["value"].to_numpy("float64")[p_rows], e_low=pool["low"].to_numpy("float64")[p_rows],
        e_high=pool["high"].to_numpy("float64")[p_rows], e_qual=pool["qualifier"].to_numpy(object)[p_rows],
        n_value=new["value"].to_numpy("float64")[n_rows], n_low=new["low"].to_numpy("float64")[n_rows],
        n_high=new["high"].to_numpy("float64")[n_rows], n_qual=new["qualifier"].to_numpy(object)[n_rows],
        gap_seconds=gap, growing=growing, settings=s)

    ok = (score >= s.min_score) & ((rel != "contradiction") | (score >= s.min_contradiction_score))
    found = pd.DataFrame({"n": n_rows, "p": p_rows, "score": score, "rel": rel, "side": side,
                          "t": t_pool[p_rows]})[ok]
    if len(found) == 0:
        return []
    found = found.sort_values(["n", "rel", "score", "t"], ascending=[True, True, False, False],
                              na_position="last", kind="stable")
    best = found.drop_duplicates(["n", "rel"], keep="first")

    out = []
    for n, p, sc, r, sd in zip(best["n"], best["p"], best["score"], best["rel"], best["side"]):
        e_row, n_row = pool.iloc[p].to_dict(), new.iloc[n].to_dict()
        new_id, earlier_id = str(n_row["claim_id"]), str(e_row["claim_id"])
        out.append(Match(match_id=stable_id("claim", new_id, earlier_id), kind="claim",
                         new_id=new_id, earlier_id=earlier_id, score=float(sc), relation=str(r),
                         detail=claim_detail(str(r), str(sd), e_row, n_row)))
    return out
