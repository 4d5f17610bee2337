"""``policy-lineage export``: the whole graph as Turtle, JSON-LD, GraphML, CSV or JSON."""

from __future__ import annotations

import click

from ._options import format_option, store_option
from ._store import load_graph as _load_graph

FORMATS = ("ttl", "jsonld", "graphml", "csv", "json")


def register(group: click.Group) -> None:
    group.add_command(export_command)


@click.command("export")
@format_option(*FORMATS, default="ttl", help="Export format (see the command's help).")
@click.option(
    "-o",
    "--output",
    type=click.Path(),
    help="File to write (a directory for csv). Without it: stdout (ttl, jsonld, json).",
)
@click.option(
    "--validate",
    is_flag=True,
    help="Check the RDF form against the SHACL shapes first; exit 1 with the report if it fails.",
)
@store_option
def export_command(fmt: str, output: str | None, validate: bool, store_path: str) -> None:
    """Export the lineage graph in the store.

    ttl and jsonld are RDF (schema/lineage.ttl, with the provenance of every edge);
    graphml opens in Gephi and yEd; csv writes documents.csv, agencies.csv, tasks.csv
    and edges.csv into a directory (UTF-8 with BOM, for Excel); json is the node-link
    data of shared/contract/OUTPUTS.md.

    Example:

    \b
        policy-lineage export --format ttl --validate -o lineage.ttl
    """
    from ..graph.exports import EXPORTERS, export

    if output is None and EXPORTERS[fmt].text is None:
        raise click.UsageError(f"--format {fmt} needs -o PATH")
    graph = _load_graph(store_path)
    if validate:
        from ..graph.rdf import to_rdf
        from ..graph.rdf import validate as shacl_validate

        conforms, report = shacl_validate(to_rdf(graph))
        if not conforms:
            click.echo(report, err=True)
            raise click.ClickException("the export does not conform to schema/shapes.ttl")
    try:
        text = export(graph, fmt, output)
    except (ValueError, OSError) as exc:
        raise click.ClickException(str(exc)) from exc
    if text is not None:
        click.echo(text, nl=not text.endswith("\n"))
    else:
        click.echo(f"wrote {output} ({fmt})", err=True)
