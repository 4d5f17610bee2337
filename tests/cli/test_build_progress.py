"""The build's progress bar: counts, rate and time left over the known number of files,
then a line for the graph resolution step. Drawn on a terminal only; here on a console
that says it is one."""

from __future__ import annotations

import io

from rich.console import Console

from policy_lineage.commands.build import RESOLVING, build_progress


def test_build_progress_counts_files_and_says_when_it_resolves():
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=200, color_system=None)
    bar, note = build_progress(3, console=console)
    with bar:
        for i in range(3):
            note(f"examples/dong-thap/{i}.txt", "parsed")
        task = bar.tasks[0]
        assert (task.completed, task.total) == (3, 3)
        assert "parsed: examples/dong-thap/2.txt" in task.description
        bar.refresh()
        note("", "resolving")
        assert bar.tasks[0].description == RESOLVING
        bar.refresh()
    text = out.getvalue()
    assert "3/3" in text
    assert "files/s" in text
    assert RESOLVING in text


def test_build_is_quiet_when_not_a_terminal(cli, corpus, tmp_path):
    result = cli("build", corpus, "--store", tmp_path / "s.db", "--jobs", "1")
    assert result.exit_code == 0
    assert "files/s" not in result.output and RESOLVING not in result.output


def test_ingest_notes_the_resolution_step(corpus, tmp_path):
    from policy_lineage.graph.ingest import ingest
    from policy_lineage.graph.store import Store

    seen: list[tuple[str, str]] = []
    with Store(tmp_path / "s.db", create=True) as store:
        ingest(store, [str(corpus)], jobs=1, progress=lambda p, w: seen.append((p, w)))
    files = [w for p, w in seen if p]
    assert len(files) == 5 and seen[-1] == ("", "resolving")
