"""Dataset snapshots: write (atomically, never modified afterwards), list, resolve, load.

Layout: `<datasets>/<snapshot_id>/{<table>.parquet, manifest.json}` and `<datasets>/LATEST` holding the id of the
newest snapshot. The id is derived from the content (input hashes, code version, configuration), so rebuilding
unchanged inputs yields the same id; an existing snapshot is never rewritten.

The datasets root may be an fsspec URL (s3://bucket/datasets, memory://…): there, a snapshot is written under a
staging prefix and moved into place, and LATEST is one object (object stores give no folder rename or file lock).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import uuid
from collections.abc import Callable
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd
from upath import UPath

from .files import file_lock, write_atomically

TABLES = ("articles", "quotes", "figures", "events", "dates", "mentions", "quarantine")
LATEST = "LATEST"
MANIFEST = "manifest.json"
LOCK = ".publish.lock"
ID_COLUMNS = {"articles": "article_id", "quotes": "quote_id", "figures": "figure_id", "events": "event_id",
              "dates": "date_id", "mentions": "mention_id"}


@dataclass(frozen=True)
class SnapshotInfo:
    snapshot_id: str
    path: Path
    created_at: str
    row_counts: dict
    parent: str | None


def root_path(location) -> Path:
    """A local Path, or a UPath for an fsspec URL."""
    text = str(location)
    if "://" in text and not text.startswith("file://"):
        return UPath(text)
    return Path(text.removeprefix("file://"))


def _is_local(path: Path) -> bool:
    return not isinstance(path, UPath) or path.protocol in ("", "file", "local")


def snapshot_id_for(inputs: list[dict], code_version: str, config: dict) -> str:
    digest = hashlib.sha256()
    payload = {"inputs": sorted((i["article_id"], i["sha256"]) for i in inputs), "code": code_version, "config": config}
    digest.update(json.dumps(payload, sort_keys=True, default=str).encode())
    return "snap-" + digest.hexdigest()[:16]


def write_snapshot(datasets_dir: Path, tables: dict[str, pd.DataFrame], manifest: dict,
                   extra_files: Callable[[dict, dict], dict[str, str]] | None = None) -> SnapshotInfo:
    """Publish a snapshot: tables are written to a temporary folder in `datasets_dir`, then renamed into place.
    `extra_files(tables, manifest)` returns more text files (e.g. a report) to publish with it."""
    datasets_dir = root_path(datasets_dir)
    datasets_dir.mkdir(parents=True, exist_ok=True)
    with _publish_lock(datasets_dir) if _is_local(datasets_dir) else nullcontext():
        return _write_snapshot(datasets_dir, tables, manifest, extra_files)


@contextmanager
def _publish_lock(datasets_dir: Path):
    """One publication at a time per datasets folder, across processes (two builds started at once)."""
    with file_lock(datasets_dir / LOCK):
        yield


def _write_snapshot(datasets_dir: Path, tables: dict[str, pd.DataFrame], manifest: dict,
                    extra_files: Callable[[dict, dict], dict[str, str]] | None) -> SnapshotInfo:
    snapshot_id = manifest["snapshot_id"]
    final = datasets_dir / snapshot_id
    parent = latest_id(datasets_dir)
    if final.exists():
        _point_latest(datasets_dir, snapshot_id)  # same inputs, same code: the snapshot already exists
        return read_info(final)
    manifest = {
        **manifest,
        "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "parent_snapshot": parent if parent != snapshot_id else None,
        "changes_from_parent": _input_changes(datasets_dir, parent, manifest.get("inputs", [])),
        "row_counts": {name: int(len(df)) for name, df in tables.items()},
        "files": {},
    }
    local = _is_local(datasets_dir)
    if local:
        staging = Path(tempfile.mkdtemp(prefix=f".{snapshot_id}.", dir=datasets_dir))
    else:
        staging = datasets_dir / f".{snapshot_id}.{uuid.uuid4().hex[:8]}"
        staging.mkdir(parents=True, exist_ok=True)
    try:
        for name, df in tables.items():
            path = staging / f"{name}.parquet"
            df.to_parquet(str(path), index=False)
            manifest["files"][path.name] = hashlib.sha256(path.read_bytes()).hexdigest()
        for name, text in (extra_files(tables, manifest) if extra_files else {}).items():
            (staging / name).write_text(text, encoding="utf-8")
            manifest["files"][name] = hashlib.sha256(text.encode("utf-8")).hexdigest()
        (staging / MANIFEST).write_text(json.dumps(manifest, indent=2, default=str) + "\n", encoding="utf-8")
        if local:
            _publish_local(staging, final)
        else:
            staging.fs.mv(str(staging), str(final), recursive=True)
    except BaseException:
        if local:
            shutil.rmtree(staging, ignore_errors=True)
        elif staging.exists():
            staging.fs.rm(str(staging), recursive=True)
        raise
    _point_latest(datasets_dir, snapshot_id)
    return read_info(final)


def _publish_local(staging: Path, final: Path) -> None:
    for path in staging.iterdir():
        path.chmod(0o444)
    staging.chmod(0o755)  # mkdtemp made it private
    try:
        os.rename(staging, final)
    except OSError:
        if not final.exists():
            raise
        shutil.rmtree(staging)  # a concurrent build published the same content first


def _input_changes(datasets_dir: Path, parent: str | None, inputs: list[dict]) -> dict[str, list[str]] | None:
    """Which articles this snapshot adds, changes and drops relative to its parent (a deleted seed file shows here)."""
    if parent is None or not (datasets_dir / parent / MANIFEST).exists():
        return None
    old = {i["article_id"]: i.get("sha256") for i in json.loads((datasets_dir / parent / MANIFEST).read_text())
           .get("inputs", []) if i.get("sha256")}
    new = {i["article_id"]: i.get("sha256") for i in inputs if i.get("sha256")}
    return {
        "added": sorted(set(new) - set(old)),
        "changed": sorted(k for k in set(new) & set(old) if new[k] != old[k]),
        "removed": sorted(set(old) - set(new)),
    }


def _point_latest(datasets_dir: Path, snapshot_id: str) -> None:
    pointer = datasets_dir / LATEST
    if not _is_local(datasets_dir):
        pointer.write_text(snapshot_id + "\n")  # one object: replaced whole
        return
    write_atomically(pointer, snapshot_id + "\n")


def latest_id(datasets_dir: Path) -> str | None:
    pointer = root_path(datasets_dir) / LATEST
    if not pointer.exists():
        return None
    value = pointer.read_text().strip()
    return value or None


def read_info(path: Path) -> SnapshotInfo:
    manifest = json.loads((path / MANIFEST).read_text(encoding="utf-8"))
    return SnapshotInfo(
        manifest["snapshot_id"], path, manifest["created_at"], manifest["row_counts"], manifest.get("parent_snapshot")
    )


def list_snapshots(datasets_dir: Path) -> list[SnapshotInfo]:
    datasets_dir = root_path(datasets_dir)
    if not datasets_dir.exists():
        return []
    infos = [read_info(p) for p in datasets_dir.iterdir()
             if p.is_dir() and not p.name.startswith(".") and (p / MANIFEST).exists()]  # skip staging folders
    return sorted(infos, key=lambda info: info.created_at)


def resolve(datasets_dir: Path, snapshot: str = "latest") -> Path:
    """A snapshot's folder from an id (or unique id prefix), "latest", or a path to a snapshot or datasets folder."""
    as_path = Path(str(snapshot)).expanduser()
    if "/" in str(snapshot) or as_path.is_absolute():
        if (as_path / MANIFEST).exists():
            return as_path
        if as_path.is_dir():  # a datasets folder: its latest snapshot
            return resolve(as_path, "latest")
        raise FileNotFoundError(f"{snapshot} is neither a snapshot folder (with {MANIFEST}) nor a datasets folder")
    datasets_dir = root_path(datasets_dir)
    snapshot_id = latest_id(datasets_dir) if snapshot == "latest" else snapshot
    if snapshot_id is None:
        raise FileNotFoundError(f"no snapshot in {datasets_dir}: run `newsfacts build` first")
    path = datasets_dir / snapshot_id
    if not (path / MANIFEST).exists():
        matches = [p for p in datasets_dir.glob(f"{snapshot_id}*") if (p / MANIFEST).exists()]
        if len(matches) != 1:
            raise FileNotFoundError(f"no snapshot {snapshot_id!r} in {datasets_dir}")
        path = matches[0]
    return path


def read_manifest(datasets_dir: Path, snapshot: str = "latest") -> dict:
    return json.loads((resolve(datasets_dir, snapshot) / MANIFEST).read_text(encoding="utf-8"))


def load_snapshot(snapshot: str = "latest", datasets_dir: Path | None = None) -> dict[str, pd.DataFrame]:
    """The tables of a snapshot (default: the latest) as pandas DataFrames, keyed by table name."""
    from .config import default_datasets_dir

    path = resolve(datasets_dir if datasets_dir else default_datasets_dir(), snapshot)
    return {p.stem: pd.read_parquet(str(p)) for p in sorted(path.glob("*.parquet"))}


# -- comparing and pruning ---------------------------------------------------------------------------------------
def diff_snapshots(datasets_dir: Path, old: str, new: str) -> dict[str, dict[str, int | list[str]]]:
    """Rows added, removed and changed per table, by row id (content compared column by column)."""
    before, after = load_snapshot(old, datasets_dir), load_snapshot(new, datasets_dir)
    report = {}
    for table, id_column in ID_COLUMNS.items():
        if table not in before and table not in after:
            continue
        a = before.get(table, pd.DataFrame(columns=[id_column])).set_index(id_column)
        b = after.get(table, pd.DataFrame(columns=[id_column])).set_index(id_column)
        added, removed = b.index.difference(a.index), a.index.difference(b.index)
        common = a.index.intersection(b.index)
        columns = [c for c in a.columns if c in b.columns]
        left = a.loc[common, columns].astype(str)
        right = b.loc[common, columns].astype(str)
        changed = common[(left != right).any(axis=1).to_numpy()] if len(common) else common
        report[table] = {"added": len(added), "removed": len(removed), "changed": len(changed),
                         "examples": [f"+{i}" for i in added[:3]] + [f"-{i}" for i in removed[:3]]
                         + [f"~{i}" for i in changed[:3]]}
    return report


def prune_snapshots(datasets_dir: Path, keep: int) -> list[str]:
    """Delete all but the `keep` newest snapshots; the latest one is never deleted. Returns the deleted ids."""
    datasets_dir = root_path(datasets_dir)
    with _publish_lock(datasets_dir) if _is_local(datasets_dir) else nullcontext():
        latest = latest_id(datasets_dir)
        snapshots = list_snapshots(datasets_dir)
        newest = snapshots[len(snapshots) - keep:] if keep > 0 else []
        keep_ids = {info.snapshot_id for info in newest} | {latest}
        deleted = []
        for info in snapshots:
            if info.snapshot_id in keep_ids:
                continue
            if _is_local(datasets_dir):
                for path in info.path.iterdir():
                    path.chmod(0o644)
                shutil.rmtree(info.path)
            else:
                info.path.fs.rm(str(info.path), recursive=True)
            deleted.append(info.snapshot_id)
        return deleted
