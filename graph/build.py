"""Extractions → one :class:`LineageGraph`: one node per real document, body and task.

The resolver works in passes over every file's extraction, so the result does not
depend on the order files were ingested in:

1. **claims**: each file claims its own document, and every numbered reference (and every
   link between two cited documents) claims a cited one; claims are grouped by symbol
   and scope (:mod:`.identity`);
2. **periods**: inside a group, claims with a date fall into their numbering period (year
   or Party term); an undated claim joins the only period there is, or the latest one
   not after the citing document;
3. **nodes**: a document's own text wins over what citations say of it; citations fill
   in stubs (type, date, issuer, description); bodies are one node per canonical name
   and province, with ``part-of`` their parent;
4. **edges**: references (``basis="stated"``), links between cited documents
   (``basis="cited"``), ``issued-by``, ``has-task``, ``assigned-to`` (role lead /
   cooperating), ``delegates`` along a delegation chain, and ``supersedes`` from a
   promulgated document to its draft (``basis="inferred"``); a link whose evidence was
   read from a page read by OCR (a scan) carries ``ocr=True``, as do its task and the
   document of that file (with ``ocr_pages``);
5. **findings**: what did not agree (one document cited with two dates, one body named
   with two numbers, one document ingested from two files) is recorded, never merged away.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date

from ..loaders.agencies import AgencyTable, default_table
from ..loaders.numbers import DocNumber, parse_number
from ..loaders.rules import commune_unit
from ..loaders.textnorm import fold
from ..schema.graph_model import (
    RELATION_TO_EDGE,
    AgencyNode,
    DocumentNode,
    Edge,
    Finding,
    LineageGraph,
    TaskNode,
)
from ..schema.model import Agency, Evidence, Extraction, Reference, agency_names
from .identity import (
    agency_id,
    commune_of,
    group_key,
    period_of,
    reference_stub_id,
    task_id,
    unnumbered_id,
    with_period,
)

__all__ = ["build_graph"]

# A promulgated text supersedes its draft when their titles share this much (word Jaccard).
DRAFT_TITLE_SIMILARITY = 0.8


@dataclass
class _Claim:
    """One statement that a document exists: its own file, a citation, or a link."""

    group: str
    period: str | None
    number: str | None  # as printed
    when: date | None  # the date it is given (None: not said)
    citing: Extraction  # the file that says it
    reference: Reference | None = None  # None for the file's own document or a link
    own: bool = False
    province: str | None = None  # the province a local symbol belongs to
    node_id: str | None = None  # set by the period pass


def build_graph(
    extractions: Iterable[Extraction], table: AgencyTable | None = None
) -> LineageGraph:
    """The lineage graph of these extractions (any order; see the module's doc)."""
    return _Builder(table or default_table()).build(sorted(extractions, key=lambda e: e.source))


class _Builder:
    def __init__(self, table: AgencyTable, folded: Mapping[str, str] | None = None) -> None:
        self.table = table
        self.folded = folded or {}  # fold(text) of task texts, when known ahead (Prepared)
        self.g = LineageGraph()
        self.claims: dict[str, list[_Claim]] = defaultdict(list)
        self.own_id: dict[str, str] = {}  # source → its document's id
        self.ref_ids: dict[int, str] = {}  # id(Reference) → document id
        self.link_claims: dict[tuple[int, int], _Claim] = {}
        self.part_of: set[tuple[str, str]] = set()

    # ------------------------------------------------------------------ pass 1: claims
    def build(self, exs: list[Extraction]) -> LineageGraph:
        exs = self._place(exs)
        for ex in exs:
            self._claim_own(ex)
            for ref in ex.references:
                self._claim_reference(ex, ref)
        self._resolve_periods()
        primary = self._documents(exs)
        for ex in exs:
            if primary.get(self.own_id[ex.source]) is ex:
                self._edges_of(ex)
                self._tasks_of(ex)
        self._drafts_superseded(exs, primary)
        self._numbered_body_findings(exs)
        for agency in self.g.agencies.values():  # the forms seen, in an order no file decides
            agency.aliases.sort()
        return self.g

    def _place(self, exs: list[Extraction]) -> list[Extraction]:
        """The extractions with the provinces their communes give them."""
        return _provinces_for_communes(exs)

    def _claim_own(self, ex: Extraction) -> None:
        doc = ex.document
        number = parse_number(doc.number) if doc.number else None
        if number is None or number.is_blank:
            issuer = doc.issuer.name if doc.issuer else None
            self.own_id[ex.source] = unnumbered_id(
                doc.is_draft,
                doc.province,
                issuer,
                doc.doc_type,
                doc.title,
                doc.number_template,
                ex.source.rsplit("/", 1)[-1],
            )
            return
        group = group_key(number, doc.province, _own_commune(ex))
        claim = _Claim(
            group,
            period_of(number, doc.date),
            doc.number,
            doc.date,
            ex,
            own=True,
            province=doc.province,
        )
        self.claims[group].append(claim)

    def _reference_scope(self, ex: Extraction, issuer: str | None) -> tuple[str | None, str | None]:
        """Where a cited local symbol belongs: the province and commune its issuer names; a
        commune body named without its commune ("Ủy ban nhân dân xã"), or no issuer at all,
        means the citing document's own."""
        own = (ex.document.province, _own_commune(ex))
        if not issuer:
            return own
        commune = commune_of(issuer)
        if commune:
            return ex.document.province, commune
        if re.search(r"(?<![\wđ])(" + commune_unit() + r")\s*$", fold(issuer)):
            return own
        agency = self.table.lookup(issuer, ex.document.province)
        if agency and agency.level in ("province", "commune") and agency.province:
            return agency.province, None
        return ex.document.province, None

    def _claim_reference(self, ex: Extraction, ref: Reference) -> None:
        number = parse_number(ref.number) if ref.number else None
        if number is not None and not number.is_blank:
            province, commune = self._reference_scope(ex, ref.issuer)
            group = group_key(number, province, commune)
            claim = _Claim(
                group,
                period_of(number, ref.date),
                ref.number,
                ref.date,
                ex,
                ref,
                province=province,
            )
            self.claims[group].append(claim)
        for i, (_, other) in enumerate(ref.links):
            target = parse_number(other)
            if target is None or target.is_blank:
                continue
            group = group_key(target, ex.document.province)
            claim = _Claim(
                group,
                period_of(target, None),
                other,
                None,
                ex,
                None,
                province=ex.document.province,
            )
            self.claims[group].append(claim)
            self.link_claims[(id(ref), i)] = claim

    # ------------------------------------------------------------------ pass 2: periods
    def _resolve_periods(self) -> None:
        for group, claims in self.claims.items():
            first_seen = self._first_seen(group, claims)
            ordered = sorted(first_seen, key=lambda p: first_seen[p])
            for c in claims:
                period = c.period
                if period is None and ordered:
                    citing_date = c.citing.document.date
                    period = ordered[-1]
                    if citing_date:
                        before = [p for p in ordered if first_seen[p] <= citing_date]
                        period = before[-1] if before else ordered[0]
                c.node_id = with_period(group, period)
                if c.own:
                    self.own_id[c.citing.source] = c.node_id
                elif c.reference is not None:
                    self.ref_ids[id(c.reference)] = c.node_id

    def _first_seen(self, group: str, claims: list[_Claim]) -> dict[str, date]:
        """The earliest date each numbering period of a group is given."""
        first_seen: dict[str, date] = {}
        for c in claims:
            if c.period and c.when:
                first_seen[c.period] = min(first_seen.get(c.period, c.when), c.when)
        return first_seen

    # ------------------------------------------------------------------ pass 3: nodes
    def _documents(self, exs: list[Extraction]) -> dict[str, Extraction]:
        """Create every document node; return the file whose facts speak for each one."""
        primary: dict[str, Extraction] = {}
        for ex in exs:
            node_id = self.own_id[ex.source]
            if node_id in primary:
                first = primary[node_id]
                self.g.findings.append(
                    Finding(
                        "document_two_files",
                        f"{ex.document.number or node_id} được nạp từ hai tệp; chỉ dùng "
                        f"tệp {first.source} (the same document from two files; the first is used)",
                        [node_id],
                        [],
                        [first.source, ex.source],
                    )
                )
                continue
            primary[node_id] = ex
            self._own_document(node_id, ex)
        by_node: dict[str, list[_Claim]] = defaultdict(list)
        for claims in self.claims.values():
            for c in claims:
                by_node[c.node_id or c.group].append(c)
        for node_id, claims in by_node.items():
            self._cited_document(node_id, claims)
        for ex in exs:  # unnumbered citations: a stub each, keyed by what they say
            for ref in ex.references:
                if id(ref) not in self.ref_ids and not (ref.number and parse_number(ref.number)):
                    self._unnumbered_stub(ex, ref)
        return primary

    def _own_document(self, node_id: str, ex: Extraction) -> None:
        doc = ex.document
        issuer_id = self._agency(doc.issuer) if doc.issuer else None
        self.g.add_document(
            DocumentNode(
                id=node_id,
                number=doc.number,
                doc_type=doc.doc_type,
                issuer=doc.issuer.name if doc.issuer else None,
                issuer_id=issuer_id,
                date=doc.date,
                is_draft=doc.is_draft,
                in_corpus=True,
                source=ex.source,
                title=doc.title,
                signer=doc.signer,
                province=doc.province,
                level=doc.issuer.level if doc.issuer else "unknown",
                number_template=doc.number_template,
                ocr=bool(ex.ocr_pages),
                ocr_pages=list(ex.ocr_pages),
            )
        )
        if issuer_id:
            ev = next(
                (
                    doc.evidence[k]
                    for k in ("issuer", "signer", "number", "title")
                    if k in doc.evidence
                ),
                None,
            )
            self.g.add_edge(
                Edge(
                    node_id,
                    issuer_id,
                    "issued-by",
                    evidence=ev.text if ev else None,
                    source_file=ex.source,
                    span=(ev.span.start, ev.span.end) if ev else None,
                    ocr=doc.ocr,
                )
            )

    def _cited_document(self, node_id: str, claims: list[_Claim]) -> None:
        node = self.g.documents.get(node_id)
        cited = [c for c in claims if c.reference is not None]
        if node is None:
            first = next((c for c in cited), claims[0])
            number = parse_number(first.number or "")
            node = self.g.add_document(
                DocumentNode(
                    id=node_id,
                    number=_most_common([c.number for c in claims]) or first.number,
                    doc_type=_most_common([c.reference.doc_type for c in cited])
                    or (number.doc_type if number else None),
                    issuer=_most_common([c.reference.issuer for c in cited]),
                    description=next((c.reference.description for c in cited), None),
                    province=_local_province(number, first.province),
                )
            )
            node.date = _most_common([c.when for c in claims if c.when])
            if node.issuer:
                issuer = self._agency_named(node.issuer, node.province)
                node.issuer_id = issuer
                node.level = self.g.agencies[issuer].level
                ref = first.reference
                self._edge(
                    node_id,
                    issuer,
                    "issued-by",
                    ref.evidence if ref else None,
                    basis="cited",
                    ocr=bool(ref and ref.ocr),
                )
        forms = {c.number for c in claims if c.number and c.number != node.number}
        node.cited_as = sorted(set(node.cited_as) | forms)
        dates = Counter(c.when for c in claims if c.when)
        if node.in_corpus and node.date:
            dates[node.date] += 1
        if len(dates) > 1:
            said = "; ".join(
                f"{d.strftime('%d/%m/%Y')} ({c.citing.source})"
                for c in claims
                if c.when
                for d in [c.when]
            )
            self.g.findings.append(
                Finding(
                    "document_two_dates",
                    f"{node.label} được ghi với nhiều ngày khác nhau: {said} "
                    "(one document cited with different dates)",
                    [node_id],
                    [c.reference.evidence.text for c in cited if c.when],
                    sorted({c.citing.source for c in claims}),
                )
            )

    def _unnumbered_stub(self, ex: Extraction, ref: Reference) -> None:
        description = ref.description or ref.evidence.text
        node_id = reference_stub_id(ex.document.province, description, ref.date)
        self.ref_ids[id(ref)] = node_id
        if node_id not in self.g.documents:
            self.g.add_document(
                DocumentNode(
                    id=node_id,
                    doc_type=ref.doc_type,
                    issuer=ref.issuer,
                    date=ref.date,
                    description=description,
                    province=ex.document.province,
                )
            )

    # ------------------------------------------------------------------ bodies
    def _agency(self, agency: Agency) -> str:
        node_id = agency_id(agency.name, agency.level, agency.province)
        node = self.g.agencies.get(node_id)
        if node is None:
            node = self.g.add_agency(
                AgencyNode(
                    id=node_id,
                    name=agency.name,
                    level=agency.level,
                    province=agency.province if agency.level != "central" else None,
                    agency_kind=agency.kind,
                )
            )
        written = agency.as_written and " ".join(agency.as_written.split())
        if written and written != node.name:
            self._add_alias(node, written)
        if agency.placed and agency.placed != node.name and agency.placed != written:
            # "Sở Xây dựng tỉnh Lâm Đồng": the name a task shows for it (see _tasks_of)
            self._add_alias(node, agency.placed)
        if agency.parent and node.parent_id is None:
            parent = self._parent_of(agency)
            parent_id = self._agency(parent)
            if parent_id != node_id:
                node.parent_id = parent_id
                if (node_id, parent_id) not in self.part_of:
                    self.part_of.add((node_id, parent_id))
                    self.g.add_edge(part_of_edge(node, parent_id, parent.name))
        return node_id

    def _parent_of(self, agency: Agency) -> Agency:
        """The body ``agency`` belongs to (``agency.parent`` is set)."""
        return self.table.lookup(agency.parent or "", agency.province) or Agency(
            agency.parent or "", agency.level, agency.province
        )

    def _add_alias(self, node: AgencyNode, written: str) -> None:
        if written not in node.aliases:
            node.aliases.append(written)

    def _agency_named(self, name: str, province: str | None) -> str:
        agency = self.table.lookup(name, province)
        if agency is None:
            agency = Agency(name, "unknown", None)
        return self._agency(agency)

    # ------------------------------------------------------------------ edges
    def _edge(
        self,
        source: str,
        target: str,
        kind: str,
        ev: Evidence | None,
        role: str | None = None,
        basis: str = "stated",
        ocr: bool = False,
    ) -> None:
        self.g.add_edge(
            Edge(
                source,
                target,
                kind,
                role=role,
                evidence=ev.text if ev else None,
                source_file=ev.source if ev else None,
                span=(ev.span.start, ev.span.end) if ev else None,
                cue=ev.cue if ev else None,
                basis=basis,
                ocr=ocr,
            )
        )

    def _edges_of(self, ex: Extraction) -> None:
        own = self.own_id[ex.source]
        seen: set[tuple[str, str, str]] = set()
        for ref in ex.references:
            target = self.ref_ids.get(id(ref))
            if target is None or target == own:
                continue
            kind = RELATION_TO_EDGE[ref.relation]
            if (own, target, kind) not in seen:
                seen.add((own, target, kind))
                self._edge(own, target, kind, ref.evidence, ocr=ref.ocr)
            for i, (relation, _) in enumerate(ref.links):
                claim = self.link_claims.get((id(ref), i))
                if claim is None or claim.node_id in (None, target):
                    continue
                link = (target, claim.node_id, RELATION_TO_EDGE.get(relation, "cites"))
                if link not in seen:
                    seen.add(link)
                    self._edge(*link, ref.evidence, basis="cited", ocr=ref.ocr)

    def _tasks_of(self, ex: Extraction) -> None:
        doc_id = self.own_id[ex.source]
        occurrences: Counter[tuple[str, str | None]] = Counter()
        province = ex.document.province
        for task in ex.tasks:
            words = self.folded.get(task.text)
            if words is None:
                words = fold(task.text)
            key = (words, task.row)
            occurrences[key] += 1
            node_id = task_id(doc_id, task.text, task.row, occurrences[key], words)
            self.g.add_task(
                TaskNode(
                    id=node_id,
                    text=task.text,
                    document_id=doc_id,
                    # a body of another province with its place ("Sở Xây dựng tỉnh Lâm
                    # Đồng"): three provinces' departments are not "Sở Xây dựng" three times
                    lead=agency_names(task.lead),
                    cooperating=agency_names(task.cooperating),
                    deadline=task.deadline,
                    deadline_text=task.deadline_text,
                    recurring=task.recurring,
                    recurrence=task.recurrence,
                    deliverable=task.deliverable,
                    section=list(task.section),
                    delegation=list(task.delegation),
                    waits_on=task.waits_on,
                    origin=task.origin,
                    row=task.row,
                    source=ex.source,
                    span=(task.evidence.span.start, task.evidence.span.end),
                    ocr=task.ocr,
                )
            )
            ocr = task.ocr  # the task's links were read where it was
            self._edge(doc_id, node_id, "has-task", task.evidence, ocr=ocr)
            for role, agencies in (("lead", task.lead), ("cooperating", task.cooperating)):
                for agency in agencies:
                    target = self._agency(agency)
                    self._edge(node_id, target, "assigned-to", task.evidence, role, ocr=ocr)
            chain = [self._agency_named(name, province) for name in task.delegation]
            for a, b in zip(chain, chain[1:], strict=False):
                if a != b:
                    self._edge(a, b, "delegates", task.evidence, ocr=ocr)

    # ------------------------------------------------------------------ drafts
    def _drafts_superseded(self, exs: list[Extraction], primary: dict[str, Extraction]) -> None:
        """A promulgated text supersedes its draft: same issuer and type, near-same title,
        and the same documents implemented when both say."""
        docs = [self.g.documents[i] for i in primary]
        drafts = [d for d in docs if d.is_draft]
        finals = [d for d in docs if not d.is_draft and d.number]
        if not drafts or not finals:
            return
        implemented: dict[str, set[str]] = defaultdict(set)
        for e in self.g.edges:
            if e.kind == "implements":
                implemented[e.source].add(e.target)
        # a draft is compared with the final texts of its issuer and type only, in their
        # order (every pair was compared before: a thousand drafts by ten thousand finals)
        finals_of: dict[tuple[str | None, str | None], list[DocumentNode]] = defaultdict(list)
        for final in finals:
            finals_of[(final.issuer_id, final.doc_type)].append(final)
        for draft in drafts:
            for final in finals_of.get((draft.issuer_id, draft.doc_type), ()):
                if _title_similarity(final.title, draft.title) < DRAFT_TITLE_SIMILARITY:
                    continue
                parents_d, parents_f = implemented[draft.id], implemented[final.id]
                if parents_d and parents_f and not parents_d & parents_f:
                    continue
                self.g.add_edge(
                    Edge(
                        final.id,
                        draft.id,
                        "supersedes",
                        evidence=final.title,
                        source_file=final.source,
                        cue="bản ban hành của dự thảo (promulgated version of the draft)",
                        basis="inferred",
                    )
                )

    # ------------------------------------------------------------------ findings
    def _numbered_body_findings(self, exs: list[Extraction]) -> None:
        """One body named with two numbers ("Ban Chỉ đạo 1661" and "Ban Chỉ đạo 1587")."""
        for ex in exs:
            by_stem: dict[str, list] = defaultdict(list)
            for body in ex.numbered_bodies:
                by_stem[body.stem].append(body)
            for bodies in by_stem.values():
                numbers = sorted({b.number for b in bodies}, key=lambda n: bodies_first(bodies, n))
                defined = {b.full_name for b in bodies if b.full_name}
                subjects = [
                    self._agency_named(name, ex.document.province) for name in sorted(defined)
                ]
                for name in sorted(defined):
                    node = self.g.agencies[self._agency_named(name, ex.document.province)]
                    for b in bodies:
                        if b.full_name == name:
                            self._add_alias(node, b.name)
                if len(numbers) < 2 or len(defined) > 1:
                    continue  # one number, or several bodies each defined: nothing to say
                names = " và ".join(f'"{bodies_named(bodies, n)}"' for n in numbers)
                target = f" ({sorted(defined)[0]})" if defined else ""
                self.g.findings.append(
                    Finding(
                        "body_two_numbers",
                        f"Một cơ quan được gọi bằng hai số hiệu: {names}{target} trong "
                        f"{ex.source} (one body named with two numbers)",
                        subjects,
                        [bodies_named(bodies, n) for n in numbers],
                        [ex.source],
                    )
                )


class Prepared(dict[str, Extraction]):
    """Extractions read ahead of a full resolution (by store key, as
    :func:`~.ingest.ingest` reads them back while the workers parse the next files), with
    what the resolver computes from each one alone: the folded words of its tasks."""

    def __init__(self) -> None:
        super().__init__()
        self.folded: dict[str, str] = {}

    def add(self, key: str, ex: Extraction) -> None:
        self[key] = ex
        folded = self.folded
        for task in ex.tasks:
            if task.text not in folded:
                folded[task.text] = fold(task.text)


def part_of_edge(node: AgencyNode, parent_id: str, parent_name: str) -> Edge:
    """The edge from a body to the body it belongs to."""
    return Edge(
        node.id,
        parent_id,
        "part-of",
        evidence=f"{node.name} thuộc {parent_name}",
        cue="bảng cơ quan (table of bodies)",
        basis="inferred",
    )


def _provinces_for_communes(exs: list[Extraction]) -> list[Extraction]:
    """A commune's letter often names no province. When its commune is known in exactly
    one province from the corpus's other documents, that is its province; when communes
    of that name exist in several provinces, the one whose document of that commune the
    letter cites ("Thực hiện Kế hoạch số 226/KH-UBND ngày 07/8/2025 của Ủy ban nhân dân xã":
    its number, and its date when two such communes used the same number)."""
    known: dict[str, set[str]] = defaultdict(set)
    # (commune, number) → (province, date) of each such document
    numbered: dict[tuple[str, str], set[tuple[str, date | None]]] = defaultdict(set)
    for ex in exs:
        commune = _own_commune(ex)
        if commune and ex.document.province:
            known[fold(commune)].add(ex.document.province)
            number = parse_number(ex.document.number or "")
            if number is not None and not number.is_blank:
                numbered[(fold(commune), number.key())].add(
                    (ex.document.province, ex.document.date)
                )
    out = []
    for ex in exs:
        commune = _own_commune(ex)
        provinces = set(known.get(fold(commune), ())) if commune else set()
        if ex.document.province is None and len(provinces) > 1 and commune:
            cited: set[str] = set()
            for ref in ex.references:
                number = parse_number(ref.number or "")
                if number is not None and not number.is_blank:
                    # the date the citation gives tells same-numbered plans apart
                    cited |= {
                        province
                        for province, when in numbered.get((fold(commune), number.key()), ())
                        if ref.date is None or when is None or when == ref.date
                    }
            provinces &= cited
        if ex.document.province is None and len(provinces) == 1:
            ex = _with_province(ex, next(iter(provinces)))
        out.append(ex)
    return out


def _with_province(ex: Extraction, province: str) -> Extraction:
    """A copy of ``ex`` placed in ``province`` (its local bodies too)."""

    def place(a: Agency) -> Agency:
        if a.level in ("province", "commune") and a.province is None:
            return replace(a, province=province)
        return a

    doc = replace(
        ex.document,
        province=province,
        issuer=place(ex.document.issuer) if ex.document.issuer else None,
    )
    tasks = [
        replace(t, lead=[place(a) for a in t.lead], cooperating=[place(a) for a in t.cooperating])
        for t in ex.tasks
    ]
    return replace(ex, document=doc, tasks=tasks, agencies=[place(a) for a in ex.agencies])


def _own_commune(ex: Extraction) -> str | None:
    issuer = ex.document.issuer
    return commune_of(issuer.name) if issuer and issuer.level == "commune" else None


def bodies_first(bodies: list, number: str) -> int:
    return min(b.evidence.span.start for b in bodies if b.number == number)


def bodies_named(bodies: list, number: str) -> str:
    return next(b.name for b in bodies if b.number == number)


def _most_common(values: list) -> object:
    values = [v for v in values if v is not None]
    if not values:
        return None
    counts = Counter(values)
    best = max(counts.values())
    return next(v for v in values if counts[v] == best)  # ties: the first said


def _local_province(number: DocNumber | None, province: str | None) -> str | None:
    from ..loaders.numbers import is_local_code

    if number is None or not is_local_code(number.issuer_code):
        return None
    return province


def _title_similarity(a: str | None, b: str | None) -> float:
    if not a or not b:
        return 0.0
    wa, wb = set(fold(a).split()), set(fold(b).split())
    return len(wa & wb) / len(wa | wb)
