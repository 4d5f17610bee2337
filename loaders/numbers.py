"""Document numbers (số, ký hiệu) in the Party and the State grammar.

* Party (Hướng dẫn 36-HD/VPTW): ``NUMBER-TYPE/ISSUER`` — ``57-NQ/TW``, ``359-KH/TU``.
* State (Nghị định 30/2020/NĐ-CP): ``NUMBER[/YEAR]/TYPE-ISSUER[-UNIT]`` — ``254/KH-UBND``,
  ``118/2025/NĐ-CP``; official letters carry no type: ``NUMBER/ISSUER-UNIT`` —
  ``807/UBND-KGVX``; laws and resolutions of the National Assembly: ``202/2025/QH15``.

:func:`parse_number` reads one number as people write it; :func:`find_numbers` finds
every number in a running text, with offsets into the text as given. The code tables
(types, national and local issuers) are data: ``loaders/data/doc_types.json``.

>>> parse_number("57-NQ/TW").doc_type
'Nghị quyết'
>>> parse_number("807/UBND-KGVX").doc_type
'Công văn'
>>> [m.number.format() for m in find_numbers("Kế hoạch số 05-\\nKH/TU và 77- BC/VPTW")]
['05-KH/TU', '77-BC/VPTW']
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "DocNumber",
    "NumberMatch",
    "TYPE_NAMES",
    "PARTY_TYPE_NAMES",
    "ISSUER_CODES",
    "LOCAL_ISSUERS",
    "parse_number",
    "find_numbers",
    "fold_lookalikes",
    "alternate_forms",
    "type_code_for_name",
    "type_words",
    "MORE_TYPE_NAMES",
    "GENERIC_TYPE_WORDS",
    "PROSE_TYPES",
    "NOT_TYPE_PHRASES",
    "ISSUED_TYPES",
    "DELIVERABLE_TYPES",
    "ATTACHED_TYPES",
    "default_issuer",
    "is_local_code",
    "local_issuer_name",
]

_DATA = json.loads((Path(__file__).parent / "data" / "doc_types.json").read_text("utf-8"))

#: Type code (canonical spelling: ``CTr``, ``QĐi``, ``TTr``) → Vietnamese type name.
#: ``TT`` is Thông tư here; in a Party number it is Thông tri (:data:`PARTY_TYPE_NAMES`).
TYPE_NAMES: dict[str, str] = dict(_DATA["types"])
#: Type names that differ in the Party grammar.
PARTY_TYPE_NAMES: dict[str, str] = dict(_DATA["party_types"])
#: National issuer code → (canonical name, level). No province is needed to resolve them.
ISSUER_CODES: dict[str, tuple[str, str]] = {
    code: (name, "central") for code, name in _DATA["national_issuers"].items()
}
#: Local issuer code → name template with ``{province}``; these codes repeat in every province.
LOCAL_ISSUERS: dict[str, str] = dict(_DATA["local_issuers"])

#: Type names no code gives (a law's number carries none): "Luật", "Bộ luật", "Hiến pháp".
MORE_TYPE_NAMES: tuple[str, ...] = tuple(_DATA["more_type_names"])
#: Words that name a document of any type ("văn bản số …").
GENERIC_TYPE_WORDS: tuple[str, ...] = tuple(_DATA["generic_type_words"])
#: Type names whose word is an everyday noun in running text ("dự án", "quy hoạch").
PROSE_TYPES: tuple[str, ...] = tuple(_DATA["prose_types"])
#: Phrases ending in a type word that name no document ("pháp luật").
NOT_TYPE_PHRASES: tuple[str, ...] = tuple(_DATA["not_type_phrases"])
#: The types a body issues to carry out others or to govern its own work ("ban hành Kế hoạch").
ISSUED_TYPES: tuple[str, ...] = tuple(_DATA["issued_types"])
#: The types a task's result names ("Kế hoạch", "Báo cáo", "Tờ trình").
DELIVERABLE_TYPES: tuple[str, ...] = tuple(_DATA["deliverable_types"])
#: Types of a document a decision issues with it ("KẾ HOẠCH … (Ban hành kèm theo …)").
ATTACHED_TYPES: tuple[str, ...] = tuple(_DATA["attached_types"])

_TW_ISSUERS: dict[str, str] = dict(_DATA["tw_issuers"])
_TU_STANDING: frozenset[str] = frozenset(_DATA["tu_standing_committee_types"])
_NUMBERED: dict[str, list[str]] = {
    k: sorted(v, key=len, reverse=True) for k, v in _DATA["numbered_bodies"].items()
}
_TYPE_BY_UPPER: dict[str, str] = {code.upper(): code for code in TYPE_NAMES}
_ISSUER_BY_UPPER: dict[str, str] = {code.upper(): code for code in [*ISSUER_CODES, *LOCAL_ISSUERS]}
# National Assembly (QH15) and its Standing Committee (UBTVQH15): the term is part of the code.
_ASSEMBLY = re.compile(r"(?P<body>UBTVQH|QH)(?P<term>[0-9]{1,2})")

# --------------------------------------------------------------------------- folding

_LOOKALIKE_MAP = {
    # Cyrillic capitals and small letters that look like Latin ones
    "А": "A", "В": "B", "С": "C", "Е": "E", "Н": "H", "І": "I", "Ј": "J", "К": "K",
    "М": "M", "О": "O", "Р": "P", "Ѕ": "S", "Т": "T", "Х": "X", "Ү": "Y",
    "а": "a", "с": "c", "е": "e", "і": "i", "ј": "j", "о": "o", "р": "p", "ѕ": "s",
    "у": "y", "х": "x",
    # Greek capitals and small omicron
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M",
    "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "ο": "o",
    # the Icelandic/African D with stroke for the Vietnamese one
    "\u00d0": "Đ", "\u0189": "Đ", "\u00f0": "đ", "\u0256": "đ",
    # hyphen and slash look-alikes (not the em dash, which is punctuation)
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2212": "-",
    "\ufe63": "-", "\uff0d": "-", "\u2215": "/", "\u2044": "/", "\uff0f": "/",
}  # fmt: skip
_LOOKALIKE = str.maketrans(_LOOKALIKE_MAP)
# any character the map folds: a text without one is its own folding (translate looks up
# every character of a text in the map; this finds the first foldable one in C)
_FOLDABLE = re.compile("[" + "".join(map(re.escape, _LOOKALIKE_MAP)) + "]")


def fold_lookalikes(s: str) -> str:
    """NFC, with look-alike letters from other alphabets folded to the Vietnamese Latin ones.

    Cyrillic and Greek capitals that look Latin (``С``, ``Т``, ``Н``…), ``Ð`` (U+00D0) and
    ``Ɖ`` → ``Đ``, and hyphen/slash look-alikes (``–``, ``‐``, ``∕``) → ``-``/``/``. Case is
    kept; every character maps to one character, so an NFC input keeps its length.

    >>> fold_lookalikes("13/2025/T\\u0422-BKHCN") == "13/2025/TT-BKHCN"
    True
    >>> fold_lookalikes("04-TB/BC\\u00d0TW")
    '04-TB/BCĐTW'
    """
    s = unicodedata.normalize("NFC", s)
    return s.translate(_LOOKALIKE) if _FOLDABLE.search(s) else s


def _normalize_with_map(text: str) -> tuple[str, Sequence[int], Sequence[int]]:
    """NFC + look-alike folding, and for each output character the span it came from
    (``range``s for a text already in NFC, as nearly every paragraph is: no lists made)."""
    if unicodedata.is_normalized("NFC", text):
        norm = text.translate(_LOOKALIKE) if _FOLDABLE.search(text) else text
        return norm, range(len(text)), range(1, len(text) + 1)
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        piece = unicodedata.normalize("NFC", text[i:j]).translate(_LOOKALIKE)
        out.append(piece)
        starts.extend([i] * len(piece))
        ends.extend([j] * len(piece))
        i = j
    return "".join(out), starts, ends


# --------------------------------------------------------------------------- the number


@dataclass(frozen=True)
class DocNumber:
    """One document number, split into its parts.

    >>> n = parse_number("118/2025/NĐ-CP")
    >>> (n.serial, n.year, n.type_code, n.issuer_code, n.unit_code, n.grammar)
    ('118', 2025, 'NĐ', 'CP', None, 'state')
    >>> parse_number("Số:   -CV/BTVTU").format()
    '-CV/BTVTU'
    """

    serial: str | None  # "57", "254"; None for a draft's blank number
    year: int | None  # state normative documents print it: 118/2025/NĐ-CP
    type_code: str | None  # None for state official letters (807/UBND-KGVX) and QH laws
    issuer_code: str  # "TW", "BCĐTW", "TU", "UBND", "VPCP", "QH15"...
    unit_code: str | None  # the drafting unit after the issuer ("KGVX"; Party: "PTTN" or None)
    grammar: str  # "party" or "state"

    def format(self) -> str:
        """The canonical printed form; a draft prints an empty serial (``/KH-UBND``)."""
        serial = self.serial or ""
        if self.grammar == "party":
            unit = f"-{self.unit_code}" if self.unit_code else ""
            return f"{serial}-{self.type_code}/{self.issuer_code}{unit}"
        year = f"{self.year}/" if self.year is not None else ""
        head = f"{self.type_code}-{self.issuer_code}" if self.type_code else self.issuer_code
        unit = f"-{self.unit_code}" if self.unit_code else ""
        return f"{serial}/{year}{head}{unit}"

    def __str__(self) -> str:
        return self.format()

    @property
    def doc_type(self) -> str | None:
        """The Vietnamese type name the symbol implies.

        >>> parse_number("05-TT/TW").doc_type, parse_number("13/2025/TT-BKHCN").doc_type
        ('Thông tri', 'Thông tư')
        """
        if self.type_code is None:
            # NNN/YYYY/QH15 is a Luật or a Nghị quyết of the National Assembly: unknown.
            return None if _ASSEMBLY.fullmatch(self.issuer_code.upper()) else "Công văn"
        if self.grammar == "party" and self.type_code in PARTY_TYPE_NAMES:
            return PARTY_TYPE_NAMES[self.type_code]
        return TYPE_NAMES.get(self.type_code)

    @property
    def is_blank(self) -> bool:
        """True for a draft, whose serial is left blank."""
        return self.serial is None

    def key(self) -> str:
        """Matching key: upper case, leading zeros of the serial dropped (``05`` is ``5``).

        >>> parse_number("05-ĐA/tu").key()
        '5-ĐA/TU'
        """
        serial = self.serial.lstrip("0") or "0" if self.serial is not None else ""
        text = DocNumber(
            serial, self.year, self.type_code, self.issuer_code, self.unit_code, self.grammar
        ).format()
        return text.upper()

    def ascii_key(self) -> str:
        """:meth:`key` with ``Đ`` → ``D``, for people who type without Vietnamese letters.

        >>> parse_number("04-TB/BCĐTW").ascii_key()
        '4-TB/BCDTW'
        """
        return self.key().replace("Đ", "D")


# --------------------------------------------------------------------------- codes


def _canonical_type(code: str) -> str | None:
    return _TYPE_BY_UPPER.get(code.upper())


def _canonical_code(code: str) -> str:
    """Issuer/unit code spelling: as printed when all upper case, else the known spelling."""
    code = code.replace("đ", "Đ") if any(c.isupper() for c in code) else code
    if code.isupper() or not any(c.isalpha() for c in code):
        return code
    known = _ISSUER_BY_UPPER.get(code.upper())
    if known:
        return known
    lower = sum(c.islower() for c in code)
    return code if lower <= 1 and code[0].isupper() else code.upper()


def _split_code_digits(letters: str, digits: str) -> tuple[str, str]:
    """Digits printed after a final code: (digits of the code, footnote mark).

    ``QH15`` keeps its term (two digits at most: ``QH153`` is QH15 + footnote 3); numbered
    bodies keep their number (``BCĐ389``); a leading zero is never a footnote (``PC06``); three
    or more digits belong to the code; one or two digits after letters are a footnote mark
    (``283/KH-UBND3``).
    """
    if not digits:
        return "", ""
    up = letters.upper()
    if up.endswith("QH"):
        return digits[:2], digits[2:]
    if _ASSEMBLY_COMMITTEE.fullmatch(up) and re.match(r"1[3-9]", digits):
        return digits[:2], digits[2:]  # "UBKT15": a National Assembly committee and its term
    for number in _NUMBERED.get(up, ()):
        if digits.startswith(number):
            return number, digits[len(number) :]
    if digits.startswith("0") or len(digits) >= 3:
        return digits, ""
    return "", digits


# --------------------------------------------------------------------------- parsing

_L = "A-Za-zĐđ"
_CODE = rf"[{_L}]+"
# a drafting unit may join two units' letters with "&" ("8935/BNV-CTTN&BĐG")
# a unit may carry a Roman numeral after a dot ("11554/VPCP-V.I": the Government Office's
# Department I)
_ROMAN_UNIT = r"(?:\.[IVX]{1,4}(?![A-Za-z0-9]))?"
_UCODE = rf"[{_L}]+{_ROMAN_UNIT}(?:&[{_L}]+)*"
_YEAR = r"(?:19|20)[0-9]{2}"
_SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_TO_ASCII = str.maketrans(_SUP, "0123456789")

# a Party number may name the drafting unit after its issuer, as the Youth Union's do
# ("2186-CV/TWĐTN-PTTN")
_P_PARTY = re.compile(
    rf"(?P<serial>[0-9]*)-(?P<type>{_CODE})/(?P<issuer>{_CODE})(?P<idig>[0-9]*)"
    rf"(?:-(?P<unit>{_UCODE}(?:-{_UCODE})*)(?P<udig>[0-9]*))?"
)
_P_STATE = re.compile(
    rf"(?P<serial>[0-9]*)/(?:(?P<year>{_YEAR})/)?(?P<type>{_CODE})-(?P<issuer>{_CODE})"
    rf"(?P<idig>[0-9]*)(?:-(?P<unit>{_UCODE}(?:-{_UCODE})*)(?P<udig>[0-9]*))?"
)
_P_LETTER = re.compile(
    rf"(?P<serial>[0-9]*)/(?P<issuer>{_CODE})(?P<idig>[0-9]*)"
    rf"-(?P<unit>{_UCODE}(?:-{_UCODE})*)(?P<udig>[0-9]*)"
)
_P_COMMITTEE = re.compile(
    r"(?P<serial>[0-9]*)/(?P<issuer>UB(?!ND|MT|KTT[WU])[A-Za-zĐđ]{2,10})(?P<idig>1[3-9])"
)
_P_ASSEMBLY = re.compile(
    rf"(?P<serial>[0-9]*)/(?P<year>{_YEAR})/(?P<issuer>[{_L}]*(?i:QH))(?P<idig>[0-9]+)"
)
# never starts inside a run of spaces, so a long run is not rescanned from each space
_SPACE_AROUND_SEP = re.compile(r"(?:(?<!\s)|(?!\s))\s*+([-/])\s*")
_SO_PREFIX = re.compile(r"^(?:[Ss][ốỐ]|SỐ)\s*:?\s*")


def _build(
    grammar: str,
    serial: str,
    year: str | None,
    type_code: str | None,
    issuer: str,
    idig: str,
    unit: str | None,
    udig: str,
) -> DocNumber | None:
    """A DocNumber from matched parts, or None when trailing digits are a footnote mark."""
    if unit:
        code, foot = _split_code_digits(unit.rsplit("-", 1)[-1], udig)
        if foot:
            return None
        unit_code: str | None = _canonical_code(unit) + code
        issuer_code = _canonical_code(issuer) + idig
    else:
        unit_code = None
        code, foot = _split_code_digits(issuer, idig)
        if foot:
            return None
        issuer_code = _canonical_code(issuer) + code
    tcode = _canonical_type(type_code) if type_code else None
    if type_code and tcode is None:
        return None
    return DocNumber(
        serial or None, int(year) if year else None, tcode, issuer_code, unit_code, grammar
    )


def _parse_compact(s: str) -> DocNumber | None:
    """Parse a number with no spaces and folded letters."""
    m = _P_PARTY.fullmatch(s)
    if m:
        if _canonical_type(m["type"]) is None:
            return None
        return _build(
            "party",
            m["serial"],
            None,
            m["type"],
            m["issuer"],
            m["idig"],
            m["unit"],
            m["udig"] or "",
        )
    m = _P_ASSEMBLY.fullmatch(s)
    if m:
        return _build("state", m["serial"], m["year"], None, m["issuer"], m["idig"], None, "")
    m = _P_STATE.fullmatch(s)
    if m and _canonical_type(m["type"]) is not None:
        return _build(
            "state", m["serial"], m["year"], m["type"], m["issuer"], m["idig"],
            m["unit"], m["udig"] or "",
        )  # fmt: skip
    m = _P_COMMITTEE.fullmatch(s)
    if m:
        return _build("state", m["serial"], None, None, m["issuer"], m["idig"], None, "")
    m = _P_LETTER.fullmatch(s)
    if m and _canonical_type(m["issuer"]) is None:
        return _build(
            "state", m["serial"], None, None, m["issuer"], m["idig"], m["unit"], m["udig"]
        )
    return None


def parse_number(s: str) -> DocNumber | None:
    """One document number as people and documents write it, or None if ``s`` is not one.

    Tolerates spaces and line breaks around ``-`` and ``/`` (``77- BC/VPTW``), any case
    (``57-nq/tw``), look-alike letters, ``Ð``/NFD input, a leading ``Số:``, a blank serial
    (drafts) and superscript footnote marks. Glued ASCII digits that would be a footnote mark
    (``283/KH-UBND3``) make the string ambiguous: None (:func:`find_numbers` splits them).

    >>> parse_number("57-NQ/TW").doc_type
    'Nghị quyết'
    >>> parse_number("77- BC/VPTW").format(), parse_number("57-nq/tw").format()
    ('77-BC/VPTW', '57-NQ/TW')
    >>> parse_number("15/9/2025") is None and parse_number("KHCN, ĐMST") is None
    True
    """
    s = fold_lookalikes(s).strip()
    s = _SO_PREFIX.sub("", s)
    s = s.rstrip(_SUP + " \t\r\n.,;:")
    s = _SPACE_AROUND_SEP.sub(r"\1", s)
    if not s or any(c.isspace() for c in s):
        return None
    return _parse_compact(s)


# --------------------------------------------------------------------------- finding


@dataclass(frozen=True)
class NumberMatch:
    """A number found in a text: ``text[start:end] == raw`` (without the footnote mark)."""

    start: int
    end: int
    raw: str
    number: DocNumber
    footnote: str | None  # a glued footnote mark: "3" in "283/KH-UBND3", "1" in "…KGVX¹"
    shared: bool = False  # a serial alone, sharing the suffix of the number after it ("187")


_HS = r"[ \t\u00a0]"
# After a separator: spaces, and a line break with up to three blank lines ("05-\n\nKH/TU").
_BRK = rf"{_HS}*(?:(?:\r\n|[\n\r\f]){_HS}*){{0,4}}"


def _sep(c: str) -> str:
    # at most one space before a separator ("57 -NQ/TW"); spaces and line breaks after it
    return rf"{_HS}?{re.escape(c)}{_BRK}"


_FCODE = r"[A-ZĐ][A-ZĐa-zđ]*"  # in running text a code starts with a capital
_FUCODE = rf"{_FCODE}{_ROMAN_UNIT}(?:&{_FCODE})*"  # a unit code, "&" joining two ("CTTN&BĐG")
_FOOT = rf"(?P<sup>[{_SUP}]*)"
_END = r"(?![^\W_]|/[^\W_])"
_F_PARTY = re.compile(
    rf"{_sep('-')}(?P<type>{_FCODE}){_sep('/')}(?P<issuer>{_FCODE})(?P<idig>[0-9]*)"
    # the drafting unit, joined without a space ("…/TWĐTN-PTTN")
    rf"(?:-(?P<unit>{_FUCODE}(?:-{_FUCODE})*)(?P<udig>[0-9]*))?{_FOOT}{_END}"
)
_F_ASSEMBLY = re.compile(
    rf"{_sep('/')}(?P<year>{_YEAR}){_sep('/')}(?P<issuer>[A-ZĐ]*QH)(?P<idig>[0-9]+){_FOOT}{_END}"
)
_F_UNIT = rf"(?:-{_BRK}(?P<unit>{_FUCODE}(?:-{_FUCODE})*)(?P<udig>[0-9]*))?"
_F_STATE = re.compile(
    rf"{_sep('/')}(?:(?P<year>{_YEAR}){_sep('/')})?(?P<type>{_FCODE}){_sep('-')}"
    rf"(?P<issuer>{_FCODE})(?P<idig>[0-9]*){_F_UNIT}{_FOOT}{_END}"
)
# a National Assembly committee's letter: "318/UBKHCNMT15", "2456/UBKT15" (its code and
# the Assembly's term, no type)
# (not a people's committee, a front or a Party inspection commission: "UBND13" is UBND and
# footnote 13)
_ASSEMBLY_COMMITTEE = re.compile(r"UB(?!ND|MT|KTT[WU])[A-ZĐ]{2,10}")
_F_COMMITTEE = re.compile(
    rf"{_sep('/')}(?P<issuer>UB(?!ND|MT|KTT[WU])[A-ZĐ]{{2,10}})(?P<idig>1[3-9][0-9]*){_FOOT}{_END}"
)
_F_LETTER = re.compile(
    rf"{_sep('/')}(?P<issuer>{_FCODE})(?P<idig>[0-9]*){_sep('-')}"
    rf"(?P<unit>{_FUCODE}(?:-{_FUCODE})*)(?P<udig>[0-9]*){_FOOT}{_END}"
)
# Where a number may start: a serial, or a blank serial right after "Số:" (a draft),
# possibly with dots as the blank ("Số: ....../KH-UBND").
_F_START = re.compile(
    rf"(?<![\w/.\-])(?P<serial>[0-9]{{1,6}})(?={_HS}?[-/])"
    rf"|(?<![\w])(?:[Ss][ốỐ]|SỐ){_HS}*+:?[ \t\u00a0\n]*+(?:[._…]++{_HS}*+)?(?P<blank>)(?=[-/])"
)
_URL = re.compile(r"(?:https?://|ftp://|www\.)[^\s<>\"')\]]+", re.IGNORECASE)
# Serials sharing the suffix of the number after them: "Kết luận số 187, 188-KL/TW",
# "Công văn số 807 và 808/UBND-KGVX". Only after "số", so a year or a figure before a
# number ("năm 2024, 57-NQ/TW") is never taken for a serial.
_SHARED_SERIALS = re.compile(
    rf"(?<![\w])(?:[Ss][ốỐ]|SỐ){_HS}*+:?{_HS}*+"
    rf"(?P<serials>[0-9]{{1,6}}(?:{_HS}*+(?:,|và){_HS}*+[0-9]{{1,6}}){{0,20}}+)"
    rf"{_HS}*+(?:,|và){_HS}*+\Z"
)
_SHARED_WINDOW = 200  # characters before a number searched for serials sharing its suffix


def _mostly_upper(code: str) -> bool:
    """A code in running text: ``TTg``, ``CTr`` and ``QĐi`` have one small letter, words more."""
    return sum(c.islower() for c in code) <= 1


def _match_at(norm: str, pos: int, serial: str) -> tuple[re.Match[str], DocNumber, str] | None:
    """The number whose serial ends at ``pos``: (match, number, footnote mark)."""
    candidates: list[tuple[str, re.Match[str] | None]] = [
        ("party", _F_PARTY.match(norm, pos)),
        ("assembly", _F_ASSEMBLY.match(norm, pos)),
        ("state", _F_STATE.match(norm, pos)),
        ("letter", _F_LETTER.match(norm, pos)),
        ("committee", _F_COMMITTEE.match(norm, pos)),
    ]
    for kind, m in candidates:
        if m is None:
            continue
        groups = m.groupdict()
        codes = [groups["issuer"], *(groups.get("unit") or "").split("-")]
        if not all(_mostly_upper(c) for c in codes if c):
            continue
        if kind in ("party", "state") and _canonical_type(groups["type"]) is None:
            continue
        if kind == "letter" and _canonical_type(groups["issuer"]) is not None:
            continue
        unit = groups.get("unit")
        if unit:
            last, digits = unit.rsplit("-", 1)[-1], groups["udig"]
        else:
            last, digits = groups["issuer"], groups["idig"]
        code_digits, foot = _split_code_digits(last, digits)
        if kind in ("assembly", "committee") and not code_digits:
            continue
        footnote = foot + groups["sup"].translate(_SUP_TO_ASCII)
        cut = len(foot) + len(groups["sup"])  # characters of the match that are the mark
        if unit:
            udig, idig = code_digits, groups["idig"]
        else:
            udig, idig = "", code_digits
        number = _build(
            "party" if kind == "party" else "state",
            serial,
            groups.get("year"),
            groups.get("type"),
            groups["issuer"],
            idig,
            unit,
            udig,
        )
        if number is not None:
            return m, number, footnote if cut else ""
    return None


def find_numbers(text: str) -> list[NumberMatch]:
    """Every document number in a running text, left to right, with offsets into ``text``.

    Numbers broken across lines after ``-`` or ``/`` (``05-\\nKH/TU``), spaces after the
    separator (``77- BC/VPTW``), glued footnote marks (``283/KH-UBND3``, ``1023/UBND-KGVX¹``:
    the mark is left out of the span and reported as ``footnote``) and blank draft numbers after
    ``Số:`` are found; dates, ratios, ranges and URLs are not. Serials after ``số`` that share
    the suffix of the number after them (``Kết luận số 187, 188-KL/TW``) are each a number of
    their own, spanning their figures (``shared``).

    >>> [(m.raw, m.footnote) for m in find_numbers("Kế hoạch số 283/KH-UBND3, ngày 15/9/2025")]
    [('283/KH-UBND', '3')]
    >>> [m.number.format() for m in find_numbers("Số:         -CV/BTVTU")]
    ['-CV/BTVTU']
    >>> [(m.raw, m.number.format()) for m in find_numbers("Kết luận số 187, 188-KL/TW")]
    [('187', '187-KL/TW'), ('188-KL/TW', '188-KL/TW')]
    """
    norm, starts, ends = _normalize_with_map(text)
    if "-" not in norm and "/" not in norm:
        return []  # every number has a "-" or a "/" after its serial (_F_START)
    # every address holds "://" or "www." (the only letters matching "w" are w and W)
    url = "://" in norm or "w." in norm or "W." in norm
    urls = [(m.start(), m.end()) for m in _URL.finditer(norm)] if url else []
    out: list[NumberMatch] = []
    pos = last = 0  # last: where the last number found ends
    while True:
        s = _next_start(norm, pos)
        if s is None:
            break
        pos = s.end() if s.end() > s.start() else s.start() + 1
        if any(a <= s.start() < b for a, b in urls):
            continue
        serial = s["serial"] or ""
        found = _match_at(norm, s.end(), serial)
        if found is None:
            continue
        m, number, footnote = found
        begin = s.start() if serial else s.end()
        if serial:
            out += _shared_serials(
                text, norm, starts, ends, max(last, begin - _SHARED_WINDOW), begin, number
            )
        stop = m.end() - len(footnote)
        a, b = starts[begin], ends[stop - 1]
        out.append(NumberMatch(a, b, text[a:b], number, footnote or None))
        pos = last = m.end()
    return out


# what opens a match of _F_START, found quickly (a class first: the regex engine skips to
# it): a serial and its separator, or the "số" of a blank number (its own letters)
_SERIAL_AHEAD = re.compile(rf"[0-9]{{1,6}}{_HS}?[-/]")
_SO = re.compile("[Ss][ốỐ]")


def _next_start(norm: str, pos: int) -> re.Match[str] | None:
    """``_F_START.search(norm, pos)``, searched from the first place it can match: its
    pattern opens with a lookbehind, so the engine tried both of its branches at every
    character; a serial matches _SERIAL_AHEAD at its own start, a blank number's "Số"
    matches _SO."""
    ahead = _SERIAL_AHEAD.search(norm, pos)
    at = ahead.start() if ahead else len(norm)
    so = _SO.search(norm, pos, at + 2)  # a "số" starting before the serial
    if so is not None and so.start() < at:
        at = so.start()
    if ahead is None and so is None:
        return None
    return _F_START.search(norm, at)


def _shared_serials(
    text: str,
    norm: str,
    starts: Sequence[int],
    ends: Sequence[int],
    lo: int,
    at: int,
    number: DocNumber,
) -> list[NumberMatch]:
    """The serials in ``norm[lo:at]`` that share the suffix of the number at ``at``
    ("số 187, 188-KL/TW" names 187-KL/TW too), each with the span of its figures."""
    m = _SHARED_SERIALS.search(norm, lo, at)
    if m is None:
        return []
    out = []
    for d in re.finditer(r"[0-9]+", m.group("serials")):
        a, b = m.start("serials") + d.start(), m.start("serials") + d.end()
        shared = DocNumber(
            d.group(), number.year, number.type_code, number.issuer_code, number.unit_code,
            number.grammar,
        )  # fmt: skip
        raw = text[starts[a] : ends[b - 1]]
        out.append(NumberMatch(starts[a], ends[b - 1], raw, shared, None, shared=True))
    return out


# --------------------------------------------------------------------------- look-ups


def alternate_forms(n: DocNumber | str) -> list[str]:
    """Other ways the same number gets written, for look-ups.

    The other grammar's punctuation (the common mis-typed ``57/NQ-TW`` for ``57-NQ/TW`` and
    back), the state form without its year (``118/NĐ-CP``), and each form without ``Đ``.

    >>> alternate_forms("57-NQ/TW")
    ['57/NQ-TW']
    >>> alternate_forms("04-TB/BCĐTW")
    ['04/TB-BCĐTW', '04-TB/BCDTW', '04/TB-BCDTW']
    """
    number = parse_number(n) if isinstance(n, str) else n
    if number is None:
        return []
    forms: list[str] = []
    serial = number.serial or ""
    if number.type_code is not None and number.unit_code is None:
        if number.grammar == "party":
            forms.append(f"{serial}/{number.type_code}-{number.issuer_code}")
        elif number.year is None:
            forms.append(f"{serial}-{number.type_code}/{number.issuer_code}")
    if number.grammar == "state" and number.year is not None and number.type_code is not None:
        forms.append(
            DocNumber(
                number.serial, None, number.type_code, number.issuer_code, number.unit_code,
                "state",
            ).format()
        )  # fmt: skip
    own = number.format()
    forms += [f.replace("Đ", "D") for f in [own, *forms]]
    seen = {own}
    result = []
    for f in forms:
        if f not in seen:
            seen.add(f)
            result.append(f)
    return result


def _fold_name(s: str) -> str:
    s = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = re.sub(r"\([^)]*\)", " ", s)
    return " ".join(s.lower().split())


def _names_to_codes() -> dict[str, str]:
    table: dict[str, str] = {}
    for name, code in [*_DATA["preferred_codes"].items(), *_DATA["name_aliases"].items()]:
        table.setdefault(_fold_name(name), code)
    for code, name in [*TYPE_NAMES.items(), *PARTY_TYPE_NAMES.items()]:
        table.setdefault(_fold_name(name), code)
    return table


_NAME_TO_CODE = _names_to_codes()


def type_words() -> dict[str, str | None]:
    """Every phrase that names a document's type, folded, with the type it names: the names
    of the codes (both grammars), :data:`MORE_TYPE_NAMES`, the longer phrases of
    ``name_aliases`` ("chương trình hành động" is a Chương trình) and the words that name a
    document of any type (None). The one list of type words; the extractors read it through
    :class:`~policy_lineage.loaders.rules.Rules`.

    >>> words = type_words()
    >>> words["thông báo kết luận"], words["luật"], words["văn bản"]
    ('Thông báo', 'Luật', None)
    """
    from .textnorm import fold

    names = [*TYPE_NAMES.values(), *PARTY_TYPE_NAMES.values(), *MORE_TYPE_NAMES]
    words: dict[str, str | None] = {fold(n): n for n in names}
    for phrase, code in _DATA["name_aliases"].items():
        words.setdefault(fold(phrase), TYPE_NAMES[code])
    for w in GENERIC_TYPE_WORDS:
        words.setdefault(fold(w), None)
    return words


def type_code_for_name(name: str) -> str | None:
    """The type code for a type name, in any case and with or without diacritics.

    ``Quy định`` gives the Party ``QĐi`` (the state writes ``QyĐ``); ``Thông tư`` and
    ``Thông tri`` both give ``TT``.

    >>> type_code_for_name("nghi quyet"), type_code_for_name("Chương trình hành động")
    ('NQ', 'CTr')
    """
    return _NAME_TO_CODE.get(_fold_name(name))


def default_issuer(number: DocNumber) -> str | None:
    """The central body a national symbol names, or None for a local symbol.

    ``NQ``, ``KL``, ``CT``, ``QĐ`` and ``TB`` over ``TW`` default to the Bộ Chính trị (the Ban
    Bí thư also issues Chỉ thị and Quyết định), Thông tri to the Ban Bí thư, anything else
    over ``TW`` to the Ban Chấp hành Trung ương Đảng.

    >>> default_issuer(parse_number("57-NQ/TW")), default_issuer(parse_number("254/KH-UBND"))
    ('Bộ Chính trị', None)
    """
    code = number.issuer_code.upper()
    if code == "TW":
        return _TW_ISSUERS.get(number.type_code or "", ISSUER_CODES["TW"][0])
    m = _ASSEMBLY.fullmatch(code)
    if m:
        return "Quốc hội" if m["body"] == "QH" else "Ủy ban Thường vụ Quốc hội"
    canonical = _ISSUER_BY_UPPER.get(code)
    entry = ISSUER_CODES.get(canonical) if canonical else None
    return entry[0] if entry else None


def is_local_code(code: str) -> bool:
    """True for an issuer code that needs a province to be unique (``TU``, ``UBND``, ``SKHCN``).

    Anything that is not a national code is local.

    >>> is_local_code("UBND"), is_local_code("TTg"), is_local_code("QH15")
    (True, False, False)
    """
    up = fold_lookalikes(code).upper()
    if _ASSEMBLY.fullmatch(up):
        return False
    canonical = _ISSUER_BY_UPPER.get(up)
    return canonical not in ISSUER_CODES


def local_issuer_name(number: DocNumber, province: str) -> str | None:
    """The issuer of a local symbol in a document of ``province``, for the common codes.

    ``KH``, ``CTr``, ``ĐA``, ``TB``, ``CV``, ``QĐ``, ``CT`` and ``KL`` over ``TU`` are issued by
    the Ban Thường vụ Tỉnh ủy, ``NQ/TU`` and the rest by the Tỉnh ủy. ``ĐU`` is taken to be the
    Đảng ủy of the provincial People's Committee (as in these documents; other Đảng ủy use
    it too) and ``BCĐ`` the provincial steering committee for science, technology, innovation
    and digital transformation (other Ban Chỉ đạo exist). Sở-level codes give the body's
    name as the agency table spells it (``Sở Tài chính``).

    >>> local_issuer_name(parse_number("359-KH/TU"), "Đồng Tháp")
    'Ban Thường vụ Tỉnh ủy Đồng Tháp'
    >>> local_issuer_name(parse_number("807/UBND-KGVX"), "Đồng Tháp")
    'Ủy ban nhân dân tỉnh Đồng Tháp'
    """
    code = _ISSUER_BY_UPPER.get(number.issuer_code.upper())
    if code is None or code not in LOCAL_ISSUERS:
        return None
    if code == "TU" and number.type_code in _TU_STANDING:
        code = "BTVTU"
    return LOCAL_ISSUERS[code].replace("{province}", province).strip()
