"""Find a document the way people name it, and a body the way people write it.

People type ``57-NQ/TW``, ``57/NQ-TW`` (the other grammar's punctuation), ``NQ 57``,
``Nghị quyết 57``, ``nghi quyet 57``, ``04-TB/BCDTW`` (no Đ) or ``118/NĐ-CP`` (no year).
All of these name a document when the graph holds one that fits; several fits are
listed as candidates; no fit gives the nearest numbers as suggestions.

>>> from policy_lineage.schema.graph_model import DocumentNode, LineageGraph
>>> g = LineageGraph()
>>> _ = g.add_document(DocumentNode(id="doc:vn:57-NQ/TW", number="57-NQ/TW", doc_type="Nghị quyết"))
>>> [d.number for d in find_document(g, "nghi quyet 57").matches]
['57-NQ/TW']
>>> find_document(g, "58-NQ/TW").suggestions[0].number
'57-NQ/TW'
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..loaders.numbers import DocNumber, fold_lookalikes, parse_number, type_code_for_name
from ..loaders.textnorm import fold_ascii
from ..schema.graph_model import AgencyNode, DocumentNode, LineageGraph
from .reader import GraphReader, as_reader

__all__ = ["Resolution", "find_document", "find_agencies", "loose_key"]


@dataclass
class Resolution:
    query: str
    matches: list[DocumentNode] = field(default_factory=list)
    suggestions: list[DocumentNode] = field(default_factory=list)

    @property
    def unique(self) -> DocumentNode | None:
        return self.matches[0] if len(self.matches) == 1 else None

    @property
    def ambiguous(self) -> bool:
        return len(self.matches) > 1


def _ascii_upper(code: str | None) -> str:
    return fold_ascii(code or "").upper()


def loose_key(n: DocNumber) -> tuple[str, str, str, str]:
    """A number's identity whichever grammar's punctuation and letters it was typed with:
    serial without leading zeros, type, issuer and unit codes in ASCII upper case.

    >>> loose_key(parse_number("57/NQ-TW")) == loose_key(parse_number("57-NQ/TW"))
    True
    >>> loose_key(parse_number("04-TB/BCDTW")) == loose_key(parse_number("04-TB/BCĐTW"))
    True
    """
    serial = (n.serial or "").lstrip("0") or "0"
    return (
        serial,
        _ascii_upper(n.type_code),
        _ascii_upper(n.issuer_code),
        _ascii_upper(n.unit_code),
    )


_TYPE_SERIAL = re.compile(r"^(?:(?P<type>[a-z][a-z ]*?)\s*)?(?:so\s*)?(?P<serial>\d+)$")


def _serial_test(serial: str) -> Callable[[str], object]:
    """Whether a form may be a number with ``serial`` (leading zeros dropped, as in
    :func:`loose_key`): it holds those digits, after any zeros, as a run of digits of its
    own. A number's serial is the run of ASCII digits it starts with (after a ``Số:``);
    neither NFC nor look-alike folding makes or changes a digit, so every form that parses
    to that serial passes, and the others need not be parsed."""
    return re.compile(rf"(?<![0-9])0*{re.escape(serial)}(?![0-9])").search


def _holding(
    graph: LineageGraph, serial: str, test: Callable[[str], object]
) -> Iterable[DocumentNode]:
    """The documents that may be written with a number of ``serial`` (their forms hold its
    digits and pass ``test``), when the documents can pick them without being read one by
    one (a store's: ``holding``), else every document."""
    holding = getattr(graph.documents, "holding", None)
    if holding is not None:
        return holding(serial, test)
    return graph.documents.values()


def _numbers_of(doc: DocumentNode, test: Callable[[str], object] | None = None) -> list[DocNumber]:
    """The numbers ``doc`` is written with; with ``test`` (:func:`_serial_test`), only
    those of its forms that pass it."""
    out = []
    for text in [doc.number, *doc.cited_as]:
        if not text or (test is not None and not test(text)):
            continue
        n = parse_number(text)
        if n is not None and not n.is_blank:
            out.append(n)
    return out


def find_document(graph: LineageGraph, text: str) -> Resolution:
    """Documents that ``text`` names (see the module's doc for the forms understood).

    >>> from policy_lineage.queries.example import example_graph
    >>> g = example_graph()
    >>> [d.number for d in find_document(g, "nghi quyet 57").matches]
    ['57-NQ/TW']
    >>> find_document(g, "254/KH-UBND").unique.issuer
    'Ủy ban nhân dân tỉnh Đồng Tháp'
    """
    res = Resolution(text)
    query = fold_lookalikes(text).strip()
    if query in graph.documents:
        res.matches = [graph.documents[query]]
        return res
    number = parse_number(query.replace(" ", ""))
    if number is not None and not number.is_blank:
        key = loose_key(number)
        test = _serial_test(key[0])
        for doc in _holding(graph, key[0], test):
            for n in _numbers_of(doc, test):
                same = loose_key(n) == key
                if same and (number.year is None or n.year in (None, number.year)):
                    res.matches.append(doc)
                    break
    if not res.matches:
        m = _TYPE_SERIAL.match(fold_ascii(query).replace("-", " ").strip())
        if m:
            typed = m["type"]
            code = (type_code_for_name(typed) or _code_typed(typed)) if typed else None
            if typed and code is None:
                m = None  # words that are not a type: try them as words of a title
        if m:
            serial = m["serial"].lstrip("0") or "0"
            test = _serial_test(serial)
            for doc in _holding(graph, serial, test):
                for n in _numbers_of(doc, test):
                    if loose_key(n)[0] == serial and (
                        code is None or _ascii_upper(n.type_code) == _ascii_upper(code)
                    ):
                        res.matches.append(doc)
                        break
    docs = list(graph.documents.values()) if not res.matches else []
    if not res.matches:  # words of a title or a description
        words = fold_ascii(query).split()
        if words and len(query) >= 4:
            res.matches = [
                d
                for d in docs
                if all(w in fold_ascii(f"{d.doc_type} {d.label} {d.description}") for w in words)
            ]
    if not res.matches:
        res.suggestions = _nearest(docs, query)
    res.matches.sort(key=lambda d: (not d.in_corpus, d.date.isoformat() if d.date else "~", d.id))
    return res


def _code_typed(word: str) -> str | None:
    """A type code typed as such ("nq", "kh", "ctr"), or None."""
    from ..loaders.numbers import TYPE_NAMES

    by_ascii = {_ascii_upper(code): code for code in TYPE_NAMES}
    return by_ascii.get(word.strip().upper().replace(" ", ""))


def _nearest(docs: list[DocumentNode], query: str, n: int = 5) -> list[DocumentNode]:
    by_key: dict[str, DocumentNode] = {}
    for d in docs:
        for form in [d.number, *d.cited_as]:
            if form:
                by_key.setdefault(fold_ascii(form), d)
    close = difflib.get_close_matches(fold_ascii(query), list(by_key), n=n, cutoff=0.5)
    out: list[DocumentNode] = []
    for key in close:
        if by_key[key] not in out:
            out.append(by_key[key])
    return out


def find_agencies(graph: LineageGraph | GraphReader, text: str) -> list[AgencyNode]:
    """Bodies whose name or a written form contains ``text``, without regard to case, tone
    style or diacritics; an exact name wins over partial ones.

    >>> from policy_lineage.schema.graph_model import AgencyNode, LineageGraph
    >>> g = LineageGraph()
    >>> _ = g.add_agency(AgencyNode(id="agency:so-tai-chinh", name="Sở Tài chính"))
    >>> [a.name for a in find_agencies(g, "so tai chinh")]
    ['Sở Tài chính']
    """
    q = fold_ascii(text)
    exact, partial = [], []
    for a in as_reader(graph).bodies(q):
        forms = [fold_ascii(f) for f in [a.name, *a.aliases]]
        if q in forms:
            exact.append(a)
        elif any(q in f for f in forms):
            partial.append(a)
    return exact or partial
