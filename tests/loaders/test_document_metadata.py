"""The document's own facts read from its heading block and signature, as a clerk reads them.

Every document here is a few lines written for these tests in the layouts offices use
(Nghị định 30/2020/NĐ-CP, Phụ lục I; the Party's Hướng dẫn 36-HD/VPTW): a letterhead whose
left column names the body (a unit under its parent), the number and the place-date, the
type heading and the title under it, the preamble, and a signature block. Columns are
separated by a tab (a table cell) or by a run of spaces (a PDF line).
"""

from __future__ import annotations

import pytest

from policy_lineage.loaders.pipeline import extract_text

STATE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
PARTY = "ĐẢNG CỘNG SẢN VIỆT NAM"


def _doc(letterhead: list[str], number: str, date: str, body: list[str], tail: list[str] = ()):
    """A document: letterhead lines (left column), the number row, then ``body`` lines."""
    party = letterhead[0].startswith(("BAN CHẤP HÀNH", "TỈNH ỦY", "ĐẢNG"))
    right = [PARTY] if party else [STATE, MOTTO]
    rows = []
    for i, left in enumerate(letterhead):
        rows.append(f"{left}\t{right[i]}" if i < len(right) else left)
    rows.append(f"{number}\t{date}" if date else number)
    return "\n".join([*rows, "", *body, "", *tail])


def _facts(text: str) -> dict:
    doc = extract_text(text, "x.txt").document
    return {
        "type": doc.doc_type,
        "issuer": doc.issuer.name if doc.issuer else None,
        "date": doc.date.isoformat() if doc.date else None,
        "draft": doc.is_draft,
        "signer": doc.signer,
        "title": doc.title,
        "province": doc.province,
    }


PLAN_BODY = ["Căn cứ Luật Tổ chức chính quyền địa phương;", "I. MỤC ĐÍCH", "1. Làm tốt."]

# --------------------------------------------------------------------------- types


@pytest.mark.parametrize(
    ("heading", "number", "doc_type"),
    [
        ("CÔNG ĐIỆN", "Số: 15/CĐ-UBND", "Công điện"),
        ("CHỈ THỊ", "Số: 03/CT-UBND", "Chỉ thị"),
        ("QUY CHẾ", "Số: 07/QC-UBND", "Quy chế"),
        ("HƯỚNG DẪN", "Số: 09/HD-UBND", "Hướng dẫn"),
        ("TỜ TRÌNH", "Số: 21/TTr-UBND", "Tờ trình"),
        ("BÁO CÁO", "Số: 30/BC-UBND", "Báo cáo"),
        ("ĐỀ ÁN", "Số: 02/ĐA-UBND", "Đề án"),
        ("PHƯƠNG ÁN", "Số: 04/PA-UBND", "Phương án"),
        ("THÔNG BÁO KẾT LUẬN", "Số: 11/TB-UBND", "Thông báo"),
        ("CHƯƠNG TRÌNH HÀNH ĐỘNG", "Số: 05/CTr-UBND", "Chương trình"),
        # the heading names the type when the number has no type code
        ("KẾ HOẠCH", "Số: 88/UBND-VP", "Kế hoạch"),
        ("CÔNG ĐIỆN", "Số: 12/UBND-KT", "Công điện"),
    ],
)
def test_type_from_the_heading_word_or_the_number_code(heading, number, doc_type):
    text = _doc(
        ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI"],
        number,
        "Quảng Ngãi, ngày 2 tháng 3 năm 2026",
        [heading, "VỀ CÔNG TÁC PHÒNG CHỐNG THIÊN TAI", *PLAN_BODY],
    )
    assert _facts(text)["type"] == doc_type


@pytest.mark.parametrize(
    ("heading", "number", "doc_type"),
    [
        ("QUY ĐỊNH", "Số 210-QĐ/TW", "Quy định"),  # the Party writes Quy định with QĐ
        ("QUYẾT ĐỊNH", "Số 211-QĐ/TW", "Quyết định"),
        ("KẾT LUẬN", "Số 150-KL/TW", "Kết luận"),
        ("THÔNG TRI", "Số 08-TT/TW", "Thông tri"),
        ("CHỈ THỊ", "Số 40-CT/TW", "Chỉ thị"),
    ],
)
def test_party_types(heading, number, doc_type):
    text = _doc(
        ["BAN CHẤP HÀNH TRUNG ƯƠNG", "*"],
        number,
        "Hà Nội, ngày 5 tháng 1 năm 2026",
        [heading, "VỀ CÔNG TÁC CÁN BỘ", "-----", "- Căn cứ Điều lệ Đảng;"],
    )
    assert _facts(text)["type"] == doc_type


def test_a_letter_without_a_heading_is_a_cong_van():
    text = _doc(
        ["BỘ Y TẾ"],
        "Số: 512/BYT-KCB\tHà Nội, ngày 9 tháng 4 năm 2026",
        "",
        ["V/v tăng cường phòng chống dịch", "Kính gửi: Sở Y tế các tỉnh, thành phố.", "Đề nghị."],
    )
    facts = _facts(text)
    assert (facts["type"], facts["title"]) == ("Công văn", "Tăng cường phòng chống dịch")


def test_a_letters_number_code_is_its_senders_short_name():
    """Under no type heading, a subject line makes a letter whatever its number's code says:
    "1520/CT-CS" of Cục Thuế is no Chỉ thị."""
    text = _doc(
        ["BỘ TÀI CHÍNH", "CỤC THUẾ"],
        "Số: 1520/CT-CS\tHà Nội, ngày 20 tháng 5 năm 2025",
        "",
        ["V/v triển khai hóa đơn điện tử", "Kính gửi: Các Chi cục Thuế khu vực.", "Đề nghị."],
    )
    assert _facts(text)["type"] == "Công văn"


def test_a_type_heading_still_wins_over_a_subject_line():
    text = _doc(
        ["TỈNH ỦY NGHỆ AN"],
        "Số: 05-CT/TU\tVinh, ngày 20 tháng 5 năm 2025",
        "",
        ["CHỈ THỊ", "về tăng cường chuyển đổi số", "Thực hiện Nghị quyết số 57-NQ/TW."],
    )
    assert _facts(text)["type"] == "Chỉ thị"


# --------------------------------------------------------------------------- titles

UBND = ["ỦY BAN NHÂN DÂN", "TỈNH HÀ TĨNH"]
UBND_NO = ("Số: 40/QĐ-UBND", "Hà Tĩnh, ngày 6 tháng 1 năm 2026")
TITLES = [
    # a title in capitals wrapped over lines (a word may be cut at a line end), then the preamble
    (
        ["KẾ HOẠCH", "PHÁT", "TRIỂN DU LỊCH CỘNG ĐỒNG", "TRÊN ĐỊA BÀN TỈNH NĂM 2026", *PLAN_BODY],
        "PHÁT TRIỂN DU LỊCH CỘNG ĐỒNG TRÊN ĐỊA BÀN TỈNH NĂM 2026",
    ),
    # a decision: the authority line under the title is not part of it
    (
        [
            "QUYẾT ĐỊNH",
            "BAN HÀNH QUY CHẾ LÀM VIỆC",
            "CỦA BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ TỈNH",
            "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH",
            *PLAN_BODY,
        ],
        "BAN HÀNH QUY CHẾ LÀM VIỆC CỦA BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ TỈNH",
    ),
    # the authority line broken over two lines
    (
        [
            "QUYẾT ĐỊNH",
            "PHÊ DUYỆT DANH MỤC DỊCH VỤ CÔNG TRỰC TUYẾN",
            "GIÁM ĐỐC SỞ KHOA HỌC VÀ",
            "CÔNG NGHỆ TỈNH HÀ TĨNH",
            *PLAN_BODY,
        ],
        "PHÊ DUYỆT DANH MỤC DỊCH VỤ CÔNG TRỰC TUYẾN",
    ),
    # the body itself as the authority line
    (
        [
            "NGHỊ QUYẾT",
            "VỀ DỰ ÁN LUẬT THỦ ĐÔ (SỬA ĐỔI)",
            "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH",
            *PLAN_BODY,
        ],
        "VỀ DỰ ÁN LUẬT THỦ ĐÔ (SỬA ĐỔI)",
    ),
    # a council's resolution: the council, its term and session close the heading block
    (
        [
            "NGHỊ QUYẾT",
            "QUY ĐỊNH MỨC HỖ TRỢ HỌC PHÍ",
            "CHO TRẺ EM MẦM NON NĂM HỌC 2026 - 2027",
            "HỘI ĐỒNG NHÂN DÂN TỈNH HÀ TĨNH",
            "KHÓA XVIII, KỲ HỌP THỨ 30",
            *PLAN_BODY,
        ],
        "QUY ĐỊNH MỨC HỖ TRỢ HỌC PHÍ CHO TRẺ EM MẦM NON NĂM HỌC 2026 - 2027",
    ),
    # the body as the authority line, broken before its place
    (
        [
            "QUYẾT ĐỊNH",
            "VỀ VIỆC GIAO CHỈ TIÊU BIÊN CHẾ",
            "ỦY BAN NHÂN DÂN",
            "TỈNH HÀ TĨNH",
            *PLAN_BODY,
        ],
        "VỀ VIỆC GIAO CHỈ TIÊU BIÊN CHẾ",
    ),
    # a telegram: "… điện:" opens the address block
    (
        [
            "CÔNG ĐIỆN",
            "V/V CHỦ ĐỘNG ỨNG PHÓ BÃO SỐ 5",
            "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH điện:",
            "- Các sở, ban, ngành;",
            "Hiện nay bão số 5 đang tiến gần.",
        ],
        "CHỦ ĐỘNG ỨNG PHÓ BÃO SỐ 5",
    ),
    # a mixed-case title, then the preamble on the next line
    (
        [
            "KẾ HOẠCH",
            "Thực hiện Chỉ thị số 05-CT/TU ngày 3/2/2026 của Ban Thường vụ Tỉnh ủy",
            "Thực hiện Chỉ thị số 05-CT/TU, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:",
            "I. MỤC ĐÍCH",
        ],
        "Thực hiện Chỉ thị số 05-CT/TU ngày 3/2/2026 của Ban Thường vụ Tỉnh ủy",
    ),
    # a mixed-case title wrapped after "của" and after a blank line
    (
        [
            "KẾ HOẠCH",
            "Triển khai Nghị quyết số 12-NQ/TU ngày 4/5/2025 của",
            "",
            "Ban Chấp hành Đảng bộ tỉnh về chuyển đổi số",
            "",
            "Căn cứ Nghị quyết số 12-NQ/TU;",
            "I. MỤC ĐÍCH",
        ],
        "Triển khai Nghị quyết số 12-NQ/TU ngày 4/5/2025 của Ban Chấp hành Đảng bộ tỉnh về"
        " chuyển đổi số",
    ),
    # no cue: the first paragraph of running text ends the title
    (
        [
            "CHỈ THỊ",
            "Về tăng cường quản lý đất rừng",
            "",
            "Thời gian qua, công tác quản lý đất rừng trên địa bàn tỉnh còn nhiều hạn chế.",
            "1. Các sở, ngành tăng cường kiểm tra.",
        ],
        "Về tăng cường quản lý đất rừng",
    ),
    # "THÔNG BÁO / KẾT LUẬN CỦA …": a Thông báo whose title is the Kết luận
    (
        [
            "THÔNG BÁO",
            "KẾT LUẬN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH TẠI CUỘC HỌP",
            "VỀ TIẾN ĐỘ GIẢI NGÂN VỐN ĐẦU TƯ CÔNG",
            "Ngày 10 tháng 1 năm 2026, Chủ tịch Ủy ban nhân dân tỉnh chủ trì cuộc họp.",
        ],
        "KẾT LUẬN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH TẠI CUỘC HỌP VỀ TIẾN ĐỘ GIẢI NGÂN VỐN ĐẦU"
        " TƯ CÔNG",
    ),
    # the caption of an attached text is not part of the title
    (
        [
            "KẾ HOẠCH",
            "CẢI CÁCH HÀNH CHÍNH NĂM 2026",
            "(Ban hành kèm theo Quyết định số 40/QĐ-UBND)",
            *PLAN_BODY,
        ],
        "CẢI CÁCH HÀNH CHÍNH NĂM 2026",
    ),
]


@pytest.mark.parametrize(("body", "title"), TITLES)
def test_title_under_the_heading(body, title):
    assert _facts(_doc(UBND, *UBND_NO, body))["title"] == title


def test_the_body_named_under_a_party_heading_speaks_and_is_not_the_title():
    text = _doc(
        ["BAN CHẤP HÀNH TRUNG ƯƠNG", "*"],
        "Số 70-NQ/TW",
        "Hà Nội, ngày 20 tháng 8 năm 2025",
        [
            "NGHỊ QUYẾT",
            "CỦA BỘ CHÍNH TRỊ",
            "về bảo đảm an ninh năng lượng quốc gia",
            "",
            "Năng lượng là nền tảng của phát triển kinh tế - xã hội, đòi hỏi đầu tư lớn.",
            "I. QUAN ĐIỂM",
        ],
    )
    facts = _facts(text)
    assert (facts["issuer"], facts["title"], facts["province"]) == (
        "Bộ Chính trị",
        "Về bảo đảm an ninh năng lượng quốc gia",
        None,
    )


def test_a_party_decision_of_the_secretariat():
    """The organ under the heading speaks; a title may name the Party; a dashed "Căn cứ"
    list opens the preamble."""
    text = _doc(
        ["BAN CHẤP HÀNH TRUNG ƯƠNG", "*"],
        "Số 390-QĐ/TW",
        "Hà Nội, ngày 12 tháng 1 năm 2026",
        [
            "QUYẾT ĐỊNH",
            "CỦA BAN BÍ THƯ",
            "về công tác văn thư của Đảng Cộng sản Việt Nam",
            "-----",
            "- Căn cứ Điều lệ Đảng;",
            "Điều 1. Phạm vi điều chỉnh",
        ],
        ["Nơi nhận:\tT/M BAN BÍ THƯ", "- Lưu.\tNguyễn Văn Nam"],
    )
    facts = _facts(text)
    assert (facts["type"], facts["issuer"], facts["title"]) == (
        "Quyết định",
        "Ban Bí thư",
        "Về công tác văn thư của Đảng Cộng sản Việt Nam",
    )


# --------------------------------------------------------------------------- issuers

SIGNED = ["Nơi nhận:\tKT. GIÁM ĐỐC", "- Như trên;\tPHÓ GIÁM ĐỐC", "- Lưu: VT.\tTrần Văn Bình"]
ISSUERS = [
    # a unit under its parent is named with the parent's place
    (["UBND TỈNH NGHỆ AN", "SỞ TƯ PHÁP"], "Sở Tư pháp tỉnh Nghệ An"),
    (
        ["UBND THÀNH PHỐ ĐÀ NẴNG", "TRUNG TÂM XÚC TIẾN ĐẦU TƯ"],
        "Trung tâm Xúc tiến đầu tư thành phố Đà Nẵng",
    ),
    # an office is named with its parent's full name
    (["ỦY BAN NHÂN DÂN TỈNH GIA LAI", "VĂN PHÒNG"], "Văn phòng Ủy ban nhân dân tỉnh Gia Lai"),
    (["BỘ Y TẾ", "VĂN PHÒNG"], "Văn phòng Bộ Y tế"),
    (["BỘ Y TẾ", "VỤ PHÁP CHẾ"], "Vụ Pháp chế Bộ Y tế"),
    # a department of a ministry carries a name of its own
    (
        ["BỘ XÂY DỰNG", "CỤC KINH TẾ - QUẢN LÝ ĐẦU TƯ XÂY DỰNG"],
        "Cục Kinh tế - Quản lý đầu tư xây dựng",
    ),
    (["ĐẢNG ỦY CHÍNH PHỦ", "VĂN PHÒNG"], "Văn phòng Đảng ủy Chính phủ"),
    # units of the Party's committees
    (["BAN CHẤP HÀNH TRUNG ƯƠNG", "BAN DÂN VẬN"], "Ban Dân vận Trung ương"),
    (["TỈNH ỦY HÀ TĨNH", "BAN TUYÊN GIÁO VÀ DÂN VẬN"], "Ban Tuyên giáo và Dân vận Tỉnh ủy Hà Tĩnh"),
    # a body with its own place is named alone; a name broken over two lines is one name
    (["ĐẢNG BỘ TỈNH AN GIANG", "ĐẢNG ỦY XÃ MỸ HÒA"], "Đảng ủy xã Mỹ Hòa"),
    (["ĐẢNG BỘ TỈNH AN GIANG", "ĐẢNG ỦY SỞ Y TẾ"], "Đảng ủy Sở Y tế tỉnh An Giang"),
    (["BỘ VĂN HÓA, THỂ THAO", "VÀ DU LỊCH"], "Bộ Văn hóa, Thể thao và Du lịch"),
    (["ỦY BAN NHÂN DÂN", "THÀNH PHỐ CẦN THƠ"], "Ủy ban nhân dân thành phố Cần Thơ"),
]


@pytest.mark.parametrize(("letterhead", "issuer"), ISSUERS)
def test_issuer_from_the_letterhead(letterhead, issuer):
    text = _doc(
        letterhead,
        "Số: 17/KH-ABC",
        "Hà Nội, ngày 7 tháng 7 năm 2026",
        ["KẾ HOẠCH", "KIỂM TRA CÔNG TÁC NĂM 2026", *PLAN_BODY],
        SIGNED,
    )
    assert _facts(text)["issuer"] == issuer


def test_a_unit_and_its_parent_in_one_table_cell():
    """A saved page puts the letterhead's left column in one cell, its lines spaced apart."""
    text = "\n".join(
        [
            f"UBND TỈNH LÀO CAI   BAN QUẢN LÝ KHU KINH TẾ\t{STATE}   {MOTTO}",
            "Số: 33/KH-BQL\tLào Cai, ngày 1 tháng 6 năm 2026",
            "KẾ HOẠCH",
            "THU HÚT ĐẦU TƯ NĂM 2026",
            *PLAN_BODY,
        ]
    )
    assert _facts(text)["issuer"] == "Ban Quản lý khu kinh tế tỉnh Lào Cai"


@pytest.mark.parametrize(
    ("letterhead", "signature", "issuer"),
    [
        (["BAN CHẤP HÀNH TRUNG ƯƠNG", "*"], "T/M BAN BÍ THƯ", "Ban Bí thư"),
        (["BAN CHẤP HÀNH TRUNG ƯƠNG", "*"], "T/M BỘ CHÍNH TRỊ", "Bộ Chính trị"),
        (["TỈNH ỦY QUẢNG TRỊ", "*"], "T/M BAN THƯỜNG VỤ", "Ban Thường vụ Tỉnh ủy Quảng Trị"),
        (["TỈNH ỦY QUẢNG TRỊ", "*"], "T/M TỈNH ỦY", "Tỉnh ủy Quảng Trị"),
    ],
)
def test_the_organ_signed_for_speaks_for_a_party_committee(letterhead, signature, issuer):
    text = _doc(
        letterhead,
        "Số 15-CT/TW",
        "Hà Nội, ngày 4 tháng 4 năm 2026",
        ["CHỈ THỊ", "VỀ CÔNG TÁC KIỂM TRA", "-----", "- Căn cứ Điều lệ Đảng;", "1. Kiểm tra."],
        [f"Nơi nhận:\t{signature}", "- Như trên,\tBÍ THƯ", "- Lưu.\tNguyễn Văn Hùng"],
    )
    assert _facts(text)["issuer"] == issuer


def test_a_central_letterhead_dated_in_the_capital_has_no_province():
    text = _doc(
        ["BỘ NỘI VỤ"],
        "Số: 77/KH-BNV",
        "Hà Nội, ngày 3 tháng 3 năm 2026",
        ["KẾ HOẠCH", "ĐÀO TẠO CÔNG CHỨC NĂM 2026", *PLAN_BODY],
    )
    assert (_facts(text)["issuer"], _facts(text)["province"]) == ("Bộ Nội vụ", None)


def test_an_attachment_signed_for_another_organ_does_not_change_the_issuer():
    """The letter is signed by its own office; a draft report attached after it is not."""
    text = _doc(
        ["ĐẢNG ỦY CHÍNH PHỦ", "VĂN PHÒNG"],
        "Số 12-CV/VPĐU",
        "Hà Nội, ngày 2 tháng 2 năm 2026",
        [
            "V/v xin ý kiến dự thảo báo cáo",
            "Kính gửi: Các đồng chí Ủy viên.",
            "Đề nghị cho ý kiến.",
        ],
        [
            "Nơi nhận:",
            "- Như trên.",
            "CHÁNH VĂN PHÒNG",
            "Lê Văn Khoa",
            "DỰ THẢO BÁO CÁO",
            "T/M BAN THƯỜNG VỤ",
            "BÍ THƯ",
        ],
    )
    assert _facts(text)["issuer"] == "Văn phòng Đảng ủy Chính phủ"


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # split across two table rows
        (["Số: 5/KH-UBND\tHuế, ngày 4 tháng 5", "\tnăm 2026"], "2026-05-04"),
        # split across two PDF lines, the second indented into the right column
        (
            [
                "Số: 5/KH-UBND                 Huế, ngày 4 tháng 5",
                "                              năm 2026",
            ],
            "2026-05-04",
        ),
        # figures
        (["Số: 5/KH-UBND\tHuế, ngày 14/05/2026"], "2026-05-14"),
        # a scan's speck read as a stop after "năm", the year on the next line
        (["Số: 5/KH-UBND\tHuế, ngày 4 tháng 5 năm.", "\t2026"], "2026-05-04"),
        (["Số: 5/KH-UBND\tHuế, ngày 4 tháng 5 năm, 2026"], "2026-05-04"),
    ],
)
def test_letterhead_date_broken_across_cells_or_lines(rows, expected):
    text = "\n".join(
        [
            f"ỦY BAN NHÂN DÂN\t{STATE}",
            f"THÀNH PHỐ HUẾ\t{MOTTO}",
            *rows,
            "KẾ HOẠCH",
            "DU LỊCH",
            *PLAN_BODY,
        ]
    )
    facts = _facts(text)
    assert (facts["date"], facts["draft"]) == (expected, False)


def test_a_date_in_the_body_is_not_the_date_of_issue():
    text = "\n".join(
        [
            f"ỦY BAN NHÂN DÂN\t{STATE}",
            f"TỈNH ĐIỆN BIÊN\t{MOTTO}",
            "Số: 9/BC-UBND",
            "BÁO CÁO",
            "KẾT QUẢ PHÒNG CHỐNG THIÊN TAI",
            "",
            "Trong năm qua, mưa lũ gây thiệt hại lớn cho tỉnh; theo thống kê của các ngành tại hội"
            " nghị tổng kết được tổ chức ở Điện Biên, ngày 12 tháng 12 năm 2025 toàn tỉnh đã"
            " huy động lực lượng ứng cứu, di dời dân, khắc phục hậu quả, khôi phục sản xuất và"
            " hỗ trợ người dân ổn định đời sống, đồng thời rà soát các khu vực có nguy cơ sạt lở"
            " để chủ động phòng tránh trong mùa mưa bão năm sau.",
            "I. KẾT QUẢ",
        ]
    )
    assert _facts(text)["date"] is None


# --------------------------------------------------------------------------- signers


@pytest.mark.parametrize(
    ("block", "signer"),
    [
        (["K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Nguyễn Thị Mai"], "Nguyễn Thị Mai"),
        (["TUQ. CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "Lê Quốc Việt"], "Lê Quốc Việt"),
        (["TL. BỘ TRƯỞNG", "VỤ TRƯỞNG VỤ PHÁP CHẾ", "Đỗ Minh Châu"], "Đỗ Minh Châu"),
        (
            ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "(Đã ký)", "Hà Văn Sơn"],
            "Hà Văn Sơn",
        ),
    ],
)
def test_signer_under_the_signature_block(block, signer):
    text = _doc(
        UBND,
        *UBND_NO,
        ["KẾ HOẠCH", "KIỂM TRA NĂM 2026", *PLAN_BODY],
        ["Nơi nhận:", "- Như trên;", "- Lưu: VT.", *block],
    )
    assert _facts(text)["signer"] == signer


@pytest.mark.parametrize(
    ("letterhead", "issuer"),
    [
        # a letterhead cell whose two lines a .docx or a saved page joins with a space
        ("BAN CHẤP HÀNH TRUNG ƯƠNG BAN TỔ CHỨC", "Ban Tổ chức Trung ương"),
        ("ỦY BAN NHÂN DÂN TỈNH HÀ NAM SỞ TÀI CHÍNH", "Sở Tài chính tỉnh Hà Nam"),
        # one body whose name holds a second head word stays one
        ("VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH HÀ NAM", "Văn phòng Ủy ban nhân dân tỉnh Hà Nam"),
        # the unit's name is its head word alone; a rule printed under the name, in its cell
        ("ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG VĂN PHÒNG",
         "Văn phòng Ủy ban nhân dân thành phố Đà Nẵng"),
        ("UBND TỈNH THÁI NGUYÊN SỞ KHOA HỌC VÀ CÔNG NGHỆ -------",
         "Sở Khoa học và Công nghệ tỉnh Thái Nguyên"),
        # a place whose name ends in a head word ("phòng") is not parent and unit
        ("UBND THÀNH PHỐ HẢI PHÒNG SỞ TÀI CHÍNH", "Sở Tài chính thành phố Hải Phòng"),
        ("ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG", "Ủy ban nhân dân thành phố Hải Phòng"),
    ],
)  # fmt: skip
def test_parent_and_unit_on_one_letterhead_line(letterhead: str, issuer: str) -> None:
    text = f"""{letterhead}\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 45/HD-X
Hà Nội, ngày 10 tháng 3 năm 2026
HƯỚNG DẪN
Thực hiện chuyển đổi số
1. Các đơn vị tổ chức thực hiện.
"""
    doc = extract_text(text, "hd.docx", one_line_paragraphs=True).document
    assert doc.issuer is not None and doc.issuer.name == issuer


@pytest.mark.parametrize(
    ("left", "right", "issuer", "province"),
    [
        # the letterhead's two columns printed one after the other (a PDF's text without its
        # layout, a page that drops the table), each cell's lines broken where they were
        (
            ["VĂN PHÒNG CHÍNH", "PHỦ"],
            ["CỘNG HÒA XÃ HỘI", "CHỦ NGHĨA VIỆT NAM"],
            "Văn phòng Chính phủ",
            None,
        ),
        (
            ["BỘ KHOA HỌC VÀ", "CÔNG NGHỆ"],
            ["CỘNG HÒA XÃ", "HỘI CHỦ NGHĨA VIỆT NAM"],
            "Bộ Khoa học và Công nghệ",
            None,
        ),
        (
            ["ỦY BAN NHÂN", "DÂN", "TỈNH QUẢNG NGÃI"],
            ["CỘNG HÒA XÃ", "HỘI CHỦ NGHĨA VIỆT NAM"],
            "Ủy ban nhân dân tỉnh Quảng Ngãi",
            "Quảng Ngãi",
        ),
        (
            ["UBND TỈNH LẠNG", "SƠN", "SỞ NỘI VỤ"],
            ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
            "Sở Nội vụ tỉnh Lạng Sơn",
            "Lạng Sơn",
        ),
        (
            ["BAN CHẤP HÀNH", "TRUNG ƯƠNG", "BAN KINH TẾ"],
            ["ĐẢNG CỘNG SẢN", "VIỆT NAM"],
            "Ban Kinh tế Trung ương",
            None,
        ),
        (["TỈNH ỦY GIA LAI", "*"], ["ĐẢNG CỘNG SẢN VIỆT NAM"], "Tỉnh ủy Gia Lai", "Gia Lai"),
    ],
)
def test_letterhead_columns_printed_one_after_the_other(left, right, issuer, province):
    text = "\n".join(
        [
            *left,
            "",
            *right,
            "Độc lập - Tự do - Hạnh phúc",
            "",
            "Số:",
            "45/KH-X",
            "",
            f"{province or 'Hà Nội'}, ngày 10 tháng 3 năm 2026",
            "",
            "KẾ HOẠCH",
            "Thực hiện chuyển đổi số",
            "",
            "1. Các đơn vị tổ chức thực hiện.",
        ]
    )
    doc = extract_text(text, "kh.txt").document
    assert doc.issuer is not None and doc.issuer.name == issuer
    assert doc.number == "45/KH-X"
    assert doc.province == province


@pytest.mark.parametrize("mark", ["-", "+", "•"])
def test_a_preamble_written_as_a_list_starts_the_body(mark: str) -> None:
    """ "+ Căn cứ …" opens the body as "- Căn cứ …" does: the closing block after it (the
    recipients, the signature) is found, not a name in an appendix's table."""
    text = "\n".join(
        [
            "BAN CHẤP HÀNH TRUNG ƯƠNG\tĐẢNG CỘNG SẢN VIỆT NAM",
            "BAN KINH TẾ",
            "Số: 15-QĐ/BKTTW\tHà Nội, ngày 01 tháng 12 năm 2025",
            "",
            "QUYẾT ĐỊNH",
            "BAN HÀNH QUY CHẾ LÀM VIỆC",
            "",
            f"{mark} Căn cứ Quy định số 360-QĐ/TW, ngày 29/8/2025 của Ban Bí thư;",
            f"{mark} Xét đề nghị của Vụ Tổng hợp,",
            "",
            "TRƯỞNG BAN KINH TẾ TRUNG ƯƠNG QUYẾT ĐỊNH",
            "",
            "Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc.",
            "",
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
            "",
            "Nơi nhận:",
            f"{mark} Như Điều 2,",
            f"{mark} Lưu VT.",
            "",
            "K/T TRƯỞNG BAN",
            "PHÓ TRƯỞNG BAN",
            "Trần Văn Bình",
            "",
            "QUY CHẾ",
            "LÀM VIỆC CỦA BAN KINH TẾ TRUNG ƯƠNG",
            "",
            "Chương I",
            "QUY ĐỊNH CHUNG",
            "",
            "Điều 1. Quy chế này quy định chế độ làm việc của Ban.",
            "",
            "| Số TT | Họ và tên | Giới Tính |",
            "|---|---|---|",
            "| 1 | | |",
        ]
    )
    doc = extract_text(text, "qd.md").document
    assert doc.signer == "Trần Văn Bình"
    assert doc.issuer is not None and doc.issuer.name == "Ban Kinh tế Trung ương"


def test_a_letterhead_row_that_lost_its_outer_pipes_is_still_two_cells() -> None:
    text = "\n".join(
        [
            "ĐẢNG BỘ CHÍNH PHỦ",
            "BAN THƯỜNG VỤ ĐẢNG ỦY | ĐẢNG CỘNG SẢN VIỆT NAM",
            "Số 142-KL/ĐUCP | Hà Nội, ngày 14 tháng 11 năm 2025",
            "",
            "KẾT LUẬN",
            "về phát triển kinh tế tư nhân",
            "",
            "1. Các đảng ủy trực thuộc quán triệt Nghị quyết.",
        ]
    )
    doc = extract_text(text, "kl.md").document
    assert doc.issuer is not None and doc.issuer.name == "Ban Thường vụ Đảng ủy Chính phủ"
    assert doc.number == "142-KL/ĐUCP"


@pytest.mark.parametrize("heading", ["K Ế   H O Ạ C H", "K Ế H O Ạ C H", "**Q U Y Ế T  Đ Ị N H**"])
def test_a_type_heading_with_its_letters_spaced_out(heading: str) -> None:
    text = "\n".join(
        [
            "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN",
            "",
            "Số: 12/UBND-VX",
            "",
            "Lạng Sơn, ngày 10 tháng 3 năm 2026",
            "",
            heading,
            "thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị",
            "",
            "- Căn cứ Luật Tổ chức chính quyền địa phương năm 2025;",
            "- Thực hiện Kế hoạch số 10-KH/TU ngày 02/6/2025 của Ban Thường vụ Tỉnh ủy,",
            "",
            "I. NHIỆM VỤ",
            "",
            "1. Sở Tài chính bố trí kinh phí.",
        ]
    )
    ex = extract_text(text, "kh.txt")
    assert ex.document.doc_type == ("Quyết định" if "Q" in heading else "Kế hoạch")
    assert ex.document.title == "Thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị"
    # the title under it and the preamble after it are the document's own voice
    assert {r.number.format(): r.relation for r in ex.references} == {
        "57-NQ/TW": "implements",
        "10-KH/TU": "implements",
    }


def test_a_central_letter_dated_in_figures_is_read_as_one_dated_in_words() -> None:
    """ "Hà Nội, ngày 10/12/2025" is the place and date of issue as "Hà Nội, ngày 10 tháng 12
    năm 2025" is: the capital is no province of a central body's letter, and the subject
    line run together with it keeps its words; a reference's date in the title is no place
    of issue ("… số 57-NQ/TW, ngày 22/12/2024")."""
    text = "\n".join(
        [
            "BỘ GIÁO DỤC VÀ ĐÀO TẠO\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Số 4511/BGDĐT-QLCL",
            "V/v chuẩn bị tổ chức Kỳ thi tốt nghiệp Hà Nội, ngày 10/12/2025",
            "trung học phổ thông năm 2026",
            "",
            "Kính gửi: Các sở giáo dục và đào tạo.",
            "",
            "1. Sở Giáo dục và Đào tạo chủ trì rà soát điểm thi.",
        ]
    )
    doc = extract_text(text, "cv.txt").document
    assert str(doc.date) == "2025-12-10"
    assert doc.province is None
    assert doc.title == "Chuẩn bị tổ chức Kỳ thi tốt nghiệp trung học phổ thông năm 2026"
    titled = "\n".join(
        [
            "TỈNH ỦY GIA LAI\tĐẢNG CỘNG SẢN VIỆT NAM",
            "Số 12-CTr/TU\tGia Lai, ngày 18/9/2025",
            "",
            "CHƯƠNG TRÌNH HÀNH ĐỘNG",
            "thực hiện Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị",
            "",
            "Thực hiện Nghị quyết số 57-NQ/TW, Ban Chấp hành Đảng bộ tỉnh xây dựng Chương trình:",
            "",
            "1. Các cấp ủy quán triệt Nghị quyết.",
        ]
    )
    doc = extract_text(titled, "ctr.txt").document
    assert (str(doc.date), doc.province) == ("2025-09-18", "Gia Lai")
    assert doc.title == "Thực hiện Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị"


def test_a_site_name_opening_with_a_type_word_is_not_the_heading():
    """A saved page's banner ("LUẬT … ONLINE · Tra cứu …") opens with a type word in
    capitals; the heading under the letterhead is the document's."""
    text = "\n".join(
        [
            "LUẬT SỐ ONLINE · Tra cứu văn bản pháp luật",
            "",
            "Trang chủ | Văn bản pháp luật | Liên hệ",
            "",
            "CHÍNH PHỦ",
            "Số: 12/NQ-CP",
            "Hà Nội, ngày 5 tháng 3 năm 2026",
            "",
            "NGHỊ QUYẾT",
            "Về phát triển hạ tầng dữ liệu quốc gia",
            "",
            "CHÍNH PHỦ",
            "",
            "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;",
        ]
    )
    doc = extract_text(text, "x.md").document
    assert (doc.doc_type, doc.title) == ("Nghị quyết", "Về phát triển hạ tầng dữ liệu quốc gia")


def test_a_closing_block_in_two_columns_run_together() -> None:
    """A PDF's two closing columns read as one: the recipients on the left, the signature on
    the right; the signer's name ends a recipients line."""
    text = """VĂN PHÒNG CHÍNH PHỦ
Số: 1045/VPCP-KGVX
Hà Nội, ngày 04 tháng 11 năm 2025
V/v bảo đảm hạ tầng số cấp xã
Kính gửi: Bộ Khoa học và Công nghệ.
1. Bộ Khoa học và Công nghệ chủ trì rà soát hạ tầng số.
Nơi nhận: KT. BỘ TRƯỞNG, CHỦ NHIỆM
- Như trên; PHÓ CHỦ NHIỆM
- Thủ tướng, các PTTg (để b/c);
- VPCP: BTCN, các PCN, Trợ lý TTg, TGĐ Cổng
TTĐT, các Vụ: KSTT, KTTH; Trần Văn Bình
- Lưu: VT, KGVX (2b).
"""
    assert _facts(text)["signer"] == "Trần Văn Bình"


def test_a_subject_line_run_together_with_the_date() -> None:
    """ "V/v …" on the left, "Hà Nội, ngày …" on the right, read as one line: the subject goes
    on under the date, and the place is not part of it."""
    text = """BỘ KHOA HỌC VÀ CÔNG NGHỆ
Số: 1045/BKHCN-CĐS
V/v xử lý kiến nghị của Bộ Tài chính và Hà Nội, ngày 04 tháng 11 năm 2025
Bộ Nội vụ về hạ tầng số cấp xã

Kính gửi: Ủy ban nhân dân các tỉnh.
1. Rà soát hạ tầng số.
"""
    facts = _facts(text)
    assert facts["title"] == "Xử lý kiến nghị của Bộ Tài chính và Bộ Nội vụ về hạ tầng số cấp xã"
    assert facts["date"] == "2025-11-04"


def test_a_party_closing_block_in_two_columns_run_together() -> None:
    """ "Nơi nhận: K/T TRƯỞNG BAN" and the name after a recipients line's full stop."""
    text = """BAN TỔ CHỨC TRUNG ƯƠNG
Số 15273-CV/BTCTW
Hà Nội, ngày 20 tháng 11 năm 2025
Kính gửi: Các tỉnh ủy, thành ủy.
1. Rà soát đội ngũ cán bộ cấp xã.
Nơi nhận: K/T TRƯỞNG BAN
- Như trên, PHÓ TRƯỞNG BAN
- Đảng ủy Chính phủ, (đã ký)
- Lưu Văn phòng Ban. Hoàng Minh Đức
"""
    assert _facts(text)["signer"] == "Hoàng Minh Đức"


def test_the_signature_title_on_the_recipients_label_line() -> None:
    """ "Nơi nhận: THỦ TƯỚNG": the title shares the label's line; the name ends a later one."""
    text = """THỦ TƯỚNG CHÍNH PHỦ
Số: 12/CT-TTg
Hà Nội, ngày 05 tháng 12 năm 2025
CHỈ THỊ
Về bảo đảm an ninh mạng
1. Bộ Công an chủ trì kiểm tra an ninh mạng.
Nơi nhận: THỦ TƯỚNG
- Ban Bí thư Trung ương Đảng;
- HĐND, UBND các tỉnh, thành phố trực thuộc Trung ương; Lê Văn Khải
- Lưu: VT, KSTT.
"""
    assert _facts(text)["signer"] == "Lê Văn Khải"


@pytest.mark.parametrize(
    "row,expected",
    [
        # a letterhead read as one row, each column a cell (a scan, a PDF printed from Word):
        # the type heading set under the number in the left cell
        (
            "BAN CHẤP HÀNH TRUNG ƯƠNG Số 412-QĐ/TW QUY ĐỊNH\tĐẢNG CỘNG SẢN VIỆT NAM Hà Nội, "
            "ngày 3 tháng 6 năm 2025",
            ("Quy định", "2025-06-03", "Ban Chấp hành Trung ương Đảng"),
        ),
        (
            "ỦY BAN NHÂN DÂN TỈNH BẮC NINH Số: 12/KH-UBND KẾ HOẠCH\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA "
            "VIỆT NAM Độc lập - Tự do - Hạnh phúc Bắc Ninh, ngày 3 tháng 4 năm 2025",
            ("Kế hoạch", "2025-04-03", "Ủy ban nhân dân tỉnh Bắc Ninh"),
        ),
    ],
)
def test_a_type_heading_in_the_letterhead_cell_after_the_number(row, expected):
    """The place and date are read in their own cell (not from the heading before the tab),
    the heading gives the type, and the letterhead above the number still gives the issuer."""
    text = "\n".join([row, "VỀ PHÁT TRIỂN HẠ TẦNG SỐ", *PLAN_BODY])
    facts = _facts(text)
    assert (facts["type"], facts["date"], facts["issuer"]) == expected


@pytest.mark.parametrize(
    "text",
    [
        "| STT | Nội dung nhiệm vụ | Đơn vị chủ trì |\n|---|---|---|\n| 1 | Vận hành | Văn phòng |",
        "STT\tNội dung nhiệm vụ\tĐơn vị chủ trì\n1\tVận hành hệ thống\tVăn phòng",
    ],
)
def test_a_text_opening_with_a_table_has_no_letterhead_issuer(text: str) -> None:
    """A table's header word in capitals ("STT") is no letterhead: the issuer is unknown."""
    from policy_lineage.loaders.pipeline import extract_text

    assert extract_text(text, "plan.md").document.issuer is None
