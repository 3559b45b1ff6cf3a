"""WARC ingest speed against the same pages as HTML files, and peak memory as a WARC grows.

    python benchmarks/warc.py [--copies 10]

The 120 pages of the article-extraction benchmark are written as .html files and as one
.warc.gz (warcio; a request record before each response, as a crawler writes them), then each is
ingested into a fresh store through the extract stage (no spaCy: the model's time would hide
what reading costs), in one run, files first, after a warm-up ingest of ten pages. Prints pages
per second of each and their ratio (target: WARC at least 0.95 of the files). Then a WARC
``--copies`` times larger (each page under as many URLs, each copy its own canonical URL) and
the 1x WARC are ingested in child processes, and their peak memory (max RSS) compared: flat
means the larger one needs no more.
"""

from __future__ import annotations

import argparse
import gzip
import re
import resource
import subprocess
import sys
import tempfile
import time
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
PAGES = SHARED / "data" / "article-extraction-benchmark" / "html"
CANONICAL = re.compile(rb'(<link[^>]+rel=["\']?canonical["\']?[^>]*href=["\'])([^"\']+)', re.I)


def pages() -> list[tuple[str, bytes]]:
    out = []
    for f in sorted(PAGES.glob("*.html*")):
        data = f.read_bytes()
        if f.suffix == ".gz":
            data = gzip.decompress(data)
        out.append((f.name.split(".")[0], data))
    return out


def write_warc(path: Path, items: list[tuple[str, bytes]], copies: int = 1) -> None:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for k in range(copies):
            for name, html in items:
                url = f"https://bench.example/{k}/{name}"
                if k:  # a copy is its own story to the store: its own canonical URL
                    html = CANONICAL.sub(lambda m, k=k: m.group(1) + m.group(2) + b"?copy=%d" % k,
                                         html)
                request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "bench.example")],
                                           is_http_request=True)
                writer.write_record(writer.create_warc_record(url, "request",
                                                              http_headers=request))
                http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")
                writer.write_record(writer.create_warc_record(url, "response",
                                                              payload=BytesIO(html),
                                                              http_headers=http))


def ingest(inputs: list[str], db: Path) -> tuple[int, float]:
    from newsmill.run import default_pipeline, run
    from newsmill.store import Store

    with Store(db) as store:
        started = time.perf_counter()
        summary = run(inputs, store, pipeline=default_pipeline(nlp=False))
        return summary.stored + summary.unchanged, time.perf_counter() - started


def child(path: str, db: str) -> None:
    """Ingest one input and print the peak memory of this process, in MB."""
    n, _ = ingest([path], Path(db))
    print(n, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def peak(path: Path, db: Path) -> tuple[int, float]:
    result = subprocess.run([sys.executable, __file__, "--child", str(path), str(db)],
                            capture_output=True, text=True, check=True)
    n, mb = result.stdout.split()
    return int(n), float(mb)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--child", nargs=2)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    if not PAGES.exists():
        sys.exit(f"{PAGES} is absent: clone ../shared beside the repository")
    items = pages()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "html"
        folder.mkdir()
        for name, html in items:
            (folder / f"{name}.html").write_bytes(html)
        warc = Path(tmp) / "bench.warc.gz"
        write_warc(warc, items)
        warm = Path(tmp) / "warm"
        warm.mkdir()
        for name, html in items[:10]:
            (warm / f"{name}.html").write_bytes(html)
        ingest([str(warm)], Path(tmp) / "warm.db")  # imports and caches, before timing
        n_files, t_files = ingest([str(folder)], Path(tmp) / "files.db")
        n_warc, t_warc = ingest([str(warc)], Path(tmp) / "warc.db")
        print(f"{'input':<22}{'pages':>7}{'seconds':>9}{'pages/s':>9}{'vs files':>10}")
        print(f"{'html files':<22}{n_files:>7}{t_files:>9.1f}{n_files / t_files:>9.1f}"
              f"{1.0:>9.2f}x")
        ratio = (n_warc / t_warc) / (n_files / t_files)
        print(f"{'warc.gz':<22}{n_warc:>7}{t_warc:>9.1f}{n_warc / t_warc:>9.1f}{ratio:>9.2f}x")
        big = Path(tmp) / "big.warc.gz"
        write_warc(big, items, args.copies)
        n_small, mb_small = peak(warc, Path(tmp) / "peak1.db")
        n_big, mb_big = peak(big, Path(tmp) / "peak10.db")
        print(f"peak memory: {mb_small:.0f} MB for {n_small} pages "
              f"({warc.stat().st_size / 2**20:.1f} MB WARC), {mb_big:.0f} MB for {n_big} pages "
              f"({big.stat().st_size / 2**20:.1f} MB WARC): {mb_big / mb_small:.2f}x")


if __name__ == "__main__":
    main()
