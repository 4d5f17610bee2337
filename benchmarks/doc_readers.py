"""Which reader for Word 97-2003 .doc files: LibreOffice (→ .docx → the project's .docx
reader) or antiword (→ text). Measured on the bundled documents written as .docx (appendix a
real table, as tests/loaders/test_formats_agree.py writes them) and saved as .doc by
LibreOffice: agreement of the extracted facts with the .txt, table rows kept as rows,
Vietnamese letters kept, seconds per file.

    python benchmarks/doc_readers.py
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

from policy_lineage.loaders.pipeline import extract_paths, extract_text
from policy_lineage.loaders.read_doc import read_doc
from policy_lineage.loaders.readers import Input
from policy_lineage.schema.model import to_contract

ROOT = Path(__file__).resolve().parents[1]


def _agree_module():
    spec = importlib.util.spec_from_file_location(
        "formats_agree", ROOT / "tests" / "loaders" / "test_formats_agree.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _facts(data: dict) -> dict:
    d = data["document"]
    return {
        "document": (d["number"], d["doc_type"], d["issuer"], d["date"], d["is_draft"]),
        "references": sorted((r["number"] or "-", r["relation"]) for r in data["references"]),
        "tasks": [(t["lead"], t["deadline"]) for t in data["tasks"]],
    }


def _score(got: dict, want: dict) -> float:
    keys = ["document", "references", "tasks"]
    return sum(got[k] == want[k] for k in keys) / len(keys)


def main() -> None:
    agree = _agree_module()
    tmp = Path(tempfile.mkdtemp())
    rows = []
    for txt in sorted(agree.CORPUS.glob("*.txt")):
        text = txt.read_text(encoding="utf-8")
        want = _facts(to_contract(next(iter(extract_paths([str(txt)])))))
        docx = agree.write_docx(text, tmp / f"{txt.stem}.docx")
        subprocess.run(
            ["soffice", "--headless", "--norestore", "--convert-to", "doc", "--outdir",
             str(tmp), str(docx)], env={"HOME": str(tmp), "PATH": "/usr/bin:/bin"},
            capture_output=True, check=True,
        )  # fmt: skip
        doc = tmp / f"{txt.stem}.doc"
        t0 = time.perf_counter()
        src = read_doc(str(doc), Input(file=str(doc)))
        lo_s = time.perf_counter() - t0
        lo = _facts(to_contract(extract_text(src.text, str(doc), one_line_paragraphs=True)))
        lo_rows = sum(len(t.rows) for t in src.tables)
        row = {"file": txt.name, "libreoffice": (_score(lo, want), lo_rows, lo_s)}
        if shutil.which("antiword"):
            t0 = time.perf_counter()
            out = subprocess.run(
                ["antiword", "-m", "UTF-8.txt", "-w", "0", str(doc)], capture_output=True
            )
            aw_s = time.perf_counter() - t0
            aw_text = unicodedata.normalize("NFC", out.stdout.decode("utf-8", "replace"))
            aw = _facts(to_contract(extract_text(aw_text, str(doc))))
            aw_rows = sum(1 for line in aw_text.splitlines() if line.startswith("|"))
            letters = sum(c in aw_text for c in "ẠẢẤẦẨẪẬắằẳẵặđĐơưỡỹ")
            row["antiword"] = (_score(aw, want), aw_rows, aw_s, letters)
        rows.append(row)
    print(f"{'file':50} {'LibreOffice agree/rows/s':>26} {'antiword agree/|rows|/s':>26}")
    for r in rows:
        lo = r["libreoffice"]
        aw = r.get("antiword")
        aws = f"{aw[0]:.2f} / {aw[1]:>3} / {aw[2]:.2f}" if aw else "not installed"
        print(f"{r['file']:50} {lo[0]:.2f} / {lo[1]:>3} / {lo[2]:.2f}{'':6} {aws:>26}")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
