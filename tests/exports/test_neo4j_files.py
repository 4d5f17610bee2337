"""Neo4j import files and Cypher scripts: what neo4j-admin and the two servers read.

Neo4j cannot run here: the import files are checked against what its documentation
says (header types, U+XXXX delimiters, the database name before the options); the
Cypher literals of the FalkorDB script make a real round trip through FalkorDB."""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path

import pytest

from policy_lineage.exports.neo4j import cypher_literal, export_cypher, export_neo4j_csv
from policy_lineage.schema.graph_model import AgencyNode, DocumentNode, Edge, LineageGraph, TaskNode
from policy_lineage.servers.connections import connect
from policy_lineage.servers.push import graph_rows
from policy_lineage.servers.reader import read_graph

# Every class of character that has broken a literal or a loader: quotes and backslashes,
# a backslash-u that must stay text, C0 controls (all but NUL), DEL, C1 controls with
# U+0085 (NEL), U+2028 / U+2029, a BOM, bidi marks, combining and decomposed Vietnamese,
# a non-BMP character, Cypher and Redis words.
HOSTILE = (
    "Kế hoạch 'số 1' \"x\" \\ \\' \\u0041 \\n "
    + "".join(chr(c) for c in range(1, 32))
    + "\x7f\x80\x85\x9f \u2028 \u2029 \ufeff \u200b\u200e\u202e "
    + "Ủy ban nha\u0302n da\u0302n 𝔘 😀 }) DETACH DELETE n // ; MATCH (m) DELETE m GRAPH.DELETE"
)


def _graph(text: str = HOSTILE) -> LineageGraph:
    g = LineageGraph()
    g.add_agency(AgencyNode("agency:so-tai-chinh", "Sở Tài chính", level="province"))
    g.add_document(
        DocumentNode("doc:a", number="1/KH-UBND", title="A", in_corpus=True, date=date(2025, 6, 1))
    )
    g.add_document(
        DocumentNode(
            "doc:evil", number="2/KH-UBND", title=text, cited_as=[text], date=date(2025, 6, 30)
        )
    )
    g.add_task(
        TaskNode(
            "task:1", text=text, document_id="doc:evil", lead=[text], deadline=date(2025, 9, 30)
        )
    )
    g.add_edge(Edge("doc:evil", "doc:a", "implements", evidence=text))
    g.add_edge(Edge("doc:evil", "task:1", "has-task"))
    g.add_edge(Edge("task:1", "agency:so-tai-chinh", "assigned-to", role="lead"))
    return g


def _statements(script: str) -> list[str]:
    """The script's statements, split the way it says: on "\\n" only."""
    return [s for s in script.split("\n") if s and not s.startswith("//")]


def test_falkordb_script_round_trips_every_hostile_character(falkordb_uri):
    g = _graph()
    script = export_cypher(g, dialect="falkordb")
    with connect(falkordb_uri) as backend:
        for line in _statements(script):
            assert line.endswith(";")
            try:
                backend.write(line[:-1])
            except Exception as exc:  # an index made by an earlier statement of the script
                if "already indexed" not in str(exc):
                    raise
        title = backend.read("MATCH (d:Document {id: 'doc:evil'}) RETURN d.title AS t")
        assert title == [{"t": HOSTILE}]
        assert read_graph(backend).to_node_link() == g.to_node_link()


def test_falkordb_literal_has_no_decoding_escape_but_the_common_ones():
    literal = cypher_literal(HOSTILE, "falkordb")
    assert "\n" not in literal and "\r" not in literal  # one statement a "\n" line
    assert "\\u" not in literal.replace("\\\\u", "")  # FalkorDB stores \u as text
    with pytest.raises(ValueError, match="NUL"):
        cypher_literal("a\x00b", "falkordb")


def _neo4j_unquote(literal: str) -> str:
    """Read a Cypher string literal the way Neo4j does (escapes of the Cypher manual)."""
    assert literal[0] == literal[-1] == "'"
    simple = {"\\": "\\", "'": "'", '"': '"', "n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f"}

    def one(m: re.Match[str]) -> str:
        esc = m.group(1)
        return chr(int(esc[1:], 16)) if esc[0] == "u" else simple[esc]

    body = literal[1:-1]
    assert not re.search(r"(?<!\\)(?:\\\\)*'", body), "an unescaped quote ends the literal"
    return re.sub(r"\\(u[0-9a-fA-F]{4}|.)", one, body)


def test_neo4j_literal_is_exact_and_line_safe():
    literal = cypher_literal(HOSTILE)
    assert _neo4j_unquote(literal) == HOSTILE
    assert literal.splitlines() == [literal]  # no U+0085, U+2028, U+2029 or control raw
    assert "Ủy ban" in literal and "😀" in literal  # text stays text


def test_neo4j_script_is_one_statement_per_line_for_any_reader():
    script = export_cypher(_graph())
    assert script.split("\n") == script.splitlines() + [""]
    assert "deadline: date('2025-09-30')" in script
    assert "date: date('2025-06-30')" in script


def test_neo4j_csv_types_days_and_leaves_no_empty_arrays(tmp_path: Path):
    g = _graph("x;y|z")
    export_neo4j_csv(g, tmp_path)
    header = (tmp_path / "nodes_Task_header.csv").read_text(encoding="utf-8").strip().split(",")
    assert "deadline:date" in header
    assert "date:date" in (tmp_path / "nodes_Document_header.csv").read_text(encoding="utf-8")
    with (tmp_path / "nodes_Task.csv").open(encoding="utf-8", newline="") as fh:
        row = next(csv.reader(fh))
    assert row[header.index("deadline:date")] == "2025-09-30"
    assert row[header.index("lead:string[]")] == "x;y|z"
    coop = [i for i, h in enumerate(header) if h.startswith("cooperating")]
    assert all(row[i] == "" for i in coop)  # empty list: no property at all
    for path in tmp_path.glob("*.csv"):
        if not path.name.endswith("_header.csv"):
            assert '"[]"' not in path.read_text(encoding="utf-8") and ",[]" not in path.read_text(
                encoding="utf-8"
            )


def test_push_rows_hold_what_the_import_files_hold():
    """An empty list is no property in a push too, so both paths give the same nodes."""
    rows = graph_rows(_graph("a"), overlaps=False)
    task = next(r for b in rows.nodes if b.label == "Task" for r in b.rows)
    assert task["props"]["cooperating"] is None  # SET += null: no property
    assert all(v != [] for b in rows.nodes for r in b.rows for v in r["props"].values())


def test_import_txt_has_posix_windows_commands_and_a_warning(tmp_path: Path):
    out = tmp_path / "dir with space"
    command = export_neo4j_csv(_graph("x;y|z"), out)
    text = (out / "IMPORT.txt").read_text(encoding="utf-8")
    lines = text.splitlines()
    warning = next(i for i, line in enumerate(lines) if "WARNING" in line)
    first_command = next(i for i, line in enumerate(lines) if line.startswith("neo4j-admin"))
    assert warning < first_command and "DELETES" in lines[warning]
    assert (
        "# POSIX shell" in text and "# Windows PowerShell" in text and "# Windows Command" in text
    )
    commands = [line for line in lines if line.startswith("neo4j-admin")]
    assert len(commands) == 3 and command in commands
    for c in commands:
        # the database name first (Neo4j ≥ 5.19), the delimiter as U+XXXX: no | or ' to parse
        assert c.startswith("neo4j-admin database import full neo4j --")
        assert re.search(r"--array-delimiter=U\+[0-9A-F]{4}( |$)", c)
        assert "|" not in c
    posix, powershell, cmd = commands
    assert "'--nodes=" in posix and "'--nodes=" in powershell and '"--nodes=' in cmd
    assert str(out.resolve()) in posix


def test_export_cypher_dialects_from_the_cli(cli, corpus_store):
    neo4j = cli("export", "--format", "cypher", "--store", corpus_store)
    falkordb = cli(
        "export", "--format", "cypher", "--cypher-dialect", "falkordb", "--store", corpus_store
    )
    assert neo4j.exit_code == falkordb.exit_code == 0
    assert "date('2025-06-30')" in neo4j.stdout and "date(" not in falkordb.stdout
    assert "CREATE CONSTRAINT" in neo4j.stdout and "CREATE CONSTRAINT" not in falkordb.stdout
    wrong = cli("export", "--format", "ttl", "--cypher-dialect", "neo4j", "--store", corpus_store)
    assert wrong.exit_code == 2


def test_neo4j_backend_sends_days_as_dates_and_reads_them_back_as_iso():
    """What Neo4j stores (a Date) from a push, and what the queries then read (ISO text)."""
    from neo4j.time import Date

    from policy_lineage.servers.connections import _neo4j_params
    from policy_lineage.servers.cypher import iso_dates

    rows = graph_rows(_graph("a"), overlaps=False)
    task_rows = next(b.rows for b in rows.nodes if b.label == "Task")
    sent = _neo4j_params({"rows": task_rows, "gen": "g"})
    assert sent["rows"][0]["props"]["deadline"] == date(2025, 9, 30)
    assert task_rows[0]["props"]["deadline"] == "2025-09-30"  # the rows themselves unchanged
    back = iso_dates({"task": {"deadline": Date(2025, 9, 30), "lead": ["a"]}, "n": 1})
    assert back == {"task": {"deadline": "2025-09-30", "lead": ["a"]}, "n": 1}
