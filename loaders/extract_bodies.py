"""Bodies named by a number: "Ban Chỉ đạo 1661", "Tổ công tác 389".

Offices name a steering committee or working group after the decision that set it up,
and define the short name in parentheses after the full one:
``Ban Chỉ đạo về phát triển … tỉnh Đồng Tháp (sau đây viết tắt là Ban Chỉ đạo 1661)``.
The same body is sometimes named with another number later in the same document
(the 2025-06 letter says both 1661 and 1587); the graph resolver records that as a
finding, so every mention is kept here with its evidence.

>>> from policy_lineage.loaders.layout import layout
>>> from policy_lineage.loaders.agencies import default_table
>>> text = ("Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số "
...         "tỉnh Đồng Tháp (sau đây viết tắt là Ban Chỉ đạo 1661) chỉ đạo. Ban Chỉ đạo 1587 họp.")
>>> [(b.number, b.full_name is not None) for b in
...  numbered_bodies(layout(text).paragraphs, default_table(), "Đồng Tháp", "a.txt")]
[('1661', True), ('1587', False)]
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..schema.model import Evidence, NamedBody
from .agencies import AgencyTable
from .layout import Paragraph
from .rules import Rules
from .textnorm import collapse, match_key


@lru_cache(maxsize=8)
def _numbered(rules: Rules) -> re.Pattern[str]:
    """ "Ban Chỉ đạo 1661", "Ban Chỉ đạo số 35": digits not continued by a number's "/" or "-"
    (the stems are data: ``numbered_body_stems``)."""
    stems = Rules.alternation(rules.numbered_body_stems)
    return re.compile(
        r"(?<![\w])(?P<stem>" + stems + r")\s+(?:số\s+)?(?P<number>\d{2,5})(?![\d/\-–])"
    )


_DEFINES = re.compile(r"\(\s*+(?:sau\s+đây\s+)?(?:viết\s+tắt\s+là|gọi\s+tắt\s+là|gọi\s+là)?\s*$")


def numbered_bodies(
    paragraphs: list[Paragraph], table: AgencyTable, province: str | None, source: str
) -> list[NamedBody]:
    """Every mention of a body named with a number, with the body it stands for when the
    text defines it (the full name right before the parenthesis)."""
    found: list[NamedBody] = []
    for para in paragraphs:
        key = match_key(para.text)
        for m in _numbered(table.rules).finditer(key):
            full_name = None
            opening = _DEFINES.search(key[max(0, m.start() - 40) : m.start()])
            if opening:
                before_at = m.start() - (
                    len(key[max(0, m.start() - 40) : m.start()]) - opening.start()
                )
                before = para.text[:before_at].rstrip()
                matches = [a for a in table.find(before, province) if a.end >= len(before) - 1]
                if matches:
                    full_name = matches[-1].agency.name
            written = collapse(para.text[m.start() : m.end()])
            found.append(
                NamedBody(
                    name=written,
                    stem=m["stem"],
                    number=m["number"],
                    full_name=full_name,
                    evidence=Evidence(source, para.span(m.start(), m.end()), written),
                )
            )
    return found
