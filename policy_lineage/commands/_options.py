"""Options shared by the commands, as decorators (one spelling everywhere)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

STORE_ENV = "POLICY_LINEAGE_STORE"
DEFAULT_STORE = "policy-lineage.db"
BACKEND_ENV = "POLICY_LINEAGE_BACKEND"


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


def backend_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--backend URI`` (env ``POLICY_LINEAGE_BACKEND``): answer on a graph server."""
    return click.option(
        "--backend",
        "backend_uri",
        envvar=BACKEND_ENV,
        metavar="URI",
        help="Answer from a graph server a `push` filled (bolt://, neo4j://, falkordb://, "
        f"falkordb+unix://, falkordb+embedded://) instead of the store (also ${BACKEND_ENV}).",
    )(func)


def source_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--store PATH`` and ``--backend URI``: where a query command's answers come from."""
    return backend_option(store_option(func))
