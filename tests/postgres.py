"""A private PostgreSQL server for the tests: started by the fixtures themselves (``initdb`` into
a temporary folder, ``pg_ctl`` listening on 127.0.0.1 only, on a free port, its socket in the
same folder), a fresh database for each test that asks, stopped and removed at the end.

PostgreSQL's programs are found on PATH or in ``/usr/lib/postgresql/*/bin`` (where Debian puts
them). ``initdb`` refuses to run as root, so as root the server runs as the ``postgres`` user
(or ``nobody``), owning its folder. Without PostgreSQL the tests that need it skip, saying how
to install it, unless ``NEWSMILL_REQUIRE_POSTGRES=1`` (CI), when they fail.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

INSTALL = "install PostgreSQL: apt-get install postgresql"
SUPERUSER = "newsmill"


def _binaries() -> Path | None:
    """The folder holding ``initdb`` and ``pg_ctl``, newest version first."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(os.path.realpath(found)).parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit()
                        else 0, reverse=True)
    for initdb in candidates:
        folder = Path(initdb).parent
        if (folder / "pg_ctl").exists():
            return folder
    return None


def _as_user() -> tuple[list[str], str | None]:
    """The command prefix that runs PostgreSQL's programs as an unprivileged user when we are
    root (initdb refuses root), and that user's name."""
    if os.geteuid() != 0:
        return [], None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        if shutil.which("runuser"):
            return ["runuser", "-u", name, "--"], name
        if shutil.which("setpriv"):
            return ["setpriv", f"--reuid={name}", f"--regid={pwd.getpwnam(name).pw_gid}",
                    "--init-groups"], name
    raise RuntimeError("running as root with neither runuser nor setpriv, or no unprivileged "
                       "user (postgres, nobody) to run PostgreSQL as")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    """A running private PostgreSQL server."""

    folder: Path
    port: int

    def url(self, database: str, password: str | None = None) -> str:
        auth = SUPERUSER + (f":{password}" if password else "")
        return f"postgresql://{auth}@127.0.0.1:{self.port}/{database}"

    def admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(sql)  # type: ignore[arg-type]

    def create_database(self) -> str:
        name = "t_" + uuid.uuid4().hex[:16]
        self.admin(f'CREATE DATABASE "{name}"')
        return name

    def drop_database(self, name: str) -> None:
        self.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def start() -> Server:
    """initdb and start a server in a new temporary folder (the caller stops it)."""
    binaries = _binaries()
    if binaries is None:
        raise FileNotFoundError(INSTALL)
    prefix, user = _as_user()
    folder = Path(tempfile.mkdtemp(prefix="newsmill-pg-"))
    if user is not None:
        entry = pwd.getpwnam(user)
        os.chown(folder, entry.pw_uid, entry.pw_gid)
    data = folder / "data"
    run = dict(check=True, capture_output=True, text=True, cwd=folder)
    subprocess.run([*prefix, str(binaries / "initdb"), "-D", str(data), "-U", SUPERUSER,
                    "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"], **run)  # type: ignore[call-overload]
    port = _free_port()
    options = (f"-c listen_addresses=127.0.0.1 -p {port} -k {folder} -c fsync=off "
               "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
    try:
        subprocess.run([*prefix, str(binaries / "pg_ctl"), "-D", str(data), "-l",
                        str(folder / "server.log"), "-o", options, "-w", "-t", "60", "start"],
                       **run)  # type: ignore[call-overload]
    except subprocess.CalledProcessError as exc:
        log = (folder / "server.log").read_text(errors="replace") if (
            folder / "server.log").exists() else ""
        shutil.rmtree(folder, ignore_errors=True)
        raise RuntimeError(f"pg_ctl could not start PostgreSQL: {exc.stderr}\n{log}") from exc
    return Server(folder, port)


def stop(server: Server) -> None:
    prefix, _ = _as_user()
    binaries = _binaries()
    if binaries is not None:
        subprocess.run([*prefix, str(binaries / "pg_ctl"), "-D", str(server.folder / "data"),
                        "-m", "fast", "-w", "stop"], capture_output=True, check=False)
    shutil.rmtree(server.folder, ignore_errors=True)


def _unavailable(reason: str) -> None:
    if os.environ.get("NEWSMILL_REQUIRE_POSTGRES") == "1":
        pytest.fail(f"PostgreSQL is required (NEWSMILL_REQUIRE_POSTGRES=1): {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def postgres() -> Iterator[Server]:
    """A private PostgreSQL server for the whole test session."""
    if _binaries() is None:
        _unavailable(f"PostgreSQL is not installed (no initdb, pg_ctl); {INSTALL}")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _unavailable("psycopg is not installed; pip install 'psycopg[binary]'")
    try:
        server = start()
    except (RuntimeError, subprocess.CalledProcessError, OSError) as exc:
        detail = getattr(exc, "stderr", None) or exc
        _unavailable(f"PostgreSQL could not be started: {detail}")
        raise
    try:
        yield server
    finally:
        stop(server)


@pytest.fixture
def pg_url(postgres: Server) -> Iterator[str]:
    """The URL of a fresh, empty database on the private server, dropped after the test."""
    name = postgres.create_database()
    try:
        yield postgres.url(name)
    finally:
        postgres.drop_database(name)
