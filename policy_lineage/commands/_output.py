"""Printing for the query commands: a rich table for people, JSON or CSV for machines;
a document named as people write it, or a clear "not found"."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from typing import Any

import click

from ..schema.graph_model import DocumentNode, LineageGraph, node_record

# exit codes: 0 found, 1 asked-for things not found (or ambiguous), 2 usage error (click)
NOT_FOUND = 1


def emit_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def emit_csv(rows: list[dict[str, Any]], columns: Sequence[str]) -> None:
    writer = csv.DictWriter(sys.stdout, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(row.get(k)) for k in columns})


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return "" if value is None else value


def emit_table(
    rows: list[dict[str, Any]], columns: Sequence[tuple[str, str]], title: str | None = None
) -> None:
    """``columns``: (key, header); headers are Vietnamese / English."""
    from rich.console import Console
    from rich.table import Table

    table = Table(*[header for _, header in columns], title=title, show_lines=False)
    for row in rows:
        table.add_row(*[_plain(row.get(k)) for k, _ in columns])
    Console().print(table)


def _plain(value: Any) -> str:
    from rich.markup import escape

    return escape(str(_cell(value)))


def document_json(doc: DocumentNode) -> dict[str, Any]:
    """A document as in `export --format json`."""
    return node_record(doc)


def not_found(message: str, candidates: list[str] | None = None, hint: str = "") -> None:
    """Say what was not found (and the candidates or suggestions), exit with 1."""
    click.echo(message, err=True)
    if hint:
        click.echo(hint, err=True)
    for c in candidates or []:
        click.echo(f"  {c}", err=True)
    sys.exit(NOT_FOUND)


def resolve_document(graph: LineageGraph, text: str) -> DocumentNode:
    """The one document ``text`` names, or a clear message and exit code 1."""
    from ..queries.resolve import find_document

    res = find_document(graph, text)
    if res.unique:
        return res.unique
    if res.ambiguous:
        not_found(
            f"'{text}' fits {len(res.matches)} documents; give one of these numbers or ids:",
            [f"{d.label}  ({d.id})" for d in res.matches],
        )
    not_found(
        f"no document '{text}' in the store",
        [f"{d.label}  ({d.id})" for d in res.suggestions],
        "did you mean one of these?" if res.suggestions else "",
    )
    raise AssertionError("unreachable")
