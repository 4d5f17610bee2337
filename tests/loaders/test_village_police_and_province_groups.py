"""Doers of commune letters, provincial police letters and central letters to every province
(sentences written for these tests, in the shapes of the session-28 written batches: a ward's
letter to its neighbourhoods, a provincial police letter to its departments, a ministry's letter
to the provinces)."""

from __future__ import annotations

import pytest

from policy_lineage.loaders.agencies import EVERY_PROVINCE, default_table
from policy_lineage.loaders.assignment import parse_assignment
from policy_lineage.loaders.pipeline import extract_text

TABLE = default_table()


def leads(sentence: str, province: str | None) -> list[str]:
    return [a.name for a in parse_assignment(sentence, TABLE, province).lead]


@pytest.mark.parametrize(
    ("sentence", "province", "expected"),
    [
        # the heads of the places below a commune stand for those places
        (
            "Trưởng thôn, Tổ trưởng tổ dân phố tuyên truyền đến từng hộ gia đình.",
            "Hà Tĩnh",
            ["Các thôn, tổ dân phố"],
        ),
        (
            "Trưởng ấp và Trưởng khu phố vận động người dân cài đặt VNeID.",
            "An Giang",
            ["Các ấp, khu phố"],
        ),
        # the head followed by the group he heads: the group
        ("Trưởng khóm các khóm kiện toàn Tổ công nghệ số cộng đồng.", "An Giang", ["Các khóm"]),
        ("Các khóm tổ chức Ngày thứ Bảy số tại nhà văn hóa.", "An Giang", ["Các khóm"]),
        # a provincial police department, by name, by its short name or by its code
        (
            "Phòng Cảnh sát quản lý hành chính về trật tự xã hội chủ trì làm sạch dữ liệu.",
            "Quảng Trị",
            ["Phòng Cảnh sát quản lý hành chính về trật tự xã hội"],
        ),
        (
            "Phòng Cảnh sát QLHC về TTXH (PC06) hướng dẫn cấp căn cước.",
            "Quảng Trị",
            ["Phòng Cảnh sát quản lý hành chính về trật tự xã hội"],
        ),
        (
            "PA05 kiểm tra, đánh giá an ninh mạng của Công an tỉnh.",
            "Quảng Trị",
            ["Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao"],
        ),
        # "hậu cần" is one word: the name does not stop at "cần"
        ("Phòng Hậu cần rà soát nhu cầu trang thiết bị.", "Quảng Trị", ["Phòng Hậu cần"]),
        # a short form in parentheses between a body and its places
        (
            "Sở Khoa học và Công nghệ (Sở KH&CN) các tỉnh, thành phố rà soát hệ thống camera.",
            None,
            ["Sở Khoa học và Công nghệ các tỉnh, thành phố"],
        ),
        # every province's people's committee, in a central letter
        (
            "Ủy ban nhân dân tỉnh, thành phố gửi báo cáo về Bộ Nội vụ trước ngày 20/01/2026.",
            None,
            [EVERY_PROVINCE],
        ),
        (
            "Đề nghị đồng chí Chủ tịch Ủy ban nhân dân tỉnh, thành phố chỉ đạo rà soát biên chế.",
            None,
            [EVERY_PROVINCE],
        ),
        # "các tỉnh, thành phố" printed: the group as printed
        (
            "Ủy ban nhân dân các tỉnh, thành phố báo cáo kết quả trước ngày 15/12/2025.",
            None,
            ["Ủy ban nhân dân các tỉnh, thành phố"],
        ),
        # the commune offices of every commune, abbreviated or written out
        (
            "Giao Văn phòng HĐND và UBND các xã, phường làm đầu mối theo dõi tiến độ.",
            "Gia Lai",
            ["Văn phòng Hội đồng nhân dân và Ủy ban nhân dân các xã, phường"],
        ),
        (
            "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân các xã, phường cập nhật tiến độ.",
            "Gia Lai",
            ["Văn phòng Hội đồng nhân dân và Ủy ban nhân dân các xã, phường"],
        ),
        # "trang bị" is the group's verb; "cơ sở đào tạo" one noun; "Ban Biên tập" one name
        (
            "Chỉ đạo các cơ sở giáo dục trang bị cho học sinh kiến thức về an toàn số.",
            "Nghệ An",
            ["Các cơ sở giáo dục"],
        ),
        (
            "Đề nghị các cơ sở đào tạo giáo viên gửi báo cáo trước ngày 15/12/2025.",
            None,
            ["Các cơ sở đào tạo giáo viên"],
        ),
        (
            "Ban Biên tập Cổng Thông tin điện tử tỉnh tập trung đăng tải tin bài.",
            "Nghệ An",
            ["Ban Biên tập Cổng Thông tin điện tử tỉnh"],
        ),
        # one holder's two posts, the second after a dash: the first body does the work
        (
            "Đồng chí Phó Chủ tịch Ủy ban nhân dân tỉnh - Trưởng Ban Chỉ đạo phòng, chống "
            "thiên tai tỉnh trực tiếp chỉ đạo việc di dời dân.",
            "Cà Mau",
            ["Ủy ban nhân dân tỉnh Cà Mau"],
        ),
        ("Sở Tài chính - Sở Nội vụ rà soát biên chế.", "Cà Mau", ["Sở Tài chính", "Sở Nội vụ"]),
        # a land registration office, printed in lower case in a list after "Chỉ đạo"
        (
            "Chỉ đạo Sở Nông nghiệp và Môi trường, Văn phòng đăng ký đất đai, Ủy ban nhân dân "
            "các xã, phường, đặc khu tập trung làm sạch dữ liệu đất đai.",
            None,
            [
                "Sở Nông nghiệp và Môi trường",
                "Văn phòng Đăng ký đất đai tỉnh",
                "Ủy ban nhân dân các xã, phường, đặc khu",
            ],
        ),
    ],
)
def test_doers(sentence: str, province: str | None, expected: list[str]) -> None:
    assert leads(sentence, province) == expected


def test_a_province_named_keeps_its_committee() -> None:
    """ "Ủy ban nhân dân tỉnh Thanh Hóa" is that province's, not every province's."""
    assert leads("Ủy ban nhân dân tỉnh Thanh Hóa rà soát quy hoạch.", None) != [EVERY_PROVINCE]


def test_a_letter_to_the_heads_of_villages() -> None:
    """A ward's letter whose first heading names the heads of its neighbourhoods: the items
    under it are theirs, not the addressees' of the whole letter."""
    text = "\n".join(
        [
            "ỦY BAN NHÂN DÂN",
            "PHƯỜNG BÌNH ĐỨC",
            "Số: 15/UBND-VP",
            "V/v triển khai phong trào Bình dân học vụ số",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Bình Đức, ngày 26 tháng 11 năm 2025",
            "Kính gửi:",
            "- Trưởng khóm các khóm;",
            "- Công an phường.",
            "",
            "1. Trưởng khóm các khóm",
            "a) Kiện toàn Tổ công nghệ số cộng đồng của khóm, hoàn thành trước ngày 05/12/2025.",
            "b) Lập danh sách người dân chưa có tài khoản định danh điện tử, chậm nhất ngày "
            "10/12/2025.",
            "2. Công an phường",
            "- Đẩy mạnh cấp tài khoản định danh điện tử mức độ 2 trước ngày 31/3/2026.",
        ]
    )
    tasks = extract_text(text, "cv.txt").tasks
    assert [[a.name for a in t.lead] for t in tasks] == [
        ["Các khóm"],
        ["Các khóm"],
        ["Công an phường"],
    ]


LETTER_TO_COMMUNES = "\n".join(
    [
        "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
        "TỈNH BÌNH ĐỊNH",
        "Số: 23/SKHCN-CĐS",
        "V/v đôn đốc nhiệm vụ chậm tiến độ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Bình Định, ngày 14 tháng 11 năm 2025",
        "Kính gửi: Ủy ban nhân dân các xã, phường.",
        "",
        "Sở Khoa học và Công nghệ đề nghị Chủ tịch Ủy ban nhân dân các xã, phường quan tâm chỉ "
        "đạo thực hiện một số nội dung sau:",
        "",
        "1. Về hạ tầng số",
        "",
        "Bảo đảm 100% trụ sở Ủy ban nhân dân xã, phường được kết nối mạng chuyên dùng, hoàn "
        "thành trong tháng 12/2025. Thực hiện nghiêm việc ký số văn bản đi trên Hệ thống quản "
        "lý văn bản của tỉnh. Thực hiện thường xuyên.",
        "",
        "2. Về xã hội số",
        "",
        "Kiện toàn, duy trì hoạt động của Tổ công nghệ số cộng đồng tại 100% thôn, tổ dân phố. "
        'Chủ trì, phối hợp với Đoàn Thanh niên triển khai phong trào "Bình dân học vụ số", '
        "hoàn thành trước ngày 31/12/2025.",
    ]
)


def test_each_sentence_of_work_in_a_letters_paragraph_is_a_task() -> None:
    """In a letter's paragraph, a sentence opening with a verb of work ("Thực hiện nghiêm …",
    "Chủ trì, phối hợp …") is a task of the addressees, and so is a first sentence opening
    with one ("Kiện toàn …"); a sentence that only says when ("Thực hiện thường xuyên.")
    stays with the one before."""
    tasks = extract_text(LETTER_TO_COMMUNES, "cv.txt").tasks
    assert [t.text.split()[:2] for t in tasks] == [
        ["Bảo", "đảm"],
        ["Thực", "hiện"],
        ["Kiện", "toàn,"],
        ["Chủ", "trì,"],
    ]
    assert all([a.name for a in t.lead] == ["Ủy ban nhân dân các xã, phường"] for t in tasks)
    assert "thường xuyên" in tasks[1].text


def test_a_signer_after_his_rank_beside_the_recipients() -> None:
    """A police letter's text from a PDF: the signature column runs into the recipients',
    the signer's name after his rank at the end of the last recipient line."""
    text = "\n".join(
        [
            "BỘ CÔNG AN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "CÔNG AN TỈNH HÀ TĨNH Độc lập - Tự do - Hạnh phúc",
            "Số: 812/CAT-PV01 Hà Tĩnh, ngày 03 tháng 12 năm 2025",
            "V/v triển khai Đề án 06 năm 2026",
            "Kính gửi: Trưởng Công an các xã, phường.",
            "1. Công an các xã, phường rà soát dữ liệu dân cư, hoàn thành trước ngày 31/12/2025.",
            "Nơi nhận: KT. GIÁM ĐỐC",
            "- Như trên; PHÓ GIÁM ĐỐC",
            "- Đ/c Giám đốc CAT (để b/c);",
            "- Lưu: VT, PV01. Thượng tá Nguyễn Đình Khoa",
        ]
    )
    assert extract_text(text, "cv.txt").document.signer == "Nguyễn Đình Khoa"


def test_every_province_is_the_group_the_letter_is_sent_to() -> None:
    """ "Ủy ban nhân dân tỉnh, thành phố …" in a letter sent to the coastal provinces is
    each of those, as the letter names them."""
    text = "\n".join(
        [
            "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG",
            "Số: 9120/BNNMT-TS",
            "V/v cập nhật cơ sở dữ liệu tàu cá",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Hà Nội, ngày 05 tháng 12 năm 2025",
            "Kính gửi: Ủy ban nhân dân các tỉnh, thành phố ven biển.",
            "",
            "1. Ủy ban nhân dân tỉnh, thành phố chỉ đạo cập nhật dữ liệu tàu cá trước ngày "
            "31/12/2025.",
        ]
    )
    tasks = extract_text(text, "cv.txt").tasks
    assert [[a.name for a in t.lead] for t in tasks] == [
        ["Ủy ban nhân dân các tỉnh, thành phố ven biển"]
    ]


def test_a_table_of_units_and_what_each_must_finish() -> None:
    """ "Tên đơn vị | Nội dung cần hoàn thành | Thời hạn": the unit is the row's lead, the
    content its work (the unit's name is no task)."""
    text = "\n".join(
        [
            "BỘ Y TẾ",
            "Số: 5126/BYT-KCB",
            "V/v triển khai hồ sơ bệnh án điện tử",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Hà Nội, ngày 14 tháng 8 năm 2025",
            "Kính gửi: Các bệnh viện trực thuộc Bộ Y tế.",
            "",
            "Đề nghị các đơn vị có tên tại Phụ lục hoàn thành các nội dung theo thời hạn.",
            "",
            "PHỤ LỤC",
            "",
            "| STT | Tên đơn vị | Nội dung cần hoàn thành | Thời hạn |",
            "|---|---|---|---|",
            "| 1 | Bệnh viện Bạch Mai | Chấm dứt in song song bệnh án giấy | 30/9/2025 |",
            "| 2 | Bệnh viện Chợ Rẫy | Kết nối dữ liệu cận lâm sàng | Quý IV/2025 |",
        ]
    )
    tasks = extract_text(text, "cv.md").tasks
    rows = [(t.text, [a.name for a in t.lead]) for t in tasks if "Bệnh viện" in str(t.lead)]
    assert rows == [
        ("Chấm dứt in song song bệnh án giấy", ["Bệnh viện Bạch Mai"]),
        ("Kết nối dữ liệu cận lâm sàng", ["Bệnh viện Chợ Rẫy"]),
    ]


def test_a_request_naming_the_doer_by_a_short_word_is_a_task_of_that_doer() -> None:
    """ "…. Đề nghị Tập đoàn nghiên cứu …" after "Giao Tập đoàn X …" in a letter's item: a
    task of its own, of the doer named before (not joined to the first)."""
    text = "\n".join(
        [
            "VĂN PHÒNG CHÍNH PHỦ",
            "Số: 8120/VPCP-KGVX",
            "V/v cơ sở dữ liệu quốc gia về đất đai",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Hà Nội, ngày 20 tháng 11 năm 2025",
            "Kính gửi: Bộ Nông nghiệp và Môi trường; Tập đoàn Công nghiệp - Viễn thông Quân đội.",
            "",
            "1. Giao Tập đoàn Công nghiệp - Viễn thông Quân đội bảo đảm hạ tầng trung tâm dữ "
            "liệu cho Hệ thống thông tin đất đai quốc gia. Đề nghị Tập đoàn nghiên cứu, đề xuất "
            "phương án cho thuê hạ tầng điện toán đám mây, báo cáo trước ngày 15/12/2025.",
        ]
    )
    tasks = extract_text(text, "cv.txt").tasks
    assert [t.text.split()[0] for t in tasks] == ["Giao", "Đề"]
    assert [[a.name for a in t.lead] for t in tasks][1] == [
        "Tập đoàn Công nghiệp - Viễn thông Quân đội"
    ]


def test_sentences_opening_with_another_doer_in_a_letters_item() -> None:
    """A body named with its owner in brackets and a duty ("Cục X (Bộ KH&CN) có trách nhiệm
    hướng dẫn …"), or a body sharing data ("Bộ Xây dựng chia sẻ dữ liệu …"), opens a task of
    its own inside a letter's item."""
    text = "\n".join(
        [
            "BỘ KHOA HỌC VÀ CÔNG NGHỆ",
            "Số: 4120/BKHCN-KHTH",
            "V/v báo cáo kết quả thực hiện Nghị quyết số 57-NQ/TW",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Hà Nội, ngày 20 tháng 11 năm 2025",
            "Kính gửi: Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ.",
            "",
            "1. Các bộ, cơ quan cập nhật kết quả thực hiện nhiệm vụ lên Hệ thống trước ngày "
            "05/12/2025. Cục Thông tin, Thống kê (Bộ KH&CN) có trách nhiệm hướng dẫn, hỗ trợ kỹ "
            "thuật cho các đơn vị trong quá trình cập nhật. Bộ Xây dựng chia sẻ dữ liệu quy hoạch "
            "xây dựng với Hệ thống trong năm 2026.",
        ]
    )
    tasks = extract_text(text, "cv.txt").tasks
    assert [t.text.split()[0] for t in tasks] == ["Các", "Cục", "Bộ"]
    assert [[a.name for a in t.lead] for t in tasks][2] == ["Bộ Xây dựng"]


def test_chu_tri_phoi_hop_opens_a_task_of_the_items_doer() -> None:
    """In a numbered item of a letter, a later sentence "Chủ trì, phối hợp với …" is a task
    of its own, done by the body the item's first sentence opened with (not the doers the
    letter's introduction named); after "Chỉ đạo X …" it is the heading's doer's, not X's."""
    text = "\n".join(
        [
            "TỈNH ỦY THANH HÓA ĐẢNG CỘNG SẢN VIỆT NAM",
            "VĂN PHÒNG",
            "Số 1263-CV/VPTU",
            "Thanh Hóa, ngày 12 tháng 11 năm 2025",
            "V/v thông báo ý kiến của Ban Thường vụ Tỉnh ủy",
            "Kính gửi: Các ban đảng, Ủy ban Kiểm tra Tỉnh ủy.",
            "",
            "1. Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy, tổ chức đảng, cơ quan, đơn vị thực "
            "hiện tốt một số nhiệm vụ sau:",
            "1.1. Ban Tuyên giáo và Dân vận Tỉnh ủy theo dõi, đôn đốc, tổng hợp tình hình thực "
            "hiện. Chủ trì, phối hợp với Báo và Phát thanh, Truyền hình tỉnh đẩy mạnh tuyên "
            "truyền về phong trào Bình dân học vụ số, hoàn thành trong tháng 02/2026.",
        ]
    )
    tasks = extract_text(text, "cv.txt").tasks
    assert [(t.text.split()[0], [a.name for a in t.lead]) for t in tasks] == [
        ("Ban", ["Ban Tuyên giáo và Dân vận Tỉnh ủy"]),
        ("Chủ", ["Ban Tuyên giáo và Dân vận Tỉnh ủy"]),
    ]
