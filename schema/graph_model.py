"""The canonical lineage graph: one node per real document, body and task.

``graph.build`` assembles it from :class:`~policy_lineage.schema.model.Extraction`
records; the SQLite store, networkx, RDF, Neo4j/FalkorDB and the pyvis page are
adapters over it and never over each other. Nothing else defines what a node or
an edge of the lineage graph is.

Ids are opaque, stable strings with a prefix naming the kind (``doc:``,
``agency:``, ``task:``); ``graph.identity`` makes them. Dates are
:class:`datetime.date` here and ISO strings in every serialized form.

The node-link form (:meth:`LineageGraph.to_node_link`) is the contract of
``policy-lineage export --format json`` (shared/contract/OUTPUTS.md)::

    >>> g = LineageGraph()
    >>> _ = g.add_document(DocumentNode(id="doc:57-NQ/TW", number="57-NQ/TW"))
    >>> g.to_node_link()["nodes"][0]["kind"]
    'Document'
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from datetime import date
from functools import cache
from typing import Any, Literal, get_args

NodeKind = Literal["Document", "Agency", "Task"]
EdgeKind = Literal[
    "implements",
    "supersedes",
    "assigned-to",
    "issued-by",
    "based-on",
    "amends",
    "cites",
    "has-task",
    "delegates",
    "part-of",
]
EDGE_KINDS: tuple[str, ...] = get_args(EdgeKind)
# Document → document relations, as extraction names them → as the graph names them.
RELATION_TO_EDGE: dict[str, str] = {
    "implements": "implements",
    "based_on": "based-on",
    "supersedes": "supersedes",
    "amends": "amends",
    "cites": "cites",
}
DOCUMENT_EDGE_KINDS: tuple[str, ...] = ("implements", "supersedes", "based-on", "amends", "cites")
# What a chain is made of unless the user asks for more.
CHAIN_EDGE_KINDS: tuple[str, ...] = ("implements", "supersedes")

Level = Literal["central", "province", "commune", "unknown"]
_DATE_FIELDS = {"date", "deadline"}


@dataclass
class DocumentNode:
    id: str
    number: str | None = None  # as printed, spaces removed; None for a draft without one
    doc_type: str | None = None  # "Nghị quyết", "Kế hoạch", …
    issuer: str | None = None  # canonical display name of the issuing body
    issuer_id: str | None = None  # the Agency node id, when known
    date: date | None = None
    is_draft: bool = False
    in_corpus: bool = False  # its own text was ingested (False: known only from citations)
    source: str | None = None  # path of its file as given to `build` (in_corpus only)
    title: str | None = None
    signer: str | None = None
    province: str | None = None  # for local symbols; None for national ones
    level: Level = "unknown"  # level of the issuer
    number_template: str | None = None  # "-CV/BTVTU" for a draft with a blank serial
    cited_as: list[str] = field(default_factory=list)  # other printed forms seen in citations
    description: str | None = None  # what a citation says about a document not in the corpus
    # Pages of its own file read by OCR (a scan): its facts there need checking on paper.
    ocr: bool = False  # some page of its own file was read by OCR
    ocr_pages: list[int] = field(default_factory=list)  # which (1-based)

    kind: NodeKind = field(default="Document", init=False)

    @property
    def label(self) -> str:
        """How a person names it: the number, else type and title."""
        if self.number:
            return self.number
        head = f"{self.doc_type or 'Văn bản'} (dự thảo)" if self.is_draft else self.doc_type or ""
        words = self.title or self.description or ""
        if words and head and words.casefold().startswith(head.casefold()):
            head = ""  # a description that already names the type
        return f"{head} {words}".strip() or self.id


@dataclass
class AgencyNode:
    id: str
    name: str  # canonical display name
    level: Level = "unknown"
    province: str | None = None
    parent_id: str | None = None  # the body it belongs to (edge part-of)
    agency_kind: str = "body"  # "body", "group" (Các sở, ban, ngành), "person"
    aliases: list[str] = field(default_factory=list)  # forms it was written as

    kind: NodeKind = field(default="Agency", init=False)


@dataclass
class TaskNode:
    id: str
    text: str  # the item as written
    document_id: str  # the document that holds it (edge has-task)
    lead: list[str] = field(default_factory=list)  # canonical agency names
    cooperating: list[str] = field(default_factory=list)
    deadline: date | None = None
    deadline_text: str | None = None
    recurring: bool = False
    recurrence: str | None = None
    deliverable: str | None = None
    section: list[str] = field(default_factory=list)  # headings above the item
    delegation: list[str] = field(default_factory=list)
    waits_on: str | None = None
    origin: str = "body"  # "body", "appendix", "body+appendix"
    row: str | None = None
    source: str | None = None  # file
    span: tuple[int, int] | None = None  # offsets in the original text of that file
    ocr: bool = False  # read from a page read by OCR: check it against the paper

    kind: NodeKind = field(default="Task", init=False)


@dataclass
class Edge:
    source: str  # node id
    target: str  # node id
    kind: str  # one of EDGE_KINDS
    role: str | None = None  # assigned-to: "lead" | "cooperating"
    evidence: str | None = None  # the sentence, for display
    source_file: str | None = None  # the file the evidence is in
    span: tuple[int, int] | None = None
    cue: str | None = None  # "Thực hiện", "chủ trì", …
    # "stated": the file says it of itself; "cited": a link between two cited documents
    # ("Kế hoạch 05-KH/TU … về thực hiện Thông báo 07-TB/…"); "inferred": the resolver
    # decided it (a promulgated version supersedes its draft).
    basis: str = "stated"
    ocr: bool = False  # its evidence was read from a page read by OCR: check it on paper


@dataclass
class Finding:
    """An inconsistency the resolver noticed and did not merge away."""

    kind: str  # "body_two_numbers", "document_two_dates", "dangling_reference", …
    message: str  # one readable sentence (Vietnamese names kept)
    subjects: list[str] = field(default_factory=list)  # node ids involved
    evidence: list[str] = field(default_factory=list)  # sentences
    sources: list[str] = field(default_factory=list)  # files


Node = DocumentNode | AgencyNode | TaskNode


@dataclass
class LineageGraph:
    documents: dict[str, DocumentNode] = field(default_factory=dict)
    agencies: dict[str, AgencyNode] = field(default_factory=dict)
    tasks: dict[str, TaskNode] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    # -- building -----------------------------------------------------------------
    def add_document(self, node: DocumentNode) -> DocumentNode:
        self.documents[node.id] = node
        return node

    def add_agency(self, node: AgencyNode) -> AgencyNode:
        self.agencies[node.id] = node
        return node

    def add_task(self, node: TaskNode) -> TaskNode:
        self.tasks[node.id] = node
        return node

    def add_edge(self, edge: Edge) -> Edge:
        self.edges.append(edge)
        return edge

    # -- reading ------------------------------------------------------------------
    def node(self, node_id: str) -> Node | None:
        return self.documents.get(node_id) or self.agencies.get(node_id) or self.tasks.get(node_id)

    def nodes(self) -> list[Node]:
        return [*self.documents.values(), *self.agencies.values(), *self.tasks.values()]

    def counts(self) -> dict[str, Any]:
        by_kind: dict[str, int] = {}
        for e in self.edges:
            by_kind[e.kind] = by_kind.get(e.kind, 0) + 1
        in_corpus = sum(1 for d in self.documents.values() if d.in_corpus)
        return {
            "documents": len(self.documents),
            "documents_in_corpus": in_corpus,
            "documents_cited_only": len(self.documents) - in_corpus,
            "agencies": len(self.agencies),
            "tasks": len(self.tasks),
            "edges": len(self.edges),
            "edges_by_kind": dict(sorted(by_kind.items())),
            "findings": len(self.findings),
        }

    # -- serialized form ----------------------------------------------------------
    def to_node_link(self) -> dict[str, Any]:
        """networkx-style node-link data, the `export --format json` contract."""
        return {
            "directed": True,
            "multigraph": True,
            "graph": {"findings": [asdict(f) for f in self.findings]},
            "nodes": [node_record(n) for n in self.nodes()],
            "edges": [edge_record(e) for e in self.edges],
        }

    @classmethod
    def from_node_link(cls, data: dict[str, Any]) -> LineageGraph:
        g = cls()
        for rec in data["nodes"]:
            kind = rec["kind"]
            node_cls = {"Document": DocumentNode, "Agency": AgencyNode, "Task": TaskNode}[kind]
            g_add = {"Document": g.add_document, "Agency": g.add_agency, "Task": g.add_task}[kind]
            g_add(from_record(node_cls, rec))
        for rec in data["edges"]:
            g.add_edge(from_record(Edge, rec))
        for rec in data.get("graph", {}).get("findings", []):
            g.findings.append(Finding(**rec))
        return g


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return list(value)
    return value


@cache
def _init_names(cls: type) -> frozenset[str]:
    return frozenset(f.name for f in fields(cls) if f.init)


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def node_record(node: Node) -> dict[str, Any]:
    """A node as a flat JSON-ready dict: ``id``, ``kind`` and its fields (a copy)."""
    rec: dict[str, Any] = {"id": node.id, "kind": node.kind}
    for name in _field_names(type(node)):
        if name not in rec:
            rec[name] = _plain(getattr(node, name))
    return rec


def edge_record(edge: Edge) -> dict[str, Any]:
    """An edge as a flat JSON-ready dict (a copy)."""
    return {name: _plain(getattr(edge, name)) for name in _field_names(Edge)}


def from_record(cls: type, rec: dict[str, Any]) -> Any:
    """A node or edge of class ``cls`` from its record (:func:`node_record`,
    :func:`edge_record`, or a server's properties): unknown keys are ignored, dates and
    spans restored.

    >>> from_record(Edge, {"source": "a", "target": "b", "kind": "cites", "seq": 3}).kind
    'cites'
    """
    names = _init_names(cls)
    kwargs: dict[str, Any] = {}
    for key, value in rec.items():
        if key not in names:
            continue
        if key in _DATE_FIELDS and isinstance(value, str):
            value = date.fromisoformat(value)
        elif key == "span" and value is not None:
            value = tuple(value)
        kwargs[key] = value
    return cls(**kwargs)
