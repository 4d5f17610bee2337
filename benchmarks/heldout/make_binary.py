#!/usr/bin/env python3
"""Build the held-out .docx and .pdf documents from their sources in ``src/``.

Each ``src/NAME.EXT.src`` becomes ``NAME.EXT`` beside this script (EXT is docx or pdf).
The source is plain text with a little markup:

* ``^text``  a centred bold line (titles); ``!text`` a bold line; other lines are paragraphs;
* ``[[HEADER]]`` … ``[[/HEADER]]``: the two-column heading block, one row per line,
  ``left || right`` (a borderless table, as offices lay it out);
* ``[[TABLE]]`` … ``[[/TABLE]]``: a bordered table; first line is the header row, cells split
  on `` | ``; a row starting with ``# `` is a group row (first cell, then one merged cell);
* ``[[SIGN]]`` … ``[[/SIGN]]``: the recipients / signature block, ``left || right`` rows;
* ``[[PAGEBREAK]]``.

Needs python-docx and reportlab (``pip install -e '.[test]'``); the PDF embeds DejaVu Sans.

Example:

    python benchmarks/heldout/make_binary.py            # builds every document in src/
"""

from __future__ import annotations

import datetime
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FONT_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")


def parse(text: str) -> list[tuple]:
    """Blocks: ('p', style, text) | ('header'|'sign', rows) | ('table', rows) | ('break',)."""
    blocks: list[tuple] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        tag = line.strip()
        if tag in ("[[HEADER]]", "[[SIGN]]", "[[TABLE]]"):
            end = tag.replace("[[", "[[/")
            j = lines.index(end, i + 1)
            body = lines[i + 1 : j]
            if tag == "[[TABLE]]":
                rows = []
                for r in body:
                    if not r.strip():
                        continue
                    group = r.startswith("# ")
                    cells = [
                        c.strip().replace("\\n", "\n") for c in r[2 if group else 0 :].split(" | ")
                    ]
                    rows.append((group, cells))
                blocks.append(("table", rows))
            else:
                rows = [tuple(c.strip().replace("\\n", "\n") for c in r.split("||")) for r in body]
                blocks.append((tag.strip("[]").lower(), rows))
            i = j + 1
            continue
        if tag == "[[PAGEBREAK]]":
            blocks.append(("break",))
        elif line.startswith("^"):
            blocks.append(("p", "center", line[1:]))
        elif line.startswith("!"):
            blocks.append(("p", "bold", line[1:]))
        elif tag:
            blocks.append(("p", "normal", line))
        i += 1
    return blocks


# --------------------------------------------------------------------------- .docx


def build_docx(blocks, out: Path) -> None:
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)
    core = doc.core_properties
    core.author, core.title, core.comments = "policy-lineage held-out set", out.stem, ""
    core.created = core.modified = datetime.datetime(2025, 1, 1)

    def set_borders(table, on: bool) -> None:
        tbl_pr = table._tbl.tblPr
        borders = OxmlElement("w:tblBorders")
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
            el = OxmlElement(f"w:{edge}")
            el.set(qn("w:val"), "single" if on else "nil")
            if on:
                el.set(qn("w:sz"), "4")
            borders.append(el)
        tbl_pr.append(borders)

    def fill(cell, text: str, bold=False, center=False) -> None:
        cell.text = ""
        for k, part in enumerate(text.split("\n")):
            p = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
            run = p.add_run(part)
            run.bold = bold
            if center:
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER

    for b in blocks:
        if b[0] == "p":
            p = doc.add_paragraph()
            run = p.add_run(b[2])
            if b[1] in ("center", "bold"):
                run.bold = True
            if b[1] == "center":
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif b[0] in ("header", "sign"):
            rows = b[1]
            t = doc.add_table(rows=len(rows), cols=2)
            set_borders(t, False)
            for r, row in enumerate(rows):
                left, right = (row + ("",))[:2]
                fill(t.cell(r, 0), left, bold=b[0] == "header", center=b[0] == "header")
                fill(t.cell(r, 1), right, bold=True, center=True)
        elif b[0] == "table":
            rows = b[1]
            ncol = len(rows[0][1])
            t = doc.add_table(rows=len(rows), cols=ncol)
            t.alignment = WD_TABLE_ALIGNMENT.CENTER
            set_borders(t, True)
            for r, (group, cells) in enumerate(rows):
                if group:
                    fill(t.cell(r, 0), cells[0], bold=True)
                    merged = t.cell(r, 1).merge(t.cell(r, ncol - 1))
                    fill(merged, cells[1], bold=True)
                else:
                    for c in range(ncol):
                        fill(t.cell(r, c), cells[c] if c < len(cells) else "", bold=r == 0,
                             center=r == 0)  # fmt: skip
        elif b[0] == "break":
            doc.add_page_break()
    doc.save(str(out))
    _freeze_zip(out)


def _freeze_zip(path: Path) -> None:
    """Rewrite a .docx with fixed timestamps, so the same source gives the same bytes."""
    with zipfile.ZipFile(path) as z:
        items = [(info.filename, z.read(info.filename)) for info in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            info = zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


# --------------------------------------------------------------------------- .pdf


def build_pdf(blocks, out: Path) -> None:
    from reportlab import rl_config
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import (
        PageBreak,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    rl_config.invariant = 1  # no creation date or random id: the same source gives the same bytes
    pdfmetrics.registerFont(TTFont("DejaVu", str(FONT)))
    pdfmetrics.registerFont(TTFont("DejaVu-Bold", str(FONT_BOLD)))
    normal = ParagraphStyle("n", fontName="DejaVu", fontSize=10.5, leading=14, spaceAfter=4)
    bold = ParagraphStyle("b", parent=normal, fontName="DejaVu-Bold")
    center = ParagraphStyle("c", parent=bold, alignment=TA_CENTER)
    cell = ParagraphStyle("cell", parent=normal, fontSize=9, leading=11, spaceAfter=0)
    cell_b = ParagraphStyle("cellb", parent=cell, fontName="DejaVu-Bold")
    cell_c = ParagraphStyle("cellc", parent=cell_b, alignment=TA_CENTER)

    def esc(s: str) -> str:
        return (
            s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br/>")
        )

    story = []
    width = A4[0] - 40 * mm
    for b in blocks:
        if b[0] == "p":
            st = {"center": center, "bold": bold}.get(b[1], normal)
            story.append(Paragraph(esc(b[2]), st))
        elif b[0] in ("header", "sign"):
            data = []
            for row in b[1]:
                left, right = (row + ("",))[:2]
                data.append([Paragraph(esc(left), cell_c if b[0] == "header" else cell),
                             Paragraph(esc(right), cell_c)])  # fmt: skip
            t = Table(data, colWidths=[width * 0.45, width * 0.55])
            t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
            story.extend([t, Spacer(1, 4 * mm)])
        elif b[0] == "table":
            rows = b[1]
            ncol = len(rows[0][1])
            widths = _column_widths(ncol, width)
            data, spans = [], []
            for r, (group, cells) in enumerate(rows):
                if group:
                    data.append([Paragraph(esc(cells[0]), cell_b), Paragraph(esc(cells[1]), cell_b)]
                                + [""] * (ncol - 2))  # fmt: skip
                    spans.append(("SPAN", (1, r), (ncol - 1, r)))
                else:
                    st = cell_c if r == 0 else cell
                    data.append([Paragraph(esc(c), st) for c in (cells + [""] * ncol)[:ncol]])
            t = Table(data, colWidths=widths, repeatRows=1)
            t.setStyle(TableStyle([
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                *spans,
            ]))  # fmt: skip
            story.extend([t, Spacer(1, 4 * mm)])
        elif b[0] == "break":
            story.append(PageBreak())

    def page_number(canvas, doc) -> None:
        if doc.page > 1:
            canvas.setFont("DejaVu", 9)
            canvas.drawCentredString(A4[0] / 2, 12 * mm, str(doc.page))

    pdf = SimpleDocTemplate(str(out), pagesize=A4, leftMargin=25 * mm, rightMargin=15 * mm,
                            topMargin=18 * mm, bottomMargin=18 * mm, title=out.stem,
                            author="policy-lineage held-out set")  # fmt: skip
    pdf.build(story, onFirstPage=page_number, onLaterPages=page_number)


def _column_widths(ncol: int, width: float) -> list[float]:
    shares = {6: [0.065, 0.335, 0.15, 0.17, 0.15, 0.13], 5: [0.07, 0.43, 0.17, 0.18, 0.15]}
    return [width * s for s in shares.get(ncol, [1 / ncol] * ncol)]


def main(argv=None) -> int:
    built = []
    for src in sorted(SRC.glob("*.src")):
        out = HERE / src.name[: -len(".src")]
        blocks = parse(src.read_text(encoding="utf-8"))
        if out.suffix == ".docx":
            build_docx(blocks, out)
        elif out.suffix == ".pdf":
            build_pdf(blocks, out)
        else:
            continue
        built.append(out)
        print(f"built {out.relative_to(HERE)} ({out.stat().st_size // 1024} KB)")
    return 0 if built else 1


if __name__ == "__main__":
    sys.exit(main())
