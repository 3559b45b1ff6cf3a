"""Near-duplicate articles: syndicated copies and re-scrapes of one story under other chrome.

Each cleaned body gets a MinHash signature (datasketch) over its lower-cased 4-word shingles.
Locality-sensitive hashing cuts the signature into bands; articles sharing a band are
candidates, and a candidate whose estimated Jaccard similarity reaches ``THRESHOLD`` is the
same story. The first copy stored is the original: later copies are linked to it
(``Article.duplicate_of``) and are not analysed again. Band keys and signatures are kept in the
store, so copies are found across runs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

import numpy as np
from datasketch import MinHash
from datasketch.lsh import _optimal_param

from newsmill.records import Article

NUM_PERM = 128
SHINGLE_WORDS = 4
THRESHOLD = 0.6  # estimated Jaccard of shingle sets that makes two bodies the same story
WORD = re.compile(r"\w+")
BANDS, ROWS = _optimal_param(THRESHOLD, NUM_PERM, 0.5, 0.5)


@dataclass(frozen=True)
class Signature:
    values: np.ndarray  # NUM_PERM unsigned 64-bit hash minima

    @classmethod
    def of(cls, body: str) -> Signature:
        words = WORD.findall(body.casefold())
        shingles = {" ".join(words[i:i + SHINGLE_WORDS])
                    for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}
        mh = MinHash(num_perm=NUM_PERM)
        mh.update_batch([s.encode("utf-8") for s in shingles])
        return cls(mh.hashvalues.astype(np.uint64))

    @classmethod
    def from_bytes(cls, blob: bytes) -> Signature:
        return cls(np.frombuffer(blob, dtype=np.uint64))

    def to_bytes(self) -> bytes:
        return self.values.tobytes()

    def bands(self) -> list[tuple[int, str]]:
        """(band number, key) pairs: two signatures sharing one are candidates."""
        return [(b, self.values[b * ROWS:(b + 1) * ROWS].tobytes().hex()) for b in range(BANDS)]

    def similarity(self, other: Signature) -> float:
        return float(np.mean(self.values == other.values))


Lookup = Callable[[list[tuple[int, str]]], dict[str, bytes]]  # bands -> {article id: signature}


class NearDuplicates:
    """Marks each article that repeats an earlier one, in this run or in the store.

    The originals of batches marked but not yet stored are held here (runs with several
    workers mark a batch while earlier ones are still being analysed), and let go with
    ``stored`` once the store holds them, where ``lookup`` finds them."""

    def __init__(self, lookup: Lookup | None = None) -> None:
        self.lookup = lookup
        self.bands: dict[tuple[int, str], list[str]] = {}  # originals not yet stored
        self.signatures: dict[str, Signature] = {}

    def _original(self, sig: Signature) -> str | None:
        bands = sig.bands()
        candidates: dict[str, Signature] = {}
        for band in bands:
            for article_id in self.bands.get(band, []):
                candidates[article_id] = self.signatures[article_id]
        if self.lookup is not None:
            for article_id, blob in self.lookup(bands).items():
                candidates.setdefault(article_id, Signature.from_bytes(blob))
        best = max(candidates.items(), key=lambda kv: (sig.similarity(kv[1]), kv[0]),
                   default=None)
        if best is not None and sig.similarity(best[1]) >= THRESHOLD:
            return best[0]
        return None

    def stored(self, ids: Iterable[str]) -> None:
        """Let go of the originals ``ids``: the store holds them now (or refused them)."""
        for article_id in ids:
            sig = self.signatures.pop(article_id, None)
            if sig is None:
                continue
            for band in sig.bands():
                held = self.bands.get(band, [])
                if article_id in held:
                    held.remove(article_id)
                if not held:
                    self.bands.pop(band, None)

    def mark(self, articles: Iterable[Article]) -> list[tuple[Article, Signature]]:
        """Each article of one batch with its signature; a copy comes back with
        ``duplicate_of`` set. Batches stored before are found through ``lookup`` (the store),
        those marked and not yet stored here."""
        out = []
        for article in articles:
            sig = Signature.of(article.body)
            original = self._original(sig)
            if original is not None:
                article = replace(article, duplicate_of=original)
            else:
                for band in sig.bands():
                    self.bands.setdefault(band, []).append(article.id)
                self.signatures[article.id] = sig
            out.append((article, sig))
        return out
