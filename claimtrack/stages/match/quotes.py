"""Matching new quotes against earlier ones: repeat, altered, misattributed.

1. Quotes shorter than ``min_quote_words`` words never match ("no comment" is said by everyone).
2. Block on word 2-grams: candidates share at least ``quote_min_shared_shingles`` of them;
   2-grams found in more than ``quote_max_shingle_df`` earlier quotes are too common to block on.
3. Score (0–100): rapidfuzz ``ratio`` of the normalised texts (lower case, punctuation dropped);
   when one quote is much shorter (a fragment quoted again) ``partial_ratio`` of it inside the
   longer one.
4. Relate: identical normalised words (or a fragment found verbatim) from the same speaker, or
   with either speaker unknown, is a ``repeat``; from a different speaker ``misattributed``.
   Nearly the same words (score >= ``quote_altered_ratio``) from the same speaker are
   ``altered``; from a different speaker ``misattributed`` only when the score is >= 90.
   Per new quote, the best earlier quote per relation is kept (ties: the earliest, the original).

>>> import pandas as pd
>>> e = dict(quote_id="q1", article_id="A", speaker="Recep Tayyip Erdogan",
...          text="the entire world has eyes focused on our meeting today.")
>>> n = dict(quote_id="q2", article_id="B", speaker="Vladimir Putin",
...          text="The entire world has eyes focused on our meeting today")
>>> [m.relation for m in match_quotes(pd.DataFrame([n]), pd.DataFrame([e]))]
['misattributed']
"""
from __future__ import annotations

import difflib
import re
from functools import lru_cache

import numpy as np
import pandas as pd
from rapidfuzz import fuzz

from claimtrack.stages.match.detail import quote_detail, word_changes
from claimtrack.stages.match.figures import _seconds
from claimtrack.stages.match.settings import MatchSettings
from claimtrack.records import Match, stable_id

_TOKEN = re.compile(r"[\w$%]+(?:[.,'’][\w]+)*")
_COLUMNS = ("quote_id", "article_id", "text", "speaker", "sentence", "published_at", "source", "title")
_MISATTRIBUTED_NEAR = 90.0
_FRAGMENT_LENGTH_RATIO = 0.8


@lru_cache(maxsize=1 << 16)
def _normalise(text: str) -> str:
    return " ".join(_TOKEN.findall(text.lower().replace("’", "'")))


def normalise(text: str | None) -> str:
    """Lower case words, punctuation dropped, numbers kept ("3,000" stays one token).

    >>> normalise("“I believe,” he said -- 3,000 times!")
    'i believe he said 3,000 times'
    """
    if not isinstance(text, str):
        return ""
    return _normalise(text)


# titles and roles are not names: "the president" and "President Febres Cordero" may be one man
_TITLES = frozenset("""mr mrs ms dr sir lord lady president vice prime minister mayor governor senator
sen rep representative general gen chancellor secretary spokesman spokeswoman spokesperson chief
official officials king queen prince judge pope foreign finance interior deputy head commissioner
director chairman chairwoman chair executive ceo officer manager ambassador envoy adviser advisor
aide attorney prosecutor inspector superintendent commander colonel captain admiral coach leader
councillor councilor treasurer""".split())


def _name_words(name) -> list[str]:
    """The words of a speaker's name after its last title or role word, in order; none when the
    speaker is an office rather than a person ("the president", "Treasury Secretary", "the UAW
    chief", "officials"): the words before a role word say whose office it is.

    >>> _name_words("Treasury Secretary James Baker"), _name_words("Treasury Secretary")
    (['james', 'baker'], [])
    """
    if not isinstance(name, str):
        return []
    words = re.findall(r"[A-Za-z][A-Za-z'-]*", name)
    last_title = max((i for i, w in enumerate(words) if w.lower() in _TITLES), default=-1)
    return [w.lower() for w in words[last_title + 1:] if w[0].isupper()]


def same_speaker(a, b) -> bool | None:
    """True/False when both names are known; None when either is unknown (an office).

    One name's words within the other's is one person; so is one surname with first names of
    which one begins the other (a short form: "Pat" and "Patricia").

    >>> same_speaker("Recep Tayyip Erdogan", "Erdogan"), same_speaker("Erdogan", "Putin"), same_speaker(None, "Putin")
    (True, False, None)
    >>> same_speaker("the president", "Leon Febres Cordero"), same_speaker("President Putin", "Mr Putin")
    (None, True)
    >>> same_speaker("Treasury Secretary", "James Baker"), same_speaker("Pat Carney", "Patricia Carney")
    (None, True)
    """
    wa, wb = _name_words(a), _name_words(b)
    if not wa or not wb:
        return None
    ta, tb = frozenset(wa), frozenset(wb)
    if ta <= tb or tb <= ta:
        return True
    if len(wa) >= 2 and len(wb) >= 2 and wa[-1] == wb[-1]:
        first_a, first_b = wa[0], wb[0]
        return first_a.startswith(first_b) or first_b.startswith(first_a)
    return False


def _conform(df: pd.DataFrame | None) -> pd.DataFrame:
    if df is None:
        df = pd.DataFrame()
    df = df.reset_index(drop=True)
    missing = {c: None for c in _COLUMNS if c not in df.columns}
    return df.assign(**missing) if missing else df


_STOP = frozenset("""a an the of in on at to for from by with and or but as is are was were be been
it its this that we i you he she they our my your his her their will would not no have has had do
does did so if than then there here what which who""".split())


@lru_cache(maxsize=1 << 16)
def _grams(text: str, min_words: int) -> tuple[int, ...]:
    """The hashed word 2-grams of one normalised quote (none when it is too short), memoised:
    a quote is shingled again on every later night."""
    words = text.split()
    if len(words) < min_words:
        return ()
    # hashed: ints are a fraction of the memory of strings (both sides hash in this process)
    return tuple({hash((a, b)) for a, b in zip(words, words[1:]) if not (a in _STOP and b in _STOP)})


def _shingles(norm: pd.Series, min_words: int) -> pd.DataFrame:
    """(row, shingle) for every word 2-gram of every quote long enough to match; 2-grams of
    two stop words ("of the") are left out, they pair everything with everything."""
    per_row = [_grams(text, min_words) for text in norm.to_numpy(object).tolist()]
    counts = np.fromiter((len(g) for g in per_row), dtype="int64", count=len(per_row))
    rows = np.repeat(norm.index.to_numpy(dtype="int64"), counts)
    grams = np.fromiter((g for gs in per_row for g in gs), dtype="int64", count=int(counts.sum()))
    return pd.DataFrame({"row": rows, "gram": grams})


_SPELLING_RATIO = 80.0


def spelling_only(a: str, b: str) -> bool:
    """Whether two normalised quotes differ only in the spelling of some words: each changed
    word is replaced one for one by a word with at least 80 % of the same letters, and no
    changed word holds a digit (a changed figure is a changed quote), none is added or dropped.

    >>> spelling_only("we must emphasise the growth", "we must emphasize the growth")
    True
    >>> spelling_only("we will cut 1,500 jobs", "we will cut 1,600 jobs"), spelling_only("we will not go", "we will go")
    (False, False)
    """
    wa, wb = a.split(), b.split()
    ops = [op for op in difflib.SequenceMatcher(a=wa, b=wb, autojunk=False).get_opcodes() if op[0] != "equal"]
    if not ops:
        return False
    for tag, i1, i2, j1, j2 in ops:
        if tag != "replace" or i2 - i1 != j2 - j1:
            return False
        for x, y in zip(wa[i1:i2], wb[j1:j2]):
            if any(c.isdigit() for c in x + y) or fuzz.ratio(x, y) < _SPELLING_RATIO:
                return False
    return True


def score_quote_pair(a: str, b: str) -> tuple[float, str, str]:
    """Score (0–100) of two normalised quotes and the aligned texts to diff.

    >>> score_quote_pair("we will win", "we will win")[0]
    100.0
    """
    if a == b:
        return 100.0, a, b
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if long_ and len(short) / len(long_) < _FRAGMENT_LENGTH_RATIO:
        if f" {short} " in f" {long_} ":
            return 100.0, short, short
        al = fuzz.partial_ratio_alignment(short, long_)
        window = long_[al.dest_start:al.dest_end]
        # widen the window to whole words, then score the fragment against it
        s = long_.rfind(" ", 0, al.dest_start) + 1
        e = long_.find(" ", al.dest_end)
        window = long_[s: e if e >= 0 else len(long_)]
        score = fuzz.ratio(short, window)
        return (score, a, window) if a is short else (score, window, b)
    return fuzz.ratio(a, b), a, b


def match_quotes(new: pd.DataFrame, history: pd.DataFrame,
                 settings: MatchSettings | None = None) -> list[Match]:
    """Relate each new quote to earlier quotes (history, then earlier rows of ``new``).

    Score is on a 0–100 scale (rapidfuzz). At most one match per (new quote, relation).
    """
    s = settings or MatchSettings()
    new = _conform(new)
    if len(new) == 0:
        return []
    history = _conform(history)
    pool = pd.concat([history, new], ignore_index=True)
    order = np.concatenate([np.full(len(history), -1), np.arange(len(new))])
    norm_pool = pool["text"].map(normalise)
    norm_new = norm_pool.iloc[len(history):].reset_index(drop=True)

    sh_new = _shingles(norm_new, s.min_quote_words)
    if len(sh_new) == 0:
        return []
    sh_pool = _shingles(norm_pool, s.min_quote_words)
    sh_pool = sh_pool[sh_pool["gram"].isin(pd.unique(sh_new["gram"]))]
    df = sh_pool.assign(hist=order[sh_pool["row"].to_numpy()] < 0).groupby("gram")["hist"].sum()
    common = df.index[df.to_numpy() > s.quote_max_shingle_df]
    sh_pool = sh_pool[~sh_pool["gram"].isin(common)]
    pairs = sh_new.merge(sh_pool, on="gram", suffixes=("_n", "_p"))
    pairs = pairs.groupby(["row_n", "row_p"], sort=False).size().reset_index(name="shared")
    # nearly the same words share most of the shorter quote's 2-grams (a changed word costs two)
    n_grams = sh_pool.groupby("row").size()
    n_grams_new = sh_new.groupby("row").size()
    smaller = np.minimum(n_grams_new.reindex(pairs["row_n"]).to_numpy(),
                         n_grams.reindex(pairs["row_p"]).fillna(0).to_numpy())
    pairs = pairs[(pairs["shared"].to_numpy() >= s.quote_min_shared_shingles)
                  & (pairs["shared"].to_numpy() >= 0.5 * smaller)]
    n_rows, p_rows = pairs["row_n"].to_numpy(), pairs["row_p"].to_numpy()
    art = pool["article_id"].astype(str).to_numpy()
    ok = (order[p_rows] < n_rows) & (art[p_rows] != art[len(history) + n_rows])
    n_rows, p_rows = n_rows[ok], p_rows[ok]
    if len(n_rows) == 0:
        return []

    t_pool = _seconds(pool["published_at"])
    speakers = pool["speaker"].to_numpy(object)
    found = []
    norm_pool_a, norm_new_a = norm_pool.to_numpy(object), norm_new.to_numpy(object)
    for n, p in zip(n_rows.tolist(), p_rows.tolist()):
        a, b = norm_pool_a[p], norm_new_a[n]
        score, a_aligned, b_aligned = score_quote_pair(a, b)
        if score < s.quote_altered_ratio:
            continue
        same = same_speaker(speakers[p], speakers[len(history) + n])
        if score >= 100.0:
            rel = "misattributed" if same is False else "repeat"
        elif same is True:
            # the same words spelt or inflected differently ("emphasise"/"emphasize") are a repeat
            rel = "repeat" if spelling_only(a_aligned, b_aligned) else "altered"
        elif same is False and score >= _MISATTRIBUTED_NEAR:
            rel = "misattributed"
        else:
            continue
        found.append((n, p, score, rel, t_pool[p], a_aligned, b_aligned))
    if not found:
        return []
    best = (pd.DataFrame(found, columns=["n", "p", "score", "rel", "t", "a", "b"])
            .sort_values(["n", "rel", "score", "t"], ascending=[True, True, False, True],
                         na_position="last", kind="stable")
            .drop_duplicates(["n", "rel"], keep="first"))
    out = []
    cols = [c for c in _COLUMNS if c in pool.columns]
    # only the kept rows become Python objects (a whole column of timestamps costs more)
    e_vals = {c: pool[c].iloc[best["p"].to_numpy()].to_numpy(object) for c in cols}
    n_vals = {c: new[c].iloc[best["n"].to_numpy()].to_numpy(object) for c in cols}
    for k, (sc, r, a, b) in enumerate(zip(best["score"], best["rel"], best["a"], best["b"])):
        e_row, n_row = {c: v[k] for c, v in e_vals.items()}, {c: v[k] for c, v in n_vals.items()}
        changes = word_changes(a, b) if sc < 100 else []
        new_id, earlier_id = str(n_row["quote_id"]), str(e_row["quote_id"])
        out.append(Match(match_id=stable_id("quote", new_id, earlier_id), kind="quote",
                         new_id=new_id, earlier_id=earlier_id, score=round(float(sc), 2),
                         relation=str(r), detail=quote_detail(str(r), e_row, n_row, changes)))
    return out
