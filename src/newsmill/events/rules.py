"""The event coder's rules, by name.

Every decision of the events stage beyond reading the parse is a rule: a function registered here
under a name, the question of the coder it answers (``STEPS``) and an example text whose coding
it changes. A run can switch any set of rules off by name::

    from newsmill.events import rules
    with rules.switched_off({"topic", "quoted"}):
        doc = code_events(doc)

(or ``NEWSMILL_RULES_OFF=topic,quoted`` in the environment of a ``newsmill`` command).
A rule switched off answers as if it were not there: a test ("is this no news?") answers no, a
rewrite hands back what it was given, a rule that adds events adds none. ``python
benchmarks/events_ablation.py`` measures what each rule is worth on each event set, and
``tests/test_rules.py`` checks that each rule changes the coding of its own example.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import wraps
from typing import Any, ParamSpec, TypeVar

from newsmill import errors

STEPS = {
    "what": "what happened: the trigger, its type and mode",
    "news": "is it news here: not a deed talked about, a purpose, a condition, a description",
    "history": "is it news now: not background history",
    "who": "who did it, to whom",
    "where": "where it happened",
    "when": "when it happened",
    "status": "occurred, planned, denied or hypothetical, and PLOVER's type for each",
    "count": "how many",
    "one": "one event per happening",
}

P = ParamSpec("P")
R = TypeVar("R")


class _Same:
    """The ``off`` answer of a rewrite: its first argument, unchanged."""

    def __repr__(self) -> str:
        return "SAME"


SAME: Any = _Same()


@dataclass(frozen=True)
class Rule:
    name: str
    step: str
    example: str  # a text whose coding the rule changes
    published: str | None  # the example's publication date
    module: str
    doc: str


REGISTRY: dict[str, Rule] = {}
_OFF: ContextVar[frozenset[str]] = ContextVar("newsmill_rules_off", default=frozenset())
_ENV_OFF: frozenset[str] | None = None
_TRACE: set[str] | None = None


def rule(name: str, step: str, example: str, *, off: Any = False,
         published: str | None = "2019-06-10") -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Register the decorated function as the rule ``name`` of ``step``; switched off, it
    returns ``off`` (``SAME``: its first argument) without running."""
    if step not in STEPS:
        raise ValueError(f"rule {name!r}: unknown step {step!r}; use one of {sorted(STEPS)}")

    def wrap(func: Callable[P, R]) -> Callable[P, R]:
        if name in REGISTRY:
            raise ValueError(f"rule {name!r} is registered twice")
        REGISTRY[name] = Rule(name, step, example, published, func.__module__,
                              (func.__doc__ or "").strip())

        @wraps(func)
        def run(*args: P.args, **kwargs: P.kwargs) -> R:
            if name in _off():
                return args[0] if off is SAME else off  # type: ignore[return-value]
            if _TRACE is None or name in _TRACE:
                return func(*args, **kwargs)
            neutral = args[0] if off is SAME else off
            fields = dict(vars(neutral)) if off is SAME and hasattr(neutral, "__dict__") else None
            result = func(*args, **kwargs)
            if (fields is not None and fields != vars(neutral)) or not (
                    result is neutral or result == neutral):
                _TRACE.add(name)
            return result

        return run

    return wrap


def _off() -> frozenset[str]:
    global _ENV_OFF
    if _ENV_OFF is None:
        _ENV_OFF = check(os.environ.get("NEWSMILL_RULES_OFF", "").replace(",", " ").split())
    return _OFF.get() | _ENV_OFF


def is_on(name: str) -> bool:
    return name not in _off()


def names() -> list[str]:
    """Every rule's name, in the order of the coder's steps."""
    _load()
    order = list(STEPS)
    return [r.name for r in sorted(REGISTRY.values(), key=lambda r: order.index(r.step))]


def check(off: Iterable[str]) -> frozenset[str]:
    """``off`` as a set of rule names; an unknown name is an error that lists the known ones."""
    _load()
    wanted = frozenset(off)
    unknown = sorted(wanted - REGISTRY.keys())
    if unknown:
        raise errors.UsageError(errors.unknown_rules(unknown, sorted(REGISTRY)))
    return wanted


@contextmanager
def switched_off(off: Iterable[str]) -> Iterator[frozenset[str]]:
    """Code events with the rules ``off`` switched off, inside the ``with`` block."""
    wanted = check(off)
    token = _OFF.set(_OFF.get() | wanted)
    try:
        yield wanted
    finally:
        _OFF.reset(token)


@contextmanager
def traced() -> Iterator[set[str]]:
    """The names of the rules that changed something (answered otherwise than they would
    switched off) inside the ``with`` block: switching any other rule off changes nothing
    there. For the ablation benchmark, which codes again only what a rule touched."""
    global _TRACE
    outer, _TRACE = _TRACE, set()
    try:
        yield _TRACE
    finally:
        _TRACE = outer


def _load() -> None:
    """Import every module that registers rules."""
    import newsmill.events.coder  # noqa: F401
