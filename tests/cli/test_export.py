"""`policy-lineage export` and `policy-lineage sparql` with the store load monkeypatched."""

from __future__ import annotations

import csv
import json
import sys
import types
from datetime import date

import networkx as nx
import pytest
from click.testing import CliRunner
from rdflib import Graph

from policy_lineage.cli import main
from policy_lineage.commands import export as export_cmd
from policy_lineage.commands import sparql as sparql_cmd
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
            title='thực hiện Nghị quyết 57 <b>&</b> "chuyển đổi số"',
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


@pytest.fixture
def store(monkeypatch):
    """The graph each command loads; the test may break it before invoking."""
    graph = _graph()
    seen: list[str] = []

    def load(path: str) -> LineageGraph:
        seen.append(path)
        return graph

    monkeypatch.setattr(export_cmd, "load_graph", load)
    monkeypatch.setattr(sparql_cmd, "load_graph", load)
    return types.SimpleNamespace(graph=graph, paths=seen)


@pytest.fixture
def run(cli):
    """``run(*args)``: the command's result; an exception in it fails the test."""
    return lambda *args: cli(*args, catch_exceptions=False)


def test_export_cli_turtle_to_stdout_validates(run, store):
    result = run("export", "--format", "ttl", "--validate", "--store", "my.db")
    assert result.exit_code == 0, result.output
    assert store.paths == ["my.db"]
    rdf = Graph().parse(data=result.stdout, format="turtle")
    assert any("05-KH/TU" in str(o) for o in rdf.objects())


def test_export_cli_json_is_the_contract(run, store):
    result = run("export", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["directed"] and data["multigraph"]
    assert {e["kind"] for e in data["edges"]} == {"implements", "has-task", "assigned-to"}
    assert "Sở Khoa học và Công nghệ" in result.stdout


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
def test_export_cli_jsonld_to_file(run, store, tmp_path):
    out = tmp_path / "g.jsonld"
    result = run("export", "--format", "jsonld", "-o", str(out))
    assert result.exit_code == 0
    assert len(Graph().parse(out, format="json-ld")) > 0


def test_export_cli_csv_needs_a_directory_and_writes_it(run, store, tmp_path):
    result = CliRunner().invoke(main, ["export", "--format", "csv"])
    assert result.exit_code == 2
    assert "needs -o PATH" in result.output
    out = tmp_path / "tables"
    assert run("export", "--format", "csv", "-o", str(out)).exit_code == 0
    raw = (out / "tasks.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0]["Chủ trì / Lead"] == "Sở Khoa học và Công nghệ"


def test_export_cli_graphml_to_file(run, store, tmp_path):
    out = tmp_path / "g.graphml"
    assert run("export", "--format", "graphml", "-o", str(out)).exit_code == 0
    G = nx.read_graphml(out)
    assert (G.number_of_nodes(), G.number_of_edges()) == (4, 3)


def test_export_cli_validate_fails_on_a_broken_graph(store, tmp_path):
    store.graph.edges[-1].role = "boss"
    store.graph.documents[NQ57].date = "22/12/2024"
    out = tmp_path / "g.ttl"
    result = CliRunner().invoke(main, ["export", "--validate", "-o", str(out)])
    assert result.exit_code == 1
    assert "Conforms: False" in result.stderr
    assert "role must be lead or cooperating" in result.stderr
    assert "an xsd:date" in result.stderr
    assert not out.exists()


def test_export_cli_store_error_is_one_line(monkeypatch):
    class StoreError(Exception):
        pass

    def load_graph(path):
        raise StoreError(f"no store at {path}: run `policy-lineage build DIR` first")

    fake = types.ModuleType("policy_lineage.graph.store")
    fake.StoreError, fake.load_graph = StoreError, load_graph
    monkeypatch.setitem(sys.modules, "policy_lineage.graph.store", fake)
    for command in (["export", "--format", "json"], ["sparql", "ASK { ?s ?p ?o }"]):
        result = CliRunner().invoke(main, [*command, "--store", "missing.db"])
        assert result.exit_code == 1
        assert result.stderr.strip().splitlines() == [
            "Error: no store at missing.db: run `policy-lineage build DIR` first"
        ]


def test_sparql_cli_table_json_csv(run, store):
    query = 'SELECT ?up ?date WHERE { ?d pl:number "05-KH/TU" ; pl:implements ?u . ?u pl:number ?up ; pl:date ?date }'
    table = run("sparql", query)
    assert table.exit_code == 0
    assert "57-NQ/TW" in table.stdout and "2024-12-22" in table.stdout
    as_json = json.loads(run("sparql", query, "--format", "json").stdout)
    assert as_json == [{"up": "57-NQ/TW", "date": "2024-12-22"}]
    as_csv = run("sparql", query, "--format", "csv").stdout.splitlines()
    assert as_csv == ["up,date", "57-NQ/TW,2024-12-22"]


def test_sparql_cli_shows_vietnamese_and_node_ids(run, store):
    result = run("sparql", "SELECT ?a WHERE { ?t pl:leadAgency ?a }")
    assert SKHCN in result.stdout  # the node id, not the quoted IRI
    result = run("sparql", "SELECT ?name WHERE { ?t pl:leadAgency/pl:name ?name }")
    assert "Sở Khoa học và Công nghệ" in result.stdout


def test_sparql_cli_ask(run, store):
    assert run("sparql", "ASK { ?t a pl:Task }").stdout.strip() == "true"
    assert json.loads(
        run("sparql", 'ASK { ?t a pl:Agency ; pl:level "commune" }', "--format", "json").stdout
    ) == {"boolean": False}


def test_sparql_cli_malformed_query_exits_2(store):
    result = CliRunner().invoke(main, ["sparql", "SELECT ?x WHERE { ?x pl:number "])
    assert result.exit_code == 2
    assert "malformed SPARQL query" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "query, code",
    [
        ("SELECT ?n WHERE { ?d pl:number ?n }", 0),
        ('SELECT ?n WHERE { ?d pl:number "999-NQ/TW" ; pl:number ?n }', 1),
        ("ASK { ?t a pl:Task }", 0),
        ('ASK { ?t a pl:Agency ; pl:level "commune" }', 1),
        ("CONSTRUCT { ?d pl:number ?n } WHERE { ?d pl:number ?n }", 0),
        ('CONSTRUCT { ?d pl:number ?n } WHERE { ?d pl:number "999-NQ/TW" ; pl:number ?n }', 1),
    ],
)
@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_sparql_cli_exit_code_says_whether_anything_matched(run, store, query, code, fmt):
    result = run("sparql", query, "--format", fmt)
    assert result.exit_code == code, result.output
    if code:
        assert "nothing matched" in result.stderr


def test_sparql_cli_no_rows_still_prints_the_header(run, store):
    result = run("sparql", 'SELECT ?n WHERE { ?d pl:number "x" ; pl:number ?n }', "--format", "csv")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == ["n"]
