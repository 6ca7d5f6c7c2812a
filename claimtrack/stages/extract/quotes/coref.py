"""Coreference, the cheap way: short names to the fullest name in the article, pronouns to the
most recent compatible speaker.

>>> idx = NameIndex("Turkish President Recep Tayyip Erdogan met Putin. Later Erdogan spoke.")
>>> idx.fullest("Erdogan")
'Recep Tayyip Erdogan'
"""
from __future__ import annotations

import re
from itertools import islice

from claimtrack.stages.extract.quotes.found import Found, _is_org
from claimtrack.stages.extract.quotes.lexicon import _CAP_CUES, gender_of, is_country, is_place, _MALE, _NOT_NAME, TITLES
from claimtrack.stages.extract.quotes.names import clean_name
from claimtrack.stages.extract.quotes.sentences import sentence_bounds
from claimtrack.stages.extract.quotes.source import _colon_subject, _role_head, _subject

_NAME_WORD = r"(?:[A-Z][a-z\u00e0-\u024f]+(?:[’'\-][A-Z]?[a-z\u00e0-\u024f]+)*|[A-Z]\.|Mc[A-Z][a-z]+|[A-Z][a-z]?[A-Z][a-z]+)(?![\w’'])"


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


def _back_run(text: str, i: int) -> list[str]:
    """The name words (up to 4) right before position ``i``: "Recep Tayyip " before "Erdogan".

    >>> _back_run("Secretary of State Hillary Clinton", 27)
    ['Hillary']
    """
    if i == 0 or not text[i - 1].isspace():
        return []
    words = text[max(0, i - 80):i].split()
    out: list[str] = []
    while words and len(out) < 5:
        w = words[-1]
        low = w.lower()
        if low in _CAP_CUES or (len(w) >= 7 and low.endswith("ed") and low not in _MALE):
            break  # a headline verb: "Clinton Flattered Obama"
        if _WORD_RE.match(w) or w in _TITLE_ABBR or (out and w in _PARTICLE_WORDS):
            # the first word of a sentence is a name only if it is a known first name
            first = len(words) < 2 or words[-2][-1:] in '.!?"”:'
            if first and w not in _TITLE_ABBR and gender_of(w) is None:
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
                toks = _back_run(text, i)
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

        >>> idx = NameIndex("Usually it rains. Then Lee came. Plans fail. Okoro left. The plans.")
        >>> [idx.reads_as_name(w) for w in ("Usually", "Lee", "Ann Lee", "Plans", "Okoro")]
        [False, True, True, False, True]
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
            if not hit and name.isalpha() and not name.lower().endswith("ly"):
                # only at sentence starts: a name unless the word is also written in lower
                # case ("Plans …" and "the plans")
                hit = re.search(r"\b" + re.escape(name.lower()) + r"\b", text) is None
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


def _subjects_before(text: str, para_start: int, pos: int, floor: int = 0):
    """(position, name, female?) of the named subjects of the sentences of a paragraph before
    ``pos`` (including the start of the sentence that holds ``pos``), latest first."""
    for s, m in _subject_mentions(text, para_start, pos, floor):
        if m.kind == "name" and m.name:
            yield s, m.name, m.female


def _subject_mentions(text: str, para_start: int, pos: int, floor: int = 0):
    """(position, mention) of the subjects of the sentences before ``pos`` in its paragraph
    (the paragraph before when the quote opens its own), latest first."""
    if not text[para_start:pos].strip(" \t\"“”‘’'«»„`"):
        k = para_start - 1
        while k >= 0 and text[k].isspace():
            k -= 1
        para_start = text.rfind("\n", 0, k + 1) + 1
    lo = max(para_start, pos - 800, floor)
    for s, e in reversed(sentence_bounds(text, lo, pos, [])):
        m = _subject(text[s:e])
        if m is not None:
            yield s, m


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
    for _, m in islice(_sentence_sources(text, f.para_start, f.start), 2):
        if m.kind == "pronoun":
            continue
        if m.kind == "name" and m.name:
            if gender_of(m.name) is not None or m.female is not None:
                return None  # a person spoke last: "it" is not them
            head = _role_head(m.name)  # "Reserve Bank of Westland" -> bank
            org = _is_org(m.name) or m.name.isupper() or head in _INSTITUTION_HEADS or \
                head.rstrip("s") in _INSTITUTION_HEADS  # "Acme Airlines"
            if org or (not plural and is_country(m.name)) or (plural and _PEOPLE_HEADS.search(head)):
                return m.name
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


def _resolve_names(text: str, found: list[Found], index: NameIndex) -> None:
    """Short names to the fullest name in the article; "he"/"she" to the most recent compatible
    person: a named speaker (up to 3 paragraphs back) or the named subject of an earlier
    sentence of the same paragraph, else any name before it."""
    speakers: list[tuple[int, int, str, bool | None]] = []  # (position, para, name, female)
    groups: list[tuple[int, str, bool]] = []  # (para, speaker, plural?) of groups, roles, organisations
    for f in found:
        if f.kind == "name" and f.speaker:
            f.speaker = index.fullest(f.speaker, f.female, f.start)
            if " " not in f.speaker and f.mention and re.match(r"(?:Sir|Dame)\s", f.mention):
                f.speaker = index.fullest(index.by_first_name(f.speaker), f.female)
            fem = f.female if f.female is not None else gender_of(f.speaker)
            if fem is not None or index.reads_as_name(f.speaker):
                speakers.append((f.start, f.para, f.speaker, fem))
            if _is_org(f.speaker):
                groups.append((f.para, f.speaker, f.speaker.endswith("s")))
        elif f.kind in ("group", "role") and f.speaker:
            groups.append((f.para, f.speaker, f.kind == "group" or f.speaker.split()[-1].endswith("s")))
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
                if (fem is None or fem == want) and not _is_org(name) and f.para - para <= 3:
                    best = (pos, name)
                    break
            floor = best[0] if best else 0
            unknown = None  # the latest named subject of unknown gender: "Smith was defiant."
            for pos, name, fem in _subjects_before(text, f.para_start, f.start, floor):
                if best is not None and pos <= best[0]:
                    break
                full = index.fullest(name, fem)
                g = fem if fem is not None else gender_of(full)
                if unknown is None and g is None and not _is_org(full) and index.reads_as_name(full):
                    unknown = full
                # a subject counts when it reads as a person: a known gender or a speaker
                if (g == want or (g is None and any(full == sp[2] for sp in speakers))) \
                        and not _is_org(full):
                    best = (pos, full)
                    break
            pick = best[1] if best else None
            if pick is None:
                for name in reversed(index.names_before(f.start)):
                    g = gender_of(name)
                    if g == want or (g is None and 2 <= len(name.split()) <= 3 and not _is_org(name)):
                        pick = index.fullest(name)
                        break
            if pick is None:
                pick = unknown
            if pick is None:
                for pos, para, name, fem in reversed(speakers):
                    if (fem is None or fem == want) and not _is_org(name):
                        pick = name
                        break
            f.speaker = pick
            if pick is not None:
                speakers.append((f.start, f.para, pick, want))
