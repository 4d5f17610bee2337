"""Task tables read with their structure: header variants, group rows, split rows."""

import pytest

from policy_lineage.loaders.extract_task_table import _header_columns
from policy_lineage.loaders.pipeline import extract_text


def _tasks(text: str, source: str = "plan.docx"):
    ex = extract_text(text, source, one_line_paragraphs=source.endswith(".docx"))
    return [
        (t.text, [a.name for a in t.lead], [a.name for a in t.cooperating], t.deadline, t.section)
        for t in ex.tasks
    ]


def test_task_table_two_row_header_group_rows_and_split_row() -> None:
    rows = [
        "STT\tNội dung nhiệm vụ\tCơ quan thực hiện\t\tThời hạn\tSản phẩm",
        "\t\tChủ trì\tPhối hợp\t\t",
        "I\tHOÀN THIỆN THỂ CHẾ\tHOÀN THIỆN THỂ CHẾ\tHOÀN THIỆN THỂ CHẾ\t\t",
        "1\tXây dựng quy chế quản lý dữ liệu\tSở Khoa học và Công nghệ\tSở Tư pháp\tQuý III/2025\tQuy chế",
        "2\tRà soát thủ tục hành chính trực tuyến\tVăn phòng UBND tỉnh\tCác sở, ban, ngành\tTháng 10/2025\tBáo cáo",
        "\tvà đề xuất cắt giảm\t\t\t\t",
        "3\tCập nhật dữ liệu dân cư\tCông an tỉnh\tCác cơ quan, đơn vị liên quan\tThường xuyên\t",
        "II\tPHÁT TRIỂN HẠ TẦNG\t\t\t\t",
        "4\tNâng cấp mạng truyền số liệu chuyên dùng\tSở Tài chính\t\tNăm 2026\tHạ tầng",
    ]
    tasks = _tasks("\n".join(rows))
    assert [t[0] for t in tasks] == [
        "Xây dựng quy chế quản lý dữ liệu",
        "Rà soát thủ tục hành chính trực tuyến và đề xuất cắt giảm",
        "Cập nhật dữ liệu dân cư",
        "Nâng cấp mạng truyền số liệu chuyên dùng",
    ]
    assert tasks[0][1:4] == (["Sở Khoa học và Công nghệ"], ["Sở Tư pháp"], tasks[0][3])
    assert str(tasks[0][3]) == "2025-09-30"
    assert tasks[1][1] == ["Văn phòng Ủy ban nhân dân tỉnh"]
    assert tasks[1][2] == ["Các sở, ban, ngành"]
    assert str(tasks[1][3]) == "2025-10-31"
    assert tasks[2][2] == []  # "các cơ quan, đơn vị liên quan" names no body
    assert tasks[3][1] == ["Sở Tài chính"] and str(tasks[3][3]) == "2026-12-31"
    assert tasks[0][4] == ["I HOÀN THIỆN THỂ CHẾ"] and tasks[3][4] == ["II PHÁT TRIỂN HẠ TẦNG"]


def test_task_table_markdown_rows_in_text() -> None:
    text = "\n".join(
        [
            "KẾ HOẠCH",
            "Chuyển đổi số năm 2026",
            "",
            "| STT | Nhiệm vụ | Chủ trì | Phối hợp | Thời gian |",
            "|---|---|---|---|---|",
            "| 1 | Số hóa hồ sơ một cửa | Văn phòng HĐND và UBND xã | Công an xã | Quý II/2026 |",
            "| 2 | Tuyên truyền chuyển đổi số | Phòng Văn hóa - Xã hội | Đoàn Thanh niên xã | Thường xuyên |",
        ]
    )
    tasks = _tasks(text, "plan.md")
    assert [(t[0], t[1], t[2]) for t in tasks] == [
        (
            "Số hóa hồ sơ một cửa",
            ["Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã"],
            ["Công an xã"],
        ),
        ("Tuyên truyền chuyển đổi số", ["Phòng Văn hóa - Xã hội"], ["Đoàn Thanh niên xã"]),
    ]
    assert str(tasks[0][3]) == "2026-06-30" and tasks[1][3] is None


def test_one_column_of_doers_says_who_leads_and_who_helps() -> None:
    """One "Đơn vị thực hiện" column: "X chủ trì; Y phối hợp" is lead X, cooperating Y; a
    list of bodies with no such words leads together. A task section that only points to
    the appendix ("II. NHIỆM VỤ: Có Phụ lục kèm theo.") is no task."""
    text = "\n".join(
        [
            "KẾ HOẠCH",
            "Phát triển kinh tế số năm 2026",
            "",
            "II. NHIỆM VỤ: Có Phụ lục kèm theo.",
            "",
            "| STT | Nội dung nhiệm vụ | Đơn vị thực hiện | Thời gian |",
            "|---|---|---|---|",
            "| 1 | Phát triển hạ tầng băng rộng | Sở KH&CN chủ trì; các doanh nghiệp viễn thông"
            " phối hợp | Năm 2026 |",
            "| 2 | Xây dựng sàn thương mại điện tử | Sở Công Thương chủ trì, phối hợp Sở Tư pháp"
            " | Quý IV/2026 |",
            "| 3 | Đào tạo nhân lực số | Sở Giáo dục và Đào tạo; Sở Nội vụ | 2026 |",
            "| 4 | Nâng cấp hạ tầng số | Sở Tài chính, các địa phương | 2026 |",
        ]
    )
    tasks = _tasks(text, "plan.md")
    assert [(t[0], t[1], t[2]) for t in tasks] == [
        (
            "Phát triển hạ tầng băng rộng",
            ["Sở Khoa học và Công nghệ"],
            ["Các doanh nghiệp viễn thông"],
        ),
        ("Xây dựng sàn thương mại điện tử", ["Sở Công Thương"], ["Sở Tư pháp"]),
        ("Đào tạo nhân lực số", ["Sở Giáo dục và Đào tạo", "Sở Nội vụ"], []),
        # in the lead column a group of any kind leads too ("các địa phương")
        ("Nâng cấp hạ tầng số", ["Sở Tài chính", "Các địa phương"], []),
    ]


def test_a_row_restates_an_item_only_when_it_says_the_same_work() -> None:
    """A table row that shares some words with an item above it ("thu hồi khí mê-tan … bãi
    chôn lấp") is other work; a row that says the item again gives it its lead and time."""
    text = "\n".join(
        [
            "KẾ HOẠCH",
            "Giảm phát thải năm 2026",
            "",
            "1. Thu hồi khí mê-tan từ các bãi chôn lấp chất thải rắn sinh hoạt.",
            "",
            "2. Số hóa hồ sơ quan trắc môi trường.",
            "",
            "| STT | Nhiệm vụ | Chủ trì | Thời gian |",
            "|---|---|---|---|",
            "| 1 | Hướng dẫn kỹ thuật thu hồi khí mê-tan tại bãi chôn lấp | Sở Xây dựng | Năm 2027 |",
            "| 2 | Số hóa hồ sơ quan trắc môi trường | Sở Nông nghiệp và Môi trường | Năm 2026 |",
        ]
    )
    tasks = _tasks(text, "plan.md")
    assert [(t[0], t[1], str(t[3])) for t in tasks] == [
        ("Thu hồi khí mê-tan từ các bãi chôn lấp chất thải rắn sinh hoạt.", [], "None"),
        ("Hướng dẫn kỹ thuật thu hồi khí mê-tan tại bãi chôn lấp", ["Sở Xây dựng"], "2027-12-31"),
        ("Số hóa hồ sơ quan trắc môi trường", ["Sở Nông nghiệp và Môi trường"], "2026-12-31"),
    ]


def test_task_table_data_rows_are_not_headers() -> None:
    header = "STT\tNhiệm vụ\tCơ quan chủ trì\tThời gian hoàn thành"
    row = (
        "1\tBảo đảm kinh phí, nội dung nhiệm vụ và giải pháp hoàn thành đúng tiến độ được giao"
        "\tSở Tài chính\tThường xuyên"
    )
    tasks = _tasks("\n".join([header, row, row.replace("1\t", "2\t", 1)]))
    assert len(tasks) == 2 and all(t[1] == ["Sở Tài chính"] for t in tasks)


@pytest.mark.parametrize(
    ("header", "roles"),
    [
        (
            ["TT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"],
            {"no": 0, "name": 1, "lead": 2, "coop": 3, "deadline": 4},
        ),
        (
            ["STT", "Danh mục văn bản", "Cơ quan soạn thảo", "Cấp trình", "Thời hạn trình"],
            {"no": 0, "name": 1, "lead": 2, "result": 3, "deadline": 4},
        ),
        (
            ["TT", "Đề án, dự án", "Đơn vị phụ trách", "Lộ trình"],
            {"no": 0, "name": 1, "lead": 2, "deadline": 3},
        ),
        (
            ["Nội dung", "Cơ quan tham mưu", "Hình thức văn bản", "Năm thực hiện"],
            {"name": 0, "lead": 1, "result": 2, "deadline": 3},
        ),
        (  # the group a row belongs to is not its work; "Chỉ tiêu đạt được" is its result
            [
                "STT",
                "Cơ quan chủ trì",
                "Cơ quan phối hợp",
                "Thuộc nhóm nhiệm vụ, hành động",
                "Nội dung nhiệm vụ",
                "Chỉ tiêu đạt được",
                "Thời hạn hoàn thành",
            ],
            {"no": 0, "lead": 1, "coop": 2, "name": 4, "result": 5, "deadline": 6},
        ),
        (  # a group column is the work only when no other column is
            ["TT", "Nhóm nhiệm vụ", "Đơn vị chủ trì"],
            {"no": 0, "name": 1, "lead": 2},
        ),
        (  # who is responsible, in a word or two
            ["TT", "Nhiệm vụ", "Trách nhiệm thực hiện", "Thời gian"],
            {"no": 0, "name": 1, "lead": 2, "deadline": 3},
        ),
        (["TT", "Nội dung", "Đơn vị", "Thời gian"], {"no": 0, "name": 1, "lead": 2, "deadline": 3}),
        # targets given to a body to lead are its work; a list of targets alone is none
        (["TT", "Chỉ tiêu", "Chủ trì"], {"no": 0, "name": 1, "lead": 2}),
        (["TT", "Chỉ tiêu", "Năm 2026"], {"no": 0}),
        # a lesson's steps are no tasks: no one leads them, they have a method and a means
        (["TT", "Nội dung", "Phương pháp", "Phương tiện", "Thời gian"], {}),
        # a table of slow projects: the work is what is asked about each project, and the
        # row belongs to the ministry or province named beside it
        (
            [
                "TT",
                "Tên dự án",
                "Bộ, cơ quan, địa phương",
                "Kế hoạch vốn năm 2025",
                "Nội dung đề nghị xử lý",
                "Thời hạn",
            ],
            {"no": 0, "lead": 2, "name": 4, "deadline": 5},
        ),
        (
            ["STT", "Dự án", "Chủ đầu tư", "Giải pháp tháo gỡ", "Thời gian hoàn thành"],
            {"no": 0, "lead": 2, "name": 3, "deadline": 4},
        ),
        # a letter's table of report items: the body that reports leads the row
        (
            ["TT", "Nội dung báo cáo", "Cơ quan báo cáo", "Cơ quan phối hợp", "Thời hạn"],
            {"no": 0, "name": 1, "lead": 2, "coop": 3, "deadline": 4},
        ),
        (
            ["STT", "Nội dung", "Đơn vị cung cấp", "Thời gian"],
            {"no": 0, "name": 1, "lead": 2, "deadline": 3},
        ),
        # a school's or an office's plan: the staff or unit that does the row
        (
            ["Thời gian", "Nội dung công việc", "Người thực hiện", "Ghi chú"],
            {"deadline": 0, "name": 1, "lead": 2, "note": 3},
        ),
        # … but "Tên dự án, nhiệm vụ" names the work, its content describes it
        (
            ["STT", "Tên dự án, nhiệm vụ", "Nội dung chính", "Cơ quan chủ trì", "Thời gian"],
            {"no": 0, "name": 1, "lead": 3, "deadline": 4},
        ),
    ],
)
def test_task_table_header_words(header: list[str], roles: dict[str, int]) -> None:
    assert _header_columns(header) == roles


@pytest.mark.parametrize(
    ("header", "sub"),
    [
        # a saved page writes the merged "Thời gian" once and its sub-header row short
        ("STT\tNội dung nhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian\tSản phẩm",
         "Bắt đầu\tHoàn thành"),
        # a .docx keeps the merged cells blank
        ("STT\tNội dung nhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian\t\tSản phẩm",
         "\t\t\t\tBắt đầu\tHoàn thành\t"),
    ],
)  # fmt: skip
def test_task_table_time_over_start_and_end_takes_the_end(header: str, sub: str) -> None:
    """ "Thời gian" over "Bắt đầu | Hoàn thành": the deadline is when the work ends, and the
    columns after it (the result) move one to the right."""
    rows = [
        header,
        sub,
        "1\tXây dựng bộ tiêu chí đánh giá bệnh án điện tử\tSở Y tế\tSở Tư pháp\t01/2026"
        "\t03/2026\tQuyết định ban hành",
    ]
    ex = extract_text("\n".join(rows), "plan.docx", one_line_paragraphs=True)
    (task,) = ex.tasks
    assert ([a.name for a in task.lead], str(task.deadline)) == (["Sở Y tế"], "2026-03-31")
    assert task.deliverable == "Quyết định ban hành"


def test_task_table_a_numbered_row_over_its_sub_rows_is_a_group() -> None:
    """ "1 | Hoàn thiện văn bản hướng dẫn" with nothing else, over rows "1.1", "1.2": a group
    that gives their section, not a task."""
    rows = [
        "TT\tNội dung nhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian hoàn thành",
        "1\tHoàn thiện văn bản hướng dẫn",
        "1.1\tBan hành bộ tiêu chí đánh giá\tSở Y tế\tSở Tư pháp\tQuý I/2026",
        "1.2\tHướng dẫn chuẩn dữ liệu liên thông\tSở Y tế\tCông an tỉnh\tQuý II/2026",
        "2\tTriển khai hồ sơ sức khỏe điện tử\tSở Y tế\tCông an tỉnh\tQuý IV/2026",
    ]
    tasks = _tasks("\n".join(rows), "plan.txt")
    assert [(t[0][:20], t[4]) for t in tasks] == [
        ("Ban hành bộ tiêu chí", ["1 Hoàn thiện văn bản hướng dẫn"]),
        ("Hướng dẫn chuẩn dữ l", ["1 Hoàn thiện văn bản hướng dẫn"]),
        ("Triển khai hồ sơ sức", ["1 Hoàn thiện văn bản hướng dẫn"]),
    ]


def test_task_table_a_short_numbered_row_takes_the_merged_cells_by_what_its_cells_hold() -> None:
    """A saved page writes a cell merged over two rows once: the second row lacks it. Which
    one is read from its cells (bodies, a time, a result), the lead first on a tie."""
    rows = [
        "STT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\tSản phẩm",
        "6\tXây dựng kho lạnh tại cửa khẩu\tBộ Xây dựng\tBộ Tài chính\t2026 - 2027\tCông trình",
        # the lead merged with row 6
        "7\tNâng cấp bãi kiểm hóa tại cửa khẩu\tBộ Quốc phòng; UBND các tỉnh\t2026 - 2028"
        "\tCông trình được nâng cấp",
        # the time merged with row 7
        "8\tRà soát quy chuẩn kho lạnh\tBộ Khoa học và Công nghệ\tBộ Xây dựng\tTiêu chuẩn",
    ]
    tasks = _tasks("\n".join(rows), "plan.txt")
    assert [(t[0][:20], t[1], t[2], str(t[3])) for t in tasks] == [
        ("Xây dựng kho lạnh tạ", ["Bộ Xây dựng"], ["Bộ Tài chính"], "2027-12-31"),
        ("Nâng cấp bãi kiểm hó", ["Bộ Xây dựng"],
         ["Bộ Quốc phòng", "Ủy ban nhân dân các tỉnh"], "2028-12-31"),
        ("Rà soát quy chuẩn kh", ["Bộ Khoa học và Công nghệ"], ["Bộ Xây dựng"], "2028-12-31"),
    ]  # fmt: skip


def test_a_lead_marked_in_its_cell_and_a_lead_cell_merged_over_rows() -> None:
    """ "Phòng A (chủ trì), Phòng B": A leads, B helps. A lead cell written in the first row
    of a group only (a saved page's merged cell) leads the group's later rows; a new group
    starts without it."""
    text = "\n".join(
        [
            "KẾ HOẠCH",
            "Chuyển đổi số ngành giáo dục năm 2026",
            "",
            "| TT | Nội dung công việc | Đơn vị thực hiện | Thời gian |",
            "|---|---|---|---|",
            "| **I** | **Hạ tầng số** | | |",
            "| 1 | Nâng cấp đường truyền cho các trường | Phòng Kế hoạch - Tài chính (chủ trì),"
            " Phòng Giáo dục trung học | Quý II/2026 |",
            "| 2 | Trang bị thiết bị dạy học số | | Quý III/2026 |",
            "| **II** | **Dữ liệu số** | | |",
            "| 3 | Cập nhật cơ sở dữ liệu ngành | | Quý IV/2026 |",
        ]
    )
    tasks = _tasks(text, "plan.md")
    assert [(t[0][:22], t[1], t[2]) for t in tasks] == [
        ("Nâng cấp đường truyền ", ["Phòng Kế hoạch - Tài chính"], ["Phòng Giáo dục trung học"]),
        ("Trang bị thiết bị dạy ", ["Phòng Kế hoạch - Tài chính"], ["Phòng Giáo dục trung học"]),
        ("Cập nhật cơ sở dữ liệu", [], []),
    ]


def test_a_legend_of_abbreviations_names_the_bodies_of_the_table() -> None:
    text = "\n".join(
        [
            "KẾ HOẠCH",
            "Phát triển nhà ở năm 2026",
            "",
            "*Ghi chú viết tắt: Cục QLN: Cục Quản lý nhà ở; Vụ KHTC: Vụ Kế hoạch -",
            "Tài chính; NHCS: Ngân hàng Chính sách xã hội.*",
            "",
            "| TT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |",
            "|---|---|---|---|---|",
            "| 1 | Rà soát quy định về nhà ở | Cục QLN | Vụ KHTC; NHCS | Quý II/2026 |",
        ]
    )
    tasks = _tasks(text, "plan.md")
    assert [(t[1], t[2]) for t in tasks] == [
        (["Cục Quản lý nhà ở"], ["Vụ Kế hoạch - Tài chính", "Ngân hàng Chính sách xã hội"])
    ]


def test_a_cell_holds_a_name_in_lower_case_to_its_end() -> None:
    text = "\n".join(
        [
            "KẾ HOẠCH",
            "Năm 2026",
            "",
            "| TT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |",
            "|---|---|---|---|---|",
            "| 1 | Nghiên cứu định mức | Viện Kinh tế xây dựng | Cục Giám định nhà nước về chất"
            " lượng công trình | Quý II/2026 |",
            "| 2 | Hướng dẫn định mức | Sở Xây dựng chủ trì | | Quý III/2026 |",
        ]
    )
    tasks = _tasks(text, "plan.md")
    assert [(t[1], t[2]) for t in tasks] == [
        (["Viện Kinh tế xây dựng"], ["Cục Giám định nhà nước về chất lượng công trình"]),
        (["Sở Xây dựng"], []),
    ]


def test_a_cell_that_goes_on_as_a_sentence_ends_the_name_at_its_verb() -> None:
    """ "Sở X thúc đẩy, theo dõi, báo cáo chỉ tiêu": the cell says the body's work; a name
    read by shape stops where the work starts, as it does in running text."""
    text = "\n".join(
        [
            "KẾ HOẠCH",
            "Năm 2026",
            "",
            "| STT | Chỉ tiêu | Phân công thực hiện |",
            "|---|---|---|",
            "| 1 | Tỷ lệ doanh nghiệp số đạt 60% | Sở Kinh tế số và Sáng tạo thúc đẩy, theo dõi,"
            " báo cáo chỉ tiêu |",
            "| 2 | Tỷ lệ dữ liệu mở đạt 50% | Sở Khoa học và Công nghệ thúc đẩy, theo dõi |",
            "| 3 | Tỷ lệ nhà ở xanh đạt 10% | Viện Kinh tế xây dựng, các sở liên quan |",
        ]
    )
    assert [t[1] for t in _tasks(text, "plan.md")] == [
        ["Sở Kinh tế số và Sáng tạo"],
        ["Sở Khoa học và Công nghệ"],
        ["Viện Kinh tế xây dựng", "Các sở liên quan"],
    ]


GROUP_ROW_IN_ANOTHER_COLUMN = """ỦY BAN NHÂN DÂN TỈNH LÀO CAI

Số: 15/KH-UBND

Lào Cai, ngày 3 tháng 3 năm 2026

KẾ HOẠCH

Triển khai chuyển đổi số ngành y tế

I. MỤC ĐÍCH

1. Bảo đảm hiệu quả.

II. NHIỆM VỤ

Các nhiệm vụ tại Phụ lục kèm theo.

PHỤ LỤC

| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |
|---|---|---|---|---|
| A. | | SỞ Y TẾ | | |
| 1 | Triển khai bệnh án điện tử tại các bệnh viện | Sở Y tế | Sở Tài chính | Năm 2026 |
"""


def test_a_group_rows_words_are_its_section_whatever_the_hash_seed(tmp_path) -> None:
    """A group row whose words stand in another column than the task's ("A. | | SỞ Y TẾ")
    gives the section "A. SỞ Y TẾ", not "A. A.": the same extraction in every process (it
    was picked from a set, whose order follows the process's hash seed)."""
    import subprocess
    import sys

    doc = tmp_path / "kh.md"
    doc.write_text(GROUP_ROW_IN_ANOTHER_COLUMN, encoding="utf-8")
    code = (
        "import sys; from policy_lineage.loaders.pipeline import extract_text; "
        "t = extract_text(open(sys.argv[1], encoding='utf-8').read(), 'kh.md').tasks; "
        "print('|'.join(t[-1].section))"
    )
    seen = set()
    for seed in range(1, 7):
        out = subprocess.run(
            [sys.executable, "-c", code, str(doc)],
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=True,
            env={**__import__("os").environ, "PYTHONHASHSEED": str(seed)},
        )
        seen.add(out.stdout.strip())
    assert seen == {"A. SỞ Y TẾ"}


def test_a_table_of_places_gives_each_row_to_the_place_committee() -> None:
    """ "Tỉnh, thành phố | Số xã chưa hoàn thành | Nội dung cần hoàn thành | Thời hạn": the
    place's People's Committee leads its row; a count and the work are not the deadline, and
    a group row whose title says "hoàn thành" is no sub-header."""
    text = "\n".join(
        [
            "BỘ TƯ PHÁP",
            "Số: 100/BTP-HCTP",
            "V/v hoàn thành số hóa sổ hộ tịch",
            "",
            "| TT | Tỉnh, thành phố | Số xã chưa hoàn thành | Nội dung cần hoàn thành | Thời hạn |",
            "|---|---|---|---|---|",
            "| **I** | **CÁC ĐỊA PHƯƠNG CHƯA HOÀN THÀNH SỐ HÓA** | | | |",
            "| 1 | Nghệ An | 12 | Số hóa sổ hộ tịch của các xã thuộc huyện cũ | Trước 31/12/2025 |",
            "| 2 | Thành phố Huế | 5 | Cập nhật dữ liệu hộ tịch lên hệ thống dùng chung | Quý I/2026 |",
            "| 3 | Xã Mường Bú | 1 | Rà soát sổ hộ tịch gốc | Quý II/2026 |",
            "| 4 | Hội đồng | 2 | Hoàn thiện hồ sơ | Quý II/2026 |",
        ]
    )
    tasks = _tasks(text, "letter.md")
    assert [(t[0][:20], t[1], str(t[3])) for t in tasks] == [
        ("Số hóa sổ hộ tịch củ", ["Ủy ban nhân dân tỉnh Nghệ An"], "2025-12-31"),
        ("Cập nhật dữ liệu hộ ", ["Ủy ban nhân dân thành phố Huế"], "2026-03-31"),
        ("Rà soát sổ hộ tịch g", ["Ủy ban nhân dân xã Mường Bú"], "2026-06-30"),
        ("Hoàn thiện hồ sơ", [], "2026-06-30"),  # no place named: no lead
    ]


@pytest.mark.parametrize(
    ("header", "roles"),
    [
        (
            [
                "TT",
                "Tỉnh, thành phố",
                "Số xã, phường chưa hoàn thành",
                "Nội dung cần hoàn thành",
                "Thời hạn hoàn thành",
            ],
            {"no": 0, "place": 1, "name": 3, "deadline": 4},
        ),
        (
            ["STT", "Địa phương", "Nhiệm vụ", "Thời gian"],
            {"no": 0, "place": 1, "name": 2, "deadline": 3},
        ),
        (
            ["STT", "Xã, phường", "Nội dung", "Tiến độ"],
            {"no": 0, "place": 1, "name": 2, "deadline": 3},
        ),
        (
            ["TT", "Nhiệm vụ", "Địa phương chưa hoàn thành", "Thời hạn theo Kế hoạch"],
            {"no": 0, "name": 1, "place": 2, "deadline": 3},
        ),
    ],
)
def test_task_table_place_and_count_columns(header: list[str], roles: dict[str, int]) -> None:
    assert _header_columns(header) == roles


def test_a_row_of_several_places_is_each_places_committee() -> None:
    text = "\n".join(
        [
            "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
            "Số: 90/SKHCN-CĐS",
            "V/v đôn đốc nhiệm vụ chậm tiến độ",
            "",
            "| TT | Nhiệm vụ | Địa phương chưa hoàn thành | Thời hạn |",
            "|---|---|---|---|",
            "| 1 | Kiện toàn Tổ công nghệ số cộng đồng | Xã Tân An, phường Bình Minh | Quý IV/2025 |",
        ]
    )
    tasks = _tasks(text, "letter.md")
    assert [t[1] for t in tasks] == [
        ["Ủy ban nhân dân xã Tân An", "Ủy ban nhân dân phường Bình Minh"]
    ]


def test_rows_written_without_their_outer_pipes() -> None:
    """ "1 | Nội dung | Sở Y tế | …": a table some converters write without the outer pipes,
    a group row with one pipe inside it, a lost lead cell taking the row above's."""
    rows = [
        "TT | Nội dung nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành",
        "I | HẠ TẦNG SỐ",
        "1 | Thay thế máy trạm cấu hình thấp | Sở Y tế | Sở Tài chính | Quý II/2026",
        "2 | Triển khai phần mềm phòng, chống mã độc | | Công an tỉnh | Quý III/2026",
        "3 | Diễn tập ứng cứu sự cố | Công an tỉnh | | Quý IV/2026",
    ]
    tasks = _tasks("\n".join(rows), "plan.txt")
    assert [(t[0], t[1], t[2], str(t[3])) for t in tasks] == [
        ("Thay thế máy trạm cấu hình thấp", ["Sở Y tế"], ["Sở Tài chính"], "2026-06-30"),
        ("Triển khai phần mềm phòng, chống mã độc", ["Sở Y tế"], ["Công an tỉnh"], "2026-09-30"),
        ("Diễn tập ứng cứu sự cố", ["Công an tỉnh"], [], "2026-12-31"),
    ]


def test_a_line_with_pipes_in_running_text_is_no_table() -> None:
    """A portal's menu line ("Trang chủ | Văn bản | Liên hệ") is no task table: nothing from it."""
    text = "Trang chủ | Văn bản mới | Hỏi đáp | Liên hệ\n\n1. Sở Y tế chủ trì rà soát hồ sơ."
    assert [t[0] for t in _tasks(text, "page.md")] == ["Sở Y tế chủ trì rà soát hồ sơ."]


def test_a_lead_cell_as_printed_and_a_ditto() -> None:
    """A lead cell naming a unit no table knows by its shape ("Văn phòng cơ quan") is that
    unit, as printed; "nt" (như trên) is the lead of the row above; a time out of its column,
    a head word alone (a cell cut by a page's line) or a thing ("Kế toán", "Cơ sở dữ liệu")
    is no lead."""
    rows = [
        "| STT | Nội dung nhiệm vụ | Đơn vị chủ trì | Thời gian |",
        "|---|---|---|---|",
        "| 1 | Vận hành hệ thống quản lý văn bản | Văn phòng cơ quan | Quý I/2026 |",
        "| 2 | Sơ kết 01 năm thực hiện Kế hoạch | nt | Tháng 12/2026 |",
        "| 3 | Thu học phí không dùng tiền mặt | Kế toán | Năm 2026 |",
        "| 4 | Cập nhật dữ liệu học sinh | Thường xuyên | |",
        "| 5 | Số hóa hồ sơ | Phòng | Năm 2026 |",
        "| 6 | Xây dựng kho dữ liệu | Cơ sở dữ liệu | Năm 2026 |",
    ]
    tasks = _tasks("\n".join(rows), "plan.md")
    assert [t[1] for t in tasks] == [
        ["Văn phòng cơ quan"],
        ["Văn phòng cơ quan"],
        [],
        [],
        [],
        [],
    ]


def test_a_letters_table_of_report_items_its_groups_and_its_note() -> None:
    """A central letter's appendix: a report body's column leads each row, a lead cell
    written once leads its group's later rows, "UBND tỉnh, thành phố" in a central text is
    every province's committee, a body in brackets that gathers the answers ("(Sở Y tế tổng
    hợp)") leads nothing, and the table's closing note is no row of work."""
    text = "\n".join(
        [
            "BỘ Y TẾ",
            "Số: 512/BYT-KHTC",
            "V/v báo cáo kết quả chuyển đổi số năm 2025",
            "",
            "| TT | Nội dung báo cáo | Cơ quan báo cáo | Cơ quan phối hợp | Thời hạn |",
            "|---|---|---|---|---|",
            "| **A** | **CÁC BỘ, NGÀNH** | | | |",
            "| 1 | Số hồ sơ sức khỏe điện tử đã lập | Các bộ, cơ quan ngang bộ | | Trước 10/12/2025 |",
            "| 2 | Số cơ sở khám bệnh kết nối liên thông | | Bảo hiểm xã hội Việt Nam | |",
            "| **B** | **ĐỊA PHƯƠNG** | | | |",
            "| 3 | Tỷ lệ trạm y tế xã có bệnh án điện tử | UBND tỉnh, thành phố (Sở Y tế tổng"
            " hợp) | Bảo hiểm xã hội tỉnh | Trước 10/12/2025 |",
            "| 4 | Số hồ sơ bệnh án điện tử đã kết nối | | | |",
            "| | *Ghi chú: Số liệu tính đến hết ngày 30/11/2025* | | | |",
        ]
    )
    tasks = _tasks(text, "letter.md")
    ministries = ["Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ"]  # the table's name
    # the department in brackets gathers the committees' answers; it leads nothing
    provinces = ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"]
    assert [(t[0][:23], t[1]) for t in tasks] == [
        ("Số hồ sơ sức khỏe điện ", ministries),
        ("Số cơ sở khám bệnh kết ", ministries),
        ("Tỷ lệ trạm y tế xã có b", provinces),
        ("Số hồ sơ bệnh án điện t", provinces),
    ]


def test_a_rows_empty_last_cells_written_out_keep_every_cell_in_its_column() -> None:
    """ "| 7 | … | Tổ kiểm toán số 2 | | |": the page writes the row's empty last cells, so
    which column each cell is in is known; the row is not read as a short row whose cells
    were merged with the row above (its team was moved to the cooperating column and the row
    above's team put in its place)."""
    text = "\n".join(
        [
            "KẾ HOẠCH",
            "Kiểm toán chuyên đề chuyển đổi số năm 2026",
            "",
            "| TT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian |",
            "|---|---|---|---|---|",
            "| 1 | Kiểm toán tại thành phố Đà Nẵng | Tổ kiểm toán số 1 | | 02/3 - 10/4/2026 |",
            "| 2 | Kiểm toán tại tỉnh Quảng Ngãi | Tổ kiểm toán số 2 | | |",
            "| 3 | Kiểm toán tại tỉnh Gia Lai | Tổ kiểm toán số 3 | | |",
        ]
    )
    tasks = _tasks(text, "kh.md")
    assert [(t[0][:22], t[1], t[2]) for t in tasks] == [
        ("Kiểm toán tại thành ph", ["Tổ kiểm toán số 1"], []),
        ("Kiểm toán tại tỉnh Quả", ["Tổ kiểm toán số 2"], []),
        ("Kiểm toán tại tỉnh Gia", ["Tổ kiểm toán số 3"], []),
    ]
