"""The RDF export stands on its own: queries in ELI, ORG, DCTERMS, FOAF or PROV terms alone
answer from the exported file (no reasoner, no ontology loaded), Vietnamese text is @vi,
persons are no organisations, and source files are named by their bytes, not by where
the machine that built the store keeps them. The corpus store is built from an absolute
path (tests/conftest.py), which must not appear in the export."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest
from rdflib import RDF, Graph, Literal
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV

from policy_lineage.exports.rdf import to_rdf, validate
from policy_lineage.queries.trace import trace
from policy_lineage.schema.graph_model import AgencyNode, DocumentNode, LineageGraph
from policy_lineage.schema.vocab import ELI, PL, node_iri

NQ57 = "doc:vn:57-NQ/TW:2021-2026"

# The README's query: ELI terms only.
ELI_CHAIN = """
PREFIX eli: <http://data.europa.eu/eli/ontology#>
SELECT DISTINCT ?doc WHERE {
  ?nq a eli:LegalResource ; eli:id_local "57-NQ/TW" .
  ?doc eli:ensures_implementation_of+ ?nq .
}"""


@pytest.fixture(scope="module")
def exported(cli, corpus_store, tmp_path_factory) -> tuple[str, Graph]:
    path = tmp_path_factory.mktemp("rdf") / "lineage.ttl"
    result = cli("export", "--format", "ttl", "-o", path, "--store", corpus_store)
    assert result.exit_code == 0, result.output
    text = path.read_text(encoding="utf-8")
    return text, Graph().parse(data=text, format="turtle")


def _select(rdf: Graph, query: str) -> set:
    return {tuple(str(v) for v in row) for row in rdf.query(query)}


def test_rdf_eli_only_query_returns_the_chain_of_57(exported, corpus_graph):
    _, rdf = exported
    found = {row[0] for row in _select(rdf, ELI_CHAIN)}
    below = trace(corpus_graph, NQ57, relations=("implements",)).down
    expected = {str(node_iri(n)) for step in below for n in (step.source,)}
    assert found == expected
    assert len(found) >= 5
    assert rdf.query(
        "PREFIX eli: <http://data.europa.eu/eli/ontology#> ASK { ?d a eli:LegalResource }"
    ).askAnswer


def test_rdf_eli_relations_are_materialised(exported, corpus_graph):
    _, rdf = exported
    standard = {
        "implements": ELI.ensures_implementation_of,
        "based-on": ELI.based_on,
        "amends": ELI.amends,
        "cites": ELI.cites,
        "supersedes": DCTERMS.replaces,
        "part-of": ORG.subOrganizationOf,
    }
    for edge in corpus_graph.edges:
        if edge.kind in standard:
            triple = (node_iri(edge.source), standard[edge.kind], node_iri(edge.target))
            assert triple in rdf, edge


def test_rdf_org_only_query_names_the_bodies(exported):
    _, rdf = exported
    rows = _select(
        rdf,
        """PREFIX org: <http://www.w3.org/ns/org#>
           PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
           SELECT ?name ?parent WHERE { ?o a org:Organization ; skos:prefLabel ?name ;
                                           org:subOrganizationOf/skos:prefLabel ?parent }""",
    )
    assert ("Sở Khoa học và Công nghệ", "Ủy ban nhân dân tỉnh Đồng Tháp") in rows


def test_rdf_vietnamese_text_is_tagged_vi(exported):
    _, rdf = exported
    titles = list(rdf.objects(None, PL.title))
    assert titles and all(t.language == "vi" for t in titles)
    names = list(rdf.objects(None, PL.name))
    assert names and all(n.language == "vi" for n in names)
    assert all(n.language is None for n in rdf.objects(None, PL.number))
    assert '"57-NQ/TW"' in exported[0] and "@vi" in exported[0]


def test_rdf_files_are_named_by_content_and_relative_path(exported, corpus):
    text, rdf = exported
    assert str(corpus) not in text and str(corpus.parent) not in text
    files = set(rdf.subjects(RDF.type, PL.SourceFile))
    assert len(files) == 5
    for f in files:
        path = str(rdf.value(f, PL.path))
        assert "/" not in path  # relative to the corpus root: the file's name here
        digest = hashlib.sha256((corpus / path).read_bytes()).hexdigest()
        assert str(f).endswith("/file/sha256-" + digest)
        assert rdf.value(f, DCTERMS.identifier) == Literal("sha256:" + digest)
        assert (f, RDF.type, PROV.Entity) in rdf


def test_rdf_persons_are_not_organisations():
    g = LineageGraph()
    g.add_agency(
        AgencyNode(
            "agency:chu-tich-ubnd", "Chủ tịch UBND tỉnh", level="province", agency_kind="person"
        )
    )
    g.add_agency(AgencyNode("agency:so-tai-chinh", "Sở Tài chính", level="province"))
    g.add_document(
        DocumentNode(
            "doc:a",
            number="1/KH-UBND",
            signer="Trần Văn B",
            date=date(2025, 1, 2),
            in_corpus=True,
            source="/abs/dir/a.txt",
        )
    )
    rdf = to_rdf(g)
    assert validate(rdf)[0]
    person = node_iri("agency:chu-tich-ubnd")
    assert (person, RDF.type, FOAF.Person) in rdf and (person, RDF.type, PROV.Agent) in rdf
    assert (person, RDF.type, ORG.Organization) not in rdf
    assert (node_iri("agency:so-tai-chinh"), RDF.type, ORG.Organization) in rdf
    signers = [s for s in rdf.subjects(FOAF.name, Literal("Trần Văn B", lang="vi"))]
    assert len(signers) == 1
    assert (signers[0], RDF.type, ORG.Organization) not in rdf
    assert (node_iri("doc:a"), PROV.wasAttributedTo, signers[0]) in rdf
    paths = [str(p) for p in rdf.objects(None, PL.path)]
    assert paths == ["a.txt"]  # no directory of the machine


def test_rdf_export_conforms_to_the_shapes(exported):
    assert validate(exported[1])[0]


def test_sparql_command_answers_in_eli_terms(cli, corpus_store):
    result = cli("sparql", ELI_CHAIN, "--format", "csv", "--store", corpus_store)
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) >= 6


def test_ontology_has_no_equivalence_that_types_outside_triples():
    from rdflib import OWL, RDFS

    from policy_lineage.schema.vocab import ontology_graph

    onto = ontology_graph()
    assert not list(onto.triples((None, OWL.equivalentProperty, None)))
    for prop in ("cites", "basedOn", "amends"):
        assert (PL[prop], RDFS.subPropertyOf, None) in onto
