"""A small lineage graph for examples, as networkx ships ``karate_club_graph``.

It is the shape of the bundled Đồng Tháp corpus in miniature: Resolution ``57-NQ/TW``;
the province's Party programme ``01-CTr/TU`` implementing it; the people's committee's
plan ``254/KH-UBND`` implementing the programme; a commune's plan ``12/KH-UBND``
implementing the province's; tasks with leads and deadlines, one of them assigned twice.

>>> g = example_graph()
>>> sorted(d.number for d in g.documents.values())
['01-CTr/TU', '12/KH-UBND', '254/KH-UBND', '57-NQ/TW']
>>> len(g.tasks), len(g.agencies)
(5, 4)
"""

from __future__ import annotations

from datetime import date

from ..schema.graph_model import AgencyNode, DocumentNode, Edge, LineageGraph, TaskNode

__all__ = ["example_graph"]

NQ57 = "doc:vn:57-NQ/TW:2021-2026"
PROGRAMME = "doc:dong-thap:01-CTr/TU:2020-2025"
PLAN = "doc:dong-thap:254/KH-UBND:2025"
COMMUNE_PLAN = "doc:dong-thap/xa-my-hoa:12/KH-UBND:2025"


def example_graph() -> LineageGraph:
    """A fresh copy of the example graph (see the module's doc); change it freely.

    >>> example_graph().documents["doc:dong-thap:254/KH-UBND:2025"].issuer
    'Ủy ban nhân dân tỉnh Đồng Tháp'
    """
    g = LineageGraph()
    docs = [
        DocumentNode(
            id=NQ57,
            number="57-NQ/TW",
            doc_type="Nghị quyết",
            issuer="Bộ Chính trị",
            date=date(2024, 12, 22),
            title="về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia",
            level="central",
        ),
        DocumentNode(
            id=PROGRAMME,
            number="01-CTr/TU",
            doc_type="Chương trình hành động",
            issuer="Tỉnh ủy Đồng Tháp",
            date=date(2025, 7, 1),
            in_corpus=True,
            source="ctr-01.txt",
            province="Đồng Tháp",
            level="province",
        ),
        DocumentNode(
            id=PLAN,
            number="254/KH-UBND",
            doc_type="Kế hoạch",
            issuer="Ủy ban nhân dân tỉnh Đồng Tháp",
            date=date(2025, 8, 4),
            in_corpus=True,
            source="kh-254.txt",
            province="Đồng Tháp",
            level="province",
        ),
        DocumentNode(
            id=COMMUNE_PLAN,
            number="12/KH-UBND",
            doc_type="Kế hoạch",
            issuer="Ủy ban nhân dân xã Mỹ Hòa",
            date=date(2025, 9, 10),
            in_corpus=True,
            source="xa-my-hoa/kh-12.txt",
            province="Đồng Tháp",
            level="commune",
        ),
    ]
    for d in docs:
        g.add_document(d)
    for source, target in ((PROGRAMME, NQ57), (PLAN, PROGRAMME), (COMMUNE_PLAN, PLAN)):
        g.add_edge(Edge(source, target, "implements", cue="Thực hiện", source_file="x"))

    bodies = {
        "Sở Khoa học và Công nghệ": "province",
        "Sở Nội vụ": "province",
        "Văn phòng Tỉnh ủy": "province",
        "Công an xã Mỹ Hòa": "commune",
    }
    for name, level in bodies.items():
        g.add_agency(AgencyNode(id=_agency(name), name=name, level=level, province="Đồng Tháp"))

    tasks = [
        ("task:1", PROGRAMME, "Rà soát nền tảng, hạ tầng số dùng chung, tránh trùng lặp",
         ["Văn phòng Tỉnh ủy"], [], date(2025, 9, 30)),
        ("task:2", PLAN, "Rà soát hạ tầng số và nền tảng dùng chung, tránh trùng lặp",
         ["Sở Khoa học và Công nghệ"], ["Sở Nội vụ"], date(2025, 9, 30)),
        ("task:3", PLAN, "Bố trí cán bộ chuyên trách chuyển đổi số cấp xã",
         ["Sở Nội vụ"], [], date(2025, 12, 31)),
        ("task:4", PLAN, "Tổ chức hội chợ công nghệ và thiết bị",
         ["Sở Khoa học và Công nghệ"], [], None),
        ("task:5", COMMUNE_PLAN, "Bảo đảm an ninh mạng cho hệ thống thông tin của xã",
         ["Công an xã Mỹ Hòa"], [], date(2025, 10, 31)),
    ]  # fmt: skip
    for tid, doc, text, lead, coop, deadline in tasks:
        g.add_task(TaskNode(tid, text, doc, lead, coop, deadline, source=g.documents[doc].source))
        g.add_edge(Edge(doc, tid, "has-task"))
        for role, names in (("lead", lead), ("cooperating", coop)):
            for name in names:
                g.add_edge(Edge(tid, _agency(name), "assigned-to", role=role))
    return g


def _agency(name: str) -> str:
    from ..graph.identity import agency_id

    level = "commune" if "xã" in name else "province"
    return agency_id(name, level, "Đồng Tháp")
