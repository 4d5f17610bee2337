"""`check`: the "5 rõ" audit, the resolver's findings and dangling references."""

from __future__ import annotations

import click

from ._options import format_option, store_option
from ._output import emit_csv, emit_json, emit_table
from ._source import load_graph


def register(group: click.Group) -> None:
    group.add_command(check)


@click.command()
@store_option
@format_option("table", "json", "csv")
def check(store_path: str, fmt: str) -> None:
    """Tasks without a lead, a deadline or a deliverable ("5 rõ"); one body named with two
    numbers; one document cited with two dates; documents the chain needs that are not
    in the corpus.

    Example:

        policy-lineage check --format json
    """
    from ..queries.check import ISSUE_LABELS
    from ..queries.check import check as run_check

    report = run_check(load_graph(store_path))
    records = [i.__dict__ | {"label": ISSUE_LABELS.get(i.kind, i.kind)} for i in report.issues]
    if fmt == "json":
        emit_json({"counts": report.counts(), "issues": records})
    elif fmt == "csv":
        emit_csv(records, ["kind", "label", "message", "document", "source", "subject"])
    else:
        counts = [{"label": ISSUE_LABELS.get(k, k), "n": n} for k, n in report.counts().items()]
        emit_table(
            counts,
            [("label", "Vấn đề / Issue"), ("n", "Số lượng / Count")],
            title="Kiểm tra / Check",
        )
        others = [r for r in records if not r["kind"].startswith("task_")]
        emit_table(others, [("label", "Loại / Kind"), ("message", "Nội dung / Detail")])
