"""Bytes to text, or a clear reason why a file is not text.

>>> decode_text(b"caf\\xc3\\xa9").text
'café'
>>> decode_text(b"\\x89PNG\\r\\n\\x1a\\n....").reason
'binary'
>>> clean_text("a\\r\\nb\\x00c\\u2028d")
'a\\nbc\\nd'
>>> import gzip as gz; gunzip(gz.compress(b"news"), max_bytes=100).data
b'news'
"""
from __future__ import annotations

import codecs
import gzip
import io
import re
import unicodedata
import zlib
from dataclasses import dataclass

# Magic numbers of formats people drop into a folder by mistake.
_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or .docx/.xlsx)",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "an executable",
}
# C0 controls other than tab, newline, carriage return and form feed are noise in news text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# What clean_text removes: those, C1 controls (U+0080-U+009F: mojibake, never news text) and
# lone surrogates (JSON can spell them, Parquet cannot store them).
# Terminal escape sequences as terminals parse them: CSI (ESC [ or 8-bit 0x9b) with its
# parameters; string commands (OSC, DCS, SOS, PM, APC) up to their terminator (BEL, ST) or the
# end of the line; and the two-byte ESC forms (ESC c, ESC 7, ESC ( B ...). Removed whole, so no
# "[31m" debris is left in the text (the extractors would read "31m" as a quantity).
ESCAPE_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\n]*?(?:\x07|\x1b\\|\x9c|(?=\n)|$)"
    r"|\x1b[\x20-\x2f]*[\x30-\x7e]?"
)
_NOISE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\x80-\x84\x86-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# Every character that starts what the three patterns above remove (each escape sequence starts
# with ESC or a C1 control): a text without one is left as it is.
_SUSPECT = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
# Unicode line and paragraph breaks, NEL and form feed: the parser splits on "\n" only.
_BREAKS = str.maketrans({"\u2028": "\n", "\u2029": "\n\n", "\x85": "\n", "\x0c": "\n"})
# Text has few control bytes; images, archives and executables have many (about 1 in 9 for
# random bytes). A file with more than this share in its first 8 KB is binary.
BINARY_CONTROL_SHARE = 0.05
# UTF-8 or UTF-16 text with a few damaged bytes is still that (the damage becomes U+FFFD):
# this many bad characters per character at most.
DAMAGE_SHARE = 0.05
_CONTROL_BYTES = bytes([b for b in range(32) if b not in (9, 10, 12, 13)]) + b"\x7f"


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str | None
    encoding: str | None = None
    reason: str | None = None  # set when text is None
    detail: str | None = None


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: ASCII text has a NUL in every other byte."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True, slots=True)
class Unpacked:
    data: bytes | None
    reason: str | None = None  # set when data is None
    detail: str | None = None


def gunzip(data: bytes, max_bytes: int) -> Unpacked:
    """The bytes inside a gzip file (every member of it), or why not.

    At most ``max_bytes`` are unpacked: a small file can unpack to gigabytes (a "gzip bomb"),
    so reading stops past the limit and the file is rejected as ``too-large``.
    """
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
            out = fh.read(max_bytes + 1)
    except (gzip.BadGzipFile, EOFError, zlib.error, OSError) as exc:
        why = "it ends too early (cut short)" if isinstance(exc, EOFError) else str(exc) or type(exc).__name__
        return Unpacked(None, "bad-gzip", f"a damaged gzip file: {why}")
    if len(out) > max_bytes:
        mb = 1024 * 1024
        return Unpacked(None, "too-large", f"unpacks to more than the {max_bytes / mb:.0f} MB limit for one file "
                                           f"({len(data):,} bytes packed)")
    return Unpacked(out)


def decode_text(data: bytes) -> Decoded:
    """Decode article bytes: BOMs, UTF-8, UTF-16, then Windows-1252/Latin-1 for old wire copy."""
    if not data.strip():
        return Decoded(None, reason="empty", detail="the file is empty")
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            return Decoded(None, reason="binary", detail=f"the file is {what}, not text")
    encoding = None
    if data.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        encoding = _looks_utf16(data)
    if encoding:
        try:
            return _clean(data.decode(encoding), encoding)
        except UnicodeDecodeError:
            text = data.decode(encoding, errors="replace")
            if text.count("\ufffd") <= DAMAGE_SHARE * len(text):  # a few damaged characters
                return _clean(text, encoding + " (damaged)")
            return Decoded(None, reason="bad-encoding", detail=f"the file looks like {encoding} but does not decode")
    sample = data[:8192]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > BINARY_CONTROL_SHARE * len(sample):
        return Decoded(None, reason="binary",
                       detail=f"{controls} of the first {len(sample)} bytes are control bytes: binary data, not text")
    try:
        return _clean(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    # Mostly UTF-8 (it has valid multi-byte characters) with a few damaged bytes: keep it as
    # UTF-8, the damage as U+FFFD; reading it as Latin-1 would garble every accented letter.
    # (Latin-1 text read as UTF-8 has no valid multi-byte character at all: each accent is damage.)
    text = data.decode("utf-8", errors="replace")
    damage = text.count("\ufffd") - data.count("\ufffd".encode())
    valid = sum(1 for c in text if ord(c) > 127) - text.count("\ufffd")
    if damage <= DAMAGE_SHARE * len(text) and valid >= damage:
        return _clean(text, "utf-8 (damaged)")
    # Not UTF-8: legacy single-byte text is common in archives. Accept it only when it reads as
    # text (few control characters), so random bytes are still rejected.
    for legacy in ("cp1252", "latin-1"):
        try:
            text = data.decode(legacy)
        except UnicodeDecodeError:
            continue
        if len(_CONTROL.findall(text)) <= 0.01 * len(text):
            return _clean(text, legacy)
    return Decoded(None, reason="bad-encoding",
                   detail=f"not UTF-8 (invalid byte at offset {utf8_error.start}) and not readable as Latin-1 text")


def clean_text(text: str) -> str:
    """Text as the parser and extractors expect it: "\\n" line breaks, NFC, no control characters.

    Used for decoded files and for the strings of JSON and HTML documents alike.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # (most news text is ASCII: there only the form feed of _BREAKS can occur, and NFC changes nothing)
    text = text.replace("\x0c", "\n") if text.isascii() else text.translate(_BREAKS)
    if _SUSPECT.search(text) is not None:  # one scan instead of three for the usual clean text
        text = _SURROGATE.sub("\ufffd", _NOISE.sub("", ESCAPE_SEQUENCE.sub("", text)))
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def _clean(text: str, encoding: str) -> Decoded:
    text = clean_text(text)
    if not text.strip():
        return Decoded(None, encoding, reason="empty", detail="the file holds no text")
    return Decoded(text, encoding)
