"""An act on another document written after it, in the passive ("Nội dung tại điểm 2
Công văn số X được sửa đổi, bổ sung theo Công văn này"): sentences written for these tests."""

from __future__ import annotations

import pytest

from policy_lineage.loaders.pipeline import extract_text

HEAD = "\n".join(
    [
        "BỘ CÔNG AN",
        "Số: 64/BCA-C06",
        "V/v triển khai Nền tảng số",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Hà Nội, ngày 08 tháng 01 năm 2026",
        "Kính gửi: Công an các tỉnh, thành phố trực thuộc Trung ương.",
        "",
        "1. Công an các tỉnh, thành phố triển khai Nền tảng trong tháng 3/2026.",
        "",
    ]
)


def relations(sentence: str) -> dict[str, str]:
    doc = extract_text(HEAD + sentence + "\n", "cv.txt")
    return {r.number: r.relation for r in doc.references}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Nội dung tại điểm 2 Mục II Công văn số 5518/BCA-C06 ngày 20/10/2025 của Bộ Công an "
            "được sửa đổi, bổ sung theo nội dung tại điểm 1 Công văn này.",
            {"5518/BCA-C06": "amends"},
        ),
        (
            "Khoản 3 Mục I Kế hoạch số 12/KH-BCA ngày 02/01/2025 của Bộ Công an được sửa đổi "
            "như sau: “Công an cấp xã báo cáo hằng tháng”.",
            {"12/KH-BCA": "amends"},
        ),
        (
            "Công văn số 5518/BCA-C06 ngày 20/10/2025 của Bộ Công an được thay thế bằng Công "
            "văn này.",
            {"5518/BCA-C06": "supersedes"},
        ),
        # what another document did to it is no act of this one
        (
            "Kế hoạch số 12/KH-BCA ngày 02/01/2025 đã được sửa đổi, bổ sung bởi Kế hoạch số "
            "40/KH-BCA ngày 05/3/2025; theo Công văn này, Công an cấp xã báo cáo hằng tháng.",
            {"12/KH-BCA": "cites", "40/KH-BCA": "cites"},
        ),
    ],
)
def test_passive_acts(sentence: str, expected: dict[str, str]) -> None:
    assert relations(sentence) == expected
