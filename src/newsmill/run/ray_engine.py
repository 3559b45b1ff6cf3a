"""The stages on a Ray cluster: one actor per worker CPU, each holding its own copy of the
pipeline (the spaCy model loaded once per actor), fed whole batches by the run, which stays the
only writer to the store (``local.py``): the store lives where the run is, a SQLite file beside
it or a PostgreSQL server it reaches, and nothing on the cluster writes to it.

With no address a local cluster is started for the run (bound to 127.0.0.1, as many CPUs as
workers) and stopped at its end; with ``address`` (``ray://host:10001`` or ``host:6379``, or
``auto``) the run joins a running cluster, whose nodes need newsmill installed. An actor that
dies (its node lost, its process killed) is replaced, and the batches it held are done again,
each input alone: an input that kills an actor again is skipped, naming it.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from concurrent.futures import Future
from typing import Any

from newsmill import errors
from newsmill.pipeline import Pipeline
from newsmill.records import Skipped
from newsmill.run.engines import Stages, Step, cores

LOCAL_ONLY = "RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER"  # "0": a local cluster listens on 127.0.0.1


class _Worker:
    """A Ray actor running the stages."""

    def __init__(self, pipeline: Pipeline) -> None:
        self.stages = Stages(pipeline)

    def step(self, step: Step, items: Sequence[Any]) -> list[Any]:
        return self.stages.step(step, items)

    def pid(self) -> int:
        return os.getpid()


class RayEngine:
    """Batches spread over ``workers`` actors (default: every CPU of the cluster), each to the
    one with the fewest batches waiting."""

    def __init__(self, pipeline: Pipeline, address: str | None = None,
                 workers: int | None = None) -> None:
        if address is None:  # read when Ray is first imported
            os.environ.setdefault(LOCAL_ONLY, "0")
        try:
            import ray
        except ImportError as exc:
            raise errors.PipelineError(errors.ray_missing()) from exc
        rt: Any = ray  # typed in part only: used untyped
        self._ray = rt
        self._started = False
        if not rt.is_initialized():
            if address is None:
                rt.init(num_cpus=workers or cores(), include_dashboard=False,
                        log_to_driver=False, logging_level=logging.ERROR)
            else:
                rt.init(address=address, log_to_driver=False, logging_level=logging.ERROR)
            self._started = True
        try:
            self.workers = workers or max(1, int(rt.cluster_resources().get("CPU", 1)))
            self.analyses = Stages(pipeline).analyses
            self._pipeline = rt.put(pipeline)
            self._actor = rt.remote(num_cpus=1)(_Worker)
            self.actors = [self._new_actor() for _ in range(self.workers)]
        except BaseException:
            if self._started:  # the cluster started for this engine goes with it
                rt.shutdown()
            raise
        self._queued: list[list[Future[list[Any]]]] = [[] for _ in self.actors]
        self._held: dict[int, int] = {}  # id(future) -> the actor running it

    def _new_actor(self) -> Any:
        return self._actor.remote(self._pipeline)

    def pids(self) -> list[int]:
        """The process ids of the actors (for tests that kill one)."""
        return list(self._ray.get([a.pid.remote() for a in self.actors]))

    def _idlest(self) -> int:
        """The actor with the fewest batches not yet done (an actor runs one at a time)."""
        for queue in self._queued:
            queue[:] = [f for f in queue if not f.done()]
        return min(range(self.workers), key=lambda i: len(self._queued[i]))

    def submit(self, step: Step, items: Sequence[Any]) -> Future[list[Any]]:
        n = self._idlest()
        try:
            ref = self.actors[n].step.remote(step, list(items))
        except Exception:  # the actor is gone: Ray refuses the task at once
            self._replace(n)
            ref = self.actors[n].step.remote(step, list(items))
        future: Future[list[Any]] = ref.future()
        self._queued[n].append(future)
        self._held[id(future)] = n
        return future

    def result(self, step: Step, items: Sequence[Any], future: Future[list[Any]]
               ) -> list[Any]:
        """The batch's records; if its actor died, each input done again alone by another."""
        n = self._held.pop(id(future), None)
        try:
            return future.result()
        except self._ray.exceptions.RayTaskError:
            raise  # the stages raised: a bug (an input's failure is a Skipped, not an error)
        except Exception as exc:  # the actor died (RayActorError), or its node was lost
            if n is not None:
                self._replace(n)
            return self._one_by_one(step, items, type(exc).__name__)

    def _replace(self, n: int) -> None:
        """A new actor where actor ``n`` died (once, however many of its batches fail)."""
        try:
            self._ray.get(self.actors[n].pid.remote(), timeout=30)
        except Exception:  # dead: it cannot even be asked
            self.actors[n] = self._new_actor()
            self._queued[n] = []

    def _one_by_one(self, step: Step, items: Sequence[Any], detail: str) -> list[Any]:
        out: list[Any] = []
        for item in items:
            n = self._idlest()
            try:
                out += self._ray.get(self.actors[n].step.remote(step, [item]))
            except self._ray.exceptions.RayTaskError:
                raise
            except Exception:
                self._replace(n)
                source = str(getattr(item, "source", "?"))
                out.append(Skipped(str(getattr(item, "id", "?")), source, step,
                                   errors.worker_died(source, step, detail)))
        return out

    def close(self, wait: bool = True) -> None:
        try:
            for actor in self.actors:
                self._ray.kill(actor)
        finally:
            if self._started:
                self._ray.shutdown()
