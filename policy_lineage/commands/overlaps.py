"""``policy-lineage overlaps``: the same work assigned more than once, across documents."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import IO, Any

import click

from ._options import source_options
from ._output import csv_delimiter, emit_xlsx, output_format, output_options
from ._source import documents_graph, query_source

CSV_COLUMNS = (
    "group",
    "kind",
    "score",
    "conflicts",
    "task_id",
    "text",
    "lead",
    "cooperating",
    "deadline",
    "deadline_text",
    "recurring",
    "document",
    "document_id",
    "source",
    "ocr",
)


def register(group: click.Group) -> None:
    group.add_command(overlaps_command)


@click.command("overlaps")
@click.option(
    "--min-score",
    type=click.FloatRange(0.0, 1.0),
    default=None,
    help="Lowest similarity (0..1) for two tasks to be the same work [default: 0.6].",
)
@click.option(
    "--agency",
    metavar="NAME",
    help="Only groups in which this body leads or cooperates (any spelling: 'Sở KH&CN').",
)
@output_options("json", "csv", "xlsx")
@source_options
def overlaps_command(
    min_score: float | None,
    agency: str | None,
    fmt: str,
    output: str | None,
    delim: str,
    store_path: str,
    backend_uri: str | None,
) -> None:
    """Tasks that are the same work assigned in more than one document.

    Each group is labelled: duplicate (same lead and deadline), conflicting lead, or
    conflicting deadline; a lead or deadline one document leaves unstated is not a
    conflict. Strongest group first; the score is the group's weakest pair.

    Example:

    \b
        policy-lineage overlaps --agency "Sở Khoa học và Công nghệ" --format json
        policy-lineage overlaps -o trung-lap.xlsx
    """
    fmt = output_format(fmt, output)
    from ..queries.overlaps import DEFAULT_MIN_SCORE, find_overlaps, group_to_json

    with query_source(store_path, backend_uri) as reader:
        score = DEFAULT_MIN_SCORE if min_score is None else min_score
        groups = find_overlaps(reader, score, agency=agency)
        documents = documents_graph(reader)
        records = [group_to_json(g, documents) for g in groups]
    if fmt == "json":
        text = json.dumps(records, ensure_ascii=False, indent=2)
        if output:
            Path(output).write_text(text + "\n", encoding="utf-8")
        else:
            click.echo(text)
    elif fmt == "xlsx":
        from ..exports.formats import overlap_sheet

        emit_xlsx([overlap_sheet(records)], output)
    elif fmt == "csv":
        if output:
            with open(output, "w", encoding="utf-8-sig", newline="") as fh:
                _write_csv(records, fh, csv_delimiter(delim))
        else:
            _write_csv(records, sys.stdout, csv_delimiter(delim))
    else:
        _print_table(records, agency)


def _write_csv(records: list[dict[str, Any]], fh: IO[str], delimiter: str = ",") -> None:
    writer = csv.writer(fh, lineterminator="\n", delimiter=delimiter)
    writer.writerow(CSV_COLUMNS)
    for number, rec in enumerate(records, 1):
        for task in rec["tasks"]:
            writer.writerow(
                (
                    number,
                    rec["kind"],
                    rec["score"],
                    "; ".join(rec["conflicts"]),
                    task["id"],
                    task["text"],
                    "; ".join(task["lead"]),
                    "; ".join(task["cooperating"]),
                    task["deadline"] or "",
                    task["deadline_text"] or "",
                    "true" if task["recurring"] else "false",
                    task["document"],
                    task["document_id"],
                    task["source"] or "",
                    "true" if task.get("ocr") else "false",
                )
            )


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _print_table(records: list[dict[str, Any]], agency: str | None) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console()
    if not records:
        where = f" ({agency})" if agency else ""
        console.print(
            f"Không thấy nhiệm vụ trùng lặp{where} / No overlapping tasks found{where}.",
            markup=False,
        )
        return
    from ..exports.formats import OVERLAP_KIND_LABELS as kind_labels  # networkx, rdflib: late

    table = Table(title=f"Nhiệm vụ trùng lặp / Overlapping tasks ({len(records)})")
    table.add_column("#", no_wrap=True, justify="right")
    table.add_column("Loại / Kind", max_width=22)
    table.add_column("Điểm / Score", justify="right", max_width=8)
    table.add_column("Nhiệm vụ / Task", ratio=4, min_width=24)
    table.add_column("Văn bản / Document", ratio=2, min_width=12)
    table.add_column("Chủ trì / Lead", ratio=2, min_width=10)
    table.add_column("Thời hạn / Deadline", ratio=1, min_width=10)
    for number, rec in enumerate(records, 1):
        for i, task in enumerate(rec["tasks"]):
            deadline = task["deadline"] or task["deadline_text"] or ""
            if not deadline and task["recurring"]:
                deadline = "thường xuyên / recurring"
            cells = (
                str(number) if i == 0 else "",
                kind_labels.get(rec["kind"], rec["kind"]) if i == 0 else "",
                f"{rec['score']:.2f}" if i == 0 else "",
                _short(task["text"]),
                _short(task["document"], 80)
                + (" (đọc bằng OCR / read by OCR)" if task["ocr"] else ""),
                "; ".join(task["lead"]) or "—",
                deadline or "—",
            )
            table.add_row(*(Text(c) for c in cells))  # document text is not rich markup
        table.add_section()
    console.print(table)
