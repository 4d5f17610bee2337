"""Documents issued with another: the plan or regulation a decision puts in force.

A ``Quyết định`` that "ban hành kèm theo Quyết định này Kế hoạch …" is followed, after its
signature, by the plan itself: a heading (``KẾ HOẠCH``, ``QUY CHẾ``, ``QUY ĐỊNH`` …), its
title and ``(Ban hành kèm theo Quyết định số … )``. The plan's sections and tasks are the
decision's: without them a decision that issues a plan has no task at all.

>>> from policy_lineage.loaders.layout import layout
>>> text = "QUYẾT ĐỊNH\\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch.\\nNơi nhận:\\n- Như Điều 3.\\n"
>>> text += "KẾ HOẠCH\\nPhát triển kinh tế số\\n(Ban hành kèm theo Quyết định số 12/QĐ-UBND)\\n"
>>> text += "I. NHIỆM VỤ\\n1. Sở Tài chính bố trí kinh phí.\\nPHỤ LỤC\\n"
>>> paras = layout(text).paragraphs
>>> start, end, kind = attached_documents(paras, 2)[0]
>>> kind, [paras[i].text for i in range(start, end)]
('kế hoạch', ['I. NHIỆM VỤ', '1. Sở Tài chính bố trí kinh phí.'])
"""

from __future__ import annotations

import re
from functools import lru_cache

from .layout import Paragraph
from .rules import Rules, default_rules
from .textnorm import fold

_ATTACHED = re.compile(
    r"(?:^|\()\s*(?:được\s+)?(?:ban hành\s+)?kèm theo\s+(?:quyết định|nghị quyết|chỉ thị|thông tư)"
)
# where an attached document ends: its own closing block, or an appendix
_END = re.compile(r"^(?:nơi nhận|phụ lục|t/?m\.?\s|tm\.|kt\.|tl\.|tuq\.)")


@lru_cache(maxsize=8)
def _heading(rules: Rules) -> re.Pattern[str]:
    """The heading of an attached document, alone on its line: a type word of one of the
    ``attached_types`` (doc_types.json)."""
    words = [w for w, name in rules.type_words if name in rules.attached_types]
    return re.compile(r"^(?:" + Rules.alternation(words) + r")$")


def attached_documents(
    paragraphs: list[Paragraph], after: int, rules: Rules | None = None
) -> list[tuple[int, int, str]]:
    """``(start, end, type word)`` of the documents attached after index ``after``."""
    heading = _heading(rules or default_rules())
    out: list[tuple[int, int, str]] = []
    i = after
    n = len(paragraphs)
    while i < n:
        p = paragraphs[i]
        if p.kind != "body" or not (
            _is_heading(p.text, heading)
            or (_is_heading(p.text, heading, titled=True) and _after_closing(paragraphs, i))
        ):
            i += 1
            continue
        start = None
        for j in range(i, min(n, i + 6)):
            if _ATTACHED.search(fold(paragraphs[j].text).lstrip("-–—* ")):
                start = j + 1
                break
        if start is None:
            i += 1
            continue
        end = start
        while end < n:
            q = paragraphs[end]
            key = fold(q.text).lstrip("* ")
            if q.kind == "body" and (
                _END.match(key)
                or (end > start and _is_heading(q.text, heading) and _attached_at(paragraphs, end))
            ):
                break
            end += 1
        if end > start:
            out.append((start, end, _type_word(p.text, heading) or fold(p.text.strip(" *"))))
        i = end
    return out


def _after_closing(paragraphs: list[Paragraph], i: int) -> bool:
    """Paragraph ``i`` comes right after a closing block ("Nơi nhận: …", a signature mark),
    as a document a decision issues does; not under an appendix's caption ("PHỤ LỤC II" over
    "PHƯƠNG ÁN …") nor among an appendix's items."""
    before = [fold(q.text).lstrip("* ") for q in paragraphs[max(0, i - 2) : i]]
    return (
        bool(before)
        and not before[-1].startswith("phụ lục")
        and any(_END.match(k) and not k.startswith("phụ lục") for k in before)
    )


def _type_word(text: str, heading: re.Pattern[str]) -> str | None:
    """The type word a heading opens with, folded: "kế hoạch" of "KẾ HOẠCH" and of "KẾ HOẠCH
    TRIỂN KHAI …" (the heading and its title in one paragraph); None if it opens with none."""
    key = " ".join(fold(text.strip(" *")).split())
    if heading.match(key):
        return key
    return next(
        (key[: m.start()] for m in re.finditer(" ", key) if heading.match(key[: m.start()])), None
    )


def _is_heading(text: str, heading: re.Pattern[str], titled: bool = False) -> bool:
    """``text`` is a type heading in capitals; ``titled``: or the heading and its title in
    one paragraph ("KẾ HOẠCH TRIỂN KHAI …", a text whose lines have no blank line between
    them), which must come right after the decision's closing block (:func:`_after_closing`)
    and the "(Kèm theo …)" line under it confirm."""
    t = text.strip(" *")
    if not t or not t.isupper():
        return False
    word = _type_word(t, heading)
    return word is not None and (titled or word == " ".join(fold(t).split()))


def _attached_at(paragraphs: list[Paragraph], i: int) -> bool:
    return any(
        _ATTACHED.search(fold(paragraphs[j].text).lstrip("-–—* "))
        for j in range(i, min(len(paragraphs), i + 6))
    )
