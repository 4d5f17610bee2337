"""The embedded store: incremental builds, one file's facts replaced alone, files dropped,
bad files reported by name, and a killed build that loses nothing already committed."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from policy_lineage.cli import main
from policy_lineage.graph.store import Store, StoreError, load_graph

PLAN_2025_06 = "2025-06_kh-ubnd_trien-khai-kh-359-tu_du-thao.txt"


@pytest.fixture
def corpus(corpus, tmp_path):
    """A copy of the bundled corpus that a test may change."""
    folder = tmp_path / "corpus"
    shutil.copytree(corpus, folder)
    return folder


def build(store: Path, *args: str) -> dict:
    result = CliRunner().invoke(
        main, ["build", *map(str, args), "--store", str(store), "--format", "json", "--jobs", "1"]
    )
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def test_building_twice_changes_nothing_and_parses_nothing(tmp_path, corpus):
    store = tmp_path / "s.db"
    first = build(store, corpus)
    assert first["files"]["parsed"] == 5
    assert (first["documents_in_corpus"], first["tasks"]) == (5, 109)
    graph_before = load_graph(store).to_node_link()
    second = build(store, corpus)
    assert second["files"] == {**first["files"], "parsed": 0, "unchanged": 5}
    assert load_graph(store).to_node_link() == graph_before
    # the summary of a build with nothing to do is counted in the store: the same figures
    assert {k: v for k, v in second.items() if k != "files"} == {
        k: v for k, v in first.items() if k != "files"
    }
    assert second["findings"] and second["edges_by_kind"]["implements"] > 0


def test_a_changed_file_replaces_its_own_facts_and_nothing_else(tmp_path, corpus):
    store = tmp_path / "s.db"
    build(store, corpus)
    before = load_graph(store)
    plan = corpus / PLAN_2025_06
    plan.write_text(plan.read_text("utf-8").replace("359-KH/TU", "360-KH/TU"), "utf-8")
    summary = build(store, corpus)
    assert (summary["files"]["parsed"], summary["files"]["unchanged"]) == (1, 4)
    after = load_graph(store)
    numbers = {d.number for d in after.documents.values()}
    assert "360-KH/TU" in numbers and "359-KH/TU" not in numbers
    others = lambda g: sorted(  # noqa: E731
        t.id for t in g.tasks.values() if not t.source.endswith(PLAN_2025_06)
    )
    assert others(after) == others(before)


def test_a_removed_file_is_reported_then_dropped_on_request(tmp_path, corpus):
    store = tmp_path / "s.db"
    build(store, corpus)
    (corpus / PLAN_2025_06).unlink()
    summary = build(store, corpus)
    assert [Path(p).name for p in summary["files"]["missing"]] == [PLAN_2025_06]
    assert summary["documents_in_corpus"] == 5  # kept until asked
    result = CliRunner().invoke(main, ["forget", "--missing", "--store", str(store)])
    assert result.exit_code == 0, result.output
    graph = load_graph(store)
    assert sum(d.in_corpus for d in graph.documents.values()) == 4
    assert "359-KH/TU" not in {d.number for d in graph.documents.values()}


def test_prune_drops_files_gone_from_the_folder(tmp_path, corpus):
    store = tmp_path / "s.db"
    build(store, corpus)
    (corpus / PLAN_2025_06).unlink()
    summary = build(store, corpus, "--prune")
    assert [Path(p).name for p in summary["files"]["pruned"]] == [PLAN_2025_06]
    assert summary["documents_in_corpus"] == 4


def test_forget_a_file_by_its_path(tmp_path, corpus):
    store = tmp_path / "s.db"
    build(store, corpus)
    result = CliRunner().invoke(main, ["forget", str(corpus / PLAN_2025_06), "--store", str(store)])
    assert result.exit_code == 0 and "forgot 1 file" in result.output
    assert sum(d.in_corpus for d in load_graph(store).documents.values()) == 4


def test_a_copied_file_is_not_parsed_again(tmp_path, corpus):
    store = tmp_path / "s.db"
    build(store, corpus)
    shutil.copy(corpus / PLAN_2025_06, corpus / "copy.txt")
    summary = build(store, corpus)
    assert (summary["files"]["parsed"], summary["files"]["reused"]) == (0, 1)
    kinds = [f["kind"] for f in summary["findings"]]
    assert "document_two_files" in kinds


def test_a_bad_file_is_named_and_the_rest_is_ingested(tmp_path, corpus):
    store = tmp_path / "s.db"
    (corpus / "broken.docx").write_bytes(b"PK\x03\x04 not really a docx")
    result = CliRunner().invoke(main, ["build", str(corpus), "--store", str(store), "--jobs", "1"])
    assert result.exit_code == 1
    assert "broken.docx" in result.stderr
    assert sum(d.in_corpus for d in load_graph(store).documents.values()) == 5


def test_a_good_file_that_turns_bad_keeps_its_last_good_facts(tmp_path, corpus):
    store = tmp_path / "s.db"
    build(store, corpus)
    plan = corpus / PLAN_2025_06
    plan.write_bytes(b"")  # emptied by a failed copy
    summary = build(store, corpus)
    assert summary["files"]["failed"] == 1
    assert [Path(p).name for p in summary["files"]["kept_previous"]] == [PLAN_2025_06]
    assert "359-KH/TU" in {d.number for d in load_graph(store).documents.values()}


def test_no_store_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="run `policy-lineage build"):
        load_graph(tmp_path / "none.db")
    bad = tmp_path / "bad.db"
    bad.write_text("not sqlite at all, just text " * 100)
    with pytest.raises(StoreError, match="not a policy-lineage store"):
        load_graph(bad)


def _many_files(corpus: Path, folder: Path, n: int) -> None:
    """n distinct files (distinct bytes, so none is a copy of another)."""
    folder.mkdir()
    sources = sorted(corpus.glob("*.txt"))
    for i in range(n):
        text = sources[i % len(sources)].read_text("utf-8")
        (folder / f"{i:03d}.txt").write_text(text + f"\nBản sao số {i}.\n", "utf-8")


def _children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(entry.name))
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _stored_files(store: Path) -> int:
    if not store.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{store}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM files").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


_SLOW_BUILD = """
import time
from policy_lineage.graph import ingest

_real = ingest._parse


def _slow(path, table=None):
    time.sleep(0.05)
    return _real(path, table)


ingest._parse = _slow
from policy_lineage.cli import main

main(prog_name="policy-lineage")
"""


@pytest.mark.parametrize(
    "sig, jobs", [(signal.SIGKILL, "1"), (signal.SIGINT, "1"), (signal.SIGKILL, "2")]
)
def test_a_killed_build_keeps_every_file_completed_before_the_kill(corpus, tmp_path, sig, jobs):
    folder, store = tmp_path / "many", tmp_path / "s.db"
    total = 150
    _many_files(corpus, folder, total)
    # each file takes at least 50 ms to parse here (the build runs through a script that
    # slows the parser, inherited by forked workers), so the 150 files need 7 s or more and
    # the kill lands while the build is parsing; parsed at full speed, an unhurried machine
    # stored every file before the kill was handled (the test failed now and then)
    slow = tmp_path / "slow_build.py"
    slow.write_text(_SLOW_BUILD, "utf-8")
    cmd = [sys.executable, str(slow), "build", str(folder), "--store", str(store)]
    proc = subprocess.Popen(
        [*cmd, "--jobs", jobs],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    deadline = time.monotonic() + 120
    while _stored_files(store) < 3 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None, "the build finished before it could be killed"
    workers = _children(proc.pid)
    proc.send_signal(sig)
    proc.wait(timeout=60)
    # no worker outlives its build, even one killed without warning
    deadline = time.monotonic() + 30
    while [p for p in workers if _alive(p)] and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [p for p in workers if _alive(p)], "worker processes outlived the build"

    with Store(store) as s:
        assert s.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        done = s.files()
        assert 3 <= len(done) < total
        for ex in s.extractions():  # every stored file is whole
            assert ex.document.doc_type and ex.tasks
    graph = load_graph(store)  # the interrupted graph is resolved again on open
    kinds = {int(Path(r.path).stem) % 5 for r in done}  # file i is a copy of document i % 5
    assert sum(d.in_corpus for d in graph.documents.values()) == len(kinds)

    summary = build(store, folder)  # a re-run finishes the job
    assert summary["files"]["unchanged"] == len(done)
    assert summary["files"]["parsed"] == total - len(done)


def test_files_are_read_again_when_the_reader_changes(tmp_path, corpus, monkeypatch):
    """A fixed or upgraded reader must not keep serving the old reader's facts."""
    from policy_lineage.graph import ingest as ingest_module

    store = tmp_path / "s.db"
    assert build(store, corpus)["files"]["parsed"] == 5
    assert build(store, corpus)["files"]["parsed"] == 0
    monkeypatch.setattr(ingest_module, "extractor_fingerprint", lambda: "a newer reader")
    assert build(store, corpus)["files"]["parsed"] == 5
    again = build(store, corpus)["files"]
    assert (again["parsed"], again["unchanged"]) == (0, 5)


def test_a_store_from_before_the_reader_column_opens_and_reads_its_files_again(tmp_path, corpus):
    store = tmp_path / "old.db"
    build(store, corpus)
    with sqlite3.connect(store) as conn:  # as stores were written before the column existed
        conn.execute("DROP INDEX files_meta")  # (and before the index over it)
        conn.execute("ALTER TABLE files DROP COLUMN extractor")
    summary = build(store, corpus)
    assert summary["files"]["parsed"] == 5 and summary["documents_in_corpus"] == 5


def test_a_settled_file_with_the_same_stat_is_not_read_again_and_a_rewrite_is(
    tmp_path, corpus, monkeypatch
):
    """An unchanged build does not read every file to hash it: a file whose size, times and
    inode are the ones stored (and that was settled when stored) is unchanged; any write
    changes its change time, even one that puts the old modification time back."""
    from policy_lineage.graph import ingest as ingest_module

    store = tmp_path / "s.db"
    build(store, corpus)  # just written: too recent for its stat to vouch for it
    later = ingest_module.time.time_ns() + 10_000_000_000
    monkeypatch.setattr(ingest_module.time, "time_ns", lambda: later)
    assert build(store, corpus)["files"]["unchanged"] == 5  # hashed; stats remembered

    def no_reading(path):
        raise AssertionError(f"{path} was read to be hashed")

    monkeypatch.setattr(ingest_module, "file_sha256", no_reading)
    assert build(store, corpus)["files"]["unchanged"] == 5
    monkeypatch.undo()
    plan = corpus / PLAN_2025_06
    st = plan.stat()
    plan.write_text(plan.read_text("utf-8").replace("359-KH/TU", "360-KH/TU"), "utf-8")
    os.utime(plan, ns=(st.st_atime_ns, st.st_mtime_ns))  # same size, same mtime
    assert plan.stat().st_size == st.st_size
    summary = build(store, corpus)
    assert (summary["files"]["parsed"], summary["files"]["unchanged"]) == (1, 4)


def test_a_build_of_some_files_reads_only_the_stored_files_they_can_touch(
    corpus: Path, tmp_path: Path
) -> None:
    """`files_under` gives the stored files that are a root, below a folder root or members
    of an archive root, and nothing beside them; a build of one file of a stored folder
    leaves the others as they are (none reported missing or changed)."""
    import zipfile

    from policy_lineage.graph.store import abspath

    store = tmp_path / "s.db"
    other = tmp_path / "corpus-2"  # a folder whose name starts like the corpus's
    other.mkdir()
    shutil.copy(corpus / PLAN_2025_06, other / "plan.txt")
    with zipfile.ZipFile(tmp_path / "a.zip", "w") as z:
        z.write(corpus / PLAN_2025_06, "trong/plan.txt")
    build(store, corpus, other, tmp_path / "a.zip")
    with Store(store) as s:
        every = s.files()
        under = s.files_under([abspath(str(corpus))])
        one = s.files_under([abspath(str(corpus / PLAN_2025_06))])
        members = s.files_under([abspath(str(tmp_path / "a.zip"))])
    assert [r.abspath for r in under] == sorted(
        (r.abspath for r in every if r.abspath.startswith(abspath(str(corpus)) + os.sep)),
        key=lambda a: next(r.path for r in every if r.abspath == a),
    )
    assert len(under) == 5 and [r.path for r in one] == [str(corpus / PLAN_2025_06)]
    assert len(members) == 1 and members[0].abspath.startswith(abspath(str(tmp_path / "a.zip")))
    (corpus / PLAN_2025_06).write_text(
        (corpus / PLAN_2025_06).read_text("utf-8") + "\nBổ sung.\n", "utf-8"
    )
    summary = build(store, corpus / PLAN_2025_06)
    assert summary["files"]["parsed"] == 1 and not summary["files"].get("missing")
    with Store(store) as s:
        assert len(s.files()) == len(every)


def test_the_files_a_build_reads_come_from_an_index_not_past_each_extraction(tmp_path):
    """Listing the stored files under a folder (every build does, for a country's ten
    thousand files) reads the index over their columns, not each row with its extraction
    text in it."""
    from policy_lineage.graph.store import Store

    with Store(tmp_path / "s.db", create=True) as store:
        plan = store.conn.execute(
            "EXPLAIN QUERY PLAN SELECT abspath, path, sha256, size, ingested_at, error, "
            "extractor, stat FROM files WHERE abspath > ? AND abspath < ?",
            ("/a/", "/a/\U0010ffff"),
        ).fetchall()
    assert any("COVERING INDEX files_meta" in row[-1] for row in plan)
