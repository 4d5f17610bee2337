"""`tasks --from DOC`: every task that derives from a document."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

import click

from ..exports.xlsx import OCR_HEADER
from ..queries.tasks import ORDERS, TaskRow, iter_tasks_from
from ._options import parse_relations, source_options
from ._output import (
    OCR_MARK,
    Streamed,
    csv_delimiter,
    emit_csv,
    emit_json_stream,
    emit_table_stream,
    emit_xlsx,
    not_found,
    output_format,
    output_options,
    resolve_document,
    xlsx_sheet,
)
from ._source import documents_graph, query_source

STATUS_LABELS = {
    "overdue": "quá hạn / overdue",
    "due-soon": "sắp đến hạn / due soon",
    "open": "còn hạn / open",
    "recurring": "thường xuyên / recurring",
    "no-deadline": "chưa rõ hạn / no deadline",
}
XLSX_COLUMNS = (
    ("text", "Nhiệm vụ / Task", "long"),
    ("lead", "Chủ trì / Lead", "text"),
    ("cooperating", "Phối hợp / Cooperating", "text"),
    ("deadline", "Thời hạn / Deadline", "date"),
    ("deadline_text", "Thời hạn (nguyên văn) / Deadline as written", "text"),
    ("recurring", "Thường xuyên / Recurring", "bool"),
    ("deliverable", "Kết quả / Deliverable", "text"),
    ("state", "Tình trạng / Status", "text"),
    ("document", "Văn bản / Document", "text"),
    ("via", "Chuỗi văn bản / Documents", "text"),
    ("ocr", OCR_HEADER, "bool"),
    ("source", "Tệp nguồn / Source file", "text"),
    ("id", "Mã / ID", "text"),
)


def register(group: click.Group) -> None:
    group.add_command(tasks)


@click.command()
@click.option("--from", "from_doc", required=True, help='The document (57-NQ/TW, "NQ 57", …).')
@click.option("--agency", help="Only tasks this body leads or cooperates on (words of its name).")
@click.option(
    "--due-before", type=click.DateTime(["%Y-%m-%d"]), help="Deadline before this day (YYYY-MM-DD)."
)
@click.option(
    "--level",
    type=click.Choice(["central", "province", "commune"]),
    help="Level of the leading body.",
)
@click.option(
    "--status", type=click.Choice(["overdue", "due-soon", "open", "recurring", "no-deadline"])
)
@click.option(
    "--as-of",
    type=click.DateTime(["%Y-%m-%d"]),
    help="The day statuses are counted from (default: today).",
)
@click.option(
    "--order",
    type=click.Choice(ORDERS),
    default="deadline",
    show_default=True,
    help="deadline: the whole answer by deadline; walk: document by document as the chain "
    "is walked, so the first rows come out at once.",
)
@click.option(
    "--relations",
    default="implements",
    show_default=True,
    help="Links followed down from DOC, comma-separated: implements, based-on, amends, cites "
    "(a promulgated version always carries its draft's tasks). implements,based-on also "
    "takes the plans that cite DOC as their legal basis (Căn cứ …).",
)
@source_options
@output_options("json", "csv", "xlsx")
def tasks(
    from_doc: str,
    agency: str | None,
    due_before,
    level: str | None,
    status: str | None,
    as_of,
    order: str,
    relations: str,
    store_path: str,
    backend_uri: str | None,
    fmt: str,
    output: str | None,
    delim: str,
) -> None:
    """Every task that derives from a document: its own, and those of the documents that
    implement it (or are linked to it by the ``--relations`` given), directly or through
    others, with lead, cooperating bodies, deadline,
    status, the document it sits in and the path of documents leading to it.

    Example:

    \b
        policy-lineage tasks --from 04-TB/BCĐTW --status overdue --as-of 2025-12-31
        policy-lineage tasks --from 57-NQ/TW -o nhiem-vu.xlsx
        policy-lineage tasks --from 57-NQ/TW --order walk --format csv | head
        policy-lineage tasks --from 57-NQ/TW --relations implements,based-on
    """
    fmt = output_format(fmt, output)
    deriving = parse_relations(relations)
    with query_source(store_path, backend_uri) as reader:
        graph = documents_graph(reader)
        root = resolve_document(graph, from_doc)
        rows = iter_tasks_from(
            reader,
            root.id,
            agency=agency,
            due_before=due_before.date() if due_before else None,
            level=level,
            status=status,
            as_of=as_of.date() if as_of else date.today(),
            order=order,
            deriving=deriving,
        )
        # Rows are written as the query yields them, inside the reader's block.
        count = _emit(graph, root, rows, fmt, output, delim)
    if not count:
        not_found(f"no task derives from {root.label} with these filters")


def task_record(r: TaskRow, number: Callable[[str], str]) -> dict:
    """One row as ``--format json`` writes it (``number``: a document's number by id)."""
    return {
        "text": r.task.text,
        "lead": r.task.lead,
        "cooperating": r.task.cooperating,
        "deadline": r.task.deadline.isoformat() if r.task.deadline else None,
        "deadline_text": r.task.deadline_text,
        "recurring": r.task.recurring,
        "recurrence": r.task.recurrence,
        "deliverable": r.task.deliverable,
        "status": r.status,
        "document": number(r.document.id),
        "document_id": r.document.id,
        "path": [number(p) for p in r.path],
        "source": r.task.source,
        "id": r.task.id,
        "ocr": r.task.ocr,
    }


def _emit(graph, root, rows: Iterator[TaskRow], fmt: str, output, delim: str) -> int:
    """Write ``rows`` in ``fmt`` as they come; how many there were."""

    def number(doc_id: str) -> str:
        d = graph.documents[doc_id]
        return d.number or d.label

    def short(doc_id: str) -> str:
        d = graph.documents[doc_id]
        if d.number:
            return d.number
        return f"{d.doc_type or 'Văn bản'}{' (dự thảo)' if d.is_draft else ''}"

    def record(r: TaskRow) -> dict:
        return task_record(r, number)

    if fmt == "json":
        streamed = Streamed(record(r) for r in rows)
        emit_json_stream(streamed, output)
        return streamed.count
    if fmt == "xlsx":  # a workbook is written whole
        records = [record(r) for r in rows]
        for rec in records:
            rec["state"] = STATUS_LABELS[rec["status"]]
            rec["via"] = " → ".join(rec["path"])
        emit_xlsx([xlsx_sheet("Nhiệm vụ - Tasks", records, XLSX_COLUMNS)], output)
        return len(records)
    if fmt == "csv":
        return emit_csv(
            (record(r) for r in rows),
            [
                "text",
                "lead",
                "cooperating",
                "deadline",
                "deadline_text",
                "recurring",
                "deliverable",
                "status",
                "document",
                "path",
                "source",
                "ocr",
            ],
            csv_delimiter(delim),
            output,
        )

    def line(r: TaskRow) -> dict:
        rec = record(r)
        rec["when"] = (
            rec["deadline"] or rec["deadline_text"] or ("thường xuyên" if rec["recurring"] else "")
        )
        rec["state"] = STATUS_LABELS[rec["status"]]
        rec["via"] = " → ".join(short(p) for p in r.path)
        rec["ocr_mark"] = OCR_MARK if rec["ocr"] else ""
        if len(rec["text"]) > 200:
            rec["text"] = rec["text"][:199] + "…"
        return rec

    return emit_table_stream(
        (line(r) for r in rows),
        [
            ("text", "Nhiệm vụ / Task"),
            ("lead", "Chủ trì / Lead"),
            ("cooperating", "Phối hợp / Cooperating"),
            ("when", "Thời hạn / Deadline"),
            ("state", "Tình trạng / Status"),
            ("via", "Văn bản / Documents"),
            ("ocr_mark", OCR_HEADER),
        ],
        title=lambda n: f"Nhiệm vụ từ / Tasks from {root.label}" + (f" ({n})" if n >= 0 else ""),
        optional=("ocr_mark",),
    )
