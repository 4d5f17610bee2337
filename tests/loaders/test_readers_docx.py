"""The .docx reader: paragraphs and tables in reading order, merged cells, footnotes."""

from __future__ import annotations

import pytest

from policy_lineage.loaders import errors
from policy_lineage.loaders.readers import read_path
from policy_lineage.loaders.source import ReadError


def test_paragraphs_and_table_in_reading_order(docx_file, task_rows):
    src = read_path(docx_file)
    assert src.format == "docx" and src.encoding is None
    lines = src.text.split("\n")
    assert lines[0] == "KẾ HOẠCH Thực hiện Nghị quyết số 57-NQ/TW"
    assert lines[1] == "Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị"
    assert lines[2] == "Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:"  # tab made a space
    assert lines[3] == "\t".join(task_rows["header"])
    assert lines[4] == "\t".join(task_rows["row1"])  # line break in a cell made a space
    assert lines[5] == "\t".join(task_rows["row2"])  # merged cell once
    assert lines[6] == "Giao Sở Khoa học và Công nghệ theo dõi, đôn đốc thực hiện Kế hoạch này."
    assert len(lines) == 7


def test_table_structure_and_offsets(docx_file, task_rows):
    src = read_path(docx_file)
    assert len(src.tables) == 1
    table = src.tables[0]
    assert table.page is None
    assert [r.cells for r in table.rows] == [
        task_rows["header"],
        task_rows["row1"],
        task_rows["row2"],
    ]
    for row in table.rows:
        assert src.text[row.start : row.end] == "\t".join(row.cells)
        assert src.text[row.start - 1] == "\n" and src.text[row.end] == "\n"


def test_vertically_merged_cell_repeats_in_each_row(make_docx):
    src = read_path(make_docx("v.docx", vertical_merge=True))
    rows = src.tables[0].rows
    assert rows[1].cells[-1] == rows[2].cells[-1] == "Quý IV/2025 Năm 2026"
    assert len(rows[2].cells) == 4  # the horizontal merge still counts once


def test_footnote_reference_and_text(make_docx):
    src = read_path(make_docx("fn.docx", footnote=True))
    lines = src.text.split("\n")
    assert lines[1] == "Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị¹"
    assert lines[-2:] == ["", "¹ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị."]


def test_docx_with_no_text_is_empty(tmp_path):
    from docx import Document

    path = tmp_path / "blank.docx"
    doc = Document()
    doc.add_paragraph("   ")
    doc.save(path)
    with pytest.raises(ReadError) as err:
        read_path(path)
    assert err.value.code == errors.EMPTY


def test_uppercase_suffix(docx_file):
    upper = docx_file.with_name("KE-HOACH.DOCX")
    docx_file.rename(upper)
    assert read_path(upper).format == "docx"


def test_content_control_and_text_box_are_read(tmp_path):
    from docx import Document
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    v = 'xmlns:v="urn:schemas-microsoft-com:vml"'
    doc = Document()
    anchor = doc.add_paragraph("Số: 123/KH-UBND")
    anchor._p.append(
        parse_xml(
            f"<w:r {w} {v}><w:pict><v:shape><v:textbox><w:txbxContent>"
            "<w:p><w:r><w:t>DỰ THẢO</w:t></w:r></w:p>"
            "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
        )
    )
    sdt = parse_xml(
        f"<w:sdt {w}><w:sdtPr/><w:sdtContent>"
        "<w:p><w:r><w:t>Kính gửi: các sở, ban, ngành</w:t></w:r></w:p>"
        "<w:p><w:del><w:r><w:delText>đã xóa</w:delText></w:r></w:del>"
        "<w:r><w:t>Căn cứ</w:t></w:r><w:r><w:tab/><w:t>Luật</w:t></w:r></w:p>"
        "</w:sdtContent></w:sdt>"
    )
    anchor._p.addnext(sdt)
    path = tmp_path / "controls.docx"
    doc.save(path)
    assert read_path(path).text.split("\n") == [
        "Số: 123/KH-UBND",
        "DỰ THẢO",
        "Kính gửi: các sở, ban, ngành",
        "Căn cứ Luật",
    ]
