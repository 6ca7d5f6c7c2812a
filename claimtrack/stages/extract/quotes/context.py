"""Speakers from context: quotes of one sentence, the paragraphs of one long quote, and a
quote standing alone after the sentence or quote before it (speaker_via "context").

>>> _byline_after("x Norman Ornstein, a scholar.", 1).name
'Norman Ornstein'
"""
from __future__ import annotations

import re

from claimtrack.stages.extract.quotes.content import _WORDS
from claimtrack.stages.extract.quotes.coref import at_boundary
from claimtrack.stages.extract.quotes.lexicon import gender_of, _NOT_NAME, person_named, TITLES
from claimtrack.stages.extract.quotes.found import _copy, Found, _set
from claimtrack.stages.extract.quotes.names import Mention
from claimtrack.stages.extract.quotes.sentences import sentence_bounds
from claimtrack.stages.extract.quotes.cues import CUE
from claimtrack.stages.extract.quotes.source import _colon_subject, _cue_ok, _np_for_cue, _PERSON_SUFFIX, _role_head
from claimtrack.stages.extract.quotes.after import speaker_after

def _previous_sentence(text: str, f: "Found") -> tuple[str | None, bool, int]:
    """The sentence before the one holding ``f`` (from the previous paragraph if need be),
    whether it is in the same paragraph, and where it starts."""
    s = f.sent_start
    k = s - 1
    while k >= 0 and text[k].isspace():
        k -= 1
    if k < 0:
        return None, False, s
    same = "\n" not in text[k:s]
    ls = max(text.rfind("\n", 0, k + 1) + 1, k - 600)
    sents = sentence_bounds(text, ls, k + 1, [])
    return (text[sents[-1][0]:sents[-1][1]] if sents else None), same, (sents[-1][0] if sents else s)


def _speech_subject(sentence: str) -> Mention | None:
    """Who a sentence says said something, by its cue ("His spokeswoman insisted he had simply
    postponed the trip." -> his spokeswoman); None when no cue has a speaker.

    >>> _speech_subject("But his spokeswoman insisted he had simply postponed it.").text
    'his spokeswoman'
    >>> _speech_subject("Ann Lee was defiant.") is None
    True
    """
    frame = sentence.rstrip()
    for m in CUE.finditer(frame):
        if _cue_ok(frame, m):
            mention = _np_for_cue(frame, m, allow_after=True)
            if mention is not None:
                return mention
    return None


#: a quotation mark of any style: a sentence holding a quote is not read for a subject
_QUOTE_MARK = re.compile(r"[\"“”«»„‘]|''|``")


def _resolve_context(text: str, found: list[Found]) -> None:
    """Speakers from context: same sentence, same multi-paragraph quote, previous quotes."""
    # 1. quotes of one sentence share an attribution
    by_sent: dict[int, list[Found]] = {}
    for f in found:
        by_sent.setdefault(f.sent_start, []).append(f)
    for group in by_sent.values():
        if len(group) < 2:
            continue
        # quotes coordinated with an earlier one ("… went on about "A" and "B" and "C," Jo
        # said yes") belong to the earlier quote's cue, not to a cue after the last one
        for p, f in zip(group, group[1:]):
            if f.after and p.mention and not p.after and \
                    _COORDINATED.fullmatch(text, p.end, f.start):
                _copy(f, p)
        # the nearest earlier attributed quote of the sentence, else the first later one
        first = next((g for g in group if g.mention), None)
        last = None
        for f in group:
            if f.mention is None:
                src = last or first
                if src is not None:
                    _copy(f, src)
                    f.partial = f.partial or src.partial
            if f.mention is not None:
                last = f
    # 2. multi-paragraph quotes share a speaker
    by_group: dict[int, list[Found]] = {}
    for f in found:
        by_group.setdefault(f.group, []).append(f)
    for group in by_group.values():
        if group[-1].unclosed and not any(g.mention for g in group):
            m = _byline_after(text, group[-1].para_end)
            if m is not None:
                for f in group:
                    _set(f, m, "—")
        if len(group) < 2:
            continue
        src = next((g for g in reversed(group) if g.mention), None)
        if src is not None:
            for f in group:
                if f.mention is None:
                    _copy(f, src, carried=True)
    # 3. a quote standing alone: a colon introduction in the sentence before, else the
    #    previous quote's speaker (up to 2 paragraphs back), else the subject of the sentence
    #    before when it is a name ("Smith was defiant. 'We will win.'")
    last: Found | None = None
    last_full: Found | None = None
    before: dict[int, tuple[str | None, bool, int]] = {}  # sentence start -> _previous_sentence
    for i, f in enumerate(found):
        if f.mention is None and f.standalone:
            # (read once per sentence: the quotes of one sentence have the same sentence before)
            prev, same_para, prev_start = before.get(f.sent_start) or before.setdefault(f.sent_start, _previous_sentence(text, f))
            m = _colon_subject(prev) if prev and prev.rstrip().endswith(":") else None
            m2 = None
            if m is None and prev and same_para and not _QUOTE_MARK.search(prev):
                m2 = _colon_subject(prev)
            if m is not None:
                _set(f, m, ":", carried=True)
            elif m2 is not None and m2.kind in ("name", "pronoun") and not _body_after_speaker(text, m2, last, f):
                _set(f, m2, None, carried=True)
            elif last is not None and prev and (said := _reported_speaker(prev, prev_start, found, i)) is not None:
                # "Her spokesman insisted she had only delayed it. "The doctors …"": the quote
                # after a sentence that reports someone's words (with at most fragments of
                # their words quoted in it) is theirs, not the last full quote's
                _set(f, said, None, carried=True)
            elif last is not None and f.para - last.para <= 2:
                # a quote standing alone continues the last full quote, not a fragment
                # embedded in someone's indirect speech (""…," McCaul said, though officials
                # haven't said it is "reopening" it. "Remember, …"")
                _copy(f, last_full if last_full is not None and last.partial
                      and last_full.para == last.para else last, carried=True)
            elif prev:
                m = speaker_after(prev)
                if m is not None and m.kind == "name":
                    _set(f, m, None, carried=True)
                elif not _QUOTE_MARK.search(prev):
                    # "She said the plan was fair.\n\n"Nobody will lose out."": the one who
                    # said something in the sentence before, named or "he"/"she"
                    m = _colon_subject(prev)
                    if m is not None and m.kind in ("name", "pronoun") and m.text.lower() not in ("it", "they"):
                        _set(f, m, None, carried=True)
        if f.mention is not None:
            last = f
            if not f.partial:
                last_full = f


def _reported_speaker(prev: str, prev_start: int, found: list[Found], i: int) -> Mention | None:
    """The named or role speaker of the indirect speech in ``prev`` (the sentence before lone
    quote ``found[i]``), when no full quote stands in that sentence; a role only when its
    head names a person."""
    k = i - 1
    while k >= 0 and found[k].start >= prev_start:
        if found[k].keep and not found[k].partial:
            return None
        k -= 1
    # (a cue inside a quotation in that sentence is the quoted text's: '"Jo said no," reads a memo')
    m = _speech_subject(_QUOTED.sub(lambda q: " " * len(q.group()), prev) if _QUOTE_MARK.search(prev) else prev)
    if m is None or m.kind not in ("name", "role"):
        return None
    # a role that names a person ("her spokesman", "the official"), not a thing that shows
    # something ("The restoration of the film revealed …"); or a title that brings someone in
    # ("the singer's rep", "a rep for the band"; "the England coach" refers back to someone named,
    # often the one who spoke last)
    head = _role_head(m.text)
    words = m.text.lower().split()
    definite = words[0] == "the" and not any(w.endswith(("'s", "’s")) for w in words)  # (not "the band's rep")
    return m if m.kind == "name" or _PERSON_SUFFIX.search(head) or (head in TITLES and not definite) else None


def _body_after_speaker(text: str, subject: Mention, last: Found | None, f: Found) -> bool:
    """Whether the subject of the sentence before a lone quote is a body ("Acme was one of the
    firms …": a name the article never gives a first name or a title) while someone spoke just
    before: the quote goes on with that speaker, not with the company the narration turned to.

    >>> _known_person("Ann Lee spoke. Lee was defiant.", "Lee"), _known_person("Acme was one.", "Acme")
    (True, False)
    >>> _known_person("The Football Association met.", "Football Association")
    False
    """
    return subject.kind == "name" and last is not None and f.para - last.para <= 1 and \
        last.kind == "name" and not _known_person(text, subject.name or subject.text)


def _known_person(text: str, name: str) -> bool:
    """A known first name, or a name the article writes somewhere after a first name or a title
    ("Ann Lee", "Mr Lee")."""
    if gender_of(name) is not None:
        return True
    if " " in name.strip():
        return person_named(name)  # "Ann Lee", not "Scottish Football Association"
    # the matches of r"\b([A-Z][a-z]+\.?) <name>\b" one after another as re.finditer reads
    # them (none starts inside the one before), without a pattern compiled per name
    end = 0
    i = text.find(" " + name)
    while i >= 0:
        j = i + 1 + len(name)
        q = _capitalised_word_before(text, i)
        if q >= end and at_boundary(text, q) and at_boundary(text, j):
            if text[q:i].lower().rstrip(".") not in _NOT_NAME:
                return True
            end = j
        i = text.find(" " + name, i + 1)
    return False


def _capitalised_word_before(text: str, i: int) -> int:
    """Where the word ``[A-Z][a-z]+\\.?`` that ends at ``i`` starts (-1: no such word).

    >>> _capitalised_word_before("Ann Lee", 3), _capitalised_word_before("Dr. Lee", 3), _capitalised_word_before("ANN Lee", 3)
    (0, 0, -1)
    """
    k = i - 1 if i > 0 and text[i - 1] == "." else i
    low = k
    while low > 0 and "a" <= text[low - 1] <= "z":
        low -= 1
    return low - 1 if low < k and low > 0 and "A" <= text[low - 1] <= "Z" else -1


_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")


_COORDINATED = re.compile(r"[\s,.\"“”‘’'«»„`]*(?:(?:and|or)[\s\"“”‘’'«»„`]*)?")


_BYLINE = re.compile(r"[ \t]*(?:[—–]|--)?[ \t]*([^\n]{3,300})")


def _byline_after(text: str, para_end: int) -> Mention | None:
    """A name line closing an unclosed quote, as under an epigraph or a pull quote:
    "Norman Ornstein, a scholar at the institute." -> Norman Ornstein."""
    k = para_end
    while k < len(text) and text[k].isspace():
        k += 1
    m = _BYLINE.match(text, k)
    if not m or m.group(1)[:1] in "\"“”'‘«„":
        return None
    line = m.group(1)
    if len(_WORDS.findall(line)) > 25:
        return None
    mention = speaker_after(line)
    if mention is None or mention.kind != "name":
        return None
    rest = line[len(mention.text):] if line.startswith(mention.text) else None
    if rest is None or not re.match(r"\s*(?:[,(—–]|$)", rest):
        return None
    return mention
