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
from datetime import date
from functools import cache
from typing import Any

from .model import Extraction

__all__ = ["extraction_to_dict", "extraction_from_dict"]


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def extraction_to_dict(extraction: Extraction) -> dict[str, Any]:
    """Every field, JSON-ready."""
    return _plain(extraction)


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _build(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        return _build(inner[0], value) if len(inner) == 1 else value
    if origin is list:
        (item,) = typing.get_args(tp)
        return [_build(item, v) for v in value]
    if origin is tuple:
        return tuple(_build(a, v) for a, v in zip(typing.get_args(tp), value, strict=True))
    if origin is dict:
        _, item = typing.get_args(tp)
        return {k: _build(item, v) for k, v in value.items()}
    if tp is date:
        return date.fromisoformat(value)
    if dataclasses.is_dataclass(tp):
        hints = _hints(tp)
        names = {f.name for f in dataclasses.fields(tp)}
        return tp(**{k: _build(hints[k], v) for k, v in value.items() if k in names})
    return value


def extraction_from_dict(data: dict[str, Any]) -> Extraction:
    """The inverse of :func:`extraction_to_dict` (unknown keys are ignored)."""
    return _build(Extraction, data)
