r"""A static picture for reports: SVG or PNG drawn by Graphviz ``dot`` from DOT written here.

Why Graphviz: a report needs a file that prints and pastes into a document, and the page's
canvas cannot be exported without a browser. ``dot`` is the layered (Sugiyama) layout
made for exactly this shape of graph — ranks top to bottom, few crossings — and it is a
Debian package (``apt-get install graphviz``) called as a subprocess, with nothing to
download and no Python binding to compile. The DOT is written by hand (no pydot/graphviz
wrapper) so every string is escaped one known way, see :func:`quote`.

Same selection, colours and words as the page (:mod:`.items`, :mod:`.style`), and the
legend as a table. Rows: the chain's rows (``chain``) or one column per date (``date``).

>>> print(quote('Kế hoạch "số 5" \\N'))
"Kế hoạch \"số 5\" \\N"
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
from datetime import date

from ..schema.graph_model import LineageGraph
from . import style
from .items import EdgeItem, NodeItem, build_items, edge_style
from .layout import document_ranks
from .page import VizError
from .select import Selection

__all__ = ["to_dot", "render", "find_dot", "quote", "STATIC_FORMATS"]

STATIC_FORMATS: tuple[str, ...] = ("svg", "png")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def quote(text: str) -> str:
    """A DOT quoted string for a label: quotes and backslashes escaped (so ``\\N``,
    ``\\l`` in a title stay text), lines broken with ``\\n``, control characters dropped."""
    text = _CONTROL.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{text}"'


def find_dot() -> str:
    """The ``dot`` executable, or :class:`VizError` saying how to install it."""
    found = shutil.which("dot")
    if not found:
        raise VizError(
            "Graphviz `dot` is not installed; it draws --format svg/png. Install it with "
            "`apt-get install graphviz` (Debian/Ubuntu), or use --format html."
        )
    return found


class _Html(str):
    """A Graphviz HTML-like label (written by this module, escaped already)."""


def _attrs(**values: object) -> str:
    parts = []
    for key, value in values.items():
        if value is None or (value == "" and key != "label"):
            continue
        if isinstance(value, bool):
            value = "true" if value else "false"
        text = value if isinstance(value, _Html) else quote(str(value))
        parts.append(f"{key}={text}")
    return "[" + ", ".join(parts) + "]"


def _tooltip(item: NodeItem) -> str:
    return "\n".join(f"{k}: {v}" for k, v in item.details)[:1500]


def _node(name: str, item: NodeItem) -> str:
    styles = ["filled"]
    if item.shape == "box":
        styles.append("rounded")
    if item.dashed:
        styles.append("dashed")
    shape = {"box": "box", "ellipse": "ellipse", "dot": "circle", "square": "box"}[item.shape]
    common = dict(
        fillcolor=item.fill,
        color=item.border,
        fontcolor=item.font,
        tooltip=_tooltip(item),
        style=",".join(styles),
    )
    if item.kind == "Task":
        return f"  {name} " + _attrs(
            shape="circle", label="", width=0.16, fixedsize=True, penwidth=1.5, **common
        )
    label = item.label
    if item.kind == "Agency":
        label = _wrap(label, 28)
    elif item.kind == "Document":
        head, _, rest = label.partition("\n")
        label = head + ("\n" + _wrap(rest, 30) if rest else "")
    return f"  {name} " + _attrs(
        shape=shape,
        label=label,
        penwidth=4 if item.focus else 2 if item.dashed else 1,
        fontsize=12 if item.focus else 10 if item.kind == "Document" else 9,
        **common,
    )


def _wrap(text: str, width: int) -> str:
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + len(word) < width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "\n".join(lines)


def _edge(names: dict[str, str], item: EdgeItem, relations: set[str]) -> str:
    st = item.style
    src, dst = names[item.source], names[item.target]
    attrs: dict[str, object] = dict(
        color=st.colour,
        penwidth=st.width,
        style=st.dot_style,
        arrowsize=0.6,
        label=item.label,
        tooltip=st.label,
    )
    if item.kind in relations:  # the lower document points up: draw it parent → child
        src, dst = dst, src
        attrs["dir"] = "back"
    elif item.kind == "issued-by" or item.kind.startswith("overlap:"):
        attrs["constraint"] = False
    if not st.arrow:
        attrs["arrowhead"] = "none"
        attrs["dir"] = "none"
    return f"  {src} -> {dst} " + _attrs(**attrs)


def _legend(nodes: list[NodeItem], edges: list[EdgeItem]) -> _Html:
    """An HTML-like table (Graphviz's own markup); every word XML-escaped."""
    e = html.escape
    rows = [f'<TR><TD COLSPAN="2"><B>{e(style.UI["legend"])}</B></TD></TR>']

    def head(text: str) -> None:
        rows.append(f'<TR><TD COLSPAN="2" ALIGN="LEFT"><I>{e(text)}</I></TD></TR>')

    def row(fill: str, text: str) -> None:
        rows.append(
            f'<TR><TD BGCOLOR="{fill}" WIDTH="22"> </TD><TD ALIGN="LEFT">{e(text)}</TD></TR>'
        )

    types = sorted({n.category for n in nodes if n.kind == "Document"})
    if types:
        head(style.UI["documents"])
        for t in types:
            row(style.document_colour(t), style.document_type_label(t or None))
    levels = [
        lv
        for lv in style.LEVEL_STYLE
        if any(n.kind in ("Agency", "AgencyGroup") and n.category == lv for n in nodes)
    ]
    if levels:
        head(style.UI["bodies"])
        for lv in levels:
            row(style.LEVEL_STYLE[lv].colour, style.LEVEL_STYLE[lv].label)
    statuses = [
        s
        for s in style.STATUS_ORDER
        if any(n.kind in ("Task", "TaskGroup") and n.category == s for n in nodes)
    ]
    if statuses:
        head(style.UI["tasks"])
        for s in statuses:
            row(style.STATUS_STYLE[s].colour, style.STATUS_STYLE[s].label)
    kinds = list(dict.fromkeys(x.kind for x in edges))
    if kinds:
        head(style.UI["relations"])
        glyph = {"solid": "━━━", "bold": "━━━", "dashed": "╍╍╍", "dotted": "┉┉┉"}
        for k in [
            *[k for k in style.EDGE_STYLES if k in kinds],
            *[k for k in kinds if k.startswith("overlap:")],
        ]:
            st = edge_style(k)
            rows.append(
                f'<TR><TD><FONT COLOR="{st.colour}">{glyph.get(st.dot_style, "━━━")}</FONT></TD>'
                f'<TD ALIGN="LEFT">{e(st.label)}</TD></TR>'
            )
    marks = []
    if any(n.dashed for n in nodes):
        marks.append(style.UI["draft"])
    if any(n.focus for n in nodes):
        marks.append(style.UI["focus"])
    if any(n.pale for n in nodes):
        marks.append(style.UI["cited_only"])
    if any(n.ocr for n in nodes):
        marks.append(style.UI["ocr_mark"])
    if marks:
        head(style.UI["marks"])
        for m in marks:
            rows.append(f'<TR><TD> </TD><TD ALIGN="LEFT">{e(m)}</TD></TR>')
    table = '<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="2" CELLPADDING="2" BGCOLOR="#ffffff">'
    return _Html(f"<{table}{''.join(rows)}</TABLE>>")


def to_dot(
    graph: LineageGraph,
    sel: Selection,
    *,
    as_of: date,
    layout_mode: str = "chain",
    title: str | None = None,
) -> str:
    """The selection as a DOT digraph (UTF-8 text)."""
    nodes, edges = build_items(graph, sel, as_of)
    names = {n.id: f"n{i}" for i, n in enumerate(nodes)}
    if title is None:
        title = (
            f"{style.UI['title']}: {graph.documents[sel.focus].label}"
            if sel.focus
            else style.UI["whole"]
        )
    sub = f"{style.UI['as_of']}: {as_of.strftime('%d/%m/%Y')}"
    label = "\n".join([title, sub, *sel.notes])
    out = [
        "digraph lineage {",
        "  "
        + _attrs(
            rankdir="LR" if layout_mode == "date" else "TB",
            label=label,
            labelloc="t",
            fontname="DejaVu Sans",
            fontsize=14,
            newrank=True,
            nodesep=0.25,
            ranksep=0.55,
            charset="UTF-8",
        ).replace("[", "graph [", 1)
        + ";",
        '  node [fontname="DejaVu Sans", fontsize=10, margin="0.12,0.06"];',
        '  edge [fontname="DejaVu Sans", fontsize=9];',
        f"  legend [shape=plaintext, margin=0, label={_legend(nodes, edges)}];",
    ]
    out += [_node(names[n.id], n) + ";" for n in nodes]
    relations = set(sel.relations)
    out += [_edge(names, k, relations) + ";" for k in edges]
    out += _rows(graph, sel, names, layout_mode)
    out.append("}")
    return "\n".join(out) + "\n"


def _rows(graph: LineageGraph, sel: Selection, names: dict[str, str], mode: str) -> list[str]:
    """Invisible anchors that hold documents in their rows (or date columns), in order."""
    groups: dict[object, list[str]] = {}
    labels: dict[object, str] = {}
    if mode == "date":
        for d in sel.documents:
            when = graph.documents[d].date
            key = when.toordinal() if when else -1
            groups.setdefault(key, []).append(d)
            labels[key] = when.strftime("%d/%m/%Y") if when else style.UI["undated"]
    else:
        for d, r in document_ranks(graph, sel).items():
            groups.setdefault(r, []).append(d)
    lines = []
    keys = sorted(groups)  # type: ignore[type-var]
    for i, key in enumerate(keys):
        anchor = f"row{i}"
        if mode == "date":
            lines.append(
                f"  {anchor} "
                + _attrs(shape="plaintext", label=labels[key], fontcolor="#546e7a")
                + ";"
            )
        else:
            lines.append(f"  {anchor} [style=invis, shape=point, width=0];")
        members = "; ".join(names[d] for d in groups[key])
        lines.append(f"  {{ rank=same; {anchor}; {members}; }}")
    for a, b in zip(keys, keys[1:], strict=False):
        lines.append(f"  row{keys.index(a)} -> row{keys.index(b)} [style=invis];")
    if keys:
        lines.append("  { rank=same; legend; row0; }")
    return lines


def render(dot_text: str, fmt: str, path: str | os.PathLike, *, timeout: float = 300) -> None:
    """Run ``dot -T<fmt>`` on ``dot_text`` and write ``path``; :class:`VizError` on failure."""
    if fmt not in STATIC_FORMATS:
        raise VizError(f"format {fmt!r}: choose from {', '.join(STATIC_FORMATS)}")
    dot = find_dot()
    tmp = f"{os.fspath(path)}.tmp"
    try:
        proc = subprocess.run(
            [dot, f"-T{fmt}", "-o", tmp],
            input=dot_text.encode("utf-8"),
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise VizError(f"Graphviz `dot` took more than {timeout:.0f} s; narrow the graph") from exc
    if proc.returncode != 0 or not os.path.exists(tmp):
        if os.path.exists(tmp):
            os.remove(tmp)
        message = proc.stderr.decode("utf-8", "replace").strip()
        raise VizError(f"Graphviz `dot -T{fmt}` failed: {message}")
    os.replace(tmp, path)
