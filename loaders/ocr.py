"""OCR of scanned PDF pages: Tesseract (``tesseract`` program, Vietnamese model ``vie``), run
as a program on each page without a text layer, in the process reading the file (so in
``build``'s worker processes, one core each: ``OMP_THREAD_LIMIT=1``).

Optional: Debian's ``tesseract-ocr`` and ``tesseract-ocr-vie`` packages. Without them a
scanned PDF is ``NO_TEXT`` with the install line, as before.

A page goes through:

1. rendering at :data:`DPI` (pypdfium2, which pdfplumber already uses), in grey;
2. a 3×3 median filter (scanner speckle), then deskewing: the angle within ±5° whose
   rotated page has the sharpest row profile (text lines level), found on a small copy;
3. Tesseract's page segmentation (``--psm 3``, reading order by blocks) with word boxes
   (TSV), rebuilt into the printed lines (:func:`_visual_lines`) and read for two columns
   as a PDF's lines are (:func:`.pdf_lines.rows_of_lines`): a letterhead or a signature
   block without rules becomes one row of two cells, issuer | motto, recipients | signer;
   words that are only marks Tesseract is unsure of (``¬``, ``_``, ``ˆ`` from specks), and a
   lone unsure letter beside a line (:func:`_speck`), are dropped.

A page read this way is listed in ``SourceText.ocr_pages`` and in a warning: its facts need
checking against the paper. :func:`mark_ocr` marks them (``ocr=True`` in the model), and the
graph carries the mark to its tasks, links and documents.
"""

from __future__ import annotations

import functools
import io
import os
import re
import shutil
import subprocess
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .pdf_lines import Word, rows_of_lines

if TYPE_CHECKING:
    from ..schema.model import Extraction
    from .source import SourceText

DPI = 300
LANG = "vie"
TIMEOUT = 180  # seconds for one page
INSTALL = "apt-get install --no-install-recommends tesseract-ocr tesseract-ocr-vie"
MAX_SKEW = 5.0  # degrees
_RULE = 40  # pixels at DPI: a stroke unbroken this long is a table rule, not text


@functools.cache
def available() -> bool:
    """Whether the ``tesseract`` program and its Vietnamese model are installed."""
    program = shutil.which("tesseract")
    if program is None:
        return False
    try:
        out = subprocess.run(
            [program, "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return LANG in (out.stdout + out.stderr).split()


def missing_reason() -> str:
    if shutil.which("tesseract") is None:
        return f"OCR needs Tesseract: {INSTALL}"
    return f"OCR needs Tesseract's Vietnamese model: {INSTALL}"


def _profile_score(img) -> float:
    column = img.resize((1, img.height), 1 << 2)  # Image.BOX: the mean of each row
    values = list(column.tobytes())  # mode L: one byte per row
    mean = sum(values) / len(values)
    return sum((v - mean) ** 2 for v in values)


def skew_angle(img) -> float:
    """The page's skew in degrees (rotate by the opposite to level it)."""
    from PIL import Image

    small = img.copy()
    small.thumbnail((900, 900))
    small = small.point(lambda v: 0 if v < 160 else 255)

    def score(angle: float) -> float:
        return _profile_score(small.rotate(angle, resample=Image.BILINEAR, fillcolor=255))

    best = max((a / 2 for a in range(int(-MAX_SKEW * 2), int(MAX_SKEW * 2) + 1)), key=score)
    fine = [best + d / 10 for d in range(-5, 6)]
    return -max(fine, key=score)


def prepare(img):
    """Grey, despeckled and levelled."""
    from PIL import Image, ImageFilter

    grey = img.convert("L").filter(ImageFilter.MedianFilter(3))
    angle = skew_angle(grey)
    if abs(angle) >= 0.1:
        grey = grey.rotate(-angle, resample=Image.BICUBIC, fillcolor=255, expand=False)
    return grey


_BULLETS = {"-", "+", "–", "—", "•"}
# Tesseract reads the Vietnamese Đ now and then as the Icelandic Ð, or as both ("QĐÐ")
_FIXES = (("ĐÐ", "Đ"), ("đð", "đ"), ("Ð", "Đ"), ("ð", "đ"))


def _junk(word: str, conf: float, first: bool) -> bool:
    if set(word) <= set("|[]"):  # a ruling line read as a character
        return True
    if any(c.isalnum() for c in word) or (first and word in _BULLETS):
        return False
    return conf < 70 or all(unicodedata.category(c)[0] in "PSZ" for c in word) and len(word) > 2


_ITEM_COMMA = re.compile(r"^(\d{1,2}|[IVX]{1,4}),(?= \S)")  # "5, Các chủ rừng": "5."


@functools.cache
def _type_headings() -> dict[str, str]:
    """Document type names in capitals, keyed by their letters without diacritics: a heading
    line OCR spells with one wrong tone ("CHÍ THỊ") is mended to the name ("CHỈ THỊ")."""
    import json
    from importlib import resources

    from .textnorm import fold_ascii

    data = json.loads(
        resources.files("policy_lineage.loaders").joinpath("data/doc_types.json").read_text("utf-8")
    )
    names = set(data["types"].values()) | set(data.get("more_type_names", []))
    names |= set(data.get("name_aliases", {}))
    return {fold_ascii(n): n.upper() for n in names}


def _mend(text: str) -> str:
    text = unicodedata.normalize("NFC", text.strip(" \t_~"))
    for wrong, right in _FIXES:
        text = text.replace(wrong, right)
    text = _ITEM_COMMA.sub(r"\1.", text)
    if text.isupper() and len(text) < 40:
        from .textnorm import fold_ascii

        text = _type_headings().get(fold_ascii(text), text)
    return text


# a word: (left, top, width, height, text, Tesseract's confidence)
_Word = tuple[int, int, int, int, str, float]


def _tsv_lines(tsv: str) -> list[list[_Word]]:
    """Tesseract's TSV (level 5 rows: words with boxes) as lines of words, specks dropped."""
    lines: dict[tuple[str, str, str], list[_Word]] = {}
    for row in tsv.splitlines()[1:]:
        r = row.split("\t")
        if len(r) < 12 or r[0] != "5" or not r[11].strip():
            continue
        word = r[11].strip()
        key = (r[2], r[3], r[4])
        if _junk(word, float(r[10]), key not in lines):
            continue
        lines.setdefault(key, []).append(
            (int(r[6]), int(r[7]), int(r[8]), int(r[9]), word, float(r[10]))
        )
    return [sorted(words) for words in lines.values()]


def lines_from_tsv(tsv: str, grid: Grid | None = None, width: float | None = None) -> list[str]:
    """Tesseract's TSV as text lines; words inside a ruled table's ``grid`` become its rows
    (one line each, cells joined by tabs), in their place among the other lines. The lines
    outside it are read for two columns side by side as a PDF's text is (a letterhead or a
    signature block without rules: one line of two cells joined by a tab per run of them,
    :func:`.pdf_lines.rows_of_lines`; ``width``: the page's, in pixels)."""
    placed: list[tuple[float, str]] = []  # (top, line)
    cells: dict[tuple[int, int], list[_Word]] = {}
    lines: list[list[_Word]] = []
    for words in _tsv_lines(tsv):
        outside = []
        for w in words:
            where = grid.cell(w[0] + w[2] / 2, w[1] + w[3] / 2) if grid else None
            if where is None:
                outside.append(w)
            else:
                cells.setdefault(where, []).append(w)
        if outside and not _speck(outside):
            lines.append(outside)
    for top, row in rows_of_lines(_visual_lines(lines, _blots(tsv)), width or float("inf")):
        texts = [_mend(cell) for cell in row]
        if any(texts):
            placed.append((top, "\t".join(texts)))
    if grid is not None:
        for r, (top, _) in enumerate(zip(grid.rows, grid.rows[1:], strict=False)):
            row = []
            for c in range(len(grid.columns) - 1):
                row.append(_mend(" ".join(w[4] for w in _reading_order(cells.get((r, c), [])))))
            row = _merge_spans(row, grid.joined.get(r, set()))
            if any(row):
                placed.append((top, "\t".join(row)))
    placed.sort(key=lambda item: item[0])
    return [text for _, text in placed]


def _speck(line: list[_Word]) -> bool:
    """A line of one or two letters alone that Tesseract is unsure of (below 50%): a speck
    or a stamp's edge, which would stand as a column of its own beside the text."""
    return len(line) == 1 and len(line[0][4]) <= 2 and line[0][5] < 50


# PDFium's loose box of a letter is about 1.17 times the font's size, Tesseract's box of a
# word its letters' own height (0.78 of the size on the median word of a scanned page): the
# sizes :mod:`.pdf_lines` weighs gaps and steps by are made the same
_TO_LOOSE_BOX = 1.5


def _blots(tsv: str) -> list[tuple[int, int, int, int]]:
    """The boxes (left, top, right, bottom) Tesseract read as words of no text: a stamp, a
    blot or a picture on the page."""
    out = []
    for row in tsv.splitlines()[1:]:
        r = row.split("\t")
        if len(r) >= 12 and r[0] == "5" and not r[11].strip():
            left, top = int(r[6]), int(r[7])
            out.append((left, top, left + int(r[8]), top + int(r[9])))
    return out


def _visual_lines(
    lines: list[list[_Word]], blots: Sequence[tuple[int, int, int, int]] = ()
) -> list[list[Word]]:
    """Tesseract's lines (each its words, left to right) as the printed lines they stand on:
    two whose middles are within half a letter's height apart and whose words stand side by
    side, not over each other, are one (Tesseract reads a letterhead's two columns as two
    blocks); top to bottom, each left to right, as :class:`.pdf_lines.Word` with the line's
    bottom. A word whose space from the word before is covered by one of the ``blots``
    (:func:`_blots`) is ``glued`` to it: a stamp over a paragraph cuts its lines, and the
    hole is no space between columns."""
    placed = []
    for words in lines:
        heights = sorted(w[3] for w in words)
        middles = sorted(w[1] + w[3] / 2 for w in words)
        placed.append((middles[len(middles) // 2], heights[len(heights) // 2], words))
    placed.sort(key=lambda item: item[0])
    merged: list[tuple[float, float, list[_Word]]] = []
    for middle, height, words in placed:
        left, right = words[0][0], max(w[0] + w[2] for w in words)
        best = None
        for k in range(len(merged) - 1, -1, -1):
            at, h, before = merged[k]
            if middle - at > h / 2:
                break
            # the lines of one column are apart however close: no word of one over the other
            if all(w[0] >= right or w[0] + w[2] <= left for w in before) and (
                best is None or middle - at < middle - merged[best][0]
            ):
                best = k
        if best is None:
            merged.append((middle, height, list(words)))
        else:
            at, h, before = merged[best]
            merged[best] = (at, max(h, height), before + words)
    out: list[list[Word]] = []
    for middle, height, words in merged:
        size = _TO_LOOSE_BOX * height
        bottom = middle + size / 2
        line = [Word(w[0], w[0] + w[2], bottom, size, [w[4]]) for w in sorted(words)]
        for before, word in zip(line, line[1:], strict=False):
            word.glued = any(
                x0 <= before.x1
                and x1 >= word.x0
                and y0 < middle + height / 2
                and y1 > middle - height / 2
                for x0, y0, x1, y1 in blots
            )
        out.append(line)
    return out


def _reading_order(words: list[_Word]) -> list[_Word]:
    """A cell's words line by line (a word whose middle is within half a line height of the
    line's goes on it), each line left to right."""
    if not words:
        return []
    height = sorted(w[3] for w in words)[len(words) // 2]
    lines: list[list[_Word]] = []
    for w in sorted(words, key=lambda w: w[1] + w[3] / 2):
        middle = w[1] + w[3] / 2
        if lines:
            last = lines[-1]
            if abs(middle - sum(x[1] + x[3] / 2 for x in last) / len(last)) <= height / 2:
                last.append(w)
                continue
        lines.append([w])
    return [w for line in lines for w in sorted(line)]


def _merge_spans(row: list[str], joined: set[int]) -> list[str]:
    """Cells merged across a missing vertical rule (column ``c`` joined to ``c + 1``)."""
    out: list[str] = []
    for c, text in enumerate(row):
        if c - 1 in joined and out:
            out[-1] = f"{out[-1]} {text}".strip()
        else:
            out.append(text)
    return out


class Grid:
    """The rules of one ruled table on a page: row and column edges in pixels."""

    def __init__(self, rows: list[int], columns: list[int], joined: dict[int, set[int]]):
        self.rows, self.columns, self.joined = rows, columns, joined

    def cell(self, x: float, y: float) -> tuple[int, int] | None:
        if not (self.rows[0] < y < self.rows[-1] and self.columns[0] < x < self.columns[-1]):
            return None
        r = max(i for i, v in enumerate(self.rows) if v <= y)
        c = max(i for i, v in enumerate(self.columns) if v <= x)
        return r, c


def _runs(values: list[float], threshold: float) -> list[int]:
    """Centres of the runs of ``values`` at or above ``threshold``."""
    out, start = [], None
    for i, v in enumerate([*values, 0.0]):
        if v >= threshold and start is None:
            start = i
        elif v < threshold and start is not None:
            out.append((start + i - 1) // 2)
            start = None
    return out


def find_grid(img) -> Grid | None:
    """The ruled table on a levelled page, or None. A rule is a dark stroke unbroken over
    :data:`_RULE` pixels (text has gaps between its letters): rows are such strokes across a
    quarter of the page or more, columns such strokes down a sixth of the table or more; a
    column rule missing beside a cell merges it into the next one. (Two tables on a page are
    read as one, the text between them as one-cell rows.)"""
    box = 1 << 2  # Image.BOX: resizing averages
    dark = img.point(lambda v: 255 if v < 140 else 0)
    w, h = dark.size
    band = 3
    across = dark.resize((max(w // _RULE, 1), h), box).point(lambda v: 255 if v > 200 else 0)
    rows_mean = list(across.resize((1, h // band), box).tobytes())
    rows = [y * band + band // 2 for y in _runs([v / 255 for v in rows_mean], 0.25)]
    if len(rows) < 3:
        return None
    top, bottom = rows[0], rows[-1]
    table = dark.crop((0, top, w, bottom))
    down = table.resize((w, max((bottom - top) // _RULE, 1)), box)
    down = down.point(lambda v: 255 if v > 200 else 0)
    cols_mean = list(down.resize((w // band, 1), box).tobytes())
    columns = [x * band + band // 2 for x in _runs([v / 255 for v in cols_mean], 0.15)]
    if len(columns) < 3:
        return None
    joined: dict[int, set[int]] = {}
    for r, (y0, y1) in enumerate(zip(rows, rows[1:], strict=False)):
        if y1 - y0 < 8:
            continue
        for c, x in enumerate(columns[1:-1]):
            strip = dark.crop((max(x - band, 0), y0 + 3, x + band + 1, y1 - 2))
            mean = list(strip.resize((1, 1), 1 << 2).tobytes())[0] / 255
            if mean < 0.2:  # no rule here: the cell spans into the next column
                joined.setdefault(r, set()).add(c)
    return Grid(rows, columns, joined)


def ocr_image(img) -> list[str]:
    """The text lines of one page image."""
    buf = io.BytesIO()
    page = prepare(img)
    grid = find_grid(page)
    page.save(buf, "PNG")
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    proc = subprocess.run(
        ["tesseract", "stdin", "stdout", "-l", LANG, "--psm", "3", "--dpi", str(DPI), "tsv"],
        input=buf.getvalue(),
        capture_output=True,
        timeout=TIMEOUT,
        env=env,
        check=True,
    )
    return lines_from_tsv(proc.stdout.decode("utf-8", errors="replace"), grid, page.size[0])


def ocr_pdf_page(page) -> list[str]:
    """The text lines of a pdfplumber page without a text layer."""
    return ocr_image(page.to_image(resolution=DPI).original)


def page_of(offset: int, page_starts: list[int]) -> int:
    """The 1-based page holding ``offset`` of a text whose pages begin at ``page_starts``."""
    page = 1
    for i, start in enumerate(page_starts, start=1):
        if start <= offset:
            page = i
    return page


def mark_ocr(extraction: Extraction, src: SourceText) -> Extraction:
    """Mark an extraction's facts read by OCR (in place; returned for chaining): its
    ``ocr_pages``, and ``ocr=True`` on every reference, task and numbered body whose evidence
    starts on one of those pages, and on the document when a field of its own (number,
    issuer, date, title, signer …) was read there (with no such evidence: when page 1 was).
    The graph carries these marks to tasks, links and documents, so every output can say
    what to check against the paper. Nothing changes for a file with no OCR page.

    >>> from policy_lineage.loaders.pipeline import extract_text
    >>> from policy_lineage.loaders.source import SourceText
    >>> text = "Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị"
    >>> ex = extract_text(text, "scan.pdf")
    >>> src = SourceText("scan.pdf", text, "pdf", page_starts=[0], ocr_pages=[1])
    >>> marked = mark_ocr(ex, src)
    >>> marked.ocr_pages, [r.ocr for r in marked.references]
    ([1], [True])
    """
    pages = set(getattr(src, "ocr_pages", None) or [])
    if not pages:
        return extraction
    starts = src.page_starts

    def read_by_ocr(start: int | None) -> bool:
        return start is not None and page_of(start, starts) in pages

    extraction.ocr_pages = sorted(pages)
    for fact in (*extraction.references, *extraction.tasks, *extraction.numbered_bodies):
        if read_by_ocr(fact.evidence.span.start):
            fact.ocr = True
    doc = extraction.document
    spans = [ev.span.start for ev in doc.evidence.values()]
    doc.ocr = any(map(read_by_ocr, spans)) if spans else 1 in pages
    return extraction


def mark_facts(data: dict[str, Any], src: SourceText) -> dict[str, Any]:
    """:func:`mark_ocr` on an extraction's JSON: the store's full form
    (:func:`~policy_lineage.schema.model_json.extraction_to_dict`), marked through the model
    exactly; or the contract form (:func:`~policy_lineage.schema.model.to_contract`), whose
    references, tasks and numbered bodies are marked by their ``span`` and whose document,
    without evidence there, is marked when page 1 was read by OCR. Nothing is added for a
    file with no OCR page."""
    pages = set(getattr(src, "ocr_pages", None) or [])
    if not pages:
        return data
    document = data.get("document")
    if isinstance(document, dict) and isinstance(document.get("evidence"), dict):
        from ..schema.model_json import extraction_from_dict, extraction_to_dict

        return extraction_to_dict(mark_ocr(extraction_from_dict(data), src))
    data["ocr_pages"] = sorted(pages)
    for key in ("references", "tasks", "numbered_bodies"):
        for fact in data.get(key) or []:
            span = fact.get("span") if isinstance(fact, dict) else None
            if span and span[0] is not None and page_of(span[0], src.page_starts) in pages:
                fact["ocr"] = True
    if isinstance(document, dict):
        document["ocr"] = 1 in pages
    return data
