"""The document itself: number, type, issuer, province, date, draft mark, signer, title,
recipients; and where its body starts and ends.

The heading block is read the way a clerk reads it (Nghị định 30/2020/NĐ-CP, Phụ lục I, and
the Party's Hướng dẫn 36-HD/VPTW lay it out the same way):

* the letterhead's left column names the issuing body, a unit under its parent
  ("UBND THÀNH PHỐ HÀ NỘI / SỞ GIÁO DỤC VÀ ĐÀO TẠO" is the Sở Giáo dục và Đào tạo
  thành phố Hà Nội); its right column holds the place and date of issue;
* the type heading ("KẾ HOẠCH", "CÔNG ĐIỆN", "THÔNG BÁO") and under it the title, which
  ends where the preamble starts ("Căn cứ …", "Thực hiện …", "Kính gửi", the authority line
  "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH" of a decision, "THỦ TƯỚNG CHÍNH PHỦ điện:" of a telegram);
  a letter has no heading but a subject line ("V/v …") under its number;
* the body that speaks may be named under the heading ("NGHỊ QUYẾT / CỦA BỘ CHÍNH TRỊ") or
  in the signature block ("T/M BAN BÍ THƯ" under "BAN CHẤP HÀNH TRUNG ƯƠNG").

>>> from policy_lineage.loaders.pipeline import extract_text
>>> doc = extract_text("\\n".join([
...     "UBND TỈNH NGHỆ AN\\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
...     "SỞ TƯ PHÁP\\tĐộc lập - Tự do - Hạnh phúc",
...     "Số: 12/KH-STP\\tNghệ An, ngày 3 tháng 2 năm 2026",
...     "KẾ HOẠCH",
...     "TUYÊN TRUYỀN PHÁP LUẬT",
...     "TRÊN ĐỊA BÀN TỈNH NĂM 2026",
...     "Căn cứ Luật Phổ biến, giáo dục pháp luật;",
... ]), "x.txt").document
>>> doc.doc_type, doc.issuer.name, doc.date.isoformat(), doc.title
('Kế hoạch', 'Sở Tư pháp tỉnh Nghệ An', '2026-02-03', 'TUYÊN TRUYỀN PHÁP LUẬT TRÊN ĐỊA BÀN TỈNH NĂM 2026')
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from importlib import resources

from ..schema.model import Agency, DocumentInfo, Evidence, Span
from .agencies import AgencyTable
from .layout import Layout, Line, Paragraph
from .numbers import local_issuer_name, parse_number
from .rules import Rules, derived, spaced_type
from .textnorm import CAPITALS, collapse, fold, fold_ascii, match_key

# --------------------------------------------------------------------------- vocabulary
# The words are data (loaders/data/rules.json; doc_types.json for the type words); _Vocab
# builds the patterns of one Rules once (rules.derived).

_NB = r"(?<![\wđ])"  # no word character before
_NA = r"(?![\wđ])"  # no word character after
_MARKS = r"(?:t/?m|tm|kt|k/t|tl|t/l|tuq|q)"  # T/M, KT., TL., TUQ., Q.: who signs for whom


def _alt(phrases) -> str:
    return "(?:" + Rules.alternation(phrases) + ")"


def _connectors(rules: Rules) -> str:
    """The words after which a title line runs on (``title_connectors``); "số" only where it
    is a number's ("… Kế hoạch số"), not digital ("… chuyển đổi số", "… kinh tế số": the
    two-word names of ``name_compounds`` that end in "số")."""
    digital = [c.split()[0] for c in rules.name_compounds if c.endswith(" số")]
    others = [c for c in rules.title_connectors if c != "số"]
    if "số" not in rules.title_connectors:
        return _alt(others)
    number = "".join(f"(?<!{re.escape(w)} )" for w in digital) + "số"
    return "(?:" + Rules.alternation(others) + "|" + number + ")"


class _Vocab:
    """The word patterns of the heading block and the signature, built from one Rules."""

    def __init__(self, rules: Rules) -> None:
        # (folded heading words, type name), longest first: "thông báo kết luận" before
        # "thông báo"
        # a unit's head word after its parent on one letterhead line ("… TRUNG ƯƠNG BAN TỔ CHỨC")
        self.UNIT_HEAD = re.compile(
            r"(?<![\wđ])(?<!ủy )(?<!uỷ )(?<!tổng )(?:"
            + Rules.alternation(rules.body_heads)
            + r")(?:\s|$)"  # "… THÀNH PHỐ ĐÀ NẴNG VĂN PHÒNG": the unit's name may be its head
        )
        self.type_headings = rules.types()
        self.type_of = dict(self.type_headings)
        self.rules = rules
        self.TYPE_WORD = re.compile(r"^(?:" + rules.type_alternation() + r")(?![\wđ])")
        # a paragraph opening so starts the body (its first letters: "qua" is "quan" too)
        self.BODY_START = re.compile(
            r"^(?:" + Rules.alternation(rules.body_openings) + r"|ngày \d|(?:i|1)\s*[.\-–]\s"
            r"|chương\s++(?:i|1)\s*+[.:\-–]?\s*+(?:\S|$)|điều\s++1\s*+[.:])"  # a regulation
        )
        # a line broken before its object ("… của", "… thực hiện")
        connectors = _connectors(rules)
        self.CUT = re.compile(_NB + connectors + "$")
        self.strong_preamble_cues = rules.strong_preamble_cues
        issued = _alt(w for w, name in rules.types() if name in rules.issued_types)
        verbs = _alt((*rules.issue_verbs, *rules.drafting_verbs))
        self.ISSUES_PLAN = re.compile(_alt(rules.issue_verbs) + r"\s+" + issued + r"|như sau")
        # "UBND tỉnh xây dựng kế hoạch": the body ends where its spaces start, so a long run
        # of spaces is not tried once per length of the body (quadratic: 10 s for 4,000 spaces)
        self.WHO_ISSUES = re.compile(
            r"(?P<who>[^,.;:]{3,80}?)(?<!\s)\s++" + verbs + r"\s+" + issued, re.IGNORECASE
        )
        # titles of office holders: they open a signature block ("KT. CHỦ TỊCH") and the
        # authority line of a decision ("BỘ TRƯỞNG BỘ XÂY DỰNG")
        titles = tuple(
            t
            for t in (*rules.office_titles, *rules.signature_titles)
            if t not in rules.not_signature_titles
        )
        self.OFFICE_START = re.compile(
            r"^(?:" + _MARKS + r"\.?\s+)?(?:phó\s+)?" + _alt(titles) + _NA
        )
        # collective organs that speak for a body ("T/M BAN THƯỜNG VỤ", "TM. ỦY BAN NHÂN DÂN")
        # or issue in their own name; they also open a decision's authority line ("CHÍNH PHỦ")
        self.committee_organs = rules.committee_organs
        self.central_organs = rules.central_organs
        organs = (
            *rules.central_organs,
            *(o for o, _ in rules.committee_organs),
            *rules.local_authorities,
            *rules.organs,
        )
        self.ORGAN_START = re.compile(r"^" + _alt(organs) + _NA)
        self.ON_BEHALF = re.compile(
            r"(?:^|\s)(?:t/m|tm)\.?\s++(?P<organ>" + Rules.alternation(organs) + r")" + _NA
        )
        # Party committees: their organs (Bộ Chính trị, Ban Thường vụ …) sign for them
        self.PARTY_COMMITTEE = re.compile(r"^" + _alt(rules.party_committees) + _NA)
        # words after which a title line runs on ("… của / Ban Thường vụ Tỉnh ủy")
        self.CONNECTOR_END = re.compile(r"(?:" + _NB + connectors + r"|[,\-–(“\"])$")
        # openings of the preamble, which ends the title ("Căn cứ", "Thực hiện", "Kính gửi")
        self.PREAMBLE = re.compile(r"^[-–+•*]?\s*+" + _alt(rules.preamble_cues) + _NA)
        # cues that open the preamble even after a line ending in "… số", "… của"
        self.STRONG_PREAMBLE = re.compile(r"^" + _alt(rules.strong_preamble_cues) + _NA)
        # administrative units: a letterhead line opening with one continues the line above
        # ("ỦY BAN NHÂN DÂN / TỈNH NGHỆ AN")
        self.place_words = (*rules.province_units, *rules.commune_units, *rules.district_units)
        self.PLACE_START = re.compile(r"^" + _alt(self.place_words) + _NA + r"(?! ủy)(?! đoàn)")
        # what a letterhead line naming a body (or its organ, or a place) opens with; a line
        # that opens otherwise, in capitals, continues the name above ("VĂN PHÒNG CHÍNH / PHỦ",
        # a cell's two lines printed without the table)
        self.UNIT_START = re.compile(
            r"^(?:"
            + _alt(
                (
                    *rules.body_heads,
                    *rules.shape_heads,
                    *organs,
                    *rules.party_committees,
                    *rules.central_organs,
                    *(o for o, _ in rules.committee_organs),
                    *titles,
                    *self.place_words,
                    *(short for short, _ in rules.abbreviations),
                )
            )
            + _NA
            + r"|\S*\d)"  # "CỤC C06", a number
        )
        # a place word in a body's name ("xã" but not "xã hội", "tỉnh" but not "tỉnh ủy")
        self.PLACE_IN_NAME = re.compile(
            _NB + _alt(self.place_words) + _NA + r"(?! hội)(?! ủy)(?! đoàn)"
        )
        self.NATIONAL_SCOPE = re.compile(_NB + _alt(rules.national_scope_words) + _NA)
        self.commune_units = rules.commune_units
        self.COMMUNE_OF = _NB + _alt(rules.commune_units) + r"\s+"
        self.province_units = rules.province_units
        # a unit named with its parent's full name ("Văn phòng Ủy ban nhân dân tỉnh")
        self.office_units = rules.office_units
        # parents whose units are named with the parent's place ("Sở Tư pháp tỉnh Nghệ An")
        self.place_parents = (*rules.local_authorities, *rules.place_parents)
        # the head of a name built from its shape ("Trung tâm Phục vụ hành chính công")
        self.heads = sorted(
            (*rules.local_authorities, *rules.shape_heads), key=lambda h: (-len(h), h)
        )
        # the abbreviations a letterhead uses for the local authorities ("UBND", "HĐND")
        authorities = set(rules.local_authorities)
        self.abbreviated = tuple(
            (short, full) for short, full in rules.abbreviations if fold(full) in authorities
        )
        self.authorities = (*rules.local_authorities, *(s for s, _ in self.abbreviated))
        # titles that open a signature block even without T/M, KT., TL.
        self.SIGN_TITLE = re.compile(
            r"^(?:"
            + _MARKS
            + r"\.?\s+)?(?:phó\s+)?"
            + _alt((*titles, *(o for o, _ in rules.committee_organs)))
            + r"\b"
        )
        self.NOT_A_NAME = re.compile(r"^" + _alt(rules.not_name_words) + _NA)
        # "Đại tá Hoàng Văn Nguyên": a rank before the signer's name (``ranks``)
        self.RANK = re.compile(r"^(?:" + (_alt(rules.ranks) if rules.ranks else "(?!)") + r")\s+")
        self._provinces: tuple | None = None

    def province_patterns(
        self,
    ) -> tuple[dict[str, str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
        if self._provinces is None:
            by_fold = {fold(p): p for p in PROVINCES}
            names = "|".join(re.escape(n) for n in sorted(by_fold, key=len, reverse=True))
            units = Rules.alternation(self.province_units)
            named = re.compile(r"(?:tỉnh ủy|tỉnh uỷ|" + units + r")\s+(" + names + r")(?![\wđ])")
            in_head = re.compile(r"(?:tỉnh ủy|tỉnh)\s+(" + names + r")")
            # not a commune named like a province ("xã Long An", "phường Vĩnh Long")
            communes = "".join(f"(?<!{re.escape(u)} )" for u in self.commune_units)
            bare = re.compile(r"(?<![\wđ])" + communes + r"(" + names + r")(?![\wđ])")
            self._provinces = (by_fold, named, in_head, bare)
        return self._provinces


def _vocab(rules: Rules | None) -> _Vocab:
    return derived(rules, _Vocab)


_BODY_END = re.compile(r"^(?:nơi nhận|phụ lục|t/?m\.?\s|tm\.|kt\.|tl\.|tuq\.|q\.\s)")
_PLACE_DATE = re.compile(
    # "năm. 2025": a speck of a scan read as a stop after "năm"; the place is in the date's
    # cell (a type heading may end the cell before it: "Số 384-QĐ/TW QUY ĐỊNH<tab>Hà Nội, …")
    # a place's name opens with a capital and holds no figure and no "/" (not "… số
    # 57-NQ/TW, ngày 22/12/2024", not "… của UBND tỉnh, ngày 21/11/2025")
    r"(?<![^\s*|(_])(?P<place>(?-i:["
    + CAPITALS
    + r"])[^\n\t,;:\d/]{1,40}),\s*ngày\s*(?P<d>\d{0,2})\s*(?:tháng\s*(?P<m>\d{0,2})\s*năm"
    r"(?:\s*[.,](?=\s*\d))?\s*(?P<y>\d{0,4})"
    # "Hà Nội, ngày 10/12/2025": the date in figures
    r"|(?<=\d)\s*[/.-]\s*(?P<m2>\d{1,2})\s*[/.-]\s*(?P<y2>\d{4})(?!\d))",
    re.IGNORECASE,
)
_NUMBER_LINE = re.compile(
    r"(?<![\w/])Số\s*+:?\s*+(?P<raw>\d*+\s*+[-/]\s*(?:\d{4}\s*/\s*)?[A-Za-zĐđ][\wĐđ&]*(?:\s*[-/]\s*[A-Za-zĐđ\d][\wĐđ&]*(?:\.[IVX]{1,4}(?![A-Za-z0-9]))?)*)"
)
_SIGNATURE = re.compile(r"^(?:t/?m\.?|tm\.|kt\.|k/t|tl\.|t/l|tuq\.|q\.)\s", re.IGNORECASE)
_NATIONAL_HEADERS = re.compile(
    r"cộng hòa xã hội|chủ nghĩa việt nam|độc lập\s*[-–—]\s*tự do|tự do\s*[-–—]\s*hạnh phúc"
    r"|đảng cộng sản việt nam|^\*+$|^-+$"
    # the header's first line alone, its cell's two lines printed one after the other
    r"|^cộng hòa(?: xã)?$|^đảng cộng sản$"
)
_NUMBER_WORD = re.compile(r"(?:^|\s)\**Số\s*+:?[\s*]*$")
# "Số:" alone on its line, the number on the next; a document number alone ("2820/QĐ-UBND")
_NUMBER_ALONE = re.compile(
    r"^(?:Số\s*+:?|\d++(?:\s*/\s*\d{4})?\s*/\s*[A-ZĐ][\wĐđ&]*(?:\s*[-/]\s*[\wĐđ&]+)*)$"
)
# a line of the national motto, read between the heading's lines (a right column)
_MOTTO_LINE = re.compile(
    r"^(?:cộng hòa xã hội(?: chủ nghĩa việt nam)?|chủ nghĩa việt nam|độc lập\s*[-–—]\s*tự do"
    r"|đảng cộng sản việt nam$)"
)
# a place and date broken over two lines ("Thành phố Hồ Chí Minh, ngày 18" / "tháng 11 năm
# 2025"): its first line, and the rest on the next
_DATE_OPENS = re.compile(
    r"(?-i:[" + CAPITALS + r"])[^\n\t,;:\d/]{1,40},\s*+ngày(?:\s*+\d{1,2})?"
    r"(?:\s*+tháng(?:\s*+\d{1,2})?)?(?:\s*+năm)?\s*+",
    re.IGNORECASE,
)
_DATE_REST = re.compile(r"(?:ngày\s*+\d{1,2}\s*+)?(?:tháng\s*+\d{1,2}\s*+)?(?:năm\s*+)?\d{4}")
# the rest of a wrapped motto, on the lines after its first ("VIỆT NAM Độc lập - Tự do -
# Hạnh" / "phúc" under "CỘNG HÒA XÃ HỘI CHỦ NGHĨA"): a letterhead's right column read after
# the type heading, as a PDF's text gives it
_MOTTO_REST = re.compile(
    r"(?:(?:cộng hòa|xã hội|chủ nghĩa|việt nam|độc lập|tự do|hạnh phúc|hạnh|phúc)\s*+[-–—]?\s*+)+"
)
_DECORATION = re.compile(r"[-–—_=*.~\s]+")
_DRAFT_WORD = re.compile(r"\(?dự thảo(?:\s*(?:lần\s*)?\d+)?\)?")
_TERM_LINE = re.compile(r"^(?:khóa\s+[ivxlc\d]+|kỳ họp)(?![\wđ])")
_ATTACHED = re.compile(r"\((?:ban hành )?kèm theo", re.IGNORECASE)
_ROMAN_SECTION = re.compile(
    r"^(?:[ivx]{1,4}|\d{1,2})\s*[.\-–)]\s|^(?:điều\s+\d|(?:chương|phần|mục)\s+(?:[ivxlc]+|\d+)(?![\wđ]))"
)


def _provinces() -> list[str]:
    data = json.loads(
        resources.files("policy_lineage.loaders").joinpath("data/provinces.json").read_text("utf-8")
    )
    return data["provinces"]


PROVINCES = _provinces()
_PROVINCE_IN_KEY = re.compile(
    r"(?<![\wđ])(?:"
    + "|".join(
        re.escape(p) for p in sorted({match_key(p) for p in PROVINCES}, key=len, reverse=True)
    )
    + r")(?![\wđ])"
)


@dataclass
class Regions:
    header_end: int  # index of the first body paragraph
    body_end: int  # index after the last body paragraph
    appendix_start: int | None  # index of the "Phụ lục" paragraph, if any


def _is_type_heading(v: _Vocab, text: str) -> bool:
    t = text.strip(" *")
    spaced = spaced_type(v.rules, t)
    if spaced is not None and spaced[1] == len(t):  # "K Ế   H O Ạ C H"
        return True
    if not t or not t.split()[-1].isupper():
        return False
    key = fold(t)
    return any(key.endswith(w) or key.startswith(w) for w, _ in v.type_headings) or (
        key.startswith("của ")
    )


def find_regions(paragraphs: list[Paragraph], rules: Rules | None = None) -> Regions:
    """Where the body starts and ends, and where an appendix starts (``rules``: the words,
    the bundled ones when None)."""
    v = _vocab(rules)
    body = [i for i, p in enumerate(paragraphs) if p.kind != "footnote"]
    start = None
    kinh_gui = None
    for i in body:
        key = fold(paragraphs[i].text).lstrip("*-–—+• ")
        if key.startswith("kính gửi"):
            kinh_gui = i
            continue
        if (
            kinh_gui is not None
            and i > kinh_gui
            and paragraphs[i].text.lstrip().startswith(("-", "+", "•"))
        ):
            continue
        if v.BODY_START.match(key) or (kinh_gui is not None and i > kinh_gui):
            prev = [j for j in body if j < i]
            prev_key = fold(paragraphs[prev[-1]].text) if prev else ""
            cut = v.CUT.search(prev_key)
            after_heading = bool(prev) and _is_type_heading(v, paragraphs[prev[-1]].text)
            title_like = not paragraphs[i].text.rstrip().endswith(":") and not (
                v.ISSUES_PLAN.search(key)
            )
            strong = key.startswith(v.strong_preamble_cues)
            if prev and ((cut and not strong) or (after_heading and (title_like or not strong))):
                continue  # the title under "KẾ HOẠCH": "Triển khai thực hiện Kế hoạch số …"
            start = i
            break
    if start is None:
        start = _after_heading_block(v, paragraphs, body)
    end = len(paragraphs)
    appendix = None
    for i in body:
        if i <= start:
            continue
        key = fold(paragraphs[i].text).lstrip("* ")
        if _BODY_END.match(key):
            end = min(end, i)
            if key.startswith("phụ lục"):
                appendix = i
                break
    if appendix is None:
        for i in body:
            if i > end and fold(paragraphs[i].text).lstrip("* ").startswith("phụ lục"):
                appendix = i
                break
    return Regions(start, end, appendix)


def _after_heading_block(v: _Vocab, paragraphs: list[Paragraph], body: list[int]) -> int:
    """Where the body starts when no cue opens it: after the type heading, its title (in
    capitals or short) and a telegram's address block ("… điện:" and its dashes)."""
    if not body:
        return 0
    at = next((k for k, i in enumerate(body) if _find_type_word(v, paragraphs[i].text)), None)
    if at is None:
        return body[0]
    k, address = at + 1, False
    while k < len(body):
        text = paragraphs[body[k]].text.strip(" *")
        if re.search(r"(?:^|\s)điện\s*:$", fold(text)):
            address = True
        elif (
            not (address and text.startswith(("-", "+", "•")))
            and _prose(text)
            and not _is_upper(text)
        ):
            return body[k]
        k += 1
    return body[at + 1] if at + 1 < len(body) else body[0]


def detect_province(text: str, rules: Rules | None = None) -> str | None:
    """The province a document belongs to: its place-date line, else the most named one."""
    v = _vocab(rules)
    head = text[:3000]
    by_fold, named, in_head, bare = v.province_patterns()
    m = _PLACE_DATE.search(head)
    if m:
        place = fold(m.group("place")).strip(" *")
        for folded, p in by_fold.items():
            # A commune dates its texts from its own name ("Long An, ngày …" under "XÃ LONG
            # AN"): that names the commune, not the province of the same name.
            if (folded == place or place.endswith(folded)) and not re.search(
                v.COMMUNE_OF + re.escape(folded) + r"(?![\wđ])", fold(head)
            ):
                return p
    counts: Counter[str] = Counter()
    for hit in named.finditer(fold(text)):
        counts[by_fold[hit.group(1)]] += 1
    for hit in in_head.finditer(fold(head)):
        counts[by_fold[hit.group(1)]] += 2
    if counts:
        best = max(counts.values())  # ties: the first in the table, as before
        return next(p for p in PROVINCES if counts.get(p) == best)
    hit = bare.search(fold(text))  # "đưa Đồng Tháp phát triển"
    if hit:
        found = {by_fold[h.group(1)] for h in bare.finditer(fold(text))}
        return next(p for p in PROVINCES if p in found)
    return None


def _ev(
    source: str, para: Paragraph, start: int = 0, end: int | None = None, cue: str | None = None
) -> Evidence:
    end = len(para.text) if end is None else end
    return Evidence(source, para.span(start, end), collapse(para.text[start:end]), cue)


def _line_ev(source: str, lines: list[Line], text: str | None = None) -> Evidence:
    return Evidence(
        source,
        Span(lines[0].start, lines[-1].end),
        text or collapse(" ".join(ln.text for ln in lines)),
    )


def extract_document(
    source: str,
    text: str,
    lay: Layout,
    table: AgencyTable,
    regions: Regions,
    portal: dict[str, str] | None = None,
) -> DocumentInfo:
    """The document's own facts; ``portal`` (a saved page's metadata table) fills the gaps."""
    paras = lay.paragraphs
    header = [p for p in paras[: regions.header_end] if p.kind != "footnote"]
    v = _vocab(table.rules)
    head_lines = _header_lines(lay, regions)
    units = _letterhead_units(v, head_lines)
    province = None if _is_central(v, units, table) else detect_province(text, table.rules)
    evidence: dict[str, Evidence] = {}

    # number
    number = template = None
    parsed = None
    near = header + paras[regions.header_end : regions.header_end + 1]
    for i, p in enumerate(near):
        m = _NUMBER_LINE.search(p.text)
        whole = False
        if m is None and _NUMBER_WORD.search(p.text) and i + 1 < len(near):
            # "Số:" alone, the number in the next line or cell
            p, whole = near[i + 1], True
            m = _NUMBER_LINE.match("Số: " + p.text.strip(" *"))
        if m:
            raw = re.sub(r"\s+", "", m.group("raw"))
            parsed = parse_number(raw)
            if parsed is not None:
                template = parsed.format()
                number = None if parsed.is_blank else template
                evidence["number"] = _ev(source, p) if whole else _ev(source, p, m.start(), m.end())
                break

    # date and place: the letterhead's, even when a cell or a line break splits it
    when, date_line = _issue_date(v, source, header, head_lines, evidence)

    # type: the heading word ("QUY ĐỊNH" over a Party number's QĐ), else the number's code
    heading = _find_heading(v, head_lines)
    doc_type = parsed.doc_type if parsed is not None else None
    if heading is not None and (doc_type is None or (heading.alone and heading.name != doc_type)):
        doc_type = heading.name

    # title: under the heading, else the subject line of a letter
    title = None
    speaker = None  # "CỦA BỘ CHÍNH TRỊ" under the heading
    if heading is not None:
        title, speaker, used = _heading_title(v, heading, head_lines, units)
        if title and used:
            evidence["title"] = _line_ev(source, used, title)
    if not title:
        subject = next((i for i, p in enumerate(header) if _SUBJECT.search(p.text)), None)
        if subject is not None:
            title = _subject_title(header[subject:])
            # a subject line under no type heading is a letter's: the code of its number is
            # the sender's short name then ("1520/CT-CS" of Cục Thuế is no Chỉ thị); a
            # submission (Tờ trình) may open so too
            if heading is None and doc_type != "Tờ trình":
                doc_type = "Công văn"
            if title:
                evidence["title"] = _ev(source, header[subject])
    if title:
        title = title[0].upper() + title[1:]

    # issuer: the body the letterhead names (a unit under its parent), the organ that
    # speaks for it ("CỦA BỘ CHÍNH TRỊ", "T/M BAN THƯỜNG VỤ"), else the number's body
    tail_lines = _tail_lines(lay, paras, regions)
    signer, signer_line = _signer(v, tail_lines)
    if signer_line is not None:
        evidence["signer"] = Evidence(
            source, Span(signer_line.start, signer_line.end), collapse(signer_line.text)
        )
    sig_block = tail_lines[: tail_lines.index(signer_line) + 1] if signer_line else tail_lines[:8]
    from_header = _letterhead_issuer(v, units, table, province)
    from_number: Agency | None = None
    if parsed is not None and province:
        name = local_issuer_name(parsed, province)
        if name:
            from_number = table.lookup(name, province) or Agency(name, "province", province)
    if from_number is None and parsed is not None:
        from .numbers import default_issuer

        name = default_issuer(parsed)
        if name:
            from_number = table.lookup(name, province) or Agency(name, "central")
    issuer = _choose_issuer(from_header, from_number)
    if issuer is not None:
        issuer = _speaking_organ(v, issuer, speaker, sig_block, table, province)
    elif speaker:
        issuer = _name_of(v, speaker, table, province)
    if issuer is None:
        body = paras[regions.header_end : regions.header_end + 4]
        for p in body + header:
            m = v.WHO_ISSUES.search(p.text)
            if m:
                found = table.find(m.group("who"), province)
                if found:
                    issuer = found[-1].agency
                    evidence["issuer"] = _ev(source, p, m.start("who"), m.end("who"))
                    break
    if issuer is None:
        sig = [p for p in paras[regions.body_end :] if _SIGNATURE.match(p.text.strip())]
        if sig:
            key = fold(sig[0].text)
            if "ban thường vụ" in key:
                issuer = table.lookup("Ban Thường vụ Tỉnh ủy", province)
            elif "ủy ban nhân dân" in key:
                issuer = table.lookup("Ủy ban nhân dân tỉnh", province)

    recipients = _list_after(paras, "kính gửi", regions.header_end + 1)
    distribution = _list_after(paras, "nơi nhận", len(paras))

    is_draft = lay.draft_marked or (parsed is not None and parsed.is_blank)
    is_draft = is_draft or (date_line and when is None)
    if portal and not is_draft:
        number, doc_type, issuer, when, signer = _portal_fallback(
            v, portal, table, province, number, doc_type, issuer, when, signer
        )
        template = template or number
    return DocumentInfo(
        number=number,
        number_template=template,
        doc_type=doc_type,
        issuer=issuer,
        date=when,
        is_draft=is_draft,
        signer=signer,
        title=title,
        province=province,
        recipients=recipients,
        distribution=distribution,
        evidence=evidence,
    )


def _portal_fallback(v, portal, table, province, number, doc_type, issuer, when, signer):
    """A saved page's metadata table (Số hiệu, Loại văn bản, …) for facts the text lacks."""
    if number is None and portal.get("number"):
        parsed = parse_number(re.sub(r"\s+", "", portal["number"]))
        if parsed is not None and not parsed.is_blank:
            number = parsed.format()
    if doc_type is None and portal.get("doc_type"):
        key = fold(portal["doc_type"])
        doc_type = next((name for word, name in v.type_headings if key == word), None)
    if issuer is None and portal.get("issuer"):
        found = table.find(portal["issuer"], province)
        if found:
            issuer = found[-1].agency
    if when is None and portal.get("date"):
        m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", portal["date"].strip())
        if m:
            try:
                when = date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            except ValueError:
                when = None
    if (
        signer is None
        and portal.get("signer")
        and not re.search(r"\d|đang cập nhật", fold(portal["signer"]))
    ):
        signer = portal["signer"]
    return number, doc_type, issuer, when, signer


# --------------------------------------------------------------------------- the heading block


def _cells(text: str) -> list[str]:
    """Columns of a line: tab-separated cells, runs of three or more spaces, or a table's
    pipe between spaces (a row whose outer pipes were lost)."""
    return [c.strip(" *") for c in re.split(r"\t| {3,}| \| ", text) if c.strip(" *")]


_segments = _cells


def _is_upper(text: str) -> bool:
    """Capitals, as a heading is printed (a mixed-case number like "32/CT-TTg" allowed)."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.85 * len(letters)


def _letterhead_units(v: _Vocab, head: list[_HeadLine]) -> list[str]:
    """The letterhead's left column, one body per entry, parents first.

    "ỦY BAN NHÂN DÂN / TỈNH NGHỆ AN" is one body (a place continues the line above);
    "UBND THÀNH PHỐ HÀ NỘI / SỞ TƯ PHÁP" are two: the unit under its parent.
    """
    segs: list[str] = []
    for h in head[:16]:
        text = h.line.text
        stop = False
        for pat in (_NUMBER_LINE, _PLACE_DATE):
            m = pat.search(text)
            if m:
                text, stop = text[: m.start()], True
        if _NUMBER_ALONE.match(text.strip(" *")):
            text, stop = "", True
        if _find_type_word(v, h.line.text) is not None and (
            not stop or _find_type_word(v, text) is not None
        ):
            # the type heading: the letterhead is above it (not one after the number in a
            # cell read whole, "BAN CHẤP HÀNH TRUNG ƯƠNG Số 384-QĐ/TW QUY ĐỊNH")
            break
        cells = text.split("\t")
        for at, piece in enumerate(_cells(cells[0]) if len(cells) > 1 else _cells(text)):
            # a rule under the name, in the same cell ("SỞ KHOA HỌC VÀ CÔNG NGHỆ -------")
            piece = _RULE_IN_CELL.sub(" ", piece).strip(" *")
            if not piece:
                continue
            national = _NATIONAL_HEADERS.search(match_key(piece.strip(" *")))
            if national:
                piece = piece.strip(" *")[: national.start()].strip(" *")
                if piece and _is_upper(piece) and len(piece) <= _MAX_UNIT:
                    segs.append(piece)
                elif at == 0 and segs and len(cells) == 1:
                    # the right column printed after the left one: the left is read
                    stop = True
                break
            if _DECORATION.fullmatch(piece) or _DRAFT_WORD.fullmatch(fold(piece)):
                continue
            if not _is_upper(piece) or len(piece) > _MAX_UNIT:
                break
            segs.append(piece)
        if stop and segs:
            break
    segs = [part for seg in segs for part in _parent_and_unit(v, seg)]
    units: list[str] = []
    for seg in segs:
        if units and len(units[-1]) + len(seg) > _MAX_UNIT:
            break
        key = fold(seg)
        if units and (
            (v.PLACE_START.match(key) and not _has_place(v, units[-1]))
            or key.startswith(("và ", "- ", "& ", "– "))
            or re.search(r"(?:[,\-–&]|\svà)$", fold(units[-1]))
            or not v.UNIT_START.match(key)
        ):
            units[-1] = f"{units[-1]} {seg}"
        else:
            units.append(seg)
    return units


_MAX_UNIT = 200  # characters: a body's name is shorter; a longer "heading" is not one
_RULE_IN_CELL = re.compile(r"(?:^|\s)[-–—_=~]{3,}(?=\s|$)")


def _parent_and_unit(v: _Vocab, seg: str) -> list[str]:
    """A letterhead cell whose two lines a .docx or a web page joins: "BAN CHẤP HÀNH TRUNG
    ƯƠNG BAN TỔ CHỨC", "ỦY BAN NHÂN DÂN TỈNH HÀ NAM SỞ TÀI CHÍNH" are the parent, then the
    unit under it (a parent's name ends with its scope: Trung ương, a province)."""
    key = match_key(seg)
    # a head word may end a place's name ("… THÀNH PHỐ HẢI PHÒNG"): not a unit there
    inside = [(p.start() + 1, p.end()) for p in _PROVINCE_IN_KEY.finditer(key)]
    for m in v.UNIT_HEAD.finditer(key, 1):
        if any(a < m.start() < b for a, b in inside):
            continue
        before = seg[: m.start()].strip()
        if before and _has_place(v, before) and len(before.split()) >= 2:
            return [before, seg[m.start() :].strip()]
    return [seg]


def _names_locality(v: _Vocab, unit: str) -> bool:
    """ "… TỈNH NGHỆ AN", "… THÀNH PHỐ HÀ NỘI", "… XÃ MỸ HÒA": a local body's name."""
    key = fold(unit)
    return bool(v.PLACE_IN_NAME.search(key)) or any(
        key == fold(p) or key.endswith(" " + fold(p)) for p in PROVINCES
    )


def _has_place(v: _Vocab, unit: str) -> bool:
    """The name carries its own scope: "… TỈNH NGHỆ AN", "… XÃ MỸ HÒA", "… TRUNG ƯƠNG"."""
    return bool(v.NATIONAL_SCOPE.search(fold(unit))) or _names_locality(v, unit)


def _is_central(v: _Vocab, units: list[str], table: AgencyTable) -> bool:
    """A letterhead of a central body (Chính phủ, a ministry, the Party's Central Committee):
    the place of issue ("Hà Nội, ngày …") is the capital, not the document's province."""
    if not units or any(_names_locality(v, u) for u in units):
        return False  # "BỘ CÔNG AN / CÔNG AN TỈNH NGHỆ AN": the unit is local
    found = [m for m in table.find(units[0]) if m.start == 0]
    if found and found[0].agency.level == "central":
        return True
    return bool(v.NATIONAL_SCOPE.search(fold(units[0])))


def _shape_name(v: _Vocab, text: str) -> str:
    """A body's name as Vietnamese writes it, from a heading in capitals.

    The head word and the first word of the name take a capital ("Trung tâm Phục vụ hành
    chính công"), as do the words after "và" or a comma ("Sở Giáo dục và Đào tạo") and a
    place's name ("thành phố Hà Nội").

    >>> v = _vocab(None)
    >>> _shape_name(v, "BAN TUYÊN GIÁO VÀ DÂN VẬN"), _shape_name(v, "UỶ BAN NHÂN DÂN XÃ MỸ HÒA")
    ('Ban Tuyên giáo và Dân vận', 'Uỷ ban nhân dân xã Mỹ Hòa')
    """
    low = [w if _keep_case(w) else w.lower() for w in collapse(text).split()]
    if not low:
        return text
    key = fold(" ".join(low))
    head = next((h for h in v.heads if key == h or key.startswith(h + " ")), None)
    n_head = len(head.split()) if head else 1
    inner = fold(" ".join(low[n_head:]))
    if head and any(inner == h or inner.startswith(h + " ") for h in v.heads):
        # a body of a body: "Đảng ủy Sở Y tế", "Công đoàn Bộ Tài chính"
        first = " ".join(low[:n_head])
        return f"{first[0].upper()}{first[1:]} {_shape_name(v, ' '.join(low[n_head:]))}"
    caps = {0}
    i, in_place = n_head, False
    while i < len(low):
        rest = fold(" ".join(low[i : i + 3]))
        place = next((p for p in v.place_words if rest == p or rest.startswith(p + " ")), None)
        if place is not None and not in_place:
            in_place = True
            i += len(place.split())
            continue
        if in_place or i == n_head or low[i - 1].endswith(",") or low[i - 1] in ("và", "-", "–"):
            caps.add(i)
        i += 1
    name = " ".join(w[0].upper() + w[1:] if k in caps else w for k, w in enumerate(low))
    name = re.sub(r"(?<![\wđ])(?i:trung ương)(?![\wđ])", "Trung ương", name)
    name = re.sub(r"(?<![\wđĐ])đảng(?![\wđ])", "Đảng", name)  # "Ban Thường vụ Đảng ủy"
    return re.sub(r"(?<![\wđ])(?i:việt nam)(?![\wđ])", "Việt Nam", name)


def _keep_case(word: str) -> bool:
    """Roman numerals and figures stay as printed ("khu vực XII")."""
    return bool(re.fullmatch(r"[IVXLC]+|[\dA-Z/.-]*\d[\dA-Z/.-]*", word))


def _name_of(v: _Vocab, text: str, table: AgencyTable, province: str | None) -> Agency | None:
    """The body a heading line names: the table's name when it knows the whole line,
    else a name built from the line's shape (a body the table lacks is still named)."""
    text = collapse(text).strip(" *,.;:")
    if not text:
        return None
    known = [m for m in table.find(text, province) if not table.is_vague(m.agency)]
    whole = [m for m in known if m.start <= 1 and m.end >= len(text) - 1]
    if whole and whole[0].agency.level != "unknown":
        found = whole[0].agency
        # "VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH HÀ NAM": an issuer is named with its place
        return replace(found, name=found.placed, placed=None) if found.placed else found
    looked = table.lookup(text, province)
    if looked is not None:
        return looked
    key = fold(text)
    if province and not _has_place(v, text) and key.startswith(v.authorities):
        found = table.lookup(f"{key} tỉnh", province)
        if found is not None:
            return found
    name = _shape_name(v, _expand(v, text))
    level = "central" if _is_central(v, [text], table) else ("province" if province else "unknown")
    return _shaped(
        Agency(name, level, province if level == "province" else None, "body", None, text)
    )


def _expand(v: _Vocab, text: str) -> str:
    """The abbreviations a letterhead uses for the local authorities ("UBND", "HĐND")."""
    for short, full in v.abbreviated:
        text = re.sub(r"(?<![\wĐđ])" + re.escape(short.upper()) + r"(?![\wĐđ])", full.upper(), text)
    return text


def _shaped(agency: Agency) -> Agency:
    """A body named from its shape, not known to the table of bodies."""
    return replace(agency, canonical=False)


def _letterhead_issuer(
    v: _Vocab, units: list[str], table: AgencyTable, province: str | None
) -> Agency | None:
    """The body the letterhead names: its lowest unit, named with its parent's place or name."""
    if not units:
        return None
    if len(re.findall(r"[^\W\d_]+", units[-1])) < 2 and table.lookup(units[-1], province) is None:
        return None  # one word in capitals no table knows: a table's "STT", no letterhead
    child = _name_of(v, units[-1], table, province)
    if child is None or len(units) == 1:
        return child
    if _has_place(v, units[-1]) or _has_place(v, child.name):
        return child  # "ĐẢNG ỦY XÃ MỸ HÒA" under "ĐẢNG BỘ TỈNH AN GIANG"
    parent = _name_of(v, units[-2], table, province)
    if parent is None:
        return child
    pkey, ckey = fold(parent.name), fold(child.name)
    if pkey.startswith("ban chấp hành trung ương"):
        name = f"{child.name} Trung ương"  # "Ban Tổ chức Trung ương"
    elif ckey.startswith(v.office_units):
        name = f"{child.name} {parent.name}"  # "Văn phòng Đảng ủy Chính phủ"
    elif pkey.startswith(v.place_parents):
        head = next(h for h in v.place_parents if pkey.startswith(h))
        place = parent.name[len(head) :].strip()  # "thành phố Hà Nội"
        name = f"{child.name} {place}".strip()
    elif parent.level == "central" and not v.PARTY_COMMITTEE.match(pkey):
        return child  # "Cục Đường bộ Việt Nam", "Kho bạc Nhà nước" under their ministry
    else:
        name = f"{child.name} {parent.name}"  # "Ban Tổ chức Tỉnh ủy Nghệ An"
    known = table.lookup(name, province)
    if known is not None and known.level != "unknown" and fold(known.name) == fold(name):
        return known
    level = parent.level if parent.level != "unknown" else child.level
    written = collapse(" ".join(units[-2:]))
    agency = Agency(name, level, parent.province, "body", parent.name, written)
    return agency if known is not None else _shaped(agency)


@dataclass
class _HeadLine:
    line: Line
    gap: bool  # a blank line or a paragraph break comes before it
    run: str = ""  # its text and the lines after it up to the next gap


@dataclass
class _Heading:
    name: str  # the type it names
    at: int  # index in the heading block's lines
    rest: str  # what follows the type word on its line ("CỦA BAN THƯỜNG VỤ …", a title)
    alone: bool  # the type word is all its cell holds


def _find_type_word(v: _Vocab, text: str) -> tuple[str, str, bool] | None:
    """(type, rest, alone) when a cell of the line opens with a type word in capitals, or
    is a type word alone on its line ("Kế hoạch"). The number and the place-date may share
    the line of a heading in capitals."""
    line = fold(text.strip(" *"))
    spaced = spaced_type(v.rules, text.strip(" *"))
    if spaced is not None and spaced[1] == len(text.strip(" *")):
        return spaced[0], "", True  # "K Ế   H O Ạ C H": its letters spaced out
    for pat in (_NUMBER_LINE, _PLACE_DATE):
        text = pat.sub("\t", text)
    for cell in _cells(text):
        key = match_key(cell)
        if _MOTTO_LINE.match(fold(cell)):
            continue
        m = v.TYPE_WORD.match(key)
        if not m:
            continue
        word, rest = cell[: m.end()], cell[m.end() :].strip(" *:")
        if not word.isupper() and (rest or fold(word) != line):
            continue
        phrase = fold(word)
        name = v.type_of[phrase]
        # "THÔNG BÁO KẾT LUẬN …" is a Thông báo whose title is the "Kết luận …"
        extra = phrase[len(fold(name)) :].strip() if phrase.startswith(fold(name)) else ""
        if extra and v.TYPE_WORD.fullmatch(extra):
            rest = f"{word.split(None, len(name.split()))[-1]} {rest}".strip()
        return name, rest, not rest
    return None


def _header_lines(lay: Layout, regions: Regions) -> list[_HeadLine]:
    """The lines before the body, each with whether a break comes before it."""
    paras = lay.paragraphs
    limit = len(lay.lines)
    if regions.header_end < len(paras):
        limit = paras[regions.header_end].last_line + 1
    starts = {p.first_line for p in paras[: regions.header_end + 1]}
    out: list[_HeadLine] = []
    blank = True
    for i, ln in enumerate(lay.lines[:limit]):
        if ln.kind == "blank" or not ln.text.strip():
            blank = True
            continue
        if ln.kind in ("content", "table_row"):
            out.append(_HeadLine(ln, blank or i in starts))
            blank = False
    run: list[str] = []
    for h in reversed(out):  # each line's run: up to the next break
        run.insert(0, h.line.text.strip())
        h.run = " ".join(run)
        if h.gap or len(h.run) > 500:
            run = []
    return out


def _find_heading(v: _Vocab, head: list[_HeadLine]) -> _Heading | None:
    """The first line that opens with a type word in capitals. One that runs on in words
    before the letterhead (a site's name in a saved page's banner: "LUẬT … ONLINE · Tra cứu
    …") yields to one after the motto or number line, when there is one."""
    early: _Heading | None = None
    letterhead = False
    for i, h in enumerate(head):
        text = h.line.text
        found = _find_type_word(v, text)
        if found is not None:
            heading = _Heading(found[0], i, found[1], found[2])
            if letterhead or found[2]:
                return heading
            early = early or heading
        if not letterhead and (
            _NUMBER_LINE.search(text) or any(_MOTTO_LINE.match(fold(c)) for c in _cells(text))
        ):
            letterhead = True
    return early


@dataclass
class _Part:
    text: str
    upper: bool
    line: Line


def _heading_title(
    v: _Vocab, heading: _Heading, head: list[_HeadLine], units: list[str]
) -> tuple[str | None, str | None, list[Line]]:
    """The title under the type heading, without the type word; also the body a
    "CỦA BỘ CHÍNH TRỊ" line under the heading names; and the lines the title came from.

    It runs over hard wraps and ends where the preamble starts: "Căn cứ …", "Thực hiện …",
    "Kính gửi", the authority line of a decision ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"), the
    address line of a telegram ("THỦ TƯỚNG CHÍNH PHỦ điện:"), a section ("I. MỤC ĐÍCH").
    """
    parts: list[_Part] = []
    speaker: str | None = None
    first = head[heading.at].line
    pending = [(heading.rest, first, False, heading.rest)] if heading.rest else []
    for h in head[heading.at + 1 : heading.at + 20]:
        if h.line.kind == "table_row":
            break
        text = h.line.text.split("\t")[0] if "\t" in h.line.text else h.line.text
        pending.append((text, h.line, h.gap, h.run))
    skipped = ""  # what the line before was skipped as: a motto's or a date's first line
    for text, line, gap, run in pending:
        text = text.strip(" *")
        key = fold(text)
        if (skipped == "motto" and _MOTTO_REST.fullmatch(key)) or (
            skipped == "date" and _DATE_REST.fullmatch(key)
        ):
            continue  # the rest of a wrapped motto or date ("… Hạnh" / "phúc", "… năm" / "2025")
        skipped = ""
        if not text or _DRAFT_WORD.fullmatch(key) or _MOTTO_LINE.match(key):
            skipped = "motto" if text else ""
            continue
        if _DECORATION.fullmatch(text):
            if parts:
                break
            continue
        dated = _PLACE_DATE.search(text) or _DATE_OPENS.fullmatch(text)
        if (dated and not text[: dated.start()].strip(" *")) or (
            _NUMBER_LINE.search(text) and not parts
        ):
            skipped = "date" if dated else ""
            continue  # the right column of the letterhead, read between title lines
        if key.startswith(("kính gửi", "nơi nhận")) or re.search(r"(?:^|\s)điện\s*:$", key):
            break
        if _ROMAN_SECTION.match(key) or (_is_upper(text) and text.endswith(":")):
            break
        upper = _is_upper(text)
        if not parts and speaker is None and re.match(r"CỦA\s", text):
            # "CỦA BỘ CHÍNH TRỊ" / "CỦA BAN THƯỜNG VỤ TỈNH ỦY thực hiện …": who speaks
            words = text.split()[1:]
            run = []
            while words and _is_upper(words[0]):
                run.append(words.pop(0))
            speaker = " ".join(run)
            text = " ".join(words)
            if not text:
                continue
            key, upper = fold(text), _is_upper(text)
        if parts:
            joined = " ".join(p.text for p in parts)
            conn = bool(v.CONNECTOR_END.search(fold(joined)[-30:]))
            title_upper = all(p.upper for p in parts)
            starts_low = text[0].islower() or text[0].isdigit()
            preamble = v.STRONG_PREAMBLE.match(key) or (v.PREAMBLE.match(key) and not conn)
            if preamble and not starts_low and not (title_upper and upper):
                break
            if title_upper and not upper and not starts_low and not conn:
                break  # prose after a title in capitals
            if not title_upper and not starts_low and not conn and (upper or (gap and _prose(run))):
                break  # the authority line, or the body's first paragraph
            if len(joined) > 1200:
                break
        elif v.PREAMBLE.match(key) and (text[:1] in "-–+•" or text[:1].isupper() and _prose(run)):
            break  # no title: the preamble follows the heading
        parts.append(_Part(text, upper, line))
    parts = _strip_authority(v, parts, units)
    if not parts:
        return None, speaker, []
    title = " ".join(p.text for p in parts)
    title = re.sub(r"^V/[vV]\s*[:.]?\s*", "", title.strip())
    cut = _ATTACHED.search(title)
    if cut and cut.start() > 0:
        title = title[: cut.start()]
    title = re.sub(r"\s+([,;:.)])", r"\1", collapse(title))
    title = re.sub(r"([(“])\s+", r"\1", title).strip(" *;,.-–:")
    return title or None, speaker, [p.line for p in parts]


def _prose(run: str) -> bool:
    """Running text (a sentence ends it, or it is long), not a wrapped title."""
    run = run.rstrip(" *")
    return run.endswith((".", ";", ":")) or len(run) > 400


def _strip_authority(v: _Vocab, parts: list[_Part], units: list[str]) -> list[_Part]:
    """Drop the authority line that closes a decision's heading block: the office holder
    who decides ("BỘ TRƯỞNG BỘ XÂY DỰNG", "GIÁM ĐỐC TRUNG TÂM … / … THÀNH PHỐ") or the
    body itself ("CHÍNH PHỦ", "HỘI ĐỒNG NHÂN DÂN TỈNH … / KHÓA XVIII, KỲ HỌP THỨ 20")."""
    if len(parts) > 2 and parts[-1].upper and _TERM_LINE.match(fold(parts[-1].text)):
        parts = parts[:-1]  # the council's term and session
    n = len(parts)
    if n < 2:
        return parts

    def runs_on(k: int) -> bool:
        return bool(v.CONNECTOR_END.search(fold(parts[k - 1].text)[-30:]))

    letterhead = {fold(u) for u in units} | {fold(" ".join(units))}
    for k in (n - 2, n - 1):
        if k < 1 or runs_on(k) or not all(p.upper for p in parts[k:]):
            continue
        key = fold(" ".join(p.text for p in parts[k:]))
        if v.OFFICE_START.match(key):
            return parts[:k]
        place_after = k == n - 1 or v.PLACE_START.match(fold(parts[-1].text))
        if (v.ORGAN_START.match(key) and place_after) or key in letterhead:
            return parts[:k]
    return parts


def _subject_title(paras: list[Paragraph]) -> str | None:
    """ "V/v triển khai …" over one or more lines, without "V/v"."""
    first = paras[0].text
    m = _SUBJECT.search(first)
    assert m is not None
    cell = first[m.end() :].split("\t")[0]
    parts = [_title_piece(cell)]
    upper = _is_upper(parts[0])
    for p in paras[1:]:
        piece = _title_piece(p.text.split("\t")[0])
        key = fold(piece)
        if (
            not piece
            or _MOTTO_LINE.match(key)
            or key.startswith(("kính gửi", "số:", "số "))
            or (_is_upper(piece) and len(piece) > 3 and not upper)
            or (upper and not _is_upper(piece))
        ):
            break
        parts.append(piece)
    title = re.sub(r"\s+([,;:.)])", r"\1", collapse(" ".join(parts))).strip(" *;,.")
    return title or None


def _title_piece(text: str) -> str:
    """The left-column part of a heading line (the right column may share the line)."""
    m = _PLACE_DATE.search(text)
    if m:
        # the place is its words before ", ngày" from a capital: a subject line run together
        # with the date ("V/v xử lý kiến nghị của Bộ Khoa học và Hà Nội, ngày 04 …") keeps
        # its own words, and goes on after the date (a paragraph of joined lines)
        words = list(re.finditer(r"\S+", m.group("place")))
        n = len(words)
        while n > 0 and len(words) - n < 5 and words[n - 1].group()[:1].isupper():
            n -= 1
        cut = m.start("place") + (words[n].start() if n < len(words) else 0)
        if text[:cut].strip(" *"):
            after = text[m.end() :].strip()
            text = text[:cut].rstrip() + (" " + after if after else "")
        else:
            text = text[: m.start()]
    segs = _cells(text)
    return segs[0] if segs else ""


def _issue_date(
    v: _Vocab,
    source: str,
    header: list[Paragraph],
    head: list[_HeadLine],
    evidence: dict[str, Evidence],
) -> tuple[date | None, bool]:
    """The date of issue from the letterhead; (date, whether a place-date line was found).

    Read from the heading paragraphs (short ones: never a date of the body); when its parts
    are split across cells or lines ("Hà Nội, ngày 19 tháng 11" / "năm 2025"), from the
    letterhead's right-hand column joined.
    """
    found: tuple[date | None, Evidence] | None = None
    for p in header:
        if len(p.text) > 400:
            continue
        m = _PLACE_DATE.search(p.text)
        if m:
            found = (_date_of(m), _ev(source, p, m.start(), m.end()))
            break
    if found is None or found[0] is None:
        right: list[Line] = []
        for h in head[:16]:
            if _find_type_word(v, h.line.text) is not None:
                break
            if _right_column(h.line.text) or right:
                right.append(h.line)
        column = " ".join(_right_column(ln.text) for ln in right)
        m = _PLACE_DATE.search(column)
        if m and _date_of(m) is not None:
            found = (_date_of(m), _line_ev(source, right, collapse(m.group())))
    if found is None:
        return None, False
    evidence["date"] = found[1]
    return found[0], True


def _right_column(text: str) -> str:
    """The letterhead's right-hand column on a line: the cells after the first, or text
    indented far to the right ("                    năm 2025")."""
    if "\t" in text:
        return " ".join(c.strip() for c in text.split("\t")[1:]).strip()
    if len(text) - len(text.lstrip(" ")) >= 12:
        return text.strip()
    return " ".join(_cells(text)[1:])


def _date_of(m: re.Match[str]) -> date | None:
    month, year = m.group("m") or m.group("m2"), m.group("y") or m.group("y2")
    if not (m.group("d") and month and year):
        return None
    try:
        return date(int(year), int(month), int(m.group("d")))
    except ValueError:
        return None


# --------------------------------------------------------------------------- the issuer


def _speaking_organ(
    v: _Vocab,
    issuer: Agency,
    speaker: str | None,
    sig_block: list[Line],
    table: AgencyTable,
    province: str | None,
) -> Agency:
    """The organ that speaks for a Party committee: the body named under the heading
    ("CỦA BỘ CHÍNH TRỊ") or the one signed for ("T/M BAN BÍ THƯ", "T/M BAN THƯỜNG VỤ")."""
    if not v.PARTY_COMMITTEE.match(fold(issuer.name)):
        return issuer
    organs = []
    if speaker:
        organs.append(fold(speaker))
    m = v.ON_BEHALF.search(" ".join(fold(ln.text) for ln in sig_block))
    if m:
        organs.append(m.group("organ"))
    for organ in organs:
        found = _organ_of(v, issuer, organ, table, province)
        if found is not None:
            return found
    return issuer


def _organ_of(
    v: _Vocab, committee: Agency, organ: str, table: AgencyTable, province: str | None
) -> Agency | None:
    ckey = fold(committee.name)
    if organ.startswith(v.central_organs):
        if not ckey.startswith("ban chấp hành trung ương"):
            return None
        name = next(o for o in v.central_organs if organ.startswith(o))
        return table.lookup(name) or Agency(_shape_name(v, name), "central")
    for word, prefix in v.committee_organs:
        if organ.startswith(word):
            full = f"{prefix} {committee.name}"
            found = table.lookup(full, province)
            if found is not None:
                return found
            return Agency(full, committee.level, committee.province, "body", committee.name, None)
    return None


def _choose_issuer(from_header: Agency | None, from_number: Agency | None) -> Agency | None:
    if from_header is None:
        return from_number
    if from_number is None:
        return from_header
    # the number may name a body under the heading's ("-CV/BTVTU" under "TỈNH ỦY")
    if from_number.parent == from_header.name or (
        from_number.name != from_header.name and from_header.name in from_number.name
    ):
        return from_number
    return from_header


# --------------------------------------------------------------------------- the signature

_NAME_WORD = r"[^\W\d_][^\W\d_]*"


_SUBJECT = re.compile(r"(?:^|[\s*])V/[vV](?:\s*+[:.]\s++|\s++)(?=\S)")


def _tail_lines(lay: Layout, paras: list[Paragraph], regions: Regions) -> list[Line]:
    """Lines of the closing block: after the body, up to an appendix."""
    if regions.body_end >= len(paras):
        return []
    first = paras[regions.body_end].first_line
    out = []
    for ln in lay.lines[first:]:
        if fold(ln.stripped).startswith("phụ lục") and out:
            break
        if ln.kind in ("content", "table_row", "footnote"):
            out.append(ln)
    return out


def _person_at_end(v: _Vocab, segment: str) -> str | None:
    """A personal name closing a segment: "PHÓ CHỦ TỊCH (Đã ký) Nguyễn Văn Ánh" → the name."""
    seg = re.sub(r"\((?:đã ký|ký[^)]*|đã ký và đóng dấu)\)|\[đã ký\]", " ", segment, flags=re.I)
    words = seg.split()
    run: list[str] = []
    for w in reversed(words):
        if re.fullmatch(_NAME_WORD, w) and w[0].isupper() and not w.isupper():
            run.insert(0, w)
            continue
        if len(w) == 1 and w.isupper() and run:  # a one-letter given name part ("Lê Văn A")
            run.insert(0, w)
            continue
        break
    if len(run) == 1 and words and len(words[-1]) == 1:
        return None
    if not 2 <= len(run) <= 5:
        return None
    name = " ".join(run)
    return None if v.NOT_A_NAME.match(fold(name)) else name


_NAME_ONLY = re.compile(rf"(?:{_NAME_WORD}\s*+){{1,3}}")


def _name_goes_on(tail: list[Line], at: int, seg: str) -> str:
    """The next line of the closing block when it only goes on with the name a signature's
    title opens at the end of ``seg`` ("THỨ TRƯỞNG Tạ" / "Quang Đông": a signature block
    whose lines a PDF's text wraps), else "". Not a name in a column of its own under a
    typist's initials ("- Lưu: VT, NN (3). Hg", then the signer's name far to the right)."""
    if at + 1 >= len(tail):
        return ""
    words = seg.split()
    k = len(words)
    while k > 0 and re.fullmatch(_NAME_WORD, words[k - 1]) and not words[k - 1].isupper():
        k -= 1
    if k == len(words) or k == 0 or not (words[k - 1].isupper() and len(words[k - 1]) > 1):
        return ""  # no name begun right after a title in capitals
    raw = tail[at + 1].text
    nxt = raw.strip(" *.")
    if len(raw) - len(raw.lstrip()) > 8 or "\t" in nxt or not _NAME_ONLY.fullmatch(nxt):
        return ""
    return nxt if all(w[0].isupper() and not w.isupper() for w in nxt.split()) else ""


def _signer(v: _Vocab, tail: list[Line]) -> tuple[str | None, Line | None]:
    """The person who signs: the first name after a signature title, in any column."""
    in_sig = False
    for at, ln in enumerate(tail):
        segs = _segments(ln.text)
        if segs:
            more = _name_goes_on(tail, at, segs[-1])
            if more:
                segs[-1] = f"{segs[-1]} {more}"
        for seg in segs:
            key = fold(seg)
            # "Nơi nhận: THỦ TƯỚNG": two columns run together, the signature's title after
            # the recipients' label
            after_label = re.sub(r"^\W*nơi nhận\s*+:?\s*+", "", key)
            if (
                _SIGNATURE.match(seg)
                or v.SIGN_TITLE.match(key)
                or (after_label != key and v.SIGN_TITLE.match(after_label))
                or re.search(r"(?:^|\s)(?:t/?m|tm|kt|tl|T/?M|K/?T|T/?L)\.?\s+[A-ZĐ]", seg)
            ):
                in_sig = True
                name = _person_at_end(v, seg)
                if name and not seg.strip().isupper():
                    return name, ln
                continue
            if in_sig:
                name = _person_at_end(v, seg)
                if name and name == seg.strip(" .") or (name and len(seg.split()) <= 8):
                    return name, ln
                last = re.split(r"[;,.]\s", seg)[-1].strip(" .") if name else ""
                if name and (last == name or v.RANK.sub("", fold(last)) == fold(name)):
                    # two columns run together: "- VPCP: …, Cục KSTTHC; Đỗ Minh Quang" (the
                    # list of recipients on the left, the signer's name on the right), the
                    # name after a rank ("- Lưu: VT, PV01. Đại tá Hoàng Văn Nguyên")
                    return name, ln
    return None, None


def _list_after(paras: list[Paragraph], label: str, limit: int) -> list[str]:
    out: list[str] = []
    for i, p in enumerate(paras[:limit]):
        if fold(p.text).lstrip("* ").startswith(label):
            # the list's own cell when it stands beside the signature ("Nơi nhận: - Như trên;
            # - Lưu: VT.<tab>KT. CHỦ TỊCH …"), its dashes the items it runs together
            own = p.text.split("\t", 1)[0]
            inline = own.split(":", 1)[1].strip() if ":" in own else ""
            for item in re.split(r"(?:^|(?<=[;,.]))\s*+[-–—+•]\s++", inline):
                if item.strip(" ;,."):
                    out.append(collapse(item).strip(" ;,."))
            for q in paras[i + 1 : limit]:
                t = q.text.strip()
                if not t.startswith(("-", "+", "•")):
                    break
                out.append(collapse(t.lstrip("-–—+• ")).rstrip(" ;,."))
            break
    return out


def ascii_key(s: str) -> str:
    return fold_ascii(s)


#: The patterns of the bundled rules (kept by name for tests/robustness).
_WHO_ISSUES = _vocab(None).WHO_ISSUES
