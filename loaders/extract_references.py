"""References to other documents, with the relation the cue around them gives.

The document speaks for itself in its title, its preamble and its purpose
section: there ``Thực hiện Kế hoạch số 359-KH/TU …`` means *this document
implements 359-KH/TU* and ``Căn cứ …`` means *based on*. A mention inside another
reference's description (``Kế hoạch số 05-KH/TU … về thực hiện Thông báo số
07-TB/…``) is cited, and recorded as a link between the two cited documents
(``05-KH/TU implements 07-TB/…``). ``thay thế``/``bãi bỏ`` give *supersedes* and
``sửa đổi, bổ sung`` *amends* wherever they stand. One reference per document,
carrying its strongest relation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ..schema.model import RELATION_STRENGTH, Evidence, Reference
from .agencies import AgencyTable
from .layout import Paragraph
from .numbers import DocNumber, default_issuer, find_numbers, local_issuer_name
from .textnorm import collapse, fold, match_key

_TYPE_WORDS = (
    r"(?:nghị quyết|quyết định|quy định|chỉ thị|kết luận|kế hoạch(?: hành động)?|thông báo(?: kết luận)?|"
    r"công văn|chương trình(?: hành động)?|đề án|báo cáo|quy chế|hướng dẫn|nghị định|thông tư(?: liên tịch)?|"
    r"tờ trình|công điện|phương án|thông tri|luật|văn bản)"
)
_TYPE_BEFORE = re.compile(_TYPE_WORDS + r"(?:\s+[^\s,;()]+){0,3}?\s+(?:số\s*:?\s*)?$")
_CUES = [
    (re.compile(r"(?:triển\s+khai\s+)?thực\s+hiện|triển\s+khai|quán\s+triệt"), "implements"),
    (re.compile(r"căn\s+cứ"), "based_on"),
]
_SUPERSEDE = re.compile(r"thay\s+thế|bãi\s+bỏ|hết\s+hiệu\s+lực")
_AMEND = re.compile(r"sửa\s+đổi,?\s+bổ\s+sung|sửa\s+đổi")
_SHORT_NAME = re.compile(r"\(\s*(?:sau\s+đây\s+)?(?:viết\s+tắt|gọi\s+tắt|gọi)\s+là\b[^()]*$")
_DATE_AFTER = re.compile(
    r"^\s*+,?\s*+(?:ban\s+hành\s++)?(?:ngày\s*+)?(?:(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})|"
    r"(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4}))"
)
_OF = re.compile(r"^\s*+,?\s*+của\s+")
_COORD = re.compile(
    r"^[\s,;]*+(?:và\s++)?(?:các\s++)?"
    + r"(?:"
    + _TYPE_WORDS
    + r"(?:\s+(?:hành động|kết luận))?)?\s*+(?:số\s*+:?)?\s*+$"
)
_UNNUMBERED = [
    (
        re.compile(
            r"thông\s+báo\s+kết\s+luận\s+(?:của|tại)\s+[^;()]{5,160}?(?=[;(]|$|,\s*(?:ủy|ban|văn))"
        ),
        "Thông báo",
    ),
    (re.compile(r"(?:các\s+)?thông\s+báo\s+của\s+(?:bcđ|ban\s+chỉ\s+đạo)\s+tỉnh"), "Thông báo"),
    (re.compile(r"kết\s+luận\s+của\s+(?:đồng\s+chí\s+)?tổng\s+bí\s+thư[^;()]{0,120}"), "Kết luận"),
    (re.compile(r"phiên\s+họp\s+[^;()]{3,120}?ngày\s+\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}"), None),
]


@dataclass
class Mention:
    para: Paragraph
    start: int
    end: int  # end of the number
    tail: int  # end of its date and issuer
    number: DocNumber | None
    doc_type: str | None
    when: date | None
    issuer: str | None
    relation: str = "cites"
    cue: str | None = None
    in_footnote: bool = False
    links: list[tuple[str, str]] = field(default_factory=list)
    description: str | None = None


def _split_clauses(text: str) -> list[tuple[int, int]]:
    out = []
    depth = 0
    start = 0
    for i, c in enumerate(text):
        if c == "(":
            depth += 1
        elif c == ")":
            depth = max(0, depth - 1)
        elif c == ";" and depth == 0:
            out.append((start, i))
            start = i + 1
    out.append((start, len(text)))
    return out


def _tail(text: str, key: str, pos: int, table: AgencyTable, province: str | None):
    when = None
    m = _DATE_AFTER.match(key[pos:])
    if m:
        g = m.groups()
        d, mo, y = (g[0], g[1], g[2]) if g[0] else (g[3], g[4], g[5])
        try:
            when = date(int(y), int(mo), int(d))
        except ValueError:
            when = None
        pos += m.end()
    issuer = None
    m = _OF.match(key[pos:])
    if m:
        at = pos + m.end()
        found = [a for a in table.find(text[at : at + 200], province) if a.start == 0]
        if found:
            issuer = found[0].agency.name
            pos = at + found[0].end
    return when, issuer, pos


def _cue_at(key: str, start: int, end: int) -> tuple[str, str, int] | None:
    """A relation cue opening the clause key[start:end]: (relation, cue text, end of cue)."""
    seg = key[start:end]
    lead = re.match(r"^[\s\-+*•]*(?:[a-zđ]\)|\d+\.)?\s*", seg)
    pos = lead.end() if lead else 0
    opener = re.match(
        r"(?:[^,;()]{0,60}?\b(?:ban\s+hành|xây\s+dựng)\s+(?:kế\s+hoạch|chương\s+trình(?:\s+hành\s+động)?|"
        r"đề\s+án)\s+)?",
        seg[pos:],
    )
    for pattern, relation in _CUES:
        m = pattern.match(seg, pos)
        if m:
            return relation, seg[m.start() : m.end()], start + m.end()
        if opener and opener.end():
            m = pattern.match(seg, pos + opener.end())
            if m:
                return relation, seg[m.start() : m.end()], start + m.end()
    return None


def _clean_gap(gap: str) -> bool:
    """Only a few words, none that opens a description, between a cue and its object."""
    words = gap.split()
    return len(words) <= 10 and not re.search(
        r"(?<![\wđ])(?:về|của|tại|theo|trong|đối với)(?![\wđ])", gap
    )


def mentions_in(
    para: Paragraph,
    own_voice: bool,
    table: AgencyTable,
    province: str | None,
    own_template: str | None,
) -> list[Mention]:
    text = para.text
    key = match_key(text)
    found: list[Mention] = []
    for nm in find_numbers(text):
        n = nm.number
        if n.is_blank or (
            own_template and n.format() == own_template and "kèm theo" in key[: nm.start][-80:]
        ):
            continue
        if own_template and not n.is_blank and n.format() == own_template:
            continue
        before = _TYPE_BEFORE.search(key[max(0, nm.start - 60) : nm.start])
        doc_type = None
        if before:
            word = before.group(0).split(" số")[0].strip()
            doc_type = _type_name(word)
        when, issuer, tail = _tail(text, key, nm.end, table, province)
        if issuer is None:
            issuer = default_issuer(n) or (local_issuer_name(n, province) if province else None)
        found.append(
            Mention(
                para,
                nm.start,
                nm.end,
                tail,
                n,
                doc_type or n.doc_type,
                when,
                issuer,
                in_footnote=para.kind == "footnote",
            )
        )
    # a type word carried over a list: "Công văn số: 807/UBND-KGVX, 808/UBND-KGVX"
    for prev, cur in zip(found, found[1:], strict=False):
        if _COORD.match(key[prev.tail : cur.start]) and not _TYPE_BEFORE.search(
            key[max(0, cur.start - 60) : cur.start]
        ):
            cur.doc_type = prev.doc_type or cur.doc_type
    _relations(found, key, own_voice)
    return found


def _type_name(word: str) -> str | None:
    w = fold(word)
    for prefix, name in [
        ("kế hoạch", "Kế hoạch"),
        ("thông báo", "Thông báo"),
        ("chương trình", "Chương trình"),
        ("nghị quyết", "Nghị quyết"),
        ("quyết định", "Quyết định"),
        ("quy định", "Quy định"),
        ("chỉ thị", "Chỉ thị"),
        ("kết luận", "Kết luận"),
        ("công văn", "Công văn"),
        ("đề án", "Đề án"),
        ("báo cáo", "Báo cáo"),
        ("quy chế", "Quy chế"),
        ("hướng dẫn", "Hướng dẫn"),
        ("nghị định", "Nghị định"),
        ("thông tư liên tịch", "Thông tư liên tịch"),
        ("thông tư", "Thông tư"),
        ("tờ trình", "Tờ trình"),
        ("công điện", "Công điện"),
        ("phương án", "Phương án"),
        ("thông tri", "Thông tri"),
        ("luật", "Luật"),
    ]:
        if w.startswith(prefix):
            return name
    return None


def _relations(found: list[Mention], key: str, own_voice: bool) -> None:
    """Decide each mention's relation to the document, and links between mentions."""
    clauses = _split_clauses(key)
    carried = "nested"
    carried_rel: str | None = None
    # "Kế hoạch 05-KH/TU … thực hiện Thông báo 07-TB/…; Thông báo 47-TB/…": the clause after
    # the semicolon continues the list the previous clause's link was drawing.
    last_link: tuple[Mention, str, str | None, Mention] | None = None
    for cs, ce in clauses:
        inside = [m for m in found if cs <= m.start < ce]
        if not inside:
            continue
        cue = _cue_at(key, cs, ce)
        roles: list[tuple[str, Mention | None]] = []
        linked_here: tuple[Mention, str, str | None, Mention] | None = None
        for i, m in enumerate(inside):
            short = _SHORT_NAME.search(key[cs : m.start])
            if (
                i == 0
                and cue is None
                and last_link is not None
                and m.doc_type == last_link[2]
                and _clean_gap(key[cs : m.start])
            ):
                link = (last_link[1], m.number.format())
                if link not in last_link[0].links:
                    last_link[0].links.append(link)
                linked_here = (last_link[0], last_link[1], m.doc_type, m)
            if i == 0:
                if (
                    cue
                    and (_clean_gap(key[cue[2] : m.start]) or short)
                    or cue is None
                    and carried == "governed"
                ):
                    role, parent = "governed", None
                else:
                    role, parent = "nested", None
                    # a cue opening the clause whose object is described first
                    if cue and short:
                        role = "governed"
            else:
                prev = inside[i - 1]
                prev_role, prev_parent = roles[i - 1]
                gap = key[prev.tail : m.start]
                if short and (cue or carried == "governed"):
                    role, parent = (
                        "governed",
                        None,
                    )  # "(sau đây gọi là …)" names the clause's object
                elif _COORD.match(gap):
                    role, parent = prev_role, prev_parent
                else:
                    role = "nested"
                    parent = prev if prev_role == "governed" or prev_parent is None else prev_parent
                    if _CUES[0][0].search(gap) and not re.search(
                        r"(?<![\wđ])tại(?![\wđ])", gap[-30:]
                    ):
                        parent.links.append(("implements", m.number.format()))
                        linked_here = (parent, "implements", m.doc_type, m)
                    elif _CUES[1][0].search(gap):
                        parent.links.append(("based_on", m.number.format()))
                        linked_here = (parent, "based_on", m.doc_type, m)
            roles.append((role, parent))
            rel = "cites"
            cue_text = None
            if role == "governed" and own_voice:
                if cue:
                    rel, cue_text = cue[0], cue[1]
                elif carried_rel:
                    rel = carried_rel
            window = key[max(cs, m.start - 50) : m.start]
            if _SUPERSEDE.search(window):
                rel, cue_text = "supersedes", _SUPERSEDE.search(window).group()
            elif _AMEND.search(window) and "sửa đổi" not in key[cs:ce][:5]:
                rel, cue_text = "amends", _AMEND.search(window).group()
            m.relation, m.cue = rel, cue_text
        last_link = linked_here if linked_here and linked_here[3] is inside[-1] else None
        first_role = roles[0][0]
        carried = first_role
        carried_rel = cue[0] if cue else carried_rel


def unnumbered_in(para: Paragraph, own_voice: bool) -> list[Mention]:
    key = match_key(para.text)
    out = []
    for pattern, doc_type in _UNNUMBERED:
        for m in pattern.finditer(key):
            after = key[m.end() : m.end() + 120]
            if re.match(r"[^;]{0,120}?\(\s*sau\s+đây\s+(?:viết\s+tắt|gọi)", after) or re.match(
                r"\s*số\s*\d", after
            ):
                continue
            if re.match(r"\s*(?:số\s+)?\d", key[m.end() :]):
                continue
            when = None
            dm = re.search(r"ngày\s+(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})", m.group())
            if dm:
                try:
                    when = date(int(dm.group(3)), int(dm.group(2)), int(dm.group(1)))
                except ValueError:
                    when = None
            mention = Mention(
                para,
                m.start(),
                m.end(),
                m.end(),
                None,
                doc_type,
                when,
                None,
                in_footnote=para.kind == "footnote",
            )
            mention.description = collapse(para.text[m.start() : m.end()])
            cs = max([s for s, _ in _split_clauses(key) if s <= m.start()] or [0])
            cue = _cue_at(key, cs, len(key))
            if own_voice and cue and _clean_gap(key[cue[2] : m.start()].replace("các", "")):
                mention.relation, mention.cue = cue[0], cue[1]
            out.append(mention)
    return out


def merge_mentions(mentions: list[Mention], source: str) -> list[Reference]:
    """One reference per document, carrying its strongest relation."""
    by_key: dict[str, Reference] = {}
    for m in mentions:
        k = m.number.key() if m.number is not None else "?" + fold(m.description or "")
        span_text = m.para.text[m.start : m.tail]
        ctx_start = max([s for s, _ in _split_clauses(m.para.text) if s <= m.start] or [0])
        sentence = m.para.text[ctx_start : max(m.tail, min(len(m.para.text), m.tail + 80))]
        ev = Evidence(source, m.para.span(ctx_start, m.tail), collapse(sentence).strip(" ;"), m.cue)
        ref = by_key.get(k)
        if ref is None:
            by_key[k] = Reference(
                number=m.number.format() if m.number is not None else None,
                doc_type=m.doc_type,
                date=m.when,
                issuer=m.issuer,
                relation=m.relation,  # type: ignore[arg-type]
                evidence=ev,
                description=m.description or collapse(span_text),
                in_footnote=m.in_footnote,
                links=list(m.links),
            )
            continue
        ref.mentions += 1
        if RELATION_STRENGTH[m.relation] > RELATION_STRENGTH[ref.relation]:
            ref.relation = m.relation  # type: ignore[assignment]
            ref.evidence = ev
        ref.date = ref.date or m.when
        ref.issuer = ref.issuer or m.issuer
        if m.doc_type and not ref.doc_type:
            ref.doc_type = m.doc_type
        for link in m.links:
            if link not in ref.links:
                ref.links.append(link)
        ref.in_footnote = ref.in_footnote and m.in_footnote
    return list(by_key.values())
