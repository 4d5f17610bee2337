"""Document numbers (số, ký hiệu) in the Party and State grammars.

Party (Hướng dẫn 36-HD/VPTW): ``NUMBER-TYPE/ISSUER`` — ``57-NQ/TW``, ``359-KH/TU``.
State (Nghị định 30/2020/NĐ-CP): ``NUMBER[/YEAR]/TYPE-ISSUER[-UNIT]`` — ``254/KH-UBND``,
``118/2025/NĐ-CP``; official letters carry no type: ``807/UBND-KGVX``.

>>> parse_number("57-NQ/TW").doc_type
'Nghị quyết'
>>> parse_number("807/UBND-KGVX").doc_type
'Công văn'
>>> [m.number.format() for m in find_numbers("Kế hoạch số 05-\\nKH/TU và 77- BC/VPTW")]
['05-KH/TU', '77-BC/VPTW']
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_LOOKALIKE = str.maketrans(
    {
        "А": "A", "В": "B", "С": "C", "Е": "E", "Н": "H", "І": "I", "К": "K", "М": "M",
        "О": "O", "Р": "P", "Т": "T", "Х": "X", "а": "a", "с": "c", "е": "e", "о": "o",
        "р": "p", "х": "x", "Α": "A", "Β": "B", "Ε": "E", "Η": "H", "Ι": "I", "Κ": "K",
        "Μ": "M", "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Χ": "X", "\u00d0": "Đ", "\u0189": "Đ",
    }
)  # fmt: skip

TYPE_NAMES: dict[str, str] = {
    "NQ": "Nghị quyết", "QĐ": "Quyết định", "QĐI": "Quy định", "CT": "Chỉ thị", "KL": "Kết luận",
    "KH": "Kế hoạch", "TB": "Thông báo", "CV": "Công văn", "CTR": "Chương trình", "ĐA": "Đề án",
    "PA": "Phương án", "BC": "Báo cáo", "QC": "Quy chế", "HD": "Hướng dẫn", "TTR": "Tờ trình",
    "CĐ": "Công điện", "NĐ": "Nghị định", "TTLT": "Thông tư liên tịch", "TT": "Thông tư",
    "QY": "Quy định", "GM": "Giấy mời", "TTRA": "Tờ trình",
}  # fmt: skip
_NATIONAL: dict[str, str] = {
    "TW": "Ban Chấp hành Trung ương Đảng",
    "BCĐTW": "Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
    "CQTTBCĐ": "Cơ quan Thường trực Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, "
    "đổi mới sáng tạo và chuyển đổi số",
    "TGV": "Tổ Giúp việc Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, "
    "đổi mới sáng tạo và chuyển đổi số",
    "VPTW": "Văn phòng Trung ương Đảng",
    "CP": "Chính phủ",
    "TTG": "Thủ tướng Chính phủ",
    "VPCP": "Văn phòng Chính phủ",
    "BKHCN": "Bộ Khoa học và Công nghệ",
    "BCA": "Bộ Công an",
    "BTC": "Bộ Tài chính",
    "BNV": "Bộ Nội vụ",
    "BGDĐT": "Bộ Giáo dục và Đào tạo",
    "BYT": "Bộ Y tế",
    "BTTTT": "Bộ Thông tin và Truyền thông",
    "BKHĐT": "Bộ Kế hoạch và Đầu tư",
    "BCT": "Bộ Công Thương",
    "BNNMT": "Bộ Nông nghiệp và Môi trường",
    "BXD": "Bộ Xây dựng",
    "BTP": "Bộ Tư pháp",
    "BQP": "Bộ Quốc phòng",
    "BNG": "Bộ Ngoại giao",
    "BVHTTDL": "Bộ Văn hóa, Thể thao và Du lịch",
    "NHNN": "Ngân hàng Nhà nước Việt Nam",
}
_CODE = r"[A-ZĐ][A-ZĐa-z]*"
_PARTY = re.compile(rf"^(?P<serial>\d*)-(?P<type>{_CODE})/(?P<issuer>{_CODE}(?:-{_CODE})*)$")
_STATE = re.compile(
    rf"^(?P<serial>\d*)/(?:(?P<year>\d{{4}})/)?(?P<type>{_CODE})-(?P<issuer>{_CODE}\d*)(?:-(?P<unit>{_CODE}))?$"
)


def fold_lookalikes(s: str) -> str:
    """NFC, and Cyrillic/Greek look-alike letters and Ð (U+00D0) folded to the Vietnamese Latin ones."""
    return unicodedata.normalize("NFC", s).translate(_LOOKALIKE).replace("đ", "đ")


@dataclass(frozen=True)
class DocNumber:
    serial: str | None
    year: int | None
    type_code: str | None
    issuer_code: str
    unit_code: str | None
    grammar: str  # "party" or "state"

    def format(self) -> str:
        serial = self.serial or ""
        if self.grammar == "party":
            return f"{serial}-{self.type_code}/{self.issuer_code}"
        year = f"{self.year}/" if self.year else ""
        head = f"{self.type_code}-{self.issuer_code}" if self.type_code else self.issuer_code
        return f"{serial}/{year}{head}" + (f"-{self.unit_code}" if self.unit_code else "")

    @property
    def is_blank(self) -> bool:
        return self.serial is None

    @property
    def doc_type(self) -> str | None:
        if self.type_code is None:
            return "Công văn"
        code = self.type_code.upper()
        if code == "TT" and self.grammar == "party":
            return "Thông tri"
        return TYPE_NAMES.get(code)

    def key(self) -> str:
        return self.format().upper()


_STATE_LETTER = re.compile(rf"^(?P<serial>\d*)/(?P<issuer>{_CODE})-(?P<unit>{_CODE})$")


def parse_number(s: str) -> DocNumber | None:
    """A document number as people write it, or None when ``s`` is not one."""
    s = re.sub(r"\s+", "", fold_lookalikes(s))
    m = _PARTY.match(s)
    if m and m.group("type").upper() in TYPE_NAMES:
        return DocNumber(
            m.group("serial") or None, None, m.group("type"), m.group("issuer"), None, "party"
        )
    m = _STATE.match(s)
    if m and m.group("type").upper() in TYPE_NAMES:
        year = int(m.group("year")) if m.group("year") else None
        return DocNumber(
            m.group("serial") or None,
            year,
            m.group("type"),
            m.group("issuer"),
            m.group("unit"),
            "state",
        )
    m = _STATE_LETTER.match(s)
    if (
        m
        and m.group("issuer").upper() not in TYPE_NAMES
        and m.group("issuer") not in ("V", "T", "B")
    ):
        return DocNumber(
            m.group("serial") or None, None, None, m.group("issuer"), m.group("unit"), "state"
        )
    m = re.match(r"^(?P<serial>\d*)/(?P<year>\d{4})/(?P<issuer>QH\d+)$", s)
    if m:
        return DocNumber(
            m.group("serial") or None, int(m.group("year")), None, m.group("issuer"), None, "state"
        )
    return None


@dataclass(frozen=True)
class NumberMatch:
    start: int
    end: int
    raw: str
    number: DocNumber
    footnote: str | None


_SEP = r"[ \t]*(?:\n[ \t]*)*"  # a number may be broken across lines at - or /
_FIND = re.compile(
    rf"(?<![\w/.-])(?P<serial>\d{{1,6}})[ \t]*-{_SEP}(?P<ptype>{_CODE})/(?P<pissuer>{_CODE}(?:-{_CODE})*)"
    rf"|(?<![\w/.-])(?P<sserial>\d{{1,6}})/{_SEP}(?:(?P<year>\d{{4}})/)?(?P<stype>{_CODE})(?:-(?P<sissuer>{_CODE}\d*))?"
    rf"(?:-(?P<unit>{_CODE}))?"
)
_SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹"


def find_numbers(text: str) -> list[NumberMatch]:
    """Every document number in a running text, with its offsets in ``text``."""
    folded = text.translate(_LOOKALIKE)
    out: list[NumberMatch] = []
    for m in _FIND.finditer(folded):
        raw = text[m.start() : m.end()]
        end = m.end()
        footnote = None
        # a footnote mark glued on: "283/KH-UBND3"
        tail = re.match(r"(\d{1,2}|[" + _SUPERSCRIPT + r"]+)(?![\d/])", folded[end:])
        if tail and not folded[m.start() : end].endswith("QH"):
            footnote = tail.group(1)
        number = parse_number(raw)
        if number is None:
            continue
        out.append(NumberMatch(m.start(), end, raw, number, footnote))
    return out


def default_issuer(number: DocNumber) -> str | None:
    """The national body a symbol names, or None for local symbols."""
    code = number.issuer_code.upper()
    if code == "TW" and (number.type_code or "").upper() in ("NQ", "KL", "CT", "QĐ"):
        return "Bộ Chính trị"
    if code.startswith("QH"):
        return "Quốc hội"
    return _NATIONAL.get(code)


_LOCAL = {
    "UBND": "Ủy ban nhân dân tỉnh {p}",
    "VPUBND": "Văn phòng Ủy ban nhân dân tỉnh",
    "HĐND": "Hội đồng nhân dân tỉnh {p}",
    "ĐU": "Đảng ủy Ủy ban nhân dân tỉnh {p}",  # in these documents: the Party committee of the People's Committee
    "BTVTU": "Ban Thường vụ Tỉnh ủy {p}",
    "VPTU": "Văn phòng Tỉnh ủy",
    "BCĐ": "Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh {p}",
}


def is_local_code(code: str) -> bool:
    return code.upper() not in _NATIONAL and not code.upper().startswith("QH")


def local_issuer_name(number: DocNumber, province: str) -> str | None:
    """The issuer of a local symbol inside a document of ``province``."""
    code = number.issuer_code
    if code == "TU":
        if (number.type_code or "").upper() == "NQ":
            return f"Tỉnh ủy {province}"
        return f"Ban Thường vụ Tỉnh ủy {province}"
    name = _LOCAL.get(code)
    return name.format(p=province) if name else None
