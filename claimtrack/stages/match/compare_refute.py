"""A figure disputed in words: a later text that says the earlier figure is false without giving
a figure of its own ("that figure is wrong", "far fewer than claimed", "the jobs claim is a lie").

The words are read by a small grammar of English refutation, not a list of sentences:

- a copula and a predicate that calls a statement false: "is wrong", "was grossly inflated",
  "are a myth", "is just not right", "isn't true", "proved way off the mark";
- a comparison with what was said: "far fewer than claimed", "much lower than first reported",
  "nowhere near that many", "won't create anything like that", "only a fraction of the
  promised", "the real number is much lower";
- a verb of disputing: "overstated", "exaggerates", "debunked", "refuted", "denied the report",
  "disputed the figure", "cast doubt on", "called into question", "does not add up",
  "challenged the estimate", "rejected the claim", "no evidence that", "never happened".

The dispute is about the earlier text when one of the two texts holds at least half of the
other's content words (the disputing words left out), or when the later text points back at a
figure with a demonstrative ("that figure", "this number", "those claims") and shares a content
word with the earlier text: a short rebuttal names little more than the thing it disputes.

>>> refutes("The flood in Arlo killed 300 people.", "Officials in Arlo say far fewer than claimed died in the flood.", [])
('far fewer than claimed', True)
>>> refutes("The new Arlo stadium will create 2,000 jobs.", "That figure is a lie, say Arlo traders.", [])
('is a lie', True)
"""
from __future__ import annotations

import re

from claimtrack.stages.match.compare_words import _coverage_words, _values, coverage

# adverbs that may stand between a copula and its predicate ("is grossly inflated", "is just wrong")
_ADV = (r"(?:(?:far|greatly|wildly|badly|simply|clearly|grossly|hugely|vastly|massively|totally|completely|"
        r"just|plainly|flatly|way|utterly|patently|demonstrably|seriously|probably|likely|certainly|"
        r"obviously|entirely|all|dead|still|also|too)\s+)*")
# a copula, written out or contracted ("is", "'s", "proved", "turned out to be")
_COPULA = (r"(?:is|are|was|were|be|been|being|seems?|seemed|looks?|looked|proved|proves|proven|"
           r"(?:turned|turns)\s+out\s+to\s+be)")
_CONTRACTED = r"(?:'s|'re|’s|’re)"
# predicates that call a statement false: adjectives, and nouns with an article ("a lie")
_FALSE_ADJ = (r"(?:wrong|false|untrue|incorrect|inaccurate|mistaken|exaggerated|overstated|inflated|understated|"
              r"misleading|bogus|fake|fabricated|made[\s-]up(?=\s*[.,;:!?'\"”)]|\s*$)|baseless|unfounded|groundless|"
              r"fictitious|erroneous|"
              r"(?:way\s+|well\s+|wide\s+of\s+|off\s+)?(?:off\s+)?the\s+mark|way\s+off)\b")
_FALSE_NOUN = (r"(?:lie|lies|myth|myths|fiction|fabrication|falsehood|nonsense|rubbish|fantasy|hoax|exaggeration|"
               r"distortion|fairy[\s-]tale)\b")
_ARTICLE = r"(?:(?:an?|the|pure|complete|total|utter|just|simply)\s+)+"
# "'s" is a copula or a possessive ("the year's fiction prize"): a bare noun only after "is"
_FALSE = r"(?:" + _FALSE_ADJ + r"|" + _ARTICLE + _FALSE_NOUN + r")"
_FALSE_FULL = r"(?:" + _FALSE + r"|" + _FALSE_NOUN + r")"
# the same, negated: "is not true", "isn't right", "is n't correct" (tokenised text), "'s just not right"
_NOT_TRUE = (r"(?:\s+" + _ADV + r")?(?:\s*not|\s*n['’]t)\s+" + _ADV
             + r"(?:true|correct|accurate|right|credible|the\s+case)\b")
# what was said before: "than (first) claimed", "than was reported"
_SAID = (r"(?:(?:was|were|had\s+been|has\s+been|is|are|they|officials|police|the\s+\w+)\s+)?"
         r"(?:first\s+|previously\s+|initially\s+|originally\s+|earlier\s+)?"
         r"(?:claimed|reported|stated|said|thought|suggested|estimated|announced|feared|believed|promised|"
         r"advertised|touted|pledged)")
# nouns for what a text states
_WHAT_SAID = (r"(?:figures?|numbers?|claims?|estimates?|counts?|tally|tallies|totals?|tolls?|reports?|"
              r"statistics?|stats|projections?|forecasts?)\b")
_MORE_LESS = r"(?:fewer|less|more|lower|higher|smaller|larger|bigger|greater)"
_DEGREE = r"(?:far|much|many|well|considerably|significantly|substantially|markedly|a\s+lot)"

_REFUTE = re.compile(
    r"\b(?:" + _COPULA + r"\s+" + _ADV + _FALSE_FULL + r"|" + _CONTRACTED + r"\s+" + _ADV + _FALSE
    + r"|(?:is|are|was|were|has|have|had|does|do|did|'s|’s)" + _NOT_TRUE
    + r"|(?:" + _DEGREE + r"\s+)?" + _MORE_LESS + r"\s+(?:[a-z]+\s+){0,2}?than\s+" + _SAID
    + r"|nowhere\s+near|(?:not|n['’]t)\s+(?:[a-z]+\s+){0,2}?(?:anything|anywhere)\s+(?:like|near|close\s+to)"
    + r"|(?:only|just|merely)\s+a\s+fraction\s+of\s+(?:the\s+|what\s+(?:was|were|had\s+been)\s+)?" + _SAID
    + r"|(?:real|actual|true)\s+(?:number|figure|toll|total|count|cost|tally|amount|size)s?"
    + r"(?:\s+[\w'’-]+){0,8}?\s+" + _DEGREE + r"\s+" + _MORE_LESS
    + r"|overstat(?:ed|es|ing)|exaggerat(?:ed|es|ing|ion)|understat(?:ed|es|ing)|debunk(?:ed|s|ing)?|refut(?:ed|es|ing)"
    + r"|(?:den(?:ied|ies|y)|disput(?:ed|es))\s+(?:the\s+|a\s+|that\s+|reports?|claims?|figures?)"
    + r"|(?:challeng(?:ed|es|ing)|reject(?:ed|s|ing)?|disput(?:ing))\s+(?:the|that|this|those|these|its|their|his|her)\s+"
    + r"(?:[\w'’-]+\s+){0,3}?" + _WHAT_SAID
    + r"|cast(?:s|ing)?\s+doubts?\s+on|call(?:ed|s|ing)?\s+(?:\w+\s+)?into\s+question"
    + r"|(?:does|do|did)(?:\s+not|\s*n['’]t)\s+add\s+up"
    + r"|no\s+evidence\s+(?:that|of|for)|never\s+happened|did\s+not\s+happen|didn['’]t\s+happen)",
    re.I)
# a demonstrative pointing back at what the earlier text said: "that figure", "these numbers"
_BACK = re.compile(r"\b(?:that|this|those|these|the|such)\s+(?:[\w'’-]+\s+){0,2}?" + _WHAT_SAID, re.I)
# share of one text's content words the other must hold for a dispute to be about it
MIN_REFUTE_COVERAGE = 0.5


def refutes(earlier: str, later: str, verdicts: list[str]) -> tuple[str, bool]:
    """Whether the later text disputes the earlier figure in words: (the disputing phrase or "",
    whether the texts are about the same thing). Its figures must be ones the earlier text
    states or ones paired with an earlier figure that differ without being judged the same
    thing ("differ"): the dispute says they are ("The council was wrong: 500 jobs, not 2,000").
    The earlier text must not itself dispute in those words.

    >>> refutes("The flood in Arlo killed 300 people.", "The flood in Arlo killed 300 people, officials said.", ["agree"])
    ('', False)
    >>> refutes("The flood in Arlo killed 300 people.", "Claims about the Bemis election are false.", [])
    ('are false', False)
    >>> refutes("Arlo Mills will hire 400 staff.", "Arlo Mills will hire 500 staff.", ["conflict"])
    ('', False)
    """
    if any(v not in ("agree", "differ") for v in verdicts):
        return "", False  # a figure of its own that conflicts or meets nothing: the figures decide
    m = _REFUTE.search(later or "")
    if m is None or _REFUTE.search(earlier or "") or not _values(earlier).size:
        # no dispute, both dispute, or the earlier text has no figure to dispute
        return "", False
    phrase = " ".join(m.group().split())
    rest = (later[:m.start()] + " " + later[m.end():])  # the disputing words are not content
    # ... unless they name the thing too ("the real number of jobs at Arlo is much lower")
    about = max(coverage(earlier, rest)[0], coverage(rest, earlier)[0], coverage(later, earlier)[0]) >= MIN_REFUTE_COVERAGE
    if not about and _BACK.search(rest):
        # "That figure is wrong, say Arlo traders": it points back, and names what it is about
        known = set(_coverage_words(earlier))
        about = bool(known & set(_coverage_words(rest)))
    return phrase, about
