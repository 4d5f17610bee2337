"""The real documents of benchmarks/real/dev in the formats offices hold them, scored against
the truth a person wrote (benchmarks/score_extract.py): each saved page's document (its
blocks: paragraphs and tables, the portal's residue left out) written as a .docx
(python-docx, tables as tables), saved as .doc and as .pdf by LibreOffice, as a saved web page
(benchmarks/saved_pages.py) and as a scan (benchmarks/make_scans.py, read by OCR): ``scan``
typesets the document with reportlab and scans that; ``scan-word`` (not in the default list:
about 590 pages, 13 minutes with two workers) scans the .pdf LibreOffice printed, whole, as
an office scans a letter printed from Word.

    python benchmarks/formats_real.py [--formats docx,doc,pdf,html,scan,scan-word] [--jobs 2]

The same documents as Markdown or text made by the programs people convert documents with
before they publish them (not in the default list; each needs its program installed, else it
is skipped with the command that installs it): ``pandoc-md`` (``pandoc x.docx -o x.md``:
grid and multiline tables, escapes), ``pandoc-gfm``, ``markitdown-docx``, ``markitdown-pdf``
(the PDF's text by pdfminer), ``pypdf-txt`` (the PDF's text by pypdf, saved as .txt),
``html2text`` and ``markdownify`` (the saved web page made Markdown).

For the .pdf, a table of two columns and at most six rows (a letterhead, a signature block)
has no borders, as in the documents offices print from Word; other tables are ruled.

Targets are those of the real-documents issue; scans a little lower (metadata ≥ 0.8, tasks
found and leads ≥ 0.75).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_scans  # noqa: E402
import saved_pages  # noqa: E402
import score_extract  # noqa: E402

DEV = HERE / "real" / "dev"
KEYS = [
    ("references_precision", "ref P"), ("references_recall", "ref R"),
    ("relations_accuracy", "rel"), ("metadata_accuracy", "meta"),
    ("task_recall", "tasks"), ("task_lead_accuracy", "lead"),
    ("task_deadline_accuracy", "deadl"), ("task_precision", "task P"),
]  # fmt: skip


def _docx(blocks: list[tuple], path: Path, borderless_layout: bool = False) -> Path:
    import docx

    document = docx.Document()
    for kind, content in blocks:
        if kind == "p":
            document.add_paragraph(content)
            continue
        width = max(len(r) for r in content)
        table = document.add_table(rows=0, cols=width)
        if not (borderless_layout and width == 2 and len(content) <= 6):
            table.style = "Table Grid"
        for r in content:
            for cell, value in zip(table.add_row().cells, r, strict=False):
                cell.text = value
    if blocks and blocks[-1][0] == "table":
        document.add_paragraph("")  # Word ends every document with a paragraph
    document.save(path)
    return path


def _pandoc(to: str):
    import pypandoc

    return lambda path: pypandoc.convert_file(str(path), to)


def _markitdown():
    from markitdown import MarkItDown

    converter = MarkItDown()
    return lambda path: converter.convert(str(path)).text_content


def _html2text():
    import html2text

    def convert(path):
        h = html2text.HTML2Text()
        h.body_width = 0  # no wrapping: the lines as the page's blocks
        return h.handle(Path(path).read_text("utf-8"))

    return convert


def _markdownify():
    from markdownify import markdownify

    return lambda path: markdownify(Path(path).read_text("utf-8"))


def _pypdf():
    from pypdf import PdfReader

    return lambda path: "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


# Markdown and text made from the .docx or the .pdf by the programs people convert with
# before publishing a corpus: (what it reads, the file it writes, what to install)
CONVERTERS = {
    "pandoc-md": ("docx", ".md", "pip install pypandoc_binary"),  # `pandoc x.docx -o x.md`
    "pandoc-gfm": ("docx", ".md", "pip install pypandoc_binary"),
    "markitdown-docx": ("docx", ".md", "pip install 'markitdown[docx]'"),
    "markitdown-pdf": ("pdf", ".md", "pip install 'markitdown[pdf]'"),
    "pypdf-txt": ("pdf", ".txt", "pip install pypdf"),
    # a portal's page saved as HTML, then made Markdown
    "html2text": ("html", ".md", "pip install html2text"),
    "markdownify": ("html", ".md", "pip install markdownify"),
}


def _converted(fmt: str, made: dict[str, dict[str, Path]], tmp: Path) -> dict[str, Path]:
    source, suffix, _ = CONVERTERS[fmt]
    convert = {
        "pandoc-md": lambda: _pandoc("markdown"),
        "pandoc-gfm": lambda: _pandoc("gfm"),
        "markitdown-docx": _markitdown,
        "markitdown-pdf": _markitdown,
        "pypdf-txt": _pypdf,
        "html2text": _html2text,
        "markdownify": _markdownify,
    }[fmt]()
    (tmp / fmt).mkdir()
    out = {}
    for name, path in made[source].items():
        out[name] = tmp / fmt / (Path(name).stem + suffix)
        out[name].write_text(convert(path), "utf-8")
    return out


def _extract(path: str) -> dict:
    from policy_lineage.loaders.ocr import mark_facts
    from policy_lineage.loaders.readers import extract_sources
    from policy_lineage.schema.model import to_contract

    [item] = list(extract_sources([path]))
    if isinstance(item, Exception):
        return {"source": path, "error": str(item)}
    extraction, src = item
    return mark_facts(to_contract(extraction), src)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--formats", default="docx,doc,pdf,html,scan")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--json", type=Path, help="write the figures here")
    ap.add_argument("--keep", action="store_true", help="keep the files made (folder printed)")
    ap.add_argument(
        "--dir", type=Path, default=DEV, help="documents and truth files (default: real dev)"
    )
    args = ap.parse_args(argv)
    formats = args.formats.split(",")
    truths = score_extract.load_truths(args.dir)
    tmp = Path(tempfile.mkdtemp())
    made: dict[str, dict[str, Path]] = {f: {} for f in formats}
    for i, name in enumerate(sorted(truths)):
        md = args.dir / name
        text = md.read_text("utf-8")
        blocks, _ = saved_pages.document_blocks(text)
        stem = md.stem
        if any(f == "doc" or f.endswith("docx") or f.startswith("pandoc") for f in formats):
            made.setdefault("docx", {})[name] = _docx(blocks, tmp / f"{stem}.docx")
        if any(f in formats for f in ("pdf", "scan-word", "markitdown-pdf", "pypdf-txt")):
            (tmp / "pdf-docx").mkdir(exist_ok=True)
            made.setdefault("pdf-docx", {})[name] = _docx(
                blocks, tmp / "pdf-docx" / f"{stem}.docx", borderless_layout=True
            )
        if any(f in formats for f in ("html", "html2text", "markdownify")):
            page = tmp / f"{stem}.html"
            page.write_text(saved_pages.saved_page(text, stem, saved_pages.LAYOUTS[i % 2]), "utf-8")
            made.setdefault("html", {})[name] = page
        if "scan" in formats:
            typed = make_scans.typeset("", tmp / f"{stem}.typed.pdf", blocks=blocks)
            made["scan"][name] = make_scans.scan(typed, tmp / f"{stem}.scan.pdf")
    for fmt, source in (("doc", "docx"), ("pdf", "pdf-docx")):
        wanted = [
            f
            for f in formats
            if f == fmt or (fmt == "pdf" and f in ("scan-word", "markitdown-pdf", "pypdf-txt"))
        ]
        if not wanted:
            continue
        if shutil.which("soffice") is None:
            print(f"{', '.join(wanted)}: LibreOffice is not installed, skipped", file=sys.stderr)
            for f in wanted:
                formats.remove(f)
            continue
        subprocess.run(
            ["soffice", "--headless", "--norestore", "--convert-to", fmt, "--outdir",
             str(tmp / fmt), *map(str, made[source].values())],
            env=dict(os.environ, HOME=str(tmp)), capture_output=True, check=True,
        )  # fmt: skip
        made[fmt] = {n: tmp / fmt / (Path(n).stem + f".{fmt}") for n in truths}
    if "scan-word" in formats:  # the printed PDFs scanned whole, as an office scans a letter
        (tmp / "scan-word").mkdir()
        made["scan-word"] = {
            n: make_scans.scan(made["pdf"][n], tmp / "scan-word" / f"{Path(n).stem}.pdf")
            for n in truths
        }
    for fmt in [f for f in formats if f in CONVERTERS]:
        try:
            made[fmt] = _converted(fmt, made, tmp)
        except ImportError as exc:
            print(
                f"{fmt}: {exc.name} is not installed ({CONVERTERS[fmt][2]}), skipped",
                file=sys.stderr,
            )
            formats.remove(fmt)
    results = {}
    print(f"{len(truths)} documents; figures against the truth files")
    print(f"{'format':16}" + "".join(f"{h:>8}" for _, h in KEYS) + "   s/file  pages OCR")
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        for fmt in formats:
            names = list(made[fmt])
            t0 = time.perf_counter()
            outs = list(pool.map(_extract, [str(made[fmt][n]) for n in names]))
            seconds = time.perf_counter() - t0
            preds = dict(zip(names, outs, strict=True))
            result = score_extract.score_all(truths, preds)
            overall = result["overall"]
            ocr_pages = sum(len(p.get("ocr_pages") or []) for p in outs)
            results[fmt] = {"overall": overall, "seconds": seconds, "ocr_pages": ocr_pages,
                            "errors": [p["error"] for p in outs if "error" in p]}  # fmt: skip
            cells = "".join(
                f"{(overall[k] if overall[k] is not None else float('nan')):8.2f}" for k, _ in KEYS
            )
            print(f"{fmt:16}{cells}  {seconds / len(names):7.2f}  {ocr_pages:5}")
            for err in results[fmt]["errors"]:
                print(f"   error: {err}")
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2), "utf-8")
    if args.keep:
        print(f"files made: {tmp}")
    else:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
