"""``loaders/extract_tasks.py``: the items of a plan in, its tasks out (text, lead,
cooperating bodies, deadline, recurring). The plans are written for this test."""

from __future__ import annotations

from datetime import date

import pytest

from policy_lineage.loaders.pipeline import extract_text

HEAD = """ỦY BAN NHÂN DÂN TỈNH BẮC NINH
Số: 15/KH-UBND
Bắc Ninh, ngày 02 tháng 3 năm 2026
KẾ HOẠCH
Chuyển đổi số năm 2026
I. NHIỆM VỤ
"""


def tasks(body: str) -> list[tuple]:
    return [
        (t.text, [a.name for a in t.lead], [a.name for a in t.cooperating], t.deadline, t.recurring)
        for t in extract_text(HEAD + body, "kh.txt").tasks
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the item names its lead and its deadline
        ("1. Sở Khoa học và Công nghệ chủ trì xây dựng nền tảng dữ liệu dùng chung, hoàn thành "
         "trước ngày 30/6/2026.\n",
         [("Sở Khoa học và Công nghệ chủ trì xây dựng nền tảng dữ liệu dùng chung, hoàn thành "
           "trước ngày 30/6/2026.", ["Sở Khoa học và Công nghệ"], [], date(2026, 6, 30), False)]),
        # lead and cooperating bodies, a deadline at the end
        ("1. Công an tỉnh chủ trì, phối hợp với Sở Khoa học và Công nghệ bảo đảm an ninh mạng, "
         "báo cáo kết quả trước ngày 15/12/2026.\n",
         [("Công an tỉnh chủ trì, phối hợp với Sở Khoa học và Công nghệ bảo đảm an ninh mạng, "
           "báo cáo kết quả trước ngày 15/12/2026.", ["Công an tỉnh"],
           ["Sở Khoa học và Công nghệ"], date(2026, 12, 15), False)]),
        # a quarter is its last day
        ("1. Giao Sở Nội vụ rà soát vị trí việc làm; thời gian hoàn thành: Quý III/2026.\n",
         [("Giao Sở Nội vụ rà soát vị trí việc làm;", ["Sở Nội vụ"], [], date(2026, 9, 30),
           False)]),
        # items under a heading that names a body are that body's; a recurring one says so
        ("1. Sở Tài chính:\n- Bố trí kinh phí thực hiện Kế hoạch.\n"
         "- Hướng dẫn thanh quyết toán kinh phí (thực hiện thường xuyên).\n",
         [("Bố trí kinh phí thực hiện Kế hoạch.", ["Sở Tài chính"], [], None, False),
          ("Hướng dẫn thanh quyết toán kinh phí (thực hiện thường xuyên).", ["Sở Tài chính"], [],
           None, True)]),
        # work without a doer is still a task, with no lead
        ("1. Tăng cường công tác tuyên truyền về chuyển đổi số.\n",
         [("Tăng cường công tác tuyên truyền về chuyển đổi số.", [], [], None, False)]),
        # a closing call on every body to carry the plan out is no task; with work of its
        # own it is
        ("1. Sở Tài chính bố trí kinh phí.\nII. TỔ CHỨC THỰC HIỆN\n"
         "Các cơ quan, đơn vị triển khai thực hiện.\n",
         [("Sở Tài chính bố trí kinh phí.", ["Sở Tài chính"], [], None, False)]),
        ("1. Các sở, ngành triển khai thực hiện Kế hoạch này; báo cáo kết quả trước ngày "
         "15/12/2026.\n",
         [("Các sở, ngành triển khai thực hiện Kế hoạch này; báo cáo kết quả trước ngày "
           "15/12/2026.", ["Các sở, ngành"], [], date(2026, 12, 15), False)]),
    ],
)  # fmt: skip
def test_extract_tasks_items_of_a_plan(body: str, expected: list[tuple]) -> None:
    assert tasks(body) == expected


def test_extract_tasks_every_task_points_back_to_its_words() -> None:
    text = HEAD + "1. Giao Sở Nội vụ rà soát vị trí việc làm.\n"
    [task] = extract_text(text, "kh.txt").tasks
    span = task.evidence.span
    assert text[span.start : span.end].startswith("Giao Sở Nội vụ rà soát")


SECTION_TIME = """ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN
Số: 20/KH-UBND
Lạng Sơn, ngày 05 tháng 11 năm 2026
KẾ HOẠCH
Tổ chức Tháng hành động vì bình đẳng giới năm 2026
I. NỘI DUNG
1. Tháng hành động
a) Chủ đề: Bình đẳng giới trong kỷ nguyên số.
b) Thời gian: Từ ngày 15/11/2026 đến ngày 15/12/2026.
c) Các hoạt động chính
- Tổ chức lễ phát động Tháng hành động.
- Tăng cường truyền thông về chủ đề của Tháng hành động, hoàn thành trong tháng 11/2026.
2. Các hoạt động thường xuyên
- Tập huấn kỹ năng cho cán bộ làm công tác bình đẳng giới.
"""


def test_a_sections_time_is_the_time_of_the_work_beside_it() -> None:
    """ "b) Thời gian: …" beside "c) Các hoạt động chính" gives its items the period's end
    when they state no time of their own; work in another section does not take it."""
    tasks = {
        " ".join(t.text.split()[:3]): t.deadline for t in extract_text(SECTION_TIME, "kh.txt").tasks
    }
    assert str(tasks["Tổ chức lễ"]) == "2026-12-15"
    assert str(tasks["Tăng cường truyền"]) == "2026-11-30"
    assert tasks["Tập huấn kỹ"] is None


DASHED_RULES = """BAN CHẤP HÀNH TRUNG ƯƠNG
Số 410-QĐ/TW
ĐẢNG CỘNG SẢN VIỆT NAM
Hà Nội, ngày 10 tháng 11 năm 2026
QUY ĐỊNH
về chia sẻ dữ liệu của các cơ quan đảng
- Căn cứ Điều lệ Đảng;
- Căn cứ Quy chế làm việc của Ban Chấp hành Trung ương,
Ban Bí thư quy định như sau:
Điều 1. Đối tượng áp dụng
1. Các cơ quan đảng từ Trung ương đến cơ sở.
2. Các cơ quan, tổ chức khác trong hệ thống chính trị.
Điều 2. Trách nhiệm của Văn phòng Trung ương Đảng
Văn phòng Trung ương Đảng chủ trì xây dựng nền tảng chia sẻ dữ liệu, hoàn thành trong năm 2026.
"""

DASHED_FIELDS = """ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN
Số: 21/KH-UBND
Lạng Sơn, ngày 05 tháng 11 năm 2026
KẾ HOẠCH
Thi hành Luật Dữ liệu
I. NỘI DUNG
1. Hoạt động 1
- Nội dung: Xây dựng nền tảng chia sẻ dữ liệu dùng chung.
- Cơ quan thực hiện: Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính.
- Thời gian: Quý IV năm 2026.
"""


@pytest.mark.parametrize("bullet", ["–", "—"])
@pytest.mark.parametrize("text", [DASHED_RULES, DASHED_FIELDS], ids=["regulation", "fields"])
def test_en_and_em_dash_bullets_read_as_hyphens(text: str, bullet: str) -> None:
    """Documents bullet their preamble and their field blocks with "–" as often as with "-":
    the same document reads the same either way (a regulation's scope is still no task, a
    field block still gives its lead, cooperating body and time)."""

    def read(text: str) -> list[tuple]:
        return [
            ([a.name for a in t.lead], [a.name for a in t.cooperating], t.deadline)
            for t in extract_text(text, "x.txt").tasks
        ]

    hyphen = read(text)
    assert len(hyphen) == 1 and hyphen[0][0] and hyphen[0][2] == date(2026, 12, 31)
    assert read(text.replace("\n- ", f"\n{bullet} ")) == hyphen


def test_non_breaking_spaces_read_as_spaces() -> None:
    """A page saved from a browser keeps "&nbsp;" as non-breaking spaces between words: a real
    document (a dev regulation) reads the same with every third space so written, and
    evidence still points into the text as the user has it."""
    from pathlib import Path

    page = Path(__file__).resolve().parents[2] / "benchmarks/real/dev"
    text = (page / "02_384-qd-tw_ket-noi-chia-se-du-lieu.md").read_text("utf-8")
    spaces = [i for i, c in enumerate(text) if c == " " and text[i - 1 : i].isalpha()]
    nbsp = list(text)
    for i in spaces[::3]:
        nbsp[i] = "\u00a0"
    nbsp = "".join(nbsp)

    def read(t: str) -> list[tuple]:
        return [
            (" ".join(x.text.split()), [a.name for a in x.lead], [a.name for a in x.cooperating])
            for x in extract_text(t, "qd.md").tasks
        ]

    assert read(nbsp) == read(text)
    span = extract_text(nbsp, "qd.md").tasks[0].evidence.span
    assert "\u00a0" in nbsp[span.start : span.end]


PLAN_CLAUSES = """ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN
Số: 25/KH-UBND
Lạng Sơn, ngày 05 tháng 11 năm 2026
KẾ HOẠCH
Phát triển kinh tế số năm 2026
Căn cứ Quyết định số 411/QĐ-TTg ngày 31/3/2022 của Thủ tướng Chính phủ;
Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:
I. NHIỆM VỤ, GIẢI PHÁP
1. Phát triển hạ tầng số: Giao Sở Khoa học và Công nghệ chủ trì phủ sóng 5G tại trung tâm các xã, hoàn thành trong năm 2026; giao Ủy ban nhân dân các xã, phường tạo điều kiện về mặt bằng lắp đặt trạm BTS.
2. Phát triển thương mại điện tử nông thôn: Sở Công Thương hướng dẫn doanh nghiệp đưa sản phẩm OCOP lên sàn thương mại điện tử; Sở Nông nghiệp và Môi trường hỗ trợ các hợp tác xã truy xuất nguồn gốc sản phẩm.
"""


def test_a_plans_item_gives_work_to_a_body_per_clause() -> None:
    """A plan's item may give work to one body, then after ";" to another ("…; giao Ủy ban
    nhân dân các xã …", "…; Sở Nông nghiệp và Môi trường hỗ trợ …"): one task per body,
    also after a topic label of six words or more."""
    tasks = extract_text(PLAN_CLAUSES, "kh.txt").tasks
    assert [[a.name for a in t.lead] for t in tasks] == [
        ["Sở Khoa học và Công nghệ"],
        ["Ủy ban nhân dân các xã, phường"],
        ["Sở Công Thương"],
        ["Sở Nông nghiệp và Môi trường"],
    ]
    assert str(tasks[0].deadline) == "2026-12-31" and tasks[1].deadline is None


DIGITAL_TITLE = """TỈNH ỦY LẠNG SƠN
*
Số 06-CT/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Lạng Sơn, ngày 15 tháng 11 năm 2026
CHỈ THỊ
về tăng cường lãnh đạo công tác chuyển đổi số
Thời gian qua, công tác chuyển đổi số trên địa bàn tỉnh đạt nhiều kết quả. Để thực hiện Nghị quyết số 57-NQ/TW, Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy, tổ chức đảng tập trung thực hiện tốt các nhiệm vụ sau:
1. Đẩy mạnh tuyên truyền về chuyển đổi số trong cán bộ, đảng viên.
2. Văn phòng Tỉnh ủy theo dõi, đôn đốc việc thực hiện Chỉ thị.
"""


def test_a_title_ending_in_digital_so_does_not_run_on() -> None:
    """A title ending in "chuyển đổi số" ("số": digital, not a number's "Kế hoạch số") does
    not run on into the next paragraph: the document's opening is read as its text, and the
    addressees it asks to act are the leads of the items under it."""
    e = extract_text(DIGITAL_TITLE, "ct.txt")
    assert e.document.title.endswith("chuyển đổi số")
    assert [[a.name for a in t.lead] for t in e.tasks] == [
        ["Các cấp ủy, tổ chức đảng"],
        ["Văn phòng Tỉnh ủy"],
    ]


def test_what_a_self_criticism_covers_is_no_task() -> None:
    """A guidance's "Nội dung kiểm điểm" lists what a review covers, not work; the section
    after it that gives work still does."""
    body = (
        "1. Nội dung kiểm điểm bổ sung\n"
        "a) Việc ban hành kế hoạch thực hiện Nghị quyết về chuyển đổi số.\n"
        "b) Kết quả thực hiện các chỉ tiêu về chuyển đổi số trong năm.\n"
        "2. Tổ chức thực hiện\n"
        "Ban Tổ chức Tỉnh ủy hướng dẫn, kiểm tra việc kiểm điểm trước ngày 15/12/2026.\n"
    )
    found = tasks(body)
    assert [t[1] for t in found] == [["Ban Tổ chức Tỉnh ủy"]]
