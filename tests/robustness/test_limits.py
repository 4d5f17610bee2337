"""What bounds a reader: only ReadError out of read_path, a size limit, one PDF page at a time."""

from __future__ import annotations

import io
import time
import zipfile

import fuzzcases
import pytest

from policy_lineage.loaders import errors, read_docx, read_pdf, readers
from policy_lineage.loaders.readers import read_path, read_paths
from policy_lineage.loaders.source import ReadError


def _code(path) -> str:
    with pytest.raises(ReadError) as err:
        read_path(path)
    assert err.value.path == str(path)
    return err.value.code


def _docx_with(document_xml_edit) -> bytes:
    """The corpus-style .docx with its word/document.xml changed by ``document_xml_edit``."""
    data = fuzzcases.docx_bytes("KẾ HOẠCH\n1\tGiao Sở Tài chính\tQuý IV/2025\nHết.")
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for item in source.infolist():
            blob = source.read(item)
            if item.filename == "word/document.xml":
                blob = document_xml_edit(blob.decode("utf-8")).encode("utf-8")
            z.writestr(item, blob)
    return out.getvalue()


def test_read_path_raises_read_error_for_a_docx_python_docx_opens_but_cannot_walk(tmp_path):
    """A cell spanning "x" columns: python-docx opens the file, the body walk hit int("x").
    read_path raised ValueError (only read_paths wrapped it): now CORRUPT, named."""
    bad = _docx_with(lambda xml: xml.replace("<w:tcPr>", '<w:tcPr><w:gridSpan w:val="x"/>', 1))
    path = tmp_path / "span.docx"
    path.write_bytes(bad)
    assert _code(path) == errors.CORRUPT
    [item] = list(read_paths([str(path)]))
    assert isinstance(item, ReadError) and "ValueError" in item.detail


def test_a_200_mb_text_file_is_refused_unread(tmp_path):
    """Over four bytes per allowed character cannot fit: refused from its size, at once."""
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:
        fh.truncate(200 * 1024 * 1024)  # sparse: nothing is written
    start = time.perf_counter()
    assert _code(path) == errors.TOO_LARGE  # read, 200 MB of NULs would be BINARY
    assert time.perf_counter() - start < 10  # a guard: reading it would take seconds and GBs


@pytest.mark.parametrize("fmt", ["txt", "docx", "pdf"])
def test_text_over_the_limit_is_too_large(fmt, tmp_path, monkeypatch, needs_font):
    monkeypatch.setattr(readers, "MAX_TEXT_CHARS", 2000)
    text = "\n".join(f"{i}. Giao Sở Tài chính chủ trì nhiệm vụ số {i}." for i in range(1, 80))
    path = tmp_path / f"long.{fmt}"
    if fmt == "txt":
        path.write_text(text, "utf-8")
    else:
        path.write_bytes(fuzzcases.docx_bytes(text) if fmt == "docx" else fuzzcases.pdf_bytes(text))
    with pytest.raises(ReadError) as err:
        read_path(path)
    assert err.value.code == errors.TOO_LARGE and "2,000" in err.value.detail


def test_a_docx_unzipping_past_the_limit_is_refused_before_parsing(tmp_path, monkeypatch):
    """A zip bomb: small on disk, huge unzipped. python-docx would hold every part."""
    path = tmp_path / "bomb.docx"
    data = fuzzcases.docx_bytes("KẾ HOẠCH\nGiao Sở Tài chính.")
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(path, "w") as z:
        for item in source.infolist():
            z.writestr(item, source.read(item), zipfile.ZIP_DEFLATED)
        z.writestr("word/media/padding.bin", bytes(4 << 20), zipfile.ZIP_DEFLATED)
    assert path.stat().st_size < 100_000
    monkeypatch.setattr(read_docx, "MAX_UNZIPPED_BYTES", 1 << 20)
    assert _code(path) == errors.TOO_LARGE
    monkeypatch.setattr(read_docx, "MAX_UNZIPPED_BYTES", 1 << 30)
    monkeypatch.setattr(read_docx, "MAX_XML_BYTES", 1000)
    assert _code(path) == errors.TOO_LARGE


def test_memory_error_while_reading_is_too_large(tmp_path, monkeypatch):
    def exhausted(*args):
        raise MemoryError

    monkeypatch.setattr(readers, "read_text", exhausted)
    path = tmp_path / "a.txt"
    path.write_text("Kế hoạch", "utf-8")
    assert _code(path) == errors.TOO_LARGE


def test_pdf_pages_are_released_as_they_are_read_by_pdfplumber(tmp_path, monkeypatch, needs_font):
    """pdfplumber keeps each page's parsed objects until the page is closed: a 400-page PDF
    held 3.5 GB (72 MB once each page is closed; figures: benchmarks/fuzz_readers.py)."""
    import pdfplumber.page

    text = "\n".join(f"Giao Sở Tài chính thực hiện nhiệm vụ số {i}." for i in range(200))
    path = tmp_path / "long.pdf"
    path.write_bytes(fuzzcases.pdf_bytes(text))
    closed: list[int] = []
    open_when_read: list[int] = []  # for each page read, how many earlier pages were open
    real_close, real_page = pdfplumber.page.Page.close, read_pdf._page

    def close(page) -> None:
        closed.append(page.page_number)
        real_close(page)

    def one_page(page, number, flags, pdfium_page=None):
        open_when_read.append(len(set(range(1, number)) - set(closed)))
        return real_page(page, number, flags, pdfium_page)

    monkeypatch.setattr(pdfplumber.page.Page, "close", close)
    monkeypatch.setattr(read_pdf, "_page", one_page)
    monkeypatch.setattr(read_pdf, "may_hold_a_table", lambda page: True)  # every page ruled
    src = read_pdf.read_pdf(str(path), str(path))
    assert len(src.page_starts) > 1
    assert open_when_read == [0] * len(src.page_starts)


def test_pdf_pages_are_released_as_they_are_read_by_pdfium(tmp_path, monkeypatch, needs_font):
    """The pages read by PDFium are closed one by one too."""
    import pypdfium2

    text = "\n".join(f"Giao Sở Tài chính thực hiện nhiệm vụ số {i}." for i in range(200))
    path = tmp_path / "long.pdf"
    path.write_bytes(fuzzcases.pdf_bytes(text))
    opened: list[int] = []
    real_get, real_close = pypdfium2.PdfDocument.get_page, pypdfium2.PdfPage.close
    open_when_read: list[int] = []

    def get_page(document, index):
        open_when_read.append(len(opened))
        opened.append(index)
        return real_get(document, index)

    def close(page, *args, **kwargs):
        if opened:
            opened.pop()
        return real_close(page, *args, **kwargs)

    monkeypatch.setattr(pypdfium2.PdfDocument, "get_page", get_page)
    monkeypatch.setattr(pypdfium2.PdfPage, "close", close)
    src = read_pdf.read_pdf(str(path), str(path))
    assert len(src.page_starts) > 1
    assert open_when_read == [0] * len(src.page_starts)
    assert src.text.count("Giao Sở Tài chính") == 200
