"""Streamed answers: ``iter_tasks_from`` and the commands that write rows as they come
give the very bytes the list forms give, and the first row comes before the walk ends."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from policy_lineage.commands import _output
from policy_lineage.commands._output import Streamed, json_pieces
from policy_lineage.graph.store import load_graph
from policy_lineage.queries.reader import MemoryReader
from policy_lineage.queries.tasks import derived_documents, iter_tasks_from, tasks_from

AS_OF = date(2025, 9, 15)
CSV_COLUMNS = [
    "text",
    "lead",
    "cooperating",
    "deadline",
    "deadline_text",
    "recurring",
    "deliverable",
    "status",
    "document",
    "path",
    "source",
    "ocr",
]


@pytest.fixture(scope="module", params=["bundled", "synthetic"])
def store(request: pytest.FixtureRequest) -> Path:
    return request.getfixturevalue(
        "corpus_store" if request.param == "bundled" else "synthetic_store"
    )


def _roots(store: Path) -> list[str]:
    """The documents tasks derive from, the top one (57-NQ/TW) first."""
    graph = load_graph(store)
    holders = {t.document_id for t in graph.tasks.values()}
    docs = sorted(
        (d for d in graph.documents.values() if d.id in holders or d.number == "57-NQ/TW"),
        key=lambda d: (d.number != "57-NQ/TW", d.id),
    )
    return [d.id for d in docs[:6]]


def _list_csv(records: list[dict[str, Any]]) -> str:
    """The CSV the list form wrote: every record, then the file."""
    fh = io.StringIO(newline="")
    writer = csv.DictWriter(fh, fieldnames=CSV_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for rec in records:
        writer.writerow({k: _output._cell(rec.get(k)) for k in CSV_COLUMNS})
    return fh.getvalue().replace("\r\n", "\n")  # as the runner reads stdout


def test_streaming_tasks_json_and_csv_are_the_list_forms_bytes(cli, store: Path) -> None:
    graph = load_graph(store)
    for root in _roots(store):
        args = ("tasks", "--from", root, "--as-of", AS_OF.isoformat(), "--store", store)
        out = cli(*args, "--format", "json")
        records = json.loads(out.stdout)
        # the bytes json.dumps gives the whole list (the list form's emit_json)
        assert out.stdout == json.dumps(records, ensure_ascii=False, indent=2) + "\n"
        assert [r["id"] for r in records] == [
            r.task.id for r in tasks_from(graph, root, as_of=AS_OF)
        ]
        assert out.exit_code == (0 if records else 1)
        csv_out = cli(*args, "--format", "csv")
        assert csv_out.stdout == _list_csv(records)
        assert csv_out.exit_code == out.exit_code


def test_streaming_walk_order_lists_the_same_rows_document_by_document(store: Path) -> None:
    graph = load_graph(store)
    for root in _roots(store):
        listed = tasks_from(graph, root, as_of=AS_OF)
        walked = list(iter_tasks_from(graph, root, as_of=AS_OF, order="walk"))
        assert sorted(r.task.id for r in walked) == sorted(r.task.id for r in listed)
        order = list(derived_documents(graph, root))
        docs = [r.document.id for r in walked]
        assert docs == sorted(docs, key=order.index)
        assert list(iter_tasks_from(graph, root, as_of=AS_OF)) == listed


def test_streaming_walk_order_on_the_cli(cli, store: Path) -> None:
    root = _roots(store)[0]
    args = ("tasks", "--from", root, "--as-of", AS_OF.isoformat(), "--store", store)
    walked = json.loads(cli(*args, "--format", "json", "--order", "walk").stdout)
    listed = json.loads(cli(*args, "--format", "json").stdout)
    assert sorted(r["id"] for r in walked) == sorted(r["id"] for r in listed)


class CountingReader(MemoryReader):
    """A reader that counts what it was asked."""

    def __init__(self, graph: Any) -> None:
        super().__init__(graph)
        self.asked: list[str] = []

    def links(self, ids: Sequence[str], direction: Any, kinds: Sequence[str]) -> list:
        self.asked.append(f"links:{len(ids)}")
        return super().links(ids, direction, kinds)

    def tasks_of(self, document_ids: Sequence[str]) -> list:
        self.asked.append(f"tasks_of:{len(document_ids)}")
        return super().tasks_of(document_ids)


def test_streaming_the_first_row_comes_before_the_walk_ends(synthetic_store: Path) -> None:
    graph = load_graph(synthetic_store)
    top = next(d.id for d in graph.documents.values() if d.number == "57-NQ/TW")
    whole = CountingReader(graph)
    everything = list(iter_tasks_from(whole, top, as_of=AS_OF, order="walk"))
    assert len(everything) > 100 and len(whole.asked) > 4

    reader = CountingReader(graph)
    rows = iter_tasks_from(reader, top, as_of=AS_OF, order="walk")
    first = next(rows)
    assert first == everything[0]
    # one level read: the first tasks_of, at most the links that found it
    assert sum(a.startswith("tasks_of") for a in reader.asked) == 1
    assert len(reader.asked) < len(whole.asked) / 2


def test_streaming_json_writes_a_row_before_the_next_is_made() -> None:
    made: list[int] = []

    def rows():
        for i in range(3):
            made.append(i)
            yield {"i": i}

    pieces = json_pieces({"head": 1, "rows": Streamed(rows())})
    assert next(pieces).startswith("{") and made == []
    while '"i": 0' not in next(pieces):
        assert made == []
    assert made == [0]
    rest = "".join(pieces)
    assert made == [0, 1, 2] and rest.endswith("}")


def test_streaming_a_long_table_becomes_lines(
    cli, synthetic_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    graph = load_graph(synthetic_store)
    top = next(d.id for d in graph.documents.values() if d.number == "57-NQ/TW")
    n = len(tasks_from(graph, top, as_of=AS_OF))
    monkeypatch.setattr(_output, "TABLE_LIMIT", 10)
    out = cli("tasks", "--from", top, "--as-of", AS_OF.isoformat(), "--store", synthetic_store)
    lines = out.stdout.splitlines()
    assert out.exit_code == 0 and len(lines) == n + 2
    assert lines[1].startswith("Nhiệm vụ / Task\tChủ trì / Lead")


def test_streaming_export_json_is_the_node_link_text(cli, store: Path, tmp_path: Path) -> None:
    expected = json.dumps(load_graph(store).to_node_link(), ensure_ascii=False)
    out = cli("export", "--format", "json", "--store", store)
    assert out.exit_code == 0 and out.stdout == expected + "\n"
    cli("export", "--format", "json", "-o", tmp_path / "g.json", "--store", store)
    assert (tmp_path / "g.json").read_text(encoding="utf-8") == expected


@pytest.mark.parametrize(
    "args",
    [
        ("trace", "57-NQ/TW"),
        ("trace", "57-NQ/TW", "--relations", "implements,supersedes,cites"),
        ("agency", "Sở Khoa học và Công nghệ"),
        ("agency", "so noi vu"),
    ],
)
def test_streaming_trace_and_agency_json_are_json_dumps_bytes(cli, store: Path, args) -> None:
    out = cli(*args, "--format", "json", "--store", store)
    data = json.loads(out.stdout)
    assert out.stdout == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    assert data.get("edges") or data.get("tasks")


def test_streaming_walk_batches_do_not_change_the_rows(
    synthetic_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from policy_lineage.queries import tasks as tasks_module

    graph = load_graph(synthetic_store)
    top = next(d.id for d in graph.documents.values() if d.number == "57-NQ/TW")
    whole = list(iter_tasks_from(graph, top, as_of=AS_OF, order="walk", level="commune"))
    monkeypatch.setattr(tasks_module, "WALK_BATCH", 1)
    assert list(iter_tasks_from(graph, top, as_of=AS_OF, order="walk", level="commune")) == whole
    assert whole


class _NoKeys:
    """A reader without the ``task_keys`` capability: ``tasks --from`` reads every task
    and sorts the rows (the list form's way)."""

    def __init__(self, reader: Any) -> None:
        self._reader = reader

    def __getattr__(self, name: str) -> Any:
        if name in ("task_keys", "task_keys_by_deadline"):
            raise AttributeError(name)
        return getattr(self._reader, name)


@pytest.mark.parametrize(
    "filters",
    [{}, {"status": "open"}, {"due_before": date(2026, 1, 1)}, {"level": "province"}],
    ids=["all", "open", "due", "level"],
)
@pytest.mark.parametrize("by_deadline", [False, True], ids=["keys", "deadline-at-a-time"])
def test_streaming_deadline_order_from_keys_is_the_sorted_rows(
    store: Path, filters: dict[str, Any], by_deadline: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The deadline order read from the tasks' keys (all of them, or a deadline at a time
    through the store's deadline index, as for a country's plans), then the tasks a batch at
    a time, lists the very rows sorting every row would, ties in the same order, on the
    store and in memory."""
    from policy_lineage.graph.store import Store
    from policy_lineage.graph.store_reader import StoreReader
    from policy_lineage.queries import tasks as tasks_module

    monkeypatch.setattr(tasks_module, "TASK_BATCH", 7)  # many batches
    if by_deadline:  # every answer, however few its documents, read a deadline at a time
        monkeypatch.setattr(tasks_module, "MANY_DOCUMENTS", 0)
    graph = load_graph(store)
    with Store(store) as db:
        keys = StoreReader(db).task_keys(list(graph.documents))
        assert sorted(k[0] for k in keys) == sorted(graph.tasks)  # every task has its key
        for reader in (StoreReader(db), MemoryReader(graph)):
            for root in _roots(store):
                got = iter_tasks_from(reader, root, as_of=AS_OF, **filters)
                want = iter_tasks_from(_NoKeys(reader), root, as_of=AS_OF, **filters)
                assert [(r.task.id, r.path) for r in got] == [(r.task.id, r.path) for r in want]


def test_streaming_task_keys_by_deadline_are_every_key_nearest_first(synthetic_store: Path) -> None:
    """The store gives every task's key a deadline at a time: nearest first, one deadline
    per group, the undated last, each group in the order the tasks were stored."""
    from policy_lineage.graph.store import Store
    from policy_lineage.graph.store_reader import StoreReader

    graph = load_graph(synthetic_store)
    with Store(synthetic_store) as db:
        reader = StoreReader(db)
        groups = list(reader.task_keys_by_deadline())
        every = reader.task_keys(list(graph.documents))
    flat = [k for g in groups for k in g]
    assert sorted(flat) == sorted(every)  # every key once, the same keys
    deadlines = [g[0][2] for g in groups]
    assert all(len({k[2] for k in g}) == 1 for g in groups)
    dated = [d for d in deadlines if d is not None]
    assert dated == sorted(dated) and len(set(dated)) == len(dated)
    assert deadlines[-1] is None and deadlines.count(None) == 1
    stored = [k[0] for k in every]  # in the order stored
    for g in groups:
        ids = [k[0] for k in g]
        assert ids == sorted(ids, key=stored.index)
