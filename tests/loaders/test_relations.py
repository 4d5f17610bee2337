"""The relation a reference's cue gives it (loaders/extract_references.py).

Every sentence below was written for this test, after the way Vietnamese directive documents
word their preambles, purpose sections, effect clauses and tasks; none is copied from a
document. Each row: the paragraph, whether the document speaks in its own voice there (title,
preamble, purpose section), and the relation expected for each number it names.
"""

from __future__ import annotations

import time

import pytest

from policy_lineage.loaders.agencies import default_table
from policy_lineage.loaders.extract_references import (
    ReferenceContext,
    mentions_in,
    merge_mentions,
)
from policy_lineage.loaders.layout import Paragraph, layout
from policy_lineage.loaders.pipeline import extract_text

OWN, TASK = True, False
B, IM, C, S, A = "based_on", "implements", "cites", "supersedes", "amends"


def _paragraph(text: str, kind: str = "body") -> Paragraph:
    return Paragraph(text, list(range(len(text))), kind, 0, 0)


def _relations(text: str, own_voice: bool, kind: str = "body") -> dict[str, str]:
    found = mentions_in(_paragraph(text, kind), own_voice, default_table(), None, None)
    refs = merge_mentions(found, "t.txt")
    return {r.number: r.relation for r in refs}


# ------------------------------------------------------------------------- Căn cứ

BASIS = [
    (
        "Căn cứ Nghị định số 12/2024/NĐ-CP ngày 05/3/2024 của Chính phủ quy định chi tiết "
        "một số điều của Luật Đầu tư;",
        OWN,
        {"12/2024/NĐ-CP": B},
    ),
    # a Căn cứ line is the legal basis wherever it stands, marked as a list item or not
    (
        "- Căn cứ Quyết định số 88/QĐ-TTg ngày 10/01/2025 của Thủ tướng Chính phủ;",
        TASK,
        {"88/QĐ-TTg": B},
    ),
    (
        "Lưu ý: Căn cứ Kết luận số 121-KL/TW ngày 02/3/2025 của Bộ Chính trị, các cấp ủy "
        "rà soát lại quy hoạch.",
        TASK,
        {"121-KL/TW": B},
    ),
    # a ";"-separated list under one cue: every document of it
    (
        "Căn cứ các Luật của Quốc hội: Luật Đầu tư công số 58/2024/QH15 ngày 29/6/2024; "
        "Luật Ngân sách nhà nước số 89/2025/QH15 ngày 25/6/2025;",
        OWN,
        {"58/2024/QH15": B, "89/2025/QH15": B},
    ),
    (
        "Căn cứ Công điện số 101/CĐ-TTg ngày 03/10/2025 của Thủ tướng Chính phủ; các Công "
        "điện: số 017/CĐ-UBND, số 018/CĐ-UBND ngày 04/10/2025 và số 019/CĐ-UBND của UBND tỉnh;",
        OWN,
        {"101/CĐ-TTg": B, "017/CĐ-UBND": B, "018/CĐ-UBND": B, "019/CĐ-UBND": B},
    ),
    # the amending act named with the amended one is part of the basis
    (
        "Căn cứ Luật Đất đai số 31/2024/QH15 được sửa đổi, bổ sung bởi Luật số 43/2024/QH15;",
        OWN,
        {"31/2024/QH15": B, "43/2024/QH15": B},
    ),
    (
        "Căn cứ Luật Quy hoạch số 21/2017/QH14; Luật sửa đổi, bổ sung một số điều của Luật "
        "Quy hoạch số 57/2024/QH15;",
        OWN,
        {"21/2017/QH14": B, "57/2024/QH15": B},
    ),
    # numbers in parentheses name the phrase before them
    (
        "Căn cứ các Nghị định của Chính phủ hướng dẫn thi hành Luật Quy hoạch (số "
        "37/2019/NĐ-CP ngày 07/5/2019 và số 58/2023/NĐ-CP ngày 12/8/2023);",
        OWN,
        {"37/2019/NĐ-CP": B, "58/2023/NĐ-CP": B},
    ),
    # a document named inside another reference on the line is only cited
    (
        "Căn cứ Nghị định số 20/2025/NĐ-CP ngày 02/02/2025 của Chính phủ sửa đổi, bổ sung "
        "một số điều của Nghị định số 10/2020/NĐ-CP ngày 17/01/2020;",
        OWN,
        {"20/2025/NĐ-CP": B, "10/2020/NĐ-CP": C},
    ),
    (
        "Căn cứ Kế hoạch số 45/KH-UBND ngày 02/4/2025 của Ủy ban nhân dân tỉnh về triển khai "
        "Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương;",
        OWN,
        {"45/KH-UBND": B, "18-NQ/TW": C},
    ),
    (
        "Căn cứ Kế hoạch của Ủy ban nhân dân tỉnh về thực hiện Nghị quyết số 19-NQ/TW "
        "ngày 16/6/2022;",
        OWN,
        {"19-NQ/TW": C},
    ),
    # a later clause that does not open with a document is not on the list
    (
        "Căn cứ Quy định số 50-QĐ/TW ngày 27/12/2021 của Bộ Chính trị; đồng thời, trên cơ sở "
        "kết quả rà soát theo Hướng dẫn số 02-HD/BTCTW, các cấp ủy xây dựng quy hoạch.",
        TASK,
        {"50-QĐ/TW": B, "02-HD/BTCTW": C},
    ),
    (
        "Căn cứ Điều lệ Đảng; đồng thời, trên cơ sở kết quả rà soát theo Hướng dẫn số "
        "03-HD/BTCTW, các cấp ủy xây dựng quy hoạch.",
        TASK,
        {"03-HD/BTCTW": C},
    ),
]


@pytest.mark.parametrize("text,own,expected", BASIS)
def test_basis_lines(text: str, own: bool, expected: dict[str, str]) -> None:
    assert _relations(text, own) == expected


# ------------------------------------------------------------------------- implements

IMPLEMENTS = [
    (
        "Thực hiện Chỉ thị số 09/CT-TTg ngày 20/5/2025 của Thủ tướng Chính phủ; Kế hoạch số "
        "33-KH/TU ngày 01/6/2025 của Ban Thường vụ Tỉnh ủy, Ủy ban nhân dân tỉnh ban hành "
        "Kế hoạch thực hiện như sau:",
        OWN,
        {"09/CT-TTg": IM, "33-KH/TU": IM},
    ),
    (
        "Để tiếp tục thực hiện nghiêm Chỉ thị số 11/CT-UBND ngày 03/02/2024 của Ủy ban nhân "
        "dân tỉnh, Chủ tịch Ủy ban nhân dân tỉnh chỉ thị:",
        OWN,
        {"11/CT-UBND": IM},
    ),
    (
        "Nhằm cụ thể hóa Nghị quyết số 05-NQ/TU ngày 12/8/2025 của Tỉnh ủy, Ủy ban nhân dân "
        "tỉnh ban hành Chương trình hành động.",
        OWN,
        {"05-NQ/TU": IM},
    ),
    (
        "Thực hiện chỉ đạo của Thủ tướng Chính phủ tại Công điện số 140/CĐ-TTg ngày "
        "02/9/2025, Bộ Công Thương đề nghị các đơn vị:",
        OWN,
        {"140/CĐ-TTg": IM},
    ),
    (
        "Thực hiện Công văn số 512/BXD-KHCN ngày 03/3/2025 của Bộ Xây dựng và hướng dẫn của "
        "Bộ Tài chính tại Công văn số 2001/BTC-NSNN ngày 07/3/2025, Sở Xây dựng báo cáo như sau:",
        OWN,
        {"512/BXD-KHCN": IM, "2001/BTC-NSNN": IM},
    ),
    # nested: the plan implements 21-KH/TU, which implements 68-NQ/TW
    (
        "Thực hiện Kế hoạch số 21-KH/TU ngày 05/5/2025 của Tỉnh ủy thực hiện Nghị quyết số "
        "68-NQ/TW ngày 04/5/2025 của Bộ Chính trị và Kế hoạch số 70/KH-UBND ngày 10/5/2025 của "
        "Ủy ban nhân dân tỉnh, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:",
        OWN,
        {"21-KH/TU": IM, "68-NQ/TW": C, "70/KH-UBND": C},
    ),
    (
        "Thực hiện Nghị quyết số 30/2024/QH15 ngày 18/01/2024 của Quốc hội (Nghị quyết số "
        "30/2024/QH15), Nghị quyết số 41/NQ-CP ngày 02/4/2024 của Chính phủ, Ủy ban nhân dân "
        "tỉnh ban hành Kế hoạch như sau:",
        OWN,
        {"30/2024/QH15": IM, "41/NQ-CP": IM},
    ),
    # titles and subject lines
    (
        "KẾ HOẠCH TRIỂN KHAI THỰC HIỆN NGHỊ QUYẾT SỐ 66/NQ-CP NGÀY 26/3/2025 CỦA CHÍNH PHỦ",
        OWN,
        {"66/NQ-CP": IM},
    ),
    (
        "CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA BAN THƯỜNG VỤ TỈNH ỦY THỰC HIỆN KẾT LUẬN SỐ 91-KL/TW",
        OWN,
        {"91-KL/TW": IM},
    ),
    ("V/v triển khai thực hiện Kế hoạch số 150/KH-UBND của UBND tỉnh", OWN, {"150/KH-UBND": IM}),
    ("V/v báo cáo kết quả thực hiện Quyết định số 77/QĐ-UBND", OWN, {"77/QĐ-UBND": C}),
    # a title in capitals is a title wherever the layout puts it (an attached plan's)
    ("KẾ HOẠCH TRIỂN KHAI THỰC HIỆN QUYẾT ĐỊNH SỐ 991/QĐ-TTG", TASK, {"991/QĐ-TTG": IM}),
    (
        "HƯỚNG DẪN thực hiện Quy định số 368-QĐ/TW ngày 08/9/2025 của Bộ Chính trị",
        TASK,
        {"368-QĐ/TW": IM},
    ),
    # a document named in a clause of a requirement is no title
    (
        "2.2. Việc triển khai Chương trình gắn với việc tổ chức thực hiện Nghị quyết số "
        "73/NQ-CP; Kế hoạch triển khai thực hiện Chỉ thị số 36-CT/TW của Bộ Chính trị.",
        OWN,
        {"73/NQ-CP": C, "36-CT/TW": C},
    ),
    # the same words in a task describe work: the document is only cited
    (
        "- Tiếp tục thực hiện Kế hoạch số 17/KH-UBND ngày 20/02/2025 của Ủy ban nhân dân tỉnh.",
        TASK,
        {"17/KH-UBND": C},
    ),
    (
        "b) Triển khai thực hiện Quyết định số 300/QĐ-UBND; báo cáo kết quả trước ngày 30/11/2025.",
        TASK,
        {"300/QĐ-UBND": C},
    ),
    # an opening sentence speaks for the document wherever the layout puts it
    (
        "Thực hiện Công văn số 909/UBND-VX ngày 15/10/2025 của Ủy ban nhân dân tỉnh, Sở Y tế "
        "đề nghị các đơn vị thực hiện một số nội dung sau:",
        TASK,
        {"909/UBND-VX": IM},
    ),
    # a directive after ";" still opens an item of the list
    (
        "Thực hiện Nghị quyết số 12/NQ-CP ngày 02/02/2025 của Chính phủ; và chỉ đạo của Ủy ban "
        "nhân dân tỉnh tại Công văn số 345/UBND-KT ngày 03/3/2025, Sở Tài chính hướng dẫn như "
        "sau:",
        OWN,
        {"12/NQ-CP": IM, "345/UBND-KT": IM},
    ),
    (
        "Để kịp thời triển khai Quyết định số 1500/QĐ-TTg ngày 10/12/2025 của Thủ tướng Chính "
        "phủ, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:",
        OWN,
        {"1500/QĐ-TTg": IM},
    ),
    (
        "Để chuẩn bị tổng kết việc thực hiện Nghị quyết số 26-NQ/TW, Ban Thường vụ Tỉnh ủy "
        "yêu cầu các cấp ủy:",
        OWN,
        {"26-NQ/TW": C},
    ),
    (
        "HƯỚNG DẪN THỰC HIỆN QUY ĐỊNH SỐ 24-QĐ/TW CỦA BAN CHẤP HÀNH TRUNG ƯƠNG",
        OWN,
        {"24-QĐ/TW": IM},
    ),
    ("V/v đề nghị hướng dẫn thực hiện Nghị định số 15/2022/NĐ-CP", OWN, {"15/2022/NĐ-CP": C}),
    # to study a document is not to carry it out
    ("- Quán triệt sâu sắc Chỉ thị số 45-CT/TW của Bộ Chính trị.", OWN, {"45-CT/TW": C}),
    # a report of work done is not an opening sentence
    (
        "Thực hiện Nghị quyết số 57-NQ/TW, Bộ đã xây dựng và ban hành Kế hoạch hành động.",
        TASK,
        {"57-NQ/TW": C},
    ),
    # a generic phrase before the document: not what the cue governs
    (
        "Thực hiện Chương trình của Chính phủ về thực hiện Nghị quyết số 57-NQ/TW, Ủy ban "
        "nhân dân tỉnh ban hành Kế hoạch như sau:",
        OWN,
        {"57-NQ/TW": C},
    ),
    # a document named without a number, described at length, then "và" a numbered one: one
    # list the cue governs (session 24)
    (
        "Thực hiện Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh khóa XV, nhiệm kỳ 2025 - "
        "2030 và Kế hoạch số 05-KH/BCĐTW ngày 19/6/2025 của Ban Chỉ đạo Trung ương, ngày "
        "10/12/2025, Ban Thường vụ Tỉnh ủy họp cho ý kiến.",
        OWN,
        {"05-KH/BCĐTW": IM},
    ),
    # after a described document, ", và" or "và chỉ đạo của … tại" goes back to the cue's list
    (
        "Triển khai Kế hoạch số 310/KH-BYT ngày 02/3/2025 của Bộ Y tế thực hiện Nghị quyết số "
        "20-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương về tăng cường công tác bảo vệ "
        "sức khỏe nhân dân, và Quyết định số 1520/QĐ-TTg ngày 06/10/2022 của Thủ tướng Chính "
        "phủ, Sở Y tế ban hành Kế hoạch như sau:",
        OWN,
        {"310/KH-BYT": IM, "20-NQ/TW": C, "1520/QĐ-TTg": IM},
    ),
    (
        "Thực hiện Nghị quyết số 12/NQ-CP ngày 10/01/2026 của Chính phủ ban hành Chương trình "
        "hành động thực hiện Nghị quyết số 66-NQ/TW và chỉ đạo của Thủ tướng Chính phủ tại Công "
        "điện số 15/CĐ-TTg ngày 20/01/2026, Bộ Tư pháp đề nghị:",
        OWN,
        {"12/NQ-CP": IM, "66-NQ/TW": C, "15/CĐ-TTg": IM},
    ),
    # what the document is for, said before the cue
    (
        "Để chấn chỉnh tình trạng trên, thực hiện Chỉ thị số 09/CT-TTg ngày 02/3/2024 của Thủ "
        "tướng Chính phủ, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:",
        TASK,
        {"09/CT-TTg": IM},
    ),
    # without the comma, the last document goes on the described document's list
    (
        "Thực hiện Kế hoạch số 45-KH/TU ngày 03/02/2025 của Tỉnh ủy thực hiện Nghị quyết số "
        "57-NQ/TW và Kết luận số 123-KL/TW, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:",
        OWN,
        {"45-KH/TU": IM, "57-NQ/TW": C, "123-KL/TW": C},
    ),
]


@pytest.mark.parametrize("text,own,expected", IMPLEMENTS)
def test_implementing_cues(text: str, own: bool, expected: dict[str, str]) -> None:
    assert _relations(text, own) == expected


# ------------------------------------------------------------------------- supersedes, amends

ACTS = [
    # the final provisions' own act, after "… này có hiệu lực"
    (
        "Chỉ thị này có hiệu lực kể từ ngày ký; sửa đổi, bổ sung khoản 2 Mục I Chỉ thị số "
        "05/CT-UBND ngày 10/3/2025 của Ủy ban nhân dân tỉnh.",
        TASK,
        {"05/CT-UBND": "amends"},
    ),
    # the document naming itself before its act, after a colon
    (
        "2. Về thời hạn tại Thông báo số 88/TB-VPUB ngày 18/6/2025 của Văn phòng UBND tỉnh: "
        "Thông báo này sửa đổi, bổ sung điểm 3 mục II Thông báo số 88/TB-VPUB như sau:",
        TASK,
        {"88/TB-VPUB": "amends"},
    ),
    # amending as a task is work to do, not this document's act
    (
        "Sở Tư pháp chủ trì sửa đổi, bổ sung Quyết định số 12/2024/QĐ-UBND.",
        TASK,
        {"12/2024/QĐ-UBND": C},
    ),
    (
        "Quyết định này có hiệu lực kể từ ngày ký và thay thế Quyết định số 2020/QĐ-UBND "
        "ngày 15/7/2022 của Ủy ban nhân dân tỉnh.",
        TASK,
        {"2020/QĐ-UBND": S},
    ),
    (
        "Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Thay thế Quyết định số 71/QĐ-UBND "
        "ngày 01/02/2023 và Quyết định số 72/QĐ-UBND ngày 02/02/2023 của Ủy ban nhân dân tỉnh.",
        TASK,
        {"71/QĐ-UBND": S, "72/QĐ-UBND": S},
    ),
    (
        "Điều 3. Bãi bỏ Quyết định số 14/2019/QĐ-UBND ngày 02/5/2019 của Ủy ban nhân dân tỉnh.",
        TASK,
        {"14/2019/QĐ-UBND": S},
    ),
    (
        "Điều 2. Bãi bỏ Điều 7 của Quy định ban hành kèm theo Quyết định số 19/2021/QĐ-UBND.",
        TASK,
        {"19/2021/QĐ-UBND": A},
    ),
    (  # the new wording of an amended task cites what it names
        '1. Sửa đổi nhiệm vụ số 5 như sau: "Hoàn thành kết nối camera theo Quyết định số '
        '2750/QĐ-UBND ngày 30/9/2025 của Ủy ban nhân dân tỉnh."',
        TASK,
        {"2750/QĐ-UBND": C},
    ),
    (
        "Quyết định số 05/2020/QĐ-UBND ngày 10/02/2020 của Ủy ban nhân dân tỉnh hết hiệu lực "
        "kể từ ngày Quyết định này có hiệu lực thi hành.",
        TASK,
        {"05/2020/QĐ-UBND": S},
    ),
    (
        "Điều 1. Sửa đổi, bổ sung một số điều của Quy chế ban hành kèm theo Quyết định số "
        "25/2023/QĐ-UBND như sau:",
        TASK,
        {"25/2023/QĐ-UBND": A},
    ),
    ("Sửa đổi, bổ sung một số điều của Quyết định số 12/2022/QĐ-UBND", OWN, {"12/2022/QĐ-UBND": A}),
    (
        "Về việc bãi bỏ Quyết định số 08/2018/QĐ-UBND của Ủy ban nhân dân tỉnh",
        OWN,
        {"08/2018/QĐ-UBND": S},
    ),
    # an item that gives the new wording ("từ … thành …") makes the amendment itself
    (
        "4. Sửa đổi thời hạn hoàn thành nhiệm vụ tại điểm b mục 3 Thông báo số 512/TB-BXD "
        'ngày 02/12/2025 của Bộ Xây dựng từ "trong tháng 12/2025" thành "trước ngày 31/3/2026".',
        TASK,
        {"512/TB-BXD": A},
    ),
    (
        "- Sửa đổi Quyết định số 34/2021/QĐ-UBND để chuyển nhiệm vụ từ Sở Công Thương thành "
        "nhiệm vụ của Sở Xây dựng, hoàn thành trong năm 2026.",
        TASK,
        {"34/2021/QĐ-UBND": C},
    ),
    # describing another document, or a task to draft one: cites
    (
        "- Tham mưu Ủy ban nhân dân tỉnh sửa đổi, bổ sung hoặc thay thế Quyết định số "
        "31/2020/QĐ-UBND cho phù hợp với quy định mới.",
        TASK,
        {"31/2020/QĐ-UBND": C},
    ),
    (
        "- Sửa đổi, bổ sung Quyết định số 33/2021/QĐ-UBND về quản lý cụm công nghiệp, hoàn "
        "thành trong quý I/2026.",
        TASK,
        {"33/2021/QĐ-UBND": C},
    ),
    (
        "Nghị định số 70/2025/NĐ-CP thay thế Nghị định số 123/2020/NĐ-CP về hóa đơn, chứng từ.",
        TASK,
        {"70/2025/NĐ-CP": C, "123/2020/NĐ-CP": C},
    ),
    (
        "Để triển khai Luật này, Bộ Tài chính xây dựng Nghị định mới (thay thế Nghị định số "
        "15/2022/NĐ-CP) trình Chính phủ.",
        TASK,
        {"15/2022/NĐ-CP": C},
    ),
    (
        "5. Về đề nghị sửa đổi Nghị định số 60/2021/NĐ-CP: giao Bộ Tài chính nghiên cứu, "
        "báo cáo Thủ tướng Chính phủ.",
        TASK,
        {"60/2021/NĐ-CP": C},
    ),
]


@pytest.mark.parametrize("text,own,expected", ACTS)
def test_supersede_and_amend(text: str, own: bool, expected: dict[str, str]) -> None:
    assert _relations(text, own) == expected


# ------------------------------------------------------------------------- cites

CITES = [
    ("Xét đề nghị của Sở Nội vụ tại Tờ trình số 145/TTr-SNV ngày 10/10/2025.", OWN),
    ("Theo đề nghị của Giám đốc Sở Tài chính tại Tờ trình số 88/TTr-STC ngày 02/9/2025.", OWN),
    ("Trên cơ sở kết quả thí điểm theo Quyết định số 410/QĐ-SNV ngày 15/8/2025.", OWN),
    ("Sở Tài chính chủ trì, thực hiện theo Công văn số 2222/UBND-KT ngày 01/9/2025.", TASK),
]


@pytest.mark.parametrize("text,own", CITES)
def test_other_mentions_cite(text: str, own: bool) -> None:
    assert set(_relations(text, own).values()) == {C}


def test_a_footnote_only_cites_but_records_the_link() -> None:
    text = "Quyết định số 929/QĐ-TTg ngày 15/5/2025 thay thế Quyết định số 598/QĐ-TTg."
    found = mentions_in(_paragraph(text, "footnote"), OWN, default_table(), None, None)
    refs = {r.number: r for r in merge_mentions(found, "t.txt")}
    assert {n: r.relation for n, r in refs.items()} == {"929/QĐ-TTg": C, "598/QĐ-TTg": C}
    assert ("supersedes", "598/QĐ-TTg") in refs["929/QĐ-TTg"].links


def test_nested_documents_are_linked() -> None:
    text = (
        "Thực hiện Kế hoạch số 21-KH/TU ngày 05/5/2025 của Tỉnh ủy về thực hiện Nghị quyết số "
        "68-NQ/TW ngày 04/5/2025 của Bộ Chính trị; Nghị quyết số 70-NQ/TW ngày 06/5/2025 của "
        "Bộ Chính trị; Công văn số 44/UBND-TH của Ủy ban nhân dân tỉnh, Ủy ban nhân dân tỉnh "
        "ban hành Kế hoạch như sau:"
    )
    found = mentions_in(_paragraph(text), OWN, default_table(), None, None)
    refs = {r.number: r for r in merge_mentions(found, "t.txt")}
    # the second Nghị quyết after ";" goes on the list of the first
    assert {n: r.relation for n, r in refs.items()} == {
        "21-KH/TU": IM,
        "68-NQ/TW": C,
        "70-NQ/TW": C,
        "44/UBND-TH": IM,
    }
    assert refs["21-KH/TU"].links == [("implements", "68-NQ/TW"), ("implements", "70-NQ/TW")]


# ------------------------------------------------------------------------- whole documents


def _document(text: str, own_until: str | None = None) -> dict[str, str]:
    """Relations in a short document: paragraphs before the line starting ``own_until`` (or
    none) are the document's own voice; one context goes along the paragraphs."""
    table = default_table()
    context = ReferenceContext()
    mentions = []
    own = own_until is not None
    for p in layout(text).paragraphs:
        if own_until is not None and p.text.startswith(own_until):
            own = False
        mentions += mentions_in(p, own, table, None, None, context)
    return {r.number: r.relation for r in merge_mentions(mentions, "t.txt")}


PREAMBLE = (
    "Thực hiện Kế hoạch số 10-KH/TU ngày 02/6/2025 của Ban Thường vụ Tỉnh ủy, Ủy ban nhân "
    "dân tỉnh ban hành Kế hoạch như sau:\n\n"
)


@pytest.mark.parametrize("mark", ["a)", "a.", "-", "+"])
def test_a_purpose_item_restating_other_documents_only_cites_them(mark: str) -> None:
    text = PREAMBLE + (
        "I. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n\n"
        f"{mark} Triển khai nghiêm túc Nghị quyết số 22/NQ-CP ngày 03/02/2025 của Chính phủ.\n\n"
        "II. NHIỆM VỤ\n\n1. Sở Tài chính tham mưu bố trí kinh phí.\n"
    )
    assert _document(text, own_until="II.") == {"10-KH/TU": IM, "22/NQ-CP": C}


def test_a_purpose_item_naming_what_the_preamble_implements_implements_all() -> None:
    text = PREAMBLE + (
        "I. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n\n"
        "- Triển khai thực hiện kịp thời Kế hoạch số 10-KH/TU và Nghị quyết số 22/NQ-CP trên "
        "địa bàn tỉnh.\n\nII. NHIỆM VỤ\n\n1. Sở Tài chính tham mưu bố trí kinh phí.\n"
    )
    assert _document(text, own_until="II.") == {"10-KH/TU": IM, "22/NQ-CP": IM}


def test_a_purpose_item_implements_when_nothing_else_does() -> None:
    text = (
        "Căn cứ Quyết định số 500/QĐ-TTg ngày 05/5/2024 của Thủ tướng Chính phủ;\n\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n\n"
        "a) Triển khai thực hiện có hiệu quả Quyết định số 500/QĐ-TTg ngày 05/5/2024 của Thủ "
        "tướng Chính phủ trên địa bàn tỉnh.\n\n2. Yêu cầu\n\n"
        "a) Bám sát Quyết định số 600/QĐ-TTg ngày 06/6/2024 của Thủ tướng Chính phủ.\n"
    )
    # the purpose section is known from its headings, even where no one marked it
    assert _document(text) == {"500/QĐ-TTg": IM, "600/QĐ-TTg": C}


def test_a_line_ending_in_a_colon_carries_its_cue_to_its_items() -> None:
    text = (
        "Điều 3. Hiệu lực thi hành\n\n"
        "1. Quyết định này có hiệu lực kể từ ngày 01 tháng 01 năm 2026.\n\n"
        "2. Các Quyết định sau đây hết hiệu lực kể từ ngày Quyết định này có hiệu lực thi "
        "hành:\n\n"
        "a) Quyết định số 11/2021/QĐ-UBND ngày 03/3/2021 của Ủy ban nhân dân tỉnh;\n\n"
        "b) Quyết định số 12/2022/QĐ-UBND ngày 04/4/2022 của Ủy ban nhân dân tỉnh.\n\n"
        "3. Văn phòng Ủy ban nhân dân tỉnh theo dõi việc thực hiện Quyết định số "
        "99/QĐ-UBND.\n"
    )
    assert _document(text) == {"11/2021/QĐ-UBND": S, "12/2022/QĐ-UBND": S, "99/QĐ-UBND": C}


def test_a_basis_list_under_a_colon() -> None:
    text = (
        "Căn cứ các văn bản sau:\n\n- Nghị định số 45/2020/NĐ-CP ngày 08/4/2020 của Chính "
        "phủ;\n\n- Thông tư số 01/2023/TT-VPCP ngày 05/4/2023 của Văn phòng Chính phủ;\n\n"
        "Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\n\n"
        "1. Rà soát thủ tục theo Quyết định số 98/QĐ-UBND.\n"
    )
    assert _document(text, own_until="1.") == {
        "45/2020/NĐ-CP": B,
        "01/2023/TT-VPCP": B,
        "98/QĐ-UBND": C,
    }


def test_a_title_under_its_type_heading() -> None:
    text = (
        "KẾ HOẠCH\n\nTriển khai thực hiện Chỉ thị số 32/CT-TTg ngày 21/10/2025 của Thủ tướng "
        "Chính phủ trên địa bàn tỉnh\n\n1. Các sở rà soát theo Quyết định số 98/QĐ-UBND.\n"
    )
    assert _document(text) == {"32/CT-TTg": IM, "98/QĐ-UBND": C}


def test_a_line_broken_before_its_number() -> None:
    text = (
        "Căn cứ Nghị định số\n\n30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;"
        "\n\nThực hiện Kế hoạch\n\nsố 77/KH-UBND ngày 02/02/2025 của Ủy ban nhân dân tỉnh, Sở "
        "Nội vụ ban hành Kế hoạch như sau:\n"
    )
    assert _document(text, own_until="Không") == {"30/2020/NĐ-CP": B, "77/KH-UBND": IM}


def test_a_colon_that_opens_tasks_carries_nothing() -> None:
    text = (
        "Căn cứ tình hình thực tế, Sở Nội vụ yêu cầu các đơn vị:\n\n"
        "1. Rà soát hồ sơ theo Quyết định số 99/QĐ-UBND ngày 02/02/2025.\n"
    )
    assert _document(text) == {"99/QĐ-UBND": C}


def test_without_a_context_each_paragraph_stands_alone() -> None:
    p = _paragraph("a) Quyết định số 11/2021/QĐ-UBND ngày 03/3/2021 của Ủy ban nhân dân tỉnh;")
    found = mentions_in(p, TASK, default_table(), None, None)
    assert [m.relation for m in found] == [C]


# ------------------------------------------------------------------------- speed


def test_a_long_paragraph_is_read_in_linear_time() -> None:
    piece = (
        "Căn cứ Quyết định số 12/QĐ-UBND ngày 01/01/2025 (kèm theo Công văn số 34/UBND-VX, "
        "và Kế hoạch số 56/KH-UBND; "
    )
    text = piece * 400 + "(" * 2000 + " ;" * 2000
    started = time.perf_counter()
    found = mentions_in(_paragraph(text), OWN, default_table(), None, None)
    merge_mentions(found, "t.txt")
    assert time.perf_counter() - started < 10
    assert {m.relation for m in found if m.number.format() == "12/QĐ-UBND"} == {B}


PARTY_PREAMBLE = """BAN CHẤP HÀNH TRUNG ƯƠNG
Số: 402-QĐ/TW
Hà Nội, ngày 10 tháng 11 năm 2025
QUY ĐỊNH
Về việc đảng viên giữ mối liên hệ với nơi cư trú
- Căn cứ Điều lệ Đảng;
- Căn cứ Quy định số 232-QĐ/TW, ngày 20/01/2025 của Ban Chấp hành Trung ương;
- Thực hiện Kết luận số 150-KL/TW, ngày 14/4/2025 của Bộ Chính trị,
Ban Bí thư quy định như sau:
Điều 1. Phạm vi điều chỉnh
1. Quy định này quy định trách nhiệm của đảng viên.
"""


def test_a_party_preamble_written_as_a_list_speaks_for_the_document() -> None:
    """ "- Căn cứ …; - Thực hiện …," before the enacting words: the document's own basis and
    what it carries out (a dashed item was read as a task's words, which only cite)."""
    ex = extract_text(PARTY_PREAMBLE, "qd.txt")
    assert {r.number: r.relation for r in ex.references} == {
        "232-QĐ/TW": "based_on",
        "150-KL/TW": "implements",
    }


def test_a_conclusions_title_after_whose_it_is_carries_out_what_it_names() -> None:
    """ "KẾT LUẬN" / "CỦA BỘ CHÍNH TRỊ" / "về tiếp tục thực hiện Chỉ thị số …": the line naming
    whose conclusion it is stands between the type and the title; the title still carries
    out the directive."""
    page = "\n\n".join(
        [
            "**BAN CHẤP HÀNH TRUNG ƯƠNG**",
            "Số 218-KL/TW",
            "*Hà Nội, ngày 10 tháng 10 năm 2025*",
            "**KẾT LUẬN**",
            "**CỦA BỘ CHÍNH TRỊ**",
            "**về tiếp tục thực hiện Chỉ thị số 42-CT/TW ngày 24/3/2020 của Ban Bí thư**",
            "Bộ Chính trị kết luận như sau:",
            "1. Các cấp ủy tăng cường lãnh đạo công tác phòng, chống thiên tai.",
        ]
    )
    e = extract_text(page, "kl.md")
    assert {r.number.format(): r.relation for r in e.references} == {"42-CT/TW": "implements"}


def test_a_second_act_after_and_in_one_sentence() -> None:
    """ "… thay thế Nghị quyết số A … và bãi bỏ Nghị quyết số B …": B is superseded by its own
    cue, not cited (nor amended because A's description said "một số đối tượng")."""
    page = "\n".join(
        [
            "HỘI ĐỒNG NHÂN DÂN TỈNH GIA LAI",
            "Số: 24/2025/NQ-HĐND",
            "Gia Lai, ngày 10 tháng 12 năm 2025",
            "NGHỊ QUYẾT",
            "Quy định chính sách hỗ trợ đóng bảo hiểm y tế",
            "Điều 2. Hiệu lực thi hành",
            "1. Nghị quyết này có hiệu lực từ ngày 01 tháng 01 năm 2026.",
            "2. Nghị quyết này thay thế Nghị quyết số 09/2022/NQ-HĐND ngày 08 tháng 7 năm 2022 "
            "quy định mức hỗ trợ cho một số đối tượng và bãi bỏ Nghị quyết số 31/2023/NQ-HĐND "
            "ngày 12 tháng 12 năm 2023 của Hội đồng nhân dân tỉnh Gia Lai.",
        ]
    )
    e = extract_text(page, "nq.txt")
    assert {r.number.format(): r.relation for r in e.references} == {
        "09/2022/NQ-HĐND": "supersedes",
        "31/2023/NQ-HĐND": "supersedes",
    }


def test_a_number_in_brackets_names_the_document_described_before_it() -> None:
    """ "Thực hiện Kết luận của đồng chí … tại Phiên họp … (Thông báo số 15-TB/BCĐTW, ngày …)":
    the bracketed number is the conclusion's; it is carried out, and the description is not a
    second, numberless document. A number in brackets after a task's words only cites."""
    page = "\n\n".join(
        [
            "BAN CHỈ ĐẠO TRUNG ƯƠNG",
            "Số 40-CV/BCĐTW",
            "Hà Nội, ngày 10 tháng 1 năm 2026",
            "Kính gửi: Các tỉnh ủy, thành ủy.",
            "Thực hiện Kết luận của đồng chí Trưởng Ban Chỉ đạo tại Phiên họp thứ năm của Ban "
            "Chỉ đạo Trung ương (Thông báo số 15-TB/BCĐTW, ngày 24/12/2025)1, Ban Chỉ đạo Trung "
            "ương đề nghị các tỉnh ủy, thành ủy thực hiện một số nội dung sau:",
            "1. Rà soát các nhiệm vụ chậm tiến độ (theo Công văn số 31-CV/BCĐTW).",
        ]
    )
    e = extract_text(page, "cv.txt")
    assert {(r.number.format() if r.number else None): r.relation for r in e.references} == {
        "15-TB/BCĐTW": "implements",
        "31-CV/BCĐTW": "cites",
    }


@pytest.mark.parametrize("mark", ["-", "+"])
def test_each_item_of_a_preamble_list_implements_what_it_names(mark: str) -> None:
    """A Party plan's preamble as a dash list: "- Thực hiện A …; - Triển khai B …," each item
    carries out what it names (not weakly, as a purpose section's item restating work does).
    A list marked with "+" is the same list."""
    page = "\n".join(
        [
            "ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TRUNG ƯƠNG",
            "Số 40-KH/ĐUCQĐTW",
            "Hà Nội, ngày 10 tháng 02 năm 2026",
            "KẾ HOẠCH",
            "thực hiện Thông báo số 218-TB/VPTW của Ban Bí thư",
            f"{mark} Căn cứ Quy chế làm việc của Ban Chấp hành Đảng bộ nhiệm kỳ 2025 - 2030;",
            f"{mark} Thực hiện Thông báo số 218-TB/VPTW, ngày 20/01/2026 của Văn phòng Trung ương"
            " Đảng;",
            f"{mark} Triển khai Nghị quyết số 05-NQ/ĐUCQĐTW, ngày 25/12/2025 của Ban Chấp hành Đảng"
            " bộ,",
            "Ban Thường vụ Đảng ủy ban hành Kế hoạch thực hiện như sau:",
            "I. MỤC ĐÍCH, YÊU CẦU",
            "- Triển khai thực hiện Kế hoạch số 12-KH/BCĐTW đúng tiến độ.",
        ]
    )
    e = extract_text(page, "kh.txt")
    assert {r.number.format(): r.relation for r in e.references} == {
        "218-TB/VPTW": "implements",
        "05-NQ/ĐUCQĐTW": "implements",
        "12-KH/BCĐTW": "cites",
    }


@pytest.mark.parametrize(
    "row,number,relation",
    [
        # a letter's letterhead read as one row: the subject line in the left cell, after the
        # number, is the letter's title
        (
            "TỈNH ỦY LONG AN Số: 88-CV/TU V/v triển khai thực hiện Thông báo số 12-TB/BCĐTW "
            "ngày 3/4/2025\tĐẢNG CỘNG SẢN VIỆT NAM Long An, ngày 9 tháng 4 năm 2025",
            "12-TB/BCĐTW",
            "implements",
        ),
        (
            "ỦY BAN NHÂN DÂN TỈNH AN GIANG Số: 301/UBND-KT Về việc thực hiện Kế hoạch số "
            "45/KH-UBND\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc",
            "45/KH-UBND",
            "implements",
        ),
        # no number before it: a row of a table, not a letterhead; the mention only cites
        (
            "Báo cáo kết quả V/v thực hiện Kế hoạch số 45/KH-UBND\tQuý II",
            "45/KH-UBND",
            "cites",
        ),
    ],
)
def test_a_subject_line_in_a_letterhead_cell_is_the_title(
    row: str, number: str, relation: str
) -> None:
    assert _relations(row, True, kind="table_row")[number] == relation
