"""Saved portal pages and Markdown read as structure (loaders/markup.py), on pages written for
these tests in the shape legal portals save: a copyright banner, a metadata table flattened
one cell per line, the letterhead as a flattened table, Markdown marks, and a tail of related
documents, addresses and a privacy notice."""

from __future__ import annotations

import re

import pytest

from policy_lineage.loaders.markup import looks_marked_up, markup_view
from policy_lineage.loaders.pipeline import extract_text

PAGE = """|
|
Bản dịch này thuộc quyền sở hữu của **
THƯ VIỆN PHÁP LUẬT**. Mọi hành vi sao chép là vi phạm pháp luật về Sở hữu trí tuệ.
Đang tải văn bản...
#
**Số hiệu:**
|
215/KH-UBND
|
|
**Loại văn bản:**
|
Kế hoạch
|
**Nơi ban hành:**
|
Tỉnh Sơn La
|
|
**Người ký:**
|
Nguyễn Văn Bình
|
**Ngày ban hành:**
|
12/03/2026
|
|
**Tình trạng:**
|
Đã biết
|
|
**ỦY BAN NHÂN DÂN
TỈNH SƠN LA**
-------
|
**CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: 215/KH-UBND
|
*Sơn La, ngày 12
tháng 3 năm 2026*
|

**KẾ HOẠCH**

Triển khai thực hiện Kế hoạch số 30-KH/TU ngày 02/02/2026 của Ban Thường vụ Tỉnh ủy về
chuyển đổi số

**I. NHIỆM VỤ**

1. Sở Khoa học và Công nghệ chủ trì xây dựng kho dữ liệu dùng chung, hoàn thành trong
tháng 9/2026.

2. Các doanh nghiệp bưu chính bảo đảm hạ tầng chuyển phát tại các xã.

|
**TM. ỦY BAN NHÂN DÂN**
CHỦ TỊCH
Nguyễn Văn Bình
|
Kế hoạch 215/KH-UBND năm 2026 triển khai chuyển đổi số do Tỉnh Sơn La ban hành
Văn bản này chưa cập nhật nội dung Tiếng Anh
## Văn bản liên quan
Ban hành:
03/12/2025
**Địa chỉ:**
|
17 Nguyễn Gia Thiều, TP.HCM
|
Thực hiện Nghị định 13/2023/NĐ-CP, chúng tôi cập nhật Quy chế Bảo vệ Dữ liệu cá nhân.
"""


def test_the_view_has_the_length_of_the_page_and_keeps_its_text() -> None:
    view = markup_view(PAGE)
    assert len(view.text) == len(PAGE)
    # every character is the page's own or a blank where a mark or the portal's matter was
    assert all(v == p or v in " \t\n" for v, p in zip(view.text, PAGE, strict=True))


def test_portal_metadata_is_read_and_the_banner_and_tail_are_dropped() -> None:
    view = markup_view(PAGE)
    assert view.portal == {
        "number": "215/KH-UBND",
        "doc_type": "Kế hoạch",
        "issuer": "Tỉnh Sơn La",
        "signer": "Nguyễn Văn Bình",
        "date": "12/03/2026",
    }
    assert "THƯ VIỆN PHÁP LUẬT" not in view.text
    assert "Văn bản liên quan" not in view.text and "13/2023" not in view.text


def test_flattened_letterhead_becomes_rows_of_cells() -> None:
    rows = [ln for ln in markup_view(PAGE).text.split("\n") if "\t" in ln]
    cells = [[" ".join(c.split()) for c in row.split("\t")] for row in rows]
    assert cells[0] == [
        "ỦY BAN NHÂN DÂN TỈNH SƠN LA",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc",
    ]
    assert cells[1] == ["Số: 215/KH-UBND", "Sơn La, ngày 12 tháng 3 năm 2026"]


def test_extraction_of_a_saved_page() -> None:
    ex = extract_text(PAGE, "page.md")
    doc = ex.document
    assert (doc.number, doc.doc_type, doc.issuer.name, str(doc.date), doc.signer) == (
        "215/KH-UBND",
        "Kế hoạch",
        "Ủy ban nhân dân tỉnh Sơn La",
        "2026-03-12",
        "Nguyễn Văn Bình",
    )
    # the privacy notice in the footer "implements" a decree: not a reference of the document
    assert [(r.number, r.relation) for r in ex.references] == [("30-KH/TU", "implements")]
    assert [([a.name for a in t.lead], str(t.deadline)) for t in ex.tasks] == [
        (["Sở Khoa học và Công nghệ"], "2026-09-30"),
        (["Các doanh nghiệp bưu chính"], "None"),
    ]
    # evidence points into the page as saved
    span = ex.references[0].evidence.span
    assert "30-KH/TU" in PAGE[span.start : span.end]


def test_plain_text_is_not_taken_for_a_saved_page() -> None:
    plain = "ỦY BAN NHÂN DÂN\nTỈNH SƠN LA\nSố: 215/KH-UBND\nKẾ HOẠCH\n1. Sở Tài chính bố trí kinh phí.\n"
    assert not looks_marked_up(plain)
    assert looks_marked_up(PAGE)


TABLE_PAGE = """**ỦY BAN NHÂN DÂN TỈNH SƠN LA**

Số: 13/KH-UBND

**KẾ HOẠCH**

Chuyển đổi số năm 2026

**I. NHIỆM VỤ**

1. Thực hiện các nhiệm vụ tại Phụ lục kèm theo.

**PHỤ LỤC**

|
**TT**
|
**Nhiệm vụ**
|
**Cơ quan thực hiện**
|
**Thời gian hoàn thành**
|
|
**Chủ trì**
|
**Phối hợp**
|
|
1
|
Xây dựng kho dữ liệu dùng chung
|
Sở Khoa học và Công nghệ
|
Sở Tài chính
|
Quý II/2026
|
|
Kết nối kho dữ liệu với hệ thống quốc gia
|
|
2
|
Số hóa hồ sơ đất đai
|
Sở Nông nghiệp và Môi trường
|
Sở Tư pháp
|
Năm 2026
|
"""


def test_flattened_task_table_with_merged_cells() -> None:
    """A header cell written once over two sub-headers ("Cơ quan thực hiện" over "Chủ trì |
    Phối hợp") and a row whose other cells are merged from the row above."""
    tasks = extract_text(TABLE_PAGE, "kh.md").tasks
    assert [
        (t.text, [a.name for a in t.lead], [a.name for a in t.cooperating], str(t.deadline))
        for t in tasks
    ] == [
        (
            "Xây dựng kho dữ liệu dùng chung",
            ["Sở Khoa học và Công nghệ"],
            ["Sở Tài chính"],
            "2026-06-30",
        ),
        (
            "Kết nối kho dữ liệu với hệ thống quốc gia",
            ["Sở Khoa học và Công nghệ"],
            ["Sở Tài chính"],
            "2026-06-30",
        ),
        ("Số hóa hồ sơ đất đai", ["Sở Nông nghiệp và Môi trường"], ["Sở Tư pháp"], "2026-12-31"),
    ]  # the item that only points to the appendix is not a task


OTHER_PORTAL = """Cơ sở dữ liệu văn bản
Số ký hiệu: 45/KH-UBND
Ngày ban hành: 05/01/2026
Loại văn bản: Kế hoạch
Cơ quan ban hành/ Chức danh / Người ký: Ủy ban nhân dân tỉnh Lai Châu
Trích yếu: Chuyển đổi số năm 2026
ỦY BAN NHÂN DÂN TỈNH LAI CHÂU
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 45/KH-UBND
Lai Châu, ngày 05 tháng 01 năm 2026
KẾ HOẠCH
Chuyển đổi số năm 2026
1. Sở Khoa học và Công nghệ chủ trì triển khai nền tảng số dùng chung.
Văn bản gốc
Thực hiện Nghị định 13/2023/NĐ-CP, chúng tôi bảo vệ dữ liệu cá nhân.
"""


def test_a_portal_with_labels_on_one_line() -> None:
    """Another portal's shape: labels and values on one line, no table residue."""
    view = markup_view(OTHER_PORTAL)
    assert view.portal["number"] == "45/KH-UBND" and view.portal["date"] == "05/01/2026"
    ex = extract_text(OTHER_PORTAL, "page.txt")
    assert ex.document.number == "45/KH-UBND" and str(ex.document.date) == "2026-01-05"
    assert ex.references == []  # the footer's decree is not a reference
    assert [[a.name for a in t.lead] for t in ex.tasks] == [["Sở Khoa học và Công nghệ"]]


GROUPED_TABLE_PAGE = """**ỦY BAN NHÂN DÂN**
**TỈNH HÀ NAM**
Số: 77/KH-UBND
*Hà Nam, ngày 02 tháng 3 năm 2026*
**KẾ HOẠCH**
**Phát triển kinh tế số năm 2026**
**I. NHIỆM VỤ**
Các sở, ngành thực hiện các nhiệm vụ tại Phụ lục kèm theo.
**PHỤ LỤC**
**DANH MỤC NHIỆM VỤ**
|
**A**
|
**KINH TẾ SỐ NGÀNH**
|
|
**I**
|
**Nông nghiệp**
|
|
**Nội dung**
|
**Đơn vị thực hiện**
|
**Đơn vị phối hợp**
|
**Thời gian thực hiện**
|
|
1.1
|
Xây dựng sàn giao dịch nông sản
|
Sở Công Thương
|
Sở Tài chính
|
2026 - 2027
|
|
1.2
|
Số hóa dữ liệu đất trồng lúa
|
Sở Nông nghiệp và Môi trường
|
Sở Tư pháp
|
Năm 2026
|
"""


def test_a_table_whose_header_comes_under_group_rows() -> None:
    """Group rows of two cells ("A | KINH TẾ SỐ NGÀNH") above a header of four: the header is
    one row, and the data rows, one cell wider (their number), keep their columns."""
    tasks = extract_text(GROUPED_TABLE_PAGE, "kh.md").tasks
    assert [
        (t.text, [a.name for a in t.lead], [a.name for a in t.cooperating], str(t.deadline))
        for t in tasks
    ] == [
        ("Xây dựng sàn giao dịch nông sản", ["Sở Công Thương"], ["Sở Tài chính"], "2027-12-31"),
        (
            "Số hóa dữ liệu đất trồng lúa",
            ["Sở Nông nghiệp và Môi trường"],
            ["Sở Tư pháp"],
            "2026-12-31",
        ),
    ]


LINKED = """**ỦY BAN NHÂN DÂN**
**TỈNH HÀ NAM**
Số: 78/KH-UBND
*Hà Nam, ngày 03 tháng 3 năm 2026*
**KẾ HOẠCH**
**Chuyển đổi số năm 2026**
Thực hiện [Nghị quyết số 57-NQ/TW](https://thuvienphapluat.vn/van-ban/nq-57.aspx) ngày 22/12/2024 của Bộ Chính trị, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:
**I. NHIỆM VỤ**
1. Sở Tài chính bố trí kinh phí.
"""


def test_a_markdown_link_reads_as_its_words() -> None:
    """ "[Nghị quyết số 57-NQ/TW](https://portal/…) ngày 22/12/2024": the link's words keep their
    date and relation, and the portal's name in the address does not make it a site line."""
    view = markup_view(LINKED).text
    assert len(view) == len(LINKED) and "https" not in view and "[" not in view
    refs = [(r.number, str(r.date), r.relation) for r in extract_text(LINKED, "kh.md").references]
    assert refs == [("57-NQ/TW", "2024-12-22", "implements")]


WRAPPED_NOTICE = """|
**VĂN PHÒNG CHÍNH PHỦ**
-------
|
**CỘNG HÒA XÃ
HỘI CHỦ NGHĨA VIỆT NAM**
|
Số: 512/TB-VPCP
|
*Hà Nội, ngày
10 tháng 3 năm 2026*
|
|
**THÔNG BÁO**
**KẾT LUẬN CỦA PHÓ THỦ TƯỚNG CHÍNH PHỦ TẠI CUỘC HỌP VỀ PHÁT TRIỂN
HẠ TẦNG SỐ**
Phó Thủ tướng Chính phủ kết luận như sau:
**1. Về hạ tầng số**
Bộ Khoa học và Công nghệ hướng dẫn các địa phương phát triển trạm
phát sóng. Bộ Tài chính bố trí kinh phí cho hạ tầng số.
**2. Về dữ liệu
dùng chung**
Bộ Công an chủ trì kết nối cơ sở dữ liệu dân cư với các
cơ sở dữ liệu chuyên ngành.
Văn phòng Chính phủ thông báo để các cơ quan biết, thực hiện./.
|
*Nơi nhận:*
- Lưu: VT.
"""


def test_bold_lines_of_a_wrapped_page_are_paragraphs_of_their_own() -> None:
    """A page wrapped with nothing between paragraphs sets its headings in bold: a bold line
    (or a bold heading wrapped over two lines) ends where the bold ends, so the sentence
    under it is not read as the heading's tail and its doer is found."""
    view = markup_view(WRAPPED_NOTICE)
    lines = WRAPPED_NOTICE.split("\n")
    opened = {WRAPPED_NOTICE.count("\n", 0, at) for at in view.breaks}
    assert lines.index("**1. Về hạ tầng số**") in opened
    assert lines.index("**2. Về dữ liệu") in opened
    assert lines.index("dùng chung**") + 1 in opened  # the line after the heading
    assert lines.index("cơ sở dữ liệu chuyên ngành.") not in opened
    tasks = extract_text(WRAPPED_NOTICE, "tb.md").tasks
    assert [(t.text.split()[0:3], [a.name for a in t.lead]) for t in tasks] == [
        (["Bộ", "Khoa", "học"], ["Bộ Khoa học và Công nghệ"]),
        (["Bộ", "Tài", "chính"], ["Bộ Tài chính"]),
        (["Bộ", "Công", "an"], ["Bộ Công an"]),
    ]


def test_bold_that_closes_inside_a_line_or_runs_on_is_not_a_heading() -> None:
    """ "**Điều 1.** Phê duyệt …" keeps its sentence; a bold phrase the next line goes on in
    lower case does not break the paragraph."""
    page = "|\n|\n|\n**Điều 1.** Phê duyệt Kế hoạch\nthực hiện.\n**Giao Sở Tài chính**\nchủ trì.\n"
    view = markup_view(page)
    lines = page.split("\n")
    opened = {page.count("\n", 0, at) for at in view.breaks}
    assert lines.index("**Điều 1.** Phê duyệt Kế hoạch") not in opened
    assert lines.index("chủ trì.") not in opened


_FIRST_ITEM = (
    "**1. Về hạ tầng số**\nBộ Khoa học và Công nghệ hướng dẫn các địa phương phát triển trạm\n"
    "phát sóng. Bộ Tài chính bố trí kinh phí cho hạ tầng số.\n"
)


@pytest.mark.parametrize(
    ("heading", "body"),
    [
        # "1. Bộ Tài chính:" then "a) …": "a)" opens an item although it is in lower case
        ("1. Bộ Tài chính:\n", "Bộ Tài chính"),
        # a bold heading with no colon ends where its bold ends
        ("**1. Giám đốc Sở Tài chính**\n", "Sở Tài chính"),
        # a plain heading with no stop: its first item "a) …" opens in lower case
        ("1. Giám đốc Sở Tài chính\n", "Sở Tài chính"),
        # a Party document numbers its headings "1-", "2-"
        ("1- Đảng ủy Ủy ban nhân dân tỉnh\n", "Đảng ủy Ủy ban nhân dân tỉnh"),
    ],
)
def test_lettered_items_under_a_body_on_a_wrapped_page(heading: str, body: str) -> None:
    """On a page wrapped with nothing between paragraphs, the lettered items on the lines
    after a heading naming a body are tasks of that body, each of its own."""
    page = WRAPPED_NOTICE.replace(
        _FIRST_ITEM,
        heading + "a) Bố trí kinh phí cho hạ tầng số trong năm\n2026;\n"
        "b) Hướng dẫn các địa phương lập dự toán.\n",
    )
    tasks = extract_text(page, "tb.md").tasks
    assert [(t.text.split()[0], [a.name for a in t.lead]) for t in tasks[:2]] == [
        ("Bố", [body]),
        ("Hướng", [body]),
    ]


def test_underscore_emphasis_is_markup_but_an_underscore_inside_a_word_is_not() -> None:
    """ "**_Nơi nhận:_**" is "Nơi nhận:" in bold italics, so the closing block is found and its
    signer read; "bao_cao_2025.pdf" keeps its underscores."""
    page = WRAPPED_NOTICE.replace("*Nơi nhận:*", "**_Nơi nhận:_**\n- Tệp: bao_cao_2025.pdf")
    page = page.replace(
        "- Lưu: VT.", "- Lưu: VT.\n|\n**KT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG**\n\n**Trần Văn Bình**"
    )
    view = markup_view(page)
    assert "Nơi nhận:" in view.text and "_Nơi" not in view.text
    assert "bao_cao_2025.pdf" in view.text
    assert extract_text(page, "tb.md").document.signer == "Trần Văn Bình"


ROW_PORTAL = """CƠ SỞ DỮ LIỆU VĂN BẢN
[Trang chủ] [Văn bản địa phương]
|
**Số ký hiệu** | 61/NQ-HĐND | **Ngày ban hành** | 10/12/2025
**Loại văn bản** | Nghị quyết | **Ngày có hiệu lực** | 10/12/2025
**Cơ quan ban hành / Chức danh / Người ký** | Hội đồng nhân dân tỉnh Gia Lai / Chủ tịch / Lê Văn An
|

|
**HỘI ĐỒNG NHÂN DÂN
TỈNH GIA LAI**
|
**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**
|
|
Số: 61/NQ-HĐND
|
*Gia Lai, ngày 10 tháng 12 năm 2025*
|

**NGHỊ QUYẾT**

**VỀ CHƯƠNG TRÌNH GIÁM SÁT NĂM 2026**

**Điều 1.** Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này.
"""


def test_a_metadata_table_saved_as_rows_of_label_and_value_cells() -> None:
    """A portal whose metadata table is rows of "**label** | value | **label** | value" (and
    one label for three facts) is a banner: its facts are the fallback and the document's
    own letterhead gives the issuer, not the site's name."""
    view = markup_view(ROW_PORTAL)
    assert view.portal["number"] == "61/NQ-HĐND"
    assert view.portal["doc_type"] == "Nghị quyết"
    assert view.portal["signer"] == "Lê Văn An"
    assert "CƠ SỞ DỮ LIỆU" not in view.text
    doc = extract_text(ROW_PORTAL, "nq.md").document
    assert (doc.number, doc.issuer.name if doc.issuer else None) == (
        "61/NQ-HĐND",
        "Hội đồng nhân dân tỉnh Gia Lai",
    )


SIGNED_THEN_APPENDIX = """**KẾ HOẠCH**
**Giảm bụi mịn ở đô thị**
1. Sở Xây dựng chủ trì rà soát các công trường.
|
*Nơi nhận:*
- Như trên;
- Lưu: VT.
|
**TM. ỦY BAN NHÂN DÂN**
**CHỦ TỊCH**
**Lê Văn B**
|
**PHỤ LỤC**
BẢNG PHÂN CÔNG NHIỆM VỤ
*(Kèm theo Kế hoạch số 12/KH-UBND)*
|
**STT**
|
**Cơ quan chủ trì**
|
**Thuộc nhóm nhiệm vụ**
|
**Nội dung nhiệm vụ**
|
**Chỉ tiêu đạt được**
|
**Thời hạn hoàn thành**
|
|
1
|
Sở Xây dựng
|
Kiểm soát bụi
|
Lắp trạm rửa xe tại các công trường lớn
|
Trạm rửa xe hoạt động
|
Năm 2026
|
"""


def test_an_appendix_caption_after_the_signature_table_opens_a_new_table() -> None:
    """The signature table's closing pipe is followed straight by "PHỤ LỤC": the caption and
    the appendix table's header are not more cells of the signature row, so the appendix
    rows are read as tasks with their lead and time."""
    rows = [
        [" ".join(c.split()) for c in ln.split("\t")]
        for ln in markup_view(SIGNED_THEN_APPENDIX).text.splitlines()
        if "\t" in ln
    ]
    assert rows[0] == ["Nơi nhận: - Như trên; - Lưu: VT.", "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Lê Văn B"]
    assert rows[1][:2] == ["STT", "Cơ quan chủ trì"]
    tasks = extract_text(SIGNED_THEN_APPENDIX, "kh.md").tasks
    row = [t for t in tasks if "rửa xe" in t.text]
    assert [(t.text, [a.name for a in t.lead], str(t.deadline)) for t in row] == [
        ("Lắp trạm rửa xe tại các công trường lớn", ["Sở Xây dựng"], "2026-12-31")
    ]


BLANK_CELL_TABLE = """**KẾ HOẠCH**
**Số hóa hồ sơ**
I. NHIỆM VỤ
|
STT
|
Tên nhiệm vụ
|
Cơ quan chủ trì
|
Thời gian triển khai
|
|
I
|
CƠ CHẾ, CHÍNH SÁCH
|

|

|
|
1
|
Rà soát quy định về hồ sơ điện tử của công trình
|
Sở Xây dựng
|
2026
|
"""


def test_an_empty_cell_written_as_a_blank_line_keeps_the_table() -> None:
    """A page saved without its bold writes an empty cell ("** **") as a blank line between
    two pipes: that is a cell of the group row, not the end of the table."""
    tasks = extract_text(BLANK_CELL_TABLE, "kh.md").tasks
    assert [(t.text, [a.name for a in t.lead], str(t.deadline)) for t in tasks] == [
        ("Rà soát quy định về hồ sơ điện tử của công trình", ["Sở Xây dựng"], "2026-12-31")
    ]


TARGETS_TABLE = """**KẾ HOẠCH**
**Chuyển đổi số**
**PHỤ LỤC**
PHÂN CÔNG THỰC HIỆN CÁC CHỈ TIÊU
|
**TT**
|
**Chỉ tiêu**
|
**Chủ trì**
|
|
|
**I. Kinh
tế số**
|
|
|
1
|
Kinh tế số chiếm 30% GRDP tỉnh.
|
Sở Tài chính
|
|
2
|
Tỷ lệ doanh nghiệp ứng dụng nền tảng số đạt 60%.
|
Sở Khoa học và Công nghệ
|
|
|
**II. Xã hội số**
|
|
|
1
|
Tỷ lệ người dân có tài khoản định danh điện tử đạt 90%.
|
Công an tỉnh
|
"""


def test_a_group_rows_empty_cells_written_as_bare_pipes() -> None:
    """A group row ("| | I. Kinh tế số | |") whose empty cells are bare pipes, no blank line:
    three pipes after it close its last cell, end it and open the next row, whose cells then
    stay in their columns. A target given to a body to lead ("TT | Chỉ tiêu | Chủ trì") is
    that body's task; the group rows are none."""
    tasks = extract_text(TARGETS_TABLE, "kh.md").tasks
    assert [(t.text, [a.name for a in t.lead]) for t in tasks] == [
        ("Kinh tế số chiếm 30% GRDP tỉnh.", ["Sở Tài chính"]),
        ("Tỷ lệ doanh nghiệp ứng dụng nền tảng số đạt 60%.", ["Sở Khoa học và Công nghệ"]),
        ("Tỷ lệ người dân có tài khoản định danh điện tử đạt 90%.", ["Công an tỉnh"]),
    ]


MARKDOWN_ROWS = """| **Số hiệu:** | 31/KH-UBND |
|---|---|
| **Loại văn bản:** | Kế hoạch |
| **Nơi ban hành:** | Tỉnh Lạng Sơn |
| **Người ký:** | Lê Văn B |
| **Ngày ban hành:** | 02/3/2026 |
| **ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN** ------- | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM** Độc lập - Tự do - Hạnh phúc --------------- |
| Số: 31/KH-UBND | *Lạng Sơn, ngày 02 tháng 3 năm 2026* |

**KẾ HOẠCH**
**Số hóa hồ sơ công trình**

**I. NHIỆM VỤ**

| **STT** | **Tên nhiệm vụ** | **Cơ quan chủ trì** | **Thời gian hoàn thành** |
|---|---|---|---|
| 1 | Rà soát quy định về hồ sơ điện tử của công trình | Sở Xây dựng | Năm 2026 |
| 2 | Xây dựng cơ sở dữ liệu công trình | Sở Khoa học và Công nghệ | Quý IV/2026 |

**II. TỔ CHỨC THỰC HIỆN**

Thời gian: các sở báo cáo kết quả trước ngày 15/12/2026.
1. Sở Tài chính bố trí kinh phí thực hiện Kế hoạch.
Ghi chú: Kế hoạch này thay thế Kế hoạch năm 2025.

| *Nơi nhận:* - Như trên; - Lưu: VT. | **KT. CHỦ TỊCH** **PHÓ CHỦ TỊCH** **Trần Văn Cường** |
"""


def test_tables_written_one_line_per_row_read_as_tables() -> None:
    """A converter that writes tables as Markdown rows ("| a | b |", a rule under the header)
    gives the same facts as a page whose tables are flattened one cell per line: the portal's
    metadata table, the letterhead row and the task table."""
    e = extract_text(MARKDOWN_ROWS, "kh.md")
    assert (e.document.number, e.document.doc_type, str(e.document.date)) == (
        "31/KH-UBND",
        "Kế hoạch",
        "2026-03-02",
    )
    assert e.document.issuer is not None and e.document.issuer.name.endswith("Lạng Sơn")
    assert e.document.signer == "Trần Văn Cường"  # the signature row, not the portal's signer
    assert [(t.text, [a.name for a in t.lead], str(t.deadline)) for t in e.tasks][:2] == [
        ("Rà soát quy định về hồ sơ điện tử của công trình", ["Sở Xây dựng"], "2026-12-31"),
        ("Xây dựng cơ sở dữ liệu công trình", ["Sở Khoa học và Công nghệ"], "2026-12-31"),
    ]
    assert any(t.lead and t.lead[0].name == "Sở Tài chính" for t in e.tasks)


def test_a_portals_related_list_and_privacy_line_yield_no_reference() -> None:
    """ "**Văn bản liên quan:**" (with its colon), "Văn bản liên quan cùng nội dung:" and a
    privacy line citing the decree on personal data are the site's, not the document's."""
    from policy_lineage.loaders.pipeline import extract_text

    body = (
        "**ỦY BAN NHÂN DÂN**\n\n**TỈNH LÀO CAI**\n\nSố: 12/KH-UBND\n\n"
        "*Lào Cai, ngày 5 tháng 1 năm 2026*\n\n**KẾ HOẠCH**\n\n**Chuyển đổi số năm 2026**\n\n"
        "1. Sở Khoa học và Công nghệ hướng dẫn các xã triển khai.\n\n"
    )
    for tail in (
        "**Văn bản liên quan:**\n* Quyết định 18/2021/QĐ-TTg quy định về dự báo\n\n"
        "Thông tin cá nhân người truy cập được bảo vệ theo Nghị định 13/2023/NĐ-CP.\n",
        "Văn bản liên quan cùng nội dung:\n\\- Quyết định 5316/QĐ-BYT năm 2020\n\n"
        "Chính sách quyền riêng tư: dữ liệu cá nhân được xử lý theo Nghị định 13/2023/NĐ-CP.\n",
        # other names of the list, and a footer's licence line
        "**Văn bản cùng lĩnh vực**\n\n- [Kế hoạch 205/KH-UBND chuyển đổi số năm 2025](#)\n\n"
        "Giấy phép số 12/GP-TTĐT do Sở Thông tin và Truyền thông cấp ngày 15/3/2021.\n",
        "Tin liên quan\n\n- Quyết định 1085/QĐ-UBND phê duyệt danh mục nhiệm vụ\n",
    ):
        refs = extract_text(body + tail, "kh.md").references
        assert not refs, [r.number for r in refs]


# a commune portal's page: a menu line, a news summary, the metadata table as a Markdown table
# (a header row and a rule, labels with no colon), then the letterhead; and a ministry's page
# whose issuer block stands a blank line above the motto, its subject line as long as prose
PIPE_TABLE_PORTAL = """**CỔNG THÔNG TIN ĐIỆN TỬ XÃ HÒA BÌNH - TỈNH TÂY NINH**

TRANG CHỦ | GIỚI THIỆU | TIN TỨC | **VĂN BẢN** | Liên hệ

Ngày 02/10/2025, Ban Chấp hành Đảng bộ xã đã ban hành Kế hoạch chuyển đổi số năm 2026. Cổng
thông tin điện tử xã trân trọng giới thiệu toàn văn Kế hoạch.

| Số ký hiệu | 14-KH/ĐU |
|---|---|
| Loại văn bản | Kế hoạch |
| Cơ quan ban hành | Đảng ủy xã Hòa Bình |
| Người ký | Trần Văn Tâm |
| Ngày ban hành | 02/10/2025 |

---

| ĐẢNG BỘ TỈNH TÂY NINH **ĐẢNG ỦY XÃ HÒA BÌNH** \\* Số 14-KH/ĐU | **ĐẢNG CỘNG SẢN VIỆT NAM** *Hòa Bình, ngày 02 tháng 10 năm 2025* |
|---|---|

**KẾ HOẠCH**

**Chuyển đổi số năm 2026**

1. Văn phòng Đảng ủy chủ trì số hóa hồ sơ, hoàn thành trong Quý I/2026.
"""

BLANK_ABOVE_MOTTO = """BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG - CỔNG THÔNG TIN ĐIỆN TỬ

[Trang chủ](#) | [Văn bản chỉ đạo](#) | [Liên hệ](#)

| | |
|---|---|
| **Số hiệu** | 2210/BNNMT-TL |
| **Loại văn bản** | Công văn |
| **Nơi ban hành** | Bộ Nông nghiệp và Môi trường |
| **Ngày ban hành** | 06/11/2025 |
| **Độ khẩn** | Khẩn |

---

**BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG**
-------
Số: 2210/BNNMT-TL
V/v chủ động phòng, chống hạn hán, xâm nhập mặn vụ Đông Xuân năm 2025 - 2026
tại các tỉnh Đồng bằng sông Cửu Long

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**
**Độc lập - Tự do - Hạnh phúc**
*Hà Nội, ngày 06 tháng 11 năm 2025*

**KHẨN**

Kính gửi: Ủy ban nhân dân các tỉnh Đồng bằng sông Cửu Long.

1. Rà soát, cập nhật phương án phòng, chống hạn hán, xâm nhập mặn trước ngày 30/11/2025.
"""


@pytest.mark.parametrize(
    ("page", "facts"),
    [
        (PIPE_TABLE_PORTAL, {"number": "14-KH/ĐU", "issuer": "Đảng ủy xã Hòa Bình"}),
        (BLANK_ABOVE_MOTTO, {"number": "2210/BNNMT-TL", "doc_type": "Công văn"}),
    ],
)
def test_a_metadata_table_saved_as_a_markdown_table_is_the_portals(page, facts) -> None:
    """Labels in the cells of a Markdown table need no colon: the table is the portal's, and
    the banner, menu and summary above it are dropped."""
    view = markup_view(page)
    assert {k: view.portal.get(k) for k in facts} == facts
    assert "TRANG CHỦ" not in view.text and "Trang chủ" not in view.text
    assert "trân trọng giới thiệu" not in view.text


def test_the_letterhead_after_the_portal_table_is_read_whole() -> None:
    """The document's own letterhead still gives its facts: the issuer's block a blank line
    above the motto, its number and its subject line (as long as a line of prose) are the
    document's, not the portal's summary."""
    doc = extract_text(PIPE_TABLE_PORTAL, "kh.md").document
    assert (doc.number, doc.doc_type, str(doc.date)) == ("14-KH/ĐU", "Kế hoạch", "2025-10-02")
    assert doc.issuer is not None and doc.issuer.name == "Đảng ủy xã Hòa Bình"
    ex = extract_text(BLANK_ABOVE_MOTTO, "cv.md")
    doc = ex.document
    assert doc.issuer is not None and doc.issuer.name == "Bộ Nông nghiệp và Môi trường"
    assert doc.title is not None and doc.title.startswith("Chủ động phòng, chống hạn hán")
    assert doc.title.endswith("Đồng bằng sông Cửu Long")
    assert "Khẩn" not in doc.issuer.name


def test_a_saved_page_copied_with_tabs_reads_as_the_saved_page() -> None:
    """The same commune page with its tables' cells apart by tabs (copied from a browser):
    the menu is not the issuer; the letterhead row gives the facts."""
    tabbed = "\n".join(
        "\t".join(c.strip() for c in ln.strip().strip("|").split("|"))
        if ln.startswith("|") or " | " in ln
        else ln
        for ln in PIPE_TABLE_PORTAL.split("\n")
        if not re.fullmatch(r"\|?(?:-{3}\|?)+", ln.strip())
    )
    assert "|" not in tabbed
    for text in (PIPE_TABLE_PORTAL, tabbed):
        doc = extract_text(text, "kh.md").document
        assert (doc.number, doc.doc_type, str(doc.date)) == ("14-KH/ĐU", "Kế hoạch", "2025-10-02")
        assert doc.issuer is not None and doc.issuer.name == "Đảng ủy xã Hòa Bình"


# one document, saved by portals of several shapes: the facts must not depend on the wrapper
LETTER = """**BỘ XÂY DỰNG**
Số: 96/CĐ-BXD

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**
**Độc lập - Tự do - Hạnh phúc**
*Hà Nội, ngày 22 tháng 11 năm 2025*

**CÔNG ĐIỆN**

**Về việc tập trung ứng phó mưa lũ tại khu vực Trung Bộ**

**BỘ TRƯỞNG BỘ XÂY DỰNG điện:**
- Sở Xây dựng các tỉnh, thành phố từ Hà Tĩnh đến Khánh Hòa.

Thực hiện Công điện số 227/CĐ-TTg ngày 20/11/2025 của Thủ tướng Chính phủ, Bộ trưởng yêu cầu:

1. Cục Đường bộ Việt Nam kiểm tra, bảo đảm giao thông trên các quốc lộ trước ngày 30/11/2025.
"""
WRAPPERS = {
    "menu and breadcrumb, no metadata": (
        "**CỔNG THÔNG TIN ĐIỆN TỬ XÃ AN BÌNH - TỈNH QUẢNG NGÃI**\n\nTRANG CHỦ | GIỚI THIỆU | "
        "**VĂN BẢN** | Liên hệ\n\nTrang chủ > Văn bản > Văn bản chỉ đạo\n\n"
    ),
    "a Markdown metadata table": (
        "[Trang chủ](#) | [Văn bản](#)\n\n| Số ký hiệu | 96/CĐ-BXD |\n|---|---|\n"
        "| Loại văn bản | Công điện |\n| Cơ quan ban hành | Bộ Xây dựng |\n"
        "| Ngày ban hành | 22/11/2025 |\n\n---\n\n"
    ),
    "labels with colons": (
        "Trang chủ / Văn bản\n\nSố hiệu: 96/CĐ-BXD\nLoại văn bản: Công điện\n"
        "Nơi ban hành: Bộ Xây dựng\nNgày ban hành: 22/11/2025\n\n"
    ),
    # a page copied from a browser into a text file: its tables' cells apart by tabs
    "copied from a browser, cells apart by tabs": (
        "Trang chủ\tVăn bản\tLiên hệ\n\nSố ký hiệu\t96/CĐ-BXD\tLoại văn bản\tCông điện\n"
        "Cơ quan ban hành\tBộ Xây dựng\tNgày ban hành\t22/11/2025\n\n"
    ),
}


@pytest.mark.parametrize("wrapper", sorted(WRAPPERS))
def test_a_documents_facts_do_not_depend_on_the_portals_wrapper(wrapper: str) -> None:
    def facts(text: str):
        ex = extract_text(text, "cd.md", markup=True)
        d = ex.document
        refs = sorted((r.number, r.relation) for r in ex.references)
        return (d.number, d.doc_type, d.issuer and d.issuer.name, str(d.date), d.title, refs)

    plain = facts(LETTER)
    assert plain[:4] == ("96/CĐ-BXD", "Công điện", "Bộ Xây dựng", "2025-11-22")
    assert facts(WRAPPERS[wrapper] + LETTER) == plain
    view = markup_view(WRAPPERS[wrapper] + LETTER)
    assert "Trang chủ" not in view.text and "TRANG CHỦ" not in view.text


# A plan converted to Markdown by a converter that escapes what could read as Markdown
# ("1\." for "1.", "\(1\)" for "(1)", "\-" for a dash), with its letterhead as a Markdown
# table: no lone "|" lines and no bold, so nothing else says it is Markdown.
ESCAPED = """| ỦY BAN NHÂN DÂN TỈNH AN GIANG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc |
|----|----|
| Số: 88/KH-UBND | An Giang, ngày 3 tháng 3 năm 2026 |

KẾ HOẠCH

Triển khai chuyển đổi số năm 2026

\\- Thực hiện Nghị quyết số 57\\-NQ/TW của Bộ Chính trị.

II\\. NHIỆM VỤ

1\\. Sở Tài chính chủ trì, bố trí kinh phí thực hiện, hoàn thành trong tháng 6/2026.

2\\. Sở Nội vụ chủ trì các nhiệm vụ sau:

\\(1\\) Rà soát vị trí việc làm về chuyển đổi số, hoàn thành trong Quý III/2026.

\\(2\\) Tổ chức tập huấn kỹ năng số cho công chức cấp xã\\; báo cáo kết quả trước ngày 15/12/2026.
"""


def test_a_converters_escapes_read_as_the_marks_they_stand_for() -> None:
    view = markup_view(ESCAPED).text
    assert len(view) == len(ESCAPED)
    lines = view.splitlines()
    assert any(ln.startswith(" 1. Sở Tài chính chủ trì") for ln in lines)
    assert any(ln.startswith("  (1) Rà soát") for ln in lines)
    assert " 57-NQ/TW" in view and "\\" not in view.replace("\\;", "")
    # what follows an escaped word keeps its place: the view's words are the page's
    at = ESCAPED.index("Sở Nội vụ")
    assert view[at : at + len("Sở Nội vụ")] == "Sở Nội vụ"


def test_markdown_whose_only_marks_are_escapes_is_read_as_markdown() -> None:
    assert looks_marked_up(ESCAPED)
    assert not looks_marked_up("Ngày 3/3/2026, Sở Tài chính (1) báo cáo.\n1. Một\n2. Hai\n")


def test_tasks_of_an_escaped_conversion_are_those_of_the_plain_text() -> None:
    tasks = extract_text(ESCAPED, "escaped.md").tasks
    got = [(t.text.split(",")[0][:24], [a.name for a in t.lead], str(t.deadline)) for t in tasks]
    assert got == [
        ("Sở Tài chính chủ trì", ["Sở Tài chính"], "2026-06-30"),
        ("Rà soát vị trí việc làm ", ["Sở Nội vụ"], "2026-09-30"),
        ("Tổ chức tập huấn kỹ năng", ["Sở Nội vụ"], "2026-12-15"),
    ]


# A portal's page made Markdown by html2text: tables without outer pipes ("a| b" over
# "---|---"), a header line of its site, the document's blocks as paragraphs.
BARE_ROWS = """## CỔNG THÔNG TIN ĐIỆN TỬ TỈNH

ỦY BAN NHÂN DÂN TỈNH LAI CHÂU| CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc
---|---
Số: 45/KH-UBND| Lai Châu, ngày 9 tháng 3 năm 2026

**KẾ HOẠCH**

**Triển khai chuyển đổi số năm 2026**

STT| Nhiệm vụ| Cơ quan chủ trì| Thời gian hoàn thành
---|---|---|---
1| Xây dựng kho dữ liệu dùng chung của tỉnh| Sở Khoa học và Công nghệ| Quý II/2026
2| Số hóa hồ sơ hộ tịch| Sở Tư pháp| trước ngày 30/9/2026

Nơi nhận: - Như trên; - Lưu: VT.| KT. CHỦ TỊCH PHÓ CHỦ TỊCH Hoàng Văn Nam
---|---
"""


def test_tables_written_without_outer_pipes_read_as_tables() -> None:
    view = markup_view(BARE_ROWS).text
    assert len(view) == len(BARE_ROWS)
    rows = [[c.strip() for c in ln.split("\t")] for ln in view.splitlines() if "\t" in ln]
    assert rows[1] == ["Số: 45/KH-UBND", "Lai Châu, ngày 9 tháng 3 năm 2026"]
    assert rows[3] == [
        "1",
        "Xây dựng kho dữ liệu dùng chung của tỉnh",
        "Sở Khoa học và Công nghệ",
        "Quý II/2026",
    ]
    ex = extract_text(BARE_ROWS, "kh.md", markup=True)
    doc = ex.document
    assert (doc.number, str(doc.date), doc.signer) == ("45/KH-UBND", "2026-03-09", "Hoàng Văn Nam")
    assert doc.issuer is not None and doc.issuer.name == "Ủy ban nhân dân tỉnh Lai Châu"
    got = [([a.name for a in t.lead], str(t.deadline)) for t in ex.tasks]
    assert got == [(["Sở Khoa học và Công nghệ"], "2026-06-30"), (["Sở Tư pháp"], "2026-09-30")]


# A plan whose Word list has levels ("1." over "a)" over "-"), made Markdown by two
# converters: markitdown writes every ordered level as "1.", three spaces in a level; pandoc
# -t gfm writes the second level "1)", four spaces in. Only the indentation keeps the levels.
NESTED_HEAD = """| ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
| --- | --- |
| Số: 77/KH-UBND | Điện Biên, ngày 2 tháng 2 năm 2026 |

KẾ HOẠCH

Chuyển đổi số năm 2026

Thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:

II. TỔ CHỨC THỰC HIỆN

"""
NESTED_MARKITDOWN = (
    NESTED_HEAD
    + """1. Sở Khoa học và Công nghệ:
   1. Chủ trì xây dựng kho dữ liệu dùng chung, hoàn thành trong Quý II/2026.
   2. Hướng dẫn các xã triển khai nền tảng số, hoàn thành trước ngày 30/9/2026.
2. Sở Tài chính:
   1. Bố trí kinh phí thực hiện Kế hoạch:
      * Kinh phí năm 2026, hoàn thành trong tháng 3/2026;
      * Kinh phí các năm sau, hoàn thành trong tháng 12/2026.
"""
)
NESTED_GFM = (
    NESTED_HEAD
    + """1.  Sở Khoa học và Công nghệ:

    1)  Chủ trì xây dựng kho dữ liệu dùng chung, hoàn thành trong Quý
        II/2026.

    2)  Hướng dẫn các xã triển khai nền tảng số, hoàn thành trước ngày
        30/9/2026.

2.  Sở Tài chính:

    1)  Bố trí kinh phí thực hiện Kế hoạch:

        - Kinh phí năm 2026, hoàn thành trong tháng 3/2026;

        - Kinh phí các năm sau, hoàn thành trong tháng 12/2026.
"""
)


@pytest.mark.parametrize("text", [NESTED_MARKITDOWN, NESTED_GFM], ids=["markitdown", "gfm"])
def test_a_lists_levels_written_by_indentation_keep_their_items_under_theirs(text: str) -> None:
    view = markup_view(text).text
    assert len(view) == len(text)
    assert "   a) Chủ trì xây dựng" in view or "    a)  Chủ trì xây dựng" in view
    tasks = extract_text(text, "kh.md", markup=True).tasks  # as a .md file is read
    got = [(t.text[:24], [a.name for a in t.lead]) for t in tasks]
    assert got == [
        ("Chủ trì xây dựng kho dữ ", ["Sở Khoa học và Công nghệ"]),
        ("Hướng dẫn các xã triển k", ["Sở Khoa học và Công nghệ"]),
        ("Kinh phí năm 2026, hoàn ", ["Sở Tài chính"]),
        ("Kinh phí các năm sau, ho", ["Sở Tài chính"]),
    ]


def test_numbers_at_the_margin_after_text_start_no_nesting() -> None:
    text = "1. Một\n\nĐoạn văn ở lề.\n\n   2. Hai\n"
    assert markup_view(text).text == text  # "2." after text at the margin opens no level
    text = "1. Một\n   2. Hai\n      3. Ba\n"
    assert markup_view(text).text == "1. Một\n   b) Hai\n       - Ba\n"


def test_marks_before_a_number_are_no_indentation() -> None:
    text = "2. Huy động nguồn lực.\n\n**1. Sở Khoa học và Công nghệ**\n\n1\\. Sở Nội vụ\n"
    view = markup_view(text).text
    assert "1. Sở Khoa học" in view and "1. Sở Nội vụ" in view


def test_a_table_of_one_column_reads_as_its_paragraphs() -> None:
    """markitdown writes a one-cell box of Word ("DỰ THẢO", a note) as a table of one column."""
    text = "Chuyển đổi số\n\n|  |\n| --- |\n| DỰ THẢO |\n\n1. Sở Y tế chủ trì.\n"
    view = markup_view(text).text
    assert len(view) == len(text) and "|" not in view
    assert [ln.strip() for ln in view.splitlines() if ln.strip()] == [
        "Chuyển đổi số",
        "DỰ THẢO",
        "1. Sở Y tế chủ trì.",
    ]
