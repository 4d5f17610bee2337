"""What each node and line of a :class:`~.select.Selection` looks like and says: its label,
colours, shape, legend category, and the details shown on demand (label / value pairs, vi
/ en). Both the page and the static export draw these items, so they agree.

Values are plain text taken from the documents; whoever draws them escapes them.

>>> from datetime import date
>>> from policy_lineage.schema.graph_model import DocumentNode, LineageGraph
>>> from policy_lineage.viz.select import select
>>> g = LineageGraph()
>>> _ = g.add_document(DocumentNode(id="nq", number="57-NQ/TW", doc_type="Nghị quyết"))
>>> item = build_items(g, select(g, "nq"), as_of=date(2025, 1, 1))[0][0]
>>> item.label, item.category, item.focus
('57-NQ/TW\\nNghị quyết', 'Nghị quyết', True)
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from ..queries.tasks import task_status
from ..schema.graph_model import AgencyNode, DocumentNode, LineageGraph, TaskNode
from . import style
from .select import Group, Link, Selection

__all__ = ["NodeItem", "EdgeItem", "build_items", "edge_style"]

Details = list[tuple[str, str]]


@dataclass
class NodeItem:
    id: str
    kind: str  # Document, Agency, Task, TaskGroup, AgencyGroup
    label: str  # on the node; "\n" breaks lines
    fill: str
    border: str
    font: str
    shape: str  # box, ellipse, dot, diamond, square (vis-network names)
    category: str  # legend key: a document type, a level, a status
    dashed: bool = False  # a draft
    focus: bool = False
    pale: bool = False  # a document known only from citations
    size: float = 10.0  # dots
    details: Details = field(default_factory=list)
    ocr: bool = False  # read from a page read by OCR (a scan): to check against the paper


@dataclass
class EdgeItem:
    source: str
    target: str
    kind: str  # as Link.kind
    style: style.EdgeStyle
    label: str = ""  # a count on merged lines
    details: Details = field(default_factory=list)


def _day(d: date | None) -> str:
    return d.strftime("%d/%m/%Y") if d else ""


def _yes(flag: bool) -> str:
    return "có / yes" if flag else "không / no"


def _ocr(flag: bool, pages: list[int] | None = None) -> str | None:
    """The words that say a fact was read by OCR (and on which pages), or None."""
    if not flag:
        return None
    where = f" (trang / pages {', '.join(map(str, pages))})" if pages else ""
    return style.UI["ocr"] + where


def _pairs(pairs: list[tuple[str, str | None]]) -> Details:
    return [(style.FIELD_LABELS[k], v) for k, v in pairs if v]


def edge_style(kind: str) -> style.EdgeStyle:
    """The line style of a link kind (``overlap:<kind>`` included)."""
    if kind.startswith("overlap:"):
        return style.OVERLAP_STYLES.get(kind.split(":", 1)[1], style.OVERLAP_OTHER)
    return style.EDGE_STYLES.get(kind, style.EDGE_STYLES["cites"])


def build_items(
    graph: LineageGraph, sel: Selection, as_of: date
) -> tuple[list[NodeItem], list[EdgeItem]]:
    """Items for every node and link of ``sel``; task statuses are counted on ``as_of``."""
    nodes: list[NodeItem] = []
    for d in sel.documents:
        nodes.append(_document(graph.documents[d], d == sel.focus))
    for t in sel.tasks:
        nodes.append(_task(graph, graph.tasks[t], as_of, sel))
    for a in sel.agencies:
        nodes.append(_agency(graph.agencies[a]))
    for g in sel.groups:
        nodes.append(_group(graph, g, as_of))
    edges = [_edge(graph, k) for k in sel.links]
    return nodes, edges


def _document(doc: DocumentNode, focus: bool) -> NodeItem:
    base = style.document_colour(doc.doc_type)
    fill = base if doc.in_corpus else style.lighten(base, style.CITED_ONLY_TINT)
    if doc.number:
        head = doc.number
        sub = " · ".join(x for x in (doc.doc_type, _day(doc.date)) if x)
        if doc.is_draft:
            sub = f"{style.UI['draft_word']} · {sub}" if sub else style.UI["draft_word"]
    else:
        kind = doc.doc_type or "Văn bản"
        head = f"{kind} ({style.UI['draft_word']})" if doc.is_draft else kind
        sub = style.short(doc.title or doc.description or "", 44)
    if doc.ocr:
        sub = f"{sub} · {style.UI['ocr_word']}" if sub else style.UI["ocr_word"]
    label = f"{head}\n{sub}" if sub else head
    number = doc.number or (
        f"(chưa có số / no number) {doc.number_template or ''}".strip()
        if doc.in_corpus or doc.is_draft
        else None
    )
    details = _pairs(
        [
            ("kind", style.KIND_LABELS["Document"]),
            ("number", number),
            ("doc_type", style.document_type_label(doc.doc_type) if doc.doc_type else None),
            ("issuer", doc.issuer),
            ("date", _day(doc.date) or "chưa rõ / unknown"),
            ("title", doc.title),
            (
                "description",
                None if doc.description in (doc.title, doc.number) else doc.description,
            ),
            ("draft", _yes(True) if doc.is_draft else None),
            (
                "in_corpus",
                "có / yes" if doc.in_corpus else "chỉ được dẫn chiếu / known from citations",
            ),
            ("level", style.LEVEL_NAMES.get(doc.level)),
            ("ocr", _ocr(doc.ocr, doc.ocr_pages)),
            ("source", doc.source),
            ("id", doc.id),
        ]
    )
    return NodeItem(
        doc.id,
        "Document",
        label,
        fill,
        style.FOCUS_BORDER
        if focus
        else style.DRAFT_BORDER
        if doc.is_draft
        else "#263238"
        if doc.in_corpus
        else base,
        style.text_colour(fill),
        "box",
        doc.doc_type or "",
        dashed=doc.is_draft,
        focus=focus,
        pale=not doc.in_corpus,
        details=details,
        ocr=doc.ocr,
    )


def _deadline(task: TaskNode) -> str | None:
    parts = []
    if task.deadline:
        parts.append(_day(task.deadline))
    if task.deadline_text:
        parts.append(task.deadline_text)
    if task.recurring and not task.deadline_text:
        parts.append("thường xuyên / recurring")
    return " — ".join(parts) or None


def _task(graph: LineageGraph, task: TaskNode, as_of: date, sel: Selection) -> NodeItem:
    status = task_status(task, as_of)
    swatch = style.STATUS_STYLE[status]
    doc = graph.documents.get(task.document_id)
    sentences = [
        e.evidence
        for e in graph.edges
        if e.source == task.id and e.kind == "assigned-to" and e.evidence
    ]
    sentence = next((s for s in sentences if s != task.text), None)
    where = None
    if task.source:
        where = task.source + (
            f" (ký tự / chars {task.span[0]}–{task.span[1]})" if task.span else ""
        )
    overlaps = sel.overlaps.get(task.id, [])
    overlap = "; ".join(
        f"{edge_style('overlap:' + kind).label} ({n} nhiệm vụ / tasks"
        + (f", điểm / score {score:.2f})" if isinstance(score, int | float) else ")")
        for kind, score, n in overlaps
    )
    details = _pairs(
        [
            ("kind", style.KIND_LABELS["Task"]),
            ("text", task.text),
            ("document", doc.label if doc else task.document_id),
            ("lead", "; ".join(task.lead)),
            ("cooperating", "; ".join(task.cooperating)),
            ("deadline", _deadline(task)),
            ("status", f"{swatch.label} ({style.UI['as_of']} {_day(as_of)})"),
            ("deliverable", task.deliverable),
            ("section", " › ".join(task.section)),
            ("evidence", sentence),
            ("overlap", overlap),
            ("ocr", _ocr(task.ocr)),
            ("source", where),
            ("id", task.id),
        ]
    )
    return NodeItem(
        task.id,
        "Task",
        "",
        swatch.colour,
        style.OVERLAP_STYLES.get(overlaps[0][0], style.OVERLAP_OTHER).colour
        if overlaps
        else swatch.border,
        "#000000",
        "dot",
        status,
        size=9.0 if overlaps else 7.0,
        details=details,
        ocr=task.ocr,
    )


def _agency(agency: AgencyNode) -> NodeItem:
    swatch = style.LEVEL_STYLE.get(agency.level, style.LEVEL_STYLE["unknown"])
    details = _pairs(
        [
            ("kind", style.KIND_LABELS["Agency"]),
            ("title", agency.name),
            ("level", style.LEVEL_NAMES.get(agency.level)),
            ("aliases", "; ".join(a for a in agency.aliases if a != agency.name)),
            ("id", agency.id),
        ]
    )
    return NodeItem(
        agency.id,
        "Agency",
        style.short(agency.name, 56),
        swatch.colour,
        swatch.border,
        "#000000",
        "ellipse",
        agency.level,
        details=details,
    )


def _group(graph: LineageGraph, group: Group, as_of: date) -> NodeItem:
    n = len(group.members)
    if group.kind == "TaskGroup":
        statuses = Counter(task_status(graph.tasks[t], as_of) for t in group.members)
        worst = next(s for s in style.STATUS_ORDER if statuses[s])
        swatch = style.STATUS_STYLE[worst]
        counts = "; ".join(
            f"{style.STATUS_STYLE[s].label}: {statuses[s]}"
            for s in style.STATUS_ORDER
            if statuses[s]
        )
        doc = graph.documents.get(group.document_id or "")
        sample = [graph.tasks[t].text for t in group.members[:12]]
        members = "\n".join(f"• {style.short(s, 140)}" for s in sample)
        if n > len(sample):
            members += f"\n… (+{n - len(sample)})"
        details = _pairs(
            [
                ("kind", style.KIND_LABELS["TaskGroup"]),
                ("document", doc.label if doc else group.document_id),
                ("count", str(n)),
                ("status", f"{counts} ({style.UI['as_of']} {_day(as_of)})"),
                ("members", members),
            ]
        )
        return NodeItem(
            group.id,
            "TaskGroup",
            f"{n} nhiệm vụ / tasks",
            swatch.colour,
            swatch.border,
            style.text_colour(swatch.colour),
            "square",
            worst,
            size=12.0,
            details=details,
        )
    level = group.level or "unknown"
    swatch = style.LEVEL_STYLE.get(level, style.LEVEL_STYLE["unknown"])
    names = sorted(graph.agencies[a].name for a in group.members)
    shown = "\n".join(f"• {x}" for x in names[:30]) + (f"\n… (+{n - 30})" if n > 30 else "")
    details = _pairs(
        [
            ("kind", style.KIND_LABELS["AgencyGroup"]),
            ("level", style.LEVEL_NAMES.get(level)),
            ("count", str(n)),
            ("members", shown),
        ]
    )
    return NodeItem(
        group.id,
        "AgencyGroup",
        f"{n} {swatch.label.split(' / ')[0]}\n({style.UI['collapsed']})",
        swatch.colour,
        swatch.border,
        "#000000",
        "ellipse",
        level,
        details=details,
    )


def _edge(graph: LineageGraph, link: Link) -> EdgeItem:
    st = edge_style(link.kind)
    details = _pairs(
        [
            ("relation", st.label),
            ("basis", style.BASIS_LABELS.get(link.basis or "")),
            ("evidence", link.evidence),
            ("ocr", _ocr(link.ocr)),
            ("count", str(link.count) if link.count > 1 else None),
        ]
    )
    if link.score is not None:
        details.append(("Điểm / Score", f"{link.score:.2f}"))
    label = str(link.count) if link.count > 1 else ""
    return EdgeItem(link.source, link.target, link.kind, st, label, details)
