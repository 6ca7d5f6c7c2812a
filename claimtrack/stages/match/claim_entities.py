"""Is it one entity? The evidence a contradiction between two claims needs before the careful
check: shared subjects that are not hubs (names in too many articles to single one out), or
headlines that open with the same uncommon word.

>>> sorted(title_words("ECUADOR QUAKE TOLL RISES TO 300"))
['ecuador', 'quake', 'rise', 'toll']
"""
from __future__ import annotations

import collections
import re
from functools import lru_cache

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from claimtrack.stages.match.claim_context import _STOP, _as_tuple, _text
from claimtrack.stages.match.nouns import singular
from claimtrack.stages.match.same_time import comparison_role, period_marks, same_period, same_side_of_comparison
from claimtrack.stages.match.settings import MatchSettings


@lru_cache(maxsize=1 << 16)
def _norm_subject(name: str) -> str:
    name = name.lower().strip()
    return name[4:].lstrip() if name.startswith("the ") else name


def subject_articles(stats: dict, names) -> dict[str, int]:
    """In how many articles of the pool each of ``names`` (normalised subjects) is named."""
    if "subj_index" not in stats:
        stats["subj_index"] = {u: i for i, u in enumerate(stats["subj_uniques"])}
    index = stats["subj_index"]
    codes = np.array([index[n] for n in names if n in index], dtype="int64")
    if len(codes) == 0:
        return {}
    mask = np.isin(stats["subj_codes"], codes)
    width = stats["articles"] + 1
    pair = np.unique(stats["subj_codes"][mask].astype("int64") * width + stats["subj_art"][mask])
    per = collections.Counter((pair // width).tolist())
    uniq = stats["subj_uniques"]
    return {uniq[c]: k for c, k in per.items()}

_TITLE_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'&.-]*")

# words of time: a headline's period ("4TH QTR FEB 28") says when, not whose figure it is
_TIME_WORDS = frozenset("""january february march april may june july august september october
november december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday
thursday friday saturday sunday quarter qtr year years half month months mths week weeks fiscal
first second third fourth 1st 2nd 3rd 4th today yesterday""".split())

# legal designators end many company names ("Acme Inc", "Bolt Holdings Ltd"): they name no one
_DESIGNATORS = frozenset("""inc incorporated corp corporation co cos company companies ltd limited
plc llc lp ag sa nv bv gmbh spa holding holdings group""".split())

@lru_cache(maxsize=1 << 16)
def title_words(title: str | None) -> frozenset[str]:
    """The content words of a headline, lower case and singular (stop words, short words, words
    of time and company designators left out).

    >>> sorted(title_words("ECUADOR QUAKE TOLL RISES TO 300")), sorted(title_words("ACME <ACM> 3RD QTR FEB 28 NET"))
    (['ecuador', 'quake', 'rise', 'toll'], ['acm', 'acme', 'net'])
    """
    return frozenset(_title_sequence(title))

@lru_cache(maxsize=1 << 16)
def _title_sequence(title: str | None) -> tuple[str, ...]:
    if not isinstance(title, str):
        return ()
    words = (w.lower().strip(".'-") for w in _TITLE_WORD.findall(title))
    return tuple(singular(w) for w in words if len(w) >= 3 and w not in _STOP and w not in _TIME_WORDS
                 and w not in _DESIGNATORS and not w[0].isdigit())

def title_head(title: str | None) -> frozenset[str]:
    """The first content word of a headline: where a headline names its subject
    ("ECUADOR QUAKE TOLL RISES", "ACME CORP SETS DIVIDEND").

    >>> sorted(title_head("ACME <ACM> FEBRUARY LOAD FACTOR FALLS"))
    ['acme']
    """
    return frozenset(_title_sequence(title)[:1])

def same_entity(e_subjects, n_subjects, e_title: str | None = None, n_title: str | None = None,
                hubs: frozenset[str] = frozenset(), common_words: frozenset[str] = frozenset(),
                e_sentence: str | None = None, n_sentence: str | None = None) -> bool:
    """Whether there is evidence that two figures are about the same entity, as a contradiction
    needs: the same counted noun ("net", "shares", "dlrs") is said of every company and country.

    - Both claims name subjects: they must share one. A shared name that is not a hub decides
      (a hub is a name found in so many articles, like a big country or a regulator, that it
      says little about whose figure it is); hubs alone do not. When each names an
      organisation or person of several words the other does not, or besides a hub each names
      someone the other does not, they are two entities ("Acme Corp and the Treasury" vs "Bolt
      Inc and the Treasury"; "Mizuno Corp" vs "Kingdom of Belgium", both "Swiss").
    - Otherwise (a subject missing on either side, or only hubs shared) the two headlines must
      share a word that few headlines use (``common_words`` are the others), and one of them
      must open with a word the other contains (title_head: where a headline names its
      subject; "ACME AIR LOAD FACTOR FALLS" and "BOLT AIRWAYS LOAD FACTOR FALLS" share a topic,
      not an entity); or be the same headline. Two
      airlines' "FEBRUARY LOAD FACTOR FALLS" share a topic, not an entity.

    >>> same_entity(["Idlib"], ["Idlib", "Turkey"]), same_entity(["Idlib", "Ankara"], ["Idlib", "Aid"])
    (True, True)
    >>> same_entity(["Acme Corp", "Treasury"], ["Bolt Inc", "Treasury"], hubs=frozenset({"treasury"}))
    False
    >>> same_entity(["Acme Widgets", "Swiss"], ["Kingdom of Belgium", "Swiss"])
    False
    >>> same_entity([], [], "ACME CORP 4TH QTR NET", "BOLT INC 4TH QTR NET", common_words=frozenset({"qtr", "net", "4th"}))
    False
    >>> same_entity([], ["Arlo"], "ARLO FLOOD TOLL RISES", "ARLO FLOOD LEAVES 3,000 HOMELESS")
    True
    >>> same_entity([], [], "Council passes the budget", "Budget figure revised")
    True
    >>> same_entity([], [], "ACME AIR LOAD FACTOR FALLS", "BOLT AIRWAYS LOAD FACTOR FALLS")
    False
    """
    verdict = _subject_verdict(e_subjects, n_subjects, hubs, e_sentence, n_sentence, e_title, n_title)
    return verdict if verdict is not None else _title_evidence(e_title, n_title, common_words)

@lru_cache(maxsize=1 << 17)
def entity_names(subjects: tuple, sentence: str | None = None, title: str | None = None) -> frozenset[str]:
    """The subjects of a claim that may name an entity, normalised: not a month or weekday
    ("due April 2"), and not a lone capitalised word that opens the sentence unless the headline
    opens with it too ("Assets 3.2 billion vs 2.9 billion", "Net 5 mln" under "ACME QTR NET":
    sentence case, not a name; "Acme said ..." under "ACME CUTS JOBS" is a name).

    >>> sorted(entity_names(("Assets", "April", "Acme Corp"), "Assets of Acme Corp rose in April.", "ACME RESULTS"))
    ['acme corp']
    >>> sorted(entity_names(("Acme",), "Acme said sales rose.", "ACME SALES RISE")), sorted(entity_names(("Acme",), "Acme said so."))
    (['acme'], ['acme'])
    """
    out = set()
    for name in subjects:
        if not isinstance(name, str):
            continue
        norm = _norm_subject(name)
        if not norm or norm in _TIME_WORDS:
            continue
        if (sentence and title and " " not in name.strip() and sentence.lstrip().startswith(name.strip())
                and norm not in title_head(title)):
            continue
        out.add(norm)
    return frozenset(out)

def _subject_verdict(e_subjects, n_subjects, hubs: frozenset[str], e_sentence=None, n_sentence=None,
                     e_title=None, n_title=None) -> bool | None:
    """same_entity on the subjects alone: True, False, or None when they do not decide."""
    return _names_verdict(entity_names(tuple(e_subjects), e_sentence, e_title),
                          entity_names(tuple(n_subjects), n_sentence, n_title), hubs)

def _names_verdict(se: frozenset[str], sn: frozenset[str], hubs: frozenset[str]) -> bool | None:
    if se and sn:
        if not se & sn:
            return False
        if _full_name(_unmatched(se, sn)) and _full_name(_unmatched(sn, se)):
            return False  # each names an organisation or person the other does not
        if (se & sn) - hubs:
            return True
        if (se - sn - hubs) and (sn - se - hubs):
            return False  # only a hub in common, and each names someone the other does not
    return None

def _unmatched(names: frozenset[str], other: frozenset[str]) -> frozenset[str]:
    """The names of ``names`` that the other side does not give, even shortened or cut off
    ("lewis d" of "lewis d. whitehead", where a sentence split at an initial).

    >>> sorted(_unmatched(frozenset({"lewis d", "acme inc"}), frozenset({"lewis d. whitehead"})))
    ['acme inc']
    """
    return frozenset(n for n in names - other
                     if not any(o.startswith(n) or n.startswith(o) for o in other))

def _full_name(names) -> bool:
    """Whether one of ``names`` is a name of several words ("Acme Widgets Inc", "Roy Weston"):
    an organisation or a person, not a stray capitalised word ("Aid" of "Aid groups")."""
    return any(" " in n for n in names)

def _title_evidence(e_title, n_title, common_words: frozenset[str]) -> bool:
    if isinstance(e_title, str) and isinstance(n_title, str) and e_title.strip().lower() == n_title.strip().lower():
        return True
    we, wn = title_words(e_title), title_words(n_title)
    if not (title_head(e_title) & wn or title_head(n_title) & we):
        return False  # each headline opens with a subject the other does not name
    return bool((we & wn) - common_words)

def _common(counts: dict, n_articles: int, s: MatchSettings) -> frozenset[str]:
    """The keys of ``counts`` (articles naming a subject, or a headline word) above the share of
    articles that still singles out one entity."""
    limit = max(s.entity_min_articles, s.entity_max_share * n_articles)
    return frozenset(k for k, v in counts.items() if v > limit)

def _title_counts(frames: list[pd.DataFrame], words) -> tuple[dict, int]:
    """In how many articles' headlines each of ``words`` (title_words) appears, and how many
    articles there are. Only headlines that hold one of the words at all are read word by word."""
    arts = pd.concat([f[["article_id", "title"]] for f in frames if f is not None], ignore_index=True)
    arts = arts.drop_duplicates("article_id")
    words = sorted({w for w in words if w})
    if not words:
        return {}, len(arts)
    pattern = r"(?i)\b(?:" + "|".join(re.escape(w) for w in words) + r")"
    titles = arts["title"].astype("string")
    hit = titles[titles.str.contains(pattern, regex=True, na=False).to_numpy(dtype=bool)]
    return _title_word_counts(hit.tolist(), set(words)), len(arts)

# what separates the words of a headline for _TITLE_WORD (a word is such a run, from its first
# letter or digit on)
_TITLE_GAP = r"[^A-Za-z0-9'&.-]+"

def _title_word_counts(titles: list[str], wanted: set[str]) -> dict[str, int]:
    """In how many of ``titles`` each word of ``wanted`` is one of the title_words: the headlines
    are cut into words in one Arrow call, and each distinct word is read once.

    >>> _title_word_counts(["ACME RISES", "Acme rise in sales", "Bolt falls"], {"rise", "acme", "fall"})
    {'acme': 2, 'fall': 1, 'rise': 2}
    """
    if not titles or not wanted:
        return {}
    pieces = pc.split_pattern_regex(pa.array(titles, type=pa.string()), _TITLE_GAP)
    parent = pc.list_parent_indices(pieces).to_numpy()
    tokens = pc.dictionary_encode(pc.utf8_ltrim(pc.list_flatten(pieces), characters="'&.-"))
    codes = tokens.indices.to_numpy(zero_copy_only=False)
    # each distinct word as _title_sequence reads it; its index in ``words`` or -1
    words = sorted(wanted)
    index = {w: i for i, w in enumerate(words)}
    word_of = np.array([index.get(_title_word(t), -1) for t in tokens.dictionary.to_pylist()] + [-1],
                       dtype="int64")
    ids = word_of[codes]
    keep = ids >= 0
    pairs = np.unique(parent[keep].astype("int64") * len(words) + ids[keep])
    per = np.bincount(pairs % len(words), minlength=len(words))
    return {words[i]: int(per[i]) for i in np.flatnonzero(per).tolist()}

def _title_word(token: str) -> str | None:
    """One word found by _TITLE_WORD as title_words keeps it (None: left out)."""
    w = token.lower().strip(".'-")
    if len(w) >= 3 and w not in _STOP and w not in _TIME_WORDS and w not in _DESIGNATORS and not w[0].isdigit():
        return singular(w)
    return None


def conflict_evidence(idx: np.ndarray, pn: np.ndarray, pp: np.ndarray, rows, stats: dict,
                    frames: list, s: MatchSettings) -> np.ndarray:
    """Which candidate contradictions (indices ``idx`` into the pairs) are about the same entity
    (same_entity), the same period (nouns.same_period) and the same side of a comparison
    (nouns.same_side_of_comparison)."""
    if len(idx) == 0:
        return np.zeros(0, dtype=bool)
    a, b = pn[idx], pp[idx]
    subjects, titles, sentences = rows["subject"], rows["title"], rows["sentence"]
    involved = np.unique(np.concatenate([a, b]))
    names = np.empty(len(rows.rows), dtype=object)
    names[involved] = [entity_names(_as_tuple(subjects[r]), _text(sentences[r]), _text(titles[r]))
                       for r in involved.tolist()]
    hubs = _common(subject_articles(stats, set().union(*names[involved].tolist())), stats["articles"], s)
    evidence = np.zeros(len(idx), dtype=bool)
    undecided = np.ones(len(idx), dtype=bool)
    both = np.flatnonzero(np.fromiter((bool(names[i]) and bool(names[j]) for i, j in zip(a.tolist(), b.tolist())),
                                      dtype=bool, count=len(idx)))
    for k in both.tolist():
        te, tn = _text(titles[b[k]]), _text(titles[a[k]])
        if te and tn and te.strip().lower() == tn.strip().lower():
            continue  # one headline: the titles decide below, the careful check after (frames.py)
        verdict = _names_verdict(names[b[k]], names[a[k]], hubs)
        if verdict is not None:
            evidence[k], undecided[k] = verdict, False
    # the subjects do not decide: the headlines (see same_entity)
    und = np.flatnonzero(undecided)
    candidates, wanted = [], set()
    for k in und.tolist():
        te, tn = _text(titles[b[k]]), _text(titles[a[k]])
        if te and tn and te.strip().lower() == tn.strip().lower():
            evidence[k] = True
            continue
        shared = title_words(te) & title_words(tn)
        if shared and ((title_head(te) & title_words(tn)) or (title_head(tn) & title_words(te))):
            candidates.append((k, shared))
            wanted |= shared
    if candidates:
        counts, n_articles = _title_counts(frames, wanted)
        common = _common(counts, n_articles, s)
        for k, shared in candidates:
            evidence[k] = bool(shared - common)
    sent, surf, qual = rows["sentence"], rows["surface"], rows["qualifier"]
    for k in np.flatnonzero(evidence).tolist():
        i, j = a[k], b[k]
        evidence[k] = (same_period(period_marks(_text(sent[j]), _text(surf[j])) or period_marks(_text(titles[j])),
                                   period_marks(_text(sent[i]), _text(surf[i])) or period_marks(_text(titles[i])))
                       and same_side_of_comparison(comparison_role(_text(sent[j]), _text(surf[j]), _text(qual[j])),
                                                   comparison_role(_text(sent[i]), _text(surf[i]), _text(qual[i]))))
    return evidence
