"""Notices of conclusions: comrades named before their title, project boards' long names,
and running headers printed with their page (sentences written for these tests)."""

from __future__ import annotations

import pytest

from policy_lineage.loaders.agencies import default_table
from policy_lineage.loaders.assignment import parse_assignment
from policy_lineage.loaders.pipeline import extract_text

TABLE = default_table()


@pytest.mark.parametrize(
    ("sentence", "lead"),
    [
        # the comrade's name first, then the title of the body the comrade stands for
        (
            "Giao đồng chí Trần Văn Hùng - Phó Chủ tịch UBND tỉnh trực tiếp chỉ đạo, đôn đốc "
            "các dự án.",
            ["Ủy ban nhân dân tỉnh Hà Tĩnh"],
        ),
        (
            "Giao đồng chí Trần Văn Hùng, Phó Chủ tịch UBND tỉnh trực tiếp chỉ đạo các dự án.",
            ["Ủy ban nhân dân tỉnh Hà Tĩnh"],
        ),
        # … and what the comrade's body directs goes on to the body directed
        (
            "Giao đồng chí Trần Văn Hùng - Phó Chủ tịch UBND tỉnh chỉ đạo Sở Xây dựng rà soát.",
            ["Sở Xây dựng"],
        ),
        # every body of the subject directs the bodies after "lãnh đạo"
        (
            "Đảng ủy Công an tỉnh, Đảng ủy Quân sự tỉnh lãnh đạo Công an tỉnh, Bộ Chỉ huy Quân "
            "sự tỉnh chủ động nắm chắc tình hình.",
            ["Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh"],
        ),
        # a body's short name in brackets does not end the list of bodies
        (
            "Tập đoàn Công nghiệp Than - Khoáng sản Việt Nam (TKV), Tổng công ty Đông Bắc cân "
            "đối nguồn than.",
            ["Tập đoàn Công nghiệp Than - Khoáng sản Việt Nam", "Tổng công ty Đông Bắc"],
        ),
        (
            "Đề nghị Bộ Quốc phòng chỉ đạo Binh đoàn 12 (Tổng công ty Xây dựng Trường Sơn) và "
            "các doanh nghiệp quân đội tham gia thi công đẩy nhanh tiến độ.",
            ["Binh đoàn 12", "Các doanh nghiệp quân đội tham gia thi công"],
        ),
        # the title before the name, as before
        (
            "Giao đồng chí Phó Chủ tịch UBND tỉnh Trần Văn Hùng trực tiếp chỉ đạo các dự án.",
            ["Ủy ban nhân dân tỉnh Hà Tĩnh"],
        ),
    ],
)
def test_a_comrade_named_before_the_title(sentence: str, lead: list[str]) -> None:
    assert [a.name for a in parse_assignment(sentence, TABLE, "Hà Tĩnh").lead] == lead


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Ban QLDA đầu tư xây dựng công trình giao thông tỉnh đôn đốc nhà thầu.",
            "Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh",
        ),
        (
            "Cục Kinh tế - Quản lý đầu tư xây dựng chủ trì.",
            "Cục Kinh tế - Quản lý đầu tư xây dựng",
        ),
        # a group and its work: "xây dựng" is the verb here
        ("Các chủ đầu tư xây dựng kế hoạch giải ngân.", "Các chủ đầu tư"),
        ("Sở Tài chính giao thông báo cho các xã.", "Sở Tài chính"),
        ("Chỉ đạo các đơn vị phát điện chuẩn bị nhiên liệu.", "Các đơn vị phát điện"),
    ],
)
def test_names_through_words_that_are_verbs_elsewhere(text: str, name: str) -> None:
    assert TABLE.find(text)[0].agency.name == name


NOTICE = """BỘ CÔNG THƯƠNG                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 301/TB-BCT                     Độc lập - Tự do - Hạnh phúc
                                   Hà Nội, ngày 8 tháng 9 năm 2026
THÔNG BÁO
Kết luận của Bộ trưởng tại buổi làm việc với Tổng công ty Điện lực miền Bắc

Bộ trưởng kết luận như sau:

1. Tổng công ty Điện lực miền Bắc khẩn trương hoàn thành các dự án lưới điện 110 kV,
đóng điện trước ngày 30/12/2026.

Thông báo kết luận - Bộ Công Thương                                        Trang 1/2

2. Cục Điện lực chủ trì, phối hợp với Tổng công ty Điện lực miền Bắc rà soát phương án
cấp điện mùa khô, báo cáo Bộ trưởng trong tháng 11/2026.

Nơi nhận:
- Như trên;

BỘ TRƯỞNG

Nguyễn Hồng Diên

Thông báo kết luận - Bộ Công Thương                                        Trang 2/2
"""


def test_a_running_header_printed_with_its_page_is_no_text() -> None:
    tasks = extract_text(NOTICE, "notice.txt", wrapped=True).tasks
    assert [t.text[:30] for t in tasks] == [
        "Tổng công ty Điện lực miền Bắc",
        "Cục Điện lực chủ trì, phối hợp",
    ]
    assert not any("Trang" in t.text for t in tasks)


REGULATION = """BAN CHẤP HÀNH TRUNG ƯƠNG

Số: 401-QĐ/TW

Hà Nội, ngày 2 tháng 3 năm 2027

QUY ĐỊNH
về quản lý hồ sơ điện tử trong các cơ quan đảng

Chương I
QUY ĐỊNH CHUNG

Điều 1. Phạm vi điều chỉnh

Quy định này quy định việc quản lý hồ sơ điện tử trong các cơ quan đảng.

Chương II
TRÁCH NHIỆM

Điều 2. Trách nhiệm của các cơ quan liên quan

1. Đề nghị Đảng ủy Chính phủ lãnh đạo, chỉ đạo Bộ Nội vụ thống nhất định dạng dữ liệu hồ sơ \
điện tử, hoàn thành trong năm 2027; chỉ đạo Ban Cơ yếu Chính phủ cung cấp chứng thư chữ ký số \
chuyên dùng; chỉ đạo Bộ Công an hướng dẫn bảo vệ bí mật nhà nước trên môi trường mạng.

2. Tỉnh ủy, thành ủy xây dựng kế hoạch số hóa hồ sơ lưu trữ, hoàn thành trong năm 2028; chỉ \
đạo các ngành chuyên môn tham mưu bố trí kinh phí thực hiện.

T/M BAN BÍ THƯ

Trần Cẩm Tú
"""


def test_each_body_a_clause_hands_work_to_is_a_task() -> None:
    """ "…; chỉ đạo Ban Cơ yếu Chính phủ …; chỉ đạo Bộ Công an …" names a body of its own in
    each clause (one task each); "…; chỉ đạo các ngành chuyên môn tham mưu …" hands the same
    work to no one in particular (one task with the clause before)."""
    tasks = extract_text(REGULATION, "regulation.txt").tasks
    assert [([a.name for a in t.lead], t.text[:23]) for t in tasks] == [
        (["Bộ Nội vụ"], "Đề nghị Đảng ủy Chính p"),
        (["Ban Cơ yếu Chính phủ"], "chỉ đạo Ban Cơ yếu Chín"),
        (["Bộ Công an"], "chỉ đạo Bộ Công an hướn"),
        (["Tỉnh ủy, thành ủy"], "Tỉnh ủy, thành ủy xây d"),
    ]


MINISTRY_NOTICE = """BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG

Số: 612/TB-BNNMT

Hà Nội, ngày 4 tháng 12 năm 2026

THÔNG BÁO
Kết luận của Thứ trưởng tại cuộc họp về Kế hoạch phát triển thủy sản

Thứ trưởng kết luận như sau:

1. Cục Thủy sản và Kiểm ngư tiếp thu ý kiến góp ý, hoàn thiện dự thảo Kế hoạch, trình Bộ \
trưởng trước ngày 25/12/2026.

2. Cục TS&KN chủ trì, phối hợp với Vụ Pháp chế rà soát các văn bản hướng dẫn, hoàn thành \
trong Quý I/2027.

Nơi nhận:
- Như trên;

KT. BỘ TRƯỞNG
THỨ TRƯỞNG

Phùng Đức Tiến
"""


def test_a_body_abbreviated_by_the_initials_of_its_name() -> None:
    """ "Cục TS&KN" where the notice names "Cục Thủy sản và Kiểm ngư": the same body."""
    tasks = extract_text(MINISTRY_NOTICE, "notice.txt").tasks
    assert [[a.name for a in t.lead] for t in tasks] == [
        ["Cục Thủy sản và Kiểm ngư"],
        ["Cục Thủy sản và Kiểm ngư"],
    ]


@pytest.mark.parametrize(
    ("sentence", "lead"),
    [
        # a unit's name printed in lower case still opens its duty
        (
            "phòng kinh tế chủ trì tổ chức kiểm tra, xử lý các trường hợp lấn chiếm.",
            ["Phòng kinh tế"],
        ),
        (
            "phòng môi trường và biến đổi khí hậu rà soát, tham mưu xử lý.",
            ["Phòng môi trường và biến đổi khí hậu"],
        ),
        ("trung tâm y tế xã phối hợp thực hiện.", ["Trung tâm y tế xã"]),
        # "phòng, chống", "phòng ngừa" are work, not a unit; a head word alone is no one
        ("phòng, chống dịch bệnh hiệu quả.", []),
        ("phòng ngừa sạt lở đất tại các khu dân cư.", []),
        ("cục quản lý khám, chữa bệnh chủ trì.", []),
    ],
)
def test_a_unit_printed_in_lower_case(sentence: str, lead: list[str]) -> None:
    assert [a.name for a in parse_assignment(sentence, TABLE, "Nghệ An").lead] == lead


@pytest.mark.parametrize(
    ("sentence", "lead"),
    [
        # a seat in a body, then the office whose body does the work
        (
            "Đồng chí Ủy viên Ban Thường vụ, Trưởng Ban Xây dựng Đảng chủ trì tham mưu công tác "
            "tổ chức.",
            ["Ban Xây dựng Đảng"],
        ),
        # the comrade's name first, then the titles
        (
            "Đồng chí Nguyễn Văn Tài, Ủy viên Ban Thường vụ, Chỉ huy trưởng Ban Chỉ huy Quân sự "
            "xã tham mưu xây dựng lực lượng dân quân.",
            ["Ban Chỉ huy Quân sự xã"],
        ),
        # … but a comrade described, not given work, is no doer ("…, là cán bộ thuộc diện …")
        (
            "Đồng chí Nguyễn Văn A, Chủ nhiệm Ủy ban Kinh tế của Quốc hội; đồng chí Nguyễn Văn "
            "B, Thứ trưởng Bộ Tài chính, là cán bộ thuộc diện Bộ Chính trị quản lý.",
            [],
        ),
        # what the body goes by, between it and the body it directs
        (
            "Sở Giáo dục và Đào tạo căn cứ diễn biến của bão, lũ chỉ đạo các cơ sở giáo dục cho "
            "học sinh nghỉ học.",
            ["Các cơ sở giáo dục"],
        ),
        ("Sở Tài chính căn cứ quy định hướng dẫn các xã lập dự toán.", ["Sở Tài chính"]),
        # two bodies of one subject both lead
        ("Sở Tài chính, Sở Xây dựng chủ trì rà soát.", ["Sở Tài chính", "Sở Xây dựng"]),
    ],
)
def test_a_comrade_with_several_titles(sentence: str, lead: list[str]) -> None:
    assert [a.name for a in parse_assignment(sentence, TABLE, "Phú Thọ").lead] == lead


CONCLUSIONS = """BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG

Số: 701/TB-BNNMT

Hà Nội, ngày 10 tháng 12 năm 2026

THÔNG BÁO
Kết luận của Thứ trưởng tại cuộc họp về Kế hoạch phát triển lâm nghiệp

Thứ trưởng kết luận như sau:

1. Vụ Kế hoạch - Tài chính chủ trì thẩm định nhu cầu vốn đầu tư công cho các dự án lâm \
nghiệp, hoàn thành trong Quý I/2027. Cục Biến đổi khí hậu chủ trì hướng dẫn việc đo đạc, báo \
cáo kết quả giảm phát thải từ rừng, ban hành trong Quý II/2027.

Nơi nhận:
- Như trên;

KT. BỘ TRƯỞNG
THỨ TRƯỞNG

Nguyễn Quốc Trị
"""


def test_a_sentence_that_opens_with_a_body_chairing_is_a_task_of_its_own() -> None:
    tasks = extract_text(CONCLUSIONS, "notice.txt").tasks
    assert [([a.name for a in t.lead], t.text[:20]) for t in tasks] == [
        (["Vụ Kế hoạch - Tài chính"], "Vụ Kế hoạch - Tài ch"),
        (["Cục Biến đổi khí hậu"], "Cục Biến đổi khí hậu"),
    ]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a district's bodies abbreviated, in documents from before 1/7/2025
        ("UBND huyện Hương Sơn chủ trì.", ["Ủy ban nhân dân huyện Hương Sơn"]),
        ("Công an thị xã Kỳ Anh phối hợp.", ["Công an thị xã Kỳ Anh"]),
        (
            "Yêu cầu UBND huyện Cẩm Xuyên, UBND thị xã Kỳ Anh tập trung giải phóng mặt bằng.",
            ["Ủy ban nhân dân huyện Cẩm Xuyên", "Ủy ban nhân dân thị xã Kỳ Anh"],
        ),
        # as the name written out is read
        ("Ủy ban nhân dân huyện Hương Sơn chủ trì.", ["Ủy ban nhân dân huyện Hương Sơn"]),
        # a district's unit with no name is no body here
        ("UBND huyện chủ trì.", []),
    ],
)
def test_district_bodies_abbreviated(text: str, names: list[str]) -> None:
    assert [m.agency.name for m in TABLE.find(text, "Hà Tĩnh")] == names
