"""The `figures` table: one row per stated quantity, value with multipliers applied, unit from the registry."""

import pandera.pandas as pa
from pandera.typing import Series

from .registries import CHANGES, QUALIFIERS, UNIT_KINDS, UNITS


class FigureSchema(pa.DataFrameModel):
    figure_id: Series[str] = pa.Field(unique=True)
    article_id: Series[str]
    text: Series[str] = pa.Field(str_length={"min_value": 1}, description="Surface text of the figure")
    start_char: Series[int] = pa.Field(ge=0)
    end_char: Series[int] = pa.Field(ge=1)
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

    class Config:
        strict = False
        coerce = True

    @pa.dataframe_check(description="start_char < end_char")
    def offsets_ordered(cls, df):
        return df["start_char"] < df["end_char"]

    @pa.dataframe_check(description="A range's upper value is not below its lower value")
    def range_ordered(cls, df):
        return df["value_high"].isna() | (df["value_high"] >= df["value"])

    @pa.dataframe_check(description="Only counts have a counted noun")
    def counted_only_for_counts(cls, df):
        return df["counted"].isna() | (df["unit"] == "count")
