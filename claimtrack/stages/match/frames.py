"""The careful check of a related pair of claims: are both figures about the same thing?

Run only on pairs the cheap steps already related (figures.py), so it can read more per pair:
each claim's frame (extract/claims/frame.py: holder, measure, period, scope; computed here from
the sentence and headline when a stored claim has none), both headlines, both publication dates.

- A **contradiction** needs proof: the same holder on both sides, or the same headline (one story)
  where no holder is named on one side (and no two different companies in the headlines); the
  same measure, the same period (relative ones resolved against each
  article's date), no different scope, both articles dated, and a new sentence that does not say
  it revises the figure (that is an ``update``). Anything less certain is dropped, never flagged.
- A **link** (repeat, consistent, update) needs the same proof of one thing (a measure that only
  names more, "displaced refugees" for "refugees", is no other measure), or one attributed
  sentence repeated within a day in one story; an event's toll (dead, missing, homeless) links
  across reports that share a name. Two figures that differ link only within a day, for a
  period both name, or as a toll; an update also needs both dates and the same period.
- Neither is kept for a misprinted figure, a rate against a count, a recurring report (the same
  headline on another day), or one template said of two things (a swapped content word near the
  figure, a swapped headline word, two different names).

Each kept pair gets a ``confidence`` (0-1) and one line of ``evidence``.

>>> e = {"holder": "Noranda Inc", "measure": "miner trapped", "period": None, "scope": None,
...      "title": "NORANDA MINE SHUT BY FIRE", "sentence": "The fire trapped 44 miners.",
...      "published_at": "1987-04-02 12:00"}
>>> n = {"holder": "Noranda", "measure": "miner trapped", "period": "day-1", "scope": None,
...      "title": "NORANDA MINE FIRE TOLL", "sentence": "57 miners were trapped yesterday.",
...      "published_at": "1987-04-03 11:00"}
>>> v = check_pair("contradiction", e, n, score=0.8)
>>> v.relation, v.evidence
('contradiction', 'holder: Noranda Inc; measure: miner trapped; period: 1987-04-02')
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from datetime import date

import pandas as pd
from rapidfuzz import fuzz

from claimtrack.stages.extract.claims.units import is_money
from claimtrack.stages.match.nouns import _TIME_UNITS
from claimtrack.stages.match.templates import (_STOP, _WORDS, _capitals, _masked, other_headlines, other_names,
                                               other_things, wording)
from claimtrack.stages.extract.claims.frame import (claim_frame, headline_holder, is_table_line, norm_holder,
                                                    same_holder, says_revision)
from claimtrack.stages.extract.claims.periods import RECURRING, period_of, resolve_period

#: an amount, share or rate with no period named is a reading of a series (a price, a market
#: operation, a rate): readings this many days apart are two figures, neither the same one nor in
#: conflict (half a day: a morning and an evening report of one day are still one reading)
SERIES_MIN_DAYS = 0.5
#: a sentence worded the same around its figures (this alike) states the same measure
SAME_WORDING_MIN_RATIO = 90
#: an update of a figure with no period and no proven holder ("the toll", "ships waiting") is about
#: the same figure only while the story runs: later it is another series' figure at another date
UPDATE_MAX_DAYS = 30
#: a sentence worded alike on a later day than this is a routine report's template, reused
REUSED_MIN_DAYS = 1.0
#: a results headline for a whole year ("ACME INC <ACM> YEAR NET"); the lines under a "Year" header
#: of a quarter's table get the same period (extract/claims/sections.py)
_YEAR_HEADLINE = re.compile(r"\b(?:YEAR|YR|FY)\b")
#: nouns of instruments, lots and goods: a count of them does not say what is measured (shares
#: outstanding, traded, held or bought; a bond's denomination or a note's term)
_UNSPOKEN_MEASURE = frozenset("""share stock note bond debenture debt loan offer offering issue
denomination unit lot cargo cargoe contract tonne ton barrel ounce bushel bale bag head dlr""".split())
#: what a disaster's toll counts (frame measures)
_TOLLS = frozenset({"dead", "missing", "injured", "homeless", "displaced", "evacuated", "trapped", "stranded",
                    "rescued", "affected"})
#: units that weigh or hold goods (``nouns.unit_key``): their noun names the goods, not the measure
_GOODS_UNITS = frozenset("kg oz ounces barrels bushels bags bales litres gallons head".split())


@dataclass(frozen=True, slots=True)
class Verdict:
    """The relation kept for a pair ("" to drop it), how sure, and why."""

    relation: str
    confidence: float
    evidence: str


def _text(v) -> str | None:
    return v if isinstance(v, str) and v.strip() else None


def _day(ts) -> date | None:
    if ts is None or ts is pd.NaT:
        return None
    try:
        t = pd.Timestamp(ts)
    except (TypeError, ValueError):
        return None
    if pd.isna(t):
        return None
    return t.date()


def side_frame(row: dict) -> dict:
    """A claim's frame for matching: the stored columns, or computed from its sentence; a missing
    holder taken from a company headline; the period resolved against the publication date."""
    holder, measure, period, scope = (_text(row.get(k)) for k in ("holder", "measure", "period", "scope"))
    title = _text(row.get("title"))
    if holder is None and measure is None and period is None:
        subj = row.get("subject")
        subj = tuple(s for s in subj if isinstance(s, str)) if isinstance(subj, (list, tuple)) or hasattr(subj, "tolist") else ()
        f = claim_frame(_text(row.get("sentence")), _text(row.get("surface")), _text(row.get("noun")), subj, title)
        holder, measure, period, scope = f.holder, f.measure, f.period, f.scope
    if period is None and title and (RECURRING.search(title) or is_table_line(_text(row.get("sentence")))):
        # a results line's or a recurring report's period is in its headline ("4TH QTR", "YEAR NET")
        period = period_of(title) or ("year" if _YEAR_HEADLINE.search(title) else None)
    from_headline = False
    if holder is None:
        holder = headline_holder(title)
        from_headline = holder is not None
    day = _day(row.get("published_at"))
    subj = row.get("subject")
    names = frozenset(norm_holder(x) for x in (subj.tolist() if hasattr(subj, "tolist") else subj or ())
                      if isinstance(x, str)) - {""}
    sentence = _sentence_features(_text(row.get("sentence")))
    headline = _title_features(title)
    return {"holder": holder, "measure": measure, "period": resolve_period(period, day), "scope": scope,
            "names": names, "day": day, "from_headline": from_headline, "revision": False,
            "own": _numbers(_text(row.get("surface"))), **sentence, **headline,
            "misprinted": misprinted(_text(row.get("surface")), _text(row.get("sentence"))),
            "rate": rate_of(_text(row.get("sentence")), _text(row.get("surface"))),
            "small": _small(row.get("value"), row.get("unit")),
            # what the report is about: its names and its headline's longer words ("ecuador", "quake")
            "about": names | headline["headline_words"],
            "time_of_day": sentence["sentence_times"] | headline["title_times"]}


@lru_cache(maxsize=1 << 17)
def _sentence_features(sentence: str | None) -> dict:
    """What the careful check reads in a claim's sentence (shared by the claims of one sentence)."""
    return {"table": is_table_line(sentence), "wording": wording(sentence), "figures": _numbers(sentence),
            "capitals": _capitals(sentence),
            "attributed": bool(_ATTRIBUTED.search(sentence or "")), "sentence_times": times_of_day(sentence)}


@lru_cache(maxsize=1 << 15)
def _title_features(title: str | None) -> dict:
    """What the careful check reads in a claim's headline (shared by the claims of one article)."""
    words = frozenset(w for w in _WORDS.findall(title.lower()) if len(w) >= 4 and w not in _STOP) if title else frozenset()
    return {"title": " ".join(title.lower().split()) if title else None, "company": headline_holder(title),
            "headline_words": words, "title_times": times_of_day(title)}


#: the session of a trading day or the part of a day a reading was taken at; a price, a volume or
#: a market operation read at two of them is two readings, not one figure
_TIME_OF_DAY = re.compile(
    r"(?P<opening>\b(?i:open(?:ed|s|ing)?|early (?:trading|trade|dealings?|session)|first ring|1st ring)\b)"
    r"|(?P<midday>\b(?i:mid-?session|mid-?day|noon|mid-?morning|late morning|lunch(?:time)?)\b)"
    r"|(?P<afternoon>\b(?:[Aa]fternoon|AFTERNOON|second ring|SECOND RING|2nd ring|2ND RING|PM)\b|\bp\.m\.)"
    r"|(?P<close>\b(?i:clos(?:e|ed|es|ing)|late (?:trading|trade|dealings?|session)|end of (?:the )?day)\b)"
    r"|(?P<morning>\b(?:[Mm]orning|MORNING|AM)\b|\ba\.m\.)")


@lru_cache(maxsize=1 << 16)
def times_of_day(text: str | None) -> frozenset[str]:
    """The parts of a trading day a text names for its reading ("opening", "midday",
    "afternoon", "close", "morning"); empty when it names none.

    >>> sorted(times_of_day("CANADA STOCKS HIGHER AT MIDSESSION")), sorted(times_of_day("LME METAL PM 1ST RING"))
    (['midday'], ['afternoon', 'opening'])
    >>> times_of_day("The fire trapped 44 miners.")
    frozenset()
    """
    if not text:
        return frozenset()
    return frozenset(m.lastgroup for m in _TIME_OF_DAY.finditer(text))


def misprinted(surface: str | None, sentence: str | None = None) -> bool:
    """Whether a figure's digits are grouped wrongly ("7,033,00", "5,334,00"), in the figure or
    just after it in its sentence: a misprint whose value no one can know, so it contradicts
    nothing.

    >>> misprinted("7,033,00"), misprinted("7,033,000"), misprinted("1,5"), misprinted("12.5 mln")
    (True, False, True, False)
    >>> misprinted("7,033", "Avg shrs 7,033,00 vs 6,557,000")
    True
    """
    if not surface:
        return False
    if _MISGROUPED.search(surface):
        return True
    at = sentence.find(surface) if sentence else -1
    return at >= 0 and bool(_CUT_GROUP.match(sentence, at + len(surface)))


#: a thousands group of other than three digits: "7,033,00", "1,5" ("1,5" is no English number)
_MISGROUPED = re.compile(r"\d,(?!\d{3}(?!\d))\d")
_CUT_GROUP = re.compile(r",\d{1,2}(?!\d)")


def rate_of(sentence: str | None, surface: str | None) -> str | None:
    """The time unit a figure is counted per ("12 a day", "400 tonnes per week"), or None.

    >>> rate_of("Movement of ships was running at about 12 a day.", "12"), rate_of("Two ships were working.", "Two")
    ('day', None)
    """
    if not sentence or not surface:
        return None
    at = sentence.find(surface)
    if at < 0:
        return None
    m = _RATE.match(sentence, at + len(surface))
    return m.group(1).lower() if m else None


_RATE = re.compile(r"\s+(?:[a-z-]+\s+){0,2}?(?:a|an|per|each|every)\s+(day|week|month|year|hour|minute|quarter)\b", re.I)


def _small(value, unit) -> bool:
    """A count under ten with no unit ("two separate issues", "one of the stars", "Halo 2"), or a
    span of time ("12 months", "five years ago"): too common to say that two reports give the
    same figure."""
    if isinstance(unit, str) and unit.strip().lower() in _TIME_SPANS:
        return True
    try:
        v = float(value)
    except (TypeError, ValueError):
        return False
    return v < 10 and not (isinstance(unit, str) and unit.strip())


_TIME_SPANS = _TIME_UNITS | {"second", "s", "min", "h"}


def _named_in(holder: str, about: frozenset[str]) -> bool:
    """Whether a holder's name, or one of its longer words, is among what a report is about."""
    key = norm_holder(holder)
    return key in about or any(len(w) >= 4 and w in about for w in key.split())


@lru_cache(maxsize=1 << 17)
def _numbers(text: str | None) -> frozenset[str]:
    """The figures written in digits in a text, without thousands separators, each with the word
    after it.

    >>> sorted(_numbers("13 pct of its 13 billion dlr debt, up 1,200"))
    ['1200', '13 billion', '13 pct']
    """
    return frozenset(f"{m.group(1).replace(',', '')} {m.group(2) or ''}".strip() for m in _DIGITS.finditer(text or ""))


#: a figure and the word after it ("13 pct" is not "13 billion")
_DIGITS = re.compile(r"(\d[\d,]*(?:\.\d+)?)(?:\s*([a-z%]+))?", re.I)
#: a sentence that says who states its figure: a claim someone asserts, not a table or market line
_ATTRIBUTED = re.compile(r"\b(?:said|says|say|told|according to|reported|announced|estimated|stated|added|confirmed)\b")


def _period_agrees(pe: str | None, pn: str | None, de: date | None, dn: date | None) -> bool | None:
    """True (same period), False (different), None (cannot tell: one names a period the other
    does not). No period at all means "as of publication"; a day named on one side agrees with
    the other's publication day, or the day before it."""
    if pe is None and pn is None:
        return True
    if pe is not None and pn is not None:
        return pe == pn
    named, other_day = (pe, dn) if pe is not None else (pn, de)
    if other_day is not None and len(named) == 10 and named[4] == "-" and named[7] == "-":
        try:
            d = date.fromisoformat(named)
        except ValueError:
            return None
        # a day the other side does not name may be the event's date rather than the figure's
        return True if abs((other_day - d).days) <= 1 else None
    return None


def is_series_unit(unit_key: str | None) -> bool:
    """Units of figures that are readings of a series: money, shares, points and rates.

    >>> is_series_unit("usd"), is_series_unit("percent"), is_series_unit("usd/day"), is_series_unit("m")
    (True, True, True, False)
    """
    if not unit_key:
        return False
    return unit_key in ("percent", "point", "percentage point") or "/" in unit_key or is_money(unit_key.upper())


def _evidence(fe: dict, fn: dict, measure_key: str | None) -> str:
    holder = max((h for h in (fn["holder"], fe["holder"]) if h), key=len, default=None)
    if holder is None:
        holder = f"the story “{fn['title']}”" if fn["title"] and fn["title"] == fe["title"] else "unknown"
    measure = fn["measure"] or fe["measure"] or measure_key or "unknown"
    if fn["period"] or fe["period"]:
        period = fn["period"] or fe["period"]
    elif fn["day"] is not None:
        period = f"as of {fn['day'].isoformat()}"
    else:
        period = "unknown"
    out = f"holder: {holder}; measure: {measure}; period: {period}"
    scope = fn["scope"] or fe["scope"]
    return out + (f"; scope: {scope}" if scope else "")


def check_pair(relation: str, earlier: dict, new: dict, score: float, measure_key: str | None = None,
               gap_seconds: float | None = None) -> Verdict:
    """The relation to keep for a related pair of claim rows (dicts with the claims' columns and
    their articles' title and published_at), with confidence and evidence; relation "" drops it.
    ``measure_key``: the pair's counted thing and unit as figures.concept_keys gives it
    ("usd"-type units mark a series reading); ``gap_seconds``: new minus earlier publication time.

    >>> a = {"holder": "Acme", "measure": "net profit", "period": "1986-Q4", "published_at": "1987-03-02"}
    >>> b = {"holder": "Bolt", "measure": "net profit", "period": "1986-Q4", "published_at": "1987-03-02"}
    >>> check_pair("contradiction", a, b, 0.9).relation, check_pair("consistent", a, b, 0.9).relation
    ('', '')
    """
    return check_frames(relation, side_frame(earlier), side_frame(new), score, _text(new.get("sentence")),
                        measure_key, gap_seconds)


_CORRECTED = re.compile(r"^(?:corrected|correction|refiled)\s*[-:]+\s*")


def corrects(later: str | None, earlier: str | None) -> bool:
    """Whether a (lower-case) headline is a correction of the earlier story's headline.

    >>> corrects("corrected - acme corp <acm> 4th", "acme corp <acm> 4th qtr loss"), corrects("acme corp 4th", "acme corp 4th qtr")
    (True, False)
    """
    m = _CORRECTED.match(later or "")
    rest = (later or "")[m.end():] if m else ""
    return len(rest) >= 10 and (earlier or "").startswith(rest)


def check_frames(relation: str, fe: dict, fn: dict, score: float, new_sentence: str | None = None,
                 measure_key: str | None = None, gap_seconds: float | None = None) -> Verdict:
    """:func:`check_pair` on frames made by :func:`side_frame` (one per claim, shared by its pairs)."""
    he, hn = fe["holder"], fn["holder"]
    holder_same = same_holder(he, hn)
    # two holders differ when neither is named at all by the other claim (a link may name the
    # same body from another side: "the House" and "the Senate" both pass one budget)
    holder_differ = bool(he and hn) and not holder_same and not (
        norm_holder(he) in fn["names"] or norm_holder(hn) in fe["names"])
    companies_differ = bool(fe["company"] and fn["company"]) and not same_holder(fe["company"], fn["company"])
    me, mn = fe["measure"], fn["measure"]
    # no measure on either side: two bare figures, which figures.py relates only when the words
    # around them agree (claim_context.bare_context_ok)
    measure_same = me == mn
    # another state of what is counted ("trapped" vs "dead"): the last word differs where both
    # nouns agree (figures.py blocks on the counted noun already)
    measure_differ = bool(me and mn) and me != mn and (me.split()[-1] != mn.split()[-1] or len(me.split()) == len(mn.split()))
    # a rate ("12 ships a day") and a count ("two ships working") are two measures
    measure_differ = measure_differ or fe["rate"] != fn["rate"]
    # a wire correction re-sends its story under the headline "CORRECTED - ...", cut to the
    # headline width (and so often without its "4TH QTR"): its lines have the story's period
    pn_ = fe["period"] if fn["period"] is None and corrects(fn["title"], fe["title"]) else fn["period"]
    period = _period_agrees(fe["period"], pn_, fe["day"], fn["day"])
    se, sn = fe["scope"], fn["scope"]
    scope_differ = bool(se and sn) and norm_holder(se) != norm_holder(sn)
    dated = fe["day"] is not None and fn["day"] is not None
    # readings of one trading day: the same session on both sides, or none named on either
    same_time_of_day = fe["time_of_day"] == fn["time_of_day"]
    conflict = (holder_differ or companies_differ or measure_differ or period is False or scope_differ
                or bool(fe["time_of_day"] and fn["time_of_day"] and not same_time_of_day))
    evidence = _evidence(fe, fn, (measure_key or "").partition("|")[0] or None)
    both_sentence = holder_same and not fe["from_headline"] and not fn["from_headline"]
    days = abs(gap_seconds) / 86400 if gap_seconds is not None and math.isfinite(gap_seconds) else math.inf
    # an amount of money, a share or a rate with no period named is a reading of a series (a
    # price, a market operation, a rate): another day's reading is another figure, not a conflict
    noun_key, _, unit_key = (measure_key or "").partition("|")
    another_reading = is_series_unit(unit_key) and fe["period"] is None and fn["period"] is None and days > SERIES_MIN_DAYS
    # a table row or results line is only ever about its own company
    table_apart = (fe["table"] or fn["table"]) and not holder_same

    # the same headline within half a day is one story: two reports that name no holder (or one
    # that does not) are about the story's own figure; on other days it is a recurring report
    story = (bool(fe["title"]) and fe["title"] == fn["title"] and not holder_differ and not holder_same
             and days <= SERIES_MIN_DAYS)
    # the same headline on another day, with no period named on both sides, is a recurring report
    # ("GRAIN SHIPS WAITING AT NEW ORLEANS"): each day's figure is a new reading of the series, not
    # in conflict with the last one nor agreeing with it (a correction of a story comes the same
    # day); only the same figure again is a repeat
    same_wording = bool(fe["wording"] and fn["wording"]) and fuzz.ratio(fe["wording"], fn["wording"]) >= SAME_WORDING_MIN_RATIO
    # the toll of one event: people dead, missing or homeless, counted in reports that name the
    # same place or body and no holder of their own, within a story's month
    # (a holder named on one side only must be named by the other too: a toll "in Lwarai Mandi"
    # is not any toll in the same country's news)
    lone = he if he and not hn else hn if hn and not he else None
    toll = (bool(mn and me) and mn.split()[-1] in _TOLLS and me.split()[-1] in _TOLLS and measure_same
            and (holder_same or (not (he and hn) and bool(fe["about"] & fn["about"])
                                 and (lone is None or _named_in(lone, fn["about"] if lone == he else fe["about"]))))
            and days <= UPDATE_MAX_DAYS and period is not False)
    recurring = (bool(fe["title"]) and fe["title"] == fn["title"] and days > SERIES_MIN_DAYS
                 and not (fe["period"] and fn["period"]) and relation != "repeat" and not toll)
    # Both flags and links need proof that the two figures are about one thing: one holder (or
    # one story), one measure that is known to say what is counted, one period, one scope.
    # The measure is known from two words ("miner trapped", "car production"); from one word
    # when both sentences name the holder and it is not a count of shares, notes or lots, nor
    # tonnes or barrels of a good (sold? shipped? produced?); from a results line's label when
    # its company's headline holds it; or from the same attributed sentence on both sides, a
    # report repeated with a figure changed (two listings of a bond's terms, two market lines
    # say alike things about different issues and goods, and are not attributed)
    counted = mn or me or noun_key or ""
    worded_alike = same_wording and fe["attributed"] and fn["attributed"]
    measure_known = worded_alike or bool(counted) and (" " in counted or (
        (both_sentence and unit_key not in _GOODS_UNITS or (fe["table"] and fn["table"] and holder_same))
        and counted.split()[-1] not in _UNSPOKEN_MEASURE))
    proven = ((holder_same or story) and not companies_differ and measure_same and measure_known
              and period is True and not scope_differ and same_time_of_day)
    # each report also gives the other's figure (it names two quantities); or two sentences or
    # headlines of one template swap what they are about ("gold" / "silver", "FEBRUARY" / "MARCH")
    def two_things() -> bool:  # (read only for the pairs that pass the cheaper checks)
        return (bool(fn["own"] & (fe["figures"] - fe["own"])) or bool(fe["own"] & (fn["figures"] - fn["own"]))
                or other_things(fe["wording"], fn["wording"]) or other_names(fe, fn)
                or (not fe["table"] and not fn["table"] and other_headlines(fe["title"], fn["title"])))
    if relation == "contradiction":
        # a template sentence reused on another day is a routine report's new reading (a rig count,
        # a purchase authorisation); a correction of one report comes the same day
        reused = same_wording and days > REUSED_MIN_DAYS and not (fe["period"] and fn["period"])
        # each report also gives the other's figure: it names two quantities, it does not deny one
        if (not proven or not dated or another_reading or recurring or reused or fe["misprinted"] or fn["misprinted"]
                or fe["rate"] != fn["rate"] or two_things()):
            return Verdict("", 0.0, evidence)
        if says_revision(new_sentence) or says_revision(fn["title"]):
            return Verdict("update", round(0.5 + 0.3 * min(score, 1.0), 3), evidence)
        conf = 0.55 + 0.15 * both_sentence + 0.1 * bool(fe["period"] and fn["period"]) + 0.05 * (" " in (mn or "")) + 0.15 * min(score, 1.0)
        return Verdict("contradiction", round(min(conf, 0.99), 3), evidence)
    # a link says "the same figure": it needs the same proof (a measure that does not differ is
    # enough: "displaced refugees" and "refugees"), or one sentence repeated: with its figure
    # unchanged, or attributed and the same day (a story's second version, a paragraph carried
    # into a follow-up)
    linked = ((holder_same or story) and not companies_differ and not measure_differ and measure_known
              and period is True and not scope_differ and same_time_of_day)
    # (a template sentence in two stories is not one figure: "The issue has a 5/8 pct fee" is said
    # of every bond; the same story's second version keeps its headline or its holder)
    same_story = bool(fe["title"]) and _masked(fe["title"]) == _masked(fn["title"])
    repeated = (same_wording and (same_story or holder_same) and not holder_differ and not companies_differ
                and days <= REUSED_MIN_DAYS and (relation == "repeat" or worded_alike))
    linked = linked or toll
    if (not (linked or repeated) or conflict or table_apart or recurring or (another_reading and relation != "repeat")
            or fe["small"] or fn["small"] or fe["misprinted"] or fn["misprinted"]):
        return Verdict("", 0.0, evidence)
    # two figures that differ are one figure's versions only within a news cycle, for a period both
    # name, or for an event's toll: otherwise they are a series read at two dates
    if relation != "repeat" and (not (days <= REUSED_MIN_DAYS or (fe["period"] and fn["period"]) or toll)
                                 or two_things()):
        return Verdict("", 0.0, evidence)
    if relation == "update":
        if not dated or period is not True or not measure_same:
            return Verdict("", 0.0, evidence)
        if not holder_same and not (fe["period"] and fn["period"]) and days > UPDATE_MAX_DAYS:
            return Verdict("", 0.0, evidence)
    conf = 0.3 + 0.3 * min(score, 1.0) + 0.15 * holder_same + 0.1 * (period is True) + 0.1 * measure_same
    return Verdict(relation, round(min(conf, 0.99), 3), evidence)
