#!/usr/bin/env python3
"""The all-pairs baseline of ``benchmarks/run.py`` on a store you name.

``run.py --only baseline`` reads ``WORK/<scale>.db`` and matches the planted pairs through the
files of ``WORK/live-<scale>``, by their paths as the store recorded them: a copy of a store
built elsewhere (its tasks name the files where they were read) cannot be pointed at. This
script runs the same two functions of ``run.py`` (``overlaps``, for the planted pairs, and
``baseline``) on ``--store``, with ``--live`` the folder the store was built from and
``--corpus`` the generator's folder (its ``truth.json``), and then, on the same sample and in
the same run, ``find_overlaps`` again in one process and in two (``--rounds`` each,
alternating), so that the figure of the baseline has its spread beside it.

Every call of ``find_overlaps`` on the sample is timed as a first call: ``run.forget_texts``
empties every cache keyed by text before it (the ``overlaps`` phase has just read every task
of the store, the sample's among them), and nothing is warmed before the timer but what
importing the modules does once per process (their patterns compiled). rapidfuzz and
``find_overlaps`` are given the same cores (``--baseline-workers``: threads for one,
processes for the other).

    python benchmarks/overlaps_baseline.py --store /tmp/work/national.db \\
        --live /tmp/h16a/nat/live-national --corpus /tmp/work/corpus-v2-34x97.6765-s1 \\
        --json benchmarks/results/national_baseline_16g.json
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def _run_module() -> Any:
    spec = importlib.util.spec_from_file_location("bench_run", HERE / "run.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_run"] = module
    spec.loader.exec_module(module)
    return module


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--store", type=Path, required=True)
    ap.add_argument("--live", type=Path, required=True, help="the folder the store was built from")
    ap.add_argument("--corpus", type=Path, required=True, help="the generator's folder")
    ap.add_argument("--sample", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--threshold", type=int, default=80)
    ap.add_argument("--baseline-workers", type=int, default=0, help="0: every core")
    ap.add_argument("--rounds", type=int, default=3, help="find_overlaps again, per setting")
    ap.add_argument(
        "--fast-rounds", type=int, default=3, help="first calls of find_overlaps in the baseline"
    )
    ap.add_argument("--json", type=Path, required=True)
    args = ap.parse_args(argv)

    run = _run_module()
    from policy_lineage.graph.store import load_graph
    from policy_lineage.queries.overlaps import find_overlaps

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    workers = args.baseline_workers or cores
    res: dict[str, Any] = {
        "when": time.strftime("%Y-%m-%d %H:%M %Z"),
        "store": str(args.store),
        "machine": {
            "cpus": os.cpu_count(),
            "cores_used": cores,
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "load_at_start": run.load(),
    }
    print(f"# overlaps against all pairs: {args.store}, load {run.load()}", flush=True)
    truth = json.loads((args.corpus / "truth.json").read_text("utf-8"))
    t = time.perf_counter()
    graph = load_graph(args.store)
    res["load_graph_seconds"] = time.perf_counter() - t
    print(f"graph: {len(graph.tasks):,} tasks ({res['load_graph_seconds']:.1f} s)", flush=True)

    ov = run.overlaps(graph, args.live, truth)
    planted = ov.pop("_planted")
    ov["load"] = run.load()
    res["overlaps"] = ov
    run.show("overlaps over every task", ov["seconds"], "s")
    run.show("  recall", ov["recall"])
    run.show("  precision", ov["precision"])

    print(f"baseline: all pairs (load {run.load()})", flush=True)
    base = run.baseline(
        graph, args.sample, args.seed, args.threshold, planted, workers, args.fast_rounds
    )
    base["load"] = run.load()
    res["baseline"] = base
    run.show("  sample tasks", base["tasks"])
    run.show(
        f"  find_overlaps, first call ({base['find_overlaps_processes']} process(es))",
        base["fast_seconds"],
        "s",
    )
    run.show("  find_overlaps, median of the first calls", base["fast_seconds_median"], "s")
    run.show(f"  rapidfuzz, every pair ({workers} threads)", base["all_pairs_seconds"], "s")
    run.show("baseline_speed_ratio", base["speed_ratio"], "x")
    run.show("  ratio at the median", base["speed_ratio_median"], "x")
    run.show("  ratio of CPU seconds (first call)", base["cpu_ratio"], "x")
    run.show("  recall, all pairs", base["all_pairs_recall"])
    run.show("  recall, find_overlaps", base["fast_recall"])
    run.show("baseline_recall_lost", base["recall_lost"])

    # The same sample again, in one process and in two, alternating: the spread.
    part = run.baseline_sample(graph, args.sample, args.seed)
    again: dict[str, list[dict[str, Any]]] = {"1": [], "2": []}
    for _ in range(args.rounds):
        for jobs in (1, 2):
            run.forget_texts()
            before = run.load()
            t, c, k = time.perf_counter(), time.process_time(), run._children_cpu()
            find_overlaps(part, jobs=jobs)
            cpu = time.process_time() - c
            again[str(jobs)].append(
                {
                    "seconds": time.perf_counter() - t,
                    "cpu_seconds_this_process": cpu,
                    "cpu_seconds": cpu + run._children_cpu() - k,
                    "load": before,
                }
            )
    res["find_overlaps_again"] = again
    for jobs, runs in again.items():
        secs = sorted(r["seconds"] for r in runs)
        run.show(f"  find_overlaps again, {jobs} process(es), median", secs[len(secs) // 2], "s")
        run.show(
            "    ratio to rapidfuzz at that median",
            base["all_pairs_seconds"] / secs[len(secs) // 2],
            "x",
        )
    res["load_at_end"] = run.load()
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(res, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(f"-> {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
