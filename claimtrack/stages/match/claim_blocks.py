"""Which claims meet: each claim's key (counted thing | unit) and its blocks.

A claim's blocks are ``key|subject`` for each subject it names (``key|`` when none), plus
``key|*`` when the counted thing is specific, plus one block per headline; only claims sharing
a block are scored against each other (blocking.candidate_pairs pairs them).

>>> import pandas as pd
>>> concept_keys(pd.DataFrame({"noun": ["civilians", "refugees"], "unit": [None, None],
...                            "sentence": ["", ""], "surface": ["3 million", "2 million"],
...                            "qualifier": [None, None]})).tolist()
['civilian|', 'refugee|']
"""
from __future__ import annotations

import itertools

import numpy as np
import pandas as pd

from claimtrack.stages.match.claim_context import _CASUALTY_RE, _text
from claimtrack.stages.match.claim_entities import _norm_subject
from claimtrack.stages.match.nouns import _GENERIC, concept_key, noun_key, unit_key


def _map_distinct(values: pd.Series, fn) -> np.ndarray:
    """``fn`` of each value, called once per distinct value (missing values give ``fn(None)``)."""
    codes, uniques = pd.factorize(values)
    mapped = np.empty(len(uniques) + 1, dtype=object)
    mapped[:-1] = [fn(u if isinstance(u, str) else None) for u in uniques]
    mapped[-1] = fn(None)
    return mapped[codes]


def concept_keys(df: pd.DataFrame) -> pd.Series:
    """``concept|unit`` per row, computed once per distinct noun/unit (generic nouns per row)."""
    nkey = _map_distinct(df["noun"], noun_key)
    generic = np.flatnonzero(np.isin(nkey, list(_GENERIC)))
    if len(generic):
        # only sentences that hold a casualty word at all can refine the key (vectorised test)
        sent = df["sentence"].iloc[generic].astype("string")
        has = sent.str.contains(_CASUALTY_RE, regex=True, case=False, na=False).to_numpy(dtype=bool)
        generic = generic[has]
    if len(generic):
        sub = df.iloc[generic]
        nkey[generic] = [concept_key(_text(n), _text(s), _text(f), _text(q)) for n, s, f, q in zip(
            sub["noun"].to_numpy(object), sub["sentence"].to_numpy(object),
            sub["surface"].to_numpy(object), sub["qualifier"].to_numpy(object))]
    ukey = _map_distinct(df["unit"], unit_key)
    n_codes, n_uniques = pd.factorize(nkey)
    u_codes, u_uniques = pd.factorize(ukey)
    combo, pairs = pd.factorize(n_codes.astype("int64") * (len(u_uniques) + 1) + u_codes)
    names = np.array([f"{n_uniques[c // (len(u_uniques) + 1)]}|{u_uniques[c % (len(u_uniques) + 1)]}"
                      for c in pairs], dtype=object)
    return pd.Series(names[combo], index=df.index, dtype=object)


_NONE = ("",)


def _subjects(subject: pd.Series) -> pd.Series:
    """One row per (row, normalised subject), indexed by row position; no subject gives ''."""
    cells = [v if isinstance(v, (list, tuple, np.ndarray)) and len(v) else _NONE
             for v in subject.to_numpy(object).tolist()]
    lengths = np.fromiter((len(v) for v in cells), dtype="int64", count=len(cells))
    flat = np.fromiter(itertools.chain.from_iterable(cells), dtype=object, count=int(lengths.sum()))
    codes, uniques = pd.factorize(flat)
    norm = np.empty(len(uniques) + 1, dtype=object)
    norm[:-1] = [_norm_subject(u) if isinstance(u, str) else "" for u in uniques]
    norm[-1] = ""
    return pd.Series(norm[codes], index=np.repeat(np.arange(len(cells)), lengths), dtype=object)


def block_tables(new: pd.DataFrame, hist: pd.DataFrame | None, keys_new: np.ndarray,
                  keys_hist: np.ndarray | None, t_new: np.ndarray, t_hist: np.ndarray | None,
                  hist_rows: np.ndarray | None, h: int) -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    """Exploded block tables (new, pool) with integer block and article codes, and ``hubs``:
    the subjects named in too many of these articles to say that two figures are about one
    entity (see :class:`MatchSettings`).

    Blocks: ``key|subject`` for each subject (``key|`` when there is none), plus ``key|*`` when
    the counted thing is specific (not "people" or unknown): subject lists are incomplete, so
    "1,000 dead" must meet "300 dead" even when only one of them names the country; the
    subject overlap still weighs in the score. ``weight`` is 1 for a real shared subject.
    ``hist`` holds the pre-filtered history rows, ``hist_rows`` their positions in the full
    history; pool rows are numbered history positions first, then ``h`` + position in new.
    """
    parts_s = [_subjects(new["subject"])]
    parts_k = [keys_new]
    parts_a = [new["article_id"]]
    parts_t = [new["title"]]
    if hist is not None:
        parts_s.append(_subjects(hist["subject"]))
        parts_k.append(keys_hist)
        parts_a.append(hist["article_id"])
        parts_t.append(hist["title"])
    keys_all = np.concatenate(parts_k)
    key_codes, key_uniques = pd.factorize(keys_all)
    key_specific = ~np.isin(np.array([k.split("|", 1)[0] for k in key_uniques], dtype=object), list(_GENERIC))
    specific = key_specific[key_codes]
    art_codes, art_uniques = pd.factorize(np.concatenate([a.to_numpy(object) for a in parts_a]))
    subj_all = pd.concat(parts_s, ignore_index=True)
    subj_codes, subj_uniques = pd.factorize(subj_all.to_numpy(object))
    has_subj = (subj_all.to_numpy(object) != "").astype("int64")
    width = len(subj_uniques) + 1  # code width - 1 is the wildcard
    sizes = [len(keys_new)] + ([len(keys_hist)] if hist is not None else [])
    row_offsets = np.cumsum([0] + sizes)
    # one more block per headline: a story's earlier version always meets its later one, however
    # many reports of the same counted thing came in between
    title_codes, title_uniques = pd.factorize(np.concatenate([t.to_numpy(object) for t in parts_t]))
    story_base = len(key_uniques) * width
    tables = []
    s_off = 0
    art_of_subj = []
    for part, (subj, t, order, rows) in enumerate(
            [(parts_s[0], t_new, np.arange(len(keys_new)), np.arange(len(keys_new)) + h)]
            + ([(parts_s[1], t_hist, np.full(len(keys_hist), -1), hist_rows)] if hist is not None else [])):
        local = subj.index.to_numpy()
        glob = local + row_offsets[part]
        sl = slice(s_off, s_off + len(local))
        s_off += len(local)
        art_of_subj.append(art_codes[glob])
        wild = np.flatnonzero(specific[row_offsets[part]:row_offsets[part + 1]])
        wglob = wild + row_offsets[part]
        titled = np.flatnonzero(title_codes[row_offsets[part]:row_offsets[part + 1]] >= 0)
        tglob = titled + row_offsets[part]
        tables.append(pd.DataFrame({
            "row": np.concatenate([rows[local], rows[wild], rows[titled]]),
            "block": np.concatenate([key_codes[glob] * width + subj_codes[sl], key_codes[wglob] * width + width - 1,
                                     story_base + key_codes[tglob].astype("int64") * (len(title_uniques) + 1)
                                     + title_codes[tglob]]),
            "article_id": np.concatenate([art_codes[glob], art_codes[wglob], art_codes[tglob]]),
            "order": np.concatenate([order[local], order[wild], order[titled]]),
            "t": np.concatenate([t[local], t[wild], t[titled]]),
            "weight": np.concatenate([has_subj[sl], np.zeros(len(wild) + len(titled), dtype="int64")]),
        }))
    pool_new = tables[0]
    new_blocks = pool_new.assign(row=pool_new["row"] - h)
    pool = pool_new if hist is None else pd.concat([tables[1], pool_new], ignore_index=True)
    # for subject_articles(): in how many articles a subject is named (computed when needed)
    stats = {"articles": len(art_uniques), "subj_codes": subj_codes, "subj_uniques": subj_uniques,
             "subj_art": np.concatenate(art_of_subj)}
    return new_blocks, pool, stats
