"""``loaders/extract_appendix.py``: the rows of an appendix task table in, tasks out; a
row that restates a body item completes it. The plans are written for this test."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from policy_lineage.loaders.extract_appendix import merge_appendix
from policy_lineage.loaders.pipeline import extract_text

HEAD = """ỦY BAN NHÂN DÂN TỈNH BẮC NINH
Số: 15/KH-UBND
Bắc Ninh, ngày 02 tháng 3 năm 2026
KẾ HOẠCH
Chuyển đổi số năm 2026
I. NHIỆM VỤ
{body}
Nơi nhận:
- Như trên.
Phụ lục
DANH MỤC CÁC NHIỆM VỤ
(Kèm theo Kế hoạch số 15/KH-UBND)
TT\tTên nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\tKết quả
{rows}
"""


def tasks(body: str, rows: str) -> list[tuple]:
    text = HEAD.format(body=body, rows=rows)
    return [
        (t.text, [a.name for a in t.lead], [a.name for a in t.cooperating], t.deadline,
         t.deliverable, t.origin)
        for t in extract_text(text, "kh.txt").tasks
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("1\tXây dựng kho dữ liệu dùng chung của tỉnh\tSở Khoa học và Công nghệ\tSở Tài chính"
         "\tQuý IV/2026\tKho dữ liệu",
         ("Xây dựng kho dữ liệu dùng chung của tỉnh", ["Sở Khoa học và Công nghệ"],
          ["Sở Tài chính"], date(2026, 12, 31), "Kho dữ liệu", "appendix")),
        ("2\tSố hóa hồ sơ hộ tịch\tSở Tư pháp\tCông an tỉnh\tNăm 2027\tHồ sơ số",
         ("Số hóa hồ sơ hộ tịch", ["Sở Tư pháp"], ["Công an tỉnh"], date(2027, 12, 31),
          "Hồ sơ số", "appendix")),
    ],
)  # fmt: skip
def test_extract_appendix_a_row_is_a_task(row: str, expected: tuple) -> None:
    body = "1. Các sở, ngành thực hiện các nhiệm vụ tại Phụ lục kèm theo."
    found = tasks(body, row)
    assert found[-1] == expected
    assert len(found) == 1  # the row; the body's item only points to the appendix


def test_extract_appendix_a_row_restating_a_body_item_completes_it() -> None:
    item = "Số hóa hồ sơ hộ tịch, bảo đảm kết nối với cơ sở dữ liệu quốc gia về dân cư"
    found = tasks(f"1. {item}.", f"1\t{item}\tSở Tư pháp\tCông an tỉnh\tNăm 2027\t")
    assert found == [
        (item, ["Sở Tư pháp"], ["Công an tỉnh"], date(2027, 12, 31), None, "body+appendix")
    ]


def test_extract_appendix_restating_every_body_item_keeps_the_duties_it_does_not_restate() -> None:
    """An appendix that restates all of the plan's tasks is not the whole list: the duties
    "Tổ chức thực hiện" gives each body (who coordinates, who reports) are tasks too, each
    once."""
    items = [
        ("Xây dựng kho dữ liệu dùng chung của tỉnh", "Sở Khoa học và Công nghệ"),
        ("Số hóa hồ sơ hộ tịch trên địa bàn tỉnh", "Sở Tư pháp"),
        ("Nâng cấp hệ thống thông tin giải quyết thủ tục hành chính", "Văn phòng Ủy ban nhân dân tỉnh"),
        ("Đào tạo kỹ năng số cho cán bộ, công chức cấp xã", "Sở Nội vụ"),
    ]  # fmt: skip
    body = "\n".join(f"{i}. {text}." for i, (text, _) in enumerate(items, 1)) + (
        "\nII. TỔ CHỨC THỰC HIỆN\n"
        "1. Sở Khoa học và Công nghệ là cơ quan đầu mối, theo dõi, đôn đốc các sở, ngành "
        "triển khai Kế hoạch này.\n"
        "2. Sở Tài chính tham mưu bố trí kinh phí thực hiện Kế hoạch."
    )
    rows = "\n".join(
        f"{i}\t{text}\t{lead}\t\tNăm 2027\t" for i, (text, lead) in enumerate(items, 1)
    )
    found = tasks(body, rows)
    assert sorted((t[0][:20], t[1], t[5]) for t in found) == sorted(
        [(text[:20], [lead], "body+appendix") for text, lead in items]
        + [
            ("Sở Khoa học và Công ", ["Sở Khoa học và Công nghệ"], "body"),
            ("Sở Tài chính tham mư", ["Sở Tài chính"], "body"),
        ]
    )


def test_extract_appendix_a_row_taking_part_in_an_item_is_its_own_task() -> None:
    """ "Tham gia rà soát …" in a body's row beside the plan's "Rà soát …" is that body's part
    in the work, a task of its own; the item stays."""
    item = "Rà soát, đơn giản hóa thủ tục hành chính liên quan đến quy hoạch"
    row = "1\tTham gia rà soát, đơn giản hóa các thủ tục hành chính liên quan đến quy hoạch"
    found = tasks(f"1. {item}.", f"{row}\tSở Tài chính\t\tNăm 2026\t")
    assert [(t[0][:16], t[1], t[5]) for t in found] == [
        ("Rà soát, đơn giả", [], "body"),
        ("Tham gia rà soát", ["Sở Tài chính"], "appendix"),
    ]


def test_extract_appendix_a_short_row_does_not_restate_a_long_paragraph() -> None:
    """A body's duties written as one long paragraph hold the words of many short rows; a row
    restates an item only when they share a good part of the longer one's words, so the
    paragraph stays a task and each row is its own."""
    duty = (
        "Sở Khoa học và Công nghệ chủ trì các nhiệm vụ được giao, phối hợp với các sở, ngành "
        "xây dựng kho dữ liệu dùng chung, số hóa hồ sơ hộ tịch, nâng cấp hệ thống thông tin "
        "giải quyết thủ tục hành chính; theo dõi, đôn đốc, tổng hợp kết quả thực hiện Kế hoạch, "
        "định kỳ hằng quý báo cáo Ủy ban nhân dân tỉnh và đề xuất điều chỉnh khi cần thiết"
    )
    rows = "1\tXây dựng kho dữ liệu dùng chung\tSở Khoa học và Công nghệ\t\tNăm 2026\t"
    found = tasks(f"1. {duty}.", rows)
    assert [(" ".join(t[0].split()[:4]), t[5]) for t in found] == [
        ("Sở Khoa học và", "body"),
        ("Xây dựng kho dữ", "appendix"),
    ]


def test_extract_appendix_two_words_restate_no_item() -> None:
    """A row of two words ("Năm 2026": a cell out of its column) does not stand for the body
    item that holds them; the item stays as it is."""
    item = "Xây dựng kế hoạch cải thiện chỉ số thành phần, ban hành trong năm 2026"
    body = [t for t in extract_text(HEAD.format(body=f"1. {item}.", rows=""), "kh.txt").tasks]
    row = replace(body[0], text="Năm 2026", origin="appendix")
    assert [(t.text, t.origin) for t in merge_appendix([row], body)] == [
        (item + ".", "body"),
        ("Năm 2026", "appendix"),
    ]


def test_extract_appendix_a_row_whose_task_cell_is_a_time_is_no_task() -> None:
    found = tasks(
        "1. Các sở thực hiện các nhiệm vụ tại Phụ lục.",
        "1\tSố hóa hồ sơ hộ tịch\tSở Tư pháp\tCông an tỉnh\tNăm 2027\tHồ sơ số\n"
        "2\t30/9/2026\tSở Tư pháp\t\t\t",
    )
    assert [t[0] for t in found] == ["Số hóa hồ sơ hộ tịch"]


def test_a_row_naming_the_work_a_long_paragraph_opens_with_gives_it_its_doers() -> None:
    """A row of fourteen words, all of them the opening of a paragraph four times as long,
    restates too little of it to take its place; but the paragraph names no doer and the row
    does: the paragraph takes the row's lead, cooperating bodies and time. Both stay tasks."""
    item = (
        "- Tổ chức các Tổ công nghệ số cộng đồng đến từng thôn, tổ dân phố với các tổ viên là "
        "cán bộ kiêm nhiệm, các thành viên tại chỗ được đào tạo về kỹ năng số để phổ biến, "
        "hướng dẫn, hỗ trợ người dân sử dụng công nghệ số, các nền tảng số và dịch vụ công "
        "trực tuyến trên thiết bị di động của mình."
    )
    row = (
        "1\tTổ chức các Tổ công nghệ số cộng đồng đến từng thôn, tổ dân phố\tSở Khoa học và "
        "Công nghệ\tCác sở, ngành\t2026-2030\tKế hoạch"
    )
    found = tasks(item, row)
    assert len(found) == 2
    paragraph = found[0]
    assert paragraph[0].startswith("Tổ chức các Tổ công nghệ số cộng đồng đến từng thôn")
    assert paragraph[1:4] == (["Sở Khoa học và Công nghệ"], ["Các sở, ngành"], date(2030, 12, 31))


def test_a_row_that_opens_its_body_item_takes_the_items_words() -> None:
    """A row restating the opening of a body item ("Triển khai bệnh án điện tử tại 100% bệnh
    viện" for "… tại 100% bệnh viện trên địa bàn tỉnh, hoàn thành trước ngày 30/9/2026") is one
    task, in the body's fuller words, with the row's lead and time."""
    found = tasks(
        "1. Triển khai bệnh án điện tử tại 100% bệnh viện trên địa bàn tỉnh, hoàn thành trước "
        "ngày 30/9/2026.",
        "1\tTriển khai bệnh án điện tử tại 100% bệnh viện\tSở Y tế\t\tTrước 30/9/2026\t",
    )
    assert [(t[0], t[1], str(t[3]), t[5]) for t in found] == [
        (
            "Triển khai bệnh án điện tử tại 100% bệnh viện trên địa bàn tỉnh, hoàn thành trước "
            "ngày 30/9/2026.",
            ["Sở Y tế"],
            "2026-09-30",
            "body+appendix",
        )
    ]
