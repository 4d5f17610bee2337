"""What to draw: the chain around a document (or the whole graph), its tasks and bodies,
filtered to one body, collapsed when it is too big to read.

A :class:`Selection` is plain ids and links; :mod:`.items` gives them looks, :mod:`.layout`
places them, :mod:`.page` and :mod:`.static` draw them. The page and the static export
draw the same selection.

>>> from policy_lineage.schema.graph_model import DocumentNode, Edge, LineageGraph, TaskNode
>>> g = LineageGraph()
>>> for i, n in [("a", "57-NQ/TW"), ("b", "10-CTr/TU"), ("x", "99/QĐ-UBND")]:
...     _ = g.add_document(DocumentNode(id=i, number=n))
>>> _ = g.add_edge(Edge("b", "a", "implements"))
>>> _ = g.add_task(TaskNode(id="t", text="Xây dựng kho dữ liệu", document_id="b"))
>>> s = select(g, "a")
>>> s.documents, s.tasks, [(k.source, k.target, k.kind) for k in s.links]
(['a', 'b'], ['t'], [('b', 'a', 'implements'), ('b', 't', 'has-task')])
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..queries.resolve import find_agencies
from ..queries.trace import DEFAULT_RELATIONS, trace
from ..schema.graph_model import DOCUMENT_EDGE_KINDS, LineageGraph

__all__ = [
    "Group",
    "Link",
    "Selection",
    "SelectionError",
    "select",
    "DEFAULT_MAX_NODES",
    "task_group_id",
    "body_group_id",
]

DEFAULT_MAX_NODES = 1500
LEVELS: tuple[str, ...] = ("central", "province", "commune", "unknown")


class SelectionError(ValueError):
    """What was asked for is not in the graph (the message says what)."""


@dataclass
class Group:
    """Several tasks (of one document) or bodies (of one level) drawn as one node."""

    id: str
    kind: str  # "TaskGroup" or "AgencyGroup"
    members: list[str]
    document_id: str | None = None  # TaskGroup: whose tasks
    level: str | None = None  # AgencyGroup: which level


@dataclass
class Link:
    """One line on the page. ``kind``: a document relation (``implements`` …),
    ``has-task``, ``issued-by``, ``lead``, ``cooperating`` or ``overlap:<kind>``."""

    source: str
    target: str
    kind: str
    basis: str | None = None
    evidence: str | None = None
    count: int = 1  # links merged into this one (collapsed nodes)
    score: float | None = None  # overlap groups
    ocr: bool = False  # read from a page read by OCR (a scan)


@dataclass
class Selection:
    focus: str | None  # the document the page is about; None for the whole graph
    relations: tuple[str, ...]
    documents: list[str] = field(default_factory=list)
    tasks: list[str] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # vi / en, shown on the page
    # task id → [(overlap kind, score, how many tasks in the group)]
    overlaps: dict[str, list[tuple[str, float | None, int]]] = field(default_factory=dict)
    agency_filter: list[str] = field(default_factory=list)  # matched body ids

    @property
    def node_ids(self) -> list[str]:
        """Every node drawn, in drawing order."""
        return [*self.documents, *self.tasks, *self.agencies, *(g.id for g in self.groups)]

    @property
    def collapsed(self) -> bool:
        return bool(self.groups)


def task_group_id(document_id: str) -> str:
    return f"tasks-of:{document_id}"


def body_group_id(level: str) -> str:
    return f"bodies:{level}"


def _ancestors(starts: Iterable[str], up: dict[str, set[str]]) -> set[str]:
    seen = set(starts)
    stack = list(seen)
    while stack:
        here = stack.pop()
        for other in up.get(here, ()):
            if other not in seen:
                seen.add(other)
                stack.append(other)
    return seen


def select(
    graph: LineageGraph,
    root: str | None = None,
    *,
    depth: int | None = None,
    relations: Sequence[str] = DEFAULT_RELATIONS,
    tasks: bool = True,
    bodies: bool = True,
    agency: str | None = None,
    max_nodes: int = DEFAULT_MAX_NODES,
    overlaps: Iterable[Any] | None = None,
) -> Selection:
    """The nodes and links to draw.

    ``root``: a document id — its chain over ``relations`` (``depth`` links at most);
    None — every document. ``tasks``/``bodies``: draw the documents' tasks, and the bodies
    that issued the documents and lead or cooperate on the tasks. ``agency``: words of a
    body's name — only that body's tasks, the documents that hold them or that it issued,
    and what those carry out, up the chain. ``overlaps``: groups with ``.kind``, ``.score``
    and ``.tasks`` (queries.overlaps; ``.pairs`` drawn when given) linked on the page. Above ``max_nodes`` tasks collapse
    into a count per document, then bodies into one node per level (see ``notes``).
    """
    relations = tuple(k for k in relations if k in DOCUMENT_EDGE_KINDS)
    if root is not None and root not in graph.documents:
        raise SelectionError(f"no document {root!r} in the graph")
    sel = Selection(focus=root, relations=relations)

    if root is not None:
        doc_ids = trace(graph, root, depth, relations).nodes
    else:
        doc_ids = list(graph.documents)
    doc_set = set(doc_ids)

    # document links among the chosen documents
    up: dict[str, set[str]] = {}
    doc_links: list[Link] = []
    seen: set[tuple[str, str, str]] = set()
    for e in graph.edges:
        if e.kind in relations and e.source in doc_set and e.target in doc_set:
            key = (e.source, e.target, e.kind)
            if key in seen or e.source == e.target:
                continue
            seen.add(key)
            doc_links.append(Link(e.source, e.target, e.kind, e.basis, e.evidence, ocr=e.ocr))
            up.setdefault(e.source, set()).add(e.target)

    task_ids = [t.id for t in graph.tasks.values() if t.document_id in doc_set] if tasks else []
    # task → (agency, role, evidence, read by OCR)
    assigned: dict[str, list[tuple[str, str, str | None, bool]]] = {}
    for e in graph.edges:
        if e.kind == "assigned-to" and e.source in graph.tasks and e.target in graph.agencies:
            assigned.setdefault(e.source, []).append(
                (e.target, e.role or "lead", e.evidence, e.ocr)
            )

    matched: set[str] = set()
    if agency:
        found = find_agencies(graph, agency)
        if not found:
            raise SelectionError(f"no body matches {agency!r}")
        matched = {a.id for a in found}
        names = {a.name for a in found}
        sel.agency_filter = sorted(matched)

        def for_body(task_id: str) -> bool:
            task = graph.tasks[task_id]
            if any(a in matched for a, _, _, _ in assigned.get(task_id, [])):
                return True
            return bool(names & {*task.lead, *task.cooperating})

        all_task_ids = [t.id for t in graph.tasks.values() if t.document_id in doc_set]
        kept_tasks = [t for t in all_task_ids if for_body(t)]
        holders = {graph.tasks[t].document_id for t in kept_tasks}
        issued = {d for d in doc_ids if graph.documents[d].issuer_id in matched}
        keep = _ancestors(holders | issued | ({root} if root else set()), up)
        doc_ids = [d for d in doc_ids if d in keep]
        doc_set = set(doc_ids)
        doc_links = [k for k in doc_links if k.source in doc_set and k.target in doc_set]
        task_ids = kept_tasks if tasks else []

    sel.documents = doc_ids
    sel.tasks = task_ids
    sel.links = doc_links + [
        Link(graph.tasks[t].document_id, t, "has-task", ocr=graph.tasks[t].ocr) for t in task_ids
    ]

    if bodies:
        agency_ids: list[str] = []
        chosen: set[str] = set()

        def add_body(a: str) -> None:
            if a not in chosen:
                chosen.add(a)
                agency_ids.append(a)

        for d in doc_ids:
            issuer = graph.documents[d].issuer_id
            if issuer in graph.agencies:
                add_body(issuer)
                sel.links.append(Link(d, issuer, "issued-by"))
        for t in task_ids:
            for a, role, evidence, ocr in assigned.get(t, []):
                if agency and a not in matched:
                    continue
                add_body(a)
                sel.links.append(Link(t, a, role, evidence=evidence, ocr=ocr))
        sel.agencies = agency_ids

    if overlaps:
        _add_overlaps(sel, overlaps)

    total = len(sel.documents) + len(sel.tasks) + len(sel.agencies)
    if total > max_nodes:
        _collapse(graph, sel, total, max_nodes)
    return sel


def _add_overlaps(sel: Selection, groups: Iterable[Any]) -> None:
    drawn = set(sel.tasks)
    seen: set[tuple[str, str, str]] = set()
    for group in groups:
        kind = str(getattr(group, "kind", "overlap"))
        score = getattr(group, "score", None)
        members = [t for t in _group_tasks(group) if t in drawn]
        if len(members) < 2:
            continue
        for t in members:
            sel.overlaps.setdefault(t, []).append((kind, score, len(members)))
        # the pairs that joined the group when it gives them, else a path through it
        pairs = [
            (p[0], p[1], p[2] if len(p) > 2 else score)
            for p in getattr(group, "pairs", None) or []
            if p[0] in drawn and p[1] in drawn
        ] or [(a, b, score) for a, b in zip(members, members[1:], strict=False)]
        for a, b, pair_score in pairs:
            key = (a, b, kind)
            if key not in seen:
                seen.add(key)
                sel.links.append(Link(a, b, f"overlap:{kind}", score=pair_score))


def _group_tasks(group: Any) -> list[str]:
    """Task ids of an overlap group (``.tasks`` of ids or of nodes, or ``.task_ids``)."""
    items = getattr(group, "tasks", None)
    if items is None:
        items = getattr(group, "task_ids", [])
    return [t if isinstance(t, str) else t.id for t in items]


def _merge_links(links: list[Link], rename: dict[str, str]) -> list[Link]:
    """Links with collapsed ends renamed; duplicates merged (count), self-links dropped."""
    merged: dict[tuple[str, str, str], Link] = {}
    for k in links:
        s, t = rename.get(k.source, k.source), rename.get(k.target, k.target)
        if s == t:
            continue
        key = (s, t, k.kind)
        if key in merged:
            merged[key].count += k.count
            continue
        if (s, t) == (k.source, k.target):
            merged[key] = k
        else:
            merged[key] = Link(s, t, k.kind, k.basis, None, k.count, k.score)
    return list(merged.values())


def _collapse(graph: LineageGraph, sel: Selection, total: int, max_nodes: int) -> None:
    if sel.tasks:
        by_doc: dict[str, list[str]] = {}
        for t in sel.tasks:
            by_doc.setdefault(graph.tasks[t].document_id, []).append(t)
        rename = {}
        for doc_id, members in by_doc.items():
            group = Group(task_group_id(doc_id), "TaskGroup", members, document_id=doc_id)
            sel.groups.append(group)
            rename.update(dict.fromkeys(members, group.id))
        n_tasks = len(sel.tasks)
        sel.tasks = []
        sel.links = _merge_links(sel.links, rename)
        sel.notes.append(
            f"Đồ thị có {total} nút, vượt ngưỡng {max_nodes}: {n_tasks} nhiệm vụ được gộp "
            f"thành {len(by_doc)} nút đếm theo văn bản. / The graph has {total} nodes, above "
            f"the budget of {max_nodes}: {n_tasks} tasks were collapsed into {len(by_doc)} "
            "count nodes, one per document."
        )
    now = len(sel.documents) + len(sel.agencies) + len(sel.groups)
    if now > max_nodes and sel.agencies:
        by_level: dict[str, list[str]] = {}
        for a in sel.agencies:
            level = graph.agencies[a].level
            by_level.setdefault(level if level in LEVELS else "unknown", []).append(a)
        rename = {}
        for level in LEVELS:
            members = by_level.get(level)
            if members:
                group = Group(body_group_id(level), "AgencyGroup", members, level=level)
                sel.groups.append(group)
                rename.update(dict.fromkeys(members, group.id))
        n_bodies = len(sel.agencies)
        sel.agencies = []
        sel.links = _merge_links(sel.links, rename)
        sel.notes.append(
            f"{n_bodies} cơ quan được gộp thành {len(by_level)} nút theo cấp. / "
            f"{n_bodies} bodies were collapsed into {len(by_level)} nodes, one per level."
        )
    if len(sel.documents) > max_nodes:
        sel.notes.append(
            f"Riêng văn bản đã có {len(sel.documents)} nút; hãy chọn một văn bản và --depth "
            f"để thu hẹp. / Documents alone make {len(sel.documents)} nodes; give a document "
            "and --depth to narrow the page."
        )
