"""A table remembers what it found in a text (loaders/memo.py): same answers, new objects."""

from __future__ import annotations

from pathlib import Path

import pytest

from policy_lineage.loaders import memo
from policy_lineage.loaders.agencies import AgencyTable, default_table

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "dong-thap"

TEXTS = [
    "Giao Sở KH&CN chủ trì, phối hợp với UBND tỉnh và các sở, ban, ngành triển khai.",
    "Ủy ban nhân dân xã Tân Hòa chủ trì; Công an xã phối hợp.",
    "Các Cục: Công nghệ thông tin, Kết cấu hạ tầng xây dựng; Vụ Pháp chế theo dõi.",
]


def _plain_find(table: AgencyTable, text: str, province: str | None) -> list:
    return AgencyTable.find.__wrapped__(table, text, province)  # type: ignore[attr-defined]


def _paragraphs() -> list[str]:
    out = list(TEXTS)
    for path in sorted(EXAMPLES.glob("*.txt"))[:6]:
        out += [p for p in path.read_text("utf-8").split("\n") if p.strip()][:80]
    return out


@pytest.mark.parametrize("province", [None, "Đồng Tháp"])
def test_memo_finds_what_find_finds(province: str | None) -> None:
    table = default_table()
    for text in _paragraphs():
        first = table.find(text, province)
        again = table.find(text, province)  # answered from memory
        assert first == again == _plain_find(table, text, province)


def test_memo_gives_new_objects_each_time() -> None:
    table = AgencyTable.load()
    text = TEXTS[0]
    first = table.find(text, "Đồng Tháp")
    assert first, "the example names bodies"
    first[0].agency.name = "changed by a caller"
    first.clear()
    again = table.find(text, "Đồng Tháp")
    assert again == _plain_find(table, text, "Đồng Tháp")
    assert all(
        a.agency is not b.agency for a, b in zip(again, table.find(text, "Đồng Tháp"), strict=True)
    )


def test_memo_is_per_table_and_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memo, "LIMIT", 5)
    one, two = AgencyTable.load(), AgencyTable.load()
    for i in range(12):
        one.find(f"Sở Tài chính {i} phối hợp", None)
        assert len(one.__dict__[memo._MEMO]) <= 5
    assert memo._MEMO not in two.__dict__  # another table remembers nothing of it
    assert one.find("Sở Tài chính 3 phối hợp") == _plain_find(one, "Sở Tài chính 3 phối hợp", None)


def test_memo_document_table_answers_for_itself() -> None:
    table = default_table()
    text = "Các Cục: Công nghệ thông tin, Kết cấu hạ tầng xây dựng.\n6. Cục Kết cấu hạ tầng xây dựng tham mưu."
    doc_table = table.for_document(text)
    assert doc_table is not table  # the document lists bodies: a table of its own
    line = "6. Cục Kết cấu hạ tầng xây dựng tham mưu."
    base = [m.agency.name for m in table.find(line)]
    learned = [m.agency.name for m in doc_table.find(line)]
    assert learned == [m.agency.name for m in _plain_find(doc_table, line, None)]
    assert base == [m.agency.name for m in _plain_find(table, line, None)]
    assert doc_table.__dict__[memo._MEMO] is not table.__dict__[memo._MEMO]
