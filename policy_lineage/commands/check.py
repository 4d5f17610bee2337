"""`check`: the "5 rõ" audit, the resolver's findings and dangling references."""

from __future__ import annotations

import click

from ._options import store_option
from ._output import (
    csv_delimiter,
    emit_csv,
    emit_json,
    emit_table,
    emit_xlsx,
    output_format,
    output_options,
    xlsx_sheet,
)
from ._source import load_graph

XLSX_COLUMNS = (
    ("label", "Vấn đề / Issue", "text"),
    ("message", "Nội dung / Message", "long"),
    ("document", "Văn bản / Document", "text"),
    ("source", "Tệp nguồn / Source file", "text"),
    ("subject", "Mã / ID", "text"),
    ("kind", "Mã vấn đề / Issue code", "text"),
)


def register(group: click.Group) -> None:
    group.add_command(check)


@click.command()
@store_option
@output_options("json", "csv", "xlsx")
def check(store_path: str, fmt: str, output: str | None, delim: str) -> None:
    """Tasks without a lead, a deadline or a deliverable ("5 rõ"); one body named with two
    numbers; one document cited with two dates; documents the chain needs that are not
    in the corpus.

    Example:

    \b
        policy-lineage check --format json
        policy-lineage check -o kiem-tra.xlsx
    """
    fmt = output_format(fmt, output)
    from ..queries.check import ISSUE_LABELS
    from ..queries.check import check as run_check

    report = run_check(load_graph(store_path))
    records = [i.__dict__ | {"label": ISSUE_LABELS.get(i.kind, i.kind)} for i in report.issues]
    if fmt == "json":
        emit_json({"counts": report.counts(), "issues": records}, output)
    elif fmt == "xlsx":
        counts = [{"label": ISSUE_LABELS.get(k, k), "n": n} for k, n in report.counts().items()]
        count_columns = (("label", "Vấn đề / Issue", "text"), ("n", "Số lượng / Count", "number"))
        emit_xlsx(
            [
                xlsx_sheet("Tổng hợp - Summary", counts, count_columns),
                xlsx_sheet("Vấn đề - Issues", records, XLSX_COLUMNS),
            ],
            output,
        )
    elif fmt == "csv":
        emit_csv(
            records,
            ["kind", "label", "message", "document", "source", "subject"],
            csv_delimiter(delim),
            output,
        )
    else:
        counts = [{"label": ISSUE_LABELS.get(k, k), "n": n} for k, n in report.counts().items()]
        emit_table(
            counts,
            [("label", "Vấn đề / Issue"), ("n", "Số lượng / Count")],
            title="Kiểm tra / Check",
        )
        others = [r for r in records if not r["kind"].startswith("task_")]
        emit_table(others, [("label", "Loại / Kind"), ("message", "Nội dung / Detail")])
