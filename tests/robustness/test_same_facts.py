"""Text as it really arrives gives the same facts (DOMAIN.md §6): a real document read with
decomposed letters (NFD), throughout or on every other line, or with the other tone-mark
style, gives the same document, references and tasks as the document as saved; every span
still points into the text given, at the same words.

The documents are the real development part (``benchmarks/real/dev``) and the bundled
example: invariance, not a score, so no document is tuned on here.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from policy_lineage.loaders.pipeline import extract_text
from policy_lineage.loaders.textnorm import collapse, unify_tones

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = sorted((ROOT / "benchmarks" / "real" / "dev").glob("*.md")) + sorted(
    (ROOT / "examples" / "dong-thap").glob("*.txt")
)


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def _nfd_lines(text: str) -> str:
    """Every other line decomposed: one file mixing both (DOMAIN.md §6)."""
    lines = text.split("\n")
    return "\n".join(_nfd(line) if i % 2 else line for i, line in enumerate(lines))


def _old_tones(text: str) -> str:
    """The other tone-mark style: "Uỷ", "hoá", "thuỷ", "khoẻ" (same length, NFC)."""
    pairs = {"ủy": "uỷ", "Ủy": "Uỷ", "ỦY": "UỶ", "óa": "oá", "òa": "oà", "ỏa": "oả",
             "õa": "oã", "ọa": "oạ", "óe": "oé", "ỏe": "oẻ", "ụy": "uỵ", "ùy": "uỳ"}  # fmt: skip
    return re.sub("|".join(pairs), lambda m: pairs[m.group()], text)


VARIANTS = {"nfd": _nfd, "nfd_lines": _nfd_lines, "old_tones": _old_tones}


def _same(s: str | None) -> str | None:
    """Text compared as a reader sees it: composed, one tone style, spaces collapsed."""
    return None if s is None else unify_tones(collapse(unicodedata.normalize("NFC", s)))


def _facts(ex) -> dict:
    d = ex.document
    return {
        "document": [
            _same(d.number),
            d.doc_type,
            _same(d.title),
            str(d.date),
            _same(d.signer),
            _same(d.issuer.name if d.issuer else None),
        ],  # fmt: skip
        "references": [(_same(r.number), r.relation) for r in ex.references],
        "tasks": [
            (
                _same(t.text),
                [_same(a.name) for a in t.lead],
                [_same(a.name) for a in t.cooperating],
                str(t.deadline),
                t.recurring,
            )
            for t in ex.tasks
        ],
    }


def _spans(ex, text: str) -> list[str]:
    """The words each task's and reference's evidence points at, in ``text``."""
    return [
        _same(text[x.evidence.span.start : x.evidence.span.end])
        for x in [*ex.tasks, *ex.references]
    ]


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("path", DOCUMENTS, ids=[p.name[:40] for p in DOCUMENTS])
def test_the_same_document_otherwise_written_gives_the_same_facts(path: Path, variant: str) -> None:
    text = path.read_text(encoding="utf-8")
    other = VARIANTS[variant](text)
    assert other != text or variant == "old_tones"
    saved, changed = extract_text(text, path.name), extract_text(other, path.name)
    assert _facts(changed) == _facts(saved)
    assert _spans(changed, other) == _spans(saved, text)
