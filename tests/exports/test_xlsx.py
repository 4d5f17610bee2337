"""The Excel workbook: `export --format xlsx` and `-o FILE.xlsx` of the query commands,
opened with openpyxl as Excel would read them. The facts checked are the corpus's
(tests/test_golden_dongthap.py: the 2025-06 letter gives the Sở Tài chính the financial
incentive resolution, due 2025-09-30), never output copied back from the code."""

from __future__ import annotations

import io
from datetime import datetime

import pytest
from openpyxl import load_workbook

from policy_lineage.exports.formats import export
from policy_lineage.exports.xlsx import Sheet, sheet_name, write_workbook

SHEETS = [
    "Văn bản - Documents",
    "Nhiệm vụ - Tasks",
    "Cơ quan - Bodies",
    "Quan hệ - Links",
    "Trùng lặp - Overlaps",
    "Phát hiện - Findings",
]
TASK_START = "Tham mưu xây dựng Nghị quyết quy định chính sách ưu đãi tài chính"


def _header(ws) -> list[str]:
    return [c.value for c in ws[1]]


def _column(ws, vi: str) -> int:
    """The index of the column whose header starts with the Vietnamese words ``vi``."""
    return next(i for i, h in enumerate(_header(ws)) if h.split("\n")[0] == vi)


@pytest.fixture(scope="module")
def workbook(corpus_graph, tmp_path_factory):
    path = tmp_path_factory.mktemp("xlsx") / "lineage.xlsx"
    export(corpus_graph, "xlsx", path)
    return load_workbook(path)


def test_xlsx_export_has_every_sheet_with_a_frozen_filtered_bilingual_header(workbook):
    assert workbook.sheetnames == SHEETS
    for ws in workbook.worksheets:
        assert ws.freeze_panes == "A2", ws.title
        assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:"), ws.title
        for header in _header(ws):
            vi, en = header.split("\n")  # Vietnamese above, English beneath
            assert vi and en, header


def test_xlsx_export_known_task_lead_and_deadline_as_a_date(workbook):
    ws = workbook["Nhiệm vụ - Tasks"]
    text, lead, deadline = _column(ws, "Nhiệm vụ"), _column(ws, "Chủ trì"), _column(ws, "Thời hạn")
    rows = [r for r in ws.iter_rows(min_row=2) if str(r[text].value).startswith(TASK_START)]
    assert len(rows) == 1
    row = rows[0]
    assert row[lead].value == "Sở Tài chính"
    assert row[deadline].is_date
    assert row[deadline].value == datetime(2025, 9, 30)
    assert row[text].alignment.wrap_text
    assert ws.column_dimensions[ws.cell(1, text + 1).column_letter].width >= 60


def test_xlsx_export_sheets_hold_the_corpus(workbook, corpus_graph):
    assert workbook["Văn bản - Documents"].max_row == 1 + len(corpus_graph.documents)
    assert workbook["Nhiệm vụ - Tasks"].max_row == 1 + len(corpus_graph.tasks)
    assert workbook["Quan hệ - Links"].max_row == 1 + len(corpus_graph.edges)
    # README: one finding (Ban Chỉ đạo 1661 / 1587), six overlap groups
    findings = workbook["Phát hiện - Findings"]
    assert findings.max_row == 2 and findings.cell(2, 1).value == "body_two_numbers"
    overlaps = workbook["Trùng lặp - Overlaps"]
    groups = {r[0].value for r in overlaps.iter_rows(min_row=2)}
    assert groups == {1, 2, 3, 4, 5, 6}
    docs = workbook["Văn bản - Documents"]
    number, day = _column(docs, "Số hiệu"), _column(docs, "Ngày")
    nq57 = next(r for r in docs.iter_rows(min_row=2) if r[number].value == "57-NQ/TW")
    assert nq57[day].value == datetime(2024, 12, 22)


@pytest.mark.parametrize("text", ["=1+1", "+SUM(A1)", "-2+3", "@cmd", '=HYPERLINK("http://x")'])
def test_xlsx_text_that_looks_like_a_formula_stays_text(text):
    buffer = io.BytesIO()
    write_workbook(buffer, [Sheet("T", [("Nhiệm vụ / Task", "long")], [[text]])])
    cell = load_workbook(io.BytesIO(buffer.getvalue())).active.cell(2, 1)
    assert cell.data_type == "s"
    assert cell.value == text  # as written: no apostrophe added by hand


def test_xlsx_sheet_names_are_legal_and_distinct():
    assert sheet_name("a/b: [c]*?" + "x" * 40) == "a-b- -c---" + "x" * 21
    buffer = io.BytesIO()
    write_workbook(
        buffer, [Sheet("Tasks", [("A / A", "text")]), Sheet("tasks", [("A / A", "text")])]
    )
    assert load_workbook(io.BytesIO(buffer.getvalue())).sheetnames == ["Tasks", "tasks 2"]


def test_xlsx_control_characters_and_long_text_survive():
    text = "tab\there\x0cform feed " + "ư" * 40_000
    buffer = io.BytesIO()
    write_workbook(buffer, [Sheet("T", [("Nhiệm vụ / Task", "long")], [[text], [["a", "b"]]])])
    ws = load_workbook(io.BytesIO(buffer.getvalue())).active
    assert ws.cell(2, 1).value.startswith("tab\there form feed")
    assert len(ws.cell(2, 1).value) == 32_767
    assert ws.cell(3, 1).value == "a; b"
