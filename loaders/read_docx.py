"""Word .docx files (python-docx): body paragraphs and tables in reading order.

python-docx opens the package; the body XML is walked directly, because
``Document.paragraphs`` leaves tables out and ``Paragraph.text`` drops footnote marks.

* A paragraph is one line (an empty paragraph is a blank line); a line break inside it
  stays a ``\\n``; a tab becomes a space, since tabs separate table cells.
* A table row is one line, its cells joined by ``\\t``; a cell's paragraphs (and any nested
  table) are joined by spaces. A cell merged across columns (``gridSpan``) appears once; a
  cell merged down rows (``vMerge``) repeats its text in each row it covers, as python-docx's
  ``row.cells`` does, so every row is complete. ``SourceText.tables`` holds the rows.
* Content controls (``w:sdt``) are read through; deleted revisions are left out.
* Text boxes (a "DỰ THẢO" stamp, say) follow the paragraph that anchors them, one line each.
* Word's automatic numbering (a numbered or bulleted list, or a typed "- " Word turned into
  one) is shown before the paragraph's text as the page shows it ("1. ", "a) ", "- "):
  :mod:`.docx_numbering`.
* Footnotes: each reference becomes a superscript number in the text (``năm 2024¹``), and
  the notes follow the body, one line each (``¹ Nghị quyết số ...``), the way a PDF shows
  them, so ``loaders/layout.py`` finds them. Headers and footers are not read.
"""

from __future__ import annotations

import zipfile
from typing import BinaryIO

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml

from . import errors
from .docx_numbering import Numbering
from .source import ReadError, SourceText, Table, TableRow

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_SKIP = {_W + t for t in ("del", "moveFrom", "pPr", "rPr", "tblPr", "tcPr", "sdtPr")}
_SKIP.add(_MC + "Fallback")
_WRAPPERS = {_W + "sdt", _W + "sdtContent", _W + "customXml", _W + "smartTag"}
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
# python-docx unzips every part and parses the XML ones into trees of about 14 bytes of memory
# per byte of XML: a package unzipping to more (a zip bomb, say) is ``TOO_LARGE``, unread.
MAX_XML_BYTES = 128 << 20  # 100,000 table rows take 60 MB
MAX_UNZIPPED_BYTES = 1 << 30  # all parts, images included


class _Builder:
    """Collects lines, their offsets and the tables' rows."""

    def __init__(self, numbering: Numbering | None = None) -> None:
        self.numbering = numbering  # Word's automatic list markers (docx_numbering)
        self.parts: list[str] = []
        self.pos = 0
        self.tables: list[Table] = []
        self.notes: dict[str, int] = {}  # footnote id -> number shown

    def line(self, text: str) -> tuple[int, int]:
        if self.parts:
            self.parts.append("\n")
            self.pos += 1
        start = self.pos
        self.parts.append(text)
        self.pos += len(text)
        return start, self.pos

    def mark(self, note_id: str | None) -> str:
        if note_id is None:
            return ""
        number = self.notes.setdefault(note_id, len(self.notes) + 1)
        return str(number).translate(_SUPERSCRIPT)


def _children(el, tag: str):
    """Children with ``tag``, looking through content-control and custom-XML wrappers."""
    for child in el:
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, tag)


def _paragraph(p, out: _Builder, boxes: list) -> str:
    parts: list[str] = []

    def walk(el) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == _W + "t":
                parts.append(child.text or "")
            elif tag in (_W + "tab", _W + "ptab"):
                parts.append(" ")
            elif tag in (_W + "br", _W + "cr"):
                if child.get(_W + "type") in (None, "textWrapping"):
                    parts.append("\n")
            elif tag == _W + "noBreakHyphen":
                parts.append("-")
            elif tag == _W + "footnoteReference":
                parts.append(out.mark(child.get(_W + "id")))
            elif tag == _W + "txbxContent":
                boxes.append(child)
            else:
                walk(child)

    walk(p)
    text = "".join(parts)
    if out.numbering is not None and text.strip():
        return out.numbering.marker(p) + text
    return text


def _cell_text(tc, out: _Builder) -> str:
    pieces: list[str] = []
    for child in tc:
        if child.tag in _WRAPPERS:
            pieces.append(_cell_text(child, out))
        elif child.tag == _W + "p":
            pieces.append(_paragraph(child, out, []))
        elif child.tag == _W + "tbl":
            for tr in _children(child, _W + "tr"):
                pieces.extend(_cell_text(c, out) for c in _children(tr, _W + "tc"))
    text = " ".join(p for p in pieces if p.strip())
    return " ".join(text.replace("\t", " ").split("\n")).strip()


def _vmerge(tc) -> str | None:
    pr = tc.find(_W + "tcPr")
    vm = pr.find(_W + "vMerge") if pr is not None else None
    if vm is None:
        return None
    return vm.get(_W + "val") or "continue"


def _table(tbl, out: _Builder) -> None:
    rows: list[TableRow] = []
    above: dict[int, str] = {}  # grid column -> text of the cell there in the row above
    for tr in _children(tbl, _W + "tr"):
        cells: list[str] = []
        col = 0
        for tc in _children(tr, _W + "tc"):
            pr = tc.find(_W + "tcPr")
            span_el = pr.find(_W + "gridSpan") if pr is not None else None
            span = int(span_el.get(_W + "val", "1")) if span_el is not None else 1
            text = above.get(col, "") if _vmerge(tc) == "continue" else _cell_text(tc, out)
            cells.append(text)
            above[col] = text
            col += span
        start, end = out.line("\t".join(cells))
        rows.append(TableRow(cells, start, end))
    if rows:
        out.tables.append(Table(rows))


def _blocks(parent, out: _Builder) -> None:
    for child in parent:
        tag = child.tag
        if tag == _W + "p":
            boxes: list = []
            out.line(_paragraph(child, out, boxes))
            for box in boxes:
                _blocks(box, out)
        elif tag == _W + "tbl":
            _table(child, out)
        elif tag in _WRAPPERS:
            _blocks(child, out)


def _footnotes(doc, out: _Builder) -> None:
    if not out.notes:
        return
    for rel in doc.part.rels.values():
        if rel.reltype != RT.FOOTNOTES:
            continue
        part = rel.target_part
        root = getattr(part, "_element", None)
        if root is None:
            root = parse_xml(part.blob)
        texts = {}
        for note in root.iter(_W + "footnote"):
            paragraphs = [_paragraph(p, out, []) for p in note.iter(_W + "p")]
            texts[note.get(_W + "id")] = " ".join(p.strip() for p in paragraphs if p.strip())
        out.line("")
        for note_id, number in sorted(out.notes.items(), key=lambda kv: kv[1]):
            if texts.get(note_id):
                out.line(str(number).translate(_SUPERSCRIPT) + " " + texts[note_id])
        return


def _numbering(doc) -> Numbering | None:
    """The document's list definitions, when it has any (a package without a numbering
    part has no automatic markers)."""
    rels = doc.part.rels.values()
    if not any(rel.reltype == RT.NUMBERING for rel in rels):
        return None
    try:
        return Numbering(doc.part.numbering_part.element, doc.styles.element)
    except Exception:  # a damaged part: the text without its markers, as before
        return None


def _check_size(path: str, file: str | BinaryIO) -> None:
    try:
        with zipfile.ZipFile(file) as z:
            parts = z.infolist()
    except Exception:  # not a zip: python-docx says why
        return
    xml = sum(p.file_size for p in parts if p.filename.endswith((".xml", ".rels")))
    total = sum(p.file_size for p in parts)
    if xml > MAX_XML_BYTES or total > MAX_UNZIPPED_BYTES:
        raise ReadError(
            path,
            errors.TOO_LARGE,
            f"its zip directory says it unzips to {total:,} bytes, {xml:,} of them XML; the limits are "
            f"{MAX_UNZIPPED_BYTES:,} and {MAX_XML_BYTES:,}",
        )


def read_docx(path: str, file: str | BinaryIO) -> SourceText:
    """Read the .docx at ``file`` (a path or a binary stream); ``path`` is the name the user
    gave (for messages)."""
    if isinstance(file, str):
        with open(file, "rb") as fh:
            head = fh.read(8)
    else:
        head = file.read(8)
        file.seek(0)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise ReadError(
            path,
            errors.UNSUPPORTED,
            "a legacy Word .doc file named .docx: convert it to .docx, e.g. "
            "soffice --headless --convert-to docx FILE",
        )
    _check_size(path, file)
    if not isinstance(file, str):
        file.seek(0)
    try:
        doc = Document(file)
    except Exception as exc:  # zipfile.BadZipFile, KeyError, ValueError, lxml errors
        raise ReadError(path, errors.CORRUPT, f"{type(exc).__name__}: {exc}") from exc
    out = _Builder(_numbering(doc))
    _blocks(doc.element.body, out)
    _footnotes(doc, out)
    text = "".join(out.parts)
    if not text.strip():
        raise ReadError(path, errors.EMPTY, "no text in the document body")
    return SourceText(path, text, "docx", tables=out.tables)
