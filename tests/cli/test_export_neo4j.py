"""`policy-lineage export --format neo4j-csv DIR` and `--format cypher FILE`, with the
store load monkeypatched: the files written, their header rows, the neo4j-admin command
printed, and a title holding quotes and backslashes escaped in the Cypher script."""

from __future__ import annotations

import csv
import shlex
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from policy_lineage.cli import main
from policy_lineage.commands import export as export_cmd
from policy_lineage.schema.graph_model import (
    AgencyNode,
    DocumentNode,
    Edge,
    LineageGraph,
    TaskNode,
)

NQ57 = "doc:vn:57-NQ/TW:2021-2026"
KH05 = "doc:dong-thap:05-KH/TU:2025-2030"
SKHCN = "agency:so-khoa-hoc-va-cong-nghe@dong-thap"
SOURCE = "examples/dong-thap/05-KH-TU.txt"
TITLE = "thực hiện Nghị quyết 57 về \"chuyển đổi số\" của Tỉnh ủy\\Ban 'Chỉ đạo'"


def _graph() -> LineageGraph:
    g = LineageGraph()
    g.add_document(
        DocumentNode(NQ57, number="57-NQ/TW", doc_type="Nghị quyết", date=date(2024, 12, 22))
    )
    g.add_document(
        DocumentNode(
            KH05,
            number="05-KH/TU",
            doc_type="Kế hoạch",
            in_corpus=True,
            source=SOURCE,
            title=TITLE,
            cited_as=["KH 05", "Kế hoạch số 05-KH/TU"],
        )
    )
    g.add_agency(
        AgencyNode(SKHCN, "Sở Khoa học và Công nghệ", level="province", province="Đồng Tháp")
    )
    g.add_task(
        TaskNode(
            "task:1",
            "Xây dựng Đề án hạ tầng số",
            KH05,
            lead=["Sở Khoa học và Công nghệ"],
            deadline=date(2025, 12, 31),
            source=SOURCE,
        )
    )
    g.add_edge(Edge(KH05, NQ57, "implements", evidence="Thực hiện Nghị quyết", source_file=SOURCE))
    g.add_edge(Edge(KH05, "task:1", "has-task", source_file=SOURCE, span=(10, 40)))
    g.add_edge(Edge("task:1", SKHCN, "assigned-to", role="lead", source_file=SOURCE))
    return g


@pytest.fixture(autouse=True)
def store(monkeypatch: pytest.MonkeyPatch) -> LineageGraph:
    graph = _graph()
    monkeypatch.setattr(export_cmd, "load_graph", lambda path: graph)
    return graph


def _export(*args: str) -> Result:
    return CliRunner().invoke(main, ["export", *args])


def _read_csv(header: Path, body: Path) -> list[dict[str, str]]:
    names = header.read_text(encoding="utf-8").strip().split(",")
    with body.open(encoding="utf-8", newline="") as fh:
        return [dict(zip(names, row, strict=True)) for row in csv.reader(fh)]


def test_export_neo4j_csv_writes_the_files_and_prints_the_command(tmp_path: Path) -> None:
    out = tmp_path / "neo4j import"  # a space: the printed command quotes the paths
    result = _export("--format", "neo4j-csv", str(out))
    assert result.exit_code == 0, result.output
    command = result.stdout.strip()
    assert command.startswith("neo4j-admin database import full neo4j ")
    assert "\n" not in command
    # the command printed is the one IMPORT.txt holds
    assert command in (out / "IMPORT.txt").read_text(encoding="utf-8").splitlines()
    words = shlex.split(command)
    for label in ("Document", "Agency", "Task", "LineageMeta"):
        header, body = out / f"nodes_{label}_header.csv", out / f"nodes_{label}.csv"
        assert header.is_file() and body.is_file(), label
        assert f"--nodes={header.resolve()},{body.resolve()}" in words
    for rel in ("IMPLEMENTS", "HAS_TASK", "ASSIGNED_TO"):
        header, body = out / f"rels_{rel}_header.csv", out / f"rels_{rel}.csv"
        assert f"--relationships={header.resolve()},{body.resolve()}" in words
        assert header.read_text(encoding="utf-8").split(",")[:3] == [
            ":START_ID",
            ":END_ID",
            ":TYPE",
        ]
    doc_header = (out / "nodes_Document_header.csv").read_text(encoding="utf-8").split(",")
    assert doc_header[:2] == ["id:ID", ":LABEL"]
    assert {"is_draft:boolean", "in_corpus:boolean", "cited_as:string[]", "seq:long"} <= set(
        doc_header
    )
    docs = _read_csv(out / "nodes_Document_header.csv", out / "nodes_Document.csv")
    kh05 = next(d for d in docs if d["id:ID"] == KH05)
    assert kh05["title"] == TITLE and kh05[":LABEL"] == "Document"
    assert kh05["cited_as:string[]"].split(";") == ["KH 05", "Kế hoạch số 05-KH/TU"]
    rels = _read_csv(out / "rels_ASSIGNED_TO_header.csv", out / "rels_ASSIGNED_TO.csv")
    assert [(r[":START_ID"], r[":END_ID"], r["role"]) for r in rels] == [("task:1", SKHCN, "lead")]
    assert "CREATE CONSTRAINT" in (out / "constraints.cypher").read_text(encoding="utf-8")
    assert "IMPORT.txt" in result.stderr


def test_export_neo4j_csv_needs_a_directory(tmp_path: Path) -> None:
    result = _export("--format", "neo4j-csv")
    assert result.exit_code == 2 and "needs -o PATH" in result.output
    a_file = tmp_path / "taken"
    a_file.write_text("x")
    result = _export("--format", "neo4j-csv", "-o", str(a_file))
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"Error: --format neo4j-csv writes a directory, and {a_file} is a file"
    ]


def test_export_cypher_file_escapes_the_title(tmp_path: Path) -> None:
    out = tmp_path / "lineage.cypher"
    result = _export("--format", "cypher", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""  # nothing to run next: cypher-shell -f FILE, as it says
    script = out.read_text(encoding="utf-8")
    statements = [line for line in script.splitlines() if line and not line.startswith("//")]
    assert statements and all(line.endswith(";") for line in statements)
    assert "cypher-shell" in script.splitlines()[0]
    escaped = TITLE.replace("\\", "\\\\").replace("'", "\\'")
    assert f"title: '{escaped}'" in script
    assert TITLE not in script  # never raw: the quote would end the literal
    assert "'Sở Khoa học và Công nghệ'" in script  # Vietnamese kept as it is


def test_export_cypher_to_stdout_is_the_file(tmp_path: Path) -> None:
    out = tmp_path / "lineage.cypher"
    assert _export("--format", "cypher", "-o", str(out)).exit_code == 0
    result = _export("--format", "cypher")
    assert result.exit_code == 0
    assert result.stdout == out.read_text(encoding="utf-8")


def test_export_path_given_twice_is_a_usage_error(tmp_path: Path) -> None:
    result = _export("--format", "cypher", str(tmp_path / "a"), "-o", str(tmp_path / "b"))
    assert result.exit_code == 2 and "PATH or -o PATH" in result.output


def test_export_formats_are_the_exporters_table() -> None:
    from policy_lineage.exports.formats import EXPORTERS

    assert set(export_cmd.FORMATS) == set(EXPORTERS)
