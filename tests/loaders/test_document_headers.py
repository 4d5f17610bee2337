"""Document metadata from heading and signature blocks laid out the ways offices lay them out.

The files in data/headers/ are short documents written for these tests in the layouts seen in
PDF copies (two columns on one line, separated by spaces) and .docx tables (cells joined by
tabs): a provincial plan, an official letter, a Party programme, a decision, a plan whose
heading is a table. The expected values are what the heading and signature say.
"""

from pathlib import Path

import pytest

from policy_lineage.loaders.pipeline import extract_paths
from policy_lineage.schema.model import to_contract

DATA = Path(__file__).parent / "data" / "headers"

EXPECTED = {
    "a.txt": (
        "125/KH-UBND",
        "Kế hoạch",
        "Ủy ban nhân dân tỉnh Nghệ An",
        "2025-04-15",
        "Bùi Đình Long",
        "Thực hiện Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ về sửa đổi, bổ sung, "
        "cập nhật Chương trình hành động của Chính phủ",
    ),
    "b.txt": (
        "512/UBND-KGVX",
        "Công văn",
        "Ủy ban nhân dân tỉnh Khánh Hòa",
        "2026-03-10",
        None,
        "Đôn đốc thực hiện các nhiệm vụ chậm tiến độ theo Kế hoạch số 15/KH-UBND",
    ),
    "c.txt": (
        "12-CTr/TU",
        "Chương trình",
        "Ban Thường vụ Tỉnh ủy Nghệ An",
        "2025-03-20",
        "Nguyễn Đức Trung",
        "Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát "
        "triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia",
    ),
    "d.txt": (
        "301/QĐ-UBND",
        "Quyết định",
        "Ủy ban nhân dân tỉnh Quảng Ninh",
        "2026-02-10",
        None,
        "Về việc sửa đổi, bổ sung Kế hoạch số 98/KH-UBND ngày 5/6/2025 của Ủy ban nhân dân tỉnh",
    ),
    "e.txt": (
        "88/KH-UBND",
        "Kế hoạch",
        "Ủy ban nhân dân tỉnh Lâm Đồng",
        "2025-09-05",
        "Trần Hồng Thái",
        "Triển khai thực hiện Kế hoạch số 15-KH/TU ngày 1/8/2025 của Ban Thường vụ Tỉnh ủy",
    ),
    "f.txt": (
        "512/UBND-KGVX",
        "Công văn",
        "Ủy ban nhân dân tỉnh Khánh Hòa",
        "2026-03-10",
        None,
        "Đôn đốc thực hiện nhiệm vụ chậm tiến độ",
    ),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_document_headers_metadata(name: str) -> None:
    [ex] = list(extract_paths([str(DATA / name)]))
    d = to_contract(ex)["document"]
    got = (d["number"], d["doc_type"], d["issuer"], d["date"], d["signer"], d["title"])
    assert got == EXPECTED[name]


def test_document_headers_province_named_beats_context() -> None:
    from policy_lineage.loaders.agencies import default_table

    found = default_table().find("UBND TỈNH LÂM ĐỒNG; Tỉnh ủy Gia Lai", "Nghệ An")
    assert [m.agency.name for m in found] == ["Ủy ban nhân dân tỉnh Lâm Đồng", "Tỉnh ủy Gia Lai"]


def test_document_headers_commune_and_city_bodies() -> None:
    from policy_lineage.loaders.agencies import default_table

    table = default_table()
    commune = table.find("ĐẢNG BỘ TỈNH AN GIANG ĐẢNG ỦY XÃ MỸ HÒA", "An Giang")
    assert [(m.agency.name, m.agency.level) for m in commune] == [("Đảng ủy xã Mỹ Hòa", "commune")]
    ward = table.find("Ủy ban nhân dân phường Nha Trang chủ trì", "Khánh Hòa")
    assert [m.agency.name for m in ward] == ["Ủy ban nhân dân phường Nha Trang"]
    city = table.find("Thành ủy Cần Thơ; Văn phòng UBND thành phố; UBND tỉnh", "Cần Thơ")
    assert [m.agency.name for m in city] == [
        "Thành ủy Cần Thơ",
        "Văn phòng Ủy ban nhân dân thành phố",
        "Ủy ban nhân dân thành phố Cần Thơ",
    ]


@pytest.mark.parametrize(
    ("left", "right", "issuer"),
    [
        (("ỦY BAN NHÂN DÂN", "XÃ SƠN HÒA"), ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"), "Ủy ban nhân dân xã Sơn Hòa"),
        (("TỈNH ỦY NGHỆ AN", "*"), ("ĐẢNG CỘNG SẢN VIỆT NAM", ""), "Tỉnh ủy Nghệ An"),
    ],
)  # fmt: skip
def test_heading_columns_run_together_with_one_space(tmp_path, left, right, issuer):
    """A PDF's text may join the heading's two columns with a single space: the body is
    the part before the national motto, not a body named later in the text."""
    lines = [f"{a} {b}".strip() for a, b in zip(left, right, strict=True)]
    text = "\n".join(
        [
            *lines,
            "Số: 41/KH-UBND Nghệ An, ngày 04 tháng 8 năm 2025",
            "KẾ HOẠCH",
            "Triển khai thực hiện Kế hoạch số 58/KH-UBND của Ủy ban nhân dân tỉnh Nghệ An",
            "Thực hiện Kế hoạch số 58/KH-UBND ngày 15/5/2025 của Ủy ban nhân dân tỉnh Nghệ An.",
        ]
    )
    path = tmp_path / "merged.txt"
    path.write_text(text, "utf-8")
    [extraction] = extract_paths([str(path)])
    assert to_contract(extraction)["document"]["issuer"] == issuer


def test_a_commune_named_like_a_province_is_not_that_province(tmp_path):
    """Xã Long An of Bắc Ninh dates its plan "Long An, ngày …": the province is Bắc Ninh."""
    text = "\n".join(
        [
            "ỦY BAN NHÂN DÂN                   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "XÃ LONG AN                        Độc lập - Tự do - Hạnh phúc",
            "Số: 73/KH-UBND                  Long An, ngày 07 tháng 11 năm 2025",
            "KẾ HOẠCH",
            "Triển khai thực hiện Kế hoạch số 37/KH-UBND của Ủy ban nhân dân tỉnh",
            "Thực hiện Kế hoạch số 37/KH-UBND ngày 19/05/2025 của Ủy ban nhân dân tỉnh Bắc Ninh,"
            " Ủy ban nhân dân xã Long An ban hành Kế hoạch thực hiện như sau:",
        ]
    )
    path = tmp_path / "xa-long-an.txt"
    path.write_text(text, "utf-8")
    [extraction] = extract_paths([str(path)])
    document = to_contract(extraction)["document"]
    assert document["province"] == "Bắc Ninh"
    assert document["issuer"] == "Ủy ban nhân dân xã Long An"
