"""What a figure measures when no counted noun follows it: the head of the clause's subject
("Unemployment fell to 4.1 percent" -> "unemployment"), or a noun written before it ("a death
toll of 50" -> "toll", a wire table line "Net loss 1.2 mln" -> "net loss").

>>> measured_before("Its net profit rose 12% in May.", 20, 0)
'net profit'
"""
from __future__ import annotations

import re

from claimtrack.stages.extract.claims.context import STOP_WORDS as _STOP
from claimtrack.stages.extract.claims.context import is_plural as _is_plural

_LEFT_NOUN = re.compile(r"\b(?P<n>[a-z][a-z-]+)\s+of\s+(?:(?:about|around|some|nearly|almost|roughly|more\s+than|over|"
                        r"up\s+to|at\s+least|less\s+than|fewer\s+than|just|only|an\s+estimated|approximately)\s+)?\Z")
_GENERIC_LEFT = {"total", "average", "maximum", "minimum", "sum", "rate", "number", "amount", "figure", "level",
                 "value", "tune", "excess", "region", "upwards", "age", "one", "all", "some", "each", "most",
                 "many", "part", "out", "because", "instead", "ahead", "top", "outside", "inside", "end", "off"}
_LINE_LABEL = re.compile(r"(?:^|\n)[ \t]*(?P<n>[A-Z][a-z]+\.?(?:\s+[a-z]+\.?){0,2})[ \t]+\Z")


_VERBS = {
    "rose", "rise", "rises", "risen", "rising", "fell", "fall", "falls", "fallen", "falling", "was", "were", "is",
    "are", "stood", "stands", "grew", "grow", "grows", "jumped", "jumps", "dropped", "drops", "declined",
    "declines", "increased", "increases", "decreased", "decreases", "climbed", "climbs", "slipped", "slid",
    "reached", "reaches", "hit", "hits", "totalled", "totaled", "totals", "surged", "soared", "plunged",
    "tumbled", "gained", "gains", "lost", "shrank", "expanded", "widened", "narrowed", "eased", "advanced",
    "amounted", "remained", "remains", "topped", "tops", "top", "averaged", "averages", "doubled", "halved", "edged", "be",
    "been",
}
# words between the verb and the number ("rose to about", "fell by", "stood at an estimated")
_LINKS = {"at", "to", "by", "of", "from", "in", "up", "down", "out", "an", "estimated", "about", "around", "some",
          "nearly", "almost", "roughly", "more", "than", "over", "just", "only", "a", "record"}
# auxiliaries between the measured noun and the verb ("has been", "is expected to")
_AUX = {"has", "have", "had", "will", "would", "could", "may", "might", "is", "are", "was", "were", "be",
        "been", "being", "also", "expected", "forecast", "seen", "set", "likely", "to", "now", "still",
        "already", "just", "only"}
_NOT_MEASURED = {"it", "they", "this", "that", "which", "who", "what", "there", "he", "she", "we", "i", "you",
                 "these", "those", "one", "each", "all", "both", "and", "or", "but", "also", "then", "year", "month",
                 "week", "day", "quarter", "period", "time", "has", "have", "had", "is", "was", "are", "were",
                 "will", "would", "the", "a", "an", "its", "their", "his", "her", "our", "said", "says", "them", "him",
                 "us", "me", "itself", "themselves", "january", "february", "march", "april", "may", "june",
                 "july", "august", "september", "october", "november", "december", "monday", "tuesday",
                 "wednesday", "thursday", "friday", "saturday", "sunday"}
_TOKENS = re.compile(r"[A-Za-z][A-Za-z'’-]*|[^\sA-Za-z]")


def measured_before(text: str, start: int, clause_start: int, names: set[str] = frozenset()) -> str | None:
    """What a figure measures when the clause names it before the verb:
    "Unemployment fell to 4.1 percent" -> "unemployment", "net profit rose 12%" -> "net profit".

    The measured thing is the head of the verb's subject, not the object of a preposition after
    it: "total interest on the state loan was 412 mln" -> "loan interest" (after "of", "on" or
    "for", the object's head noun and the head make a compound: "the price of oil" -> "oil
    price"; a generic head such as "number" gives way to the object: "the number of refugees" ->
    "refugees"); "exports to China rose 5%" -> "exports" (other prepositions, and names, are
    left out). Capitalised words that are names of the sentence (``names``) are left out:
    "Tesla rose 5%" measures nothing we can name.

    >>> measured_before("Unemployment fell to 4.1 percent.", 21, 0)
    'unemployment'
    >>> measured_before("Its net profit rose 12% in May.", 20, 0)
    'net profit'
    >>> measured_before("Total interest on the state loan was 412 mln.", 36, 0)
    'loan interest'
    """
    lo = max(clause_start, start - 90)
    if _no_verb_before(text, lo, start):
        return None
    toks = _TOKENS.findall(text, lo, start)
    first = clause_start >= start - 90  # toks[0] starts the clause
    i = _last_before_links(toks)
    if i < 0:
        return None
    verb = toks[i].lower()
    if verb not in _VERBS:
        if verb in ("in", "up", "down") and i > 0 and toks[i - 1].lower() in ("came", "edged"):
            i -= 1
        else:
            return None
    i -= 1
    while i >= 0 and toks[i].lower() in _AUX:
        i -= 1
    words: list[str] = []
    while i >= 0 and len(words) < 2:
        w = _bare(toks[i])
        if not w[:1].isalpha() or w.lower() in _NOT_MEASURED or w.lower() in _PREPOSITIONS:
            break
        words.insert(0, w)
        i -= 1
    words = [w.lower() for w in words if w not in names and (w.islower() or w[1:].islower())]
    # "X <preposition> [the] Y was N": X's head is what is measured; walk back over a chain of
    # prepositional phrases ("pay per shift in farming" -> "pay")
    head, prep, obj = None, None, words
    k = i
    for _ in range(3):
        while k >= 0 and toks[k].lower() in _DETERMINERS:
            k -= 1
        if k < 1 or toks[k].lower() not in _PREPOSITIONS or not _head_word(
                toks[k - 1], () if k == 1 and first else names):  # a clause's first word is capitalised
            break
        if head is not None:
            obj = [head]
        head, prep = _bare(toks[k - 1]).lower(), toks[k].lower()
        k -= 2
        m, n = k, 0
        while m >= 0 and n < 2 and _head_word(toks[m], names):
            m, n = m - 1, n + 1  # modifiers of the head ("sales of new two-bedroom flats in ...")
        j = m
        while j >= 0 and toks[j].lower() in _DETERMINERS:
            j -= 1
        if j >= 1 and toks[j].lower() in _PREPOSITIONS:
            k = m
    if head is None:
        if len(words) == 1 and i >= 1 and toks[i].lower() in ("and", "or") and _is_plural(words[0]) and \
                toks[i - 1].islower() and _is_plural(toks[i - 1]) and toks[i - 1] not in _STOP:
            return f"{toks[i - 1]} {toks[i].lower()} {words[0]}"  # "futures and options rose 5%"
        return " ".join(words) or None
    if obj and head in _GENERIC_HEAD:
        return " ".join(obj)
    if obj and prep in ("of", "on", "for") and not _is_plural(obj[-1]):
        return f"{obj[-1]} {head}"  # "the price of oil" -> "oil price", "service on the debt" -> "debt service"
    return head


_TAIL = 40  # characters before a figure read first by _no_verb_before


def _no_verb_before(text: str, lo: int, start: int) -> bool:
    """True when the last token of ``text[lo:start]`` that is no link word ("to", "by", "an
    estimated") is no verb of :data:`_VERBS`: then :func:`measured_before` finds nothing, and
    most figures follow no such verb. Read from a space in the last :data:`_TAIL` characters (no
    token holds a space, so the tokens from there are the window's last ones) instead of the 90
    characters the rest needs; False when it cannot tell.

    >>> t = "Jobless claims rose to 5 mln, and sales were 3 mln."
    >>> _no_verb_before(t, 0, t.index("5")), _no_verb_before(t, 0, t.index("3"))
    (False, False)
    >>> _no_verb_before("Acme hired 200 staff.", 0, 11)
    True
    """
    cut = text.find(" ", max(lo, start - _TAIL), start)
    if cut < 0:
        return False
    toks = _TOKENS.findall(text, cut, start)
    i = _last_before_links(toks)
    if i < 0:
        return False  # only links there: the verb, if any, is further back
    verb = toks[i].lower()
    return verb not in _VERBS and verb not in ("in", "up", "down")


def _last_before_links(toks: list[str]) -> int:
    """Index of the last token that is no link word ("to", "by", "an estimated"); -1 if none.

    >>> _last_before_links(["sales", "rose", "to"])
    1
    """
    i = len(toks) - 1
    while i >= 0 and toks[i].lower() in _LINKS:
        i -= 1
    return i


def _head_word(tok: str, names: set[str]) -> bool:
    """A word that can head the subject before a preposition (not a verb form, stop word or name)."""
    w = _bare(tok)
    wl = w.lower()
    if not w[:1].isalpha() or wl in _NOT_MEASURED or wl in _PREPOSITIONS or wl in _STOP or wl in _VERBS:
        return False
    if len(wl) > 4 and wl.endswith("ed") and not wl.endswith("eed"):
        return False  # "the contracts traded in May": a participle
    return w not in names and (w.islower() or w[1:].islower())


def _bare(w: str) -> str:
    return w[:-2] if w.endswith(("'s", "’s")) else w


_PREPOSITIONS = {"of", "on", "for", "to", "in", "from", "at", "with", "by", "over", "under", "above", "below",
                 "across", "into", "among", "between", "per", "after", "before", "during", "since", "against",
                 "through", "within", "without", "toward", "towards", "near", "than", "as", "about", "outside"}
_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those", "all"}
# heads that only say "how much of": the object is what is measured ("the number of refugees")
_GENERIC_HEAD = {"number", "total", "amount", "level", "figure", "value", "sum", "count", "tally", "volume",
                 "quantity", "proportion", "percentage", "rate", "majority", "bulk", "half", "part"}


def noun_before(text: str, start: int, line_start: int) -> str | None:
    """A counted noun written before the number: "a population of 3 million" -> "population";
    a wire table line "Revs 11.5 mln vs 13.0 mln" -> "revs".

    >>> noun_before("a death toll of 50", 16, 0), noun_before("Net loss 1.2 mln", 9, 0)
    ('toll', 'net loss')
    """
    # each pattern is searched only where what it must hold is there (most figures have neither):
    # an "of" in the window, and a line start (the text's, or a newline) in the label's window
    lo = max(line_start, start - 60)
    m = _LEFT_NOUN.search(text, lo, start) if text.find("of", lo, start) >= 0 else None
    if m is not None and m.group("n") not in _GENERIC_LEFT:
        return m.group("n")
    m = _LINE_LABEL.search(text, max(0, start - 30), start) if start <= 30 or text.find("\n", start - 30, start) >= 0 \
        else None
    if m is not None:
        # only in a table-like line: "Net 52,000 vs 810,000", "Revs 9.4 mln"
        end = text.find("\n", start)
        line = text[m.start("n"):end if end >= 0 else min(len(text), start + 200)]
        if " vs" in line or (len(line) < 60 and not line.rstrip().endswith((".", "!", "?", '"', "”"))):
            return m.group("n").lower().rstrip(".")
    return None
