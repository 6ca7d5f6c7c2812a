"""Anaphors: a role to the person the article names with it ("the prime minister" -> "Prime
Minister Jo Park", "Jo Reyes, the Acme chairman"), a definite role never introduced to the person
last named ("Jo Reyes spoke. The minister said …"), an epithet ("the 36-year-old") to the person
just named, and whether a role phrase names one person at all.

>>> t = 'Prime Minister Jo Reyes spoke. Later the prime minister left. "No," he said.'
>>> role_person(t, NameIndex(t), "the prime minister", 60)
'Jo Reyes'
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice

from claimtrack.stages.extract.quotes.coref import find_word, NameIndex, _NAME_WORD, _SENTENCE_OPEN
from claimtrack.stages.extract.quotes.found import Found, _is_org
from claimtrack.stages.extract.quotes.groups import _INSTITUTION_HEADS, _SAID_NEXT
from claimtrack.stages.extract.quotes.lexicon import _FEMALE_TITLES, gender_of, _MALE_TITLES, OFFICES, person_named, RECORD_NOUNS, TITLES
from claimtrack.stages.extract.quotes.names import clean_name
from claimtrack.stages.extract.quotes.phrases import RolePhrase
from claimtrack.stages.extract.quotes.source import _PERSON_SUFFIX, _role_head
from claimtrack.stages.extract.quotes.subjects import _QUOTE_OPENERS, _sentence_sources, _subject_mentions


#: heads of a role phrase for one person that carry no person suffix ("the aide", "a diplomat")
_PERSON_HEADS = frozenset("""aide diplomat envoy expert source insider veteran delegate witness
colleague friend official spokesperson boss chief head son daughter wife husband mother father
brother sister man woman boy girl child person""".split())


#: texts whose head ends like a person's ("a letter", "the editorial")
_TEXT_HEADS = frozenset("""letter paper newspaper order poster flyer register chapter editorial
journal manual portal proposal tutorial trial verdict counter""".split())



_MASCULINE = frozenset("""son father husband brother boy grandfather uncle nephew widower""".split())


_FEMININE = frozenset("""actress waitress hostess duchess countess princess empress heiress stewardess
headmistress mistress mother daughter wife sister girl grandmother aunt niece widow""".split())



def _person_before(text: str, index: NameIndex, f: Found) -> str | None:
    """The person named as the subject (or a cue's speaker) of the latest sentence before the
    one holding ``f``, in its paragraph or the one before: whom "the 36-year-old" stands for.

    >>> t = 'Ann Dale, who plays in Qatar, says so. "We are stronger," the 36-year-old said.'
    >>> _person_before(t, NameIndex(t), Found(40, 55, "", para_start=0, sent_start=39))
    'Ann Dale'
    """
    for s, m in _subject_mentions(text, f.para_start, f.start):
        if s >= f.sent_start or m.kind != "name" or not m.name or text[s:s + 1] in _QUOTE_OPENERS:
            continue  # (not a word that opens a quotation: '"Bring it on," said …')
        full = index.fullest(m.name, m.female)
        if person_named(full) and not _is_org(full) and (gender_of(full) is not None or index.reads_as_name(full)):
            return full
    return None


_THE_AGE = re.compile(r"(?i)the\s+\d{1,3}-year-old$")


_AGE_HEAD = re.compile(r"\d{1,3}-year-old$")


_STRICT_SUFFIX = re.compile(r"(?:man|woman|person|ist|ian)$")


def _person_role(role: str, strict: bool = False) -> tuple[bool, bool | None]:
    """Whether a role phrase names one person (whom a later "he" or "she" can mean) and, when
    its head tells, the gender: "the aide", "a spokeswoman for the firm"; not "the report",
    "officials" or "the company".

    >>> _person_role("the aide"), _person_role("a spokeswoman for Acme"), _person_role("the report")
    ((True, None), (True, True), (False, None))
    >>> _person_role("analysts"), _person_role("the company"), _person_role("the early goal", strict=True)
    ((False, None), (False, None), (False, None))
    >>> _person_role("the 36-year-old", strict=True)
    (True, None)
    """
    head = _role_head(role)
    if head in RECORD_NOUNS or head in _INSTITUTION_HEADS or head in _TEXT_HEADS:
        return False, None
    if _AGE_HEAD.match(head):
        return True, None  # "the 36-year-old"
    # (a subject that spoke no quote, ``strict``, needs a head that only people have: "the
    # bishop", not "his career" or "the early goal")
    suffix = _STRICT_SUFFIX if strict else _PERSON_SUFFIX
    person = head in TITLES or head in OFFICES or head in _PERSON_HEADS or (
        len(head) > 3 and not head.endswith("s") and suffix.search(head) is not None)
    if not person:
        return False, None
    female = True if head in _FEMALE_TITLES or head.endswith("woman") or head in _FEMININE else \
        False if head in _MALE_TITLES or head.endswith("man") or head in _MASCULINE else None
    return True, female



_NAME_AFTER = r"((?:(?:Mr|Mrs|Ms|Dr|Sir|Dame)\.?\s+)?" + _NAME_WORD + r"(?:\s+" + _NAME_WORD + r"){0,3})"


_ROLE_LEAD = re.compile(r"^(?:(?:the|a|an|his|her|their|its|our)\s+|\S+[’']s\s+)+", re.I)


def role_person(text: str, index: NameIndex, role: str, pos: int) -> str | None:
    """The person the article names with ``role`` before ``pos``: "Prime Minister Jo Reyes",
    "her son, filmmaker Al Reyes", "Jo Reyes, the prime minister"; the latest such, else None.

    >>> t = "Her son, actor Al Reyes, agreed. Later her son said no."
    >>> role_person(t, NameIndex(t), "Her son", 40), role_person(t, NameIndex(t), "the aide", 40)
    ('Al Reyes', None)
    >>> t = "Jo Reyes, the Acme chairman, spoke. The chairman left."
    >>> role_person(t, NameIndex(t), "The chairman", 40)
    'Jo Reyes'
    >>> t = "It was the visit by Jo Reyes, a Treasury spokesman said. The spokesman left."
    >>> role_person(t, NameIndex(t), "The spokesman", 70) is None
    True
    """
    phrase = _ROLE_LEAD.sub("", role.strip())
    words = phrase.split()
    if not words or len(words) > 5 or not _person_role(role)[0]:
        return None
    words = words[:next((i for i, w in enumerate(words) if i and w.lower() in _HEAD_PREPS), len(words))]
    where = RolePhrase(text, tuple(words), tuple(phrase.split()))
    best = None
    cands = []  # (where the match starts, the name words)
    for r_start, r_end in where.head_spans(max(0, pos - 5000), pos):
        if _other_office(text, r_start, words):
            continue  # "shadow chancellor Ian Pryce" is not "the chancellor"
        m = _NAME_NEXT.match(text, r_end)  # "Prime Minister Jo Reyes", "son, filmmaker Al Reyes"
        if m is not None and m.end() <= pos and not any(
                w.islower() and w not in TITLES and w != "the" for w in text[r_end:m.start(1)].split()):
            cands.append((r_start, m.group(1)))
        w_end = where.whole_end(r_start)
        m = _NAME_AFTER_WHOLE.match(text, w_end) if w_end >= 0 else None
        if m is not None and m.end() <= pos:  # "chief inspector of schools, Jo Reyes"
            cands.append((r_start, m.group(1)))
        # "Jo Reyes, the Acme chairman": between the name and the role only a determiner,
        # names, possessives and offices; and not a place ("… in Brunswick, a bank spokesman")
        # (not when a verb of saying follows the role: in "… the visit by Jo Reyes, a Treasury
        # spokesman said." the role is the subject of "said", the name the end of what it said)
        m = _NAME_BEFORE_ROLE.search(text, max(0, r_start - 120), r_start) if _SAID_NEXT.match(text, r_end) is None else None
        if m is not None and not _PLACE_PREP_END.search(text, max(0, m.start() - 12), m.start()) and \
                m.group(1).split()[0].lower() not in _OPENING_PREPS and not any(
                t[:1].islower() and t not in TITLES and t not in ("the", "a", "an")
                for t in text[m.end(1):r_start].split()):
            cands.append((m.start(), m.group(1)))
    for at, words_ in cands:
        name, _ = clean_name(words_.split())
        if name and person_named(name) and not _is_org(name) and (best is None or at > best[0]):
            best = (at, name)
    if best is None:
        for r_start, r_end in where.head_spans(pos, len(text)):
            m = _NAME_NEXT.match(text, r_end)
            if m is not None and not any(w.islower() and w not in TITLES for w in text[r_end:m.start(1)].split()):
                best = (r_start, clean_name(m.group(1).split())[0])  # named later: "… leader Jo Reyes"
            break
    if best is None or not best[1]:
        return _anaphor(text, index, role, words) if role.lower().startswith("the ") else None
    return index.fullest(best[1])


#: words before an office that make it another office ("shadow chancellor", "deputy leader",
#: "former president")
_OTHER_OFFICE = frozenset("shadow deputy vice former ex assistant junior acting interim".split())


def _other_office(text: str, at: int, words: list[str]) -> bool:
    """Whether the role words found at ``text[at]`` follow a word that makes them another office
    than the role's ("the chancellor" is not "shadow chancellor Ian Pryce").

    >>> _other_office("the shadow chancellor Ann Lee", 11, ["chancellor"]), _other_office("the chancellor", 4, ["chancellor"])
    (True, False)
    """
    before = text[max(0, at - 12):at].split()
    return bool(before) and before[-1].lower().rstrip("-") in _OTHER_OFFICE and \
        before[-1].lower().rstrip("-") not in (w.lower() for w in words)


#: a capitalised preposition that opens a sentence ("In Manila, an ADB spokesman"): a place follows
_OPENING_PREPS = frozenset("in at from on near outside inside across throughout".split())


_PLACE_PREP_END = re.compile(r"\b(?:in|at|of|from|to|for|by|with|near|and|or)\s+$", re.I)


_NAME_NEXT = re.compile(r"\s*,?\s+(?:(?i:the)\s+)?(?:[a-z]+\s+){0,2}?" + _NAME_AFTER + r"(?![\w’'])")
_NAME_AFTER_WHOLE = re.compile(r"(?:\s+(?i:of|for|at|to|with|in)\s+[^,.;:\"“”\n]{1,40}?)?,\s+" + _NAME_AFTER + r"(?![\w’'])")
_APPOSED_NAME = re.compile(r"(?:\s+[a-z]+){0,2}\s*,\s+" + _NAME_AFTER + r"\s*,")
_NAME_BEFORE_ROLE = re.compile(_NAME_AFTER + r",\s+(?:(?i:the|a|an)\s+)?(?:[\w’'\-]+\s+){0,3}?$")


@lru_cache(maxsize=1024)
def _introduced(head: str) -> re.Pattern:
    """Someone new with this head noun: "a spokesman", "one of his aides"."""
    return re.compile(r"\b(?i:an?|one|another|some)\s+(?:[\w’'\-]+\s+){0,4}?(?i:" + re.escape(head) + r")s?\b")


def _anaphor(text: str, index: NameIndex, role: str, words: list[str]) -> str | None:
    """A definite role never introduced as someone new ("a spokesman", "one aide") refers back
    to the person last named before its first mention: "Jo Reyes spoke. The minister said …".

    >>> t = "Jo Reyes has said so. The minister said more."
    >>> _anaphor(t, NameIndex(t), "The minister", ["minister"])
    'Jo Reyes'
    >>> t = "Jo Reyes has said so, one of his ministers said. The minister left."
    >>> _anaphor(t, NameIndex(t), "The minister", ["minister"]) is None
    True
    >>> t = "The plans leaked. Plans were drawn up by Jo Reyes. The minister said more."
    >>> _anaphor(t, NameIndex(t), "The minister", ["minister"]) is None
    True
    """
    first = find_word(text.lower(), role.lower())
    if first < 0 or _introduced(words[-1]).search(text, 0, first):
        return None  # introduced as someone new before: "one of his aides … the aide"
    # the named subject of a sentence just before it ("Jo Reyes believes … The minister said")
    para_start = text.rfind("\n", 0, first) + 1
    for end in (first, para_start):  # its paragraph, then the one before
        for at, m in islice(_sentence_sources(text, para_start, end), 3):
            if text[at:at + 1] in _QUOTE_OPENERS:
                continue  # a quotation's first word: '"Doping is a crime," the 30-year-old said'
            # (a name that reads as a person's, not the capitalised first word of a sentence:
            # "Plans were drawn up by Jo Reyes. The minister said …"; a one-word name with no
            # title or known first name is written capitalised inside a sentence somewhere)
            if m.kind == "name" and m.name and person_named(m.name) and not _is_org(m.name) and \
                    (m.female is not None or index.reads_as_name(m.name)):
                full = index.fullest(m.name, m.female)
                if " " in full or m.female is not None or gender_of(full) is not None or _mid_sentence(text, full):
                    return full
    return None


def _mid_sentence(text: str, word: str) -> bool:
    """Whether ``word`` is written somewhere inside a sentence, not only at the start of one
    (where every word is capitalised).

    >>> _mid_sentence("Plans fail. Plans grow.", "Plans"), _mid_sentence("Okoro left. Then Okoro spoke.", "Okoro")
    (False, True)
    """
    i = find_word(text, word)
    while i >= 0:
        k = i - 1
        while k >= 0 and text[k] in " \t":
            k -= 1
        if k >= 0 and text[k] not in _SENTENCE_OPEN:
            return True
        j = find_word(text[i + 1:], word)
        i = i + 1 + j if j >= 0 else -1
    return False


_HEAD_PREPS = frozenset("of for at on from with in to close about by".split())
