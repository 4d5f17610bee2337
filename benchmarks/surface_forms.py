"""The real dev documents rewritten in other surface forms offices and portals use, scored
against the same truth (benchmarks/score_extract.py): what a document's look changes in what
is read.

    python benchmarks/surface_forms.py [--forms …] [--json FILE]

Each form rewrites every document of benchmarks/real/dev (and, where the form changes the
words of a task, the truth's task texts the same way; leads and names stay as annotated):

- ``en-dash``: bullets "- " written "– "; ``letter-dot``: "a) " written "a. ";
- ``no-bold``: the page saved without its Markdown bold;
- ``pipe-rows``: tables written one line per row ("| a | b |"), as Markdown converters do,
  instead of one cell per line; ``num-paren``: "1. " written "1) "; ``nbsp``: non-breaking
  spaces after list markers and between some words, as browsers save "&nbsp;"; ``crlf``:
  Windows line ends; ``one-line``: each paragraph on one line with no blank line between
  paragraphs, as text copied from a browser comes; ``no-blank``: the hard-wrapped lines kept
  and the blank lines dropped, as text copied out of a PDF comes;
- ``short-forms``: "Ủy ban nhân dân" as "UBND", "Khoa học và Công nghệ" as "KH&CN" … in
  the text (as tables and letters print them);
- ``old-tones``: the old tone-mark style ("Uỷ", "hoá", "hoà");
- ``province``: in the provincial documents, every province renamed to another of the 34
  (the truth too).

The documents are the tuning part: a figure here says how well the rules carry over to
another look of documents they were tuned on, not how they do on documents nobody has seen
(that is the test part's figure). A form that costs more than 0.01 on a figure is a defect to
mend; the session-11 run found three (en-dash field labels, "a." items, blank table cells).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import score_extract  # noqa: E402

DEV = HERE / "real" / "dev"
KEYS = [
    ("task_recall", "tasks"), ("task_lead_accuracy", "lead"),
    ("task_deadline_accuracy", "deadl"), ("task_precision", "task P"),
    ("metadata_accuracy", "meta"), ("relations_accuracy", "rel"),
]  # fmt: skip

_SHORT = [
    ("Mặt trận Tổ quốc Việt Nam", "MTTQ Việt Nam"), ("Ủy ban nhân dân", "UBND"),
    ("Uỷ ban nhân dân", "UBND"), ("Hội đồng nhân dân", "HĐND"),
    ("Khoa học và Công nghệ", "KH&CN"), ("Nông nghiệp và Môi trường", "NN&MT"),
    ("Văn hóa, Thể thao và Du lịch", "VHTTDL"), ("Giáo dục và Đào tạo", "GD&ĐT"),
    ("Ban Chỉ đạo", "BCĐ"),
]  # fmt: skip
_OLD_TONES = [
    ("Ủy", "Uỷ"), ("ủy", "uỷ"), ("hóa", "hoá"), ("Hóa", "Hoá"), ("hòa", "hoà"),
    ("Hòa", "Hoà"), ("khỏe", "khoẻ"), ("thủy", "thuỷ"), ("xóa", "xoá"), ("họa", "hoạ"),
]  # fmt: skip
# each province of the dev part to one of the 34 it does not hold
_PROVINCES = {
    "Bắc Ninh": "Lạng Sơn", "Đồng Nai": "Tuyên Quang", "Cần Thơ": "Đà Nẵng",
    "Hồ Chí Minh": "Hải Phòng", "Nghệ An": "Thanh Hóa", "Đắk Lắk": "Gia Lai",
    "Quảng Trị": "Quảng Ngãi", "Ninh Bình": "Phú Thọ", "Hà Nội": "Huế", "Hà Tĩnh": "Cao Bằng",
}  # fmt: skip


def _replace_all(pairs: list[tuple[str, str]] | dict[str, str]):
    items = list(pairs.items()) if isinstance(pairs, dict) else pairs

    def apply(text: str) -> str:
        for a, b in items:
            text = text.replace(a, b)
        return text

    return apply


def _pipe_rows(text: str) -> str:
    """Tables flattened one cell per line ("|" lines between cells, two between rows) written
    as a Markdown converter writes them: one line per row, "| a | b |", a rule after the
    first row."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        if lines[i].strip() != "|":
            out.append(lines[i])
            i += 1
            continue
        rows: list[list[str]] = []
        cell: list[str] = []
        row: list[str] = []
        j = i + 1
        while j < len(lines):
            line = lines[j]
            if line.strip() == "|":
                row.append(" ".join(x.strip() for x in cell if x.strip()))
                cell = []
                if j + 1 < len(lines) and lines[j + 1].strip() == "|":
                    rows.append(row)
                    row = []
                    j += 2
                    continue
                j += 1
                if j < len(lines) and (
                    not lines[j].strip() or re.match(r"\W*(?:PHỤ LỤC|Phụ lục)", lines[j])
                ):
                    break  # a blank line or an appendix's caption after a closing pipe
                continue
            if not line.strip() and not cell:
                break
            cell.append(line)
            j += 1
            if len(cell) > 12 and row:
                # a "cell" this long after a closing pipe is the text after the table
                j -= len(cell)
                cell = []
                break
        if row:
            rows.append(row)
        for k, r in enumerate(rows):
            out.append("| " + " | ".join(c.replace("|", "/") for c in r) + " |")
            if k == 0:
                out.append("|" + "---|" * len(r))
        out += cell  # text read past the last pipe goes back as it was
        i = j
    return "\n".join(out)


def _nbsp(text: str) -> str:
    """Non-breaking spaces, as pages saved from a browser keep "&nbsp;": after a list marker
    and in every fifth space between words."""
    text = re.sub(r"(?m)^(\**(?:[-–+]|\d{1,2}\.|[a-zđ]\)))[ ]", "\\1\u00a0", text)
    count = 0

    def every_fifth(m: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return "\u00a0" if count % 5 == 0 else " "

    return re.sub(r"(?<=\w) (?=\w)", every_fifth, text)


def _one_line_paragraphs(text: str) -> str:
    """Each paragraph on one line and no blank line between them, as text copied from a
    browser comes: a paragraph's hard-wrapped lines joined, blank lines dropped; flattened
    tables (lines with "|") left as they are."""
    out = []
    for para in re.split(r"\n[ \t]*\n", text):
        lines = para.split("\n")
        if any(ln.strip() == "|" for ln in lines):
            out.append(para)
            continue
        joined: list[str] = []
        for ln in (x.strip() for x in lines if x.strip()):
            broken = joined and re.search(r"(?:Điều|Chương|Mục|Phần|ĐIỀU)\s*$", joined[-1])
            if joined and (broken or not _OPENS_ITEM.match(ln)):
                joined[-1] += " " + ln  # a hard-wrapped line goes on the line before
            else:
                joined.append(ln)
        out += joined
    return "\n".join(p for p in out if p.strip())


def _no_blank_lines(text: str) -> str:
    """The page with its hard-wrapped lines kept and its blank lines dropped, as text copied
    out of a PDF or some viewers comes: only a line's length and what opens the next one
    tell where a paragraph ends. Flattened tables (lines with "|") are left as they are."""
    out = []
    for para in re.split(r"\n[ \t]*\n", text):
        if any(ln.strip() == "|" for ln in para.split("\n")):
            out.append("\n" + para + "\n")
        else:
            out.append(para.strip("\n"))
    return "\n".join(out)


# a line that starts an item of its own: a bullet, a number, a letter, a heading mark
_OPENS_ITEM = re.compile(
    r"[-–+•*]\s|\*\*|#|\||---|[*_]*\s*(?:\d{1,2}[.)]\s|[a-zđ][.)]\s|[IVX]+[.\-]\s|[¹²³⁴⁵⁶⁷⁸⁹])"
)


# "1. " opening a line, not the number of an article broken after "**Điều" on the line above
_NUMBERED = re.compile(r"(?m)(?<!Điều\n)(?<!ĐIỀU\n)^(\**)(\d{1,2})\. ")

# form -> (rewrite of the document, rewrite of the truth's task texts, of the whole truth)
FORMS = {
    "en-dash": (lambda s: re.sub(r"(?m)^- ", "– ", s), None, None),
    "letter-dot": (lambda s: re.sub(r"(?m)^(\**)([a-zđ])\) ", r"\1\2. ", s), None, None),
    "no-bold": (lambda s: s.replace("**", ""), None, None),
    "pipe-rows": (_pipe_rows, None, None),
    "num-paren": (lambda s: _NUMBERED.sub(r"\1\2) ", s), None, None),
    "nbsp": (_nbsp, _nbsp, None),
    "crlf": (lambda s: s.replace("\n", "\r\n"), None, None),
    "one-line": (_one_line_paragraphs, None, None),
    "no-blank": (_no_blank_lines, None, None),
    "short-forms": (_replace_all(_SHORT), _replace_all(_SHORT), None),
    "old-tones": (_replace_all(_OLD_TONES), _replace_all(_OLD_TONES), None),
    "province": (
        _replace_all({**_PROVINCES, **{a.upper(): b.upper() for a, b in _PROVINCES.items()}}),
        None,
        _replace_all(_PROVINCES),
    ),
}


def rewrite(form: str, out: Path) -> None:
    """The dev part in ``form``, documents and truth, written to ``out``."""
    doc, task_text, whole = FORMS[form]
    for truth_path in sorted(DEV.glob("*.truth.json")):
        stem = truth_path.name[: -len(".truth.json")]
        raw = truth_path.read_text("utf-8")
        if whole and json.loads(raw).get("level") != "provincial":
            # a central document is dated "Hà Nội" and names provinces as places: unchanged
            doc, whole = (lambda s: s), None
        for path in DEV.glob(stem + ".*"):
            if not path.name.endswith(".truth.json"):
                (out / path.name).write_text(doc(path.read_text("utf-8")), "utf-8")
        truth = json.loads(whole(raw) if whole else raw)
        doc, _, whole = FORMS[form]
        for task in truth.get("tasks") or []:
            if task_text:
                task["text"] = task_text(task["text"])
        (out / truth_path.name).write_text(json.dumps(truth, ensure_ascii=False), "utf-8")


def score(directory: Path, cmd: str) -> dict:
    truths = score_extract.load_truths(directory)
    preds = score_extract.run_extractor(cmd, score_extract.ensure_documents(directory, truths))
    return score_extract.score_all(truths, preds)["overall"]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--forms", default=",".join(FORMS))
    ap.add_argument("--cmd", default="policy-lineage extract", help="extractor command")
    ap.add_argument("--json", type=Path, help="write the figures here")
    args = ap.parse_args(argv)
    forms = [f for f in args.forms.split(",") if f]
    unknown = [f for f in forms if f not in FORMS]
    if unknown:
        ap.error(f"unknown form(s): {', '.join(unknown)}; known: {', '.join(FORMS)}")
    tmp = Path(tempfile.mkdtemp())
    results = {"as saved": score(DEV, args.cmd)}
    for form in forms:
        out = tmp / form
        out.mkdir()
        rewrite(form, out)
        results[form] = score(out, args.cmd)
    shutil.rmtree(tmp, ignore_errors=True)
    print(f"{len(score_extract.load_truths(DEV))} documents of benchmarks/real/dev")
    print(f"{'form':<12}" + "".join(f"{label:>8}" for _, label in KEYS))
    base = results["as saved"]
    for form, figures in results.items():
        cells = []
        for key, _ in KEYS:
            v = figures.get(key)
            mark = (
                "*" if v is not None and base.get(key) is not None and base[key] - v > 0.01 else " "
            )
            cells.append(f"{'-' if v is None else f'{v:.3f}':>7}{mark}")
        print(f"{form:<12}" + "".join(cells))
    print("* more than 0.01 below the documents as saved")
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
