"""A Party committee's own units named bare in its document ("Văn phòng Đảng ủy", "Ban Tổ
chức", "Ủy ban Kiểm tra") are that committee's: written with the committee's short name, as a
province's own bodies keep their level word ("Ban Tổ chức Tỉnh ủy", "Văn phòng Đảng ủy xã"),
and placed under it (its level, province and, as parent, the committee), so that one
province's "Ban Tổ chức" is not another's in the graph (loaders/pipeline.py
``_own_committee_units``; the words are rules data, ``committee_units``). Sentences written
for these tests."""

from __future__ import annotations

import pytest

from policy_lineage.loaders.pipeline import extract_text

HEADS = {
    "tỉnh ủy": ("ĐẢNG BỘ TỈNH HÀ TĨNH\nTỈNH ỦY\n*\nSố 21-KH/TU", "Hà Tĩnh"),
    "đảng ủy xã": ("ĐẢNG BỘ TỈNH HÀ TĨNH\nĐẢNG ỦY XÃ KỲ ANH\n*\nSố 07-KH/ĐU", "Kỳ Anh"),
    "ủy ban nhân dân": ("ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\nSố: 210/KH-UBND", "Hà Tĩnh"),
    "đảng ủy tập đoàn": (
        "ĐẢNG BỘ CHÍNH PHỦ\nĐẢNG ỦY TẬP ĐOÀN HÓA CHẤT VIỆT NAM\n*\nSố 15-KH/ĐU",
        "Hà Nội",
    ),
    "đảng ủy cơ quan": (
        "ĐẢNG BỘ TỈNH HÀ TĨNH\nĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH\n*\nSố 12-KH/ĐU",
        "Hà Tĩnh",
    ),
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
        (
            "tỉnh ủy",
            "Ban Tổ chức chủ trì rà soát đội ngũ cán bộ.",
            ("Ban Tổ chức Tỉnh ủy", "province", "Hà Tĩnh", "Tỉnh ủy Hà Tĩnh"),
        ),
        (
            "tỉnh ủy",
            "Ủy ban Kiểm tra giám sát việc thực hiện.",
            ("Ủy ban Kiểm tra Tỉnh ủy", "province", "Hà Tĩnh", "Tỉnh ủy Hà Tĩnh"),
        ),
        (
            "đảng ủy xã",
            "Văn phòng Đảng ủy chủ trì số hóa hồ sơ.",
            ("Văn phòng Đảng ủy xã", "commune", "Hà Tĩnh", "Đảng ủy xã Kỳ Anh"),
        ),
        (
            "đảng ủy xã",
            "Ban Xây dựng Đảng chủ trì rà soát.",
            ("Ban Xây dựng Đảng Đảng ủy xã", "commune", "Hà Tĩnh", "Đảng ủy xã Kỳ Anh"),
        ),
        # the committee itself, named bare or as its executive committee
        (
            "đảng ủy xã",
            "Ban Chấp hành Đảng bộ xã lãnh đạo thực hiện.",
            ("Đảng ủy xã", "commune", "Hà Tĩnh", None),
        ),
        # a committee with no short name of a level: its units written with its whole
        # name ("Văn phòng Đảng ủy" of every such committee would be one body in the graph)
        (
            "đảng ủy cơ quan",
            "Văn phòng Đảng ủy chủ trì số hóa hồ sơ.",
            (
                "Văn phòng Đảng ủy các cơ quan Đảng tỉnh",
                "province",
                "Hà Tĩnh",
                "Đảng ủy các cơ quan Đảng tỉnh Hà Tĩnh",
            ),
        ),
        # its short name after the unit ("Đảng ủy Tập đoàn" of "Đảng ủy Tập đoàn …")
        (
            "đảng ủy tập đoàn",
            "Ban Tổ chức Đảng ủy Tập đoàn chủ trì rà soát đội ngũ cán bộ.",
            (
                "Ban Tổ chức Đảng ủy Tập đoàn Hóa chất Việt Nam",
                "central",
                None,
                "Đảng ủy Tập đoàn Hóa chất Việt Nam",
            ),
        ),
        # another committee's unit, named whole, stays its own
        (
            "đảng ủy tập đoàn",
            "Ban Tổ chức Đảng ủy Tổng công ty Phân bón hướng dẫn.",
            ("Ban Tổ chức Đảng ủy Tổng công ty Phân bón", "unknown", None, None),
        ),
        # a unit of another committee stays its own
        (
            "tỉnh ủy",
            "Ban Tổ chức Trung ương hướng dẫn.",
            ("Ban Tổ chức Trung ương", "central", None, "Ban Chấp hành Trung ương Đảng"),
        ),
    ],
)
def test_a_committees_own_unit_is_placed_under_it(head: str, item: str, lead: tuple) -> None:
    ex = extract_text(_plan(head, item), "kh.txt")
    got = [[(a.name, a.level, a.province, a.parent) for a in t.lead] for t in ex.tasks]
    assert got == [[lead]]


def test_a_state_bodys_document_places_no_party_unit() -> None:
    ex = extract_text(_plan("ủy ban nhân dân", "Ban Tổ chức chủ trì rà soát đội ngũ."), "kh.txt")
    assert [[(a.name, a.level) for a in t.lead] for t in ex.tasks] == [[("Ban Tổ chức", "unknown")]]


def test_articles_of_a_working_rule_headed_by_an_office_or_a_holder() -> None:
    """A commune Party committee's working rules: "Điều 5. Thường trực Đảng ủy", "Điều 6. Bí
    thư Đảng ủy", "Điều 7. Phó Bí thư … (đồng chí …)": each article's duties are tasks of the
    office, or of the committee the holder stands for."""
    text = (
        "ĐẢNG BỘ TỈNH HÀ TĨNH\nĐẢNG ỦY XÃ KỲ ANH\n*\nSố 07-QC/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
        "Kỳ Anh, ngày 10 tháng 10 năm 2025\n\nQUY CHẾ\nlàm việc của Đảng ủy xã\n\n"
        "Chương II\nTRÁCH NHIỆM, QUYỀN HẠN\n\n"
        "Điều 5. Thường trực Đảng ủy\n"
        "1. Chủ trì giải quyết công việc hằng ngày của Đảng bộ.\n"
        "Điều 6. Bí thư Đảng ủy\n"
        "1. Chủ trì các hội nghị Đảng ủy, Ban Thường vụ.\n"
        "Điều 7. Phó Bí thư Thường trực Đảng ủy (đồng chí Nguyễn Văn An)\n"
        "1. Trực tiếp phụ trách công tác xây dựng Đảng, dân vận.\n"
    )
    ex = extract_text(text, "qc.txt")
    assert [([a.name for a in t.lead], t.text[:20]) for t in ex.tasks] == [
        (["Thường trực Đảng ủy xã"], "Chủ trì giải quyết c"),
        (["Đảng ủy xã"], "Chủ trì các hội nghị"),
        (["Đảng ủy xã"], "Trực tiếp phụ trách "),
    ]


@pytest.mark.parametrize(
    ("letterhead", "item", "lead"),
    [
        (
            "BAN CHẤP HÀNH TRUNG ƯƠNG\nBAN TỔ CHỨC\n*\nSố 05-QĐi/BTCTW",
            "Đồng chí Trưởng Ban lãnh đạo, chỉ đạo chung việc thực hiện Quy định này.",
            "Ban Tổ chức Trung ương",
        ),
        (
            "BỘ Y TẾ\nSố: 12/QĐ-BYT",
            "Bộ trưởng chỉ đạo việc thực hiện Quy chế này.",
            "Bộ Y tế",
        ),
        # the title after an adverb of its verb, or after the comrade's name
        (
            "BỘ Y TẾ\nSố: 12/QĐ-BYT",
            "Đồng chí Thứ trưởng trực tiếp chỉ đạo việc thực hiện Quy chế này.",
            "Bộ Y tế",
        ),
        (
            "BỘ Y TẾ\nSố: 12/QĐ-BYT",
            "Đồng chí Trần Văn Hải, Thứ trưởng trực tiếp chỉ đạo việc thực hiện Quy chế này.",
            "Bộ Y tế",
        ),
        # another kind of body's head is not the issuer: a Ban's head in a ministry's rules
        (
            "BỘ Y TẾ\nSố: 12/QĐ-BYT",
            "Trưởng Ban chỉ đạo việc thực hiện Quy chế này.",
            None,
        ),
    ],
)
def test_the_head_of_the_issuing_body_stands_for_it(
    letterhead: str, item: str, lead: str | None
) -> None:
    text = (
        f"{letterhead}\nHà Nội, ngày 10 tháng 10 năm 2025\n\nQUY ĐỊNH\nvề phối hợp công tác\n\n"
        f"Chương III\nTRÁCH NHIỆM\n\nĐiều 10. Trách nhiệm của lãnh đạo và các đơn vị\n1. {item}\n"
    )
    ex = extract_text(text, "qc.txt")
    leads = [[a.name for a in t.lead] for t in ex.tasks]
    if lead is None:
        assert "Bộ Y tế" not in sum(leads, [])
    else:
        assert leads == [[lead]]


def test_the_standing_deputy_secretary_stands_for_the_committee() -> None:
    """ "Phó Bí thư Thường trực Thành ủy" is one title: its holder stands for the Thành ủy,
    where "Thường trực Thành ủy" alone is the committee's standing organ."""
    from policy_lineage.loaders.agencies import default_table

    table = default_table()
    holder = table.find("Đồng chí Phó Bí thư Thường trực Thành ủy trực tiếp chỉ đạo", "Hải Phòng")
    organ = table.find("Thường trực Thành ủy chỉ đạo", "Hải Phòng")
    assert [m.agency.name for m in holder] == ["Thành ủy Hải Phòng"]
    assert [m.agency.name for m in organ] == ["Thường trực Thành ủy Hải Phòng"]


@pytest.mark.parametrize(
    ("letterhead", "item", "lead"),
    [
        # "Văn phòng" written bare in a body's own document: its own office
        (
            "LIÊN ĐOÀN LAO ĐỘNG TỈNH TÂY NINH\nSố: 12/TB-LĐLĐ",
            "Văn phòng phối hợp với Ban Tuyên giáo - Nữ công chuẩn bị nội dung.",
            ("Văn phòng Liên đoàn Lao động tỉnh", False),
        ),
        (
            "LIÊN ĐOÀN LAO ĐỘNG TỈNH TÂY NINH\nSố: 12/TB-LĐLĐ",
            "Văn phòng cơ quan chủ trì số hóa hồ sơ lưu trữ.",
            ("Văn phòng cơ quan Liên đoàn Lao động tỉnh", False),
        ),
        # the table's body when it knows the name
        (
            "ỦY BAN NHÂN DÂN\nTỈNH TÂY NINH\nSố: 12/KH-UBND",
            "Văn phòng chủ trì theo dõi, tổng hợp kết quả thực hiện.",
            ("Văn phòng Ủy ban nhân dân tỉnh", True),
        ),
        # another body's office, named whole, stays as it is
        (
            "LIÊN ĐOÀN LAO ĐỘNG TỈNH TÂY NINH\nSố: 12/TB-LĐLĐ",
            "Văn phòng Ủy ban nhân dân tỉnh phối hợp bố trí hội trường.",
            ("Văn phòng Ủy ban nhân dân tỉnh", True),
        ),
    ],
)
def test_a_bare_office_is_the_issuers_own(letterhead: str, item: str, lead: tuple) -> None:
    text = f"{letterhead}\nTây Ninh, ngày 10 tháng 10 năm 2025\n\nKẾ HOẠCH\nChuyển đổi số\n\n1. {item}\n"
    ex = extract_text(text, "kh.txt")
    assert [[(a.name, a.canonical) for a in t.lead] for t in ex.tasks] == [[lead]]
