"""The Ray engine on a local Ray cluster of two CPUs (started by the test on 127.0.0.1, stopped
after it): the same store as the local runner, and a worker killed mid-run costs nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import test_run
from conftest import EXAMPLES
from test_run import _count, _dump, _make_pages, _slowly

from newsmill.extract import extract_stage
from newsmill.pipeline import Pipeline, stage
from newsmill.records import Article
from newsmill.run import default_pipeline, run
from newsmill.run.ray_engine import LOCAL_ONLY, RayEngine
from newsmill.store import Store

os.environ[LOCAL_ONLY] = "0"  # read when Ray is imported: a local cluster on 127.0.0.1 only
ray = pytest.importorskip("ray", reason="Ray is not installed: pip install 'newsmill[ray]'")


@pytest.fixture(scope="module")
def cluster() -> Iterator[None]:
    """A local Ray cluster with two CPUs, listening on 127.0.0.1 only."""
    ray.cloudpickle.register_pickle_by_value(test_run)  # its test stages, for the actors
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, logging_level="ERROR")
    try:
        yield
    finally:
        ray.shutdown()


def _slow_pipeline() -> Pipeline:
    slow = stage("slow", needs=["article"], provides=["slowed"], output=Article)(_slowly)
    return Pipeline([extract_stage(), slow])


@pytest.mark.slow
def test_ray_stores_what_the_local_runner_does(tmp_path: Path, cluster: None) -> None:
    with Store(tmp_path / "local.db") as store:
        run([EXAMPLES], store, pipeline=default_pipeline())
    engine = RayEngine(default_pipeline(), workers=2)
    try:
        with Store(tmp_path / "ray.db") as store:
            summary = run([EXAMPLES], store, engine=engine, batch_size=1)
            assert (summary.stored, summary.skipped) == (4, [])
            assert store.stats().events > 0
    finally:
        engine.close()
    assert _dump(tmp_path / "ray.db") == _dump(tmp_path / "local.db")


def test_ray_actors_into_a_postgresql_store(tmp_path: Path, cluster: None, pg_url: str) -> None:
    """The Ray engine with the store on a PostgreSQL server: what a cluster would write to."""
    folder = _make_pages(tmp_path / "pages", 24)
    with Store(tmp_path / "local.db") as local:
        run([folder], local, pipeline=_slow_pipeline(), batch_size=4)
        expected = sorted((d.article.id, d.article.body) for d in local.documents())
    engine = RayEngine(_slow_pipeline(), workers=2)
    try:
        with Store(pg_url) as store:
            summary = run([folder], store, engine=engine, batch_size=4)
            assert (summary.stored, summary.skipped) == (24, [])
            again = run([folder], store, engine=engine, batch_size=4)
            assert (again.stored, again.unchanged) == (0, 24)
            assert sorted((d.article.id, d.article.body) for d in store.documents()) == expected
    finally:
        engine.close()


def test_a_worker_killed_mid_run_then_the_run_again(tmp_path: Path, cluster: None) -> None:
    folder = _make_pages(tmp_path / "pages", 60)
    with Store(tmp_path / "clean.db") as store:
        run([folder], store, pipeline=_slow_pipeline(), batch_size=3)
    engine = RayEngine(_slow_pipeline(), workers=2)
    try:
        with Store(tmp_path / "killed.db") as store:
            result: dict[str, object] = {}

            def ingest() -> None:
                try:
                    result["summary"] = run([folder], store, engine=engine, batch_size=3)
                except BaseException as exc:  # shown by the assertion below
                    result["error"] = exc

            worker = threading.Thread(target=ingest)
            worker.start()
            deadline = time.time() + 120
            while _count(tmp_path / "killed.db") < 10 and time.time() < deadline:
                time.sleep(0.05)
            victim = engine.pids()[0]
            os.kill(victim, signal.SIGKILL)
            worker.join(timeout=300)
            assert not worker.is_alive() and "error" not in result, result.get("error")
            summary = result["summary"]
            assert summary.stored + len(summary.skipped) == 60  # type: ignore[attr-defined]
            assert victim not in engine.pids()  # the dead actor was replaced
            again = run([folder], store, engine=engine, batch_size=3)
            assert again.stored == len(summary.skipped)  # type: ignore[attr-defined]
    finally:
        engine.close()
    assert _dump(tmp_path / "killed.db") == _dump(tmp_path / "clean.db")


@pytest.mark.slow
def test_ingest_engine_ray_from_the_command_line(tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    env = {**os.environ, "COLUMNS": "200"}
    done = subprocess.run([sys.executable, "-m", "newsmill.serve.cli", "ingest", str(EXAMPLES),
                           "--db", str(db), "--engine", "ray", "--workers", "2"],
                          capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "4 stored" in " ".join(done.stdout.split())
    assert "starting the Ray engine" in done.stderr
    bad = subprocess.run([sys.executable, "-m", "newsmill.serve.cli", "ingest", str(EXAMPLES),
                          "--db", str(db), "--address", "127.0.0.1:1"],
                         capture_output=True, text=True, env=env)
    assert bad.returncode == 2 and "--engine ray" in bad.stderr
