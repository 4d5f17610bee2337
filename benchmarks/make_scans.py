"""Scanned PDFs made from documents, as an office scans a signed letter: the document typeset
with its two-column letterhead (issuer and number on the left, the national motto and the date
on the right) and a signature block, each page rendered to a grey image at ``dpi``, turned by
a slight ``angle``, speckled with noise, a red stamp over the signature on the last page, and
saved as a PDF of images only (no text layer).

Used by ``benchmarks/ocr_scans.py`` and ``tests/loaders/test_readers_ocr.py``.

    python benchmarks/make_scans.py OUT_DIR     # the bundled documents as scans
"""

from __future__ import annotations

import importlib.util
import random
import re
import sys
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
_RIGHT = re.compile(r"^(?:CỘNG HOÀ|CỘNG HÒA|ĐẢNG CỘNG SẢN|Độc lập|.{0,30}, ngày\b)")
_BODY_START = re.compile(r"^(?:Kính gửi|KẾ HOẠCH|CHƯƠNG TRÌNH|QUYẾT ĐỊNH|THÔNG BÁO|DỰ THẢO)")


def _blocks(text: str) -> list[tuple]:
    spec = importlib.util.spec_from_file_location(
        "formats_agree", ROOT / "tests" / "loaders" / "test_formats_agree.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module._document(text)


def typeset(text: str, path: Path, blocks: list[tuple] | None = None) -> Path:
    """A text PDF of the document (reportlab, DejaVu) with a two-column letterhead; the
    document is ``text``, or ``blocks`` (("p", text) and ("table", rows)) when given."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    pdfmetrics.registerFont(TTFont("DejaVu", str(FONT)))
    pdfmetrics.registerFont(TTFont("DejaVuB", str(BOLD)))
    body = ParagraphStyle("b", fontName="DejaVu", fontSize=11, leading=15, spaceAfter=5)
    head = ParagraphStyle("h", fontName="DejaVuB", fontSize=10.5, leading=14, alignment=1)
    cell = ParagraphStyle("c", fontName="DejaVu", fontSize=8, leading=10)
    blocks = _blocks(text) if blocks is None else blocks
    left: list[str] = []
    right: list[str] = []
    i = 0
    while (
        i < min(len(blocks), 12)
        and blocks[i][0] == "p"
        and len(blocks[i][1]) < 80
        and not _BODY_START.match(blocks[i][1])
    ):
        line = blocks[i][1].replace("*", "").strip()
        (right if _RIGHT.match(line) or (right and right[-1].startswith("CỘNG")
                                         and line.startswith("Độc")) else left).append(line)  # fmt: skip
        i += 1
    flow: list = []
    if left or right:

        def column(lines: list[str]) -> Paragraph:
            return Paragraph("<br/>".join(escape(x) for x in lines), head)

        letterhead = Table([[column(left), column(right)]], colWidths=[7.5 * cm, 9.5 * cm])
        letterhead.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
        flow += [letterhead, Spacer(1, 12)]
    for kind, content in blocks[i:]:
        if kind == "p":
            flow.append(Paragraph(escape(content.replace("**", "")), body))
        else:
            n = max(len(r) for r in content)
            data = [[Paragraph(escape(c), cell) for c in r] + [""] * (n - len(r)) for r in content]
            table = Table(data, repeatRows=1, splitInRow=1)  # a row taller than a page
            table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
            flow.append(table)
    SimpleDocTemplate(str(path), pagesize=A4, topMargin=2 * cm, bottomMargin=2 * cm).build(flow)
    return path


def scan(pdf: Path, out: Path, dpi: int = 200, angle: float = 1.2, noise: float = 0.004,
         seed: int = 57, pages: int | None = None) -> Path:  # fmt: skip
    """``pdf``'s pages as a scanned, image-only PDF at ``out``."""
    import pypdfium2 as pdfium
    from PIL import Image, ImageDraw

    rng = random.Random(seed)
    images = []
    document = pdfium.PdfDocument(str(pdf))
    count = len(document) if pages is None else min(pages, len(document))
    for n in range(count):
        img = document[n].render(scale=dpi / 72).to_pil().convert("L")
        if n == count - 1:  # a red stamp and a signature over the signer's block
            rgb = img.convert("RGB")
            draw = ImageDraw.Draw(rgb)
            w, h = rgb.size
            x, y, r = int(w * 0.68), int(h * 0.55), int(dpi * 0.7)
            draw.ellipse(
                (x - r, y - r, x + r, y + r), outline=(200, 30, 30), width=max(2, dpi // 40)
            )
            draw.line([(x - r, y), (x + r // 2, y - r // 3), (x + r, y + r // 4)],
                      fill=(20, 20, 120), width=3)  # fmt: skip
            img = rgb.convert("L")
        img = img.rotate((angle if n % 2 == 0 else -angle), resample=Image.BICUBIC, fillcolor=255)
        px = img.load()
        w, h = img.size
        for _ in range(int(w * h * noise)):
            px[rng.randrange(w), rng.randrange(h)] = rng.choice((0, 90, 170))
        images.append(img)
    images[0].save(out, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return out


def main(argv: list[str]) -> int:
    out = Path(argv[0] if argv else "scans")
    out.mkdir(parents=True, exist_ok=True)
    for txt in sorted((ROOT / "examples" / "dong-thap").glob("*.txt")):
        typed = typeset(txt.read_text("utf-8"), out / f"{txt.stem}.typed.pdf")
        scan(typed, out / f"{txt.stem}.pdf")
        typed.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
