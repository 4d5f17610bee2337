"""CLI commands, one module per command or family of commands.

Each module defines ``register(group)`` that adds its commands to the
``policy-lineage`` group; :func:`register_all` finds them by name, so adding a
command is adding a module here. Commands stay thin: parse options, call one
library function, print.
"""

from __future__ import annotations

import importlib
import pkgutil

import click


def register_all(group: click.Group) -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        module.register(group)
