"""Read the seeds folder: one row per article file, plus a record for every file that cannot be used.

Sidecar metadata (all optional) states what the text itself does not:
- `seeds/metadata.toml`: one table per article id, e.g.
      [000_6d30cde84e94083e]
      outlet = "The Irish Times"
      url = "https://…"
      published_date = 2024-09-22        # TOML date, or "2024-09-22"
      title = "…"
- `seeds/<article_id>.toml`: the same keys for one article; it wins over metadata.toml.
"""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

SIDECAR_KEYS = {"outlet", "url", "published_date", "title"}
MANIFEST_NAME = "metadata.toml"


class SeedsFolderError(RuntimeError):
    """The seeds folder itself is unusable (missing, not a folder)."""


@dataclass
class RawArticle:
    article_id: str
    source_path: str
    content_sha256: str
    size_bytes: int
    raw: bytes
    metadata: dict = field(default_factory=dict)


@dataclass
class InputProblem:
    source_path: str
    article_id: str | None
    stage: str
    reason: str


def read_seeds(seeds_dir: Path) -> tuple[list[RawArticle], list[InputProblem]]:
    seeds_dir = Path(seeds_dir)
    if not seeds_dir.exists():
        raise SeedsFolderError(f"seeds folder {seeds_dir} does not exist")
    if not seeds_dir.is_dir():
        raise SeedsFolderError(f"seeds path {seeds_dir} is not a folder")
    problems: list[InputProblem] = []
    manifest = _read_toml(seeds_dir / MANIFEST_NAME, problems) if (seeds_dir / MANIFEST_NAME).exists() else {}
    articles = []
    for path in sorted(seeds_dir.glob("*.txt")):
        article_id = path.stem
        try:
            raw = path.read_bytes()
        except OSError as error:  # deleted or unreadable between listing and reading
            problems.append(InputProblem(str(path), article_id, "ingest", f"cannot read file: {error}"))
            continue
        metadata = dict(manifest.get(article_id, {}))
        sidecar = path.with_suffix(".toml")
        if sidecar.exists():
            metadata.update(_read_toml(sidecar, problems))
        metadata = _check_metadata(metadata, path, article_id, problems)
        articles.append(
            RawArticle(article_id, str(path), hashlib.sha256(raw).hexdigest(), len(raw), raw, metadata)
        )
    for path in sorted(p for p in seeds_dir.iterdir() if p.is_file() and p.suffix not in (".txt", ".toml", ".md")):
        if not path.name.startswith("."):
            problems.append(InputProblem(str(path), None, "ingest", "not a .txt article file: ignored"))
    return articles, problems


def _read_toml(path: Path, problems: list[InputProblem]) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as error:
        problems.append(InputProblem(str(path), None, "ingest", f"unreadable metadata sidecar: {error}"))
        return {}


def _check_metadata(metadata: dict, path: Path, article_id: str, problems: list[InputProblem]) -> dict:
    clean = {}
    for key, value in metadata.items():
        if key not in SIDECAR_KEYS:
            problems.append(InputProblem(str(path), article_id, "ingest", f"unknown metadata key {key!r}: ignored"))
            continue
        if key == "published_date":
            parsed = _as_date(value)
            if parsed is None:
                problems.append(InputProblem(
                    str(path), article_id, "ingest", f"metadata published_date {value!r} is not a YYYY-MM-DD date: ignored"
                ))
                continue
            value = parsed
        clean[key] = value
    return clean


def _as_date(value) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


@dataclass
class SeedChanges:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.deleted)

    def summary(self) -> str:
        return f"{len(self.added)} added, {len(self.changed)} changed, {len(self.deleted)} deleted"


def scan_seeds(seeds_dir: Path, previous: dict[str, list]) -> tuple[dict[str, list], SeedChanges]:
    """Content hashes of the seed files (and their sidecars), re-hashing only files whose size or mtime moved.

    `previous` and the returned state map file name -> [mtime_ns, size, sha256]: a sensor keeps it as its cursor.
    """
    seeds_dir = Path(seeds_dir)
    state: dict[str, list] = {}
    changes = SeedChanges()
    if not seeds_dir.is_dir():
        return state, SeedChanges(deleted=sorted(previous))
    for path in sorted(p for p in seeds_dir.iterdir() if p.suffix in (".txt", ".toml") and p.is_file()):
        try:
            stat = path.stat()
            known = previous.get(path.name)
            if known and known[0] == stat.st_mtime_ns and known[1] == stat.st_size:
                state[path.name] = known
                continue
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            continue  # vanished while scanning: the next tick sees it gone
        state[path.name] = [stat.st_mtime_ns, stat.st_size, digest]
        if known is None:
            changes.added.append(path.name)
        elif known[2] != digest:
            changes.changed.append(path.name)
    changes.deleted = sorted(set(previous) - set(state))
    return state, changes
