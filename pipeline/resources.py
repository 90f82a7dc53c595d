"""Dagster resources: where seeds are read and snapshots written (per environment, overridable)."""

from pathlib import Path

import dagster as dg

from .config import default_datasets_dir, default_seeds_dir


class NewsfactsPaths(dg.ConfigurableResource):
    """Input and output locations. Defaults: the repo's seeds/ and datasets/ (or NEWSFACTS_SEEDS / _DATASETS)."""

    seeds_dir: str = str(default_seeds_dir())
    datasets_dir: str = str(default_datasets_dir())

    @property
    def seeds(self) -> Path:
        return Path(self.seeds_dir)

    @property
    def datasets(self) -> Path:
        return Path(self.datasets_dir)
