"""A build that will resolve the whole graph reads each parsed file's stored text back into
its extraction as it writes it (graph/ingest.py), and the resolve takes those instead of
reading every file again: the same extractions, in the same order, the same graph."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from policy_lineage.graph import ingest as ingest_module
from policy_lineage.graph.ingest import ingest
from policy_lineage.graph.store import Store
from policy_lineage.schema.model_json import extraction_to_dict


def _rows(path: Path) -> list[list[tuple]]:
    with sqlite3.connect(path) as conn:
        return [
            conn.execute(sql).fetchall()
            for sql in (
                "SELECT id, kind, data, owner, grp FROM nodes ORDER BY rowid",
                "SELECT seq, source, target, kind, data, owner FROM edges ORDER BY seq",
                "SELECT seq, data, owner FROM findings ORDER BY seq",
                "SELECT owner, key, info FROM keys ORDER BY owner, key, info",
            )
        ]


@pytest.fixture
def spied(monkeypatch) -> list[dict | None]:
    """What each full rebuild was given as already read."""
    given: list[dict | None] = []
    rebuild = Store.rebuild_graph

    def spy(self, table=None, aliases=None, known=None):
        given.append(None if known is None else dict(known))
        return rebuild(self, table, aliases, known)

    monkeypatch.setattr(Store, "rebuild_graph", spy)
    return given


def test_ingest_serial_known_a_new_store_is_resolved_from_what_was_written(corpus, tmp_path, spied):
    path = tmp_path / "s.db"
    with Store(path, create=True) as store:
        report = ingest(store, [str(corpus)], jobs=2)
        keys = [r.abspath for r in store.files()]  # by path, as extractions() orders them
        assert spied and spied[0] is not None and set(spied[0]) == set(keys)
        # each is the extraction the store gives back for that file
        stored = dict(zip(keys, store.extractions(), strict=True))
        for key, ex in spied[0].items():
            assert extraction_to_dict(ex) == extraction_to_dict(stored[key])
    assert len(report.parsed) == 5
    built = _rows(path)
    with Store(path) as store:  # the same graph when every file is read from the store
        store.rebuild_graph()
    assert spied[-1] is None
    assert _rows(path) == built


def test_ingest_serial_known_mixed_with_files_read_from_the_store(corpus, tmp_path):
    """Some files already stored, some given as read: the list is the store's, in its order."""
    path = tmp_path / "s.db"
    with Store(path, create=True) as store:
        ingest(store, [str(corpus)])
        every = store.extractions()
        keys = [r.abspath for r in store.files()]  # by path, as extractions() orders them
        some = {keys[i]: every[i] for i in (0, 2, 3)}
        mixed = store.extractions(some)
        assert [extraction_to_dict(e) for e in mixed] == [extraction_to_dict(e) for e in every]
        assert all(mixed[i] is some[keys[i]] for i in (0, 2, 3))  # taken, not read again


def test_ingest_serial_known_not_for_a_change_resolved_locally(corpus, tmp_path, spied):
    folder = tmp_path / "c"
    shutil.copytree(corpus, folder)
    path = tmp_path / "s.db"
    with Store(path, create=True) as store:
        ingest(store, [str(folder)])
        assert not ingest_module._resolved_whole(store, None)
        first = next(iter(sorted(folder.iterdir())))
        first.write_text(first.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        report = ingest(store, [str(folder)])
        assert report.parsed and report.update.full is None  # resolved locally
    assert len(spied) == 1  # the first build's only


def test_ingest_serial_known_from_the_group_that_makes_the_change_too_large(
    corpus, tmp_path, spied, monkeypatch
):
    """30 files changed of 35: a full rebuild. The groups written before the share was
    passed are read from the store, the others taken as read; the graph is the same."""
    folder = tmp_path / "c"
    shutil.copytree(corpus, folder)
    source = sorted(folder.iterdir())[0]
    text = source.read_text(encoding="utf-8")
    for i in range(30):
        (folder / f"copy-{i:02d}{source.suffix}").write_text(text + f"\n{i}\n", "utf-8")
    path = tmp_path / "s.db"
    with Store(path, create=True) as store:
        ingest(store, [str(folder)])
        for i in range(30):  # each copy changed: 30 files to parse again
            copy = folder / f"copy-{i:02d}{source.suffix}"
            copy.write_text(text + f"\n{i} {i}\n", "utf-8")
        monkeypatch.setattr(ingest_module, "BATCH_FILES", 8)
        report = ingest(store, [str(folder)])
        assert len(report.parsed) == 30 and report.update.full
    assert len(spied) == 2
    assert spied[1] is not None and 0 < len(spied[1]) < 30  # from the third group on
    built = _rows(path)
    with Store(path) as store:
        store.rebuild_graph()
    assert _rows(path) == built
