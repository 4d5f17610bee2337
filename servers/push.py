"""Push the lineage graph to a graph server (Neo4j or FalkorDB), idempotently.

:func:`push` writes what :func:`graph_rows` makes of a :class:`LineageGraph`:

1. the schema (unique ids, indexes: :meth:`.servers.Backend.ensure_schema`);
2. the nodes, one label at a time, then the relationships, one type (and pair of
   labels) at a time, in batches of ``UNWIND $rows AS row MERGE …`` (:mod:`.cypher`),
   each batch one transaction; every value is a parameter;
3. the findings and the overlap groups ``find_overlaps`` computes, so the server can
   answer ``overlaps`` too;
4. **the sweep**: every node and relationship written in step 2-3 carries ``gen``, the
   content hash of the pushed graph; once all of it is in, whatever of ours carries
   another ``gen`` (facts of an older graph that this one no longer has) is deleted, in
   batches.

So pushing twice leaves the same graph (the same MERGE keys and the same values, down
to ``gen``); pushing after a rebuild updates what changed (absent fields are sent as
null, which removes them) and removes what is gone; a push killed half-way leaves the
old facts plus some new ones, and a re-run finishes the job. A ``(:LineageMeta)`` node
records the last push (``gen``, ``status`` ``writing`` or ``complete``, the overlap
threshold) — the server queries refuse a graph whose push has not completed.

Values are flattened for FalkorDB (no maps, no lists holding null): dates become ISO
strings, ``span`` a ``[start, end]`` list, None leaves lists; relationships carry their
model ``kind`` (``assigned-to``) besides the type (``ASSIGNED_TO``).
"""

from __future__ import annotations

import hashlib
import json
import time
from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from ..loaders.textnorm import fold_ascii
from ..queries.overlaps import DEFAULT_MIN_SCORE, agency_keys, find_overlaps
from ..schema.graph_model import LineageGraph, edge_record, node_record
from .connections import Backend
from .cypher import (
    ALL_REL_TYPES,
    GET_META,
    LABELS,
    MEMBER_TYPE,
    META_ID,
    merge_edges,
    merge_nodes,
    rel_type,
    sweep_edges,
    sweep_nodes,
)

__all__ = [
    "PUSH_FORMAT",
    "NodeBatch",
    "EdgeBatch",
    "GraphRows",
    "PushReport",
    "graph_rows",
    "content_hash",
    "push",
    "clean",
    "server_meta",
]

PUSH_FORMAT = "2"  # the layout on the server (2: no empty lists); part of the content hash
DEFAULT_BATCH = 1000
SWEEP_BATCH = 5000


# ---------------------------------------------------------------------- rows


@dataclass
class NodeBatch:
    label: str
    rows: list[dict[str, Any]] = field(default_factory=list)  # {"id", "props"}
    # rows made as they are read (a push at national scale: no list of them all), and
    # how many there are; None: ``rows`` holds them
    produce: Callable[[], Iterator[dict[str, Any]]] | None = None
    size: int = 0

    def __len__(self) -> int:
        return len(self.rows) if self.produce is None else self.size

    def iter_rows(self) -> Iterator[dict[str, Any]]:
        return iter(self.rows) if self.produce is None else self.produce()


@dataclass
class EdgeBatch:
    kind: str  # relationship type (IMPLEMENTS, …, HAS_MEMBER)
    source_label: str
    target_label: str
    rows: list[dict[str, Any]] = field(default_factory=list)  # {"s", "t", "key", "props"}
    produce: Callable[[], Iterator[dict[str, Any]]] | None = None  # as in NodeBatch
    size: int = 0

    def __len__(self) -> int:
        return len(self.rows) if self.produce is None else self.size

    def iter_rows(self) -> Iterator[dict[str, Any]]:
        return iter(self.rows) if self.produce is None else self.produce()


@dataclass
class GraphRows:
    """What is pushed: nodes by label, relationships by type and labels."""

    gen: str  # the content hash
    nodes: list[NodeBatch]
    edges: list[EdgeBatch]
    meta: dict[str, Any]
    skipped_edges: int = 0  # edges whose end is not a node of the graph

    @property
    def total(self) -> int:
        return sum(len(b) for b in self.nodes) + sum(len(b) for b in self.edges)

    def node_counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for b in self.nodes:
            out[b.label] = out.get(b.label, 0) + len(b)
        return out

    def edge_counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for b in self.edges:
            out[b.kind] = out.get(b.kind, 0) + len(b)
        return out


def clean(value: Any) -> Any:
    """A property value both servers can hold: dates as ISO strings, tuples as lists,
    no None inside lists, maps as JSON text.

    >>> clean([("a", None), date(2025, 9, 30), {"k": 1}])
    [['a'], '2025-09-30', '{"k": 1}']
    """
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [clean(v) for v in value if v is not None]
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def prop(value: Any) -> Any:
    """A property as pushed: :func:`clean`, and an empty list as null (no property), as
    ``neo4j-admin`` leaves an empty array out: every path into a server holds the same
    properties, and a reader restores the empty list from the model's default.

    >>> prop([]), prop([None]), prop(["a"])
    (None, None, ['a'])
    """
    value = clean(value)
    return None if value == [] else value


def _digest(*parts: Any) -> str:
    text = json.dumps(parts, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def content_hash(graph: LineageGraph, min_score: float | None = None) -> str:
    """The identity of what a push of ``graph`` writes: equal graphs, equal hashes.

    The node-link records are hashed one by one, not as one document: at national scale the
    whole document would hold another copy of the graph (1.3 GB) only to be hashed."""
    h = hashlib.sha256()

    def feed(value: Any) -> None:
        h.update(json.dumps(value, ensure_ascii=False, sort_keys=True, default=str).encode())
        h.update(b"\n")

    feed([PUSH_FORMAT, min_score, [asdict(f) for f in graph.findings]])
    for node in graph.nodes():
        feed(node_record(node))
    feed("edges")
    for edge in graph.edges:
        feed(edge_record(edge))
    return h.hexdigest()[:20]


def _agency_forms(graph: LineageGraph) -> tuple[dict[str, list[str]], Callable[[str], set[str]]]:
    """The folded keys by which the overlap filter knows a body (as
    ``queries.overlaps.agency_matcher`` builds them from the graph)."""
    forms: dict[str, set[str]] = {}
    for a in graph.agencies.values():
        keys = forms.setdefault(a.name, agency_keys(a.name))
        for alias in a.aliases:
            keys.update(agency_keys(alias))

    def keys_of(body: str) -> set[str]:
        keys = forms.get(body)
        if keys is None:
            keys = forms[body] = agency_keys(body)
        return keys

    return {name: sorted(keys) for name, keys in forms.items()}, keys_of


def graph_rows(
    graph: LineageGraph,
    overlaps: bool = True,
    min_score: float | None = None,
    gen: str | None = None,
    lazy: bool = False,
) -> GraphRows:
    """The rows a push writes (also what the Neo4j CSV and Cypher exports hold).

    ``overlaps``: also the groups :func:`queries.overlaps.find_overlaps` computes at
    ``min_score`` (its default when None). ``gen``: the graph's content hash at that
    threshold, when the caller has it already. ``lazy``: the rows of nodes and edges are
    made as each batch is read (in the same order, with the same values), not held: a push
    of the national graph then needs little more memory than the graph."""
    groups: list[Any] = []
    if overlaps:
        min_score = DEFAULT_MIN_SCORE if min_score is None else min_score
        groups = find_overlaps(graph, min_score)
    else:
        min_score = None
    gen = gen or content_hash(graph, min_score)

    forms, keys_of = _agency_forms(graph) if overlaps else ({}, None)

    def node_row(seq: int, node: Any) -> dict[str, Any]:
        rec = {k: prop(v) for k, v in node_record(node).items()}
        rec["seq"] = seq
        if node.kind == "Agency":
            rec["search_forms"] = [fold_ascii(f) for f in [node.name, *node.aliases]]
            if overlaps:
                rec["agency_keys"] = forms.get(node.name, [])
        elif node.kind == "Task" and keys_of is not None:
            keys: set[str] = set()
            for body in (*node.lead, *node.cooperating):
                keys |= keys_of(body)
            rec["agency_keys"] = sorted(keys)
        return {"id": node.id, "props": rec}

    label_of: dict[str, str] = {node.id: node.kind for node in graph.nodes()}
    batches = {name: NodeBatch(name) for name in LABELS}
    if lazy:
        for node in graph.nodes():
            batches[node.kind].size += 1
        for name, batch in batches.items():
            if batch.size:
                batch.produce = lambda name=name: (
                    node_row(seq, node)
                    for seq, node in enumerate(graph.nodes())
                    if node.kind == name
                )
    else:
        for seq, node in enumerate(graph.nodes()):
            batches[node.kind].rows.append(node_row(seq, node))

    def group_of(edge: Any) -> tuple[str, str, str] | None:
        source, target = label_of.get(edge.source), label_of.get(edge.target)
        if source is None or target is None:
            return None
        return (rel_type(edge.kind), source, target)

    # each edge's group, as an index into ``groups_seen`` (-1: an end is not a node)
    groups_seen: list[tuple[str, str, str]] = []
    index: dict[tuple[str, str, str], int] = {}
    edge_group = array("i")
    for edge in graph.edges:
        group = group_of(edge)
        edge_group.append(-1 if group is None else index.setdefault(group, len(index)))
        if group is not None and len(groups_seen) < len(index):
            groups_seen.append(group)

    def edge_rows(only: int | None) -> Iterator[tuple[Any, dict[str, Any]]]:
        # the same record twice (in one group: same type and ends) gets "#1", "#2" …
        seen: dict[str, int] = {}
        for seq, edge in enumerate(graph.edges):
            gi = edge_group[seq]
            if gi < 0 or (only is not None and gi != only):
                continue
            group = groups_seen[gi]
            record = edge_record(edge)
            rec = {k: prop(v) for k, v in record.items()}
            del rec["source"], rec["target"]
            key = _digest(record)
            n = seen[key] = seen.get(key, -1) + 1
            rec["seq"] = seq
            row = {"s": edge.source, "t": edge.target, "key": f"{key}#{n}" if n else key}
            yield group, {**row, "props": rec}

    edge_batches: dict[tuple[str, str, str], EdgeBatch] = {}
    skipped = 0
    if lazy:
        for gi in edge_group:
            if gi < 0:
                skipped += 1
                continue
            edge_batches.setdefault(groups_seen[gi], EdgeBatch(*groups_seen[gi])).size += 1
        for gi, group in enumerate(groups_seen):
            edge_batches[group].produce = lambda gi=gi: (row for _, row in edge_rows(gi))
    else:
        skipped = sum(1 for gi in edge_group if gi < 0)
        for group, row in edge_rows(None):
            edge_batches.setdefault(group, EdgeBatch(*group)).rows.append(row)

    seen = {}
    for seq, finding in enumerate(graph.findings):
        rec = {k: prop(v) for k, v in finding.__dict__.items()}
        key = _digest(rec)
        n = seen[key] = seen.get(key, -1) + 1
        fid = f"finding:{key}" + (f"#{n}" if n else "")
        batches["Finding"].rows.append({"id": fid, "props": {"id": fid, **rec, "seq": seq}})

    members = EdgeBatch(MEMBER_TYPE, "OverlapGroup", "Task")
    for seq, g in enumerate(groups):
        gid = f"overlap:{_digest(min_score, g.tasks)}"
        props = {
            "id": gid,
            "kind": g.kind,
            "score": float(g.score),
            "score_mean": float(g.score_mean),
            "tasks": list(g.tasks),
            "conflicts": prop(list(g.conflicts)),
            "unstated": prop(list(g.unstated)),
            "pair_a": [p[0] for p in g.pairs],
            "pair_b": [p[1] for p in g.pairs],
            "pair_score": [float(p[2]) for p in g.pairs],
            "min_score": float(min_score) if min_score is not None else None,
            "seq": seq,
        }
        batches["OverlapGroup"].rows.append({"id": gid, "props": props})
        for pos, task_id in enumerate(g.tasks):
            members.rows.append(
                {"s": gid, "t": task_id, "key": f"{gid}|{task_id}", "props": {"pos": pos}}
            )
    edge_list = list(edge_batches.values())
    if members.rows:
        edge_list.append(members)

    meta = {
        "id": META_ID,
        "format": PUSH_FORMAT,
        "status": "complete",
        "overlap_min_score": float(min_score) if min_score is not None else None,
        "counts": json.dumps(graph.counts(), ensure_ascii=False, sort_keys=True),
    }
    nodes = [b for name, b in batches.items() if len(b) and name != "LineageMeta"]
    return GraphRows(gen, nodes, edge_list, meta, skipped)


# ---------------------------------------------------------------------- pushing


@dataclass
class PushReport:
    uri: str
    gen: str
    nodes: dict[str, int]  # rows written, by label
    relationships: dict[str, int]  # by type
    deleted_nodes: int = 0
    deleted_relationships: int = 0
    skipped_edges: int = 0
    unchanged: bool = False  # the server held this very graph already
    seconds: float = 0.0
    phases: dict[str, float] = field(default_factory=dict)  # seconds: nodes, edges, sweep

    @property
    def node_total(self) -> int:
        return sum(self.nodes.values())

    @property
    def relationship_total(self) -> int:
        return sum(self.relationships.values())


def _chunks(rows: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def server_meta(backend: Backend) -> dict[str, Any] | None:
    """The ``(:LineageMeta)`` properties of the last push, or None."""
    rows = backend.read(GET_META, {"id": META_ID})
    return dict(rows[0]["meta"]) if rows else None


def push(
    graph: LineageGraph,
    backend: Backend,
    batch_size: int = DEFAULT_BATCH,
    progress: Callable[[str, int, int], None] | None = None,
    overlaps: bool = True,
    rows: GraphRows | None = None,
) -> PushReport:
    """Write ``graph`` to ``backend`` (see the module's doc); a :class:`PushReport`.

    ``progress(stage, done, total)`` is called after every batch (rows so far, in all).
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    started = time.perf_counter()
    if rows is None:
        # the server already holds this very graph, completely: say so before computing the
        # overlap groups and every row (a minute and gigabytes at national scale)
        gen = content_hash(graph, DEFAULT_MIN_SCORE if overlaps else None)
        held = server_meta_or_none(backend)
        if held is not None and held.get("gen") == gen and held.get("status") == "complete":
            on_server = count_on_server(backend)
            return PushReport(
                backend.name,
                gen,
                {k: n for k, n in on_server.items() if k in LABELS and k != "LineageMeta" and n},
                {k: n for k, n in on_server.items() if k in ALL_REL_TYPES and n},
                unchanged=True,
                seconds=time.perf_counter() - started,
            )
        # hashed once, above; rows made batch by batch as they are written
        rows = graph_rows(graph, overlaps=overlaps, gen=gen, lazy=True)
    before = server_meta_or_none(backend)
    backend.ensure_schema()
    gen = rows.gen
    meta_row = {"id": META_ID, "props": {**rows.meta, "status": "writing", "gen_writing": gen}}
    backend.write(merge_nodes("LineageMeta"), {"rows": [meta_row], "gen": gen})

    done, total = 0, rows.total
    if progress:
        progress("nodes", 0, total)
    phases: dict[str, float] = {}
    mark = time.perf_counter()
    for batch in rows.nodes:
        statement = merge_nodes(batch.label)
        for chunk in _chunks(batch.iter_rows(), batch_size):
            backend.write(statement, {"rows": chunk, "gen": gen})
            done += len(chunk)
            if progress:
                progress(batch.label, done, total)
    phases["nodes"], mark = time.perf_counter() - mark, time.perf_counter()
    for eb in rows.edges:
        statement = merge_edges(eb.kind, eb.source_label, eb.target_label)
        for chunk in _chunks(eb.iter_rows(), batch_size):
            backend.write(statement, {"rows": chunk, "gen": gen})
            done += len(chunk)
            if progress:
                progress(eb.kind, done, total)

    phases["edges"], mark = time.perf_counter() - mark, time.perf_counter()
    # The new graph is in: remove what it no longer has.
    deleted_rels = 0
    for kind in ALL_REL_TYPES:
        deleted_rels += _sweep(backend, sweep_edges(kind), gen)
    deleted_nodes = 0
    for name in LABELS:
        if name != "LineageMeta":
            deleted_nodes += _sweep(backend, sweep_nodes(name), gen)
    phases["sweep"] = time.perf_counter() - mark
    final = {**rows.meta, "status": "complete", "gen_writing": None}
    backend.write(
        merge_nodes("LineageMeta"), {"rows": [{"id": META_ID, "props": final}], "gen": gen}
    )

    unchanged = (
        before is not None
        and before.get("gen") == gen
        and before.get("status") == "complete"
        and not deleted_nodes
        and not deleted_rels
    )
    return PushReport(
        backend.name,
        gen,
        rows.node_counts(),
        rows.edge_counts(),
        deleted_nodes,
        deleted_rels,
        rows.skipped_edges,
        unchanged,
        time.perf_counter() - started,
        phases,
    )


def server_meta_or_none(backend: Backend) -> dict[str, Any] | None:
    try:
        return server_meta(backend)
    except Exception:
        return None  # an empty server (no graph, no label yet); a dead one fails next


def _sweep(backend: Backend, statement: str, gen: str) -> int:
    deleted = 0
    while True:
        result = backend.write(statement, {"gen": gen, "limit": SWEEP_BATCH})
        n = int(result[0]["deleted"]) if result else 0
        deleted += n
        if n < SWEEP_BATCH:
            return deleted


def count_on_server(backend: Backend, labels: Iterable[str] = LABELS) -> dict[str, int]:
    """Nodes by label and relationships by type on the server (for checks and tests)."""
    from .cypher import count_edges, count_nodes

    out: dict[str, int] = {}
    for name in labels:
        out[name] = int(backend.read(count_nodes(name))[0]["total"])
    for kind in ALL_REL_TYPES:
        out[kind] = int(backend.read(count_edges(kind))[0]["total"])
    return out
