"""Fixture builders for the reader tests: Vietnamese .txt/.docx/.pdf files made in tmp_path.

Tests get everything through fixtures (pytest runs with --import-mode=importlib, so test
modules cannot import this file).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

SENTENCE = (
    "Ủy ban nhân dân tỉnh Đồng Tháp ban hành Kế hoạch thực hiện Nghị quyết số 57-NQ/TW "
    "ngày 22 tháng 12 năm 2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ"
)
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
HEADER = ["TT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"]
ROW1 = [
    "1",
    "Xây dựng cơ sở dữ liệu dùng chung của tỉnh",
    "Sở Khoa học và Công nghệ",
    "Các sở, ngành",
    "Quý IV/2025",
]
# Row 2: "Cơ quan chủ trì" merged across the "Cơ quan phối hợp" column.
ROW2 = [
    "2",
    "Rà soát thủ tục hành chính trên môi trường điện tử",
    "Văn phòng Ủy ban nhân dân tỉnh",
    "Năm 2026",
]
_TONES = "\u0300\u0301\u0303\u0309\u0323"


def to_cp1258(text: str) -> bytes:
    """Windows-1258 bytes the way Windows writes them: base letter, then a combining tone."""
    out = bytearray()
    for c in unicodedata.normalize("NFC", text):
        try:
            out += c.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", c)
        base = unicodedata.normalize("NFC", "".join(x for x in parts if x not in _TONES))
        out += base.encode("cp1258") + "".join(x for x in parts if x in _TONES).encode("cp1258")
    return bytes(out)


@pytest.fixture
def sentence() -> str:
    return SENTENCE


@pytest.fixture
def cp1258():
    return to_cp1258


@pytest.fixture
def task_rows() -> dict[str, list[str]]:
    """The task table's header and rows, as the readers should give them."""
    return {"header": HEADER, "row1": ROW1, "row2": ROW2}


@pytest.fixture
def write(tmp_path: Path):
    """write(name, bytes) -> path of a new file in tmp_path."""

    def _write(name: str, data: bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return path

    return _write


def build_docx(path: Path, *, footnote: bool = False, vertical_merge: bool = False) -> Path:
    """Heading, two paragraphs, the task table (a merged cell), a closing paragraph."""
    from docx import Document

    doc = Document()
    doc.add_heading("KẾ HOẠCH Thực hiện Nghị quyết số 57-NQ/TW", level=1)
    first = doc.add_paragraph("Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị")
    doc.add_paragraph("Ủy ban nhân dân tỉnh ban hành Kế hoạch\tnhư sau:")
    table = doc.add_table(rows=3, cols=5)
    table.style = "Table Grid"
    for c, text in enumerate(HEADER):
        table.cell(0, c).text = text
    for c, text in enumerate(ROW1):
        table.cell(1, c).text = text
    for c, text in zip((0, 1, 2, 4), ROW2, strict=True):
        table.cell(2, c).text = text
    table.cell(2, 2).merge(table.cell(2, 3))
    table.cell(1, 1).paragraphs[0].add_run().add_break()  # a line break inside a cell
    if vertical_merge:  # "Thời gian hoàn thành" shared by both rows
        table.cell(1, 4).merge(table.cell(2, 4))
    doc.add_paragraph("Giao Sở Khoa học và Công nghệ theo dõi, đôn đốc thực hiện Kế hoạch này.")
    if footnote:
        _add_footnote(doc, first, "Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị.")
    doc.save(path)
    return path


def _add_footnote(doc, paragraph, text: str) -> None:
    """python-docx cannot write footnotes: add the part and a reference by hand."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    xml = (
        f'<w:footnotes xmlns:w="{w}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        "</w:footnote>"
        '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>'
        f'<w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>'
        "</w:footnotes>"
    )
    part = Part(
        PackURI("/word/footnotes.xml"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
        xml.encode(),
        doc.part.package,
    )
    doc.part.relate_to(part, RT.FOOTNOTES)
    run = parse_xml(f'<w:r xmlns:w="{w}"><w:footnoteReference w:id="1"/></w:r>')
    paragraph._p.append(run)


@pytest.fixture
def make_docx(tmp_path: Path):
    """make_docx(name, footnote=False, vertical_merge=False) -> path."""

    def _make(name: str = "ke-hoach.docx", **options: bool) -> Path:
        return build_docx(tmp_path / name, **options)

    return _make


@pytest.fixture
def docx_file(make_docx) -> Path:
    return make_docx()


def _font() -> str:
    if not DEJAVU.exists():
        pytest.skip(f"needs the DejaVu Sans font at {DEJAVU} (apt package fonts-dejavu-core)")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("DejaVu", str(DEJAVU)))
    return "DejaVu"


PDF_PAGE1 = [
    "ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP",
    "KẾ HOẠCH",
    "Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị.",
    "Căn cứ Kế hoạch số 359-KH/TU của Ban Thường vụ Tỉnh ủy;",
]
PDF_PAGE2 = ["II. NHIỆM VỤ VÀ GIẢI PHÁP", "Các sở, ban, ngành tỉnh thực hiện các nhiệm vụ sau:"]
PDF_AFTER = "Giao Sở Khoa học và Công nghệ theo dõi, đôn đốc thực hiện."


def build_pdf(path: Path) -> Path:
    """Two pages of Vietnamese text; page 2 holds the task table (grid lines, a merged cell)."""
    font = _font()
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    body = ParagraphStyle("vi", fontName=font, fontSize=11, leading=15)
    small = ParagraphStyle("cell", fontName=font, fontSize=9, leading=11)
    story = [Paragraph(t, body) for t in PDF_PAGE1] + [PageBreak()]
    story += [Paragraph(t, body) for t in PDF_PAGE2]
    row2 = ROW2[:3] + [""] + ROW2[3:]
    data = [[Paragraph(t, small) for t in row] for row in (HEADER, ROW1, row2)]
    table = Table(data, colWidths=[25, 150, 110, 110, 80])
    table.setStyle(
        TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("SPAN", (2, 2), (3, 2))])
    )
    story += [table, Paragraph(PDF_AFTER, body)]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


@pytest.fixture
def pdf_lines() -> dict[str, list[str]]:
    """The paragraphs of the PDF fixture (each fits on one printed line)."""
    return {"page1": PDF_PAGE1, "page2": PDF_PAGE2, "after": [PDF_AFTER]}


@pytest.fixture
def pdf_file(tmp_path: Path) -> Path:
    return build_pdf(tmp_path / "ke-hoach.pdf")


@pytest.fixture
def scanned_pdf(tmp_path: Path) -> Path:
    """A PDF page with a drawing and no text layer, like a scan."""
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path))
    c.rect(100, 100, 300, 400, fill=1)
    c.showPage()
    c.save()
    return path
