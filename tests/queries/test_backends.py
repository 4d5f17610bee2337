"""Every query answers the same on every backend: the graph in memory, the SQLite store
(read a frontier at a time) and a FalkorDB server a push filled — on the bundled corpus,
on a synthetic corpus of three provinces, and on random small graphs.

The queries are written once (``queries/``); each backend only answers the read
interface (``queries/reader.py``). These tests keep it so.
"""

from __future__ import annotations

import string
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policy_lineage.graph.store import Store, load_graph
from policy_lineage.graph.store_reader import StoreReader
from policy_lineage.queries.agency import agency_work
from policy_lineage.queries.overlaps import find_overlaps
from policy_lineage.queries.reader import GraphReader, MemoryReader
from policy_lineage.queries.resolve import find_agencies
from policy_lineage.queries.tasks import derived_documents, iter_tasks_from, tasks_from
from policy_lineage.queries.trace import trace
from policy_lineage.schema.graph_model import (
    CHAIN_EDGE_KINDS,
    DOCUMENT_EDGE_KINDS,
    AgencyNode,
    DocumentNode,
    Edge,
    LineageGraph,
    TaskNode,
)

AS_OF = date(2025, 10, 1)
RELATIONS = [CHAIN_EDGE_KINDS, DOCUMENT_EDGE_KINDS, ("cites",)]
TASK_FILTERS = [
    {},
    {"agency": "so khoa hoc"},
    {"agency": "Sở Tài chính"},
    {"level": "province"},
    {"level": "commune"},
    {"status": "overdue"},
    {"status": "no-deadline"},
    {"due_before": date(2025, 12, 31)},
]
BODY_NAMES = ["Sở Khoa học và Công nghệ", "so tai chinh", "ủy ban", "công an", "không có ai"]
OVERLAP_FILTERS = [
    {},
    {"agency": "Sở Khoa học và Công nghệ"},
    {"agency": "so KH&CN"},
    {"agency": "Sở Nội vụ"},
    {"min_score": 0.8},
]


def _push(falkordb: Any, name: str, graph: LineageGraph) -> str:
    """Push ``graph`` to a fresh graph ``name`` on the session's server; its URI."""
    import redis

    from policy_lineage.servers.connections import connect
    from policy_lineage.servers.push import push

    client = redis.Redis(unix_socket_path=falkordb.socket)
    if name.encode() in client.execute_command("GRAPH.LIST"):
        client.execute_command("GRAPH.DELETE", name)
    client.close()
    uri = falkordb.uri(name)
    with connect(uri) as backend:
        push(graph, backend)
    return uri


class Backends:
    """The same graph behind every backend, open for a module."""

    def __init__(self, store: Path, falkordb: Any, name: str) -> None:
        from policy_lineage.servers.connections import connect
        from policy_lineage.servers.reader import ServerReader

        self.graph = load_graph(store)
        self._store = Store(store)
        self._server = connect(_push(falkordb, name, self.graph))
        self.readers: dict[str, GraphReader] = {
            "store": StoreReader(self._store),
            "falkordb": ServerReader(self._server),
        }

    def close(self) -> None:
        self._store.close()
        self._server.close()

    def same(self, query: Any, *args: Any, **kwargs: Any) -> Any:
        """``query`` on every backend gives what it gives on the graph in memory."""
        expected = query(self.graph, *args, **kwargs)
        assert query(MemoryReader(self.graph), *args, **kwargs) == expected
        for name, reader in self.readers.items():
            assert query(reader, *args, **kwargs) == expected, (name, args, kwargs)
        return expected


@pytest.fixture(scope="module", params=["bundled", "synthetic"])
def backends(request: pytest.FixtureRequest, falkordb: Any) -> Iterator[Backends]:
    store = request.getfixturevalue(
        "corpus_store" if request.param == "bundled" else "synthetic_store"
    )
    b = Backends(store, falkordb, f"backends_{request.param}")
    yield b
    b.close()


def test_the_synthetic_corpus_spans_several_provinces(synthetic_store: Path) -> None:
    graph = load_graph(synthetic_store)
    provinces = {d.province for d in graph.documents.values() if d.province}
    assert len(provinces) >= 3 and len(graph.tasks) > 100


def test_trace(backends: Backends) -> None:
    answered = 0
    for doc in backends.graph.documents.values():
        for relations in RELATIONS:
            for depth in (None, 1, 2):
                t = backends.same(trace, doc.id, depth, relations)
                answered += bool(t.up or t.down)
    assert answered > 20


def test_derived_documents(backends: Backends) -> None:
    sizes = [len(backends.same(derived_documents, d)) for d in backends.graph.documents]
    assert max(sizes) > 3


@pytest.mark.parametrize("filters", TASK_FILTERS, ids=lambda f: "-".join(map(str, f)) or "all")
def test_tasks_from(backends: Backends, filters: dict[str, Any]) -> None:
    for doc in backends.graph.documents.values():
        if doc.in_corpus or filters == {}:
            backends.same(tasks_from, doc.id, as_of=AS_OF, **filters)


def _walked(graph: Any, root: str, **filters: Any) -> list:
    return list(iter_tasks_from(graph, root, order="walk", **filters))


@pytest.mark.parametrize("filters", TASK_FILTERS, ids=lambda f: "-".join(map(str, f)) or "all")
def test_tasks_from_streamed_in_walk_order(backends: Backends, filters: dict[str, Any]) -> None:
    for doc in backends.graph.documents.values():
        if doc.in_corpus:
            backends.same(_walked, doc.id, as_of=AS_OF, **filters)


def test_tasks_from_the_top_finds_many(backends: Backends) -> None:
    top = max(backends.graph.documents, key=lambda d: len(derived_documents(backends.graph, d)))
    assert len(backends.same(tasks_from, top, as_of=AS_OF)) > 10


def test_find_agencies_and_agency_work(backends: Backends) -> None:
    names = BODY_NAMES + [a.name for a in list(backends.graph.agencies.values())[:40]]
    for name in names:
        backends.same(find_agencies, name)
        backends.same(agency_work, name)
    assert backends.same(agency_work, "Sở Khoa học và Công nghệ").rows


@pytest.mark.parametrize("filters", OVERLAP_FILTERS, ids=lambda f: "-".join(map(str, f)) or "all")
def test_find_overlaps(backends: Backends, filters: dict[str, Any]) -> None:
    backends.same(find_overlaps, **filters)


# ---------------------------------------------------------------------- random graphs

NAMES = ["Sở Tài chính", "Sở Nội vụ", "Sở Khoa học và Công nghệ", "UBND tỉnh", "Công an tỉnh"]
TEXTS = [
    "Rà soát, bảo đảm hạ tầng số dùng chung cấp xã",
    "Đảm bảo hạ tầng số dùng chung cấp xã, rà soát",
    "Xây dựng cơ sở dữ liệu dân cư",
    "Tổ chức hội chợ công nghệ",
    "Tổ chức thực hiện nghiêm túc",
]
DATES = [None, date(2025, 6, 30), date(2025, 10, 15), date(2026, 1, 1)]


@st.composite
def small_graphs(draw: st.DrawFn) -> LineageGraph:
    g = LineageGraph()
    n_docs = draw(st.integers(1, 6))
    docs = [f"doc:{i}" for i in range(n_docs)]
    for i, d in enumerate(docs):
        ocr_pages = draw(st.sampled_from([[], [1], [2, 3]]))  # a scan's pages read by OCR
        g.add_document(
            DocumentNode(
                id=d,
                number=f"{i + 1}/KH-UBND",
                province=draw(st.sampled_from([None, "Đồng Tháp", "Hà Nội"])),
                in_corpus=draw(st.booleans()),
                date=draw(st.sampled_from(DATES)),
                ocr=bool(ocr_pages),
                ocr_pages=ocr_pages,
            )
        )
    bodies = draw(st.lists(st.sampled_from(NAMES), unique=True, max_size=4))
    for name in bodies:
        slug = "".join(c for c in name.lower() if c in string.ascii_lowercase)
        aliases = draw(st.lists(st.sampled_from(["Sở TC", "UBND", "CA tỉnh"]), max_size=1))
        level = draw(st.sampled_from(["province", "commune", "central"]))
        g.add_agency(AgencyNode(id=f"agency:{slug}", name=name, level=level, aliases=aliases))
    for _ in range(draw(st.integers(0, 10))):
        kind = draw(st.sampled_from(DOCUMENT_EDGE_KINDS))
        source, target = draw(st.sampled_from(docs)), draw(st.sampled_from(docs))
        g.add_edge(Edge(source, target, kind, ocr=draw(st.booleans())))
    agency_ids = list(g.agencies)
    for t in range(draw(st.integers(0, 8))):
        doc = draw(st.sampled_from(docs))
        lead = draw(st.lists(st.sampled_from(NAMES), max_size=2, unique=True))
        task = g.add_task(
            TaskNode(
                id=f"task:{t}",
                text=draw(st.sampled_from(TEXTS)),
                document_id=doc,
                lead=lead,
                deadline=draw(st.sampled_from(DATES)),
                recurring=draw(st.booleans()),
                source=f"f{t % 3}.txt",
                ocr=draw(st.booleans()),
            )
        )
        g.add_edge(Edge(doc, task.id, "has-task"))
        for aid in draw(st.lists(st.sampled_from(agency_ids), max_size=2)) if agency_ids else []:
            role = draw(st.sampled_from(["lead", "cooperating", None]))
            g.add_edge(Edge(task.id, aid, "assigned-to", role=role))
    return g


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(graph=small_graphs())
def test_random_graphs_answer_the_same_everywhere(
    graph: LineageGraph, falkordb: Any, tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = tmp_path_factory.mktemp("random") / "s.db"
    with Store(path, create=True) as store:
        store.save_graph(graph)
    b = Backends(path, falkordb, "random_graph")
    try:
        assert b.graph.to_node_link() == graph.to_node_link()
        for doc in graph.documents:
            for relations in RELATIONS:
                for depth in (None, 1):
                    b.same(trace, doc, depth, relations)
            b.same(derived_documents, doc)
            for filters in TASK_FILTERS[:4] + [{"level": "province"}]:
                b.same(tasks_from, doc, as_of=AS_OF, **filters)
        for name in [*NAMES, "so", "ubnd"]:
            b.same(find_agencies, name)
            b.same(agency_work, name)
        for filters in OVERLAP_FILTERS:
            b.same(find_overlaps, **filters)
    finally:
        b.close()


def test_every_backend_is_a_graph_reader(backends: Backends) -> None:
    assert isinstance(MemoryReader(backends.graph), GraphReader)
    for reader in backends.readers.values():
        assert isinstance(reader, GraphReader)


def test_the_store_reads_only_what_a_question_touches(
    corpus_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """trace, tasks_from and agency_work never read the whole stored graph."""

    def whole(self: Any) -> LineageGraph:
        raise AssertionError("the whole graph was read")

    monkeypatch.setattr(StoreReader, "graph", whole)
    graph = load_graph(corpus_store)
    root = next(d.id for d in graph.documents.values() if d.number == "57-NQ/TW")
    with Store(corpus_store) as store:
        reader = StoreReader(store)
        assert trace(reader, root).down
        assert tasks_from(reader, root, as_of=AS_OF, level="province")
        assert agency_work(reader, "Sở Khoa học và Công nghệ").rows


def test_a_store_left_stale_is_resolved_again_before_it_is_read(
    store_copy: Path, corpus_graph: LineageGraph
) -> None:
    root = next(d.id for d in corpus_graph.documents.values() if d.number == "57-NQ/TW")
    with Store(store_copy) as store:
        store.conn.execute("DELETE FROM edges")  # as if a build stopped half way
        store.conn.execute("UPDATE meta SET value = 'stale' WHERE key = 'graph_state'")
        rows = tasks_from(StoreReader(store), root, as_of=AS_OF)
        assert store.graph_is_fresh
    assert rows == tasks_from(corpus_graph, root, as_of=AS_OF)
