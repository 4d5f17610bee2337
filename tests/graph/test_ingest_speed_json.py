"""The store's JSON: orjson (when installed) writes the bytes the standard library wrote."""

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


@pytest.fixture(scope="module")
def extractions() -> list:
    return [extract_source(read_path(str(p))) for p in sorted(EXAMPLES.glob("*.txt"))[:8]]


def test_json_rows_are_the_bytes_the_standard_library_writes(extractions) -> None:
    graph = build_graph(extractions)
    assert graph.edges and list(graph.nodes())
    for node in graph.nodes():
        assert store_module._dumps(node_record(node)) == STDLIB.encode(node_record(node))
        assert store_module._node_json(node) == STDLIB.encode(node_record(node))
    for edge in graph.edges:
        assert store_module._edge_json(edge) == STDLIB.encode(edge_record(edge))
    for ex in extractions:
        data = extraction_to_dict(ex)
        assert store_module._dumps(data) == STDLIB.encode(data)
        assert store_module._extraction_json(ex) == STDLIB.encode(data)


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
    assert [store_module._edge_json(e) for e in graph.edges] == with_orjson
    assert [store_module._node_json(n) for n in graph.nodes()] == nodes
