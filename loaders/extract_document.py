"""The document itself: number, type, issuer, province, date, draft mark, signer, title,
recipients; and where its body starts and ends.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from importlib import resources

from ..schema.model import Agency, DocumentInfo, Evidence
from .agencies import AgencyTable
from .layout import Layout, Paragraph
from .numbers import local_issuer_name, parse_number
from .textnorm import collapse, fold, fold_ascii

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
    r"(?<![\w/])Số\s*:?\s*(?P<raw>\d*\s*[-/]\s*(?:\d{4}\s*/\s*)?[A-Za-zĐđ][\wĐđ&]*(?:\s*[-/]\s*[A-Za-zĐđ\d][\wĐđ&]*)*)"
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
            if (
                prev
                and (cut or _is_type_heading(paragraphs[prev[-1]].text))
                and not key.startswith(("thực hiện", "căn cứ"))
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


def detect_province(text: str) -> str | None:
    """The province a document belongs to: its place-date line, else the most named one."""
    head = text[:3000]
    m = _PLACE_DATE.search(head)
    if m:
        place = fold(m.group("place")).strip(" *")
        for p in PROVINCES:
            if fold(p) == place or place.endswith(fold(p)):
                return p
    counts: Counter[str] = Counter()
    key = fold(text)
    for p in PROVINCES:
        n = len(
            re.findall(
                r"(?:tỉnh|thành phố|tỉnh ủy|tỉnh uỷ)\s+" + re.escape(fold(p)) + r"(?![\wđ])", key
            )
        )
        n += 2 * len(re.findall(r"(?:tỉnh|tỉnh ủy)\s+" + re.escape(fold(p)), fold(head)))
        if n:
            counts[p] = n
    if counts:
        return counts.most_common(1)[0][0]
    for p in PROVINCES:  # "đưa Đồng Tháp phát triển"
        if re.search(r"(?<![\wđ])" + re.escape(fold(p)) + r"(?![\wđ])", key):
            return p
    return None


def _ev(
    source: str, para: Paragraph, start: int = 0, end: int | None = None, cue: str | None = None
) -> Evidence:
    end = len(para.text) if end is None else end
    return Evidence(source, para.span(start, end), collapse(para.text[start:end]), cue)


def extract_document(
    source: str, text: str, lay: Layout, table: AgencyTable, regions: Regions
) -> DocumentInfo:
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
            upper_tail = (
                p.text.strip("* ").endswith(word.upper()) if len(p.text) > len(word) else False
            )
            if (
                key == word
                or upper_tail
                or (p.text.strip("* ").isupper() and key.startswith(word + " "))
            ):
                doc_type = doc_type or name
                title_at = i
                break
        if title_at is not None:
            break
    subject = None
    for i, p in enumerate(header):
        if re.match(r"^\s*\**\s*V/v\b", p.text, re.IGNORECASE):
            subject = i
            doc_type = doc_type or "Công văn"
            break

    # title
    title = None
    if subject is not None:
        parts = [re.sub(r"^\s*\**\s*V/v\s*", "", header[subject].text, flags=re.IGNORECASE)]
        for p in header[subject + 1 :]:
            key = fold(p.text)
            if (
                _NATIONAL_HEADERS.search(key)
                or _PLACE_DATE.search(p.text)
                or key.startswith("kính gửi")
            ):
                break
            parts.append(p.text)
        title = collapse(" ".join(parts)).strip(" *")
        evidence["title"] = _ev(source, header[subject])
    elif title_at is not None:
        first = header[title_at]
        word_end = len(first.text.strip())
        parts = []
        rest = first.text.strip("* ")
        for word, _ in _TYPE_HEADINGS:
            if rest.endswith(word.upper()):
                rest = ""
                break
            if fold(rest).startswith(word):
                rest = rest[len(word) :].strip()
                break
        if rest:
            parts.append(rest)
        for p in header[title_at + 1 :] + paras[regions.header_end : regions.header_end]:
            if p.text.strip("* ").isupper() and fold(p.text).startswith("của "):
                continue
            if _NATIONAL_HEADERS.search(fold(p.text)) or _PLACE_DATE.search(p.text):
                continue
            parts.append(p.text)
        title = collapse(" ".join(parts)).strip(" *") or None
        if title:
            evidence["title"] = _ev(source, first, 0, word_end)
    if title:
        title = title[0].upper() + title[1:]

    # issuer
    issuer: Agency | None = None
    if parsed is not None and province:
        name = local_issuer_name(parsed, province)
        if name:
            issuer = table.lookup(name, province) or Agency(name, "province", province)
    if issuer is None and parsed is not None:
        from .numbers import default_issuer

        name = default_issuer(parsed)
        if name:
            issuer = table.lookup(name, province) or Agency(name, "central")
    if issuer is None:
        body = paras[regions.header_end : regions.header_end + 4]
        for p in body + header:
            m = re.search(
                r"(?P<who>[^,.;:]{3,80}?)\s+(?:xây dựng|ban hành)\s+(?:kế hoạch|chương trình|đề án|quy chế|hướng dẫn)",
                p.text,
                re.IGNORECASE,
            )
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
    if issuer is None:
        for p in header:
            found = table.find(p.text, province)
            if found:
                issuer = found[0].agency
                break

    # signer: a personal name after the signature block
    signer = None
    tail = [p for p in paras[regions.body_end :] if p.kind == "body"]
    in_sig = False
    for p in tail:
        s = p.text.strip().strip("*").strip()
        if _SIGNATURE.match(s):
            in_sig = True
            continue
        if fold(s).startswith("phụ lục"):
            break
        if in_sig and _NAME.match(s) and not s.isupper():
            signer = s
            evidence["signer"] = _ev(source, p)
            break

    recipients = _list_after(paras, "kính gửi", regions.header_end + 1)
    distribution = _list_after(paras, "nơi nhận", len(paras))

    is_draft = lay.draft_marked or (parsed is not None and parsed.is_blank)
    is_draft = is_draft or (date_line and when is None)
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
