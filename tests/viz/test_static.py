"""The static export: DOT written with proper escaping, drawn by Graphviz `dot`, and a clear
error naming the package when `dot` is missing."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from datetime import date

import pytest

from policy_lineage.viz import static
from policy_lineage.viz.page import VizError
from policy_lineage.viz.select import select

AS_OF = date(2025, 7, 1)

needs_dot = pytest.mark.skipif(
    shutil.which("dot") is None and not os.environ.get("CI"),
    reason="Graphviz `dot` not installed (apt-get install graphviz)",
)


@pytest.mark.parametrize(
    ("text", "dot"),
    [
        ("57-NQ/TW", '"57-NQ/TW"'),
        ('Kế hoạch "mới"', '"Kế hoạch \\"mới\\""'),
        ("C:\\tài liệu\\N", '"C:\\\\tài liệu\\\\N"'),  # \N would be the node's name
        ("ends with \\", '"ends with \\\\"'),  # would escape the closing quote
        ("two\nlines\r\nthree", '"two\\nlines\\nthree"'),
        ("form\ffeed\x00", '"form feed "'),
    ],
)
def test_static_quote(text, dot):
    assert static.quote(text) == dot


def test_static_dot_escapes_every_text(hostile_graph):
    text = static.to_dot(hostile_graph, select(hostile_graph, "doc:vn:57-NQ/TW"), as_of=AS_OF)
    assert text.startswith("digraph lineage {") and text.rstrip().endswith("}")
    # node names are n0, n1 … whatever the ids hold
    assert 'doc:dt:5"' not in text
    # every quoted string is closed: outside strings there is no stray quote
    outside = re.sub(r'"(?:[^"\\]|\\.)*"', '""', text)
    assert '"' not in outside.replace('""', "")
    assert '5\\"\\\\N/KH-UBND' in text  # the number with its quote and backslash, escaped
    assert "\f" not in text
    # hostile markup only inside quoted strings (plain text to Graphviz); the legend is
    # Graphviz's HTML-like markup, with our words only
    assert "<script" not in outside and "<img" not in outside
    legend = next(line for line in text.splitlines() if line.startswith("  legend "))
    assert "<TABLE" in legend and "<script" not in legend


@needs_dot
def test_static_dot_draws_svg_and_png(hostile_graph, tmp_path):
    sel = select(hostile_graph, "doc:vn:57-NQ/TW")
    dot_text = static.to_dot(hostile_graph, sel, as_of=AS_OF)
    svg = tmp_path / "chain.svg"
    static.render(dot_text, "svg", svg)
    body = svg.read_text("utf-8")
    assert body.lstrip().startswith("<?xml") and "<svg" in body
    assert "<script" not in body and "<img" not in body  # the hostile title is text
    assert "&lt;script&gt;" in body
    assert "5&quot;\\N/KH&#45;UBND" in body or '5"\\N/KH-UBND' in body  # \N kept as written
    for word in ("Chú giải / Legend", "thực hiện / implements", "quá hạn / overdue"):
        assert word in body
    png = tmp_path / "chain.png"
    static.render(dot_text, "png", png)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@needs_dot
def test_static_date_layout_is_valid_dot(corpus_store, tmp_path):
    from policy_lineage.graph.store import load_graph

    g = load_graph(corpus_store)
    sel = select(g, relations=("implements", "supersedes", "cites"), tasks=False)
    text = static.to_dot(g, sel, as_of=AS_OF, layout_mode="date")
    assert 'rankdir="LR"' in text and "22/12/2024" in text
    done = subprocess.run(["dot", "-Tsvg"], input=text.encode(), capture_output=True, check=False)
    assert done.returncode == 0, done.stderr.decode()


def test_static_missing_dot_names_the_package(monkeypatch, tmp_path):
    monkeypatch.setattr(static.shutil, "which", lambda name: None)
    with pytest.raises(VizError, match="apt-get install graphviz"):
        static.render("digraph {}", "svg", tmp_path / "x.svg")
    assert not (tmp_path / "x.svg").exists()


@needs_dot
def test_static_dot_failure_is_reported(tmp_path):
    with pytest.raises(VizError, match="failed"):
        static.render("digraph { this is not dot", "svg", tmp_path / "x.svg")
    assert not list(tmp_path.iterdir())
