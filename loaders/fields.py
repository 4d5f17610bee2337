"""Field blocks: a task written as labelled fields.

``Nội dung: … Cơ quan chủ trì: Sở Tư pháp. Cơ quan phối hợp: … Thời gian thực hiện: Quý IV
năm 2025. Sản phẩm: …`` (one paragraph, or one paragraph per field). The labels are data
(``field_labels`` in ``loaders/data/rules.json``).

>>> f = split_fields("Tập huấn cán bộ. Đơn vị chủ trì tham mưu thực hiện: Sở Tư pháp. "
...                  "Thời gian thực hiện: Quý IV năm 2025.")
>>> f.content, f.values["lead"], f.values["deadline"]
('Tập huấn cán bộ.', 'Sở Tư pháp.', 'Quý IV năm 2025.')
>>> is_field_line("Đơn vị phối hợp: Sở Tài chính"), is_field_line("Nội dung: rà soát")
(True, False)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .rules import Rules, default_rules
from .textnorm import match_key


@dataclass
class Fields:
    content: str  # the task's own words: the "Nội dung" field, or what precedes the labels
    values: dict[str, str] = field(default_factory=dict)  # fact -> the field's value
    label_at: int | None = None  # where the first label starts in the text


@lru_cache(maxsize=8)
def _label_re(rules: Rules) -> re.Pattern[str]:
    alts = []
    for fact, labels in rules.field_labels:
        alts.append(rf"(?P<{fact}>{Rules.alternation(labels)})")
    # a label opens the text or follows the end of a clause; a colon closes it
    return re.compile(
        r"(?:^|(?<=[.;:(\n])|(?<=[.;:(]\s)|(?<=[.;(]\s\s))\s*+[-–—+*•]?\s*+(?:"
        + "|".join(alts)
        + r")"
        r"\s*+(?:\([^()]{0,40}\)\s*+)?:\s*+"
    )


_DOER_BRACKET = re.compile(r"\s*+\((?=[^()]{0,200}chủ\s+trì)[^()]{5,300}\)\s*+[.;]?\s*+$")


def split_fields(text: str, rules: Rules | None = None) -> Fields:
    """The labelled fields of ``text`` (none: ``content`` is the whole text)."""
    rules = rules or default_rules()
    key = match_key(text)
    hits = list(_label_re(rules).finditer(key)) if ":" in key else []  # a label ends in ":"
    if not hits:
        # "… thông qua (Bộ Y tế chủ trì, phối hợp với …; Quý II/2026).": the bracket that
        # says who and when closes the item, and is not its work
        closing = _DOER_BRACKET.search(key)
        if closing and len(key[: closing.start()].split()) >= 4:
            return Fields(text[: closing.start()].rstrip(" ,;"))
        return Fields(text)
    # "Xây dựng Nghị định … (cơ quan chủ trì: Bộ X; thời gian: năm 2026)": the bracket
    # that holds the fields is not the task's
    out = Fields(text[: hits[0].start()].strip().rstrip("(").strip(), label_at=hits[0].start())
    for i, m in enumerate(hits):
        fact = next(k for k, v in m.groupdict().items() if v is not None)
        end = hits[i + 1].start() if i + 1 < len(hits) else len(text)
        value = text[m.end() : end].strip(" ;,")
        if value.rstrip(".").endswith(")") and value.count(")") > value.count("("):
            value = value.rstrip(".")[:-1].rstrip(" ;,.")
        if value and fact not in out.values:
            out.values[fact] = value
    if out.values.get("content") and not out.content:
        out.content = out.values["content"]
    elif not out.content:
        out.content = text
    return out


def event_detail(text: str, rules: Rules | None = None) -> bool:
    """An item that only states when, where or with whom ("1. Thời gian: 8 giờ ngày …",
    "2. Địa điểm: Hội trường …"): a fact of an event, not work.

    >>> event_detail("Địa điểm: Hội trường tầng 3."), event_detail("Thời gian thực hiện: Quý IV")
    (True, True)
    >>> event_detail("Cơ quan chủ trì: Sở Tư pháp")
    False
    """
    rules = rules or default_rules()
    m = _label_re(rules).match(match_key(text)) if ":" in text else None  # "label:"
    return bool(m) and m.lastgroup in ("deadline", "details")


def is_field_line(text: str, rules: Rules | None = None) -> bool:
    """A paragraph that is one field of the task above it (not its "Nội dung")."""
    return field_of_line(text, rules) is not None


def field_of_line(text: str, rules: Rules | None = None) -> str | None:
    """The fact a paragraph's field gives ("lead", "deadline" …), when the paragraph is one
    field of the task above it; None for its "Nội dung" or for no field.

    >>> field_of_line("Cơ quan phối hợp: Sở Tài chính"), field_of_line("Nội dung: rà soát")
    ('cooperating', None)
    """
    rules = rules or default_rules()
    m = _label_re(rules).match(match_key(text))
    if not m or m.lastgroup == "content" or m.group("content"):
        return None
    return m.lastgroup
