"""OCR of scanned PDF pages: Tesseract (``tesseract`` program, Vietnamese model ``vie``), run
as a program on each page without a text layer, in the process reading the file (so in
``build``'s worker processes, one core each: ``OMP_THREAD_LIMIT=1``).

Optional: Debian's ``tesseract-ocr`` and ``tesseract-ocr-vie`` packages. Without them a
scanned PDF is ``NO_TEXT`` with the install line, as before.

A page goes through:

1. rendering at :data:`DPI` (pypdfium2, which pdfplumber already uses), in grey;
2. a 3×3 median filter (scanner speckle), then deskewing: the angle within ±5° whose
   rotated page has the sharpest row profile (text lines level), found on a small copy;
3. Tesseract's page segmentation (``--psm 3``, reading order by blocks) with word boxes
   (TSV), rebuilt into lines; on a line, a gap wider than three line heights separates two
   columns (the letterhead's issuer and motto) and becomes a tab, as a table row; words that
   are only marks Tesseract is unsure of (``¬``, ``_``, ``ˆ`` from specks) are dropped.

A page read this way is listed in ``SourceText.ocr_pages`` and in a warning: its facts need
checking against the paper.
"""

from __future__ import annotations

import functools
import io
import os
import shutil
import subprocess
import unicodedata

DPI = 300
LANG = "vie"
TIMEOUT = 180  # seconds for one page
INSTALL = "apt-get install --no-install-recommends tesseract-ocr tesseract-ocr-vie"
MAX_SKEW = 5.0  # degrees


@functools.cache
def available() -> bool:
    """Whether the ``tesseract`` program and its Vietnamese model are installed."""
    program = shutil.which("tesseract")
    if program is None:
        return False
    try:
        out = subprocess.run(
            [program, "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return LANG in (out.stdout + out.stderr).split()


def missing_reason() -> str:
    if shutil.which("tesseract") is None:
        return f"OCR needs Tesseract: {INSTALL}"
    return f"OCR needs Tesseract's Vietnamese model: {INSTALL}"


def _profile_score(img) -> float:
    column = img.resize((1, img.height), 1 << 2)  # Image.BOX: the mean of each row
    values = list(column.tobytes())  # mode L: one byte per row
    mean = sum(values) / len(values)
    return sum((v - mean) ** 2 for v in values)


def skew_angle(img) -> float:
    """The page's skew in degrees (rotate by the opposite to level it)."""
    from PIL import Image

    small = img.copy()
    small.thumbnail((900, 900))
    small = small.point(lambda v: 0 if v < 160 else 255)

    def score(angle: float) -> float:
        return _profile_score(small.rotate(angle, resample=Image.BILINEAR, fillcolor=255))

    best = max((a / 2 for a in range(int(-MAX_SKEW * 2), int(MAX_SKEW * 2) + 1)), key=score)
    fine = [best + d / 10 for d in range(-5, 6)]
    return -max(fine, key=score)


def prepare(img):
    """Grey, despeckled and levelled."""
    from PIL import Image, ImageFilter

    grey = img.convert("L").filter(ImageFilter.MedianFilter(3))
    angle = skew_angle(grey)
    if abs(angle) >= 0.1:
        grey = grey.rotate(-angle, resample=Image.BICUBIC, fillcolor=255, expand=False)
    return grey


_BULLETS = {"-", "+", "–", "—", "•"}
# Tesseract reads the Vietnamese Đ now and then as the Icelandic Ð, or as both ("QĐÐ")
_FIXES = (("ĐÐ", "Đ"), ("đð", "đ"), ("Ð", "Đ"), ("ð", "đ"))


def _junk(word: str, conf: float, first: bool) -> bool:
    if any(c.isalnum() for c in word) or (first and word in _BULLETS):
        return False
    return conf < 70 or all(unicodedata.category(c)[0] in "PSZ" for c in word) and len(word) > 2


def lines_from_tsv(tsv: str) -> list[str]:
    """Tesseract's TSV (level 5 rows: words with boxes) as text lines."""
    rows = [r.split("\t") for r in tsv.splitlines()[1:]]
    lines: dict[tuple[str, str, str], list[tuple[int, int, int, str]]] = {}
    for r in rows:
        if len(r) < 12 or r[0] != "5" or not r[11].strip():
            continue
        conf = float(r[10])
        word = r[11].strip()
        key = (r[2], r[3], r[4])
        if _junk(word, conf, key not in lines):
            continue
        left, width, height = int(r[6]), int(r[8]), int(r[9])
        lines.setdefault(key, []).append((left, width, height, word))
    out: list[str] = []
    for words in lines.values():
        words.sort()
        height = sorted(w[2] for w in words)[len(words) // 2]
        parts = [words[0][3]]
        for prev, cur in zip(words, words[1:], strict=False):
            gap = cur[0] - (prev[0] + prev[1])
            parts.append("\t" if gap > 3 * height else " ")
            parts.append(cur[3])
        line = unicodedata.normalize("NFC", "".join(parts).strip(" \t_~"))
        for wrong, right in _FIXES:
            line = line.replace(wrong, right)
        if line:
            out.append(line)
    return out


def ocr_image(img) -> list[str]:
    """The text lines of one page image."""
    buf = io.BytesIO()
    prepare(img).save(buf, "PNG")
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    proc = subprocess.run(
        ["tesseract", "stdin", "stdout", "-l", LANG, "--psm", "3", "--dpi", str(DPI), "tsv"],
        input=buf.getvalue(),
        capture_output=True,
        timeout=TIMEOUT,
        env=env,
        check=True,
    )
    return lines_from_tsv(proc.stdout.decode("utf-8", errors="replace"))


def ocr_pdf_page(page) -> list[str]:
    """The text lines of a pdfplumber page without a text layer."""
    return ocr_image(page.to_image(resolution=DPI).original)


def page_of(offset: int, page_starts: list[int]) -> int:
    """The 1-based page holding ``offset`` of a text whose pages begin at ``page_starts``."""
    page = 1
    for i, start in enumerate(page_starts, start=1):
        if start <= offset:
            page = i
    return page


def mark_facts(data: dict, src) -> dict:
    """Add OCR provenance to an extraction's JSON (the contract's or the store's form):
    ``ocr_pages`` (the pages read by OCR) and ``"ocr": true`` on every reference, task and
    body whose evidence lies on one of them. Nothing is added for a file with no OCR page."""
    pages = set(getattr(src, "ocr_pages", None) or [])
    if not pages:
        return data
    data["ocr_pages"] = sorted(pages)
    for key in ("references", "tasks", "agencies", "numbered_bodies"):
        for fact in data.get(key) or []:
            span = fact.get("span") if isinstance(fact, dict) else None
            if span is None and isinstance(fact, dict) and isinstance(fact.get("evidence"), dict):
                span = fact["evidence"].get("span")
            if isinstance(span, dict):
                span = [span.get("start"), span.get("end")]
            if span and span[0] is not None and page_of(span[0], src.page_starts) in pages:
                fact["ocr"] = True
    return data
