"""Search documents, tasks and bodies by words, with or without diacritics.

Every word of the query must appear (case, tone style and diacritics ignored) in one
field; the words together as typed rank before words found apart, and hits on numbers
and names before hits in long texts.

>>> from policy_lineage.schema.graph_model import AgencyNode, LineageGraph
>>> g = LineageGraph()
>>> _ = g.add_agency(AgencyNode(id="agency:so-noi-vu", name="Sở Nội vụ"))
>>> [(h.kind, h.label) for h in search(g, "noi vu")]
[('Agency', 'Sở Nội vụ')]
"""

from __future__ import annotations

from dataclasses import dataclass

from ..loaders.textnorm import fold_ascii
from ..schema.graph_model import LineageGraph

__all__ = ["Hit", "search"]


@dataclass
class Hit:
    kind: str  # "Document", "Agency", "Task"
    id: str
    label: str  # how to show it
    field: str  # where the words were found
    text: str  # that field's text
    rank: int  # lower is better


def search(
    graph: LineageGraph,
    query: str,
    kinds: tuple[str, ...] = ("Document", "Agency", "Task"),
    limit: int | None = None,
) -> list[Hit]:
    """Documents (number, forms cited, title, description, issuer), bodies (name and the
    forms written) and tasks (text, leads) whose field holds every word of ``query``.

    >>> from policy_lineage.queries.example import example_graph
    >>> [(h.kind, h.id) for h in search(example_graph(), "ha tang so")]
    [('Task', 'task:2'), ('Task', 'task:1')]
    """
    words = fold_ascii(query).split()
    phrase = " ".join(words)
    if not words:
        return []
    hits: list[Hit] = []

    def consider(kind: str, node_id: str, label: str, fields: list[tuple[str, str | None]]) -> None:
        best = None
        for rank, (name, value) in enumerate(fields):
            if not value:
                continue
            folded = fold_ascii(value)
            if phrase in folded:  # the words together, as typed
                best = (rank, name, value)
                break
            if best is None and all(w in folded for w in words):
                best = (100 + rank, name, value)
        if best is not None:
            hits.append(Hit(kind, node_id, label, best[1], best[2], best[0]))

    if "Document" in kinds:
        for d in graph.documents.values():
            consider("Document", d.id, d.label, [
                ("number", " ".join(filter(None, [d.number, *d.cited_as]))),
                ("title", f"{d.doc_type or ''} {d.title or ''}"),
                ("description", d.description),
                ("issuer", d.issuer),
            ])  # fmt: skip
    if "Agency" in kinds:
        for a in graph.agencies.values():
            consider("Agency", a.id, a.name, [("name", a.name), ("alias", " | ".join(a.aliases))])
    if "Task" in kinds:
        for t in graph.tasks.values():
            consider("Task", t.id, t.text, [("text", t.text), ("lead", " | ".join(t.lead))])
    order = {"Document": 0, "Agency": 1, "Task": 2}
    hits.sort(key=lambda h: (h.rank, order[h.kind], h.label))
    return hits[:limit] if limit else hits
