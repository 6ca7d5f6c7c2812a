"""Groups: the organisation or body an "it" stands for, the people or bodies a "they" stands for
("Acme Airlines said it would cut routes. "…," it said.").

>>> t = 'The airline had no comment. "We will respond in due course," it added.'
>>> _group_subject(t, Found(29, 59, "", para_start=0), plural=False)
'The airline'
"""
from __future__ import annotations

import re
from itertools import islice

from claimtrack.stages.extract.quotes.found import Found, _is_org
from claimtrack.stages.extract.quotes.lexicon import gender_of, is_country
from claimtrack.stages.extract.quotes.source import _role_head
from claimtrack.stages.extract.quotes.subjects import _sentence_sources


#: heads of a role phrase that an "it" can stand for: institutions, firms, bodies, texts
_INSTITUTION_HEADS = frozenset("""airline carrier firm company bank lender insurer retailer
maker manufacturer producer operator regulator watchdog charity club school university hospital
court government ministry department agency council union party board committee commission
body organisation organization institute group business brand network channel broadcaster
newspaper paper magazine publisher studio label bloc alliance coalition army police service
authority administration office team league federation association fund trust exchange
report study survey statement chamber confederation society foundation centre center bureau
institution""".split())
#: heads of a plural role phrase that "they" can stand for: people and bodies
_PEOPLE_HEADS = re.compile(r"(?:men|women|people|ers|ors|ists|ians|ants|ents|ees|ives|children|officials|"
                           r"sources|aides|staff|police|unions|parties|groups|firms|companies|banks|"
                           r"authorities|ministers|mps|critics|residents|families|parents|campaigners)$")



_ACRONYM_END = re.compile(r"(?:^|\s)[A-Z]{2,6}$")  # "The OECD", "Acme PLC" (not "Jo Reyes")


_SAID_NEXT = re.compile(r"\s+(?:\w+\s+)?(?:said|says|told|tells|added|announced|reported|stated|warned)\b")


def _said_next(text: str, name: str, lo: int, hi: int) -> bool:
    """Whether ``text[lo:hi]`` has ``name`` followed by a verb of saying ("Acme said"), as
    ``re.search(re.escape(name) + _SAID_NEXT)`` would find without a pattern compiled per name.

    >>> _said_next("Acme said so.", "Acme", 0, 13), _said_next("Acme said so.", "Acme", 0, 7)
    (True, False)
    """
    i = text.find(name, lo, hi)
    while i >= 0:
        if _SAID_NEXT.match(text, i + len(name), hi):
            return True
        i = text.find(name, i + 1, hi)
    return False


def _group_subject(text: str, f: Found, plural: bool) -> str | None:
    """The organisation or group a quote's "it" / "they" stands for: the source or subject of
    the latest sentence before the quote, when that is one ("Acme Airlines said it would cut
    routes. "…," it said."); None when it is a person or a thing that does not speak.

    >>> t = 'The airline had no comment. "We will respond in due course," it added.'
    >>> _group_subject(t, Found(29, 59, "", para_start=0), plural=False)
    'The airline'
    >>> t = 'Delays were common. "It was chaos," they said.'
    >>> _group_subject(t, Found(21, 35, "", para_start=0), plural=True) is None
    True
    """
    for at, m in islice(_sentence_sources(text, f.para_start, f.start), 2):
        if m.kind == "pronoun":
            continue
        if m.kind == "name" and m.name:
            if gender_of(m.name) is not None or m.female is not None:
                return None  # a person spoke last: "it" is not them
            head = _role_head(m.name)  # "Reserve Bank of Westland" -> bank
            org = _is_org(m.name) or m.name.isupper() or bool(_ACRONYM_END.search(m.name)) or head in _INSTITUTION_HEADS or \
                head.rstrip("s") in _INSTITUTION_HEADS  # "Acme Airlines"
            if org or (not plural and is_country(m.name)) or (plural and _PEOPLE_HEADS.search(head)):
                return m.name
            if not plural and " " not in m.name and m.name == m.text and \
                    _said_next(text, m.name, at, f.start):
                return m.name  # "Acme said it would cut jobs. "…," it said.": "it" tells a body
            return None
        if m.kind in ("role", "group"):
            head = _role_head(m.text)
            if plural and _PEOPLE_HEADS.search(head):
                return m.text
            if not plural and head in _INSTITUTION_HEADS:
                return m.text
            return None
    return None
