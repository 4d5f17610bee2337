"""An addressee heading set in bold and wrapped over two bold lines on a saved page is one
heading ("**… Ủy ban nhân dân các xã,**" then "**phường:**"); under it, "Người đứng đầu …"
(the head of each body above, no body named) is the heading's bodies' work; "biên chế",
"người nộp thuế" inside a unit's name do not end it. Sentences written for these tests."""

from __future__ import annotations

import pytest

from policy_lineage.loaders.agencies import default_table
from policy_lineage.loaders.pipeline import extract_paths

HEAD = "ỦY BAN NHÂN DÂN TỈNH BẮC NINH\nSố: 12/KH-UBND\n\nKẾ HOẠCH\nChuyển đổi số năm 2026\n\n"


@pytest.fixture
def leads(tmp_path):
    """Leads of each task of a saved page (.md, read as a user's file is)."""

    def read(body: str) -> list[list[str]]:
        page = tmp_path / "kh.md"
        page.write_text(HEAD + body, encoding="utf-8")
        (ex,) = extract_paths([str(page)])
        return [[a.name for a in t.lead] for t in ex.tasks]

    return read


def test_a_bold_heading_wrapped_over_two_bold_lines_is_one_heading(leads):
    body = (
        "**2.4. Các sở, ban, ngành; Ủy ban nhân dân các xã,**\n**phường:**\n\n"
        "\\- Rà soát, chuẩn hóa dữ liệu chuyên ngành, kết nối với Kho dữ liệu dùng chung.\n"
    )
    assert leads(body) == [["Các sở, ban, ngành", "Ủy ban nhân dân các xã, phường"]]


def test_two_bold_headings_one_after_the_other_stay_two(leads):
    # the second opens with a capital: a heading of its own (an empty section first)
    body = (
        "**2.3. Sở Tài chính:**\n**2.4. Sở Nội vụ:**\n\n"
        "\\- Rà soát vị trí việc làm của các cơ quan hành chính.\n"
    )
    assert leads(body) == [["Sở Nội vụ"]]


def test_the_heads_of_the_bodies_of_a_heading_are_those_bodies(leads):
    body = (
        "**3. Các sở, ban, ngành:**\n\n"
        "\\- Người đứng đầu trực tiếp chỉ đạo công tác chuyển đổi số tại cơ quan, đơn vị "
        "mình, chịu trách nhiệm về kết quả thực hiện.\n"
    )
    assert leads(body) == [["Các sở, ban, ngành"]]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "Chỉ đạo Phòng Tổ chức bộ máy và biên chế hoàn thiện dự thảo Quyết định.",
            "Phòng Tổ chức bộ máy và biên chế",
        ),
        # "người nộp thuế" (name_phrases): "người" does not end the name there
        (
            "Ban Tuyên truyền - Hỗ trợ người nộp thuế chủ trì biên soạn tài liệu.",
            "Ban Tuyên truyền - Hỗ trợ người nộp thuế",
        ),
        # "biên" alone still ends a name before the verb "biên soạn"
        ("Phòng Văn hóa biên soạn tài liệu tuyên truyền.", "Phòng Văn hóa"),
    ],
)
def test_field_words_inside_a_units_name(sentence, name):
    assert [m.agency.name for m in default_table().find(sentence, "Bắc Ninh")] == [name]
