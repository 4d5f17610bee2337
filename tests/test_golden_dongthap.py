"""Facts about the five bundled Đồng Tháp documents, checked by a person reading them.

Each expectation below was written from the document text (see examples/dong-thap/),
not copied from the tool's output.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from policy_lineage.cli import main

LETTER_2025_06 = "2025-06_cv-btvtu_trien-khai-tb-04-bcdtw_du-thao.txt"
PLAN_2025_06 = "2025-06_kh-ubnd_trien-khai-kh-359-tu_du-thao.txt"
PLAN_2025_10 = "2025-10_kh-ubnd_trien-khai-kh-05-tu_du-thao.txt"
PROGRAMME = "2025_ctr-btvtu_chuong-trinh-hanh-dong-nq57.txt"
LETTER_2026_04 = "2026-04_cv-ubnd-kgvx_chi-dao-nq57.txt"

DOCUMENTS = {
    LETTER_2025_06: dict(number=None, doc_type="Công văn", issuer="Ban Thường vụ Tỉnh ủy Đồng Tháp", date=None, is_draft=True, signer=None),
    PLAN_2025_06: dict(number=None, doc_type="Kế hoạch", issuer="Ủy ban nhân dân tỉnh Đồng Tháp", date=None, is_draft=True, signer=None),
    PLAN_2025_10: dict(number=None, doc_type="Kế hoạch", issuer="Ủy ban nhân dân tỉnh Đồng Tháp", date=None, is_draft=True, signer="Huỳnh Minh Tuấn"),
    PROGRAMME: dict(number=None, doc_type="Chương trình", issuer="Ban Thường vụ Tỉnh ủy Đồng Tháp", date=None, is_draft=False, signer="Lê Quốc Phong"),
    LETTER_2026_04: dict(number=None, doc_type="Công văn", issuer="Ủy ban nhân dân tỉnh Đồng Tháp", date=None, is_draft=True, signer="Huỳnh Minh Tuấn"),
}  # fmt: skip

REFERENCES = {
    LETTER_2025_06: {"04-TB/BCĐTW": "implements", "57-NQ/TW": "cites", "11-ĐA/TU": "cites"},
    PLAN_2025_06: {"359-KH/TU": "implements", "57-NQ/TW": "cites"},
    PLAN_2025_10: {
        "05-KH/TU": "implements", "07-TB/CQTTBCĐ": "implements", "47-TB/TGV": "implements",
        "10094/VPCP-KGVX": "based_on", "57-NQ/TW": "cites", "254/KH-UBND": "cites",
        "283/KH-UBND": "cites", "01-KH/BCĐ": "cites", "11-KH/TU": "cites", "71/NQ-CP": "cites",
        "10-CTr/TU": "cites", "05-ĐA/TU": "cites", "118/2025/NĐ-CP": "cites",
        "180/2025/NĐ-CP": "cites", "267/2025/NĐ-CP": "cites",
    },
    PROGRAMME: {"57-NQ/TW": "implements"},
    LETTER_2026_04: {
        "1536-CV/ĐU": "implements", "1734-CV/VPTW": "implements", "3398/VPCP-CĐS": "implements",
        "77-BC/VPTW": "implements", "57-NQ/TW": "cites", "807/UBND-KGVX": "cites",
        "808/UBND-KGVX": "cites", "1023/UBND-KGVX": "cites", "22-TB/CQTBCĐ": "cites",
        "1807/BKHCN-ĐMST": "cites", "3135/VPUBND-KGVX": "cites", "1067/QĐ-UBND": "cites",
        "801/QĐ-BCĐ": "cites",
    },
}  # fmt: skip

# Counted by reading, by benchmarks/real/ANNOTATION.md. PLAN_2025_10: its appendix's 21 rows
# (each restating a body item: counted once) and the four duties of "III. TỔ CHỨC THỰC HIỆN"
# (1.a–c of Sở Khoa học và Công nghệ, 2. of the departments and localities), which no row
# restates; it was 21 while an appendix restating most of the body was read as the whole list.
TASK_COUNTS = {
    LETTER_2025_06: 18,
    PLAN_2025_06: 25,
    PLAN_2025_10: 25,
    PROGRAMME: 35,
    LETTER_2026_04: 6,
}

# (start of the task text, lead, cooperating, deadline)
TASKS = {
    LETTER_2025_06: [
        ("Tham mưu xây dựng Nghị quyết quy định chính sách ưu đãi tài chính", ["Sở Tài chính"], [], "2025-09-30"),
        ("Tham mưu xây dựng Nghị quyết quy định chính sách đặc thù", ["Sở Nội vụ"], [], "2025-06-30"),
        ("Tham mưu xây dựng Nghị quyết quy định chính sách ưu đãi, hỗ trợ", ["Sở Khoa học và Công nghệ"], [], "2025-06-30"),
        ("Triển khai các giải pháp bảo mật", ["Văn phòng Tỉnh ủy"], ["Sở Khoa học và Công nghệ"], None),
        ("Bảo đảm 100% xã kết nối", ["Văn phòng Tỉnh ủy"], ["Sở Khoa học và Công nghệ"], "2025-06-30"),
        ("Chỉ đạo Sở Khoa học và Công nghệ chủ trì", ["Sở Khoa học và Công nghệ"], ["Các sở, ban, ngành", "Ủy ban nhân dân các xã, phường"], "2025-06-30"),
        ("Đảng ủy Ủy ban nhân dân tỉnh chỉ đạo Ủy ban nhân dân Tỉnh chỉ đạo Sở", ["Sở Giáo dục và Đào tạo"], [], None),
        ("Chỉ đạo Văn phòng UBND tỉnh chủ trì", ["Văn phòng Ủy ban nhân dân tỉnh"], ["Công an tỉnh", "Sở Khoa học và Công nghệ"], "2025-06-30"),
        ("Công bố Danh mục dịch vụ công trực tuyến", ["Ủy ban nhân dân tỉnh Đồng Tháp"], [], "2025-06-20"),
        ("Phát huy vai trò người đứng đầu", ["Các cơ quan Đảng ở tỉnh và địa phương"], [], None),
        ("Uỷ ban Kiểm tra Tỉnh ủy: tăng cường", ["Ủy ban Kiểm tra Tỉnh ủy"], [], None),
    ],
    PLAN_2025_06: [
        ("Giao Sở Khoa học và Công nghệ theo dõi", ["Sở Khoa học và Công nghệ"], [], None),
        ("Uỷ ban nhân dân các xã, phường chủ động lồng ghép", ["Ủy ban nhân dân các xã, phường"], [], None),
        ("Bảo đảm 100% xã, tỉnh kết nối", [], [], None),
        ("Khẩn trương lãnh đạo, chỉ đạo xây dựng", [], [], None),
    ],
    PLAN_2025_10: [
        # "III. TỔ CHỨC THỰC HIỆN", "1. Sở Khoa học và Công nghệ", a) and c)
        ("Là cơ quan đầu mối, chủ trì", ["Sở Khoa học và Công nghệ"], [], None),
        ("Làm đầu mối tổng hợp dự toán", ["Sở Khoa học và Công nghệ"], [], None),
        ("Triển khai đồng bộ, quyết liệt", ["Các sở, ban, ngành, địa phương"], [], None),
        ("Tập trung hoàn thành nhiệm vụ chuyển đổi số", ["Sở Khoa học và Công nghệ", "Công an tỉnh"], ["Các sở, ban, ngành, địa phương"], "2025-12-31"),
        ("Rà soát, cấu trúc lại quy trình", ["Văn phòng Ủy ban nhân dân tỉnh", "Sở Khoa học và Công nghệ"], ["Các sở, ban, ngành, địa phương"], "2025-12-31"),
        ("Bảo đảm đủ, kịp thời kinh phí", ["Sở Tài chính"], ["Văn phòng Tỉnh ủy"], None),
        ("Nghiên cứu, đề xuất đẩy mạnh phân cấp", ["Các sở, ban, ngành, địa phương"], ["Văn phòng Ủy ban nhân dân tỉnh"], None),
        ("Tham mưu xây dựng và ban hành chính sách hỗ trợ", ["Sở Khoa học và Công nghệ"], [], "2025-12-31"),
        ("Tham mưu xây dựng và ban hành Chương trình", ["Sở Khoa học và Công nghệ"], ["Các sở, ban, ngành, địa phương"], "2026-03-31"),
        ("Kịp thời tham mưu cấp thẩm quyền", ["Sở Tài chính"], ["Các sở, ban, ngành, địa phương"], None),
        ("Phối hợp các cơ quan, đơn vị đặt hàng", ["Sở Nội vụ", "Sở Khoa học và Công nghệ"], ["Các sở, ban, ngành, địa phương"], None),
        ("Tham mưu quy định về hoạt động sáng kiến", ["Sở Khoa học và Công nghệ"], ["Các sở, ban, ngành, địa phương"], "2025-12-31"),
        ("Duy trì vận hành Sàn giao dịch", ["Sở Khoa học và Công nghệ"], [], None),
    ],
    PROGRAMME: [
        ("Ban Tuyên giáo và Dân vận Tỉnh uỷ chủ trì", ["Ban Tuyên giáo và Dân vận Tỉnh ủy"], [], None),
        ("Đảng uỷ Uỷ ban nhân dân Tỉnh lãnh đạo", ["Ủy ban nhân dân tỉnh Đồng Tháp"], [], None),
        ("Tuyên truyền, triển khai sâu rộng", [], [], None),
    ],
    LETTER_2026_04: [
        ("Trực tiếp chỉ đạo và chịu trách nhiệm", ["Các sở, ban, ngành tỉnh", "Ủy ban nhân dân các xã, phường"], [], None),
        ("Công an tỉnh (Cơ quan thường trực", ["Công an tỉnh"], ["Sở Khoa học và Công nghệ"], None),
        ("Chủ trì, phối hợp với các cơ quan, đơn vị liên quan nghiên cứu", ["Sở Khoa học và Công nghệ"], [], "2026-04-30"),
        ("Thực hiện việc rà soát và thúc đẩy", ["Sở Khoa học và Công nghệ"], [], None),
        ("Phát huy vai trò đầu mối", ["Sở Khoa học và Công nghệ"], [], "2026-05-31"),
        ("Khẩn trương nghiên cứu, rà soát", ["Sở Khoa học và Công nghệ"], [], "2026-04-28"),
    ],
}  # fmt: skip


@pytest.fixture(scope="module")
def extracted(corpus) -> dict[str, dict]:
    result = CliRunner().invoke(
        main, ["extract", str(corpus), "--format", "json"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    return {Path(d["source"]).name: d for d in map(json.loads, result.output.splitlines())}


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_golden_document_metadata(extracted, name):
    doc = extracted[name]["document"]
    for key, value in DOCUMENTS[name].items():
        assert doc[key] == value, (name, key)


@pytest.mark.parametrize("name", sorted(REFERENCES))
def test_golden_references(extracted, name):
    got = {r["number"]: r["relation"] for r in extracted[name]["references"] if r["number"]}
    assert got == REFERENCES[name]


@pytest.mark.parametrize("name", sorted(TASK_COUNTS))
def test_golden_task_count(extracted, name):
    assert len(extracted[name]["tasks"]) == TASK_COUNTS[name]


@pytest.mark.parametrize("name", sorted(TASKS))
def test_golden_task_leads_and_deadlines(extracted, name):
    tasks = extracted[name]["tasks"]
    for start, lead, cooperating, deadline in TASKS[name]:
        matches = [t for t in tasks if t["text"].startswith(start)]
        assert len(matches) == 1, (name, start)
        t = matches[0]
        assert (t["lead"], t["cooperating"], t["deadline"]) == (lead, cooperating, deadline), start


def test_golden_2025_10_links_between_cited_documents(extracted):
    refs = {r["number"]: r for r in extracted[PLAN_2025_10]["references"] if r["number"]}
    assert {"relation": "implements", "target": "07-TB/CQTTBCĐ"} in refs["05-KH/TU"]["links"]
    assert {"relation": "implements", "target": "11-KH/TU"} in refs["254/KH-UBND"]["links"]
