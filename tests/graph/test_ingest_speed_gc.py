"""A worker collects its cyclic garbage after each file (graph/ingest.py, ``_collected``),
not in the middle of one: a file's garbage cycles are gone when its result is sent, every
``FULL_COLLECTION_EVERY`` files all generations are collected, and a file parsed in the
build's own process leaves that process's collector alone."""

from __future__ import annotations

import gc
import multiprocessing
import weakref

import pytest

from policy_lineage.graph import ingest as ingest_module


class _Node:
    """A garbage cycle's member that can be watched (a weak reference)."""

    def __init__(self) -> None:
        self.me = self


def _in_a_worker(paths: list[str]) -> dict:
    """Run in a forked process: what a pool worker does, with a garbage cycle made before
    each file (as an extraction leaves its outline behind)."""
    ingest_module._worker_init(None)
    out = {"threshold": gc.get_threshold(), "alive_after": [], "full": 0}
    gc.callbacks.append(
        lambda phase, info: (
            phase == "stop" and info["generation"] == 2 and out.__setitem__("full", out["full"] + 1)
        )
    )
    for path in paths:
        cycle = _Node()
        watch = weakref.ref(cycle)
        del cycle  # garbage now, but only the cycle collector can free it
        result = ingest_module._parse(path)
        out["alive_after"].append(watch() is not None)
        out.setdefault("results", []).append(result)
    out["young"] = gc.get_count()[0]
    return out


def test_ingest_speed_gc_a_worker_collects_after_each_file(corpus, monkeypatch) -> None:
    paths = [str(p) for p in sorted(corpus.glob("*.txt"))][:4]
    monkeypatch.setattr(ingest_module, "FULL_COLLECTION_EVERY", 2)  # forked with it
    with multiprocessing.get_context("fork").Pool(1) as pool:
        out = pool.apply(_in_a_worker, (paths,))
    assert out["threshold"][0] == 200_000
    assert out["alive_after"] == [False] * 4  # each file's garbage collected after it
    assert out["full"] == 2  # files 2 and 4: every generation
    assert out["young"] < 1_000  # nothing left waiting in the young generation
    table = ingest_module.default_table()
    assert out["results"] == [ingest_module._parse(p, table) for p in paths]


def test_ingest_speed_gc_in_process_parse_leaves_the_collector_alone(corpus) -> None:
    path = str(sorted(corpus.glob("*.txt"))[0])
    table = ingest_module.default_table()
    gc.disable()  # so that only an explicit collection could free the cycle
    try:
        cycle = _Node()
        watch = weakref.ref(cycle)
        del cycle
        ingest_module._parse(path, table)
        assert watch() is not None  # no collection made here
    finally:
        gc.enable()
        gc.collect()
    assert watch() is None


def test_ingest_speed_gc_build_process_threshold_raised_while_parsing(
    corpus, tmp_path, monkeypatch
):
    """While the files come the build's process collects its young generation every
    100,000 objects; its own thresholds are back after, also when the build fails."""
    from policy_lineage.graph.store import Store

    seen: list[tuple[int, int, int]] = []
    parse = ingest_module._parse

    def watched(path: str, table=None):
        seen.append(gc.get_threshold())
        return parse(path, table)

    before = gc.get_threshold()
    monkeypatch.setattr(ingest_module, "_parse", watched)
    with Store(tmp_path / "s.db", create=True) as store:
        ingest_module.ingest(store, [str(corpus)], jobs=1)
    assert seen and all(t == (max(before[0], 100_000), *before[1:]) for t in seen)
    assert gc.get_threshold() == before

    def broken(path: str, table=None):
        raise KeyboardInterrupt

    monkeypatch.setattr(ingest_module, "_parse", broken)
    with Store(tmp_path / "t.db", create=True) as store, pytest.raises(KeyboardInterrupt):
        ingest_module.ingest(store, [str(corpus)], jobs=1)
    assert gc.get_threshold() == before
