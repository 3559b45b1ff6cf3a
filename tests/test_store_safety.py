"""The store under faults: killed at every step of its creation, created by two processes at
once, opened by read commands (which never write), and files that are not newsmill stores."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import event, text
from sqlalchemy.pool import Pool

from newsmill.errors import StoreError
from newsmill.records import Article, Document, Event
from newsmill.store import Store

DOC = Document(Article("a1", "a1.txt", "text", "Protesters gathered in Almaty on Sunday.",
                       title="Protest in Almaty", content_hash="h", page_hash="p"),
               events=(Event("PROTEST", "Protesters gathered", 0, 19),))


def _in_child(work: Callable[[], None]) -> int:
    """Run ``work`` in a forked child; returns its exit status (-9 when it was killed)."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = 1
        try:
            work()
            code = 0
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    return -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)


def _create_killed_at(path: Path, step: int) -> Callable[[], None]:
    """Create a store at ``path``, SIGKILLed as SQLite starts its ``step``-th statement (the
    statements of the migrations, the transaction's BEGIN and COMMIT, the pragmas)."""

    def work() -> None:
        seen = [0]

        def trace(_sql: str) -> None:
            seen[0] += 1
            if seen[0] == step:
                os.kill(os.getpid(), signal.SIGKILL)

        def hook(dbapi: sqlite3.Connection, _record: object) -> None:
            dbapi.set_trace_callback(trace)

        event.listen(Pool, "connect", hook)
        Store(path).close()
        os.kill(os.getpid(), signal.SIGKILL) if step == 0 else None

    return work


def _steps_of_creation(tmp_path: Path) -> int:
    seen: list[str] = []

    def hook(dbapi: sqlite3.Connection, _record: object) -> None:
        dbapi.set_trace_callback(seen.append)

    event.listen(Pool, "connect", hook)
    try:
        Store(tmp_path / "count.db").close()
    finally:
        event.remove(Pool, "connect", hook)
    return len(seen)


def _works(path: Path) -> bool:
    with Store(path) as store:
        store.save([DOC])
        return store.get("a1") == DOC and store.stats().articles == 1


def test_a_store_killed_at_any_step_of_its_creation_opens_again(tmp_path: Path) -> None:
    steps = _steps_of_creation(tmp_path)
    assert steps > 10, "the creation runs the migrations' statements"
    broken = []
    for step in range(1, steps + 1):
        path = tmp_path / f"killed-{step}.db"
        assert _in_child(_create_killed_at(path, step)) == -signal.SIGKILL
        try:
            ok = _works(path)
        except StoreError as exc:
            ok, broken = False, [*broken, (step, str(exc))]
        assert ok or broken
    assert broken == [], f"{len(broken)} of {steps} kill points left a store that cannot open"


def test_two_processes_creating_one_store_both_end_with_a_working_store(tmp_path: Path) -> None:
    tries, failed = 12, []
    for n in range(tries):
        path = tmp_path / f"race-{n}.db"
        start = time.time() + 0.3

        def work(path: Path = path, start: float = start) -> None:
            time.sleep(max(0.0, start - time.time()))
            with Store(path) as store:
                store.save([DOC])

        pids = []
        for _ in range(2):
            pid = os.fork()
            if pid == 0:  # pragma: no cover - the child
                code = 1
                try:
                    work()
                    code = 0
                finally:
                    os._exit(code)
            pids.append(pid)
        codes = [os.waitstatus_to_exitcode(os.waitpid(p, 0)[1]) for p in pids]
        if codes != [0, 0] or not _works(path):
            failed.append((n, codes))
    assert failed == [], f"{len(failed)} of {tries} concurrent creations failed"


# ---- read commands never write; other applications' files are refused ---------------------

def _other_app(path: Path, version: str | None = None) -> Path:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)")
    con.execute("INSERT INTO users (name) VALUES ('ada')")
    if version:
        con.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        con.execute("INSERT INTO alembic_version VALUES (?)", (version,))
    con.commit()
    con.close()
    return path


def _fingerprint(path: Path) -> tuple[str, int, list[str]]:
    """The file's bytes and time, and the files beside it (SQLite's shared-memory index
    ``-shm`` and an empty ``-wal``, which a reader of a WAL store may make, left aside)."""
    wal = Path(f"{path}-wal")
    siblings = sorted(p.name for p in path.parent.iterdir()
                      if not p.name.endswith("-shm") and not (p == wal and not p.stat().st_size))
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns, siblings


@pytest.mark.parametrize("version", [None, "3f2a1b9c"])
def test_another_application_s_database_is_refused_and_left_as_it_was(
        tmp_path: Path, version: str | None) -> None:
    path = _other_app(tmp_path / "other.db", version)
    before = _fingerprint(path)
    for readonly in (True, False):
        with pytest.raises(StoreError, match=r"other\.db: .*not a newsmill store.*users"):
            Store(path, readonly=readonly)
    assert _fingerprint(path) == before


def test_reading_a_store_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with Store(path) as store:
        store.save([DOC])
    before = _fingerprint(path)
    with Store(path, readonly=True) as store:
        assert store.get("a1") == DOC
        assert [h.id for h in store.search("almaty")] == ["a1"]
        assert store.stats().articles == 1
        assert len(store.events()) == 1
    assert _fingerprint(path) == before


def test_a_read_only_store_can_be_queried(tmp_path: Path) -> None:
    import tempfile

    top = Path(tempfile.mkdtemp(prefix="newsmill-ro-"))  # outside pytest's private folder
    folder = top / "ro"
    folder.mkdir()
    with Store(folder / "s.db") as store:
        store.save([DOC])
    (folder / "s.db").chmod(0o444)
    folder.chmod(0o555)
    try:
        if os.geteuid() == 0:  # root writes anywhere: read as nobody instead
            top.chmod(0o755)
            for parent in top.parents:
                if parent.stat().st_mode & 0o001 == 0:
                    pytest.skip(f"{parent} is not searchable by other users")

            def as_nobody() -> None:
                os.setgid(65534)
                os.setuid(65534)
                with Store(folder / "s.db", readonly=True) as store:
                    assert store.get("a1") == DOC
                    assert store.stats().articles == 1

            assert _in_child(as_nobody) == 0
        else:
            with Store(folder / "s.db", readonly=True) as store:
                assert store.get("a1") == DOC
    finally:
        folder.chmod(0o755)
        shutil.rmtree(top)


@pytest.mark.parametrize("version", ["0004", "0006_days"])  # 0006_days: before the claims
def test_a_store_of_an_older_schema_is_named_for_reads_and_upgraded_by_writes(
        tmp_path: Path, version: str) -> None:
    from newsmill.store import schema

    path = tmp_path / "s.db"
    engine = schema.writer_engine(str(path))
    with engine.begin() as conn:  # a store as an older newsmill made it, with an article
        schema.migrate(conn, version)
        conn.execute(text("INSERT INTO articles (id, source, kind, body, content_hash, "
                          "page_hash) VALUES ('old', 'old.txt', 'text', 'Old words.', 'h', 'p')"))
    engine.dispose()
    before = _fingerprint(path)
    with pytest.raises(StoreError, match=rf"older newsmill \(schema {version}.*newsmill upgrade"):
        Store(path, readonly=True)
    assert _fingerprint(path) == before
    with Store(path) as store:
        assert store.get("old") is not None
        assert store.claim(["old"], "someone") == {"old"}  # the claims table is there
        store.release("someone")
    with Store(path, readonly=True) as store:
        assert store.stats().articles == 1


def test_a_store_of_a_newer_schema_is_named(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    Store(path).close()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '0099'")
    con.commit()
    con.close()
    for readonly in (True, False):
        with pytest.raises(StoreError, match=r"newer newsmill"):
            Store(path, readonly=readonly)
