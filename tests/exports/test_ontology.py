"""schema/lineage.ttl and schema/shapes.ttl agree with the vocabulary and the graph model."""

from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, PROV, SH

from policy_lineage.schema.graph_model import EDGE_KINDS
from policy_lineage.schema.vocab import (
    EDGE_PROPERTY,
    ELI,
    ORG,
    PL,
    PL_TERMS,
    PL_URI,
    ROLE_PROPERTY,
    ontology_graph,
    shapes_graph,
)

PLS = "https://w3id.org/policy-lineage/shapes#"


def _pl_terms_declared() -> set[str]:
    onto = ontology_graph()
    return {
        str(s)[len(PL_URI) :]
        for s in onto.subjects(RDF.type, None)
        if isinstance(s, URIRef) and str(s).startswith(PL_URI)
    }


def test_ontology_declares_exactly_the_closed_namespace():
    assert _pl_terms_declared() == set(PL_TERMS)


def test_ontology_every_term_has_vietnamese_and_english_label_and_comment():
    onto = ontology_graph()
    for term in (PL[name] for name in PL_TERMS):
        langs = {lit.language for lit in onto.objects(term, RDFS.label)}
        assert {"vi", "en"} <= langs, term
        comments = {lit.language for lit in onto.objects(term, RDFS.comment)}
        assert {"vi", "en"} <= comments, term


def test_ontology_every_edge_kind_has_a_property_with_domain_and_range():
    onto = ontology_graph()
    assert set(EDGE_PROPERTY) == set(EDGE_KINDS)
    for prop in [*EDGE_PROPERTY.values(), *ROLE_PROPERTY.values()]:
        assert (prop, RDF.type, OWL.ObjectProperty) in onto
        assert onto.value(prop, RDFS.domain) is not None, prop
        assert onto.value(prop, RDFS.range) is not None, prop


@pytest.mark.parametrize(
    ("kind", "aligned"),
    [
        ("implements", ELI.ensures_implementation_of),
        ("based-on", ELI.based_on),
        ("amends", ELI.amends),
        ("cites", ELI.cites),
        ("issued-by", ELI.passed_by),
        ("supersedes", DCTERMS.replaces),
        ("has-task", DCTERMS.hasPart),
        ("part-of", ORG.subOrganizationOf),
    ],
)
def test_ontology_edge_property_is_aligned(kind, aligned):
    onto = ontology_graph()
    prop = EDGE_PROPERTY[kind]
    assert aligned in {
        *onto.objects(prop, RDFS.subPropertyOf),
        *onto.objects(prop, OWL.equivalentProperty),
    }


def test_ontology_classes_are_aligned_and_deprecated_eli_implements_unused():
    onto = ontology_graph()
    assert (PL.Document, RDFS.subClassOf, ELI.LegalResource) in onto
    # a pl:Agency may be an office-holder (a person): a prov:Agent, and an export types
    # bodies org:Organization and persons foaf:Person itself
    assert (PL.Agency, RDFS.subClassOf, PROV.Agent) in onto
    assert (PL.Agency, RDFS.subClassOf, ORG.Organization) not in onto
    assert not any(onto.triples((None, OWL.equivalentProperty, None)))
    assert (PL.date, RDFS.range, URIRef("http://www.w3.org/2001/XMLSchema#date")) in onto
    assert not any(ELI.implements in triple for triple in onto)


def _in_list(prop_path: URIRef) -> set:
    shapes = shapes_graph()
    for prop in shapes.subjects(SH.path, prop_path):
        values = shapes.value(prop, SH["in"])
        if values is not None:
            return set(Collection(shapes, values))
    raise AssertionError(f"no sh:in for {prop_path}")


def test_shapes_lists_follow_the_model():
    assert {str(v) for v in _in_list(PL.edgeKind)} == set(EDGE_KINDS)
    assert set(_in_list(RDF.predicate)) == set(EDGE_PROPERTY.values())
    assert _in_list(PL.role) == {Literal("lead"), Literal("cooperating")}


def test_shapes_only_use_declared_terms():
    used = {
        str(t)[len(PL_URI) :]
        for triple in shapes_graph()
        for t in triple
        if isinstance(t, URIRef) and str(t).startswith(PL_URI)
    }
    assert used <= _pl_terms_declared()
    assert any(str(s).startswith(PLS) for s in shapes_graph().subjects(RDF.type, SH.NodeShape))
