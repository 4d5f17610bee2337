"""Markdown's line structures repeated 20,000 times read in bounded time.

A .md file is read for pandoc's tables (loaders/pandoc_tables.py), then seen through the
Markdown view (loaders/markup.py), whose table, escape and list passes look at each line a
bounded number of times. A pass that scanned a table's rows again for every rule line it met
took 130 s on 20,000 lines of one-column tables (fixed); on the same machine each structure
now takes well under a second. The bound is a hang guard in a child process, not a speed
target.
"""

from __future__ import annotations

from fuzzcases import MARKDOWN_ATTACKS, run_bounded

LINES = 20_000
PER_ATTACK_BOUND = 20.0  # seconds; a linear pass takes a fraction of one
CHILD_BOUND = 240.0


def test_markdown_structures_repeated_read_in_bounds() -> None:
    run = run_bounded(
        ["markdown", str(LINES), str(PER_ATTACK_BOUND)], timeout=CHILD_BOUND, memory_mb=2048
    )
    assert not run.timed_out, f"the child hung past {CHILD_BOUND} s: {run.stderr}"
    assert run.returncode == 0, run.stderr
    slow = sorted(name for name, t in run.answer["times"].items() if t < 0)
    assert not slow, f"past {PER_ATTACK_BOUND} s on {LINES:,} lines: {slow}"
    assert set(run.answer["times"]) == set(MARKDOWN_ATTACKS)
