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
        # the same path written in brackets; numbers with dots; a letter narrows its number
        ("Chủ trì triển khai các nhiệm vụ tại mục (IV) (1) của Kế hoạch.", [("IV", "1", None)]),
        ("Chủ trì triển khai các nhiệm vụ tại mục (IV) (4.1) (4.2) và Phụ lục của Kế hoạch.",
         [("IV", "4.1", None), ("IV", "4.2", None)]),
        ("Chủ trì triển khai các nhiệm vụ tại mục (III)(3.4)(a);", [("III", "3.4", "a")]),
        ("Chủ trì triển khai các nhiệm vụ tại (1) (2) của Kế hoạch.", None),
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


SECTOR_PLAN = """ỦY BAN NHÂN DÂN TỈNH AN GIANG
Số: 88/KH-UBND
An Giang, ngày 10 tháng 3 năm 2026
KẾ HOẠCH
Phát triển kinh tế số giai đoạn 2026 - 2030
Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;
Ủy ban nhân dân tỉnh ban hành Kế hoạch phát triển kinh tế số như sau:
III. PHÁT TRIỂN NỀN MÓNG
1. Hạ tầng số
a) Phủ sóng di động 5G toàn bộ các khu công nghiệp.
2. Dữ liệu số
a) Xây dựng kho dữ liệu dùng chung của tỉnh.
3. Quản trị số
a) Vận hành trung tâm điều hành thông minh.
IV. PHÁT TRIỂN NGÀNH, LĨNH VỰC
1. Nông nghiệp
a) Triển khai truy xuất nguồn gốc nông sản.
2. Thương mại
2.1. Thương mại điện tử
a) Đưa hợp tác xã lên sàn thương mại điện tử.
2.2. Xuất nhập khẩu
a) Số hóa chứng từ xuất nhập khẩu.
b) Kết nối dữ liệu cảng cạn.
VI. TỔ CHỨC THỰC HIỆN
1. Sở Khoa học và Công nghệ
Tổ chức triển khai các nhiệm vụ về phát triển hạ tầng số, dữ liệu số trên địa bàn tỉnh.
2. Sở Nông nghiệp và Môi trường
Chủ trì triển khai các nhiệm vụ tại mục (IV) (1) của Kế hoạch.
3. Sở Công Thương
Chủ trì triển khai các nhiệm vụ tại mục (IV) (2) và Phụ lục của Kế hoạch.
4. Chi cục Hải quan khu vực V
Chủ trì triển khai các nhiệm vụ tại mục (IV)(2.2)(a);
"""


def test_items_pointed_at_by_a_bracketed_path_or_by_their_sections_title() -> None:
    """ "(IV) (2)" points at every item under IV.2, "2.1." and "2.2." included; the narrowest
    pointer wins ("(IV)(2.2)(a)" over "(IV) (2)"); "các nhiệm vụ về phát triển hạ tầng số,
    dữ liệu số" points at the sections titled "Hạ tầng số" and "Dữ liệu số", not at
    "Quản trị số"; items that only point are not tasks."""
    tasks = extract_text(SECTOR_PLAN, "kh.txt").tasks
    lead = {t.text[:20]: [a.name for a in t.lead] for t in tasks}
    assert lead == {
        "Phủ sóng di động 5G ": ["Sở Khoa học và Công nghệ"],
        "Xây dựng kho dữ liệu": ["Sở Khoa học và Công nghệ"],
        "Vận hành trung tâm đ": [],
        "Triển khai truy xuất": ["Sở Nông nghiệp và Môi trường"],
        "Đưa hợp tác xã lên s": ["Sở Công Thương"],
        "Số hóa chứng từ xuất": ["Chi cục Hải quan khu vực V"],
        "Kết nối dữ liệu cảng": ["Sở Công Thương"],
        "Tổ chức triển khai c": ["Sở Khoa học và Công nghệ"],
    }
