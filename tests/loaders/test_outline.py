"""``loaders/outline.py``: markers in, a tree out. Markers nest in the order a document
first uses them; a paragraph without a marker belongs to the heading above it."""

from __future__ import annotations

import pytest

from policy_lineage.loaders.layout import layout, paragraph_style
from policy_lineage.loaders.outline import build_outline, split_marker


def tree(text: str) -> list:
    """The outline as nested ``(style, text, children)`` tuples, children as a list."""

    def walk(node) -> tuple:
        return (node.style, node.text, [walk(c) for c in node.children])

    return [walk(c) for c in build_outline(layout(text).paragraphs).children]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("II. NHIỆM VỤ", ("roman", "II.", "NHIỆM VỤ")),
        ("1. Về hạ tầng", ("num1", "1.", "Về hạ tầng")),
        ("1.2. Tiểu mục", ("num2", "1.2.", "Tiểu mục")),
        ("a) Nâng cấp mạng", ("letter", "a)", "Nâng cấp mạng")),
        # a letter with a full stop, as Party documents write it; not a lower-case word
        ("b. Về kỹ năng", ("letter", "b.", "Về kỹ năng")),
        ("đ. Quyết định công nhận", ("letter", "đ.", "Quyết định công nhận")),
        ("e. coli trong nước sinh hoạt", ("para", "", "e. coli trong nước sinh hoạt")),
        ("(i) Một việc", ("paren", "(i)", "Một việc")),
        ("- Giai đoạn 1", ("dash", "-", "Giai đoạn 1")),
        ("+ Một ý", ("plus", "+", "Một ý")),
        ("Điều 3. Trách nhiệm thi hành", ("article", "Điều 3.", "Trách nhiệm thi hành")),
        ("Không có dấu", ("para", "", "Không có dấu")),
        # a Party document's numbering; a range of numbers is no item
        ("1- Các đảng ủy trực thuộc", ("num1", "1-", "Các đảng ủy trực thuộc")),
        ("30 - 50 triệu đồng mỗi hộ", ("para", "", "30 - 50 triệu đồng mỗi hộ")),
    ],
)
def test_outline_markers(line: str, expected: tuple[str, str, str]) -> None:
    assert split_marker(line) == expected


def test_outline_nests_in_the_order_markers_are_first_used() -> None:
    text = (
        "I. MỤC TIÊU\nNâng cao năng lực số.\nII. NHIỆM VỤ\n1. Về hạ tầng\n"
        "a) Nâng cấp mạng truyền dẫn.\nb) Xây dựng trung tâm dữ liệu:\n"
        "- Giai đoạn 1 hoàn thành năm 2026;\n- Giai đoạn 2 hoàn thành năm 2027.\n"
        "2. Về dữ liệu\nXây dựng kho dữ liệu dùng chung.\n"
    )
    assert tree(text) == [
        ("roman", "MỤC TIÊU", [("para", "Nâng cao năng lực số.", [])]),
        ("roman", "NHIỆM VỤ", [
            ("num1", "Về hạ tầng", [
                ("letter", "Nâng cấp mạng truyền dẫn.", []),
                ("letter", "Xây dựng trung tâm dữ liệu:", [
                    ("dash", "Giai đoạn 1 hoàn thành năm 2026;", []),
                    ("dash", "Giai đoạn 2 hoàn thành năm 2027.", []),
                ]),
            ]),
            ("num1", "Về dữ liệu", [("para", "Xây dựng kho dữ liệu dùng chung.", [])]),
        ]),
    ]  # fmt: skip


def test_outline_a_skipped_level_still_nests() -> None:
    text = "I. NHIỆM VỤ\na) Rà soát thủ tục.\nb) Số hóa hồ sơ.\nII. TỔ CHỨC THỰC HIỆN\n"
    assert tree(text) == [
        ("roman", "NHIỆM VỤ", [
            ("letter", "Rà soát thủ tục.", []),
            ("letter", "Số hóa hồ sơ.", []),
        ]),
        ("roman", "TỔ CHỨC THỰC HIỆN", []),
    ]  # fmt: skip


def test_a_chapter_number_on_a_line_of_its_own_takes_the_next_line_as_title() -> None:
    """ "Chương II" alone, then "TRÁCH NHIỆM": one chapter heading, its articles under it,
    not a paragraph of the article before."""
    text = (
        "Chương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi\nQuy định này áp dụng với cơ quan đảng.\n"
        "Chương II\nTRÁCH NHIỆM\nĐiều 2. Trách nhiệm của Văn phòng\n1. Hướng dẫn thực hiện.\n"
    )
    assert split_marker("Chương II") == ("chapter", "Chương II", "")
    assert [(s, t, [c[1] for c in kids]) for s, t, kids in tree(text)] == [
        ("chapter", "QUY ĐỊNH CHUNG", ["Phạm vi"]),
        ("chapter", "TRÁCH NHIỆM", ["Trách nhiệm của Văn phòng"]),
    ]


@pytest.mark.parametrize(
    ("page", "paragraphs"),
    [
        # paragraphs apart: a title in capitals (its last line "2025 - 2027") and a heading in
        # capitals end where "Căn cứ …" or "1. …" opens on the next line
        ("KẾ HOẠCH\n\nTHỰC HIỆN NGHỊ QUYẾT SỐ 362/NQ-CP GIAI ĐOẠN\n2025 - 2027\nCăn cứ Nghị định "
         "số 40/2025/NĐ-CP;\n\nI. MỤC ĐÍCH\n1. Cụ thể hóa các nhiệm vụ.\n",
         ["KẾ HOẠCH", "THỰC HIỆN NGHỊ QUYẾT SỐ 362/NQ-CP GIAI ĐOẠN 2025 - 2027",
          "Căn cứ Nghị định số 40/2025/NĐ-CP;", "I. MỤC ĐÍCH", "1. Cụ thể hóa các nhiệm vụ."]),
        # lines wrapped with nothing between paragraphs: a colon's value on the next line goes on
        ("9. Các đơn vị báo cáo về Sở (điện thoại:\n0263.3822541) trước ngày 25/12/2025.\n"
         "10. Sở tổng hợp.\n",
         ["9. Các đơn vị báo cáo về Sở (điện thoại: 0263.3822541) trước ngày 25/12/2025.",
          "10. Sở tổng hợp."]),
        # lines wrapped with nothing between paragraphs: a bold heading broken after its
        # marker or its article's word goes on; it ends where its bold closes; an article
        # cited in a sentence is no heading
        ("**1.\nCông an thành phố**\nChủ trì tham mưu thực hiện Chương trình.\n"
         "**Điều\n19. Trách nhiệm của Sở Khoa học và Công nghệ**\n1. Chủ trì hướng dẫn việc\n"
         "thực hiện theo quy định tại\nĐiều 6, Điều 7 Nghị quyết này.\n",
         ["**1. Công an thành phố**", "Chủ trì tham mưu thực hiện Chương trình.",
          "**Điều 19. Trách nhiệm của Sở Khoa học và Công nghệ**",
          "1. Chủ trì hướng dẫn việc thực hiện theo quy định tại Điều 6, Điều 7 Nghị quyết này."]),
    ],
)  # fmt: skip
def test_saved_page_paragraphs(page: str, paragraphs: list[str]) -> None:
    soft = paragraph_style(page)
    assert [p.text for p in layout(page, soft=soft).paragraphs] == paragraphs


def test_an_article_cited_at_a_printed_line_start_opens_no_paragraph() -> None:
    """A PDF's or a text's printed lines: "Điều 7, Điều 8 …" wrapped to a line's start is a
    reference going on, not the heading of article 7 (the items after it were lost)."""
    page = (
        "b) Chủ trì triển khai các chính sách hỗ trợ theo quy định tại Điều 6,\n"
        "Điều 7, Điều 8 và Điều 9 Nghị quyết này;\n"
        "c) Tiếp nhận, quản lý và cấp phát kinh phí hỗ trợ.\n"
        "Điều 7. Tổ chức thực hiện\n"
    )
    assert [p.text for p in layout(page).paragraphs] == [
        "b) Chủ trì triển khai các chính sách hỗ trợ theo quy định tại Điều 6, Điều 7, Điều 8 "
        "và Điều 9 Nghị quyết này;",
        "c) Tiếp nhận, quản lý và cấp phát kinh phí hỗ trợ.",
        "Điều 7. Tổ chức thực hiện",
    ]


def test_a_long_address_line_does_not_run_into_the_letter() -> None:
    """ "Kính gửi: …" as long as a full printed line is the addressees, not the start of
    the letter's first paragraph; a list of them broken after a comma goes on."""
    page = (
        "Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương\n"
        "Bộ Khoa học và Công nghệ đề nghị Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung\n"
        "ương báo cáo kết quả chuyển đổi số trước ngày 15/12/2025.\n"
        "Kính gửi: Sở Khoa học và Công nghệ, Sở Tài chính, Sở Xây dựng, Sở Nội vụ,\n"
        "Sở Công Thương tỉnh Bắc Ninh\n"
    )
    assert [p.text for p in layout(page).paragraphs] == [
        "Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương",
        "Bộ Khoa học và Công nghệ đề nghị Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung "
        "ương báo cáo kết quả chuyển đổi số trước ngày 15/12/2025.",
        "Kính gửi: Sở Khoa học và Công nghệ, Sở Tài chính, Sở Xây dựng, Sở Nội vụ, "
        "Sở Công Thương tỉnh Bắc Ninh",
    ]


def test_a_running_header_next_to_page_numbers_is_dropped_on_every_page() -> None:
    """A PDF's running header, printed twice (a three-page plan), each time under a page
    number, is no paragraph; the item the page break cut goes on across it."""
    header = "Kế hoạch số 38/KH-UBND ngày 10/02/2026 của UBND phường An Bình"
    text = "\n".join(
        [
            "1. Rà soát hạ tầng mạng của các cơ quan trên địa bàn phường và đề xuất",
            "",
            "                                   2",
            "",
            header,
            "",
            "phương án nâng cấp trong Quý I/2026.",
            "2. Số hóa hồ sơ hộ tịch.",
            "",
            "                                   3",
            "",
            header,
            "",
            "3. Cập nhật dữ liệu dân cư.",
        ]
    )
    paragraphs = [p.text for p in layout(text).paragraphs]
    assert not any(header in p for p in paragraphs)
    assert any(p.startswith("1. Rà soát") and p.endswith("Quý I/2026.") for p in paragraphs)


def test_a_line_printed_twice_in_the_body_is_kept() -> None:
    line = "Tổ chức tuyên truyền về chuyển đổi số trên địa bàn phường."
    text = "\n".join(["1. " + line, "2. Số hóa hồ sơ.", "3. " + line])
    paragraphs = [p.text for p in layout(text).paragraphs]
    assert sum(line in p for p in paragraphs) == 2
