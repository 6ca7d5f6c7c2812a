"""Verdict for one pair of texts: does the later one contradict, agree with, or not speak to
the earlier one's numbers? The same claim extractor, keys, scores and interval relations as
the pipeline's matcher; only the pairing is looser, because the two texts are known to be about
the same story (no subject blocking, every pair of claims is a candidate).

1. Claims of both texts (``claimtrack.stages.extract.claims.extract_claims``), read without
   their questions: a figure a text only asks about is not stated (compare_questions.py).
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
   ("Sensex up" / "Sensex weak": :func:`opposite_moves`); a later text with no figure of its
   own that disputes the earlier one in words ("that figure is wrong", "far fewer than claimed":
   compare_refute.refutes; never ``consistent``, whatever the word overlap). Subjects are shared when one claim's
   subject is a capitalised word of the other's sentence; a price per unit ("$1,500/oz") pairs
   with the bare price of the same value; "ticks up to 5.5%" is a level, not a bound.
   ``consistent`` when every later claim is implied by an earlier figure (units converted,
   units.py; a later bound must follow from the earlier figure) or derived from earlier ones
   (a sum of parts, a difference, a percent change, a ratio's share, a count of the names one
   earlier list gives), or its numeral is written in the earlier text, or it is the article or
   pronoun "one" (compare_derive.article_one); a figure that "respectively" gives to another name
   than the later text's is not implied; at least half of the later text's content words are in the earlier text,
   it adds at most three of its own, it names no other month or weekday, and its last clause
   is not one of its own ("…, inflation muted": compare_words.adds_claim). Otherwise
   ``unrelated``.
5. The matches agree with the verdict: a match says ``contradiction`` exactly when its pair
   conflicts; figures that differ without being judged the same thing say ``unrelated``. So a
   pair is ``contradiction`` exactly when one of its matches is (docs/compare.md).

Words are read in compare_words.py, disputes in compare_refute.py, figures derived from others in compare_derive.py,
and whether an agreeing figure is stated at all (a comparison's base, another period, another
kind of figure) in compare_restate.py.

>>> compare_texts("The flood left more than 3,000 families homeless in Arlo.",
...               "About 1,000 families are homeless in Arlo.")["relation"]
'contradiction'
>>> compare_texts("The flood left more than 3,000 families homeless in Arlo.",
...               "More than 3,000 families were left homeless by the flood in Arlo.")["relation"]
'consistent'
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from claimtrack.stages.extract.claims import extract_claims
from claimtrack.stages.match.compare_derive import (_implied, _ratios, _sum_of_parts, _times_as_percent, article_one, change_amount,
                                                    derived, list_count, respective_other)
from claimtrack.stages.match.compare_words import (MIN_COVERAGE, adds_claim, _move_phrase, _moves, _names, _noun_words, _numeral,
                                                   _subject_words, _values, _written_value, coverage, denies,
                                                   opposite_moves, opposite_result, other_date, other_holders, partitive)
from claimtrack.stages.match.compare_questions import statements
from claimtrack.stages.match.compare_refute import refutes
from claimtrack.stages.match.compare_restate import other_kind, restated
from claimtrack.stages.match.detail import claim_detail
from claimtrack.stages.match.claim_context import (_CASUALTY_KEYS, _CASUALTY_RE, _is_bare, _text, bare_context_ok,
                                                   context_words, opposite_change)
from claimtrack.stages.match.claim_blocks import concept_keys
from claimtrack.stages.match.nouns import _GENERIC, can_contradict
from claimtrack.stages.match.relate import _factors, relate_units, strict_bound
from claimtrack.stages.match.same_time import comparison_role, period_marks, same_period, same_side_of_comparison
from claimtrack.stages.match.settings import MatchSettings
from claimtrack.stages.match.units import grains
from claimtrack.records import as_row, stable_id

__all__ = ["compare_texts", "coverage", "decide"]

# ... and may add at most this many content words of its own: a restatement adds little
MAX_NEW_WORDS = 3
# a pairing needs this context score unless the counted things match
MIN_PAIR_SCORE = 0.5
# claims per text compared (in text order)
MAX_CLAIMS = 300


# "ticks up to 5.5%": a verb that means a rise only with "up" reaches a level; its "up to" is
# not the bound of "up to 5.5%" ("prices rose up to 5%" stays a bound: "rose" rises on its own)
_PARTICLE_UP_TO = re.compile(r"\b(?:tick|inch|edge|creep|crept|move|go|goes|went|gone|step|ramp|"
                             r"shoot|shot|push|bump|tick|head|level|spike|trend)(?:s|ed|ing)?\s+up\s+to\s*$", re.I)


def changes(row: dict) -> bool:
    """Whether a claim (a row with "sentence", "surface", "qualifier") is the size of a change
    (compare_derive.change_amount).

    >>> changes({"sentence": "Profit rose 40m to 700m.", "surface": "40m"}), changes({"sentence": "Profit was 700m.", "surface": "700m"})
    (True, False)
    """
    return change_amount(_text(row.get("sentence")), _text(row.get("surface")), _text(row.get("qualifier")))


def same_time(earlier: dict, later: dict) -> bool:
    """Whether two claims (rows with "sentence", "surface", "qualifier") may measure the same
    period, as a conflict needs: their sentences name no periods, or the same ones, and neither
    figure is the base an earlier period's figure is compared with (same_time.py, as the
    pipeline's matcher reads them).

    >>> same_time({"sentence": "In 2003 only 40% of mail was spam.", "surface": "40%"},
    ...           {"sentence": "By 2004, 75% of mail was spam.", "surface": "75%"})
    False
    >>> same_time({"sentence": "Sales were 5 bln in 2004.", "surface": "5 bln"},
    ...           {"sentence": "2004 sales: 6 bln.", "surface": "6 bln"})
    True
    """
    se, fe, sn, fn = _text(earlier.get("sentence")), _text(earlier.get("surface")), _text(later.get("sentence")), _text(later.get("surface"))
    return (same_period(period_marks(se, fe), period_marks(sn, fn))
            and same_side_of_comparison(comparison_role(se, fe, _text(earlier.get("qualifier"))),
                                        comparison_role(sn, fn, _text(later.get("qualifier")))))


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
    # a question asserts nothing: its figures can be neither restated nor contradicted
    earlier, later = statements(earlier), statements(later)
    # all pairs are scored: keep a pathological input (thousands of figures) from taking minutes
    e = _frame(extract_claims(earlier or "", "earlier")[:MAX_CLAIMS], earlier or "")
    n = _frame(extract_claims(later or "", "later")[:MAX_CLAIMS], later or "")
    if len(n) == 0 or len(e) == 0:
        numerals, values = _numeral(earlier), _values(earlier)
        verdicts = ["agree" if _numeral(x) & numerals or _written_value(v, q, values) or article_one(row, earlier)
                    or list_count(row, earlier) else "unpaired"
                    for x, v, q, row in zip(n.get("surface", []), n.get("value", []), n.get("qualifier", []),
                                            n.to_dict("records") if len(n) else [])]
        return _in_words(earlier, later, e, decide(verdicts, *coverage(earlier, later)), verdicts, [])
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
    # ... nor is it the base an earlier figure was compared with, or a figure of another period
    # (compare_restate.restated)
    was_base_e, restates = restated(e, n, ei, ni, unit_e)
    implied &= restates

    matches, verdicts = [], []
    earlier_numerals = _numeral(earlier)
    earlier_values = _values(earlier)
    sole_e, sole_n = pd.Series(unit_e).value_counts().to_dict(), pd.Series(unit_n).value_counts().to_dict()
    # earlier figures grouped by sentence (for figures derived from two of them), and each later
    # figure's rounding slack (half its last digit, at most 1 % of it: chance sums stay out)
    by_sentence_map: dict = {}
    # the base of a comparison first: a percent change runs from it ("2 million, up from 1.6
    # million" is a rise of 25%, not a fall of 20%)
    for k in sorted(range(len(e)), key=lambda k: not was_base_e[k]):
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
                    or _times_as_percent(ev, unit_e, nv[i], unit_n[i]) or list_count(n.iloc[i].to_dict(), earlier)):
                verdicts.append("agree")
                continue
            written = _numeral(n.at[i, "surface"]) & earlier_numerals
            counted_else = set().union(*(_numeral(e.at[k, "surface"]) for k in ei[(ni == i) & other_toll]))
            # nor one the earlier text gives as another kind of figure: "20 firefighters" does
            # not write the "20 minutes" a drill lasted (a count of things and a measure, or two
            # measures of different kinds; "17 times" and a rate's "$15/hour" may meet their kin)
            other_unit = other_kind(unit_e, base_e, noun_e, unit_n[i], base_n[i], noun_n[i])
            counted_else |= set().union(*(_numeral(x) for x in e["surface"].to_numpy(object)[other_unit]))
            if not written and not (ni == i).any() or not written and not other_toll[ni == i].any():
                # the same count written in words ("Twenty-five others" -> "25 people")
                written = {"w"} if (_written_value(n.at[i, "value"], n.at[i, "qualifier"], earlier_values)
                                    and not np.isclose(ev[other_unit], nv[i], rtol=1e-9, atol=0).any()) else set()
            verdicts.append("agree" if (written and not written & counted_else) or article_one(n.iloc[i].to_dict(), earlier)
                            else "unpaired")
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
        elif not (agree[j] and implied[j]) and not same_noun[j] and list_count(n.iloc[i].to_dict(), earlier):
            # "Ann Lee, 16, and Tom Ward, 17" -> "two teen suspects", not the age 17
            agree[j], implied[j], rel[j], side[j] = True, True, "consistent", "list"
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
        # ... or the only figure of its unit in each text, about a shared subject: "Norbank to pay
        # up to $3 billion" / "Norbank Group to pay $3.2 billion" leave nothing else to pair with
        same_thing = same_thing or (unit_n[i] != "" and shares[j] and sole_e.get(unit_n[i]) == 1
                                    and sole_n.get(unit_n[i]) == 1)
        strong = (same_thing and score[j] >= s.min_contradiction_score and not apart[j]
                  and len(parts) < 2 and rel[j] == "contradiction"
                  and can_contradict(erow_j, nrow_i, str(side[j]))
                  # a part and its whole ("Twenty of his films" / "more than 100 films")
                  and partitive(erow_j) == partitive(nrow_i)
                  # figures of two holders, each named only in its own text
                  and not other_holders(erow_j, nrow_i, earlier, later)
                  # ... or of two periods ("in 1999 produced 180,000" / "last year, 110,000"),
                  # read as the pipeline's matcher reads them (same_time.py)
                  and same_time(erow_j, nrow_i)
                  # a change and a level ("up £40m" / "£700m") are not two figures for one thing
                  and changes(erow_j) == changes(nrow_i))
        verdict = ("agree" if agree[j] and implied[j] else
                   "conflict" if strong and rel[j] == "contradiction" else "differ")
        if verdict == "agree" and respective_other(e, int(ei[j]), n.at[i, "sentence"]):
            # "Lee and Ward got 21 and 18 months, respectively" does not give Lee 18 months
            verdict, rel[j], side[j] = "differ", "unrelated", "respectively"
        edge_j = bool(edge[j]) and rel[j] == "contradiction"
        if edge_j:
            side[j] = "edge"  # the detail says why two equal figures conflict
        if (verdict != "conflict" and edge_j and not apart[j] and (near_noun[j] or no_noun[j]) and same_time(erow_j, nrow_i)
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
        detail = claim_detail(str(rel[j]), str(side[j]), erow, nrow)
        # a match says "contradiction" only when its verdict is a conflict, so that the pair's
        # relation and its matches never disagree; figures that differ without being judged the
        # same thing are "unrelated"
        match_rel = str(rel[j])
        if match_rel == "contradiction" and verdict != "conflict":
            match_rel = "unrelated"
            detail = detail.rsplit(" — ", 1)[0] + " — the figures differ, but not clearly about the same thing."
        elif verdict == "differ" and match_rel in ("repeat", "consistent"):
            # compatible figures that do not restate each other (a wider bound, another side of
            # a comparison, digits beyond a rounding)
            match_rel = "unrelated"
            detail = detail.rsplit(" — ", 1)[0] + " — the figures may both hold, but the earlier one does not state the later one."
        matches.append({
            "match_id": stable_id("claim", nrow["claim_id"], erow["claim_id"]),
            "new_surface": nrow["surface"], "earlier_surface": erow["surface"],
            "relation": match_rel, "score": float(score[j]), "detail": detail})

    return _in_words(earlier, later, e, decide(verdicts, *coverage(earlier, later)), verdicts, matches)


def _in_words(earlier: str, later: str, e: pd.DataFrame, relation: str, verdicts: list[str],
              matches: list[dict]) -> dict:
    """The pair's verdict once the words are read too: another month or weekday makes a
    consistent pair unrelated; a rebuttal (:func:`denies`), a figure disputed in words
    (:func:`refutes`) or a name moving both ways (:func:`opposite_moves`) makes a conflict, with
    a match that says so. A pair is "contradiction" exactly when one of its matches is."""
    if relation == "consistent" and (other_date(earlier, later) or adds_claim(earlier, later)):
        relation = "unrelated"  # another date, or a clause of its own: more than a restatement
    first = e["surface"].iloc[0] if len(e) else None
    if relation != "contradiction" and denies(earlier, later, verdicts):
        relation = "contradiction"
        matches = matches + [_word_match("denial", earlier, later, first,
                                         "one text rebuts the other's figure (“no, … not …”).")]
    if relation != "contradiction":
        phrase, about = refutes(earlier, later, verdicts)
        if phrase and about:
            relation = "contradiction"
            matches = matches + [_word_match("refute", earlier, later, first,
                                             f"the later text disputes the earlier figure in words (“{phrase}”).")]
        elif phrase and relation == "consistent":
            relation = "unrelated"  # disputing words are never agreement, whatever the overlap
    relation, matches = _moved(earlier, later, relation, verdicts, matches)
    return {"relation": relation, "matches": matches, "verdicts": verdicts}


def _word_match(kind: str, earlier: str, later: str, earlier_surface, why: str) -> dict:
    """A match that words, not a pair of figures, make: the later text against the earlier one."""
    return {"match_id": stable_id(kind, earlier or "", later or ""), "new_surface": None,
            "earlier_surface": earlier_surface, "relation": "contradiction", "score": 1.0,
            "detail": f"earlier text: {_short(earlier)}; later text: {_short(later)} — {why}"}


def _short(text: str, words: int = 16) -> str:
    parts = (text or "").split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


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
