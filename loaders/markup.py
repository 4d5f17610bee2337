"""Pages saved from legal portals and Markdown conversions, read as structure.

Users' documents often come as a legal portal's page saved as Markdown or text: a
copyright banner and the portal's metadata table (Số hiệu, Loại văn bản, Nơi ban hành,
Người ký, Ngày ban hành) before the document; after it the site's title lines, a list of
related documents, addresses, help text and a privacy notice that itself "implements"
a decree. In between, the document carries Markdown marks (``**``, ``*``, ``#``, ``\\-``)
and tables flattened one cell per line, cells separated by a line holding ``|`` and rows
by two such lines.

:func:`markup_view` returns a *view* of the text of exactly the same length, so every
offset found in it is an offset in the original (evidence keeps pointing at what the user
has): the portal's banner and tail become blank lines, Markdown marks become spaces, a
flattened table becomes one line per row with its cells separated by tabs (the
convention every reader follows for tables), and the portal's metadata is returned apart,
as a fallback for the document's own facts.

>>> page = "Số hiệu:\\n|\\n12/KH-UBND\\n|\\nLoại văn bản:\\n|\\nKế hoạch\\n|\\nNgười ký:\\n|\\nLê Văn A\\n"
>>> page += "|\\n**ỦY BAN NHÂN DÂN**\\nTỈNH X\\n|\\n**CỘNG HÒA**\\n|\\n|\\nSố: 12/KH-UBND\\n|\\nngày 2\\n|\\n"
>>> view = markup_view(page)
>>> view.portal["number"], view.portal["signer"]
('12/KH-UBND', 'Lê Văn A')
>>> [[" ".join(c.split()) for c in ln.split("\\t")] for ln in view.text.splitlines() if ln.strip()]
[['ỦY BAN NHÂN DÂN TỈNH X', 'CỘNG HÒA'], ['Số: 12/KH-UBND', 'ngày 2']]
>>> len(view.text) == len(page)
True
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from .textnorm import collapse, fold

_PIPE_LINE = re.compile(r"^[ \t]*\|[ \t]*$")
_DECORATION = re.compile(r"^[ \t]*[-–—_=~*.]{3,}[ \t]*$")
_HEADING = re.compile(r"^[ \t]*(#{1,6})[ \t]")
_BULLET_STAR = re.compile(r"^([ \t]*)\*(?=[ \t]+[^\s*])")
# a converter's escape before a mark, or a backslash ending a line or a word (Markdown's hard
# line break: pandoc writes a letterhead's "ỦY BAN NHÂN DÂN\" then "TỈNH …")
_ESCAPE = re.compile(r"\\(?=[-*_#.()\[\]|+!`>~]|\s|$)")
# a list marker a converter escaped at a line's start: "1\.", "\(1\)", "\-", "\+", "a\)"
_ESCAPED_MARKER = re.compile(r"(?m)^[ \t]*+(?:\d{1,3}\\\.|\\[-+*(]|[a-zđ]\\\))")
# "**…**", "__…__" and a single "_" opening or closing a word ("**_Nơi nhận:_**"); an
# underscore inside a word (a file name, an address) stays
_EMPHASIS = re.compile(r"\*+|__+|(?<![^\W_])_(?=[^\W_])|(?<=[^\s_])_(?![^\W_])")
# the national motto of a letterhead, whole or its first line ("CỘNG HÒA XÃ HỘI" / "CHỦ NGHĨA…")
_MOTTO = re.compile(r"^(?:cộng hòa xã hội|đảng cộng sản việt nam|độc lập - tự do)")
# what a line's first letter must be for its key to open with the motto: of all characters,
# only these fold to "c" or "đ"
_MOTTO_FIRST = frozenset("CcĐđ")
# the longest first cell read as a metadata label ("Cơ quan ban hành / Chức danh / Người ký")
_LABEL_CHARS = 48
# the most lines a letterhead spans above its motto, blank lines between its blocks counted
_HEAD_LINES = 16
# a letter's subject or number line, as long as a line of prose ("V/v trả lời kiến nghị …")
_SUBJECT = re.compile(r"^[ \t*_]*(?:V/v|Về việc|Số\b)", re.IGNORECASE)
# an appendix's caption ("**PHỤ LỤC I**", "PHỤ LỤC"): saved pages often put it straight
# after the closing pipe of the signature table ("Nơi nhận | KT. THỦ TƯỚNG …"), where it
# would read as one more cell of that row and take the appendix table's header with it
_APPENDIX_CAPTION = re.compile(r"^[ \t*#]*(?:PHỤ LỤC|\*\*[ \t]*Phụ lục)(?![^\W\d_])")
_MAX_CELL_LINES = 40  # a "cell" longer than this after a complete row is not a cell
# a row opening with a "cell" this long, of paragraphs, is the
# document's text (a short letter after its letterhead), not a row of the table
_MAX_LONE_CELL_LINES = 8


@dataclass(frozen=True)
class PortalRules:
    labels: dict[str, str]
    site_lines: tuple[re.Pattern[str], ...]
    tail_starts: tuple[re.Pattern[str], ...]
    tail_titles: tuple[re.Pattern[str], ...]


@lru_cache(maxsize=1)
def portal_rules() -> PortalRules:
    data = json.loads(
        resources.files("policy_lineage.loaders").joinpath("data/portal.json").read_text("utf-8")
    )
    return PortalRules(
        {fold(k): v for k, v in data["metadata_labels"].items()},
        tuple(re.compile(p) for p in data["site_lines"]),
        tuple(re.compile(p) for p in data["tail_starts"]),
        tuple(re.compile(p) for p in data["tail_titles"]),
    )


@dataclass
class MarkupView:
    text: str  # same length as the original
    portal: dict[str, str] = field(default_factory=dict)  # fact -> value from the metadata table
    dropped: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, why)
    # offsets of lines that open a paragraph whatever the wrapping says: a line set in bold
    # as a whole ("**1. Về hoàn thiện thể chế**") and the line after it
    breaks: frozenset[int] = frozenset()


def looks_marked_up(text: str) -> bool:
    """Markdown residue or a portal's page: lines of a lone ``|``, ``**`` pairs, a banner."""
    head = text[:20000]
    pipes = sum(1 for ln in head.splitlines() if _PIPE_LINE.match(ln)) if "|" in head else 0
    if pipes >= 3 or head.count("**") >= 6:
        return True
    if "\\" in head and len(_ESCAPED_MARKER.findall(head)) >= 2:
        return True  # a converter's Markdown ("1\. …", "\- …"): its marks read as marks
    return _portal_banner_end(_rows_shown(text)) > 0


def _rows_shown(text: str) -> list[str]:
    """The lines of ``text``, a line whose cells a tab separates shown as a Markdown row
    ("Số hiệu<TAB>318-QĐ/TW" → "| Số hiệu | 318-QĐ/TW |"): a page copied from a browser keeps
    its tables so, and its banner and metadata table are read as a saved page's are."""
    return [_tab_row(ln) for ln in text.split("\n")]


def _tab_row(line: str) -> str:
    if "\t" not in line or "|" in line:
        return line
    cells = [c.strip() for c in line.split("\t")]
    if sum(1 for c in cells if c) < 2:
        return line
    return "| " + " | ".join(cells) + " |"


# a Markdown link or image: "[words](target)", "![words](target)" (bounded, no nesting)
_LINK = re.compile(r"!?\[(?P<words>[^\[\]\n]{0,300})\]\([^()\s]{0,500}(?:\s+\"[^\"]{0,200}\")?\)")


def markup_view(text: str) -> MarkupView:
    """The same-length view of a saved page or Markdown text (module docstring)."""
    lines = text.split("\n")
    starts = []
    pos = 0
    for ln in lines:
        starts.append(pos)
        pos += len(ln) + 1
    buf = list(text)
    view = MarkupView("")

    def blank(i: int, j: int, why: str) -> None:
        """Lines i..j-1 become spaces (their newlines stay)."""
        if i >= j:
            return
        for k in range(i, j):
            for c in range(starts[k], starts[k] + len(lines[k])):
                if buf[c] not in "\r\f":
                    buf[c] = " "
        view.dropped.append((starts[i], starts[j - 1] + len(lines[j - 1]), why))

    rows = _rows_shown(text)  # what the page's parts are is read on these
    banner_end = _portal_banner_end(rows)
    if banner_end:
        view.portal = _portal_facts(rows[:banner_end])
        blank(0, banner_end, "portal banner and metadata table")
        head = _letterhead_start(rows, banner_end)
        blank(banner_end, head, "portal summary before the document")
        banner_end = head
    rules = portal_rules()
    if not banner_end:
        # a site's header with no metadata table (its name, a menu, a breadcrumb) before the
        # letterhead: dropped when one of those lines is the site's
        head = _letterhead_start(rows, 0)
        if head and any(_site_header(ln, rules) for ln in rows[:head]):
            blank(0, head, "portal banner")
            banner_end = head
    tail = _tail_start(rows, banner_end)
    if tail is not None:
        blank(tail, len(lines), "portal footer")
    for i in range(banner_end, tail if tail is not None else len(lines)):
        shown = _LINK.sub(lambda m: m.group("words"), rows[i])  # a link's words, not its site
        key = fold(shown.strip(" *|#"))
        if key and any(p.search(key) for p in rules.site_lines):
            blank(i, i + 1, "portal line")

    # Markdown marks, line by line (offsets kept: every mark becomes a space)
    end = tail if tail is not None else len(lines)
    for i in range(banner_end, end):
        s, ln = starts[i], "".join(buf[starts[i] : starts[i] + len(lines[i])])
        m = _HEADING.match(ln)
        if m:
            for c in range(m.start(1), m.end(1)):
                buf[s + c] = " "
        m = _BULLET_STAR.match(ln)
        if m:
            buf[s + m.end(1)] = "-"
        for m in _LINE_BREAK_TAG.finditer(
            ln
        ):  # "HỘI ĐỒNG NHÂN DÂN<br>TỈNH GIA LAI": a cell's lines
            for c in range(m.start(), m.end()):
                buf[s + c] = " "
        for m in _LINK.finditer(ln):  # "[Nghị quyết số 57-NQ/TW](https://…)": its words
            buf[s + m.start()] = " "
            for c in range(m.end("words"), m.end()):
                buf[s + c] = " "
        for m in _EMPHASIS.finditer(ln):
            if m.group().startswith("*") and m.start() == (_bullet_at(ln)):
                continue
            for c in range(m.start(), m.end()):
                buf[s + c] = " "
        _unescape(buf, s, "".join(buf[s : s + len(lines[i])]))  # after the marks around it

    _nested_lists(lines, starts, buf, banner_end, end)
    view.breaks = _bold_line_breaks(lines, starts, banner_end, end)
    _flatten_tables(lines, starts, buf, banner_end, end)
    _markdown_rows(lines, starts, buf, banner_end, end)
    _bare_rows(lines, starts, buf, banner_end, end)
    for i in range(banner_end, end):  # a lone "|" left outside any table is residue
        if _PIPE_LINE.match(lines[i]) and buf[starts[i] : starts[i] + len(lines[i])].count("|"):
            _set(buf, starts[i], lines[i], " ")
    view.text = "".join(buf)
    return view


_ORDERED = re.compile(r"^( *+)(\d{1,3})([.)])(?= +\S)")
_LETTERS = "abcdđeghiklmnopqrstuvxy"  # a list's letters in Vietnamese (no f, j, w, z)


def _nested_lists(
    lines: list[str], starts: list[int], buf: list[str], first: int, end: int
) -> None:
    """Markdown lists nested by indentation, as converters write a Word list's levels
    ("1. Sở Tài chính:" then "   1. Chủ trì …" or "    1)  Chủ trì …"): an ordered item one
    level in is shown lettered ("a)"), two or more levels in as a dash, as the documents
    print their levels, so the item stays under the one it belongs to. Items at the margin
    and text between them end the nesting."""
    opened: list[int] = []  # the indentation of each open ordered item, outermost first
    for i in range(first, end):
        line = "".join(buf[starts[i] : starts[i] + len(lines[i])])
        if not line.strip():
            continue
        m = _ORDERED.match(line)
        # the line's own indentation, not the view's (marks around "**1. …**" and a marker's
        # escape, blanked or moved, are no indentation)
        indent = len(lines[i]) - len(lines[i].lstrip(" "))
        if m is None:
            if indent == 0:
                opened = []  # a paragraph at the margin: the list is over
            continue
        while opened and indent <= opened[-1]:
            opened.pop()
        depth = len(opened)
        opened.append(indent)
        if depth == 0:
            continue
        a, b = m.start(2), m.end(3)
        n = int(m.group(2))
        shown = _LETTERS[n - 1] + ")" if depth == 1 and n <= len(_LETTERS) else "-"
        shown = " " * (b - a - len(shown)) + shown
        for k, c in enumerate(shown):
            buf[starts[i] + a + k] = c


def _unescape(buf: list[str], start: int, line: str) -> None:
    """A converter's escapes ("1\\.", "\\(2\\)", "\\- Sở", "57\\-NQ/TW"), each word shown
    without them and moved right by as many spaces: "1\\." reads " 1.", a list marker as
    one, and what follows the word keeps its offsets."""
    done = -1  # the end of the last word rewritten
    for m in _ESCAPE.finditer(line):
        if m.start() < done:
            continue
        a = m.start()
        while a > 0 and not line[a - 1].isspace():
            a -= 1
        b = m.end()
        while b < len(line) and not line[b].isspace():
            b += 1
        word = _ESCAPE.sub("", line[a:b])
        shown = " " * (b - a - len(word)) + word
        for k, c in enumerate(shown):
            buf[start + a + k] = c
        done = b


_BOLD = re.compile(r"\*\*")
# a converter's line break inside a table cell
_LINE_BREAK_TAG = re.compile(r"<br\s*+/?>", re.IGNORECASE)
_LETTER_ITEM = re.compile(r"(?:[a-zđ]\)|\((?:[a-zđ]|\d{1,2}|[ivx]{1,4})\))\s")


def _bold_line_breaks(lines: list[str], starts: list[int], begin: int, end: int) -> frozenset[int]:
    """Where whole lines set in bold begin and end: a heading of a saved page
    ("**2. Về hạ tầng số**", or a title wrapped over a few lines) is a paragraph of its own,
    even when the page wraps its lines with nothing between paragraphs. Bold that closes
    inside a line ("**Điều 1.** Phê duyệt …") is not a heading; nor is a bold line that the
    next line goes on in lower case."""
    out: set[int] = set()
    i = begin
    while i < end:
        if not lines[i].lstrip(" |").startswith("**"):
            i += 1
            continue
        opened = 0
        k = i
        while k < end and k < i + 5:
            text = lines[k].strip(" |")
            opened += len(_BOLD.findall(text))
            if opened % 2 == 0:
                break  # closed on this line
            k += 1
        if k >= end or k >= i + 5 or not lines[k].strip(" |").endswith("**"):
            i += 1
            continue
        goes_on = (
            i > begin
            and lines[i - 1].strip(" |").endswith("**")
            and (lines[i].strip(" |*")[:1].islower() or lines[i].strip(" |*")[:1] in ",;)")
        )
        if not goes_on:  # "**… Ủy ban nhân dân các xã,**" then "**phường:**": one heading
            out.add(starts[i])
        nxt = lines[k + 1].strip(" |*") if k + 1 < len(lines) else ""
        item = _LETTER_ITEM.match(nxt)  # "a) Chủ trì …" under "**1. Sở Tài chính**"
        if k + 1 < len(lines) and (item or not (nxt[:1].islower() or nxt[:1] in ",;)")):
            out.add(starts[k + 1])
        i = k + 1
    return frozenset(out)


def _bullet_at(line: str) -> int:
    m = _BULLET_STAR.match(line)
    return m.end(1) if m else -1


def _label_of(line: str) -> str | None:
    key = fold(line.strip(" *|#"))
    key = key.rstrip(" :")
    return portal_rules().labels.get(key)


def _row_facts(line: str) -> list[tuple[str, str]]:
    """A metadata table saved as one Markdown row of label and value cells: "**Số ký hiệu** |
    61/NQ-HĐND | **Ngày ban hành** | 10/12/2025"; a label joining several facts ("Cơ quan
    ban hành / Chức danh / Người ký") gives each part of its value. (fact, value) pairs."""
    if line.count("|") < 1 or _PIPE_LINE.match(line):
        return []
    cells = [c.strip(" *") for c in line.strip().strip("|").split("|")]
    out: list[tuple[str, str]] = []
    for k in range(0, len(cells) - 1, 2):
        label, value = cells[k], cells[k + 1]
        fact = _label_of(label)
        if fact is not None:
            out.append((fact, value))
            continue
        parts = [p.strip() for p in label.split("/")]
        values = [v.strip() for v in value.split(" / ")]
        if len(parts) > 1 and len(parts) == len(values):
            for part, v in zip(parts, values, strict=True):
                fact = _label_of(part)
                if fact is not None:
                    out.append((fact, v))
    return out


def _site_header(line: str, rules: PortalRules) -> bool:
    """A line of a site's header: a site line (a menu, a breadcrumb), or the portal's name
    ("CỔNG THÔNG TIN ĐIỆN TỬ XÃ TÂN MINH")."""
    key = fold(_LINK.sub(lambda m: m.group("words"), line).strip(" *|#"))
    return bool(key) and (
        key.startswith("cổng thông tin điện tử") or any(p.search(key) for p in rules.site_lines)
    )


def _portal_banner_end(lines: list[str]) -> int:
    """Index of the first line after the portal's metadata table; 0 when there is none.

    The table must come before the document's letterhead (the national motto).
    """
    labels: list[int] = []
    for i, ln in enumerate(lines[:400]):
        bare = ln.strip(" *|#")
        if _motto_cell(ln):
            break  # the letterhead written as one Markdown row
        if (
            ":" not in bare
            and bare.lstrip()[:1] not in _MOTTO_FIRST
            and not _short_first_cell(bare)
        ):
            continue  # neither a label nor the motto (folding keeps ":" and these letters)
        key = fold(bare)
        if _MOTTO.search(key):
            break
        row = _row_facts(ln)
        if row:
            labels.extend([i] * len(row))
            continue
        # a label may be wrapped across two lines ("**\nNgày hiệu lực:**")
        if (
            key.endswith(":")
            and _label_of(ln) is not None
            or ":" in key
            and _label_of(key.split(":", 1)[0]) is not None
        ):
            labels.append(i)
    if len(labels) < 3:
        return 0
    last = labels[-1]
    if _row_facts(lines[last]):
        return last + 1
    # the last label's value: the next line that is neither a pipe nor blank
    j = last + 1
    if ":" in lines[last] and lines[last].split(":", 1)[1].strip(" *|"):
        return last + 1
    while j < len(lines) and (not lines[j].strip() or _PIPE_LINE.match(lines[j])):
        j += 1
    return min(j + 1, len(lines))


def _short_first_cell(bare: str) -> bool:
    """A row of cells whose first is as short as a label ("Số ký hiệu | 02-QC/ĐU"): it may be
    a row of the metadata table, whose labels need no colon ("| Loại văn bản | Quy chế |")."""
    cut = bare.find("|")
    return 0 < cut <= _LABEL_CHARS


def _motto_cell(line: str) -> bool:
    """A Markdown table row ("| … | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM … |") one of whose
    cells opens with the national motto."""
    if line.count("|") < 2 or not _MD_ROW.match(line):
        return False
    return any(_MOTTO.search(fold(cell.strip(" *#"))) for cell in line.split("|")[1:-1])


def _letterhead_start(lines: list[str], after: int) -> int:
    """Where the document's letterhead begins after a portal banner (a news summary may
    sit between them): the row of the heading table that holds the national motto."""
    for i in range(after, min(len(lines), after + 400)):
        key = fold(lines[i].strip(" *|#"))
        if _MD_ROW.match(lines[i]) and _motto_cell(lines[i]):
            return i  # "| VĂN PHÒNG CHÍNH PHỦ | CỘNG HÒA XÃ HỘI …|": a row on one line
        if _MOTTO.search(key):
            pipes = [j for j in range(max(after, i - 12), i) if _PIPE_LINE.match(lines[j])]
            if len(pipes) >= 2:
                return pipes[-2]  # the row's opening pipe, before the issuer's cell
            # the issuer's block above the motto, short lines and the blank lines between
            # them ("**BỘ Y TẾ**", "Số: …", "V/v …", a blank, then the motto), up to the
            # metadata table or the summary's prose
            j = k = i
            while k > after and k > i - _HEAD_LINES:
                above = lines[k - 1]
                if (
                    _MD_ROW.match(above)
                    or len(above) >= 60
                    and not _SUBJECT.match(above)
                    or _site_header(above, portal_rules())
                ):
                    break
                k -= 1
                if above.strip() and not _DECORATION.match(above):
                    j = k
            return j
    return after


def _portal_facts(lines: list[str]) -> dict[str, str]:
    """The metadata table's facts: label lines, each followed by its value."""
    facts: dict[str, str] = {}
    i = 0
    while i < len(lines):
        ln = lines[i]
        row = _row_facts(ln)
        if row:
            for fact, value in row:
                if fact and value and fact not in facts:
                    facts[fact] = collapse(value)
            i += 1
            continue
        fact = _label_of(ln)
        inline = None
        if fact is None and ":" in ln:
            head, rest = ln.split(":", 1)
            fact = _label_of(head)
            inline = rest.strip(" *|")
        if fact:
            value = inline
            if not value:
                j = i + 1
                while j < len(lines) and (not lines[j].strip() or _PIPE_LINE.match(lines[j])):
                    j += 1
                value = lines[j].strip(" *|") if j < len(lines) else ""
                i = j
            if value and fact not in facts:
                facts[fact] = collapse(value)
        i += 1
    return facts


def _tail_start(lines: list[str], after: int) -> int | None:
    """First line of the site's tail (and the site title lines just above it)."""
    rules = portal_rules()
    for i in range(after, len(lines)):
        key = fold(lines[i].strip(" *|"))
        if key and any(p.search(key) for p in rules.tail_starts):
            j = i
            while j > after:
                prev = fold(lines[j - 1].strip(" *"))
                if not prev or any(p.search(prev) for p in rules.tail_titles):
                    j -= 1
                    continue
                break
            return j
    return None


def _flatten_tables(
    lines: list[str], starts: list[int], buf: list[str], first: int, end: int
) -> None:
    """Rows of tables flattened one cell per line become one line each, cells tab-separated."""
    i = first
    while i < end:
        if not _PIPE_LINE.match(lines[i]):
            i += 1
            continue
        i = _flatten_one(lines, starts, buf, i, end)


def _flatten_one(lines: list[str], starts: list[int], buf: list[str], i: int, end: int) -> int:
    """Rewrite the table whose first ``|`` line is ``i``; return the line after it.

    A row opens with a ``|`` line and each cell is closed by one. Two ``|`` lines in a
    row end the row and open the next; after a row as wide as the table's widest, or a
    blank line, the table is over.
    """
    rows: list[list[tuple[int, int]]] = []  # cells as line ranges [a, b)
    pipes: list[list[int]] = []  # the pipe lines of each row: opening, then one per cell
    width = 0
    k = i  # the opening pipe of the next row
    while k < end and _PIPE_LINE.match(lines[k]):
        if k + 1 < end and _PIPE_LINE.match(lines[k + 1]) and not rows:
            k += 1  # a run of pipes before the first cell
            continue
        row: list[tuple[int, int]] = []
        row_pipes = [k]
        j = k + 1
        more = False  # does another row follow?
        while j <= end:
            if row:
                if (
                    width
                    and len(row) < width
                    and j + 1 < end
                    and _PIPE_LINE.match(lines[j])
                    and _PIPE_LINE.match(lines[j + 1])
                    and not (j + 2 < end and _PIPE_LINE.match(lines[j + 2]))
                    and any(lines[x].strip() for a, b in row for x in range(a, b))
                ):
                    # three pipes after a short row ("| | I. Kinh tế số | |", a group row
                    # whose cells are empty): the first closes an empty cell of this row
                    row.append((j, j))
                    row_pipes.append(j)
                    j += 1
                    continue
                if j < end and _PIPE_LINE.match(lines[j]):
                    more = True  # two pipes: this row ends, the next opens
                    break
                if j >= end or (
                    not lines[j].strip() and not (j + 1 < end and _PIPE_LINE.match(lines[j + 1]))
                ):
                    break  # a blank line ends the table; one between two pipes is an empty cell
                if width and len(row) >= width and not _row_goes_on(lines, j, end):
                    break
                if _APPENDIX_CAPTION.match(lines[j]):
                    break  # "PHỤ LỤC I" right after a row's closing pipe opens the next part
            a = j
            while j < end and not _PIPE_LINE.match(lines[j]):
                j += 1
            n = sum(1 for x in range(a, j) if lines[x].strip())
            # after the cells of a first row, a long run of lines is the text after the table
            limit = _MAX_CELL_LINES if width or len(row) < 2 else _MAX_CELL_LINES // 3
            if j >= end or n > limit:
                break  # no closing pipe near: not a cell
            if not row and n > _MAX_LONE_CELL_LINES and _prose(lines, a, j):
                break  # paragraphs opening a row: the text after the table
            row.append((a, j))
            row_pipes.append(j)
            j += 1
        if not row:
            break
        rows.append(row)
        pipes.append(row_pipes)
        width = max(width, len(row))
        if len(rows) == 2 and 1 < len(rows[1]) < len(rows[0]):
            # a two-row header: the second row splits one merged cell of the first
            # ("Cơ quan thực hiện" over "Chủ trì | Phối hợp"), so data rows are wider
            width = len(rows[0]) + len(rows[1]) - 1
        k = row_pipes[-1] + 1
        if not more:
            break
    if not rows:
        return i + 1
    for row, row_pipes in zip(rows, pipes, strict=True):
        opening, *between = row_pipes
        closing = between[-1]
        # a row of one cell (the others merged from the row above) still reads as a row
        _set(buf, starts[opening], lines[opening], "\t" if len(row) == 1 and len(rows) > 1 else " ")
        for x in range(opening, closing):
            buf[starts[x] + len(lines[x])] = " "  # the newline after line x
        for p in between[:-1]:
            _set(buf, starts[p], lines[p], "\t")
        _set(buf, starts[closing], lines[closing], " ")
        for a, b in row:
            for x in range(a, b):
                if _DECORATION.match(lines[x]):
                    _set(buf, starts[x], lines[x], " ")
    return k


_MD_ROW = re.compile(r"^[ \t]*\|.*\|[ \t]*$")
_MD_RULE = re.compile(r"^[ \t|:\-–]*$")


def _markdown_rows(
    lines: list[str], starts: list[int], buf: list[str], first: int, end: int
) -> None:
    """Tables written one line per row, as Markdown converters write them ("| a | b |", a rule
    "|---|---|" under the header): each row becomes a line of tab-separated cells, as the
    readers give a table, and the rule a blank line."""
    i = first
    while i < end:
        line = lines[i]
        if _ONE_CELL_RULE.match(line):
            # a table of one column (a boxed note, a stamp): its header row over the rule and
            # the rows after it are paragraphs (each line looked at once: a long run of such
            # lines stays linear)
            _set(buf, starts[i], line, " ")
            if i > first and _one_cell_row(lines[i - 1]):
                _set_pipes(buf, starts[i - 1], lines[i - 1])
            i += 1
            while i < end and _one_cell_row(lines[i]):
                _set_pipes(buf, starts[i], lines[i])
                i += 1
            continue
        if _MD_ROW.match(line) and line.count("|") >= 3:
            if _MD_RULE.match(line):
                _set(buf, starts[i], line, " ")
            else:
                first_pipe, last_pipe = line.index("|"), line.rindex("|")
                for c, ch in enumerate(line):
                    if ch == "|":
                        buf[starts[i] + c] = " " if c in (first_pipe, last_pipe) else "\t"
        i += 1


# the rule under the first row of a table of one column: "| --- |"
_ONE_CELL_RULE = re.compile(r"^[ \t]*+\|[ \t]*+:?-{3,}+:?[ \t]*+\|[ \t]*+$")


def _one_cell_row(line: str) -> bool:
    """A row of a one-column table: "| DỰ THẢO |" (not its rule)."""
    return bool(_MD_ROW.match(line)) and line.count("|") == 2 and not _ONE_CELL_RULE.match(line)


def _set_pipes(buf: list[str], start: int, line: str) -> None:
    """The pipes of ``line`` (at ``start``) become spaces, its words stay."""
    for c, ch in enumerate(line):
        if ch == "|":
            buf[start + c] = " "


# the rule under a table's header written without outer pipes: "---|---", ":--|--:|---"
_BARE_RULE = re.compile(r"^[ \t]*+:?-{3,}+:?[ \t]*+(?:\|[ \t]*+:?-{3,}+:?[ \t]*+)++\|?[ \t]*+$")


def _bare_rows(lines: list[str], starts: list[int], buf: list[str], first: int, end: int) -> None:
    """Tables written one line per row without outer pipes, as html2text writes them
    ("Số 37-HD/BTGDVTW| Hà Nội, ngày …" under "---|---"): the header above the rule and the
    lines after it that hold a "|" become lines of tab-separated cells, the rule a blank line."""
    i = first
    while i < end:
        if "|" not in lines[i] or not _BARE_RULE.match(lines[i]) or _MD_ROW.match(lines[i]):
            i += 1
            continue
        _set(buf, starts[i], lines[i], " ")
        rows = [i - 1] if i > first and "|" in lines[i - 1] else []
        k = i + 1
        while k < end and "|" in lines[k] and not _PIPE_LINE.match(lines[k]):
            if _BARE_RULE.match(lines[k]) and not _MD_ROW.match(lines[k]):
                break  # the next table's rule: its header is the row before it
            rows.append(k)
            k += 1
        i = k
        for r in rows:
            if _MD_ROW.match(lines[r]):
                continue  # a row with its outer pipes: read as such (_markdown_rows)
            for c, ch in enumerate(lines[r]):
                if ch == "|" and buf[starts[r] + c] == "|":
                    buf[starts[r] + c] = "\t"


def _prose(lines: list[str], a: int, b: int) -> bool:
    """Lines ``a``..``b-1`` are paragraphs: several lines that are not items of a list (a
    letter's "Nơi nhận: - Như trên; - Lưu: VT.") end a sentence or open a list."""
    ends = sum(
        1
        for x in range(a, b)
        if lines[x].rstrip(" *").endswith((".", ";", ":"))
        and not lines[x].lstrip(" *").startswith(("-", "+", "–"))
    )
    return ends >= 3


def _row_goes_on(lines: list[str], j: int, end: int) -> bool:
    """After a row as wide as the table so far, more short cells up to two pipes in a row:
    the row is wider (a header under group rows that span the table: "B | PHÁT TRIỂN …",
    then "Nội dung | Đơn vị thực hiện | Đơn vị phối hợp | …")."""
    cells = 0
    k = j
    while k < end and cells < 12:
        a = k
        while k < end and not _PIPE_LINE.match(lines[k]):
            if not lines[k].strip() or k - a >= 3:
                return False
            k += 1
        if k >= end or k == a:
            return False
        cells += 1
        if k + 1 < end and _PIPE_LINE.match(lines[k + 1]):
            return True  # two pipes: the row ends here
        k += 1
    return False


def _set(buf: list[str], start: int, line: str, pipe: str) -> None:
    """A pipe line: the pipe becomes ``pipe``, the rest of the line spaces."""
    for c in range(start, start + len(line)):
        buf[c] = pipe if line[c - start] == "|" else " "
