"""GraphML that Gephi, yEd and networkx read as they are, valid against the GraphML schema.

:func:`to_graphml` writes the scalar graph of :func:`.formats.to_graphml_graph` itself
(networkx's writer puts ``True``/``False`` where GraphML's ``boolean`` is ``xs:boolean``):

* one ``<key>`` per attribute name and domain, typed ``boolean``, ``long``, ``double`` or
  ``string`` from its values (a name with mixed types is ``string``); values are
  ``true``/``false``, integers, or text: never empty, never nested (a list is one
  ``"; "``-joined text, a missing value no ``<data>`` at all);
* every node and edge keeps a ``label`` data value (Gephi's label) and, through the yFiles
  extension yEd reads (``y:ShapeNode`` / ``y:NodeLabel``, ``y:PolyLineEdge`` /
  ``y:EdgeLabel``), a label yEd shows without the Properties Mapper; documents, bodies and
  tasks get their own shape and colour, and a first grid position (yEd's Layout menu
  arranges them);
* GraphML ids are ``xs:NMTOKEN`` (no ``/``, ``@`` or space), and ours are not
  (``doc:vn:57-NQ/TW:2021-2026``): nodes are ``n0``, ``n1`` … with the graph's id as the
  ``node_id`` value; every edge has its own id (``e0``, ``e1`` …), so two ``delegates``
  edges between one pair of bodies stay two (Gephi merges edges whose id repeats);
* the findings are one JSON text of the graph, with their count.

>>> from policy_lineage.schema.graph_model import DocumentNode, LineageGraph
>>> g = LineageGraph()
>>> _ = g.add_document(DocumentNode(id="doc:a", number="1-KH/TU", is_draft=True))
>>> text = to_graphml(g)
>>> 'attr.name="is_draft" attr.type="boolean"' in text, ">true</data>" in text
(True, True)
>>> "<y:NodeLabel" in text and ">1-KH/TU</y:NodeLabel>" in text
True
"""

from __future__ import annotations

import json
from typing import Any
from xml.etree import ElementTree as ET

from ..schema.graph_model import LineageGraph

__all__ = ["to_graphml", "GRAPHML_NS", "Y_NS", "SCHEMA_LOCATION"]

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
Y_NS = "http://www.yworks.com/xml/graphml"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
# What yEd itself writes: the GraphML schema with the yFiles extension.
SCHEMA_LOCATION = f"{GRAPHML_NS} http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd"

# kind → (yEd shape, fill colour, label width per character)
NODE_STYLE = {
    "Document": ("roundrectangle", "#9DC3E6"),
    "Agency": ("ellipse", "#FFE699"),
    "Task": ("rectangle", "#C5E0B3"),
}
GRID_COLUMNS, CELL_W, CELL_H = 12, 260.0, 90.0


def _type(values: list[Any]) -> str:
    kinds = set()
    for v in values:
        if isinstance(v, bool):
            kinds.add("boolean")
        elif isinstance(v, int):
            kinds.add("long")
        elif isinstance(v, float):
            kinds.add("double")
        else:
            kinds.add("string")
    if kinds == {"long", "double"}:
        return "double"
    return kinds.pop() if len(kinds) == 1 else "string"


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return str(value)


def to_graphml(graph: LineageGraph) -> str:
    """The GraphML document of ``graph`` (UTF-8 text with its XML declaration)."""
    from .formats import to_graphml_graph

    G = to_graphml_graph(graph)
    ET.register_namespace("", GRAPHML_NS)
    ET.register_namespace("y", Y_NS)
    ET.register_namespace("xsi", XSI_NS)
    root = ET.Element(f"{{{GRAPHML_NS}}}graphml", {f"{{{XSI_NS}}}schemaLocation": SCHEMA_LOCATION})

    # keys: (domain, name) → id, typed from every value
    for node_id, attrs in G.nodes(data=True):
        attrs["node_id"] = node_id
    domains = {
        "graph": [G.graph],
        "node": [a for _, a in G.nodes(data=True)],
        "edge": [a for _, _, a in G.edges(data=True)],
    }
    keys: dict[tuple[str, str], str] = {}
    for domain, items in domains.items():
        names: dict[str, list[Any]] = {}
        for attrs in items:
            for name, value in attrs.items():
                if value is not None and value != "":
                    names.setdefault(name, []).append(value)
        for name, values in names.items():
            key_id = f"d{len(keys)}"
            keys[(domain, name)] = key_id
            ET.SubElement(
                root,
                f"{{{GRAPHML_NS}}}key",
                {"id": key_id, "for": domain, "attr.name": name, "attr.type": _type(values)},
            )
    ET.SubElement(
        root, f"{{{GRAPHML_NS}}}key", {"id": "ng", "for": "node", "yfiles.type": "nodegraphics"}
    )
    ET.SubElement(
        root, f"{{{GRAPHML_NS}}}key", {"id": "eg", "for": "edge", "yfiles.type": "edgegraphics"}
    )

    g_el = ET.SubElement(root, f"{{{GRAPHML_NS}}}graph", {"id": "G", "edgedefault": "directed"})
    _data(g_el, keys, "graph", G.graph)
    ids = {node_id: f"n{i}" for i, node_id in enumerate(G.nodes)}
    for i, (node_id, attrs) in enumerate(G.nodes(data=True)):
        n_el = ET.SubElement(g_el, f"{{{GRAPHML_NS}}}node", {"id": ids[node_id]})
        _data(n_el, keys, "node", attrs)
        _node_graphics(n_el, attrs, i)
    for source, target, key, attrs in G.edges(keys=True, data=True):
        e_el = ET.SubElement(
            g_el,
            f"{{{GRAPHML_NS}}}edge",
            {"id": str(key), "source": ids[source], "target": ids[target]},
        )
        _data(e_el, keys, "edge", attrs)
        _edge_graphics(e_el, attrs)
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _data(parent: ET.Element, keys: dict[tuple[str, str], str], domain: str, attrs: dict) -> None:
    for name, value in attrs.items():
        if value is None or value == "":
            continue
        if isinstance(value, dict | list | tuple):  # never nested: one JSON text
            value = json.dumps(value, ensure_ascii=False)
        el = ET.SubElement(parent, f"{{{GRAPHML_NS}}}data", {"key": keys[(domain, name)]})
        el.text = _text(value)


def _node_graphics(parent: ET.Element, attrs: dict, index: int) -> None:
    label = str(attrs.get("label") or "")
    shape, fill = NODE_STYLE.get(str(attrs.get("kind")), ("rectangle", "#FFFFFF"))
    longest = max((len(line) for line in label.split("\n")), default=0)
    width = min(max(7.0 * longest + 20, 60.0), CELL_W - 20)
    data = ET.SubElement(parent, f"{{{GRAPHML_NS}}}data", {"key": "ng"})
    node = ET.SubElement(data, f"{{{Y_NS}}}ShapeNode")
    x, y = (index % GRID_COLUMNS) * CELL_W, (index // GRID_COLUMNS) * CELL_H
    ET.SubElement(
        node,
        f"{{{Y_NS}}}Geometry",
        {"x": f"{x:.1f}", "y": f"{y:.1f}", "width": f"{width:.1f}", "height": "40.0"},
    )
    ET.SubElement(node, f"{{{Y_NS}}}Fill", {"color": fill, "transparent": "false"})
    ET.SubElement(
        node, f"{{{Y_NS}}}BorderStyle", {"color": "#000000", "type": "line", "width": "1.0"}
    )
    text = ET.SubElement(
        node,
        f"{{{Y_NS}}}NodeLabel",
        {
            "visible": "true",
            "autoSizePolicy": "content",
            "modelName": "internal",
            "modelPosition": "c",
        },
    )
    text.text = label
    ET.SubElement(node, f"{{{Y_NS}}}Shape", {"type": shape})


def _edge_graphics(parent: ET.Element, attrs: dict) -> None:
    data = ET.SubElement(parent, f"{{{GRAPHML_NS}}}data", {"key": "eg"})
    edge = ET.SubElement(data, f"{{{Y_NS}}}PolyLineEdge")
    ET.SubElement(
        edge, f"{{{Y_NS}}}LineStyle", {"color": "#555555", "type": "line", "width": "1.0"}
    )
    ET.SubElement(edge, f"{{{Y_NS}}}Arrows", {"source": "none", "target": "standard"})
    label = ET.SubElement(edge, f"{{{Y_NS}}}EdgeLabel", {"visible": "true"})
    label.text = str(attrs.get("label") or "")
