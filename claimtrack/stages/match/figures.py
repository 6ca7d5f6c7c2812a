"""Matching new numeric claims against earlier ones: block, score, relate, keep the best.

1. Block: a claim's blocks are ``noun key | unit key | subject`` (one per subject, or one with
   an empty subject), plus ``noun key | unit key | *`` when the noun is specific. Only earlier
   claims sharing a block are candidates (claim_blocks.py, blocking.py).
2. Score (0–1): 0.7 × context similarity (rapidfuzz ``token_set_ratio`` of the content words
   around the figure) + 0.3 × subject agreement (1 when they share a subject, 0 when both name
   subjects and share none, 0.5 when either names none).
3. Relate the intervals (relate.py) and keep, per new claim, the best-scoring earlier claim of
   each relation (ties: the most recent). So a claim yields at most four matches.
4. A contradiction is what a reviewer must read, so it needs more than a shared counted noun
   ("net", "shares", "dlrs" are said of every company):
   - a higher score, and subject lists that are not disjoint;
   - evidence of one entity (same_entity): a shared subject that is not a hub (a name in a
     large share of the articles: a big country, a regulator), or else headlines that start
     with the same uncommon word (or the same headline);
   - the same period (nouns.period_marks: "1986 sales" vs "first quarter 1986 sales" are two
     figures), and the same side of a comparison ("5 mln vs 4 mln": the 4 mln is last year's);
   - no agreeing figure in the earlier article ("15 dlrs now, 12 dlrs for months before");
   - neither an increment, a time reference, a margin, a ratio part nor a projection
     (nouns.can_contradict); bare figures need similar wording (bare_context_ok).

Cost: history is filtered by key first; per-claim work (context words, key refinement, the
reviewer's phrase) is memoised, so a claim scored again on later nights costs a lookup.

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

from claimtrack.stages.match.blocking import candidate_pairs
from claimtrack.stages.match.claim_blocks import block_tables, concept_keys
from claimtrack.stages.match.claim_context import (_CASUALTY_KEYS, _as_tuple, _context, _is_bare,
                                                   _text, bare_context_ok)
from claimtrack.stages.match.claim_entities import _norm_subject, conflict_evidence
from claimtrack.stages.match.detail import _DETAIL_COLUMNS, fast_detail
from claimtrack.stages.match.frames import check_frames, side_frame
from claimtrack.stages.match.nouns import _GENERIC, can_contradict, direction, noun_key, unit_key
from claimtrack.stages.match.relate import relate_units
from claimtrack.stages.match.settings import MatchSettings
from claimtrack.stages.match.units import grains
from claimtrack.records import Match, stable_id

_COLUMNS = ("claim_id", "article_id", "surface", "value", "low", "high", "qualifier", "unit",
            "noun", "subject", "sentence", "published_at", "source", "title", "holder", "measure",
            "period", "scope", "lang")
# what the careful check (frames.py) reads of each side of a kept pair
_FRAME_COLUMNS = ("holder", "measure", "period", "scope", "title", "sentence", "surface", "noun", "subject",
                  "published_at", "value", "unit")


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


class _Rows:
    """The columns of the pool rows that appear in candidate pairs, fetched once; ``pos(rows)``
    gives each pool row's index into them."""

    def __init__(self, pool: _Pool, rows: np.ndarray):
        self.pool, self.rows, self._cols = pool, np.unique(rows), {}

    def pos(self, rows: np.ndarray) -> np.ndarray:
        return np.searchsorted(self.rows, rows)

    def __getitem__(self, name: str) -> np.ndarray:
        if name not in self._cols:
            self._cols[name] = self.pool.get(name, self.rows)
        return self._cols[name]

    def derived(self, name: str, fn) -> np.ndarray:
        """``fn(row dict-like)`` per row, computed once per call (fn itself may be memoised)."""
        if name not in self._cols:
            self._cols[name] = fn()
        return self._cols[name]


def _n_subjects(values: np.ndarray) -> np.ndarray:
    return np.fromiter((len(v) if isinstance(v, (list, tuple, np.ndarray)) else 0 for v in values),
                       dtype="int64", count=len(values))


def _contexts(rows: _Rows) -> np.ndarray:
    return rows.derived("ctx", lambda: np.array(
        [_context(_text(se), _text(su), _text(no), _as_tuple(sj), _text(q)) for se, su, no, sj, q in zip(
            rows["sentence"], rows["surface"], rows["noun"], rows["subject"], rows["qualifier"])] + [""],
        dtype=object)[:-1])


def score_pairs(pairs: pd.DataFrame, rows: _Rows) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """0–1 score per candidate pair (context similarity and subject overlap, see module doc),
    whether both claims name subjects but share none, and both context strings."""
    pn, pp = rows.pos(pairs["new_row"].to_numpy()), rows.pos(pairs["pool_row"].to_numpy())
    ctx = _contexts(rows)
    n_subj = rows.derived("n_subj", lambda: _n_subjects(rows["subject"]))
    ctx_n, ctx_p = ctx[pn], ctx[pp]
    sim = process.cpdist(ctx_n.tolist(), ctx_p.tolist(), scorer=fuzz.token_set_ratio,
                         workers=1).astype("float64") / 100.0
    smaller = np.minimum(n_subj[pn], n_subj[pp])
    shared = pairs["shared"].to_numpy().copy()
    # pairs met only through a headline block (or a capped subject block) may share a subject
    # all the same: count it from the lists themselves
    unsure = np.flatnonzero((shared == 0) & (smaller > 0))
    if len(unsure):
        subjects = rows["subject"]
        shared[unsure] = [len({_norm_subject(x) for x in _as_tuple(subjects[i])}
                              & {_norm_subject(x) for x in _as_tuple(subjects[j])})
                          for i, j in zip(pn[unsure].tolist(), pp[unsure].tolist())]
    # extracted subject lists are noisy ("Aid" from "Aid groups"): one shared name is the signal
    subj = np.where(smaller == 0, 0.5, (shared > 0).astype("float64"))
    apart = (smaller > 0) & (shared == 0)
    return np.round(0.7 * sim + 0.3 * np.minimum(subj, 1.0), 4), apart, ctx_n, ctx_p


def _history_filter(history: pd.DataFrame, t_hist: np.ndarray, keys_new: np.ndarray, t_new: np.ndarray,
                    s: MatchSettings) -> np.ndarray:
    """Positions of history rows that can share a block with some new claim and are recent enough:
    the same counted thing and unit (a generic noun: any unit a casualty or generic key wants).

    One noun_key/unit_key call per distinct noun/unit, so this is cheap on a large history.
    """
    wanted = {tuple(k.split("|", 1)) for k in pd.unique(keys_new)}
    # generic heads ("people") become casualty keys or stay generic: wanted with the units of
    # the casualty and generic keys wanted
    generic_units = {u for n, u in wanted if n in _CASUALTY_KEYS or n in _GENERIC}
    n_codes, n_uniques = pd.factorize(history["noun"])
    u_codes, u_uniques = pd.factorize(history["unit"])
    n_keys = [noun_key(v if isinstance(v, str) else None) for v in n_uniques] + [noun_key(None)]
    u_keys = [unit_key(v if isinstance(v, str) else None) for v in u_uniques] + [unit_key(None)]
    width = len(u_keys)
    pair = n_codes.astype("int64") * width + np.where(u_codes < 0, width - 1, u_codes)
    pair = np.where(n_codes < 0, (len(n_keys) - 1) * width + (pair % width), pair)
    distinct = np.unique(pair)
    ok = [(n_keys[c // width], u_keys[c % width]) in wanted
          or (n_keys[c // width] in _GENERIC and u_keys[c % width] in generic_units) for c in distinct.tolist()]
    keep = np.isin(pair, distinct[np.array(ok, dtype=bool)]) if len(distinct) else np.zeros(len(pair), dtype=bool)
    if np.isfinite(t_new).any():  # undated new claims may meet history of any age
        oldest_new = np.nanmin(t_new) if np.isfinite(t_new).all() else -np.inf
        keep &= ~(t_hist < oldest_new - s.update_window.total_seconds())
    return np.flatnonzero(keep)


def _row_dicts(rows: _Rows, pos: np.ndarray, cols) -> list[dict]:
    vals = [rows[c][pos] for c in cols]
    return [dict(zip(cols, v)) for v in zip(*vals)]


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
    h = len(history)
    t_new = _seconds(new["published_at"])
    keys_new = concept_keys(new).to_numpy(object)
    pool = _Pool(history, new)
    hist = keys_hist = t_keep = keep = None
    t_hist = np.empty(0)
    if h:
        t_hist = _seconds(history["published_at"])
        keep = _history_filter(history, t_hist, keys_new, t_new, s)
        if len(keep):
            hist = history[["noun", "unit", "sentence", "surface", "qualifier", "subject",
                            "article_id", "title"]].iloc[keep]
            keys_hist, t_keep = concept_keys(hist).to_numpy(object), t_hist[keep]
    new_blocks, pool_blocks, stats = block_tables(new, hist, keys_new, keys_hist, t_new, t_keep, keep, h)
    frames = [history, new]  # headline counts over every article at hand
    del keys_hist
    pairs = candidate_pairs(new_blocks, pool_blocks, s.max_candidates_per_block)
    if len(pairs) == 0:
        return []

    t_pool = np.concatenate([t_hist, t_new])
    n_rows, p_rows = pairs["new_row"].to_numpy(), pairs["pool_row"].to_numpy()
    t_p = t_pool[p_rows]
    gap = t_new[n_rows] - t_p
    in_window = ~(gap > s.update_window.total_seconds())
    pairs, n_rows, p_rows, gap, t_p = (pairs[in_window], n_rows[in_window], p_rows[in_window],
                                       gap[in_window], t_p[in_window])
    if len(pairs) == 0:
        return []
    # pool rows of the new batch are addressed as H + position in the scoring helpers
    pairs = pairs.assign(new_row=n_rows + h)
    rows = _Rows(pool, np.concatenate([n_rows + h, p_rows]))
    pn, pp = rows.pos(n_rows + h), rows.pos(p_rows)
    score, apart, ctx_n, ctx_p = score_pairs(pairs, rows)
    # pairs that could never be kept are not related at all; nor are two articles in different
    # languages (when both are known)
    live = (score >= s.min_score) & ~_other_language(rows["lang"], pn, pp)
    if not live.all():
        keep_idx = np.flatnonzero(live)
        pairs, n_rows, p_rows, gap, t_p, pn, pp, score, apart, ctx_n, ctx_p = (
            x[keep_idx] if isinstance(x, np.ndarray) else x.iloc[keep_idx]
            for x in (pairs, n_rows, p_rows, gap, t_p, pn, pp, score, apart, ctx_n, ctx_p))
    if len(pairs) == 0:
        return []

    concept = keys_new[n_rows]
    growing = np.isin(np.array([k.split("|", 1)[0] for k in concept], dtype=object),
                      np.array(s.growing_nouns, dtype=object))
    value = rows.derived("value_f", lambda: rows["value"].astype("float64"))
    low = rows.derived("low_f", lambda: rows["low"].astype("float64"))
    high = rows.derived("high_f", lambda: rows["high"].astype("float64"))
    grain = rows.derived("grain", lambda: grains(rows["surface"], value))
    unit, qual = rows["unit"], rows["qualifier"]
    # unlike compare, no strict bounds here: "more than 300" after "300" may only round the
    # first figure off, and no reviewer wants that flag
    rel, side = relate_units(
        e_unit=unit[pp], n_unit=unit[pn], e_grain=grain[pp], n_grain=grain[pn],
        e_value=value[pp], e_low=low[pp], e_high=high[pp], e_qual=qual[pp],
        n_value=value[pn], n_low=low[pn], n_high=high[pn], n_qual=qual[pn],
        gap_seconds=gap, growing=growing, settings=s)

    # a conflict is flagged only with evidence that both figures are about the same place or
    # body: claims that both name subjects but share none may agree, never contradict
    flag_ok = (score >= s.min_contradiction_score) & ~apart
    # the same change reported in opposite directions ("exports fell 5%" / "rose 5%") conflicts
    same = np.flatnonzero((rel == "repeat") & flag_ok)
    if len(same):
        sent, surf, q = rows["sentence"], rows["surface"], rows["qualifier"]

        def way(r: int) -> str:
            return direction(_text(sent[r]), _text(surf[r]), _text(q[r]))
        flip = np.array([bool(x) and bool(y) and x != y for x, y in (
            (way(i), way(j)) for i, j in zip(pp[same].tolist(), pn[same].tolist()))], dtype=bool)
        rel[same[flip]], side[same[flip]] = "contradiction", "direction"
    ok = (score >= s.min_score) & ((rel != "contradiction") | flag_ok)
    cand = np.flatnonzero(ok & (rel == "contradiction"))
    agree = np.flatnonzero(ok & ((rel == "repeat") | (rel == "consistent")))
    if len(cand) and len(agree):
        # an earlier article that also gives a figure agreeing with the new one does not
        # contradict it: it names two quantities ("15 to 17 dlrs now, 12 dlrs for months before")
        art = rows["article_id"]
        agreeing = set(zip(n_rows[agree].tolist(), art[pp[agree]].tolist()))
        drop = [k for k in cand.tolist() if (n_rows[k], art[pp[k]]) in agreeing]
        ok[drop] = False
        cand = np.flatnonzero(ok & (rel == "contradiction"))
    if len(cand):
        # the same entity, the same period, the same side of a comparison (claim_entities)
        ok[cand[~conflict_evidence(cand, pn, pp, rows, stats, frames, s)]] = False
        cand = np.flatnonzero(ok & (rel == "contradiction"))
    if len(cand):
        # increments, time references and part/whole nouns cannot contradict (nouns.can_contradict)
        # (only the three best candidates per new claim are checked, the rest dropped: those of
        # the same headline first, a story's earlier version, then the best-scored)
        titles = rows["title"]
        other = np.fromiter((not (isinstance(x, str) and x == y) for x, y in zip(titles[pn[cand]], titles[pp[cand]])),
                            dtype=bool, count=len(cand))
        top = pd.DataFrame({"i": cand, "n": n_rows[cand], "o": other, "s": -score[cand]}).sort_values(
            ["n", "o", "s"], kind="stable").groupby("n", sort=False).head(3)["i"].to_numpy()
        ok[np.setdiff1d(cand, top)] = False
        check = np.sort(top)
        cols = ("sentence", "surface", "qualifier", "unit", "noun")
        e_rows, n_rows_d = _row_dicts(rows, pp[check], cols), _row_dicts(rows, pn[check], cols)
        for k, idx in enumerate(check):
            bare = _is_bare(concept[idx], e_rows[k], n_rows_d[k])
            if (bare and not bare_context_ok(ctx_n[idx], ctx_p[idx], s)) or not can_contradict(
                    e_rows[k], n_rows_d[k], side[idx]):
                ok[idx] = False
    ok &= rel != ""  # disjoint figures of an undated article: neither contradiction nor update
    conf, evid = _careful_check(np.flatnonzero(ok), ok, rel, pn, pp, score, concept, gap, rows)
    found = pd.DataFrame({"n": n_rows, "p": p_rows, "score": score, "rel": rel, "side": side,
                          "t": t_p, "conf": conf, "evid": evid})[ok]
    if len(found) == 0:
        return []
    found = found.sort_values(["n", "rel", "score", "t"], ascending=[True, True, False, False],
                              na_position="last", kind="stable")
    best = found.drop_duplicates(["n", "rel"], keep="first")

    out = []
    b_n, b_p = best["n"].to_numpy(), best["p"].to_numpy()
    e_cols = [pool.get(c, b_p) for c in _DETAIL_COLUMNS]
    n_cols = [pool.get(c, b_n + h) for c in _DETAIL_COLUMNS]
    gaps = t_new[b_n] - best["t"].to_numpy()
    for sc, r, sd, gap, cf, ev, e_vals, n_vals in zip(
            best["score"].tolist(), best["rel"].tolist(), best["side"].tolist(), gaps.tolist(),
            best["conf"].tolist(), best["evid"].tolist(), zip(*e_cols), zip(*n_cols)):
        new_id, earlier_id = str(n_vals[0]), str(e_vals[0])
        out.append(Match(match_id=stable_id("claim", new_id, earlier_id), kind="claim",
                         new_id=new_id, earlier_id=earlier_id, score=float(sc), relation=str(r),
                         detail=fast_detail(str(r), str(sd), e_vals, n_vals, gap),
                         confidence=float(cf), evidence=str(ev)))
    return out


def _other_language(lang: np.ndarray, pn: np.ndarray, pp: np.ndarray) -> np.ndarray:
    """Pairs whose articles are in two different known languages."""
    known = np.array([isinstance(v, str) and bool(v) for v in lang], dtype=bool)
    codes = pd.factorize(np.where(known, lang, ""))[0]
    return known[pn] & known[pp] & (codes[pn] != codes[pp])


def _careful_check(idx: np.ndarray, ok: np.ndarray, rel: np.ndarray, pn: np.ndarray, pp: np.ndarray,
                   score: np.ndarray, concept: np.ndarray, gap: np.ndarray, rows: _Rows):
    """frames.check_frames on the kept pairs ``idx``: drops (``ok`` False) the pairs whose frames
    say they are about different things, turns a contradiction the new sentence calls a revision
    into an update (``rel``), and gives every kept pair its confidence and evidence."""
    conf = np.zeros(len(ok), dtype="float64")
    evid = np.full(len(ok), "", dtype=object)
    if len(idx) == 0:
        return conf, evid
    involved = np.unique(np.concatenate([pn[idx], pp[idx]]))
    frames = dict(zip(involved.tolist(), (side_frame(r) for r in _row_dicts(rows, involved, _FRAME_COLUMNS))))
    sentences = rows["sentence"]
    for k in idx.tolist():
        v = check_frames(str(rel[k]), frames[pp[k]], frames[pn[k]], float(score[k]), _text(sentences[pn[k]]),
                         str(concept[k]), float(gap[k]))
        if not v.relation or (v.relation == "contradiction" and frames[pn[k]]["table"]
                              and _net_on_another_basis(rows, pp[k], pn[k], frames)):
            ok[k] = False
            continue
        rel[k], conf[k], evid[k] = v.relation, v.confidence, v.evidence
    return conf, evid


def _net_on_another_basis(rows: _Rows, e: int, n: int, frames: dict) -> bool:
    """Two versions of a results table whose net lines differ while their per-share lines of the
    same section agree: the net is stated on another basis (before or after preferred dividends,
    or extraordinary items), not corrected."""
    measure = frames[n]["measure"] or ""
    if not measure.startswith(("net", "oper net")):
        return False
    pool, ids, periods = rows.pool, rows["article_id"], rows["period"]
    shares = [_per_share_line(pool, ids[r], periods[r]) for r in (e, n)]
    return shares[0] is not None and shares[0] == shares[1]


def _per_share_line(pool: _Pool, article_id, period) -> str | None:
    """The per-share line ("Shr 28 cts vs nil") of one section of an article's results table."""
    for frame in (pool.new, pool.history):
        if not len(frame) or "period" not in frame.columns:
            continue
        mine = frame[frame["article_id"].to_numpy(object) == article_id]
        for sentence, p in zip(mine["sentence"].tolist(), mine["period"].tolist()):
            same = (p == period) or (not isinstance(p, str) and not isinstance(period, str))
            if same and isinstance(sentence, str) and _SHR_LINE.match(sentence):
                return " ".join(sentence.split()).lower()
    return None


_SHR_LINE = re.compile(r"^\s*(?:oper\s+)?shr\b", re.I)


