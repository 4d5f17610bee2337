"""The rows a push writes, made as they are read (``lazy``) or held: the same rows."""

from __future__ import annotations

from policy_lineage.schema.graph_model import LineageGraph
from policy_lineage.servers.push import _chunks, graph_rows


def _held(rows) -> dict:
    return {
        "nodes": [(b.label, len(b), list(b.iter_rows())) for b in rows.nodes],
        "edges": [
            (b.kind, b.source_label, b.target_label, len(b), list(b.iter_rows()))
            for b in rows.edges
        ],
        "meta": rows.meta,
        "gen": rows.gen,
        "skipped": rows.skipped_edges,
    }


def test_lazy_rows_are_the_rows(corpus_graph: LineageGraph) -> None:
    """A push of the national graph makes each batch's rows as it writes them; the servers
    get what the exports hold: the same batches in the same order, each row the same, twice
    the same record in one batch numbered the same way, the counts known beforehand."""
    held = graph_rows(corpus_graph)
    lazy = graph_rows(corpus_graph, lazy=True)
    assert any(b.produce is not None for b in lazy.nodes)  # made as read, not held
    assert all(not b.rows for b in lazy.nodes if b.produce is not None)
    assert _held(lazy) == _held(held)
    assert lazy.total == held.total and lazy.node_counts() == held.node_counts()
    assert lazy.edge_counts() == held.edge_counts()
    keys = [r["key"] for b in lazy.edges for r in b.iter_rows()]
    assert len(keys) == len(set(keys)) and held.total > 400


def test_chunks_of_an_iterator() -> None:
    assert list(_chunks(iter(range(7)), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(_chunks(iter([]), 3)) == []
