"""Documents whose text was taken from a PDF by another program (pdfminer, pypdf) and saved
as .txt or .md: the letterhead's two columns come one after the other, the motto and the
date are wrapped where the column ended, the title follows the right column, the signature's
name is broken over two lines, and a decision's plan opens with its heading and title run
together. Documents written for these tests, in the shapes those programs print."""

from __future__ import annotations

import pytest

from policy_lineage.loaders.pipeline import extract_source
from policy_lineage.loaders.read_text import read_text

PLAN = """ỦY BAN NHÂN DÂN TỈNH QUẢNG
NGÃI

Số: 215/KH-UBND

KẾ HOẠCH

CỘNG HÒA XÃ HỘI CHỦ NGHĨA
VIỆT NAM Độc lập - Tự do - Hạnh
phúc

Quảng Ngãi, ngày 14 tháng 10 năm
2025

TRIỂN KHAI THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW CỦA BỘ CHÍNH TRỊ TRÊN
ĐỊA BÀN TỈNH

Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, Ủy ban nhân dân
tỉnh ban hành Kế hoạch thực hiện như sau:

I. NHIỆM VỤ

1. Sở Khoa học và Công nghệ chủ trì xây dựng cơ sở dữ liệu khoa học, hoàn thành
trong tháng 12/2025.

2. Sở Tài chính chủ trì bố trí kinh phí thực hiện Kế hoạch, hoàn thành trước ngày
30/11/2025.

KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần
Phước Hiền

Nơi nhận: - Như trên; - Lưu: VT, KGVX.
"""


@pytest.mark.parametrize("suffix", ["txt", "md"])
def test_a_plans_facts_from_its_pdf_text(suffix: str) -> None:
    src = read_text(f"kh.{suffix}", PLAN.encode("utf-8"), suffix)
    doc = extract_source(src).document
    assert (doc.number, doc.doc_type, str(doc.date)) == ("215/KH-UBND", "Kế hoạch", "2025-10-14")
    assert not doc.is_draft  # the year on the next line: not a blank date
    assert doc.title == (
        "TRIỂN KHAI THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW CỦA BỘ CHÍNH TRỊ TRÊN ĐỊA BÀN TỈNH"
    )
    assert doc.signer == "Trần Phước Hiền"


def test_a_date_and_a_motto_wrapped_under_the_heading_are_not_its_title() -> None:
    text = PLAN.replace(
        "Quảng Ngãi, ngày 14 tháng 10 năm\n2025", "Quảng Ngãi, ngày 14\ntháng 10 năm 2025"
    )
    doc = extract_source(read_text("kh.md", text.encode("utf-8"), "md")).document
    assert doc.title is not None and doc.title.startswith("TRIỂN KHAI THỰC HIỆN")
    assert str(doc.date) == "2025-10-14"


def test_a_typists_initials_do_not_join_the_signers_name() -> None:
    """ "- Lưu: VT, NN (3). Hg" then the name far to the right: "Hg" is no part of it."""
    text = PLAN.replace(
        "KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần\nPhước Hiền\n\nNơi nhận: - Như trên; - Lưu: VT, KGVX.\n",
        "Nơi nhận:" + " " * 41 + "KT. CHỦ TỊCH\n- Như trên;" + " " * 39 + "PHÓ CHỦ TỊCH\n"
        "- Lưu: VT, NN (3). Hg\n" + " " * 50 + "Trần Phước Hiền\n",
    )
    doc = extract_source(read_text("kh.txt", text.encode("utf-8"), "txt")).document
    assert doc.signer == "Trần Phước Hiền"


DECISION = """ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI
Số: 99/QĐ-UBND
QUYẾT ĐỊNH
Ban hành Kế hoạch chuyển đổi số năm 2026
ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI
Căn cứ Luật Tổ chức chính quyền địa phương năm 2025;
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch chuyển đổi số năm 2026.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
Nơi nhận: - Như Điều 2; - Thủ tướng KT. CHỦ TỊCH PHÓ CHỦ TỊCH
Chính phủ (để b/c); - Các Phó Thủ Trần Phước Hiền
tướng Chính phủ (để b/c); - Lưu: VT.
KẾ HOẠCH
CHUYỂN ĐỔI SỐ NĂM 2026
(Kèm theo Quyết định số 99/QĐ-UBND ngày 05/01/2026 của Ủy ban nhân dân tỉnh)
I. NHIỆM VỤ
1. Sở Khoa học và Công nghệ chủ trì triển khai nền tảng số dùng chung, hoàn thành
trong Quý II/2026.
"""


def test_a_plan_issued_by_a_decision_is_read_when_its_heading_runs_into_its_title() -> None:
    """A .md text whose lines have no blank line between them joins "KẾ HOẠCH" and its title
    in capitals into one paragraph; the plan is still the decision's."""
    ex = extract_source(read_text("qd.md", DECISION.encode("utf-8"), "md"))
    got = [(t.text[:30], [a.name for a in t.lead], str(t.deadline)) for t in ex.tasks]
    assert got == [("Sở Khoa học và Công nghệ chủ t", ["Sở Khoa học và Công nghệ"], "2026-06-30")]


def test_an_appendix_under_its_caption_is_not_a_document_issued_with_the_decision() -> None:
    text = DECISION.replace("KẾ HOẠCH\nCHUYỂN ĐỔI SỐ", "PHỤ LỤC II\nPHƯƠNG ÁN CHUYỂN ĐỔI SỐ")
    from policy_lineage.loaders.agencies import default_table
    from policy_lineage.loaders.attachments import attached_documents
    from policy_lineage.loaders.layout import layout
    from policy_lineage.loaders.markup import markup_view
    from policy_lineage.loaders.pipeline import paragraph_style

    view = markup_view(text).text
    paras = layout(view, soft=paragraph_style(view)).paragraphs
    assert attached_documents(paras, 0, default_table().rules) == []
    # nor a heading run into its title among an appendix's items, far from the closing block
    text = DECISION.replace(
        "tướng Chính phủ (để b/c); - Lưu: VT.\n",
        "tướng Chính phủ (để b/c); - Lưu: VT.\n"
        "PHỤ LỤC I\nDANH MỤC THỦ TỤC\n(1) Thủ tục một.\n(2) Thủ tục hai.\n",
    )
    view = markup_view(text).text
    paras = layout(view, soft=paragraph_style(view)).paragraphs
    assert attached_documents(paras, 0, default_table().rules) == []
    view = markup_view(DECISION).text
    paras = layout(view, soft=paragraph_style(view)).paragraphs
    assert [kind for _, _, kind in attached_documents(paras, 0, default_table().rules)] == [
        "kế hoạch"
    ]
