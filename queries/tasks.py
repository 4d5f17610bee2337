"""Tasks that derive from a document: its own, and those of every document that
implements it, directly or through others (transitively), with the path of documents.

A task's status is relative to a day (``as_of``): ``overdue`` (its deadline has
passed), ``due-soon`` (within :data:`DUE_SOON_DAYS`), ``open`` (a later deadline),
``recurring`` (no deadline, to be done again and again) or ``no-deadline``.

>>> from datetime import date
>>> from policy_lineage.schema.graph_model import DocumentNode, Edge, LineageGraph, TaskNode
>>> g = LineageGraph()
>>> _ = g.add_document(DocumentNode(id="nq", number="57-NQ/TW"))
>>> _ = g.add_document(DocumentNode(id="kh", number="25/KH-UBND"))
>>> _ = g.add_edge(Edge("kh", "nq", "implements"))
>>> _ = g.add_task(TaskNode(id="t", text="Xây dựng cơ sở dữ liệu", document_id="kh",
...                         lead=["Sở Khoa học và Công nghệ"], deadline=date(2025, 9, 30)))
>>> [(r.task.text, r.path, r.status) for r in tasks_from(g, "nq", as_of=date(2025, 10, 1))]
[('Xây dựng cơ sở dữ liệu', ['nq', 'kh'], 'overdue')]
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ..loaders.textnorm import fold_ascii
from ..schema.graph_model import DocumentNode, LineageGraph, TaskNode
from .reader import GraphReader, as_reader

__all__ = [
    "TaskRow",
    "tasks_from",
    "row_order",
    "task_status",
    "DUE_SOON_DAYS",
    "STATUSES",
    "DERIVING",
    "derived_documents",
]

DUE_SOON_DAYS = 30
STATUSES = ("overdue", "due-soon", "open", "recurring", "no-deadline")
# A document's tasks derive from what it implements (its promulgated version's too).
DERIVING = ("implements",)


@dataclass
class TaskRow:
    task: TaskNode
    document: DocumentNode
    path: list[str]  # document ids from the asked-for document down to the task's
    status: str


def task_status(task: TaskNode, as_of: date) -> str:
    """``overdue``, ``due-soon``, ``open``, ``recurring`` or ``no-deadline`` on ``as_of``.

    >>> from policy_lineage.schema.graph_model import TaskNode
    >>> task_status(TaskNode("t", "x", "d", deadline=date(2025, 6, 30)), date(2025, 6, 15))
    'due-soon'
    """
    if task.deadline is None:
        return "recurring" if task.recurring else "no-deadline"
    if task.deadline < as_of:
        return "overdue"
    if task.deadline <= as_of + timedelta(days=DUE_SOON_DAYS):
        return "due-soon"
    return "open"


def derived_documents(graph: LineageGraph | GraphReader, root: str) -> dict[str, list[str]]:
    """Every document that implements ``root`` (transitively), with its path from root;
    a document that supersedes one on the way carries its duties too (a promulgated
    version, its draft's). One ``links`` call per level.

    >>> from policy_lineage.queries.example import example_graph
    >>> paths = derived_documents(example_graph(), "doc:dong-thap:01-CTr/TU:2020-2025")
    >>> [len(p) for p in paths.values()]
    [1, 2, 3]
    """
    reader = as_reader(graph)
    paths = {root: [root]}
    frontier = [root]
    while frontier:
        below: dict[str, list[str]] = {}
        newer: dict[str, list[str]] = {}
        for e in reader.links(frontier, "in", (*DERIVING, "supersedes")):
            (below if e.kind in DERIVING else newer).setdefault(e.target, []).append(e.source)
        next_frontier = []
        for here in frontier:
            for other in sorted(below.get(here, [])) + sorted(newer.get(here, [])):
                if other not in paths:
                    paths[other] = [*paths[here], other]
                    next_frontier.append(other)
        frontier = next_frontier
    return paths


def _matches_agency(task: TaskNode, needle: str) -> bool:
    return any(needle in fold_ascii(name) for name in [*task.lead, *task.cooperating])


def tasks_from(
    graph: LineageGraph | GraphReader,
    root: str,
    agency: str | None = None,
    due_before: date | None = None,
    level: str | None = None,
    status: str | None = None,
    as_of: date | None = None,
) -> list[TaskRow]:
    """Tasks of ``root`` and of the documents implementing it, filtered, by deadline.

    ``agency`` keeps tasks where that body leads or cooperates (words of its name, any
    case, with or without diacritics); ``level`` keeps tasks led by a body of that level
    (``central``, ``province``, ``commune``); ``status`` is one of :data:`STATUSES`.

    >>> from policy_lineage.queries.example import example_graph
    >>> g = example_graph()
    >>> rows = tasks_from(g, "doc:vn:57-NQ/TW:2021-2026", as_of=date(2025, 9, 15))
    >>> [(r.task.id, r.status, g.documents[r.path[-1]].number) for r in rows][:3]
    [('task:1', 'due-soon', '01-CTr/TU'), ('task:2', 'due-soon', '254/KH-UBND'), ('task:5', 'open', '12/KH-UBND')]
    >>> [r.task.id for r in tasks_from(g, "doc:vn:57-NQ/TW:2021-2026", agency="Sở Nội vụ")]
    ['task:2', 'task:3']
    """
    reader = as_reader(graph)
    as_of = as_of or date.today()
    paths = derived_documents(reader, root)
    tasks = reader.tasks_of(list(paths))
    levels: dict[str, set[str]] = {}
    if level:
        names = sorted({n for t in tasks for n in t.lead})
        for a in reader.bodies_named(names):
            levels.setdefault(a.name, set()).add(a.level)
    needle = fold_ascii(agency) if agency else None
    documents = reader.documents()
    rows = []
    for task in tasks:
        if needle and not _matches_agency(task, needle):
            continue
        if due_before and not (task.deadline and task.deadline < due_before):
            continue
        if level and not any(level in levels.get(n, ()) for n in task.lead):
            continue
        st = task_status(task, as_of)
        if status and st != status:
            continue
        rows.append(TaskRow(task, documents[task.document_id], paths[task.document_id], st))
    rows.sort(key=row_order)
    return rows


def row_order(row: TaskRow) -> tuple:
    """How task rows are listed: by deadline (none last), nearest the asked-for document
    first, then in document order.

    >>> from policy_lineage.schema.graph_model import DocumentNode
    >>> d = DocumentNode("d")
    >>> late = TaskRow(TaskNode("a", "x", "d", deadline=date(2026, 1, 1)), d, ["d"], "open")
    >>> none = TaskRow(TaskNode("b", "y", "d"), d, ["d"], "no-deadline")
    >>> [r.task.id for r in sorted([none, late], key=row_order)]
    ['a', 'b']
    """
    t = row.task
    return (
        t.deadline is None,
        t.deadline or date.max,
        len(row.path),
        t.source or "",
        t.span or (0, 0),
    )
