"""The extraction model as plain JSON and back, without loss (the store keeps it so).

:func:`~policy_lineage.schema.model.to_contract` is the *contract* form, shaped for
readers of ``extract``; this is the *full* form, shaped for the program: every field of
every dataclass, dates as ISO strings, read back into the same objects.

>>> from policy_lineage.loaders.pipeline import extract_text
>>> ex = extract_text("Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị", "a.txt")
>>> extraction_from_dict(extraction_to_dict(ex)) == ex
True
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from datetime import date
from functools import cache
from typing import Any

from .model import Extraction

__all__ = ["extraction_to_dict", "extraction_from_dict"]


def _plain(value: Any) -> Any:
    cls = type(value)
    if cls in _ATOMS:  # most values: a string, a number, None
        return value
    names = _dataclass_fields(cls)
    if names is not None:
        return {name: _plain(getattr(value, name)) for name in names}
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


# Values returned as they are. Checked by exact type first: ``_plain`` runs on every value
# of every extraction (about 800,000 calls for 1,000 files), and ``is_dataclass`` and four
# ``isinstance`` tests per value were a tenth of a file's extraction time.
_ATOMS = frozenset({str, int, float, bool, type(None)})


@cache
def _dataclass_fields(cls: type) -> tuple[str, ...] | None:
    """The field names of a dataclass, in order; None for any other type (an instance's
    class is never a class object, so ``is_dataclass(cls)`` is the instance's test)."""
    if dataclasses.is_dataclass(cls) and not issubclass(cls, type):
        return tuple(f.name for f in dataclasses.fields(cls))
    return None


def extraction_to_dict(extraction: Extraction) -> dict[str, Any]:
    """Every field, JSON-ready."""
    return _plain(extraction)


@cache
def _converter(tp: Any) -> Callable[[Any], Any]:
    """A function turning the JSON form of type ``tp`` back into ``tp`` (made once per type)."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        return _converter(inner[0]) if len(inner) == 1 else _same
    if origin is list:
        item = _converter(typing.get_args(tp)[0])
        if item is _same:
            return lambda v: None if v is None else list(v)
        return lambda v: None if v is None else [item(x) for x in v]
    if origin is tuple:
        items = [_converter(a) for a in typing.get_args(tp)]
        return lambda v: None if v is None else tuple(c(x) for c, x in zip(items, v, strict=True))
    if origin is dict:
        item = _converter(typing.get_args(tp)[1])
        return lambda v: None if v is None else {k: item(x) for k, x in v.items()}
    if tp is date:
        return lambda v: None if v is None else date.fromisoformat(v)
    if dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp)
        convert: dict[str, Callable[[Any], Any]] = {}

        def build(v: Any) -> Any:
            if v is None:
                return None
            return tp(**{k: convert[k](x) for k, x in v.items() if k in convert})

        # Filled after ``build`` exists, so a dataclass that holds itself still works.
        for f in dataclasses.fields(tp):
            if f.init:
                convert[f.name] = _converter(hints[f.name])
        return build
    return _same


def _same(value: Any) -> Any:
    return value


def extraction_from_dict(data: dict[str, Any]) -> Extraction:
    """The inverse of :func:`extraction_to_dict` (unknown keys are ignored)."""
    return _converter(Extraction)(data)
