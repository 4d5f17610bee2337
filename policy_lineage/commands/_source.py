"""Where a command's graph comes from: the store, or a graph server a ``push`` filled.

Every error here is one clear line and exit code 1 (:class:`click.ClickException`): a
missing or unreadable store names the path and what to do; a server that cannot be
reached, or holds no finished push, says so.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import click

from ..schema.graph_model import LineageGraph

if TYPE_CHECKING:  # the readers and servers are imported when a command needs them
    from ..queries.reader import GraphReader
    from ..servers.connections import Backend

__all__ = ["load_graph", "open_server", "query_source", "documents_graph"]


def load_graph(store_path: str) -> LineageGraph:
    """The whole graph in the store at ``store_path``."""
    from ..graph.store import StoreError
    from ..graph.store import load_graph as read_store

    try:
        return read_store(store_path)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc


def file_hashes(store_path: str) -> dict[str, str]:
    """The SHA-256 of each stored file, by its path as built (the RDF export names files by
    their content); empty when the store cannot say."""
    from contextlib import closing

    from ..graph.store import Store, StoreError

    try:
        with closing(Store(store_path)) as store:
            return {f.path: f.sha256 for f in store.files() if f.sha256}
    except (StoreError, OSError, AttributeError):
        return {}


@contextmanager
def open_server(
    uri: str,
    user: str | None = None,
    password_env: str | None = None,
    database: str | None = None,
) -> Iterator[Backend]:
    """The server at ``uri``, open for the block."""
    from ..servers.connections import ServerError, open_backend

    try:
        with open_backend(uri, user, password_env, database) as backend:
            yield backend
    except ServerError as exc:
        raise click.ClickException(str(exc)) from exc


@contextmanager
def query_source(store_path: str, backend_uri: str | None) -> Iterator[GraphReader]:
    """The read interface the queries run on, open for the block: the store (only the
    part a question touches is read), or the server at ``backend_uri``."""
    if backend_uri:
        from ..servers.connections import ServerError
        from ..servers.reader import ServerReader

        with open_server(backend_uri) as backend:
            try:
                yield ServerReader(backend)
            except ServerError as exc:
                raise click.ClickException(str(exc)) from exc
        return
    from ..graph.store import Store, StoreError
    from ..graph.store_reader import StoreReader

    try:
        with Store(store_path) as store:
            yield StoreReader(store)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc


def documents_graph(reader: GraphReader) -> LineageGraph:
    """A graph of every document the reader holds: what names are resolved against and
    answers are printed from."""
    return LineageGraph(documents=reader.documents())
