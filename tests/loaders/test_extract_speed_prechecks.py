"""The extractors' shortcuts give what the full reading gives.

Each shortcut skips a regex when the text lacks what every match of it holds (a colon, a
year, a word), or answers a repeated question from memory. These tests hold each one to
the plain form on the texts of the bundled corpora (``examples``, ``benchmarks/real/dev``,
``benchmarks/heldout``), so a rule edited later that breaks a shortcut's premise fails here.
"""

from __future__ import annotations

import random
import re
import unicodedata
from functools import cache
from pathlib import Path

import pytest

from policy_lineage.loaders import (
    deadlines,
    extract_references,
    fields,
    layout,
    markup,
    numbers,
)
from policy_lineage.loaders.agencies import AgencyTable, default_table
from policy_lineage.loaders.assignment import parse_assignment
from policy_lineage.loaders.extract_tasks import _vocab as task_vocab
from policy_lineage.loaders.rules import any_found, default_rules, needed_text
from policy_lineage.loaders.textnorm import fold, match_key

ROOT = Path(__file__).resolve().parents[2]


@cache
def _lines() -> tuple[str, ...]:
    out: list[str] = []
    for folder in ("examples/dong-thap", "benchmarks/real/dev", "benchmarks/heldout"):
        for path in sorted((ROOT / folder).glob("*")):
            if path.suffix in (".txt", ".md"):
                text = unicodedata.normalize("NFC", path.read_text("utf-8", errors="replace"))
                out += [ln for ln in text.split("\n") if ln.strip()]
    assert len(out) > 5000
    return tuple(out)


def _keys() -> list[str]:
    return [match_key(ln) for ln in _lines()]


# ---------------------------------------------------------------- remembered readings


def _shape(reading) -> tuple:
    """A reading's values and which of its bodies are one object."""
    ids: dict[int, int] = {}
    shape = []
    for name in ("lead", "cooperating", "chain"):
        shape.append([(ids.setdefault(id(a), len(ids)), a) for a in getattr(reading, name)])
    return (*shape, reading.cue, reading.explicit)


@pytest.mark.parametrize("province", [None, "Đồng Tháp"])
def test_extract_speed_remembered_assignment_is_the_plain_one(province: str | None) -> None:
    table = AgencyTable.load()
    plain = parse_assignment.__wrapped__  # type: ignore[attr-defined]
    lines = [ln for ln in _lines() if 10 < len(ln) < 600][:1500]
    for text in lines + lines[:300]:  # the second pass is answered from memory
        assert _shape(parse_assignment(text, table, province)) == _shape(
            plain(text, table, province)
        )


def test_extract_speed_remembered_assignment_gives_new_objects() -> None:
    table = default_table()
    text = (
        "Giao Sở Tài chính chủ trì, phối hợp với Sở Nội vụ chỉ đạo Ủy ban nhân dân xã triển khai."
    )
    first = parse_assignment(text, table, "Đồng Tháp")
    assert first.lead and first.cooperating
    first.lead[0].name = "changed"
    first.cooperating.clear()
    first.cue = "changed"
    again = parse_assignment(text, table, "Đồng Tháp")
    plain = parse_assignment.__wrapped__(text, table, "Đồng Tháp")  # type: ignore[attr-defined]
    assert _shape(again) == _shape(plain)
    assert again is not first and again.lead is not first.lead
    assert again.lead[0] is not parse_assignment(text, table, "Đồng Tháp").lead[0]


def test_extract_speed_remembered_assignment_keeps_one_body_one_object() -> None:
    table = default_table()
    text = "Chỉ đạo Sở Y tế tổ chức kiểm tra."
    plain = parse_assignment.__wrapped__(text, table, None)  # type: ignore[attr-defined]
    assert plain.lead and plain.lead[0] is plain.chain[0], "the example shares a body"
    for _ in range(2):
        got = parse_assignment(text, table, None)
        assert got.lead[0] is got.chain[0]
        assert _shape(got) == _shape(plain)


# ---------------------------------------------------------------- patterns' premises


def test_extract_speed_needed_text_is_in_every_match() -> None:
    patterns = [
        *task_vocab(default_rules()).boilerplate,
        *(p for p, _ in deadlines._RECUR),
        deadlines._WAITS,
        re.compile(r"ab(?:cd|ce)f+g"),
        re.compile(r"(?i:xy)zz(?:q)"),
        re.compile(r"(?:ab)++c{2}"),
    ]
    rng = random.Random(9)
    alphabet = "abcdefgqxyzZ "
    samples = list(_keys()) + [
        "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(3000)
    ]
    for p in patterns:
        need = needed_text(p)
        for s in samples:
            m = p.search(s)
            if m:
                assert need in m.group(), (p.pattern, s)
    assert needed_text(re.compile(r"ab(?:cd|ce)f+g")) == "abc"  # the parser shares "c"
    assert needed_text(re.compile(r"(?i:xy)zz(?:q)")) == "zzq"


def test_extract_speed_any_found_is_any_search() -> None:
    pats = task_vocab(default_rules()).boilerplate
    found = any_found(pats)
    extra = ["trên đây là báo cáo", "xin trân trọng cảm ơn", "ngày 5/6/2025, bộ đã làm", "()"]
    for key in [fold(ln) for ln in _lines()] + extra:
        assert found(key) == any(p.search(key) for p in pats), key


def test_extract_speed_deadline_premises() -> None:
    for key in _keys():
        if not any(w in key for w in deadlines._RECUR_WORDS):
            assert not any(p.search(key) for p, _ in deadlines._RECUR), key
        if not deadlines._YEAR.search(key):
            for p in (deadlines._LABELLED, deadlines._CUED, deadlines._BARE):
                assert not p.search(key), key
        if "sau" not in key and "theo" not in key:
            assert not deadlines._WAITS.search(key), key


def test_extract_speed_numbers_premises() -> None:
    for line in _lines():
        norm, starts, ends = numbers._normalize_with_map(line)
        if unicodedata.is_normalized("NFC", line):
            assert list(starts) == list(range(len(line)))
            assert list(ends) == [i + 1 for i in range(len(line))]
        if "-" not in norm and "/" not in norm:
            assert not numbers._F_START.search(norm), line


def test_extract_speed_colon_premises() -> None:
    rules = default_rules()
    label = fields._label_re(rules)
    deliverable = task_vocab(rules).DELIVERABLE_LABEL
    for line in _lines():
        key = match_key(line)
        assert (":" in key) == (":" in line)
        assert (":" in fold(line)) == (":" in unicodedata.normalize("NFC", line))
        if ":" not in key:
            assert not label.search(key) and not deliverable.search(key), line


def test_extract_speed_motto_first_letters() -> None:
    """Only the letters of ``_MOTTO_FIRST`` fold to the motto's first letters."""
    for code in range(0x110000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        c = chr(code)
        if fold.__wrapped__(c)[:1] in ("c", "đ"):  # type: ignore[attr-defined]
            assert c in markup._MOTTO_FIRST, hex(code)


def test_extract_speed_banner_as_before() -> None:
    """``_portal_banner_end`` with every line folded, as it was."""

    def plain(lines: list[str]) -> int:
        labels: list[int] = []
        for i, ln in enumerate(lines[:400]):
            key = fold(ln.strip(" *|#"))
            if markup._MOTTO.search(key):
                break
            if (
                key.endswith(":")
                and markup._label_of(ln) is not None
                or ":" in key
                and markup._label_of(key.split(":", 1)[0]) is not None
            ):
                labels.append(i)
        return len(labels)

    pages = [ROOT / "benchmarks/real/dev", ROOT / "benchmarks/heldout", ROOT / "examples"]
    files = [p for d in pages for p in sorted(d.rglob("*")) if p.suffix in (".txt", ".md")]
    assert files
    saw_banner = False
    for path in files:
        lines = path.read_text("utf-8", errors="replace").split("\n")
        count = plain(lines)
        saw_banner |= count >= 3
        assert (markup._portal_banner_end(lines) > 0) == (count >= 3), path
    assert saw_banner, "the corpora hold a portal's page"


def test_extract_speed_glued_mark_premises() -> None:
    for line in _lines():
        if "/" not in line:
            assert not layout._GLUED_DATE.search(line) and not layout._GLUED_CODE.search(line)
        if "[" not in line:
            assert not layout._BRACKET_MARK.search(line)


def test_extract_speed_dangling_ends_with_a_letter() -> None:
    v = extract_references._vocab(default_rules())
    for w, _ in default_rules().types(prose=False, generic=True):
        assert w[-1:].isalpha(), w
    for key in _keys() + ["căn cứ nghị định số", "căn cứ quyết định số :", "theo kế hoạch\t"]:
        line = key.rstrip(" *")
        end = line.rstrip()
        end = end[:-1].rstrip() if end.endswith(":") else end
        if v.DANGLING.search(line):
            assert end[-1:].isalpha(), key


def test_extract_speed_number_starts_as_the_plain_search() -> None:
    samples = list(_lines()) + ["Số: ..../KH-UBND", "sỐ 12 -TB", "Ѕố 5/QĐ", "a12 /b", "1234567/KH"]
    for line in samples:
        norm = numbers._normalize_with_map(line)[0]
        assert norm == unicodedata.normalize("NFC", line).translate(numbers._LOOKALIKE)
        assert numbers.fold_lookalikes(line) == norm or not unicodedata.is_normalized("NFC", line)
        for pos in range(0, len(norm) + 1, 7):
            got, want = numbers._next_start(norm, pos), numbers._F_START.search(norm, pos)
            assert (got and got.span()) == (want and want.span()), (line, pos)
        url = "://" in norm or "w." in norm or "W." in norm
        assert url or not numbers._URL.search(norm), line
