"""References to other documents, with the relation the cue around them gives.

A cue opens a sentence and governs the documents it names:

* ``Căn cứ …`` (a line of the legal basis, wherever it stands, wrapped or marked up): each
  document on the line is *based on*;
* ``Thực hiện …``, ``Triển khai (thực hiện) …``, ``Để (tiếp tục) triển khai …``, ``Nhằm cụ thể
  hóa …``, ``Thực hiện chỉ đạo của … tại …`` where the document speaks for itself (its title, its
  preamble, its purpose section, the opening sentence of a letter or of an attached plan):
  *implements*. In a task the same words describe work, and the document is only cited;
* ``thay thế``/``bãi bỏ`` of a whole document and ``… hết hiệu lực`` declared by this document
  (``Quyết định này … thay thế …``, ``Thay thế Quyết định số …``, ``Các Quyết định sau đây hết
  hiệu lực …:``): *supersedes*; ``sửa đổi, bổ sung`` made by this document (its title, an
  article, ``… như sau:``), or the repeal of a part: *amends*;
* everything else (``Xét đề nghị``, ``Theo đề nghị … tại Tờ trình số``, footnotes, a task that
  names a document, ``sửa đổi`` or ``thay thế`` that describes another document): *cites*.

A cue governs a list: ``Thực hiện A; B, C và D`` gives each of A, B, C, D the cue's relation.
A document named inside another reference's description (``Kế hoạch số X … về thực hiện
Nghị quyết số Y``, ``Nghị định X sửa đổi, bổ sung Nghị định Y``) is only cited, and recorded as
a link (``X implements Y``); ``Y được sửa đổi, bổ sung bởi Z`` names Z alongside Y.

An item of a purpose section (``1. Mục đích`` / ``- Triển khai thực hiện Kế hoạch số …``) is
weaker than the preamble: it implements what it names only when the document names nothing it
implements elsewhere, or when the item also names a document the preamble implements;
otherwise it restates work and only cites.

One reference per document, carrying its strongest relation. Each paragraph is read on its own;
a :class:`ReferenceContext` passed along the paragraphs of one document, in order, also carries a
cue over a list (``Căn cứ các văn bản sau:`` and the lines below it) and knows when a purpose
section (``Mục đích``) is being read.

>>> from policy_lineage.loaders.layout import layout
>>> from policy_lineage.loaders.agencies import default_table
>>> p = layout("Thực hiện Kế hoạch số 14-KH/TU của Tỉnh ủy về thực hiện Nghị quyết số 57-NQ/TW; "
...            "Công văn số 12/UBND-VX, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:").paragraphs[0]
>>> [(m.number.format(), m.relation) for m in mentions_in(p, True, default_table(), None, None)]
[('14-KH/TU', 'implements'), ('57-NQ/TW', 'cites'), ('12/UBND-VX', 'implements')]
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date
from itertools import accumulate

from ..schema.model import RELATION_STRENGTH, Evidence, Reference
from .agencies import AgencyTable
from .layout import Paragraph
from .numbers import DocNumber, default_issuer, find_numbers, local_issuer_name
from .rules import Rules, derived, spaced_type
from .textnorm import collapse, fold, match_key

# --------------------------------------------------------------------------- vocabulary
# The words are data (loaders/data/rules.json: the cue phrases; doc_types.json: the type
# words), folded (lower case, one tone style) and matched with any run of spaces between
# their words. _Vocab compiles the patterns of one Rules once (rules.derived).

_NB = r"(?<![\wđ])"  # no word character before
_NA = r"(?![\wđ])"  # no word character after
_DATE_AFTER = re.compile(
    r"^\s*+,?\s*+(?:ban\s+hành\s++)?(?:ngày\s*+)?(?:(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})|"
    r"(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4}))"
)
_OF = re.compile(r"^\s*+,?\s*+của\s+")
_PAREN_NUMBER = re.compile(r"\(\s*+(?:số\s*+:?\s*+)?$")
_BARE_NUMBER = re.compile(_NB + r"số\s*+:?\s*+$")


def _alt(phrases) -> str:
    """An alternation of phrases, longest first, with any run of spaces between words."""
    return "(?:" + Rules.alternation(phrases) + ")"


class _Vocab:
    """The patterns references are read with, built from one :class:`Rules`."""

    def __init__(self, rules: Rules) -> None:
        # type words that name a document in running text: not the everyday nouns ("dự án");
        # "văn bản" names one of any type; "luật" but not the one of "pháp luật"
        self.type_words = rules.types(prose=False, generic=True)
        tw = self.TYPE_WORDS = "(?:" + rules.type_alternation(prose=False, generic=True) + ")"
        tails = _alt(rules.type_tails())
        self.TYPE_AT = re.compile(_NB + tw + _NA)
        # "… (Thông báo số", "… (số", "… (": a bracket opened for the number of what is
        # named before it
        self.BRACKET_OPEN = re.compile(r"\(\s*+(?:" + tw + r")?(?:\s*+số\s*+:?)?\s*+$")
        self.TYPE_BEFORE = re.compile(tw + r"(?:\s+[^\s,;()]+){0,3}?\s+(?:số\s*:?\s*)?$")
        self.COORD = re.compile(
            r"^[\s,;]*+(?:và\s++)?(?:các\s++)?"
            + r"(?:"
            + tw
            + r"(?:\s+"
            + tails
            + r")?)?\s*+(?:số\s*+:?)?\s*+$"
        )
        implement = _alt(rules.implement_cues)
        amend, supersede = _alt(rules.amend_cues), _alt(rules.supersede_cues)
        self.CUE = re.compile(
            r"(?P<purpose>" + _alt(rules.purpose_words) + r"(?:\s+[^\s,;:()]++){0,3}?\s+)?"
            r"(?P<prefix>" + _alt(rules.cue_prefixes) + r"\s+)?(?:(?P<implements>" + implement + ")"
            r"|(?P<based_on>" + _alt(rules.basis_cues) + ")"
            r"|(?P<supersedes>" + supersede + ")"
            r"|(?P<amends>" + amend + "))" + _NA
        )
        self.ANY_IMPLEMENT = re.compile(_NB + implement + _NA)
        # "… thay thế Nghị quyết số A … và bãi bỏ Nghị quyết số B": a second act, a clause
        self.ACT_AFTER_AND = re.compile(
            r"\s++và\s++(?=(?:" + supersede + "|" + amend + ")" + _NA + ")"
        )
        # "Ban hành Kế hoạch triển khai thực hiện …", "V/v triển khai …": a title's head
        # before its cue
        self.subject_heads = rules.subject_heads
        self.SUBJECT_HEAD = re.compile(_alt(rules.subject_heads) + r"\s*+")
        # a letterhead's cell read whole: "TỈNH ỦY … Số: 12-CV/TU V/v triển khai …"
        self.SUBJECT_IN_CELL = re.compile(
            _NB + r"số" + _NA + r"[^\t]{0,60}?\s(?=" + _alt(rules.subject_heads) + r"\s)"
        )
        issued = _alt(w for w, name in rules.types() if name in rules.issued_types)
        verbs = _alt((*rules.issue_verbs, *rules.drafting_verbs))
        self.OPENER = re.compile(r"(?:[^,;()]{0,60}?" + _NB + verbs + r"\s+" + issued + r"\s++)?")
        self.MARKER = re.compile(
            r"^[\s*_]*+(?:(?P<dash>[-–—+•])|(?P<letter>\(?[a-zđ]\)|[a-hj-uwyzđ]\.(?=\s))"  # "a) …", "a. …" (not Roman "I.")
            r"|(?P<num>\(?\d{1,2}(?:\.\d{1,2}){0,3}[.)])"
            r"|(?P<roman>[ivx]{1,5}[.)])|(?P<article>điều\s+\d{1,3}[a-zđ]?\s*[.:]))?[\s*_]*+"
            r"(?:" + _alt(rules.note_labels) + r"\s*+:[\s*_]*+)?"
        )
        self.SELF = re.compile(_NB + tw + r"\s+này" + _NA)
        self.SELF_NEXT = re.compile(r"[\s*_]*+" + tw + r"\s+này" + _NA)
        # "… kể từ ngày Quyết định này có hiệu lực (thi hành)": the formula of an effect clause
        self.SELF_IN_FORCE = re.compile(_NB + tw + r"\s+này\s+có\s+hiệu\s+lực" + _NA)
        self.SELF_ACTS = re.compile(
            _NB + tw + r"\s+này" + _NA + r"[^.;:]{0,200}?" + _NB
            + r"(?:(?P<supersedes>" + supersede + r")|(?P<amends>" + amend + r"))" + _NA
        )  # fmt: skip
        # the issuer's words first: "Ủy ban nhân dân tỉnh ban hành Kế hoạch này thay thế …"
        self.ISSUES_THIS = re.compile(
            r"[^.;:]{0,120}?" + _NB + _alt(rules.issue_verbs).replace(r"\s+", r"\s++") + r"\s++"
        )
        self.EXPIRY = re.compile(_NB + _alt(rules.expiry_cues) + _NA)
        # "… Công văn số X được sửa đổi, bổ sung theo Công văn này", "… bị bãi bỏ": the act
        # written after the documents it acts on
        self.PASSIVE_ACT = re.compile(
            _NB + r"(?:được|bị)\s++(?:(?P<supersedes>" + supersede + r")|(?P<amends>" + amend
            + r"))" + _NA
        )  # fmt: skip
        self.PART = re.compile(_NB + _alt(rules.part_words) + _NA)
        # "thực hiện một số điều của Quy định …", "thi hành Điều 5 của Luật …": a part of it
        self.PART_OF = re.compile(
            r"\s*+" + _alt(rules.part_words) + r"(?:\s++[^\s,;:()]++){0,4}?\s++của\s*+$"
        )
        # a paragraph that is only a type heading: "KẾ HOẠCH", "CHƯƠNG TRÌNH HÀNH ĐỘNG"
        self.TYPE_OPENER = re.compile(r"(?:" + tw + r"\s++)?")
        self.TYPE_HEADING = re.compile(r"^[\s*_]*+" + tw + r"[\s*_:]*+$")
        self.rules = rules
        self.TYPE_HEAD = re.compile(tw + r"\s*+$")  # "HƯỚNG DẪN THỰC HIỆN …"
        self.REPORTING_BEFORE = re.compile(_NB + _alt(rules.reporting_words) + r"\s*+$")
        self.DESCRIPTION = re.compile(_NB + _alt(rules.description_words) + _NA)
        self.COORD_END = re.compile(
            r"(?:[,:(]|" + _NB + _alt(rules.coordinators) + r")\s*+(?:các\s++)?$"
        )
        directive = (
            r"(?:các\s+)?"
            + _alt(rules.directive_nouns)
            + r"(?:\s+của\s+[^;()]{1,160}?)?\s+(?:tại|theo)\s*+$"
        )
        self.DIRECTIVE_LEAD = re.compile(r"^[\s,]*+(?:và\s++)?" + directive)
        self.DIRECTIVE_COORD = re.compile(r"(?:[,:]|" + _NB + r"và)\s*+" + directive)
        self.AMENDED_BY = re.compile(
            r"được\s+" + amend + r"(?:\s+một\s+số\s+điều)?(?:\s+(?:bởi|theo|tại))?\s*+$"
        )
        self.INTRODUCER = re.compile(
            _NB + "(?:" + implement + "|" + amend + "|" + supersede + ")" + _NA
        )
        self.LINK_CUES = (
            ("implements", re.compile(_NB + implement + _NA)),
            ("amends", re.compile(r"(?<!được\s)" + _NB + amend + _NA)),
            ("supersedes", re.compile(_NB + supersede + _NA)),
            ("based_on", re.compile(_NB + _alt(rules.basis_cues) + _NA)),
        )
        self.OWN_ACT = re.compile(r",\s*+(?:[^\s,;:]++\s++){1,12}?" + _alt(rules.own_acts) + _NA)
        # "Luật sửa đổi, bổ sung một số điều của Luật X số …": the number is the amending law's
        law = _alt(w for w, name in rules.types() if name == "Luật")
        self.AMENDING_LAW = re.compile(
            _NB + law + r"\s+" + amend + r"(?:\s+một\s+số\s+điều)?(?:\s+của)?(?:\s+các)?\s+$"
        )
        # a line that stops before its document's number: "Căn cứ Nghị định số"
        self.DANGLING = re.compile(_NB + "(?:" + tw + r"(?:\s+số)?|số)\s*+:?$")
        self.PURPOSE = re.compile(r"^" + _alt(rules.purpose_headings) + _NA)
        # "các văn bản sau:", "Các Quyết định sau đây …:": a line that announces a list
        self.LIST_INTRO = re.compile(_NB + tw + r"[^:;]{0,60}?" + _NB + r"sau" + _NA)
        self.UNNUMBERED = tuple(
            (re.compile(pattern), name) for pattern, name in rules.unnumbered_references
        )

    def type_name(self, word: str) -> str | None:
        w = " ".join(fold(word).split())
        for prefix, name in self.type_words:
            if w.startswith(prefix):
                return name
        return None


def _vocab(rules: Rules | None) -> _Vocab:
    return derived(rules, _Vocab)


_DEFAULT = _vocab(None)
#: The bundled type words as one alternation, and the list pattern built from it (kept by
#: name for tests/robustness/fuzzcases.py).
_TYPE_WORDS = _DEFAULT.TYPE_WORDS
_COORD = _DEFAULT.COORD


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
    typed: bool = False  # a type word names it ("Kế hoạch số …"), not a bare "số …"
    np_start: int = 0  # where the phrase naming it starts
    parent: Mention | None = None  # the reference whose description names it
    weak: bool = False  # implements only through an item of a purpose section (see merge)


@dataclass
class _Cue:
    relation: str
    text: str  # as printed, for the evidence
    end: int  # where its object starts
    always: bool = False  # the first document after it is governed whatever stands between
    stop: int | None = None  # it governs only documents before this offset
    weak: bool = False  # see _resolve_weak
    carried: bool = False  # carried over from a line ending in ":"


@dataclass
class ReferenceContext:
    """What one paragraph tells the next ones; pass one object along a document, in order."""

    pending: _Cue | None = None  # the cue of a line ending in ":" that opens a list
    pending_marker: str | None = None  # the marker kind of that line ("" when unmarked)
    item_marker: str | None = None  # the marker kind of the items below it
    dangling: bool = False  # the line broke before its document: "Căn cứ Nghị định số"
    purpose: bool = False  # inside a "Mục đích" section
    after_heading: bool = False  # the paragraph before was a type heading ("KẾ HOẠCH")


# --------------------------------------------------------------------------- structure


_PARENS = re.compile(r"[()]")
_STOPS = re.compile(r"[;.!?:]")


def _depths(key: str) -> list[int]:
    """Parenthesis depth at each offset; a "(" never closed (or ")" never opened) counts not."""
    delta = [0] * (len(key) + 1)
    if "(" not in key:
        return delta  # no depth anywhere
    stack: list[int] = []
    for m in _PARENS.finditer(key):  # only the brackets, not every character
        i = m.start()
        if key[i] == "(":
            stack.append(i)
        elif stack:
            a = stack.pop()
            delta[a] += 1
            delta[i + 1] -= 1
    return list(accumulate(delta))


def _split(
    key: str,
    text: str,
    depth: list[int],
    start: int,
    acts: re.Pattern[str] | None = None,
    selves: re.Pattern[str] | None = None,
) -> list[list[tuple[int, int]]]:
    """Sentences of ``key[start:]``, each a list of its ``;``-separated clauses (``acts``:
    where "và" opens a second act of the document, also a clause; ``selves``: the document
    naming itself after a colon, "…: Thông báo này sửa đổi …", also a clause)."""
    sentences: list[list[tuple[int, int]]] = []
    clauses: list[tuple[int, int]] = []
    a = start
    n = len(key)
    joins = {m.start(): m.end() for m in acts.finditer(key, start)} if acts is not None else {}
    stops = sorted(
        [(m.start(), key[m.start()]) for m in _STOPS.finditer(key, start)]
        + [(j, "&") for j in joins]
    )
    for i, c in stops:  # only the stops, not every character
        if depth[i]:
            continue
        if c == "&":  # "… và bãi bỏ …": the next clause opens at its cue
            clauses.append((a, i))
            a = joins[i]
        elif c == ";":
            clauses.append((a, i))
            a = i + 1
        elif c == ":":
            # "…: Thông báo này sửa đổi, bổ sung …": a clause of its own, which may open
            # with its own act
            if selves is not None and selves.match(key, i + 1):
                clauses.append((a, i))
                a = i + 1
        elif c in ".!?" and i + 2 < n and key[i + 1].isspace():
            j = i + 1
            while j < n and key[j].isspace():
                j += 1
            if j < n and text[j].isupper() and not _abbreviation(text, i):
                clauses.append((a, i))
                sentences.append(clauses)
                clauses = []
                a = j
    clauses.append((a, n))
    sentences.append(clauses)
    return sentences


def _abbreviation(text: str, dot: int) -> bool:
    """ "TP. Hồ Chí Minh": a short word in capitals before the dot."""
    word = re.search(r"[^\s(]{1,3}$", text[max(0, dot - 4) : dot])
    return bool(word) and any(c.isupper() for c in word.group()) and word.group().isalpha()


# what the document is for, said before the cue of its opening sentence
_PURPOSE_FIRST = re.compile(r"(?:để|nhằm)\s[^,;:.()]{3,160}?,\s*+")


def _cue_at(v: _Vocab, key: str, text: str, pos: int, end: int, title: bool = False) -> _Cue | None:
    """A cue opening ``key[pos:end]`` (a title's head may stand before it)."""
    while pos < end and (key[pos].isspace() or key[pos] in "\"'“”‘’*_(["):
        pos += 1
    head = v.SUBJECT_HEAD.match(key, pos, end)  # "V/v …", "Về việc …"
    if head:
        pos = head.end()
    purpose = _PURPOSE_FIRST.match(key, pos, end)  # "Để chấn chỉnh tình trạng trên, thực hiện …"
    if purpose and (then := v.CUE.match(key, purpose.end(), end)) and then.group("implements"):
        pos = purpose.end()
    m = v.CUE.match(key, pos, end)
    if m is None:
        after = v.OPENER.match(key, pos, end).end()  # "Ban hành Kế hoạch triển khai thực hiện …"
        if title and not after > pos:
            after = v.TYPE_OPENER.match(key, pos, end).end()  # "KẾ HOẠCH TRIỂN KHAI THỰC HIỆN …"
            spaced = spaced_type(v.rules, key[:end], pos) if not after > pos else None
            if spaced is not None:  # "K Ế H O Ạ C H thực …": the letters spaced out
                after = spaced[1]
        if after > pos:
            m = v.CUE.match(key, after, end)
            if m and not m.group("implements"):
                m = None
    if m is None and title:
        # a title with the cue inside: "CHƯƠNG TRÌNH HÀNH ĐỘNG … THỰC HIỆN NGHỊ QUYẾT SỐ …"
        for c in v.ANY_IMPLEMENT.finditer(key, pos, end):
            if v.TYPE_HEAD.match(key, pos, c.start()) or not v.REPORTING_BEFORE.search(
                key, pos, c.start()
            ):
                return _Cue("implements", text[c.start() : c.end()], c.end())
            break
        return None
    if m is None:
        return None
    relation = next(k for k in ("implements", "based_on", "supersedes", "amends") if m.group(k))
    if m.group("purpose") and (
        relation != "implements" or v.REPORTING_BEFORE.search(key, m.start(), m.start(relation))
    ):
        return None  # "Để chuẩn bị tổng kết việc thực hiện …": not carrying it out
    word = m.start(relation)
    return _Cue(relation, text[word : m.end()], m.end(), always=relation != "implements")


def _own_np(v: _Vocab, key: str, depth: list[int], lo: int, m: Mention) -> tuple[int, bool]:
    """Where the phrase naming ``m`` starts, and whether a type word names it."""
    hi = m.start
    target = depth[hi]
    paren = _PAREN_NUMBER.search(key, max(lo, hi - 12), hi)
    limit = 14
    if paren and depth[hi] > 0:
        # "các Nghị định … (Số 37/2019/NĐ-CP …)": the number names the phrase before
        hi, target, limit = paren.start(), depth[hi] - 1, 40
    hits = [t for t in v.TYPE_AT.finditer(key, max(lo, hi - 240), hi) if depth[t.start()] == target]
    hits = [t for t in hits if len(key[t.end() : hi].split()) <= limit]
    if hits:
        # the type word of the number's own type ("NĐ": Nghị định), else the nearest
        own = m.number.doc_type if m.number is not None else None
        same = [t for t in hits if own is not None and v.type_name(t.group()) == own]
        at = (same or hits)[-1].start()
        # "Luật sửa đổi, bổ sung một số điều của Luật X số …": the number is the amending law's
        outer = v.AMENDING_LAW.search(key, max(lo, at - 80), at)
        return (outer.start() if outer else at), True
    bare = _BARE_NUMBER.search(key, max(lo, m.start - 10), m.start)
    return (bare.start() if bare else m.start), False


def _inside_unnumbered(v: _Vocab, lead: str) -> bool:
    """``Kế hoạch của Ủy ban nhân dân tỉnh về thực hiện`` before a document: it is named inside
    a reference without a number."""
    last = None
    for hit in v.TYPE_AT.finditer(lead):
        last = hit
    if last is None:
        return False
    rest = lead[last.end() :]
    return bool(v.INTRODUCER.search(rest)) and not v.COORD_END.search(rest)


# a document number in folded text ("04-tb/bcđtw", "57-nq/tw", "15/2022/nđ-cp"), not a date
_A_NUMBER = re.compile(r"\d[\d.]*+(?:/\d++)*+[/-][a-zđ]")


def _governs_first(v: _Vocab, cue: _Cue, lead: str) -> bool:
    """Does the cue govern the first document after it, ``lead`` standing between?"""
    bracket = v.BRACKET_OPEN.search(lead)
    if bracket and "(" not in lead[: bracket.start()] and ";" not in lead:
        # "Thực hiện Kết luận của đồng chí … tại Phiên họp … (Thông báo số 15-TB/BCĐTW)": the
        # document the cue names, described first, its number in brackets
        first = v.TYPE_AT.search(lead)
        if (
            first
            and not lead[: first.start()].strip()
            and not v.TYPE_AT.search(lead, first.end(), bracket.start())  # the only one named
            and len(lead.split()) <= 60
        ):
            return True
    if _inside_unnumbered(v, lead):
        return False
    if cue.always or v.DIRECTIVE_LEAD.search(lead) or v.PART_OF.fullmatch(lead):
        return True
    typed = v.TYPE_AT.search(lead)
    if typed and not v.COORD_END.search(lead):
        return False
    if (
        typed
        and not lead[: typed.start()].strip()
        and not v.TYPE_AT.search(lead, typed.end())
        and ";" not in lead
        and not _A_NUMBER.search(lead)  # named without a number
        and len(lead.split()) <= 40
    ):
        # "Thực hiện Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh khóa XVIII, nhiệm kỳ
        # 2025 - 2030 và Kế hoạch số 02-KH/BCĐTW …": a document named without a number,
        # then "và" the first numbered one: one list, the cue's
        return True
    return len(lead.split()) <= 12 and not v.DESCRIPTION.search(lead)


def _opens_with_document(v: _Vocab, key: str, start: int, m: Mention) -> bool:
    """The clause from ``start`` opens with a document: a type word or "số" in its first words,
    or a directive that names one (``và chỉ đạo của … tại Công văn số …``)."""
    first = v.TYPE_AT.search(key, start, m.start + 1)
    at = first.start() if first else m.np_start
    lead = key[start:at]
    return len(lead.split()) <= 3 or bool(v.DIRECTIVE_LEAD.match(lead))


# what joins a document to the list a cue governs rather than to the described document
# before it: a comma before "và", or "và chỉ đạo của Thủ tướng Chính phủ tại"
_BACK_TO_THE_LIST = re.compile(
    r",\s*+và\s*+$|(?<![\wđ])và\s++(?:ý\s++kiến\s++)?chỉ\s++đạo\s++của\s[^;()]{1,160}?\s(?:tại|theo)\s*+$"
)


def _root(m: Mention) -> Mention:
    """The document of the list whose description names ``m`` (``m`` when none does)."""
    while m.parent is not None:
        m = m.parent
    return m


def _coordinated(v: _Vocab, lead: str) -> bool:
    """``lead`` joins two documents of one list: ``, ``, `` và ``, ``… được sửa đổi, bổ sung
    bởi``, ``và hướng dẫn của Bộ Nội vụ tại``."""
    lead = lead[-240:]
    return bool(
        v.COORD_END.search(lead) or v.AMENDED_BY.search(lead) or v.DIRECTIVE_COORD.search(lead)
    )


def _link(v: _Vocab, parent: Mention, m: Mention, lead: str) -> None:
    """``parent``'s description names ``m``: record how (``X implements Y``)."""
    if m.number is None or parent.number is None or m.number.key() == parent.number.key():
        return
    tail = lead[-160:]
    found = None
    for relation, pattern in v.LINK_CUES:
        for hit in pattern.finditer(tail):
            if found is None or hit.start() > found[1]:
                found = (relation, hit.start())
    if found is None:
        return
    relation, at = found
    if relation == "implements" and re.search(_NB + r"tại" + _NA, tail[at:]):
        return  # "… thực hiện nhiệm vụ tại Công văn …": a detail, not what it carries out
    _add_link(parent, relation, m)


def _add_link(parent: Mention, relation: str, m: Mention) -> None:
    if m.number is None:
        return
    link = (relation, m.number.format())
    if link not in parent.links:
        parent.links.append(link)


def _walk(
    v: _Vocab,
    mentions: list[Mention],
    key: str,
    depth: list[int],
    start: int,
    cue: _Cue | None,
    continuation: bool = False,
    continuing: Mention | None = None,
) -> list[tuple[Mention, bool]]:
    """(mention, governed by ``cue``) for the mentions of one clause, left to right.

    ``start``: where the clause's text (or the cue's object) starts. ``continuation``: the
    clause carries on the list of an earlier clause, whose last document was ``continuing``.
    """
    out: list[tuple[Mention, bool]] = []
    seen: dict[str, bool] = {}
    last_at: dict[int, tuple[Mention, bool]] = {}  # the last document at each parenthesis depth
    bare_at: dict[int, tuple[Mention, bool]] = {}  # … of those named by a bare "số …"
    prev: Mention | None = None
    for m in mentions:
        lo = prev.tail if prev is not None else start
        m.np_start, m.typed = _own_np(v, key, depth, lo, m)
        level = depth[m.np_start]
        for d in [d for d in last_at if d > level]:
            del last_at[d]
            bare_at.pop(d, None)
        k = m.number.key() if m.number is not None else None
        at = last_at.get(level)
        if k is not None and k in seen:
            governed = seen[k]  # a short name or a repeat: the same document
            if (
                not governed
                and cue is not None
                and cue.relation in ("amends", "supersedes")
                and cue.end <= m.start
                and _governs_first(v, cue, key[cue.end : m.np_start])
            ):  # "… tại Thông báo số 215 …: Thông báo này sửa đổi, bổ sung … Thông báo số 215"
                governed = True
        elif prev is None:
            lead = key[start : m.np_start]
            governed = cue is not None and _governs_first(v, cue, lead)
            if continuation:
                parent = continuing.parent if continuing is not None else None
                opens = _opens_with_document(v, key, start, m)
                if opens and parent is not None and m.doc_type == continuing.doc_type:
                    # "… về thực hiện Thông báo A; Thông báo B": B goes on A's list
                    governed = False
                    m.parent = parent
                    for relation, target in list(parent.links):
                        if target == continuing.number.format():
                            _add_link(parent, relation, m)
                elif not opens:
                    governed = False  # "…; đồng thời, trên cơ sở … Quyết định số …": not the list
        elif at is None:
            governed = False  # inside a parenthesis after a document: a detail of it
            m.parent = prev
            _link(v, prev, m, key[prev.tail : m.np_start])
        else:
            ref, ref_governed = at
            if not m.typed and level in bare_at:
                ref, ref_governed = bare_at[level]  # "số A, số B … và số C": one list
            lead = key[ref.tail : m.np_start]
            root = _root(ref)
            if (
                _coordinated(v, lead)
                and root is not ref
                and root.number is not None
                and root.number.key() in seen
                and _BACK_TO_THE_LIST.search(lead[-240:])
            ):
                # "Triển khai Kế hoạch A thực hiện Nghị quyết B về …, và Quyết định C": after
                # a described document, ", và" (or "và chỉ đạo của … tại") goes back to the
                # list the cue governs
                governed = seen[root.number.key()]
            elif _coordinated(v, lead):
                governed = ref_governed
                m.parent = ref.parent
                if m.parent is not None and ref.number is not None:
                    # "X thực hiện A và B": X's link to A holds for B too
                    for relation, target in list(m.parent.links):
                        if target == ref.number.format():
                            _add_link(m.parent, relation, m)
            else:
                governed = False
                m.parent = ref
                _link(v, ref, m, lead)
        if cue is not None and cue.stop is not None and m.start >= cue.stop:
            governed = False
        if k is not None:
            seen.setdefault(k, governed)
        out.append((m, governed))
        prev = m
        for d in {level, depth[m.start]}:
            last_at[d] = (m, governed)
            if not m.typed:
                bare_at[d] = (m, governed)
    return out


# --------------------------------------------------------------------------- mentions


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


def _marker(v: _Vocab, key: str) -> tuple[str, int]:
    """The kind of list marker opening a paragraph ("" for none) and where its text starts."""
    m = v.MARKER.match(key)
    kind = next((k for k in ("dash", "letter", "num", "roman", "article") if m.group(k)), "")
    return kind, m.end()


def _is_heading(text: str, body: int) -> bool:
    rest = text[body:].strip(" *")
    return 0 < len(rest) <= 80 and not rest.endswith((".", ";", ","))


def _capitals(text: str, body: int) -> bool:
    """Mostly capital letters, as titles are printed."""
    letters = [c for c in text[body:] if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.6 * len(letters)


def _headed(v: _Vocab, text: str, key: str, body: int) -> bool:
    """A type heading in capitals joined to its title: ``KẾ HOẠCH Triển khai thực hiện …``."""
    head = v.TYPE_OPENER.match(key, body)
    if head.end() == body:  # "K Ế   H O Ạ C H thực hiện …": the letters spaced out
        return spaced_type(v.rules, key, body) is not None
    return head.end() > body and text[body : head.end()].strip().isupper()


def _title_like(v: _Vocab, text: str, key: str, body: int) -> bool:
    """A title or subject line: mostly capitals, or ``V/v …``."""
    return _capitals(text, body) or key[body:].lstrip().startswith(v.subject_heads)


# the name of a form right before a number: "Biểu số", "Mẫu số", "biểu mẫu số"
_A_FORM = re.compile(r"(?<![\wđ])(?:biểu|mẫu|biểu mẫu)\s++số\s*+$")


def mentions_in(
    para: Paragraph,
    own_voice: bool,
    table: AgencyTable,
    province: str | None,
    own_template: str | None,
    context: ReferenceContext | None = None,
) -> list[Mention]:
    """The numbered documents a paragraph names, each with its relation to this document.

    ``own_voice``: the paragraph is where the document speaks for itself (title, preamble,
    purpose). ``context``: the same object for every paragraph of a document, in order.
    """
    v = _vocab(table.rules)
    text = para.text
    key = match_key(text)
    found: list[Mention] = []
    for nm in find_numbers(text):
        n = nm.number
        if n.is_blank:
            continue
        if own_template and n.format() == own_template:
            continue
        if _A_FORM.search(key[max(0, nm.start - 20) : nm.start]):
            continue  # "Biểu số 01/BNV-TKCC", "Mẫu số 02/BC": a form to fill in, no document
        before = v.TYPE_BEFORE.search(key[max(0, nm.start - 60) : nm.start])
        doc_type = None
        if before:
            doc_type = v.type_name(before.group(0).split(" số")[0].strip())
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
        if v.COORD.match(key[prev.tail : cur.start]) and not v.TYPE_BEFORE.search(
            key[max(0, cur.start - 60) : cur.start]
        ):
            cur.doc_type = prev.doc_type or cur.doc_type
    _relations(v, found, para, text, key, own_voice, context)
    return found


_OWNER_LINE = re.compile(r"[\s*_]*+của\s++[^.;:]{2,80}$")


def _relations(
    v: _Vocab,
    found: list[Mention],
    para: Paragraph,
    text: str,
    key: str,
    own_voice: bool,
    context: ReferenceContext | None,
) -> None:
    """Decide each mention's relation to the document, and links between mentions."""
    marker, body = _marker(v, key)
    if own_voice and para.kind != "body" and (cell := v.SUBJECT_IN_CELL.search(key, body)):
        # a letterhead's cell holds the subject line after the number: the title starts there
        body = cell.end()
    depth = _depths(key)
    if para.kind == "footnote":
        for m, _ in _walk(v, found, key, depth, 0, None):
            _assign(v, m, False, None, key)
        return
    titled = False  # a title: under a type heading, or in capitals
    if para.kind == "body":
        pending = _take_pending(v, context, marker, key, body)
        in_purpose = _track_purpose(v, context, marker, text, key, body)
        if context is not None:
            titled = context.after_heading and not marker
            # "KẾT LUẬN" / "CỦA BỘ CHÍNH TRỊ" / "về …": whose it is, between type and title
            context.after_heading = (
                bool(v.TYPE_HEADING.match(key))
                or (spaced_type(v.rules, key) or ("", -1))[1] == len(key)
                or bool(context.after_heading and not found and _OWNER_LINE.match(key))
            )
        titled = titled or (not marker and (_capitals(text, body) or _headed(v, text, key, body)))
    else:  # a table row: neither opens nor ends a list or a section
        pending, in_purpose = None, context is not None and context.purpose
    if not found and not _may_leave_pending(v, context, para, key):
        return  # no mention to relate, and no cue this line could leave for the lines below
    title = titled or (own_voice and _title_like(v, text, key, body))
    voice = own_voice or in_purpose or titled or (not marker and _opening_sentence(v, key, body))
    # an item of a list implements weakly (a purpose section's item restates work), but not
    # an item of a preamble written as a list ("- Căn cứ …; - Thực hiện …; - Triển khai …")
    weak = (bool(marker) and not title and (in_purpose or not own_voice)) or (
        in_purpose and not own_voice
    )
    last_cue: _Cue | None = None
    starts = [m.start for m in found]  # find_numbers gives them left to right
    for n, clauses in enumerate(_split(key, text, depth, body, v.ACT_AFTER_AND, v.SELF_NEXT)):
        s0, s1 = clauses[0][0], clauses[-1][1]
        cue = _cue_at(v, key, text, s0, s1, title=title and n == 0)
        cue = _voiced(_applicable(cue, key, s0, s1, marker, own_voice), voice, weak)
        if cue is None and n == 0 and pending is not None:
            cue = _Cue(pending.relation, pending.text, s0, True, weak=pending.weak, carried=True)
        if cue is None:
            cue = _self_act(v, key, text, s0, s1)
        previous: Mention | None = None
        for c, (c0, c1) in enumerate(clauses):
            inside = found[bisect_left(starts, c0) : bisect_left(starts, c1)]
            continuation = False
            if c:
                own = _cue_at(v, key, text, c0, c1)
                own = _voiced(_applicable(own, key, c0, c1, marker, own_voice), voice, weak)
                if own is None and key[c0 - 1 : c0] == ":":
                    own = _self_act(v, key, text, c0, c1)  # "…: Thông báo này sửa đổi …"
                if own is not None:
                    cue = own
                else:
                    continuation = True
            start, active = c0, None
            if cue is not None and cue.end < c1:
                active = cue
                if cue.end > c0:  # the cue stands inside the clause: what comes before is not its
                    before = [m for m in inside if m.start < cue.end]
                    for m, _ in _walk(v, before, key, depth, c0, None):
                        _assign(v, m, False, None, key)
                    inside = [m for m in inside if m.start >= cue.end]
                    start, continuation = cue.end, False
            for m, governed in _walk(v, inside, key, depth, start, active, continuation, previous):
                _assign(v, m, governed, active, key)
            if inside:
                previous = inside[-1]
        last_cue = cue
    if context is not None and para.kind == "body":
        _leave_pending(v, context, last_cue, key, marker, found)


def _voiced(cue: _Cue | None, voice: bool, weak: bool) -> _Cue | None:
    """An implementing cue counts only where the document speaks for itself."""
    if cue is None or cue.relation != "implements" or cue.carried:
        return cue
    if not voice:
        return None
    cue.weak = cue.weak or weak
    return cue


def _assign(v: _Vocab, m: Mention, governed: bool, cue: _Cue | None, key: str) -> None:
    if not governed or cue is None:
        m.relation, m.cue = "cites", None
        return
    relation = cue.relation
    if relation == "supersedes" and v.PART.search(key, cue.end, m.np_start):
        relation = "amends"  # "Bãi bỏ Điều 5 của Quyết định số …": a part goes
    m.relation, m.cue, m.weak = relation, cue.text, cue.weak and relation == "implements"


# "… từ “trong tháng 12/2025” thành “trước ngày 31/3/2026”", "… từ ngày 30/9/2025 thành
# trước ngày 05/01/2026": the new wording given, so the amendment is made here, not asked for
_FROM_TO = re.compile(
    r"(?<![\wđ])từ\s++[^.;]{1,120}?\s(?<!hoàn )thành\s++"
    r"(?:[\"“']|trước|ngày|chậm nhất|quý|tháng|năm|\d)"
)


# the document's own final provisions: what follows in the sentence is its act
_IN_FORCE = re.compile(r"(?<![\wđ])này\s++có\s++hiệu\s++lực(?![\wđ])")


def _applicable(
    cue: _Cue | None, key: str, s0: int, s1: int, marker: str, own_voice: bool
) -> _Cue | None:
    """Keep a sentence-opening cue only where it speaks for this document."""
    if cue is None or cue.relation != "amends":
        return cue
    # "Sửa đổi, bổ sung …" is this document's act in its title, an article, or "… như sau:";
    # in a task it is work to do
    tail = key[s0:s1].rstrip(" .*")
    if (
        (own_voice and not marker)
        or marker == "article"
        or tail.endswith(":")
        or "như sau" in tail
        or _FROM_TO.search(key, cue.end, s1)
        or _IN_FORCE.search(key, 0, s0)  # "… này có hiệu lực kể từ ngày ký; sửa đổi, bổ sung …"
    ):
        quote = re.compile(r":\s*+[\"“]").search(key, cue.end, s1)
        if quote and cue.stop is None:
            # "Sửa đổi nhiệm vụ số 5 như sau: “… theo Quyết định số …”": the new wording
            # cites; the cue governs only what stands before it
            cue.stop = quote.start()
        return cue
    return None


def _self_act(v: _Vocab, key: str, text: str, s0: int, s1: int) -> _Cue | None:
    """``Quyết định này … thay thế …`` and ``… hết hiệu lực kể từ ngày Quyết định này …``."""
    while s0 < s1 and key[s0] in ' \t*_"“':
        s0 += 1
    m = v.SELF_ACTS.match(key, s0, s1)
    if m is None:  # "Ủy ban nhân dân tỉnh ban hành Kế hoạch này thay thế …"
        issues = v.ISSUES_THIS.match(key, s0, s1)
        m = v.SELF_ACTS.match(key, issues.end(), s1) if issues else None
    if m:
        relation = "supersedes" if m.group("supersedes") else "amends"
        return _Cue(relation, text[m.start(relation) : m.end()], m.end(), True)
    e = v.EXPIRY.search(key, s0, s1)
    if e and (v.SELF_IN_FORCE.search(key, s0, s1) or v.SELF.match(key, s0, s1)):
        return _Cue("supersedes", text[e.start() : e.end()], s0, True, stop=e.start())
    p = v.PASSIVE_ACT.search(key, s0, s1)
    clause = re.split(r"[;:]", key[p.end() : s1], maxsplit=1)[0] if p else ""
    if (
        p
        and (v.SELF.search(clause) or "như sau" in clause)
        # not what another document did ("… đã được điều chỉnh bởi Quyết định số …")
        and not re.search(r"(?<![\wđ])bởi(?![\wđ])", key[s0 : p.start()])
    ):
        # "Nội dung tại điểm 2 Công văn số X được sửa đổi, bổ sung theo Công văn này"
        relation = "supersedes" if p.group("supersedes") else "amends"
        if relation == "supersedes" and v.PART.search(key, s0, p.start()):
            relation = "amends"  # a part of it goes
        return _Cue(relation, text[p.start() : p.end()], s0, True, stop=p.start())
    return None


def _opening_sentence(v: _Vocab, key: str, body: int) -> bool:
    """``Thực hiện …, Ban Thường vụ … báo cáo … như sau:``: a letter's or an attached plan's
    opening sentence, which speaks for the document wherever it stands."""
    start = body + len(key[body:]) - len(key[body:].lstrip())
    purpose = _PURPOSE_FIRST.match(key, start)  # "Để chấn chỉnh tình trạng trên, thực hiện …"
    cue = v.CUE.match(key, purpose.end() if purpose else start)
    if cue is None or not cue.group("implements"):
        return False
    rest = key[cue.end() :].rstrip(" *")
    if rest.endswith(":") or "như sau" in rest:
        return True
    # "…, Ủy ban nhân dân tỉnh ban hành …"; not a report of work done ("…, Bộ đã xây dựng …")
    return any(" đã " not in a.group() for a in v.OWN_ACT.finditer(rest))


def _take_pending(
    v: _Vocab, context: ReferenceContext | None, marker: str, key: str, body: int
) -> _Cue | None:
    """The cue a line ending in ":" carries over to the items below it."""
    if context is None or context.pending is None:
        return None
    if context.dangling:  # the rest of a line broken before its number
        pending, context.pending, context.dangling = context.pending, None, False
        return pending
    if not marker or marker == context.pending_marker:
        context.pending = None  # back to the level of the line, or out of the list
        return None
    if context.item_marker is None:
        context.item_marker = marker
    if marker != context.item_marker:
        return None  # a sub-item of an item
    if v.CUE.match(key, body):
        return None
    return context.pending


def _may_leave_pending(
    v: _Vocab, context: ReferenceContext | None, para: Paragraph, key: str
) -> bool:
    """Whether :func:`_leave_pending` may set a cue for the lines below a paragraph that
    names no document (a line ending in ":" or a dangling type word); else the paragraph's
    cues need not be read."""
    if context is None or para.kind != "body" or context.pending is not None:
        return False
    line = key.rstrip(" *")
    if line.endswith(":"):
        return True
    end = line.rstrip()
    end = end[:-1].rstrip() if end.endswith(":") else end
    # DANGLING ends with a type word or "số" (letters), then spaces and a colon at most
    return end[-1:].isalpha() and v.DANGLING.search(line) is not None


def _leave_pending(
    v: _Vocab,
    context: ReferenceContext,
    cue: _Cue | None,
    key: str,
    marker: str,
    found: list[Mention],
) -> None:
    """A line that opens a list of documents under its cue: ``Căn cứ các văn bản sau:``,
    ``Các Quyết định sau đây hết hiệu lực …:``, ``Căn cứ:``."""
    if cue is None or context.pending is not None or found:
        return
    line = key.rstrip(" *")
    if v.DANGLING.search(line):
        context.pending, context.dangling = (
            _Cue(cue.relation, cue.text, 0, True, weak=cue.weak),
            True,
        )
        return
    if not line.endswith(":"):
        return
    after = line[cue.end : -1].strip()
    if after and not v.LIST_INTRO.search(line):
        return
    context.pending = _Cue(cue.relation, cue.text, 0, True, weak=cue.weak)
    context.pending_marker = marker
    context.item_marker = None


def _track_purpose(
    v: _Vocab,
    context: ReferenceContext | None,
    marker: str,
    text: str,
    key: str,
    body: int,
) -> bool:
    """Whether this paragraph is in a purpose section (``I. MỤC ĐÍCH, YÊU CẦU`` / ``1. Mục
    đích``), known from the headings read before it."""
    if context is None:
        return False
    if marker in ("roman", "num", "") and _is_heading(text, body) and not v.CUE.match(key, body):
        rest = " ".join(key[body:].strip(" *").split())
        if v.PURPOSE.match(rest):
            context.purpose = True
            return False
        capitals = text[body:].strip(" *")
        if context.purpose and (marker or capitals.isupper()):
            context.purpose = False
    return context.purpose


# --------------------------------------------------------------------------- numberless


def unnumbered_in(para: Paragraph, own_voice: bool, rules: Rules | None = None) -> list[Mention]:
    """The references without a number a paragraph names (``unnumbered_references``)."""
    v = _vocab(rules)
    key = match_key(para.text)
    out = []
    _, body = _marker(v, key)
    starts: list[int] | None = None
    for pattern, doc_type in v.UNNUMBERED:
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
            if starts is None:
                starts = [body] + [s for s in _clause_starts(key)[1:] if s > body]
            cs = starts[max(0, bisect_left(starts, m.start() + 1) - 1)]
            cue = _cue_at(v, key, para.text, cs, m.start())
            if (
                own_voice
                and cue
                and cue.relation in ("implements", "based_on")
                and _governs_first(v, cue, key[cue.end : m.start()].replace("các", ""))
            ):
                mention.relation, mention.cue = cue.relation, cue.text
            out.append(mention)
    return out


def numbered_in_brackets(numbered: list[Mention], unnumbered: list[Mention]) -> list[Mention]:
    """ "Thực hiện Kết luận của đồng chí Tổng Bí thư tại Phiên họp … (Thông báo số
    15-TB/BCĐTW ngày …)": the number in brackets after a document named without one is that
    document's; it takes the relation the cue gave the description, which is then not a
    document of its own. Returns the numberless mentions that stay."""
    kept = []
    for u in unnumbered:
        key = u.para.text
        named = next(
            (
                n
                for n in numbered
                if n.para is u.para
                and n.number is not None
                and n.relation in ("cites", u.relation)
                and n.np_start >= u.end
                and re.fullmatch(r"[^()]{0,200}?\(\s*+", key[u.end : n.np_start])
                and not re.search(r"[;.]", key[u.end : n.np_start])
            ),
            None,
        )
        if named is not None and u.relation in ("implements", "based_on"):
            named.relation, named.cue = u.relation, u.cue
            named.description = named.description or u.description
            continue
        kept.append(u)
    return kept


# --------------------------------------------------------------------------- merging


_EVIDENCE_BEFORE = 600  # characters of a clause kept before a mention in its evidence


def _clause_starts(text: str) -> list[int]:
    """Where each ``;``-separated clause of a paragraph starts (0 first)."""
    depth = _depths(text)
    return [0] + [i + 1 for i, c in enumerate(text) if c == ";" and not depth[i]]


def _resolve_weak(mentions: list[Mention]) -> None:
    """An item of a purpose section (``- Triển khai thực hiện Kế hoạch số …``) implements what
    it names when the document names nothing it implements elsewhere, or when the item also
    names a document the preamble implements; otherwise it restates a task and only cites."""
    strong = {
        m.number.key()
        for m in mentions
        if m.relation == "implements" and not m.weak and m.number is not None
    }
    by_para: dict[int, set[str]] = {}
    for m in mentions:
        if m.number is not None:
            by_para.setdefault(id(m.para), set()).add(m.number.key())
    for m in mentions:
        weak = m.relation == "implements" and m.weak and strong
        if weak and not by_para.get(id(m.para), set()) & strong:
            m.relation, m.cue = "cites", None


def merge_mentions(mentions: list[Mention], source: str) -> list[Reference]:
    """One reference per document, carrying its strongest relation."""
    _resolve_weak(mentions)
    by_key: dict[str, Reference] = {}
    clause_starts: dict[int, list[int]] = {}
    for m in mentions:
        k = m.number.key() if m.number is not None else "?" + fold(m.description or "")
        span_text = m.para.text[m.start : m.tail]
        starts = clause_starts.get(id(m.para))
        if starts is None:
            starts = clause_starts[id(m.para)] = _clause_starts(m.para.text)
        ctx_start = starts[bisect_left(starts, m.start + 1) - 1]
        if m.start - ctx_start > _EVIDENCE_BEFORE:  # a very long clause: its last words
            ctx_start = m.para.text.find(" ", m.start - _EVIDENCE_BEFORE, m.start) + 1
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
