"""Every kind of bad input in ``bad_inputs.py`` through one run: each stored (decoded, made
safe) or skipped with a reason naming it, none taken for a newsmill bug, the batch never
stopped."""

from __future__ import annotations

from pathlib import Path

from bad_inputs import KINDS

from newsmill.run import default_pipeline, run
from newsmill.store import Store


def check(folder: Path, store: Store) -> tuple[int, list[str]]:
    """Write every kind into ``folder``, ingest it into ``store``; returns the number of kinds
    and the failures (a kind not handled as it should be)."""
    folder.mkdir()
    expected = {kind.name: kind.make(folder) for kind in KINDS}
    summary = run([folder], store, pipeline=default_pipeline(nlp=False), batch_size=5)
    reasons = [(Path(s.source).name, s.reason) for s in summary.skipped]
    docs = {d.article.id: d for d in store.documents()}
    failures = [f"a newsmill bug: {reason}" for _, reason in reasons if "newsmill bug" in reason]
    for name, expects in expected.items():
        for expect in expects:
            what, key = expect[0], expect[1]
            if what == "stored" and key not in docs:
                failures.append(f"{name}: {key!r} not stored")
            elif what == "dated" and (key not in docs or (docs[key].article.published or "")
                                      != expect[2]):
                failures.append(f"{name}: {key!r} not stored with published {expect[2]!r}")
            elif what == "skipped" and not any(
                    source.startswith(key) and expect[2] in reason and key.split(":")[0] in reason
                    for source, reason in reasons):
                failures.append(f"{name}: no skip of {key!r} saying {expect[2]!r}")
    if summary.processed != len(docs) + len(summary.skipped):
        failures.append(f"the summary does not account for every input: {summary}")
    return len(KINDS), failures


def test_every_kind_of_bad_input_is_stored_safely_or_skipped_with_its_reason(
        tmp_path: Path) -> None:
    kinds, failures = check(tmp_path / "bad", Store(tmp_path / "s.db"))
    assert kinds >= 48
    assert failures == []
