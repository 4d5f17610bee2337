"""A graph server (Neo4j or FalkorDB) that a ``push`` filled, as a read interface for the
queries of ``queries/``: one Cypher round trip per frontier.

:class:`ServerReader` answers what a :class:`~policy_lineage.queries.reader.GraphReader`
answers — the links of these nodes, the tasks of these documents, the bodies a name may
fit — with the statements of :mod:`.cypher`; what a query means is written once, in
``queries/``. Rows come back in the graph's order (every node and relationship carries
its position, ``seq``), so every query answers as it does on the store.

It also has the optional capability ``stored_overlaps``: the overlap groups the push
computed (``(:OverlapGroup)`` nodes), filtered by a body's folded keys on the server.

:func:`read_graph` reads the whole graph back (equal to the pushed one).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..queries.overlaps import OverlapGroup, OverlapTask
from ..schema.graph_model import (
    AgencyNode,
    DocumentNode,
    Edge,
    Finding,
    LineageGraph,
    TaskNode,
    from_record,
)
from . import cypher
from .connections import Backend, ServerError
from .push import server_meta

__all__ = ["ServerReader", "require_pushed", "read_graph"]


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


def _edge(row: dict[str, Any]) -> Edge:
    return from_record(Edge, {**row["rel"], "source": row["source_id"], "target": row["target_id"]})


def read_graph(backend: Backend) -> LineageGraph:
    """The pushed graph, read back: equal to the graph that was pushed."""
    require_pushed(backend)
    graph = LineageGraph()
    for row in backend.read(cypher.all_nodes("Document")):
        graph.add_document(from_record(DocumentNode, row["node"]))
    for row in backend.read(cypher.all_nodes("Agency")):
        graph.add_agency(from_record(AgencyNode, row["node"]))
    for row in backend.read(cypher.all_nodes("Task")):
        graph.add_task(from_record(TaskNode, row["node"]))
    types = list(cypher.REL_TYPES.values())
    for row in backend.read(cypher.ALL_EDGES, {"types": types}):
        graph.add_edge(_edge(row))
    for row in backend.read(cypher.all_nodes("Finding")):
        graph.findings.append(from_record(Finding, row["node"]))
    return graph


class ServerReader:
    """:class:`~policy_lineage.queries.reader.GraphReader` over a server a push filled
    (a :class:`ServerError` when it holds none, or an unfinished one)."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        self.meta = require_pushed(backend)
        self._documents: dict[str, DocumentNode] | None = None

    def _read(self, statement: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        rows = self.backend.read(statement, params)
        rows.sort(key=lambda r: r.get("seq") or 0)
        return rows

    def documents(self) -> dict[str, DocumentNode]:
        if self._documents is None:
            rows = self.backend.read(cypher.all_nodes("Document"))
            docs = (from_record(DocumentNode, r["node"]) for r in rows)
            self._documents = {d.id: d for d in docs}
        return self._documents

    def links(self, ids: Sequence[str], direction: str, kinds: Sequence[str]) -> list[Edge]:
        if not ids or not kinds:
            return []
        types = [cypher.rel_type(k) for k in kinds]
        documents = self.documents()
        # the label lets the server use its id index; ids not of a document are bodies or tasks
        by_label: dict[str, list[str]] = {}
        for n in dict.fromkeys(ids):
            for name in ("Document",) if n in documents else ("Agency", "Task"):
                by_label.setdefault(name, []).append(n)
        rows = []
        for name, frontier in by_label.items():
            statement = cypher.links(name, direction)
            rows += self.backend.read(statement, {"frontier": frontier, "types": types})
        rows.sort(key=lambda r: r["seq"])
        return [_edge(r) for r in rows]

    def tasks(self, ids: Sequence[str]) -> list[TaskNode]:
        rows = self._read(cypher.TASKS_BY_ID, {"ids": list(dict.fromkeys(ids))})
        return [from_record(TaskNode, r["task"]) for r in rows]

    def tasks_of(self, document_ids: Sequence[str]) -> list[TaskNode]:
        rows = self._read(cypher.TASKS_OF_DOCUMENTS, {"documents": list(document_ids)})
        return [from_record(TaskNode, r["task"]) for r in rows]

    def bodies(self, folded: str) -> list[AgencyNode]:
        rows = self._read(cypher.AGENCIES_MATCHING, {"q": folded})
        return [from_record(AgencyNode, r["agency"]) for r in rows]

    def bodies_named(self, names: Sequence[str]) -> list[AgencyNode]:
        rows = self._read(cypher.AGENCIES_NAMED, {"names": list(names)})
        return [from_record(AgencyNode, r["agency"]) for r in rows]

    def graph(self) -> LineageGraph:
        return read_graph(self.backend)

    # -- optional capability: the overlap groups the push computed ---------------------
    def overlap_threshold(self) -> float | None:
        pushed = self.meta.get("overlap_min_score")
        return None if pushed is None else float(pushed)

    def knows_body_keys(self, keys: list[str]) -> bool:
        """Whether some body or task of the graph is known by one of these folded keys."""
        return bool(self.backend.read(cypher.OVERLAP_KEY_KNOWN, {"keys": keys})[0]["known"])

    def stored_overlaps(
        self, keys: list[str] | None, padded: list[str] | None
    ) -> list[OverlapGroup]:
        """The pushed groups (strongest first), those with a member known by ``keys`` (or
        holding one of ``padded`` as whole words) when given."""
        params = {"min_score": self.overlap_threshold(), "keys": keys, "padded": padded}
        groups = self.backend.read(cypher.OVERLAP_GROUPS, params)
        if not groups:
            return []
        members: dict[str, list[tuple[int, OverlapTask]]] = {}
        ids = [g["grp"]["id"] for g in groups]
        for r in self.backend.read(cypher.OVERLAP_MEMBERS, {"ids": ids}):
            task = from_record(TaskNode, r["task"])
            doc = from_record(DocumentNode, r["doc"]) if r["doc"] else None
            members.setdefault(r["group_id"], []).append((r["pos"], OverlapTask.of(task, doc)))
        out = []
        for row in groups:
            g = row["grp"]
            pairs = zip(
                g.get("pair_a") or [], g.get("pair_b") or [], g.get("pair_score") or [], strict=True
            )
            out.append(
                OverlapGroup(
                    kind=g["kind"],
                    score=g["score"],
                    tasks=list(g["tasks"]),
                    members=[m for _, m in sorted(members.get(g["id"], []), key=lambda p: p[0])],
                    conflicts=list(g.get("conflicts") or []),
                    unstated=list(g.get("unstated") or []),
                    score_mean=g["score_mean"],
                    pairs=list(pairs),
                )
            )
        return out
