"""`search TEXT`: documents, tasks and bodies, with or without diacritics."""

from __future__ import annotations

import click

from ._options import format_option, store_option
from ._output import emit_csv, emit_json, emit_table, not_found
from ._source import load_graph

KIND_LABELS = {
    "Document": "Văn bản / Document",
    "Agency": "Cơ quan / Body",
    "Task": "Nhiệm vụ / Task",
}


def register(group: click.Group) -> None:
    group.add_command(search)


@click.command()
@click.argument("text")
@click.option(
    "--kind",
    type=click.Choice(["Document", "Agency", "Task"]),
    multiple=True,
    help="Only these kinds (repeatable).",
)
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@store_option
@format_option("table", "json", "csv")
def search(text: str, kind: tuple[str, ...], limit: int, store_path: str, fmt: str) -> None:
    """Find documents, tasks and bodies by words, typed with or without diacritics.

    Example:

        policy-lineage search "ha tang so dung chung"
    """
    from ..queries.search import search as run_search

    hits = run_search(load_graph(store_path), text, kind or ("Document", "Agency", "Task"), limit)
    records = [h.__dict__ for h in hits]
    if fmt == "json":
        emit_json(records)
    elif fmt == "csv":
        emit_csv(records, ["kind", "id", "label", "field", "text"])
    else:
        for r in records:
            r["kind_vi"] = KIND_LABELS[r["kind"]]
            r["shown"] = r["label"] if len(r["label"]) <= 120 else r["label"][:117] + "…"
        emit_table(
            records, [("kind_vi", "Loại / Kind"), ("shown", "Kết quả / Result"), ("id", "Mã / Id")]
        )
    if not hits:
        not_found(f"nothing matches '{text}'")
