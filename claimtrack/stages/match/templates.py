"""One template said of two things: sentences or headlines worded alike whose figures are not
one figure, because a content word near the figure, or a name, differs.

Wire services reuse a sentence for each member of a series ("U.S. mine production of gold rose
to ..." / "... of silver rose to ..."); the careful check (frames.py) reads these to keep such
pairs from being a contradiction or a link.

>>> other_things(wording("The Kivu mine produced 12,400 tonnes of copper in May, the ministry said."),
...              wording("The Kivu mine produced 1,900 tonnes of cobalt in May, the ministry said."))
True
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher

from rapidfuzz.distance import Indel

from claimtrack.stages.extract.claims.frame import _TIME_NAMES, STATES, is_table_line
from claimtrack.stages.match.units import canonical

#: a sentence this long or longer, worded the same around its figures, states the same measure
SAME_WORDING_MIN_WORDS = 8
#: sentences this alike word by word (figures masked) are one template: a content word swapped
#: between them names another thing
OTHER_THINGS_MIN_RATIO = 0.7
#: a swapped word says "another thing" only this close to a figure (what it counts)
NEAR_FIGURE = 4
#: headlines this alike are one template (shorter than sentences, so less alike is enough)
OTHER_HEADLINES_MIN_RATIO = 0.6
#: a figure, masked as "#" when wordings are compared
_FIGURE = re.compile(r"\d[\d,./-]*")
#: function words and hedges: neither names a thing
_STOP = frozenset("""a an the of in on at to for from by with and or but as is are was were be been
has have had it its this that which who said says say told added per than about some least most only
just more less fewer over under around nearly almost roughly approximately estimated total barely""".split())


def wording(sentence: str | None) -> str | None:
    """A sentence's words with every figure masked, when it is long enough to say what it counts
    (a results line or a table row is not).

    >>> wording("The union said 1,200 workers at the Dunmore plant walked out on Monday.")
    'the union said # workers at the dunmore plant walked out on monday.'
    >>> wording("Shr 1.20 dlrs vs 1.10 dlrs") is None
    True
    """
    if not sentence or len(sentence.split()) < SAME_WORDING_MIN_WORDS or is_table_line(sentence):
        return None
    return _FIGURE.sub("#", " ".join(sentence.lower().split()))


def other_things(e_wording: str | None, n_wording: str | None) -> bool:
    """Whether two sentences worded alike name other things in the same place: a content word
    of one replaced by a content word of the other ("production of gold" / "of silver"), not
    words added, dropped or figures changed.

    >>> other_things(wording("U.S. mine production of gold rose to 244,900 ounces in December, the bureau said."),
    ...              wording("U.S. mine production of silver rose to 2,295,230 ounces in December, the bureau said."))
    True
    >>> other_things(wording("The sources said West German traders planned to sell 7,500 tonnes into intervention."),
    ...              wording("EC sources said yesterday West German traders planned to sell 75,000 tonnes into intervention."))
    False
    """
    if not e_wording or not n_wording:
        return False
    return _swapped(_WORDS.findall(e_wording), _WORDS.findall(n_wording), OTHER_THINGS_MIN_RATIO, near=NEAR_FIGURE)


def other_names(fe: dict, fn: dict) -> bool:
    """Two sentences worded alike that each name someone the other does not ("Norvik Motors
    Corp said its March truck output ..." / "Castell Motors Corp said ..."): one template
    said of two holders.

    >>> def side(s): return {"wording": wording(s), "capitals": _capitals(s)}
    >>> a = side("Norvik Motors Corp said its March U.S. truck output fell to 41,205.")
    >>> b = side("Castell Motors Corp said its March U.S. truck output fell to 3,118.")
    >>> other_names(a, b), other_names(a, a)
    (True, False)
    """
    if not fe["wording"] or not fn["wording"] or not (fe["capitals"] - fn["capitals"]) or not (fn["capitals"] - fe["capitals"]):
        return False
    return Indel.normalized_similarity(_WORDS.findall(fe["wording"]), _WORDS.findall(fn["wording"])) >= OTHER_THINGS_MIN_RATIO


def _capitals(sentence: str | None) -> frozenset[str]:
    """The capitalised words of a sentence, function words ("The", "In"), weekdays and months
    left out."""
    if not sentence:
        return frozenset()
    return frozenset(w for w in _CAPITAL.findall(sentence)
                     if w.lower().rstrip(".") not in _TIME_NAMES and w.lower() not in _STOP)


_CAPITAL = re.compile(r"\b[A-Z][A-Za-z'-]+")


def other_headlines(e_title: str | None, n_title: str | None) -> bool:
    """:func:`other_things` for two headlines of one template ("CCC ACCEPTS BONUS ON BARLEY TO
    SAUDI ARABIA" / "... ON POULTRY TO EGYPT"): two reports of one kind about other things.

    >>> other_headlines("comex gold futures expected to open higher", "comex silver futures expected to open higher")
    True
    >>> other_headlines("sioux cattle open up 0.50 dlr", "sioux falls cattle open up 0.25 dlr")
    False
    """
    if not e_title or not n_title or e_title == n_title:
        return False
    return _swapped(_WORDS.findall(_masked(e_title)), _WORDS.findall(_masked(n_title)), OTHER_HEADLINES_MIN_RATIO)


def _swapped(a: list[str], b: list[str], min_ratio: float, near: int | None = None) -> bool:
    """Whether ``b`` swaps a content word of ``a`` for another (``near``: only within that many
    words of a figure, "#": what the figure counts, not who said it or when)."""
    # (rapidfuzz's similarity first, cheap; difflib's blocks, not an edit script that would pair
    # any two words off, to see what was swapped)
    if not a or not b or Indel.normalized_similarity(a, b) < min_ratio:
        return False  # not worded alike: nothing to line up
    figures = [i for i, w in enumerate(a) if w == "#"]
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "replace" and _content(a[i1:i2]) and _content(b[j1:j2]) and not _same_unit(a[i1:i2], b[j1:j2]):
            if near is None or any(i1 - near <= f < i2 + near for f in figures):
                return True
    return False


def _same_unit(a: list[str], b: list[str]) -> bool:
    """One unit spelt two ways ("pct" / "percent", "dlrs" / "dollars")."""
    ka, kb = canonical(" ".join(a)), canonical(" ".join(b))
    return ka == kb or (bool(ka[0]) and ka[0] == kb[0])


_WORDS = re.compile(r"[a-z][a-z'-]*|#")


def _content(words: list[str]) -> bool:
    """Words that name a thing: not function words, nor verbs or states ("killed", "left dead")."""
    return any(len(w) >= 3 and w not in _STOP and w not in STATES and not w.endswith(("ed", "ing")) for w in words)



def _masked(text: str | None) -> str:
    return _FIGURE.sub("#", text or "")
