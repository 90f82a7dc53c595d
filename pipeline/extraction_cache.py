"""Content-addressed cache of per-article results: only new or changed articles are parsed and meet spaCy again.

Two kinds of entry: the cleaned article (`parsed`, keyed by the file's bytes) and its extraction tables. The
extraction key is the article's bytes (sha256), the anchor date extraction resolved dates against, and the code version
(a hash of the NLP code, schemas and gazetteer): editing an article, its publication date or the extractors
invalidates exactly what they affect. Entries are written atomically; a corrupt entry is a miss, never an error.
"""

from __future__ import annotations

import hashlib
import pickle
from collections import OrderedDict
from datetime import date
from pathlib import Path

from .files import file_lock, write_atomically

# Entries kept in memory by a long-lived process (`newsfacts watch`), least recently used dropped first. Entries are
# content-addressed, so a kept one never goes stale; 20,000 entries is two per article for 10,000 articles.
MEMORY_ENTRIES = 20_000
_memory: OrderedDict[Path, object] | None = None


def keep_in_memory() -> None:
    """From now on, keep the entries this process reads or writes: the next run reads no file for them."""
    global _memory
    if _memory is None:
        _memory = OrderedDict()


def _remember(path: Path, value) -> None:
    if _memory is not None:
        _memory[path] = value
        _memory.move_to_end(path)
        while len(_memory) > MEMORY_ENTRIES:
            _memory.popitem(last=False)


class ExtractionCache:
    def __init__(self, root: Path, code_version: str):
        self.root = Path(root) / code_version
        self.code_version = code_version

    @staticmethod
    def key(content_sha256: str, published: date | None) -> str:
        return hashlib.sha256(f"{content_sha256}|{published}".encode()).hexdigest()

    def _path(self, key: str) -> Path:
        return self.root / key.removeprefix("parsed-")[:2] / f"{key}.pkl"

    def has(self, key: str) -> bool:
        return self._path(key).exists()

    def has_parsed(self, content_sha256: str) -> bool:
        return self.has(f"parsed-{content_sha256}")

    def filling(self, wait: bool = True, timeout: float = 300.0):
        """Held by a process while it parses articles into this cache; yields whether it holds it. Another process
        that needs the same entries waits (`wait`), then reads them instead of parsing them again. After `timeout`
        seconds it goes on without the lock: entries are written atomically, so two writers cost time, not data."""
        return file_lock(self.root / ".filling.lock", wait, timeout)

    def get(self, key: str, article_id: str) -> dict[str, list[dict]] | None:
        tables = self._load(key)
        if tables is None:
            return None
        # The same text under another file name: the rows belong to this article id.
        return {name: rows if not rows or rows[0].get("article_id") == article_id
                else [{**row, "article_id": article_id} for row in rows] for name, rows in tables.items()}

    def put(self, key: str, tables: dict[str, list[dict]]) -> None:
        self._store(key, tables)

    def get_parsed(self, content_sha256: str):
        """The cleaned article (`parse_article`'s result) for these bytes, or None."""
        return self._load(f"parsed-{content_sha256}")

    def put_parsed(self, content_sha256: str, parsed) -> None:
        self._store(f"parsed-{content_sha256}", parsed)

    def _load(self, key: str):
        path = self._path(key)
        if _memory is not None and path in _memory:
            _memory.move_to_end(path)
            return _memory[path]
        try:
            value = pickle.loads(path.read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            return None
        _remember(path, value)
        return value

    def _store(self, key: str, value) -> None:
        path = self._path(key)
        write_atomically(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        _remember(path, value)
