"""File → reader → layout → extractors → :class:`~policy_lineage.schema.model.Extraction`.

>>> from policy_lineage.loaders.pipeline import extract_text
>>> ex = extract_text("Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, …", "x.txt")
>>> ex.references[0].number, ex.references[0].relation
('57-NQ/TW', 'implements')
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from copy import copy
from dataclasses import replace

from ..schema.model import Extraction
from .agencies import CITIES, EVERY_PROVINCE, PROVINCE_NAMES, AgencyTable, default_table
from .assigned_by_reference import assign_by_reference
from .attachments import attached_documents
from .composed_text import composed, to_original
from .deadlines import yearless_deadline
from .extract_bodies import numbered_bodies
from .extract_document import extract_document, find_regions
from .extract_references import (
    ReferenceContext,
    mentions_in,
    merge_mentions,
    numbered_in_brackets,
    unnumbered_in,
)
from .extract_tasks import TaskContext, extract_tasks, letter_requests
from .group_members import defined_groups, with_members
from .layout import layout, paragraph_style
from .markup import looks_marked_up, markup_view
from .outline import build_outline
from .rules import Rules, derived
from .source import ReadError, SourceText
from .textnorm import CAPITALS, fold


def _own_title(text: str, doc_type: str | None, title: str | None) -> bool:
    """The paragraph is the document's type and its title on one line ("THÔNG BÁO Kết luận
    của …"): the type word there names the document itself, not another one."""
    if not (doc_type and title):
        return False
    key = fold(text)
    return key.startswith(fold(doc_type)) and key.endswith(fold(title))


def extract_text(
    text: str,
    source: str,
    table: AgencyTable | None = None,
    one_line_paragraphs: bool = False,
    wrapped: bool = False,
    markup: bool | None = None,
) -> Extraction:
    """Every fact in one document's text (see :func:`layout` for the two flags).

    ``markup``: the text is a saved portal page or Markdown (see :mod:`.markup`); ``None``
    decides from the text. The facts are found in a view of the same length, so their
    evidence still points into ``text``.
    """
    table = table or default_table()
    # non-breaking and zero-width spaces (a browser's "&nbsp;") read as spaces: one character
    # for one, so every offset still points into the user's text
    if any(c in text for c in _ODD_SPACES):  # translate() is slow: only when it has work
        text = text.translate(_SPACES)
    # decomposed letters ("U" + horn + hook) read as composed; spans moved back at the end
    length = len(text)
    text, back = composed(text)
    portal: dict[str, str] = {}
    soft = None
    breaks: frozenset[int] = frozenset()
    if markup or (markup is None and looks_marked_up(text)):
        view = markup_view(text)
        text, portal, breaks = view.text, view.portal, view.breaks
        if not (wrapped or one_line_paragraphs):  # PDF and .docx lines have their own rules
            soft = paragraph_style(text)
    lay = layout(text, one_line_paragraphs, wrapped, soft, breaks)
    paras = lay.paragraphs
    regions = find_regions(paras, table.rules)
    doc = extract_document(source, text, lay, table, regions, portal)
    table = table.for_document(text)  # bodies the document lists in full, named so throughout
    body = [p for p in paras[regions.header_end : regions.body_end] if p.kind == "body"]
    root = build_outline(body, table.rules)
    attached = attached_documents(paras, regions.body_end, table.rules)  # a plan a decision issues
    for start, end, _ in attached:  # its own outline: its sections do not nest in "Điều 3"
        sub = build_outline([p for p in paras[start:end] if p.kind == "body"], table.rules)
        for child in sub.children:
            child.parent = root
            root.children.append(child)

    # where the document speaks for itself: title, preamble, purpose
    own: set[int] = {id(p) for p in paras[: regions.header_end]}
    preamble = True  # before the first item that is not running text
    opens_with_cue = derived(table.rules, _preamble_cue)
    for node in root.children:
        if node.style in ("para", "intro"):
            own.update(id(p) for p in node.paragraphs)
        elif preamble and node.style in ("dash", "plus") and opens_with_cue.match(fold(node.text)):
            # a Party document's preamble as a list: "- Căn cứ Điều lệ Đảng; - Thực hiện …"
            own.update(id(p) for p in node.paragraphs)
        else:
            preamble = False
    for node in root.walk():
        if node.style in ("roman", "num1") and fold(node.text).startswith(
            table.rules.purpose_headings
        ):
            for sub in node.walk():
                own.update(id(p) for p in sub.paragraphs)
    mentions = []
    context = ReferenceContext()  # a cue carried from "… như sau:" to the items under it
    for p in paras:
        voice = id(p) in own
        numbered = mentions_in(p, voice, table, doc.province, doc.number_template, context)
        mentions += numbered
        if voice or p.kind == "footnote":
            found = unnumbered_in(p, voice, table.rules)
            if _own_title(p.text, doc.doc_type, doc.title):
                found = [m for m in found if m.start > 0]  # not the title's own type word
            mentions += numbered_in_brackets(numbered, found)
    references = merge_mentions(mentions, source)

    kinds = [fold(doc.doc_type or "")] + [kind for _, _, kind in attached]
    # a regulation's rules and a conclusions notice's assessments are not work: there only
    # items that name their doer are tasks
    rules = table.rules
    conclusions = kinds[0] in rules.conclusion_types
    normative = any(k in rules.normative_types for k in kinds) or conclusions
    letter = doc.doc_type in _ADDRESSED
    ctx = TaskContext(source, _task_province(doc), table, normative, conclusions, letter)
    tasks = extract_tasks(root, ctx)
    if letter and not tasks:  # a letter in prose: its requests are its tasks
        tasks = letter_requests(root, ctx)
    tasks = _with_tables(tasks, text, lay, regions, ctx)
    tasks = assign_by_reference(tasks, text)  # "chủ trì thực hiện nhiệm vụ tại mục 1 Phần III"
    # "Các cơ quan cấp phép (Sở A, Sở B)", then "Cơ quan cấp phép …": those bodies
    tasks = with_members(tasks, defined_groups(text, table, ctx.province))
    tasks = _own_commune_bodies(tasks, doc, rules)  # "Mặt trận Tổ quốc" in a commune's plan
    tasks = _own_committee_units(tasks, doc, rules)  # "Ban Tổ chức" of a Tỉnh ủy's plan
    tasks = _own_head(tasks, doc, table)  # "Đồng chí Trưởng Ban …" in the Ban's own rules
    tasks = _own_office(tasks, doc, table)  # "Văn phòng phối hợp …" in a body's own plan
    tasks = _bodies_of_the_province(tasks, doc, ctx.province)  # "Sở X" in a central notice
    tasks = _bodies_of_the_commune(tasks, doc, rules)  # "Đảng ủy phường" in a notice to a ward
    tasks = _yearless_deadlines(tasks, doc)  # "trước ngày 15/10": in the year of issue
    if doc.doc_type in _ADDRESSED:  # a letter's items are done by those it is sent to
        to = _addressees(doc, paras[: regions.header_end + 12], table, ctx.province)
        for t in tasks:
            if to:
                t.lead = _meant_addressees(t.lead, to, table)
        tasks = _provinces_addressed(tasks, to)
    agencies = {}
    for t in tasks:
        for a in t.lead + t.cooperating:
            agencies.setdefault(a.name, a)
    if doc.issuer:
        agencies.setdefault(doc.issuer.name, doc.issuer)
    bodies = numbered_bodies(paras, table, doc.province, source)
    ex = Extraction(source, doc, references, tasks, list(agencies.values()), numbered_bodies=bodies)
    return ex if back is None else to_original(ex, back, length)


_ADDRESSED = ("Công văn", "Công điện")
_ODD_SPACES = "\u00a0\u2007\u202f\u200b\u3000\ufeff"
_SPACES = str.maketrans(dict.fromkeys(_ODD_SPACES, " "))
_ADDRESS_CUE = re.compile(r"(?:kính gửi|điện|gửi)\s*+:", re.IGNORECASE)


def _addressees(doc, header, table: AgencyTable, province: str | None) -> list:
    """The bodies a letter or telegram is sent to: its "Kính gửi:" list, or the address
    block of a telegram ("THỦ TƯỚNG CHÍNH PHỦ điện: - …")."""
    found = []
    for line in doc.recipients:
        found += [m.agency for m in table.find(line, province)]
    if not found:
        for i, p in enumerate(header):
            m = _ADDRESS_CUE.search(p.text)
            if not m:
                continue
            found += [a.agency for a in table.find(p.text[m.end() :], province)]
            for q in header[i + 1 :]:  # the list under the cue: "- Các Cục: …;", "- Sở …;"
                if not re.match(r"\s*[-–+•]", q.text):
                    break
                found += [a.agency for a in table.find(q.text, province)]
            break
    # a letter is not sent to its sender: a body named there was read from the letter's
    # first sentence, joined to a "Kính gửi" line that ends without a stop ("… Trung ương"
    # then "Bộ X trân trọng đề nghị …")
    seen: set[str] = {doc.issuer.name} if doc.issuer else set()
    out = []
    for a in found:
        if a.shown not in seen and not table.is_vague(a) and a.kind != "person":
            seen.add(a.shown)
            out.append(a)
    return out


def _meant_addressees(lead: list, to: list, table: AgencyTable) -> list:
    """Who a letter's task means: its addressees when the task names no one or only "các cơ
    quan, đơn vị"; the addressees of one kind when it says "các Sở" or "các Cục" of a letter
    sent to several Sở or Cục."""
    if not lead or all(_unnamed(a, table) for a in lead):
        return list(to)
    out = []
    for a in lead:
        m = re.fullmatch(r"(?:các|những)\s+(\S+(?:\s+\S+)?)", fold(a.as_written or a.name))
        if a.kind == "group" and m:
            same = [b for b in to if fold(b.name).startswith(m.group(1) + " ")]
            if len(same) > 1:
                out += [b for b in same if b not in out]
                continue
        out.append(a)
    return out


def _provinces_addressed(tasks: list, to: list) -> list:
    """ "Ủy ban nhân dân tỉnh, thành phố …" in a letter sent to "Ủy ban nhân dân các tỉnh,
    thành phố ven biển" is each of those: the group the letter names (every province's
    committee, :data:`~.agencies.EVERY_PROVINCE`, when it names none)."""
    sent = [a for a in to if a.kind == "group" and a.name.startswith(_PROVINCES_GROUP)]
    if len(sent) != 1 or sent[0].name == EVERY_PROVINCE:
        return tasks
    group = sent[0]

    def rename(a):
        return replace(group, as_written=a.as_written) if a.name == EVERY_PROVINCE else a

    return _each_body(tasks, rename)


_PROVINCES_GROUP = "Ủy ban nhân dân các tỉnh"


def _unnamed(agency, table: AgencyTable) -> bool:
    """A lead that names no one in particular: "các cơ quan, đơn vị (liên quan)"; not a
    group of a kind ("các bộ, cơ quan, địa phương"), which the letter's task names as such."""
    if not table.is_vague(agency):
        return False
    key = re.sub(r"^(?:các|những)\s+", "", fold(agency.name))
    if key.endswith(tuple(table.rules.vague_markers)):
        return True
    parts = re.split(r"\s*,\s*|\s+(?:và|hoặc)\s+", key)
    return all(p.removeprefix("các ") in ("cơ quan", "đơn vị") for p in parts if p)


def _each_body(tasks: list, rename) -> list:
    """The tasks with ``rename`` applied to each lead and cooperating body."""
    for t in tasks:
        t.lead = [rename(a) for a in t.lead]
        t.cooperating = [rename(a) for a in t.cooperating]
    return tasks


def _commune_unit(rules: Rules) -> re.Pattern[str]:
    return re.compile(rf"(?<![\wđ])({Rules.alternation(rules.commune_units)})(?![\wđ])")


def _place_words(rules: Rules) -> re.Pattern[str]:
    return re.compile(rf"(?<![\wđ])(?:{Rules.alternation(rules.province_units)})(?![\wđ])")


def _own_commune_bodies(tasks: list, doc, rules: Rules) -> list:
    """In a commune's or a ward's own document, a body named bare that the table knows as the
    province's ("Mặt trận Tổ quốc", "Văn phòng UBND") is the commune's: "Ủy ban Mặt trận Tổ
    quốc Việt Nam xã". Bodies named with their place, and the province's departments, stay."""
    issuer = doc.issuer
    commune = derived(rules, _commune_unit)
    unit = commune.search(fold(issuer.name)) if issuer and issuer.level == "commune" else None
    if unit is None:
        return tasks

    def own(a):
        if (
            a.canonical
            and a.level == "province"
            and a.name.endswith(" tỉnh")
            and not a.name.startswith("Bộ ")  # "Bộ Chỉ huy Quân sự tỉnh": a commune has a Ban
            and a.as_written
            and not derived(rules, _place_words).search(fold(a.as_written))
            and not any(fold(p) in fold(a.as_written) for p in PROVINCE_NAMES)
        ):
            return replace(
                a, name=f"{a.name[:-5]} {unit.group(1)}", level="commune", canonical=False
            )
        return a

    return _each_body(tasks, own)


def _committee_of_issuer(rules: Rules) -> re.Pattern[str]:
    """A Party committee that issues a document, or one of its organs ("Ban Thường vụ Tỉnh ủy
    Nghệ An", "Ban Chấp hành Đảng bộ xã Tân Minh", "Đảng ủy Bộ Y tế"), on the folded name;
    the group ``committee`` is where the committee's own name starts."""
    organs = Rules.alternation(tuple(o for o, _ in rules.committee_organs) + ("ban chấp hành",))
    units = Rules.alternation(rules.commune_units)
    return re.compile(
        rf"^(?:(?:{organs})\s++)?(?P<committee>(?:tỉnh ủy|thành ủy)(?![\wđ])"
        rf"|(?:đảng ủy|đảng bộ)\s++(?:{units}|bộ)(?![\wđ]))"
    )


def _own_committee_units(tasks: list, doc, rules: Rules) -> list:
    """In a Party committee's own document, its units named bare ("Văn phòng Đảng ủy", "Ban
    Tổ chức", "Ủy ban Kiểm tra") are that committee's. They take the committee's level,
    province and, as parent, the committee ("Tỉnh ủy Nghệ An"), so that one province's "Ban
    Tổ chức" is not another's in the graph; and, as a province's own bodies keep their level
    word ("Ủy ban nhân dân tỉnh"), they are written with the committee's short name: "Ban Tổ
    chức Tỉnh ủy", "Văn phòng Đảng ủy xã", "Ủy ban Kiểm tra Đảng ủy Bộ", and a commune's bare
    "Đảng ủy" (or "Ban Chấp hành Đảng bộ") is "Đảng ủy xã". A committee with no short name of
    that kind ("Đảng ủy các cơ quan Đảng tỉnh") writes its units with its whole name
    (:func:`_units_of_a_named_committee`)."""
    issuer = doc.issuer
    m = derived(rules, _committee_of_issuer).match(fold(issuer.name)) if issuer else None
    if m is None and issuer is not None:
        return _units_of_a_named_committee(tasks, issuer, rules)
    if m is None or issuer.level not in ("province", "commune", "central"):
        return tasks
    name = issuer.name[m.start("committee") :]
    if fold(name).startswith("đảng bộ"):  # "Ban Chấp hành Đảng bộ xã X" is "Đảng ủy xã X"
        name = "Đảng ủy" + name[len("Đảng bộ") :]
    committee = name[:1].upper() + name[1:]
    label = _committee_short_name(fold(committee), rules)
    units = set(rules.committee_units)

    def own(a):
        key = fold(a.name)
        itself = key in _BARE_COMMITTEES  # "Đảng ủy", "Ban Chấp hành Đảng bộ xã"
        if a.kind != "body" or not itself and (a.canonical or a.level != "unknown"):
            return a
        bare = key.removesuffix(" đảng ủy")
        if not itself and bare not in units:
            return a
        if itself:
            if not (label and label.startswith("Đảng ủy ")):  # a Tỉnh ủy's "Đảng ủy"
                return (
                    replace(a, level=issuer.level, province=doc.province) if key == "đảng ủy" else a
                )
            named = label
        elif label and key.endswith(" đảng ủy") and label.startswith("Đảng ủy "):
            named = f"{a.name}{label[len('Đảng ủy') :]}"  # "Văn phòng Đảng ủy" + " xã"
        elif label and not key.endswith(" đảng ủy"):
            named = f"{a.name} {label}"  # "Ban Tổ chức" + " Tỉnh ủy"
        else:
            named = a.name
        return replace(
            a,
            name=named,
            canonical=a.canonical and named == a.name,
            level=issuer.level,
            province=doc.province,
            parent=None if itself else committee,
        )

    return _each_body(tasks, own)


def _units_of_a_named_committee(tasks: list, issuer, rules: Rules) -> list:
    """A Party committee with no short name of a level ("Đảng ủy Tập đoàn Dầu khí Việt
    Nam", "Đảng ủy các cơ quan Đảng Trung ương", "Đảng ủy Công an tỉnh") names its units
    "Ban Tổ chức Đảng ủy" or "Văn phòng Đảng ủy Tập đoàn" in its own document: they are that
    committee's, written with its whole name, since "Ban Tổ chức Đảng ủy Tập đoàn" names no
    one body across the country."""
    m = derived(rules, _named_committee).match(fold(issuer.name))
    if m is None:
        return tasks
    committee = issuer.name[m.start("committee") :]
    short = _without_own_province(committee, issuer.province)  # "… Đảng tỉnh"
    rest = fold(short)[len("đảng ủy") :].strip()

    def own(a):
        if a.kind != "body" or a.canonical or a.level != "unknown":
            return a
        key = fold(a.name)
        for unit in rules.committee_units:
            if not key.startswith(unit + " đảng ủy"):
                continue
            tail = key[len(unit) + len(" đảng ủy") :].strip()
            if tail and tail != rest and not rest.startswith(tail + " "):
                return a  # another committee's unit ("Ban Tổ chức Đảng ủy Bộ Y tế")
            return replace(
                a,
                name=f"{a.name[: len(unit)]} {short}",
                level=issuer.level,
                province=issuer.province,
                parent=committee,
            )
        return a

    return _each_body(tasks, own)


def _without_own_province(name: str, province: str | None) -> str:
    """``name`` less the province it ends with: a province's own bodies are written without it
    in its documents ("Đảng ủy các cơ quan Đảng tỉnh", "Liên đoàn Lao động tỉnh")."""
    if province and name.endswith(" " + province):
        return name[: -len(province) - 1]
    return name


def _without_own_place(name: str, province: str | None) -> str:
    """``name`` less the province it ends with and the word of its level: "Sở Khoa học và
    Công nghệ thành phố Hải Phòng" → "Sở Khoa học và Công nghệ" (the name the table knows
    for every province's department)."""
    bare = _without_own_province(name, province)
    return re.sub(r"\s++(?:tỉnh|thành phố)$", "", bare) if bare != name else name


def _named_committee(rules: Rules) -> re.Pattern[str]:
    """A Party committee named by its body ("Đảng ủy Tập đoàn …"), or an organ of one, on
    the folded name; ``committee`` is where the committee's name starts."""
    organs = Rules.alternation(tuple(o for o, _ in rules.committee_organs) + ("ban chấp hành",))
    return re.compile(rf"^(?:(?:{organs})\s++)?(?P<committee>đảng\s++ủy\s++\S)")


# the committee itself, named bare in its own document
_BARE_COMMITTEES = frozenset({"đảng ủy", "ban chấp hành đảng bộ", "ban chấp hành đảng bộ xã"})


def _committee_short_name(committee: str, rules: Rules) -> str | None:
    """How a committee's own document names it without its place (folded name in): "Tỉnh
    ủy", "Thành ủy", "Đảng ủy xã", "Đảng ủy phường", "Đảng ủy Bộ"; None for others."""
    if committee.startswith(("tỉnh ủy", "thành ủy")):
        return committee.split()[0].capitalize() + " ủy"
    m = re.match(
        r"đảng ủy\s++(" + Rules.alternation(rules.commune_units) + r"|bộ)(?![\wđ])", committee
    )
    if m is None:
        return None
    return "Đảng ủy " + ("Bộ" if m.group(1) == "bộ" else m.group(1))


def _own_head(tasks: list, doc, table: AgencyTable) -> list:
    """In a body's own document, the title of its head written bare ("Đồng chí Trưởng Ban
    lãnh đạo …", "Bộ trưởng chỉ đạo …") stands for that body, the issuer, as an office holder
    stands for the body he heads (``head_titles``); so does its head word read bare after a
    holder's title ("Phó Giám đốc Sở chỉ đạo …": "Sở")."""
    issuer = doc.issuer
    rules = table.rules
    if issuer is None or not rules.head_titles:
        return tasks
    issued_by = fold(issuer.name)
    heads = dict(rules.head_titles)

    def own(a):
        if a.canonical:
            return a
        title = fold(a.name).removeprefix("đồng chí ").removeprefix("các đồng chí ")
        # "Sở" bare, read after its holder's title ("Giám đốc Sở chỉ đạo …"): the issuer
        head = title if title in rules.body_heads else heads.get(title)
        if head is None or not issued_by.startswith(head + " "):
            return a
        # a province's own body is written without the province ("Sở Khoa học và Công nghệ")
        known = table.lookup(_without_own_place(issuer.name, issuer.province), doc.province)
        return replace(known, as_written=a.as_written or a.name) if known else copy(issuer)

    return _each_body(tasks, own)


def _own_office(tasks: list, doc, table: AgencyTable) -> list:
    """In a body's own document, "Văn phòng" or "Văn phòng cơ quan" written bare is its own
    office: "Văn phòng Liên đoàn Lao động tỉnh", "Văn phòng cơ quan Ủy ban Trung ương Mặt
    trận Tổ quốc Việt Nam" (the issuer's name less its province, as a province's own bodies
    are written), the table's body when it knows that name ("Văn phòng Ủy ban nhân dân
    tỉnh"). Each office is one body in the graph, not one "Văn phòng" of every issuer."""
    issuer = doc.issuer
    if (
        issuer is None
        or issuer.kind != "body"
        or not (issuer.canonical or _NAMED_BODY.match(fold(issuer.name)))
    ):
        return tasks  # no issuer, or a letterhead read wrong (a table's "| STT")
    own = _without_own_province(issuer.name, issuer.province)

    def office(a):
        if a.canonical or fold(a.name) not in _BARE_OFFICES:
            return a
        named = f"{a.name} {own}"
        known = table.lookup(named, doc.province)
        if known is not None:
            return replace(known, as_written=a.as_written or a.name)
        return replace(
            a, name=named, kind="body", level=issuer.level, province=issuer.province,
            parent=issuer.name,
        )  # fmt: skip

    return _each_body(tasks, office)


_BARE_OFFICES = frozenset({"văn phòng", "văn phòng cơ quan"})
# an issuer's name that opens with words and goes on past its head word
_NAMED_BODY = re.compile(r"[^\W\d_]+(?:\s+[^\W\d_]+)+")


def _bodies_of_the_province(tasks: list, doc, province: str | None) -> list:
    """A central document about one province ("… làm việc với tỉnh Gia Lai") names the
    province's bodies bare ("Chỉ đạo Sở Nông nghiệp và Môi trường …"); they are written
    with their place, as a body of another place is: "Sở Nông nghiệp và Môi trường tỉnh Gia
    Lai"."""
    if not province or doc.issuer is None or doc.issuer.level != "central":
        return tasks
    unit = "thành phố" if province in CITIES else "tỉnh"

    def placed(a):
        if (
            a.level != "province"
            or a.kind != "body"
            or any(fold(p) in fold(a.name) for p in PROVINCE_NAMES)  # its own place, or another
        ):
            return a
        key = fold(a.name)
        if key.endswith((" tỉnh", " thành phố", "tỉnh ủy", "thành ủy")):
            return replace(a, name=f"{a.name} {province}")
        return replace(a, name=f"{a.name} {unit} {province}")

    return _each_body(tasks, placed)


def _bodies_of_the_commune(tasks: list, doc, rules: Rules) -> list:
    """A province's document about one commune or ward ("… làm việc với Ban Thường vụ Đảng
    ủy phường Bắc Cam Ranh") names its bodies bare ("Đảng ủy phường", "Ủy ban nhân dân
    phường"); they are that commune's: "Đảng ủy phường Bắc Cam Ranh"."""
    if doc.issuer is None or doc.issuer.level not in ("province", "central"):
        return tasks
    named = {
        (m.group(1).lower(), m.group(2))
        for m in derived(rules, _commune_in_title).finditer(doc.title or "")
    }
    if len(named) != 1:
        return tasks
    unit, name = named.pop()

    def placed(a):
        if a.kind == "body" and fold(a.name).endswith(f" {unit}") and a.name.count(" ") <= 5:
            return replace(a, name=f"{a.name} {name}", level="commune", canonical=False)
        return a

    return _each_body(tasks, placed)


def _commune_in_title(rules: Rules) -> re.Pattern[str]:
    units = Rules.alternation(rules.commune_units)
    return re.compile(
        rf"(?<![\wđ])((?i:{units}))\s++((?:[{CAPITALS}\d][\wđ]*)(?:\s++[{CAPITALS}\d][\wđ]*){{0,3}})"
    )


def _yearless_deadlines(tasks: list, doc) -> list:
    """A task with no deadline whose text gives a day and a month ("trước ngày 15/10") is due
    that day in the year the document was issued (the next, if the day has passed)."""
    if doc.date is None:
        return tasks
    out = []
    for t in tasks:
        if t.deadline is None and not t.recurring and not t.deadline_text:
            found = yearless_deadline(t.text, doc.date)
            if found is not None:
                t = replace(t, deadline_text=found.text, deadline=found.date)
        out.append(t)
    return out


def _task_province(doc) -> str | None:
    """The province whose bodies a task's bare names mean ("Thường trực Tỉnh ủy", "Tỉnh").

    A central document is dated in Hà Nội but speaks for no province: its bare provincial
    names mean the province its title is about ("… làm việc với Thường trực Tỉnh ủy Thanh
    Hóa"), or, in a letter to one province ("Kính gửi: Ủy ban nhân dân tỉnh Nghệ An"), the
    province it is sent to; else no province at all."""
    if doc.issuer is None or doc.issuer.level != "central":
        return doc.province

    def named(text: str) -> list[str]:
        key = fold(text)
        return [
            p
            for p in PROVINCE_NAMES
            if re.search(r"(?<![\wđ])" + re.escape(fold(p)) + r"(?![\wđ])", key)
        ]

    in_title = named(doc.title or "")
    if in_title:
        return in_title[0] if len(in_title) == 1 else None
    sent_to = {p for r in doc.recipients for p in named(r)}
    if len(sent_to) == 1 and all(named(r) for r in doc.recipients):
        return sent_to.pop()
    return None


def _preamble_cue(rules: Rules) -> re.Pattern[str]:
    """A basis or implementing cue opening a preamble's item ("căn cứ", "thực hiện")."""
    cues = Rules.alternation((*rules.basis_cues, *rules.implement_cues))
    return re.compile(rf"(?:{cues})(?![\wđ])")


def _with_tables(tasks, text, lay, regions, ctx):
    """Task-table rows are tasks; an appendix table restates the body's items (one task each)."""
    from .extract_appendix import appendix_tasks, merge_appendix
    from .extract_task_table import table_tasks

    rows = table_tasks(lay, ctx)
    appendix_at = None
    if regions.appendix_start is not None:
        appendix_at = lay.lines[lay.paragraphs[regions.appendix_start].first_line].start
    in_appendix = [
        r for r in rows if appendix_at is not None and r.evidence.span.start >= appendix_at
    ]
    in_body = [r for r in rows if r not in in_appendix]
    if appendix_at is not None and not in_appendix:
        in_appendix = appendix_tasks(text, lay, regions, ctx)  # a table flattened into text
    if in_appendix:
        tasks = merge_appendix(in_appendix, tasks)
    if in_body:
        # a table in the text that restates items above it (an appendix the document does
        # not head as one) gives those items their lead and time, once
        first = min(r.evidence.span.start for r in in_body)
        above = [t for t in tasks if t.evidence.span.start < first and t.origin == "body"]
        rest = [t for t in tasks if t not in above]
        merged = merge_appendix(in_body, above)
        tasks = sorted(merged + rest, key=lambda t: t.evidence.span.start)
    return tasks


def extract_source(src: SourceText, table: AgencyTable | None = None) -> Extraction:
    ex = extract_text(
        src.text,
        src.path,
        table,
        one_line_paragraphs=src.format == "docx",
        wrapped=src.format == "pdf",
        markup=True if src.format == "md" else None,
    )
    ex.warnings = list(src.warnings) + ex.warnings
    return ex


def extract_paths(
    paths: Iterable[str], table: AgencyTable | None = None
) -> Iterator[Extraction | ReadError]:
    """Read and extract every file (directories expanded); a bad file yields its ReadError."""
    from .readers import read_paths

    for item in read_paths(paths):
        if isinstance(item, ReadError):
            yield item
            continue
        try:
            yield extract_source(item, table)
        except Exception as exc:  # an extractor bug must not stop the other files
            yield ReadError(item.path, "extraction failed", f"{type(exc).__name__}: {exc}")
