"""Work assigned by the numbers of the items (loaders/assigned_by_reference.py), in sentences
written for these tests in the shape of decisions approving a scheme."""

from __future__ import annotations

import pytest

from policy_lineage.loaders.assigned_by_reference import pointed_items
from policy_lineage.loaders.pipeline import extract_text


@pytest.mark.parametrize(
    ("sentence", "items"),
    [
        (
            "Chủ trì, phối hợp với các cơ quan liên quan thực hiện các nhiệm vụ quy định tại "
            "các mục 1, 2, 3; điểm a, b mục 7 Phần III Điều 1 Quyết định này;",
            [("III", "1", None), ("III", "2", None), ("III", "3", None), ("III", "7", "a"),
             ("III", "7", "b")],
        ),
        (
            "Phối hợp với Bộ Xây dựng thực hiện các nhiệm vụ quy định tại các điểm c, g mục 1, "
            "điểm d mục 3 Phần III Điều 1 Quyết định này.",
            [("III", "1", "c"), ("III", "1", "g"), ("III", "3", "d")],
        ),
        (
            "Chủ trì thực hiện nhiệm vụ tại điểm a, b khoản 2 Mục II.",
            [("II", "2", "a"), ("II", "2", "b")],
        ),
        # no Roman part: nothing in the outline to anchor the numbers
        ("Chủ trì thực hiện nhiệm vụ quy định tại điểm c khoản 1 Điều này.", None),
        ("Chủ trì thực hiện các nhiệm vụ được giao tại Phụ lục kèm theo.", None),
    ],
)  # fmt: skip
def test_the_items_a_sentence_points_at(sentence: str, items) -> None:
    found = pointed_items(sentence)
    assert (found[0] if found else None) == items


PLAN = """THỦ TƯỚNG CHÍNH PHỦ
Số: 45/QĐ-TTg
Hà Nội, ngày 10 tháng 3 năm 2026
QUYẾT ĐỊNH
Phê duyệt Đề án số hóa hồ sơ công trình
THỦ TƯỚNG CHÍNH PHỦ
Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;
QUYẾT ĐỊNH:
Điều 1. Phê duyệt Đề án với các nội dung sau:
II. NHIỆM VỤ VÀ GIẢI PHÁP
1. Hoàn thiện thể chế
a) Rà soát quy định về hồ sơ điện tử của công trình.
b) Ban hành quy chuẩn dữ liệu công trình.
2. Phát triển hạ tầng số
a) Xây dựng cơ sở dữ liệu công trình quốc gia.
b) Bộ Công an chủ trì bảo đảm an ninh mạng cho cơ sở dữ liệu.
III. TỔ CHỨC THỰC HIỆN
1. Bộ Xây dựng
a) Chủ trì, phối hợp với các bộ, ngành thực hiện các nhiệm vụ tại mục 1, mục 2 Phần II Điều 1 Quyết định này;
b) Tổng hợp, báo cáo Thủ tướng Chính phủ kết quả thực hiện hằng năm.
2. Bộ Tư pháp
Phối hợp với Bộ Xây dựng thực hiện nhiệm vụ tại điểm a mục 1 Phần II.
Điều 2. Quyết định này có hiệu lực từ ngày ký.
"""


def test_items_pointed_at_take_their_lead_and_cooperating_body() -> None:
    """Items with no doer take the lead of the item that points at them; an item that names
    its own doer keeps it; a joining body is added as cooperating; an item that only points
    is not a task, one that does other work is."""
    tasks = {t.text[:24]: t for t in extract_text(PLAN, "qd.txt").tasks}
    lead = {k: [a.name for a in t.lead] for k, t in tasks.items()}
    coop = {k: [a.name for a in t.cooperating] for k, t in tasks.items()}
    assert lead["Rà soát quy định về hồ s"] == ["Bộ Xây dựng"]
    assert coop["Rà soát quy định về hồ s"] == ["Bộ Tư pháp"]
    assert lead["Ban hành quy chuẩn dữ li"] == ["Bộ Xây dựng"]
    assert lead["Xây dựng cơ sở dữ liệu c"] == ["Bộ Xây dựng"]
    assert lead["Bộ Công an chủ trì bảo đ"] == ["Bộ Công an"]
    assert lead["Tổng hợp, báo cáo Thủ tư"] == ["Bộ Xây dựng"]
    assert not any(k.startswith("Chủ trì, phối hợp") for k in tasks)
    assert not any(k.startswith("Phối hợp với Bộ Xây") for k in tasks)
