"""Fixtures for the viz tests: the bundled corpus built into a store, a small hand-made
graph with hostile titles, a synthetic 5,000-node chain, and Debian's Chromium driven by
Playwright with every request but the page itself aborted and recorded.

Chromium missing: the browser tests skip with the reason, unless ``$CI`` is set (then
they fail: CI installs it, see .ci/run). Never ``playwright install``.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from policy_lineage.schema.graph_model import (
    AgencyNode,
    DocumentNode,
    Edge,
    LineageGraph,
    TaskNode,
)

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
HOSTILE_TITLE = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'
HOSTILE_TASK = (
    'Xây dựng </script><script>window.__pwned = 3</script> "kho" \\N dữ liệu '
    '<img src=x onerror="window.__pwned = 4"> & báo cáo'
)


@pytest.fixture(scope="session")
def corpus_store(corpus_store: Path) -> str:
    """The session's corpus store (tests/conftest.py), as the path the CLI is given."""
    return str(corpus_store)


def _hostile() -> LineageGraph:
    g = LineageGraph()
    g.add_agency(AgencyNode(id="agency:bct", name="Bộ Chính trị", level="central"))
    g.add_agency(
        AgencyNode(id="agency:ubnd", name='Ủy ban "nhân dân" <b>tỉnh</b>', level="province")
    )
    g.add_agency(AgencyNode(id="agency:stc", name="Sở Tài chính", level="province"))
    g.add_document(
        DocumentNode(
            id="doc:vn:57-NQ/TW",
            number="57-NQ/TW",
            doc_type="Nghị quyết",
            issuer="Bộ Chính trị",
            issuer_id="agency:bct",
            date=date(2024, 12, 22),
            level="central",
        )
    )
    g.add_document(
        DocumentNode(
            id="doc:dt:draft:evil",
            doc_type="Kế hoạch",
            issuer='Ủy ban "nhân dân" <b>tỉnh</b>',
            issuer_id="agency:ubnd",
            is_draft=True,
            in_corpus=True,
            title=HOSTILE_TITLE,
            level="province",
            source='C:\\tài liệu\\kh "mới".txt',
        )
    )
    g.add_document(
        DocumentNode(
            id='doc:dt:5"\\N/KH-UBND',
            number='5"\\N/KH-UBND',
            doc_type="Kế hoạch",
            issuer_id="agency:ubnd",
            date=date(2025, 3, 1),
            in_corpus=True,
            title='Kế hoạch \\l thực hiện "Nghị quyết" 57\fhết',
            level="province",
        )
    )
    g.add_edge(Edge("doc:dt:draft:evil", "doc:vn:57-NQ/TW", "implements", evidence=HOSTILE_TITLE))
    g.add_edge(Edge('doc:dt:5"\\N/KH-UBND', "doc:dt:draft:evil", "supersedes", basis="inferred"))
    g.add_edge(Edge('doc:dt:5"\\N/KH-UBND', "doc:vn:57-NQ/TW", "implements"))
    g.add_task(
        TaskNode(
            id="task:evil",
            text=HOSTILE_TASK,
            document_id="doc:dt:draft:evil",
            lead=["Sở Tài chính"],
            cooperating=['Ủy ban "nhân dân" <b>tỉnh</b>'],
            deadline=date(2025, 6, 30),
            deadline_text="trong tháng 6/2025 <i>gấp</i>",
        )
    )
    g.add_task(
        TaskNode(
            id="task:ok",
            text="Bố trí kinh phí thực hiện",
            document_id='doc:dt:5"\\N/KH-UBND',
            lead=["Sở Tài chính"],
            recurring=True,
        )
    )
    for t in ("task:evil", "task:ok"):
        g.add_edge(Edge(g.tasks[t].document_id, t, "has-task", evidence=g.tasks[t].text))
        g.add_edge(Edge(t, "agency:stc", "assigned-to", role="lead", evidence=HOSTILE_TASK))
    g.add_edge(Edge("task:evil", "agency:ubnd", "assigned-to", role="cooperating"))
    for d in g.documents.values():
        if d.issuer_id:
            g.add_edge(Edge(d.id, d.issuer_id, "issued-by"))
    return g


@pytest.fixture
def hostile_graph() -> LineageGraph:
    """Three documents, two tasks, three bodies; titles and texts full of markup, quotes,
    backslashes and a form feed."""
    return _hostile()


def _big_chain(n_province: int = 41, plans_each: int = 6, tasks_each: int = 19) -> LineageGraph:
    """A synthetic national chain: one resolution, ``n_province`` province programmes, each
    with plans (province, then commune level), every plan with tasks: 5,045 nodes."""
    g = LineageGraph()
    g.add_agency(AgencyNode(id="agency:bct", name="Bộ Chính trị", level="central"))
    root = g.add_document(
        DocumentNode(
            id="doc:nq", number="57-NQ/TW", doc_type="Nghị quyết", level="central",
            issuer_id="agency:bct", date=date(2024, 12, 22),
        )
    )  # fmt: skip
    g.add_edge(Edge(root.id, "agency:bct", "issued-by"))
    statuses = [date(2025, 1, 1), date(2025, 6, 1), date(2026, 12, 31), None]
    for p in range(n_province):
        ubnd = g.add_agency(
            AgencyNode(id=f"agency:ubnd-{p}", name=f"UBND tỉnh {p}", level="province")
        )
        xa = g.add_agency(AgencyNode(id=f"agency:xa-{p}", name=f"UBND xã {p}", level="commune"))
        prog = g.add_document(
            DocumentNode(
                id=f"doc:ctr-{p}", number=f"{p + 1}-CTr/TU", doc_type="Chương trình",
                level="province", issuer_id=ubnd.id, date=date(2025, 2, 1 + p % 27),
                in_corpus=True,
            )
        )  # fmt: skip
        g.add_edge(Edge(prog.id, root.id, "implements"))
        parent = prog.id
        for k in range(plans_each):
            commune = k >= plans_each // 2
            plan = g.add_document(
                DocumentNode(
                    id=f"doc:kh-{p}-{k}", number=f"{k + 1}/KH-UBND-{p}", doc_type="Kế hoạch",
                    level="commune" if commune else "province",
                    issuer_id=(xa if commune else ubnd).id, date=date(2025, 3 + k, 1),
                    in_corpus=True, is_draft=k == 1,
                )
            )  # fmt: skip
            g.add_edge(Edge(plan.id, parent, "implements"))
            g.add_edge(Edge(plan.id, plan.issuer_id, "issued-by"))
            if k % 2 == 1:
                parent = plan.id
            for t in range(tasks_each):
                task = g.add_task(
                    TaskNode(
                        id=f"task:{p}-{k}-{t}", text=f"Nhiệm vụ {t} của kế hoạch {k}, tỉnh {p}",
                        document_id=plan.id, lead=[ubnd.name],
                        deadline=statuses[t % 4], recurring=t % 4 == 3 and t % 8 == 3,
                    )
                )  # fmt: skip
                g.add_edge(Edge(plan.id, task.id, "has-task"))
                g.add_edge(Edge(task.id, ubnd.id, "assigned-to", role="lead"))
    return g


@pytest.fixture(scope="session")
def big_graph() -> LineageGraph:
    return _big_chain()


@pytest.fixture(scope="session")
def chromium() -> str:
    """Path of Debian's Chromium (and Playwright importable), else skip — or fail under CI."""
    reason = None
    exe = CHROMIUM if os.path.exists(CHROMIUM) else shutil.which("chromium")
    if exe is None:
        reason = "Chromium not installed (apt-get install chromium); browser tests skipped"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            reason = "Playwright not installed (pip install -e '.[test]'); browser tests skipped"
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"CI is set and {reason}")
        pytest.skip(reason)
    return exe  # type: ignore[return-value]


@dataclass
class OpenPage:
    """An opened page and what it tried to do."""

    page: Any
    url: str
    blocked: list[str] = field(default_factory=list)  # requests other than the page file
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)


@pytest.fixture(scope="session")
def browser(chromium: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def open_offline(browser: Any) -> Iterator[Callable[..., OpenPage]]:
    """``open_offline(path, width=, height=)``: the page opened with every request but the
    file itself aborted and recorded, console errors recorded, and vis-network drawn."""
    contexts: list[Any] = []

    def opener(path: str | os.PathLike, width: int = 1500, height: int = 950) -> OpenPage:
        url = Path(path).resolve().as_uri()
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        opened = OpenPage(page=None, url=url)

        def route(r: Any) -> None:
            if r.request.url == url:
                r.continue_()
            else:
                opened.blocked.append(r.request.url)
                r.abort()

        context.route("**/*", route)
        page = context.new_page()
        page.on(
            "console", lambda m: opened.console_errors.append(m.text) if m.type == "error" else None
        )
        page.on("pageerror", lambda e: opened.page_errors.append(str(e)))
        page.goto(url, wait_until="load")
        # a selector, not wait_for_function: the page's CSP forbids the eval() that uses
        page.wait_for_selector("body[data-ready='1']", state="attached", timeout=120_000)
        opened.page = page
        return opened

    yield opener
    for c in contexts:
        c.close()
