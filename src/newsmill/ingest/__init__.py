"""Ingest: files, folders and standard input -> ``Page`` (or ``Skipped``)."""

from newsmill.ingest.files import DEFAULT_MAX_BYTES, page_id, read_file, read_inputs, read_stdin

__all__ = ["DEFAULT_MAX_BYTES", "page_id", "read_file", "read_inputs", "read_stdin"]
