"""Just the part of the stored graph a question needs, read with the store's indexes.

A national store holds tens of thousands of nodes and a hundred thousand edges; reading
them all costs seconds before a question is even asked. The chain of one document, the
tasks that derive from it, or one body's work touch a small part of that: these
functions walk the ``edges`` table in SQLite (indexed by source and by target) and return
a :class:`LineageGraph` holding that part only, on which the functions of ``queries/``
give the same answers as on the whole graph:

* :func:`chain_view`: every document (a name is resolved against all of them), and the
  links of the asked-for kinds that touch the documents reachable up or down from the
  root (what :func:`~policy_lineage.queries.trace.trace` walks);
* :func:`derived_view`: every document, the implementing and superseding links under the
  root, the tasks of the documents reached and the bodies assigned to them (all bodies
  when tasks are filtered by level, which compares every body of a name);
* :func:`agency_view`: every document and body, and the tasks assigned to the bodies a
  name fits, with those links.

>>> import tempfile, os
>>> from policy_lineage.queries.example import example_graph
>>> from policy_lineage.graph.store import Store
>>> path = os.path.join(tempfile.mkdtemp(), "s.db")
>>> with Store(path, create=True) as store:
...     store.save_graph(example_graph())
...     part = derived_view(store, "doc:dong-thap:254/KH-UBND:2025")
>>> sorted(part.tasks), len(part.documents)
(['task:2', 'task:3', 'task:4', 'task:5'], 4)
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..schema.graph_model import Finding, LineageGraph

if TYPE_CHECKING:
    from .store import Store

__all__ = ["documents_view", "chain_view", "derived_view", "agency_view", "counts", "findings"]

_CHUNK = 900  # ids per IN (…) list: under SQLite's default limit of host parameters


def _fresh(store: Store) -> None:
    if not store.graph_is_fresh:  # an interrupted build: resolve again first, as graph() does
        store.rebuild_graph()


def _rows(store: Store, sql: str, ids: Iterable[str], *params: Any) -> list[tuple]:
    """``sql`` holds one ``{ids}`` placeholder for an ``IN`` list; run it over ``ids``."""
    ids = list(dict.fromkeys(ids))
    out: list[tuple] = []
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i : i + _CHUNK]
        marks = ",".join("?" * len(chunk))
        out += store.conn.execute(sql.format(ids=marks), (*params, *chunk)).fetchall()
    return out


def _nodes_of_kind(store: Store, kind: str) -> list[dict[str, Any]]:
    rows = store.conn.execute("SELECT data FROM nodes WHERE kind = ? ORDER BY rowid", (kind,))
    return [json.loads(r[0]) for r in rows]


def _nodes(store: Store, ids: Iterable[str]) -> list[dict[str, Any]]:
    rows = _rows(store, "SELECT rowid, data FROM nodes WHERE id IN ({ids})", ids)
    return [json.loads(data) for _, data in sorted(rows)]


def _edges(store: Store, sql: str, ids: Iterable[str], *params: Any) -> list[dict[str, Any]]:
    """Edges found by ``sql`` (which selects ``seq, data``), once each, in stored order."""
    rows = dict(_rows(store, sql, ids, *params))
    return [json.loads(rows[seq]) for seq in sorted(rows)]


def _graph(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> LineageGraph:
    return LineageGraph.from_node_link({"nodes": nodes, "edges": edges})


def documents_view(store: Store) -> LineageGraph:
    """Every document and nothing else: enough to resolve a name a user typed."""
    _fresh(store)
    return _graph(_nodes_of_kind(store, "Document"), [])


def _walk(store: Store, start: str, kinds: tuple[str, ...], towards: str) -> set[str]:
    """Documents reachable from ``start`` over ``kinds``: towards ``target`` (up, what it
    carries out) or ``source`` (down, what carries it out)."""
    frm = "source" if towards == "target" else "target"
    kind_marks = ",".join("?" * len(kinds))
    seen = {start}
    frontier = [start]
    while frontier:
        rows = _rows(
            store,
            f"SELECT {towards} FROM edges WHERE kind IN ({kind_marks}) AND {frm} IN ({{ids}})",
            frontier,
            *kinds,
        )
        frontier = [r[0] for r in rows if r[0] not in seen]
        seen.update(frontier)
    return seen


def chain_view(store: Store, root: str, kinds: tuple[str, ...] | list[str]) -> LineageGraph:
    """Every document, and each link of ``kinds`` that touches a document reachable from
    ``root`` up or down over those kinds (at any depth: a depth limit only cuts the walk
    short, so the same view serves every ``--depth``)."""
    _fresh(store)
    kinds = tuple(kinds)
    if not kinds:
        return documents_view(store)
    reached = _walk(store, root, kinds, "target") | _walk(store, root, kinds, "source")
    marks = ",".join("?" * len(kinds))
    rows: dict[int, str] = {}
    for end in ("source", "target"):
        sql = f"SELECT seq, data FROM edges WHERE kind IN ({marks}) AND {end} IN ({{ids}})"
        rows.update(_rows(store, sql, reached, *kinds))
    edges = [json.loads(rows[seq]) for seq in sorted(rows)]
    return _graph(_nodes_of_kind(store, "Document"), edges)


def derived_view(store: Store, root: str, all_agencies: bool = False) -> LineageGraph:
    """Every document; the ``implements`` and ``supersedes`` links under ``root``; the
    tasks of the documents reached, and the bodies assigned to them (every body with
    ``all_agencies``)."""
    from ..queries.tasks import DERIVING

    _fresh(store)
    kinds = (*DERIVING, "supersedes")
    below = _walk(store, root, kinds, "source")
    marks = ",".join("?" * len(kinds))
    links = _edges(
        store,
        f"SELECT seq, data FROM edges WHERE kind IN ({marks}) AND target IN ({{ids}})",
        below,
        *kinds,
    )
    has_task = _rows(
        store, "SELECT target FROM edges WHERE kind = 'has-task' AND source IN ({ids})", below
    )
    task_ids = [r[0] for r in has_task]
    assigned = _edges(
        store,
        "SELECT seq, data FROM edges WHERE kind = 'assigned-to' AND source IN ({ids})",
        task_ids,
    )
    if all_agencies:
        agencies = _nodes_of_kind(store, "Agency")
    else:
        agencies = _nodes(store, (e["target"] for e in assigned))
    nodes = [*_nodes_of_kind(store, "Document"), *agencies, *_nodes(store, task_ids)]
    return _graph(nodes, [*links, *assigned])


def agency_view(store: Store, name: str) -> LineageGraph:
    """Every document and body, and the tasks assigned to the bodies ``name`` fits
    (:func:`~policy_lineage.queries.resolve.find_agencies`), with those links."""
    from ..queries.resolve import find_agencies

    _fresh(store)
    agencies = _nodes_of_kind(store, "Agency")
    bodies = _graph(agencies, [])
    ids = [a.id for a in find_agencies(bodies, name)]
    assigned = _edges(
        store, "SELECT seq, data FROM edges WHERE kind = 'assigned-to' AND target IN ({ids})", ids
    )
    tasks = _nodes(store, (e["source"] for e in assigned))
    return _graph([*_nodes_of_kind(store, "Document"), *agencies, *tasks], assigned)


def counts(store: Store) -> dict[str, Any]:
    """:meth:`LineageGraph.counts` of the stored graph, counted by SQLite.

    >>> import tempfile, os
    >>> from policy_lineage.queries.example import example_graph
    >>> from policy_lineage.graph.store import Store
    >>> with Store(os.path.join(tempfile.mkdtemp(), "s.db"), create=True) as store:
    ...     store.save_graph(example_graph())
    ...     counts(store) == example_graph().counts()
    True
    """
    _fresh(store)
    conn = store.conn
    nodes = dict(conn.execute("SELECT kind, count(*) FROM nodes GROUP BY kind").fetchall())
    (in_corpus,) = conn.execute(
        "SELECT count(*) FROM nodes WHERE kind = 'Document' AND json_extract(data, '$.in_corpus')"
    ).fetchone()
    by_kind = dict(conn.execute("SELECT kind, count(*) FROM edges GROUP BY kind").fetchall())
    (n_findings,) = conn.execute("SELECT count(*) FROM findings").fetchone()
    documents = nodes.get("Document", 0)
    return {
        "documents": documents,
        "documents_in_corpus": in_corpus,
        "documents_cited_only": documents - in_corpus,
        "agencies": nodes.get("Agency", 0),
        "tasks": nodes.get("Task", 0),
        "edges": sum(by_kind.values()),
        "edges_by_kind": dict(sorted(by_kind.items())),
        "findings": n_findings,
    }


def findings(store: Store) -> list[Finding]:
    """The resolver's findings, in the order it made them."""
    _fresh(store)
    rows = store.conn.execute("SELECT data FROM findings ORDER BY seq")
    return [Finding(**json.loads(r[0])) for r in rows]
