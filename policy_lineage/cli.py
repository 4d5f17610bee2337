"""The ``policy-lineage`` command. Each command parses options, calls one library
function and prints; the work lives in the packages, the commands in
``policy_lineage/commands/``, one module each, imported when the command is asked for
(:class:`~policy_lineage.commands.LazyGroup`)."""

from __future__ import annotations

import click

from .commands import LazyGroup


@click.group(cls=LazyGroup)
@click.version_option(package_name="policy-lineage")
def main() -> None:
    """Vietnamese directive documents as a knowledge graph of policy lineage."""
