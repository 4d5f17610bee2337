"""CLI commands, one module per command or family of commands.

Each module defines ``register(group)`` that adds its commands to the
``policy-lineage`` group; :func:`register_all` finds them by name, so adding a
command is adding a module here. Commands stay thin: parse options, call one
library function, print.

:class:`LazyGroup` registers them when they are asked for: the command named on the
command line imports its own module (``tasks`` → ``commands/tasks.py``), so a query
does not import every other command's libraries first; listing the commands (``--help``,
completion) or a name no module carries (``forget`` is in ``build.py``) registers them
all.
"""

from __future__ import annotations

import importlib
import pkgutil

import click


def _modules() -> list[str]:
    return sorted(i.name for i in pkgutil.iter_modules(__path__) if not i.name.startswith("_"))


def _register(group: click.Group, name: str) -> None:
    loaded: set[str] = group.__dict__.setdefault("_registered_modules", set())
    if name not in loaded:
        importlib.import_module(f"{__name__}.{name}").register(group)
        loaded.add(name)


def register_all(group: click.Group) -> None:
    for name in _modules():
        _register(group, name)


class LazyGroup(click.Group):
    """A group whose commands are registered from their modules when first asked for."""

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = super().get_command(ctx, cmd_name)
        if command is None and cmd_name in _modules():
            _register(self, cmd_name)
            command = super().get_command(ctx, cmd_name)
        if command is None:
            register_all(self)
            command = super().get_command(ctx, cmd_name)
        return command

    def list_commands(self, ctx: click.Context) -> list[str]:
        register_all(self)
        return super().list_commands(ctx)
