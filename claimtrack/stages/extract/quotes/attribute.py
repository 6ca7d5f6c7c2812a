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
   "body language"``); not things ("A chip controls eight "synergistic" cores");
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
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

from claimtrack.stages.extract.quotes.coref import NameIndex, gender_of, is_place
from claimtrack.stages.extract.quotes.cues import CUE, NAMING, NOUNLIKE, RECORD_CUES, SOURCE_AFTER, norm_cue
from claimtrack.stages.extract.quotes.marks import Span, find_spans
from claimtrack.stages.extract.quotes.sentences import sentence_bounds
from claimtrack.stages.extract.quotes.speakers import (_PARTICIPLES, PRONOUNS, RECORD_NOUNS, Mention, clean_name, speaker_after,
                                        speaker_before)

_WORDS = re.compile(r"[^\W_]+(?:[’'][^\W_]+)*")
_LABEL = re.compile(r"([A-Z][A-Z.\-’' ]{1,30}[A-Z.]):\s+")
_AFTER_LEAD = re.compile(r"^\s*[,.;!?]?\s*(?:[—–]|--)?\s*")
_DASH_SPEAKER = re.compile(r"^\s*(?:[—–]|--)\s*")
_SCARE_BEFORE = re.compile(
    r"(?:so-called|so called|known as|nicknamed|dubbed|named|the name|titled|entitled|headlined|"
    r"the word|the terms?|the phrases?|the slogan|the hashtag|the book|the film|the movie|"
    r"the song|the show|the album)\s*$", re.I)
_WORK_BEFORE = re.compile(r"\b(?:book|novel|film|movie|documentary|song|album|memoir|play|show|series|"
                          r"titled|entitled)\s*$", re.I)
_LAST_WORD = re.compile(r"(\w+)\s*$")
#: words after which a quotation is introduced whole, not embedded
_INTRO_WORDS = frozenset("""that said says say added adds told wrote writes asked asks saying
adding stated replied answered declared""".split())
_EMBED_AFTER = re.compile(
    r"\s*(?!(?:he|she|they|i|we|it|said|says|added|adds|asked|wrote|writes|the|a|an|according)\b)[a-z]")
_MINOR = frozenset("a an the and or of in on at to for by with from nor but as vs".split())
MAX_CONTEXT = 400
WINDOW = 600  # characters of a sentence read on either side of a quote
NEIGHBOURS = 12  # other quotes of the sentence read on either side of a quote
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


@dataclass(slots=True)
class Found:
    """A quote with its attribution, before it becomes a :class:`~claimtrack.records.Quote`."""

    start: int
    end: int
    sentence: str
    speaker: str | None = None
    mention: str | None = None
    cue: str | None = None
    partial: bool = False
    kind: str | None = None  # mention kind: name, pronoun, role
    female: bool | None = None
    standalone: bool = False
    keep: bool = True
    group: int = -1
    para: int = 0
    para_start: int = 0
    para_end: int = 0
    unclosed: bool = False
    sent_start: int = 0
    sent_end: int = 0
    after: bool = False  # attributed by a cue right after the quote
    carried: bool = False  # the speaker came from a neighbouring sentence or paragraph
    via: str | None = None  # Quote.speaker_via, set by :func:`_set_via` once names are resolved


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
_GENERIC_VERB = re.compile(r"\b[a-z]{3,}(?:ed|s)\b")


def _np_for_cue(frame: str, m: re.Match, allow_after: bool) -> Mention | None:
    """The speaker of cue ``m`` in ``frame``: before it, or after it when nothing is before."""
    cue = norm_cue(m.group())
    if cue in _AUX_CUES and _AUX_TO.match(frame, m.end()):
        return None  # "continued to expand": not a cue
    left = frame[max(0, m.start() - MAX_CONTEXT):m.start()]
    if cue in SOURCE_AFTER:
        right = frame[m.end():m.end() + MAX_CONTEXT]
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
            return speaker_after(frame[m.end():m.end() + MAX_CONTEXT])
        return None
    full_left = left
    cut = left.rfind("\x01")
    if cut >= 0:
        left = left[cut + 1:]
    if lstrip.endswith(",") and allow_after and not cue.endswith("ing") and cue not in _TAKES_OBJECT:
        # "…, said Bart Naylor, a policy advocate." : inverted after a comma
        right = frame[m.end():m.end() + MAX_CONTEXT]
        am = speaker_after(right)
        if am is not None and am.kind == "name":
            k = right.find(am.text.split()[-1])
            if k >= 0 and _NAME_END.match(right[k + len(am.text.split()[-1]):]):
                return am
    if cue.endswith("ing"):
        # "Clinton issued a statement saying …": a participle's speaker is the clause subject
        # (not a dummy "it": "It may be saying something like …")
        near = speaker_before(left)
        if near is not None and (near.kind in ("name", "role") and re.search(
                r"\bwith\s+(?:the\s+)?$", left[:len(left.rstrip()) - len(near.text)])
                or near.kind == "name" and re.search(
                r"\b(?:of|by|from|showing|shows|showed|heard|hear)\s+$",
                left[:len(left.rstrip()) - len(near.text)])):
            return near  # "… with spokesman Glen Caplin saying", "footage of Trump saying"
        subj = _subject(full_left)
        return None if subj is not None and subj.text.lower() == "it" else subj
    mention = speaker_before(left)
    if mention is not None and (cue in NAMING or cue in NOUNLIKE) and mention.kind == "role":
        # "a film called …", "his state-of-the-state address": not speech; but a text or a
        # person that describes something does speak ("Notes of the call describe a …"), unless
        # the verb is passive ("a man described as …", "a house described by neighbours")
        if not (cue.startswith("describ") and _role_head(mention.text) in _SPEAKING_NOUNS
                and not _PASSIVE_NEXT.match(frame, m.end())):
            return None
    if mention is not None and cue in NOUNLIKE and mention.kind == "name":
        # "A Government Accountability Office report released …", "FBI notes revealed …":
        # the cue word is a noun when a determiner leads the name or a verb follows it
        before = left[:len(left.rstrip()) - len(mention.text)] if left.rstrip().endswith(mention.text) else ""
        if _DET_END.search(before) or _VERB_NEXT.match(frame, m.end()):
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


_PASSIVE_NEXT = re.compile(r"\s+(?:as|by|in|to|with)\b")
#: what may follow an inverted speaker's name: punctuation, or where they work or when they
#: spoke ("…, said Jo Park at Acme on Monday.")
_NAME_END = re.compile(r"\s*(?:[,.;:!?]|$|(?:at|of|from|with|on|in)\s+(?:the\s+)?[A-Z0-9])")
_DET_END = re.compile(r"\b(?:[Aa]n?|[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+$")
_VERB_NEXT = re.compile(r"\s+(?:[a-z]+ed|found|shows?|says?|said|finds|concludes?|is|was|are|were|has|had)\b")


def _find_after(frame: str, b: int, limit: int) -> tuple[Mention, str] | None:
    """Cue + speaker right after the quote ending at ``b`` (before ``limit``)."""
    seg = frame[b:limit]
    lead = _AFTER_LEAD.match(seg)
    if _DASH_SPEAKER.match(seg):
        mention = speaker_after(seg[_DASH_SPEAKER.match(seg).end():])
        if mention is not None and mention.kind == "name":
            rest = seg[_DASH_SPEAKER.match(seg).end():]
            if not CUE.search(rest, 0, 60):
                return mention, "—"
    start = b + (lead.end() if lead else 0)
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
            if mention is not None and mention.kind in ("name", "pronoun") and \
                    _WORDS.findall(mention.text) == _WORDS.findall(left):
                return mention, norm_cue(g.group())
    return None


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
                    len(_WORDS.findall(frame, m.end(), a)) <= 2:
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


def _colon_subject(sentence: str) -> Mention | None:
    """Speaker of a sentence that introduces a quote: its cue's, else its subject.

    >>> _colon_subject("Jo Park had one message:").name
    'Jo Park'
    """
    frame = sentence.rstrip().rstrip(":")
    for m in CUE.finditer(frame):
        if _cue_ok(frame, m):
            mention = _np_for_cue(frame, m, allow_after=True)
            if mention is not None:
                return mention
    # no cue: the subject ("The piece used one of her quotes as its headline:")
    return _subject(frame)


_DATELINE = re.compile(r"^\s*[A-Z][A-Z .,'’\-]{2,40}(?:\([A-Za-z .]{1,20}\))?\s*(?:[—–]|--?)\s*")
_LEAD_PHRASE = re.compile(
    r"^\s*(?:[A-Z][a-z]{3,}(?:ed|ing)\b[^,\x01]{0,150},\s*|(?:in|on|at|during|after|before|although|though|while|when|as|since|contrary to|"
    r"despite|unlike|like|for|with|without|under|over|by|from|to|if|because|once|then|but|and|"
    r"yet|so|still|meanwhile|however|instead|indeed|also|now|later|earlier|today|yesterday|"
    r"even as|even though|even if|even when)\b"
    r"[^,\x01]{0,150}(?:,|\s[—–]|\s--)\s*|[^,\x01]{0,40}\b(?:morning|afternoon|evening|night|day|week|weekend|"
    r"month|year|ago|time|moment|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s*,\s*)+",
    re.I)


_SPEAKING_NOUNS = frozenset("""report reports statement statements survey study poll polls article
piece letter email emails memo ad ads spot complaint lawsuit document documents campaign committee
group panel board agency court ruling filing order bill platform book column editorial story
video tweet post speech interview transcript notes note indictment analysis review paper
website site page network newspaper magazine commission party police army team host chief staff
aide aides source sources spokesman spokeswoman son sons daughter daughters wife husband mother
father brother sister friend friends man woman men women boy girl child children people person
family parents critics activists protesters students residents citizens fans crowd audience
officials police audit audits testimony filings disclosures minutes""".split())
_PERSON_SUFFIX = re.compile(r"(?:er|ers|or|ors|ist|ists|ian|ians|man|men|woman|women|ant|ants|"
                            r"ent|ents|ee|ees|ive|ives|al|als|ary|aries|ar|ars)$")


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
    return head in _SPEAKING_NOUNS or len(head) > 3 and _PERSON_SUFFIX.search(head) is not None


def _subject(frame: str) -> Mention | None:
    """The grammatical subject of a sentence, roughly: its first noun phrase after any
    leading adverbial ("In July, Gingrich dismissed …" -> Gingrich)."""
    frame = _DATELINE.sub("", frame, count=1)
    lead = _LEAD_PHRASE.match(frame)
    rest = frame[lead.end():] if lead else frame
    rest = rest.lstrip(" \x01\"“”‘’'([")
    return speaker_after(rest, subject=True)


def _previous_sentence(text: str, f: "Found") -> tuple[str | None, bool]:
    """The sentence before the one holding ``f`` (from the previous paragraph if need be), and
    whether it is in the same paragraph."""
    s = f.sent_start
    k = s - 1
    while k >= 0 and text[k].isspace():
        k -= 1
    if k < 0:
        return None, False
    same = "\n" not in text[k:s]
    ls = max(text.rfind("\n", 0, k + 1) + 1, k - 600)
    sents = sentence_bounds(text, ls, k + 1, [])
    return (text[sents[-1][0]:sents[-1][1]] if sents else None), same


def _is_title(words: list[str], quote: str, outside: list[str]) -> bool:
    """Title Case inside running text: a book, film, show or event name ("Meet the Press").
    A Title Case quote inside a Title Case headline is a quote, not a title.

    >>> _is_title(["Meet", "the", "Press"], "Meet the Press", ["He", "was", "on", "today"])
    True
    >>> _is_title(["I", "Represented", "Him"], "I Represented Him", ["Clinton", "As", "Senator"])
    False
    """
    if not words or len(words) > 10 or quote.rstrip()[-1:] in "!?:;":
        return False
    if len(words) == 1 and not (words[0][0].isupper() or words[0][0].isdigit()):
        return False
    if words[0].lower() in _PRONOUN_START:
        return False  # "I'm with her," "We're America."
    if not (all(w[0].isupper() or w.lower() in _MINOR or w[0].isdigit() for w in words)
            and sum(w[0].isupper() or w[0].isdigit() for w in words) >= min(2, len(words))):
        return False
    significant = [w for w in outside if w.lower() not in _MINOR]
    caps = sum(w[0].isupper() for w in significant)
    return len(significant) >= 2 and caps < 0.6 * len(significant)


_PRONOUN_START = frozenset("""i i’m i'm i’ve i've i’ll i'll we we’re we're we’ve we've we’ll
we'll you you’re you're he he’s he's she she’s she's they they’re they're it’s it's let’s let's
this that there here what why how who don’t don't can’t can't""".split())
_STAGE = re.compile(r"^\(?[A-Z][A-Z .\-]*\)?\.?$")  # (CROSSTALK.), (APPLAUSE)


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
            found.append(_attribute_span(text, sp, s0, e0, regions[lo:hi]))
    if labels:
        found = sorted(found + labels, key=lambda f: f.start)
    _resolve_context(text, found)
    _resolve_names(text, found, index)
    for f in found:
        f.via = _via(f)
        if _SIGN_OFF.fullmatch(text, f.start, f.end):
            f.keep = False  # the site's sign-off ("Follow Jo Park on Twitter @jopark.")
        # a few words in quotation marks that nobody is said to have said: a scare quote
        if f.mention is None and sum(1 for _ in islice(_WORDS.finditer(text, f.start, f.end), 5)) <= 4:
            f.keep = False
    return [f for f in found if f.keep]


_SIGN_OFF = re.compile(r"(?:Follow|Contact|Email|Reach)\s[^\n]{0,80}?(?:@\w+|on\s+(?:Twitter|X|"
                       r"Facebook|Instagram|Threads|Bluesky))[\s.!]*")
_LINE_LABEL = re.compile(r"^[ \t]*([A-Z][A-Z.’'\- ]{0,30}[A-Z.]):[ \t]+(\S[^\n]*?)[ \t]*$", re.M)
_LABEL_STOP = frozenset("""note notes editor editor’s editor's clarification correction corrections
update updated updates readers reader watch read more photo photos video videos related source
sources advertisement breaking exclusive warning disclaimer credit credits spoiler alert letters
q a question answer live summary background context and or the caption image file""".split())


def _label_speaker(label: str) -> Mention | None:
    """The speaker of a transcript label ("PENCE", "MR. O'NEILL", "SECRETARY CLINTON").

    >>> _label_speaker("MR. O'NEILL").name, _label_speaker("EDITOR'S NOTE")
    ("O'Neill", None)
    """
    words = label.split()
    if not words or len(words) > 3 or any(w.lower().strip(".") in _LABEL_STOP for w in words):
        return None
    toks = [w if not w.isupper() or len(w) <= 1 else w[0] + w[1:].lower() for w in words]
    toks = [re.sub(r"(?<=[’'])([a-z])", lambda m: m.group(1).upper(), t) for t in toks]  # O'Neill
    name, female = clean_name(toks)
    if not name:
        return None
    return Mention(label, name, "name", female)


def _transcript_lines(text: str, spans: list[Span]) -> list[Found]:
    """Unquoted transcript turns ("PENCE: Well, look, …"), when a text has two or more."""
    if ":" not in text:
        return []
    hits = []
    for m in _LINE_LABEL.finditer(text):
        mention = _label_speaker(m.group(1))
        if mention is not None and _WORDS.search(m.group(2)):
            hits.append((m, mention))
    if len(hits) < 2:
        return []
    # paragraph numbers as find_spans counts them (non-blank lines)
    line_starts = [pm.start() for pm in re.finditer(r"[^\n]*\S[^\n]*", text)]
    opens = [sp.open_at for sp in spans]
    out = []
    for m, mention in hits:
        a, b = m.start(2), m.end(2)
        k = bisect_left(opens, m.start())
        if k < len(opens) and opens[k] < b:
            continue  # the line holds quotation marks: the quote path reads it
        para = bisect_right(line_starts, a) - 1
        ps = line_starts[para] if para >= 0 else 0
        f = Found(a, b, text[ps:b], para=para, para_start=ps, para_end=b, sent_start=ps, sent_end=b,
                  standalone=True)
        _set(f, mention, ":")
        out.append(f)
    return out


def _attribute_span(text: str, sp: Span, s0: int, e0: int,
                    regions: list[tuple[int, int]]) -> Found:
    """Attribution of one span inside its sentence ``text[s0:e0]`` (``regions``: the quotes
    of that sentence, marks included)."""
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
    outside = frame.replace("\x01", " ")
    n_out = sum(1 for _ in islice(_WORDS.finditer(outside), 3))
    # the first words of the quote are enough for every length test below
    qwords = [m.group() for m in islice(_WORDS.finditer(text, start, end), 12)]
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
        for m in _POSSESSIVE_SPEECH.finditer(frame, max(prev_end, a - 200), a):
            pass
        tail = frame[m.end(2):a] if m else ""
        if m and len(tail) <= 60 and not any(c in tail for c in "\x01.;") and (
                not tail.strip() or tail.strip().startswith(":")
                or re.match(r"\s*(?:that|of)\b", tail)):
            name, female = clean_name(m.group(1).split())
            if name:
                res = Mention(m.group(1), name, "name", female), m.group(2).lower()
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
    if res is None and not f.standalone:
        m = _subject(frame[:a] if a > 0 else frame[b:])
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
            f.partial = len(_WORDS.findall(between.replace("\x01", " "))) >= 2 and not between.rstrip().endswith(":")
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
        if _SCARE_BEFORE.search(lead_text.rstrip(" \x01")) and len(qwords) <= 4:
            f.keep = False
        elif not adjacent and _WORK_BEFORE.search(lead_text.rstrip(" \x01,")):
            f.keep = False  # "author of the book "Rivers of Salt""
        elif not adjacent and len(qwords) <= 10 and not introduced and \
                _is_title(qwords, text[start:end], _WORDS.findall(outside)):
            f.keep = False
    if _STAGE.match(text[start:end]) and len(qwords) <= 3:
        f.keep = False  # a stage direction in a transcript
    if len(qwords) == 1 and qwords[0].lower() in PRONOUNS:
        f.keep = False  # a word talked about ("she" is a "he"), not a quotation
    return f


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
    for f in found:
        if f.mention is None and f.standalone:
            prev, same_para = _previous_sentence(text, f)
            m = _colon_subject(prev) if prev and prev.rstrip().endswith(":") else None
            m2 = None
            if m is None and prev and same_para and not any(c in prev for c in "\"“”"):
                m2 = _colon_subject(prev)
            if m is not None:
                _set(f, m, ":", carried=True)
            elif m2 is not None and m2.kind in ("name", "pronoun"):
                _set(f, m2, None, carried=True)
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
        if f.mention is not None:
            last = f
            if not f.partial:
                last_full = f


_COORDINATED = re.compile(r"[\s,.\"“”‘’'«»„`]*(?:(?:and|or)[\s\"“”‘’'«»„`]*)?")


def _speaker_of(m: Mention) -> str | None:
    """The speaker column for a mention: a name, a group of names, a role as written."""
    if m.kind in ("name", "group"):
        return m.name
    return m.text if m.kind == "role" else None


def _set(f: Found, m: Mention, cue: str | None, carried: bool = False) -> None:
    f.mention, f.cue, f.kind, f.female = m.text, cue, m.kind, m.female
    f.speaker = _speaker_of(m)
    f.carried = carried


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


def _copy(dst: Found, src: Found, carried: bool = False) -> None:
    """``src``'s attribution on ``dst``: carried (from another sentence or paragraph) when
    ``carried`` or when ``src`` itself had it carried; else the same clause governs both."""
    dst.speaker, dst.mention, dst.cue = src.speaker, src.mention, src.cue
    dst.kind, dst.female = src.kind, src.female
    dst.carried = carried or src.carried


def _via(f: Found) -> str | None:
    """How the speaker was found (``Quote.speaker_via``): "context" when carried from a
    neighbouring sentence or paragraph, else by the kind of the quote's own attribution:
    "pronoun" (resolved to a name), "role" (a role noun phrase or an organisation), "name".

    >>> _via(Found(0, 1, "", speaker="Jo Park", kind="name"))
    'name'
    >>> _via(Found(0, 1, "", speaker="the ministry", kind="role")), _via(Found(0, 1, "", kind="pronoun"))
    ('role', None)
    """
    if not f.speaker:
        return None
    if f.carried:
        return "context"
    if f.kind == "pronoun":
        return "pronoun"
    if f.kind == "role" or (f.kind == "name" and _org_head(f.speaker)):
        return "role"
    return "name"


def _org_head(name: str) -> bool:
    """A proper name headed by an organisation word ("Acme Bank", "Reuters"); unlike
    :func:`_is_org` not a place: "Jo Park" and "Ann Hall" are people.

    >>> _org_head("Hallam City Council"), _org_head("Jo Park")
    (True, False)
    """
    return name.rsplit(None, 1)[-1].lower().rstrip(".") in _ORG_WORDS


_ORG_WORDS = frozenset("""house party committee department campaign post times news agency office
service bureau council court university institute association union foundation center centre
group company corp inc bank fund organization organisation ministry commission network club
board team administration government police army senate congress parliament republicans
democrats journal tribune press reuters report survey workers voters employees union inquiry
trust authority labour tory tories conservatives liberals dems""".split())


@lru_cache(maxsize=4096)
def _is_org(name: str) -> bool:
    """An organisation or a place rather than a person: no "he" or "she" refers to it."""
    return name.rsplit(None, 1)[-1].lower().rstrip(".") in _ORG_WORDS or is_place(name) or \
        any(c.isdigit() for c in name)


def _subjects_before(text: str, para_start: int, pos: int, floor: int = 0):
    """(position, name, female?) of the named subjects of the sentences of a paragraph before
    ``pos`` (including the start of the sentence that holds ``pos``), latest first."""
    if not text[para_start:pos].strip(" \t\"“”‘’'«»„`"):
        # the quote opens its paragraph: read the paragraph before
        k = para_start - 1
        while k >= 0 and text[k].isspace():
            k -= 1
        para_start = text.rfind("\n", 0, k + 1) + 1
    lo = max(para_start, pos - 800, floor)
    for s, e in reversed(sentence_bounds(text, lo, pos, [])):
        m = _subject(text[s:e])
        if m is not None and m.kind == "name" and m.name:
            yield s, m.name, m.female


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
            low = f.mention.lower()
            if low in ("they", "it"):
                # "they" and "it": the latest group, role or organisation that spoke
                want_plural = low == "they"
                f.speaker = next((sp for para, sp, plural in reversed(groups)
                                  if f.para - para <= 3 and (plural == want_plural or _is_org(sp))), None)
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
