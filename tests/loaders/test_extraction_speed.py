"""What the extraction's speed-ups must keep: the same matches and a user's own table.

The alias table's finder is one alternation written as a tree of shared beginnings
(``agencies._longest_first``): it must find exactly what the plain alternation of the names,
longest first, finds. Caches must be keyed by the table and the rules, so a user's extended
table still takes effect after the bundled one has been used.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policy_lineage.loaders.agencies import (
    _WORD,
    AgencyTable,
    _Either,
    _longest_first,
    default_table,
)
from policy_lineage.loaders.rules import Rules
from policy_lineage.loaders.textnorm import match_key

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "dong-thap"


def _plain(names: list[str]) -> re.Pattern[str]:
    body = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in names)
    return re.compile(rf"(?<!{_WORD})(?:{body})(?!{_WORD})")


def _tree(names: list[str]) -> re.Pattern[str]:
    return re.compile(rf"(?<!{_WORD})(?:{_longest_first(names)})(?!{_WORD})")


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Giao Sở Tài chính tỉnh chủ trì, phối hợp với Sở Tài  chính và Sở Tài chính-kế hoạch",
        "sở tài chínhx sở tài\nchính tỉnh đồng tháp; sở kh&cn, sở kh&cnx (sở) tài",
        "ủy ban nhân dân ủy ban nhân dân tỉnh ubnd tỉnh đồng tháp ủy ban",
    ],
)
def test_extraction_speed_tree_finds_what_the_alternation_finds(text):
    names = [
        "sở tài chính tỉnh đồng tháp",
        "sở tài chính tỉnh",
        "sở tài chính",
        "sở kh&cn",
        "sở",
        "ủy ban nhân dân tỉnh",
        "ủy ban nhân dân",
        "ubnd tỉnh",
        "(sở) tài",
    ]
    names.sort(key=len, reverse=True)
    key = match_key(text)
    assert _spans(_tree(names), key) == _spans(_plain(names), key)
    assert _spans(_tree(names), key)  # the texts name some of them


_WORDS = st.sampled_from(["sở", "ban", "ủy", "ban nhân", "a", "ab", "b", "đ", "kh&cn", "-", "1"])
_NAME = st.lists(_WORDS, min_size=1, max_size=4).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(
    names=st.lists(_NAME, min_size=1, max_size=12, unique=True),
    text=st.lists(
        st.one_of(_WORDS, st.sampled_from([" ", "  ", "\n", ", ", "x", "ở"])), max_size=30
    ).map("".join),
)
def test_extraction_speed_tree_same_matches_any_names(names, text):
    names.sort(key=len, reverse=True)
    assert _spans(_tree(names), text) == _spans(_plain(names), text)


@settings(max_examples=300, deadline=None)
@given(
    names=st.lists(_NAME, min_size=2, max_size=12, unique=True),
    cut=st.integers(min_value=1, max_value=11),
    text=st.lists(
        st.one_of(_WORDS, st.sampled_from([" ", "  ", "\n", ", ", "x", "ở"])), max_size=30
    ).map("".join),
)
def test_extraction_speed_two_finders_as_one(names, cut, text):
    """A province's own names beside the shared ones find what all of them together find."""
    cut = min(cut, len(names) - 1)
    shared = sorted(names[:cut], key=len, reverse=True)
    own = sorted(names[cut:], key=len, reverse=True)
    both = _Either(_tree(shared), _tree(own))
    assert _spans(both, text) == _spans(_plain(sorted(names, key=len, reverse=True)), text)


@pytest.mark.parametrize(
    ("shared", "own"),
    [
        (["sở tài chính tỉnh", "sở"], ["sở tài chính"]),
        (["sở tài chính"], ["sở tài chính tỉnh", "sở"]),
        (["ủy ban nhân dân"], ["ủy ban nhân dân tỉnh đồng tháp", "ban nhân dân"]),
    ],
)
def test_extraction_speed_two_finders_longer_wins(shared, own):
    text = "sở tài chính tỉnh, sở tài chính; sở; ủy ban nhân dân tỉnh đồng tháp ủy ban nhân dân"
    both = _Either(_tree(shared), _tree(own))
    names = sorted(shared + own, key=len, reverse=True)
    assert _spans(both, text) == _spans(_plain(names), text)


def test_extraction_speed_odd_names_joined_plainly():
    names = ["sở  tài chính", "sở "]  # two spaces, a space at the end: not a tree's shape
    assert _longest_first(names) == "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in names)


@pytest.mark.parametrize("province", [None, "Đồng Tháp", "Cần Thơ"])
def test_extraction_speed_bundled_table_same_matches(province):
    text = "\n".join(p.read_text("utf-8") for p in sorted(EXAMPLES.glob("*.txt")))
    key = match_key(text)
    table = default_table()
    pattern, by_alias = table._pattern(province)
    plain = _plain(sorted(by_alias, key=len, reverse=True))
    found = _spans(pattern, key)
    assert found == _spans(plain, key)
    assert len(found) > 100


def test_extraction_speed_user_table_takes_effect(tmp_path):
    """The bundled table's compiled finder is not reused for a user's extended table."""
    sentence = "Giao Tổ công tác 57 chủ trì triển khai."
    name = "Tổ công tác triển khai Nghị quyết 57"
    bundled = default_table()
    assert name not in [m.agency.name for m in bundled.find(sentence, "Đồng Tháp")]
    extra = tmp_path / "aliases.json"
    extra.write_text(
        json.dumps(
            {"agencies": [{"name": name, "level": "province", "aliases": ["tổ công tác 57"]}]}
        ),
        "utf-8",
    )
    user = AgencyTable.load(extra)
    assert [m.agency.name for m in user.find(sentence, "Đồng Tháp")] == [name]
    # and the bundled table is as it was
    assert name not in [m.agency.name for m in default_table().find(sentence, "Đồng Tháp")]


def test_extraction_speed_rules_alternation_follows_the_words():
    assert Rules.alternation(("sở", "sở tài chính")) == r"sở\s+tài\s+chính|sở"
    assert Rules.alternation(("ban",)) == "ban"


_PLAN = """ỦY BAN NHÂN DÂN
TỈNH ĐỒNG THÁP
Số: 12/KH-UBND
KẾ HOẠCH
Triển khai chuyển đổi số năm 2026
I. MỤC ĐÍCH, YÊU CẦU
Bảo đảm triển khai đồng bộ.
II. NHIỆM VỤ
1. Giao Tổ công tác 57 chủ trì thực hiện các nhiệm vụ sau:
a) Xây dựng cơ sở dữ liệu dùng chung của tỉnh.
b) Rà soát thủ tục hành chính trên môi trường điện tử.
2. Sở Tài chính bố trí kinh phí thực hiện.
"""


def test_extraction_speed_heading_read_once_each_task_its_own(tmp_path):
    """The heading naming the doer is read once for its items; each task still holds its
    own agencies, and a user's table (read after the bundled one) names them its way."""
    from policy_lineage.loaders.pipeline import extract_text

    first = extract_text(_PLAN, "kh.txt")
    leads = [[a.name for a in t.lead] for t in first.tasks]
    assert leads == [["Tổ công tác 57"], ["Tổ công tác 57"], ["Sở Tài chính"]]
    a, b = first.tasks[0].lead[0], first.tasks[1].lead[0]
    assert a is not b and first.tasks[0].lead is not first.tasks[1].lead
    a.name = "changed"  # a change to one task's agency is not another's
    assert extract_text(_PLAN, "kh.txt").tasks[1].lead[0].name == "Tổ công tác 57"

    extra = tmp_path / "aliases.json"
    name = "Tổ công tác triển khai Nghị quyết 57"
    extra.write_text(
        json.dumps(
            {"agencies": [{"name": name, "level": "province", "aliases": ["tổ công tác 57"]}]}
        ),
        "utf-8",
    )
    user = extract_text(_PLAN, "kh.txt", AgencyTable.load(extra))
    assert [[a.name for a in t.lead] for t in user.tasks][:2] == [[name], [name]]


def test_extraction_speed_rules_hash_follows_the_words(tmp_path):
    """The remembered hash of the rules: equal words, equal hash; a user's words, another
    rules object the patterns are built again for; a pickled copy hashes afresh."""
    import dataclasses
    import pickle

    from policy_lineage.loaders.rules import default_rules, load_rules

    rules = default_rules()
    same = dataclasses.replace(rules)
    assert same == rules and hash(same) == hash(rules)
    extra = tmp_path / "more.json"
    extra.write_text(json.dumps({"office_titles": ["Trưởng khu"]}), "utf-8")
    user = load_rules(str(extra))
    assert user != rules and "trưởng khu" in user.office_titles
    assert "trưởng khu" not in rules.office_titles
    copied = pickle.loads(pickle.dumps(rules))
    assert "_hash" not in copied.__dict__ and hash(copied) == hash(rules)


def test_extraction_speed_vague_names_of_each_table(tmp_path):
    """The names marked vague are remembered per table: a user's table marks its own."""
    from policy_lineage.schema.model import Agency

    extra = tmp_path / "aliases.json"
    name = "Các đơn vị liên quan của tổ công tác"
    entry = {"name": name, "level": "province", "kind": "group", "vague": True}
    extra.write_text(json.dumps({"agencies": [entry]}), "utf-8")
    body = Agency(name, "province", "Đồng Tháp", "body")
    assert not default_table().is_vague(body)
    assert AgencyTable.load(extra).is_vague(body)
    assert not default_table().is_vague(body)


@pytest.mark.parametrize("size", [10, 3999, 4001, 20000])
def test_extraction_speed_match_key_same_either_side_of_the_cache(size):
    """Short texts' keys are remembered, long ones are not; both are the same key."""
    from policy_lineage.loaders.textnorm import lower_same_length, unify_tones

    text = ("Uỷ ban nhân dân TỈNH, hoá, khoẻ, quý. " * (size // 37 + 1))[:size]
    assert match_key(text) == unify_tones(lower_same_length(text))
    assert match_key(text) == match_key(text[:])
    assert len(match_key(text)) == len(text)


def test_extraction_speed_deadline_each_caller_its_own():
    """A deadline read once for a heading; a change to one task's copy is not the next's."""
    from policy_lineage.loaders.deadlines import find_deadline

    text = "Rà soát nền tảng số; hoàn thành trong tháng 6/2025."
    first = find_deadline(text)
    assert first.date is not None and first.date.isoformat() == "2025-06-30"
    first.text, first.date = "changed", None
    again = find_deadline(text)
    assert again is not first
    assert again.date.isoformat() == "2025-06-30" and again.text != "changed"


def _depths_by_character(key: str) -> list[int]:
    """The parenthesis depths as first written: every character looked at."""
    from itertools import accumulate

    delta = [0] * (len(key) + 1)
    stack: list[int] = []
    for i, c in enumerate(key):
        if c == "(":
            stack.append(i)
        elif c == ")" and stack:
            a = stack.pop()
            delta[a] += 1
            delta[i + 1] -= 1
    return list(accumulate(delta))


def _split_by_character(key: str, text: str, depth: list[int], start: int):
    from policy_lineage.loaders.extract_references import _abbreviation

    sentences, clauses, a, n = [], [], start, len(key)
    for i in range(start, n):
        c = key[i]
        if depth[i]:
            continue
        if c == ";":
            clauses.append((a, i))
            a = i + 1
        elif c in ".!?" and i + 2 < n and key[i + 1].isspace():
            j = i + 1
            while j < n and key[j].isspace():
                j += 1
            if j < n and text[j].isupper() and not _abbreviation(text, i):
                clauses.append((a, i))
                sentences.append(clauses)
                clauses = []
                a = j
    clauses.append((a, n))
    sentences.append(clauses)
    return sentences


@settings(max_examples=400, deadline=None)
@given(
    text=st.lists(
        st.sampled_from(["(", ")", ";", ".", "!", "?", " ", "  ", "\n", "Sở", "a", "TP", "B"]),
        max_size=40,
    ).map("".join),
    start=st.integers(min_value=0, max_value=5),
)
def test_extraction_speed_sentences_as_by_character(text, start):
    """Depths and sentences found by jumping between brackets and stops are those found by
    looking at every character."""
    from policy_lineage.loaders.extract_references import _depths, _split

    key = match_key(text)
    depth = _depths(key)
    assert depth == _depths_by_character(key)
    assert _split(key, text, depth, start) == _split_by_character(key, text, depth, start)
