"""The outline of a document body: sections, numbered items, letters, dashes.

Markers nest in the order a document first uses them (``II.`` → ``1.`` → ``a)``
→ ``-`` → ``+``), so a document that skips a level, or uses letters directly
under Roman sections, still gets the right tree. A paragraph without a marker is
either the continuation of a sentence cut by a page, the body of the heading
above it (``a) Các cơ quan Đảng ở tỉnh và địa phương:``), or a new sibling item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .fields import field_of_line, is_field_line
from .layout import MARKER_RE, Paragraph
from .rules import Rules, default_rules, derived, work_opening
from .textnorm import fold

_TERMINAL = re.compile(r"[.;!?]\s*+[\"”’)]*+\s*+\**+\s*+$|\./\.\s*+$")


def ends_sentence(text: str) -> bool:
    return bool(_TERMINAL.search(text))


@dataclass
class Node:
    style: (
        str  # part, chapter, section, article, roman, num1…, letter, dash, plus, para, intro, root
    )
    marker: str  # the marker as written ("II.", "a)", "-"); "" for paragraphs
    text: str  # the paragraph text without its marker
    paragraphs: list[Paragraph] = field(default_factory=list)  # the paragraph, then continuations
    offset: int = 0  # where ``text`` starts inside paragraphs[0].text
    children: list[Node] = field(default_factory=list)
    parent: Node | None = None

    @property
    def is_heading_like(self) -> bool:
        """Ends with a colon, or is a short title without a full stop: its children carry the work."""
        t = self.text.rstrip(" *")
        if t.endswith(":"):
            return True
        return (
            self.style not in ("para", "dash", "plus") and len(t) < 160 and not _TERMINAL.search(t)
        )

    def ancestors(self) -> list[Node]:
        out = []
        node = self.parent
        while node is not None and node.style != "root":
            out.append(node)
            node = node.parent
        return out

    def walk(self):
        """This node and every node below it, in document order (depth first). Iterative: a
        chain of thousands of paragraphs ending with ":" nests as deep, past Python's
        recursion limit."""
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))


_BARE_PART = re.compile(
    r"\s*+(Phần|PHẦN|Chương|CHƯƠNG|Mục|MỤC)\s++(?:[IVXLC]{1,6}|\d{1,2})\s*+[.:]?\s*+$"
)


def split_marker(text: str) -> tuple[str, str, str]:
    """``(style, marker, rest)`` of a paragraph; style "para" when it has no marker."""
    m = MARKER_RE.match(text)
    if not m:
        bare = _BARE_PART.match(text)
        if bare:  # "Chương II" on a line of its own: its title is the next line
            word = bare.group(1).lower()
            return {"phần": "part", "chương": "chapter"}.get(word, "section"), text.strip(), ""
        return "para", "", text
    if m.group("struct"):
        word = m.group("struct").split()[0].lower()
        style = {"phần": "part", "chương": "chapter", "mục": "section"}.get(word, "article")
    elif m.group("roman"):
        style = "roman"
    elif m.group("num"):
        style = "num" + str(m.group("num").count(".") + 1)
    elif m.group("letter"):
        style = "letter"
    elif m.group("paren"):
        style = "paren"
    else:
        style = "plus" if m.group("dash") == "+" else "dash"
    return style, text[: m.end()].strip(), text[m.end() :]


def _marked_field(last: Node, rest: str, rules: Rules | None) -> bool:
    """A lettered paragraph that is a field of the item above rather than a sub-item: it
    names who leads or helps, or the item above already holds such a field. ("a) Thời
    gian: 8 giờ …" under the heading of a meeting stays an item of its own.)"""
    fact = field_of_line(rest, rules)
    if fact is None:
        return False
    return (
        fact in ("lead", "cooperating")
        or "\n" in last.text
        and any(field_of_line(line, rules) for line in last.text.split("\n")[1:])
    )


def _opens_preamble(text: str, rules: Rules | None) -> bool:
    """ "Căn cứ …", "Thực hiện …": a line of the preamble (``strong_preamble_cues``)."""
    cues = (rules or default_rules()).strong_preamble_cues
    key = fold(text[:40]).lstrip(" *")
    return any(key == c or key.startswith(c + " ") for c in cues)


_ITEM_STYLES = ("letter", "paren", "num", "dash", "plus")


def _goes_on_item(
    prev: Node, para: Paragraph, paragraphs: list[Paragraph], at: int, rules: Rules | None
) -> bool:
    """An unmarked paragraph between two sibling items ("b) …", a paragraph, "c) …") goes on
    with the item before it: a case, an exception or a second sentence of the same duty.
    After the last item of a list it may be new work, and is left alone."""
    if (
        not prev.style.startswith(_ITEM_STYLES)
        or prev.children
        or prev.is_heading_like
        or para.text.rstrip(" *").endswith(":")
        or derived(rules, work_opening).match(fold(para.text[:60]).lstrip(" *"))
    ):
        return False  # one that opens with work is an item whose marker was lost
    for nxt in paragraphs[at + 1 : at + 8]:
        style = split_marker(nxt.text)[0]
        if style != "para":
            return style == prev.style
    return False


def build_outline(paragraphs: list[Paragraph], rules: Rules | None = None) -> Node:
    root = Node("root", "", "")
    stack: list[Node] = [root]
    last: Node = root
    for at, para in enumerate(paragraphs):
        if last is not root and is_field_line(para.text, rules):
            # "Cơ quan chủ trì: …", "Thời gian thực hiện: …": a field of the item above
            last.paragraphs.append(para)
            last.text = last.text + "\n" + para.text  # a line of its own: the label opens it
            continue
        style, marker, rest = split_marker(para.text)
        if last is not root and style in ("letter", "paren") and _marked_field(last, rest, rules):
            # "a) Cơ quan chủ trì: Sở Nội vụ." "b) Thời gian: Năm 2026.": the fields of the
            # item above, lettered as if they were its sub-items
            last.paragraphs.append(para)
            last.text = last.text + "\n" + rest
            continue
        if style == "roman" and not re.match(r"^[IVX]+\s*[.\-–:]", marker):
            style = "para"  # "V" alone or "I" of a sentence is not a Roman section
        if style in ("dash", "plus") and len(stack) == 1 and _opens_preamble(rest, rules):
            # "- Căn cứ Quy định số …;" before any item: the preamble, not the first list
            style, rest = "para", para.text
        if (
            style == "para"
            and last.style in ("part", "chapter", "section")
            and not last.text.strip()
        ):
            # "Chương II" on a line of its own, then its title "TRÁCH NHIỆM"
            last.paragraphs.append(para)
            last.text = para.text
            continue
        if style == "para":
            prev = last
            prev_text = prev.paragraphs[-1].text if prev.paragraphs else ""
            if prev is not root and not prev.is_heading_like and not _TERMINAL.search(prev_text):
                prev.paragraphs.append(para)  # a sentence cut by a page break or a footnote
                prev.text = prev.text + " " + para.text
                continue
            if _goes_on_item(prev, para, paragraphs, at, rules):
                prev.paragraphs.append(para)  # "b) … Trường hợp … c) …": b)'s own sequel
                prev.text = prev.text + " " + para.text
                continue
            node = Node("para", "", para.text, [para], 0)
            if para.text.rstrip(" *").endswith(":"):
                node.style = "intro"
            if (
                prev is not root
                and prev.is_heading_like
                and prev.style != "para"
                or prev.style == "intro"
                and prev is not root
            ):
                parent = prev
            else:
                parent = prev.parent or root
                if prev is root:
                    parent = root
            # drop the stack to the parent
            while stack and stack[-1] is not parent and parent in stack:
                stack.pop()
            if parent not in stack:
                stack.append(parent)
            node.parent = parent
            parent.children.append(node)
            if node.style == "intro":
                stack.append(node)
            last = node
            continue
        node = Node(style, marker, rest, [para], len(para.text) - len(rest))
        styles = [n.style for n in stack]
        if style in styles:
            idx = len(styles) - 1 - styles[::-1].index(style)
            del stack[idx:]
        parent = stack[-1]
        node.parent = parent
        parent.children.append(node)
        stack.append(node)
        last = node
    return root
