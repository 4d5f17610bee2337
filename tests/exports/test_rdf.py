"""exports/rdf.py: the RDF form of the lineage graph, its provenance records and SHACL check."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal
from rdflib.compare import isomorphic
from rdflib.namespace import PROV, RDF, XSD

from policy_lineage.exports.rdf import edge_iri, to_rdf, validate
from policy_lineage.schema.graph_model import EDGE_KINDS, Edge
from policy_lineage.schema.vocab import EDGE_PROPERTY, PL, ROLE_PROPERTY, node_iri

NQ57 = "doc:vn:57-NQ/TW:2021-2026"
KH05 = "doc:dong-thap:05-KH/TU:2025-2030"
KH254 = "doc:dong-thap:254/KH-UBND:2025"
DRAFT = "doc:dong-thap:draft:ke-hoach:ubnd-tinh:3f2a9c"
SKHCN = "agency:so-khoa-hoc-va-cong-nghe@dong-thap"
TASK_SKHCN = "task:254-1"


def test_rdf_export_of_the_fixture_conforms(lineage):
    conforms, report = validate(to_rdf(lineage))
    assert conforms, report


def test_rdf_nodes_are_typed_at_quoted_iris(lineage):
    rdf = to_rdf(lineage)
    doc = node_iri(NQ57)
    assert str(doc) == "https://w3id.org/policy-lineage/id/doc:vn:57-NQ%2FTW:2021-2026"
    assert (doc, RDF.type, PL.Document) in rdf
    assert (node_iri(SKHCN), RDF.type, PL.Agency) in rdf
    assert (node_iri(TASK_SKHCN), RDF.type, PL.Task) in rdf
    assert len(set(rdf.subjects(RDF.type, PL.Document))) == len(lineage.documents)
    assert len(set(rdf.subjects(RDF.type, PL.Agency))) == len(lineage.agencies)
    assert len(set(rdf.subjects(RDF.type, PL.Task))) == len(lineage.tasks)
    # a stub known only from citations, and a draft without a number
    assert rdf.value(doc, PL.inCorpus) == Literal(False)
    assert rdf.value(node_iri(DRAFT), PL.number) is None
    assert rdf.value(node_iri(DRAFT), PL.isDraft) == Literal(True)


def test_rdf_literals_keep_text_and_types(lineage):
    rdf = to_rdf(lineage)
    title = rdf.value(node_iri(KH254), PL.title)
    assert str(title) == lineage.documents[KH254].title
    assert '<script>alert("x")</script> & "quotes"' in str(title)
    date = rdf.value(node_iri(NQ57), PL.date)
    assert date.datatype == XSD.date and str(date) == "2024-12-22"
    assert rdf.value(node_iri(TASK_SKHCN), PL.deadline) == Literal("2025-12-31", datatype=XSD.date)
    assert str(rdf.value(node_iri(SKHCN), PL.name)) == "Sở Khoa học và Công nghệ"


def test_rdf_every_edge_kind_is_a_direct_triple_with_provenance(lineage):
    rdf = to_rdf(lineage)
    assert {e.kind for e in lineage.edges} == set(EDGE_KINDS)
    for edge in lineage.edges:
        s, o = node_iri(edge.source), node_iri(edge.target)
        assert (s, EDGE_PROPERTY[edge.kind], o) in rdf
        record = edge_iri(edge)
        assert (record, RDF.type, PL.Assertion) in rdf
        assert rdf.value(record, RDF.subject) == s
        assert rdf.value(record, RDF.predicate) == EDGE_PROPERTY[edge.kind]
        assert rdf.value(record, RDF.object) == o
        assert str(rdf.value(record, PL.basis)) == edge.basis
        if edge.source_file:
            source = rdf.value(record, PROV.wasDerivedFrom)
            # relative to the corpus root (the fixture's files share examples/dong-thap/)
            assert str(rdf.value(source, PL.path)) == edge.source_file.rsplit("/", 1)[1]
        if edge.role:
            assert (s, ROLE_PROPERTY[edge.role], o) in rdf
    # one record per edge, even for parallel edges of one kind (two `delegates` sentences)
    assert len(set(rdf.subjects(RDF.type, PL.Assertion))) == len(lineage.edges)


def test_rdf_assertion_keeps_evidence_span_and_cue(lineage):
    rdf = to_rdf(lineage)
    edge = next(e for e in lineage.edges if e.kind == "assigned-to" and e.role == "lead")
    record = edge_iri(edge)
    assert (record, RDF.type, PL.Assignment) in rdf
    assert str(rdf.value(record, PL.role)) == "lead"
    assert str(rdf.value(record, PL.evidence)) == edge.evidence
    assert str(rdf.value(record, PL.cue)) == edge.cue
    assert (
        rdf.value(record, PL.spanStart).toPython(),
        rdf.value(record, PL.spanEnd).toPython(),
    ) == (edge.span)


def test_rdf_findings_are_resources(lineage):
    rdf = to_rdf(lineage)
    (finding,) = rdf.subjects(RDF.type, PL.Finding)
    assert str(rdf.value(finding, PL.findingKind)) == "body_two_numbers"
    assert "Ban Chỉ đạo 1661" in str(rdf.value(finding, PL.message))
    assert rdf.value(finding, PL.concerns) == node_iri(lineage.findings[0].subjects[0])


def test_rdf_two_exports_are_isomorphic_and_the_turtle_round_trips(make_lineage):
    first, second = to_rdf(make_lineage()), to_rdf(make_lineage())
    assert set(first) == set(second)  # no blank nodes: the IRIs themselves are stable
    parsed = Graph().parse(data=first.serialize(format="turtle"), format="turtle")
    assert isomorphic(parsed, second)


def test_rdf_record_iri_changes_with_the_edge():
    edge = Edge("doc:a", "doc:b", "implements", evidence="Thực hiện")
    assert edge_iri(edge) == edge_iri(Edge("doc:a", "doc:b", "implements", evidence="Thực hiện"))
    assert edge_iri(edge) != edge_iri(Edge("doc:a", "doc:b", "implements", evidence="Căn cứ"))


def test_rdf_prefixes_are_bound(lineage):
    bound = {prefix: str(ns) for prefix, ns in to_rdf(lineage).namespaces()}
    assert bound["pl"] == "https://w3id.org/policy-lineage/ns#"
    assert bound["eli"] == "http://data.europa.eu/eli/ontology#"
    for prefix in ("org", "dcterms", "prov", "xsd"):
        assert prefix in bound


# ---------------------------------------------------------------------- broken graphs


def _task_without_document(g):
    g.tasks[TASK_SKHCN].document_id = "doc:missing"
    g.edges = [e for e in g.edges if not (e.kind == "has-task" and e.target == TASK_SKHCN)]


def _task_in_two_documents(g):
    g.add_edge(Edge(KH05, TASK_SKHCN, "has-task", source_file="x.txt"))


def _role_boss(g):
    next(e for e in g.edges if e.kind == "assigned-to").role = "boss"


def _assigned_to_a_document(g):
    next(e for e in g.edges if e.kind == "assigned-to").target = KH05


def _date_not_a_date(g):
    g.documents[NQ57].date = "2025-13-45"


def _deadline_not_a_date(g):
    g.tasks[TASK_SKHCN].deadline = "cuối năm"


def _draft_flag_not_boolean(g):
    g.documents[KH05].is_draft = "không"


def _level_district(g):
    g.agencies[SKHCN].level = "district"


def _stated_edge_without_file(g):
    next(e for e in g.edges if e.kind == "implements").source_file = None


def _unknown_edge_kind(g):
    g.add_edge(Edge(KH254, KH05, "endorses", source_file="x.txt"))


def _span_reversed(g):
    next(e for e in g.edges if e.kind == "cites").span = (50, 10)


def _document_nobody_can_name(g):
    doc = g.documents[NQ57]
    doc.number = doc.title = doc.description = None


def _ingested_document_without_file(g):
    g.documents[KH05].source = None


def _implements_an_agency(g):
    g.add_edge(Edge(KH254, SKHCN, "implements", source_file="x.txt"))


BROKEN = [
    (_task_without_document, "a task belongs to exactly one pl:Document"),
    (_task_in_two_documents, "a task belongs to exactly one pl:Document"),
    (_role_boss, "role must be lead or cooperating"),
    (_assigned_to_a_document, "an assignment's object is a pl:Agency"),
    (_date_not_a_date, "at most one pl:date, an xsd:date"),
    (_deadline_not_a_date, "at most one pl:deadline, an xsd:date"),
    (_draft_flag_not_boolean, "exactly one boolean pl:isDraft"),
    (_level_district, "level must be central, province, commune or unknown"),
    (_stated_edge_without_file, "points to its source file"),
    (_unknown_edge_kind, "pl:edgeKind is one of the graph's edge kinds"),
    (_span_reversed, "start ≤ end"),
    (_document_nobody_can_name, "a document needs a number, a title or a description"),
    (_ingested_document_without_file, "an ingested one its source file"),
    (_implements_an_agency, "a document relation links two pl:Document nodes"),
]


@pytest.mark.parametrize(("breaks", "message"), BROKEN, ids=[b.__name__[1:] for b, _ in BROKEN])
def test_rdf_broken_graph_violates_the_shapes(lineage, breaks, message):
    breaks(lineage)
    conforms, report = validate(to_rdf(lineage))
    assert not conforms
    assert message in report
