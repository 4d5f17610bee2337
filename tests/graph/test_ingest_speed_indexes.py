"""``Store.save_graph`` builds its first indexes in a helper thread while it encodes the
nodes' records (graph/store.py, ``_meanwhile``): the store it writes is the one written
with every statement run in turn (the same rows, the same indexes made in the same order),
and what goes wrong in the helper or in the body is raised, the transaction rolled back."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import contextmanager

import pytest

from policy_lineage.graph import store as store_module
from policy_lineage.graph.store import Store


def _contents(path) -> dict[str, list]:
    conn = sqlite3.connect(path)
    try:
        q = conn.execute
        return {
            "schema": q("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall(),
            "nodes": q("SELECT rowid, id, kind, data, owner, grp FROM nodes").fetchall(),
            "edges": q("SELECT seq, source, target, kind, data, owner FROM edges").fetchall(),
            "findings": q("SELECT seq, data, owner FROM findings").fetchall(),
            "keys": q("SELECT rowid, owner, key, info FROM keys").fetchall(),
            "meta": q("SELECT key, value FROM meta WHERE key != 'graph_built_at'").fetchall(),
        }
    finally:
        conn.close()


@contextmanager
def _in_turn(conn, statements):
    """``_meanwhile`` without the thread: the statements first, then the body."""
    for statement in statements:
        conn.execute(statement)
    yield


@pytest.fixture
def two_stores(corpus_store, tmp_path):
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    for path in (a, b):
        shutil.copy(corpus_store, path)
        with Store(path) as store, store.transaction() as conn:  # no graph: as a new store
            for table in ("nodes", "edges", "findings", "keys"):
                conn.execute(f"DELETE FROM {table}")
            store._set_meta("graph_state", "stale")
    return a, b


def test_ingest_speed_indexes_same_store_as_in_turn(two_stores, monkeypatch) -> None:
    threaded, in_turn = two_stores
    with Store(threaded) as store:
        store.rebuild_graph()
    monkeypatch.setattr(store_module, "_meanwhile", _in_turn)
    with Store(in_turn) as store:
        store.rebuild_graph()
    got, want = _contents(threaded), _contents(in_turn)
    assert got == want
    assert len(got["nodes"]) > 100 and len(got["edges"]) > 100 and len(got["keys"]) > 100
    names = [name for kind, name, _, sql in got["schema"] if kind == "index" and sql]
    order = [line.split()[5] for line in store_module._GRAPH_INDEXES.strip().splitlines()]
    assert names == ["files_sha256", *order]  # made in the order _GRAPH_INDEXES gives


def test_ingest_speed_indexes_helper_error_is_raised_and_rolled_back(two_stores, monkeypatch):
    path, _ = two_stores
    lines = store_module._GRAPH_INDEXES.strip().splitlines()
    bad = "CREATE INDEX IF NOT EXISTS edges_nowhere ON edges (no_such_column);"
    with Store(path) as store:  # opened first: opening runs the statements too
        monkeypatch.setattr(store_module, "_GRAPH_INDEXES", "\n".join([lines[0], bad, *lines[1:]]))
        with pytest.raises(sqlite3.OperationalError, match="no_such_column"):
            store.rebuild_graph()
        assert not store.conn.in_transaction
        (nodes,) = store.conn.execute("SELECT count(*) FROM nodes").fetchone()
        assert nodes == 0 and not store.graph_is_fresh


def test_ingest_speed_indexes_meanwhile_runs_both_and_waits(tmp_path) -> None:
    conn = sqlite3.connect(tmp_path / "m.db", check_same_thread=False, isolation_level=None)
    conn.execute("CREATE TABLE t (a INTEGER, b TEXT)")
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO t VALUES (?, ?)", ((i, str(i)) for i in range(20_000)))
    conn.execute("COMMIT")
    statements = ["CREATE INDEX t_a ON t (a)", "CREATE INDEX t_b ON t (b)"]
    with store_module._meanwhile(conn, statements):
        body = sum(range(100_000))
    assert body == 4_999_950_000
    indexes = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")]
    assert indexes == ["t_a", "t_b"]  # both done when the block ends
    with pytest.raises(KeyError), store_module._meanwhile(conn, ["CREATE INDEX t_c ON t (a, b)"]):
        raise KeyError("the body's own error")
    # the helper finished before the body's error came out: the connection is free
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 't_c'").fetchone() == (1,)
    conn.close()
