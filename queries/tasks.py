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

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from ..loaders.textnorm import fold_ascii
from ..schema.graph_model import DocumentNode, LineageGraph, TaskNode
from .reader import GraphReader, TaskKey, as_reader

__all__ = [
    "TaskRow",
    "tasks_from",
    "iter_tasks_from",
    "ORDERS",
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
# How rows are listed: ``deadline`` (the whole answer sorted by :func:`row_order`: its
# first row needs every task) or ``walk`` (document by document as the breadth-first walk
# reaches them, each document's tasks by :func:`row_order`: rows come out at once).
ORDERS = ("deadline", "walk")
# The walk reads the tasks of this many documents of a level at a time.
WALK_BATCH = 200
# tasks read first in the deadline order (the order itself is read from keys first); each
# later batch is four times the one before, up to 64 times this
TASK_BATCH = 250
# above this many documents `tasks --from` reads the keys a deadline at a time
# (task_keys_by_deadline); below it, through the documents' own links
MANY_DOCUMENTS = 900


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


def derived_documents(
    graph: LineageGraph | GraphReader, root: str, deriving: tuple[str, ...] = DERIVING
) -> dict[str, list[str]]:
    """Every document that implements ``root`` (transitively), with its path from root;
    a document that supersedes one on the way carries its duties too (a promulgated
    version, its draft's). ``deriving``: the links followed down besides ``supersedes``
    (``("implements", "based-on")`` also takes the plans that cite ``root`` as their legal
    basis, "Căn cứ …"). One ``links`` call per level.

    >>> from policy_lineage.queries.example import example_graph
    >>> paths = derived_documents(example_graph(), "doc:dong-thap:01-CTr/TU:2020-2025")
    >>> [len(p) for p in paths.values()]
    [1, 2, 3]
    """
    paths: dict[str, list[str]] = {}
    for level in derived_levels(graph, root, deriving):
        paths.update(level)
    return paths


def derived_levels(
    graph: LineageGraph | GraphReader, root: str, deriving: tuple[str, ...] = DERIVING
) -> Iterator[dict[str, list[str]]]:
    """:func:`derived_documents` a level at a time: ``{root: [root]}`` first, then the
    documents one link further, each with its path; the next level is read only when
    asked for.

    >>> from policy_lineage.queries.example import example_graph
    >>> levels = derived_levels(example_graph(), "doc:dong-thap:01-CTr/TU:2020-2025")
    >>> [len(p) for p in next(levels).values()]
    [1]
    """
    reader = as_reader(graph)
    paths = {root: [root]}
    frontier = [root]
    kinds = (*dict.fromkeys(k for k in deriving if k != "supersedes"), "supersedes")
    yield {root: [root]}
    while frontier:
        below: dict[str, list[str]] = {}
        newer: dict[str, list[str]] = {}
        for e in reader.links(frontier, "in", kinds):
            (below if e.kind != "supersedes" else newer).setdefault(e.target, []).append(e.source)
        next_frontier = []
        level: dict[str, list[str]] = {}
        for here in frontier:
            for other in sorted(below.get(here, [])) + sorted(newer.get(here, [])):
                if other not in paths:
                    paths[other] = level[other] = [*paths[here], other]
                    next_frontier.append(other)
        frontier = next_frontier
        if level:
            yield level


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
    deriving: tuple[str, ...] = DERIVING,
) -> list[TaskRow]:
    """Tasks of ``root`` and of the documents implementing it, filtered, by deadline.

    ``agency`` keeps tasks where that body leads or cooperates (words of its name, any
    case, with or without diacritics); ``level`` keeps tasks led by a body of that level
    (``central``, ``province``, ``commune``); ``status`` is one of :data:`STATUSES`;
    ``deriving``: the links followed down (:func:`derived_documents`). The list of
    :func:`iter_tasks_from` in the ``deadline`` order.

    >>> from policy_lineage.queries.example import example_graph
    >>> g = example_graph()
    >>> rows = tasks_from(g, "doc:vn:57-NQ/TW:2021-2026", as_of=date(2025, 9, 15))
    >>> [(r.task.id, r.status, g.documents[r.path[-1]].number) for r in rows][:3]
    [('task:1', 'due-soon', '01-CTr/TU'), ('task:2', 'due-soon', '254/KH-UBND'), ('task:5', 'open', '12/KH-UBND')]
    >>> [r.task.id for r in tasks_from(g, "doc:vn:57-NQ/TW:2021-2026", agency="Sở Nội vụ")]
    ['task:2', 'task:3']
    """
    return list(
        iter_tasks_from(graph, root, agency, due_before, level, status, as_of, "deadline", deriving)
    )


def iter_tasks_from(
    graph: LineageGraph | GraphReader,
    root: str,
    agency: str | None = None,
    due_before: date | None = None,
    level: str | None = None,
    status: str | None = None,
    as_of: date | None = None,
    order: str = "deadline",
    deriving: tuple[str, ...] = DERIVING,
) -> Iterator[TaskRow]:
    """The rows of :func:`tasks_from`, yielded as they are found.

    ``order="deadline"`` yields exactly :func:`tasks_from`'s list (its first row needs the
    whole answer, since the nearest deadline may sit in the last document reached);
    ``order="walk"`` yields each level of the walk as soon as it is read: documents in
    the order the breadth-first walk reaches them, a document's tasks by
    :func:`row_order`, read :data:`WALK_BATCH` documents at a time. Nothing further down
    is read until the rows above are consumed.

    >>> from policy_lineage.queries.example import example_graph
    >>> rows = iter_tasks_from(example_graph(), "doc:vn:57-NQ/TW:2021-2026", order="walk")
    >>> next(rows).task.id
    'task:1'
    """
    if order not in ORDERS:
        raise ValueError(f"order must be one of {ORDERS}, not {order!r}")
    reader = as_reader(graph)
    as_of = as_of or date.today()
    needle = fold_ascii(agency) if agency else None
    documents = reader.documents()
    levels: dict[str, set[str]] = {}
    asked: set[str] = set()

    def rows_of(paths: dict[str, list[str]], tasks: list[TaskNode] | None = None) -> list[TaskRow]:
        if tasks is None:
            tasks = reader.tasks_of(list(paths))
        if level:
            names = sorted({n for t in tasks for n in t.lead} - asked)
            asked.update(names)
            for a in reader.bodies_named(names) if names else ():
                for key in (a.name, *a.aliases):  # a task may show a body with its place
                    levels.setdefault(key, set()).add(a.level)
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
        return rows

    if order == "deadline":
        paths = derived_documents(reader, root, deriving)
        by_deadline = getattr(reader, "task_keys_by_deadline", None)
        if by_deadline is not None and len(paths) > MANY_DOCUMENTS:
            # a country's plans: read the keys a deadline at a time, so the first rows
            # do not wait for every task's key to be read and sorted
            yield from _rows_by_deadline(reader, by_deadline(), paths, rows_of)
            return
        keys_of = getattr(reader, "task_keys", None)
        if keys_of is None:  # a reader without the capability: the whole answer, sorted
            rows = rows_of(paths)
            rows.sort(key=row_order)
            yield from rows
            return
        # the order from the keys alone (stable: ties keep the tasks' order, as
        # row_order's sort of the rows would), then the tasks a batch at a time
        keys = [TaskKey(*k) for k in keys_of(list(paths))]
        keys.sort(key=lambda k: _key_order(k, paths[k.document_id]))
        start, size = 0, TASK_BATCH
        while start < len(keys):  # a small first batch (the first row), then larger ones
            batch = [k.id for k in keys[start : start + size]]
            by_id = {t.id: t for t in reader.tasks(batch)}
            yield from rows_of(paths, [by_id[i] for i in batch if i in by_id])
            start, size = start + size, min(size * 4, 64 * TASK_BATCH)
        return
    for level_paths in derived_levels(reader, root, deriving):
        ids = list(level_paths)
        for start in range(0, len(ids), WALK_BATCH):  # memory: a batch's tasks at a time
            batch = {i: level_paths[i] for i in ids[start : start + WALK_BATCH]}
            by_document: dict[str, list[TaskRow]] = {}
            for row in rows_of(batch):
                by_document.setdefault(row.document.id, []).append(row)
            for doc_id in batch:
                yield from sorted(by_document.get(doc_id, ()), key=row_order)


def _rows_by_deadline(
    reader: GraphReader,
    groups: Iterator[list[tuple]],
    paths: dict[str, list[str]],
    rows_of: Callable[[dict[str, list[str]], list[TaskNode]], list[TaskRow]],
) -> Iterator[TaskRow]:
    """The rows in :func:`row_order`, from the keys of every task a deadline at a time
    (``task_keys_by_deadline``): within a deadline the order is the rest of
    :func:`_key_order`, ties in the order the tasks were stored, exactly as one sort of
    all the keys would give. Tasks are read a batch at a time, the first batch small."""
    pending: list[TaskKey] = []
    size = TASK_BATCH

    def flush() -> Iterator[TaskRow]:
        by_id = {t.id: t for t in reader.tasks([k.id for k in pending])}
        yield from rows_of(paths, [by_id[k.id] for k in pending if k.id in by_id])
        pending.clear()

    for group in groups:
        keys = [TaskKey(*k) for k in group if k[1] in paths]
        keys.sort(key=lambda k: _key_order(k, paths[k.document_id]))
        pending.extend(keys)
        while len(pending) >= size:
            rest = pending[size:]
            del pending[size:]
            yield from flush()
            pending.extend(rest)
            size = min(size * 4, 64 * TASK_BATCH)
    if pending:
        yield from flush()


def _key_order(key: TaskKey, path: list[str]) -> tuple:
    """Where a task is listed (see :func:`row_order`), from its :class:`TaskKey` and its
    document's path: the one definition of the order, for rows and for keys alike."""
    return (
        key.deadline is None,
        key.deadline or "9999-12-31",
        len(path),
        key.source or "",
        tuple(key.span) if key.span else (0, 0),
    )


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
    deadline = t.deadline.isoformat() if t.deadline else None
    return _key_order(TaskKey(t.id, t.document_id, deadline, t.source, t.span), row.path)
