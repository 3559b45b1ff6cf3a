"""Runners: the local runner (streaming, batched, resumable)."""

from newsmill.run.local import RunSummary, default_pipeline, extract_only, run

__all__ = ["RunSummary", "default_pipeline", "extract_only", "run"]
