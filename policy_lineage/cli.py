"""The ``policy-lineage`` command. Each command parses options, calls one library
function and prints; the work lives in the packages, the commands in
``policy_lineage/commands/``, one module each."""

from __future__ import annotations

import click

from .commands import register_all


@click.group()
@click.version_option(package_name="policy-lineage")
def main() -> None:
    """Vietnamese directive documents as a knowledge graph of policy lineage."""


register_all(main)
