"""The speaker right AFTER a cue ("said Turkish President Recep Tayyip Erdogan", "said a
spokesman for the firm", "said 20-year-old student Nick Vane") and the subject at the start of a
sentence: one noun phrase read forwards.

>>> speaker_after(" the spokesman.").text
'the spokesman'
"""
from __future__ import annotations

import re
from functools import lru_cache

from claimtrack.stages.extract.quotes.lexicon import _DETERMINERS, _NOT_NAME, _NOT_ROLE_END, _PARTICIPLES, PRONOUNS, _ROLE_STOP_VERBS, _TIME_WORDS, TITLES, gender_of, OFFICES
from claimtrack.stages.extract.quotes.names import clean_name, _is_name_token, Mention, _person_like, _possessive, _tokens
from claimtrack.stages.extract.quotes.roles import _modifies_plural, _reduced_tail, _role_joint, _ROLE_PREPS


_AFTER_DETERMINERS = _DETERMINERS - {"this", "that", "these", "those", "two", "three",
                                     "four", "both", "each", "many", "some", "several"}


# after a verb in -s, these start its object: "The article closes with …", "the letter reads:"
_OBJECT_START = frozenset("""the a an his her their its our my your this that these those with to
on at in for about from by""".split())


def _appositive_name(toks: list[str], i: int) -> tuple[str, bool | None, int] | None:
    """A name set off by a comma at ``toks[i]`` and ending the phrase: ", Paul Grant." ->
    ("Paul Grant", None, end).

    >>> _appositive_name("the lawyer , Paul Grant .".split(), 2)
    ('Paul Grant', False, 5)
    >>> _appositive_name("the lawyer , who said".split(), 2) is None
    True
    """
    if i >= len(toks) or toks[i] != ",":
        return None
    k = i + 1
    while k < len(toks) and k - i <= 5 and (_is_name_token(toks[k]) or toks[k].lower() in TITLES):
        k += 1
    if k == i + 1 or (k < len(toks) and toks[k] not in _APPOSITIVE_END):
        return None
    name, female = clean_name(toks[i + 1:k])
    if not name or female is None and gender_of(name) is None and " " not in name:
        return None  # one word that may not be a person: "the capital, Paris"
    return name, female if female is not None else gender_of(name), k


_APPOSITIVE_END = frozenset(",.;:!?)—–")


def _org_list_end(toks: list[str], i: int) -> int:
    """Past the rest of a body's name that lists its parts after a comma (", Customs and
    Excise") when a comma follows it; else ``i``: "a spokesman for the Office of Trade, Customs
    and Excise, Tom Reed," -> the comma before Tom Reed.

    >>> _org_list_end("the Office of Trade , Customs and Excise , Tom Reed ,".split(), 4)
    8
    >>> _org_list_end("the club , Leon Fry ,".split(), 2)
    2
    """
    k = i + 1
    if i >= len(toks) or toks[i] != ",":
        return i
    while k < len(toks) and k - i < 8 and (toks[k] in ("and", "&") or _is_name_token(toks[k])):
        k += 1
    return k if k < len(toks) and toks[k] == "," and ("and" in toks[i + 1:k] or "&" in toks[i + 1:k]) else i


_ACRONYM = re.compile(r"^[A-Z]{2,6}$")


_PERSON_NOUN = re.compile(r"(?:er|or|ist|ian|man|woman|ee|ant|ent)$")


def _person_noun(word: str) -> bool:
    """A lower-case noun for a person by office or trade: "chairman", "worker", "analyst".

    >>> _person_noun("worker"), _person_noun("analyst"), _person_noun("survey")
    (True, True, False)
    """
    return word in TITLES or word in OFFICES or word in _PERSON_WORDS or \
        (len(word) > 4 and _PERSON_NOUN.search(word) is not None)


_PERSON_WORDS = frozenset("analyst official aide source expert envoy diplomat delegate".split())


_VERBISH = frozenset("""would will could should may might must can cannot did does do has had have
is was were are be been being""".split())


def _office_words(words: list[str]) -> bool:
    """Lower-case words that may name an office ("physio", "team doctor"), not a verb phrase
    ("would help", "helped", "wants").

    >>> _office_words(["physio"]), _office_words(["would", "help"]), _office_words(["wants"])
    (True, False, False)
    """
    return not any(w in _VERBISH or w in _ROLE_STOP_VERBS or w.endswith("ed") or
                   (w.endswith("s") and w not in TITLES) for w in words)


def _person_after(toks: list[str], j: int) -> bool:
    """Whether a person's name (a known first name or a personal title, then a surname)
    starts at ``toks[j]``.

    >>> _person_after("Wales physio Mark Davies".split(), 2), _person_after("Acme unit Rowe Foods".split(), 2)
    (True, False)
    """
    k = j
    while k < len(toks) and k - j < 4 and (_is_name_token(toks[k]) or toks[k].lower() in TITLES):
        k += 1
    return k - j >= 2 and _person_like(toks[j:k])


def _joined_offices(toks: list[str], i: int) -> bool:
    """Whether two offices joined by "and" start at ``toks[i]``: "president and chief executive
    officer Jo Reyes", "chairman and managing director Al Tan" (one person holds both).

    >>> _joined_offices("Acme president and chief executive Jo Reyes".split(), 1)
    True
    >>> _joined_offices("Acme president and chief executive Jo Reyes".split(), 2)
    True
    >>> _joined_offices("Acme staff and union members".split(), 1)
    False
    """
    # (the office before "and" may already be read as a title: "Acme president | and chief …")
    k = next((p for p in range(max(i, 1), min(i + 3, len(toks))) if toks[p] == "and"), 0)
    return k > 0 and _person_noun(toks[k - 1].lower())


#: a short quotation (blanked to \x01) between two words of a name: a nickname
_NICKNAME_GAP = re.compile(r"(?<=[A-Za-z.]) \x01{3,24} (?=[A-Z])")


_THOSE_NEXT = frozenset("behind close involved familiar present inside within around at in".split())


_WHEN = frozenset("this last next on early late".split())


_AGE = re.compile(r"^\d{1,3}-year-old$", re.I)


def speaker_after(right: str, subject: bool = False) -> Mention | None:
    """The speaker at the start of ``right`` (the text just after a cue), as in "said Erdogan",
    or the subject at the start of a sentence (``subject=True``).

    >>> speaker_after(" Turkish President Recep Tayyip Erdogan, adding").name
    'Recep Tayyip Erdogan'
    >>> speaker_after(" Harlow press secretary Dan Keble issues a statement").name
    'Dan Keble'
    """
    return _speaker_after(right[:160], subject)


@lru_cache(maxsize=8192)
def _speaker_after(right: str, subject: bool) -> Mention | None:
    """:func:`speaker_after` of the first 160 characters (all it reads), memoised: a quote's
    attributions read the same text after a cue more than once (the returned mentions are never
    changed)."""
    if "\x01" in right:
        right = _NICKNAME_GAP.sub(" ", right)  # 'said John "Bud" Frazier': the name runs on
    toks = _tokens(right)
    k = 0
    # "said Monday", "said on Tuesday": skip a short time phrase
    while k < len(toks) and k < 3 and (toks[k].lower() in _TIME_WORDS or (
            toks[k].lower() in ("on", "in", "at", "during", "last", "this", "early", "late") and
            k + 1 < len(toks) and toks[k + 1].lower() in _TIME_WORDS)):
        k += 1
    # "said 20-year-old student Nick Vane": an age before the noun phrase modifies it
    if k < len(toks) - 1 and _AGE.match(toks[k]) and toks[k + 1][:1].isalpha():
        k += 1
    toks = toks[k:]
    if not toks:
        return None
    first = toks[0]
    low = first.lower()
    if low == "those" and len(toks) > 2 and toks[1].lower() in _THOSE_NEXT:
        # "say those behind the talks", "said those close to the deal": the people so described
        k = 2
        while k < len(toks) and k < 8 and toks[k][:1].isalnum() and toks[k].lower() not in _NOT_ROLE_END - {"of", "in", "at", "to", "with", "for"}:
            k += 1
        return Mention(" ".join(toks[:k]), None, "role")
    # "said it was" has no speaker "it"; as a sentence subject, "it" and "they" speak
    if low in PRONOUNS and low not in ("who", "which", "you") and (subject or low != "it"):
        fem = True if low == "she" else False if low == "he" else None
        return Mention(first, None, "pronoun", fem)
    if low in (_DETERMINERS if subject else _AFTER_DETERMINERS) or low.endswith("’s") \
            or low.endswith("'s"):
        role = [first]
        pp = False
        for i, t in enumerate(toks[1:10], 1):
            tl = t if t.isupper() and len(t) > 1 else t.lower()  # ("US" is no "us")
            # one prepositional phrase after the head: "a spokesman for the campaign",
            # "one source on the panel", "a source close to the talks" (not "on Monday")
            if not pp and len(role) > 1 and (role[-1][:1].islower() or role[-1].lower() in TITLES) \
                    and i + 1 < len(toks) and \
                    not low.endswith(("’s", "'s")) and \
                    (tl in _ROLE_PREPS - {"to"} or tl == "by" or (tl == "to" and role[-1] == "close")) and \
                    (toks[i + 1].lower() in _DETERMINERS or toks[i + 1][:1].isupper()) and \
                    toks[i + 1].lower() not in _TIME_WORDS:
                pp = True
                role.append(t)
                continue
            if tl in _NOT_ROLE_END and i + 1 < len(toks) and _role_joint(role[-1], tl, toks[i + 1]) \
                    and (tl != "and" or not toks[i + 1].endswith(("ed", "ly"))):
                role.append(t)  # "The candidate’s son and top adviser", "the Alliance for Schools"
                continue
            if len(role) > 1 and tl in _PARTICIPLES:
                # "a county audit released last month", "research conducted by the EOC"
                j = _reduced_tail(toks, i)
                if j > i:
                    role.extend(toks[i:j])
                    pp = True  # its capitalised words are the agent, not the speaker's name
                    break
            if not t[:1].isalnum() or tl in _NOT_ROLE_END or tl in _ROLE_STOP_VERBS or \
                    (len(role) > 1 and (tl.endswith("ed") or tl.endswith("ly") and t[:1].islower())):
                break  # (a verb or an adverb; not a name's "Daily": "a China Daily editorial")
            # "The article closes with": a verb in -s after a lower-case noun (not after a
            # possessive: "the club’s rules" is the thing owned)
            if len(role) > 1 and tl.endswith("s") and role[-1][:1].islower() and t[:1].islower() and \
                    not role[-1].endswith(("’s", "'s")) and role[-1] not in _ROLE_PREPS and \
                    (i + 1 >= len(toks) or not toks[i + 1][:1].isalpha()
                     or toks[i + 1].lower() in _OBJECT_START):
                break
            role.append(t)
        if len(role) == 2 and _AGE.match(role[1].rstrip(".")):
            return Mention(first + " " + role[1].rstrip("."), None, "role")  # "said the 36-year-old."
        if len(role) == 1 and low in ("one", "another"):
            return Mention(first, None, "role")  # '"…," said another.'
        if len(role) > 1:
            while len(role) > 2 and (role[-1] in _ROLE_PREPS or role[-1] in _DETERMINERS or
                                     role[-1].lower() in _TIME_WORDS and role[-2].lower() in _WHEN
                                     and role[-3].lower() not in _PARTICIPLES):
                role.pop()  # a dangling "for the"; a time after it ("… editorial this month")
                if role[-1].lower() in _WHEN:
                    role.pop()
            app = _appositive_name(toks, _org_list_end(toks, len(role)) if role[-1][:1].isupper() else len(role))
            if app is not None:  # 'said the club's captain, Leon Fry'
                return Mention(" ".join(toks[:app[2]]).replace(" ,", ","), app[0], "name", app[1])
            # a capitalised tail is a name with a title: "the Rev. Al Sharpton"
            if role[-1][:1].isupper() and not pp:
                run = []
                for t in role[1:]:
                    if _is_name_token(t) or t.lower() in TITLES or (run and t in ("for", "of", "to")):
                        run.append(t)
                    else:
                        run = []
                name, female = clean_name(run)
                if name:
                    return Mention(" ".join(role), name, "name", female)
            return Mention(" ".join(role), None, "role")
        return None
    if first[:1].islower() and first.replace("-", "").isalpha():
        # "says psychologist Vaile Wright", "said Democratic strategist Joe Trippi", "sobbed
        # mum-of-two Kerry Dawes"
        j = 0
        while j < len(toks) and j < 3 and toks[j][:1].islower() and toks[j].replace("-", "").isalpha() \
                and toks[j].lower() not in _NOT_ROLE_END:
            j += 1
        if 0 < j < len(toks) and toks[j][:1].isupper():
            m = speaker_after(" ".join(toks[j:]))
            if m is not None and m.kind == "name":
                return Mention(" ".join(toks[:j]) + " " + m.text, m.name, "name", m.female)
        return None
    if first[:1].isupper():
        # "European investors are …", "Only Trump supporters said": the capitalised word
        # modifies the plural after it, which is the subject (a place or a people never speaks)
        off = 1 if low in _NOT_NAME and len(toks) > 3 else 0
        n = _modifies_plural(toks[off:]) if subject else 0
        if n:
            return Mention(" ".join(toks[off:off + n]), None, "role")
        i = 0
        run: list[str] = []
        if len(toks) > 2 and _ACRONYM.match(toks[0]) and toks[1][:1].islower():
            run.append(toks[0])  # "ISM survey chairman Norbert Ore": an organisation's initials
            i = 1
        while i < len(toks):
            while i < len(toks) and (_is_name_token(toks[i]) or toks[i].lower() in TITLES or
                                     (run and toks[i] in ("plc", "ltd"))):  # "Castell Foods plc"
                run.append(toks[i])
                i += 1
                # "Alliance to Reclaim Our Schools": an organisation's name runs on
                if i + 1 < len(toks) and toks[i] in ("to", "for", "and") and \
                        _is_name_token(toks[i + 1]) and not _person_like(run):
                    run.append(toks[i])
                    i += 1
                # "Secretary of State Mara Quill"
                # ("Chancellor of the Exchequer Ann Fenwick")
                the = 1 if i + 1 < len(toks) and toks[i + 1] == "the" else 0
                if i + 2 + the < len(toks) and toks[i].lower() == "of" and run[-1].lower() in TITLES \
                        and toks[i + 1 + the][:1].isupper() and _is_name_token(toks[i + 2 + the]):
                    run += toks[i:i + 2 + the]
                    i += 2 + the
            # "Harlow press secretary Dan Keble": lower-case office words, then the name;
            # "Harlow’s campaign manager Tom Brill", "Labour’s Ed Marsh": past a possessor
            if len(run) > 1 and run[-1][-2:] in ("s’", "s'") and i < len(toks) and toks[i][:1].islower():
                run.pop()  # "Matt Williams' side": a possessor in -s', read as "Williams's"
                i -= 1
            j = i
            if run and j + 1 < len(toks) and toks[j][:1].isupper() and _possessive(toks[j]):
                j += 1
                while j < len(toks) and j - i < 4 and toks[j][:1].islower() and toks[j].isalpha():
                    j += 1
                if j < len(toks) and _is_name_token(toks[j]) and toks[j][:1].isupper() and \
                        (j == i + 1 or toks[j - 1].lower() in TITLES):
                    run = []
                    i = j
                    continue
                if j > i + 1:
                    # "Jane Doe's lawyer, Paul Grant": the possessor is not the speaker; the
                    # appositive name is, else the thing possessed
                    app = _appositive_name(toks, j)
                    if app is not None:
                        return Mention(" ".join(toks[:app[2]]).replace(" ,", ","), app[0], "name", app[1])
                    return Mention(" ".join(toks[:j]), None, "role")
                j = i
            while j < len(toks) and j - i < (7 if _joined_offices(toks, i) else 3) and toks[j][:1].islower() and toks[j].isalpha():
                j += 1
            if j > i and j < len(toks) and toks[j][:1].isupper() and (_person_noun(toks[j - 1].lower()) or (
                    not subject and j - i <= 2 and _office_words(toks[i:j]) and _person_after(toks, j))):
                # "Acme worker David Ogden": the office or trade, then the person (after a cue,
                # any office word before a person's name: "said Wales physio Mark Davies")
                run = []
                i = j
                continue
            if run and j > i:
                # "BA director of commercial planning, Robert Boyle": an organisation's office,
                # then the person's name in apposition
                k = i
                while k < len(toks) and k - i < 7 and toks[k][:1].islower() and toks[k].isalpha():
                    k += 1
                if run[-1].lower() in TITLES or any(t.lower() in TITLES for t in toks[i:k]):
                    app = _appositive_name(toks, k)
                    if app is not None:
                        return Mention(" ".join(toks[:app[2]]).replace(" ,", ","), app[0], "name", app[1])
            break
        if run and run[-1].islower() and run[-1] in TITLES:
            # "Acme chief executive, Ravi Anand": an office in lower case, then the name in apposition
            app = _appositive_name(toks, i)
            if app is not None:
                return Mention(" ".join(toks[:app[2]]).replace(" ,", ","), app[0], "name", app[1])
        name, female = clean_name(run)
        if name:
            return Mention(" ".join(toks[:i]), name, "name", female)
    return None
