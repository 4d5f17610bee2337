#!/usr/bin/env python3
"""Streaming answers: time to the first and to the last row of ``tasks --from 57-NQ/TW``
from a new process, and its peak memory, the list form (before) beside the streamed
forms (after), in one run.

    python benchmarks/streaming.py --scale province   # 1 province, 120 communes
    python benchmarks/streaming.py --scale national   # 34 provinces, 98 communes each

The corpus and its store are made with ``benchmarks/run.py``'s steps (``synth.py``, then
``policy-lineage build``) under ``--work`` and reused while they exist. Each figure is
the median of ``--times`` new processes, each writing JSON to a pipe this script reads:

* ``before``: the list form as the main branch answers: every row found and sorted
  (``tasks_from``), every record built, one ``json.dumps`` string printed;
* ``after``: ``policy-lineage tasks --from 57-NQ/TW --format json`` (the same bytes,
  written row by row; the deadline order still needs every row before the first);
* ``after_walk``: the same with ``--order walk`` (document by document as the walk
  reaches them: the first row comes after the first level);
* ``notice``: ``tasks --from 04-TB/BCĐTW``, a central notice (target < 0.5 s);
* with ``--main-python PATH`` (the interpreter of an install of the main branch), also
  ``main_cli`` and ``main_notice``: the main branch's own command, the same questions.

Peak memory is the child's own maximum resident set (``os.wait4``'s ``ru_maxrss``).
Figures go to ``--json`` (default ``benchmarks/results/streaming.json``).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
AS_OF = "2025-09-15"
ROOT = "57-NQ/TW"
NOTICE = "04-TB/BCĐTW"
CLI = [sys.executable, "-m", "policy_lineage"]


def _bench_run() -> Any:
    spec = importlib.util.spec_from_file_location("bench_run", HERE / "run.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def list_form(store: str, doc: str) -> None:
    """The main branch's ``tasks --from DOC --format json``: the list, then one string
    (the command line's modules imported first, as a command's process does)."""
    import policy_lineage.cli  # noqa: F401
    from policy_lineage.commands._output import emit_json, resolve_document
    from policy_lineage.commands._source import documents_graph, query_source
    from policy_lineage.commands.tasks import task_record
    from policy_lineage.queries.tasks import tasks_from

    with query_source(store, None) as reader:
        graph = documents_graph(reader)
        root = resolve_document(graph, doc)
        rows = tasks_from(reader, root.id, as_of=date.fromisoformat(AS_OF))

    def number(doc_id: str) -> str:
        d = graph.documents[doc_id]
        return d.number or d.label

    emit_json([task_record(r, number) for r in rows])


def measure(cmd: list[str]) -> dict[str, Any]:
    """Run ``cmd`` (JSON to a pipe): seconds to its first row and to its end, its peak
    memory, how many bytes it wrote."""
    start = time.perf_counter()
    # from a folder of its own: python -m finds the package of the interpreter's install,
    # not one in the current directory
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=os.path.expanduser("~")
    )
    assert proc.stdout is not None
    fd = proc.stdout.fileno()
    first = None
    size = 0
    head = b""
    while chunk := os.read(fd, 1 << 16):
        size += len(chunk)
        if first is None:
            head += chunk
            if b"{" in head:  # the first row's object has begun
                first = time.perf_counter() - start
    _, status, usage = os.wait4(proc.pid, 0)
    last = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        assert proc.stderr is not None
        raise SystemExit(f"{' '.join(cmd)} failed:\n{proc.stderr.read().decode()[-2000:]}")
    return {
        "first_row_seconds": first,
        "last_row_seconds": last,
        "peak_rss_mb": usage.ru_maxrss / 1024,
        "output_bytes": size,
        "exit_code": proc.returncode,
    }


def median_of(cmd: list[str], times: int) -> dict[str, Any]:
    runs = [measure(cmd) for _ in range(times)]
    assert len({r["output_bytes"] for r in runs}) == 1, "runs disagree"
    out = {
        k: round(statistics.median(r[k] for r in runs), 3)
        for k in ("first_row_seconds", "last_row_seconds", "peak_rss_mb")
        if all(r[k] is not None for r in runs)
    }
    out["output_bytes"] = runs[0]["output_bytes"]
    out["runs_last_row"] = [round(r["last_row_seconds"], 3) for r in runs]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--scale", choices=["province", "national", "stress"], default="province")
    ap.add_argument("--work", default=os.environ.get("TMPDIR", "/tmp") + "/policy-lineage-bench")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--times", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--json", help="where to write (default benchmarks/results/streaming.json)")
    ap.add_argument("--main-python", help="a Python with the main branch installed")
    ap.add_argument("--list-form", nargs=2, metavar=("STORE", "DOC"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.list_form:
        list_form(*args.list_form)
        return 0

    bench = _bench_run()
    scale = bench.SCALES[args.scale]
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    corpus = bench.make_corpus(work, scale["provinces"], scale["communes"], args.seed)
    store = work / f"streaming-{corpus.name}.db"
    if not store.exists():
        print(f"building {store} …", flush=True)
        bench.ingest(corpus, store, args.jobs)
    common = ["--as-of", AS_OF, "--format", "json", "--store", str(store)]
    cases = {
        "before": [sys.executable, str(Path(__file__).resolve()), "--list-form", str(store), ROOT],
        "after": [*CLI, "tasks", "--from", ROOT, *common],
        "after_walk": [*CLI, "tasks", "--from", ROOT, *common, "--order", "walk"],
        "notice": [*CLI, "tasks", "--from", NOTICE, *common],
    }
    if args.main_python:
        main_cli = [args.main_python, "-m", "policy_lineage", "tasks", "--from"]
        cases["main_cli"] = [*main_cli, ROOT, *common]
        cases["main_notice"] = [*main_cli, NOTICE, *common]
    figures: dict[str, Any] = {}
    for name, cmd in cases.items():
        figures[name] = median_of(cmd, args.times)
        f = figures[name]
        print(
            f"{name:11} first row {f.get('first_row_seconds', float('nan')):6.2f} s"
            f"  last row {f['last_row_seconds']:6.2f} s  peak {f['peak_rss_mb']:7.0f} MB"
            f"  ({f['output_bytes']:,} bytes)",
            flush=True,
        )
    assert figures["before"]["output_bytes"] == figures["after"]["output_bytes"]
    before = subprocess.run(cases["before"], capture_output=True, check=True).stdout
    after = subprocess.run(cases["after"], capture_output=True, check=True).stdout
    figures["after_is_before_byte_for_byte"] = before == after
    print("streamed output == list form output:", figures["after_is_before_byte_for_byte"])
    tasks = len(json.loads(after))
    result = {
        "date": date.today().isoformat(),
        "scale": args.scale,
        "corpus": corpus.name,
        "documents_files": bench.corpus_size(corpus)[0],
        "rows": tasks,
        "machine": f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}",
        **figures,
    }
    out = Path(args.json) if args.json else HERE / "results" / "streaming.json"
    existing = json.loads(out.read_text()) if out.exists() else {}
    existing[args.scale] = result
    out.write_text(json.dumps(existing, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
