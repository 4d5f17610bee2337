"""``policy-lineage export``: the whole graph as Turtle, JSON-LD, GraphML, CSV, JSON, a
Cypher script or neo4j-admin import files."""

from __future__ import annotations

import sys

import click

from ._options import format_option, store_option
from ._source import file_hashes, load_graph

FORMATS = ("ttl", "jsonld", "graphml", "csv", "xlsx", "json", "cypher", "neo4j-csv")


def register(group: click.Group) -> None:
    group.add_command(export_command)


@click.command("export")
@click.argument("path", required=False, type=click.Path())
@format_option(*FORMATS, default="ttl", help="Export format (see the command's help).")
@click.option(
    "-o",
    "--output",
    type=click.Path(),
    help="File to write (a directory for csv and neo4j-csv); or give it as PATH. "
    "Without it: stdout (every format but csv and neo4j-csv; xlsx only to a pipe or file).",
)
@click.option(
    "--csv-delimiter",
    "delim",
    type=click.Choice([",", ";", "tab", "|"]),
    default=None,
    help="Field separator of --format csv [default: ,]; ';' opens in columns in Excel on "
    "Vietnamese Windows (and any locale whose decimal mark is a comma).",
)
@click.option(
    "--cypher-dialect",
    type=click.Choice(["neo4j", "falkordb"]),
    default=None,
    help="Server the --format cypher script is for [default: neo4j]: Neo4j reads \\u "
    "escapes and date(); FalkorDB reads raw characters and ISO days.",
)
@click.option(
    "--validate",
    is_flag=True,
    help="Check the RDF form against the SHACL shapes first; exit 1 with the report if it fails.",
)
@store_option
def export_command(
    path: str | None,
    fmt: str,
    output: str | None,
    delim: str | None,
    cypher_dialect: str | None,
    validate: bool,
    store_path: str,
) -> None:
    """Export the lineage graph in the store to PATH (or -o PATH, or stdout).

    \b
    ttl, jsonld  RDF (schema/lineage.ttl, with the provenance of every edge)
    graphml      Gephi, yEd (names shown as labels), networkx: valid GraphML
    csv          a directory: documents.csv, agencies.csv, tasks.csv, edges.csv
                 (UTF-8 with BOM, Vietnamese/English headers; --csv-delimiter ';'
                 for Excel on Vietnamese Windows)
    xlsx         one Excel workbook: documents, tasks, bodies, links, overlaps, findings
    json         the node-link data of shared/contract/OUTPUTS.md
    cypher       a script for cypher-shell -f: what `push` writes, as literals
                 (--cypher-dialect falkordb: the same for FalkorDB)
    neo4j-csv    a directory of neo4j-admin import files; prints the import command
                 (also in IMPORT.txt there, with the constraints to run afterwards)

    Example:

    \b
        policy-lineage export --format ttl --validate -o lineage.ttl
        policy-lineage export --format neo4j-csv neo4j-import/
        policy-lineage export --format xlsx -o lineage.xlsx
        policy-lineage export --format csv --csv-delimiter ';' -o bang/
    """
    from ..exports.formats import EXPORTERS, export

    if path and output and path != output:
        raise click.UsageError("give the output once: PATH or -o PATH")
    output = output or path
    exporter = EXPORTERS[fmt]
    if delim is not None and fmt != "csv":
        raise click.UsageError("--csv-delimiter goes with --format csv")
    if cypher_dialect is not None and fmt != "cypher":
        raise click.UsageError("--cypher-dialect goes with --format cypher")
    if output is None and exporter.text is None and exporter.binary is None:
        raise click.UsageError(f"--format {fmt} needs -o PATH")
    if output is None and exporter.binary is not None and sys.stdout.isatty():
        raise click.UsageError(f"--format {fmt} is binary: give -o FILE, or redirect stdout")
    graph = load_graph(store_path)
    if validate:
        from ..exports.rdf import to_rdf
        from ..exports.rdf import validate as shacl_validate

        conforms, report = shacl_validate(to_rdf(graph, file_hashes(store_path)))
        if not conforms:
            click.echo(report, err=True)
            raise click.ClickException("the export does not conform to schema/shapes.ttl")
    if output is None and exporter.binary is not None:
        stream = sys.stdout.buffer
        stream.write(exporter.binary(graph))
        stream.flush()
        return
    if output is None and fmt == "json":  # written a node and an edge at a time
        from ..exports.formats import node_link_pieces

        out = sys.stdout
        for piece in node_link_pieces(graph):
            out.write(piece)
        out.write("\n")
        out.flush()
        return
    options: dict = {}
    if fmt == "csv":
        options["delimiter"] = "\t" if delim == "tab" else delim
    elif fmt in ("ttl", "jsonld"):
        options["file_hashes"] = file_hashes(store_path)
    elif fmt == "cypher":
        options["dialect"] = cypher_dialect or "neo4j"
    try:
        text = export(graph, fmt, output, **options)
    except (ValueError, OSError) as exc:
        raise click.ClickException(str(exc)) from exc
    if output is None:
        assert text is not None
        click.echo(text, nl=not text.endswith("\n"))
        return
    click.echo(f"wrote {output} ({fmt})", err=True)
    if text is not None:  # what to run next: the neo4j-admin command
        click.echo(text)
    if fmt == "neo4j-csv":
        click.echo(
            "then, with the database started, the constraints: see IMPORT.txt in " + output,
            err=True,
        )
