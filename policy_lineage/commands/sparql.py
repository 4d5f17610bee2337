"""``policy-lineage sparql``: a SPARQL query over the RDF form of the graph."""

from __future__ import annotations

import csv
import io
import json

import click

from ._options import format_option, store_option
from ._output import not_found
from ._source import file_hashes, load_graph


class QueryError(click.ClickException):
    """A malformed query: exit code 2, like other usage errors."""

    exit_code = 2


def register(group: click.Group) -> None:
    group.add_command(sparql_command)


@click.command("sparql")
@click.argument("query")
@format_option("table", "json", "csv")
@store_option
def sparql_command(query: str, fmt: str, store_path: str) -> None:
    """Run a SPARQL QUERY over the graph (prefixes pl, id, eli, org, dcterms, prov,
    rdf, rdfs, owl, xsd are bound).

    SELECT prints rows; ASK prints true or false; CONSTRUCT and DESCRIBE print Turtle
    (JSON-LD with --format json). As every query command, it exits 0 when something
    was found, 1 when not (no row, ASK false, an empty graph), 2 for a malformed query.

    Example (what a plan implements, all the way up):

    \b
        policy-lineage sparql 'SELECT ?up WHERE {
          ?d pl:number "254/KH-UBND" ; pl:implements+ ?u . ?u pl:number ?up }'
    """
    from ..exports.rdf import to_rdf
    from ..exports.sparql import SparqlError, run_sparql

    rdf = to_rdf(load_graph(store_path), file_hashes(store_path))
    try:
        result = run_sparql(rdf, query)
    except SparqlError as exc:
        raise QueryError(str(exc)) from exc
    if result.graph is not None:
        click.echo(result.graph.serialize(format="json-ld" if fmt == "json" else "turtle"))
        found = len(result.graph) > 0
    elif result.boolean is not None:
        answer = "true" if result.boolean else "false"
        click.echo(json.dumps({"boolean": result.boolean}) if fmt == "json" else answer)
        found = result.boolean
    else:
        _print_rows(result, fmt)
        found = bool(result.rows)
    if not found:
        not_found("không có kết quả / nothing matched")


def _print_rows(result, fmt: str) -> None:
    if fmt == "json":
        click.echo(json.dumps(result.records(), ensure_ascii=False, indent=2))
    elif fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(result.variables)
        writer.writerows([["" if v is None else v for v in row] for row in result.rows])
        click.echo(buffer.getvalue(), nl=False)
    else:
        _print_table(result)


def _print_table(result) -> None:
    from rich.console import Console
    from rich.table import Table

    from ..exports.sparql import short

    table = Table(*result.variables, caption=f"{len(result.rows)} dòng / rows")
    for row in result.terms:
        table.add_row(*(short(term) for term in row))
    Console().print(table)
