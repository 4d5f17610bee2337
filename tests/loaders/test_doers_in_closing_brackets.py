"""A plan's item that names its doer in a bracket closing it: "… (Văn phòng HĐND và UBND xã
tham mưu, hoàn thành trong tháng 10/2025)" (sentences written for these tests)."""

from __future__ import annotations

import pytest

from policy_lineage.loaders.agencies import default_table
from policy_lineage.loaders.assignment import parse_assignment

TABLE = default_table()


def leads(sentence: str, province: str | None = "An Giang") -> list[str]:
    return [a.name for a in parse_assignment(sentence, TABLE, province).lead]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a body and the verb of its work open the closing bracket: the item's doer
        ("Kiện toàn Tổ công nghệ số cộng đồng ở các ấp (Văn phòng HĐND và UBND xã tham mưu, "
         "hoàn thành trong tháng 10/2025).",
         ["Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã"]),
        ("Cập nhật dữ liệu hộ nghèo lên hệ thống (Phòng Văn hóa - Xã hội thực hiện; thường "
         "xuyên).",
         ["Phòng Văn hóa - Xã hội"]),
        ("Rà soát các thủ tục hành chính (Công an xã, Trung tâm Phục vụ hành chính công xã "
         "thực hiện).",
         ["Công an xã", "Trung tâm Phục vụ hành chính công xã"]),
        # "chủ trì" there, as before
        ("Rà soát hạ tầng mạng của các ấp (Phòng Kinh tế chủ trì, phối hợp với Công an xã).",
         ["Phòng Kinh tế"]),
        # a bracket in the middle of the item, or one naming a body without its work: no doer
        ("Báo cáo kết quả (Sở Tài chính thực hiện năm trước) và đề xuất giải pháp mới.", []),
        ("Tổ chức hội nghị sơ kết (tại Hội trường Ủy ban nhân dân xã).", []),
        ("Tổng hợp ý kiến góp ý (gửi Văn phòng HĐND và UBND xã).", []),
    ],
)  # fmt: skip
def test_a_doer_in_the_closing_bracket(sentence: str, expected: list[str]) -> None:
    assert leads(sentence) == expected
