"""What the page draws: the chain around a document, its depth, tasks on or off, one body's
work, collapse above the node budget, overlap links; and where things go (rows of the
chain, dates left to right). On the bundled corpus and small hand-made graphs."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from policy_lineage.graph.store import load_graph
from policy_lineage.queries.resolve import find_document
from policy_lineage.queries.trace import trace
from policy_lineage.schema.graph_model import DocumentNode, Edge, LineageGraph, TaskNode
from policy_lineage.viz.items import build_items
from policy_lineage.viz.layout import document_ranks, layout
from policy_lineage.viz.select import SelectionError, select

CHAIN = ("implements", "supersedes", "cites")


@pytest.fixture(scope="module")
def corpus(corpus_store):
    g = load_graph(corpus_store)
    return g, find_document(g, "57-NQ/TW").unique.id


def _consistent(sel) -> None:
    ids = sel.node_ids
    assert len(ids) == len(set(ids)), "a node drawn twice"
    for link in sel.links:
        assert link.source in ids and link.target in ids, link


def test_select_chain_around_a_document_is_its_trace(corpus):
    g, root = corpus
    sel = select(g, root, relations=CHAIN)
    assert sel.focus == root and sel.documents[0] == root
    assert sel.documents == trace(g, root, None, CHAIN).nodes
    numbers = {g.documents[d].number for d in sel.documents}
    # read from the documents: the province's letter 1536-CV/ĐU and plan 283/KH-UBND
    # carry out Resolution 57; so do the Government Office's 3398/VPCP-CĐS and 10094/VPCP-KGVX
    assert {"57-NQ/TW", "1536-CV/ĐU", "283/KH-UBND", "3398/VPCP-CĐS", "10094/VPCP-KGVX"} <= numbers
    # tasks are those of the documents drawn, all of them
    assert set(sel.tasks) == {t.id for t in g.tasks.values() if t.document_id in sel.documents}
    assert sel.tasks and sel.agencies and not sel.groups and not sel.notes
    kinds = {k.kind for k in sel.links}
    assert {"implements", "cites", "has-task", "issued-by", "lead"} <= kinds
    _consistent(sel)


def test_select_relations_limit_the_chain(corpus):
    g, root = corpus
    narrow = select(g, root)  # implements, supersedes
    wide = select(g, root, relations=CHAIN)
    assert set(narrow.documents) < set(wide.documents)
    assert not {k.kind for k in narrow.links} & {"cites", "based-on"}


def test_select_depth_keeps_documents_one_link_away(corpus):
    g, root = corpus
    kinds = ("implements", "supersedes")
    sel = select(g, root, depth=1, relations=kinds)
    linked = {e.source for e in g.edges if e.target == root and e.kind in kinds}
    linked |= {e.target for e in g.edges if e.source == root and e.kind in kinds}
    assert set(sel.documents) == {root} | (linked & set(g.documents))
    # the province's draft letter implements 1536-CV/ĐU, two links below the resolution
    assert len(sel.documents) < len(select(g, root, relations=kinds).documents)
    _consistent(sel)


def test_select_no_tasks_draws_no_task_or_assignment(corpus):
    g, root = corpus
    sel = select(g, root, relations=CHAIN, tasks=False)
    assert sel.tasks == []
    assert not {k.kind for k in sel.links} & {"has-task", "lead", "cooperating"}
    assert sel.agencies  # the issuers stay
    assert select(g, root, relations=CHAIN, tasks=False, bodies=False).agencies == []


def test_select_agency_keeps_that_body_s_work_and_the_chain_above(corpus):
    g, root = corpus
    sel = select(g, root, relations=CHAIN, agency="so tai chinh")  # typed without diacritics
    assert sel.tasks
    for t in sel.tasks:
        task = g.tasks[t]
        assert "Sở Tài chính" in task.lead + task.cooperating, task.text
    holders = {g.tasks[t].document_id for t in sel.tasks}
    assert holders <= set(sel.documents) and root in sel.documents
    # every other document drawn is on the way up from a holder to the root
    up = {}
    for k in sel.links:
        if k.kind in CHAIN:
            up.setdefault(k.source, set()).add(k.target)
    reach, stack = set(holders), list(holders)
    while stack:
        for nxt in up.get(stack.pop(), ()):
            if nxt not in reach:
                reach.add(nxt)
                stack.append(nxt)
    assert set(sel.documents) <= reach | {root}
    assert len(sel.documents) < len(select(g, root, relations=CHAIN).documents)
    assert [g.agencies[a].name for a in sel.agency_filter] == ["Sở Tài chính"]
    _consistent(sel)


def test_select_unknown_document_or_body_is_an_error(corpus):
    g, root = corpus
    with pytest.raises(SelectionError, match="no document"):
        select(g, "doc:nowhere")
    with pytest.raises(SelectionError, match="no body"):
        select(g, root, agency="Bộ Ngoại giao Sao Hỏa")


def test_select_whole_graph(corpus):
    g, _ = corpus
    sel = select(g)
    assert sel.focus is None
    assert set(sel.documents) == set(g.documents) and set(sel.tasks) == set(g.tasks)
    _consistent(sel)


def test_select_collapse_tasks_then_bodies_above_the_budget(corpus):
    g, _ = corpus
    full = select(g)
    total = len(full.node_ids)
    sel = select(g, max_nodes=total - 1)
    assert sel.tasks == [] and sel.agencies == full.agencies
    groups = [x for x in sel.groups if x.kind == "TaskGroup"]
    assert sorted(t for x in groups for t in x.members) == sorted(full.tasks)
    assert all(len({g.tasks[t].document_id for t in x.members}) == 1 for x in groups)
    assert len(sel.notes) == 1
    note = sel.notes[0]
    assert f"{total} nút" in note and f"budget of {total - 1}" in note
    assert f"{len(full.tasks)} tasks were collapsed into {len(groups)} count nodes" in note
    # merged links keep how many they stand for
    leads = sum(k.count for k in sel.links if k.kind == "lead")
    assert leads == sum(1 for k in full.links if k.kind == "lead")
    _consistent(sel)

    tight = select(g, max_nodes=len(g.documents) + 2)
    assert tight.agencies == [] and any(x.kind == "AgencyGroup" for x in tight.groups)
    levels = {x.level for x in tight.groups if x.kind == "AgencyGroup"}
    assert levels <= {"central", "province", "commune", "unknown"} and "province" in levels
    assert any("bodies were collapsed" in n for n in tight.notes)
    _consistent(tight)

    tiny = select(g, max_nodes=5)
    assert any("Documents alone make" in n for n in tiny.notes)


def test_select_big_chain_collapses_to_the_budget(big_graph):
    sel = select(big_graph, "doc:nq")
    assert len(sel.node_ids) <= 1500
    assert sel.notes and "5045" in sel.notes[0]
    assert len(select(big_graph, "doc:nq", max_nodes=10_000).node_ids) == 5045


def test_select_overlaps_link_the_tasks_of_a_group(hostile_graph):
    group = SimpleNamespace(kind="conflicting_lead", score=0.83, tasks=["task:evil", "task:ok"])
    sel = select(hostile_graph, "doc:vn:57-NQ/TW", overlaps=[group])
    links = [k for k in sel.links if k.kind.startswith("overlap:")]
    assert [(k.source, k.target, k.kind, k.score) for k in links] == [
        ("task:evil", "task:ok", "overlap:conflicting_lead", 0.83)
    ]
    assert sel.overlaps["task:ok"] == [("conflicting_lead", 0.83, 2)]
    # a group with one task on the page draws nothing
    lone = SimpleNamespace(kind="duplicate", score=1.0, tasks=["task:ok", "task:elsewhere"])
    assert not [
        k for k in select(hostile_graph, overlaps=[lone]).links if k.kind.startswith("overlap")
    ]


def test_layout_chain_reads_top_to_bottom(corpus):
    g, root = corpus
    sel = select(g, root, relations=CHAIN)
    ranks = document_ranks(g, sel)
    assert ranks[root] == 0
    for k in sel.links:
        if k.kind in ("implements", "cites"):
            assert ranks[k.source] > ranks[k.target], (k.source, k.target)
    place = layout(g, sel, "chain")
    assert set(place.positions) == set(sel.node_ids)
    for k in sel.links:
        if k.kind == "implements":
            assert place.positions[k.source][1] > place.positions[k.target][1]
        if k.kind == "has-task":  # a task under its document
            assert place.positions[k.target][1] > place.positions[k.source][1]
    # no two nodes on one spot
    assert len({(round(x), round(y)) for x, y in place.positions.values()}) == len(sel.node_ids)


def test_layout_date_goes_left_to_right(corpus):
    g, root = corpus
    sel = select(g, root, relations=CHAIN, tasks=False, bodies=False)
    place = layout(g, sel, "date")
    ranks = place.ranks
    dated = [d for d in sel.documents if g.documents[d].date]
    for a in dated:
        for b in dated:
            if ranks[a] == ranks[b] and g.documents[a].date < g.documents[b].date:
                assert place.positions[a][0] < place.positions[b][0]
    undated = [d for d in sel.documents if not g.documents[d].date]
    assert undated and all(
        place.positions[u][0] < min(place.positions[d][0] for d in dated) for u in undated
    )
    assert place.ticks and any("undated" in label for _, label in place.ticks)


def test_layout_a_cycle_of_citations_still_places_everything():
    g = LineageGraph()
    for i in "abc":
        g.add_document(DocumentNode(id=i, level="province"))
    g.add_edge(Edge("a", "b", "cites"))
    g.add_edge(Edge("b", "a", "cites"))
    g.add_edge(Edge("c", "a", "cites"))
    sel = select(g, "a", relations=("cites",))
    assert set(layout(g, sel).positions) == {"a", "b", "c"}


def test_items_task_status_and_details(hostile_graph):
    sel = select(hostile_graph, "doc:vn:57-NQ/TW")
    nodes, _ = build_items(hostile_graph, sel, as_of=date(2025, 7, 1))
    by_id = {n.id: n for n in nodes}
    evil, ok = by_id["task:evil"], by_id["task:ok"]
    assert (evil.category, ok.category) == ("overdue", "recurring")
    details = dict(evil.details)
    assert details["Chủ trì / Lead"] == "Sở Tài chính"
    assert details["Phối hợp / Cooperating"] == 'Ủy ban "nhân dân" <b>tỉnh</b>'
    assert details["Thời hạn / Deadline"].startswith("30/06/2025")
    assert "quá hạn / overdue" in details["Tình trạng / Status"]
    assert by_id["doc:dt:draft:evil"].dashed and by_id["doc:vn:57-NQ/TW"].focus
    assert "dự thảo" in by_id["doc:dt:draft:evil"].label
    doc_task = TaskNode(id="t", text="x", document_id="doc:vn:57-NQ/TW", deadline=date(2025, 7, 20))
    hostile_graph.add_task(doc_task)
    sel = select(hostile_graph, "doc:vn:57-NQ/TW")
    nodes, _ = build_items(hostile_graph, sel, as_of=date(2025, 7, 1))
    assert {n.id: n.category for n in nodes}["t"] == "due-soon"
