"""Courts and procuracies after the 2025 reorganisation: regional offices ("Tòa án nhân dân
khu vực 1"), every one of them ("Viện kiểm sát nhân dân các khu vực"), the courts of every
level (sentences written for these tests)."""

from __future__ import annotations

import pytest

from policy_lineage.loaders.agencies import default_table
from policy_lineage.loaders.assignment import parse_assignment

TABLE = default_table()


@pytest.mark.parametrize(
    ("sentence", "leads", "kind"),
    [
        ("Giao Viện kiểm sát nhân dân khu vực 1 thực hiện thí điểm hồ sơ điện tử.",
         ["Viện kiểm sát nhân dân khu vực 1"], "body"),
        ("Đề nghị Tòa án nhân dân khu vực 2 cập nhật bản án lên cổng thông tin.",
         ["Tòa án nhân dân khu vực 2"], "body"),
        ("VKSND khu vực 3 báo cáo kết quả số hóa hằng tháng.",
         ["Viện kiểm sát nhân dân khu vực 3"], "body"),
        # every regional office, and the courts of every level: groups
        ("Viện trưởng Viện kiểm sát nhân dân các khu vực chỉ đạo số hóa hồ sơ.",
         ["Viện kiểm sát nhân dân các khu vực"], "group"),
        ("Tòa án nhân dân các cấp thực hiện công khai bản án.",
         ["Tòa án nhân dân các cấp"], "group"),
        # a unit of the procuracy: "kiểm" (of "kiểm tra") does not end the name here
        ("Văn phòng Viện kiểm sát nhân dân tỉnh chủ trì tham mưu dự thảo Quy chế.",
         ["Văn phòng Viện kiểm sát nhân dân tỉnh"], "body"),
        ("Văn phòng Viện kiểm tra hồ sơ số hóa.", ["Văn phòng Viện"], "body"),
        # the province's own keep their names
        ("Tòa án nhân dân tỉnh, Viện kiểm sát nhân dân tỉnh phối hợp rà soát.",
         ["Tòa án nhân dân tỉnh", "Viện kiểm sát nhân dân tỉnh"], "body"),
    ],
)  # fmt: skip
def test_courts_and_procuracies(sentence: str, leads: list[str], kind: str) -> None:
    lead = parse_assignment(sentence, TABLE, "Đắk Lắk").lead
    assert [a.name for a in lead] == leads
    assert {a.kind for a in lead} == {kind}
