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
    r"(?<![\wđ])(?i:sở|ban|phòng|văn phòng|trung tâm|chi cục|viện|trường|hội|liên đoàn|quỹ|đài|báo)"
    r"\s+(?=\w)",
)


def _load_provinces() -> tuple[list[str], set[str]]:
    data = json.loads(
        resources.files("policy_lineage.loaders").joinpath("data/provinces.json").read_text("utf-8")
    )
    return list(data["provinces"]), set(data.get("cities", []))


PROVINCE_NAMES, CITIES = _load_provinces()
_PROVINCE_AFTER = re.compile(
    r"\s+("
    + "|".join(re.escape(fold(p)) for p in sorted(PROVINCE_NAMES, key=len, reverse=True))
    + r")(?![\wđ])"
)
# Bodies of a commune or ward named with it: "Ủy ban nhân dân xã Phú Hữu", "Đảng ủy phường 1".
_COMMUNE_HEADS = {
    "ủy ban nhân dân": "Ủy ban nhân dân",
    "ubnd": "Ủy ban nhân dân",
    "hội đồng nhân dân": "Hội đồng nhân dân",
    "hđnd": "Hội đồng nhân dân",
    "ban thường vụ đảng ủy": "Ban Thường vụ Đảng ủy",
    "đảng ủy": "Đảng ủy",
    "ủy ban mặt trận tổ quốc việt nam": "Ủy ban Mặt trận Tổ quốc Việt Nam",
    "ủy ban mttq việt nam": "Ủy ban Mặt trận Tổ quốc Việt Nam",
    "ủy ban mttq": "Ủy ban Mặt trận Tổ quốc Việt Nam",
    "công an": "Công an",
    "văn phòng hđnd và ubnd": "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân",
    "văn phòng hội đồng nhân dân và ủy ban nhân dân": (
        "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân"
    ),
    "văn phòng hđnd - ubnd": "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân",
    "văn phòng đảng ủy": "Văn phòng Đảng ủy",
    "ủy ban kiểm tra đảng ủy": "Ủy ban Kiểm tra Đảng ủy",
    "ban xây dựng đảng đảng ủy": "Ban Xây dựng Đảng Đảng ủy",
    "ban chỉ huy quân sự": "Ban Chỉ huy Quân sự",
    "trung tâm phục vụ hành chính công": "Trung tâm Phục vụ hành chính công",
    "đoàn thanh niên": "Đoàn Thanh niên",
    "hội liên hiệp phụ nữ": "Hội Liên hiệp Phụ nữ",
    "hội nông dân": "Hội Nông dân",
    "hội cựu chiến binh": "Hội Cựu chiến binh",
    "phòng kinh tế": "Phòng Kinh tế",
    "phòng văn hóa - xã hội": "Phòng Văn hóa - Xã hội",
    "phòng văn hóa – xã hội": "Phòng Văn hóa - Xã hội",
    "phòng kinh tế, hạ tầng và đô thị": "Phòng Kinh tế, Hạ tầng và Đô thị",
}
_COMMUNE = re.compile(
    r"(?<![\wđ])(?P<head>"
    + "|".join(re.escape(h) for h in sorted(_COMMUNE_HEADS, key=len, reverse=True))
    + r")\s+(?P<unit>xã|phường|đặc khu)(?![\wđ])"
)


def city_form(name: str, province: str | None) -> str:
    """Bodies of a centrally governed city: "Ủy ban nhân dân thành phố Cần Thơ", "Thành ủy …"."""
    if province not in CITIES:
        return name
    name = re.sub(r"\bTỉnh ủy\b", "Thành ủy", name)
    name = re.sub(r"\bTỉnh Đoàn\b", "Thành Đoàn", name)
    return re.sub(r"(?<![\wđ])tỉnh(?![\wđ])", "thành phố", name)


def _city_alias(alias: str) -> str:
    alias = alias.replace("tỉnh ủy", "thành ủy").replace("tỉnh đoàn", "thành đoàn")
    return re.sub(r"(?<![\wđ])tỉnh(?![\wđ])", "thành phố", alias)


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
        name = city_form(entry.name.replace("{province}", province or "").strip(), province)
        parent = (
            city_form(entry.parent.replace("{province}", province or "").strip(), province)
            if entry.parent
            else None
        )
        prov = province if entry.level in ("province", "commune") else None
        return Agency(name, entry.level, prov, entry.kind, parent, written)  # type: ignore[arg-type]

    @lru_cache(maxsize=64)  # noqa: B019 - one table per process, a few provinces
    def _pattern(self, province: str | None) -> tuple[re.Pattern[str], dict[str, _Entry]]:
        """The finder of every alias (one alternation, longest first) and the alias map."""
        by_alias = self._aliases(province)
        alts = sorted(by_alias, key=len, reverse=True)
        body = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in alts)
        pattern = re.compile(rf"(?<!{_WORD})(?:{body})(?!{_WORD})")
        return pattern, by_alias

    @lru_cache(maxsize=64)  # noqa: B019 - one table per process, a few provinces
    def _aliases(self, province: str | None) -> dict[str, _Entry]:
        """Folded alias → entry, for one province (lookups need no pattern)."""
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
                if province in CITIES:
                    forms += [_city_alias(f) for f in forms]
                for form in forms:
                    by_alias.setdefault(form, entry)
        return by_alias

    def lookup(self, name: str, province: str | None = None) -> Agency | None:
        """The canonical body for a name, or None when the table does not know it."""
        entry = self._aliases(province).get(fold(name))
        return self._agency(entry, province, name) if entry else None

    def is_vague(self, agency: Agency) -> bool:
        return any(e.vague and e.name == agency.name for e in self.entries)

    def find(self, text: str, province: str | None = None) -> list[AgencyMatch]:
        """Every body named in ``text`` (NFC), left to right, longest name first.

        A province named right after a body ("UBND tỉnh Lâm Đồng") is that body's
        province, whatever the document's; a commune's bodies are named with it.
        """
        key = match_key(text)
        pattern, by_alias = self._pattern(province)
        found: list[AgencyMatch] = []
        taken: list[tuple[int, int]] = []
        for m in _COMMUNE.finditer(key):
            end, commune = _commune_name(text, m.end())
            head = _COMMUNE_HEADS[m.group("head")]
            if commune:
                name = f"{head} {m.group('unit')} {commune}"
            else:  # "Công an xã" inside a commune's own document
                name, end = f"{head} {m.group('unit')}", m.end()
            parent = city_form(f"Ủy ban nhân dân tỉnh {province}", province) if province else None
            agency = Agency(name, "commune", province, "body", parent, text[m.start() : end])
            found.append(AgencyMatch(m.start(), end, agency))
            taken.append((m.start(), end))
        for m in pattern.finditer(key):
            if any(s <= m.start() < e for s, e in taken):
                continue
            entry = by_alias[re.sub(r"\s+", " ", m.group())]
            end = m.end()
            prov = province
            named = _PROVINCE_AFTER.match(key, end) if "{province}" in entry.name else None
            if named and not fold(m.group()).endswith(named.group(1)):
                prov = next(p for p in PROVINCE_NAMES if fold(p) == named.group(1))
                end = named.end()
            found.append(
                AgencyMatch(m.start(), end, self._agency(entry, prov, text[m.start() : end]))
            )
            taken.append((m.start(), end))
        for m in _GENERIC_HEAD.finditer(text):
            if any(s <= m.start() < e for s, e in taken) or not text[m.end()].isupper():
                continue
            if re.search(r"(?i:ủy|uỷ)\s+$", text[max(0, m.start() - 4) : m.start()]):
                continue  # "BAN" inside "ỦY BAN"
            end = _generic_end(text, m.end())
            if end > m.end():
                written = text[m.start() : end]
                name = written[0].upper() + written[1:]
                if written.isupper():
                    name = written.capitalize()
                found.append(
                    AgencyMatch(
                        m.start(), end, Agency(name, "unknown", province, "body", None, written)
                    )
                )
        found.sort(key=lambda a: a.start)
        return found


def _commune_name(text: str, pos: int) -> tuple[int, str | None]:
    """The name after "xã"/"phường": capitalised words or a number, as printed."""
    words: list[str] = []
    end = pos
    if not text[pos : pos + 1].isspace():
        return end, None
    for t in re.finditer(r"\S+", text[pos : pos + 60]):
        w = t.group().rstrip(",;:.)")
        if not w or not (w[0].isupper() or w.isdigit()) or len(words) >= 4:
            break
        if words and fold(w) in _STOP:
            break
        words.append(w.capitalize() if w.isupper() and not w.isdigit() else w)
        end = pos + t.start() + len(w)
        if w != t.group():
            break
    return end, " ".join(words) or None


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
        kept += 1  # noqa: SIM113 - counts kept words, not tokens
        if word != "và":
            end = pos + t.end()
    return end


_DEFAULT: AgencyTable | None = None


def default_table() -> AgencyTable:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = AgencyTable.load()
    return _DEFAULT


def load_aliases(path: str | Path) -> AgencyTable:
    """The bundled table extended by a user's file; a malformed file is a clear error.

    The file has the shape of ``loaders/data/agencies.json``:
    ``{"agencies": [{"name": "Sở Văn hóa và Thể thao", "level": "province",
    "aliases": ["sở vh&tt"]}]}``; its entries win over the bundled ones.
    """
    import click

    try:
        data = json.loads(Path(path).read_text("utf-8"))
        entries = data["agencies"]
        if not isinstance(entries, list) or not all(
            isinstance(e, dict) and isinstance(e.get("name"), str) for e in entries
        ):
            raise ValueError('"agencies" must be a list of objects with a "name"')
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise click.ClickException(f"{path}: not an alias file ({exc})") from exc
    return AgencyTable.load(extra=path)


def with_written(agency: Agency, written: str) -> Agency:
    return replace(agency, as_written=written)
