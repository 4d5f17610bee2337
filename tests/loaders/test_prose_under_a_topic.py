"""A paragraph of running prose under a topic heading, several sentences each giving work
("Tổ chức học tập … . Ban Tuyên giáo … chủ trì …"), and groups of a named Party organisation
("các cấp ủy, tổ chức đảng trong Đảng bộ Tập đoàn"). Sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from policy_lineage.loaders.agencies import default_table
from policy_lineage.loaders.assignment import parse_assignment
from policy_lineage.loaders.pipeline import extract_paths

TABLE = default_table()


def _tasks(paragraph: str, tmp_path: Path) -> list[tuple[str, list[str]]]:
    path = tmp_path / "kh.md"  # a saved page, read as the CLI reads it
    path.write_text(
        f"KẾ HOẠCH\n\nIII. NHIỆM VỤ, GIẢI PHÁP\n\n**1. Nâng cao nhận thức**\n\n{paragraph}\n\n"
        "**2. Chuyển đổi số**\n\nVăn phòng triển khai phần mềm quản lý văn bản.\n",
        "utf-8",
    )
    [ex] = extract_paths([str(path)])
    return [(t.text[:30], [a.name for a in t.lead]) for t in ex.tasks][:-1]


def test_each_sentence_of_a_topics_paragraph_that_gives_work_is_a_task(tmp_path: Path) -> None:
    got = _tasks(
        "Tổ chức học tập, quán triệt Nghị quyết đến 100% cán bộ, đảng viên, hoàn thành trong "
        "Quý III/2025. Ban Tuyên giáo và Dân vận chủ trì, phối hợp với Báo Lao động mở chuyên "
        "mục tuyên truyền, thực hiện thường xuyên. Công đoàn Dầu khí Việt Nam phát động phong trào "
        "sáng kiến hằng năm.",
        tmp_path,
    )
    assert got == [
        ("Tổ chức học tập, quán triệt Ng", []),
        ("Ban Tuyên giáo và Dân vận chủ ", ["Ban Tuyên giáo và Dân vận"]),
        # a verb no list holds ("phát động"): still a body's own sentence of work
        ("Công đoàn Dầu khí Việt Nam phá", ["Công đoàn Dầu khí Việt Nam"]),
    ]


def test_an_account_before_the_work_is_no_task(tmp_path: Path) -> None:
    """ "Năm 2025, …": what was done, then the work; a body's sentence with a count in it
    says what it did."""
    got = _tasks(
        "Năm 2025, Tổng công ty đã kiện toàn Ban Chỉ đạo chuyển đổi số. Phòng Tổ chức cán bộ "
        "chủ trì tham mưu thành lập Tổ kỹ thuật, hoàn thành trước ngày 15/7/2025. Trung tâm "
        "Dữ liệu tiếp nhận, xử lý 1.256 yêu cầu hỗ trợ của người dùng.",
        tmp_path,
    )
    assert got == [("Phòng Tổ chức cán bộ chủ trì t", ["Phòng Tổ chức cán bộ"])]


def test_a_sentence_that_only_helps_stays_with_the_work(tmp_path: Path) -> None:
    """The body of a later sentence that only cooperates is no task of its own."""
    got = _tasks(
        "Rà soát, cập nhật cơ sở dữ liệu cán bộ trong tháng 9/2025. Văn phòng phối hợp.", tmp_path
    )
    assert len(got) == 1


@pytest.mark.parametrize(
    ("sentence", "lead"),
    [
        ("Các cấp ủy, tổ chức đảng trong Đảng bộ Tập đoàn tổ chức học tập Nghị quyết.",
         "Các cấp ủy, tổ chức đảng trong Đảng bộ Tập đoàn"),
        ("Các cấp ủy, tổ chức đảng trong Đảng bộ Chính phủ quán triệt Nghị quyết.",
         "Các cấp ủy, tổ chức đảng trong Đảng bộ Chính phủ"),
        ("Các chi bộ trong Đảng bộ Công an tỉnh Nghệ An tổ chức sinh hoạt chuyên đề.",
         "Các chi bộ trong Đảng bộ Công an tỉnh Nghệ An"),
        # no name after it: the group as before
        ("Các cấp ủy, tổ chức đảng trong Đảng bộ tổ chức học tập Nghị quyết.",
         "Các cấp ủy, tổ chức đảng trong Đảng bộ"),
    ],
)  # fmt: skip
def test_a_group_in_a_named_party_organisation(sentence: str, lead: str) -> None:
    assert [a.name for a in parse_assignment(sentence, TABLE, None).lead] == [lead]


def test_a_closing_of_boilerplate_sentences_is_no_task(tmp_path: Path) -> None:
    """Two sentences of a letter's closing, each boilerplate, in one paragraph."""
    path = tmp_path / "cv.txt"
    path.write_text(
        "CỤC THUẾ\nSố: 15/CT-QLT\nV/v triển khai hóa đơn điện tử\n"
        "Hà Nội, ngày 10 tháng 5 năm 2025\n\nKính gửi: Các Chi cục Thuế khu vực.\n\n"
        "1. Rà soát danh sách hộ kinh doanh, báo cáo trước ngày 05/6/2025.\n\n"
        "Cục Thuế thông báo để các Chi cục Thuế khu vực biết, thực hiện. Trong quá trình thực "
        "hiện, nếu có vướng mắc, đề nghị phản ánh kịp thời về Cục Thuế để được hướng dẫn./.\n",
        "utf-8",
    )
    [ex] = extract_paths([str(path)])
    assert [t.text[:20] for t in ex.tasks] == ["Rà soát danh sách hộ"]
