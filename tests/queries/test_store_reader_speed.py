"""The store reader's SQL reads nodes by id through the id's index.

Without statistics, SQLite picks the kind's index (``nodes_kind``, kept for counting) for
``kind = ? AND id IN (…)`` once the list holds ten ids or more, and then reads every node of
that kind: every task of the country for the 191 tasks of one notice. The plans are read
with ``EXPLAIN QUERY PLAN`` of the statements the reader runs, so the test does not time
anything.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from policy_lineage.graph.store import Store
from policy_lineage.graph.store_reader import StoreReader
from policy_lineage.schema.graph_model import DocumentNode, Edge, LineageGraph, TaskNode

N_TASKS = 40


@pytest.fixture
def store(tmp_path: Path) -> Store:
    g = LineageGraph()
    g.add_document(DocumentNode(id="doc:a", number="1/KH-UBND"))
    g.add_document(DocumentNode(id="doc:b", number="2/KH-UBND"))
    for i in range(N_TASKS):
        doc = "doc:a" if i % 2 else "doc:b"
        g.add_task(TaskNode(id=f"task:{i:03d}", text=f"Nhiệm vụ số {i}", document_id=doc))
        g.add_edge(Edge(doc, f"task:{i:03d}", "has-task"))
    s = Store(tmp_path / "s.db", create=True)
    s.save_graph(g)
    yield s
    s.close()


def _plans(conn: sqlite3.Connection, statements: list[str]) -> list[str]:
    out = []
    for sql in statements:
        if "FROM nodes" in sql and " id IN " in sql:
            plan = conn.execute(f"EXPLAIN QUERY PLAN {sql}").fetchall()
            out.append(" ".join(str(row[-1]) for row in plan))
    return out


def _run_traced(store: Store, fn) -> tuple[object, list[str]]:
    seen: list[str] = []
    store.conn.set_trace_callback(seen.append)
    try:
        result = fn()
    finally:
        store.conn.set_trace_callback(None)
    return result, seen


def test_store_reader_tasks_read_by_id_index(store: Store) -> None:
    reader = StoreReader(store)
    ids = [f"task:{i:03d}" for i in range(N_TASKS)] + ["task:none"]
    tasks, seen = _run_traced(store, lambda: reader.tasks(ids))
    assert [t.id for t in tasks] == ids[:-1]  # in stored order, the unknown id left out
    plans = _plans(store.conn, seen)
    assert plans, seen
    for plan in plans:
        assert "nodes_kind" not in plan and "sqlite_autoindex_nodes_1" in plan, plan


def test_store_reader_task_keys_read_by_id_index(store: Store) -> None:
    reader = StoreReader(store)
    keys, seen = _run_traced(store, lambda: reader.task_keys(["doc:a", "doc:b"]))
    assert sorted(k[0] for k in keys) == [f"task:{i:03d}" for i in range(N_TASKS)]
    assert {k[1] for k in keys} == {"doc:a", "doc:b"}
    plans = _plans(store.conn, seen)
    assert plans, seen
    for plan in plans:
        assert "nodes_kind" not in plan and "sqlite_autoindex_nodes_1" in plan, plan


def test_store_reader_nodes_of_another_kind_left_out(store: Store) -> None:
    reader = StoreReader(store)
    # a document's id asked for as a task: the kind is still checked
    assert reader.tasks(["doc:a", "task:001"])[0].id == "task:001"
    assert len(reader.tasks(["doc:a", "doc:b"])) == 0


def test_store_reader_documents_read_as_asked(store: Store) -> None:
    docs = StoreReader(store).documents()
    seen: list[str] = []
    store.conn.set_trace_callback(seen.append)
    try:
        a = docs["doc:a"]
        assert docs["doc:a"] is a  # read once, kept
        assert "doc:none" not in docs and "task:001" not in docs  # not a document
        with pytest.raises(KeyError):
            docs["task:001"]
    finally:
        store.conn.set_trace_callback(None)
    assert all("kind = 'Document' ORDER BY" not in sql for sql in seen)  # not all of them
    assert list(docs) == ["doc:a", "doc:b"]  # listed: every one, in stored order
    assert docs["doc:a"] is a and len(docs) == 2
    assert [d.number for d in docs.values()] == ["1/KH-UBND", "2/KH-UBND"]


def test_store_reader_documents_many_asked_read_all(tmp_path: Path) -> None:
    g = LineageGraph()
    n = 1000  # more than are read one by one
    for i in range(n):
        g.add_document(DocumentNode(id=f"doc:{i:04d}", number=f"{i}/KH-UBND"))
    with Store(tmp_path / "many.db", create=True) as s:
        s.save_graph(g)
        docs = StoreReader(s).documents()
        got = [docs[f"doc:{i:04d}"].number for i in reversed(range(n))]
        assert got == [f"{i}/KH-UBND" for i in reversed(range(n))]
        assert docs._all is not None  # noqa: SLF001 - read whole past the limit
        assert list(docs) == [f"doc:{i:04d}" for i in range(n)]


def test_store_reader_documents_name_resolved_as_in_memory(tmp_path: Path) -> None:
    from policy_lineage.queries.resolve import find_document

    from .test_resolve_speed import QUERIES, _graph

    g = _graph()
    with Store(tmp_path / "r.db", create=True) as s:
        s.save_graph(g)
        for query in QUERIES:
            want = find_document(g, query)
            stored = LineageGraph(documents=StoreReader(s).documents())  # as the commands do
            got = find_document(stored, query)
            assert [d.id for d in got.matches] == [d.id for d in want.matches], query
            assert [d.id for d in got.suggestions] == [d.id for d in want.suggestions], query
            assert [d.number for d in got.matches] == [d.number for d in want.matches]
