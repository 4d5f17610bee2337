"""networkx adapter: the lineage graph as a ``MultiDiGraph``, the form queries run on.

Node attributes are the node's fields (``kind`` included, dates as ISO strings);
edge keys are the edge kind, so ``G.edges(keys=True)`` reads as relations::

    >>> from policy_lineage.schema.graph_model import DocumentNode, Edge, LineageGraph
    >>> lg = LineageGraph()
    >>> _ = lg.add_document(DocumentNode(id="doc:a", number="1-KH/TU"))
    >>> _ = lg.add_document(DocumentNode(id="doc:b", number="57-NQ/TW"))
    >>> _ = lg.add_edge(Edge("doc:a", "doc:b", "implements"))
    >>> list(to_networkx(lg).edges(keys=True))
    [('doc:a', 'doc:b', 'implements')]
"""

from __future__ import annotations

import networkx as nx

from ..schema.graph_model import LineageGraph, edge_record, node_record

__all__ = ["to_networkx", "from_networkx"]


def to_networkx(graph: LineageGraph) -> nx.MultiDiGraph:
    G = nx.MultiDiGraph(findings=[f.__dict__ for f in graph.findings])
    for node in graph.nodes():
        rec = node_record(node)
        G.add_node(rec.pop("id"), **rec)
    for edge in graph.edges:
        rec = edge_record(edge)
        source, target, kind = rec.pop("source"), rec.pop("target"), rec["kind"]
        key = kind if rec.get("role") is None else f"{kind}:{rec['role']}"
        n = 1
        while G.has_edge(source, target, key if n == 1 else f"{key}#{n}"):
            n += 1  # the same relation said by another sentence is another edge
        G.add_edge(source, target, key=key if n == 1 else f"{key}#{n}", **rec)
    return G


def from_networkx(G: nx.MultiDiGraph) -> LineageGraph:
    """The inverse of :func:`to_networkx` (for graphs read back from GraphML or JSON)."""
    data = {
        "nodes": [{"id": n, **attrs} for n, attrs in G.nodes(data=True)],
        "edges": [{"source": u, "target": v, **attrs} for u, v, attrs in G.edges(data=True)],
        "graph": {"findings": G.graph.get("findings", [])},
    }
    return LineageGraph.from_node_link(data)
