"""`policy-lineage viz`: exit codes, the files it writes, and its options, on the bundled
corpus (and a hand-made hostile graph saved to a store)."""

from __future__ import annotations

import json
import re
import shutil
import sys
from types import ModuleType, SimpleNamespace

import pytest

from policy_lineage.graph.store import Store, load_graph

CHAIN = "implements,supersedes,cites"


@pytest.fixture
def run(cli):
    """``run(*args)``: exit code, stdout and stderr of ``viz ARGS``."""

    def go(*args: str) -> tuple[int, str, str]:
        result = cli("viz", *args)
        if result.exception and not isinstance(result.exception, SystemExit):
            raise result.exception
        return result.exit_code, result.stdout, result.stderr

    return go


def page_data(path) -> dict:
    text = path.read_text("utf-8")
    m = re.search(r'<script type="application/json" id="viz-data">(.*?)</script>', text, re.S)
    assert m, "no data block"
    return json.loads(m.group(1))


def test_cli_viz_bad_document_exits_1(run, corpus_store, tmp_path):
    out = tmp_path / "x.html"
    code, _, err = run("99-NQ/XX", "-o", str(out), "--store", corpus_store)
    assert code == 1 and "no document '99-NQ/XX'" in err
    assert not out.exists()
    code, _, err = run("05", "-o", str(out), "--store", corpus_store)  # two documents fit
    assert code == 1 and "fits 2 documents" in err


def test_cli_viz_writes_an_offline_page(run, corpus_store, tmp_path):
    out = tmp_path / "chain.html"
    code, _, err = run("57-NQ/TW", "--relations", CHAIN, "-o", str(out), "--store", corpus_store)
    assert code == 0, err
    # 14: the resolution, the five bundled documents and the eight they name that carry it
    # out or are cited on the way (10-CTr/TU among them: the 2025-10 plan's footnote calls it
    # the programme "về thực hiện Nghị quyết số 57-NQ/TW")
    assert "14 văn bản / documents" in err
    text = out.read_text("utf-8")
    assert text.startswith("<!DOCTYPE html>")
    # nothing to fetch: no src= or href= at all, and a policy forbidding any request
    assert not re.search(r"<(?:script|link|img|iframe)[^>]*\b(?:src|href)=", text)
    assert "default-src 'none'" in text and "bootstrap" not in text.lower()
    data = page_data(out)
    assert data["focus"] == "doc:vn:57-NQ/TW:2021-2026"
    assert len([n for n in data["nodes"] if n["kind"] == "Document"]) == 14
    assert data["options"]["physics"]["enabled"] is False
    assert "Văn bản (theo loại) / Documents (by type)" in text
    assert "thực hiện / implements" in text


def test_cli_viz_whole_graph_and_default_name(run, corpus_store, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _, err = run("--store", corpus_store, "--no-tasks", "--layout", "date")
    assert code == 0, err
    data = page_data(tmp_path / "lineage.html")
    assert data["focus"] is None and data["axis"]["ticks"]
    assert not [n for n in data["nodes"] if n["kind"] == "Task"]


def test_cli_viz_options(run, corpus_store, tmp_path):
    out = tmp_path / "a.html"
    code, _, err = run(
        "57-NQ/TW", "--relations", CHAIN, "--agency", "Sở Tài chính", "--no-bodies",
        "--as-of", "2025-12-31", "-o", str(out), "--store", corpus_store,
    )  # fmt: skip
    assert code == 0, err
    data = page_data(out)
    tasks = [n for n in data["nodes"] if n["kind"] == "Task"]
    assert tasks and not [n for n in data["nodes"] if n["kind"] == "Agency"]
    assert all(
        "Sở Tài chính"
        in dict(data["details"][t["id"]]).get("Chủ trì / Lead", "")
        + dict(data["details"][t["id"]]).get("Phối hợp / Cooperating", "")
        for t in tasks
    )
    assert "31/12/2025" in out.read_text("utf-8")

    code, _, err = run("57-NQ/TW", "--relations", CHAIN, "--max-nodes", "40", "-o", str(out),
                       "--store", corpus_store)  # fmt: skip
    assert code == 0 and "tasks were collapsed" in err
    data = page_data(out)
    assert {n["kind"] for n in data["nodes"]} >= {"TaskGroup"}
    assert "vượt ngưỡng 40" in out.read_text("utf-8")


def test_cli_viz_usage_errors(run, corpus_store, tmp_path):
    out = str(tmp_path / "x.html")
    assert run("--depth", "2", "-o", out, "--store", corpus_store)[0] == 2
    assert run("57-NQ/TW", "--relations", "sings", "-o", out, "--store", corpus_store)[0] == 2
    assert run("57-NQ/TW", "--layout", "spiral", "-o", out, "--store", corpus_store)[0] == 2
    code, _, err = run("57-NQ/TW", "--agency", "Bộ Sao Hỏa", "-o", out, "--store", corpus_store)
    assert code == 1 and "no body matches" in err
    code, _, err = run("-o", out, "--store", str(tmp_path / "none.db"))
    assert code == 1 and "no store" in err


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz `dot` not installed")
def test_cli_viz_static_svg(run, corpus_store, tmp_path):
    out = tmp_path / "chain.svg"
    code, _, err = run("57-NQ/TW", "--relations", CHAIN, "--format", "svg", "-o", str(out),
                       "--store", corpus_store)  # fmt: skip
    assert code == 0, err
    body = out.read_text("utf-8")
    assert "<svg" in body and "57&#45;NQ/TW" in body or "57-NQ/TW" in body
    # the suffix is enough
    png = tmp_path / "chain.png"
    assert run("57-NQ/TW", "-o", str(png), "--store", corpus_store)[0] == 0
    assert png.read_bytes()[:4] == b"\x89PNG"


def test_cli_viz_static_without_dot(run, corpus_store, tmp_path, monkeypatch):
    from policy_lineage.viz import static

    monkeypatch.setattr(static.shutil, "which", lambda name: None)
    code, _, err = run("57-NQ/TW", "-o", str(tmp_path / "x.svg"), "--store", corpus_store)
    assert code == 1 and "apt-get install graphviz" in err


def test_cli_viz_overlaps(run, hostile_graph, tmp_path, monkeypatch):
    """--overlaps with a stand-in query returning one hand-made group."""
    store = tmp_path / "h.db"
    with Store(store, create=True) as s:
        s.save_graph(hostile_graph)
    group = SimpleNamespace(kind="duplicate", score=0.91, tasks=["task:evil", "task:ok"])
    calls = []

    def find_overlaps(graph, min_score=0.6, agency=None):
        calls.append(min_score)
        return [group]

    fake = ModuleType("policy_lineage.queries.overlaps")
    fake.find_overlaps = find_overlaps  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "policy_lineage.queries.overlaps", fake)
    import policy_lineage.queries as queries

    monkeypatch.setattr(queries, "overlaps", fake, raising=False)
    out = tmp_path / "o.html"
    code, _, err = run("57-NQ/TW", "--overlaps", "--min-score", "0.7", "-o", str(out),
                       "--store", str(store))  # fmt: skip
    assert code == 0, err
    assert calls == [0.7]
    data = page_data(out)
    overlap = [e for e in data["edges"] if e["kind"] == "overlap:duplicate"]
    assert [(e["from"], e["to"]) for e in overlap] == [("task:evil", "task:ok")]
    assert "trùng lặp / duplicate" in out.read_text("utf-8")
    assert "trùng lặp / duplicate" in dict(data["details"]["task:ok"])["Chồng chéo / Overlap"]
    assert run("57-NQ/TW", "--min-score", "0.7", "-o", str(out), "--store", str(store))[0] == 2


def test_cli_viz_overlaps_with_the_real_query(run, corpus_store, tmp_path):
    """When the overlaps query is there: the corpus's repeated tasks are linked."""
    overlaps = pytest.importorskip("policy_lineage.queries.overlaps")
    groups = overlaps.find_overlaps(load_graph(corpus_store))
    out = tmp_path / "o.html"
    code, _, err = run("57-NQ/TW", "--relations", CHAIN, "--overlaps", "-o", str(out),
                       "--store", corpus_store)  # fmt: skip
    assert code == 0, err
    drawn = [e for e in page_data(out)["edges"] if e["kind"].startswith("overlap:")]
    assert bool(drawn) == any(len(g.tasks) > 1 for g in groups)
