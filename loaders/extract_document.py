"""The document itself: number, type, issuer, province, date, draft mark, signer, title,
recipients; and where its body starts and ends.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources

from ..schema.model import Agency, DocumentInfo, Evidence, Span
from .agencies import AgencyTable
from .layout import Layout, Line, Paragraph
from .numbers import local_issuer_name, parse_number
from .textnorm import collapse, fold, fold_ascii, match_key

_TYPE_HEADINGS = [
    ("chương trình hành động", "Chương trình"),
    ("chương trình", "Chương trình"),
    ("kế hoạch", "Kế hoạch"),
    ("nghị quyết", "Nghị quyết"),
    ("quyết định", "Quyết định"),
    ("chỉ thị", "Chỉ thị"),
    ("kết luận", "Kết luận"),
    ("thông báo kết luận", "Thông báo"),
    ("thông báo", "Thông báo"),
    ("báo cáo", "Báo cáo"),
    ("đề án", "Đề án"),
    ("hướng dẫn", "Hướng dẫn"),
    ("quy chế", "Quy chế"),
    ("quy định", "Quy định"),
    ("tờ trình", "Tờ trình"),
    ("công điện", "Công điện"),
    ("nghị định", "Nghị định"),
    ("thông tư", "Thông tư"),
    ("phương án", "Phương án"),
]
_BODY_START = re.compile(
    r"^(?:thực hiện|căn cứ|triển khai|theo|để|nhằm|qua|trên cơ sở|ngày \d|"
    r"(?:i|1)\s*[.\-–]\s)"
)
_BODY_END = re.compile(r"^(?:nơi nhận|phụ lục|t/?m\.?\s|tm\.|kt\.|tl\.|tuq\.|q\.\s)")
_PLACE_DATE = re.compile(
    r"(?P<place>[^\n,;:]{2,40}),\s*ngày\s*(?P<d>\d{0,2})\s*tháng\s*(?P<m>\d{0,2})\s*năm\s*(?P<y>\d{0,4})",
    re.IGNORECASE,
)
_NUMBER_LINE = re.compile(
    r"(?<![\w/])Số\s*+:?\s*+(?P<raw>\d*+\s*+[-/]\s*(?:\d{4}\s*/\s*)?[A-Za-zĐđ][\wĐđ&]*(?:\s*[-/]\s*[A-Za-zĐđ\d][\wĐđ&]*)*)"
)
_SIGNATURE = re.compile(r"^(?:t/?m\.?|tm\.|kt\.|tl\.|tuq\.|q\.)\s", re.IGNORECASE)
_NAME = re.compile(r"^(?:[A-ZĐÂĂÊÔƠƯ][\wÀ-ỹ]*\s+){1,4}[A-ZĐÂĂÊÔƠƯ][\wÀ-ỹ]*$")
_NATIONAL_HEADERS = re.compile(r"cộng hòa xã hội|độc lập - tự do|đảng cộng sản việt nam|^\*+$|^-+$")


def _provinces() -> list[str]:
    data = json.loads(
        resources.files("policy_lineage.loaders").joinpath("data/provinces.json").read_text("utf-8")
    )
    return data["provinces"]


PROVINCES = _provinces()


@dataclass
class Regions:
    header_end: int  # index of the first body paragraph
    body_end: int  # index after the last body paragraph
    appendix_start: int | None  # index of the "Phụ lục" paragraph, if any


def _is_type_heading(text: str) -> bool:
    t = text.strip(" *")
    if not t or not t.split()[-1].isupper():
        return False
    key = fold(t)
    return any(key.endswith(w) or key.startswith(w) for w, _ in _TYPE_HEADINGS) or key.startswith(
        "của "
    )


def find_regions(paragraphs: list[Paragraph]) -> Regions:
    body = [i for i, p in enumerate(paragraphs) if p.kind != "footnote"]
    start = None
    kinh_gui = None
    for i in body:
        key = fold(paragraphs[i].text).lstrip("*- ")
        if key.startswith("kính gửi"):
            kinh_gui = i
            continue
        if (
            kinh_gui is not None
            and i > kinh_gui
            and paragraphs[i].text.lstrip().startswith(("-", "+", "•"))
        ):
            continue
        if _BODY_START.match(key) or (kinh_gui is not None and i > kinh_gui):
            prev = [j for j in body if j < i]
            prev_key = fold(paragraphs[prev[-1]].text) if prev else ""
            cut = re.search(r"(?<![\wđ])(?:của|về|và|ngày|thực hiện|số)$", prev_key)
            after_heading = bool(prev) and _is_type_heading(paragraphs[prev[-1]].text)
            title_like = not paragraphs[i].text.rstrip().endswith(":") and not re.search(
                r"ban hành (?:kế hoạch|chương trình|quyết định)|như sau", key
            )
            if prev and (
                (cut and not key.startswith(("thực hiện", "căn cứ")))
                or (after_heading and (title_like or not key.startswith(("thực hiện", "căn cứ"))))
            ):
                continue  # the title under "KẾ HOẠCH": "Triển khai thực hiện Kế hoạch số …"
            start = i
            break
    if start is None:
        start = body[0] if body else 0
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


@lru_cache(maxsize=1)
def _province_patterns() -> tuple[
    dict[str, str], re.Pattern[str], re.Pattern[str], re.Pattern[str]
]:
    by_fold = {fold(p): p for p in PROVINCES}
    names = "|".join(re.escape(n) for n in sorted(by_fold, key=len, reverse=True))
    named = re.compile(r"(?:tỉnh ủy|tỉnh uỷ|tỉnh|thành phố)\s+(" + names + r")(?![\wđ])")
    in_head = re.compile(r"(?:tỉnh ủy|tỉnh)\s+(" + names + r")")
    # not a commune named like a province ("xã Long An", "phường Vĩnh Long")
    bare = re.compile(
        r"(?<![\wđ])(?<!xã )(?<!phường )(?<!đặc khu )(?<!thị trấn )(" + names + r")(?![\wđ])"
    )
    return by_fold, named, in_head, bare


_COMMUNE_OF = r"(?<![\wđ])(?:xã|phường|đặc khu|thị trấn)\s+"


def detect_province(text: str) -> str | None:
    """The province a document belongs to: its place-date line, else the most named one."""
    head = text[:3000]
    by_fold, named, in_head, bare = _province_patterns()
    m = _PLACE_DATE.search(head)
    if m:
        place = fold(m.group("place")).strip(" *")
        for folded, p in by_fold.items():
            # A commune dates its texts from its own name ("Long An, ngày …" under "XÃ LONG
            # AN"): that names the commune, not the province of the same name.
            if (folded == place or place.endswith(folded)) and not re.search(
                _COMMUNE_OF + re.escape(folded) + r"(?![\wđ])", fold(head)
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
    province = detect_province(text)
    evidence: dict[str, Evidence] = {}

    # number
    number = template = None
    parsed = None
    for p in header + paras[regions.header_end : regions.header_end + 1]:
        m = _NUMBER_LINE.search(p.text)
        if m:
            raw = re.sub(r"\s+", "", m.group("raw"))
            parsed = parse_number(raw)
            if parsed is not None:
                template = parsed.format()
                number = None if parsed.is_blank else template
                evidence["number"] = _ev(source, p, m.start(), m.end())
                break

    # date and place
    when = None
    date_line = False
    for p in header:
        m = _PLACE_DATE.search(p.text)
        if m:
            date_line = True
            evidence["date"] = _ev(source, p, m.start(), m.end())
            if m.group("d") and m.group("m") and m.group("y"):
                try:
                    when = date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
                except ValueError:
                    when = None
            break

    # type
    doc_type = parsed.doc_type if parsed is not None else None
    title_at = None
    for i, p in enumerate(header):
        key = fold(p.text).strip("* ")
        for word, name in _TYPE_HEADINGS:
            # the type word in capitals, alone or sharing a line with the number and date
            in_caps = re.search(r"(?<![\wĐđ])" + re.escape(word.upper()) + r"(?![\wĐđ])", p.text)
            if key == word or in_caps:
                doc_type = doc_type or name
                title_at = i
                break
        if title_at is not None:
            break
    subject = None
    for i, p in enumerate(header):
        if _SUBJECT.search(p.text):
            subject = i
            doc_type = doc_type or "Công văn"
            break

    # title
    title = None
    if subject is not None:
        title = _subject_title(header[subject:])
        if title:
            evidence["title"] = _ev(source, header[subject])
    elif title_at is not None:
        first = header[title_at]
        title = _heading_title(header[title_at:])
        if title:
            evidence["title"] = _ev(source, first, 0, len(first.text.strip()))
    if title:
        title = title[0].upper() + title[1:]

    # issuer: the body the heading block names (lowest line), the one that signs for it
    # ("T/M BAN THƯỜNG VỤ" under "TỈNH ỦY"), else the body the number's code stands for
    tail_lines = _tail_lines(lay, paras, regions)
    from_header = _header_issuer(lay, table, province)
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
        issuer = _signing_body(issuer, tail_lines, table, province)
    if issuer is None:
        body = paras[regions.header_end : regions.header_end + 4]
        for p in body + header:
            m = _WHO_ISSUES.search(p.text)
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

    # signer: the personal name that closes the signature block
    signer, signer_line = _signer(tail_lines)
    if signer_line is not None:
        evidence["signer"] = Evidence(
            source, Span(signer_line.start, signer_line.end), collapse(signer_line.text)
        )

    recipients = _list_after(paras, "kính gửi", regions.header_end + 1)
    distribution = _list_after(paras, "nơi nhận", len(paras))

    is_draft = lay.draft_marked or (parsed is not None and parsed.is_blank)
    is_draft = is_draft or (date_line and when is None)
    if portal and not is_draft:
        number, doc_type, issuer, when, signer = _portal_fallback(
            portal, table, province, number, doc_type, issuer, when, signer
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


def _portal_fallback(portal, table, province, number, doc_type, issuer, when, signer):
    """A saved page's metadata table (Số hiệu, Loại văn bản, …) for facts the text lacks."""
    if number is None and portal.get("number"):
        parsed = parse_number(re.sub(r"\s+", "", portal["number"]))
        if parsed is not None and not parsed.is_blank:
            number = parsed.format()
    if doc_type is None and portal.get("doc_type"):
        key = fold(portal["doc_type"])
        doc_type = next((name for word, name in _TYPE_HEADINGS if key == word), None)
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


# Titles that open a signature block even without T/M, KT., TL.
_SIGN_TITLE = re.compile(
    r"^(?:(?:t/?m|tm|kt|tl|tuq|q)\.?\s+)?(?:phó\s+)?(?:chủ tịch|bí thư|giám đốc|chánh văn phòng|"
    r"trưởng ban|trưởng phòng|thủ trưởng|bộ trưởng|thứ trưởng|thủ tướng|chủ nhiệm|viện trưởng|"
    r"cục trưởng|tổng cục trưởng|chánh thanh tra|trưởng đoàn|tổ trưởng|thường trực|"
    r"trưởng ban chỉ đạo|chủ tịch ủy ban nhân dân)\b"
)
_NOT_A_NAME = re.compile(
    r"^(?:nơi nhận|như trên|lưu|kính gửi|đã ký|ký|chủ tịch|bí thư|phó|giám đốc|tm|kt|tl|"
    r"văn phòng|ban|sở|ủy ban|đảng|tỉnh|thành phố|xã|phường|các|trung ương|bộ|hội|"
    r"cộng hòa|độc lập|phụ lục|dự thảo)(?![\wđ])"
)
_NAME_WORD = r"[^\W\d_][^\W\d_]*"


# "UBND tỉnh xây dựng kế hoạch": the body ends where its spaces start, so a long run of
# spaces is not tried once per length of the body (quadratic: 10 s for 4,000 spaces)
_WHO_ISSUES = re.compile(
    r"(?P<who>[^,.;:]{3,80}?)(?<!\s)\s++(?:xây dựng|ban hành)\s+"
    r"(?:kế hoạch|chương trình|đề án|quy chế|hướng dẫn)",
    re.IGNORECASE,
)
_SUBJECT = re.compile(r"(?:^|[\s*])V/[vV](?:\s*+[:.]\s++|\s++)(?=\S)")


def _title_piece(text: str) -> str:
    """The left-column part of a heading line (the right column may share the line)."""
    m = _PLACE_DATE.search(text)
    if m:
        text = text[: m.start()]
    segs = _segments(text)
    return segs[0] if segs else ""


def _subject_title(paras: list[Paragraph]) -> str | None:
    """ "V/v triển khai …" over one or more lines, without "V/v"."""
    first = paras[0].text
    m = _SUBJECT.search(first)
    assert m is not None
    cell = first[m.end() :].split("\t")[0]
    parts = [_title_piece(cell)]
    for p in paras[1:]:
        piece = _title_piece(p.text.split("\t")[0])
        key = fold(piece)
        if (
            not piece
            or _NATIONAL_HEADERS.search(key)
            or key.startswith(("kính gửi", "số:", "số "))
            or (piece.isupper() and len(piece) > 3)
            or _PLACE_DATE.search(p.text)
            and not piece
        ):
            break
        parts.append(piece)
    title = collapse(" ".join(parts)).strip(" *;,")
    return title or None


def _heading_title(paras: list[Paragraph]) -> str | None:
    """The title under a type heading ("KẾ HOẠCH" / "Triển khai thực hiện …")."""
    first = paras[0].text.strip("* ")
    rest = first
    for word, _ in _TYPE_HEADINGS:
        # the type word in capitals may share a line with the number and date
        at = first.find(word.upper())
        if at >= 0:
            rest = first[at + len(word) :].strip()
            break
        if fold(rest).startswith(word):
            rest = rest[len(word) :].strip()
            break
    words = _drop_issuer_line(rest).split()
    parts = [" ".join(words)] if words else []
    for p in paras[1:]:
        text = p.text.strip("* ")
        key = fold(text)
        if _NATIONAL_HEADERS.search(key) or _PLACE_DATE.search(text) or not text:
            continue
        if re.fullmatch(r"[-–—_=*.~\s]+", text) or _DRAFT_WORD.fullmatch(key):
            continue
        if key.startswith("kính gửi"):
            break
        if text.isupper() and key.startswith("của "):
            continue
        if text.isupper() and len(text) > 10 and parts:
            break  # "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH": the authority line of a decision
        text = _drop_issuer_line(text)
        if text:
            parts.append(text)
    title = collapse(" ".join(parts)).strip(" *;,")
    return title or None


def _drop_issuer_line(text: str) -> str:
    """ "CỦA BAN THƯỜNG VỤ TỈNH ỦY thực hiện …" → "thực hiện …" (the issuer is not the title)."""
    words = text.split()
    if words and fold(words[0]) == "của" and words[0].isupper():
        while words and words[0].isupper():
            words.pop(0)
    return " ".join(words)


_DRAFT_WORD = re.compile(r"\(?dự thảo(?:\s*(?:lần\s*)?\d+)?\)?")


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


def _segments(text: str) -> list[str]:
    """Columns of a line: tab-separated cells or runs of three or more spaces."""
    return [c.strip(" *") for c in re.split(r"\t| {3,}", text) if c.strip(" *")]


def _person_at_end(segment: str) -> str | None:
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
    return None if _NOT_A_NAME.match(fold(name)) else name


def _signer(tail: list[Line]) -> tuple[str | None, Line | None]:
    """The person who signs: the first name after a signature title, in any column."""
    in_sig = False
    for ln in tail:
        for seg in _segments(ln.text):
            key = fold(seg)
            if (
                _SIGNATURE.match(seg)
                or _SIGN_TITLE.match(key)
                or re.search(r"(?:^|\s)(?:t/?m|tm|kt|tl)\.?\s+[A-ZĐ]", seg)
            ):
                in_sig = True
                name = _person_at_end(seg)
                if name and not seg.strip().isupper():
                    return name, ln
                continue
            if in_sig:
                name = _person_at_end(seg)
                if name and name == seg.strip(" .") or (name and len(seg.split()) <= 8):
                    return name, ln
    return None, None


def _header_issuer(lay: Layout, table: AgencyTable, province: str | None) -> Agency | None:
    """The body the heading block names: the lowest of its left-column lines."""
    segs: list[str] = []
    content = [ln for ln in lay.lines if ln.kind in ("content", "table_row")][:14]
    for ln in content:
        text = ln.text
        stop = False
        for pat in (_NUMBER_LINE, _PLACE_DATE):
            m = pat.search(text)
            if m:
                text, stop = text[: m.start()], True
        key = fold(text).strip("* ")
        if any(key == w or key.startswith(w + " ") for w, _ in _TYPE_HEADINGS) and segs:
            break
        for seg in _segments(text):
            # A PDF may run the two heading columns into one line ("ỦY BAN NHÂN DÂN CỘNG
            # HÒA XÃ HỘI …", "XÃ SƠN HÒA Độc lập - Tự do …"): the body is what comes first.
            national = _NATIONAL_HEADERS.search(match_key(seg))
            if national:
                seg = seg[: national.start()].strip()
            if not seg or re.fullmatch(r"[-–—_=*.~\s]+", seg):
                continue
            if seg.isupper():
                segs.append(seg)
            break
        if stop:
            break
    if not segs:
        return None
    joined = " ".join(segs)
    found = [m for m in table.find(joined, province) if not table.is_vague(m.agency)]
    if not found:
        return None
    lowest = found[-1].agency
    last = fold(segs[-1])
    if not table.find(segs[-1], province) and len(last.split()) <= 6:
        # "VĂN PHÒNG" or "BAN TUYÊN GIÁO" under its parent: the office of that parent
        parent_key = re.sub(r"\s+" + re.escape(fold(province or "~")) + r"$", "", fold(lowest.name))
        unit = table.lookup(f"{last} {parent_key}", province)
        if unit is not None:
            return unit
    return lowest


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


def _signing_body(
    issuer: Agency, tail: list[Line], table: AgencyTable, province: str | None
) -> Agency:
    """ "T/M BAN THƯỜNG VỤ" under a Party committee: its standing committee speaks."""
    key = " ".join(fold(ln.text) for ln in tail[:30])
    m = re.search(r"(?:t/?m|tm)\.?\s+(ban thường vụ|thường trực)(?![\wđ])", key)
    if not m:
        return issuer
    name = fold(issuer.name)
    if not re.match(r"(?:tỉnh ủy|thành ủy|đảng ủy|huyện ủy)", name):
        return issuer
    prefix = "Ban Thường vụ" if m.group(1) == "ban thường vụ" else "Thường trực"
    full = f"{prefix} {issuer.name}"
    found = table.lookup(full, province)
    if found is not None:
        return found
    return Agency(full, issuer.level, issuer.province, "body", issuer.name, None)


def _list_after(paras: list[Paragraph], label: str, limit: int) -> list[str]:
    out: list[str] = []
    for i, p in enumerate(paras[:limit]):
        if fold(p.text).lstrip("* ").startswith(label):
            inline = p.text.split(":", 1)[1].strip() if ":" in p.text else ""
            if inline:
                out.append(collapse(inline).strip(" ;,."))
            for q in paras[i + 1 : limit]:
                t = q.text.strip()
                if not t.startswith(("-", "+", "•")):
                    break
                out.append(collapse(t.lstrip("-+• ")).rstrip(" ;,."))
            break
    return out


def ascii_key(s: str) -> str:
    return fold_ascii(s)
