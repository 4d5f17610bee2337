"""Names of groups and branches as real documents print them (sentences written for these
tests, in the shapes of provincial plans and central notices)."""

from __future__ import annotations

import pytest

from policy_lineage.loaders.agencies import default_table
from policy_lineage.loaders.assignment import parse_assignment
from policy_lineage.loaders.pipeline import extract_text

TABLE = default_table()


def leads(sentence: str, province: str | None = "Nghệ An") -> list[str]:
    return [a.name for a in parse_assignment(sentence, TABLE, province).lead]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a capitalised head noun after "các" with a name: each board so named, and the list
        # of bodies after it is read on
        (
            "Đề nghị Văn phòng Tỉnh ủy và các Ban Xây dựng Đảng và Ủy ban Kiểm tra Tỉnh ủy, "
            "Viện kiểm sát nhân dân tỉnh tăng cường công tác bảo vệ bí mật nhà nước.",
            [
                "Văn phòng Tỉnh ủy",
                "Các Ban Xây dựng Đảng",
                "Ủy ban Kiểm tra Tỉnh ủy",
                "Viện kiểm sát nhân dân tỉnh",
            ],
        ),
        (
            "Giao các Ban Quản lý dự án chuyên ngành rà soát tiến độ giải ngân.",
            ["Các Ban Quản lý dự án chuyên ngành"],
        ),
        # in lower case the noun is a group with modifiers, as before
        ("Các ban quản lý dự án rà soát tiến độ giải ngân.", ["Các ban quản lý dự án"]),
        # a group belonging to a named body
        (
            "Hội Liên hiệp Phụ nữ tỉnh và các tổ chức thành viên của Mặt trận tham gia "
            "tuyên truyền.",
            ["Hội Liên hiệp Phụ nữ tỉnh", "Các tổ chức thành viên của Mặt trận"],
        ),
        (
            "Các Ban của Hội đồng nhân dân tỉnh thẩm tra các báo cáo trình kỳ họp.",
            ["Các Ban của Hội đồng nhân dân tỉnh"],
        ),
        # a national body's name in lower case after its first words runs to "Việt Nam"
        (
            "Đề nghị Hiệp hội Nhà thầu xây dựng Việt Nam vận động các doanh nghiệp tham gia.",
            ["Hiệp hội Nhà thầu xây dựng Việt Nam"],
        ),
        # a bank's regional branch is one body, named as printed
        (
            "Ngân hàng Nhà nước Việt Nam - Chi nhánh Khu vực II: Chủ trì, phối hợp triển "
            "khai các nhiệm vụ phát triển kinh tế số.",
            ["Ngân hàng Nhà nước Việt Nam - Chi nhánh Khu vực II"],
        ),
        (
            "Kho bạc nhà nước khu vực XI, Ngân hàng nhà nước chi nhánh khu vực 8 bảo đảm "
            "thanh toán.",
            ["Kho bạc nhà nước khu vực XI", "Ngân hàng nhà nước chi nhánh khu vực 8"],
        ),
        # a noun phrase of two words that ends names elsewhere stays inside a centre's name
        (
            "Trung tâm Chuyển đổi số tỉnh chủ trì, phối hợp với Công an tỉnh bảo đảm an "
            "toàn thông tin.",
            ["Trung tâm Chuyển đổi số tỉnh"],
        ),
        (
            "Viện Nghiên cứu phát triển tỉnh chủ trì thu thập dữ liệu quy hoạch.",
            ["Viện Nghiên cứu phát triển tỉnh"],
        ),
        # "Chính phủ", "số" (digital), "Đăng ký" inside a name end nothing
        (
            "Ban Thường vụ Đảng ủy Chính phủ chỉ đạo xây dựng báo cáo.",
            ["Ban Thường vụ Đảng ủy Chính phủ"],
        ),
        ("Cục Kinh tế số và Xã hội số chủ trì.", ["Cục Kinh tế số và Xã hội số"]),
        ("Cục Tần số vô tuyến điện chủ trì.", ["Cục Tần số vô tuyến điện"]),
        ("Văn phòng Đăng ký đất đai tỉnh chủ trì.", ["Văn phòng Đăng ký đất đai tỉnh"]),
        ("Sở Tài chính số hóa hồ sơ.", ["Sở Tài chính"]),
        # a head named in lower case by what it does and the level it serves is a body
        (
            "Trung tâm chính trị xã, phường, đặc khu căn cứ Quy chế này xây dựng quy chế.",
            ["Trung tâm chính trị xã, phường, đặc khu"],
        ),
        ("Trung tâm y tế huyện chủ trì khám sàng lọc.", ["Trung tâm y tế huyện"]),
        # listed with a body as the subject, a group that names its kind is a lead too; one
        # that names no kind is not
        (
            "Các sở ngành liên quan, Viện Nghiên cứu phát triển tỉnh cung cấp dữ liệu.",
            ["Các sở ngành liên quan", "Viện Nghiên cứu phát triển tỉnh"],
        ),
        ("Sở Tài chính và các cơ quan, đơn vị liên quan thực hiện.", ["Sở Tài chính"]),
        # a subject after an office title that names no body: the title's comma is no gap
        (
            "Chủ tịch Hội đồng thành viên, Tổng giám đốc các Tập đoàn, Tổng công ty nhà nước "
            "chỉ đạo đẩy nhanh tiến độ.",
            ["Các Tập đoàn, Tổng công ty nhà nước"],
        ),
        # one name with two numbers is two bodies
        (
            "Chỉ đạo các Khu Quản lý đường bộ III và IV phân luồng giao thông.",
            ["Khu Quản lý đường bộ III", "Khu Quản lý đường bộ IV"],
        ),
        ("Quân khu 5 và 7 tổ chức diễn tập.", ["Quân khu 5", "Quân khu 7"]),
        # but the same words after a body's name are its work
        ("Sở Tài chính phát triển hệ thống thanh toán số.", ["Sở Tài chính"]),
        ("Sở Khoa học và Công nghệ chuyển đổi số các quy trình.", ["Sở Khoa học và Công nghệ"]),
        # a group spelt another way is written as it commonly is (rules: name_spellings)
        ("UBND các tỉnh/ thành phố kiểm kê khí thải.", ["Ủy ban nhân dân các tỉnh, thành phố"]),
        (
            "Các sở, ban ngành và UBND các xã/phường rà soát giếng khoan.",
            ["Các sở, ban, ngành", "Ủy ban nhân dân các xã, phường"],
        ),
        # a Party committee of a level, and its organs, named by the level
        (
            "Ban thường vụ cấp ủy cấp tỉnh chỉ đạo tổ chức thực hiện Quy chế.",
            ["Ban thường vụ cấp ủy cấp tỉnh"],
        ),
        ("Cấp ủy các cấp lãnh đạo, chỉ đạo việc lưu trữ tài liệu.", ["Cấp ủy các cấp"]),
        (
            "Ủy ban kiểm tra cấp ủy cấp xã kiểm tra việc thực hiện.",
            ["Ủy ban kiểm tra cấp ủy cấp xã"],
        ),
        # a Party organ named by its role, no level after it, stands alone (rules: role_bodies)
        (
            "Văn phòng cấp ủy tham mưu giúp cấp ủy thu thập, chỉnh lý tài liệu.",
            ["Văn phòng cấp ủy"],
        ),
        ("Chi bộ tổ chức sinh hoạt chuyên đề hằng quý.", ["Chi bộ"]),
        ("Ủy ban kiểm tra các cấp kiểm tra việc thực hiện.", ["Ủy ban kiểm tra các cấp"]),
        # with the groups listed after it, one group as printed
        (
            "Cấp ủy, tổ chức đảng các cấp lãnh đạo thực hiện nghiêm Quy định này.",
            ["Cấp ủy, tổ chức đảng các cấp"],
        ),
        # but not a committee named in the work ("… của cấp ủy"), nor its members
        ("Đảng viên thực hiện theo sự chỉ đạo của cấp ủy.", []),
        ("Phân công đồng chí cấp ủy viên dự sinh hoạt chi bộ.", []),
        # the places below a commune a group names (rules: village_units)
        ("Các chi bộ thôn, tổ dân phố xây dựng kế hoạch.", ["Các chi bộ thôn, tổ dân phố"]),
        ("Chi bộ thôn, tổ dân phố tổ chức sinh hoạt.", ["Chi bộ thôn, tổ dân phố"]),
        # an organ of each committee of a group
        (
            "Ban tổ chức các tỉnh ủy, thành ủy trực thuộc Trung ương tham mưu cấp ủy.",
            ["Ban tổ chức các tỉnh ủy, thành ủy trực thuộc Trung ương"],
        ),
        # the Party committees of the provinces named after them
        (
            "Đề nghị các tỉnh ủy Gia Lai, Lạng Sơn hướng dẫn việc sinh hoạt.",
            ["Tỉnh ủy Gia Lai", "Tỉnh ủy Lạng Sơn"],
        ),
        # a name ends with its place's name
        (
            "Đề nghị Thành ủy Huế, Thành ủy Đà Nẵng thí điểm sinh hoạt chi bộ theo chuyên đề.",
            ["Thành ủy Huế", "Thành ủy Đà Nẵng"],
        ),
        # a group of places goes on through what they have, up to the verb of its work
        (
            "Ủy ban nhân dân các tỉnh, thành phố có dự án đi qua bố trí đủ vốn.",
            ["Ủy ban nhân dân các tỉnh, thành phố có dự án đi qua"],
        ),
        ("Các tỉnh có trách nhiệm kiểm tra.", ["Các tỉnh"]),
        (
            "Đề nghị Chủ tịch Ủy ban nhân dân các tỉnh, thành phố có dự án đi qua:",
            ["Ủy ban nhân dân các tỉnh, thành phố có dự án đi qua"],
        ),
        ("Các hiệp hội ngành hàng vận động hội viên.", ["Các hiệp hội ngành hàng"]),
        ("Các địa phương có kế hoạch cụ thể để triển khai.", ["Các địa phương"]),
        # a Party cell of a named body is one body; the chain goes on to the body it leads
        (
            "Chi bộ Công an phường lãnh đạo Công an phường triển khai Đề án 06.",
            ["Công an phường"],
        ),
        # where a group is (rules: group_qualifiers)
        (
            "Các cấp ủy, tổ chức đảng, cơ quan, đơn vị trong Đảng bộ phường sử dụng hệ thống.",
            ["Các cấp ủy, tổ chức đảng, cơ quan, đơn vị trong Đảng bộ phường"],
        ),
        ("Các sở, ngành trong tỉnh triển khai thực hiện.", ["Các sở, ngành trong tỉnh"]),
        # schools by the levels listed after them (rules: school_levels, abbreviations)
        (
            "Các trường Tiểu học, THCS trên địa bàn xã triển khai học bạ số.",
            ["Các trường Tiểu học, Trung học cơ sở trên địa bàn xã"],
        ),
        ("Các trường tiểu học tổ chức tuyên truyền.", ["Các trường tiểu học"]),
        # a corporation's branch in a province, as printed; a provincial telecom or power unit
        (
            "Viettel Bắc Ninh; VNPT Bắc Ninh phủ sóng di động.",
            ["Viettel Bắc Ninh", "VNPT Bắc Ninh"],
        ),
        ("Viễn thông Lào Cai ưu tiên bố trí lực lượng kỹ thuật.", ["Viễn thông Lào Cai"]),
        ("Điện lực Quảng Trị bảo đảm cấp điện.", ["Điện lực Quảng Trị"]),
        # a division of a Party board; a member of a committee stands for it
        ("Phòng Dân vận nắm tình hình Nhân dân.", ["Phòng Dân vận"]),
        (
            "Thành viên Ban Chỉ huy PTDS tỉnh theo dõi địa bàn được phân công.",
            ["Ban Chỉ huy Phòng thủ dân sự tỉnh"],
        ),
        # a named group after "và các" is not part of the group before it, and a group of
        # its own
        (
            "Ủy ban Mặt trận Tổ quốc Việt Nam các xã, phường và các Ban Công tác Mặt trận tuyên "
            "truyền.",
            ["Ủy ban Mặt trận Tổ quốc Việt Nam các xã, phường", "Các Ban Công tác Mặt trận"],
        ),
        # a military branch is a body (rules: body_heads)
        ("Binh chủng Công binh hỗ trợ rà phá bom mìn.", ["Binh chủng Công binh"]),
        # a body with no place after a group of local authorities that directs it
        (
            "Đề nghị Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương chỉ đạo Sở "
            "Xây dựng rà soát nhu cầu nhà ở.",
            ["Sở Xây dựng các tỉnh, thành phố trực thuộc Trung ương"],
        ),
        (
            "Ủy ban nhân dân các xã, phường chỉ đạo Công an xã kiểm tra.",
            ["Công an các xã, phường"],
        ),
        # where a group with modifiers works is part of its name as printed
        (
            "Các đơn vị cấp nước sạch trên địa bàn tỉnh tiếp tục đầu tư mạng lưới.",
            ["Các đơn vị cấp nước sạch trên địa bàn tỉnh"],
        ),
        # a heading that is all subject names the group with all its words
        (
            "Các tổ chức, cá nhân khai thác nước dưới đất trên địa bàn có trách nhiệm:",
            ["Các tổ chức, cá nhân khai thác nước dưới đất trên địa bàn"],
        ),
        ("Các chủ rừng là tổ chức (các Ban quản lý rừng phòng hộ)", ["Các chủ rừng là tổ chức"]),
        # but not what the group is to do
        ("Các cơ quan, đơn vị phối hợp thực hiện các nội dung sau:", ["Các cơ quan, đơn vị"]),
        ("Các doanh nghiệp tổ chức thực hiện kế hoạch.", ["Các doanh nghiệp"]),
        # "tuân thủ" is what the group does, not part of its name
        ("Các cơ sở sản xuất tuân thủ quy chuẩn khí thải.", ["Các cơ sở sản xuất"]),
        # the same noun again with other modifiers: a group of each kind
        (
            "Các doanh nghiệp bưu chính, doanh nghiệp viễn thông bảo đảm thông suốt.",
            ["Các doanh nghiệp bưu chính", "Các doanh nghiệp viễn thông"],
        ),
        (
            "Các hợp tác xã thủy sản và hợp tác xã dịch vụ đăng ký tham gia chương trình.",
            ["Các hợp tác xã thủy sản", "Các hợp tác xã dịch vụ"],
        ),
        (
            "Chỉ đạo các tổ chức tín dụng, tổ chức trung gian thanh toán rà soát giao dịch.",
            ["Các tổ chức tín dụng", "Các tổ chức trung gian thanh toán"],
        ),
        # a bank's branches and offices, and the country's missions abroad (session 24)
        (
            "Chỉ đạo các chi nhánh, phòng giao dịch tăng cường tiếp cận doanh nghiệp.",
            ["Các chi nhánh, phòng giao dịch"],
        ),
        (
            "Các chi nhánh tổ chức tín dụng trên địa bàn báo cáo dư nợ hằng tháng.",
            ["Các chi nhánh tổ chức tín dụng trên địa bàn"],
        ),
        (
            "Chỉ đạo các Cơ quan đại diện Việt Nam ở nước ngoài tăng cường kết nối đối tác.",
            ["Các Cơ quan đại diện Việt Nam ở nước ngoài"],
        ),
        # a kind of party after "Các chủ đầu tư," written with capitals, but no name
        (
            "Các chủ đầu tư, Ban Quản lý dự án báo cáo tiến độ giải ngân hằng tháng.",
            ["Các chủ đầu tư", "Các ban quản lý dự án"],
        ),
        (
            "Các chủ đầu tư, Ban Quản lý dự án Đường sắt báo cáo tiến độ giải ngân.",
            ["Các chủ đầu tư", "Ban Quản lý dự án Đường sắt"],
        ),
        # a body of "các xã" followed by the communes' names: the body of each commune
        (
            "Ủy ban nhân dân các xã Ia Grai, Chư Păh và phường Pleiku hoàn thành bàn giao "
            "mặt bằng.",
            [
                "Ủy ban nhân dân xã Ia Grai",
                "Ủy ban nhân dân xã Chư Păh",
                "Ủy ban nhân dân phường Pleiku",
            ],
        ),
        (
            "UBND các xã: Krông Pa, Ia Rsai rà soát danh sách hộ dân.",
            ["Ủy ban nhân dân xã Krông Pa", "Ủy ban nhân dân xã Ia Rsai"],
        ),
        # a people's council's organs, the council named once at the end: each of them
        (
            "Giao Thường trực Hội đồng nhân dân, các Ban của Hội đồng nhân dân, các Tổ đại "
            "biểu và đại biểu Hội đồng nhân dân tỉnh giám sát việc thực hiện Nghị quyết.",
            [
                "Thường trực Hội đồng nhân dân tỉnh",
                "Các Ban của Hội đồng nhân dân tỉnh",
                "Các Tổ đại biểu Hội đồng nhân dân tỉnh",
                "Đại biểu Hội đồng nhân dân tỉnh",
            ],
        ),
        # "qua …" (by way of) ends a group's words
        (
            "Các doanh nghiệp viễn thông qua đường dây nóng hỗ trợ người dân.",
            ["Các doanh nghiệp viễn thông"],
        ),
        # the levels of schools listed after a first one in lower case
        (
            "Chỉ đạo các trường mầm non, tiểu học, trung học cơ sở trên địa bàn tổ chức dạy "
            "kỹ năng số.",
            ["Các trường mầm non, tiểu học, trung học cơ sở trên địa bàn"],
        ),
        ("Các trường mầm non tổ chức tuyên truyền.", ["Các trường mầm non"]),
        # a mass organisation "các cấp": all its levels, one group
        ("Công đoàn các cấp vận động người lao động tham gia.", ["Công đoàn các cấp"]),
        (
            "Đề nghị Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam chỉ đạo Mặt trận Tổ quốc Việt "
            "Nam các cấp tăng cường giám sát.",
            ["Mặt trận Tổ quốc Việt Nam các cấp"],
        ),
        (
            "Đoàn Thanh niên Cộng sản Hồ Chí Minh các cấp tổ chức ra quân.",
            ["Đoàn Thanh niên Cộng sản Hồ Chí Minh các cấp"],
        ),
        # a body's groups end where another "các …" begins
        (
            "Ủy ban nhân dân các xã, phường và các chủ đầu tư rà soát hồ sơ bồi thường.",
            ["Ủy ban nhân dân các xã, phường", "Các chủ đầu tư"],
        ),
        # a city's committee with its own name, then "các tỉnh …": no places shared
        (
            "Đề nghị Ủy ban nhân dân thành phố Hải Phòng và Ủy ban nhân dân các tỉnh "
            "Quảng Ninh, Hưng Yên hoàn thành giải phóng mặt bằng.",
            [
                "Ủy ban nhân dân thành phố Hải Phòng",
                "Ủy ban nhân dân tỉnh Quảng Ninh",
                "Ủy ban nhân dân tỉnh Hưng Yên",
            ],
        ),
    ],
)
def test_group_and_branch_names(sentence: str, expected: list[str]) -> None:
    assert sorted(leads(sentence)) == sorted(expected)


def test_the_departments_of_a_name_the_table_knows() -> None:
    """ "chỉ đạo các Sở Công Thương phối hợp …": the departments of industry and trade of
    every province, a group named by the body the table knows (not the bare "các Sở")."""
    assert leads("Bộ Công Thương chỉ đạo các Sở Công Thương kiểm tra thị trường.") == [
        "Các Sở Công Thương"
    ]


def test_a_body_the_table_knows_after_cac_is_left_to_the_table() -> None:
    """ "các Sở Xây dựng nêu trên" names departments the table knows: not a new group of
    boards named "Xây dựng nêu"."""
    names = [m.agency.name for m in TABLE.find("4. Các Sở Xây dựng nêu trên", None)]
    assert not any("nêu" in n for n in names)


def _page(heading_lines: list[str]) -> str:
    head = [
        "**ỦY BAN NHÂN DÂN**",
        "",
        "**THÀNH PHỐ HỒ CHÍ MINH**",
        "",
        "Số: 99/KH-UBND",
        "",
        "**KẾ HOẠCH**",
        "",
        "**Thực hiện công tác bình đẳng giới năm 2026**",
        "",
        "**I. TỔ CHỨC THỰC HIỆN**",
        "",
        "**1. Sở Nội vụ**",
        "",
        "- Chủ trì theo dõi, tổng hợp kết quả",
        "thực hiện Kế hoạch này.",
        "",
    ]
    tail = [
        "",
        "- Tham gia tuyên truyền về bình đẳng",
        "giới trong hội viên.",
        "",
        "**3. Ủy ban nhân dân phường, xã**",
        "",
        "- Xây dựng kế hoạch thực hiện tại",
        "địa phương.",
        "",
    ]
    return "\n".join(head + heading_lines + tail)


def test_a_bold_heading_broken_into_two_bold_paragraphs_is_one_heading() -> None:
    """A saved page whose paragraphs are separated by blank lines breaks a long bold
    heading where the source line broke: both bold parts name the bodies of its items."""
    page = _page(
        [
            "**2. Đề nghị Ủy ban Mặt trận",
            "Tổ quốc Việt Nam Thành phố, Hội Liên hiệp**",
            "",
            "**Phụ nữ Thành phố và các tổ",
            "chức thành viên của Mặt trận**",
        ]
    )
    tasks = extract_text(page, "kh.md").tasks
    by_word = {t.text.split()[0]: [a.name for a in t.lead] for t in tasks}
    assert by_word["Tham"] == [
        "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố",
        "Hội Liên hiệp Phụ nữ thành phố",
        "Các tổ chức thành viên của Mặt trận",
    ]
    assert by_word["Chủ"] == ["Sở Nội vụ"]
    assert by_word["Xây"] == ["Ủy ban nhân dân phường, xã"]


def test_two_bold_headings_in_a_row_stay_two() -> None:
    """A bold heading that ends with its stop, or a next bold paragraph that is a numbered
    heading of its own, is not joined."""
    page = _page(["**2. Hội Liên hiệp Phụ nữ Thành phố:**", "", "**Tham gia tuyên truyền**"])
    tasks = extract_text(page, "kh.md").tasks
    assert any(t.text.startswith("Tham gia tuyên truyền về") for t in tasks)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Cục Quản lý Khám, chữa bệnh chủ trì hướng dẫn các bệnh viện.",
         ["Cục Quản lý Khám, chữa bệnh"]),
        ("Cục Phòng, chống HIV/AIDS phối hợp triển khai.", ["Cục Phòng, chống HIV/AIDS"]),
        ("Ban Chỉ đạo phòng, chống tham nhũng, lãng phí, tiêu cực tỉnh theo dõi, đôn đốc.",
         ["Ban Chỉ đạo phòng, chống tham nhũng, lãng phí, tiêu cực tỉnh"]),
        # a comma and a lower-case word that is no such pair still ends the name
        ("Trung tâm Dịch vụ việc làm, hướng dẫn người lao động đăng ký.",
         ["Trung tâm Dịch vụ việc làm"]),
    ],
)  # fmt: skip
def test_words_a_comma_joins_inside_a_name(sentence: str, expected: list[str]) -> None:
    """ "phòng, chống", "khám, chữa" (rules data, name_comma_pairs) go on inside a name."""
    assert leads(sentence, "Cà Mau") == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Ủy ban nhân dân các tỉnh vùng Đồng bằng sông Cửu Long chủ động bố trí nguồn cát.",
         ["Ủy ban nhân dân các tỉnh vùng Đồng bằng sông Cửu Long"]),
        ("Bộ Công an chỉ đạo Công an các địa phương vùng Đồng bằng sông Cửu Long kiểm tra.",
         ["Công an các địa phương vùng Đồng bằng sông Cửu Long"]),
        ("Các địa phương khu vực Tây Nguyên rà soát diện tích rừng.",
         ["Các địa phương khu vực Tây Nguyên"]),
        # no region after the group: as before
        ("Các địa phương rà soát diện tích rừng.", ["Các địa phương"]),
        # a group's modifier that is a kind of place goes on through the places after it
        ("Các đảng ủy xã, phường lãnh đạo chính quyền cấp xã bảo đảm quỹ đất.",
         ["Các đảng ủy xã, phường"]),
        ("Các trạm y tế xã, phường và đặc khu tổ chức tiêm chủng.",
         ["Các trạm y tế xã, phường và đặc khu"]),
    ],
)  # fmt: skip
def test_a_group_of_places_in_a_region(sentence: str, expected: list[str]) -> None:
    """ "(vùng, khu vực, miền) Đồng bằng sông Cửu Long" (rules data, region_names) goes on
    the group's name."""
    assert leads(sentence, None) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # office holders of two kinds of body: two groups, not one list
        ("Chủ tịch Ủy ban nhân dân các tỉnh, Giám đốc các sở tham gia tập huấn.",
         ["Ủy ban nhân dân các tỉnh", "Các sở"]),
        ("Chủ tịch Hội đồng quản trị các tập đoàn kinh tế chỉ đạo rà soát.",
         ["Các tập đoàn kinh tế"]),
        # heads of the parts of one group: one group, as before
        ("Giám đốc các sở, Thủ trưởng các ban, ngành tỉnh tập trung chỉ đạo.",
         ["Các sở, ban, ngành tỉnh"]),
    ],
)  # fmt: skip
def test_office_holders_of_groups(sentence: str, expected: list[str]) -> None:
    assert leads(sentence, None) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a group's noun written once with two modifiers: one group, as printed
        ("Sở Văn hóa chỉ đạo các cơ quan báo chí, xuất bản tuyên truyền về Đề án.",
         ["Các cơ quan báo chí, xuất bản"]),
        ("Đề nghị các doanh nghiệp viễn thông, internet phối hợp bảo đảm hạ tầng.",
         ["Các doanh nghiệp viễn thông, internet"]),
        ("Các cơ sở khám bệnh, chữa bệnh trên địa bàn triển khai bệnh án điện tử.",
         ["Các cơ sở khám bệnh, chữa bệnh trên địa bàn"]),
        ("Sở Xây dựng chỉ đạo các đơn vị quản lý đường bộ, đường sắt kiểm tra biển báo.",
         ["Các đơn vị quản lý đường bộ, đường sắt"]),
        # another noun of a group after the comma, in small letters: one group as printed,
        # each noun with its own modifiers (not the first kind alone, the rest dropped)
        ("Giao các doanh nghiệp viễn thông, tổ chức tín dụng triển khai thanh toán số.",
         ["Các doanh nghiệp viễn thông, tổ chức tín dụng"]),
        ("Các doanh nghiệp viễn thông, cá nhân liên quan thực hiện nghiêm quy định.",
         ["Các doanh nghiệp viễn thông, cá nhân liên quan"]),
        ("Đề nghị các cơ quan hành chính, đơn vị sự nghiệp sử dụng ngân sách nhà nước thực "
         "hiện tiết kiệm điện.",
         ["Các cơ quan hành chính, đơn vị sự nghiệp sử dụng ngân sách nhà nước"]),
        # a body named after the comma is not part of the group
        ("Giao các doanh nghiệp viễn thông, Sở Khoa học và Công nghệ triển khai.",
         ["Các doanh nghiệp viễn thông", "Sở Khoa học và Công nghệ"]),
        # a verb after the comma: the group's work, as before
        ("Các doanh nghiệp viễn thông, rà soát và báo cáo trước ngày 15/12/2025.",
         ["Các doanh nghiệp viễn thông"]),
        # no work right after the piece: a list of things, the group left as it was
        ("Phối hợp với các cơ quan báo chí, đài truyền thanh xã và Sở Tư pháp.", []),
    ],
)  # fmt: skip
def test_a_group_noun_with_a_second_modifier(sentence: str, expected: list[str]) -> None:
    assert leads(sentence, None) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "trong hệ thống chính trị (xã, của tỉnh …)" ends a group's name, as "trong tỉnh" does
        ("Các cơ quan, đơn vị trong hệ thống chính trị xã lồng ghép nội dung chuyển đổi số.",
         ["Các cơ quan, đơn vị trong hệ thống chính trị xã"]),
        ("Giao các cơ quan, đơn vị trong hệ thống chính trị của tỉnh tổ chức học tập.",
         ["Các cơ quan, đơn vị trong hệ thống chính trị của tỉnh"]),
        ("Các cơ quan, tổ chức trong hệ thống chính trị gương mẫu thực hiện.",
         ["Các cơ quan, tổ chức trong hệ thống chính trị"]),
    ],
)  # fmt: skip
def test_a_group_in_the_political_system(sentence: str, expected: list[str]) -> None:
    assert leads(sentence, None) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "các" before a body named by its shape, or a regional office: every one of that kind
        ("Cục Thuế yêu cầu các Chi cục Thuế khu vực rà soát hồ sơ.",
         ["Các Chi cục Thuế khu vực"]),
        ("Yêu cầu các Chi cục Thuế khu vực rà soát hồ sơ.", ["Các Chi cục Thuế khu vực"]),
        ("Các Chi cục Thuế khu vực I, II, III, IV, V rà soát hồ sơ.",
         ["Các Chi cục Thuế khu vực"]),
        # numbered bodies are each one, as before
        ("Chỉ đạo các Khu Quản lý đường bộ III và IV phối hợp kiểm tra.",
         ["Khu Quản lý đường bộ III", "Khu Quản lý đường bộ IV"]),
        # ministries the table knows by name are not a kind
        ("Đề nghị các Bộ Công an, Quốc phòng phối hợp rà soát.", ["Bộ Công an", "Bộ Quốc phòng"]),
        # inspection and audit teams stand alone as the bodies of their role
        ("Đoàn kiểm tra có trách nhiệm báo cáo kết quả kiểm tra.", ["Đoàn kiểm tra"]),
        ("Đoàn kiểm toán tổ chức khảo sát, thu thập thông tin tại các đơn vị.",
         ["Đoàn kiểm toán"]),
        ("Các Tổ kiểm toán thực hiện kiểm toán theo đúng Kế hoạch.", ["Các Tổ kiểm toán"]),
        # one team of several, by its number
        ("Tổ kiểm toán số 1 thực hiện kiểm toán tại thành phố Đà Nẵng.", ["Tổ kiểm toán số 1"]),
        ("Đoàn kiểm tra số 2 làm việc với Ủy ban nhân dân xã.", ["Đoàn kiểm tra số 2"]),
        # "KTNN", "KV" written out
        ("Văn phòng KTNN KV IV bảo đảm kinh phí cho Đoàn kiểm toán.",
         ["Văn phòng Kiểm toán nhà nước khu vực IV"]),
        # a faculty or a clinical department is a body; "các khoa" a group
        ("Khoa Công nghệ thông tin phối hợp với Trung tâm Thông tin - Thư viện xây dựng học "
         "liệu số.", ["Khoa Công nghệ thông tin"]),
        ("Các khoa, phòng chức năng rà soát quy trình khám bệnh.",
         ["Các khoa, phòng chức năng"]),
        # "Khoa học" opens no body
        ("Khoa học và công nghệ là đột phá quan trọng hàng đầu.", []),
        # the Youth Union's committees as a group under their standing board
        ("Đề nghị Ban Thường vụ các tỉnh đoàn, thành đoàn báo cáo kết quả.",
         ["Ban Thường vụ các tỉnh đoàn, thành đoàn"]),
        # in Hà Nội's document too, though "thành đoàn" alone is the city's own
        ("Đề nghị Ban Thường vụ các tỉnh đoàn, thành đoàn báo cáo kết quả.",
         ["Ban Thường vụ các tỉnh đoàn, thành đoàn"]),
        # "Dân chủ" inside a board's name
        ("Ban Dân chủ, Giám sát và Phản biện xã hội chủ trì tổ chức giám sát.",
         ["Ban Dân chủ, Giám sát và Phản biện xã hội"]),
        # not when "chủ" opens "chủ trì": "… nông dân chủ trì"
        ("Trung tâm Hỗ trợ nông dân chủ trì, phối hợp với Sở Nông nghiệp xây dựng mô hình.",
         ["Trung tâm Hỗ trợ nông dân"]),
    ],
)  # fmt: skip
def test_kinds_of_bodies_of_other_organisations(sentence: str, expected: list[str]) -> None:
    assert leads(sentence, None) == expected
    if "thành đoàn" in sentence:
        assert leads(sentence, "Hà Nội") == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # staff by their post, then the work they do: the doer, as printed
        ("Giáo viên chủ nhiệm các lớp cập nhật đầy đủ thông tin học sinh.",
         ["Giáo viên chủ nhiệm các lớp"]),
        ("Nhân viên thư viện số hóa sách giáo khoa.", ["Nhân viên thư viện"]),
        ("Cán bộ, công chức xã rà soát hồ sơ.", ["Cán bộ, công chức xã"]),
        # bare kinds of people doing work are no doer (a duty needs "có trách nhiệm", "phải")
        ("Cán bộ, công chức thực hiện các biện pháp bảo đảm an toàn thông tin.", []),
        ("Cán bộ, công chức có trách nhiệm bảo đảm an toàn thông tin.",
         ["Cán bộ, công chức"]),
        # a team of a school, a hospital or a company named after "Tổ"; not "Tổ chức"
        ("Tổ Văn phòng phối hợp với VNPT Phú Thọ cấp chữ ký số.", ["Tổ Văn phòng"]),
        ("Tổ Toán - Tin xây dựng học liệu số.", ["Tổ Toán - Tin"]),
        ("Các tổ chuyên môn đánh giá việc ứng dụng công nghệ.", ["Các tổ chuyên môn"]),
        ("Tổ chức hội nghị quán triệt Kế hoạch.", []),
        ("Mặt trận Tổ quốc tỉnh giám sát việc thực hiện.", ["Mặt trận Tổ quốc Việt Nam"]),
        # a head of the offices written to hands the work to the teams ("Đội …") under them
        ("Chi cục trưởng chỉ đạo các Đội Thuế cấp huyện phối hợp với Ủy ban nhân dân cấp xã "
         "rà soát hộ kinh doanh.", ["Các Đội Thuế cấp huyện"]),
        ("Đội ngũ cán bộ được đào tạo bài bản.", []),
        # a post office of every province
        ("Đề nghị Bưu điện các tỉnh, thành phố chủ động làm việc với các xã.",
         ["Bưu điện các tỉnh, thành phố"]),
    ],
)  # fmt: skip
def test_staff_and_post_offices(sentence: str, expected: list[str]) -> None:
    assert leads(sentence, None) == expected


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        # a word ending in a body's head word ("cán bộ", "cơ sở", "đồng bộ") names no body
        ("Đào tạo cán bộ y tế tuyến xã.", []),
        ("Kiểm tra tại cơ sở y tế trên địa bàn.", []),
        ("Triển khai đồng bộ tài chính và kế hoạch.", []),
        ("Phòng Tổ chức cán bộ xây dựng bộ tiêu chí đánh giá.", ["Phòng Tổ chức cán bộ"]),
        # the body itself, even in small letters, as before
        ("Phối hợp với bộ tài chính rà soát.", ["Bộ Tài chính"]),
        ("Sở Y tế và Bộ Y tế phối hợp.", ["Sở Y tế", "Bộ Y tế"]),
    ],
)  # fmt: skip
def test_no_body_inside_a_compound_word(sentence: str, names: list[str]) -> None:
    assert [m.agency.name for m in TABLE.find(sentence, "Nghệ An")] == names
