"""Matching new quotes against earlier ones: repeat, altered, misattributed.

1. Quotes shorter than ``min_quote_words`` words never match ("no comment" is said by everyone).
2. Block on word 2-grams: candidates share at least ``quote_min_shared_shingles`` of them;
   2-grams found in more than ``quote_max_shingle_df`` earlier quotes are too common to block on.
3. Score (0–100): rapidfuzz ``ratio`` of the normalised texts (lower case, punctuation dropped);
   when one quote is much shorter (a fragment quoted again) ``partial_ratio`` of it inside the
   longer one.
4. Relate (:func:`relate_pair`, with quote_words.py and quote_speakers.py): compare the words,
   keeping only the changes that carry meaning (a negation, a number, a name, a content word, a
   tense; not spelling, contractions, articles, ellipses, brackets or a shorter excerpt).
   - No such change: a ``repeat``; ``misattributed`` instead when both articles name different
     people in the quotes' own attributions (not a resolved pronoun or a name carried from
     context, not an organisation and its officer, not a conduit such as an agency quoting
     him, not a slogan or headline quoted) and the shared words are long and specific enough
     not to be a common phrase.
   - A change from the same speaker, or from a role or office that may be them, is ``altered``
     when both share at least ``ALTERED_MIN_SHARED`` words and, if both articles are dated,
     within ``ALTERED_WINDOW`` (later, it is another statement on another occasion). Names that
     disagree never make an altered quote; two named people make a misattribution (score >= 90).
   - Quotes in two known, different languages never match; an all-capitals "quote" is a table
     line, never flagged. An unknown date (or a raw file's time) is never "the same moment".
   Per new quote, the best earlier quote per relation is kept (ties: the earliest, the original;
   then the one sharing the most words, the best evidenced, the first in publication order).
   Each match carries ``confidence`` (0-1) and one line of ``evidence``.

>>> import pandas as pd
>>> e = dict(quote_id="q1", article_id="A", speaker="Recep Tayyip Erdogan", speaker_mention="Erdogan",
...          text="the entire world has eyes focused on our meeting today.")
>>> n = dict(quote_id="q2", article_id="B", speaker="Vladimir Putin", speaker_mention="Putin",
...          text="The entire world has eyes focused on our meeting today")
>>> [m.relation for m in match_quotes(pd.DataFrame([n]), pd.DataFrame([e]))]
['misattributed']
"""
from __future__ import annotations

import re
from datetime import timedelta
from functools import lru_cache

import numpy as np
import pandas as pd
from rapidfuzz import fuzz

from claimtrack.stages.match.detail import quote_detail
from claimtrack.stages.match.quote_speakers import (NAMED, company_in, conduit, named_phrase, one_side, org_like,
                                                          speaker_via)
from claimtrack.stages.match.quote_words import BREAK, ELLIPSIS, Comparison, meaningful_changes, quote_tokens
from claimtrack.stages.match.figures import _seconds
from claimtrack.stages.match.settings import MatchSettings
from claimtrack.records import Match, stable_id

_TOKEN = re.compile(r"[\w$%]+(?:[.,'’][\w]+)*")
_COLUMNS = ("quote_id", "article_id", "text", "speaker", "sentence", "published_at", "source", "title",
            "speaker_mention", "speaker_via", "partial", "lang", "date_source")
_MISATTRIBUTED_NEAR = 90.0
# a speaker's nearly identical words further apart than this are another statement on another
# occasion, not one statement quoted two ways (two weeks cover the follow-ups, weekly round-ups
# and features that quote one event)
ALTERED_WINDOW = timedelta(days=14)
# misattributed words must be specific: at least this many shared words, this many of them
# content words ("we don't want a trade war" and "a step in the right direction" are said by many)
MISATTRIBUTED_MIN_WORDS = 8
# an altered quote shares at least this many words with the original, in order: fewer ("within
# the first half of this year") is a phrase two statements happen to share
ALTERED_MIN_SHARED = 6
MISATTRIBUTED_MIN_CONTENT = 4
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
    # "Pat Carney of Canada", "Jo Lee, analyst": what follows "of" or a comma is not the name
    name = re.split(r",|\s+of\s+|\s+for\s+|\s+at\s+", name)[0]
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
    >>> same_speaker("Patricia Carney", "Pat Carney of Canada"), same_speaker("Harvey Kapnick", "Kapnik")
    (True, True)
    """
    wa, wb = _name_words(a), _name_words(b)
    if not wa or not wb:
        return None
    ta, tb = frozenset(wa), frozenset(wb)
    if ta <= tb or tb <= ta:
        return True
    if _one_spelling(wa[-1], wb[-1]) and (len(wa) == 1 or len(wb) == 1 or wa[0][0] == wb[0][0]):
        return True  # a surname spelt two ways ("Kapnick"/"Kapnik"), no first name against it
    if len(wa) >= 2 and len(wb) >= 2 and wa[-1] == wb[-1]:
        first_a, first_b = wa[0], wb[0]
        return first_a.startswith(first_b) or first_b.startswith(first_a)
    return False


def _one_spelling(a: str, b: str) -> bool:
    """Two spellings of one surname: long enough, and at most one letter apart.

    The cost: two people whose surnames are one letter apart ("Baker", "Barker") count as one.

    >>> _one_spelling("kapnick", "kapnik"), _one_spelling("raftery", "raferty")
    (True, True)
    >>> _one_spelling("putin", "erdogan"), _one_spelling("hall", "hill")
    (False, False)
    """
    return a != b and min(len(a), len(b)) >= 5 and fuzz.ratio(a, b) >= 85


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
    cols = {c: pool[c].to_numpy(object) for c in _COLUMNS}
    found = []
    norm_pool_a, norm_new_a = norm_pool.to_numpy(object), norm_new.to_numpy(object)
    for n, p in zip(n_rows.tolist(), p_rows.tolist()):
        a, b = norm_pool_a[p], norm_new_a[n]
        score, a_aligned, b_aligned = score_quote_pair(a, b)
        if score < s.quote_altered_ratio:
            continue
        q = len(history) + n
        e_row = {c: v[p] for c, v in cols.items()}
        n_row = {c: v[q] for c, v in cols.items()}
        gap = _gap(t_pool[p], t_pool[q], e_row.get("date_source"), n_row.get("date_source"))
        verdict = relate_pair(e_row, n_row, score, gap)
        if verdict is None:
            continue
        rel, confidence, evidence, changes = verdict
        # how many words the two share where they align (a fragment of the quote: its own length)
        span = min(len(a_aligned.split()), len(b_aligned.split()))
        found.append((n, p, score, rel, t_pool[p], span, confidence, evidence, changes))
    if not found:
        return []
    # ties: the earliest, then the one sharing the most words (the whole quote over a fragment of
    # it, both scoring 100), the best evidenced, the first in publication order; never the order
    # the 2-grams came in (their hashes, and so the candidates' order, change with the process)
    best = (pd.DataFrame(found, columns=["n", "p", "score", "rel", "t", "span", "conf", "evidence", "changes"])
            .sort_values(["n", "rel", "score", "t", "span", "conf", "p"],
                         ascending=[True, True, False, True, False, False, True], na_position="last", kind="stable")
            .drop_duplicates(["n", "rel"], keep="first"))
    out = []
    for n, p, sc, r, conf, ev, changes in zip(best["n"], best["p"], best["score"], best["rel"], best["conf"],
                                              best["evidence"], best["changes"]):
        e_row = {c: v[p] for c, v in cols.items()}
        n_row = {c: v[len(history) + n] for c, v in cols.items()}
        new_id, earlier_id = str(n_row["quote_id"]), str(e_row["quote_id"])
        out.append(Match(match_id=stable_id("quote", new_id, earlier_id), kind="quote",
                         new_id=new_id, earlier_id=earlier_id, score=round(float(sc), 2),
                         relation=str(r), detail=quote_detail(str(r), e_row, n_row, changes),
                         confidence=conf, evidence=ev))
    return out


# a date taken from the raw file's modification time says when the file was written, not when the
# words were said: two such dates are no gap between two statements
_WEAK_DATES = frozenset({"file-time"})


def _gap(t_earlier: float, t_new: float, source_earlier, source_new) -> float | None:
    """Seconds from the earlier quote's article to the new one's; None when either date is
    unknown or only the file's time: an unknown date is never "the same moment".

    >>> _gap(0.0, 3600.0, "article", "url"), _gap(0.0, float("nan"), "article", None), _gap(0.0, 5.0, "file-time", "article")
    (3600.0, None, None)
    """
    if not (np.isfinite(t_earlier) and np.isfinite(t_new)):
        return None
    if source_earlier in _WEAK_DATES or source_new in _WEAK_DATES:
        return None
    return float(t_new - t_earlier)


def _said(text) -> bool:
    """Whether a quote reads as speech: an all-capitals line is a table row ("PARANA STATE:
    UMUARAMA NIL, ...") that an extractor took for a quote."""
    letters = [c for c in str(text or "") if c.isalpha()]
    return len(letters) < 12 or any(c.islower() for c in letters)


def _known(value) -> str | None:
    return value if isinstance(value, str) and value else None


def _content(tokens: tuple[str, ...]) -> int:
    return sum(1 for w in tokens if w not in _STOP and w not in (ELLIPSIS, BREAK) and len(w) > 2)


def _phrases(changes: list[tuple[str, str]]) -> list[str]:
    """Changes as a reviewer reads them: “three” became “five”, dropped “not”, added “whole”."""
    out = []
    for old, new in changes[:4]:
        out.append(f"“{old}” became “{new}”" if old and new else f"dropped “{old}”" if old else f"added “{new}”")
    if len(changes) > 4:
        out.append(f"{len(changes) - 4} more change(s)")
    return out


def _evidence_changes(changes: list[tuple[str, str]]) -> str:
    return "; ".join(f"'{old}' -> '{new}'" if old and new else f"dropped '{old}'" if old else f"added '{new}'"
                     for old, new in changes[:4])


def _days_apart(gap: float | None) -> str:
    if gap is None:
        return "date unknown on one side"
    days = abs(gap) / 86400
    return f"{days:.0f} day(s) apart" if days >= 1 else f"{abs(gap) / 3600:.0f} hour(s) apart"


def relate_pair(e: dict, n: dict, score: float, gap: float | None):
    """The relation of a new quote ``n`` to an earlier quote ``e`` whose words score ``score``
    (0-100), ``gap`` seconds later (None: a date is unknown): (relation, confidence, evidence,
    changes for the detail), or None when they are not related.

    >>> e = {"text": "the entire world has eyes focused on our meeting today", "speaker": "Recep Tayyip Erdogan",
    ...      "speaker_mention": "Erdogan", "speaker_via": "name", "sentence": "Erdogan said ..."}
    >>> n = {"text": "The entire world has eyes focused on our meeting today", "speaker": "Vladimir Putin",
    ...      "speaker_mention": "Putin", "speaker_via": "name", "sentence": "Putin said ..."}
    >>> relate_pair(e, n, 100.0, 86400.0)[:3]
    ('misattributed', 0.95, 'speakers: Recep Tayyip Erdogan and Vladimir Putin, each named in their own attribution, different people; 10 shared words; 1 day(s) apart')
    >>> relate_pair(e, dict(n, speaker_via="pronoun", speaker_mention="he"), 100.0, 86400.0)[0]
    'repeat'
    """
    lang_e, lang_n = _known(e.get("lang")), _known(n.get("lang"))
    if lang_e and lang_n and lang_e != lang_n:
        return None
    if not (_said(e.get("text")) and _said(n.get("text"))):
        return None
    cmp: Comparison = meaningful_changes(str(e.get("text") or ""), str(n.get("text") or ""),
                                         _excerpt(e), _excerpt(n))
    via_e, via_n = speaker_via(e), speaker_via(n)
    sp_e, sp_n = _known(e.get("speaker")), _known(n.get("speaker"))
    same = same_speaker(sp_e, sp_n)
    titles = (e.get("title"), n.get("title"))
    # two people, each named in their own attribution (checked only for names that disagree)
    people = same is False and all(
        via in NAMED and not org_like(sp) and not conduit(row) and not any(company_in(sp, t) for t in titles)
        for via, sp, row in ((via_e, sp_e, e), (via_n, sp_n, n))) and not one_side(e, n) \
        and not (named_phrase(e) or named_phrase(n))
    shorter = min(quote_tokens(str(e.get("text") or "")), quote_tokens(str(n.get("text") or "")), key=len)
    specific = cmp.shared >= MISATTRIBUTED_MIN_WORDS and _content(shorter) >= MISATTRIBUTED_MIN_CONTENT
    when = _days_apart(gap)
    words = f"{cmp.shared} shared words"
    if cmp.ignored:
        words += " (not counted: " + ", ".join(sorted(set(cmp.ignored))) + ")"
    # how sure both sides are one speaker: named in both, one of them a resolved pronoun or
    # carried from context, or a role or office that may be them
    reliable = 1.0 if same and via_e in NAMED and via_n in NAMED else 0.8 if same else 0.7
    spec = min(1.0, cmp.shared / 12)
    dated = 1.0 if gap is not None else 0.5
    if not cmp.changes or score >= 100.0:
        if people and specific:
            conf = round(0.5 + 0.3 * spec + 0.1 * dated + 0.1 * min(1.0, _content(shorter) / 6), 2)
            return ("misattributed", conf, f"speakers: {sp_e} and {sp_n}, each named in their own attribution, "
                    f"different people; {words}; {when}", [])
        conf = round(0.4 + 0.3 * spec + 0.2 * (1.0 if same else 0.5) + 0.1 * dated, 2)
        return "repeat", conf, f"{_speakers(sp_e, sp_n, via_e, via_n, same)}; {words}; {when}", []
    # a meaningful change: one statement quoted two ways, or two statements that share words
    if cmp.shared < ALTERED_MIN_SHARED or cmp.changed_words > max(2, cmp.shared / 3):
        return None
    changed = _evidence_changes(cmp.changes)
    if people:
        if score < _MISATTRIBUTED_NEAR or not specific:
            return None
        conf = round(0.4 + 0.3 * spec + 0.1 * dated + 0.1 * min(1.0, _content(shorter) / 6), 2)
        return ("misattributed", conf, f"speakers: {sp_e} and {sp_n}, each named in their own attribution, "
                f"different people; {words}; also changed: {changed}; {when}", _phrases(cmp.changes))
    if sp_e is None or sp_n is None:
        return None  # nobody to hold to their words
    if gap is not None and abs(gap) > ALTERED_WINDOW.total_seconds():
        return None  # another occasion
    if same is False:
        # names that disagree without being two named people (a pronoun resolved to someone else,
        # an outlet relaying a speech, an organisation and a person): whose statement was changed
        # cannot be told, and these pairs were mostly excerpts, translations or paraphrases
        return None
    conf = round(0.3 + 0.3 * spec + 0.3 * reliable + 0.1 * dated, 2)
    return ("altered", conf, f"{_speakers(sp_e, sp_n, via_e, via_n, same)}; {words}; changed: {changed}; {when}",
            _phrases(cmp.changes))


def _excerpt(row: dict) -> bool | None:
    """A fragment quoted inside a longer sentence; None: judge by its first letter."""
    return True if row.get("partial") is True else None


def _speakers(sp_e, sp_n, via_e, via_n, same) -> str:
    if same and via_e in NAMED and via_n in NAMED:
        return f"speaker: {sp_n} named in both"
    if same:
        return f"speaker: {sp_n} ({via_e or 'unknown'} / {via_n or 'unknown'})"
    return f"speakers: {sp_e or 'unknown'} ({via_e or 'unknown'}) / {sp_n or 'unknown'} ({via_n or 'unknown'})"
