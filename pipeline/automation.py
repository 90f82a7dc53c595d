"""Re-runs: a sensor that launches a build when seed files are added, changed or deleted, and a daily schedule.

Both run the same `build_dataset` job; unchanged articles come from the extraction cache, so a run after one
edited article parses one article.
"""

from __future__ import annotations

import hashlib
import json

import dagster as dg

from .ingest import scan_seeds
from .resources import NewsfactsPaths

SENSOR_INTERVAL_SECONDS = 30


def build_automation(job: dg.UnresolvedAssetJobDefinition, paths: NewsfactsPaths):
    @dg.sensor(
        name="seeds_changed",
        job=job,
        minimum_interval_seconds=SENSOR_INTERVAL_SECONDS,
        default_status=dg.DefaultSensorStatus.RUNNING,
        description="Launches a build when files in the seeds folder are added, changed or deleted (by sha256).",
    )
    def seeds_changed(context: dg.SensorEvaluationContext):
        previous = json.loads(context.cursor) if context.cursor else {}
        state, changes = scan_seeds(paths.seeds, previous)
        cursor = json.dumps(state, sort_keys=True)
        if not changes:
            return dg.SkipReason(f"no change in {len(state)} seed files")
        run_key = hashlib.sha256(cursor.encode()).hexdigest()[:16]
        context.log.info(f"seeds: {changes.summary()}")
        return dg.SensorResult(
            run_requests=[dg.RunRequest(run_key=run_key, tags={"newsfacts/trigger": "seeds_changed",
                                                               "newsfacts/changes": changes.summary()})],
            cursor=cursor,
        )

    daily = dg.ScheduleDefinition(
        name="daily_rebuild",
        job=job,
        cron_schedule="0 5 * * *",
        default_status=dg.DefaultScheduleStatus.RUNNING,
        description="Rebuilds the dataset every day at 05:00 (an unchanged day republishes the same snapshot).",
    )
    return [seeds_changed], [daily]
