"""Verdict for one pair of texts: does the later one contradict, agree with, or not speak to
the earlier one's numbers? The same claim extractor, keys, scores and interval relations as
the pipeline's matcher; only the pairing is looser, because the two texts are known to be about
the same story (no subject blocking, every pair of claims is a candidate).

1. Claims of both texts (``claimtrack.stages.extract.claims.extract_claims``).
2. Pair each later claim with its best earlier claim of the same unit: same counted thing (or no
   noun on one side, or an equal value), scored like the matcher (context + subject, 0–1).
3. Relate each pair (relate.py, no time gap: both texts count as published together).
4. Verdict: ``contradiction`` when a well-paired later claim has no earlier figure it agrees
   with and the pair passes the matcher's flag rules (score >= ``min_contradiction_score``; the
   same counted noun attached to both figures, or matching wording for bare figures; subjects
   not disjoint; neither an increment, time reference, margin, ratio part or projection
   (nouns.can_contradict); and the earlier text gives one figure for that thing, not several
   parts, whose sum may agree). Also ``contradiction``: the same change reported rising in one
   text and falling in the other, or one text rebutting the other ("No, ... not ..."); the later
   text putting a strict bound on the earlier figure itself ("at 8,400" / "below 8,400"; relate.py
   strict bounds; an earlier "more than" that the later text drops is a shortening, not a
   conflict); the same name said to move up in one text and down in the other, figures or not
   ("Sensex up" / "Sensex weak": :func:`opposite_moves`). Subjects are shared when one claim's
   subject is a capitalised word of the other's sentence; a price per unit ("$1,500/oz") pairs
   with the bare price of the same value; "ticks up to 5.5%" is a level, not a bound.
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

from claimtrack.stages.extract.claims import extract_claims
from claimtrack.stages.extract.claims.numbers import scan
from claimtrack.stages.match.detail import claim_detail
from claimtrack.stages.match.figures import (_CASUALTY_KEYS, _CASUALTY_RE, _STOP, _is_bare, bare_context_ok, concept_keys,
                                     context_words, opposite_change)
from claimtrack.stages.match.nouns import _CASUALTY, _GENERIC, can_contradict, direction_word, locate, singular
from claimtrack.stages.match.relate import _factors, relate_units, strict_bound
from claimtrack.stages.match.settings import MatchSettings
from claimtrack.stages.match.units import grains
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


# "ticks up to 5.5%": a verb that means a rise only with "up" reaches a level; its "up to" is
# not the bound of "up to 5.5%" ("prices rose up to 5%" stays a bound: "rose" rises on its own)
_PARTICLE_UP_TO = re.compile(r"\b(?:tick|inch|edge|creep|crept|move|go|goes|went|gone|step|ramp|"
                             r"shoot|shot|push|bump|tick|head|level|spike|trend)(?:s|ed|ing)?\s+up\s+to\s*$", re.I)


def _values(text: str) -> np.ndarray:
    """Every number the text writes, in digits or words, as the scanner reads it before any claim
    filter ("Twenty-five others" gives 25).

    >>> sorted(_values("Twenty-five others and 3 dogs").tolist())
    [3.0, 25.0]
    """
    vals = [m.value for m in scan(text or "") if m.value is not None]
    arr = np.array(vals, dtype="float64")
    return arr[np.isfinite(arr)]


def _written_value(value, qualifier, values: np.ndarray) -> bool:
    """Whether an exact later figure is a number the earlier text writes (in any form)."""
    try:
        v = float(value)
    except (TypeError, ValueError):
        return False
    # not "one": a pronoun ("one of them", "a desperate one") as often as a count
    return (qualifier == "exact" and np.isfinite(v) and v != 1
            and bool(np.any(np.isclose(values, v, rtol=1e-9, atol=0))))


def _frame(claims, text: str = "") -> pd.DataFrame:
    df = pd.DataFrame([as_row(c) for c in claims])
    if len(df):
        df["published_at"] = pd.NaT
        df["source"] = None
        df["title"] = None
        level = [q == "at_most" and isinstance(a, (int, np.integer)) and bool(_PARTICLE_UP_TO.search(text[max(0, a - 40):a]))
                 for q, a in zip(df["qualifier"], df["start"])]
        if any(level):
            df.loc[level, "qualifier"] = "exact"
            df.loc[level, "low"] = df.loc[level, "value"]
            df.loc[level, "high"] = df.loc[level, "value"]
        # bounds that exclude their own figure ("more than 40", "below 8,400")
        df["strict"] = [strict_bound(text, a, q) for a, q in zip(df["start"], df["qualifier"])]
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
    forms = {_stem(w) for w in known}  # "adds" ~ "added"
    hit = sum(1 for w in later_words if w in known or (len(w) >= 5 and w[:5] in stems) or _stem(w) in forms)
    return hit / len(later_words), len(later_words) - hit


def _noun_words(noun) -> set[str]:
    """The content words of a counted noun phrase, singular.

    >>> sorted(_noun_words("Syrian refugees")), _noun_words(None)
    (['refugee', 'syrian'], set())
    """
    if not isinstance(noun, str):
        return set()
    return {singular(w.lower()) for w in _WORD.findall(noun) if len(w) > 2 and w.lower() not in _STOP}


def _stem(word: str) -> str:
    """A crude stem for matching word forms: singular, common verb endings cut.

    >>> _stem("Added"), _stem("adds"), _stem("rising"), _stem("regional")
    ('add', 'add', 'ris', 'regional')
    """
    w = singular(word.lower())
    for end in ("ing", "ed"):
        if w.endswith(end) and len(w) - len(end) >= 3:
            w = w[:-len(end)]
            break
    if len(w) >= 4 and w[-1] == w[-2] and w[-1] not in "ls":  # "added" -> "add", "planned" -> "plan"
        w = w[:-1] if len(w) > 4 else w
    return w


def _stems(text: str) -> set[str]:
    """The stems of a text's words (:func:`_stem`)."""
    return {_stem(w) for w in _WORD.findall(text or "") if not w[0].isdigit()}


def _names(sentence) -> set[str]:
    """The capitalised words of a sentence (3 letters or more), lower-cased: the names it may hold.

    >>> sorted(_names("Gold tops $1,500 in New York"))
    ['gold', 'new', 'york']
    """
    if not isinstance(sentence, str):
        return set()
    return {w.lower() for w in _WORD.findall(sentence) if len(w) >= 3 and w[0].isupper()}


def _subject_words(subject) -> set[str]:
    """The names of a claim's subjects, and their words: extracted subject lists are noisy
    ("Sensex In RED" for "Sensex"), so one shared name word is the signal.

    >>> sorted(_subject_words(["Sensex In RED", "the Fed"]))
    ['fed', 'red', 'sensex', 'sensex in red', 'the fed']
    """
    if not isinstance(subject, (list, tuple, np.ndarray)):
        return set()
    out = set()
    for name in subject:
        if isinstance(name, str) and len(name.strip()) >= 3:
            out.add(name.strip().lower())
            out.update(w for w in (x.lower() for x in _WORD.findall(name))
                       if len(w) >= 3 and w not in _STOP and not w[0].isdigit())
    return out


def _pair_scores(e: pd.DataFrame, n: pd.DataFrame):
    """All (new, earlier) index pairs, their 0–1 context scores, and whether both claims name
    subjects but share none."""
    ni, ei = np.meshgrid(np.arange(len(n)), np.arange(len(e)), indexing="ij")
    ni, ei = ni.ravel(), ei.ravel()
    ctx_e = [context_words(s, f, no, sj) for s, f, no, sj in zip(e["sentence"], e["surface"], e["noun"], e["subject"])]
    ctx_n = [context_words(s, f, no, sj) for s, f, no, sj in zip(n["sentence"], n["surface"], n["noun"], n["subject"])]
    sim = process.cpdist([ctx_n[i] for i in ni], [ctx_e[i] for i in ei], scorer=fuzz.token_set_ratio,
                         workers=1).astype("float64") / 100.0
    subj_e = [_subject_words(s) for s in e["subject"]]
    subj_n = [_subject_words(s) for s in n["subject"]]
    subj = np.array([float(bool(subj_n[a] & subj_e[b])) if subj_n[a] and subj_e[b] else 0.5
                     for a, b in zip(ni, ei)])
    # a subject the other claim's sentence names is shared even when its extractor missed it
    # ("Gold" taken as the subject of one headline, "History" of the other)
    sent_e, sent_n = [_names(x) for x in e["sentence"]], [_names(x) for x in n["sentence"]]
    shares = np.array([bool(subj_n[a] & subj_e[b]) or bool(subj_n[a] & sent_e[b]) or bool(subj_e[b] & sent_n[a])
                       for a, b in zip(ni, ei)], dtype=bool)
    subj = np.where(shares, 1.0, subj)
    apart = np.array([bool(subj_n[a]) and bool(subj_e[b]) for a, b in zip(ni, ei)], dtype=bool) & ~shares
    return ni, ei, np.round(0.7 * sim + 0.3 * subj, 4), apart, shares, ctx_e, ctx_n


def compare_texts(earlier: str, later: str, settings: MatchSettings | None = None) -> dict:
    """Verdict for one pair of texts: {"relation": ..., "matches": [...]}.

    ``matches`` lists each later claim's pairing: its surface, the earlier surface, the
    relation, the 0–1 score and a detail sentence.
    """
    s = settings or MatchSettings()
    # all pairs are scored: keep a pathological input (thousands of figures) from taking minutes
    e = _frame(extract_claims(earlier or "", "earlier")[:MAX_CLAIMS], earlier or "")
    n = _frame(extract_claims(later or "", "later")[:MAX_CLAIMS], later or "")
    if len(n) == 0 or len(e) == 0:
        numerals, values = _numeral(earlier), _values(earlier)
        verdicts = ["agree" if _numeral(x) & numerals or _written_value(v, q, values) else "unpaired"
                    for x, v, q in zip(n.get("surface", []), n.get("value", []), n.get("qualifier", []))]
        relation, matches = _moved(earlier, later, decide(verdicts, *coverage(earlier, later)), verdicts, [])
        return {"relation": relation, "matches": matches, "verdicts": verdicts}
    ke = concept_keys(e).to_numpy(object)
    kn = concept_keys(n).to_numpy(object)
    ni, ei, score, apart, shares, ctx_e, ctx_n = _pair_scores(e, n)
    unit_e = np.array([k.split("|", 1)[1] for k in ke], dtype=object)
    unit_n = np.array([k.split("|", 1)[1] for k in kn], dtype=object)
    noun_e = np.array([k.split("|", 1)[0] for k in ke], dtype=object)
    noun_n = np.array([k.split("|", 1)[0] for k in kn], dtype=object)
    # a price per unit meets the bare price ("$1,500/oz" and "$1,500" for gold): the figure, not
    # its denominator, is what the two texts state; only when the numbers are equal
    base_e = np.array([u.split("/", 1)[0] for u in unit_e], dtype=object)
    base_n = np.array([u.split("/", 1)[0] for u in unit_n], dtype=object)
    per_only = (unit_e[ei] != unit_n[ni]) & (base_e[ei] == base_n[ni]) & (base_e[ei] != "")
    per_only &= (base_e[ei] == unit_e[ei]) | (base_n[ni] == unit_n[ni])
    same_unit = unit_e[ei] == unit_n[ni]
    same_noun = (noun_e[ei] == noun_n[ni]) & ~np.isin(noun_n[ni], list(_GENERIC))
    no_noun = np.isin(noun_e[ei], list(_GENERIC)) | np.isin(noun_n[ni], list(_GENERIC))
    # nouns that share their head word ("gold" and "gold tops": the extractor may take in a verb)
    words_e, words_n = [_noun_words(x) for x in e["noun"]], [_noun_words(x) for x in n["noun"]]
    near_noun = same_noun | np.array([bool(words_e[b] & words_n[a]) for a, b in zip(ni, ei)], dtype=bool)
    # values on their unit key's scale ("100 feet" and "30.5 m" are both metres)
    ev = e["value"].to_numpy("float64") * _factors(e["unit"].to_numpy(object))[0]
    nv = n["value"].to_numpy("float64") * _factors(n["unit"].to_numpy(object))[0]
    same_value = np.isclose(ev[ei], nv[ni], rtol=1e-9, atol=0)
    same_unit |= per_only & same_value

    ge = grains(e["surface"].to_numpy(object), e["value"].to_numpy("float64"))
    gn = grains(n["surface"].to_numpy(object), n["value"].to_numpy("float64"))
    rel, side = relate_units(
        e_unit=e["unit"].to_numpy(object)[ei], n_unit=n["unit"].to_numpy(object)[ni],
        e_grain=ge[ei], n_grain=gn[ni],
        e_value=e["value"].to_numpy("float64")[ei], e_low=e["low"].to_numpy("float64")[ei], e_high=e["high"].to_numpy("float64")[ei],
        e_qual=e["qualifier"].to_numpy(object)[ei], n_value=nv[ni], n_low=n["low"].to_numpy("float64")[ni],
        n_high=n["high"].to_numpy("float64")[ni], n_qual=n["qualifier"].to_numpy(object)[ni],
        gap_seconds=np.zeros(len(ni)), growing=np.zeros(len(ni), dtype=bool), settings=s,
        # only the later text's strict bounds: a later restatement that drops an earlier "more
        # than" is shortening the figure ("over 1.8 million" -> "1.8 million"), not denying it
        e_strict=np.zeros(len(ei), dtype=bool), n_strict=n["strict"].to_numpy(bool)[ni])
    agree = np.isin(rel, ["repeat", "consistent"])
    # the same figure, once as a strict bound and once exact ("below 8,400" / "at 8,400")
    edge = same_value & (rel == "contradiction")
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
    earlier_values = _values(earlier)
    sole_e, sole_n = pd.Series(unit_e).value_counts().to_dict(), pd.Series(unit_n).value_counts().to_dict()
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
                    or (unit_n[i] == "percent" and np.any(np.abs(shares_e - nv[i]) <= half_n[i] + 1e-9))
                    or _times_as_percent(ev, unit_e, nv[i], unit_n[i])):
                verdicts.append("agree")
                continue
            written = _numeral(n.at[i, "surface"]) & earlier_numerals
            counted_else = set().union(*(_numeral(e.at[k, "surface"]) for k in ei[(ni == i) & other_toll]))
            if not written and not (ni == i).any() or not written and not other_toll[ni == i].any():
                # the same count written in words ("Twenty-five others" -> "25 people")
                written = {"w"} if _written_value(n.at[i, "value"], n.at[i, "qualifier"], earlier_values) else set()
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
        # ... or the only figure of its unit in each text, about a shared subject: "Goldman to pay
        # up to $5 billion" / "Goldman Sachs to pay $5.1 billion" leave nothing else to pair with
        same_thing = same_thing or (unit_n[i] != "" and shares[j] and sole_e.get(unit_n[i]) == 1
                                    and sole_n.get(unit_n[i]) == 1)
        strong = (same_thing and score[j] >= s.min_contradiction_score and not apart[j]
                  and len(parts) < 2 and rel[j] == "contradiction"
                  and can_contradict(erow_j, nrow_i, str(side[j])))
        verdict = ("agree" if agree[j] and implied[j] else
                   "conflict" if strong and rel[j] == "contradiction" else "differ")
        edge_j = bool(edge[j]) and rel[j] == "contradiction"
        if edge_j:
            side[j] = "edge"  # the detail says why two equal figures conflict
        if (verdict != "conflict" and edge_j and not apart[j] and (near_noun[j] or no_noun[j])
                and can_contradict(erow_j, nrow_i, "above" if n.at[i, "qualifier"] == "at_least" else "below")):
            verdict = "conflict"
        if verdict == "agree" and same_value[j] and not apart[j] and opposite_change(erow_j, nrow_i):
            # the same change in the other direction: "sales fell 0.4%" vs "sales rose 0.4%"
            verdict, rel[j], side[j] = "conflict", "contradiction", "direction"
        elif verdict == "agree" and same_value[j] and not apart[j] and opposite_result(erow_j, nrow_i):
            # the same sum, once a profit and once a loss: "earned $374m" vs "lost $374m"
            verdict, rel[j], side[j] = "conflict", "contradiction", "result"
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
    relation, matches = _moved(earlier, later, relation, verdicts, matches)
    return {"relation": relation, "matches": matches, "verdicts": verdicts}


def _moved(earlier: str, later: str, relation: str, verdicts: list[str], matches: list[dict]):
    """The relation and matches after :func:`opposite_moves`: a conflict, with a match that says
    which name moved which way, when no later figure agrees with an earlier one."""
    if relation == "contradiction" or "agree" in verdicts:
        return relation, matches
    name = opposite_moves(earlier, later)
    if not name:
        return relation, matches
    a, b = _moves(earlier)[name], _moves(later)[name]
    what = {"up": "up", "down": "down"}
    detail = (f"earlier text: {_move_phrase(earlier, name)}; later text: {_move_phrase(later, name)} — "
              f"“{name}” moves {what[next(iter(a))]} in the earlier text and {what[next(iter(b))]} in the later one.")
    return "contradiction", matches + [{
        "match_id": stable_id("move", earlier or "", later or "", name), "new_surface": None,
        "earlier_surface": None, "relation": "contradiction", "score": 1.0, "detail": detail}]


def _move_phrase(text: str, name: str) -> str:
    """The clause of ``text`` where ``name`` first stands (at most 12 words)."""
    for part in re.split(r"[,;:.!?~|]", text or ""):
        if re.search(r"\b" + re.escape(name) + r"\b", part, re.I):
            return " ".join(part.split()[:12])
    return name


_TOKEN = re.compile(r"[A-Za-z][A-Za-z'&-]*|\d[\d,.]*|[,;:.!?~()\[\]|]")
# states that report a move without a change verb ("Sensex weak", "shares lower")
_MOVE_STATE = {"weak": "down", "weaker": "down", "weakens": "down", "weakened": "down",
               "strengthens": "up", "strengthened": "up", "stronger": "up", "high": "up", "low": "down"}


_GAIN_WORDS = frozenset("""profit profits earnings earned earns earn income surplus""".split())
_LOSS_WORDS = frozenset("""loss losses lost loses lose deficit""".split())


def _result(sentence, surface, qualifier=None) -> str:
    """"gain" or "loss" when a profit or loss word stands within four words before the figure or
    two after it, in its clause ("net earnings of $374m", "lost $5 million"); else ""."""
    if not isinstance(sentence, str) or not isinstance(surface, str):
        return ""
    at = locate(sentence, surface, qualifier)
    if at < 0:
        return ""
    left = re.split(r"[,;:()]|\s[-–—]\s", re.split(r"\d", sentence[:at])[-1])[-1]
    right = re.split(r"[,;:()]|\s[-–—]\s", sentence[at + len(surface):], maxsplit=1)[0]
    words = [w.lower() for w in _WORD.findall(left)[-4:]] + [w.lower() for w in _WORD.findall(right)[:2]]
    gain, loss = bool(_GAIN_WORDS.intersection(words)), bool(_LOSS_WORDS.intersection(words))
    return "gain" if gain and not loss else "loss" if loss and not gain else ""


def opposite_result(earlier: dict, later: dict) -> bool:
    """Whether the same sum is a profit in one text and a loss in the other.

    >>> opposite_result({"sentence": "Arlo reported net earnings of $374m.", "surface": "$374m"},
    ...                 {"sentence": "Arlo loses $374m.", "surface": "$374m"})
    True
    """
    a = _result(earlier.get("sentence"), earlier.get("surface"), earlier.get("qualifier"))
    b = _result(later.get("sentence"), later.get("surface"), later.get("qualifier"))
    return bool(a) and bool(b) and a != b


# words that name a move unless they complete a phrasal verb ("steps down", "sets up") or an
# adjective's noun phrase ("a high court")
_PARTICLES = frozenset({"up", "down", "high", "low"})
_PHRASAL = frozenset("""step back set pick shut turn break broke calm crack show sign give gave take took
make made look come came go went wind wound clean open hold held keep kept stand stood bring brought
put follow beef mop scale water play tone hunker crack clamp cool slow shake shook tear tore knock
let write wrote mark talk ratchet sit sat lay laid lie burn burnt live a an the very too so""".split())


def _phrasal(word: str) -> bool:
    """Whether ``word`` (before "up"/"down"/"high"/"low") is a verb or determiner that takes it.

    >>> _phrasal("Steps"), _phrasal("stepped"), _phrasal("index"), _phrasal("Sensex")
    (True, True, False, False)
    """
    w = word.lower()
    return any(w == v or w in (v + "s", v + "es", v + "ed", v + "d", v + "ing", v + v[-1] + "ed",
                               v + v[-1] + "ing") for v in _PHRASAL)


def _moves(text: str) -> dict[str, set[str]]:
    """For each name (a capitalised word) that a direction word follows within four words of its
    clause, the directions it is said to move in; "lower than" is a comparison, not a move.

    >>> dict(_moves("Arlo Mills fell; Bemis Corp gains."))
    {'mills': {'down'}, 'arlo': {'down'}, 'corp': {'up'}, 'bemis': {'up'}}
    """
    toks = _TOKEN.findall(text or "")
    out: dict[str, set[str]] = {}
    for i, t in enumerate(toks):
        d = direction_word(t) or _MOVE_STATE.get(t.lower(), "")
        if not d or (i + 1 < len(toks) and toks[i + 1].lower() == "than"):
            continue
        if t.lower() in _PARTICLES and (i == 0 or _phrasal(toks[i - 1])):
            continue  # "steps down", "sets up", "a high court": not a move
        if t.lower() in ("high", "low") and i + 1 < len(toks) and toks[i + 1][0].isupper() \
                and toks[i + 1].lower() not in _STOP:
            continue  # "Arlo High School": a name
        for k in range(i - 1, max(-1, i - 5), -1):
            w = toks[k]
            if not w[0].isalpha():
                break
            if w[0].isupper() and len(w) >= 3 and w.lower() not in _STOP:
                out.setdefault(w.lower(), set()).add(d)
    return out


def opposite_moves(earlier: str, later: str) -> str:
    """The name that the two texts say moved in opposite directions ("Sensex up" / "Sensex
    weak"), each text one way only: a conflict even without figures; "" when there is none. The
    texts must share most of their words (one holds at least half of the other's), so that they
    report the same thing.

    >>> opposite_moves("Arlo shares rise in early trade", "Arlo shares fall in early trade")
    'arlo'
    >>> opposite_moves("Arlo shares rise in early trade", "Arlo shares rise, Bemis falls")
    ''
    """
    a, b = _moves(earlier), _moves(later)
    names = sorted(k for k in a.keys() & b.keys() if len(a[k]) == 1 and len(b[k]) == 1 and a[k] != b[k])
    if not names or max(coverage(earlier, later)[0], coverage(later, earlier)[0]) < MIN_COVERAGE:
        return ""
    return names[0]


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
    # the later bound's written edge is exact ("at least 25" does not follow from "about two
    # dozen"); the earlier figure keeps the rounding of its last digit, within the tolerance
    g = (grains(e["surface"].to_numpy(object), e["value"].to_numpy("float64")) * fe)[ei]
    exact = e["qualifier"].to_numpy(object)[ei] == "exact"
    slack = np.where(exact, np.minimum(np.nan_to_num(g) / 2, s.tolerance * np.abs(e_mid)), 0.0)
    with np.errstate(invalid="ignore"):
        low_ok = e_low + slack >= n_low
        high_ok = e_high - slack <= n_high
    return np.where(q == "at_least", low_ok, np.where(q == "at_most", high_ok, True))


def _times_as_percent(ev: np.ndarray, unit_e: np.ndarray, value: float, unit: str) -> bool:
    """Whether a multiple meets a percent increase of the other text: "five times more likely"
    is how news writes a 500% (strictly a 400%) increase; both readings count.

    >>> _times_as_percent(np.array([500.0]), np.array(["percent"], dtype=object), 5.0, "times")
    True
    >>> _times_as_percent(np.array([5.0]), np.array(["times"], dtype=object), 400.0, "percent")
    True
    """
    if not np.isfinite(value) or value <= 0:
        return False
    for v, u in zip(ev, unit_e):
        if not np.isfinite(v) or v <= 0:
            continue
        if unit == "times" and u == "percent":
            times, pct = value, v
        elif unit == "percent" and u == "times":
            times, pct = v, value
        else:
            continue
        if any(abs(pct - 100.0 * k) <= 1e-9 * pct for k in (times, times - 1)):
            return True
    return False


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

    >>> from claimtrack.stages.extract.claims import extract_claims
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
            # not when the smaller figure is lost in the later one's rounding: "35 million users in
            # 196 countries" does not derive "35 million" as a difference
            if same and min(abs(a), abs(b)) > slack and abs(abs(b - a) - abs(value)) <= slack:
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
