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
