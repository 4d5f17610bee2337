"""Reading the graph from the store for a command: a store error is one clear line, exit 1."""

from __future__ import annotations

import click

from ..schema.graph_model import LineageGraph


def load_graph(store_path: str) -> LineageGraph:
    """The lineage graph in ``store_path``; :class:`click.ClickException` if it cannot be read."""
    from ..graph.store import StoreError
    from ..graph.store import load_graph as load

    try:
        return load(store_path)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc  # it names the path and what to do
