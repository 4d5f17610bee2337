"""Deadline phrases of a task, resolved to the last day they allow.

>>> d = find_deadline("rà soát nền tảng số; hoàn thành trong tháng 6/2025.")
>>> d.text, d.date.isoformat(), d.recurring
('hoàn thành trong tháng 6/2025', '2025-06-30', False)
>>> find_deadline("(Hoàn thành trước ngày 20/6/2025 và thực hiện thường xuyên)").recurrence
'continuous'
>>> find_deadline("Quý I/2026").date.isoformat()
'2026-03-31'
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from .textnorm import match_key

_ROMAN_Q = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}


@dataclass
class Deadline:
    text: str | None  # the phrase as written
    date: date | None  # the last day allowed; None when the phrase is no date
    recurring: bool
    recurrence: str | None  # continuous, daily, weekly, monthly, quarterly, yearly
    waits_on: str | None  # "ngay sau khi có hướng dẫn của …", "theo tiến độ …"
    start: int = -1  # span of the phrase in the text searched
    end: int = -1


def _month_end(year: int, month: int) -> date | None:
    if not (1 <= month <= 12 and 1900 < year < 2200):
        return None
    return date(year, month, calendar.monthrange(year, month)[1])


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# Time expressions (matched on the lower-cased, tone-unified key).
def _period(first_month: int, last_month: int):
    """A resolver of a period: (its last day, its first day) from (…, year) groups."""

    def resolve(year: int) -> tuple[date | None, date | None]:
        last = _month_end(year, last_month)
        return last, (date(year, first_month, 1) if last else None)

    return resolve


def _months(a: str, b: str | None, y: str) -> tuple[date | None, date | None]:
    last = _month_end(int(y), int(b or a))
    return last, (date(int(y), int(a), 1) if last and 1 <= int(a) <= 12 else None)


def _quarter(q: str, y: str) -> tuple[date | None, date | None]:
    n = _ROMAN_Q.get(q)
    return _months(str(3 * n - 2), str(3 * n), y) if n else (None, None)


# a day a range starts on: "15/11/2025", "15/11", "15 tháng 11 năm 2025", "15 tháng 11"
_A_DAY = r"\d{1,2}\s*(?:[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{4})?|\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?)"

# The forms of a time (matched on the lower-cased, tone-unified key), in the order tried at
# one place, each with its number of groups and what it resolves to: (the last day the phrase
# allows, the first day of the period it names; None for a day).
_FORMS: list[tuple[str, int, object]] = [
    # từ ngày 15/11/2025 đến ngày 15/12/2025, từ 15/11 đến 15/12/2025, từ ngày 15 tháng 11
    # năm 2025 đến ngày 15/12/2025: the period's end
    (
        r"từ\s+(?:ngày\s+)?" + _A_DAY + r"\s+(?:đến|tới)"
        r"\s+(?:hết\s+)?(?:ngày\s+)?(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})",
        3,
        lambda d, m, y: (_day(int(y), int(m), int(d)), None),
    ),
    # … đến ngày 15 tháng 12 năm 2025
    (
        r"từ\s+(?:ngày\s+)?" + _A_DAY + r"\s+(?:đến|tới)"
        r"\s+(?:hết\s+)?(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})",
        3,
        lambda d, m, y: (_day(int(y), int(m), int(d)), None),
    ),
    # từ tháng 11/2025 đến tháng 12/2025: the later month
    (
        r"từ\s+tháng\s+\d{1,2}(?:\s*(?:/|\s+năm\s+)\s*\d{4})?\s+(?:đến|tới)\s+(?:hết\s+)?"
        r"tháng\s+(\d{1,2})\s*(?:/|\s+năm\s+)\s*(\d{4})",
        2,
        lambda m, y: _months(m, None, y),
    ),
    # 30/6/2026, 30-6-2026
    (
        r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})",
        3,
        lambda d, m, y: (_day(int(y), int(m), int(d)), None),
    ),
    # 30 tháng 6 năm 2026
    (
        r"(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})",
        3,
        lambda d, m, y: (_day(int(y), int(m), int(d)), None),
    ),
    # tháng 9-10/2026: the later month; so "tháng 4 và tháng 9 năm 2026"
    (r"tháng\s+(\d{1,2})\s*[-–]\s*(\d{1,2})\s*(?:/|\s+năm\s+)\s*(\d{4})", 3, _months),
    (
        r"tháng\s+(\d{1,2})\s*(?:,|và)\s*(?:tháng\s+)?(\d{1,2})\s*(?:/|\s+năm\s+)\s*(\d{4})",
        3,
        _months,
    ),
    # tháng 6/2026, tháng 6 năm 2026
    (r"tháng\s+(\d{1,2})\s*(?:/|\s+năm\s+)\s*(\d{4})", 2, lambda m, y: _months(m, None, y)),
    # quý IV/2026, quý 4 năm 2026
    (r"quý\s+(i{1,3}|iv|[1-4])\s*(?:/|\s+năm\s+)\s*(\d{4})", 2, _quarter),
    # 6 tháng đầu năm 2026
    (
        r"(6|sáu)\s+tháng\s+(đầu|cuối)\s+năm\s+(\d{4})",
        3,
        lambda _n, half, y: _months(
            "1" if half == "đầu" else "7", "6" if half == "đầu" else "12", y
        ),
    ),
    # năm 2026 - 2030, giai đoạn 2026-2030, 2026 - 2030: the last year
    (
        r"(?:(?:năm|giai\s+đoạn)\s+)?(\d{4})\s*[-–]\s*(\d{4})(?![\d/])(?!\s*và\s+(?:những|các)\s+năm)",
        2,
        lambda a, b: _months("1", "12", b) if 1900 < int(a) <= int(b) < 2200 else (None, None),
    ),
    # năm 2026
    (r"năm\s+(\d{4})", 1, lambda y: _period(1, 12)(int(y))),
    # 6/2026 alone (a table's time column): the month
    (r"(?<![\d/.-])(\d{1,2})\s*/\s*(\d{4})(?![\d/\w])", 2, lambda m, y: _months(m, None, y)),
]
_N_TIME_GROUPS = sum(n for _, n, _ in _FORMS)
_CUE = (
    r"(?:(?:hoàn\s+thành|xong|thực\s+hiện|tổ\s+chức|báo\s+cáo|trình|ban\s+hành)"
    r"(?:\s+[^\s,;.()]+){0,6}?\s+)?"
    r"(?:trong|trước|chậm\s+nhất(?:\s+là)?|đến\s+hết|trong\s+thời\s+gian"
    r"|vào\s+(?:dịp|ngày)(?=\s+\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4})"  # a day, not a year
    r"|(?<!tháng )cuối)\s+"  # not "những tháng cuối năm 2025" (a time, no limit)
    # an hour before the day: "trước 20h00 ngày 25/5/2025", "trước 17 giờ, ngày 10/12/2025"
    r"(?:\d{1,2}\s*(?:h|giờ)(?:\s*\d{1,2}(?:\s*phút)?)?\s*,?\s+)?(?:ngày\s+)?"
)
_TIME = "(?:" + "|".join(p for p, _, _ in _FORMS) + ")"
# "hoàn thành năm 2026", "hoàn thành vào Quý II/2026": the time right after the verb
_DONE_AT = r"(?:hoàn\s+thành|xong)\s+(?:vào\s+)?(?:ngày\s+)?"
_CUED = re.compile(rf"(?:thời\s+(?:gian|hạn)\s*:\s*)?(?:{_CUE}|{_DONE_AT}){_TIME}")
# the time within 200 characters of its label (the corpora's longest gap is 55): a task of
# many labels without a time is then read once, not once per label
_LABELLED = re.compile(rf"thời\s+(?:gian|hạn)(?:\s+hoàn\s+thành)?\s*:\s*[^;)]{{0,200}}?{_TIME}")
_BARE = re.compile(rf"(?:^|\(\s*+|\*\*|\n)\s*+(?:cuối\s++)?{_TIME}\s*+[.;]?\s*+(?:\)|\*\*|$)")
# the last field of a bracket closing an item: "(Sở X chủ trì, phối hợp với Sở Y; Quý IV/2025)"
_BRACKET_END = re.compile(
    rf";\s*+(?:(?:thực\s+hiện|hoàn\s+thành)(?:\s+(?:trong|vào))?\s++)?(?:cuối\s++)?{_TIME}\s*+\)"
)  # "(Sở X chủ trì; …; thực hiện năm 2026)"
# Recurrence in running text only where it is said of the task, not as an adverb
# ("tuyên truyền thường xuyên"): in parentheses, "thực hiện thường xuyên", "định kỳ
# hằng quý", a sentence opening "Hằng tháng, báo cáo …".
# a label: "thời gian: Thường xuyên", "Thời hạn hoàn thành: hằng quý", "Tiến độ: …"
_LABEL = r"(?:thời\s+(?:gian|hạn)(?:\s+(?:hoàn\s+thành|thực\s+hiện))?|tiến\s+độ)\s*:\s*"
_P = rf"(?:\((?:[^()]*\s)?|^|[.;:,]\s*|thực\s+hiện\s+|nhiệm\s+vụ\s+|báo\s+cáo\s+|tổ\s+chức\s+|{_LABEL})"


def _every(unit: str) -> re.Pattern[str]:
    # "định kỳ hằng quý", "(hằng quý)", "Hằng tháng, báo cáo …", "… báo cáo Tỉnh ủy hằng quý."
    # "(định kỳ) trước ngày 10 tháng 12 hằng năm", "trước ngày 20 hằng tháng": a day of
    # every period, not a date
    day = r"(?:trước|vào|trong)\s+ngày\s+\d{1,2}(?:\s*/\s*\d{1,2}|\s+tháng\s+\d{1,2})?\s+"
    return re.compile(
        rf"định\s+kỳ\s+(?:(?:hằng|hàng)\s+)?{unit}(?!\s*[ivx\d])|{_P}(?:hằng|hàng|mỗi)\s+{unit}(?!\s*[ivx\d])"
        rf"|(?:hằng|hàng)\s+{unit}\s*+[.;]?\s*+$|{day}(?:hằng|hàng)\s+{unit}(?![\wđ])"
    )


_RECUR = [
    (re.compile(r"định\s+kỳ\s+(?:06|6|sáu)\s+tháng(?!\s+(?:đầu|cuối))"), "semiannual"),
    (_every("ngày"), "daily"),
    (_every("tuần"), "weekly"),
    (_every("tháng"), "monthly"),
    (re.compile(_every("quý").pattern + r"|tháng\s+cuối\s+quý"), "quarterly"),
    (_every("năm"), "yearly"),
    (
        re.compile(
            rf"(?:\((?:nhiệm\s+vụ\s+)?|^|thực\s+hiện\s+|nhiệm\s+vụ\s+|{_LABEL})thường\s+xuyên"
        ),
        "continuous",
    ),
]
_WAITS = re.compile(
    r"(?:thực\s+hiện\s+)?(?:ngay\s+)?sau\s+khi\s+(?:có|được|ban\s+hành)[^.;()]*|theo\s+tiến\s+độ[^.;()]*"
)
_TARGET = re.compile(r"(?:đến|tới|tầm\s+nhìn\s+đến|giai\s+đoạn[^.;]{0,20})\s+năm\s+\d{4}\s*$")


def _resolve(m: re.Match[str], offset: int) -> date | None:
    """The last day a matched time allows; "trước tháng 6/2026", "trước năm 2027": the day
    before the period starts (a day itself, "trước ngày 15/6/2026", is allowed)."""
    g = m.groups()[offset:]
    i = 0
    for _, n, resolve in _FORMS:
        if g[i] is not None:
            last, first = resolve(*g[i : i + n])  # type: ignore[operator]
            if first is not None and last is not None:
                before = m.string[max(0, m.start(offset + i + 1) - 40) : m.start(offset + i + 1)]
                if re.search(r"(?<![\wđ])trước\s+(?:(?:tháng|quý|năm)\s+)?$", before):
                    return first - timedelta(days=1)
            return last
        i += n
    return None


# a word every pattern of _RECUR needs ("định kỳ", "hằng", "hàng", "mỗi", "tháng cuối quý",
# "thường xuyên"): a key with none of them names no recurrence, and is not searched
_RECUR_WORDS = ("định", "hằng", "hàng", "mỗi", "cuối", "thường")
# every form of _TIME has a year: a key without four digits holds no time
_YEAR = re.compile(r"\d{4}")


def _recurrence(key: str) -> str | None:
    if not any(w in key for w in _RECUR_WORDS):
        return None
    for pattern, name in _RECUR:
        if pattern.search(key):
            return name
    return None


def find_deadline(text: str) -> Deadline:
    """The deadline of a task's text; a Deadline with ``text=None`` when it states none."""
    found = _find_deadline(text)
    own = object.__new__(Deadline)  # each caller its own: copy.copy's result, 5 times quicker
    own.__dict__.update(found.__dict__)
    return own


_FIELD_LABEL = "Thời gian: "


def deadline_of_field(value: str) -> Deadline:
    """The deadline a time field states ("Thời gian: Từ tháng 3 đến tháng 5/2026", "Thời
    hạn: Quý II và quý IV năm 2026"), its label already taken off: read as labelled, so a
    range or a list of periods counts as it does after the label.

    >>> str(deadline_of_field("Từ tháng 3 đến tháng 5/2026.").date)
    '2026-05-31'
    """
    plain = find_deadline(value)
    key = match_key(value).strip(" *")
    if plain.text is not None or (key.startswith("từ") and "đến" not in key):
        return plain  # "Từ 01/7/2025": when it starts, not by when it ends
    found = find_deadline(_FIELD_LABEL + value)
    if found.date is None or value[max(0, found.end - len(_FIELD_LABEL)) :].strip(" .;,)*\n"):
        return plain  # "Năm 2025 và các năm tiếp theo": the field says more than a time
    found.start = max(0, found.start - len(_FIELD_LABEL))
    found.end = max(0, found.end - len(_FIELD_LABEL))
    return found


@lru_cache(maxsize=4096)
def _find_deadline(text: str) -> Deadline:
    """:func:`find_deadline`, remembered by the text: the headings above a task are read
    again for each task under them (half the calls or more are repeats)."""
    key = match_key(text)
    best: tuple[int, int, date] | None = None
    year = _YEAR.search(key) is not None
    for pattern in (_LABELLED, _CUED) if year else ():
        for m in pattern.finditer(key):
            if _TARGET.search(key[: m.end()]) and "hoàn thành" not in m.group():
                continue  # "đến năm 2030" is a target, not a deadline
            when = _resolve(m, len(m.groups()) - _N_TIME_GROUPS)
            if when and (best is None or m.start() >= best[0]):
                best = (m.start(), m.end(), when)
        if best:
            break
    if best is None:
        for m in (*_BARE.finditer(key), *_BRACKET_END.finditer(key)):
            when = _resolve(m, 0)
            if when:
                best = (m.start(), m.end(), when)
    recurrence = _recurrence(key)
    waits = _WAITS.search(key) if "sau" in key or "theo" in key else None  # its two cues
    waits_on = text[waits.start() : waits.end()].strip() if waits else None
    if best:
        start, end, when = best
        phrase = text[start:end].strip(" (*\n;)")
        # widen to a following "và thực hiện thường xuyên"
        tail = re.match(
            r"\s*và\s+(?:thực\s+hiện\s+)?(?:thường\s+xuyên|hằng\s+\w+|hàng\s+\w+)", key[end:]
        )
        if tail:
            end += tail.end()
            phrase = text[start:end].strip(" (*\n;)")
        return Deadline(
            _tidy(phrase), when, recurrence is not None, recurrence, waits_on, start, end
        )
    if recurrence or waits_on:
        m = None
        for pattern, _ in _RECUR:
            m = pattern.search(key)
            if m:
                break
        if waits and (m is None or waits.start() < m.start()):
            return Deadline(
                waits_on,
                None,
                recurrence is not None,
                recurrence,
                waits_on,
                waits.start(),
                waits.end(),
            )
        assert m is not None
        phrase_start = m.start() + 1 if key[m.start()] == "(" else _phrase_start(key, m.start())
        phrase_end = _phrase_end(key, m.end())
        phrase = text[phrase_start:phrase_end].strip(" (*\n")
        return Deadline(_tidy(phrase), None, True, recurrence, waits_on, phrase_start, phrase_end)
    return Deadline(None, None, False, None, None)


def _tidy(phrase: str) -> str:
    """Drop a "thời gian:" label and balance a parenthesis cut by the clause."""
    phrase = re.sub(
        r"^(?i:thời\s+(?:gian|hạn)(?:\s+hoàn\s+thành)?\s*:\s*)", "", phrase.strip(" (*\n")
    )
    if phrase.count("(") > phrase.count(")"):
        phrase += ")"
    return phrase


def _phrase_start(key: str, pos: int) -> int:
    """Back to the start of the clause holding a recurrence word."""
    cut = max(key.rfind(c, 0, pos) for c in "(;.,:")
    return cut + 1 if cut >= 0 else 0


def _phrase_end(key: str, pos: int) -> int:
    ends = [i for i in (key.find(c, pos) for c in ");.,") if i >= 0]
    return min(ends) if ends else len(key)


# "trước ngày 15/10", "chậm nhất ngày 30/9", "trước 30/6", "xong trước ngày 15 tháng 10": a
# day and a month, no year (a notice's dates in the year it is issued)
_YEARLESS = re.compile(
    r"(?:trước|chậm nhất(?: là)?|hoàn thành(?: trong)?|xong|đến|muộn nhất)\s++(?:ngày\s++)?"
    r"(?P<d>\d{1,2})(?:\s*+[/-]\s*+|\s++tháng\s++)(?P<m>\d{1,2})(?![\d/]|\s*+(?:năm|/)\s*+\d)"
)
_EVERY_YEAR = re.compile(r"hằng năm|hàng năm|định kỳ|mỗi năm|các năm")
# "hoàn thành trong tháng 6", "xong trước tháng 9", "trong quý III": a month or a quarter with
# no year (a notice's months in the year it is issued); "trong 6 tháng" is a span, no month
_YEARLESS_PERIOD = re.compile(
    r"(?P<cue>trong|trước|chậm nhất(?: là)?(?: trong)?|ngay trong)\s++"
    r"(?:(?:tháng\s++(?P<m>\d{1,2}))|(?:quý\s++(?P<q>iv|i{1,3}|[1-4])))"
    r"(?![\w/]|\s*+(?:năm|/|-)\s*+\d)"
)
_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def yearless_deadline(text: str, issued: date) -> Deadline | None:
    """A deadline written as a day and a month ("trước ngày 15/10"), in the year the
    document was issued, or the next when that day has passed by the issue date; None when
    the text gives none so, or the day comes every year ("trước ngày 15/12 hằng năm").

    >>> str(yearless_deadline("Hoàn thành bàn giao mặt bằng trước ngày 15/10.", date(2025, 7, 20)).date)
    '2025-10-15'
    >>> str(yearless_deadline("Báo cáo trước ngày 15/01.", date(2025, 12, 20)).date)
    '2026-01-15'
    """
    key = match_key(text)
    if _EVERY_YEAR.search(key):
        return None
    m = _YEARLESS.search(key)
    if not m:
        return _yearless_period(text, key, issued)
    day, month = int(m.group("d")), int(m.group("m"))
    when = _day(issued.year, month, day)
    if when is None:
        return None
    if when < issued:
        when = _day(issued.year + 1, month, day)
        if when is None:
            return None
    return Deadline(text[m.start() : m.end()], when, False, None, None, m.start(), m.end())


def _yearless_period(text: str, key: str, issued: date) -> Deadline | None:
    """ "trong tháng 6" → the month's last day, "trước tháng 6" → the last day before it,
    "trong quý III" → the quarter's last day, in the year of issue (the next when that day
    has passed by the issue date).

    >>> str(_yearless_period("x", "hoàn thành trong tháng 6.", date(2025, 3, 5)).date)
    '2025-06-30'
    >>> str(_yearless_period("x", "xong trước tháng 3.", date(2025, 11, 5)).date)
    '2026-02-28'
    >>> _yearless_period("x", "triển khai trong 6 tháng đầu năm.", date(2025, 3, 5)) is None
    True
    """
    m = _YEARLESS_PERIOD.search(key)
    if not m:
        return None
    month = int(m.group("m")) if m.group("m") else 3 * _QUARTERS[m.group("q")]
    if not 1 <= month <= 12:
        return None
    before = m.group("cue") == "trước"

    def last_day(year: int) -> date | None:
        if before:  # the day before the month (or quarter) begins
            first = month if m.group("m") else month - 2
            return date(year, first, 1) - timedelta(days=1)
        return _month_end(year, month)

    when = last_day(issued.year)
    if when is not None and when < issued:
        when = last_day(issued.year + 1)
    if when is None:
        return None
    return Deadline(text[m.start() : m.end()], when, False, None, None, m.start(), m.end())
