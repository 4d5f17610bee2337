"""Naming a document parses only the numbers that can match: the same answers as parsing
every document's every number (``find_document`` with the serial filter off)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policy_lineage.queries import resolve
from policy_lineage.queries.example import example_graph
from policy_lineage.queries.resolve import find_document
from policy_lineage.schema.graph_model import DocumentNode, LineageGraph

NUMBERS = [
    ("57-NQ/TW", []),
    ("04-TB/BCĐTW", ["4-TB/BCĐTW", "04-TB/BCDTW"]),
    ("004/KH-UBND", []),
    ("40/KH-UBND", []),
    ("14/KH-UBND", ["014/KH-UBND"]),
    ("118/2024/NĐ-CP", ["118/NĐ-CP"]),
    ("0/KH-UBND", []),
    ("/KH-UBND", []),  # a draft's blank serial
    ("", ["57/NQ-TW"]),
    ("71/NQ-CP", ["71 / NQ-CP", "Số: 71/NQ-CP"]),
    ("25/KH-UBND", ["25/KH-UBND-VX"]),
    ("12/CT-TTg", ["12/CT-ТTg"]),  # a Cyrillic Т in the copy
    ("254/KH-UBND", ["254/KH-UBND\u00b9"]),  # a footnote mark
]
QUERIES = [
    "57-NQ/TW",
    "57/NQ-TW",
    "NQ 57",
    "nghi quyet 57",
    "04-TB/BCĐTW",
    "4-TB/BCDTW",
    "004/KH-UBND",
    "4/KH-UBND",
    "40/KH-UBND",
    "14/KH-UBND",
    "kh 14",
    "KH 004",
    "118/NĐ-CP",
    "118/2024/NĐ-CP",
    "118/2023/NĐ-CP",
    "0/KH-UBND",
    "00/KH-UBND",
    "kh 0",
    "71/NQ-CP",
    "25/KH-UBND",
    "12/CT-TTg",
    "254/KH-UBND",
    "254",
    "Kế hoạch 254",
    "999/KH-UBND",
    "chuyển đổi số",
]


def _graph() -> LineageGraph:
    g = example_graph()
    for i, (number, cited) in enumerate(NUMBERS):
        g.add_document(
            DocumentNode(
                id=f"doc:t{i}", number=number or None, cited_as=cited, title=f"Văn bản {i}"
            )
        )
    return g


def _plain_numbers_of(doc: DocumentNode, test: object = None) -> list:
    return [
        n
        for text in [doc.number, *doc.cited_as]
        if text
        for n in [resolve.parse_number(text)]
        if n is not None and not n.is_blank
    ]


@pytest.mark.parametrize("query", QUERIES)
def test_resolve_serial_filter_same_answer(query: str, monkeypatch: pytest.MonkeyPatch) -> None:
    g = _graph()
    got = find_document(g, query)
    monkeypatch.setattr(resolve, "_numbers_of", _plain_numbers_of)
    want = find_document(g, query)
    assert [d.id for d in got.matches] == [d.id for d in want.matches]
    assert [d.id for d in got.suggestions] == [d.id for d in want.suggestions]


def test_resolve_serial_filter_finds_leading_zeros() -> None:
    g = _graph()
    assert {d.id for d in find_document(g, "4/KH-UBND").matches} == {"doc:t2"}
    assert {d.id for d in find_document(g, "14/KH-UBND").matches} == {"doc:t4"}
    assert {d.id for d in find_document(g, "0/KH-UBND").matches} == {"doc:t6"}


# Numbers as documents and people write them: the serial with leading zeros, either grammar,
# spaces and line breaks around the separators, "Số:" before, look-alike letters, NFD, a
# footnote mark after.
_TYPES = ["NQ", "KH", "TB", "QĐ", "CT", "BC", "CV"]
_ISSUERS = ["TW", "UBND", "BCĐTW", "CP", "TTg", "BKHCN", "TU", "HU"]


@st.composite
def _written_numbers(draw: st.DrawFn) -> str:
    serial = "0" * draw(st.integers(0, 2)) + str(draw(st.integers(0, 99999)))
    t, issuer = draw(st.sampled_from(_TYPES)), draw(st.sampled_from(_ISSUERS))
    sep = draw(st.sampled_from(["", " ", "\n", " \n "]))
    year = draw(st.sampled_from(["", "2024/", "2025/"]))
    unit = draw(st.sampled_from(["", "-VX", "-KGVX"]))
    form = draw(
        st.sampled_from(
            [
                f"{serial}{sep}-{sep}{t}/{issuer}",
                f"{serial}{sep}/{sep}{year}{t}-{issuer}{unit}",
                f"{serial}/{issuer}{unit}",
                f"{serial}/{year}QH15",
            ]
        )
    )
    form = draw(st.sampled_from(["", "Số: ", "số ", "Số:", " "])) + form
    form += draw(st.sampled_from(["", "¹", "²³", ".", " "]))
    if draw(st.booleans()):
        form = form.replace("T", "\u0422")  # a Cyrillic capital Te
    if draw(st.booleans()):
        form = unicodedata.normalize("NFD", form)
    return form


@settings(max_examples=600, deadline=None)
@given(_written_numbers())
def test_resolve_serial_test_passes_every_form_of_that_serial(form: str) -> None:
    n = resolve.parse_number(form)
    if n is None or n.is_blank:
        return
    serial = resolve.loose_key(n)[0]
    assert resolve._serial_test(serial)(form), (form, serial)  # noqa: SLF001


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789-/ SốKHNQTWĐđ\n:.¹", max_size=24))
def test_resolve_serial_test_passes_any_text_of_that_serial(form: str) -> None:
    n = resolve.parse_number(form)
    if n is None or n.is_blank:
        return
    assert resolve._serial_test(resolve.loose_key(n)[0])(form), form  # noqa: SLF001
