"""exports/sparql.py: queries over the RDF form, prefixes pre-bound."""

from __future__ import annotations

import pytest

from policy_lineage.exports.rdf import to_rdf
from policy_lineage.exports.sparql import SparqlError, run_sparql, short


@pytest.fixture
def rdf(lineage):
    return to_rdf(lineage)


def test_sparql_finds_the_implements_chain(rdf):
    result = run_sparql(
        rdf,
        'SELECT ?up WHERE { ?d pl:number "254/KH-UBND" ; pl:implements+ ?u . ?u pl:number ?up }',
    )
    assert result.variables == ["up"]
    assert sorted(r[0] for r in result.rows) == ["05-KH/TU", "57-NQ/TW"]


def test_sparql_lead_agency_and_date_filter(rdf):
    result = run_sparql(
        rdf,
        """SELECT ?text ?deadline WHERE {
             ?t pl:leadAgency ?a ; pl:text ?text ; pl:deadline ?deadline .
             ?a pl:name "Sở Khoa học và Công nghệ"@vi .
             FILTER (?deadline <= "2025-12-31"^^xsd:date) }""",
    )
    assert len(result.rows) == 1
    assert result.records()[0]["deadline"] == "2025-12-31"
    assert result.records()[0]["text"].startswith("Sở Khoa học và Công nghệ chủ trì")


def test_sparql_provenance_of_an_edge(rdf):
    result = run_sparql(
        rdf,
        """SELECT ?cue ?file WHERE {
             ?a rdf:predicate pl:implements ; rdf:subject ?s ; pl:cue ?cue ;
                prov:wasDerivedFrom/pl:path ?file .
             ?s pl:number "05-KH/TU" }""",
    )
    assert result.rows == [["Thực hiện", "2025-10_kh-05-tu.txt"]]


def test_sparql_ask_and_construct(rdf):
    assert run_sparql(rdf, "ASK { ?d pl:isDraft true }").boolean is True
    graph = run_sparql(rdf, "CONSTRUCT { ?a pl:implements ?b } WHERE { ?a pl:implements ?b }").graph
    assert len(graph) == 3


@pytest.mark.parametrize(
    "query",
    ["SELEC ?x WHERE { ?x ?p ?o }", "SELECT ?x WHERE { ?x nope:p ?o }", "SELECT ?x WHERE {"],
)
def test_sparql_malformed_query_is_a_sparql_error(rdf, query):
    with pytest.raises(SparqlError, match="malformed SPARQL query"):
        run_sparql(rdf, query)


def test_sparql_short_names_node_iris_by_their_id(rdf):
    result = run_sparql(rdf, 'SELECT ?d WHERE { ?d pl:number "57-NQ/TW" }')
    assert short(result.terms[0][0]) == "doc:vn:57-NQ/TW:2021-2026"
