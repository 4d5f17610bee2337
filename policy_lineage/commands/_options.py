"""Options shared by the commands, as decorators (one spelling everywhere)."""

from __future__ import annotations

from collections.abc import Callable
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
