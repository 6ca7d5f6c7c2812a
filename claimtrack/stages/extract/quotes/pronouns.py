"""Pronouns: "he"/"she" to the most recent compatible person (a named speaker, a role for one
person, a named subject), "it"/"they" to the latest organisation or group, and a role a pronoun
stands for to the person the article names with it ("the prime minister" -> "Prime Minister Jo
Park").

>>> t = 'Prime Minister Jo Reyes spoke. Later the prime minister left. "No," he said.'
>>> role_person(t, NameIndex(t), "the prime minister", 60)
'Jo Reyes'
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice

from claimtrack.stages.extract.quotes.context import _speech_subject
from claimtrack.stages.extract.quotes.cuechain import cue_speaker_back, _reads_as_person
from claimtrack.stages.extract.quotes.coref import at_boundary, find_word, NameIndex, _NAME_WORD
from claimtrack.stages.extract.quotes.found import Found, _is_org
from claimtrack.stages.extract.quotes.lexicon import _FEMALE_TITLES, gender_of, is_country, _MALE_TITLES, OFFICES, party_epithet, person_named, RECORD_NOUNS, TITLES
from claimtrack.stages.extract.quotes.names import clean_name
from claimtrack.stages.extract.quotes.phrases import RolePhrase
from claimtrack.stages.extract.quotes.sentences import sentence_bounds
from claimtrack.stages.extract.quotes.source import _colon_subject, _PERSON_SUFFIX, _role_head, _subject


def _subjects_before(text: str, para_start: int, pos: int, floor: int = -1):
    """(position, name, female?) of the named subjects of the sentences of a paragraph before
    ``pos`` (including the start of the sentence that holds ``pos``) that start after
    ``floor``, latest first."""
    for s, m in _subject_mentions(text, para_start, pos, floor):
        if m.kind == "name" and m.name:
            yield s, m.name, m.female


_OWN_CLAUSE = re.compile(r"(?:[Hh]e|[Ss]he)\s+(?:\w+\s+){0,2}?\w+(?:\s+\w+)?\s*[:,]?")


def _subject_mentions(text: str, para_start: int, pos: int, floor: int = -1):
    """(position, mention) of the subjects of the sentences before ``pos`` in its paragraph
    (the paragraph before when the quote opens its own, or when only its own short clause comes
    before it: 'He said: "…"' opening a paragraph) that start after ``floor``, latest first.

    >>> t = 'Jo Reyes spoke. Then Ann Lee left. "No," he said.'
    >>> [(s, m.text) for s, m in _subject_mentions(t, 0, 35)], [s for s, _ in _subject_mentions(t, 0, 35, 16)]
    ([(16, 'Ann Lee'), (0, 'Jo Reyes')], [])
    """
    lead = text[para_start:pos].strip(" \t\"“”‘’'«»„`")
    if not lead or _OWN_CLAUSE.fullmatch(lead):
        k = para_start - 1
        while k >= 0 and text[k].isspace():
            k -= 1
        para_start = text.rfind("\n", 0, k + 1) + 1
    lo = max(para_start, pos - 800, floor)
    for s, e in reversed(sentence_bounds(text, lo, pos, [])):
        if s <= floor:
            return  # (its subject is not read: the caller has someone at or after it)
        # its subject, then the speaker of its cue when another ("Such sums hurt start-ups,
        # said Mr Walsh.", "While Bangkok grows, Mr Prater predicts …")
        m = _subject(text[s:e])
        if m is not None:
            yield s, m
        if m is not None and m.kind == "name" and (m.female is not None or gender_of(m.name or "") is not None):
            continue  # (a subject whose sex is known answers for its sentence)
        said = _speech_subject(text[s:e])
        if said is not None and said.kind in ("name", "role") and (m is None or said.text != m.text) and (
                said.kind == "role" or said.female is not None or gender_of(said.name or "") is not None):
            yield s, said  # (a name only with a title or a first name that tells: "Mr Walsh")


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


def _sentence_sources(text: str, para_start: int, pos: int):
    """(position, mention) for each sentence before ``pos`` (its paragraph, or the one before
    when the quote opens its own), latest first: the speaker of its cue, else its subject."""
    if not text[para_start:pos].strip(" \t\"“”‘’'«»„`"):
        k = para_start - 1
        while k >= 0 and text[k].isspace():
            k -= 1
        para_start = text.rfind("\n", 0, k + 1) + 1
    for s, e in reversed(sentence_bounds(text, max(para_start, pos - 800), pos, [])):
        m = _colon_subject(text[s:e])
        if m is not None:
            yield s, m


_ACRONYM_END = re.compile(r"(?:^|\s)[A-Z]{2,6}$")  # "The OECD", "Acme PLC" (not "Jo Reyes")


_SAID_NEXT = re.compile(r"\s+(?:\w+\s+)?(?:said|says|told|tells|added|announced|reported|stated|warned)\b")


#: a verb only people use next to a subject ("Souness said", not "the film tells")
_SAYS_NEXT = re.compile(r"\s+(?:\w+\s+)?(?:said|says|added|adds|insisted|insists|admitted|admits|argued|argues|explained|explains)\b")


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


_OBJECT_CASE = {"him": "he", "her": "she", "them": "they"}


#: heads of a role phrase for one person that carry no person suffix ("the aide", "a diplomat")
_PERSON_HEADS = frozenset("""aide diplomat envoy expert source insider veteran delegate witness
colleague friend official spokesperson boss chief head son daughter wife husband mother father
brother sister man woman boy girl child person""".split())


#: texts whose head ends like a person's ("a letter", "the editorial")
_TEXT_HEADS = frozenset("""letter paper newspaper order poster flyer register chapter editorial
journal manual portal proposal tutorial trial verdict counter""".split())


_ROLE_DETS = frozenset("the a an one another".split())


_MASCULINE = frozenset("""son father husband brother boy grandfather uncle nephew widower""".split())


_FEMININE = frozenset("""actress waitress hostess duchess countess princess empress heiress stewardess
headmistress mistress mother daughter wife sister girl grandmother aunt niece widow""".split())


#: marks that open a quotation: its first word is no subject of the narration
_QUOTE_OPENERS = "\"“‘'"


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


_TITLED = re.compile(r"\b(?:(Mr|Mrs|Ms|Miss|Dr|Sir|Dame)\.?\s+)(" + _NAME_WORD + r")")


def _person_named_since(text: str, index: "NameIndex", lo: int, hi: int, female: bool) -> bool:
    """Whether ``text[lo:hi]`` names a person who may be "he" (``female`` False) or "she": a
    full name, or a surname after an honorific.

    >>> t = "A spokesman said no. Ms Lee wrote on her blog."
    >>> _person_named_since(t, NameIndex(t), 0, len(t), True), _person_named_since(t, NameIndex(t), 0, len(t), False)
    (True, False)
    """
    for m in _TITLED.finditer(text, lo, hi):
        g = None if m.group(1) in ("Dr",) else m.group(1) not in ("Mr", "Sir")
        if g is None or g == female:
            return True
    for name in index.names_before(hi, hi - lo):
        g = gender_of(name)
        if person_named(name) and not _is_org(name) and (g == female or g is None and len(name.split()) <= 3):
            return True
    return False


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
        m = _NAME_BEFORE_ROLE.search(text, max(0, r_start - 120), r_start)
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
            if m.kind == "name" and m.name and person_named(m.name) and not _is_org(m.name):
                return index.fullest(m.name, m.female)
    return None


_HEAD_PREPS = frozenset("of for at on from with in to close about by".split())


def _resolve_names(text: str, found: list[Found], index: NameIndex) -> None:
    """Short names to the fullest name in the article; "he"/"she" to the most recent compatible
    person: a named speaker (up to 3 paragraphs back) or the named subject of an earlier
    sentence of the same paragraph, else any name before it."""
    speakers: list[tuple[int, int, str, bool | None]] = []  # (position, para, name, female)
    groups: list[tuple[int, str, bool]] = []  # (para, speaker, plural?) of groups, roles, organisations
    persons: set[str] = set()  # roles for one person among the speakers ("the aide")
    epithets: dict[str, str] = {}  # "the 36-year-old", "the Texas Democrat" -> the person
    for f in found:
        if f.kind == "name" and f.speaker and not party_epithet(f.speaker):
            f.speaker = index.fullest(f.speaker, f.female, f.start)
            if " " not in f.speaker and f.mention and re.match(r"(?:Sir|Dame)\s", f.mention):
                f.speaker = index.fullest(index.by_first_name(f.speaker), f.female)
            fem = f.female if f.female is not None else gender_of(f.speaker)
            if fem is not None or index.reads_as_name(f.speaker):
                speakers.append((f.start, f.para, f.speaker, fem))
            if _is_org(f.speaker) or _ACRONYM_END.search(f.speaker):  # "The OECD": an "it"
                groups.append((f.para, f.speaker, f.speaker.endswith("s") and not f.speaker.isupper()))
        elif f.speaker and (f.kind == "role" and _THE_AGE.match(f.speaker) or f.kind in ("role", "name") and party_epithet(
                f.speaker)) and (named := epithets.get(f.speaker) or _person_before(text, index, f)) is not None:
            epithets[f.speaker] = named  # (its continuations carry the epithet, not the name)
            # "the 36-year-old said", "the Texas Democrat told": an age or a party and state
            # never introduces anyone, it stands for the person
            # just named (by the fullest name a speaker had: "Desailly" -> "Marcel Desailly")
            if " " not in named:
                named = next((sp[2] for sp in reversed(speakers) if sp[2].split()[-1] == named), named)
            f.speaker, f.kind = named, "name"
            speakers.append((f.start, f.para, named, f.female if f.female is not None else gender_of(named)))
        elif f.kind in ("group", "role") and f.speaker:
            groups.append((f.para, f.speaker, f.kind == "group" or f.speaker.split()[-1].endswith("s")))
            if f.kind == "role":
                one, fem = _person_role(f.speaker, strict=f.cue is None)  # (a subject with no cue: strict)
                if one:  # "the aide said … "…," he said": the aide
                    speakers.append((f.start, f.para, f.speaker, fem))
                    persons.add(f.speaker)
        elif f.kind == "pronoun" and f.mention:
            low = _OBJECT_CASE.get(f.mention.lower(), f.mention.lower())
            if low in ("they", "it"):
                # "they" and "it": the latest group, role or organisation that spoke, else the
                # latest such subject of the sentences before
                want_plural = low == "they"
                f.speaker = next((sp for para, sp, plural in reversed(groups)
                                  if f.para - para <= 3 and (plural == want_plural or _is_org(sp))), None)
                if f.speaker is None:
                    f.speaker = _group_subject(text, f, want_plural)
                    if f.speaker is not None:
                        groups.append((f.para, f.speaker, want_plural))
                continue
            if low not in ("he", "she"):
                continue
            want = low == "she"
            best: tuple[int, str] | None = None
            for pos, para, name, fem in reversed(speakers):
                if (fem is None or fem == want) and (name in persons or not _is_org(name) and person_named(name)) \
                        and f.para - para <= 3:
                    best = (pos, name)
                    break
            role_pick = None
            if best is not None and best[1] in persons and _person_named_since(text, index, best[0], f.start, want):
                # "A spokesman said … Ms Lee wrote on her blog. She said: "…"": a person named
                # since the role spoke is nearer
                role_pick, best = best[1], None
            floor = best[0] if best else -1
            unknown = None  # the latest named subject of unknown gender: "Smith was defiant."
            for pos, m in _subject_mentions(text, f.para_start, f.start, floor):
                if m.kind == "role" and unknown is None:
                    at = text.find(m.text, pos)
                    # (a role that a verb of saying follows speaks: "Another trader said he …"
                    # needs no head that only people have)
                    said = at >= 0 and _SAID_NEXT.match(text, at + len(m.text)) is not None
                    one, g = _person_role(m.text, strict=not said)
                    if one and (g is None or g == want) and m.text.split()[0].lower() in _ROLE_DETS:
                        app = _APPOSED_NAME.match(text, at + len(m.text)) if at >= 0 else None
                        named = clean_name(app.group(1).split())[0] if app is not None else None
                        if named and person_named(named) and not _is_org(named):
                            best = (pos, index.fullest(named))  # "The firm's chief executive officer, Jo Reyes,"
                            break
                        best = (pos, m.text)  # "The bishop spoke of peace. "…," he said."
                        persons.add(m.text)
                        break
                if m.kind != "name" or not m.name:
                    continue
                name, fem = m.name, m.female
                full = index.fullest(name, fem)
                g = fem if fem is not None else gender_of(full)
                if not person_named(full):
                    continue  # "Whatever their history, …", "The Holy Land …": no person
                if unknown is None and g is None and not _is_org(full) and index.reads_as_name(full):
                    unknown = full
                # a subject counts when it reads as a person: a known gender, a speaker, or
                # a verb of saying next ("But Souness said he …")
                if g is None and " " not in full:
                    # "Desailly" for the speaker "Marcel Desailly" met before
                    full = next((sp[2] for sp in reversed(speakers) if full in sp[2].split()), None) or \
                        next((n for n in reversed(index.names_before(f.start)) if full in n.split()), full)
                if (g == want or (g is None and (any(full == sp[2] for sp in speakers) or (
                        (at := text.find(m.text, pos)) >= 0 and _SAYS_NEXT.match(text, at + len(m.text)))))) \
                        and not _is_org(full):
                    best = (pos, full)
                    break
            pick = best[1] if best else None
            if pick is None:
                # "…, Energy Minister Ali Tan said. / He met Ray Oduya. / "…," he said.": the one
                # a chain of "he said" sentences goes back to, before any name met in passing
                m = cue_speaker_back(text, f.start, want)
                if m is not None:
                    pick = index.fullest(m.name, m.female) if m.kind == "name" else m.text
                    if m.kind == "name" and " " not in pick:  # "Rha" for "Rha Woong Bae"
                        pick = next((n for n in reversed(index.names_before(f.start)) if pick in n.split()), pick)
                    if m.kind == "role":
                        persons.add(pick)
            if pick is None:
                for name in reversed(index.names_before(f.start)):
                    g = gender_of(name)
                    if g == want or (g is None and 2 <= len(name.split()) <= 3 and not _is_org(name)
                                     and person_named(name) and _reads_as_person(text, name)):
                        pick = index.fullest(name)
                        break
            if pick is None:
                pick = unknown or role_pick
            if pick is None:
                for pos, para, name, fem in reversed(speakers):
                    if (fem is None or fem == want) and (name in persons or not _is_org(name) and person_named(name)):
                        pick = name
                        break
            if pick is not None and pick in persons:
                named = role_person(text, index, pick, f.start)  # "the cardinal" -> his name
                # (of a gender that fits, by the name or by a pronoun it was already resolved for)
                if named is not None and gender_of(named) in (None, want) and \
                        not any(sp[2] == named and sp[3] == (not want) for sp in speakers):
                    pick = named
            f.speaker = pick
            if pick is not None:
                speakers.append((f.start, f.para, pick, want))
