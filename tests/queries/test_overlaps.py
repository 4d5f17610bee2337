"""Overlapping assignments: the same work assigned twice, on the bundled corpus and on
small graphs built for one behaviour each.

The three groups below were found by reading the 2025-06 letter of the Party committee's
Standing Board (implementing 04-TB/BCĐTW) beside the 2025-06 plan of the people's
committee (implementing 359-KH/TU): each plan item restates a letter item, reworded.
The pairs in ``DIFFERENT`` were read too: each is two tasks that share words (training,
data, policies, the head of agency) but ask for different work."""

from __future__ import annotations

import csv
import io
import json
import unicodedata

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from policy_lineage.cli import main
from policy_lineage.graph.store import load_graph
from policy_lineage.queries import textsim
from policy_lineage.queries.overlaps import find_overlaps, group_to_json
from policy_lineage.schema.graph_model import DocumentNode, Edge, LineageGraph, TaskNode

LETTER = "2025-06_cv-btvtu_trien-khai-tb-04-bcdtw_du-thao.txt"
PLAN = "2025-06_kh-ubnd_trien-khai-kh-359-tu_du-thao.txt"

# (words in the letter's task, words in the plan's task), as printed.
SAME_WORK = [
    ("Bảo đảm 100% xã kết nối đường truyền thông suốt", "Bảo đảm 100% xã, tỉnh kết nối đường truyền thông suốt"),
    ("rà soát nền tảng, hạ tầng số dùng chung", "rà soát nền tảng, hạ tầng số dùng chung"),
    ("người đứng đầu", "Người đứng đầu tại cơ quan, đơn vị, lãnh đạo, chỉ đạo, kiểm tra việc cụ thể hóa Nghị quyết số 57-NQ/TW"),
]  # fmt: skip

# Genuinely different work that shares vocabulary: never in one group.
DIFFERENT = [
    ("Xây dựng, triển khai đề án ứng dụng IoT", "Đẩy mạnh tiêu dùng sản phẩm, dịch vụ trên môi trường số, bảo đảm kinh tế số"),
    ("Uỷ ban Kiểm tra Tỉnh ủy: tăng cường công tác kiểm tra, giám sát", "Đảng uỷ các cơ quan Đảng Tỉnh lãnh đạo các đơn vị trực thuộc tăng cường công tác tuyên truyền"),
    ("cụ thể hóa Nghị định số 180/2025/NĐ-CP", "Tranh thủ sự hỗ trợ của các bộ, ngành Trung ương"),
    ("Người đứng đầu các cơ quan, đơn vị được giao nhiệm vụ", "Khẩn trương nghiên cứu, rà soát nội dung Báo cáo số 77"),
    ("Khẩn trương lãnh đạo, chỉ đạo xây dựng và ban hành các cơ chế, chính sách đặc thù", "Đảng uỷ các cơ quan Đảng Tỉnh lãnh đạo các đơn vị trực thuộc tăng cường công tác tuyên truyền"),
    ("Đẩy mạnh kết nối, chia sẻ dữ liệu hiệu quả giữa các cơ sở dữ liệu", "Rà soát, cấu trúc lại quy trình các dịch vụ công trực tuyến"),
    ("Triển khai đảm bảo hạ tầng kỹ thuật, trang thiết bị đầu cuối", "Bảo đảm đủ, kịp thời kinh phí để nâng cấp hạ tầng kỹ thuật"),
    ("Tham mưu xây dựng Nghị quyết quy định chính sách đặc thù về đào tạo", "đặt hàng viện/trường trong công tác đào tạo, bồi dưỡng"),
    ("Tham mưu xây dựng Nghị quyết quy định chính sách ưu đãi, hỗ trợ", "Xây dựng Đề án phát triển vùng nông nghiệp ứng dụng công nghệ cao"),
    ("Tuân thủ chế độ báo cáo, đánh giá theo quy định", "Người đứng đầu tại cơ quan, đơn vị, lãnh đạo, chỉ đạo, kiểm tra việc cụ thể hóa"),
    ("Chỉ đạo Văn phòng UBND tỉnh chủ trì, phối hợp với Công an tỉnh", "Đẩy mạnh kết nối, chia sẻ dữ liệu hiệu quả giữa các cơ sở dữ liệu"),
    ("Bảo đảm hạ tầng kho lưu trữ, đường truyền phục vụ số hóa hồ sơ", "Bảo đảm đủ, kịp thời kinh phí để nâng cấp hạ tầng kỹ thuật"),
    ("Báo cáo hằng Quý (ngày 15 của tháng cuối Quý)", "Thực hiện việc rà soát và thúc đẩy hoạt động hiệu quả của các sản phẩm dịch vụ"),
]  # fmt: skip


@pytest.fixture(scope="module")
def store(corpus_store) -> str:
    return str(corpus_store)


@pytest.fixture(scope="module")
def groups(store):
    return find_overlaps(load_graph(store))


def _norm(s: str) -> str:
    return " ".join(unicodedata.normalize("NFC", s).casefold().split())


def _tasks_with(graph: LineageGraph, words: str, file: str | None = None) -> list[TaskNode]:
    found = [
        t
        for t in graph.tasks.values()
        if _norm(words) in _norm(t.text) and (file is None or (t.source or "").endswith(file))
    ]
    assert found, f"no task with {words!r}"
    return found


@pytest.mark.parametrize(("letter_words", "plan_words"), SAME_WORK)
def test_the_same_work_in_the_letter_and_the_plan_is_one_labelled_group(
    store, groups, letter_words, plan_words
):
    graph = load_graph(store)
    letter_ids = {t.id for t in _tasks_with(graph, letter_words, LETTER)}
    plan_ids = {t.id for t in _tasks_with(graph, plan_words, PLAN)}
    found = [g for g in groups if letter_ids & set(g.tasks) and plan_ids & set(g.tasks)]
    assert len(found) == 1, [g.tasks for g in groups]
    group = found[0]
    # The letter names a lead the plan does not: the same work assigned again, not to
    # someone else, and the unstated lead is said.
    assert group.kind == "duplicate"
    assert "lead" in group.unstated
    assert 0.6 <= group.score <= 1.0
    assert {m.source.rsplit("/", 1)[-1] for m in group.members} == {LETTER, PLAN}


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_different_work_sharing_words_is_not_grouped(store, groups, a, b):
    graph = load_graph(store)
    ids_a = {t.id for t in _tasks_with(graph, a)}
    ids_b = {t.id for t in _tasks_with(graph, b)}
    assert ids_a.isdisjoint(ids_b)
    for g in groups:
        assert not (ids_a & set(g.tasks) and ids_b & set(g.tasks)), g.tasks


def test_groups_are_strongest_first_and_never_inside_one_document(groups):
    assert [g.score for g in groups] == sorted((g.score for g in groups), reverse=True)
    for g in groups:
        assert len({m.document_id for m in g.members}) >= 2


def test_overlaps_json_keeps_the_contract(store):
    result = CliRunner().invoke(main, ["overlaps", "--store", store, "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert len(data) >= 3
    for group in data:
        assert group["kind"] in ("duplicate", "conflicting_lead", "conflicting_deadline")
        assert 0 <= group["score"] <= 1
        for task in group["tasks"]:
            assert {"text", "lead", "deadline", "document"} <= set(task)
            assert isinstance(task["lead"], list)


def test_overlaps_table_and_csv(store):
    table = CliRunner().invoke(main, ["overlaps", "--store", store])
    assert table.exit_code == 0
    assert "trùng lặp" in table.stdout and "Chủ trì" in table.stdout
    out = CliRunner().invoke(main, ["overlaps", "--store", store, "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert {r["group"] for r in rows} >= {"1", "2", "3"}
    assert all(r["kind"] for r in rows)


def test_agency_filter_and_min_score(store):
    def count(*args: str) -> int:
        result = CliRunner().invoke(main, ["overlaps", "--store", store, "--format", "json", *args])
        assert result.exit_code == 0, result.output
        return len(json.loads(result.stdout))

    everything = count()
    assert 0 < count("--agency", "van phong tinh uy") < everything
    assert count("--agency", "Sở Giao thông Vận tải") == 0
    assert count("--min-score", "0.99") < everything
    bad = CliRunner().invoke(main, ["overlaps", "--store", store, "--min-score", "2"])
    assert bad.exit_code == 2


# -- small graphs, one behaviour each ------------------------------------------------


def _graph(*tasks: tuple[str, str, list[str], str | None], docs: dict[str, dict] | None = None):
    """Tasks as (document id, text, leads, ISO deadline)."""
    from datetime import date

    g = LineageGraph()
    for doc_id, text, lead, deadline in tasks:
        if doc_id not in g.documents:
            extra = (docs or {}).get(doc_id, {})
            g.add_document(DocumentNode(id=doc_id, number=doc_id.split(":")[-1], **extra))
        n = len(g.tasks) + 1
        g.add_task(
            TaskNode(
                f"task:{n}",
                text,
                doc_id,
                lead=lead,
                deadline=date.fromisoformat(deadline) if deadline else None,
            )
        )
    return g


WORK = "Rà soát, bảo đảm hạ tầng số dùng chung cấp xã, tránh đầu tư trùng lặp"
REWORDED = "Đảm bảo hạ tầng số dùng chung cấp xã, rà soát tránh đầu tư trùng lặp"


@pytest.mark.parametrize(
    ("lead_b", "deadline_b", "kind"),
    [
        (["Sở Nội vụ"], "2025-06-30", "duplicate"),
        (["Sở Tài chính"], "2025-06-30", "conflicting_lead"),
        (["Sở Nội vụ"], "2025-12-31", "conflicting_deadline"),
        ([], None, "duplicate"),  # nothing stated is not a conflict
    ],
)
def test_each_kind_is_labelled(lead_b, deadline_b, kind):
    g = _graph(("d:1", WORK, ["Sở Nội vụ"], "2025-06-30"), ("d:2", REWORDED, lead_b, deadline_b))
    [group] = find_overlaps(g)
    assert group.kind == kind
    assert group_to_json(group)["kind"] == kind


def test_lead_spelled_two_ways_is_one_lead():
    g = _graph(
        ("d:1", WORK, ["Sở Khoa học và Công nghệ"], None),
        ("d:2", REWORDED, ["SỞ KHOA HỌC VÀ CÔNG NGHỆ"], None),
    )
    assert [o.kind for o in find_overlaps(g)] == ["duplicate"]


def test_a_draft_and_its_promulgated_version_are_not_an_overlap():
    g = _graph(("d:draft", WORK, [], None), ("d:final", WORK, [], None))
    g.add_edge(Edge("d:final", "d:draft", "supersedes"))
    assert find_overlaps(g) == []


def test_tasks_of_one_document_are_not_compared():
    g = _graph(("d:1", WORK, [], None), ("d:1", REWORDED, [], None))
    assert find_overlaps(g) == []


def test_two_communes_doing_the_same_work_is_not_an_overlap_but_one_commune_twice_is():
    """Every commune carries the province's work down to its own offices; the same work
    twice *inside* one commune (its plan and its letter) is what users must see."""

    def commune(name: str) -> dict:
        return {
            "province": "Đồng Tháp",
            "level": "commune",
            "issuer": f"Ủy ban nhân dân xã {name}",
        }

    docs = {
        "d:my-hoa-plan": commune("Mỹ Hòa"),
        "d:my-hoa-letter": commune("Mỹ Hòa"),
        "d:an-binh-plan": commune("An Bình"),
    }
    g = _graph(
        ("d:my-hoa-plan", WORK, ["Công an xã Mỹ Hòa"], None),
        ("d:my-hoa-letter", REWORDED, ["Công an xã Mỹ Hòa"], None),
        ("d:an-binh-plan", WORK, ["Công an xã An Bình"], None),
        docs=docs,
    )
    [group] = find_overlaps(g)
    assert {m.document_id for m in group.members} == {"d:my-hoa-plan", "d:my-hoa-letter"}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Bảo đảm an toàn thông tin cho hệ thống", "Đảm bảo an toàn thông tin cho hệ thống"),
        ("Phát triển KH&CN, ĐMST và CĐS", "phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số"),
        ("Cụ thể hoá Nghị quyết số 57-NQ/TW", "Cụ thể hóa Nghị quyết số 57-NQ/TW"),
        ("Uỷ ban nhân dân xã số hoá hồ sơ", "UBND xã số hóa hồ sơ"),
        ("kiểm tra, giám sát và đánh giá", "đánh giá, giám sát và kiểm tra"),
        ("nâng cao kỹ năng số", unicodedata.normalize("NFD", "NÂNG CAO KĨ NĂNG SỐ")),
    ],
)  # fmt: skip
def test_vietnamese_paraphrase_scores_as_the_same_text(a, b):
    assert textsim.similarity(a, b) == pytest.approx(1.0)


TEXT = st.text(
    alphabet=st.sampled_from(list("abcđeêghiklmnoôơpqrstuưvxyàáảãạăằắẳẵặâầấẩẫậ ,.;:-/0123456789")),
    max_size=120,
)


@settings(max_examples=200, deadline=None)
@given(TEXT, TEXT)
def test_similarity_is_symmetric_and_bounded(a, b):
    s = textsim.similarity(a, b)
    assert 0.0 <= s <= 1.0
    assert s == pytest.approx(textsim.similarity(b, a))


# Words written in the old tone style → the new one (DOMAIN.md: both are in use).
TONE_STYLES = {"hoá": "hóa", "hoà": "hòa", "uỷ": "ủy", "thuỷ": "thủy", "khoẻ": "khỏe", "quý": "quý"}
WORDS = st.lists(
    st.sampled_from([*TONE_STYLES, "số", "hạ", "tầng", "xã", "kĩ", "năng", "57-NQ/TW", ",", "và"]),
    max_size=25,
)


@settings(max_examples=200, deadline=None)
@given(WORDS)
def test_writing_styles_do_not_change_a_text(words):
    """Case, NFD letters and the two tone-mark styles are one text."""
    text = " ".join(words)
    new_style = " ".join(TONE_STYLES.get(w, w) for w in words)
    for variant in (text.upper(), unicodedata.normalize("NFD", text), new_style):
        assert textsim.normalize(variant) == textsim.normalize(text)


def test_communes_whose_province_is_not_known_stay_apart():
    """A commune's letter often names no province; it is still that commune's work."""

    def letter(name: str) -> dict:
        return {"level": "commune", "issuer": f"Ủy ban nhân dân xã {name}"}

    g = _graph(
        ("d:hoa-hung", WORK, [], None),
        ("d:my-phuoc", REWORDED, [], None),
        docs={"d:hoa-hung": letter("Hòa Hưng"), "d:my-phuoc": letter("Mỹ Phước")},
    )
    assert find_overlaps(g) == []
