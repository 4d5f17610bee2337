"""The lineage graph of the five bundled Đồng Tháp documents: the chains a reader sees.

Each expected edge was read from the documents' own words (the titles and the opening
"Thực hiện …" / "Căn cứ …" sentences), not copied from the tool's output.
"""

from __future__ import annotations

import pytest

from policy_lineage.graph.build import build_graph
from policy_lineage.loaders.pipeline import extract_paths
from policy_lineage.loaders.textnorm import fold

LETTER_2025_06 = "2025-06_cv-btvtu_trien-khai-tb-04-bcdtw_du-thao.txt"
PLAN_2025_06 = "2025-06_kh-ubnd_trien-khai-kh-359-tu_du-thao.txt"
PLAN_2025_10 = "2025-10_kh-ubnd_trien-khai-kh-05-tu_du-thao.txt"
PROGRAMME = "2025_ctr-btvtu_chuong-trinh-hanh-dong-nq57.txt"
LETTER_2026_04 = "2026-04_cv-ubnd-kgvx_chi-dao-nq57.txt"


@pytest.fixture(scope="module")
def graph(corpus_graph):
    return corpus_graph


def node_of(graph, name: str) -> str:
    """A document by its file name (in the corpus) or its printed number (cited)."""
    found = [
        d.id
        for d in graph.documents.values()
        if (d.source and d.source.endswith(name)) or d.number == name
    ]
    assert len(found) == 1, f"{name}: {found}"
    return found[0]


def edges(graph, kind: str) -> set[tuple[str, str]]:
    return {(e.source, e.target) for e in graph.edges if e.kind == kind}


@pytest.mark.parametrize(
    "source, target",
    [
        (PLAN_2025_10, "05-KH/TU"),
        ("05-KH/TU", "07-TB/CQTTBCĐ"),  # said by the plan's title, between two cited texts
        ("05-KH/TU", "47-TB/TGV"),  # "…thực hiện Thông báo 07-TB/…; Thông báo 47-TB/TGV"
        (LETTER_2025_06, "04-TB/BCĐTW"),
        (PLAN_2025_06, "359-KH/TU"),
        (LETTER_2026_04, "1536-CV/ĐU"),
        (LETTER_2026_04, "1734-CV/VPTW"),
        (LETTER_2026_04, "3398/VPCP-CĐS"),
        (PROGRAMME, "57-NQ/TW"),
    ],
)
def test_chain_edges(graph, source, target):
    assert (node_of(graph, source), node_of(graph, target)) in edges(graph, "implements")


def test_links_between_cited_documents_are_marked_as_cited(graph):
    link = next(
        e
        for e in graph.edges
        if e.kind == "implements"
        and e.source == node_of(graph, "05-KH/TU")
        and e.target == node_of(graph, "07-TB/CQTTBCĐ")
    )
    assert link.basis == "cited"
    assert link.source_file.endswith(PLAN_2025_10)
    assert "07-TB/CQTTBCĐ" in link.evidence


def test_one_node_for_57_nq_tw_however_many_files_cite_it(graph):
    nodes = [d for d in graph.documents.values() if d.number == "57-NQ/TW"]
    assert len(nodes) == 1
    node = nodes[0]
    assert not node.in_corpus
    assert node.date.isoformat() == "2024-12-22"
    assert node.issuer == "Bộ Chính trị" and node.level == "central"
    citing = {e.source for e in graph.edges if e.target == node.id and e.basis == "stated"}
    assert len(citing) == 5  # every bundled document mentions it


def test_one_node_for_so_khoa_hoc_va_cong_nghe(graph):
    nodes = [a for a in graph.agencies.values() if a.name == "Sở Khoa học và Công nghệ"]
    assert len(nodes) == 1
    so = nodes[0]
    assert (so.level, so.province) == ("province", "Đồng Tháp")
    leads = {e.source for e in graph.edges if e.kind == "assigned-to" and e.target == so.id}
    documents = {graph.tasks[t].document_id for t in leads}
    assert len(documents) >= 3  # it is given work by several documents, always the same node
    parent = next(e.target for e in graph.edges if e.kind == "part-of" and e.source == so.id)
    assert graph.agencies[parent].name == "Ủy ban nhân dân tỉnh Đồng Tháp"


def test_every_fact_edge_carries_its_evidence(graph):
    for e in graph.edges:
        if e.kind == "part-of":
            continue  # from the table of bodies, not from a sentence
        assert e.evidence and e.source_file, e


def test_stubs_hold_what_the_citation_says(graph):
    node = graph.documents[node_of(graph, "359-KH/TU")]
    assert (node.doc_type, node.date.isoformat()) == ("Kế hoạch", "2025-06-03")
    assert node.issuer == "Ban Thường vụ Tỉnh ủy Đồng Tháp"
    assert node.province == "Đồng Tháp" and not node.in_corpus


def test_the_steering_committee_named_with_two_numbers_is_a_finding(graph):
    findings = [f for f in graph.findings if f.kind == "body_two_numbers"]
    assert len(findings) == 1
    f = findings[0]
    assert "1661" in f.message and "1587" in f.message
    assert f.sources[0].endswith(LETTER_2025_06)
    body = graph.agencies[f.subjects[0]]
    assert fold(body.name).startswith("ban chỉ đạo về phát triển khoa học")
    assert "Ban Chỉ đạo 1661" in body.aliases


def test_tasks_hang_from_their_document_with_leads(graph):
    plan = node_of(graph, PLAN_2025_10)
    tasks = [t for t in graph.tasks.values() if t.document_id == plan]
    assert len(tasks) == 25  # 21 appendix rows and four duties of "Tổ chức thực hiện"
    has_task = {t for s, t in edges(graph, "has-task") if s == plan}
    assert has_task == {t.id for t in tasks}
    roles = {e.role for e in graph.edges if e.kind == "assigned-to" and e.source in has_task}
    assert roles == {"lead", "cooperating"}


def test_delegation_chain(graph):
    names = {(graph.agencies[s].name, graph.agencies[t].name) for s, t in edges(graph, "delegates")}
    assert (
        "Đảng ủy Ủy ban nhân dân tỉnh Đồng Tháp",
        "Ủy ban nhân dân tỉnh Đồng Tháp",
    ) in names
    assert ("Ủy ban nhân dân tỉnh Đồng Tháp", "Sở Giáo dục và Đào tạo") in names


def test_building_in_another_order_gives_the_same_graph(corpus):
    exs = list(extract_paths([str(corpus)]))
    a = build_graph(exs).to_node_link()
    b = build_graph(list(reversed(exs))).to_node_link()
    assert sorted(n["id"] for n in a["nodes"]) == sorted(n["id"] for n in b["nodes"])
    key = lambda e: (e["source"], e["target"], e["kind"], e["role"] or "")  # noqa: E731
    assert sorted(map(key, a["edges"])) == sorted(map(key, b["edges"]))
