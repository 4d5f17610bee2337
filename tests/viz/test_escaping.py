"""Hostile text in a document's title and a task's text (``<script>``, ``<img onerror>``,
``</script>``, quotes, backslashes) shows as text, in the HTML file and in the browser,
and never runs: ``window.__pwned`` stays undefined."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from policy_lineage.cli import main
from policy_lineage.graph.store import Store
from policy_lineage.viz.page import render_page
from policy_lineage.viz.select import select

HOSTILE_TITLE = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'
HOSTILE_TASK = (
    'Xây dựng </script><script>window.__pwned = 3</script> "kho" \\N dữ liệu '
    '<img src=x onerror="window.__pwned = 4"> & báo cáo'
)
EVIL_DOC = "doc:dt:draft:evil"

POSITION = """(id) => {
  const p = network.getPositions([id])[id];
  const d = network.canvasToDOM(p);
  const r = document.getElementById('graph').getBoundingClientRect();
  return [r.left + d.x, r.top + d.y];
}"""


@pytest.fixture
def hostile_page(hostile_graph, tmp_path) -> str:
    """The page for the hostile draft, made by the CLI from a store."""
    store = tmp_path / "h.db"
    with Store(store, create=True) as s:
        s.save_graph(hostile_graph)
    out = tmp_path / "evil.html"
    result = CliRunner().invoke(
        main, ["viz", EVIL_DOC, "--as-of", "2025-07-01", "-o", str(out), "--store", str(store)]
    )
    assert result.exit_code == 0, result.output
    return str(out)


def test_escaping_html_file_holds_no_markup_from_documents(hostile_page):
    text = Path(hostile_page).read_text("utf-8")
    assert "window.__pwned" in text  # the words are there …
    assert "<img" not in text and 'onerror="window' not in text  # … never as markup
    assert "<script>window" not in text and "<b>tỉnh" not in text
    # three script elements: vis-network, the data, the page's own (vis-network's code holds
    # the string "<script>" in a literal, but never a closing tag)
    assert len(re.findall(r"\n<script\b", text)) == 3
    assert len(re.findall(r"</script>", text)) == 3
    # the title and heading are escaped text
    assert (
        "<title>Chuỗi văn bản chỉ đạo / Directive chain: Kế hoạch (dự thảo) &lt;script&gt;" in text
    )
    # the data block is valid JSON and gives back the exact strings
    m = re.search(r'<script type="application/json" id="viz-data">(.*?)</script>', text, re.S)
    data = json.loads(m.group(1))
    assert dict(data["details"]["task:evil"])["Nhiệm vụ / Task"] == HOSTILE_TASK
    assert dict(data["details"][EVIL_DOC])["Trích yếu / Title"] == HOSTILE_TITLE
    # no title strings for vis-network to render as HTML
    assert not any("title" in n for n in data["nodes"])


def test_escaping_render_page_direct(hostile_graph):
    text = render_page(hostile_graph, select(hostile_graph), as_of=date(2025, 7, 1))
    assert "<img" not in text and "<script>window" not in text
    assert "\u2028" not in text.split('id="viz-data">')[1].split("</script>")[0]


def test_escaping_in_the_browser_nothing_runs(hostile_page, hostile_graph, open_offline):
    opened = open_offline(hostile_page)
    page = opened.page
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.title().endswith(HOSTILE_TITLE)  # shown as text in the tab
    assert HOSTILE_TITLE in page.inner_text("h1")
    # the focus document's details show the title literally
    assert HOSTILE_TITLE in page.inner_text("#details-body")
    # hover and click every node: the details show the texts, and still nothing runs
    seen = {}
    for node_id in page.evaluate("network.body.data.nodes.getIds()"):
        x, y = page.evaluate(POSITION, node_id)
        page.mouse.click(x, y)
        page.wait_for_timeout(50)
        seen[node_id] = page.inner_text("#details-body")
    assert HOSTILE_TASK in seen["task:evil"]
    assert 'Ủy ban "nhân dân" <b>tỉnh</b>' in seen["task:evil"]  # cooperating, literally
    assert '5"\\N/KH-UBND' in seen['doc:dt:5"\\N/KH-UBND']
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("document.querySelectorAll('img, iframe, object, embed').length") == 0
    assert page.evaluate("document.scripts.length") == 3
    assert page.evaluate("document.querySelectorAll('#details-body *:not(dl):not(dt):not(dd)')"
                         ".length") == 0  # fmt: skip
    # find by a word of the hostile title
    page.fill("#find-input", "pwned = 1")
    page.press("#find-input", "Enter")
    assert HOSTILE_TITLE in page.inner_text("#details-body")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert opened.blocked == [], opened.blocked  # <img src=x> would have asked for file ./x
    assert opened.console_errors == [] and opened.page_errors == []
