"""Groups a document defines by their members: "1. Các cơ quan đăng ký đầu tư (Sở Tài chính,
Ban Quản lý Khu kinh tế tỉnh):" makes a later "Cơ quan đăng ký đầu tư có trách nhiệm …" those
two bodies too. Only a bracket that holds nothing but bodies defines a group
(:func:`~.agencies.members_in_brackets`); the name is the group's words after "các".

>>> from policy_lineage.loaders.agencies import default_table
>>> text = ("1. Các cơ quan cấp phép (Sở Công Thương, Ban Quản lý Khu kinh tế tỉnh): …\\n"
...         "3. Cơ quan cấp phép có trách nhiệm báo cáo hằng quý.")
>>> {k: [a.name for a in v] for k, v in defined_groups(text, default_table(), None).items()}
{'cơ quan cấp phép': ['Sở Công Thương', 'Ban Quản lý Khu kinh tế tỉnh']}
"""

from __future__ import annotations

import re

from ..schema.model import Agency, Task
from .agencies import AgencyTable, members_in_brackets
from .textnorm import CAPITALS, SMALL, fold, match_key

# "các <lower-case words> (<Capitalised head> …": where a definition may be
_DEFINITION = re.compile(
    r"(?i:các)\s++(?P<words>["
    + SMALL
    + "]["
    + SMALL
    + r" ]{2,60}?)\s*+\(\s*+(?=["
    + CAPITALS
    + r"])"
)


def defined_groups(text: str, table: AgencyTable, province: str | None) -> dict[str, list[Agency]]:
    """The groups ``text`` defines by their members, by the group's words (folded, no
    "các")."""
    out: dict[str, list[Agency]] = {}
    for m in _DEFINITION.finditer(text):
        close = text.find(")", m.end(), m.end() + 400)
        if close < 0:
            continue
        piece = text[m.start() : close + 1]
        key = match_key(piece)
        found = members_in_brackets(key, table.find(piece, province))
        members = [x.agency for x in found if x.start == 0 and x.end == len(piece)]
        if members:
            out.setdefault(" ".join(fold(m.group("words")).split()), members)
    return out


def with_members(tasks: list[Task], groups: dict[str, list[Agency]]) -> list[Task]:
    """Tasks whose lead or cooperating body is a defined group, given its members instead."""
    if not groups:
        return tasks

    def members(agencies: list[Agency]) -> list[Agency]:
        out: list[Agency] = []
        for a in agencies:
            key = " ".join(fold(a.as_written or a.name).split()).removeprefix("các ")
            for x in groups.get(key, [a]) if not a.canonical else [a]:
                if x.shown not in {y.shown for y in out}:  # "Công an tỉnh A", "… tỉnh B"
                    out.append(x)
        return out

    for t in tasks:
        t.lead = members(t.lead)
        t.cooperating = [
            a for a in members(t.cooperating) if a.shown not in {x.shown for x in t.lead}
        ]
    return tasks
