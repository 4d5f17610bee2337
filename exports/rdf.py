"""RDF adapter: the lineage graph as an :class:`rdflib.Graph`, and its SHACL check.

:func:`to_rdf` maps the canonical :class:`~policy_lineage.schema.graph_model.LineageGraph`
onto the ontology in ``schema/lineage.ttl`` (vocabulary: :mod:`policy_lineage.schema.vocab`):

* each node is a ``pl:Document``, ``pl:Agency`` or ``pl:Task`` at
  ``https://w3id.org/policy-lineage/id/<URL-quoted node id>``, its fields as literals
  (strings as written, Vietnamese kept; dates ``xsd:date``; flags ``xsd:boolean``);
* each edge is its direct triple (``doc pl:implements doc``; an ``assigned-to`` edge also
  ``pl:leadAgency`` / ``pl:cooperatingAgency``) plus a ``pl:Assertion`` reifying it with
  its provenance (source file, span, evidence, cue, basis, role), at an IRI hashed from
  the edge's fields, so two exports of one graph are the same graph;
* each finding is a ``pl:Finding``.

:func:`validate` runs the shapes of ``schema/shapes.ttl`` with pyshacl::

    >>> from policy_lineage.schema.graph_model import DocumentNode, LineageGraph
    >>> g = LineageGraph()
    >>> _ = g.add_document(DocumentNode(id="doc:vn:57-NQ/TW:2021-2026", number="57-NQ/TW"))
    >>> validate(to_rdf(g))[0]
    True
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Iterable
from dataclasses import asdict
from datetime import date, datetime
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS

from ..schema.graph_model import (
    AgencyNode,
    DocumentNode,
    Edge,
    Finding,
    LineageGraph,
    TaskNode,
    edge_record,
)
from ..schema.vocab import (
    EDGE_PROPERTY,
    ID,
    PL,
    PREFIXES,
    ROLE_PROPERTY,
    file_iri,
    node_iri,
    shapes_graph,
)

__all__ = ["to_rdf", "validate", "edge_iri", "finding_iri", "bind_prefixes"]

SECTION_JOIN = " › "
DELEGATION_JOIN = " → "


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the project's prefixes (pl, id, eli, org, dcterms, prov, xsd …) on ``graph``."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def to_rdf(graph: LineageGraph) -> Graph:
    """The lineage graph as RDF: nodes, direct edge triples, provenance, findings."""
    rdf = bind_prefixes(Graph())
    for doc in graph.documents.values():
        _document(rdf, doc)
    for agency in graph.agencies.values():
        _agency(rdf, agency)
    for task in graph.tasks.values():
        _task(rdf, task)
    for edge in graph.edges:
        _edge(rdf, edge)
    for finding in graph.findings:
        _finding(rdf, finding)
    return rdf


def validate(rdf: Graph) -> tuple[bool, str]:
    """Check ``rdf`` against ``schema/shapes.ttl``: (conforms, pyshacl's text report)."""
    from pyshacl import validate as shacl_validate

    conforms, _, report = shacl_validate(
        rdf, shacl_graph=shapes_graph(), inference="none", advanced=False
    )
    return bool(conforms), str(report)


def edge_iri(edge: Edge) -> URIRef:
    """Deterministic IRI of an edge's provenance record: a hash of all its fields."""
    return ID["edge/" + _digest(edge_record(edge))]


def finding_iri(finding: Finding) -> URIRef:
    return ID["finding/" + _digest(asdict(finding))]


# ---------------------------------------------------------------------- nodes


def _document(rdf: Graph, doc: DocumentNode) -> None:
    s = _node(rdf, doc.id, PL.Document, doc.label)
    _add(rdf, s, PL.number, doc.number)
    _add(rdf, s, PL.docType, doc.doc_type)
    _add(rdf, s, PL.issuerName, doc.issuer)
    if doc.issuer_id:
        rdf.add((s, PL.issuedBy, node_iri(doc.issuer_id)))
    _add_date(rdf, s, PL.date, doc.date)
    _add(rdf, s, PL.isDraft, doc.is_draft)
    _add(rdf, s, PL.inCorpus, doc.in_corpus)
    _source(rdf, s, doc.source)
    _add(rdf, s, PL.title, doc.title)
    _add(rdf, s, PL.signer, doc.signer)
    _add(rdf, s, PL.province, doc.province)
    _add(rdf, s, PL.level, doc.level)
    _add(rdf, s, PL.numberTemplate, doc.number_template)
    _add_all(rdf, s, PL.citedAs, doc.cited_as)
    _add(rdf, s, PL.description, doc.description)


def _agency(rdf: Graph, agency: AgencyNode) -> None:
    s = _node(rdf, agency.id, PL.Agency, agency.name)
    _add(rdf, s, PL.name, agency.name)
    _add(rdf, s, PL.level, agency.level)
    _add(rdf, s, PL.province, agency.province)
    if agency.parent_id:
        rdf.add((s, PL.partOf, node_iri(agency.parent_id)))
    _add(rdf, s, PL.agencyKind, agency.agency_kind)
    _add_all(rdf, s, PL.alias, agency.aliases)


def _task(rdf: Graph, task: TaskNode) -> None:
    s = _node(rdf, task.id, PL.Task, task.text)
    if task.document_id:
        rdf.add((node_iri(task.document_id), PL.hasTask, s))
    _add(rdf, s, PL.text, task.text)
    _add_all(rdf, s, PL.leadName, task.lead)
    _add_all(rdf, s, PL.cooperatingName, task.cooperating)
    _add_date(rdf, s, PL.deadline, task.deadline)
    _add(rdf, s, PL.deadlineText, task.deadline_text)
    _add(rdf, s, PL.recurring, task.recurring)
    _add(rdf, s, PL.recurrence, task.recurrence)
    _add(rdf, s, PL.deliverable, task.deliverable)
    if task.section:
        _add(rdf, s, PL.sectionPath, SECTION_JOIN.join(task.section))
    if task.delegation:
        _add(rdf, s, PL.delegationRoute, DELEGATION_JOIN.join(task.delegation))
    _add(rdf, s, PL.waitsOn, task.waits_on)
    _add(rdf, s, PL.origin, task.origin)
    _add(rdf, s, PL.row, task.row)
    _source(rdf, s, task.source)
    _span(rdf, s, task.span)


def _node(rdf: Graph, node_id: str, cls: URIRef, label: str | None) -> URIRef:
    s = node_iri(node_id)
    rdf.add((s, RDF.type, cls))
    _add(rdf, s, PL.nodeId, node_id)
    _add(rdf, s, RDFS.label, label)
    return s


# ---------------------------------------------------------------------- edges, findings


def _edge(rdf: Graph, edge: Edge) -> None:
    s, o = node_iri(edge.source), node_iri(edge.target)
    prop = EDGE_PROPERTY.get(edge.kind)
    if prop is not None:
        rdf.add((s, prop, o))
    if edge.kind == "assigned-to" and edge.role in ROLE_PROPERTY:
        rdf.add((s, ROLE_PROPERTY[edge.role], o))
    a = edge_iri(edge)
    rdf.add((a, RDF.type, PL.Assertion))
    rdf.add((a, RDF.type, RDF.Statement))
    if edge.kind == "assigned-to":
        rdf.add((a, RDF.type, PL.Assignment))
    rdf.add((a, RDF.subject, s))
    if prop is not None:  # an unknown kind has none: the shapes report it (pl:edgeKind)
        rdf.add((a, RDF.predicate, prop))
    rdf.add((a, RDF.object, o))
    _add(rdf, a, PL.edgeKind, edge.kind)
    _add(rdf, a, PL.role, edge.role)
    _add(rdf, a, PL.evidence, edge.evidence)
    _add(rdf, a, PL.cue, edge.cue)
    _add(rdf, a, PL.basis, edge.basis)
    _source(rdf, a, edge.source_file)
    _span(rdf, a, edge.span)


def _finding(rdf: Graph, finding: Finding) -> None:
    f = finding_iri(finding)
    rdf.add((f, RDF.type, PL.Finding))
    _add(rdf, f, PL.findingKind, finding.kind)
    _add(rdf, f, PL.message, finding.message)
    for subject in finding.subjects:
        rdf.add((f, PL.concerns, node_iri(subject)))
    _add_all(rdf, f, PL.evidence, finding.evidence)
    for path in finding.sources:
        _source(rdf, f, path)


def _source(rdf: Graph, s: URIRef, path: str | None) -> None:
    if not path:
        return
    f = file_iri(path)
    rdf.add((s, PROV.wasDerivedFrom, f))
    rdf.add((f, RDF.type, PL.SourceFile))
    rdf.add((f, RDF.type, PROV.Entity))
    rdf.add((f, PL.path, Literal(path)))


def _span(rdf: Graph, s: URIRef, span: Iterable[int] | None) -> None:
    if span is None:
        return
    start, end = span
    _add(rdf, s, PL.spanStart, start)
    _add(rdf, s, PL.spanEnd, end)


# ---------------------------------------------------------------------- literals


def _add(rdf: Graph, s: URIRef, p: URIRef, value: Any) -> None:
    if value is None:
        return
    rdf.add((s, p, _literal(value)))


def _add_all(rdf: Graph, s: URIRef, p: URIRef, values: Iterable[Any]) -> None:
    for value in values:
        _add(rdf, s, p, value)


def _add_date(rdf: Graph, s: URIRef, p: URIRef, value: Any) -> None:
    """An ``xsd:date`` (an ISO string is read as one). Anything else stays a plain
    string ("2025-13-45"), so the shapes report it instead of the export failing."""
    if isinstance(value, datetime):
        value = value.date()
    elif isinstance(value, str):
        with contextlib.suppress(ValueError):
            value = date.fromisoformat(value)
    _add(rdf, s, p, value)


def _literal(value: Any) -> Literal:
    """Booleans, integers and dates typed; strings as written; anything else as its text."""
    if isinstance(value, bool | int | date | str):
        return Literal(value)
    return Literal(str(value))


def _digest(record: dict[str, Any]) -> str:
    data = json.dumps(record, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha1(data.encode("utf-8")).hexdigest()[:20]
