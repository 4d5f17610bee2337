"""Excel workbooks: tables written with XlsxWriter, for the people who live in Excel.

A :class:`Sheet` is a name, its columns (a ``"Tiếng Việt / English"`` header and a kind)
and its rows; :func:`write_workbook` writes sheets to one ``.xlsx`` file (or a binary
stream). Every sheet looks the same:

* one header row, the Vietnamese words above the English ones in the same cell, bold,
  frozen (it stays while scrolling) and with a filter on every column;
* dates (``date`` columns: a :class:`datetime.date` or an ISO string) are Excel dates shown
  ``dd/mm/yyyy``, so they sort and filter as dates; flags are Excel booleans; numbers are
  numbers; lists are joined with ``"; "``;
* long text (``long`` columns: a task, a title, an evidence sentence) is wrapped in a wide
  column; other columns are as wide as their content, within bounds.

A cell is always written as what it is: text starting with ``=``, ``+``, ``-`` or ``@`` stays
text, because the workbook is opened with XlsxWriter's ``strings_to_formulas``,
``strings_to_urls`` and ``strings_to_numbers`` off and text goes through ``write_string``
(the library's own guard, not an apostrophe added by hand).

Why XlsxWriter (``python benchmarks/xlsx_writers.py --rows 100000``, this 2-core machine):
it wrote 100,000 rows in 5.8 s against openpyxl's 13.5 s (write-only mode), files of the
same size; it only writes, which is all an export needs, and its options above are the
documented guard against formula injection. openpyxl reads the workbooks back in the tests.

>>> import io
>>> buf = io.BytesIO()
>>> write_workbook(buf, [Sheet("Nhiệm vụ - Tasks", [("Thời hạn / Deadline", "date")],
...                            [["2025-12-31"]])])
>>> buf.getvalue()[:2]
b'PK'
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

__all__ = ["Sheet", "write_workbook", "KINDS", "sheet_name", "OCR_HEADER"]

KINDS = ("text", "long", "date", "bool", "number")
# The column that marks a fact read from a page read by OCR (a scan): TRUE means "check it
# against the paper". Workbooks, CSV files and the query tables share it.
OCR_HEADER = "Đọc bằng OCR / Read by OCR"
LIST_JOIN = "; "
DATE_FORMAT = "dd/mm/yyyy"
LONG_WIDTH = 70
MIN_WIDTH, MAX_WIDTH = 8, 40
EXCEL_MAX_CELL = 32_767  # characters Excel holds in one cell
# Control characters XML cannot hold (PDF text has form feeds): a space, as in GraphML.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SHEET_FORBIDDEN = str.maketrans({c: "-" for c in "[]:*?/\\"})


@dataclass
class Sheet:
    """``columns``: (``"Tiếng Việt / English"`` header, kind in :data:`KINDS`)."""

    name: str
    columns: Sequence[tuple[str, str]]
    rows: Iterable[Sequence[Any]] = field(default_factory=list)


def sheet_name(name: str) -> str:
    """A name Excel accepts: at most 31 characters, none of ``[]:*?/\\``.

    >>> sheet_name("Văn bản / Documents")
    'Văn bản - Documents'
    """
    return " ".join(name.translate(_SHEET_FORBIDDEN).split())[:31]


def write_workbook(target: str | Path | IO[bytes], sheets: Sequence[Sheet]) -> None:
    """Write ``sheets`` to ``target``: a path, or a binary stream (stdout's buffer)."""
    import xlsxwriter

    options = {
        "strings_to_formulas": False,
        "strings_to_urls": False,
        "strings_to_numbers": False,
    }
    if isinstance(target, str | Path):
        target = str(target)
        options["constant_memory"] = True  # rows go to disk as they are written
    else:
        options["in_memory"] = True
    workbook = xlsxwriter.Workbook(target, options)
    formats = {
        "header": workbook.add_format(
            {"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#DDEBF7", "border": 1}
        ),
        "long": workbook.add_format({"text_wrap": True, "valign": "top"}),
        "text": workbook.add_format({"valign": "top"}),
        "date": workbook.add_format({"num_format": DATE_FORMAT, "valign": "top"}),
    }
    used: set[str] = set()
    for sheet in sheets:
        name = sheet_name(sheet.name)
        n = 2
        while name.casefold() in used:
            name = sheet_name(sheet.name)[:28] + f" {n}"
            n += 1
        used.add(name.casefold())
        _write_sheet(workbook.add_worksheet(name), sheet, formats)
    workbook.close()


def _write_sheet(ws: Any, sheet: Sheet, formats: dict[str, Any]) -> None:
    rows = [list(r) for r in sheet.rows]
    kinds = [kind for _, kind in sheet.columns]
    headers = [_two_lines(header) for header, _ in sheet.columns]
    for col, kind in enumerate(kinds):
        width = _width(headers[col], kind, (r[col] for r in rows if col < len(r)))
        ws.set_column(col, col, width, None)
    ws.set_row(0, 32)
    for col, header in enumerate(headers):
        ws.write_string(0, col, header, formats["header"])
    for r, row in enumerate(rows, 1):
        for col, kind in enumerate(kinds):
            _write_cell(ws, r, col, row[col] if col < len(row) else None, kind, formats)
    ws.freeze_panes(1, 0)
    if kinds:
        ws.autofilter(0, 0, max(len(rows), 1), len(kinds) - 1)


def _two_lines(header: str) -> str:
    """``"Số hiệu / Number"`` → ``"Số hiệu\\nNumber"``: English beneath the Vietnamese."""
    vi, sep, en = header.partition(" / ")
    return f"{vi}\n{en}" if sep else header


def _width(header: str, kind: str, values: Iterable[Any]) -> float:
    if kind == "long":
        return LONG_WIDTH
    if kind == "date":
        return max(12, *(len(line) + 2 for line in header.split("\n")))
    longest = max((len(line) for line in header.split("\n")), default=0)
    for value in values:
        longest = max(longest, len(_text(value)))
        if longest >= MAX_WIDTH:
            break
    return min(max(longest + 2, MIN_WIDTH), MAX_WIDTH)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return LIST_JOIN.join(str(v) for v in value if v is not None)
    return str(value)


def _as_date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        with contextlib.suppress(ValueError):
            return date.fromisoformat(value)
    return None


def _write_cell(ws: Any, r: int, col: int, value: Any, kind: str, formats: dict) -> None:
    if value is None or value == "" or value == [] or value == ():
        return
    if kind == "date" and (day := _as_date(value)) is not None:
        ws.write_datetime(r, col, datetime(day.year, day.month, day.day), formats["date"])
        return
    if isinstance(value, bool):
        ws.write_boolean(r, col, value)
        return
    if isinstance(value, int | float) and not isinstance(value, bool):
        ws.write_number(r, col, value)
        return
    text = _CONTROL.sub(" ", _text(value))[:EXCEL_MAX_CELL]
    ws.write_string(r, col, text, formats["long" if kind == "long" else "text"])
