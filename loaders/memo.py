"""What a table of bodies found in a text, remembered for the texts read next.

The extractors ask one table about one text several times: a task's paragraph is searched
for its doers, then for the bodies it names otherwise, then again for its title, and a
heading once per item under it. On the synthetic corpora two calls in three repeated an
earlier one (13,952 calls of ``AgencyTable.find`` on 300 files, 4,761 different), and
``find`` was a fifth of extraction. :func:`remembered_finds` answers a repeated call from
memory; the caller still gets new objects (the bodies are mutable dataclasses a caller may
change), so it cannot tell.

The memory is kept on the table (each table, and each document's table, its own) and
forgotten when it holds :data:`LIMIT` texts, about one long document's worth: a worker
reading ten thousand files keeps a bounded amount.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

__all__ = ["remembered_finds", "remembered_readings", "LIMIT"]

LIMIT = 4096  # texts remembered per table before its memory is cleared
_MEMO = "_remembered_finds"
_READINGS = "_remembered_readings"

F = TypeVar("F", bound=Callable[..., Any])


def _fresh(obj: Any) -> Any:
    """A shallow copy of a plain (``__dict__``) dataclass instance, without ``copy.copy``'s
    reduce protocol (a copy per body found)."""
    new = object.__new__(type(obj))
    new.__dict__.update(obj.__dict__)
    return new


def _recalled(owner: Any, slot: str, key: tuple, compute: Callable[[], Any]) -> Any:
    """The answer remembered on ``owner`` (in its ``__dict__`` under ``slot``) for ``key``,
    computed once; the memory is cleared when it holds ``LIMIT`` answers."""
    memo = owner.__dict__.get(slot)
    if memo is None:
        memo = owner.__dict__[slot] = {}
    found = memo.get(key)
    if found is None:
        if len(memo) >= LIMIT:
            memo.clear()
        found = memo[key] = compute()
    return found


def remembered_finds(find: F) -> F:
    """``find(self, text, province=None) -> list[match]`` remembered per table, by text and
    province. ``find`` must depend on nothing else (the table's entries and rules are fixed
    once it has been used: its compiled patterns are cached the same way). Each match is
    a frozen ``(start, end, agency)``; the answer is a new list of new matches with copies
    of the agencies."""

    @wraps(find)
    def remembered(self: Any, text: str, province: str | None = None) -> list[Any]:
        found = _recalled(self, _MEMO, (text, province), lambda: find(self, text, province))
        return [type(m)(m.start, m.end, _fresh(m.agency)) for m in found]

    return remembered  # type: ignore[return-value]


def _fresh_reading(reading: Any) -> Any:
    """A copy of a reading (a plain dataclass whose fields are lists of bodies and
    immutable values), each list new and each body in it a copy; a body that stood in two
    lists (a lead that is also the chain's last step) is one copy in both, as it was one
    object in the reading."""
    new = _fresh(reading)
    copies: dict[int, Any] = {}
    for name, value in reading.__dict__.items():
        if type(value) is list:
            out = []
            for item in value:
                twin = copies.get(id(item))
                if twin is None:
                    twin = copies[id(item)] = _fresh(item)
                out.append(twin)
            new.__dict__[name] = out
    return new


def remembered_readings(parse: F) -> F:
    """``parse(text, table, province) -> reading`` remembered on the table, by text and
    province (as :func:`remembered_finds`; ``parse`` must depend on nothing else). A
    reading is a dataclass of lists of bodies (mutable: a caller may change them) and
    immutable values; each caller gets a new one (:func:`_fresh_reading`)."""

    @wraps(parse)
    def remembered(text: str, table: Any, province: str | None) -> Any:
        found = _recalled(table, _READINGS, (text, province), lambda: parse(text, table, province))
        return _fresh_reading(found)

    return remembered  # type: ignore[return-value]
