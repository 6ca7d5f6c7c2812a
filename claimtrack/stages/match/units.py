"""Units to a common scale, so that "30.5 meters" meets "100 feet" and "half" meets "50%".

A unit becomes a ``(key, factor)``: figures with the same key measure the same kind of thing and
``value * factor`` puts them on one scale (metres, kilograms, percent, one, days). Scale words
that the extractor left in the unit ("18K", "$5 bn") are folded into the factor. Fahrenheit is
special: a temperature *change* converts by 5/9, a temperature by (F - 32) x 5/9, and a sentence
rarely says which; :func:`alternatives` gives both readings, and the caller treats a pair as
disjoint only when every reading is.

>>> canonical("ft"), canonical("kilometres"), canonical("fraction"), canonical("mm/year")[0]
(('m', 0.3048), ('m', 1000.0), ('percent', 100.0), 'm/day')
>>> canonical("pct"), canonical(None), canonical("K")
(('percent', 1.0), ('', 1.0), ('', 1000.0))
>>> [canonical(u) == canonical(v) for u, v in (("h", "hour"), ("s", "second"), ("ms", "m"))]
[True, True, False]
>>> [round(canonical(u)[1]) for u in ("mph", "km/h", "km per hour", "miles per hour")]
[38624, 24000, 24000, 38624]
"""
from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

# unit spelling -> (key, factor to the key's scale)
_LINEAR = {
    # length, to metres
    "mm": ("m", 1e-3), "millimeter": ("m", 1e-3), "millimetre": ("m", 1e-3),
    "cm": ("m", 1e-2), "centimeter": ("m", 1e-2), "centimetre": ("m", 1e-2),
    "m": ("m", 1.0), "meter": ("m", 1.0), "metre": ("m", 1.0),
    "km": ("m", 1e3), "kilometer": ("m", 1e3), "kilometre": ("m", 1e3),
    "in": ("m", 0.0254), "inch": ("m", 0.0254), "ft": ("m", 0.3048), "foot": ("m", 0.3048),
    "feet": ("m", 0.3048), "yd": ("m", 0.9144), "yard": ("m", 0.9144),
    "mi": ("m", 1609.344), "mile": ("m", 1609.344),
    # mass, to kilograms
    "g": ("kg", 1e-3), "gram": ("kg", 1e-3), "kg": ("kg", 1.0), "kilogram": ("kg", 1.0),
    "lb": ("kg", 0.45359237), "lbs": ("kg", 0.45359237), "pound": ("kg", 0.45359237),
    "t": ("kg", 1e3), "ton": ("kg", 1e3), "tonne": ("kg", 1e3), "metric ton": ("kg", 1e3),
    # shares: a fraction is a percent / 100
    "%": ("percent", 1.0), "pct": ("percent", 1.0), "percent": ("percent", 1.0),
    "per cent": ("percent", 1.0), "fraction": ("percent", 100.0),
    # percentage points (and basis points, a hundredth of one) apart from index points
    "percentage point": ("percentage point", 1.0), "percentage points": ("percentage point", 1.0),
    "basis point": ("percentage point", 0.01), "basis points": ("percentage point", 0.01),
    "bps": ("percentage point", 0.01), "point": ("point", 1.0), "pt": ("point", 1.0),
    "pts": ("point", 1.0),
    # temperature (Celsius scale; Fahrenheit handled in alternatives)
    "°c": ("temperature", 1.0), "celsius": ("temperature", 1.0), "°f": ("temperature", 1.0),
    "fahrenheit": ("temperature", 1.0),
    # money: spellings of the US dollar
    "usd": ("usd", 1.0), "$": ("usd", 1.0), "dlrs": ("usd", 1.0), "dlr": ("usd", 1.0),
    "dollar": ("usd", 1.0), "us$": ("usd", 1.0),
    # sub-units keep their own unit in a claim ("45 cents", "30p"); they meet the main unit here
    "cent": ("usd", 0.01), "cts": ("usd", 0.01), "gbp": ("gbp", 1.0), "pence": ("gbp", 0.01),
    "penny": ("gbp", 0.01),
    # time spans, to days
    "day": ("day", 1.0), "week": ("day", 7.0), "month": ("day", 30.4375), "year": ("day", 365.25),
    "decade": ("day", 3652.5), "century": ("day", 36525.0),
    "hour": ("day", 1 / 24), "hr": ("day", 1 / 24), "minute": ("day", 1 / 1440), "min": ("day", 1 / 1440),
    "second": ("day", 1 / 86400), "sec": ("day", 1 / 86400), "m/s": ("m/day", 86400.0),
    # the symbols the claim extractor writes for hours, seconds and milliseconds ("ms" would
    # otherwise read as a plural of "m", metres)
    "h": ("day", 1 / 24), "s": ("day", 1 / 86400), "ms": ("day", 1 / 86400000),
    # oil, by the barrel and by the barrel a day (the extractor's "bpd"): a rate meets its bare
    # figure only when the numbers are equal (compare.py), as "$15/hour" meets "$15"
    "bbl": ("barrel", 1.0), "bpd": ("barrel/day", 1.0),
    # speeds, to metres a day (the scale a rate of length over time spans gets): "100 mph" meets
    # "160 km/h", and 100 mph never meets 100 km/h as the same figure
    "mph": ("m/day", 1609.344 * 24), "km/h": ("m/day", 1000.0 * 24), "kph": ("m/day", 1000.0 * 24),
    "kmh": ("m/day", 1000.0 * 24), "knot": ("m/day", 1852.0 * 24), "kt": ("m/day", 1852.0 * 24),
}
# the unit keys this table knows, and those of them that measure something other than money: a
# key not among them ("swiss franc", "sfr") may be another spelling of a known one
KNOWN_KEYS = frozenset(key for key, _ in _LINEAR.values())
MEASURE_KEYS = KNOWN_KEYS - {"usd", "gbp"}
# scale words and suffixes the extractor may leave in the unit: "18K", "$5 bn", "163K jobs"
_SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6, "million": 1e6,
          "b": 1e9, "bn": 1e9, "bln": 1e9, "billion": 1e9, "tn": 1e12, "trillion": 1e12}
_SUB_UNITS = frozenset({"cent", "cents", "cts", "pence", "penny"})
_FAHRENHEIT = frozenset({"°f", "fahrenheit"})
_PER = re.compile(r"\s*(?:/|\bper\b|\ba\b|\ban\b)\s*")


def _one(word: str) -> tuple[str, float] | None:
    w = word.strip().lower().rstrip(".")
    if w in _LINEAR:
        return _LINEAR[w]
    if w.endswith("s") and w[:-1] in _LINEAR:  # plural spellings: metres, miles, tonnes
        return _LINEAR[w[:-1]]
    if w.endswith("es") and w[:-2] in _LINEAR:
        return _LINEAR[w[:-2]]
    return None


@lru_cache(maxsize=4096)
def canonical(unit: str | None) -> tuple[str, float]:
    """``(key, factor)`` for a unit string; unknown units keep their own (lower-case) key."""
    if not unit or not isinstance(unit, str):
        return "", 1.0
    u = unit.strip().lower()
    if u in _SCALE and u != "m":  # a bare scale suffix: "18K" is 18,000 of nothing in particular
        return "", _SCALE[u]
    if u == "k":
        return "", 1e3
    hit = _one(u)
    if hit:
        return hit
    parts = [p for p in _PER.split(u) if p]
    if len(parts) == 2:  # a rate: "mm/year", "km per hour"
        a, b = _one(parts[0]), _one(parts[1])
        if a and b:
            return f"{a[0]}/{b[0]}", a[1] / b[1]
        if a and parts[0] in _SUB_UNITS:  # "cent/share" meets "USD/share"
            return f"{a[0]}/{parts[1]}", a[1]
    words = u.split()
    if len(words) == 2 and words[0] in _SCALE:  # "bn dlrs", "mln tonnes"
        rest = canonical(words[1])
        return rest[0], rest[1] * _SCALE[words[0]]
    return u, 1.0


def is_fahrenheit(unit: str | None) -> bool:
    return isinstance(unit, str) and unit.strip().lower() in _FAHRENHEIT


def alternatives(unit: str | None, low, value, high) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """The figure(s) on the key's scale: one reading, or two for Fahrenheit (change, level).

    >>> [round(float(v[1]), 1) for v in alternatives("°F", 1.8, 1.8, 1.8)]
    [1.0, -16.8]
    """
    key, factor = canonical(unit)
    low, value, high = (np.asarray(a, dtype="float64") * factor for a in (low, value, high))
    if not is_fahrenheit(unit):
        return [(low, value, high)]
    change = tuple(a * 5.0 / 9.0 for a in (low, value, high))
    level = tuple((a - 32.0) * 5.0 / 9.0 for a in (low, value, high))
    return [change, level]


_NUMERAL = re.compile(r"\d[\d,]*(?:\.\d+)?")


@lru_cache(maxsize=65536)
def grain(surface: str | None, value: float) -> float:
    """The rounding step of a written figure, in the figure's own unit: its last written digit
    ("3.5 million" 100,000; "1C" 1; "300" 100; "65.36" 0.01); number words by their value's last
    non-zero digit ("two million" 1,000,000). 0 when unknown.

    >>> grain("3.5 million", 3.5e6), grain("1C", 1.0), grain("282.50", 282.5), grain("two decades", 2.0)
    (100000.0, 1.0, 0.01, 1.0)
    """
    if value is None or not np.isfinite(value) or value == 0:
        return 0.0
    m = _NUMERAL.search(surface or "")
    if m is None:
        v = abs(value)
        if v != int(v) or v < 1:
            return 0.0
        step = 1.0
        while v % (step * 10) == 0:
            step *= 10
        return step
    text = m.group().replace(",", "")
    written = float(text)
    if written == 0:
        return 0.0
    if "." in text:
        unit = 10.0 ** -len(text.split(".", 1)[1])
    elif len(text) <= 2 and abs(value) == written:
        # a one- or two-digit count is written as counted ("10 months", "40%"), not rounded
        unit = 1.0
    else:
        unit = 10.0 ** (len(text) - len(text.rstrip("0")))
    return unit * abs(value) / written


def grains(surfaces, values) -> np.ndarray:
    """:func:`grain` for arrays of surfaces and values."""
    return np.fromiter((grain(s if isinstance(s, str) else None, float(v))
                        for s, v in zip(surfaces, values)), dtype="float64", count=len(values))
