"""Lists that write a head word once, names cut short by a comma, and groups said by where
they are (sentences written for these tests, in the shapes of central letters and notices
and provincial plans)."""

from __future__ import annotations

import pytest

from policy_lineage.loaders.agencies import default_table
from policy_lineage.loaders.assignment import parse_assignment

TABLE = default_table()


def leads(sentence: str, province: str | None = None) -> list[str]:
    return [a.name for a in parse_assignment(sentence, TABLE, province).lead]


def cooperating(sentence: str, province: str | None = None) -> list[str]:
    return [a.name for a in parse_assignment(sentence, TABLE, province).cooperating]


@pytest.mark.parametrize(
    ("sentence", "province", "expected"),
    [
        # one head word, several ministries
        (
            "Bộ Công an, Quốc phòng, Tài chính chỉ đạo lực lượng chức năng tăng cường kiểm tra.",
            None,
            ["Bộ Công an", "Bộ Quốc phòng", "Bộ Tài chính"],
        ),
        (
            "Các Bộ Tài chính, Công Thương, Nông nghiệp và Môi trường khẩn trương hoàn thiện "
            "thể chế.",
            None,
            ["Bộ Tài chính", "Bộ Công Thương", "Bộ Nông nghiệp và Môi trường"],
        ),
        # the colon form, as before
        (
            "Các Bộ: Xây dựng, Y tế hướng dẫn các địa phương.",
            None,
            ["Bộ Xây dựng", "Bộ Y tế"],
        ),
        # departments of a province, a name with "và" in it
        (
            "Sở Y tế, Giáo dục và Đào tạo phối hợp tổ chức khám sức khỏe cho học sinh.",
            "Lào Cai",
            ["Sở Y tế", "Sở Giáo dục và Đào tạo"],
        ),
        (
            "Giao Sở Tài chính, Xây dựng, Công Thương hướng dẫn các xã thực hiện.",
            "Lào Cai",
            ["Sở Tài chính", "Sở Xây dựng", "Sở Công Thương"],
        ),
        # a body of the place, or a body with another head, is not one of the list
        (
            "Sở Tài chính, Công an tỉnh và Sở Nội vụ rà soát hồ sơ.",
            "Lào Cai",
            ["Sở Tài chính", "Công an tỉnh", "Sở Nội vụ"],
        ),
        (
            "Bộ Chỉ huy Quân sự tỉnh, Công an tỉnh tăng cường tuần tra.",
            "Lào Cai",
            ["Bộ Chỉ huy Quân sự tỉnh", "Công an tỉnh"],
        ),
        (
            "Lực lượng Hải quan, Bộ đội Biên phòng, Công an kiểm soát hàng hóa qua biên giới.",
            None,
            ["Lực lượng Hải quan", "Bộ đội Biên phòng"],
        ),
        # "các Sở X" in a central text is every province's departments of that name
        (
            "Bộ Công Thương chỉ đạo các Sở Công Thương kiểm tra thị trường.",
            None,
            ["Các Sở Công Thương"],
        ),
    ],
)
def test_a_list_that_writes_its_head_once(
    sentence: str, province: str | None, expected: list[str]
) -> None:
    assert leads(sentence, province) == expected


def test_a_name_cut_by_a_comma_goes_on_to_its_short_name_in_brackets() -> None:
    sentence = (
        "Ban Chỉ đạo quốc gia phòng ngừa gian lận, hàng nhái và hàng kém chất lượng "
        "(Ban Chỉ đạo 123 quốc gia) chỉ đạo các lực lượng chức năng kiểm tra."
    )
    assert leads(sentence) == [
        "Ban Chỉ đạo quốc gia phòng ngừa gian lận, hàng nhái và hàng kém chất lượng"
    ]


def test_brackets_with_another_head_do_not_stretch_a_name() -> None:
    """The same shape, but the brackets name another kind of body: the name stays where the
    comma cut it."""
    sentence = (
        "Ban Chỉ đạo quốc gia phòng ngừa gian lận, hàng nhái và hàng kém chất lượng "
        "(Tổ công tác liên ngành) chỉ đạo các lực lượng chức năng kiểm tra."
    )
    assert leads(sentence) == ["Ban Chỉ đạo quốc gia phòng ngừa gian lận"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # where a group is, after "ở", belongs to its name
        (
            "Các cơ quan báo chí ở Trung ương và địa phương tăng cường tuyên truyền.",
            ["Các cơ quan báo chí ở Trung ương và địa phương"],
        ),
        (
            "Bộ Quốc phòng chỉ đạo Quân khu 5, các đơn vị quân đội đóng ở trong và gần khu vực "
            "tham gia cứu hộ.",
            ["Quân khu 5", "Các đơn vị quân đội đóng ở trong và gần khu vực"],
        ),
        # "nơi có …": the place the group is said to be
        (
            "Cấp ủy cấp xã nơi có trụ sở Trung tâm trực tiếp lãnh đạo hoạt động của Trung tâm.",
            ["Cấp ủy cấp xã nơi có trụ sở Trung tâm"],
        ),
        (
            "Ủy ban nhân dân các xã nơi có dự án đi qua phối hợp bàn giao mặt bằng.",
            ["Ủy ban nhân dân các xã nơi có dự án đi qua"],
        ),
        (
            "Các địa phương nơi xảy ra thiên tai khẩn trương khắc phục hậu quả.",
            ["Các địa phương nơi xảy ra thiên tai"],
        ),
        # the place ends where "và" brings another party, not where it joins two places
        (
            "Ủy ban nhân dân các xã nơi có tuyến đường đi qua và các chủ đầu tư phối hợp bàn "
            "giao mặt bằng.",
            ["Ủy ban nhân dân các xã nơi có tuyến đường đi qua", "Các chủ đầu tư"],
        ),
        (
            "Ủy ban nhân dân các xã nơi có rừng và đất lâm nghiệp tổ chức tuần tra.",
            ["Ủy ban nhân dân các xã nơi có rừng và đất lâm nghiệp"],
        ),
    ],
)
def test_a_group_said_by_where_it_is(sentence: str, expected: list[str]) -> None:
    assert leads(sentence) == expected


def test_where_a_group_is_ends_before_the_next_group() -> None:
    sentence = (
        "Văn phòng Trung ương Đảng chủ trì, phối hợp với các cơ quan đảng ở Trung ương và các "
        "cơ quan nhà nước xây dựng hệ thống."
    )
    assert "Các cơ quan đảng ở Trung ương" in cooperating(sentence)


def test_bodies_of_a_name_that_the_work_concerns_cooperate() -> None:
    """ "các Sở Xây dựng liên quan" names departments (not a vague party left out);
    "các sở, ban, ngành liên quan" stays vague."""
    assert cooperating("Chủ động phối hợp với các Sở Xây dựng liên quan bảo đảm giao thông.") == [
        "Các Sở Xây dựng liên quan"
    ]
    assert (
        cooperating(
            "Sở Y tế chủ trì, phối hợp với các sở, ban, ngành liên quan tổ chức thực hiện.",
            "Lào Cai",
        )
        == []
    )


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Ủy ban nhân dân tỉnh Gia Lai, Đắk Lắk và Khánh Hòa chủ động bố trí vốn đối ứng.",
            [
                "Ủy ban nhân dân tỉnh Gia Lai",
                "Ủy ban nhân dân tỉnh Đắk Lắk",
                "Ủy ban nhân dân tỉnh Khánh Hòa",
            ],
        ),
        (
            "Công an tỉnh Lạng Sơn, Cao Bằng tăng cường tuần tra biên giới.",
            ["Công an tỉnh Lạng Sơn", "Công an tỉnh Cao Bằng"],
        ),
        # another body of another province is itself
        (
            "Ủy ban nhân dân tỉnh Nghệ An, Sở Tài chính tỉnh Hà Tĩnh phối hợp thực hiện.",
            ["Ủy ban nhân dân tỉnh Nghệ An", "Sở Tài chính tỉnh Hà Tĩnh"],
        ),
    ],
)
def test_a_body_of_each_province_listed_without_its_unit_word(
    sentence: str, expected: list[str]
) -> None:
    assert [a.placed or a.name for a in parse_assignment(sentence, TABLE, None).lead] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Người đứng đầu cơ quan, tổ chức đảng chịu trách nhiệm bố trí kho lưu trữ.",
            ["Cơ quan, tổ chức đảng"],
        ),
        ("Thủ trưởng cơ quan, đơn vị chỉ đạo việc số hóa tài liệu.", ["Cơ quan, đơn vị"]),
        # with "các", as before
        (
            "Người đứng đầu các cơ quan, tổ chức đảng chịu trách nhiệm bố trí kinh phí.",
            ["Các cơ quan, tổ chức đảng"],
        ),
        # a named body after the title is the body the table knows
        ("Giám đốc Sở Tài chính chịu trách nhiệm bố trí kinh phí.", ["Sở Tài chính"]),
    ],
)
def test_heads_of_a_group_written_without_cac(sentence: str, expected: list[str]) -> None:
    assert leads(sentence, "Lào Cai") == expected


def test_the_ministers_of_the_ministries_and_heads_of_agencies() -> None:
    """The Government's formula for every ministry and agency, with "các Bộ" written out."""
    sentence = (
        "Bộ trưởng các Bộ, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ chỉ đạo quyết "
        "liệt công tác này."
    )
    assert leads(sentence) == ["Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ"]


@pytest.mark.parametrize(
    ("sentence", "province", "expected"),
    [
        # a special zone among the communes a group names one by one
        (
            "Ủy ban nhân dân các phường Cửa Ông, Mông Dương và đặc khu Cô Tô tổ chức kiểm tra.",
            "Quảng Ninh",
            [
                "Ủy ban nhân dân phường Cửa Ông",
                "Ủy ban nhân dân phường Mông Dương",
                "Ủy ban nhân dân đặc khu Cô Tô",
            ],
        ),
        # a group of bodies of one kind, and two kinds under one noun repeated
        (
            "Cục Hàng hải và Đường thủy Việt Nam chỉ đạo các Cảng vụ hàng hải, Cảng vụ đường "
            "thủy nội địa tăng cường kiểm tra.",
            None,
            ["Các Cảng vụ hàng hải", "Các Cảng vụ đường thủy nội địa"],
        ),
        # numbered bodies after the noun stay bodies
        (
            "Chỉ đạo các Khu Quản lý đường bộ III và IV phối hợp kiểm tra.",
            None,
            ["Khu Quản lý đường bộ III", "Khu Quản lý đường bộ IV"],
        ),
        # "Đảng" is written with a capital as a group's modifier too
        (
            "Các ban, cơ quan Đảng tỉnh, Đảng ủy Ủy ban nhân dân tỉnh theo chức năng triển khai.",
            "Hưng Yên",
            ["Các ban, cơ quan Đảng tỉnh", "Đảng ủy Ủy ban nhân dân tỉnh Hưng Yên"],
        ),
        # institutes and schools listed as one group
        (
            "Các viện nghiên cứu, trường đại học, cao đẳng chủ động đề xuất nhiệm vụ.",
            "Hải Phòng",
            ["Các viện nghiên cứu, trường đại học, cao đẳng"],
        ),
    ],
)
def test_groups_of_places_and_of_schools(
    sentence: str, province: str | None, expected: list[str]
) -> None:
    assert sorted(leads(sentence, province)) == sorted(expected)


def test_a_body_of_each_listed_province_is_shown_with_its_place() -> None:
    """ "Bộ Công an chỉ đạo Công an các tỉnh Lào Cai, Tuyên Quang": the police of each
    province, shown with its place (the name and the province still say which body it is,
    as the province's own documents name it)."""
    said = parse_assignment(
        "Bộ Công an chỉ đạo Công an các tỉnh Lào Cai, Tuyên Quang bảo đảm an ninh, trật tự.",
        TABLE,
        None,
    )
    assert [(a.shown, a.name, a.province) for a in said.lead] == [
        ("Công an tỉnh Lào Cai", "Công an tỉnh", "Lào Cai"),
        ("Công an tỉnh Tuyên Quang", "Công an tỉnh", "Tuyên Quang"),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # enterprises named as examples of a kind: the kind is the party
        (
            "Các doanh nghiệp viễn thông (Tập đoàn Bưu chính Viễn thông Việt Nam, Tập đoàn "
            "Công nghiệp - Viễn thông Quân đội) tập trung nguồn lực lắp đặt trạm phát sóng.",
            ["Các doanh nghiệp viễn thông"],
        ),
        # the bodies a role group is made of: those bodies
        (
            "Các cơ quan đăng ký đầu tư (Sở Tài chính, Ban Quản lý Khu kinh tế tỉnh) rà soát hồ sơ.",
            ["Sở Tài chính", "Ban Quản lý Khu kinh tế tỉnh"],
        ),
    ],
)
def test_a_group_and_the_bodies_in_its_brackets(sentence: str, expected: list[str]) -> None:
    assert leads(sentence, "Lào Cai") == expected
