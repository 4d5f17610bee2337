"""Units of the armed forces as bodies and groups: regiments, border posts, coast guard
regions, military commands written "Ban CHQS" (sentences written for these tests)."""

from __future__ import annotations

import pytest

from policy_lineage.loaders.agencies import default_table
from policy_lineage.loaders.assignment import parse_assignment

TABLE = default_table()


@pytest.mark.parametrize(
    ("sentence", "leads"),
    [
        ("Trung đoàn 841 chủ trì xây dựng mô hình huấn luyện.", ["Trung đoàn 841"]),
        ("Vùng Cảnh sát biển 1 chủ trì thí điểm thiết bị bay không người lái.",
         ["Vùng Cảnh sát biển 1"]),
        ("Đồn Biên phòng Cửa khẩu quốc tế Vĩnh Xương chủ trì tuần tra.",
         ["Đồn Biên phòng Cửa khẩu quốc tế Vĩnh Xương"]),
        # every unit of a kind
        ("Các Vùng Cảnh sát biển bảo đảm hạ tầng mạng.", ["Các Vùng Cảnh sát biển"]),
        ("Các Đồn Biên phòng phối hợp với Ủy ban nhân dân các xã tuần tra.",
         ["Các Đồn Biên phòng"]),
        ("Các quân khu, quân đoàn, quân chủng, Bộ Tư lệnh Thủ đô Hà Nội chỉ đạo rà soát.",
         ["Các quân khu, quân đoàn, quân chủng", "Bộ Tư lệnh Thủ đô Hà Nội"]),
        # "CHQS" written out
        ("Ban CHQS các xã, phường chủ động phối hợp với Công an xã rà soát.",
         ["Ban Chỉ huy Quân sự các xã, phường"]),
        # every command of a kind, named by its shape (not the group "các ban" and "Chỉ")
        ("Các Ban Chỉ huy Phòng thủ khu vực hướng dẫn, kiểm tra Ban CHQS các xã.",
         ["Các Ban Chỉ huy Phòng thủ khu vực"]),
        # "đồn" of no post
        ("Tin đồn lan truyền trên mạng xã hội cần được xử lý.", []),
    ],
)  # fmt: skip
def test_units_of_the_armed_forces(sentence: str, leads: list[str]) -> None:
    assert [a.name for a in parse_assignment(sentence, TABLE, "Quảng Trị").lead] == leads
