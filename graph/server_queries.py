"""The queries of ``trace``, ``tasks --from``, ``agency`` and ``overlaps``, answered by a
graph server (Neo4j or FalkorDB) that a ``push`` filled.

Each function has the signature and the result type of its embedded twin, with a
:class:`~.servers.Backend` where the twin takes the graph, and returns what the twin
returns on the same graph: the same nodes, edges, rows, in the same order.

* :func:`trace` (``queries.trace.trace``) walks breadth-first, one Cypher round trip per
  level (:data:`.cypher.TRACE_UP` / ``TRACE_DOWN`` over the whole frontier), and orders
  each level as the embedded walk does (relation, then the far end; ties by the graph's
  order, kept on the server as ``seq``);
* :func:`tasks_from` (``queries.tasks.tasks_from``): the documents implementing the root,
  level by level, then their tasks (the deadline filter in Cypher); the name filters
  (agency, level) fold Vietnamese diacritics, so they run in Python on the rows returned;
* :func:`agency_work` (``queries.agency.agency_work``): bodies found by their folded names
  and aliases (``search_forms``, written by ``push``), their ``ASSIGNED_TO`` tasks;
* :func:`find_overlaps` (``queries.overlaps.find_overlaps``): the ``(:OverlapGroup)``
  nodes the push computed, filtered by a body on the server (its folded keys,
  ``agency_keys``); for another ``min_score`` than the pushed one, the graph is read back
  and the embedded function runs on it.

:func:`documents_graph` gives the documents alone, for resolving what people type
(``57/NQ-TW``, "nghi quyet 57") and printing; :func:`read_graph` reads the whole graph back.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import fields
from datetime import date
from typing import Any

from ..loaders.textnorm import fold_ascii
from ..queries.agency import AgencyRow, AgencyWork
from ..queries.tasks import DERIVING, TaskRow, row_order, task_status
from ..queries.trace import DEFAULT_RELATIONS, Trace, TraceStep
from ..schema.graph_model import (
    DOCUMENT_EDGE_KINDS,
    AgencyNode,
    DocumentNode,
    Edge,
    Finding,
    LineageGraph,
    TaskNode,
)
from . import cypher
from .push import server_meta
from .servers import Backend, ServerError

__all__ = [
    "require_pushed",
    "read_graph",
    "documents_graph",
    "trace",
    "tasks_from",
    "agency_work",
    "find_overlaps",
]

_DATES = {"date", "deadline"}


def _to(cls: type, props: dict[str, Any]) -> Any:
    """A model dataclass from a node's or relationship's properties."""
    names = {f.name for f in fields(cls) if f.init}
    kwargs: dict[str, Any] = {}
    for key, value in props.items():
        if key not in names:
            continue
        if key in _DATES and isinstance(value, str):
            value = date.fromisoformat(value)
        elif key == "span" and value is not None:
            value = tuple(value)
        elif isinstance(value, list):
            value = list(value)
        kwargs[key] = value
    return cls(**kwargs)


def require_pushed(backend: Backend) -> dict[str, Any]:
    """The last push's record; :class:`ServerError` if nothing was pushed or a push is
    unfinished."""
    try:
        meta = server_meta(backend)
    except ServerError:
        raise
    except Exception:
        meta = None
    if meta is None:
        raise ServerError(
            f"{backend.name} holds no lineage graph: run `policy-lineage push URI` first"
        )
    if meta.get("status") != "complete":
        raise ServerError(
            f"the last push to {backend.name} did not finish: run `policy-lineage push` again"
        )
    return meta


# ---------------------------------------------------------------------- whole graph


def read_graph(backend: Backend) -> LineageGraph:
    """The pushed graph, read back: equal to the graph that was pushed."""
    require_pushed(backend)
    graph = LineageGraph()
    for row in backend.read(cypher.all_nodes("Document")):
        graph.add_document(_to(DocumentNode, row["node"]))
    for row in backend.read(cypher.all_nodes("Agency")):
        graph.add_agency(_to(AgencyNode, row["node"]))
    for row in backend.read(cypher.all_nodes("Task")):
        graph.add_task(_to(TaskNode, row["node"]))
    types = list(cypher.REL_TYPES.values())
    for row in backend.read(cypher.ALL_EDGES, {"types": types}):
        graph.add_edge(
            _to(Edge, {**row["rel"], "source": row["source_id"], "target": row["target_id"]})
        )
    for row in backend.read(cypher.all_nodes("Finding")):
        graph.findings.append(_to(Finding, row["node"]))
    return graph


def documents_graph(backend: Backend) -> LineageGraph:
    """A graph holding the pushed documents only (for resolving names and printing)."""
    require_pushed(backend)
    graph = LineageGraph()
    for row in backend.read(cypher.all_nodes("Document")):
        graph.add_document(_to(DocumentNode, row["node"]))
    return graph


def _breadth_first(
    backend: Backend,
    statement: str,
    types: list[str],
    key: str,
    start: str,
    visit: Callable[[str, list[dict[str, Any]]], list[str]],
    expand: Callable[[str], bool] = lambda node: True,
) -> None:
    """A breadth-first walk whose adjacency the server gives, one round trip per level:
    ``visit(node, its rows in the graph's order)`` returns the nodes to queue."""
    rows_of: dict[str, list[dict[str, Any]]] = {}
    fetched: set[str] = set()
    queue = deque([start])
    while queue:
        here = queue.popleft()
        if not expand(here):
            continue
        if here not in fetched:
            frontier = list(dict.fromkeys([here, *(n for n in queue if n not in fetched)]))
            frontier = [n for n in frontier if expand(n)]
            rows = backend.read(statement, {"frontier": frontier, "types": types})
            rows.sort(key=lambda r: r.get("seq") or 0)
            for r in rows:
                rows_of.setdefault(r[key], []).append(r)
            fetched.update(frontier)
        queue.extend(visit(here, rows_of.get(here, [])))


# ---------------------------------------------------------------------- trace


def trace(
    backend: Backend,
    root: str,
    depth: int | None = None,
    relations: tuple[str, ...] | list[str] = DEFAULT_RELATIONS,
) -> Trace:
    """``queries.trace.trace`` on the server: the chain above and below ``root``."""
    require_pushed(backend)
    kinds = [k for k in relations if k in DOCUMENT_EDGE_KINDS]
    types = [cypher.rel_type(k) for k in kinds]
    result = Trace(root)
    for direction, statement, near, far in (
        ("up", cypher.TRACE_UP, "source", "target"),
        ("down", cypher.TRACE_DOWN, "target", "source"),
    ):
        steps = result.up if direction == "up" else result.down
        level = {root: 0}
        seen: set[tuple[str, str, str]] = set()

        def visit(
            here: str,
            rows: list[dict[str, Any]],
            steps: list[TraceStep] = steps,
            level: dict[str, int] = level,
            seen: set[tuple[str, str, str]] = seen,
            far: str = far,
            direction: str = direction,
        ) -> list[str]:
            queued = []
            for e in sorted(rows, key=lambda e: (e["kind"], e[far])):
                k = (e["source"], e["target"], e["kind"])
                if k in seen:
                    continue
                seen.add(k)
                other = e[far]
                steps.append(
                    TraceStep(
                        e["source"],
                        e["target"],
                        e["kind"],
                        e["basis"],
                        direction,
                        level[here] + 1,
                        here,
                        e.get("evidence"),
                        e.get("source_file"),
                    )
                )
                if other not in level:
                    level[other] = level[here] + 1
                    queued.append(other)
            return queued

        def expand(node: str, level: dict[str, int] = level) -> bool:
            return depth is None or level[node] < depth

        _breadth_first(backend, statement, types, near, root, visit, expand)
    return result


# ---------------------------------------------------------------------- tasks --from


def derived_documents(backend: Backend, root: str) -> dict[str, list[str]]:
    """``queries.tasks.derived_documents`` on the server: what implements ``root``
    (transitively, or supersedes a document on the way), with its path from ``root``."""
    paths = {root: [root]}
    deriving = {cypher.rel_type(k) for k in DERIVING}
    types = [*sorted(deriving), cypher.rel_type("supersedes")]

    def visit(here: str, rows: list[dict[str, Any]]) -> list[str]:
        below = sorted(r["other"] for r in rows if r["type"] in deriving)
        newer = sorted(r["other"] for r in rows if r["type"] not in deriving)
        queued = []
        for other in below + newer:
            if other not in paths:
                paths[other] = [*paths[here], other]
                queued.append(other)
        return queued

    _breadth_first(backend, cypher.DERIVED_STEP, types, "here", root, visit)
    return paths


def tasks_from(
    backend: Backend,
    root: str,
    agency: str | None = None,
    due_before: date | None = None,
    level: str | None = None,
    status: str | None = None,
    as_of: date | None = None,
) -> list[TaskRow]:
    """``queries.tasks.tasks_from`` on the server (same filters, same order)."""
    require_pushed(backend)
    as_of = as_of or date.today()
    paths = derived_documents(backend, root)
    found = backend.read(
        cypher.TASKS_OF_DOCUMENTS,
        {"documents": list(paths), "due_before": due_before.isoformat() if due_before else None},
    )
    tasks = sorted(found, key=lambda r: r["task"]["seq"])
    levels: dict[str, set[str]] = {}
    if level:
        names = sorted({n for r in tasks for n in r["task"].get("lead") or []})
        for r in backend.read(cypher.AGENCY_LEVELS, {"names": names}):
            levels.setdefault(r["name"], set()).add(r["level"])
    needle = fold_ascii(agency) if agency else None
    picked: list[TaskNode] = []
    for r in tasks:
        task = _to(TaskNode, r["task"])
        if needle and not any(needle in fold_ascii(n) for n in [*task.lead, *task.cooperating]):
            continue
        if level and not any(level in levels.get(n, ()) for n in task.lead):
            continue
        if status and task_status(task, as_of) != status:
            continue
        picked.append(task)
    docs = _documents(backend, {t.document_id for t in picked})
    rows = [
        TaskRow(t, docs[t.document_id], paths[t.document_id], task_status(t, as_of)) for t in picked
    ]
    rows.sort(key=row_order)
    return rows


def _documents(backend: Backend, ids: set[str]) -> dict[str, DocumentNode]:
    rows = backend.read(cypher.DOCUMENTS_BY_ID, {"ids": sorted(ids)})
    return {r["doc"]["id"]: _to(DocumentNode, r["doc"]) for r in rows}


# ---------------------------------------------------------------------- agency


def find_agencies(backend: Backend, text: str) -> list[AgencyNode]:
    """``queries.resolve.find_agencies`` on the server: an exact name or alias wins."""
    rows = backend.read(cypher.AGENCIES_MATCHING, {"q": fold_ascii(text)})
    exact = [_to(AgencyNode, r["agency"]) for r in rows if r["exact"]]
    return exact or [_to(AgencyNode, r["agency"]) for r in rows]


def agency_work(backend: Backend, name: str) -> AgencyWork:
    """``queries.agency.agency_work`` on the server: leads first, then by deadline."""
    require_pushed(backend)
    work = AgencyWork(name, find_agencies(backend, name))
    rows = backend.read(cypher.AGENCY_ASSIGNMENTS, {"ids": [a.id for a in work.agencies]})
    rows.sort(key=lambda r: r["seq"])
    seen: set[tuple[str, str]] = set()
    unique = []
    for r in rows:
        role = r["role"] or "lead"
        if (role, r["task"]["id"]) in seen:
            continue
        seen.add((role, r["task"]["id"]))
        unique.append(AgencyRow(role, _to(TaskNode, r["task"]), _to(DocumentNode, r["doc"])))
    work.rows = sorted(
        unique,
        key=lambda r: (r.role != "lead", r.task.deadline is None, r.task.deadline or date.max),
    )
    return work


# ---------------------------------------------------------------------- overlaps


def find_overlaps(
    backend: Backend,
    min_score: float | None = None,
    agency: str | None = None,
) -> list[Any]:
    """``queries.overlaps.find_overlaps`` on the server: the groups the push computed
    (at the pushed threshold), filtered by ``agency`` there; a list of ``OverlapGroup``."""
    from ..queries import overlaps as embedded

    meta = require_pushed(backend)
    if min_score is None:
        min_score = embedded.DEFAULT_MIN_SCORE
    pushed = meta.get("overlap_min_score")
    if pushed is None or abs(float(pushed) - float(min_score)) > 1e-9:
        # Groups at another threshold are not on the server: compute them on its graph.
        return embedded.find_overlaps(read_graph(backend), min_score, agency)
    keys = padded = None
    if agency:
        query = embedded._agency_keys(agency)
        keys = sorted(query)
        known = backend.read(cypher.OVERLAP_KEY_KNOWN, {"keys": keys})[0]["known"]
        padded = None if known else [f" {q} " for q in sorted(query)]
    groups = backend.read(
        cypher.OVERLAP_GROUPS, {"min_score": float(pushed), "keys": keys, "padded": padded}
    )
    if not groups:
        return []
    members: dict[str, list[tuple[int, Any]]] = {}
    for r in backend.read(cypher.OVERLAP_MEMBERS, {"ids": [g["grp"]["id"] for g in groups]}):
        task = _to(TaskNode, r["task"])
        doc = _to(DocumentNode, r["doc"]) if r["doc"] else None
        members.setdefault(r["group_id"], []).append((r["pos"], _overlap_task(embedded, task, doc)))
    out = []
    for row in groups:
        g = row["grp"]
        ms = [m for _, m in sorted(members.get(g["id"], []), key=lambda p: p[0])]
        out.append(
            embedded.OverlapGroup(
                kind=g["kind"],
                score=g["score"],
                tasks=list(g["tasks"]),
                members=ms,
                conflicts=list(g.get("conflicts") or []),
                unstated=list(g.get("unstated") or []),
                score_mean=g["score_mean"],
                pairs=list(
                    zip(
                        g.get("pair_a") or [],
                        g.get("pair_b") or [],
                        g.get("pair_score") or [],
                        strict=True,
                    )
                ),
            )
        )
    return out


def _overlap_task(embedded: Any, task: TaskNode, doc: DocumentNode | None) -> Any:
    """An ``OverlapTask`` as ``queries.overlaps`` makes it from a task and its document."""
    return embedded.OverlapTask(
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
    )
