"""The words the extractor reads with, loaded from ``loaders/data/rules.json`` and checked.

Cue phrases, type words, body head words, office titles and stop words are data, not
code: a user who meets a body head or a title the bundled lists lack adds it to the same
file they give for aliases (``--aliases FILE``), under the same key; the words are added
to the bundled ones. :func:`load_rules` refuses a file whose keys or values are not what
the bundled file holds, naming what is wrong.

>>> rules = load_rules()
>>> "sở" in rules.body_heads and "giám đốc" in rules.office_titles
True
>>> import json, tempfile, os
>>> extra = os.path.join(tempfile.mkdtemp(), "more.json")
>>> _ = open(extra, "w", encoding="utf-8").write(json.dumps({"office_titles": ["Trưởng khu"]}))
>>> "trưởng khu" in load_rules(extra).office_titles
True
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .textnorm import fold

#: Keys of rules.json whose values are lists of phrases (matched on folded text).
PHRASE_LISTS = (
    "body_heads",
    "group_nouns",
    "group_prefixes",
    "group_qualifiers",
    "vague_markers",
    "office_titles",
    "name_stop_words",
    "normative_types",
    "responsibility_headings",
    "not_task_sections",
    "name_compounds",
    "commune_units",
    "vague_nouns",
)


class RulesError(ValueError):
    """A rules file that cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class Rules:
    body_heads: tuple[str, ...]
    group_nouns: tuple[str, ...]
    group_prefixes: tuple[str, ...]
    group_qualifiers: tuple[str, ...]
    vague_markers: tuple[str, ...]
    office_titles: tuple[str, ...]
    name_stop_words: frozenset[str]
    normative_types: tuple[str, ...] = ()
    responsibility_headings: tuple[str, ...] = ()
    not_task_sections: tuple[str, ...] = ()
    name_compounds: frozenset[str] = frozenset()
    commune_units: tuple[str, ...] = ()
    vague_nouns: frozenset[str] = frozenset()
    abbreviations: tuple[tuple[str, str], ...] = ()  # (folded short form, written out)
    field_labels: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (fact, labels)

    @staticmethod
    def alternation(phrases) -> str:
        """A regex alternation of phrases, longest first, any run of spaces between words."""
        alts = sorted({p for p in phrases if p}, key=len, reverse=True)
        return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in alts)


def _bundled() -> dict:
    text = resources.files("policy_lineage.loaders").joinpath("data/rules.json").read_text("utf-8")
    return json.loads(text)


def _check(data: object, where: str, partial: bool) -> dict[str, list[str]]:
    if not isinstance(data, dict):
        raise RulesError(f"{where}: rules must be a JSON object")
    out: dict[str, list[str]] = {}
    for key in PHRASE_LISTS:
        if key not in data:
            if partial:
                continue
            raise RulesError(f"{where}: missing key {key!r}")
        value = data[key]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise RulesError(f"{where}: {key!r} must be a list of non-empty strings")
        out[key] = [fold(v) for v in value]
    if "abbreviations" in data or not partial:
        abbr = data.get("abbreviations")
        if not isinstance(abbr, dict) or not all(
            isinstance(k, str) and isinstance(v, str) and k.strip() and v.strip()
            for k, v in abbr.items()
        ):
            raise RulesError(f"{where}: 'abbreviations' must map short forms to words")
        out["abbr"] = [f"{fold(k)}\t{v}" for k, v in abbr.items()]
    if "field_labels" in data or not partial:
        labels = data.get("field_labels")
        facts = ("lead", "cooperating", "deadline", "deliverable", "content")
        if not isinstance(labels, dict) or any(
            k not in facts or not isinstance(v, list) or not all(isinstance(x, str) for x in v)
            for k, v in labels.items()
        ):
            raise RulesError(f"{where}: 'field_labels' must map {', '.join(facts)} to lists")
        for fact, words in labels.items():
            out[f"field:{fact}"] = [fold(w) for w in words]
    return out


def load_rules(extra: str | Path | None = None) -> Rules:
    """The bundled rules, plus the lists of ``extra`` (a JSON file) when given.

    ``extra`` may hold other keys (``agencies`` for the alias table); the rule keys it holds
    must be lists of phrases.
    """
    lists = _check(_bundled(), "loaders/data/rules.json", partial=False)
    if extra:
        try:
            data = json.loads(Path(extra).read_text("utf-8"))
        except (OSError, ValueError) as exc:
            raise RulesError(f"{extra}: not a JSON file ({exc})") from exc
        for key, words in _check(data, str(extra), partial=True).items():
            lists[key] = lists.get(key, []) + [w for w in words if w not in lists.get(key, [])]
    return Rules(
        body_heads=tuple(lists["body_heads"]),
        group_nouns=tuple(lists["group_nouns"]),
        group_prefixes=tuple(lists["group_prefixes"]),
        group_qualifiers=tuple(lists["group_qualifiers"]),
        vague_markers=tuple(lists["vague_markers"]),
        office_titles=tuple(lists["office_titles"]),
        name_stop_words=frozenset(lists["name_stop_words"]),
        normative_types=tuple(lists["normative_types"]),
        responsibility_headings=tuple(lists["responsibility_headings"]),
        not_task_sections=tuple(lists["not_task_sections"]),
        name_compounds=frozenset(lists["name_compounds"]),
        commune_units=tuple(lists["commune_units"]),
        vague_nouns=frozenset(lists["vague_nouns"]),
        abbreviations=tuple(tuple(x.split("\t", 1)) for x in lists["abbr"]),  # type: ignore[misc]
        field_labels=tuple(
            (k.split(":", 1)[1], tuple(v)) for k, v in lists.items() if k.startswith("field:")
        ),
    )


@lru_cache(maxsize=1)
def default_rules() -> Rules:
    return load_rules()


def commune_unit() -> str:
    """A regex alternation of the commune-level units ("xã|phường|đặc khu|thị trấn"), the
    one definition every pattern about communes is built from.

    >>> import re
    >>> bool(re.fullmatch(commune_unit(), "đặc khu"))
    True
    """
    return Rules.alternation(default_rules().commune_units)
