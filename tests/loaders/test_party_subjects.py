"""Parties no table lists, read from where they stand, and the sender who asks.

Sentences written for this test. A sentence's subject that opens with a party's word (a
body's head word, a group noun, an office title) and is followed by a verb of work is a
party named as printed ("Chủ đầu tư …", "Hội đồng thẩm định …", "Tổ công tác …"), marked as
not canonical; a body that asks ("Bộ X đề nghị như sau:") is not the one that does the work.
"""

from __future__ import annotations

import pytest

from policy_lineage.loaders.agencies import AgencyTable
from policy_lineage.loaders.assignment import parse_assignment
from policy_lineage.loaders.pipeline import extract_text

TABLE = AgencyTable.load()


@pytest.mark.parametrize(
    ("sentence", "lead"),
    [
        ("Chủ đầu tư các dự án thành phần tập trung nhân lực, thiết bị thi công.",
         "Chủ đầu tư các dự án thành phần"),
        ("Chủ đầu tư khẩn trương hoàn thiện hồ sơ quyết toán.", "Chủ đầu tư"),
        ("Chủ đầu tư thực hiện nghiệm thu theo quy định.", "Chủ đầu tư"),
        ("Nhà thầu thi công tăng cường máy móc, nhân lực.", "Nhà thầu thi công"),
        ("Tư vấn giám sát tăng cường kiểm tra chất lượng vật liệu.", "Tư vấn giám sát"),
        ("Hội đồng thẩm định nhà nước khẩn trương tổ chức thẩm định.",
         "Hội đồng thẩm định nhà nước"),
        ("Tổ công tác của Thủ tướng Chính phủ kiểm tra, đôn đốc việc giải ngân.",
         "Tổ công tác của Thủ tướng Chính phủ"),
        ("Tổ công tác liên ngành rà soát các vướng mắc.", "Tổ công tác liên ngành"),
    ],
)  # fmt: skip
def test_a_subject_no_table_knows_is_a_party_as_printed(sentence: str, lead: str) -> None:
    found = parse_assignment(sentence, TABLE, None)
    assert [a.name for a in found.lead] == [lead]
    assert not found.lead[0].canonical
    assert found.explicit


@pytest.mark.parametrize(
    ("sentence", "lead"),
    [
        ("Ban cán sự lớp: phối hợp với giáo vụ theo dõi việc học tập.", "Ban cán sự lớp"),
        ("Hội đồng thẩm định: thẩm định hồ sơ trong 10 ngày làm việc.", "Hội đồng thẩm định"),
        ("Tổ giúp việc liên ngành: tổng hợp, báo cáo kết quả hằng tháng.",
         "Tổ giúp việc liên ngành"),
        ("Chủ đầu tư các dự án: khẩn trương hoàn thiện hồ sơ.", "Chủ đầu tư các dự án"),
    ],
)  # fmt: skip
def test_a_party_labelling_its_work_is_its_lead(sentence: str, lead: str) -> None:
    """ "X: verb …", X no table knows but opening with a party's word: X does the work."""
    found = parse_assignment(sentence, TABLE, None)
    assert [a.name for a in found.lead] == [lead]
    assert not found.lead[0].canonical


@pytest.mark.parametrize(
    "sentence",
    [
        "Ban hành quy chế: thực hiện trong tháng 6.",  # opens with a verb
        "Hội nghị sơ kết: tổ chức vào tháng 12.",  # an event, not a party
        "Ban biên tập: gồm đại diện các sở.",  # no work after the label
        "Tổ công tác đã được thành lập: thực hiện theo quy chế.",  # a clause, not a name
    ],
)
def test_a_label_that_names_no_party_gives_no_lead(sentence: str) -> None:
    found = parse_assignment(sentence, TABLE, None)
    assert [a.name for a in found.lead if not a.canonical] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Trường hợp chủ đầu tư chậm tiến độ phải báo cáo.",  # a condition
        "Dự án đường vành đai phải hoàn thành trong năm 2026.",  # a topic, not a party
        "Tổ chức triển khai chương trình đào tạo kỹ năng số.",  # opens with a verb
        "Báo cáo kết quả thực hiện trước ngày 15 hằng tháng.",
        "Các chương trình đào tạo được tổ chức tại Trung tâm.",  # "trình" inside a word
        "Cơ sở dữ liệu tổ chức đảng được cập nhật hằng năm.",
        "Hội nghị tập trung đánh giá kết quả.",
        "Các dữ liệu khác do lãnh đạo Văn phòng quy định.",
        "Cơ quan chủ trì giải quyết thủ tục trong thời hạn quy định.",  # a role (role_names)
    ],
)
def test_what_is_no_party_stays_without_a_lead(sentence: str) -> None:
    found = parse_assignment(sentence, TABLE, None)
    assert [a.name for a in found.lead if not a.canonical] == []


def test_a_body_the_table_knows_is_still_read_by_the_table() -> None:
    found = parse_assignment("Bộ Xây dựng khẩn trương hoàn thiện hồ sơ.", TABLE, None)
    assert [(a.name, a.canonical) for a in found.lead] == [("Bộ Xây dựng", True)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Để triển khai Nghị quyết, Bộ Khoa học và Công nghệ đề nghị như sau:",
        "Bộ Khoa học và Công nghệ đề nghị:",
        "Bộ Khoa học và Công nghệ trân trọng đề nghị Quý cơ quan quan tâm, thực hiện:",
        "Bộ Khoa học và Công nghệ kính đề nghị đồng chí chỉ đạo thực hiện:",
    ],
)
def test_the_body_that_asks_is_not_the_one_that_does(sentence: str) -> None:
    found = parse_assignment(sentence, TABLE, None)
    assert found.lead == []
    assert found.cue is not None and "đề nghị" in found.cue


def test_those_asked_by_name_do_the_work() -> None:
    found = parse_assignment(
        "Bộ Khoa học và Công nghệ đề nghị Ủy ban nhân dân các tỉnh rà soát danh mục.", TABLE, None
    )
    assert [a.name for a in found.lead] == ["Ủy ban nhân dân các tỉnh"]


NOTICE = """VĂN PHÒNG CHÍNH PHỦ

Số: 101/TB-VPCP

Hà Nội, ngày 12 tháng 4 năm 2026

THÔNG BÁO
Kết luận của Thủ tướng Chính phủ tại cuộc họp về các dự án giao thông trọng điểm

Ngày 8 tháng 4 năm 2026, Thủ tướng Chính phủ chủ trì cuộc họp. Thủ tướng kết luận như sau:

1. Chủ đầu tư các dự án thành phần tập trung nhân lực, thi công ba ca bốn kíp.

2. Hội đồng thẩm định nhà nước khẩn trương hoàn thành thẩm định trước ngày 30 tháng 5 năm 2026.

3. Bộ Xây dựng chủ trì, phối hợp với Bộ Tài chính rà soát nguồn vốn.

Nơi nhận:
- Như trên;
"""


def test_a_notice_keeps_the_work_of_parties_no_table_lists() -> None:
    tasks = extract_text(NOTICE, "tb.txt").tasks
    leads = [[a.name for a in t.lead] for t in tasks]
    assert leads == [
        ["Chủ đầu tư các dự án thành phần"],
        ["Hội đồng thẩm định nhà nước"],
        ["Bộ Xây dựng"],
    ]
    assert str(tasks[1].deadline) == "2026-05-30"


LETTER = """BỘ KHOA HỌC VÀ CÔNG NGHỆ

Số: 2210/BKHCN-KHTC

Hà Nội, ngày 5 tháng 3 năm 2026

Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương

Bộ Khoa học và Công nghệ trân trọng đề nghị Quý Ủy ban chỉ đạo các cơ quan thực hiện một số nội dung sau:

1. Rà soát, cập nhật danh mục nhiệm vụ khoa học và công nghệ năm 2027.

2. Sở Khoa học và Công nghệ chủ trì tham mưu kế hoạch triển khai.

Nơi nhận:
- Như trên;
"""


def test_a_letter_is_done_by_its_addressees_not_its_sender() -> None:
    tasks = extract_text(LETTER, "cv.txt").tasks
    assert [[a.name for a in t.lead] for t in tasks] == [
        ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"],
        ["Sở Khoa học và Công nghệ"],
    ]


PLAN = """ỦY BAN NHÂN DÂN
TỈNH NGHỆ AN

Số: 77/KH-UBND

Nghệ An, ngày 2 tháng 3 năm 2026

KẾ HOẠCH
Phát triển kinh tế số năm 2026

I. TỔ CHỨC THỰC HIỆN

1. Sở Khoa học và Công nghệ chủ trì theo dõi việc thực hiện Kế hoạch.

2. Các doanh nghiệp công nghệ số

a) Doanh nghiệp công nghệ số chủ động tham gia phát triển nền tảng số.

b) Nhà thầu thi công tăng cường bảo đảm an toàn lao động.
"""


def test_a_bare_noun_under_a_heading_of_that_party_keeps_the_heading_name() -> None:
    tasks = extract_text(PLAN, "kh.txt").tasks
    by_text = {t.text[:14]: [a.name for a in t.lead] for t in tasks}
    assert by_text["Doanh nghiệp c"] == ["Các doanh nghiệp công nghệ số"]
    # another party under the same heading is itself
    assert by_text["Nhà thầu thi c"] == ["Nhà thầu thi công"]


@pytest.mark.parametrize(
    ("sentence", "lead"),
    [
        ("Đồng chí Nguyễn Văn Bình, Phó Chủ tịch Ủy ban nhân dân tỉnh chỉ đạo rà soát các dự án.",
         ["Ủy ban nhân dân tỉnh Nghệ An"]),
        ("Đồng chí Trần Thị Cúc, Giám đốc Sở Tài chính và đồng chí Lê Văn Dũng, Giám đốc Sở Nội "
         "vụ phối hợp rà soát biên chế.", ["Sở Tài chính", "Sở Nội vụ"]),
        # an example in a guidance, no work: not the body's
        ("Đồng chí Nguyễn Văn Yên, Giám đốc Sở Tài chính được giới thiệu quy hoạch.", []),
    ],
)  # fmt: skip
def test_a_named_office_holder_doing_work_stands_for_the_body(
    sentence: str, lead: list[str]
) -> None:
    found = parse_assignment(sentence, TABLE, "Nghệ An")
    assert [a.name for a in found.lead] == lead


REGULATION = """BAN CHẤP HÀNH TRUNG ƯƠNG

Số: 300-QĐ/TW

Hà Nội, ngày 5 tháng 3 năm 2026

QUY ĐỊNH
về thẩm định đề án

Điều 1. Thẩm định đề án

1. Hội đồng thẩm định liên ngành kiểm tra hồ sơ trong 10 ngày làm việc.

Điều 2. Tổ chức thực hiện

1. Ban Tổ chức Trung ương chủ trì hướng dẫn thực hiện Quy định này.
"""


def test_a_regulation_rule_with_a_subject_no_table_knows_is_no_task() -> None:
    tasks = extract_text(REGULATION, "qd.txt").tasks
    assert [[a.name for a in t.lead] for t in tasks] == [["Ban Tổ chức Trung ương"]]
