"""The table of bodies' faster paths give what the plain ones gave: the alternation of
names built without recursing through runs of letters only one name goes on with, and
``find`` (remembered, reading its names once for its two walks) as the plain method."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from policy_lineage.loaders import agencies as ag

ROOT = Path(__file__).resolve().parents[2]


def _plain_longest_first(names: list[str]) -> str:
    """``_longest_first`` as it was written before (one recursion per character)."""
    if not ag._regular(names):
        return "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in names)
    tree: dict = {}
    for name in names:
        node = tree
        for ch in name:
            node = node.setdefault(ch, {})
        node[""] = None

    def alternation(node: dict) -> str:
        alts = []
        for ch, child in node.items():
            if ch:
                alts.append((r"\s+" if ch == " " else re.escape(ch)) + alternation(child))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return alternation(tree)


@pytest.mark.parametrize("province", [None, "Hà Nội", "Hồ Chí Minh", "Đồng Tháp", "Huế"])
def test_extract_speed_longest_first_as_before(province: str | None) -> None:
    table = ag.default_table()
    names = sorted(table._aliases(province), key=len, reverse=True)
    assert ag._longest_first(names) == _plain_longest_first(names)


@pytest.mark.parametrize(
    "names",
    [
        ["a"],
        ["ab", "a"],
        ["abc", "abd", "ab", "x"],
        ["sở y tế", "sở y", "sở tài chính", "ủy ban"],
        ["a b", "a  b"],  # not regular: joined plainly
        ["x.y", "x+y", "x"],
    ],
)
def test_extract_speed_longest_first_small(names: list[str]) -> None:
    names = sorted(names, key=len, reverse=True)
    assert ag._longest_first(names) == _plain_longest_first(names)


def test_extract_speed_find_as_plain_find_on_the_examples() -> None:
    table = ag.AgencyTable.load()
    plain = ag.AgencyTable.find.__wrapped__  # type: ignore[attr-defined]
    for path in sorted((ROOT / "examples" / "dong-thap").glob("*.txt"))[:8]:
        for text in path.read_text("utf-8").split("\n"):
            if text.strip():
                assert table.find(text, "Đồng Tháp") == plain(table, text, "Đồng Tháp")
