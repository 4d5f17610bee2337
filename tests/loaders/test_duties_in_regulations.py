"""Who a regulation's provision binds, when it names its doer without "các" or after the
work (sentences written for these tests, in the shape of Party and state regulations)."""

from __future__ import annotations

import pytest

from policy_lineage.loaders.agencies import default_table
from policy_lineage.loaders.assignment import parse_assignment

TABLE = default_table()


def leads(sentence: str, province: str | None = None) -> list[str]:
    return [a.name for a in parse_assignment(sentence, TABLE, province).lead]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # kinds of parties without "các", as the subject of a duty, as printed
        ("Cơ quan, tổ chức đảng phải lập hồ sơ về công việc được giao.", ["Cơ quan, tổ chức đảng"]),
        (
            "Cơ quan, đơn vị có trách nhiệm cập nhật dữ liệu vào hệ thống.",
            ["Cơ quan, đơn vị"],
        ),
        # … after a framing phrase of time
        (
            "Trong thời hạn 30 ngày kể từ ngày kết thúc hội nghị, cán bộ, đảng viên phải nộp "
            "bài thu hoạch.",
            ["Cán bộ, đảng viên"],
        ),
        # a thing is no party
        ("Hồ sơ, tài liệu phải được bảo quản an toàn.", []),
        # the work first, its doer after "do"
        (
            "Việc lập danh mục hồ sơ do văn phòng cấp ủy thực hiện, trình người đứng đầu phê "
            "duyệt.",
            ["Văn phòng cấp ủy"],
        ),
        (
            "Việc thẩm định hồ sơ do Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ thực hiện.",
            ["Sở Tư pháp"],
        ),
        # … not a description of other things ("các dự án do Bộ Công an chủ trì"), nor who
        # pays
        (
            "Tổ chức triển khai các nội dung, dự án do Bộ Công an chủ trì theo chức năng.",
            [],
        ),
        ("Việc cấp lại giấy chứng nhận do Trung tâm chịu trách nhiệm.", []),
    ],
)
def test_who_a_provision_binds(sentence: str, expected: list[str]) -> None:
    assert leads(sentence, "Gia Lai") == expected


NOTICE_TO_A_PROVINCE = """VĂN PHÒNG CHÍNH PHỦ
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 733/TB-VPCP

Hà Nội, ngày 30 tháng 11 năm 2026

THÔNG BÁO
Kết luận của Thủ tướng Chính phủ tại buổi làm việc với lãnh đạo tỉnh Cà Mau

Thủ tướng Chính phủ kết luận như sau:

I. NHIỆM VỤ THỜI GIAN TỚI
1. Tỉnh cần tập trung hoàn thiện hạ tầng giao thông kết nối vùng.
2. Chú trọng phát triển kinh tế biển, năng lượng tái tạo.

II. VỀ KIẾN NGHỊ CỦA TỈNH
1. Về dự án đường ven biển: giao Bộ Xây dựng hướng dẫn Tỉnh hoàn thiện hồ sơ.

Văn phòng Chính phủ thông báo để các cơ quan biết, thực hiện./.

KT. BỘ TRƯỞNG, CHỦ NHIỆM
PHÓ CHỦ NHIỆM

Nguyễn Sỹ Hiệp
"""


def test_a_numbered_item_of_a_conclusions_notice_goes_on_with_the_doer_before_it() -> None:
    """ "1. Tỉnh cần …; 2. Chú trọng …": the second item names no doer and opens with a verb
    of work, so it is the province's, as a sentence after "Tỉnh …" in one item is."""
    from policy_lineage.loaders.pipeline import extract_text

    ex = extract_text(NOTICE_TO_A_PROVINCE, "tb.txt")
    assert [[a.placed or a.name for a in t.lead] for t in ex.tasks] == [
        ["Ủy ban nhân dân tỉnh Cà Mau"],
        ["Ủy ban nhân dân tỉnh Cà Mau"],
        ["Bộ Xây dựng"],
    ]


def test_each_sentence_that_names_its_doer_again_is_a_duty_of_its_own():
    """An article's paragraph of running prose: what a body is, then sentence after
    sentence of its work, each naming the body again, is one duty per sentence (the
    annotation's one task per assignment sentence), not one duty lost with the definition."""
    from policy_lineage.loaders.pipeline import extract_text

    text = (
        "BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố 402-QĐ/TW\nĐẢNG CỘNG SẢN VIỆT NAM\n"
        "Hà Nội, ngày 10 tháng 10 năm 2025\n\nQUY ĐỊNH\nvề lưu trữ điện tử trong các cơ quan "
        "đảng\n\nChương II\nTRÁCH NHIỆM\n\nĐiều 5. Trách nhiệm của Văn phòng Trung ương Đảng\n"
        "1. Văn phòng Trung ương Đảng là cơ quan đầu mối về lưu trữ điện tử. Văn phòng Trung "
        "ương Đảng ban hành hướng dẫn nghiệp vụ lưu trữ điện tử trước ngày 31/12/2025. Văn "
        "phòng Trung ương Đảng kiểm tra việc lưu trữ điện tử của các cấp ủy hằng năm.\n"
        "2. Ban Tổ chức Trung ương phối hợp với Văn phòng Trung ương Đảng số hóa hồ sơ đảng "
        "viên.\n"
    )
    ex = extract_text(text, "qd.txt")
    assert [(t.text[:40], [a.name for a in t.lead]) for t in ex.tasks] == [
        ("Văn phòng Trung ương Đảng ban hành hướng", ["Văn phòng Trung ương Đảng"]),
        ("Văn phòng Trung ương Đảng kiểm tra việc ", ["Văn phòng Trung ương Đảng"]),
        ("Ban Tổ chức Trung ương phối hợp với Văn ", ["Ban Tổ chức Trung ương"]),
    ]
