"""Plain-text files (.txt, .md): bytes to the original text, whatever the encoding.

The text is kept verbatim (line breaks, blank lines, spaces): it is the original that
evidence spans point into. Two changes only: newlines ``\\r\\n`` and ``\\r`` become
``\\n``, and text converted from an 8-bit encoding (Windows-1258, TCVN3, VNI) is composed
to NFC, since it is a conversion anyway (Windows-1258 writes tone marks as combining
characters). UTF-8 and UTF-16 text is not normalized.

Detection order:

1. a byte-order mark: UTF-8 (``utf-8-sig``), UTF-32, UTF-16 (``utf-16``);
2. NUL bytes: UTF-16 without a BOM if the NULs fall on every other byte (``utf-16``, with a
   warning), otherwise binary data (``BINARY``); many control bytes are binary too;
3. valid UTF-8 (``utf-8``), or UTF-8 with a few bad bytes (under 1 % of its non-ASCII bytes:
   a cut last character, a damaged byte), read as U+FFFD with a warning; unless the text is
   legacy mojibake, i.e. TCVN3/VNI bytes read as
   Windows-1252 and saved as UTF-8 (``Uû ban nh©n d©n``): every character then has a
   Windows-1252 byte, and decoding those bytes as TCVN3 or VNI gives text far more
   Vietnamese than the UTF-8 reading; the text is converted and ``encoding`` names the
   legacy encoding, with a warning;
4. otherwise an 8-bit encoding: Windows-1258 (``cp1258``), TCVN3 (``tcvn3``) or VNI
   (``vni``), whichever decoding has the highest share of valid Vietnamese syllables among
   its non-ASCII words (ties go to Windows-1258), judged on the first 64 KB. If none looks
   Vietnamese the file is ``UNDECODABLE``. A converted file gets a warning
   (``converted from TCVN3``).
"""

from __future__ import annotations

import re
import unicodedata

from . import errors
from .legacy_encodings import cp1252_to_bytes, decode_tcvn3, decode_vni, is_syllable
from .pandoc_tables import pipe_rows
from .source import ReadError, SourceText

# --- how Vietnamese does a text look? ---------------------------------------------------

_TOKEN_STRIP = "\"'“”‘’()[]{}.,;:!?…-–—/*«»<>"
COMMON_WORDS = frozenset(
    re.findall(
        r"\S+",
        "của và các ngày tháng năm được trong những cho với theo thực hiện nhân dân tỉnh ủy uỷ ban"
        " quyết định nghị kế hoạch số về việc này có là một không đến người đã nhà nước",
    )
)


def vietnamese_score(text: str) -> tuple[float, int]:
    """(score, number of non-ASCII words): the share of non-ASCII words that are Vietnamese
    syllables, plus a little for common words (``của``, ``và``, ``ngày``...)."""
    words = [w.strip(_TOKEN_STRIP) for w in text.split()]
    words = [w for w in words if w and not any(c.isdigit() for c in w)]
    foreign = [w for w in words if not w.isascii()]
    if not foreign:
        return 0.0, 0
    valid = sum(is_syllable(w) for w in foreign) / len(foreign)
    common = sum(w.lower() in COMMON_WORDS for w in foreign) / len(foreign)
    return valid + 0.1 * common, len(foreign)


# --- decoding ------------------------------------------------------------------------------

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "utf-32"),
    (b"\xff\xfe", "utf-16-le", "utf-16"),
    (b"\xfe\xff", "utf-16-be", "utf-16"),
)
_CONTROL_BYTES = frozenset(range(32)) - {9, 10, 11, 12, 13, 26} | {127}
_LEGACY = {"tcvn3": ("TCVN3", decode_tcvn3), "vni": ("VNI", decode_vni)}
_SAMPLE = 1 << 16  # characters or bytes enough to judge an encoding by


def _utf16_without_bom(data: bytes) -> str | None:
    half = len(data) // 2
    if half < 2 or len(data) % 2:
        return None
    even = data[0::2].count(0) / half
    odd = data[1::2].count(0) / half
    for codec, nul, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if nul > 0.3 and other < 0.05:
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                return None
    return None


_CONTROL_DELETE = bytes(sorted(_CONTROL_BYTES))
_CONTROL_RE = re.compile("[" + re.escape(_CONTROL_DELETE.decode("ascii")) + "]")


def _control_share(text: str | bytes) -> float:
    if isinstance(text, str):
        n = len(_CONTROL_RE.findall(text))
    else:
        n = len(text) - len(text.translate(None, _CONTROL_DELETE))
    return n / max(1, len(text))


def _sample(data, size: int = _SAMPLE):
    """The start of a long text, cut at whitespace: enough to judge an encoding by."""
    if len(data) <= size:
        return data
    cut = data[:size]
    space = cut.rfind(b" " if isinstance(data, bytes) else " ")
    return cut[:space] if space > 0 else cut


def _decode_as(name: str, data: bytes) -> str:
    if name == "cp1258":
        return unicodedata.normalize("NFC", data.decode("cp1258"))
    return _LEGACY[name][1](data)


def _from_mojibake(text: str) -> tuple[str, str] | None:
    """UTF-8 text holding TCVN3/VNI bytes read as Windows-1252: the converted text."""
    if text.isascii():
        return None
    raw = cp1252_to_bytes(text)
    if raw is None:  # real Unicode Vietnamese letters (ạ, ư, đ...) are beyond one byte
        return None
    here, _ = vietnamese_score(_sample(text))
    best = None
    for name in _LEGACY:
        score, _ = vietnamese_score(_decode_as(name, _sample(raw)))
        if score >= 0.7 and score >= here + 0.3 and (best is None or score > best[0]):
            best = (score, name)
    return (_decode_as(best[1], raw), best[1]) if best else None


def _decode_8bit(data: bytes, path: str) -> tuple[str, str]:
    """Score each 8-bit reading on the start of the file; decode all of it with the best."""
    sample = _sample(data)
    ranked: list[tuple[float, int, str, int]] = []
    for rank, name in enumerate(("cp1258", "tcvn3", "vni")):
        try:
            score, foreign = vietnamese_score(_decode_as(name, sample))
        except UnicodeDecodeError:
            continue
        ranked.append((score, -rank, name, foreign))
    ranked.sort(reverse=True)
    score, _, name, foreign = ranked[0]
    if score < 0.3 and foreign >= 10:
        raise ReadError(
            path,
            errors.UNDECODABLE,
            "neither UTF-8, UTF-16, Windows-1258, TCVN3 nor VNI gives Vietnamese text",
        )
    for _, _, name, _ in ranked:
        try:
            return _decode_as(name, data), name
        except UnicodeDecodeError:  # a byte Windows-1258 lacks, past the sample
            continue
    raise AssertionError("TCVN3 and VNI decode any bytes")


_ASCII = bytes(range(128))


def _mostly_utf8(data: bytes) -> tuple[str, int] | None:
    """UTF-8 with a few bad bytes (a last character cut off, a damaged byte): the text, with
    U+FFFD for them, and how many there are, when they are under 1 % of the non-ASCII bytes.
    Else None: in an 8-bit encoding nearly every non-ASCII byte is invalid UTF-8."""
    high = len(data.translate(None, _ASCII))
    bad = len(data) - len(data.decode("utf-8", "ignore").encode("utf-8"))
    if bad * 100 > high:
        return None
    return data.decode("utf-8", "replace"), bad


def decode_bytes(data: bytes, path: str) -> tuple[str, str, list[str]]:
    """(text, encoding, warnings) for the bytes of a text file; raises :class:`ReadError`."""
    warnings: list[str] = []
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec), label, warnings
            except UnicodeDecodeError as exc:
                raise ReadError(path, errors.CORRUPT, f"{label} with a BOM: {exc}") from exc
    if b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is None or _control_share(text) > 0.05:
            raise ReadError(path, errors.BINARY, "NUL bytes")
        warnings.append("UTF-16 without a byte-order mark, recognized by its NUL bytes")
        return text, "utf-16", warnings
    if data.endswith(b"\x1a"):  # DOS end-of-file mark
        data = data.rstrip(b"\x1a")
    if _control_share(data) > 0.05:
        raise ReadError(path, errors.BINARY, "control characters")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        damaged = _mostly_utf8(data)
        if damaged is None:
            text, encoding = _decode_8bit(data, path)
            if encoding != "cp1258":
                warnings.append(f"converted from {_LEGACY[encoding][0]}")
            return text, encoding, warnings
        text, bad = damaged
        warnings.append(f"{bad} byte(s) not valid UTF-8 (a cut or damaged file?) read as U+FFFD")
    converted = _from_mojibake(text)
    if converted is not None:
        label = _LEGACY[converted[1]][0]
        warnings.append(
            f"converted from {label}: UTF-8 file held {label} text read as Windows-1252"
        )
        return converted[0], converted[1], warnings
    return text, "utf-8", warnings


_TRAILING_SPACE = re.compile(r"[ \t]++$", re.M)


def read_text(path: str, data: bytes, fmt: str) -> SourceText:
    """A .txt/.md file's bytes to :class:`SourceText` (``path`` as the user gave it)."""
    if not data.strip():
        raise ReadError(path, errors.EMPTY)
    text, encoding, warnings = decode_bytes(data, path)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # spaces that end a line are no text (Markdown's "two spaces for a line break", an
    # editor's padding); left in, they joined a cell's wrapped lines with a column's gap
    # ("VĂN PHÒNG CHÍNH   PHỦ")
    text = _TRAILING_SPACE.sub("", text)
    if not text.strip():
        raise ReadError(path, errors.EMPTY, "only whitespace")
    if fmt == "md":  # pandoc's tables without pipes, a row a line (see pandoc_tables)
        text, tables = pipe_rows(text)
        if tables:
            warnings = [*warnings, f"{tables} pandoc table(s) read as rows"]
    return SourceText(path, text, fmt, encoding, warnings=warnings)
