"""Whether "pounds" weighs or pays: a pound of weight, or the British pound.

"Pound" names both. News that counts sterling marks it: a "£" sign, "stg" in wire copy,
"sterling", "pence", "GBP", "the pound" as a currency ("the pound rose"). A story that marks
sterling nowhere and writes "pounds" after a number is weighing ("a payload of 40,000 pounds")
unless its sentence pays ("paid 5 mln pounds", "a fine of 200 pounds"); and a sentence that weighs
("weighs less than 50 pounds", "weight rose to 61 mln pounds") weighs wherever it stands. A story
that names another country's pound ("Egyptian pounds") means that one by a bare "pounds".

>>> from claimtrack.stages.extract.claims.numbers import scan
>>> t = "The new plant adds 600 mln pounds a year of resin."
>>> [m.unit for m in weigh(t, scan(t))]
['lb/year']
>>> t = "The pound rose and Arlo paid 5 mln pounds for the site."
>>> [m.unit for m in weigh(t, scan(t))]
['GBP']
"""
from __future__ import annotations

import re

from claimtrack.stages.extract.claims.numbers import Mention

# sterling written anywhere in the story: the sign, wire copy's "stg", the words, pence, the code,
# "the pound" as a currency, and the sign as an encoding may have left it ("Â£", "&pound;")
_STERLING = re.compile(r"£|&pound;|&#163;|\dp\b|\bstg\b|\b[Ss]terling\b|\bpence\b|\bGBP\b|\b[Tt]he\s+pound\b(?!\s+of\b)|"
                       r"\bBritish\s+pounds?\b|\bpounds?\s+sterling\b|\bSTG\b")
# a sentence that weighs: the verb, the noun, heavier and lighter; one that pays: the verbs of money
_WEIGHING = re.compile(r"\b(?:weigh(?:s|ed|ing|t|ts)?|heavier|lighter|heavy)\b", re.I)
_PAYING = re.compile(r"\b(?:paid|pay|pays|paying|costs?|costing|charged?|charging|fined?|worth|priced|spent|spend|"
                     r"raised?|earn(?:s|ed|ing)?|salary|wages?|fee|bill|bonus|profits?|loss|sold\s+for|bought\s+for|"
                     r"budget|deficit|surplus|revenues?|expenditures?|spending|investments?|allocations?|prices?|"
                     r"tax(?:es)?|loans?|debts?|rate|dollar|dlrs?|sold\s+at|bought\s+at)\b", re.I)
# an exchange rate after the figure: "1.36 pounds to the dollar"
_TO_CURRENCY = re.compile(r"\s+(?:to|per|against)\s+(?:the\s+|one\s+|each\s+)?(?:U\.S\.\s+|US\s+)?(?:dollar|dlr|euro|mark)", re.I)
# another country's pound named in the story: its bare "pounds" are that pound
_COUNTRY_POUND = re.compile(r"\b(Egyptian|Syrian|Sudanese|Lebanese|Cyprus|Cypriot|Irish)\s+[Pp]ounds?\b")
_POUND_CODE = {"Egyptian": "EGP", "Syrian": "SYP", "Sudanese": "SDG", "Lebanese": "LBP", "Cyprus": "CYP",
               "Cypriot": "CYP", "Irish": "IEP"}
_POUND_WORD = re.compile(r"pounds?\b")
_SENTENCE_START = re.compile(r"[.!?]\s+(?=[A-Z])|\n")


def _last(pattern: re.Pattern, window: str) -> int:
    """Where the last match of ``pattern`` in ``window`` ends, -1 for none."""
    end = -1
    for m in pattern.finditer(window):
        end = m.end()
    return end


def _sentence_after(text: str, pos: int) -> str:
    """The sentence after ``pos``, at most 50 characters of it ("... would be spent on roads")."""
    window = text[pos:pos + 50]
    m = _SENTENCE_START.search(window)
    return window[:m.start()] if m else window


def _sentence_before(text: str, pos: int) -> str:
    """The sentence before ``pos``, at most 80 characters of it."""
    window = text[max(0, pos - 80):pos]
    starts = [m.end() for m in _SENTENCE_START.finditer(window)]
    return window[starts[-1]:] if starts else window


def weigh(text: str, mentions: list[Mention]) -> list[Mention]:
    """Turn the "pounds" that weigh into pounds of weight: unit "GBP" -> "lb" ("GBP/year" ->
    "lb/year") for a figure whose unit is the word "pound(s)"; returns the same list."""
    if "ound" not in text:
        return mentions
    sterling = own = None  # (read from the whole text only when a figure is in "pounds")
    for men in mentions:
        unit = men.unit
        if men.drop is not None or not unit or unit.split("/")[0] != "GBP" or men.cur:
            continue
        if _POUND_WORD.search(text, men.num_end, men.end) is None or "terling" in text[men.num_end:men.end]:
            continue
        if sterling is None:
            sterling = _STERLING.search(text) is not None
            country = _COUNTRY_POUND.search(text)
            own = _POUND_CODE[country.group(1)] if country is not None else None
        before = _sentence_before(text, men.start)
        if _last(_WEIGHING, before) > _last(_PAYING, before):  # the nearer verb tells ("who weighs 90, earns 9")
            men.unit = "lb" + unit[3:]
        elif own is not None:
            men.unit = own + unit[3:]  # a Cairo budget in "pounds" after "Egyptian pounds"
        elif not sterling and not _PAYING.search(before) and not _TO_CURRENCY.match(text, men.end) \
                and not _PAYING.search(_sentence_after(text, men.end)):
            men.unit = "lb" + unit[3:]
    return mentions
