"""What the words of two texts say, apart from their figures: how much of one the other holds
(:func:`coverage`), a name said to move both ways (:func:`opposite_moves`), one sum a profit in one
text and a loss in the other (:func:`opposite_result`), a rebuttal (:func:`denies`) and another
month or weekday (:func:`other_date`). A figure disputed in words is read in compare_refute.py.

>>> coverage("Three suspects were arrested by police.", "Police arrested three suspects")
(1.0, 0)
"""
from __future__ import annotations

import re

import numpy as np

from claimtrack.stages.extract.claims.numbers import scan
from claimtrack.stages.match.claim_context import _STOP
from claimtrack.stages.match.nouns import _CASUALTY, direction_word, locate, singular

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*|\d[\d,.]*")
# words that carry no content of their own in a news sentence
_FILLER = frozenset({"people", "person", "one", "two", "three", "four", "five", "six", "seven",
                     "eight", "nine", "ten",
                     # scale and unit words belong to the figures, which are judged as claims
                     "percent", "pct", "cent", "thousand", "million", "mln", "mn", "billion", "bln",
                     "bn", "trillion", "dollar", "dlrs", "percentage", "point", "pts", "bp", "bps", "basis"})
# the country abbreviation is dropped like "U.S." (single letters): "US" = "U.S."; so are the
# country's own name and adjective ("American"), which "U.S." leaves no word to meet
_COUNTRY_ABBR = frozenset({"US", "USA", "America", "American", "Americans"})
# a country's adjective or people is the country ("Spanish unemployment" = "unemployment in Spain")
_DEMONYM = {d: c for c, ds in {
    "britain": "british briton britons", "england": "english", "scotland": "scottish scots", "wales": "welsh",
    "ireland": "irish", "france": "french", "germany": "german germans", "spain": "spanish spaniards",
    "portugal": "portuguese", "italy": "italian italians", "greece": "greek greeks", "netherlands": "dutch",
    "belgium": "belgian", "switzerland": "swiss", "austria": "austrian", "sweden": "swedish swede swedes",
    "norway": "norwegian", "denmark": "danish danes", "finland": "finnish finns", "poland": "polish poles",
    "russia": "russian russians", "ukraine": "ukrainian ukrainians", "turkey": "turkish turks",
    "china": "chinese", "japan": "japanese", "korea": "korean koreans", "india": "indian indians",
    "pakistan": "pakistani pakistanis", "afghanistan": "afghan afghans", "iran": "iranian iranians",
    "iraq": "iraqi iraqis", "syria": "syrian syrians", "israel": "israeli israelis", "egypt": "egyptian egyptians",
    "saudi": "saudis", "yemen": "yemeni yemenis", "lebanon": "lebanese", "libya": "libyan libyans",
    "nigeria": "nigerian nigerians", "kenya": "kenyan kenyans", "ethiopia": "ethiopian ethiopians",
    "somalia": "somali somalis", "mexico": "mexican mexicans", "canada": "canadian canadians",
    "brazil": "brazilian brazilians", "argentina": "argentine argentinian argentinians", "chile": "chilean chileans",
    "colombia": "colombian colombians", "venezuela": "venezuelan venezuelans", "cuba": "cuban cubans",
    "australia": "australian australians", "zealand": "zealander zealanders", "indonesia": "indonesian indonesians",
    "philippines": "filipino filipinos philippine", "thailand": "thai", "vietnam": "vietnamese",
    "malaysia": "malaysian malaysians", "europe": "european europeans", "africa": "african africans",
    "asia": "asian asians"}.items() for d in ds.split()}

# share of the later text's content words that the earlier text must contain for "consistent"
MIN_COVERAGE = 0.5


_NUMERAL = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _numeral(text) -> set[str]:
    """The numerals written in ``text``, without thousands separators.

    >>> sorted(_numeral("215,000 jobs and 3.5%"))
    ['215000', '3.5']
    """
    if not isinstance(text, str):
        return set()
    return {m.group().replace(",", "").rstrip(".") for m in _NUMERAL.finditer(text)}



def _values(text: str) -> np.ndarray:
    """Every number the text writes, in digits or words, as the scanner reads it before any claim
    filter ("Twenty-five others" gives 25), and the counts of :func:`_count_words` ("both").

    >>> sorted(_values("Twenty-five others and 3 dogs").tolist())
    [3.0, 25.0]
    """
    vals = [m.value for m in scan(text or "") if m.value is not None] + _count_words(text)
    arr = np.array(vals, dtype="float64")
    return arr[np.isfinite(arr)]


# words that count without a numeral: "both vessels", "a pair of bombs", "twin blasts", "a trio of"
_COUNT_WORDS = re.compile(r"\b(?:(both)|(?:an?\s+)?(pair|couple|brace)\s+of|(twin)s?|(?:an?\s+)?(trio)\s+of|"
                          r"(?:an?\s+)?(quartet)\s+of|(half)\s+a\s+dozen)\b", re.I)
_COUNT_OF = (2.0, 2.0, 2.0, 3.0, 4.0, 6.0)


def _count_words(text) -> list[float]:
    """The counts a text gives in words that are no numerals ("both" is two, "half a dozen" six).

    >>> _count_words("Both vessels were hit by a pair of drones; half a dozen homes burned.")
    [2.0, 2.0, 6.0]
    """
    if not isinstance(text, str):
        return []
    return [_COUNT_OF[next(k for k, g in enumerate(m.groups()) if g)] for m in _COUNT_WORDS.finditer(text)]


_PARTITIVE = re.compile(r"\s+(?:[a-z]+\s+)?(?:of|out\s+of)\s+(?:the|his|her|its|their|our|your|these|those|them|us|all)\b", re.I)


def partitive(row: dict) -> bool:
    """Whether a figure counts a part of a set ("Twelve of her novels", "three of the patients"):
    a part and the whole it is taken from never contradict each other.

    >>> partitive({"sentence": "Twelve of her novels are in print.", "surface": "Twelve", "qualifier": "exact"})
    True
    >>> partitive({"sentence": "He made 100 films.", "surface": "100 films", "qualifier": "exact"})
    False
    """
    sentence, surface = row.get("sentence"), row.get("surface")
    if not isinstance(sentence, str) or not isinstance(surface, str):
        return False
    at = locate(sentence, surface, row.get("qualifier"))
    return at >= 0 and _PARTITIVE.match(sentence, at + len(surface)) is not None


def _written_value(value, qualifier, values: np.ndarray) -> bool:
    """Whether an exact later figure is a number the earlier text writes (in any form)."""
    try:
        v = float(value)
    except (TypeError, ValueError):
        return False
    # not "one": a pronoun ("one of them", "a desperate one") as often as a count
    return (qualifier == "exact" and np.isfinite(v) and v != 1
            and bool(np.any(np.isclose(values, v, rtol=1e-9, atol=0))))


def _coverage_words(text: str) -> list[str]:
    """Content words for :func:`coverage`: singular, casualty synonyms merged ("died",
    "killed" -> "dead"); numbers (judged as claims), single letters and "people" left out."""
    out = []
    for w in _WORD.findall(text):
        low = w.lower().strip(".,'")
        if len(low) <= 1 or low in _STOP or low in _FILLER or low[0].isdigit() or w.strip(".,'") in _COUNTRY_ABBR:
            continue
        out.append(_CASUALTY.get(low) or direction_word(low) or _DEMONYM.get(low) or singular(low))
    return out


def coverage(earlier: str, later: str) -> tuple[float, int]:
    """Share of the later text's content words found in the earlier text, and how many of its
    content words the earlier text lacks.

    >>> coverage("Three suspects were arrested by police.", "Police arrested three suspects")
    (1.0, 0)
    >>> coverage("A storm killed 12 people in Dalton.", "12 people died in Dalton after a storm hit")
    (0.6, 2)
    >>> coverage("Arlo Kemp died of a stroke; he was 68.", "He was 68."), coverage("Arlo Kemp died.", "He was.")
    ((1.0, 0), (0.0, 0))
    """
    later_words = _coverage_words(later)
    if not later_words:
        # only figures and function words ("He was 68."): nothing of its own to cover, but a
        # text without even a figure says nothing
        return (1.0, 0) if _values(later).size else (0.0, 0)
    known = set(_coverage_words(earlier))
    # near spellings count too ("arrest" ~ "arrested"): a shared stem of 5 letters
    stems = {w[:5] for w in known if len(w) >= 5}
    forms = {_stem(w) for w in known}  # "adds" ~ "added"
    hit = sum(1 for w in later_words if w in known or (len(w) >= 5 and w[:5] in stems) or _stem(w) in forms)
    return hit / len(later_words), len(later_words) - hit


# a clause boundary in a headline or sentence: a semicolon, a colon, a dash set off by spaces,
# a comma not inside a figure ("36,000")
_CLAUSE = re.compile(r"[;:]|,(?!\d)|\s[-–—]\s")
# a clause that only names the source ("Census Bureau says", "- Reuters", "according to ADP")
_SOURCE_CLAUSE = re.compile(r"^\s*(?:according to\b.*|.*\b(?:says?|said|reports?|reported|writes|wrote|"
                            r"told|tells|claims?|finds|found|shows?|warns?)\s*[.!?]?\s*|(?:[A-Z][\w.&'-]*\s*){1,3}[.!?]?)$")


def adds_claim(earlier: str, later: str) -> str | None:
    """A clause of the later text none of whose content words the earlier text has: the later
    text asserts something more ("…, inflation muted"; "…; capitalism to blame"), so even when
    every figure agrees it is not a restatement. A clause that only names a source does not
    count. Returns the clause, or None.

    >>> adds_claim("Consumer spending weakest since 2009", "Consumer spending weakest since 2009, inflation muted")
    'inflation muted'
    >>> adds_claim("Firm adds 36,000 jobs", "36,000 jobs added by the firm, Census Bureau says") is None
    True
    >>> adds_claim("Firm adds 36,000 jobs", "The firm added 36,000 jobs") is None
    True
    >>> adds_claim("Three people were killed", "Three people, including an infant, were killed") is None
    True
    """
    parts = [p for p in _CLAUSE.split(later or "") if p.strip()]
    if len(parts) < 2:
        return None
    known = set(_coverage_words(earlier))
    stems = {w[:5] for w in known if len(w) >= 5}
    forms = {_stem(w) for w in known}
    # the last clause, a full one: two content words or more, not a phrase that opens with a
    # preposition or a conjunction ("…, including an infant", "…, when the growth was 4.5%")
    part = parts[-1]
    first = part.split()[0].lower().strip("'`\"") if part.split() else ""
    if not _SOURCE_CLAUSE.match(part) and first not in _OPENERS:
        words = _coverage_words(part)
        if len(words) >= 2 and not any(w in known or (len(w) >= 5 and w[:5] in stems) or _stem(w) in forms for w in words):
            return part.strip()
    return None


_OPENERS = frozenset("""and or but nor so yet when while where which who whose that including with without
in on at by for from to of under over after before since until as like than""".split())


def _noun_words(noun) -> set[str]:
    """The content words of a counted noun phrase, singular.

    >>> sorted(_noun_words("Syrian refugees")), _noun_words(None)
    (['refugee', 'syrian'], set())
    """
    if not isinstance(noun, str):
        return set()
    return {singular(w.lower()) for w in _WORD.findall(noun) if len(w) > 2 and w.lower() not in _STOP}


def _stem(word: str) -> str:
    """A crude stem for matching word forms: singular, common verb endings cut.

    >>> _stem("Added"), _stem("adds"), _stem("rising"), _stem("regional")
    ('add', 'add', 'ris', 'regional')
    """
    w = singular(word.lower())
    for end in ("ing", "ed"):
        if w.endswith(end) and len(w) - len(end) >= 3:
            w = w[:-len(end)]
            break
    if len(w) >= 4 and w[-1] == w[-2] and w[-1] not in "ls":  # "added" -> "add", "planned" -> "plan"
        w = w[:-1] if len(w) > 4 else w
    return w


def _names(sentence) -> set[str]:
    """The capitalised words of a sentence (3 letters or more), lower-cased: the names it may hold.

    >>> sorted(_names("Gold tops $1,500 in New York"))
    ['gold', 'new', 'york']
    """
    if not isinstance(sentence, str):
        return set()
    return {w.lower() for w in _WORD.findall(sentence) if len(w) >= 3 and w[0].isupper()}


def _subject_words(subject) -> set[str]:
    """The names of a claim's subjects, and their words: extracted subject lists are noisy
    ("Sensex In RED" for "Sensex"), so one shared name word is the signal.

    >>> sorted(_subject_words(["Sensex In RED", "the Fed"]))
    ['fed', 'red', 'sensex', 'sensex in red', 'the fed']
    """
    if not isinstance(subject, (list, tuple, np.ndarray)):
        return set()
    out = set()
    for name in subject:
        if isinstance(name, str) and len(name.strip()) >= 3:
            out.add(name.strip().lower())
            out.update(w for w in (x.lower() for x in _WORD.findall(name))
                       if len(w) >= 3 and w not in _STOP and not w[0].isdigit())
    return out


def _move_phrase(text: str, name: str) -> str:
    """The clause of ``text`` where ``name`` first stands (at most 12 words)."""
    for part in re.split(r"[,;:.!?~|]", text or ""):
        if re.search(r"\b" + re.escape(name) + r"\b", part, re.I):
            return " ".join(part.split()[:12])
    return name


_TOKEN = re.compile(r"[A-Za-z][A-Za-z'&-]*|\d[\d,.]*|[,;:.!?~()\[\]|]")
# states that report a move without a change verb ("Sensex weak", "shares lower")
_MOVE_STATE = {"weak": "down", "weaker": "down", "weakens": "down", "weakened": "down",
               "strengthens": "up", "strengthened": "up", "stronger": "up", "high": "up", "low": "down"}


_GAIN_WORDS = frozenset("""profit profits earnings earned earns earn income surplus""".split())
_LOSS_WORDS = frozenset("""loss losses lost loses lose deficit""".split())


def _result(sentence, surface, qualifier=None) -> str:
    """"gain" or "loss" when a profit or loss word stands within four words before the figure or
    two after it, in its clause ("net earnings of $374m", "lost $5 million"); else ""."""
    if not isinstance(sentence, str) or not isinstance(surface, str):
        return ""
    at = locate(sentence, surface, qualifier)
    if at < 0:
        return ""
    left = re.split(r"[,;:()]|\s[-–—]\s", re.split(r"\d", sentence[:at])[-1])[-1]
    right = re.split(r"[,;:()]|\s[-–—]\s", sentence[at + len(surface):], maxsplit=1)[0]
    words = [w.lower() for w in _WORD.findall(left)[-4:]] + [w.lower() for w in _WORD.findall(right)[:2]]
    gain, loss = bool(_GAIN_WORDS.intersection(words)), bool(_LOSS_WORDS.intersection(words))
    return "gain" if gain and not loss else "loss" if loss and not gain else ""


def opposite_result(earlier: dict, later: dict) -> bool:
    """Whether the same sum is a profit in one text and a loss in the other.

    >>> opposite_result({"sentence": "Arlo reported net earnings of $374m.", "surface": "$374m"},
    ...                 {"sentence": "Arlo loses $374m.", "surface": "$374m"})
    True
    """
    a = _result(earlier.get("sentence"), earlier.get("surface"), earlier.get("qualifier"))
    b = _result(later.get("sentence"), later.get("surface"), later.get("qualifier"))
    return bool(a) and bool(b) and a != b


# words that name a move unless they complete a phrasal verb ("steps down", "sets up") or an
# adjective's noun phrase ("a high court")
_PARTICLES = frozenset({"up", "down", "high", "low"})
_PHRASAL = frozenset("""step back set pick shut turn break broke calm crack show sign give gave take took
make made look come came go went wind wound clean open hold held keep kept stand stood bring brought
put follow beef mop scale water play tone hunker crack clamp cool slow shake shook tear tore knock
let write wrote mark talk ratchet sit sat lay laid lie burn burnt live a an the very too so""".split())


def _phrasal(word: str) -> bool:
    """Whether ``word`` (before "up"/"down"/"high"/"low") is a verb or determiner that takes it.

    >>> _phrasal("Steps"), _phrasal("stepped"), _phrasal("index"), _phrasal("Sensex")
    (True, True, False, False)
    """
    w = word.lower()
    return any(w == v or w in (v + "s", v + "es", v + "ed", v + "d", v + "ing", v + v[-1] + "ed",
                               v + v[-1] + "ing") for v in _PHRASAL)


def _moves(text: str) -> dict[str, set[str]]:
    """For each name (a capitalised word) that a direction word follows within four words of its
    clause, the directions it is said to move in; "lower than" is a comparison, not a move.

    >>> dict(_moves("Arlo Mills fell; Bemis Corp gains."))
    {'mills': {'down'}, 'arlo': {'down'}, 'corp': {'up'}, 'bemis': {'up'}}
    >>> dict(_moves("Orders rose in January after falling in December."))
    {'orders': {'up'}}
    """
    toks = _TOKEN.findall(text or "")
    out: dict[str, set[str]] = {}
    for i, t in enumerate(toks):
        d = direction_word(t) or _MOVE_STATE.get(t.lower(), "")
        if not d or (i + 1 < len(toks) and toks[i + 1].lower() == "than"):
            continue
        if t.lower() in _PARTICLES and (i == 0 or _phrasal(toks[i - 1])):
            continue  # "steps down", "sets up", "a high court": not a move
        if t.lower() in ("high", "low") and i + 1 < len(toks) and toks[i + 1][0].isupper() \
                and toks[i + 1].lower() not in _STOP:
            continue  # "Arlo High School": a name
        for k in range(i - 1, max(-1, i - 5), -1):
            w = toks[k]
            if not w[0].isalpha():
                break
            if w[0].isupper() and len(w) >= 3 and w.lower() not in _STOP and not _DATE_WORD.fullmatch(w):
                out.setdefault(w.lower(), set()).add(d)  # a month or weekday does not move
    return out


def opposite_moves(earlier: str, later: str) -> str:
    """The name that the two texts say moved in opposite directions ("Sensex up" / "Sensex
    weak"), each text one way only: a conflict even without figures; "" when there is none. The
    texts must share most of their words (one holds at least half of the other's), so that they
    report the same thing.

    >>> opposite_moves("Arlo shares rise in early trade", "Arlo shares fall in early trade")
    'arlo'
    >>> opposite_moves("Arlo shares rise in early trade", "Arlo shares rise, Bemis falls")
    ''
    """
    a, b = _moves(earlier), _moves(later)
    names = sorted(k for k in a.keys() & b.keys() if len(a[k]) == 1 and len(b[k]) == 1 and a[k] != b[k])
    if not names or max(coverage(earlier, later)[0], coverage(later, earlier)[0]) < MIN_COVERAGE:
        return ""
    return names[0]


# a rebuttal: "No, X is not Y", "No, the bridge did not cost $9 billion" (fact-check headlines)
_DENIAL = re.compile(r"^\W*(?:no|false|wrong)\b[\s,:;.!-]+.*(?:\b(?:not|never)\b|n't\b)", re.I)
# share of one text's content words the other must hold for a rebuttal to be about it
MIN_DENIAL_COVERAGE = 0.6


def denies(earlier: str, later: str, verdicts: list[str]) -> bool:
    """Whether one text rebuts the other's figure: it opens with a denial ("No, ... not ..."),
    the other does not, they share their figures, and one holds most of the other's words.

    >>> denies("No, the Arlo budget does not have a $2 billion hole", "Arlo budget has $2 billion hole", ["agree"])
    True
    >>> denies("The Arlo budget has a $2 billion hole", "Arlo budget has $2 billion hole", ["agree"])
    False
    """
    if not verdicts or any(v != "agree" for v in verdicts):
        return False
    if bool(_DENIAL.search(earlier or "")) == bool(_DENIAL.search(later or "")):
        return False
    return max(coverage(earlier, later)[0], coverage(later, earlier)[0]) >= MIN_DENIAL_COVERAGE


_DATE_WORD = re.compile(r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
                        r"aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|"
                        r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)


_MODAL_NEXT = re.compile(r"\s+(?:not\b|be\b|have\b|[a-z]+\b(?<!\bin)(?<!\bof)(?<!\bto)(?<!\bthe))", re.I)


def other_date(earlier: str, later: str) -> bool:
    """Whether the later text dates its figures to a month or weekday that the earlier text
    does not name, while the earlier names another: the figures are then about another period.

    >>> other_date("62,000 jobs lost in May", "June's total: 62,000"), other_date("in May", "May")
    (True, False)
    """
    def names(text):
        # "may" is a month only when capitalised and not standing before a verb ("May Need")
        out = set()
        for m in _DATE_WORD.finditer(text or ""):
            word = m.group()
            if word.lower() == "may" and (word != "May" or _MODAL_NEXT.match(text, m.end())):
                continue
            out.add(word.lower()[:3])
        return out
    e, n = names(earlier), names(later)
    return bool(e) and bool(n - e)


_CLAUSE_SPLIT = re.compile(r"[,;:()]|\s[-–—]\s")


def _clause_names(row: dict) -> set[str]:
    """The names (capitalised words of three letters or more, not the sentence's first word, not
    a month or weekday) in the clause where a figure stands.

    >>> sorted(_clause_names({"sentence": "Sales fell 3 pct in the Pacific states, Dun said.", "surface": "3 pct"}))
    ['pacific']
    """
    sentence, surface = row.get("sentence"), row.get("surface")
    if not isinstance(sentence, str) or not isinstance(surface, str):
        return set()
    at = locate(sentence, surface, row.get("qualifier"))
    if at < 0:
        return set()
    start = max([m.end() for m in _CLAUSE_SPLIT.finditer(sentence, 0, at)], default=0)
    end = _CLAUSE_SPLIT.search(sentence, at + len(surface))
    clause = sentence[start:end.start() if end else len(sentence)]
    first = _WORD.search(sentence)
    out = set()
    for m in _WORD.finditer(clause):
        w = m.group()
        if (len(w) >= 3 and w[0].isupper() and not (first and start + m.start() == first.start())
                and w.lower() not in _STOP and not _DATE_WORD.fullmatch(w)):
            out.add(w.lower())
    return out


def other_holders(earlier_row: dict, later_row: dict, earlier: str, later: str) -> bool:
    """Whether each figure's clause names someone or somewhere, and none of those names is in the
    other text (one shared name, "Goldman" and "Goldman Sachs", is one holder): the figures
    belong to different holders ("down 8.2 pct in the Middle Atlantic states" / "off 6.8
    pct in the Pacific states"), so they cannot contradict each other.

    >>> other_holders({"sentence": "Failures fell 8 pct in the Atlantic states.", "surface": "8 pct"},
    ...               {"sentence": "Failures fell 6 pct in the Pacific states.", "surface": "6 pct"},
    ...               "Failures fell 8 pct in the Atlantic states.", "Failures fell 6 pct in the Pacific states.")
    True
    """
    words_e = {w.lower() for w in _WORD.findall(earlier or "")}
    words_n = {w.lower() for w in _WORD.findall(later or "")}
    names_e, names_n = _clause_names(earlier_row), _clause_names(later_row)
    return bool(names_e) and bool(names_n) and not names_e & words_n and not names_n & words_e
