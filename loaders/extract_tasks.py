"""Tasks: the lowest-level items of a document body that assign work ("5 rõ").

Each leaf of the outline inside a task section is one task. Its lead comes from
its own words when it names one, else from the nearest heading above it that
names an addressee; its deadline from its own words, else a recurrence stated on
a heading (``1. Về công tác chỉ đạo (nhiệm vụ thường xuyên)``).
"""

from __future__ import annotations

import re
from copy import copy
from dataclasses import dataclass, replace
from functools import lru_cache

from ..schema.model import Agency, Evidence, Task
from .agencies import AgencyTable, blank_spans
from .assignment import SPEAKER_ALONE, TOPIC_LABEL, Assignment, parse_assignment
from .deadlines import Deadline, deadline_of_field, find_deadline
from .fields import Fields, event_detail, split_fields
from .outline import Node, ends_sentence
from .rules import Rules, any_found, default_rules, derived, work_opening
from .textnorm import CAPITALS, SMALL, collapse, fold, match_key


class _Vocab:
    """The patterns tasks are read with, built from one :class:`Rules`."""

    def __init__(self, rules: Rules) -> None:
        # items that are not tasks: a pointer to the appendix, the closing articles
        self.boilerplate = rules.boilerplate_patterns()
        self.any_boilerplate = any_found(self.boilerplate)  # the same answers, quicker
        # "X là Y": a sentence that says what something is. Its subject opens with no verb
        # of work and holds none ("Xác định … là nhiệm vụ …", "Nâng cao … cho đối tượng là
        # …" are work); "là" is the verb, not "trước hết là", "nhất là"; a role ("là cơ
        # quan đầu mối, tổng hợp …", "là người quyết định …") is work too
        verbs = Rules.alternation(
            (*rules.task_verbs, *rules.item_verbs, *rules.request_verbs, *rules.complement_verbs)
        )
        self.WORK_WORD = re.compile(rf"(?<![\wđ])(?:{verbs}|giao)(?![\wđ])")
        # a role: "cơ quan đầu mối" (role_names) or its last words alone ("là đầu mối")
        roles = Rules.alternation(
            (
                *rules.role_names,
                *(re.sub(r"^(?:cơ quan|đơn vị)\s+", "", r) for r in rules.role_names),
            )
        )
        self.IS = re.compile(
            r"(?<![\wđ])(?<!trước hết )(?<!nhất )(?<!đặc biệt )(?<!chủ yếu )(?<!tức )là\s++"
            rf"(?!(?:một\s++)?(?:{roles or '(?!)'})(?![\wđ]))"
            r"(?!người\s)"  # "Thủ trưởng cơ quan là người quyết định …": a duty
        )
        labels = dict(rules.field_labels).get("deliverable", ())
        self.DELIVERABLE_LABEL = re.compile(
            "(?:" + Rules.alternation(labels) + r")\s*:\s*([^;)]+)", re.I
        )
        # "xây dựng (và ban hành) Kế hoạch …": the document a draft is of, as printed
        # (capitalised); its type's name, or the word as printed ("Văn bản")
        types = rules.types(prose=True, generic=True)
        self.type_of = {w: name for w, name in types}
        issue = Rules.alternation(rules.issue_verbs)
        self.DRAFTED = re.compile(
            "(?:" + Rules.alternation((*rules.drafting_verbs, *rules.issue_verbs)) + ")"
            + r"\s+(?:và\s+(?:" + issue + r")\s+)?"
            + "(" + Rules.alternation(w[:1].upper() + w[1:] for w, _ in types) + ")"
        )  # fmt: skip

    def drafted(self, text: str) -> str | None:
        """The type of the document a task drafts ("Kế hoạch"), if its words name one."""
        m = self.DRAFTED.search(text)
        if m is None:
            return None
        return self.type_of.get(" ".join(fold(m.group(1)).split())) or m.group(1)


def _vocab(rules: Rules | None) -> _Vocab:
    return derived(rules, _Vocab)


@dataclass
class TaskContext:
    source: str
    province: str | None
    table: AgencyTable
    normative: bool = False  # a regulation: only provisions naming their doer are tasks
    conclusions: bool = False  # a conclusions notice: one item may give work to several bodies
    letter: bool = False  # a letter: its requests may stand in prose, with no item at all


def _asks_for_work(rules: Rules) -> re.Pattern[str]:
    """An introduction that gives the items under it to someone: "Đề nghị UBND các xã:",
    "Giao Sở Tài chính:", "Yêu cầu …:"."""
    verbs = Rules.alternation(rules.request_verbs)
    return re.compile(r"(?:^\W*+|.*,\s*+)(?:giao|" + verbs + r")\s[^;.]*:\W*$")


# a heading of what is asked of a party ("Yêu cầu chung đối với thủ trưởng các đơn vị"),
# which opens with a word of the purpose sections ("Yêu cầu") but gives work
_ASKED_OF = re.compile(r"(?:các\s+)?yêu cầu\s+(?:(?:chung|cụ thể)\s+)?đối với\s+")


def _asked_of_topic(rules: Rules) -> re.Pattern[str]:
    """ "Yêu cầu đối với việc …", "… đối với các dự án": asked of a thing, not a party."""
    nouns = Rules.alternation(rules.topic_nouns)
    return re.compile(rf"{_ASKED_OF.pattern}(?:các\s+|những\s+)?(?:{nouns})(?![\wđ])")


def _section_excluded(node: Node, rules: Rules | None = None) -> bool:
    """Under a heading whose items are not tasks (``not_task_sections`` in the rules), with no
    nearer heading of work (``work_headings``) between."""
    rules = rules or default_rules()
    heads, work = rules.not_task_sections, rules.work_headings
    for anc in [node, *node.ancestors()]:
        if anc.style == "intro" and derived(rules, _asks_for_work).match(fold(anc.text)):
            return False  # "2. Đánh giá, xếp hạng …" then "Đề nghị UBND các xã, phường:": work
        if (
            anc.style
            in ("part", "chapter", "section", "article", "roman", "num1", "num2", "letter")
            and anc.children
        ):
            key = fold(anc.text)
            if anc.style == "article":  # "Điều 2. Đối tượng áp dụng": its number first
                key = re.sub(r"^điều\s+\d+\s*[.:]?\s*", "", key)
            if _ASKED_OF.match(key) and not derived(rules, _asked_of_topic).match(key):
                continue  # "1. Yêu cầu chung đối với các đơn vị thuộc Bộ": their work
            if key.startswith(heads) or re.match(r"đến năm \d{4}", key):
                return True
            # "1. Về nguyên tắc xây dựng dự toán": a letter's topic of principles
            if re.match(r"về\s+", key) and key[3:].lstrip().startswith(rules.principle_topics):
                return True
            if key.startswith(work):
                return False  # "d) Các hoạt động chính" inside "II. MỤC TIÊU": work
    return False


_TIME_LABEL = re.compile(r"\W*(?:thời\s+(?:gian|hạn)(?:\s+(?:thực\s+hiện|hoàn\s+thành))?)\s*:")


def _section_time(node: Node) -> Deadline | None:
    """The time a section states beside its work: "b) Thời gian: Từ ngày 15/11/2025 đến
    ngày 15/12/2025." next to "d) Các hoạt động chính", for the items under it that state
    none."""
    for level in [node, *node.ancestors()]:
        parent = level.parent
        if parent is None:
            break
        for sibling in parent.children:
            if sibling is level or len(sibling.text) > 160:
                continue
            if _TIME_LABEL.match(fold(sibling.text)):
                found = find_deadline(sibling.text)
                if found.date is not None:
                    return found
    return None


def _under_work_heading(node: Node, rules: Rules) -> bool:
    """Under a heading that gives work ("II. NHIỆM VỤ, GIẢI PHÁP TRONG THỜI GIAN TỚI",
    "Nhiệm vụ trọng tâm"): in a conclusions notice its items are tasks whatever verb they
    open with, though they name no doer."""
    for anc in node.ancestors():
        if not anc.children or anc.style in ("para", "intro", "dash", "plus"):
            continue
        key = re.sub(r"^điều\s+\d+\s*[.:]?\s*", "", fold(anc.text))
        if key.startswith(rules.not_task_sections):
            return False
        if key.startswith(rules.work_headings) or re.match(
            r"(?:các |những )?(?:nhiệm vụ|giải pháp)(?![\wđ])", key
        ):
            return True
    return False


_POINTS_TO_APPENDIX = re.compile(
    r"\(\s*+(?:xem\s++)?(?:chi tiết|cụ thể|nội dung)\s++(?:tại|theo|ở|như)\s++[^()]{0,40}?"
    r"phụ lục[^()]{0,40}\)"
)


def is_boilerplate(text: str, rules: Rules | None = None) -> bool:
    """An item that is not a task (``boilerplate`` in the rules)."""
    return _boilerplate(text, rules or default_rules())


@lru_cache(maxsize=4096)
def _boilerplate(text: str, rules: Rules) -> bool:
    # remembered: an item is asked about when its section is read and again for its work
    key = fold(text)
    vocab = _vocab(rules)
    if vocab.any_boilerplate(key):
        return True
    if _says_what_is(key, vocab):
        return True
    # "Phát triển hạ tầng số (chi tiết tại Mục III Phụ lục kèm theo).": a title that only
    # points to the appendix, where its work is listed
    pointer = _POINTS_TO_APPENDIX.search(key)
    if (
        pointer
        and len(key[: pointer.start()].split()) <= 18
        and not key[pointer.end() :].strip(" .;")
    ):
        return True
    # "NHIỆM VỤ: Có Phụ lục kèm theo.": a heading's label, then a pointer to the appendix
    label = re.match(r"[^:.;]{1,40}:\s*+(?=\S)", key)
    rest = key[label.end() :] if label else ""
    return "phụ lục" in rest and _vocab(rules).any_boilerplate(rest)


def _says_what_is(key: str, vocab: _Vocab) -> bool:
    """ "Cán bộ, chiến sĩ là chủ thể của chuyển đổi số", "Cơ sở dữ liệu đất đai là hạ tầng
    số quan trọng", "Người có uy tín là cầu nối …": a sentence saying what something is, a
    principle or a definition, not work. Its subject is short, with no verb of work and no
    bracket."""
    m = vocab.IS.search(key, 0, 90)
    if m is None:
        return False
    subject = key[: m.start()]
    return (
        2 <= len(subject.strip()) <= 80
        and not re.search(r"[.;:()]", subject)
        and vocab.WORK_WORD.search(subject) is None
    )


def work_after_approval(text: str, rules: Rules | None = None) -> int | None:
    """Where an item that opens by approving or noting ("Đồng ý về nguyên tắc …",
    ``boilerplate``) goes on to give work: "…; giao Bộ Tài chính chủ trì …". None when it
    does not (or does not open so)."""
    if not is_boilerplate(text, rules):
        return None
    rules = rules or default_rules()
    opener = re.compile(r"(?:giao|" + Rules.alternation(rules.request_verbs) + r")\s")
    for m in re.finditer(r"[;.:]\s++", text):
        if opener.match(fold(text[m.end() : m.end() + 40])):
            return m.end()
    return None


def _inherited(node: Node, ctx: TaskContext) -> tuple[Assignment, list[str]]:
    """The nearest heading above ``node`` that names who does the work; an introduction
    that names only a vague group ("… đề nghị các địa phương quan tâm chỉ đạo các nội dung
    sau:") yields to a heading above it that names the party ("1. Đề nghị Ủy ban nhân dân
    các tỉnh, thành phố trực thuộc Trung ương")."""
    vague: tuple[Assignment, list[str]] | None = None
    for anc in node.ancestors():
        if anc.style == "intro" or anc.is_heading_like or anc.children:
            a = _heading_assignment(anc.text, ctx.table, ctx.province)
            leading = _leading_in(anc) if a.lead else anc.text
            if leading != anc.text:
                # its first sentence names a body; the sentence that leads into the items
                # names the doer, where it names one ("…. Cụ thể:" names none)
                last = _heading_assignment(leading, ctx.table, ctx.province)
                a = last if last.lead else a
            preamble = (
                anc.parent is not None and anc.parent.style == "root" and anc.style == "intro"
            )
            if preamble and a.cue not in ("yêu cầu", "đề nghị", "giao"):
                continue  # "UBND tỉnh xây dựng Kế hoạch … như sau:" names the issuer, not a doer
            if a.lead and anc.style == "intro" and all(ctx.table.is_vague(x) for x in a.lead):
                vague = vague or (a, [anc.text])
                continue
            if a.lead:
                return a, [anc.text]
    return vague or (Assignment(), [])


def _leading_in(node: Node) -> str:
    """Of an introduction of several sentences that ends in a colon ("Kỳ thi năm 2026 giữ
    ổn định …; Ban Chỉ đạo thi cấp tỉnh do … làm Trưởng ban. Các sở thực hiện:"), the
    sentence that leads into the items: the bodies the others name do not do them (when it
    names none, "…. Cụ thể:", the whole introduction is read)."""
    text = node.text
    if node.style != "intro" or not text.rstrip(" *").endswith(":"):
        return text
    cut = [
        m.end()
        for m in re.finditer(
            r"\.\s+(?=[" + CAPITALS + r"])",
            text,
        )
    ]
    return text[cut[-1] :] if cut else text


@lru_cache(maxsize=256)
def _read_heading(text: str, table: AgencyTable, province: str | None) -> Assignment:
    said = parse_assignment(text, table, province)
    if said.lead:
        return said
    return _role_heading(text, table, province) or _committee_heading(text, table) or said


# a Party committee or its standing organ named bare in its own rules' heading
_BRACKETS_AT_END = re.compile(r"\([^()]*+\)[\s*.:]*+$")
_BARE_COMMITTEE = re.compile(r"(?:(?:thường\s++trực|ban\s++thường\s++vụ)\s++)?đảng\s++ủy")


def _committee_heading(text: str, table: AgencyTable) -> Assignment | None:
    """A heading that names a Party committee bare, or its holder: "Điều 5. Thường trực Đảng
    ủy", "Điều 6. Bí thư Đảng ủy", "Điều 7. Phó Bí thư Thường trực Đảng ủy (đồng chí …)". The
    office holder stands for the committee; the name is as printed (the committee's own
    document writes it with its short name: ``pipeline._own_committee_units``)."""
    # who holds it, in brackets at the end ("(đồng chí …)"; "đồng chí" is blanked as a title)
    key = _BRACKETS_AT_END.sub(lambda m: " " * len(m.group()), table.blank_titles(match_key(text)))
    core = key.strip(" *:.-–")
    if not core or _BARE_COMMITTEE.fullmatch(core) is None:
        return None
    start = key.index(core)
    written = " ".join(text[start : start + len(core)].split())
    if not written[:1].isupper():
        return None
    agency = Agency(written, "unknown", None, "body", None, written, False)
    return Assignment(lead=[agency], explicit=True)


def _role_heading(text: str, table: AgencyTable, province: str | None) -> Assignment | None:
    """A heading that is only a role, "3. Cơ quan chủ trì giải quyết thủ tục đầu tư dự án"
    (``role_names`` in the rules): whoever holds it does the items under it, named as
    printed."""
    bare = " ".join(re.sub(r"^[\W\d]*+", "", text).rstrip(" *:.-–").split())
    key = fold(bare)
    if (
        not any(key == r or key.startswith(r + " ") for r in table.rules.role_names)
        or len(bare.split()) > 14
        or re.search(r"[,;.()]", bare)
    ):
        return None
    return Assignment(lead=[table.known_or_printed(bare, province, kind="group")], explicit=True)


def _heading_assignment(text: str, table: AgencyTable, province: str | None) -> Assignment:
    """:func:`parse_assignment` of a heading, read once for all the items under it (keyed by
    the table itself, so a user's table is read with its own names); each caller gets its
    own copy, agencies and lists included, as a new reading would give it."""
    a = _read_heading(text, table, province)
    return replace(
        a,
        lead=[copy(x) for x in a.lead],
        cooperating=[copy(x) for x in a.cooperating],
        chain=[copy(x) for x in a.chain],
    )


def deliverable_of(text: str, deadline: Deadline, rules: Rules | None = None) -> str | None:
    """What a task delivers: its labelled result ("Sản phẩm: …"), or the draft its deadline
    names ("hoàn thành dự thảo" of "xây dựng Kế hoạch …" is "Dự thảo Kế hoạch")."""
    v = _vocab(rules)
    m = v.DELIVERABLE_LABEL.search(match_key(text)) if ":" in text else None  # "label:"
    if m:
        return collapse(text[m.start(1) : m.end(1)]).rstrip(".")
    phrase = deadline.text or ""
    m = re.search(r"hoàn thành\s+(dự thảo)", phrase, re.I)
    if m:
        noun = v.drafted(text)
        return "Dự thảo" + (" " + noun if noun else "")
    return None


def row_task(
    name: str,
    lead: list[Agency],
    cooperating: list[Agency],
    deadline_text: str | None,
    result: str | None,
    evidence: Evidence,
    section: str | None,
    row: str | None,
    rules: Rules | None = None,
) -> Task:
    """A task from one row of a task table (structured or flattened into text)."""
    deadline = find_deadline(deadline_text or "")
    year = re.fullmatch(r"\s*+(?:năm\s++)?(\d{4})\s*+\.?", deadline_text or "")
    if deadline.date is None and year:  # "2026" alone in the time column is that year
        deadline = find_deadline(f"năm {year.group(1)}")
    return Task(
        text=name,
        lead=lead,
        cooperating=cooperating,
        deadline_text=deadline_text or None,
        deadline=deadline.date,
        recurring=deadline.recurring,
        recurrence=deadline.recurrence,
        deliverable=result or deliverable_of(name, deadline, rules),
        evidence=evidence,
        section=[section] if section else [],
        waits_on=deadline.waits_on,
        origin="appendix",
        row=row,
    )


def _evidence(node: Node, source: str) -> Evidence:
    first, last = node.paragraphs[0], node.paragraphs[-1]
    start = first.span(node.offset, node.offset + 1).start
    end = last.span(len(last.text) - 1).end
    from ..schema.model import Span

    return Evidence(source, Span(start, end), collapse(node.text))


def _merge(own: Assignment, inherited: Assignment) -> tuple[list[Agency], list[Agency], list[str]]:
    chain = [a.name for a in own.chain]
    if own.cue == "subject" and inherited.lead and _same_party(own.lead, inherited.lead):
        # "b) Doanh nghiệp công nghệ số chủ động …" under "18. Các doanh nghiệp công nghệ
        # số": the heading's party, as the heading names it
        own = Assignment(cooperating=own.cooperating)
    if own.lead and own.explicit:
        lead = own.lead
        coop = own.cooperating
        if inherited.lead and own.chain and len(own.chain) == 1:
            # "Chỉ đạo Sở X …" under "Đảng ủy UBND tỉnh chỉ đạo UBND tỉnh:"
            chain = [a.name for a in (inherited.chain or inherited.lead)] + chain
        elif inherited.lead and own.cue == "chủ trì" and not own.chain:
            pass
    else:
        lead = inherited.lead or own.lead
        coop = own.cooperating or inherited.cooperating
        chain = [a.name for a in inherited.chain]
    return lead, coop, chain


def _same_party(own: list[Agency], inherited: list[Agency]) -> bool:
    """The subject an item names by a bare noun ("Doanh nghiệp công nghệ số") is a party of
    the heading above it ("Các doanh nghiệp công nghệ số")."""
    names = [re.sub(r"^(?:các|những)\s+", "", fold(a.as_written or a.name)) for a in own]
    theirs = [fold(a.as_written or a.name) for a in inherited]
    return all(any(n in t for t in theirs) for n in names)


# "Sửa đổi nhiệm vụ số 9 như sau: “…”", "Bổ sung nhiệm vụ số 14: “…”": the task is the quote
_AMENDED = re.compile(
    r"(?:sửa đổi|bổ sung|điều chỉnh)(?:,\s*+bổ sung)?\s++(?:các\s++)?(?:nhiệm vụ|nội dung|mục|điểm"
    r"|khoản|tiết)[^:\"“”]{0,80}?:\s*+[\"“](?P<quote>[^\"“”]{10,})[\"”]\s*+[.;]?\s*+$",
    re.IGNORECASE,
)


def task_from_text(
    text: str,
    node: Node | None,
    ctx: TaskContext,
    evidence: Evidence,
    section: list[str],
) -> Task:
    amended = _AMENDED.match(text)
    if amended:
        text = amended.group("quote")
    fields = split_fields(text, ctx.table.rules)
    if node is not None and not set(fields.values) & _SHARED_FACTS:
        fields = _with_block_after(fields, node, ctx)
    own = _from_fields(fields, ctx) or parse_assignment(text, ctx.table, ctx.province)
    inherited, _ = _inherited(node, ctx) if node is not None else (Assignment(), [])
    lead, coop, chain = _merge(own, inherited)
    field = fields.values.get("deadline")
    deadline = deadline_of_field(field) if field else find_deadline(text)
    if deadline.text is None and node is not None:
        for anc in node.ancestors():
            d = find_deadline(anc.text)
            if d.recurring and d.date is None:
                deadline = d
                break
    if deadline.text is None and node is not None:
        deadline = _section_time(node) or deadline
    deliverable = fields.values.get("deliverable")
    return Task(
        text=collapse(fields.content),
        lead=lead,
        cooperating=coop,
        deadline_text=deadline.text,
        deadline=deadline.date,
        recurring=deadline.recurring,
        recurrence=deadline.recurrence,
        deliverable=collapse(deliverable).rstrip(".")
        if deliverable
        else deliverable_of(text, deadline, ctx.table.rules),
        evidence=evidence,
        section=section,
        delegation=chain,
        waits_on=deadline.waits_on,
    )


_SHARED_FACTS = {"lead", "cooperating", "deadline"}


def _with_block_after(fields: Fields, node: Node, ctx: TaskContext) -> Fields:
    """An item with no field of its own, followed by sibling items of which the last holds
    the field block ("- Tăng cường …", "- Nâng cao …", then "Đơn vị thực hiện: Các sở, ngành
    …", "Thời gian thực hiện: Thường xuyên."): the block is the fields of every item it
    closes. An item that names its own doer with a cue keeps it ("- Sở Y tế chủ trì …")."""
    parent = node.parent
    if parent is None or node.style not in ("dash", "plus", "letter", "paren"):
        return fields
    siblings = parent.children
    at = next((i for i, c in enumerate(siblings) if c is node), None)
    if at is None:
        return fields
    block: Fields | None = None
    for sib in siblings[at + 1 :]:
        if sib.style != node.style:
            return fields
        found = split_fields(sib.text, ctx.table.rules) if "\n" in sib.text else None
        if found is not None and set(found.values) & _SHARED_FACTS:
            block = found
            break
    if block is None:
        return fields
    said = parse_assignment(fields.content, ctx.table, ctx.province)
    named = said.explicit and said.cue and [a for a in said.lead if not ctx.table.is_vague(a)]
    facts = ("deadline",) if named else tuple(_SHARED_FACTS)
    borrowed = {k: v for k, v in block.values.items() if k in facts}
    return replace(fields, values={**borrowed, **fields.values})


def _from_fields(fields: Fields, ctx: TaskContext) -> Assignment | None:
    """Lead and cooperating bodies named in a field block, when it has such fields."""
    if "lead" not in fields.values and "cooperating" not in fields.values:
        return None
    table, province = ctx.table, ctx.province
    out = Assignment()
    if fields.values.get("lead"):
        value = fields.values["lead"]
        said = parse_assignment(value, table, province)
        if said.lead and re.search(r"chủ\s+trì|phối\s+hợp", fold(value)):
            # "Cơ quan thực hiện: Sở X chủ trì, phối hợp với Y": the field says who leads
            out.lead, out.cooperating = (
                said.lead,
                [a for a in said.cooperating if not table.is_vague(a)],
            )
        else:
            found = [m.agency for m in table.find(value, province)]
            # "Sở Nội vụ, các sở … và các cơ quan, tổ chức khác có liên quan": not those
            # only said to be concerned (a named group, "các cơ quan, đơn vị", stays)
            markers = tuple(table.rules.vague_markers)
            out.lead = [a for a in found if not fold(a.name).endswith(markers)] or found
        out.explicit = bool(out.lead)
        out.cue = "chủ trì"
    if fields.values.get("cooperating"):
        found = [m.agency for m in table.find(fields.values["cooperating"], province)]
        out.cooperating += [a for a in found if not table.is_vague(a)]
    if not out.lead:
        own = parse_assignment(fields.content, table, province)
        out.lead, out.explicit, out.chain = own.lead, own.explicit, own.chain
    names = {a.shown for a in out.lead}
    out.cooperating = [a for a in out.cooperating if a.shown not in names]
    return out


def task_nodes(
    root: Node, rules: Rules | None = None, assessed: list[Node] | None = None
) -> list[Node]:
    """The leaves of the outline that are tasks, in document order.

    ``assessed``: if given, the items of a section that is not tasks ("Đánh giá chung") are
    put there instead of left out: a conclusions notice gives work inside its assessment.
    """
    out = []
    after_item: set[int] = set()  # top-level paragraphs after a numbered item: its sequel
    seen_item = False
    for child in root.children:
        if child.style in ("para", "dash", "plus"):
            if seen_item:
                after_item.add(id(child))
        elif child.style == "num1":
            seen_item = True
    for node in root.walk():
        if node is root or node.style == "root":
            continue
        if node.children and (
            node.is_heading_like or node.style == "intro" or not ends_sentence(node.text)
        ):
            continue
        if node.style == "intro" or (
            not node.ancestors()
            and node.style in ("para", "dash", "plus")
            and id(node) not in after_item
        ):
            continue  # a preamble paragraph at the top level (a numbered one is an item)
        if (
            node.is_heading_like
            and not node.children
            and node.style not in ("para", "dash", "plus")
            and len(node.text) < 90
            and not _an_item_of_work(node, rules)
        ):
            continue  # a numbered title with nothing under it: "2. Yêu cầu"
        if (
            is_boilerplate(node.text, rules)
            and work_after_approval(node.text, rules) is None
            and not _SENTENCE_AFTER.search(node.text)
        ) or (not node.children and event_detail(node.text, rules)):
            continue  # (a sentence after the approval may give work: read piece by piece)
        if not node.children and _a_title(node.text):
            continue  # "Chương V TỔ CHỨC THỰC HIỆN": a title in capitals, or "Ổn định lớp"
        if _section_excluded(node, rules) and not _DOER_FIELD.search(fold(node.text)):
            # (an item that names its doer in a field block is work wherever it stands:
            # "Lồng ghép … (Thực hiện: Đảng ủy các xã; thời gian: tháng 3/2026)")
            if assessed is not None:
                assessed.append(node)
                out.append(node)
            continue
        out.append(node)
    return out


_DOER_FIELD = re.compile(
    r"\(\s*+(?:cơ quan |đơn vị )?(?:thực hiện|chủ trì|thực hiện chính)\s*+:\s*+[^;)]{3,}"
)
_SENTENCE_AFTER = re.compile(r"\.\s++[" + CAPITALS + r"]")
_INTRODUCES = re.compile(r"(?:sau|như sau|gồm|bao gồm|cụ thể)\s*+:$")


def _an_item_of_work(node: Node, rules: Rules | None) -> bool:
    """A lettered or numbered item with nothing under it that opens with a verb of work is
    work, though it has no full stop ("a) Tổ chức tập huấn cho cán bộ làm công tác đầu
    tư") or ends with a colon that introduces nothing ("a) Hướng dẫn nhà đầu tư …:" then
    "b) …"); a title names no work ("2. Yêu cầu", "3. Kinh phí thực hiện")."""
    if not (node.style in ("letter", "paren") or node.style.startswith("num")) or rules is None:
        return False
    text = fold(node.text.strip(" *"))
    if len(text.split()) < 5 or _INTRODUCES.search(text):
        return False
    return bool(derived(rules, work_opening).match(text))


def _a_title(text: str) -> bool:
    """A heading or a label, not work: written in capitals, or three words or fewer."""
    short = text.strip()
    if len(short.split()) <= 3 and short[:1].isupper() and not re.search(r"[,;.:]", short):
        return True  # "Ổn định lớp" (a label); not "trong tháng 3/2025." (a wrapped clause)
    if len(text) >= 200:
        return False  # a title in capitals is short (and its letters need not be counted)
    letters = "".join(filter(str.isalpha, text))  # counted in C, not a Python loop a letter
    return len(letters) >= 8 and sum(map(str.isupper, letters)) >= 0.8 * len(letters)


def _in_rule_article(node: Node, ctx: TaskContext) -> bool:
    """Under an article ("Điều 5. Nguyên tắc …") that is not about who does what: neither
    headed as duties nor by the party whose duties it lists."""
    heads = ctx.table.rules.responsibility_headings
    for anc in [node, *node.ancestors()]:
        if anc.style == "article":
            heading = fold(anc.text)
            return not (anc.children and (heading.startswith(heads) or _party_heading(anc, ctx)))
    return False


def extract_tasks(root: Node, ctx: TaskContext) -> list[Task]:
    tasks = []
    assessed: list[Node] | None = [] if ctx.conclusions else None
    named: tuple[Node, Task] | None = None  # the last numbered item that named its doer
    for node in task_nodes(root, ctx.table.rules, assessed):
        goes_on_item = (
            named is not None
            # in a conclusions notice, a numbered item too: "1. Tỉnh cần tập trung …; 2. Chú
            # trọng phát triển …"
            and (node.style == "para" or ctx.conclusions)
            and node.parent is named[0].parent
            and _opens_with_work(node.text, ctx)
        )
        section = [
            f"{a.marker} {a.text}".strip() for a in reversed(node.ancestors()) if a.style != "intro"
        ]
        if ctx.letter and _reported(node.text, ctx):
            continue  # a letter's account of what was done ("Chủ trương này đã được …")
        evidence = _evidence(node, ctx.source)
        own = node.text
        approved = work_after_approval(own, ctx.table.rules)
        if approved is not None:
            own = own[approved:]  # "Đồng ý …; giao Bộ X …": the work given after the approval
        # a notice's or a letter's items are prose: one task per sentence that gives work (in
        # a letter's numbered item, per sentence that names another doer)
        prose = ctx.conclusions or ctx.letter
        by_verb = ctx.conclusions or node.style == "para"
        pieces = (
            assignments_in(own, ctx, by_verb)
            if prose
            else other_doers(own, ctx, node.style == "para")
        )
        if ctx.letter and len(pieces) > 1 and _a_statement(pieces[0][0], ctx):
            # "Nội dung này thuộc thẩm quyền của Bộ Nội vụ. Bộ X sẽ chủ trì …": what the
            # letter explains before the work it gives is no task of the addressee's
            pieces = pieces[1:]
        if assessed and any(n is node for n in assessed):
            # an assessment gives work only in the sentences that open by giving it
            pieces = pieces if _opens_task(node.text, ctx) else pieces[1:]
        before: Task | None = None
        for text, goes_on, item in _with_inline_items(pieces, ctx):
            if is_boilerplate(text, ctx.table.rules) or _boilerplate_sentences(text, ctx):
                continue  # "Đồng ý với đề xuất của Bộ X …." before the work it gives
            if len(pieces) > 1 and _says_what_its_doer_is(text, ctx):
                continue  # "Văn phòng X là cơ quan đầu mối về …." before the body's work
            if not ctx.normative and _accountable_only(fold(text).strip(" ."), ctx):
                # "Người đứng đầu … chịu trách nhiệm trước Chủ tịch UBND tỉnh nếu để …": to
                # whom a party answers, no work (a working rule's duty stays: normative)
                continue
            if ctx.conclusions and len(pieces) > 1 and _reported(_without_topic(text), ctx):
                continue  # "Về đề nghị …: Bộ Xây dựng, Bộ Tài chính đã có ý kiến …"
            task = task_from_text(text, node, ctx, evidence, section)
            if item is not None:
                task.text = collapse(item)
            if (
                goes_on
                and before is not None
                and (
                    not task.lead
                    or (
                        goes_on == _SAME_DOER
                        and _opens_with_doer(before.text, ctx)
                        and not parse_assignment(text, ctx.table, ctx.province).lead
                    )
                )
            ):
                # "Tập trung …": the body of the sentence before; "Chủ trì, phối hợp với …"
                # in an item whose first sentence named its doer: that doer, not the heading's
                task.lead = list(before.lead)
            elif goes_on_item and named is not None and not task.lead:
                # a paragraph after "2. Các tỉnh ủy … cụ thể hóa …" that opens with a verb of
                # work ("Bố trí kinh phí …") goes on with that item's body
                task.lead = list(named[1].lead)
            elif (
                (ctx.normative or _in_rule_article(node, ctx))
                and not _names_doer(node, task, ctx, text)
                and not (
                    ctx.conclusions
                    and (_opens_task(text, ctx) or _under_work_heading(node, ctx.table.rules))
                )
            ):
                before = None
                continue  # a rule of a regulation, not work given to someone
            tasks.append(task)
            before = task
            if node.style != "para" and task.lead:
                named = (node, task)
    return tasks


def letter_requests(root: Node, ctx: TaskContext) -> list[Task]:
    """A letter written in prose, with no item of work: each sentence of its paragraphs that
    asks someone to act ("Do thời gian gấp, trân trọng đề nghị Đồng chí cho ý kiến …",
    "Bộ Nội vụ đề nghị Ban Tuyên giáo … chỉ đạo …") is a task. A thanks or an offer of
    help ("… đề nghị liên hệ …", ``boilerplate``) is not."""
    rules = ctx.table.rules
    asks = re.compile(r"(?<![\wđ])(?:" + Rules.alternation(rules.request_verbs) + r")\s")
    out = []
    for node in root.children:
        if node.style not in ("para", "intro"):
            continue  # ("… cụ thể như sau:" whose items gave no work still asks for it)
        for sentence in re.split(
            r"(?<=[.;])\s+(?=[" + CAPITALS + r"])",
            node.text,
        ):
            key = fold(sentence)
            ask = asks.search(key) or _gives(sentence, key, ctx)
            if not ask or is_boilerplate(sentence, rules) or "liên hệ" in key:
                continue
            if re.search(r"(?<![\wđ])(?:đã|số\s*\d)", key[: ask.start()]):
                continue  # "X có văn bản số 15000 … đề nghị …": another's request, reported
            # read from the request on: the sender who asks ("Bộ X trân trọng đề nghị Quý
            # cơ quan …") is not the doer; "Quý cơ quan", "Đồng chí" are the addressees
            at = re.search(asks.pattern, sentence, re.IGNORECASE)
            task = task_from_text(
                sentence[at.start() if at else 0 :], node, ctx, _evidence(node, ctx.source), []
            )
            task.text = collapse(sentence)
            out.append(task)
    return out


def _gives(sentence: str, key: str, ctx: TaskContext) -> re.Match[str] | None:
    """ "Ủy ban nhân dân tỉnh giao Sở Khoa học và Công nghệ chủ trì …": the sender gives the
    work to a body it names right after "giao" (not "giao thông", not "nhiệm vụ được giao")."""
    for m in re.finditer(r"(?<![\wđ])giao\s++", key):
        if re.search(r"(?<![\wđ])(?:được|đã|bàn|chuyển)\s*+$", key[: m.start()]):
            continue
        found = ctx.table.find(sentence[m.end() : m.end() + 120], ctx.province)
        if found and found[0].start == 0:
            return m
    return None


def _reported(text: str, ctx: TaskContext) -> bool:
    """The text tells what was done ("Chủ trương lớn này đã được … thống nhất", "Việc sắp
    xếp … đã …"): its first sentence says "đã" early, asks no one and opens with no verb of
    work ("Tiếp tục thực hiện các nhiệm vụ đã giao" is work)."""
    sentence = re.split(r"(?<=[.;])\s", text, maxsplit=1)[0]
    # "Đối với hộ kinh doanh đã ngừng hoạt động …, phối hợp …": whom the work is about, said
    # first, describes them; the work comes after
    about = _ABOUT_WHOM.match(fold(sentence))
    sentence = sentence[about.end() :] if about else sentence
    # the bodies' names read as blanks: "Bộ Xây dựng … đã có ý kiến" names no verb of work
    first = blank_spans(match_key(sentence), ctx.table.find(sentence, ctx.province))
    said = re.search(r"^[^.;:]{0,100}?(?<![\wđ])đã(?![\wđ])", first)
    if not said:
        return False
    rules = ctx.table.rules
    asks = Rules.alternation(rules.request_verbs)
    if re.search(rf"(?<![\wđ])(?:{asks}|giao|phải|cần)(?![\wđ])", first):
        return False
    # no verb of work before "đã": "Trực tiếp chỉ đạo … các nhiệm vụ đã được giao" is work
    verbs = Rules.alternation((*rules.task_verbs, *rules.item_verbs))
    before = first[: said.end() - 2]
    for compound in rules.name_compounds:  # "chương trình" is no "trình"
        before = before.replace(compound, "_")
    return not re.search(rf"(?<![\wđ])(?:{verbs})(?![\wđ])", before)


def _boilerplate_sentences(text: str, ctx: TaskContext) -> bool:
    """Every sentence of the text is boilerplate: "Cục Thuế thông báo để các Chi cục Thuế
    khu vực biết, thực hiện. Trong quá trình thực hiện, nếu có vướng mắc, đề nghị phản ánh
    …" (a letter's closing, two sentences)."""
    first = _SENTENCE_END.search(text) if ". " in text else None
    if first is None or not is_boilerplate(text[: first.start() + 1].strip(), ctx.table.rules):
        return False  # most items: one sentence, or a first sentence that is work
    ends = list(_SENTENCE_END.finditer(text))
    bounds = [0, *(m.end() for m in ends)]
    stops = [m.start() + 1 for m in ends] + [len(text)]
    return all(
        is_boilerplate(text[a:b].strip(), ctx.table.rules)
        for a, b in zip(bounds, stops, strict=True)
    )


def _opens_with_work(text: str, ctx: TaskContext) -> bool:
    """The text opens with a verb of work ("Bố trí kinh phí …", "Chỉ đạo …", "cần rà soát
    …"): ``task_verbs`` and ``item_verbs`` in the rules."""
    return bool(derived(ctx.table.rules, work_opening).match(fold(text[:60])))


# an inline list of sub-items: "(1) …; (2) …", "(i) …; (ii) …", "(a) …; (b) …"
_INLINE_MARK = re.compile(r"(?:^|(?<=[\s:;,.]))\((\d{1,2}|[ivx]{1,5}|[a-zđ])\)\s++")
_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")


def inline_items(text: str, ctx: TaskContext) -> tuple[str, list[str]] | None:
    """The head and the sub-items of an item that lists its work inline, each sub-item
    opening with what is to be done or who does it: "Bộ Công an: (1) chủ trì …; (2) hướng dẫn
    …". None when there is no such list; a list of things ("gồm: (1) phân hệ A; (2) …") is
    not split."""
    marks = list(_INLINE_MARK.finditer(text))
    if len(marks) < 2:
        return None
    labels = [m.group(1) for m in marks]
    for series in (
        [str(i) for i in range(1, 100)],
        list(_ROMAN),
        list("abcdđeghiklmnopqrstuvxy"),
        list("abcdefghijklmnopqrstuvwxyz"),
    ):
        if labels == series[: len(labels)]:
            break
    else:
        return None
    ends = [m.start() for m in marks[1:]] + [len(text)]
    items = [
        text[m.end() : e].strip().rstrip(";,").strip() for m, e in zip(marks, ends, strict=True)
    ]
    items = [re.sub(r"\s+(?:và|;)$", "", i) for i in items]
    working = [_opens_with_work(i, ctx) or _opens_with_doer(i, ctx) for i in items]
    if not working[0] or 3 * sum(working) < 2 * len(items):
        return None  # most sub-items, the first among them, open with work or a doer
    return text[: marks[0].start()].strip(), items


def _with_inline_items(
    pieces: list[tuple[str, bool | str]], ctx: TaskContext
) -> list[tuple[str, bool | str, str | None]]:
    """Each piece, or each of its inline sub-items (read with the piece's head, so "Bộ Công
    an: (1) …; (2) …" gives Bộ Công an both): ``(text to read, goes on, task text)``."""
    out: list[tuple[str, bool | str, str | None]] = []
    for text, goes_on in pieces:
        split = inline_items(text, ctx)
        if split is None:
            out.append((text, goes_on, None))
            continue
        head, items = split
        for k, item in enumerate(items):
            out.append((f"{head} {item}".strip(), goes_on if k == 0 else True, item))
    return out


_SENTENCE_BREAK = re.compile(r"(?<=[.;])\s++(?=[^\W\d_])")


_CLAUSE_BREAK = re.compile(r";\s++(?=[^\W\d_])")
# a sentence's end inside an item's paragraph (not "TP. Hồ Chí Minh": a capital after it, and
# a word of two letters or more, or a closing bracket or a number, before it)
_SENTENCE_END = re.compile(r"(?:(?<=[^\W\d_]{2})|(?<=[\d)]))\.\s++(?=[" + CAPITALS + r"])")
# a sentence opening with its topic, then its doer after a comma
_TOPIC_OPENER = re.compile(r"(?:đối với|về)\s")
# "…; chỉ đạo …", "…; đồng thời, chỉ đạo …": in a plan's item the body goes on with its own
# work (one task, as the Đồng Tháp programme's item 4 is read)
_CONNECTIVE_CHI_DAO = re.compile(r"(?:(?:đồng thời|đồng thời,|ngoài ra,|bên cạnh đó,)\s*+)?chỉ đạo")


def _hands_to_a_named_body(clause: str, ctx: TaskContext) -> bool:
    """ "chỉ đạo Ban Cơ yếu Chính phủ …", "chỉ đạo Giám đốc Sở Tài chính …": the clause
    hands work to a party it names, not to a vague group, nor to those who advise the body
    doing the work ("chỉ đạo các ngành chuyên môn tham mưu …")."""
    hand = _CONNECTIVE_CHI_DAO.match(fold(clause[:30]))
    if not hand:
        return False
    rest = clause[hand.end() :]
    found = ctx.table.find(rest[:120], ctx.province)
    if not found or ctx.table.is_vague(found[0].agency):
        return False
    if fold(rest[found[0].end : found[0].end + 20]).lstrip(" ,").startswith("tham mưu"):
        return False  # "chỉ đạo các ngành chuyên môn tham mưu …": they advise; its own work
    # only an office holder's title between: "chỉ đạo Giám đốc Sở X"
    return not ctx.table.blank_titles(match_key(rest[: found[0].start])).strip(" ,")


def _without_topic(text: str) -> str:
    """The text after its topic: "Về đề nghị điều chỉnh quy hoạch …: Bộ Xây dựng …"."""
    topic = TOPIC_LABEL.match(match_key(text))  # the key has the text's length
    return text[topic.end() :] if topic else text


# "Đối với …," opening an item: whom or what the work is about
_ABOUT_WHOM = re.compile(r"\W*+(?:riêng\s++)?đối\s++với\s[^,;:.]{3,150},\s*+")
# an item's topic said first, as a sentence of its own: "Về xây dựng chính quyền số, phục vụ
# người dân."
_RUN_IN_TOPIC_FIRST = re.compile(r"[\W\d]*+về\s[^.;:!?]{3,150}\.\s++")


# a sentence that says only to whom a party answers, and for what: "… chịu trách nhiệm
# (trực tiếp) trước <superior> nếu để …" or "… về <a result>" with nothing after it
_ACCOUNTABLE_ONLY = re.compile(
    r"(?P<party>[^;:]{3,200}?)\schịu\s++trách\s++nhiệm(?:\s++trực\s++tiếp)?\s++trước\s"
    r"[^;:]{3,200}?\s(?:nếu\s[^;:]*+|về\s[^,;:]*+)"
)


def _accountable_only(key: str, ctx: TaskContext) -> bool:
    """Only accountability: the party, and nothing else before it, answers to someone for a
    result or if something goes wrong."""
    m = _ACCOUNTABLE_ONLY.fullmatch(key)
    if m is None:
        return False
    party = m.group("party")
    found = ctx.table.find(party, ctx.province)
    # nothing but the party before it: not "… phân công lãnh đạo phụ trách, chịu trách nhiệm …"
    return bool(found) and not party[found[-1].end :].strip(" ,")


def other_doers(text: str, ctx: TaskContext, node_para: bool = False) -> list[tuple[str, bool]]:
    """An item split where, after a ";", another body is given work of its own: "Bộ Công an
    chỉ đạo …; Bộ Quốc phòng chỉ đạo …" is two tasks. A body that only helps ("…; Sở X phối
    hợp") stays with the item."""
    if ";" not in text and ". " not in text:
        return [(text, False)]
    topic = _RUN_IN_TOPIC_FIRST.match(fold(text))
    if topic and _doer_clause(text[topic.end() :], ctx):
        # "1. Về công tác tuyên truyền. Các chi bộ trực thuộc tổ chức …": a run-in topic,
        # then the work
        return other_doers(text[topic.end() :], ctx, node_para)
    # "… . Ủy ban nhân dân tỉnh Đồng Nai chủ trì …; Ủy ban nhân dân thành phố Đà Nẵng …"
    breaks = sorted(
        [*_CLAUSE_BREAK.finditer(text), *_SENTENCE_END.finditer(text)], key=lambda m: m.start()
    )
    cuts = [
        m
        for m in breaks
        if _doer_clause(text[m.end() :], ctx, text[: m.start()])
        # "…; chỉ đạo các ngành chuyên môn tham mưu …" goes on with the body's own work (one
        # task, as the Đồng Tháp programme's item 4 is read); a sentence "…. Chỉ đạo Sở X chủ
        # trì …" hands work on
        and not (
            m.group()[0] == ";"
            and _CONNECTIVE_CHI_DAO.match(fold(text[m.end() : m.end() + 30]))
            # "…; chỉ đạo Ban Cơ yếu Chính phủ bảo đảm …" names a body of its own
            and not _hands_to_a_named_body(text[m.end() :], ctx)
        )
    ]
    if not cuts:
        return [(text, False)]
    first = parse_assignment(text[: cuts[0].start()], ctx.table, ctx.province).lead
    if not first:
        # "Đảng ủy lãnh đạo Ủy ban nhân dân xã xây dựng …": a subject no table names (a Party
        # committee in its own document), handing its work to a body: that body does it
        bare = _BARE_SUBJECT_HANDS_ON.match(text[: cuts[0].start()])
        named = ctx.table.find(text[bare.end() : cuts[0].start()], ctx.province) if bare else []
        if named and named[0].start == 0 and named[0].agency.kind != "person":
            first = [named[0].agency]
    if (
        not first
        and cuts[0].group()[0] == "."
        and _A_STATEMENT.search(fold(text[: cuts[0].start()]))
    ):
        # "Xác định nâng cao nhận thức là nhiệm vụ then chốt. Phòng Văn hóa - Xã hội chủ trì
        # …": a principle said first, with no doer, then the work: the task is the work
        return other_doers(text[cuts[0].end() :], ctx, node_para)
    if not first and node_para and any(m.group()[0] == "." for m in cuts):
        # a paragraph of running prose under a topic ("Tổ chức học tập … . Ban Tuyên giáo
        # chủ trì …"): one task per sentence that gives work, the first one the heading's
        # when it opens with work (an account of what was done before the work is none)
        sentences = [m for m in cuts if m.group()[0] == "."]
        bounds = [0, *(m.end() for m in sentences)]
        ends = [m.start() + 1 for m in sentences] + [len(text)]
        pieces = [(text[a:b].strip(), False) for a, b in zip(bounds, ends, strict=True)]
        return pieces if _opens_with_work(text, ctx) else pieces[1:]
    if not first or _only_addressees(text[: cuts[0].start()], ctx):
        # the first clause names no doer, or names only whom the item is for ("Thủ trưởng
        # các sở, ban, ngành tỉnh; Chủ tịch … các xã …"): one item of work
        return [(text, False)]
    # "…; trên cơ sở đó, Tỉnh nghiên cứu …": the same body goes on, one item
    kept: list[re.Match[str]] = []
    for m in cuts:
        start = kept[-1].end() if kept else 0
        # "Văn phòng X tham mưu …. Văn phòng X chủ trì …": a sentence that names its doer
        # again gives work of its own, as another body's would
        if m.group()[0] == "." or _another_doer(text[start : m.start()], text[m.end() :], ctx):
            kept.append(m)
    cuts = kept
    if not cuts:
        return [(text, False)]
    bounds = [0, *(m.end() for m in cuts)]
    ends = [m.start() + 1 for m in cuts] + [len(text)]
    return [(text[a:b].strip(), False) for a, b in zip(bounds, ends, strict=True)]


# a subject of one to three words, the first capitalised, that the table does not name ("Đảng
# ủy"), then "lãnh đạo" or "chỉ đạo" and the body it hands its work to
_BARE_SUBJECT_HANDS_ON = re.compile(
    r"\W*+[" + CAPITALS + r"][^\W\d_]*+(?:\s++[^\W\d_]++){0,2}\s++(?:lãnh đạo|chỉ đạo)\s++"
)
# a sentence that says what something is ("… là nhiệm vụ then chốt", "… là chủ thể …"): a
# statement, not work
_A_STATEMENT = re.compile(r"(?<![\wđ])là(?![\wđ])")


def _says_what_its_doer_is(sentence: str, ctx: TaskContext) -> bool:
    """A sentence that only says what its subject is: "Văn phòng Trung ương Đảng là cơ quan
    đầu mối về lưu trữ điện tử." (a definition; no verb of work after a comma)."""
    found = ctx.table.find(sentence[:160], ctx.province)
    if not found or sentence[: found[0].start].strip(" -–+*•"):
        return False
    rest = fold(sentence[found[0].end :])
    return bool(_IT_IS.match(rest)) and "," not in rest and ";" not in rest


# "… là cơ quan đầu mối …", "… là đơn vị thường trực …": what the subject is
_IT_IS = re.compile(r"\s*+là\s++(?:cơ\s++quan|đơn\s++vị|đầu\s++mối|bộ\s++phận)(?![\wđ])")


def _only_addressees(clause: str, ctx: TaskContext) -> bool:
    """The clause is bodies (office holders blanked) and nothing else: no work in it."""
    key = ctx.table.blank_titles(match_key(clause))
    rest = blank_spans(key, ctx.table.find(clause, ctx.province))
    return not re.search(r"[^\W\d_]{2,}", re.sub(r"(?<![\wđ])(?:và|các)(?![\wđ])", " ", rest))


def _another_doer(before: str, clause: str, ctx: TaskContext) -> bool:
    """The clause gives work to a body the text before it does not already name as doer."""
    had = {a.name for a in parse_assignment(before, ctx.table, ctx.province).lead}
    now = {a.name for a in parse_assignment(clause, ctx.table, ctx.province).lead}
    return bool(now - had) or not had


def _clause_patterns(rules: Rules) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """For :func:`_doer_clause`, compiled once per rules: work handed on ("…. Chỉ đạo Sở X
    chủ trì …", also after a connective: "…; đồng thời chỉ đạo Bộ Tài chính chủ trì …", read
    before a framing phrase would take everything up to the comma after it), a framing
    phrase up to its comma, and a purpose word."""
    framing = Rules.alternation(rules.framing_openers)
    hand_on = re.compile(
        rf"\s*+(?:(?:{framing})\s*+,?\s*+)?(?:giao|chỉ đạo|"
        + Rules.alternation(rules.request_verbs)
        + r")\s++"
    )
    framed = re.compile(rf"(?:{framing})[^,]{{0,60}}?,\s*+")
    purpose = re.compile(r"(?:" + Rules.alternation(rules.purpose_words) + r")\s")
    return hand_on, framed, purpose


def _doer_clause(rest: str, ctx: TaskContext, before: str = "") -> bool:
    """The clause opens with a body given work of its own ("Bộ Quốc phòng chỉ đạo …"), not
    one that only helps ("Sở X phối hợp …"; after "Bộ Y chủ trì …" in ``before``, the text
    before the clause, "Sở X phối hợp cung cấp …" too)."""
    rest = rest[:200]
    hand_on, framed, purpose = derived(ctx.table.rules, _clause_patterns)
    given = hand_on.match(fold(rest[:60]))
    if not given:
        framing = framed.match(fold(rest[:80]))
        if framing:  # "…; trên cơ sở đó, Bộ Xây dựng ban hành …"
            rest = rest[framing.end() :]
        elif purpose.match(fold(rest)):
            # ". Để hình thành hành lang …, Ủy ban nhân dân tỉnh Gia Lai phối hợp …"
            for comma in re.finditer(r",\s*+", rest[:180]):
                if _opens_with_doer(rest[comma.end() :], ctx):
                    rest = rest[comma.end() :]
                    break
        given = hand_on.match(fold(rest[:60]))
    if given:  # "…; giao Ủy ban nhân dân các xã tạo điều kiện …": given work, any verb
        rest = rest[given.end() :]
        named = ctx.table.find(rest[:120], ctx.province)
        # an office holder before the body stands for it: "Yêu cầu Chủ tịch Ủy ban nhân dân
        # các xã …"
        titled = bool(named) and not ctx.table.blank_titles(
            match_key(rest[: named[0].start])
        ).strip(" ,")
        if not (named and titled and named[0].agency.kind != "person"):
            return False
    elif not _opens_with_doer(rest, ctx):
        return False
    found = ctx.table.find(rest[:120], ctx.province)
    after = fold(rest[found[0].end : found[0].end + 30]) if found else ""
    if given and _ASKED_TO_HELP_WITH_WORK.match(after):
        # "…; đề nghị Ủy ban nhân dân các xã phối hợp cung cấp số liệu …": asked for work of
        # its own, named by its verb
        return True
    # "Sở X phối hợp." helps; "Sở X phối hợp với Sở Y nghiên cứu …" does the work, and so
    # does "Sở X phối hợp bố trí kinh phí …", work the sentence names
    helps = re.match(r"(?:phối hợp|tham gia)(?!\s++(?:chặt chẽ\s++)?(?:với|cùng)\s)\s*+", after)
    if helps is None:
        return True
    led = re.search(r"(?<![\wđ])chủ\s++trì(?![\wđ])", fold(before))
    return not led and _work_of_its_own(rest[found[0].end :] if found else "", ctx)


def _work_of_its_own(clause: str, ctx: TaskContext) -> bool:
    """After a body, "phối hợp" and a verb of work with what it works on ("phối hợp bố trí
    mặt bằng, nguồn điện …"): work of its own. A hand in the work before ("phối hợp thực
    hiện.", "phối hợp thẩm định.") is not."""
    key = fold(re.split(r"[.;]", clause, maxsplit=1)[0]).strip()
    m = re.match(r"phối\s++hợp\s++", key)
    if m is None or _HAND_ONLY.match(key, m.end()):
        return False
    verb = derived(ctx.table.rules, work_opening).match(key, m.end())
    return verb is not None and len(key[verb.end() :].split()) >= 2


# after "phối hợp": a hand in the work, no work of its own
_HAND_ONLY = re.compile(r"(?:thực hiện|triển khai|tham gia|thực|trong|theo)(?![\wđ])")
_ASKED_TO_HELP_WITH_WORK = re.compile(
    r"phối hợp\s++(?!(?:với|cùng|chặt|thực hiện|triển khai|tham gia|thực|trong|theo)(?![\wđ]))"
    r"[a-zđ\u00c0-\u1ef9]"
)


# "Chủ trì, phối hợp với …", "Phối hợp với …": a sentence that opens so gives work of its
# own, in any item (other verbs split an item's sentences only in a paragraph) ...
_LEADS_OR_HELPS = re.compile(r"(?:chủ trì\s*+,?\s*+)?phối hợp\s++(?:với|cùng)\s|chủ trì\s")
# ... done by the body the item's first sentence opened with: such a piece's mark, where
# others carry True (the doer of the sentence before) or False (a doer of its own)
_SAME_DOER = "same doer"


def assignments_in(
    text: str, ctx: TaskContext, by_verb: bool = True
) -> list[tuple[str, bool | str]]:
    """The tasks of one item of a conclusions notice, each with whether it goes on with the
    doer of the one before.

    A later sentence that opens by giving work to another body ("… . Giao Bộ Tài chính …",
    "; đề nghị Ủy ban nhân dân tỉnh …") is a task of its own; so is a sentence that opens,
    after a framing phrase ("Trong thời gian tới, Tỉnh tổ chức …"), with a body doing
    something, or with a verb of work ("Tập trung ưu tiên …", "Đồng thời, tổ chức lại …"),
    done by the body before it. Other sentences stay with the one before them.
    """
    rules = ctx.table.rules
    opener = re.compile(r"(?:giao|" + Rules.alternation(rules.request_verbs) + r")\s")
    framing = re.compile(r"(?:" + Rules.alternation(rules.framing_openers) + r")[^,]{0,60}?,\s*")
    verb = re.compile(
        r"(?:" + Rules.alternation((*rules.task_verbs, *rules.item_verbs)) + r")(?![\wđ])"
    )
    pieces: list[tuple[int, bool | str]] = [(0, False)]
    for m in _SENTENCE_BREAK.finditer(text):
        head = fold(text[m.end() :][:80])
        speaker = SPEAKER_ALONE.match(head)  # "…. Bộ giao Vụ Pháp chế …": the issuer, short
        if opener.match(head, speaker.end() if speaker else 0):
            # "…. Đề nghị Tập đoàn nghiên cứu …": a request of its own; naming no body the
            # tables know, it is made of the doer of the sentence before
            pieces.append((m.end(), text[m.start() - 1] == "."))
            continue
        if text[m.start() - 1] != ".":
            # after ";" a new request starts a task, or another body given work of its own
            # (not the same body going on: "…; trên cơ sở đó, Tỉnh nghiên cứu …")
            before = text[pieces[-1][0] : m.start()]
            if (
                _doer_clause(text[m.end() :], ctx, before)
                and _another_doer(before, text[m.end() :], ctx)
                and not _only_addressees(before, ctx)  # "Thủ trưởng các sở …; Chủ tịch …"
            ):
                pieces.append((m.end(), False))
            continue
        rest = framing.match(head)
        at = rest.end() if rest else 0
        if head.startswith("chỉ đạo ") and _doer_clause(text[m.end() :], ctx):
            # "…. Chỉ đạo Sở Tài chính chủ trì …": the work handed on to a body of its own
            pieces.append((m.end(), False))
            continue
        if opens := verb.match(head, at):
            helps = _LEADS_OR_HELPS.match(head, at)
            if (by_verb or helps) and len(
                re.split(r"[.;]", head[opens.end() :], maxsplit=1)[0].split()
            ) > 2:
                # "… . Bố trí máy bay …": the same doer's next task ("Thực hiện thường
                # xuyên." says when the one before is done)
                pieces.append((m.end(), True if by_verb else _SAME_DOER))
        elif _opens_with_doer(text[m.end() + at : m.end() + at + 200], ctx):
            pieces.append((m.end(), False))
        elif _TOPIC_OPENER.match(head) and any(
            _opens_with_doer(text[m.end() + c.end() : m.end() + c.end() + 200], ctx)
            for c in re.finditer(r",\s*+", text[m.end() : m.end() + 160])
        ):
            pieces.append((m.end(), False))  # "Đối với 29 điểm …, đường …, Ủy ban nhân dân tỉnh …"
    if len(pieces) < 2:
        return [(text, False)]
    ends = [a for a, _ in pieces[1:]] + [len(text)]
    out: list[tuple[str, bool | str]] = []
    for (a, goes_on), b in zip(pieces, ends, strict=True):
        piece = text[a:b].strip()
        if out and not goes_on and not parse_assignment(piece, ctx.table, ctx.province).lead:
            out[-1] = (f"{out[-1][0]} {piece}", out[-1][1])
        else:
            out.append((piece, goes_on))
    return out


def _a_statement(text: str, ctx: TaskContext) -> bool:
    """A piece of a letter's item that gives no work: it names no doer, does not open with a
    verb of work and asks no one to act."""
    rules = ctx.table.rules
    asks = re.compile(r"(?<![\wđ])(?:giao|" + Rules.alternation(rules.request_verbs) + r")\s")
    verbs = re.compile(r"(?:" + Rules.alternation(rules.item_verbs) + r")(?![\wđ])")
    return not (
        _opens_task(_without_topic(text), ctx)  # "Về đào tạo: Phối hợp với …" is work
        or verbs.match(fold(_without_topic(text)))  # "Kiện toàn Tổ công nghệ số …. Chủ trì …"
        or asks.search(fold(text))
        or parse_assignment(text, ctx.table, ctx.province).lead
    )


def _opens_task(sentence: str, ctx: TaskContext) -> bool:
    """The sentence opens, after a framing phrase, with a body doing something or with a verb
    of work."""
    rules = ctx.table.rules
    head = fold(sentence[:80])
    if re.search(r"(?<![\wđ])đã(?![\wđ])", head):
        return False  # "…, Bộ X trong thời gian ngắn đã tích cực …": work done, reported
    framing = re.match(
        r"(?:" + Rules.alternation(rules.framing_openers) + r")[^,]{0,60}?,\s*", head
    )
    at = framing.end() if framing else 0
    if re.match(r"(?:" + Rules.alternation(rules.task_verbs) + r")(?![\wđ])", head[at:]):
        return True
    return _opens_with_doer(sentence[at:], ctx)


def _opens_with_doer(sentence: str, ctx: TaskContext) -> bool:
    """The sentence's subject is a body, followed by what it is to do ("Tỉnh tổ chức …")."""
    found = ctx.table.find(sentence[:120], ctx.province)
    # "Tỉnh tổ chức …": a notice to a province names it as "Tỉnh" (see assignment)
    bare = (
        re.match(r"(?:Tỉnh|Thành phố)\s++(?=[" + SMALL + "])", sentence) if ctx.province else None
    )
    if bare:
        end = bare.end()
    elif (
        not found
        or found[0].agency.kind == "person"
        # an office holder before the body stands for it: "Bộ trưởng Bộ Y tế chỉ đạo …"
        or ctx.table.blank_titles(match_key(sentence[: found[0].start])).strip(" ,")
    ):
        return False
    else:
        end = found[0].end
        short = _SHORT_NAME_AFTER.match(sentence, end)
        end = short.end() if short else end  # "Cục Thông tin, Thống kê (Bộ KH&CN) có …"
    after = fold(sentence[end : end + 40])
    r = ctx.table.rules
    # "Bộ Tài chính giao Vụ X chủ trì …": a body handing work on opens a task too
    verbs = Rules.alternation((*r.task_verbs, *r.request_verbs, *r.item_verbs, "giao", "chủ trì"))
    adverbs = r"(?:(?:cần|phải|sẽ|sớm|đồng thời|kịp thời|có trách nhiệm)\s+)*"
    if re.match(adverbs + r"(?:" + verbs + r")(?![\wđ])", after):
        return True
    # "Công đoàn Dầu khí Việt Nam phát động …", "Các đơn vị thành viên trích lập …": a verb
    # no list holds, in a sentence of its own that goes on to its object
    if (
        _ANY_VERB_AFTER.match(after)
        and not _NOT_WORK_AFTER.match(after)
        and sentence[found[0].start : found[0].start + 1].isupper()
        and len(sentence[end:].split()) >= 5
        # "… tiếp nhận, giải quyết 14.256 hồ sơ": a count says what was done
        and not re.search(r"\d", " ".join(sentence[end:].split()[:8]))
    ):
        return True
    # "Công an tỉnh phối hợp với Sở X kiểm tra …", "Sở Tài chính phối hợp bố trí kinh phí …":
    # the body cooperates in work the sentence names; "Sở Tài chính phối hợp." alone is the
    # cooperating part of the work before
    if not re.match(r"phối\s+hợp(?![\wđ])", after):
        return False
    clause = sentence[end : end + 200].lstrip()
    with_whom = re.match(r"phối\s++hợp\s++(?:chặt\s++chẽ\s++)?(?:với|cùng)\s", fold(clause))
    if with_whom:  # "… phối hợp với Sở X kiểm tra …": the work after those it works with
        return bool(re.search(r"(?<![\wđ])(?:" + verbs + r")(?![\wđ])", fold(clause)))
    return _work_of_its_own(clause, ctx)


# a word in small letters right after the body (its verb, when it is none of those below)
_ANY_VERB_AFTER = re.compile(r"[" + SMALL + r"]")
_NOT_WORK_AFTER = re.compile(
    r"(?:là|đã|được|bị|đang|chưa|không|cũng|vẫn|thì|và|với|của|tại|trong|theo|thuộc|ở|về|"
    r"cho|nào|này|đó|trên|dưới|có|nhận|gồm|bao gồm|vừa|mới|từng|hiện|nay|ngày|năm|tháng|"
    r"tỉnh|thành phố|xã|phường|huyện|các|những|số|khu vực|cấp|ban|phòng|đơn vị|cơ quan)(?![\wđ])"
)
# a body's short name or owner in brackets after it: "Cục Thông tin, Thống kê (Bộ KH&CN)"
_SHORT_NAME_AFTER = re.compile(r"\s*+\([^()]{1,40}\)")


def _names_doer(node: Node, task: Task, ctx: TaskContext, text: str | None = None) -> bool:
    """The item (or the responsibility heading above it) says who does the work."""
    if not task.lead:
        return False
    heads = ctx.table.rules.responsibility_headings
    if any(
        a.style in ("article", "chapter", "part", "section") and fold(a.text).startswith(heads)
        for a in node.ancestors()
    ):
        return True  # "Điều 12. Trách nhiệm của …", "Chương III. TRÁCH NHIỆM CỦA CÁC CƠ QUAN"
    own = parse_assignment(text or node.text, ctx.table, ctx.province)
    if own.cue == "subject" and not ctx.conclusions:
        # a regulation's rule whose subject no table knows ("Hội đồng … thẩm định …") states
        # how a thing is done; a notice's conclusion so worded gives work
        own = Assignment()
    if own.lead and (own.explicit or own.cue):
        return True
    return any(
        (a.style != "article" or _party_heading(a, ctx))
        and parse_assignment(a.text, ctx.table, ctx.province).lead
        for a in node.ancestors()
    )


def _party_heading(node: Node, ctx: TaskContext) -> bool:
    """An article headed by the party whose duties it lists, and nothing else: "Điều 12.
    Văn phòng Trung ương Đảng", "Điều 14. Cấp ủy, tổ chức đảng các cấp"."""
    if _committee_heading(node.text, ctx.table) is not None:
        return True  # "Điều 6. Bí thư Đảng ủy"
    found = ctx.table.find(node.text, ctx.province)
    if not found:
        return False
    # "Điều 6. Bí thư Đảng ủy": an office holder stands for the body (titles blanked)
    if ctx.table.blank_titles(match_key(node.text))[: found[0].start].strip(" *"):
        return False
    # "Điều 7. Phó Bí thư Thường trực Đảng ủy (đồng chí Lưu Thị Hằng)": who holds it, or a
    # note in brackets at the end
    return not _BRACKETS_AT_END.sub("", node.text[found[-1].end :]).strip(" .:*")
