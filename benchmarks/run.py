#!/usr/bin/env python3
"""The scale benchmark: a synthetic corpus built, ingested, changed, queried and checked.

    python benchmarks/run.py --scale province   # 1 province, 120 communes (~1 minute)
    python benchmarks/run.py --scale national   # 34 provinces, 98 communes each (~8 minutes)
    python benchmarks/run.py --scale stress     # three times the national volume

Needs the benchmark tools: ``pip install -e '.[bench]'`` (rapidfuzz, for the all-pairs
baseline). Every figure is printed next to its target (issue "National scale") and all
of them are written to ``--json`` (default ``benchmarks/results/<scale>.json``).

What is measured, in this order:

1. the corpus: ``benchmarks/synth.py`` (kept in ``--work`` and reused while its
   parameters are the same);
2. cold ingest with every core and with one worker (``policy-lineage build --jobs N`` in
   a new process): documents/s, MB/s, peak memory of the process tree, store size;
3. ingest again with nothing changed, then after changing 1% of the files;
4. latency of ``tasks --from``, ``trace`` and ``agency`` in a new process (cold, median of
   three) and in a process that already holds the graph (warm);
5. ``overlaps`` over every task: time, and recall and precision of the planted pairs;
6. the all-pairs baseline (rapidfuzz over every pair of a sample of tasks) beside
   ``find_overlaps`` on the same sample: speed ratio, recall each keeps;
7. extraction accuracy against the generator's truth: documents, links, tasks, leads,
   deadlines.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections import defaultdict
from datetime import date
from itertools import combinations
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SCALES = {
    "province": {"provinces": 1, "communes": 120},
    "national": {"provinces": 34, "communes": 98},
    # three times the national volume (~15,000 documents): how the figures grow
    "stress": {"provinces": 34, "communes": 294},
}
# The targets of the issue, at national scale.
TARGETS = {
    "cold_ingest_seconds": ("<", 120),
    "incremental_ingest_seconds": ("<", 10),
    "tasks_from_notice_cold_seconds": ("<", 1.0),
    "overlaps_seconds": ("<", 120),
    "overlaps_recall": (">=", 0.95),
    "overlaps_precision": (">=", 0.9),
    "baseline_speed_ratio": (">=", 20),
    "baseline_recall_lost": ("<=", 0.02),
    "peak_memory_mb": ("<", 4096),
}
NOTICE = "04-TB/BCĐTW"  # a central steering-committee notice every province implements
RESOLUTION = "57-NQ/TW"  # the root of everything: every task in the country derives from it
AGENCY = "Sở Khoa học và Công nghệ"
CLI = [sys.executable, "-m", "policy_lineage"]


# ------------------------------------------------------------------ measuring
class TreeMemory:
    """Peak resident memory of a process and its children, sampled from /proc."""

    def __init__(self, pid: int, every: float = 0.05) -> None:
        self.pid, self.every, self.peak = pid, every, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _tree(self) -> list[int]:
        children: dict[int, list[int]] = defaultdict(list)
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    with open(f"/proc/{entry}/stat") as fh:
                        ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
                except (OSError, IndexError, ValueError):
                    continue
                children[ppid].append(int(entry))
        out, todo = [], [self.pid]
        while todo:
            p = todo.pop()
            out.append(p)
            todo += children.get(p, [])
        return out

    def _rss(self, pid: int) -> int:
        try:
            with open(f"/proc/{pid}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1]) * 1024
        except OSError:
            pass
        return 0

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, sum(self._rss(p) for p in self._tree()))
            self._stop.wait(self.every)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


def run(cmd: list[str], **kw: Any) -> dict[str, Any]:
    """Run ``cmd``; its wall time, the peak memory of its process tree, its output."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)
    mem = TreeMemory(proc.pid)
    out, err = proc.communicate()
    wall = time.perf_counter() - start
    peak = mem.stop()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err[-2000:]}")
    return {"seconds": wall, "peak_mb": peak / 2**20, "stdout": out, "stderr": err}


def cold(cmd: list[str], times: int = 3) -> dict[str, Any]:
    """Median wall time of ``cmd`` in a new process, ``times`` runs."""
    runs = [run(cmd) for _ in range(times)]
    return {
        "seconds": statistics.median(r["seconds"] for r in runs),
        "runs": [round(r["seconds"], 3) for r in runs],
        "output_bytes": len(runs[0]["stdout"]),
    }


def warm(fn: Any, times: int = 5) -> float:
    """Median seconds of ``fn()`` in this process, after one run to warm it."""
    fn()
    spent = []
    for _ in range(times):
        t = time.perf_counter()
        fn()
        spent.append(time.perf_counter() - t)
    return statistics.median(spent)


def corpus_size(root: Path) -> tuple[int, int]:
    files = [p for p in root.rglob("*") if p.is_file() and p.name != "truth.json"]
    return len(files), sum(p.stat().st_size for p in files)


# ------------------------------------------------------------------ steps
def make_corpus(work: Path, provinces: int, communes: int, seed: int) -> Path:
    out = work / f"corpus-{provinces}x{communes}-s{seed}"
    if (out / "truth.json").exists():
        print(f"corpus: reusing {out}")
        return out
    if out.exists():
        shutil.rmtree(out)
    t = time.perf_counter()
    cmd = [sys.executable, str(HERE / "synth.py"), "--provinces", str(provinces)]
    cmd += ["--communes", str(communes), "--seed", str(seed), "--out", str(out)]
    print(run(cmd)["stdout"].strip(), f"({time.perf_counter() - t:.1f} s)")
    return out


def ingest(corpus: Path, store: Path, jobs: int, fresh: bool = True) -> dict[str, Any]:
    if fresh:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{store}{suffix}").unlink(missing_ok=True)
    r = run([*CLI, "build", str(corpus), "--store", str(store), "--jobs", str(jobs)])
    return {"seconds": r["seconds"], "peak_mb": r["peak_mb"], "output": r["stdout"][-600:]}


def change_one_percent(corpus: Path, seed: int) -> list[Path]:
    """Append a follow-up sentence to 1% of the .txt files (their hashes change)."""
    files = sorted(p for p in corpus.rglob("*.txt"))
    rng = random.Random(seed)
    chosen = rng.sample(files, max(1, len(files) // 100))
    for p in chosen:
        with p.open("a", encoding="utf-8") as fh:
            fh.write("\nVăn phòng theo dõi, đôn đốc, báo cáo kết quả thực hiện.\n")
    return chosen


def latencies(store: Path) -> dict[str, Any]:
    out: dict[str, Any] = {}
    queries = {
        "tasks_from_notice": ["tasks", "--from", NOTICE],
        "tasks_from_resolution": ["tasks", "--from", RESOLUTION],
        "trace_resolution": ["trace", RESOLUTION],
        "trace_notice_all_relations": [
            "trace",
            NOTICE,
            "--relations",
            "implements,supersedes,based-on,amends,cites",
        ],
        "agency": ["agency", AGENCY],
    }
    for name, args in queries.items():
        out[f"{name}_cold"] = cold([*CLI, *args, "--store", str(store), "--format", "json"])
    # warm: the graph already in this process
    from policy_lineage.graph.store import load_graph
    from policy_lineage.queries.agency import agency_work
    from policy_lineage.queries.resolve import find_document
    from policy_lineage.queries.tasks import tasks_from
    from policy_lineage.queries.trace import trace

    t = time.perf_counter()
    graph = load_graph(store)
    out["load_whole_graph_seconds"] = time.perf_counter() - t
    notice = find_document(graph, NOTICE).unique
    root = find_document(graph, RESOLUTION).unique
    assert notice is not None and root is not None
    today = date.today()
    out["tasks_from_notice_warm_seconds"] = warm(lambda: tasks_from(graph, notice.id, as_of=today))
    out["tasks_from_resolution_warm_seconds"] = warm(
        lambda: tasks_from(graph, root.id, as_of=today)
    )
    out["trace_resolution_warm_seconds"] = warm(lambda: trace(graph, root.id))
    out["agency_warm_seconds"] = warm(lambda: agency_work(graph, AGENCY))
    out["tasks_from_notice_rows"] = len(tasks_from(graph, notice.id, as_of=today))
    out["tasks_from_resolution_rows"] = len(tasks_from(graph, root.id, as_of=today))
    return out


def _pairs(groups: list[list[str]]) -> set[frozenset[str]]:
    return {frozenset(p) for g in groups for p in combinations(sorted(set(g)), 2)}


def _match_tasks(graph: Any, corpus: Path, items: list[dict[str, Any]]) -> dict[int, str]:
    """Truth tasks (file, text) → the graph's task of that file with the closest text."""
    from policy_lineage.queries import textsim

    by_file: dict[str, list[Any]] = defaultdict(list)
    for t in graph.tasks.values():
        if t.source:
            by_file[os.path.relpath(os.path.abspath(t.source), corpus)].append(t)
    out: dict[int, str] = {}
    for i, item in enumerate(items):
        best, score = None, 0.0
        for t in by_file.get(item["file"], []):
            s = textsim.similarity(item["text"], t.text)
            if s > score:
                best, score = t, s
        if best is not None and score >= 0.8:
            out[i] = best.id
    return out


def overlaps(graph: Any, corpus: Path, truth: dict[str, Any]) -> dict[str, Any]:
    from policy_lineage.queries.overlaps import find_overlaps

    stats: dict[str, Any] = {}
    t = time.perf_counter()
    groups = find_overlaps(graph, stats=stats)
    seconds = time.perf_counter() - t
    items = [dict(task) for o in truth["overlaps"] for task in o["tasks"]]
    matched = _match_tasks(graph, corpus, items)
    planted_groups, i = [], 0
    for o in truth["overlaps"]:
        ids = [matched[j] for j in range(i, i + len(o["tasks"])) if j in matched]
        i += len(o["tasks"])
        planted_groups.append(ids)
    planted = _pairs(planted_groups)
    reported = _pairs([g.tasks for g in groups])
    found = planted & reported
    kinds_right = 0
    by_task = {tid: g for g in groups for tid in g.tasks}
    for o, ids in zip(truth["overlaps"], planted_groups, strict=True):
        g = by_task.get(ids[0]) if ids else None
        if g is not None and all(x in g.tasks for x in ids) and g.kind == o["kind"]:
            kinds_right += 1
    return {
        "seconds": seconds,
        "tasks": stats.get("tasks"),
        "candidate_pairs": stats.get("candidate_pairs"),
        "groups": len(groups),
        "planted_groups": len(truth["overlaps"]),
        "planted_tasks_matched": f"{len(matched)}/{len(items)}",
        "planted_pairs": len(planted),
        "reported_pairs": len(reported),
        "recall": len(found) / len(planted) if planted else None,
        "precision": len(found) / len(reported) if reported else None,
        "kind_right": kinds_right / len(truth["overlaps"]) if truth["overlaps"] else None,
        "_planted": planted,
    }


def baseline(
    graph: Any, sample: int, seed: int, threshold: int, planted: set[frozenset[str]]
) -> dict[str, Any]:
    """rapidfuzz over every pair of ``sample`` tasks beside find_overlaps on the same tasks.

    Both see the same rule: a pair counts when its two tasks are in different documents of
    one jurisdiction; the baseline compares every pair (``token_sort_ratio`` of the folded
    texts, at ``threshold``) and drops the others afterwards.
    """
    try:
        from rapidfuzz import fuzz, process
    except ImportError:  # pragma: no cover
        return {"skipped": "rapidfuzz is not installed: pip install -e '.[bench]'"}
    import numpy as np

    from policy_lineage.graph.identity import jurisdiction_of
    from policy_lineage.loaders.textnorm import fold
    from policy_lineage.queries.overlaps import find_overlaps
    from policy_lineage.schema.graph_model import LineageGraph

    # Whole jurisdictions, picked at random until the sample is full: overlaps live inside one.
    by_place: dict[str, list[Any]] = defaultdict(list)
    for t in graph.tasks.values():
        doc = graph.documents.get(t.document_id)
        by_place[jurisdiction_of(doc) if doc else "vn"].append(t)
    places = sorted(by_place)
    random.Random(seed).shuffle(places)
    tasks: list[Any] = []
    for p in places:
        if len(tasks) + len(by_place[p]) > sample:
            continue
        tasks += by_place[p]
    part = LineageGraph(documents=graph.documents, agencies=graph.agencies)
    for t in tasks:
        part.add_task(t)
    part.edges = [e for e in graph.edges if e.kind == "supersedes"]

    t0 = time.perf_counter()
    groups = find_overlaps(part)
    fast_seconds = time.perf_counter() - t0
    fast = _pairs([g.tasks for g in groups])

    place = [jurisdiction_of(graph.documents[t.document_id]) for t in tasks]
    docs = [t.document_id for t in tasks]
    blocked = {frozenset((e.source, e.target)) for e in part.edges}
    # token_sort_ratio, with each text's words sorted once: the same score, 5x faster.
    texts = [" ".join(sorted(fold(t.text).split())) for t in tasks]
    t0 = time.perf_counter()
    slow: set[frozenset[str]] = set()
    step = 2000
    for start in range(0, len(texts), step):
        scores = process.cdist(
            texts[start : start + step],
            texts[start:],  # the pairs not compared yet (the upper triangle)
            scorer=fuzz.ratio,
            score_cutoff=threshold,
            dtype=np.uint8,
            workers=-1,
        )
        for i, j in zip(*np.nonzero(scores), strict=True):
            a, b = start + int(i), start + int(j)
            if a >= b or place[a] != place[b] or docs[a] == docs[b]:
                continue
            if frozenset((docs[a], docs[b])) not in blocked:
                slow.add(frozenset((tasks[a].id, tasks[b].id)))
    slow_seconds = time.perf_counter() - t0
    ids = {t.id for t in tasks}
    truth = {p for p in planted if p <= ids}  # the planted pairs inside the sample
    fast_recall = len(fast & truth) / len(truth) if truth else None
    slow_recall = len(slow & truth) / len(truth) if truth else None
    lost = None
    if fast_recall is not None and slow_recall is not None:
        lost = max(0.0, slow_recall - fast_recall)
    return {
        "tasks": len(tasks),
        "all_pairs": len(tasks) * (len(tasks) - 1) // 2,
        "threshold": threshold,
        "fast_seconds": fast_seconds,
        "all_pairs_seconds": slow_seconds,
        "speed_ratio": slow_seconds / fast_seconds if fast_seconds else None,
        "all_pairs_found": len(slow),
        "fast_found": len(fast),
        "found_by_both": len(fast & slow),
        "planted_pairs_in_sample": len(truth),
        "all_pairs_recall": slow_recall,
        "fast_recall": fast_recall,
        "all_pairs_precision": len(slow & truth) / len(slow) if slow else None,
        "fast_precision": len(fast & truth) / len(fast) if fast else None,
        "recall_lost": lost,
    }


def accuracy(graph: Any, corpus: Path, truth: dict[str, Any]) -> dict[str, Any]:
    """The graph's documents, links and tasks against the generator's truth."""
    from policy_lineage.loaders.textnorm import fold

    docs_by_file = {}
    for d in graph.documents.values():
        if d.in_corpus and d.source:
            docs_by_file[os.path.relpath(os.path.abspath(d.source), corpus)] = d
    fields = {"number": 0, "doc_type": 0, "date": 0, "issuer": 0, "is_draft": 0}
    found = 0
    for td in truth["documents"]:
        d = docs_by_file.get(td["file"])
        if d is None:
            continue
        found += 1
        fields["number"] += (d.number or "") == (td["number"] or "")
        fields["doc_type"] += fold(d.doc_type or "") == fold(td["doc_type"] or "")
        fields["date"] += (d.date.isoformat() if d.date else None) == td["date"]
        fields["issuer"] += fold(d.issuer or "") == fold(td["issuer"] or "")
        fields["is_draft"] += d.is_draft == td["is_draft"]
    n = len(truth["documents"])
    out: dict[str, Any] = {"documents_found": found / n}
    out.update({f"document_{k}": v / n for k, v in fields.items()})

    from policy_lineage.loaders.numbers import parse_number
    from policy_lineage.queries.resolve import loose_key

    relation = {"implements": "implements", "based_on": "based-on", "supersedes": "supersedes"}
    relation.update({"cites": "cites", "amends": "amends"})
    out_edges: dict[tuple[str, str], list[Any]] = defaultdict(list)
    for e in graph.edges:
        out_edges[(e.source, e.kind)].append(graph.documents.get(e.target))

    def same(doc: Any, target: str) -> bool:
        if doc is None:
            return False
        if doc.source and os.path.relpath(os.path.abspath(doc.source), corpus) == target:
            return True
        want, got = parse_number(target), parse_number(doc.number or "")
        return bool(want and got and loose_key(want) == loose_key(got))

    hit = total = 0
    for te in truth["edges"]:
        total += 1
        src = docs_by_file.get(te["source_file"] or "")
        if src and any(
            same(d, te["target"]) for d in out_edges[(src.id, relation[te["relation"]])]
        ):
            hit += 1
    out["links_found"] = hit / total if total else None
    linked = sum(len(v) for (_, kind), v in out_edges.items() if kind in relation.values())
    out["links_extracted"] = linked
    out["links_in_truth"] = total

    matched = _match_tasks(graph, corpus, truth["tasks"])
    out["tasks_recall"] = len(matched) / len(truth["tasks"])
    in_files = {t["file"] for t in truth["tasks"]}
    extracted = [
        t
        for t in graph.tasks.values()
        if t.source and os.path.relpath(os.path.abspath(t.source), corpus) in in_files
    ]
    out["tasks_precision"] = len(set(matched.values())) / len(extracted) if extracted else None
    lead = deadline = 0
    for i, tid in matched.items():
        want, got = truth["tasks"][i], graph.tasks[tid]
        lead += {fold(x) for x in want["lead"]} == {fold(x) for x in got.lead}
        deadline += (got.deadline.isoformat() if got.deadline else None) == want["deadline"]
    out["task_lead_accuracy"] = lead / len(matched) if matched else None
    out["task_deadline_accuracy"] = deadline / len(matched) if matched else None
    return out


# ------------------------------------------------------------------ report
def verdict(name: str, value: float | None) -> str:
    if name not in TARGETS or value is None:
        return ""
    op, target = TARGETS[name]
    ok = {"<": value < target, "<=": value <= target, ">=": value >= target}[op]
    return f"target {op} {target:g}: {'ok' if ok else 'MISSED'}"


def show(name: str, value: Any, unit: str = "") -> None:
    shown = f"{value:,.3f}" if isinstance(value, float) else f"{value:,}"
    print(f"  {name:<42} {shown:>14} {unit:<6} {verdict(name, value)}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scale", choices=sorted(SCALES), default="province")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--work", default=os.environ.get("TMPDIR", "/tmp") + "/policy-lineage-bench")
    ap.add_argument("--json", help="where to write the figures [benchmarks/results/SCALE.json]")
    ap.add_argument("--sample", type=int, default=20000, help="tasks in the baseline sample")
    ap.add_argument("--threshold", type=int, default=80, help="the baseline's score cutoff")
    ap.add_argument("--skip-one-worker", action="store_true", help="skip the --jobs 1 ingest")
    args = ap.parse_args(argv)

    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    scale = SCALES[args.scale]
    cores = os.cpu_count() or 1
    res: dict[str, Any] = {
        "scale": args.scale,
        "machine": {
            "cpus": cores,
            "python": platform.python_version(),
            "platform": platform.platform(),
            "processor": platform.processor() or platform.machine(),
        },
        "when": time.strftime("%Y-%m-%d %H:%M"),
    }
    print(f"# policy-lineage scale benchmark: {args.scale}, {cores} cores")
    corpus = make_corpus(work, scale["provinces"], scale["communes"], args.seed)
    truth = json.loads((corpus / "truth.json").read_text("utf-8"))
    files, size = corpus_size(corpus)
    res["corpus"] = {
        **scale,
        "files": files,
        "mb": size / 2**20,
        "documents": len(truth["documents"]),
        "tasks": len(truth["tasks"]),
        "planted_overlaps": len(truth["overlaps"]),
    }
    print(f"corpus: {files:,} files, {size / 2**20:.1f} MB, {len(truth['tasks']):,} tasks")

    # Ingest changes files: work on a copy so the corpus can be reused.
    live = work / f"live-{args.scale}"
    if live.exists():
        shutil.rmtree(live)
    shutil.copytree(corpus, live)
    store = work / f"{args.scale}.db"

    print("ingest")
    r = ingest(live, store, cores)
    res["cold_ingest"] = {
        "jobs": cores,
        "seconds": r["seconds"],
        "documents_per_second": files / r["seconds"],
        "mb_per_second": size / 2**20 / r["seconds"],
        "peak_mb": r["peak_mb"],
    }
    show("cold_ingest_seconds", r["seconds"], "s")
    show(f"  documents/s ({cores} workers)", files / r["seconds"])
    show("  MB/s", size / 2**20 / r["seconds"])
    show("peak_memory_mb", r["peak_mb"], "MB")
    res["store_mb"] = (
        sum(
            Path(f"{store}{s}").stat().st_size for s in ("", "-wal") if Path(f"{store}{s}").exists()
        )
        / 2**20
    )
    show("store size", res["store_mb"], "MB")
    if not args.skip_one_worker:
        one = ingest(live, work / f"{args.scale}-1.db", 1)
        res["cold_ingest_one_worker"] = {
            "seconds": one["seconds"],
            "documents_per_second": files / one["seconds"],
            "peak_mb": one["peak_mb"],
        }
        show("cold ingest, 1 worker", one["seconds"], "s")
        show("  all cores vs 1 worker (speed-up)", one["seconds"] / r["seconds"], "x")

    again = ingest(live, store, cores, fresh=False)
    res["unchanged_ingest_seconds"] = again["seconds"]
    show("ingest again, nothing changed", again["seconds"], "s")
    changed = change_one_percent(live, args.seed)
    inc = ingest(live, store, cores, fresh=False)
    res["incremental_ingest"] = {"files_changed": len(changed), "seconds": inc["seconds"]}
    show("incremental_ingest_seconds", inc["seconds"], "s")
    show("  files changed (1%)", len(changed))

    print("queries")
    lat = latencies(store)
    res["latency"] = lat
    show("tasks_from_notice_cold_seconds", lat["tasks_from_notice_cold"]["seconds"], "s")
    show(f"  rows ({NOTICE})", lat["tasks_from_notice_rows"])
    show("tasks --from 57-NQ/TW, cold", lat["tasks_from_resolution_cold"]["seconds"], "s")
    show("  rows (every task in the country)", lat["tasks_from_resolution_rows"])
    show("trace 57-NQ/TW, cold", lat["trace_resolution_cold"]["seconds"], "s")
    show(
        f"trace {NOTICE} (all relations), cold",
        lat["trace_notice_all_relations_cold"]["seconds"],
        "s",
    )
    show("agency, cold", lat["agency_cold"]["seconds"], "s")
    show("load the whole graph", lat["load_whole_graph_seconds"], "s")
    show("tasks --from notice, warm", lat["tasks_from_notice_warm_seconds"], "s")
    show("tasks --from 57-NQ/TW, warm", lat["tasks_from_resolution_warm_seconds"], "s")
    show("trace 57-NQ/TW, warm", lat["trace_resolution_warm_seconds"], "s")
    show("agency, warm", lat["agency_warm_seconds"], "s")

    from policy_lineage.graph.store import load_graph

    graph = load_graph(store)
    # accuracy and overlaps against the corpus as generated (the 1% change adds a line)
    print("overlaps")
    ov = overlaps(graph, live, truth)
    planted = ov.pop("_planted")
    res["overlaps"] = ov
    show("overlaps_seconds", ov["seconds"], "s")
    show("  tasks", ov["tasks"] or 0)
    show("overlaps_recall", ov["recall"])
    show("overlaps_precision", ov["precision"])
    show("  kind right (planted groups)", ov["kind_right"])

    print("baseline: all pairs")
    base = baseline(graph, args.sample, args.seed, args.threshold, planted)
    res["baseline"] = base
    if "skipped" in base:
        print("  skipped:", base["skipped"])
    else:
        show("  sample tasks", base["tasks"])
        show("  find_overlaps", base["fast_seconds"], "s")
        show("  rapidfuzz, every pair", base["all_pairs_seconds"], "s")
        show("baseline_speed_ratio", base["speed_ratio"], "x")
        show("  planted pairs in the sample", base["planted_pairs_in_sample"])
        show("  recall, all pairs", base["all_pairs_recall"])
        show("  recall, find_overlaps", base["fast_recall"])
        show("  precision, all pairs", base["all_pairs_precision"])
        show("  precision, find_overlaps", base["fast_precision"])
        show("baseline_recall_lost", base["recall_lost"])

    print("extraction")
    acc = accuracy(graph, live, truth)
    res["accuracy"] = acc
    for k, v in acc.items():
        show(f"  {k}", v)

    peak = max(r["peak_mb"], inc["peak_mb"])
    res["peak_memory_mb"] = peak
    res["targets"] = {
        "cold_ingest_seconds": res["cold_ingest"]["seconds"],
        "incremental_ingest_seconds": inc["seconds"],
        "tasks_from_notice_cold_seconds": lat["tasks_from_notice_cold"]["seconds"],
        "overlaps_seconds": ov["seconds"],
        "overlaps_recall": ov["recall"],
        "overlaps_precision": ov["precision"],
        "baseline_speed_ratio": base.get("speed_ratio"),
        "baseline_recall_lost": base.get("recall_lost"),
        "peak_memory_mb": peak,
    }
    res["verdicts"] = {k: verdict(k, v) for k, v in res["targets"].items()}
    out = Path(args.json) if args.json else HERE / "results" / f"{args.scale}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(res, ensure_ascii=False, indent=2, default=str), "utf-8")
    print(f"figures -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
