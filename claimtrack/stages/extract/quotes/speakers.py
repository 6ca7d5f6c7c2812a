"""Speaker mentions BEFORE a cue: names with titles and appositives, pronouns, role nouns.

Each finder looks at plain text on one side of a cue and returns a :class:`Mention` or None
(the speaker after a cue, and a sentence's subject, are read by
:mod:`~claimtrack.stages.extract.quotes.after`).

>>> speaker_before("Turkish President Recep Tayyip Erdogan").name
'Recep Tayyip Erdogan'
>>> speaker_before("“We will win,” Hugh Hill, a doctor,").name
'Hugh Hill'
"""
from __future__ import annotations

import re
from functools import lru_cache

from claimtrack.stages.extract.quotes.after import _AGE, speaker_after
from claimtrack.stages.extract.quotes.cues import _trie_regex
from claimtrack.stages.extract.quotes.lexicon import _DETERMINERS, _NOT_ROLE_END, _PARTICIPLES, _PERSON_TITLES, PRONOUNS, RECORD_NOUNS, _STATES, TITLES, is_country, is_place, OFFICES, person_named, US_STATES
from claimtrack.stages.extract.quotes.heads import _named_before_role, _person_before_pps, _person_comma_role, _PREPS
from claimtrack.stages.extract.quotes.names import clean_name, Mention, _name_run_back, _PAREN_TAIL, _person_like, _possessive, _strip_adverbs, _tokens
from claimtrack.stages.extract.quotes.roles import _bare_plural_back, _PLURAL_ROLES, _reduced_tail, _role_back, _ROLE_PREPS

_OF = frozenset("of at from for with".split())


_CORP_SUFFIX = re.compile(r"(?:,\s*|(?<=\))\s*)(?:Inc|Ltd|Plc|PLC|Corp|Co|LLC|Incorporated|Limited)\.?$")
_CORP_ENDS = ("Inc", "Inc.", "Ltd", "Ltd.", "Plc", "PLC", "Corp", "Corp.", "Co", "Co.", "LLC", "Incorporated", "Limited")


_ROLE_OPENERS = TITLES | {"head", "vice", "senior", "managing", "general", "official", "partner"}


_ROLE_INNER = frozenset("of for at and in".split())


def _person_before_role(toks: list[str]) -> Mention | None:
    """A person's name then an office in lower case with no commas, as wire copy writes it:
    "Dr Ann Lee head of exploration" -> Ann Lee (the name must read as a person's).

    >>> _person_before_role("Dr Ann Lee head of exploration".split()).name
    'Ann Lee'
    >>> _person_before_role("Acme Oil head office".split()) is None
    True
    >>> _person_before_role("another Ray spokesman".split()), _person_before_role("Ann Ray aide".split())
    (None, None)
    """
    k = len(toks)
    while k > 0 and len(toks) - k < 6 and toks[k - 1].isalpha() and toks[k - 1][:1].islower() and \
            (toks[k - 1].lower() not in _NOT_ROLE_END or toks[k - 1].lower() in _ROLE_INNER):
        k -= 1
    if k == len(toks) or k == 0 or toks[k].lower() not in _ROLE_OPENERS or \
            toks[-1].lower() in _ROLE_INNER or toks[-1].lower() in ("office", "offices"):
        return None
    run = _name_run_back(toks[:k])
    if not run or not _person_like(run):
        return None
    # a first and last name, not after a determiner ("another Ryan spokesperson"), and an
    # office of two words or more unless a personal title tells ("Acme Hardie chairwoman")
    titled = any(t.lower().rstrip(".") in _PERSON_TITLES for t in run)
    if sum(t[:1].isupper() and t.lower().rstrip(".") not in TITLES for t in run) < 2 or \
            (k > len(run) and toks[k - len(run) - 1].lower() in _DETERMINERS) or \
            (len(toks) - k < 2 and not titled):
        return None
    name, female = clean_name(run)
    if not name:
        return None
    return Mention(" ".join(toks[k - len(run):]), name, "name", female)


def _name_mention(toks: list[str], run: list[str]) -> Mention | None:
    """A Mention for the name run ending ``toks``; "Mr. Morgan of the Sierra Club" keeps the
    person, "Bank of America" the whole organisation."""
    k = len(toks) - len(run)
    j = k
    if j > 0 and toks[j - 1].lower() in ("the",):
        j -= 1
    if j > 0 and toks[j - 1].lower() in _OF:
        head = _name_run_back(toks[:j - 1])
        if head and not any(t[:1].isupper() for t in head):
            # "founder of Acme Media": an office in lower case, a role (not a name)
            return Mention(" ".join(head + toks[j - 1:]), None, "role")
        if head and toks[j - 1].lower() == "of" and not _person_like(head):
            run = head + toks[j - 1:k] + run  # an organisation: "Bank of America"
            text = " ".join(run)
            return Mention(text, text, "name", None)
        if head and _person_like(head):
            run = head
        elif not head:
            # "Dr Ann Lee head of exploration at Acme": wire copy with no commas
            person = _person_before_role(toks[:j - 1])
            if person is not None:
                return person
    name, female = clean_name(run)
    if not name:
        # "the Prime Minister", "The President": an office with no name is a role
        if run and run[0].lower() != "the" and k > 0 and toks[k - 1].lower() == "the":
            run = toks[k - 1:]
        if len(run) > 1 and run[0].lower() == "the" and all(t.lower().rstrip(".") in TITLES for t in run[1:]):
            return Mention(" ".join(run), None, "role", female)
        if run and run[-1].lower().rstrip(".") in OFFICES:
            return Mention(" ".join(run), None, "role", female)  # "Aviation Minister said"
        return None
    return Mention(" ".join(run), name, "name", female)


_RELATIVE_START = re.compile(r"\s*(?:which|who|whose|whom|that|where)\b")


def _is_place_name(name: str | None) -> bool:
    """A state or a country, as an appositive after a town names it: "Greenbelt, Maryland,".

    >>> _is_place_name("Maryland"), _is_place_name("Md."), _is_place_name("Kenya"), _is_place_name("Jo Reyes")
    (True, True, True, False)
    """
    low = (name or "").lower()
    return low.rstrip(".") in _STATES or low in US_STATES or is_country(name)


def _appositive(left: str) -> Mention | None:
    """The speaker of "Hugh Hill, a doctor," / "Donna Reed, 59, of Ashton, Md., who …," /
    "His partner, Lawrence B. Cummings," (``left`` ends with the comma before the cue)."""
    body = left[:-1]
    role = None
    for _ in range(6):
        c = body.rfind(",")
        if c < 0:
            break
        head, inside = body[:c], body[c + 1:]
        if any(q in inside for q in "\"“”\x01"):
            break
        m = speaker_before(head)
        if m is not None and m.kind == "name" and _RELATIVE_START.match(head, head.rfind(",") + 1) and \
                m.text in head[head.rfind(",") + 1:]:
            # "Mr Wilson, who played with the band Blue Harbour, as well as …, said": a name inside
            # a relative clause is not its antecedent; read on back to the one before "who"
            m = None
        if (m is None or m.kind == "name" and m.name and m.name.split()[-1] in TITLES) and role is None:
            # "Acme Steel chairwoman, Ann Lee,": an organisation's office, then the name
            htoks = _tokens(head)
            if htoks and htoks[-1].islower() and htoks[-1] in TITLES:
                itoks = _tokens(inside)
                run = _name_run_back(itoks)
                if len(run) >= 2 and len(run) == len(itoks):
                    name, female = clean_name(run)
                    if name:
                        return Mention(head.strip() + left[c:-1], name, "name", female)
        if m is not None:
            before = _tokens(head[:len(head) - len(m.text)] if head.endswith(m.text) else "")
            while before and before[-1].lower() in ("the", "a", "an"):
                before.pop()
            after_prep = bool(before) and before[-1].lower() in _PREPS
            # "… in Greenbelt, Maryland, and …": a state or country after a town is a place
            place = _is_place_name(m.name) and bool(re.search(r"[A-Z][\w.]*,\s*$", head[:len(head) - len(m.text)]))
            if m.kind == "name" and not after_prep and not place:
                return Mention(m.text + left[c:-1], m.name, m.kind, m.female)
            if m.kind == "name" and after_prep and role is None:
                # "the festival's director in Leeds, Ann Lee,": a role ending in a place or an
                # organisation, then the person's name
                prefix = head[:len(head) - len(m.text)] if head.endswith(m.text) else ""
                prefix = prefix.rstrip()
                prefix = prefix[:len(prefix) - len(before[-1])] if prefix.endswith(before[-1]) else ""
                pm = speaker_before(prefix) if prefix.strip() else None
                if pm is not None and pm.kind == "role":
                    m = Mention(head[head.rfind(pm.text):] if pm.text in head else m.text, None, "role")
            if m.kind == "pronoun":
                return Mention(m.text + left[c:-1], None, "pronoun", m.female)
            if m.kind == "role" and role is None:
                # "Ann Lee, the leader of the Miners Union, MU,": the role is itself an
                # appositive to a person, and what follows it restates the body (or the person)
                named = _named_before_role(head, m.text)
                if named is not None:
                    return Mention(named.text + left[c:-1], named.name, "name", named.female)
                # "His former partner, Lawrence B. Cummings,": the name is the appositive
                # (also after "the": "The Bishop of Leeds, the Rt Rev Dr Tom Wright,")
                itoks = _tokens(inside)
                if len(itoks) > 2 and itoks[0].lower() == "the" and itoks[1][:1].isupper():
                    itoks = itoks[1:]
                run = _name_run_back(itoks)
                if run and len(run) == len(itoks):
                    name, female = clean_name(run)
                    if name and not (_is_place_name(name) and re.search(r"[A-Z][\w.]*$", m.text)):
                        return Mention(m.text + left[c:-1], name, "name", female)
                # "A spokesman for the firm, which makes soap,": the role, not the clause
                rel = _RELATIVE_START.match(inside)
                role = Mention(m.text + (left[c:-1] if rel is None else ""), None, "role")
        body = head
    return role


def speaker_before(left: str) -> Mention | None:
    """The speaker at the end of ``left`` (the text just before a cue).

    >>> speaker_before("In turn, Putin").name
    'Putin'
    >>> speaker_before("she").kind
    'pronoun'
    >>> speaker_before("Mr. Morgan of the Sierra Club").name
    'Morgan'
    """
    return _speaker_before(left[-300:])


@lru_cache(maxsize=8192)
def _speaker_before(left: str) -> Mention | None:
    """:func:`speaker_before` of the last 300 characters (all it reads), memoised: a quote's
    attributions try the same text before several cues (the returned mentions are never changed)."""
    left = _strip_adverbs(left)
    left = _PAREN_TAIL.sub("", left).rstrip()
    if left.endswith(_CORP_ENDS):
        # "Acme Research, Inc said", "Hale Securities (F.E.) Ltd said": a company's legal
        # suffix set off by a comma or after a bracket belongs to the name before it
        left = _PAREN_TAIL.sub("", _CORP_SUFFIX.sub("", left)).rstrip()
    if not left:
        return None
    if left.endswith(","):
        return _appositive(left)
    toks = _tokens(left[-160:])
    if "," in toks[-10:]:
        # "Ann Lee, corporate treasurer at Acme Plc told": no comma closes the role
        pc = _person_comma_role(toks)
        if pc is not None:
            at = left.rfind(pc.text)
            return Mention(left[at:] if at >= 0 else pc.text, pc.name, "name", pc.female)
    if _PARTICIPLE_NEAR_END.search(left, max(0, len(left) - 90)):
        reduced = _reduced_before(toks)
        if reduced is not None:
            return reduced
    if not toks:
        return None
    last = toks[-1]
    low = last.lower()
    if len(toks) > 1 and toks[-2].lower() in ("the", "a") and _AGE.match(last.rstrip(".")):
        return Mention(toks[-2] + " " + last.rstrip("."), None, "role")  # '"…," the 36-year-old said'

    if low in PRONOUNS:
        if low in ("who", "which"):
            # "Smith, who ..., said": the antecedent comes before the relative pronoun
            head = left[: len(left) - len(last)].rstrip().rstrip(",").rstrip()
            m = speaker_before(head)
            if m is not None:
                return m
            return Mention(last, None, "pronoun")
        fem = True if low == "she" else False if low == "he" else None
        return Mention(last, None, "pronoun", fem)
    if _possessive(low):
        return None  # a possessive: the cue word is a noun ("Clinton's remark")
    if last[:1].isupper():
        run = _name_run_back(toks)
        if run:
            k = len(toks) - len(run)
            # "Sens. Ann Moyle, Rick Dace and Lou Penn": every name of a list
            # (not one person's offices: "Acme president and chief executive Jo Ray")
            if k > 1 and toks[k - 1].lower() == "and" and not (
                    toks[k - 2].islower() and toks[k - 2] in TITLES):
                j, names = k - 1, [run]
                while j > 0:
                    prev = _name_run_back(toks[:j])
                    if not prev:
                        break
                    names.insert(0, prev)
                    j -= len(prev)
                    if j > 0 and toks[j - 1] == ",":
                        j -= 1
                        continue
                    break
                # (not a list: "Trade and Industry Secretary Ann Lee", an office whose name
                # holds the "and"; "training in Spain and Ferguson said", a list that opens
                # after a preposition, whose "and" joins two clauses or which a role governs)
                if any(t.lower().rstrip(".") in TITLES for t in run[1:]):
                    names = [run]
                elif len(names) > 1 and j > 0 and toks[j - 1].lower() in _PREPS:
                    head = _role_back(toks[:j - 1]) if j > 1 else None
                    if head is None and j > 1 and toks[j - 2].lower() in _PLURAL_ROLES:
                        head = _bare_plural_back(toks[:j - 1]) or [toks[j - 2]]
                    if head:
                        return Mention(" ".join(head + toks[j - 1:]), None, "role")
                    if toks[j - 1].lower() in ("in", "to", "at", "from") and is_place(" ".join(names[0])):
                        names = [run]
                if len(names) > 1:
                    cleaned = [clean_name(n)[0] for n in names]
                    if all(cleaned):
                        text = ", ".join(" ".join(n) for n in names[:-1]) + " and " + " ".join(run)
                        return Mention(text, ", ".join(cleaned[:-1]) + " and " + cleaned[-1], "group")
            # "Secretary of State Ada Quinn said": an office "X of Y" run into a person's name
            office = _office_of_before(toks, k)
            if office is not None:
                return office
            # "Officials at Homeland Security", "the finance ministers of the G20": the head
            j = k
            if j > 0 and toks[j - 1].lower() in ("the", "a", "an"):
                j -= 1
            # (and "authorities in China", "the ambassador to Britain": a place after "in" or
            # "to" is where the speaker is or is sent; "a dealer with a London bank", "a
            # councillor in Leeds", "an aide to Ann Lee": after a role noun in lower case the
            # phrase says where or whom the role serves, and the role is the speaker)
            prep = toks[j - 1].lower() if j > 1 else ""
            if j > 1 and toks[j - 2][:1].isalpha() and (prep in ("of", "at", "for") or (
                    prep in ("in", "to", "with") and (is_place(" ".join(run)) or toks[j - 2][:1].islower()))):
                head = toks[:j - 1]
                role = _role_back(head)
                if role is None and head and head[-1].lower() in _PLURAL_ROLES:
                    role = _bare_plural_back(head) or [head[-1]]
                if role:
                    # "a spokesman for the Department of Transport": the role before the body
                    return Mention(" ".join(_role_before_prep(toks[:j - 1], j - 1 - len(role)) + toks[j - 1:]), None, "role")

            if prep == "in" and j > 3 and toks[j - 2][:1].isupper() and "," not in toks[:j - 1] and \
                    toks[j - 2].lower() not in TITLES:
                # "a dealer at Hanse Bank in Frankfurt": the role, then where its body is
                inner = _speaker_before(" ".join(toks[:j - 1]))
                if inner is not None and inner.kind == "role":
                    return Mention(inner.text + " " + " ".join(toks[j - 1:]), None, "role")
            chained = _person_before_pps(toks, k)
            if chained is not None:
                at = left.rfind(chained.text)  # the mention as written, to the cue
                return Mention(left[at:] if at >= 0 else chained.text, chained.name, "name", chained.female)
            found = _name_mention(toks, run)
            if found is not None and not person_named(found.name or found.text) and k > 2 and toks[k - 1] == ",":
                # "Colin Reed, Acme Hotel Association said": the person, then the body he speaks for
                named = _person_ending(toks[:k - 1], min_words=2)
                if named is not None and person_named(named.name or ""):
                    return named
            return found
        return None
    if last[:1].islower():
        person = _person_before_role(toks)
        if person is not None:
            return person
    role = _role_back(toks)
    if role:
        # "the finance ministers of the G20 economies": keep the head before "of"
        # "A spokesman for the campaign", "a source close to the talks": the head before
        # the preposition is the speaker
        k = len(toks) - len(role)
        if k > 1 and (toks[k - 1].lower() in _ROLE_PREPS or toks[k - 1].lower() == "by"):  # "A review by the FSA"
            j = k - 1
            if toks[j].lower() == "to" and toks[j - 1].lower() == "close":
                j -= 1
            # (or a bare plural: "Notes of the meeting", "officials at the agency")
            head = (_role_back(toks[:j]) or _bare_plural_back(toks[:j])) if j > 0 else None
            if head:
                role = head + toks[j:]
            elif toks[k - 1].lower() in ("of", "from", "at") and (named := _person_ending(toks[:j])) is not None:
                return named  # "Tom Reed of the union told …": the person, not the body they belong to
        return Mention(" ".join(role), None, "role")
    if low in ("one", "another") and (len(toks) == 1 or not toks[-2][:1].isalpha()):
        return Mention(last, None, "role")  # '"…," one said.'

    plural = _bare_plural_back(toks)
    return Mention(" ".join(plural), None, "role") if plural else None


def _role_before_prep(toks: list[str], at: int) -> list[str]:
    """The role phrase that starts at ``toks[at]`` and ends ``toks``, with the role before it
    when a preposition ties the two ("a spokesman for" + "the Department"): the speaker is the person, not the body.

    >>> _role_before_prep("said a spokesman for the Department".split(), 4)
    ['a', 'spokesman', 'for', 'the', 'Department']
    >>> _role_before_prep("said the Department".split(), 1)
    ['the', 'Department']
    >>> _role_before_prep("from the Fund to the Institute".split(), 4)
    ['the', 'Institute']
    """
    if at > 1 and toks[at - 1].lower() in _ROLE_PREPS:
        head = _role_back(toks[:at - 1]) or _bare_plural_back(toks[:at - 1])
        if head and head[-1].islower():  # (a common noun: not "from the Fund to the Institute")
            return head + toks[at - 1:]
    return toks[at:]


def _person_ending(toks: list[str], min_words: int = 1) -> Mention | None:
    """The name that ends ``toks``, when it names someone (at least ``min_words`` words).

    >>> _person_ending("Tom Reed".split()).name, _person_ending("Reed".split(), min_words=2)
    ('Tom Reed', None)
    """
    run = _name_run_back(toks)
    if not run or len(run) < min_words:
        return None
    named = _name_mention(toks, run)
    return named if named is not None and named.kind == "name" else None


def _office_of_before(toks: list[str], k: int) -> Mention | None:
    """A person named after an office "Title of [the] Place" that ends ``toks`` (the name run
    starts at ``k``): "Secretary of State John Kerry" -> John Kerry, read as a subject is read.

    >>> _office_of_before("Secretary of State John Kerry".split(), 2).name
    'John Kerry'
    >>> _office_of_before("Bank of America".split(), 2) is None
    True
    """
    j = k - 1
    if j > 0 and toks[j].lower() == "the":
        j -= 1
    if j < 1 or toks[j].lower() != "of" or not toks[j - 1][:1].isupper() or toks[j - 1].lower() not in TITLES:
        return None
    m = speaker_after(" " + " ".join(toks[j - 1:]), subject=True)
    if m is None or m.kind != "name" or not m.name or m.text != " ".join(toks[j - 1:]) or \
            not (_person_like(m.name.split()) or len(m.name.split()) == 2):
        return None  # "Director of Public Prosecutions Keir Starmer" read as "Prosecutions Keir Starmer"
    return m


_PARTICIPLE_NEAR_END = re.compile(r"\b(?:" + _trie_regex(sorted(_PARTICIPLES)) + r")\b")


def _reduced_before(toks: list[str]) -> Mention | None:
    """A record or group with a reduced relative clause right before a cue: "Research
    conducted by the EPA last year", "notes released Monday" (a role, as written).

    >>> _reduced_before("Research carried out by the EPA last year".split()).text
    'Research carried out by the EPA last year'
    >>> _reduced_before("Jo Park said".split()) is None
    True
    """
    for i in range(len(toks) - 1, max(0, len(toks) - 12), -1):
        if toks[i].lower() in _PARTICIPLES and _reduced_tail(toks, i) == len(toks):
            head = speaker_before(" ".join(toks[:i]))
            if head is None:
                return None
            words = head.text.split()
            if head.kind == "role" or (head.kind == "name" and len(words) == 1
                                       and words[0].lower() in RECORD_NOUNS):
                return Mention(head.text + " " + " ".join(toks[i:]), None, "role")
            return None
    return None
