"""Saved web pages (``.html``, ``.htm``, and ``.mhtml`` single-file archives): the
document's own text, the portal's navigation, banners, related-document lists, comments
and footers left out, tables kept as tables, and the page's metadata table (Số hiệu, Loại
văn bản, Nơi ban hành, Người ký, Ngày ban hành …) offered to the extractor as a fallback.

How (``benchmarks/html_readers.py`` measured the choice; README, "What it reads"):

1. The page is parsed by lxml (``lxml.html``, the HTML parser python-docx already brings);
   its encoding comes from the BOM, the ``<meta charset>``, else UTF-8, else Windows-1258.
   An ``.mhtml`` file is MIME: its first ``text/html`` part is the page.
2. What is never a document goes: scripts, styles, forms, ``nav``/``header``/``footer``/
   ``aside`` and elements whose ``id`` or ``class`` names a site part (menu, banner,
   breadcrumb, sidebar, related documents, comments, share buttons, ads …: the words are in
   :data:`_BOILERPLATE`), and HTML comments.
3. The portal's metadata table is a table with three or more of the labels of
   ``loaders/data/portal.json``; it is taken out of the page and written first, one
   ``Label: value`` line per fact, so :mod:`.markup` reads it as it reads a page saved as
   Markdown (a fallback for the facts the document's own text lacks).
4. The main content is the smallest element holding most (85 %) of the page's text outside
   links: the document's container, whatever the portal calls it.
5. It is written as the .docx reader writes: one line per paragraph (block element or
   ``<br>``), a table row as one line with its cells joined by tabs (a cell spanning columns
   once; a table inside a cell flattened into it), list items as ``- `` lines.

The result reads as a .docx does (``format="docx"``, ``converted_from="html"``). A page with
no document in it (a search page, an error page: fewer than :data:`MIN_WORDS` words of
text outside links) is ``NO_DOCUMENT``.
"""

from __future__ import annotations

import codecs
import email
import email.policy
import re

import lxml.html
from lxml import etree

from . import errors
from .markup import portal_rules
from .source import ReadError, SourceText, Table, TableRow
from .textnorm import fold

MIN_WORDS = 40
MAIN_SHARE = 0.85
_DROP_TAGS = {
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
    "form", "button", "input", "select", "textarea", "nav", "header", "footer", "aside",
    "head", "title", "meta", "link", "img", "video", "audio", "map",
}  # fmt: skip
#: words in an ``id``/``class`` that mark a site's part, not a document's (split at - _ space)
_BOILERPLATE = {
    "nav", "navbar", "menu", "mainmenu", "topmenu", "header", "footer", "banner", "breadcrumb",
    "breadcrumbs", "sidebar", "aside", "related", "relate", "lienquan", "vblienquan", "comment",
    "comments", "binhluan", "share", "social", "ads", "advert", "quangcao", "login", "search",
    "cookie", "popup", "modal", "toolbar", "tags", "rating", "pagination", "copyright",
    "post-meta", "meta", "widget", "hotline", "print",
}  # fmt: skip
_BLOCK = {
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
    "li", "dl", "dt", "dd", "blockquote", "pre", "address", "center", "figure", "figcaption",
    "hr", "body", "html", "fieldset", "legend", "caption", "thead", "tbody", "tfoot",
}  # fmt: skip
_NO_VALUE = {"đang cập nhật", "không có", "không xác định", "..."}  # "not known yet"
_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0\u200b]+")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.I)


def _decode(data: bytes) -> str:
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16")):
        if data.startswith(bom):
            return data.decode(name)
    if data.startswith(codecs.BOM_UTF16_BE):
        return data.decode("utf-16")
    m = _META_CHARSET.search(data[:4096])
    if m:
        try:
            return data.decode(m.group(1).decode("ascii").lower(), errors="replace")
        except LookupError:
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1258", errors="replace")


def _from_mhtml(path: str, data: bytes) -> str:
    message = email.message_from_bytes(data, policy=email.policy.default)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True) or b""
            charset = part.get_content_charset()
            if charset:
                try:
                    return payload.decode(charset, errors="replace")
                except LookupError:
                    pass
            return _decode(payload)
    raise ReadError(path, errors.NO_DOCUMENT, "no HTML part in the .mhtml file")


def _words(el) -> set[str]:
    names = f"{el.get('id') or ''} {el.get('class') or ''}".lower()
    return set(re.split(r"[\s_]+", names)) | set(re.split(r"[\s_-]+", names))


def _clean(root) -> None:
    etree.strip_elements(root, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el.getparent() is None:
            continue
        if el.tag.lower() in _DROP_TAGS or _words(el) & _BOILERPLATE:
            el.drop_tree()


def _cell_text(el) -> str:
    return _SPACES.sub(" ", el.text_content()).strip()


def _metadata(root) -> list[str]:
    """The portal's metadata table, as ``Label: value`` lines; the table is removed."""
    labels = portal_rules().labels
    for table in root.iter("table"):
        cells = [c for c in table.iter("td", "th")]
        texts = [_cell_text(c) for c in cells]
        found = [i for i, t in enumerate(texts) if fold(t).rstrip(" :") in labels]
        if len(found) < 3:
            continue
        lines = []
        for i in found:
            label = texts[i].rstrip(" :")
            value = texts[i + 1] if i + 1 < len(texts) and i + 1 not in found else ""
            if ":" in texts[i] and not value:
                label, _, value = texts[i].partition(":")
            if value.strip() and fold(value) not in _NO_VALUE:
                lines.append(f"{label.strip()}: {value.strip()}")
        wrapper = table
        parent = table.getparent()
        if (
            parent is not None
            and len(parent) == 1
            and not _cell_text(parent).replace(_cell_text(table), "").strip()
        ):
            wrapper = parent
        if wrapper.getparent() is not None:
            wrapper.drop_tree()
        return lines
    return []


def _own_text(el) -> int:
    """Characters of text under ``el`` outside links."""
    total = len(_SPACES.sub("", el.text_content()))
    links = sum(len(_SPACES.sub("", a.text_content())) for a in el.iter("a"))
    return total - links


def _main(body):
    """The smallest element holding :data:`MAIN_SHARE` of the page's text outside links."""
    whole = _own_text(body)
    best = body
    for el in body.iter():
        if not isinstance(el.tag, str) or el.tag.lower() not in {
            "div", "article", "section", "main", "td",
        }:  # fmt: skip
            continue
        if _own_text(el) >= MAIN_SHARE * whole:
            best = el  # iter() is depth-first: a later match lies inside the earlier one
    return best, whole


class _Writer:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.current: list[str] = []
        self.rows: list[tuple[int, list[str]]] = []  # (line index, cells)
        self.tables: list[list[int]] = []  # row indexes of each table

    def text(self, s: str | None) -> None:
        if s:
            self.current.append(s)

    def end_line(self) -> None:
        line = _SPACES.sub(" ", "".join(self.current)).strip()
        self.current = []
        if line:
            self.lines.append(line)

    def row(self, cells: list[str]) -> None:
        self.end_line()
        if any(cells):
            self.rows.append((len(self.lines), cells))
            self.tables[-1].append(len(self.rows) - 1)
            self.lines.append("\t".join(cells))


def _inline(el) -> str:
    """A table cell: its text, paragraphs and nested tables joined by spaces."""
    parts: list[str] = []

    def walk(e) -> None:
        if e.text:
            parts.append(e.text)
        for child in e:
            if isinstance(child.tag, str):
                parts.append(" ")
                walk(child)
                parts.append(" ")
            if child.tail:
                parts.append(child.tail)

    walk(el)
    return _SPACES.sub(" ", "".join(parts)).strip()


def _write(el, out: _Writer) -> None:
    tag = el.tag.lower() if isinstance(el.tag, str) else ""
    if tag == "table":
        out.end_line()
        out.tables.append([])
        for tr in el.iter("tr"):
            if tr.getparent() is not None and _closest_table(tr) is not el:
                continue  # a row of a nested table: part of its cell
            cells = []
            for cell in tr:
                if isinstance(cell.tag, str) and cell.tag.lower() in ("td", "th"):
                    cells.append(_inline(cell).replace("\t", " "))
            out.row(cells)
        if not out.tables[-1]:
            out.tables.pop()
        return
    if tag == "br":
        out.end_line()
        out.text(el.tail)
        return
    block = tag in _BLOCK
    if block:
        out.end_line()
    if tag == "li":
        parent = el.getparent()
        if parent is not None and parent.tag == "ol":
            out.text(f"{list(parent).index(el) + 1}. ")
        else:
            out.text("- ")
    out.text(el.text)
    for child in el:
        if isinstance(child.tag, str):
            _write(child, out)
        else:
            out.text(child.tail)
    if block:
        out.end_line()
    out.text(el.tail)


def _closest_table(el):
    p = el.getparent()
    while p is not None and p.tag != "table":
        p = p.getparent()
    return p


def page_text(html: str) -> tuple[list[str], list[str], list[list[tuple[int, list[str]]]], int]:
    """(metadata lines, document lines, tables as (line index, cells) rows, words of text
    outside links) of an HTML page."""
    root = lxml.html.document_fromstring(html)
    _clean(root)
    meta = _metadata(root)
    body = root.find("body")
    if body is None:
        body = root
    main, whole = _main(body)
    out = _Writer()
    _write(main, out)
    out.end_line()
    tables = [[out.rows[i] for i in t] for t in out.tables]
    words = len(main.text_content().split()) - sum(
        len(a.text_content().split()) for a in main.iter("a")
    )
    return meta, out.lines, tables, words


def read_html(path: str, data: bytes, suffix: str = ".html") -> SourceText:
    """A saved page's bytes to :class:`SourceText` (``path`` as the user gave it)."""
    html = _from_mhtml(path, data) if suffix in (".mhtml", ".mht") else _decode(data)
    if not html.strip():
        raise ReadError(path, errors.EMPTY, "no text in the page")
    try:
        meta, lines, tables, words = page_text(html)
    except (etree.ParserError, ValueError) as exc:
        raise ReadError(path, errors.CORRUPT, f"{type(exc).__name__}: {exc}") from exc
    if words < MIN_WORDS:
        raise ReadError(path, errors.NO_DOCUMENT, f"{words} words of text outside links and menus")
    head = meta + [""] if meta else []
    all_lines = head + lines
    starts = []
    pos = 0
    for line in all_lines:
        starts.append(pos)
        pos += len(line) + 1
    shift = len(head)
    out_tables = [
        Table(
            [
                TableRow(cells, starts[i + shift], starts[i + shift] + len(all_lines[i + shift]))
                for i, cells in rows
            ]
        )
        for rows in tables
    ]
    src = SourceText(path, "\n".join(all_lines), "docx", tables=out_tables)
    src.converted_from = suffix.lstrip(".")
    return src
