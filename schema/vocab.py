"""The RDF vocabulary of the lineage graph: namespaces, terms, and the bundled Turtle files.

``PL`` is a closed namespace: a misspelled term is an error, not a silent new IRI. Its
terms are declared in ``schema/lineage.ttl`` (the ontology, aligned to ELI, W3C ORG,
Dublin Core and PROV-O); ``schema/shapes.ttl`` holds the SHACL shapes every export must
satisfy. Both are package data, read with :mod:`importlib.resources`.

Nodes get IRIs under :data:`ID` (``https://w3id.org/policy-lineage/id/`` + the URL-quoted
node id); provenance records, source files and findings live under ``ID`` too, in
``edge/``, ``file/`` and ``finding/``, which a quoted node id can never start with::

    >>> node_iri("doc:vn:57-NQ/TW:2021-2026")
    rdflib.term.URIRef('https://w3id.org/policy-lineage/id/doc:vn:57-NQ%2FTW:2021-2026')
    >>> EDGE_PROPERTY["implements"] == PL.implements
    True
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from urllib.parse import quote

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD, ClosedNamespace

__all__ = [
    "PL",
    "PL_URI",
    "PL_TERMS",
    "ID",
    "ELI",
    "ORG",
    "PREFIXES",
    "EDGE_PROPERTY",
    "STANDARD_PROPERTY",
    "ROLE_PROPERTY",
    "CLASSES",
    "node_iri",
    "file_iri",
    "ontology_graph",
    "shapes_graph",
]

PL_URI = "https://w3id.org/policy-lineage/ns#"
ID = Namespace("https://w3id.org/policy-lineage/id/")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
ORG = Namespace("http://www.w3.org/ns/org#")

CLASSES = ("Document", "Agency", "Task", "Assertion", "Assignment", "SourceFile", "Finding")
OBJECT_PROPERTIES = (
    "implements",
    "supersedes",
    "assignedTo",
    "leadAgency",
    "cooperatingAgency",
    "issuedBy",
    "basedOn",
    "amends",
    "cites",
    "hasTask",
    "delegates",
    "partOf",
    "concerns",
)
DATA_PROPERTIES = (
    # every node
    "nodeId",
    # documents
    "number",
    "docType",
    "issuerName",
    "date",
    "isDraft",
    "inCorpus",
    "title",
    "signer",
    "province",
    "level",
    "numberTemplate",
    "citedAs",
    "description",
    # agencies
    "name",
    "agencyKind",
    "alias",
    # tasks
    "text",
    "leadName",
    "cooperatingName",
    "deadline",
    "deadlineText",
    "recurring",
    "recurrence",
    "deliverable",
    "sectionPath",
    "delegationRoute",
    "waitsOn",
    "origin",
    "row",
    # provenance (tasks and edge assertions)
    "spanStart",
    "spanEnd",
    "evidence",
    "cue",
    "basis",
    "role",
    "edgeKind",
    "readByOcr",
    "ocrPage",
    # source files and findings
    "path",
    "findingKind",
    "message",
)
PL_TERMS: tuple[str, ...] = (*CLASSES, *OBJECT_PROPERTIES, *DATA_PROPERTIES)
PL = ClosedNamespace(PL_URI, list(PL_TERMS))

# Prefixes bound on every exported graph and pre-bound in `policy-lineage sparql`.
PREFIXES: dict[str, Namespace | str] = {
    "pl": Namespace(PL_URI),
    "id": ID,
    "eli": ELI,
    "org": ORG,
    "dcterms": DCTERMS,
    "prov": PROV,
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "xsd": XSD,
    "skos": SKOS,
    "foaf": FOAF,
}

# Graph edge kind (schema.graph_model.EDGE_KINDS) -> the property of its direct triple.
EDGE_PROPERTY: dict[str, URIRef] = {
    "implements": PL.implements,
    "supersedes": PL.supersedes,
    "assigned-to": PL.assignedTo,
    "issued-by": PL.issuedBy,
    "based-on": PL.basedOn,
    "amends": PL.amends,
    "cites": PL.cites,
    "has-task": PL.hasTask,
    "delegates": PL.delegates,
    "part-of": PL.partOf,
}
# The standard property each edge kind's direct triple also gets in an export, so a query
# in ELI, DCTERMS or ORG terms answers without a reasoner (schema/lineage.ttl: the pl:
# property is an rdfs:subPropertyOf it). assigned-to and delegates have no standard term.
STANDARD_PROPERTY: dict[str, URIRef] = {
    "implements": ELI.ensures_implementation_of,
    "supersedes": DCTERMS.replaces,
    "issued-by": ELI.passed_by,
    "based-on": ELI.based_on,
    "amends": ELI.amends,
    "cites": ELI.cites,
    "has-task": DCTERMS.hasPart,
    "part-of": ORG.subOrganizationOf,
}
# An assigned-to edge also gets the sub-property of its role.
ROLE_PROPERTY: dict[str, URIRef] = {"lead": PL.leadAgency, "cooperating": PL.cooperatingAgency}


def node_iri(node_id: str) -> URIRef:
    """The IRI of a node: :data:`ID` + the id, URL-quoted (``:`` and ``@`` kept)."""
    return ID[quote(node_id, safe=":@")]


def file_iri(path: str, sha256: str | None = None) -> URIRef:
    """The IRI of a source file: from the SHA-256 of its bytes when known (two copies of
    one file are one file, wherever they lie), else from its path relative to the corpus.

    >>> file_iri("kh-05.txt", "ab12")
    rdflib.term.URIRef('https://w3id.org/policy-lineage/id/file/sha256-ab12')
    """
    if sha256:
        return ID["file/sha256-" + sha256]
    return ID["file/path/" + quote(path, safe="/")]


def _bundled(name: str) -> Graph:
    graph = Graph()
    graph.parse(
        data=files("policy_lineage.schema").joinpath(name).read_text("utf-8"), format="turtle"
    )
    return graph


@lru_cache(maxsize=1)
def ontology_graph() -> Graph:
    """``schema/lineage.ttl``: the OWL/RDFS ontology (cached; do not modify it)."""
    return _bundled("lineage.ttl")


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    """``schema/shapes.ttl``: the SHACL shapes (cached; do not modify it)."""
    return _bundled("shapes.ttl")
