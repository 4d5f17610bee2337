"""A change resolved over the region it touches gives the graph a full rebuild gives.

Random edit sequences on a small synthetic corpus (benchmarks/synth.py): after every
edit the store is brought up to date by ``ingest`` (the incremental path), and its graph —
every node with all its fields, the edges as a multiset, the findings as a multiset — is
compared with :func:`build_graph` over the same stored extractions. The edits are the
ones most likely to break locality: a document's own number that others cite, a citation's
number or date (a symbol's earliest period moves), a draft and its final version, the only
file naming a body, a commune renamed into another province's name, a file deleted,
copied or added.
"""

from __future__ import annotations

import importlib.util
import json
import random
import re
import shutil
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from policy_lineage.graph import incremental
from policy_lineage.graph.build import build_graph
from policy_lineage.graph.ingest import ingest
from policy_lineage.graph.store import Store
from policy_lineage.schema.graph_model import edge_record, node_record

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two provinces of six communes each (drafts, plans, letters; .txt, .docx, .pdf)."""
    spec = importlib.util.spec_from_file_location("synth", ROOT / "benchmarks" / "synth.py")
    assert spec is not None and spec.loader is not None
    synth = importlib.util.module_from_spec(spec)
    sys.modules["synth"] = synth
    spec.loader.exec_module(synth)
    out = tmp_path_factory.mktemp("incremental") / "corpus"
    args = ["--provinces", "2", "--communes", "6", "--seed", "1", "--out", str(out)]
    assert synth.main(args) == 0
    (out / "truth.json").unlink()
    return out


def _stored(store: Store) -> tuple[dict, Counter, Counter]:
    nodes = {r[0]: json.loads(r[1]) for r in store.conn.execute("SELECT id, data FROM nodes")}
    edges = Counter(r[0] for r in store.conn.execute("SELECT data FROM edges"))
    findings = Counter(r[0] for r in store.conn.execute("SELECT data FROM findings"))
    return nodes, edges, findings


def _rebuilt(store: Store) -> tuple[dict, Counter, Counter]:
    g = build_graph(store.extractions())

    def dumps(value: object) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    nodes = {n.id: json.loads(dumps(node_record(n))) for n in g.nodes()}
    edges = Counter(dumps(edge_record(e)) for e in g.edges)
    findings = Counter(dumps(f.__dict__) for f in g.findings)
    return nodes, edges, findings


def _differences(stored: tuple, full: tuple) -> list[str]:
    out = []
    for key in sorted(stored[0].keys() | full[0].keys()):
        if stored[0].get(key) != full[0].get(key):
            out.append(f"node {key}: stored {stored[0].get(key)} != full {full[0].get(key)}")
    for name, a, b in (("edge", stored[1], full[1]), ("finding", stored[2], full[2])):
        out += [f"{name} only stored: {e}" for e in a - b]
        out += [f"{name} only in the full rebuild: {e}" for e in b - a]
    return out


# ---------------------------------------------------------------- edits
Edit = Callable[[random.Random, Path], str | None]


def _texts(root: Path) -> list[Path]:
    return sorted(root.rglob("*.txt"))


def _sub(
    rng: random.Random, root: Path, pattern: str, repl: Callable[[re.Match], str]
) -> str | None:
    """Replace one match of ``pattern`` in one .txt file that has it."""
    files = [f for f in _texts(root) if re.search(pattern, f.read_text("utf-8"))]
    if not files:
        return None
    f = rng.choice(files)
    text = f.read_text("utf-8")
    matches = list(re.finditer(pattern, text))
    m = rng.choice(matches)
    new = repl(m)
    if new == m[0]:
        return None
    f.write_text(text[: m.start()] + new + text[m.end() :], "utf-8")
    return f"{f.relative_to(root)}: {m[0]!r} → {new!r}"


def lead(rng: random.Random, root: Path) -> str | None:
    bodies = ["Sở Tài chính", "Sở Nội vụ", "Sở Y tế", "Sở Công Thương", "Sở Tư pháp"]
    return _sub(rng, root, "|".join(bodies), lambda m: rng.choice(bodies))


def deadline(rng: random.Random, root: Path) -> str | None:
    return _sub(
        rng,
        root,
        r"hoàn thành trước ngày \d\d/\d\d/20\d\d",
        lambda m: f"hoàn thành trước ngày {rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/2026",
    )


def cited_number(rng: random.Random, root: Path) -> str | None:
    """A citation names another symbol (a symbol loses or gains a citer)."""
    return _sub(
        rng,
        root,
        r"(?<=số )(\d+)(?=[-/](?:KH|CTr|TB|NQ))",
        lambda m: str(int(m[1]) + rng.choice([1, -1, 0])),
    )


def cited_date(rng: random.Random, root: Path) -> str | None:
    """A citation's date moves (a symbol's earliest period may move; undated: period guessed)."""
    return _sub(
        rng,
        root,
        r"(?<=\d) ngày (\d\d?)/(\d\d?)/(20\d\d)",
        lambda m: rng.choice(["", f" ngày {m[1]}/{m[2]}/{int(m[3]) + rng.choice([-1, 1])}"]),
    )


def own_number(rng: random.Random, root: Path) -> str | None:
    """A document's own number changes: the documents citing it now cite a stub."""
    return _sub(rng, root, r"(?<=Số: )(\d+)", lambda m: str(int(m[1]) + rng.choice([1, 7])))


def own_date(rng: random.Random, root: Path) -> str | None:
    return _sub(rng, root, r"(?<=năm )(20\d\d)", lambda m: str(int(m[1]) + rng.choice([-1, 1])))


def title(rng: random.Random, root: Path) -> str | None:
    """A title changes (a draft and its final version may stop, or start, to match)."""
    return _sub(
        rng,
        root,
        r"(?m)^(Triển khai|Về việc|V/v) ([^\n]{0,30})",
        lambda m: f"{m[1]} {rng.choice(['sửa đổi ', 'bổ sung ', ''])}{m[2]}",
    )


def draft(rng: random.Random, root: Path) -> str | None:
    """A promulgated plan becomes a draft (or a second draft of it appears)."""
    files = [f for f in _texts(root) if re.search(r"Số: \d+/KH", f.read_text("utf-8"))]
    if not files:
        return None
    f = rng.choice(files)
    text = re.sub(r"Số: \d+/KH", "Số:     /KH", f.read_text("utf-8"), count=1)
    text = re.sub(r"(?m)^(KẾ HOẠCH)$", r"DỰ THẢO\n\1", text, count=1)
    target = f if rng.random() < 0.5 else f.with_name(f.stem + "-du-thao-2.txt")
    target.write_text(text, "utf-8")
    return f"{target.relative_to(root)}: draft of {f.name}"


def only_body(rng: random.Random, root: Path) -> str | None:
    """A task names a body no other file names (then, later, the file goes)."""
    f = rng.choice(_texts(root))
    text = f.read_text("utf-8")
    item = (
        "\n9. Giao Trung tâm Lưu trữ lịch sử chủ trì, phối hợp với Ban Quản lý khu công nghệ "
        "cao số hóa hồ sơ địa chính; hoàn thành trước ngày 30/06/2026.\n"
    )
    m = re.search(r"(?m)^II\. [^\n]*\n", text)
    if m is None:
        return None
    f.write_text(text[: m.end()] + item + text[m.end() :], "utf-8")
    return f"{f.relative_to(root)}: a task for a body named nowhere else"


def commune_name(rng: random.Random, root: Path) -> str | None:
    """Every file of one commune takes the name of another commune (maybe of the other
    province): the province of its letters is then decided by what they cite."""
    communes = sorted(d for d in root.glob("*/xa-*") if d.is_dir())
    if len(communes) < 2:
        return None
    a, b = rng.sample(communes, 2)
    name_of = {}
    for d in (a, b):
        for f in d.rglob("*.txt"):
            m = re.search(r"(?m)^XÃ ([^\n]+?)\s{2,}", f.read_text("utf-8"))
            if m:
                name_of[d] = m[1].strip()
                break
    if len(name_of) < 2:
        return None
    old, new = name_of[a], name_of[b]
    if old == new:
        return None
    for f in a.rglob("*.txt"):
        text = f.read_text("utf-8").replace(old, new).replace(old.title(), new.title())
        f.write_text(text.replace(old.upper(), new.upper()), "utf-8")
    return f"{a.relative_to(root)}: commune {old} → {new}"


def delete(rng: random.Random, root: Path) -> str | None:
    """A file goes (a commune's plan that gave its letters a province, a draft, a body's
    only mention…)."""
    files = sorted(p for p in root.rglob("*") if p.is_file())
    if len(files) < 10:
        return None
    f = rng.choice(files)
    f.unlink()
    return f"{f.relative_to(root)} deleted"


def copy(rng: random.Random, root: Path) -> str | None:
    """A new file: a copy of a letter under another name (one document, two files), or a
    letter of another number citing the same plan."""
    files = [f for f in _texts(root) if "UBND-" in f.read_text("utf-8")]
    if not files:
        return None
    f = rng.choice(files)
    text = f.read_text("utf-8")
    if rng.random() < 0.5:
        text = re.sub(r"(?<=Số: )(\d+)", lambda m: str(int(m[1]) + 500), text, count=1)
    target = f.with_name(f"{f.stem}-{rng.randint(0, 999)}.txt")
    target.write_text(text, "utf-8")
    return f"{target.relative_to(root)}: new, from {f.name}"


EDITS: list[Edit] = [
    lead,
    deadline,
    cited_number,
    cited_date,
    own_number,
    own_date,
    title,
    draft,
    only_body,
    commune_name,
    delete,
    copy,
]


@pytest.mark.parametrize("seed", [1, 2])
def test_incremental_every_random_edit_gives_the_full_rebuild(synthetic, tmp_path, seed):
    corpus = tmp_path / "corpus"
    shutil.copytree(synthetic, corpus)
    rng = random.Random(seed)
    with Store(tmp_path / "s.db", create=True) as store:
        ingest(store, [str(corpus)])
        assert not _differences(_stored(store), _rebuilt(store))
        local = 0
        steps = 24
        for step in range(steps):
            did = None
            while did is None:
                did = rng.choice(EDITS)(rng, corpus)
            report = ingest(store, [str(corpus)], prune=True)
            assert report.update is not None, did
            local += report.update.full is None
            diff = _differences(_stored(store), _rebuilt(store))
            assert not diff, f"step {step} ({did}; {report.update}):\n" + "\n".join(diff[:20])
    # the region was resolved, not the corpus, in most steps (a full rebuild falls back)
    assert local >= steps * 2 // 3


def _change_a_lead(plan: Path) -> tuple[str, str]:
    """Give the first task of ``plan`` led by a department another department; the two
    names (so a test can change it back)."""
    text = unicodedata.normalize("NFC", plan.read_text("utf-8"))  # some files are noisy NFD
    m = re.search(r"(Sở [^,;:()\n]+?) chủ trì", text)
    assert m, "the synthetic plan names a leading department"
    old = m.group(1)
    new = "Sở Tư pháp" if old != "Sở Tư pháp" else "Sở Y tế"
    plan.write_text(text[: m.start(1)] + new + text[m.end(1) :], "utf-8")
    return old, new


def test_incremental_a_changed_task_resolves_its_file_only(synthetic, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(synthetic, corpus)
    plan = corpus / "ha-noi" / "kh-ubnd.txt"
    with Store(tmp_path / "s.db", create=True) as store:
        ingest(store, [str(corpus)])
        _change_a_lead(plan)
        report = ingest(store, [str(corpus)])
        assert report.update.full is None
        assert report.update.changed == 1 and report.update.whole == 1
        assert not _differences(_stored(store), _rebuilt(store))


def test_incremental_an_interrupted_update_leaves_the_store_as_it_was(
    synthetic, tmp_path, monkeypatch
):
    corpus = tmp_path / "corpus"
    shutil.copytree(synthetic, corpus)
    plan = corpus / "ha-noi" / "kh-ubnd.txt"
    with Store(tmp_path / "s.db", create=True) as store:
        ingest(store, [str(corpus)])
        before = _stored(store)
        _change_a_lead(plan)

        def killed(*args: object) -> None:
            raise KeyboardInterrupt

        monkeypatch.setattr(incremental, "_merge_body", killed)
        with pytest.raises(KeyboardInterrupt):
            ingest(store, [str(corpus)])
        assert _stored(store) == before  # the graph rows are the old ones, all of them
        assert not store.graph_is_fresh
        monkeypatch.undo()
        report = ingest(store, [str(corpus)])  # the file is stored: the pending list remains
        assert report.update is not None and report.update.full is None
        assert report.update.changed == 1
        assert not _differences(_stored(store), _rebuilt(store))


def test_incremental_another_table_of_bodies_rebuilds_everything(synthetic, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(synthetic, corpus)
    aliases = tmp_path / "aliases.json"
    body = {"name": "Trung tâm Lưu trữ lịch sử", "level": "province", "aliases": ["tt lưu trữ"]}
    aliases.write_text(json.dumps({"agencies": [body]}), "utf-8")
    plan = corpus / "ha-noi" / "kh-ubnd.txt"
    with Store(tmp_path / "s.db", create=True) as store:
        ingest(store, [str(corpus)])
        old, new = _change_a_lead(plan)
        report = ingest(store, [str(corpus)], aliases=str(aliases))
        assert report.update.full and "table of bodies" in report.update.full
        plan.write_text(plan.read_text("utf-8").replace(new, old, 1), "utf-8")
        report = ingest(store, [str(corpus)], aliases=str(aliases))
        assert report.update.full is None  # the same table again: resolved locally


def test_incremental_the_file_that_placed_a_commune_goes(synthetic, tmp_path):
    """A commune's letter names no province: its plan gave it one. Without the plan, the
    letter's document is placed nowhere, as a full rebuild places it."""
    corpus = tmp_path / "corpus"
    shutil.copytree(synthetic, corpus)
    commune = next(d for d in sorted(corpus.glob("*/xa-*")) if list(d.glob("cv-ubnd*.txt")))
    letter = str(sorted(commune.glob("cv-ubnd*.txt"))[0])
    with Store(tmp_path / "s.db", create=True) as store:
        ingest(store, [str(corpus)])

        def province_of_letter() -> str | None:
            nodes = _stored(store)[0].values()
            return next(n["province"] for n in nodes if n.get("source") == letter)

        assert province_of_letter() is not None
        for plan in commune.glob("kh-ubnd.*"):
            plan.unlink()
        report = ingest(store, [str(corpus)], prune=True)
        assert report.update.full is None and report.update.whole >= 1
        assert province_of_letter() is None
        assert not _differences(_stored(store), _rebuilt(store))
