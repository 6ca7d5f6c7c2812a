"""Context of a claim: its sentence, the counted noun, the subject and the speaker.

Conventions:
- ``noun``: the lowercase words of the noun phrase that follows the number, as written
  ("3.5 million Syrian refugees in Turkey" -> ``"refugees"``; "12 observation posts" ->
  ``"observation posts"``). With a percentage, fraction or vague magnitude, the phrase after
  "of" ("60 percent of voters" -> ``"voters"``). ``None`` when nothing is counted.
- ``subject``: the capitalised names of the clause (places, organisations, people, and
  proper adjectives such as "Syrian" that modify the noun), nearest to the number first.
  So "Syrian refugees" is ``noun="refugees"`` with ``"Syrian"`` in ``subject``.
- ``speaker``: taken by the caller from an enclosing quote; otherwise the attribution in the
  sentence: "according to the UN" -> ``"UN"``, "..., Erdogan said" -> ``"Erdogan"``.

>>> t = "Ankara hopes to return some of the 3.5 million Syrian refugees in Turkey."
>>> noun_phrase(t, t.index(" Syrian"), len(t))
('refugees', ['Syrian'])
"""
from __future__ import annotations

import bisect
import re

from claimtrack.stages.extract.claims.scans import char_positions, matches_at
from claimtrack.stages.extract.claims.words import _trie

# a sentence ends after . ! ? (and closing quotes or brackets) before a capital or a digit, and at a
# newline; the pattern opens with the character it ends on, so that the search skips to those in C
# (a look-behind first made it try every position: 3x slower)
_SENT_END = re.compile(r"[.!?\n](?:(?<=[.!?])[\"'”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])|(?<=\n)\s*)")
_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Capt|Rep|Sen|Gov|Prof|Jr|Sr|Inc|Co|Corp|Ltd|No|Nos|"
                     r"vs|etc|approx|Fig|Figs|Eq|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.K|U\.N|"
                     r"e\.g|i\.e|al|Ref|Vol|pp|ca|c)|\b[A-Z])\.\Z")
_WORD = re.compile(r"[A-Za-z][\w'’&.-]*")
_DIGIT = re.compile(r"\d")
_LONG = {"long", "wide", "high", "deep", "tall", "old", "away", "ago", "thick", "heavy", "big", "large",
         "small", "apart", "early", "late", "short", "across", "worth", "higher", "lower", "more", "less"}
_STOP = {
    "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "with", "by", "from",
    "as", "into", "onto", "over", "under", "than", "that", "which", "who", "whom", "whose", "where", "when",
    "while", "since", "until", "after", "before", "during", "per", "each", "every", "this", "these", "those",
    "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "do", "does", "did",
    "will", "would", "shall", "should", "can", "could", "may", "might", "must", "said", "says", "say",
    "told", "tell", "according", "now", "still", "already", "also", "just", "only", "even", "more", "less",
    "most", "least", "about", "around", "some", "up", "down", "out", "off", "across", "through", "between",
    "among", "against", "toward", "towards", "without", "within", "so", "if", "because", "though",
    "although", "whereas", "yet", "then", "there", "here", "it", "its", "their", "they", "them", "he", "she",
    "his", "her", "we", "our", "you", "your", "i", "my", "not", "no", "all", "both", "either", "neither",
    "last", "next", "ago", "earlier", "later", "year", "years", "month", "months", "week", "weeks", "day",
    "days", "today", "yesterday", "tomorrow", "time", "times", "percent", "per", "cent", "respectively",
    "including", "excluding", "plus", "minus", "via", "despite", "like", "unlike", "such", "what", "how",
    "why", "rose", "fell", "rise", "fall", "live", "lived", "died", "die", "fled", "flee", "left", "face",
    "faced", "need", "needed", "want", "wanted", "make", "made", "take", "took", "get", "got", "see", "saw",
    "seen", "went", "go", "come", "came", "remain", "remained", "remains", "lost", "won", "gave", "give",
    "set", "put", "hit", "cost", "costs", "paid", "pay", "raised", "cut", "owned", "worth", "away",
    "annually", "each", "apiece", "alone", "total", "overall", "altogether", "respectively", "again",
    "back", "too", "very", "nearly", "almost", "roughly", "approximately", "x", "mln", "bln", "dlrs", "pct",
    "vs", "versus", "compared", "expected", "estimated", "reported", "believed", "thought", "known", "seem",
    # prepositions and adverbs are never the counted thing ("50,000 bpd above the quota")
    "above", "below", "beneath", "beyond", "behind", "along", "alongside", "amid", "amidst", "near", "inside",
    "outside", "upon", "ahead", "instead", "beside", "besides", "throughout", "past", "till", "onto", "atop",
    "aboard", "underneath", "unto", "abroad", "overseas", "apart", "aside", "away", "thereafter", "hence",
    "therefore", "meanwhile", "however", "otherwise",
    "once", "twice", "whereby", "thereby", "underway", "anyway", "elsewhere", "nearby", "versus", "vs.",
    "upward", "upwards", "downward", "downwards",
}
STOP_WORDS = frozenset(_STOP)
_PERIOD_ADVERBS = {"daily", "weekly", "monthly", "yearly", "quarterly", "annually", "hourly", "nightly"}
_ADVERB_ENDINGS = ("ally", "ously", "ively", "fully", "lessly", "edly", "ingly", "ntly", "tely", "sely", "gely",
                   "rtly", "ctly", "ghtly", "ably", "ibly")


def _is_adverb(wl: str) -> bool:
    """An adverb by its ending ("sharply", "roughly", "upward"); nouns in -ly ("family") do not match."""
    return len(wl) > 5 and wl.endswith(_ADVERB_ENDINGS)
_OF_DET = re.compile(r"\s+of\s+(?:(?:the|all|its|their|his|her|our|these|those|a|an|which|them|whom|its)\s+)*", re.I)
# the first letter is matched first, and the look-behinds after it, so that the regex engine skips in C
# to the capitals (and "a" of "al-"); a look-ahead first made it try every position
_CAP_REST = (r"(?:(?:\s+|\s+(?:of|de|del|da|di|du|la|le|von|van|der|bin|al|ul|for)\s+|-)"
             r"(?:[A-Z][\w&'’.-]*|al-[A-Z][\w'’-]*))*")
_CAP = re.compile(r"[A-Za](?:(?<=[A-Z])(?<![\w'’].)[\w&'’.-]*|(?<=a)(?<![\w'’].)l-[A-Z][\w'’-]*)" + _CAP_REST)
# the same where no name can open with "al-" (a sentence without "al-"): the engine then stops only at
# capitals, not at every "a" as well
_CAP_CAPITAL = re.compile(r"[A-Z](?<![\w'’].)[\w&'’.-]*" + _CAP_REST)
_NOT_NAMES = {
    "The", "A", "An", "In", "On", "At", "By", "For", "From", "To", "Of", "With", "And", "But", "Or", "It",
    "He", "She", "They", "We", "I", "You", "This", "That", "These", "Those", "There", "Their", "His", "Her",
    "Its", "Our", "My", "Your", "About", "Some", "More", "Over", "Under", "Nearly", "Almost", "Around",
    "Roughly", "Just", "Only", "According", "After", "Before", "While", "When", "Since", "As", "If", "So",
    "Also", "Many", "Most", "Much", "Several", "Both", "All", "Each", "Every", "Why", "What", "Who", "How",
    "Where", "Meanwhile", "However", "Still", "Yet", "Read", "Image", "Photo", "Last", "Next", "First",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
    "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mr", "Mrs", "Ms",
    "Dr", "Not", "No", "Yes", "Now", "Then", "Here", "Once", "Even", "Such", "Other", "Another", "Than",
    "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Hundreds", "Thousands",
    "Millions", "Dozens", "Tens", "Half", "Hundred", "Thousand", "Million", "Billion", "Trillion", "Mln", "Bln",
    "Bn", "MILLION", "BILLION", "TRILLION", "THOUSAND", "Total", "Up", "Down", "Despite", "Although", "Though", "Because",
    "Until", "During", "Between", "Among", "Including", "Without", "Within", "Per", "Plus", "Some",
    "Over", "Among", "Under", "Nearly", "Further", "Thus", "Later", "Earlier", "Today", "Yesterday",
    "Fewer", "Less", "Least", "Around", "Approximately", "Estimated", "Estimates", "Overall", "Only", "Another",
    "Rs", "Rp", "RM", "Y", "Sept", "Fig", "Figure", "Table", "Section", "Chapter", "Page", "Shr", "Net", "Revs",
    "Qtr", "Avg", "Shrs", "Note", "Notes", "Source", "Sources", "Editing", "Reporting", "Writing",
}
_COMMON_SUFFIX = ("ing", "ed", "ly", "tion", "tions", "ment", "ments", "ness", "ity", "ies", "ates", "ers",
                  "ors", "ance", "ence", "ings", "ports", "sales", "prices", "out", "ure", "ures")
_PLURAL_IRREGULAR = {"people", "children", "men", "women", "police", "cattle", "staff", "personnel",
                     "troops", "feet", "teeth", "mice", "geese", "sheep", "fish", "deer", "data", "media"}
_NOT_PLURAL = {"news", "series", "species", "bus", "gas", "status", "crisis", "analysis", "basis", "virus",
               "campus", "census", "process", "bonus", "access", "business", "class", "glass", "grass", "mass",
               "loss", "press", "address", "success", "stress", "chess", "boss", "gross", "cross", "miss",
               "physics", "economics", "politics", "thesis", "diagnosis", "lens", "means", "corps", "chassis"}
# ";", " while ", ", and ": the separator's first character is matched first (the regex engine skips to it
# in C), then what may follow it
_CLAUSE_SPLIT = re.compile(r"[;\s,](?:(?<=;)|(?<=\s)(?:while|whereas|but)\s|(?<=,)\s+(?:and|while|but|whereas)\s)", re.I)
# the same without the separators that open at a space, for a sentence that has none of them (most):
# then the engine stops only at ";" and ",", not at every space
_CLAUSE_SPLIT_PUNCT = re.compile(r"[;,](?:(?<=;)|(?<=,)\s+(?:and|while|but|whereas)\s)", re.I)
# " while ", " whereas ", " but " in any case, each letter spelled as many ways as re.I matches it
# (a dotless "ı" and a dotted "İ" are an "i" there, a long "ſ" an "s"); opens with its first letter
_SPACE_CLAUSE_WORD = re.compile(r"[wWbB](?<=\s.)(?:[hH](?:[iIıİ][lL][eE]|[eE][rR][eE][aA][sSſ])|[uU][tT])\s")
# "according to": opens with "ccording" (a literal the engine finds fast; the "A" or "a" before it, not
# glued to a word, is looked back for), so a search for it starts one character after the sentence's
_ACCORDING = re.compile(
    r"ccording(?<=[Aa]ccording)(?<!\w[Aa]ccording)\s+to\s+(?:the\s+|a\s+|an\s+)?(?P<s>(?:[A-Z][\w&.'’-]*)(?:\s+(?:of\s+|for\s+|the\s+|on\s+)?[A-Z][\w&.'’-]*)*)")
_CUE = (r"(?:said|says|told|estimated|estimates|reported|reports|stated|states|added|announced|claimed|"
        r"claims|warned|noted|wrote|predicted|forecast|projected|calculated|found|showed|shows)")
_SAID_AFTER_NAME = re.compile(
    r"(?P<s>(?:[A-Z][\w&.'’-]*)(?:\s+(?:of\s+|for\s+)?[A-Z][\w&.'’-]*)*)\s+(?:has\s+|had\s+|have\s+)?" + _CUE + r"\b")
# a cue anywhere, even inside a word: a quick test that a sentence may have one (as a prefix tree: a
# failing position costs a test or two, where the alternation tried each of its words in turn)
_CUE_WORD = re.compile(_trie(_CUE[3:-1].split("|")))
_SAID_BEFORE_NAME = re.compile(
    r"(?=[satercawnfps])\b" + _CUE + r"\s+(?:the\s+)?(?:[a-z]+\s+){0,6}?(?P<s>(?:[A-Z][\w&.'’-]*)(?:\s+(?:of\s+|for\s+)?[A-Z][\w&.'’-]*)*)")
_PRONOUN_OR_COMMON = {"He", "She", "They", "It", "We", "I", "You", "The", "This", "That", "A", "An", "There",
                      "Officials", "Police", "Analysts", "Experts", "Sources", "Reuters"}


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence (newlines end sentences too; common abbreviations do not).

    >>> t = "Mr. Smith paid $5. Then he left."
    >>> [t[a:b] for a, b in sentence_spans(t)]
    ['Mr. Smith paid $5.', 'Then he left.']
    """
    spans = []
    start = 0
    for m in matches_at(_SENT_END, char_positions(text, ".!?\n"), text):  # (what _SENT_END.finditer finds)
        cut = m.start()
        if text[cut] != "\n":
            cut += 1  # the sentence keeps its closing mark
        if text[cut - 1:cut] == "." and _ABBREV.search(text, max(0, cut - 6), cut):
            continue
        end = cut
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
        start = m.end()
    if start < len(text):
        end = len(text)
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans


def find_sentence(spans: list[tuple[int, int]], starts: list[int], pos: int) -> tuple[int, int]:
    """The span that contains offset ``pos`` (``starts`` = the spans' starts, for bisect)."""
    i = bisect.bisect_right(starts, pos) - 1
    if i < 0:
        return (0, 0)
    return spans[i]


# "gunmen", "firefighters' spokeswomen": compounds of an irregular plural
_IRREGULAR_ENDINGS = ("men", "people", "children")
_NOT_IRREGULAR = {"specimen", "abdomen", "regimen", "omen", "stamen", "acumen"}
# after "and", these start a second quantity: "thousands of gunmen and hundreds of civilians"
_QUANTITY_WORDS = {"dozens", "scores", "tens", "hundreds", "thousands", "millions", "billions", "trillions"}


def is_plural(wl: str) -> bool:
    """A plural noun by its form ("refugees", "children", "gunmen"; not "news", "status").

    >>> is_plural("refugees"), is_plural("gunmen"), is_plural("status")
    (True, True, False)
    """
    return wl in _PLURAL_IRREGULAR or (wl.endswith(_IRREGULAR_ENDINGS) and wl not in _NOT_IRREGULAR) or (
        wl.endswith("s") and not wl.endswith(("ss", "us", "is")) and wl not in _NOT_PLURAL and len(wl) > 3)


def noun_phrase(text: str, pos: int, limit: int, after_of: bool = False,
                singular: bool = False) -> tuple[str | None, list[str]]:
    """The counted noun after ``pos``: (lowercase words of the phrase, capitalised modifiers).

    The phrase ends at a stop word, at punctuation, at a verb-looking word after the noun, and
    right after a plural ("12 observation posts"). "oil and gas wells" keeps its coordination
    when a plural head follows. ``singular``: the count is one, so a word in -s after the first
    is a verb ("one person owns").
    """
    if after_of:
        m = _OF_DET.match(text, pos, limit)
        if m is None:
            return None, []
        pos = m.end()
    lower: list[str] = []
    caps: list[str] = []
    i = pos
    n = 0
    pending: list[str] = []  # "and"/"or" inside a phrase, kept only if more of the phrase follows
    while n < 6:
        # the next word must follow directly (only spaces or a hyphen between)
        j = i
        while j < limit and text[j] in " \u00a0-":
            j += 1
        if j == i and n > 0:
            break
        m = _WORD.match(text, j, limit)
        if m is None:
            break
        w = m.group().rstrip(".")
        if w.endswith(("'s", "’s")):
            w = w[:-2]
        wl = w.lower()
        if wl in ("and", "or", "&") and lower and not pending and not is_plural(lower[-1]):
            pending = [wl]
            i = m.end()
            n += 1
            continue
        if wl in _STOP or wl in _LONG or _is_adverb(wl):
            break
        if pending and (wl in _QUANTITY_WORDS or wl[:1].isdigit()):
            break
        if w[0].isupper():
            if lower and is_plural(lower[-1]):
                break  # "refugees Turkey": a new name after the noun ends the phrase
            caps.append(w)
        else:
            if n > 0 and lower and (wl.endswith("ing") or wl.endswith("ed")):
                break  # "civilians pouring", "posts established": a verb after the noun
            if singular and lower and wl.endswith("s"):
                break  # "one person owns"
            if pending:
                lower.extend(pending)
                pending = []
            lower.append(wl)
        i = m.end()
        n += 1
        if lower and lower[-1] == wl and is_plural(wl):
            break  # a plural ends the counted phrase: "90 boats sank", "12 observation posts"
        if text[m.end() - 1:m.end()] == "." or text[m.end():m.end() + 1] in ",;:)(\"”":
            break
    if "and" in lower or "or" in lower:
        # keep the coordination only when it ends in a plural head: "oil and gas wells"
        if not is_plural(lower[-1]):
            k = lower.index("and") if "and" in lower else lower.index("or")
            lower = lower[:k]
    while lower and (lower[-1].endswith("ing") or lower[-1].endswith("ly")) and len(lower) > 1:
        lower.pop()
    if len(lower) == 1 and len(lower[0]) > 4 and lower[0].endswith("ed") and not lower[0].endswith("eed"):
        lower = []  # "two dozen killed", "5 injured": a verb, not the counted thing
    if len(lower) == 1 and lower[0] in _PERIOD_ADVERBS:
        lower = []  # "31 cts quarterly": an adverb; "three daily newspapers" keeps its noun
    noun = " ".join(lower) if lower else None
    if noun is None and caps and _DEMONYM_PLURAL.fullmatch(caps[0]):
        noun = caps[0].lower()  # "5.6 million Syrians", "300 Iraqis": the people counted
    if noun is None and caps and not after_of:
        return None, []
    return noun, caps


_DEMONYM_PLURAL = re.compile(r"[A-Z][a-z]+(?:ans|ians|(?<!ar)is|ers|ites)|Chinese|Japanese|Vietnamese|Lebanese|"
                             r"Sudanese|Burmese|Congolese|Senegalese|Portuguese|Maltese|Nepalese|Swiss|French|"
                             r"British|Dutch|Irish|Welsh|Scots|Britons|Danes|Swedes|Finns|Poles|Czechs|Slovaks|"
                             r"Serbs|Croats|Turks|Kurds|Arabs|Jews|Muslims|Christians|Hindus|Sikhs|Uighurs|Uyghurs")



def lower_text(text: str) -> str | None:
    """``text.lower()`` when each of its slices is the lowered slice of ``text`` (no character
    changes length, no "Σ", whose lower case depends on its neighbours), else None: what
    :func:`names_in` reads instead of lowering a window of the text around every sentence.

    >>> lower_text("Exports ROSE."), lower_text("\u0130stanbul"), lower_text("ΟΔΟΣ")
    ('exports rose.', None, None)
    """
    lowered = text.lower()
    return lowered if len(lowered) == len(text) and "\u03a3" not in text else None


def names_in(text: str, sent: tuple[int, int], lowered: str | None = None) -> list[tuple[int, int, str]]:
    """Capitalised names of a sentence as (start, end, name), common words and currencies left out.
    ``lowered``: :func:`lower_text` of ``text``, when the caller has it (one per text).

    >>> t = "Exports from Turkey rose 5% while US$ 3 went to the Black Sea."
    >>> [n for _, _, n in names_in(t, (0, len(t)))]
    ['Turkey', 'Black Sea']
    """
    a, b = sent
    b = min(b, a + 3000)
    out: list[tuple[int, int, str]] = []
    # the text 2,000 characters either side, lowercased (offset: where index 0 of it is in text)
    lo, hi, offset = max(0, a - 2000), min(len(text), b + 2000), 0
    if lowered is None:
        offset = lo
    for m in (_CAP if text.find("al-", a, b) >= 0 else _CAP_CAPITAL).finditer(text, a, b):
        name = m.group()
        start = m.start()
        words = name.split()
        if words[0] in _NOT_NAMES:
            # the common words cut off, and the connectors they leave ("Millions of Syrian")
            while words and (words[0] in _NOT_NAMES or words[0].islower()):
                words.pop(0)
            name = " ".join(words)
            start += max(m.group().find(name), 0)  # the name starts after the common words cut off
        name = name.rstrip(".,")
        if name.endswith(("'s", "’s")):
            name = name[:-2]
        if not name or name in _NOT_NAMES or len(name) < 2 and not name.isupper():
            continue
        if text[m.end():m.end() + 1] == "$" or _DIGIT.search(name) is not None:
            continue  # "USD34.6", "US$": a currency, not a subject
        if " " not in name and _sentence_initial(text, a, m.start()):
            low = name.lower()
            if low.endswith(_COMMON_SUFFIX):
                continue
            if lowered is None:
                lowered = text[lo:hi].lower()
                lo, hi = 0, len(lowered)
            if _written_lower(text, low, lowered, offset, lo, hi):
                continue  # "Exports rose ...": a capitalised common word at the start of a sentence
        out.append((start, m.end(), name))
    return out


def _written_lower(text: str, low: str, lowered: str, offset: int, lo: int, hi: int) -> bool:
    """Whether the word ``low`` is written in lower case (as a whole word) in ``lowered[lo:hi]``,
    a lowercased copy of ``text`` whose index i is ``text``'s index ``offset + i``.

    >>> _written_lower("Exports rose; exports fell.", "exports", "exports rose; exports fell.", 0, 0, 27)
    True
    """
    i = lowered.find(low, lo, hi)
    while i >= 0:
        j = i + len(low)
        if (i == lo or not lowered[i - 1].isalpha()) and (j >= hi or not lowered[j].isalpha()):
            if text[offset + i:offset + j].islower():
                return True
        i = lowered.find(low, i + 1, hi)
    return False


def clause_cuts(text: str, sent: tuple[int, int]) -> list[tuple[int, int]]:
    """(start, end) of each clause separator in the sentence (";", "while", "but", ", and")."""
    a, b = sent
    b = min(b, a + 5000)
    split = _CLAUSE_SPLIT if _SPACE_CLAUSE_WORD.search(text, a, b) else _CLAUSE_SPLIT_PUNCT
    return [m.span() for m in split.finditer(text, a, b)]


def clause_of(text: str, sent: tuple[int, int], start: int, end: int,
              cuts: list[tuple[int, int]] | None = None) -> tuple[int, int]:
    """The clause of the sentence that holds [start, end) (split at ";", "while", "but", ", and").

    >>> t = "Chile reported 120 cases, while Peru reported 80 deaths."
    >>> a, b = clause_of(t, (0, len(t)), t.index("80"), t.index("80") + 2)
    >>> t[a:b]
    'Peru reported 80 deaths.'
    """
    a, b = sent
    if cuts is None:
        cuts = clause_cuts(text, sent)
    for cs, ce in cuts:
        if ce <= start:
            a = ce
        elif cs >= end:
            b = cs
            break
    return a, b


def subjects(names: list[tuple[int, int, str]], clause: tuple[int, int], start: int, end: int,
             extra: list[str] = ()) -> list[str]:
    """Names of the claim's clause, nearest to the number first (at most 6); ``extra`` first of all."""
    a, b = clause
    found: list[tuple[int, str]] = []
    for ns, ne, name in names:
        if ns < a or ne > b or start <= ns < end:
            continue
        dist = ns - end if ns >= end else start - ne
        if dist > 300:
            continue
        found.append((dist, name))
    found.sort()
    out: list[str] = list(dict.fromkeys(extra))
    for _, name in found:
        if name not in out:
            out.append(name)
        if len(out) >= 6:
            break
    return out


def _sentence_initial(text: str, a: int, pos: int) -> bool:
    j = pos - 1
    while j >= a and text[j] in " \"“‘'(":
        j -= 1
    return j < a or text[j] in ".!?:;\n"


def attribution(text: str, sent: tuple[int, int]) -> str | None:
    """Who the sentence attributes its content to ("according to the UN", "Erdogan said")."""
    a, b = sent
    if b - a > 1200:
        return None
    m = _ACCORDING.search(text, a + 1, b)
    if m is not None:
        return _clean_speaker(m.group("s"))
    cue = _CUE_WORD.search(text, a, b)
    if cue is None:  # most sentences: no verb of saying, nothing to look for
        return None
    for rx, start in ((_SAID_AFTER_NAME, a), (_SAID_BEFORE_NAME, cue.start())):  # the latter opens with a cue
        for m in rx.finditer(text, start, b):
            s = _clean_speaker(m.group("s"))
            if s:
                return s
    return None


def _clean_speaker(s: str) -> str | None:
    words = s.split()
    while words and words[0] in _NOT_NAMES:
        words.pop(0)
    s = " ".join(words).rstrip(".,")
    if s.endswith(("'s", "’s")):
        s = s[:-2]
    if not s or s in _PRONOUN_OR_COMMON:
        return None
    return s
