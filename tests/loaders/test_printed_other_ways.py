"""One document printed the ways real documents differ (``benchmarks/variants.py``): its facts
must not depend on the printing. A table of a plan written for this test, rewritten by each
variant the extractor now reads alike."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from policy_lineage.loaders.pipeline import extract_text

_SPEC = importlib.util.spec_from_file_location(
    "variants", Path(__file__).resolve().parents[2] / "benchmarks" / "variants.py"
)
variants = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(variants)  # type: ignore[union-attr]

# a letterhead as the legal portals save it: a lone pipe before each cell, a cell's lines apart
PLAN = """|
**ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI**
-------
|
**CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: 88/KH-UBND
|
*Quảng Ngãi, ngày 05
tháng 3 năm 2026*
|

**KẾ HOẠCH**

**Triển khai chuyển đổi số năm 2026**

Thực hiện Kế hoạch số 10-KH/TU ngày 02 tháng 6 năm 2025 của Ban Thường vụ Tỉnh ủy, Ủy ban nhân
dân tỉnh ban hành Kế hoạch như sau:

**I. MỤC ĐÍCH, YÊU CẦU**

a) Triển khai nghiêm túc Nghị quyết số 22/NQ-CP ngày 03/02/2025 của Chính phủ.

**II. TỔ CHỨC THỰC HIỆN**

**1. Các sở, ban, ngành tỉnh**

- Rà soát thủ tục hành chính, hoàn thành trước ngày 30/6/2026.

**2. Ủy ban nhân dân các xã, phường**

- Kiện toàn Tổ công nghệ số cộng đồng, hoàn thành trong tháng 9/2026.

**3. Chế độ báo cáo**

- Các sở, ban, ngành tỉnh và Ủy ban nhân dân các xã, phường báo cáo kết quả trước ngày
15/12/2026.
"""


def _facts(text: str) -> tuple:
    ex = extract_text(text, "kh.md")
    d = ex.document
    return (
        d.number,
        d.doc_type,
        d.issuer and d.issuer.name,
        str(d.date),
        d.province,
        sorted((r.number.format(), r.relation) for r in ex.references),
        [([a.name for a in t.lead], str(t.deadline)) for t in ex.tasks],
    )


def test_the_plan_as_printed() -> None:
    number, kind, issuer, when, province, refs, tasks = _facts(PLAN)
    assert (number, kind, issuer, when, province) == (
        "88/KH-UBND",
        "Kế hoạch",
        "Ủy ban nhân dân tỉnh Quảng Ngãi",
        "2026-03-05",
        "Quảng Ngãi",
    )
    assert refs == [("10-KH/TU", "implements"), ("22/NQ-CP", "cites")]
    assert tasks == [
        (["Các sở, ban, ngành tỉnh"], "2026-06-30"),
        (["Ủy ban nhân dân các xã, phường"], "2026-09-30"),
        (["Các sở, ban, ngành tỉnh", "Ủy ban nhân dân các xã, phường"], "2026-12-15"),
    ]


@pytest.mark.parametrize(
    "variant",
    ["no-table", "no-bold", "markers", "upper", "spaced", "letterhead-figures", "dates"],
)
def test_the_plan_printed_another_way_reads_the_same(variant: str) -> None:
    change, _ = variants.VARIANTS[variant]
    printed = change(PLAN)
    assert printed != PLAN  # the variant did rewrite it
    assert _facts(printed) == _facts(PLAN)
