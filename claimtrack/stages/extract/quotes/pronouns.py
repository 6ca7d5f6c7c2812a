"""Pronouns: "he"/"she" to the most recent compatible person (a named speaker, a role for one
person, a named subject), "it"/"they" to the latest organisation or group that spoke (else
:mod:`~claimtrack.stages.extract.quotes.groups`), and a role a "he"/"she" stands for to the person
the article names with it (:mod:`~claimtrack.stages.extract.quotes.anaphors`).

>>> t = "A spokesman said no. Ms Lee wrote on her blog."
>>> _person_named_since(t, NameIndex(t), 0, len(t), True)
True
"""
from __future__ import annotations

import re

from claimtrack.stages.extract.quotes.anaphors import _APPOSED_NAME, _person_before, _person_role, role_person, _THE_AGE
from claimtrack.stages.extract.quotes.coref import NameIndex, _NAME_WORD
from claimtrack.stages.extract.quotes.cuechain import cue_speaker_back, _reads_as_person
from claimtrack.stages.extract.quotes.cues import CUE
from claimtrack.stages.extract.quotes.found import Found, _is_org
from claimtrack.stages.extract.quotes.groups import _ACRONYM_END, _group_subject, _SAID_NEXT
from claimtrack.stages.extract.quotes.lexicon import demonym_epithet, gender_of, is_place, party_epithet, person_named
from claimtrack.stages.extract.quotes.names import clean_name
from claimtrack.stages.extract.quotes.subjects import _subject_mentions


#: a verb only people use next to a subject ("Souness said", not "the film tells")
_SAYS_NEXT = re.compile(r"\s+(?:\w+\s+)?(?:said|says|added|adds|insisted|insists|admitted|admits|argued|argues|explained|explains)\b")



_OBJECT_CASE = {"him": "he", "her": "she", "them": "they"}


_ROLE_DETS = frozenset("the a an one another".split())


_TITLED = re.compile(r"\b(?:(Mr|Mrs|Ms|Miss|Dr|Sir|Dame)\.?\s+)(" + _NAME_WORD + r")")


def _person_named_since(text: str, index: "NameIndex", lo: int, hi: int, female: bool,
                        quotes: tuple[tuple[int, int], ...] = (), role: str = "") -> bool:
    """Whether the narration of ``text[lo:hi]`` (outside the spans of ``quotes``) names a person
    who may be "he" (``female`` False) or "she": a full name, or a surname after an honorific.
    A name inside a quotation is one the speaker mentions, not someone the article brings in
    ('"… the plan Maria Okafor drew up," an aid worker said. "…," he added.'),
    and a name inside the ``role`` that spoke is its body ('said a spokesman for Harlow Brothers').

    >>> t = "A spokesman said no. Ms Lee wrote on her blog."
    >>> _person_named_since(t, NameIndex(t), 0, len(t), True), _person_named_since(t, NameIndex(t), 0, len(t), False)
    (True, False)
    >>> _person_named_since(t, NameIndex(t), 0, len(t), True, ((21, 46),))
    False
    """
    for s, e in _narration(lo, hi, quotes):
        for m in _TITLED.finditer(text, s, e):
            g = None if m.group(1) in ("Dr",) else m.group(1) not in ("Mr", "Sir")
            if g is None or g == female:
                return True
        for name in index.names_before(e, e - s):
            g = gender_of(name)
            if name not in role and person_named(name) and not _is_org(name) and (g == female or g is None and len(name.split()) <= 3):
                return True
    return False


def _cue_next(text: str, at: int) -> bool:
    """Whether a verb of saying starts after the spaces at ``text[at]`` ("One dealer noted").

    >>> _cue_next("One dealer noted that", 10), _cue_next("One dealer left", 10)
    (True, False)
    """
    j = at
    while j < len(text) and text[j] == " ":
        j += 1
    return j > at and CUE.match(text, j) is not None


def _narration(lo: int, hi: int, quotes: tuple[tuple[int, int], ...]):
    """The stretches of ``[lo, hi)`` outside the (sorted) spans of ``quotes``.

    >>> list(_narration(0, 50, ((5, 10), (20, 30), (60, 70))))
    [(0, 5), (10, 20), (30, 50)]
    """
    at = lo
    for a, b in quotes:
        if b <= at or a >= hi:
            continue
        if a > at:
            yield at, a
        at = max(at, b)
    if at < hi:
        yield at, hi


def _resolve_names(text: str, found: list[Found], index: NameIndex) -> None:
    """Short names to the fullest name in the article; "he"/"she" to the most recent compatible
    person: a named speaker (up to 3 paragraphs back) or the named subject of an earlier
    sentence of the same paragraph, else any name before it."""
    speakers: list[tuple[int, int, str, bool | None]] = []  # (position, para, name, female)
    groups: list[tuple[int, str, bool]] = []  # (para, speaker, plural?) of groups, roles, organisations
    persons: set[str] = set()  # roles for one person among the speakers ("the aide")
    epithets: dict[str, str] = {}  # "the 36-year-old", "the Texas Democrat" -> the person
    ends = {f.start: f.end for f in found}  # where the quote that starts at a position ends
    for f in found:
        if f.kind == "name" and f.speaker and not party_epithet(f.speaker) and not demonym_epithet(f.mention):
            f.speaker = index.fullest(f.speaker, f.female, f.start)
            if " " not in f.speaker and f.mention and re.match(r"(?:Sir|Dame)\s", f.mention):
                f.speaker = index.fullest(index.by_first_name(f.speaker), f.female)
            fem = f.female if f.female is not None else gender_of(f.speaker)
            if fem is not None or index.reads_as_name(f.speaker):
                speakers.append((f.start, f.para, f.speaker, fem))
            if _is_org(f.speaker) or _ACRONYM_END.search(f.speaker):  # "The OECD": an "it"
                groups.append((f.para, f.speaker, f.speaker.endswith("s") and not f.speaker.isupper()))
        elif f.speaker and (f.kind == "role" and _THE_AGE.match(f.speaker) or f.kind in ("role", "name") and (party_epithet(
                f.speaker) or demonym_epithet(f.mention))) and (named := epithets.get(f.speaker) or _person_before(text, index, f)) is not None:
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
            if best is not None and best[1] in persons and _person_named_since(
                    text, index, best[0], f.start, want, tuple((q.start, q.end) for q in found if best[0] <= q.start < f.start), best[1]):
                # "A spokesman said … Ms Lee wrote on her blog. She said: "…"": a person named
                # since the role spoke is nearer
                role_pick, best = best[1], None
            # (read from the end of the quote the one found spoke, where a sentence may start at
            # its closing mark: the subjects of the sentences inside it are people that speaker
            # talks about, '"… the aid Jo Reyes called for," an aid worker said. "…," he added.')
            floor = ends.get(best[0], best[0] + 1) - 1 if best else -1
            unknown = None  # the latest named subject of unknown gender: "Smith was defiant."
            for pos, m in _subject_mentions(text, f.para_start, f.start, floor):
                if m.kind == "role" and unknown is None:
                    at = text.find(m.text, pos)
                    # (a role that a verb of saying follows speaks: "Another trader said he …"
                    # needs no head that only people have)
                    said = at >= 0 and (_SAID_NEXT.match(text, at + len(m.text)) is not None or
                                        _cue_next(text, at + len(m.text)))
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
                        and not _is_org(full) and not full.isupper() and not is_place(full):
                    # ("he" is never a body in capitals or a place: "IMF", "Washington")
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
