"""Deadline phrases resolved to the last day they allow (the annotation guide's convention):
a table of phrases written for these tests and the dates a person reads in them."""

from __future__ import annotations

from datetime import date

import pytest

from policy_lineage.loaders.deadlines import find_deadline


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Hoàn thành trước ngày 15/12/2026", "2026-12-15"),
        # the last field of a closing bracket, after its verb
        ("Phát triển hạ tầng 5G (Sở A chủ trì; Sở B phối hợp; thực hiện năm 2026).", "2026-12-31"),
        # two months of one year: the later
        ("Tổ chức hai đợt tiêu độc trong tháng 4 và tháng 9 năm 2026.", "2026-09-30"),
        # a period from one day to another: its end, not its start
        ("Thời gian: Từ ngày 15/11/2026 đến ngày 15/12/2026.", "2026-12-15"),
        ("Thời gian thực hiện: từ 01/3 đến hết ngày 30/6/2026", "2026-06-30"),
        # the same period with its days written in words, in either place
        ("Thời gian: Từ ngày 15 tháng 11 năm 2026 đến ngày 15/12/2026.", "2026-12-15"),
        ("Thời gian: Từ ngày 15/11/2026 đến ngày 15 tháng 12 năm 2026.", "2026-12-15"),
        ("Thời gian: từ ngày 15 tháng 11 đến ngày 15 tháng 12 năm 2026", "2026-12-15"),
        # from one month to another, each with its year: the later month
        ("Thời gian: Từ tháng 11/2026 đến tháng 02/2027", "2027-02-28"),
        # the last field of a bracket closing an item, a time alone
        (
            "Xây dựng cơ chế thử nghiệm (Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tư pháp; "
            "Quý IV/2026).",
            "2026-12-31",
        ),
        ("Sở X tổ chức hội nghị; năm 2026 tăng 10% số hộ).", None),
        # the time right after "hoàn thành"
        ("Xây dựng Nghị định về chất lượng không khí, hoàn thành năm 2026.", "2026-12-31"),
        ("hoàn thành vào Quý II/2026", "2026-06-30"),
        # an hour before the day
        ("Gửi ý kiến về Văn phòng trước 20h00 ngày 25/5/2026.", "2026-05-25"),
        ("báo cáo trước 16 giờ 30, ngày 05 tháng 12 năm 2026", "2026-12-05"),
        ("trong tháng 6/2026", "2026-06-30"),
        ("Quý IV năm 2026", "2026-12-31"),
        ("6 tháng đầu năm 2027", "2027-06-30"),
        ("Năm 2026", "2026-12-31"),
        ("Cuối năm 2026", "2026-12-31"),
        # a period of years, a table's time column: its last year
        ("2026 - 2030", "2030-12-31"),
        ("Giai đoạn 2026-2030", "2030-12-31"),
        ("Năm 2025-2026", "2026-12-31"),
        # months: a span, or a month alone in a time column
        ("Tháng 9-10/2026", "2026-10-31"),
        ("12/2026", "2026-12-31"),
        # before a period: the day before it starts; before a day: that day
        ("hoàn thành trước năm 2027", "2026-12-31"),
        ("trước tháng 6/2026", "2026-05-31"),
        ("trước quý III/2026", "2026-06-30"),
        # no deadline: an open-ended period, a document number, a target year
        ("Giai đoạn 2026-2030 và những năm tiếp theo", None),
        ("theo Nghị định số 13/2023/NĐ-CP", None),
        ("đến năm 2030 đạt 50% doanh nghiệp số", None),
        ("xây dựng kịch bản tăng trưởng cho những tháng cuối năm 2026", None),
        ("hoàn thành mục tiêu năm 2030 về giảm nghèo", None),
    ],
)
def test_deadline_dates(phrase: str, expected: str | None) -> None:
    found = find_deadline(phrase).date
    assert (found.isoformat() if found else None) == expected


def test_a_year_alone_in_a_tables_time_column() -> None:
    from policy_lineage.loaders.extract_tasks import row_task
    from policy_lineage.schema.model import Evidence, Span

    ev = Evidence("kh.txt", Span(0, 1), "x")
    task = row_task("Kiện toàn Ban Chỉ đạo", [], [], "2026", None, ev, None, None)
    assert task.deadline is not None and task.deadline.isoformat() == "2026-12-31"


@pytest.mark.parametrize(
    ("text", "recurrence"),
    [
        ("Văn phòng tổng hợp, báo cáo Thường trực Đảng ủy hằng quý.", "quarterly"),
        ("Định kỳ 6 tháng, các sở báo cáo kết quả.", "semiannual"),
        ("Hằng năm, Sở Nội vụ tổng kết công tác thi đua.", "yearly"),
        ("(Thực hiện thường xuyên)", "continuous"),
        ("tổ chức tuyên truyền hằng năm vào dịp kỷ niệm ngày thành lập", None),
        # a day of every period is no date: "trước ngày 10 tháng 12 hằng năm"
        ("Định kỳ trước ngày 10 tháng 12 hằng năm tổng hợp, báo cáo kết quả.", "yearly"),
        ("Trước ngày 15/12 hằng năm, các sở báo cáo kết quả.", "yearly"),
        ("Định kỳ trước ngày 20 hằng tháng báo cáo tiến độ.", "monthly"),
    ],
)
def test_recurrence(text: str, recurrence: str | None) -> None:
    assert find_deadline(text).recurrence == recurrence
    if recurrence:
        assert find_deadline(text).date is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Từ tháng 3 đến tháng 5/2026.", "2026-05-31"),
        ("Quý II và quý IV năm 2026.", "2026-12-31"),
        ("Năm 2026.", "2026-12-31"),
        # when it starts is no time limit; nor is a year that goes on
        ("Từ 01/7/2025.", None),
        ("Năm 2025\nvà các năm tiếp theo.", None),
    ],
)
def test_a_time_fields_value(value: str, expected: str | None) -> None:
    """A field block's "Thời gian: …" value, read with its label taken off."""
    from policy_lineage.loaders.deadlines import deadline_of_field

    found = deadline_of_field(value).date
    assert (str(found) if found else None) == expected


@pytest.mark.parametrize(
    ("text", "issued", "expected"),
    [
        # a day and a month, no year: in the year of issue
        ("Hoàn thành bàn giao mặt bằng trước ngày 15/10.", date(2025, 7, 20), "2025-10-15"),
        ("Bộ Tài chính bố trí vốn trước 30/9.", date(2025, 7, 20), "2025-09-30"),
        ("Chậm nhất ngày 15 tháng 8 phải bàn giao.", date(2025, 7, 20), "2025-08-15"),
        # the next year's, when the day has passed by the issue date
        ("Báo cáo kết quả trước ngày 15/01.", date(2025, 12, 20), "2026-01-15"),
        # a day that comes every year is no deadline
        ("Báo cáo trước ngày 15/12 hằng năm.", date(2025, 7, 20), None),
        ("Định kỳ trước ngày 10/6 báo cáo.", date(2025, 7, 20), None),
        # a date with its year is not this rule's
        ("Hoàn thành trước ngày 15/10/2026.", date(2025, 7, 20), None),
        # a month or a quarter, no year: its last day, in the year of issue
        ("Sở Tài chính hoàn thành trong tháng 6.", date(2025, 3, 5), "2025-06-30"),
        ("Bộ Công an hoàn thành trong quý III.", date(2025, 3, 5), "2025-09-30"),
        ("Trình Thủ tướng Chính phủ trước tháng 3.", date(2025, 11, 5), "2026-02-28"),
        ("Ban hành kế hoạch chậm nhất trong tháng 12.", date(2025, 3, 5), "2025-12-31"),
        # a span of months is no month; a month with its year is not this rule's
        ("Triển khai thí điểm trong 6 tháng.", date(2025, 3, 5), None),
        ("Hoàn thành trong tháng 6/2026.", date(2025, 3, 5), None),
        ("Hoàn thành trong tháng 6 năm 2026.", date(2025, 3, 5), None),
        ("Báo cáo trong tháng 12 hằng năm.", date(2025, 3, 5), None),
    ],
)
def test_a_day_and_month_without_a_year(text: str, issued: date, expected: str | None) -> None:
    from policy_lineage.loaders.deadlines import yearless_deadline

    found = yearless_deadline(text, issued)
    assert (str(found.date) if found else None) == expected


def test_a_day_named_for_an_act_is_its_deadline() -> None:
    assert str(find_deadline("Khánh thành dự án vào ngày 19/12/2025.").date) == "2025-12-19"
    assert str(find_deadline("Bảo đảm về đích vào dịp 19/12/2025.").date) == "2025-12-19"
    assert find_deadline("Phấn đấu vào năm 2030 có 90% người dân dùng dịch vụ số.").date is None
