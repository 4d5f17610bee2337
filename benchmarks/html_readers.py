"""Which main-content extraction for saved web pages. Each benchmarks/real/dev document is
saved as a web page (benchmarks/saved_pages.py: navigation, banner, metadata table, the
document with real tables, related documents, comments, footer, all citing numbers), then
read by each candidate; the facts are scored against the truth a person wrote
(benchmarks/score_extract.py) and compared with the facts of the same document as saved
Markdown (benchmarks/real/dev/*.md).

Candidates (offline: trafilatura and readability are not installable here):

* ``resiliparse-main``: Resiliparse 2 ``extract_plain_text(main_content=True)`` (the
  maintained, fast main-content extractor of the ChatNoir project), the text read as a .txt;
* ``resiliparse-all``: the same without main-content detection (every text node);
* ``read_html``: the project reader (lxml: site parts dropped by tag and id/class words, the
  metadata table kept apart, the smallest element holding 85 % of the text, tables as rows).

    python benchmarks/html_readers.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from policy_lineage.loaders.pipeline import extract_source, extract_text
from policy_lineage.loaders.readers import read_path
from policy_lineage.schema.model import to_contract

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import saved_pages  # noqa: E402
import score_extract  # noqa: E402

DEV = HERE / "real" / "dev"


def _resiliparse(page: Path, main_content: bool) -> dict:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    tree = HTMLTree.parse(page.read_text("utf-8"))
    text = extract_plain_text(
        tree, main_content=main_content, preserve_formatting=True, list_bullets=True
    )
    return to_contract(extract_text(text, str(page)))


def _reader(page: Path) -> dict:
    return to_contract(extract_source(read_path(page)))


def _extra_refs(pred: dict, base: dict) -> int:
    mine = {r["number"] for r in base["references"]}
    return sum(1 for r in pred["references"] if r["number"] not in mine)


def main() -> int:
    truths = score_extract.load_truths(DEV)
    tmp = Path(tempfile.mkdtemp())
    pages = {}
    for i, name in enumerate(sorted(truths)):
        md = DEV / name
        page = tmp / (md.stem + ".html")
        page.write_text(
            saved_pages.saved_page(md.read_text("utf-8"), md.stem, saved_pages.LAYOUTS[i % 2]),
            "utf-8",
        )
        pages[name] = page
    base = {n: to_contract(extract_source(read_path(DEV / n))) for n in truths}
    candidates = {
        "resiliparse-main": lambda p: _resiliparse(p, True),
        "resiliparse-all": lambda p: _resiliparse(p, False),
        "read_html": _reader,
    }
    rows = []
    for label, fn in candidates.items():
        preds, extra, seconds, same_meta = {}, 0, 0.0, 0
        for name, page in pages.items():
            t0 = time.perf_counter()
            try:
                pred = fn(page)
            except Exception as exc:  # a candidate failing on a page
                pred = {"source": name, "error": str(exc)}
            seconds += time.perf_counter() - t0
            preds[name] = pred
            if "error" not in pred:
                extra += _extra_refs(pred, base[name])
                same_meta += pred["document"] == base[name]["document"]
        result = score_extract.score_all(truths, preds)["overall"]
        rows.append((label, result, extra, same_meta, seconds / len(pages)))
    md_result = score_extract.score_all(truths, base)["overall"]
    rows.append(("(the .md pages)", md_result, 0, len(truths), 0.0))
    keys = [
        ("references_precision", "ref P"), ("references_recall", "ref R"),
        ("relations_accuracy", "rel"), ("metadata_accuracy", "meta"),
        ("task_recall", "tasks"), ("task_lead_accuracy", "lead"),
        ("task_deadline_accuracy", "deadl"), ("task_precision", "task P"),
    ]  # fmt: skip
    print(f"{len(pages)} pages; figures against the truth files")
    print(
        f"{'candidate':18}"
        + "".join(f"{h:>8}" for _, h in keys)
        + "  refs leaked  same doc  s/page"
    )
    for label, r, extra, same, sec in rows:
        cells = "".join(f"{(r[k] if r[k] is not None else float('nan')):8.2f}" for k, _ in keys)
        print(f"{label:18}{cells}  {extra:11}  {same:>4}/{len(pages)}  {sec:6.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
