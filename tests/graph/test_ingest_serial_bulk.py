"""The first graph of a store is written through a rollback journal (graph/store.py,
``Store._bulk_journal``): the same rows as through the WAL, the WAL mode back after, and a
build killed while it writes leaves the store as it was before the graph."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from contextlib import closing
from pathlib import Path

from policy_lineage.graph.ingest import ingest
from policy_lineage.graph.store import Store, load_graph

_ROWS = {
    "nodes": "SELECT id, kind, data, owner, grp FROM nodes ORDER BY rowid",
    "edges": "SELECT seq, source, target, kind, data, owner FROM edges ORDER BY seq",
    "findings": "SELECT seq, data, owner FROM findings ORDER BY seq",
    "keys": "SELECT owner, key, info FROM keys ORDER BY owner, key, info",
}


def _graph_rows(path: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(path) as conn:
        return {table: conn.execute(sql).fetchall() for table, sql in _ROWS.items()}


def _mode(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return conn.execute("PRAGMA journal_mode").fetchone()[0]


def _record_modes(monkeypatch) -> list[str]:
    """The journal mode each graph was written in (seen inside its transaction)."""
    modes: list[str] = []
    set_meta = Store._set_meta

    def spy(self: Store, key: str, value: str) -> None:
        if key == "graph_state" and value == "fresh" and self.conn.in_transaction:
            modes.append(self.conn.execute("PRAGMA journal_mode").fetchone()[0])
        set_meta(self, key, value)

    monkeypatch.setattr(Store, "_set_meta", spy)
    return modes


def test_ingest_serial_bulk_first_graph_is_the_one_the_wal_writes(corpus, tmp_path, monkeypatch):
    modes = _record_modes(monkeypatch)
    bulk, wal = tmp_path / "bulk.db", tmp_path / "wal.db"
    with Store(bulk, create=True) as store:
        ingest(store, [str(corpus)])
    # a second connection open: the journal mode cannot change, the WAL writes it
    with Store(wal, create=True) as store, closing(sqlite3.connect(wal)) as other:
        other.execute("SELECT count(*) FROM files").fetchall()
        ingest(store, [str(corpus)])
    assert modes == ["delete", "wal"]
    assert _graph_rows(bulk) == _graph_rows(wal)
    assert _graph_rows(bulk)["nodes"] and _graph_rows(bulk)["keys"]
    assert _mode(bulk) == "wal"
    assert not Path(f"{bulk}-journal").exists()
    with Store(bulk) as store:  # a rebuild over the stored graph: through the WAL
        store.rebuild_graph()
    assert modes == ["delete", "wal", "wal"]
    assert _graph_rows(bulk) == _graph_rows(wal)


_KILLED_WHILE_WRITING = """
import os, signal, sys
from policy_lineage.graph.store import Store
from policy_lineage.graph.ingest import ingest

set_meta = Store._set_meta

def killed(self, key, value):
    if key == "graph_state" and value == "fresh" and self.conn.in_transaction:
        # every row of the graph and its indexes written, not committed
        mode = self.conn.execute("PRAGMA journal_mode").fetchone()[0]
        print(mode, flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
    set_meta(self, key, value)

Store._set_meta = killed
with Store(sys.argv[1], create=True) as store:
    ingest(store, [sys.argv[2]])
"""


def test_ingest_serial_bulk_a_build_killed_while_writing_the_graph_loses_nothing(corpus, tmp_path):
    path = tmp_path / "s.db"
    script = tmp_path / "kill.py"
    script.write_text(textwrap.dedent(_KILLED_WHILE_WRITING))
    proc = subprocess.run(
        [sys.executable, str(script), str(path), str(corpus)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert proc.stdout.split() == ["delete"]  # killed inside the rollback-journal write
    assert Path(f"{path}-journal").exists()  # a hot journal: the next open rolls it back

    with Store(path) as store:
        conn = store.conn
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert len(store.files()) == 5  # every file parsed before the graph is kept
        assert store._graph_is_empty()
        assert not store.graph_is_fresh
    assert not Path(f"{path}-journal").exists()

    good = tmp_path / "good.db"
    with Store(good, create=True) as store:
        ingest(store, [str(corpus)])
    # the interrupted graph is resolved again on open: the graph of a build not killed
    assert load_graph(path).to_node_link() == load_graph(good).to_node_link()
    assert _graph_rows(path) == _graph_rows(good)
    assert os.path.getsize(path) > 0
