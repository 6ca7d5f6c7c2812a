"""Which dollar a bare "dollars" or "dlrs" is: the story's own.

Wire copy writes the currency of the place a story is filed from without its country: in a story
from Wellington "50 mln dlrs" is New Zealand dollars, and an amount in U.S. dollars is written
"U.S. dlrs" there. A bare dollar word is therefore read, in this order:

1. a dollar amount named earlier in the same sentence ("a loss of 9 mln U.S. dlrs after a 2 mln
   dlr writedown": both U.S.);
2. a story that says in which dollars it reports ("Results in U.S. dlrs", "figures are in
   Canadian dollars") gives its bare dollars that one;
3. the story's dateline (a city of a dollar country opening the text: "TORONTO, March 3 -",
   "SYDNEY (Reuters) -") gives its country's dollar;
4. a story that writes amounts in exactly one other dollar ("40 mln N.Z. dlrs") and never names
   the U.S. dollar ("U.S. dlrs", "the U.S. dollar", "US$") gives every bare dollar that one ("...
   from 38 mln dlrs");
5. otherwise a bare dollar takes the dollar of the last amount before it in its paragraph ("90 mln
   Canadian dlrs ... revenues of 170 mln dlrs"); with none there it stays U.S. (a New York story
   on a New Zealand dollar bond names the U.S. dollar, and its market figures are U.S. dollars).

Left as written: a "$" sign (outlets that print "$" for their own dollar print "US$" for the U.S.
one, but broadcasters abroad print "$" for U.S. dollars beside "A$"); a conversion in
parentheses right after another currency's amount ("20 mln N.Z. dlrs (11 mln dlrs)"); one that
says its country after it ("6 mln dlrs (U.S.)"); prices of oil and metals per barrel or ounce,
which the world quotes in U.S. dollars.

>>> from claimtrack.stages.extract.claims.numbers import scan
>>> t = "Reserves fell to 4.2 billion N.Z. dlrs from 4.5 billion dlrs."
>>> [m.unit for m in localise(t, scan(t))]
['NZD', 'NZD']
>>> t = "MELBOURNE (Reuters) - Net profit rose to 12 mln dlrs."
>>> [m.unit for m in localise(t, scan(t))]
['AUD']
"""
from __future__ import annotations

import re

from claimtrack.stages.extract.claims.numbers import Mention

#: the dollars of countries other than the U.S. that news names, as the unit table normalises them
OTHER_DOLLARS = frozenset(("CAD", "AUD", "NZD", "HKD", "SGD", "TWD"))

#: cities whose datelines make a bare dollar that country's (a lexicon of places, by country)
_DATELINE_CITIES = {
    "CAD": ("TORONTO", "MONTREAL", "VANCOUVER", "OTTAWA", "CALGARY", "EDMONTON", "WINNIPEG", "HALIFAX",
            "QUEBEC", "QUEBEC CITY", "REGINA", "SASKATOON", "ST. JOHN'S", "FREDERICTON", "CHARLOTTETOWN"),
    "AUD": ("SYDNEY", "MELBOURNE", "CANBERRA", "PERTH", "BRISBANE", "ADELAIDE", "HOBART", "DARWIN"),
    "NZD": ("WELLINGTON", "AUCKLAND", "CHRISTCHURCH", "DUNEDIN"),
    "HKD": ("HONG KONG",),
    "SGD": ("SINGAPORE",),
}
# (not Taipei: wire copy from there gives trade, reserves and investment in bare U.S. dollars)
_CITY_DOLLAR = {city: cur for cur, cities in _DATELINE_CITIES.items() for city in cities}

# "TORONTO, March 3 -", "CALGARY, Alberta, March 3 -", "SYDNEY (Reuters) -", "Toronto, Feb 26 -":
# a place at a line's start, up to two comma parts (province, date), an agency in parentheses, a dash
_DATELINE = re.compile(
    r"[ \t]*(?P<city>[A-Z][A-Za-z.']*(?:[ \t][A-Z][A-Za-z.']*){0,2})"
    r"(?:,[ \t]*[A-Za-z.]+(?:[ \t][A-Za-z.]+)?(?:[ \t]\d{1,2})?){0,2}"
    r"[ \t]*(?:\([A-Za-z .-]{2,20}\))?[ \t]*(?:-{1,2}|–|—)[ \t]")
_DATELINE_WINDOW = 300  # characters: a title line and the dateline under it

# the written unit of a dollar amount that names the U.S. ("U.S. dlrs", "US dollars", "US$",
# "American dollars"); a bare one: the dollar word alone
_NAMES_US = re.compile(r"\bU\.?S\b|\bAmerican\b")
_BARE_WORD = re.compile(r"(?i:dlrs?|dls|dollars?)\b")
# the U.S. dollar named anywhere, as an amount's unit or as a currency ("the U.S. dollar equivalent")
_US_DOLLAR = re.compile(r"\bU\.?S\.?\s+(?:[Dd]ollars?|[Dd]lrs?)\b|\bUS\$|\bU\.S\.\$|\bAmerican\s+dollars?\b")
# rates the world quotes in U.S. dollars wherever the story is filed: "18 dlrs a barrel", "18
# dlrs/bbl", "7.40 dlrs an ounce"; and "6 mln dlrs (U.S.)", a dollar that says whose it is after it
_US_AFTER = re.compile(r"\s?(?:(?:/|\s(?:a|an|per)\s)(?:barrels?|bbls?|ounces?|oz)\b|\((?:U\.S\.|US)\))")
# a sentence ends between two amounts: a full stop and a capital, or a line end
_SENTENCE_END = re.compile(r"[.!?]\s+[A-Z(\"]|\n")


# "Results in U.S. dlrs.", "All figures are in Canadian dollars", "reports its results in US funds":
# found from the literal " in " (the regex engine skips to it), then the noun looked for before it
_REPORTED_IN = re.compile(
    r" in\s+(?P<country>U\.S\.|US|Canadian|Cdn|Australian|N\.Z\.|New\s+Zealand|H\.K\.|Hong\s+Kong|Singapore)\s+"
    r"(?:dollars|dlrs|funds|currency)\b")
_REPORTING_NOUN = re.compile(r"\b(?:[Rr]esults|[Ff]igures|[Aa]mounts|[Ee]arnings|[Aa]ccounts)\b[^.\n]*\Z")
_COUNTRY_CODE = {"U.S.": "USD", "US": "USD", "Canadian": "CAD", "Cdn": "CAD", "Australian": "AUD", "N.Z.": "NZD",
                 "New Zealand": "NZD", "H.K.": "HKD", "Hong Kong": "HKD", "Singapore": "SGD"}


def reported_dollar(text: str) -> str | None:
    """The dollar a story says its figures are in, or None.

    >>> reported_dollar("Net 5 mln vs 4 mln. NOTE: Results in U.S. dlrs."), reported_dollar("Paid 5 dlrs.")
    ('USD', None)
    """
    for m in _REPORTED_IN.finditer(text):
        if _REPORTING_NOUN.search(text, max(0, m.start() - 30), m.start()):
            return _COUNTRY_CODE[" ".join(m.group("country").split())]
    return None


def dateline_dollar(text: str) -> str | None:
    """The dollar of the place a story's dateline names, or None.

    >>> dateline_dollar("WELLINGTON, Feb 2 - The Reserve Bank said"), dateline_dollar("LONDON, May 1 - ")
    ('NZD', None)
    >>> dateline_dollar("BANK PROFIT UP\\n\\nHONG KONG (Reuters) - The bank said")
    'HKD'
    """
    head = text[:_DATELINE_WINDOW]
    at = 0
    while at < len(head):
        m = _DATELINE.match(head, at)
        if m is not None:
            cur = _CITY_DOLLAR.get(m.group("city").upper())
            if cur is not None:
                return cur
        nl = head.find("\n", at)
        if nl < 0:
            break
        at = nl + 1
    return None


def _written(text: str, men: Mention) -> str:
    """The currency words of a dollar amount as written: its prefix and the words after the numeral."""
    return text[men.start:men.end] if men.cur else text[men.num_end:men.end]


def _kind(text: str, men: Mention) -> str | None:
    """'bare' for a dollar word with no country, 'USD' for a dollar that names the U.S., the code of
    another dollar, or None for any other unit (or a "$" sign)."""
    unit = men.unit
    if not unit:
        return None
    base = unit.split("/")[0]
    if base in OTHER_DOLLARS:
        return base
    if base != "USD":
        return None
    written = _written(text, men)
    if _NAMES_US.search(written) or unit in ("USD/barrel", "USD/ounce") or _US_AFTER.match(text, men.end):
        return "USD"
    if men.cur or not _BARE_WORD.search(written):
        return None  # "$5", "US$5" (named above), a unit carried over
    return "bare"


def _conversion(text: str, prev: Mention | None, men: Mention) -> bool:
    """Whether ``men`` stands in parentheses right after another amount: a conversion of it."""
    if prev is None or prev.unit is None:
        return False
    gap = text[prev.end:men.start]
    return len(gap) <= 12 and "(" in gap and ")" not in gap


def localise(text: str, mentions: list[Mention]) -> list[Mention]:
    """Give each bare dollar amount of ``mentions`` the story's dollar (see the module docstring).
    Sets ``unit`` in place ("USD" -> "NZD", "USD/share" -> "NZD/share"); returns the same list."""
    if not ("dlr" in text or "ollar" in text or "Dlr" in text or "DLR" in text or "OLLAR" in text or "dls" in text):
        return mentions  # no dollar word at all (substring tests: the fastest look at a whole text)
    kinds = [_kind(text, m) if m.drop is None else None for m in mentions]
    if "bare" not in kinds:
        return mentions
    story = reported_dollar(text) or dateline_dollar(text)
    named = {k for k in kinds if k is not None and k != "bare"}
    if story is None and not named:
        return mentions
    if story is None and len(named) == 1 and "USD" not in named and _US_DOLLAR.search(text) is None:
        story = next(iter(named))
    last, last_end = None, 0
    prev = None
    for men, kind in zip(mentions, kinds):
        if kind is not None and kind != "bare":
            last, last_end = kind, men.end
        elif kind == "bare":
            gap = text[last_end:men.start]
            if last is not None and _SENTENCE_END.search(gap) is None:
                cur = last  # named earlier in its sentence
            else:
                cur = story or (last if "\n" not in gap else None)
            if cur is not None and cur != "USD" and not _conversion(text, prev, men):
                men.unit = cur + men.unit[3:]
        if men.drop is None:
            prev = men
    return mentions
