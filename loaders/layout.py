"""Rebuild a document's paragraphs from text as it really arrives.

Text copied out of PDFs breaks lines mid-phrase (often with blank lines between),
leaves page numbers alone on a line, repeats table headers on every page, glues
footnote marks to words (``ngày 15/9/20251``), puts footnotes in the middle of
the body and a "Dự thảo" mark anywhere. :func:`layout` classifies every line and
joins the body lines back into paragraphs, keeping for each character of the
cleaned text the offset of the original character, so every fact found in a
paragraph can point back into the original text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..schema.model import Span
from .textnorm import CAPITALS, SMALL, match_key, nfc_map

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_VALUE = {c: str(i) for i, c in enumerate(SUPERSCRIPTS)}

# "*+", "++", "?+": possessive (Python 3.11), so a run of spaces is scanned once: no
# catastrophic backtracking on a line of 50,000 spaces (tests/robustness).
# Markers that open a list item: Roman sections, 1. / 1.2. / 2.1.3., a) b) đ), dashes.
ROMAN = r"(?:X{0,3}(?:IX|IV|V?I{0,3}))"
MARKER_RE = re.compile(
    r"^\s*+(?:"
    r"(?P<struct>(?:Phần|PHẦN|Chương|CHƯƠNG|Mục|MỤC)\s++(?:[IVXLC]{1,6}|\d{1,2})(?![\wđ])"
    r"|(?:Điều|ĐIỀU)\s++\d{1,3}(?![\wđ/]))\s*+[.:\-–]?\s*+(?=\S)"
    r"|(?P<roman>" + ROMAN + r")\s*[.\-–:]\s+(?=\S)"
    r"|(?P<num>\d{1,2}(?:\.\d{1,2}){0,3})\s*(?:[.)]\s*(?=\S)|[-–]\s++(?=[" + CAPITALS + r"]))"
    # "1- Các đảng ủy …": a Party document's numbering; not "30 - 50 triệu"
    r"|(?P<letter>[a-zđ])\s*(?:\)\s*(?=\S)|\.\s++(?=[" + CAPITALS + r"]))"  # "a) …", "a. Về …"
    r"|(?P<paren>\((?:\d{1,2}|[ivx]{1,5}|[a-zđ])\))\s*(?=\S)"
    r"|(?P<dash>[-–—+•*])\s*(?=\S)"
    r")"
)
_PAGE_NO = re.compile(
    r"^\s*+(?:trang\s+)?[-–]?\s*+\d{1,3}(?:\s*+/\s*+\d{1,3})?\s*+[-–]?\s*+$", re.IGNORECASE
)
# a running header printed with its page on one line, far apart: "Thông báo kết luận - Bộ
# Công Thương                         Trang 2/3"
_HEADER_WITH_PAGE = re.compile(
    r"^.{3,100}?\S\s{3,}trang\s++\d{1,3}(?:\s*+/\s*+\d{1,3})?\s*+$", re.I
)
_DRAFT = re.compile(
    r"^\s*+\**+\s*+(?:dự\s*+thảo|DỰ\s*+THẢO)(?:\s*+(?:lần\s*+)?\d++)?\s*+\**+\s*+$", re.I
)
_FOOTNOTE_START = re.compile(
    r"^\s*(?P<mark>(?:[" + SUPERSCRIPTS + r"]+|\d{1,2})(?=\s+[^\W\d_])|\[\d{1,3}\](?=\s*[^\W\d_]))"
)
# "[1]" after a word: a footnote mark as saved web pages and Markdown write them
_BRACKET_MARK = re.compile(r"(?<=\S)\[(\d{1,3})\]")
_TABLE_HEADER = re.compile(r"^\s*+S?TT\s++.*(?:nhiệm vụ|nội dung|tên|công việc)", re.IGNORECASE)
# Glued footnote marks: a date with digits after the year, a code with digits after it.
_GLUED_DATE = re.compile(r"(\d{1,2}/\d{1,2}/\d{4})(\d{1,2})(?!\d)")
_GLUED_CODE = re.compile(r"(/[A-ZĐ][A-ZĐa-z]*(?:-[A-ZĐ][A-ZĐa-z]*)*)(\d{1,2})(?![\d/])")
_SUP_RUN = re.compile("[" + SUPERSCRIPTS + "]+")
_PIPE_ROW = re.compile(r"^\s*+\|(?:[^|\n]*+\|){2,}+\s*+$")
# a row without its outer pipes: three cells or more, every pipe between spaces
_BARE_PIPE_ROW = re.compile(r"^\s*+[^\s|][^|\n]*(?:\s\|(?=\s|$)[^|\n]*){2,}$")
# one pipe between spaces: a group row ("I | HẠ TẦNG SỐ") when it follows such rows
_BARE_PIPE_GROUP = re.compile(r"^\s*+[^\s|][^|\n]*\s\|\s[^|\n]*$")
_PIPE_RULE = re.compile(r"^\s*+\|?+(?:\s*+:?-{3,}+:?\s*+\|)++\s*+:?-*+:?\s*+\|?+\s*+$")
_OPENING_CUE = re.compile(
    r"^(?:Căn cứ|Thực hiện|Kính gửi|Nơi nhận|Xét đề nghị|Theo đề nghị|Trên cơ sở|CĂN CỨ|THỰC HIỆN)"
    r"(?![\wđ])"
)
_SENTENCE_END = re.compile(r"[.;:!?]\s*+\**+\s*+$|\./\.\s*+$")


@dataclass
class Line:
    start: int  # offsets of the line in the original text (without the newline)
    end: int
    text: str  # NFC text of the line, stripped of trailing spaces
    kind: str = "content"  # content, blank, page, draft, footnote, header_repeat, table_row
    page: int = 1
    footnote: str | None = None  # the mark of the footnote this line belongs to

    @property
    def stripped(self) -> str:
        return self.text.strip()


@dataclass
class Paragraph:
    text: str  # cleaned text: lines joined, footnote marks removed
    offsets: list[int]  # original offset of each character of ``text``
    kind: str  # "body", "footnote", "table_row"
    first_line: int  # index in Layout.lines
    last_line: int
    page: int = 1
    footnote: str | None = None  # for a footnote paragraph: its mark
    marks: list[tuple[int, str]] = field(default_factory=list)  # (position in text, footnote mark)

    def span(self, start: int = 0, end: int | None = None) -> Span:
        """The original-text span of ``text[start:end]``."""
        end = len(self.text) if end is None else end
        start = max(0, min(start, len(self.text) - 1))
        end = max(start + 1, min(end, len(self.text)))
        return Span(self.offsets[start], self.offsets[end - 1] + 1)

    @property
    def key(self) -> str:
        return match_key(self.text)


@dataclass
class Layout:
    lines: list[Line]
    paragraphs: list[Paragraph]
    draft_marked: bool
    footnote_marks: set[str]


def _split_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    page = 1
    pos = 0
    for raw in re.split(r"(\n)", text):
        if raw == "\n":
            pos += 1
            continue
        # A form feed starts a new page; it may sit inside a line.
        parts = raw.split("\f")
        for k, part in enumerate(parts):
            if k:
                page += 1
                pos += 1
            # a table row keeps its empty last cells ("2\tViệc B\tTổ số 2\t\t"): which
            # column each cell is in is then known, not guessed
            kept = _row_end(part)
            nfc, _ = nfc_map(kept)
            lines.append(Line(pos, pos + len(kept), nfc, page=page))
            pos += len(part)
    return lines


def _row_end(part: str) -> str:
    """A line less its trailing spaces; a row of tab-separated cells keeps its last tabs."""
    end = part.rstrip()
    if "\t" in end and "\t" in part[len(end) :]:
        return part.rstrip(" \r\n\v") or end
    return end


def _sup_marks(text: str) -> set[str]:
    return {"".join(_SUP_VALUE[c] for c in m.group()) for m in _SUP_RUN.finditer(text)}


def _glued_marks(text: str) -> set[str]:
    # a glued date or code holds a "/", a bracketed mark a "[": most lines hold neither
    slash = "/" in text
    marks = {m.group(2) for m in _GLUED_DATE.finditer(text)} if slash else set()
    if "[" in text:
        marks |= {m.group(1) for m in _BRACKET_MARK.finditer(text)}
    for m in _GLUED_CODE.finditer(text) if slash else ():
        if not m.group(1).upper().endswith("QH"):
            marks.add(m.group(2))
    return marks


def _classify(
    lines: list[Line], one_line_paragraphs: bool = False, pages: bool = True
) -> tuple[bool, set[str]]:
    draft = False
    bare_rows = False  # the lines before were rows written without their outer pipes
    for line in lines:
        s = line.stripped
        was_bare, bare_rows = bare_rows, False
        if not s:
            line.kind = "blank"
        elif "\t" in line.text:
            line.kind = "table_row"
        elif _PIPE_ROW.match(line.text):
            # a Markdown table row; its rule line "|---|---|" is not content
            line.kind = "page" if _PIPE_RULE.match(line.text) else "table_row"
        elif _BARE_PIPE_ROW.match(line.text) or (was_bare and _BARE_PIPE_GROUP.match(line.text)):
            # a row some converters write without the outer pipes ("1 | Nội dung | Sở Y tế")
            line.kind = "table_row"
            bare_rows = True
        elif _DRAFT.match(s):
            line.kind = "draft"
            draft = True
        elif _PAGE_NO.match(s) or (pages and _HEADER_WITH_PAGE.match(line.text)):
            line.kind = "page"
    if pages:  # a saved web page has no running page headers: a repeated line is text
        _mark_repeated_headers(lines)
    marks = _mark_footnotes(lines, one_line_paragraphs)
    return draft, marks


def _mark_repeated_headers(lines: list[Line]) -> None:
    """Drop table headers repeated on every page (keep the first) and running page headers."""
    content = [i for i, ln in enumerate(lines) if ln.kind == "content"]
    starts = [i for i in content if _TABLE_HEADER.match(lines[i].stripped)]
    if len(starts) >= 2:
        first = starts[0]
        # the header block: non-blank lines after the first occurrence that every other
        # occurrence repeats in the same order
        block = [lines[first].stripped]
        nxt = [j for j in content if j > first]
        for j in nxt[:8]:
            block.append(lines[j].stripped)
        for s in starts[1:]:
            seq = [j for j in content if j >= s][: len(block)]
            k = 0
            while k < len(seq) and k < len(block) and lines[seq[k]].stripped == block[k]:
                lines[seq[k]].kind = "header_repeat"
                k += 1
    counts = Counter(
        lines[i].stripped
        for i in content
        if len(lines[i].stripped) >= 25 and lines[i].kind == "content"
    )
    for text, n in counts.items():
        if n >= 3 and not MARKER_RE.match(text):
            seen = False
            for i in content:
                if lines[i].stripped == text and lines[i].kind == "content":
                    if seen:
                        lines[i].kind = "header_repeat"
                    seen = True
    _mark_page_headers(lines, content)


def _next_kind(lines: list[Line], i: int, step: int) -> str | None:
    """The kind of the nearest non-blank line before (``step`` -1) or after (+1) line i."""
    i += step
    while 0 <= i < len(lines) and lines[i].kind == "blank":
        i += step
    return lines[i].kind if 0 <= i < len(lines) else None


def _mark_page_headers(lines: list[Line], content: list[int]) -> None:
    """A line printed twice or more, each time next to a page number ("2", "- 3 -"), is the
    document's running header or footer ("Kế hoạch số 38/KH-UBND ngày … của UBND phường"):
    dropped everywhere, the first time too (a short document has two pages, three at most)."""
    where: dict[str, list[int]] = {}
    for i in content:
        if lines[i].kind == "content" and len(lines[i].stripped) >= 15:
            where.setdefault(lines[i].stripped, []).append(i)
    for text, at in where.items():
        if len(at) < 2 or MARKER_RE.match(text):
            continue
        if all("page" in (_next_kind(lines, i, -1), _next_kind(lines, i, 1)) for i in at):
            for i in at:
                lines[i].kind = "header_repeat"


def _mark_footnotes(lines: list[Line], one_line_paragraphs: bool = False) -> set[str]:
    """Find footnote blocks: a line opening with a mark used earlier in the text."""
    marks: set[str] = set()
    seen_text = []
    candidates: set[str] = set()
    for i, line in enumerate(lines):
        if line.kind != "content":
            continue
        m = _FOOTNOTE_START.match(line.text)
        if m:
            mark = m.group("mark")
            value = "".join(_SUP_VALUE.get(c, c) for c in mark.strip("[]"))
            is_sup = mark[0] in SUPERSCRIPTS or (mark[0] == "[" and value in candidates)
            if (is_sup or value in candidates) and not MARKER_RE.match(line.text):
                _take_footnote(lines, i, value, one_line_paragraphs)
                marks.add(value)
                continue
        seen_text.append(line.text)
        candidates |= _glued_marks(line.text) | _sup_marks(line.text)
    return marks


def _take_footnote(lines: list[Line], i: int, mark: str, one_line: bool = False) -> None:
    lines[i].kind = "footnote"
    lines[i].footnote = mark
    if one_line:
        return  # a .docx footnote is one paragraph
    j = i + 1
    # continuation lines follow without a blank line in between; a new page, a list
    # item or a line after a finished sentence is the body again
    while j < len(lines) and lines[j].kind == "content":
        if _FOOTNOTE_START.match(lines[j].text) and lines[j].text.lstrip()[0] in SUPERSCRIPTS + "[":
            break
        if lines[j].page != lines[i].page or MARKER_RE.match(lines[j].text):
            break
        prev = lines[j - 1].text.rstrip()
        if _SENTENCE_END.search(prev) and lines[j].stripped[:1].isupper():
            break
        lines[j].kind = "footnote"
        lines[j].footnote = mark
        j += 1


def _strip_marks(text: str, offsets: list[int], marks: set[str]) -> tuple[str, list[int], list]:
    """Remove footnote marks glued to words; return the positions where they stood."""
    found: list[tuple[int, str]] = []
    cut: list[tuple[int, int, str]] = []
    for m in _SUP_RUN.finditer(text):
        cut.append((m.start(), m.end(), "".join(_SUP_VALUE[c] for c in m.group())))
    slash = bool(marks) and "/" in text  # no mark to cut, or no date or code to cut it from
    for m in _GLUED_DATE.finditer(text) if slash else ():
        if m.group(2) in marks:
            cut.append((m.start(2), m.end(2), m.group(2)))
    for m in _BRACKET_MARK.finditer(text) if marks and "[" in text else ():
        if m.group(1) in marks:
            cut.append((m.start(), m.end(), m.group(1)))
    for m in _GLUED_CODE.finditer(text) if slash else ():
        if m.group(2) in marks and not m.group(1).upper().endswith("QH"):
            cut.append((m.start(2), m.end(2), m.group(2)))
    if not cut:
        return text, offsets, found
    cut.sort()
    out: list[str] = []
    out_off: list[int] = []
    pos = 0
    for s, e, mark in cut:
        if s < pos:
            continue
        out.append(text[pos:s])
        out_off.extend(offsets[pos:s])
        found.append((sum(len(p) for p in out), mark))
        pos = e
    out.append(text[pos:])
    out_off.extend(offsets[pos:])
    return "".join(out), out_off, found


def _line_width(lines: list[Line]) -> int:
    lengths = sorted(len(ln.stripped) for ln in lines if ln.kind == "content")
    if not lengths:
        return 80
    return lengths[int(len(lengths) * 0.9) - 1 if len(lengths) > 1 else 0]


# the first lettered item under a heading with no stop: "a) Tham mưu …" (not "a) khoản 2")
_FIRST_LETTER_ITEM = re.compile(r"a\)\s++[" + CAPITALS + r"]")


# a line that is only an item's marker, in bold or not: "**1.", "IV.", "a)", "**9.****"
# or an article's or a chapter's word (and number) whose title is on the next line: "**Điều",
# "**Điều 21."
_BARE_MARKER = re.compile(
    r"[*_]*+\s*+(?:(?:[IVXL]{1,5}|\d{1,2}(?:\.\d{1,2})*+|[a-zđ])\s*+[.)]"
    r"|(?i:điều|chương|mục|phần)(?:\s++(?:\d{1,3}|[IVXL]{1,5}))?\s*+[.:]?)\s*+[*_]*+"
)


# a letter's addressees: "Kính gửi: …" (in bold: "**Kính gửi:**")
_ADDRESSED_TO = re.compile(r"[*_]*+\s*+(?:Kính gửi|KÍNH GỬI)\b")


# an article or part named in a sentence, not a heading: "Điều 6, Điều 7 và …", "Điều 24 Luật"
_CITED_PART = re.compile(
    r"(?:Điều|Chương|Mục|Phần)\s++(?:\d{1,3}|[IVXL]{1,5})(?:\s*+,|\s++(?:và|của|Luật|Nghị"
    r"|Quyết|Thông|[" + SMALL + "]))"
)


# an article's title on a line of its own; a title broken after a word that goes on does not end
_ARTICLE_TITLE = re.compile(r"[*_]*+(?i:điều)\s++\d{1,3}\s*+[.:]\s*+[^.;:!?]{2,120}?[*_]*+")
_OPEN_END = re.compile(
    r"(?i:\s(?:của|và|với|về|đối với|các|cho|tại|trong|thuộc|theo|hoặc))[*_]*+$|,[*_]*+$"
)


def _soft_joins(p: str, n: str, soft: str) -> str | None:
    """Lines of saved pages: every line break is a soft wrap, except where a paragraph
    visibly ends. ``soft="blank"``: paragraphs are separated by blank lines (handled by the
    caller), so inside one only a new item after a finished sentence breaks; ``"lines"``: no
    blank lines, so a finished sentence, a heading in capitals or a new item breaks."""
    if re.search(r"\d[-/]$", p) and re.match(r"^[A-ZĐ][A-ZĐa-z]*[/-]", n):
        return ""  # a document number broken at its hyphen: "05-" + "KH/TU"
    ends = bool(_SENTENCE_END.search(p))
    letters = [c for c in p if c.isalpha()]
    capitals = bool(letters) and all(c.isupper() for c in letters)
    if (
        _ARTICLE_TITLE.fullmatch(p)
        and not _OPEN_END.search(p)
        and (n[0].isupper() or n[0].isdigit())
    ):
        return None  # "Điều 5. Bảo quản tài liệu" then "Văn phòng … xây dựng …": its text
    if soft == "blank":
        if (MARKER_RE.match(n) or _OPENING_CUE.match(n)) and not any(c.islower() for c in p):
            # a title or heading in capitals (or its last line "2025 - 2027"), then "Căn cứ …"
            # or "1. …" with no blank line between
            return None
        return None if ends and (MARKER_RE.match(n) or _OPENING_CUE.match(n)) else " "
    if _BARE_MARKER.fullmatch(p):
        return " "  # "**1." then "Công an thành phố**": the item's marker, then its words
    if p.endswith(("**", "__")) and not n[0].islower():
        return None  # a bold heading closes at the line's end: "… Luật Việc làm**"
    if not ends and _CITED_PART.match(n):
        return " "  # "… theo quy định tại" then "Điều 6, Điều 7 …": a reference goes on
    if ends and MARKER_RE.match(n):
        return None  # "…:" then "a) Chủ trì …": a lettered item opens in lower case
    if _FIRST_LETTER_ITEM.match(n):
        return None  # "1. Giám đốc Sở Nội vụ" then "a) Tham mưu …": the heading's first item
    if n[0].islower() or n[0] in ",;)]%":
        return " "
    if p.endswith(":") and n[0].isdigit() and not MARKER_RE.match(n):
        return " "  # "điện thoại:" then "0263.3822541) trước ngày …": the colon's value
    if ends or MARKER_RE.match(n) or _OPENING_CUE.match(n):
        return None
    if capitals and not n.isupper():
        return None  # a heading in capitals, then its text
    return " "


def _joins(
    prev: str, nxt: str, width: int, wrapped: bool = False, soft: str | None = None
) -> str | None:
    """How two consecutive content lines join: ``" "``, ``""`` or None for a paragraph break."""
    p = prev.rstrip()
    n = nxt.lstrip()
    if not p or not n:
        return None
    if soft:
        return _soft_joins(p, n, soft)
    if re.match(r"^[-–]\s*\d{4}\b", n) and re.search(r"\d{4}\s*$", p):
        return " "  # a year range broken at its dash: "2026" + "- 2030"
    if re.match(r"^\d{1,4}\b", n) and re.search(r"(?<!\w)(?:ngày|tháng|năm)$", p, re.IGNORECASE):
        return " "  # a date broken after a word: "Nghệ An, ngày 26 tháng 11 năm" + "2025"
    if not _SENTENCE_END.search(p) and _CITED_PART.match(n):
        return " "  # "… theo quy định tại Điều 6," then "Điều 7, Điều 8 …": no article opens
    if MARKER_RE.match(n) and not re.match(r"^\d{1,2}\.\d{4}", n):
        # "2. Về …" opens an item; but "- " after a number broken at its hyphen does not occur
        return None
    if re.search(r"\d[-/]$", p) and re.match(r"^[A-ZĐ][A-ZĐa-z]*[/-]", n):
        return ""  # a document number broken at its hyphen: "05-" + "KH/TU"
    if _OPENING_CUE.match(n):
        return None  # "Căn cứ …", "Thực hiện …", "Kính gửi:" open a paragraph
    first = n[0]
    if first.islower() or first in ",;)]%(":
        return " "
    if _ADDRESSED_TO.match(p) and not re.search(r"(?:,|\s(?:và|các|của))\s*$", p):
        return None  # "Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"
        # as long as a full line, then the letter's first paragraph
    if _SENTENCE_END.search(p):
        # in a PDF's visual lines a full line ending a sentence goes on: the last line
        # of a paragraph is short
        if (
            (wrapped or p.endswith(";") and MARKER_RE.match(p))
            and len(p) >= 0.85 * width
            and p.endswith((".", ";"))
            and not _OPENING_CUE.match(n)
        ):
            # a hard-wrapped text's numbered line, full and ending in ";", goes on too ("3.4.
            # Các Cục: …; Thủy sản và Kiểm ngư;" then "Lâm nghiệp và Kiểm lâm"): an item of its
            # own would open with a marker
            return " "
        return None
    if MARKER_RE.match(p) and len(p) < 0.9 * width:
        return None  # a numbered heading on its own line: "1. Về công tác chỉ đạo"
    if len(p) >= 0.8 * width:
        return " "
    return None


def _bold_heading_goes_on(
    lines: list[Line], body: list[int], i: int, breaks: frozenset[int]
) -> bool:
    """A saved page's numbered heading in bold, broken into two bold paragraphs:
    "**3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố, Hội Liên hiệp**", a blank line,
    "**Phụ nữ Thành phố và các tổ chức thành viên của Mặt trận**" is one heading."""
    first = lines[body[0]].text.strip()
    if (
        lines[body[0]].start not in breaks
        or len(body) > 3
        or not MARKER_RE.match(first)
        or not any(c.islower() for c in first)
        or _SENTENCE_END.search(lines[body[-1]].text)
    ):
        return False
    j = i + 1
    while j < len(lines) and lines[j].kind == "blank":
        j += 1
    if j >= len(lines) or lines[j].kind != "content" or lines[j].start not in breaks:
        return False
    nxt = lines[j].text.strip()
    return bool(
        nxt
        and len(nxt) < 100
        and any(c.islower() for c in nxt)
        and not MARKER_RE.match(nxt)
        and not _OPENING_CUE.match(nxt)
    )


def layout(
    text: str,
    one_line_paragraphs: bool = False,
    wrapped: bool = False,
    soft: str | None = None,
    breaks: frozenset[int] = frozenset(),
) -> Layout:
    """Classify the lines of ``text`` and rebuild its paragraphs.

    ``one_line_paragraphs``: every line is a paragraph already (text read from .docx),
    so lines are never joined. ``wrapped``: the lines are a PDF's visual lines, so a
    full-width line goes on into the next even when it ends a sentence. ``soft``: a saved
    page's lines, wrapped wherever the page was (see :func:`_soft_joins`; ``"blank"`` when
    blank lines separate its paragraphs, ``"lines"`` when they do not). ``breaks``: offsets
    of lines that open a paragraph whatever the wrapping (a saved page's bold headings).
    """
    lines = _split_lines(text)
    draft, marks = _classify(lines, one_line_paragraphs, pages=soft is None)
    width = _line_width(lines)
    paragraphs: list[Paragraph] = []

    def flush(buf: list[int], kind: str, footnote: str | None = None) -> None:
        if not buf:
            return
        parts: list[str] = []
        offs: list[int] = []
        prev_text: str | None = None
        for idx in buf:
            ln = lines[idx]
            body = ln.text.strip()
            lead = len(ln.text) - len(ln.text.lstrip())
            _, line_offsets = nfc_map(text[ln.start : ln.end], ln.start)
            # nfc_map of the raw slice gives offsets for ln.text; skip leading spaces
            line_offsets = line_offsets[lead : lead + len(body)]
            if prev_text is not None:
                sep = _joins(prev_text, body, width, wrapped, soft)
                sep = " " if sep is None else sep
                if sep:
                    parts.append(sep)
                    offs.append(offs[-1] if offs else ln.start)
            parts.append(body)
            offs.extend(line_offsets)
            prev_text = body
        joined = "".join(parts)
        joined, offs, found = _strip_marks(joined, offs, marks)
        paragraphs.append(
            Paragraph(
                joined,
                offs,
                kind,
                buf[0],
                buf[-1],
                page=lines[buf[0]].page,
                footnote=footnote,
                marks=found,
            )
        )

    body: list[int] = []
    note: list[int] = []
    note_mark: str | None = None
    held: int | None = None  # a bold heading's first line, held over a blank line
    for i, ln in enumerate(lines):
        if ln.kind == "footnote":
            if ln.footnote != note_mark or (
                note and _FOOTNOTE_START.match(ln.text) and i != note[-1] + 1
            ):
                flush(note, "footnote", note_mark)
                note = []
            note_mark = ln.footnote
            note.append(i)
            continue
        if note and ln.kind != "footnote":
            flush(note, "footnote", note_mark)
            note, note_mark = [], None
        if ln.kind == "table_row":
            flush(body, "body")
            body = []
            flush([i], "table_row")
            continue
        if ln.kind != "content":
            if soft == "blank" and ln.kind == "blank" and body and held != body[0]:
                if _bold_heading_goes_on(lines, body, i, breaks):
                    held = body[0]  # the heading goes on in the next bold paragraph
                else:
                    flush(body, "body")
                    body = []
            continue
        if held is not None and body and held == body[0]:
            held = None
            body.append(i)
            continue
        if body and (
            one_line_paragraphs
            or ln.start in breaks
            or _joins(lines[body[-1]].text, ln.text, width, wrapped, soft) is None
        ):
            flush(body, "body")
            body = []
        body.append(i)
    flush(body, "body")
    flush(note, "footnote", note_mark)
    paragraphs.sort(key=lambda p: p.offsets[0] if p.offsets else 0)
    return Layout(lines, paragraphs, draft, marks)


def paragraph_style(text: str) -> str | None:
    """How a saved page wraps: ``"blank"`` when blank lines separate its paragraphs,
    ``"lines"`` when its lines are wrapped with none between paragraphs, ``None`` when it
    is not wrapped at all (a paragraph per line: the ordinary rules apply)."""
    lines = text.split("\n")
    content = [i for i, ln in enumerate(lines) if ln.strip() and "\t" not in ln]
    if not content:
        return None
    widths = sorted(len(lines[i].strip()) for i in content)
    if widths[int(len(widths) * 0.9)] > 120:
        return None
    # blank lines between paragraphs (not the blank run a dropped banner or tail leaves)
    before_blank = sum(1 for i in content[:-1] if i + 1 < len(lines) and not lines[i + 1].strip())
    return "blank" if before_blank >= max(2, 0.12 * len(content)) else "lines"
