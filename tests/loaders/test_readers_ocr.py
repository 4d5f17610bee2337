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
    # the two-column letterhead survives as one row: issuer | motto
    head = src.text.split("\n")[:3]
    assert head[0].split("\t") == ["ỦY BAN NHÂN DÂN", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    assert head[2].startswith("Số: /UBND-KGVX\tĐồng Tháp, ngày")
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

    def word(line, left, text, conf=95.0):
        return f"5\t1\t1\t1\t{line}\t1\t{left}\t100\t{len(text) * 20}\t40\t{conf}\t{text}"

    tsv = "\n".join([
        header,
        word(1, 100, "ỦY"), word(1, 170, "BAN"), word(1, 900, "CỘNG"), word(1, 1010, "HÒA"),
        word(2, 100, "-"), word(2, 140, "Sở"), word(2, 200, "Tài"), word(2, 280, "chính;"),
        word(2, 420, "¬", 20.0), word(3, 100, "Số:"), word(3, 170, "12/QĐ-UBND"),
        word(3, 390, "ĐÐU"),
    ])  # fmt: skip
    assert ocr.lines_from_tsv(tsv) == ["ỦY BAN\tCỘNG HÒA", "- Sở Tài chính;", "Số: 12/QĐ-UBND ĐU"]
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
