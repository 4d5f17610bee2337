"""The audit a provincial office runs before a report: "5 rõ" gaps, the resolver's
findings, and the chain's missing links.

* tasks with no lead (rõ người), no deadline and not recurring (rõ thời gian), no
  deliverable (rõ kết quả);
* findings (:class:`~policy_lineage.schema.graph_model.Finding`): one body named with two
  numbers, one document cited with two dates, one document in two files;
* dangling references: documents the corpus implements or is based on whose own text is
  not in the corpus (the chain cannot be followed through them), and citations without
  a number that nothing can resolve;
* documents read by OCR (scans): how many of their tasks and links come from the pages
  read by OCR, which a person should check against the paper.

>>> from policy_lineage.schema.graph_model import DocumentNode, LineageGraph, TaskNode
>>> g = LineageGraph()
>>> _ = g.add_document(DocumentNode(id="kh", number="25/KH-UBND", in_corpus=True))
>>> _ = g.add_task(TaskNode(id="t", text="Tuyên truyền", document_id="kh"))
>>> [i.kind for i in check(g).issues]
['task_no_lead', 'task_no_deadline', 'task_no_deliverable']
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..schema.graph_model import DOCUMENT_EDGE_KINDS, LineageGraph

__all__ = ["Issue", "CheckReport", "check", "ISSUE_LABELS"]

ISSUE_LABELS = {
    "task_no_lead": "Nhiệm vụ chưa rõ cơ quan chủ trì / task without a lead",
    "task_no_deadline": "Nhiệm vụ chưa rõ thời hạn / task without a deadline",
    "task_no_deliverable": "Nhiệm vụ chưa rõ kết quả / task without a deliverable",
    "body_two_numbers": "Một cơ quan, hai số hiệu / one body named with two numbers",
    "document_two_dates": "Một văn bản, hai ngày / one document cited with two dates",
    "document_two_files": "Một văn bản, hai tệp / one document in two files",
    "missing_from_corpus": "Văn bản cấp trên chưa có trong kho / implemented document not in the corpus",
    "unnumbered_reference": "Dẫn chiếu không có số hiệu / reference without a number",
    "read_by_ocr": "Văn bản đọc bằng OCR, cần kiểm tra / document read by OCR: check it",
}


@dataclass
class Issue:
    kind: str
    subject: str  # node id
    message: str
    document: str | None = None  # label of the document concerned
    source: str | None = None  # file


@dataclass
class CheckReport:
    issues: list[Issue] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for i in self.issues:
            out[i.kind] = out.get(i.kind, 0) + 1
        return out


def check(graph: LineageGraph) -> CheckReport:
    """Every gap and inconsistency, tasks first (in document order), then findings, then
    dangling references, then the documents read by OCR.

    >>> from policy_lineage.queries.example import example_graph
    >>> report = check(example_graph())
    >>> report.counts()["task_no_deadline"], report.counts()["missing_from_corpus"]
    (1, 1)
    """
    report = CheckReport()
    for task in sorted(graph.tasks.values(), key=lambda t: (t.source or "", t.span or (0, 0))):
        doc = graph.documents.get(task.document_id)
        label = doc.label if doc else task.document_id
        short = task.text if len(task.text) <= 120 else task.text[:117] + "…"
        if not task.lead:
            report.issues.append(Issue("task_no_lead", task.id, short, label, task.source))
        if task.deadline is None and not task.recurring and not task.waits_on:
            report.issues.append(Issue("task_no_deadline", task.id, short, label, task.source))
        if not task.deliverable:
            report.issues.append(Issue("task_no_deliverable", task.id, short, label, task.source))
    for f in graph.findings:
        subject = f.subjects[0] if f.subjects else ""
        source = f.sources[0] if f.sources else None
        report.issues.append(Issue(f.kind, subject, f.message, None, source))
    chain_targets: dict[str, str] = {}
    for e in graph.edges:
        if e.kind in ("implements", "based-on") and e.basis == "stated":
            chain_targets.setdefault(e.target, e.source_file or "")
    for doc_id, source in sorted(chain_targets.items()):
        doc = graph.documents.get(doc_id)
        if doc is None or doc.in_corpus:
            continue
        kind = "missing_from_corpus" if doc.number else "unnumbered_reference"
        message = (
            f"{doc.label}: chưa có văn bản trong kho, chuỗi dừng ở đây "
            "(not in the corpus: the chain stops here)"
        )
        report.issues.append(Issue(kind, doc_id, message, doc.label, source))
    for doc in graph.documents.values():
        if not doc.number and not doc.in_corpus and doc.id not in chain_targets:
            message = f"{doc.label}: dẫn chiếu không có số hiệu (cited without a number)"
            report.issues.append(Issue("unnumbered_reference", doc.id, message, doc.label))
    _read_by_ocr(graph, report)
    return report


def _read_by_ocr(graph: LineageGraph, report: CheckReport) -> None:
    """One issue per document whose own file had pages read by OCR: how many of its tasks
    and of its links to other documents were read there."""
    scanned = sorted((d for d in graph.documents.values() if d.ocr), key=lambda d: d.source or "")
    if not scanned:
        return
    tasks: dict[str, int] = {}
    for t in graph.tasks.values():
        if t.ocr:
            tasks[t.document_id] = tasks.get(t.document_id, 0) + 1
    links: dict[str, int] = {}
    for e in graph.edges:
        if e.ocr and e.kind in DOCUMENT_EDGE_KINDS:
            links[e.source] = links.get(e.source, 0) + 1
    for doc in scanned:
        pages = ", ".join(map(str, doc.ocr_pages)) or "?"
        n, m = tasks.get(doc.id, 0), links.get(doc.id, 0)
        message = (
            f"{doc.label}: trang {pages} đọc bằng OCR; {n} nhiệm vụ, {m} liên kết từ các trang "
            f"này cần đối chiếu bản giấy (page(s) {pages} read by OCR: {n} tasks, {m} links "
            "to check against the paper)"
        )
        report.issues.append(Issue("read_by_ocr", doc.id, message, doc.label, doc.source))
