"""The walk feeds the workers as it goes (graph/ingest.py): files are parsed while the
others are still hashed, and what a build decides per file is what it decided when every
file was hashed first (content parsed in this build is parsed again for each copy)."""

from __future__ import annotations

import shutil

from policy_lineage.graph import ingest as ingest_module
from policy_lineage.graph.ingest import ingest
from policy_lineage.graph.store import Store


def test_ingest_serial_walk_files_are_parsed_while_others_are_hashed(
    distinct_copies, tmp_path, monkeypatch
):
    folder = distinct_copies(30)
    events: list[str] = []
    hash_file = ingest_module.file_sha256

    def hashed(path: str) -> tuple[str, int]:
        events.append("hash")
        return hash_file(path)

    monkeypatch.setattr(ingest_module, "file_sha256", hashed)
    monkeypatch.setattr(ingest_module, "BATCH_FILES", 1)  # each file written as it comes
    with Store(tmp_path / "s.db", create=True) as store:
        report = ingest(
            store, [str(folder)], jobs=2, progress=lambda path, what: events.append(what)
        )
    assert len(report.parsed) == 30 and not report.failed
    assert events.count("hash") == 30
    last_hash = len(events) - 1 - events[::-1].index("hash")
    assert events.index("parsed") < last_hash  # the first parsed before the last hashed


def test_ingest_serial_walk_copies_new_in_one_build_are_each_parsed(corpus, tmp_path):
    folder = tmp_path / "c"
    shutil.copytree(corpus, folder)
    files = sorted(p for p in folder.iterdir() if p.suffix == ".txt")
    for i in range(12):  # copies of one content, found after it by the walk
        shutil.copy(files[0], folder / f"z-copy-{i:02d}.txt")
    with Store(tmp_path / "s.db", create=True) as store:
        report = ingest(store, [str(folder)], jobs=2)
        assert len(report.parsed) == 5 + 12 and not report.reused
        shutil.copy(files[0], folder / "z-later.txt")  # a copy of stored content: reused
        again = ingest(store, [str(folder)], jobs=2)
        assert (again.parsed, again.reused) == ([], [str(folder / "z-later.txt")])


def test_ingest_serial_walk_a_parsed_file_is_stored_with_its_stat(corpus, tmp_path, monkeypatch):
    """A settled file parsed in a build is written with the stat its bytes were hashed
    under (not its row rewritten after), and the next build does not read it to hash it."""
    folder = tmp_path / "c"
    shutil.copytree(corpus, folder)
    later = ingest_module.time.time_ns() + 10_000_000_000  # every file settled
    monkeypatch.setattr(ingest_module.time, "time_ns", lambda: later)
    set_stats = Store.set_stats
    asked: list[list] = []

    def spy(self, stats):
        asked.append(list(stats))
        return set_stats(self, asked[-1])

    monkeypatch.setattr(Store, "set_stats", spy)
    with Store(tmp_path / "s.db", create=True) as store:
        report = ingest(store, [str(folder)], jobs=2)
        assert len(report.parsed) == 5
        assert not asked  # nothing left to remember after
        for rec in store.files():
            st = (folder / rec.path.rsplit("/", 1)[-1]).stat()
            assert rec.stat == f"{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}"

        def no_reading(path):
            raise AssertionError(f"{path} was read to be hashed")

        monkeypatch.setattr(ingest_module, "file_sha256", no_reading)
        again = ingest(store, [str(folder)], jobs=2)
        assert (len(again.unchanged), again.parsed) == (5, [])
