"""Word's automatic numbering, shown as the page shows it.

A .docx paragraph of a numbered or bulleted list does not hold its marker: "1.", "a)",
"-" are drawn by Word from the document's numbering definitions (``numbering.xml``), and
Word's AutoFormat turns a typed "- " or "1. " into such a list. Read without them, a plan's
items lose the markers that make them items ("- Sở Tài chính chủ trì …" becomes a line of
prose). :class:`Numbering` counts the lists as Word does and gives each paragraph its
marker: the level's text (``%1.``, ``%1)``, ``%1.%2.``) with its counters in the level's
format (decimal, letters, Roman numerals), or a bullet ("-" for a dash, "+" for a plus,
"•" for any other glyph).

Counters run per list (``w:num``); a level's counter restarts when a level above it
advances; a list's ``startOverride`` and a level's ``start`` are honoured. Numbering given
by a paragraph style (``List Number``) counts as the paragraph's own.
"""

from __future__ import annotations

from typing import Any

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DASHES = "-–—−"
_MAX_LEVEL = 9


def _roman(n: int) -> str:
    out = ""
    for value, digits in (
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
        (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    ):  # fmt: skip
        while n >= value:
            out += digits
            n -= value
    return out


def _letters(n: int) -> str:
    """a, b, … z, aa, bb, … as Word letters a list."""
    if n <= 0:
        return ""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _formatted(n: int, fmt: str) -> str:
    if n > 3999 or n < 0:  # no list runs so far (a damaged or hostile file's start value)
        return str(n)
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def _val(el: Any, tag: str) -> str | None:
    found = el.find(_W + tag) if el is not None else None
    return None if found is None else found.get(_W + "val")


class Numbering:
    """The markers of one document's numbered paragraphs, in reading order."""

    def __init__(self, numbering: Any | None, styles: Any | None) -> None:
        self.levels: dict[
            str, dict[int, tuple[str, str, int]]
        ] = {}  # numId -> level -> (fmt, text, start)
        self.counts: dict[str, list[int]] = {}
        self.style_num: dict[str, tuple[str | None, str | None]] = {}
        if numbering is not None:
            self._read(numbering)
        if styles is not None:
            self._read_styles(styles)

    def _read(self, root: Any) -> None:
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for an in root.iter(_W + "abstractNum"):
            levels = {}
            for lvl in an.iter(_W + "lvl"):
                ilvl = _int(lvl.get(_W + "ilvl"), 0)
                start = _val(lvl, "start")
                levels[ilvl] = (
                    _val(lvl, "numFmt") or "decimal",
                    _val(lvl, "lvlText") or "",
                    _int(start, 1),
                )
            abstract[an.get(_W + "abstractNumId")] = levels
        for num in root.iter(_W + "num"):
            levels = dict(abstract.get(_val(num, "abstractNumId") or "", {}))
            for override in num.iter(_W + "lvlOverride"):
                ilvl = _int(override.get(_W + "ilvl"), 0)
                start = _val(override, "startOverride")
                if ilvl in levels and start is not None:
                    fmt, text, _ = levels[ilvl]
                    levels[ilvl] = (fmt, text, _int(start, 1))
            self.levels[num.get(_W + "numId")] = levels

    def _read_styles(self, root: Any) -> None:
        based: dict[str, str] = {}
        own: dict[str, tuple[str | None, str | None]] = {}
        for style in root.iter(_W + "style"):
            sid = style.get(_W + "styleId")
            parent = _val(style, "basedOn")
            if parent:
                based[sid] = parent
            ppr = style.find(_W + "pPr")
            numpr = ppr.find(_W + "numPr") if ppr is not None else None
            if numpr is not None:
                own[sid] = (_val(numpr, "numId"), _val(numpr, "ilvl"))
        for sid in {*based, *own}:
            seen, s = set(), sid
            while s and s not in own and s not in seen:
                seen.add(s)
                s = based.get(s)
            if s in own:
                self.style_num[sid] = own[s]

    def marker(self, p: Any) -> str:
        """The marker Word draws before paragraph ``p`` (with a space after it), or ""."""
        ppr = p.find(_W + "pPr")
        if ppr is None:
            return ""
        numpr = ppr.find(_W + "numPr")
        num_id, ilvl = (
            (_val(numpr, "numId"), _val(numpr, "ilvl")) if numpr is not None else (None, None)
        )
        style = _val(ppr, "pStyle")
        if style in self.style_num:
            s_num, s_lvl = self.style_num[style]
            num_id = num_id or s_num
            ilvl = ilvl or s_lvl
        if not num_id or num_id == "0" or num_id not in self.levels:
            return ""
        level = max(0, min(_int(ilvl, 0), _MAX_LEVEL - 1))
        levels = self.levels[num_id]
        if level not in levels:
            return ""
        fmt, text, _ = levels[level]
        counts = self.counts.setdefault(
            num_id, [levels.get(k, ("", "", 1))[2] - 1 for k in range(_MAX_LEVEL)]
        )
        counts[level] += 1
        for deeper in range(level + 1, _MAX_LEVEL):
            counts[deeper] = levels.get(deeper, ("", "", 1))[2] - 1
        if fmt == "bullet":
            glyph = text.strip()[:1]
            shown = "-" if glyph in _DASHES else "+" if glyph == "+" else "•"
            return shown + " "
        shown = text
        for k in range(_MAX_LEVEL):
            key = f"%{k + 1}"
            if key in shown:
                kfmt = levels.get(k, (fmt, "", 1))[0]
                shown = shown.replace(key, _formatted(counts[k], kfmt))
        return shown + " " if shown.strip() else ""
