"""Numbers inside names, codes and addresses, which read like counts but count nothing.

A general class of tokens rather than a list of products: a model code before a hyphen
("A350-900"), a model number glued to an x ("777x"), the "PS" that ASCII writes for a pound sign
standing before one digit ("PS4"), a house number before a street name ("at 14 Elm Road"), a
number that opens a firm's name ("19 Entertainment"), an age group ("Under-21"), and a bare three- or four-digit numeral
inside the noun phrase of another count ("roughly 400 737 Max jets", "two new 787 Dreamliners"):
the name of what is counted, not a second count; and then every other place the text writes that
model the same way ("the popular 737 Max jet"). (A model
number after a possessive, "Boeing's own 787 Dreamliner", is left as a number: the annotated news
data counts it both ways, and no rule of English tells the two apart.) Glued codes ("5G", "S9",
"H2SO4", "Brca1") never become numbers in the first place (:mod:`.numbers`, :mod:`.filters`).

>>> from claimtrack.stages.extract.claims.numbers import scan
>>> from claimtrack.stages.extract.claims.filters import mark
>>> t = "It sold 400 737 Max jets and 20 A350-900s to a firm at 14 Elm Road."
>>> [(t[m.start:m.end], m.drop) for m in mark(t, scan(t))]
[('400', None), ('737', 'name'), ('20', None), ('900', 'name'), ('14', 'address')]
"""
from __future__ import annotations

import re

from claimtrack.stages.extract.claims.context import STOP_WORDS
from claimtrack.stages.extract.claims.numbers import Mention

EXCLUDED_CAP = {
    # capitalised words that may stand before a quantity without naming it
    "About", "Some", "The", "A", "An", "In", "On", "At", "By", "For", "From", "To", "Of", "With", "And",
    "But", "Or", "Only", "Just", "Nearly", "Almost", "Around", "Roughly", "Approximately", "Over",
    "Under", "More", "Less", "Fewer", "Up", "Down", "All", "Some", "Those", "These", "This", "That",
    "Its", "Their", "His", "Her", "Our", "My", "Your", "Another", "Every", "Each", "Than", "Then",
    "Now", "Still", "Also", "Yet", "So", "If", "When", "While", "After", "Before", "Since", "Until",
    "Between", "Among", "Across", "Into", "Onto", "During", "Per", "Plus", "Minus", "Total", "Estimated",
    "Another", "Exactly", "Precisely", "Nearly", "Barely", "Fully", "Top", "Last", "First", "Next",
    "Those", "Both", "Including", "Excluding", "Additionally", "Further", "Meanwhile", "However",
    "Where", "Why", "How", "What", "Who", "Which", "There", "Here", "It", "He", "She", "They", "We",
    "I", "You", "Not", "No", "Yes", "Roughly", "Almost", "Nearly", "Reuters", "AP", "AFP", "PA",
    "Dow", "Nasdaq", "S&P", "FTSE", "Nikkei", "DAX", "CAC",  # index levels are checked below
}

#: words that name a series, an index or a model when a number follows them ("S&P 500", "Boeing 737")
NAME_TOKENS = {
    "s&p", "sp", "ftse", "nasdaq", "dow", "russell", "nikkei", "dax", "cac", "stoxx", "fortune", "forbes",
    "inc.", "global", "seng", "asx", "tsx", "sensex", "nifty", "kospi", "ibex", "mib", "aex", "smi", "djia",
    "nyse", "billboard", "hot", "ligue", "formula", "serie", "liga", "bundesliga", "division", "league", "group",
    "g", "ta", "msci", "bbc", "channel", "radio", "apollo", "boeing", "airbus", "iphone", "ipad", "galaxy",
    "pixel", "windows", "model", "mark", "mk", "vol", "section", "article", "chapter", "title", "proposition",
    "prop", "route", "highway", "interstate", "flight", "room", "level", "stage", "phase", "grade", "class",
    "category", "type", "game", "week", "round", "day", "act", "amendment", "euro", "cup", "olympics", "covid",
    "sars", "force", "studio", "terminal", "gate", "pier", "platform", "exit", "poor's", "sky", "itv",
}
#: names of channels and series spelled with a number word ("BBC Three", "Sky One", "Formula One")
CHANNEL_TOKENS = {"bbc", "sky", "itv", "channel", "radio", "formula", "s4c", "rte", "e4", "more4"}

# a street address: the house number before a street name ("at 14 Elm Road", "10 Downing St.")
_STREET_AFTER = re.compile(
    r"\s+(?:[A-Z][a-z]*\.?\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Boulevard|Blvd|Drive|Dr|Way|Place|"
    r"Pl|Square|Sq|Court|Ct|Terrace|Crescent|Close|Parkway|Pkwy|Row|Gardens|Mews|Walk|Strasse|Straße|Rue)\b")
_STREET_BEFORE = re.compile(r"(?:\b(?:at|on|to|for|from|in|near|outside|behind|opposite|into|of|address)|^|\n|,)\s*\Z",
                            re.I)
# a company named with a number: the number and a capitalised word that names a firm ("19
# Entertainment", "21 Media Holdings"); a count is followed by what it counts, never by these in capitals
_FIRM_AFTER = re.compile(r" (?:Entertainment|Management|Holdings|Media|Partners|Productions|Records|Studios|"
                         r"Pictures|Communications|Technologies|Networks|Ventures|Labs|Inc|Corp|Ltd|Plc|PLC|LLC)\b")
# a model or part code before a hyphen: "A350-900", "B737-800", "MD11-F"
_CODE_HYPHEN_BEFORE = re.compile(r"(?<![\w-])[A-Z][A-Za-z]*\d+[A-Za-z]*-\Z")
_N_IN_ONE = re.compile(r"-in-(?:\d|one)\b", re.I)
# an age group names its players or members by the age they are under or over, and counts nothing
_AGE_GROUP_BEFORE = re.compile(r"(?<![\w-])(?:[Uu]nder|[Oo]ver|U)-\Z")
# a substitute and the minute he came on, in a team line-up: "Barton (Macken 68)", "(Nunez 56, Baros 74)";
# any case, as a line of names may be read in body-text case (:mod:`.headline`)
_SUB_BEFORE = re.compile(r"[A-Za-z'’] \((?:[A-Za-z][\w'’-]+ \d{1,3}'?, )?(?P<name>[A-Za-z][\w'’-]+(?: [A-Za-z][\w'’-]+)?) \Z")
_NOT_SUBSTITUTES = frozenset("up down aged age ages about around some over under nearly roughly approximately from "
                             "to vs versus was is were n no nos page pages score scored".split())
_WORDS_BETWEEN = re.compile(r"\s+(?:([a-z]+)\s+){0,2}\Z")


def code_or_address(text: str, men: Mention, prev: Mention | None, bare: bool, integer: bool) -> str | None:
    """"name" or "address" when the numeral ``men`` is part of one (see the module); else None.
    ``bare``: no unit, scale or currency; ``integer``: a whole number written without a point."""
    s, ne = men.start, men.num_end
    if text[s - 1:s] == "-" and bare and men.value < 100 and _AGE_GROUP_BEFORE.search(text, max(0, s - 7), s):
        return "name"  # an age group: "an England Under-21 international", "the over-60s", "under-five"
    if text[ne:ne + 4] == "-in-" and _N_IN_ONE.match(text, ne):
        return "name"  # a product that does the work of several: "a 3-in-1 charging pad", "2-in-1 laptops"
    if men.kind != "digits":
        return None
    if text[s - 1:s] == "-" and _CODE_HYPHEN_BEFORE.search(text, max(0, s - 12), s):
        return "name"
    # a multiplier is rarely a three-digit figure that is not round: "100x zoom" stays a multiple
    if men.unit == "times" and integer and men.value >= 100 and men.value % 10 and text[ne:ne + 1] in ("x", "X"):
        return "name"
    if men.cur and integer and text.startswith("PS", s) and men.scale == 1.0 and ne == men.end and (
            men.value < 10 or text[s + 2:s + 3] == " "):
        return "name"  # "PS4" a console, "PS 123" a school; "PS45m", "PS300" are pounds
    if bare and integer and men.qualifier == "exact" and text[ne:ne + 1] == " " and text[s:ne].isdigit() and \
            _FIRM_AFTER.match(text, ne):
        return "name"  # "his 19 Entertainment company"
    if integer and men.qualifier == "exact" and not men.cur and men.scale == 1.0 and men.value < 100000 and \
            _STREET_AFTER.match(text, ne) and _STREET_BEFORE.search(text, max(0, s - 12), s):
        return "address"  # (a one-letter street is no unit: "at 1420 K Street")
    if not bare or not integer or men.qualifier != "exact":
        return None
    if not (100 <= men.value < 10000 and text[s:ne].isdigit()):
        return None
    if prev is not None and prev.drop is None and prev.unit is None and prev.scale == 1.0 and \
            prev.kind in ("digits", "words") and s - prev.end <= 30:
        between = _WORDS_BETWEEN.fullmatch(text, prev.end, s)
        if between is not None and not any(
                w in STOP_WORDS or w.endswith("s") for w in text[prev.end:s].split()):
            return "name"  # "400 737 Max jets", "two new 737 Max jets"
    return None


def lineup_minute(text: str, men: Mention) -> bool:
    """True when ``men`` is the minute a substitute came on in a team line-up.

    >>> from claimtrack.stages.extract.claims.numbers import scan
    >>> t = "Keane, Fletcher (Giggs 64), Rooney; prices (up 33) rose"
    >>> [lineup_minute(t, m) for m in scan(t)]
    [True, False]
    """
    if text[men.num_end:men.num_end + 1] not in (")", ",", "'"):
        return False
    m = _SUB_BEFORE.search(text, max(0, men.start - 36), men.start)
    return m is not None and not any(w.lower() in STOP_WORDS or w.lower() in _NOT_SUBSTITUTES
                                     for w in m.group("name").split())


# the word after a numeral: "737 Max", "787 Dreamliner" (a hyphen may join a code's parts, "737-800")
_NEXT_WORD = re.compile(r"(?:-\d+)?[ \u00a0]([A-Z][\w-]*)")
_CODE_TAIL = re.compile(r"-\d+")


def same_model_elsewhere(text: str, mentions: list[Mention]) -> None:
    """A model number the text names once by its maker or its count ("400 737 Max jets", "Boeing
    737-800") is that model wherever else it is written the same way: the numeral with the same
    capitalised word after it ("the popular 737 Max jet"), or the whole hyphened code ("the
    737-800 had ...", which would read as a range). Sets ``drop`` to "name" in place.

    >>> from claimtrack.stages.extract.claims.numbers import scan
    >>> from claimtrack.stages.extract.claims.filters import mark
    >>> t = "It sold 400 737 Max jets. The popular 737 Max jet has 178 seats."
    >>> [(t[m.start:m.end], m.drop) for m in mark(t, scan(t))]
    [('400', None), ('737', 'name'), ('737', 'name'), ('178', None)]
    """
    pairs = set()
    codes = set()
    for men in mentions:
        if men.drop == "name" and men.kind == "digits" and text[men.start:men.num_end].isdigit():
            code = _CODE_TAIL.match(text, men.num_end)
            if code is not None and men.num_end - men.start >= 3:  # a model's number, not a set's score
                codes.add(text[men.start:code.end()])
            nxt = _NEXT_WORD.match(text, men.num_end)
            if nxt is not None and nxt.group(1) not in EXCLUDED_CAP:
                pairs.add((text[men.start:men.num_end], nxt.group(1)))
    if not pairs and not codes:
        return
    tail = -1  # where the second part of a code begins ("800" of "the 737-800")
    for men in mentions:
        if men.drop is not None or men.unit is not None or men.scale != 1.0 or men.cur or men.kind != "digits":
            continue
        if men.start == tail:
            men.drop = "name"
            continue
        numeral = text[men.start:men.num_end]
        if not numeral.isdigit():
            continue
        code = _CODE_TAIL.match(text, men.num_end)
        nxt = _NEXT_WORD.match(text, men.num_end)
        if code is not None and text[men.start:code.end()] in codes:
            men.drop, tail = "name", men.num_end + 1
        elif nxt is not None and (numeral, nxt.group(1)) in pairs:
            men.drop = "name"
