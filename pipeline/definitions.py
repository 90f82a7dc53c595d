"""The one Definitions object of the newsfacts code location (`dagster dev` loads `defs`)."""

import dagster as dg

from .assets import extract, ingest, normalize, snapshot, validate
from .automation import build_automation
from .executors import executor_from_env
from .resources import NewsfactsPaths

BUILD_JOB = "build_dataset"


def build_defs(seeds_dir: str | None = None, datasets_dir: str | None = None,
               cache_dir: str | None = None) -> dg.Definitions:
    """Assemble assets, checks, the build job, sensor, schedule and resources; tests and the CLI override paths."""
    overrides = {"seeds_dir": seeds_dir, "datasets_dir": datasets_dir, "cache_dir": cache_dir}
    paths = NewsfactsPaths(**{k: v for k, v in overrides.items() if v is not None})
    assets = [
        ingest.raw_articles, ingest.parsed_articles, extract.extracted, normalize.normalized,
        validate.validated, snapshot.dataset_snapshot,
    ]
    build_job = dg.define_asset_job(BUILD_JOB, selection=dg.AssetSelection.all(),
                                    description="Seeds to a validated, versioned dataset snapshot")
    sensors, schedules = build_automation(build_job, paths)
    return dg.Definitions(
        assets=assets,
        jobs=[build_job],
        sensors=sensors,
        schedules=schedules,
        resources={"paths": paths},
        executor=executor_from_env(),
    )


def build_job_from_env() -> dg.JobDefinition:
    """The build job as configured by the environment: a reconstructable target for out-of-process executors."""
    return build_defs().resolve_job_def(BUILD_JOB)


defs = build_defs()
