"""PDF pages without rules, read by PDFium: lines, and the two columns of a letterhead and a
signature block printed from Word (a table without borders).

Each page here is drawn with reportlab's canvas at the places Word puts them: the issuer and
the national motto side by side, each centred in its half; "Nơi nhận" on the left beside the
signer on the right. pdfplumber joined such columns into one line ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ
HỘI CHỦ NGHĨA VIỆT NAM") and the issuer, the date and the signer were lost.
"""

from __future__ import annotations

import pytest

from policy_lineage.loaders import read_pdf as read_pdf_module
from policy_lineage.loaders.pipeline import extract_paths
from policy_lineage.loaders.readers import read_path

from .conftest import _font

LEFT, RIGHT, MIDDLE, MARGIN = 160.0, 420.0, 297.0, 70.0  # A4 is 595 points wide

LETTERHEAD = [
    ("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("TỈNH BẮC NINH", "Độc lập - Tự do - Hạnh phúc"),
    ("Số: 144/KH-UBND", "Bắc Ninh, ngày 24 tháng 11 năm 2025"),
]
# a letterhead in narrow cells, its names wrapped mid-phrase and its columns apart: lines
# with words on the right only
WRAPPED = [
    ("ỦY BAN NHÂN DÂN TỈNH BẮC", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA"),
    ("NINH", "VIỆT NAM Độc lập - Tự do - Hạnh"),
    ("", "phúc"),
    ("Số: 144/KH-UBND", "Bắc Ninh, ngày 24 tháng 11 năm"),
    ("", "2025"),
]
BODY = [
    "Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển",
    "khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia;",
    "1. Giao Sở Khoa học và Công nghệ chủ trì xây dựng cơ sở dữ liệu dùng chung của tỉnh,",
    "hoàn thành trước ngày 30/6/2026.",
]
RECIPIENTS = ["Nơi nhận:", "- Như trên;", "- Lưu: VT."]
SIGNATURE = ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "", "Mai Sơn"]


def _letterhead(c, font: str, rows: list[tuple[str, str]], y: float = 800.0) -> float:
    """Draw the letterhead's two columns, each line centred in its half, as Word places a
    table without borders; the height under it."""
    c.setFont(font, 11)
    for left, right in rows:
        c.drawCentredString(LEFT, y, left)
        c.drawCentredString(RIGHT, y, right)
        y -= 15
    return y


def _page(
    path,
    *,
    after_signature: str | None = None,
    justified_gap: float = 0.0,
    space_before_signature: float = 20.0,
    letterhead: list[tuple[str, str]] = LETTERHEAD,
):
    """A plan's first page; ``after_signature``: a centred line right under the signer (the
    title of the plan an order issues); ``justified_gap``: extra points between the words of
    the body's first line, as a justified line stretches them."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _font()
    c = canvas.Canvas(str(path), pagesize=A4)
    y = _letterhead(c, font, letterhead)
    c.setFont(font, 13)
    y -= 20
    c.drawCentredString(MIDDLE, y, "KẾ HOẠCH")
    y -= 17
    c.drawCentredString(MIDDLE, y, "Phát triển kinh tế số tỉnh Bắc Ninh")
    y -= 30
    c.setFont(font, 12)
    for i, line in enumerate(BODY):
        if i == 0 and justified_gap:
            text = c.beginText(MARGIN, y)
            text.setFont(font, 12)
            text.setWordSpace(justified_gap)
            text.textOut(line)
            c.drawText(text)
        else:
            c.drawString(MARGIN, y, line)
        y -= 16
    y -= space_before_signature
    c.setFont(font, 11)
    for i in range(max(len(RECIPIENTS), len(SIGNATURE))):
        if i < len(RECIPIENTS):
            c.drawString(MARGIN, y, RECIPIENTS[i])
        if i < len(SIGNATURE) and SIGNATURE[i]:
            c.drawCentredString(RIGHT, y, SIGNATURE[i])
        y -= 15
    if after_signature:
        c.setFont(font, 13)
        c.drawCentredString(MIDDLE, y - 4, after_signature)
    c.line(LEFT - 40, 770, LEFT + 40, 770)  # the rule under the issuer's name
    c.showPage()
    c.save()
    return path


@pytest.fixture
def letterhead_pdf(tmp_path):
    return _page(tmp_path / "ke-hoach.pdf")


def test_a_page_without_rules_is_read_by_pdfium_not_pdfplumber(letterhead_pdf, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("pdfplumber opened for a page without rules")

    monkeypatch.setattr(read_pdf_module.pdfplumber, "open", refuse)
    src = read_path(letterhead_pdf)
    for line in BODY:
        assert line in src.text.split("\n")


def test_the_letterhead_is_one_row_of_two_cells(letterhead_pdf):
    src = read_path(letterhead_pdf)
    first = src.text.split("\n")[0]
    assert first.split("\t") == [
        " ".join(left for left, _ in LETTERHEAD),
        " ".join(right for _, right in LETTERHEAD),
    ]
    assert src.tables and src.tables[0].rows[0].cells == first.split("\t")


def test_the_signature_block_stands_beside_the_recipients(letterhead_pdf):
    src = read_path(letterhead_pdf)
    rows = [line.split("\t") for line in src.text.split("\n") if "\t" in line]
    assert [" ".join(RECIPIENTS), " ".join(s for s in SIGNATURE if s)] in rows


def test_the_facts_of_the_letterhead_and_the_signature_are_read(letterhead_pdf):
    [doc] = extract_paths([str(letterhead_pdf)])
    assert doc.document.number == "144/KH-UBND"
    assert doc.document.issuer.name == "Ủy ban nhân dân tỉnh Bắc Ninh"
    assert doc.document.date.isoformat() == "2025-11-24"
    assert doc.document.signer == "Mai Sơn"
    [task] = doc.tasks
    assert [a.name for a in task.lead] == ["Sở Khoa học và Công nghệ"]
    assert task.deadline.isoformat() == "2026-06-30"


def test_a_centred_title_under_the_signer_is_not_in_its_column(tmp_path):
    src = read_path(_page(tmp_path / "qd.pdf", after_signature="QUY CHẾ"))
    lines = src.text.split("\n")
    assert "QUY CHẾ" in lines
    assert not any("QUY CHẾ" in line for line in lines if "\t" in line)


@pytest.mark.parametrize("gap", [0.0, 2.0, 4.0])
def test_a_justified_line_is_not_two_columns(tmp_path, gap):
    """A line whose spaces are stretched (up to 4 points more each at 12 points, a third of
    the letters' height) is still one line of running text."""
    src = read_path(_page(tmp_path / "kh.pdf", justified_gap=gap))
    assert BODY[0] in src.text.split("\n")


def test_a_line_with_a_letter_of_two_marks_stays_one_line(tmp_path):
    """PDFium's box of "Ẫ" or "Ễ" rises above its neighbours' by more than the tolerance
    between lines: lines are made from the letters' bottoms."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _font()
    path = tmp_path / "hd.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont(font, 14)
    c.drawCentredString(MIDDLE, 760, "HƯỚNG DẪN THỰC HIỆN NGHỊ QUYẾT VỀ PHÁT TRIỂN")
    c.drawCentredString(MIDDLE, 742, "KHOA HỌC, CÔNG NGHỆ VÙNG DÂN TỘC THIỂU SỐ")
    c.showPage()
    c.save()
    assert read_path(path).text.split("\n") == [
        "HƯỚNG DẪN THỰC HIỆN NGHỊ QUYẾT VỀ PHÁT TRIỂN",
        "KHOA HỌC, CÔNG NGHỆ VÙNG DÂN TỘC THIỂU SỐ",
    ]


def test_a_page_with_a_ruled_table_keeps_its_letterhead_columns(tmp_path):
    """A letter whose first page holds a ruled task table: pdfplumber reads the table, and
    the text around it (the letterhead) is read in columns as on a page without rules."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _font()
    path = tmp_path / "cv.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    _letterhead(c, font, LETTERHEAD)
    c.setFont(font, 10)
    rows = [
        ("TT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn"),
        ("1", "Xây dựng cơ sở dữ liệu", "Sở Khoa học và Công nghệ", "30/6/2026"),
    ]
    xs, top = [MARGIN, MARGIN + 30, MARGIN + 200, MARGIN + 370, MARGIN + 450], 650.0
    c.grid(xs, [top, top - 20, top - 40])
    for r, row in enumerate(rows):
        for k, cell in enumerate(row):
            c.drawString(xs[k] + 3, top - 14 - 20 * r, cell)
    c.showPage()
    c.save()
    src = read_path(path)
    lines = src.text.split("\n")
    assert lines[0].split("\t") == [
        " ".join(left for left, _ in LETTERHEAD),
        " ".join(right for _, right in LETTERHEAD),
    ]
    assert ["\t".join(row) for row in rows] == lines[1:]
    assert [t.rows[0].cells for t in src.tables] == [lines[0].split("\t"), list(rows[0])]


def test_a_signature_block_broken_by_the_page_end_is_one_row(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _font()
    path = tmp_path / "kh.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont(font, 12)
    c.drawString(MARGIN, 200, BODY[2])
    c.drawString(MARGIN, 184, BODY[3])
    c.setFont(font, 11)
    c.drawString(MARGIN, 60, "Nơi nhận:")
    c.drawCentredString(RIGHT, 60, "TM. ỦY BAN NHÂN DÂN")
    c.drawString(MARGIN, 45, "- Như trên;")
    c.drawCentredString(RIGHT, 45, "KT. CHỦ TỊCH")
    c.showPage()
    c.setFont(font, 11)
    c.drawString(MARGIN, 800, "- Lưu: VT.")
    c.drawCentredString(RIGHT, 800, "PHÓ CHỦ TỊCH")
    c.drawCentredString(RIGHT, 740, "Mai Sơn")
    c.showPage()
    c.save()
    src = read_path(path)
    lines = src.text.replace("\f", "\n").split("\n")
    rows = [line.split("\t") for line in lines if "\t" in line]
    assert rows == [[" ".join(RECIPIENTS), " ".join(s for s in SIGNATURE if s)]]
    [doc] = extract_paths([str(path)])
    assert doc.document.signer == "Mai Sơn"


def test_the_text_right_above_the_signature_block_stays_running_text(tmp_path):
    """Nothing between the text and "Nơi nhận": the text's last short line (at the margin,
    as "Nơi nhận") is not in its column, nor is the full line above it, whose space between
    two words may fall where the columns' space is."""
    src = read_path(_page(tmp_path / "kh.pdf", space_before_signature=0.0))
    lines = src.text.split("\n")
    assert BODY[2] in lines and BODY[3] in lines
    rows = [line.split("\t") for line in lines if "\t" in line]
    assert [" ".join(RECIPIENTS), " ".join(s for s in SIGNATURE if s)] in rows


def test_a_number_broken_at_its_hyphen_at_a_line_end_is_kept_whole(tmp_path):
    """PDFium marks a hyphen ending a line as one that breaks a word; in a document number
    it is the number's own ("728/PA-" then "UBND")."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _font()
    path = tmp_path / "ct.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont(font, 12)
    c.drawString(
        MARGIN, 760, "Thực hiện Chỉ thị số 03/CT-UBND ngày 19/3/2019, Phương án số 728/PA-"
    )
    c.drawString(MARGIN, 744, "UBND ngày 28/02/2025 của Ủy ban nhân dân tỉnh Quảng Trị.")
    c.showPage()
    c.save()
    assert read_path(path).text.split("\n")[0].endswith("728/PA-")
    [doc] = extract_paths([str(path)])
    assert "728/PA-UBND" in {r.number for r in doc.references}


@pytest.fixture(scope="module")
def printed_from_word(tmp_path_factory):
    """A letter as offices print it: a .docx (python-docx) whose letterhead and signature
    block are tables without borders, printed to PDF by LibreOffice (its fonts draw "fi" as
    one glyph)."""
    import os
    import shutil
    import subprocess

    import docx

    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is not installed: apt-get install libreoffice-writer-nogui")
    out = tmp_path_factory.mktemp("word")
    document = docx.Document()

    def borderless(rows: list[tuple[str, str]]) -> None:
        table = document.add_table(rows=0, cols=2)
        for left, right in rows:
            cells = table.add_row().cells
            cells[0].text, cells[1].text = left, right

    borderless([("ỦY BAN NHÂN DÂN TỈNH BẮC NINH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                ("Số: 412/UBND-KGVX\nV/v triển khai mạng wifi công cộng",
                 "Bắc Ninh, ngày 03 tháng 12 năm 2025")])  # fmt: skip
    document.add_paragraph("Kính gửi: Sở Khoa học và Công nghệ")
    document.add_paragraph(
        "Ủy ban nhân dân tỉnh giao Sở Khoa học và Công nghệ chủ trì lắp đặt các điểm truy "
        "cập wifi công cộng tại trung tâm các xã, hoàn thành trước ngày 30/6/2026."
    )
    borderless([("Nơi nhận:\n- Như trên;\n- Lưu: VT.", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n\nMai Sơn")])
    path = out / "cong-van.docx"
    document.save(path)
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{out}/profile", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", str(out), str(path)],
        env=dict(os.environ, HOME=str(out)), capture_output=True, check=True, timeout=300,
    )  # fmt: skip
    return out / "cong-van.pdf"


def test_a_letter_printed_from_word_gives_its_facts(printed_from_word):
    src = read_path(printed_from_word)
    assert "wifi công cộng" in " ".join(src.text.split())  # the ligature read as two letters
    [doc] = extract_paths([str(printed_from_word)])
    assert doc.document.number == "412/UBND-KGVX"
    assert doc.document.issuer.name == "Ủy ban nhân dân tỉnh Bắc Ninh"
    assert doc.document.date.isoformat() == "2025-12-03"
    assert doc.document.signer == "Mai Sơn"
    assert doc.document.distribution == ["Như trên", "Lưu: VT"]  # not the signer's cell
    [task] = doc.tasks
    assert [a.name for a in task.lead] == ["Sở Khoa học và Công nghệ"]
    assert task.deadline.isoformat() == "2026-06-30"


def test_a_letterhead_whose_columns_wrap_apart_is_one_row(tmp_path):
    """The motto runs a line longer than the issuer: a line with words on the right only,
    centred under the motto, stays in the run (the number and the date under it too)."""
    src = read_path(_page(tmp_path / "kh.pdf", letterhead=WRAPPED))
    assert src.text.split("\n")[0].split("\t") == [
        " ".join(left for left, _ in WRAPPED if left),
        " ".join(right for _, right in WRAPPED),
    ]
    [doc] = extract_paths([str(tmp_path / "kh.pdf")])
    assert (doc.document.number, doc.document.date.isoformat()) == ("144/KH-UBND", "2025-11-24")


def test_a_table_without_rules_of_three_columns_keeps_a_row_per_line(tmp_path):
    """Lines of three columns or more are a table's rows (as the .docx reader gives them), not
    a run of two columns: each line its own row, its cells where its wide spaces are."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _font()
    path = tmp_path / "pl.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont(font, 11)
    rows = [
        ("TT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn"),
        ("1", "Xây dựng cơ sở dữ liệu", "Sở Khoa học và Công nghệ", "30/6/2026"),
        ("2", "Số hóa hồ sơ hộ tịch", "Sở Tư pháp", "31/12/2026"),
    ]
    for k, row in enumerate(rows):
        for x, cell in zip((MARGIN, MARGIN + 30, MARGIN + 200, MARGIN + 370), row, strict=True):
            c.drawString(x, 700 - 16 * k, cell)
    c.showPage()
    c.save()
    assert read_path(path).text.split("\n") == ["\t".join(row) for row in rows]
