"""What one body leads and cooperates on, from which documents, by deadline.

>>> from datetime import date
>>> from policy_lineage.schema.graph_model import (
...     AgencyNode, DocumentNode, Edge, LineageGraph, TaskNode)
>>> g = LineageGraph()
>>> _ = g.add_agency(AgencyNode(id="agency:so-tai-chinh", name="Sở Tài chính"))
>>> _ = g.add_document(DocumentNode(id="kh", number="25/KH-UBND"))
>>> _ = g.add_task(TaskNode(id="t", text="Bố trí kinh phí", document_id="kh",
...                         lead=["Sở Tài chính"], deadline=date(2025, 9, 30)))
>>> _ = g.add_edge(Edge("t", "agency:so-tai-chinh", "assigned-to", role="lead"))
>>> [(r.role, r.task.text) for r in agency_work(g, "so tai chinh").rows]
[('lead', 'Bố trí kinh phí')]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..schema.graph_model import AgencyNode, DocumentNode, LineageGraph, TaskNode
from .reader import GraphReader, as_reader, unique
from .resolve import find_agencies

__all__ = ["AgencyRow", "AgencyWork", "agency_work"]


@dataclass
class AgencyRow:
    role: str  # "lead" or "cooperating"
    task: TaskNode
    document: DocumentNode


@dataclass
class AgencyWork:
    query: str
    agencies: list[AgencyNode] = field(default_factory=list)
    rows: list[AgencyRow] = field(default_factory=list)

    @property
    def leads(self) -> int:
        return sum(r.role == "lead" for r in self.rows)


def agency_work(graph: LineageGraph | GraphReader, name: str) -> AgencyWork:
    """The tasks of every body ``name`` fits (see :func:`find_agencies`), leads first,
    then by deadline (tasks without one last).

    >>> from policy_lineage.queries.example import example_graph
    >>> work = agency_work(example_graph(), "so khoa hoc va cong nghe")
    >>> [(r.role, r.task.id, r.document.number) for r in work.rows]
    [('lead', 'task:2', '254/KH-UBND'), ('lead', 'task:4', '254/KH-UBND')]
    """
    reader = as_reader(graph)
    work = AgencyWork(name, find_agencies(reader, name))
    edges = reader.links([a.id for a in work.agencies], "in", ("assigned-to",))
    tasks = {t.id: t for t in reader.tasks(unique(e.source for e in edges))}
    documents = reader.documents()
    seen: set[tuple[str, str]] = set()
    rows = []
    for e in edges:
        task = tasks.get(e.source)
        role = e.role or "lead"
        if task is None or (role, task.id) in seen:
            continue
        seen.add((role, task.id))
        rows.append(AgencyRow(role, task, documents[task.document_id]))
    work.rows = sorted(
        rows,
        key=lambda r: (r.role != "lead", r.task.deadline is None, r.task.deadline or date.max),
    )
    return work
