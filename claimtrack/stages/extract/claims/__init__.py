"""Numeric-claim extraction: numbers -> qualifiers -> units -> context (noun, subject, speaker).

Entry point: :func:`extract_claims`. Pure regular-expression rules, no models:

- :mod:`.numbers` finds numerals, number words (:mod:`.words`), fractions, scales ("3.5bn",
  "150 mln") and vague magnitudes ("tens of thousands"), with currency and unit (:mod:`.units`, a
  lexicon that also reads mangled currency signs and units glued to the number);
- :mod:`.qualifiers` turns "more than", "about", "up to", "between X and Y" into intervals;
- :mod:`.filters` drops dates, years, times, ordinals, labels, names such as "S&P 500", phones;
  :mod:`.names` the numbers inside model names, codes and addresses ("A350-900", "400 737 Max
  jets", "14 Elm Road");
- :mod:`.context` gives each claim its sentence, counted noun, subject and speaker; :mod:`.measured`
  what a figure measures when no noun follows it;
- :mod:`.headline` rewrites title-case and all-caps lines in body-text case (same offsets) before
  numbers, units and nouns are read, so "$1 Billion" and "Adds 215,000 Jobs" parse as in body text;
  names, attributions and surfaces are read on the text as written;
- :mod:`.frame` gives each claim its frame for the matcher (holder, measure, scope, and the
  period that :mod:`.periods` reads: "1986-Q4", "day-1"); :mod:`.sections` dates the lines of a
  results table by its header.

Conventions of a :class:`~claimtrack.records.Claim`:

- ``surface``: the number as written, with its currency, scale and unit symbol or word
  ("$3.5bn", "60 per cent", "150 mln dlrs"), without qualifier words or the counted noun;
- ``value``/``low``/``high``: exact -> [v, v]; approx ("about") -> v ± 10 %, "nearly"/"almost" ->
  [0.9v, v]; at_least -> [v, 2v]; at_most -> [0, v]; range -> value is the first bound as written,
  low/high the sorted bounds; vague ("thousands") -> value = low bound, [1e3, 1e4] (CQE's table);
- ``unit``: "percent", "percentage point", ISO 4217 codes ("USD", "GBP", "EUR"); a
  currency's sub-unit keeps its own unit and value ("45 cents" is 45 "cent", "30p" is 30 "pence";
  the matcher puts them on the main unit's scale), SI-style symbols ("km", "kg", "°C", "MW"), "bpd", durations ("year",
  "month", "day"), "fraction" for "half"/"one-third"; a rate keeps its period ("USD/month"); None
  for a bare count;
- ``noun``: the counted thing as written, lowercased, plural kept ("civilians", "observation
  posts"); proper modifiers go to ``subject`` ("Syrian refugees" -> noun "refugees", subject
  includes "Syrian"); never a preposition or adverb ("50,000 bpd above the quota" -> no noun
  after the figure). With nothing after the figure, "X was N" / "X rose N": the head of X, not
  the object of a preposition after it ("total interest on the state loan was 412 mln" ->
  "loan interest": after of/on/for a singular object compounds with the head; "the number of
  refugees" -> "refugees"; "exports to China" -> "exports");
- ``subject``: capitalised names of the claim's clause, nearest first (at most 6);
- ``speaker``: the enclosing quote's speaker, else the sentence's attribution, else None;
- ``sentence``/``sentence_start``: the claim's sentence (cut to 500 characters either side of the
  figure in very long ones) and its offset in the text: ``start - sentence_start`` is the
  figure's position in ``sentence``.

>>> [(c.surface, c.value, c.qualifier, c.noun) for c in extract_claims("More than 3 million civilians fled.")]
[('3 million', 3000000.0, 'at_least', 'civilians')]
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from claimtrack.stages.extract.claims import context, currency, filters, frame, headline, pounds, qualifiers, sections
from claimtrack.stages.extract.claims.numbers import TENS, UNITS, Mention, scan
from claimtrack.stages.extract.claims.measured import measured_before, noun_before
from claimtrack.stages.extract.claims.units import SCALES, is_money, match_unit
from claimtrack.records import Claim, Quote, span_id

__all__ = ["extract_claims"]

# a headline's capitalised scale and number words are no names ("$200 Billion", "Two Dozen")
_NUMBER_WORDS = frozenset(list(UNITS) + list(TENS) + list(SCALES) + ["dozen", "dozens", "hundreds", "thousands",
                                                                     "millions", "billions", "half"])
_MAX_TEXT = 5_000_000  # characters; longer inputs are cut (a claim extractor is not a log parser)


def extract_claims(text: str, article_id: str = "", quotes: list[Quote] | None = None) -> list[Claim]:
    """Every numeric claim in ``text``, in text order.

    Offsets are into ``text`` (``text[c.start:c.end] == c.surface``). A claim inside one of
    ``quotes`` takes that quote's speaker. Never raises; values are always finite.
    """
    if not isinstance(text, str) or not text:
        return []
    try:
        return _extract(text[:_MAX_TEXT], article_id, quotes or [])
    except Exception:  # noqa: BLE001 - the extractor must be total; a bug here must not stop a run
        return []


def _extract(text: str, article_id: str, quotes: list[Quote]) -> list[Claim]:
    # numbers, units and nouns are read on the text with its headlines in body-text case (same
    # offsets); names, attributions and surfaces come from the text as written
    folded = headline.fold(text)
    body = folded if folded is not None and len(folded) == len(text) else text
    mentions = scan(body)
    if not mentions:
        return []
    masked, flags = filters.masked_spans(body), filters.text_flags(body)
    mentions = filters.mark(body, mentions, masked, flags=flags)
    mentions = qualifiers.apply(body, mentions)
    mentions = currency.localise(text, mentions)  # a bare "dlrs" is the story's dollar (before units carry)
    mentions = pounds.weigh(text, mentions)  # "pounds" in a story that writes no sterling weigh
    mentions = filters.mark(body, mentions, masked, recheck=True, flags=flags)  # ranges formed just now, qualified ones
    kept = [m for m in mentions if m.drop is None]
    if not kept:
        return []
    spans = context.sentence_spans(text)
    starts = [a for a, _ in spans]
    claims: list[Claim] = []
    prev: tuple[Mention, Claim] | None = None
    cache: dict = {}
    lowered = context.lower_text(text)  # (once per text, not a window of it per sentence)
    for men in kept:
        claim = _claim(text, body, article_id, men, spans, starts, quotes, prev, cache, lowered)
        if claim is not None:
            claims.append(claim)
            prev = (men, claim)
    # holder, measure, period, scope (frame.py); a results table's lines under a "Year" or
    # "Six mths" header take that span as their period (sections.py)
    return sections.fill_section_periods(frame.fill_frames(claims), text)


_UNREAD = object()  # (an attribution may be None)


@dataclass(slots=True)
class _SentenceInfo:
    """What a sentence gives each of its claims, read once per sentence: its names and whether it
    is a headline at once; its clause separators, attribution and the words of its names only
    when a claim asks (a claim inside a quote takes the quote's speaker; a sentence without names
    gives no subjects, so its clauses matter only to a claim with no noun).

    >>> t = "Acme Corp said sales rose 5%."
    >>> info = _SentenceInfo.read(t, t, (0, len(t)), t.lower())
    >>> info.names, info.title, info.attribution(t)
    ([(0, 9, 'Acme Corp')], False, 'Acme Corp')
    """

    span: tuple[int, int]
    names: list
    title: bool
    _cuts: list | None = None
    _attribution: object = _UNREAD
    _name_words: set | None = None

    @classmethod
    def read(cls, text: str, body: str, sent: tuple[int, int], lowered: str | None) -> "_SentenceInfo":
        a, b = sent
        names = context.names_in(text, sent, lowered)
        title = body is not text and body[a:b] != text[a:b]
        if title:
            names = headline.split_names(names, context.STOP_WORDS)  # a headline capitalises every word
        return cls(sent, names, title)

    def cuts(self, text: str) -> list:
        if self._cuts is None:
            self._cuts = context.clause_cuts(text, self.span)
        return self._cuts

    def attribution(self, text: str):
        if self._attribution is _UNREAD:
            self._attribution = context.attribution(text, self.span)
        return self._attribution

    def name_words(self) -> set:
        if self._name_words is None:
            self._name_words = {w for _, _, n in self.names for w in n.split()}
        return self._name_words


def _claim(text, body, article_id, men: Mention, spans, starts, quotes, prev, cache, lowered) -> Claim | None:
    value, low, high = float(men.value), float(men.low), float(men.high)
    if not (math.isfinite(value) and math.isfinite(low) and math.isfinite(high)):
        return None
    low, high = min(low, value), max(high, value)
    sent = context.find_sentence(spans, starts, men.start)
    a, b = sent
    if not a <= men.start < max(b, men.start + 1):
        sent = (men.start, men.end)
        a, b = sent
    limit = min(b, men.end + 200) if b > men.end else min(len(text), men.end + 200)
    after_of = men.unit in ("percent", "fraction") or men.qualifier == "vague" or men.frac
    singular = men.value == 1 and men.qualifier == "exact"
    noun, caps = context.noun_phrase(body, men.end, limit, after_of=after_of, singular=singular)
    if noun is None and not after_of and body[men.end:men.end + 4] == " of ":
        noun, caps = context.noun_phrase(body, men.end, limit, after_of=True)
    if noun is None and not (men.unit and men.unit != "fraction" and not is_money(men.unit)):
        noun = noun_before(body, men.start, a)
        if noun is None and body is not text:  # a wire table line "Shr 3.25 Dlrs vs 1.40" keeps its label
            noun = noun_before(text, men.start, a)
    info = cache.get(sent)
    if info is None:
        info = cache[sent] = _SentenceInfo.read(text, body, sent, lowered)
    measures = noun is None and men.qualifier != "vague"
    clause = sent  # (what subjects() reads only when the sentence has names)
    if info.names or measures:
        clause = context.clause_of(text, sent, men.start, men.end, info.cuts(text))
    if measures:
        # "Unemployment fell to 4.1 percent": the clause names what the figure measures
        noun = measured_before(body, men.start, clause[0], info.name_words())
    if men.unit is None and noun and " " not in noun:
        u = match_unit(" " + noun, 0)
        if u is not None and is_money(u[0]):  # "tens of millions of dollars"
            men.unit, noun = u[0], None
    # a currency amount in parentheses right after another is a conversion of the same amount
    if prev is not None and is_money(men.unit) and is_money(prev[0].unit) and \
            body[prev[0].end:men.start].strip().lower() in ("(", "(or", "( or", "or", "(about", "(around", "(roughly") \
            and text[men.end:men.end + 1] == ")":
        noun = noun or prev[1].noun
        if prev[1].qualifier in ("approx", "at_least", "at_most") and men.qualifier == "exact":
            # "about £99 ($149)": the conversion is just as approximate
            qualifiers.set_interval(men, {"approx": "approx", "at_least": "least", "at_most": "most"}[prev[1].qualifier])
            low, high = float(men.low), float(men.high)
    speaker = None
    for q in quotes:
        if q.start <= men.start and men.end <= q.end:
            speaker = q.speaker
            break
    if speaker is None:
        speaker = info.attribution(text)
    subject = context.subjects(info.names, clause, men.start, men.end, extra=caps)
    if info.title and subject:  # a headline's capitalised common words are no names ("Jobs", "Above")
        common = set(noun.split()) if noun else set()
        subject = [s for s in subject if not set(s.lower().split()) <= common and s.lower() not in context.STOP_WORDS
                   and s.lower() not in _NUMBER_WORDS]
    if speaker and subject and len(subject) > 1:
        spk = set(speaker.split())
        subject = [s for s in subject if not spk <= set(s.split())] or subject
    sa, sb = (a, b) if b - a <= 2000 else (max(a, men.start - 500), min(b, men.end + 500))
    return Claim(
        claim_id=span_id(article_id, "c", men.start, men.end),
        article_id=article_id,
        surface=text[men.start:men.end],
        value=value,
        low=low,
        high=high,
        qualifier=men.qualifier,
        start=men.start,
        end=men.end,
        unit=men.unit,
        noun=noun,
        subject=subject,
        speaker=speaker,
        sentence=text[sa:sb],
        sentence_start=sa,
    )
