"""PDF files (pdfplumber): the text layer, page by page, with ruled tables as rows.

pdfplumber (MIT, on pdfminer.six) was chosen by measurement: it keeps Vietnamese letters
exact and is the one candidate that recovers table cells (``benchmarks/PDF_READERS.md``).

* Pages are joined by ``\\f``; ``page_starts`` gives where each begins.
* Lines come as pdfplumber builds them (a paragraph broken at each printed line; the
  normalizer rebuilds paragraphs downstream).
* Tables that pdfplumber finds from ruling lines are cut out of the page text and put back
  where they stand on the page (ordered by their top edge among the text lines), one line
  per row, cells joined by ``\\t``, newlines inside a cell made spaces. A cell spanning
  columns appears once; a cell spanning rows repeats its text in each row, as the .docx
  reader does. ``SourceText.tables`` records them with their 1-based page number.
* The text is composed to NFC only where the PDF's text layer holds decomposed letters
  (a warning says so); reportlab and LibreOffice PDFs come out NFC already.
* No text on any page: ``NO_TEXT`` (a scan); some pages without text: a warning.
"""

from __future__ import annotations

import re
import subprocess
import unicodedata
from io import BytesIO
from typing import BinaryIO

import pdfplumber
import pypdfium2 as pdfium
from pdfminer.layout import LTChar, LTCurve, LTTextContainer
from pdfplumber import page as _plumber_page

from . import errors, ocr
from .pdf_lines import Word, may_hold_a_table, page_lines, page_words
from .source import ReadError, SourceText, Table, TableRow


def _nfc(text: str, flags: dict) -> str:
    if unicodedata.is_normalized("NFC", text):
        return text
    flags["nfc"] = True
    return unicodedata.normalize("NFC", text)


def _clean_cell(text: str | None) -> str:
    return " ".join((text or "").replace("\t", " ").split("\n")).strip()


def _table_rows(table) -> list[list[str]]:
    """The table's rows, merged cells resolved (see the module docstring)."""
    grid = [list(row.cells) for row in table.rows]
    texts = table.extract()
    ncols = max((len(r) for r in grid), default=0)

    def column(c: int, i: int) -> float | None:
        return min((r[c][i] for r in grid if c < len(r) and r[c]), default=None)

    col_mid = [
        (x0 + x1) / 2 if (x0 := column(c, 0)) is not None and (x1 := column(c, 2)) else None
        for c in range(ncols)
    ]
    row_top = [min((b[1] for b in r if b), default=None) for r in grid]
    seen: dict[tuple[int, int], str] = {}  # grid position -> text of the cell there
    rows: list[list[str]] = []
    for r, row in enumerate(grid):
        cells: list[str] = []
        for c, bbox in enumerate(row):
            if bbox is not None:
                seen[r, c] = _clean_cell(texts[r][c])
                cells.append(seen[r, c])
                continue
            if col_mid[c] is None or row_top[r] is None:
                continue
            x, y = col_mid[c], row_top[r] + 1
            cover = next(
                (
                    (r2, c2)
                    for r2 in range(r, -1, -1)
                    for c2 in range(min(c, len(grid[r2]) - 1), -1, -1)
                    if (b := grid[r2][c2]) and b[0] <= x <= b[2] and b[1] <= y <= b[3]
                ),
                None,
            )
            if cover is None:
                cells.append("")
            elif cover[1] == c and (cover[0], c) in seen:  # spans down: repeat its text
                seen[r, c] = seen[cover[0], c]
                cells.append(seen[r, c])
            # otherwise it spans across from a column on the left, already written
        rows.append(cells)
    return rows


# text, cells of a table row, table id (page number, index on the page)
_Line = tuple[str, list[str] | None, tuple[int, int] | None]
_PAGE_NUMBER = re.compile(r"\s*+(?:trang\s*+)?[-–]?\s*+\d{1,3}\s*+[-–]?\s*+", re.IGNORECASE)


def _page(page, number: int, flags: dict, words: list[Word] | None = None) -> list[_Line]:
    """The page's lines in reading order: its ruled tables as pdfplumber finds them, one line
    per row; the text around them from PDFium's ``words`` of the page when given (its
    columns side by side, :mod:`.pdf_lines`), else as pdfplumber reads it."""
    tables = [t for t in page.find_tables() if len(t.rows) > 1 or len(t.rows[0].cells) > 1]
    boxes = [t.bbox for t in tables]
    items: list[tuple[float, int, _Line]] = []
    rows = page_lines(words, page.width, boxes) if words is not None else None
    if rows is not None:
        for top, cells in rows:
            text = "\t".join(_nfc(c, flags) for c in cells)
            items.append((top, 0, (text, text.split("\t") if len(cells) > 1 else None, None)))
    else:

        def outside(obj) -> bool:
            if obj.get("object_type") != "char":
                return True
            x = (obj["x0"] + obj["x1"]) / 2
            y = (obj["top"] + obj["bottom"]) / 2
            return not any(b[0] <= x < b[2] and b[1] <= y < b[3] for b in boxes)

        text_page = page.filter(outside) if boxes else page
        for line in text_page.extract_text_lines(return_chars=False):
            items.append((line["top"], 0, (_nfc(line["text"], flags), None, None)))
    for k, t in enumerate(tables):
        for i, cells in enumerate(_table_rows(t)):
            cells = [_nfc(c, flags) for c in cells]
            items.append((t.bbox[1], i + 1, ("\t".join(cells), cells, (number, k))))
    items.sort(key=lambda it: (it[0], it[1]))
    out = [line for _, _, line in items]
    if rows is None:
        return out
    # the runs of two columns: rows of one table per run of such lines, as a page without rules
    group = 0
    for i, (text, cells, key) in enumerate(out):
        if cells is not None and key is None:
            if i == 0 or out[i - 1][2] is None or out[i - 1][2][1] < 1000:
                group += 1
            out[i] = (text, cells, (number, 1000 + group))
    return out


def _words_of(page, pdfium_page) -> list[Word] | None:
    """PDFium's words of the page (:func:`.pdf_lines.page_words`), in pdfplumber's
    coordinates; None where those differ (a media box not at the origin) or the characters
    cannot be read so."""
    if tuple(page.mediabox[:2]) != (0, 0) or tuple(pdfium_page.get_mediabox()[:2]) != (0, 0):
        return None
    textpage = pdfium_page.get_textpage()
    try:
        return page_words(textpage, pdfium_page.get_height())
    finally:
        textpage.close()


def _join_pages(pages: list[list[_Line]]) -> None:
    """A table running on from the previous page stays one table; a row split by the page
    break (the continuation has an empty first cell) is joined to its first part, as are two
    runs of columns read without rules (:func:`_column_rows`) on either side of it."""
    first_row: dict[tuple[int, int], list[str]] = {}
    for lines in pages:
        for _, cells, key in lines:
            if key is not None and cells is not None:
                first_row.setdefault(key, cells)
    for p in range(1, len(pages)):
        prev, cur = pages[p - 1], pages[p]
        i = 0
        while i < len(cur) and cur[i][1] is None and _PAGE_NUMBER.fullmatch(cur[i][0]):
            i += 1
        if not prev or i >= len(cur):
            continue
        _, last_cells, last_key = prev[-1]
        _, cells, key = cur[i]
        if last_cells is None or cells is None or len(cells) != len(last_cells):
            continue
        if last_key and key and last_key[1] >= 1000 and key[1] >= 1000:
            # two columns read without rules (a signature block beside "Nơi nhận") running
            # on: one row, each column's text joined
            joined = [
                f"{a} {b}" if a and b else a or b for a, b in zip(last_cells, cells, strict=True)
            ]
            prev[-1] = ("\t".join(joined), joined, last_key)
            del cur[i]
            continue
        for j in range(i, len(cur)):
            if cur[j][2] == key:
                cur[j] = (cur[j][0], cur[j][1], last_key)
        j = i + 1 if cells == first_row.get(last_key) else i  # skip a repeated header
        if j < len(cur) and cur[j][2] == last_key and cur[j][1] is not None:
            more = cur[j][1]
            if not more[0] and any(more[1:]) and len(more) == len(last_cells):
                pairs = zip(last_cells, more, strict=True)
                joined = [f"{a} {b}" if a and b else a or b for a, b in pairs]
                prev[-1] = ("\t".join(joined), joined, last_key)
                del cur[j]


# Values pdfplumber's ``resolve_all`` returns as they are (no reference, list, tuple or dict)
_PLAIN = frozenset({float, int, str, bool, type(None)})
_KIND: dict[type, str] = {}  # pdfminer's class → pdfplumber's object type ("LTChar" → "char")


_DECODED: dict[str, str] = {}  # resolve_and_decode of a colour space's name (a str)


def _resolved(value, resolve_all):
    """``resolve_all(value)``: a plain value as it is, a tuple or list of plain values
    copied (a new one of the same type, as ``resolve_all`` makes), anything else resolved."""
    kind = type(value)
    if kind in _PLAIN:
        return value
    if (kind is tuple or kind is list) and all(type(v) in _PLAIN for v in value):
        return kind(value)
    return resolve_all(value)


def _process_object(page, obj) -> dict:
    """``pdfplumber.Page.process_object`` (0.11.11) for one layout object: the same dict,
    key for key and in the same order, without a function call and a recursive resolve
    per attribute of every character (the plain numbers and strings it returns as they
    are). Half of a PDF's reading time went there, a tenth of a national ingest's work."""
    cls = type(obj)
    kind = _KIND.get(cls)
    if kind is None:
        kind = _KIND[cls] = re.sub(_plumber_page.lt_pat, "", cls.__name__).lower()
    wanted = _plumber_page.ALL_ATTRS
    resolve_all = _plumber_page.resolve_all
    attr = {k: _resolved(v, resolve_all) for k, v in obj.__dict__.items() if k in wanted}
    attr["object_type"] = kind
    attr["page_number"] = page.page_number
    for cs in ("ncs", "scs"):
        if hasattr(obj, cs):
            name = getattr(obj, cs).name
            if type(name) is str:  # a colour space's name, decoded once
                decoded = _DECODED.get(name)
                if decoded is None:
                    decoded = _DECODED[name] = _plumber_page.resolve_and_decode(name)
                attr[cs] = decoded
            else:
                attr[cs] = _plumber_page.resolve_and_decode(name)
    if isinstance(obj, LTChar | LTTextContainer):
        text = obj.get_text()
        norm = page.pdf.unicode_norm
        attr["text"] = _plumber_page.normalize_unicode(norm, text) if norm is not None else text
    if isinstance(obj, LTChar):
        gs = obj.graphicstate
        attr["stroking_color"] = gs.scolor if isinstance(gs.scolor, tuple) else (gs.scolor,)
        attr["non_stroking_color"] = gs.ncolor if isinstance(gs.ncolor, tuple) else (gs.ncolor,)
        if isinstance(attr["fontname"], bytes):
            attr["fontname"] = _plumber_page.fix_fontname_bytes(attr["fontname"])
    elif isinstance(obj, LTCurve):
        attr["pts"] = list(map(page.point2coord, attr["pts"]))
        attr["path"] = [(cmd, *map(page.point2coord, pts)) for cmd, *pts in obj.original_path]
        attr["dash"] = obj.dashing_style
    mb_x0, mb_top = page.mediabox[:2]
    if "y0" in attr:
        attr["top"] = (page.height - attr["y1"]) + mb_top
        attr["bottom"] = (page.height - attr["y0"]) + mb_top
        attr["doctop"] = page.initial_doctop + attr["top"]
    if "x0" in attr and mb_x0 != 0:
        attr["x0"] = attr["x0"] + mb_x0
        attr["x1"] = attr["x1"] + mb_x0
    return attr


# the version whose process_object _process_object repeats (tests/loaders/
# test_extract_speed_pdf.py compares the two on every PDF at hand); another keeps its own
_FAST_OBJECTS = pdfplumber.__version__ == "0.11.11"


def read_pdf(path: str, file: str | BinaryIO) -> SourceText:
    """Read the PDF at ``file`` (a path or a binary stream); ``path`` is the name the user
    gave (for messages). A page without rules is read by PDFium (:mod:`.pdf_lines`); a page
    that may hold a ruled table, or that has no text layer (OCR), by pdfplumber."""
    flags: dict = {}
    pages: list[list[_Line]] = []
    ocr_pages: list[int] = []
    if not isinstance(file, str):
        file = file.read()  # both readers open it; the size was checked before
    plumber = None  # opened for the first page that needs it
    try:
        document = pdfium.PdfDocument(file)
        try:
            for index in range(len(document)):
                number = index + 1
                lines = _page_by_pdfium(document, index, number, flags)
                if lines is None:
                    if plumber is None:
                        plumber = pdfplumber.open(file if isinstance(file, str) else BytesIO(file))
                    page = plumber.pages[index]
                    if _FAST_OBJECTS:
                        page.process_object = _process_object.__get__(page)
                    pdfium_page = document[index]
                    try:
                        words = _words_of(page, pdfium_page)
                    finally:
                        pdfium_page.close()
                    lines = _page(page, number, flags, words)
                    if not page.chars and ocr.available():
                        lines = _ocr_lines(page, number)
                        ocr_pages.append(number)
                    page.close()  # drop the page's parsed objects: memory stays one page's
                pages.append(lines)
        finally:
            document.close()
            if plumber is not None:
                plumber.close()
    except ReadError:
        raise
    except subprocess.SubprocessError as exc:  # tesseract failing or stuck on a page
        raise ReadError(
            path, errors.CORRUPT, f"OCR of page {len(pages) + 1} failed: {exc}"
        ) from exc
    except Exception as exc:  # PdfiumError, pdfminer's PDFSyntaxError, PDFPasswordIncorrect, ...
        name = type(exc).__name__
        encrypted = "password" in f"{name} {exc}".lower()
        detail = "encrypted, needs a password" if encrypted else f"{name}: {exc}"
        raise ReadError(path, errors.CORRUPT, detail) from exc
    if not any(line[0].strip() for lines in pages for line in lines):
        detail = f"{len(pages)} page(s), no text layer"
        if not ocr.available():
            detail += f"; {ocr.missing_reason()}"
        elif ocr_pages:
            detail += ", and OCR found no text"
        raise ReadError(path, errors.NO_TEXT, detail)
    _join_pages(pages)

    parts: list[str] = []
    pos = 0
    page_starts: list[int] = []
    tables: list[Table] = []
    by_key: dict[tuple[int, int], Table] = {}
    blank_pages: list[int] = []
    for number, lines in enumerate(pages, start=1):
        if number > 1:
            parts.append("\f")
            pos += 1
        page_starts.append(pos)
        if not any(line[0].strip() for line in lines):
            blank_pages.append(number)
        for i, (text, cells, key) in enumerate(lines):
            if i:
                parts.append("\n")
                pos += 1
            if cells is not None and key is not None:
                if key not in by_key:
                    by_key[key] = Table([], page=number)
                    tables.append(by_key[key])
                by_key[key].rows.append(TableRow(cells, pos, pos + len(text)))
            parts.append(text)
            pos += len(text)
    warnings = []
    if ocr_pages:
        warnings.append(
            f"page(s) {', '.join(map(str, ocr_pages))} read by OCR (Tesseract, {ocr.LANG}): "
            "check their facts against the paper"
        )
    if blank_pages:
        hint = "" if ocr.available() else f"; {ocr.missing_reason()}"
        warnings.append(f"no text on page(s) {', '.join(map(str, blank_pages))} (scanned?){hint}")
    if flags.get("nfc"):
        warnings.append("composed to NFC: the PDF text layer holds decomposed letters")
    src = SourceText(
        path, "".join(parts), "pdf", page_starts=page_starts, tables=tables, warnings=warnings
    )
    src.ocr_pages = ocr_pages
    return src


def _page_by_pdfium(document, index: int, number: int, flags: dict) -> list[_Line] | None:
    """The page's lines read by PDFium, or None when pdfplumber must read it: it may hold a
    ruled table, it has no text layer, or its characters cannot be read so."""
    page = document[index]
    try:
        if may_hold_a_table(page):
            return None
        textpage = page.get_textpage()
        try:
            if not textpage.count_chars():
                return None
            words = page_words(textpage, page.get_height())
        finally:
            textpage.close()
        if words is None:
            return None
        rows = page_lines(words, page.get_width())
    finally:
        page.close()
    return _column_rows(["\t".join(_nfc(c, flags) for c in cells) for _, cells in rows], number)


def _ocr_lines(page, number: int) -> list[_Line]:
    """A page without a text layer, read by OCR (see :func:`_column_rows`)."""
    return _column_rows(ocr.ocr_pdf_page(page), number)


def _column_rows(texts, number: int) -> list[_Line]:
    """Lines of a page read without its rules: lines holding a tab (two columns, as the
    letterhead's) are rows of one table per run of such lines."""
    out: list[_Line] = []
    group = 0
    for text in texts:
        if "\t" in text:
            if not out or out[-1][2] is None:
                group += 1
            out.append((text, text.split("\t"), (number, 1000 + group)))
        else:
            out.append((text, None, None))
    return out
