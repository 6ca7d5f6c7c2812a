"""Headline casing: title-case and all-caps lines rewritten in body-text case, same length.

Headlines ("Apple To Pay $1 Billion For Startup", wire style "TRADE DEFICIT WIDENS TO 15 BLN
DLRS") capitalise words that body text writes in lower case, so scale words, units and counted
nouns go unrecognised and the verb before a number looks like a name ("Adds 215,000 Jobs").
:func:`fold` lowercases those words on such lines only; every offset stays the same, so mentions
found on the folded text index the original text too. Month and weekday names keep their capital
(the date rules need it); in all-caps lines, currency codes and short acronyms ("US", "MW") stay.

>>> fold("Apple To Pay $1 Billion For 215,000 Jobs In May")
'apple to pay $1 billion for 215,000 jobs in May'
>>> fold("Exports rose 5 Pct in May") is None
True
"""
from __future__ import annotations

import re

from claimtrack.stages.extract.claims.units import CURRENCY_PREFIX

# words a title-case headline may leave in lower case ("Rises to 5%", "Sales of 3 Million")
_SMALL = frozenset("a an the and or nor but of to in on at by for from with into onto over upon amid via vs "
                   "per than as up off out down near past till until like plus minus versus".split())
# a lower-case word of three letters or more, other than a unit right after a number ("50,000 bpd")
# (its first letter comes first and the look-behinds after it, so the engine skips to letters in C)
_LOWER_WORD = re.compile(r"[a-z](?<![\w'’-][a-z])(?<!\d [a-z])[a-z]{2,}(?![\w'’])")
_BYLINE = re.compile(r"\s*(?:By|BY)\s")
_WORDS = re.compile(r"(?<![\w'’])[A-Za-z]+(?:['’][A-Za-z]+)?")
_TITLE_TOKEN = re.compile(r"(?<![A-Za-z'’])[A-Z][a-z]+(?![A-Za-z])")
_CAPS_TOKEN = re.compile(r"(?<![A-Za-z.'’])[A-Z]{2,}(?![A-Za-z]|\.[A-Z])")
_KEEP = frozenset(
    "Jan January Feb February Mar March Apr April May Jun June Jul July Aug August Sep Sept September Oct "
    "October Nov November Dec December Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
_CAPS_MONTH = {w.upper(): w for w in _KEEP}
_CODES = frozenset(k for k in CURRENCY_PREFIX if k.isalpha() and k.isupper())
# two-letter words that are English words, not acronyms, in an all-caps headline
_CAPS_SMALL = frozenset("TO IN ON AT BY OF UP OR AS IS IT BE AN NO SO IF DO WE HE".split())


def _headline_kind(line: str) -> str | None:
    """"title", "caps" or None (body text) for one line (a byline "By Jane Roe, 45" is no headline)."""
    for m in _LOWER_WORD.finditer(line):
        if m.group() not in _SMALL:
            return None  # a lower-case content word: body text
    if _BYLINE.match(line):
        return None
    words = _WORDS.findall(line)
    # (lower-case words left here are small words or units after a number)
    content = [w for w in words if len(w) > 2 and w.lower() not in _SMALL and not w.islower()]
    if len(content) < 2:
        return None  # "Net 46,000 vs 1,220,000": a table line, not a headline
    if sum(1 for w in content if w[0].isupper() or not w[1:].islower()) < len(content):  # "iPhones" too
        return None
    if all(w.isupper() for w in content):
        return "caps"
    return "title" if sum(1 for w in content if w[1:].islower()) * 2 >= len(content) else None


def _fold_title(m: re.Match) -> str:
    w = m.group()
    return w if w in _KEEP else w.lower()


def _fold_caps(m: re.Match) -> str:
    w = m.group()
    if w in _CAPS_MONTH:
        return _CAPS_MONTH[w]
    if w in _CODES or (len(w) == 2 and w not in _CAPS_SMALL):
        return w
    return w.lower()


def fold(text: str) -> str | None:
    """``text`` with its headline lines in body-text case (same length), or None when none is."""
    if "\n" not in text:
        kind = _headline_kind(text)
        if kind is None:
            return None
        return _TITLE_TOKEN.sub(_fold_title, text) if kind == "title" else _CAPS_TOKEN.sub(_fold_caps, text)
    parts = text.split("\n")
    changed = False
    for i, line in enumerate(parts):
        kind = _headline_kind(line)
        if kind is not None:
            parts[i] = _TITLE_TOKEN.sub(_fold_title, line) if kind == "title" else _CAPS_TOKEN.sub(_fold_caps, line)
            changed = True
    return "\n".join(parts) if changed else None


# verbs and function words that headlines capitalise ("Trump Says", "Shares Jump", "Will Impose")
_HEADLINE_VERBS = frozenset(
    "says say said tells told reports report posts post adds add cuts cut sees see seeks seek plans plan wins win "
    "loses lose gets get sells sell buys buy pays pay raises raise slashes slash tumbles tumble soars soar surges "
    "surge slumps slump drops drop climbs climb gains gain jumps jump rises rise falls fall hits hit tops top "
    "nears near reaches reach doubles double triples triple halves halve sinks sink dips dip slides slide "
    "plunges plunge grows grow shrinks shrink loses lost killed kills kill dies die dead injured wounded fled flee "
    "flees warns warn expects expect forecasts forecast estimates estimate announces announce unveils unveil "
    "launches launch approves approve rejects reject bans ban orders order files file sues sue faces face "
    "has have had is are was were be been will would could may might can should must to not no new".split())


def split_names(names: list[tuple[int, int, str]], stop: frozenset[str] = frozenset()) -> list[tuple[int, int, str]]:
    """Names found on a headline, cut at the small words and verbs a title capitalises too
    (``stop``: more lowercase words to cut at): "Apple To Pay" -> "Apple" (a headline's
    capitals do not mark names).

    >>> split_names([(0, 12, "Apple To Pay"), (13, 28, "Trump Says Acme")])
    [(0, 5, 'Apple'), (13, 18, 'Trump'), (24, 28, 'Acme')]
    """
    out = []
    for s, _e, name in names:
        pos = s
        run: list[str] = []
        run_start = s
        for w in name.split(" "):
            wl = w.lower()
            if wl in _SMALL or wl in _HEADLINE_VERBS or wl in stop:
                if run:
                    out.append((run_start, run_start + len(" ".join(run)), " ".join(run)))
                run = []
                run_start = pos + len(w) + 1
            else:
                run.append(w)
            pos += len(w) + 1
        if run:
            out.append((run_start, run_start + len(" ".join(run)), " ".join(run)))
    return out
