"""Printing for the query commands: a rich table for people, JSON or CSV for machines;
a document named as people write it, or a clear "not found"."""

from __future__ import annotations

import csv
import itertools
import json
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import click

from ..schema.graph_model import DocumentNode, LineageGraph, node_record

# exit codes: 0 found, 1 asked-for things not found (or ambiguous), 2 usage error (click)
NOT_FOUND = 1


# A row read from a page read by OCR (a scan) is marked, so it is checked against the paper.
OCR_MARK = "có / yes"

# What an -o file's suffix asks for, when --format was left at its default.
SUFFIX_FORMATS = {".xlsx": "xlsx", ".csv": "csv", ".json": "json"}


def output_format(fmt: str, output: str | None, default: str = "table") -> str:
    """The format to write: ``fmt``, or the one ``-o``'s suffix names when ``fmt`` is the
    default (``-o tasks.xlsx`` is a workbook). A table cannot go to a file, and a workbook
    cannot go to a terminal: both are usage errors (exit code 2)."""
    if output and fmt == default:
        fmt = SUFFIX_FORMATS.get(Path(output).suffix.lower(), fmt)
    if output and fmt == "table":
        raise click.UsageError(
            "a table is for the terminal: give --format json|csv|xlsx (or -o FILE.xlsx)"
        )
    if fmt == "xlsx" and not output and sys.stdout.isatty():
        raise click.UsageError("--format xlsx writes a workbook: give -o FILE.xlsx")
    return fmt


def emit_json(data: Any, output: str | None = None) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    if output:
        Path(output).write_text(text + "\n", encoding="utf-8")
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(text)


_ENCODER = json.JSONEncoder(ensure_ascii=False, indent=2, default=str)


class Streamed:
    """A list :func:`emit_json` writes item by item as ``items`` yields them (the same
    bytes ``json.dumps`` gives the whole list); ``count`` is how many it wrote."""

    def __init__(self, items: Iterable[Any]) -> None:
        self.items = items
        self.count = 0


def json_pieces(data: Any, level: int = 0) -> Iterator[str]:
    """``json.dumps(data, ensure_ascii=False, indent=2)`` in pieces, one per item of each
    :class:`Streamed` list inside ``data`` (a dict's values or ``data`` itself); their
    concatenation is those very bytes.

    >>> rows = Streamed(iter([{"a": 1}, {"b": [2]}]))
    >>> text = "".join(json_pieces({"n": 2, "rows": rows}))
    >>> text == json.dumps({"n": 2, "rows": [{"a": 1}, {"b": [2]}]}, indent=2)
    True
    >>> "".join(json_pieces(Streamed(iter([])))), rows.count
    ('[]', 2)
    """
    inner = "\n" + "  " * (level + 1)
    if isinstance(data, Streamed):
        for item in data.items:
            yield ("[" if data.count == 0 else ",") + inner + "".join(json_pieces(item, level + 1))
            data.count += 1
        yield "[]" if data.count == 0 else "\n" + "  " * level + "]"
    elif isinstance(data, dict) and data and any(isinstance(v, Streamed) for v in data.values()):
        for i, (key, value) in enumerate(data.items()):
            yield ("{" if i == 0 else ",") + inner + json.dumps(str(key), ensure_ascii=False) + ": "
            yield from json_pieces(value, level + 1)
        yield "\n" + "  " * level + "}"
    else:
        text = _ENCODER.encode(data)  # one encoder: json.dumps would make one a row
        yield text.replace("\n", "\n" + "  " * level) if level else text


def emit_json_stream(data: Any, output: str | None = None) -> None:
    """:func:`emit_json`, written as its :class:`Streamed` lists yield (the first row is
    out, and flushed, before the next is computed)."""
    with _text_out(output, "utf-8") as fh:
        for i, piece in enumerate(json_pieces(data)):
            fh.write(piece)
            if i < 2:
                fh.flush()
        fh.write("\n")
        fh.flush()
    if output:
        click.echo(f"wrote {output}", err=True)


def emit_csv(
    rows: Iterable[dict[str, Any]],
    columns: Sequence[str],
    delimiter: str = ",",
    output: str | None = None,
) -> int:
    """CSV of ``rows`` (keys as the header) to stdout, or to ``output`` (UTF-8 with a BOM
    there, so Excel shows the diacritics), a row as each comes; how many were written."""
    count = 0
    with _text_out(output, "utf-8-sig") as fh:
        writer = csv.DictWriter(
            fh, fieldnames=list(columns), extrasaction="ignore", delimiter=delimiter
        )
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(row.get(k)) for k in columns})
            count += 1
            if count == 1:
                fh.flush()
        fh.flush()
    if output:
        click.echo(f"wrote {output}", err=True)
    return count


@contextmanager
def _text_out(output: str | None, encoding: str) -> Iterator[IO[str]]:
    if output is None:
        yield sys.stdout
        return
    with open(output, "w", encoding=encoding, newline="") as fh:
        yield fh


def emit_xlsx(sheets: list[Any], output: str | None = None) -> None:
    """A workbook (:mod:`policy_lineage.exports.xlsx`) to ``output``, or to stdout's bytes
    when that is a pipe or a file (``> tasks.xlsx``)."""
    from ..exports.xlsx import write_workbook

    if output:
        write_workbook(output, sheets)
        click.echo(f"wrote {output}", err=True)
        return
    stream = sys.stdout.buffer
    write_workbook(stream, sheets)
    stream.flush()


def xlsx_sheet(
    name: str, rows: list[dict[str, Any]], columns: Sequence[tuple[str, str, str]]
) -> Any:
    """One sheet of ``rows``; ``columns``: (key, "Tiếng Việt / English" header, kind)."""
    from ..exports.xlsx import Sheet

    return Sheet(
        name,
        [(header, kind) for _, header, kind in columns],
        [[row.get(key) for key, _, _ in columns] for row in rows],
    )


def output_options(*formats: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--format`` (a table, or ``formats`` for machines and Excel), ``-o FILE`` and
    ``--csv-delimiter``, shared by the query commands."""
    from ._options import format_option

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        func = click.option(
            "--csv-delimiter",
            "delim",
            type=click.Choice([",", ";", "tab", "|"]),
            default=",",
            show_default=True,
            help="Field separator of --format csv: ';' for Excel on Vietnamese Windows.",
        )(func)
        func = click.option(
            "-o",
            "--output",
            type=click.Path(dir_okay=False),
            help="Write to FILE instead of stdout; FILE.xlsx is an Excel workbook, "
            "FILE.csv CSV (UTF-8 with BOM), FILE.json JSON.",
        )(func)
        return format_option(
            "table",
            *formats,
            help="Output format: a readable table, json/csv for machines, xlsx for Excel.",
        )(func)

    return decorate


def csv_delimiter(name: str) -> str:
    return "\t" if name == "tab" else name


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


# Above this many rows a table is not drawn (rich would hold every row to size its
# columns): the rows go out as tab-separated lines under a header, as they come.
TABLE_LIMIT = 2000


def emit_table_stream(
    rows: Iterable[dict[str, Any]],
    columns: Sequence[tuple[str, str]],
    title: Callable[[int], str],
    limit: int | None = None,
    optional: Sequence[str] = (),
) -> int:
    """:func:`emit_table` of ``rows`` when there are at most ``limit`` (``title`` gets
    their count; a column whose key is in ``optional`` is left out when no row fills it);
    beyond that, the title line without a count, a header line and one tab-separated line
    per row, every column, written as they come. How many rows there were."""
    limit = TABLE_LIMIT if limit is None else limit
    held: list[dict[str, Any]] = []
    it = iter(rows)
    for row in it:
        held.append(row)
        if len(held) > limit:
            break
    else:
        empty = {k for k in optional if not any(_cell(row.get(k)) != "" for row in held)}
        emit_table(held, [c for c in columns if c[0] not in empty], title=title(len(held)))
        return len(held)
    out = sys.stdout
    out.write(title(-1) + "\n")
    out.write("\t".join(header for _, header in columns) + "\n")
    count = 0
    for row in itertools.chain(held, it):
        out.write("\t".join(_line_cell(row.get(k)) for k, _ in columns) + "\n")
        count += 1
        if count == 1:
            out.flush()
    out.flush()
    return count


def _line_cell(value: Any) -> str:
    return " ".join(str(_cell(value)).split())


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
