"""Headings that say what is asked of a party, and conclusions that only agree (sentences
written for these tests, in the shape of a minister's conclusions to the ministry's units)."""

from __future__ import annotations

import pytest

from policy_lineage.loaders.pipeline import extract_text

NOTICE = """BỘ XÂY DỰNG

Số: 88/TB-BXD

Hà Nội, ngày 12 tháng 9 năm 2026

THÔNG BÁO
Kết luận của Bộ trưởng tại cuộc họp giao ban tháng 9 năm 2026

Ngày 10 tháng 9 năm 2026, Bộ trưởng chủ trì cuộc họp giao ban. Bộ trưởng kết luận như sau:

1. {heading}

a) Rà soát các nhiệm vụ được giao tại Chương trình công tác năm 2026; hoàn thành các \
nhiệm vụ chậm tiến độ trước ngày 20/11/2026.

b) Cập nhật kết quả thực hiện nhiệm vụ trên Hệ thống quản lý văn bản trước ngày 25 hằng \
tháng.

2. Nhiệm vụ cụ thể

a) Vụ Pháp chế: chủ trì hoàn thiện dự thảo Thông tư về định mức, trình Bộ trưởng trong \
tháng 10/2026.

Nơi nhận:
- Như trên;

TL. BỘ TRƯỞNG
CHÁNH VĂN PHÒNG

Trần Văn Bình
"""


def tasks(heading: str) -> list[tuple[list[str], str]]:
    ex = extract_text(NOTICE.format(heading=heading), "notice.txt")
    return [([a.name for a in t.lead], t.text[:20]) for t in ex.tasks]


@pytest.mark.parametrize(
    ("heading", "lead"),
    [
        ("Yêu cầu chung đối với thủ trưởng các đơn vị thuộc Bộ", "Các đơn vị thuộc Bộ"),
        ("Yêu cầu đối với các đơn vị thuộc Bộ:", "Các đơn vị thuộc Bộ"),
        ("Nhiệm vụ chung của các đơn vị thuộc Bộ", "Các đơn vị thuộc Bộ"),
        ("Đối với các đơn vị thuộc Bộ:", "Các đơn vị thuộc Bộ"),
    ],
)
def test_a_heading_of_what_is_asked_of_a_party_leads_its_items(heading: str, lead: str) -> None:
    """ "Yêu cầu" opens the purpose sections, whose items are not tasks; "Yêu cầu (chung) đối
    với <party>" is what is asked of that party, and its items are the party's work."""
    assert tasks(heading) == [
        ([lead], "Rà soát các nhiệm vụ"),
        ([lead], "Cập nhật kết quả thự"),
        (["Vụ Pháp chế"], "Vụ Pháp chế: chủ trì"),
    ]


def test_what_is_asked_of_a_thing_is_not_a_party() -> None:
    found = tasks("Yêu cầu đối với việc triển khai các nhiệm vụ")
    assert ([], "Cập nhật kết quả thự") not in found
    assert (["Vụ Pháp chế"], "Vụ Pháp chế: chủ trì") in found
    assert all(lead != ["Việc triển khai các nhiệm vụ"] for lead, _ in found)


PLAN = """ỦY BAN NHÂN DÂN
TỈNH HÀ TĨNH

Số: 45/KH-UBND

Hà Tĩnh, ngày 3 tháng 4 năm 2026

KẾ HOẠCH
Triển khai chuyển đổi số năm 2026

I. MỤC ĐÍCH, YÊU CẦU

1. Mục đích

Đẩy mạnh chuyển đổi số trong cơ quan nhà nước.

2. Yêu cầu đối với các sở, ban, ngành

- Bám sát nội dung Kế hoạch, bảo đảm thống nhất.

II. NHIỆM VỤ

1. Sở Tài chính bố trí kinh phí thực hiện Kế hoạch.

Nơi nhận:
- Như trên;

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Lê Văn Cường
"""


def test_what_is_asked_inside_the_purpose_section_stays_no_task() -> None:
    ex = extract_text(PLAN, "plan.txt")
    assert [t.text for t in ex.tasks] == ["Sở Tài chính bố trí kinh phí thực hiện Kế hoạch."]
