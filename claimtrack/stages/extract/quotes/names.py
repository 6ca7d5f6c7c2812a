"""Names as written: tokens, name runs, titles stripped (:func:`clean_name`), and the
:class:`Mention` record every speaker finder returns.

>>> clean_name("Turkish President Recep Tayyip Erdogan".split())
('Recep Tayyip Erdogan', None)
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from claimtrack.stages.extract.quotes.cues import _trie_regex
from claimtrack.stages.extract.quotes.lexicon import _CAP_CUES, _FEMALE_TITLES, gender_of, _MALE_TITLES, _NOT_NAME, _ORG_TAIL, _ORG_WORDS, _PARTICLES, _PERSON_TITLES, _STATES, _SUFFIX, is_country, never_speaker, OFFICES, TITLES

_ABBR = ("Mr|Mrs|Ms|Dr|Prof|Rev|Sen|Sens|Rep|Reps|Gov|Lt|Col|Gen|Sgt|Capt|Cmdr|Adm|Maj|Cpl|Pvt|"
         "Det|Insp|Supt|Hon|Pres|St|Jr|Sr|Ft|Mt|Sec|Atty|Gens|Del|Amb|Msgr|Fr|Sgt")


# (the abbreviations as a prefix tree: one of them at most can be followed by its full stop, so
# their order does not matter, and a word that opens none is rejected in a test or two)
_ABBR_TREE = _trie_regex(sorted(set(_ABBR.split("|"))))
_TOKEN = re.compile(r"(?:" + _ABBR_TREE + r")\.|[A-Z]\.(?:[A-Z]\.)*|[^\W\d_][\w’'\-]*|\d(?:[\w\-]|[.,](?=\d))*|[^\w\s]")
# the same tokens in an ASCII text, in classes of ASCII characters that the regex engine tests as
# bitmaps (\w, \d and \s are tested character by character through Unicode tables;
# \x1c-\x1f are white space to \s)
_TOKEN_ASCII = re.compile(r"(?:" + _ABBR_TREE + r")\.|[A-Z]\.(?:[A-Z]\.)*|[A-Za-z][A-Za-z0-9_'\-]*|"
                          r"[0-9](?:[A-Za-z0-9_\-]|[.,](?=[0-9]))*|[^A-Za-z0-9_\t\n\v\f\r\x1c-\x1f ]")


#: words between a speaker and the cue: "Smith also said", "officials haven't said"
_ADVERBS = frozenset("""also later then previously recently once has had have would will may might
could should did does do is was were are reportedly repeatedly simply just often again earlier
first never not only always still even further already flatly bluntly publicly privately now
quickly finally openly explicitly frequently famously memorably angrily proudly confidently began
continued went on to""".split())


_NOT_ADVERB_LY = frozenset("family ally rally assembly supply anomaly monopoly bully belly".split())


def _strip_adverbs(left: str) -> str:
    """``left`` without the adverbs and auxiliaries that end it.

    >>> _strip_adverbs("Smith has also repeatedly")
    'Smith'
    >>> _strip_adverbs("officials haven’t")
    'officials'
    >>> _strip_adverbs("Theresa May")
    'Theresa May'
    """
    end = len(left)
    while True:
        stripped = left[:end].rstrip()
        cut = max(stripped.rfind(" "), stripped.rfind("\n"), stripped.rfind("\t"))
        word = stripped[cut + 1:]
        low = word.lower()
        if not word:
            return stripped
        # (a capitalised "May" or "Will" after a name is the name's: "Theresa May said")
        if (low in _ADVERBS and (word[:1].islower() or cut < 0)) or (word.islower() and (
                (low.endswith("ly") and len(low) > 3 and low not in _NOT_ADVERB_LY)
                or low.endswith("n’t") or low.endswith("n't"))):
            if cut < 0:
                return ""
            end = cut
            continue
        return stripped


_PAREN_TAIL = re.compile(r"\s*\([^()]{0,60}\)\s*$")


_NAME_TOKEN = re.compile(r"(?:[A-Z][\w’'\-]*\.?|[A-Z]\.(?:[A-Z]\.)*|O’\w+|O'\w+|Mc\w+)$")


@dataclass(slots=True)
class Mention:
    """A speaker mention: ``text`` as written, ``name`` with titles removed (None for roles and
    pronouns), ``kind`` one of "name", "pronoun", "role"."""

    text: str
    name: str | None
    kind: str
    female: bool | None = None  # from a title or pronoun, when the words tell


def _is_name_token(tok: str) -> bool:
    low = tok.lower().rstrip(".")
    if tok in _PARTICLES:
        return True
    if low in _CAP_CUES or low.endswith("’s") or low.endswith("'s"):
        return False
    return bool(_NAME_TOKEN.match(tok)) and any(c.isalpha() for c in tok)


def clean_name(tokens: list[str]) -> tuple[str | None, bool | None]:
    """Cached :func:`_clean_name` (the same runs recur across a feed)."""
    return _clean_name(tuple(tokens))


@lru_cache(maxsize=8192)
def _clean_name(tokens: tuple[str, ...]) -> tuple[str | None, bool | None]:
    """Drop leading titles, sentence words and nationalities; return (name, female?).

    >>> _clean_name(tuple("Turkish President Recep Tayyip Erdogan".split()))
    ('Recep Tayyip Erdogan', None)
    >>> _clean_name(("Mrs.", "Clinton"))
    ('Clinton', True)
    >>> _clean_name(tuple("Federal Open Markets Committee".split()))
    ('Federal Open Markets Committee', None)
    >>> _clean_name(("Ms", "King")), _clean_name(("Prince", "Harry"))
    (('King', True), ('Harry', False))
    >>> _clean_name(("Britain", "Liu", "Wei")), _clean_name(("Labour's", "Jo", "Reyes"))
    (('Liu Wei', None), ('Jo Reyes', None))
    >>> _clean_name(("Hale", "Corp's", "Reyes")), _clean_name(("Rowe", "Securities'", "Oda"))
    (('Reyes', None), ('Oda', None))
    >>> _clean_name(("Sprinter", "Ken", "Collins")), _clean_name(("Walker", "Smith"))
    (('Ken Collins', None), ('Walker Smith', None))
    """
    female = None
    toks = [t for t in tokens if t]
    # strip everything up to the last title word that is not the last word ("Secretary of
    # State Hillary Clinton", but "Charlie King" and "Mr. King" keep their King)
    last_title = -1
    personal = False
    k = 0
    while k < len(toks):
        low = toks[k].lower().rstrip(".")
        # a gendered title before the name ("Ms King": the last word is her name, not a title)
        if female is None and k < len(toks) - 1:
            if low in _FEMALE_TITLES:
                female = True
            elif low in _MALE_TITLES:
                female = False
        if k < len(toks) - 1 and (low in TITLES or low + "." in TITLES or (
                "-" in low and all(p in TITLES or p in _TITLE_PREFIXES for p in low.split("-")))):  # "Director-General", "Ex-host", "Under-secretary"
            last_title = k
            personal = personal or low in _PERSON_TITLES
            if k + 2 < len(toks) - 1 and toks[k + 1].lower() == "of":
                # "Secretary of State", "Chancellor of the Exchequer"
                last_title = k = k + 3 if toks[k + 2] == "the" and k + 3 < len(toks) - 1 else k + 2
        k += 1
    if last_title >= 0:
        toks = toks[last_title + 1:]
    while toks and (toks[0].lower().rstrip(".") in _NOT_NAME or _GERUND_CAP.match(toks[0])):
        toks = toks[1:]
    if len(toks) >= 3 and (_TRADE.search(toks[0]) or _TRADE_AFTER_TITLE.search(toks[0])) and \
            toks[0][1:].islower() and gender_of(toks[0]) is None and gender_of(" ".join(toks[1:])) is not None:
        # "Sprinter Ken Collins", "Developer Ann Reyes", "Chief Accountant Ann Reyes": a trade,
        # then the person
        toks = toks[1:]
    cut = max((k for k, t in enumerate(toks[:-1]) if (t[-2:] in ("’s", "'s") or t[-2:] in ("s’", "s'"))
               and toks[k + 1][:1].isupper()), default=-1)
    if cut >= 0 and (len(toks) - cut > 2 or toks[-1].lower().rstrip(".") not in _TITLE_WORDS_OWNED):
        # "Labour's Jess Phillips", "Discount Corp's McGroarty", "Nikko Securities' Okamoto":
        # the party or firm that owns the person is not part of the name (a paper's or a firm's
        # own name is: "People's Daily", "Lloyd's Register")
        toks = toks[cut + 1:]
    if len(toks) in (3, 4) and is_country(toks[0]) and toks[1][:1].isupper() and \
            toks[-1].lower().rstrip(".") not in _ORG_TAIL and toks[-1].lower() not in _ORG_WORDS:
        toks = toks[1:]  # "ambassador to Britain Liu Xiaming": the country ends the office
    while toks and toks[-1].lower() in _SUFFIX and len(toks) > 1:
        toks = toks[:-1]
    # "Dunmore Capital Markets Pia Sorel": an organisation run into a name
    # (not "… Markets Committee", nor "Reserve Bank of Australia": "of" carries the name on)
    cut = max((k for k, t in enumerate(toks[:-1]) if t.lower().rstrip(".") in _ORG_TAIL), default=-1)
    if cut >= 0 and toks[-1].lower().rstrip(".") not in _ORG_TAIL and toks[cut + 1] not in _ORG_LINKS:
        toks = toks[cut + 1:]
    if toks and toks[-1][-1:] in "’'":
        toks[-1] = toks[-1].rstrip("’'")  # "Ouisa Davis' commentary"
    if not toks or not toks[-1] or toks[-1] in _PARTICLES or toks[-1].lower().rstrip(".") in _STATES:
        return None, female
    if sum(t.isupper() and len(t) > 1 and "." not in t for t in toks) >= 2:
        return None, female  # an all-caps headline, not a name
    if toks[-1].lower().rstrip(".").rsplit("-", 1)[-1] in OFFICES:  # (and "Co-Chairman")
        return None, female  # "Aviation Minister", "Vice President": an office, not a name
    if never_speaker(" ".join(toks)):
        return None, female  # "TV", "Video", "Thursday": a page word or a time
    if len(toks) == 1 and toks[0].lower().rstrip(".") in TITLES and not personal:
        return None, female
    return " ".join(toks), female


#: the last word of a name that is owned whole ("People's Daily", "Reader's Digest")
_TITLE_WORDS_OWNED = _ORG_TAIL | _ORG_WORDS | frozenset("""daily digest register weekly review gazette
herald tribune mail telegraph express mirror sun guardian observer magazine record forum""".split())


_TITLE_PREFIXES = frozenset("ex under co vice".split())  # "Under-secretary", "Co-founder"


_TRADE = re.compile(r"^[A-Z][a-z]+(?:er|or|ist|ian)$")
_TRADE_AFTER_TITLE = re.compile(r"^[A-Z][a-z]{4,}(?:ant|ent)$")  # "(Chief) Accountant", "(Deputy) Superintendent"


_ORG_LINKS = frozenset("of for and to de".split())


def _possessive(tok: str) -> bool:
    """Whether a word is a possessive: "Acme's", "Acme’s", "Jones'".

    >>> _possessive("Acme’s"), _possessive("Jones'"), _possessive("Acme")
    (True, True, False)
    """
    return tok[-2:] in ("'s", "’s") or (tok[-1:] in "'’" and tok[-2:-1] == "s")


def _tokens(s: str) -> list[str]:
    """The words and marks of ``s``: titles with their full stop, initials, words, numbers.

    >>> _tokens("said Mr. Reyes, J.K. Lo's aide_2 (in 2,000")
    ['said', 'Mr.', 'Reyes', ',', 'J.K.', "Lo's", 'aide_2', '(', 'in', '2,000']
    >>> _tokens("the 30-year-old, in 1.5.")  # a comma or stop after a number's digits ends it
    ['the', '30-year-old', ',', 'in', '1.5', '.']
    """
    return (_TOKEN_ASCII if s.isascii() else _TOKEN).findall(s)


def _name_run_back(toks: list[str]) -> list[str]:
    """The run of name-like tokens at the end of ``toks`` (titles and initials included)."""
    k = len(toks)
    while k > 0 and (_is_name_token(toks[k - 1]) or toks[k - 1].lower() in TITLES):
        k -= 1
    run = toks[k:]
    while run and run[0] in _PARTICLES:
        run = run[1:]
    return run


_GERUND_CAP = re.compile(r"^(?:[A-Z][a-z]{3,}ing|Having|Being|Doing|Going|Making|Taking|Getting|"
                         r"Seeing|Saying|Asking|Adding|Using|Giving|Trying|Facing)$")


def _person_like(run: list[str]) -> bool:
    """A name run that reads as a person: a personal title, or a known first name."""
    if any(t.lower().rstrip(".") in _PERSON_TITLES for t in run):
        return True
    name, _ = clean_name(run)
    return gender_of(name) is not None
