"""The same document read from .txt, .docx and .pdf gives the same facts.

Each bundled document is written here as an office would hold it: a .docx with one
paragraph per paragraph, its appendix as a real table and its footnotes at the end, and a
PDF (reportlab, DejaVu Sans) whose lines wrap at the page width and whose appendix is a
bordered table. Extracting them must give what the .txt gives: number, type, issuer, date,
draft flag, signer, title, every referenced number with its relation, and every task's
lead and deadline.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from policy_lineage.loaders.layout import layout
from policy_lineage.loaders.pipeline import extract_paths, extract_text
from policy_lineage.schema.model import to_contract

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "dong-thap"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹"


def _sup(mark: str) -> str:
    return "".join(SUPERSCRIPT[int(c)] for c in str(mark))


def _appendix_table(text: str) -> list[list[str]] | None:
    rows = [t for t in extract_text(text, "x.txt").tasks if t.origin != "body"]
    if not rows:
        return None
    table = [
        [
            "STT",
            "Nhiệm vụ",
            "Cơ quan chủ trì",
            "Cơ quan phối hợp",
            "Thời gian hoàn thành",
            "Sản phẩm",
        ]
    ]
    for t in rows:
        table.append(
            [
                t.row or "",
                t.text,
                "; ".join(a.name for a in t.lead),
                "; ".join(a.name for a in t.cooperating),
                t.deadline_text or "",
                t.deliverable or "",
            ]
        )
    return table


def _blocks(text: str) -> list[tuple]:
    """("p", text) | ("row", cells) | ("note", mark, text), in reading order."""
    lay = layout(text)
    out: list[tuple] = []
    drafts = [ln.text.strip() for ln in lay.lines if ln.kind == "draft"]
    if drafts:
        out.append(("p", drafts[0]))
    table = _appendix_table(text)
    cut = None
    if table:
        cut = next(
            i
            for i, p in enumerate(lay.paragraphs)
            if p.kind == "body" and re.match(r"^(?:PHỤ LỤC|Phụ lục)", p.text)
        )
    for i, p in enumerate(lay.paragraphs):
        if cut is not None and i > cut + 1 and p.kind != "footnote":
            continue  # the flattened table, replaced by the real one
        if cut is not None and i == cut + 1:
            out.append(("p", p.text))
            out += [("row", r) for r in table]
            continue
        if p.kind == "table_row":
            out.append(("row", p.text.split("\t")))
        elif p.kind == "footnote":
            out.append(("note", p.footnote, p.text))
        else:
            out.append(("p", p.text))
    return out


def _document(text: str) -> list[tuple]:
    """("p", text) | ("table", rows) in reading order, footnotes last as ("p", "¹ …")."""
    out: list[tuple] = []
    notes: list[tuple] = []
    for block in _blocks(text):
        if block[0] == "row":
            if out and out[-1][0] == "table":
                out[-1][1].append(block[1])
            else:
                out.append(("table", [block[1]]))
        elif block[0] == "note":
            notes.append(("p", f"{_sup(block[1])} {block[2]}"))
        else:
            out.append(block)
    return out + notes


def write_docx(text: str, path: Path) -> Path:
    import docx

    document = docx.Document()
    for kind, content in _document(text):
        if kind == "p":
            document.add_paragraph(content)
            continue
        table = document.add_table(rows=0, cols=max(len(r) for r in content))
        table.style = "Table Grid"
        for r in content:
            for cell, value in zip(table.add_row().cells, r, strict=False):
                cell.text = value
    document.save(path)
    return path


def write_pdf(text: str, path: Path) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(TTFont("DejaVu", str(FONT)))
    body = ParagraphStyle("body", fontName="DejaVu", fontSize=10, leading=13, spaceAfter=4)
    cell = ParagraphStyle("cell", fontName="DejaVu", fontSize=7, leading=9)
    flow: list = []
    for kind, content in _document(text):
        if kind == "p":
            flow.append(Paragraph(escape(content), body))
            continue
        n = max(len(r) for r in content)
        data = [[Paragraph(escape(c), cell) for c in r] + [""] * (n - len(r)) for r in content]
        table = Table(data, repeatRows=1)
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
        flow.append(table)
    SimpleDocTemplate(str(path), pagesize=A4).build(flow)
    return path


def _facts(path: Path) -> dict:
    [extraction] = list(extract_paths([str(path)]))
    data = to_contract(extraction)
    d = data["document"]
    return {
        "document": (d["number"], d["doc_type"], d["issuer"], d["date"], d["is_draft"]),
        "signer": d["signer"],
        "title": d["title"],
        "references": sorted((r["number"] or "-", r["relation"]) for r in data["references"]),
        "tasks": [(t["lead"], t["deadline"], t["recurring"]) for t in data["tasks"]],
    }


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.glob("*.txt")))
def test_formats_agree_with_text(name: str, fmt: str, tmp_path: Path) -> None:
    if fmt == "pdf" and not FONT.exists():
        pytest.skip(f"the PDF fixture needs the DejaVu font at {FONT}")
    source = CORPUS / name
    text = source.read_text(encoding="utf-8")
    writer = write_docx if fmt == "docx" else write_pdf
    converted = writer(text, tmp_path / f"{source.stem}.{fmt}")
    assert _facts(converted) == _facts(source)
