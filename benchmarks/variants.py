#!/usr/bin/env python3
"""The same documents printed other ways: how much each way costs the extraction.

Each *variant* rewrites a folder of documents the way real documents differ from one another
(a letterhead without its table, headings in capitals, list markers, dates in figures …)
and keeps the truth files as they are, except ``renamed``, which renames bodies in both. The
figures of each folder are printed beside its unrewritten figures, so a rule that only fits
how the tuning sets happen to be printed shows as a loss. Session 26 found and mended what
each variant below cost (README, "How well it reads").

    python benchmarks/variants.py --variant upper benchmarks/real/dev benchmarks/written/s25a
    python benchmarks/variants.py --variant all benchmarks/real/dev

It is a measurement: it exits 0 whatever the figures. Use it on tuning data only: reading a
variant's failures is reading the documents.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIGURES = (
    ("metadata_accuracy", "metadata"),
    ("relations_accuracy", "relations"),
    ("task_recall", "found"),
    ("task_lead_accuracy", "lead"),
    ("task_deadline_accuracy", "deadline"),
)


def _body_start(text: str) -> int:
    m = re.search(r"(?m)^.*(?:Căn cứ|Thực hiện|Kính gửi|I\. |1\. )", text)
    return m.start() if m else 0


def no_table(text: str) -> str:
    """A table's pipes dropped: its cells on lines of their own (a letterhead printed column
    after column, as a PDF's text without its layout gives it)."""
    text = re.sub(r"(?m)^\|?\s*:?-{3,}.*$", "", text)
    text = re.sub(r"(?m)^\| ?", "", text)
    text = re.sub(r" ?\|$", "", text, flags=re.M)
    return text.replace(" | ", "\t")


def no_bold(text: str) -> str:
    """Emphasis and heading marks removed."""
    text = re.sub(r"\*\*|__", "", text)
    text = re.sub(r"(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])", "", text)
    return re.sub(r"(?m)^#+\s*", "", text)


def markers(text: str) -> str:
    """Dashes written "+", letters "a." instead of "a)"."""
    text = re.sub(r"(?m)^(\**)- ", r"\1+ ", text)
    return re.sub(r"(?m)^(\**)([a-zđ])\) ", r"\1\2. ", text)


def upper(text: str) -> str:
    """Short numbered headings in capitals ("2. CÁC SỞ, BAN, NGÀNH")."""
    b = _body_start(text)
    body = re.sub(
        r"(?m)^(\**(?:[IVX]+|\d{1,2}(?:\.\d{1,2})*)\.\s+)([^\n.;:]{3,70}?\**)$",
        lambda m: m.group(1) + m.group(2).upper(),
        text[b:],
    )
    return text[:b] + body


_TYPES = (
    "KẾ HOẠCH|QUYẾT ĐỊNH|THÔNG BÁO|HƯỚNG DẪN|CHỈ THỊ|QUY ĐỊNH|NGHỊ QUYẾT|CÔNG ĐIỆN|KẾT LUẬN|QUY CHẾ"
)


def spaced(text: str) -> str:
    """The type heading with its letters spaced out ("K Ế H O Ạ C H")."""
    b = _body_start(text)
    head = re.sub(
        rf"(?m)^(\**)({_TYPES})(\**)\s*$",
        lambda m: m.group(1) + " ".join(m.group(2).replace(" ", "")) + m.group(3),
        text[:b],
        count=1,
    )
    return head + text[b:]


def letterhead_figures(text: str) -> str:
    """The letterhead's date in figures ("ngày 10/12/2025"), "Số" without its colon."""
    b = _body_start(text)
    head = re.sub(
        r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", r"ngày \1/\2/\3", text[:b], count=1
    )
    head = re.sub(r"Số:\s*", "Số ", head, count=1)
    return head + text[b:]


def dates(text: str) -> str:
    """Dates in the body written the other way, every other one."""
    b = _body_start(text)
    k = [0]

    def to_figures(m: re.Match[str]) -> str:
        k[0] += 1
        return f"ngày {m.group(1)}/{m.group(2)}/{m.group(3)}" if k[0] % 2 else m.group(0)

    def to_words(m: re.Match[str]) -> str:
        k[0] += 1
        return f"{m.group(1)} tháng {m.group(2)} năm {m.group(3)}" if k[0] % 2 else m.group(0)

    body = re.sub(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})", to_figures, text[b:])
    body = re.sub(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)", to_words, body)
    return text[:b] + body


def abbreviated(text: str) -> str:
    """ "Ủy ban nhân dân" written "UBND", "Hội đồng nhân dân" "HĐND", in the body."""
    b = _body_start(text)
    body = re.sub(r"(?<!\w)[ỦU][ỷy] ban nhân dân(?!\w)", "UBND", text[b:])
    body = re.sub(r"(?<!\w)Hội đồng nhân dân(?!\w)", "HĐND", body)
    return text[:b] + body


# well-known bodies renamed to invented, well-shaped ones (in the text and in the truth)
RENAMED = [
    ("Sở Khoa học và Công nghệ", "Sở Kinh tế số và Sáng tạo"),
    ("Sở Tài chính", "Sở Ngân khố"),
    ("Sở Nội vụ", "Sở Tổ chức công vụ"),
    ("Sở Y tế", "Sở Sức khỏe cộng đồng"),
    ("Sở Giáo dục và Đào tạo", "Sở Học liệu và Giáo dục phổ thông"),
    ("Sở Công Thương", "Sở Thương mại và Công nghiệp"),
    ("Bộ Xây dựng", "Bộ Hạ tầng và Đô thị"),
    ("Bộ Công Thương", "Bộ Thương mại và Công nghiệp"),
    ("Bộ Tài chính", "Bộ Ngân khố Quốc gia"),
    ("Bộ Nội vụ", "Bộ Công vụ"),
    ("Bộ Y tế", "Bộ Sức khỏe"),
    ("Bộ Khoa học và Công nghệ", "Bộ Đổi mới sáng tạo"),
    ("Ban Tổ chức Trung ương", "Ban Cán bộ Trung ương"),
    ("Ban Tuyên giáo và Dân vận", "Ban Truyền thông và Vận động quần chúng"),
    ("Ủy ban Kiểm tra", "Ủy ban Giám sát kỷ luật"),
    ("Trung tâm Phục vụ hành chính công", "Trung tâm Một cửa liên thông"),
    ("Phòng Văn hóa - Xã hội", "Phòng Phát triển cộng đồng"),
    ("Sở Nông nghiệp và Môi trường", "Sở Tài nguyên và Nông thôn"),
    ("Bộ Nông nghiệp và Môi trường", "Bộ Tài nguyên và Nông thôn"),
    ("Sở Văn hóa, Thể thao và Du lịch", "Sở Di sản và Du lịch"),
    ("Bộ Giáo dục và Đào tạo", "Bộ Học liệu và Giáo dục"),
]


def renamed(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    for i, (a, _) in enumerate(RENAMED):
        for form, mark in ((a, "\x00"), (a.upper(), "\x01")):
            words = r"[ \t]*\n?[ \t]*".join(re.escape(w) for w in form.split())
            text = re.sub(r"(?<!\w)" + words + r"(?!\w)", f"{mark}{i}{mark}", text)
    for i, (_, b) in enumerate(RENAMED):
        text = text.replace(f"\x00{i}\x00", b).replace(f"\x01{i}\x01", b.upper())
    return text


VARIANTS = {
    "no-table": (no_table, False),
    "no-bold": (no_bold, False),
    "markers": (markers, False),
    "upper": (upper, False),
    "spaced": (spaced, False),
    "letterhead-figures": (letterhead_figures, False),
    "dates": (dates, False),
    "abbreviated": (abbreviated, False),
    "renamed": (renamed, True),
}


def rewrite(src: Path, out: Path, variant: str) -> int:
    """A copy of ``src`` with its documents rewritten; how many changed."""
    change, truth_too = VARIANTS[variant]
    out.mkdir(parents=True, exist_ok=True)
    n = 0
    for f in sorted(src.iterdir()):
        if f.is_dir():
            continue
        if f.name.endswith(".truth.json"):
            text = f.read_text(encoding="utf-8")
            (out / f.name).write_text(change(text) if truth_too else text, encoding="utf-8")
        elif f.suffix in (".md", ".txt") and f.name not in ("README.md", "GENRES.md"):
            text = f.read_text(encoding="utf-8")
            new = change(text)
            n += new != text
            (out / f.name).write_text(new, encoding="utf-8")
        else:
            shutil.copy(f, out / f.name)
    return n


def score(folder: Path, cmd: str) -> dict[str, float]:
    with tempfile.NamedTemporaryFile(suffix=".json") as tmp:
        subprocess.run(
            [sys.executable, str(HERE / "score_extract.py"), "--dir", str(folder), "--cmd", cmd,
             "--json", tmp.name],
            check=True, stdout=subprocess.DEVNULL,
        )  # fmt: skip
        overall = json.loads(Path(tmp.name).read_text(encoding="utf-8"))["overall"]
    return {k: overall.get(k) for k, _ in FIGURES}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folders", nargs="+", type=Path, help="folders of documents and truth")
    ap.add_argument("--variant", default="all", help=f"one of {', '.join(VARIANTS)}, or all")
    ap.add_argument("--cmd", default="policy-lineage extract", help="extractor command")
    ap.add_argument("--keep", type=Path, help="keep the rewritten folders here")
    args = ap.parse_args(argv)
    names = list(VARIANTS) if args.variant == "all" else args.variant.split(",")
    work = args.keep or Path(tempfile.mkdtemp(prefix="variants-"))
    print("folder".ljust(28) + "variant".ljust(20) + "".join(f"{s:>11}" for _, s in FIGURES))
    for folder in args.folders:
        base = score(folder, args.cmd)
        row = "".join(
            f"{base[k]:>11.3f}" if base[k] is not None else f"{'-':>11}" for k, _ in FIGURES
        )
        print(f"{folder.name:28}{'(as printed)':20}{row}")
        for name in names:
            out = work / name / folder.name
            if rewrite(folder, out, name) == 0:
                continue
            got = score(out, args.cmd)
            cells = []
            for k, _ in FIGURES:
                if got[k] is None or base[k] is None:
                    cells.append(f"{'-':>11}")
                else:
                    d = got[k] - base[k]
                    cells.append(f"{d:>+11.3f}" if abs(d) >= 0.0005 else f"{'.':>11}")
            print(f"{'':28}{name:20}" + "".join(cells))
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
