"""`build`: ingest files into the store; `forget`: drop files from it."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from typing import Any

import click

from ._options import format_option, store_option


def register(group: click.Group) -> None:
    group.add_command(build)
    group.add_command(forget)


RESOLVING = "đang hợp nhất đồ thị / resolving the graph"


def _rate_column() -> Any:
    """A rich column: files per second so far (rich's own speed column counts bytes)."""
    from rich.progress import ProgressColumn
    from rich.text import Text

    class Rate(ProgressColumn):
        def render(self, task: Any) -> Text:
            speed = task.finished_speed or task.speed
            return Text("" if speed is None else f"{speed:.1f} tệp/s · files/s")

    return Rate()


def build_progress(total: int, console: Any = None) -> tuple[Any, Callable[[str, str], None]]:
    """A progress bar over ``total`` files (count, bar, rate, time left, the file at
    hand) and the ``note(path, what)`` that ``ingest`` calls: once per file, then once
    with ``"resolving"`` before the graph is resolved, which the bar then says."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    bar = Progress(
        SpinnerColumn(),
        TextColumn("tệp / files"),
        BarColumn(),
        MofNCompleteColumn(),
        _rate_column(),
        TextColumn("còn / left"),
        TimeRemainingColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        transient=True,
        console=console,
    )
    task = bar.add_task("", total=total or None)

    def note(path: str, what: str) -> None:
        if what == "resolving":
            bar.update(task, completed=total, description=RESOLVING)
            bar.console.print(f"{RESOLVING} …", highlight=False)
            return
        bar.update(task, advance=1, description=f"{what}: {_short(path)}")

    return bar, note


def _short(path: str, limit: int = 50) -> str:
    return path if len(path) <= limit else "…" + path[-(limit - 1) :]


@click.command()
@click.argument("paths", nargs=-1, required=True)
@store_option
@click.option(
    "--aliases",
    "--rules",
    "aliases",
    type=click.Path(exists=True, dir_okay=False),
    help="A JSON file of extra bodies, aliases and rule words (as for `extract`).",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    help="Worker processes for parsing; 0 = one per core.",
)
@click.option(
    "--prune", is_flag=True, help="Drop files that are in the store but gone from these folders."
)
@format_option("table", "json")
def build(
    paths: tuple[str, ...],
    store_path: str,
    aliases: str | None,
    jobs: int,
    prune: bool,
    fmt: str,
) -> None:
    """Ingest FILES or DIRECTORIES into the store and resolve the lineage graph.

    Only new or changed files are parsed (by content hash); a file that cannot be
    read is reported by name and the others are still ingested (exit code 1).

    Example:

        policy-lineage build examples/dong-thap
    """
    from ..graph.ingest import ingest
    from ..graph.store import Store, StoreError

    jobs = jobs or (os.cpu_count() or 1)
    show = sys.stderr.isatty() and fmt == "table"
    try:
        with Store(store_path, create=True) as store:
            if show:  # pragma: no cover - a terminal
                from ..loaders.readers import iter_paths

                bar, note = build_progress(sum(1 for _ in iter_paths(paths)))
                with bar:
                    report = ingest(store, paths, aliases, jobs, prune, note)
            else:
                report = ingest(store, paths, aliases, jobs, prune)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    summary = build_summary(report, store_path)
    if fmt == "json":
        click.echo(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        _print_summary(summary)
    for _, error in report.failed:
        click.echo(f"error: {error}", err=True)
    sys.exit(1 if report.failed else 0)


def build_summary(report: Any, store_path: str) -> dict[str, Any]:
    counts = report.counts
    return {
        "store": store_path,
        "files": {
            "parsed": len(report.parsed),
            "unchanged": len(report.unchanged),
            "reused": len(report.reused),
            "failed": len(report.failed),
            "kept_previous": report.kept_previous,
            "missing": report.missing,
            "pruned": report.pruned,
        },
        **counts,
        "findings": [f.__dict__ for f in report.findings],
    }


def _print_summary(s: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console()
    f = s["files"]
    console.print(
        f"[bold]{s['store']}[/bold]: {f['parsed']} tệp đã đọc / parsed, "
        f"{f['unchanged']} không đổi / unchanged, {f['reused']} bản sao / copies, "
        f"{f['failed']} lỗi / failed"
    )
    table = Table("Mục / What", "Số lượng / Count", title="Đồ thị / Graph")
    table.add_row(
        "Văn bản / Documents",
        f"{s['documents']} ({s['documents_in_corpus']} trong kho / in corpus, "
        f"{s['documents_cited_only']} chỉ được dẫn chiếu / cited only)",
    )
    table.add_row("Cơ quan / Bodies", str(s["agencies"]))
    table.add_row("Nhiệm vụ / Tasks", str(s["tasks"]))
    table.add_row("Quan hệ / Edges", str(s["edges"]))
    for kind, n in s["edges_by_kind"].items():
        table.add_row(f"  {kind}", str(n))
    table.add_row("Phát hiện / Findings", str(len(s["findings"])))
    console.print(table)
    for finding in s["findings"]:
        console.print(Text("! ", style="yellow") + Text(finding["message"]), highlight=False)
    if f["missing"]:
        console.print(
            f"{len(f['missing'])} tệp không còn trên đĩa / files gone from disk "
            "(drop them with --prune or `policy-lineage forget --missing`):"
        )
        for path in f["missing"]:
            console.print(f"  {path}", markup=False)


@click.command()
@click.argument("paths", nargs=-1)
@store_option
@click.option("--missing", is_flag=True, help="Drop every stored file that is gone from disk.")
def forget(paths: tuple[str, ...], store_path: str, missing: bool) -> None:
    """Drop FILES (or everything under DIRECTORIES) from the store, and re-resolve the graph.

    Example:

        policy-lineage forget examples/dong-thap/old-plan.txt
    """
    from ..graph.store import Store, StoreError, abspath, exists, is_under

    if not paths and not missing:
        raise click.UsageError("give files or folders to forget, or --missing")
    try:
        with Store(store_path) as store:
            roots = [abspath(p) for p in paths]
            drop = []
            for rec in store.files():
                gone = missing and not exists(rec.abspath)
                under = any(is_under(rec.abspath, r) for r in roots)
                if gone or under or rec.path in paths:
                    drop.append(rec.abspath)
            dropped = store.forget(drop)
            graph = store.graph()  # re-resolved when anything was dropped
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"forgot {dropped} file(s); the graph now has {len(graph.documents)} documents")
    if paths and not dropped:
        click.echo("none of these files is in the store", err=True)
        sys.exit(1)
