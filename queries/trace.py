"""The chain around a document: what it carries out, up to the root, and what carries it
out, down to the communes.

``up`` follows a document's own links (it implements / supersedes / cites … another);
``down`` follows the links other documents have to it. Each branch carries the relation,
its basis (``stated`` by the file, ``cited``: a link between two cited documents, or
``inferred``), how far from the root it is, and whether it was read by OCR (``ocr``).

>>> from policy_lineage.schema.graph_model import DocumentNode, Edge, LineageGraph
>>> g = LineageGraph()
>>> for i, n in [("a", "57-NQ/TW"), ("b", "10-CTr/TU"), ("c", "25/KH-UBND")]:
...     _ = g.add_document(DocumentNode(id=i, number=n))
>>> _ = g.add_edge(Edge("b", "a", "implements"))
>>> _ = g.add_edge(Edge("c", "b", "implements"))
>>> [(s.source, s.target, s.depth) for s in trace(g, "a").down]
[('b', 'a', 1), ('c', 'b', 2)]
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..schema.graph_model import CHAIN_EDGE_KINDS, DOCUMENT_EDGE_KINDS, Edge, LineageGraph
from .reader import GraphReader, as_reader

__all__ = ["TraceStep", "Trace", "trace", "DEFAULT_RELATIONS"]

DEFAULT_RELATIONS: tuple[str, ...] = CHAIN_EDGE_KINDS  # implements, supersedes


@dataclass
class TraceStep:
    source: str  # the document that has the link
    target: str  # the document it points at
    kind: str
    basis: str
    direction: str  # "up" (from the root towards what it carries out) or "down"
    depth: int  # 1 for a link that touches the root
    parent: str  # the node this step was reached from (the tree's parent)
    evidence: str | None = None
    source_file: str | None = None
    ocr: bool = False  # the link was read from a page read by OCR: check it on paper


@dataclass
class Trace:
    root: str
    up: list[TraceStep] = field(default_factory=list)
    down: list[TraceStep] = field(default_factory=list)

    @property
    def nodes(self) -> list[str]:
        seen = dict.fromkeys([self.root])  # in the order first met (a set would lose it)
        for step in [*self.up, *self.down]:
            seen.setdefault(step.source)
            seen.setdefault(step.target)
        return list(seen)


def trace(
    graph: LineageGraph | GraphReader,
    root: str,
    depth: int | None = None,
    relations: tuple[str, ...] | list[str] = DEFAULT_RELATIONS,
) -> Trace:
    """Breadth-first both ways from ``root`` over document links of the given kinds, on a
    graph or any :class:`~.reader.GraphReader` (one ``links`` call per level).

    Every link between two reached documents is listed once, so a document reached by
    two routes shows both; ``depth`` limits how many links away from the root to go.

    >>> from policy_lineage.queries.example import example_graph
    >>> t = trace(example_graph(), "doc:dong-thap:254/KH-UBND:2025")
    >>> [(s.direction, s.depth, s.source.split(":")[2], s.kind, s.target.split(":")[2])
    ...  for s in t.up + t.down]  # doctest: +NORMALIZE_WHITESPACE
    [('up', 1, '254/KH-UBND', 'implements', '01-CTr/TU'),
     ('up', 2, '01-CTr/TU', 'implements', '57-NQ/TW'),
     ('down', 1, '12/KH-UBND', 'implements', '254/KH-UBND')]
    """
    reader = as_reader(graph)
    kinds = [k for k in relations if k in DOCUMENT_EDGE_KINDS]
    documents = reader.documents()
    result = Trace(root)
    for direction, steps, near, far in (
        ("up", result.up, "source", "target"),
        ("down", result.down, "target", "source"),
    ):
        level = {root: 0}
        seen_edges: set[tuple[str, str, str]] = set()
        frontier = [root] if kinds else []
        while frontier and (depth is None or level[frontier[0]] < depth):
            edges_of: dict[str, list[Edge]] = {}
            for e in reader.links(frontier, "out" if direction == "up" else "in", kinds):
                if e.source in documents and e.target in documents:
                    edges_of.setdefault(getattr(e, near), []).append(e)
            next_frontier = []
            for here in frontier:
                for e in sorted(edges_of.get(here, []), key=lambda e: (e.kind, getattr(e, far))):
                    key = (e.source, e.target, e.kind)
                    if key in seen_edges:
                        continue
                    seen_edges.add(key)
                    other = getattr(e, far)
                    steps.append(
                        TraceStep(
                            e.source,
                            e.target,
                            e.kind,
                            e.basis,
                            direction,
                            level[here] + 1,
                            here,
                            e.evidence,
                            e.source_file,
                            e.ocr,
                        )
                    )
                    if other not in level:
                        level[other] = level[here] + 1
                        next_frontier.append(other)
            frontier = next_frontier
    return result
