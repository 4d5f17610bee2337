"""In a body's own notice, its head's deputies are named by their title and the body's head
word alone, often with their own names: "Đồng chí Phó Giám đốc Sở Vũ Thị Lan trực tiếp chỉ
đạo …", "Giám đốc Sở chỉ đạo Phòng X …". The bare "Sở" after a holder's title is the issuer
(pipeline ``_own_head``), written as the table knows a province's department ("Sở Khoa học
và Công nghệ"); a person's name after it (``surnames`` in the rules data) is no body's name;
a delegation chain from such a subject gives the last body, as from a body the table knows.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from policy_lineage.loaders.agencies import default_table
from policy_lineage.loaders.assignment import parse_assignment
from policy_lineage.loaders.pipeline import extract_text

NOTICE = (
    "UBND TỈNH NINH BÌNH\nSỞ KHOA HỌC VÀ CÔNG NGHỆ\nSố: 31/TB-SKHCN\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Ninh Bình, ngày 12 tháng 11 năm 2025\n\nTHÔNG BÁO\n"
    "Kết luận của Giám đốc Sở tại cuộc họp giao ban tháng 11 năm 2025\n\n"
    "Giám đốc Sở kết luận như sau:\n1. {item}\n"
)


def _leads(item: str) -> list[str]:
    ex = extract_text(NOTICE.format(item=item), "tb.txt")
    assert len(ex.tasks) == 1, [t.text for t in ex.tasks]
    return [a.name for a in ex.tasks[0].lead]


@pytest.mark.parametrize(
    ("item", "lead"),
    [
        # the holder's name after the bare head word
        (
            "Đồng chí Phó Giám đốc Sở Hoàng Thị Nga trực tiếp chỉ đạo việc nghiệm thu các "
            "nhiệm vụ khoa học chậm tiến độ trong tháng 12/2025.",
            ["Sở Khoa học và Công nghệ"],
        ),
        (
            "Đồng chí Phó Giám đốc Sở Đinh Quang Huy chủ trì làm việc với các doanh nghiệp "
            "khoa học và công nghệ trước ngày 20/12/2025.",
            ["Sở Khoa học và Công nghệ"],
        ),
        # the holder names no one else: the issuer does the work
        (
            "Giao đồng chí Lương Văn Tâm, Phó Giám đốc Sở chủ trì kiểm tra tiến độ các dự "
            "án chuyển đổi số.",
            ["Sở Khoa học và Công nghệ"],
        ),
        # a delegation chain from the holder: the body directed does it
        (
            "Đồng chí Phó Giám đốc Sở trực tiếp chỉ đạo Phòng Quản lý chuyên ngành rà soát "
            "hồ sơ đề nghị cấp giấy chứng nhận trước ngày 30/11/2025.",
            ["Phòng Quản lý chuyên ngành"],
        ),
        (
            "Giám đốc Sở chỉ đạo Trung tâm Thông tin và Thống kê xây dựng phương án "
            "vận hành phòng thí nghiệm.",
            ["Trung tâm Thông tin và Thống kê"],
        ),
    ],
)
def test_a_holder_of_the_issuer_stands_for_it_or_hands_the_work_on(item, lead):
    assert _leads(item) == lead


def test_the_holder_directing_a_body_and_doing_more_keeps_the_work():
    # "chỉ đạo Đoàn kiểm tra, phê duyệt …": the holder directs the team and approves the plan
    item = (
        "Đồng chí Phó Giám đốc Sở Hoàng Thị Nga trực tiếp chỉ đạo Đoàn kiểm tra, phê duyệt "
        "kế hoạch kiểm tra các tổ chức khoa học và công nghệ."
    )
    assert _leads(item) == ["Sở Khoa học và Công nghệ"]


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        # a person's name is no body's name; the bare head word is read
        ("Đồng chí Phó Giám đốc Sở Vũ Thị Lan phụ trách.", ["Sở"]),
        # a body with its name after the title is that body
        ("Giám đốc Sở Nội vụ chỉ đạo rà soát.", ["Sở Nội vụ"]),
        # a school may be named after a person
        ("Hiệu trưởng Trường Nguyễn Huệ chỉ đạo tổ chuyên môn.", ["Trường Nguyễn Huệ"]),
        # a title written after "đồng chí" is no bare head word ("Bộ trưởng")
        ("Đồng chí Bộ trưởng Bộ Xây dựng trực tiếp chỉ đạo.", ["Bộ Xây dựng"]),
        # two words after the family name are too few for a name: "Sở Lâm Nghiệp"
        ("Giám đốc Sở Lâm Nghiệp chỉ đạo.", ["Sở Lâm Nghiệp"]),
    ],
)
def test_a_bare_head_word_after_a_title_and_what_is_a_name(sentence, names):
    table = default_table()
    assert [m.agency.name for m in table.find(sentence, "Ninh Bình")] == names


@pytest.mark.parametrize(
    ("sentence", "lead"),
    [
        # an officer's rank before the comrade's name is blanked as a title is
        (
            "Giao đồng chí Đại tá Nguyễn Hữu Phước, Phó Giám đốc Công an tỉnh trực tiếp chỉ "
            "đạo việc làm sạch dữ liệu dân cư.",
            ["Công an tỉnh"],
        ),
        # "Phân công đồng chí …" gives work as "Giao đồng chí …" does; the holder's seat in
        # another body ("Ủy viên Ban Thường vụ Đảng ủy") is not the office that does it
        (
            "Phân công đồng chí Thượng tá Lò Văn Khánh, Ủy viên Ban Thường vụ Đảng ủy, Phó "
            "Giám đốc Công an tỉnh theo dõi việc thực hiện Kế hoạch.",
            ["Công an tỉnh"],
        ),
        # one comrade's two posts, each after its title: the first is the office that does it
        (
            "Giao đồng chí Trưởng Ban Tổ chức Tỉnh ủy, Phó Trưởng Ban Chỉ đạo theo dõi việc "
            "kiện toàn bộ máy chuyển đổi số ở cấp xã.",
            ["Ban Tổ chức Tỉnh ủy"],
        ),
        # … not two bodies named under one title
        (
            "Giao đồng chí Giám đốc Sở Tài chính, Sở Nội vụ rà soát biên chế.",
            ["Sở Tài chính", "Sở Nội vụ"],
        ),
        # "Phân công" before a post, not a comrade, is the work itself
        ("Phân công cán bộ đầu mối theo dõi việc cập nhật dữ liệu.", []),
    ],
)
def test_a_comrade_given_work_by_rank_name_and_seats(sentence, lead):
    got = parse_assignment(sentence, default_table(), "Sơn La")
    assert [a.name for a in got.lead] == lead


def test_a_heading_naming_a_holder_gives_the_issuer_to_its_items():
    # "2. Đồng chí Nguyễn Văn Thành, Phó Giám đốc Sở": no verb after it, a heading, not an
    # example of a person; its items that name no doer are the issuer's
    text = NOTICE.replace("1. {item}\n", "") + (
        "1. Đồng chí Trịnh Minh Khoa, Phó Giám đốc Sở\n"
        "- Chủ trì, phối hợp với Sở Tài chính thống nhất phương án kinh phí năm 2026.\n"
        "- Chỉ đạo Phòng Người có công phối hợp với Ủy ban nhân dân các xã chuẩn bị quà tặng.\n"
        "2. Đề nghị Công đoàn cơ sở Sở Khoa học và Công nghệ phối hợp với Văn phòng Sở tổ "
        "chức thăm hỏi đoàn viên.\n"
    )
    ex = extract_text(text, "tb.txt")
    assert [[a.name for a in t.lead] for t in ex.tasks] == [
        ["Sở Khoa học và Công nghệ"],
        # "Người có công" inside a name does not end it at "có"
        ["Phòng Người có công"],
        # the trade union of a named body, by the shape of its name
        ["Công đoàn cơ sở Sở Khoa học và Công nghệ"],
    ]


def test_the_secretary_of_a_committee_in_its_own_rules_stands_for_it():
    # "Bí thư Đảng ủy …" in a commune Party committee's working rules: the committee itself
    # ("Đảng ủy" read bare after the holder's title), one duty per sentence that names it
    rules = (
        "ĐẢNG BỘ TỈNH LÂM ĐỒNG\nĐẢNG ỦY XÃ TÂN HÀ\n*\nSố 02-QC/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
        "Tân Hà, ngày 10 tháng 10 năm 2025\n\nQUY CHẾ\nlàm việc của Đảng ủy xã khóa I\n\n"
        "Chương II\nTRÁCH NHIỆM, QUYỀN HẠN\n\nĐiều 6. Trách nhiệm của Bí thư Đảng ủy\n"
        "1. Bí thư Đảng ủy chủ trì các hội nghị Ban Chấp hành, Ban Thường vụ Đảng ủy. Bí thư "
        "Đảng ủy trực tiếp chỉ đạo chuyển đổi số trong các cơ quan của hệ thống chính trị xã.\n"
    )
    ex = extract_text(rules, "qc.txt")
    assert [(t.text[:26], [a.name for a in t.lead]) for t in ex.tasks] == [
        ("Bí thư Đảng ủy chủ trì các", ["Đảng ủy xã"]),
        ("Bí thư Đảng ủy trực tiếp c", ["Đảng ủy xã"]),
    ]
