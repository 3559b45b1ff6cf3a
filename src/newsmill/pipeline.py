"""The pipeline runner.

A stage is an object with a ``name``, the record names it ``needs`` and ``provides``, the record
type it returns, and ``__call__(batch) -> list``: one output (of ``output`` type, or ``Skipped``)
per input, in order. Stateless stages are plain functions wrapped by ``stage()``; stages holding a
model are classes that load it once.

``Pipeline(stages)`` checks the wiring when it is built: each stage's needs must be provided by an
earlier stage (ingest provides ``page``), so a wrong build fails at once, naming the stage. While
running it checks what each stage returns, and one input that makes a stage crash becomes a
``Skipped`` record instead of stopping the batch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from newsmill import errors
from newsmill.records import Skipped


@runtime_checkable
class Stage(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def needs(self) -> frozenset[str]: ...
    @property
    def provides(self) -> frozenset[str]: ...
    @property
    def output(self) -> type: ...

    def __call__(self, batch: Sequence[Any]) -> list[Any]: ...


@dataclass(frozen=True)
class FunctionStage:
    """A stage made from a function of one record."""

    name: str
    needs: frozenset[str]
    provides: frozenset[str]
    output: type
    func: Callable[[Any], Any]

    def __call__(self, batch: Sequence[Any]) -> list[Any]:
        return [self.func(item) for item in batch]


def stage(name: str, *, needs: Iterable[str], provides: Iterable[str], output: type,
          ) -> Callable[[Callable[[Any], Any]], FunctionStage]:
    """Decorator: turn ``func(record) -> record | Skipped`` into a pipeline stage."""

    def wrap(func: Callable[[Any], Any]) -> FunctionStage:
        return FunctionStage(name, frozenset(needs), frozenset(provides), output, func)

    return wrap


def _id_and_source(item: Any) -> tuple[str, str]:
    inner = getattr(item, "article", item)
    return str(getattr(inner, "id", "?")), str(getattr(inner, "source", "?"))


class Pipeline:
    """Stages in order, checked at build time and at run time."""

    def __init__(self, stages: Sequence[Stage], *, start: Iterable[str] = ("page",)) -> None:
        self.start = tuple(start)
        have = set(self.start)
        for s in stages:
            missing = sorted(s.needs - have)
            if missing:
                raise errors.PipelineError(errors.stage_needs(s.name, missing, sorted(have)))
            have |= s.provides
        self.stages = list(stages)
        self.provides = frozenset(have)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def split(self, provided: str) -> tuple[Pipeline, Pipeline | None]:
        """The stages up to the one providing ``provided``, and the rest (``None`` if none)."""
        have: set[str] = set(self.start)
        for n, s in enumerate(self.stages):
            have |= s.provides
            if provided in s.provides:
                rest = self.stages[n + 1:]
                return (Pipeline(self.stages[:n + 1], start=self.start),
                        Pipeline(rest, start=have) if rest else None)
        raise errors.PipelineError(errors.nothing_provides(provided, self.names))

    def run(self, batch: Sequence[Any]) -> list[Any]:
        """Run one batch through every stage; returns one final record or Skipped per input."""
        results: list[Any] = list(batch)
        for s in self.stages:
            live = [i for i, r in enumerate(results) if not isinstance(r, Skipped)]
            if not live:
                break
            inputs = [results[i] for i in live]
            outputs = self._call(s, inputs)
            for i, out in zip(live, outputs, strict=True):
                results[i] = out
        return results

    def _call(self, s: Stage, inputs: list[Any]) -> list[Any]:
        try:
            outputs = s(inputs)
        except errors.PipelineError:
            raise
        except Exception as exc:
            if len(inputs) == 1:
                return [self._skip(s, inputs[0], exc)]
            # isolate the input that breaks the stage: run them one by one
            return [self._call_one(s, item) for item in inputs]
        self._check(s, outputs, len(inputs))
        return outputs

    def _call_one(self, s: Stage, item: Any) -> Any:
        try:
            outputs = s([item])
        except errors.PipelineError:
            raise
        except Exception as exc:
            return self._skip(s, item, exc)
        self._check(s, outputs, 1)
        return outputs[0]

    @staticmethod
    def _skip(s: Stage, item: Any, exc: Exception) -> Skipped:
        page_id, source = _id_and_source(item)
        return Skipped(page_id, source, s.name, errors.stage_crashed(s.name, source, exc))

    @staticmethod
    def _check(s: Stage, outputs: Any, expected: int) -> None:
        if not isinstance(outputs, list):
            raise errors.PipelineError(
                errors.stage_returned(s.name, type(outputs).__name__,
                                      f"a list of {s.output.__name__}"))
        if len(outputs) != expected:
            raise errors.PipelineError(errors.stage_count(s.name, len(outputs), expected))
        for out in outputs:
            if not isinstance(out, s.output | Skipped):
                raise errors.PipelineError(
                    errors.stage_returned(s.name, type(out).__name__, s.output.__name__))
