"""A title made to break Cypher arrives intact on the server and deletes nothing; the
Cypher script and the neo4j-admin CSV escape it."""

from __future__ import annotations

import csv
from pathlib import Path

from policy_lineage.exports.neo4j import cypher_literal, export_cypher, export_neo4j_csv
from policy_lineage.schema.graph_model import DocumentNode, Edge, LineageGraph, TaskNode
from policy_lineage.servers.connections import connect
from policy_lineage.servers.push import push
from policy_lineage.servers.reader import read_graph

EVIL = "Kế hoạch \"số 1\" \\ \\' it's }) DETACH DELETE n // ; MATCH (m) DELETE m\n\tdòng\f2"


def _graph() -> LineageGraph:
    g = LineageGraph()
    g.add_document(DocumentNode(id="doc:a", number="1/KH-UBND", title="Kế hoạch A", in_corpus=True))
    g.add_document(
        DocumentNode(id="doc:evil", number="2/KH-UBND", title=EVIL, cited_as=[EVIL, "x;y|z"])
    )
    g.add_task(TaskNode(id="task:1", text=EVIL, document_id="doc:evil", lead=[EVIL]))
    g.add_edge(Edge("doc:evil", "doc:a", "implements", evidence=EVIL))
    g.add_edge(Edge("doc:evil", "task:1", "has-task"))
    return g


def test_evil_title_arrives_intact_and_deletes_nothing(falkordb_uri: str) -> None:
    g = _graph()
    with connect(falkordb_uri) as backend:
        backend.write("CREATE (:Bystander {name: 'not ours'})")
        report = push(g, backend)
        assert report.deleted_nodes == 0 and report.deleted_relationships == 0
        rows = backend.read("MATCH (d:Document {id: 'doc:evil'}) RETURN d.title AS t")
        assert rows == [{"t": EVIL}]
        assert read_graph(backend).to_node_link() == g.to_node_link()
        assert backend.read("MATCH (b:Bystander) RETURN b.name AS n") == [{"n": "not ours"}]
        assert backend.read("MATCH (d:Document) RETURN count(d) AS n") == [{"n": 2}]


def _unquote(literal: str) -> str:
    """Read back a single-quoted Cypher string literal (the escapes cypher_literal writes)."""
    assert literal[0] == literal[-1] == "'"
    out, i, body = [], 0, literal[1:-1]
    simple = {"\\": "\\", "'": "'", '"': '"', "n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f"}
    while i < len(body):
        ch = body[i]
        if ch == "'":
            raise AssertionError("an unescaped quote ends the literal early")
        if ch == "\\":
            nxt = body[i + 1]
            if nxt == "u":
                out.append(chr(int(body[i + 2 : i + 6], 16)))
                i += 6
                continue
            out.append(simple[nxt])
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def test_cypher_literal_escaping() -> None:
    for text in [EVIL, "", "'", "\\", "\\'", "a\x01b\u2028c", "tiếng Việt"]:
        literal = cypher_literal(text)
        assert "\n" not in literal and "\r" not in literal
        assert _unquote(literal) == text
    assert cypher_literal({"odd key": 1}) == "{`odd key`: 1}"


def test_cypher_script_runs_and_keeps_the_title(falkordb_uri: str) -> None:
    """The script's statements (schema lines are Neo4j's own) load the same graph."""
    g = _graph()
    script = export_cypher(g)
    assert "DETACH DELETE n //" in script  # inside a literal, escaped, one statement a line
    statements = [line for line in script.splitlines() if line and not line.startswith("//")]
    assert all(line.endswith(";") for line in statements)
    with connect(falkordb_uri) as backend:
        for line in statements:
            if line.startswith("CREATE CONSTRAINT") or line.startswith("CREATE INDEX"):
                continue
            backend.write(line[:-1])
        assert backend.read("MATCH (d:Document {id: 'doc:evil'}) RETURN d.title AS t") == [
            {"t": EVIL}
        ]
        assert read_graph(backend).to_node_link() == g.to_node_link()


def test_neo4j_csv_escapes_and_types(tmp_path: Path) -> None:
    g = _graph()
    command = export_neo4j_csv(g, tmp_path / "csv")
    folder = tmp_path / "csv"
    header = (folder / "nodes_Document_header.csv").read_text(encoding="utf-8").strip().split(",")
    assert header[:2] == ["id:ID", ":LABEL"]
    assert "is_draft:boolean" in header and "cited_as:string[]" in header and "seq:long" in header
    # "x;y|z" holds both ';' and '|': the delimiter is another one, and the command says so
    assert "--array-delimiter=U+00A6" in command  # '¦', written so that no shell parses it
    with (folder / "nodes_Document.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    evil = next(r for r in rows if r[0] == "doc:evil")
    assert evil[header.index("title")] == EVIL
    assert evil[header.index("cited_as:string[]")].split("¦") == [EVIL, "x;y|z"]
    rel_header = (folder / "rels_IMPLEMENTS_header.csv").read_text(encoding="utf-8").split(",")
    assert rel_header[:3] == [":START_ID", ":END_ID", ":TYPE"]
    for name in ("nodes_Document", "nodes_Task", "rels_IMPLEMENTS", "rels_HAS_TASK"):
        assert f"{folder.resolve() / name}_header.csv,{folder.resolve() / name}.csv" in command
    assert command.startswith("neo4j-admin database import full neo4j ")
    assert "--multiline-fields=true" in command
    assert (folder / "constraints.cypher").read_text().count("CREATE CONSTRAINT") == 6
