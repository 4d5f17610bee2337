"""A group's short name a document defines in lower case ("các bộ, cơ quan ngang bộ, cơ quan
thuộc Chính phủ (sau đây gọi chung là bộ, ngành)") names that group later, with or without
"các"; the short name of a whole list, or one that is no group, names none
(``AgencyTable.for_document``). Sentences written for these tests."""

from __future__ import annotations

import pytest

from policy_lineage.loaders.agencies import default_table

DEFINES = (
    "Bộ Tư pháp đề nghị các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ (sau đây gọi chung "
    "là bộ, ngành) và Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương quan tâm chỉ "
    "đạo thực hiện một số nội dung sau:\n"
)
A_LIST = (
    "Quy chế này áp dụng đối với các sở, ban, ngành; Ủy ban nhân dân cấp xã và các cơ quan, "
    "đơn vị khác (sau đây gọi tắt là cơ quan, đơn vị) có sử dụng hệ thống.\n"
)
A_LIST_CAPITALISED = (
    "Giao Sở Tài chính, Sở Xây dựng và Ủy ban nhân dân các xã (sau đây gọi chung là Các đơn "
    "vị) rà soát danh mục dự án.\n"
)
NO_GROUP = (
    "Ủy ban nhân dân các xã vùng biên giới (sau đây gọi tắt là địa bàn) được ưu tiên bố trí "
    "kinh phí.\n"
)


@pytest.mark.parametrize(
    ("defined", "sentence", "names"),
    [
        (
            DEFINES,
            "2. Đối với các bộ, ngành: rà soát toàn bộ thông tư còn hiệu lực.",
            ["Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ"],
        ),
        (
            DEFINES,
            "Thủ trưởng các bộ, ngành chỉ đạo rà soát văn bản.",
            ["Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ"],
        ),
        # a longer group the table knows is not the defined one
        (DEFINES, "Các bộ, ngành, địa phương báo cáo kết quả.", ["Các bộ, ngành, địa phương"]),
        # the short name of a whole list is not its last member's
        (A_LIST, "Các cơ quan, đơn vị cử cán bộ đầu mối.", ["Các cơ quan, đơn vị"]),
        # a list "collectively called" by a capitalised name: not its last member either
        (A_LIST_CAPITALISED, "Các đơn vị báo cáo kết quả.", ["Các đơn vị"]),
        # "địa bàn" is no group: it names no body
        (NO_GROUP, "Các địa phương bố trí kinh phí.", ["Các địa phương"]),
    ],
)
def test_a_group_defined_in_lower_case(defined: str, sentence: str, names: list[str]) -> None:
    table = default_table().for_document(defined + sentence)
    assert [m.agency.name for m in table.find(sentence)] == names


def test_ngoai_giao_stays_in_a_name() -> None:
    """ "giao" ends a name elsewhere ("Bộ X giao Vụ Y"); "Ngoại giao" goes on in one."""
    found = default_table().find("Giao Vụ Ngoại giao kinh tế làm đầu mối tiếp nhận hồ sơ.")
    assert [m.agency.name for m in found] == ["Vụ Ngoại giao kinh tế"]
    found = default_table().find("Bộ Ngoại giao giao Vụ Pháp chế chủ trì.")
    assert [m.agency.name for m in found] == ["Bộ Ngoại giao", "Vụ Pháp chế"]


def test_an_abbreviation_the_document_defines_beats_the_tables_reading() -> None:
    """ "BCH BĐBP tỉnh" defined as "Bộ Chỉ huy Bộ đội Biên phòng tỉnh": that body, not the
    "Ban Chỉ huy …" the table reads in "BCH"; a name in words the document defines ("Tỉnh
    ủy" for "Ban Chấp hành Đảng bộ tỉnh") stays the table's."""
    text = (
        "Các cơ quan: Bộ Chỉ huy Bộ đội Biên phòng tỉnh (sau đây viết tắt là BCH BĐBP tỉnh); "
        "Công an tỉnh.\nBCH BĐBP tỉnh chủ trì tuần tra biên giới."
    )
    table = default_table().for_document(text)
    assert [f.agency.name for f in table.find("BCH BĐBP tỉnh chủ trì", "Lạng Sơn")] == [
        "Bộ Chỉ huy Bộ đội Biên phòng tỉnh"
    ]
    text = "Ban Chấp hành Đảng bộ tỉnh (sau đây gọi tắt là Tỉnh ủy) ban hành Quy chế."
    table = default_table().for_document(text)
    assert [f.agency.name for f in table.find("Tỉnh ủy lãnh đạo", "Lạng Sơn")] == [
        "Tỉnh ủy Lạng Sơn"
    ]


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        (
            "Đảng ủy Viện kiểm sát nhân dân tối cao lãnh đạo",
            ["Đảng ủy Viện kiểm sát nhân dân tối cao"],
        ),
        ("Chi cục Kiểm dịch thực vật vùng VII phối hợp", ["Chi cục Kiểm dịch thực vật vùng VII"]),
        (
            "Chỉ đạo các doanh nghiệp vận tải khách du lịch tăng cường",
            ["Các doanh nghiệp vận tải khách du lịch"],
        ),
    ],
)
def test_names_that_go_on_past_small_letters(sentence: str, names: list[str]) -> None:
    assert [f.agency.name for f in default_table().find(sentence, None)] == names
