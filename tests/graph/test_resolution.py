"""Identity and resolution (DOMAIN.md §2) on small documents written for each rule."""

from __future__ import annotations

import pytest

from policy_lineage.graph.build import build_graph
from policy_lineage.loaders.pipeline import extract_paths

UBND_HEAD = "ỦY BAN NHÂN DÂN                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH {P}                   Độc lập - Tự do - Hạnh phúc\n"
TU_HEAD = "TỈNH ỦY {P}                      ĐẢNG CỘNG SẢN VIỆT NAM\nBAN THƯỜNG VỤ\n"
SIGN = "\nNơi nhận:                                   TM. ỦY BAN NHÂN DÂN\n- Lưu: VT.                                    CHỦ TỊCH\n\n\n                                              Nguyễn Văn An\n"


def ubnd(
    province: str, number: str, place_date: str, title: str, body: str, draft: bool = False
) -> str:
    mark = "DỰ THẢO\n" if draft else ""
    return (
        UBND_HEAD.format(P=province.upper())
        + f"\nSố: {number}                 {place_date}\n\n{mark}KẾ HOẠCH\n{title}\n\n{body}\n"
        + "II. NHIỆM VỤ\n1. Sở Khoa học và Công nghệ chủ trì xây dựng cơ sở dữ liệu, hoàn thành trong tháng 9/2025.\n"
        + SIGN
    )


@pytest.fixture
def corpus(tmp_path):
    def write(name: str, text: str) -> str:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return str(path)

    return write


def graph_of(*paths: str):
    exs = list(extract_paths(list(paths)))
    assert all(not isinstance(e, Exception) for e in exs), exs
    return build_graph(exs)


def docs_numbered(graph, number: str):
    return [d for d in graph.documents.values() if d.number == number]


PLAN_359 = (
    TU_HEAD.format(P="ĐỒNG THÁP")
    + "\nSố 359-KH/TU                      Đồng Tháp, ngày 03 tháng 6 năm 2025\n\nKẾ HOẠCH\n"
    "thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị\n\n"
    "Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch.\n"
    "1. Ủy ban nhân dân tỉnh chủ trì triển khai, hoàn thành trong tháng 12/2025.\n"
    "\n                                            T/M BAN THƯỜNG VỤ\n                                            PHÓ BÍ THƯ\n\n                                            Trần Văn B\n"
)


def test_a_stub_merges_with_the_full_document_when_it_is_ingested(corpus):
    a = corpus(
        "a.txt",
        ubnd(
            "Đồng Tháp",
            "12/KH-UBND",
            "Đồng Tháp, ngày 10 tháng 6 năm 2025",
            "Triển khai thực hiện Kế hoạch số 359-KH/TU ngày 03/6/2025 của Ban Thường vụ Tỉnh ủy",
            "Thực hiện Kế hoạch số 359-KH/TU ngày 03/6/2025 của Ban Thường vụ Tỉnh ủy, Ủy ban nhân dân tỉnh ban hành Kế hoạch.",
        ),
    )
    alone = graph_of(a)
    (stub,) = docs_numbered(alone, "359-KH/TU")
    assert not stub.in_corpus
    b = corpus("b.txt", PLAN_359)
    both = graph_of(a, b)
    (full,) = docs_numbered(both, "359-KH/TU")
    assert full.in_corpus and full.source == b and full.id == stub.id
    (plan,) = docs_numbered(both, "12/KH-UBND")
    assert (plan.id, full.id, "implements") in {(e.source, e.target, e.kind) for e in both.edges}
    assert len(docs_numbered(both, "57-NQ/TW")) == 1


def test_local_symbols_of_two_provinces_are_two_documents(corpus):
    cite = "Căn cứ Kế hoạch số 254/KH-UBND ngày 15/9/2025 của Ủy ban nhân dân tỉnh, Ủy ban nhân dân tỉnh ban hành Kế hoạch."
    a = corpus(
        "a.txt",
        ubnd(
            "Đồng Tháp",
            "300/KH-UBND",
            "Đồng Tháp, ngày 1 tháng 10 năm 2025",
            "Về chuyển đổi số",
            cite,
        ),
    )
    b = corpus(
        "b.txt",
        ubnd(
            "Nghệ An", "301/KH-UBND", "Nghệ An, ngày 1 tháng 10 năm 2025", "Về chuyển đổi số", cite
        ),
    )
    g = graph_of(a, b)
    nodes = docs_numbered(g, "254/KH-UBND")
    assert sorted(n.province for n in nodes) == ["Nghệ An", "Đồng Tháp"]


def test_state_numbers_start_again_each_year(corpus):
    a = corpus(
        "a.txt",
        ubnd(
            "Đồng Tháp",
            "10/KH-UBND",
            "Đồng Tháp, ngày 1 tháng 4 năm 2026",
            "Về chuyển đổi số",
            "Căn cứ Công văn số 807/UBND-KGVX ngày 21/3/2026 của Ủy ban nhân dân tỉnh, Ủy ban nhân dân tỉnh ban hành Kế hoạch.",
        ),
    )
    b = corpus(
        "b.txt",
        ubnd(
            "Đồng Tháp",
            "11/KH-UBND",
            "Đồng Tháp, ngày 1 tháng 4 năm 2025",
            "Về khoa học",
            "Căn cứ Công văn số 807/UBND-KGVX ngày 10/02/2025 của Ủy ban nhân dân tỉnh, Ủy ban nhân dân tỉnh ban hành Kế hoạch.",
        ),
    )
    g = graph_of(a, b)
    assert sorted(n.date.year for n in docs_numbered(g, "807/UBND-KGVX")) == [2025, 2026]


def test_one_document_cited_with_two_dates_is_a_finding_not_two_documents(corpus):
    a = corpus(
        "a.txt",
        ubnd(
            "Đồng Tháp",
            "10/KH-UBND",
            "Đồng Tháp, ngày 1 tháng 6 năm 2025",
            "Về chuyển đổi số",
            "Thực hiện Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ, Ủy ban nhân dân tỉnh ban hành Kế hoạch.",
        ),
    )
    b = corpus(
        "b.txt",
        ubnd(
            "Đồng Tháp",
            "11/KH-UBND",
            "Đồng Tháp, ngày 2 tháng 6 năm 2025",
            "Về khoa học",
            "Thực hiện Nghị quyết số 71/NQ-CP ngày 02/4/2025 của Chính phủ, Ủy ban nhân dân tỉnh ban hành Kế hoạch.",
        ),
    )
    g = graph_of(a, b)
    (node,) = docs_numbered(g, "71/NQ-CP")
    (finding,) = [f for f in g.findings if f.kind == "document_two_dates"]
    assert finding.subjects == [node.id]
    assert "01/04/2025" in finding.message and "02/04/2025" in finding.message
    assert sorted(finding.sources) == sorted([a, b])


TITLE = "Triển khai thực hiện Kế hoạch số 359-KH/TU ngày 03/6/2025 của Ban Thường vụ Tỉnh ủy"
OPENING = "Thực hiện Kế hoạch số 359-KH/TU ngày 03/6/2025 của Ban Thường vụ Tỉnh ủy, Ủy ban nhân dân tỉnh ban hành Kế hoạch."


def test_the_promulgated_version_supersedes_its_draft(corpus):
    draft = corpus(
        "draft.txt",
        ubnd(
            "Đồng Tháp",
            "   /KH-UBND",
            "Đồng Tháp, ngày    tháng 6 năm 2025",
            TITLE,
            OPENING,
            draft=True,
        ),
    )
    final = corpus(
        "final.txt",
        ubnd("Đồng Tháp", "150/KH-UBND", "Đồng Tháp, ngày 20 tháng 6 năm 2025", TITLE, OPENING),
    )
    other = corpus(
        "other.txt",
        ubnd(
            "Đồng Tháp",
            "151/KH-UBND",
            "Đồng Tháp, ngày 21 tháng 6 năm 2025",
            "Về phát triển du lịch nông thôn",
            "Ủy ban nhân dân tỉnh ban hành Kế hoạch.",
        ),
    )
    g = graph_of(draft, final, other)
    by_source = {d.source: d for d in g.documents.values() if d.in_corpus}
    assert by_source[draft].is_draft and by_source[draft].number is None
    sup = [e for e in g.edges if e.kind == "supersedes"]
    assert [(e.source, e.target, e.basis) for e in sup] == [
        (by_source[final].id, by_source[draft].id, "inferred")
    ]


def test_a_draft_keeps_its_id_between_builds_and_formats(corpus):
    text = ubnd(
        "Đồng Tháp",
        "   /KH-UBND",
        "Đồng Tháp, ngày    tháng 6 năm 2025",
        TITLE,
        OPENING,
        draft=True,
    )
    one = graph_of(corpus("draft1.txt", text))
    two = graph_of(corpus("draft2.txt", text))
    assert [d.id for d in one.documents.values() if d.in_corpus] == [
        d.id for d in two.documents.values() if d.in_corpus
    ]


def test_the_same_document_in_two_files_is_one_node_and_a_finding(corpus):
    text = ubnd("Đồng Tháp", "150/KH-UBND", "Đồng Tháp, ngày 20 tháng 6 năm 2025", TITLE, OPENING)
    a, b = corpus("a.txt", text), corpus("b.txt", text + "\n")
    g = graph_of(a, b)
    assert len(docs_numbered(g, "150/KH-UBND")) == 1
    assert len(g.tasks) == 1  # its tasks are not counted twice
    (finding,) = [f for f in g.findings if f.kind == "document_two_files"]
    assert finding.sources == [a, b]


def test_explicit_replacement_gives_supersedes(corpus):
    a = corpus(
        "a.txt",
        ubnd(
            "Đồng Tháp",
            "150/KH-UBND",
            "Đồng Tháp, ngày 20 tháng 6 năm 2025",
            "Về chuyển đổi số",
            "Ủy ban nhân dân tỉnh ban hành Kế hoạch này thay thế Kế hoạch số 100/KH-UBND ngày 01/02/2025 của Ủy ban nhân dân tỉnh.",
        ),
    )
    g = graph_of(a)
    (old,) = docs_numbered(g, "100/KH-UBND")
    sup = [(e.target, e.basis) for e in g.edges if e.kind == "supersedes"]
    assert sup == [(old.id, "stated")]


def commune_plan(
    commune: str, number: str, body: str, province_line: bool = True, province: str = "Đồng Tháp"
) -> str:
    where = f" tỉnh {province}" if province_line else ""
    return (
        f"ỦY BAN NHÂN DÂN                   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nXÃ {commune.upper()}                       Độc lập - Tự do - Hạnh phúc\n\n"
        f"Số: {number}                 {commune}, ngày 09 tháng 10 năm 2025\n\nKẾ HOẠCH\nVề chuyển đổi số\n\n"
        f"{body.format(where=where)}\n"
        "1. Công an xã chủ trì bảo đảm an ninh mạng, hoàn thành trong tháng 12/2025.\n" + SIGN
    )


def test_every_commune_has_its_own_12_kh_ubnd(corpus):
    body = "Thực hiện Kế hoạch số 39/KH-UBND ngày 05/5/2025 của Ủy ban nhân dân tỉnh{where}, Ủy ban nhân dân xã ban hành Kế hoạch."
    a = corpus("a.txt", commune_plan("Mỹ Hòa", "12/KH-UBND", body))
    b = corpus("b.txt", commune_plan("Tân Phú", "12/KH-UBND", body))
    g = graph_of(a, b)
    assert len(docs_numbered(g, "12/KH-UBND")) == 2
    assert len(docs_numbered(g, "39/KH-UBND")) == 1  # the province's plan both implement


def test_a_commune_letter_naming_no_province_joins_its_commune(corpus):
    plan = corpus(
        "plan.txt",
        commune_plan(
            "Mỹ Hòa",
            "12/KH-UBND",
            "Thực hiện Kế hoạch số 39/KH-UBND ngày 05/5/2025 của Ủy ban nhân dân tỉnh{where}, Ủy ban nhân dân xã ban hành Kế hoạch.",
        ),
    )
    letter = corpus(
        "letter.txt",
        commune_plan(
            "Mỹ Hòa",
            "30/UBND-VP",
            "Thực hiện Kế hoạch số 12/KH-UBND ngày 09/10/2025 của Ủy ban nhân dân xã, Ủy ban nhân dân xã đề nghị:",
            province_line=False,
        ),
    )
    g = graph_of(plan, letter)
    (target,) = docs_numbered(g, "12/KH-UBND")
    assert target.in_corpus  # the letter's citation found the commune's own plan
    (source,) = docs_numbered(g, "30/UBND-VP")
    assert source.province == "Đồng Tháp"
    assert (source.id, target.id, "implements") in {(e.source, e.target, e.kind) for e in g.edges}


def test_a_commune_letter_finds_its_province_by_the_plan_it_cites(corpus):
    """Communes of one name exist in several provinces: the letter that names no province
    belongs where the commune plan it cites was issued."""
    implementing = "Thực hiện Kế hoạch số 39/KH-UBND ngày 05/5/2025 của Ủy ban nhân dân tỉnh{where}, Ủy ban nhân dân xã ban hành Kế hoạch."
    plans = [
        corpus("a.txt", commune_plan("Hòa Hưng", "12/KH-UBND", implementing, province="Đồng Tháp")),
        corpus("b.txt", commune_plan("Hòa Hưng", "226/KH-UBND", implementing, province="Nghệ An")),
    ]
    asks = "Thực hiện Kế hoạch số 226/KH-UBND ngày 09/10/2025 của Ủy ban nhân dân xã, Ủy ban nhân dân xã đề nghị:"
    letter = corpus("letter.txt", commune_plan("Hòa Hưng", "30/UBND-VP", asks, province_line=False))
    other = corpus(
        "other.txt",
        commune_plan("Hòa Hưng", "31/UBND-VP", asks.replace("226/", "12/"), province_line=False),
    )
    g = graph_of(*plans, letter, other)
    (source,) = docs_numbered(g, "30/UBND-VP")
    assert source.province == "Nghệ An"
    (second,) = docs_numbered(g, "31/UBND-VP")
    assert second.province == "Đồng Tháp"  # each letter its own: one answer does not stick
    (target,) = docs_numbered(g, "226/KH-UBND")
    assert target.in_corpus and target.province == "Nghệ An"
    assert (source.id, target.id, "implements") in {(e.source, e.target, e.kind) for e in g.edges}


def test_same_named_communes_with_same_numbered_plans_are_told_apart_by_date(corpus):
    implementing = "Thực hiện Kế hoạch số 39/KH-UBND ngày 05/5/2025 của Ủy ban nhân dân tỉnh{where}, Ủy ban nhân dân xã ban hành Kế hoạch."
    early = commune_plan("Hòa Hưng", "226/KH-UBND", implementing, province="Đồng Tháp")
    early = early.replace("ngày 09 tháng 10 năm 2025", "ngày 01 tháng 9 năm 2025")
    plans = [
        corpus("a.txt", early),
        corpus("b.txt", commune_plan("Hòa Hưng", "226/KH-UBND", implementing, province="Nghệ An")),
    ]
    asks = "Thực hiện Kế hoạch số 226/KH-UBND ngày 01/9/2025 của Ủy ban nhân dân xã, Ủy ban nhân dân xã đề nghị:"
    letter = corpus("letter.txt", commune_plan("Hòa Hưng", "30/UBND-VP", asks, province_line=False))
    g = graph_of(*plans, letter)
    (source,) = docs_numbered(g, "30/UBND-VP")
    assert source.province == "Đồng Tháp"
