"""Dagster metadata derived from tables and their pandera schemas (column schema, row count, preview)."""

from functools import cache

import dagster as dg
import pandas as pd
import pandera.pandas as pa

_TYPE_NAMES = {"str": "string", "string": "string", "int64": "int", "float64": "float", "bool": "bool"}


@cache  # to_schema() is slow (~0.1 s) and a schema does not change within a process
def table_schema(schema: type[pa.DataFrameModel]) -> dg.TableSchema:
    columns = []
    for name, column in schema.to_schema().columns.items():
        dtype = str(column.dtype)
        columns.append(
            dg.TableColumn(
                name=name,
                type=_TYPE_NAMES.get(dtype, "datetime" if "datetime" in dtype else dtype),
                description=column.description,
                constraints=dg.TableColumnConstraints(nullable=column.nullable, unique=column.unique),
            )
        )
    return dg.TableSchema(columns=columns)


def table_metadata(df: pd.DataFrame, schema: type[pa.DataFrameModel] | None = None) -> dict:
    metadata = {"dagster/row_count": len(df)}
    if schema is not None:
        metadata["dagster/column_schema"] = table_schema(schema)
    preview = df.head(5).drop(columns=[c for c in ("text",) if c in df and df[c].str.len().max() > 120], errors="ignore")
    metadata["preview"] = dg.MetadataValue.md(preview.to_markdown(index=False) if len(preview) else "_empty_")
    return metadata
