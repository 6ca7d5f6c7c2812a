"""The period a figure belongs to: "fourth quarter 1986", "the week ended February 22", "last
year", "today", read from its sentence and normalised, then resolved against a publication date.

Periods are normalised where the sentence says enough ("1986-Q4", "1987-03", "1987-03-06",
"week-to-02-22"); relative ones stay relative ("day+0" for today, "day-1" for yesterday,
"year-1" for last year) until :func:`resolve_period` reads them against a publication date.

>>> period_of("Net profit in the fourth quarter of 1986 was 5 mln dlrs.")
'1986-Q4'
>>> resolve_period("year-1", date(1987, 4, 3))
'1986'
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from claimtrack.stages.extract.claims.digits import DigitRegex
from claimtrack.stages.extract.claims.scans import matches_from

__all__ = ["RECURRING", "other_figures", "period_of", "resolve_period"]

_MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
_MONTH_WORD = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
               r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?![A-Za-z])\.?")


_PERIOD_WORDS = re.compile(
    r"\b(?P<rel>today|tonight|this morning|this afternoon|this evening|yesterday|last night)\b"
    r"|\bweek(?:s)?\s+(?:ended|ending|to)\s+(?P<wm>" + _MONTH_WORD + r")\s+(?P<wd>[1-3]?\d)\b"
    r"|\b(?:as of|as at|at end-?|at the end of)\s+(?P<am>" + _MONTH_WORD + r")(?:\s+(?P<ad>[1-3]?\d))?\b"
    r"|\b(?P<year>(?:19|20)\d\d)(?!\d|,\d|\.\d)"
    r"|\b(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?P<part>quarter|qtr|half)\b"
    r"|\b(?P<rely>last|previous|this|next)[\s-]+(?P<unit>year|quarter|month|week)\b"
    r"|\b(?P<ago>a\s+(?:year|month|week)|year|month|week)[\s-]+(?:ago|earlier)\b"
    r"|\b(?P<span>three|six|nine|twelve|3|6|9|12)[\s-]+(?:months|mths)\b"
    r"|\b(?P<every>daily|weekly|monthly|quarterly)\b"
    r"|\b(?P<month>" + _MONTH_WORD + r")(?:\s+(?P<day>[1-3]?\d)(?![\d.,]\d))?",
    re.I)


#: the second and third characters (lower case; " " for a space or hyphen, "0" for a digit) that
#: may follow each first character of a _PERIOD_WORDS match: "tod"ay, "thi"s, "thr"ee, "yea"r,
#: "a y"ear ago, "3 m"onths, "Oct" ... ("the", "to ", "for": the common words a pair let through)
_PERIOD_NEXT = {"t": {"o": "dn", "h": "ir", "w": "e"}, "y": {"e": "sa"}, "l": {"a": "s"}, "w": {"e": "e"},
                "a": {"s": " ", "t": " ", "p": "r", "u": "g", " ": "ymw "}, "1": {"9": "0", "s": "t", "2": " "},
                "2": {"0": "0", "n": "d"}, "3": {"r": "d", " ": "m "}, "4": {"t": "h"}, "6": {" ": "m "},
                "9": {" ": "m "}, "f": {"i": "r", "o": "u", "e": "b"}, "s": {"e": "cp", "i": "x"}, "p": {"r": "e"},
                "n": {"e": "x", "i": "n", "o": "v"}, "m": {"o": "n", "a": "ry"}, "d": {"a": "i", "e": "c"},
                "q": {"u": "a"}, "j": {"a": "n", "u": "nl"}, "o": {"c": "t"}}


def _char_class(chars: str) -> str:
    """A regex class of ``chars`` in both cases (" ": a space or hyphen, "0": a digit)."""
    cased = "".join(sorted({c for x in chars.replace(" ", "").replace("0", "") for c in (x, x.upper())}))
    return "[" + cased + (r"\d" if "0" in chars else "") + (r"\s-" if " " in chars else "") + "]"


def _period_start(follow: dict[str, dict[str, str]]) -> re.Pattern:
    """Where a _PERIOD_WORDS match can start: a word's first character followed by a second and
    a third that can continue it (``follow``), or with a character outside ASCII among them
    (``ſ``, a non-ASCII space), which re.I may fold otherwise.

    The pattern opens with one class of every first character (the engine skips in C to those)
    and the look-behind that the character opens a word; only at a word's start does it go on,
    to one alternative per second character, each opening with that character as a literal (a
    one-character test rejects it), which looks back at the first and ahead at the third. (One
    alternative per first character, each with its look-behind, ran every one of some forty
    alternatives at every character of the class, inside words too.) The alternatives are read
    in a look-ahead: a match is the first character only, as before.

    >>> [m.start() for m in _period_start({"t": {"o": "d"}}).finditer("to Tod atod tOD ſ")]
    [3, 12, 16]
    >>> [m.start() for m in _period_start({"a": {" ": "y"}}).finditer("a\\nyear")]
    [0]
    """
    other = "(?=[^\\x00-\\x7f]|[\\s\\S][^\\x00-\\x7f])"
    firsts = "".join(dict.fromkeys(c for a in follow for c in (a, a.upper())))
    by_second: dict[str, list[str]] = {}  # second character -> (first, thirds) tests
    for a, nxt in follow.items():
        for b, c in nxt.items():
            by_second.setdefault(b, []).append("(?<=" + _char_class(a) + "[\\s\\S])(?=" + _char_class(c) + ")")
    alts = [other]
    for b, tests in by_second.items():
        then = tests[0] if len(tests) == 1 else "(?:" + "|".join(tests) + ")"
        if b == " ":
            alts.append("[\\s-]" + then)
        elif b == "0":
            alts.append("\\d" + then)
        else:
            alts.extend(re.escape(x) + then for x in dict.fromkeys((b, b.upper())))
    alts.append("(?<=\u017f)")
    return re.compile("[" + re.escape(firsts) + "\u017f](?<!\\w.)(?=" + "|".join(alts) + ")")


_PERIOD_START = _period_start(_PERIOD_NEXT)


#: letters from the most to the least common in English text (digits as the middle ones)
_LETTER_RANK = {c: i for i, c in enumerate("etaoinshrdlcumwfgy0123456789pbvkjxqz")}


def any_word_pattern(words: list[str]) -> re.Pattern:
    """A pattern whose ``search`` finds something exactly where one of ``words`` is written (as
    a substring, case as given), each word found at its least common letter: the engine skips in
    C to those letters only (a quarter of a text's letters, where a prefix tree of the words
    stops at nearly every letter), then looks behind and ahead for the rest of the word.

    >>> rx = any_word_pattern(["killed", "dead", "trapped"])
    >>> rx.search("57 miners were trapped") is not None, rx.search("Sales rose 5%") is None
    (True, True)
    """
    by_anchor: dict[str, list[str]] = {}
    for w in words:
        k = max(range(len(w)), key=lambda i: _LETTER_RANK.get(w[i], len(_LETTER_RANK)))
        test = (f"(?<={re.escape(w[:k + 1])})" if k else "") + (f"(?={re.escape(w[k + 1:])})" if w[k + 1:] else "")
        by_anchor.setdefault(w[k], []).append(test)
    alts = []
    for anchor, tests in by_anchor.items():
        alts.append(re.escape(anchor) + ("(?:" + "|".join(tests) + ")" if len(tests) > 1 else tests[0]))
    return re.compile("|".join(alts))


# what every _PERIOD_WORDS match holds, in lower case: a word it needs ("week", "year", "night", a
# month's first three letters) or the "19"/"20" that opens a year
_NEEDED = any_word_pattern("today tonight morning afternoon evening yesterday night week 19 20 quarter qtr half year "
                           "month mths daily jan feb mar apr may jun jul aug sep oct nov dec".split())


def _can_name_period(text: str) -> bool:
    """Whether ``text`` (or any part of it) can hold a period word: False when none of the words
    every period needs is in it, so that many sentences (four in ten of a news site's claims)
    skip the search.

    Under re.I only "ı", "İ" (an "i"), "ſ" (an "s") and the Kelvin sign (a "k") match an ASCII
    letter of those words besides the letter's two cases; ``str.lower`` makes "İ" and the Kelvin
    sign an "i" and a "k", and a text with "ı" or "ſ" is always searched.

    >>> _can_name_period("Sales rose 5 pct."), _can_name_period("Sales rose 5 pct in Oct.")
    (False, True)
    """
    low = text.lower()
    return _NEEDED.search(low) is not None or "\u0131" in low or "\u017f" in low


#: :func:`_can_name_period` of a sentence, remembered: each claim of the sentence asks it
_may_name_period = lru_cache(maxsize=256)(_can_name_period)


#: the most characters before the first letter of a period's needed word ("at the end of" in
#: "at the end of  March", after the whitespace before the word) and before its anchor (the
#: letter _NEEDED finds: "y" of "yesterday")
_MOST_BEFORE_WORD = len("at the end of")
_MOST_BEFORE_ANCHOR = max(len(w) for w in ("afternoon", "yesterday")) - 1
_GAP = frozenset("-")  # (with whitespace: what [\s-]+ between a period's words matches)


def _search_start(text: str) -> int | None:
    """Where in ``text`` the first _PERIOD_WORDS match can start, or None when none can.

    Every match holds a needed word (see :func:`_can_name_period`), and before that word's first
    letter it has at most "at the end of" and then whitespace or hyphens. So no match starts
    earlier than that much before the first needed word: the search skips the part of the text
    before it (half a sentence, on average). A text whose lower case changes its length ("İ"),
    or with "ı" or "ſ" (which re.I matches to ASCII letters), is searched from its start.

    >>> t = "Shares of the company rose 5 pct in the first   quarter."
    >>> _search_start(t), t[_search_start(t):]
    (26, ' 5 pct in the first   quarter.')
    >>> _search_start("Sales rose 5 pct."), _search_start("Net rose in the ſecond half.")
    (None, 0)
    """
    low = text.lower()
    if "\u0131" in low or "\u017f" in low or len(low) != len(text):
        return 0  # ("İ" is an "i" to re.I, but "i" and a combining dot to str.lower)
    m = _NEEDED.search(low)
    if m is None:
        return None
    at = max(0, m.start() - _MOST_BEFORE_ANCHOR)  # (at or before the first needed word's first letter)
    while at > 0 and (text[at - 1].isspace() or text[at - 1] in _GAP):
        at -= 1  # a whitespace run between a match's first words may be as long as it likes
    return max(0, at - _MOST_BEFORE_WORD)


def _period_matches(text: str, start: int = 0) -> list[re.Match]:
    """``list(_PERIOD_WORDS.finditer(text))``, tried only where ``_PERIOD_START`` finds a start
    (from ``start``: :func:`_search_start` of ``text``, or 0).

    >>> [m.group() for m in _period_matches("Net rose 3 pct in March 1987 from a year ago.")]
    ['March', '1987', 'a year ago']
    """
    return matches_from(_PERIOD_WORDS, _PERIOD_START, text, start)


# another figure in the sentence: a number that is not a year, nor a day after a month name
_OTHER_FIGURE = re.compile(r"(?<![\w.,])(?!(?:19|20)\d\d\b)\d[\d,.]*")
# where an _OTHER_FIGURE can start: a digit with no letter, digit, "." or "," before it
_OTHER_FIGURE_START = DigitRegex(r"\d(?<![\w.,]\d)")
# a month name ending the text before a figure ("March 4"): as _MONTH_WORD after a word boundary, each
# name opening with its capital as a literal and the boundary looked back for after it, so that the
# engine skips in C to the capitals that open one (a leading \b made it try every position)
_MONTH_NAMES = _MONTH_WORD[len("(?:"):_MONTH_WORD.index(")")].split("|")
_MONTH_BEFORE = re.compile("(?:" + "|".join(m[0] + r"(?<!\w.)" + m[1:] for m in _MONTH_NAMES)
                           + _MONTH_WORD[_MONTH_WORD.index(")"):] + r"\s*$")


def other_figures(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the other figures in ``text[start:end]`` (a day after a month name is a date).

    Read from the figures of the whole sentence (found once per sentence, not once per claim):
    a figure's start needs no digit, "." or "," before it, so none starts inside another, and
    the ones that start in ``[start, end)`` are the same as in the slice unless the slice ends
    inside a run of digits (then the slice is read again).

    >>> t = "Sales rose 5% to 3 mln in March 4, from 2 mln."
    >>> other_figures(t, 0, 16), other_figures(t, 17, len(t))
    ([(11, 12)], [(17, 18), (40, 41)])
    """
    if end < len(text) and text[end - 1:end] in _RUN_CHARS:
        return _slice_figures(text, start, end)
    return [sp for sp in _sentence_figures(text) if start <= sp[0] < end]


_RUN_CHARS = frozenset("0123456789.,")


@lru_cache(maxsize=256)
def _sentence_figures(text: str) -> tuple[tuple[int, int], ...]:
    """The spans of :func:`other_figures` over the whole of ``text``."""
    return tuple(_slice_figures(text, 0, len(text)))


def _slice_figures(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [m.span() for m in matches_from(_OTHER_FIGURE, _OTHER_FIGURE_START.for_text(text), text, start, end)
            if not _MONTH_BEFORE.search(text[max(0, m.start() - 12):m.start()])]


def _neighbours(text: str, at: int, end: int) -> tuple[int, int]:
    """Where the other figures nearest ``text[at:end]`` end and start: (the end of the last one
    that starts before ``at``, else 0; the start of the first one at or after ``end``, else
    ``len(text)``), as :func:`other_figures` of ``text[:at]`` and ``text[end:]`` give them, in
    one pass over the sentence's figures.

    >>> t = "Sales rose 5% to 3 mln in March 4, from 2 mln."
    >>> _neighbours(t, 17, 18)
    (12, 40)
    """
    lo, hi = 0, len(text)
    figures = _sentence_figures(text)
    if at and text[at - 1] in _RUN_CHARS:  # the left part ends inside a run of digits: read it again
        left = _slice_figures(text, 0, at)
        lo = left[-1][1] if left else 0
    else:
        for start, stop in figures:
            if start >= at:
                break
            lo = stop
    for start, _ in figures:
        if start >= end:
            hi = start
            break
    return lo, hi


RECURRING = re.compile(r"\b(?:daily|weekly|monthly|quarterly)\b", re.I)
_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_SPAN = {"three": 3, "six": 6, "nine": 9, "twelve": 12}


def _word(matched: str) -> str:
    """A matched period word in the lower-case ASCII the tables use: re.I also matches "ſ" as
    "s", "ı" and "İ" as "i" and the Kelvin sign as "k", which ``str.lower`` keeps apart.

    >>> _word("Laſt"), _word("FIRST"), _word("İn")
    ('last', 'first', 'in')
    """
    low = matched.lower()
    return low.replace("ſ", "s").replace("ı", "i").replace("\u0307", "") if not low.isascii() else low


def _month(word: str) -> int:
    return _MONTHS.get(_word(word).rstrip(".")[:3], 0)


@lru_cache(maxsize=1 << 17)
def period_of(text: str | None, surface: str | None = None) -> str | None:
    """The reference period a sentence gives its figure, normalised; None when it names none.

    Several periods in one sentence (a comparison) are all kept, sorted and joined by ",".

    >>> period_of("Fourth quarter 1986 net profit was 5 mln dlrs."), period_of("41 ships were waiting early today.")
    ('1986-Q4', 'day+0')
    >>> period_of("Landings for the week ended February 22 were 48,310 crates."), period_of("Net rose 5 pct.")
    ('week-to-02-22', None)
    >>> period_of("Sales in March 1987 rose to 4 bln from 3 bln a year ago.", "4 bln")
    '1987-03'
    >>> period_of("Sales in March 1987 rose to 4 bln from 3 bln a year ago.", "3 bln")
    'year-1'
    """
    if not text or not _may_name_period(text):
        return None  # (a part of the text cannot hold a period word when the whole cannot)
    start = 0
    if surface:
        at = text.find(surface)
        if at >= 0:
            # only the stretch between the neighbouring figures: "from 6.53 mln last year" dates
            # the figure it compares with, not this one (years are not figures here)
            lo, hi = _neighbours(text, at, at + len(surface))
            text = text[lo:at] + " " * len(surface) + text[at + len(surface):hi]
            start = _search_start(text)
            if start is None:
                return None  # the stretch searched names no period (two in five claims whose sentence does)
    year, parts, rel = None, [], []
    for m in _period_matches(text, start):
        g = m.groupdict()
        if g["rel"]:
            rel.append("day-1" if _word(g["rel"]) in ("yesterday", "last night") else "day+0")
        elif g["wm"]:
            parts.append(f"week-to-{_month(g['wm']):02d}-{int(g['wd']):02d}")
        elif g["am"]:
            if not (g["am"][0].isupper()):
                continue
            parts.append(f"{_month(g['am']):02d}" + (f"-{int(g['ad']):02d}" if g["ad"] else ""))
        elif g["year"]:
            year = year or g["year"]
        elif g["ord"]:
            parts.append(("H" if _word(g["part"]) == "half" else "Q") + str(_ORD[_word(g["ord"])]))
        elif g["rely"]:
            step = {"last": "-1", "previous": "-1", "this": "+0", "next": "+1"}[_word(g["rely"])]
            rel.append(f"{_word(g['unit'])}{step}")
        elif g["ago"]:
            rel.append(f"{_word(g['ago']).split()[-1]}-1")
        elif g["every"]:  # a recurring report's figure is its own day's, week's, month's
            rel.append({"daily": "day", "weekly": "week", "monthly": "month", "quarterly": "quarter"}[_word(g["every"])] + "+0")
        elif g["span"]:
            parts.append(f"{_SPAN.get(_word(g['span']), g['span'])}M")
        else:
            word = g["month"]
            if not word[0].isupper() or (word == "May" and m.start() == 0):
                continue  # "may", "march" in lower case are verbs
            parts.append(f"{_month(word):02d}" + (f"-{int(g['day']):02d}" if g["day"] else ""))
    if year:
        parts = [f"{year}-{p}" for p in parts] if parts else [year]
    out = sorted(set(parts + rel))
    return ",".join(out) if out else None


def resolve_period(period: str | None, published: date | None) -> str | None:
    """A period with its relative parts read against the publication date (unchanged without one).

    >>> resolve_period("day-1", date(1987, 4, 3)), resolve_period("year-1", date(1987, 4, 3))
    ('1987-04-02', '1986')
    >>> resolve_period("03-06", date(1987, 4, 3)), resolve_period("day+0", None)
    ('1987-03-06', 'day+0')
    >>> resolve_period("week+0", date(1987, 3, 25)), resolve_period("week+0", date(1987, 4, 1))
    ('1987-W13', '1987-W14')
    """
    if not period or published is None:
        return period
    return ",".join(sorted({_resolve_part(part, published) for part in period.split(",")}))


def _resolve_part(part: str, d: date) -> str:
    m = re.fullmatch(r"(day|week|month|quarter|year)([+-]\d)", part)
    if m:
        unit, step = m.group(1), int(m.group(2))
        if unit == "day":
            return (d + timedelta(days=step)).isoformat()
        if unit == "year":
            return str(d.year + step)
        if unit == "month":
            y, mo = divmod(d.year * 12 + d.month - 1 + step, 12)
            return f"{y}-{mo + 1:02d}"
        if unit == "quarter":
            y, q = divmod(d.year * 4 + (d.month - 1) // 3 + step, 4)
            return f"{y}-Q{q + 1}"
        if unit == "week":  # the ISO week
            y, w, _ = (d + timedelta(weeks=step)).isocalendar()
            return f"{y}-W{w:02d}"
        return part
    m = re.fullmatch(r"(\d\d)(?:-(\d\d))?", part)
    if m:  # a month (and day) without a year: the latest one not after the publication date
        month = int(m.group(1))
        year = d.year if month <= d.month else d.year - 1
        return f"{year}-{part}"
    return part
