"""Office holders named with their own names, and groups named as the bodies serving one body.

Sentences written for this test. "Phó Thủ tướng Chính phủ Trần Văn B chỉ đạo Bộ X …" is a
delegation chain like "X chỉ đạo Y …": the last body does the work (ANNOTATION.md). "Các cơ
quan tham mưu, giúp việc Tỉnh ủy" is one group, not "Các cơ quan" and the Party committee.
"""

from __future__ import annotations

import pytest

from policy_lineage.loaders.agencies import AgencyTable
from policy_lineage.loaders.assignment import parse_assignment

TABLE = AgencyTable.load()


@pytest.mark.parametrize(
    ("sentence", "lead"),
    [
        # the holder's own name between the title and the chain's verb
        ("Phó Thủ tướng Chính phủ Trần Văn Bình chỉ đạo Bộ Xây dựng xử lý dứt điểm vướng mắc.",
         ["Bộ Xây dựng"]),
        ("Phó Thủ tướng Lê Văn Cường giao Bộ Ngoại giao chủ trì tổng hợp ý kiến.",
         ["Bộ Ngoại giao"]),
        # no body after the verb: the holder's own work ("trực tiếp chỉ đạo việc …")
        ("Phó Thủ tướng Chính phủ Trần Văn Bình trực tiếp chỉ đạo việc xử lý vướng mắc.",
         ["Phó Thủ tướng Chính phủ"]),
        # a title with no name goes on as before
        ("Bộ trưởng Bộ Công an chỉ đạo Công an các tỉnh tăng cường tuần tra.",
         ["Công an các tỉnh"]),
        # "Giao đồng chí <titles> <a bare committee> chỉ đạo X": X, whatever the tone marks'
        # style ("Đảng ủy" or "Đảng uỷ"); no small letter is read as a capital of a name
        ("Giao đồng chí Phó Bí thư Thường trực Đảng ủy chỉ đạo Văn phòng Đảng ủy tham mưu.",
         ["Văn phòng Đảng ủy"]),
        ("Giao đồng chí Phó Bí thư Thường trực Đảng uỷ chỉ đạo Văn phòng Đảng uỷ tham mưu.",
         ["Văn phòng Đảng uỷ"]),
        ("Giao đồng chí Nguyễn Văn Hòa chỉ đạo Sở Tài chính bố trí kinh phí.",
         ["Sở Tài chính"]),
    ],
)  # fmt: skip
def test_a_named_office_holder_hands_work_down_a_chain(sentence: str, lead: list[str]) -> None:
    assert [a.name for a in parse_assignment(sentence, TABLE, None).lead] == lead


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Các cơ quan tham mưu, giúp việc Tỉnh ủy chủ động triển khai.",
         ["Các cơ quan tham mưu, giúp việc Tỉnh ủy Nghệ An"]),
        ("Các cơ quan tham mưu giúp việc của Tỉnh ủy chủ động triển khai.",
         ["Các cơ quan tham mưu giúp việc của Tỉnh ủy Nghệ An"]),
        ("Các đơn vị giúp việc cho Sở Tài chính tổng hợp số liệu.",
         ["Các đơn vị giúp việc cho Sở Tài chính"]),
        # "tham mưu" alone is a verb: the departments advise the committee
        ("Các sở tham mưu Ủy ban nhân dân tỉnh ban hành kế hoạch.",
         ["Các sở", "Ủy ban nhân dân tỉnh Nghệ An"]),
    ],
)  # fmt: skip
def test_a_group_serving_a_body_is_one_group(text: str, names: list[str]) -> None:
    assert [m.agency.name for m in TABLE.find(text, "Nghệ An")] == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # the holders of one office in many committees stand for each committee
        ("Các đồng chí bí thư tỉnh ủy, thành ủy trực tiếp chỉ đạo.", ["Các tỉnh ủy, thành ủy"]),
        ("Đề nghị các đồng chí bí thư tỉnh ủy, thành ủy quan tâm chỉ đạo.",
         ["Các tỉnh ủy, thành ủy"]),
        # steering committees as a group, not "các ban" and a verb
        ("Chỉ đạo các ban chỉ đạo cấp tỉnh rà soát thành viên.", ["Các ban chỉ đạo cấp tỉnh"]),
        # a verb after a group's modifiers is what the group does
        ("Phối hợp với các doanh nghiệp viễn thông xóa các vùng lõm sóng.",
         ["Các doanh nghiệp viễn thông"]),
        # a special zone is named in capitals: "đặc khu" then a verb names none
        ("Chỉ đạo đảng ủy các xã, phường, đặc khu đưa chỉ tiêu vào nghị quyết.",
         ["Đảng ủy các xã, phường, đặc khu"]),
        ("Ủy ban nhân dân các xã, phường, đặc khu Cồn Cỏ triển khai.",
         ["Ủy ban nhân dân các xã, phường, đặc khu Cồn Cỏ"]),
    ],
)  # fmt: skip
def test_groups_end_where_their_name_ends(text: str, names: list[str]) -> None:
    assert [m.agency.name for m in TABLE.find(text)] == names


@pytest.mark.parametrize(
    ("sentence", "lead"),
    [
        # "giao" a named holder (the title blanked) who directs a body: that body
        ("Giao đồng chí Thứ trưởng Lê Văn An chỉ đạo Cục An toàn bức xạ và hạt nhân rà soát.",
         ["Cục An toàn bức xạ và hạt nhân"]),
        ("Giao đồng chí Phó Chủ tịch UBND tỉnh Nguyễn Văn Bình trực tiếp chỉ đạo Sở Tài chính "
         "bố trí kinh phí.", ["Sở Tài chính"]),
        # "trực tiếp chỉ đạo Y" hands the work on as "chỉ đạo Y" does
        ("Ủy ban nhân dân tỉnh trực tiếp chỉ đạo Sở Y tế triển khai.", ["Sở Y tế"]),
    ],
)  # fmt: skip
def test_giao_a_named_holder_who_directs_a_body(sentence: str, lead: list[str]) -> None:
    assert [a.name for a in parse_assignment(sentence, TABLE, "Phú Thọ").lead] == lead


def test_a_short_name_in_brackets_after_a_body_is_that_body() -> None:
    """ "Cục Đổi mới sáng tạo (Cục ĐMST)": a later "Cục ĐMST" (in a table's cell) is that
    body; a bracket holding no abbreviation ("(Sở Tài chính)") defines nothing."""
    text = (
        "c) Cục Đổi mới sáng tạo (Cục ĐMST): hoàn thiện Đề án. Vụ Kế hoạch - Tài chính "
        "(Vụ KH-TC) tổng hợp dự toán. Cơ quan thường trực (Sở Tài chính) theo dõi."
    )
    doc = TABLE.for_document(text)
    assert [m.agency.name for m in doc.find("Cục ĐMST chủ trì, Vụ KH-TC phối hợp")] == [
        "Cục Đổi mới sáng tạo",
        "Vụ Kế hoạch - Tài chính",
    ]
    assert "sở tài chính" not in TABLE._defined_names(text)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # the regional offices, unnumbered, before a verb of work or the end of a phrase
        ("Kho bạc Nhà nước chỉ đạo Kho bạc Nhà nước khu vực thực hiện kiểm soát chi.",
         ["Kho bạc Nhà nước", "Kho bạc Nhà nước khu vực"]),
        ("Phối hợp với Sở Tài chính và Kho bạc Nhà nước khu vực, Sở Y tế.",
         ["Sở Tài chính", "Kho bạc Nhà nước khu vực", "Sở Y tế"]),
        ("Kho bạc Nhà nước khu vực XI báo cáo.", ["Kho bạc Nhà nước khu vực XI"]),
        # "khu vực biên giới" is a place, not an office
        ("Bộ đội Biên phòng khu vực biên giới tuần tra.", ["Bộ đội Biên phòng"]),
    ],
)  # fmt: skip
def test_regional_offices_named_without_a_number(text: str, names: list[str]) -> None:
    assert [m.agency.name for m in TABLE.find(text)] == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a Party organ of a group the table knows: the organ, not the group
        ("Đảng ủy các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ tiếp tục quán triệt.",
         ["Đảng ủy các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ"]),
        ("Ban cán sự đảng các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ lãnh đạo.",
         ["Ban cán sự đảng các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ"]),
        ("Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ triển khai.",
         ["Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ"]),
    ],
)  # fmt: skip
def test_a_party_organ_of_a_known_group(text: str, names: list[str]) -> None:
    assert [m.agency.name for m in TABLE.find(text)] == names


def test_the_standing_deputy_secretary_stands_for_the_committee() -> None:
    sentence = (
        "Giao đồng chí Phó Bí thư Thường trực Đảng ủy Chính phủ trực tiếp chỉ đạo việc chuẩn bị "
        "sơ kết, hoàn thành trong tháng 5/2026."
    )
    assert [a.name for a in parse_assignment(sentence, TABLE, None).lead] == ["Đảng ủy Chính phủ"]
