"""Document-number grammar: parsing, formatting, finding numbers in running text."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policy_lineage.loaders.numbers import (
    ISSUER_CODES,
    TYPE_NAMES,
    DocNumber,
    alternate_forms,
    default_issuer,
    find_numbers,
    fold_lookalikes,
    is_local_code,
    local_issuer_name,
    parse_number,
    type_code_for_name,
)

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "dong-thap"

# ---------------------------------------------------------------- parse / format

P, S, LETTER = "party", "state", "Công văn"
# raw, formatted, serial, year, type, issuer, unit, grammar, doc_type
NUMBERS = [
    ("57-NQ/TW", "57-NQ/TW", "57", None, "NQ", "TW", None, P, "Nghị quyết"),
    ("04-TB/BCĐTW", "04-TB/BCĐTW", "04", None, "TB", "BCĐTW", None, P, "Thông báo"),
    ("359-KH/TU", "359-KH/TU", "359", None, "KH", "TU", None, P, "Kế hoạch"),
    ("10-CTr/TU", "10-CTr/TU", "10", None, "CTr", "TU", None, P, "Chương trình"),
    ("05-ĐA/TU", "05-ĐA/TU", "05", None, "ĐA", "TU", None, P, "Đề án"),
    ("11-ĐA/TU", "11-ĐA/TU", "11", None, "ĐA", "TU", None, P, "Đề án"),
    ("01-KH/BCĐ", "01-KH/BCĐ", "01", None, "KH", "BCĐ", None, P, "Kế hoạch"),
    ("07-TB/CQTTBCĐ", "07-TB/CQTTBCĐ", "07", None, "TB", "CQTTBCĐ", None, P, "Thông báo"),
    ("47-TB/TGV", "47-TB/TGV", "47", None, "TB", "TGV", None, P, "Thông báo"),
    ("22-TB/CQTBCĐ", "22-TB/CQTBCĐ", "22", None, "TB", "CQTBCĐ", None, P, "Thông báo"),
    ("1734-CV/VPTW", "1734-CV/VPTW", "1734", None, "CV", "VPTW", None, P, "Công văn"),
    ("77-BC/VPTW", "77-BC/VPTW", "77", None, "BC", "VPTW", None, P, "Báo cáo"),
    ("1536-CV/ĐU", "1536-CV/ĐU", "1536", None, "CV", "ĐU", None, P, "Công văn"),
    ("05-TT/TW", "05-TT/TW", "05", None, "TT", "TW", None, P, "Thông tri"),
    ("08-QĐi/TW", "08-QĐi/TW", "08", None, "QĐi", "TW", None, P, "Quy định"),
    ("205-QĐ/TW", "205-QĐ/TW", "205", None, "QĐ", "TW", None, P, "Quyết định"),
    ("254/KH-UBND", "254/KH-UBND", "254", None, "KH", "UBND", None, S, "Kế hoạch"),
    ("283/KH-UBND", "283/KH-UBND", "283", None, "KH", "UBND", None, S, "Kế hoạch"),
    ("1067/QĐ-UBND", "1067/QĐ-UBND", "1067", None, "QĐ", "UBND", None, S, "Quyết định"),
    ("801/QĐ-BCĐ", "801/QĐ-BCĐ", "801", None, "QĐ", "BCĐ", None, S, "Quyết định"),
    ("71/NQ-CP", "71/NQ-CP", "71", None, "NQ", "CP", None, S, "Nghị quyết"),
    ("807/UBND-KGVX", "807/UBND-KGVX", "807", None, None, "UBND", "KGVX", S, LETTER),
    ("3135/VPUBND-KGVX", "3135/VPUBND-KGVX", "3135", None, None, "VPUBND", "KGVX", S, LETTER),
    ("3398/VPCP-CĐS", "3398/VPCP-CĐS", "3398", None, None, "VPCP", "CĐS", S, LETTER),
    ("10094/VPCP-KGVX", "10094/VPCP-KGVX", "10094", None, None, "VPCP", "KGVX", S, LETTER),
    # a unit with a Roman numeral after a dot (the Government Office's departments)
    ("2468/VPCP-V.I", "2468/VPCP-V.I", "2468", None, None, "VPCP", "V.I", S, LETTER),
    ("1807/BKHCN-ĐMST", "1807/BKHCN-ĐMST", "1807", None, None, "BKHCN", "ĐMST", S, LETTER),
    ("456/TTg-KGVX", "456/TTg-KGVX", "456", None, None, "TTg", "KGVX", S, LETTER),
    ("118/2025/NĐ-CP", "118/2025/NĐ-CP", "118", 2025, "NĐ", "CP", None, S, "Nghị định"),
    ("180/2025/NĐ-CP", "180/2025/NĐ-CP", "180", 2025, "NĐ", "CP", None, S, "Nghị định"),
    ("267/2025/NĐ-CP", "267/2025/NĐ-CP", "267", 2025, "NĐ", "CP", None, S, "Nghị định"),
    ("13/2025/TT-BKHCN", "13/2025/TT-BKHCN", "13", 2025, "TT", "BKHCN", None, S, "Thông tư"),
    ("123/QĐ-TTg", "123/QĐ-TTg", "123", None, "QĐ", "TTg", None, S, "Quyết định"),
    ("202/2025/QH15", "202/2025/QH15", "202", 2025, None, "QH15", None, S, None),
    ("1234/NQ-UBTVQH15", "1234/NQ-UBTVQH15", "1234", None, "NQ", "UBTVQH15", None, S, "Nghị quyết"),
    ("12/KH-UBND-VX", "12/KH-UBND-VX", "12", None, "KH", "UBND", "VX", S, "Kế hoạch"),
    ("03/KH-BCĐ389", "03/KH-BCĐ389", "03", None, "KH", "BCĐ389", None, S, "Kế hoạch"),
    # how people and documents write them
    ("77- BC/VPTW", "77-BC/VPTW", "77", None, "BC", "VPTW", None, P, "Báo cáo"),
    ("05-\nKH/TU", "05-KH/TU", "05", None, "KH", "TU", None, P, "Kế hoạch"),
    ("07-\n\nTB/CQTTBCĐ", "07-TB/CQTTBCĐ", "07", None, "TB", "CQTTBCĐ", None, P, "Thông báo"),
    ("57 - NQ / TW", "57-NQ/TW", "57", None, "NQ", "TW", None, P, "Nghị quyết"),
    ("57-nq/tw", "57-NQ/TW", "57", None, "NQ", "TW", None, P, "Nghị quyết"),
    ("10-CTR/TU", "10-CTr/TU", "10", None, "CTr", "TU", None, P, "Chương trình"),
    ("123/qđ-ttg", "123/QĐ-TTg", "123", None, "QĐ", "TTg", None, S, "Quyết định"),
    ("202/2025/qh15", "202/2025/QH15", "202", 2025, None, "QH15", None, S, None),
    ("Số: 359-KH/TU", "359-KH/TU", "359", None, "KH", "TU", None, P, "Kế hoạch"),
    ("1023/UBND-KGVX¹", "1023/UBND-KGVX", "1023", None, None, "UBND", "KGVX", S, LETTER),
    ("57/NQ-TW", "57/NQ-TW", "57", None, "NQ", "TW", None, S, "Nghị quyết"),
    ("57–NQ/TW", "57-NQ/TW", "57", None, "NQ", "TW", None, P, "Nghị quyết"),
    # a Party-style number with the drafting unit after the issuer (the Youth Union's)
    ("2186-CV/TWĐTN-PTTN", "2186-CV/TWĐTN-PTTN", "2186", None, "CV", "TWĐTN", "PTTN", P,
     "Công văn"),
    ("Số: 12 -HD/TWĐTN-BTC", "12-HD/TWĐTN-BTC", "12", None, "HD", "TWĐTN", "BTC", P,
     "Hướng dẫn"),
    # drafts: blank serial
    ("Số:         -CV/BTVTU", "-CV/BTVTU", None, None, "CV", "BTVTU", None, P, "Công văn"),
    ("Số:           /KH-UBND", "/KH-UBND", None, None, "KH", "UBND", None, S, "Kế hoạch"),
    ("Số: /UBND-KGVX", "/UBND-KGVX", None, None, None, "UBND", "KGVX", S, LETTER),
    ("-CV/BTVTU", "-CV/BTVTU", None, None, "CV", "BTVTU", None, P, "Công văn"),
    ("/2025/NĐ-CP", "/2025/NĐ-CP", None, 2025, "NĐ", "CP", None, S, "Nghị định"),
    # a National Assembly committee's letter and plan: its code and the Assembly's term
    ("318/UBKHCNMT15", "318/UBKHCNMT15", "318", None, None, "UBKHCNMT15", None, S, LETTER),
    ("145/KH-UBKT15", "145/KH-UBKT15", "145", None, "KH", "UBKT15", None, S, "Kế hoạch"),
]  # fmt: skip


@pytest.mark.parametrize(
    "raw,formatted,serial,year,type_code,issuer,unit,grammar,doc_type", NUMBERS
)
def test_parse_and_format(raw, formatted, serial, year, type_code, issuer, unit, grammar, doc_type):
    n = parse_number(raw)
    assert n is not None, raw
    assert n.format() == formatted
    assert (n.serial, n.year, n.type_code, n.issuer_code, n.unit_code, n.grammar) == (
        serial,
        year,
        type_code,
        issuer,
        unit,
        grammar,
    )
    assert n.doc_type == doc_type
    assert n.is_blank == (serial is None)
    assert parse_number(n.format()) == n


NOT_NUMBERS = [
    "15/9/2025", "ngày 22/12/2024", "Quý I/2026", "12/2025", "1Gb/s", "2026–2030", "2026 - 2030",
    "4.3", "1/2", "½", "1⁄2", "KHCN, ĐMST", "Nghị quyết", "", "   ", "V/v", "T/M", "b/c", "CT-XH",
    "Đề án 06", "57-NQ/TW ngày 22/12/2024", "57-XYZ/TW", "12/KH", "57-NQ", "-/", "12 34/KH-UBND",
    "https://vbpl.vn/57-NQ/TW",
    # glued ASCII digits could be a footnote mark or part of the code: ambiguous alone
    "283/KH-UBND3",
]  # fmt: skip


@pytest.mark.parametrize("text", NOT_NUMBERS)
def test_not_a_number(text):
    assert parse_number(text) is None


def test_lookalikes_fold_to_latin():
    cyrillic_te = "13/2025/T\u0422-BKHCN"  # Cyrillic Т
    n = parse_number(cyrillic_te)
    assert n is not None and n.format() == "13/2025/TT-BKHCN" and n.doc_type == "Thông tư"
    assert parse_number("04-TB/BC\u00d0TW").format() == "04-TB/BCĐTW"  # Ð U+00D0
    assert parse_number("\u0421\u0422r-\u041d\u041a/TU") is None  # no serial
    assert parse_number("10-\u0421\u0422r/TU").format() == "10-CTr/TU"  # Cyrillic С, Т
    assert parse_number("05-\u0110A/TU") == parse_number("05-ĐA/TU")
    assert parse_number("05-đa/tu").format() == "05-ĐA/TU"
    assert parse_number("57-\u039d\u03a1/\u03a4W") is None  # Greek ΝΡ is no type code
    assert parse_number("57-\u039dQ/\u03a4W").format() == "57-NQ/TW"  # Greek Ν, Τ
    assert fold_lookalikes("TT-BT\u0421") == "TT-BTC"


def test_nfd_input():
    text = unicodedata.normalize("NFD", "Số:   /KH-UBND")
    assert text != unicodedata.normalize("NFC", text)
    assert parse_number(text).format() == "/KH-UBND"


def test_key_folds_case_lookalikes_and_leading_zeros():
    assert parse_number("05-ĐA/TU").key() == parse_number("5-đa/tu").key() == "5-ĐA/TU"
    assert parse_number("10-CTr/TU").key() == "10-CTR/TU"
    assert parse_number("04-TB/BC\u00d0TW").key() == "4-TB/BCĐTW"
    assert parse_number("04-TB/BCĐTW").ascii_key() == "4-TB/BCDTW"
    assert parse_number("0-KH/TU").key() == "0-KH/TU"
    assert parse_number("-CV/BTVTU").key() == "-CV/BTVTU"
    assert parse_number("57-NQ/TW").key() != parse_number("57/NQ-TW").key()


def test_alternate_forms():
    assert alternate_forms("57-NQ/TW") == ["57/NQ-TW"]
    assert alternate_forms(parse_number("57/NQ-TW")) == ["57-NQ/TW"]
    assert alternate_forms("04-TB/BCĐTW") == ["04/TB-BCĐTW", "04-TB/BCDTW", "04/TB-BCDTW"]
    assert alternate_forms("118/2025/NĐ-CP") == ["118/NĐ-CP", "118/2025/ND-CP", "118/ND-CP"]
    assert alternate_forms("807/UBND-KGVX") == []
    assert alternate_forms("1807/BKHCN-ĐMST") == ["1807/BKHCN-DMST"]
    assert alternate_forms("not a number") == []


# ---------------------------------------------------------------- types and issuers


def test_type_names_and_inverse():
    for code in ["NQ", "QĐ", "QĐi", "CT", "KL", "KH", "TB", "CV", "CTr", "ĐA", "PA", "BC"]:
        assert code in TYPE_NAMES
    for code in ["QC", "HD", "TTr", "CĐ", "NĐ", "TT", "TTLT"]:
        assert code in TYPE_NAMES
    assert type_code_for_name("nghi quyet") == "NQ"
    assert type_code_for_name("Nghị quyết") == "NQ"
    assert type_code_for_name("NGHỊ QUYẾT") == "NQ"
    assert type_code_for_name("Nghị quyết (QH)") == "NQ"
    assert type_code_for_name("ke hoach") == "KH"
    assert type_code_for_name("Chương trình") == "CTr"
    assert type_code_for_name("Đề án") == "ĐA"
    assert type_code_for_name("de an") == "ĐA"
    assert type_code_for_name("Quy định") == "QĐi"
    assert type_code_for_name("Thông tư") == "TT"
    assert type_code_for_name("Thông tri") == "TT"
    assert type_code_for_name("Tờ trình") == "TTr"
    assert type_code_for_name("Thông báo kết luận") == "TB"
    assert type_code_for_name("Công điện") == "CĐ"
    assert type_code_for_name("thư tình") is None
    for code, name in TYPE_NAMES.items():
        assert TYPE_NAMES[type_code_for_name(name)] == name, code


_SCIENCE = "về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số"
BCDTW = f"Ban Chỉ đạo Trung ương {_SCIENCE}"
BCD_DT = f"Ban Chỉ đạo {_SCIENCE} tỉnh Đồng Tháp"

DEFAULT_ISSUERS = [
    ("57-NQ/TW", "Bộ Chính trị"),
    ("45-KL/TW", "Bộ Chính trị"),
    ("05-TT/TW", "Ban Bí thư"),
    ("08-QĐi/TW", "Ban Chấp hành Trung ương Đảng"),
    ("04-TB/BCĐTW", BCDTW),
    ("07-TB/CQTTBCĐ", f"Cơ quan Thường trực {BCDTW}"),
    ("47-TB/TGV", f"Tổ Giúp việc {BCDTW}"),
    ("1734-CV/VPTW", "Văn phòng Trung ương Đảng"),
    ("71/NQ-CP", "Chính phủ"),
    ("123/QĐ-TTg", "Thủ tướng Chính phủ"),
    ("123/QĐ-TTG", "Thủ tướng Chính phủ"),
    ("3398/VPCP-CĐS", "Văn phòng Chính phủ"),
    ("202/2025/QH15", "Quốc hội"),
    ("1234/NQ-UBTVQH15", "Ủy ban Thường vụ Quốc hội"),
    ("1807/BKHCN-ĐMST", "Bộ Khoa học và Công nghệ"),
    ("13/2025/TT-BTC", "Bộ Tài chính"),
    ("12/BCA-V03", "Bộ Công an"),
    ("254/KH-UBND", None),
    ("359-KH/TU", None),
    ("1536-CV/ĐU", None),
]  # fmt: skip


@pytest.mark.parametrize("raw,name", DEFAULT_ISSUERS)
def test_default_issuer(raw, name):
    assert default_issuer(parse_number(raw)) == name


def test_issuer_codes_are_central():
    assert all(level == "central" for _, level in ISSUER_CODES.values())
    assert ISSUER_CODES["BKHCN"] == ("Bộ Khoa học và Công nghệ", "central")
    assert ISSUER_CODES["NHNN"][0] == "Ngân hàng Nhà nước Việt Nam"


@pytest.mark.parametrize(
    "code,local",
    [
        ("TU", True), ("BTVTU", True), ("ĐU", True), ("UBND", True), ("VPUBND", True),
        ("HĐND", True), ("BCĐ", True), ("VPTU", True), ("SKHCN", True), ("CAT", True),
        ("XYZ", True), ("BCĐ389", True),
        ("TW", False), ("BCĐTW", False), ("VPTW", False), ("CP", False), ("TTg", False),
        ("TTG", False), ("VPCP", False), ("QH15", False), ("BKHCN", False), ("BCA", False),
        ("BC\u00d0TW", False),
    ],
)  # fmt: skip
def test_is_local_code(code, local):
    assert is_local_code(code) is local


LOCAL_NAMES = [
    ("359-KH/TU", "Ban Thường vụ Tỉnh ủy Đồng Tháp"),
    ("10-CTr/TU", "Ban Thường vụ Tỉnh ủy Đồng Tháp"),
    ("05-ĐA/TU", "Ban Thường vụ Tỉnh ủy Đồng Tháp"),
    ("-CV/BTVTU", "Ban Thường vụ Tỉnh ủy Đồng Tháp"),
    ("12-NQ/TU", "Tỉnh ủy Đồng Tháp"),
    ("254/KH-UBND", "Ủy ban nhân dân tỉnh Đồng Tháp"),
    ("807/UBND-KGVX", "Ủy ban nhân dân tỉnh Đồng Tháp"),
    ("3135/VPUBND-KGVX", "Văn phòng Ủy ban nhân dân tỉnh Đồng Tháp"),
    ("12/2025/NQ-HĐND", "Hội đồng nhân dân tỉnh Đồng Tháp"),
    ("1536-CV/ĐU", "Đảng ủy Ủy ban nhân dân tỉnh Đồng Tháp"),
    ("01-KH/BCĐ", BCD_DT),
    ("801/QĐ-BCĐ", BCD_DT),
    ("15-CV/VPTU", "Văn phòng Tỉnh ủy Đồng Tháp"),
    ("99/SKHCN-QLCN", "Sở Khoa học và Công nghệ"),
    ("57-NQ/TW", None),
    ("03/KH-BCĐ389", None),
    ("12/XYZ-AB", None),
]  # fmt: skip


@pytest.mark.parametrize("raw,name", LOCAL_NAMES)
def test_local_issuer_name(raw, name):
    assert local_issuer_name(parse_number(raw), "Đồng Tháp") == name


# ---------------------------------------------------------------- find_numbers


def spans(text: str) -> list[tuple[str, str, str | None]]:
    found = find_numbers(text)
    for m in found:
        assert text[m.start : m.end] == m.raw
    return [(m.raw, m.number.format(), m.footnote) for m in found]


# sentences copied from examples/dong-thap/*.txt (line breaks and trailing spaces kept)
SENTENCES = [
    (
        "nhiệm vụ, giải pháp được giao tại Kế hoạch số 254/KH-UBND ngày 15/9/20251, \n"
        "Kế hoạch số 283/KH-UBND ngày 24/9/20252 của Ủy ban nhân dân Tỉnh; Kế \n"
        "hoạch hành động số 01-KH/BCĐ ngày 13/8/2025 của Ban Chỉ đạo về phát triển ",
        [("254/KH-UBND", "254/KH-UBND", None), ("283/KH-UBND", "283/KH-UBND", None),
         ("01-KH/BCĐ", "01-KH/BCĐ", None)],
    ),
    (
        "số 07-TB/CQTTBCĐ, Thông báo kết luận số 47-TB/TGV, Kế hoạch số 05-\n"
        "KH/TU); Công văn số 10094/VPCP-KGVX ngày 17/10/2025 của Văn phòng ",
        [("07-TB/CQTTBCĐ", "07-TB/CQTTBCĐ", None), ("47-TB/TGV", "47-TB/TGV", None),
         ("05-\nKH/TU", "05-KH/TU", None), ("10094/VPCP-KGVX", "10094/VPCP-KGVX", None)],
    ),
    (
        "Triển khai thực hiện nghiêm, hiệu quả Thông báo kết luận số 07-\n\n"
        "TB/CQTTBCĐ, Thông báo kết luận số 47-TB/TGV, Kế hoạch số 05-KH/TU. ",
        [("07-\n\nTB/CQTTBCĐ", "07-TB/CQTTBCĐ", None), ("47-TB/TGV", "47-TB/TGV", None),
         ("05-KH/TU", "05-KH/TU", None)],
    ),
    (
        "cáo kết quả thực hiện Kế hoạch này chung với báo cáo thực hiện Kế hoạch số \n"
        "283/KH-UBND3, gửi về Sở Khoa học và Công nghệ để tổng hợp, báo cáo Ủy ban ",
        [("283/KH-UBND", "283/KH-UBND", "3")],
    ),
    (
        "Đề án số 05-\nĐA/TU ngày \n",
        [("05-\nĐA/TU", "05-ĐA/TU", None)],
    ),
    (
        "giải quyết thủ tục hành chính theo Nghị định số 118/2025/NĐ-CP; tổ chức đoàn ",
        [("118/2025/NĐ-CP", "118/2025/NĐ-CP", None)],
    ),
    (
        "Ủy ban nhân dân tỉnh chỉ đạo tại Công văn số: 807/UBND-KGVX, 808/UBND-KGVX, "
        "1023/UBND-KGVX¹. Việc triển khai các nhiệm vụ phải được quản lý",
        [("807/UBND-KGVX", "807/UBND-KGVX", None), ("808/UBND-KGVX", "808/UBND-KGVX", None),
         ("1023/UBND-KGVX", "1023/UBND-KGVX", "1")],
    ),
    (
        "theo nhiệm vụ tại Mục 4.3 Báo cáo về hoàn thiện và phát triển sản phẩm dịch vụ Khoa học "
        "công nghệ kèm theo Công văn số 1807/BKHCN-ĐMST ngày 27/3/2026 của Bộ Khoa học và Công "
        "nghệ (*kèm theo văn bản*). Hằng tháng, báo cáo kết quả thực hiện về Bộ Khoa học và Công "
        "nghệ để tổng hợp theo yêu cầu tại Công văn số 1734-CV/VPTW³.",
        [("1807/BKHCN-ĐMST", "1807/BKHCN-ĐMST", None), ("1734-CV/VPTW", "1734-CV/VPTW", "3")],
    ),
    (
        "- Khẩn trương nghiên cứu, rà soát nội dung Báo cáo số 77- BC/VPTW, các nhiệm vụ của địa "
        "phương trong phụ lục kèm theo và chương trình công tác năm 2026 của Ban Chỉ đạo về phát "
        "triển khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số và Đề án 06 tỉnh Đồng Tháp⁵;",
        [("77- BC/VPTW", "77-BC/VPTW", None)],
    ),
    (
        "Công văn số 3398/VPCP-CĐS 18/4/2026 của Văn phòng Chính phủ về việc triển khai các "
        "nhiệm vụ trọng tâm thực hiện Nghị quyết số 57-NQ/TW theo chỉ đạo",
        [("3398/VPCP-CĐS", "3398/VPCP-CĐS", None), ("57-NQ/TW", "57-NQ/TW", None)],
    ),
    (
        "⁴ Quyết định số 1067/QĐ-UBND ngày 31/3/2026 của UBND tỉnh về việc phân công",
        [("1067/QĐ-UBND", "1067/QĐ-UBND", None)],
    ),
    (
        "2 Kế hoạch số 283/KH-UBND ngày 24/9/2025 thực hiện Nghị quyết số 71/NQ-CP ngày "
        "01/4/2025 của Chính \nphủ và Chương trình hành động số 10-CTr/TU ngày 13/8/2025",
        [("283/KH-UBND", "283/KH-UBND", None), ("71/NQ-CP", "71/NQ-CP", None),
         ("10-CTr/TU", "10-CTr/TU", None)],
    ),
    # drafts
    ("Số:         -CV/BTVTU \n", [("-CV/BTVTU", "-CV/BTVTU", None)]),
    (
        "Số:           /KH-UBND Đồng Tháp, ngày      tháng       năm 2025",
        [("/KH-UBND", "/KH-UBND", None)],
    ),
    ("Số: /UBND-KGVX\n", [("/UBND-KGVX", "/UBND-KGVX", None)]),
    (
        "(Ban hành kèm theo Kế hoạch số                /KH-UBND ngày     /    /2025 của Ủy ban "
        "nhân dân tỉnh Đồng Tháp)",
        [("/KH-UBND", "/KH-UBND", None)],
    ),
    ("Số: ....../QĐ-UBND", [("/QĐ-UBND", "/QĐ-UBND", None)]),
    # other shapes
    ("Luật số 93/2025/QH15 và Nghị quyết số 202/2025/QH153 của Quốc hội",
     [("93/2025/QH15", "93/2025/QH15", None), ("202/2025/QH15", "202/2025/QH15", "3")]),
    ("Kế hoạch số 03/KH-BCĐ389 và 04-KH/BCĐ35", [("03/KH-BCĐ389", "03/KH-BCĐ389", None),
                                                   ("04-KH/BCĐ35", "04-KH/BCĐ35", None)]),
    ("Công văn số 12/CAT-PC06 ngày 1/2/2025", [("12/CAT-PC06", "12/CAT-PC06", None)]),
    ("Quyết định số 123/QĐ-TTg, Công văn 456/TTg-KGVX.",
     [("123/QĐ-TTg", "123/QĐ-TTg", None), ("456/TTg-KGVX", "456/TTg-KGVX", None)]),
    ("Nghị quyết 57 -NQ/TW", [("57 -NQ/TW", "57-NQ/TW", None)]),
    ("Kế hoạch 254/KH-\nUBND ngày", [("254/KH-\nUBND", "254/KH-UBND", None)]),
    ("(57-NQ/TW)", [("57-NQ/TW", "57-NQ/TW", None)]),
]  # fmt: skip

# sentences written for these tests: serials sharing a suffix, "&" inside a unit code
SHARED_AND_AMPERSAND = [
    ("Thực hiện các Kết luận số 21, 22-KL/TW của Bộ Chính trị",
     [("21", "21-KL/TW", None), ("22-KL/TW", "22-KL/TW", None)]),
    ("theo các Thông báo số 3, 4 và 5-TB/TU",
     [("3", "3-TB/TU", None), ("4", "4-TB/TU", None), ("5-TB/TU", "5-TB/TU", None)]),
    ("các Công văn số 610 và 611/UBND-VX ngày 2/3/2025",
     [("610", "610/UBND-VX", None), ("611/UBND-VX", "611/UBND-VX", None)]),
    ("Nghị định số 7, 8/2024/NĐ-CP",
     [("7", "7/2024/NĐ-CP", None), ("8/2024/NĐ-CP", "8/2024/NĐ-CP", None)]),
    # a figure not after "số" shares nothing: a year, a count
    ("trong năm 2024, 57-NQ/TW được quán triệt", [("57-NQ/TW", "57-NQ/TW", None)]),
    ("gồm 12 đơn vị, 3-KH/TU", [("3-KH/TU", "3-KH/TU", None)]),
    ("Kế hoạch số 9, ngày 4/5/2025", []),
    # two whole numbers stay two
    ("Nghị quyết số 57-NQ/TW, 58-NQ/TW", [("57-NQ/TW", "57-NQ/TW", None),
                                          ("58-NQ/TW", "58-NQ/TW", None)]),
    # "&" joins the letters of a unit code
    ("Công văn số 512/BTC-QLN&TS ngày 1/2/2025", [("512/BTC-QLN&TS", "512/BTC-QLN&TS", None)]),
    ("số 77/SYT-KH&TC;", [("77/SYT-KH&TC", "77/SYT-KH&TC", None)]),
    ("số 31/UBND-VX& và", [("31/UBND-VX", "31/UBND-VX", None)]),
]  # fmt: skip


@pytest.mark.parametrize("text,expected", SHARED_AND_AMPERSAND)
def test_shared_suffix_and_ampersand(text, expected):
    assert spans(text) == expected


def test_shared_serials_are_marked():
    found = find_numbers("Kết luận số 21, 22-KL/TW")
    assert [m.shared for m in found] == [True, False]
    assert parse_number("512/BTC-QLN&TS").unit_code == "QLN&TS"


@pytest.mark.parametrize("text,expected", SENTENCES)
def test_find_numbers_in_corpus_sentences(text, expected):
    assert spans(text) == expected


NO_NUMBERS = [
    "Hoàn thành trước ngày 20/6/2025 và thực hiện thường xuyên",
    "ngày 22/12/2024 của Bộ Chính trị (quý I/2026)",
    "trong tháng 12/2025, Quý I/2026",
    "tốc độ trên 1Gb/s; triển khai phủ sóng 5G toàn Tỉnh.",
    "giai đoạn 2026 - 2030 và 2026–2030",
    "tại Mục 4.3 Báo cáo",
    "- Văn phòng Chính phủ (b/c); ",
    "V/v triển khai thực hiện Thông báo ",
    "T/M BAN THƯỜNG VỤ",
    "và các tổ chức CT-XH tỉnh, ",
    "chuyển đổi số và Đề án 06 tỉnh Đồng Tháp",
    "ngày     /    /2025",
    "Xem https://vanban.chinhphu.vn/?docid=57-NQ/TW và www.example.vn/x?so=254/KH-UBND",
    "ngày 15/9/20251",
    "Kế hoạch 57-NQ/TWngày",  # glued to a word: cannot tell where the code ends
    "3/Covid-Vaccine, 1/Hà-Nội",
    "1/2 số xã, ½ kinh phí, 1⁄2",
    "phát triển kinh tế - xã hội",
    "điểm 5-KHCN, ĐMST",
    "57-nq/tw",  # lower case is accepted by parse_number, not in running text
    "",
]


@pytest.mark.parametrize("text", NO_NUMBERS)
def test_find_numbers_negatives(text):
    assert find_numbers(text) == []


def test_find_numbers_lookalikes_and_nfd():
    text = "Thông tư số 13/2025/T\u0422-BKHCN và Thông báo số 04-TB/BC\u00d0TW."
    found = find_numbers(text)
    assert [m.number.format() for m in found] == ["13/2025/TT-BKHCN", "04-TB/BCĐTW"]
    assert [m.raw for m in found] == ["13/2025/T\u0422-BKHCN", "04-TB/BC\u00d0TW"]

    nfd = unicodedata.normalize(
        "NFD", "Thực hiện Kế hoạch số 05-ĐA/TU ngày 22/10/2025; Số: /UBND-KGVX"
    )
    found = find_numbers(nfd)
    assert [m.number.format() for m in found] == ["05-ĐA/TU", "/UBND-KGVX"]
    for m in found:
        assert nfd[m.start : m.end] == m.raw
    assert found[0].raw == "05-ĐA/TU"
    assert found[1].raw == "/UBND-KGVX"


def test_find_numbers_in_the_corpus():
    """Every number in the bundled documents, as a person reading them counts them."""
    expected = {
        "2025-06_cv-btvtu_trien-khai-tb-04-bcdtw_du-thao.txt": {
            "-CV/BTVTU", "04-TB/BCĐTW", "57-NQ/TW", "11-ĐA/TU",
        },
        "2025-06_kh-ubnd_trien-khai-kh-359-tu_du-thao.txt": {"359-KH/TU", "57-NQ/TW"},
        "2025-10_kh-ubnd_trien-khai-kh-05-tu_du-thao.txt": {
            "/KH-UBND", "05-KH/TU", "07-TB/CQTTBCĐ", "47-TB/TGV", "10094/VPCP-KGVX", "57-NQ/TW",
            "254/KH-UBND", "283/KH-UBND", "01-KH/BCĐ", "11-KH/TU", "71/NQ-CP", "10-CTr/TU",
            "118/2025/NĐ-CP", "05-ĐA/TU", "180/2025/NĐ-CP", "267/2025/NĐ-CP",
        },
        "2025_ctr-btvtu_chuong-trinh-hanh-dong-nq57.txt": {"57-NQ/TW"},
        "2026-04_cv-ubnd-kgvx_chi-dao-nq57.txt": {
            "/UBND-KGVX", "57-NQ/TW", "1536-CV/ĐU", "1734-CV/VPTW", "3398/VPCP-CĐS",
            "77-BC/VPTW", "807/UBND-KGVX", "808/UBND-KGVX", "1023/UBND-KGVX", "22-TB/CQTBCĐ",
            "1807/BKHCN-ĐMST", "3135/VPUBND-KGVX", "1067/QĐ-UBND", "801/QĐ-BCĐ",
        },
    }  # fmt: skip
    for name, numbers in expected.items():
        text = (CORPUS / name).read_text("utf-8")
        found = find_numbers(text)
        assert {m.number.format() for m in found} == numbers, name
        assert all(text[m.start : m.end] == m.raw for m in found)


# ---------------------------------------------------------------- properties

_ALPHA = "ABCDEGHIKLMNOPQRSTUVXYĐ"
_code = st.text(alphabet=_ALPHA, min_size=1, max_size=7)
_serial = st.text(alphabet="0123456789", min_size=1, max_size=5)
_type = st.sampled_from(sorted(TYPE_NAMES))


def _not_type(code: str) -> bool:
    return code not in {c.upper() for c in TYPE_NAMES}


@st.composite
def doc_numbers(draw, blank: bool = True) -> DocNumber:
    serial = draw(st.one_of(st.none(), _serial) if blank else _serial)
    kind = draw(st.sampled_from(["party", "state", "letter", "assembly"]))
    if kind == "party":
        return DocNumber(serial, None, draw(_type), draw(_code), None, "party")
    if kind == "state":
        year = draw(st.one_of(st.none(), st.integers(2000, 2030)))
        unit = draw(st.one_of(st.none(), _code))
        return DocNumber(serial, year, draw(_type), draw(_code), unit, "state")
    if kind == "letter":
        return DocNumber(serial, None, None, draw(_code.filter(_not_type)), draw(_code), "state")
    term = draw(st.integers(1, 16))
    return DocNumber(serial, draw(st.integers(2000, 2030)), None, f"QH{term}", None, "state")


@given(doc_numbers())
def test_round_trip(n):
    assert parse_number(n.format()) == n


_PREFIXES = ["", "Kế hoạch số ", "Căn cứ Nghị định số ", "(", "số: ", "Thực hiện\n", "- "]
_SUFFIXES = ["", " ngày 22/12/2024 của UBND tỉnh.", "; ", ", ", ")", "\n", ".", " và "]


@given(doc_numbers(blank=False), st.sampled_from(_PREFIXES), st.sampled_from(_SUFFIXES))
def test_found_in_running_text(n, prefix, suffix):
    text = prefix + n.format() + suffix
    found = find_numbers(text)
    assert len(found) == 1
    m = found[0]
    assert (m.start, m.end) == (len(prefix), len(prefix) + len(n.format()))
    assert m.number == n and m.footnote is None


@given(doc_numbers(blank=False), st.sampled_from(["¹", "²³", "3", "12"]))
def test_footnote_mark_is_not_part_of_the_number(n, mark):
    if mark.isascii() and n.format().endswith(
        ("QH", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9")
    ):
        return  # QH15: the term's digits belong to the code
    text = "theo Kế hoạch số " + n.format() + mark + ", gửi về Sở"
    (m,) = find_numbers(text)
    assert m.number == n
    assert text[m.end :].startswith(mark)
    assert m.footnote == mark.translate(str.maketrans("¹²³", "123"))


@given(doc_numbers(blank=True))
def test_draft_number_after_so(n):
    text = "Số:     " + n.format() + " Đồng Tháp, ngày      tháng 6 năm 2025"
    (m,) = find_numbers(text)
    assert m.number == n
    assert m.raw == n.format()


@given(st.text())
def test_find_numbers_never_raises(text):
    for m in find_numbers(text):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.raw


@given(st.text(alphabet="0123456789-/ KHNQTWUBDĐđCVgr\n¹3.,:Số", max_size=40))
def test_found_numbers_parse_back(text):
    found = find_numbers(text)
    for a, b in zip(found, found[1:], strict=False):
        assert a.end <= b.start
    for m in found:
        if m.shared:  # "187" of "số 187, 188-KL/TW": the serial of the number after it
            assert m.raw == m.number.serial
            continue
        assert parse_number(m.raw) == m.number, m.raw


def test_a_unit_numbered_in_roman_ends_where_the_sentence_does() -> None:
    assert spans("theo văn bản số 2468/VPCP-V.I ngày 3/3/2026; văn bản số 12/BXD-V.II.") == [
        ("2468/VPCP-V.I", "2468/VPCP-V.I", None),
        ("12/BXD-V.II", "12/BXD-V.II", None),
    ]
    assert spans("Công văn số 12/UBND-VX.Ông") == [("12/UBND-VX", "12/UBND-VX", None)]


def test_a_peoples_committee_code_keeps_a_footnote_mark_that_looks_like_a_term() -> None:
    """ "UBKT15" is a National Assembly committee of the 15th term; "UBND13" is a people's
    committee and footnote 13."""
    assert [(m.raw, m.footnote) for m in find_numbers("Kế hoạch số 283/KH-UBND13 ngày")] == [
        ("283/KH-UBND", "13")
    ]
    assert [m.raw for m in find_numbers("Số: 2456/UBKT15")] == ["2456/UBKT15"]
