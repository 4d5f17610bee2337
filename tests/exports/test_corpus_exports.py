"""The bundled corpus's graph through every adapter: SHACL, Turtle round trip, GraphML,
networkx and the node-link contract."""

from __future__ import annotations

import json

import networkx as nx
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from policy_lineage.exports.formats import export
from policy_lineage.exports.networkx_adapter import from_networkx, to_networkx
from policy_lineage.exports.rdf import to_rdf, validate
from policy_lineage.graph.build import build_graph
from policy_lineage.loaders.pipeline import extract_paths
from policy_lineage.schema.graph_model import LineageGraph


@pytest.fixture(scope="module")
def graph(corpus_graph):
    return corpus_graph


def test_the_corpus_graph_passes_the_shacl_shapes(graph):
    conforms, report = validate(to_rdf(graph))
    assert conforms, report


def test_a_broken_corpus_graph_fails_them(graph):
    broken = LineageGraph.from_node_link(graph.to_node_link())
    task = next(iter(broken.tasks.values()))
    edge = next(e for e in broken.edges if e.kind == "assigned-to")
    edge.role = "người xem"  # neither lead nor cooperating
    broken.edges = [e for e in broken.edges if not (e.kind == "has-task" and e.target == task.id)]
    conforms, report = validate(to_rdf(broken))
    assert not conforms
    assert "người xem" in report or "role" in report.lower()


def test_turtle_round_trip_is_isomorphic_to_a_second_export(graph, tmp_path, corpus):
    first = Graph().parse(data=export(graph, "ttl"), format="turtle")
    again = build_graph(extract_paths([str(corpus)]))
    second = Graph().parse(data=export(again, "ttl"), format="turtle")
    assert len(first) > 5000
    assert isomorphic(first, second)


def test_graphml_read_back_by_networkx_keeps_every_node_and_edge(graph, tmp_path):
    path = tmp_path / "g.graphml"
    export(graph, "graphml", path)
    back = nx.read_graphml(path)
    assert back.number_of_nodes() == len(graph.nodes())
    assert back.number_of_edges() == len(graph.edges)


def test_networkx_keeps_parallel_edges_and_round_trips(graph):
    G = to_networkx(graph)
    assert G.number_of_edges() == len(graph.edges)  # the same relation said twice stays twice
    back, original = from_networkx(G).to_node_link(), graph.to_node_link()
    assert sorted(map(json.dumps, back["edges"])) == sorted(map(json.dumps, original["edges"]))
    by_id = lambda data: {n["id"]: n for n in data["nodes"]}  # noqa: E731
    assert by_id(back) == by_id(original)


def test_node_link_json_follows_the_contract(graph):
    data = json.loads(export(graph, "json"))
    assert data["directed"] and data["multigraph"]
    kinds = {n["kind"] for n in data["nodes"]}
    assert kinds == {"Document", "Agency", "Task"}
    nq = [n for n in data["nodes"] if n.get("number") == "57-NQ/TW"]
    assert len(nq) == 1 and nq[0]["in_corpus"] is False and nq[0]["date"] == "2024-12-22"
    ingested = [n for n in data["nodes"] if n["kind"] == "Document" and n["in_corpus"]]
    assert len(ingested) == 5 and all(n["source"].endswith(".txt") for n in ingested)
    assert {e["kind"] for e in data["edges"]} <= {
        "implements", "supersedes", "assigned-to", "issued-by", "based-on", "amends",
        "cites", "has-task", "delegates", "part-of",
    }  # fmt: skip
    assert all(
        e["role"] in ("lead", "cooperating") for e in data["edges"] if e["kind"] == "assigned-to"
    )
