"""Dagster resources: where seeds are read, snapshots written and extractions cached (overridable per run)."""

from pathlib import Path

import dagster as dg

from .config import default_cache_dir, default_datasets_dir, default_seeds_dir


class NewsfactsPaths(dg.ConfigurableResource):
    """Input and output locations. Unset: the repo's seeds/ and datasets/ and .dagster/extraction_cache/, or the
    NEWSFACTS_SEEDS / NEWSFACTS_DATASETS / NEWSFACTS_CACHE environment variables, read when the run starts."""

    seeds_dir: str | None = None
    datasets_dir: str | None = None
    cache_dir: str | None = None

    @property
    def seeds(self) -> Path:
        return Path(self.seeds_dir) if self.seeds_dir else default_seeds_dir()

    @property
    def datasets(self) -> Path:
        """A local folder or an fsspec URL (s3://…, memory://…)."""
        from .storage import root_path

        return root_path(self.datasets_dir) if self.datasets_dir else default_datasets_dir()

    @property
    def cache(self) -> Path:
        return Path(self.cache_dir) if self.cache_dir else default_cache_dir()
