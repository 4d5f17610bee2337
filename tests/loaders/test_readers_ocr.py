"""Scanned PDFs read by OCR (Tesseract ``vie``): a real letter of the bundled corpus typeset
with its two-column letterhead, scanned in the test setup (benchmarks/make_scans.py: grey
pages at 200 dpi turned by 1.2°, speckled, a stamp over the signature), must give the facts
of its .txt; the pages read by OCR are marked in the output. Without Tesseract a scan is the
"no text layer" error naming the install line."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from policy_lineage.loaders import errors, ocr, read_pdf
from policy_lineage.loaders.pipeline import extract_source
from policy_lineage.loaders.readers import read_path, read_paths
from policy_lineage.loaders.source import ReadError
from policy_lineage.schema.model import to_contract

ROOT = Path(__file__).resolve().parents[2]
LETTER = ROOT / "examples" / "dong-thap" / "2026-04_cv-ubnd-kgvx_chi-dao-nq57.txt"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _scans():
    spec = importlib.util.spec_from_file_location("make_scans", ROOT / "benchmarks/make_scans.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


needs_ocr = pytest.mark.skipif(not ocr.available(), reason=ocr.missing_reason())


@pytest.fixture(scope="module")
def typed(tmp_path_factory) -> Path:
    if not FONT.exists():
        pytest.skip(f"the scan fixture needs the DejaVu fonts at {FONT}")
    out = tmp_path_factory.mktemp("scan")
    return _scans().typeset(LETTER.read_text("utf-8"), out / "letter.typed.pdf")


@pytest.fixture(scope="module")
def scanned(typed) -> Path:
    return _scans().scan(typed, typed.parent / "letter.scan.pdf", dpi=200, angle=1.2)


@pytest.fixture(scope="module")
def scanned_src(scanned):
    return read_path(scanned)


def facts(path) -> dict:
    src = path if hasattr(path, "text") else read_path(path)
    data = to_contract(extract_source(src))
    d = data["document"]
    return {
        "document": (d["number"], d["doc_type"], d["issuer"], d["date"], d["is_draft"]),
        "signer": d["signer"],
        "references": sorted(
            (r["number"], r["relation"]) for r in data["references"] if r["number"]
        ),
        "tasks": len(data["tasks"]),
        "leads_deadlines": [(t["lead"], t["deadline"]) for t in data["tasks"]],
    }


@needs_ocr
def test_readers_ocr_scan_gives_the_facts_of_the_text(scanned_src):
    src = scanned_src
    assert src.ocr_pages == list(range(1, len(src.page_starts) + 1))
    assert len(src.ocr_pages) >= 2
    assert any("read by OCR" in w for w in src.warnings)
    # the two-column letterhead survives as one row: issuer, number and summary | the motto
    # and the place and date (as a PDF's text is read, and a .docx's table)
    left, right = src.text.split("\n")[0].split("\t")
    assert left.startswith("ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP Số: /UBND-KGVX V/v thực hiện")
    assert right.startswith("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc")
    assert right.endswith("Đồng Tháp, ngày tháng 4 năm 2026")
    assert facts(src) == facts(LETTER)


@needs_ocr
def test_readers_ocr_mixed_pdf_reads_text_and_scanned_pages(typed, scanned, tmp_path):
    import pypdfium2 as pdfium

    mixed = pdfium.PdfDocument.new()
    mixed.import_pages(pdfium.PdfDocument(str(typed)), [0])
    mixed.import_pages(pdfium.PdfDocument(str(scanned)), [1])
    path = tmp_path / "mixed.pdf"
    mixed.save(str(path))
    src = read_path(path)
    assert src.ocr_pages == [2]
    first, second = src.text.split("\f")
    assert "Kính gửi" in first and "1536-CV/ĐU" in first
    assert "Khoa học và Công nghệ" in second
    text_only = read_path(typed).text.split("\f")[1]
    assert set(second.split()) & set(text_only.split())


@needs_ocr
def test_readers_ocr_pages_reach_the_extract_json(scanned):
    from click.testing import CliRunner

    from policy_lineage.cli import main

    result = CliRunner().invoke(main, ["extract", str(scanned), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["ocr_pages"] == [1, 2, 3] or data["ocr_pages"][:2] == [1, 2]
    assert all(r.get("ocr") for r in data["references"])
    assert all(t.get("ocr") for t in data["tasks"])
    assert any("read by OCR" in w for w in data["warnings"])


def test_readers_ocr_deskew_finds_the_angle(typed):
    import pypdfium2 as pdfium
    from PIL import Image

    page = pdfium.PdfDocument(str(typed))[0].render(scale=100 / 72).to_pil().convert("L")
    for angle in (-2.0, 1.2, 3.5):
        turned = page.rotate(angle, resample=Image.BICUBIC, fillcolor=255)
        assert ocr.skew_angle(turned) == pytest.approx(angle, abs=0.3)


def test_readers_ocr_scan_without_tesseract_says_what_to_install(scanned, typed, monkeypatch):
    monkeypatch.setattr(ocr, "available", lambda: False)
    ok, bad = list(read_paths([str(typed), str(scanned)]))
    assert not isinstance(ok, ReadError)
    assert isinstance(bad, ReadError) and bad.code == errors.NO_TEXT
    assert str(scanned) in str(bad) and "apt-get install" in bad.detail
    assert "tesseract-ocr-vie" in bad.detail


def test_readers_ocr_encrypted_pdf_is_named(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "mat.pdf"
    c = canvas.Canvas(str(path), encrypt="mat-khau")
    c.drawString(72, 720, "Ke hoach so 12/KH-UBND")
    c.showPage()
    c.save()
    [err] = list(read_paths([str(path)]))
    assert isinstance(err, ReadError) and str(path) in str(err)
    assert err.code == errors.CORRUPT and "password" in err.detail


def test_readers_ocr_lines_rebuild_columns_and_drop_specks():
    header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"

    def word(line, left, text, conf=95.0, block=1):
        top = 100 + 60 * line
        return f"5\t1\t{block}\t1\t{line}\t1\t{left}\t{top}\t{len(text) * 20}\t40\t{conf}\t{text}"

    # Tesseract reads the letterhead's two columns as two blocks, their lines on one level
    tsv = "\n".join([
        header,
        word(1, 100, "ỦY"), word(1, 170, "BAN"), word(1, 900, "CỘNG", block=2),
        word(1, 1010, "HÒA", block=2),
        word(2, 100, "Số:"), word(2, 170, "12/QĐ-UBND"), word(2, 420, "¬", 20.0),
        word(2, 900, "Đồng", block=2), word(2, 1000, "Tháp", block=2),
        word(4, 100, "Giao"), word(4, 200, "Sở"), word(4, 260, "Tài"), word(4, 340, "chính"),
        word(4, 460, "ĐÐU"), word(4, 540, "bố"), word(4, 600, "trí"), word(4, 680, "kinh"),
        word(4, 780, "phí"), word(4, 860, "năm"), word(4, 940, "2026."),
    ])  # fmt: skip
    assert ocr.lines_from_tsv(tsv) == [
        "ỦY BAN Số: 12/QĐ-UBND\tCỘNG HÒA Đồng Tháp",  # one row of two cells, a speck dropped
        "Giao Sở Tài chính ĐU bố trí kinh phí năm 2026.",  # a line across the page: no cells
    ]
    assert read_pdf.ocr is ocr


def test_readers_ocr_ruled_table_words_become_rows():
    from PIL import Image, ImageDraw

    img = Image.new("L", (1000, 600), 255)
    draw = ImageDraw.Draw(img)
    for y in (100, 200, 300, 500):
        draw.line([(100, y), (900, y)], fill=0, width=3)
    for x in (100, 300, 600, 900):
        draw.line([(x, 100), (x, 500)], fill=0, width=3)
    draw.rectangle((298, 310, 302, 490), fill=255)  # row 3: columns 1 and 2 merged
    grid = ocr.find_grid(img)
    assert [round(y / 10) * 10 for y in grid.rows] == [100, 200, 300, 500]
    assert [round(x / 10) * 10 for x in grid.columns] == [100, 300, 600, 900]
    assert grid.joined == {2: {0}}
    header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"

    def word(block, line, left, top, text):
        return f"5\t1\t{block}\t1\t{line}\t1\t{left}\t{top}\t{len(text) * 15}\t20\t95\t{text}"

    tsv = "\n".join([
        header, word(1, 1, 120, 40, "Phụ"), word(1, 1, 180, 40, "lục"),
        word(2, 1, 120, 140, "TT"), word(2, 1, 320, 140, "Nhiệm"), word(2, 1, 420, 140, "vụ"),
        word(3, 1, 620, 140, "Cơ"), word(3, 1, 660, 140, "quan"),
        word(4, 1, 120, 240, "1"), word(4, 1, 320, 240, "Xây"), word(4, 1, 390, 240, "dựng"),
        word(4, 2, 320, 270, "đề"), word(4, 2, 370, 270, "án"), word(5, 1, 620, 240, "Sở"),
        word(6, 1, 120, 350, "Ghi"), word(6, 1, 330, 350, "chú"), word(6, 1, 620, 350, "|"),
        word(7, 1, 120, 540, "Nơi"), word(7, 1, 180, 540, "nhận:"),
    ])  # fmt: skip
    assert ocr.lines_from_tsv(tsv, grid) == [
        "Phụ lục",
        "TT\tNhiệm vụ\tCơ quan",
        "1\tXây dựng đề án\tSở",
        "Ghi chú\t",
        "Nơi nhận:",
    ]


@needs_ocr
def test_readers_ocr_letterhead_without_rules_gives_issuer_date_and_signer(tmp_path):
    """A plan's page printed from Word (its letterhead and signature block in tables without
    borders: tests/loaders/test_pdf_columns.py draws it), then scanned: Tesseract reads the
    two columns as two blocks, and the page's lines are read for columns as a PDF's are."""
    from .test_pdf_columns import WRAPPED, _page

    if not FONT.exists():
        pytest.skip(f"the scan fixture needs the DejaVu fonts at {FONT}")
    printed = _page(tmp_path / "printed.pdf", letterhead=WRAPPED)
    scanned = _scans().scan(printed, tmp_path / "scanned.pdf")
    src = read_path(scanned)
    assert src.ocr_pages == [1]
    data = to_contract(extract_source(src))
    document = data["document"]
    assert document["number"] == "144/KH-UBND"
    assert document["issuer"] == "Ủy ban nhân dân tỉnh Bắc Ninh"
    assert document["date"] == "2025-11-24"
    assert document["signer"] == "Mai Sơn"


# Tesseract's TSV of a scanned A4 page at 300 dpi (2,480 pixels wide), written word by word:
# (block, line, left, top, text), a word 20 pixels a letter wide
_HEADER = (
    "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
)
_PAGE_WIDTH = 2480


def _tsv(*words: tuple, height: int = 40) -> str:
    rows = [_HEADER]
    for block, line, left, top, text, *rest in words:
        h = rest[0] if rest else height
        conf = rest[1] if len(rest) > 1 else 95.0
        width = rest[2] if len(rest) > 2 else len(text) * 20
        rows.append(f"5\t1\t{block}\t1\t{line}\t1\t{left}\t{top}\t{width}\t{h}\t{conf}\t{text}")
    return "\n".join(rows)


def _line(block: int, line: int, left: int, top: int, text: str, **kw) -> list[tuple]:
    """A printed line's words from ``left``, one space (20 pixels) apart."""
    out = []
    for word in text.split():
        out.append((block, line, left, top, word, kw.get("height", 40)))
        left += len(word) * 20 + 20
    return out


def test_ocr_a_stamp_over_a_paragraph_is_no_space_between_columns():
    """A stamp over two lines of a paragraph: Tesseract reads the words either side of it
    as two blocks, and the stamp as words of no text. The lines are running text, not a
    run of two columns."""
    blot = [(9, 1, 600, 590, " ", 150, 95.0, 920)]
    tsv = _tsv(
        *_line(1, 1, 330, 600, "Giao Sở Tài chính"),
        *_line(2, 1, 1500, 600, "bố trí kinh phí năm 2026;"),
        *_line(1, 2, 330, 660, "Sở Nội vụ thẩm"),
        *_line(2, 2, 1500, 660, "định đề án vị trí việc làm."),
        *blot,
    )
    assert ocr.lines_from_tsv(tsv, None, _PAGE_WIDTH) == [
        "Giao Sở Tài chính bố trí kinh phí năm 2026;",
        "Sở Nội vụ thẩm định đề án vị trí việc làm.",
    ]


def test_ocr_lines_of_one_column_are_never_one_line():
    """The small lines of the list under "Nơi nhận" stand closer than half a line apart
    in Tesseract's boxes: two lines whose words stand over each other stay two lines."""
    tsv = _tsv(
        *_line(1, 1, 350, 600, "Nơi nhận: - Như trên;", height=28),
        *_line(1, 2, 350, 612, "- Lưu: VT, KGVX.", height=28),
    )
    assert ocr.lines_from_tsv(tsv, None, _PAGE_WIDTH) == [
        "Nơi nhận: - Như trên;",
        "- Lưu: VT, KGVX.",
    ]


def test_ocr_a_wide_space_inside_a_paragraph_is_not_two_columns():
    """OCR's boxes leave a wide space after a colon; a line so cut between two lines of its
    paragraph is running text."""
    tsv = _tsv(
        *_line(1, 1, 330, 600, "Cán bộ được đưa vào quy hoạch phải đáp ứng đủ các tiêu chuẩn"),
        *_line(1, 2, 330, 660, "quy định, cụ thể như sau:"),
        *_line(1, 2, 1050, 660, "Đối tượng 1 phải đáp ứng"),
        *_line(1, 3, 330, 720, "chung và tiêu chuẩn của chức danh theo quy định hiện hành"),
    )
    assert ocr.lines_from_tsv(tsv, None, _PAGE_WIDTH) == [
        "Cán bộ được đưa vào quy hoạch phải đáp ứng đủ các tiêu chuẩn",
        "quy định, cụ thể như sau: Đối tượng 1 phải đáp ứng",
        "chung và tiêu chuẩn của chức danh theo quy định hiện hành",
    ]


def test_ocr_a_larger_heading_under_the_signature_block_is_not_in_its_column():
    """A decision's signature block, then the plan it issues: its heading in letters larger
    than the recipients' list, as close to it as a line of that list (in the list's size) is
    not. The heading opens the plan; it is not a recipient."""
    tsv = _tsv(
        *_line(1, 1, 350, 1000, "- Lưu: VT, KHTC.", height=30),
        *_line(2, 1, 1300, 1000, "KT. BỘ TRƯỞNG", height=30),
        *_line(3, 1, 325, 1055, "KẾ HOẠCH", height=50),
    )
    assert ocr.lines_from_tsv(tsv, None, _PAGE_WIDTH) == [
        "- Lưu: VT, KHTC.\tKT. BỘ TRƯỞNG",
        "KẾ HOẠCH",
    ]


def test_ocr_a_lone_unsure_letter_at_the_edge_is_a_speck():
    """A letter Tesseract is unsure of, alone at the page's right edge beside a line (a
    stamp's edge), is dropped: it would stand as a column of its own."""
    tsv = _tsv(
        *_line(1, 1, 350, 600, "Nơi nhận: - Văn phòng Chính phủ;"),
        (8, 1, 2086, 590, "n", 80, 29.0),
    )
    assert ocr.lines_from_tsv(tsv, None, _PAGE_WIDTH) == ["Nơi nhận: - Văn phòng Chính phủ;"]


def test_ocr_a_paragraph_line_cut_twice_is_not_a_table_row():
    """OCR leaves two wide spaces in a line of a paragraph (letters it could not read): the
    line is running text, not a row of three cells, since the lines around it run across."""
    tsv = _tsv(
        *_line(
            1,
            1,
            330,
            600,
            "các cơ quan, đơn vị liên quan nghiêm túc triển khai thực hiện, tổ chức thực",
        ),
        *_line(1, 2, 330, 660, "hiện, bảo đảm"),
        *_line(1, 2, 900, 660, "chất lượng,"),
        *_line(1, 2, 1400, 660, "hiệu quả và đúng tiến độ đề ra"),
        *_line(
            1, 3, 330, 720, "theo kế hoạch; báo cáo kết quả về Sở Nội vụ trước ngày 15 tháng 12."
        ),
    )
    assert ocr.lines_from_tsv(tsv, None, _PAGE_WIDTH)[1] == (
        "hiện, bảo đảm chất lượng, hiệu quả và đúng tiến độ đề ra"
    )


def test_ocr_a_field_line_with_a_wide_space_before_its_last_words_is_not_two_columns():
    """A task's fields, a paragraph's spacing apart: the first with a wide space before its
    last two words. Its right "column" would hold two words, which no letterhead or signature
    block does: the lines stay running text."""
    tsv = _tsv(
        *_line(1, 0, 380, 800, "1. Rà soát, kiện toàn đội ngũ cán bộ làm công tác pháp chế."),
        *_line(1, 1, 380, 900, "Đơn vị chủ trì thực hiện: Các Sở, ngành, đơn vị, UBND"),
        *_line(1, 1, 1660, 900, "cấp xã."),
        *_line(1, 2, 380, 1000, "Đơn vị phối hợp: Sở Tư pháp."),
        *_line(1, 3, 380, 1100, "Thời gian thực hiện: Thường xuyên."),
    )
    assert ocr.lines_from_tsv(tsv, None, _PAGE_WIDTH)[1:] == [
        "Đơn vị chủ trì thực hiện: Các Sở, ngành, đơn vị, UBND cấp xã.",
        "Đơn vị phối hợp: Sở Tư pháp.",
        "Thời gian thực hiện: Thường xuyên.",
    ]


def test_ocr_a_signature_block_going_on_at_the_top_of_a_page_keeps_its_columns():
    """The page opens with the rest of a signature block: the recipients' list on the left,
    only the signer's name on the right. A run opening a page may go on one of the page
    before, so its short column is kept."""
    tsv = _tsv(
        *_line(1, 1, 380, 300, "Bộ Công an; - Chủ tịch, các PCT"),
        *_line(2, 1, 1500, 300, "Trường Sơn"),
        *_line(1, 2, 380, 350, "UBND tỉnh; - Lưu: VT."),
    )
    assert ocr.lines_from_tsv(tsv, None, _PAGE_WIDTH) == [
        "Bộ Công an; - Chủ tịch, các PCT UBND tỉnh; - Lưu: VT.\tTrường Sơn",
    ]
