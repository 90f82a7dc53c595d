"""Stage 5: publish the validated tables as one immutable, versioned snapshot under datasets/."""

import dagster as dg
import pandas as pd

from schemas.registries import CATEGORICAL_COLUMNS, REGISTRY_VERSION

from .. import __version__
from ..config import MODEL_NAME, code_version
from ..nlp.gazetteer import load_gazetteer
from ..report import render_report
from ..resources import NewsfactsPaths
from ..storage import snapshot_id_for, write_snapshot


@dg.asset(group_name="publish", kinds={"parquet", "filesystem"}, owners=["team:newsfacts"], tags={"stage": "publish"}, pool="snapshot_publish")
def dataset_snapshot(
    context: dg.AssetExecutionContext,
    paths: NewsfactsPaths,
    articles: pd.DataFrame,
    quotes: pd.DataFrame,
    figures: pd.DataFrame,
    events: pd.DataFrame,
    dates: pd.DataFrame,
    quarantine: pd.DataFrame,
    normalized_mentions: pd.DataFrame,
    input_problems: pd.DataFrame,
) -> str:
    """Write articles, quotes, figures, events, mentions and quarantine as Parquet plus a manifest; point LATEST at it."""
    inputs = [
        {"article_id": r.article_id, "path": r.source_path, "sha256": r.content_sha256}
        for r in articles.itertuples()
    ] + [
        {"article_id": r.article_id, "path": r.source_path, "sha256": None, "problem": r.reason}
        for r in input_problems.itertuples()
    ]
    config = {"model": MODEL_NAME, "gazetteer": load_gazetteer().version, "registries": REGISTRY_VERSION}
    tables = {
        "articles": articles, "quotes": quotes, "figures": figures, "events": events, "dates": dates,
        "mentions": normalized_mentions, "quarantine": quarantine,
    }
    manifest = {
        "snapshot_id": snapshot_id_for([i for i in inputs if i["sha256"]], code_version(), config),
        "newsfacts_version": __version__,
        "code_version": code_version(),
        "config": config,
        "inputs": inputs,
        "input_problems": input_problems.to_dict("records"),
        "validation": {
            "quarantined_rows": int(len(quarantine)),
            "quarantined_by_table": quarantine.groupby("table").size().to_dict() if len(quarantine) else {},
            "tables_checked": ["articles", "quotes", "figures", "events", "dates"],
        },
    }
    tables = {name: _categorical(name, df) for name, df in tables.items()}
    info = write_snapshot(paths.datasets, tables, manifest,
                          extra_files=lambda t, m: {REPORT: render_report(t, m, paths.cache / "charts")})
    context.log.info(f"publish: snapshot {info.snapshot_id} at {info.path}")
    context.add_output_metadata({
        "snapshot_id": info.snapshot_id,
        "path": dg.MetadataValue.path(str(info.path)),
        "manifest": dg.MetadataValue.path(str(info.path / "manifest.json")),
        "report": dg.MetadataValue.path(str(info.path / REPORT)),
        "row_counts": dg.MetadataValue.json(info.row_counts),
    })
    return str(info.path)


REPORT = "report.html"


def _categorical(table: str, df: pd.DataFrame) -> pd.DataFrame:
    """Low-cardinality columns as categories, so they load back as categoricals (Parquet dictionary columns)."""
    columns = [c for c in CATEGORICAL_COLUMNS.get(table, []) if c in df]
    return df.astype({c: "category" for c in columns}) if columns else df
