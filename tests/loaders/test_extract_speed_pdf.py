"""The PDF reader's own ``process_object`` (``loaders/read_pdf._process_object``) gives the
objects pdfplumber's gives: the same dicts, key for key and in the same order, for every
character, line, rectangle and curve of PDFs with text, grid tables, merged cells, colours,
dashed lines, curves and a page without text; and the reader's output is the same with it
and without it."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from pdfplumber.page import Page

from policy_lineage.loaders import read_pdf as rp
from policy_lineage.loaders.readers import read_path

from .conftest import build_pdf


def _drawn_pdf(path: Path) -> Path:
    """Text in colours and sizes, dashed and thick lines, a bezier curve, filled and
    stroked rectangles, a rotated line of text, and a second page with drawing only."""
    from reportlab.lib import colors
    from reportlab.pdfgen import canvas

    from .conftest import _font

    font = _font()
    c = canvas.Canvas(str(path))
    c.setFont(font, 12)
    c.setFillColor(colors.red)
    c.drawString(72, 760, "Ủy ban nhân dân tỉnh Đồng Tháp")
    c.setFillColorRGB(0.1, 0.2, 0.7)
    c.setFont(font, 9)
    c.drawString(72, 740, "Sở Khoa học và Công nghệ chủ trì, phối hợp")
    c.setStrokeColor(colors.green)
    c.setDash(3, 2)
    c.line(72, 730, 500, 730)
    c.setDash()
    c.setLineWidth(2.5)
    c.rect(72, 600, 200, 100, stroke=1, fill=0)
    c.setFillGray(0.8)
    c.rect(300, 600, 100, 50, stroke=0, fill=1)
    c.bezier(72, 500, 150, 580, 250, 420, 330, 500)
    p = c.beginPath()
    p.moveTo(400, 500)
    p.lineTo(450, 560)
    p.curveTo(470, 520, 490, 540, 500, 480)
    p.close()
    c.drawPath(p, stroke=1, fill=1)
    c.saveState()
    c.translate(520, 300)
    c.rotate(90)
    c.setFillColor(colors.black)
    c.setFont(font, 10)
    c.drawString(0, 0, "Trang xoay: thời hạn 30/6/2026")
    c.restoreState()
    c.showPage()
    c.circle(200, 400, 50)
    c.showPage()
    c.save()
    return path


@pytest.fixture(params=["tables", "drawn", "synthetic"])
def a_pdf(request, tmp_path: Path) -> Path:
    if request.param == "tables":
        return build_pdf(tmp_path / "ke-hoach.pdf")
    if request.param == "drawn":
        return _drawn_pdf(tmp_path / "drawn.pdf")
    import sys

    root = Path(__file__).resolve().parents[2]
    sys.path.insert(0, str(root / "benchmarks"))
    try:
        from synth import write_pdf
    finally:
        sys.path.remove(str(root / "benchmarks"))
    text = (root / "examples" / "dong-thap").glob("*.txt")
    path = tmp_path / "synthetic.pdf"
    write_pdf(path, next(iter(sorted(text))).read_text("utf-8"))
    return path


def _objects(page, fast: bool) -> dict[str, list[list[tuple]]]:
    if fast:
        page.process_object = rp._process_object.__get__(page)
    return {kind: [list(o.items()) for o in objs] for kind, objs in page.parse_objects().items()}


def test_process_object_gives_pdfplumbers_objects(a_pdf: Path) -> None:
    seen = 0
    with pdfplumber.open(a_pdf) as pdf:
        for page in pdf.pages:
            plain = _objects(page, fast=False)
            fast = _objects(page, fast=True)
            assert list(fast) == list(plain)
            for kind in plain:
                assert fast[kind] == plain[kind]
                for a, b in zip(fast[kind], plain[kind], strict=True):  # the same types too
                    assert [type(v) for _, v in a] == [type(v) for _, v in b]
                seen += len(plain[kind])
    assert seen > 50


def test_drawn_pdf_holds_every_kind_of_object(tmp_path: Path) -> None:
    """The comparison above is not empty for any kind the reader meets."""
    with pdfplumber.open(_drawn_pdf(tmp_path / "d.pdf")) as pdf:
        kinds = set()
        for page in pdf.pages:
            kinds |= set(Page.parse_objects(page))
    assert {"char", "line", "rect", "curve"} <= kinds


def test_reader_output_is_the_same_either_way(a_pdf: Path, monkeypatch) -> None:
    monkeypatch.setattr(rp, "_FAST_OBJECTS", False)
    plain = read_path(str(a_pdf))
    monkeypatch.setattr(rp, "_FAST_OBJECTS", True)
    fast = read_path(str(a_pdf))
    assert fast.text == plain.text
    assert fast.page_starts == plain.page_starts
    assert [(t.page, [(r.cells, r.start, r.end) for r in t.rows]) for t in fast.tables] == [
        (t.page, [(r.cells, r.start, r.end) for r in t.rows]) for t in plain.tables
    ]
    assert fast.warnings == plain.warnings


def test_resolved_copies_as_resolve_all_does() -> None:
    from pdfplumber.utils import resolve_all

    for value in [1.5, 3, "a", None, True, (1.0, 2.0), [1, 2], ((1, 2), 3), [[1], 2], {"a": 1}]:
        got = rp._resolved(value, resolve_all)
        want = resolve_all(value)
        assert got == want and type(got) is type(want)
        if isinstance(value, list):
            assert got is not value  # a new list, as resolve_all makes
