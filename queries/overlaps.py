"""Overlapping tasks: the same work assigned more than once, across documents.

:func:`find_overlaps` compares every task of a :class:`LineageGraph` with the tasks of the
*other* documents and returns groups of tasks that are the same work, each labelled:

* ``duplicate``: the same work, with the same lead and deadline, in several documents;
* ``conflicting_lead``: the same work, and the documents name different leads;
* ``conflicting_deadline``: the same work, same leads, different deadlines.

A lead or a deadline a document does not state is not a conflict: a plan that repeats a
letter's task without naming who leads it assigns the work again, not to someone else
(``unstated`` lists what some of the tasks leave out). ``conflicts`` lists every conflict
that applies; ``kind`` is the first of lead, deadline.

Which tasks are compared: only tasks of one *jurisdiction*
(:func:`~policy_lineage.graph.identity.jurisdiction_of`: the central bodies, one
province's own documents, Party and State, or one commune's), since a commune repeating
the province's task for its own offices carries the work down, it does not assign it
twice; not the tasks of a document another one supersedes (a draft beside its promulgated
version: its tasks are no longer assigned); not a task that names no work (only generic
words: "Các cơ quan, đơn vị tổ chức thực hiện nghiêm túc").

How, without comparing all pairs (``N·(N-1)/2`` is 20 billion at 200,000 tasks):

1. **profiles**: each task text is profiled once (:class:`.textsim.FeatureTable`: its
   features as integers); tasks with the same key text in one jurisdiction are one *unique
   text* (exact duplicates cost nothing more); a jurisdiction whose tasks are all in one
   document is skipped;
2. **candidates**, in each jurisdiction: an inverted index over *rare* features (a prefix
   filter, as in set-similarity joins). A unique text's signature is its
   :data:`SIGNATURE_SIZE` rarest features among those held by 2 to :data:`MAX_POSTINGS`
   texts of its jurisdiction, in one order (document frequency, then the feature itself).
   Two texts are a candidate pair when their signatures
   share :data:`MIN_SHARED` features, or one held by at most :data:`RARE` texts.
   Near-duplicates share most of their features, so their rarest ones too; texts that
   share only common words (``triển khai``, ``chuyển đổi số``) never meet, so the work
   grows with the number of tasks, not its square;
3. **scoring**: each candidate pair gets the exact :func:`.textsim.score`; pairs from the
   same document, and from two documents one of which supersedes the other (a promulgated
   plan and its own draft), are not compared;
4. **grouping**: union-find over the pairs scoring at least ``min_score``.

Steps 1-3 see one jurisdiction at a time and nothing else, so the jurisdictions can be
shared out among processes (``jobs``; by default a second one from 20,000 tasks on a machine
with an idle core) and the answer is the same. The cyclic garbage collector is paused
meanwhile: the steps make many small containers and no cycles.

A group's ``score`` is its *weakest link*: the lowest score among the pairs that put it
together (every one at least ``min_score``); ``score_mean`` is their mean.

>>> from policy_lineage.schema.graph_model import DocumentNode, LineageGraph, TaskNode
>>> g = LineageGraph()
>>> for d in ("doc:a", "doc:b"):
...     _ = g.add_document(DocumentNode(id=d, number=d[4:].upper() + "/KH-UBND"))
>>> _ = g.add_task(TaskNode(id="task:1", document_id="doc:a", lead=["Sở Nội vụ"],
...                         text="Rà soát, bảo đảm hạ tầng số dùng chung cấp xã"))
>>> _ = g.add_task(TaskNode(id="task:2", document_id="doc:b", lead=["Sở Tài chính"],
...                         text="Đảm bảo hạ tầng số dùng chung cấp xã, rà soát"))
>>> [(o.kind, o.score, o.tasks) for o in find_overlaps(g)]
[('conflicting_lead', 1.0, ['task:1', 'task:2'])]
"""

from __future__ import annotations

import gc
import os
import pickle
import subprocess
import sys
import tempfile
import time
from array import array
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from itertools import chain
from typing import TYPE_CHECKING, Any

from ..loaders.textnorm import fold, fold_ascii
from . import textsim

if TYPE_CHECKING:  # a worker process (_share_worker) imports this module, and needs none
    from ..schema.graph_model import DocumentNode, LineageGraph, TaskNode
    from .reader import GraphReader

__all__ = [
    "DEFAULT_MIN_SCORE",
    "KINDS",
    "OverlapGroup",
    "OverlapTask",
    "find_overlaps",
    "group_to_json",
    "agency_matcher",
    "agency_matches",
    "agency_keys",
]

# Same work at or above this score. In the Đồng Tháp corpus the repeated tasks score
# 0.65-1.0 and the closest different tasks 0.50 or less; rewritten copies (reordered,
# abbreviated, re-toned, with a lead or a deadline added) score 0.85-1.0. Tasks on the same
# object with another verb or field can reach 0.6-0.75: raise --min-score for fewer of them
# (figures in benchmarks/overlaps_scale.py).
DEFAULT_MIN_SCORE = 0.6
# Candidate generation: the rarest features of a text, among those held by 2..MAX_POSTINGS
# texts, are its signature.
SIGNATURE_SIZE = 10
MAX_POSTINGS = 1000
# A candidate shares MIN_SHARED signature features, or one held by at most RARE texts.
MIN_SHARED = 2
RARE = 20

KINDS = ("duplicate", "conflicting_lead", "conflicting_deadline")


@dataclass
class OverlapTask:
    """One task of a group, with what a reader needs to compare it with the others."""

    id: str
    text: str
    lead: list[str]
    cooperating: list[str]
    deadline: str | None  # ISO date
    deadline_text: str | None
    recurring: bool
    document_id: str
    document: str  # the document's label: its number, or type and title for a draft
    source: str | None  # the file
    ocr: bool = False  # read from a page read by OCR (a scan): check it against the paper

    @classmethod
    def of(cls, task: TaskNode, doc: DocumentNode | None) -> OverlapTask:
        """The member for ``task``, held by ``doc`` (None: a document not in the graph)."""
        return cls(
            id=task.id,
            text=task.text,
            lead=list(task.lead),
            cooperating=list(task.cooperating),
            deadline=task.deadline.isoformat() if task.deadline else None,
            deadline_text=task.deadline_text,
            recurring=task.recurring,
            document_id=task.document_id,
            document=doc.label if doc else task.document_id,
            source=task.source or (doc.source if doc else None),
            ocr=task.ocr,
        )


@dataclass
class OverlapGroup:
    """Tasks that are the same work, from at least two documents.

    ``score`` is the lowest score among the pairs that joined the group (``score_mean``
    their mean); ``pairs`` holds those pairs as ``(task id, task id, score)``.
    """

    kind: str  # one of KINDS
    score: float
    tasks: list[str]  # task ids
    members: list[OverlapTask]
    conflicts: list[str] = field(default_factory=list)  # "lead", "deadline"
    unstated: list[str] = field(default_factory=list)  # "lead", "deadline": some tasks say none
    score_mean: float = 0.0
    pairs: list[tuple[str, str, float]] = field(default_factory=list)

    @property
    def documents(self) -> list[str]:
        """The documents' labels, each once, in the order of the tasks."""
        return list(dict.fromkeys(m.document for m in self.members))


def find_overlaps(
    graph: LineageGraph | GraphReader,
    min_score: float = DEFAULT_MIN_SCORE,
    agency: str | None = None,
    *,
    stats: dict[str, Any] | None = None,
    jobs: int | None = None,
) -> list[OverlapGroup]:
    """Groups of tasks that are the same work assigned in more than one document.

    Strongest group first (score, then size). ``agency`` keeps the groups in which that
    body (any spelling: ``Sở KH&CN``, ``so khoa hoc va cong nghe``) leads or cooperates in
    some task. ``stats``, when given, is filled with timings (seconds) and counts.

    ``jobs`` processes share the jurisdictions out (the answer is the same for any number);
    by default one per :data:`PARALLEL_TASKS` tasks, at most one per core this process may
    run on and per idle core, so a small graph, or a busy machine, keeps one process.

    ``graph`` is a graph or any :class:`~.reader.GraphReader`; a reader that keeps the
    groups a push computed (``stored_overlaps``, at ``overlap_threshold()``) is read, not
    computed again.

    >>> from policy_lineage.schema.graph_model import DocumentNode, LineageGraph, TaskNode
    >>> g = LineageGraph()
    >>> for d in ("doc:a", "doc:b", "doc:c"):
    ...     _ = g.add_document(DocumentNode(id=d, number=d[4:] + "-KH/TU"))
    >>> text = "Bảo đảm 100% xã kết nối đường truyền thông suốt"
    >>> _ = g.add_task(TaskNode(id="t1", document_id="doc:a", text=text))
    >>> _ = g.add_task(TaskNode(id="t2", document_id="doc:b", text=text.upper()))
    >>> _ = g.add_task(TaskNode(id="t3", document_id="doc:c", text="Tổ chức hội chợ công nghệ"))
    >>> [(o.kind, o.documents) for o in find_overlaps(g)]
    [('duplicate', ['a-KH/TU', 'b-KH/TU'])]
    """
    from .reader import as_reader

    reader = as_reader(graph)
    if getattr(reader, "stored_overlaps", None) is not None:
        pushed = reader.overlap_threshold()
        if pushed is not None and abs(pushed - min_score) <= 1e-9:
            # The groups were computed when the graph was written: read them.
            keys = padded = None
            if agency:
                keys = sorted(agency_keys(agency))
                # the same rule as agency_matcher: a known name means that body only
                padded = None if reader.knows_body_keys(keys) else [f" {k} " for k in keys]
            return reader.stored_overlaps(keys, padded)
    with _gc_paused():
        return _computed_overlaps(reader.graph(), min_score, agency, stats, jobs)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """The cyclic garbage collector paused (and restored as it was).

    Finding overlaps makes hundreds of thousands of small lists, tuples and sets and no
    reference cycles; every few thousand of them the collector would walk the objects of the
    whole process (the graph of every task: 20-25% of the time on 20,000 tasks, more in a
    process holding the national graph) and free nothing.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _computed_overlaps(
    graph: LineageGraph,
    min_score: float,
    agency: str | None,
    stats: dict[str, Any] | None,
    jobs: int | None,
) -> list[OverlapGroup]:
    from ..graph.identity import jurisdiction_of

    clock = time.perf_counter
    t0 = clock()
    tasks = list(graph.tasks.values())
    order = {t.id: i for i, t in enumerate(tasks)}
    doc_of = [t.document_id for t in tasks]

    # The tasks of each jurisdiction (the only ones compared with each other), in order.
    replaced = _replaced_documents(graph)
    jurisdiction: dict[str, str] = {}  # of the documents that hold tasks
    places: dict[str, list[int]] = {}
    for i, doc_id in enumerate(doc_of):
        if doc_id in replaced:
            continue
        where = jurisdiction.get(doc_id)
        if where is None:
            doc = graph.documents.get(doc_id)
            where = jurisdiction[doc_id] = jurisdiction_of(doc) if doc is not None else "vn"
        places.setdefault(where, []).append(i)
    # A jurisdiction whose tasks are all in one document has no pair to compare.
    shared = [p for p in places.values() if len({doc_of[i] for i in p}) > 1]
    blocked = _superseding_pairs(graph)
    matcher = _PlaceMatcher([t.text for t in tasks], doc_of, blocked, min_score)
    if jobs is None:
        jobs = _auto_jobs(sum(map(len, shared)))
    found = _in_processes(matcher, shared, jobs)

    # Unique texts numbered place by place, pairs of them at or above min_score.
    members: list[list[int]] = []
    edges: list[tuple[int, int, float]] = []
    for place_members, place_edges in found.places:
        base = len(members)
        members += place_members
        edges += [(base + u, base + v, s) for u, v, s in place_edges]
    t3 = clock()

    # 4. grouping: union-find over tasks; exact duplicates link at 1.0.
    parent = list(range(len(tasks)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    links: list[tuple[int, int, float]] = []  # task index pairs that joined groups

    def link(a: int, b: int, s: float) -> None:
        links.append((a, b, s))
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    for group in members:
        if len(group) > 1:
            _link_across(group, group, 1.0, doc_of, blocked, link)
    for u, v, s in edges:
        _link_across(members[u], members[v], s, doc_of, blocked, link)

    roots = {find(a) for a, _, _ in links}
    by_root: dict[int, list[int]] = {}
    for i in range(len(tasks)):
        root = find(i)
        if root in roots:
            by_root.setdefault(root, []).append(i)
    scores_of: dict[int, list[tuple[int, int, float]]] = {}
    for a, b, s in links:
        scores_of.setdefault(find(a), []).append((a, b, s))

    groups = [
        _make_group(graph, [tasks[i] for i in idx], scores_of[root], tasks, order)
        for root, idx in by_root.items()
    ]
    if agency:
        matches = agency_matcher(agency, graph)
        groups = [g for g in groups if any(matches(m) for m in g.members)]
    groups.sort(key=lambda g: (-g.score, -len(g.tasks), order[g.tasks[0]]))
    t4 = clock()

    if stats is not None:
        stats.update(
            tasks=len(tasks),
            unique_texts=len(members),
            features=len(found.features),
            candidate_pairs=found.candidate_pairs,
            all_pairs=len(tasks) * (len(tasks) - 1) // 2,
            pairs_at_threshold=len(edges),
            groups=len(groups),
            processes=found.processes,
            # seconds in each stage, summed over the processes
            profile_seconds=found.profile_seconds,
            candidate_seconds=found.candidate_seconds,
            scoring_seconds=found.scoring_seconds,
            # wall-clock seconds
            matching_seconds=t3 - t0,
            grouping_seconds=t4 - t3,
            total_seconds=t4 - t0,
        )
    return groups


# Below this many tasks per process, find_overlaps runs in one process: starting another,
# and sending it the texts, cost more than they save (benchmarks/results/
# national_baseline_16g.json). A worker process starts in about the time this one takes to
# match WORKER_START_TASKS tasks, so it is given that many fewer.
PARALLEL_TASKS = 10_000
WORKER_START_TASKS = 3_000


def _auto_jobs(n_tasks: int) -> int:
    """Processes for ``n_tasks`` tasks: one per :data:`PARALLEL_TASKS`, at most one per core
    this process may run on and one per core the machine leaves idle (the 1-minute load,
    which counts this process): on a busy machine a second process only waits its turn."""
    if hasattr(os, "sched_getaffinity"):
        cores = len(os.sched_getaffinity(0))
    else:  # pragma: no cover - macOS, Windows
        cores = os.cpu_count() or 1
    idle = cores
    if hasattr(os, "getloadavg"):
        # rounded, not truncated: a little background work (load 1.2) leaves a core idle
        idle = round(cores + 1 - os.getloadavg()[0])
    return max(1, min(cores, idle, n_tasks // PARALLEL_TASKS))


@dataclass
class _Found:
    """What matching some jurisdictions found: per jurisdiction, its unique texts (each the
    indices of its tasks) and the pairs of them at or above the threshold, ``(u, v, score)``
    with ``u``, ``v`` numbered inside the jurisdiction."""

    places: list[tuple[list[list[int]], list[tuple[int, int, float]]]] = field(default_factory=list)
    features: set[str] = field(default_factory=set)
    candidate_pairs: int = 0
    processes: int = 1
    profile_seconds: float = 0.0
    candidate_seconds: float = 0.0
    scoring_seconds: float = 0.0

    def add(self, other: _Found) -> None:
        self.features |= other.features
        self.candidate_pairs += other.candidate_pairs
        self.processes += other.processes
        self.profile_seconds += other.profile_seconds
        self.candidate_seconds += other.candidate_seconds
        self.scoring_seconds += other.scoring_seconds


class _PlaceMatcher:
    """Steps 1-3 of :func:`find_overlaps` (profiles, candidates, scoring) for a list of
    jurisdictions, each given as the indices of its tasks (into ``texts`` and ``doc_of``).
    What it finds in a jurisdiction depends on that jurisdiction's tasks only, so
    jurisdictions can be matched in any grouping, in one process or several."""

    def __init__(
        self, texts: list[str], doc_of: list[str], blocked: set[frozenset[str]], min_score: float
    ) -> None:
        self.texts = texts
        self.doc_of = doc_of
        self.blocked = blocked
        self.min_score = min_score
        self.blocked_with: dict[str, set[str]] = {}  # document → those not compared with it
        for pair in blocked:
            x, y = pair
            self.blocked_with.setdefault(x, set()).add(y)
            self.blocked_with.setdefault(y, set()).add(x)

    def __call__(self, places: list[list[int]]) -> _Found:
        texts = self.texts
        table = textsim.FeatureTable()
        weight = table.weights.__getitem__
        light = textsim.UNIGRAM_WEIGHT
        profiles: dict[str, tuple[tuple[int, ...], list[int]] | None] = {}  # text → key, ids
        found = _Found()
        clock = time.perf_counter
        for place in places:
            # 1. profiles: one per unique key text; tasks with one key are one unique text.
            t0 = clock()
            unique: dict[tuple[int, ...], int] = {}
            members: list[list[int]] = []
            feats: list[list[int]] = []
            totals: list[int] = []
            for i in place:
                text = texts[i]
                prof = profiles.get(text, False)
                if prof is False:
                    key, ids = table.features(text)
                    # nothing but "tổ chức thực hiện nghiêm túc": no work named
                    named = ids and max(map(weight, ids)) >= light
                    prof = profiles[text] = (key, ids) if named else None
                if prof is None:
                    continue
                u = unique.get(prof[0])
                if u is None:
                    u = unique[prof[0]] = len(members)
                    feats.append(prof[1])
                    totals.append(sum(map(weight, prof[1])))
                    members.append([])
                members[u].append(i)
            t1 = t2 = clock()
            edges: list[tuple[int, int, float]] = []
            if len(members) > 1:
                # 2. candidates: signatures of the features rare in this jurisdiction.
                probe, other = _candidates(feats, table.names)
                found.candidate_pairs += len(probe)
                t2 = clock()
                # 3. scoring
                edges = self._scored(probe, other, members, feats, totals, weight)
            found.places.append((members, edges))
            t3 = clock()
            found.profile_seconds += t1 - t0
            found.candidate_seconds += t2 - t1
            found.scoring_seconds += t3 - t2
        found.features = set(table.names)
        return found

    def _scored(
        self,
        left: array,
        right: array,
        members: list[list[int]],
        feats: list[list[int]],
        totals: list[int],
        weight: Callable[[int], int],
    ) -> list[tuple[int, int, float]]:
        """The candidate pairs scoring at least ``min_score``, grouped by the probing text."""
        doc_of = self.doc_of
        blocked = self.blocked
        udocs = [frozenset(doc_of[i] for i in m) for m in members]
        # the one document of a unique text's tasks, or None when they are in several
        udoc = [next(iter(d)) if len(d) == 1 else None for d in udocs]
        nothing: set[str] = set()
        combine = textsim.combine
        min_score = self.min_score
        edges: list[tuple[int, int, float]] = []
        n_pairs = len(left)
        k = 0
        while k < n_pairs:
            u = left[k]
            fu = set(feats[u])
            wu = totals[u]
            du = udoc[u]
            apart = self.blocked_with.get(du, nothing) if du is not None else nothing
            while k < n_pairs and left[k] == u:
                v = right[k]
                k += 1
                dv = udoc[v]
                if du is not None and dv is not None:
                    if du == dv or dv in apart:
                        continue
                elif not _crosses(udocs[u], udocs[v], blocked):
                    continue
                wv = totals[v]
                # Length filter: the best score these two sizes allow.
                if combine(min(wu, wv), wu, wv) < min_score:
                    continue
                s = combine(sum(map(weight, fu.intersection(feats[v]))), wu, wv)
                if s >= min_score:
                    edges.append((u, v, s))
        return edges


def _in_processes(matcher: _PlaceMatcher, places: list[list[int]], jobs: int) -> _Found:
    """``matcher(places)``, with the places shared out among ``jobs`` processes.

    ``jobs - 1`` new Python processes (:func:`_share_worker`) each get a share: its tasks'
    texts and documents, pickled in a temporary file, so this process goes on with its own
    share at once and reads theirs when done. A new process, not a fork: a fork copies the
    page tables of this process (75-120 ms for the 1.7 GB of a process holding the national
    graph, and as long again to tear them down) and is unsafe beside other threads; a new
    one starts in about 0.13 s whatever this process holds, while this one works, and is
    given that much less to do (:data:`WORKER_START_TASKS`). A share whose process fails
    is done here.
    """
    if jobs <= 1 or len(places) < 2:
        return matcher(places)
    # Share the places out by their number of tasks, largest first, to the lightest share;
    # a worker's share starts heavier by the work this process does while it starts (at
    # most half an even share, so that a small graph is shared out too).
    n_shares = min(jobs, len(places))
    shares: list[list[int]] = [[] for _ in range(n_shares)]
    head = min(WORKER_START_TASKS, sum(map(len, places)) // (2 * n_shares))
    loads = [0] + [head] * (n_shares - 1)
    for p in sorted(range(len(places)), key=lambda p: -len(places[p])):
        lightest = loads.index(min(loads))
        shares[lightest].append(p)
        loads[lightest] += len(places[p])
    workers: list[tuple[subprocess.Popen[bytes] | None, list[int], list[int]]] = []
    try:
        for share in shares[1:]:
            if share:
                workers.append((*_start_worker(matcher, [places[p] for p in share]), share))
        found = matcher([places[p] for p in shares[0]])
        by_place = dict(zip(shares[0], found.places, strict=True))
        for proc, index, share in workers:
            theirs: _Found | None = None
            if proc is not None:
                out, _ = proc.communicate()
                if proc.returncode == 0:
                    with suppress(Exception):
                        theirs = pickle.loads(out)
            if theirs is None:  # the worker failed: its share is done here
                theirs = matcher([places[p] for p in share])
                theirs.processes = 0  # no other process did any of it
            else:  # its tasks were numbered in its share: back to this graph's numbers
                theirs.places = [
                    ([[index[i] for i in m] for m in members], edges)
                    for members, edges in theirs.places
                ]
            by_place.update(zip(share, theirs.places, strict=True))
            found.add(theirs)
    finally:
        for proc, _, _ in workers:
            if proc is not None and proc.poll() is None:  # left when this one failed
                proc.kill()
                proc.wait()
    found.places = [by_place[p] for p in range(len(places))]
    return found


def _start_worker(
    matcher: _PlaceMatcher, places: list[list[int]]
) -> tuple[subprocess.Popen[bytes] | None, list[int]]:
    """A new process matching ``places`` (None when it cannot start), and the tasks of its
    share in the order it numbers them."""
    index = [i for place in places for i in place]
    numbered: list[list[int]] = []
    start = 0
    for place in places:
        numbered.append(list(range(start, start + len(place))))
        start += len(place)
    payload = {
        "module": __file__,
        "texts": [matcher.texts[i] for i in index],
        "doc_of": [matcher.doc_of[i] for i in index],
        "blocked": matcher.blocked,
        "min_score": matcher.min_score,
        "places": numbered,
    }
    with tempfile.TemporaryFile() as data:
        data.write(pickle.dumps(payload, pickle.HIGHEST_PROTOCOL))
        data.seek(0)
        try:
            proc = subprocess.Popen(
                [sys.executable, "-c", f"from {__name__} import _share_worker; _share_worker()"],
                stdin=data,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
            )
        except OSError:
            return None, index
    return proc, index


def _share_worker() -> None:
    """A worker's main: the payload of :func:`_start_worker` on stdin, what
    :class:`_PlaceMatcher` found pickled on stdout. Exits 2 when it is not the same module
    as the process that started it (another installation): that one does the share."""
    gc.disable()
    payload = pickle.load(sys.stdin.buffer)
    if os.path.realpath(payload["module"]) != os.path.realpath(__file__):
        sys.exit(2)
    matcher = _PlaceMatcher(
        payload["texts"], payload["doc_of"], payload["blocked"], payload["min_score"]
    )
    found = matcher(payload["places"])
    sys.stdout.buffer.write(pickle.dumps(found, pickle.HIGHEST_PROTOCOL))
    sys.stdout.flush()


def _candidates(feats: list[list[int]], names: list[str]) -> tuple[array, array]:
    """Candidate pairs of unique texts as two arrays ``(probe, other)``, probes in order.

    The signature of a text is its :data:`SIGNATURE_SIZE` rarest features (held by
    2..:data:`MAX_POSTINGS` texts; ties broken by the feature itself, ``names[id]``, so the
    order is the same for every text and does not depend on how features were numbered). ``(u, v)`` is a candidate when their signatures share :data:`MIN_SHARED`
    features, or one feature held by at most :data:`RARE` texts. Near-duplicates share most
    features, so their rarest ones too (the prefix filter of set-similarity joins); texts
    that only share common words never meet. The index is built while probing, so each pair
    is emitted once.
    """
    df = Counter(chain.from_iterable(feats))
    # Features held by 2..MAX_POSTINGS texts, rarest first, numbered from 1: a signature is
    # the smallest numbers of a text, and the first `rare` numbers are the RARE features.
    order = sorted((n, names[f], f) for f, n in df.items() if 2 <= n <= MAX_POSTINGS)
    rank = {f: r for r, (_, _, f) in enumerate(order, 1)}
    rare = sum(1 for n, _, _ in order if n <= RARE)
    del df, order
    postings: list[list[int]] = [[] for _ in range(len(rank) + 1)]
    probe = array("i")
    other = array("i")
    for u, ids in enumerate(feats):
        signature = sorted(filter(None, map(rank.get, ids)))[:SIGNATURE_SIZE]
        strong: set[int] = set()  # texts met on a rare feature
        weak: list[int] = []  # texts met on another, once per shared feature
        for r in signature:
            p = postings[r]
            if p:
                if r <= rare:
                    strong.update(p)
                else:
                    weak += p
            p.append(u)
        if weak:
            strong.update(v for v, n in Counter(weak).items() if n >= MIN_SHARED)
        if strong:
            found = sorted(strong)
            probe.extend([u] * len(found))
            other.extend(found)
    return probe, other


def _replaced_documents(graph: LineageGraph) -> set[str]:
    """Documents another one in the graph supersedes (a draft beside its promulgated
    version, a plan its replacement names): their tasks are no longer assigned."""
    return {
        e.target
        for e in graph.edges
        if e.kind == "supersedes" and e.source != e.target and e.source in graph.documents
    }


def _superseding_pairs(graph: LineageGraph) -> set[frozenset[str]]:
    """Pairs of documents one of which supersedes the other (its tasks replace, not repeat)."""
    return {
        frozenset((e.source, e.target))
        for e in graph.edges
        if e.kind == "supersedes" and e.source != e.target
    }


def _crosses(a: frozenset[str], b: frozenset[str], blocked: set[frozenset[str]]) -> bool:
    """Whether documents ``a`` and ``b`` hold a pair of tasks to compare."""
    if len(a) == 1 and len(b) == 1 and not blocked:
        return a != b
    return any(x != y and frozenset((x, y)) not in blocked for x in a for y in b)


def _link_across(
    a: list[int],
    b: list[int],
    s: float,
    doc_of: list[str],
    blocked: set[frozenset[str]],
    link: Callable[[int, int, float], None],
) -> None:
    """Link each task of ``a`` to one task of ``b`` in another document, and back."""
    for side, others in ((a, b), (b, a)):
        first: dict[str, int] = {}
        for j in others:
            first.setdefault(doc_of[j], j)
        for i in side:
            for doc, j in first.items():
                if doc != doc_of[i] and frozenset((doc, doc_of[i])) not in blocked:
                    link(min(i, j), max(i, j), s)
                    break


def _make_group(
    graph: LineageGraph,
    group_tasks: list[TaskNode],
    pair_scores: list[tuple[int, int, float]],
    tasks: list[TaskNode],
    order: dict[str, int],
) -> OverlapGroup:
    group_tasks.sort(key=lambda t: (_doc_sort_key(graph, t.document_id), order[t.id]))
    members = [OverlapTask.of(t, graph.documents.get(t.document_id)) for t in group_tasks]
    seen: dict[tuple[int, int], float] = {}
    for a, b, s in pair_scores:
        seen[(a, b)] = max(s, seen.get((a, b), 0.0))
    scores = list(seen.values())
    leads = {frozenset(fold(n) for n in t.lead) for t in group_tasks if t.lead}
    deadlines = {k for k in (_deadline_key(t) for t in group_tasks) if k is not None}
    conflicts = [
        name for name, values in (("lead", leads), ("deadline", deadlines)) if len(values) > 1
    ]
    unstated = []
    if any(not t.lead for t in group_tasks):
        unstated.append("lead")
    if any(_deadline_key(t) is None for t in group_tasks):
        unstated.append("deadline")
    kind = {"lead": "conflicting_lead", "deadline": "conflicting_deadline"}.get(
        conflicts[0] if conflicts else "", "duplicate"
    )
    return OverlapGroup(
        kind=kind,
        score=round(min(scores), 4),
        tasks=[t.id for t in group_tasks],
        members=members,
        conflicts=conflicts,
        unstated=unstated,
        score_mean=round(sum(scores) / len(scores), 4),
        pairs=sorted(
            ((tasks[a].id, tasks[b].id, round(s, 4)) for (a, b), s in seen.items()),
            key=lambda p: (-p[2], order[p[0]], order[p[1]]),
        ),
    )


def _doc_sort_key(graph: LineageGraph, doc_id: str) -> tuple[str, str]:
    doc = graph.documents.get(doc_id)
    if doc is None:
        return ("", doc_id)
    return (doc.date.isoformat() if doc.date else "", doc.source or doc.label)


def _deadline_key(task: TaskNode) -> str | None:
    """What a deadline is compared by: the date; else "recurring"; else its words; else None."""
    if task.deadline:
        return task.deadline.isoformat()
    if task.recurring:
        return "recurring"
    if task.deadline_text:
        return fold(task.deadline_text)
    return None


def agency_keys(name: str) -> set[str]:
    """A body's name folded two ways: abbreviations unified (``UBND`` = ``Ủy ban nhân dân``)
    and as written; both without diacritics.

    >>> agency_keys("Sở KH&CN") & agency_keys("Sở Khoa học và Công nghệ")
    {'so _khcn'}
    """
    return {
        " ".join(fold_ascii(textsim.canonical(name)).split()),
        " ".join(textsim.WORD_RE.findall(fold_ascii(name))),
    } - {""}


def agency_matcher(name: str, graph: LineageGraph | None = None) -> Callable[[Any], bool]:
    """A test of whether the body ``name`` leads or cooperates in a task (see
    :func:`agency_matches`); build it once, apply it to many tasks.

    >>> from policy_lineage.queries.example import example_graph
    >>> g = example_graph()
    >>> matches = agency_matcher("Sở KH&CN", g)
    >>> [t.id for t in g.tasks.values() if matches(t)]
    ['task:2', 'task:4']
    """
    query = agency_keys(name)
    forms: dict[str, set[str]] = {}  # a body's name → the keys it is known by
    if graph is not None:
        for a in graph.agencies.values():
            keys = forms.setdefault(a.name, agency_keys(a.name))
            for alias in a.aliases:
                keys.update(agency_keys(alias))
        for t in graph.tasks.values():
            for body in (*t.lead, *t.cooperating):
                if body not in forms:
                    forms[body] = agency_keys(body)
    # A name that is some body's name or alias means that body only; any other name
    # matches as whole words of longer names.
    exact = any(not query.isdisjoint(keys) for keys in forms.values())
    padded = [f" {q} " for q in query]

    def keys_of(body: str) -> set[str]:
        keys = forms.get(body)
        if keys is None:
            keys = forms[body] = agency_keys(body)
        return keys

    def matches(task: Any) -> bool:
        for body in (*task.lead, *task.cooperating):
            keys = keys_of(body)
            if not query.isdisjoint(keys):
                return True
            if not exact and any(q in f" {k} " for q in padded for k in keys):
                return True
        return False

    return matches


def agency_matches(
    task: OverlapTask | TaskNode, name: str, graph: LineageGraph | None = None
) -> bool:
    """Whether the body ``name`` leads or cooperates in ``task``.

    Names are compared folded: case, tone style, abbreviations (``UBND``, ``KH&CN``) and,
    for people typing without them, diacritics. A name that is a known body's name or alias
    (in ``graph``) matches that body only; any other name matches as whole words of a longer
    one (``Sở Khoa học`` matches ``Sở Khoa học và Công nghệ``).

    >>> t = OverlapTask("t", "…", ["Sở Khoa học và Công nghệ"], ["Công an tỉnh"], None, None,
    ...                 False, "d", "1/KH-UBND", None)
    >>> agency_matches(t, "so KH&CN"), agency_matches(t, "CÔNG AN TỈNH")
    (True, True)
    >>> agency_matches(t, "Sở Khoa học"), agency_matches(t, "Sở Nội vụ")
    (True, False)
    """
    return agency_matcher(name, graph)(task)


def group_to_json(group: OverlapGroup, graph: LineageGraph | None = None) -> dict[str, Any]:
    """One group in the ``overlaps --format json`` contract, with extra keys.

    Contract keys: ``kind``, ``score``, ``tasks`` with ``text``, ``lead``, ``deadline``,
    ``document``. Extra: ``conflicts``, ``unstated``, ``score_mean``, ``documents``, ``pairs``
    and, per task, ``id``, ``cooperating``, ``deadline_text``, ``recurring``, ``document_id``,
    ``source``, ``ocr`` (and, with ``graph``, the document's ``date`` and ``is_draft``).

    >>> t = OverlapTask("task:1", "Rà soát hạ tầng số", ["Sở Nội vụ"], [], "2025-06-30",
    ...                 "trong tháng 6/2025", False, "doc:a", "359-KH/TU", "a.txt")
    >>> g = OverlapGroup("duplicate", 0.9, ["task:1"], [t])
    >>> sorted(group_to_json(g)["tasks"][0])[:5]
    ['cooperating', 'deadline', 'deadline_text', 'document', 'document_id']
    """
    out_tasks = []
    for m in group.members:
        rec: dict[str, Any] = {
            "text": m.text,
            "lead": m.lead,
            "deadline": m.deadline,
            "document": m.document,
            "id": m.id,
            "cooperating": m.cooperating,
            "deadline_text": m.deadline_text,
            "recurring": m.recurring,
            "document_id": m.document_id,
            "source": m.source,
            "ocr": m.ocr,
        }
        doc = graph.documents.get(m.document_id) if graph is not None else None
        if doc is not None:
            rec["document_date"] = doc.date.isoformat() if doc.date else None
            rec["document_is_draft"] = doc.is_draft
        out_tasks.append(rec)
    return {
        "kind": group.kind,
        "score": group.score,
        "tasks": out_tasks,
        "conflicts": group.conflicts,
        "unstated": group.unstated,
        "score_mean": group.score_mean,
        "documents": group.documents,
        "pairs": [{"a": a, "b": b, "score": s} for a, b, s in group.pairs],
    }
