"""`-o FILE.xlsx` on tasks, agency, overlaps, check; `--csv-delimiter`; workbooks to stdout."""

from __future__ import annotations

import csv
import io
from datetime import datetime

import pytest
from openpyxl import load_workbook


def _rows(path) -> list[tuple]:
    return list(load_workbook(path).worksheets[0].iter_rows(values_only=True))


def test_tasks_xlsx_holds_a_known_task(cli, corpus_store, tmp_path):
    out = tmp_path / "nhiem-vu.xlsx"
    result = cli("tasks", "--from", "04-TB/BCĐTW", "--store", corpus_store, "-o", out)
    assert result.exit_code == 0, result.output
    rows = _rows(out)
    header = [h.split("\n")[0] for h in rows[0]]
    assert header[:4] == ["Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời hạn"]
    assert len(rows) == 1 + 18  # the 2025-06 letter's 18 tasks (README)
    task = next(
        r
        for r in rows[1:]
        if r[0].startswith("Tham mưu xây dựng Nghị quyết quy định chính sách đặc thù")
    )
    assert task[1] == "Sở Nội vụ" and task[3] == datetime(2025, 6, 30)


@pytest.mark.parametrize(
    "args, sheets",
    [
        (["agency", "Sở Khoa học và Công nghệ"], ["Nhiệm vụ - Tasks"]),
        (["overlaps"], ["Trùng lặp - Overlaps"]),
        (["check"], ["Tổng hợp - Summary", "Vấn đề - Issues"]),
    ],
)
def test_query_commands_write_workbooks(cli, corpus_store, tmp_path, args, sheets):
    out = tmp_path / "out.xlsx"
    result = cli(*args, "--store", corpus_store, "-o", out)
    assert result.exit_code == 0, result.output
    wb = load_workbook(out)
    assert wb.sheetnames == sheets
    assert wb.worksheets[-1].max_row > 1


def test_overlaps_xlsx_has_six_groups(cli, corpus_store, tmp_path):
    out = tmp_path / "o.xlsx"
    assert cli("overlaps", "--store", corpus_store, "-o", out).exit_code == 0
    assert {r[0] for r in _rows(out)[1:]} == {1, 2, 3, 4, 5, 6}


def test_format_xlsx_goes_to_stdout_as_bytes(cli, corpus_store):
    result = cli("overlaps", "--store", corpus_store, "--format", "xlsx")
    assert result.exit_code == 0
    assert load_workbook(io.BytesIO(result.stdout_bytes)).sheetnames == ["Trùng lặp - Overlaps"]
    result = cli("export", "--format", "xlsx", "--store", corpus_store)
    assert result.exit_code == 0
    assert len(load_workbook(io.BytesIO(result.stdout_bytes)).sheetnames) == 6


def test_a_table_cannot_go_to_a_file(cli, corpus_store, tmp_path):
    result = cli("check", "--store", corpus_store, "-o", tmp_path / "x.txt")
    assert result.exit_code == 2


@pytest.mark.parametrize("delimiter", [";", ","])
def test_csv_delimiter_of_query_commands(cli, corpus_store, delimiter):
    result = cli(
        "tasks",
        "--from",
        "04-TB/BCĐTW",
        "--store",
        corpus_store,
        "--format",
        "csv",
        "--csv-delimiter",
        delimiter,
    )
    rows = list(csv.reader(io.StringIO(result.stdout), delimiter=delimiter))
    assert rows[0][:3] == ["text", "lead", "cooperating"]
    assert len(rows) == 19


def test_export_csv_semicolon_opens_in_columns(cli, corpus_store, tmp_path):
    out = tmp_path / "csv"
    result = cli(
        "export", "--format", "csv", "--csv-delimiter", ";", "-o", out, "--store", corpus_store
    )
    assert result.exit_code == 0, result.output
    raw = (out / "tasks.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["Mã / ID", "Nhiệm vụ / Task", "Chủ trì / Lead"]
    assert {len(r) for r in rows} == {len(rows[0])}


def test_csv_file_output_has_a_bom(cli, corpus_store, tmp_path):
    out = tmp_path / "c.csv"
    assert cli("check", "--store", corpus_store, "-o", out).exit_code == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbfkind,label")


def test_csv_delimiter_only_with_csv(cli, corpus_store, tmp_path):
    result = cli("export", "--format", "ttl", "--csv-delimiter", ";", "--store", corpus_store)
    assert result.exit_code == 2
