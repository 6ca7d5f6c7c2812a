"""Units: currency prefixes, scale words and unit words after a number, normalised.

Normalised names: ``percent``, ``percentage point``, ``basis point``, ISO 4217 codes for money
(``USD``, ``GBP``, ``EUR``, ``JPY`` ...), SI-style symbols for measures (``km``, ``kg``, ``°C``,
``MW``), ``bpd`` for barrels a day, ``year``/``month``/``day``... for durations, ``times`` for
multipliers. A rate keeps its period: ``$14.95 a month`` -> ``USD/month``. A figure written
without its unit takes a neighbour's in :mod:`.carried`.

>>> match_unit(" pct of", 0)[0]
'percent'
>>> CURRENCY_PREFIX["HK$"]
'HKD'
"""
from __future__ import annotations

import functools
import re

from claimtrack.stages.extract.claims.pattern_starts import first_chars

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
    (r"(?:weight|volume)\s+(?:pct|percent|per\s?cent)", "percent"),  # trade copy: "0.27 weight pct sulphur"
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
    # other countries' pounds, named with their country ("Egyptian pounds", "Irish pound")
    (r"Egyptian\s+pounds?", "EGP"), (r"Irish\s+pounds?", "IEP"), (r"(?:Cyprus|Cypriot)\s+pounds?", "CYP"),
    (r"Lebanese\s+pounds?", "LBP"), (r"Syrian\s+pounds?", "SYP"), (r"Sudanese\s+pounds?", "SDG"),
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
    (r"(?:cubic\s+met(?:re|er)s?|m3|m³)", "m3"), (r"bcm|tcf|bcf", "gas volume"),
    (r"cubic\s+f(?:ee|oo)t|cu\.?\s?ft", "cu ft"),  # a boot, a fridge, a gas reserve: "20.7 cu.ft.", "a 20.7 cubic foot trunk"
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
          "BRC", "ARA", "PEI", "ECS", "VEB", "dinar", "FIM", "IEP", "kwacha", "GHS", "BDT",
          "EGP", "CYP", "LBP", "SYP", "SDG"}


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
