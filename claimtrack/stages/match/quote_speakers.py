"""Whether two attributions of the same words name two different people.

A misattribution flag says "the articles credit these words to two different people". That
holds only when each article names its speaker in the quote's own attribution (a "he" resolved
to the wrong name is the extractor's mistake, not the article's), both speakers are people (an
organisation and its chairman or spokesperson speak for one side), neither article relays the
words through someone else (an agency "quoted him as saying"), and the words are specific
enough that two people would not say them independently ("we don't want a trade war").

>>> speaker_via({"speaker": "Lena Ostrova", "speaker_mention": "she"})
'pronoun'
>>> org_like("K Mart"), org_like("IBM"), org_like("the Bank of Canada"), org_like("Vladimir Putin")
(False, True, True, False)
>>> org_like("Law Lords"), org_like("Ann Rogers")
(True, False)
>>> affiliated("Dunmore Stores chairman Alan Pryce said sales rose.", "Alan Pryce", "Dunmore Stores")
True
>>> affiliated("Appearing alongside Putin, Erdogan said the talks went well.", "Erdogan", "Putin")
False
"""
from __future__ import annotations

import re

#: the values of quotes.speaker_via that name the speaker in the quote's own attribution
NAMED = ("name",)
_PRONOUNS = frozenset("he she they it we i him her them his its their you".split())
# words that make a speaker an organisation, an outlet or an office rather than a person
_ORG_WORDS = frozenset("""corp corporation inc co cos company companies ltd plc llc ag sa nv group holdings
bank banks fund ministry department agency office commission committee council board union association
federation institute university college party government administration authority authorities service
services exchange reserve treasury police army navy court parliament congress senate assembly radio
television tv news daily times post journal herald gazette tribune telegraph mercantil press newspaper
magazine channel network agency brothers partners associates securities capital industries airlines
motors systems international foundation society club league organisation organization centre center
embassy mission spokesman spokeswoman spokesperson spokesmen officials sources analysts statement report
state city county province region
lords judges justices ministers mps officials researchers scientists doctors campaigners economists
activists leaders members governors directors trustees commissioners democrats republicans tories
conservatives liberals protesters residents workers unions""".split())
_LOWER_ROLES = frozenset("""the a an spokesman spokeswoman spokesperson official officials source sources
chairman president executive analyst minister secretary director officer aide adviser advisor head chief
governor manager representative""".split())
# an attribution that relays someone else's words: the named speaker may be the conduit
_CONDUIT = re.compile(
    r"\bquot(?:ed|es|ing)\b[^.;]{0,80}?\bas (?:saying|telling|stating)\b|\bquoted by\b|\baccording to\b"
    r"|\bciting\b|\bcited\b|\bas (?:reported|quoted|carried) by\b|\bcarried by\b|\bbroadcast by\b"
    r"|\breported\b[^.;]{0,40}\bsaying\b|\brecalled\b[^.;]{0,40}\bsaying\b", re.I)
# between an organisation and its officer: "X chairman Y", "X's spokesman Y", "Y, a spokesman for X"
_ROLE = re.compile(r"\b(?:chairman|chairwoman|chair|president|vice|chief|executive|ceo|cfo|spokesman|spokeswoman|"
                   r"spokesperson|official|officer|director|manager|head|analyst|economist|governor|secretary|"
                   r"minister|founder|owner|partner|general|counsel|trader|dealer|strategist|adviser|advisor|"
                   r"representative|member|leader|deputy|senior)\b", re.I)


def speaker_via(row: dict) -> str | None:
    """How the speaker was found: the stored ``speaker_via``, or (for rows written before that
    column was filled) read off the mention: a pronoun is "pronoun", no mention "context", an
    office or an organisation "role", a name "name".

    >>> speaker_via({"speaker": "IBM", "speaker_mention": "IBM"}), speaker_via({"speaker": None})
    ('role', None)
    """
    via = row.get("speaker_via")
    if isinstance(via, str) and via:
        return via
    speaker = row.get("speaker")
    if not isinstance(speaker, str) or not speaker.strip():
        return None
    mention = row.get("speaker_mention")
    if not isinstance(mention, str) or not mention.strip():
        return "context"
    words = mention.lower().split()
    if words and words[-1].strip(",.") in _PRONOUNS:
        return "pronoun"
    if org_like(speaker) or not any(w[:1].isupper() for w in speaker.split()):
        return "role"
    return "name"


def _words(name: str) -> list[str]:
    return re.findall(r"[A-Za-z][A-Za-z'&.-]*", name or "")


def org_like(name) -> bool:
    """Whether a speaker's name is an organisation, an outlet or an office, not a person: it
    begins with "the", holds an organisation word, or is an acronym ("IBM", "IRNA"). Only the
    name is read, not a role written after it ("Lena Ortiz, Secretary of State").

    >>> org_like("Lena Ortiz, Secretary of State"), org_like("the Transport Ministry"), org_like("IRNA")
    (False, True, True)
    """
    if not isinstance(name, str) or not name.strip():
        return False
    name = name.split(",", 1)[0]
    if not name.strip():
        return False
    words = _words(name)
    if not words:
        return True
    if words[0].lower() in ("the", "a", "an"):
        return True
    if any(w.lower().strip(".") in _ORG_WORDS for w in words):
        return True
    letters = [w.replace(".", "").replace("&", "") for w in words]
    return any(len(w) >= 2 and w.isupper() for w in letters)


def company_in(name, title) -> bool:
    """Whether a headline names ``name`` as a company: followed by Inc, Corp, Co, Ltd, plc,
    Group or a stock ticker ("PACAD <BAGS> SEES CONTRACT", "Northwind Air plc profits fall").

    >>> company_in("Pacad", "PACAD INC <BAGS> IN PACT WITH OKAMOTO"), company_in("Putin", "Putin and Erdogan meet")
    (True, False)
    >>> company_in("Vela", "Vela (VLA.L) shares jump"), company_in("Vela", "Vela (pictured) resigns")
    (True, False)
    """
    if not isinstance(name, str) or not isinstance(title, str) or not name.strip():
        return False
    if name.strip().lower() not in title.lower():
        return False  # the cheap test first: most headlines do not name the speaker at all
    # the ticker in capitals only: "Putin (Russia)" or "(pictured)" is no ticker
    return bool(re.search(r"\b(?i:" + re.escape(name.strip()) + r")(?:'s)?\s*(?:(?i:inc|corp|co|cos|ltd|plc|llc|ag|sa|nv|"
                          r"group|holdings)\b|<[A-Z0-9.]{1,8}>|\([A-Z0-9.]{2,8}\))", title))


def _pattern(name: str) -> re.Pattern | None:
    words = [w.strip(".") for w in _words(name) if w.lower() not in ("the", "of", "and", "&")]
    if not words:
        return None
    return re.compile(r"\b" + r"[\s,.&'-]+(?:and\s+|of\s+|&\s+)?".join(re.escape(w) for w in words) + r"\b", re.I)


def affiliated(sentence, person, org) -> bool:
    """Whether ``sentence`` ties ``person`` to ``org`` as its officer or member: "K Mart chairman
    Bernard Fauber", "IBM's Akers", "Raftery of Smith Barney", "Tucker, a spokesman for Pacad".
    Two names side by side in other words ("alongside Putin, Erdogan said") are not tied.
    """
    if not isinstance(sentence, str) or not isinstance(person, str) or not isinstance(org, str):
        return False
    surname = [w for w in _words(person) if w[:1].isupper()]
    org_re = _pattern(org)
    if not surname or org_re is None:
        return False
    person_re = re.compile(r"\b" + re.escape(surname[-1]) + r"\b")
    for o in org_re.finditer(sentence):
        for p in person_re.finditer(sentence):
            if o.end() <= p.start():
                gap = sentence[o.end():p.start()]
                # "X chairman Y", "X's Y"
                if len(gap) <= 60 and (_ROLE.search(gap) or re.fullmatch(r"'s?\s+(?:[A-Z]\S*\s+)*", gap)):
                    return True
            elif p.end() <= o.start():
                gap = sentence[p.end():o.start()]
                # "Y of X", "Y, chairman of X", "Y, a spokesman for X", "Y at X"
                if len(gap) <= 60 and re.search(r"\b(?:of|for|at|from|with)\s+(?:the\s+)?$", gap, re.I):
                    return True
    return False


def one_side(a: dict, b: dict) -> bool:
    """Whether two speakers speak for one side: one's name ties the other to it as officer or
    member in either attribution ("K Mart" and "K Mart chairman Bernard Fauber").
    """
    sa, sb = a.get("speaker"), b.get("speaker")
    for person, org, sentence_rows in ((sa, sb, (a, b)), (sb, sa, (a, b))):
        for row in sentence_rows:
            if affiliated(row.get("sentence"), person, org) or affiliated(row.get("speaker_mention"), person, org):
                return True
    return False


# words that introduce a named phrase rather than speech: a slogan, a motto, a headline, a sign
_NAMED_PHRASE = re.compile(r"\b(?:slogan|motto|catchphrase|catch-phrase|mantra|headlines?|headlined|banners?|"
                           r"placards?|signs?|posters?|captions?|titled|entitled|dubbed|labell?ed|branded|"
                           r"chant(?:s|ed|ing)?|reading|hashtag)\b[^\"“”.;]{0,25}[\"“]?$", re.I)


def named_phrase(row: dict) -> bool:
    """Whether the sentence introduces the quote as a slogan, a motto, a headline or a sign
    rather than as someone's speech: the same words in two people's mouths are no misattribution.

    >>> named_phrase({"text": "Forward, not back", "sentence": 'He said the slogan would be "Forward, not back."'})
    True
    >>> named_phrase({"text": "Forward, not back", "sentence": 'He said: "Forward, not back."'})
    False
    """
    text, sentence = row.get("text"), row.get("sentence")
    if not isinstance(text, str) or not isinstance(sentence, str) or not text:
        return False
    at = sentence.find(text[: min(len(text), 30)])
    return at > 0 and bool(_NAMED_PHRASE.search(sentence[max(0, at - 60):at]))


def conduit(row: dict) -> bool:
    """Whether the quote's attribution relays it through someone else ("the agency quoted him as
    saying", "according to", "citing"): the named speaker may be the messenger.

    >>> conduit({"sentence": '"We can hold out," the agency quoted him as saying.'})
    True
    >>> conduit({"sentence": '"We can hold out," the minister said.'})
    False
    """
    sentence = row.get("sentence")
    return isinstance(sentence, str) and bool(_CONDUIT.search(sentence))
