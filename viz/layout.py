"""Where things go on the page: a chain read top (central) to bottom (commune), or left to
right by date. Positions are computed here, once, so the browser draws a fixed picture with
physics off — a 5,000-node page opens without a layout run in JavaScript.

A document's row is its place in the chain: one below every document it implements,
cites, amends or is based on (a promulgated version sits beside the draft it supersedes),
and never above its issuer's level (central 0, province 1, commune 2). Within a row,
documents are ordered by the mean position of their neighbours (a few sweeps of the
barycentre heuristic), so links cross less. A document's tasks sit in a small grid under
it; bodies stand in rows under the chain, central first, commune last.

>>> from policy_lineage.schema.graph_model import DocumentNode, Edge, LineageGraph
>>> from policy_lineage.viz.select import select
>>> g = LineageGraph()
>>> for i, lvl in [("nq", "central"), ("ctr", "province"), ("kh", "province")]:
...     _ = g.add_document(DocumentNode(id=i, level=lvl))
>>> _ = g.add_edge(Edge("ctr", "nq", "implements"))
>>> _ = g.add_edge(Edge("kh", "ctr", "implements"))
>>> document_ranks(g, select(g, "nq"))
{'nq': 0, 'ctr': 1, 'kh': 2}
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

from ..schema.graph_model import LineageGraph
from .select import Selection

__all__ = ["Layout", "layout", "document_ranks", "LAYOUTS"]

LAYOUTS: tuple[str, ...] = ("chain", "date")
LEVEL_FLOOR = {"central": 0, "province": 1, "commune": 2}
SAME_ROW = {"supersedes"}  # relations that do not push a document down a row

DOC_W = 190.0  # room for one document box
DOC_H = 70.0
TASK_STEP = 20.0  # between task dots
ROW_GAP = 110.0
BODY_STEP = 58.0
BODY_COL_W = 200.0


@dataclass
class Layout:
    mode: str
    positions: dict[str, tuple[float, float]] = field(default_factory=dict)
    ranks: dict[str, int] = field(default_factory=dict)  # document → row
    ticks: list[tuple[float, str]] = field(default_factory=list)  # date axis (x, label)
    row_y: list[float] = field(default_factory=list)


def document_ranks(graph: LineageGraph, sel: Selection) -> dict[str, int]:
    """Row of each selected document: longest path down from what it carries out."""
    docs = sel.documents
    doc_set = set(docs)
    parents: dict[str, list[tuple[str, int]]] = {d: [] for d in docs}
    children: dict[str, list[str]] = {d: [] for d in docs}
    for k in sel.links:
        if k.source in doc_set and k.target in doc_set and k.kind in sel.relations:
            parents[k.source].append((k.target, 0 if k.kind in SAME_ROW else 1))
            children[k.target].append(k.source)
    floor = {d: LEVEL_FLOOR.get(graph.documents[d].level, 0) for d in docs}
    waiting = {d: len(parents[d]) for d in docs}
    rank: dict[str, int] = {}
    ready = [d for d in docs if waiting[d] == 0]
    remaining = set(docs)

    def settle(d: str) -> None:
        known = [rank[p] + w for p, w in parents[d] if p in rank]
        rank[d] = max([floor[d], *known])
        remaining.discard(d)

    while remaining:
        while ready:
            d = ready.pop()
            if d not in remaining:
                continue
            settle(d)
            for c in children[d]:
                waiting[c] -= 1
                if waiting[c] == 0 and c in remaining:
                    ready.append(c)
        if remaining:  # a cycle (two documents citing each other): break it at one node
            d = min(remaining, key=lambda n: (waiting[n], docs.index(n)))
            ready.append(d)
    return {d: rank[d] for d in docs}


def _order_rows(
    rows: dict[int, list[str]], neighbours: dict[str, list[str]], rank: dict[str, int]
) -> None:
    """Barycentre sweeps: each row sorted by the mean index of its neighbours elsewhere."""
    index = {d: i for row in rows.values() for i, d in enumerate(row)}
    order = sorted(rows)
    for sweep in range(4):
        for r in order if sweep % 2 == 0 else reversed(order):
            row = rows[r]

            def key(d: str, r: int = r) -> float:
                near = [index[n] for n in neighbours.get(d, []) if rank[n] != r]
                return sum(near) / len(near) if near else index[d]

            row.sort(key=key)
            for i, d in enumerate(row):
                index[d] = i


def _task_block(n: int) -> tuple[int, int]:
    """Columns and rows of a grid of ``n`` task dots."""
    if n <= 0:
        return 0, 0
    cols = min(n, max(7, math.ceil(math.sqrt(n * 2))))
    return cols, math.ceil(n / cols)


def layout(graph: LineageGraph, sel: Selection, mode: str = "chain") -> Layout:
    """Positions of every node of ``sel`` (``mode``: ``chain`` or ``date``)."""
    if mode not in LAYOUTS:
        raise ValueError(f"layout {mode!r}: choose from {', '.join(LAYOUTS)}")
    out = Layout(mode)
    rank = document_ranks(graph, sel)
    out.ranks = rank
    below: dict[str, list[str]] = {}  # document → its task ids or its task group
    for t in sel.tasks:
        below.setdefault(graph.tasks[t].document_id, []).append(t)
    for g in sel.groups:
        if g.kind == "TaskGroup" and g.document_id:
            below.setdefault(g.document_id, []).append(g.id)

    rows: dict[int, list[str]] = {}
    for d in sorted(sel.documents, key=lambda d: _date_key(graph, d)):
        rows.setdefault(rank[d], []).append(d)
    neighbours: dict[str, list[str]] = {}
    for k in sel.links:
        if k.source in rank and k.target in rank:
            neighbours.setdefault(k.source, []).append(k.target)
            neighbours.setdefault(k.target, []).append(k.source)

    def slot(d: str) -> float:
        cols, _ = _task_block(len(below.get(d, [])))
        return max(DOC_W, cols * TASK_STEP + 30)

    def block_h(d: str) -> float:
        _, n_rows = _task_block(len(below.get(d, [])))
        return n_rows * TASK_STEP + (30 if n_rows else 0)

    # rows' heights
    y = 0.0
    n_rows = max(rows) + 1 if rows else 0
    for r in range(n_rows):
        out.row_y.append(y)
        tallest = max((block_h(d) for d in rows.get(r, [])), default=0.0)
        y += DOC_H + tallest + ROW_GAP

    pos = out.positions
    if mode == "chain":
        _order_rows(rows, neighbours, rank)
        for r, row in rows.items():
            widths = [slot(d) for d in row]
            x = -sum(widths) / 2
            for d, w in zip(row, widths, strict=True):
                pos[d] = (x + w / 2, out.row_y[r])
                x += w
    else:
        _place_by_date(graph, rows, out, slot)

    # tasks: a grid under their document
    for d, items in below.items():
        if d not in pos:
            continue
        cx, cy = pos[d]
        cols, _ = _task_block(len(items))
        for i, item in enumerate(items):
            row, col = divmod(i, cols)
            pos[item] = (
                cx + (col - (cols - 1) / 2) * TASK_STEP,
                cy + DOC_H / 2 + 28 + row * TASK_STEP,
            )

    # bodies (and body groups): rows under the chain, central first, commune last
    bodies = [(a, graph.agencies[a].level, graph.agencies[a].name) for a in sel.agencies]
    bodies += [(g.id, g.level or "unknown", "") for g in sel.groups if g.kind == "AgencyGroup"]
    if bodies:
        order = {"central": 0, "province": 1, "commune": 2}
        bodies.sort(key=lambda b: (order.get(b[1], 3), b[2], b[0]))
        xs = [x for x, _ in pos.values()] or [0.0]
        left, right = min(xs), max(xs)
        width = max(right - left, 4 * BODY_COL_W)
        per_row = max(4, int(width // BODY_COL_W))
        y = max((y for _, y in pos.values()), default=0.0) + ROW_GAP + DOC_H / 2
        levels = [[b for b in bodies if order.get(b[1], 3) == k] for k in range(4)]
        for members in levels:
            for start in range(0, len(members), per_row):
                row = members[start : start + per_row]
                x0 = (left + right) / 2 - (len(row) - 1) * BODY_COL_W / 2
                for i, (a, _, _) in enumerate(row):
                    pos[a] = (x0 + i * BODY_COL_W, y)
                y += BODY_STEP
            if members:
                y += BODY_STEP / 2
    return out


def _date_key(graph: LineageGraph, d: str) -> tuple[str, str]:
    doc = graph.documents[d]
    return (doc.date.isoformat() if doc.date else "~", doc.number or doc.label)


def _place_by_date(graph: LineageGraph, rows: dict[int, list[str]], out: Layout, slot) -> None:
    """x from the date (a time axis with ticks), pushed right to avoid overlaps; documents
    without a date stand left of the axis."""
    dated = [graph.documents[d].date for row in rows.values() for d in row]
    days = [x.toordinal() for x in dated if x is not None]
    if days:
        first, last = min(days), max(days)
        span = max(last - first, 1)
        width = max(1200.0, min(60000.0, 60.0 * len(days)))
        scale = width / span
    else:
        first, scale = 0, 1.0
    undated_right = -DOC_W
    for r, row in rows.items():
        y = out.row_y[r]
        placed_right = -math.inf
        lefts = 0.0
        for d in row:  # sorted by date, undated last
            when = graph.documents[d].date
            w = slot(d)
            if when is None:
                lefts += w
                out.positions[d] = (undated_right - lefts + w / 2, y)
                continue
            x = (when.toordinal() - first) * scale
            x = max(x, placed_right + w / 2)
            out.positions[d] = (x, y)
            placed_right = x + w / 2
    if days:
        out.ticks = _ticks(first, days, scale)
        if any(graph.documents[d].date is None for row in rows.values() for d in row):
            out.ticks.append((undated_right - DOC_W / 2, "chưa rõ ngày / undated"))


def _ticks(first: int, days: list[int], scale: float) -> list[tuple[float, str]]:
    start, end = date.fromordinal(min(days)), date.fromordinal(max(days))
    months = (end.year - start.year) * 12 + end.month - start.month
    step = 1 if months <= 18 else 3 if months <= 48 else 12
    ticks = []
    y, m = start.year, start.month
    if step > 1:
        m = ((m - 1) // step) * step + 1  # ticks at quarters or at January
    while (y, m) <= (end.year, end.month):
        when = date(y, m, 1)
        label = f"{m:02d}/{y}" if step < 12 else str(y)
        ticks.append(((when.toordinal() - first) * scale, label))
        m += step
        while m > 12:
            y, m = y + 1, m - 12
    return ticks
