"""Wrong credentials, an unreachable server, a bad URI: one clear line and exit code 1."""

from __future__ import annotations

import socket
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from policy_lineage.cli import main
from policy_lineage.servers.connections import ServerError, connect, parse_uri


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # closed once the socket is


def _push(uri: str, store: Path, *extra: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(main, ["push", uri, "--store", str(store), *extra], env=env)


def _one_line_error(result) -> str:
    assert result.exit_code == 1, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    assert "Traceback" not in result.output
    return lines[0]


def test_unreachable_neo4j(corpus_store: Path) -> None:
    line = _one_line_error(_push(f"bolt://127.0.0.1:{_closed_port()}", corpus_store))
    assert "cannot reach a Neo4j server" in line


def test_unreachable_falkordb(corpus_store: Path, tmp_path: Path) -> None:
    line = _one_line_error(_push(f"falkordb://127.0.0.1:{_closed_port()}", corpus_store))
    assert "cannot reach a FalkorDB server" in line
    line = _one_line_error(_push(f"falkordb+unix://{tmp_path}/no.sock", corpus_store))
    assert "cannot reach a FalkorDB server" in line


def test_wrong_credentials(corpus_store: Path, refusing_bolt: int) -> None:
    result = _push(
        f"bolt://127.0.0.1:{refusing_bolt}",
        corpus_store,
        "--user",
        "neo4j",
        "--password-env",
        "MY_PW",
        env={"MY_PW": "wrong"},
    )
    line = _one_line_error(result)
    assert "refused the credentials of user 'neo4j'" in line
    assert "wrong" not in line  # the password is never printed


def test_missing_password_variable(corpus_store: Path) -> None:
    result = _push("bolt://127.0.0.1:7687", corpus_store, "--password-env", "NO_SUCH_VAR_X")
    assert "NO_SUCH_VAR_X" in _one_line_error(result)


def test_unknown_scheme(corpus_store: Path) -> None:
    assert "unknown server URI" in _one_line_error(_push("http://localhost", corpus_store))


def test_no_store(tmp_path: Path) -> None:
    result = _push("falkordb://127.0.0.1:1", tmp_path / "none.db")
    assert "no store" in _one_line_error(result)


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="the message is for Python < 3.12")
def test_embedded_on_python_311_says_what_to_do(corpus_store: Path, tmp_path: Path) -> None:
    line = _one_line_error(_push(f"falkordb+embedded://{tmp_path}/g.db", corpus_store))
    assert "Python ≥ 3.12" in line and "pip install 'policy-lineage[falkordb]'" in line


def test_uri_forms() -> None:
    assert parse_uri("falkordb+unix:///run/fk.sock?graph=g").path == "/run/fk.sock"
    assert parse_uri("falkordb+embedded:///data/g.db").kind == "falkordb-embedded"
    spec = parse_uri("falkordb://u:s3cret@db:6380")
    assert (spec.host, spec.port, spec.user, spec.graph) == ("db", 6380, "u", "policy_lineage")
    assert "s3cret" not in spec.display
    assert parse_uri("neo4j+s://x.databases.neo4j.io").dialect.name == "neo4j"
    with pytest.raises(ServerError):
        connect(f"bolt://127.0.0.1:{_closed_port()}")


def test_transient_errors_are_retried_with_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    from neo4j.exceptions import ServiceUnavailable, TransientError

    from policy_lineage.servers import connections as servers

    sleeps: list[float] = []
    monkeypatch.setattr(servers.time, "sleep", sleeps.append)
    calls = {"n": 0}

    def flaky() -> str:
        calls["n"] += 1
        if calls["n"] < 3:
            raise TransientError("Neo.TransientError.Transaction.DeadlockDetected")
        return "done"

    assert servers.retrying(flaky, (TransientError, ServiceUnavailable), attempts=5) == "done"
    assert calls["n"] == 3 and len(sleeps) == 2 and sleeps[1] > sleeps[0]

    def down() -> None:
        raise ServiceUnavailable("gone")

    with pytest.raises(ServiceUnavailable):
        servers.retrying(down, (ServiceUnavailable,), attempts=3)
    assert len(sleeps) == 4
