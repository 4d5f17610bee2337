"""Which PDF library reads Vietnamese directive documents best? Measured, not guessed.

Builds PDFs from the bundled Đồng Tháp documents (``examples/dong-thap/*.txt``: every
non-blank line a paragraph) followed by a ruled task table of the kind plans carry:

* ``reportlab``: reportlab with the DejaVu Sans TTF font;
* ``libreoffice``: a python-docx .docx (Word's default fonts) converted by LibreOffice
  (``soffice --headless --convert-to pdf``), when ``soffice`` is installed.

Then reads each PDF with:

* ``pdfplumber``: ``page.extract_text()`` and ``page.extract_tables()``;
* ``project``: the project's reader (``loaders/read_pdf.py``: PDFium for a page without
  rules; pdfplumber finds the tables of a page that may hold one, cut out of the text and put
  back as rows);
* ``pypdf``: ``page.extract_text()`` (it has no table API).

and reports, per source and library: seconds per page (best of 3), whether the output is
NFC, word accuracy (share of the source's words found in order, by difflib), letter recall
(share of the source's non-ASCII letters, as a multiset, found in the output), whether every
body paragraph comes out verbatim once whitespace is collapsed, and the share of table cells
recovered exactly as cells. Prints a table; writes ``benchmarks/pdf_readers.json``.

Run: ``python benchmarks/pdf_readers.py`` (about a minute).
"""

from __future__ import annotations

import difflib
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from importlib.metadata import version
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "dong-thap"
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
OUT = Path(__file__).with_suffix(".json")

TABLE = [
    ["TT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"],
    [
        "1",
        "Xây dựng cơ sở dữ liệu dùng chung của tỉnh, kết nối với cơ sở dữ liệu quốc gia",
        "Sở Khoa học và Công nghệ",
        "Các sở, ban, ngành; Ủy ban nhân dân các xã, phường",
        "Quý IV/2025",
    ],
    [
        "2",
        "Rà soát, đơn giản hóa thủ tục hành chính trên môi trường điện tử",
        "Văn phòng Ủy ban nhân dân tỉnh",
        "Sở Tư pháp; Trung tâm Phục vụ hành chính công",
        "Năm 2026",
    ],
    [
        "3",
        "Đào tạo, bồi dưỡng nguồn nhân lực chất lượng cao về chuyển đổi số",
        "Sở Nội vụ",
        "Sở Giáo dục và Đào tạo; Trường Đại học Đồng Tháp",
        "Thường xuyên",
    ],
    [
        "4",
        "Hỗ trợ doanh nghiệp đổi mới sáng tạo, ứng dụng trí tuệ nhân tạo",
        "Sở Công Thương",
        "Hiệp hội Doanh nghiệp tỉnh; Ngân hàng Nhà nước khu vực 8",
        "Năm 2027",
    ],
]


def _norm(s: str) -> str:
    return " ".join(unicodedata.normalize("NFC", s).split())


def paragraphs(path: Path) -> list[str]:
    return [_norm(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


# --- building the PDFs -----------------------------------------------------------------------


def make_reportlab(paras: list[str], out: Path) -> Path:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(TTFont("DejaVu", str(DEJAVU)))
    body = ParagraphStyle("vi", fontName="DejaVu", fontSize=12, leading=16)
    cell = ParagraphStyle("cell", fontName="DejaVu", fontSize=9, leading=11)
    story = [Paragraph(escape(p), body) for p in paras]
    rows = [[Paragraph(escape(c), cell) for c in row] for row in TABLE]
    table = Table(rows, colWidths=[25, 170, 100, 120, 70], repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    SimpleDocTemplate(str(out), pagesize=A4).build(story + [table])
    return out


def make_libreoffice(paras: list[str], out: Path) -> Path | None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    from docx import Document

    doc = Document()
    for p in paras:
        doc.add_paragraph(p)
    table = doc.add_table(rows=len(TABLE), cols=len(TABLE[0]))
    table.style = "Table Grid"
    for r, row in enumerate(TABLE):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    docx = out.with_suffix(".docx")
    doc.save(docx)
    with tempfile.TemporaryDirectory() as home:
        subprocess.run(
            [soffice, "--headless", "--norestore", "--convert-to", "pdf", "--outdir"]
            + [str(out.parent), str(docx)],
            check=True,
            capture_output=True,
            env={**os.environ, "HOME": home},
            timeout=180,
        )
    return out if out.exists() else None


# --- the readers -------------------------------------------------------------------------------


def read_pdfplumber(path: Path) -> tuple[str, list[str], int]:
    import pdfplumber

    texts, cells = [], []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            texts.append(page.extract_text() or "")
            for table in page.extract_tables():
                cells += [c for row in table for c in row if c]
        return "\f".join(texts), cells, len(pdf.pages)


def read_project(path: Path) -> tuple[str, list[str], int]:
    sys.path.insert(0, str(ROOT))
    try:
        from policy_lineage.loaders.read_pdf import read_pdf
    except ImportError:  # not installed: import the folder itself
        from loaders.read_pdf import read_pdf
    src = read_pdf(str(path), str(path))
    cells = [c for t in src.tables for row in t.rows for c in row.cells]
    return src.text, cells, len(src.page_starts)


def read_pypdf(path: Path) -> tuple[str, list[str], int]:
    from pypdf import PdfReader

    reader = PdfReader(path)
    return "\f".join(p.extract_text() or "" for p in reader.pages), [], len(reader.pages)


READERS = {"pdfplumber": read_pdfplumber, "project": read_project, "pypdf": read_pypdf}


# --- scoring ----------------------------------------------------------------------------------


def score(paras: list[str], text: str, cells: list[str]) -> dict:
    source_words = " ".join(paras + [c for row in TABLE for c in row]).split()
    out_words = _norm(text).split()
    matcher = difflib.SequenceMatcher(None, source_words, out_words, autojunk=False)
    matched = sum(b.size for b in matcher.get_matching_blocks())
    src_letters = Counter(c for w in source_words for c in w if not c.isascii())
    out_letters = Counter(c for c in unicodedata.normalize("NFC", text) if not c.isascii())
    flat = _norm(text)
    wanted = [_norm(c) for row in TABLE for c in row]
    got = Counter(_norm(c) for c in cells)
    return {
        "nfc": unicodedata.is_normalized("NFC", text),
        "word_accuracy": round(matched / len(source_words), 4),
        "letter_recall": round(
            sum((src_letters & out_letters).values()) / sum(src_letters.values()), 4
        ),
        "paragraphs_verbatim": round(sum(p in flat for p in paras) / len(paras), 4),
        "cells_recovered": round(sum(min(1, got[c]) for c in wanted) / len(wanted), 4),
    }


def main() -> int:
    if not DEJAVU.exists():
        print(f"needs {DEJAVU}", file=sys.stderr)
        return 1
    docs = sorted(EXAMPLES.glob("*.txt"))
    results: list[dict] = []
    notes: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for doc in docs:
            paras = paragraphs(doc)
            pdfs = {"reportlab": make_reportlab(paras, Path(tmp) / f"{doc.stem}.rl.pdf")}
            try:
                lo = make_libreoffice(paras, Path(tmp) / f"{doc.stem}.pdf")
            except (subprocess.SubprocessError, OSError) as exc:
                lo = None
                notes.append(f"LibreOffice failed on {doc.name}: {exc}")
            if lo is not None:
                pdfs["libreoffice"] = lo
            for source, pdf in pdfs.items():
                for name, reader in READERS.items():
                    times = []
                    for _ in range(3):
                        start = time.perf_counter()
                        text, cells, pages = reader(pdf)
                        times.append(time.perf_counter() - start)
                    results.append(
                        {
                            "document": doc.name,
                            "source": source,
                            "library": name,
                            "pages": pages,
                            "seconds_per_page": round(min(times) / pages, 4),
                            **score(paras, text, cells),
                        }
                    )
    if not shutil.which("soffice"):
        notes.append("soffice not installed: LibreOffice PDFs skipped")
    summary = summarize(results)
    OUT.write_text(
        json.dumps(
            {
                "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores",
                "python": platform.python_version(),
                "versions": {p: version(p) for p in ("pdfplumber", "pdfminer.six", "pypdf")},
                "notes": notes,
                "summary": summary,
                "results": results,
            },
            ensure_ascii=False,
            indent=1,
        )
        + "\n",
        encoding="utf-8",
    )
    print_table(summary)
    for note in notes:
        print("note:", note)
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


def summarize(results: list[dict]) -> list[dict]:
    groups: dict[tuple[str, str], list[dict]] = {}
    for r in results:
        groups.setdefault((r["source"], r["library"]), []).append(r)
    rows = []
    for (source, library), rs in groups.items():
        pages = sum(r["pages"] for r in rs)
        rows.append(
            {
                "source": source,
                "library": library,
                "documents": len(rs),
                "pages": pages,
                "seconds_per_page": round(
                    sum(r["seconds_per_page"] * r["pages"] for r in rs) / pages, 4
                ),
                "all_nfc": all(r["nfc"] for r in rs),
                "word_accuracy_min": min(r["word_accuracy"] for r in rs),
                "letter_recall_min": min(r["letter_recall"] for r in rs),
                "paragraphs_verbatim_min": min(r["paragraphs_verbatim"] for r in rs),
                "cells_recovered_min": min(r["cells_recovered"] for r in rs),
            }
        )
    return rows


def print_table(summary: list[dict]) -> None:
    head = ["source", "library", "docs", "pages", "s/page", "NFC", "words", "letters", "paras"]
    head.append("cells")
    print("| " + " | ".join(head) + " |\n|" + "|".join("---" for _ in head) + "|")
    for r in summary:
        cells = [
            r["source"],
            r["library"],
            str(r["documents"]),
            str(r["pages"]),
            f"{r['seconds_per_page']:.3f}",
            "yes" if r["all_nfc"] else "no",
            f"{r['word_accuracy_min']:.1%}",
            f"{r['letter_recall_min']:.1%}",
            f"{r['paragraphs_verbatim_min']:.1%}",
            f"{r['cells_recovered_min']:.0%}",
        ]
        print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    sys.exit(main())
