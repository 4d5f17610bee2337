"""Node identity: when two mentions are the same document, the same body, the same task.

A document is not its symbol alone (DOMAIN.md §2):

* **scope**: local issuer codes (``TU``, ``UBND``, ``SKHCN``…) repeat in every province,
  so a local symbol is scoped by the province of the document that prints or cites it;
  national codes (``TW``, ``BCĐTW``, ``VPCP``, ``CP``, ``B…``) are scoped to ``vn``;
* **period**: the State numbers anew each year (``807/UBND-KGVX`` of 2025 is not that of
  2026), so a State symbol's period is its year (printed in ``118/2025/NĐ-CP``, else the
  year of its date); the Party numbers through a term (nhiệm kỳ), so a Party symbol's
  period is the term its date falls in (:data:`NATIONAL_TERMS`, :data:`LOCAL_TERMS`).

Ids are readable and stable: ``doc:vn:57-NQ/TW:2021-2026``,
``doc:dong-thap:254/KH-UBND:2025``; a symbol whose period nobody states has no period
part (``doc:vn:118/2025/NĐ-CP`` carries its year in the number anyway). A document
without a number (a draft, or an unnumbered programme) is keyed by its issuer, type and
title, so the .docx and the .pdf of one draft are one node.

>>> from datetime import date
>>> number_id(parse_number("57-NQ/TW"), None, date(2024, 12, 22))
'doc:vn:57-NQ/TW:2021-2026'
>>> number_id(parse_number("254/KH-UBND"), "Đồng Tháp", date(2025, 9, 15))
'doc:dong-thap:254/KH-UBND:2025'
>>> number_id(parse_number("12/KH-UBND"), "Đồng Tháp", date(2025, 9, 1), "xã Mỹ Hòa")
'doc:dong-thap/xa-my-hoa:12/KH-UBND:2025'
>>> agency_id("Sở Khoa học và Công nghệ", "province", "Đồng Tháp")
'agency:so-khoa-hoc-va-cong-nghe@dong-thap'
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from functools import lru_cache
from typing import Any

from ..loaders.numbers import DocNumber, is_local_code, parse_number
from ..loaders.rules import commune_unit
from ..loaders.textnorm import fold, fold_ascii

__all__ = [
    "slug",
    "scope_of",
    "period_of",
    "number_id",
    "unnumbered_id",
    "reference_stub_id",
    "agency_id",
    "commune_of",
    "jurisdiction_of",
    "task_id",
    "NATIONAL_TERMS",
    "LOCAL_TERMS",
]

# Terms of the national Party Congress (first day of each term, its label). Party
# documents over TW, BCĐTW, VPTW… are numbered through one term.
NATIONAL_TERMS: tuple[tuple[date, str], ...] = (
    (date(2011, 1, 19), "2011-2016"),
    (date(2016, 1, 28), "2016-2021"),
    (date(2021, 2, 1), "2021-2026"),
    (date(2026, 1, 23), "2026-2031"),
)
# Provincial Party committees: the 2020 congresses; the merged provinces' new committees
# (1/7/2025, numbering restarted: Đồng Tháp's 11-KH/TU is of 13/8/2025); the 2025-2030
# congresses (numbering restarted again: its 05-KH/TU is of 22/10/2025). The
# congresses of 2025 ran through September and October; 1 October is the boundary
# taken here, so a symbol re-used in that month may be split wrongly.
LOCAL_TERMS: tuple[tuple[date, str], ...] = (
    (date(2015, 10, 1), "2015-2020"),
    (date(2020, 10, 1), "2020-2025"),
    (date(2025, 7, 1), "2025-hop-nhat"),
    (date(2025, 10, 1), "2025-2030"),
)


@lru_cache(maxsize=1 << 15)
def slug(text: str) -> str:
    """ASCII, lower case, words joined by hyphens: ``Đồng Tháp`` → ``dong-thap``."""
    return re.sub(r"[^a-z0-9]+", "-", fold_ascii(text)).strip("-") or "x"


def _digest(*parts: str | None) -> str:
    joined = "\x1f".join(p or "" for p in parts)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:10]


_COMMUNE = re.compile(
    r"(?<![\wđ])(" + commune_unit() + r")\s+"
    r"((?:[A-ZĐÂĂÊÔƠƯ0-9][^\s,;.()]*)(?:\s+[A-ZĐÂĂÊÔƠƯ0-9][^\s,;.()]*)*)"
)


def commune_of(body: str | None) -> str | None:
    """The commune a body belongs to, as named: ``Ủy ban nhân dân xã Mỹ Hòa`` → ``xã Mỹ Hòa``;
    None for a body above the communes or one named without its commune ("UBND xã").

    >>> commune_of("Ủy ban nhân dân xã Hiệp Lạc"), commune_of("Ủy ban nhân dân xã")
    ('xã Hiệp Lạc', None)
    """
    m = _COMMUNE.search(body or "")
    return f"{m[1]} {m[2]}" if m else None


def jurisdiction_of(doc: Any) -> str:
    """Whose own work a document assigns: ``vn`` for a central document, the province's
    slug for a province's (Party and State alike), ``province/commune`` for a commune's.

    Overlaps are sought inside one jurisdiction: a commune repeating the province's task
    for its own offices carries the work down, it does not assign it twice.

    >>> from policy_lineage.schema.graph_model import DocumentNode
    >>> jurisdiction_of(DocumentNode(id="d", province="Đồng Tháp", level="commune",
    ...                              issuer="Ủy ban nhân dân xã Mỹ Hòa"))
    'dong-thap/xa-my-hoa'
    >>> jurisdiction_of(DocumentNode(id="d", province="Đồng Tháp", level="province"))
    'dong-thap'
    >>> jurisdiction_of(DocumentNode(id="d", province="Hà Nội", level="central"))
    'vn'
    >>> jurisdiction_of(DocumentNode(id="d", level="commune", issuer="Ủy ban nhân dân xã Mỹ Hòa"))
    '?/xa-my-hoa'
    """
    if doc.level == "central":  # whatever place heads it ("Hà Nội, ngày …")
        return "vn"
    place = slug(doc.province) if doc.province else "?"  # "?": the province is not known
    commune = commune_of(doc.issuer) if doc.level == "commune" else None
    if commune:
        return f"{place}/{slug(commune)}"
    return place if doc.province or doc.level != "unknown" else "vn"


def scope_of(number: DocNumber, province: str | None, commune: str | None = None) -> str:
    """``vn`` for a national symbol; for a local one the province's slug (``?`` unknown),
    and the commune's for a commune's own symbol (every commune has a ``12/KH-UBND``)."""
    if not is_local_code(number.issuer_code):
        return "vn"
    base = slug(province) if province else "?"
    return f"{base}/{slug(commune)}" if commune else base


def _term(when: date, terms: tuple[tuple[date, str], ...]) -> str | None:
    label = None
    for start, name in terms:
        if when >= start:
            label = name
    return label


def period_of(number: DocNumber, when: date | None) -> str | None:
    """The numbering period a symbol belongs to: a year (State) or a term (Party)."""
    if number.grammar == "state":
        if number.year is not None:
            return None  # the year is part of the number itself
        return str(when.year) if when else None
    if when is None:
        return None
    terms = LOCAL_TERMS if is_local_code(number.issuer_code) else NATIONAL_TERMS
    return _term(when, terms)


def number_id(
    number: DocNumber, province: str | None, when: date | None, commune: str | None = None
) -> str:
    """The id of a numbered document (see the module's doc)."""
    base = group_key(number, province, commune)
    period = period_of(number, when)
    return f"{base}:{period}" if period else base


def group_key(number: DocNumber, province: str | None, commune: str | None = None) -> str:
    """The id without its period: the mentions that may be one document."""
    return f"doc:{scope_of(number, province, commune)}:{number.key()}"


def with_period(group: str, period: str | None) -> str:
    return f"{group}:{period}" if period else group


def unnumbered_id(
    is_draft: bool,
    province: str | None,
    issuer: str | None,
    doc_type: str | None,
    title: str | None,
    template: str | None,
    fallback: str,
) -> str:
    """A stable id for a document printed without a number: a draft or an unnumbered text.

    Issuer, type, the printed symbol template (``-CV/BTVTU``) and title decide it, so two
    copies of one draft (.docx and .pdf) are one node; ``fallback`` (the file's name)
    is used only when the document gives no title.
    """
    what = "draft" if is_draft else "unnumbered"
    scope = slug(province) if province else "vn"
    words = fold(title) if title else fallback
    kind = slug(doc_type) if doc_type else "van-ban"
    return f"doc:{scope}:{what}:{kind}:{_digest(fold(issuer or ''), template, words)}"


def reference_stub_id(province: str | None, description: str, when: date | None) -> str:
    """A document cited without a number ("Thông báo kết luận … ngày 29/5/2025")."""
    scope = slug(province) if province else "vn"
    return f"doc:{scope}:cited:{_digest(fold(description), when.isoformat() if when else None)}"


def agency_id(name: str, level: str | None, province: str | None) -> str:
    """One id per real body: the canonical name, and the province for a local body.

    ``Sở Khoa học và Công nghệ`` of Đồng Tháp and of Cần Thơ are two bodies; the table
    gives both the same display name, so the province is part of the id.
    """
    base = f"agency:{slug(name)}"
    if level in ("province", "commune") and province:
        prov = slug(province)
        if not base.endswith(prov):
            return f"{base}@{prov}"
    return base


def task_id(
    document_id: str, text: str, row: str | None, occurrence: int, folded: str | None = None
) -> str:
    """A task is the item of one document: the document, its words, its row, and which
    occurrence of those words it is (a plan may repeat one item verbatim). ``folded``:
    ``fold(text)``, when the caller has it."""
    words = fold(text) if folded is None else folded
    return f"task:{_digest(document_id, words, row, str(occurrence))}"


def parse(number: str | None) -> DocNumber | None:
    return parse_number(number) if number else None
