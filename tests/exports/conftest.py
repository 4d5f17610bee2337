"""A small hand-built lineage graph holding every node and edge kind, for the adapter tests.

Facts in the style of the Đồng Tháp corpus: Resolution 57-NQ/TW known only from
citations; the province's Party plan implements it; the People's Committee's plan
implements that and supersedes its own draft (which has no number); tasks with lead and
cooperating bodies; a delegation chain; bodies that belong to others. One title holds
markup and quotes, one task a form feed (as PDF text has), to catch escaping bugs.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from policy_lineage.schema.graph_model import (
    AgencyNode,
    DocumentNode,
    Edge,
    Finding,
    LineageGraph,
    TaskNode,
)

NQ57 = "doc:vn:57-NQ/TW:2021-2026"
KH05 = "doc:dong-thap:05-KH/TU:2025-2030"
KH254 = "doc:dong-thap:254/KH-UBND:2025"
DRAFT = "doc:dong-thap:draft:ke-hoach:ubnd-tinh:3f2a9c"
ND118 = "doc:vn:118/2025/NĐ-CP"
KH200 = "doc:dong-thap:200/KH-UBND:2025"
CV1734 = "doc:vn:1734-CV/VPTW:2021-2026"

BCT = "agency:bo-chinh-tri"
TU = "agency:tinh-uy@dong-thap"
VPTU = "agency:van-phong-tinh-uy@dong-thap"
UBND = "agency:uy-ban-nhan-dan-tinh@dong-thap"
SKHCN = "agency:so-khoa-hoc-va-cong-nghe@dong-thap"
STC = "agency:so-tai-chinh@dong-thap"
XA = "agency:dang-uy-xa-my-hoa@dong-thap"

F05 = "examples/dong-thap/2025-10_kh-05-tu.txt"
F254 = "examples/dong-thap/2025-10_kh-ubnd_trien-khai-kh-05-tu.txt"
FDRAFT = "examples/dong-thap/2025-06_kh-ubnd_du-thao.docx"

TASK_SKHCN = "task:254-1"
TASK_UBND = "task:05-1"
TASK_XA = "task:254-2"

MARKUP_TITLE = 'triển khai <script>alert("x")</script> & "quotes" về chuyển đổi số'


def build_lineage() -> LineageGraph:
    g = LineageGraph()
    # -- bodies
    g.add_agency(AgencyNode(BCT, "Bộ Chính trị", level="central"))
    g.add_agency(AgencyNode(TU, "Tỉnh ủy Đồng Tháp", level="province", province="Đồng Tháp"))
    g.add_agency(
        AgencyNode(VPTU, "Văn phòng Tỉnh ủy", level="province", province="Đồng Tháp", parent_id=TU)
    )
    g.add_agency(
        AgencyNode(
            UBND,
            "Ủy ban nhân dân tỉnh Đồng Tháp",
            level="province",
            province="Đồng Tháp",
            aliases=["UBND tỉnh", "Uỷ ban nhân dân Tỉnh"],
        )
    )
    g.add_agency(
        AgencyNode(
            SKHCN,
            "Sở Khoa học và Công nghệ",
            level="province",
            province="Đồng Tháp",
            parent_id=UBND,
        )
    )
    g.add_agency(
        AgencyNode(STC, "Sở Tài chính", level="province", province="Đồng Tháp", parent_id=UBND)
    )
    g.add_agency(AgencyNode(XA, "Đảng ủy xã Mỹ Hòa", level="commune", province="Đồng Tháp"))

    # -- documents
    g.add_document(
        DocumentNode(
            NQ57,
            number="57-NQ/TW",
            doc_type="Nghị quyết",
            issuer="Bộ Chính trị",
            issuer_id=BCT,
            date=date(2024, 12, 22),
            level="central",
            description="về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia",
            cited_as=["57/NQ-TW"],
        )
    )
    g.add_document(
        DocumentNode(
            KH05,
            number="05-KH/TU",
            doc_type="Kế hoạch",
            issuer="Tỉnh ủy Đồng Tháp",
            issuer_id=TU,
            date=date(2025, 10, 22),
            in_corpus=True,
            source=F05,
            title="thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị",
            signer="Nguyễn Văn A",
            province="Đồng Tháp",
            level="province",
        )
    )
    g.add_document(
        DocumentNode(
            KH254,
            number="254/KH-UBND",
            doc_type="Kế hoạch",
            issuer="Ủy ban nhân dân tỉnh Đồng Tháp",
            issuer_id=UBND,
            date=date(2025, 10, 30),
            in_corpus=True,
            source=F254,
            title=MARKUP_TITLE,
            province="Đồng Tháp",
            level="province",
        )
    )
    g.add_document(
        DocumentNode(
            DRAFT,
            doc_type="Kế hoạch",
            issuer="Ủy ban nhân dân tỉnh Đồng Tháp",
            issuer_id=UBND,
            is_draft=True,
            in_corpus=True,
            source=FDRAFT,
            title="triển khai thực hiện Kế hoạch số 05-KH/TU (dự thảo)",
            province="Đồng Tháp",
            level="province",
            number_template="/KH-UBND",
        )
    )
    g.add_document(DocumentNode(ND118, number="118/2025/NĐ-CP", doc_type="Nghị định"))
    g.add_document(
        DocumentNode(KH200, number="200/KH-UBND", doc_type="Kế hoạch", province="Đồng Tháp")
    )
    g.add_document(DocumentNode(CV1734, number="1734-CV/VPTW", doc_type="Công văn"))

    # -- tasks
    g.add_task(
        TaskNode(
            TASK_SKHCN,
            text="Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính xây dựng Đề án phát triển hạ tầng số",
            document_id=KH254,
            lead=["Sở Khoa học và Công nghệ"],
            cooperating=["Sở Tài chính"],
            deadline=date(2025, 12, 31),
            deadline_text="Trước 31/12/2025",
            deliverable="Đề án trình UBND tỉnh",
            section=["II. NHIỆM VỤ VÀ GIẢI PHÁP", "1. Hạ tầng số"],
            delegation=["Ủy ban nhân dân tỉnh Đồng Tháp", "Sở Khoa học và Công nghệ"],
            source=F254,
            span=(1200, 1310),
        )
    )
    g.add_task(
        TaskNode(
            TASK_UBND,
            text="Lãnh đạo, chỉ đạo thực hiện\x0cthường xuyên việc rà soát nền tảng số dùng chung",
            document_id=KH05,
            lead=["Ủy ban nhân dân tỉnh Đồng Tháp"],
            recurring=True,
            recurrence="hằng quý",
            origin="appendix",
            row="3",
            source=F05,
            span=(900, 980),
        )
    )
    g.add_task(
        TaskNode(
            TASK_XA,
            text="Bảo đảm 100% xã kết nối đường truyền thông suốt",
            document_id=KH254,
            lead=["Đảng ủy xã Mỹ Hòa"],
            cooperating=["Văn phòng Tỉnh ủy"],
            deadline=date(2025, 6, 30),
            source=F254,
            span=(1400, 1450),
        )
    )

    # -- edges: every kind
    def ev(text: str, path: str, start: int, cue: str | None = None, **kw) -> dict:
        return dict(evidence=text, source_file=path, span=(start, start + len(text)), cue=cue, **kw)

    add = g.add_edge
    add(
        Edge(
            KH05,
            NQ57,
            "implements",
            **ev("Thực hiện Nghị quyết số 57-NQ/TW", F05, 100, "Thực hiện"),
        )
    )
    add(
        Edge(
            KH254, KH05, "implements", **ev("Thực hiện Kế hoạch số 05-KH/TU", F254, 80, "Thực hiện")
        )
    )
    add(
        Edge(
            DRAFT,
            KH05,
            "implements",
            **ev("triển khai thực hiện Kế hoạch số 05-KH/TU", FDRAFT, 60, "triển khai thực hiện"),
        )
    )
    add(
        Edge(
            KH254,
            DRAFT,
            "supersedes",
            evidence=MARKUP_TITLE,
            source_file=F254,
            cue="bản ban hành của dự thảo (promulgated version of the draft)",
            basis="inferred",
        )
    )
    add(
        Edge(
            KH254, ND118, "based-on", **ev("Căn cứ Nghị định số 118/2025/NĐ-CP", F254, 20, "Căn cứ")
        )
    )
    add(
        Edge(
            KH254,
            KH200,
            "amends",
            **ev("sửa đổi, bổ sung Kế hoạch số 200/KH-UBND", F254, 300, "sửa đổi, bổ sung"),
        )
    )
    add(Edge(KH05, CV1734, "cites", **ev("tại Công văn số 1734-CV/VPTW", F05, 400, "tại")))
    add(
        Edge(
            NQ57,
            BCT,
            "issued-by",
            **ev("Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị", F05, 100),
            basis="cited",
        )
    )
    for doc, agency, path in ((KH05, TU, F05), (KH254, UBND, F254), (DRAFT, UBND, FDRAFT)):
        add(Edge(doc, agency, "issued-by", **ev("ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP", path, 0)))
    for task in g.tasks.values():
        add(Edge(task.document_id, task.id, "has-task", **ev(task.text, task.source, task.span[0])))
    add(
        Edge(
            TASK_SKHCN,
            SKHCN,
            "assigned-to",
            role="lead",
            **ev("Sở Khoa học và Công nghệ chủ trì", F254, 1200, "chủ trì"),
        )
    )
    add(
        Edge(
            TASK_SKHCN,
            STC,
            "assigned-to",
            role="cooperating",
            **ev("phối hợp với Sở Tài chính", F254, 1240, "phối hợp"),
        )
    )
    add(
        Edge(
            TASK_UBND,
            UBND,
            "assigned-to",
            role="lead",
            **ev("Lãnh đạo, chỉ đạo thực hiện", F05, 900),
        )
    )
    add(Edge(TASK_XA, XA, "assigned-to", role="lead", **ev("Bảo đảm 100% xã", F254, 1400)))
    add(Edge(TASK_XA, VPTU, "assigned-to", role="cooperating", **ev("Bảo đảm 100% xã", F254, 1400)))
    add(
        Edge(
            UBND,
            SKHCN,
            "delegates",
            **ev("UBND tỉnh chỉ đạo Sở Khoa học và Công nghệ", F254, 1200, "chỉ đạo"),
        )
    )
    # the same link read from a second sentence: a parallel edge of the same kind
    add(
        Edge(
            UBND,
            SKHCN,
            "delegates",
            **ev("UBND tỉnh chỉ đạo Sở Khoa học và Công nghệ phối hợp", F05, 950, "chỉ đạo"),
        )
    )
    for agency in g.agencies.values():
        if agency.parent_id:
            add(Edge(agency.id, agency.parent_id, "part-of", basis="inferred"))

    g.findings.append(
        Finding(
            kind="body_two_numbers",
            message='Ban Chỉ đạo được gọi là "Ban Chỉ đạo 1661" và "Ban Chỉ đạo 1587"',
            subjects=[UBND],
            evidence=["Ban Chỉ đạo 1661", "Ban Chỉ đạo 1587"],
            sources=[F254],
        )
    )
    return g


@pytest.fixture
def make_lineage() -> Callable[[], LineageGraph]:
    """Builds a fresh copy of the graph each call (two builds must export the same)."""
    return build_lineage


@pytest.fixture
def lineage() -> LineageGraph:
    return build_lineage()
