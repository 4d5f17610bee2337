"""Word's automatic numbering read as the page shows it (loaders/docx_numbering.py): a
plan whose items Word numbers itself ("1.", "a)", "-" drawn from numbering.xml, not typed)
keeps its items, their headings and their leads. The documents are made here with
python-docx, their lists defined as Word defines them."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml

from policy_lineage.loaders.pipeline import extract_source
from policy_lineage.loaders.readers import read_path

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

# one list: "1." at the first level, "a)" under it, "-" under that
ABSTRACT = f"""<w:abstractNum {W} w:abstractNumId="90">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>
</w:abstractNum>"""
NUM = f'<w:num {W} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'
# a second list of the same definition that starts at 3 ("3." goes on a list cut by a table)
NUM_FROM_3 = f"""<w:num {W} w:numId="91"><w:abstractNumId w:val="90"/>
  <w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>"""


def _numbered(p, num_id: int, level: int) -> None:
    p._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {W}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>')
    )


def _plan(path: Path) -> Path:
    d = docx.Document()
    numbering = d.part.numbering_part.element
    numbering.insert(0, parse_xml(ABSTRACT))
    numbering.append(parse_xml(NUM))
    numbering.append(parse_xml(NUM_FROM_3))
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text = (
        "ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    )
    t.cell(1, 0).text, t.cell(1, 1).text = "Số: 77/KH-UBND", "Điện Biên, ngày 2 tháng 2 năm 2026"
    d.add_paragraph("KẾ HOẠCH")
    d.add_paragraph("Chuyển đổi số năm 2026")
    d.add_paragraph("II. TỔ CHỨC THỰC HIỆN")
    items = [
        (90, 0, "Sở Khoa học và Công nghệ:"),
        (90, 1, "Chủ trì xây dựng kho dữ liệu dùng chung, hoàn thành trong Quý II/2026."),
        (90, 1, "Hướng dẫn các xã triển khai nền tảng số, hoàn thành trước ngày 30/9/2026."),
        (90, 0, "Sở Tài chính:"),
        (90, 1, "Bố trí kinh phí thực hiện Kế hoạch:"),
        (90, 2, "Kinh phí năm 2026, hoàn thành trong tháng 3/2026;"),
        (90, 2, "Kinh phí các năm sau, hoàn thành trong tháng 12/2026."),
    ]
    for num_id, level, text in items:
        _numbered(d.add_paragraph(text), num_id, level)
    d.add_table(rows=1, cols=1).cell(0, 0).text = "Bảng"
    _numbered(
        d.add_paragraph(
            "Sở Nội vụ chủ trì rà soát vị trí việc làm, hoàn thành trong tháng 6/2026."
        ),
        91,
        0,
    )
    out = path / "ke-hoach.docx"
    d.save(out)
    return out


def test_the_markers_word_draws_are_in_the_text(tmp_path: Path) -> None:
    lines = read_path(str(_plan(tmp_path))).text.splitlines()
    at = lines.index("II. TỔ CHỨC THỰC HIỆN")
    assert [ln.split(" ")[0] for ln in lines[at + 1 : at + 8]] == [
        "1.",
        "a)",
        "b)",
        "2.",
        "a)",
        "-",
        "-",
    ]
    assert lines[-1].startswith("3. Sở Nội vụ chủ trì")  # the second list starts at 3


def test_a_plan_numbered_by_word_gives_its_tasks_and_leads(tmp_path: Path) -> None:
    ex = extract_source(read_path(str(_plan(tmp_path))))
    got = [(t.text[:24], [a.name for a in t.lead], str(t.deadline)) for t in ex.tasks]
    assert got == [
        ("Chủ trì xây dựng kho dữ ", ["Sở Khoa học và Công nghệ"], "2026-06-30"),
        ("Hướng dẫn các xã triển k", ["Sở Khoa học và Công nghệ"], "2026-09-30"),
        ("Kinh phí năm 2026, hoàn ", ["Sở Tài chính"], "2026-03-31"),
        ("Kinh phí các năm sau, ho", ["Sở Tài chính"], "2026-12-31"),
        ("Sở Nội vụ chủ trì rà soá", ["Sở Nội vụ"], "2026-06-30"),
    ]


def test_a_style_that_numbers_its_paragraphs(tmp_path: Path) -> None:
    """Word's "List Number" and "List Bullet" styles number through the style."""
    d = docx.Document()
    for text in ("Sở Y tế chủ trì.", "Sở Xây dựng chủ trì."):
        d.add_paragraph(text, style="List Number")
    d.add_paragraph("Một ý.", style="List Bullet")
    d.save(tmp_path / "a.docx")
    assert read_path(str(tmp_path / "a.docx")).text.splitlines() == [
        "1. Sở Y tế chủ trì.",
        "2. Sở Xây dựng chủ trì.",
        "• Một ý.",
    ]


@pytest.mark.parametrize(
    ("fmt", "n", "shown"),
    [
        ("lowerLetter", 28, "bb"),
        ("upperRoman", 14, "XIV"),
        ("decimalZero", 7, "07"),
        ("none", 3, ""),
    ],
)
def test_formats_of_a_counter(fmt: str, n: int, shown: str) -> None:
    from policy_lineage.loaders.docx_numbering import _formatted

    assert _formatted(n, fmt) == shown


def test_a_damaged_numbering_definition_reads_the_text_as_it_is(tmp_path: Path) -> None:
    """Nonsense levels and starts (a damaged or hostile file) give plain markers, never an
    error or a counter millions of letters long."""
    d = docx.Document()
    numbering = d.part.numbering_part.element
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum {W} w:abstractNumId="907"><w:lvl w:ilvl="x"><w:start w:val="999999999"/>'
            '<w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum>'
        ),
    )
    numbering.append(parse_xml(f'<w:num {W} w:numId="907"><w:abstractNumId w:val="907"/></w:num>'))
    p = d.add_paragraph("Sở Y tế chủ trì.")
    p._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {W}><w:ilvl w:val="-3"/><w:numId w:val="907"/></w:numPr>')
    )
    d.save(tmp_path / "b.docx")
    assert read_path(str(tmp_path / "b.docx")).text == "999999999) Sở Y tế chủ trì."
