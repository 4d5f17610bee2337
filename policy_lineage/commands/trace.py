"""`trace DOC`: the chain above and below a document."""

from __future__ import annotations

from typing import Any

import click

from ..queries.trace import trace as trace_query
from ..schema.graph_model import LineageGraph
from ._options import format_option, parse_relations, source_options
from ._output import Streamed, document_json, emit_csv, emit_json_stream, resolve_document
from ._source import documents_graph, query_source

RELATION_LABELS = {
    "implements": "thực hiện / implements",
    "supersedes": "thay thế / supersedes",
    "based-on": "căn cứ / based on",
    "amends": "sửa đổi / amends",
    "cites": "dẫn chiếu / cites",
}
# A link read from a page read by OCR (a scan), and a document whose own file was scanned.
OCR_LABEL = "đọc bằng OCR, cần kiểm tra / read by OCR, check it"
BASIS_LABELS = {
    "cited": "theo văn bản khác / as another document says",
    "inferred": "suy ra / inferred",
}


def register(group: click.Group) -> None:
    group.add_command(trace)


@click.command()
@click.argument("doc")
@click.option(
    "--depth", type=click.IntRange(min=1), help="How many links away to go (default: all)."
)
@click.option(
    "--relations",
    default="implements,supersedes",
    show_default=True,
    help="Comma-separated: implements, supersedes, based-on, amends, cites.",
)
@source_options
@format_option("table", "json", "csv")
def trace(
    doc: str,
    depth: int | None,
    relations: str,
    store_path: str,
    backend_uri: str | None,
    fmt: str,
) -> None:
    """The chain above DOC (what it implements, up to the root) and below it (what
    implements it, down to commune level).

    DOC is a number as people write it (57-NQ/TW, 57/NQ-TW, "NQ 57", "nghi quyet 57"),
    words of a title, or a node id.

    Example:

        policy-lineage trace 57-NQ/TW --relations implements,supersedes,cites
    """
    kinds = parse_relations(relations)
    with query_source(store_path, backend_uri) as reader:
        graph = documents_graph(reader)
        root = resolve_document(graph, doc)
        result = trace_query(reader, root.id, depth, kinds)
        # the documents the answer names, read while the store is open (a store's are read
        # as they are asked for)
        graph = LineageGraph(documents={n: graph.documents[n] for n in result.nodes})

    def name(node_id: str) -> str:
        return graph.documents[node_id].number or node_id

    steps = [*result.up, *result.down]
    if fmt == "json":  # nodes and edges written one at a time
        emit_json_stream(
            {
                "root": root.number or root.id,
                "root_id": root.id,
                "relations": list(kinds),
                "nodes": Streamed(document_json(graph.documents[n]) for n in result.nodes),
                "edges": Streamed(
                    {
                        "source": name(s.source),
                        "target": name(s.target),
                        "kind": s.kind,
                        "source_id": s.source,
                        "target_id": s.target,
                        "basis": s.basis,
                        "direction": s.direction,
                        "depth": s.depth,
                        "evidence": s.evidence,
                        "ocr": s.ocr,
                    }
                    for s in steps
                ),
            }
        )
        return
    if fmt == "csv":
        rows = (
            {
                "direction": s.direction,
                "depth": s.depth,
                "source": graph.documents[s.source].label,
                "relation": s.kind,
                "target": graph.documents[s.target].label,
                "basis": s.basis,
                "source_id": s.source,
                "target_id": s.target,
                "ocr": s.ocr,
            }
            for s in steps
        )
        emit_csv(
            rows,
            [
                "direction",
                "depth",
                "source",
                "relation",
                "target",
                "basis",
                "source_id",
                "target_id",
                "ocr",
            ],
        )
        return
    _print_tree(graph, root, result)


def _describe(doc: Any) -> str:
    parts = [doc.number or "(chưa có số / no number)"]
    if doc.doc_type:
        parts.append(doc.doc_type)
    if doc.issuer:
        parts.append(doc.issuer)
    parts.append(doc.date.strftime("%d/%m/%Y") if doc.date else "chưa rõ ngày / no date")
    text = " · ".join(parts)
    if doc.is_draft:
        text += " [dự thảo / draft]"
    if not doc.number and doc.title:
        text += f" — {doc.title[:80]}"
    if not doc.in_corpus:
        text += " (chỉ được dẫn chiếu / cited only)"
    if doc.ocr:
        pages = ", ".join(map(str, doc.ocr_pages))
        text += f" [trang / pages {pages}: {OCR_LABEL}]" if pages else f" [{OCR_LABEL}]"
    return text


def _grow(node: Any, at: str, graph: Any, children: dict, direction: str, shown: set) -> None:
    from rich.text import Text

    for s in children.get(at, []):
        other = s.target if direction == "up" else s.source
        label = Text(f"{RELATION_LABELS.get(s.kind, s.kind)} ", style="cyan")
        if s.basis in BASIS_LABELS:
            label.append(f"({BASIS_LABELS[s.basis]}) ", style="dim")
        if s.ocr:
            label.append(f"({OCR_LABEL}) ", style="yellow")
        label.append(_describe(graph.documents[other]))
        if other in shown:
            label.append(" ↑ đã nêu / shown above", style="dim")
            node.add(label)
            continue
        shown.add(other)
        _grow(node.add(label), other, graph, children, direction, shown)


def _print_tree(graph: Any, root: Any, result: Any) -> None:
    from rich.console import Console
    from rich.text import Text
    from rich.tree import Tree

    console = Console()
    for direction, steps, title in (
        ("up", result.up, "Văn bản cấp trên / Above (what it carries out)"),
        ("down", result.down, "Văn bản triển khai / Below (what carries it out)"),
    ):
        console.print(Text(title, style="bold underline"))
        if not steps:
            console.print("  (không có / none)")
            continue
        children: dict[str, list] = {}
        for s in steps:
            children.setdefault(s.parent, []).append(s)
        tree = Tree(Text(_describe(root), style="bold"))
        _grow(tree, root.id, graph, children, direction, {root.id})
        console.print(tree)
