"""The interactive page: one self-contained HTML file that opens offline.

Why not pyvis's own template: with ``cdn_resources='in_line'`` it inlines vis-network but
still links Bootstrap's CSS and JS from a CDN, prints the heading twice, and offers no
legend, details panel or escaping of its ``title`` tooltips (vis-network shows a string
title as HTML in older versions). So the page is written here: vis-network 9.1.2's JS and
CSS are read from the installed pyvis package (a declared dependency) and inlined, with
the stylesheet and script of :mod:`.template`; nothing else is referenced.

Offline and safe by construction:

* no ``src=``/``href=`` to any address; a Content-Security-Policy ``default-src 'none'``
  forbids every request (a mistake would show as a console error, which the browser test
  catches), and scripts run only if their SHA-256 is listed, so markup smuggled in through
  a document's title could not run even if it escaped;
* the data is JSON in a ``<script type="application/json">`` block with ``<``, ``>`` and
  ``&`` written as ``\\u003c`` …, and the script writes texts with ``textContent``;
* positions come from :mod:`.layout` and physics is off, so big pages open at once.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import os
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

from ..schema.graph_model import LineageGraph
from . import style
from .items import EdgeItem, NodeItem, build_items, edge_style
from .layout import DOC_H, Layout, layout
from .select import Selection
from .template import CSS, SCRIPT

__all__ = ["render_page", "write_page", "page_data", "VizError", "VIS_VERSION"]

VIS_VERSION = "9.1.2"
BIG = 1000  # above this many nodes or links: straight lines, lines hidden while dragging


class VizError(Exception):
    """The page or image cannot be made; the message says why and what to do."""


@lru_cache(maxsize=1)
def vis_assets() -> tuple[str, str]:
    """vis-network's (JS, CSS) as bundled with pyvis, without the source-map comment."""
    try:
        lib = resources.files("pyvis").joinpath("lib", f"vis-{VIS_VERSION}")
        js = lib.joinpath("vis-network.min.js").read_text("utf-8")
        css = lib.joinpath("vis-network.css").read_text("utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as exc:
        raise VizError(
            f"vis-network {VIS_VERSION} not found in the pyvis package ({exc}); "
            "reinstall policy-lineage (pip install -e .) to get pyvis>=0.3.2"
        ) from exc
    # split on "\n" only: str.splitlines() would also break at U+2028 and friends inside
    # the library's string literals
    js = "\n".join(line for line in js.split("\n") if not line.startswith("//# sourceMappingURL="))
    return js, css


def _script_json(data: Any) -> str:
    """JSON that cannot end its <script> block or open a comment."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for raw, esc in (
        ("&", "\\u0026"),
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(raw, esc)
    return text


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def _vis_node(item: NodeItem, xy: tuple[float, float]) -> dict[str, Any]:
    colours = {"background": item.fill, "border": item.border}
    node: dict[str, Any] = {
        "id": item.id,
        "label": item.label,
        "x": round(xy[0], 1),
        "y": round(xy[1], 1),
        "shape": item.shape,
        "kind": item.kind,
        "cat": item.category,  # legend key, not read by vis-network
        "color": {**colours, "highlight": {**colours, "border": "#000000"}, "hover": colours},
        "font": {"color": item.font if item.shape in ("box", "ellipse") else "#263238"},
        "borderWidth": 1.5,
        "borderWidthSelected": 3,
    }
    if item.shape in ("dot", "square"):
        node["size"] = item.size
        if item.kind == "TaskGroup":
            node["font"]["size"] = 12
    if item.kind in ("Agency", "AgencyGroup"):
        node["font"]["size"] = 13
        node["widthConstraint"] = {"maximum": 180}
    if item.pale:
        node["pale"] = True
    if item.ocr:
        node["ocr"] = True  # legend key, not read by vis-network
    if item.dashed:
        node["shapeProperties"] = {"borderDashes": list(style.DRAFT_DASHES)}
        node["borderWidth"] = 3
    if item.focus:
        node["borderWidth"] = 5
        node["borderWidthSelected"] = 6
        node["color"]["highlight"]["border"] = style.FOCUS_BORDER
        node["font"]["size"] = 19
        node["shadow"] = {"enabled": True, "color": style.FOCUS_BORDER, "size": 22, "x": 0, "y": 0}
    return node


def _vis_edge(i: int, item: EdgeItem, small: bool) -> dict[str, Any]:
    st = item.style
    edge: dict[str, Any] = {
        "id": f"e{i}",
        "from": item.source,
        "to": item.target,
        "kind": item.kind,
        "color": {"color": st.colour, "highlight": st.colour, "hover": st.colour},
        "width": st.width,
        "dashes": list(st.dashes) if st.dashes else False,
        "arrows": "to" if st.arrow else "",
    }
    if st.hidden:
        edge["hidden"] = True
        edge["hideable"] = True
    if item.label:
        edge["label"] = item.label
        edge["font"] = {"size": 11, "color": "#455a64", "strokeWidth": 3}
    if small and item.kind.startswith("overlap:"):
        edge["smooth"] = {"type": "curvedCW", "roundness": 0.35}
    return edge


def page_data(
    graph: LineageGraph, sel: Selection, *, as_of: date, layout_mode: str = "chain"
) -> dict[str, Any]:
    """Everything the page's script reads: vis nodes and edges, options, details."""
    nodes, edges = build_items(graph, sel, as_of)
    place: Layout = layout(graph, sel, layout_mode)
    small = len(nodes) <= BIG and len(edges) <= BIG
    data: dict[str, Any] = {
        "focus": sel.focus,
        "hint": style.UI["hint"],
        "nodes": [_vis_node(n, place.positions[n.id]) for n in nodes],
        "edges": [_vis_edge(i, e, small) for i, e in enumerate(edges)],
        "details": {n.id: n.details for n in nodes},
        "edgeDetails": {f"e{i}": e.details for i, e in enumerate(edges)},
        "options": {
            "physics": {"enabled": False},
            "layout": {"improvedLayout": False, "hierarchical": {"enabled": False}},
            "interaction": {
                "hover": True,
                "hideEdgesOnDrag": not small,
                "hideEdgesOnZoom": not small,
                "tooltipDelay": 150,
                "multiselect": False,
            },
            "nodes": {
                "font": {"face": style.FONT, "size": 16, "multi": False},
                "margin": 7,
                "widthConstraint": {"maximum": 170},
            },
            "edges": {
                "smooth": (
                    {"type": "cubicBezier", "forceDirection": "vertical", "roundness": 0.4}
                    if small and layout_mode == "chain"
                    else False
                ),
                "arrows": {"to": {"scaleFactor": 0.6}},
                "selectionWidth": 2,
                "hoverWidth": 1,
            },
        },
        "axis": None,
    }
    if place.ticks:
        bottom = place.row_y[-1] + DOC_H + 200 if place.row_y else 600.0
        data["axis"] = {"ticks": place.ticks, "top": -70.0, "bottom": bottom}
    return data


def _legend(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> str:
    """The legend as HTML: only what is on the page, every word escaped."""
    kinds = {n["kind"] for n in nodes}
    e = html.escape
    parts = [f"<details open><summary>{e(style.UI['legend'])}</summary>"]

    def section(title: str, rows: list[str]) -> None:
        if rows:
            parts.append(f"<h3>{e(title)}</h3><ul>{''.join(rows)}</ul>")

    def swatch(fill: str, label: str, cls: str = "", border: str = "#37474f") -> str:
        return (
            f'<li><span class="sw {cls}" style="background:{fill};border-color:{border}">'
            f"</span>{e(label)}</li>"
        )

    def line(st: style.EdgeStyle, note: str = "") -> str:
        dash = " ".join(str(d) for d in st.dashes) if st.dashes else "none"
        arrow = f'<path d="M30 2 L38 6 L30 10 z" fill="{st.colour}"/>' if st.arrow else ""
        return (
            f'<li><svg width="40" height="12" aria-hidden="true"><line x1="1" y1="6" x2="36" '
            f'y2="6" stroke="{st.colour}" stroke-width="{max(st.width, 1.2)}" '
            f'stroke-dasharray="{dash}"/>{arrow}</svg>{e(st.label + note)}</li>'
        )

    doc_nodes = [n for n in nodes if n["kind"] == "Document"]
    types = sorted({_doc_type(n) for n in doc_nodes}, key=lambda t: (t == "", t))
    section(
        style.UI["documents"],
        [swatch(style.document_colour(t), style.document_type_label(t or None)) for t in types],
    )
    levels = [
        lv
        for lv in style.LEVEL_STYLE
        if any(n["kind"] in ("Agency", "AgencyGroup") and n.get("cat") == lv for n in nodes)
    ]
    section(
        style.UI["bodies"],
        [
            swatch(
                style.LEVEL_STYLE[lv].colour,
                style.LEVEL_STYLE[lv].label,
                "ell",
                style.LEVEL_STYLE[lv].border,
            )
            for lv in levels
        ],
    )
    statuses = [
        s
        for s in style.STATUS_ORDER
        if any(n["kind"] in ("Task", "TaskGroup") and n.get("cat") == s for n in nodes)
    ]
    section(
        style.UI["tasks"],
        [
            swatch(
                style.STATUS_STYLE[s].colour,
                style.STATUS_STYLE[s].label,
                "dot",
                style.STATUS_STYLE[s].border,
            )
            for s in statuses
        ],
    )
    edge_kinds = list(dict.fromkeys(x["kind"] for x in edges))
    rel = [k for k in style.EDGE_STYLES if k in edge_kinds]
    hidden_note = " (khi chọn nút / on selection)"
    section(
        style.UI["relations"],
        [line(edge_style(k), hidden_note if edge_style(k).hidden else "") for k in rel],
    )
    section(
        style.UI["overlaps"], [line(edge_style(k)) for k in edge_kinds if k.startswith("overlap:")]
    )
    marks = []
    if any(n.get("shapeProperties") for n in doc_nodes):
        marks.append(swatch("#ffffff", style.UI["draft"], "dash", style.DRAFT_BORDER))
    if any(n["borderWidth"] == 5 for n in doc_nodes):
        marks.append(swatch("#ffffff", style.UI["focus"], "focus", style.FOCUS_BORDER))
    if any(n.get("pale") for n in doc_nodes):
        marks.append(
            swatch(
                style.lighten("#1976d2", style.CITED_ONLY_TINT),
                style.UI["cited_only"],
                "",
                "#1976d2",
            )
        )
    if any(n.get("ocr") for n in nodes):
        marks.append(swatch("#ffffff", style.UI["ocr_mark"]))
    if kinds & {"TaskGroup", "AgencyGroup"}:
        marks.append(
            swatch(
                "#eeeeee",
                style.KIND_LABELS["TaskGroup"]
                if "TaskGroup" in kinds
                else style.KIND_LABELS["AgencyGroup"],
            )
        )
    section(style.UI["marks"], marks)
    if any(x.get("hideable") for x in edges):
        parts.append(
            f'<label><input type="checkbox" id="show-links"> {e(style.UI["show_links"])}</label>'
        )
    parts.append("</details>")
    return "".join(parts)


def _doc_type(node: dict[str, Any]) -> str:
    return node.get("cat", "")


def render_page(
    graph: LineageGraph,
    sel: Selection,
    *,
    as_of: date,
    layout_mode: str = "chain",
    title: str | None = None,
) -> str:
    """The whole page as one HTML string."""
    data = page_data(graph, sel, as_of=as_of, layout_mode=layout_mode)
    vis_js, vis_css = vis_assets()
    e = html.escape
    if title is None:
        if sel.focus:
            title = f"{style.UI['title']}: {graph.documents[sel.focus].label}"
        else:
            title = style.UI["whole"]
    counts = (
        f"{len(sel.documents)} văn bản / documents · {len(sel.tasks)} nhiệm vụ / tasks · "
        f"{len(sel.agencies)} cơ quan / bodies"
        + (f" · {len(sel.groups)} nút gộp / collapsed nodes" if sel.groups else "")
    )
    relations = ", ".join(
        style.EDGE_STYLES[k].label for k in sel.relations if k in style.EDGE_STYLES
    )
    sub = f"{counts} · {style.UI['as_of']}: {as_of.strftime('%d/%m/%Y')} · {relations}"
    if sel.agency_filter:
        names = "; ".join(graph.agencies[a].name for a in sel.agency_filter)
        sub += f" · Cơ quan / Body: {names}"
    notes = "".join(f"<p>{e(n)}</p>" for n in sel.notes)
    script_data = _script_json(data)
    csp = (
        "default-src 'none'; "
        f"script-src '{_sha256(vis_js)}' '{_sha256(SCRIPT)}'; "
        "style-src 'unsafe-inline'; img-src data:; font-src data:; "
        "connect-src 'none'; base-uri 'none'; form-action 'none'"
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{e(csp, quote=False)}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="policy-lineage viz">\n'
        f"<title>{e(title)}</title>\n"
        f"<style>{vis_css}</style>\n<style>{CSS}</style>\n"
        f"<script>{vis_js}</script>\n</head>\n<body>\n"
        f"<header><h1>{e(title)}</h1><p>{e(sub)}</p>"
        f'<div id="find"><input id="find-input" type="search" '
        f'placeholder="{e("Tìm số hiệu, tên… / Find a number, a name… ⏎")}"></div></header>\n'
        + (f'<div id="notes">{notes}</div>\n' if notes else "")
        + f'<div id="main"><aside id="legend">{_legend(data["nodes"], data["edges"])}</aside>\n'
        '<div id="graph"></div>\n'
        f'<aside id="details"><h2>{e(style.UI["details"])}</h2><div id="details-body"></div>'
        "</aside></div>\n"
        f'<script type="application/json" id="viz-data">{script_data}</script>\n'
        f"<script>{SCRIPT}</script>\n</body>\n</html>\n"
    )


def write_page(path: str | os.PathLike, html_text: str) -> None:
    """Write the page (UTF-8), replacing the file in one step."""
    tmp = f"{os.fspath(path)}.tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(html_text)
    os.replace(tmp, path)
