"""Agencies named in a text, canonicalized through an alias table kept as data.

``Sở KH&CN`` and ``Sở Khoa học và Công nghệ`` are one body; ``Uỷ ban nhân dân
Tỉnh`` inside a Đồng Tháp document is ``Ủy ban nhân dân tỉnh Đồng Tháp``. The
table is ``loaders/data/agencies.json``; a user adds bodies or aliases with a file
of the same shape (``AgencyTable.load(extra=...)``).

>>> table = AgencyTable.load()
>>> [m.agency.name for m in table.find("Giao Sở KH&CN chủ trì, phối hợp với UBND tỉnh", "Đồng Tháp")]
['Sở Khoa học và Công nghệ', 'Ủy ban nhân dân tỉnh Đồng Tháp']
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..schema.model import Agency
from .textnorm import fold, match_key

_WORD = r"[\wđ]"
# Words that end a body's name in running text ("Sở Tài chính bảo đảm …").
_STOP = {
    "chủ",
    "phối",
    "tham",
    "thực",
    "triển",
    "bảo",
    "đảm",
    "tổ",
    "xây",
    "rà",
    "kịp",
    "tập",
    "theo",
    "giao",
    "có",
    "là",
    "được",
    "trình",
    "nghiên",
    "hướng",
    "báo",
    "lãnh",
    "chỉ",
    "của",
    "về",
    "tại",
    "trên",
    "cho",
    "với",
    "để",
    "khi",
    "đã",
    "sẽ",
    "cần",
    "phải",
    "làm",
    "đôn",
    "tăng",
    "đẩy",
    "chịu",
}
_GENERIC_HEAD = re.compile(
    r"(?<![\wđ])(?i:sở|ban|trung tâm|chi cục|viện|trường|hội|liên đoàn|quỹ|đài|báo)\s+(?=\w)",
)


@dataclass(frozen=True)
class AgencyMatch:
    start: int
    end: int
    agency: Agency


@dataclass
class _Entry:
    name: str
    level: str
    kind: str
    parent: str | None
    aliases: list[str]
    vague: bool = False


class AgencyTable:
    """The alias table, and a finder built from it for each province."""

    def __init__(self, entries: list[_Entry]) -> None:
        self.entries = entries

    @classmethod
    def load(cls, extra: str | Path | None = None) -> AgencyTable:
        data = json.loads(
            resources.files("policy_lineage.loaders")
            .joinpath("data/agencies.json")
            .read_text("utf-8")
        )
        raw = list(data["agencies"])
        if extra:
            raw = json.loads(Path(extra).read_text("utf-8"))["agencies"] + raw
        entries = [
            _Entry(
                e["name"],
                e.get("level", "unknown"),
                e.get("kind", "body"),
                e.get("parent"),
                list(e.get("aliases", [])) + [e["name"]],
                bool(e.get("vague", False)),
            )
            for e in raw
        ]
        return cls(entries)

    def _agency(self, entry: _Entry, province: str | None, written: str | None) -> Agency:
        name = entry.name.replace("{province}", province or "").strip()
        parent = (
            entry.parent.replace("{province}", province or "").strip() if entry.parent else None
        )
        prov = province if entry.level in ("province", "commune") else None
        return Agency(name, entry.level, prov, entry.kind, parent, written)  # type: ignore[arg-type]

    @lru_cache(maxsize=64)  # noqa: B019 - one table per process, a few provinces
    def _pattern(self, province: str | None) -> tuple[re.Pattern[str], dict[str, _Entry]]:
        by_alias: dict[str, _Entry] = {}
        pfold = fold(province) if province else None
        for entry in self.entries:
            for alias in entry.aliases:
                forms = []
                if "{province}" in alias or "{province}" in fold(alias):
                    if pfold:
                        forms.append(fold(alias.replace("{province}", province or "")))
                else:
                    forms.append(fold(alias))
                    if pfold and fold(alias).endswith(" tỉnh"):
                        forms.append(fold(alias) + " " + pfold)
                for form in forms:
                    by_alias.setdefault(form, entry)
        alts = sorted(by_alias, key=len, reverse=True)
        body = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in alts)
        pattern = re.compile(rf"(?<!{_WORD})(?:{body})(?!{_WORD})")
        return pattern, by_alias

    def lookup(self, name: str, province: str | None = None) -> Agency | None:
        """The canonical body for a name, or None when the table does not know it."""
        key = fold(name)
        _, by_alias = self._pattern(province)
        entry = by_alias.get(re.sub(r"\s+", " ", key))
        return self._agency(entry, province, name) if entry else None

    def is_vague(self, agency: Agency) -> bool:
        return any(e.vague and e.name == agency.name for e in self.entries)

    def find(self, text: str, province: str | None = None) -> list[AgencyMatch]:
        """Every body named in ``text`` (NFC), left to right, longest name first."""
        key = match_key(text)
        pattern, by_alias = self._pattern(province)
        found: list[AgencyMatch] = []
        taken: list[tuple[int, int]] = []
        for m in pattern.finditer(key):
            entry = by_alias[re.sub(r"\s+", " ", m.group())]
            found.append(
                AgencyMatch(
                    m.start(), m.end(), self._agency(entry, province, text[m.start() : m.end()])
                )
            )
            taken.append((m.start(), m.end()))
        for m in _GENERIC_HEAD.finditer(text):
            if any(s <= m.start() < e for s, e in taken) or not text[m.end()].isupper():
                continue
            end = _generic_end(text, m.end())
            if end > m.end():
                written = text[m.start() : end]
                name = written[0].upper() + written[1:]
                found.append(
                    AgencyMatch(
                        m.start(), end, Agency(name, "unknown", province, "body", None, written)
                    )
                )
        found.sort(key=lambda a: a.start)
        return found


def _generic_end(text: str, pos: int) -> int:
    """End of a body's name such as "Sở Nông nghiệp và Môi trường" in running text."""
    end = pos
    tokens = list(re.finditer(r"[^\s,;:.()]+", text[pos : pos + 100]))
    kept = 0
    for i, t in enumerate(tokens):
        word = t.group()
        if i and re.search(r"[,;:.()]", text[pos + tokens[i - 1].end() : pos + t.start()]):
            break
        if word.lower() in _STOP or kept >= 8:
            break
        kept += 1
        if word != "và":
            end = pos + t.end()
    return end


_DEFAULT: AgencyTable | None = None


def default_table() -> AgencyTable:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = AgencyTable.load()
    return _DEFAULT


def with_written(agency: Agency, written: str) -> Agency:
    return replace(agency, as_written=written)
