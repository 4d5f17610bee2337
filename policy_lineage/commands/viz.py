"""`viz [DOC]`: the chain as an interactive offline page, or a static SVG/PNG."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import click

from ._options import parse_relations, store_option
from ._output import not_found, resolve_document
from ._source import load_graph

FORMATS = ("html", "svg", "png")


def register(group: click.Group) -> None:
    group.add_command(viz)


def _format_for(output: str | None, fmt: str | None) -> str:
    if fmt:
        return fmt
    suffix = Path(output).suffix.lower().lstrip(".") if output else ""
    return {"htm": "html"}.get(suffix, suffix) if suffix in (*FORMATS, "htm") else "html"


@click.command()
@click.argument("doc", required=False)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    help="The file to write (default: lineage.html, or .svg/.png with --format).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    help="html: interactive page, offline; svg/png: a static picture by Graphviz `dot`. "
    "Default: from the -o suffix, else html.",
)
@click.option(
    "--depth",
    type=click.IntRange(min=1),
    help="With DOC: how many links away to go (default: all).",
)
@click.option(
    "--relations",
    default="implements,supersedes",
    show_default=True,
    help="Comma-separated: implements, supersedes, based-on, amends, cites.",
)
@click.option("--tasks/--no-tasks", default=True, show_default=True, help="Draw the tasks.")
@click.option(
    "--bodies/--no-bodies",
    default=True,
    show_default=True,
    help="Draw the issuing, leading and cooperating bodies.",
)
@click.option(
    "--agency",
    help="Only this body's tasks, the documents holding them or issued by it, and the chain "
    "above them (words of its name, with or without diacritics).",
)
@click.option(
    "--layout",
    "layout_mode",
    type=click.Choice(["chain", "date"]),
    default="chain",
    show_default=True,
    help="chain: top (central) to bottom (commune); date: left to right by date.",
)
@click.option(
    "--as-of",
    type=click.DateTime(["%Y-%m-%d"]),
    help="The day task statuses are counted from (default: today).",
)
@click.option(
    "--overlaps",
    is_flag=True,
    help="Link the tasks of each overlap group (duplicates, conflicting leads or deadlines).",
)
@click.option(
    "--min-score", type=click.FloatRange(0, 1), help="With --overlaps: the least overlap score."
)
@click.option(
    "--max-nodes",
    type=click.IntRange(min=1),
    default=1500,
    show_default=True,
    help="Above this many nodes, tasks collapse into a count per document, then bodies per level.",
)
@store_option
def viz(
    doc: str | None,
    output: str | None,
    fmt: str | None,
    depth: int | None,
    relations: str,
    tasks: bool,
    bodies: bool,
    agency: str | None,
    layout_mode: str,
    as_of: Any,
    overlaps: bool,
    min_score: float | None,
    max_nodes: int,
    store_path: str,
) -> None:
    """Draw the chain around DOC (or the whole graph): documents top to bottom, their
    tasks coloured by status, the bodies by level, a legend, and the details of any node
    on hover or click. The page is one HTML file that needs no network.

    DOC is a number as people write it (57-NQ/TW, "NQ 57", "nghi quyet 57") or a node id.

    Example:

        policy-lineage viz 57-NQ/TW --relations implements,supersedes,cites -o chain.html
    """
    from ..viz.page import VizError, render_page, write_page
    from ..viz.select import SelectionError, select

    if depth is not None and doc is None:
        raise click.UsageError("--depth needs a DOC to count from")
    if min_score is not None and not overlaps:
        raise click.UsageError("--min-score goes with --overlaps")
    fmt = _format_for(output, fmt)
    output = output or f"lineage.{fmt}"
    kinds = parse_relations(relations)
    day = as_of.date() if as_of else date.today()
    graph = load_graph(store_path)
    root = resolve_document(graph, doc).id if doc else None
    groups = _overlap_groups(graph, min_score) if overlaps else None
    try:
        sel = select(
            graph,
            root,
            depth=depth,
            relations=kinds,
            tasks=tasks,
            bodies=bodies,
            agency=agency,
            max_nodes=max_nodes,
            overlaps=groups,
        )
    except SelectionError as exc:
        not_found(str(exc))
        return
    try:
        if fmt == "html":
            write_page(output, render_page(graph, sel, as_of=day, layout_mode=layout_mode))
        else:
            from ..viz.static import render, to_dot

            render(to_dot(graph, sel, as_of=day, layout_mode=layout_mode), fmt, output)
    except VizError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(
        f"{output}: {len(sel.documents)} văn bản / documents, {len(sel.tasks)} nhiệm vụ / "
        f"tasks, {len(sel.agencies)} cơ quan / bodies, {len(sel.links)} quan hệ / links"
        + (f", {len(sel.groups)} nút gộp / collapsed nodes" if sel.groups else ""),
        err=True,
    )
    for note in sel.notes:
        click.echo(note, err=True)


def _overlap_groups(graph: Any, min_score: float | None) -> list[Any]:
    try:
        from ..queries.overlaps import find_overlaps
    except ImportError as exc:
        raise click.ClickException(
            f"--overlaps needs the overlaps query (policy_lineage.queries.overlaps): {exc}"
        ) from exc
    kwargs = {} if min_score is None else {"min_score": min_score}
    return list(find_overlaps(graph, **kwargs))
