"""Matching new numeric claims against earlier ones: block, score, relate, keep the best.

1. Block: a claim's blocks are ``noun key | unit key | subject`` (one per subject, or one with
   an empty subject), plus ``noun key | unit key | *`` when the noun is specific. Only earlier
   claims sharing a block are candidates (see blocking.py).
2. Score (0–1): 0.7 × context similarity (rapidfuzz ``token_set_ratio`` of the content words
   around the figure) + 0.3 × subject agreement (1 when they share a subject, 0 when both name
   subjects and share none, 0.5 when either names none).
3. Relate the intervals (relate.py) and keep, per new claim, the best-scoring earlier claim of
   each relation (ties: the most recent). So a claim yields at most four matches. A
   contradiction needs a higher score and must not come from two claims whose (non-empty)
   subject lists are disjoint.

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
from claimtrack.match.nouns import (_CASUALTY, _GENERIC, can_contradict, concept_key, direction, locate,
                                    noun_attached,
                                    noun_key, unit_key)
from claimtrack.match.relate import relate_units
from claimtrack.match.settings import MatchSettings
from claimtrack.match.units import grains
from claimtrack.records import Match, stable_id

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_DIGIT = re.compile(r"\d")
_JOIN = re.compile(r";|\b(?:and|or|but|while|whereas)\b", re.I)
_STOP = frozenset("""a an the of in on at to for from by with and or but as is are was were be been
being has have had it its this that these those there their they he she his her we our you your
i which who whom whose what when where while than then so such some about around over under
more less most least nearly almost roughly approximately up down into out said says say would
could will may might also not no new last first per""".split())
_CONTEXT_WIDTH = 6
_CASUALTY_KEYS = frozenset(_CASUALTY.values())
_CASUALTY_RE = r"\b(?:" + "|".join(sorted(_CASUALTY)) + r")\b"
_DETAIL_COLUMNS = ("claim_id", "surface", "noun", "qualifier", "sentence", "published_at", "source",
                   "title")
_COLUMNS = ("claim_id", "article_id", "surface", "value", "low", "high", "qualifier", "unit",
            "noun", "subject", "sentence", "published_at", "source", "title")


def context_words(sentence: str | None, surface: str | None, noun: str | None = None,
                  subject=None, qualifier: str | None = None) -> str:
    """Up to six content words on each side of the figure (stop words, subjects and the
    words of neighbouring figures left out).

    Subject names are left out because the subject overlap is scored on its own.

    >>> context_words("The quake killed 300 people and left 4,000 homeless in Napo.", "300")
    'quake killed people'
    >>> context_words("58% of Canadians say rents are far too high", "58%", subject=["Canadians"])
    'rents far too high'
    """
    sentence = sentence if isinstance(sentence, str) else ""
    surface = surface if isinstance(surface, str) else ""
    drop = _STOP
    if isinstance(subject, (list, tuple, np.ndarray)) and len(subject):
        drop = _STOP | {w.lower() for name in subject if isinstance(name, str) for w in _WORD.findall(name)}

    def content(text: str) -> list[str]:
        return [w for w in (x.lower() for x in _WORD.findall(text)) if w not in drop]

    at = locate(sentence, surface, qualifier)
    if at < 0:
        words = content(sentence)
    else:
        # stop at the neighbouring figures: their words describe them, not this one
        # and at a conjunction: "40 people were reported dead and more than 900 ..."
        left = content(_JOIN.split(_DIGIT.split(sentence[:at])[-1])[-1])[-_CONTEXT_WIDTH:]
        right = content(_JOIN.split(_DIGIT.split(sentence[at + len(surface):], maxsplit=1)[0],
                                    maxsplit=1)[0])[:_CONTEXT_WIDTH]
        words = left + right
    if not words and isinstance(noun, str):
        words = content(noun)
    return " ".join(words)


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
    nkey = nouns.map({n: noun_key(n) for n in pd.unique(nouns)}).to_numpy(object)
    generic = np.flatnonzero(np.isin(nkey, list(_GENERIC)))
    if len(generic):
        # only sentences that hold a casualty word at all can refine the key (vectorised test)
        sent = df["sentence"].iloc[generic].astype("string")
        has = sent.str.contains(_CASUALTY_RE, regex=True, case=False, na=False).to_numpy(dtype=bool)
        generic = generic[has]
    if len(generic):
        sub = df.iloc[generic]
        text = lambda v: v if isinstance(v, str) else None  # noqa: E731
        nkey[generic] = [concept_key(text(n), text(s), text(f), text(q)) for n, s, f, q in zip(
            sub["noun"].to_numpy(object), sub["sentence"].to_numpy(object),
            sub["surface"].to_numpy(object), sub["qualifier"].to_numpy(object))]
    units = df["unit"].astype(object).where(df["unit"].notna(), None)
    ukey = units.map({u: unit_key(u) for u in pd.unique(units)}).to_numpy(object)
    return pd.Series(nkey.astype(str), index=df.index, dtype=object) + "|" + ukey.astype(str)


def _subjects(subject: pd.Series) -> pd.Series:
    """One row per (row, normalised subject), indexed by row position; no subject gives ''."""
    exploded = subject.reset_index(drop=True).explode()
    norm = exploded.astype(object).where(exploded.notna(), "").astype(str).str.lower().str.strip()
    return norm.str.replace(r"^the\s+", "", regex=True)


def _block_tables(new: pd.DataFrame, hist: pd.DataFrame | None, keys_new: np.ndarray,
                  keys_hist: np.ndarray | None, t_new: np.ndarray, t_hist: np.ndarray | None,
                  hist_rows: np.ndarray | None, h: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Exploded block tables (new, pool) with integer block and article codes.

    Blocks: ``key|subject`` for each subject (``key|`` when there is none), plus ``key|*`` when
    the counted thing is specific (not "people" or unknown): subject lists are incomplete, so
    "1,000 dead" must meet "300 dead" even when only one of them names the country; the
    subject overlap still weighs in the score. ``weight`` is 1 for a real shared subject.
    ``hist`` holds the pre-filtered history rows, ``hist_rows`` their positions in the full
    history; pool rows are numbered history positions first, then ``h`` + position in new.
    """
    parts_s = [_subjects(new["subject"])]
    parts_k = [keys_new]
    parts_a = [new["article_id"].astype(str)]
    if hist is not None:
        parts_s.append(_subjects(hist["subject"]))
        parts_k.append(keys_hist)
        parts_a.append(hist["article_id"].astype(str))
    keys_all = np.concatenate(parts_k)
    key_codes, _ = pd.factorize(keys_all)
    specific = ~np.isin(np.array([k.split("|", 1)[0] for k in keys_all], dtype=object), list(_GENERIC))
    art_codes, _ = pd.factorize(pd.concat(parts_a, ignore_index=True))
    subj_all = pd.concat(parts_s, ignore_index=True)
    subj_codes, subj_uniques = pd.factorize(subj_all)
    has_subj = (subj_all.to_numpy(object) != "").astype("int64")
    width = len(subj_uniques) + 1  # code width - 1 is the wildcard
    sizes = [len(keys_new)] + ([len(keys_hist)] if hist is not None else [])
    row_offsets = np.cumsum([0] + sizes)
    tables = []
    s_off = 0
    for part, (subj, t, order, rows) in enumerate(
            [(parts_s[0], t_new, np.arange(len(keys_new)), np.arange(len(keys_new)) + h)]
            + ([(parts_s[1], t_hist, np.full(len(keys_hist), -1), hist_rows)] if hist is not None else [])):
        local = subj.index.to_numpy()
        glob = local + row_offsets[part]
        sl = slice(s_off, s_off + len(local))
        s_off += len(local)
        wild = np.flatnonzero(specific[row_offsets[part]:row_offsets[part + 1]])
        wglob = wild + row_offsets[part]
        tables.append(pd.DataFrame({
            "row": np.concatenate([rows[local], rows[wild]]),
            "block": np.concatenate([key_codes[glob] * width + subj_codes[sl], key_codes[wglob] * width + width - 1]),
            "article_id": np.concatenate([art_codes[glob], art_codes[wglob]]),
            "order": np.concatenate([order[local], order[wild]]),
            "t": np.concatenate([t[local], t[wild]]),
            "weight": np.concatenate([has_subj[sl], np.zeros(len(wild), dtype="int64")]),
        }))
    pool_new = tables[0]
    new_blocks = pool_new.assign(row=pool_new["row"] - h)
    pool = pool_new if hist is None else pd.concat([tables[1], pool_new], ignore_index=True)
    return new_blocks, pool


class _Pool:
    """History rows (0..H-1) then new rows (H..): read columns for a few rows without copying."""

    def __init__(self, history: pd.DataFrame, new: pd.DataFrame):
        self.history, self.new, self.h = history, new, len(history)

    def get(self, name: str, rows: np.ndarray) -> np.ndarray:
        rows = np.asarray(rows, dtype="int64")
        out = np.empty(len(rows), dtype=object)
        old = rows < self.h
        if old.any():
            out[old] = self.history[name].iloc[rows[old]].to_numpy(object)
        if (~old).any():
            out[~old] = self.new[name].iloc[rows[~old] - self.h].to_numpy(object)
        return out


def _n_subjects(values: np.ndarray) -> np.ndarray:
    return np.fromiter((len(v) if isinstance(v, (list, tuple, np.ndarray)) else 0 for v in values),
                       dtype="int64", count=len(values))


def score_pairs(pairs: pd.DataFrame, pool: _Pool) -> tuple[np.ndarray, np.ndarray, list, list]:
    """0–1 score per candidate pair (context similarity and subject overlap, see module doc),
    whether both claims name subjects but share none, and both context strings."""
    n_rows, p_rows = pairs["new_row"].to_numpy(), pairs["pool_row"].to_numpy()
    rows = np.unique(np.concatenate([n_rows, p_rows]))
    cols = {c: pool.get(c, rows) for c in ("sentence", "surface", "noun", "subject", "qualifier")}
    ctx = dict(zip(rows.tolist(), (context_words(se, su, no, sj, q) for se, su, no, sj, q in zip(
        cols["sentence"], cols["surface"], cols["noun"], cols["subject"], cols["qualifier"]))))
    n_subj = dict(zip(rows.tolist(), _n_subjects(cols["subject"]).tolist()))
    ctx_n, ctx_p = [ctx[r] for r in n_rows.tolist()], [ctx[r] for r in p_rows.tolist()]
    sim = process.cpdist(ctx_n, ctx_p, scorer=fuzz.token_set_ratio, workers=1).astype("float64") / 100.0
    smaller = np.minimum([n_subj[r] for r in n_rows.tolist()], [n_subj[r] for r in p_rows.tolist()])
    shared = pairs["shared"].to_numpy()
    # extracted subject lists are noisy ("Aid" from "Aid groups"): one shared name is the signal
    subj = np.where(smaller == 0, 0.5, (shared > 0).astype("float64"))
    apart = (smaller > 0) & (shared == 0)
    return np.round(0.7 * sim + 0.3 * np.minimum(subj, 1.0), 4), apart, ctx_n, ctx_p


def _is_bare(concept: str, earlier: dict, new: dict) -> bool:
    """A figure pair whose counted thing is unknown or only loosely tied to the figures: no noun,
    a generic one, or a noun that is not attached to both figures (casualty keys are: they come
    from the words next to the figure)."""
    key = concept.split("|", 1)[0]
    if key in _GENERIC:
        return True
    if key in _CASUALTY_KEYS:
        return False
    text = lambda v: v if isinstance(v, str) else None  # noqa: E731
    return not all(noun_attached(text(c.get("sentence")), text(c.get("surface")), text(c.get("noun")),
                                 text(c.get("qualifier"))) for c in (earlier, new))


def opposite_change(earlier: dict, later: dict) -> bool:
    """Whether two figures measure changes in opposite directions (nouns.direction).

    >>> opposite_change({"sentence": "Sales fell 2% in May.", "surface": "2%", "qualifier": "exact"},
    ...                 {"sentence": "Sales rose 2% in May.", "surface": "2%", "qualifier": "exact"})
    True
    """
    text = lambda v: v if isinstance(v, str) else None  # noqa: E731
    a = direction(text(earlier.get("sentence")), text(earlier.get("surface")), text(earlier.get("qualifier")))
    b = direction(text(later.get("sentence")), text(later.get("surface")), text(later.get("qualifier")))
    return bool(a) and bool(b) and a != b


def bare_context_ok(ctx_a: str, ctx_b: str, settings: MatchSettings) -> bool:
    """Whether two figures without a counted noun are described alike enough to contradict.

    >>> bare_context_ok("pumping before earthquake", "pumped before the earthquake", MatchSettings())
    True
    >>> bare_context_ok("take", "tremor take repair cost", MatchSettings())
    False
    """
    return fuzz.token_sort_ratio(ctx_a, ctx_b) >= 100 * settings.min_bare_context


def _history_filter(history: pd.DataFrame, t_hist: np.ndarray, keys_new: np.ndarray, t_new: np.ndarray,
                    s: MatchSettings) -> np.ndarray:
    """Positions of history rows that can share a block with some new claim and are recent enough.

    One noun_key/unit_key call per distinct noun/unit, so this is cheap on a large history.
    """
    nouns = history["noun"].astype(object).where(history["noun"].notna(), None)
    units = history["unit"].astype(object).where(history["unit"].notna(), None)
    quick_noun = nouns.map({n: noun_key(n) for n in pd.unique(nouns)})
    quick_unit = units.map({u: unit_key(u) for u in pd.unique(units)})
    wanted = [k.split("|", 1) for k in pd.unique(keys_new)]
    keep = np.array(quick_unit.isin({u for _, u in wanted}).to_numpy(), dtype=bool)
    nouns_wanted = {n for n, _ in wanted}
    hit = quick_noun.isin(nouns_wanted)
    # generic heads ("people") become casualty keys or stay generic: needed only if wanted
    if nouns_wanted & (_CASUALTY_KEYS | _GENERIC):
        hit |= quick_noun.isin(_GENERIC)
    keep &= np.array(hit.to_numpy(), dtype=bool)
    if np.isfinite(t_new).any():  # undated new claims may meet history of any age
        oldest_new = np.nanmin(t_new) if np.isfinite(t_new).all() else -np.inf
        keep &= ~(t_hist < oldest_new - s.update_window.total_seconds())
    return np.flatnonzero(keep)


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
    keys_new = concept_keys(new).to_numpy(object)
    pool = _Pool(history, new)
    hist = keys_hist = t_keep = keep = None
    if len(history):
        t_hist = _seconds(history["published_at"])
        keep = _history_filter(history, t_hist, keys_new, t_new, s)
        if len(keep):
            hist = history[["noun", "unit", "sentence", "surface", "qualifier", "subject",
                            "article_id"]].iloc[keep]
            keys_hist, t_keep = concept_keys(hist).to_numpy(object), t_hist[keep]
    new_blocks, pool_blocks = _block_tables(new, hist, keys_new, keys_hist, t_new, t_keep, keep,
                                            len(history))
    del hist, keys_hist
    pairs = candidate_pairs(new_blocks, pool_blocks, s.max_candidates_per_block)
    if len(pairs) == 0:
        return []

    n_rows, p_rows = pairs["new_row"].to_numpy(), pairs["pool_row"].to_numpy()
    t_pool_p = pool.get("published_at", p_rows)
    t_p = _seconds(pd.Series(t_pool_p, dtype=object))
    gap = t_new[n_rows] - t_p
    in_window = ~(gap > s.update_window.total_seconds())
    pairs, n_rows, p_rows, gap, t_p = (pairs[in_window], n_rows[in_window], p_rows[in_window],
                                       gap[in_window], t_p[in_window])
    if len(pairs) == 0:
        return []
    # pool rows of the new batch are addressed as H + position in the scoring helpers
    pairs = pairs.assign(new_row=n_rows + len(history))
    score, apart, ctx_n, ctx_p = score_pairs(pairs, pool)

    concept = keys_new[n_rows]
    growing = np.isin(np.array([k.split("|", 1)[0] for k in concept], dtype=object),
                      np.array(s.growing_nouns, dtype=object))
    f = lambda c: pool.get(c, p_rows)  # noqa: E731
    g = lambda c: new[c].to_numpy(object)[n_rows]  # noqa: E731
    rel, side = relate_units(
        e_unit=f("unit"), n_unit=g("unit"),
        e_grain=grains(f("surface"), f("value").astype("float64")),
        n_grain=grains(g("surface"), g("value").astype("float64")),
        e_value=f("value").astype("float64"), e_low=f("low").astype("float64"),
        e_high=f("high").astype("float64"), e_qual=f("qualifier"),
        n_value=g("value").astype("float64"), n_low=g("low").astype("float64"),
        n_high=g("high").astype("float64"), n_qual=g("qualifier"),
        gap_seconds=gap, growing=growing, settings=s)

    # a conflict is flagged only with evidence that both figures are about the same place or
    # body: claims that both name subjects but share none may agree, never contradict
    flag_ok = (score >= s.min_contradiction_score) & ~apart
    # the same change reported in opposite directions ("exports fell 5%" / "rose 5%") conflicts
    same = np.flatnonzero((rel == "repeat") & flag_ok)
    if len(same):
        cols = ("sentence", "surface", "qualifier")
        e_c = {c: pool.get(c, p_rows[same]) for c in cols}
        n_c = {c: new[c].to_numpy(object)[n_rows[same]] for c in cols}
        for k, idx in enumerate(same):
            if opposite_change({c: e_c[c][k] for c in cols}, {c: n_c[c][k] for c in cols}):
                rel[idx], side[idx] = "contradiction", "direction"
    ok = (score >= s.min_score) & ((rel != "contradiction") | flag_ok)
    # increments, time references and part/whole nouns cannot contradict (nouns.can_contradict)
    # (only the three best-scored candidates per new claim are checked; the rest are dropped)
    cand = np.flatnonzero(ok & (rel == "contradiction"))
    if len(cand):
        top = pd.DataFrame({"i": cand, "n": n_rows[cand], "s": -score[cand]}).sort_values(
            ["n", "s"], kind="stable").groupby("n", sort=False).head(3)["i"].to_numpy()
        ok[np.setdiff1d(cand, top)] = False
        check = np.sort(top)
        cols = ("sentence", "surface", "qualifier", "unit", "noun")
        e_c = {c: pool.get(c, p_rows[check]) for c in cols}
        n_c = {c: new[c].to_numpy(object)[n_rows[check]] for c in cols}
        for k, idx in enumerate(check):
            bare = _is_bare(concept[idx], {c: e_c[c][k] for c in cols}, {c: n_c[c][k] for c in cols})
            if (bare and not bare_context_ok(ctx_n[idx], ctx_p[idx], s)) or not can_contradict(
                    {c: e_c[c][k] for c in cols}, {c: n_c[c][k] for c in cols}, side[idx]):
                ok[idx] = False
    found = pd.DataFrame({"n": n_rows, "p": p_rows, "score": score, "rel": rel, "side": side,
                          "t": t_p})[ok]
    if len(found) == 0:
        return []
    found = found.sort_values(["n", "rel", "score", "t"], ascending=[True, True, False, False],
                              na_position="last", kind="stable")
    best = found.drop_duplicates(["n", "rel"], keep="first")

    out = []
    b_n, b_p = best["n"].to_numpy(), best["p"].to_numpy()
    e_cols = {c: pool.get(c, b_p) for c in _DETAIL_COLUMNS}
    n_cols = {c: new[c].to_numpy(object)[b_n] for c in _DETAIL_COLUMNS}
    for i, (sc, r, sd) in enumerate(zip(best["score"], best["rel"], best["side"])):
        e_row = {c: v[i] for c, v in e_cols.items()}
        n_row = {c: v[i] for c, v in n_cols.items()}
        new_id, earlier_id = str(n_row["claim_id"]), str(e_row["claim_id"])
        out.append(Match(match_id=stable_id("claim", new_id, earlier_id), kind="claim",
                         new_id=new_id, earlier_id=earlier_id, score=float(sc), relation=str(r),
                         detail=claim_detail(str(r), str(sd), e_row, n_row)))
    return out
