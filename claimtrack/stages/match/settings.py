"""Tunable knobs of the matcher, with the reasons for their defaults.

>>> MatchSettings().tolerance
0.05
>>> MatchSettings(tolerance=0.1).tolerance
0.1
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta


@dataclass(frozen=True, slots=True)
class MatchSettings:
    """Thresholds for relating claims and quotes. Scores are on a 0–1 scale."""

    # Relative slack added to both ends of every interval before testing overlap. News rounds:
    # "3.1 million" and "about 3 million" must agree, and an "exact" figure is usually rounded to
    # its last written digit. 5 % absorbs that rounding without letting 2 vs 3 million agree.
    # The written edge of a bound ("up to 5", "more than 3") gets none: it is stated, not rounded.
    tolerance: float = 0.05
    # An exact figure is also read as a rounding of its last written digit ("1C" may be 0.8,
    # "3.5 million" 3.46 million), up to this share of its value: the precise one of two figures
    # agrees with a coarse one inside that rounding step. 25 % lets "1C" meet "0.8 °C" and keeps
    # "2 million" and "3 million" apart (each is the other's rounding only at 2.5 million).
    max_rounding: float = 0.25
    # Two disjoint figures for the same thing published within this window cannot both be true
    # at once: a contradiction. A week covers the "within days" of a developing story while
    # staying short enough that slowly moving counts (refugees, ships idle) are not flagged.
    contradiction_window: timedelta = timedelta(days=7)
    # Earlier claims older than this are not related at all: a figure about the same noun and
    # place from years ago is usually about another event, and the bound keeps blocking cheap.
    update_window: timedelta = timedelta(days=365)
    # Counts that only grow while a story develops (deaths, injured, homeless, arrests...): a
    # later, higher figure is an update, not a contradiction, once this much time has passed.
    # Six hours is about one news cycle: two wire reports an hour apart with different tolls
    # are still a conflict for the reviewer.
    growing_min_gap: timedelta = timedelta(hours=6)
    growing_nouns: tuple[str, ...] = ("dead", "injured", "homeless", "displaced", "evacuated",
                                      "arrested", "rescued", "case")
    # Minimum score (0-1: 0.7 x similarity of the words around the figures + 0.3 x subject
    # agreement) to relate two claims at all; contradictions must clear a higher bar, because a reviewer's
    # time is the scarce thing and a spurious pairing is the usual cause of a false flag.
    min_score: float = 0.5
    min_contradiction_score: float = 0.6
    # A figure with no counted noun ("800 mln dlrs", "five months") has only its words to say
    # what it measures; two of them contradict only when those words agree in order too
    # (rapidfuzz token_sort_ratio of the contexts, 0-1). On a developing story a bare
    # "two months" to build a link and "five months" to repair a pipeline share a country and
    # little else: 0.6 keeps such pairs apart.
    min_bare_context: float = 0.6
    # At most this many of the most recent earlier claims per block (noun+unit+subject) are
    # scored for each new claim: the cost grows with candidates, never with history. Ten is a
    # few days of a developing story's reports on one figure; the best match per relation is
    # almost always among the latest (30 cost three times as much on Reuters-21578 and added
    # mostly links between unrelated results tables).
    max_candidates_per_block: int = 10
    # A contradiction needs evidence that both figures belong to one entity (claim_entities.same_entity):
    # a shared subject, or else a shared headline word. A subject named in more than this share
    # of the articles at hand (and in more than ``entity_min_articles``), such as a large country,
    # a regulator or a word the extractor took for a name ("Note"), says little about whose
    # figure it is; the same holds for a headline word ("qtr", "net", "sets"). 0.5 % of a year of
    # wire copy is a few hundred articles: a company, a disaster or a strike stays below it,
    # "U.S." and "Japan" do not. The floor keeps a small archive (one developing story) usable.
    entity_max_share: float = 0.005
    entity_min_articles: int = 50
    # Quotes: fewer words than this never match ("we will see", "no comment" are said by
    # everyone). Six words is where chance repeats of common phrases become rare.
    min_quote_words: int = 6
    # rapidfuzz ratio (0-100) of normalised quote texts: at or above ``quote_altered_ratio`` the
    # words are "nearly the same" (a changed number or name, a dropped "not" in a sentence of
    # ten words lands around 90); below it the quotes are different statements.
    quote_altered_ratio: float = 80.0
    # Quote blocking: two quotes are candidates when they share this many word 2-grams (and at
    # least half of the shorter quote's): one changed word costs only the two 2-grams around it.
    quote_min_shared_shingles: int = 2
    # Word 2-grams seen in more than this many earlier quotes are too common to block on.
    quote_max_shingle_df: int = 500
