"""The store's JSON: orjson (when installed) writes the bytes the standard library wrote
(the graph's rows and a worker's extraction as orjson's UTF-8 bytes, the same text)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policy_lineage.graph import store as store_module
from policy_lineage.graph.build import build_graph
from policy_lineage.loaders.pipeline import extract_source
from policy_lineage.loaders.readers import read_path
from policy_lineage.schema.graph_model import edge_record, node_record
from policy_lineage.schema.model_json import extraction_to_dict

pytest.importorskip("orjson")

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "dong-thap"
STDLIB = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def _text(value: str | bytes) -> str:
    return value.decode() if isinstance(value, bytes) else value


@pytest.fixture(scope="module")
def extractions() -> list:
    return [extract_source(read_path(str(p))) for p in sorted(EXAMPLES.glob("*.txt"))[:8]]


def test_json_rows_are_the_bytes_the_standard_library_writes(extractions) -> None:
    graph = build_graph(extractions)
    assert graph.edges and list(graph.nodes())
    for node in graph.nodes():
        assert store_module._dumps(node_record(node)) == STDLIB.encode(node_record(node))
        assert _text(store_module._node_json(node)) == STDLIB.encode(node_record(node))
    for edge in graph.edges:
        assert _text(store_module._edge_json(edge)) == STDLIB.encode(edge_record(edge))
    for ex in extractions:
        data = extraction_to_dict(ex)
        assert store_module._dumps(data) == STDLIB.encode(data)
        assert store_module._extraction_json(ex) == STDLIB.encode(data)
        assert store_module._extraction_bytes(ex) == STDLIB.encode(data).encode()
        assert store_module._loads(store_module._extraction_bytes(ex)) == json.loads(
            STDLIB.encode(data)
        )


@pytest.mark.parametrize(
    "value",
    [
        {"a": 'quote " backslash \\ tab \t newline \n bell \x07 del \x7f', "b": [1, None, True]},
        {"u2028": "\u2028\u2029", "vi": "Ủy ban nhân dân tỉnh Đồng Tháp", "e": "😀"},
        {1: "an int key", "x": 2**70},  # orjson refuses both: the standard library writes it
        {"lone": "\ud800"},  # a lone surrogate (orjson refuses it)
        [[1, 2], (3, 4), {"n": -0}],
    ],
)
def test_json_values_orjson_refuses_or_escapes_differently(value) -> None:
    assert store_module._dumps(value) == STDLIB.encode(value)


def test_json_without_orjson_the_same(monkeypatch, extractions) -> None:
    graph = build_graph(extractions[:3])
    with_orjson = [store_module._edge_json(e) for e in graph.edges]
    nodes = [store_module._node_json(n) for n in graph.nodes()]
    monkeypatch.setattr(store_module, "orjson", None)
    assert [store_module._edge_json(e) for e in graph.edges] == [_text(e) for e in with_orjson]
    assert [store_module._node_json(n) for n in graph.nodes()] == [_text(n) for n in nodes]
    assert store_module._loads(b'{"a": [1, 2]}') == {"a": [1, 2]}


def test_json_rows_stored_as_text_the_same_bytes(tmp_path, extractions) -> None:
    """Bytes bound through ``CAST(? AS TEXT)`` are stored as the text they encode: the
    type a reader and ``json_extract`` see is text, the value the string's."""
    from policy_lineage.graph.store import Store

    graph = build_graph(extractions[:3])
    with Store(tmp_path / "s.db", create=True) as store:
        store.put_encoded(
            [("/a", "a", "00", 1, "Ủy ban".encode(), None), ("/b", "b", "01", 1, "Sở", None)]
        )
        store.save_graph(graph)
        conn = store.conn
        assert conn.execute("SELECT DISTINCT typeof(data) FROM nodes").fetchall() == [("text",)]
        assert conn.execute("SELECT DISTINCT typeof(data) FROM edges").fetchall() == [("text",)]
        rows = conn.execute("SELECT extraction, typeof(extraction) FROM files ORDER BY path")
        assert rows.fetchall() == [("Ủy ban", "text"), ("Sở", "text")]
        stored = [r[0] for r in conn.execute("SELECT data FROM edges ORDER BY seq")]
        assert stored == [STDLIB.encode(edge_record(e)) for e in graph.edges]


def test_extraction_read_back_as_the_general_converter_reads_it(extractions) -> None:
    """``extraction_from_dict`` writes a builder out per dataclass (fields by name, objects
    made without ``__init__``): the same objects, field for field and type for type, as the
    general one; a record missing a field (an older store) or with one more still reads."""
    import dataclasses
    from datetime import date

    from policy_lineage.schema import model_json
    from policy_lineage.schema.model import Extraction, Span

    def general(tp):  # the converter without the written-out builders
        if dataclasses.is_dataclass(tp):
            hints = model_json.typing.get_type_hints(tp)
            fields = {f.name: general(hints[f.name]) for f in dataclasses.fields(tp)}
            return lambda v: (
                None if v is None else tp(**{k: fields[k](x) for k, x in v.items() if k in fields})
            )
        return model_json._converter(tp)

    def same(a, b) -> bool:
        if type(a) is not type(b):
            return False
        if dataclasses.is_dataclass(a):
            return list(vars(a)) == list(vars(b)) and all(
                same(getattr(a, f.name), getattr(b, f.name)) for f in dataclasses.fields(a)
            )
        if isinstance(a, list | tuple):
            return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
        if isinstance(a, dict):
            return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
        return a == b

    for ex in extractions:
        data = json.loads(store_module._extraction_json(ex))
        fast = model_json.extraction_from_dict(data)
        assert fast == ex
        assert same(fast, general(Extraction)(data))
    span = model_json._converter(Span)({"start": 1, "end": 2})
    assert span == Span(1, 2) and hash(span) == hash(Span(1, 2))
    with pytest.raises(dataclasses.FrozenInstanceError):
        span.start = 3  # type: ignore[misc]
    data = json.loads(store_module._extraction_json(extractions[0]))
    del data["ocr_pages"]  # written before the field existed: its default
    data["tasks"][0].pop("row", None)
    data["document"]["unknown"] = 1  # a field this version does not know: ignored
    old = model_json.extraction_from_dict(data)
    assert old.ocr_pages == [] and old.tasks[0].row is None
    assert same(old, general(Extraction)(data))
    assert model_json._converter(date | None)("2025-01-02") == date(2025, 1, 2)


def test_extraction_read_back_takes_no_more_memory_than_made(extractions) -> None:
    """The objects read back share their dicts' keys as those ``__init__`` makes do: a
    national build holds a million of them until its graph is resolved (a whole dict given
    to each took 1.9 times the memory, and the build's peak from 1.40 to 1.60 GB)."""
    import sys

    from policy_lineage.schema import model_json

    for ex in extractions:
        back = model_json.extraction_from_dict(json.loads(store_module._extraction_json(ex)))
        for made, read in [(ex, back), *zip(ex.tasks, back.tasks, strict=True)]:
            assert sys.getsizeof(vars(read)) == sys.getsizeof(vars(made))
        for made, read in zip(ex.tasks, back.tasks, strict=True):
            assert sys.getsizeof(vars(read.evidence)) == sys.getsizeof(vars(made.evidence))
