"""The read interface every query is written over, and its in-memory implementation.

A query (``trace``, ``tasks_from``, ``agency_work``, ``find_agencies``,
``find_overlaps``) says once what it means, over a :class:`GraphReader`: a backend that
answers a *frontier at a time* — the links of these nodes, the tasks of these
documents, the bodies a name may fit — and nothing else. Three backends implement it,
each in a few small functions, none of them re-stating a query:

* :class:`MemoryReader` (here): a :class:`LineageGraph` in memory;
* :class:`~policy_lineage.graph.store_reader.StoreReader`: the SQLite store, read
  through its indexes (only the part of the graph a question touches);
* :class:`~policy_lineage.servers.reader.ServerReader`: a Neo4j or FalkorDB server a
  ``push`` filled, one Cypher round trip per frontier.

Every list a reader returns is in the graph's order (the order the graph holds its
nodes and edges), which is what makes the answers the same, byte for byte, on every
backend.

Optional capabilities (as rdflib's stores declare theirs): a reader with
``stored_overlaps`` keeps the overlap groups a push computed, so ``find_overlaps`` at
the pushed threshold reads them instead of computing them again; a reader with
``task_keys`` gives the keys tasks are listed by (:class:`TaskKey`) without the tasks, so
``tasks --from`` sorts the whole answer by deadline and reads the tasks a batch at a time.

>>> from policy_lineage.queries.example import example_graph
>>> r = as_reader(example_graph())
>>> [e.source.split(":")[2] for e in r.links(["doc:vn:57-NQ/TW:2021-2026"], "in", ["implements"])]
['01-CTr/TU']
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Literal, NamedTuple, Protocol, runtime_checkable

from ..schema.graph_model import AgencyNode, DocumentNode, Edge, LineageGraph, TaskNode

__all__ = ["GraphReader", "MemoryReader", "TaskKey", "as_reader"]

Direction = Literal["out", "in"]


class TaskKey(NamedTuple):
    """What a task is listed by, read without the task (``task_keys``)."""

    id: str
    document_id: str
    deadline: str | None  # ISO date
    source: str | None
    span: tuple[int, int] | None


@runtime_checkable
class GraphReader(Protocol):
    """What a backend answers; every list in the graph's order."""

    def documents(self) -> dict[str, DocumentNode]:
        """Every document, by id."""
        ...

    def links(self, ids: Sequence[str], direction: Direction, kinds: Sequence[str]) -> list[Edge]:
        """Edges of ``kinds`` leaving (``out``) or entering (``in``) the nodes ``ids``."""
        ...

    def tasks(self, ids: Sequence[str]) -> list[TaskNode]:
        """The tasks of these ids (ids of other nodes are ignored)."""
        ...

    def tasks_of(self, document_ids: Sequence[str]) -> list[TaskNode]:
        """The tasks the documents ``document_ids`` hold."""
        ...

    def bodies(self, folded: str) -> list[AgencyNode]:
        """Candidate bodies for a name: at least every body whose name or alias, folded to
        ASCII lower case, contains ``folded`` (the query decides which fit)."""
        ...

    def bodies_named(self, names: Sequence[str]) -> list[AgencyNode]:
        """The bodies whose canonical name or an alias is one of ``names`` (a task names a
        body of another province with its place: "Sở Xây dựng tỉnh Lâm Đồng")."""
        ...

    def graph(self) -> LineageGraph:
        """The whole graph (for what is not a walk: the overlap comparison)."""
        ...


class MemoryReader:
    """:class:`GraphReader` over a :class:`LineageGraph` held in memory."""

    def __init__(self, graph: LineageGraph) -> None:
        self._graph = graph
        self._out: dict[str, list[int]] | None = None
        self._in: dict[str, list[int]] | None = None
        self._tasks_by_doc: dict[str, list[tuple[int, TaskNode]]] | None = None

    def _index(self) -> None:
        out: dict[str, list[int]] = {}
        into: dict[str, list[int]] = {}
        for i, e in enumerate(self._graph.edges):
            out.setdefault(e.source, []).append(i)
            into.setdefault(e.target, []).append(i)
        self._out, self._in = out, into

    def documents(self) -> dict[str, DocumentNode]:
        return self._graph.documents

    def links(self, ids: Sequence[str], direction: Direction, kinds: Sequence[str]) -> list[Edge]:
        if self._out is None:
            self._index()
        index = self._out if direction == "out" else self._in
        assert index is not None
        wanted = set(kinds)
        found = sorted({i for n in dict.fromkeys(ids) for i in index.get(n, ())})
        edges = self._graph.edges
        return [edges[i] for i in found if edges[i].kind in wanted]

    def tasks(self, ids: Sequence[str]) -> list[TaskNode]:
        wanted = set(ids)
        return [t for t in self._graph.tasks.values() if t.id in wanted]

    def tasks_of(self, document_ids: Sequence[str]) -> list[TaskNode]:
        if self._tasks_by_doc is None:  # each document's tasks, with their place in the graph
            by_doc: dict[str, list[tuple[int, TaskNode]]] = {}
            for i, t in enumerate(self._graph.tasks.values()):
                by_doc.setdefault(t.document_id, []).append((i, t))
            self._tasks_by_doc = by_doc
        found = [p for d in dict.fromkeys(document_ids) for p in self._tasks_by_doc.get(d, ())]
        return [t for _, t in sorted(found, key=lambda p: p[0])]

    def task_keys(self, document_ids: Sequence[str]) -> list[TaskKey]:
        """The keys of :meth:`tasks_of`'s tasks, in its order."""
        return [
            TaskKey(
                t.id,
                t.document_id,
                t.deadline.isoformat() if t.deadline else None,
                t.source,
                tuple(t.span) if t.span else None,  # type: ignore[arg-type]
            )
            for t in self.tasks_of(document_ids)
        ]

    def bodies(self, folded: str) -> list[AgencyNode]:
        return list(self._graph.agencies.values())

    def bodies_named(self, names: Sequence[str]) -> list[AgencyNode]:
        wanted = set(names)
        return [
            a
            for a in self._graph.agencies.values()
            if a.name in wanted or not wanted.isdisjoint(a.aliases)
        ]

    def graph(self) -> LineageGraph:
        return self._graph


def as_reader(source: LineageGraph | GraphReader | Any) -> GraphReader:
    """``source`` as a :class:`GraphReader`: a graph is wrapped, a reader kept.

    >>> r = as_reader(LineageGraph())
    >>> type(r).__name__, as_reader(r) is r
    ('MemoryReader', True)
    """
    if isinstance(source, LineageGraph):
        # one reader per graph, kept on it while the graph holds the same nodes and edges: a
        # process asking many questions of one graph indexes its edges once
        stamp = (id(source.edges), len(source.edges), len(source.tasks), len(source.documents))
        kept = getattr(source, "_reader", None)
        if kept is None or kept[0] != stamp:
            kept = (stamp, MemoryReader(source))
            source._reader = kept  # type: ignore[attr-defined]
        return kept[1]
    return source


def unique(ids: Iterable[str]) -> list[str]:
    """``ids`` once each, in their first order."""
    return list(dict.fromkeys(ids))
