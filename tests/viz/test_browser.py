"""The page in a real browser (Debian's Chromium, headless, through Playwright), offline:
every request other than the page file is aborted and recorded, and must not happen.

The bundled corpus is built with the CLI, the page made with the CLI, and what the page
holds (vis-network's DataSets) compared with the selection computed in Python. Timings of
a 5,000-node chain are printed, never asserted.
"""

from __future__ import annotations

import time
from datetime import date

from click.testing import CliRunner

from policy_lineage.cli import main
from policy_lineage.graph.store import load_graph
from policy_lineage.queries.resolve import find_document
from policy_lineage.viz.page import render_page, write_page
from policy_lineage.viz.select import select

CHAIN = ("implements", "supersedes", "cites")
AS_OF = "2025-12-31"

POSITION = """(id) => {
  const p = network.getPositions([id])[id];
  const d = network.canvasToDOM(p);
  const r = document.getElementById('graph').getBoundingClientRect();
  return [r.left + d.x, r.top + d.y];
}"""


def _page_triples(page) -> list[tuple[str, str, str]]:
    rows = page.evaluate("network.body.data.edges.get().map(e => [e.from, e.to, e.kind])")
    return sorted(tuple(r) for r in rows)


def _clean(opened) -> None:
    assert opened.blocked == [], f"requests left the page: {opened.blocked}"
    assert opened.console_errors == [], opened.console_errors
    assert opened.page_errors == [], opened.page_errors


def test_browser_corpus_chain_page(corpus_store, open_offline, tmp_path, capsys):
    out = tmp_path / "chain.html"
    result = CliRunner().invoke(
        main,
        ["viz", "57-NQ/TW", "--relations", ",".join(CHAIN), "-o", str(out),
         "--store", corpus_store, "--as-of", AS_OF],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    g = load_graph(corpus_store)
    root = find_document(g, "57-NQ/TW").unique.id
    sel = select(g, root, relations=CHAIN)

    opened = open_offline(out)
    page = opened.page
    assert page.evaluate("network.body.data.nodes.length") == len(sel.node_ids)
    assert sorted(page.evaluate("network.body.data.nodes.getIds()")) == sorted(sel.node_ids)
    assert page.evaluate("network.body.data.edges.length") == len(sel.links)
    assert _page_triples(page) == sorted((k.source, k.target, k.kind) for k in sel.links)
    # drawn where the layout put it, the focus document selected, details shown
    assert page.evaluate("network.getSelectedNodes()") == [root]
    assert "57-NQ/TW" in page.inner_text("#details-body")
    assert "Bộ Chính trị" in page.inner_text("#details-body")
    legend = page.inner_text("#legend")
    for words in ("Văn bản (theo loại) / Documents (by type)", "Kế hoạch / Plan",
                  "thực hiện / implements", "dẫn chiếu / cites", "quá hạn / overdue",
                  "dự thảo", "văn bản đang xem / focus document"):  # fmt: skip
        assert words in legend
    assert page.is_visible("#legend") and page.is_visible("#details")

    # hover a task: its lead, cooperating bodies, deadline, status
    task = next(g.tasks[t] for t in sel.tasks if g.tasks[t].lead and g.tasks[t].cooperating)
    x, y = page.evaluate(POSITION, task.id)
    page.mouse.move(x, y, steps=3)
    page.wait_for_timeout(200)
    details = page.inner_text("#details-body")
    assert "Chủ trì / Lead" in details and task.lead[0] in details, details
    assert "Phối hợp / Cooperating" in details and task.cooperating[0] in details
    assert task.text[:60] in details and "Tình trạng / Status" in details

    # click a draft: pinned, its issuer link revealed, the rest stay hidden
    draft = next(d for d in sel.documents if g.documents[d].is_draft)
    x, y = page.evaluate(POSITION, draft)
    page.mouse.click(x, y)
    page.wait_for_timeout(200)
    assert page.evaluate("network.getSelectedNodes()") == [draft]
    shown = page.evaluate(
        "network.body.data.edges.get({filter: e => e.hideable && !e.hidden}).map(e => e.from)"
    )
    assert shown and draft in shown
    assert "Dự thảo / Draft" in page.inner_text("#details-body")
    page.mouse.move(5, 5)
    assert "Dự thảo / Draft" in page.inner_text("#details-body")  # still pinned

    # the find box
    page.fill("#find-input", "1536-CV")
    page.press("#find-input", "Enter")
    assert "1536-CV/ĐU" in page.inner_text("#details-body")
    _clean(opened)
    shot = tmp_path / "chain-57-nq-tw.png"
    page.screenshot(path=str(shot))
    with capsys.disabled():
        print(f"\n  screenshot: {shot}")


def test_browser_collapsed_page_says_what_was_collapsed(corpus_store, open_offline, tmp_path):
    out = tmp_path / "small.html"
    result = CliRunner().invoke(
        main, ["viz", "--max-nodes", "40", "-o", str(out), "--store", corpus_store]
    )
    assert result.exit_code == 0, result.output
    sel = select(load_graph(corpus_store), max_nodes=40)
    opened = open_offline(out)
    page = opened.page
    assert sorted(page.evaluate("network.body.data.nodes.getIds()")) == sorted(sel.node_ids)
    note = page.inner_text("#notes")
    assert "vượt ngưỡng 40" in note and "tasks were collapsed" in note
    assert "bodies were collapsed" in note
    group = next(x.id for x in sel.groups if x.kind == "TaskGroup")
    x, y = page.evaluate(POSITION, group)
    page.mouse.click(x, y)
    assert "Số lượng / Count" in page.inner_text("#details-body")
    _clean(opened)


def test_browser_date_layout(corpus_store, open_offline, tmp_path):
    out = tmp_path / "date.html"
    result = CliRunner().invoke(
        main, ["viz", "57-NQ/TW", "--layout", "date", "--relations", ",".join(CHAIN),
               "-o", str(out), "--store", corpus_store],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    opened = open_offline(out)
    xs = opened.page.evaluate(
        "(() => { const p = network.getPositions(); return Object.fromEntries("
        "network.body.data.nodes.get({filter: n => n.kind === 'Document'})"
        ".map(n => [n.label.split('\\n')[0], p[n.id].x])); })()"
    )
    assert xs["57-NQ/TW"] < xs["3398/VPCP-CĐS"]  # 22/12/2024 left of 18/04/2026
    _clean(opened)


def test_browser_5000_node_chain_opens_and_settles(big_graph, open_offline, tmp_path, capsys):
    figures = []
    for label, budget in (("full", 10_000), ("collapsed", 1500)):
        sel = select(big_graph, "doc:nq", max_nodes=budget)
        start = time.perf_counter()
        out = tmp_path / f"big-{label}.html"
        write_page(out, render_page(big_graph, sel, as_of=date(2025, 12, 31)))
        built = time.perf_counter() - start
        start = time.perf_counter()
        opened = open_offline(out)
        wall = time.perf_counter() - start
        page = opened.page
        info = page.evaluate("window.__viz")
        assert info["nodes"] == len(sel.node_ids) == page.evaluate("network.body.data.nodes.length")
        # settled: physics is off, nothing moves after the first drawing
        before = page.evaluate("network.getPositions(['doc:nq', 'doc:kh-3-4'])")
        page.wait_for_timeout(500)
        assert page.evaluate("network.getPositions(['doc:nq', 'doc:kh-3-4'])") == before
        _clean(opened)
        figures.append(
            f"{label}: {info['nodes']} nodes, {info['edges']} edges, "
            f"{out.stat().st_size / 1e6:.1f} MB, built {built:.2f} s, first drawing "
            f"{info['ms'] / 1000:.2f} s after navigation, ready in {wall:.2f} s (wall)"
        )
    assert len(select(big_graph, "doc:nq", max_nodes=10_000).node_ids) == 5045
    with capsys.disabled():
        print("\n  5,000-node chain page: " + "\n  ".join(figures))
