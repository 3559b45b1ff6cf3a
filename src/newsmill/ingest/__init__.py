"""Ingest: files, folders, standard input, URLs, feeds, sitemaps, WARC archives -> ``Page``
(or ``Skipped``)."""

from newsmill.ingest.fetch import Fetcher, FetchOptions
from newsmill.ingest.files import DEFAULT_MAX_BYTES, page_id, read_file, read_inputs, read_stdin
from newsmill.ingest.sources import Sources, Tally

__all__ = ["DEFAULT_MAX_BYTES", "FetchOptions", "Fetcher", "Sources", "Tally", "page_id",
           "read_file", "read_inputs", "read_stdin"]
