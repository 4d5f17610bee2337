"""``loaders/assignment.py``: who does a piece of work, sentence in, facts out.

Each row is a sentence written for this test and the lead, cooperating bodies and
delegation route it states (names as the alias table canonicalises them).
"""

from __future__ import annotations

import pytest

from policy_lineage.loaders.agencies import AgencyTable
from policy_lineage.loaders.assignment import parse_assignment

TABLE = AgencyTable.load()
PROVINCE = "Bắc Ninh"


@pytest.mark.parametrize(
    ("sentence", "lead", "cooperating"),
    [
        # X chủ trì, phối hợp với Y …
        ("Sở Tài chính chủ trì, phối hợp với Sở Nội vụ rà soát nguồn vốn.",
         ["Sở Tài chính"], ["Sở Nội vụ"]),
        ("Sở Nội vụ chủ trì, phối hợp với Sở Tài chính và Công an tỉnh xây dựng đề án.",
         ["Sở Nội vụ"], ["Sở Tài chính", "Công an tỉnh"]),
        # X: chủ trì, phối hợp …
        ("Sở Y tế: chủ trì, phối hợp với Sở Tài chính triển khai.", ["Sở Y tế"], ["Sở Tài chính"]),
        # a label, in brackets or on its own
        ("(Cơ quan chủ trì: Sở Y tế; thời gian: Quý II/2026)", ["Sở Y tế"], []),
        ("Cơ quan chủ trì: Sở Giáo dục và Đào tạo", ["Sở Giáo dục và Đào tạo"], []),
        # Giao X …, Đề nghị X …
        ("Giao Sở Công Thương kiểm tra thị trường.", ["Sở Công Thương"], []),
        ("Đề nghị Sở Tư pháp thẩm định dự thảo.", ["Sở Tư pháp"], []),
        # an addressee at the start
        ("Sở Tài chính bảo đảm kinh phí thực hiện.", ["Sở Tài chính"], []),
        ("Công an tỉnh: tăng cường bảo đảm an ninh mạng.", ["Công an tỉnh"], []),
        # no body named: nobody, and the caller takes the heading's
        ("Tăng cường công tác tuyên truyền.", [], []),
        # "X chủ trì cùng Y", "phối hợp cùng Y": Y cooperates
        ("Sở Tài chính chủ trì cùng Sở Xây dựng và các sở, ngành liên quan rà soát, đề xuất "
         "khen thưởng.", ["Sở Tài chính"], ["Sở Xây dựng"]),
        ("Sở Nội vụ chủ trì, phối hợp cùng Sở Y tế rà soát biên chế.", ["Sở Nội vụ"], ["Sở Y tế"]),
        # "các dự án do X chủ trì": which projects, not who does the item
        ("Tổ chức triển khai các nội dung, nhiệm vụ của các dự án do Bộ Công an chủ trì theo "
         "chức năng được giao.", [], []),
        # "…, do X chủ trì" after the item's work: X does it
        ("Xây dựng đề án vị trí việc làm, do Sở Nội vụ chủ trì, hoàn thành trong quý II.",
         ["Sở Nội vụ"], []),
        # a framing phrase before the doer (rules: framing_openers), a comma inside a
        # group's name not ending it
        ("Trên cơ sở ý kiến của Sở Tư pháp, Sở Xây dựng hoàn thiện hồ sơ.", ["Sở Xây dựng"], []),
        ("Trên cơ sở đề xuất của các sở, ban, ngành, Sở Tài chính tổng hợp nhu cầu kinh phí.",
         ["Sở Tài chính"], []),
        ("Đồng thời, giao Sở Nội vụ hướng dẫn thực hiện.", ["Sở Nội vụ"], []),
        # the chair's view first, the doer in a later clause (rules: assent_openers)
        ("Thống nhất với đề xuất của Sở Xây dựng về phương án; Sở Tài chính bố trí vốn.",
         ["Sở Tài chính"], []),
        ("Đồng ý chủ trương đầu tư dự án, giao Sở Xây dựng hoàn thiện hồ sơ.",
         ["Sở Xây dựng"], []),
        ("Thống nhất thực hiện chuyển đổi số trong các cơ quan.", [], []),
        # "Riêng X …": singled out, with or without a comma
        ("Riêng Ủy ban nhân dân xã Phú Hòa chủ động phương án sơ tán.",
         ["Ủy ban nhân dân xã Phú Hòa"], []),
        ("Riêng năm 2026, Sở Tài chính bố trí kinh phí.", ["Sở Tài chính"], []),
        # "Đồng thời, chỉ đạo X …": handed on after a framing phrase
        ("Đồng thời, chỉ đạo Sở Y tế kiểm tra an toàn thực phẩm.", ["Sở Y tế"], []),
        # whom a body serves is not who leads
        ("Là cơ quan thường trực giúp Ban Chỉ đạo xã, chủ trì theo dõi, đôn đốc.", [], []),
    ],
)  # fmt: skip
def test_assignment_lead_and_cooperating(
    sentence: str, lead: list[str], cooperating: list[str]
) -> None:
    found = parse_assignment(sentence, TABLE, PROVINCE)
    assert [a.name for a in found.lead] == lead
    assert [a.name for a in found.cooperating] == cooperating
    assert found.explicit == bool(lead)


@pytest.mark.parametrize(
    ("sentence", "chain"),
    [
        ("Đảng ủy Ủy ban nhân dân tỉnh chỉ đạo Ủy ban nhân dân tỉnh chỉ đạo Sở Nội vụ "
         "tổ chức thi tuyển.",
         ["Đảng ủy Ủy ban nhân dân tỉnh Bắc Ninh", "Ủy ban nhân dân tỉnh Bắc Ninh", "Sở Nội vụ"]),
        ("Sở Tài chính chủ trì, phối hợp với Sở Nội vụ rà soát nguồn vốn.", []),
        # "giao" hands the work on inside a chain too
        ("Giao Đảng ủy Ủy ban nhân dân tỉnh lãnh đạo, chỉ đạo Ủy ban nhân dân tỉnh giao Sở "
         "Tài chính thẩm định.",
         ["Đảng ủy Ủy ban nhân dân tỉnh Bắc Ninh", "Ủy ban nhân dân tỉnh Bắc Ninh", "Sở Tài chính"]),
        # a heading's body leads, directs one body, which directs another: the last does it
        ("Lãnh đạo, chỉ đạo Ủy ban nhân dân tỉnh chỉ đạo Sở Tài chính cân đối ngân sách.",
         ["Ủy ban nhân dân tỉnh Bắc Ninh", "Sở Tài chính"]),
        # an adverb before the direction ("quan tâm", "tiếp tục" chỉ đạo)
        ("Đề nghị Ban Thường vụ Tỉnh ủy quan tâm chỉ đạo Sở Y tế bố trí kinh phí.",
         ["Ban Thường vụ Tỉnh ủy Bắc Ninh", "Sở Y tế"]),
        ("Ủy ban nhân dân tỉnh tiếp tục chỉ đạo Sở Nội vụ rà soát vị trí việc làm.",
         ["Ủy ban nhân dân tỉnh Bắc Ninh", "Sở Nội vụ"]),
    ],
)  # fmt: skip
def test_assignment_delegation_chain_ends_with_the_doer(sentence: str, chain: list[str]) -> None:
    found = parse_assignment(sentence, TABLE, PROVINCE)
    assert [a.name for a in found.chain] == chain
    if chain:
        assert [a.name for a in found.lead] == chain[-1:]


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("Sở Tài chính chủ trì, phối hợp với Sở Nội vụ rà soát.", "chủ trì"),
        ("Giao Sở Công Thương kiểm tra thị trường.", "giao"),
        ("Đề nghị Sở Tư pháp thẩm định dự thảo.", "đề nghị"),
    ],
)
def test_assignment_names_the_cue_it_read(sentence: str, cue: str) -> None:
    assert parse_assignment(sentence, TABLE, PROVINCE).cue == cue


def test_the_chair_named_before_its_view_then_asking_another() -> None:
    """ "Ban Thường vụ Tỉnh ủy cơ bản đồng ý với …; đồng thời đề nghị Ban Thường vụ Đảng ủy
    phường X …:": the body asked leads the items below, not the chair that asks."""
    from policy_lineage.loaders.agencies import default_table
    from policy_lineage.loaders.assignment import parse_assignment

    said = parse_assignment(
        "Ban Thường vụ Tỉnh ủy cơ bản đồng ý với phương hướng mà Ban Thường vụ Đảng ủy phường "
        "đã đề ra; đồng thời đề nghị Ban Thường vụ Đảng ủy phường Hồng Châu tập trung lãnh "
        "đạo thực hiện các nội dung sau:",
        default_table(),
        "Hưng Yên",
    )
    assert [a.name for a in said.lead] == ["Ban Thường vụ Đảng ủy phường Hồng Châu"]
