"""``--backend URI`` on trace, tasks --from, agency and overlaps: after a push of the
Đồng Tháp corpus to a real FalkorDB server, every command prints byte for byte what it
prints from the store; a server that cannot be used is one line and exit code 1."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from policy_lineage.cli import main

QUERIES = [
    ["trace", "57-NQ/TW", "--relations", "implements,cites"],
    ["trace", "57/NQ-TW", "--depth", "1"],
    ["tasks", "--from", "04-TB/BCĐTW"],
    ["tasks", "--from", "nghi quyet 57", "--status", "overdue", "--as-of", "2026-06-30"],
    ["tasks", "--from", "57-NQ/TW", "--level", "province", "--agency", "so khoa hoc"],
    ["agency", "Sở Khoa học và Công nghệ"],
    ["agency", "so tai chinh"],
    ["overlaps"],
    ["overlaps", "--agency", "Sở KH&CN"],
    ["overlaps", "--min-score", "0.8"],
]


@pytest.fixture
def _run(cli):
    """``_run(args, store, backend=None)``: a query command on the store or a server."""

    def go(args: list[str], store: Path, backend: str | None = None) -> Result:
        extra = ["--store", str(store)] + (["--backend", backend] if backend else [])
        return cli(*args, *extra, env={"POLICY_LINEAGE_BACKEND": None})

    return go


@pytest.fixture
def pushed(falkordb_uri: str, corpus_store: Path) -> str:
    """The URI of a graph holding the corpus, pushed by the CLI."""
    result = CliRunner().invoke(main, ["push", falkordb_uri, "--store", str(corpus_store)])
    assert result.exit_code == 0, result.output
    return falkordb_uri


def test_backend_cli_json_is_byte_identical(_run, pushed: str, corpus_store: Path) -> None:
    for args in QUERIES:
        for fmt in ("json", "csv"):
            query = [*args, "--format", fmt]
            here = _run(query, corpus_store)
            there = _run(query, corpus_store, pushed)
            assert here.exit_code == 0, (query, here.output)
            assert there.exit_code == 0, (query, there.output)
            assert there.stdout_bytes == here.stdout_bytes, query
            assert len(here.stdout_bytes) > 40, query  # something real was compared


def test_backend_cli_answers_are_the_corpus(_run, pushed: str, corpus_store: Path) -> None:
    """What the server printed is the corpus's answer, not two empty lists that agree."""
    import json

    def data(*args: str) -> object:
        result = _run([*args, "--format", "json"], corpus_store, pushed)
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    chain = data("trace", "57-NQ/TW", "--relations", "implements,cites")
    assert chain["root"] == "57-NQ/TW"
    numbers = {n["number"] for n in chain["nodes"]}
    assert {"57-NQ/TW", "01-KH/BCĐ", "10094/VPCP-KGVX", "3398/VPCP-CĐS"} <= numbers
    assert sum(1 for n in chain["nodes"] if n["in_corpus"]) == 5  # the five bundled files
    assert len(data("tasks", "--from", "04-TB/BCĐTW")) == 18  # README: the letter's 18 tasks
    work = data("agency", "Sở Khoa học và Công nghệ")
    assert [a["name"] for a in work["agencies"]] == ["Sở Khoa học và Công nghệ"]
    assert {t["role"] for t in work["tasks"]} == {"lead", "cooperating"}
    groups = data("overlaps")
    kinds = {"duplicate", "conflicting_lead", "conflicting_deadline"}
    assert groups and all(g["kind"] in kinds and len(g["tasks"]) >= 2 for g in groups)


def test_backend_cli_table_is_the_same(_run, pushed: str, corpus_store: Path) -> None:
    for args in (["trace", "57-NQ/TW"], ["tasks", "--from", "04-TB/BCĐTW"], ["overlaps"]):
        here, there = _run(args, corpus_store), _run(args, corpus_store, pushed)
        assert there.exit_code == here.exit_code == 0, there.output
        assert there.stdout_bytes == here.stdout_bytes, args


def test_backend_cli_unknown_document_lists_candidates(
    _run, pushed: str, corpus_store: Path
) -> None:
    for args in (["trace", "NQ 99"], ["tasks", "--from", "kế hoạch"], ["agency", "Bộ Quốc phòng"]):
        here, there = _run(args, corpus_store), _run(args, corpus_store, pushed)
        assert here.exit_code == there.exit_code == 1, (args, there.output)
        assert there.output == here.output, args


def test_backend_cli_does_not_need_the_store(_run, pushed: str, tmp_path: Path) -> None:
    result = _run(["agency", "so khoa hoc"], tmp_path / "none.db", pushed)
    assert result.exit_code == 0, result.output


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _one_line_error(result: Result) -> str:
    assert result.exit_code == 1, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    assert "Traceback" not in result.output
    return lines[0]


@pytest.mark.parametrize(
    "args",
    [
        ["trace", "57-NQ/TW"],
        ["tasks", "--from", "04-TB/BCĐTW"],
        ["agency", "Sở Khoa học và Công nghệ"],
        ["overlaps"],
    ],
)
@pytest.mark.parametrize("port", [1, None])
def test_backend_cli_unreachable_is_one_line(
    _run, args: list[str], port: int | None, corpus_store: Path
) -> None:
    uri = f"falkordb://127.0.0.1:{port or _closed_port()}"
    line = _one_line_error(_run(args, corpus_store, uri))
    assert "cannot reach a FalkorDB server" in line


def test_backend_cli_nothing_pushed_is_one_line(
    _run, falkordb_uri: str, corpus_store: Path
) -> None:
    line = _one_line_error(_run(["trace", "57-NQ/TW"], corpus_store, falkordb_uri))
    assert "policy-lineage push" in line


def test_backend_cli_backend_from_environment(_run, pushed: str, corpus_store: Path) -> None:
    args = ["agency", "so khoa hoc", "--format", "json", "--store", str(corpus_store)]
    there = CliRunner().invoke(main, args, env={"POLICY_LINEAGE_BACKEND": pushed})
    unreachable = CliRunner().invoke(
        main, args, env={"POLICY_LINEAGE_BACKEND": "falkordb://127.0.0.1:1"}
    )
    assert there.exit_code == 0 and there.output == _run(args, corpus_store).output
    assert unreachable.exit_code == 1


def test_backend_cli_after_the_cypher_export_is_loaded(
    _run, falkordb_uri: str, corpus_store: Path, tmp_path: Path
) -> None:
    """A server filled by `export --format cypher` (not by push) answers as the store."""
    from policy_lineage.servers.connections import connect

    script = tmp_path / "lineage.cypher"
    result = CliRunner().invoke(
        main,
        [
            "export",
            "--format",
            "cypher",
            "--cypher-dialect",
            "falkordb",
            str(script),
            "--store",
            str(corpus_store),
        ],
    )
    assert result.exit_code == 0, result.output
    with connect(falkordb_uri) as backend:
        for line in script.read_text(encoding="utf-8").split("\n"):
            if line.startswith(("//", "CREATE CONSTRAINT", "CREATE INDEX")) or not line:
                continue  # comments, and Neo4j's own schema statements
            backend.write(line.removesuffix(";"))
    for args in QUERIES:
        query = [*args, "--format", "json"]
        there = _run(query, corpus_store, falkordb_uri)
        assert there.exit_code == 0, (query, there.output)
        assert there.stdout_bytes == _run(query, corpus_store).stdout_bytes, query
