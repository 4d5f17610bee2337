"""`extract FILES`: what one file says — document, references, tasks — without a store."""

from __future__ import annotations

import json
import sys

import click


def register(group: click.Group) -> None:
    group.add_command(extract)


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option(
    "--aliases",
    "--rules",
    "aliases",
    type=click.Path(exists=True, dir_okay=False),
    help=(
        "A JSON file of extra bodies and aliases ('agencies', shaped like "
        "loaders/data/agencies.json) and/or extra rule words: any key of "
        "loaders/data/rules.json (office_titles, body_heads, implement_cues, field_labels, "
        "…) or type_words (phrase → type name, as in loaders/data/doc_types.json)."
    ),
)
def extract(paths: tuple[str, ...], fmt: str, aliases: str | None) -> None:
    """Extract document, references and tasks from FILES or DIRECTORIES.

    JSON prints one object per file (JSON Lines), as in the extraction contract.
    A file that cannot be read gets {"source", "error"} and the exit code is 1;
    the other files are still extracted.

    Example:

        policy-lineage extract examples/dong-thap --format json
    """
    from ..loaders.agencies import load_aliases
    from ..loaders.ocr import mark_ocr
    from ..loaders.readers import extract_sources
    from ..loaders.source import ReadError
    from ..schema.model import to_contract

    failed = False
    table = load_aliases(aliases) if aliases else None
    for item in extract_sources(paths, table):
        if isinstance(item, ReadError):
            failed = True
            if fmt == "json":
                click.echo(
                    json.dumps({"source": item.path, "error": str(item)}, ensure_ascii=False)
                )
            else:
                click.echo(f"error: {item}", err=True)
            continue
        extraction, src = item
        data = to_contract(mark_ocr(extraction, src))  # pages read by OCR, if any
        if fmt == "json":
            click.echo(json.dumps(data, ensure_ascii=False))
        else:
            _print_human(data)
    sys.exit(1 if failed else 0)


def _print_human(data: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    d = data["document"]
    console.rule(f"[bold]{data['source']}")
    number = d["number"] or d["number_template"] or "(không số)"
    draft = " [red](dự thảo)[/red]" if d["is_draft"] else ""
    console.print(
        f"[bold]{d['doc_type'] or '?'}[/bold] {number}{draft}"
        f" — {d['issuer'] or '?'}, {d['date'] or 'chưa ghi ngày'}"
    )
    if d["title"]:
        console.print(d["title"], markup=False)
    if data.get("ocr_pages"):
        pages = ", ".join(map(str, data["ocr_pages"]))
        console.print(
            f"[yellow]Trang {pages} đọc bằng OCR, cần đối chiếu bản giấy / "
            f"page(s) {pages} read by OCR: check them against the paper[/yellow] (OCR)"
        )
    refs = Table(
        "Số hiệu / Number",
        "Loại / Type",
        "Ngày / Date",
        "Quan hệ / Relation",
        title="Văn bản dẫn chiếu / References",
    )
    for r in data["references"]:
        refs.add_row(
            r["number"] or (r["description"] or "")[:50],
            r["doc_type"] or "",
            r["date"] or "",
            r["relation"],
        )
    console.print(refs)
    tasks = Table(
        "#",
        "Nhiệm vụ / Task",
        "Chủ trì / Lead",
        "Phối hợp / Cooperating",
        "Thời hạn / Deadline",
        title=f"Nhiệm vụ / Tasks ({len(data['tasks'])})",
    )
    for i, t in enumerate(data["tasks"], 1):
        deadline = t["deadline"] or t["deadline_text"] or ("thường xuyên" if t["recurring"] else "")
        tasks.add_row(
            str(i), t["text"][:90], "; ".join(t["lead"]), "; ".join(t["cooperating"]), deadline
        )
    console.print(tasks)
