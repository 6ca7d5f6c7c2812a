"""What a figure counts, reduced to a key that two articles share.

The key is the head noun, singular, with a few plain synonyms merged ("fatalities" and "deaths"
are both ``dead``), modifiers dropped ("Syrian refugees" and "refugees" are both ``refugee``).
Different things stay different: ``people`` is not ``civilian``. A generic head ("people",
"persons", none at all) takes the casualty word next to the figure, so that "killed 300 people"
(``dead``) and "left 4,000 people homeless" (``homeless``) never share a key.

>>> noun_key("Syrian refugees"), noun_key("refugee"), noun_key("people"), noun_key("civilians")
('refugee', 'refugee', 'people', 'civilian')
>>> concept_key("people", "the quake killed 300 people and left 4,000 people homeless", "300")
'dead'
>>> concept_key("people", "the quake killed 300 people and left 4,000 people homeless", "4,000")
'homeless'
"""
from __future__ import annotations

import re
from functools import lru_cache

from claimtrack.stages.match.units import canonical

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_DIGIT = re.compile(r"\d")

_IRREGULAR = {
    "people": "people", "persons": "people", "person": "people", "men": "man", "women": "woman",
    "children": "child", "feet": "foot", "teeth": "tooth", "mice": "mouse", "geese": "goose",
    "lives": "life", "wives": "wife", "knives": "knife", "halves": "half", "leaves": "leaf",
    "shelves": "shelf", "thieves": "thief", "wolves": "wolf", "data": "data", "media": "media",
    "series": "series", "species": "species", "news": "news", "crises": "crisis",
    "analyses": "analysis", "bases": "base", "indices": "index", "criteria": "criterion",
}
# words that are not plurals although they end in "s"
_KEEP_S = {"bus", "gas", "lens", "status", "virus", "census", "process", "campus", "bonus",
           "chaos", "corps", "its", "this", "has", "was", "us", "less", "is", "yes", "plus",
           "basis", "crisis", "thesis", "analysis", "diagnosis", "homeless", "news", "series",
           "species", "means", "jeans", "physics", "economics", "politics", "mathematics"}

# plain synonyms: every word on the left counts the same thing as the word on the right
_SYNONYMS = {
    "death": "dead", "fatality": "dead", "killed": "dead", "died": "dead", "casualty": "dead",
    "toll": "dead", "kill": "dead", "life": "dead",
    "injury": "injured", "wounded": "injured", "hurt": "injured",
    "homeless": "homeless",
    "missing": "missing",
    "evacuee": "evacuated", "evacuated": "evacuated",
    "barrel": "barrel", "bbl": "barrel", "bpd": "barrel",
    "pct": "percent", "per cent": "percent", "%": "percent",
    "dollar": "usd", "dlr": "usd", "dlrs": "usd", "$": "usd", "us$": "usd",
    "tonne": "ton", "metric ton": "ton", "mt": "ton",
    "individual": "people", "resident": "resident", "inhabitant": "resident",
}
# heads that say nothing about what is counted: refine them by the words next to the figure
_GENERIC = {"", "people", "person", "man", "woman", "child", "adult", "resident", "other"}
# casualty words next to a figure, and the key they give a generic head
_CASUALTY = {
    "dead": "dead", "died": "dead", "die": "dead", "killed": "dead", "kill": "dead",
    "killing": "dead", "deaths": "dead", "death": "dead", "perished": "dead", "lives": "dead",
    "fatalities": "dead", "bodies": "dead",
    "injured": "injured", "wounded": "injured", "hurt": "injured", "injuring": "injured",
    "injuries": "injured", "hospitalised": "injured", "hospitalized": "injured",
    "homeless": "homeless", "displaced": "displaced", "evacuated": "evacuated",
    "missing": "missing", "disappeared": "missing", "disappear": "missing", "rescued": "rescued", "arrested": "arrested", "detained": "arrested",
    "trapped": "trapped", "survivors": "rescued",
    "executed": "dead", "murdered": "dead", "kills": "dead", "dies": "dead", "dying": "dead",
    "wounding": "injured",
}
_UNITS = {
    "%": "percent", "pct": "percent", "per cent": "percent", "percentage points": "point",
    "usd": "usd", "$": "usd", "dlrs": "usd", "dlr": "usd", "dollars": "usd", "us$": "usd",
    "dollar": "usd",
}


@lru_cache(maxsize=65536)
def singular(word: str) -> str:
    """``word`` in the singular, by the regular English rules and a short irregular list.

    >>> singular("civilians"), singular("casualties"), singular("buses"), singular("status")
    ('civilian', 'casualty', 'bus', 'status')
    """
    w = word.lower()
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if w in _KEEP_S or len(w) <= 3 or not w.endswith("s") or w.endswith("ss"):
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "shes", "ches", "xes", "zes", "uses")):
        return w[:-2]
    return w[:-1]


@lru_cache(maxsize=65536)
def noun_key(noun: str | None) -> str:
    """The counted thing as a key: last word, singular, synonyms merged; "" when unknown."""
    if not noun:
        return ""
    words = _WORD.findall(noun.lower())
    if not words:
        return ""
    head = singular(words[-1])
    return _SYNONYMS.get(head, head)


def unit_key(unit: str | None) -> str:
    """The unit as a key: spellings and scales of one kind of unit merged (units.canonical);
    "" when none.

    >>> unit_key("pct"), unit_key("USD"), unit_key(None), unit_key("feet"), unit_key("fraction")
    ('percent', 'usd', '', 'm', 'percent')
    """
    return canonical(unit)[0]


# words before a figure that carry its qualifier: used to find the right occurrence of a figure
# that is written twice in one sentence ("registered six on the scale, killed at least six")
_QUALIFIER_CUES = {
    "at_least": ("more than", "over", "at least", "above", "upwards of", "in excess of", "exceeding"),
    "at_most": ("up to", "less than", "fewer than", "under", "at most", "below", "no more than"),
    "approx": ("about", "some", "around", "nearly", "almost", "roughly", "approximately",
               "estimated", "close to"),
}
_CLAUSE_BREAK = re.compile(r"[,;:()]|\b(?:and|or|but|while|whereas)\b", re.I)


@lru_cache(maxsize=1 << 17)
def locate(sentence: str, surface: str, qualifier: str | None = None) -> int:
    """Where ``surface`` stands in ``sentence`` (-1 if absent), as a whole word.

    When it is written more than once, the occurrence whose preceding words match the
    claim's qualifier wins ("at least six" for an at_least claim), else the first.

    >>> locate("It registered six on the scale and killed at least six people.", "six", "at_least")
    51
    """
    if not sentence or not surface:
        return -1
    text, needle = sentence.lower(), surface.lower()
    hits, i, n = [], text.find(needle), len(needle)
    while i >= 0:  # whole words only: not inside "sixty" or "1,600"
        before = text[i - 1] if i > 0 else " "
        after = text[i + n] if i + n < len(text) else " "
        if not (before.isalnum() or before in "_.,") and not (after.isalnum() or after == "_"):
            hits.append(i)
        i = text.find(needle, i + 1)
    if not hits:
        return text.find(needle)
    if len(hits) == 1 or not qualifier:
        return hits[0]
    cues = _QUALIFIER_CUES.get(qualifier, ())
    for h in hits:
        before = " ".join(sentence[:h].lower().split()[-3:])
        if cues and any(before.endswith(c) for c in cues):
            return h
        if not cues and not any(before.endswith(c) for cs in _QUALIFIER_CUES.values() for c in cs):
            return h
    return hits[0]


@lru_cache(maxsize=1 << 17)
def _casualty_near(sentence: str, surface: str, qualifier: str | None = None) -> str:
    """The casualty key of the words right after the figure (5 words), else right before (3).

    Neither side reaches past another figure or a clause break: those words describe
    something else ("took 70 lives and left 500 people missing").
    """
    at = locate(sentence, surface, qualifier)
    if at < 0:
        return ""
    rest = _DIGIT.split(sentence[at + len(surface):], maxsplit=1)[0]
    rest = _CLAUSE_BREAK.split(rest, maxsplit=1)[0]
    for w in _WORD.findall(rest)[:5]:
        key = _CASUALTY.get(w.lower())
        if key:
            return key
    left = _CLAUSE_BREAK.split(_DIGIT.split(sentence[:at])[-1])[-1]
    for w in reversed(_WORD.findall(left)[-3:]):
        key = _CASUALTY.get(w.lower())
        if key:
            return key
    return ""


@lru_cache(maxsize=1 << 17)
def concept_key(noun: str | None, sentence: str | None, surface: str | None,
                qualifier: str | None = None) -> str:
    """``noun_key``, refined by a casualty word next to the figure when the noun is generic."""
    key = noun_key(noun)
    if key in _GENERIC and sentence and surface:
        near = _casualty_near(sentence, surface, qualifier)
        if near:
            return near
    return key


# "another 200", "a further 3", "200 more people", "40 new cases": an increment, not a total
_INCREMENT_BEFORE = frozenset({"another", "additional", "further", "extra"})
_INCREMENT_AFTER = frozenset({"more", "additional", "extra", "new"})
_TIME_UNITS = frozenset({"year", "month", "week", "day", "hour", "minute", "decade", "century"})
_TIME_BEFORE = frozenset({"past", "last", "next", "coming", "previous", "recent", "first"})
_DETERMINERS = frozenset({"the", "a", "an", "of", "its", "their", "his", "her", "our", "some",
                          "all", "other", "those", "these"})


@lru_cache(maxsize=1 << 17)
def is_increment(sentence: str | None, surface: str | None, qualifier: str | None = None) -> bool:
    """Whether the figure counts an increment rather than a total.

    >>> is_increment("Another 40 bodies were found.", "40"), is_increment("40 bodies were found.", "40")
    (True, False)
    """
    at = locate(sentence or "", surface or "", qualifier)
    if at < 0:
        return False
    before = [w.lower() for w in _WORD.findall(sentence[:at])[-2:]]
    after = [w.lower() for w in _WORD.findall(sentence[at + len(surface):])[:1]]
    return bool(_INCREMENT_BEFORE & set(before)) or bool(_INCREMENT_AFTER & set(after))


@lru_cache(maxsize=1 << 17)
def is_time_reference(sentence: str | None, surface: str | None, unit: str | None,
                      qualifier: str | None = None) -> bool:
    """A span of time used as a date ("40 years ago", "over the past 100 years"), not a claim.

    >>> is_time_reference("It cooled 40 million years ago.", "40 million years", "year")
    True
    >>> is_time_reference("Exports stopped for five months.", "five months", "month")
    False
    """
    if singular(str(unit or "").lower()) not in _TIME_UNITS:
        return False
    at = locate(sentence or "", surface or "", qualifier)
    if at < 0:
        return False
    before = [w.lower() for w in _WORD.findall(sentence[:at])[-2:]]
    after = [w.lower() for w in _WORD.findall(sentence[at + len(surface):])[:1]]
    return "ago" in after or bool(_TIME_BEFORE & set(before))


_NUMBER_WORDS = frozenset("""one two three four five six seven eight nine ten eleven twelve
thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty
seventy eighty ninety hundred dozen""".split())


def _is_number_word(w: str) -> bool:
    return w[:1].isdigit() or w.lower() in _NUMBER_WORDS


def _is_duration(w: str, following: list[str]) -> bool:
    """A number that is a span of time: "30-year", "five year(s)"."""
    unit = w.lower().split("-", 1)[1] if "-" in w else (following[0].lower() if following else "")
    return singular(unit.strip(".,")) in _TIME_UNITS


@lru_cache(maxsize=1 << 17)
def is_margin_or_ratio(sentence: str | None, surface: str | None, qualifier: str | None = None) -> bool:
    """A figure that is an error margin ("0.93 ± 0.07") or one side of a ratio ("four of the
    seven", "3 in 10"): it says nothing on its own about the total.

    >>> is_margin_or_ratio("Four of the warmest 7 years were recent.", "Four")
    True
    >>> is_margin_or_ratio("Four of the warmest 7 years were recent.", "7")
    True
    >>> is_margin_or_ratio("Four people died.", "Four")
    False
    """
    at = locate(sentence or "", surface or "", qualifier)
    if at < 0:
        return False
    before_text = sentence[:at].rstrip()
    if before_text.endswith(("±", "+/-", "+-")):
        return True
    after = re.findall(r"[\w.,%]+", sentence[at + len(surface):])[:4]
    before = re.findall(r"[\w.,%]+", before_text)[-4:]
    low = [w.lower() for w in after]
    # "X of (the) [adjective] Y" / "X in Y" / "X out of Y": this figure is X; not when Y is a
    # maturity or duration ("100 mln francs of five year notes", "540 mln dlrs in 30-year")
    if low[:1] in (["of"], ["in"], ["out"]):
        rest = [w for w in after[1:] if w.lower() not in ("the", "of")]
        if any(_is_number_word(w) and not _is_duration(w, rest[k + 1:k + 2]) for k, w in enumerate(rest[:2])):
            return True
    # ... or this figure is Y
    lowb = [w.lower() for w in before]
    for k, w in enumerate(lowb):
        if w in ("of", "in") and k > 0 and _is_number_word(before[k - 1]) and len(lowb) - k <= 3:
            return True
    return False


# modal verbs and projections; not "if": "2 million are at risk if fighting resumes" still
# states how many are at risk
_HYPOTHETICAL = frozenset({"would", "could", "might", "may", "projected", "forecast", "forecasts",
                           "predicted", "predicts", "plausible", "scenario"})
_CLAUSE_SPLIT = re.compile(r"[,;:()]|\s[-–—]\s")


@lru_cache(maxsize=1 << 17)
def is_hypothetical(sentence: str | None, surface: str | None, qualifier: str | None = None) -> bool:
    """A figure in a conditional or projected clause ("would cause", "could rise to"):
    a possibility, not a statement of fact that another figure can contradict.

    >>> is_hypothetical("A rise of 65 cm would flood the coast.", "65 cm")
    True
    >>> is_hypothetical("The toll could rise, officials said, after 300 died.", "300")
    False
    """
    at = locate(sentence or "", surface or "", qualifier)
    if at < 0:
        return False
    left = _CLAUSE_SPLIT.split(sentence[:at])[-1]
    # the verb usually follows the figure, often after an aside: "65 cm, or 2 feet, would ..."
    right = sentence[at + len(surface):].split(";", 1)[0]
    # "May" capitalised inside a sentence is the month ("until May 31"), not the modal verb
    words = {w.lower() for w in _WORD.findall(left)[-8:] + _WORD.findall(right)[:6] if w != "May"}
    return bool(words & _HYPOTHETICAL)


@lru_cache(maxsize=1 << 17)
def noun_attached(sentence: str | None, surface: str | None, noun: str | None,
                  qualifier: str | None = None) -> bool:
    """Whether the counted noun stands right after the figure ("3 million civilians"), rather
    than somewhere else in the sentence ("interest on the city debt was 412 mln dlrs").

    >>> noun_attached("Some 3 million Syrian civilians fled.", "3 million", "civilians")
    True
    >>> noun_attached("Interest on the city debt was 412 mln dlrs.", "412 mln dlrs", "city debt")
    False
    """
    if not noun or not isinstance(noun, str):
        return False
    head = [w.lower() for w in _WORD.findall(noun)][-1:]
    if not head:
        return False
    if head[0] in (surface or "").lower():
        return True
    at = locate(sentence or "", surface or "", qualifier)
    if at < 0:
        return False
    after = [w.lower() for w in _WORD.findall(sentence[at + len(surface):])[:4]]
    return head[0] in after


def modifiers(noun: str | None) -> frozenset[str]:
    """The words of a noun phrase before its head: ``swing`` in "swing states".

    >>> sorted(modifiers("Syrian refugees")), sorted(modifiers("the refugees"))
    (['syrian'], [])
    """
    if not noun:
        return frozenset()
    words = [w.lower() for w in _WORD.findall(noun)][:-1]
    return frozenset(w for w in words if w not in _DETERMINERS)


def subset_allows_conflict(noun_earlier: str | None, noun_later: str | None, side: str) -> bool:
    """Whether two figures whose nouns differ only in modifiers can still contradict.

    A modifier on one side only names a part ("swing states" of "states"; "Syrian refugees" of
    "refugees"): a part may be smaller than the whole, never larger. Different modifiers on both
    sides name different things, which cannot contradict each other.

    >>> subset_allows_conflict("states", "swing states", "below")
    False
    >>> subset_allows_conflict("states", "swing states", "above")
    True
    >>> subset_allows_conflict("civilians", "civilians", "below")
    True
    """
    me, mn = modifiers(noun_earlier), modifiers(noun_later)
    if me == mn:
        return True
    if me < mn:  # the later figure counts a part of the earlier whole
        return side == "above"
    if mn < me:  # the earlier figure counts a part of the later whole
        return side == "below"
    return False


@lru_cache(maxsize=1 << 17)
def is_partitive(sentence: str | None, surface: str | None, unit: str | None,
                 qualifier: str | None = None) -> bool:
    """A measured amount of something ("25 miles of pipeline", "3 tons of rice"), rather than
    the size of the whole thing ("a 510 km pipeline", "the pipeline is 510 km long").

    >>> is_partitive("It broke 25 miles of pipeline.", "25 miles", "mi")
    True
    >>> is_partitive("The 510 km pipeline broke.", "510 km", "km")
    False
    """
    if not unit or not isinstance(unit, str):
        return False
    at = locate(sentence or "", surface or "", qualifier)
    if at < 0:
        return False
    after = [w.lower() for w in _WORD.findall(sentence[at + len(surface):])[:1]]
    return after == ["of"]


def can_contradict(earlier: dict, later: dict, side: str) -> bool:
    """Whether two related figures may be flagged as a contradiction at all.

    Not when either is an increment, a time reference, an error margin or one side of a ratio,
    nor when one is a possibility ("would", "could") and the other is not, nor when one is an amount of the thing and the other
    its whole size (is_partitive), nor when the nouns say that one
    counts a part of the other in the direction that allows both to be true.
    """
    possible = []
    for c in (earlier, later):
        sentence, surface, qual = c.get("sentence"), c.get("surface"), c.get("qualifier")
        sentence = sentence if isinstance(sentence, str) else None
        surface = surface if isinstance(surface, str) else None
        if (is_increment(sentence, surface, qual) or is_time_reference(sentence, surface, c.get("unit"), qual)
                or is_margin_or_ratio(sentence, surface, qual)):
            return False
        possible.append(is_hypothetical(sentence, surface, qual))
    # a possibility against a fact is no conflict; two reports of the same possibility with
    # different figures ("could reach 5 pct" / "could reach 10 pct") are
    if possible[0] != possible[1]:
        return False
    # an amount of the thing ("25 miles of pipeline") is a part of its whole size ("510 km")
    parts = [is_partitive(c.get("sentence") if isinstance(c.get("sentence"), str) else None,
                          c.get("surface") if isinstance(c.get("surface"), str) else None,
                          c.get("unit"), c.get("qualifier")) for c in (earlier, later)]
    if parts[0] != parts[1]:
        return False
    ne, nn = earlier.get("noun"), later.get("noun")
    return subset_allows_conflict(ne if isinstance(ne, str) else None, nn if isinstance(nn, str) else None, side)


# verbs and adverbs that give a change its direction ("rose 2%", "fell 2%", "down 2%")
_UP_WORDS = frozenset("""rise rises rose risen rising climb climbs climbed climbing gain gains gained
jump jumps jumped grow grows grew grown growing increase increases increased increasing surge
surges surged soar soars soared up higher raise raises raised rebound rebounds rebounded
advance advances advanced""".split())
_DOWN_WORDS = frozenset("""fall falls fell fallen falling drop drops dropped dropping decline
declines declined declining slide slides slid slip slips slipped down lower shrink shrinks
shrank shrunk plunge plunges plunged tumble tumbles tumbled dive dives dived sink sinks sank
decrease decreases decreased decreasing dip dips dipped slump slumps slumped""".split())


def direction_word(word: str) -> str:
    """"up", "down" or "" for one word.

    >>> direction_word("Rose"), direction_word("slumped"), direction_word("said")
    ('up', 'down', '')
    """
    w = word.lower()
    return "up" if w in _UP_WORDS else "down" if w in _DOWN_WORDS else ""


@lru_cache(maxsize=1 << 17)
def direction(sentence: str | None, surface: str | None, qualifier: str | None = None) -> str:
    """The direction of the change a figure measures: the nearest direction word among the
    four before it or the two after it, within its clause ("sales fell 0.4%" -> "down").

    >>> direction("Retail sales fell 0.4% in January.", "0.4%"), direction("Sales were 5 bn.", "5 bn")
    ('down', '')
    """
    at = locate(sentence or "", surface or "", qualifier)
    if at < 0:
        return ""
    left = _CLAUSE_BREAK.split(_DIGIT.split(sentence[:at])[-1])[-1]
    right = _CLAUSE_BREAK.split(_DIGIT.split(sentence[at + len(surface):], maxsplit=1)[0], maxsplit=1)[0]
    for w in reversed(_WORD.findall(left)[-4:]):
        if direction_word(w):
            return direction_word(w)
    for w in _WORD.findall(right)[:2]:
        if direction_word(w):
            return direction_word(w)
    return ""
