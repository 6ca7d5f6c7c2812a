"""Units: currency prefixes, scale words and unit words after a number, normalised.

Normalised names: ``percent``, ``percentage point``, ``basis point``, ISO 4217 codes for money
(``USD``, ``GBP``, ``EUR``, ``JPY`` ...), SI-style symbols for measures (``km``, ``kg``, ``°C``,
``MW``), ``bpd`` for barrels a day, ``year``/``month``/``day``... for durations, ``times`` for
multipliers. A rate keeps its period: ``$14.95 a month`` -> ``USD/month``.

>>> match_unit(" pct of", 0)[0]
'percent'
>>> CURRENCY_PREFIX["HK$"]
'HKD'
"""
from __future__ import annotations

import functools
import re

#: symbols and codes written before the number: "$3.5bn", "HK$ 20", "USD34.6 million", "Rs 500"
CURRENCY_PREFIX = {
    "US$": "USD", "$US": "USD", "U.S.$": "USD", "USD": "USD", "$": "USD",
    "A$": "AUD", "AU$": "AUD", "AUD": "AUD", "$A": "AUD",
    "C$": "CAD", "CA$": "CAD", "CAD": "CAD", "NZ$": "NZD", "NZD": "NZD",
    "HK$": "HKD", "HKD": "HKD", "S$": "SGD", "SGD": "SGD", "NT$": "TWD", "R$": "BRL", "BRL": "BRL",
    "Mex$": "MXN", "MXN": "MXN",
    "£": "GBP", "GBP": "GBP", "€": "EUR", "EUR": "EUR", "¥": "JPY", "JPY": "JPY", "Y=": "JPY",
    "CNY": "CNY", "RMB": "CNY", "Rs.": "INR", "Rs": "INR", "INR": "INR", "₹": "INR",
    "RM": "MYR", "MYR": "MYR", "₪": "ILS", "NIS": "ILS", "ILS": "ILS", "₩": "KRW", "KRW": "KRW",
    "CHF": "CHF", "SFr": "CHF", "ZAR": "ZAR", "RUB": "RUB", "₽": "RUB", "TRY": "TRY", "₺": "TRY",
    "SEK": "SEK", "NOK": "NOK", "DKK": "DKK", "PLN": "PLN", "AED": "AED", "SAR": "SAR",
    "₦": "NGN", "NGN": "NGN", "PHP": "PHP", "₱": "PHP", "IDR": "IDR", "Rp": "IDR", "THB": "THB", "฿": "THB",
    # signs mangled on the way: UTF-8 read as Latin-1 or cp1252 ("Â£", "â‚¬"), HTML entities left
    # in, and ASCII transliteration, which writes the pound sign as "PS" ("PS45m")
    "Â£": "GBP", "â‚¬": "EUR", "Â¥": "JPY", "&pound;": "GBP", "&euro;": "EUR", "&#163;": "GBP",
    "&#8364;": "EUR", "&#xa3;": "GBP", "&#xA3;": "GBP", "&#x20ac;": "EUR", "&#x20AC;": "EUR", "&#36;": "USD",
    "&#165;": "JPY", "&yen;": "JPY", "PS": "GBP",
}
#: the first characters of the mangled signs above, which :mod:`.numbers` must try a match at
MANGLED_STARTS = "Ââ&"
# longest first so that "US$" wins over "$"; ISO codes only before a digit or a space
_prefix_alts = sorted(CURRENCY_PREFIX, key=len, reverse=True)
CURRENCY_PREFIX_RE = "|".join(re.escape(p) for p in _prefix_alts)

#: scale words after a number ("3.5 million", "150 mln", "$3.5bn", "2.7m", "50k")
SCALES = {
    "thousand": 1e3, "k": 1e3, "hundred": 1e2, "dozen": 12.0, "lakh": 1e5, "lakhs": 1e5,
    "crore": 1e7, "crores": 1e7,
    "million": 1e6, "millions": 1e6, "mln": 1e6, "mn": 1e6, "mil": 1e6, "m": 1e6, "mio": 1e6,
    "billion": 1e9, "bln": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12,
}
# attached single letters ("2.7m", "$4.2b", "50k") need no space; spelled scales take one
SCALE_RE = re.compile(
    # spelled scales in any case ("$2 TRILLION", "$51 Billion": emphasis and titles in body text too)
    r"(?:[\s-]?(?P<word>(?i:thousand|hundred|million|billion|trillion|mln|bln|bn)|dozen|lakhs?|crores?|mn|mil|mio|tn|trn)"
    r"|(?P<letter>[mbkMBK])|\s(?P<capital>[MB]))(?![\w$€£%'’])"
)
#: exponents and composite units in science prose: "cm−1", "mV m−1", "g m−2", "m s−1"
EXPONENT_RE = re.compile(r"(?:[−⁻-]?[1-4¹²³⁴](?!\d|[.,]\d))?(?:[\s·]?(?:[kmMμµn]?(?:m|s|g|mol|K|L|l|h|W|J|Pa|A|V))(?:[−⁻-]?[1-4¹²³⁴])(?!\w|[.,]\d))*")

#: unit words after the number (and its scale), normalised
_UNIT_TABLE: list[tuple[str, str]] = [
    # percent and points
    (r"percentage[\s-]points?|pct\s+points?|ppts?|pps?", "percentage point"),
    (r"basis[\s-]points?|bps|bp", "basis point"),
    (r"(?:vol|wt|mol|at)\.?\s?%", "percent"),  # science: "80 vol%", "5 wt.%"
    (r"%|per\s?cent|percent|pct|pc|per-cent", "percent"),
    (r"‰|per\s?mil(?:le)?", "permille"),
    # money written after the number
    # a country's abbreviation or adjective before the currency word may carry a capital it gets from
    # the abbreviation's full stop ("20 U.S. Dlrs"); a country named after it: see _COUNTRY_AFTER
    (r"(?:US|U\.S\.|[Aa]merican)\s+(?:[Dd]ollars?|[Dd]lrs?)|U\.S\.(?=\))|dlrs?|dls|dollars?|bucks", "USD"),
    (r"(?:U\.S\.|US|H\.K\.|HK|[Cc]anadian|[Aa]ustralian|Aust|N\.Z\.)\s+(?:[Cc]ents?|[Cc]ts)", "cent"),
    (r"(?:[Aa]ustralian|Aust)\s+(?:[Dd]ollars?|[Dd]lrs?)", "AUD"), (r"[Cc]anadian\s+(?:[Dd]ollars?|[Dd]lrs?)", "CAD"),
    (r"(?:[Nn]ew\s+[Zz]ealand|N\.Z\.)\s+(?:[Dd]ollars?|[Dd]lrs?)", "NZD"),
    (r"(?:[Hh]ong\s+[Kk]ong|H\.K\.|HK)\s+(?:[Dd]ollars?|[Dd]lrs?)", "HKD"),
    (r"[Ss]ingapore\s+(?:dollars?|dlrs?)", "SGD"), (r"[Tt]aiwan(?:ese)?\s+(?:dollars?|dlrs?)", "TWD"),
    (r"(?:pounds?\s+)?sterling|stg", "GBP"), (r"euros?|EUR", "EUR"), (r"yen|JPY|YEN", "JPY"),
    (r"yuan|renminbi|CNY", "CNY"), (r"rupees?|INR", "INR"), (r"ringgit|MYR", "MYR"),
    (r"(?:new\s+)?shekels?|ILS|NIS", "ILS"), (r"[Ss]wiss\s+francs?|CHF", "CHF"), (r"francs?", "FRF"),
    (r"(?:Deutsche\s+)?marks|DM", "DEM"), (r"lire|lira", "ITL"), (r"guilders?", "NLG"),
    (r"roubles?|rubles?|RUB", "RUB"), (r"pesos?", "MXN"), (r"rand|ZAR", "ZAR"), (r"baht", "THB"),
    (r"riyals?", "SAR"), (r"dirhams?", "AED"), (r"naira", "NGN"), (r"zlotys?", "PLN"),
    (r"reais", "BRL"), (r"crowns|kronor|kroner|krona|krone", "SEK"), (r"USD", "USD"),
    (r"pesetas?", "ESP"), (r"escudos?", "PTE"), (r"drachmas?|drachmae", "GRD"), (r"schillings?", "ATS"),
    (r"forints?", "HUF"), (r"rupiahs?", "IDR"), (r"cruzados?", "BRC"), (r"australs?", "ARA"), (r"intis", "PEI"),
    (r"sucres", "ECS"), (r"bolivars?", "VEB"), (r"dinars?", "dinar"), (r"markkaa?", "FIM"), (r"punts?", "IEP"),
    (r"kwacha", "kwacha"), (r"cedis?", "GHS"), (r"taka", "BDT"), (r"won(?=\s*(?:\(|,|\.|;|\s(?:a|per|in|for|from|to|of|and)\b))", "KRW"),
    (r"GBP", "GBP"), (r"AUD", "AUD"), (r"CAD", "CAD"), (r"HKD", "HKD"), (r"SGD", "SGD"),
    (r"cents?|cts", "cent"), (r"pence|p", "pence"), (r"sen", "sen"),
    # a currency sign written after the number, as much of Europe and Asia does ("1.200 €", "60,000₩");
    # never the sign of a number that follows ("5 €10" is ten euros)
    (r"€(?!\s?\d)", "EUR"), (r"₩(?!\s?\d)", "KRW"), (r"¥(?!\s?\d)", "JPY"), (r"₹(?!\s?\d)", "INR"),
    (r"₽(?!\s?\d)", "RUB"), (r"\$(?!\s?\d)", "USD"),
    # oil, energy, power
    (r"barrels?\s+(?:a|per)\s+day|barrels?/day|bpd|b/d", "bpd"), (r"barrels?|bbl", "barrel"),
    (r"(?:[kMGT]W|kilowatt|megawatt|gigawatt|terawatt)[\s-]?(?:h|hours?)|[kMGT]Wh", "Wh"),
    (r"milliwatts?|mW", "mW"), (r"kilowatts?|kW", "kW"), (r"megawatts?|MW", "MW"), (r"gigawatts?|GW", "GW"), (r"watts?|W", "W"),
    (r"(?:brake\s+)?horsepower|bhp|hp|PS", "hp"), (r"kilovolts?|kV", "kV"), (r"millivolts?|mV", "mV"),
    (r"volts?|V", "V"), (r"milliamps?|mA", "mA"), (r"amps?|A", "A"),
    (r"(?:[kMG]?eV)", "eV"), (r"kilojoules?|kJ", "kJ"), (r"megajoules?|MJ", "MJ"), (r"joules?|J", "J"),
    (r"kcal|calories|cal", "kcal"),
    (r"[kMG]?Hz|hertz|HZ", "Hz"), (r"[kMG]?Pa|pascals?|gigapascals?|megapascals?", "Pa"),
    (r"bar|atm|psi", "pressure"), (r"kilonewtons?|kN", "kN"), (r"meganewtons?", "MN"), (r"MN", "MN~"), (r"newtons?", "N"), (r"N", "N~"), (r"Nm|lb-ft|pound-feet|newton[\s-]met(?:re|er)s?", "Nm"),
    # temperature
    (r"°\s?C|º\s?C|degrees?\s+(?:Celsius|centigrade|C)\b|Celsius|centigrade|C(?![\w])", "°C"),
    (r"°\s?F|º\s?F|degrees?\s+(?:Fahrenheit|F)\b|Fahrenheit|F(?![\w])", "°F"),
    (r"degrees?|deg|°|º", "degree"), (r"kelvin|K", "K"),
    # length, area, volume, speed
    (r"km/h|kph|km/hr|kmh|kilomet(?:re|er)s?\s+(?:an|per)\s+hour", "km/h"),
    (r"mph|miles?\s+(?:an|per)\s+hour", "mph"), (r"m/s|m\s?s−1|met(?:re|er)s?\s+per\s+second", "m/s"),
    (r"knots?", "knot"),
    (r"(?:sq(?:uare)?\.?\s?|square\s+)(?:km|kilomet(?:re|er)s?)|km2|km²", "km2"),
    (r"(?:sq(?:uare)?\.?\s?|square\s+)(?:mi|miles?)", "sq mi"),
    (r"(?:sq(?:uare)?\.?\s?|square\s+)(?:ft|feet|foot)", "sq ft"),
    (r"(?:sq(?:uare)?\.?\s?|square\s+)(?:m|met(?:re|er)s?)|m2|m²", "m2"),
    (r"hectares?|ha", "ha"), (r"acres?", "acre"),
    (r"(?:cubic\s+met(?:re|er)s?|m3|m³)", "m3"), (r"bcm|tcf|bcf|cubic\s+feet", "gas volume"),
    (r"kilomet(?:re|er)s?|kms?", "km"), (r"centimet(?:re|er)s?|cm", "cm"),
    (r"millimet(?:re|er)s?|mm", "mm"), (r"micromet(?:re|er)s?|microns?|[μµ]m|um", "μm"),
    (r"nanomet(?:re|er)s?|nm", "nm"), (r"met(?:re|er)s?|m(?![\w])", "m"),
    (r"miles?|mi", "mile"), (r"feet|foot|ft|′|'", "ft"), (r"inch(?:es)?|in\.|″", "inch"),
    (r"yards?|yds?", "yard"), (r"light[\s-]years?", "light-year"),
    (r"astronomical\s+units?|AU", "AU"), (r"au", "AU~"), (r"parsecs?|kpc|Mpc", "parsec"),
    (r"litres?|liters?|ltrs?|l|L", "l"), (r"millilit(?:re|er)s?|ml|mL", "ml"), (r"gallons?|gal", "gallon"),
    # mass
    (r"long\s+tons?", "long ton"), (r"short\s+tons?", "short ton"),
    (r"tonnes?|metric\s+tons?|tons?|t(?![\w])|mt", "tonne"), (r"kilo(?:gram)?s?|kg", "kg"),
    (r"milligrams?|mg", "mg"), (r"micrograms?|[μµ]g", "μg"), (r"grams?|g", "g"),
    (r"teaspoons?|tsps?", "tsp"), (r"tablespoons?|tbsps?|Tbsps?", "tbsp"), (r"cups?(?=\s+of\b)", "cup"),
    (r"pounds?(?=\s+of\b)|lbs?", "lb"), (r"pounds?", "GBP"), (r"ounces?|oz", "oz"), (r"carats?", "carat"),
    # data
    (r"[kKMGTP]B|[kKMGTP]bps|[kKMGTP]b/s|[kKMGT]b(?:it)?|gigabytes?|megabytes?|terabytes?|gigabits?|megabits?", "data"),
    # time
    (r"years?[\s-]old|yrs?[\s-]old|year-olds?", "year"),
    (r"milliseconds?|ms", "ms"), (r"seconds?|secs?", "s"), (r"s(?![\w])", "s!"), (r"minutes?|mins?", "min"),
    (r"hours?|hrs?|h(?![\w])", "h"), (r"days?", "day"), (r"weeks?|wks?", "week"),
    (r"months?", "month"), (r"years?|yrs?", "year"), (r"decades?", "decade"),
    (r"centur(?:y|ies)", "century"), (r"Ma|Myr|Ga|kyr|ka", "age"),
    # counts of scale and multipliers
    (r"times|fold|x(?![\w])|×", "times"), (r"ppm|ppb|parts\s+per\s+(?:million|billion)", "ppm"),
    (r"mol|mmol|[mμµn]M", "mol"), (r"M", "mol~"), (r"dB[AaC]?", "dB"), (r"rpm", "rpm"), (r"mpg", "mpg"),
    # product specifications, mostly written glued ("3,430mAh", "12MP", "6.3in", "250cc", "60fps")
    (r"mAh", "mAh"), (r"Ah", "Ah"), (r"MP|megapixels?", "MP"), (r"fps", "fps"), (r"cc", "cc"),
    (r"nits", "nit"), (r"in", "inch^"), (r"mcg", "μg"), (r"IU", "IU"), (r"mmHg", "mmHg"),
    (r"points?|pts?", "point"),
]
UNIT_NAMES = [name for _, name in _UNIT_TABLE]


_ZERO_WIDTH_ESCAPES = frozenset("bBAZ")
_CLASS_ESCAPES = frozenset("sSwWdD")


def first_chars(pattern: str) -> frozenset[str] | None:
    r"""The characters a match of ``pattern`` can begin with; None when any character may, or when
    the pattern uses syntax this reader does not know (then every table row is tried: the same
    results, only slower).

    Used to send each unit lookup to the few table rows that can match at all: Python's re
    tries the branches of an alternation one by one. A small reader of the regex syntax that
    the unit table uses (literals, escapes, classes, groups, look-arounds, quantifiers).

    >>> sorted(first_chars(r"(?:kilo|k)?m(?![\w])|mi"))
    ['k', 'm']
    >>> first_chars(r"\s?km") is None, first_chars(r"[^a]b") is None
    (True, True)
    """
    try:
        chars, nullable, end = _first_alt(pattern, 0)
    except (IndexError, ValueError):
        return None
    if chars is None or nullable or end != len(pattern):
        return None
    return frozenset(chars)


def _first_alt(p: str, i: int) -> tuple[set | None, bool, int]:
    """First characters of the alternation starting at ``p[i]``, up to its closing ")" (or the end)."""
    chars: set | None = set()
    nullable = False
    while True:
        f, n, i = _first_seq(p, i)
        chars = None if chars is None or f is None else chars | f
        nullable = nullable or n
        if i < len(p) and p[i] == "|":
            i += 1
            continue
        return chars, nullable, i


def _first_seq(p: str, i: int) -> tuple[set | None, bool, int]:
    """First characters of a sequence (one branch), and whether it can match the empty string."""
    chars: set | None = set()
    nullable = True
    while i < len(p) and p[i] not in "|)":
        f, n, i = _first_item(p, i)
        if i < len(p) and p[i] in "?*+{":
            if p[i] == "{":
                close = p.index("}", i)
                n = n or p[i + 1:close].split(",")[0] in ("", "0")
                i = close + 1
            else:
                n = n or p[i] in "?*"
                i += 1
            if i < len(p) and p[i] in "?+":  # lazy or possessive
                i += 1
        if nullable:
            chars = None if chars is None or f is None else chars | f
            nullable = n
    return chars, nullable, i


def _first_item(p: str, i: int) -> tuple[set | None, bool, int]:
    """One atom at ``p[i]``: (its first characters or None, whether it can be empty, next index)."""
    c = p[i]
    if c == "(":
        if p.startswith(("(?=", "(?!", "(?<=", "(?<!"), i):  # a look-around: zero width
            _, _, j = _first_alt(p, i + (4 if p[i + 2] == "<" else 3))
            return set(), True, j + 1
        if p.startswith("(?:", i):
            start = i + 3
        elif p.startswith("(?P<", i):
            start = p.index(">", i) + 1
        elif p.startswith("(?", i):
            raise ValueError("flags or another group kind")
        else:
            start = i + 1
        f, n, j = _first_alt(p, start)
        if j >= len(p) or p[j] != ")":
            raise ValueError("unclosed group")
        return f, n, j + 1
    if c == "[":
        j = i + 1
        known = p[j] != "^"  # a negated class may begin with almost anything
        j += not known
        out: set = set()
        first = True
        while first or p[j] != "]":
            first = False
            ch = p[j]
            if ch == "\\":
                known = known and p[j + 1] not in _CLASS_ESCAPES  # "[\s-]": many characters
                ch, j = p[j + 1], j + 2
            else:
                j += 1
            if p[j] == "-" and p[j + 1] != "]":
                hi = p[j + 1]
                known = known and hi != "\\" and ord(hi) - ord(ch) <= 200
                out.update(chr(x) for x in range(ord(ch), ord(hi) + 1) if known)
                j += 2
            else:
                out.add(ch)
        return (out if known else None), False, j + 1
    if c == "\\":
        e = p[i + 1]
        if e in _ZERO_WIDTH_ESCAPES:
            return set(), True, i + 2
        if e in _CLASS_ESCAPES or e.isalnum():
            return None, False, i + 2  # \s, \w, \d, \n ...: many characters
        return {e}, False, i + 2
    if c in "^$":
        return set(), True, i + 1
    if c == ".":
        return None, False, i + 1
    return {c}, False, i + 1


_PER_UNIT = re.compile(r"/\s?[a-zA-Zμµ]{1,4}[0-9²³]?(?![\w/])")
_FIRST = [first_chars(pat) for pat, _ in _UNIT_TABLE]
# the space and hyphen a unit may stand after ("5 km", "5-km", "5 - km"); when no row can open with
# either, they are taken for good (possessive): trying every row again without them could match
# nothing, and cost a third of a lookup that finds no unit ("12 people")
_NO_ROW_OPENS_SPACED = all(f is not None and "-" not in f and not any(c.isspace() for c in f) for f in _FIRST)
UNIT_PREFIX = r"[\s\u00a0]?+(?:-\s?+)?+" if _NO_ROW_OPENS_SPACED else r"[\s\u00a0]?(?:-\s?)?"


@functools.lru_cache(maxsize=None)
def _bucket(rows: tuple[int, ...]) -> re.Pattern:
    """The unit regex over the table rows ``rows`` (in table order, so the earlier row still wins),
    compiled on first use: a process compiles only the buckets its texts need, and characters
    that select the same rows share one."""
    if not rows:
        return re.compile(r"(?!)")
    alts = "|".join(f"(?P<u{i}>{_UNIT_TABLE[i][0]})" for i in rows)
    return re.compile(UNIT_PREFIX + "(?:" + alts + r")(?![\w%])")


#: the table rows a unit starting with each character can come from; any other character: _ALWAYS
_ALWAYS = tuple(i for i, f in enumerate(_FIRST) if f is None)
_ROWS = {ch: tuple(i for i, f in enumerate(_FIRST) if f is None or ch in f)
         for ch in sorted(set().union(*(f for f in _FIRST if f)))}


def _unit_regex_for(ch: str) -> re.Pattern:
    """The unit regex restricted to the table rows that can start with ``ch``.

    >>> _unit_regex_for("k").match("5 km", 1).lastgroup == _unit_regex_for("k").match("5 kg", 1).lastgroup
    False
    """
    return _bucket(_ROWS.get(ch, _ALWAYS))


# wire copy names the dollar's country after it too, with no capitalised name after that (which would
# open a name: "dlrs Canadian Pacific said"): "4.3 billion dlrs Canadian (3.22 billion U.S.)"
_COUNTRY_AFTER = re.compile(r" (Canadian|Cdn|Australian|Aust|U\.S\.)(?!\s+[A-Z])")
_COUNTRY_DOLLAR = {"Canadian": "CAD", "Cdn": "CAD", "Australian": "AUD", "Aust": "AUD", "U.S.": "USD"}

# a period after the unit: "$14.95 a month", "barrels per day", "11 feet per century"
RATE_RE = re.compile(
    r"\s?(?:/|\s(?:a|an|per|each)\s)(?P<per>day|week|month|year|annum|hour|h|second|s|minute|min|km|mile|gram|g|kg|ounce|oz|share|head|person|capita|litre|liter|gallon|tonne|ton|barrel|ml|l|L)(?![\w])"
    # "61 cts a year earlier", "$5 a month ago": a time reference, not a rate
    r"(?!\s+(?:earlier|ago|before|after|later|previously|prior|on|back)\b)"
)
PER = {"annum": "year", "h": "hour", "s": "second", "min": "minute", "g": "gram", "oz": "ounce",
        "ton": "tonne", "liter": "litre", "l": "litre", "L": "litre", "capita": "person", "head": "person"}

# units that are also common words or letters: only attached ("5kW", "30C") or clearly a unit
_AMBIGUOUS_SPACED = {"m", "s", "h", "l", "L", "t", "g", "A", "V", "W", "K", "C", "F", "J", "x", "p", "pp",
                     "in.", "bar", "Ma", "ka", "ha", "mi", "ft", "'", "′", "″", "DM", "sen", "gal",
                     "pt", "cal", "mol", "Ga", "mM", "nM", "um", "Ah", "MP", "cc", "IU"}
# units after which a following letter/word is allowed (a rate) but never mistaken
_MONEY = {"USD", "AUD", "CAD", "NZD", "HKD", "SGD", "TWD", "GBP", "EUR", "JPY", "CNY", "INR", "MYR", "ILS",
          "CHF", "FRF", "DEM", "ITL", "NLG", "RUB", "MXN", "ZAR", "THB", "SAR", "AED", "NGN", "PLN", "BRL",
          "SEK", "KRW", "TRY", "NOK", "DKK", "PHP", "IDR", "cent", "pence", "ESP", "PTE", "GRD", "ATS", "HUF",
          "BRC", "ARA", "PEI", "ECS", "VEB", "dinar", "FIM", "IEP", "kwacha", "GHS", "BDT"}


def is_money(unit: str | None) -> bool:
    """True for a currency code (a rate such as ``USD/month`` counts too).

    >>> is_money("USD/month"), is_money("km")
    (True, False)
    """
    return bool(unit) and unit.split("/")[0] in _MONEY


def match_unit(text: str, pos: int, science: bool = False) -> tuple[str, int] | None:
    """The unit written at ``text[pos:]`` (after a number), as (normalised name, end offset).

    Single letters and words that are also English ("m", "s", "in", "points") count only when
    attached to the number or, for symbols, in science-style text (``science=True``).

    >>> match_unit("5 per cent", 1)
    ('percent', 10)
    >>> match_unit("3 m wide", 1) is None
    True
    """
    p = pos
    n = len(text)
    if p < n and text[p].isspace():
        p += 1
    if p < n and text[p] == "-":
        p += 1
        if p < n and text[p].isspace():
            p += 1
    if p >= n:
        return None
    m = _unit_regex_for(text[p]).match(text, pos)
    if m is None:
        return None
    key = m.lastgroup
    if key is None:
        return None
    name = UNIT_NAMES[int(key[1:])]
    word = m.group(key)
    spaced = m.start() < len(text) and text[m.start()].isspace()
    if spaced and (word in _AMBIGUOUS_SPACED) and not science:
        return None
    mark = name[-1]
    if mark in "!~^":
        # "!": a unit only in science prose, and never glued ("1990s", "Channel 5s"); "~": only in
        # science prose ("0.5 M" is molar there, millions elsewhere); "^": only glued ("6.3in")
        if (mark != "^" and not science) or (mark == "!" and not spaced) or (mark == "^" and spaced):
            return None
        name = name[:-1]
    end = m.end()
    if science:
        x = EXPONENT_RE.match(text, end)
        if x is not None and x.end() > end:
            name = name + text[end:x.end()].replace("⁻", "−")
            end = x.end()
    if science and text[end:end + 1] == "/":
        x = _PER_UNIT.match(text, end)
        if x is not None:  # "mg/mL", "mA/cm2", "U/ml"
            name = name + text[end:x.end()]
            end = x.end()
            return name, end
    if name == "USD" and word[:1] in "dD" and text[end:end + 1] == " ":
        c = _COUNTRY_AFTER.match(text, end)
        if c is not None:  # "4.3 billion dlrs Canadian (3.22 billion U.S.)"
            name, end = _COUNTRY_DOLLAR[c.group(1)], c.end()
    r = RATE_RE.match(text, end)
    if r is not None and name not in ("mph", "km/h", "bpd", "m/s"):
        per = r.group("per")
        name = f"{name}/{PER.get(per, per)}"
        end = r.end()
    return name, end


# the second figure of a comparison leaves its unit to the first, as news writes it: "13.6 billion
# dlrs in March from 15.1 billion", "rose to 4.5 pct from 4.2", "Shr 1.20 dlrs vs 1.10", "1.4m
# tonnes, down from 1.6m": what joins them is "from", "with", "against" or "vs", after a time
# phrase at most; the two are of one size (a change "fell 5 pct from 200" is no level of 200 pct);
# a range is left alone (a span read across a unit, "two months to 3.06 billion", is no bound to copy)
_ELIDED_BETWEEN = re.compile(
    r"(?:\s+(?:in|on|at|during|for|by|last|this|a|of)\s+[^,;:()!?]{1,24}?)?,?\s+"
    r"(?:(?:up|down|compared|as)\s+)?(?:from|with|against|versus|vs\.?)\s+(?:(?:an?|the)\s+(?:revised\s+|previous\s+)?)?",
    re.I)
# ... and the second figure ends its phrase: no noun of its own follows ("12 points against 40 rivals")
_ELIDED_AFTER = re.compile(r"\s*(?:[,.;:)\]]|\Z|\n|\s+(?:in|on|at|a|an|the|last|this|during|earlier|previously|"
                           r"and|or|but|while|when|whereas|according|it|he|she|they)\b)")


def carry_units(text: str, mentions: list) -> None:
    """Give a figure written without a unit the unit of the figure it is compared with, when the
    text joins the two as above; and the unit and scale of the next figure when "to" or "or"
    joins them without making a range ("roughly 2.5 to three pct", "110 to 130 mln dlrs", "a 30
    or 40 point win": one unit written once for both). Sets ``unit`` (and ``value``, ``low``,
    ``high``, ``scale`` for a shared scale) on the mentions (``.numbers.Mention``) in place.

    >>> from claimtrack.stages.extract.claims.numbers import scan
    >>> t = "Profit fell to 13.6 billion dlrs in March from 15.1 billion; it rose 5 pct from 200."
    >>> ms = scan(t); carry_units(t, ms); [(t[m.start:m.end], m.unit) for m in ms]
    [('13.6 billion dlrs', 'USD'), ('15.1 billion', 'USD'), ('5 pct', 'percent'), ('200', None)]
    >>> t = "It saves 110 to 130 mln dlrs."
    >>> ms = scan(t); carry_units(t, ms); [(m.value, m.unit) for m in ms]
    [(110000000.0, 'USD'), (130000000.0, 'USD')]
    """
    prev = None
    for men in mentions:
        if men.drop is not None:
            continue
        # (a pair more than 40 characters apart is never joined as above: most pairs, tested first)
        if prev is not None and men.start - prev.end <= 40:
            if men.unit is None:
                if prev.unit is not None and prev.unit not in ("fraction", "times") and prev.kind != "range" and \
                        not men.cur and men.kind in ("digits", "words") and prev.value > 0 and \
                        0.2 <= men.value / prev.value <= 5 and _ELIDED_BETWEEN.fullmatch(text, prev.end, men.start) \
                        and _ELIDED_AFTER.match(text, men.end):
                    men.unit = prev.unit
            elif prev.unit is None and men.unit != "fraction":
                _share(text, prev, men)
            if prev.unit is None and men.scale != 1.0 and men.unit is None:
                _share(text, prev, men)
        prev = men
    _carry_scaled(text, mentions)


# a figure with a scale word and nothing after it ("... 15.6 billion dlrs in 1986 and 10.6 billion in
# 1985", "68.7 mln miles last year to 69.5 mln this year", "1.6 billion dlrs of the 4.2 billion"):
# news writes the unit once per sentence for a run of such figures; the last earlier figure of the
# sentence with a scale word and a unit gives it. What may follow it: the end of its phrase, or a
# word for a sum of money or a quantity that is no count of things ("a 7.08 billion deficit")
_SCALED_AFTER = re.compile(r"\s*(?:[,.;:)\]]|\Z|\s+(?:in|on|at|a|an|the|last|this|next|during|earlier|previously|"
                           r"and|or|but|while|when|whereas|according|it|he|she|they|to|from|by|for|over|"
                           r"is|was|are|were|has|had|have|will|would|could|"
                           r"(?:budget|trade|current\s+account|net|pension|annual|monthly|quarterly)?\s*(?:deficits?|surplus(?:es)?|"
                           r"allocation|quota|budget|turnover|revenues?|profits?|loss(?:es)?|debts?|ceiling|target|"
                           r"requirements?|outlays?|funds?|reserves?|spending|investments?|capital|sales|output|exports|imports)\b))")
_SENTENCE_BREAK = re.compile(r"[.!?;]\s|\n")


def _carry_scaled(text: str, mentions: list) -> None:
    """Give a scaled figure with no unit and no noun the unit of the last scaled figure with a unit
    earlier in its sentence, within a hundred times of it (see the note above ``_SCALED_AFTER``).

    >>> from claimtrack.stages.extract.claims.numbers import scan
    >>> t = "Imports hit 15.6 billion dlrs in 1986 and 10.6 billion in 1985. It had 4 mln shares."
    >>> ms = scan(t); carry_units(t, ms); [(m.value, m.unit) for m in ms if m.scale != 1.0]
    [(15600000000.0, 'USD'), (10600000000.0, 'USD'), (4000000.0, None)]
    >>> t = "Profit was 77m euros ($100m), up from 38m."
    >>> ms = scan(t); carry_units(t, ms); [(m.value, m.unit) for m in ms]
    [(77000000.0, 'EUR'), (100000000.0, 'USD'), (38000000.0, 'EUR')]
    """
    src = None
    for men in mentions:
        if men.drop is not None:
            continue
        if men.unit is not None:
            if men.scale != 1.0 and men.unit not in ("fraction", "times", "percent"):
                # a conversion in brackets gives no unit: "77m euros ($100m), up from 38m"
                o = text.rfind("(", max(0, men.start - 30), men.start)
                if o < 0 or ")" in text[o:men.start]:
                    src = men
            continue
        if src is None or men.scale == 1.0 or men.cur or men.kind not in ("digits", "words", "range") or \
                men.value <= 0 or src.value <= 0 or not 0.01 <= men.value / src.value <= 100:
            continue
        if _SENTENCE_BREAK.search(text, src.end, men.start) is None and _SCALED_AFTER.match(text, men.end):
            men.unit = src.unit


def _share(text: str, a, b) -> None:
    """Give ``a`` the unit and scale of ``b`` when "to" or "or" joins them (see :func:`carry_units`)."""
    if not a.cur and a.kind in ("digits", "words") and a.value > 0 and a.scale == 1.0 and b.kind != "range" and \
            b.value > 0 and a.value < b.value / b.scale and _SHARED_BETWEEN.fullmatch(text, a.end, b.start):
        if b.scale != 1.0:
            a.value = float(f"{a.value * b.scale:.15g}")
            a.low, a.high = a.low * b.scale, a.high * b.scale
            a.scale = b.scale
        a.unit = b.unit


_SHARED_BETWEEN = re.compile(r"\s+(?:to|or)\s+")
