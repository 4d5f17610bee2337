"""The extract command on bad input, and properties of the text functions."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from hypothesis import example, given
from hypothesis import strategies as st

from policy_lineage.cli import main
from policy_lineage.loaders.deadlines import find_deadline
from policy_lineage.loaders.numbers import parse_number
from policy_lineage.loaders.pipeline import extract_text
from policy_lineage.loaders.textnorm import fold, fold_ascii


def test_extract_bad_files_are_reported_and_others_still_run(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "junk.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "sheet.xlsx").write_bytes(b"PK")
    good = tmp_path / "good.txt"
    good.write_text("Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị.\n", "utf-8")
    paths = [str(tmp_path / n) for n in ("empty.txt", "junk.txt", "sheet.xlsx", "good.txt")]
    result = CliRunner().invoke(main, ["extract", *paths, "--format", "json"])
    assert result.exit_code == 1
    lines = [json.loads(x) for x in result.output.splitlines()]
    assert [("error" in x) for x in lines] == [True, True, True, False]
    assert "empty.txt" in lines[0]["error"] and "junk.txt" in lines[1]["error"]
    assert lines[3]["references"][0]["number"] == "57-NQ/TW"


def test_deadline_resolves_to_last_day():
    assert find_deadline("hoàn thành trong tháng 6/2025").date.isoformat() == "2025-06-30"
    assert find_deadline("Quý I/2026").date.isoformat() == "2026-03-31"
    assert find_deadline("Trước 31/12/2025").date.isoformat() == "2025-12-31"
    assert find_deadline("trước ngày 20/6/2025").date.isoformat() == "2025-06-20"
    assert find_deadline("đến năm 2030 đạt 80%").date is None


@given(st.text())
def test_extraction_never_raises(text):
    extract_text(text, "x.txt")


@given(st.text())
@example("0\rꚞ")  # a combining mark of another script alone after a space
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)
    assert fold_ascii(fold_ascii(text)) == fold_ascii(text)


@given(
    st.integers(1, 99999),
    st.sampled_from(["NQ", "KH", "TB", "CTr", "ĐA", "BC", "CV", "QĐ"]),
    st.sampled_from(["TW", "TU", "BCĐTW", "VPTW", "ĐU"]),
)
def test_party_number_round_trips(serial, type_code, issuer):
    text = f"{serial}-{type_code}/{issuer}"
    assert parse_number(text).format() == text


def test_extract_cli_aliases_file_adds_a_body(tmp_path) -> None:
    import json

    doc = tmp_path / "cv.txt"
    doc.write_text(
        "ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP\nSố: 12/UBND-VX\nV/v chuyển đổi số\n"
        "Kính gửi: Các sở, ban, ngành.\n"
        "Thực hiện Kế hoạch số 5/KH-UBND, Ủy ban nhân dân tỉnh đề nghị:\n"
        "1. Giao Trung tâm CĐS tỉnh chủ trì xây dựng kho dữ liệu, hoàn thành trong tháng 6/2026.\n"
        "2. Sở Tài chính bảo đảm kinh phí.\n",
        encoding="utf-8",
    )
    aliases = tmp_path / "aliases.json"
    aliases.write_text(
        json.dumps(
            {
                "agencies": [
                    {
                        "name": "Trung tâm Chuyển đổi số tỉnh",
                        "level": "province",
                        "aliases": ["trung tâm cđs tỉnh", "trung tâm cđs"],
                    }
                ]
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    runner = CliRunner()
    plain = runner.invoke(main, ["extract", str(doc), "--format", "json"])
    extended = runner.invoke(
        main, ["extract", str(doc), "--format", "json", "--aliases", str(aliases)]
    )
    assert extended.exit_code == 0, extended.output
    lead_plain = json.loads(plain.output)["tasks"][0]["lead"]
    lead_extended = json.loads(extended.output)["tasks"][0]["lead"]
    assert lead_extended == ["Trung tâm Chuyển đổi số tỉnh"]
    assert lead_plain != lead_extended

    broken = tmp_path / "broken.json"
    broken.write_text('{"agencies": "no"}', encoding="utf-8")
    result = runner.invoke(main, ["extract", str(doc), "--aliases", str(broken)])
    assert result.exit_code == 1 and "not an alias or rules file" in result.output


def test_rules_file_extends_the_words_bodies_are_read_with(tmp_path: Path) -> None:
    """One option for aliases and rules: a head word the bundled rules lack names a body."""
    doc = tmp_path / "kh.txt"
    doc.write_text(
        "ỦY BAN NHÂN DÂN TỈNH THANH HÓA\nSố: 15/KH-UBND\nThanh Hóa, ngày 02 tháng 3 năm 2026\n"
        "KẾ HOẠCH\nBảo vệ rừng đặc dụng\nI. NHIỆM VỤ\n"
        "1. Khu Bảo tồn Thiên nhiên Pù Luông chủ trì tuần tra rừng hằng tháng.\n",
        encoding="utf-8",
    )
    rules = tmp_path / "rules.json"
    rules.write_text(json.dumps({"body_heads": ["khu bảo tồn"]}, ensure_ascii=False), "utf-8")
    runner = CliRunner()
    plain = runner.invoke(main, ["extract", str(doc), "--format", "json"])
    extended = runner.invoke(main, ["extract", str(doc), "--format", "json", "--rules", str(rules)])
    assert json.loads(plain.output)["tasks"][0]["lead"] == []
    assert json.loads(extended.output)["tasks"][0]["lead"] == ["Khu Bảo tồn Thiên nhiên Pù Luông"]

    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"office_titles": "trưởng khu"}), encoding="utf-8")
    result = runner.invoke(main, ["extract", str(doc), "--rules", str(bad)])
    assert result.exit_code == 1 and "'office_titles' must be a list" in result.output
    typo = tmp_path / "typo.json"
    typo.write_text(json.dumps({"office_title": ["trưởng khu"]}), encoding="utf-8")
    result = runner.invoke(main, ["extract", str(doc), "--rules", str(typo)])
    assert result.exit_code == 1 and "unknown key(s) office_title" in result.output


def test_deadlines_labelled_recurrence() -> None:
    # "thời gian: Thường xuyên" in a sentence: the label makes it said of the task
    said = find_deadline("Giao Phòng Văn hóa - Xã hội chủ trì; thời gian: Thường xuyên.")
    assert (said.recurring, said.recurrence) == (True, "continuous")
    assert find_deadline("Thời hạn hoàn thành: hằng quý").recurrence == "quarterly"
    # an adverb is not a recurrence
    assert not find_deadline("tuyên truyền thường xuyên cho người dân").recurring
