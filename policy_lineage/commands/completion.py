"""``policy-lineage completion SHELL``: the script that completes commands, options and
choices as you type (click's shell completion)."""

from __future__ import annotations

import click
from click.shell_completion import get_completion_class

SHELLS = ("bash", "zsh", "fish")
PROG = "policy-lineage"
COMPLETE_VAR = "_POLICY_LINEAGE_COMPLETE"
RC_FILES = {"bash": "~/.bashrc", "zsh": "~/.zshrc", "fish": "~/.config/fish/completions/"}


def register(group: click.Group) -> None:
    group.add_command(completion)


@click.command()
@click.argument("shell", type=click.Choice(SHELLS))
def completion(shell: str) -> None:
    """Print the shell completion script for SHELL (bash, zsh or fish).

    Load it once in this shell, or add the line to the shell's start-up file
    (~/.bashrc, ~/.zshrc) to have it always; for fish, save it as
    ~/.config/fish/completions/policy-lineage.fish.

    Example:

    \b
        eval "$(policy-lineage completion bash)"
        policy-lineage completion fish > ~/.config/fish/completions/policy-lineage.fish
    """
    from ..cli import main

    cls = get_completion_class(shell)
    assert cls is not None  # every choice is one of click's shells
    click.echo(cls(main, {}, PROG, COMPLETE_VAR).source())
