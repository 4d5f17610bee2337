"""Which library writes the workbook: openpyxl or XlsxWriter, measured.

Writes the same sheet (``--rows`` task-like rows of Vietnamese text, a date and a flag,
one cell in a hundred starting with "=") with both and prints time, file size, and whether
the "=" cells stayed text; with ``--memory``, the peak of the Python heap (tracemalloc, which
slows both about twofold)::

    python benchmarks/xlsx_writers.py --rows 100000 [--memory]
"""

from __future__ import annotations

import argparse
import tempfile
import time
import tracemalloc
from datetime import date, timedelta
from pathlib import Path

TEXT = "Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính xây dựng Đề án phát triển hạ tầng số {}"


def rows(n: int):
    for i in range(n):
        text = '=HYPERLINK("http://x")' if i % 100 == 0 else TEXT.format(i)
        yield [
            f"task:{i}",
            text,
            "Sở Khoa học và Công nghệ",
            date(2025, 1, 1) + timedelta(i % 365),
            i % 2 == 0,
            "Kế hoạch 254/KH-UBND",
            "examples/dong-thap/x.txt",
        ]


def with_xlsxwriter(path: Path, n: int) -> None:
    import xlsxwriter

    wb = xlsxwriter.Workbook(
        path, {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    )
    ws = wb.add_worksheet("Nhiệm vụ")
    dfmt = wb.add_format({"num_format": "yyyy-mm-dd"})
    wrap = wb.add_format({"text_wrap": True})
    for r, row in enumerate(rows(n)):
        for c, v in enumerate(row):
            if isinstance(v, date):
                ws.write_datetime(r, c, v, dfmt)
            elif c == 1:
                ws.write_string(r, c, v, wrap)
            else:
                ws.write(r, c, v)
    wb.close()


def with_openpyxl(path: Path, n: int) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Nhiệm vụ")
    wrap = Alignment(wrap_text=True)
    for row in rows(n):
        cells = []
        for c, v in enumerate(row):
            cell = WriteOnlyCell(ws, value=v)
            if isinstance(v, str):
                cell.data_type = "s"  # by hand: openpyxl reads "=…" as a formula otherwise
            if isinstance(v, date):
                cell.number_format = "yyyy-mm-dd"
            if c == 1:
                cell.alignment = wrap
            cells.append(cell)
        ws.append(cells)
    wb.save(path)


def formulas_left(path: Path) -> int:
    from openpyxl import load_workbook

    ws = load_workbook(path, read_only=True).worksheets[0]
    return sum(1 for row in ws.iter_rows() for c in row if c.data_type == "f")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--memory", action="store_true", help="also the peak heap (slower)")
    args = ap.parse_args()
    n = args.rows
    with tempfile.TemporaryDirectory() as tmp:
        for name, fn in (("xlsxwriter", with_xlsxwriter), ("openpyxl", with_openpyxl)):
            path = Path(tmp) / f"{name}.xlsx"
            if args.memory:
                tracemalloc.start()
            t = time.perf_counter()
            fn(path, n)
            secs = time.perf_counter() - t
            peak = ""
            if args.memory:
                peak = f"peak {tracemalloc.get_traced_memory()[1] / 1e6:6.1f} MB, "
                tracemalloc.stop()
            print(
                f"{name:10} {n} rows: {secs:5.1f} s, {peak}"
                f"{path.stat().st_size / 1e6:5.1f} MB file, formula cells: {formulas_left(path)}"
            )


if __name__ == "__main__":
    main()
