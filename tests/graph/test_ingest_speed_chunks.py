"""Files sent to the workers a few at a time (graph/ingest.py, ``CHUNK_FILES`` after
``CHUNK_AFTER`` sent one by one) are stored and resolved as when each went alone: the same
rows, the same graph, a failing file inside a chunk reported alone."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor

import pytest

from policy_lineage.graph import ingest as ingest_module
from policy_lineage.graph.ingest import ingest
from policy_lineage.graph.store import Store


def _rows(store: Store) -> dict[str, list]:
    q = store.conn.execute
    return {
        "files": q(
            "SELECT abspath, sha256, extraction, error FROM files ORDER BY abspath"
        ).fetchall(),
        "nodes": sorted(q("SELECT id, kind, data FROM nodes").fetchall()),
        "edges": sorted(q("SELECT source, target, kind, data FROM edges").fetchall()),
        "findings": sorted(q("SELECT data FROM findings").fetchall()),
    }


def _build(folder, db, jobs: int, progress=None) -> tuple[dict, object]:
    with Store(db, create=True) as store:
        report = ingest(store, [str(folder)], jobs=jobs, progress=progress)
        return _rows(store), report


@pytest.fixture
def many(distinct_copies):
    folder = distinct_copies(23)
    (folder / "011-broken.docx").write_bytes(b"not a zip at all")  # fails inside a chunk
    return folder


def test_ingest_speed_chunks_store_what_single_files_store(many, tmp_path, monkeypatch):
    alone, report_alone = _build(many, tmp_path / "a.db", jobs=1)
    sizes: list[int] = []
    submit = ProcessPoolExecutor.submit

    def counted(self, fn, *args, **kwargs):
        sizes.append(len(args[0]) if fn is ingest_module._parse_many else 1)
        return submit(self, fn, *args, **kwargs)

    monkeypatch.setattr(ProcessPoolExecutor, "submit", counted)
    monkeypatch.setattr(ingest_module, "CHUNK_AFTER", 5)
    monkeypatch.setattr(ingest_module, "CHUNK_FILES", 3)
    events: list[tuple[str, str]] = []
    chunked, report = _build(
        many, tmp_path / "b.db", jobs=2, progress=lambda p, w: events.append((p, w))
    )
    assert sizes[:5] == [1] * 5 and set(sizes[5:]) <= {1, 2, 3} and 3 in sizes
    assert sum(sizes) == 24
    assert chunked == alone
    assert sorted(report.parsed) == sorted(report_alone.parsed) and len(report.parsed) == 23
    assert [p for p, _ in report.failed] == [str(many / "011-broken.docx")]
    assert report.failed == report_alone.failed
    # each file's progress said once
    parsed = [p for p, w in events if w in ("parsed", "failed")]
    assert sorted(parsed) == sorted(report.parsed + [p for p, _ in report.failed])


def test_ingest_speed_chunks_parse_many_is_parse_of_each(many) -> None:
    paths = [str(p) for p in sorted(many.iterdir())[9:13]]
    table = ingest_module.default_table()
    ingest_module._WORKER_TABLE = table
    try:
        assert ingest_module._parse_many(paths) == [ingest_module._parse(p) for p in paths]
    finally:
        ingest_module._WORKER_TABLE = None
