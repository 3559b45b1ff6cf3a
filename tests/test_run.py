"""The local runner: idempotent ingest, and a run killed halfway then restarted."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import EXAMPLES, shared_path

from newsmill.run import default_pipeline, run
from newsmill.store import Store

PARAGRAPH = ("Residents of district {n} met on Thursday to discuss the new bus routes, which the "
             "transport office says will cut journey times by a quarter for {n} thousand riders.")


def _make_pages(folder: Path, n: int) -> Path:
    folder.mkdir()
    for i in range(n):
        body = "".join(f"<p>{PARAGRAPH.format(n=i * 10 + j)}</p>" for j in range(4))
        (folder / f"page-{i:04d}.html").write_text(
            f"<html><head><title>Bus routes in district {i}</title></head>"
            f"<body><article><h1>Bus routes in district {i}</h1>{body}</article></body></html>")
    return folder


def _dump(db: Path) -> list[tuple[object, ...]]:
    """Everything the store holds about articles, in a stable order (run times left out)."""
    con = sqlite3.connect(db)
    rows: list[tuple[object, ...]] = []
    for table, order in (("articles", "id"), ("mentions", "article_id, idx"),
                         ("statements", "article_id, idx"), ("events", "article_id, idx"),
                         ("skipped", "source")):
        cols = "*" if table != "articles" else "id, source, kind, url, title, authors, " \
            "publisher, published, updated, language, body, content_hash, page_hash"
        rows += [(table, *r) for r in con.execute(f"SELECT {cols} FROM {table} ORDER BY {order}")]
    rows += [("fts", *r) for r in con.execute(
        "SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'the' ORDER BY rowid")]
    con.close()
    return rows


def _ingest_cmd(folder: Path, db: Path, *flags: str) -> list[str]:
    return [sys.executable, "-m", "newsmill.serve.cli", "ingest", str(folder), "--db", str(db),
            "--batch-size", "4", *flags]


def _count(db: Path) -> int:
    try:
        con = sqlite3.connect(db, timeout=1)
        n = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        con.close()
        return int(n)
    except sqlite3.Error:
        return 0


def _children(pid: int) -> list[int]:
    """The processes ``pid`` started (Linux)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[-1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _kill_and_resume(folder: Path, tmp: Path, total: int, *flags: str) -> None:
    clean, killed = tmp / "clean.db", tmp / "killed.db"
    subprocess.run(_ingest_cmd(folder, clean, *flags), check=True, capture_output=True)
    assert _count(clean) == total

    proc = subprocess.Popen(_ingest_cmd(folder, killed, *flags),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while _count(killed) < total // 4 and proc.poll() is None and time.time() < deadline:
        time.sleep(0.05)
    workers = _children(proc.pid)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = _count(killed)
    deadline = time.time() + 15  # its worker processes end with it, not linger
    while any(Path(f"/proc/{pid}").exists() for pid in workers) and time.time() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in workers if Path(f"/proc/{pid}").exists()]
    assert 0 < partial < total, f"the run was to be killed halfway, it had stored {partial}"

    subprocess.run(_ingest_cmd(folder, killed, *flags), check=True, capture_output=True)
    assert _dump(killed) == _dump(clean)


def test_ingesting_twice_adds_nothing(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    pipeline = default_pipeline(nlp=False)
    first = run([EXAMPLES], store, pipeline=pipeline)
    assert first.stored == 4 and not first.skipped
    before = _dump(tmp_path / "s.db")
    second = run([EXAMPLES], store, pipeline=pipeline)
    assert (second.stored, second.unchanged, second.skipped) == (0, 4, [])
    assert _dump(tmp_path / "s.db") == before


@pytest.mark.parametrize("workers", ["1", "2"])
def test_killed_run_resumes_to_the_same_store(tmp_path: Path, workers: str) -> None:
    folder = _make_pages(tmp_path / "pages", 240)
    _kill_and_resume(folder, tmp_path, 240, "--no-nlp", "--workers", workers)


@pytest.mark.slow
def test_benchmark_pages_with_nlp_killed_and_resumed(tmp_path: Path) -> None:
    folder = shared_path("data", "article-extraction-benchmark", "html")
    _kill_and_resume(folder, tmp_path, 120, "--workers", "2")
    again = subprocess.run(_ingest_cmd(folder, tmp_path / "clean.db"), check=True,
                           capture_output=True, text=True)
    assert "0 stored (0 copies of a story stored before), 120 already in the store" in " ".join(
        again.stdout.split())


STORY = ("The city council of Valparaíso voted on Monday to close the old fish market for two "
         "years of repairs, after engineers found that the pier beneath it had rotted. Traders "
         "will move to a temporary hall near the bus station, the mayor said, and the council "
         "will pay their rent until the market reopens. Some traders said they had not been "
         "asked and feared losing customers who come for the view of the harbour.")
OTHER = ("Farmers in the south of the region began harvesting grapes three weeks early this "
         "year after a dry and hot summer, and growers said the yield would be smaller but the "
         "sugar content higher. Wineries hired extra pickers from neighbouring towns and kept "
         "presses running at night to keep up with the early crop.")


def test_copies_of_a_story_are_linked_to_the_first_and_not_analysed(tmp_path: Path) -> None:
    from newsmill.extract import extract_stage
    from newsmill.pipeline import Pipeline, stage
    from newsmill.records import Article

    analysed: list[str] = []

    @stage("count", needs=["article"], provides=["counted"], output=Article)
    def count(article: Article) -> Article:
        analysed.append(article.id)
        return article

    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a-wire.txt").write_text(f"Market closes for repairs\n\n{STORY}\n")
    (folder / "b-other.txt").write_text(f"Early harvest\n\n{OTHER}\n")
    (folder / "c-syndicated.txt").write_text(
        f"Home\nNews\nMarket closes for repairs | Coast Daily\n\n{STORY}\n\nShare this article\n"
        "Follow us on Facebook\n")
    pipeline = Pipeline([extract_stage(), count])
    with Store(tmp_path / "s.db") as store:
        summary = run([folder], store, pipeline=pipeline, batch_size=2)
        assert (summary.stored, summary.duplicates) == (3, 1)
        assert store.get("c-syndicated").article.duplicate_of == "a-wire"  # type: ignore[union-attr]
        assert store.get("b-other").article.duplicate_of is None  # type: ignore[union-attr]
        assert sorted(analysed) == ["a-wire", "b-other"]
        # a re-scrape in a later run is found through the store
        later = tmp_path / "later"
        later.mkdir()
        (later / "d-rescrape.txt").write_text(f"Market closes\n\n{STORY} Updated at noon.\n")
        run([later], store, pipeline=pipeline)
        assert store.get("d-rescrape").article.duplicate_of == "a-wire"  # type: ignore[union-attr]
        assert "d-rescrape" not in analysed


def _copies_folder(folder: Path) -> Path:
    """Twelve stories and a copy of each under other chrome, in batches read one after
    another."""
    import random

    words = (STORY + " " + OTHER).replace(",", "").replace(".", "").split()
    folder.mkdir()
    for i in range(12):
        pick = random.Random(i)
        story = " ".join(pick.choice(words) for _ in range(90)) + "."
        (folder / f"{i:02d}-a.txt").write_text(f"Story {i}\n\n{story}\n")
        (folder / f"{i:02d}-b.txt").write_text(f"Home\nStory {i} | Daily\n\n{story}\n\n"
                                              "Share this\n")
    return folder


def _slowly(article: object) -> object:
    """An analysis taking time, so that batches are marked while earlier ones are in it."""
    time.sleep(0.1)
    return article


def test_several_workers_store_what_one_worker_does(tmp_path: Path) -> None:
    from newsmill.extract import extract_stage
    from newsmill.pipeline import Pipeline, stage
    from newsmill.records import Article

    slow = stage("slow", needs=["article"], provides=["slowed"], output=Article)(_slowly)
    folder = _copies_folder(tmp_path / "pages")
    dumps = []
    for workers in (1, 2):
        db = tmp_path / f"w{workers}.db"
        with Store(db) as store:
            summary = run([folder], store, pipeline=Pipeline([extract_stage(), slow]),
                          batch_size=1, workers=workers)
            assert (summary.stored, summary.duplicates, summary.skipped) == (24, 12, [])
        dumps.append(_dump(db))
        con = sqlite3.connect(db)
        links = dict(con.execute("SELECT id, duplicate_of FROM articles"))
        con.close()
        assert all(links[f"{i:02d}-b"] == f"{i:02d}-a" for i in range(12)), links
    assert dumps[0] == dumps[1]


def _dies_on_poison(article: object) -> object:
    """A stage that kills its process on one page, as a parser crash would."""
    if "poison" in getattr(article, "id", ""):
        os._exit(9)
    return article


def test_a_worker_that_dies_costs_only_its_page(tmp_path: Path) -> None:
    from newsmill.extract import extract_stage
    from newsmill.pipeline import Pipeline, stage
    from newsmill.records import Article

    crash = stage("crash", needs=["article"], provides=["checked"], output=Article)(
        _dies_on_poison)
    folder = _make_pages(tmp_path / "pages", 10)
    (folder / "poison.txt").write_text(f"A page\n\n{STORY}\n")
    with Store(tmp_path / "s.db") as store:
        summary = run([folder], store, pipeline=Pipeline([extract_stage(), crash]),
                      batch_size=4, workers=2)
        assert summary.stored == 10
        assert [(s.id, s.stage) for s in summary.skipped] == [("poison", "analyse")]
        assert "worker process" in summary.skipped[0].reason
        assert "poison.txt" in summary.skipped[0].reason
        assert store.get("poison") is None
        # the next run tries it again, as any skipped input
        again = run([folder], store, pipeline=Pipeline([extract_stage(), crash]), workers=2)
        assert (again.stored, again.unchanged, len(again.skipped)) == (0, 10, 1)


def _slowly_failing_originals(article: object) -> object:
    """Slow, and refusing the first copy of every story (its id ends in "-a")."""
    time.sleep(0.1)
    if getattr(article, "id", "").endswith("-a"):
        raise ValueError("this page breaks the stage")
    return article


def test_a_copy_whose_original_was_skipped_is_stored_as_the_original(tmp_path: Path) -> None:
    from newsmill.extract import extract_stage
    from newsmill.pipeline import Pipeline, stage
    from newsmill.records import Article

    failing = stage("fails", needs=["article"], provides=["checked"], output=Article)(
        _slowly_failing_originals)
    folder = _copies_folder(tmp_path / "pages")
    dumps = []
    for workers in (1, 2):
        db = tmp_path / f"w{workers}.db"
        with Store(db) as store:
            summary = run([folder], store, pipeline=Pipeline([extract_stage(), failing]),
                          batch_size=1, workers=workers)
            assert (summary.stored, summary.duplicates, len(summary.skipped)) == (12, 0, 12)
            for i in range(12):
                copy = store.get(f"{i:02d}-b")
                assert copy is not None and copy.article.duplicate_of is None
        dumps.append(_dump(db))
    assert dumps[0] == dumps[1]


class _Unportable:
    """A stage function that pickles here but cannot be rebuilt in another process (as a
    function defined in a script's ``__main__``)."""

    def __init__(self) -> None:
        self.home = os.getpid()

    def __call__(self, article: object) -> object:
        return article

    def __reduce__(self) -> tuple[object, tuple[int]]:
        return (_rebuild, (self.home,))


def _rebuild(home: int) -> _Unportable:
    if os.getpid() != home:
        raise RuntimeError("this stage cannot be rebuilt in another process")
    return _Unportable()


def test_a_pipeline_workers_cannot_rebuild_is_an_error_not_every_page_skipped(
        tmp_path: Path) -> None:
    from newsmill.errors import PipelineError
    from newsmill.extract import extract_stage
    from newsmill.pipeline import Pipeline, stage
    from newsmill.records import Article

    odd = stage("odd", needs=["article"], provides=["odd"], output=Article)(_Unportable())
    folder = _make_pages(tmp_path / "pages", 4)
    with Store(tmp_path / "s.db") as store:
        with pytest.raises(PipelineError, match="could not rebuild"):
            run([folder], store, pipeline=Pipeline([extract_stage(), odd]), workers=2)
        assert store.stats().articles == 0 and store.skipped() == []
