"""The CLI imports the module of the command it runs, not every command's.

Every command is still there for ``--help``, completion and names no module carries
(``forget`` lives in ``build.py``); a query command starts without importing the build,
export, viz or server commands and the libraries behind them.
"""

from __future__ import annotations

import json
import subprocess
import sys

import click
from click.testing import CliRunner

from policy_lineage.commands import _modules, register_all

PROBE = """
import json, sys
from policy_lineage.cli import main
try:
    main({args!r}, standalone_mode=False)
except SystemExit:
    pass
commands = [m for m in sys.modules if m.startswith("policy_lineage.commands.")]
print(json.dumps(sorted(m for m in commands if not m.rsplit(".", 1)[1].startswith("_"))))
"""


def _commands_imported(args: list[str]) -> list[str]:
    out = subprocess.run(
        [sys.executable, "-c", PROBE.format(args=args)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def test_cli_startup_imports_only_the_command_run() -> None:
    assert _commands_imported(["tasks", "--help"]) == ["policy_lineage.commands.tasks"]
    assert _commands_imported(["trace", "--help"]) == ["policy_lineage.commands.trace"]


def test_cli_startup_command_of_another_name_found() -> None:
    # "forget" is registered by build.py: every module is registered to find it
    imported = _commands_imported(["forget", "--help"])
    assert "policy_lineage.commands.build" in imported


def test_cli_startup_lists_every_command() -> None:
    @click.group()
    def eager() -> None:
        """All commands registered at once, as before."""

    register_all(eager)
    from policy_lineage.cli import main

    listed = main.list_commands(click.Context(main))
    assert listed == sorted(eager.commands)
    assert {"build", "forget", "tasks", "trace", "agency", "overlaps", "export"} <= set(listed)
    assert len(_modules()) >= 10
    result = CliRunner().invoke(main, ["--help"], catch_exceptions=False)
    assert result.exit_code == 0
    for name in listed:
        assert f"  {name} " in result.output


def test_cli_startup_unknown_command_is_a_usage_error() -> None:
    from policy_lineage.cli import main

    result = CliRunner().invoke(main, ["no-such-command"])
    assert result.exit_code == 2
    assert "No such command 'no-such-command'" in result.output
