"""A body's standing organ ("Thường trực Hội Nông dân tỉnh") and a holder whose title has
"Thường trực" in it ("Phó Chủ tịch Thường trực …"). Sentences written for these tests."""

from __future__ import annotations

import pytest

from policy_lineage.loaders.agencies import default_table
from policy_lineage.loaders.assignment import parse_assignment

TABLE = default_table()


def leads(sentence: str) -> list[str]:
    return [a.name for a in parse_assignment(sentence, TABLE, "Quảng Ngãi").lead]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the standing organ of a body the table knows no organ of: that organ, as printed
        ("Thường trực Hội Nông dân tỉnh chỉ đạo sơ kết việc thực hiện Kế hoạch.",
         ["Thường trực Hội Nông dân tỉnh"]),
        ("Thường trực Liên đoàn Lao động tỉnh kiểm tra, đôn đốc các công đoàn cơ sở.",
         ["Thường trực Liên đoàn Lao động tỉnh"]),
        ("Thường trực Hội Liên hiệp Phụ nữ phường tổ chức hội thi.",
         ["Thường trực Hội Liên hiệp Phụ nữ phường"]),
        # the organs the table knows keep their names
        ("Thường trực Tỉnh ủy chỉ đạo sơ kết.", ["Thường trực Tỉnh ủy Quảng Ngãi"]),
        ("Thường trực HĐND tỉnh giám sát việc thực hiện.",
         ["Thường trực Hội đồng nhân dân tỉnh"]),
        # "thường trực" in lower case is no organ's name
        ("Hội Nông dân tỉnh phân công cán bộ thường trực tại điểm hỗ trợ.",
         ["Hội Nông dân tỉnh"]),
    ],
)  # fmt: skip
def test_a_standing_organ_of_a_body(sentence: str, expected: list[str]) -> None:
    assert leads(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the holder stands for the body, as "Phó Bí thư Thường trực Tỉnh ủy" does
        ("Đồng chí Phó Chủ tịch Thường trực Hội Nông dân tỉnh trực tiếp chỉ đạo, kiểm tra.",
         ["Hội Nông dân tỉnh"]),
        ("Đồng chí Phó Chủ tịch Thường trực Liên đoàn Lao động tỉnh trực tiếp chỉ đạo.",
         ["Liên đoàn Lao động tỉnh"]),
        ("Phó Chủ tịch Thường trực Hội đồng nhân dân tỉnh chủ trì cuộc giám sát.",
         ["Hội đồng nhân dân tỉnh Quảng Ngãi"]),
        ("Đồng chí Phó Bí thư Thường trực Tỉnh ủy trực tiếp chỉ đạo.", ["Tỉnh ủy Quảng Ngãi"]),
    ],
)  # fmt: skip
def test_a_holder_whose_title_says_thuong_truc(sentence: str, expected: list[str]) -> None:
    assert leads(sentence) == expected
