"""GraphML: valid against the GraphML schema (tests/exports/xsd/graphml.xsd, written from
the GraphML structure: see its header), values of their key's XSD type, labels yEd shows,
parallel edges kept, and read back by networkx."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
import xmlschema
from lxml import etree

from policy_lineage.exports.formats import export
from policy_lineage.exports.graphml import GRAPHML_NS, Y_NS

XSD = Path(__file__).parent / "xsd" / "graphml.xsd"
NS = {"g": GRAPHML_NS, "y": Y_NS}
XSD_TYPES = {"boolean", "int", "long", "float", "double", "string"}


@pytest.fixture(scope="module")
def schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(XSD)


def _check(text: str, schema: xmlschema.XMLSchema) -> etree._Element:
    schema.validate(text)  # raises with the path of the first breach
    root = etree.fromstring(text.encode("utf-8"))
    types = {k.get("id"): k.get("attr.type") for k in root.iterfind("g:key", NS)}
    builtins = xmlschema.XMLSchema.meta_schema.types
    for data in root.iter(f"{{{GRAPHML_NS}}}data"):
        kind = types[data.get("key")]
        if kind is None:  # yFiles graphics: elements, no text
            assert len(data) == 1 and data[0].tag.startswith(f"{{{Y_NS}}}")
            continue
        assert kind in XSD_TYPES
        assert len(data) == 0, "nested value"
        assert data.text, "empty value"
        builtins[kind].validate(data.text)  # "True" is no xs:boolean
    return root


def test_graphml_is_valid_and_typed(lineage, schema):
    root = _check(export(lineage, "graphml"), schema)
    booleans = [
        d.text
        for d in root.iter(f"{{{GRAPHML_NS}}}data")
        if root.find(f"g:key[@id='{d.get('key')}']", NS).get("attr.type") == "boolean"
    ]
    assert booleans and set(booleans) <= {"true", "false"}


def test_graphml_corpus_is_valid(corpus_graph, schema, tmp_path):
    path = tmp_path / "g.graphml"
    export(corpus_graph, "graphml", path)
    _check(path.read_text(encoding="utf-8"), schema)


def test_graphml_schema_rejects_what_networkx_writes(lineage, schema, tmp_path):
    """The check can fail: networkx's own writer gives booleans as True/False."""
    from policy_lineage.exports.formats import to_graphml_graph

    path = tmp_path / "nx.graphml"
    G = to_graphml_graph(lineage)
    G = nx.relabel_nodes(G, {n: f"n{i}" for i, n in enumerate(G.nodes)})
    nx.write_graphml(G, path)
    with pytest.raises(Exception, match="(?i)boolean|True"):
        _check(path.read_text(encoding="utf-8"), schema)


def test_graphml_yed_labels(lineage):
    root = etree.fromstring(export(lineage, "graphml").encode("utf-8"))
    labels = {
        n.get("id"): n.findtext(".//y:NodeLabel", namespaces=NS)
        for n in root.iterfind(".//g:node", NS)
    }
    assert "254/KH-UBND" in labels.values()
    assert "Sở Khoa học và Công nghệ" in labels.values()
    assert all(labels.values())
    edge_labels = [
        e.findtext(".//y:EdgeLabel", namespaces=NS) for e in root.iterfind(".//g:edge", NS)
    ]
    assert "implements" in edge_labels and "assigned-to (lead)" in edge_labels


def test_graphml_read_back_by_networkx(lineage):
    text = export(lineage, "graphml")
    G = nx.parse_graphml(text, force_multigraph=True)
    by_id = {a["node_id"]: n for n, a in G.nodes(data=True)}
    assert set(by_id) == {n.id for n in lineage.nodes()}
    assert G.number_of_edges() == len(lineage.edges)  # two parallel `delegates` stay two
    kh254 = G.nodes[by_id["doc:dong-thap:254/KH-UBND:2025"]]
    assert kh254["label"] == "254/KH-UBND"
    assert kh254["in_corpus"] is True and kh254["is_draft"] is False
    delegates = [k for u, v, k, a in G.edges(keys=True, data=True) if a.get("kind") == "delegates"]
    assert len(delegates) == 2 and len(set(delegates)) == 2


def test_graphml_goes_to_stdout(cli, corpus_store, schema):
    result = cli("export", "--format", "graphml", "--store", corpus_store)
    assert result.exit_code == 0
    _check(result.stdout, schema)
