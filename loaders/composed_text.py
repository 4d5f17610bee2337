"""Text with decomposed letters (NFD, or NFC and NFD mixed in one file) read as composed.

A file may spell "Ủy" as ``U`` + horn + hook (macOS, some converters, a paste from a PDF),
in a few words or throughout. Every extractor matches composed text (NFC); a document read
decomposed lost its appendix tables, its headings and bodies' names. :func:`composed` gives
the NFC text and where each of its characters starts in the original; :func:`to_original`
moves every span of an extraction back, so evidence still points into the user's text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields, is_dataclass, replace
from typing import Any, TypeVar

from ..schema.model import Span
from .textnorm import nfc_map

__all__ = ["composed", "to_original"]

T = TypeVar("T")


def composed(text: str) -> tuple[str, Sequence[int] | None]:
    """The NFC text, and the original offset of each of its characters (None when the text
    is NFC already, as nearly every file is)."""
    nfc, offsets = nfc_map(text)
    return nfc, None if isinstance(offsets, range) else offsets


def to_original(value: T, offsets: Sequence[int], length: int) -> T:
    """``value`` (an extraction, or any of its parts) with every :class:`Span` found in the
    composed text moved to the original (``length``: the original's length). A span's end
    is where the character after it starts."""

    def at(i: int) -> int:
        return offsets[i] if i < len(offsets) else length

    def move(v: Any) -> Any:
        if isinstance(v, Span):
            return Span(at(v.start), at(v.end))
        if isinstance(v, list):
            return [move(x) for x in v]
        if isinstance(v, tuple):
            return tuple(move(x) for x in v)
        if isinstance(v, dict):
            return {k: move(x) for k, x in v.items()}
        if is_dataclass(v) and not isinstance(v, type):
            changes = {}
            for f in fields(v):
                old = getattr(v, f.name)
                new = move(old)
                if new is not old:
                    changes[f.name] = new
            return replace(v, **changes) if changes else v
        return v

    return move(value)
