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


@pytest.mark.parametrize(
    ("text", "province", "shown"),
    [
        # a department of another province: that province's body, shown with its place
        ("Sở Xây dựng tỉnh Lâm Đồng rà soát các điểm sạt lở.", None, ["Sở Xây dựng tỉnh Lâm Đồng"]),
        ("Sở Xây dựng Lâm Đồng rà soát các điểm sạt lở.", None, ["Sở Xây dựng tỉnh Lâm Đồng"]),
        ("Sở Y tế thành phố Hà Nội báo cáo.", None, ["Sở Y tế thành phố Hà Nội"]),
        ("Công an tỉnh Lạng Sơn và tỉnh Cao Bằng bảo đảm an ninh.", None,
         ["Công an tỉnh Lạng Sơn", "Công an tỉnh Cao Bằng"]),
        ("Phối hợp với Công an tỉnh Cao Bằng và Sở Xây dựng tỉnh Cao Bằng.", "Lạng Sơn",
         ["Công an tỉnh Cao Bằng", "Sở Xây dựng tỉnh Cao Bằng"]),
        # the document's own province: the body's own name, as a provincial plan writes it
        ("Sở Xây dựng tỉnh Nghệ An chủ trì.", "Nghệ An", ["Sở Xây dựng"]),
    ],
)  # fmt: skip
def test_a_department_named_with_another_province_is_that_provinces(
    text: str, province: str | None, shown: list[str]
) -> None:
    found = [m.agency for m in TABLE.find(text, province)]
    assert [a.placed or a.name for a in found] == shown
    # the body itself is the table's, of that province (one node per real body in the graph)
    assert all(a.canonical and a.province for a in found)


def test_the_contract_prints_a_department_with_its_province() -> None:
    from policy_lineage.loaders.pipeline import extract_text
    from policy_lineage.schema.model import to_contract

    text = (
        "BỘ XÂY DỰNG\n\nSố: 96/CĐ-BXD\n\nHà Nội, ngày 5 tháng 11 năm 2025\n\nCÔNG ĐIỆN\n"
        "Về việc ứng phó mưa lũ\n\nKính gửi: Ủy ban nhân dân các tỉnh.\n\n"
        "1. Sở Xây dựng tỉnh Gia Lai, tỉnh Đắk Lắk và tỉnh Lâm Đồng kiểm tra các tuyến đường.\n\n"
        "Nơi nhận:\n- Như trên;\n\nBỘ TRƯỞNG\n\nNguyễn Văn A\n"
    )
    tasks = to_contract(extract_text(text, "cd.txt"))["tasks"]
    assert tasks[0]["lead"] == [
        "Sở Xây dựng tỉnh Gia Lai",
        "Sở Xây dựng tỉnh Đắk Lắk",
        "Sở Xây dựng tỉnh Lâm Đồng",
    ]
