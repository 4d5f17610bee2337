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
from datetime import date

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
_D = r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})"
_D_WORDS = r"(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})"
_M = r"tháng\s+(\d{1,2})\s*(?:/|\s+năm\s+)\s*(\d{4})"
_Q = r"quý\s+(i{1,3}|iv|[1-4])\s*(?:/|\s+năm\s+)\s*(\d{4})"
_H = r"(6|sáu)\s+tháng\s+(đầu|cuối)\s+năm\s+(\d{4})"
_Y = r"năm\s+(\d{4})"
_CUE = (
    r"(?:(?:hoàn\s+thành|xong|thực\s+hiện|tổ\s+chức|báo\s+cáo|trình|ban\s+hành)"
    r"(?:\s+[^\s,;.()]+){0,6}?\s+)?"
    r"(?:trong|trước|chậm\s+nhất(?:\s+là)?|đến\s+hết|trong\s+thời\s+gian)\s+(?:ngày\s+)?"
)
_TIME = rf"(?:{_D}|{_D_WORDS}|{_M}|{_Q}|{_H}|{_Y})"
_CUED = re.compile(rf"(?:thời\s+(?:gian|hạn)\s*:\s*)?{_CUE}{_TIME}")
# the time within 200 characters of its label (the corpora's longest gap is 55): a task of
# many labels without a time is then read once, not once per label
_LABELLED = re.compile(rf"thời\s+(?:gian|hạn)(?:\s+hoàn\s+thành)?\s*:\s*[^;)]{{0,200}}?{_TIME}")
_BARE = re.compile(rf"(?:^|\(\s*+|\*\*|\n)\s*+{_TIME}\s*+[.;]?\s*+(?:\)|\*\*|$)")
# Recurrence in running text only where it is said of the task, not as an adverb
# ("tuyên truyền thường xuyên"): in parentheses, "thực hiện thường xuyên", "định kỳ
# hằng quý", a sentence opening "Hằng tháng, báo cáo …".
# a label: "thời gian: Thường xuyên", "Thời hạn hoàn thành: hằng quý", "Tiến độ: …"
_LABEL = r"(?:thời\s+(?:gian|hạn)(?:\s+(?:hoàn\s+thành|thực\s+hiện))?|tiến\s+độ)\s*:\s*"
_P = rf"(?:\((?:[^()]*\s)?|^|[.;:,]\s*|thực\s+hiện\s+|nhiệm\s+vụ\s+|báo\s+cáo\s+|tổ\s+chức\s+|{_LABEL})"


def _every(unit: str) -> re.Pattern[str]:
    return re.compile(
        rf"định\s+kỳ\s+(?:(?:hằng|hàng)\s+)?{unit}(?!\s*[ivx\d])|{_P}(?:hằng|hàng|mỗi)\s+{unit}(?!\s*[ivx\d])"
    )


_RECUR = [
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
    g = m.groups()[offset:]
    if g[0] is not None:  # dd/mm/yyyy
        return _day(int(g[2]), int(g[1]), int(g[0]))
    if g[3] is not None:  # d tháng m năm y
        return _day(int(g[5]), int(g[4]), int(g[3]))
    if g[6] is not None:  # tháng m/yyyy
        return _month_end(int(g[7]), int(g[6]))
    if g[8] is not None:  # quý
        q = _ROMAN_Q.get(g[8])
        return _month_end(int(g[9]), q * 3) if q else None
    if g[10] is not None:  # 6 tháng đầu/cuối năm
        return _month_end(int(g[12]), 6 if g[11] == "đầu" else 12)
    if g[13] is not None:  # năm yyyy
        return _month_end(int(g[13]), 12)
    return None


def _recurrence(key: str) -> str | None:
    for pattern, name in _RECUR:
        if pattern.search(key):
            return name
    return None


def find_deadline(text: str) -> Deadline:
    """The deadline of a task's text; a Deadline with ``text=None`` when it states none."""
    key = match_key(text)
    best: tuple[int, int, date] | None = None
    for pattern in (_LABELLED, _CUED):
        for m in pattern.finditer(key):
            if _TARGET.search(key[: m.end()]) and "hoàn thành" not in m.group():
                continue  # "đến năm 2030" is a target, not a deadline
            when = _resolve(m, len(m.groups()) - 14)
            if when and (best is None or m.start() >= best[0]):
                best = (m.start(), m.end(), when)
        if best:
            break
    if best is None:
        for m in _BARE.finditer(key):
            when = _resolve(m, 0)
            if when:
                best = (m.start(), m.end(), when)
    recurrence = _recurrence(key)
    waits = _WAITS.search(key)
    waits_on = text[waits.start() : waits.end()].strip() if waits else None
    if best:
        start, end, when = best
        phrase = text[start:end].strip(" (*\n")
        # widen to a following "và thực hiện thường xuyên"
        tail = re.match(
            r"\s*và\s+(?:thực\s+hiện\s+)?(?:thường\s+xuyên|hằng\s+\w+|hàng\s+\w+)", key[end:]
        )
        if tail:
            end += tail.end()
            phrase = text[start:end].strip(" (*\n")
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
