"""Legacy 8-bit Vietnamese font encodings: TCVN3 (ABC) and VNI-Windows, to and from Unicode.

Before Unicode, Vietnamese offices typed with ABC/Vietkey/VNI tools into fonts whose
glyphs sit at Latin-1 code points, so a file read as Windows-1252 shows mojibake such
as ``Uû ban nh©n d©n`` (TCVN3) or ``UÛy ban nhaân daân`` (VNI).

TCVN3 (TCVN 5712:1993)
    One byte per letter. The ``.VnTime`` fonts implement the VN3 subset: every lowercase
    letter precomposed at 0xA8-0xFE, plus the seven uppercase letters Ă Â Ê Ô Ơ Ư Đ at
    0xA1-0xA7; other uppercase letters with a tone are typed in a ``.VnTimeH`` font with the
    *lowercase* codes, so once the font is gone a plain-text file holds them as lowercase
    (nothing can recover the case). VN1, the full set, adds the uppercase letters with a
    tone at 0x80-0x9F, in unused VN3 slots and at twelve C0 positions; it agrees with VN3
    everywhere VN3 defines a letter, so one table decodes both. The table below is VN1 as
    glibc's iconv ``TCVN5712-1`` decodes it (also X11 ``lcUniConv/tcvn.h``), checked letter
    by letter against the ABC table of the converter in github.com/hdbd789/clinic
    (``Helpers/Converter.cs``) and the TCVN3 list of github.com/duydev/vietnamese-conversion
    (``src/charsets.ts``); ``tests/loaders/test_readers_text.py`` compares it with iconv.

VNI-Windows
    A base letter followed by one diacritic byte (tone, or circumflex/breve combined with
    a tone); đ ơ ư and the i-with-tone letters and ỵ have bytes of their own. Uppercase
    letters use the uppercase form of the diacritic byte (``AÙ`` = Á). The bytes are read
    through Windows-1252. Source: the VNI list of github.com/duydev/vietnamese-conversion
    (``src/charsets.ts``), cross-checked with ``VNI_WINDOWS_TABLE`` of
    github.com/khiemdoan/VBKey (``Modules/mdlCodeTable.bas``).

Decoders return NFC text; encoders take any normalization form and raise
``UnicodeEncodeError`` on a character the encoding cannot hold (``errors="replace"``
writes ``?`` instead).
"""

from __future__ import annotations

import re
import unicodedata

# --- what a Vietnamese syllable looks like (used to choose between readings) -------------

_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
_ONSET = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
_NUCLEI = re.findall(
    r"\S+",
    "a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi ua uâ uê ui uô uơ"
    " uy ưa ưi ưu ươ yê iêu yêu oai oao oay oeo uây uôi uya uyê uyu ươi ươu",
)
_SYLLABLE = re.compile(
    _ONSET + "(?:" + "|".join(sorted(_NUCLEI, key=len, reverse=True)) + r")(?:ch|ng|nh|[cmnpt])?"
)


def is_syllable(word: str) -> bool:
    """A plausible Vietnamese syllable: onset, vowel nucleus, final, at most one tone."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    if sum(c in _TONES for c in decomposed) > 1:
        return False
    toneless = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    return _SYLLABLE.fullmatch(toneless) is not None


# --- TCVN3 / TCVN 5712 VN1 -------------------------------------------------------------

# Bytes 0x80-0xFF, sixteen per row. 0xB0-0xB4 are combining tone marks (VN1 only).
_TCVN3_HIGH = (
    "ÀẢÃÁẠẶẬÈẺẼÉẸỆÌỈĨ"  # 0x80
    "ÍỊÒỎÕÓỌỘỜỞỠỚỢÙỦŨ"  # 0x90
    "\u00a0ĂÂÊÔƠƯĐăâêôơưđẰ"  # 0xA0
    "\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴ"  # 0xB0
    "ẮẦẨẪẤỀặầẩẫấậèỂẻẽ"  # 0xC0
    "éẹềểễếệìỉỄẾỒĩíịò"  # 0xD0
    "Ổỏõóọồổỗốộờởỡớợù"  # 0xE0
    "ỖủũúụừửữứựỳỷỹýỵỐ"  # 0xF0
)
# VN1 puts twelve uppercase letters at C0 control positions.
_TCVN3_LOW = {
    0x01: "Ú",
    0x02: "Ụ",
    0x04: "Ừ",
    0x05: "Ử",
    0x06: "Ữ",
    0x11: "Ứ",
    0x12: "Ự",
    0x13: "Ỳ",
    0x14: "Ỷ",
    0x15: "Ỹ",
    0x16: "Ý",
    0x17: "Ỵ",
}
assert len(_TCVN3_HIGH) == 128

TCVN3_DECODE: dict[int, str] = {i: chr(i) for i in range(0x80)}
TCVN3_DECODE.update(_TCVN3_LOW)
TCVN3_DECODE.update({0x80 + i: c for i, c in enumerate(_TCVN3_HIGH)})

# The encoder writes letters only: never the combining marks, NBSP stays NBSP.
TCVN3_ENCODE: dict[str, int] = {
    c: b for b, c in TCVN3_DECODE.items() if b >= 0x80 and not unicodedata.combining(c)
}
TCVN3_ENCODE.update({c: b for b, c in _TCVN3_LOW.items()})

# Windows-1252 punctuation at 0x80-0x9F (where ABC-era files hold “ ” – … •).
_CP1252_HIGH = {
    b: bytes((b,)).decode("cp1252")
    for b in range(0x80, 0xA0)
    if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}
_CP1252_HIGH_ENCODE = {c: b for b, c in _CP1252_HIGH.items()}
# str.translate tables over the bytes read as Latin-1 (one character per byte).
_TCVN3_VN1_TABLE = {b: c for b, c in TCVN3_DECODE.items() if chr(b) != c}
_TCVN3_VN3_TABLE = {**_TCVN3_VN1_TABLE, **_CP1252_HIGH}

# The VN3 subset (ABC .VnTime fonts): what a TCVN3 file from the 1990s-2000s really holds.
TCVN3_VN3_LETTERS = frozenset("ĂÂÊÔƠƯĐăâêôơưđ") | frozenset(
    c for c in _TCVN3_HIGH[0x35:] if c.islower()
)


# --- VNI-Windows -------------------------------------------------------------------------

# Diacritic bytes (as Windows-1252 characters), lowercase form / uppercase form.
_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT = "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"
_CIRC, _BREVE, _HORN = "\u0302", "\u0306", "\u031b"

_VNI_TONE = {_GRAVE: "øØ", _ACUTE: "ùÙ", _HOOK: "ûÛ", _TILDE: "õÕ", _DOT: "ïÏ"}
_VNI_CIRC = {"": "âÂ", _ACUTE: "áÁ", _GRAVE: "àÀ", _HOOK: "åÅ", _TILDE: "ãÃ", _DOT: "äÄ"}
_VNI_BREVE = {"": "êÊ", _ACUTE: "éÉ", _GRAVE: "èÈ", _HOOK: "úÚ", _TILDE: "üÜ", _DOT: "ëË"}
# Letters with a byte of their own (lowercase byte, uppercase byte).
_VNI_SINGLE = {
    "đ": "ñÑ",
    "ơ": "ôÔ",
    "ư": "öÖ",
    "ì": "ìÌ",
    "í": "íÍ",
    "ĩ": "óÓ",
    "ỉ": "æÆ",
    "ị": "òÒ",
    "ỵ": "îÎ",
}


def _build_vni() -> dict[str, str]:
    table: dict[str, str] = {}
    for lower, pair in _VNI_SINGLE.items():
        table[lower] = pair[0]
        table[lower.upper()] = pair[1]
    tones = ["", _GRAVE, _ACUTE, _HOOK, _TILDE, _DOT]
    for base in "aeiouy":
        mods = [""] + ([_CIRC] if base in "aeo" else []) + ([_BREVE] if base == "a" else [])
        mods += [_HORN] if base in "ou" else []
        for mod in mods:
            for tone in tones:
                letter = unicodedata.normalize("NFC", base + mod + tone)
                if len(letter) != 1 or letter in table or (not mod and not tone):
                    continue
                for upper in (0, 1):
                    key = letter.upper() if upper else letter
                    b = base.upper() if upper else base
                    if mod == _CIRC:
                        seq = b + _VNI_CIRC[tone][upper]
                    elif mod == _BREVE:
                        seq = b + _VNI_BREVE[tone][upper]
                    elif mod == _HORN:  # ơ/ư: own byte, then the tone byte
                        seq = _VNI_SINGLE[unicodedata.normalize("NFC", base + _HORN)][upper]
                        seq += _VNI_TONE[tone][upper] if tone else ""
                    else:
                        seq = b + _VNI_TONE[tone][upper]
                    table[key] = seq
    return table


VNI_ENCODE: dict[str, str] = _build_vni()
# Decoding also accepts a diacritic byte whose case differs from its base letter's
# (``Uû`` for Ủ), which typing tools produce; the base letter decides the case.
VNI_DECODE: dict[str, str] = {}
for _letter, _seq in VNI_ENCODE.items():
    VNI_DECODE[_seq] = _letter
    if len(_seq) == 2:
        VNI_DECODE.setdefault(_seq[0] + _seq[1].swapcase(), _letter)
_VNI_SECOND = frozenset(s[1] for s in VNI_DECODE if len(s) == 2)


# --- byte <-> Windows-1252 character view -------------------------------------------------


def bytes_to_cp1252(data: bytes) -> str:
    """Windows-1252, with Latin-1 for its five undefined bytes (the way Windows shows them)."""
    return data.decode("latin-1").translate(_CP1252_HIGH)


def cp1252_to_bytes(text: str) -> bytes | None:
    """Inverse of :func:`bytes_to_cp1252`; ``None`` if a character has no single byte."""
    out = bytearray()
    for c in text:
        try:
            out += c.encode("cp1252")
        except UnicodeEncodeError:
            if ord(c) > 0xFF:
                return None
            out.append(ord(c))
    return bytes(out)


# --- public API ----------------------------------------------------------------------------


def _vn1_capitals(data: bytes) -> bool:
    """Do bytes 0x80-0x9F hold VN1 capitals (0x9E ``y`` = Ủy) or Windows punctuation (“ ” –)?

    Decided once per document: VN1 if most words holding such a byte read as syllables.
    A word made of such bytes alone (a dash between spaces) counts against VN1.
    """
    words = [w.strip(b"\"'()[].,;:!?-/*") for w in data.split()]
    words = [w for w in words if any(0x80 <= b < 0xA0 for b in w)]
    if not words:
        return False
    valid = sum(
        any(b < 0x80 or b >= 0xA0 for b in w) and is_syllable("".join(TCVN3_DECODE[b] for b in w))
        for w in words
    )
    return valid >= 0.8 * len(words)


def decode_tcvn3(data: bytes) -> str:
    """TCVN3 bytes to NFC Unicode.

    Bytes 0xA0-0xFF (VN3, the ABC fonts) and VN1's C0 capitals always decode as letters;
    bytes 0x80-0x9F decode as VN1 capitals if the document uses them so (see
    :func:`_vn1_capitals`), otherwise as the Windows-1252 punctuation ABC-era files hold there.
    """
    table = _TCVN3_VN1_TABLE if _vn1_capitals(data) else _TCVN3_VN3_TABLE
    return unicodedata.normalize("NFC", data.decode("latin-1").translate(table))


def decode_vni(data: bytes) -> str:
    """VNI-Windows bytes to NFC Unicode."""
    return vni_text_to_unicode(bytes_to_cp1252(data))


def vni_text_to_unicode(text: str) -> str:
    """VNI text already read as Windows-1252 characters (mojibake) to NFC Unicode."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        if i + 1 < n and text[i + 1] in _VNI_SECOND:
            pair = VNI_DECODE.get(text[i : i + 2])
            if pair is not None:
                out.append(pair)
                i += 2
                continue
        out.append(VNI_DECODE.get(text[i], text[i]))
        i += 1
    return unicodedata.normalize("NFC", "".join(out))


def _unencodable(name: str, text: str, i: int, errors: str) -> None:
    if errors != "replace":
        raise UnicodeEncodeError(name, text, i, i + 1, "no such letter in " + name)


def encode_tcvn3(text: str, errors: str = "strict") -> bytes:
    """Unicode to TCVN3 bytes.

    VN1 codes (0x80-0x9F and C0) for the capitals VN3 lacks; Windows-1252 bytes for
    punctuation such as “ ” – …. A text holding both does not round-trip through
    :func:`decode_tcvn3`, which reads 0x80-0x9F one way per document.
    """
    text = unicodedata.normalize("NFC", text)
    out = bytearray()
    for i, c in enumerate(text):
        if c in TCVN3_ENCODE:
            out.append(TCVN3_ENCODE[c])
        elif c in _CP1252_HIGH_ENCODE:
            out.append(_CP1252_HIGH_ENCODE[c])
        elif ord(c) < 0x80:
            out.append(ord(c))
        else:
            _unencodable("tcvn3", text, i, errors)
            out.append(0x3F)
    return bytes(out)


def encode_vni(text: str, errors: str = "strict") -> bytes:
    """Unicode to VNI-Windows bytes."""
    text = unicodedata.normalize("NFC", text)
    out = bytearray()
    for i, c in enumerate(text):
        if c in VNI_ENCODE:
            out += VNI_ENCODE[c].encode("cp1252")
        elif ord(c) < 0x80:
            out.append(ord(c))
        else:
            _unencodable("vni", text, i, errors)
            out.append(0x3F)
    return bytes(out)
