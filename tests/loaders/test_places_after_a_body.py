"""A body named with its province, then more provinces: the same body of each.

Sentences written for this test ("Ủy ban nhân dân tỉnh Đồng Nai, Thành phố Hồ Chí Minh và
tỉnh Bình Dương …" is how central notices list the committees that must act).
"""

from __future__ import annotations

import pytest

from policy_lineage.loaders.agencies import AgencyTable

TABLE = AgencyTable.load()


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Ủy ban nhân dân tỉnh Đồng Nai, tỉnh Tây Ninh khẩn trương bàn giao mặt bằng.",
         ["Ủy ban nhân dân tỉnh Đồng Nai", "Ủy ban nhân dân tỉnh Tây Ninh"]),
        ("Ủy ban nhân dân tỉnh Đồng Nai, Thành phố Hồ Chí Minh và các địa phương có dự án đi "
         "qua khẩn trương bàn giao mặt bằng.",
         ["Ủy ban nhân dân tỉnh Đồng Nai", "Ủy ban nhân dân thành phố Hồ Chí Minh",
          "Các địa phương có dự án đi qua"]),
        ("Ủy ban nhân dân Thành phố Hà Nội, tỉnh Bắc Ninh và tỉnh Hưng Yên bố trí quỹ đất.",
         ["Ủy ban nhân dân thành phố Hà Nội", "Ủy ban nhân dân tỉnh Bắc Ninh",
          "Ủy ban nhân dân tỉnh Hưng Yên"]),
        # not a place: "tỉnh ủy" after the comma is another body
        ("Ủy ban nhân dân tỉnh Nghệ An, Tỉnh ủy Hà Tĩnh chỉ đạo.",
         ["Ủy ban nhân dân tỉnh Nghệ An", "Tỉnh ủy Hà Tĩnh"]),
        # a body of its own after the comma keeps its own name
        ("Ủy ban nhân dân tỉnh Nghệ An, Bộ Xây dựng phối hợp.",
         ["Ủy ban nhân dân tỉnh Nghệ An", "Bộ Xây dựng"]),
    ],
)  # fmt: skip
def test_each_province_after_a_body_named_with_its_province(text: str, names: list[str]) -> None:
    assert [m.agency.name for m in TABLE.find(text)] == names
