"""Sentence openings that come before a sentence's subject: a dateline ("LONDON (Reuters) -")
and leading adverbials ("In July, ", "But ", "Speaking on Monday, ").

>>> _lead_phrase("Meanwhile, Jo Park said").group()
'Meanwhile, '
"""
from __future__ import annotations

import re


_DATELINE = re.compile(r"^\s*[A-Z][A-Z .,'’\-]{2,40}(?:\([A-Za-z .]{1,20}\))?\s*(?:[—–]|--?)\s*")


_CONJUNCTION_LEAD = (r"(?:but|and|yet|so|or|nor|then|also|now|still|meanwhile|however|indeed|instead)\s*,?\s+"
                     r"(?=(?-i:[A-Z])|(?:the|a|an|his|her|their|its|this|these|those)\s)")
_LEAD_PHRASE = re.compile(
    r"^\s*(?:" + _CONJUNCTION_LEAD + "|"
    r"[A-Z][a-z]+(?:ically|ally|ively|ously|edly|ingly|fully|lessly|ently|antly|ately|arly)\s*,\s*|"
    r"[A-Z][a-z]{3,}(?:ed|ing)\b[^,\x01]{0,150},\s*|(?:in|on|at|during|after|before|although|though|while|when|as|since|contrary to|"
    r"despite|unlike|like|for|with|without|under|over|by|from|to|if|because|once|then|but|and|"
    r"yet|so|still|meanwhile|however|instead|indeed|also|now|later|earlier|today|yesterday|"
    r"even as|even though|even if|even when)\b"
    r"[^,\x01]{0,150}(?:,|\s[—–]|\s--)\s*|[^,\x01]{0,40}\b(?:morning|afternoon|evening|night|day|week|weekend|"
    r"month|year|ago|time|moment|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s*,\s*)+",
    re.I)
#: :data:`_LEAD_PHRASE` for a sentence with no comma and no dash, where only its opening
#: conjunction can match (the other phrases end at one; trying them costs most of the match)
_LEAD_CONJUNCTIONS = re.compile(r"^\s*(?:" + _CONJUNCTION_LEAD + ")+", re.I)


def _lead_phrase(frame: str) -> re.Match | None:
    """The leading adverbial phrases of a sentence (:data:`_LEAD_PHRASE`).

    >>> _lead_phrase("In July, Gingrich said").group(), _lead_phrase("But the plan failed").group()
    ('In July, ', 'But ')
    """
    if "," in frame or "—" in frame or "–" in frame or "--" in frame:
        return _LEAD_PHRASE.match(frame)
    return _LEAD_CONJUNCTIONS.match(frame)
