"""OCR of scanned PDFs: the bundled documents typeset with a two-column letterhead, scanned
(benchmarks/make_scans.py: 200 dpi grey, turned ±1.2°, speckled, a stamp), read back by
the PDF reader's OCR (Tesseract ``vie``), and compared with the facts of the .txt: numbers
and dates exactly, then the references with their relations, the tasks with their leads and
deadlines. Prints seconds per page.

    python benchmarks/ocr_scans.py [--angle 1.2] [--dpi 200]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from policy_lineage.loaders import ocr
from policy_lineage.loaders.pipeline import extract_source
from policy_lineage.loaders.readers import read_path
from policy_lineage.schema.model import to_contract

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_scans  # noqa: E402


def facts(path: Path) -> dict:
    data = to_contract(extract_source(read_path(path)))
    d = data["document"]
    return {
        "number, date": (d["number"], d["date"]),
        "type, issuer, draft, signer": (d["doc_type"], d["issuer"], d["is_draft"], d["signer"]),
        "references": {(r["number"], r["relation"]) for r in data["references"] if r["number"]},
        "tasks (lead, deadline)": [(t["lead"], t["deadline"]) for t in data["tasks"]],
    }


def _share(got, want) -> tuple[int, int]:
    if isinstance(want, set):
        return len(got & want), len(got | want)
    if isinstance(want, list):  # tasks as (lead, deadline), matched as multisets
        key = lambda items: Counter((tuple(lead), deadline) for lead, deadline in items)  # noqa: E731
        same = sum((key(got) & key(want)).values())
        return same, max(len(got), len(want))
    return int(got == want), 1


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--angle", type=float, default=1.2)
    ap.add_argument("--dpi", type=int, default=200)
    args = ap.parse_args(argv)
    if not ocr.available():
        print(ocr.missing_reason(), file=sys.stderr)
        return 2
    tmp = Path(tempfile.mkdtemp())
    totals: dict[str, list[int]] = {}
    pages = seconds = 0.0
    for txt in sorted((make_scans.ROOT / "examples" / "dong-thap").glob("*.txt")):
        typed = make_scans.typeset(txt.read_text("utf-8"), tmp / f"{txt.stem}.typed.pdf")
        scan = make_scans.scan(typed, tmp / f"{txt.stem}.pdf", dpi=args.dpi, angle=args.angle)
        want = facts(txt)
        t0 = time.perf_counter()
        got = facts(scan)
        seconds += time.perf_counter() - t0
        n = len(read_path(typed).page_starts)
        pages += n
        row = []
        for key in want:
            same, total = _share(got[key], want[key])
            totals.setdefault(key, [0, 0])
            totals[key][0] += same
            totals[key][1] += total
            row.append(f"{key} {same}/{total}")
        print(f"{txt.stem[:45]:45} {n} pages: " + "; ".join(row))
        if got["number, date"] != want["number, date"]:
            print(f"   number/date: scan {got['number, date']} text {want['number, date']}")
        for r in sorted(want["references"] ^ got["references"], key=str):
            print(f"   reference {'missed' if r in want['references'] else 'extra'}: {r}")
    print(f"\n{int(pages)} pages, {seconds / pages:.2f} s per page (read and extract, one process)")
    for key, (same, total) in totals.items():
        print(f"{key:30} {same}/{total} = {same / total:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
