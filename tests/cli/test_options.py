"""policy_lineage/commands/_options.py: ``parse_relations``, shared by trace and viz."""

from __future__ import annotations

import doctest

import click
import pytest
from click.testing import CliRunner

from policy_lineage.cli import main
from policy_lineage.commands import _options
from policy_lineage.commands._options import parse_relations


def test_options_doctests() -> None:
    result = doctest.testmod(_options)
    assert result.attempted > 0 and result.failed == 0


@pytest.mark.parametrize(
    ("value", "kinds"),
    [
        ("implements", ("implements",)),
        ("implements,cites", ("implements", "cites")),
        (" cites , based-on,,amends ", ("cites", "based-on", "amends")),
        ("supersedes,implements", ("supersedes", "implements")),  # order kept
    ],
)
def test_parse_relations_reads_the_list(value: str, kinds: tuple[str, ...]) -> None:
    assert parse_relations(value) == kinds


@pytest.mark.parametrize(
    ("value", "named"),
    [
        ("implements,teaches", "teaches"),
        ("", "nothing"),
        (" , ", "nothing"),
        ("has-task", "has-task"),
    ],
)
def test_parse_relations_rejects(value: str, named: str) -> None:
    with pytest.raises(click.BadParameter) as info:
        parse_relations(value)
    message = info.value.format_message()
    assert named in message and "implements, supersedes, based-on, amends, cites" in message


@pytest.mark.parametrize("command", ["trace", "viz"])
def test_parse_relations_is_a_usage_error_in_both_commands(command: str, tmp_path) -> None:
    result = CliRunner().invoke(
        main,
        [
            command,
            "57-NQ/TW",
            "--relations",
            "implements,teaches",
            "--store",
            str(tmp_path / "none.db"),
        ],
    )
    assert result.exit_code == 2
    assert "Invalid value for '--relations': teaches" in result.output
