"""A ministry's letter that answers a province: it explains the law, commits the ministry
and hands work to its own units, beside what it asks of the province (sentences written
for these tests)."""

from __future__ import annotations

import pytest

from policy_lineage.loaders.agencies import default_table
from policy_lineage.loaders.assignment import parse_assignment
from policy_lineage.loaders.pipeline import extract_text

TABLE = default_table()

LETTER = """BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG

Số: 5120/BNNMT-KH
V/v trả lời kiến nghị của tỉnh Quảng Ngãi

Hà Nội, ngày 14 tháng 10 năm 2026

Kính gửi: Ủy ban nhân dân tỉnh Quảng Ngãi

Bộ Nông nghiệp và Môi trường nhận được Công văn số 880/UBND-KT ngày 2/10/2026 của Ủy ban \
nhân dân tỉnh. Sau khi nghiên cứu, Bộ có ý kiến như sau:

1. Về kinh phí đo đạc

Theo quy định tại Điều 9 Nghị định số 101/2024/NĐ-CP, kinh phí đo đạc bản đồ địa chính \
được bảo đảm từ ngân sách địa phương. Việc phân định nêu trên là nguyên tắc để địa phương \
lập dự toán. Bộ Nông nghiệp và Môi trường sẽ chủ trì, phối hợp với Bộ Tài chính hướng dẫn \
định mức chi trong Quý I/2027.

2. Về quy định quản lý đất đai

Đề nghị Ủy ban nhân dân tỉnh sớm ban hành quy định về hạn mức giao đất; hoàn thành trước \
ngày 31/3/2027. Bộ giao Cục Quản lý đất đai phối hợp, hỗ trợ tỉnh trong quá trình xây dựng \
quy định nêu trên.

3. Về đào tạo: Phối hợp với Trường Cán bộ quản lý nông nghiệp xây dựng kế hoạch bồi dưỡng \
cán bộ địa chính cấp xã, hoàn thành trong Quý II/2027.

Nơi nhận:
- Như trên;

KT. BỘ TRƯỞNG
THỨ TRƯỞNG

Phạm Văn Dũng
"""


def test_what_a_letter_explains_is_no_task_and_the_ministry_commits_itself() -> None:
    tasks = extract_text(LETTER, "letter.txt").tasks
    got = [([a.name for a in t.lead], t.text[:20]) for t in tasks]
    assert got == [
        # the law explained is dropped; the ministry's own "sẽ chủ trì" is its task
        (["Bộ Nông nghiệp và Môi trường"], "Bộ Nông nghiệp và Mô"),
        (["Ủy ban nhân dân tỉnh Quảng Ngãi"], "Đề nghị Ủy ban nhân "),
        # "Bộ giao …": the ministry, named by its head word, hands work to its unit
        (["Cục Quản lý đất đai"], "Bộ giao Cục Quản lý "),
        # work after a topic label is the addressee's, not an explanation
        (["Ủy ban nhân dân tỉnh Quảng Ngãi"], "Về đào tạo: Phối hợp"),
    ]


@pytest.mark.parametrize(
    ("sentence", "lead"),
    [
        ("Bộ giao Vụ Pháp chế phối hợp với Sở Tư pháp các tỉnh rà soát.", ["Vụ Pháp chế"]),
        ("Sở giao Phòng Quản lý chuyên ngành theo dõi, tổng hợp.", ["Phòng Quản lý chuyên ngành"]),
        (
            "Sở đề nghị Ủy ban nhân dân các xã, phường chỉ đạo triển khai.",
            ["Ủy ban nhân dân các xã, phường"],
        ),
        # "giao ban" is a meeting, not a hand-over
        ("Ban giao ban định kỳ hằng tháng.", []),
    ],
)
def test_the_issuer_named_by_its_head_word_hands_work_on(sentence: str, lead: list[str]) -> None:
    assert [a.name for a in parse_assignment(sentence, TABLE, None).lead] == lead


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Giao Vụ Đánh giá, Thẩm định và Giám định công nghệ chủ trì.",
            "Vụ Đánh giá, Thẩm định và Giám định công nghệ",
        ),
        (
            "Trung tâm Kiểm định chất lượng thẩm định hồ sơ.",
            "Trung tâm Kiểm định chất lượng",
        ),
        ("Cục Giám định nhà nước về chất lượng công trình chủ trì.", "Cục Giám định nhà nước"),
        # the verb after a known name still ends it
        ("Sở Tư pháp thẩm định hồ sơ.", "Sở Tư pháp"),
    ],
)
def test_names_of_fields_that_are_verbs_elsewhere(text: str, name: str) -> None:
    assert TABLE.find(text)[0].agency.name == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a verb that opens work ends a group's modifiers
        ("đề nghị các địa phương quan tâm chỉ đạo thực hiện.", "Các địa phương"),
        ("đề nghị các địa phương quyết liệt triển khai.", "Các địa phương"),
        ("Các địa phương chú trọng bố trí kinh phí.", "Các địa phương"),
        # … but a group's own modifiers stay
        ("chỉ đạo các doanh nghiệp viễn thông lắp đặt trạm.", "Các doanh nghiệp viễn thông"),
        # a group of provinces over a stretch of the country
        (
            "Ủy ban nhân dân các tỉnh, thành phố ven biển từ Quảng Trị đến Khánh Hòa chỉ đạo.",
            "Ủy ban nhân dân các tỉnh, thành phố ven biển từ Quảng Trị đến Khánh Hòa",
        ),
        (
            "Ủy ban nhân dân các tỉnh từ Hà Tĩnh đến Khánh Hòa khẩn trương sửa chữa.",
            "Ủy ban nhân dân các tỉnh từ Hà Tĩnh đến Khánh Hòa",
        ),
        ("Ủy ban nhân dân các tỉnh từ ngày 1/7 thực hiện.", "Ủy ban nhân dân các tỉnh"),
        # the organs of committees, through the committees listed
        (
            "Chỉ đạo các văn phòng tỉnh uỷ, thành uỷ, đảng uỷ trực thuộc Trung ương triển khai.",
            "Các văn phòng tỉnh uỷ, thành uỷ, đảng uỷ trực thuộc Trung ương",
        ),
        # owners of things as a kind of party
        (
            "Các chủ hồ chứa thủy điện tuyệt đối không để xảy ra mất an toàn.",
            "Các chủ hồ chứa thủy điện",
        ),
        ("Yêu cầu các chủ cơ sở sản xuất kiểm tra hệ thống.", "Các chủ cơ sở sản xuất"),
        # a field abbreviated after a group noun
        ("Các sở GDĐT thực hiện.", "Các sở Giáo dục và Đào tạo"),
        ("Chỉ đạo các Sở TT&TT triển khai.", "Các Sở Thông tin và Truyền thông"),
        # "hệ thống" inside a name
        (
            "Công ty TNHH MTV Vận hành hệ thống điện và thị trường điện quốc gia lập kế hoạch.",
            "Công ty TNHH MTV Vận hành hệ thống điện và thị trường điện quốc gia",
        ),
    ],
)
def test_where_a_group_or_name_ends(text: str, name: str) -> None:
    assert TABLE.find(text)[0].agency.name == name


TO_ALL_PROVINCES = """BỘ CÔNG THƯƠNG

Số: 7410/BCT-ĐL
V/v bảo đảm cung ứng điện mùa khô năm 2027

Hà Nội, ngày 20 tháng 11 năm 2026

Kính gửi:
- Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương;
- Tập đoàn Điện lực Việt Nam.

1. Đề nghị Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương

Phụ tải điện của nhiều địa phương tăng nhanh do thu hút các dự án công nghiệp; do đó đề nghị \
các địa phương quan tâm chỉ đạo quyết liệt các nội dung sau:

a) Tập trung giải phóng mặt bằng các dự án lưới điện, hoàn thành trước ngày 30/6/2027.

b) Tăng cường kiểm tra, xử lý vi phạm hành lang an toàn lưới điện.

2. Các sở giáo dục và đào tạo

Mùa khô năm 2027 dự báo kéo dài; Ban Chỉ đạo phòng, chống thiên tai cấp tỉnh do đồng chí \
Phó Chủ tịch Ủy ban nhân dân tỉnh làm Trưởng ban. Các sở GDĐT thực hiện:

a) Bố trí lịch học phù hợp khi cắt giảm điện.

3. Tập đoàn Điện lực Việt Nam

Năm 2026, sản lượng điện tăng 11%. Cụ thể:

a) Vận hành an toàn hệ thống điện, bảo đảm cung ứng điện cho các phụ tải quan trọng.

Nơi nhận:
- Như trên;

KT. BỘ TRƯỞNG
THỨ TRƯỞNG

Nguyễn Văn Hải
"""


def test_who_an_introduction_hands_the_items_to() -> None:
    tasks = extract_text(TO_ALL_PROVINCES, "letter.txt").tasks
    assert [([a.name for a in t.lead], t.text[:20]) for t in tasks] == [
        # a vague group in the lead-in yields to the heading that names the party
        (["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"], "Tập trung giải phóng"),
        (["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"], "Tăng cường kiểm tra,"),
        # the sentence that leads into the items names the doer, not the one before it;
        # a field abbreviated after a group noun is written out
        (["Các sở giáo dục và đào tạo"], "Bố trí lịch học phù "),
        # "Cụ thể:" names no one: the heading does
        (["Tập đoàn Điện lực Việt Nam"], "Vận hành an toàn hệ "),
    ]


URGENT = """BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG

Số: 9001/BNNMT-ĐĐ
V/v chủ động ứng phó với bão số 15

Hà Nội, ngày 25 tháng 11 năm 2026

Kính gửi: Ủy ban nhân dân các tỉnh, thành phố ven biển từ Quảng Trị đến Khánh Hòa

1. Tổ chức kiểm đếm, hướng dẫn tàu thuyền vào nơi tránh trú an toàn.

2. Kiểm tra, vận hành an toàn các hồ chứa thủy lợi, thủy điện.

Bộ Nông nghiệp và Môi trường giao: Cục Quản lý đê điều và Phòng, chống thiên tai theo dõi \
chặt chẽ diễn biến, tổng hợp tình hình; Cục Thủy sản và Kiểm ngư duy trì liên lạc với các tàu \
cá đang hoạt động trên biển.

Nơi nhận:
- Như trên;

KT. BỘ TRƯỞNG
THỨ TRƯỞNG

Nguyễn Hoàng Hiệp
"""


def test_what_the_ministry_gives_its_own_units_in_a_letter() -> None:
    """Under the letter's addressees, "Bộ X giao: Cục Y …; Cục Z …" is the units' work."""
    tasks = extract_text(URGENT, "urgent.txt").tasks
    assert [[a.name for a in t.lead] for t in tasks] == [
        ["Ủy ban nhân dân các tỉnh, thành phố ven biển từ Quảng Trị đến Khánh Hòa"],
        ["Ủy ban nhân dân các tỉnh, thành phố ven biển từ Quảng Trị đến Khánh Hòa"],
        ["Cục Quản lý đê điều và Phòng, chống thiên tai"],
        ["Cục Thủy sản và Kiểm ngư"],
    ]


FORMS = """BỘ NỘI VỤ

Số: 6120/BNV-CCVC
V/v báo cáo thống kê số lượng cán bộ, công chức năm 2026

Hà Nội, ngày 2 tháng 12 năm 2026

Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương

Thực hiện Nghị định số 62/2024/NĐ-CP của Chính phủ, Bộ Nội vụ đề nghị như sau:

I. BIỂU MẪU BÁO CÁO

1. Biểu số 01/BNV-TKCC: Số lượng, chất lượng công chức theo ngạch.

2. Biểu số 02/BNV-TKCC: Số lượng, chất lượng cán bộ, công chức cấp xã.

II. TỔ CHỨC THỰC HIỆN

1. Tổng hợp, báo cáo số liệu theo các biểu mẫu tại Mục I, gửi Bộ Nội vụ trước ngày 15/01/2027.

2. Chỉ đạo Sở Nội vụ kiểm tra, đối chiếu số liệu trước khi gửi.

Nơi nhận:
- Như trên;

KT. BỘ TRƯỞNG
THỨ TRƯỞNG

Vũ Chiến Thắng
"""


def test_a_form_to_fill_in_is_no_document_and_no_task() -> None:
    ex = extract_text(FORMS, "letter.txt")
    assert [r.number for r in ex.references] == ["62/2024/NĐ-CP"]
    assert [t.text[:30] for t in ex.tasks] == [
        "Tổng hợp, báo cáo số liệu theo",
        "Chỉ đạo Sở Nội vụ kiểm tra, đố",
    ]


PROSE_LETTER = """ỦY BAN NHÂN DÂN
TỈNH BẮC NINH

Số: 412/UBND-KGVX
V/v triển khai mạng wifi công cộng

Bắc Ninh, ngày 03 tháng 12 năm 2025

Kính gửi: Sở Khoa học và Công nghệ

{body}

Nơi nhận:
- Như trên;
- Lưu: VT.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Mai Sơn
"""


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the sender gives the work to a body it names right after "giao"
        ("Ủy ban nhân dân tỉnh giao Sở Khoa học và Công nghệ chủ trì lắp đặt các điểm truy "
         "cập wifi công cộng tại trung tâm các xã, hoàn thành trước ngày 30/6/2026.",
         [(["Sở Khoa học và Công nghệ"], "2026-06-30")]),
        ("Chủ tịch Ủy ban nhân dân tỉnh giao Sở Tài chính bố trí kinh phí lắp đặt các điểm "
         "truy cập wifi công cộng năm 2026.",
         [(["Sở Tài chính"], None)]),
        # "giao" of no body: work done, a word of another meaning
        ("Thời gian qua, các sở đã thực hiện tốt nhiệm vụ được giao về hạ tầng giao thông và "
         "mạng wifi công cộng.",
         []),
    ],
)  # fmt: skip
def test_a_letter_in_prose_gives_work_by_giao(body: str, expected: list) -> None:
    tasks = extract_text(PROSE_LETTER.format(body=body), "cv.txt").tasks
    got = [
        ([a.name for a in t.lead], t.deadline.isoformat() if t.deadline else None) for t in tasks
    ]
    assert got == expected


def test_whom_a_letters_item_is_about_may_have_done_something() -> None:
    """ "Đối với hộ kinh doanh đã ngừng hoạt động …, phối hợp …": the "đã" describes whom the
    work is about; the item is work, not an account of work done."""
    letter = "\n".join(
        [
            "BỘ TÀI CHÍNH",
            "CỤC THUẾ",
            "Số: 1520/CT-CS",
            "V/v quản lý hộ kinh doanh",
            "Hà Nội, ngày 20 tháng 5 năm 2025",
            "",
            "Kính gửi: Các Chi cục Thuế khu vực.",
            "",
            "1. Đối với hộ kinh doanh đã ngừng hoạt động nhưng chưa thực hiện thủ tục, phối hợp "
            "với cơ quan đăng ký kinh doanh cấp xã xác minh, chuyển trạng thái mã số thuế.",
            "",
            "2. Việc triển khai hóa đơn điện tử đã được các Chi cục thực hiện từ tháng 3/2025.",
        ]
    )
    tasks = extract_text(letter, "cv.txt").tasks
    assert [t.text[:26] for t in tasks] == ["Đối với hộ kinh doanh đã n"]
    assert [a.name for a in tasks[0].lead] == ["Các Chi cục Thuế khu vực"]


PRINCIPLES = """BỘ TÀI CHÍNH

Số: 7201/BTC-NSNN
V/v hướng dẫn dự toán chi chuyển đổi số năm 2026

Hà Nội, ngày 14 tháng 7 năm 2025

Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương

Bộ Tài chính hướng dẫn bổ sung một số nội dung như sau:

1. Về nguyên tắc xây dựng dự toán

a) Dự toán chi năm 2026 được xây dựng trên cơ sở các nhiệm vụ đã được phê duyệt.

b) Các dự án trùng lặp với nền tảng dùng chung không được bố trí dự toán.

2. Về định hướng ưu tiên

a) Đề nghị các tỉnh ưu tiên bố trí kinh phí cho dữ liệu số cấp xã.

3. Về lập dự toán

a) Tổng hợp dự toán chi năm 2026 gửi Bộ Tài chính trước ngày 31/7/2025.
"""


def test_a_letters_topic_of_principles_gives_no_work():
    # "Về nguyên tắc …" states how the estimates are made; "Về định hướng ưu tiên" may ask
    texts = [t.text[:30] for t in extract_text(PRINCIPLES, "cv.txt").tasks]
    assert texts == ["Đề nghị các tỉnh ưu tiên bố tr", "Tổng hợp dự toán chi năm 2026 "]
