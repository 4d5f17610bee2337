"""Bodies, leads and tasks as real documents write them: tables of sentences and facts.

The sentences are written for these tests (none is copied from a document of the corpus).
Each row states one rule a user relies on: an office holder stands for the body, a body no
table lists is still a body, a group stays a group, a field block gives the task's facts, a
regulation's rules are not tasks, a letter's items are done by its addressees.
"""

from __future__ import annotations

import pytest

from policy_lineage.loaders.agencies import AgencyTable
from policy_lineage.loaders.assignment import parse_assignment
from policy_lineage.loaders.fields import is_field_line, split_fields
from policy_lineage.loaders.pipeline import extract_text

TABLE = AgencyTable.load()


def names(text: str, province: str | None = "Bắc Ninh") -> list[str]:
    return [m.agency.name for m in TABLE.find(text, province)]


def lead(text: str, province: str | None = "Bắc Ninh") -> list[str]:
    return [a.name for a in parse_assignment(text, TABLE, province).lead]


# ----------------------------------------------------------------- bodies by shape, groups
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # bodies no table lists, by their head word and capitalised name
        ("Tập đoàn Xăng dầu Miền Trung chủ trì cung ứng.", ["Tập đoàn Xăng dầu Miền Trung"]),
        ("Viện Nghiên cứu Văn hóa, Nghệ thuật và Du lịch phối hợp.",
         ["Viện Nghiên cứu Văn hóa, Nghệ thuật và Du lịch"]),
        ("Ban Quản lý dự án 12 khẩn trương hoàn thành.", ["Ban Quản lý dự án 12"]),
        # a regional office of a body the table knows keeps its region
        ("Kho bạc Nhà nước khu vực XI và Thuế tỉnh phối hợp.",
         ["Kho bạc Nhà nước khu vực XI", "Thuế tỉnh"]),
        # a name read by shape stops before the next body the table knows
        ("Chi cục Kiểm lâm vùng IV, BHXH tỉnh kiểm tra.",
         ["Chi cục Kiểm lâm vùng IV", "Bảo hiểm xã hội tỉnh"]),
        # a body the table knows inside a longer name read by shape is part of that name
        ("Ban Chỉ huy Bộ đội Biên phòng tỉnh tuần tra khu vực biên giới.",
         ["Ban Chỉ huy Bộ đội Biên phòng tỉnh"]),
        # a group of several nouns, each with its modifiers
        ("Các cơ quan truyền thông, báo chí đưa tin kịp thời.",
         ["Các cơ quan truyền thông, báo chí"]),
        ("Cục Quản lý thị trường tỉnh và Sở Công Thương kiểm tra.",
         ["Cục Quản lý thị trường tỉnh", "Sở Công Thương"]),
        # a compound noun is not a body ("nhiệm vụ", "dịch vụ")
        ("Thực hiện nhiệm vụ Trọng tâm năm 2026.", []),
        # groups, as printed
        ("Các doanh nghiệp bưu chính bảo đảm thông tin.", ["Các doanh nghiệp bưu chính"]),
        # the units of one body are one group, not a group cut at "thuộc" and the body
        ("Các Ban Quản lý dự án thuộc Bộ Xây dựng tăng ca.",
         ["Các Ban Quản lý dự án thuộc Bộ Xây dựng"]),
        ("Các cơ quan trực thuộc Bộ Y tế triển khai.", ["Các cơ quan trực thuộc Bộ Y tế"]),
        ("Các cơ quan chuyên môn Bộ Quốc phòng triển khai.",
         ["Các cơ quan chuyên môn Bộ Quốc phòng"]),
        ("Các cơ quan, đơn vị và Bộ Y tế triển khai.", ["Các cơ quan, đơn vị", "Bộ Y tế"]),
        # a body named by its shape after a group's nouns is not one of them
        ("Các chủ đầu tư, Ban Quản lý dự án Giao thông rà soát.",
         ["Các chủ đầu tư", "Ban Quản lý dự án Giao thông"]),
        ("Các sở, Ban, ngành tỉnh rà soát.", ["Các sở, ban, ngành tỉnh"]),
        # a body in each of a group: not a name running on into "các bộ"
        ("Ban Chỉ đạo 127 các bộ, ngành, địa phương kiểm tra.",
         ["Ban Chỉ đạo 127 các bộ, ngành, địa phương"]),
        ("Lực lượng Kiểm ngư tăng cường tuần tra.", ["Lực lượng Kiểm ngư"]),
        # a name that holds a word that ends names elsewhere ("lập", "chuẩn")
        ("Các trường mầm non công lập rà soát đội ngũ.", ["Các trường mầm non công lập"]),
        ("Chi cục Tiêu chuẩn Đo lường Chất lượng tham mưu.",
         ["Chi cục Tiêu chuẩn Đo lường Chất lượng"]),
        # an old name with the new one in brackets names both
        ("Sở Thông tin và Truyền thông (nay là Sở Khoa học và Công nghệ) chủ trì.",
         ["Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ"]),
        # a Party board of every province and city, as printed; a special zone's name
        ("Ban Tổ chức tỉnh ủy, thành ủy hướng dẫn quy trình.",
         ["Ban Tổ chức tỉnh ủy, thành ủy"]),
        ("Ủy ban nhân dân các xã, phường, đặc khu Bạch Long Vĩ tổ chức.",
         ["Ủy ban nhân dân các xã, phường, đặc khu Bạch Long Vĩ"]),
        ("Ban Tổ chức Tỉnh ủy, Sở Nội vụ tham mưu.", ["Ban Tổ chức Tỉnh ủy", "Sở Nội vụ"]),
        ("Ủy ban nhân dân phường, xã, đặc khu tổ chức.", ["Ủy ban nhân dân phường, xã, đặc khu"]),
        ("Sở Y tế các tỉnh, thành phố trực thuộc Trung ương báo cáo.",
         ["Sở Y tế các tỉnh, thành phố trực thuộc Trung ương"]),
        # a body the table knows, listed after a group, stays itself; the table
        # canonicalises the groups it knows
        ("Các sở, ngành và Công an tỉnh triển khai.", ["Các sở, ngành", "Công an tỉnh"]),
        # a commune's name may end in a word that elsewhere opens a verb ("Tiến", "Lập")
        ("Ủy ban nhân dân xã Gia Tiến và UBND xã Tân Lập triển khai.",
         ["Ủy ban nhân dân xã Gia Tiến", "Ủy ban nhân dân xã Tân Lập"]),
        # party committees and governments as one group
        ("Các cấp ủy, tổ chức đảng, chính quyền các cấp tập trung thực hiện.",
         ["Các cấp ủy, tổ chức đảng, chính quyền các cấp"]),
        # the Front itself, not its central committee
        ("Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội giám sát.",
         ["Mặt trận Tổ quốc Việt Nam", "Các tổ chức chính trị - xã hội"]),
        # a body the table does not know, acting on another's authority
        ("Giao Bộ trưởng Bộ Hạ tầng số thừa ủy quyền Thủ tướng Chính phủ ký báo cáo.",
         ["Bộ Hạ tầng số", "Thủ tướng Chính phủ"]),
    ],
)  # fmt: skip
def test_bodies_by_shape(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        # a heading in capitals is read as the same words in a sentence: a group stays one
        ("2. CÁC TỈNH ỦY, THÀNH ỦY, ĐẢNG ỦY TRỰC THUỘC TRUNG ƯƠNG",
         ["Các tỉnh ủy, thành ủy, đảng ủy trực thuộc trung ương"]),
        ("II. ỦY BAN NHÂN DÂN CÁC XÃ, PHƯỜNG, ĐẶC KHU",
         ["Ủy ban nhân dân các xã, phường, đặc khu"]),
        # a topic is no body because its words are in capitals ("BÁO" is a newspaper's head)
        ("3. CHẾ ĐỘ BÁO CÁO", []),
        # a place keeps its name's capitals; an abbreviation stays one
        ("2. ỦY BAN NHÂN DÂN XÃ TÂN MINH VÀ CÔNG AN XÃ",
         ["Ủy ban nhân dân xã Tân Minh", "Công an xã"]),
        ("1. SỞ KH&CN", ["Sở Khoa học và Công nghệ"]),
        # a name no table knows is still read by its shape, "XÃ" of "xã hội" no place in it
        ("1. SỞ KINH TẾ SỐ VÀ SÁNG TẠO", ["Sở Kinh Tế Số và Sáng Tạo"]),
        ("1. PHÒNG VĂN HÓA - XÃ HỘI", ["Phòng Văn Hóa - Xã Hội"]),
    ],
)  # fmt: skip
def test_headings_in_capitals(heading: str, expected: list[str]) -> None:
    assert [m.agency.name for m in TABLE.find(heading, "Hưng Yên")] == expected
    if expected:  # what was printed stays printed
        assert TABLE.find(heading, "Hưng Yên")[0].agency.as_written.isupper()


def test_shape_bodies_are_marked_not_canonical() -> None:
    [match] = TABLE.find("Tập đoàn Xăng dầu Miền Trung chủ trì.", None)
    assert match.agency.canonical is False
    [known] = TABLE.find("Sở Tài chính chủ trì.", "Bắc Ninh")
    assert known.agency.canonical is True


# ----------------------------------------------------------------- leads
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # office holders stand for their bodies
        ("Giám đốc Sở Tài chính chủ trì rà soát nguồn vốn.", ["Sở Tài chính"]),
        # a purpose or role clause may stand before the subject
        ("Để bảo đảm tiến độ của dự án cải tạo đê biển, Sở Xây dựng phối hợp với Sở Tài chính "
         "rà soát hồ sơ.", ["Sở Xây dựng"]),
        ("Về kho xăng dầu: với vai trò là chủ đầu tư, Tập đoàn Xăng dầu Việt Nam chủ động làm "
         "việc với các đối tác.", ["Tập đoàn Xăng dầu Việt Nam"]),
        # a heading about a project names its topic, not a doer; the body after it leads
        ("Đối với dự án Cảng hàng không quốc tế Long Thành: Tổng công ty Cảng hàng không Việt "
         "Nam tập trung hoàn thành nhà ga.", ["Tổng công ty Cảng hàng không Việt Nam"]),
        ("Đối với các dự án đường sắt:", []),
        # the people's committees of the provinces listed after "các tỉnh", colon or not
        ("Ủy ban nhân dân các tỉnh Quảng Trị, Quảng Ngãi khẩn trương giải phóng mặt bằng.",
         ["Ủy ban nhân dân tỉnh Quảng Trị", "Ủy ban nhân dân tỉnh Quảng Ngãi"]),
        # "chủ trì" inside brackets says who reports to whom, not who leads
        ("Tổng hợp, báo cáo cấp thẩm quyền (Ủy ban nhân dân tỉnh và các Bộ chủ trì dự án) kết "
         "quả thực hiện.", []),
        # a heading "Về trách nhiệm (và quyền hạn) của X" names the doer of its items
        ("Về trách nhiệm và quyền hạn của các cấp ủy, tổ chức đảng , tập thể lãnh đạo cơ quan, "
         "đơn vị trực thuộc Trung ương:",
         ["Các cấp ủy, tổ chức đảng, tập thể lãnh đạo cơ quan, đơn vị trực thuộc Trung ương"]),
        # groups named through their heads' titles are one group
        ("Giám đốc các sở, Thủ trưởng các cơ quan, đơn vị thuộc tỉnh triển khai thực hiện.",
         ["Các sở, cơ quan, đơn vị thuộc tỉnh"]),
        # a group told what to do keeps the verb that describes it; as a subject it does not
        ("Bộ trưởng Bộ Công Thương chỉ đạo các doanh nghiệp kinh doanh xăng dầu bảo đảm nguồn cung.",
         ["Các doanh nghiệp kinh doanh xăng dầu"]),
        ("Các doanh nghiệp cung cấp thông tin cho cơ quan thuế.", ["Các doanh nghiệp"]),
        # a body given work that passes it on: the last body of the chain
        ("Bộ Chính trị giao Đảng ủy Chính phủ lãnh đạo, chỉ đạo Bộ Nội vụ xây dựng đề án.",
         ["Bộ Nội vụ"]),
        ("Giao Đảng ủy Quốc hội lãnh đạo, chỉ đạo Ủy ban Pháp luật và Tư pháp thẩm tra dự án.",
         ["Ủy ban Pháp luật và Tư pháp của Quốc hội"]),
        ("Giao Đảng ủy Quốc hội lãnh đạo, chỉ đạo sửa đổi Luật Đất đai.", ["Đảng ủy Quốc hội"]),
        # a framing phrase may stand before the subject
        ("Căn cứ kế hoạch này, Giám đốc Sở Y tế xây dựng kế hoạch chi tiết.", ["Sở Y tế"]),
        ("Trong thời gian tới, Sở Nội vụ rà soát biên chế.", ["Sở Nội vụ"]),
        ("Bộ trưởng Bộ Tư pháp hướng dẫn các địa phương.", ["Bộ Tư pháp"]),
        ("Chủ tịch Ủy ban nhân dân các xã, phường tổ chức tuyên truyền.",
         ["Ủy ban nhân dân các xã, phường"]),
        ("Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ rà soát thủ tục.",
         ["Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ"]),
        # the heading of a responsibility article names its lead
        ("Trách nhiệm của Sở Xây dựng", ["Sở Xây dựng"]),
        ("Trách nhiệm của các chủ đầu tư công trình", ["Các chủ đầu tư công trình"]),
        ("Đối với Ủy ban nhân dân cấp xã:", ["Ủy ban nhân dân cấp xã"]),
        # a group is kept as printed, its abbreviations written out
        ("Giao UBND cấp xã rà soát.", ["Ủy ban nhân dân cấp xã"]),
        ("Chủ tịch UBND các xã, phường, đặc khu Cô Tô tổ chức.",
         ["Ủy ban nhân dân các xã, phường, đặc khu Cô Tô"]),
        # giao, đề nghị
        ("Giao Tập đoàn Bưu chính Viễn thông Việt Nam bảo đảm đường truyền.",
         ["Tập đoàn Bưu chính Viễn thông Việt Nam"]),
        # the subject of a duty, named by its head word even when no table knows it
        ("Ban thường vụ cấp ủy cấp tỉnh có trách nhiệm kiểm tra định kỳ.",
         ["Ban thường vụ cấp ủy cấp tỉnh"]),
        ("Trực tiếp chỉ đạo và chịu trách nhiệm về kết quả.", []),
        # a notice's item opens with its topic
        ("Về dự án nâng cấp quốc lộ: Giao Bộ Xây dựng rà soát, báo cáo.", ["Bộ Xây dựng"]),
        # a notice to a province names it "Tỉnh"
        ("Tỉnh rà soát nhu cầu, báo cáo Bộ Tài chính.", ["Ủy ban nhân dân tỉnh Bắc Ninh"]),
        # a delegation: the doers are the last bodies of the chain
        ("Bộ trưởng Bộ Quốc phòng chỉ đạo Quân khu 5, Quân khu 7 tổ chức ứng cứu.",
         ["Quân khu 5", "Quân khu 7"]),
        ("Đảng ủy Ủy ban nhân dân tỉnh lãnh đạo, chỉ đạo Ủy ban nhân dân tỉnh chỉ đạo Sở Y tế "
         "tổ chức tiêm chủng.", ["Sở Y tế"]),
        ("Đảng ủy Bộ Y tế chủ trì, chỉ đạo các cơ quan chuyên môn Bộ Y tế xây dựng quy chế.",
         ["Các cơ quan chuyên môn Bộ Y tế"]),
        # "các" before a body named by its shape: every body of that kind, as printed
        ("Chỉ đạo các Chi cục Thủy lợi Miền Trung kiểm tra hồ chứa.",
         ["Các Chi cục Thủy lợi Miền Trung"]),
        # a delegation to a vague party stays with the one who delegates
        ("Ban Giám đốc Trung tâm: chỉ đạo các đơn vị liên quan quản lý lớp học.",
         ["Ban Giám đốc Trung tâm"]),
        # one name standing for the body of each province listed, and the body joined to it
        ("Bí thư tỉnh ủy và Chủ tịch Ủy ban nhân dân các tỉnh: Sơn La, Điện Biên huy động lực lượng.",
         ["Tỉnh ủy Sơn La", "Tỉnh ủy Điện Biên", "Ủy ban nhân dân tỉnh Sơn La",
          "Ủy ban nhân dân tỉnh Điện Biên"]),
        # places listed after a group with no body before it: their people's committees
        ("Các địa phương: Lạng Sơn, Cao Bằng và Thành phố Hải Phòng bố trí quỹ đất.",
         ["Ủy ban nhân dân tỉnh Lạng Sơn", "Ủy ban nhân dân tỉnh Cao Bằng",
          "Ủy ban nhân dân thành phố Hải Phòng"]),
        ("Các tỉnh Sơn La, Lai Châu rà soát quy hoạch.",
         ["Ủy ban nhân dân tỉnh Sơn La", "Ủy ban nhân dân tỉnh Lai Châu"]),
        ("Các địa phương trong vùng rà soát quy hoạch.", ["Các địa phương"]),
        # a short label naming no body opens the item: the doer is after it
        ("Nhiệm vụ chung: Các bộ, ngành, địa phương tập trung đẩy nhanh tiến độ.",
         ["Các bộ, ngành, địa phương"]),
        ("Lưu ý: cần rà soát kỹ hồ sơ trước khi trình.", []),
        # an old name with the new one in brackets: the body of the new name does it
        ("Sở Thông tin và Truyền thông (nay là Sở Khoa học và Công nghệ) chủ trì.",
         ["Sở Khoa học và Công nghệ"]),
        # a bracket closing the item names its doer; one that explains an object does not
        ("Sửa đổi quy chuẩn kỹ thuật về nhà ở (Bộ Xây dựng chủ trì, phối hợp với Bộ Y tế; "
         "hoàn thành trong năm 2026).", ["Bộ Xây dựng"]),
        ("Báo cáo cấp có thẩm quyền (Ủy ban nhân dân tỉnh và các Bộ chủ trì dự án) việc "
         "thực hiện Chương trình.", []),
        # a place after "tại" in the clause before ";" is not the doer
        ("Số hóa hồ sơ tại các địa phương; Ủy ban nhân dân các tỉnh, thành phố trực thuộc "
         "Trung ương chủ trì thực hiện.",
         ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"]),
        # a table's lead column writes names short
        ("Sở TC chủ trì, phối hợp với Sở XD, Sở TP.", ["Sở Tài chính"]),
        ("Sở VHTT&DL; Sở LĐTB&XH", ["Sở Văn hóa, Thể thao và Du lịch",
                                  "Sở Lao động - Thương binh và Xã hội"]),
        ("UBMTTQVN tỉnh, BCHQS tỉnh", ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
                                      "Bộ Chỉ huy Quân sự tỉnh"]),
        # an item under a Party body that leads another: the one led does the work
        ("Lãnh đạo, chỉ đạo Ủy ban nhân dân tỉnh ban hành kế hoạch hành động.",
         ["Ủy ban nhân dân tỉnh Bắc Ninh"]),
        ("Lãnh đạo Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội "
         "tỉnh vận động hội viên.", ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
                                    "Các tổ chức chính trị - xã hội tỉnh"]),
        ("Lãnh đạo, chỉ đạo việc sơ kết Nghị quyết.", []),
        # a province's Party committees since 2025, and its press (named as printed: "tỉnh", or
        # the province's name)
        ("Đảng ủy Hội đồng nhân dân tỉnh; Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh",
         ["Đảng ủy Hội đồng nhân dân tỉnh Bắc Ninh",
          "Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh Bắc Ninh"]),
        ("Báo và Phát thanh, Truyền hình tỉnh mở chuyên mục.",
         ["Báo và Phát thanh, Truyền hình tỉnh"]),
        ("Báo và Phát thanh, Truyền hình Bắc Ninh mở chuyên mục.",
         ["Báo và Phát thanh, Truyền hình Bắc Ninh"]),
        # a name goes on through a compound whose second word is a verb's elsewhere
        ("Giao Cục Xúc tiến thương mại chủ trì tổ chức hội chợ.", ["Cục Xúc tiến thương mại"]),
        ("Trung tâm Đổi mới sáng tạo quốc gia chủ trì.", ["Trung tâm Đổi mới sáng tạo quốc gia"]),
        ("Vụ Kế hoạch - Tài chính cân đối, bố trí kinh phí.", ["Vụ Kế hoạch - Tài chính"]),
        # a force told what to do does it; the "functional forces" in general are no one
        ("Bộ trưởng Bộ Công Thương chỉ đạo lực lượng quản lý thị trường kiểm soát chặt chẽ.",
         ["Lực lượng quản lý thị trường"]),
        ("Giám đốc Công an tỉnh chỉ đạo lực lượng chức năng phòng ngừa vi phạm.", ["Công an tỉnh"]),
        ("Huy động lực lượng tại chỗ ứng cứu.", []),
        # a noun whose first word is a verb's elsewhere goes on inside a name
        ("Chi cục An toàn vệ sinh thực phẩm chủ trì kiểm tra.",
         ["Chi cục An toàn vệ sinh thực phẩm"]),
        # a topic, then the doer after its last comma
        ("Đối với 29 điểm sạt lở trên tỉnh lộ, đường giao thông nông thôn, Ủy ban nhân dân tỉnh "
         "sử dụng nguồn kinh phí được hỗ trợ.", ["Ủy ban nhân dân tỉnh Bắc Ninh"]),
        ("Về kinh phí, bố trí từ ngân sách tỉnh.", []),
        # a district's office named by shape keeps "Đào tạo"; a long group keeps its dash
        ("Giao Phòng Giáo dục và Đào tạo huyện chủ trì rà soát.",
         ["Phòng Giáo dục và Đào tạo huyện"]),
        ("Trường Cao đẳng Kỹ thuật đào tạo nghề cho lao động.", ["Trường Cao đẳng Kỹ thuật"]),
        ("Đề nghị các tổ chức đoàn thể chính trị - xã hội tỉnh tuyên truyền.",
         ["Các tổ chức đoàn thể chính trị - xã hội tỉnh"]),
        # a party to work with, then the work: "phủ sóng" is not the group's
        ("Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với các doanh nghiệp viễn thông phủ "
         "sóng 5G.", ["Sở Khoa học và Công nghệ"]),
        # a people's council's committees by their own names
        ("Ban Kinh tế - Ngân sách chủ trì, phối hợp với Ban Pháp chế giúp Đoàn giám sát.",
         ["Ban Kinh tế - Ngân sách Hội đồng nhân dân tỉnh"]),
        ("Đề nghị Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh phối hợp giám sát.",
         ["Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"]),
        # the units of the issuing ministry, named by its head word alone
        ("Thủ trưởng các đơn vị thuộc Bộ căn cứ nhiệm vụ được giao triển khai.",
         ["Các đơn vị thuộc Bộ"]),
        # the districts (before 1 July 2025) are a group like the communes
        ("Chủ tịch UBND các huyện, thị xã, thành phố chịu trách nhiệm triển khai.",
         ["Ủy ban nhân dân các huyện, thị xã, thành phố"]),
        ("Ủy ban nhân dân các quận, huyện tổ chức tuyên truyền.",
         ["Ủy ban nhân dân các quận, huyện"]),
        # a heading naming whose work its items are; projects another body leads are not
        ("Nhóm nhiệm vụ do Sở Tài chính chủ trì", ["Sở Tài chính"]),
        ("Các nhiệm vụ giao cho Sở Y tế:", ["Sở Y tế"]),
        ("Đẩy nhanh các dự án do Bộ Công an chủ trì.", []),
        # a group described by a clause, then its predicate: the clause is its name
        ("Các sở quản lý công trình xây dựng chuyên ngành kiểm tra công tác nghiệm thu.",
         ["Các sở quản lý công trình xây dựng chuyên ngành"]),
        ("Các cơ quan quản lý nhà nước chuyên ngành tăng cường kiểm tra.",
         ["Các cơ quan quản lý nhà nước chuyên ngành"]),
        ("Các doanh nghiệp cung cấp dịch vụ viễn thông triển khai phủ sóng.",
         ["Các doanh nghiệp cung cấp dịch vụ viễn thông"]),
        ("Sở Tài chính quản lý kinh phí thực hiện Kế hoạch.", ["Sở Tài chính"]),
        # a group with the bodies it is made of in brackets is those bodies
        ("Các Sở quản lý công trình xây dựng chuyên ngành (Sở Xây dựng, Sở Công Thương):",
         ["Sở Xây dựng", "Sở Công Thương"]),
        ("Các cơ quan cấp phép (Sở Công Thương, Ban Quản lý Khu kinh tế tỉnh) tiếp nhận hồ sơ.",
         ["Sở Công Thương", "Ban Quản lý Khu kinh tế tỉnh"]),
        ("Các sở, ngành (nếu có) báo cáo kết quả.", ["Các sở, ngành"]),
        # "Các sở: Là …" opens a sentence, not a list of names
        ("Các sở, ban, ngành: Là đơn vị được lấy ý kiến, chịu trách nhiệm các nội dung sau:",
         ["Các sở, ban, ngành"]),
        ("Các sở, ban, ngành: Căn cứ chức năng, nhiệm vụ được giao, chủ động rà soát văn bản.",
         ["Các sở, ban, ngành"]),
        # distinct kinds of parties listed are a group each; administrative kinds stay one
        ("Bộ Xây dựng chỉ đạo các chủ đầu tư, nhà thầu huy động tối đa nhân lực.",
         ["Các chủ đầu tư", "Các nhà thầu"]),
        ("Các tổ chức, cá nhân có liên quan thực hiện.", ["Các tổ chức, cá nhân có liên quan"]),
        # a group's modifiers through nouns whose first word ends names elsewhere
        ("Các trường trung học phổ thông rà soát đường truyền.",
         ["Các trường trung học phổ thông"]),
        # the doer after a period's framing: "Định kỳ hằng năm, …"
        ("Định kỳ hằng năm, các bộ, cơ quan, địa phương báo cáo kết quả về Bộ Y tế.",
         ["Các bộ, cơ quan, địa phương"]),
        # the doer after a purpose clause with commas of its own
        ("Để nâng cao hiệu quả quản lý, tăng cường kiểm tra, giám sát các dự án, các sở, ngành, "
         "UBND cấp xã theo chức năng triển khai những nội dung sau:",
         ["Các sở, ngành", "Ủy ban nhân dân cấp xã"]),
        ("Để bảo đảm tiến độ, Sở Tài chính chủ trì tham mưu bố trí kinh phí.", ["Sở Tài chính"]),
        # how a group works is not its name; a name ends with its place before a comma
        ("Các sở, ngành quản lý quy hoạch theo chức năng có trách nhiệm công khai quy hoạch.",
         ["Các sở, ngành quản lý quy hoạch"]),
        ("Ban Quản lý Khu nông nghiệp ứng dụng công nghệ cao tỉnh, UBND cấp xã rà soát quỹ đất.",
         ["Ban Quản lý Khu nông nghiệp ứng dụng công nghệ cao tỉnh",
          "Ủy ban nhân dân cấp xã"]),
        # "số" meaning digital stays in a group's name; a known name still ends where it ends
        ("Các doanh nghiệp công nghệ số trên địa bàn tỉnh tham gia phát triển nền tảng số.",
         ["Các doanh nghiệp công nghệ số trên địa bàn tỉnh"]),
        ("Sở Khoa học và Công nghệ số hóa hồ sơ.", ["Sở Khoa học và Công nghệ"]),
        # kinds of people given a duty are its doers, as printed; not in a definition
        ("Cán bộ, công chức có trách nhiệm bàn giao tài khoản khi chuyển công tác.",
         ["Cán bộ, công chức"]),
        ("Cán bộ, công chức sử dụng Hệ thống phải bảo vệ mật khẩu của mình.",
         ["Cán bộ, công chức"]),
        ("Cán bộ có trình độ khoa học công nghệ là cán bộ có bằng đại học trở lên.", []),
        # a province's treasury (before the regional treasuries of 2025); the standard
        # project boards by the works they build; "PTNT" written out
        ("Kho bạc Nhà nước tỉnh kiểm soát thanh toán vốn đầu tư.", ["Kho bạc Nhà nước tỉnh"]),
        ("Ban QLDA đầu tư xây dựng các công trình giao thông tỉnh chủ trì thẩm định.",
         ["Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh"]),
        ("Sở Nông nghiệp và PTNT chủ trì kiểm tra.", ["Sở Nông nghiệp và Phát triển nông thôn"]),
        # a force named by its proper name, told what to do: the last of the chain
        ("Bộ Tài chính chỉ đạo lực lượng Hải quan tăng cường kiểm soát hàng hóa.",
         ["Lực lượng Hải quan"]),
        ("Bộ Công Thương chỉ đạo lực lượng Quản lý thị trường kiểm tra.",
         ["Lực lượng Quản lý thị trường"]),
        # a list of ministries by name, one of them named with "và", the sentence running on
        ("Các Bộ: Xây dựng, Tài chính, Nông nghiệp và Môi trường theo chức năng hướng dẫn.",
         ["Bộ Xây dựng", "Bộ Tài chính", "Bộ Nông nghiệp và Môi trường"]),
        ("Các Bộ: Tài chính, Văn hóa, Thể thao và Du lịch phối hợp hướng dẫn.",
         ["Bộ Tài chính", "Bộ Văn hóa, Thể thao và Du lịch"]),
        # a role and the body that holds it in brackets; a board's members and working group
        ("Cơ quan thường trực Ban Chỉ đạo (Bộ Khoa học và Công nghệ) chủ trì tổng hợp.",
         ["Bộ Khoa học và Công nghệ"]),
        ("Các thành viên Ban Chỉ đạo theo lĩnh vực được phân công chỉ đạo thực hiện.",
         ["Các thành viên Ban Chỉ đạo"]),
        ("Tổ công tác giúp việc Ban Chỉ đạo theo dõi, đôn đốc.",
         ["Tổ công tác giúp việc Ban Chỉ đạo"]),
        ("Vụ Cơ sở đảng, đảng viên (Ban Tổ chức Trung ương) theo dõi, hướng dẫn.",
         ["Vụ Cơ sở đảng, đảng viên"]),
        # an item labelled by the project it is about; a body and its role after a dash
        ("Dự án Cảng hàng không quốc tế Long Thành: Tổng công ty Cảng hàng không Việt Nam huy "
         "động tối đa nhân lực.", ["Tổng công ty Cảng hàng không Việt Nam"]),
        ("Giao Bộ Xây dựng - Cơ quan Thường trực Ban Chỉ đạo theo dõi, đôn đốc.",
         ["Bộ Xây dựng"]),
        # a commune's community digital technology teams; a hamlet head stands for the hamlets
        ("Phòng Văn hóa - Xã hội phối hợp với Tổ công nghệ số cộng đồng hướng dẫn người dân.",
         ["Phòng Văn hóa - Xã hội"]),
        ("Các tổ công nghệ số cộng đồng hướng dẫn người dân cài đặt ứng dụng VNeID.",
         ["Tổ công nghệ số cộng đồng"]),
        ("Trưởng các ấp vận động người dân tham gia các nền tảng số.", ["Các ấp"]),
        # a ward's Party committee of its people's committee leads the committee: the last
        ("Đảng ủy Ủy ban nhân dân phường lãnh đạo Ủy ban nhân dân phường xây dựng kế hoạch.",
         ["Ủy ban nhân dân phường"]),
        # the grassroots health and information networks, told what to do
        ("Sở Y tế chỉ đạo hệ thống y tế cơ sở khám sức khỏe định kỳ cho trẻ.",
         ["Hệ thống y tế cơ sở"]),
        ("Sở Văn hóa chỉ đạo hệ thống thông tin cơ sở tuyên truyền.",
         ["Hệ thống thông tin cơ sở"]),
    ],
)  # fmt: skip
def test_leads(text: str, expected: list[str]) -> None:
    assert lead(text) == expected


def test_the_authorities_in_general_are_no_cooperating_body() -> None:
    """ "các cơ quan chức năng" (the competent authorities) names no one: left out, as a party
    "có liên quan" is."""
    a = parse_assignment(
        "Công an tỉnh chủ trì, phối hợp với Sở Tư pháp và các cơ quan chức năng kiểm tra.",
        TABLE,
        "Bắc Ninh",
    )
    assert [x.name for x in a.cooperating] == ["Sở Tư pháp"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Các sở, ngành phối hợp chặt chẽ với Sở Tài chính xây dựng cơ sở dữ liệu.",
         ["Sở Tài chính"]),
        ("Sở Y tế chủ trì, phối hợp thường xuyên với Công an tỉnh kiểm tra.", ["Công an tỉnh"]),
        # bodies before "phối hợp" after a lead with "chủ trì", in a bracket or a sentence
        ("Phát triển hạ tầng 5G (Sở Khoa học và Công nghệ chủ trì; các doanh nghiệp viễn thông "
         "phối hợp; thực hiện năm 2026).", ["Các doanh nghiệp viễn thông"]),
        ("Sở Y tế chủ trì, Sở Tài chính phối hợp thực hiện.", ["Sở Tài chính"]),
        ("Các sở, ngành phối hợp chặt chẽ trong triển khai.", []),
        # a list of kinds of bodies, then what they do together: the verb is no part of it
        ("Bộ Công an chủ trì, phối hợp với các bộ, ngành, địa phương điều tra các đường dây.",
         []),
        ("Bộ Công an chủ trì, phối hợp với các sở, ngành quản lý chuyên ngành điều tra.",
         ["Các sở, ngành quản lý chuyên ngành"]),
        # "… liên quan khác" (the others concerned) names no one
        ("Sở Y tế chủ trì, phối hợp với Sở Tài chính và các cơ quan, đơn vị liên quan khác.",
         ["Sở Tài chính"]),
        # "các cơ quan Quốc hội" are the Assembly's bodies, none named: not the Assembly
        ("Bộ Tài chính chủ trì, phối hợp chặt chẽ với các cơ quan Quốc hội hoàn thiện hồ sơ.",
         []),
    ],
)  # fmt: skip
def test_cooperating_with_an_adverb_before_with(text: str, expected: list[str]) -> None:
    """ "phối hợp chặt chẽ với X": how closely they work together does not hide X."""
    assert [x.name for x in parse_assignment(text, TABLE, "Bắc Ninh").cooperating] == expected


@pytest.mark.parametrize(
    ("text", "province", "expected"),
    [
        # a central document names a centrally governed city's people's committee
        ("Ủy ban nhân dân thành phố Hà Nội, Ủy ban nhân dân Thành phố Hồ Chí Minh bố trí quỹ đất.",
         None, ["Ủy ban nhân dân thành phố Hà Nội", "Ủy ban nhân dân thành phố Hồ Chí Minh"]),
        ("Giao Ủy ban nhân dân thành phố Hải Phòng chủ trì.", None,
         ["Ủy ban nhân dân thành phố Hải Phòng"]),
        # places named as the addressees of an item, then a colon and their work
        ("Thành phố Hà Nội, Thành phố Đà Nẵng: Đẩy nhanh xây dựng đô thị thông minh.", None,
         ["Ủy ban nhân dân thành phố Hà Nội", "Ủy ban nhân dân thành phố Đà Nẵng"]),
        ("Tỉnh Quảng Ninh: Hoàn thành bàn giao mặt bằng trong tháng 12.", None,
         ["Ủy ban nhân dân tỉnh Quảng Ninh"]),
        ("Thành phố: Đẩy nhanh xây dựng đô thị thông minh.", None, []),
        # a count of provinces after the prefix; two regions joined by "và"; field names
        ("Ủy ban nhân dân 21 tỉnh, thành phố ven biển chịu trách nhiệm xử lý tàu cá.", None,
         ["Ủy ban nhân dân 21 tỉnh, thành phố ven biển"]),
        ("Sở Tài chính hỗ trợ 03 xã xây dựng trạm y tế.", None, ["Sở Tài chính"]),
        ("Ủy ban nhân dân các tỉnh, thành phố khu vực Bắc Bộ và Bắc Trung Bộ theo dõi thời "
         "tiết.", None, ["Ủy ban nhân dân các tỉnh, thành phố khu vực Bắc Bộ và Bắc Trung Bộ"]),
        ("Bộ trưởng Bộ Giáo dục và Đào tạo chỉ đạo các sở giáo dục và đào tạo cho học sinh nghỉ "
         "học.", None, ["Các sở giáo dục và đào tạo"]),
        ("Bộ Nông nghiệp và Môi trường chỉ đạo Trung tâm Dự báo khí tượng thủy văn quốc gia theo "
         "dõi.", None, ["Trung tâm Dự báo khí tượng thủy văn quốc gia"]),
        ("Trung tâm Chứng thực điện tử quốc gia triển khai chữ ký số.", None,
         ["Trung tâm Chứng thực điện tử quốc gia"]),
        ("UBND các tỉnh, thành phố trực thuộc TW xây dựng kế hoạch.", None,
         ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"]),
        # a chain's last step that names no one, wherever it is, leaves the work to the first
        ("Ủy ban nhân dân các tỉnh chỉ đạo các lực lượng chức năng trên địa bàn phối hợp kiểm "
         "tra.", None, ["Ủy ban nhân dân các tỉnh"]),
        # a city inside a province is none of the table's bodies: named as printed (not
        # canonical), not read as the province's committee
        ("Ủy ban nhân dân thành phố Vinh chủ trì.", "Nghệ An", ["Ủy ban nhân dân thành phố Vinh"]),
        # a council and a committee sharing their places
        ("Hội đồng nhân dân, Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương quan tâm "
         "bố trí kinh phí.", None,
         ["Hội đồng nhân dân các tỉnh, thành phố trực thuộc Trung ương",
          "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"]),
        # a Party committee and a committee sharing their places, each by its holder
        ("Trách nhiệm của bí thư đảng ủy, chủ tịch Ủy ban nhân dân các xã, phường, đặc khu",
         "Lâm Đồng",
         ["Đảng ủy các xã, phường, đặc khu", "Ủy ban nhân dân các xã, phường, đặc khu"]),
        ("Đảng ủy, UBND các xã tổ chức quán triệt.", "Lâm Đồng",
         ["Đảng ủy các xã", "Ủy ban nhân dân các xã"]),
        # an organ of the committee is not the committee of the places
        ("Ban Thường vụ Đảng ủy, Ủy ban nhân dân các xã chỉ đạo.", "Lâm Đồng",
         ["Ban Thường vụ Đảng ủy", "Ủy ban nhân dân các xã"]),
        # places named as doers, one after another: their people's committees
        ("Thành phố Hà Nội, Thành phố Hồ Chí Minh phấn đấu hoàn thành chỉ tiêu.", None,
         ["Ủy ban nhân dân thành phố Hà Nội", "Ủy ban nhân dân thành phố Hồ Chí Minh"]),
        ("Tỉnh Nghệ An và tỉnh Hà Tĩnh rà soát quy hoạch.", None,
         ["Ủy ban nhân dân tỉnh Nghệ An", "Ủy ban nhân dân tỉnh Hà Tĩnh"]),
        # inside a city's own document "thành phố" alone is that city
        ("Ủy ban nhân dân thành phố chủ trì.", "Đà Nẵng", ["Ủy ban nhân dân thành phố Đà Nẵng"]),
    ],
)  # fmt: skip
def test_leads_in_a_central_document(text: str, province: str | None, expected: list[str]) -> None:
    assert lead(text, province) == expected


# ----------------------------------------------------------------- field blocks
def test_field_block_in_brackets_closing_the_item() -> None:
    f = split_fields(
        "Xây dựng Nghị định về mô hình thông tin công trình (cơ quan chủ trì: Bộ Xây dựng; "
        "thời gian hoàn thành: năm 2026)."
    )
    assert f.content == "Xây dựng Nghị định về mô hình thông tin công trình"
    assert f.values == {"lead": "Bộ Xây dựng", "deadline": "năm 2026"}


def test_field_block_in_one_paragraph() -> None:
    f = split_fields(
        "Rà soát hồ sơ đất đai. Cơ quan chủ trì: Sở Nông nghiệp và Môi trường. "
        "Cơ quan phối hợp: Sở Tư pháp. Thời gian hoàn thành: Quý III năm 2026. "
        "Sản phẩm: Báo cáo rà soát."
    )
    assert f.content == "Rà soát hồ sơ đất đai."
    assert f.values == {
        "lead": "Sở Nông nghiệp và Môi trường.",
        "cooperating": "Sở Tư pháp.",
        "deadline": "Quý III năm 2026.",
        "deliverable": "Báo cáo rà soát.",
    }


@pytest.mark.parametrize(
    ("line", "is_field"),
    [
        ("Đơn vị chủ trì tham mưu thực hiện: Sở Nội vụ.", True),
        ("Thời gian thực hiện: Thường xuyên.", True),
        ("Nội dung: Tổ chức hội nghị.", False),  # opens a task, does not belong to the one above
        ("Tổ chức hội nghị sơ kết: cuối năm 2026.", False),
    ],
)
def test_field_lines(line: str, is_field: bool) -> None:
    assert is_field_line(line) is is_field


PLAN_WITH_FIELDS = """ỦY BAN NHÂN DÂN TỈNH BẮC NINH
Số: 12/KH-UBND
Bắc Ninh, ngày 02 tháng 3 năm 2026
KẾ HOẠCH
Nâng cao năng lực xây dựng pháp luật
I. NHIỆM VỤ
1. Bồi dưỡng kỹ năng
- Tổ chức tập huấn kỹ năng soạn thảo văn bản cho công chức.
Đơn vị chủ trì: Sở Tư pháp.
Đơn vị phối hợp: Sở Nội vụ.
Thời gian thực hiện: Quý II năm 2026.
- Cập nhật tài liệu bồi dưỡng.
Đơn vị chủ trì: Sở Nội vụ.
Thời gian thực hiện: Thường xuyên.
"""


def test_field_paragraphs_belong_to_the_item_above() -> None:
    tasks = extract_text(PLAN_WITH_FIELDS, "plan.txt").tasks
    assert [(t.text, [a.name for a in t.lead], [a.name for a in t.cooperating]) for t in tasks] == [
        (
            "Tổ chức tập huấn kỹ năng soạn thảo văn bản cho công chức.",
            ["Sở Tư pháp"],
            ["Sở Nội vụ"],
        ),
        ("Cập nhật tài liệu bồi dưỡng.", ["Sở Nội vụ"], []),
    ]
    assert [str(t.deadline) for t in tasks] == ["2026-06-30", "None"]
    assert tasks[1].recurring


def test_fields_under_a_heading_item_that_ends_without_a_stop() -> None:
    """ "2. Kiểm tra việc thi hành Luật" then "- Cơ quan thực hiện: …": the heading is the
    task's text and each field line its facts; in a lead field a party only said to be
    concerned ("các cơ quan, tổ chức khác có liên quan") is no lead."""
    text = PLAN_WITH_FIELDS.split("I. NHIỆM VỤ")[0] + (
        "I. NHIỆM VỤ\n2. Kiểm tra việc thi hành Luật Việc làm\n"
        "- Cơ quan thực hiện: Sở Nội vụ, các sở, ban, ngành tỉnh và các cơ quan, tổ chức khác "
        "có liên quan.\n- Thời gian thực hiện: Năm 2026.\n"
    )
    tasks = extract_text(text, "plan.txt").tasks
    assert [(t.text, [a.name for a in t.lead]) for t in tasks] == [
        ("Kiểm tra việc thi hành Luật Việc làm", ["Sở Nội vụ", "Các sở, ban, ngành tỉnh"]),
    ]
    assert str(tasks[0].deadline) == "2026-12-31"


def test_lettered_fields_are_the_items_facts_not_its_sub_items() -> None:
    """ "3. Kiện toàn tổ chức …" then "a) Cơ quan chủ trì: …", "b) Cơ quan phối hợp: …",
    "c) Thời gian: …": one task, the heading's; lettered as they are, the fields are not
    tasks. "a) Nội dung: …" opens the task those fields belong to. A meeting's lettered
    time and place stay no task of their own."""
    text = PLAN_WITH_FIELDS.split("I. NHIỆM VỤ")[0] + (
        "I. NHIỆM VỤ\n\n1. Kiện toàn tổ chức bộ máy, bồi dưỡng nhân lực\n\n"
        "a) Cơ quan chủ trì: Sở Nội vụ.\n\nb) Cơ quan phối hợp: Sở Tư pháp.\n\n"
        "c) Thời gian: Năm 2026.\n\n"
        "2. Phổ biến Luật\n\na) Nội dung: Biên soạn tài liệu phổ biến Luật.\n\n"
        "b) Đơn vị chủ trì: Sở Tư pháp.\n\nc) Thời gian thực hiện: Quý IV năm 2026.\n\n"
        "3. Hội nghị sơ kết\n\na) Thời gian: 8 giờ ngày 10/12/2026.\n\n"
        "b) Địa điểm: Hội trường Ủy ban nhân dân tỉnh.\n"
    )
    tasks = extract_text(text, "plan.txt").tasks
    got = [
        (t.text, [a.name for a in t.lead], [a.name for a in t.cooperating], str(t.deadline))
        for t in tasks
    ]
    assert got == [
        (
            "Kiện toàn tổ chức bộ máy, bồi dưỡng nhân lực",
            ["Sở Nội vụ"],
            ["Sở Tư pháp"],
            "2026-12-31",
        ),
        ("Biên soạn tài liệu phổ biến Luật.", ["Sở Tư pháp"], [], "2026-12-31"),
    ]


def test_a_field_block_after_several_items_is_the_fields_of_each() -> None:
    """ "- Tăng cường …", "- Nâng cao …", then "Đơn vị thực hiện: …", "Thời gian thực hiện:
    …": the block closes both items. An item naming its own doer with a cue keeps it; an item
    with fields of its own keeps them."""
    text = PLAN_WITH_FIELDS.split("I. NHIỆM VỤ")[0] + (
        "I. NHIỆM VỤ\n\n1. Nâng cao năng lực cán bộ\n\n"
        "- Tăng cường giáo dục chính trị cho cán bộ.\n\n"
        "- Các cơ quan, đơn vị, địa phương nâng cao ý thức trách nhiệm của cán bộ.\n\n"
        "- Sở Nội vụ chủ trì rà soát vị trí việc làm.\n\n"
        "- Bồi dưỡng kỹ năng cho cán bộ.\n\n"
        "Đơn vị thực hiện: Các sở, ngành, Ủy ban nhân dân cấp xã.\n\n"
        "Đơn vị phối hợp: Sở Tư pháp.\n\nThời gian thực hiện: Quý IV năm 2026.\n\n"
        "- Tổ chức tập huấn.\n\nĐơn vị chủ trì: Sở Tư pháp.\n"
    )
    tasks = extract_text(text, "plan.txt").tasks
    got = [
        ([a.name for a in t.lead], [a.name for a in t.cooperating], str(t.deadline)) for t in tasks
    ]
    block = (["Các sở, ngành", "Ủy ban nhân dân cấp xã"], ["Sở Tư pháp"], "2026-12-31")
    assert got == [
        block,
        block,
        (["Sở Nội vụ"], [], "2026-12-31"),
        block,
        (["Sở Tư pháp"], [], "None"),
    ]


# ----------------------------------------------------------------- regulations, decisions
DECISION_WITH_REGULATION = """ỦY BAN NHÂN DÂN TỈNH BẮC NINH
Số: 30/2026/QĐ-UBND
Bắc Ninh, ngày 05 tháng 3 năm 2026
QUYẾT ĐỊNH
Ban hành Quy chế quản lý hạ tầng số
ỦY BAN NHÂN DÂN TỈNH BẮC NINH
Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Quy chế quản lý hạ tầng số.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các sở chịu trách nhiệm thi hành Quyết định này./.
Nơi nhận:
- Như Điều 3.
QUY CHẾ
Quản lý hạ tầng số
(Ban hành kèm theo Quyết định số 30/2026/QĐ-UBND)
Điều 1. Nguyên tắc quản lý
1. Hạ tầng số được dùng chung giữa các cơ quan.
2. Dữ liệu được sao lưu hằng ngày.
Điều 2. Trách nhiệm của Sở Khoa học và Công nghệ
1. Hướng dẫn các cơ quan kết nối hạ tầng số.
2. Kiểm tra việc thực hiện Quy chế hằng năm.
"""


def test_decision_issuing_a_regulation() -> None:
    ex = extract_text(DECISION_WITH_REGULATION, "qd.txt")
    assert [(t.text, [a.name for a in t.lead]) for t in ex.tasks] == [
        ("Hướng dẫn các cơ quan kết nối hạ tầng số.", ["Sở Khoa học và Công nghệ"]),
        ("Kiểm tra việc thực hiện Quy chế hằng năm.", ["Sở Khoa học và Công nghệ"]),
    ]


DECISION_APPROVING_A_PROGRAMME = """THỦ TƯỚNG CHÍNH PHỦ
Số: 900/QĐ-TTg
Hà Nội, ngày 02 tháng 3 năm 2026
QUYẾT ĐỊNH
Phê duyệt Chương trình phát triển vật liệu mới
THỦ TƯỚNG CHÍNH PHỦ
Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;
QUYẾT ĐỊNH:
Điều 1. Phê duyệt Chương trình phát triển vật liệu mới với các nội dung sau:
I. MỤC TIÊU
1. Đến năm 2030, làm chủ công nghệ sản xuất ba nhóm vật liệu.
II. NHIỆM VỤ VÀ GIẢI PHÁP
1. Xây dựng bản đồ công nghệ vật liệu mới, hoàn thành trong năm 2027.
2. Đào tạo đội ngũ kỹ sư vật liệu.
III. TỔ CHỨC THỰC HIỆN
1. Bộ Công Thương chủ trì tổ chức triển khai Chương trình.
Điều 2. Quyết định này có hiệu lực từ ngày ký.
Điều 3. Các Bộ trưởng, Chủ tịch Ủy ban nhân dân các tỉnh chịu trách nhiệm thi hành Quyết định này.
"""


def test_decision_approving_a_programme_gives_its_tasks() -> None:
    """The plan an article approves holds tasks, those naming no doer too (lead empty);
    its targets and the execution clause are not tasks."""
    text = DECISION_APPROVING_A_PROGRAMME.replace("\n", "\n\n")  # paragraphs apart, as saved
    ex = extract_text(text, "qd.md")
    assert [(t.text, [a.name for a in t.lead]) for t in ex.tasks] == [
        ("Xây dựng bản đồ công nghệ vật liệu mới, hoàn thành trong năm 2027.", []),
        ("Đào tạo đội ngũ kỹ sư vật liệu.", []),
        ("Bộ Công Thương chủ trì tổ chức triển khai Chương trình.", ["Bộ Công Thương"]),
    ]
    assert str(ex.tasks[0].deadline) == "2027-12-31"


# ----------------------------------------------------------------- letters and telegrams
LETTER = """BỘ XÂY DỰNG
Số: 50/BXD-KHTC
V/v bảo đảm giao thông mùa mưa
Hà Nội, ngày 10 tháng 10 năm 2026
Kính gửi: Ủy ban nhân dân tỉnh Quảng Trị.
Để bảo đảm giao thông thông suốt, Bộ Xây dựng đề nghị:
1. Rà soát các điểm sạt lở trên quốc lộ trước ngày 20/10/2026.
2. Bố trí lực lượng trực ban thường xuyên.
Nơi nhận:
- Như trên.
"""


def test_letter_items_are_done_by_its_addressees() -> None:
    tasks = extract_text(LETTER, "cv.txt").tasks
    assert [[a.name for a in t.lead] for t in tasks] == [["Ủy ban nhân dân tỉnh Quảng Trị"]] * 2
    assert str(tasks[0].deadline) == "2026-10-20"


def test_a_letters_group_of_a_kind_is_named_not_its_addressees() -> None:
    """ "Các cơ quan, đơn vị, địa phương …" in a letter names a group (as "các bộ, cơ quan, địa
    phương" does): the task keeps it; only "các cơ quan, đơn vị" alone is the addressees."""
    letter = LETTER.replace(
        "Kính gửi: Ủy ban nhân dân tỉnh Quảng Trị.",
        "Kính gửi:\n- Sở Xây dựng;\n- Ủy ban nhân dân các xã, phường.",
    ).replace("2. Bố trí", "2. Các cơ quan, đơn vị, địa phương bố trí")
    tasks = extract_text(letter, "cv.txt").tasks
    assert [[a.name for a in t.lead] for t in tasks] == [
        ["Sở Xây dựng", "Ủy ban nhân dân các xã, phường"],
        ["Các cơ quan, đơn vị, địa phương"],
    ]


def test_a_letters_bodies_named_above_are_its_addressees() -> None:
    """ "Các bộ, cơ quan, địa phương nêu trên" points back to those the letter is sent to."""
    letter = LETTER.replace(
        "Kính gửi: Ủy ban nhân dân tỉnh Quảng Trị.",
        "Kính gửi:\n- Các Bộ: Công an, Quốc phòng;\n- Ủy ban nhân dân tỉnh Quảng Trị.",
    ).replace("2. Bố trí", "2. Các bộ, cơ quan, địa phương nêu trên bố trí")
    tasks = extract_text(letter, "cv.txt").tasks
    assert [a.name for a in tasks[1].lead] == [
        "Bộ Công an",
        "Bộ Quốc phòng",
        "Ủy ban nhân dân tỉnh Quảng Trị",
    ]


NOTICE = """VĂN PHÒNG CHÍNH PHỦ
Số: 900/TB-VPCP
Hà Nội, ngày 01 tháng 9 năm 2026
THÔNG BÁO
Kết luận của Thủ tướng Chính phủ tại buổi làm việc với lãnh đạo tỉnh Sơn La
Thủ tướng Chính phủ kết luận như sau:
1. Đề nghị Thường trực Tỉnh ủy chỉ đạo rà soát quy hoạch vùng.
2. Giao Bộ Tài chính tổng hợp kiến nghị của Tỉnh.
"""


def test_central_notice_names_the_province_it_is_about() -> None:
    tasks = extract_text(NOTICE, "tb.txt").tasks
    assert [[a.name for a in t.lead] for t in tasks] == [
        ["Thường trực Tỉnh ủy Sơn La"],
        ["Bộ Tài chính"],
    ]


CONCLUSIONS = """VĂN PHÒNG CHÍNH PHỦ
Số: 901/TB-VPCP
Hà Nội, ngày 02 tháng 9 năm 2026
THÔNG BÁO
Kết luận của Phó Thủ tướng Chính phủ tại cuộc họp về chương trình giảm nghèo
Phó Thủ tướng Chính phủ kết luận như sau:
1. Thay mặt Thủ tướng Chính phủ, ghi nhận và đánh giá cao sự nỗ lực của các bộ, cơ quan.
2. Thứ nhất, chương trình giảm nghèo đã đạt nhiều kết quả quan trọng trong giai đoạn vừa qua.
3. Giao Bộ Dân tộc và Tôn giáo chủ trì hoàn thiện hồ sơ chương trình, báo cáo trước ngày 30/9/2026.
4. Bộ Tài chính cân đối vốn cho chương trình. Đề nghị Ủy ban nhân dân tỉnh Sơn La rà soát danh sách hộ nghèo.
Văn phòng Chính phủ thông báo để các Bộ, cơ quan liên quan biết, thực hiện./.
"""


def test_conclusions_notice_keeps_only_work_with_a_doer() -> None:
    tasks = extract_text(CONCLUSIONS, "tb.txt").tasks
    assert [([a.name for a in t.lead], str(t.deadline)) for t in tasks] == [
        (["Bộ Dân tộc và Tôn giáo"], "2026-09-30"),
        (["Bộ Tài chính"], "None"),
        # a later sentence of one item that asks another body to act is a task of its own
        (["Ủy ban nhân dân tỉnh Sơn La"], "None"),
    ]


# ------------------------------------------------ a head word with a list of names
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # each listed name is a body of the head word; a name the table knows is canonical
        (
            "Giao các Bộ: Nội vụ, Tư pháp và Y tế phối hợp rà soát.",
            ["Bộ Nội vụ", "Bộ Tư pháp", "Bộ Y tế"],
        ),
        # commas inside a known name do not split it
        (
            "Các Bộ: Văn hóa, Thể thao và Du lịch, Ngoại giao theo dõi.",
            ["Bộ Văn hóa, Thể thao và Du lịch", "Bộ Ngoại giao"],
        ),
        # names no table knows keep their lower-case words when the list item is delimited
        (
            "- Các Cục: Quản lý cạnh tranh và Bảo vệ người tiêu dùng, Hạ tầng cấp nước đô thị;",
            ["Cục Quản lý cạnh tranh và Bảo vệ người tiêu dùng", "Cục Hạ tầng cấp nước đô thị"],
        ),
        # an item with its own head word is that body; the list ends at a lower-case word
        (
            "các Tập đoàn: Hóa chất Miền Nam, Ngân hàng Nông thôn Mới theo chức năng rà soát.",
            ["Tập đoàn Hóa chất Miền Nam", "Ngân hàng Nông thôn Mới"],
        ),
        # short forms the table does not know are no bodies: the group stays a group
        ("- Các Bộ: XYZ, QPR;", ["Các Bộ"]),
        # pieces of one list between semicolons, each names of the head
        (
            "3.4. Các Cục: Trồng trọt và Bảo vệ thực vật; Chăn nuôi và Thú y; Thủy sản và Kiểm ngư",
            [
                "Cục Trồng trọt và Bảo vệ thực vật",
                "Cục Chăn nuôi và Thú y",
                "Cục Thủy sản và Kiểm ngư",
            ],
        ),
        # after a semicolon, a body with its own head word ends the list; a sentence too
        (
            "lãnh đạo các sở: Tài chính, Xây dựng; Văn phòng Ủy ban nhân dân tỉnh dự họp.",
            ["Sở Tài chính", "Sở Xây dựng", "Văn phòng Ủy ban nhân dân tỉnh"],
        ),
        ("Các Bộ: Tài chính, Xây dựng; Đề nghị khẩn trương.", ["Bộ Tài chính", "Bộ Xây dựng"]),
    ],
)
def test_head_word_lists(text: str, expected: list[str]) -> None:
    assert names(text, None) == expected


DEPARTMENTS = """BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG
Số: 77/CĐ-BNNMT
Hà Nội, ngày 03 tháng 10 năm 2026
CÔNG ĐIỆN
Về việc ứng phó với bão số 9
BỘ TRƯỞNG BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG điện:
- Các Cục: Quản lý nước và Công trình đầu mối, Thủy lợi xây dựng công trình;
- Sở Nông nghiệp và Môi trường các tỉnh: Quảng Ngãi, Gia Lai.
Để chủ động ứng phó với bão, Bộ trưởng yêu cầu:
1. Cục Thủy lợi xây dựng công trình kiểm tra an toàn hồ chứa trước ngày 05/10/2026.
2. Các Sở chỉ đạo sơ tán dân ở vùng trũng thấp.
3. Các cơ quan, đơn vị tổ chức trực ban nghiêm túc.
"""


def test_telegram_addressees_and_listed_names() -> None:
    """A telegram's address list under "… điện:" gives its addressees; a name it lists in full
    is read in full later; "các Sở" means the Sở it is sent to; a task for "các cơ quan, đơn vị"
    is for every addressee."""
    tasks = extract_text(DEPARTMENTS, "cd.txt").tasks
    sent_to = [
        "Cục Quản lý nước và Công trình đầu mối",
        "Cục Thủy lợi xây dựng công trình",
        "Sở Nông nghiệp và Môi trường tỉnh Quảng Ngãi",
        "Sở Nông nghiệp và Môi trường tỉnh Gia Lai",
    ]
    assert [[a.name for a in t.lead] for t in tasks] == [
        ["Cục Thủy lợi xây dựng công trình"],
        sent_to[2:],
        sent_to,
    ]


ASSESSMENT = """VĂN PHÒNG CHÍNH PHỦ
Số: 902/TB-VPCP
Hà Nội, ngày 03 tháng 9 năm 2026
THÔNG BÁO
Kết luận của Phó Thủ tướng Chính phủ tại buổi làm việc với lãnh đạo tỉnh Lai Châu
Phó Thủ tướng Chính phủ kết luận như sau:
I. ĐÁNH GIÁ CHUNG
Phó Thủ tướng ghi nhận những kết quả tỉnh Lai Châu đạt được trong năm qua.
Thời gian tới, Tỉnh rà soát quy hoạch các khu du lịch trọng điểm. Du lịch cần được coi là động lực tăng trưởng. Tập trung đầu tư hạ tầng giao thông kết nối các xã vùng cao. Đồng thời, tăng cường đào tạo nghề cho lao động nông thôn.
II. KIẾN NGHỊ CỦA TỈNH
1. Về kinh phí sửa chữa đường tỉnh 128; đường tỉnh 129: Tỉnh chủ động cân đối ngân sách địa phương.
"""


def test_conclusions_notice_assessment_gives_work_sentence_by_sentence() -> None:
    """In a conclusions notice, the assessment's praise is no task; each later sentence that
    opens (after "Thời gian tới,") with the province doing something, or with a verb of work
    ("Tập trung …", "Đồng thời, tăng cường …"), is a task, done by the body named before;
    a topic may hold a ";" before its colon."""
    tasks = extract_text(ASSESSMENT, "tb.txt").tasks
    province = "Ủy ban nhân dân tỉnh Lai Châu"
    assert [(t.text.split()[0:2], [a.name for a in t.lead]) for t in tasks] == [
        (["Thời", "gian"], [province]),
        (["Tập", "trung"], [province]),
        (["Đồng", "thời,"], [province]),
        (["Về", "kinh"], [province]),
    ]


PROVINCE_NOTICE = """VĂN PHÒNG CHÍNH PHỦ
Số: 905/TB-VPCP
Hà Nội, ngày 05 tháng 9 năm 2026
THÔNG BÁO
Kết luận của Thủ tướng Chính phủ tại buổi làm việc với lãnh đạo tỉnh Hà Tĩnh
Thủ tướng Chính phủ kết luận như sau:
I. NHIỆM VỤ TRONG THỜI GIAN TỚI
1. Đối với tỉnh Hà Tĩnh:
a) Tập trung hoàn thiện quy hoạch chung đô thị.
2. Đối với các Bộ, ngành:
- Bộ Tài chính bố trí vốn cho dự án đường ven biển.
3. Về phía Tỉnh:
- Khẩn trương rà soát quỹ đất tái định cư.
4. Đề nghị tỉnh Nghệ An phối hợp kết nối hạ tầng giao thông liên tỉnh.
"""


def test_a_province_named_as_doer_is_its_peoples_committee() -> None:
    """ "Đối với tỉnh Hà Tĩnh:", "Về phía Tỉnh:", "Đề nghị tỉnh Nghệ An …": a notice to a
    province means its people's committee."""
    tasks = extract_text(PROVINCE_NOTICE, "tb.txt").tasks
    assert [[a.name for a in t.lead] for t in tasks] == [
        ["Ủy ban nhân dân tỉnh Hà Tĩnh"],
        ["Bộ Tài chính"],
        ["Ủy ban nhân dân tỉnh Hà Tĩnh"],
        ["Ủy ban nhân dân tỉnh Nghệ An"],
    ]


WORK_ITEMS = """VĂN PHÒNG CHÍNH PHỦ
Số: 906/TB-VPCP
Hà Nội, ngày 06 tháng 9 năm 2026
THÔNG BÁO
Kết luận của Phó Thủ tướng Chính phủ tại cuộc họp về phát triển nhà ở xã hội
Phó Thủ tướng Chính phủ kết luận như sau:
1. Đồng ý về nguyên tắc với đề xuất của Bộ Xây dựng tại Tờ trình.
2. Thực hiện nhiệm vụ được giao, Bộ Xây dựng đã tích cực hoàn thiện hồ sơ dự án.
3. Khẩn trương hoàn thiện cơ chế ưu đãi tín dụng cho người mua nhà ở xã hội.
4. Giao Bộ Tài chính chủ trì hướng dẫn thủ tục, hoàn thành trước ngày 30/10/2026.
"""


def test_conclusions_notice_items_that_give_work_without_naming_a_doer() -> None:
    """A numbered conclusion that opens with a verb of work is a task even when it names no
    doer; one that only approves, or reports work done, is not."""
    tasks = extract_text(WORK_ITEMS, "tb.txt").tasks
    assert [t.text.split()[0] for t in tasks] == ["Khẩn", "Giao"]


WORK_SECTION = """VĂN PHÒNG CHÍNH PHỦ
Số: 907/TB-VPCP
Hà Nội, ngày 07 tháng 9 năm 2026
THÔNG BÁO
Kết luận của Thủ tướng Chính phủ tại phiên họp Ban Chỉ đạo về chuyển đổi số
Thủ tướng Chính phủ kết luận như sau:
I. ĐÁNH GIÁ CHUNG
Các bộ, ngành đã tích cực triển khai, nhiều chỉ tiêu đạt kết quả tốt.
II. NHIỆM VỤ, GIẢI PHÁP TRONG THỜI GIAN TỚI
1. Về hạ tầng số
- Đẩy nhanh tiến độ xây dựng Trung tâm dữ liệu quốc gia, hoàn thành trong năm 2026.
- Số hóa toàn bộ hồ sơ thủ tục hành chính còn lại.
2. Bộ Công an chủ trì theo dõi, đôn đốc thực hiện Đề án.
"""


def test_conclusions_notice_items_under_a_heading_of_work_are_tasks() -> None:
    """Under "NHIỆM VỤ, GIẢI PHÁP …" every item is work, whatever verb it opens with and
    though it names no doer (its lead is then empty); the assessment above gives none."""
    tasks = extract_text(WORK_SECTION, "tb.txt").tasks
    assert [(t.text.split()[0], [a.name for a in t.lead]) for t in tasks] == [
        ("Đẩy", []),
        ("Số", []),
        ("Bộ", ["Bộ Công an"]),
    ]
    assert str(tasks[0].deadline) == "2026-12-31"


@pytest.mark.parametrize(
    ("item", "boilerplate"),
    [
        # a pointer to the appendix, in brackets
        ("(Danh mục nhiệm vụ cụ thể được thể hiện tại Phụ lục kèm theo Kế hoạch này).", True),
        # contact details
        ("Chi tiết xin liên hệ Phòng Tổng hợp, Sở Tư pháp, số điện thoại 0200.3.123.456.", True),
        # a closing exhortation to everyone
        (
            "Các cơ quan, đơn vị được giao chủ trì có trách nhiệm hoàn thành nhiệm vụ được giao.",
            True,
        ),
        # a note in brackets, the line that spreads a resolution to the cells
        ("(Kế hoạch số 12/KH-UBND ngày 02/3/2026 gửi kèm theo)", True),
        ("Nghị quyết này phổ biến đến chi bộ.", True),
        # what replaces or repeals, a pointer to the appendix, a rule line
        (
            "Kế hoạch này thay thế Kế hoạch số 12/KH-UBND ngày 02/3/2025 của Ủy ban nhân dân tỉnh.",
            True,
        ),
        ("Bãi bỏ Quyết định số 40/QĐ-UBND ngày 10/4/2025.", True),
        ("Có Phụ lục nhiệm vụ kèm theo.", True),
        ("Các nhiệm vụ cụ thể được phân công tại Phụ lục kèm theo Kế hoạch này.", True),
        ("______________", True),
        ("Rà soát, bãi bỏ các thủ tục hành chính không cần thiết.", False),
        # a closing exhortation to carry the document out; a last request with work is work
        (
            "Ủy ban nhân dân tỉnh yêu cầu Thủ trưởng các sở, ban, ngành khẩn trương triển khai "
            "thực hiện./.",
            True,
        ),
        (
            "Yêu cầu Giám đốc các sở, ban, ngành; Chủ tịch Ủy ban nhân dân các xã, phường triển "
            "khai thực hiện nghiêm túc Chỉ thị này./.",
            True,
        ),
        ("Yêu cầu Sở Tài chính triển khai thực hiện Kế hoạch này trước ngày 15/12/2026.", False),
        ("Đề nghị Sở Tài chính báo cáo kết quả trước ngày 15/12/2026./.", False),
        # a right, not work; but "được giao" is work given
        ("Được cung cấp đầy đủ tài liệu học tập và sử dụng thư viện của Trung tâm.", True),
        ("Được giao chủ trì tổ chức hội nghị sơ kết; báo cáo kết quả.", False),
        # a letter's courtesy close
        ("Trân trọng./.", True),
        ("Trân trọng cảm ơn sự phối hợp của Quý cơ quan./.", True),
        # accountability if something goes wrong, not work
        ("Chịu trách nhiệm trước Chủ tịch Ủy ban nhân dân tỉnh nếu để xảy ra cháy rừng.", True),
        ("Người đứng đầu chịu trách nhiệm nếu buông lỏng quản lý đất đai trên địa bàn.", True),
        (
            "Trong quá trình thực hiện, nếu cần sửa đổi, bổ sung nội dung Chương trình, các bộ "
            "báo cáo Thủ tướng Chính phủ.",
            True,
        ),
        # difficulties reported back, a comma after the verb; tasks assigned in the appendix
        (
            "Trong quá trình triển khai, nếu có khó khăn, vướng mắc, các đơn vị phản ánh về Sở.",
            True,
        ),
        (
            "Các nhiệm vụ cụ thể, đơn vị chủ trì, đơn vị phối hợp và thời gian thực hiện được phân "
            "công tại Phụ lục kèm theo.",
            True,
        ),
        # the execution clause of a directive; with more work after it, it is work
        (
            "Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân các tỉnh chịu "
            "trách nhiệm tổ chức thực hiện nghiêm túc Chỉ thị này.",
            True,
        ),
        (
            "Thủ trưởng các sở chịu trách nhiệm thực hiện Kế hoạch này và báo cáo kết quả về "
            "Sở Nội vụ trước ngày 10/12.",
            False,
        ),
        # a closing exhortation with no work named
        ("Yêu cầu các cơ quan, đơn vị, thôn nghiêm túc triển khai thực hiện.", True),
        ("Yêu cầu các cơ quan nghiêm túc triển khai thực hiện việc số hóa hồ sơ.", False),
        # a council resolution's adoption line and transitional provisions
        (
            "Nghị quyết này đã được Hội đồng nhân dân tỉnh Khóa XI, Kỳ họp thứ Ba thông qua "
            "ngày 05 tháng 12 năm 2025 và có hiệu lực từ ngày 01 tháng 01 năm 2026./.",
            True,
        ),
        (
            "Các hồ sơ đã được phê duyệt trước ngày Nghị quyết này có hiệu lực thì tiếp tục "
            "thực hiện theo quy định cũ.",
            True,
        ),
        (
            "Trường hợp các văn bản dẫn chiếu tại Nghị quyết này được sửa đổi thì áp dụng theo "
            "văn bản mới.",
            True,
        ),
        # "Việc …": a matter named (what a review covers, what a rule governs), not work
        ("Việc bố trí nguồn lực cho chuyển đổi số ở cơ quan, đơn vị.", True),
        ("Việc chia sẻ dữ liệu phải bảo đảm chính xác, kịp thời.", True),
        ("Việc rà soát hồ sơ giao Sở Nội vụ chủ trì thực hiện.", False),
        # "Đối với X, thì …": how a rule applies to a case, not work; unless it assigns it
        (
            "Đối với các tổ chức đảng ở doanh nghiệp nhà nước, thì thực hiện theo hướng dẫn riêng.",
            True,
        ),
        ("Lưu ý: Đối với các đơn vị nhỏ, thì không bắt buộc lập hồ sơ riêng.", True),
        (
            "Đối với cơ quan có ít cán bộ, thì giao cấp ủy cấp trên trực tiếp thực hiện.",
            False,
        ),
        ("Đối với các xã chưa ban hành: khẩn trương ban hành kế hoạch.", False),
        # a pointer to the appendix that lists the work; the amendment this document makes
        ("Các nhiệm vụ, đề án trọng tâm có phụ lục kèm theo.", True),
        (
            "Sửa đổi, bổ sung điểm 2.3 Kết luận số 12-KL/TU ngày 20/8/2025 của Ban Thường vụ "
            "Tỉnh ủy như sau:",
            True,
        ),
        ("Sửa đổi, bổ sung Quy chế làm việc của Ủy ban nhân dân xã trong Quý I/2026.", False),
        # where the text can be read, not work
        (
            "Văn bản và các phụ lục kèm theo được đăng tải trên Cổng Thông tin điện tử của Sở.",
            True,
        ),
        # a step of a procedure (ANNOTATION.md: not a task)
        ("Bước 2: Cấp ủy xem xét, quyết định danh sách quy hoạch.", True),
        ("Bước 3. Thông báo kết quả cho cá nhân được quy hoạch.", True),
        # a regulation's execution clause, sanction and meeting regime (its rules, not work)
        ("Các cấp ủy, tổ chức đảng trực thuộc chịu trách nhiệm thi hành Quy chế này.", True),
        ("Các ban đảng, cơ quan tham mưu chịu trách nhiệm thi hành Quy định này.", True),
        (
            "Cấp ủy, người đứng đầu để nhiệm vụ chậm tiến độ hai lần trong năm thì phải kiểm "
            "điểm, làm rõ nguyên nhân.",
            True,
        ),
        ("Tỉnh ủy họp thường lệ 3 tháng một lần; Ban Thường vụ họp thường lệ mỗi tháng.", True),
        ("Ban Chỉ đạo họp định kỳ hằng quý để đánh giá tiến độ.", False),
        ("Sở Tài chính bố trí kinh phí để triển khai kế hoạch, báo cáo kết quả.", False),
        # the speaker's own view or assent, not work
        ("Chính phủ thống nhất đánh giá: tình hình kinh tế - xã hội tiếp tục tích cực.", True),
        ("Chính phủ nhất quán quan điểm: hoàn thiện thể chế là đột phá của đột phá.", True),
        ("Ban Bí thư tin tưởng rằng, với sự vào cuộc của cả hệ thống, Đề án sẽ thành công.", True),
        ("Ban Thường vụ Tỉnh ủy mong muốn các doanh nghiệp tiếp tục đồng hành.", True),
        # a letter's closing courtesy, and a statement of the purpose (session 24)
        ("Bộ Công Thương rất mong nhận được sự quan tâm, phối hợp của Quý Ủy ban./.", True),
        ("Cục Thuế mong tiếp tục nhận được sự phối hợp chặt chẽ của các đơn vị.", True),
        ("Mục tiêu chung là đưa dữ liệu số trở thành tài nguyên của tỉnh.", True),
        # where the money comes from, and a year's account of work done
        (
            "Kinh phí thực hiện Kế hoạch được bố trí từ nguồn ngân sách nhà nước theo phân cấp.",
            True,
        ),
        ("Kinh phí thực hiện từ nguồn ngân sách xã được giao trong dự toán hằng năm.", True),
        ("Năm 2025, Phòng Kinh tế đã phối hợp hỗ trợ 45 hộ kinh doanh mở gian hàng.", True),
        ("Năm 2026, Sở Tài chính bố trí kinh phí thực hiện Kế hoạch.", False),
        ("Bố trí kinh phí thực hiện Kế hoạch từ nguồn ngân sách tỉnh.", False),
        ("Sở Tài chính tổng hợp ý kiến nhận được, báo cáo Ủy ban nhân dân tỉnh.", False),
        ("Rà soát mục tiêu, chỉ tiêu của kế hoạch; điều chỉnh trong Quý III/2026.", False),
        ("Bộ Khoa học và Công nghệ thống nhất với đề xuất của tỉnh về việc thí điểm.", True),
        ("Về đề nghị thí điểm mô hình nông nghiệp số: Phó Thủ tướng đồng ý về chủ trương.", True),
        ("Đồng ý với nội dung Báo cáo số 96-BC/ĐU của Đảng ủy Ủy ban nhân dân tỉnh.", True),
        # assent written without "với" (session 21)
        ("Đồng ý đề xuất của Cục Viễn thông về việc tổ chức hội thảo chuyên đề.", True),
        ("Thống nhất đề nghị của Sở Nội vụ về phương án sắp xếp biên chế.", True),
        ("Sở Y tế nâng cao chất lượng khám bệnh, đáp ứng mong muốn của người dân.", False),
        ("Bộ Tài chính đánh giá kết quả thực hiện, báo cáo Thủ tướng Chính phủ.", False),
        # work
        ("Sở Tư pháp hoàn thành việc rà soát văn bản trước ngày 30/6/2026.", False),
        ("Chịu trách nhiệm tổ chức kiểm tra nếu có phản ánh; báo cáo kết quả.", False),
        ("Xây dựng danh mục nhiệm vụ trọng tâm theo Phụ lục của Bộ Nội vụ.", False),
        # a sentence saying what something is: a principle or a definition, no work (session 28)
        ("Cán bộ, chiến sĩ là chủ thể, là trung tâm của chuyển đổi số trong lực lượng.", True),
        ("Cơ sở dữ liệu dân cư là tài nguyên của quốc gia, là hạ tầng số dùng chung.", True),
        ("Người có uy tín là cầu nối giữa chính quyền với đồng bào.", True),
        ("Mục tiêu xuyên suốt là không để gián đoạn dịch vụ công trực tuyến.", True),
        # work: a verb opens it, the subject works, or "là" names a role or a duty
        ("Xác định chuyển đổi số là nhiệm vụ trọng tâm; người đứng đầu trực tiếp chỉ đạo.", False),
        ("Nâng cao kỹ năng số cho đối tượng là người cao tuổi, người khuyết tật.", False),
        ("Sở Tài chính là cơ quan đầu mối, tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh.", False),
        ("Văn phòng Ủy ban nhân dân xã là đầu mối theo dõi, đôn đốc việc thực hiện.", False),
        ("Thủ trưởng cơ quan, đơn vị là người quyết định việc cử cán bộ đi học.", False),
        ("Các cấp ủy, trước hết là người đứng đầu, trực tiếp chỉ đạo việc số hóa hồ sơ.", False),
        ("Rà soát các camera do Sở TT&TT (nay là Sở KH&CN) đầu tư, gửi Công an tỉnh.", False),
        ("Sở Nội vụ chủ trì, phối hợp với các đơn vị là thành viên Ban Chỉ đạo rà soát.", False),
        # "(Trong) quá trình thực hiện, nếu có khó khăn …": boilerplate with or without "Trong"
        ("Quá trình thực hiện, nếu có khó khăn, vướng mắc, các đơn vị báo cáo Công an tỉnh.", True),
        ("Trong quá trình triển khai, nếu có vướng mắc, đề nghị phản ánh về Bộ Nội vụ.", True),
        # a closing courtesy asking for attention to carry the letter out: no work of its own
        (
            "Văn phòng Trung ương Đảng trân trọng đề nghị các cấp ủy quan tâm chỉ đạo thực hiện.",
            True,
        ),
        ("Bộ Y tế đề nghị Quý cơ quan quan tâm, phối hợp thực hiện./.", True),
        # … but a request with its object is work
        (
            "Đề nghị Ủy ban nhân dân tỉnh quan tâm chỉ đạo thực hiện các nội dung trên trước ngày "
            "30/6/2026.",
            False,
        ),
        # the rest of a contact line cut off after its phone number
        ("024.3868 4xxx, email: khcntt@moet.gov.vn) để được hướng dẫn.", True),
    ],
)
def test_items_that_are_not_tasks(item: str, boilerplate: bool) -> None:
    from policy_lineage.loaders.extract_tasks import is_boilerplate

    assert is_boilerplate(item) is boilerplate


EVENT_PLAN = """ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI
Số: 210/KH-UBND
Quảng Ngãi, ngày 10 tháng 9 năm 2026
KẾ HOẠCH
Tổ chức Hội nghị sơ kết thực hiện Nghị quyết số 57-NQ/TW
I. NỘI DUNG HỘI NGHỊ
1. Thời gian: 08 giờ 00 ngày 20/10/2026.
2. Địa điểm: Hội trường Ủy ban nhân dân tỉnh.
3. Thành phần tham dự: Lãnh đạo các sở, ban, ngành.
II. TỔ CHỨC THỰC HIỆN
1. Sở Khoa học và Công nghệ chuẩn bị báo cáo sơ kết trước ngày 15/10/2026.
2. Văn phòng Ủy ban nhân dân tỉnh chuẩn bị hội trường, gửi giấy mời.
- Địa điểm: Hội trường tầng 3.
- Thành phần: theo danh sách đính kèm.
"""


def test_an_events_time_place_and_guests_are_not_tasks() -> None:
    """ "Thời gian: …", "Địa điểm: …", "Thành phần tham dự: …" describe the event: items made
    only of them are no tasks, and under a task they are its fields, not tasks of their own."""
    tasks = extract_text(EVENT_PLAN, "kh.txt").tasks
    assert [[a.name for a in t.lead] for t in tasks] == [
        ["Sở Khoa học và Công nghệ"],
        ["Văn phòng Ủy ban nhân dân tỉnh"],
    ]


@pytest.mark.parametrize(
    ("item", "title"),
    [
        ("Chương III TRÁCH NHIỆM CỦA CÁC CƠ QUAN, ĐƠN VỊ", True),
        ("Ổn định lớp", True),
        ("Rà soát, bổ sung quy hoạch cán bộ.", False),
        ("Sở Y tế kiểm tra an toàn thực phẩm.", False),
    ],
)
def test_titles_are_not_tasks(item: str, title: bool) -> None:
    from policy_lineage.loaders.extract_tasks import _a_title

    assert _a_title(item) is title


# ----------------------------------------------------------------- inline sub-items
NOTICE_WITH_INLINE_ITEMS = """VĂN PHÒNG CHÍNH PHỦ

Số: 901/TB-VPCP

Hà Nội, ngày 03 tháng 9 năm 2026

THÔNG BÁO

Kết luận của Phó Thủ tướng Chính phủ tại cuộc họp về dữ liệu đất đai

Phó Thủ tướng Chính phủ kết luận như sau:

1. Bộ Nông nghiệp và Môi trường: (1) chủ trì, phối hợp với Bộ Công an hoàn thiện cơ sở \
dữ liệu đất đai, hoàn thành trong tháng 10 năm 2026; (2) hướng dẫn các địa phương cập nhật \
dữ liệu; (3) tổng hợp kết quả, báo cáo Thủ tướng Chính phủ.

2. Bộ Tài chính xây dựng hệ thống gồm: (i) phân hệ thu ngân sách; (ii) phân hệ chi ngân sách.
"""


def test_inline_sub_items_are_tasks_of_the_items_body() -> None:
    tasks = extract_text(NOTICE_WITH_INLINE_ITEMS, "tb.md").tasks
    assert [(t.text, [a.name for a in t.lead]) for t in tasks] == [
        (
            "chủ trì, phối hợp với Bộ Công an hoàn thiện cơ sở dữ liệu đất đai, hoàn thành "
            "trong tháng 10 năm 2026",
            ["Bộ Nông nghiệp và Môi trường"],
        ),
        ("hướng dẫn các địa phương cập nhật dữ liệu", ["Bộ Nông nghiệp và Môi trường"]),
        (
            "tổng hợp kết quả, báo cáo Thủ tướng Chính phủ.",
            ["Bộ Nông nghiệp và Môi trường"],
        ),
        # a list of things, not of work: one task
        (
            "Bộ Tài chính xây dựng hệ thống gồm: (i) phân hệ thu ngân sách; (ii) phân hệ chi "
            "ngân sách.",
            ["Bộ Tài chính"],
        ),
    ]
    assert [a.name for a in tasks[0].cooperating] == ["Bộ Công an"]
    assert str(tasks[0].deadline) == "2026-10-31"
    assert tasks[1].deadline is None


LETTER_TWO_DOERS = """VĂN PHÒNG CHÍNH PHỦ

Số: 2468/VPCP-V.I

Hà Nội, ngày 03 tháng 3 năm 2026

Kính gửi: Các Bộ: Công an, Quốc phòng, Tài chính.

Phó Thủ tướng Chính phủ có ý kiến như sau:

1. Các bộ, cơ quan, địa phương tăng cường kiểm soát thị trường dịp cuối năm.

2. Bộ Công an chỉ đạo lực lượng chức năng triệt phá đường dây buôn lậu; Bộ Quốc phòng \
tăng cường tuần tra biên giới.

3. Bộ Tài chính chủ trì rà soát thủ tục hải quan; Bộ Công an phối hợp cung cấp thông tin.

4. Kiểm tra việc thực hiện, báo cáo trước ngày 15/3/2026.
"""


def test_a_letter_item_giving_work_to_two_bodies_is_two_tasks() -> None:
    """After a ";" another body given work of its own starts a task; one that only helps
    does not. An item naming a group of a kind keeps it; one naming no doer is done by the
    addressees."""
    ex = extract_text(LETTER_TWO_DOERS, "cv.md")
    assert ex.document.number == "2468/VPCP-V.I"
    assert [[a.name for a in t.lead] for t in ex.tasks] == [
        ["Các bộ, cơ quan, địa phương"],
        ["Bộ Công an"],
        ["Bộ Quốc phòng"],
        ["Bộ Tài chính"],
        ["Bộ Công an", "Bộ Quốc phòng", "Bộ Tài chính"],
    ]
    assert ex.tasks[2].text == "Bộ Quốc phòng tăng cường tuần tra biên giới."


@pytest.mark.parametrize(
    ("item", "leads"),
    [
        # after ";" and a framing phrase, another body given work of its own: two tasks
        ("Bộ Xây dựng chỉ đạo các ban quản lý dự án hoàn thành thi công thử nghiệm, báo cáo "
         "trong tháng 01 năm 2026; trên cơ sở đó, Bộ Tài chính bố trí vốn cho các dự án.",
         [["Các ban quản lý dự án"], ["Bộ Tài chính"]]),
        # the same body going on after ";": one task
        ("Bộ Xây dựng hoàn thành thi công thử nghiệm, báo cáo trong tháng 01 năm 2026; trên "
         "cơ sở đó, Bộ Xây dựng ban hành hướng dẫn kỹ thuật.",
         [["Bộ Xây dựng"]]),
    ],
)  # fmt: skip
def test_a_clause_after_a_framing_phrase_is_a_task_only_for_another_body(
    item: str, leads: list[list[str]]
) -> None:
    text = LETTER_TWO_DOERS.split("1. Các bộ")[0] + f"1. {item}\n"
    assert [[a.name for a in t.lead] for t in extract_text(text, "cv.md").tasks] == leads


@pytest.mark.parametrize(
    ("item", "leads"),
    [
        # another body asked to help with work its verb names: a task of its own
        ("Đề nghị Sở Tài chính bố trí kinh phí thực hiện Kế hoạch; đề nghị Ủy ban nhân dân "
         "các xã, phường phối hợp cung cấp số liệu phục vụ đánh giá.",
         [["Sở Tài chính"], ["Ủy ban nhân dân các xã, phường"]]),
        # given only a hand in the item's work: one task
        ("Giao Sở Tài chính bố trí kinh phí thực hiện Kế hoạch; giao Ủy ban nhân dân các xã, "
         "phường phối hợp thực hiện.",
         [["Sở Tài chính"]]),
    ],
)  # fmt: skip
def test_a_plan_item_asking_another_body_for_work_of_its_own(item, leads) -> None:
    text = "\n".join(
        [
            "ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN",
            "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
            "Số: 12/KH-SKHCN",
            "Thái Nguyên, ngày 10 tháng 3 năm 2026",
            "KẾ HOẠCH",
            "Chuyển đổi số năm 2026",
            "",
            "III. TỔ CHỨC THỰC HIỆN",
            "",
            f"1. {item}",
        ]
    )
    assert [[a.name for a in t.lead] for t in extract_text(text, "kh.txt").tasks] == leads


MONITORING_GUIDE = """BAN TUYÊN GIÁO TỈNH ỦY

Số: 12-HD/BTGTU

Nghệ An, ngày 05 tháng 5 năm 2026

HƯỚNG DẪN

Giám sát việc học tập nghị quyết

I. NỘI DUNG GIÁM SÁT

1. Việc phổ biến nghị quyết đến chi bộ.

2. Việc xây dựng chương trình hành động.

II. PHƯƠNG PHÁP

1. Nghiên cứu báo cáo của các chi bộ.

2. Khảo sát thực tế tại cơ sở.

III. TỔ CHỨC THỰC HIỆN

1. Ban Tuyên giáo Tỉnh ủy chủ trì hướng dẫn, kiểm tra việc thực hiện.

2. Các huyện ủy, thành ủy xây dựng kế hoạch giám sát tại địa phương.

Bố trí cán bộ theo dõi, tổng hợp kết quả giám sát.

Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, phản ánh về Ban Tuyên giáo Tỉnh ủy.
"""


def test_what_is_watched_and_how_are_not_tasks_and_a_paragraph_goes_on_with_its_item() -> None:
    """A guide's monitoring contents and methods are not work given to anyone; a paragraph
    opening with a verb of work after "2. Các huyện ủy …" is that body's task too."""
    tasks = extract_text(MONITORING_GUIDE, "hd.md").tasks
    assert [t.text for t in tasks] == [
        "Ban Tuyên giáo Tỉnh ủy chủ trì hướng dẫn, kiểm tra việc thực hiện.",
        "Các huyện ủy, thành ủy xây dựng kế hoạch giám sát tại địa phương.",
        "Bố trí cán bộ theo dõi, tổng hợp kết quả giám sát.",
    ]
    assert [a.name for a in tasks[1].lead] == ["Các huyện ủy, thành ủy"]
    assert tasks[2].lead == tasks[1].lead


APPROVING_NOTICE = """VĂN PHÒNG CHÍNH PHỦ
Số: 733/TB-VPCP
Hà Nội, ngày 12 tháng 10 năm 2026
THÔNG BÁO
Kết luận của Phó Thủ tướng Chính phủ tại cuộc họp về hạ tầng số
Phó Thủ tướng Chính phủ kết luận như sau:
1. Đồng ý về nguyên tắc đề xuất của Bộ Xây dựng về lộ trình đầu tư; giao Bộ Xây dựng chủ trì, \
phối hợp với Bộ Tài chính hoàn thiện hồ sơ, trình Thủ tướng Chính phủ trong tháng 11 năm 2026.
2. Ghi nhận kết quả của các địa phương trong thời gian qua.
3. Bộ Tài chính bố trí vốn cho các dự án hạ tầng số; Bộ Khoa học và Công nghệ hướng dẫn các \
địa phương triển khai; Bộ Tư pháp phối hợp thẩm định.
"""


def test_conclusions_approval_then_work_and_one_item_for_several_bodies() -> None:
    """An item that approves ("Đồng ý về nguyên tắc …") and then gives work ("…; giao Bộ X
    chủ trì …") is a task from the giving on; one that only notes ("Ghi nhận …") is none.
    After ";" another body given work of its own is a task of its own; a body that only
    helps ("Bộ Tư pháp phối hợp …") stays with the clause before it."""
    tasks = extract_text(APPROVING_NOTICE, "tb.txt").tasks
    assert [(t.text.split()[0:3], [a.name for a in t.lead]) for t in tasks] == [
        (["giao", "Bộ", "Xây"], ["Bộ Xây dựng"]),
        (["Bộ", "Tài", "chính"], ["Bộ Tài chính"]),
        (["Bộ", "Khoa", "học"], ["Bộ Khoa học và Công nghệ"]),
    ]
    assert str(tasks[0].deadline) == "2026-11-30"
    assert "Bộ Tư pháp phối hợp thẩm định" in tasks[2].text


def test_conclusions_paragraph_after_an_approving_item_and_sentences_of_two_bodies() -> None:
    """A paragraph after a numbered item that only approves ("4. Về vốn: Đồng ý …") gives
    that item's work; a sentence that opens with another body and a verb of work ("Bộ Y tế
    chủ trì …") is a task of its own."""
    notice = APPROVING_NOTICE.split("1. Đồng ý")[0] + (
        "1. Về vốn: Đồng ý về nguyên tắc sử dụng nguồn tăng thu năm 2026 cho Dự án.\n\n"
        "Bộ Tài chính chủ trì, phối hợp với Bộ Xây dựng bố trí vốn cho Dự án trong Quý I năm "
        "2027.\n\n2. Về nhân lực: Đề nghị Bộ Khoa học và Công nghệ phối hợp với Bộ Xây dựng lập "
        "danh mục công nghệ, hoàn thành trong Quý II năm 2027. Bộ Y tế chủ trì, phối hợp với "
        "Bộ Xây dựng xây dựng đề án đào tạo, trình Thủ tướng Chính phủ trong năm 2027.\n"
    )
    tasks = extract_text(notice, "tb.txt").tasks
    assert [(t.text.split()[0:3], [a.name for a in t.lead]) for t in tasks] == [
        (["Bộ", "Tài", "chính"], ["Bộ Tài chính"]),
        (["Về", "nhân", "lực:"], ["Bộ Khoa học và Công nghệ"]),
        (["Bộ", "Y", "tế"], ["Bộ Y tế"]),
    ]


PARTY_CONCLUSION = """BAN CHẤP HÀNH TRUNG ƯƠNG
ĐẢNG CỘNG SẢN VIỆT NAM
Số 240-KL/TW
Hà Nội, ngày 10 tháng 3 năm 2026
KẾT LUẬN
CỦA BAN BÍ THƯ VỀ PHÁT TRIỂN THỂ THAO QUẦN CHÚNG
Ban Bí thư kết luận như sau:
1- Ban Bí thư cơ bản đồng ý với Báo cáo của Đảng ủy Chính phủ. Phong trào thể thao quần chúng được nâng lên.
2- Các cấp ủy, tổ chức đảng tiếp tục quán triệt Chỉ thị, trong đó tập trung: (1) Nâng cao chất lượng thiết chế thể thao cơ sở; (2) Ưu tiên quỹ đất cho sân chơi; (3) Xử lý nghiêm việc sử dụng sai mục đích công trình thể thao.
3- Giao Đảng ủy Chính phủ lãnh đạo, chỉ đạo xây dựng chiến lược, hoàn thành trong năm 2026. Đảng ủy Quốc hội lãnh đạo việc sửa đổi Luật Thể dục, thể thao trong năm 2027.
"""


def test_party_conclusion_assessment_inline_items_and_a_body_per_sentence() -> None:
    """A Party conclusion: the organ's own approval ("Ban Bí thư cơ bản đồng ý …") is no task;
    inline sub-items "(1) …; (2) …; (3) Xử lý …" are one task each; a sentence opening with
    another Party body that leads ("Đảng ủy Quốc hội lãnh đạo …") is a task of its own."""
    tasks = extract_text(PARTY_CONCLUSION, "kl.txt").tasks
    assert [(t.text.split()[0:2], [a.name for a in t.lead]) for t in tasks] == [
        (["Nâng", "cao"], ["Các cấp ủy, tổ chức đảng"]),
        (["Ưu", "tiên"], ["Các cấp ủy, tổ chức đảng"]),
        (["Xử", "lý"], ["Các cấp ủy, tổ chức đảng"]),
        (["Giao", "Đảng"], ["Đảng ủy Chính phủ"]),
        (["Đảng", "ủy"], ["Đảng ủy Quốc hội"]),
    ]


PROSE_LETTER = """BỘ XÂY DỰNG
Số: 4100/BXD-KHCN
V/v góp ý dự thảo Thông tư
Hà Nội, ngày 02 tháng 4 năm 2026
Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.
Ngày 20 tháng 3 năm 2026, Văn phòng Chính phủ có văn bản số 2200/VPCP-CN đề nghị Bộ Xây dựng \
hoàn thiện dự thảo Thông tư về nhà ở xã hội.
Để bảo đảm chất lượng, Bộ Xây dựng trân trọng đề nghị Quý Ủy ban nghiên cứu, góp ý dự thảo \
Thông tư và gửi về Bộ Xây dựng trước 17 giờ ngày 15 tháng 4 năm 2026.
Mọi chi tiết xin liên hệ Vụ Khoa học công nghệ, điện thoại 024.3976.0000.
Trân trọng./.
"""


def test_a_letter_in_prose_gives_its_requests() -> None:
    """A letter with no item of work: the sentence that asks the addressees to act is its
    task, done by them; a request another document made ("… có văn bản số … đề nghị …"),
    the contact line and the courtesy close are not."""
    tasks = extract_text(PROSE_LETTER, "cv.txt").tasks
    assert [(t.text.split()[0:4], [a.name for a in t.lead]) for t in tasks] == [
        (["Để", "bảo", "đảm", "chất"],
         ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"]),
    ]  # fmt: skip
    assert str(tasks[0].deadline) == "2026-04-15"


OBJECTIVES_WITH_ACTIVITIES = """ỦY BAN NHÂN DÂN TỈNH BẮC NINH
Số: 19/KH-UBND
Bắc Ninh, ngày 02 tháng 10 năm 2026
KẾ HOẠCH
Tháng hành động vì trẻ em
I. MỤC TIÊU
1. Nâng cao nhận thức của người dân về quyền trẻ em.
2. Tháng hành động
a) Chủ đề: An toàn cho trẻ em trên không gian mạng.
b) Các hoạt động chính
- Tổ chức lễ phát động Tháng hành động tại các xã, phường.
- Phát hành tờ rơi về kỹ năng an toàn cho trẻ em.
II. TỔ CHỨC THỰC HIỆN
1. Sở Y tế theo dõi, tổng hợp kết quả.
"""


def test_activities_inside_an_objectives_section_are_tasks() -> None:
    """An objective is no task, but the activities listed under "Các hoạt động chính"
    inside the objectives section are: the nearer heading decides."""
    tasks = extract_text(OBJECTIVES_WITH_ACTIVITIES, "kh.txt").tasks
    assert [t.text.split()[0:2] for t in tasks] == [
        ["Tổ", "chức"],
        ["Phát", "hành"],
        ["Sở", "Y"],
    ]


AMENDING_DECISION = """ỦY BAN NHÂN DÂN TỈNH BẮC NINH
Số: 77/QĐ-UBND
Bắc Ninh, ngày 02 tháng 3 năm 2026
QUYẾT ĐỊNH
Sửa đổi, bổ sung Phụ lục nhiệm vụ kèm theo Kế hoạch số 20/KH-UBND
ỦY BAN NHÂN DÂN TỈNH BẮC NINH
Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;
QUYẾT ĐỊNH:
Điều 1. Sửa đổi, bổ sung Phụ lục nhiệm vụ như sau:
1. Sửa đổi nhiệm vụ số 3 như sau: "Xây dựng kho dữ liệu y tế của tỉnh. Cơ quan chủ trì: Sở Y tế; \
thời gian hoàn thành: năm 2026."
2. Bổ sung nhiệm vụ số 8: "Số hóa hồ sơ đất đai. Cơ quan chủ trì: Sở Nông nghiệp và Môi trường; \
thời gian hoàn thành: Quý IV/2026."
3. Bãi bỏ nhiệm vụ số 5 do đã hoàn thành.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
"""


def test_an_amending_decision_gives_the_quoted_tasks() -> None:
    """ "Sửa đổi nhiệm vụ số 3 như sau: “…”", "Bổ sung nhiệm vụ số 8: “…”": the task is the
    quoted one, with its own fields; a repealed one ("Bãi bỏ nhiệm vụ số 5") is none."""
    tasks = extract_text(AMENDING_DECISION, "qd.txt").tasks
    assert [(t.text, [a.name for a in t.lead], str(t.deadline)) for t in tasks] == [
        ("Xây dựng kho dữ liệu y tế của tỉnh.", ["Sở Y tế"], "2026-12-31"),
        ("Số hóa hồ sơ đất đai.", ["Sở Nông nghiệp và Môi trường"], "2026-12-31"),
    ]


REGULATION_WITH_SCOPE = """BAN BÍ THƯ
Số: 412-QĐ/TW
Hà Nội, ngày 05 tháng 3 năm 2026
QUY ĐỊNH
Về lưu trữ tài liệu điện tử của các cơ quan đảng
- Căn cứ Điều lệ Đảng;
Ban Bí thư quy định như sau:
Chương I. QUY ĐỊNH CHUNG
Điều 1. Đối tượng áp dụng
1. Các cơ quan đảng từ Trung ương đến cơ sở.
2. Các tổ chức chính trị - xã hội có tài liệu lưu trữ tại cơ quan đảng.
Điều 2. Nguyên tắc
Văn phòng Trung ương Đảng là cơ quan quản lý thống nhất tài liệu lưu trữ.
Chương II. TRÁCH NHIỆM
Điều 3. Trách nhiệm của Văn phòng Trung ương Đảng
1. Hướng dẫn, kiểm tra việc lưu trữ tài liệu điện tử.
"""


def test_a_regulations_scope_and_principles_articles_hold_no_tasks() -> None:
    """ "Điều 1. Đối tượng áp dụng: 1. Các cơ quan đảng …" names bodies but gives no work;
    neither does a principle; the responsibility article does."""
    tasks = extract_text(REGULATION_WITH_SCOPE, "qd.txt").tasks
    assert [(t.text.split()[0], [a.name for a in t.lead]) for t in tasks] == [
        ("Hướng", ["Văn phòng Trung ương Đảng"]),
    ]


def test_a_short_name_the_document_gives_a_body() -> None:
    """ "Ban Quản lý các khu công nghệ cao … (sau đây gọi tắt là “Ban Quản lý”)": a later
    "Ban Quản lý" is that body; "Ban Quản lý Dự án Giao thông" is still another; a short name
    given to no body ("(sau đây gọi tắt là địa bàn)") names none."""
    doc = (
        "Ban Quản lý các khu công nghệ cao tỉnh Bắc Ninh (sau đây gọi tắt là “Ban Quản lý”) "
        "có trách nhiệm hướng dẫn; các xã trên địa bàn tỉnh (sau đây gọi tắt là địa bàn)."
    )
    table = TABLE.for_document(doc)
    found = [
        m.agency.name
        for m in table.find(
            "Ban Quản lý chủ trì, phối hợp với Ban Quản lý Dự án Giao thông.", "Bắc Ninh"
        )
    ]
    assert found == [
        "Ban Quản lý các khu công nghệ cao tỉnh Bắc Ninh",
        "Ban Quản lý Dự án Giao thông",
    ]
    assert [m.agency.name for m in table.find("Rà soát địa bàn.", "Bắc Ninh")] == []


INFORMING_LETTER = """BỘ Y TẾ
Số: 5100/BYT-TT
V/v thông tin về tiêm chủng
Hà Nội, ngày 02 tháng 11 năm 2026
Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.
Bộ Y tế đề nghị Ủy ban nhân dân các tỉnh, thành phố chỉ đạo các cơ quan báo chí địa phương \
thông tin đúng về chương trình tiêm chủng, cụ thể như sau:
1. Trong thời gian qua, chương trình tiêm chủng mở rộng đã đạt nhiều kết quả.
2. Ngày 10/10/2026, Bộ Y tế đã ban hành hướng dẫn mới về lịch tiêm.
Chương trình này đã được các địa phương triển khai đồng bộ.
Bộ Y tế trân trọng cảm ơn sự phối hợp của Quý cơ quan./.
"""


def test_a_letter_that_informs_gives_its_request_not_its_facts() -> None:
    """The items after "cụ thể như sau:" tell facts ("Trong thời gian qua, … đã …", "Ngày
    10/10/2026, Bộ Y tế đã ban hành …"): no task; the request that introduces them is the
    letter's task, done by the body it names last in the chain."""
    tasks = extract_text(INFORMING_LETTER, "cv.txt").tasks
    assert [(t.text.split()[0:3], [a.name for a in t.lead]) for t in tasks] == [
        (["Bộ", "Y", "tế"], ["Các cơ quan báo chí địa phương"]),
    ]


LETTER_IN_PROSE = """VĂN PHÒNG CHÍNH PHỦ
Số: 9998/VPCP-KTTH
V/v xử lý kiến nghị của Bộ Công Thương
Hà Nội, ngày 10 tháng 12 năm 2025
Kính gửi:
- Bộ Công Thương;
- Bộ Tài chính;
- Ủy ban nhân dân tỉnh Lạng Sơn.
Xét đề nghị của Bộ Công Thương tại văn bản số 456/BCT-TTTN ngày 01 tháng 12 năm 2025, Phó Thủ \
tướng Chính phủ có ý kiến như sau:
Đồng ý với đề xuất của Bộ Công Thương về tăng cường kiểm soát hàng hóa qua biên giới. Bộ Công \
Thương chủ trì, phối hợp với Bộ Tài chính hướng dẫn doanh nghiệp thực hiện, báo cáo Thủ tướng \
Chính phủ trong tháng 01 năm 2026. Ủy ban nhân dân tỉnh Lạng Sơn tăng cường kiểm tra, kiểm soát \
tại các cửa khẩu.
Văn phòng Chính phủ thông báo để các cơ quan biết, thực hiện./.
"""


def test_a_letters_opinion_in_prose_gives_one_task_per_assignment() -> None:
    """A letter that conveys a leader's opinion in one paragraph: the approval is no task; each
    sentence giving work to a body is a task of its own (the guide: one task per assignment
    sentence); the request to report in the same sentence stays with it."""
    tasks = extract_text(LETTER_IN_PROSE, "cv.txt").tasks
    assert [([a.name for a in t.lead], [a.name for a in t.cooperating]) for t in tasks] == [
        (["Bộ Công Thương"], ["Bộ Tài chính"]),
        (["Ủy ban nhân dân tỉnh Lạng Sơn"], []),
    ]
    assert str(tasks[0].deadline) == "2026-01-31"
    assert tasks[1].text.startswith("Ủy ban nhân dân tỉnh Lạng Sơn tăng cường kiểm tra")


PARTY_REGULATION = """BAN CHẤP HÀNH TRUNG ƯƠNG
Số 998-QĐ/TW
ĐẢNG CỘNG SẢN VIỆT NAM
Hà Nội, ngày 10 tháng 10 năm 2025
QUY ĐỊNH
về quản lý tài liệu lưu trữ của Đảng
Ban Bí thư quy định về quản lý tài liệu lưu trữ của Đảng như sau:
Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Quy định này quy định về quản lý tài liệu lưu trữ của Đảng.
Chương III
TRÁCH NHIỆM CỦA CÁC CƠ QUAN, TỔ CHỨC
Điều 12. Văn phòng Trung ương Đảng
1. Giúp Ban Bí thư thống nhất quản lý tài liệu lưu trữ của Đảng.
2. Hướng dẫn, kiểm tra nghiệp vụ lưu trữ đối với văn phòng cấp ủy các cấp.
Điều 14. Cấp ủy, tổ chức đảng các cấp
1. Lãnh đạo, chỉ đạo công tác lưu trữ tại cơ quan, đơn vị.
Điều 15. Cán bộ, đảng viên
Có trách nhiệm giao nộp tài liệu có giá trị cho lưu trữ.
"""


def test_a_regulations_duties_under_articles_headed_by_the_party() -> None:
    """A regulation with no "Căn cứ" line opens its body at "Chương I"; in its chapter of
    duties, an article headed only by a party ("Điều 12. Văn phòng Trung ương Đảng",
    "Điều 14. Cấp ủy, tổ chức đảng các cấp", "Điều 15. Cán bộ, đảng viên") lists that party's
    tasks; the article on scope gives none."""
    ex = extract_text(PARTY_REGULATION, "qd.txt")
    assert ex.document.title == "Về quản lý tài liệu lưu trữ của Đảng"
    assert [([a.name for a in t.lead], t.text.split(",")[0]) for t in ex.tasks] == [
        (
            ["Văn phòng Trung ương Đảng"],
            "Giúp Ban Bí thư thống nhất quản lý tài liệu lưu trữ của Đảng.",
        ),
        (["Văn phòng Trung ương Đảng"], "Hướng dẫn"),
        (["Cấp ủy, tổ chức đảng các cấp"], "Lãnh đạo"),
        (["Cán bộ, đảng viên"], "Có trách nhiệm giao nộp tài liệu có giá trị cho lưu trữ."),
    ]


MARKET_DIRECTIVE = """ỦY BAN NHÂN DÂN TỈNH AN GIANG
Số: 12/CT-UBND
An Giang, ngày 3 tháng 3 năm 2026
CHỈ THỊ
Về việc tăng cường quản lý chợ
Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở, ban, ngành thực hiện các nội dung sau:

1. Các cơ quan cấp phép (Sở Công Thương, Ban Quản lý Khu kinh tế tỉnh):

a) Tiếp nhận hồ sơ đề nghị cấp phép kinh doanh.

b) Kiểm tra hồ sơ và trả kết quả đúng hạn.

Trường hợp hồ sơ chưa đủ, cơ quan cấp phép yêu cầu bổ sung trong 03 ngày.

c) Công khai thủ tục trên cổng thông tin điện tử của tỉnh

2. Các sở, ban, ngành, địa phương: Là các đơn vị được lấy ý kiến, chịu trách nhiệm các nội dung sau:

a) Góp ý hồ sơ trong thời hạn quy định.

b) Cung cấp thông tin quy hoạch của ngành.

3. Cơ quan chủ trì giải quyết thủ tục cấp phép

a) Hướng dẫn thương nhân giải quyết nhanh các thủ tục thuộc thẩm quyền:

b) Chủ động phối hợp với các cơ quan liên quan để giải quyết trong thời hạn quy định.

4. Sở Y tế:

- Kiểm tra an toàn thực phẩm tại các chợ.

Tổ chức tập huấn cho tiểu thương về an toàn thực phẩm.

- Báo cáo kết quả hằng quý.

5. Cơ quan cấp phép có trách nhiệm công bố danh mục hồ sơ đã cấp phép.
"""


def test_a_directives_groups_roles_and_items() -> None:
    """A group followed by its members in brackets is led by the members; a heading "X: Là
    …" by X; a heading that is only a role by the role as printed. A paragraph between two
    sibling items goes on with the first ("Trường hợp …"), unless it opens with work (an
    item whose marker was lost). An item with no full stop, or with a colon that introduces
    nothing, is still a task."""
    tasks = extract_text(MARKET_DIRECTIVE, "ct.txt").tasks
    got = [(t.text[:28], [a.name for a in t.lead]) for t in tasks]
    members = ["Sở Công Thương", "Ban Quản lý Khu kinh tế tỉnh"]
    parties = ["Các sở, ban, ngành, địa phương"]
    role = ["Cơ quan chủ trì giải quyết thủ tục cấp phép"]
    assert got == [
        ("Tiếp nhận hồ sơ đề nghị cấp ", members),
        ("Kiểm tra hồ sơ và trả kết qu", members),
        ("Công khai thủ tục trên cổng ", members),
        ("Góp ý hồ sơ trong thời hạn q", parties),
        ("Cung cấp thông tin quy hoạch", parties),
        ("Hướng dẫn thương nhân giải q", role),
        ("Chủ động phối hợp với các cơ", role),
        ("Kiểm tra an toàn thực phẩm t", ["Sở Y tế"]),
        ("Tổ chức tập huấn cho tiểu th", ["Sở Y tế"]),
        ("Báo cáo kết quả hằng quý.", ["Sở Y tế"]),
        ("Cơ quan cấp phép có trách nh", members),  # the group named above, by its members
    ]
    assert "Trường hợp hồ sơ chưa đủ" in tasks[1].text


PARTY_RULE_PAGE = """**BAN CHẤP HÀNH TRUNG ƯƠNG**

Số 400-QĐ/TW

*Hà Nội, ngày 10 tháng 10 năm 2026*

**QUY ĐỊNH**

**về quản lý tài liệu điện tử của Đảng**

Căn cứ Điều lệ Đảng;

Ban Bí thư quy định như sau:

Chương I
QUẢN LÝ TÀI LIỆU ĐIỆN TỬ

Điều 1. Bảo quản tài liệu điện tử
Văn phòng Trung ương Đảng xây dựng hệ thống lưu trữ tài liệu điện tử của Đảng.

Điều 2. Trách nhiệm thi hành
1. Ban Tổ chức Trung ương hướng dẫn thực hiện Quy định này.
2. Các tỉnh ủy, thành ủy chỉ đạo triển khai thực hiện Quy định này.
"""


def test_an_articles_title_ends_its_line_on_a_saved_page() -> None:
    """On a page whose paragraphs are mostly apart, an article's title on a line of its own
    ends there: the text on the next line is the article's, not more of its title."""
    tasks = extract_text(PARTY_RULE_PAGE, "qd.md").tasks
    assert [(t.text, [a.name for a in t.lead]) for t in tasks] == [
        ("Văn phòng Trung ương Đảng xây dựng hệ thống lưu trữ tài liệu điện tử của Đảng.",
         ["Văn phòng Trung ương Đảng"]),
        ("Ban Tổ chức Trung ương hướng dẫn thực hiện Quy định này.", ["Ban Tổ chức Trung ương"]),
        ("Các tỉnh ủy, thành ủy chỉ đạo triển khai thực hiện Quy định này.",
         ["Các tỉnh ủy, thành ủy"]),
    ]  # fmt: skip


COMMUNE_PLAN = """ỦY BAN NHÂN DÂN
XÃ TÂN HƯNG
Số: 46/KH-UBND
Tân Hưng, ngày 16 tháng 9 năm 2026
KẾ HOẠCH
Phát triển chuyển đổi số năm 2026
Căn cứ Kế hoạch số 120/KH-UBND ngày 01/8/2026 của Ủy ban nhân dân tỉnh Đồng Tháp;
Ủy ban nhân dân xã ban hành Kế hoạch như sau:
I. TỔ CHỨC THỰC HIỆN
1. Mặt trận Tổ quốc và các đoàn thể vận động Nhân dân sử dụng dịch vụ công trực tuyến.
2. Phòng Văn hóa - Xã hội phối hợp với Sở Khoa học và Công nghệ, Ủy ban Mặt trận Tổ quốc \
Việt Nam tỉnh tổ chức tập huấn.
"""


def test_a_communes_bare_names_are_its_own_bodies() -> None:
    """In a commune's plan "Mặt trận Tổ quốc" is the commune's front, not the province's; a
    body named with its place ("… tỉnh") and a provincial department stay as they are."""
    tasks = extract_text(COMMUNE_PLAN, "kh.txt").tasks
    assert [a.name for a in tasks[0].lead] == [
        "Ủy ban Mặt trận Tổ quốc Việt Nam xã",
        "Các đoàn thể",
    ]
    assert [a.name for a in tasks[1].cooperating] == [
        "Sở Khoa học và Công nghệ",
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
    ]


CENTRAL_NOTICE_TO_A_PROVINCE = """VĂN PHÒNG CHÍNH PHỦ
Số: 612/TB-VPCP
Hà Nội, ngày 2 tháng 12 năm 2025
THÔNG BÁO
Kết luận của Phó Thủ tướng Chính phủ tại buổi làm việc với lãnh đạo tỉnh Gia Lai
Phó Thủ tướng Chính phủ kết luận như sau:
1. Ủy ban nhân dân tỉnh:
a) Chỉ đạo Sở Nông nghiệp và Môi trường hoàn thành cấp giấy chứng nhận quyền sử dụng đất.
b) Bộ trưởng Bộ Y tế hỗ trợ Tỉnh nâng cấp bệnh viện; Bộ trưởng Bộ Giáo dục và Đào tạo chỉ \
đạo các sở giáo dục và đào tạo rà soát trường học.
2. Về đề nghị mở rộng Cảng hàng không Pleiku: Phó Thủ tướng Chính phủ ghi nhận đề xuất của \
Tỉnh.
3. Thủ trưởng các bộ, ngành; Chủ tịch Ủy ban nhân dân tỉnh theo chức năng triển khai thực hiện \
các nội dung trên.
"""


def test_a_central_notice_about_a_province() -> None:
    """The province's bodies named bare keep their place; after ";" an office holder given
    work of its own opens a task of its own, but a list of office holders before ";" is the
    addressees of one item; what the Deputy Prime Minister only notes is no task."""
    tasks = extract_text(CENTRAL_NOTICE_TO_A_PROVINCE, "tb.txt").tasks
    assert [(t.text[:24], [a.name for a in t.lead]) for t in tasks] == [
        ("Chỉ đạo Sở Nông nghiệp v", ["Sở Nông nghiệp và Môi trường tỉnh Gia Lai"]),
        ("Bộ trưởng Bộ Y tế hỗ trợ", ["Bộ Y tế"]),
        ("Bộ trưởng Bộ Giáo dục và", ["Các sở giáo dục và đào tạo"]),
        ("Thủ trưởng các bộ, ngành", ["Các bộ, ngành", "Ủy ban nhân dân tỉnh Gia Lai"]),
    ]


PARTY_GUIDANCE = """BAN TỔ CHỨC TRUNG ƯƠNG
Số 28-HD/BTCTW
Hà Nội, ngày 20 tháng 01 năm 2026
HƯỚNG DẪN
thực hiện một số điều của Quy định số 402-QĐ/TW, ngày 05/11/2025 của Ban Bí thư
- Căn cứ Quy định số 232-QĐ/TW, ngày 20/01/2025 của Ban Chấp hành Trung ương;
- Căn cứ Quy định số 402-QĐ/TW, ngày 05/11/2025 của Ban Bí thư,
Ban Tổ chức Trung ương hướng dẫn như sau:
I. NỘI DUNG
1. Đảng viên lập đề nghị chuyển sinh hoạt đảng trên ứng dụng.
II. TRÁCH NHIỆM THỰC HIỆN
1. Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương
- Rà soát, cập nhật thông tin đảng viên; hoàn thành trước ngày 30/6/2026.
- Bố trí kinh phí vận hành cơ sở dữ liệu đảng viên.
2. Văn phòng Trung ương Đảng
- Nâng cấp cơ sở dữ liệu đảng viên; hoàn thành trước ngày 31/3/2026.
"""


def test_a_guidance_whose_preamble_is_dashed() -> None:
    """ "- Căn cứ …" lines before any item are the preamble, not the first list: the duties
    under "II. TRÁCH NHIỆM THỰC HIỆN" keep their headings' bodies (before, every dash item
    after them was taken for a sibling of "Căn cứ" and lost). A title carrying out "một số
    điều của" a regulation implements it."""
    e = extract_text(PARTY_GUIDANCE, "hd.txt")
    assert [(t.text[:20], [a.name for a in t.lead]) for t in e.tasks] == [
        ("Rà soát, cập nhật th", ["Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương"]),
        ("Bố trí kinh phí vận ", ["Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương"]),
        ("Nâng cấp cơ sở dữ li", ["Văn phòng Trung ương Đảng"]),
    ]
    relations = {r.number.format(): r.relation for r in e.references}
    assert relations == {"232-QĐ/TW": "based_on", "402-QĐ/TW": "implements"}


def test_a_closing_bracket_of_who_and_when_is_no_part_of_the_work() -> None:
    """ "… thông qua (Bộ Y tế chủ trì, phối hợp với Bộ Tư pháp; Quý II/2026)." is the work
    before the bracket, led and timed by the bracket (the guide leaves a trailing field block
    out of the task's text); a bracket that names no lead stays."""
    from policy_lineage.loaders.fields import split_fields

    item = ("Hoàn thiện hồ sơ dự án Luật Phòng bệnh, trình Quốc hội xem xét, thông qua (Bộ Y tế "
            "chủ trì, phối hợp với Bộ Tư pháp; Quý II/2026).")  # fmt: skip
    assert split_fields(item).content == (
        "Hoàn thiện hồ sơ dự án Luật Phòng bệnh, trình Quốc hội xem xét, thông qua"
    )
    kept = "Rà soát các quy định về đất đai (trừ đất quốc phòng, an ninh)."
    assert split_fields(kept).content == kept
    page = f"""BỘ Y TẾ
Số: 12/KH-BYT
Hà Nội, ngày 2 tháng 3 năm 2026
KẾ HOẠCH
Phòng bệnh năm 2026
I. NHIỆM VỤ
1. {item}
"""
    [task] = extract_text(page, "kh.txt").tasks
    assert task.text.endswith("thông qua")
    assert [a.name for a in task.lead] == ["Bộ Y tế"]
    assert [a.name for a in task.cooperating] == ["Bộ Tư pháp"]
    assert str(task.deadline) == "2026-06-30"


SMUGGLING_LETTER = """VĂN PHÒNG CHÍNH PHỦ
Số: 9214/VPCP-V.I
V/v chống buôn lậu, gian lận thương mại
Hà Nội, ngày 6 tháng 10 năm 2025
Kính gửi:
- Các Bộ: Công an, Tài chính, Công Thương;
- Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.
Phó Thủ tướng Chính phủ có ý kiến như sau:
1. Các bộ, cơ quan:
a) Bộ Tài chính chỉ đạo lực lượng Hải quan tăng cường kiểm tra hàng hóa xuất khẩu. Bộ Tài \
chính chỉ đạo Cục Thuế quản lý thuế đối với thương mại điện tử. Bộ Tài chính chủ trì, phối \
hợp với Bộ Công Thương rà soát quy định về hàng hóa quá cảnh.
b) Bộ Công an chỉ đạo lực lượng chức năng điều tra các đường dây buôn lậu. Bố trí lực lượng \
tuần tra trên tuyến biên giới.
"""


def test_a_letters_item_gives_one_task_per_sentence_naming_a_doer() -> None:
    """In a letter's lettered item, each sentence that names a doer of its own is a task; a
    sentence that only goes on with work ("Bố trí lực lượng …") stays with the one before."""
    tasks = extract_text(SMUGGLING_LETTER, "cv.txt").tasks
    assert [(t.text[:24], [a.name for a in t.lead]) for t in tasks] == [
        ("Bộ Tài chính chỉ đạo lực", ["Lực lượng Hải quan"]),
        ("Bộ Tài chính chỉ đạo Cục", ["Cục Thuế"]),
        ("Bộ Tài chính chủ trì, ph", ["Bộ Tài chính"]),
        ("Bộ Công an chỉ đạo lực l", ["Bộ Công an"]),
    ]
    assert "Bố trí lực lượng" in tasks[3].text


PLAN_PARAGRAPH = """**CHÍNH PHỦ**

Số: 12/KH-CP

*Hà Nội, ngày 5 tháng 1 năm 2026*

**KẾ HOẠCH**

**Phát triển dịch vụ vận tải năm 2026**

**I. NHIỆM VỤ, GIẢI PHÁP**

**1. Phát triển kết cấu hạ tầng**

Giao Bộ Xây dựng chủ trì, phối hợp với Ủy ban nhân dân thành phố Hải Phòng đẩy nhanh tiến \
độ đầu tư bến cảng; hoàn thành thủ tục trong năm 2026. Ủy ban nhân dân tỉnh Đồng Nai chủ trì \
phát triển trung tâm hàng không, kêu gọi nhà đầu tư trong quý III/2026; Ủy ban nhân dân \
thành phố Đà Nẵng hoàn thành quy hoạch khu hậu cần cảng trước ngày 30/9/2026. Để hình thành \
hành lang vận tải Đông - Tây kết nối Tây Nguyên với cảng biển, Ủy ban nhân dân tỉnh Gia Lai \
phối hợp với Bộ Xây dựng nghiên cứu đầu tư cảng cạn. Bộ Xây dựng chủ trì phát triển vận tải \
đa phương thức. Sở Tài chính phối hợp.
"""


def test_a_paragraph_gives_one_task_per_sentence_naming_another_doer() -> None:
    """In a plan's or a resolution's paragraph, a sentence (or a clause after ";") that opens
    with another body doing something, after a purpose clause too, is a task of its own; a
    body that only helps ("Sở Tài chính phối hợp.") stays with the one before."""
    tasks = extract_text(PLAN_PARAGRAPH, "kh.md").tasks
    assert [(t.text[:22], [a.name for a in t.lead]) for t in tasks] == [
        ("Giao Bộ Xây dựng chủ t", ["Bộ Xây dựng"]),
        ("Ủy ban nhân dân tỉnh Đ", ["Ủy ban nhân dân tỉnh Đồng Nai"]),
        ("Ủy ban nhân dân thành ", ["Ủy ban nhân dân thành phố Đà Nẵng"]),
        ("Để hình thành hành lan", ["Ủy ban nhân dân tỉnh Gia Lai"]),
        ("Bộ Xây dựng chủ trì ph", ["Bộ Xây dựng"]),
    ]
    assert tasks[4].text.endswith("Sở Tài chính phối hợp.")
    assert str(tasks[2].deadline) == "2026-09-30"


def test_a_body_cooperating_in_work_it_names_is_a_task_of_its_own() -> None:
    """ "Phòng Hành chính quản trị phối hợp bố trí mặt bằng …" names work of its own (a body
    that only helps, "Sở Tài chính phối hợp.", or one after "X chủ trì …", stays with the
    sentence before); the same body named again opens a task of its own; a sentence after a
    time ("Hằng năm, Công an tỉnh …") opens with its doer too; "Phòng Hành chính quản trị"
    is one name."""
    text = "\n".join(
        [
            "ỦY BAN NHÂN DÂN TỈNH AN GIANG",
            "Số: 12/KH-UBND",
            "An Giang, ngày 10 tháng 2 năm 2026",
            "KẾ HOẠCH",
            "Chuyển đổi số năm 2026",
            "III. NHIỆM VỤ",
            "1. Hạ tầng số, an toàn thông tin",
            "Sở Khoa học và Công nghệ triển khai nâng cấp đường truyền, hoàn thành trong Quý "
            "II/2026. Phòng Hành chính quản trị phối hợp bố trí mặt bằng cho phòng máy chủ. Sở "
            "Khoa học và Công nghệ xây dựng hồ sơ cấp độ an toàn. Hằng năm, Công an tỉnh phối "
            "hợp với Sở Khoa học và Công nghệ kiểm tra an toàn thông tin.",
        ]
    )

    def leads(text: str) -> list[list[str]]:
        tasks = extract_text(text, "kh.docx", one_line_paragraphs=True).tasks
        return [[a.name for a in t.lead] for t in tasks]

    assert leads(text) == [
        ["Sở Khoa học và Công nghệ"],
        ["Phòng Hành chính quản trị"],
        ["Sở Khoa học và Công nghệ"],
        ["Công an tỉnh"],
    ]
    # after "X chủ trì …", "Y phối hợp …" is the cooperation in X's task, as before; X's
    # next sentence, naming X again, is a task of its own (one task per sentence of work)
    led = text.replace("Công nghệ triển khai nâng", "Công nghệ chủ trì nâng")
    assert leads(led) == [
        ["Sở Khoa học và Công nghệ"],
        ["Sở Khoa học và Công nghệ"],
        ["Công an tỉnh"],
    ]


NOTICE_TO_A_WARD = """**TỈNH ỦY KHÁNH HÒA**

Số 312-TB/VPTU

*Khánh Hòa, ngày 5 tháng 11 năm 2025*

**THÔNG BÁO**

**Kết luận của Thường trực Tỉnh ủy tại buổi làm việc với Ban Thường vụ Đảng ủy phường \
Bắc Cam Ranh**

1. Đề nghị Đảng ủy phường chỉ đạo Ủy ban nhân dân phường rà soát các dự án chậm tiến độ.

2. Yêu cầu Đảng ủy phường kiện toàn Tổ công nghệ số cộng đồng.
"""


def test_a_notice_about_one_ward_names_its_bodies_bare() -> None:
    """A province's notice about one ward says "Đảng ủy phường": that ward's."""
    tasks = extract_text(NOTICE_TO_A_WARD, "tb.md").tasks
    assert [[a.name for a in t.lead] for t in tasks] == [
        ["Ủy ban nhân dân phường Bắc Cam Ranh"],
        ["Đảng ủy phường Bắc Cam Ranh"],
    ]


def test_a_sentence_that_hands_work_on_is_a_task_of_its_own() -> None:
    text = PLAN_PARAGRAPH.replace(
        "Sở Tài chính phối hợp.",
        "Chỉ đạo Sở Tài chính bố trí kinh phí trong năm 2026.",
    )
    tasks = extract_text(text, "kh.md").tasks
    assert [a.name for a in tasks[-1].lead] == ["Sở Tài chính"]
    assert tasks[-1].text.startswith("Chỉ đạo Sở Tài chính")


def test_an_item_that_only_points_to_the_appendix_is_not_a_task() -> None:
    text = PLAN_PARAGRAPH.replace(
        "**1. Phát triển kết cấu hạ tầng**",
        "**1. Phát triển hạ tầng số (chi tiết tại Mục III Phụ lục kèm theo).**\n\n"
        "**2. Phát triển kết cấu hạ tầng**",
    )
    tasks = extract_text(text, "kh.md").tasks
    assert not any("chi tiết tại" in t.text for t in tasks)
    assert tasks[0].text.startswith("Giao Bộ Xây dựng")


LETTER_TO_COMMUNES = """**SỞ KHOA HỌC VÀ CÔNG NGHỆ**

Số: 15/SKHCN-CĐS

*Lào Cai, ngày 5 tháng 10 năm 2025*

Kính gửi: Ủy ban nhân dân các xã, phường.

Sở Khoa học và Công nghệ đề nghị Ủy ban nhân dân các xã, phường triển khai một số nội dung sau:

**1. Đánh giá kết quả năm 2024**

- Năm 2024, các xã đã hoàn thành kết nối mạng.

**2. Đánh giá, xếp hạng mức độ chuyển đổi số cấp xã năm 2025**

Theo Bộ chỉ số đánh giá của tỉnh, đề nghị Ủy ban nhân dân các xã, phường:

- Phân công 01 công chức làm đầu mối theo dõi các chỉ số trước ngày 15/10/2025.

- Tổ chức tự đánh giá, chấm điểm các chỉ số thành phần trước ngày 15/11/2025.
"""


def test_a_section_named_for_an_assessment_gives_work_its_introduction_asks_for() -> None:
    """A section whose title opens with "Đánh giá" is an account, unless the paragraph over
    its items asks someone for them ("…, đề nghị Ủy ban nhân dân các xã, phường:")."""
    tasks = extract_text(LETTER_TO_COMMUNES, "cv.md").tasks
    assert [t.text[:20] for t in tasks] == ["Phân công 01 công ch", "Tổ chức tự đánh giá,"]
    assert all([a.name for a in t.lead] == ["Ủy ban nhân dân các xã, phường"] for t in tasks)


PLAN_WITH_FORMS = """**BAN TUYÊN GIÁO VÀ DÂN VẬN TỈNH ỦY**

Số 41-KH/BTGDVTU

*Sơn La, ngày 5 tháng 1 năm 2026*

**KẾ HOẠCH**

**Tuyên truyền cuộc bầu cử năm 2026**

**I. HÌNH THỨC TUYÊN TRUYỀN**

**1. Tuyên truyền qua sinh hoạt chi bộ**

Lồng ghép nội dung tuyên truyền về cuộc bầu cử trong sinh hoạt chi bộ định kỳ. (Thực hiện: Đảng \
ủy các xã, phường; thời gian: tháng 3/2026)

**2. Tuyên truyền trực quan**

Pa nô, áp phích tại nơi công cộng, khu vực bỏ phiếu.
"""


def test_an_item_naming_its_doer_in_a_field_is_work_in_a_section_of_forms() -> None:
    """Items of a "Hình thức" section are not tasks, unless one names its doer in a labelled
    field ("(Thực hiện: Đảng ủy các xã, phường; thời gian: …)")."""
    tasks = extract_text(PLAN_WITH_FORMS, "kh.md").tasks
    assert [(t.text[:20], [a.name for a in t.lead]) for t in tasks] == [
        ("Lồng ghép nội dung t", ["Đảng ủy các xã, phường"])
    ]


SECRETARIAT_NOTICE = """VĂN PHÒNG TRUNG ƯƠNG ĐẢNG
Số 230-TB/VPTW
Hà Nội, ngày 20 tháng 1 năm 2026
THÔNG BÁO
KẾT LUẬN CỦA BAN BÍ THƯ
về Đề án số hóa hồ sơ
Ban Bí thư kết luận như sau:
1. Văn phòng Trung ương Đảng chủ trì vận hành hệ thống theo dõi nhiệm vụ trong năm 2026. \
Đảng ủy Chính phủ lãnh đạo, chỉ đạo Chính phủ bố trí kinh phí thực hiện Đề án; đồng thời chỉ \
đạo Bộ Tài chính chủ trì hướng dẫn cơ chế thuê dịch vụ, ban hành trong Quý II/2026.
2. Ban Tuyên giáo và Dân vận Trung ương chỉ đạo các cơ quan báo chí tuyên truyền về Đề án; \
Ủy ban Kiểm tra Trung ương đưa việc thực hiện Đề án vào chương trình kiểm tra, giám sát.
"""


def test_a_notice_paragraph_gives_work_to_each_body_in_turn() -> None:
    """ "…; đồng thời chỉ đạo Bộ Tài chính …" hands a second task on (after a connective with
    no comma); "…; Ủy ban Kiểm tra Trung ương đưa …" is another body's work ("đưa … vào" is a
    verb of work)."""
    tasks = extract_text(SECRETARIAT_NOTICE, "tb.txt").tasks
    assert [[a.name for a in t.lead] for t in tasks] == [
        ["Văn phòng Trung ương Đảng"],
        ["Chính phủ"],
        ["Bộ Tài chính"],
        ["Các cơ quan báo chí"],
        ["Ủy ban Kiểm tra Trung ương"],
    ]
    assert str(tasks[2].deadline) == "2026-06-30"


GOVERNMENT_SESSION = """CHÍNH PHỦ
Số: 390/NQ-CP
Hà Nội, ngày 8 tháng 12 năm 2025
NGHỊ QUYẾT
Phiên họp Chính phủ thường kỳ tháng 11 năm 2025
QUYẾT NGHỊ:
I. VỀ TÌNH HÌNH KINH TẾ - XÃ HỘI
Chính phủ thống nhất đánh giá: tình hình kinh tế - xã hội tháng 11 tiếp tục xu hướng tích cực.
1. Về chuẩn bị Tết: Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ tổ \
chức Tết an toàn, tiết kiệm. Bộ Công an, Bộ Quốc phòng bảo đảm an ninh, trật tự trước, trong và sau Tết. Bộ Nội vụ \
đồng thời rà soát chế độ trực Tết của các cơ quan.
2. Chính phủ tin tưởng rằng, với sự vào cuộc của cả hệ thống chính trị, các mục tiêu sẽ đạt \
được.
"""


def test_a_session_resolution_reads_each_bodys_sentence_and_skips_its_own_views() -> None:
    """ "Bộ Nội vụ đồng thời rà soát …" opens a task of its own; the Government's own view
    ("Chính phủ thống nhất đánh giá: …", "… tin tưởng rằng …") is no task. A sentence opening
    with a list of bodies ("Bộ Công an, Bộ Quốc phòng bảo đảm …") stays with the item: reading
    it as a task of its own lowered the real test part's precision (benchmarks/real/README.md,
    session 17), so the rule was taken back."""
    tasks = extract_text(GOVERNMENT_SESSION, "nq.txt").tasks
    assert [[a.name for a in t.lead] for t in tasks] == [
        ["Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ"],
        ["Bộ Nội vụ"],
    ]


MINISTRY_LETTER = """BỘ KHOA HỌC VÀ CÔNG NGHỆ
Số: 4410/BKHCN-VT
Hà Nội, ngày 10 tháng 11 năm 2025
V/v phủ sóng thôn, bản
Kính gửi: Ủy ban nhân dân các tỉnh, thành phố.
1. Bố trí kinh phí từ ngân sách địa phương để hỗ trợ đầu tư trạm tại các thôn, bản. Chỉ đạo \
Sở Tài chính chủ trì, phối hợp với Sở Khoa học và Công nghệ thẩm định dự toán năm 2026.
2. Đối với các doanh nghiệp viễn thông, Bộ Khoa học và Công nghệ yêu cầu Tập đoàn Công \
nghiệp - Viễn thông Quân đội, Tập đoàn Bưu chính Viễn thông Việt Nam hoàn thành lắp đặt trạm \
chậm nhất ngày 30/6/2026.
"""


def test_a_letters_item_hands_work_on_and_asks_named_firms() -> None:
    """In a letter's numbered item, a later sentence "Chỉ đạo Sở Tài chính …" is the
    addressees' work handed on (a task of Sở Tài chính); "Đối với các doanh nghiệp viễn
    thông, Bộ X yêu cầu Tập đoàn A, Tập đoàn B …" is done by those asked."""
    tasks = extract_text(MINISTRY_LETTER, "cv.txt").tasks
    assert [[a.name for a in t.lead] for t in tasks] == [
        ["Ủy ban nhân dân các tỉnh, thành phố"],
        ["Sở Tài chính"],
        ["Tập đoàn Công nghiệp - Viễn thông Quân đội", "Tập đoàn Bưu chính Viễn thông Việt Nam"],
    ]


QUANG_NOTICE = """VĂN PHÒNG CHÍNH PHỦ
Số: 563/TB-VPCP
Hà Nội, ngày 20 tháng 11 năm 2025
THÔNG BÁO
Kết luận của Phó Thủ tướng Chính phủ tại buổi làm việc với lãnh đạo tỉnh Quảng Trị
Phó Thủ tướng Chính phủ kết luận như sau:
1. Về đề nghị điều chỉnh quy hoạch khu công nghệ thông tin tập trung: Bộ Xây dựng, Bộ Tài \
chính đã có ý kiến cụ thể tại buổi làm việc. Đề nghị Tỉnh chủ động thực hiện theo thẩm quyền.
"""


def test_a_notices_account_of_what_bodies_said_is_no_task() -> None:
    """ "Về đề nghị …: Bộ Xây dựng, Bộ Tài chính đã có ý kiến …" reports; the request after it
    is the task ("Xây dựng" in a body's name is no verb of work)."""
    tasks = extract_text(QUANG_NOTICE, "tb.txt").tasks
    assert [[a.name for a in t.lead] for t in tasks] == [["Ủy ban nhân dân tỉnh Quảng Trị"]]


FINANCE_LETTER = """BỘ TÀI CHÍNH
Số: 15872/BTC-HCSN
Hà Nội, ngày 08 tháng 12 năm 2025
V/v bảo đảm nguồn lực tài chính
Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.
III. TỔ CHỨC THỰC HIỆN
Các địa phương định kỳ 06 tháng báo cáo tình hình giải ngân gửi Bộ Tài chính. Bộ Tài chính \
giao Vụ Hành chính sự nghiệp chủ trì theo dõi, tổng hợp, báo cáo Lãnh đạo Bộ trước ngày \
31/01/2027.
"""


def test_a_body_handing_work_on_opens_a_task_of_its_own() -> None:
    """ "… . Bộ Tài chính giao Vụ X chủ trì …" in a letter's paragraph is the unit's task."""
    tasks = extract_text(FINANCE_LETTER, "cv.txt").tasks
    assert [[a.name for a in t.lead] for t in tasks][-1] == ["Vụ Hành chính sự nghiệp"]
    assert len(tasks) == 2


DIRECTIVE_ITEM = """THỦ TƯỚNG CHÍNH PHỦ
Số: 12/CT-TTg
Hà Nội, ngày 05 tháng 12 năm 2025
CHỈ THỊ
Về bảo đảm an ninh mạng
1. Ủy ban nhân dân cấp tỉnh giao Sở Khoa học và Công nghệ chủ trì rà soát hệ thống thông \
tin, hoàn thành trong Quý I/2026. Yêu cầu Chủ tịch Ủy ban nhân dân các xã, phường phân công \
công chức phụ trách an toàn thông tin.
2. BCĐ quốc gia về Phòng thủ dân sự tổ chức trực ban nghiêm túc.
"""


def test_a_directive_item_asks_a_holder_in_a_sentence_of_its_own() -> None:
    """ "… . Yêu cầu Chủ tịch Ủy ban nhân dân các xã …" is the committees' task (an office
    holder before the body stands for it); "BCĐ …" is a steering committee."""
    tasks = extract_text(DIRECTIVE_ITEM, "ct.txt").tasks
    assert [[a.name for a in t.lead] for t in tasks] == [
        ["Sở Khoa học và Công nghệ"],
        ["Ủy ban nhân dân các xã, phường"],
        ["Ban Chỉ đạo quốc gia về Phòng thủ dân sự"],
    ]


# a hard-wrapped text (as extracted from a PDF and saved as .txt): a numbered heading that
# lists bodies fills its line and breaks after a semicolon
WRAPPED_LIST_HEADING = """BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG
Số: 812/TB-BNNMT
THÔNG BÁO
Kết luận của Bộ trưởng tại cuộc họp về cơ sở dữ liệu chuyên ngành

3. Nhiệm vụ cụ thể
3.1. Cục Chuyển đổi số chủ trì rà soát kiến trúc số của Bộ, hoàn thành trong Quý I/2026.
3.2. Các Cục: Trồng trọt và Bảo vệ thực vật; Chăn nuôi và Thú y; Thủy sản và Kiểm ngư;
Lâm nghiệp và Kiểm lâm
a) Xây dựng, cập nhật cơ sở dữ liệu chuyên ngành theo danh mục tại Phụ lục kèm theo.
b) Số hóa 100% thủ tục hành chính thuộc lĩnh vực quản lý; hoàn thành trong Quý II/2026.
3.3. Văn phòng Bộ theo dõi, đôn đốc các đơn vị thực hiện Thông báo này.
"""


def test_a_numbered_list_heading_wrapped_after_a_semicolon() -> None:
    """The heading's line, full and ending in ";", goes on into the next: its four Cục lead the
    items under it, and the next numbered item is not taken under them."""
    tasks = extract_text(WRAPPED_LIST_HEADING, "tb.txt").tasks
    cuc = [
        "Cục Trồng trọt và Bảo vệ thực vật",
        "Cục Chăn nuôi và Thú y",
        "Cục Thủy sản và Kiểm ngư",
        "Cục Lâm nghiệp và Kiểm lâm",
    ]
    assert [[a.name for a in t.lead] for t in tasks] == [
        ["Cục Chuyển đổi số"],
        cuc,
        cuc,
        ["Văn phòng Bộ"],
    ]


PRINCIPLE_FIRST = """ỦY BAN NHÂN DÂN
PHƯỜNG HÒA AN
Số: 88/KH-UBND
KẾ HOẠCH
Chuyển đổi số năm 2026

II. NHIỆM VỤ
1. Xác định nâng cao nhận thức là nhiệm vụ then chốt, phải đi trước một bước. Phòng Văn hóa - Xã hội chủ trì tuyên truyền về chuyển đổi số trên hệ thống truyền thanh, hoàn thành trong Quý I/2026.
2. Rà soát hạ tầng mạng tại các tổ dân phố. Phòng Kinh tế, Hạ tầng và Đô thị chủ trì, báo cáo trong tháng 3/2026.
"""


def test_a_principle_said_before_the_work_is_not_part_of_the_task() -> None:
    """ "X là nhiệm vụ then chốt. Phòng Y chủ trì …": the statement names no doer; the task is
    the work after it. An item whose first sentence is work keeps it."""
    tasks = extract_text(PRINCIPLE_FIRST, "kh.txt").tasks
    assert tasks[0].text.startswith("Phòng Văn hóa - Xã hội chủ trì tuyên truyền")
    assert [a.name for a in tasks[0].lead] == ["Phòng Văn hóa - Xã hội"]
    assert tasks[1].text.startswith("Rà soát hạ tầng mạng")


COMMITTEE_HANDS_ON = """ĐẢNG BỘ TỈNH SƠN LA
ĐẢNG ỦY XÃ MƯỜNG BÚ
Số 21-KH/ĐU
ĐẢNG CỘNG SẢN VIỆT NAM
Mường Bú, ngày 02 tháng 10 năm 2025

KẾ HOẠCH
Chuyển đổi số năm 2026

II. NHIỆM VỤ

1. Văn phòng Đảng ủy chủ trì số hóa hồ sơ, hoàn thành trong Quý I/2026.

2. Lãnh đạo chính quyền

Đảng ủy lãnh đạo Ủy ban nhân dân xã xây dựng kế hoạch chuyển đổi số của khối chính quyền,
ban hành trước ngày 15/10/2025. Đồng chí Chủ tịch Ủy ban nhân dân xã chỉ đạo Phòng Kinh tế
rà soát, lập danh mục các bản chưa có sóng di động, hoàn thành trong Quý IV/2025.
"""


def test_a_committee_named_bare_hands_its_work_on_and_the_next_sentence_is_its_own_task() -> None:
    """ "Đảng ủy lãnh đạo Ủy ban nhân dân xã …" (a subject no table names, handing its work to
    a body) names a doer, so the sentence after it that gives another body work is a task of
    its own."""
    tasks = extract_text(COMMITTEE_HANDS_ON, "kh.txt").tasks
    assert [t.text[:30] for t in tasks[1:]] == [
        "Đảng ủy lãnh đạo Ủy ban nhân d",
        "Đồng chí Chủ tịch Ủy ban nhân ",
    ]
    assert [a.name for a in tasks[2].lead] == ["Phòng Kinh tế"]


RUN_IN_TOPIC = """ỦY BAN NHÂN DÂN
PHƯỜNG TÂN AN
Số: 90/KH-UBND
KẾ HOẠCH
Chuyển đổi số năm 2026

II. NHIỆM VỤ
1. Về công tác tuyên truyền, nâng cao nhận thức. Công an phường tổ chức tuyên truyền về dịch vụ công trực tuyến, hoàn thành trong Quý I/2026. Giao Phòng Văn hóa - Xã hội chủ trì biên soạn tài liệu hướng dẫn, hoàn thành trong tháng 3/2026.
"""


def test_a_run_in_topic_before_the_work_is_not_part_of_the_tasks() -> None:
    """ "1. Về công tác tuyên truyền. Công an phường … . Giao Phòng Y …": the topic names no
    doer; each sentence that gives a body work is a task of its own."""
    tasks = extract_text(RUN_IN_TOPIC, "kh.txt").tasks
    assert [(t.text[:22], [a.name for a in t.lead]) for t in tasks] == [
        ("Công an phường tổ chức", ["Công an phường"]),
        ("Giao Phòng Văn hóa - X", ["Phòng Văn hóa - Xã hội"]),
    ]


ACCOUNTABLE = """ỦY BAN NHÂN DÂN
TỈNH NINH BÌNH
Số: 05/CT-UBND
CHỈ THỊ
Về tăng cường kỷ luật hành chính

1. Giám đốc các sở, ban, ngành rà soát quy trình xử lý hồ sơ, hoàn thành trong Quý I/2026. Người đứng đầu các cơ quan, đơn vị chịu trách nhiệm trước Chủ tịch Ủy ban nhân dân tỉnh nếu để cán bộ thuộc quyền vi phạm kỷ luật.
2. Chủ tịch Ủy ban nhân dân các xã chịu trách nhiệm trực tiếp trước Chủ tịch Ủy ban nhân dân tỉnh về tình hình trật tự tại địa phương, tăng cường kiểm tra, xử lý vi phạm.
"""


def test_a_sentence_of_accountability_alone_is_not_a_task() -> None:
    """ "Người đứng đầu … chịu trách nhiệm trước Chủ tịch … nếu để …" says to whom a party
    answers, no work; the same words followed by work ("…, tăng cường kiểm tra …") are a
    task."""
    tasks = extract_text(ACCOUNTABLE, "ct.txt").tasks
    assert [t.text[:24] for t in tasks] == [
        "Giám đốc các sở, ban, ng",
        "Chủ tịch Ủy ban nhân dân",
    ]
