"""`agency NAME`: what one body leads and cooperates on."""

from __future__ import annotations

import click

from ..exports.xlsx import OCR_HEADER
from ..queries.agency import agency_work
from ._options import source_options
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
    xlsx_sheet,
)
from ._source import query_source

ROLE_LABELS = {"lead": "chủ trì / lead", "cooperating": "phối hợp / cooperating"}
XLSX_COLUMNS = (
    ("role_vi", "Vai trò / Role", "text"),
    ("text", "Nhiệm vụ / Task", "long"),
    ("deadline", "Thời hạn / Deadline", "date"),
    ("deadline_text", "Thời hạn (nguyên văn) / Deadline as written", "text"),
    ("recurring", "Thường xuyên / Recurring", "bool"),
    ("lead", "Chủ trì / Lead", "text"),
    ("cooperating", "Phối hợp / Cooperating", "text"),
    ("document", "Văn bản / Document", "text"),
    ("ocr", OCR_HEADER, "bool"),
    ("source", "Tệp nguồn / Source file", "text"),
)


def register(group: click.Group) -> None:
    group.add_command(agency)


@click.command()
@click.argument("name")
@source_options
@output_options("json", "csv", "xlsx")
def agency(
    name: str,
    store_path: str,
    backend_uri: str | None,
    fmt: str,
    output: str | None,
    delim: str,
) -> None:
    """What one body leads and cooperates on, from which documents, by deadline.

    NAME is the body's name or words of it, with or without diacritics.

    Example:

    \b
        policy-lineage agency "so khoa hoc va cong nghe"
        policy-lineage agency "Sở Tài chính" -o so-tai-chinh.xlsx
    """
    fmt = output_format(fmt, output)
    with query_source(store_path, backend_uri) as reader:
        work = agency_work(reader, name)
    if not work.agencies:
        not_found(f"no body named '{name}' in the store")

    def record(r) -> dict:
        return {
            "role": r.role,
            "text": r.task.text,
            "deadline": r.task.deadline.isoformat() if r.task.deadline else None,
            "deadline_text": r.task.deadline_text,
            "recurring": r.task.recurring,
            "lead": r.task.lead,
            "cooperating": r.task.cooperating,
            "document": r.document.number or r.document.label,
            "document_id": r.document.id,
            "source": r.task.source,
            "ocr": r.task.ocr,
        }

    # JSON and CSV are written a row at a time (no second copy of the answer)
    records = (record(r) for r in work.rows)
    if fmt == "json":
        emit_json_stream(
            {
                "agencies": [
                    {"id": a.id, "name": a.name, "level": a.level, "province": a.province}
                    for a in work.agencies
                ],
                "tasks": Streamed(records),
            },
            output,
        )
        return
    if fmt == "xlsx":
        records = list(records)
        for rec in records:
            rec["role_vi"] = ROLE_LABELS[rec["role"]]
        emit_xlsx([xlsx_sheet("Nhiệm vụ - Tasks", records, XLSX_COLUMNS)], output)
        return
    if fmt == "csv":
        emit_csv(
            records,
            [
                "role",
                "text",
                "deadline",
                "deadline_text",
                "recurring",
                "lead",
                "cooperating",
                "document",
                "source",
                "ocr",
            ],
            csv_delimiter(delim),
            output,
        )
        return

    def line(rec: dict) -> dict:
        rec["role_vi"] = ROLE_LABELS[rec["role"]]
        rec["when"] = (
            rec["deadline"] or rec["deadline_text"] or ("thường xuyên" if rec["recurring"] else "")
        )
        rec["ocr_mark"] = OCR_MARK if rec["ocr"] else ""
        return rec

    names = "; ".join(f"{a.name} ({a.province or a.level})" for a in work.agencies)
    total, leads = len(work.rows), work.leads
    emit_table_stream(
        (line(rec) for rec in records),
        [
            ("role_vi", "Vai trò / Role"),
            ("text", "Nhiệm vụ / Task"),
            ("when", "Thời hạn / Deadline"),
            ("document", "Văn bản / Document"),
            ("ocr_mark", OCR_HEADER),
        ],
        optional=("ocr_mark",),
        title=lambda _: (
            f"{names}: chủ trì {leads}, phối hợp {total - leads} / leads {leads}, cooperates {total - leads}"
        ),
    )
