"""The words the extractor reads with, loaded from ``loaders/data/rules.json`` and checked.

Cue phrases, type words, body head words, office titles and stop words are data, not
code: a user who meets a body head, a title or a cue the bundled lists lack adds it to the
same file they give for aliases (``--aliases FILE``), under the same key; the words are
added to the bundled ones. The type words (every name of a document type, with the longer
phrases that name one: ``chương trình hành động``, ``thông báo kết luận``) come from
``loaders/data/doc_types.json``; a user's file adds its own under ``type_words``.

:func:`load_rules` refuses a file whose keys or values are not what the bundled file holds,
naming the key; every phrase is compiled into the patterns it will be matched with when it
is loaded, so a phrase that cannot be used fails there, not in the middle of a document.
The extractors build their patterns from a :class:`Rules` once (:func:`derived`).

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
from collections.abc import Callable
from dataclasses import dataclass, fields
from functools import lru_cache
from importlib import resources
from pathlib import Path
from re import _constants as _sre  # the parsed form of a pattern (needed_text, any_found)
from re import _parser as _sre_parser
from typing import Any, TypeVar

from .textnorm import fold

#: Keys of rules.json whose values are lists of phrases (matched on folded text).
LIST_KEYS = (
    # bodies and groups (agencies, assignment)
    "body_heads",
    "group_nouns",
    "group_prefixes",
    "group_qualifiers",
    "vague_markers",
    "office_titles",
    "name_stop_words",
    "predicate_openers",
    "separate_kinds",
    "elided_heads",
    "group_head_titles",
    "role_bodies",
    "name_compounds",
    "name_noun_compounds",
    "name_phrases",
    "verb_nouns",
    "name_comma_pairs",
    "region_names",
    "group_clause_verbs",
    "commune_units",
    "vague_nouns",
    "subject_openers",
    "not_party_openers",
    "small_heads",
    "people_nouns",
    "role_names",
    "numbered_body_stems",
    "request_verbs",
    "cooperation_adverbs",
    "assent_openers",
    "village_units",
    "complement_verbs",
    "school_levels",
    # tasks
    "normative_types",
    "conclusion_types",
    "responsibility_headings",
    "not_task_sections",
    "work_headings",
    "deadline_openers",
    "result_words",
    "task_verbs",
    "item_verbs",
    "topic_nouns",
    "framing_openers",
    # references: cue phrases
    "implement_cues",
    "cue_prefixes",
    "purpose_words",
    "basis_cues",
    "supersede_cues",
    "expiry_cues",
    "amend_cues",
    "part_words",
    "directive_nouns",
    "reporting_words",
    "description_words",
    "coordinators",
    "note_labels",
    "own_acts",
    "purpose_headings",
    "subject_heads",
    "issue_verbs",
    "drafting_verbs",
    # the document's heading block and signature
    "signature_titles",
    "not_signature_titles",
    "central_organs",
    "organs",
    "local_authorities",
    "party_committees",
    "committee_units",
    "province_units",
    "district_units",
    "office_units",
    "place_parents",
    "shape_heads",
    "title_connectors",
    "preamble_cues",
    "strong_preamble_cues",
    "body_openings",
    "not_name_words",
    "compound_words",
    "ranks",
    "surnames",
    "principle_topics",
    "national_scope_words",
)
#: Keys whose values are lists of regular expressions on folded text (``{type}`` stands for
#: any type word).
PATTERN_KEYS = ("boilerplate",)
#: Keys whose values are JSON objects.
MAPPING_KEYS = (
    "abbreviations",
    "name_spellings",
    "field_labels",
    "committee_organs",
    "head_titles",
    "type_words",
    "unnumbered_references",
)
#: Every key a user's rules file may hold (with ``agencies`` and ``_about``): the alias loader
#: (:func:`~policy_lineage.loaders.agencies.load_aliases`) accepts these.
PHRASE_LISTS = LIST_KEYS + PATTERN_KEYS + MAPPING_KEYS
RULE_KEYS = PHRASE_LISTS
#: Keys only a user's file holds (the bundled type words are in doc_types.json).
_USER_ONLY = ("type_words",)
#: Keys of a user's file that are not rules.
_OTHER_KEYS = ("agencies", "_about")
_FACTS = ("lead", "cooperating", "deadline", "deliverable", "content", "details")


class RulesError(ValueError):
    """A rules file that cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class Rules:
    """The bundled words (and a user's), folded; see rules.json's ``_about`` for each key."""

    body_heads: tuple[str, ...]
    group_nouns: tuple[str, ...]
    group_prefixes: tuple[str, ...]
    group_qualifiers: tuple[str, ...]
    vague_markers: tuple[str, ...]
    office_titles: tuple[str, ...]
    name_stop_words: frozenset[str]
    normative_types: tuple[str, ...] = ()
    conclusion_types: tuple[str, ...] = ()
    responsibility_headings: tuple[str, ...] = ()
    not_task_sections: tuple[str, ...] = ()
    work_headings: tuple[str, ...] = ()
    name_compounds: frozenset[str] = frozenset()
    predicate_openers: frozenset[str] = frozenset()
    separate_kinds: frozenset[str] = frozenset()
    elided_heads: frozenset[str] = frozenset()
    group_head_titles: frozenset[str] = frozenset()
    role_bodies: tuple[str, ...] = ()
    assent_openers: tuple[str, ...] = ()
    village_units: tuple[str, ...] = ()
    ranks: tuple[str, ...] = ()
    surnames: frozenset[str] = frozenset()
    principle_topics: tuple[str, ...] = ()
    complement_verbs: tuple[str, ...] = ()
    school_levels: tuple[str, ...] = ()
    name_noun_compounds: frozenset[str] = frozenset()
    name_phrases: tuple[str, ...] = ()
    verb_nouns: frozenset[str] = frozenset()
    name_comma_pairs: frozenset[str] = frozenset()
    region_names: tuple[str, ...] = ()
    group_clause_verbs: tuple[str, ...] = ()
    commune_units: tuple[str, ...] = ()
    subject_openers: tuple[str, ...] = ()
    not_party_openers: tuple[str, ...] = ()
    small_heads: frozenset[str] = frozenset()
    people_nouns: tuple[str, ...] = ()
    role_names: tuple[str, ...] = ()
    numbered_body_stems: tuple[str, ...] = ()
    request_verbs: tuple[str, ...] = ()
    cooperation_adverbs: tuple[str, ...] = ()
    vague_nouns: frozenset[str] = frozenset()
    abbreviations: tuple[tuple[str, str], ...] = ()  # (folded short form, written out)
    name_spellings: tuple[tuple[str, str], ...] = ()  # (folded variant, common spelling)
    field_labels: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (fact, labels)
    deadline_openers: tuple[str, ...] = ()
    result_words: tuple[str, ...] = ()
    task_verbs: tuple[str, ...] = ()
    item_verbs: tuple[str, ...] = ()
    topic_nouns: tuple[str, ...] = ()
    framing_openers: tuple[str, ...] = ()
    boilerplate: tuple[str, ...] = ()
    implement_cues: tuple[str, ...] = ()
    cue_prefixes: tuple[str, ...] = ()
    purpose_words: tuple[str, ...] = ()
    basis_cues: tuple[str, ...] = ()
    supersede_cues: tuple[str, ...] = ()
    expiry_cues: tuple[str, ...] = ()
    amend_cues: tuple[str, ...] = ()
    part_words: tuple[str, ...] = ()
    directive_nouns: tuple[str, ...] = ()
    reporting_words: tuple[str, ...] = ()
    description_words: tuple[str, ...] = ()
    coordinators: tuple[str, ...] = ()
    note_labels: tuple[str, ...] = ()
    own_acts: tuple[str, ...] = ()
    purpose_headings: tuple[str, ...] = ()
    subject_heads: tuple[str, ...] = ()
    issue_verbs: tuple[str, ...] = ()
    drafting_verbs: tuple[str, ...] = ()
    # (regular expression on folded text, the type it names or None)
    unnumbered_references: tuple[tuple[str, str | None], ...] = ()
    signature_titles: tuple[str, ...] = ()
    not_signature_titles: tuple[str, ...] = ()
    central_organs: tuple[str, ...] = ()
    committee_organs: tuple[tuple[str, str], ...] = ()  # (folded organ, written form)
    head_titles: tuple[tuple[str, str], ...] = ()  # (folded title, head word of its body)
    organs: tuple[str, ...] = ()
    local_authorities: tuple[str, ...] = ()
    party_committees: tuple[str, ...] = ()
    committee_units: tuple[str, ...] = ()
    province_units: tuple[str, ...] = ()
    district_units: tuple[str, ...] = ()
    office_units: tuple[str, ...] = ()
    place_parents: tuple[str, ...] = ()
    shape_heads: tuple[str, ...] = ()
    title_connectors: tuple[str, ...] = ()
    preamble_cues: tuple[str, ...] = ()
    strong_preamble_cues: tuple[str, ...] = ()
    body_openings: tuple[str, ...] = ()
    not_name_words: tuple[str, ...] = ()
    compound_words: tuple[str, ...] = ()
    national_scope_words: tuple[str, ...] = ()
    # type words: (folded phrase, type name; None for a word naming a document of any type),
    # longest first
    type_words: tuple[tuple[str, str | None], ...] = ()
    prose_types: frozenset[str] = frozenset()  # type names that are everyday nouns in prose
    not_type_phrases: tuple[str, ...] = ()  # "pháp luật": ends in a type word, names none
    issued_types: tuple[str, ...] = ()  # type names a body issues ("ban hành Kế hoạch")
    deliverable_types: tuple[str, ...] = ()  # type names a task's result names ("Báo cáo")
    attached_types: tuple[str, ...] = ()  # type names of a document issued with a decision

    def __hash__(self) -> int:
        """The dataclass's hash (of every field), remembered: the patterns built from a
        :class:`Rules` are cached by it, and hashing its sixty lists of words again cost
        more than the lookups (thousands per document)."""
        cached = self.__dict__.get("_hash")
        if cached is None:
            cached = hash(tuple(getattr(self, f.name) for f in fields(self)))
            object.__setattr__(self, "_hash", cached)
        return cached

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state.pop("_hash", None)  # another process hashes strings its own way
        return state

    @staticmethod
    def alternation(phrases) -> str:
        """A regex alternation of phrases, longest first, any run of spaces between words."""
        return _alternation(frozenset(p for p in phrases if p))

    # ------------------------------------------------------------------ type words

    def types(
        self, prose: bool = True, generic: bool = False
    ) -> tuple[tuple[str, str | None], ...]:
        """The type words, longest first: those of everyday nouns too (``prose``), and the
        words that name a document of any type (``generic``: ``văn bản``)."""
        return tuple(
            (w, name)
            for w, name in self.type_words
            if (name is not None or generic) and (prose or name not in self.prose_types)
        )

    def type_alternation(self, prose: bool = True, generic: bool = False) -> str:
        """The type words as one alternation on folded text, longest first; a phrase of
        ``not_type_phrases`` ("pháp luật") is not its type word ("luật")."""
        return "|".join(
            self._not_after(w) + re.escape(w).replace(r"\ ", r"\s+")
            for w, _ in self.types(prose, generic)
        )

    def _not_after(self, word: str) -> str:
        looks = []
        for phrase in self.not_type_phrases:
            if phrase.endswith(" " + word):
                before = phrase[: -len(word)]
                looks.append("(?<!" + re.escape(before).replace(r"\ ", r"\s") + ")")
        return "".join(looks)

    def type_name(self, phrase: str) -> str | None:
        """The type a type word names ("chương trình hành động" → "Chương trình"), else None."""
        key = " ".join(fold(phrase).split())
        return next((name for w, name in self.type_words if w == key), None)

    def type_tails(self) -> tuple[str, ...]:
        """The words a longer phrase adds to its type's name ("hành động" of "chương trình
        hành động", "kết luận" of "thông báo kết luận")."""
        tails = set()
        for w, name in self.type_words:
            head = fold(name) if name else ""
            if name and w.startswith(head + " "):
                tails.add(w[len(head) + 1 :])
        return tuple(sorted(tails, key=lambda p: (-len(p), p)))

    def boilerplate_patterns(self) -> tuple[re.Pattern[str], ...]:
        """The ``boilerplate`` expressions, compiled, ``{type}`` standing for any type word."""
        return tuple(_compile_pattern(p, self) for p in self.boilerplate)


_FIELD_TYPES = {f.name: f.type for f in fields(Rules)}


_TYPE_SLOT = re.compile(r"\{type(?::(?P<names>[^{}]*))?\}")


@lru_cache(maxsize=1024)
def _alternation(phrases: frozenset[str]) -> str:
    """:meth:`Rules.alternation`, remembered by the phrases themselves: extractors build
    patterns from the same lists for every sentence (thousands of times per document)."""
    alts = sorted(phrases, key=lambda p: (-len(p), p))
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in alts)


def _compile_pattern(pattern: str, rules: Rules) -> re.Pattern[str]:
    """``pattern`` with ``{type}`` as any type word and ``{type:Quyết định|Nghị quyết}`` as
    the type words of those types (each must be a type)."""

    def slot(m: re.Match[str]) -> str:
        if m["names"] is None:
            return "(?:" + rules.type_alternation() + ")"
        names = [n.strip() for n in m["names"].split("|")]
        known = {name for _, name in rules.type_words}
        unknown = [n for n in names if n not in known]
        if unknown:
            raise re.error(f"not a type: {', '.join(unknown)}")
        return "(?:" + Rules.alternation(w for w, n in rules.type_words if n in names) + ")"

    return re.compile(_TYPE_SLOT.sub(slot, pattern))


def needed_text(pattern: re.Pattern[str]) -> str:
    """The longest run of plain characters every match of ``pattern`` holds ("" when none
    is sure): a text without it cannot match, and need not be searched.

    >>> needed_text(re.compile(r"^(?:[^.;:]{0,60}(?:trân trọng )?thông báo)\\./\\.$"))
    'thông báo./.'
    >>> needed_text(re.compile(r"a|b")), needed_text(re.compile("abc", re.I))
    ('', '')
    """

    def needed(items: Any, ignorecase: bool) -> str:
        best, run = "", ""
        for op, av in items:
            if op is _sre.LITERAL and not ignorecase:
                run += chr(av)
                continue
            best, run, inner = max(best, run, key=len), "", ""
            if op is _sre.SUBPATTERN:
                _, add, remove, sub = av
                inner = needed(sub, (ignorecase or bool(add & _sre.SRE_FLAG_IGNORECASE))
                               and not remove & _sre.SRE_FLAG_IGNORECASE)  # fmt: skip
            elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT) and av[0] >= 1:
                inner = needed(av[2], ignorecase)  # repeated at least once
            elif op is _sre.ATOMIC_GROUP:
                inner = needed(av, ignorecase)
            best = max(best, inner, key=len)  # a branch, a class, an assertion: nothing sure
        return max(best, run, key=len)

    try:
        return needed(_sre_parser.parse(pattern.pattern, pattern.flags), bool(pattern.flags & re.I))
    except Exception:  # another Python's parser: search every text, as before
        return ""


def any_found(patterns: tuple[re.Pattern[str], ...]) -> Callable[[str], bool]:
    """``lambda text: any(p.search(text) for p in patterns)``, each pattern first asked
    whether the text holds what all its matches hold (:func:`needed_text`), and one that
    opens with ``^`` (no MULTILINE) tried at the start only: the same answers, without
    reading every text once per pattern.

    >>> found = any_found((re.compile("^trên đây là "), re.compile("cảm ơn")))
    >>> found("trên đây là báo cáo"), found("xin cảm ơn"), found("nhìn trên đây là")
    (True, True, False)
    """

    def anchored(p: re.Pattern[str]) -> bool:
        if p.flags & re.MULTILINE:
            return False
        try:
            items = _sre_parser.parse(p.pattern, p.flags)
            return len(items) > 0 and items[0] == (_sre.AT, _sre.AT_BEGINNING)
        except Exception:
            return False

    checks = tuple((needed_text(p), p.match if anchored(p) else p.search) for p in patterns)

    def found(text: str) -> bool:
        return any(find(text) for need, find in checks if need in text)

    return found


# --------------------------------------------------------------------------- loading


def _data_file(name: str) -> dict:
    text = resources.files("policy_lineage.loaders").joinpath(f"data/{name}").read_text("utf-8")
    return json.loads(text)


def _bundled() -> dict:
    return _data_file("rules.json")


def _strings(value: object, empty_ok: bool = False) -> bool:
    return isinstance(value, list) and all(
        isinstance(v, str) and (empty_ok or v.strip()) for v in value
    )


def _check(data: object, where: str, partial: bool) -> dict[str, Any]:
    """The rule lists of ``data``, folded; a :class:`RulesError` naming the key if one is
    missing (in the bundled file), unknown, or of the wrong shape."""
    if not isinstance(data, dict):
        raise RulesError(f"{where}: rules must be a JSON object")
    unknown = sorted(k for k in data if k not in (*RULE_KEYS, *_OTHER_KEYS))
    if unknown:
        raise RulesError(
            f"{where}: unknown key(s) {', '.join(unknown)}; known: {', '.join(sorted(RULE_KEYS))}"
        )
    out: dict[str, Any] = {}
    for key in RULE_KEYS:
        if key not in data:
            if partial or key in _USER_ONLY:
                continue
            raise RulesError(f"{where}: missing key {key!r}")
        value = data[key]
        if key in LIST_KEYS:
            if not _strings(value):
                raise RulesError(f"{where}: {key!r} must be a list of non-empty strings")
            out[key] = [fold(v) for v in value]
        elif key in PATTERN_KEYS:
            if not _strings(value):
                raise RulesError(f"{where}: {key!r} must be a list of regular expressions")
            out[key] = list(value)
        elif key == "field_labels":
            if not isinstance(value, dict) or any(
                k not in _FACTS or not _strings(v) for k, v in value.items()
            ):
                raise RulesError(f"{where}: 'field_labels' must map {', '.join(_FACTS)} to lists")
            out[key] = {fact: [fold(w) for w in words] for fact, words in value.items()}
        elif key == "unnumbered_references":
            if not isinstance(value, dict) or not all(
                isinstance(k, str) and k.strip() and (v is None or isinstance(v, str))
                for k, v in value.items()
            ):
                raise RulesError(
                    f"{where}: 'unnumbered_references' must map regular expressions to type "
                    "names (or null)"
                )
            out[key] = dict(value)
        elif key == "type_words":
            if not isinstance(value, dict) or not all(
                isinstance(k, str) and k.strip() and (v is None or isinstance(v, str) and v.strip())
                for k, v in value.items()
            ):
                raise RulesError(
                    f"{where}: 'type_words' must map phrases to type names (or null for a "
                    "word that names a document of any type)"
                )
            out[key] = {fold(k): v for k, v in value.items()}
        else:  # abbreviations, name_spellings, committee_organs, head_titles: folded -> words
            if not isinstance(value, dict) or not all(
                isinstance(k, str) and isinstance(v, str) and k.strip() and v.strip()
                for k, v in value.items()
            ):
                raise RulesError(f"{where}: {key!r} must map short forms to words")
            out[key] = {fold(k): v for k, v in value.items()}
    return out


def _bundled_types() -> dict[str, Any]:
    """The type words of doc_types.json, read through loaders/numbers.py."""
    from .numbers import (
        ATTACHED_TYPES,
        DELIVERABLE_TYPES,
        ISSUED_TYPES,
        NOT_TYPE_PHRASES,
        PROSE_TYPES,
        type_words,
    )

    return {
        "type_words": type_words(),
        "prose_types": frozenset(PROSE_TYPES),
        "not_type_phrases": tuple(fold(p) for p in NOT_TYPE_PHRASES),
        "issued_types": tuple(ISSUED_TYPES),
        "deliverable_types": tuple(DELIVERABLE_TYPES),
        "attached_types": tuple(ATTACHED_TYPES),
    }


def _merge(lists: dict[str, Any], extra: dict[str, Any]) -> None:
    """Add a user's words to the bundled ones (a mapping's entries win)."""
    for key, value in extra.items():
        if isinstance(value, dict):
            if key == "field_labels":
                for fact, words in value.items():
                    have = lists[key].setdefault(fact, [])
                    have += [w for w in words if w not in have]
            else:
                lists.setdefault(key, {}).update(value)
        else:
            have = lists.setdefault(key, [])
            lists[key] = have + [w for w in value if w not in have]


def _build(lists: dict[str, Any], types: dict[str, Any]) -> Rules:
    words = dict(types["type_words"])
    words.update(lists.get("type_words", {}))
    values: dict[str, Any] = {
        "type_words": tuple(sorted(words.items(), key=lambda kv: (-len(kv[0]), kv[0]))),
        "prose_types": types["prose_types"],
        "not_type_phrases": types["not_type_phrases"],
        "issued_types": types["issued_types"],
        "deliverable_types": types["deliverable_types"],
        "attached_types": types["attached_types"],
        "abbreviations": tuple(lists["abbreviations"].items()),
        "name_spellings": tuple(lists["name_spellings"].items()),
        "committee_organs": tuple(lists["committee_organs"].items()),
        "head_titles": tuple(lists["head_titles"].items()),
        "unnumbered_references": tuple(lists["unnumbered_references"].items()),
        "field_labels": tuple((k, tuple(v)) for k, v in lists["field_labels"].items()),
    }
    for key in (*LIST_KEYS, *PATTERN_KEYS):
        kind = _FIELD_TYPES[key]
        values[key] = (frozenset if str(kind).startswith("frozenset") else tuple)(lists[key])
    return Rules(**values)


def _compile_all(rules: Rules, where: str, keys) -> None:
    """Every phrase as it will be matched: a phrase that cannot be is refused, its key named."""
    for key in keys:
        try:
            if key in PATTERN_KEYS:
                rules.boilerplate_patterns()
            elif key == "type_words":
                re.compile(rules.type_alternation(generic=True))
            elif key == "unnumbered_references":
                for pattern, _ in rules.unnumbered_references:
                    re.compile(pattern)
            elif key == "field_labels":
                for _, labels in rules.field_labels:
                    re.compile(Rules.alternation(labels))
            elif key in ("abbreviations", "name_spellings", "committee_organs", "head_titles"):
                re.compile(Rules.alternation(k for k, _ in getattr(rules, key)))
            else:
                re.compile(Rules.alternation(getattr(rules, key)))
        except (re.error, OverflowError, RecursionError) as exc:
            raise RulesError(
                f"{where}: {key!r} holds a phrase that cannot be matched ({exc})"
            ) from exc


def load_rules(extra: str | Path | None = None) -> Rules:
    """The bundled rules, plus the words of ``extra`` (a JSON file) when given.

    ``extra`` may hold other keys (``agencies`` for the alias table); a key that is neither
    a rule nor ``agencies`` is refused, as is a value of the wrong shape or a phrase that
    cannot be matched, with the key named.
    """
    lists = _check(_bundled(), "loaders/data/rules.json", partial=False)
    types = _bundled_types()
    user: dict[str, Any] = {}
    where = "loaders/data/rules.json"
    if extra:
        where = str(extra)
        try:
            data = json.loads(Path(extra).read_text("utf-8"))
        except (OSError, ValueError) as exc:
            raise RulesError(f"{extra}: not a JSON file ({exc})") from exc
        user = _check(data, where, partial=True)
        _merge(lists, user)
    rules = _build(lists, types)
    _compile_all(rules, where, user if extra else RULE_KEYS)
    return rules


@lru_cache(maxsize=1)
def default_rules() -> Rules:
    return load_rules()


T = TypeVar("T")
_DERIVED: dict[tuple[int, Callable[[Rules], Any]], tuple[Rules, Any]] = {}


def derived(rules: Rules | None, build: Callable[[Rules], T]) -> T:
    """What ``build`` makes of ``rules`` (the bundled ones when None), made once per rules.

    The extractors compile their patterns so: the bundled rules' once per process, a user's
    once per file.
    """
    rules = rules or default_rules()
    key = (id(rules), build)
    hit = _DERIVED.get(key)
    if hit is None or hit[0] is not rules:
        hit = _DERIVED[key] = (rules, build(rules))
    return hit[1]


def commune_unit() -> str:
    """A regex alternation of the commune-level units ("xã|phường|đặc khu|thị trấn"), the
    one definition every pattern about communes is built from.

    >>> import re
    >>> bool(re.fullmatch(commune_unit(), "đặc khu"))
    True
    """
    return Rules.alternation(default_rules().commune_units)


# a type heading printed with its letters spaced out ("K Ế   H O Ạ C H"), and its opening
# where a title runs on after it ("k ế h o ạ c h thực hiện …"): letters, one to three spaces
_SPACED_LETTERS = re.compile(r"(?:[^\W\d_]\s{1,3}){3,}[^\W\d_](?![^\W\d_])")
_SPACED_AROUND = re.compile(r"[\s*_]*+")


def _types_by_letters(rules: Rules) -> dict[str, str]:
    return {w.replace(" ", ""): name for w, name in rules.types()}


def spaced_type(rules: Rules | None, text: str, pos: int = 0) -> tuple[str, int] | None:
    """The type a heading printed with its letters spaced out names ("K Ế   H O Ạ C H",
    "**Q U Y Ế T  Đ Ị N H**"), from ``pos`` of ``text`` (folded or not), and where the
    heading ends (its markup after it included); None when the text there is no such heading.

    >>> spaced_type(None, "K Ế   H O Ạ C H thực hiện …")
    ('Kế hoạch', 16)
    """
    at = _SPACED_AROUND.match(text, pos).end()
    m = _SPACED_LETTERS.match(text, at)
    if m is None:
        return None
    name = derived(rules, _types_by_letters).get(fold(re.sub(r"\s+", "", m.group())))
    return (name, _SPACED_AROUND.match(text, m.end()).end()) if name else None


def work_opening(rules: Rules) -> re.Pattern[str]:
    """A text (folded) that opens with a verb of work, "cần"/"phải" allowed before it
    (``task_verbs`` and ``item_verbs``); for :func:`derived`."""
    verbs = Rules.alternation((*rules.task_verbs, *rules.item_verbs))
    return re.compile(r"(?:cần\s+|phải\s+)?(?:" + verbs + r")(?![\wđ])")
