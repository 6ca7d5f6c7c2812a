"""Source: the speaker a cue governs. The cue right after a quote, before it, a dash
interjection, a colon introduction, a sentence's subject, words written on a thing.

>>> _colon_subject("Jo Park had one message:").name
'Jo Park'
"""
from __future__ import annotations

import re
from functools import lru_cache

from claimtrack.stages.extract.quotes.content import count_words, _WORDS
from claimtrack.stages.extract.quotes.cues import CUE, NAMING, norm_cue, NOUNLIKE, RECORD_CUES, SOURCE_AFTER
from claimtrack.stages.extract.quotes.leads import _DATELINE, _lead_phrase
from claimtrack.stages.extract.quotes.lexicon import _NOT_NAME, _PARTICIPLES, RECORD_NOUNS, _SPEAKING_NOUNS, TITLES
from claimtrack.stages.extract.quotes.names import Mention
from claimtrack.stages.extract.quotes.after import speaker_after
from claimtrack.stages.extract.quotes.around import _BULLET, _in_clause, _opens_label
from claimtrack.stages.extract.quotes.speakers import speaker_before

# (matched at a position of a frame, not on a slice of it: no "^")
_AFTER_LEAD = re.compile(r"\s*[,.;!?]?\s*(?:[—–]|--)?\s*")


_DASH_SPEAKER = re.compile(r"\s*(?:[—–]|--|-(?=\s))\s*")  # a spaced hyphen is a dash in plain text


# (possessive: a search tries every start in the window, and a word that is not the last one
# fails at once instead of giving back one character at a time)
_LAST_WORD = re.compile(r"(\w++)\s*+$")


MAX_CONTEXT = 400


#: words allowed between a quote and its speaker + cue besides the speaker itself
_FILLER = frozenset("""also then later again once further has had have would will was is
did does repeatedly reportedly flatly simply just often previously recently earlier quickly
continued went on later finally""".split())


#: cues that are auxiliaries when "to" follows ("continued to grow", "promised to cut")
_AUX_CUES = frozenset("continue continues continued continuing begin began start started".split())


#: the usual verbs of saying: preferred when a sentence has several cues before a quote
STRONG = frozenset("""say says said saying tell tells told telling add adds added adding write
writes wrote according to argue argues argued warn warns warned insist insists insisted
claim claims claimed declare declared declares""".split())  # characters of sentence either side of a quote that the cue search reads


def _cue_ok(frame: str, m: re.Match, lo: int = 0) -> bool:
    """A capitalised cue counts only at the start of its frame (``frame[lo:]``): "Said Trump:",
    "According to"; elsewhere it is a name or a headline word ("Washington Post")."""
    if m.group()[0].isupper():
        return not frame[lo:m.start()].strip(" ,.;!?\x01\"“”")
    return True


_POSSESSIVE_SPEECH = re.compile(
    r"\b((?:[A-Z][\w.\-]*\s+){0,3}[A-Z][\w\-]*)[’']s\s+(?:[a-z]+\s+)?(claims?|statements?|remarks?|"
    r"comments?|allegations?|assertions?|words|warnings?|promises?|pledges?|vows?|accusations?|"
    r"complaints?|arguments?|predictions?|descriptions?|characterization|suggestion|message|"
    r"tweets?|speech|testimony|letter|email|memo|op-ed|column|response|reply|answer)\b")


#: cues whose next noun phrase is an object, not an inverted subject ("told The Post")
_TAKES_OBJECT = frozenset("""tell tells told telling ask asks asked urge urges urged warn warns warned
accuse accused call calls called praise praised thank thanked blast blasted slam slammed criticize
criticized mock mocked beg begged remind reminded assure assured inform informed""".split())


# "it would tell", "to say": a cue after a modal is weaker evidence than a plain "said"
_MODAL_BEFORE = re.compile(r"\b(?:would|will|could|should|may|might|can|must|to)\s+(?:[a-z]+\s+)?$")


_AUX_TO = re.compile(r"\s+to\s+[a-z]")


_GENERIC_VERB = re.compile(r"\b[a-z]{3,}(?:ed|(?<!s)s)\b")  # ("boss", "press": no verb in -s ends in -ss)


#: verbs of perceiving whose object is the one heard speaking ("a video shows a man saying")
_PERCEIVE = r"(?:shows?|showed|showing|shown|heard|hears?|hearing|saw|sees?|seen|captured|captures|filmed|films|recorded|records|catches|caught)"
_PERCEIVE_END = re.compile(r"\b" + _PERCEIVE + r"\s+$")
_PERCEIVED_OBJECT = re.compile(r"\b" + _PERCEIVE + r"\s+(him|her|them)\s*$", re.I)


#: "AP quoted prosecutor Russell McGuire as saying": the one quoted is the speaker
_QUOTED_AS_AFTER = re.compile(r"[^\x01.;:!?]{1,60}?\bquot(?:ed|es)\s+([^\x01.;:!?]{2,120}?)\s+as\s+"
                              r"(?:saying|telling|writing|adding)\b")
_QUOTED_AS = re.compile(r"\bquot(?:ed|es|ing)\s+([^\x01.;:!?]{2,120}?)\s+as\s*$")


def _quoted_one(phrase: str) -> Mention | None:
    """The one a text "quoted … as saying": a name, a role, or him / her / them.

    >>> _quoted_one("prosecutor Jo Reyes").name, _quoted_one("her").female
    ('Jo Reyes', True)
    """
    low = phrase.strip().lower()
    if low in ("him", "her", "them"):
        return Mention(phrase.strip(), None, "pronoun", True if low == "her" else False if low == "him" else None)
    return speaker_after(" " + phrase)


def _np_for_cue(frame: str, m: re.Match, allow_after: bool) -> Mention | None:
    """The speaker of cue ``m`` in ``frame``: before it, or after it when nothing is before."""
    return _np_for_cue_at(frame, m.start(), m.end(), allow_after)


@lru_cache(maxsize=4096)
def _np_for_cue_at(frame: str, start: int, end: int, allow_after: bool) -> Mention | None:
    """:func:`_np_for_cue` for the cue at ``frame[start:end]``, memoised: the quotes of one
    sentence share its frame, and a cue between two of them is read for each (the returned
    mentions are never changed)."""
    cue = norm_cue(frame[start:end])
    if cue in _AUX_CUES and _AUX_TO.match(frame, end):
        return None  # "continued to expand": not a cue
    left = frame[max(0, start - MAX_CONTEXT):start]
    if cue in SOURCE_AFTER:
        right = frame[end:end + MAX_CONTEXT]
        mention = speaker_after(right)
        if mention is not None and mention.kind == "role":
            return _whole_source(right, mention)
        return mention
    if cue in RECORD_CUES:
        # "…," lobbying records show: only a record speaks through "show" (and not the object
        # of someone else's verb: "Acme released figures which showed")
        if re.search(r"\b(?:which|that)\s*$", left):
            return None
        mention = speaker_before(left)
        return mention if mention is not None and _is_record(mention) else None
    lstrip = left.rstrip()
    if "\x01" in lstrip[-3:] or not lstrip.strip(" ,.;:!?—–-\x01"):
        # inverted: '"…," said Smith' (never after a participle: '"…," adding that')
        if allow_after and not cue.endswith("ing"):
            return speaker_after(frame[end:end + MAX_CONTEXT])
        return None
    full_left = left
    cut = left.rfind("\x01")
    if cut >= 0:
        left = left[cut + 1:]
    if lstrip.endswith(",") and allow_after and not cue.endswith("ing") and cue not in _TAKES_OBJECT:
        # "…, said Bart Naylor, a policy advocate." : inverted after a comma
        right = frame[end:end + MAX_CONTEXT]
        am = speaker_after(right)
        if am is not None and am.kind == "name":
            k = right.find(am.text.split()[-1])
            if k >= 0 and _NAME_END.match(right[k + len(am.text.split()[-1]):]):
                return am
    if cue.endswith("ing"):
        # "Ms Okafor issued a statement saying …": a participle's speaker is the clause subject
        # (not a dummy "it": "It may be saying something like …")
        qa = _QUOTED_AS.search(left) if "quot" in left else None
        if qa is not None:
            quoted = _quoted_one(qa.group(1))
            if quoted is not None:
                return quoted
        obj = _PERCEIVED_OBJECT.search(left)
        if obj is not None:
            # "footage showed him shouting", "heard them chanting": the one perceived speaks
            low = obj.group(1).lower()
            return Mention(obj.group(1), None, "pronoun", True if low == "her" else False if low == "him" else None)
        near = speaker_before(left)
        lead = left[:len(left.rstrip()) - len(near.text)] if near is not None else ""
        if near is not None and (near.kind in ("name", "role") and re.search(
                r"\bwith\s+(?:the\s+)?$", lead)
                or near.kind == "name" and re.search(r"\b(?:of|by|from|showing|shows|showed|heard|hear)\s+$", lead)
                or near.kind == "role" and _PERCEIVE_END.search(lead)):
            return near  # "… with spokesman Rob Tarrant saying", "footage of Reyes saying"
        subj = _subject(full_left)
        return None if subj is not None and subj.text.lower() == "it" else subj
    if cue in NAMING and _PASSIVE_BEFORE.search(left):
        return None  # "it is called "…"", "what is often described as "…"": a name, not speech
    mention = speaker_before(left)
    if mention is not None and (cue in NAMING or cue in NOUNLIKE) and mention.kind == "role":
        # "a film called …", "his state-of-the-state address": not speech; but a text or a
        # person that describes something does speak ("Notes of the call describe a …"), unless
        # the verb is passive ("a man described as …", "a house described by neighbours")
        if not (cue.startswith("describ") and _role_head(mention.text) in _SPEAKING_NOUNS
                and not _PASSIVE_NEXT.match(frame, end)):
            return None
    if mention is not None and cue in NOUNLIKE and mention.kind == "name":
        # "A Harbour Authority report released …", "FBI notes revealed …":
        # the cue word is a noun when a determiner leads the name or a verb follows it
        before = left[:len(left.rstrip()) - len(mention.text)] if left.rstrip().endswith(mention.text) else ""
        if _DET_END.search(before) or _VERB_NEXT.match(frame, end):
            return None
    return mention


_SOURCE_END = re.compile(r"[,;:\x01(\[—–]|(?<=[a-z0-9])\.(?=\s|$)|\s--")


_POSTMODIFIER = frozenset("by from of on in at for with about and".split()) | _PARTICIPLES


def _whole_source(right: str, mention: Mention) -> Mention:
    """The whole noun phrase after "according to" when the role found is only its start: "a
    complaint filed by the city and a lawsuit by two unions" up to the comma.

    >>> _whole_source(" a lawsuit filed by the city and a claim by two unions, the firm",
    ...               Mention("a lawsuit", None, "role")).text
    'a lawsuit filed by the city and a claim by two unions'
    """
    end = _SOURCE_END.search(right)
    phrase = right[:end.start() if end else len(right)].strip()
    words = phrase.split()
    have = mention.text.split()
    if len(words) <= len(have) or len(words) > 24 or words[:len(have)] != have or \
            words[len(have)].lower() not in _POSTMODIFIER or "\n" in phrase:
        return mention
    return Mention(phrase, None, "role")


_INSCRIBED = re.compile(
    r"\b(bearing|reading|emblazoned\s+with|printed\s+with|inscribed\s+with|carrying|displaying|"
    r"with)(\s+(?:the|a|an)\s+(?:words?|slogan|message|phrase|legend|inscription|caption))?"
    r"\s*[,:]?\s*$")


def _inscription(frame: str, lo: int, a: int) -> tuple[Mention, str] | None:
    """Words written on a thing: "a sign reading "…"", "a cape bearing the words, "…"" (the
    thing, as written, is the source; not whoever carries it).

    >>> fr = 'She wore a cap bearing the words "\x01"'
    >>> _inscription(fr, 0, fr.find('"'))[0].text
    'a cap'
    """
    lead = frame[max(lo, a - 120):a]
    m = _INSCRIBED.search(lead)
    if m is None or (m.group(1) in ("with", "carrying", "displaying") and not m.group(2)):
        return None  # "came with "a list"": only "with the words" names an inscription
    thing = speaker_before(lead[:m.start()])
    if thing is None or thing.kind != "role":
        return None
    return thing, norm_cue(m.group(1))


_PASSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being|is\s+now|often)\s+(?:\w+ly\s+)?$", re.I)


_PASSIVE_NEXT = re.compile(r"\s+(?:as|by|in|to|with)\b")


#: what may follow an inverted speaker's name: punctuation, or where they work or when they
#: spoke ("…, said Jo Park at Acme on Monday.")
_NAME_END = re.compile(r"\s*(?:[,.;:!?]|$|(?:at|of|from|with|on|in)\s+(?:the\s+)?[A-Z0-9])")


_DET_END = re.compile(r"\b(?:[Aa]n?|[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+$")


_VERB_NEXT = re.compile(r"\s+(?:[a-z]+ed|found|shows?|says?|said|finds|concludes?|is|was|are|were|has|had)\b")


_SPEECH_NOUN_OF = re.compile(r"\b(?:verdict|view|words|message|assessment|opinion|warning|response|"
                             r"reaction|advice|conclusion|argument|plea|promise)\s+of\s+")


def _find_after(frame: str, b: int, limit: int) -> tuple[Mention, str] | None:
    """Cue + speaker right after the quote ending at ``b`` (before ``limit``)."""
    dash = _DASH_SPEAKER.match(frame, b, limit)
    if dash is not None:
        rest = frame[dash.end():limit]
        mention = speaker_after(rest)
        if mention is not None and mention.kind == "name" and not _opens_label(rest, mention):
            if not CUE.search(rest, 0, 60):
                return mention, "—"
        # '"…" - that was the verdict of Sarah Linton, …': a speech noun of the speaker
        noun = _SPEECH_NOUN_OF.search(rest, 0, 80) if mention is None or mention.kind != "name" else None
        if noun is not None and not CUE.search(rest, 0, noun.start()):
            m2 = speaker_after(rest[noun.end():])
            if m2 is not None and m2.kind == "name":
                return m2, "—"
    lead = _AFTER_LEAD.match(frame, b, limit)  # (all optional: None only when limit < b)
    start = lead.end() if lead is not None else b
    # ("quoted" can start no further on than 60 characters: look for it before the regex)
    qa = _QUOTED_AS_AFTER.match(frame, start, limit) if frame.find("quot", start + 1, min(limit, start + 64)) >= 0 else None
    if qa is not None:  # '"…," AP quoted prosecutor Russell McGuire as saying'
        quoted = _quoted_one(qa.group(1))
        if quoted is not None:
            return quoted, "quoted"
    # (cues starting more than 160 characters on are not read: stop the scan there)
    for k, m in enumerate(CUE.finditer(frame, start, min(limit, start + 190))):
        if k > 2 or m.start() - start > 160:
            break
        if not _cue_ok(frame, m, start):
            continue
        mention = _np_for_cue(frame, m, allow_after=True)
        if mention is not None:
            # the speaker must sit between the quote and the cue, or right after the cue
            between = set(_WORDS.findall(frame[start:m.start()].lower()))
            if between - set(_WORDS.findall(mention.text.lower())) - _FILLER:
                continue
            return mention, norm_cue(m.group())
    # '"…," Mr. Burton fumed': a name or pronoun and any verb right after the quote
    g = _GENERIC_VERB.search(frame, start, min(limit, start + 60))
    if g is not None and not CUE.match(frame, g.start()):
        left = frame[start:g.start()]
        if left.strip() and "\x01" not in left:
            mention = speaker_before(left)
            # (a name after a quote inside a clause is the clause going on: 'introducing
            # "costly" ID cards'; a pronoun and a verb are an attribution: 'so "…," she advises')
            if mention is not None and (mention.kind == "pronoun" or mention.kind == "name" and not _in_clause(frame, b)) and \
                    _WORDS.findall(mention.text) == _WORDS.findall(left):
                return mention, norm_cue(g.group())
    # '"I was terrified!" sobbed mum-of-two Kerry Dawes': any past-tense verb right after the
    # quote, then the speaker it inverts with
    g = _INVERTED_VERB.match(frame, start, limit)
    if g is not None and not CUE.match(frame, g.start()):
        mention = speaker_after(frame[g.end(1):min(limit, g.end(1) + MAX_CONTEXT)])
        if mention is not None and (mention.kind == "name" or mention.kind == "role" and _can_speak(mention.text)):
            return mention, norm_cue(g.group(1))
    return None


_INVERTED_VERB = re.compile(r"([a-z]{3,}ed)\s+(?=[a-zA-Z])")


def _find_before(frame: str, lo: int, a: int) -> tuple[Mention, str, int] | None:
    """The last cue + speaker before the quote starting at ``a`` (not before ``lo``)."""
    cues = list(CUE.finditer(frame, lo, a))
    weak = None
    for m in reversed(cues):
        if not _cue_ok(frame, m, lo):
            continue
        mention = _np_for_cue(frame, m, allow_after=True)
        if mention is not None:
            cue = norm_cue(m.group())
            modal = _MODAL_BEFORE.search(frame, max(0, m.start() - 30), m.start())
            if cue in STRONG and not modal:
                return mention, cue, m.end()
            if cue in _NESTED_CUES:
                # "Lee said the study shows …", "Lee said talks revealed …": the one who
                # reports what a record or an event showed is the speaker
                weak = weak or (mention, cue, m.end())
                continue
            # a weaker cue right against the quote ("as Trump went on about "…"") beats a
            # plain "said" further back: the quote is that verb's object
            if weak is None and not modal and "\x01" not in frame[m.end():a] and \
                    count_words(_WORDS, frame, m.end(), a, 3) <= 2:
                return mention, cue, m.end()
            if weak is None:
                weak = mention, cue, m.end()
    return weak


_NESTED_CUES = RECORD_CUES | {"reveal", "reveals", "revealed"}


_DASH_END = re.compile(r"(?:[—–]|--)\s*$")


_DASH_OR_END = re.compile(r"\s*(?:[—–]|--|[.;]|$)")


def _dash_interjection(frame: str, lo: int, a: int, b: int, hi: int) -> tuple[Mention, str] | None:
    """A quote set off by dashes right after a name: "… including Mitt Romney — "…" — and …".

    >>> fr = 'Critics, among them Ann Lee — \x01\x01\x01 — agree.'
    >>> _dash_interjection(fr, 0, fr.find('\x01'), fr.rfind('\x01') + 1, len(fr))[0].name
    'Ann Lee'
    """
    lead = frame[lo:a]
    d = _DASH_END.search(lead)
    if d is None or not _DASH_OR_END.match(frame, b, hi):
        return None
    head = lead[:d.start()].rstrip()
    m = speaker_before(head)
    if m is None or m.kind != "name" or not head.endswith(m.text.split()[-1]):
        return None
    # "supportive of Mr. Trump — "…"": a name after a preposition is not the speaker
    w = _LAST_WORD.search(head, 0, max(0, len(head) - len(m.text)))
    if w is not None and w.group(1).lower() in _PREPS_BEFORE_NAME:
        return None
    return m, "—"


_PREPS_BEFORE_NAME = frozenset("""of to for with about by from at on in against than as
like toward towards over under into onto upon""".split())


@lru_cache(maxsize=1024)
def _colon_subject(sentence: str) -> Mention | None:
    """Speaker of a sentence that introduces a quote: its cue's, else its subject (memoised:
    a lone quote's context asks it up to three times of the sentence before, and the quotes of
    one paragraph ask it of the same sentences; the returned mentions are never changed).

    >>> _colon_subject("Jo Park had one message:").name, _colon_subject(" - City boss Ann Ward:").name
    ('Jo Park', 'Ann Ward')
    """
    frame = sentence.rstrip().rstrip(":")
    bullet = _BULLET.match(frame)  # "- City boss Ann Ward:", a list's line: the label follows
    if bullet is not None:
        frame = frame[bullet.end():]
    for m in CUE.finditer(frame):
        if _cue_ok(frame, m):
            mention = _np_for_cue(frame, m, allow_after=True)
            if mention is not None:
                return mention
    # no cue: the subject ("The piece used one of her quotes as its headline:")
    return _subject(frame)


_PERSON_SUFFIX = re.compile(r"(?:er|ers|or|ors|ist|ists|ian|ians|man|men|woman|women|ant|ants|"
                            r"ent|ents|ee|ees|ive|ives|al|als|ary|aries|ar|ars|eur|eurs)$")


def _is_record(m: Mention) -> bool:
    """A role mention whose head is a record ("court filings", "the minutes").

    >>> _is_record(Mention("lobbying records", None, "role")), _is_record(Mention("Jo Ray", "Jo Ray", "name"))
    (True, False)
    """
    return m.kind == "role" and _role_head(m.text) in RECORD_NOUNS


_HEAD_END = frozenset("of for at on from with in to close about by".split())


def _role_head(role: str) -> str:
    """The head noun of a role phrase: its last word before any prepositional phrase.

    >>> _role_head("a spokesman for the city"), _role_head("Minutes of the meeting"), _role_head("the aide")
    ('spokesman', 'minutes', 'aide')
    """
    words = role.lower().split()
    for i, w in enumerate(words[1:], 1):
        if w in _HEAD_END:
            return words[i - 1].strip(".,;:")
    return words[-1].strip(".,;:") if words else ""


_HEAD_PREPS = frozenset("of by from for at in on with".split())


def _can_speak(role: str) -> bool:
    """A role noun phrase whose head names people or a text: "the senator", "critics",
    "the report" (and not "a core", "the river").

    >>> _can_speak("the former senator"), _can_speak("the report"), _can_speak("A core")
    (True, True, False)
    >>> _can_speak("an audit released last year")
    True
    """
    words = role.split()
    k = next((i for i, w in enumerate(words) if i and w.lower() in _PARTICIPLES), len(words))
    head = words[k - 1].lower().strip(".,;:")  # "the report" of "the report released Monday"
    if head in _SPEAKING_NOUNS or len(head) > 3 and _PERSON_SUFFIX.search(head) is not None:
        return True
    # a speaking head before a preposition: "a memo from the Treasury", "an inquiry by the board"
    k = next((i for i, w in enumerate(words) if i and w.lower() in _HEAD_PREPS), 0)
    return k > 0 and words[k - 1].lower() in _SPEAKING_NOUNS


# a subordinate clause that the quote ends: "… after an investigation by X uncovered "…""
_SUBORDINATOR = re.compile(r"(?:^|[\s,;(])(?:after|when|because|since|until|before|while|although|though|once|"
                           r"whereas)\s+", re.I)


def _clause_subject(before: str) -> Mention | None:
    """The subject of a subordinate clause that runs straight into the quote: a noun phrase that
    can speak, then at most three words (its verb) before the quotation mark. Its subject, not
    the sentence's, is the source ("Lee was expelled after an inquiry by the board uncovered
    "…"": the inquiry).

    >>> _clause_subject("Lee was expelled after an inquiry by the board uncovered ").text
    'an inquiry by the board'
    >>> _clause_subject("Lee left after the storm hit ") is None
    True
    """
    last = None
    for last in _SUBORDINATOR.finditer(before):
        pass
    if last is None:
        return None
    clause = before[last.end():]
    if "\x01" in clause or len(clause.split()) > 16:
        return None
    m = speaker_after(clause, subject=True)
    if m is None or m.kind == "pronoun" or m.kind == "role" and not _can_speak(m.text) or m.kind == "name" and \
            any(w.islower() and w.strip(",.") not in _NOT_NAME and w.strip(",.") not in TITLES for w in m.text.split()):
        return None  # (not a clause read as a name: "a Man loves a Woman")
    at = clause.find(m.text)
    rest = clause[at + len(m.text):].lstrip(" ,").split() if at >= 0 else []
    if not rest or len(rest) > 3 or not rest[0].isalpha() or not rest[0].islower() or rest[0] in _NOT_NAME:
        return None
    return m


def _subject(frame: str) -> Mention | None:
    """The grammatical subject of a sentence, roughly: its first noun phrase after any
    leading adverbial ("In July, Gingrich dismissed …" -> Gingrich)."""
    frame = _DATELINE.sub("", frame, count=1)
    lead = _lead_phrase(frame)
    rest = frame[lead.end():] if lead else frame
    rest = rest.lstrip(" \x01\"“”‘’'([")
    return speaker_after(rest, subject=True)
