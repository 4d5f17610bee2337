"""`agency NAME`: what one body leads and cooperates on."""

from __future__ import annotations

import click

from ..queries.agency import agency_work
from ._options import source_options
from ._output import (
    csv_delimiter,
    emit_csv,
    emit_json,
    emit_table,
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
    records = [
        {
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
        }
        for r in work.rows
    ]
    if fmt == "json":
        emit_json(
            {
                "agencies": [
                    {"id": a.id, "name": a.name, "level": a.level, "province": a.province}
                    for a in work.agencies
                ],
                "tasks": records,
            },
            output,
        )
        return
    if fmt == "xlsx":
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
            ],
            csv_delimiter(delim),
            output,
        )
        return
    for rec in records:
        rec["role_vi"] = ROLE_LABELS[rec["role"]]
        rec["when"] = (
            rec["deadline"] or rec["deadline_text"] or ("thường xuyên" if rec["recurring"] else "")
        )
    names = "; ".join(f"{a.name} ({a.province or a.level})" for a in work.agencies)
    emit_table(
        records,
        [
            ("role_vi", "Vai trò / Role"),
            ("text", "Nhiệm vụ / Task"),
            ("when", "Thời hạn / Deadline"),
            ("document", "Văn bản / Document"),
        ],
        title=f"{names}: chủ trì {work.leads}, phối hợp {len(records) - work.leads} / leads {work.leads}, cooperates {len(records) - work.leads}",
    )
