"""Stage 4: pandera validation. Failing rows go to the quarantine table with their reason; a table-level failure
stops the run before a snapshot is published. Blocking asset checks, run in the same step, re-run each schema on the
published tables."""

import dagster as dg
import pandas as pd
import pandera.pandas as pa

from schemas.validation import (
    QUARANTINE_COLUMNS,
    TABLE_SCHEMAS,
    SchemaLevelError,
    validate_table,
)

from .metadata import table_metadata, table_schema

TABLES = ("articles", "quotes", "figures", "events", "dates")


def _schema_check_name(table: str) -> str:
    return f"{table}_match_{TABLE_SCHEMAS[table].__name__}"


# The checks run inside the validation step, on the tables it publishes: one step instead of seven, and blocking
# all the same (a failed ERROR check stops the snapshot).
CHECK_SPECS = [
    *(dg.AssetCheckSpec(_schema_check_name(table), asset=table, blocking=True,
                        description=f"Every published row of `{table}` passes the pandera schema "
                                    f"{TABLE_SCHEMAS[table].__name__} (re-run on the output, after quarantining)")
      for table in TABLES),
    dg.AssetCheckSpec("quarantine_is_empty", asset="quarantine",
                      description="Warns when rows were quarantined; the snapshot is still published with them set aside"),
]


@dg.multi_asset(
    group_name="validate",
    outs={
        **{
            name: dg.AssetOut(kinds={"pandera", "pandas"}, owners=["team:newsfacts"], tags={"stage": "validate"},
                              description=(TABLE_SCHEMAS[name].__doc__ or name).strip(),
                              metadata={"dagster/column_schema": table_schema(TABLE_SCHEMAS[name]),
                                        "schema": TABLE_SCHEMAS[name].__name__})
            for name in TABLES
        },
        "quarantine": dg.AssetOut(kinds={"pandas"}, owners=["team:newsfacts"], tags={"stage": "validate"},
                                  description="Rows that failed a check, with table, check and reason"),
    },
    check_specs=CHECK_SPECS,
)
def validated(context: dg.AssetExecutionContext, normalized_articles: pd.DataFrame, normalized_quotes: pd.DataFrame,
              normalized_figures: pd.DataFrame, normalized_events: pd.DataFrame, normalized_dates: pd.DataFrame):
    """Validate every table against its schema and against the articles (ids, offsets, dates)."""
    try:
        articles, quarantined, article_report = validate_table("articles", normalized_articles)
        results = {"articles": (articles, quarantined, article_report)}
        for name, df in (("quotes", normalized_quotes), ("figures", normalized_figures), ("events", normalized_events),
                         ("dates", normalized_dates)):
            results[name] = validate_table(name, df, articles)
    except SchemaLevelError as error:
        raise dg.Failure(description=f"schema-level validation failure, no snapshot published: {error}") from error
    quarantine = pd.concat([q for _, q, _ in results.values() if len(q)] or [pd.DataFrame(columns=QUARANTINE_COLUMNS)],
                           ignore_index=True)
    context.log.info("validate: " + ", ".join(
        f"{name} {report.rows_valid} ok/{report.rows_quarantined} quarantined" for name, (_, _, report) in results.items()))
    for name, (valid, _, report) in results.items():
        metadata = table_metadata(valid, TABLE_SCHEMAS[name])
        metadata.update({"rows_quarantined": report.rows_quarantined,
                         "failures_by_check": dg.MetadataValue.json(report.failures_by_check)})
        yield dg.Output(valid, name, metadata=metadata)
    yield dg.Output(quarantine, "quarantine", metadata=table_metadata(quarantine))
    for name, (valid, _, _) in results.items():
        yield schema_check_result(name, valid)
    yield quarantine_check_result(quarantine)


def schema_check_result(table: str, df: pd.DataFrame) -> dg.AssetCheckResult:
    """Re-run the table's pandera schema on what is published: a failure here is a bug in the quarantine split."""
    identity = {"asset_key": table, "check_name": _schema_check_name(table)}
    try:
        TABLE_SCHEMAS[table].validate(df, lazy=True)
    except pa.errors.SchemaErrors as errors:
        cases = errors.failure_cases
        return dg.AssetCheckResult(
            passed=False, **identity,
            metadata={"failures": len(cases),
                      "failure_cases": dg.MetadataValue.md(cases.head(20).to_markdown(index=False))},
        )
    return dg.AssetCheckResult(passed=True, **identity, metadata={"rows_checked": len(df)})


def quarantine_check_result(quarantine: pd.DataFrame) -> dg.AssetCheckResult:
    by_table = quarantine.groupby("table").size().to_dict() if len(quarantine) else {}
    return dg.AssetCheckResult(passed=quarantine.empty, asset_key="quarantine", check_name="quarantine_is_empty",
                               severity=dg.AssetCheckSeverity.WARN,
                               metadata={"quarantined_rows": len(quarantine), "by_table": dg.MetadataValue.json(by_table)})
