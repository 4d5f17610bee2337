"""Documents converted by ``pandoc file.docx -o file.md``: its grid tables (a letterhead, a
signature block: cells of several paragraphs) and multiline tables (a task table), read as
rows (loaders/pandoc_tables.py). The fixtures are documents written for these tests, turned
into Markdown by pandoc 3 itself."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from policy_lineage.loaders.pandoc_tables import pipe_rows
from policy_lineage.loaders.pipeline import extract_source
from policy_lineage.loaders.read_text import read_text

GRID_LETTERHEAD = """\
+-----------------------------------+-----------------------------------+
| ỦY BAN NHÂN DÂN                   | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT    |
|                                   | NAM                               |
| TỈNH AN GIANG                     |                                   |
|                                   | Độc lập - Tự do - Hạnh phúc       |
+===================================+===================================+
| Số: 88/KH-UBND                    | An Giang, ngày 3 tháng 3 năm 2026 |
+-----------------------------------+-----------------------------------+

KẾ HOẠCH

Triển khai chuyển đổi số năm 2026

I\\. MỤC ĐÍCH

Nâng cao hiệu quả chuyển đổi số.

II\\. NHIỆM VỤ

1\\. Sở Tài chính chủ trì, bố trí kinh phí thực hiện, hoàn thành trong
tháng 6/2026.

"""

MULTILINE_TASKS = """\
2\\. Các nhiệm vụ cụ thể:

  -----------------------------------------------------------------------
  TT                Nhiệm vụ          Cơ quan chủ trì   Thời gian hoàn
                                                        thành
  ----------------- ----------------- ----------------- -----------------
  1                 Xây dựng cơ sở dữ Sở Tư pháp        Quý III/2026
                    liệu hộ tịch điện
                    tử của tỉnh và
                    kết nối với hệ
                    thống quốc gia

  2                 Rà soát, chuẩn    Văn phòng Ủy ban  trước ngày
                    hóa thủ tục hành  nhân dân tỉnh     15/11/2026
                    chính trực tuyến
                    toàn trình
  -----------------------------------------------------------------------

"""

GRID_SIGNATURE = """\
+-----------------------------------+-----------------------------------+
| Nơi nhận:                         | TM. ỦY BAN NHÂN DÂN               |
|                                   |                                   |
| \\- Như trên;                      | KT. CHỦ TỊCH                      |
|                                   |                                   |
| \\- Lưu: VT.                       | PHÓ CHỦ TỊCH                      |
|                                   |                                   |
|                                   | Nguyễn Thị Diệu Thúy              |
+===================================+===================================+
"""

PLAN = GRID_LETTERHEAD + MULTILINE_TASKS + GRID_SIGNATURE


def _extract(text: str):
    src = read_text("ke-hoach.md", text.encode("utf-8"), "md")
    return src, extract_source(src)


def test_a_grid_tables_cells_are_joined_over_their_lines() -> None:
    text, tables = pipe_rows(GRID_LETTERHEAD)
    assert tables == 1
    rows = [ln for ln in text.splitlines() if ln.startswith("|")]
    assert rows[0] == (
        "| ỦY BAN NHÂN DÂN TỈNH AN GIANG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do"
        " - Hạnh phúc |"
    )
    assert rows[2] == "| Số: 88/KH-UBND | An Giang, ngày 3 tháng 3 năm 2026 |"


def test_a_multiline_tables_rows_are_apart_by_blank_lines() -> None:
    text, tables = pipe_rows(MULTILINE_TASKS)
    assert tables == 1
    rows = [ln for ln in text.splitlines() if ln.startswith("|")]
    assert rows[0] == "| TT | Nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành |"
    assert rows[2] == (
        "| 1 | Xây dựng cơ sở dữ liệu hộ tịch điện tử của tỉnh và kết nối với hệ thống quốc"
        " gia | Sở Tư pháp | Quý III/2026 |"
    )
    assert rows[3] == (
        "| 2 | Rà soát, chuẩn hóa thủ tục hành chính trực tuyến toàn trình | Văn phòng Ủy ban"
        " nhân dân tỉnh | trước ngày 15/11/2026 |"
    )


def test_a_plan_converted_by_pandoc_gives_its_facts() -> None:
    src, ex = _extract(PLAN)
    assert src.warnings == ["3 pandoc table(s) read as rows"]
    doc = ex.document
    assert (doc.number, doc.doc_type, str(doc.date)) == ("88/KH-UBND", "Kế hoạch", "2026-03-03")
    assert doc.issuer is not None and doc.issuer.name == "Ủy ban nhân dân tỉnh An Giang"
    assert doc.signer == "Nguyễn Thị Diệu Thúy"
    assert doc.title == "Triển khai chuyển đổi số năm 2026"
    got = [(t.text[:20], [a.name for a in t.lead], str(t.deadline)) for t in ex.tasks]
    assert got == [
        ("Sở Tài chính chủ trì", ["Sở Tài chính"], "2026-06-30"),
        ("Xây dựng cơ sở dữ li", ["Sở Tư pháp"], "2026-09-30"),
        ("Rà soát, chuẩn hóa t", ["Văn phòng Ủy ban nhân dân tỉnh"], "2026-11-15"),
    ]


def test_rules_and_headings_of_markdown_are_not_tables() -> None:
    text = (
        "Tiêu đề\n-------\n\nĐoạn một.\n\n---\n\nĐoạn hai.\n\n"
        "| a | b |\n|---|---|\n| 1 | 2 |\n\nMột dòng --- giữa câu.\n"
    )
    assert pipe_rows(text) == (text, 0)


def test_a_txt_file_is_read_as_it_is() -> None:
    """Only a .md file is read for pandoc's tables: a text file keeps its lines."""
    src = read_text("ke-hoach.txt", MULTILINE_TASKS.encode("utf-8"), "txt")
    assert src.warnings == [] and "----------------- -----" in src.text


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["+---+---+", "+===+===+", "| a | b |", "|", "  ------", "  --- ---", "", "x y", "-"]
        ),
        max_size=30,
    )
)
def test_any_arrangement_of_table_lines_reads_without_error(parts: list[str]) -> None:
    text = "\n".join(parts)
    out, tables = pipe_rows(text)
    if tables == 0:
        assert out == text
    else:  # rows only gather lines; a table adds at most its header's rule
        assert out.count("\n") <= text.count("\n") + tables


# pandoc writes a line break inside a paragraph (Shift+Enter in Word: a letterhead's cell, a
# signature block) as a backslash ending the line
HARD_BREAKS = """\
  -----------------------------------------------------------------------
  ỦY BAN NHÂN DÂN\\                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\\
  TỈNH AN GIANG                       Độc lập - Tự do - Hạnh phúc
  ----------------------------------- -----------------------------------
  Số: 88/KH-UBND                      An Giang, ngày 3 tháng 3 năm 2026

  -----------------------------------------------------------------------

KẾ HOẠCH

Triển khai chuyển đổi số năm 2026

1\\. Sở Tài chính chủ trì, bố trí kinh phí thực hiện, hoàn thành trong
tháng 6/2026.

KT. CHỦ TỊCH\\
PHÓ CHỦ TỊCH\\
Nguyễn Văn Hùng
"""


def test_line_breaks_written_as_backslashes_are_no_text() -> None:
    _, ex = _extract(HARD_BREAKS)
    doc = ex.document
    assert doc.issuer is not None and doc.issuer.name == "Ủy ban nhân dân tỉnh An Giang"
    assert doc.signer == "Nguyễn Văn Hùng"
    assert "\\\\" not in (doc.title or "") and str(doc.date) == "2026-03-03"
