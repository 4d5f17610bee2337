"""Tables of pandoc's own Markdown, read as rows.

``pandoc file.docx -o file.md`` writes a table without pipes at each row's end: a *grid
table* (borders of ``+``, ``-`` and ``=``, cells between ``|``) when a cell holds several
paragraphs, as a letterhead's or a signature's does, else a *multiline table* (rows apart
by blank lines, columns by the runs of a dashed line) or a *simple table* (a row a line).
Either way a cell's words wrap over several lines *in its column*, beside the words of
the next cell: read line by line, the letterhead's "Số: 12/KH-UBND" and the date run
together, a task's text and its lead are cut into pieces, and a signer's name is broken
in two.

:func:`pipe_rows` rewrites such tables as Markdown rows, one line a row
(``| cell | cell |``, each cell's lines joined), the form the saved-page reader reads as a
table (:mod:`.markup`). It is a reader's step, as a .docx's tables are: the text the
facts point into is the rewritten one.

>>> text = '''Trước.
...
...   --------------------------
...   TT     Nội dung
...   ------ -------------------
...   1.     Sở Tài chính bố
...          trí kinh phí
...
...   2.     Sở Nội vụ
...   --------------------------
...
... Sau.'''
>>> print(pipe_rows(text)[0])
Trước.
<BLANKLINE>
| TT | Nội dung |
|---|---|
| 1. | Sở Tài chính bố trí kinh phí |
| 2. | Sở Nội vụ |
<BLANKLINE>
Sau.
"""

from __future__ import annotations

import re

__all__ = ["pipe_rows"]

# a grid table's border: "+----+----+", "+====+====+", "+:---+---:+"
_GRID_BORDER = re.compile(r"^[ \t]*+\+(?:[-=:]++\+)++[ \t]*+$")
# a dashed line: one run (a multiline table's top or bottom) or several (its columns)
_DASHES = re.compile(r"^[ \t]*+-{3,}+(?:[ \t]++-{3,}+)*+[ \t]*+$")
_RUN = re.compile(r"-{3,}")
_MAX_ROWS = 5000  # a table's rows read at most (a pathological file stays linear)


def pipe_rows(text: str) -> tuple[str, int]:
    """``text`` with pandoc's grid, multiline and simple tables as Markdown rows, and how
    many tables were rewritten (0: ``text`` itself)."""
    if "---" not in text and "+-" not in text:
        return text, 0
    lines = text.split("\n")
    out: list[str] = []
    tables = 0
    i = 0
    while i < len(lines):
        found = _grid(lines, i) or _multiline(lines, i) or _simple(lines, i)
        if found is None:
            out.append(lines[i])
            i += 1
            continue
        rows, header, i = found
        tables += 1
        for k, row in enumerate(rows):
            out.append("| " + " | ".join(c.replace("|", "/") for c in row) + " |")
            if k == 0 and header:
                out.append("|" + "---|" * len(row))
    return ("\n".join(out), tables) if tables else (text, 0)


def _cells(line: str, cuts: list[int]) -> list[str]:
    """The pieces of ``line`` between the columns' starts ``cuts``."""
    return [line[a:b].strip() for a, b in zip(cuts, [*cuts[1:], None], strict=True)]  # type: ignore[list-item]


def _joined(pieces: list[list[str]]) -> list[str]:
    """Each column's pieces, its wrapped lines, joined into the cell's text."""
    return [" ".join(p for p in col if p) for col in pieces]


def _grid(lines: list[str], i: int) -> tuple[list[list[str]], bool, int] | None:
    """A grid table opening at line ``i``: (rows, has a header, the line after it)."""
    if not _GRID_BORDER.match(lines[i]):
        return None
    rows: list[list[str]] = []
    header = False
    k = i
    while k < len(lines) and _GRID_BORDER.match(lines[k]) and len(rows) < _MAX_ROWS:
        border = lines[k]
        cuts = [m.start() for m in re.finditer(r"\+", border)][:-1]
        j = k + 1
        body: list[str] = []
        while (
            j < len(lines)
            and lines[j].lstrip().startswith("|")
            and not _GRID_BORDER.match(lines[j])
        ):
            body.append(lines[j])
            j += 1
        if j >= len(lines) or not _GRID_BORDER.match(lines[j]):
            break  # the table's last border (lines after it without one are no row of it)
        if body:
            pieces: list[list[str]] = [[] for _ in cuts]
            for ln in body:
                for c, piece in enumerate(_cells(ln, cuts)):
                    pieces[c].append(piece.strip("|").strip())
            rows.append(_joined(pieces))
            if "=" in lines[j] and len(rows) == 1:
                header = True
        k = j
    if not rows:
        return None
    return rows, header, k + 1


def _column_starts(line: str) -> list[int]:
    return [m.start() for m in _RUN.finditer(line)]


def _multiline(lines: list[str], i: int) -> tuple[list[list[str]], bool, int] | None:
    """A multiline table opening with a dashed line at ``i`` whose columns a dashed line of
    several runs gives (under the header, or under the first row of a table without one)."""
    if not _DASHES.match(lines[i]) or len(_column_starts(lines[i])) != 1:
        return None
    j = i + 1
    first: list[str] = []
    while j < len(lines) and lines[j].strip() and not _DASHES.match(lines[j]):
        first.append(lines[j])
        j += 1
    if j >= len(lines) or not first or not _DASHES.match(lines[j]):
        return None
    cuts = _column_starts(lines[j])
    if len(cuts) < 2:
        return None
    rows = [_row(first, cuts)]
    k = j + 1
    group: list[str] = []
    while k < len(lines) and len(rows) < _MAX_ROWS:
        ln = lines[k]
        if _DASHES.match(ln):  # the table's end (a run, or the columns' runs again)
            if group:
                rows.append(_row(group, cuts))
            return rows, True, k + 1
        if not ln.strip():
            if group:
                rows.append(_row(group, cuts))
                group = []
        else:
            group.append(ln)
        k += 1
    return None  # no closing line: not a table


def _simple(lines: list[str], i: int) -> tuple[list[list[str]], bool, int] | None:
    """A simple table: a header line over a dashed line of several runs (at ``i + 1``), then
    a row a line up to a blank line (or a dashed line)."""
    if i + 1 >= len(lines) or not lines[i].strip() or _DASHES.match(lines[i]):
        return None
    under = lines[i + 1]
    if not _DASHES.match(under):
        return None
    cuts = _column_starts(under)
    if len(cuts) < 2 or cuts[0] > len(lines[i]) - len(lines[i].lstrip()) + 2:
        return None
    rows = [_cells(lines[i], cuts)]
    k = i + 2
    while k < len(lines) and lines[k].strip() and len(rows) < _MAX_ROWS:
        if _DASHES.match(lines[k]):
            k += 1
            break
        rows.append(_cells(lines[k], cuts))
        k += 1
    if len(rows) < 2:
        return None
    return rows, True, k


def _row(group: list[str], cuts: list[int]) -> list[str]:
    pieces: list[list[str]] = [[] for _ in cuts]
    for ln in group:
        for c, piece in enumerate(_cells(ln, cuts)):
            pieces[c].append(piece)
    return _joined(pieces)
