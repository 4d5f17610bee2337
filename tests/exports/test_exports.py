"""exports/formats.py: every format writes what its readers (rdflib, networkx, Excel) read back."""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from policy_lineage.exports.formats import CSV_FILES, EXPORTERS, export
from policy_lineage.exports.rdf import to_rdf
from policy_lineage.schema.graph_model import TaskNode

KH254 = "doc:dong-thap:254/KH-UBND:2025"
TASK_SKHCN = "task:254-1"
TASK_UBND = "task:05-1"


def test_exports_registry_names_every_format():
    assert set(EXPORTERS) == {
        "ttl",
        "jsonld",
        "graphml",
        "csv",
        "xlsx",
        "json",
        "cypher",
        "neo4j-csv",
    }
    assert EXPORTERS["csv"].directory and EXPORTERS["csv"].text is None
    assert EXPORTERS["neo4j-csv"].directory and EXPORTERS["neo4j-csv"].text is None
    assert EXPORTERS["cypher"].text is not None and not EXPORTERS["cypher"].directory
    assert EXPORTERS["graphml"].text is not None  # GraphML can go to stdout


def test_exports_turtle_file_parses_back_isomorphic(lineage, tmp_path):
    export(lineage, "ttl", tmp_path / "g.ttl")
    parsed = Graph().parse(tmp_path / "g.ttl", format="turtle")
    assert isomorphic(parsed, to_rdf(lineage))


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
def test_exports_jsonld_parses_back_to_the_same_triples(lineage):
    text = export(lineage, "jsonld")
    assert "Sở Khoa học và Công nghệ" in text  # not \\u-escaped
    parsed = Graph().parse(data=text, format="json-ld")
    rdf = to_rdf(lineage)
    assert len(parsed) == len(rdf)
    assert isomorphic(parsed, rdf)


def test_exports_json_is_the_node_link_contract(lineage):
    data = json.loads(export(lineage, "json"))
    assert data == json.loads(json.dumps(lineage.to_node_link()))
    assert {n["kind"] for n in data["nodes"]} == {"Document", "Agency", "Task"}
    assert "Đảng ủy xã Mỹ Hòa" in export(lineage, "json")


def test_exports_graphml_reads_back_with_every_node_and_edge(lineage, tmp_path):
    path = tmp_path / "g.graphml"
    export(lineage, "graphml", path)
    ET.parse(path)  # well-formed XML (the form feed in a task's text is gone)
    G = nx.read_graphml(path)
    G = nx.relabel_nodes(G, {n: a["node_id"] for n, a in G.nodes(data=True)})
    assert G.number_of_nodes() == len(lineage.nodes())
    # the two `delegates` edges between one pair of bodies stay two
    assert G.number_of_edges() == len(lineage.edges)
    assert G.nodes[KH254]["title"] == lineage.documents[KH254].title
    assert G.nodes[KH254]["label"] == "254/KH-UBND"
    assert G.nodes[TASK_SKHCN]["lead"] == "Sở Khoa học và Công nghệ"
    assert G.nodes[TASK_SKHCN]["span_start"] == 1200
    assert "\x0c" not in G.nodes[TASK_UBND]["text"]
    assert json.loads(G.graph["findings"])[0]["kind"] == "body_two_numbers"
    edge_ids = [key for _, _, key in G.edges(keys=True)]
    assert len(edge_ids) == len(set(edge_ids))


def _read_csv(path):
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_exports_csv_directory_has_bom_and_vietnamese(lineage, tmp_path):
    out = tmp_path / "csv"
    export(lineage, "csv", out)
    assert sorted(p.name for p in out.iterdir()) == sorted(CSV_FILES)
    for name in CSV_FILES:
        assert (out / name).read_bytes().startswith(b"\xef\xbb\xbf"), name
    documents = _read_csv(out / "documents.csv")
    assert len(documents) == len(lineage.documents)
    titles = {row["Trích yếu / Title"] for row in documents}
    assert lineage.documents[KH254].title in titles
    agencies = _read_csv(out / "agencies.csv")
    names = {row["Tên / Name"] for row in agencies}
    assert {
        "Sở Khoa học và Công nghệ",
        "Đảng ủy xã Mỹ Hòa",
        "Ủy ban nhân dân tỉnh Đồng Tháp",
    } <= names
    assert len(_read_csv(out / "edges.csv")) == len(lineage.edges)


def test_exports_csv_task_rows_carry_the_five_things(lineage, tmp_path):
    export(lineage, "csv", tmp_path)
    rows = {r["Mã / ID"]: r for r in _read_csv(tmp_path / "tasks.csv")}
    assert len(rows) == len(lineage.tasks)
    row = rows[TASK_SKHCN]
    assert row["Chủ trì / Lead"] == "Sở Khoa học và Công nghệ"
    assert row["Phối hợp / Cooperating"] == "Sở Tài chính"
    assert row["Thời hạn / Deadline"] == "2025-12-31"
    assert row["Kết quả / Deliverable"] == "Đề án trình UBND tỉnh"
    assert row["Văn bản / Document"] == "254/KH-UBND"
    assert row["Tệp nguồn / Source file"] == lineage.tasks[TASK_SKHCN].source
    assert rows[TASK_UBND]["Thường xuyên / Recurring"] == "true"


def test_exports_csv_cell_that_a_spreadsheet_would_run_is_quoted(lineage, tmp_path):
    lineage.add_task(TaskNode("task:x", text="=HYPERLINK(1)", document_id=KH254))
    lineage.add_task(TaskNode("task:y", text="-5", document_id=KH254))
    export(lineage, "csv", tmp_path)
    texts = {r["Mã / ID"]: r["Nhiệm vụ / Task"] for r in _read_csv(tmp_path / "tasks.csv")}
    assert texts["task:x"] == "'=HYPERLINK(1)"
    assert texts["task:y"] == "-5"


@pytest.mark.parametrize("fmt", ["csv", "neo4j-csv"])
def test_exports_file_formats_need_a_path(lineage, fmt):
    with pytest.raises(ValueError, match="-o PATH"):
        export(lineage, fmt)


def test_exports_unknown_format_is_an_error(lineage):
    with pytest.raises(ValueError, match="unknown export format"):
        export(lineage, "xls")
