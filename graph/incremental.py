"""A changed file without re-resolving the corpus: resolve the region it can touch.

:func:`~policy_lineage.graph.build.build_graph` resolves every file together. Most of what
it makes belongs to one file (its document, its tasks, their edges), and the rest to a
*key* several files share. :class:`TrackingBuilder` is the same resolver (a subclass that
changes none of its decisions) that also writes down, for every node, edge and finding,
its **owner**, and, for every file, the **keys** it touches:

============================  ================================================  ==========
key                           what shares it                                    region
============================  ================================================  ==========
``commune:<name>``            files of one commune (the province one gives     whole files,
                              another, :func:`build._provinces_for_communes`)   if changed
``own:<document id>``         files of one document (which one speaks for it,   whole files
                              "two files" findings)
``claim:<group>``             files that print or cite one symbol (periods,     see below
                              the cited document's facts, "two dates")
``seen:<group>\x1f<period>``  the earliest date a period is given               (context)
``stub:<id>``                 files citing one unnumbered document              header+cites
``draft:<issuer>|<type>``     drafts and promulgated texts of one issuer/type   header+cites
``place:``                    the province a file's commune gave it             (context)
``agency:<id>``, ``alias:``,  every mention of a body: its form, in the         merged
``nbalias:``, ``parent:``     resolver's order; the forms it was written in
============================  ================================================  ==========

On a change (:func:`update_graph`) the changed and forgotten files, every file sharing an
``own:`` key with them, every file of a commune whose ``commune:`` row changed (what it
tells the others about their province: issuer, printed province, number, date; the others
otherwise take part as those rows only), and every file whose citation of a symbol now
resolves to another node (its earliest dated period moved) are resolved again, whole.
Every other symbol the region cites gets the earliest dates of its periods from the
``seen:`` rows (:meth:`TrackingBuilder._first_seen`), so a citation resolves to the node it
would in the whole corpus. A shared key whose rows changed is *dirty*: for a symbol (a
citation's date, number or wording changed), the other files' claims on it are rebuilt
from their ``claim:`` rows (no file is read) and the files that print it join as their
header and citations; for an unnumbered document or a draft pair, the files holding the key
join as their header and citations (no tasks, placed in the province their ``place:`` row
says). The cited document, the draft pairs and the findings they decide then come out as a
full rebuild makes them, while the outputs of the files that only joined are kept as
stored. A body named by thousands of files is never resolved again: its node is the form of
its first mention (``min(info)`` of its rows: pass, file, order), the sorted forms it was
written in and the parent of its first mention with one, merged in SQL.

A full rebuild is used instead (and :class:`Fallback` says why) when the store's graph was
not made by this resolver with this table of bodies and code (``meta.graph_index``), when
more than a fifth of the files changed, when two files share one path as given, and when
a body the change touches is first named as a cited document's issuer and the citations
name it in two forms: which one wins then depends on the order of citations across the
corpus, which the rows do not keep.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from ..loaders.agencies import AgencyTable
from ..loaders.textnorm import fold
from ..schema.graph_model import (
    AgencyNode,
    DocumentNode,
    Edge,
    Finding,
    LineageGraph,
    edge_record,
    node_record,
)
from ..schema.model import Agency, DocumentInfo, Extraction, Reference
from ..schema.model_json import _converter, _plain, extraction_from_dict
from .build import _Builder, _Claim, _own_commune, _with_province, part_of_edge
from .identity import agency_id

if TYPE_CHECKING:
    from .store import Store

__all__ = ["TrackingBuilder", "Fallback", "UpdateReport", "update_graph", "resolver_fingerprint"]

Row = tuple[str, str]  # (key, info)
_STUB = "\x00stub"  # the owner of an unnumbered stub is its own id
_DRAFTS = "\x00drafts"  # a supersedes edge belongs to its issuer and type
_CHUNK = 900
# keys whose files are resolved again whole / keys shared through their claims only
_WHOLE = ("own:",)
_SHARED = ("claim:", "stub:", "draft:")
# more changed files than this share of the corpus: a full rebuild is cheaper
FULL_SHARE = 0.2


class Fallback(Exception):
    """The change cannot be resolved locally; the message says why (a full rebuild runs)."""


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=str)


def _dumps(value: Any) -> str:
    return _ENCODER.encode(value)


@lru_cache(maxsize=1)
def _code() -> bytes:
    """The resolver's code as this process loaded it."""
    here = Path(__file__).parent
    return b"".join(
        (here / name).read_bytes() for name in ("build.py", "identity.py", "incremental.py")
    )


def resolver_fingerprint(aliases: str | None) -> str:
    """What made a stored graph: this resolver's code and the table of bodies it used."""
    h = hashlib.sha256(_code())
    if aliases:
        h.update(str(Path(aliases).resolve()).encode())
        try:
            h.update(Path(aliases).read_bytes())
        except OSError:
            h.update(b"missing")
    return h.hexdigest()[:16]


def _file(source: str) -> str:
    return "file:" + source


def _ref_info(ref: Reference | None) -> dict[str, Any] | None:
    """A citation as its claim row keeps it: every field (what the cited document's node,
    its issued-by edge and findings read from it, now or after a field is added)."""
    return None if ref is None else _plain(ref)


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _claims(group: str, source: str, said: list[Any]) -> Iterable[tuple[_Claim, str]]:
    """A file's claims on a symbol as its ``claim:`` row keeps them, with the node each
    resolved to (the inverse of :meth:`TrackingBuilder._resolve_periods`' rows)."""
    for own, period, node_id, number, when, province, citing_date, ref in said:
        citing = SimpleNamespace(source=source, document=SimpleNamespace(date=_day(citing_date)))
        reference = None if ref is None else _converter(Reference)(ref)
        claim = _Claim(group, period, number, _day(when), citing, reference, own, province)  # type: ignore[arg-type]
        yield claim, node_id


class _OwnedGraph(LineageGraph):
    """A :class:`LineageGraph` that notes who made each node and edge."""

    def __init__(self, builder: TrackingBuilder) -> None:
        super().__init__()
        self._builder = builder
        self.node_owner: dict[str, str] = {}
        self.edge_owner: list[str] = []

    def add_document(self, node: DocumentNode) -> DocumentNode:
        owner = self._builder.owner
        self.node_owner[node.id] = "stub:" + node.id if owner == _STUB else owner
        return super().add_document(node)

    def add_task(self, node: Any) -> Any:
        self.node_owner[node.id] = self._builder.owner
        return super().add_task(node)

    def add_agency(self, node: AgencyNode) -> AgencyNode:
        self.node_owner[node.id] = "agency:" + node.id
        return super().add_agency(node)

    def add_edge(self, edge: Edge) -> Edge:
        owner = self._builder.owner
        if edge.kind == "part-of":
            owner = "agency:" + edge.source
        elif owner == _DRAFTS:
            doc = self.documents[edge.source]
            owner = f"draft:{doc.issuer_id}|{doc.doc_type}"
        self.edge_owner.append(owner)
        return super().add_edge(edge)


class TrackingBuilder(_Builder):
    """:func:`build_graph`'s resolver, noting owners and keys (see the module's doc).

    ``full``: the sources resolved whole (None: all); the others are light extractions
    already placed in their province. ``context(group)``: the earliest date of each period
    of a symbol in the files outside this resolution."""

    def __init__(
        self,
        table: AgencyTable,
        full: set[str] | None = None,
        context: Callable[[str], dict[str, date]] | None = None,
        injected: dict[str, list[tuple[str, list[Any]]]] | None = None,
        neighbours: list[Extraction] | None = None,
        folded: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(table, folded)
        self.neighbours = neighbours or []
        self.injected = injected or {}
        self.moved: set[str] = set()  # injected files whose claims now resolve elsewhere
        self.g: _OwnedGraph = _OwnedGraph(self)
        self.full = full
        self.context = context
        self.owner = ""
        self.rows: dict[str, set[Row]] = defaultdict(set)
        self.node_group: dict[str, str] = {}
        self._noted: set[tuple[Any, ...]] = set()
        self._said: dict[tuple[Any, ...], tuple[Any, ...]] = {}  # what a mention says, by form
        self._phase = "0"  # which pass names bodies now (1 documents, 2 cited, 3 tasks, 5 bodies)
        self._seq = 0
        self._depth = 0  # inside _agency

    def run(self, exs: Iterable[Extraction]) -> LineageGraph:
        return self.build(sorted(exs, key=lambda e: e.source))

    def _row(self, key: str, info: str) -> None:
        self.rows[self.owner].add((key, info))

    def finding_owner(self, f: Finding) -> str:
        if f.kind == "document_two_files":
            return "own:" + f.subjects[0]
        if f.kind == "document_two_dates":
            return "group:" + self.node_group[f.subjects[0]]
        if f.kind == "body_two_numbers":
            return _file(f.sources[0])
        raise ValueError(f"incremental.py does not know who makes a {f.kind!r} finding")

    # ------------------------------------------------------------ passes, as build.py
    def _place(self, exs: list[Extraction]) -> list[Extraction]:
        if self.full is None:
            placed = super()._place(exs)
        else:  # the others of their communes say what they said when last resolved
            full = [e for e in exs if e.source in self.full]
            done = iter(super()._place(full + self.neighbours)[: len(full)])
            placed = [next(done) if e.source in self.full else e for e in exs]
        for before, ex in zip(exs, placed, strict=True):
            if self.full is not None and ex.source not in self.full:
                continue
            self.owner = _file(ex.source)
            commune = _own_commune(before)
            if commune:  # what a file tells the others of its commune about their province
                doc = before.document
                said = [doc.issuer.name, doc.issuer.level, doc.province, doc.number, doc.date]  # type: ignore[union-attr]
                self._row("commune:" + fold(commune), _dumps(said))
            if ex.document.province != before.document.province:
                self._row("place:", ex.document.province or "")
        return placed

    def _first_seen(self, group: str, claims: list[_Claim]) -> dict[str, date]:
        seen = super()._first_seen(group, claims)
        if self.context is not None:
            for period, when in self.context(group).items():
                if period not in seen or when < seen[period]:
                    seen[period] = when
        return seen

    def _resolve_periods(self) -> None:
        was: dict[int, str] = {}
        for group, rows in self.injected.items():  # other files' claims, from their rows
            claims = self.claims[group]
            for source, said in rows:
                for c, node_id in _claims(group, source, said):
                    claims.append(c)
                    was[id(c)] = node_id
            claims.sort(key=lambda c: c.citing.source)  # stable: a file's claims in order
        super()._resolve_periods()
        for group in self.injected:
            for c in self.claims[group]:
                if id(c) in was and c.node_id != was[id(c)]:
                    self.moved.add(c.citing.source)
        for group, claims in self.claims.items():
            per_file: dict[str, list[Any]] = defaultdict(list)
            seen: dict[tuple[str, str], date] = {}
            for c in claims:
                self.node_group[c.node_id or group] = group
                source = c.citing.source
                per_file[source].append(
                    [
                        c.own,
                        c.period,
                        c.node_id,
                        c.number,
                        c.when,
                        c.province,
                        c.citing.document.date,
                        _ref_info(c.reference),
                    ]
                )
                if c.period and c.when:
                    k = (source, c.period)
                    seen[k] = min(seen.get(k, c.when), c.when)
            for source, said in per_file.items():
                self.rows[_file(source)].add(("claim:" + group, _dumps(said)))
            for (source, period), when in seen.items():
                self.rows[_file(source)].add((f"seen:{group}\x1f{period}", when.isoformat()))

    def _documents(self, exs: list[Extraction]) -> dict[str, Extraction]:
        for ex in exs:
            self.rows[_file(ex.source)].add(("own:" + self.own_id[ex.source], ""))
        return super()._documents(exs)

    def _own_document(self, node_id: str, ex: Extraction) -> None:
        self.owner, self._phase = _file(ex.source), "1\x1f" + ex.source
        super()._own_document(node_id, ex)

    def _cited_document(self, node_id: str, claims: list[_Claim]) -> None:
        self.owner, self._phase = "group:" + claims[0].group, "2"
        super()._cited_document(node_id, claims)

    def _unnumbered_stub(self, ex: Extraction, ref: Reference) -> None:
        self.owner = _STUB
        super()._unnumbered_stub(ex, ref)
        info = [ref.doc_type, ref.issuer, ref.description or ref.evidence.text]
        self.rows[_file(ex.source)].add(("stub:" + self.ref_ids[id(ref)], _dumps(info)))

    def _edges_of(self, ex: Extraction) -> None:
        self.owner = _file(ex.source)
        super()._edges_of(ex)

    def _tasks_of(self, ex: Extraction) -> None:
        self.owner, self._phase = _file(ex.source), "3\x1f" + ex.source
        super()._tasks_of(ex)

    def _drafts_superseded(self, exs: list[Extraction], primary: dict[str, Extraction]) -> None:
        implemented: dict[str, list[str]] = defaultdict(list)
        for e in self.g.edges:
            if e.kind == "implements":
                implemented[e.source].append(e.target)
        for node_id, ex in primary.items():  # what decides a draft and its final version
            node = self.g.documents[node_id]
            if node.is_draft or node.number:
                said = [node_id, node.title, node.source, sorted(set(implemented[node_id]))]
                info = ("d" if node.is_draft else "f") + _dumps(said)
                self.rows[_file(ex.source)].add((f"draft:{node.issuer_id}|{node.doc_type}", info))
        self.owner = _DRAFTS
        super()._drafts_superseded(exs, primary)

    def _numbered_body_findings(self, exs: list[Extraction]) -> None:
        for ex in exs:  # one file at a time: the same findings, each with its owner
            self.owner, self._phase = _file(ex.source), "5\x1f" + ex.source
            super()._numbered_body_findings([ex])

    # ------------------------------------------------------------ bodies
    def _agency(self, agency: Agency) -> str:
        self._note(agency)
        self._depth += 1
        try:
            return super()._agency(agency)
        finally:
            self._depth -= 1

    def _add_alias(self, node: AgencyNode, written: str) -> None:
        if not self._depth:  # a numbered body's name ("Ban Chỉ đạo 1661"), kept as written
            self._row("nbalias:" + node.id, written)
        super()._add_alias(node, written)

    def _note(self, agency: Agency) -> None:
        """Every mention of a body, by whom and when in the resolver's order (the first
        one decides its node): its name, level, province and kind, the form it was written
        in, and its parent (named or not, as :meth:`_agency` does)."""
        what = (agency.name, agency.level, agency.province, agency.kind, agency.parent)
        what += (agency.as_written, agency.placed)
        if (self.owner, what) in self._noted:
            return
        self._noted.add((self.owner, what))
        said = self._said.get(what)
        if said is None:
            node_id = agency_id(agency.name, agency.level, agency.province)
            province = agency.province if agency.level != "central" else None
            form = _dumps([agency.name, agency.level, province, agency.kind])
            written = agency.as_written and " ".join(agency.as_written.split())
            parent = self._parent_of(agency) if agency.parent else None
            of_parent = None
            if parent is not None:
                parent_id = agency_id(parent.name, parent.level, parent.province)
                if parent_id != node_id:
                    of_parent = _dumps([parent_id, parent.name])
            placed = agency.placed if agency.placed not in (agency.name, written) else None
            said = self._said[what] = (node_id, form, written, placed, parent, of_parent)
        node_id, form, written, placed, parent, of_parent = said
        self._seq += 1
        order = f"{self._phase}\x1f{self._seq:09d}\x1e"
        self._row("agency:" + node_id, order + form)
        if written:
            self._row("alias:" + node_id, written)
        if placed:  # the name a task shows for it, as the full build keeps it
            self._row("alias:" + node_id, placed)
        if of_parent:
            self._row("parent:" + node_id, order + of_parent)
        if parent is not None:
            self._note(parent)

    # ------------------------------------------------------------ what it made
    def owned(self, key_of: Callable[[str], str | None]) -> Owned:
        """Everything made, each with its owner; file owners mapped by ``key_of(source)``
        (None: a file outside the store, an error)."""

        def own(owner: str) -> str:
            if owner.startswith("file:"):
                key = key_of(owner[5:])
                if key is None:
                    raise Fallback(f"no stored file for {owner[5:]}")
                return key
            return owner

        g = self.g
        out = Owned()
        for node in g.nodes():
            grp = self.node_group.get(node.id) if node.kind == "Document" else None
            out.nodes.append((own(g.node_owner[node.id]), grp, node))
        out.edges = [(own(o), e) for o, e in zip(g.edge_owner, g.edges, strict=True)]
        out.findings = [(own(self.finding_owner(f)), f) for f in g.findings]
        for owner, rows in self.rows.items():
            out.rows[own(owner)] |= rows
        return out


@dataclass
class Owned:
    """A resolution's output, each item with its owner (a file's store key or a key)."""

    nodes: list[tuple[str, str | None, Any]] = field(default_factory=list)  # owner, group
    edges: list[tuple[str, Edge]] = field(default_factory=list)
    findings: list[tuple[str, Finding]] = field(default_factory=list)
    rows: dict[str, set[Row]] = field(default_factory=lambda: defaultdict(set))


@dataclass
class UpdateReport:
    """What an incremental resolution did (None fields: a full rebuild ran)."""

    changed: int = 0  # files changed or forgotten
    whole: int = 0  # files resolved again whole
    light: int = 0  # files joined by their header and citations only
    cited: int = 0  # files whose citations of a dirty symbol were read from their rows
    dirty: list[str] = field(default_factory=list)  # shared keys resolved again
    bodies: int = 0  # bodies merged
    full: str | None = None  # why a full rebuild ran instead


# ---------------------------------------------------------------- reading the store
def _chunks(items: Iterable[str]) -> Iterable[list[str]]:
    items = list(items)
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]


def _rows_of(store: Store, owners: Iterable[str]) -> dict[str, set[Row]]:
    out: dict[str, set[Row]] = defaultdict(set)
    for chunk in _chunks(owners):
        marks = ",".join("?" * len(chunk))
        for owner, key, info in store.conn.execute(
            f"SELECT owner, key, info FROM keys WHERE owner IN ({marks})", chunk
        ):
            out[owner].add((key, info))
    return out


def _owners_of(store: Store, keys: Iterable[str]) -> set[str]:
    out: set[str] = set()
    for chunk in _chunks(keys):
        marks = ",".join("?" * len(chunk))
        out |= {
            r[0]
            for r in store.conn.execute(
                f"SELECT DISTINCT owner FROM keys WHERE key IN ({marks})", chunk
            )
        }
    return out


def _first_seen(store: Store, group: str, skip: set[str]) -> dict[str, date]:
    lo, hi = f"seen:{group}\x1f", f"seen:{group}\x20"
    seen: dict[str, str] = {}
    for owner, key, info in store.conn.execute(
        "SELECT owner, key, info FROM keys WHERE key >= ? AND key < ?", (lo, hi)
    ):
        if owner in skip:
            continue
        period = key[len(lo) :]
        if period not in seen or info < seen[period]:
            seen[period] = info
    return {p: date.fromisoformat(d) for p, d in seen.items()}


def _extractions(store: Store, abspaths: Iterable[str], placed: bool = False) -> list[Extraction]:
    """The stored extractions of these files. ``placed``: as their header and citations only
    (no tasks), in the province their commune gave them when they were last resolved (their
    ``place:`` row): files joined to a region for what they say of a shared key."""
    out = []
    for chunk in _chunks(abspaths):
        marks = ",".join("?" * len(chunk))
        rows = store.conn.execute(
            f"SELECT abspath, extraction FROM files WHERE abspath IN ({marks}) "
            "AND extraction IS NOT NULL",
            chunk,
        ).fetchall()
        places = {}
        if placed:
            places = dict(
                store.conn.execute(
                    f"SELECT owner, info FROM keys WHERE key = 'place:' AND owner IN ({marks})",
                    chunk,
                ).fetchall()
            )
        for key, data in rows:
            ex = extraction_from_dict(json.loads(data))
            if placed:
                ex = replace(ex, tasks=[], agencies=[], numbered_bodies=[], warnings=[])
                if places.get(key):
                    ex = _with_province(ex, places[key])
            out.append(ex)
    return out


def _groups_seen(rows: Iterable[Row]) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = defaultdict(dict)
    for key, info in rows:
        if key.startswith("seen:"):
            group, period = key[5:].split("\x1f", 1)
            if period not in out[group] or info < out[group][period]:
                out[group][period] = info
    return out


# ---------------------------------------------------------------- the update
def update_graph(store: Store, table: AgencyTable, index: str) -> UpdateReport:
    """Resolve again only the region the pending files touch and replace what it owns, in
    one transaction (see the module's doc). :class:`Fallback` when it cannot."""
    conn = store.conn
    if store._meta("graph_index") != index:
        raise Fallback("the stored graph was made by another resolver or table of bodies")
    pending = {r[0] for r in conn.execute("SELECT abspath FROM pending")}
    stored = dict(
        conn.execute("SELECT abspath, path FROM files WHERE extraction IS NOT NULL").fetchall()
    )
    if len(pending) > max(20, FULL_SHARE * len(stored)):
        raise Fallback(f"{len(pending)} of {len(stored)} files changed")
    by_source = {path: key for key, path in stored.items()}
    if len(by_source) != len(stored):
        raise Fallback("two stored files share one path as given")
    gone = pending - stored.keys()
    whole = pending & stored.keys()
    old = _rows_of(store, pending)

    def context_for(skip: set[str]) -> Callable[[str], dict[str, date]]:
        cache: dict[str, dict[str, date]] = {}

        def context(group: str) -> dict[str, date]:
            if group not in cache:
                cache[group] = _first_seen(store, group, skip)
            return cache[group]

        return context

    def whole_keys(rows: Iterable[Row]) -> set[str]:
        return {k for k, _ in rows if k.startswith(_WHOLE)}

    more = _owners_of(store, whole_keys(r for o in old.values() for r in o)) & stored.keys()
    whole |= more
    old.update(_rows_of(store, more - old.keys()))
    light: set[str] = set()
    new: dict[str, set[Row]] = {}
    said: dict[str, dict[str, list[Any]]] = {}  # a dirty symbol → what each file says of it
    while True:  # until no key pulls in another file or symbol
        region = {stored[k] for k in whole}
        outside = whole | light | gone
        injected = {
            group: [(stored[o], claims) for o, claims in by_owner.items() if o not in outside]
            for group, by_owner in said.items()
        }
        communes = {k for rows in [*old.values(), *new.values()] for k, _ in rows}
        neighbours = _neighbours(
            store, {k for k in communes if k.startswith("commune:")}, whole | gone
        )
        builder = TrackingBuilder(table, region, context_for(whole | gone), injected, neighbours)
        builder.run([*_extractions(store, whole), *_extractions(store, light, placed=True)])
        owned = builder.owned(by_source.get)
        new = {k: owned.rows.get(k, set()) for k in whole}
        add = _owners_of(store, whole_keys(r for o in [*new.values(), *old.values()] for r in o))
        # what a file tells its commune changed: the others' provinces may change
        add |= _owners_of(store, _changed(old, new, ("commune:",)))
        # citations whose symbol's earliest period moved, and now resolve to another node
        add |= {by_source[source] for source in builder.moved}
        dirty = _changed(old, new, _SHARED)
        dirty = {k for k in dirty if not k.startswith("draft:")} | {
            k for k in dirty if k.startswith("draft:") and _has_draft(store, k, new)
        }
        more_light = _owners_of(store, {k for k in dirty if k.startswith(("stub:", "draft:"))})
        for key in sorted(k for k in dirty if k.startswith("claim:")):
            if key[6:] not in said:
                said[key[6:]] = _claims_of(store, key)
            # the files printing the symbol join as their header and citations
            more_light |= {o for o, claims in said[key[6:]].items() if any(c[0] for c in claims)}
        more_light = (_light_closure(store, more_light - whole) & stored.keys()) - whole
        add = (add & stored.keys()) - whole
        if not add and more_light <= light and said.keys() <= injected.keys():
            break
        whole |= add
        light = (light | more_light) - whole
        old.update(_rows_of(store, add - old.keys()))

    owners = set(whole) | gone
    owners |= {"group:" + k[6:] for k in dirty if k.startswith("claim:")}
    owners |= {k for k in dirty if k.startswith(("stub:", "draft:"))}
    for rows in [*old.values(), *new.values()]:  # "two files" findings of their documents
        owners |= {k for k, _ in rows if k.startswith("own:")}
    dirty_groups = {k[6:] for k in dirty if k.startswith("claim:")}
    report = UpdateReport(
        changed=len(pending), whole=len(whole), light=len(light), dirty=sorted(dirty)
    )
    report.cited = sum(len(v) for v in injected.values())
    _apply(store, owned, owners, dirty_groups, whole, gone, report)
    return report


def _changed(
    old: dict[str, set[Row]], new: dict[str, set[Row]], kinds: tuple[str, ...]
) -> set[str]:
    """Shared keys whose rows differ between the old and new rows of these files."""

    def by_key(rows: dict[str, set[Row]]) -> dict[str, set[tuple[str, str]]]:
        out: dict[str, set[tuple[str, str]]] = defaultdict(set)
        for owner, rs in rows.items():
            for key, info in rs:
                if key.startswith(kinds):
                    out[key].add((owner, info))
        return out

    a, b = by_key(old), by_key(new)
    return {k for k in a.keys() | b.keys() if a.get(k) != b.get(k)}


def _has_draft(store: Store, key: str, new: dict[str, set[Row]]) -> bool:
    if any(k == key and info.startswith("d") for rows in new.values() for k, info in rows):
        return True
    return (
        store.conn.execute(
            "SELECT 1 FROM keys WHERE key = ? AND info >= 'd' AND info < 'e' LIMIT 1", (key,)
        ).fetchone()
        is not None
    )


def _neighbours(store: Store, keys: set[str], skip: set[str]) -> list[Extraction]:
    """The other files of these communes as what they tell the commune (their ``commune:``
    rows): who issued them, their province as printed, their number and date."""
    out = []
    for chunk in _chunks(keys):
        marks = ",".join("?" * len(chunk))
        rows = store.conn.execute(
            f"SELECT owner, info FROM keys WHERE key IN ({marks})", chunk
        ).fetchall()
        for owner, info in rows:
            if owner in skip:
                continue
            name, level, province, number, when = json.loads(info)
            doc = DocumentInfo(
                number, None, None, Agency(name, level), _day(when), False, None, None, province
            )
            out.append(Extraction("\x00" + owner, doc, [], [], []))
    return out


def _claims_of(store: Store, key: str) -> dict[str, list[Any]]:
    """What each file says of one symbol (its ``claim:`` rows)."""
    rows = store.conn.execute("SELECT owner, info FROM keys WHERE key = ?", (key,))
    return {owner: json.loads(info) for owner, info in rows}


def _light_closure(store: Store, light: set[str]) -> set[str]:
    """The light files and every file of the same document (which one speaks for it)."""
    rows = _rows_of(store, light)
    own = {k for rs in rows.values() for k, _ in rs if k.startswith("own:")}
    return light | _owners_of(store, own)


def _apply(
    store: Store,
    owned: Owned,
    owners: set[str],
    dirty_groups: set[str],
    whole: set[str],
    gone: set[str],
    report: UpdateReport,
) -> None:
    """Replace, in one transaction, what ``owners`` own with what the region made."""
    conn = store.conn
    old_rows = _rows_of(store, owners)
    with store.transaction():
        # documents of a clean symbol keep the forms others cite them in
        keep_cited: dict[str, list[str]] = {}
        for owner, grp, node in owned.nodes:
            if node.kind == "Document" and owner in whole and grp and grp not in dirty_groups:
                row = conn.execute("SELECT data FROM nodes WHERE id = ?", (node.id,)).fetchone()
                if row is not None:
                    keep_cited[node.id] = json.loads(row[0]).get("cited_as", [])
        for chunk in _chunks(owners):
            marks = ",".join("?" * len(chunk))
            for table in ("nodes", "edges", "findings", "keys"):
                conn.execute(f"DELETE FROM {table} WHERE owner IN ({marks})", chunk)
        for chunk in _chunks(dirty_groups):
            marks = ",".join("?" * len(chunk))
            conn.execute(f"DELETE FROM nodes WHERE grp IN ({marks})", chunk)
        nodes = []
        for owner, grp, node in owned.nodes:
            if node.kind == "Agency":
                continue
            if owner in owners or (grp is not None and grp in dirty_groups):
                if node.id in keep_cited:
                    node = replace(node, cited_as=keep_cited[node.id])
                nodes.append((node.id, node.kind, _dumps(node_record(node)), owner, grp))
        conn.executemany(
            "INSERT OR REPLACE INTO nodes (id, kind, data, owner, grp) VALUES (?, ?, ?, ?, ?)",
            nodes,
        )
        conn.executemany(
            "INSERT INTO edges (source, target, kind, data, owner) VALUES (?, ?, ?, ?, ?)",
            [
                (e.source, e.target, e.kind, _dumps(edge_record(e)), o)
                for o, e in owned.edges
                if o in owners
            ],
        )
        conn.executemany(
            "INSERT INTO findings (data, owner) VALUES (?, ?)",
            [(_dumps(f.__dict__), o) for o, f in owned.findings if o in owners],
        )
        conn.executemany(
            "INSERT INTO keys (owner, key, info) VALUES (?, ?, ?)",
            [(o, k, i) for o, rows in owned.rows.items() if o in owners for k, i in rows],
        )
        bodies = {
            k.split(":", 1)[1]
            for rows in [*old_rows.values(), *(r for o, r in owned.rows.items() if o in owners)]
            for k, _ in rows
            if k.startswith(("agency:", "alias:", "nbalias:", "parent:"))
        }
        for body in sorted(bodies):
            _merge_body(store, body)
        report.bodies = len(bodies)
        conn.execute("DELETE FROM pending")
        store._set_meta("graph_state", "fresh")


def _first(store: Store, key: str) -> tuple[str, str] | None:
    """The first mention under ``key`` in the resolver's order: (order, what it says).
    When the first is a cited document's issuer (pass 2), whose order among the others
    the rows do not keep, every pass-2 mention must say the same."""
    conn = store.conn
    (first,) = conn.execute("SELECT min(info) FROM keys WHERE key = ?", (key,)).fetchone()
    if first is None:
        return None
    order, said = first.split("\x1e", 1)
    if order.startswith("2"):
        rows = conn.execute("SELECT info FROM keys WHERE key = ? AND info < '3'", (key,))
        if len({r[0].split("\x1e", 1)[1] for r in rows}) > 1:
            raise Fallback(f"{key}: the order of citations decides between its forms")
    return order, said


def _merge_body(store: Store, body: str) -> None:
    """One body's node from every mention of it (see the module's doc)."""
    conn = store.conn
    conn.execute("DELETE FROM edges WHERE owner = ?", ("agency:" + body,))
    first = _first(store, "agency:" + body)
    if first is None:
        conn.execute("DELETE FROM nodes WHERE id = ?", (body,))
        return
    name, level, province, kind = json.loads(first[1])

    def infos(kind: str) -> set[str]:
        rows = conn.execute("SELECT DISTINCT info FROM keys WHERE key = ?", (f"{kind}:{body}",))
        return {r[0] for r in rows}

    aliases = {a for a in infos("alias") if a != name} | infos("nbalias")
    node = AgencyNode(body, name, level, province, agency_kind=kind, aliases=sorted(aliases))
    parent = _first(store, "parent:" + body)
    if parent is not None:
        parent_id, parent_name = json.loads(parent[1])
        node.parent_id = parent_id
        edge = part_of_edge(node, parent_id, parent_name)
        conn.execute(
            "INSERT INTO edges (source, target, kind, data, owner) VALUES (?, ?, ?, ?, ?)",
            (edge.source, edge.target, edge.kind, _dumps(edge_record(edge)), "agency:" + body),
        )
    conn.execute(
        "INSERT OR REPLACE INTO nodes (id, kind, data, owner, grp) VALUES (?, ?, ?, ?, NULL)",
        (node.id, node.kind, _dumps(node_record(node)), "agency:" + body),
    )
