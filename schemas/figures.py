"""The `figures` table: one row per stated quantity, value with multipliers applied, unit from the registry."""

import pandera.pandas as pa
from pandera.typing import Series

from .base import SpanModel
from .registries import CHANGES, QUALIFIERS, UNIT_KINDS, UNITS


class FigureSchema(SpanModel):
    figure_id: Series[str] = pa.Field(unique=True)
    value: Series[float] = pa.Field(ge=0, description="Value, multipliers applied (lowest of a range)")
    value_high: Series[float] = pa.Field(nullable=True, ge=0, description="Upper end of a range")
    unit: Series[str] = pa.Field(isin=sorted(UNITS), description="ISO 4217, percent, point, SI symbol, duration or count")
    unit_kind: Series[str] = pa.Field(isin=sorted(UNIT_KINDS))
    normalized_value: Series[float] = pa.Field(nullable=True, description="Value in SI base units (pint)")
    normalized_unit: Series[str] = pa.Field(nullable=True)
    qualifier: Series[str] = pa.Field(isin=sorted(QUALIFIERS))
    vague: Series[bool]
    counted: Series[str] = pa.Field(nullable=True, description="What a count counts")
    change: Series[str] = pa.Field(nullable=True, isin=sorted(CHANGES))

    @pa.dataframe_check(description="A range's upper value is not below its lower value")
    def range_ordered(cls, df):
        return df["value_high"].isna() | (df["value_high"] >= df["value"])

    @pa.dataframe_check(description="Only counts have a counted noun")
    def counted_only_for_counts(cls, df):
        return df["counted"].isna() | (df["unit"] == "count")
