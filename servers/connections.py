"""Connections to graph servers: the URI's scheme chooses the server and its client.

* ``bolt://``, ``bolt+s://``, ``neo4j://``, ``neo4j+s://`` (and ``+ssc``): Neo4j through
  the official ``neo4j`` driver; user and password from the caller (the CLI reads
  ``--user`` / ``--password-env VAR`` or ``NEO4J_USER`` / ``NEO4J_PASSWORD``), database
  from ``--database`` or ``NEO4J_DATABASE``;
* ``falkordb://[user:password@]host:port``: a FalkorDB server through the ``falkordb``
  client; ``falkordb+unix:///path/to/socket``: the same over a unix socket;
* ``falkordb+embedded:///path/to/file``: FalkorDB embedded in this process through
  ``falkordblite`` (Python ≥ 3.12).

A FalkorDB URI may name the graph with ``?graph=NAME`` (default ``policy_lineage``).

Every backend offers the same three calls, so ``push`` and the server queries never ask
which server they talk to: :meth:`Backend.write` (one statement, one transaction),
:meth:`Backend.read` (rows as dicts) and :meth:`Backend.ensure_schema`. Transient errors
(a server busy or restarting, a dropped connection) are retried with backoff; wrong
credentials and an unreachable server become a :class:`ServerError` with one line that
says what to do.

>>> parse_uri("falkordb://localhost:6379?graph=dt").graph
'dt'
>>> parse_uri("neo4j+s://x.databases.neo4j.io").kind
'neo4j'
"""

from __future__ import annotations

import os
import random
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import parse_qs, unquote, urlparse

from .cypher import DIALECTS, LABELS, Dialect, iso_dates, with_dates

__all__ = [
    "ServerError",
    "ServerSpec",
    "Backend",
    "parse_uri",
    "connect",
    "open_backend",
    "DEFAULT_GRAPH",
    "NEO4J_SCHEMES",
    "FALKORDB_SCHEMES",
    "Scheme",
    "SCHEMES",
    "register",
]

DEFAULT_GRAPH = "policy_lineage"
NEO4J_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
FALKORDB_SCHEMES = ("falkordb", "falkordb+unix", "falkordb+embedded")
EMBEDDED_HINT = (
    "falkordb+embedded:// needs falkordblite, which runs on Python ≥ 3.12: "
    "use Python ≥ 3.12 with `pip install 'policy-lineage[falkordb]'`"
)

T = TypeVar("T")


class ServerError(Exception):
    """The server cannot be reached or used; the message is one line saying why."""


@dataclass(frozen=True)
class ServerSpec:
    """A parsed server URI."""

    uri: str
    kind: str  # "neo4j", "falkordb", "falkordb-unix", "falkordb-embedded"
    host: str | None = None
    port: int | None = None
    path: str | None = None  # socket or embedded file
    graph: str = DEFAULT_GRAPH  # FalkorDB graph name
    user: str | None = None
    password: str | None = None

    @property
    def dialect(self) -> Dialect:
        return DIALECTS["neo4j" if self.kind == "neo4j" else "falkordb"]

    @property
    def display(self) -> str:
        """The URI without a password."""
        if self.password is None:
            return self.uri
        return self.uri.replace(f":{self.password}@", ":***@")


def parse_uri(uri: str) -> ServerSpec:
    """The server a URI names; :class:`ServerError` for a scheme nobody serves."""
    parsed = urlparse(uri)
    scheme = SCHEMES.get(parsed.scheme.lower())
    if scheme is None:
        known = ", ".join(f"{s}://" for s in SCHEMES)
        raise ServerError(f"unknown server URI {uri!r}: it must start with one of {known}")
    return scheme.parse(uri, parsed)


def _neo4j_spec(uri: str, parsed: Any) -> ServerSpec:
    return ServerSpec(uri, "neo4j", parsed.hostname, parsed.port)


def _falkordb_spec(uri: str, parsed: Any) -> ServerSpec:
    """``falkordb://[user:password@]host:port?graph=NAME``, or the same with a socket or
    file path (``falkordb+unix:///path``, ``falkordb+embedded:///path``)."""
    graph = parse_qs(parsed.query).get("graph", [DEFAULT_GRAPH])[0]
    user = unquote(parsed.username) if parsed.username else None
    password = unquote(parsed.password) if parsed.password else None
    scheme = parsed.scheme.lower()
    if scheme == "falkordb":
        host, port = parsed.hostname or "localhost", parsed.port or 6379
        return ServerSpec(uri, "falkordb", host, port, graph=graph, user=user, password=password)
    path = unquote(parsed.path)
    if parsed.netloc and parsed.netloc not in ("localhost",):
        path = unquote(parsed.netloc) + path  # falkordb+embedded://relative/file.db
    if not path:
        raise ServerError(f"{uri!r} names no file: write {scheme}:///path/to/file")
    kind = "falkordb-unix" if scheme == "falkordb+unix" else "falkordb-embedded"
    return ServerSpec(uri, kind, path=path, graph=graph, user=user, password=password)


# ---------------------------------------------------------------------- retries


def _neo4j_transient() -> tuple[type[BaseException], ...]:
    from neo4j.exceptions import ServiceUnavailable, SessionExpired, TransientError

    return (TransientError, ServiceUnavailable, SessionExpired)


def _redis_transient() -> tuple[type[BaseException], ...]:
    from redis.exceptions import BusyLoadingError, ConnectionError, TimeoutError

    return (ConnectionError, TimeoutError, BusyLoadingError)


def _redis_auth_error(exc: BaseException) -> bool:
    from redis.exceptions import AuthenticationError, AuthenticationWrongNumberOfArgsError

    if isinstance(exc, AuthenticationError | AuthenticationWrongNumberOfArgsError):
        return True
    text = str(exc)
    return text.startswith(("NOAUTH", "WRONGPASS", "invalid username-password"))


def retrying(
    work: Callable[[], T],
    transient: tuple[type[BaseException], ...],
    attempts: int = 5,
    delay: float = 0.5,
    permanent: Callable[[BaseException], bool] = lambda exc: False,
) -> T:
    """``work()``, tried again after transient errors: ``delay``, then doubling (with a
    little jitter), up to ``attempts`` tries in all; the last error is raised."""
    for attempt in range(1, attempts + 1):
        try:
            return work()
        except transient as exc:
            if attempt == attempts or permanent(exc):
                raise
            time.sleep(min(delay * 2 ** (attempt - 1), 8.0) * (1 + random.random() / 4))
    raise AssertionError("unreachable")


# ---------------------------------------------------------------------- backends


class Backend:
    """One graph on one server: write, read, schema, close."""

    spec: ServerSpec
    retries: int = 5

    @property
    def dialect(self) -> Dialect:
        return self.spec.dialect

    @property
    def name(self) -> str:
        return self.spec.display

    def write(self, statement: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run one statement in one transaction (all of it or nothing); its rows."""
        raise NotImplementedError

    def read(self, statement: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run one read-only statement; its rows as dicts."""
        raise NotImplementedError

    def ensure_schema(self) -> None:
        """Unique ids and the indexes the queries use; a second call changes nothing."""
        for statement in self.dialect.schema():
            try:
                self.write(statement)
            except ServerError:
                raise
            except Exception as exc:
                if not self.dialect.already_exists(exc):
                    raise

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Backend:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class Neo4jBackend(Backend):
    """Neo4j (or anything that speaks Bolt) through the official driver."""

    def __init__(
        self,
        spec: ServerSpec,
        user: str | None = None,
        password: str | None = None,
        database: str | None = None,
        retries: int = 5,
        connect_attempts: int = 2,
    ) -> None:
        import neo4j
        from neo4j.exceptions import AuthError, ConfigurationError, ServiceUnavailable

        self.spec = spec
        self.database = database or None
        self.retries = retries
        auth = (user or "neo4j", password or "") if (user or password) else None
        try:
            self.driver = neo4j.GraphDatabase.driver(
                spec.uri, auth=auth, connection_timeout=10, max_transaction_retry_time=15
            )
        except (ConfigurationError, ValueError) as exc:
            raise ServerError(f"cannot use {spec.display}: {exc}") from exc
        try:
            retrying(
                lambda: self.driver.verify_connectivity(),
                _neo4j_transient(),
                attempts=connect_attempts,
                delay=0.2,
            )
        except AuthError as exc:
            self.driver.close()
            who = user or "neo4j"
            raise ServerError(
                f"{spec.display} refused the credentials of user {who!r}: give --user and "
                "--password-env VAR (or set NEO4J_USER / NEO4J_PASSWORD)"
            ) from exc
        except ServiceUnavailable as exc:
            self.driver.close()
            raise ServerError(
                f"cannot reach a Neo4j server at {spec.display}: is it running, and is the "
                "address right?"
            ) from exc
        except Exception as exc:
            self.driver.close()
            raise ServerError(f"cannot connect to {spec.display}: {_one_line(exc)}") from exc

    def _session(self) -> Any:
        return (
            self.driver.session(database=self.database) if self.database else self.driver.session()
        )

    def write(self, statement: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        params = _neo4j_params(params)

        def work(tx: Any) -> list[dict[str, Any]]:
            return [iso_dates(record.data()) for record in tx.run(statement, params)]

        def attempt() -> list[dict[str, Any]]:
            with self._session() as session:
                return session.execute_write(work)

        return self._guard(lambda: retrying(attempt, _neo4j_transient(), self.retries))

    def read(self, statement: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        def work(tx: Any) -> list[dict[str, Any]]:
            return [iso_dates(record.data()) for record in tx.run(statement, params or {})]

        def attempt() -> list[dict[str, Any]]:
            with self._session() as session:
                return session.execute_read(work)

        return self._guard(lambda: retrying(attempt, _neo4j_transient(), self.retries))

    def _guard(self, work: Callable[[], T]) -> T:
        from neo4j.exceptions import AuthError, ServiceUnavailable

        try:
            return work()
        except AuthError as exc:
            raise ServerError(f"{self.name} refused the credentials: {_one_line(exc)}") from exc
        except ServiceUnavailable as exc:
            raise ServerError(f"lost the connection to {self.name}: {_one_line(exc)}") from exc

    def close(self) -> None:
        self.driver.close()


class FalkorDBBackend(Backend):
    """A FalkorDB server (TCP or unix socket) through the ``falkordb`` client, or an
    embedded one through ``falkordblite``; one graph of it (``?graph=NAME``)."""

    def __init__(
        self,
        spec: ServerSpec,
        user: str | None = None,
        password: str | None = None,
        retries: int = 5,
        connect_attempts: int = 2,
    ) -> None:
        self.spec = spec
        self.retries = retries
        self._embedded = None
        user = user or spec.user
        password = password or spec.password
        try:
            if spec.kind == "falkordb-embedded":
                self.db = self._open_embedded(spec)
            else:
                from falkordb import FalkorDB

                if spec.kind == "falkordb-unix":
                    self.db = FalkorDB(unix_socket_path=spec.path, username=user, password=password)
                else:
                    self.db = FalkorDB(
                        host=spec.host,
                        port=spec.port,
                        username=user,
                        password=password,
                        socket_connect_timeout=10,
                    )
            self.graph = self.db.select_graph(spec.graph)
            retrying(
                self.db.list_graphs,  # the server answers, and has the module
                _redis_transient(),
                attempts=connect_attempts,
                delay=0.2,
                permanent=_redis_auth_error,
            )
        except ServerError:
            raise
        except Exception as exc:
            raise self._error(exc) from exc

    @staticmethod
    def _open_embedded(spec: ServerSpec) -> Any:
        try:
            from redislite.falkordb_client import FalkorDB as Embedded
        except ImportError as exc:
            if sys.version_info < (3, 12):
                raise ServerError(
                    f"{EMBEDDED_HINT} (this is Python {sys.version.split()[0]})"
                ) from exc
            raise ServerError(f"{EMBEDDED_HINT} (falkordblite is not installed)") from exc
        assert spec.path is not None
        folder = os.path.dirname(os.path.abspath(spec.path))
        if not os.path.isdir(folder):
            raise ServerError(f"cannot create {spec.path}: no folder {folder}")
        return Embedded(spec.path)

    def _error(self, exc: BaseException) -> ServerError:
        from redis.exceptions import ConnectionError, ResponseError

        if _redis_auth_error(exc):
            return ServerError(
                f"{self.name} refused the credentials: give them in the URI "
                "(falkordb://user:password@host:port) or with --user / --password-env"
            )
        if isinstance(exc, ConnectionError):
            where = (
                self.spec.path
                if self.spec.kind != "falkordb"
                else f"{self.spec.host}:{self.spec.port}"
            )
            return ServerError(
                f"cannot reach a FalkorDB server at {where}: is it running, and is the "
                "address right?"
            )
        if isinstance(exc, ResponseError) and "unknown command" in str(exc).lower():
            return ServerError(
                f"{self.name} is a Redis server without the FalkorDB module "
                "(load it with --loadmodule falkordb.so)"
            )
        return ServerError(f"{self.name}: {_one_line(exc)}")

    def _run(self, statement: str, params: dict[str, Any] | None, read_only: bool) -> list[dict]:
        from redis.exceptions import ConnectionError, ResponseError

        def attempt() -> Any:
            if read_only:
                return self.graph.ro_query(statement, params)
            return self.graph.query(statement, params)

        try:
            result = retrying(
                attempt, _redis_transient(), self.retries, permanent=_redis_auth_error
            )
        except ResponseError as exc:
            if read_only and "empty key" in str(exc):
                raise ServerError(
                    f"{self.name} holds no graph {self.spec.graph!r}: "
                    "run `policy-lineage push URI` first"
                ) from exc
            raise  # a Cypher error: the caller decides (schema statements may exist)
        except ConnectionError as exc:
            raise self._error(exc) from exc
        names = [column[1] for column in result.header]
        return [dict(zip(names, row, strict=True)) for row in result.result_set]

    def write(self, statement: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        # One GRAPH.QUERY is atomic: it is applied whole or not at all.
        return self._run(statement, params, read_only=False)

    def read(self, statement: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        return self._run(statement, params, read_only=True)

    def ensure_schema(self) -> None:
        super().ensure_schema()
        for name in LABELS:  # unique ids: FalkorDB makes them with a command, not Cypher
            try:
                self.graph.create_node_unique_constraint(name, "id")
            except Exception as exc:
                if not self.dialect.already_exists(exc):
                    raise

    def close(self) -> None:
        with suppress(Exception):
            self.db.connection.close()


def _neo4j_params(params: dict[str, Any] | None) -> dict[str, Any]:
    """Parameters for Neo4j: a batch's days (``$rows``) as dates, so Neo4j stores a Date
    as ``neo4j-admin`` (``date:date``) and the cypher script (``date('…')``) do."""
    params = dict(params or {})
    if isinstance(params.get("rows"), list):
        params["rows"] = with_dates(params["rows"])
    return params


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:300] or type(exc).__name__


def connect(
    uri: str,
    user: str | None = None,
    password: str | None = None,
    database: str | None = None,
    retries: int = 5,
) -> Backend:
    """A backend for ``uri`` (see the module's doc); :class:`ServerError` if unusable."""
    spec = parse_uri(uri)
    return _scheme_of(uri).backend(spec, user, password, database, retries)


def _scheme_of(uri: str) -> Scheme:
    return SCHEMES[urlparse(uri).scheme.lower()]


@contextmanager
def open_backend(
    uri: str,
    user: str | None = None,
    password_env: str | None = None,
    database: str | None = None,
) -> Iterator[Backend]:
    """:func:`connect` with the CLI's defaults: user from ``user`` or ``$NEO4J_USER``,
    password from the variable ``password_env`` names (or ``$NEO4J_PASSWORD``; for
    FalkorDB ``$FALKORDB_PASSWORD``), database from ``database`` or ``$NEO4J_DATABASE``;
    closed at the end."""
    parse_uri(uri)  # an unknown scheme is one line
    scheme = _scheme_of(uri)
    user = user or os.environ.get(scheme.user_env)
    var = password_env or scheme.password_env
    if scheme.database_env:
        database = database or os.environ.get(scheme.database_env)
    if password_env and password_env not in os.environ:
        raise ServerError(f"--password-env {password_env}: no such environment variable")
    backend = connect(uri, user, os.environ.get(var), database)
    try:
        yield backend
    finally:
        backend.close()


# ---------------------------------------------------------------------- the registry


@dataclass(frozen=True)
class Scheme:
    """What a URI scheme means: how its URI is read, which backend serves it, and where
    the CLI finds its credentials."""

    parse: Callable[[str, Any], ServerSpec]
    backend: Callable[[ServerSpec, str | None, str | None, str | None, int], Backend]
    user_env: str
    password_env: str
    database_env: str | None = None


SCHEMES: dict[str, Scheme] = {}


def register(name: str, scheme: Scheme) -> None:
    """Serve URIs ``name://…`` with ``scheme`` (as rdflib registers its plugins).

    >>> sorted(SCHEMES)[:3]
    ['bolt', 'bolt+s', 'bolt+ssc']
    """
    SCHEMES[name.lower()] = scheme


def _neo4j(spec: ServerSpec, user: Any, password: Any, database: Any, retries: int) -> Backend:
    return Neo4jBackend(spec, user, password, database, retries)


def _falkordb(spec: ServerSpec, user: Any, password: Any, database: Any, retries: int) -> Backend:
    return FalkorDBBackend(spec, user, password, retries)


for _name in NEO4J_SCHEMES:
    register(_name, Scheme(_neo4j_spec, _neo4j, "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE"))
for _name in FALKORDB_SCHEMES:
    register(_name, Scheme(_falkordb_spec, _falkordb, "FALKORDB_USER", "FALKORDB_PASSWORD"))
