"""Who does a piece of work: lead (chủ trì), cooperating (phối hợp), delegation chain.

The shapes, in the order they are tried:

* a label: ``(Cơ quan tham mưu: Sở Tài chính; thời gian: …)``, ``Cơ quan chủ trì: …``;
* ``X chủ trì, phối hợp với Y …`` and ``X: chủ trì, phối hợp …``;
* ``Giao X …``;
* a delegation chain at the start: ``Đảng ủy UBND tỉnh chỉ đạo UBND tỉnh chỉ đạo Sở X tổ chức …``
  (the doer is the last body; the chain is the route);
* an addressee at the start: ``Sở Tài chính bảo đảm …``, ``Ban Tuyên giáo …: tăng cường …``;
* an addressee after ``yêu cầu`` / ``đề nghị`` in an introductory sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..schema.model import Agency
from .agencies import (
    CITIES,
    PROVINCE_NAMES,
    AgencyMatch,
    AgencyTable,
    members_in_brackets,
    renamed,
)
from .memo import remembered_readings
from .rules import Rules, derived, work_opening
from .textnorm import CAPITALS, SMALL, fold, match_key

# ("Sở Văn hóa, Thể thao và Du lịch/Sở Văn hóa và Thể thao": either of two bodies, "/")
_SEP = re.compile(r"^(?:\s|,|;|:|&|/|\bvà\b|\bvới\b|-|\([^()]{0,120}\))*$")
# adverbs of a direction's verb ("trực tiếp chỉ đạo"), part of no party's name
_DIRECTION_ADVERBS = "trực tiếp|quan tâm|tiếp tục|kịp thời|thường xuyên"
# one step of "X chỉ đạo Y": possessive (*+) so a run of spaces is scanned once
_CHAIN_STEP = re.compile(
    r"\s*+(?:\([^()]*+\)\s*+)?:?\s*+"
    # "Sở X căn cứ diễn biến của bão, lũ chỉ đạo Y …": what the body goes by, then the step
    r"(?:(?:căn cứ|tùy theo|tuỳ theo)\s[^.;:()]{3,80}?,?\s++(?=(?:trực tiếp\s++)?chỉ đạo\s))?"
    # "trực tiếp chỉ đạo", "quan tâm chỉ đạo", "tiếp tục chỉ đạo", "kịp thời chỉ đạo"
    rf"(?:(?:{_DIRECTION_ADVERBS})\s++)?"
    r"(?:(?:lãnh đạo|chỉ đạo|chủ trì)(?:\s*+,\s*+|\s++và\s++))?"
    r"(chỉ đạo|lãnh đạo|giao)\s+"
)
_PLURAL = re.compile(r"(?:các|những)\s++")
# after the body a holder directs, a comma and a word in small letters: more of the holder's
# own work, not the directed body's
_MORE_WORK_AFTER = re.compile(r"[ \t]*+,[ \t]*+[" + SMALL + "]")
# a notice's item opening with its topic, on the key: "Về dự án …: ", "Đối với …: "
TOPIC_LABEL = re.compile(r"\W*+(?:về|đối với)\s[^:]{3,250}?:\s*+(?=\S)")
# an office holder's own name after the title: "Phó Thủ tướng Chính phủ Trần Hồng Hà chỉ đạo
# Bộ Xây dựng …" (read on the text: a name is words in capitals)
# a person's name: two to five capitalised words ("Nguyễn Văn Tài")
_A_NAME = r"(?:[" + CAPITALS + r"][^\W\d_]*+\s++){1,4}[" + CAPITALS + r"][^\W\d_]*+"
# "Đồng chí Nguyễn Văn Tài, …": a comrade named before the titles
_COMRADE_NAMED = re.compile(rf"\W*+(?i:đồng\s++chí)\s++{_A_NAME}\s*+[-–,]\s*+")
# what follows a comrade's titles when they are the subject of work, not of a description
# ("…, là cán bộ thuộc diện …", "… nhiệm kỳ 2025-2030, nếu …")
_DOES_WORK = re.compile(r"\s*+(?:chỉ đạo|chủ trì|phụ trách|trực tiếp|theo dõi|lãnh đạo)(?![\wđ])")
# after "giao" and a holder's blanked titles: the few words left of the body they stand for,
# then the holder's direction ("… Đảng ủy chỉ đạo …", "… trực tiếp chỉ đạo …")
_BARE_HOLDER = re.compile(r"[^\W\d_][^.;:,()]{0,40}?(?=\s++(?:trực tiếp\s++)?chỉ đạo\s)")
# a seat in a body, not its office: "Ủy viên Ban Thường vụ", "Thành viên Ban Chỉ đạo"
_MEMBER_TITLE = re.compile(r"(?:ủy|uỷ|thành)\s++viên\s*+$")
_AFTER_SEAT = re.compile(r"\s*+,\s*+")
# after a holder's name, the dash or comma before the title: "đồng chí Trần Văn Hùng - Phó
# Chủ tịch UBND tỉnh", "đồng chí Lê Văn Nam, Giám đốc Sở Tài chính"
_NAME_THEN_TITLE = re.compile(rf"\s++{_A_NAME}\s*+[-–,]\s*+")
_HOLDERS_NAME = re.compile(rf"\s++{_A_NAME}(?=\s)")
# the labels that give work to whoever follows: "Giao …", "Phân công đồng chí …"
_GIVES = ("giao", "phân công")
# "đồng chí" and nothing but blanked titles after it, on the key: "Đồng chí Phó Giám đốc Sở …"
_COMRADE_TITLED = re.compile(r"[\W\d]*+(?:giao\s++)?đồng\s++chí(?=\s)[ \t]*+")
# an item with no subject that hands its work on: "Chỉ đạo X …", "Lãnh đạo, chỉ đạo X …",
# "Chỉ đạo, hướng dẫn X …", "Phối hợp với Sở Y chỉ đạo X …" (X does it; the heading's body
# is the route)
_SUBJECTLESS_CHAIN = re.compile(
    r"\W*+(?:(?P<with>phối\s+hợp(?:\s+(?:với|cùng))?\s+)[^.;:]{3,120}?\s)?"
    r"(?:lãnh đạo\s*+(?:,\s*+|và\s++))?(?P<verb>chỉ đạo|giao|lãnh đạo)"
    r"(?:\s*+(?:,\s*+|và\s++)(?:hướng dẫn|đôn đốc))?\s+"
)
_PERSON = re.compile(
    r"(?i:đồng chí)\s+((?:[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ-Ỹ][\w]*\s+){1,4}[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ-Ỹ][\w]*)"
)
_LABEL = re.compile(
    r"(?:cơ quan|đơn vị)\s+(?:tham mưu|chủ trì|thực hiện|đầu mối)\s*:\s*|chủ trì\s*:\s*|giao\s+(?=\S)"
    # "Phân công đồng chí …" (the title blanked: a run of spaces) gives work as "Giao" does
    r"|phân công\s{6,}(?=\S)"
    r"|\(\s*+thực hiện\s*:\s*"  # "(Thực hiện: Đảng ủy các xã, phường; thời gian: …)"
)


_HELPS = re.compile(r"\s++phối\s+hợp(?=\s*+(?:[;,.)]|thực\s+hiện|triển\s+khai|$))")


def _cooperate(rules: Rules) -> re.Pattern[str]:
    """ "phối hợp (chặt chẽ) với", "chủ trì cùng": the cooperating bodies follow
    (``cooperation_adverbs`` in the rules)."""
    how = Rules.alternation(rules.cooperation_adverbs)
    return re.compile(rf"(?:phối\s+hợp(?:\s+(?:{how}))?|chủ\s+trì\s+cùng)(?:\s+(?:với|cùng))?\s+")


@dataclass
class Assignment:
    lead: list[Agency] = field(default_factory=list)
    cooperating: list[Agency] = field(default_factory=list)
    chain: list[Agency] = field(default_factory=list)  # delegation route, first to doer
    cue: str | None = None
    explicit: bool = False  # named in the text itself (not inherited)


def _runs(text: str, matches: list[AgencyMatch], start: int) -> list[AgencyMatch]:
    """The agencies that follow ``start`` with only separators between them."""
    out: list[AgencyMatch] = []
    pos = start
    for m in matches:
        if out and m.start == out[-1].start:
            out.append(m)  # one name standing for several bodies ("… các tỉnh: A, B và C")
            pos = max(pos, m.end)
            continue
        if m.end <= pos:
            continue
        if out and m.start > pos and _OPEN_PAREN.fullmatch(text, pos, m.start):
            close = _CLOSE_PAREN.match(text, m.end)
            if close:  # "Tập đoàn … (TKV), Tổng công ty Đông Bắc": the short name of the last
                pos = close.end()
                continue
        if m.start > pos and not _SEP.match(text[pos : m.start]):
            break
        out.append(m)
        pos = m.end
    return out


_OPEN_PAREN = re.compile(r"\s*+\(\s*+")
# the last bracket of an item, nothing but its full stop after it
_CLOSING_BRACKET = re.compile(r"\([^()]{3,200}\)[\s.;,]*+$")
# what the bodies opening such a bracket do: the item's work ("tham mưu", "thực hiện")
_BRACKET_DOER_VERB = re.compile(
    r"\s++(?:tham\s++mưu|thực\s++hiện|phụ\s++trách|theo\s++dõi|đảm\s++nhiệm|đảm\s++nhận"
    r"|chịu\s++trách\s++nhiệm)(?![\wđ])"
)
_CLOSE_PAREN = re.compile(r"\s*+\)")
# between two bodies, a dash and a title (blanked: office_titles): the same holder's next
# post ("… tỉnh - Trưởng Ban …")
_DASH = re.compile(r"\s*+[-–]\s*+")


def _runs_before(text: str, matches: list[AgencyMatch], end: int) -> list[AgencyMatch]:
    """The agencies that end at ``end`` with only separators between them; a ";" ends the
    run ("… tại các địa phương; Ủy ban nhân dân các tỉnh chủ trì": the clause before is
    another one)."""
    out: list[AgencyMatch] = []
    pos = end
    for m in reversed(matches):
        if m.end > pos:
            continue
        gap = text[m.end : pos]
        if not _SEP.match(gap) or ";" in re.sub(r"\([^()]*\)", "", gap):
            break
        out.insert(0, m)
        pos = m.start
    return out


def dedupe(agencies: list[Agency]) -> list[Agency]:
    seen: set[str] = set()
    out = []
    for a in agencies:
        if a.shown not in seen:  # "Công an tỉnh A" and "… tỉnh B" are two
            seen.add(a.shown)
            out.append(a)
    return out


def persons(text: str) -> list[Agency]:
    return [
        Agency(m.group(1).strip(), "unknown", None, "person", None, m.group(0))
        for m in _PERSON.finditer(text)
    ]


# what follows "X đề nghị" when those asked are the letter's addressees: "… như sau:", "…:",
# "Quý cơ quan …", "đồng chí …"
_ASKS_THE_ADDRESSEES = re.compile(
    r"\s*+(?:(?:kính|trân trọng)\s++)?đề nghị\s*+(?::|như sau|quý\s|(?:các\s++)?đồng chí\s|$)"
)
# "Ban thường vụ cấp ủy cấp tỉnh có trách nhiệm …", "Trung tâm có nhiệm vụ …" (at most 12 words)
# the words that state a duty; "phải" too, except in "<subject> có trách nhiệm …" (_DUTY_OF)
_DUTIES = "có trách nhiệm|chịu trách nhiệm|có nhiệm vụ"
_DUTIES_OR_MUST = _DUTIES + "|phải"
# a word in small letters after a kind of staff: their post ("chủ nhiệm các lớp", "thư viện")
_SMALL_WORD = re.compile(rf"[ \t]++[{SMALL}][^\s,;:.()]*+")


def _staff_post(text: str, pos: int, rules: Rules) -> int | None:
    """Where the post after a kind of staff ends, when up to three words in small letters
    and then a verb of work follow ("Giáo viên chủ nhiệm| các lớp| cập nhật …"); else None."""
    for _ in range(4):
        if derived(rules, work_opening).match(fold(text[pos : pos + 40]).lstrip()):
            return pos
        word = _SMALL_WORD.match(text, pos)
        if word is None or fold(word.group().strip()) in rules.name_stop_words:
            return None
        pos = word.end()
    return None


_DUTY_OF = re.compile(
    r"^[\W\d]*+(?P<who>(?:[^\s,;:.()]++\s++){0,11}?[^\s,;:.()]++)\s++"
    rf"(?P<duty>{_DUTIES})(?![\wđ])",
    re.IGNORECASE,
)
# "… do <body> thực hiện": the doer of work named before it
_DONE_BY = re.compile(r"(?<![\wđ])do\s++")
_DONE_BY_VERB = re.compile(
    r"\s++(?:trực tiếp\s++)?(?:thực hiện|chủ trì|đảm nhiệm|đảm nhận|phụ trách|tổ chức thực hiện)"
    r"(?![\wđ])"
)
# a subject of up to twelve words with commas in it, then a duty: "Cơ quan, tổ chức đảng phải …"
_LISTED_DUTY = re.compile(
    r"[\W\d]*+(?P<who>(?:[^\s;:.()]++\s++){0,11}?[^\s,;:.()]++)\s++"
    rf"(?:{_DUTIES_OR_MUST})(?![\wđ])",
    re.IGNORECASE,
)
# the rest of a heading whose subject is a group: lower-case words that go on describing it,
# then a note in brackets, "có trách nhiệm" or a colon, and nothing else
_WHOLE_SUBJECT = re.compile(
    r"(\s++[" + SMALL + r"][^,;:.()\n]{0,120}?)??\s*+"
    r"(?:\([^()]*+\)\s*+:?|(?:có|chịu)\s++trách\s++nhiệm\s*+:?|:)\s*+"
)


def _work_words(rules: Rules) -> re.Pattern[str]:
    """Words that make a heading's tail what the group does, not what it is ("… phối hợp
    thực hiện các nội dung sau:")."""
    verbs = (v for v in rules.task_verbs if v != "tổ chức")  # "chủ rừng là tổ chức": a noun
    words = (*verbs, "thực hiện", "chủ trì", "như sau", "nội dung", "nhiệm vụ")
    return re.compile(rf"(?<![\wđ])(?:{Rules.alternation(words)})(?![\wđ])")


_RESPONSIBLE_OF = re.compile(
    r"\W*+(?:về\s++)?(?:(?:trách nhiệm|nhiệm vụ|quyền hạn|trách nhiệm thi hành)(?:\s*+(?:,|và)\s*+)?)++"
    r"\s*+(?:(?:chung|cụ thể)\s++)?(?:của|đối với)\s++|\W*+(?:đối với|về phía)\s++"
    # "Yêu cầu chung đối với thủ trưởng các đơn vị": what is asked of a party, not the
    # purpose section's "Yêu cầu" ("Yêu cầu của Bộ trưởng" is the speaker's, no heading)
    r"|\W*+(?:các\s++)?yêu cầu\s++(?:(?:chung|cụ thể)\s++)?đối với\s++"
    # "Nhóm nhiệm vụ do Sở Tài chính chủ trì", "Các nhiệm vụ giao cho Sở Y tế": a heading
    # naming whose work its items are
    r"|\W*+(?:nhóm\s++)?(?:các\s++)?(?:nhiệm vụ|nội dung|công việc|hoạt động|giải pháp)"
    r"\s++(?:do|(?:được\s++)?giao(?:\s++cho)?)\s++"
)


def _request_patterns(rules: Rules) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The verbs by which a document asks someone to act ("yêu cầu", "đề nghị", "khuyến
    khích", "phân công": ``request_verbs`` in the rules), compiled once per rules: one (or
    "giao") opening what follows a subject, one anywhere."""
    asks = Rules.alternation(rules.request_verbs)
    return (
        re.compile(r"\s*(?:" + asks + r"|giao)(?:\s++|(?=\s*+:))"),
        re.compile(r"(?<![\wđ])(?:" + asks + r")\s+"),
    )


def _about_pattern(rules: Rules) -> re.Pattern[str]:
    """ "Về …", "Đối với …" or a purpose word opening a sentence (compiled once per rules)."""
    return re.compile(r"\W*+(?:về|đối với|" + Rules.alternation(rules.purpose_words) + r")\s")


def _topic_label(rules: Rules) -> re.Pattern[str]:
    """An item labelled by what it is about, then a colon: "Dự án đường vành đai 4 Vùng
    Thủ đô: …" (``topic_nouns``)."""
    nouns = Rules.alternation(rules.topic_nouns)
    return re.compile(rf"\W*+(?:các\s++)?(?:{nouns})\s[^:.;]{{3,200}}?:\s*+(?=\S)")


def _a_list_of_parties(who: str, table: AgencyTable) -> bool:
    """Two or more kinds of parties joined by commas or "và" ("Cấp ủy, tổ chức đảng các
    cấp", "Cán bộ, đảng viên"), each opening with a body's head word, a group noun, an office
    title or a kind of people, and short."""
    parts = [p for p in re.split(r"\s*+,\s*+(?:và\s++)?|\s++và\s++", who) if p]
    people = derived(table.rules, _people_subject)
    kinds = derived(table.rules, _kind_of_party)
    return len(parts) >= 2 and all(kinds.fullmatch(fold(p)) or people.fullmatch(p) for p in parts)


def _kind_of_party(rules: Rules) -> re.Pattern[str]:
    """A kind of party alone, with a qualifier at most: "tổ chức đảng các cấp", "cơ quan"
    (not "bộ máy", "tổ chức khai thác dữ liệu")."""
    nouns = Rules.alternation(rules.group_nouns)
    quals = Rules.alternation(rules.group_qualifiers)
    return re.compile(rf"(?:{nouns})(?:\s++(?:{quals}))?")


def _people_subject(rules: Rules) -> re.Pattern[str]:
    """A list of kinds of people opening a sentence: "Cán bộ, công chức, viên chức và người
    lao động" (``people_nouns``)."""
    noun = "(?i:" + Rules.alternation(rules.people_nouns) + ")"
    return re.compile(
        rf"[\W\d]*+(?:(?i:các|mọi|toàn thể)\s++)?(?P<who>{noun}(?:\s*+(?:,|và|,\s*+và)\s*+{noun})*+)"
        r"(?![\wđ])"
    )


def _names_a_party(who: str, table: AgencyTable) -> bool:
    """A duty's subject names a party: it opens with a body's head word, a group noun or an
    office title ("Ban thường vụ cấp ủy …", "Trung tâm …", "Các doanh nghiệp …"), not a
    verb ("Trực tiếp chỉ đạo và chịu trách nhiệm …")."""
    key = fold(who).strip(" -–—+*•")
    r = table.rules
    words = (*r.body_heads, *r.group_nouns, *r.office_titles, *r.subject_openers)
    return any(key == w or key.startswith(w + " ") for w in words)


def _framing_opener(rules: Rules) -> re.Pattern[str]:
    return re.compile(r"\W*+(?:" + Rules.alternation(rules.framing_openers) + r")")


def _assent_opener(rules: Rules) -> re.Pattern[str]:
    return re.compile(r"\W*+(?:" + Rules.alternation(rules.assent_openers) + r")(?![\wđ])")


def _framing_end(key: str, table: AgencyTable, matches: list[AgencyMatch] = ()) -> int:  # type: ignore[assignment]
    """Where a sentence's subject may start after a framing phrase ("Trong thời gian tới, …",
    "Căn cứ kế hoạch này, …"; ``framing_openers`` in the rules), else 0. A comma inside a
    body's name does not end it ("Trên cơ sở đề xuất của các Sở, ban, ngành, Sở Tài chính …")."""
    m = derived(table.rules, _framing_opener).match(key)
    # "Riêng Ủy ban nhân dân đặc khu Cồn Cỏ chủ động …": singled out, with no comma
    only = re.match(r"\W*+riêng\s++", key)
    if not m:
        return only.end() if only else 0
    for comma in re.finditer(r"[,;:.]\s*+", key[m.end() : m.end() + 61]):
        at = m.end() + comma.start()
        if comma.group()[0] != ",":
            break
        if not any(a.start < at < a.end for a in matches):
            return m.end() + comma.end()
    return only.end() if only else 0


@remembered_readings  # the same text is read for its own task, a heading, a clause (memo.py)
def parse_assignment(text: str, table: AgencyTable, province: str | None) -> Assignment:
    """Lead, cooperating bodies and delegation chain stated in ``text`` itself.

    Office holders stand for the bodies they head: "Giám đốc Sở Tài chính" is read as
    "Sở Tài chính" (the titles are data: ``office_titles`` in ``loaders/data/rules.json``).
    """
    # separators between bodies are read with the titles blanked ("Bộ trưởng Bộ Nội vụ")
    key = table.blank_titles(match_key(text))
    # "Sở X (nay là Sở Y)" is Sở Y; "Cơ quan thường trực Ban Chỉ đạo (Bộ Y)" is Bộ Y
    matches = members_in_brackets(
        key, renamed(key, table.find(text, province), table.rules.role_names)
    )
    result = Assignment()
    original, text = text, key  # same length: offsets agree; _runs reads only separators
    # a notice's item opens with its topic: "Về dự án …: Giao Bộ Xây dựng …", "Về …: Tỉnh …"
    topic = TOPIC_LABEL.match(key) or derived(table.rules, _topic_label).match(
        key
    )  # "Dự án Cảng hàng không quốc tế Long Thành: Tổng công ty …"
    if topic:
        # the rest read without the memory (memo.py): one frame a level, as deep as before
        after = parse_assignment.__wrapped__(original[topic.end() :], table, province)
        if after.lead:
            return after
    elif derived(table.rules, _about_pattern).match(key):
        # "Đối với 29 điểm sạt lở …, đường …, Ủy ban nhân dân tỉnh sử dụng …": the doer
        # after the topic's comma; so after a purpose ("Để nâng cao hiệu quả …, tăng cường
        # …, các Sở, ngành triển khai …")
        for comma in re.finditer(r",\s*+", key[:250]):
            after = parse_assignment(original[comma.end() :], table, province)
            # "Đối với các doanh nghiệp viễn thông, Bộ X yêu cầu Tập đoàn A, Tập đoàn B …":
            # those asked, though the topic names bodies too
            asks = after.cue is not None and fold(after.cue) in (
                *table.rules.request_verbs,
                "giao",
            )
            if after.lead and (
                asks or (after.explicit and not any(m.start < comma.start() for m in matches))
            ):
                return after
    elif (
        table.rules.assent_openers
        and (
            derived(table.rules, _assent_opener).match(key)
            # "Ban Thường vụ Tỉnh ủy cơ bản đồng ý với …; đồng thời đề nghị Ban Thường vụ Đảng ủy
            # phường …": the chair named first, then its view
            or matches
            and not key[: matches[0].start].strip(" -+*•.)(0123456789")
            and derived(table.rules, _assent_opener).match(key, matches[0].end)
        )
    ):
        # "Thống nhất với đề xuất của Bộ A …; Bộ B bố trí vốn …", "Đồng ý chủ trương …, giao
        # Bộ C …": the chair's view first, the doer in a later clause
        for sep in re.finditer(r"[,;.]\s*+", key[:400]):
            after = parse_assignment(original[sep.end() :], table, province)
            asks = after.cue is not None and fold(after.cue) in (
                *table.rules.request_verbs,
                "giao",
            )  # "…; đồng thời đề nghị Ban Thường vụ Đảng ủy phường …"
            if after.lead and (after.explicit or asks):
                return after
    # a short label naming no body: "Nhiệm vụ chung: Các bộ, ngành … tập trung …"
    label = re.match(r"\W*+([^:;,.()]{3,60}?):\s*+(?=\S)", key)
    if (
        label
        and len(label.group(1).split()) <= 8
        and not any(m.start < label.end(1) for m in matches)
    ):
        after = parse_assignment.__wrapped__(original[label.end() :], table, province)
        if after.lead and after.explicit:
            return after

    def concrete(ms: list[AgencyMatch]) -> list[Agency]:
        # "các cơ quan Quốc hội": the bodies of the National Assembly, not the Assembly
        owners = {
            id(b)
            for a, b in zip(ms, ms[1:], strict=False)
            if a.agency.kind == "group"
            and table.is_vague(a.agency)
            and not text[a.end : b.start].strip()
        }
        return dedupe(
            [m.agency for m in ms if not table.is_vague(m.agency) and id(m) not in owners]
        )

    # cooperating: the bodies right after "phối hợp (với/cùng)", "chủ trì cùng (với)"
    for m in derived(table.rules, _cooperate).finditer(key):
        result.cooperating += concrete(_runs(text, matches, m.end()))
    # "(Sở A chủ trì; các doanh nghiệp viễn thông phối hợp; …)", "Sở A chủ trì, Sở B phối
    # hợp …": the bodies right before "phối hợp", after a lead named with "chủ trì"
    for m in _HELPS.finditer(key):
        opened = key.rfind("chủ trì", 0, m.start())
        if opened >= 0 and re.search(r"[,;]", key[opened : m.start()]):
            result.cooperating += concrete(_runs_before(text, matches, m.start()))
    result.cooperating = dedupe(result.cooperating)

    # a label, "Giao X"; after a framing phrase too ("Đồng thời, giao X …")
    framing = _framing_end(key, table, matches)
    for m in _LABEL.finditer(key):
        if (
            m.group().startswith(_GIVES)
            and m.start() > 0
            and m.start() != framing
            and not re.search(r"[(.;:]\s*$", key[: m.start()])
        ):
            continue
        lead = _runs(text, matches, m.end())
        if len(lead) > 1 and "đồng chí" in fold(original[m.start() : m.end()]):
            # "Giao đồng chí Trưởng Ban Tổ chức Tỉnh ủy, Phó Trưởng Ban Chỉ đạo theo dõi …":
            # one holder's posts, each after its title: the first is the office that does it
            for i in range(1, len(lead)):
                if re.search(r"[^\W\d_]", original[lead[i - 1].end : lead[i].start]):
                    lead = lead[:i]
                    break
        holder = (
            _HOLDERS_NAME.match(original, m.end() - 1)
            if not lead and m.group().startswith(_GIVES)
            else None
        )
        titled = (
            _NAME_THEN_TITLE.match(original, m.end() - 1)
            if not lead and m.group().startswith(_GIVES)
            else None
        )
        if holder is None and titled is None and not lead and m.group().startswith(_GIVES):
            # "Giao đồng chí Phó Bí thư Thường trực Đảng ủy chỉ đạo Văn phòng …": the holder's
            # titles blanked, the body they stand for bare ("Đảng ủy", no body by itself),
            # then the body the holder directs
            bare = _BARE_HOLDER.match(key, m.end())
            if bare and not any(m.end() <= x.start < bare.end() for x in matches):
                holder = bare
        if titled and _runs(text, matches, titled.end()):
            # "Giao đồng chí Trần Văn Hùng - Phó Chủ tịch UBND tỉnh trực tiếp chỉ đạo …": the
            # holder's name, then the title (blanked) of the body the holder stands for
            lead, holder = _runs(text, matches, titled.end()), None
            # "…, Ủy viên Ban Thường vụ Đảng ủy, Phó Giám đốc Công an tỉnh": the holder's
            # seats in other bodies before the office that stands for the work
            while len(lead) > 1 and _MEMBER_TITLE.search(
                fold(original[titled.end() : lead[0].start])
            ):
                titled, lead = _AFTER_SEAT.match(original, lead[0].end) or titled, lead[1:]
        if holder:
            # "Giao đồng chí Thứ trưởng Lê Văn An chỉ đạo Cục X …" (the title blanked): the
            # body the holder directs does the work
            steps = _delegated(key, text, matches, [[]], table, holder.end())
            if len(steps) > 1 and steps[-1]:
                result.lead = [b.agency for b in steps[-1] if not table.is_vague(b.agency)]
                result.chain = [step[0].agency for step in steps[1:]]
                result.cue = "chỉ đạo"
                result.explicit = True
                return _finish(result)
        if lead:
            # "Giao đồng chí Phó Chủ tịch UBND tỉnh Nguyễn Văn B chỉ đạo Sở X …": past the name
            named = _HOLDERS_NAME.match(original, lead[-1].end) if len(lead) == 1 else None
            steps = _delegated(  # "Giao X chỉ đạo Y …"
                key, text, matches, [lead], table, named.end() if named else None
            )
            result.lead = [b.agency for b in steps[-1] if not table.is_vague(b.agency)] or [
                a.agency for a in lead
            ]
            if len(steps) > 1:
                result.chain = [step[0].agency for step in steps]
            result.cue = text[m.start() : m.end()].strip()
            result.explicit = True
            return _finish(result)

    # a delegation chain or an addressee at the very start
    # "Căn cứ kế hoạch này, Giám đốc các Sở …" (framing: above)
    chain = _runs(text, matches, framing)
    comrade = None if chain else _COMRADE_TITLED.match(key, framing)
    if comrade and _runs(text, matches, comrade.end()):
        # "Đồng chí Phó Giám đốc Sở Vũ Thị Lan trực tiếp chỉ đạo …": the comrade's title
        # (blanked), then the body the holder stands for
        framing = comrade.end()
        chain = _runs(text, matches, framing)
    named = None if chain else _COMRADE_NAMED.match(original, framing)
    titled = _runs(text, matches, named.end()) if named else []
    after_titles = fold(original[titled[-1].end : titled[-1].end + 40]) if titled else ""
    if titled and (
        _DOES_WORK.match(after_titles) or derived(table.rules, work_opening).match(after_titles)
    ):
        # "Đồng chí Nguyễn Văn Tài, Ủy viên Ban Thường vụ, Chỉ huy trưởng Ban Chỉ huy Quân sự
        # xã chỉ đạo …": past the comrade's name, the titles (blanked) and their bodies
        framing = named.end()
        chain = _runs(text, matches, framing)
    if len(chain) > 1:
        # "Ủy viên Ban Thường vụ, Trưởng Ban Xây dựng Đảng chủ trì …": a holder's seat in a
        # body before the office that does the work
        seats = [
            i
            for i, a in enumerate(chain[:-1])
            if _MEMBER_TITLE.search(fold(original[chain[i - 1].end if i else framing : a.start]))
        ]
        if seats and seats == list(range(len(seats))):  # the seats first, then the office
            framing = chain[seats[-1]].end
            chain = chain[len(seats) :]
        # "Đồng chí Phó Chủ tịch UBND tỉnh - Trưởng Ban Chỉ đạo X …": one holder's second
        # post, after a dash and a title, is no second doer
        second = next(
            (
                i
                for i in range(1, len(chain))
                if _DASH.fullmatch(key, chain[i - 1].end, chain[i].start)
                and re.search(r"[^\W\d_]", original[chain[i - 1].end : chain[i].start])
            ),
            None,
        )
        if second is not None:
            chain = chain[:second]
    subject_end = chain[-1].end if chain else 0
    if chain and (
        chain[-1].agency.kind == "person"
        or not chain[-1].agency.canonical
        and fold(chain[-1].agency.name) in table.rules.body_heads
    ):
        # "Phó Thủ tướng Chính phủ Trần Hồng Hà chỉ đạo Bộ X …", "Phó Giám đốc Sở Vũ Thị Lan
        # chỉ đạo …": the holder's own name
        name = _HOLDERS_NAME.match(original, subject_end)
        subject_end = name.end() if name else subject_end
    speaker = None if chain else SPEAKER_ALONE.match(key, framing)
    if speaker:  # "Bộ giao Vụ Pháp chế …", "Sở đề nghị UBND các xã …": the issuer, short
        subject_end = speaker.end()
    if chain or speaker:
        m = derived(table.rules, _request_patterns)[0].match(key[subject_end:])
        if m:  # "UBND tỉnh yêu cầu Thủ trưởng các sở …": the issuer speaks to addressees
            addressees = _runs(text, matches, subject_end + m.end())
            if addressees:
                # "Bộ Chính trị giao Đảng ủy Chính phủ lãnh đạo, chỉ đạo Bộ X …": the last
                steps = _delegated(key, text, matches, [addressees], table)
                result.lead = [b.agency for b in steps[-1] if not table.is_vague(b.agency)] or [
                    a.agency for a in addressees
                ]
                if len(steps) > 1:
                    result.chain = [step[0].agency for step in steps]
                result.cue = m.group().strip()
                # "Bộ X giao: Cục Y theo dõi …" under a letter's addressees: Cục Y
                result.explicit = True
                return _finish(result)
            if chain and _ASKS_THE_ADDRESSEES.match(fold(original[chain[-1].end :])):
                # "Bộ X đề nghị như sau:", "Bộ X trân trọng đề nghị Quý cơ quan …": the body
                # that asks is not the one that does; those asked are (a letter's addressees)
                result.cue = m.group().strip()
                result.cooperating = []
                return result
    # (a title blanked before the subject leaves its comma: "Chủ tịch Hội đồng thành viên,
    # Tổng giám đốc các Tập đoàn …")
    if chain and key[framing : chain[0].start].strip(" -–—+*,") == "":
        alone = len(chain) == 1 and subject_end > chain[0].end
        # "Đảng ủy Công an tỉnh, Đảng ủy Quân sự tỉnh lãnh đạo Công an tỉnh, Bộ Chỉ huy …":
        # every body of the subject directs
        steps = _delegated(key, text, matches, [chain], table, subject_end if alone else None)
        if len(steps) > 1:
            result.chain = [step[0].agency for step in steps]
            result.lead = [b.agency for b in steps[-1] if not table.is_vague(b.agency)]
            result.cue = "chỉ đạo"
            result.explicit = True
            return _finish(result)
        # a list of addressees as the subject: "Sở A và Công an tỉnh tập trung …"
        result.lead = [a.agency for a in chain if _a_lead_among_others(a.agency, table)] or [
            a.agency for a in chain
        ]
        whole = _WHOLE_SUBJECT.fullmatch(original, chain[-1].end) if len(chain) == 1 else None
        if (
            whole
            and whole.group(1)
            and chain[0].agency.kind == "group"
            and not chain[0].agency.canonical
            and not derived(table.rules, _work_words).search(fold(whole.group(1)))
        ):
            # a heading that is all subject: "12. Các tổ chức, cá nhân và hộ gia đình khai
            # thác nước dưới đất trên địa bàn có trách nhiệm": the group is all of it
            written = original[chain[0].start : whole.end(1)]
            result.lead = [
                replace(chain[0].agency, name=table.display_name(written), as_written=written)
            ]
        result.cue = "chủ trì" if re.match(r"\W*chủ\s+trì", key[chain[-1].end :]) else None
        result.explicit = True
        return _finish(result)

    # "… X chủ trì, phối hợp …" later in the sentence
    for m in re.finditer(r"chủ\s+trì", key):
        before = _runs_before(text, matches, m.start())
        if key.count("(", 0, m.start()) > key.count(")", 0, m.start()):
            # "báo cáo cấp trên (… các Bộ chủ trì dự án) việc …": who reports to whom; but
            # "(Bộ Xây dựng chủ trì, phối hợp với …; hoàn thành …)" closing an item gives
            # its doer
            opened = key.rfind("(", 0, m.start())
            closed = key.find(")", m.end())
            if (
                not before
                or key[opened + 1 : before[0].start].strip() not in ("", "do")
                or (closed >= 0 and key[closed + 1 :].strip(" .;,"))
            ):
                continue
        if before and re.search(
            r"[^\W\d_]\s++do\s++$", key[max(0, before[0].start - 40) : before[0].start]
        ):
            continue  # "các dự án do Bộ Công an chủ trì": which projects, not who does the item
        if before and re.search(
            r"(?:giúp|tham mưu cho)\s++$", key[max(0, before[0].start - 20) : before[0].start]
        ):
            continue  # "Là cơ quan thường trực giúp Ban Chỉ đạo xã, chủ trì …": whom it serves
        if before:
            result.lead = [a.agency for a in before]
            result.cue = "chủ trì"
            result.explicit = True
            return _finish(result)

    # "… (Văn phòng HĐND và UBND xã tham mưu, hoàn thành trong tháng 10/2025)": a bracket
    # closing the item that opens with bodies and a verb of their work names its doer
    closing = _CLOSING_BRACKET.search(key)
    if closing:
        inside = _runs(text, matches, closing.start() + 1)
        if (
            inside
            and not key[closing.start() + 1 : inside[0].start].strip()
            and _BRACKET_DOER_VERB.match(key, inside[-1].end)
        ):
            result.lead = [a.agency for a in inside]
            result.explicit = True
            return _finish(result)

    # "Chỉ đạo X …", "Lãnh đạo, chỉ đạo X …" with no subject: X is the doer, the heading's
    # body delegates
    # (after a framing phrase too: "Đồng thời, chỉ đạo Cục X …")
    m = _SUBJECTLESS_CHAIN.match(key) or (
        _SUBJECTLESS_CHAIN.match(key, framing) if framing else None
    )
    if m and m.group("with"):
        # "Phối hợp với Sở X chỉ đạo Y …": the cooperating body is named first
        before = _runs(text, matches, m.end("with"))
        gap = key[before[-1].end : m.start("verb")] if before else None
        if gap is None or gap.strip(" ,") not in ("", "để"):
            m = None
    if m:
        at = m.end()
        plural = re.match(
            r"(?:các|những)\s++(?=[" + CAPITALS + r"])",
            original[at:],
        )
        if plural:  # "Chỉ đạo các Khu Quản lý đường bộ III và IV …": a body read by shape
            at += plural.end()
        doer = [d for d in _runs(text, matches, at) if not table.is_vague(d.agency)]
        if doer:  # not "Chỉ đạo các đơn vị trực thuộc …": the heading's body still does it
            # "Lãnh đạo, chỉ đạo UBND tỉnh chỉ đạo Sở Tài chính …": the last body does it
            steps = _delegated(key, text, matches, [doer], table)
            result.lead = dedupe([d.agency for d in steps[-1]])
            result.chain = [step[0].agency for step in steps] if len(steps) > 1 else []
            result.chain = result.chain or list(result.lead)
            result.cue = "chỉ đạo"
            result.explicit = True
            return _finish(result)

    # "Trách nhiệm của Sở X", "Nhiệm vụ của …", "Đối với Ủy ban nhân dân cấp xã:"
    m = _RESPONSIBLE_OF.match(key)
    if m:
        addressees = _runs(text, matches, m.end())
        rest = re.split(r"\s*:", original[m.end() :], maxsplit=1)[0].strip(" .*")
        place = _place_doer(original, m.end(), table, province) if not addressees else None
        if place and not original[place[0] :].split(":")[0].strip(" .*"):
            addressees = [AgencyMatch(m.end(), place[0], place[1])]  # "Đối với tỉnh Hà Tĩnh:"
        about = re.sub(r"^(?:các|những)\s+", "", fold(rest))
        if (
            not addressees
            and rest
            and len(rest.split()) <= 12
            and not re.search(r"[.;]", rest)
            and not re.match(rf"(?:{Rules.alternation(table.rules.topic_nouns)})(?![\wđ])", about)
        ):
            # a party no table or shape knows: "Trách nhiệm của doanh nghiệp viễn thông"
            name = table.display_name(rest)
            addressees = [
                AgencyMatch(
                    m.end(),
                    len(original),
                    Agency(name, "unknown", province, "group", None, rest, canonical=False),
                )
            ]
        if addressees:
            result.lead = [a.agency for a in addressees]
            result.cue = "trách nhiệm của"
            result.explicit = True
            return _finish(result)

    # "Việc lập danh mục hồ sơ do văn phòng cấp ủy thực hiện": the work said first, its doer
    # after "do" (only so: "các dự án do Bộ Công an chủ trì" describes the projects)
    for by in _DONE_BY.finditer(key) if re.match(r"[\W\d]*+việc\s", key) else ():
        doers = [a for a in matches if a.start == by.end()]
        if doers and _DONE_BY_VERB.match(key, doers[-1].end):
            result.lead = [doers[-1].agency]
            result.cue = "do"
            result.explicit = True
            return _finish(result)

    # "<subject> có trách nhiệm …": the subject of a duty, whoever it is
    m = _DUTY_OF.match(original)
    if m and _names_a_party(m.group("who"), table):
        who = m.group("who").strip(" -–—+*•")
        found = [a for a in matches if a.end <= m.end("who")]
        name = table.display_name(who)
        result.lead = [a.agency for a in found] or [
            Agency(name, "unknown", province, "group", None, who, canonical=False)
        ]
        result.cue = m.group("duty")
        result.explicit = True
        return _finish(result)

    # "Cơ quan, tổ chức đảng phải lập hồ sơ …", "Trong thời hạn …, cán bộ, đảng viên phải
    # nộp lưu …": kinds of parties, without "các", as the subject of a duty
    duty = _LISTED_DUTY.match(original, framing)
    if duty and _a_list_of_parties(duty.group("who"), table):
        who = duty.group("who")
        name = table.display_name(who)
        result.lead = [Agency(name, "unknown", province, "group", None, who, canonical=False)]
        result.explicit = True
        return _finish(result)

    # "Cán bộ, công chức có trách nhiệm …", "Công chức, viên chức tham gia …": people, by
    # what they are (``people_nouns`` in the rules), as the subject of a duty or of work
    people = derived(table.rules, _people_subject).match(original)
    if people:
        who = people.group("who")
        after = fold(original[people.end("who") : people.end("who") + 80])
        if re.match(
            rf"(?:(?!là\s)[^,;:.()]){{0,60}}?(?:{_DUTIES_OR_MUST})"
            r"(?![\wđ])",
            after,
        ):
            name = table.display_name(who)
            result.lead = [Agency(name, "unknown", province, "group", None, who, canonical=False)]
            result.explicit = True
            return _finish(result)
        # "Giáo viên chủ nhiệm các lớp cập nhật …", "Nhân viên thư viện số hóa …": staff by
        # their post, a few words in small letters, then the work they do
        post = _staff_post(original, people.end("who"), table.rules) if not matches else None
        if post is not None and post > people.end("who"):  # bare kinds of people: a duty
            who = original[people.start("who") : post].strip()
            name = table.display_name(who)
            result.lead = [Agency(name, "unknown", province, "group", None, who, canonical=False)]
            result.explicit = True
            return _finish(result)

    # "Tỉnh tổng hợp nhu cầu, báo cáo …": a notice to a province names it as "Tỉnh" (or
    # "tỉnh Hà Tĩnh"); "Trong thời gian tới, Tỉnh …"
    place = _place_doer(original, framing, table, province)
    places = [place[1]] if place else []
    while place and (more := re.match(r"\s*+(?:,|và)\s*+", original[place[0] :])):
        # "Thành phố Hà Nội, Thành phố Hồ Chí Minh phấn đấu …": each named place
        nxt = _place_doer(original, place[0] + more.end(), table, None)
        if nxt is None or not _PLACE.match(original, place[0] + more.end()).group(2):
            break
        place = nxt
        places.append(nxt[1])
    if place and (
        re.match(r"\s++[" + SMALL + "]", original[place[0] : place[0] + 3])
        or (len(places) > 1 or _PLACE.match(original, framing).group(2))
        and re.match(r"\s*+:(?:\s*+\S|\s*+$)", original[place[0] :])
    ):  # "Thành phố Hà Nội, Thành phố Đà Nẵng: Đẩy nhanh …", "Tỉnh Quảng Ninh:" (a heading)
        result.lead = dedupe(places)
        result.cue = original[: place[0]].split()[-1]
        result.explicit = True
        return _finish(result)

    # a heading that is only a list of kinds of parties, with no "các": "Điều 14. Cấp ủy, tổ
    # chức đảng các cấp", "Cán bộ, đảng viên:"
    whole = original.strip(" -–—+*•:.")
    if not matches and len(whole.split()) <= 12 and _a_list_of_parties(whole, table):
        name = table.display_name(whole)
        result.lead = [Agency(name, "unknown", province, "group", None, whole, canonical=False)]
        result.explicit = True
        return _finish(result)

    people = persons(original[:200])
    if people and re.match(r"[\W\d]*+(?:giao\s++)?đồng chí\s", fold(original[:40])):
        # "Đồng chí Nguyễn Văn B, Phó Chủ tịch Ủy ban nhân dân tỉnh chỉ đạo …": the office
        # holder stands for the body (the titles are blanked in ``key``)
        named = list(_PERSON.finditer(original[:200]))
        held = [
            a.agency
            for p in named
            for a in matches
            if p.end() <= a.start <= p.end() + 80
            and re.fullmatch(r"\s*+,\s*+", key[p.end() : a.start])
        ]
        after = fold(original[max([a.end for a in matches if a.agency in held] or [0]) :])
        verbs = derived(table.rules, _work_verbs)
        if (
            held
            and after.strip(" .:*")  # "2. Đồng chí Nguyễn Văn Thành, Phó Giám đốc Sở": a heading
            and not any(v.match(after.lstrip(" ,")) for v in verbs)
        ):
            held = []  # "Đồng chí X, Vụ trưởng …, nếu được giới thiệu …": an example
        if held and len(held) == len(named):
            result.lead = dedupe(held)
            result.explicit = True
            return _finish(result)
    if people and key.lstrip(" -–—").startswith("đồng chí"):
        result.lead = people
        result.explicit = True
        return _finish(result)

    # "Chủ đầu tư các dự án thành phần tập trung …", "Hội đồng thẩm định nhà nước khẩn trương
    # …": a subject no table or shape knows, opening with a party's word, before a verb of work
    found = _party_subject(original, framing, matches, table)
    if found is not None:
        subject, end = found
        result.lead = [subject]
        result.cue = "subject"  # weaker than a heading naming the same party (extract_tasks)
        # "Giám đốc Sở chỉ đạo Phòng Quản lý khoa học rà soát …": a delegation chain from
        # the subject on gives the last body, as from a body the table knows
        steps = _delegated(key, text, matches, [[AgencyMatch(framing, end, subject)]], table)
        if len(steps) > 1 and re.match(r"\s++[" + SMALL + "]", text[steps[-1][-1].end :]):
            # (its work after it: "… chỉ đạo Đoàn kiểm toán, phê duyệt …" is the holder's)
            result.lead = [b.agency for b in steps[-1]]
            result.chain = [subject] + [step[0].agency for step in steps[1:]]
            result.cue = "chỉ đạo"
        result.explicit = True
        return _finish(result)

    # an introductory sentence: "UBND tỉnh yêu cầu Thủ trưởng các sở, …; Chủ tịch UBND các xã …"
    m = derived(table.rules, _request_patterns)[1].search(key)
    if m:
        addressees = _runs(text, matches, m.end())
        place = None if addressees else _place_doer(original, m.end(), table, province)
        if place:  # "Đề nghị tỉnh Hà Tĩnh rà soát …"
            addressees = [AgencyMatch(m.end(), place[0], place[1])]
        if addressees:
            # "Đề nghị X chỉ đạo Y thông tin …": Y does it (X is the route)
            steps = _delegated(key, text, matches, [addressees], table)
            result.lead = [a.agency for a in addressees]
            if len(steps) > 1:
                result.lead = [b.agency for b in steps[-1] if not table.is_vague(b.agency)]
                result.chain = [step[0].agency for step in steps]
            result.cue = text[m.start() : m.end()].strip()
            # "Đề nghị Thường trực Tỉnh ủy chỉ đạo …" opening an item addresses its doer
            result.explicit = not key[: m.start()].strip(" -–—+*•.()0123456789")
            return _finish(result)
    return _finish(result)


_PLACE = re.compile(
    r"(Tỉnh|tỉnh|TỈNH|Thành phố|thành phố|THÀNH PHỐ)(?:\s++("
    + "|".join(sorted(map(re.escape, PROVINCE_NAMES), key=len, reverse=True))
    + r"))?(?![\wđ])"
)


def _place_doer(
    text: str, pos: int, table: AgencyTable, province: str | None
) -> tuple[int, Agency] | None:
    """A province named as the doer at ``pos`` ("Tỉnh", "tỉnh Hà Tĩnh", "Thành phố"): its
    people's committee, as a notice to a province means it. A lower-case "tỉnh" counts only
    with the province's name."""
    m = _PLACE.match(text, pos)
    if not m or (m.group(1)[0].islower() and not m.group(2)):
        return None
    named = m.group(2) or province
    if not named:
        return None
    unit = "thành phố" if named in CITIES else "tỉnh"
    body = table.lookup(f"Ủy ban nhân dân {unit} {named}", named)
    return (m.end(), body) if body is not None else None


def _delegated(
    key: str,
    text: str,
    matches: list[AgencyMatch],
    steps: list[list[AgencyMatch]],
    table,
    after: int | None = None,
) -> list[list[AgencyMatch]]:
    """The delegation chain from the last step on: X chỉ đạo Y chỉ đạo Z …; each step may
    name several bodies ("… chỉ đạo Quân khu 5, Quân khu 7, các đơn vị quân đội …"). A last
    step of vague bodies is dropped: "X chỉ đạo các đơn vị liên quan …" is still X's work."""
    steps = list(steps)
    pos = steps[-1][-1].end if after is None else after
    while True:
        m = _CHAIN_STEP.match(key[pos:])
        if not m:
            break
        at = pos + m.end()
        nxt = _runs(text, matches, at)
        plural = _PLURAL.match(key, at)
        if (not nxt or nxt[0].start != at) and plural:
            at = plural.end()  # "chỉ đạo các Khu Quản lý đường bộ III và IV …"
            nxt = _runs(text, matches, at)
        if not nxt or nxt[0].start != at:
            break
        if _MORE_WORK_AFTER.match(text, nxt[-1].end):
            break  # "… chỉ đạo Đoàn kiểm tra, phê duyệt kế hoạch": directs it, and does more
        steps.append(nxt)
        pos = nxt[-1].end
    while len(steps) > 1 and all(table.is_vague(b.agency) for b in steps[-1]):
        steps.pop()
    for i in range(1, len(steps)):  # "UBND các tỉnh, thành phố chỉ đạo Sở Xây dựng …"
        if len(steps[i - 1]) == 1:
            steps[i] = [
                AgencyMatch(b.start, b.end, _of_each(steps[i - 1][0].agency, b.agency))
                for b in steps[i]
            ]
    return steps


_EACH_AUTHORITY = re.compile(r"(?:ủy ban nhân dân|ubnd)\s++(?P<each>các\s++(?P<unit>\w+).*)$")
_UNIT_AT_END = re.compile(r"\s++(?:xã|phường|đặc khu|tỉnh|thành phố)$", re.I)


def _of_each(directing: Agency, body: Agency) -> Agency:
    """A body named with no place after a group of local authorities that directs it is that
    body of each of them: "Ủy ban nhân dân các tỉnh, thành phố … chỉ đạo Sở Xây dựng" →
    "Sở Xây dựng các tỉnh, thành phố …"; "UBND các xã, phường chỉ đạo Công an xã" →
    "Công an các xã, phường"."""
    m = _EACH_AUTHORITY.match(fold(directing.name)) if directing.kind == "group" else None
    if m is None or body.kind != "body" or fold(body.name).startswith("ủy ban nhân dân"):
        return body
    each = directing.name[len(directing.name) - len(m.group("each")) :]
    if body.level == "province" and m.group("unit") in ("tỉnh", "thành"):
        if body.province is not None and fold(body.province) in fold(body.name):
            return body  # "Sở Y tế tỉnh Gia Lai": named with its place
        name = f"{body.name} {each}"
    elif body.level == "commune" and m.group("unit") in ("xã", "phường"):
        name = f"{_UNIT_AT_END.sub('', body.name)} {each}"
    else:
        return body
    return replace(body, name=name, kind="group", province=None, canonical=False)


# the kinds of state body a group may name ("các sở, ngành liên quan" names sở and ngành)
_KINDS = re.compile(r"(?<![\wđ])(?:sở|bộ|ban|ngành|cục|tỉnh ủy|thành ủy|đảng ủy)(?![\wđ])")


def _a_lead_among_others(agency: Agency, table: AgencyTable) -> bool:
    """Listed with other bodies as the subject, a group is a lead unless it names no kind of
    body ("các cơ quan, đơn vị liên quan"); "các sở, ngành liên quan" names its kind."""
    if not table.is_vague(agency):
        return True
    return agency.kind == "group" and bool(_KINDS.search(fold(agency.name)))


def _finish(result: Assignment) -> Assignment:
    result.lead = dedupe(result.lead)
    lead_names = {a.shown for a in result.lead}
    result.cooperating = [a for a in result.cooperating if a.shown not in lead_names]
    return result


def _work_verbs(rules: Rules) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Verbs of work as words: the ones that open an item's work first (``task_verbs``:
    "khẩn trương", "tập trung" …), then the others (``item_verbs``: "thực hiện", "thẩm định"
    …, which may also be part of a name)."""
    return tuple(  # type: ignore[return-value]
        re.compile(
            rf"(?<![\wđ])(?:cần\s++|phải\s++|sớm\s++)?(?:{Rules.alternation(words)})(?![\wđ])"
        )
        for words in (rules.task_verbs, rules.item_verbs)
    )


_NOT_IN_SUBJECT = re.compile(
    r"(?<![\wđ])(?:là|được|đã|đang|sẽ|không|có|bị|nếu|khi|thì|do)(?![\wđ])"
)


# the issuer naming itself by its head word alone before it hands work on ("Bộ giao …")
SPEAKER_ALONE = re.compile(
    r"[\W\d]*+(?:bộ|sở|ban|cục|tổng cục|văn phòng|ủy ban|uỷ ban)\s++(?=(?:giao|đề nghị|yêu cầu)\s)"
)

# a verb handing work to a named body inside what looked like a subject
_HANDS_ON = re.compile(r"\s(?:giao|đề nghị|yêu cầu)\s++(?:cho\s++)?[" + CAPITALS + r"]")


def _in_compound(key: str, start: int, end: int, rules: Rules) -> bool:
    """The words at ``key[start:end]`` are part of a longer word ("trình" in "chương
    trình", "đầu tư" in "chủ đầu tư"): ``name_compounds`` and ``group_nouns``."""
    for word in (*rules.name_compounds, *rules.group_nouns):
        if len(word) <= end - start:
            continue
        at = key.find(word, max(0, start - len(word)), end + len(word))
        while at >= 0 and at < end:
            if at <= start and at + len(word) >= end:
                return True
            at = key.find(word, at + 1, end + len(word))
    return False


def _party_subject(
    original: str, framing: int, matches: list[AgencyMatch], table: AgencyTable
) -> tuple[Agency, int] | None:
    """The subject of a sentence that no table or shape knows (and where it ends), when it opens with a party's
    word (a body's head word, a group noun, an office title) and a verb of work follows
    within ten words: "Chủ đầu tư các dự án thành phần tập trung …", "Hội đồng thẩm định nhà
    nước khẩn trương …", "Tổ công tác của Thủ tướng Chính phủ kiểm tra …". Named as
    printed, marked as not canonical. Not a topic ("Dự án …", "Trường hợp …"), not a role
    ("Cơ quan chủ trì …"), not a vague party ("Các đơn vị liên quan"), not a sentence that
    opens with a verb ("Tổ chức triển khai …"), and not one a table knows there (read
    before)."""
    lead = re.match(r"[\W\d]*+", original[framing:])
    start = framing + (lead.end() if lead else 0)
    named = _COMRADE_NAMED.match(original, start)
    if named and not any(named.end() <= a.start < named.end() + 25 for a in matches):
        # "Đồng chí Lê Thị Mai, Phó Kiểm toán trưởng trực tiếp chỉ đạo …": the title, written
        # bare, after the comrade's name (the issuer's own head: see pipeline._own_head)
        start = named.end()
    if any(a.start <= start < a.end for a in matches):
        return None
    if not original[start : start + 1].isupper() and not _LOWER_CASE_HEAD.match(
        fold(original[start : start + 40])
    ):
        return None  # "phòng kinh tế chủ trì …": a unit's head word in lower case may open it
    head = original[start : start + 160]
    key = fold(head)
    r = table.rules
    if any(
        key.startswith(w + " ")
        for w in (*r.not_party_openers, *r.topic_nouns, *r.role_names, *r.task_verbs, *r.item_verbs)
    ):
        return None
    bare_key = re.sub(r"^(?:các|những|mỗi)\s+", "", key)
    party_words = (*r.body_heads, *r.group_nouns, *r.office_titles)
    if not any(bare_key.startswith(w + " ") for w in party_words):
        return None
    verbs = derived(r, _work_verbs)
    label = re.match(r"([^,;:.()\"“”]+?)\s*+:\s*+", head)
    if label and any(v.match(key, label.end()) for v in verbs):
        # "Ban cán sự lớp: phối hợp …", "Hội đồng thẩm định: thẩm định hồ sơ …": a party
        # labels the work after it
        party = _unknown_party(label.group(1), table)
        return None if party is None else (party, start + label.end(1))
    for pattern in verbs:
        for v in pattern.finditer(key):
            who = head[: v.start()].rstrip()
            words = who.split()
            if not words or len(words) > 10 or re.search(r"[,;:.()\"“”]", who):
                break
            if _in_compound(key, v.start(), v.end(), r):
                continue  # "Chủ" before "đầu tư", "Các chương" before "trình"
            lead_role = _LEADS.search(key, 0, v.start())
            if lead_role:  # "phòng kinh tế chủ trì tổ chức …": the party before "chủ trì"
                who = head[: lead_role.start()].rstrip()
            adverb = _ADVERB_AT_END.search(fold(who))
            if adverb:  # "Đồng chí Phó Giám đốc trực tiếp chỉ đạo …": the verb's, not the party's
                who = who[: adverb.start()].rstrip()
            if fold(who) in r.group_head_titles:
                # "Người đứng đầu trực tiếp chỉ đạo …" under "Các sở, ban, ngành; UBND các xã":
                # the heads of the bodies above, named by the heading
                return None
            if fold(who) in r.body_heads and fold(who) != "văn phòng":
                # a head word alone ("Cục" of "cục quản lý …") names no one; "Văn phòng" is
                # the issuer's own office (pipeline._own_office)
                return None
            party = _unknown_party(who, table)
            return None if party is None else (party, start + len(who))
    return None


_LEADS = re.compile(r"\s++chủ\s++trì(?![\wđ])")
# an adverb of the verb after a subject: "… trực tiếp (chỉ đạo)", "… thường xuyên (kiểm tra)"
_ADVERB_AT_END = re.compile(rf"\s++(?:{_DIRECTION_ADVERBS}|chủ động)$")


# the head words that open a unit's name even when printed in lower case ("phòng kinh tế",
# "chi cục thủy lợi", "trung tâm y tế xã"), not "phòng, chống …", "phòng ngừa …"
_LOWER_CASE_HEAD = re.compile(
    r"(?:phòng(?!\s*+,|\s++(?:chống|ngừa|cháy|tránh|thủ|vệ|họp|làm việc))|chi cục|cục|trung tâm)\s++\w"
)


def _unknown_party(who: str, table: AgencyTable) -> Agency | None:
    """A party no table or shape knows, named as printed: a body when it opens with a body's
    head word, else a group; not a clause ("… đã …", "… nếu …") nor a vague party."""
    r = table.rules
    if len(who.split()) > 10 or _NOT_IN_SUBJECT.search(fold(who)):
        return None
    if _HANDS_ON.search(who):
        return None  # "Bộ giao Vụ Pháp chế …": the speaker handing work on, no subject
    bare = re.sub(r"^(?:các|những|mỗi)\s+", "", fold(who))
    if bare in r.vague_nouns or any(
        bare.startswith(n + " ") and "liên quan" in bare for n in r.vague_nouns
    ):
        return None
    kind = "body" if any(bare.startswith(h + " ") for h in r.body_heads) else "group"
    return Agency(table.display_name(who), "unknown", None, kind, None, who, canonical=False)
