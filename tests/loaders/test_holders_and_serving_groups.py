"""Office holders named with their own names, and groups named as the bodies serving one body.

Sentences written for this test. "Phó Thủ tướng Chính phủ Trần Văn B chỉ đạo Bộ X …" is a
delegation chain like "X chỉ đạo Y …": the last body does the work (ANNOTATION.md). "Các cơ
quan tham mưu, giúp việc Tỉnh ủy" is one group, not "Các cơ quan" and the Party committee.
"""

from __future__ import annotations

import pytest

from policy_lineage.loaders.agencies import AgencyTable
from policy_lineage.loaders.assignment import parse_assignment

TABLE = AgencyTable.load()


@pytest.mark.parametrize(
    ("sentence", "lead"),
    [
        # the holder's own name between the title and the chain's verb
        ("Phó Thủ tướng Chính phủ Trần Văn Bình chỉ đạo Bộ Xây dựng xử lý dứt điểm vướng mắc.",
         ["Bộ Xây dựng"]),
        ("Phó Thủ tướng Lê Văn Cường giao Bộ Ngoại giao chủ trì tổng hợp ý kiến.",
         ["Bộ Ngoại giao"]),
        # no body after the verb: the holder's own work ("trực tiếp chỉ đạo việc …")
        ("Phó Thủ tướng Chính phủ Trần Văn Bình trực tiếp chỉ đạo việc xử lý vướng mắc.",
         ["Phó Thủ tướng Chính phủ"]),
        # a title with no name goes on as before
        ("Bộ trưởng Bộ Công an chỉ đạo Công an các tỉnh tăng cường tuần tra.",
         ["Công an các tỉnh"]),
    ],
)  # fmt: skip
def test_a_named_office_holder_hands_work_down_a_chain(sentence: str, lead: list[str]) -> None:
    assert [a.name for a in parse_assignment(sentence, TABLE, None).lead] == lead


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Các cơ quan tham mưu, giúp việc Tỉnh ủy chủ động triển khai.",
         ["Các cơ quan tham mưu, giúp việc Tỉnh ủy Nghệ An"]),
        ("Các cơ quan tham mưu giúp việc của Tỉnh ủy chủ động triển khai.",
         ["Các cơ quan tham mưu giúp việc của Tỉnh ủy Nghệ An"]),
        ("Các đơn vị giúp việc cho Sở Tài chính tổng hợp số liệu.",
         ["Các đơn vị giúp việc cho Sở Tài chính"]),
        # "tham mưu" alone is a verb: the departments advise the committee
        ("Các sở tham mưu Ủy ban nhân dân tỉnh ban hành kế hoạch.",
         ["Các sở", "Ủy ban nhân dân tỉnh Nghệ An"]),
    ],
)  # fmt: skip
def test_a_group_serving_a_body_is_one_group(text: str, names: list[str]) -> None:
    assert [m.agency.name for m in TABLE.find(text, "Nghệ An")] == names
