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
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..schema.model import Agency
from .memo import remembered_finds
from .rules import Rules, commune_unit, default_rules, derived, load_rules, work_opening
from .textnorm import CAPITALS, SMALL, collapse, fold, fold_ascii, match_key

_WORD = r"[\wđ]"


def _load_provinces() -> tuple[list[str], set[str]]:
    data = json.loads(
        resources.files("policy_lineage.loaders").joinpath("data/provinces.json").read_text("utf-8")
    )
    return list(data["provinces"]), set(data.get("cities", []))


PROVINCE_NAMES, CITIES = _load_provinces()
_CITY_KEYS = frozenset(fold(c) for c in CITIES)
_PROVINCE_ALT = "|".join(re.escape(fold(p)) for p in sorted(PROVINCE_NAMES, key=len, reverse=True))
# ": Gia Lai, Đắk Lắk, Khánh Hòa và Lâm Đồng" after "… các tỉnh"
_ONE_PLACE = rf"(?:(?:tỉnh|thành phố|tp\.?)\s++)?(?:{_PROVINCE_ALT})"
# ", Thành phố Hồ Chí Minh", " và tỉnh Bình Dương" after "Ủy ban nhân dân tỉnh Đồng Nai"
_MORE_PLACE = re.compile(
    rf"(?:\s*+,\s*+(?:và\s++)?|\s++và\s++)(?:(?P<unit>tỉnh|thành phố|tp\.?)\s++)?"
    rf"(?P<name>{_PROVINCE_ALT})(?![\wđ])"
)
_PLACE_LIST = re.compile(
    rf"\s*+:?\s*+(?P<list>{_ONE_PLACE}(?:\s*+(?:,\s*+(?:và\s++)?|và\s++){_ONE_PLACE})*+)"
    r"(?![\wđ])"
)
# "Ủy ban nhân dân các xã Bình Khê, Tây Sơn và phường An Nhơn Tây": the communes named
_COMMUNES_GROUP = re.compile(
    r"(?P<prefix>ủy ban nhân dân|ubnd|hội đồng nhân dân|hđnd|đảng ủy|công an)\s+các\s+"
    r"(?P<unit>xã|phường|xã\s*,\s*phường)"
)
# the organs of a people's council, listed with the council's name once, at the end
_COUNCIL = r"(?:hội đồng nhân dân|hđnd)"
_COUNCIL_ORGANS = re.compile(
    rf"(?<![\wđ])thường trực {_COUNCIL}(?: [^,;.]{{0,30}}?)?\s*,\s*các ban của {_COUNCIL}"
    rf"(?: [^,;.]{{0,30}}?)?\s*,\s*các tổ đại biểu(?: {_COUNCIL}(?: [^,;.]{{0,30}}?)?)?"
    rf"\s*(?:,\s*)?và (?:các )?đại biểu (?P<council>{_COUNCIL}"
    r"(?: (?:tỉnh|thành phố|xã|phường|đặc khu))?)"
)
_COMMUNE_TOKEN = re.compile(r"\s*+(?P<sep>,\s*+(?:và\s++)?|và\s++|:\s*+)?(?P<word>[^\W\d_]++)")
_COMMUNE_UNITS = ("xã", "phường")
_SPECIAL_ZONE = re.compile(r"(?i:đặc)[ \t]++(?i:khu)(?![^\W\d_])")
# a group of places with no body before it: "Các địa phương: Đồng Nai, Bình Dương", "các
# tỉnh Quảng Trị, Quảng Ngãi" are their people's committees
_BARE_PLACES = re.compile(r"(?:các\s+)(?:tỉnh(?:\s*,\s*thành phố)?|thành phố|địa phương)")
# the verbs whose object a group is: "chỉ đạo các doanh nghiệp …", "phối hợp với các …"
_GOVERNS = re.compile(
    r"(?:chỉ\s+đạo|yêu\s+cầu|đề\s+nghị|giao|hướng\s+dẫn|phối\s+hợp\s+với|đôn\s+đốc)\s*+$"
)
# what a body's name follows when its head word is printed in small letters: "phối hợp với
# cục Chuyển đổi số", "chỉ đạo phòng Kinh tế", "…, vụ Pháp chế"
_BEFORE_SMALL_HEAD = re.compile(
    r"(?:chỉ\s+đạo|yêu\s+cầu|đề\s+nghị|giao|hướng\s+dẫn|với|đôn\s+đốc|và|[,;])\s++$"
)


def _small_head(text: str, key: str, start: int, pos: int, rules: Rules) -> bool:
    """A head word in small letters (``small_heads``) heads a body's name when a cue or a
    list puts a party there and the name goes on in capitals ("với cục Chuyển đổi số"), not
    a place's name ("với trung tâm Hà Nội")."""
    if not (pos < len(text) and text[pos].isupper()):
        return False
    if " ".join(key[start:pos].split()) not in rules.small_heads:
        return False
    if not _BEFORE_SMALL_HEAD.search(key[max(0, start - 16) : start]):
        return False
    return not _A_PROVINCE.match(" ".join(key[pos : pos + 40].split()))


# a province's name at the start of a (folded) text
_A_PROVINCE = re.compile(rf"(?:{_PROVINCE_ALT})(?![\wđ])")
# a group whose noun is capitalised ("các Khu Quản lý …"), as a numbered body's head is
_CAPITALISED_GROUP = re.compile(r"(?:các|những)\s++[" + CAPITALS + "]")
# a number after a group's name: the bodies it numbers ("… đường bộ III và IV")
_NUMBER_AFTER = re.compile(r"[ \t]++(?:[IVX]{1,4}|\d{1,2})(?![^\W_])")
_STANDING_ORGAN = re.compile(r"thường\s++trực\s++")
# the head of a body's Party organ, before the body's name: "Đảng ủy Viện kiểm sát …"
_ORGAN_OF = re.compile(
    r"đảng\s++ủy|đảng\s++đoàn|ban\s++cán\s++sự\s++đảng|chi\s++bộ|công\s++đoàn(?:\s++cơ\s++sở)?"
)
# a force named without "các" as the object of "chỉ đạo …" (see _groups)
_FORCE = re.compile(r"(?<![\wđ])lực\s++lượng(?=\s)")
# a regional office after a body's name: "Kho bạc Nhà nước khu vực XI", "… khu vực 8"
_REGION = re.compile(
    r"(?:\s*+[-–]\s*+chi\s++nhánh\s++|\s++(?:chi\s++nhánh\s++)?)"
    r"khu\s++vực\s++(?P<n>[ivxlc]++|\d++)(?![\wđ])"
)
_BARE_REGION = re.compile(r"\s++khu\s++vực(?![\wđ])")
_CAPITAL_AFTER = re.compile(r"[ \t]++[" + CAPITALS + r"]")
_EVERY_REGION = re.compile(r"\s++các\s++khu\s++vực(?![\wđ])(?!\s++(?:biên|miền|vùng))")
_PROVINCE_AFTER = re.compile(
    r"\s+("
    + "|".join(re.escape(fold(p)) for p in sorted(PROVINCE_NAMES, key=len, reverse=True))
    + r")(?![\wđ])"
)
# a province after a provincial body the table names without one: "Sở Xây dựng tỉnh Lâm
# Đồng", "Sở Xây dựng Lâm Đồng", "Công an tỉnh Lạng Sơn" ("công an tỉnh" + the name)
_PLACE_AFTER = re.compile(
    r"\s++(?P<unit>tỉnh\s++|thành phố\s++)?(?P<name>"
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
    + r")\s+(?P<unit>"
    + commune_unit()
    + r")(?![\wđ])"
)


def _district_pattern(rules: Rules) -> re.Pattern[str]:
    """A commune's head word before a district's unit ("UBND huyện", "Công an thị xã")."""
    heads = "|".join(re.escape(h) for h in sorted(_COMMUNE_HEADS, key=len, reverse=True))
    return re.compile(
        rf"(?<![\wđ])(?P<head>{heads})\s+(?P<unit>{rules.alternation(rules.district_units)})"
        rf"(?![\wđ])"
    )


def _with_place(name: str, place: str) -> str:
    """A provincial body's name with its province: "Sở Xây dựng tỉnh Lâm Đồng", "Công an
    tỉnh Lạng Sơn", "Sở Y tế thành phố Hà Nội"."""
    if name.endswith(" tỉnh"):
        return city_form(f"{name} {place}", place)
    return f"{name} {'thành phố' if place in CITIES else 'tỉnh'} {place}"


def city_form(name: str, province: str | None) -> str:
    """Bodies of a centrally governed city: "Ủy ban nhân dân thành phố Cần Thơ", "Thành ủy …"."""
    if province not in CITIES:
        return name
    name = re.sub(r"\bTỉnh ủy\b", "Thành ủy", name)
    name = re.sub(r"\bTỉnh Đoàn\b", "Thành Đoàn", name)
    return re.sub(r"(?<![\wđ])tỉnh(?![\wđ])", "thành phố", name)


def _longest_first(names: list[str]) -> str:
    """The alternation of ``names`` (folded: words between single spaces; longest first),
    any run of spaces between words, as a tree of their shared beginnings.

    It matches what ``"|".join`` of the names, longest first, matches, in the same order
    (of two names matching at one place, one begins the other, and the longer is tried
    first), but the regex engine reads each character once per place instead of once per
    name: the table's 1,500 names made the plain alternation the largest cost of
    extraction. Names of another shape (another space, a space at an end, none at all) are
    joined plainly."""
    if not _regular(names):
        return "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in names)
    tree: dict = {}
    for name in names:
        node = tree
        for ch in name:
            node = node.setdefault(ch, {})
        node[""] = None  # a name ends here

    escaped: dict[str, str] = {}  # each character escaped once, not once per name

    def piece(ch: str) -> str:
        out = escaped.get(ch)
        if out is None:
            out = escaped[ch] = r"\s+" if ch == " " else re.escape(ch)
        return out

    def alternation(node: dict) -> str:
        head = []  # a run of letters only one name goes on with, read without recursion
        while len(node) == 1 and "" not in node:
            ((ch, node),) = node.items()
            head.append(piece(ch))
        alts = [piece(ch) + alternation(child) for ch, child in node.items() if ch]
        if not alts:
            return "".join(head)
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "".join(head) + ("(?:" + body + ")?" if "" in node else body)

    return alternation(tree)


def _regular(names: list[str]) -> bool:
    """Every name is words between single spaces: at one place, the names that match begin
    one another, and the longest is the one an alternation longest first finds."""
    return all(n and n == " ".join(n.split()) for n in names)


class _Either:
    """Two finders of names as one (see :func:`_longest_first`): at each place the match
    that starts first, of two starting together the longer, as one alternation of both
    lists of names would find it."""

    def __init__(self, first: re.Pattern[str], second: re.Pattern[str]) -> None:
        self.first, self.second = first, second

    def finditer(self, text: str):
        a, b = self.first.search(text), self.second.search(text)
        while a is not None or b is not None:
            if b is None or (a is not None and (a.start(), -a.end()) <= (b.start(), -b.end())):
                m = a
            else:
                m = b
            yield m
            pos = m.end()  # type: ignore[union-attr]
            if a is not None and a.start() < pos:
                a = self.first.search(text, pos)
            if b is not None and b.start() < pos:
                b = self.second.search(text, pos)


# a group named as the units of one body: "các cơ quan trực thuộc Bộ Y tế", "các đơn vị
# thuộc Bộ Quốc phòng", "các cơ quan chuyên môn Bộ Công an"
_OF_A_BODY = re.compile(r"(?:(?<![\wđ])(?:trực thuộc|thuộc)|cơ quan chuyên môn|đơn vị chuyên môn)$")


# a group named as the bodies that serve one body: "các cơ quan tham mưu, giúp việc Tỉnh ủy",
# "các đơn vị giúp việc cho Ban Chỉ đạo" ("tham mưu" alone is a verb: "các sở tham mưu UBND
# tỉnh ban hành …")
_SERVES = re.compile(r"\s++(?:tham\s++mưu\s*+,?\s*+)?giúp\s++việc(?:\s++(?:cho|của))?\s++")

# "(sau đây gọi tắt là “Ban Quản lý”)": a short name the document gives what it just named
# after a list's piece of names: a semicolon and the next piece, opening with a capital letter
_SEMICOLON_THEN_NAME = re.compile(r"[ \t]*+;\s*+(?=[" + CAPITALS + r"])")
# a piece whose last name runs on into words (a sentence after the list), not a name's end
_NAME_RUNS_ON = re.compile(r"[ \t]++(?![" + CAPITALS + r"])[^\W\d_]")  # "à-ỹ" holds capitals

_DEFINED = re.compile(
    r"\(\s*+(?:sau\s+đây\s+)?(?:gọi\s+tắt\s+là|gọi\s+chung\s+là|gọi\s+là|viết\s+tắt\s+là)\s++(?P<short>[^()]{2,60}?)\s*+\)",
    re.IGNORECASE,
)

# "(Cục ĐMST)", "(Vụ KH-TC)", "(Sở KH&CN)": a head word, then an abbreviation in capitals
# "Cục LN&KL", "Vụ KH-TC", "Trung tâm CĐS": a head word and an abbreviation in capitals
_INITIALISM = re.compile(
    r"(?<![\wđ])(?:Cục|Vụ|Sở|Ban|Viện|Phòng|Chi cục)\s++[A-ZĐ][A-ZĐ&\-.]*[A-ZĐ](?![\wđ&])"
)
# "P.KHTH", "TT.CNTT": the head word's initials, a dot, the name's (one word in capitals)
_BARE_INITIALISM = re.compile(r"(?<![\w&.\-])[A-ZĐ]{1,3}\.[A-ZĐ]{2,8}(?![\w&.])")
# "TT.CNTT", "TT ĐHTT", "TTKD", "NIC": capitals (and ". & -"), two words at most
_ACRONYM = re.compile(r"[A-ZĐ][A-ZĐ.&\-]*[A-ZĐ](?: [A-ZĐ][A-ZĐ.&\-]*[A-ZĐ])?")
_SHORT_IN_BRACKETS = re.compile(r"\(\s*+(?P<short>[" + CAPITALS + r"][^()\n]{2,30}?)\s*+\)")

# "Ghi chú viết tắt: Cục QLN: Cục Quản lý nhà …; NHNN: Ngân hàng Nhà nước Việt Nam." (a
# legend of the abbreviations a plan's table uses)
_LEGEND = re.compile(r"viết\s++tắt\s*+(?:như\s++sau\s*+)?:", re.I)
_LEGEND_PAIR = re.compile(
    r"^(?P<short>[\w&.\- ]{2,25}?)\s*+:\s*+(?P<full>[" + CAPITALS + r"][^:]{3,120})$"
)


def _short_forms(rules: Rules) -> frozenset[str]:
    return frozenset(short for short, _ in rules.abbreviations)


# a word kept in capitals when a text in capitals is read in sentence case: a figure, a code
# ("C06", "KH&CN", "II"), a word with no vowel ("TP", "BCĐ")
_KEEP_CAPS = re.compile(r"[\d&/.\-]|^[IVXLC]+$")
_VOWELS = frozenset("aeiouy")


def _opens_with_head(rules: Rules) -> re.Pattern[str]:
    """A text that opens (after an item's marker) with a body's head word."""
    heads = (*rules.body_heads, *rules.shape_heads, *rules.local_authorities)
    return re.compile(
        r"^[\W_]*+(?:(?:[ivxlc]{1,5}|\d{1,2}(?:\.\d{1,2})*+|[a-zđ])\s*+[.):]\s*+)?(?:"
        + Rules.alternation(heads)
        + r")(?![\wđ])"
    )


def _place_names(rules: Rules) -> re.Pattern[str]:
    """A place's name after its unit word, in a sentence-cased text: "xã tân minh", "tỉnh
    nghệ an" (up to a comma, "và", another unit word or four words)."""
    units = (*rules.province_units, *rules.commune_units, *rules.district_units)
    unit = r"(?<![\wđ])(?:" + Rules.alternation(units) + r")(?!\s++(?:hội|ủy|đoàn)(?![\wđ]))"
    stop = r"(?!(?:và|các|" + Rules.alternation(units) + r")(?![\wđ]))"
    word = stop + r"[^\W\d_]++"
    return re.compile(unit + r"\s++(" + word + r"(?:\s++" + word + r"){0,3})")


def _sentence_case(
    text: str, short_forms: frozenset[str], places: re.Pattern[str] | None = None
) -> str | None:
    """``text`` in sentence case when it is printed in capitals (a heading), else None. Same
    length: each word lowered, or kept when it is an abbreviation; the first letter a capital,
    and each word of a place's name ("xã Tân Minh").
    """
    upper = sum(map(str.isupper, text))  # counted in C: every text searched comes here
    if upper < 8 or sum(map(str.islower, text)) > upper / 9:
        return None

    def lower(m: re.Match[str]) -> str:
        word = m.group()
        folded = fold(word)
        if (
            folded in short_forms
            or _KEEP_CAPS.search(word)
            or not set(fold_ascii(folded)) & _VOWELS
        ):
            return word
        low = word.lower()
        return low if len(low) == len(word) else word

    cased = re.sub(r"[^\W\d_][^\s,;:.()]*", lower, text)
    first = _ITEM_MARK.match(cased).end()  # the sentence opens after an item's marker
    if first < len(cased):
        cased = cased[:first] + cased[first].upper() + cased[first + 1 :]
    if places is not None:
        chars = list(cased)
        for m in places.finditer(fold(cased)):
            for w in re.finditer(r"\S+", cased[m.start(1) : m.end(1)]):
                at = m.start(1) + w.start()
                chars[at] = cased[at].upper()
        cased = "".join(chars)
    return cased


_ITEM_MARK = re.compile(
    r"[\W_]*+(?:(?:[IVXLC]{1,5}|\d{1,2}(?:\.\d{1,2})*+|[a-zđA-ZĐ])\s*+[.):]\s*+)?[\W_]*+"
)


def _merged_pairs(
    found: list[AgencyMatch], join: Callable[[AgencyMatch, AgencyMatch], AgencyMatch | None]
) -> list[AgencyMatch]:
    """``found`` in order, each match and the next made one where ``join`` gives the match
    that stands for both."""
    out: list[AgencyMatch] = []
    ordered = sorted(found, key=lambda m: m.start)
    i = 0
    while i < len(ordered):
        both = join(ordered[i], ordered[i + 1]) if i + 1 < len(ordered) else None
        out.append(both or ordered[i])
        i += 2 if both else 1
    return out


# "Hội đồng nhân dân, Ủy ban nhân dân các tỉnh …", "bí thư đảng ủy, chủ tịch UBND các xã":
# a local authority or Party committee sharing the places of the group after it
_SHARED_HEAD = re.compile(
    r"(?<![\wđ])(?P<head>hội đồng nhân dân|hđnd|ủy ban nhân dân|ubnd|đảng ủy)\s*+(?:,|và)\s*+"
    r"(?:(?:phó\s++)?chủ\s++tịch\s++)?$"
)
_LOCAL_HEADS = {"hội đồng nhân dân": "Hội đồng nhân dân", "hđnd": "Hội đồng nhân dân",
                "ủy ban nhân dân": "Ủy ban nhân dân", "ubnd": "Ủy ban nhân dân",
                "đảng ủy": "Đảng ủy"}  # fmt: skip


def _shared_places(text: str, key: str, found: list[AgencyMatch]) -> list[AgencyMatch]:
    """ "HĐND, UBND các tỉnh, thành phố trực thuộc Trung ương" is both bodies of the provinces:
    the first authority, written with no places of its own, takes the group's."""
    out: list[AgencyMatch] = []
    for m in sorted(found, key=lambda a: a.start):
        before = _SHARED_HEAD.search(key, max(0, m.start - 45), m.start)
        name = m.agency.name
        own = next(
            (v for v in ("Ủy ban nhân dân", "Hội đồng nhân dân") if name.startswith(v)), None
        )
        if before and m.agency.kind == "group" and own and " các " in name:
            head = _LOCAL_HEADS[before.group("head")]
            if head != own and not any(o.end > before.start() for o in out):
                written = text[before.start() : m.end]
                shared = Agency(
                    head + name[len(own) :],
                    m.agency.level,
                    m.agency.province,
                    "group",
                    None,
                    written,
                    canonical=False,
                )
                out.append(
                    AgencyMatch(
                        before.start(), before.start("head") + len(before.group("head")), shared
                    )
                )
        out.append(m)
    return out


def _groups_of_a_body(text: str, key: str, found: list[AgencyMatch]) -> list[AgencyMatch]:
    """A group whose name ends "… thuộc" (or names a body's own departments) followed at
    once by the body it belongs to is one group: "Các Ban Quản lý dự án thuộc Bộ Xây dựng"
    is neither a group cut at "thuộc" nor Bộ Xây dựng."""

    def join(m: AgencyMatch, nxt: AgencyMatch) -> AgencyMatch | None:
        gap = key[m.end : nxt.start]
        serves = _SERVES.fullmatch(gap) if m.agency.kind == "group" else None
        if not (
            m.agency.kind == "group"
            and nxt.agency.kind == "body"
            and (serves or (not gap.strip() and _OF_A_BODY.search(fold(text[m.start : m.end]))))
        ):
            return None
        between = f" {collapse(text[m.end : nxt.start])} " if serves else " "
        group = Agency(
            f"{m.agency.name}{between}{nxt.agency.name}",
            nxt.agency.level,
            nxt.agency.province,
            "group",
            nxt.agency.name,
            text[m.start : nxt.end],
            canonical=False,
        )
        return AgencyMatch(m.start, nxt.end, group)

    return _merged_pairs(found, join)


# "… tỉnh ủy, thành ủy": a Party body of every province and city
_AND_CITY_COMMITTEES = re.compile(
    r",\s*+thành\s+ủy(?:\s*+,\s*+đảng\s+ủy\s+trực\s+thuộc\s+trung\s+ương)?"
)
# "đặc khu Cồn Cỏ" ending a group of communes: the special zone's name
_PLACE_NAME = re.compile(r"\s++(?:[" + CAPITALS + r"]\w*+)(?:\s++[" + CAPITALS + r"]\w*+){0,3}")


# spaces before a name in capitals, and the name (as far as the match is allowed to run)
_NAME_AFTER = re.compile(r"[ \t]++(?=[" + CAPITALS + r"]).*+")
_BEFORE_A_NAME = re.compile(r"[ \t]++(?=[" + CAPITALS + r"])")
_BRACKET = re.compile(r"\s*+\(\s*+")
_NOW = re.compile(r"\s*+\(\s*+(?:nay\s+là|nay\s+được\s+đổi\s+tên\s+là|sau\s+sắp\s+xếp\s+là)\s+")


def renamed(key: str, found: list[AgencyMatch], roles: tuple[str, ...] = ()) -> list[AgencyMatch]:
    """A body named by its old name with its new one in brackets, "Sở Tài nguyên và Môi
    trường (nay là Sở Nông nghiệp và Môi trường)", is the body of the new name (a bracket
    listing several new bodies is left as it is). So is a role with the body that holds it in
    brackets, "Cơ quan thường trực Ban Chỉ đạo (Bộ Khoa học và Công nghệ)" (``roles``: the
    rules' ``role_names``). For who does the work: :meth:`AgencyTable.find` still lists both
    names."""

    def join(m: AgencyMatch, nxt: AgencyMatch) -> AgencyMatch | None:
        if (
            roles
            and m.agency.canonical
            and fold(nxt.agency.name).startswith(roles)
            and re.fullmatch(r"\s*+[-–—]\s*+", key[m.end : nxt.start])
        ):
            return AgencyMatch(m.start, nxt.end, m.agency)  # "Bộ Xây dựng - Cơ quan Thường trực …"
        now = _NOW.match(key, m.end)
        if not now and fold(m.agency.name).startswith(roles) and nxt.agency.canonical:
            now = _BRACKET.match(key, m.end)
        close = re.match(r"\s*+\)", key[nxt.end :]) if now and nxt.start == now.end() else None
        # one new name, not a list of the new bodies
        return AgencyMatch(m.start, nxt.end + close.end(), nxt.agency) if close else None

    return _merged_pairs(found, join)


_DESCRIBED_THEN_BRACKET = re.compile(r"(?:\s++[" + SMALL + r"]++){0,8}?\s*+\(\s*+")


def members_in_brackets(key: str, found: list[AgencyMatch]) -> list[AgencyMatch]:
    """A group followed by the bodies it is made of, in brackets, is those bodies: "Các cơ
    quan đăng ký đầu tư (Sở Tài chính, Ban Quản lý Khu kinh tế tỉnh)" is two leads. Every
    member stands at the group's place (one name standing for several bodies); a bracket
    holding anything but bodies ("(nếu có)", places, examples) leaves the group as it is."""
    ordered = sorted(found, key=lambda m: (m.start, -m.end))
    out: list[AgencyMatch] = []
    i = 0
    while i < len(ordered):
        m = ordered[i]
        opened = _DESCRIBED_THEN_BRACKET.match(key, m.end) if m.agency.kind == "group" else None
        close = key.find(")", opened.end()) if opened else -1
        inside = [
            x for x in ordered[i + 1 :] if opened and x.start >= opened.end() and x.end <= close
        ]
        if (
            close > 0
            and inside
            and "(" not in key[opened.end() : close]
            and all(x.agency.kind == "body" for x in inside)
            and _SEP_ONLY.fullmatch(blank_spans(key[opened.end() : close], inside, opened.end()))
        ):
            if _ENTERPRISES.search(fold(m.agency.as_written or m.agency.name)):
                # "Các doanh nghiệp viễn thông (Viettel, VNPT, MobiFone)": the kind is the
                # party, the bracket names examples of it
                out.append(AgencyMatch(m.start, close + 1, m.agency))
            else:
                out.extend(AgencyMatch(m.start, close + 1, x.agency) for x in inside)
            i += 1 + len(inside)
            continue
        out.append(m)
        i += 1
    return out


_SEP_ONLY = re.compile(r"(?:\s|,|;|\bvà\b)*+")
# groups of enterprises, whose bracket names some of them as examples
_ENTERPRISES = re.compile(r"(?<![\wđ])(?:doanh nghiệp|tập đoàn|tổng công ty|nhà mạng)(?![\wđ])")


def blank_spans(part: str, inside: list[AgencyMatch], offset: int = 0) -> str:
    """``part`` (which starts at ``offset`` of the text matched) with the matches blanked."""
    chars = list(part)
    for x in inside:
        for c in range(x.start - offset, x.end - offset):
            chars[c] = " "
    return "".join(chars)


_WHERE_TAIL = re.compile(
    r"\s++(?:trên|tại|ở)\s++(?:địa bàn|địa phương)(?:\s++(?:tỉnh|thành phố|xã|phường))?$"
)


def _region_tail(rules: Rules) -> re.Pattern[str]:
    """ "(vùng) Đồng bằng sông Cửu Long" after a group of places (rules data, region_names)."""
    regions = Rules.alternation(rules.region_names).replace(r"\s+", r"\s++")
    # "khu vực Bắc Bộ và Bắc Trung Bộ": two regions joined
    return re.compile(
        rf"(?:\s++(?:vùng|khu\s++vực|miền))?\s++(?:{regions})(?:\s++và\s++(?:{regions}))?(?![\wđ])"
    )


# the holders of one office in many bodies, before the bodies: "các đồng chí bí thư …",
# "các đồng chí phó bí thư thường trực …"
_THEIR_HOLDERS = re.compile(r"(?:các|những)\s++đồng\s++chí(?:\s++[^\W\d_]++){1,4}\s++$")


def _capitalised(m: re.Match[str] | None) -> re.Match[str] | None:
    """``m`` (a run of names) cut to its words in capitals: a run read by a pattern may go on
    into small letters ("đặc khu đưa chỉ tiêu …" names no zone)."""
    if m is None:
        return None
    words = list(re.finditer(r"\S+", m.group()))
    n = next((i for i, w in enumerate(words) if not w.group()[0].isupper()), len(words))
    if n == 0:
        return None
    return m.re.match(m.string, m.start(), m.start() + words[n - 1].end())  # the same, cut


def _named_tails(
    text: str,
    key: str,
    found: list[AgencyMatch],
    display: Callable[[str], str],
    rules: Rules | None = None,
) -> list[AgencyMatch]:
    """Names that go on past what the table or the group pattern read: "Ban Tổ chức tỉnh
    ủy, thành ủy" (the board of every province and city: a group), "Ủy ban nhân dân các
    xã, phường, đặc khu Cồn Cỏ" (the special zone's name), "Ủy ban nhân dân các tỉnh vùng
    Đồng bằng sông Cửu Long" (a group of places in a region)."""
    out: list[AgencyMatch] = []
    swallowed: set[int] = set()  # matches inside a region's name the group took
    for m in found:
        if id(m) in swallowed:
            continue
        written = fold(text[m.start : m.end])
        more = None
        if written.endswith("tỉnh ủy") and not written.startswith(("các", "những")):
            more = _AND_CITY_COMMITTEES.match(key, m.end)
        elif m.agency.kind == "group" and re.search(r"(?<![\wđ])đặc khu$", written):
            more = _capitalised(_PLACE_NAME.match(text, m.end))
        elif (
            rules is not None
            and m.agency.kind == "group"
            and re.search(r"(?<![\wđ])đảng bộ$", written)
            and (gap := _BEFORE_A_NAME.match(text, m.end))
        ):
            # "các cấp ủy, tổ chức đảng trong Đảng bộ Tập đoàn", "… Đảng bộ Quân sự tỉnh",
            # "… Đảng bộ Chính phủ": the Party organisation's name, read as a body's is
            end = _name_end(text, key, gap.end(), rules)
            more = _NAME_AFTER.match(text, m.end, end) if end > gap.end() else None
        elif rules is not None and m.agency.kind == "group":
            # "… các tỉnh vùng" read by the group's modifiers: the region goes on after it
            at = m.end
            cut = re.search(r"[ \t]++(?:vùng|khu\s++vực|miền)$", key[m.start : m.end])
            if cut:
                at = m.start + cut.start()
            more = derived(rules, _region_tail).match(key, at)
        inside = [o for o in found if o.start >= m.end and o.start < more.end()] if more else []
        if more is None or (
            inside and not (m.agency.kind == "group" and all(o.end <= more.end() for o in inside))
        ):
            out.append(m)
            continue
        if m.agency.kind == "group":  # "… khu vực Bắc Bộ và Bắc Trung Bộ": no body inside
            swallowed.update(id(o) for o in inside)
        full = collapse(text[m.start : more.end()])  # a group is named as printed
        if _THEIR_HOLDERS.search(key, max(0, m.start - 60), m.start):
            full = "các " + full  # "các đồng chí bí thư tỉnh ủy, thành ủy": each committee
        agency = Agency(
            display(full),
            m.agency.level,
            m.agency.province,
            "group",
            m.agency.parent,
            full,
            canonical=False,
        )
        out.append(AgencyMatch(m.start, more.end(), agency))
    return out


def _city_alias(alias: str) -> str:
    alias = alias.replace("tỉnh ủy", "thành ủy").replace("tỉnh đoàn", "thành đoàn")
    return re.sub(r"(?<![\wđ])tỉnh(?![\wđ])", "thành phố", alias)


class _Taken:
    """The characters of a text already named as a body: constant-time checks, so a line
    naming thousands of bodies is not read once per body found (quadratic)."""

    def __init__(self, n: int) -> None:
        self.occupied = bytearray(n + 1)

    def add(self, span: tuple[int, int]) -> None:
        start, end = span
        self.occupied[start:end] = b"\x01" * (end - start)

    def at(self, pos: int) -> bool:
        return bool(self.occupied[pos])

    def overlaps(self, start: int, end: int) -> bool:
        return any(self.occupied[start:end])


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

    def __init__(self, entries: list[_Entry], rules: Rules | None = None) -> None:
        self.entries = entries
        self.rules = rules or default_rules()

    @classmethod
    def load(cls, extra: str | Path | None = None) -> AgencyTable:
        data = json.loads(
            resources.files("policy_lineage.loaders")
            .joinpath("data/agencies.json")
            .read_text("utf-8")
        )
        raw = list(data["agencies"])
        for name in ("central_bodies.json", "provincial_bodies.json"):
            bundled = resources.files("policy_lineage.loaders").joinpath("data/" + name)
            if bundled.is_file():
                raw += json.loads(bundled.read_text("utf-8"))["agencies"]
        if extra:
            raw = json.loads(Path(extra).read_text("utf-8")).get("agencies", []) + raw
        return cls.from_entries(raw, load_rules(extra) if extra else None)

    @classmethod
    def from_entries(cls, raw: list[dict], rules: Rules | None = None) -> AgencyTable:
        """A table of entries shaped as in ``loaders/data/agencies.json``."""
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
        return cls(entries, rules)

    def _agency(self, entry: _Entry, province: str | None, written: str | None) -> Agency:
        name = city_form(entry.name.replace("{province}", province or "").strip(), province)
        parent = (
            city_form(entry.parent.replace("{province}", province or "").strip(), province)
            if entry.parent
            else None
        )
        prov = province if entry.level in ("province", "commune") else None
        if (
            province
            and written
            and name.endswith(" tỉnh")
            and fold(written).endswith(" " + fold(province))
            and not re.search(r"(?:tỉnh|thành phố)\s++\S+(?:\s++\S+)?$", fold(written))
        ):  # "Báo và Phát thanh, Truyền hình Nghệ An": named as printed, the place in its name
            name = f"{name[: -len(' tỉnh')]} {province}"
        return Agency(name, entry.level, prov, entry.kind, parent, written)  # type: ignore[arg-type]

    @lru_cache(maxsize=64)  # noqa: B019 - one table per process, a few provinces
    def _pattern(self, province: str | None) -> tuple[re.Pattern[str], dict[str, _Entry]]:
        """The finder of every alias (one alternation, longest first) and the alias map.

        A province's names are those of no province and its own: the finder of the names of
        no province is compiled once and shared, beside one of the province's own names
        (compiling all the names again for each province cost more than reading a
        document naming it)."""
        by_alias = self._aliases(province)
        shared = self._aliases(None) if province is not None else {}
        alts = sorted((a for a in by_alias if a not in shared), key=len, reverse=True)
        if shared and not alts:
            return self._pattern(None)[0], by_alias
        if shared and _regular(alts) and _regular(list(shared)):
            own = re.compile(rf"(?<!{_WORD})(?:{_longest_first(alts)})(?!{_WORD})")
            return _Either(self._pattern(None)[0], own), by_alias  # type: ignore[return-value]
        alts = sorted(by_alias, key=len, reverse=True)
        body = _longest_first(alts)
        pattern = re.compile(rf"(?<!{_WORD})(?:{body})(?!{_WORD})")
        return pattern, by_alias

    @lru_cache(maxsize=64)  # noqa: B019 - one table per process, a few provinces
    def _aliases(self, province: str | None) -> dict[str, _Entry]:
        """Folded alias → entry, for one province (lookups need no pattern)."""
        by_alias: dict[str, _Entry] = {}
        pfold = fold(province) if province else None
        entries = self.entries
        if province is None:  # a central text: "Mặt trận Tổ quốc" is the national body
            entries = sorted(entries, key=lambda e: e.level != "central")
        for entry in entries:
            for alias in entry.aliases:
                forms = []
                if "{province}" in alias or "{province}" in fold(alias):
                    if pfold:
                        forms.append(fold(alias.replace("{province}", province or "")))
                else:
                    forms.append(fold(alias))
                    if pfold and fold(alias).endswith(" tỉnh"):
                        forms.append(fold(alias) + " " + pfold)
                    if province not in CITIES and fold(alias).endswith(" tỉnh"):
                        # "Ủy ban nhân dân thành phố Hà Nội" in a central document: read only
                        # before a centrally governed city's name (see find)
                        forms.append(_city_alias(fold(alias)))
                if province in CITIES:
                    forms += [_city_alias(f) for f in forms]
                for form in forms:
                    by_alias.setdefault(form, entry)
        return by_alias

    @lru_cache(maxsize=1)  # noqa: B019 - one table per process
    def _city_forms(self) -> frozenset[str]:
        """Aliases read as a centrally governed city's only before its name: the city form of
        a province's body ("ủy ban nhân dân thành phố") that is no alias of its own."""
        plain = {fold(a) for e in self.entries for a in e.aliases}
        return frozenset(
            _city_alias(fold(a))
            for e in self.entries
            for a in e.aliases
            if fold(a).endswith(" tỉnh") and _city_alias(fold(a)) not in plain
        )

    def lookup(self, name: str, province: str | None = None) -> Agency | None:
        """The canonical body for a name, or None when the table does not know it."""
        entry = self._aliases(province).get(fold(name))
        return self._agency(entry, province, name) if entry else None

    def is_vague(self, agency: Agency) -> bool:
        if agency.kind == "group" and not agency.canonical:
            key = fold(agency.name)
            # where they are says nothing of who: "các lực lượng chức năng trên địa bàn"
            key = _WHERE_TAIL.sub("", key)
            if key.endswith(tuple(self.rules.vague_markers)):
                named = re.sub(r"^(?:các|những)\s+|\s+(?:có\s+)?liên quan$", "", key)
                # "các Sở Xây dựng liên quan": bodies of a name, those the work concerns
                body = self.lookup(named) if named != key else None
                return body is None or body.kind != "body"
            # only generic nouns: "các cơ quan, đơn vị, địa phương", "các bộ, ngành"
            parts = re.split(r"\s*,\s*|\s+(?:và|hoặc)\s+", re.sub(r"^(?:các|những)\s+", "", key))
            return all(p.removeprefix("các ") in self.rules.vague_nouns for p in parts if p)
        return agency.name in self._vague_names()

    @lru_cache(maxsize=64)  # noqa: B019 - one table per process, a few document tables
    def _vague_names(self) -> frozenset[str]:
        """The names of the entries marked vague (looked up for every body a task names)."""
        return frozenset(e.name for e in self.entries if e.vague)

    @remembered_finds  # the same text is searched by several extractors (loaders/memo.py)
    def find(self, text: str, province: str | None = None) -> list[AgencyMatch]:
        """Every body named in ``text`` (NFC), left to right, longest name first.

        A province named right after a body ("UBND tỉnh Lâm Đồng") is that body's
        province, whatever the document's; a commune's bodies are named with it.

        A text in capitals ("2. CÁC TỈNH ỦY, THÀNH ỦY, ĐẢNG ỦY TRỰC THUỘC TRUNG ƯƠNG") is read
        in sentence case, as it would be printed in a sentence: in capitals every word looks
        like a name's. Abbreviations keep their capitals; what was printed stays printed.
        """
        cased = _sentence_case(text, self._abbreviated(), derived(self.rules, _place_names))
        if cased is None:
            return self._find(text, province)
        found = self._find(cased, province)
        if not found and derived(self.rules, _opens_with_head).match(match_key(text)):
            if "," in text or len(text.split()) > 11:
                # "BAN XÂY DỰNG ĐẢNG CHỦ TRÌ, PHỐI HỢP …": a sentence in capitals, read as
                # printed (its verbs end the name)
                return self._find(text, province)
            # "1. PHÒNG VĂN HÓA - XÃ HỘI": a heading that is a name no table knows, read by
            # its shape with each word a capital (in capitals, "XÃ" would end it as a place)
            cased = re.sub(r"(?<![\w&])(?!và\s)[^\W\d_]", lambda m: m.group().upper(), cased)
            found = self._find(cased, province)
        out = []
        for m in found:
            written = m.agency.as_written
            at = cased.find(written, m.start) if written else -1
            if at >= 0:
                m = AgencyMatch(
                    m.start, m.end, replace(m.agency, as_written=text[at : at + len(written)])
                )
            out.append(m)
        return out

    def _abbreviated(self) -> frozenset[str]:
        """The short forms the rules write out ("ubnd", "kh&cn"), folded."""
        return derived(self.rules, _short_forms)

    def _find(self, text: str, province: str | None = None) -> list[AgencyMatch]:
        key = match_key(text)
        pattern, by_alias = self._pattern(province)
        found: list[AgencyMatch] = []
        taken = _Taken(len(key))
        hits = list(pattern.finditer(key))  # read once, walked twice
        known = [(m.start(), m.end()) for m in hits]
        found += self._named_lists(text, key, taken, province)
        found += self._learned_names(text, key, taken, province)
        found += self._groups(text, key, taken, province, known)
        found += self._bare_after_titles(text, key, taken, province, known)
        for m in _COMMUNE.finditer(key):
            if taken.at(m.start()):
                continue
            end, commune = _commune_name(text, m.end())
            head = _COMMUNE_HEADS[m.group("head")]
            if commune:
                name = f"{head} {m.group('unit')} {commune}"
            else:  # "Công an xã" inside a commune's own document
                name, end = f"{head} {m.group('unit')}", m.end()
            parent = city_form(f"Ủy ban nhân dân tỉnh {province}", province) if province else None
            agency = Agency(name, "commune", province, "body", parent, text[m.start() : end])
            found.append(AgencyMatch(m.start(), end, agency))
            taken.add((m.start(), end))
        for m in derived(self.rules, _district_pattern).finditer(key):
            # "UBND huyện Hương Sơn", "Công an thị xã Kỳ Anh" (before 1/7/2025): the district's
            # body, as its name written out is read by its shape
            end, district = _commune_name(text, m.end())
            if taken.at(m.start()) or not district:
                continue
            name = f"{_COMMUNE_HEADS[m.group('head')]} {m.group('unit')} {district}"
            agency = Agency(name, "unknown", province, "body", None, text[m.start() : end], False)
            found.append(AgencyMatch(m.start(), end, agency))
            taken.add((m.start(), end))
        compounds = derived(self.rules, _compound_ends)
        for m in hits:
            if taken.overlaps(m.start(), m.end()):
                continue
            head_end = key.find(" ", m.start(), m.end())
            if text[m.start() : m.start() + 1].islower() and compounds.search(
                key[max(0, m.start() - 12) : head_end if head_end > 0 else m.end()]
            ):
                continue  # "cán bộ y tế", "cơ sở y tế": a word ending in the head, no body
            alias = re.sub(r"\s+", " ", m.group())
            entry = by_alias[alias]
            end = m.end()
            prov = province
            named = _PROVINCE_AFTER.match(key, end) if "{province}" in entry.name else None
            if (
                province not in CITIES
                and alias in self._city_forms()
                and not (named and named.group(1) in _CITY_KEYS)
            ):
                continue  # "Ủy ban nhân dân thành phố Vinh": a city of a province, not the table's
            if named and not fold(m.group()).endswith(named.group(1)):
                prov = next(p for p in PROVINCE_NAMES if fold(p) == named.group(1))
                end = named.end()
            agency = self._agency(entry, prov, text[m.start() : end])
            if entry.level == "province" and entry.kind == "body" and not named:
                agency, end = self._placed(
                    entry, agency, text, key, m.start(), end, province, taken
                )
            branch = (
                _PROVINCE_AFTER.match(key, end)
                if agency.level == "central"
                and agency.kind == "body"
                and re.search(r"(?:tập đoàn|tổng công ty)", fold(agency.name))
                and not re.search(r"\s", m.group().strip())  # a brand: "Viettel", "VNPT"
                else None
            )
            if branch and not taken.overlaps(end, branch.end()):
                # "Viettel Bắc Ninh", "VNPT Bắc Ninh": the corporation's branch in the province
                end = branch.end()
                written = collapse(text[m.start() : end])
                place = next(p for p in PROVINCE_NAMES if fold(p) == branch.group(1))
                agency = Agency(
                    written, "province", place, "body", agency.name, written, canonical=False
                )
                found.append(AgencyMatch(m.start(), end, agency))
                taken.add((m.start(), end))
                continue
            every = _EVERY_REGION.match(key, end)
            if every and not taken.overlaps(end, every.end()):
                # "Viện kiểm sát nhân dân các khu vực": every regional office, a group
                end = every.end()
                written = collapse(text[m.start() : end])
                agency = Agency(
                    self.display_name(written), "unknown", province, "group", agency.name,
                    written, canonical=False,
                )  # fmt: skip
                found.append(AgencyMatch(m.start(), end, agency))
                taken.add((m.start(), end))
                continue
            region = _REGION.match(key, end) or self._regions(key, end)
            if region and not taken.overlaps(end, region.end()):
                # "Kho bạc Nhà nước khu vực XI": the regional office, not the national body
                end = region.end()
                written = collapse(text[m.start() : end])
                agency = Agency(
                    self.display_name(written),  # as printed: "Kho bạc Nhà nước khu vực XI"
                    "unknown",
                    province,
                    "body",
                    agency.name,
                    written,
                    canonical=False,
                )
            found.append(AgencyMatch(m.start(), end, agency))
            taken.add((m.start(), end))
        shaped = self._shaped_bodies(text, key, taken, province, known)
        shaped += self._bare_heads_after_titles(text, key, taken, province)
        found = _inside_dropped(found + shaped, shaped)
        found = self._with_places(text, key, found, province)
        found = self._with_kinds_of_places(text, key, found, province)
        found = self._titled_groups(text, key, found, province)
        found = _groups_of_a_body(text, key, found)
        found = _shared_places(text, key, found)
        found = _named_tails(text, key, found, self.display_name, self.rules)
        found = self._each_commune(text, key, self._each_place(text, key, found))
        found = self._more_places(text, key, found)
        found = self._council_organs(text, key, found, province)
        found = self._up_to_short_name(text, key, found, province)
        found = self._elided_heads(text, key, found, province)
        found = self._organs_of_a_group(text, found, province)
        found = self._holders_committee(text, key, found, province)
        found = _standing_organs(text, key, found)
        found = _village_heads(text, key, found, province, self.rules)
        found = self._plural_of_a_kind(text, key, found, province)
        return self._coordinate_names(text, key, found, province)

    def _bare_heads_after_titles(
        self, text: str, key: str, taken: _Taken, province: str | None
    ) -> list[AgencyMatch]:
        """ "Giám đốc Sở chỉ đạo …", "Đồng chí Phó Giám đốc Sở Vũ Thị Lan …", "Bí thư Đảng
        ủy chủ trì …": an office holder of a body written by its head word alone (the
        issuer's own body: see pipeline._own_head), before a word in small letters, a mark or
        the holder's name."""
        out: list[AgencyMatch] = []
        titles = self._shape_patterns()[2]
        for t in titles.finditer(key):
            head = _BARE_HEAD.match(text, t.end())
            if (
                head is None
                or taken.overlaps(head.start(1), head.end(1))
                or titles.match(key, head.start(1))  # "đồng chí Bộ trưởng …": a title
            ):
                continue
            start, end = head.start(1), head.end(1)
            after = text[end : end + 60]
            if after[:1].isalnum() or after[:1] == "-":
                continue
            nxt = after.split()[:5]
            if nxt and nxt[0][:1].isupper() and not _a_persons_name(nxt, self.rules):
                continue  # "Giám đốc Sở Nội vụ": a body with its name
            agency = Agency(
                text[start:end], "unknown", province, "body", None, text[start:end], False
            )
            out.append(AgencyMatch(start, end, agency))
            taken.add((start, end))
        return out

    def _plural_of_a_kind(
        self, text: str, key: str, found: list[AgencyMatch], province: str | None
    ) -> list[AgencyMatch]:
        """ "các Chi cục Thuế khu vực", "các Trường Chính trị": "các" before a body named by
        its shape (or a regional office of one the table knows) is every body of that kind,
        a group as printed; a body the table knows by name ("các Bộ Công an, Quốc phòng") is
        left as it is."""
        out: list[AgencyMatch] = []
        starts = {m.start for m in found}
        for m in found:
            before = _PLURAL_BEFORE.search(key, max(0, m.start - 8), m.start)
            a = m.agency
            if before is None or not text[m.start : m.start + 1].isupper():
                out.append(m)
                continue
            listed = _NUMERALS_LISTED.search(text, m.start, m.end)
            if listed is not None:  # "Các Chi cục Thuế khu vực I, II, III, …, XX": every one
                name_end = listed.start()
            elif (
                a.kind == "body"
                and not a.canonical
                # "các Khu Quản lý đường bộ III và IV": numbered bodies, each one
                and not _ENDS_NUMBERED.search(text, m.start, m.end)
                and before.start() not in starts
                and not any(x.start < m.start < x.end for x in found if x is not m)
            ):
                name_end = m.end
            else:
                out.append(m)
                continue
            written = collapse(text[before.start() : m.end])
            name = self.display_name(collapse(text[before.start() : name_end]))
            group = Agency(name, "unknown", a.province, "group", a.parent or a.name, written, False)
            out.append(AgencyMatch(before.start(), m.end, group))
        return out

    def _holders_committee(
        self, text: str, key: str, found: list[AgencyMatch], province: str | None
    ) -> list[AgencyMatch]:
        """ "Phó Bí thư Thường trực Thành ủy", "Phó Chủ tịch Thường trực Hội đồng nhân dân
        tỉnh": "Thường trực" is part of the holder's title, so the holder stands for the
        committee or council, not its standing organ."""
        out: list[AgencyMatch] = []
        for m in found:
            organ = _STANDING_ORGAN.match(key, m.start)
            if organ and re.search(
                r"(?:bí\s++thư|chủ\s++tịch)\s++$", key[max(0, m.start - 12) : m.start]
            ):
                rest = " ".join(text[organ.end() : m.end].split())
                committee = self.lookup(rest, province) if rest else None
                if committee is not None:
                    m = AgencyMatch(organ.end(), m.end, replace(committee, as_written=rest))
            out.append(m)
        return out

    @lru_cache(maxsize=8)  # noqa: B019 - one table per process
    def _titled_bare(self) -> re.Pattern[str]:
        r = self.rules
        nouns = rf"(?:{r.alternation(r.group_nouns)})(?!{_WORD})"
        return re.compile(
            rf"(?<!{_WORD})(?:{r.alternation(r.group_head_titles) or '(?!)'})[ \t]++"
            rf"(?P<nouns>{nouns}(?:[ \t]*+,[ \t]*+(?:và[ \t]++)?{nouns}|[ \t]++và[ \t]++{nouns})*+)"
            rf"(?P<quals>(?:[ \t]++(?:{r.alternation(r.group_qualifiers)})(?!{_WORD}))*+)"
        )

    def _bare_after_titles(
        self,
        text: str,
        key: str,
        taken: _Taken,
        province: str | None,
        known: list[tuple[int, int]],
    ) -> list[AgencyMatch]:
        """ "Thủ trưởng cơ quan, đơn vị chỉ đạo …", "Người đứng đầu cơ quan, tổ chức đảng chịu
        trách nhiệm …": the heads of a group of bodies written without "các" stand for the
        group, as printed ("Cơ quan, đơn vị"). Words in lower case only: "Giám đốc Sở Tài
        chính" is the department the table knows."""
        out: list[AgencyMatch] = []
        for m in self._titled_bare().finditer(key):
            start, end = m.start("nouns"), m.end()
            after = re.match(r"[ \t]++(\S+)", key[end : end + 30])
            if (
                not text[start : start + 1].islower()
                # the group's name ends before a verb or a mark: not "cấp ủy viên", not
                # "cơ quan Tỉnh ủy"
                or after is not None
                and after.group(1).rstrip(",;:.") not in self.rules.name_stop_words
                or taken.overlaps(start, end)
                or any(k < end and start < e for k, e in known)
            ):
                continue
            written = " ".join(text[start:end].split())
            listed = self.lookup(written, province)
            agency = (
                replace(listed, as_written=written)
                if listed is not None
                else self._printed(written, province, "group")
            )
            out.append(AgencyMatch(start, end, agency))
            taken.add((start, end))
        return out

    def _up_to_short_name(
        self, text: str, key: str, found: list[AgencyMatch], province: str | None
    ) -> list[AgencyMatch]:
        """ "Ban Chỉ đạo quốc gia chống buôn lậu, gian lận thương mại và hàng giả (Ban Chỉ đạo
        389 quốc gia)": a name no table knows, read up to a comma, goes on to the short name
        in brackets that repeats its head word. Only lower-case words, commas and "và" may
        stand between them, and no other body."""
        out: list[AgencyMatch] = []
        starts = sorted(m.start for m in found)
        for m in found:
            agency = m.agency
            tail = _BEFORE_SHORT.match(text, m.end) if agency.kind == "body" else None
            if tail is None or agency.canonical or any(c.isupper() for c in tail.group("words")):
                out.append(m)
                continue
            name = fold(agency.name)
            head = max(
                (h for h in self.rules.body_heads if name.startswith(h + " ")), key=len, default=""
            )
            short = fold(tail.group("short"))
            at = bisect_left(starts, m.end + 1)
            if (
                not head
                or not short.startswith(head + " ")
                or (at < len(starts) and starts[at] < tail.start("short"))
            ):
                out.append(m)
                continue
            end = m.end + len(tail.group("words").rstrip())
            out.append(
                AgencyMatch(m.start, end, self._printed(text[m.start : end], province, "body"))
            )
        return out

    @lru_cache(maxsize=8)  # noqa: B019 - one table per process
    def _head_set(self) -> frozenset[str]:
        return frozenset(self.rules.body_heads)

    @lru_cache(maxsize=8)  # noqa: B019 - one table per process
    def _place_words(self) -> frozenset[str]:
        r = self.rules
        return frozenset(
            (*r.commune_units, *r.village_units, *r.district_units, "tỉnh", "thành", "cấp", "các")
        )

    def _elided_heads(
        self, text: str, key: str, found: list[AgencyMatch], province: str | None
    ) -> list[AgencyMatch]:
        """A list that writes its head once: "Bộ Công an, Quốc phòng, Tài chính" and "các Bộ
        Tài chính, Công Thương" are each ministry, "Sở Y tế, Giáo dục và Đào tạo" each
        department (``elided_heads`` in the rules). A capitalised name after the body is one
        of them only when the table knows it with the head; the list ends at the first that
        is not. ("các Sở Tài chính, Xây dựng" in a central text is every province's
        departments of that name, a group: left as read.)"""
        heads = sorted(self.rules.elided_heads, key=len, reverse=True)
        if not heads or len(found) == 0:
            return found
        starts = sorted(m.start for m in found)
        out: list[AgencyMatch] = []
        for m in found:
            sep = _LIST_SEP.match(text, m.end)
            if sep is None or not text[sep.end() : sep.end() + 1].isupper():
                out.append(m)  # no capitalised name after it: no list
                continue
            agency = m.agency
            low = key[m.start : m.end]
            opener = re.match(r"(?:các|những)\s++", low)
            if agency.kind == "group" and opener:
                rest = text[m.start + opener.end() : m.end]
                head = next((h for h in heads if fold(rest).startswith(h + " ")), None)
                first = self.lookup(rest, province) if head and head != "sở" else None
                if first is None or first.kind != "body":
                    out.append(m)
                    continue
                agency = replace(first, as_written=" ".join(rest.split()))
            elif agency.kind == "body":
                name = fold(agency.name)
                head = next((h for h in heads if name.startswith(h + " ")), None)
                longest = max(
                    (h for h in self.rules.body_heads if name.startswith(h + " ")),
                    key=len,
                    default=None,
                )
                if (
                    head is None
                    or longest != head
                    or not agency.name[len(head) + 1 :][:1].isupper()
                ):
                    # "Bộ đội Biên phòng", "Bộ Chỉ huy Quân sự tỉnh": another head
                    out.append(m)
                    continue
            else:
                out.append(m)
                continue
            word = agency.name[: len(head)]  # the head as the table writes it ("Bộ")
            items: list[AgencyMatch] = []
            pos = m.end
            while (sep := _LIST_SEP.match(text, pos)) and text[sep.end() : sep.end() + 1].isupper():
                at = sep.end()
                limit = (
                    starts[bisect_left(starts, at)]
                    if bisect_left(starts, at) < len(starts)
                    else len(text)
                )
                words = list(_ITEM_WORD.finditer(text, at, min(len(text), at + 90)))
                hit = None
                for n in range(min(7, len(words)), 0, -1):
                    stop = words[n - 1].end()
                    if stop > limit and limit > at:
                        continue  # another body named there: the list has ended
                    if re.search(r"[,;:.()]", text[at:stop]):
                        continue
                    after = _ITEM_WORD.match(key, stop + 1) if key[stop : stop + 1] == " " else None
                    if after and after.group() in self._place_words():
                        continue  # "…, Công an tỉnh": a body of the place, not "Bộ Công an"
                    body = self.lookup(f"{word} {text[at:stop]}", province)
                    if body is not None and body.kind == "body":
                        hit = (stop, body)
                        break
                if hit is None:
                    break
                stop, body = hit
                written = " ".join(text[at:stop].split())
                items.append(AgencyMatch(at, stop, replace(body, as_written=written)))
                pos = stop
            if not items:
                out.append(m)
                continue
            out.append(AgencyMatch(m.start, m.end, agency))
            out.extend(items)
        out.sort(key=lambda x: (x.start, -x.end))
        return out

    def _organs_of_a_group(
        self, text: str, found: list[AgencyMatch], province: str | None
    ) -> list[AgencyMatch]:
        """ "Ủy ban kiểm tra đảng ủy xã, phường, đặc khu", "Văn phòng đảng ủy xã, phường": the
        organ of each committee the group names, one group (read as a body of one commune
        and, overlapping it, the group of committees)."""
        out: list[AgencyMatch] = []
        for m in found:
            prev = out[-1] if out else None
            if (
                prev is not None
                and m.agency.kind == "group"
                and prev.agency.kind == "body"
                and prev.start < m.start < prev.end < m.end
                and prev.agency.level == "commune"
            ):
                written = text[prev.start : m.end]
                out[-1] = AgencyMatch(prev.start, m.end, self._printed(written, province, "group"))
                continue
            out.append(m)
        return out

    def _coordinate_names(
        self, text: str, key: str, found: list[AgencyMatch], province: str | None
    ) -> list[AgencyMatch]:
        """ "Cục Đổi mới sáng tạo, Chuyển đổi xanh và Khuyến công": a body's name that goes on
        after a comma with capitalised fields, the last joined by "và" (the shape of an
        official name, "A, B và C"), is one body, even where the table knows a shorter name
        that ends at the comma. Not when a head word, a body the text names, or a name
        a list writes without its head (:meth:`_elided_heads`) stands after the comma."""
        if "," not in text:
            return found
        starts = sorted(m.start for m in found)
        out: list[AgencyMatch] = []
        for m in found:
            sep = _COORDINATE.match(text, m.end) if m.agency.kind == "body" else None
            if (
                sep is None
                or _starts_head(key, sep.end(), self._head_set())
                # "Ủy ban nhân dân xã Krong, Kon Chiêng … và An Toàn": a list of places
                or derived(self.rules, _named_place).search(text, m.start, m.end)
            ):
                out.append(m)
                continue
            end = _name_end(text, key, sep.end(), self.rules, set(starts))
            words = text[sep.end() : end]
            at = bisect_left(starts, m.end)
            if (
                not re.search(
                    r"[ \t]và[ \t]++[" + CAPITALS + r"]",
                    words,
                )
                or (at < len(starts) and starts[at] < end)
                or self.lookup(text[m.start : end], province) is not None
            ):
                out.append(m)
                continue
            out.append(
                AgencyMatch(m.start, end, self._printed(text[m.start : end], province, "body"))
            )
        return out

    # ---------------------------------------------------------------- by shape
    @lru_cache(maxsize=8)  # noqa: B019 - one table per process
    def _shape_patterns(
        self,
    ) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
        r = self.rules
        # "Tổ Văn phòng", "Tổ Toán - Tin", not "Tổ chức", "Tổ quốc"
        heads = re.compile(
            rf"(?<!{_WORD})(?:{r.alternation(r.body_heads)})"
            r"(?!(?<=tổ)\s++(?:chức|quốc)(?![\wđ]))\s++(?=[^\s])"
        )
        nouns = r.alternation(r.group_nouns)
        quals = r.alternation(r.group_qualifiers)
        noun_item = rf"(?:các\s++)?(?:{nouns})(?!{_WORD})"
        group = re.compile(
            rf"(?<!{_WORD})(?:(?P<prefix>{r.alternation(r.group_prefixes)})\s++)?"
            # "Ủy ban nhân dân 21 tỉnh, thành phố ven biển": a count after a prefix
            rf"(?:các|những|toàn thể|(?(prefix)\d{{1,3}}|(?!)))\s++(?P<nouns>{noun_item}"
            # "Ủy ban nhân dân các xã, phường và các chủ đầu tư": a body's groups end
            # where another "các …" begins
            rf"(?:\s*+(?:,\s*+(?:và\s++)?|và\s++|hoặc\s++)(?(prefix)(?!các\s)|)(?:{noun_item}))*+)"
            # not the place of "Tỉnh ủy": "các cơ quan tham mưu, giúp việc Tỉnh ủy"
            rf"(?P<quals>(?:\s++(?:{quals})(?!{_WORD})(?!\s++(?:ủy|uỷ)(?!{_WORD})))*+)"
        )
        places = rf"(?:{commune_unit()}|{r.alternation(r.province_units)}|{r.alternation(r.district_units)})"
        local = re.compile(
            rf"(?<!{_WORD})(?P<prefix>{r.alternation(r.group_prefixes)})\s++"
            rf"(?:{places}(?:\s*+,\s*+|\s++và\s++){places}(?:(?:\s*+,\s*+|\s++và\s++){places})*+"
            rf"|cấp\s++(?:xã|tỉnh|huyện|cơ sở)|các cấp)(?!{_WORD})"
            rf"(?P<quals>(?:\s++(?:{quals})(?!{_WORD}))*+)"
        )
        # an officer's rank is blanked as a title is: "Giao đồng chí Đại tá Phan Văn Lực, …"
        titles = re.compile(
            rf"(?<!{_WORD})(?:{r.alternation((*r.office_titles, *r.ranks))})(?!{_WORD})"
        )
        named = re.compile(
            rf"(?<!{_WORD})(?:các|những)\s++(?P<head>{r.alternation(r.body_heads)})"
            rf"(?:\s*+,\s*+(?:{nouns}))*+(?:\s++(?:có\s++)?liên\s++quan)?\s*+:\s*+(?=[^\W_])"
        )
        units = r.alternation((*r.commune_units, *r.village_units))
        # "Văn phòng cấp ủy tham mưu …": a body named by its role stands alone (the local
        # pattern above takes it first when a level follows: "Văn phòng cấp ủy các cấp")
        role = (
            rf"|(?<!{_WORD})(?:{r.alternation(r.role_bodies)})(?!{_WORD})(?!\s++viên(?!{_WORD}))"
            # "Tổ kiểm toán số 1", "Đoàn kiểm tra số 2": one team of several
            rf"(?:\s++số\s++\d{{1,3}}(?!{_WORD}))?"
            # "Chi bộ thôn, tổ dân phố": of the places it names
            rf"(?:\s++(?:{units})(?!{_WORD})(?:(?:\s*+,\s*+|\s++và\s++)(?:{units})(?!{_WORD}))*+)?"
            # "Cấp ủy, tổ chức đảng các cấp": with the groups listed after it
            rf"(?:\s*+(?:,\s*+(?:và\s++)?|và\s++|hoặc\s++)"
            rf"(?:(?:{r.alternation(r.role_bodies)})(?!{_WORD})|{noun_item}))*+"
            rf"(?P<rquals>(?:\s++(?:{quals})(?!{_WORD}))*+)"
            if r.role_bodies
            else ""
        )
        local = re.compile(local.pattern + role) if role else local
        return heads, group, titles, local, named

    def _each_place(self, text: str, key: str, found: list[AgencyMatch]) -> list[AgencyMatch]:
        """ "Ủy ban nhân dân các tỉnh: Gia Lai, Đắk Lắk và Lâm Đồng" is the people's committee
        of each; "Tỉnh ủy và Ủy ban nhân dân các tỉnh: …" too, for the body joined by "và"."""
        out: list[AgencyMatch] = []
        for m in found:
            head = re.match(
                r"(.+?)\s+các\s+(?:tỉnh|thành phố)(?:\s*,\s*thành phố)?$",
                fold(m.agency.as_written or ""),
            )
            written = fold(m.agency.as_written or "")
            # "các tỉnh ủy Gia Lai, Lạng Sơn": the Party committee of each
            party = re.fullmatch(r"các\s+(?:tỉnh ủy|thành ủy)(?:\s*,\s*thành ủy)?", written)
            bare = _BARE_PLACES.fullmatch(written) if not (head or party) else None
            if (
                bare
                and written.endswith("địa phương")
                and not key[m.end :].lstrip().startswith(":")
            ):
                bare = None  # "các địa phương Đồng Nai …" is not a list of places
            listed = (
                _PLACE_LIST.match(key, m.end)
                if (head or bare or party) and m.agency.kind == "group"
                else None
            )
            if not listed:
                out.append(m)
                continue
            places = [
                next(p for p in PROVINCE_NAMES if fold(p) == name)
                for name in re.findall(_PROVINCE_ALT, listed.group("list"))
            ]
            prefixes = [
                (m.agency.as_written or "")[: len(head.group(1))] if head else "Ủy ban nhân dân"
            ]
            prev = out[-1] if out else None
            first = m.start
            if (
                prev is not None
                and re.fullmatch(r"\s*+và\s*+", self.blank_titles(key[prev.end : m.start]))
                and prev.agency.level == "province"
                # "Ủy ban nhân dân thành phố Hà Nội và …" names its own place
                and fold(prev.agency.province or "~") not in fold(prev.agency.as_written or "")
            ):
                out.pop()  # "Tỉnh ủy và …": the same places
                first = prev.start
                base = re.sub(
                    r"\s+" + re.escape(prev.agency.province or "~") + r"$", "", prev.agency.name
                )
                prefixes.insert(0, base)
            for prefix in prefixes:
                for place in places:
                    unit = "thành phố" if place in CITIES else "tỉnh"
                    name = (
                        prefix
                        if re.search(r"(?i:tỉnh ủy|thành ủy)$", prefix)
                        else f"{prefix} {unit}"
                    )
                    if party:
                        name = "Thành ủy" if place in CITIES else "Tỉnh ủy"
                    written = f"{name} {place}"
                    agency = self.known_or_printed(written, place, level="province")
                    if fold(place) not in fold(agency.name):
                        # "Công an các tỉnh Lào Cai, …": each body shown with its place (its
                        # name, with its province, still says which body it is)
                        agency = replace(agency, placed=f"{agency.name} {place}")
                    out.append(AgencyMatch(first, listed.end(), agency))
        return out

    def _regions(self, key: str, end: int) -> re.Match[str] | None:
        """ "Kho bạc Nhà nước khu vực thực hiện …": the regional offices, unnumbered (the
        next word a verb's or the phrase ended; "khu vực biên giới" is a place)."""
        bare = _BARE_REGION.match(key, end)
        if bare is None:
            return None
        rest = key[bare.end() : bare.end() + 40].lstrip()
        if rest[:1] in (",", ";", ".", ""):
            return bare  # the phrase ends: "… và Kho bạc Nhà nước khu vực."
        return bare if derived(self.rules, work_opening).match(rest) else None

    def _placed(
        self,
        entry: _Entry,
        agency: Agency,
        text: str,
        key: str,
        start: int,
        end: int,
        province: str | None,
        taken: _Taken,
    ) -> tuple[Agency, int]:
        """A provincial body the table names without a province, printed with one that is not
        the document's ("Sở Xây dựng tỉnh Lâm Đồng" in a ministry's telegram): that
        province's body, shown with its place (``placed``), and where its name ends."""
        after = _PLACE_AFTER.match(key, end)
        if after is None or taken.overlaps(end, after.end()):
            return agency, end
        place = next(p for p in PROVINCE_NAMES if fold(p) == after.group("name"))
        if place == province:
            return agency, end
        body = self._agency(entry, place, None)
        written = collapse(text[start : after.end()])
        return replace(body, as_written=written, placed=_with_place(body.name, place)), after.end()

    def _more_places(self, text: str, key: str, found: list[AgencyMatch]) -> list[AgencyMatch]:
        """ "Ủy ban nhân dân tỉnh Đồng Nai, Thành phố Hồ Chí Minh và tỉnh Bình Dương", "Ủy ban
        nhân dân tỉnh Gia Lai, Đắk Lắk": the body named with its province is the same body of
        each province named after it (with its unit word or without, then in capitals)."""
        out: list[AgencyMatch] = []
        for i, m in enumerate(found):
            out.append(m)
            a = m.agency
            shown = a.shown
            base = re.fullmatch(
                rf"(?P<base>.+?)\s+(?:tỉnh|thành phố)\s+(?:{_PROVINCE_ALT})", fold(shown)
            )
            if not base or a.kind != "body" or a.level != "province":
                continue
            head = shown[: len(base.group("base"))]
            pos, nxt = m.end, found[i + 1].start if i + 1 < len(found) else len(key)
            while (
                (more := _MORE_PLACE.match(key, pos))
                and more.end() <= nxt
                and (
                    more.group("unit")
                    or text[more.start("name") : more.start("name") + 1].isupper()
                )
            ):
                place = next(p for p in PROVINCE_NAMES if fold(p) == more.group("name"))
                unit = "thành phố" if place in CITIES else "tỉnh"
                same = self.lookup(a.name, place) if a.placed else None
                agency = (
                    replace(
                        same,
                        as_written=f"{head} {unit} {place}",
                        placed=_with_place(same.name, place),
                    )
                    if same is not None  # "Công an tỉnh Lạng Sơn và tỉnh Cao Bằng"
                    else self.known_or_printed(f"{head} {unit} {place}", place, level="province")
                )
                at = more.start("unit") if more.group("unit") else more.start("name")
                out.append(AgencyMatch(at, more.end(), agency))
                pos = more.end()
        return out

    def _each_commune(self, text: str, key: str, found: list[AgencyMatch]) -> list[AgencyMatch]:
        """ "Ủy ban nhân dân các xã Bình Khê, Tây Sơn và phường An Nhơn Tây" is the people's
        committee of each commune named (names in capitals after the group; a unit word
        before a name changes the unit)."""
        out: list[AgencyMatch] = []
        for m in found:
            written = " ".join((m.agency.as_written or "").split())
            head = _COMMUNES_GROUP.fullmatch(fold(written)) if m.agency.kind == "group" else None
            names = _commune_names(text, m.end) if head else []
            if len(names) < 2:
                out.append(m)
                continue
            prefix = written[: len(head.group("prefix"))]  # type: ignore[union-attr]
            unit = "phường" if head.group("unit") == "phường" else "xã"  # type: ignore[union-attr]
            for named_unit, name, end in names:
                unit = named_unit or unit
                agency = self.known_or_printed(
                    f"{prefix} {unit} {name}", m.agency.province, level="commune"
                )
                out.append(AgencyMatch(m.start, end, agency))
        return out

    def _council_organs(
        self, text: str, key: str, found: list[AgencyMatch], province: str | None
    ) -> list[AgencyMatch]:
        """ "Thường trực Hội đồng nhân dân, các Ban của Hội đồng nhân dân, các Tổ đại biểu và
        đại biểu Hội đồng nhân dân tỉnh": a council's organs as the law lists them, each of
        the council named last (its place written once, at the end)."""
        # most texts name no council's organs: a substring test before the pattern (every
        # text the extractors ask about passes here)
        m = _COUNCIL_ORGANS.search(key) if "các tổ đại biểu" in key else None
        if m is None:
            return found
        council = " ".join(text[m.start("council") : m.end("council")].split())
        council = self.display_name(council)
        council = council[0].upper() + council[1:]
        names = [
            f"Thường trực {council}",
            f"Các Ban của {council}",
            f"Các Tổ đại biểu {council}",
            f"Đại biểu {council}",
        ]
        kept = [a for a in found if a.end <= m.start() or a.start >= m.end()]
        organs = [
            AgencyMatch(m.start(), m.end(), self._printed(n, province, "group" if i else "body"))
            for i, n in enumerate(names)
        ]
        return sorted([*kept, *organs], key=lambda a: a.start)

    def _titled_groups(
        self, text: str, key: str, found: list[AgencyMatch], province: str | None
    ) -> list[AgencyMatch]:
        """Groups named one after another through their heads' titles are one group:
        "Giám đốc các sở, Thủ trưởng các ban, ngành" is "Các sở, ban, ngành"."""
        if sum(1 for m in found if m.agency.kind == "group") < 2:
            return found
        blank = None
        out: list[AgencyMatch] = []
        for m in found:
            prev = out[-1] if out else None
            if prev is not None and prev.agency.kind == "group" and m.agency.kind == "group":
                blank = blank if blank is not None else self.blank_titles(key)
                gap = key[prev.end : m.start]
                if (
                    re.fullmatch(r"\s*+,\s*+", blank[prev.end : m.start])
                    and gap.strip(" ,")  # a title stood between them
                    and re.match(r"(?:các|những)\s", key[m.start : m.end])
                    # not "Chủ tịch Ủy ban nhân dân các tỉnh, Giám đốc các sở": two groups
                    and re.match(r"(?:các|những)\s", key[prev.start : prev.end])
                ):
                    first = " ".join(text[prev.start : prev.end].split())
                    second = re.sub(r"^\S+\s+", "", " ".join(text[m.start : m.end].split()))
                    written = f"{first}, {second}"
                    listed = self.lookup(written, province)
                    agency = (
                        replace(listed, as_written=written)
                        if listed is not None
                        else Agency(
                            self.display_name(written),
                            "unknown",
                            province,
                            "group",
                            None,
                            written,
                            canonical=False,
                        )
                    )
                    out[-1] = AgencyMatch(prev.start, m.end, agency)
                    continue
            out.append(m)
        return out

    def known_or_printed(
        self,
        written: str,
        province: str | None,
        kind: str = "body",
        parent: str | None = None,
        level: str = "unknown",
    ) -> Agency:
        """The body a table knows by ``written``, else one named as printed, not canonical."""
        return self.lookup(written, province) or Agency(
            self.display_name(written),
            level,
            province,
            kind,
            parent,
            written,
            canonical=False,  # type: ignore[arg-type]
        )

    def display_name(self, written: str) -> str:
        """A name as printed, abbreviations written out, first letter capital ("UBND cấp xã"
        → "Ủy ban nhân dân cấp xã"; a name in capitals → sentence case)."""
        name = re.sub(r"\s++(?=[,;])", "", " ".join(written.split()))  # "tổ chức đảng , …"
        if name.isupper():
            name = name.capitalize()
        for short, full in (*self.rules.abbreviations, *self.rules.name_spellings):
            name = re.sub(rf"(?<!{_WORD})(?i:{re.escape(short)})(?!{_WORD})", full, name)
        return name[:1].upper() + name[1:]

    def blank_titles(self, key: str) -> str:
        """``key`` with office holders' titles as spaces ("Giám đốc Sở X" reads "Sở X")."""
        titles = self._shape_patterns()[2]
        return titles.sub(lambda m: " " * len(m.group()), key)

    def _groups(
        self,
        text: str,
        key: str,
        taken: _Taken,
        province: str | None,
        known: list[tuple[int, int]] = (),  # type: ignore[assignment]
    ) -> list[AgencyMatch]:
        """Groups of bodies: "các sở, ban, ngành", "Ủy ban nhân dân các xã, phường",
        "các doanh nghiệp viễn thông"; canonical when the table knows them, else as printed."""
        heads, group, _, local, _ = self._shape_patterns()
        starts = [k for k, _ in known]
        out: list[AgencyMatch] = []
        hits = sorted(
            [*group.finditer(key), *local.finditer(key)], key=lambda m: (m.start(), -m.end())
        )
        for m in hits:
            start, end = m.start(), m.end()
            if taken.overlaps(start, end):
                continue
            if m.group("quals") and "nouns" in m.groupdict():
                # "các bộ, cơ quan trung ương và địa phương": nouns after a qualifier
                while (
                    (more := derived(self.rules, _qualified_more).match(key, end))
                    and not (
                        text[more.start("noun")].isupper()  # "…, Đảng ủy Mặt trận …": a body
                        or re.match(
                            r"[ \t]++[" + CAPITALS + r"]",
                            text[more.end() : more.end() + 3],
                        )
                    )
                ):  # "…, lực lượng Công an xã": a body the noun opens
                    end = more.end()
            parts: list[tuple[int, int]] = []  # the same noun repeated: a group of each
            if (
                "rquals" in m.groupdict()
                and m.group("rquals") is not None
                and re.match(
                    r"\s++[" + CAPITALS + r"]",
                    text[end : end + 3],
                )
            ):
                continue  # "Chi bộ Công an phường": the cell of a named body
            # a noun may carry its modifiers: "các doanh nghiệp viễn thông"
            if not m.group("quals") and "nouns" in m.groupdict():
                governed = bool(_GOVERNS.search(key[max(0, start - 24) : start]))
                listed = bool(re.search(r",|\svà\s", m.group("nouns")))
                if (
                    not listed
                    and text[m.start("nouns") : m.start("nouns") + 1].isupper()
                    and fold(m.group("nouns").strip()) in self.rules.body_heads
                    and _CAPITAL_AFTER.match(text, m.end("nouns"))
                    and m.start("nouns") not in starts  # "các Sở Y tế, …": the table's
                ):
                    # "Các Ban Chỉ huy Phòng thủ khu vực": every body of a kind named by its
                    # shape (_plural_of_a_kind), not the group "các ban" and a word of the name
                    continue
                modified = _modifiers_end(text, key, end, self.rules, governed, listed)
                if not listed and _school_levels(key, modified, self.rules) == modified:
                    # (the levels of schools listed after the first are read below)
                    modified = _second_modifier(text, key, modified, self.rules, governed)
                if modified > end and (where := _ON_THE_TERRITORY.match(key, modified)):
                    modified = where.end()  # "các đơn vị cấp nước sạch trên địa bàn thành phố"
                end = _more_units(key, modified, self.rules)
                end = _with_relative(key, end, self.rules)
                end = _school_levels(key, end, self.rules)
                end = self._group_of_named(text, key, m, end, known)
                repeats = _repeated_noun(text, key, m, end, self.rules, governed)
                if repeats:  # "các doanh nghiệp viễn thông, doanh nghiệp công nghệ số"
                    parts, end = repeats, repeats[-1][1]
                elif modified > m.end("nouns"):
                    # "các cơ quan hành chính, đơn vị sự nghiệp sử dụng ngân sách nhà nước":
                    # a noun with its modifiers, then other nouns of the group with theirs
                    end = _other_nouns(text, key, end, self.rules, governed)
            end = _where_clause(key, end, self.rules)  # "Cấp ủy cấp xã nơi có trụ sở …"
            end = _from_to(key, end)  # "… các tỉnh từ Hà Tĩnh đến Khánh Hòa"
            end = _more_committees(key, end)  # "các văn phòng tỉnh ủy, thành ủy, …"
            owner = _OWNER.match(key, end) if "nouns" in m.groupdict() else None
            if owner is None and _MEMBERS.search(key, start, end) and key[end : end + 1] == " ":
                owner = _ONE_SPACE.match(key, end)  # no "của" between them
            if owner and text[owner.end() : owner.end() + 1].isupper():
                # "các tổ chức thành viên của Mặt trận": the group belongs to a named body
                if any(k == start and e > owner.end() for k, e in known):
                    continue  # the table knows the group with its owner ("các đảng ủy trực
                    # thuộc Tỉnh ủy"): its name, not one read on past a comma
                listed = [e for k, e in known if k == owner.end()]
                # a name the table knows there ends it ("… trực thuộc Tỉnh ủy, Thành viên Ban
                # Chỉ đạo": not "Tỉnh ủy, Thành viên …" read as one name by its shape)
                end = max(
                    end,
                    *listed or [_name_end(text, key, owner.end(), self.rules, set(starts))],
                )
            i = bisect_right(starts, start)
            if any(e >= end for _, e in known[max(0, i - 3) : i]):
                continue  # the table knows a name at least as long: "các cơ quan Đảng ở tỉnh"
            prefix = m.groupdict().get("prefix")
            if prefix:
                # "Đảng ủy các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ": the Party organ
                # of a group the table knows by a longer name than the nouns read
                at = start + len(prefix)
                end = max(
                    [end] + [e for k, e in known[i : i + 3] if not key[at:k].strip() and e > end]
                )
            # a body the table knows, listed after the group's nouns, is not part of the group
            # (one inside the group's prefix is: "Văn phòng HĐND và UBND các xã, phường")
            inside = start + len(prefix) if prefix else start
            for k, _e in known[i : bisect_left(starts, end)]:
                if (
                    inside < k < end
                    and re.search(r"(?:,|\svà)\s*+$", key[start:k])
                    and " ở " not in key[start:k]  # "… ở Trung ương và địa phương": where they are
                    # "các tỉnh đoàn, thành đoàn": a kind in small letters, though the table
                    # knows the city's own by that word
                    and not (
                        text[k : k + 1].islower()
                        and re.sub(r"\s+", " ", key[k:_e]) in self.rules.group_nouns
                    )
                ):
                    end = start + len(re.sub(r"(?:,|\svà)\s*+$", "", key[start:k]))
                    break
            # nor is one named by shape: "Các chủ đầu tư, Ban Quản lý dự án"
            for sep in re.finditer(r"(?:,|\svà)\s*+(?:(?:các|những)\s++)?", key[start:end]):
                at = start + sep.end()
                head = heads.match(key, at) if text[at : at + 1].isupper() else None
                words = text[at : head.end()].split() if head else []
                if fold(text[at:end]).strip(" ,") in self.rules.separate_kinds and not re.match(
                    r"\s++[" + CAPITALS + r"]",
                    text[end : end + 3],
                ):
                    continue  # "Các chủ đầu tư, Ban Quản lý dự án": a kind of party, unnamed
                if head and (
                    text[head.end() : head.end() + 1].isupper()
                    or (len(words) > 1 and words[1][:1].isupper())  # "Ban Quản lý dự án"
                ):
                    end = start + sep.start()
                    break
            if (
                "nouns" in m.groupdict()
                and _CAPITALISED_GROUP.match(text, start, end)
                and _NUMBER_AFTER.match(text, end)
            ):
                continue  # "các Khu Quản lý đường bộ III và IV": numbered bodies, by shape
            written = text[start:end].strip(" ,")
            end = start + len(text[start:end].rstrip(" ,"))
            if parts:
                first = text[start : parts[0][0]].rstrip(" ,")
                first = re.sub(r"\s++(?:và|hoặc)$", "", first)
                opener = re.match(r"(?i)(?:các|những)\s++", first)
                pieces = [first] + [
                    (opener.group() if opener else "") + text[a:b] for a, b in parts
                ]
                for piece in pieces:
                    out.append(AgencyMatch(start, end, self._printed(piece, province, "group")))
                taken.add((start, end))
                continue
            listed = self.lookup(written, province)
            if listed is not None:
                agency = replace(listed, as_written=written)
            elif province is None and _EVERY_PROVINCE.fullmatch(fold(self.display_name(written))):
                # "Ủy ban nhân dân tỉnh, thành phố báo cáo …" in a central text: the people's
                # committee of each province, the group the letter is sent to
                agency = Agency(EVERY_PROVINCE, "unknown", None, "group", None, written, False)
            else:
                name = self.display_name(written)
                agency = Agency(name, "unknown", province, "group", None, written, canonical=False)
                kinds = self._separate_kinds(written, province)
                if kinds:  # "các chủ đầu tư, nhà thầu": two kinds of parties, two groups
                    out.extend(AgencyMatch(start, end, k) for k in kinds)
                    taken.add((start, end))
                    continue
            out.append(AgencyMatch(start, end, agency))
            taken.add((start, end))
        # "… chỉ đạo lực lượng quản lý thị trường kiểm soát …": a force told what to do
        for m in _FORCE.finditer(key):
            start = m.start()
            if taken.overlaps(start, m.end()) or not _GOVERNS.search(
                key[max(0, start - 24) : start]
            ):
                continue
            end = m.end()
            toks = _tokens(text, end, 40)
            named = 0  # "lực lượng Hải quan", "lực lượng Quản lý thị trường": a force's name
            while (
                named < min(3, len(toks))
                and toks[named].group()[:1].isupper()
                and not re.search(r"[,;:.()]", text[end : end + toks[named].start()])
                and not any(k == end + toks[named].start() for k, _ in known)
            ):
                named += 1
            if named:
                end += toks[named - 1].end()
                toks = _tokens(text, end, 40)
            if (
                len(toks) >= 2
                and not re.search(r"[,;:.()]", text[end + toks[0].end() : end + toks[1].start()])
                and f"{fold(toks[0].group())} {fold(toks[1].group())}" in self.rules.name_compounds
            ):
                end += toks[1].end()  # "lực lượng quản lý …": a compound that is no verb here
            end = _modifiers_end(text, key, end, self.rules, governed=True)
            if end <= m.end():
                continue  # "lực lượng" alone names no one
            written = text[start:end]
            out.append(AgencyMatch(start, end, self._printed(written, province, "group")))
            taken.add((start, end))
        return out

    def _separate_kinds(self, written: str, province: str | None) -> list[Agency]:
        """A list of distinct kinds of parties ("các chủ đầu tư, nhà thầu", "các ngân hàng,
        tổ chức tín dụng"; ``separate_kinds`` in the rules) is a group of each kind, where
        "các sở, ban, ngành" or "các tổ chức, cá nhân" is one group."""
        parts = [
            p.strip() for p in re.split(r"\s*+,\s*+(?:và\s++)?|\s++và\s++", written) if p.strip()
        ]
        keys = [fold(p).removeprefix("các ").strip() for p in parts]
        # "… các đơn vị tư vấn có liên quan": a kind with its qualifier
        tail = derived(self.rules, _qualifier_tail)
        if len(parts) < 2 or not all(tail.sub("", k) in self.rules.separate_kinds for k in keys):
            return []
        return [
            Agency(self.display_name(f"Các {k}"), "unknown", province, "group", None, p, False)
            for k, p in zip(keys, parts, strict=True)
        ]

    def _group_of_named(
        self, text: str, key: str, m: re.Match[str], end: int, known: list[tuple[int, int]]
    ) -> int:
        """One capitalised head noun and a name after it: "các Ban Xây dựng Đảng Tỉnh ủy",
        "các Trung tâm Y tế": bodies of one kind, each named so, not the bare "các Ban"."""
        nouns = m.group("nouns")
        noun = re.sub(r"^các\s++", "", nouns)
        at = m.start("nouns") + len(nouns) - len(noun)
        if (
            end != m.end()
            or fold(noun) not in self.rules.body_heads
            or not text[at : at + 1].isupper()
            or any(k < m.start() < e for k, e in known)  # "Liên hiệp các Hội Khoa học …"
        ):
            return end
        named = [e for k, e in known if k == at]
        if named:
            after = key[max(named) :].lstrip()
            related = re.match(r"(?:có\s++)?liên\s++quan(?![\wđ])", after)
            if related:  # "các Sở Xây dựng liên quan": those of them the work concerns
                return len(key) - len(after) + related.end()
            if after.startswith(tuple(self.rules.vague_markers)):
                return end  # "các Sở Xây dựng nêu trên": the ones named before, left to them
            return max(named)  # "các Sở Công Thương": the departments of that name
        gap = re.match(
            r"[ \t]++(?=[" + CAPITALS + r"])",
            text[end : end + 4],
        )
        if not gap:
            return end
        name = _name_end(text, key, end + gap.end(), self.rules, {k for k, _ in known})
        return name if name > end + gap.end() else end

    def _printed(self, written: str, province: str | None, kind: str) -> Agency:
        """A body or group no table lists, named as printed (abbreviations written out)."""
        return Agency(
            self.display_name(written), "unknown", province, kind, None, written, canonical=False
        )

    def _shaped_bodies(
        self,
        text: str,
        key: str,
        taken: _Taken,
        province: str | None,
        known: list[tuple[int, int]] = (),  # type: ignore[assignment]
    ) -> list[AgencyMatch]:
        """Bodies no table lists, by the shape of their name: a head word (Bộ, Sở, Cục,
        Tập đoàn, Đài …) and a name that starts with a capital or a number."""
        heads = self._shape_patterns()[0]
        out: list[AgencyMatch] = []
        for m in heads.finditer(key):
            start, pos = m.start(), m.end()
            if taken.at(start):
                continue
            if not text[start].isupper() and not _small_head(text, key, start, pos, self.rules):
                continue  # "nhiệm vụ", "dịch vụ": not the head of a name
            if text[start:pos].isupper() and re.search(
                r"[^\W\d_]\s*+$", text[max(0, start - 3) : start]
            ):
                continue  # in capitals, a head word inside a phrase ("NHIỆM VỤ VÀ …")
            head_words = text[start:pos].split()
            if not (
                text[pos].isupper()
                or text[pos].isdigit()
                or (len(head_words) > 1 and head_words[1][:1].isupper())  # "Ban Quản lý các …"
                # "Văn phòng các Chương trình trọng điểm cấp nhà nước": of several named things
                or bool(_OF_SEVERAL_NAMED.match(text, pos))
                or bool(re.match(r"và\s++[^\W\d_]", text[pos : pos + 8]))
                and text[pos + 3 : pos + 8].lstrip()[:1].isupper()  # "Báo và Phát thanh, …"
                or _named_for_a_level(text, pos, self.rules)  # "Trung tâm chính trị xã"
            ):
                continue
            if re.search(r"(?i:ủy|uỷ|tổng|thanh|đảng)\s+$", text[max(0, start - 6) : start]):
                continue  # "BAN" inside "ỦY BAN", "CỤC" inside "TỔNG CỤC", "ĐẢNG BỘ"
            end = _name_end(text, key, pos, self.rules, {k for k, _ in known})
            whole = next((e for k, e in known if k == pos), None)
            if whole is not None and whole > end and _ORGAN_OF.fullmatch(key[start:pos].rstrip()):
                end = whole  # "Đảng ủy Viện kiểm sát nhân dân tối cao": the organ of a body
            if end <= pos:
                continue
            if _a_holders_name(text, key, start, pos, end, self.rules, self._shape_patterns()[2]):
                continue  # "Phó Giám đốc Sở Vũ Thị Lan": the title's bare body, then a person
            if text[pos].islower():  # "Trung tâm chính trị xã, phường, đặc khu"
                end = _more_units(key, end, self.rules)
            written = text[start:end]
            numbered = _NUMBERED_PAIR.fullmatch(" ".join(written.split()))
            if numbered:  # "Khu Quản lý đường bộ III và IV": two bodies of one name
                for number in numbered.group(2, 3):
                    name = f"{numbered.group(1)} {number}"
                    out.append(AgencyMatch(start, end, self._printed(name, province, "body")))
            else:
                out.append(AgencyMatch(start, end, self._printed(written, province, "body")))
            taken.add((start, end))
        return out

    def _named_lists(
        self, text: str, key: str, taken: _Taken, province: str | None
    ) -> list[AgencyMatch]:
        """A head word with a list of names: "các Bộ: Tài chính, Xây dựng, Văn hóa, Thể thao
        và Du lịch", "Các Cục: Đường bộ Việt Nam, Kết cấu hạ tầng xây dựng;", "các Tập đoàn:
        …" is each body of that head ("Bộ Tài chính", …); an item already headed ("Văn phòng
        Chính phủ", "Tập đoàn Điện lực Việt Nam") is that body. A list ends where an item
        starts in lower case ("… Tập đoàn Điện lực Việt Nam theo chức năng …")."""
        pattern = self._shape_patterns()[4]
        out: list[AgencyMatch] = []
        for m in pattern.finditer(key):
            if taken.overlaps(m.start(), m.end()):
                continue
            head = text[m.start("head") : m.end("head")]
            head = " ".join(head.split())
            head = head[:1].upper() + head[1:].lower() if not head[1:2].isupper() else head
            bodies, end = self._list_items(text, key, m.end(), head, province)
            if not bodies:
                continue
            for agency in bodies:
                out.append(AgencyMatch(m.start(), end, agency))
            taken.add((m.start(), end))
        return out

    def for_document(self, text: str) -> AgencyTable:
        """This table, knowing also the bodies ``text`` names in full in a list ("Các Cục:
        …, Kết cấu hạ tầng xây dựng;"), so "6. Cục Kết cấu hạ tầng xây dựng tham mưu …"
        later in the document names that body, not "Cục Kết cấu hạ tầng"."""
        key = match_key(text)
        names: dict[str, str] = {}
        for m in self._shape_patterns()[4].finditer(key):
            head = " ".join(text[m.start("head") : m.end("head")].split())
            head = head[:1].upper() + head[1:]
            for agency in self._list_items(text, key, m.end(), head, None)[0]:
                written = agency.as_written or agency.name
                key_name = fold(written)
                if (
                    not agency.canonical
                    and len(written.split()) >= 3
                    and not any(a.startswith(key_name + " ") for a in self._aliases(None))
                ):  # not the start of a name the table knows ("Bộ Giáo dục" …)
                    names.setdefault(key_name, written)
        defined, plain = self._defined_names(text)
        names.update((k, v) for k, v in defined.items() if k not in names)
        names.update(  # a legend's abbreviations the table does not know already
            (k, v)
            for k, v in _legend_names(text).items()
            if k not in names and self.lookup(k, None) is None
        )
        names.update((k, v) for k, v in self._initialisms(text).items() if k not in names)
        names.update((k, v) for k, v in self._bare_initialisms(text).items() if k not in names)
        return _DocumentTable(self, names, plain, frozenset(defined)) if names else self

    def _initialisms(self, text: str) -> dict[str, str]:
        """ "Cục LN&KL" where the document names "Cục Lâm nghiệp và Kiểm lâm": a head word and
        the initials of a body's name the document writes in full (the first letter of each
        word but "và", which "&" may stand for), when the table knows no such short name."""
        shorts = {
            " ".join(m.group().split())
            for m in _INITIALISM.finditer(text)
            if self.lookup(m.group(), None) is None
        }
        if not shorts:
            return {}
        out: dict[str, str] = {}
        # the names written in full, the most written first (then in order of appearance):
        # one spelling per short form, whatever the hash seed
        fulls = Counter(
            " ".join(text[f.start : f.end].split())
            for f in self.find(text, None)
            if f.agency.kind == "body" and len(text[f.start : f.end].split()) >= 3
        )
        for full, _ in fulls.most_common():
            head, *words = full.split()
            initials = "".join(
                w[0] for w in words if w.lower() not in ("và", "-") and w[0].isalpha()
            )
            for short in shorts:
                letters = re.sub(r"[&\-.]", "", short.split()[1])
                if (
                    fold(short.split()[0]) == fold(head)
                    and len(letters) >= 2
                    and fold(letters) == fold(initials)
                ):
                    out.setdefault(fold(short), full)
        return out

    def _known_short(self, short: str) -> bool:
        """A short form the rules write out or the table knows ("UBND", "BCĐ", "EVN"): what
        a document's brackets say of it does not change its reading."""
        words = fold(short).split()
        keys = derived(self.rules, _abbreviation_keys)
        return any(w in keys for w in words) or self.lookup(short, None) is not None

    def _bare_initialisms(self, text: str) -> dict[str, str]:
        """ "P.KHTH", "TT.CNTT" where the document names "Phòng Kế hoạch tổng hợp", "Trung tâm
        Công nghệ thông tin": the first letters of every word of a body's name (head word
        included, "và" and dashes left out), the head's before a dot, when the table knows no
        such short name. Each one is looked for as a run of words with those first letters;
        only a body's whole name counts."""
        out: dict[str, str] = {}
        if "." not in text:
            return out
        for short in dict.fromkeys(_BARE_INITIALISM.findall(text)):  # in order, whatever the seed
            letters = re.sub(r"[.\-&]", "", short)
            if not 3 <= len(letters) <= 10 or self._known_short(short):
                continue
            words = r"\s++(?:(?:và|-|–)\s++)?".join(
                f"[{c}{c.lower()}][^\\W\\d_]*+" for c in letters
            )
            for m in re.finditer(rf"(?<![\w&.])(?:{words})(?![\w&])", text):
                found = self.find(m.group(), None)
                if (
                    len(found) == 1
                    and found[0].agency.kind == "body"
                    and (found[0].start, found[0].end) == (0, len(m.group()))
                ):
                    out[fold(short)] = " ".join(m.group().split())
                    break
        return out

    def _defined_names(self, text: str) -> tuple[dict[str, str], frozenset[str]]:
        """Short names a document gives a body: "Ban Quản lý các khu công nghệ cao … (sau đây
        gọi tắt là “Ban Quản lý”)" makes a later "Ban Quản lý" that body. Only a short name
        given right after a body's name counts, capitalised or, for a group, a group itself
        ("(sau đây gọi chung là bộ, ngành)"; "(sau đây gọi tắt là địa bàn)" names no body).
        Also the folded short names of groups given in lower case."""
        out: dict[str, str] = {}
        plain: set[str] = set()  # the group short names in lower case
        for m in _SHORT_IN_BRACKETS.finditer(text):
            # "Cục Đổi mới sáng tạo (Cục ĐMST)", "Vụ Kế hoạch - Tài chính (Vụ KH-TC)": a short
            # name with the same head word and an abbreviation, right after the body's name
            short = " ".join(m.group("short").split())
            words = short.split()
            # "Trung tâm Công nghệ thông tin (TT.CNTT)", "(TT ĐHTT)", "(TTKD)", "Trung tâm Đổi
            # mới sáng tạo Quốc gia (NIC)": letters in capitals only, the body's own initials
            # or a name of its own; a code with digits ("(A05)") names some other unit
            acronym = _ACRONYM.fullmatch(short) is not None and not self._known_short(short)
            if not acronym and (
                not 2 <= len(words) <= 3
                or not any(sum(c.isupper() for c in w) >= 2 or "&" in w for w in words[1:])
            ):
                continue
            before = text[max(0, m.start() - 200) : m.start()].rstrip(" *")
            found = self.find(before, None)
            if not found or found[-1].end < len(before) or found[-1].agency.kind != "body":
                continue
            full = " ".join(before[found[-1].start :].split())
            if fold(short) == fold(full):
                continue
            if acronym or fold(short.split()[0]) == fold(full.split()[0]):
                out.setdefault(fold(short), full)
        for m in _DEFINED.finditer(text):
            short = m.group("short").strip(" \"“”'*")
            if len(short.split()) > 6:
                continue
            before = text[max(0, m.start() - 300) : m.start()].rstrip()
            found = self.find(before, None)
            gap = before[found[-1].end :] if found else ""
            if (
                not found
                or found[-1].agency.kind == "person"
                or re.search(r"[,.;:()]", gap)
                or len(gap.split()) > 4
            ):
                continue  # not right after a body (a place may end its name: "… thành phố Hà Nội")
            full = " ".join(before[found[-1].start :].split())
            if fold(full) == fold(short):
                continue
            # the last of a list: the short name names the whole list ("…, Ủy ban nhân dân
            # cấp xã và các cơ quan, đơn vị khác (sau đây gọi chung là cơ quan, đơn vị)")
            last_of_list = re.search(
                r"(?:[,;]|(?<![\wđ])(?:và|hoặc))\s*+$", fold(before[: found[-1].start])
            )
            if last_of_list and (not short[:1].isupper() or "chung" in fold(m.group())):
                continue
            if short[:1].isupper():
                out.setdefault(fold(short), full)
            elif found[-1].agency.kind == "group":
                # "các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ (sau đây gọi chung là bộ,
                # ngành)": a group's short name in lower case, written with "các" or without
                # it later; only a short name that is a group itself ("địa bàn" is none)
                plural = short if fold(short).startswith("các ") else f"các {short}"
                named = self.find(plural, None)
                if len(named) == 1 and named[0].end - named[0].start == len(plural):
                    for form in {short, plural}:
                        out.setdefault(fold(form), full)
                        plain.add(fold(form))
        return out, frozenset(plain)

    def _learned_names(
        self, text: str, key: str, taken: _Taken, province: str | None
    ) -> list[AgencyMatch]:
        return []

    def _list_items(
        self, text: str, key: str, pos: int, head: str, province: str | None
    ) -> tuple[list[Agency], int]:
        """The bodies listed from ``pos`` after "các <head>:", and where the list ends. A list
        goes on past a semicolon while each piece is names of that head ("Các Cục: Trồng trọt
        và Bảo vệ thực vật; Chăn nuôi và Thú y; Thủy sản và Kiểm ngư")."""
        bodies, end = self._list_piece(text, key, pos, head, province)
        heads = set(self.rules.body_heads)
        while bodies and (after := _SEMICOLON_THEN_NAME.match(text, end)):
            if _starts_head(key, after.end(), heads):
                break  # "…; Văn phòng UBND tỉnh; Ban QLDA …": other bodies, named whole
            more, more_end = self._list_piece(text, key, after.end(), head, province)
            if not more or _NAME_RUNS_ON.match(text, more_end):
                break
            bodies, end = bodies + more, more_end
        return bodies, end

    def _list_piece(
        self, text: str, key: str, pos: int, head: str, province: str | None
    ) -> tuple[list[Agency], int]:
        """The bodies listed from ``pos`` up to a semicolon, a stop or a bracket."""
        stop = re.compile(r"[;.:()]|$")
        region_end = stop.search(text, pos, min(len(text), pos + 400)).start()  # type: ignore[union-attr]
        region_end = region_end if region_end > pos else min(len(text), pos + 400)
        # the pieces between commas and "và": (start, end, separator after)
        pieces: list[tuple[int, int, str]] = []
        for piece in re.finditer(r"(.*?)(,|\s++và\s++|$)", text[pos:region_end], re.S):
            if not piece.group(0):
                break
            a, b = pos + piece.start(1), pos + piece.end(1)
            lead = len(text[a:b]) - len(text[a:b].lstrip())
            pieces.append((a + lead, b, piece.group(2).strip() or ""))
        heads = set(self.rules.body_heads)
        bodies: list[Agency] = []
        end = pos
        i = 0
        while i < len(pieces):
            a, b, sep = pieces[i]
            word = text[a:b].strip()
            if not word or not (word[0].isupper() or word[0].isdigit()):
                break
            # the longest run of pieces that a table knows, with or without the head
            known = None
            for k in range(min(6, len(pieces) - i), 0, -1):
                last_a, last_b = pieces[i + k - 1][:2]
                # the run's last piece may run into the sentence ("… Du lịch phối hợp"): its
                # longest start that completes a known name
                ends = [last_b]
                if k > 1 and i + k == len(pieces):
                    word_ends = [last_a + w.end() for w in re.finditer(r"\S+", text[last_a:last_b])]
                    ends += [e for e in reversed(word_ends[:6]) if e < last_b]
                for stop in ends:
                    span = text[a:stop]
                    agency = self.lookup(f"{head} {span}", province) or self.lookup(span, province)
                    if agency is not None:
                        known = (k, agency, stop)
                        break
                if known:
                    break
            if known:
                k, agency, stop = known
                bodies.append(agency)
                end = stop
                i += k
                if stop < pieces[i - 1][1]:
                    break  # the sentence goes on after the name: the list ends there
                continue
            nxt = pieces[i + 1] if i + 1 < len(pieces) else None
            if sep == "và" and nxt:
                # "…, Nông nghiệp và Môi trường theo chức năng …": a name with "và" in it that
                # the table knows, the sentence running on after it
                words = list(re.finditer(r"\S+", text[nxt[0] : nxt[1]]))[:6]
                joined = next(
                    (
                        (nxt[0] + w.end(), agency)
                        for w in reversed(words)
                        if (agency := self.lookup(f"{head} {text[a : nxt[0] + w.end()]}", province))
                        is not None
                    ),
                    None,
                )
                if joined:
                    bodies.append(joined[1])
                    end = joined[0]
                    if text[joined[0] : nxt[1]].strip():
                        break  # the sentence goes on after the name: the list ends there
                    i += 2
                    continue
            if fold(word.split()[0]) in self.rules.predicate_openers:
                break  # "Các sở, ban, ngành: Là các đơn vị …": a sentence, not a name
            nxt_word = text[nxt[0] : nxt[1]].strip() if nxt else ""
            headed = _starts_head(key, a, heads)
            last = not nxt or not nxt_word[:1].isupper()
            if sep == "và" and nxt and not headed:
                after = pieces[i + 2] if i + 2 < len(pieces) else None
                if (
                    after
                    and after[2] != ""
                    or (after and text[after[0] : after[1]].strip()[:1].isupper())
                ):
                    # "Hàng hải và Đường thủy Việt Nam, …": "và" inside a name
                    b, sep = nxt[1], nxt[2]
                    i += 1
                    nxt = after
                    last = not nxt or not text[nxt[0] : nxt[1]].strip()[:1].isupper()
            written_end = b
            if last and not (region_end < len(text) and text[region_end] == ";" and not nxt):
                # the list's last name runs into the sentence: the longest start of it the
                # table knows ("Ngoại giao theo dõi"), else up to a word that ends names
                words = list(re.finditer(r"\S+", text[a:b]))[:10]
                known_end = next(
                    (
                        a + w.end()
                        for w in reversed(words)
                        if self.lookup(f"{head} {text[a : a + w.end()]}", province)
                    ),
                    None,
                )
                written_end = known_end or _name_end(text, key, a, self.rules)
                written_end = min(max(written_end, a), b)
            name_text = " ".join(text[a:written_end].split())
            i += 1
            if not name_text:
                break
            if name_text.isupper() and len(name_text.replace(" ", "")) <= 8 and not headed:
                end = written_end  # "TC, XD" (a distribution list's short forms): no one named
                continue
            written = f"{head} {name_text}"
            if headed and self.lookup(written, province) is None:
                written = name_text  # "Văn phòng Chính phủ" in a list of ministries
            agency = self.known_or_printed(written, province)
            bodies.append(agency)
            end = written_end
            if last:
                break
        return bodies, end

    def _with_kinds_of_places(
        self, text: str, key: str, found: list[AgencyMatch], province: str | None
    ) -> list[AgencyMatch]:
        """ "Sở Tài chính tỉnh, thành phố trực thuộc Trung ương": a body followed by kinds of
        places and no place's name is the body in each of them, as "… các tỉnh, thành phố
        …" is; bodies joined by "/" before it share them ("Sở Văn hóa, Thể thao và Du
        lịch/Sở Văn hóa và Thể thao tỉnh, thành phố …")."""
        out: list[AgencyMatch] = []
        for m in found:
            kinds = _KINDS_OF_PLACES.match(key, m.end) if m.agency.kind == "body" else None
            if kinds is None or m.agency.level == "commune":
                out.append(m)
                continue
            places = " ".join(text[m.end : kinds.end()].split())
            sharing = [m]
            while out and text[out[-1].end : sharing[0].start].strip() == "/":
                sharing.insert(0, out.pop())
            for body in sharing:
                name = body.agency.name
                merged = self.known_or_printed(f"{name} các {places}", province, "group", name)
                written = text[body.start : body.end] + (
                    text[m.end : kinds.end()] if body is not m else ""
                )
                out.append(
                    AgencyMatch(
                        body.start,
                        kinds.end() if body is m else body.end,
                        replace(merged, as_written=" ".join(written.split())),
                    )
                )
        return out

    def _with_places(
        self, text: str, key: str, found: list[AgencyMatch], province: str | None
    ) -> list[AgencyMatch]:
        """A body followed by a group of places is that body in each of them: "Sở Xây dựng
        các tỉnh, thành phố trực thuộc Trung ương", "Ủy ban nhân dân các xã, phường"."""
        out: list[AgencyMatch] = []
        for m in found:
            prev = out[-1] if out else None
            again = (  # "Sở Khoa học và Công nghệ (Sở KH&CN) các tỉnh": the name again
                len(out) > 1
                and out[-1].agency.name == out[-2].agency.name
                and _PARENTHESIS.fullmatch(key, out[-2].end, out[-1].end + 1)
            )
            if again:
                prev = out[-2]
            gap = key[prev.end : m.start] if prev is not None else ""
            if (
                prev is not None
                and m.agency.kind == "group"
                and prev.agency.kind != "group"
                and (not gap.strip() or _PARENTHESIS.fullmatch(gap))
                and text[m.start].islower()  # "… Tỉnh Các sở, ban, ngành": a new item
                and re.match(r"(?:các|những)\s+", key[m.start :])
                and _GROUP_OF_PLACES.match(key, m.start + len(key[m.start :].split()[0]) + 1)
            ):
                written = f"{text[prev.start : prev.end]} {text[m.start : m.end]}"
                merged = self.known_or_printed(written, province, "group", prev.agency.name)
                if again:  # the short form is part of the name with its places
                    out.pop()
                out[-1] = AgencyMatch(prev.start, m.end, merged)
                continue
            out.append(m)
        return out


#: The people's committees of every province, as a central text names them.
EVERY_PROVINCE = "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"
# "Ủy ban nhân dân tỉnh, thành phố" with no place named: every province's, in a central text
_EVERY_PROVINCE = re.compile(r"(?:ủy|uỷ) ban nhân dân\s++tỉnh\s*+[,/]\s*+thành phố")

#: A short form in parentheses after a name ("(Sở KH&CN)"), spaces around it.
_PARENTHESIS = re.compile(r"\s*+\([^()\n]{1,40}\)\s*+")


# "Thường trực " right before a body's name, capitalised; not after a holder's title
# ("Phó Chủ tịch Thường trực …", "Phó Bí thư Thường trực …": see _holders_committee)
_STANDING_BEFORE = re.compile(r"(?<![\wđ])thường\s++trực\s++$")
_TITLE_BEFORE = re.compile(r"(?:bí\s++thư|chủ\s++tịch|trưởng|giám\s++đốc)\s++$")


def _standing_organs(text: str, key: str, found: list[AgencyMatch]) -> list[AgencyMatch]:
    """ "Thường trực Hội Nông dân tỉnh", "Thường trực Liên đoàn Lao động tỉnh": the standing
    organ of a body the table knows no such organ of, a body as printed under it (the ones it
    knows, "Thường trực Tỉnh ủy", "Thường trực Hội đồng nhân dân tỉnh", stay as they are)."""
    out: list[AgencyMatch] = []
    for m in found:
        a = m.agency
        before = _STANDING_BEFORE.search(key, max(0, m.start - 14), m.start)
        if (
            before is None
            or a.kind != "body"
            or not text[before.start() : before.start() + 1].isupper()
            or _TITLE_BEFORE.search(key, max(0, before.start() - 14), before.start())
        ):
            out.append(m)
            continue
        written = " ".join(text[before.start() : m.end].split())
        organ = Agency(
            "Thường trực " + a.name,
            a.level,
            a.province,
            "body",
            a.name,
            written,
            False,
        )
        out.append(AgencyMatch(before.start(), m.end, organ))
    return out


def _inside_dropped(found: list[AgencyMatch], shaped: list[AgencyMatch]) -> list[AgencyMatch]:
    """``found`` in order, less the names inside a longer name read by shape ("Bộ đội Biên
    phòng" inside "Ban Chỉ huy Bộ đội Biên phòng thành phố")."""
    found.sort(key=lambda a: (a.start, -a.end))
    if not shaped:
        return found
    outer = {id(m) for m in shaped}
    out: list[AgencyMatch] = []
    cover = (-1, -1)
    for m in found:
        if id(m) in outer:
            if m.end > cover[1]:
                cover = (m.start, m.end)
        elif m.end <= cover[1] and (m.start, m.end) != cover:
            continue
        out.append(m)
    return out


class _DocumentTable(AgencyTable):
    """A table and the names one document lists in full (see :meth:`AgencyTable.for_document`);
    it shares the table's compiled patterns."""

    def __init__(
        self,
        base: AgencyTable,
        names: dict[str, str],
        plain: frozenset[str] = frozenset(),
        defined: frozenset[str] = frozenset(),
    ) -> None:
        super().__init__(base.entries, base.rules)
        self._base = base
        self._names = names
        self._plain = plain  # short names of groups the document defines in lower case
        self._defined = defined  # short names the document defines ("sau đây viết tắt là …")
        alts = sorted(names, key=len, reverse=True)
        body = _longest_first(alts)
        self._learned = re.compile(rf"(?<!{_WORD})(?:{body})(?!{_WORD})")

    def _pattern(self, province):  # type: ignore[override]
        return self._base._pattern(province)

    def _aliases(self, province):  # type: ignore[override]
        return self._base._aliases(province)

    def _shape_patterns(self):  # type: ignore[override]
        return self._base._shape_patterns()

    def for_document(self, text: str) -> AgencyTable:
        return self._base.for_document(text)

    def _other_body(self, short: str, full: str, province: str | None) -> bool:
        """Does the document's full name for ``short`` name another body than the table reads
        in ``short``? Only an abbreviation is read so ("BCH BĐBP tỉnh" defined as "Bộ Chỉ
        huy …", which the table reads "Ban Chỉ huy …"); a short name in words ("Tỉnh ủy"
        defined as "Ban Chấp hành Đảng bộ tỉnh") is what the table says."""
        if not re.search(r"(?<![^\W\d_])[" + CAPITALS + r"]{2,}", short):
            return False  # a name in words ("Tỉnh ủy"): the table's reading stands
        read = self._base.lookup(short, province)
        meant = [f.agency.name for f in self._base.find(full, province) if f.start == 0]
        return read is None or read.name not in meant

    def _learned_names(
        self, text: str, key: str, taken: _Taken, province: str | None
    ) -> list[AgencyMatch]:
        out: list[AgencyMatch] = []
        known = [(k.start(), k.end()) for k in self._pattern(province)[0].finditer(key)]
        for m in self._learned.finditer(key):
            if taken.overlaps(m.start(), m.end()):
                continue
            written = text[m.start() : m.end()]
            plain = fold(written) in self._plain
            # a short name the document defines beats the table's reading of the same words
            # ("BCH BĐBP tỉnh" defined as "Bộ Chỉ huy …", not the table's "Ban Chỉ huy …"),
            # and a group it defines ("bộ, ngành") the vague one the table knows by those
            # words; not a longer name ("các bộ, ngành, địa phương")
            own = plain or (
                fold(written) in self._defined
                and self._other_body(written, self._names.get(fold(written), written), province)
            )
            if any(
                a < m.end()
                and b > m.start()
                and b >= m.end()
                and not (own and (a, b) == (m.start(), m.end()))
                for a, b in known
            ):
                continue  # the table knows a name here at least as long
            if plain:  # nor a longer group read by its shape ("các bộ, ngành, địa phương")
                alone = self._base.find(text[m.start() : m.end() + 120], province)
                if alone and alone[0].start == 0 and alone[0].end > m.end() - m.start():
                    continue
            full = self._names.get(fold(written), written)
            if full != written and (
                not (written[:1].isupper() or plain)
                or re.match(
                    r"\s++[" + CAPITALS + r"]",
                    text[m.end() :],
                )
            ):
                continue  # a defined short name is capitalised, and not the start of a longer name
            agency = self.known_or_printed(full, province)
            if full != written:
                agency = replace(agency, as_written=written)
            out.append(AgencyMatch(m.start(), m.end(), agency))
            taken.add((m.start(), m.end()))
        return out


def _legend_names(text: str) -> dict[str, str]:
    """The abbreviations a document's legend writes out ("Ghi chú viết tắt: Cục QLN: Cục
    Quản lý nhà …; Vụ PC: Vụ Pháp chế."; "Chữ viết tắt:" with one pair a line), folded short
    name → full name. A short name has a word in capitals; the legend ends at the first
    piece that is not such a pair."""
    out: dict[str, str] = {}
    if "tắt" not in text and "TẮT" not in text:
        return out  # no legend (most documents): not worth a search
    for m in _LEGEND.finditer(text):
        region = text[m.end() : m.end() + 2500]
        region = re.sub(r"\n\s*+[-–+•*]+\s*+", ";", region)  # one pair a line
        region = re.sub(r"\n[ \t]*+\n.*", "", region, flags=re.S)  # to the paragraph's end
        region = region.replace("*", "").replace("\\", "")
        for piece in re.split(r"[;.]\s*+(?=\S|$)", " ".join(region.split())):
            piece = piece.strip(" ,")
            if not piece:
                continue
            pair = _LEGEND_PAIR.match(piece)
            if not pair or not re.search(r"[A-ZĐ]{2}", pair.group("short")):
                break
            short, full = pair.group("short").strip(), pair.group("full").strip()
            if len(full.split()) > len(short.split()) and len(full.split()) <= 16:
                out.setdefault(fold(short), full)
    return out


def _tokens(text: str, pos: int, limit: int = 160):
    return list(re.finditer(r"[^\s,;:.()“”\"'‘’]+", text[pos : pos + limit]))


_OWNER = re.compile(r"[ \t]++của[ \t]++")
# "các thành viên Ban Chỉ đạo", "thành viên Hội đồng": members of the body named right after;
# "các cơ quan trực thuộc Sở", "tổ chức đảng trực thuộc Đảng bộ Bộ": the units under it;
# "các cơ quan tham mưu, giúp việc Tỉnh ủy": those who serve it
_MEMBERS = re.compile(r"(?:(?:các[ \t]++)?thành[ \t]++viên|(?<![\wđ])thuộc|giúp[ \t]++việc)$")
_ONE_SPACE = re.compile(" ")
# the groups a body may be named in each of: "Sở Y tế các tỉnh, thành phố", "Ban Chỉ đạo 389
# các bộ, ngành, địa phương", "Ủy ban nhân dân các xã, phường"
_GROUP_OF_PLACES = re.compile(
    rf"\s*+(?:tỉnh|thành phố|{commune_unit()}|huyện|địa phương|bộ|ngành|sở)(?![\wđ])"
)


# kinds of places, two or more, with no name: "tỉnh, thành phố trực thuộc Trung ương"
_KINDS_OF_PLACES = re.compile(
    r"[ \t]++(?:tỉnh|thành[ \t]++phố)(?:[ \t]*+,[ \t]*+|[ \t]++và[ \t]++)(?:tỉnh|thành[ \t]++phố)"
    r"(?:[ \t]++trực[ \t]++thuộc[ \t]++trung[ \t]++ương)?(?![\wđ])"
)
_NUMBERED_PAIR = re.compile(r"(.+?)\s([IVXL]{1,5}|\d{1,3})\s(?:và|,)\s?([IVXL]{1,5}|\d{1,3})")
_LEVEL_UNIT = re.compile(r"(?:tỉnh|huyện|quận|thị xã|xã|phường|đặc khu)(?![\wđ])")


def _named_for_a_level(text: str, pos: int, rules: Rules) -> bool:
    """A head word named in lower case, by what it does and the level it serves: "Trung tâm
    chính trị xã", "Trung tâm y tế huyện" (one to four words, none that ends a name, then the
    unit): an institution, where "trung tâm dữ liệu" is a thing."""
    toks = _tokens(text, pos, 60)[:6]
    for i, t in enumerate(toks):
        word = t.group()
        low = fold(word)
        gap = text[pos + toks[i - 1].end() : pos + t.start()] if i else text[pos : pos + t.start()]
        if gap.strip() or not word[:1].islower():
            return False
        if i and _LEVEL_UNIT.fullmatch(low):
            return True
        if low in rules.name_stop_words:
            return False
    return False


def _name_end(
    text: str, key: str, pos: int, rules: Rules, known_starts: set[int] | frozenset = frozenset()
) -> int:
    """End of a body's name that starts at ``pos`` ("Văn hóa, Thể thao và Du lịch", "Quản lý
    các khu công nghệ cao và khu công nghiệp thành phố", "Truyền hình Việt Nam")."""
    heads = set(rules.body_heads)
    toks = _tokens(text, pos)
    end = pos
    kept = 0
    skip_to = -1
    for i, t in enumerate(toks):
        if i <= skip_to:
            continue
        word = t.group()
        low = fold(word)
        gap = text[pos + toks[i - 1].end() : pos + t.start()] if i else ""
        if i and re.search(r"[;:.()“”\"]", gap):
            break
        if i and "\n" in gap and (word[0].isdigit() or re.search(r"\n\s*+\n", gap)):
            break  # "… Tài chính" then "1. Chủ trì …": the next item's number, a new paragraph
        # "Văn hóa, Thể thao": a capitalised coordinate goes on; a new body does not, nor
        # an office holder's next title ("Ủy viên Ban Thường vụ, Trưởng Ban Xây dựng Đảng")
        if "," in gap and (
            (not word[0].isupper() and not _comma_pair(toks, i, low, rules))
            or _starts_head(key, pos + t.start(), heads)
            or _starts_head(key, pos + t.start(), derived(rules, _title_words))
            or pos + t.start() in known_starts  # "…, BCH Bộ đội Biên phòng": the next body
        ):
            break
        prev = fold(toks[i - 1].group()) if i else ""
        if word[0].islower() and prev in ("tỉnh", "phố") and low not in ("ủy", "uỷ"):
            break  # "… Biên phòng tỉnh tuần tra": a name ends with its place
        if word[0].islower() and any(
            " ".join(x.group() for x in toks[i - n : i]) in PROVINCE_NAMES
            for n in (1, 2, 3)
            if i >= n
        ):
            break  # "Thành ủy Đà Nẵng thí điểm …": after the place's name too
        if "," in gap and prev in ("tỉnh", "phố"):
            break  # "… Công nghệ cao tỉnh, UBND cấp xã": so does a name before a comma
        national = _ends_viet_nam(text, pos, toks, i) if i and word[0].islower() else None
        if national is not None:
            # "Hiệp hội Nhà thầu xây dựng Việt Nam": a national body's name runs to "Việt Nam"
            skip_to, end = national, pos + toks[national].end()
            kept += national - i + 1
            continue
        if (
            word[0].islower()
            and low in rules.name_stop_words
            and not (
                f"{prev} {low}" in rules.name_compounds
                # "… nông dân chủ trì": the compound's word opens the verb of a doer's part
                # with the next ("Viện Nghiên cứu phát triển" stays a name)
                and not (i + 1 < len(toks) and f"{low} {fold(toks[i + 1].group())}" in _ROLE_VERBS)
            )
            and not _in_name_phrase(toks, i, rules)
            and not (
                i + 1 < len(toks)
                and f"{low} {fold(toks[i + 1].group())}" in rules.name_noun_compounds
            )
            and not _general_at_the_end(text, pos, toks, i)
        ):
            break
        if i and low in ("các", "những") and _GROUP_OF_PLACES.match(key, pos + t.end() + 1):
            break  # "Ban Chỉ đạo 389 các bộ, ngành": the body in each of them (_with_places)
        if low == "và":
            nxt = toks[i + 1].group() if i + 1 < len(toks) else ""
            if (
                not nxt
                or fold(nxt) in ("các", "những")
                or _starts_head(key, pos + toks[i + 1].start(), heads)
            ):
                break
            continue
        if kept >= 14 or (kept and word.isupper() and _starts_head(key, pos + t.start(), heads)):
            break  # in capitals (a letterhead) a head word starts the next body
        kept += 1
        end = pos + t.end()
    return end


def _in_name_phrase(toks: list[re.Match[str]], i: int, rules: Rules) -> bool:
    """Token ``i`` is a later word of one of ``name_phrases`` that the tokens before it
    open ("xây" of "… đầu tư xây dựng …")."""
    low = fold(toks[i].group())
    for phrase in rules.name_phrases:
        words = phrase.split()
        for k in range(1, len(words)):
            if (
                words[k] == low
                and i - k >= 0
                and i - k + len(words) <= len(toks)
                and [fold(t.group()) for t in toks[i - k : i - k + len(words)]] == words
            ):
                return True
    return False


def _comma_pair(toks: list[re.Match[str]], i: int, low: str, rules: Rules) -> bool:
    """ "phòng, chống", "tìm kiếm, cứu": words a comma joins inside a name (rules data)."""
    before = [fold(t.group()) for t in toks[max(0, i - 2) : i]]
    return any(
        f"{' '.join(before[k:])}, {low}" in rules.name_comma_pairs for k in range(len(before))
    )


def _ends_viet_nam(text: str, pos: int, toks: list[re.Match[str]], i: int) -> int | None:
    """Index of "Nam" when tokens ``i`` … are one to three lower-case words and then "Việt
    Nam" with nothing between them, else None."""
    for k in range(i + 1, min(i + 4, len(toks) - 1)):
        if toks[k].group() == "Việt" and toks[k + 1].group() == "Nam":
            words = toks[i:k]
            span = text[pos + toks[i].start() : pos + toks[k + 1].end()]
            if all(w.group()[0].islower() for w in words) and not re.search(r"[,;:.()]", span):
                return k + 1
            return None
    return None


def _starts_head(key: str, at: int, heads: set[str]) -> bool:
    rest = " ".join(key[at : at + 40].split()) + " "  # a line may break after the head word
    return any(rest.startswith(h + " ") for h in heads)


# where a group with modifiers works, part of its name as printed (the qualifier after bare
# nouns is read by the group pattern: rules' group_qualifiers)
_BEFORE_SHORT = re.compile(r"(?P<words>,[^\n;:.()]{1,160}?)[ \t]*+\((?P<short>[^()\n]{2,60})\)")


def _qualifier_tail(rules: Rules) -> re.Pattern[str]:
    """A group's qualifiers at the end of its folded name ("… có liên quan trong khu vực")."""
    quals = rules.alternation(rules.group_qualifiers)
    return re.compile(rf"(?:\s++(?:{quals}))++$")


def _qualified_more(rules: Rules) -> re.Pattern[str]:
    """More nouns of a group after its qualifier, each with its own ("…, cơ quan trung ương
    và địa phương", "… ngành tỉnh, địa phương"); no "các", which opens another group."""
    nouns = rf"(?:{rules.alternation(rules.group_nouns)})(?!{_WORD})"
    quals = rf"(?:\s++(?:{rules.alternation(rules.group_qualifiers)})(?!{_WORD}))*+"
    return re.compile(rf"(?:\s*+,\s*+(?:và\s++)?|\s++(?:và|hoặc)\s++)(?P<noun>{nouns}){quals}")


def _named_place(rules: Rules) -> re.Pattern[str]:
    """A unit of a place and the capitalised name after it ("xã Krong", "tỉnh Gia Lai")."""
    units = rules.alternation((*rules.commune_units, *rules.province_units, *rules.district_units))
    return re.compile(rf"(?<!{_WORD})(?i:{units})[ \t]++[{CAPITALS}0-9]")


_COORDINATE = re.compile(r"[ \t]*+,[ \t]*+(?=[" + CAPITALS + r"])")
_LIST_SEP = re.compile(r"[ \t]*+(?:,[ \t]*+(?:và[ \t]++)?|(?<=[ \t])và[ \t]++)")
_ITEM_WORD = re.compile(r"[^\s,;:.()]++")
_ON_THE_TERRITORY = re.compile(r"\s++trên\s++địa\s++bàn(?:\s++(?:tỉnh|thành\s++phố))?(?![\wđ])")


def _predicate_after(
    text: str, end: int, toks: list[re.Match[str]], start: int, rules: Rules
) -> int | None:
    """The token where a verb of work opens the predicate, one to six lower-case words after
    ``start`` with no punctuation between; None when there is none."""
    verbs = [v.split() for v in (*rules.task_verbs, "có trách nhiệm", "chịu trách nhiệm")]
    found = None
    last = min(len(toks), start + 9)
    for j in range(start + 1, last):
        gap = text[end + toks[j - 1].end() : end + toks[j].start()]
        if found is None and re.match(r"\s*+[(:]", gap):
            return j  # "Các Sở quản lý công trình xây dựng chuyên ngành (Sở Xây dựng, …):"
        if re.search(r"[,;:.()“”\"]", gap) or toks[j].group()[0].isupper():
            return found
        if fold(toks[j].group()) in ("phải", "cần"):
            return j  # "… được giao tài khoản báo cáo phải tuân thủ …": the modal opens it
        if (
            fold(toks[j].group()) == "theo"
            and j + 1 < len(toks)
            and fold(toks[j + 1].group()) in ("chức", "thẩm", "nhiệm")
        ):
            return j  # "… quản lý quy hoạch theo chức năng có trách nhiệm": how, not who
        before = " ".join(fold(x.group()) for x in toks[max(start, j - 2) : j + 2])
        if (
            found is None
            and before not in rules.verb_nouns  # "công trình xây dựng": the verb is a noun's
            and any([fold(x.group()) for x in toks[j : j + len(v)]] == v for v in verbs)
        ):
            found = j
    if found is None and last == len(toks) and not text[end + toks[-1].end() :].strip(" :*\n"):
        return len(toks)  # the subject alone, split from its work: all of it is the group
    return found


def _commune_names(text: str, pos: int) -> list[tuple[str | None, str, int]]:
    """The communes named after "… các xã" at ``pos``: (unit word or None, name, end) of
    each; a name is up to four words in capitals, names are joined by commas or "và", and
    "xã" or "phường" before a name changes the unit."""
    out: list[tuple[str | None, str, int]] = []
    words: list[str] = []
    unit: str | None = None
    end = pos
    while (t := _COMMUNE_TOKEN.match(text, pos)) is not None:
        word, sep = t.group("word"), (t.group("sep") or "").strip()
        if sep.startswith(":") and (out or words):
            break
        if sep and words:  # a name ends at a comma or "và"
            out.append((unit, " ".join(words), end))
            words, unit = [], None
        if not words and unit is None and word.lower() in _COMMUNE_UNITS:
            unit, pos = word.lower(), t.end()
            continue
        zone = _SPECIAL_ZONE.match(text, t.start("word"))
        if not words and unit is None and zone:  # "… và đặc khu Vân Đồn"
            unit, pos = "đặc khu", zone.end()
            continue
        if not word[0].isupper() or len(words) >= 4:
            break
        words.append(word)
        pos = end = t.end()
    if words:
        out.append((unit, " ".join(words), end))
    return out


def _repeated_noun(
    text: str, key: str, m: re.Match[str], end: int, rules: Rules, governed: bool
) -> list[tuple[int, int]]:
    """Where a group of one noun with its modifiers ("các doanh nghiệp viễn thông") goes on
    with the same noun and other modifiers (", doanh nghiệp công nghệ số", "và tổ chức
    trung gian thanh toán"): (start, end) of each further kind, in the text. A kind of its
    own each; the noun bare (", doanh nghiệp,") or another noun ends the run."""
    noun = fold(m.group("nouns")).removeprefix("các ").removeprefix("những ").strip()
    if end <= m.end() or re.search(r",|\svà\s", noun) or not noun:
        return []
    out: list[tuple[int, int]] = []
    sep = re.compile(rf"\s*+(?:,\s*+(?:và\s++)?|và\s++|hoặc\s++){re.escape(noun)}(?![\wđ])")
    while (rep := sep.match(key, end)) is not None:
        at = rep.end() - len(noun)
        more = _modifiers_end(text, key, rep.end(), rules, governed, listed=True)
        if more <= rep.end():
            break
        out.append((at, more))
        end = more
    return out


def _other_nouns(text: str, key: str, end: int, rules: Rules, governed: bool) -> int:
    """Where a group of a noun with its modifiers goes on with other nouns in small letters,
    each with its own modifiers or none ("các cơ quan hành chính, đơn vị sự nghiệp sử dụng
    ngân sách nhà nước", "các trường đại học, viện nghiên cứu"): one group, as printed."""
    sep = derived(rules, _qualified_more)  # the noun and its qualifiers ("có liên quan")
    while (nxt := sep.match(key, end)) is not None and text[nxt.start("noun")].islower():
        end = nxt.end()
        if nxt.end() == nxt.end("noun"):
            end = max(end, _modifiers_end(text, key, end, rules, governed, listed=True))
    return end


def _compound_ends(rules: Rules) -> re.Pattern[str]:
    """A folded text ending in one of ``compound_words`` (searched in the text up to the end
    of a name's head word, which the compound ends with)."""
    words = Rules.alternation(rules.compound_words) if rules.compound_words else "(?!)"
    return re.compile(rf"(?<![\wđ])(?:{words})$")


# the verbs of a doer's part in the work, which end a name even after a compound's first word
_ROLE_VERBS = frozenset({"chủ trì", "phối hợp", "tham mưu"})
# what may follow a name: a doer's part, a mark, "và" and the next body, the end
# (a comma only before the next name: "tổng hợp, báo cáo" is the verb and its next one)
_AFTER_A_NAME = re.compile(
    r"\s*+(?:,\s*+[" + CAPITALS + r"]|[;:.()]|$|(?:chủ\s++trì|phối\s++hợp|tham\s++mưu|và)(?![\wđ]))"
)


def _general_at_the_end(text: str, pos: int, toks: list[re.Match[str]], i: int) -> bool:
    """ "Phòng Kế hoạch tổng hợp chủ trì", "Trung tâm Dịch vụ tổng hợp phối hợp …": "tổng
    hợp" ("general") ends the name when the name ends after it, where elsewhere it is the
    verb of the work ("Văn phòng Sở tổng hợp kết quả")."""
    if fold(toks[i].group()) != "tổng" or i + 1 >= len(toks) or i == 0:
        return False
    if (
        fold(toks[i + 1].group()) != "hợp"
        or text[pos + toks[i].end() : pos + toks[i + 1].start()] != " "
    ):
        return False
    return (
        _AFTER_A_NAME.match(text[pos + toks[i + 1].end() : pos + toks[i + 1].end() + 12])
        is not None
    )


# numerals listed after a name's last word ("… khu vực I, II, III"), or one numeral
_NUMERALS_LISTED = re.compile(r"\s++(?:[IVXLC]++|\d++)(?:\s*+,\s*+(?:[IVXLC]++|\d++))++$")
_ENDS_NUMBERED = re.compile(r"\s(?:[IVXLC]++|\d++)$")
# "các " right before a body ("các Chi cục Thuế khu vực")
_PLURAL_BEFORE = re.compile(r"(?<![\wđ])(?:các|những)[ \t]++$")
_COMMA = re.compile(r"[ \t]*+,[ \t]*+")


def _second_modifier(text: str, key: str, end: int, rules: Rules, governed: bool) -> int:
    """A group's noun with more modifiers after commas, the noun written once: "các cơ quan
    báo chí, xuất bản", "các cơ sở khám bệnh, chữa bệnh", "các cơ quan báo chí, phát thanh,
    truyền hình" (one group, as printed). Only short pieces in small letters that open no
    party, the last followed at once by the group's work ("… đường sắt kiểm tra …"): a party,
    a capital or a verb after a comma leaves the comma a list's."""
    at = end
    for _ in range(4):
        comma = _COMMA.match(key, at)
        if comma is None:
            return end
        start = comma.end()
        first = re.match(r"[^\s,;:.()“”\"'‘’]++", text[start : start + 40])
        if first is None or not first.group()[0].islower():
            return end
        opening = fold(text[start : start + 40])
        if (
            fold(first.group()) in rules.name_stop_words
            or fold(first.group()) in rules.coordinators
            or derived(rules, _party_opening).match(opening)
            or derived(rules, work_opening).match(opening)
            or any(opening.startswith(p + " ") for p in rules.people_nouns)
        ):
            return end
        piece = _modifiers_end(text, key, start, rules, governed, listed=True)
        words = _tokens(text, start, piece - start)
        if not 1 <= len(words) <= 4 or any(not w.group()[0].islower() for w in words):
            return end
        at = piece
        after = re.match(r"[ \t]++([^\s,;:.()“”\"'‘’]++)", text[piece : piece + 40])
        if after is None:
            continue  # another comma, or the end: no work yet
        rest = fold(text[piece + after.start(1) : piece + after.start(1) + 40])
        if fold(after.group(1)) in rules.name_stop_words or derived(rules, work_opening).match(
            rest
        ):
            return piece
        return end
    return end


# "các" and a capitalised word after a head word: a body of several named things
_OF_SEVERAL_NAMED = re.compile(r"các[ \t]++[" + CAPITALS + r"][" + SMALL + r"]")
# a bare head word after an office title: "(Giám đốc) Sở", "(Phó Trưởng ban) Ban"
_BARE_HEAD = re.compile(r"[ \t]++(Sở|Bộ|Ban|Cục|Vụ|Chi cục|Tổng cục|Đảng ủy|Đảng uỷ)(?![\wđ])")
# head words whose bodies are named for their field, never after a person (a school, a
# hospital or a company may be: "Trường THPT Nguyễn Huệ")
_FIELD_NAMED_HEADS = frozenset(
    {"sở", "bộ", "ban", "cục", "vụ", "phòng", "văn phòng", "chi cục", "tổng cục", "ủy ban"}
)


def _a_holders_name(
    text: str, key: str, start: int, pos: int, end: int, rules: Rules, titles: re.Pattern[str]
) -> bool:
    """ "Đồng chí Phó Giám đốc Sở Vũ Thị Lan trực tiếp chỉ đạo …": after an office title, a
    bare head word and a person's name (:func:`_a_persons_name`) are the title's body and its
    holder, not a body named "Sở Vũ Thị Lan"."""
    if fold(" ".join(text[start:pos].split())) not in _FIELD_NAMED_HEADS:
        return False
    if not _a_persons_name(text[pos:end].split(), rules):
        return False
    before = key[max(0, start - 40) : start].rstrip()
    return any(m.end() == len(before) for m in titles.finditer(before))


def _a_persons_name(words: list[str], rules: Rules) -> bool:
    """The words open with a person's name: a family name of ``surnames`` and two or three
    more words, each a capital and small letters ("Vũ Thị Lan", not "Lâm Nghiệp")."""
    name = []
    for w in words[:4]:
        if not (w[:1].isupper() and (len(w) == 1 or w[1:].islower())):
            break
        name.append(w)
    return len(name) >= 3 and fold(name[0]) in rules.surnames


def _modifiers_end(
    text: str, key: str, end: int, rules: Rules, governed: bool = False, listed: bool = False
) -> int:
    """A group noun's modifiers: "doanh nghiệp viễn thông", "cơ quan báo chí" (lower-case
    words up to a stop word, at most eight tokens). ``governed``: the group is the object of "chỉ đạo",
    "yêu cầu", "phối hợp với" …, so a verb that describes it goes on ("chỉ đạo các doanh
    nghiệp cung cấp dịch vụ viễn thông"); as a subject the same verb is its predicate."""
    toks = _tokens(text, end, 100)
    new_end = end
    clause = [v.split() for v in rules.group_clause_verbs]
    limit = 8  # "các tổ chức đoàn thể chính trị - xã hội": a dash is one of them
    described = False  # a verb that describes the group was read
    i = -1
    while i + 1 < min(len(toks), limit):
        i += 1
        t = toks[i]
        gap = text[end + (toks[i - 1].end() if i else 0) : end + t.start()]
        if re.search(r"[,;:.()“”\"]", gap):
            break
        word = t.group()
        low = fold(word)
        prev = (
            fold(toks[i - 1].group())
            if i
            else fold(
                key[max(0, end - 20) : end].split()[-1:][0]
                if key[max(0, end - 20) : end].split()
                else ""
            )
        )
        if not i and word[0].isupper() and low in derived(rules, _abbreviation_keys):
            new_end = end + t.end()  # "các sở GDĐT", "các Sở TT&TT": the field, abbreviated
            continue
        if low in rules.name_stop_words and (
            f"{prev} {low}" in rules.name_compounds
            or i + 1 < len(toks)
            and f"{low} {fold(toks[i + 1].group())}" in rules.name_noun_compounds
        ):  # "các trường trung học phổ thông"
            new_end = end + t.end()
            continue
        if (
            low in rules.coordinators
            and f"{prev} {low}" in rules.name_compounds
            and i + 1 < len(toks)
            and not re.search(r"[,;:.()“”\"]", text[end + t.end() : end + toks[i + 1].start()])
        ):  # "các sở giáo dục và đào tạo": a field's name joined by "và", and its next word
            i += 1
            new_end = end + toks[i].end()
            continue
        # "các cơ quan trực tiếp quản lý cán bộ": the verb that describes the group may have
        # "trực tiếp" before it
        after = fold(toks[i + 1].group()) if i + 1 < len(toks) else ""
        adv = 2 if low == "trực" and after == "tiếp" else 0
        verb = next(
            (
                ["trực", "tiếp", *v] if adv else v
                for v in clause
                if [fold(x.group()) for x in toks[i + adv : i + adv + len(v)]] == v
                and not re.search(
                    r"[,;:.()“”\"]",
                    text[
                        end + t.start() : end + toks[min(len(toks) - 1, i + adv + len(v) - 1)].end()
                    ],
                )
            ),
            None,
        )
        if verb and governed:  # "các doanh nghiệp cung cấp dịch vụ viễn thông"
            i += len(verb) - 1
            new_end = end + toks[i].end()
            # its object, up to eight words ("dịch vụ điện toán đám mây"), not the verb of the
            # work the group is told to do after it ("… viễn thông rà soát …")
            limit = min(len(toks), i + 9)
            described = True
            continue
        if described and derived(rules, work_opening).match(
            fold(text[end + t.start() : end + t.start() + 40])
        ):
            break
        if verb and not governed:
            # as a subject, the verb describes the group when the predicate comes after its
            # object: "Các sở quản lý công trình xây dựng chuyên ngành kiểm tra …"
            at = _predicate_after(text, end, toks, i + len(verb), rules)
            if at is not None:
                return end + toks[at - 1].end()
        if low == "về":
            # "chỉ đạo các đơn vị chuyên trách về công nghệ thông tin rà soát …", "Các cơ
            # quan quản lý nhà nước về dược tăng cường …": a group's field, up to its work
            field = _field_after(text, end, toks, i + 1, rules)
            if field is None:
                break
            i = field
            new_end = end + toks[i].end()
            continue
        if low == "ở":  # "các cơ quan đảng ở Trung ương", "… đóng ở trong và gần khu vực"
            place = _where_after(text, end, toks, i + 1, rules)
            if place is None:
                break  # a name does not end on "ở"
            i = place
            new_end = end + toks[i].end()
            continue
        if (
            word[0].isupper()
            and prev == "thuộc"
            and low in ("bộ", "sở", "ban", "cục")
            and not (i + 1 < len(toks) and toks[i + 1].group()[0].isupper())
        ):
            return end + t.end()  # "các đơn vị thuộc Bộ": the units of the issuer
        if (
            low in rules.name_stop_words
            or low in rules.coordinators
            or low == "các"
            # a capital opens a name, but "Đảng" and "Nhà nước" are written so as modifiers
            # too ("các ban, cơ quan Đảng tỉnh", "các cơ quan Nhà nước")
            or word[0].isupper()
            and low != "đảng"
            and not (low == "nhà" and after == "nước")
            # "phối hợp với các bộ, ngành, địa phương điều tra …": after a list of kinds, a
            # verb of work is what they do together
            or listed
            and derived(rules, work_opening).match(
                fold(text[end + t.start() : end + t.start() + 40])
            )
            # "đề nghị các địa phương quan tâm chỉ đạo …": a verb that opens work is no
            # modifier ("tổ chức" is a noun too: "các đơn vị tổ chức thi")
            or derived(rules, _opens_task_verb).match(
                fold(text[end + t.start() : end + t.start() + 30])
            )
        ):
            break
        new_end = end + t.end()
        if fold(text[end:new_end]).endswith(tuple(rules.vague_markers)):
            break  # "các cơ quan chức năng phòng ngừa …": a vague marker ends the name
    return new_end


def _title_words(rules: Rules) -> frozenset[str]:
    """``office_titles`` as a set (for :func:`derived`)."""
    return frozenset(rules.office_titles)


def _abbreviation_keys(rules: Rules) -> frozenset[str]:
    """The short forms of ``abbreviations`` (for :func:`derived`)."""
    return frozenset(short for short, _ in rules.abbreviations)


def _opens_task_verb(rules: Rules) -> re.Pattern[str]:
    """A folded text that opens with one of ``task_verbs`` other than "tổ chức" (for
    :func:`derived`)."""
    verbs = Rules.alternation(tuple(v for v in rules.task_verbs if v != "tổ chức"))
    return re.compile(rf"(?:{verbs})(?![\wđ])")


def _field_after(
    text: str, end: int, toks: list[re.Match[str]], start: int, rules: Rules
) -> int | None:
    """The last token of the field after "về" (lower-case words, at most five), when a verb
    of work comes right after it; None otherwise ("về việc …", "về Bộ …", a mark)."""
    verbs = derived(rules, work_opening)
    if start < len(toks) and fold(toks[start].group()) == "việc":
        return None  # "về việc …": what is said to it, not its field
    for j in range(start, min(len(toks), start + 6)):
        gap = text[end + toks[j - 1].end() : end + toks[j].start()]
        word = toks[j].group()
        if re.search(r"[,;:.()“”\"]", gap) or word[0].isupper():
            return None
        if j > start and verbs.match(
            fold(text[end + toks[j].start() : end + toks[j].start() + 40])
        ):
            return j - 1
        if fold(word) in rules.name_stop_words:
            return None
    return None


_PLACE_WORDS = frozenset(("trong", "trên", "tại", "ngoài", "gần", "từ"))


def _where_after(
    text: str, end: int, toks: list[re.Match[str]], start: int, rules: Rules
) -> int | None:
    """The last token of where a group is, after "ở": up to the verb of its work or a mark,
    at most six words ("ở Trung ương và địa phương", "ở trong và gần khu vực"); None when
    a verb or a mark follows "ở" at once."""
    verbs = derived(rules, work_opening)
    last = None
    for j in range(start, min(len(toks), start + 6)):
        gap = text[end + toks[j - 1].end() : end + toks[j].start()]
        low = fold(toks[j].group())
        if (
            re.search(r"[,;:.()“”\"]", gap)
            or low in ("và", "hoặc")
            and fold(toks[j + 1].group() if j + 1 < len(toks) else "") in ("các", "những")
            or low in rules.name_stop_words
            and low not in _PLACE_WORDS
            or verbs.match(fold(text[end + toks[j].start() : end + toks[j].start() + 40]))
        ):
            break
        last = j
    return last


def _village_head_pattern(rules: Rules) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """ "Trưởng thôn, Tổ trưởng tổ dân phố", "trưởng ấp và trưởng khu phố": heads of the
    places below a commune (``village_units``), one or a list of them; and the units."""
    units = Rules.alternation(rules.village_units) or "(?!)"
    one = rf"(?:phó\s++)?(?:tổ\s++)?trưởng\s++(?:{units})(?![\wđ])"
    heads = re.compile(rf"(?<![\wđ]){one}(?:(?:\s*+,\s*+(?:và\s++)?|\s++(?:và|hoặc)\s++){one})*+")
    return heads, re.compile(rf"(?<![\wđ])(?:{units})(?![\wđ])")


def _village_heads(
    text: str, key: str, found: list[AgencyMatch], province: str | None, rules: Rules
) -> list[AgencyMatch]:
    """The heads of villages stand for the villages, as a minister stands for the ministry:
    "Trưởng thôn, Tổ trưởng tổ dân phố tuyên truyền …" is done by the villages and
    residential groups ("Các thôn, tổ dân phố"). A head followed by the places it heads
    ("Trưởng khóm các khóm") is the title of that group, read as office titles are."""
    if "trưởng" not in key or not rules.village_units:
        return found
    heads, units_of = derived(rules, _village_head_pattern)
    extra: list[AgencyMatch] = []
    for m in heads.finditer(key):
        start, end = m.start(), m.end()
        if re.match(r"\s++(?:các|những)\s", key[end : end + 8]):
            continue  # "Trưởng khóm các khóm": the group after the title
        if any(f.start < end and start < f.end for f in found):
            continue
        units: list[str] = []
        for u in units_of.finditer(key, start, end):
            if u.group() not in units:
                units.append(u.group())
        name = "Các " + ", ".join(units)
        written = collapse(text[start:end])
        agency = Agency(name, "unknown", province, "group", None, written, canonical=False)
        extra.append(AgencyMatch(start, end, agency))
    return sorted(found + extra, key=lambda f: f.start) if extra else found


def _units_tail(rules: Rules) -> tuple[re.Pattern[str], re.Pattern[str]]:
    units = Rules.alternation(
        (*rules.commune_units, *rules.village_units, *rules.district_units, "tỉnh", "thành phố")
    )
    return (
        re.compile(rf"(?<![\wđ])(?:{units})$"),
        re.compile(rf"(?:(?:\s*+,\s*+(?:và\s++)?|\s++và\s++)(?:{units})(?![\wđ]))+"),
    )


def _school_levels(key: str, end: int, rules: Rules) -> int:
    """ "các trường Tiểu học, Trung học cơ sở": the schools of the levels listed after it;
    also after a first level the noun's modifiers took ("các trường mầm non, tiểu học,
    trung học cơ sở trên địa bàn")."""
    if not rules.school_levels:
        return end
    before, first, more = derived(rules, _levels_after)
    tail = before.search(key, max(0, end - 60), end)
    if not tail:
        return end
    m = (more if tail.group("level") else first).match(key, end)
    return m.end() if m else end


def _levels_after(
    rules: Rules,
) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    level = rf"(?:{Rules.alternation(rules.school_levels)})(?![\wđ])"
    quals = rf"(?:\s++(?:{Rules.alternation(rules.group_qualifiers)})(?![\wđ]))*+"
    sep = r"(?:\s*+,\s*+(?:và\s++)?|\s++và\s++)"
    return (
        re.compile(rf"(?<![\wđ])trường(?: học)?(?P<level>\s++{level})?$"),
        re.compile(rf"\s++{level}(?:{sep}{level})*+{quals}"),
        re.compile(rf"(?:{sep}{level})++{quals}"),
    )


_PLACES_AT_END = re.compile(r"(?<![\wđ])(?:tỉnh|thành phố|xã|phường|địa phương)$")
_RELATIVE = re.compile(r"\s++có\s++(?!trách nhiệm|nhiệm vụ|liên quan|ý kiến|văn bản)")


def _with_relative(key: str, end: int, rules: Rules) -> int:
    """ "Ủy ban nhân dân các tỉnh, thành phố có dự án đi qua": a group of places goes on
    through what they have, up to the verb of its work (within six words; else not)."""
    if not _PLACES_AT_END.search(key, max(0, end - 12), end):
        return end
    m = _RELATIVE.match(key, end)
    if not m:
        return end
    verbs = derived(rules, work_opening)
    words = list(re.finditer(r"\S+", key[m.end() : m.end() + 80]))
    for i, w in enumerate(words[:7]):
        if i and verbs.match(key, m.end() + w.start()):
            return m.end() + words[i - 1].end()
        if i and w.group().endswith(":") and w.group()[:-1].isalpha():
            return m.end() + w.end() - 1  # "Đề nghị … các tỉnh có dự án đi qua:" (a heading)
        if re.search(r"[,;:.()]", w.group()) or w.group() in ("để", "nhằm", "theo", "và", "với"):
            return end
    return end


_WHERE_CLAUSE = re.compile(r"[ \t]++nơi[ \t]++(?:có|đặt|diễn ra|xảy ra)[ \t]++")


@lru_cache(maxsize=1)
def _from_to_pattern() -> re.Pattern[str]:
    """ "… từ Quảng Trị đến Khánh Hòa" (folded): the provinces a group of places runs over."""
    names = "|".join(sorted((re.escape(fold(n)) for n in PROVINCE_NAMES), key=len, reverse=True))
    place = rf"(?:(?:tỉnh|thành phố)[ \t]++)?(?:{names})(?![\wđ])"
    return re.compile(rf"[ \t]++từ[ \t]++{place}[ \t]++(?:đến|tới)[ \t]++{place}")


_COMMITTEE_AT_END = re.compile(r"(?:tỉnh|thành|huyện|đảng)[ \t]++(?:ủy|uỷ)$")
_MORE_COMMITTEES = re.compile(
    r"(?:[ \t]*+,[ \t]*+(?:và[ \t]++)?|[ \t]++và[ \t]++)(?:tỉnh|thành|huyện|đảng)[ \t]++(?:ủy|uỷ)"
    r"(?![\wđ])(?:[ \t]++trực[ \t]++thuộc[ \t]++(?:trung[ \t]++ương|tỉnh[ \t]++ủy|thành[ \t]++ủy))?"
)


def _more_committees(key: str, end: int) -> int:
    """ "Các văn phòng tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương": a group of organs
    of committees goes on through the committees it lists."""
    if not _COMMITTEE_AT_END.search(key, 0, end):
        return end
    while m := _MORE_COMMITTEES.match(key, end):
        end = m.end()
    return end


def _from_to(key: str, end: int) -> int:
    """ "Ủy ban nhân dân các tỉnh từ Hà Tĩnh đến Khánh Hòa": a group of provinces goes on
    through the stretch of the country it names."""
    m = _from_to_pattern().match(key, end)
    return m.end() if m else end


def _where_clause(key: str, end: int, rules: Rules) -> int:
    """ "Cấp ủy cấp xã nơi có trụ sở Trung tâm", "Ủy ban nhân dân các xã nơi có dự án đi
    qua": a group goes on through the place it is said to be, up to the verb of its work
    (within seven words; else not)."""
    m = _WHERE_CLAUSE.match(key, end)
    if not m:
        return end
    verbs = derived(rules, work_opening)
    words = list(re.finditer(r"\S+", key[m.end() : m.end() + 90]))
    for i, w in enumerate(words[:8]):
        stop = w.group() in rules.name_stop_words and not (
            w.group() == "qua" and words[i - 1].group() == "đi"  # "nơi có dự án đi qua"
        )
        # "… nơi có trụ sở Trung tâm và ban giám đốc …": another party after "và"
        party = (
            w.group() in ("và", "hoặc")
            and i + 1 < len(words)
            and derived(rules, _party_opening).match(key, m.end() + words[i + 1].start())
        )
        if i and (stop or party or verbs.match(key, m.end() + w.start())):
            return m.end() + words[i - 1].end()
        if re.search(r"[,;:.()]", w.group()):
            return m.end() + w.end() - 1 if w.group()[-1:] in ",;:." and i else end
    return end


def _party_opening(rules: Rules) -> re.Pattern[str]:
    """A folded text that opens with a party: "các"/"những", a body's head word or a
    group's noun ("và ban giám đốc …", "và các chủ đầu tư …")."""
    words = rules.alternation((*rules.body_heads, *rules.group_nouns, "các", "những"))
    return re.compile(rf"(?:{words})(?![\wđ])")


def _more_units(key: str, end: int, rules: Rules) -> int:
    """ "các đảng ủy xã, phường": a group's modifier that is a kind of place goes on through
    the places listed after it."""
    last, more = derived(rules, _units_tail)
    if not last.search(key, max(0, end - 12), end):
        return end
    m = more.match(key, end)
    return m.end() if m else end


def _commune_name(text: str, pos: int) -> tuple[int, str | None]:
    """The name after "xã"/"phường": capitalised words or a number, as printed."""
    words: list[str] = []
    end = pos
    if not text[pos : pos + 1].isspace():
        return end, None
    last = 0
    for t in re.finditer(r"\S+", text[pos : pos + 60]):
        w = t.group().rstrip(",;:.)")
        if not w or not (w[0].isupper() or w.isdigit()) or len(words) >= 4:
            break
        # on its line a capitalised word is the name's ("xã Gia Tiến", "xã Tân Lập"); after a
        # line break a word that opens a sentence ("Triển khai …", "Số: …") is not
        wrapped = "\n" in text[pos + last : pos + t.start()]
        if words and wrapped and fold(w) in default_rules().name_stop_words:
            break
        last = t.end()
        words.append(w.capitalize() if w.isupper() and not w.isdigit() else w)
        end = pos + t.start() + len(w)
        if w != t.group():
            break
    return end, " ".join(words) or None


_DEFAULT: AgencyTable | None = None


def default_table() -> AgencyTable:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = AgencyTable.load()
    return _DEFAULT


def load_aliases(path: str | Path) -> AgencyTable:
    """The bundled table and rules extended by a user's file; a malformed file is a clear error.

    The file may hold ``"agencies"`` in the shape of ``loaders/data/agencies.json``
    (``{"agencies": [{"name": "Sở Văn hóa và Thể thao", "level": "province",
    "aliases": ["sở vh&tt"]}]}``; its entries win over the bundled ones) and any list of
    ``loaders/data/rules.json`` (``{"office_titles": ["trưởng khu"]}``; its words are added).
    """
    import click

    from .rules import RULE_KEYS, RulesError

    try:
        data = json.loads(Path(path).read_text("utf-8"))
        if not isinstance(data, dict):
            raise ValueError("the file must hold a JSON object")
        known = {"agencies", "_about", *RULE_KEYS}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValueError(
                f"unknown key(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}"
            )
        if "agencies" not in data and not (set(data) & set(RULE_KEYS)):
            raise ValueError('no "agencies" and no rule list')
        entries = data.get("agencies", [])
        if not isinstance(entries, list) or not all(
            isinstance(e, dict) and isinstance(e.get("name"), str) for e in entries
        ):
            raise ValueError('"agencies" must be a list of objects with a "name"')
        return AgencyTable.load(extra=path)
    except RulesError as exc:
        raise click.ClickException(str(exc)) from exc
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise click.ClickException(f"{path}: not an alias or rules file ({exc})") from exc
