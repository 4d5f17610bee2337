"""A body's head word printed in small letters ("phối hợp với cục Chuyển đổi số"): after a
cue or in a list of parties, with the name going on in capitals, it heads the body's name
(rules.json ``small_heads``); elsewhere it is a word of a phrase."""

from __future__ import annotations

import pytest

from policy_lineage.loaders.agencies import default_table
from policy_lineage.loaders.pipeline import extract_text
from policy_lineage.schema.model import to_contract


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chủ trì, phối hợp với cục Bảo tồn di sản rà soát", ["Cục Bảo tồn di sản"]),
        ("Hội Nông dân xã phối hợp với phòng Kinh tế hỗ trợ", ["Hội Nông dân xã", "Phòng Kinh tế"]),
        (
            "Ủy ban nhân dân xã chỉ đạo phòng Văn hóa - Xã hội rà soát",
            ["Ủy ban nhân dân xã", "Phòng Văn hóa - Xã hội"],
        ),
        ("Giao vụ Hợp tác quốc tế, vụ Pháp chế theo dõi", ["Vụ Hợp tác quốc tế", "Vụ Pháp chế"]),
        # a commune's civil servant posts, their abbreviations written out
        ("Công chức VP-TK chủ trì", ["Công chức Văn phòng - Thống kê"]),
        (
            "Công chức Tư pháp - Hộ tịch; công chức Địa chính - Xây dựng phối hợp",
            ["Công chức Tư pháp - Hộ tịch", "Công chức Địa chính - Xây dựng"],
        ),
        ("Giao Phòng KT, HT&ĐT rà soát", ["Phòng Kinh tế, Hạ tầng và Đô thị"]),
        ("cán bộ, công chức, viên chức tham gia tập huấn", []),
        # not a body: no cue before it, a place after it, or a head that is a phrase's word
        ("thực hiện nhiệm vụ Chuyển đổi số", []),
        ("làm việc với trung tâm Hà Nội", []),
        ("Chỉ đạo các đơn vị trực thuộc, lực lượng Công an xã tăng cường", None),
    ],
)
def test_small_head_words_in_sentences(text: str, expected: list[str] | None) -> None:
    found = [m.agency.name for m in default_table().find(text, "Sơn La")]
    if expected is None:  # only that the phrase's head word makes no body of its own
        assert not any(name.startswith("Lực lượng Công an") for name in found)
    else:
        assert found == expected


def test_a_small_head_word_gives_the_cooperating_body() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nXÃ MƯỜNG BÚ\n\nKẾ HOẠCH\nvề chuyển đổi số năm 2026\n\n"
        "1. Công an xã chủ trì, phối hợp với phòng Kinh tế rà soát dữ liệu dân cư, "
        "hoàn thành trước ngày 30/6/2026.\n"
    )
    task = to_contract(extract_text(text, "kh.txt"))["tasks"][0]
    assert task["lead"] == ["Công an xã"]
    assert task["cooperating"] == ["Phòng Kinh tế"]
