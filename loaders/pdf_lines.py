"""The lines of a PDF page read from PDFium's characters (pypdfium2), for pages without rules.

pdfplumber reads a page through pdfminer, which interprets the content and builds an object
per character in Python: 60 to 90 ms a page, ten times the whole extraction of a text file of
the same length (``benchmarks/PDF_READERS.md``). PDFium does that part in C, and a page is
read here in a few milliseconds. pdfplumber is still what reads a page drawn with rules that
could make a table (:func:`may_hold_a_table`): its table finder is why it was chosen.

Lines are made from the characters' positions, as pdfplumber makes them: words (the runs of
characters between spaces), clustered within :data:`Y_TOLERANCE` points, each line left to
right; clustered by the bottom of their letters' boxes (the font's descent below the
baseline), not their tops as pdfplumber does: PDFium's box of a capital with two marks ("Ẫ")
rises above its neighbours' by more than the tolerance. Unlike pdfplumber, a line whose words stand farther apart than a column gap
(:func:`_column_gap`) is two columns side by side, as the letterhead of a document printed
from Word is (a table without borders: the issuer on the left, the national motto on the
right) and its signature block beside "Nơi nhận": the parts are cells, one row of a table per
printed line, as the OCR reader gives them. pdfplumber joined the two columns into one line
("BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG CỘNG SẢN VIỆT NAM"), and issuer, date and signer were lost.
"""

from __future__ import annotations

import ctypes
import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import pypdfium2.raw as pdfium_c

__all__ = ["Y_TOLERANCE", "Word", "may_hold_a_table", "page_lines", "page_words", "rows_of_lines"]

Y_TOLERANCE = 3.0  # points: words whose tops differ by no more stand on one line (pdfplumber's)
RULE_THICKNESS = 2.0  # points: a drawn path no taller is a horizontal rule, not a table's
_SKIPPED = frozenset("\ufeff\x00")  # PDFium's marks for characters with no text
# PDFium's mark for a hyphen that breaks a word at a line's end: in a document number too
# ("Phương án số 728/PA-" then "UBND"), where the normalizer joins the two again
_LINE_END_HYPHEN = frozenset("\ufffe\x02")


def may_hold_a_table(page) -> bool:
    """Whether the page draws anything that could be a table's rules or cells: a path taller
    than a horizontal rule (a vertical line, a rectangle, a grid). The thin horizontal lines
    under a letterhead's names and an underlined word are not."""
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH,)):
        left, bottom, right, top = obj.get_bounds()
        if top - bottom > RULE_THICKNESS and right - left > 0:
            return True
    return False


@dataclass
class Word:
    x0: float
    x1: float
    bottom: float
    size: float  # its first letter's font size (or box's height, if greater)
    chars: list[str] = field(default_factory=list)
    # read on from the word before it, whatever the space between them (OCR: a stamp over
    # the words between them)
    glued: bool = False

    @property
    def text(self) -> str:
        return "".join(self.chars)


def page_words(textpage, height: float) -> list[Word] | None:
    """The page's words in the order PDFium gives its characters; None when its text and its
    character list disagree in length (characters outside the BMP: pdfplumber reads those)."""
    count = textpage.count_chars()
    text = textpage.get_text_range(0, count) if count else ""
    if len(text) != count:
        return None
    rect = pdfium_c.FS_RECTF()
    box = ctypes.byref(rect)
    loose_box = pdfium_c.FPDFText_GetLooseCharBox
    font_size = pdfium_c.FPDFText_GetFontSize
    handle = textpage.raw
    words: list[Word] = []
    cur: Word | None = None
    for i, ch in enumerate(text):
        if ch in _LINE_END_HYPHEN:
            if cur is not None:
                cur.chars.append("-")
            continue
        if ch.isspace() or ch in _SKIPPED or not loose_box(handle, i, box):
            cur = None
            continue
        x0, x1, bottom = rect.left, rect.right, height - rect.bottom
        if (
            cur is not None
            and abs(bottom - cur.bottom) <= Y_TOLERANCE
            and -cur.size < x0 - cur.x1 <= 0.2 * cur.size  # a space needs no character
        ):
            cur.chars.append(ch)
            cur.x1 = max(cur.x1, x1)
            continue
        # the font's size, not the box's height: PDFium's box of a letter without ascender
        # may be the height of an "x" ("w" of "wifi", whose "fi" is one glyph)
        size = max(rect.top - rect.bottom, font_size(handle, i))
        cur = Word(x0, x1, bottom, size, [ch])
        words.append(cur)
    return words


def _column_gap(line: list[Word]) -> float:
    """The space between two words of a line beyond which they stand in two columns: 0.75
    times the height of its letters' boxes, three quarters in a PDF (the largest space of a
    justified line was 0.4 of it on the real documents printed by LibreOffice,
    ``benchmarks/formats_real.py``)."""
    sizes = sorted(w.size for w in line)
    return 0.75 * sizes[len(sizes) // 2]


def _cells(line: list[Word]) -> list[list[Word]]:
    """The line cut at every space wider than its column gap (:func:`_column_gap`)."""
    gap = _column_gap(line)
    cells = [[line[0]]]
    for before, word in zip(line, line[1:], strict=False):
        if word.x0 - before.x1 > gap and not word.glued:
            cells.append([])
        cells[-1].append(word)
    return cells


def _split(line: list[Word]) -> tuple[float, float] | None:
    """The space of a line in two columns (one space wider than its column gap), as (its
    left, its right); None for a line of running text, or of three columns or more (a table's
    row without rules: its own cells, :func:`page_lines`)."""
    cells = _cells(line)
    return (cells[0][-1].x1, cells[1][0].x0) if len(cells) == 2 else None


def _beside(line: list[Word], space: tuple[float, float]) -> tuple[float, float] | None:
    """``space`` narrowed to where no word of ``line`` stands, or None when a word covers
    it (the line runs across both columns) or it is left narrower than a letter. A word
    reaching into the space from one side narrows it from that side; a word inside it, from
    the side of its middle nearer to the word's."""
    lo, hi = space
    for word in line:
        if word.x1 <= lo or word.x0 >= hi:
            continue
        if word.x0 <= lo:
            if word.x1 >= hi:
                return None
            lo = word.x1
        elif word.x1 >= hi or word.x0 + word.x1 > lo + hi:
            hi = word.x0
        else:
            lo = word.x1
    return (lo, hi) if hi - lo >= 0.3 * line[0].size else None


def _side(line: list[Word], middle: float, left: bool) -> tuple[float, float] | None:
    """Where a line's words on one side of ``middle`` stand, as (from, to), or None."""
    words = [w for w in line if (w.x1 <= middle if left else w.x0 >= middle)]
    return (words[0].x0, words[-1].x1) if words else None


def _aligned(
    part: tuple[float, float], seen: list[tuple[float, float]], size: float, centred: bool
) -> bool:
    """Whether a column's part of a line begins, ends or (``centred``: only) is centred where
    another of its parts is, within a fifth of the letters' height: the lines of one cell."""
    tol = 0.2 * size
    return any(
        abs(part[0] + part[1] - s[0] - s[1]) <= 2 * tol
        or not centred
        and (abs(part[0] - s[0]) <= tol or abs(part[1] - s[1]) <= tol)
        for s in seen
    )


@dataclass
class _Run:
    """Lines in two columns being gathered (see :func:`_columns`)."""

    space: tuple[float, float]  # the empty space between the columns
    width: float  # the page's
    parts: dict[bool, list[tuple[float, float]]]  # where each line stands, left (True), right
    steps: list[float] = field(default_factory=list)  # between its lines

    def joins(self, line: list[Word], step: float, below: bool, near: list[Word]) -> bool:
        """Whether ``line``, ``step`` below the run's last line (``below``) or above its
        first (``near``, either way), belongs to it; if so, the run now holds it. How close
        it stands is weighed by the smaller letters of the two: a heading in larger letters
        right under a signature block's small ones is not as close as the block's lines."""
        size = line[0].size
        close = min(size, near[0].size)
        if step > (6.0 if below else 3.5) * size:
            return False
        narrowed = _beside(line, self.space)
        if narrowed is None:
            return False
        mid = (narrowed[0] + narrowed[1]) / 2
        found = {side: _side(line, mid, side) for side in (True, False)}
        if all(found.values()):
            # the line's own space between its two sides is its one column gap, not a space
            # of a line of running text that falls where the columns' space is, nor a row of
            # a table of three columns (a paragraph's spacing apart, as two rows of a table
            # are: up to 3.5 heights)
            split = _split(line)
            if step > 3.5 * size or split is None or not split[0] <= mid <= split[1]:
                return False
        elif abs(line[0].x0 + line[-1].x1 - self.width) <= 0.4 * size:
            return False  # a title centred on the page, under or over the columns
        elif step > 1.3 * close or not below:
            side = found[True] is not None
            # farther than the lines of the run are apart: only a name under its title,
            # centred as it is; above the run only a letterhead's line, centred as those
            # under it (not the last line of the text above "Nơi nhận", left as it is)
            centred = (
                step > 2.0 * close
                or not below
                or bool(self.steps)
                and step > 1.25 * min(self.steps)
            )
            if not _aligned(found[side], self.parts[side], size, centred):  # type: ignore[arg-type]
                return False
        for side, part in found.items():
            if part:
                self.parts[side].append(part)
        self.space = narrowed
        self.steps.append(step)
        return True


def _in_a_paragraph(lines: list[list[Word]], i: int) -> bool:
    """Whether line ``i``, cut by column gaps, stands in a paragraph: a line as close above
    or below it as the lines of a paragraph are, with no column gap of its own, runs from
    before its first gap to past the middle of its last cell (a wide space of a justified
    line, OCR's gap after a colon or around a blot; not the ragged end of a list in the left
    column beside a signature, nor a row of a table without rules, whose neighbours are rows
    cut as it is)."""
    line = lines[i]
    cells = _cells(line)
    if len(cells) < 2:
        return False
    gap_start = cells[0][-1].x1
    right = (cells[-1][0].x0 + cells[-1][-1].x1) / 2
    for k in (i - 1, i + 1):
        if 0 <= k < len(lines):
            near = lines[k]
            step = abs(line[0].bottom - near[0].bottom)
            if (
                step <= 1.3 * min(line[0].size, near[0].size)
                and near[0].x0 < gap_start
                and near[-1].x1 > right
                and len(_cells(near)) == 1
            ):
                return True
    return False


def _one_side_bare(run: list[list[Word]], middle: float) -> bool:
    """Whether one column of a run holds fewer than three words: no letterhead (the motto),
    signature block (a title and a name) or list of recipients is so short, but a line of
    text with a wide space before its last words is ("… đơn vị, UBND<space>cấp xã.")."""
    left = sum(1 for line in run for w in line if w.x1 <= middle)
    right = sum(1 for line in run for w in line if w.x0 >= middle)
    return min(left, right) < 3


def _columns(lines: list[list[Word]], width: float) -> list[tuple[int, int, float]]:
    """The runs of lines that stand in two columns, as (first, end, the x between them): a
    run grows from a line split by a column gap (:func:`_split`) to the lines next to it
    that leave the space between the columns empty (a letterhead's names wrapped in their
    cell, the list under "Nơi nhận" beside the signer's name), no farther apart than twice
    their letters' height; a line split at that space itself may stand up to three and a half
    heights away (the next row of the table, a paragraph's spacing between). A line with words on one side only is not centred on the page
    (``width`` wide: the title of a plan an order issues, right under the signature block)
    and must also begin, end or be centred as another line of that side does, unless it
    follows the line below it as closely as the lines of a cell do; above the run, farther
    from it than its lines are from each other, or up to six heights below it (the signer's
    name under the space for the signature), it must be centred as another line of its side
    (the last short line of the text above "Nơi nhận" is not in its column). A space
    whose middle is in the page's outer fifths starts no run, nor does a line alone in
    two columns in a paragraph (:func:`_in_a_paragraph`), nor is a run one of whose columns
    is bare (:func:`_one_side_bare`)."""
    runs: list[tuple[int, int, float]] = []
    i = 0
    while i < len(lines):
        space = _split(lines[i])
        if space is None:
            i += 1
            continue
        middle = (space[0] + space[1]) / 2
        if math.isfinite(width) and not 0.2 * width <= middle <= 0.8 * width:
            i += 1  # a space near the page's edge: a stray mark beside a line, no column
            continue
        run = _Run(space, width, {side: [] for side in (True, False)})
        for side in (True, False):
            if part := _side(lines[i], middle, side):
                run.parts[side].append(part)
        first, end = i, i + 1
        while first > (runs[-1][1] if runs else 0):
            step = lines[first][0].bottom - lines[first - 1][0].bottom
            if not run.joins(lines[first - 1], step, below=False, near=lines[first]):
                break
            first -= 1
        while end < len(lines):
            step = lines[end][0].bottom - lines[end - 1][0].bottom
            if not run.joins(lines[end], step, below=True, near=lines[end - 1]):
                break
            end += 1
        middle = (run.space[0] + run.space[1]) / 2
        if (
            end - first == 1
            and _in_a_paragraph(lines, first)
            # a run opening the page may go on one of the page before (a signer's name)
            or first > 0
            and _one_side_bare(lines[first:end], middle)
        ):
            i += 1
            continue
        runs.append((first, end, middle))
        i = end
    return runs


def page_lines(
    words: list[Word],
    width: float,
    outside: Sequence[tuple[float, float, float, float]] = (),
) -> list[tuple[float, list[str]]]:
    """The lines of a page's ``words`` (:func:`page_words`; the page ``width`` wide), top to
    bottom, each as (its top, its columns' texts): one text for a line of running text; two
    for a run of lines in two columns (:func:`_columns`), each column's lines joined by
    spaces, as the .docx reader writes a table's cell. Words whose middle lies in one of the
    boxes ``outside`` (x0, top, x1, bottom, from the page's top: the tables pdfplumber read)
    are left out."""
    if outside:
        words = [w for w in words if not _inside(w, outside)]
    return rows_of_lines(_lines(words), width)


def rows_of_lines(lines: list[list[Word]], width: float) -> list[tuple[float, list[str]]]:
    """:func:`page_lines` of words already set in lines (top to bottom, each left to right;
    the OCR reader's, :func:`.ocr.lines_from_tsv`), a line's ``bottom`` the same for its
    words; ``width`` may be infinite (not known)."""
    out: list[tuple[float, list[str]]] = []
    done = 0

    def plain(start: int, stop: int) -> None:
        # a line of three columns or more: its cells (a row of a table without rules); one of
        # two that no run took (a space at the page's edge: :func:`_columns`), or one in a
        # paragraph (:func:`_in_a_paragraph`), is one text
        for i in range(start, stop):
            line = lines[i]
            cells = _cells(line)
            if len(cells) == 2 or len(cells) > 2 and _in_a_paragraph(lines, i):
                cells = [line]
            out.append((_top(line), [" ".join(w.text for w in c) for c in cells]))

    for first, end, middle in _columns(lines, width):
        plain(done, first)
        run = lines[first:end]
        left = [w.text for line in run for w in line if w.x1 <= middle]
        right = [w.text for line in run for w in line if w.x0 >= middle]
        out.append((_top(run[0]), [" ".join(left), " ".join(right)]))
        done = end
    plain(done, len(lines))
    return out


def _top(line: list[Word]) -> float:
    return min(w.bottom - w.size for w in line)


def _inside(word: Word, boxes: Sequence[tuple[float, float, float, float]]) -> bool:
    x, y = (word.x0 + word.x1) / 2, word.bottom - word.size / 2
    return any(b[0] <= x < b[2] and b[1] <= y < b[3] for b in boxes)


def _lines(words: list[Word]) -> list[list[Word]]:
    """Words clustered into lines by their bottoms, top to bottom, each left to right."""
    lines: list[list[Word]] = []
    last = None
    for word in sorted(words, key=lambda w: w.bottom):
        if last is not None and word.bottom - last <= Y_TOLERANCE:
            lines[-1].append(word)
        else:
            lines.append([word])
        last = word.bottom
    for line in lines:
        line.sort(key=lambda w: w.x0)
    return lines
