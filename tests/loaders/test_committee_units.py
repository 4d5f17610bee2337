"""A Party committee's own units named bare in its document ("Văn phòng", "Ban Tổ chức",
"Ủy ban Kiểm tra Đảng ủy") are that committee's, written with its short name as the province's
own bodies are (loaders/pipeline.py ``_own_committee_units``; the words are rules data,
``committee_units``). Sentences written for these tests."""

from __future__ import annotations

import pytest

from policy_lineage.loaders.pipeline import extract_text

HEADS = {
    "tỉnh ủy": ("ĐẢNG BỘ TỈNH HÀ TĨNH\nTỈNH ỦY\n*\nSố 21-KH/TU", "Hà Tĩnh"),
    "đảng ủy xã": ("ĐẢNG BỘ TỈNH HÀ TĨNH\nĐẢNG ỦY XÃ KỲ ANH\n*\nSố 07-KH/ĐU", "Kỳ Anh"),
    "đảng ủy phường": (
        "ĐẢNG BỘ TỈNH HÀ TĨNH\nĐẢNG ỦY PHƯỜNG THÀNH SEN\n*\nSố 07-KH/ĐU",
        "Thành Sen",
    ),
    "đảng ủy bộ": ("ĐẢNG BỘ CHÍNH PHỦ\nĐẢNG ỦY BỘ XÂY DỰNG\n*\nSố 12-KH/ĐU", "Hà Nội"),
    "ủy ban nhân dân": ("ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\nSố: 210/KH-UBND", "Hà Tĩnh"),
}


def _plan(head: str, item: str) -> str:
    letterhead, place = HEADS[head]
    motto = (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
        if head == "ủy ban nhân dân"
        else "ĐẢNG CỘNG SẢN VIỆT NAM"
    )
    return (
        f"{letterhead}\n{motto}\n{place}, ngày 10 tháng 10 năm 2025\n\nKẾ HOẠCH\n"
        f"thực hiện chuyển đổi số năm 2026\n\n1. {item}\n"
    )


@pytest.mark.parametrize(
    ("head", "item", "lead"),
    [
        ("tỉnh ủy", "Ban Tổ chức chủ trì rà soát đội ngũ cán bộ.", "Ban Tổ chức Tỉnh ủy"),
        (
            "tỉnh ủy",
            "Ban Tuyên giáo và Dân vận chủ trì tuyên truyền.",
            "Ban Tuyên giáo và Dân vận Tỉnh ủy",
        ),
        ("tỉnh ủy", "Ủy ban Kiểm tra giám sát việc thực hiện.", "Ủy ban Kiểm tra Tỉnh ủy"),
        ("đảng ủy xã", "Văn phòng Đảng ủy chủ trì số hóa hồ sơ.", "Văn phòng Đảng ủy xã"),
        ("đảng ủy xã", "Ban Xây dựng Đảng chủ trì rà soát.", "Ban Xây dựng Đảng Đảng ủy xã"),
        ("đảng ủy phường", "Ban Thường vụ chỉ đạo xây dựng đề án.", "Ban Thường vụ Đảng ủy phường"),
        ("đảng ủy phường", "Ủy ban Kiểm tra Đảng ủy giám sát.", "Ủy ban Kiểm tra Đảng ủy phường"),
        ("đảng ủy bộ", "Ban Tổ chức chủ trì rà soát đội ngũ.", "Ban Tổ chức Đảng ủy Bộ"),
        # a unit named with its committee, and a body of another, stay as they are
        ("đảng ủy xã", "Văn phòng Đảng ủy xã chủ trì số hóa.", "Văn phòng Đảng ủy xã"),
        ("tỉnh ủy", "Ban Tổ chức Trung ương hướng dẫn.", "Ban Tổ chức Trung ương"),
        # a state body's document: its "Văn phòng" is no Party committee's
        ("ủy ban nhân dân", "Sở Nội vụ chủ trì rà soát đội ngũ.", "Sở Nội vụ"),
    ],
)
def test_a_committees_own_unit_takes_its_name(head: str, item: str, lead: str) -> None:
    ex = extract_text(_plan(head, item), "kh.txt")
    assert [[a.name for a in t.lead] for t in ex.tasks] == [[lead]]


def test_the_unit_keeps_what_the_document_printed() -> None:
    """The name is completed; the printed words stay the evidence."""
    text = _plan("tỉnh ủy", "Ban Tổ chức chủ trì rà soát đội ngũ cán bộ.")
    (task,) = extract_text(text, "kh.txt").tasks
    (body,) = task.lead
    assert body.name == "Ban Tổ chức Tỉnh ủy" and not body.canonical
    assert "Ban Tổ chức chủ trì" in text[task.evidence.span.start : task.evidence.span.end]
