"""Who is working on which input: claims that keep two ingests of the same inputs from
both doing the work.

Before a run analyses a page it claims the page's id in the store (one short transaction).
A page another live run has claimed is left to that run and looked at again later: stored by
then, it is counted as stored by another process; released without being stored (that run
skipped it, or died), it is taken up. A claim is stale, and taken over, when its run's process
is gone (same machine: the process id no longer runs the process that made the claim) or when
it is older than ``LEASE`` seconds (a run stuck, or on another machine sharing the file).
"""

from __future__ import annotations

import os
import socket
import time
import uuid
from functools import cache

LEASE = 600.0  # seconds a claim of a run that cannot be checked is honoured


@cache
def _host() -> str:
    return socket.gethostname()


def _started(pid: int) -> str:
    """When process ``pid`` started (its clock ticks since boot, Linux), or "" where unknown;
    it tells a process from a later one given the same id."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            stat = f.read().decode("ascii", "replace")
    except OSError:
        return ""
    fields = stat.rsplit(")", 1)[-1].split()
    return fields[19] if len(fields) > 19 else ""


def new_owner() -> str:
    """A name for one run: its machine, process id, process start and a random part (two runs
    in one process are two owners)."""
    pid = os.getpid()
    return f"{_host()}|{pid}|{_started(pid)}|{uuid.uuid4().hex[:12]}"


def alive(owner: str, at: float, now: float | None = None) -> bool:
    """Whether the run ``owner``, which claimed at ``at``, may still be working."""
    now = time.time() if now is None else now
    host, _, rest = owner.partition("|")
    pid_text, _, rest = rest.partition("|")
    started = rest.partition("|")[0]
    if now - at >= LEASE:
        return False
    if host != _host() or not pid_text.isdigit():
        return True
    pid = int(pid_text)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # another user's process: it exists
    # a process started at another time holds the id now: the claimer is gone
    return not started or _started(pid) in ("", started)
