"""The .pdf reader: Vietnamese text layer, pages, tables as tab-joined rows."""

from __future__ import annotations

import unicodedata

from policy_lineage.loaders.readers import read_path


def test_pages_are_split_by_form_feed(pdf_file, pdf_lines):
    src = read_path(pdf_file)
    assert src.format == "pdf"
    pages = src.text.split("\f")
    assert len(pages) == 2
    assert src.page_starts == [0, len(pages[0]) + 1]
    assert pages[0].split("\n") == pdf_lines["page1"]


def test_vietnamese_letters_come_out_exact_and_nfc(pdf_file, pdf_lines):
    src = read_path(pdf_file)
    assert unicodedata.is_normalized("NFC", src.text)
    for line in pdf_lines["page1"] + pdf_lines["page2"] + pdf_lines["after"]:
        assert line in src.text
    assert src.warnings == []


def test_table_rows_in_place_tab_joined(pdf_file, pdf_lines, task_rows):
    src = read_path(pdf_file)
    page2 = src.text.split("\f")[1].split("\n")
    assert page2 == [
        *pdf_lines["page2"],
        "\t".join(task_rows["header"]),
        "\t".join(task_rows["row1"]),  # cell text wrapped on two printed lines, joined
        "\t".join(task_rows["row2"]),  # merged cell once
        *pdf_lines["after"],
    ]
    assert src.text.count("Tên nhiệm vụ") == 1  # table text not repeated as plain text


def test_tables_structure_with_page_and_offsets(pdf_file, task_rows):
    src = read_path(pdf_file)
    assert len(src.tables) == 1
    table = src.tables[0]
    assert table.page == 2
    assert [r.cells for r in table.rows] == [
        task_rows["header"],
        task_rows["row1"],
        task_rows["row2"],
    ]
    for row in table.rows:
        assert src.text[row.start : row.end] == "\t".join(row.cells)
        assert row.start >= src.page_starts[1]


def test_row_split_by_a_page_break_is_joined():
    from policy_lineage.loaders.read_pdf import _join_pages

    header = ["TT", "Tên nhiệm vụ", "Cơ quan chủ trì"]
    first = ["2", "Rà soát thủ tục hành chính trên", "Văn phòng Ủy ban"]
    rest = ["", "môi trường điện tử", "nhân dân tỉnh"]
    nxt = ["3", "Báo cáo kết quả", "Sở Nội vụ"]
    row = lambda cells, key: ("\t".join(cells), cells, key)  # noqa: E731
    pages = [
        [("Các nhiệm vụ:", None, None), row(header, (1, 0)), row(first, (1, 0))],
        [("- 2 -", None, None), row(header, (2, 0)), row(rest, (2, 0)), row(nxt, (2, 0))],
    ]
    _join_pages(pages)
    joined = [
        "2",
        "Rà soát thủ tục hành chính trên môi trường điện tử",
        "Văn phòng Ủy ban nhân dân tỉnh",
    ]
    assert pages[0][-1] == row(joined, (1, 0))
    # the repeated header stays (layout marks it), the continuation is gone, one table
    assert pages[1] == [("- 2 -", None, None), row(header, (1, 0)), row(nxt, (1, 0))]
