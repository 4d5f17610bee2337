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
