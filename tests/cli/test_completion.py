"""`policy-lineage completion SHELL` prints a script that completes the commands."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_prints_the_script(cli, shell):
    result = cli("completion", shell)
    assert result.exit_code == 0
    assert "_POLICY_LINEAGE_COMPLETE" in result.stdout


def test_completion_answers_commands_and_choices():
    """What the bash script asks the program, answered: commands, then --format choices."""
    exe = shutil.which("policy-lineage")
    if exe is None:
        pytest.skip("policy-lineage is not installed as a program")

    def complete(words: str) -> list[str]:
        env = {
            **os.environ,
            "_POLICY_LINEAGE_COMPLETE": "bash_complete",
            "COMP_WORDS": words,
            "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1)),
        }
        out = subprocess.run([exe], env=env, capture_output=True, text=True, check=True).stdout
        return [line.split(",", 1)[1] for line in out.splitlines()]

    assert {"build", "export", "sparql", "tasks"} <= set(complete("policy-lineage "))
    assert "xlsx" in complete("policy-lineage export --format ")
