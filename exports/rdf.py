"""RDF adapter: the lineage graph as an :class:`rdflib.Graph`, and its SHACL check.

:func:`to_rdf` maps the canonical :class:`~policy_lineage.schema.graph_model.LineageGraph`
onto the ontology in ``schema/lineage.ttl`` (vocabulary: :mod:`policy_lineage.schema.vocab`):

* each node is a ``pl:Document``, ``pl:Agency`` or ``pl:Task`` at
  ``https://w3id.org/policy-lineage/id/<URL-quoted node id>``, its fields as literals
  (strings as written, Vietnamese kept; dates ``xsd:date``; flags ``xsd:boolean``);
* each edge is its direct triple (``doc pl:implements doc``; an ``assigned-to`` edge also
  ``pl:leadAgency`` / ``pl:cooperatingAgency``) plus a ``pl:Assertion`` reifying it with
  its provenance (source file, span, evidence, cue, basis, role, ``pl:readByOcr`` when its
  evidence was read from a page read by OCR), at an IRI hashed from the edge's fields, so
  two exports of one graph are the same graph; documents and tasks carry ``pl:readByOcr``
  too, and a scanned document ``pl:ocrPage`` for each page read by OCR;
* each finding is a ``pl:Finding``;
* the standard vocabularies' triples are in the export itself, not only in the ontology's
  alignment (no reasoner needed): documents are ``eli:LegalResource`` with ``eli:id_local``,
  ``eli:date_document``, ``dcterms:title``; each edge's direct triple also in its ELI,
  DCTERMS or ORG term (``eli:ensures_implementation_of``, ``eli:based_on``, ``eli:amends``,
  ``eli:cites``, ``eli:passed_by``, ``dcterms:replaces``, ``dcterms:hasPart``,
  ``org:subOrganizationOf``); bodies and groups are ``org:Organization`` with
  ``skos:prefLabel``, an office-holder (``agency_kind`` person) and a signer are
  ``foaf:Person`` and ``prov:Agent``, never organisations; a document is
  ``prov:wasAttributedTo`` its issuer and signer and ``prov:wasDerivedFrom`` its file;
* Vietnamese text (titles, names, tasks, evidence, messages …) carries ``@vi``; numbers,
  ids and codes are plain strings;
* a source file is identified by the SHA-256 of its bytes (``file_hashes``: path →
  hash, from the store) and its ``pl:path`` is relative to the corpus root (the folder
  every source shares), so a build from an absolute path leaves no directory layout in
  the graph.

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
import os
from collections.abc import Iterable
from dataclasses import asdict
from datetime import date, datetime
from pathlib import PurePath
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, PROV, RDF, RDFS, SKOS

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
    ELI,
    ID,
    ORG,
    PL,
    PREFIXES,
    ROLE_PROPERTY,
    STANDARD_PROPERTY,
    file_iri,
    node_iri,
    shapes_graph,
)

__all__ = ["to_rdf", "validate", "edge_iri", "finding_iri", "bind_prefixes"]

SECTION_JOIN = " › "
DELEGATION_JOIN = " → "
VI = "vi"  # the language of the documents' text


class _Files:
    """Source paths → (file IRI, path relative to the corpus root)."""

    def __init__(self, paths: Iterable[str], hashes: dict[str, str] | None) -> None:
        self.hashes = hashes or {}
        paths = sorted({p for p in paths if p})
        self.root = _corpus_root(paths)

    def relative(self, path: str) -> str:
        if self.root is not None:
            with contextlib.suppress(ValueError):
                return PurePath(path).relative_to(self.root).as_posix()
        return PurePath(path).name if PurePath(path).is_absolute() else PurePath(path).as_posix()

    def iri(self, path: str) -> URIRef:
        return file_iri(self.relative(path), self.hashes.get(path))


def _corpus_root(paths: list[str]) -> PurePath | None:
    """The folder every source path lies in (None when there is none in common)."""
    try:
        common = os.path.commonpath([os.path.dirname(p) or "." for p in paths]) if paths else ""
    except ValueError:  # absolute and relative paths mixed
        return None
    return PurePath(common) if common else None


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the project's prefixes (pl, id, eli, org, dcterms, prov, xsd …) on ``graph``."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def to_rdf(graph: LineageGraph, file_hashes: dict[str, str] | None = None) -> Graph:
    """The lineage graph as RDF: nodes, direct edge triples, provenance, findings.

    ``file_hashes``: the SHA-256 of each source file by its path as built (the store's
    ``files`` table); a file without one is identified by its relative path."""
    rdf = bind_prefixes(Graph())
    files = _Files(_source_paths(graph), file_hashes)
    for doc in graph.documents.values():
        _document(rdf, doc, files)
    for agency in graph.agencies.values():
        _agency(rdf, agency)
    for task in graph.tasks.values():
        _task(rdf, task, files)
    for edge in graph.edges:
        _edge(rdf, edge, files)
    for finding in graph.findings:
        _finding(rdf, finding, files)
    return rdf


def _source_paths(graph: LineageGraph) -> Iterable[str]:
    for doc in graph.documents.values():
        yield doc.source or ""
    for task in graph.tasks.values():
        yield task.source or ""
    for edge in graph.edges:
        yield edge.source_file or ""
    for finding in graph.findings:
        yield from finding.sources


def validate(rdf: Graph) -> tuple[bool, str]:
    """Check ``rdf`` against ``schema/shapes.ttl``: (conforms, pyshacl's text report)."""
    from pyshacl import validate as shacl_validate

    conforms, _, report = shacl_validate(
        rdf, shacl_graph=shapes_graph(), inference="none", advanced=False
    )
    return bool(conforms), str(report)


def edge_iri(edge: Edge) -> URIRef:
    """Deterministic IRI of an edge's provenance record: a hash of all its fields (``ocr``
    only when true, so an edge not read by OCR keeps the IRI it had before the field)."""
    record = edge_record(edge)
    if not record.get("ocr"):
        del record["ocr"]
    return ID["edge/" + _digest(record)]


def finding_iri(finding: Finding) -> URIRef:
    return ID["finding/" + _digest(asdict(finding))]


# ---------------------------------------------------------------------- nodes


def _document(rdf: Graph, doc: DocumentNode, files: _Files) -> None:
    s = _node(rdf, doc.id, PL.Document, doc.label)
    rdf.add((s, RDF.type, ELI.LegalResource))
    rdf.add((s, RDF.type, PROV.Entity))
    _add(rdf, s, PL.number, doc.number)
    _add(rdf, s, ELI.id_local, doc.number)
    _add(rdf, s, PL.docType, doc.doc_type, VI)
    _add(rdf, s, PL.issuerName, doc.issuer, VI)
    if doc.issuer_id:
        rdf.add((s, PL.issuedBy, node_iri(doc.issuer_id)))
        rdf.add((s, ELI.passed_by, node_iri(doc.issuer_id)))
        rdf.add((s, PROV.wasAttributedTo, node_iri(doc.issuer_id)))
    _add_date(rdf, s, PL.date, doc.date)
    _add_date(rdf, s, ELI.date_document, doc.date)
    _add(rdf, s, PL.isDraft, doc.is_draft)
    _add(rdf, s, PL.inCorpus, doc.in_corpus)
    _source(rdf, s, doc.source, files)
    _add(rdf, s, PL.title, doc.title, VI)
    _add(rdf, s, DCTERMS.title, doc.title, VI)
    _add(rdf, s, PL.signer, doc.signer, VI)
    if doc.signer:
        person = ID["person/" + _digest({"name": doc.signer})]
        rdf.add((person, RDF.type, FOAF.Person))
        rdf.add((person, RDF.type, PROV.Agent))
        _add(rdf, person, FOAF.name, doc.signer, VI)
        _add(rdf, person, RDFS.label, doc.signer, VI)
        rdf.add((s, PROV.wasAttributedTo, person))
    _add(rdf, s, PL.province, doc.province, VI)
    _add(rdf, s, PL.level, doc.level)
    _add(rdf, s, PL.numberTemplate, doc.number_template)
    _add_all(rdf, s, PL.citedAs, doc.cited_as)
    _add(rdf, s, PL.description, doc.description, VI)
    _add(rdf, s, DCTERMS.description, doc.description, VI)
    _add(rdf, s, PL.readByOcr, doc.ocr)
    _add_all(rdf, s, PL.ocrPage, doc.ocr_pages)


def _agency(rdf: Graph, agency: AgencyNode) -> None:
    s = _node(rdf, agency.id, PL.Agency, agency.name)
    rdf.add((s, RDF.type, PROV.Agent))
    if agency.agency_kind == "person":  # an office-holder: a person, not an organisation
        rdf.add((s, RDF.type, FOAF.Person))
        _add(rdf, s, FOAF.name, agency.name, VI)
    else:
        rdf.add((s, RDF.type, ORG.Organization))
        _add(rdf, s, SKOS.prefLabel, agency.name, VI)
        for alias in agency.aliases:
            _add(rdf, s, SKOS.altLabel, alias, VI)
    _add(rdf, s, PL.name, agency.name, VI)
    _add(rdf, s, PL.level, agency.level)
    _add(rdf, s, PL.province, agency.province, VI)
    if agency.parent_id:
        rdf.add((s, PL.partOf, node_iri(agency.parent_id)))
    _add(rdf, s, PL.agencyKind, agency.agency_kind)
    _add_all(rdf, s, PL.alias, agency.aliases, VI)


def _task(rdf: Graph, task: TaskNode, files: _Files) -> None:
    s = _node(rdf, task.id, PL.Task, task.text)
    rdf.add((s, RDF.type, PROV.Entity))
    if task.document_id:
        rdf.add((node_iri(task.document_id), PL.hasTask, s))
        rdf.add((node_iri(task.document_id), DCTERMS.hasPart, s))
    _add(rdf, s, PL.text, task.text, VI)
    _add_all(rdf, s, PL.leadName, task.lead, VI)
    _add_all(rdf, s, PL.cooperatingName, task.cooperating, VI)
    _add_date(rdf, s, PL.deadline, task.deadline)
    _add(rdf, s, PL.deadlineText, task.deadline_text, VI)
    _add(rdf, s, PL.recurring, task.recurring)
    _add(rdf, s, PL.recurrence, task.recurrence, VI)
    _add(rdf, s, PL.deliverable, task.deliverable, VI)
    if task.section:
        _add(rdf, s, PL.sectionPath, SECTION_JOIN.join(task.section), VI)
    if task.delegation:
        _add(rdf, s, PL.delegationRoute, DELEGATION_JOIN.join(task.delegation), VI)
    _add(rdf, s, PL.waitsOn, task.waits_on, VI)
    _add(rdf, s, PL.origin, task.origin)
    _add(rdf, s, PL.row, task.row)
    _source(rdf, s, task.source, files)
    _span(rdf, s, task.span)
    _add(rdf, s, PL.readByOcr, task.ocr)


def _node(rdf: Graph, node_id: str, cls: URIRef, label: str | None) -> URIRef:
    s = node_iri(node_id)
    rdf.add((s, RDF.type, cls))
    _add(rdf, s, PL.nodeId, node_id)
    _add(rdf, s, DCTERMS.identifier, node_id)
    _add(rdf, s, RDFS.label, label, VI)
    return s


# ---------------------------------------------------------------------- edges, findings


def _edge(rdf: Graph, edge: Edge, files: _Files) -> None:
    s, o = node_iri(edge.source), node_iri(edge.target)
    prop = EDGE_PROPERTY.get(edge.kind)
    if prop is not None:
        rdf.add((s, prop, o))
    if edge.kind in STANDARD_PROPERTY:
        rdf.add((s, STANDARD_PROPERTY[edge.kind], o))
    if edge.kind == "assigned-to" and edge.role in ROLE_PROPERTY:
        rdf.add((s, ROLE_PROPERTY[edge.role], o))
    a = edge_iri(edge)
    rdf.add((a, RDF.type, PL.Assertion))
    rdf.add((a, RDF.type, RDF.Statement))
    rdf.add((a, RDF.type, PROV.Entity))
    if edge.kind == "assigned-to":
        rdf.add((a, RDF.type, PL.Assignment))
    rdf.add((a, RDF.subject, s))
    if prop is not None:  # an unknown kind has none: the shapes report it (pl:edgeKind)
        rdf.add((a, RDF.predicate, prop))
    rdf.add((a, RDF.object, o))
    _add(rdf, a, PL.edgeKind, edge.kind)
    _add(rdf, a, PL.role, edge.role)
    _add(rdf, a, PL.evidence, edge.evidence, VI)
    _add(rdf, a, PL.cue, edge.cue, VI)
    _add(rdf, a, PL.basis, edge.basis)
    _source(rdf, a, edge.source_file, files)
    _span(rdf, a, edge.span)
    if edge.ocr:  # an assertion not read by OCR says nothing (most of them)
        _add(rdf, a, PL.readByOcr, True)


def _finding(rdf: Graph, finding: Finding, files: _Files) -> None:
    f = finding_iri(finding)
    rdf.add((f, RDF.type, PL.Finding))
    rdf.add((f, RDF.type, PROV.Entity))
    _add(rdf, f, PL.findingKind, finding.kind)
    message = finding.message
    for path in finding.sources:  # the resolver names files as built: keep them relative
        if path:
            message = message.replace(path, files.relative(path))
    _add(rdf, f, PL.message, message, VI)
    for subject in finding.subjects:
        rdf.add((f, PL.concerns, node_iri(subject)))
    _add_all(rdf, f, PL.evidence, finding.evidence, VI)
    for path in finding.sources:
        _source(rdf, f, path, files)


def _source(rdf: Graph, s: URIRef, path: str | None, files: _Files) -> None:
    if not path:
        return
    f = files.iri(path)
    rdf.add((s, PROV.wasDerivedFrom, f))
    rdf.add((f, RDF.type, PL.SourceFile))
    rdf.add((f, RDF.type, PROV.Entity))
    rdf.add((f, PL.path, Literal(files.relative(path))))
    if path in files.hashes:
        rdf.add((f, DCTERMS.identifier, Literal("sha256:" + files.hashes[path])))


def _span(rdf: Graph, s: URIRef, span: Iterable[int] | None) -> None:
    if span is None:
        return
    start, end = span
    _add(rdf, s, PL.spanStart, start)
    _add(rdf, s, PL.spanEnd, end)


# ---------------------------------------------------------------------- literals


def _add(rdf: Graph, s: URIRef, p: URIRef, value: Any, lang: str | None = None) -> None:
    """``value`` as a literal; a string with ``lang`` (Vietnamese text) gets that tag."""
    if value is None:
        return
    if lang and isinstance(value, str):
        rdf.add((s, p, Literal(value, lang=lang)))
        return
    rdf.add((s, p, _literal(value)))


def _add_all(
    rdf: Graph, s: URIRef, p: URIRef, values: Iterable[Any], lang: str | None = None
) -> None:
    for value in values:
        _add(rdf, s, p, value, lang)


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
