"""Coreference, the cheap way: short names to the fullest name in the article (pronouns are in
:mod:`~claimtrack.stages.extract.quotes.pronouns`).

>>> idx = NameIndex("Turkish President Recep Tayyip Erdogan met Putin. Later Erdogan spoke.")
>>> idx.fullest("Erdogan")
'Recep Tayyip Erdogan'
"""
from __future__ import annotations

import re

from claimtrack.stages.extract.quotes.lexicon import _CAP_CUES, gender_of, is_place, _MALE, _NOT_NAME, _SUFFIX, TITLES
from claimtrack.stages.extract.quotes.names import clean_name

_NAME_WORD = r"(?:[A-Z][a-z\u00e0-\u024f]+(?:[’'\-](?:[A-Z][’'])?[A-Z]?[a-z\u00e0-\u024f]+)*|[A-Z]\.|Mc[A-Z][a-z]+|[A-Z][a-z]?[A-Z][a-z]+)(?![\w’'])"


_RUN = re.compile(
    r"\b(?<![A-Za-z]\.)(?=[A-Z])(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof|Rev|Lt|Col)\.\s+)?" + _NAME_WORD
    + r"(?:\s+(?:(?:de|van|von|der|den|bin|al|la|le|du|des|da|del|della|di|ibn|abu)\s+)?" + _NAME_WORD + r")+")


_POSSESSIVE = re.compile(r"[’']s$")


_SENTENCE_OPEN = frozenset('.!?:;"“”‘’\'(\n—–-')


_HONORIFIC_BEFORE = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+$")


_WORD_RE = re.compile(_NAME_WORD + r"$")


_PARTICLE_WORDS = frozenset("de van von der den bin al la le du des da del della di ibn abu".split())


_TITLE_ABBR = frozenset("Mr. Mrs. Ms. Dr. Sen. Rep. Gov. Gen. Prof. Rev. Lt. Col.".split())


def _after_title_of(words: list[str]) -> bool:
    """Words that end with a title's "of" ("Secretary of", "Chancellor of the"): the next word
    names the office, not the person.

    >>> _after_title_of("said Chancellor of the".split()), _after_title_of("the city of".split())
    (True, False)
    """
    if words and words[-1] == "the":
        words = words[:-1]
    return len(words) >= 2 and words[-1] == "of" and words[-2].lower() in TITLES


def _back_run(text: str, i: int, appositive: bool = False) -> list[str]:
    """The name words (up to 4) right before position ``i``: "Recep Tayyip " before "Erdogan".
    A word that opens a sentence is a first name when the lexicon knows it, or when an
    appositive follows the name (``appositive``: "Ilse Brandauer, deputy governor of …") and the
    word is one no sentence could open with otherwise (:func:`_opens_as_first_name`).

    >>> _back_run("Secretary of State Hillary Clinton", 27)
    ['Hillary']
    >>> _back_run("Sales rose. Ivo Brandt", 16), _back_run("Sales rose. Ivo Brandt", 16, appositive=True)
    ([], ['Ivo'])
    """
    if i == 0 or not text[i - 1].isspace():
        return []
    head = text[max(0, i - 80):i]
    last = head.rsplit(None, 1)
    if not last or not "A" <= last[-1][0] <= "Z":
        return []  # (most often: "said Lee"; every name word and title opens with A-Z)
    words = head.split()
    out: list[str] = []
    while words and len(out) < 5:
        w = words[-1]
        low = w.lower()
        if low in _CAP_CUES or (len(w) >= 7 and low.endswith("ed") and low not in _MALE):
            break  # a headline verb: "Clinton Flattered Obama"
        if _WORD_RE.match(w) or w in _TITLE_ABBR or (out and w in _PARTICLE_WORDS):
            # the first word of a sentence is a name only if it is a known first name
            first = len(words) < 2 or words[-2][-1:] in '.!?"”:'
            if first and w not in _TITLE_ABBR and gender_of(w) is None and not (
                    appositive and not out and _opens_as_first_name(text, w)):
                break
            out.insert(0, w)
            words.pop()
        else:
            break
    # "Secretary of State Hillary Clinton": the word after a title's "of" is not a name
    if out and _after_title_of(words):
        out = out[1:]
    while out and out[0] in _PARTICLE_WORDS:
        out = out[1:]
    return out


def _opens_as_first_name(text: str, word: str) -> bool:
    """Whether ``word``, opening a sentence before a surname, can only be a first name: a
    capitalised word of letters that ``text`` never writes in lower case and that is no
    function word, time word, title, adverb in -ly or abstract noun ("Ivo" yes; "Meanwhile",
    "Yesterday", "Minister", "Shares" when "shares" occurs, "Payment" no).

    >>> t = "Ivo Brandt, an adviser, spoke. Meanwhile Brandt left. Shares of Acme fell, shares said."
    >>> [_opens_as_first_name(t, w) for w in ("Ivo", "Yesterday", "Minister", "Shares", "Meanwhile")]
    [True, False, False, False, False]
    """
    low = word.lower()
    if not (word.isalpha() and word[1:].islower() and len(word) > 1) or low in _NOT_NAME or \
            low in TITLES or low in _CAP_CUES or low.endswith("ly") or _ABSTRACT_NOUN.search(low) or \
            low in _OPENERS:
        return False
    return not has_word(text, low)


#: words that open a sentence before a name and are not part of it
_OPENERS = frozenset("""meanwhile however instead separately elsewhere similarly likewise besides
indeed thus hence still moreover furthermore nonetheless nevertheless otherwise overall finally
first second third next again later afterwards tomorrow tonight sources officials""".split())


#: endings of abstract and mass nouns that no surname has ("Government", "Demographics")
_ABSTRACT_NOUN = re.compile(r"(?:ments?|tions?|sions?|ics|isms?|ity|ities|ships?)$")


_NEXT_NAME_WORD = re.compile(r" " + _NAME_WORD)


#: what follows a full name given with its role: "Ivo Brandt, a trader", "Ivo Brandt of Acme"
_APPOSITIVE = re.compile(r"(?:,\s+(?:the\s+|a\s+|an\s+)?[a-zA-Z]|\s+of\s+|\s*\()")


def at_boundary(text: str, i: int) -> bool:
    """Whether a regex ``\\b`` holds at ``text[i]``: a word character (``\\w``: a letter, a digit
    or "_") on one side only.

    >>> at_boundary("Lee's", 3), at_boundary("Lee's", 2), at_boundary("Lee", 3)
    (True, False, True)
    """
    before = i > 0 and (text[i - 1].isalnum() or text[i - 1] == "_")
    after = i < len(text) and (text[i].isalnum() or text[i] == "_")
    return before != after


def find_word(text: str, word: str) -> int:
    """Where ``re.search(r"\\b" + re.escape(word) + r"\\b", text)`` matches (-1: nowhere),
    without compiling a pattern per word (a name read once per article would be compiled once
    per article, at the cost of attributing several quotes).

    >>> find_word("the plansfail, the plans", "plans"), find_word("the plansfail", "plans")
    (19, -1)
    """
    i = text.find(word)
    while i >= 0:
        if at_boundary(text, i) and at_boundary(text, i + len(word)):
            return i
        i = text.find(word, i + 1)
    return -1


def has_word(text: str, word: str) -> bool:
    """Whether ``word`` occurs in ``text`` as a word (:func:`find_word`).

    >>> has_word("the plans fail", "plans"), has_word("the plansfail", "plans")
    (True, False)
    """
    return find_word(text, word) >= 0


def _runs_on(text: str, end: int) -> bool:
    """Whether the name word that ends at ``end`` is followed by another (not a weekday, a suffix
    such as "Jr" or another word that is never a name).

    >>> _runs_on("Ambassador Liu Xiaming spoke", 14), _runs_on("said Liu Monday", 8), _runs_on("Liu said", 3)
    (True, False, False)
    >>> _runs_on("Louis Gerstner Jr. said", 14)
    False
    """
    m = _NEXT_NAME_WORD.match(text, end)
    if m is None:
        return False
    word = m.group()[1:].lower()
    return word not in _NOT_NAME and word not in _SUFFIX  # (_NOT_NAME holds the weekdays and months)


class NameIndex:
    """Every multi-word name in one article, by last word, to expand short mentions.

    >>> NameIndex("Talks with U.S. Banks ended. Ann Lee left.").names_before(40)
    ['Ann Lee']
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._cache: dict[tuple[str, bool | None], str] = {}
        self._first: dict[str, str] = {}
        self._mid: dict[str, bool] = {}
        self._occ: dict[str, tuple[dict[str, list[int]], list[tuple[int, bool | None]]]] = {}

    def names_before(self, pos: int, window: int = 1500) -> list[str]:
        """Multi-word names in the ``window`` characters before ``pos``, in text order."""
        out = []
        for m in _RUN.finditer(self._text, max(0, pos - window), pos):
            toks = m.group().split()
            if _POSSESSIVE.search(toks[-1]):
                toks[-1] = _POSSESSIVE.sub("", toks[-1])
            before = self._text[max(0, m.start() - 30):m.start()].split()
            if len(toks) >= 2 and _after_title_of(before):
                toks = toks[1:]  # "Secretary of State Hillary Clinton"
            name, _ = clean_name(toks)
            if name and " " in name and name.split()[0].lower() not in _NOT_NAME \
                    and name.split()[-1].lower() not in _NOT_NAME and not is_place(name):
                out.append(name)
        return out

    def _candidates(self, last: str) -> list[tuple[str, int, int]]:
        """(name, count, first position) of every multi-word name ending in ``last``."""
        return [(name, len(pos), pos[0]) for name, pos in self._occurrences(last)[0].items()]

    def _occurrences(self, last: str) -> tuple[dict[str, list[int]], list[tuple[int, bool | None]]]:
        """Where ``last`` occurs: the positions of each multi-word name ending in it, and the
        (position, gender) of its mentions after a gendered honorific ("Mr. Reed", "Ms Reed")."""
        hit = self._occ.get(last)
        if hit is not None:
            return hit
        text = self._text
        seen: dict[str, list[int]] = {}
        titled: list[tuple[int, bool | None]] = []
        i = text.find(last)
        n = len(last)
        while i >= 0:
            j = i + n
            if (i == 0 or not text[i - 1].isalnum()) and (j >= len(text) or not text[j].isalnum()):
                # "to Britain Liu Xiaming": where another name word follows, the name goes on and
                # does not end in ``last`` (no "Britain Liu")
                toks = _back_run(text, i, _APPOSITIVE.match(text, j) is not None) if not _runs_on(text, j) else []
                if toks:
                    name, _ = clean_name(toks + [last])
                    if name and " " in name and name.split()[0].lower() not in _NOT_NAME:
                        seen.setdefault(name, []).append(i)
                h = _HONORIFIC_BEFORE.search(text, max(0, i - 6), i) \
                    if i > 2 and text[i - 2] in ".rs" else None  # "Mr. ", "Mrs ", "Ms ", "Miss "
                if h is not None:
                    titled.append((i, h.group(1) != "Mr"))
            i = text.find(last, j)
        out = (seen, titled)
        self._occ[last] = out
        return out

    def reads_as_name(self, name: str) -> bool:
        """Whether a one-word "name" is one: a known first name, capitalised somewhere other
        than at the start of a sentence or a quotation, or a word never written in lower case
        ("Okoro left." is a name; "Plans fail." and "Usually …" are not).

        >>> idx = NameIndex("Usually it rains. Then Lee came. Plans fail. Okoro left. The plans. Payment lags.")
        >>> [idx.reads_as_name(w) for w in ("Usually", "Lee", "Ann Lee", "Plans", "Okoro", "Payment")]
        [False, True, True, False, True, False]
        """
        if " " in name or gender_of(name) is not None:
            return True
        hit = self._mid.get(name)
        if hit is None:
            hit = False
            text = self._text
            i = text.find(name)
            while i >= 0 and not hit:
                j = i + len(name)
                if (i == 0 or not text[i - 1].isalnum()) and (j >= len(text) or not text[j].isalnum()):
                    k = i - 1
                    while k >= 0 and text[k] in " \t":
                        k -= 1
                    hit = k >= 0 and text[k] not in _SENTENCE_OPEN
                i = text.find(name, j)
            if not hit and name.isalpha() and not name.lower().endswith("ly") and \
                    not _ABSTRACT_NOUN.search(name.lower()):
                # only at sentence starts: a name unless the word is also written in lower
                # case ("Plans …" and "the plans") or ends like an abstract noun ("Payment …",
                # "Demographics …")
                hit = not has_word(text, name.lower())
            self._mid[name] = hit
        return hit

    def by_first_name(self, first: str) -> str:
        """The first "First Last" name in the article that starts with ``first``, for a knight
        or dame named by first name ("Sir Keir" -> "Keir Starmer"); ``first`` when none.

        >>> NameIndex("Sir Keir Starmer spoke. Later Sir Keir left.").by_first_name("Keir")
        'Keir Starmer'
        """
        hit = self._first.get(first)
        if hit is not None:
            return hit
        out = first
        if len(self._first) < 32:  # a bounded number of scans per article keeps it linear
            for m in re.finditer(r"\b" + re.escape(first) + r"\s+(" + _NAME_WORD + r")", self._text):
                last = m.group(1)
                if last.lower() not in _NOT_NAME and last.lower() not in _CAP_CUES:
                    out = f"{first} {last}"
                    break
        self._first[first] = out
        return out

    def fullest(self, name: str, female: bool | None = None, pos: int | None = None) -> str:
        """The fullest name in the article that ends like ``name`` and contains its words.

        When the article names two people with that last name ("Tom Reed", his daughter "Ann
        Reed"), a short mention at ``pos`` is the one named most recently before it (an
        honorific there tells the gender: "Mr. Reed" after "Ann Reed" is Tom).

        >>> idx = NameIndex("Tom Reed spoke. Then his daughter Ann Reed spoke. Reed left.")
        >>> idx.fullest("Reed", pos=50), idx.fullest("Reed", pos=10), idx.fullest("Reed", pos=900)
        ('Ann Reed', 'Tom Reed', 'Tom Reed')
        >>> text = "Tom Reed and Ann Reed. Ann Reed spoke. Tom Reed too. Ann Reed sat." + " Rain." * 80
        >>> NameIndex(text + " Reed left.").fullest("Reed", pos=len(text) + 2)
        'Ann Reed'
        >>> NameIndex("Ann Reed met Victor Reed, her husband. Ms Reed left.").fullest("Reed", True, pos=45)
        'Ann Reed'
        
        >>> NameIndex("Tom Reed and Ann Reed met. Mr. Reed left.").fullest("Reed", pos=40)
        'Tom Reed'
        """
        toks = name.split()
        if not toks or not toks[-1][:1].isupper():
            return name
        key = (name, female)
        hit = self._cache.get(key)
        if hit is None:
            hit = self._rank(name, toks, female)
            self._cache[key] = hit
        out, rivals = hit
        if pos is None or not rivals:
            return out
        return self._nearest(toks, female, pos, out, rivals)

    def _rank(self, name: str, toks: list[str], female: bool | None) -> tuple[str, list[str]]:
        """The best name for ``name`` by the article as a whole, and any other people it could
        be (names that are not part of the best one: "Ann Reed" against "Tom Reed")."""
        cands = self._candidates(toks[-1])
        want = {t.lower().rstrip(".") for t in toks if len(t.rstrip(".")) > 1}
        best = None
        fits = []
        for cand, count, first in cands:
            ctoks = cand.split()
            if len(ctoks) < len(toks):
                continue
            if not want <= {t.lower().rstrip(".") for t in ctoks}:
                continue
            g = gender_of(cand)
            if female is not None and g is not None and g != female:
                continue
            # a long run is more often an organisation glued to a name than a full name
            plausible = len(ctoks) <= 3 or g is not None
            if plausible:
                fits.append(cand)
            rank = (plausible, len(ctoks), count, -first)
            if best is None or rank > best[0]:
                best = (rank, cand)
        if best is None:
            return name, []
        words = {t.lower().rstrip(".") for t in best[1].split()}
        rivals = [c for c in fits if not {t.lower().rstrip(".") for t in c.split()} <= words]
        return best[1], rivals

    def _nearest(self, toks: list[str], female: bool | None, pos: int, best: str,
                 rivals: list[str]) -> str:
        """Of several people sharing a last name, the one a short mention at ``pos`` means:
        of those whose gender fits, the one named in full just before ``pos``, else the one
        named most often, else first."""
        seen, titled = self._occurrences(toks[-1])
        if female is None:
            # the nearest honorific mention before it, when no full name comes between
            g_pos, g = max(((p, g) for p, g in titled if p < pos), default=(-1, None))
            if g is not None and not any(g_pos < p < pos for c in [best] + rivals for p in seen[c]):
                female = g
        people = [best] + rivals
        if female is not None:
            exact = [c for c in people if gender_of(c) == female]
            people = exact or [c for c in people if gender_of(c) is None] or [best]
        # one of them named in full just before (the same paragraph, roughly): that one
        latest = max(((p, c) for c in people for p in seen[c] if p < pos), default=(-1, best))
        if latest[0] >= 0 and pos - latest[0] <= _JUST_NAMED:
            return latest[1]
        sets = {c: {t.lower().rstrip(".") for t in c.split()} for c in seen}

        def score(cand: str) -> tuple[int, int]:
            mine = sets[cand]
            count = sum(len(p) for c, p in seen.items() if sets[c] <= mine)
            return count, -seen[cand][0]

        return max(people, key=score)


_JUST_NAMED = 400  # characters
