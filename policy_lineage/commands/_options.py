"""Options shared by the commands, as decorators (one spelling everywhere)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import click

STORE_ENV = "POLICY_LINEAGE_STORE"
DEFAULT_STORE = "policy-lineage.db"


def store_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--store PATH`` (env ``POLICY_LINEAGE_STORE``; default ./policy-lineage.db)."""
    return click.option(
        "--store",
        "store_path",
        type=click.Path(dir_okay=False),
        envvar=STORE_ENV,
        default=DEFAULT_STORE,
        show_default=True,
        help=f"The store file (also ${STORE_ENV}).",
    )(func)


def format_option(
    *choices: str, default: str | None = None, help: str | None = None
) -> Callable[..., Any]:
    """``--format`` with the given choices (default: the first, a table for people)."""
    choices = choices or ("table", "json", "csv")
    text = help or "Output format: a readable table, or json/csv for machines."

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        return click.option(
            "--format",
            "fmt",
            type=click.Choice(list(choices)),
            default=default or choices[0],
            show_default=True,
            help=text,
        )(func)

    return decorate


def parse_relations(value: str) -> tuple[str, ...]:
    """The document relations named in ``--relations`` (``implements,cites``), in order.

    Spaces around names and empty items are ignored; an unknown name, or none at all, is a
    :class:`click.BadParameter` naming the known ones (a usage error, exit code 2).

    >>> parse_relations("implements, cites")
    ('implements', 'cites')
    """
    from ..schema.graph_model import DOCUMENT_EDGE_KINDS

    kinds = tuple(k.strip() for k in value.split(",") if k.strip())
    bad = [k for k in kinds if k not in DOCUMENT_EDGE_KINDS]
    if bad or not kinds:
        raise click.BadParameter(
            f"{', '.join(bad) or 'nothing'}: choose from {', '.join(DOCUMENT_EDGE_KINDS)}",
            param_hint="'--relations'",
        )
    return kinds


def source_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--store PATH`` and ``--backend URI``: where a query command's answers come from."""
    from .push import backend_option

    return backend_option(store_option(func))


# The query functions answered by both the store's graph and a server, by name:
# ``queries.<module>.<name>(graph, …)`` and ``graph.server_queries.<name>(backend, …)``.
_EMBEDDED = {
    "trace": "trace",
    "tasks_from": "tasks",
    "agency_work": "agency",
    "find_overlaps": "overlaps",
}


class QuerySource:
    """The store's graph, or a server a ``push`` filled, behind one interface.

    ``graph`` is what names are resolved against and output is printed from: every
    document (read from the store's nodes table, or from the server, once);
    :meth:`run` calls the query of that name on the part of the store's graph it needs
    (:mod:`~policy_lineage.graph.store_views`: a chain, the tasks under a document, one
    body's work; the whole graph for overlaps) or on the server."""

    def __init__(self, store_path: str, backend: Any = None) -> None:
        self.store_path = store_path
        self.backend = backend
        self._graph: Any = None

    @property
    def graph(self) -> Any:
        if self._graph is None:
            if self.backend is None:
                from ..graph.store_views import documents_view

                self._graph = self._from_store(documents_view)
            else:
                from ..graph.server_queries import documents_graph

                self._graph = documents_graph(self.backend)
        return self._graph

    def _from_store(self, view: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        from ..graph.store import Store, StoreError

        try:
            with Store(self.store_path) as store:
                return view(store, *args, **kwargs)
        except StoreError as exc:
            raise click.ClickException(str(exc)) from exc  # it names the path and what to do

    def _view_for(self, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        """The part of the stored graph that query ``name`` reads."""
        from ..graph import store_views
        from ..schema.graph_model import CHAIN_EDGE_KINDS

        if name == "trace":
            kinds = kwargs.get("relations", args[2] if len(args) > 2 else CHAIN_EDGE_KINDS)
            return self._from_store(store_views.chain_view, args[0], tuple(kinds))
        if name == "tasks_from":
            return self._from_store(
                store_views.derived_view, args[0], all_agencies=kwargs.get("level") is not None
            )
        if name == "agency_work":
            return self._from_store(store_views.agency_view, args[0])
        from ._store import load_graph

        return load_graph(self.store_path)

    def run(self, name: str, *args: Any, **kwargs: Any) -> Any:
        """``name`` (trace, tasks_from, agency_work, find_overlaps) on the store or server."""
        import importlib

        if self.backend is not None:
            from ..graph import server_queries

            return getattr(server_queries, name)(self.backend, *args, **kwargs)
        module = importlib.import_module(f"..queries.{_EMBEDDED[name]}", __package__)
        return getattr(module, name)(self._view_for(name, args, kwargs), *args, **kwargs)


@contextmanager
def query_source(store_path: str, backend_uri: str | None) -> Iterator[QuerySource]:
    """The source a query command reads: the store, or the server at ``backend_uri``
    (a server that cannot be reached or holds no finished push is one line, exit 1)."""
    if not backend_uri:
        yield QuerySource(store_path)
        return
    from .push import open_server

    with open_server(backend_uri) as backend:
        yield QuerySource(store_path, backend)
