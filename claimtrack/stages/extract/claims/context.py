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
_CAP = re.compile(
    r"[A-Za](?:(?<=[A-Z])(?<![\w'’].)[\w&'’.-]*|(?<=a)(?<![\w'’].)l-[A-Z][\w'’-]*)(?:(?:\s+|\s+(?:of|de|del|da|di|du|la|le|von|van|der|bin|al|ul|for)\s+|-)"
    r"(?:[A-Z][\w&'’.-]*|al-[A-Z][\w'’-]*))*"
)
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
_ACCORDING = re.compile(
    r"[Aa](?<!\w.)ccording\s+to\s+(?:the\s+|a\s+|an\s+)?(?P<s>(?:[A-Z][\w&.'’-]*)(?:\s+(?:of\s+|for\s+|the\s+|on\s+)?[A-Z][\w&.'’-]*)*)")
_CUE = (r"(?:said|says|told|estimated|estimates|reported|reports|stated|states|added|announced|claimed|"
        r"claims|warned|noted|wrote|predicted|forecast|projected|calculated|found|showed|shows)")
_SAID_AFTER_NAME = re.compile(
    r"(?P<s>(?:[A-Z][\w&.'’-]*)(?:\s+(?:of\s+|for\s+)?[A-Z][\w&.'’-]*)*)\s+(?:has\s+|had\s+|have\s+)?" + _CUE + r"\b")
_CUE_WORD = re.compile(_CUE)  # anywhere, even inside a word: a quick test that a sentence may have one
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
    for m in _SENT_END.finditer(text):
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


def _is_plural(wl: str) -> bool:
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
        if wl in ("and", "or", "&") and lower and not pending and not _is_plural(lower[-1]):
            pending = [wl]
            i = m.end()
            n += 1
            continue
        if wl in _STOP or wl in _LONG or _is_adverb(wl):
            break
        if pending and (wl in _QUANTITY_WORDS or wl[:1].isdigit()):
            break
        if w[0].isupper():
            if lower and _is_plural(lower[-1]):
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
        if lower and lower[-1] == wl and _is_plural(wl):
            break  # a plural ends the counted phrase: "90 boats sank", "12 observation posts"
        if text[m.end() - 1:m.end()] == "." or text[m.end():m.end() + 1] in ",;:)(\"”":
            break
    if "and" in lower or "or" in lower:
        # keep the coordination only when it ends in a plural head: "oil and gas wells"
        if not _is_plural(lower[-1]):
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


_LEFT_NOUN = re.compile(r"\b(?P<n>[a-z][a-z-]+)\s+of\s+(?:(?:about|around|some|nearly|almost|roughly|more\s+than|over|"
                        r"up\s+to|at\s+least|less\s+than|fewer\s+than|just|only|an\s+estimated|approximately)\s+)?\Z")
_GENERIC_LEFT = {"total", "average", "maximum", "minimum", "sum", "rate", "number", "amount", "figure", "level",
                 "value", "tune", "excess", "region", "upwards", "age", "one", "all", "some", "each", "most",
                 "many", "part", "out", "because", "instead", "ahead", "top", "outside", "inside", "end", "off"}
_LINE_LABEL = re.compile(r"(?:^|\n)[ \t]*(?P<n>[A-Z][a-z]+\.?(?:\s+[a-z]+\.?){0,2})[ \t]+\Z")


_VERBS = {
    "rose", "rise", "rises", "risen", "rising", "fell", "fall", "falls", "fallen", "falling", "was", "were", "is",
    "are", "stood", "stands", "grew", "grow", "grows", "jumped", "jumps", "dropped", "drops", "declined",
    "declines", "increased", "increases", "decreased", "decreases", "climbed", "climbs", "slipped", "slid",
    "reached", "reaches", "hit", "hits", "totalled", "totaled", "totals", "surged", "soared", "plunged",
    "tumbled", "gained", "gains", "lost", "shrank", "expanded", "widened", "narrowed", "eased", "advanced",
    "amounted", "remained", "remains", "topped", "tops", "top", "averaged", "averages", "doubled", "halved", "edged", "be",
    "been",
}
# words between the verb and the number ("rose to about", "fell by", "stood at an estimated")
_LINKS = {"at", "to", "by", "of", "from", "in", "up", "down", "out", "an", "estimated", "about", "around", "some",
          "nearly", "almost", "roughly", "more", "than", "over", "just", "only", "a", "record"}
# auxiliaries between the measured noun and the verb ("has been", "is expected to")
_AUX = {"has", "have", "had", "will", "would", "could", "may", "might", "is", "are", "was", "were", "be",
        "been", "being", "also", "expected", "forecast", "seen", "set", "likely", "to", "now", "still",
        "already", "just", "only"}
_NOT_MEASURED = {"it", "they", "this", "that", "which", "who", "what", "there", "he", "she", "we", "i", "you",
                 "these", "those", "one", "each", "all", "both", "and", "or", "but", "also", "then", "year", "month",
                 "week", "day", "quarter", "period", "time", "has", "have", "had", "is", "was", "are", "were",
                 "will", "would", "the", "a", "an", "its", "their", "his", "her", "our", "said", "says", "them", "him",
                 "us", "me", "itself", "themselves", "january", "february", "march", "april", "may", "june",
                 "july", "august", "september", "october", "november", "december", "monday", "tuesday",
                 "wednesday", "thursday", "friday", "saturday", "sunday"}
_TOKENS = re.compile(r"[A-Za-z][A-Za-z'’-]*|[^\sA-Za-z]")


def measured_before(text: str, start: int, clause_start: int, names: set[str] = frozenset()) -> str | None:
    """What a figure measures when the clause names it before the verb:
    "Unemployment fell to 4.1 percent" -> "unemployment", "net profit rose 12%" -> "net profit".

    The measured thing is the head of the verb's subject, not the object of a preposition after
    it: "total service on the foreign debt was 996 mln" -> "debt service" (after "of", "on" or
    "for", the object's head noun and the head make a compound: "the price of oil" -> "oil
    price"; a generic head such as "number" gives way to the object: "the number of refugees" ->
    "refugees"); "exports to China rose 5%" -> "exports" (other prepositions, and names, are
    left out). Capitalised words that are names of the sentence (``names``) are left out:
    "Tesla rose 5%" measures nothing we can name.

    >>> measured_before("Unemployment fell to 4.1 percent.", 21, 0)
    'unemployment'
    >>> measured_before("Its net profit rose 12% in May.", 20, 0)
    'net profit'
    >>> measured_before("Total service on the foreign debt was 996 mln.", 38, 0)
    'debt service'
    """
    toks = _TOKENS.findall(text, max(clause_start, start - 90), start)
    first = clause_start >= start - 90  # toks[0] starts the clause
    i = len(toks) - 1
    while i >= 0 and toks[i].lower() in _LINKS:
        i -= 1
    if i < 0:
        return None
    verb = toks[i].lower()
    if verb not in _VERBS:
        if verb in ("in", "up", "down") and i > 0 and toks[i - 1].lower() in ("came", "edged"):
            i -= 1
        else:
            return None
    i -= 1
    while i >= 0 and toks[i].lower() in _AUX:
        i -= 1
    words: list[str] = []
    while i >= 0 and len(words) < 2:
        w = _bare(toks[i])
        if not w[:1].isalpha() or w.lower() in _NOT_MEASURED or w.lower() in _PREPOSITIONS:
            break
        words.insert(0, w)
        i -= 1
    words = [w.lower() for w in words if w not in names and (w.islower() or w[1:].islower())]
    # "X <preposition> [the] Y was N": X's head is what is measured; walk back over a chain of
    # prepositional phrases ("compensation per hour in manufacturing" -> "compensation")
    head, prep, obj = None, None, words
    k = i
    for _ in range(3):
        while k >= 0 and toks[k].lower() in _DETERMINERS:
            k -= 1
        if k < 1 or toks[k].lower() not in _PREPOSITIONS or not _head_word(
                toks[k - 1], () if k == 1 and first else names):  # a clause's first word is capitalised
            break
        if head is not None:
            obj = [head]
        head, prep = _bare(toks[k - 1]).lower(), toks[k].lower()
        k -= 2
        m, n = k, 0
        while m >= 0 and n < 2 and _head_word(toks[m], names):
            m, n = m - 1, n + 1  # modifiers of the head ("sales of new single-family homes in ...")
        j = m
        while j >= 0 and toks[j].lower() in _DETERMINERS:
            j -= 1
        if j >= 1 and toks[j].lower() in _PREPOSITIONS:
            k = m
    if head is None:
        if len(words) == 1 and i >= 1 and toks[i].lower() in ("and", "or") and _is_plural(words[0]) and \
                toks[i - 1].islower() and _is_plural(toks[i - 1]) and toks[i - 1] not in _STOP:
            return f"{toks[i - 1]} {toks[i].lower()} {words[0]}"  # "futures and options rose 5%"
        return " ".join(words) or None
    if obj and head in _GENERIC_HEAD:
        return " ".join(obj)
    if obj and prep in ("of", "on", "for") and not _is_plural(obj[-1]):
        return f"{obj[-1]} {head}"  # "the price of oil" -> "oil price", "service on the debt" -> "debt service"
    return head


def _head_word(tok: str, names: set[str]) -> bool:
    """A word that can head the subject before a preposition (not a verb form, stop word or name)."""
    w = _bare(tok)
    wl = w.lower()
    if not w[:1].isalpha() or wl in _NOT_MEASURED or wl in _PREPOSITIONS or wl in _STOP or wl in _VERBS:
        return False
    if len(wl) > 4 and wl.endswith("ed") and not wl.endswith("eed"):
        return False  # "the contracts traded in May": a participle
    return w not in names and (w.islower() or w[1:].islower())


def _bare(w: str) -> str:
    return w[:-2] if w.endswith(("'s", "’s")) else w


_PREPOSITIONS = {"of", "on", "for", "to", "in", "from", "at", "with", "by", "over", "under", "above", "below",
                 "across", "into", "among", "between", "per", "after", "before", "during", "since", "against",
                 "through", "within", "without", "toward", "towards", "near", "than", "as", "about", "outside"}
_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those", "all"}
# heads that only say "how much of": the object is what is measured ("the number of refugees")
_GENERIC_HEAD = {"number", "total", "amount", "level", "figure", "value", "sum", "count", "tally", "volume",
                 "quantity", "proportion", "percentage", "rate", "majority", "bulk", "half", "part"}


def noun_before(text: str, start: int, line_start: int) -> str | None:
    """A counted noun written before the number: "a population of 3 million" -> "population";
    a wire table line "Revs 11.5 mln vs 13.0 mln" -> "revs".

    >>> noun_before("a death toll of 50", 16, 0), noun_before("Net loss 1.2 mln", 9, 0)
    ('toll', 'net loss')
    """
    m = _LEFT_NOUN.search(text, max(line_start, start - 60), start)
    if m is not None and m.group("n") not in _GENERIC_LEFT:
        return m.group("n")
    m = _LINE_LABEL.search(text, max(0, start - 30), start)
    if m is not None:
        # only in a table-like line: "Net 52,000 vs 810,000", "Revs 9.4 mln"
        end = text.find("\n", start)
        line = text[m.start("n"):end if end >= 0 else min(len(text), start + 200)]
        if " vs" in line or (len(line) < 60 and not line.rstrip().endswith((".", "!", "?", '"', "”"))):
            return m.group("n").lower().rstrip(".")
    return None


def names_in(text: str, sent: tuple[int, int]) -> list[tuple[int, int, str]]:
    """Capitalised names of a sentence as (start, end, name), common words and currencies left out.

    >>> t = "Exports from Turkey rose 5% while US$ 3 went to the Black Sea."
    >>> [n for _, _, n in names_in(t, (0, len(t)))]
    ['Turkey', 'Black Sea']
    """
    a, b = sent
    b = min(b, a + 3000)
    out: list[tuple[int, int, str]] = []
    lowered = None
    for m in _CAP.finditer(text, a, b):
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
                lowered = text[max(0, a - 2000):b + 2000].lower()
            i = lowered.find(low)
            found_lower = False
            while i >= 0:
                j = i + len(low)
                if (i == 0 or not lowered[i - 1].isalpha()) and (j >= len(lowered) or not lowered[j].isalpha()):
                    # the same word written in lower case elsewhere: a common word
                    src = text[max(0, a - 2000) + i:max(0, a - 2000) + j]
                    if src.islower():
                        found_lower = True
                        break
                i = lowered.find(low, i + 1)
            if found_lower:
                continue  # "Exports rose ...": a capitalised common word at the start of a sentence
        out.append((start, m.end(), name))
    return out


def clause_cuts(text: str, sent: tuple[int, int]) -> list[tuple[int, int]]:
    """(start, end) of each clause separator in the sentence (";", "while", "but", ", and")."""
    a, b = sent
    return [m.span() for m in _CLAUSE_SPLIT.finditer(text, a, min(b, a + 5000))]


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
    m = _ACCORDING.search(text, a, b)
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
