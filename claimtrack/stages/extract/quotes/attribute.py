"""Tie each quoted span to a cue and a speaker, then resolve the speaker to a name.

Order of evidence for one quote (first that answers wins):
0. words written on a thing: ``a sign reading "…"``, ``a cape bearing the words "…"`` (the
   thing is the source);
1. a cue right after the quote: ``"…," Smith said`` / ``"…," said Smith`` / ``"…" — Smith``,
   or a name and any verb (``"…?" Mr. Burton fumed``);
2. a name right before a quote set off by dashes (``including Mitt Romney — "…" —``), else a
   cue before it in the same sentence: ``Smith said: "…"``, ``Smith said the plan was "…"``
   (a plain "said" preferred over weaker cues, unless the weaker one is right against the
   quote: ``as Trump went on about "…"``; never "showed"/"revealed" under someone's "said":
   ``Lee said the audit shows it is "…"`` is Lee's);
3. a possessor's speech noun (``Trump's claim that "…"``), any other cue of the sentence
   (a closing ``according to the report`` first, then the nearest), a colon introduction;
4. the subject of the sentence when it can speak (``Clinton sent an email praising his
   "body language"``); not things ("A chip controls eight "synergistic" cores"), not the
   subject of a passive naming (``it is called "…"``), not a common word or a gerund that
   only opens the sentence ("Words such as "…"", "Moving the final …");
5. context: another quote of the same sentence (quotes coordinated by "and"/"or" take the
   earlier quote's cue), the rest of a multi-paragraph quote, a name line under an unclosed
   quote, and for a quote standing alone the sentence before it (a colon introduction or a
   named subject) or the previous full quote's speaker (continuation; a fragment embedded in
   someone else's indirect speech does not interrupt it).
Titles in running text ("Meet the Press", the book "…"), nicknames, "so-called" words and
unattributed quotes of four words or fewer (scare quotes) are left out; longer unattributed
quotes are kept with no speaker. Unquoted transcript turns ("PENCE: …") are quotes when a text
has two or more. Records and texts speak too: ``according to``/``per`` take the whole source
phrase (``a complaint filed by the city``), ``payroll records show``, ``Minutes of the meeting
describe``, ``an audit released last year found``. Names are then expanded to the fullest form in
the article ("Sir Keir" by first name; of two people with one last name, the one just named,
else the one named most often) and he/she/they/it resolved (:func:`_resolve_names`).

>>> [(f.speaker, f.cue) for f in attribute_document('Jane Smith was calm. "We will win," she added.')]
[('Jane Smith', 'added')]
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import islice

from claimtrack.stages.extract.quotes.content import _EMBED_AFTER, ends_with_phrase, _INTRO_WORDS, _is_title, _SCARE_BEFORE, _SCARE_LONGEST, _SIGN_OFF, _SIGN_OFF_WORDS, _STAGE, _WORK_BEFORE, _WORK_LONGEST, count_words, words_rx
from claimtrack.stages.extract.quotes.after import speaker_after
from claimtrack.stages.extract.quotes.bodies import body_speaker
from claimtrack.stages.extract.quotes.context import _resolve_context
from claimtrack.stages.extract.quotes.coref import NameIndex
from claimtrack.stages.extract.quotes.cues import CUE, norm_cue, SOURCE_AFTER
from claimtrack.stages.extract.quotes.found import Found, _set, _speaker_of, _via
from claimtrack.stages.extract.quotes.lexicon import gender_of, PRONOUNS
from claimtrack.stages.extract.quotes.marks import find_spans, Span
from claimtrack.stages.extract.quotes.names import clean_name, Mention
from claimtrack.stages.extract.quotes.pronouns import _resolve_names
from claimtrack.stages.extract.quotes.roles import speaker_with_role
from claimtrack.stages.extract.quotes.sentences import sentence_bounds
from claimtrack.stages.extract.quotes.source import _can_speak, _clause_subject, _colon_subject, _cue_ok, _dash_interjection, _find_after, _find_before, _inscription, _LAST_WORD, _np_for_cue, _POSSESSIVE_SPEECH, STRONG, _subject
from claimtrack.stages.extract.quotes.transcript import _LABEL, _label_speaker, _transcript_lines

WINDOW = 600  # characters of a sentence read on either side of a quote


NEIGHBOURS = 12  # other quotes of the sentence read on either side of a quote


def _mk_frame(text: str, s: int, e: int, regions: list[tuple[int, int]]) -> str:
    """``text[s:e]`` with every quotation (marks included) blanked to \\x01, same length."""
    parts = []
    pos = s
    for a, b in regions:
        a, b = max(a, s), min(b, e)
        if a >= b:
            continue
        parts.append(text[pos:a])
        parts.append("\x01" * (b - a))
        pos = b
    parts.append(text[pos:e])
    return "".join(parts)


def attribute_document(text: str) -> list[Found]:
    """Quotes of ``text`` with speakers resolved (see the module docstring for the order)."""
    spans = find_spans(text)
    labels = _transcript_lines(text, spans)
    if not spans and not labels:
        return []
    index = NameIndex(text)
    words = words_rx(text)
    found: list[Found] = []
    # group spans by paragraph
    by_para: dict[int, list[Span]] = {}
    for sp in spans:
        by_para.setdefault(sp.para, []).append(sp)
    for pspans in by_para.values():
        ps, pe = pspans[0].para_start, pspans[0].para_end
        regions = [(sp.open_at, sp.outer_end) for sp in pspans]
        sents = sentence_bounds(text, ps, pe, regions)
        sent_starts = [a for a, _ in sents]
        sent_ends = [b for _, b in sents]
        reg_starts = [a for a, _ in regions]
        for sp in pspans:
            # the sentence(s) holding the quote, and the quotes inside them (bisect: a
            # paragraph of thousands of quotes stays linear)
            k = bisect_right(sent_starts, sp.open_at) - 1
            s0 = sents[k][0] if k >= 0 and sp.open_at < sents[k][1] else ps
            k = bisect_left(sent_ends, sp.outer_end)
            e0 = sents[k][1] if k < len(sents) and sents[k][0] < sp.outer_end else pe
            e0 = max(e0, sp.outer_end)
            # a run-on "sentence" is read only near the quote: work per quote stays bounded
            cut = s0 < sp.open_at - WINDOW
            s0 = max(s0, sp.open_at - WINDOW)
            e0 = min(e0, sp.outer_end + WINDOW)
            lo = bisect_left(reg_starts, s0)
            if lo > 0 and regions[lo - 1][1] > s0:
                lo -= 1
            hi = bisect_left(reg_starts, e0)
            # and with at most NEIGHBOURS quotes either side of it
            me = bisect_left(reg_starts, sp.open_at)
            if me - lo > NEIGHBOURS:
                lo = me - NEIGHBOURS
                s0 = max(s0, regions[lo][0])
            if hi - me > NEIGHBOURS + 1:
                hi = me + NEIGHBOURS + 1
                e0 = min(e0, regions[hi - 1][1])
            found.append(_attribute_span(text, sp, s0, e0, regions[lo:hi], words, cut))
    if labels:
        found = sorted(found + labels, key=lambda f: f.start)
    _resolve_context(text, found)
    _resolve_names(text, found, index)
    for f in found:
        if f.kind == "name" and f.cue is None and not f.carried and f.speaker and \
                _not_a_subject_name(f.speaker, index):
            f.speaker = f.mention = f.kind = None  # "Words such as "…"", "Moving the date …"
        f.via = _via(f)
        if f.kind != "name" and f.speaker and f.speaker[:4].lower() == "the ":
            # "the union" -> "Harbour Workers' Union": the body the article named with it
            f.speaker = body_speaker(text, f.speaker, f.start) or f.speaker
        if f.kind == "name" and f.speaker:
            # "Ryan's spokeswoman, AshLee Strong": the role the article gives the speaker first
            f.speaker = speaker_with_role(f.speaker, f.mention)
        if text.startswith(_SIGN_OFF_WORDS, f.start) and _SIGN_OFF.fullmatch(text, f.start, f.end):
            f.keep = False  # the site's sign-off ("Follow Jo Park on Twitter @jopark.")
        # a few words in quotation marks that nobody is said to have said: a scare quote
        if f.mention is None and count_words(words, text, f.start, f.end, 5) <= 4:
            f.keep = False
    return [f for f in found if f.keep]


_PEOPLE_WORD = re.compile(r"(?:ers|ors|ists|ians|ants|ents|ees|men|women|people|officials|police|staff)$")


_PASSIVE_NAMING = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?(?:called|dubbed|"
                             r"labell?ed|known\s+as|described\s+as|termed|named|nicknamed)\s*[,:]?\s*$", re.I)


def _not_a_subject_name(name: str, index: NameIndex) -> bool:
    """A one-word "name" read as the subject of a sentence with no verb of saying that is a
    common word: written in lower case elsewhere ("Words such as …" and "the words"), or a
    gerund ("Moving the final …") that is no known first name.

    >>> _not_a_subject_name("Moving", NameIndex("Moving it helps.")), _not_a_subject_name("Okoro", NameIndex("Okoro left."))
    (True, False)
    """
    if " " in name:
        return False
    if _PEOPLE_WORD.search(name.lower()):
        return False  # "Lawyers for the papers said it was "…"": people speak
    return not index.reads_as_name(name) or (name.endswith("ing") and gender_of(name) is None)


FIRST_WORDS = 12  # words of a quote read by its length tests (none reads more than 11)


def _first_words(words: re.Pattern, text: str, start: int, end: int) -> list[str]:
    """The first :data:`FIRST_WORDS` words of ``text[start:end]`` (``words``: the words
    pattern): found in one call on its first 100 characters when they hold more (only the last
    word found there can be cut short), else word by word.

    >>> _first_words(words_rx("a"), "We will, we will rock you", 0, 25)
    ['We', 'will', 'we', 'will', 'rock', 'you']
    """
    cut = min(end, start + 100)
    found = words.findall(text, start, cut)
    if cut == end or len(found) > FIRST_WORDS:
        return found[:FIRST_WORDS]
    return [m.group() for m in islice(words.finditer(text, start, end), FIRST_WORDS)]


_PASSIVE_VERBS = r"(?:described|dismissed|called|branded|labell?ed|termed|hailed|denounced|condemned|critici[sz]ed|praised|attacked|derided|slammed|welcomed)"
_PASSIVE_AS = re.compile(r"\b(?:is|are|was|were|been|being|be)\s+(?:\w+ly\s+)?" + _PASSIVE_VERBS + r"\s+(?:as\s+)?$")
_PASSIVE_BY_AS = re.compile(r"\b(?:is|are|was|were|been|being|be)\s+(?:\w+ly\s+)?" + _PASSIVE_VERBS +
                            r"\s+by\s+([^\x01,;:]{2,80}?)\s+as\s*$")
_BY_AFTER = re.compile(r"\s*,?\s*by\s+")


def _passive_agent(frame: str, prev_end: int, a: int, b: int, next_start: int) -> tuple[Mention, str] | None:
    """The agent of a passive verb of describing around a quote: 'the plan was dismissed as
    "ridiculous" by Justice Ann Lee' -> Ann Lee; 'it was described by Lee as "…"' -> Lee.

    >>> f = 'The plan was dismissed as \x01\x01\x01 by Justice Ann Lee.'
    >>> _passive_agent(f, 0, 26, 29, len(f))[0].name
    'Ann Lee'
    >>> f = 'It was described by Mr Jobs as \x01\x01\x01.'
    >>> _passive_agent(f, 0, 31, 34, len(f))[0].name
    'Jobs'
    """
    lead = frame[max(prev_end, a - 140):a]
    tail = lead.rstrip()[-3:]
    if tail[-2:] != "ed" and tail != " as" and "by" not in lead:
        return None  # (most quotes: no passive verb or "by" before them)
    if "by" in lead:
        m = _PASSIVE_BY_AS.search(lead)
        if m is not None:
            agent = speaker_after(" " + m.group(1) + ".")
            if agent is not None and agent.kind in ("name", "role"):
                return agent, "described"
    m = _PASSIVE_AS.search(lead)
    if m is not None:
        by = _BY_AFTER.match(frame, b, next_start)
        if by is not None:
            agent = speaker_after(frame[by.end():next_start])
            if agent is not None and agent.kind in ("name", "role"):
                return agent, "described"
    return None


def _attribute_span(text: str, sp: Span, s0: int, e0: int,
                    regions: list[tuple[int, int]], words: re.Pattern, cut: bool = False) -> Found:
    """Attribution of one span inside its sentence ``text[s0:e0]`` (``regions``: the quotes
    of that sentence, marks included; ``words``: :func:`words_rx` of the text, which serves
    every frame cut from it; ``cut``: the sentence starts before ``s0``, so the frame does not
    hold its subject)."""
    start, end = sp.start, sp.end
    f = Found(start, end, text[s0:e0], group=sp.group, para=sp.para, para_start=sp.para_start,
              para_end=sp.para_end, unclosed=sp.unclosed, sent_start=s0, sent_end=e0)
    # transcript label inside the marks: '"PENCE: Well, …'
    lab = _LABEL.match(text, start, end)
    lm = _label_speaker(lab.group(1)) if lab else None
    if lm is not None:
        f.start = lab.end()
        _set(f, lm, ":")
        f.standalone = True
        return f
    frame = _mk_frame(text, s0, e0, regions)
    a, b = sp.open_at - s0, sp.outer_end - s0
    # neighbouring quotes in the sentence bound the adjacent searches
    k = bisect_left(regions, (sp.open_at, sp.outer_end))  # this quote's own region
    prev_end = max(regions[k - 1][1] - s0, 0) if k > 0 else 0
    next_start = min(regions[k + 1][0] - s0, len(frame)) if k + 1 < len(regions) else len(frame)
    # words of the sentence outside the quote, up to 3 (a word search resumes where the last
    # word ended, as re.finditer does; the quote's own blanked marks are not scanned, and a
    # blank \x01 splits words as a space does)
    n_out = count_words(words, frame, 0, a, 3)
    if n_out < 3:
        n_out += count_words(words, frame, b, len(frame), 3 - n_out)
    # the first words of the quote are enough for every length test below
    qwords = _first_words(words, text, start, end)
    f.standalone = n_out <= 2 or (a == 0 and sp.unclosed)
    # words written on a thing: "a sign reading "…"", "a cape bearing the words "…""
    res = _inscription(frame, prev_end, a) if a > 0 else None
    if res is None:
        res = _find_after(frame, b, next_start)
    adjacent = res is not None  # '"Claire," she recalls': a quotation, whatever its shape
    f.after = adjacent
    before = None
    if res is None:
        res = _dash_interjection(frame, prev_end, a, b, next_start)
    if res is None:
        before = _find_before(frame, prev_end, a)
        if before is not None:
            res = before[0], before[1]
    if res is None and prev_end == 0:
        # "Smith said the plan was "A" and "B"": a cue before an earlier quote of the sentence
        pass
    if res is None:
        # "Donald Trump's claim that there were "thousands of shootings"": the possessor
        # the nearest one, followed closely by the quote (through "that", "of" or a colon)
        m = None
        lo = max(prev_end, a - 200)
        if frame.find("'s", lo, a) >= 0 or frame.find("’s", lo, a) >= 0:  # (its [’']s, or no match)
            for m in _POSSESSIVE_SPEECH.finditer(frame, lo, a):
                pass
        tail = frame[m.end(2):a] if m else ""
        if m and len(tail) <= 60 and not any(c in tail for c in "\x01.;") and (
                not tail.strip() or tail.strip().startswith(":")
                or re.match(r"\s*(?:that|of)\b", tail)):
            name, female = clean_name(m.group(1).split())
            if name:
                res = Mention(m.group(1), name, "name", female), m.group(2).lower()
    if res is None:
        # 'was dismissed as "ridiculous" by Justice Ann Lee', 'was described by Lee as "…"'
        res = _passive_agent(frame, prev_end, a, b, next_start)
    if res is None:
        # any cue anywhere in the sentence, nearest first
        best = None
        for m in CUE.finditer(frame):
            if "\x01" in m.group() or not _cue_ok(frame, m):
                continue
            mention = _np_for_cue(frame, m, allow_after=True)
            if mention is not None:
                cue = norm_cue(m.group())
                dist = a - m.end() if m.end() <= a else m.start() - b
                if cue in SOURCE_AFTER and not frame[m.end():].count("\x01"):
                    dist = -1  # a closing "according to the report" covers the whole sentence
                if best is None or dist < best[0]:
                    best = (dist, mention, cue)
        if best is not None:
            res = best[1], best[2]
    # colon introduction at the end of the text before the quote
    if res is None:
        lead = frame[prev_end:a].rstrip()
        if lead.endswith(":") and lead[:-1].strip():
            m = _colon_subject(lead)
            if m is not None:
                res = m, ":"
    if res is None and not f.standalone and not _PASSIVE_NAMING.search(frame, max(prev_end, a - 60), a):
        # the subject of a subordinate clause that ends at the quote, else the sentence's
        # (not of a passive naming: 'it is called "…"' names a thing, nobody says it)
        # (a frame cut from a run-on sentence has no subject: its first words, perhaps half a
        # word, are not the sentence's first)
        m = (_clause_subject(frame[prev_end:a]) if a > 0 else None) or (
            None if cut and a > 0 else _subject(frame[:a] if a > 0 else frame[b:]))
        # a subject that can speak: a name or pronoun, or a role noun for people or texts
        # ("the senator", "the report"); not "A core" for a scare-quoted "synergistic"
        if m is not None and (m.kind != "role" or _can_speak(m.text)):
            res = m, None
    if res is not None:
        mention, cue = res
        f.mention, f.cue, f.kind, f.female = mention.text, cue, mention.kind, mention.female
        f.speaker = _speaker_of(mention)
        # partial: words of the sentence between the cue and the quote ("said the plan was")
        if before is not None:
            between = frame[before[2]:a]
            f.partial = count_words(words, between, 0, len(between), 2) >= 2 and \
                not between.rstrip().endswith(":")
    # ... or a quote embedded in running words ("was “a disaster” for", "“phony polls” that")
    if not f.standalone and not f.partial:
        wb = _LAST_WORD.search(text, max(sp.para_start, sp.open_at - 30), sp.open_at)
        emb_before = wb is not None and wb.group(1).lower() not in _INTRO_WORDS
        emb_after = _EMBED_AFTER.match(text, sp.outer_end, min(sp.para_end, sp.outer_end + 40)) is not None
        f.partial = emb_before or emb_after
    # scare quotes, titles, nicknames
    lead_text = frame[max(prev_end, a - 40):a]
    # 'Mr Reed said: "No."': a quote a cue introduces is speech, whatever its capitals
    introduced = before is not None and before[1] in STRONG and frame[before[2]:a].strip() in (":", ",")
    if not f.standalone:
        if len(qwords) <= 4 and ends_with_phrase(_SCARE_BEFORE, lead_text.rstrip(" \x01"), _SCARE_LONGEST):
            f.keep = False
        elif not adjacent and ends_with_phrase(_WORK_BEFORE, lead_text.rstrip(" \x01,"), _WORK_LONGEST):
            f.keep = False  # "author of the book "Rivers of Salt""
        elif not adjacent and len(qwords) <= 10 and not introduced and \
                _is_title(qwords, text[start:end], frame):
            f.keep = False
    if len(qwords) <= 3 and _STAGE.match(text[start:end]):
        f.keep = False  # a stage direction in a transcript
    if len(qwords) == 1 and qwords[0].lower() in PRONOUNS:
        f.keep = False  # a word talked about ("she" is a "he"), not a quotation
    return f
