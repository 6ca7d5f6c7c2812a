"""Role noun phrases that can be a source: "the spokesman", "a source close to the talks",
"officials", "research carried out by the EPA last year".

>>> _role_back("said the spokesman".split())
['the', 'spokesman']
"""
from __future__ import annotations

import re

from claimtrack.stages.extract.quotes.cues import CUE
from claimtrack.stages.extract.quotes.lexicon import _DETERMINERS, _NOT_NAME, _NOT_ROLE_END, _PARTICIPLES, is_country, PRONOUNS, _ROLE_STOP_VERBS, _TIME_WORDS, TITLES
from claimtrack.stages.extract.quotes.names import _NAME_TOKEN

def _role_back(toks: list[str]) -> list[str] | None:
    """A role noun phrase at the end of ``toks``: determiner + up to 4 words ("the spokesman")."""
    if not toks or toks[-1].lower() in _NOT_ROLE_END or not toks[-1][:1].isalpha():
        return None
    lo = len(toks) - 7
    k = len(toks) - 1
    while k > max(-1, lo):
        t = toks[k]
        if not (t[:1].isalpha() or t[:1].isdigit() or t == "-"):
            return None
        low = t.lower()
        if low in _DETERMINERS or low.endswith("’s") or low.endswith("'s") or t[:1].isdigit():
            if k == len(toks) - 1:
                return None
            if low.endswith(("’s", "'s")) and t[:1].islower():
                # "the group’s president", "the oil company’s spokesman": the determiner too
                j = k
                while j > 0 and k - j < 2 and toks[j - 1][:1].islower() and toks[j - 1].isalpha() \
                        and toks[j - 1].lower() not in _NOT_ROLE_END and toks[j - 1].lower() not in _DETERMINERS:
                    j -= 1
                if j > 0 and toks[j - 1].lower() in _DETERMINERS:
                    return toks[j - 1:]
            return toks[k:]
        if k < len(toks) - 1 and low in _NOT_ROLE_END:
            if k > 0 and _role_joint(toks[k - 1], low, toks[k + 1]):
                lo -= 3  # "the former first lady and senator", "a Department for Education aide"
            else:
                return None
        k -= 1
    return None


#: prepositions that tie a role noun to what it belongs to ("a spokesman for the campaign")
_ROLE_PREPS = frozenset("of for at on from with in to within".split())


def _role_joint(prev: str, word: str, nxt: str) -> bool:
    """A word that joins the parts of one role phrase: "and" between two lower-case nouns,
    "for"/"of" inside a capitalised organisation name.

    >>> _role_joint("lady", "and", "senator"), _role_joint("Department", "for", "Education")
    (True, True)
    >>> _role_joint("Smith", "and", "aides")
    False
    """
    if word == "and":
        return prev.isalpha() and prev.islower() and prev not in _NOT_ROLE_END and \
            nxt[:1].isalpha() and nxt.lower() not in _NOT_ROLE_END and nxt.lower() not in _ROLE_STOP_VERBS
    if word in ("for", "of", "to"):
        return prev[:1].isupper() and nxt[:1].isupper() and prev.isalpha()
    return False


_PLURAL_ROLES = frozenset("""officials officers leaders members executives analysts economists
experts aides advisers advisors sources spokesmen lawmakers investigators prosecutors researchers
scientists doctors lawyers authorities ministers diplomats""".split())


_TIME_LEAD = frozenset("on in last this early late earlier".split())


def _reduced_tail(toks: list[str], i: int) -> int:
    """End of a reduced relative clause that starts at ``toks[i]``: a participle with an agent
    ("filed by the EPA") and/or a time ("released last year"); ``i`` when there is none.

    >>> t = "report released by the EPA last week found".split()
    >>> t[1:_reduced_tail(t, 1)]
    ['released', 'by', 'the', 'EPA', 'last', 'week']
    >>> t = "report released the names".split()
    >>> _reduced_tail(t, 1)
    1
    """
    if toks[i].lower() not in _PARTICIPLES:
        return i
    j = i + 1
    if j < len(toks) and toks[j].lower() in ("out", "up") and toks[i].lower() == "carried":
        j += 1
    found = False
    if j < len(toks) and toks[j] == "by":
        k = j + 1
        if k < len(toks) and toks[k].lower() == "the":
            k += 1
        n = 0
        while k < len(toks) and n < 6 and (_NAME_TOKEN.match(toks[k]) or (
                n and toks[k] in ("of", "for", "and", "on") and k + 1 < len(toks)
                and toks[k + 1][:1].isupper())):
            if toks[k].lower() in _TIME_WORDS:
                break
            k += 1
            n += 1
        # the agent ends the clause: "by the EPA last week", "by Acme found" (not "by
        # Paris-based research firm Acme", "by the Acme news agency")
        if n and "-" not in toks[k - 1] and (k >= len(toks) or _ends_agent(toks[k])):
            j, found = k, True
    k = j
    if k < len(toks) and toks[k].lower() in _TIME_LEAD:
        k += 1
    if k < len(toks) and toks[k].lower() in _TIME_WORDS and (k > j or toks[k][:1].isupper()
                                                          or toks[k].lower() in ("today", "yesterday")):
        j, found = k + 1, True
    return j if found else i


def _ends_agent(tok: str) -> bool:
    """A token that can follow the agent of a reduced relative: punctuation, a time, a verb."""
    low = tok.lower()
    return not tok[:1].isalpha() or low in _TIME_LEAD or low in _TIME_WORDS or \
        low.endswith("ed") or low in _ROLE_STOP_VERBS or CUE.fullmatch(tok) is not None


_ACRONYM = re.compile(r"[A-Z]{2,5}$")


def _bare_plural_back(toks: list[str]) -> list[str] | None:
    """A bare plural at the end of ``toks``: "officials", "other law enforcement officials",
    "52 percent of registered voters".

    >>> _bare_plural_back(["Then", "local", "officials"]), _bare_plural_back(["Notes"])
    (['local', 'officials'], ['Notes'])
    >>> _bare_plural_back("Labour party activists".split()), _bare_plural_back("Monday party activists".split())
    (['Labour', 'party', 'activists'], ['party', 'activists'])
    """
    if not toks:
        return None
    low = toks[-1].lower()
    if low.endswith("s") and not low.endswith("ss") and low not in _NOT_ROLE_END and len(low) > 3 \
            and toks[-1][:1].isalpha():
        k = len(toks) - 1
        while k > 0 and len(toks) - k < 4 and toks[k - 1][:1].islower() and toks[k - 1].isalpha() \
                and toks[k - 1].lower() not in _NOT_ROLE_END:
            if toks[k - 1].lower() in _ROLE_STOP_VERBS:
                return toks[k:]  # "footage shows protesters": the verb ends the phrase
            if toks[k - 1].endswith("ed") and k > 1 and toks[k - 2].lower() not in _NOT_NAME and (
                    toks[k - 2][:1].isupper() or toks[k - 2].lower() in PRONOUNS):
                return toks[k:]  # "Protesters carried signs": a verb, not "elected officials"
            k -= 1
        if k > 1 and toks[k - 1].lower() == "of":
            # "52 percent of registered voters", "most of the protesters"
            head = _role_back(toks[:k - 1])
            if head:
                return head + toks[k - 1:]
        if k > 0 and _ACRONYM.match(toks[k - 1]):
            k -= 1  # "FBI notes", "EU officials"
        elif 0 < k < len(toks) - 1 and _NAME_TOKEN.match(toks[k - 1]) and toks[k - 1].isalpha() and \
                toks[k - 1].lower() not in _NOT_NAME and toks[k - 1].lower() not in _TIME_WORDS and \
                (k == 1 or not toks[k - 2][:1].isalpha() or toks[k - 2][:1].islower()):
            k -= 1  # "Labour party activists", "Senate budget writers": the body they belong to
        if k == 0 or not toks[k - 1][:1].islower() or toks[k - 1].lower() in ("and", "but", "that"):
            return toks[k:]
    return None


_WORD_SPAN = re.compile(r"\S+")
_POSSESSIVE = re.compile(r"[’']s?$")
_HONORIFIC_LEAD = TITLES | {"the", "very", "most", "right"}  # "the Very Rev Dr", "the Right Hon"


def role_before_name(mention: str | None, speaker: str | None) -> str | None:
    """The role an attribution writes before a person's name as a phrase of its own: the name
    in apposition after a comma ("Ryan's spokeswoman, AshLee Strong") or an office "X of Y" run
    into the name ("Secretary of State Hillary Clinton"). The article presents the speaker as
    the holder of that role, so the speaker keeps it (:func:`speaker_with_role`). A title that
    is part of the name ("President Barack Obama", "press secretary Brian Fallon") and a role
    written after the name ("Hugh Hill, a doctor") are not returned.

    >>> role_before_name("Ryan’s spokeswoman, AshLee Strong", "AshLee Strong")
    'Ryan’s spokeswoman'
    >>> role_before_name("The Bishop of Leeds, the Rt Rev Dr Tom Wright", "Tom Wright")
    'the Bishop of Leeds'
    >>> role_before_name("Secretary of State Hillary Clinton", "Hillary Clinton")
    'Secretary of State'
    >>> role_before_name("Turkish President Recep Tayyip Erdogan", "Recep Tayyip Erdogan") is None
    True
    >>> role_before_name("Hugh Hill, a doctor", "Hugh Hill"), role_before_name("In Leeds, Jo Park", "Jo Park")
    (None, None)
    """
    if not mention or not speaker or ("," not in mention and " of " not in mention):
        return None  # (most mentions: no apposition, no office "X of Y")
    name_words = {w.lower().rstrip(".") for w in speaker.split()}
    surname = speaker.split()[-1]
    at = mention.rfind(surname)
    if at <= 0:
        return None
    # the name as written: the words of the speaker's name ending at its surname
    start = at
    for m in reversed(list(_WORD_SPAN.finditer(mention, 0, at))):
        if m.group().lower().rstrip(".") not in name_words:
            break
        start = m.start()
    # titles that begin the name as written: "…, the Rt Rev Dr Tom Wright"
    prefix = mention[:start].rstrip()
    while prefix and (tail := prefix.rsplit(None, 1)[-1]).lower().rstrip(".") in _HONORIFIC_LEAD:
        prefix = prefix[:len(prefix) - len(tail)].rstrip()
    if prefix.endswith(","):
        role = prefix[:-1].strip()
        words = role.split()
        while words and words[-1] in _NOT_NAME:  # "Another peer meanwhile, Lord Fennimore"
            role = role[:len(role) - len(words.pop())].rstrip()
        # a role noun phrase, not a scene-setter ("In Leeds,"): a lower-case content word or an office
        head = words[1:] if words and words[0].lower() == "the" else words
        if not words or "," in role or not (any(
                (w.isalpha() and w.islower() and w not in _NOT_NAME) or _POSSESSIVE.sub("", w.lower()) in TITLES
                for w in words) or _office_of_place(head)):
            return None
    else:
        role = prefix.strip()
        words = role.split()
        if words and words[0].lower() in ("the",):
            words = words[1:]
        # an office "X of Y": "Chancellor of the Exchequer", "Director of Public Prosecutions"
        if not _office_of_place(words) or words[0].lower() not in TITLES:
            return None
    first = role.split(None, 1)[0]
    if first.lower() in _DETERMINERS and first[:1].isupper():
        role = first.lower() + role[len(first):]  # no longer starts the sentence
    return role


def _office_of_place(words: list[str]) -> bool:
    """"Dean of Wells", "Secretary of State for Health": a capitalised head, then "of"."""
    return len(words) >= 3 and words[1] == "of" and words[0][:1].isupper() and words[0].lower() not in _NOT_NAME


def speaker_with_role(speaker: str, mention: str | None) -> str:
    """``speaker``, then the role written before the name, as news writes a name and its title:
    "AshLee Strong, Ryan’s spokeswoman". Anything after the comma is not the name, for a reader
    and for the matcher alike.

    >>> speaker_with_role("David Feder", "The club’s general manager, David Feder")
    'David Feder, the club’s general manager'
    >>> speaker_with_role("Jo Park", "Jo Park")
    'Jo Park'
    """
    role = role_before_name(mention, speaker)
    return f"{speaker}, {role}" if role else speaker


# finite verbs that can follow a plural subject: the word before them is a noun, not a verb
_PLURAL_VERBS = frozenset("""are were have had do did will would can could should may might must
say said told tell warned warn argued argue claimed claim believe believed fear feared remain
remained seem seemed""".split())


def _modifies_plural(toks: list[str]) -> int:
    """How many words of ``toks`` make a plural subject that one or two capitalised words modify,
    before a finite verb: "European investors are", "Furious Ellis supporters said" (0 for
    "Obama says he", "Smith tells them").

    >>> _modifies_plural("European investors are wary".split()), _modifies_plural("Obama says he".split())
    (2, 0)
    >>> _modifies_plural("Aviation analysts called it".split()), _modifies_plural("U.S. imports of steel".split())
    (2, 2)
    >>> _modifies_plural("Human rights groups called it".split()), _modifies_plural("Obama told officials were".split())
    (3, 0)
    """
    for n in (1, 2):
        if len(toks) > n + 1 and all(_NAME_TOKEN.match(t) for t in toks[:n]):
            if _plural_verb(toks[n], toks[n + 1]):
                return n + 1
            # a noun between the capitalised word and the plural head: "Human rights groups said",
            # "Labour party activists warned" (a verb there is the name's own: "Obama told aides")
            if len(toks) > n + 2 and _compound_noun(toks[n]) and _plural_verb(toks[n + 1], toks[n + 2]):
                return n + 2
    if len(toks) > 2 and is_country(toks[0]) and _plural_verb(toks[1], "are"):
        return 2  # "U.S. imports of steel have …": a country before a plural noun modifies it
    return 0


def _compound_noun(word: str) -> bool:
    """A lower-case word that can modify a noun after it, not a verb of the name before it.

    >>> _compound_noun("rights"), _compound_noun("told"), _compound_noun("urged"), _compound_noun("also")
    (True, False, False, False)
    """
    return word.isalpha() and word.islower() and len(word) > 2 and word not in _NOT_ROLE_END and \
        word not in _PLURAL_VERBS and not word.endswith(("ed", "ly")) and CUE.fullmatch(word) is None


def _plural_verb(word: str, verb: str) -> bool:
    """A lower-case plural noun, then a finite verb."""
    verb = verb.lower()
    return word.isalpha() and word.islower() and word.endswith("s") and \
        not word.endswith("ss") and len(word) > 3 and word not in _NOT_ROLE_END and (
            verb in _PLURAL_VERBS or len(verb) > 4 and verb.endswith("ed"))  # "Aviation analysts called"
