"""The canonical model of extracted facts.

Loaders produce these objects; the graph, the store, RDF, Neo4j and the pages are
adapters over them. Nothing else in the project defines what a document, a
reference, an agency or a task is.

Every fact carries :class:`Evidence`: the file it came from and a character span
into the *original* text of that file (``SourceText.text``), so a person can find
the sentence in the document.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Literal

Relation = Literal["implements", "based_on", "supersedes", "amends", "cites"]
RELATIONS: tuple[Relation, ...] = ("implements", "based_on", "supersedes", "amends", "cites")
# The contract: one reference per document, carrying its strongest relation.
RELATION_STRENGTH: dict[str, int] = {
    "supersedes": 5,
    "amends": 4,
    "implements": 3,
    "based_on": 2,
    "cites": 1,
}

Level = Literal["central", "province", "commune", "unknown"]


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass
class Evidence:
    source: str  # the file path as given
    span: Span  # offsets into the original text of that file
    text: str  # the original text of the span, whitespace collapsed, for display
    cue: str | None = None  # the words that decided a relation or a role ("Thực hiện", "chủ trì")


@dataclass
class Agency:
    """A body: an issuer, a lead or a cooperating agency, or a group of bodies."""

    name: str  # canonical display name ("Sở Khoa học và Công nghệ")
    level: Level = "unknown"
    province: str | None = None
    kind: str = "body"  # "body", "group" (Các sở, ban, ngành), "person" (đồng chí …)
    parent: str | None = None  # canonical name of the parent body, when known
    as_written: str | None = None  # the text it was found as
    canonical: bool = True  # False: named by its shape, not known to the table of bodies
    # the name with the province the text gave it, when that is not the document's own
    # ("Sở Xây dựng tỉnh Lâm Đồng" in a ministry's telegram); ``name`` stays the body's
    # canonical name, which with ``province`` says which body it is
    placed: str | None = None

    @property
    def shown(self) -> str:
        """The name a task shows: with its place when the text gave one not the document's."""
        return self.placed or self.name


@dataclass
class DocumentInfo:
    number: str | None  # as printed, spaces removed; None when blank or absent
    number_template: str | None  # the printed symbol even when the serial is blank ("-CV/BTVTU")
    doc_type: str | None
    issuer: Agency | None
    date: date | None
    is_draft: bool
    signer: str | None
    title: str | None
    province: str | None
    recipients: list[str] = field(default_factory=list)  # Kính gửi
    distribution: list[str] = field(default_factory=list)  # Nơi nhận
    evidence: dict[str, Evidence] = field(default_factory=dict)  # per field name
    ocr: bool = False  # some of these fields were read from a page read by OCR


@dataclass
class Reference:
    number: str | None  # as printed, spaces removed; None for a reference without a number
    doc_type: str | None
    date: date | None
    issuer: str | None
    relation: Relation
    evidence: Evidence
    description: str | None = None  # what the citation says about it ("về việc …")
    in_footnote: bool = False
    short_name_of: str | None = None  # set when found through a short name
    mentions: int = 1
    # Links between two cited documents: "Kế hoạch số 05-KH/TU … về thực hiện Thông báo 07-TB/…"
    # gives (relation, other number) pairs meaning THIS reference <relation> OTHER.
    links: list[tuple[str, str]] = field(default_factory=list)
    ocr: bool = False  # its evidence lies on a page read by OCR: check it against the paper


@dataclass
class Task:
    text: str  # the item as written (lines joined), without its list marker
    lead: list[Agency]
    cooperating: list[Agency]
    deadline_text: str | None
    deadline: date | None
    recurring: bool
    recurrence: str | None  # "monthly", "quarterly", "semiannual", "yearly", "continuous"
    deliverable: str | None
    evidence: Evidence
    section: list[str] = field(default_factory=list)  # headings above the item
    delegation: list[str] = field(default_factory=list)  # chain of bodies, first to doer
    waits_on: str | None = None  # "ngay sau khi có hướng dẫn của …", "theo tiến độ của …"
    origin: str = "body"  # "body", "appendix", "body+appendix"
    row: str | None = None  # the appendix row number, if any
    ocr: bool = False  # its evidence lies on a page read by OCR: check it against the paper


@dataclass
class NamedBody:
    """A body named by the number of the decision that set it up: "Ban Chỉ đạo 1661"."""

    name: str  # as written, whitespace collapsed ("Ban Chỉ đạo 1661")
    stem: str  # the kind of body, folded ("ban chỉ đạo")
    number: str  # "1661"
    full_name: str | None  # canonical name of the body it stands for, when the text says
    evidence: Evidence
    ocr: bool = False  # found on a page read by OCR


@dataclass
class Extraction:
    source: str
    document: DocumentInfo
    references: list[Reference]
    tasks: list[Task]
    agencies: list[Agency]
    warnings: list[str] = field(default_factory=list)
    numbered_bodies: list[NamedBody] = field(default_factory=list)
    # 1-based numbers of the pages of its file read by OCR (a scan's): their facts carry
    # ``ocr=True`` and need checking against the paper. Set by ``loaders.ocr.mark_ocr``.
    ocr_pages: list[int] = field(default_factory=list)


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def agency_names(agencies: list[Agency]) -> list[str]:
    return [a.shown for a in agencies]


def to_contract(extraction: Extraction) -> dict[str, Any]:
    """The JSON object of the extraction contract (shared/contract/EXTRACT.md), plus extra keys."""
    doc = extraction.document
    return {
        "source": extraction.source,
        "document": {
            "number": doc.number,
            "doc_type": doc.doc_type,
            "issuer": doc.issuer.name if doc.issuer else None,
            "date": _iso(doc.date),
            "is_draft": doc.is_draft,
            "signer": doc.signer,
            "title": doc.title,
            # extra keys
            "number_template": doc.number_template,
            "issuer_level": doc.issuer.level if doc.issuer else None,
            "province": doc.province,
            "recipients": doc.recipients,
            "distribution": doc.distribution,
            "ocr": doc.ocr,
        },
        "references": [
            {
                "number": r.number,
                "doc_type": r.doc_type,
                "date": _iso(r.date),
                "issuer": r.issuer,
                "relation": r.relation,
                "evidence": r.evidence.text,
                # extra keys
                "span": [r.evidence.span.start, r.evidence.span.end],
                "cue": r.evidence.cue,
                "description": r.description,
                "in_footnote": r.in_footnote,
                "links": [{"relation": rel, "target": other} for rel, other in r.links],
                "ocr": r.ocr,
            }
            for r in extraction.references
        ],
        "tasks": [
            {
                "text": t.text,
                "lead": agency_names(t.lead),
                "cooperating": agency_names(t.cooperating),
                "deadline_text": t.deadline_text,
                "deadline": _iso(t.deadline),
                "recurring": t.recurring,
                "deliverable": t.deliverable,
                # extra keys
                "recurrence": t.recurrence,
                "waits_on": t.waits_on,
                "section": t.section,
                "delegation": t.delegation,
                "origin": t.origin,
                "row": t.row,
                "span": [t.evidence.span.start, t.evidence.span.end],
                "ocr": t.ocr,
            }
            for t in extraction.tasks
        ],
        "agencies": [
            {k: v for k, v in asdict(a).items() if v is not None} for a in extraction.agencies
        ],
        "warnings": extraction.warnings,
        "numbered_bodies": [
            {
                "name": b.name,
                "number": b.number,
                "full_name": b.full_name,
                "span": [b.evidence.span.start, b.evidence.span.end],
                "ocr": b.ocr,
            }
            for b in extraction.numbered_bodies
        ],
        "ocr_pages": extraction.ocr_pages,
    }
