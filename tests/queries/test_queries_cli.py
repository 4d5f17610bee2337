"""The questions users ask, on the bundled corpus: find a document the way people name it,
trace its chain, list the tasks that derive from it, a body's work, and the audit.

Expected facts were read from the documents (see tests/lineage/test_graph_dongthap.py)."""

from __future__ import annotations

import json

import pytest

from policy_lineage.graph.store import load_graph
from policy_lineage.queries.resolve import find_document

LETTER_2025_06 = "2025-06_cv-btvtu_trien-khai-tb-04-bcdtw_du-thao.txt"
PLAN_2025_10 = "2025-10_kh-ubnd_trien-khai-kh-05-tu_du-thao.txt"


@pytest.fixture(scope="module")
def store(corpus_store) -> str:
    return str(corpus_store)


@pytest.fixture
def run(cli):
    """``run(store, *args)``: exit code, stdout and stderr of a command on ``store``."""

    def go(store: str, *args: str) -> tuple[int, str, str]:
        result = cli(*args, "--store", store)
        return result.exit_code, result.stdout, result.stderr

    return go


@pytest.fixture
def run_json(run):
    """``run_json(store, *args)``: the command's ``--format json`` answer, parsed."""

    def go(store: str, *args: str):
        code, out, err = run(store, *args, "--format", "json")
        assert code == 0, err
        return json.loads(out)

    return go


@pytest.mark.parametrize(
    "typed", ["57-NQ/TW", "57/NQ-TW", "NQ 57", "Nghị quyết 57", "nghi quyet 57", "Nghị quyết số 57"]
)
def test_a_document_is_found_the_way_people_name_it(store, typed):
    res = find_document(load_graph(store), typed)
    assert res.unique is not None and res.unique.number == "57-NQ/TW"


def test_a_number_typed_without_d_stroke(store):
    assert find_document(load_graph(store), "04-TB/BCDTW").unique.number == "04-TB/BCĐTW"


def test_an_ambiguous_name_lists_the_candidates(run, store):
    code, _, err = run(store, "trace", "05")
    assert code == 1
    assert "05-KH/TU" in err and "05-ĐA/TU" in err


def test_an_unknown_name_suggests_the_nearest(run, store):
    code, _, err = run(store, "trace", "58-NQ/TW")
    assert code == 1
    assert "no document '58-NQ/TW'" in err and "57-NQ/TW" in err


def test_tasks_from_the_central_notice_are_the_letter_s_and_not_the_plan_s(run_json, store):
    rows = run_json(store, "tasks", "--from", "04-TB/BCĐTW")
    assert len(rows) == 18  # the 2025-06 letter's tasks (golden count)
    assert {tuple(r["path"])[0] for r in rows} == {"04-TB/BCĐTW"}
    assert all(len(r["path"]) == 2 for r in rows)
    leads = {name for r in rows for name in r["lead"]}
    assert {"Sở Tài chính", "Sở Nội vụ", "Sở Khoa học và Công nghệ", "Văn phòng Tỉnh ủy"} <= leads
    assert not any(r["source"].endswith(PLAN_2025_10) for r in rows)
    for r in rows:  # the contract's keys
        assert {
            "text",
            "lead",
            "cooperating",
            "deadline",
            "recurring",
            "deliverable",
            "document",
            "path",
        } <= set(r)


def test_tasks_derive_through_documents_in_between(run_json, store):
    rows = run_json(store, "tasks", "--from", "57-NQ/TW")
    by_path = {tuple(r["path"][1:-1]) for r in rows}
    assert () in by_path  # the action programme implements 57-NQ/TW itself
    assert ("1536-CV/ĐU",) in by_path or ("3398/VPCP-CĐS",) in by_path  # the 2026-04 letter
    assert len(rows) == 35 + 6  # the programme's and the 2026-04 letter's


def test_task_filters(run, run_json, store):
    overdue = run_json(
        store, "tasks", "--from", "04-TB/BCĐTW", "--status", "overdue", "--as-of", "2025-07-01"
    )
    assert overdue and all(r["deadline"] < "2025-07-01" for r in overdue)
    soon = run_json(store, "tasks", "--from", "04-TB/BCĐTW", "--due-before", "2025-07-01")
    assert {r["text"] for r in soon} == {r["text"] for r in overdue}
    so = run_json(store, "tasks", "--from", "04-TB/BCĐTW", "--agency", "so noi vu")
    assert so and all(any("Nội vụ" in n for n in r["lead"] + r["cooperating"]) for r in so)
    code, _, err = run(store, "tasks", "--from", "04-TB/BCĐTW", "--agency", "Bộ Quốc phòng")
    assert code == 1 and "no task" in err


def test_trace_reaches_all_five_documents_through_cited_links(run_json, store):
    data = run_json(store, "trace", "57-NQ/TW", "--relations", "implements,supersedes,cites")
    assert data["root"] == "57-NQ/TW"
    in_corpus = [n for n in data["nodes"] if n["in_corpus"]]
    assert len(in_corpus) == 5
    kinds = {e["kind"] for e in data["edges"]}
    assert kinds == {"implements", "cites"}
    assert all(e["kind"] and e["basis"] in ("stated", "cited", "inferred") for e in data["edges"])


def test_trace_by_default_follows_implementing_links_only(run, run_json, store):
    data = run_json(store, "trace", "05-KH/TU")
    assert {(e["source"], e["target"]) for e in data["edges"] if e["direction"] == "up"} == {
        ("05-KH/TU", "07-TB/CQTTBCĐ"),
        ("05-KH/TU", "47-TB/TGV"),
    }
    assert {e["kind"] for e in data["edges"]} == {"implements"}
    code, out, _ = run(store, "trace", "05-KH/TU")
    assert code == 0 and "thực hiện / implements" in out


def test_trace_depth(run_json, store):
    deep = run_json(store, "trace", "57-NQ/TW")
    shallow = run_json(store, "trace", "57-NQ/TW", "--depth", "1")
    assert max(e["depth"] for e in deep["edges"]) == 2
    assert {e["depth"] for e in shallow["edges"]} == {1}


def test_bad_relations_are_a_usage_error(run, store):
    code, _, err = run(store, "trace", "57-NQ/TW", "--relations", "implements,teaches")
    assert code == 2 and "teaches" in err


def test_agency_lists_what_it_leads_and_cooperates_on(run, run_json, store):
    data = run_json(store, "agency", "so khoa hoc va cong nghe")
    assert [a["name"] for a in data["agencies"]] == ["Sở Khoa học và Công nghệ"]
    roles = {t["role"] for t in data["tasks"]}
    assert roles == {"lead", "cooperating"}
    deadlines = [t["deadline"] for t in data["tasks"] if t["role"] == "lead" and t["deadline"]]
    assert deadlines == sorted(deadlines)
    code, _, _ = run(store, "agency", "Bộ Quốc phòng")
    assert code == 1


def test_check_reports_the_body_with_two_numbers_and_gaps(run_json, store):
    data = run_json(store, "check")
    messages = [i["message"] for i in data["issues"] if i["kind"] == "body_two_numbers"]
    assert len(messages) == 1 and "1661" in messages[0] and "1587" in messages[0]
    assert data["counts"]["task_no_lead"] > 0
    missing = {i["document"] for i in data["issues"] if i["kind"] == "missing_from_corpus"}
    assert {"57-NQ/TW", "04-TB/BCĐTW", "359-KH/TU", "05-KH/TU"} <= missing


def test_search_without_diacritics(run_json, store):
    hits = run_json(store, "search", "bao dam 100% xa ket noi")
    assert len(hits) == 2 and {h["kind"] for h in hits} == {"Task"}
    bodies = run_json(store, "search", "van phong tinh uy", "--kind", "Agency")
    assert bodies[0]["label"] == "Văn phòng Tỉnh ủy"  # the words together rank first


def test_csv_and_table_outputs(run, store):
    code, out, _ = run(store, "tasks", "--from", "04-TB/BCĐTW", "--format", "csv")
    assert code == 0 and out.splitlines()[0].startswith("text,lead,cooperating,deadline")
    assert len(out.splitlines()) > 18
    code, out, _ = run(store, "tasks", "--from", "04-TB/BCĐTW")
    assert code == 0 and "Chủ trì" in out and "Tasks from 04-TB/BCĐTW (18)" in out


def test_a_missing_store_is_a_clear_error(run, tmp_path):
    code, _, err = run(str(tmp_path / "none.db"), "trace", "57-NQ/TW")
    assert code == 1 and "policy-lineage build" in err


PLAN_BASED_ON = """ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH HÀ NAM\tĐộc lập - Tự do - Hạnh phúc
Số: 31/KH-UBND\tHà Nam, ngày 12 tháng 3 năm 2025

KẾ HOẠCH
Phát triển kinh tế số tỉnh Hà Nam năm 2025

Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa
học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia;
Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:

I. NHIỆM VỤ
1. Giao Sở Khoa học và Công nghệ chủ trì xây dựng nền tảng dữ liệu số của tỉnh, hoàn thành
trước ngày 30/9/2025.
"""


def test_tasks_of_plans_based_on_a_document_come_with_relations(cli, tmp_path):
    """A plan that cites 57-NQ/TW only as its legal basis ("Căn cứ …") carries none of its
    tasks by default; ``--relations implements,based-on`` takes them in."""
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "kh-31.txt").write_text(PLAN_BASED_ON, "utf-8")
    db = tmp_path / "g.db"
    assert cli("build", folder, "--store", db).exit_code == 0
    alone = cli("tasks", "--from", "57-NQ/TW", "--store", db, "--format", "json")
    assert alone.exit_code == 1  # no task derives from it through implementing links
    result = cli(
        "tasks", "--from", "57-NQ/TW", "--relations", "implements,based-on", "--store", db,
        "--format", "json",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    [row] = json.loads(result.stdout)
    assert row["lead"] == ["Sở Khoa học và Công nghệ"]
    assert row["deadline"] == "2025-09-30"
    assert row["path"] == ["57-NQ/TW", "31/KH-UBND"]
    bad = cli("tasks", "--from", "57-NQ/TW", "--relations", "follows", "--store", db)
    assert bad.exit_code == 2 and "--relations" in bad.stderr
