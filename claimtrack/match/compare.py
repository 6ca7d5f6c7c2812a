"""Verdict for one pair of texts: does the later one contradict, agree with, or not speak to
the earlier one's numbers? The same claim extractor, keys, scores and interval relations as
the pipeline's matcher; only the pairing is looser, because the two texts are known to be about
the same story (no subject blocking, every pair of claims is a candidate).

1. Claims of both texts (``claimtrack.claims.extract_claims``).
2. Pair each later claim with its best earlier claim of the same unit: same counted thing (or no
   noun on one side, or an equal value), scored like the matcher (context + subject, 0–1).
3. Relate each pair (relate.py, no time gap: both texts count as published together).
4. Verdict: ``contradiction`` when a well-paired later claim has no earlier figure it agrees
   with and the pair passes the matcher's flag rules (score >= ``min_contradiction_score``; the
   same counted noun attached to both figures, or matching wording for bare figures; subjects
   not disjoint; neither an increment, time reference, margin, ratio part or projection
   (nouns.can_contradict); and the earlier text gives one figure for that thing, not several
   parts, whose sum may agree). Also ``contradiction``: the same change reported rising in one
   text and falling in the other, or one text rebutting the other ("No, ... not ...").
   ``consistent`` when every later claim is implied by an earlier figure (units converted,
   units.py; a later bound must follow from the earlier figure) or derived from earlier ones
   (a sum of parts, a difference, a percent change, a ratio's share), or its numeral is written
   in the earlier text; at least half of the later text's content words are in the earlier text,
   it adds at most three of its own, and it names no other month or weekday. Otherwise
   ``unrelated``.

>>> compare_texts("The flood left more than 3,000 families homeless in Arlo.",
...               "About 1,000 families are homeless in Arlo.")["relation"]
'contradiction'
>>> compare_texts("The flood left more than 3,000 families homeless in Arlo.",
...               "More than 3,000 families were left homeless by the flood in Arlo.")["relation"]
'consistent'
"""
from __future__ import annotations

import re
from itertools import combinations

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from claimtrack.claims import extract_claims
from claimtrack.match.detail import claim_detail
from claimtrack.match.figures import (_CASUALTY_KEYS, _CASUALTY_RE, _STOP, _is_bare, bare_context_ok, concept_keys,
                                     context_words, opposite_change)
from claimtrack.match.nouns import _CASUALTY, _GENERIC, can_contradict, direction_word, singular
from claimtrack.match.relate import _factors, relate_units
from claimtrack.match.settings import MatchSettings
from claimtrack.match.units import grains
from claimtrack.records import as_row, stable_id

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*|\d[\d,.]*")
# words that carry no content of their own in a news sentence
_FILLER = frozenset({"people", "person", "one", "two", "three", "four", "five", "six", "seven",
                     "eight", "nine", "ten",
                     # scale and unit words belong to the figures, which are judged as claims
                     "percent", "pct", "cent", "thousand", "million", "mln", "mn", "billion", "bln",
                     "bn", "trillion", "dollar", "dlrs"})
# the country abbreviation is dropped like "U.S." (single letters): "US" = "U.S."
_COUNTRY_ABBR = frozenset({"US", "USA"})
# share of the later text's content words that the earlier text must contain for "consistent"
MIN_COVERAGE = 0.5
# ... and may add at most this many content words of its own: a restatement adds little
MAX_NEW_WORDS = 3
# a pairing needs this context score unless the counted things match
MIN_PAIR_SCORE = 0.5
# claims per text compared (in text order)
MAX_CLAIMS = 300


_NUMERAL = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _numeral(text) -> set[str]:
    """The numerals written in ``text``, without thousands separators.

    >>> sorted(_numeral("215,000 jobs and 3.5%"))
    ['215000', '3.5']
    """
    if not isinstance(text, str):
        return set()
    return {m.group().replace(",", "").rstrip(".") for m in _NUMERAL.finditer(text)}


def _frame(claims) -> pd.DataFrame:
    df = pd.DataFrame([as_row(c) for c in claims])
    if len(df):
        df["published_at"] = pd.NaT
        df["source"] = None
        df["title"] = None
    return df


def _coverage_words(text: str) -> list[str]:
    """Content words for :func:`coverage`: singular, casualty synonyms merged ("died",
    "killed" -> "dead"); numbers (judged as claims), single letters and "people" left out."""
    out = []
    for w in _WORD.findall(text):
        low = w.lower().strip(".,'")
        if len(low) <= 1 or low in _STOP or low in _FILLER or low[0].isdigit() or w.strip(".,'") in _COUNTRY_ABBR:
            continue
        out.append(_CASUALTY.get(low) or direction_word(low) or singular(low))
    return out


def coverage(earlier: str, later: str) -> tuple[float, int]:
    """Share of the later text's content words found in the earlier text, and how many of its
    content words the earlier text lacks.

    >>> coverage("Three suspects were arrested by police.", "Police arrested three suspects")
    (1.0, 0)
    >>> coverage("A storm killed 12 people in Dalton.", "12 people died in Dalton after a storm hit")
    (0.6, 2)
    """
    later_words = _coverage_words(later)
    if not later_words:
        return 0.0, 0
    known = set(_coverage_words(earlier))
    # near spellings count too ("arrest" ~ "arrested"): a shared stem of 5 letters
    stems = {w[:5] for w in known if len(w) >= 5}
    hit = sum(1 for w in later_words if w in known or (len(w) >= 5 and w[:5] in stems))
    return hit / len(later_words), len(later_words) - hit


def _pair_scores(e: pd.DataFrame, n: pd.DataFrame):
    """All (new, earlier) index pairs, their 0–1 context scores, and whether both claims name
    subjects but share none."""
    ni, ei = np.meshgrid(np.arange(len(n)), np.arange(len(e)), indexing="ij")
    ni, ei = ni.ravel(), ei.ravel()
    ctx_e = [context_words(s, f, no, sj) for s, f, no, sj in zip(e["sentence"], e["surface"], e["noun"], e["subject"])]
    ctx_n = [context_words(s, f, no, sj) for s, f, no, sj in zip(n["sentence"], n["surface"], n["noun"], n["subject"])]
    sim = process.cpdist([ctx_n[i] for i in ni], [ctx_e[i] for i in ei], scorer=fuzz.token_set_ratio,
                         workers=1).astype("float64") / 100.0
    subj_e = [{x.lower() for x in s} if isinstance(s, (list, tuple, np.ndarray)) else set() for s in e["subject"]]
    subj_n = [{x.lower() for x in s} if isinstance(s, (list, tuple, np.ndarray)) else set() for s in n["subject"]]
    subj = np.array([float(bool(subj_n[a] & subj_e[b])) if subj_n[a] and subj_e[b] else 0.5
                     for a, b in zip(ni, ei)])
    shares = np.array([bool(subj_n[a] & subj_e[b]) for a, b in zip(ni, ei)], dtype=bool)
    apart = np.array([bool(subj_n[a]) and bool(subj_e[b]) for a, b in zip(ni, ei)], dtype=bool) & ~shares
    return ni, ei, np.round(0.7 * sim + 0.3 * subj, 4), apart, shares, ctx_e, ctx_n


def compare_texts(earlier: str, later: str, settings: MatchSettings | None = None) -> dict:
    """Verdict for one pair of texts: {"relation": ..., "matches": [...]}.

    ``matches`` lists each later claim's pairing: its surface, the earlier surface, the
    relation, the 0–1 score and a detail sentence.
    """
    s = settings or MatchSettings()
    # all pairs are scored: keep a pathological input (thousands of figures) from taking minutes
    e = _frame(extract_claims(earlier or "", "earlier")[:MAX_CLAIMS])
    n = _frame(extract_claims(later or "", "later")[:MAX_CLAIMS])
    if len(n) == 0 or len(e) == 0:
        numerals = _numeral(earlier)
        verdicts = ["agree" if _numeral(x) & numerals else "unpaired" for x in n.get("surface", [])]
        return {"relation": decide(verdicts, *coverage(earlier, later)), "matches": [],
                "verdicts": verdicts}
    ke = concept_keys(e).to_numpy(object)
    kn = concept_keys(n).to_numpy(object)
    ni, ei, score, apart, shares, ctx_e, ctx_n = _pair_scores(e, n)
    unit_e = np.array([k.split("|", 1)[1] for k in ke], dtype=object)
    unit_n = np.array([k.split("|", 1)[1] for k in kn], dtype=object)
    noun_e = np.array([k.split("|", 1)[0] for k in ke], dtype=object)
    noun_n = np.array([k.split("|", 1)[0] for k in kn], dtype=object)
    same_unit = unit_e[ei] == unit_n[ni]
    same_noun = (noun_e[ei] == noun_n[ni]) & ~np.isin(noun_n[ni], list(_GENERIC))
    no_noun = np.isin(noun_e[ei], list(_GENERIC)) | np.isin(noun_n[ni], list(_GENERIC))
    # values on their unit key's scale ("100 feet" and "30.5 m" are both metres)
    ev = e["value"].to_numpy("float64") * _factors(e["unit"].to_numpy(object))[0]
    nv = n["value"].to_numpy("float64") * _factors(n["unit"].to_numpy(object))[0]
    same_value = np.isclose(ev[ei], nv[ni], rtol=1e-9, atol=0)

    ge = grains(e["surface"].to_numpy(object), e["value"].to_numpy("float64"))
    gn = grains(n["surface"].to_numpy(object), n["value"].to_numpy("float64"))
    rel, side = relate_units(
        e_unit=e["unit"].to_numpy(object)[ei], n_unit=n["unit"].to_numpy(object)[ni],
        e_grain=ge[ei], n_grain=gn[ni],
        e_value=e["value"].to_numpy("float64")[ei], e_low=e["low"].to_numpy("float64")[ei], e_high=e["high"].to_numpy("float64")[ei],
        e_qual=e["qualifier"].to_numpy(object)[ei], n_value=nv[ni], n_low=n["low"].to_numpy("float64")[ni],
        n_high=n["high"].to_numpy("float64")[ni], n_qual=n["qualifier"].to_numpy(object)[ni],
        gap_seconds=np.zeros(len(ni)), growing=np.zeros(len(ni), dtype=bool), settings=s)
    agree = np.isin(rel, ["repeat", "consistent"])
    # an equal number pairs two figures only if they do not count different casualties
    # ("60 wounded" does not support "60 killed")
    toll_e, toll_n = np.isin(noun_e, list(_CASUALTY_KEYS)), np.isin(noun_n, list(_CASUALTY_KEYS))
    other_toll = toll_e[ei] & toll_n[ni] & (noun_e[ei] != noun_n[ni])
    # ... nor when one counts casualties and the other's sentence mentions none ("a country of
    # 4.4 million people" does not support "4.4 million people were executed")
    calm_e = ~e["sentence"].astype("string").str.contains(_CASUALTY_RE, case=False, regex=True, na=False).to_numpy(bool)
    calm_n = ~n["sentence"].astype("string").str.contains(_CASUALTY_RE, case=False, regex=True, na=False).to_numpy(bool)
    gen_e, gen_n = np.isin(noun_e, list(_GENERIC)), np.isin(noun_n, list(_GENERIC))
    other_toll |= (toll_e[ei] & calm_n[ni] & gen_n[ni]) | (toll_n[ni] & calm_e[ei] & gen_e[ei])
    paired = same_unit & ~other_toll & (same_noun | same_value | (no_noun & (score >= MIN_PAIR_SCORE)))
    # agreeing is not implying: "over $500 million" is compatible with "over $600 million" but
    # does not state it; a later bound must follow from the earlier figure
    implied = _implied(e, n, ei, ni, s)

    matches, verdicts = [], []
    earlier_numerals = _numeral(earlier)
    # earlier figures grouped by sentence (for figures derived from two of them), and each later
    # figure's rounding slack (half its last digit, at most 1 % of it: chance sums stay out)
    by_sentence_map: dict = {}
    for k in range(len(e)):
        if np.isfinite(ev[k]):
            by_sentence_map.setdefault(e.at[k, "sentence"], []).append((float(ev[k]), unit_e[k]))
    by_sentence = list(by_sentence_map.values())
    # "from 280 to 415 ppm" is one range claim: its two ends, first as written, are such a pair
    f_e = _factors(e["unit"].to_numpy(object))[0]
    for k in np.flatnonzero(e["qualifier"].to_numpy(object) == "range"):
        first, lo, hi = (float(e.at[k, c]) * f_e[k] for c in ("value", "low", "high"))
        other = hi if np.isclose(first, lo) else lo
        by_sentence.append([(first, unit_e[k]), (other, unit_e[k])])
    # "four in 10", "one out of three": shares in percent, met within the later figure's rounding
    shares_e = np.array([100.0 * a / b for a, b in _ratios(e)])
    half_n = np.minimum(np.nan_to_num(gn * _factors(n["unit"].to_numpy(object))[0] / 2), 0.05 * np.abs(nv))
    slack_n = np.minimum(gn * _factors(n["unit"].to_numpy(object))[0] / 2, 0.01 * np.abs(nv))
    slack_n = np.maximum(np.nan_to_num(slack_n), 1e-9 * np.abs(nv))
    for i in range(len(n)):
        mine = np.flatnonzero((ni == i) & paired)
        if len(mine) == 0:
            # no earlier claim to pair with: the later figure may be the sum of earlier parts,
            # or the same numeral written in the earlier text where the extractor skipped it
            # (not one it found and judged to count something else)
            if (_sum_of_parts(e, ev, unit_e, nv[i], unit_n[i]) or derived(by_sentence, nv[i], unit_n[i], slack_n[i])
                    or (unit_n[i] == "percent" and np.any(np.abs(shares_e - nv[i]) <= half_n[i] + 1e-9))):
                verdicts.append("agree")
                continue
            written = _numeral(n.at[i, "surface"]) & earlier_numerals
            counted_else = set().union(*(_numeral(e.at[k, "surface"]) for k in ei[(ni == i) & other_toll]))
            verdicts.append("agree" if written and not written & counted_else else "unpaired")
            continue
        # the best pairing: an agreeing figure first, then the counted thing, then the score
        order = sorted(mine, key=lambda j: (not (agree[j] and implied[j]), not agree[j],
                                            not same_noun[j], -score[j]))
        j = order[0]
        if not (agree[j] and implied[j]) and (
                _sum_of_parts(e, ev, unit_e, nv[i], unit_n[i]) or derived(by_sentence, nv[i], unit_n[i], slack_n[i])
                or (unit_n[i] == "percent" and np.any(np.abs(shares_e - nv[i]) <= half_n[i] + 1e-9))):
            # "three nurses and two porters were hurt" -> "five people"
            agree[j], implied[j], rel[j], side[j] = True, True, "consistent", "sum"
        # the earlier text gives several figures for this counted thing: they are parts
        # ("five in Arizona, three in Utah"); their sum agrees, and no single one can be
        # contradicted, since we cannot tell which part the later figure is about
        parts = np.unique(ev[ei[mine[same_noun[mine]]]])
        if len(parts) >= 2 and abs(parts.sum() - nv[i]) <= s.tolerance * abs(nv[i]):
            agree[j], rel[j], side[j] = True, "consistent", "sum"
        # a conflict needs the same counted thing, or, for figures without a noun (a share, a
        # price), the same unit in nearly the same words about a shared subject
        erow_j, nrow_i = e.iloc[ei[j]].to_dict(), n.iloc[i].to_dict()
        attached = same_noun[j] and not _is_bare(str(kn[i]), erow_j, nrow_i)
        same_thing = attached or ((same_noun[j] or unit_n[i] != "") and shares[j]
                                  and bare_context_ok(ctx_n[i], ctx_e[ei[j]], s))
        strong = (same_thing and score[j] >= s.min_contradiction_score and not apart[j]
                  and len(parts) < 2 and rel[j] == "contradiction"
                  and can_contradict(erow_j, nrow_i, str(side[j])))
        verdict = ("agree" if agree[j] and implied[j] else
                   "conflict" if strong and rel[j] == "contradiction" else "differ")
        if verdict == "agree" and same_value[j] and not apart[j] and opposite_change(erow_j, nrow_i):
            # the same change in the other direction: "sales fell 0.4%" vs "sales rose 0.4%"
            verdict, rel[j], side[j] = "conflict", "contradiction", "direction"
        verdicts.append(verdict)
        erow, nrow = e.iloc[ei[j]].to_dict(), n.iloc[i].to_dict()
        erow["source"], nrow["source"] = "earlier text", "later text"
        matches.append({
            "match_id": stable_id("claim", nrow["claim_id"], erow["claim_id"]),
            "new_surface": nrow["surface"], "earlier_surface": erow["surface"],
            "relation": str(rel[j]), "score": float(score[j]),
            "detail": claim_detail(str(rel[j]), str(side[j]), erow, nrow)})

    relation = decide(verdicts, *coverage(earlier, later))
    if relation == "consistent" and _other_date(earlier, later):
        relation = "unrelated"
    if relation != "contradiction" and denies(earlier, later, verdicts):
        relation = "contradiction"
    return {"relation": relation, "matches": matches, "verdicts": verdicts}


# a rebuttal: "No, X is not Y", "No, the bridge did not cost $9 billion" (fact-check headlines)
_DENIAL = re.compile(r"^\W*(?:no|false|wrong)\b[\s,:;.!-]+.*(?:\b(?:not|never)\b|n't\b)", re.I)
# share of one text's content words the other must hold for a rebuttal to be about it
MIN_DENIAL_COVERAGE = 0.6


def denies(earlier: str, later: str, verdicts: list[str]) -> bool:
    """Whether one text rebuts the other's figure: it opens with a denial ("No, ... not ..."),
    the other does not, they share their figures, and one holds most of the other's words.

    >>> denies("No, the Arlo budget does not have a $2 billion hole", "Arlo budget has $2 billion hole", ["agree"])
    True
    >>> denies("The Arlo budget has a $2 billion hole", "Arlo budget has $2 billion hole", ["agree"])
    False
    """
    if not verdicts or any(v != "agree" for v in verdicts):
        return False
    if bool(_DENIAL.search(earlier or "")) == bool(_DENIAL.search(later or "")):
        return False
    return max(coverage(earlier, later)[0], coverage(later, earlier)[0]) >= MIN_DENIAL_COVERAGE


_DATE_WORD = re.compile(r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
                        r"aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|"
                        r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)


_MODAL_NEXT = re.compile(r"\s+(?:not\b|be\b|have\b|[a-z]+\b(?<!\bin)(?<!\bof)(?<!\bto)(?<!\bthe))", re.I)


def _other_date(earlier: str, later: str) -> bool:
    """Whether the later text dates its figures to a month or weekday that the earlier text
    does not name, while the earlier names another: the figures are then about another period.

    >>> _other_date("62,000 jobs lost in May", "June's total: 62,000"), _other_date("in May", "May")
    (True, False)
    """
    def names(text):
        # "may" is a month only when capitalised and not standing before a verb ("May Need")
        out = set()
        for m in _DATE_WORD.finditer(text or ""):
            word = m.group()
            if word.lower() == "may" and (word != "May" or _MODAL_NEXT.match(text, m.end())):
                continue
            out.add(word.lower()[:3])
        return out
    e, n = names(earlier), names(later)
    return bool(e) and bool(n - e)


def _implied(e: pd.DataFrame, n: pd.DataFrame, ei: np.ndarray, ni: np.ndarray,
             s: MatchSettings) -> np.ndarray:
    """Per pair: whether the earlier figure implies the later one's bound ("more than 600"
    follows from "700", not from "more than 500"); figures without a bound are implied when they
    agree at all."""
    fe = _factors(e["unit"].to_numpy(object))[0]
    fn = _factors(n["unit"].to_numpy(object))[0]
    e_low, e_high = (e["low"].to_numpy("float64") * fe)[ei], (e["high"].to_numpy("float64") * fe)[ei]
    # an estimate states its central figure: "an estimated 35.8 million" gives "more than 35 million"
    approx = e["qualifier"].to_numpy(object)[ei] == "approx"
    e_mid = (e["value"].to_numpy("float64") * fe)[ei]
    e_low, e_high = np.where(approx, e_mid, e_low), np.where(approx, e_mid, e_high)
    n_low, n_high = (n["low"].to_numpy("float64") * fn)[ni], (n["high"].to_numpy("float64") * fn)[ni]
    q = n["qualifier"].to_numpy(object)[ni]
    tol = s.tolerance
    with np.errstate(invalid="ignore"):
        low_ok = e_low >= n_low - tol * np.abs(n_low)
        high_ok = e_high <= n_high + tol * np.abs(n_high)
    return np.where(q == "at_least", low_ok, np.where(q == "at_most", high_ok, True))


def _sum_of_parts(e: pd.DataFrame, ev: np.ndarray, unit_e: np.ndarray, value: float, unit: str) -> bool:
    """Whether two or three figures of one earlier sentence, in the later figure's unit, add up
    to it exactly ("11 militants and six soldiers were killed" -> "17 people"; "at least 15
    deaths in A and another five in B" -> "at least 20")."""
    if not np.isfinite(value) or value == 0:
        return False
    q = e["qualifier"].to_numpy(object)
    sent = e["sentence"].to_numpy(object)
    rows = [k for k in range(len(e)) if unit_e[k] == unit and q[k] in ("exact", "at_least", "approx")
            and np.isfinite(ev[k])]
    by_sentence: dict = {}
    for k in rows:
        by_sentence.setdefault(sent[k], []).append(ev[k])
    for vals in by_sentence.values():
        vals = vals[:8]
        for size in (2, 3):
            for combo in combinations(vals, size):
                if abs(sum(combo) - value) <= 1e-9 * abs(value):
                    return True
    return False


_RATIO_WORDS = re.compile(r"\s+(?:in|out\s+of|of)\s+(?:the\s+|every\s+)?$", re.I)


def _ratios(e: pd.DataFrame) -> list[tuple[float, float]]:
    """(part, whole) for figures written as a ratio: "four in 10", "one out of every three".

    >>> from claimtrack.claims import extract_claims
    >>> _ratios(_frame(extract_claims("Four in 10 Arlo voters backed him.", "x")))
    [(4.0, 10.0)]
    """
    out = []
    rows = list(zip(e["sentence"], e["surface"], e["value"], e["unit"]))
    for (s1, f1, v1, u1), (s2, f2, v2, u2) in zip(rows, rows[1:]):
        if s1 != s2 or not isinstance(s1, str) or u1 or u2 or not v2 or not (0 < v1 < v2):
            continue
        i, j = s1.find(f1), s1.find(f2)
        if 0 <= i < j and _RATIO_WORDS.fullmatch(s1[i + len(f1):j]) is not None:
            out.append((float(v1), float(v2)))
    return out


def derived(pairs_by_sentence: list[list[tuple[float, str]]], value: float, unit: str, slack: float) -> bool:
    """Whether a later figure follows from two earlier figures of one sentence: their difference
    in the same unit ("from 280 to 415 ppm" -> "135 ppm"; percentages give percentage points
    too), or the percent change from the first to the second ("from 280 to 415 ppm" -> "48%").
    ``slack`` is the later figure's rounding; figures are (value on the unit's scale, unit key).

    >>> derived([[(280.0, "ppm"), (415.0, "ppm")]], 48.0, "percent", 0.5)
    True
    >>> derived([[(5.0, "percent"), (5.25, "percent")]], 0.25, "percentage point", 0.005)
    True
    >>> derived([[(280.0, "ppm"), (415.0, "ppm")]], 60.0, "percent", 0.5)
    False
    """
    if not np.isfinite(value):
        return False
    for vals in pairs_by_sentence:
        for (a, ua), (b, ub) in combinations(vals[:8], 2):
            if ua != ub:
                continue
            same = unit == ua or (ua == "percent" and unit == "percentage point")
            if same and abs(abs(b - a) - abs(value)) <= slack:
                return True
            if unit == "percent" and a != 0 and abs(abs(100.0 * (b - a) / a) - abs(value)) <= slack:
                return True
    return False


def decide(verdicts: list[str], cover: float, new_words: int = 0,
           min_coverage: float = MIN_COVERAGE, max_new_words: int = MAX_NEW_WORDS) -> str:
    """The pair's relation from its later claims' verdicts and the word coverage.

    >>> decide(["agree", "conflict"], 0.9), decide(["agree"], 0.9), decide([], 0.9), decide(["differ"], 0.9)
    ('contradiction', 'consistent', 'consistent', 'unrelated')
    >>> decide(["agree"], 0.6, new_words=5)
    'unrelated'
    """
    if "conflict" in verdicts:
        return "contradiction"
    if all(v == "agree" for v in verdicts) and cover >= min_coverage and new_words <= max_new_words:
        return "consistent"
    return "unrelated"
