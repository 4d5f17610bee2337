"""Names that go on past a comma or a verb: official names of the form "A, B và C", a
list whose last body follows "và", a group's nouns after its qualifier, what a group told
to act provides (sentences written for these tests, in the shapes of ministries' plans,
central notices and Party documents)."""

from __future__ import annotations

import pytest

from policy_lineage.loaders.agencies import default_table
from policy_lineage.loaders.assignment import parse_assignment

TABLE = default_table()


def leads(sentence: str, province: str | None = None) -> list[str]:
    return [a.name for a in parse_assignment(sentence, TABLE, province).lead]


@pytest.mark.parametrize(
    ("sentence", "province", "expected"),
    [
        # an official name "A, B và C" that no table lists is one body
        (
            "Giao Cục Kinh tế hợp tác, Trang trại và Phát triển nông thôn chủ trì tổng kết mô "
            "hình.",
            None,
            ["Cục Kinh tế hợp tác, Trang trại và Phát triển nông thôn"],
        ),
        # … also where the table knows a shorter name that ends at the comma
        (
            "Giao Cục Đổi mới sáng tạo, Khởi nghiệp và Chuyển giao công nghệ chủ trì tổ chức "
            "ngày hội.",
            None,
            ["Cục Đổi mới sáng tạo, Khởi nghiệp và Chuyển giao công nghệ"],
        ),
        # a head word after the comma starts the next body
        ("Giao Cục Thuế, Cục Hải quan chủ trì kiểm tra.", None, ["Cục Thuế", "Cục Hải quan"]),
        (
            "Vụ Pháp chế, Văn phòng Bộ và Thanh tra Bộ phối hợp thực hiện.",
            None,
            ["Vụ Pháp chế", "Văn phòng Bộ", "Thanh tra Bộ"],
        ),
        # a list that writes its head once, the last name after "và"
        (
            "Bộ Tư pháp, Nội vụ và Ngoại giao phối hợp thẩm định hồ sơ.",
            None,
            ["Bộ Tư pháp", "Bộ Nội vụ", "Bộ Ngoại giao"],
        ),
        (
            "Sở Y tế, Tư pháp và Xây dựng rà soát thủ tục hành chính.",
            "Lào Cai",
            ["Sở Y tế", "Sở Tư pháp", "Sở Xây dựng"],
        ),
        # a list of places is not a name of that shape
        (
            "Ủy ban nhân dân xã Tân Hòa, Tân Lợi và Bình Thành rà soát hộ nghèo.",
            "An Giang",
            ["Ủy ban nhân dân xã Tân Hòa"],
        ),
        # a group's nouns after its qualifier
        (
            "Các ban, ngành trung ương và địa phương theo dõi, đôn đốc thực hiện.",
            None,
            ["Các ban, ngành trung ương và địa phương"],
        ),
        (
            "Đề nghị các bộ, cơ quan trung ương và địa phương khẩn trương giải ngân vốn.",
            None,
            ["Các bộ, cơ quan trung ương và địa phương"],
        ),
        # … not a noun that opens a body's name, nor a body the table knows
        (
            "Yêu cầu các đơn vị trực thuộc, lực lượng Công an xã tăng cường tuần tra.",
            None,
            ["Các đơn vị trực thuộc"],  # not "Các đơn vị trực thuộc, lực lượng"
        ),
        (
            "Đảng ủy Quốc hội, Đảng ủy Mặt trận Tổ quốc, các đoàn thể Trung ương chỉ đạo sơ kết.",
            None,
            ["Đảng ủy Quốc hội", "Đảng ủy Mặt trận Tổ quốc, các đoàn thể Trung ương"],
        ),
        # the organ of each committee a group names is one group
        (
            "Ủy ban kiểm tra đảng ủy xã, phường, đặc khu giám sát việc chấp hành của chi bộ.",
            None,
            ["Ủy ban kiểm tra đảng ủy xã, phường, đặc khu"],
        ),
        (
            "Văn phòng đảng ủy xã, phường tham mưu tổ chức hội nghị sơ kết.",
            None,
            ["Văn phòng đảng ủy xã, phường"],
        ),
        # … one commune's organ stays that commune's
        (
            "Ủy ban Kiểm tra Đảng ủy xã Tân Hòa giám sát việc chấp hành của chi bộ.",
            None,
            ["Ủy ban Kiểm tra Đảng ủy xã Tân Hòa"],
        ),
        # the Party's bodies that serve a committee, as one group
        (
            "Chỉ đạo các cơ quan tham mưu giúp việc cấp ủy rà soát quy chế làm việc.",
            None,
            ["Các cơ quan tham mưu giúp việc cấp ủy"],
        ),
        # the units under a body named after "thuộc" / "trực thuộc"
        (
            "Các cấp ủy, tổ chức đảng trực thuộc Đảng bộ Bộ tổ chức học tập, quán triệt Nghị "
            "quyết.",
            None,
            ["Các cấp ủy, tổ chức đảng trực thuộc Đảng bộ Bộ"],
        ),
        (
            "Các phòng, trung tâm trực thuộc Sở phối hợp triển khai thực hiện.",
            "Hà Tĩnh",
            ["Các phòng, trung tâm trực thuộc Sở"],
        ),
        (
            "Các sở, ban, ngành thuộc Ủy ban nhân dân Thành phố có trách nhiệm rà soát.",
            "Hà Nội",
            ["Các sở, ban, ngành thuộc Ủy ban nhân dân Thành phố"],
        ),
        ("Các đơn vị trực thuộc tăng cường kiểm tra.", None, ["Các đơn vị trực thuộc"]),
        # a group the table knows with its owner keeps the table's name, not one read on
        # past the comma
        (
            "Ban Thường vụ Tỉnh ủy đề nghị các đảng ủy trực thuộc Tỉnh ủy, Thành viên Ban Chỉ "
            "đạo phát triển kinh tế số tỉnh khẩn trương chỉ đạo rà soát.",
            "Gia Lai",
            ["Các Đảng ủy trực thuộc Tỉnh ủy"],
        ),
        # the field of a group told to act, after "về", up to its work
        (
            "Chỉ đạo các đơn vị chuyên trách về công nghệ thông tin rà soát hiện trạng các hệ "
            "thống.",
            None,
            ["Các đơn vị chuyên trách về công nghệ thông tin"],
        ),
        (
            "Ủy ban nhân dân tỉnh chỉ đạo các đơn vị chuyên trách về an toàn thông tin giám sát hệ "
            "thống.",
            "Gia Lai",
            ["Các đơn vị chuyên trách về an toàn thông tin"],
        ),
        # a group named as a subject, its field up to the verb of its work
        (
            "Các cơ quan quản lý nhà nước về dược tăng cường kiểm tra cơ sở bán lẻ thuốc.",
            None,
            ["Các cơ quan quản lý nhà nước về dược"],
        ),
        (
            "Các cơ quan quản lý nhà nước, tổ chức, cá nhân liên quan có trách nhiệm thực hiện "
            "nghiêm quy định.",
            None,
            ["Các cơ quan quản lý nhà nước, tổ chức, cá nhân liên quan"],
        ),
        # … not "về việc", nor a body after "về"
        (
            "Yêu cầu các cơ sở giáo dục về việc tổ chức dạy kỹ năng số báo cáo kết quả.",
            None,
            ["Các cơ sở giáo dục"],
        ),
        # a verb that describes the group, with "trực tiếp" before it
        (
            "Các cơ quan, đơn vị trực tiếp quản lý công chức có trách nhiệm theo dõi, đánh giá.",
            None,
            ["Các cơ quan, đơn vị trực tiếp quản lý công chức"],
        ),
        # what a group told to act provides, up to the work it is told to do
        (
            "Yêu cầu các doanh nghiệp cung cấp dịch vụ chứng thực chữ ký số rà soát chứng thư "
            "số đã cấp.",
            None,
            ["Các doanh nghiệp cung cấp dịch vụ chứng thực chữ ký số"],
        ),
        (
            "Đề nghị các hợp tác xã cung cấp dịch vụ thu gom rác thải báo cáo số liệu.",
            None,
            ["Các hợp tác xã cung cấp dịch vụ thu gom rác thải"],
        ),
        (
            "Đề nghị các đơn vị kinh doanh dịch vụ lưu trú du lịch cộng đồng thực hiện khai "
            "báo tạm trú.",
            None,
            ["Các đơn vị kinh doanh dịch vụ lưu trú du lịch cộng đồng"],
        ),
        (
            "Yêu cầu các doanh nghiệp cung cấp dịch vụ viễn thông triển khai phủ sóng các thôn.",
            None,
            ["Các doanh nghiệp cung cấp dịch vụ viễn thông"],
        ),
    ],
)
def test_names_that_go_on(sentence: str, province: str | None, expected: list[str]) -> None:
    assert leads(sentence, province) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Ủy ban Pháp luật và Tư pháp chủ trì thẩm tra dự án luật.",
            ["Ủy ban Pháp luật và Tư pháp của Quốc hội"],
        ),
        (
            "Đề nghị Ủy ban Văn hóa và Xã hội của Quốc hội giám sát việc thực hiện.",
            ["Ủy ban Văn hóa và Xã hội của Quốc hội"],
        ),
        ("Hội đồng Dân tộc chủ trì thẩm tra.", ["Hội đồng Dân tộc của Quốc hội"]),
        # the Standing Committee keeps its own name
        ("Ủy ban Thường vụ Quốc hội cho ý kiến.", ["Ủy ban Thường vụ Quốc hội"]),
    ],
)
def test_the_national_assemblys_committees_by_their_full_names(
    sentence: str, expected: list[str]
) -> None:
    """The committees of the National Assembly are named "… của Quốc hội", as the
    annotators of real documents write them, whether the text says so or not."""
    assert leads(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Vụ KHTC bố trí kinh phí trong dự toán ngân sách.", ["Vụ Kế hoạch - Tài chính"]),
        ("Vụ KH-TC tổng hợp dự toán ngân sách năm 2027.", ["Vụ Kế hoạch - Tài chính"]),
        ("Giao Vụ TCCB phối hợp rà soát biên chế.", ["Vụ Tổ chức cán bộ"]),
        ("Ban QLDA 85 đẩy nhanh tiến độ thi công.", ["Ban Quản lý dự án 85"]),
        (
            "Trung tâm CNTT và Truyền thông hỗ trợ kỹ thuật cho các xã.",
            ["Trung tâm Công nghệ thông tin và Truyền thông"],
        ),
    ],
)
def test_a_ministrys_departments_by_their_usual_abbreviations(
    sentence: str, expected: list[str]
) -> None:
    """ "Vụ KHTC" is written out as every ministry names that department (``abbreviations``
    in the rules)."""
    assert leads(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "province", "expected"),
    [
        # a central text: the national Front
        (
            "Mặt trận Tổ quốc và các tổ chức chính trị - xã hội tăng cường giám sát.",
            None,
            ["Mặt trận Tổ quốc Việt Nam", "Các tổ chức chính trị - xã hội"],
        ),
        # a province's text: the province's committee of the Front, as before
        (
            "Mặt trận Tổ quốc và các tổ chức chính trị - xã hội tăng cường giám sát.",
            "Gia Lai",
            ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Các tổ chức chính trị - xã hội"],
        ),
    ],
)
def test_the_front_is_the_national_one_in_a_central_text(
    sentence: str, province: str | None, expected: list[str]
) -> None:
    assert leads(sentence, province) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # kinds of places with no name after a body: the body in each of them
        (
            "Giám đốc Sở Tài chính tỉnh, thành phố trực thuộc Trung ương chủ trì bố trí kinh phí.",
            ["Sở Tài chính các tỉnh, thành phố trực thuộc Trung ương"],
        ),
        # as with "các", which already read so
        (
            "Sở Xây dựng các tỉnh, thành phố trực thuộc Trung ương rà soát quy hoạch.",
            ["Sở Xây dựng các tỉnh, thành phố trực thuộc Trung ương"],
        ),
        # two names of one body joined by "/" share the places
        (
            "Sở Văn hóa, Thể thao và Du lịch/Sở Văn hóa và Thể thao tỉnh, thành phố trực thuộc "
            "Trung ương rà soát quỹ đất.",
            [
                "Sở Văn hóa, Thể thao và Du lịch các tỉnh, thành phố trực thuộc Trung ương",
                "Sở Văn hóa và Thể thao các tỉnh, thành phố trực thuộc Trung ương",
            ],
        ),
        ("Sở Nội vụ/Sở Tư pháp hướng dẫn thủ tục.", ["Sở Nội vụ", "Sở Tư pháp"]),
    ],
)
def test_a_body_in_every_province(sentence: str, expected: list[str]) -> None:
    assert leads(sentence) == expected


def test_kinds_of_parties_listed_with_a_qualifier_are_each_a_group() -> None:
    """``separate_kinds``: "chủ đầu tư, nhà thầu …" are groups of each kind, also when the
    last carries a qualifier ("… các đơn vị tư vấn có liên quan")."""
    assert leads(
        "Yêu cầu các chủ đầu tư, nhà thầu thi công, các đơn vị tư vấn có liên quan rà soát hồ sơ."
    ) == ["Các chủ đầu tư", "Các nhà thầu thi công", "Các đơn vị tư vấn có liên quan"]


LETTER_TO_ONE_PROVINCE = """BỘ XÂY DỰNG
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 7001/BXD-HTKT
V/v hướng dẫn cải tạo hệ thống thoát nước đô thị

Hà Nội, ngày 02 tháng 12 năm 2026

Kính gửi: Ủy ban nhân dân tỉnh Quảng Ngãi.

Bộ Xây dựng nhận được văn bản của Quý Ủy ban đề nghị hướng dẫn cải tạo hệ thống thoát nước. Về
vấn đề này, Bộ Xây dựng có ý kiến như sau:

1. Đề nghị Ủy ban nhân dân tỉnh chỉ đạo Sở Xây dựng rà soát quy hoạch thoát nước, hoàn thành
trong Quý I năm 2027.

2. Đề nghị Quý Ủy ban báo cáo kết quả về Bộ Xây dựng trước ngày 30/4/2027.

Nơi nhận:
- Như trên;
- Lưu: VT, HTKT.

KT. BỘ TRƯỞNG
THỨ TRƯỞNG

Nguyễn Tường Văn
"""


def test_a_central_letter_to_one_province_speaks_of_its_bodies() -> None:
    """A ministry's letter sent to one province: "Sở Xây dựng" there is that province's."""
    from policy_lineage.loaders.pipeline import extract_text

    ex = extract_text(LETTER_TO_ONE_PROVINCE, "letter.txt")
    assert [[a.placed or a.name for a in t.lead] for t in ex.tasks] == [
        ["Sở Xây dựng tỉnh Quảng Ngãi"],
        ["Ủy ban nhân dân tỉnh Quảng Ngãi"],
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a body of several named things: its head word, "các", then their capitalised name
        (
            "Giao Văn phòng các Chương trình trọng điểm cấp nhà nước chủ trì tuyển chọn nhiệm vụ.",
            ["Văn phòng các Chương trình trọng điểm cấp nhà nước"],
        ),
        (
            "Công đoàn các Khu công nghiệp tỉnh phát động thi đua.",
            ["Công đoàn các Khu công nghiệp tỉnh"],
        ),
        # … not a body before a group in small letters
        ("Sở Nội vụ phối hợp với các sở, ngành rà soát.", ["Sở Nội vụ"]),
    ],
)
def test_a_body_of_several_named_things(sentence, expected):
    assert leads(sentence, "Hải Phòng") == expected


def test_a_short_name_given_to_such_a_body_names_it_later():
    from policy_lineage.loaders.pipeline import extract_text

    text = (
        "BỘ KHOA HỌC VÀ CÔNG NGHỆ\nSố: 3187/QĐ-BKHCN\n\nQUY ĐỊNH\nvề quản lý chương trình\n\n"
        "Điều 3. Đơn vị quản lý\nĐơn vị quản lý kinh phí là Văn phòng các Chương trình trọng "
        "điểm cấp nhà nước (sau đây gọi là Văn phòng Chương trình).\n\n"
        "Điều 9. Tổ chức thực hiện\n1. Văn phòng Chương trình tổ chức tuyển chọn nhiệm vụ, ký "
        "hợp đồng thực hiện nhiệm vụ trước ngày 30/6/2026.\n"
    )
    tasks = extract_text(text, "qd.txt").tasks
    assert [[a.name for a in t.lead] for t in tasks] == [
        ["Văn phòng các Chương trình trọng điểm cấp nhà nước"]
    ]
