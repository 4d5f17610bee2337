"""Reading only the part of the store a question needs gives the answers the whole graph
gives: same tasks in the same order with the same paths, same chain, same body's work."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from policy_lineage.cli import main
from policy_lineage.graph import store_views as views
from policy_lineage.graph.store import Store
from policy_lineage.queries.agency import agency_work
from policy_lineage.queries.resolve import find_document
from policy_lineage.queries.tasks import tasks_from
from policy_lineage.queries.trace import trace
from policy_lineage.schema.graph_model import CHAIN_EDGE_KINDS, DOCUMENT_EDGE_KINDS

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "dong-thap"
ROOTS = ["57-NQ/TW", "04-TB/BCĐTW", "359-KH/TU", "05-KH/TU", "07-TB/CQTTBCĐ", "1536-CV/ĐU"]
AS_OF = date(2025, 9, 1)


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("views") / "s.db"
    result = CliRunner().invoke(main, ["build", str(CORPUS), "--store", str(path), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="module")
def full(store_path):
    with Store(store_path) as store:
        return store.graph()


def _root(full, name: str) -> str:
    doc = find_document(full, name).unique
    assert doc is not None, name
    return doc.id


def _rows(rows):
    return [(r.task.id, r.path, r.status, r.document.id) for r in rows]


@pytest.mark.parametrize("name", ROOTS)
@pytest.mark.parametrize(
    "filters",
    [{}, {"level": "province"}, {"agency": "so khoa hoc"}, {"status": "overdue"}],
    ids=["all", "level", "agency", "status"],
)
def test_tasks_from_a_view_are_the_tasks_from_the_whole_graph(store_path, full, name, filters):
    root = _root(full, name)
    with Store(store_path) as store:
        part = views.derived_view(store, root, all_agencies="level" in filters)
    expected = _rows(tasks_from(full, root, as_of=AS_OF, **filters))
    assert _rows(tasks_from(part, root, as_of=AS_OF, **filters)) == expected
    assert len(part.tasks) <= len(full.tasks)


def test_a_view_holds_less_than_the_graph(store_path, full):
    root = _root(full, "04-TB/BCĐTW")
    with Store(store_path) as store:
        part = views.derived_view(store, root)
    assert 0 < len(part.tasks) < len(full.tasks)
    assert len(part.edges) < len(full.edges)


@pytest.mark.parametrize("name", ROOTS)
@pytest.mark.parametrize("kinds", [CHAIN_EDGE_KINDS, DOCUMENT_EDGE_KINDS, ("cites",)])
@pytest.mark.parametrize("depth", [None, 1, 2])
def test_a_chain_from_a_view_is_the_chain_in_the_whole_graph(store_path, full, name, kinds, depth):
    root = _root(full, name)
    with Store(store_path) as store:
        part = views.chain_view(store, root, kinds)
    assert trace(part, root, depth, kinds) == trace(full, root, depth, kinds)


@pytest.mark.parametrize(
    "name", ["Sở Khoa học và Công nghệ", "so noi vu", "Văn phòng", "Ban Chỉ đạo", "không có"]
)
def test_a_bodys_work_from_a_view_is_its_work_in_the_whole_graph(store_path, full, name):
    with Store(store_path) as store:
        part = views.agency_view(store, name)
    a, b = agency_work(part, name), agency_work(full, name)
    assert [x.id for x in a.agencies] == [x.id for x in b.agencies]
    assert [(r.role, r.task.id, r.document.id) for r in a.rows] == [
        (r.role, r.task.id, r.document.id) for r in b.rows
    ]


def test_a_store_left_stale_is_resolved_again_before_a_view(store_path, full, tmp_path):
    copy = tmp_path / "stale.db"
    shutil.copy(store_path, copy)
    with Store(copy) as store:
        store.conn.execute("DELETE FROM edges")  # as if a build stopped half way
        store.conn.execute("UPDATE meta SET value = 'stale' WHERE key = 'graph_state'")
        root = _root(full, "57-NQ/TW")
        part = views.derived_view(store, root)
        assert store.graph_is_fresh
    assert _rows(tasks_from(part, root, as_of=AS_OF)) == _rows(tasks_from(full, root, as_of=AS_OF))


def test_a_version_that_supersedes_a_document_in_the_chain_carries_its_tasks(tmp_path):
    from policy_lineage.queries.example import COMMUNE_PLAN, NQ57, example_graph
    from policy_lineage.schema.graph_model import DocumentNode, Edge, TaskNode

    g = example_graph()
    g.add_document(DocumentNode(id="doc:new", number="15/KH-UBND", province="Đồng Tháp"))
    g.add_edge(Edge("doc:new", COMMUNE_PLAN, "supersedes"))
    g.add_task(TaskNode("task:new", "Số hóa hồ sơ hộ tịch", "doc:new"))
    g.add_edge(Edge("doc:new", "task:new", "has-task"))
    with Store(tmp_path / "s.db", create=True) as store:
        store.save_graph(g)
        part = views.derived_view(store, NQ57)
    rows = tasks_from(part, NQ57, as_of=AS_OF)
    assert "task:new" in [r.task.id for r in rows]
    assert _rows(rows) == _rows(tasks_from(g, NQ57, as_of=AS_OF))
