"""Stage 4: pandera validation. Failing rows go to the quarantine table with their reason; a table-level failure
stops the run before a snapshot is published. Blocking asset checks re-run each schema on the published tables."""

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


def _schema_check(table: str) -> dg.AssetChecksDefinition:
    schema = TABLE_SCHEMAS[table]

    @dg.asset_check(asset=table, name=f"{table}_match_{schema.__name__}", blocking=True,
                    description=f"Every row of `{table}` passes the pandera schema {schema.__name__}")
    def check(df: pd.DataFrame) -> dg.AssetCheckResult:
        try:
            schema.validate(df, lazy=True)
        except pa.errors.SchemaErrors as errors:
            cases = errors.failure_cases
            return dg.AssetCheckResult(
                passed=False,
                metadata={"failures": len(cases),
                          "failure_cases": dg.MetadataValue.md(cases.head(20).to_markdown(index=False))},
            )
        return dg.AssetCheckResult(passed=True, metadata={"rows_checked": len(df)})

    return check


schema_checks = [_schema_check(table) for table in TABLES]


@dg.asset_check(asset="quarantine", name="quarantine_is_empty",
                description="Warns when rows were quarantined; the snapshot is still published with them set aside")
def quarantine_is_empty(quarantine: pd.DataFrame) -> dg.AssetCheckResult:
    by_table = quarantine.groupby("table").size().to_dict() if len(quarantine) else {}
    return dg.AssetCheckResult(passed=quarantine.empty, severity=dg.AssetCheckSeverity.WARN,
                               metadata={"quarantined_rows": len(quarantine), "by_table": dg.MetadataValue.json(by_table)})
