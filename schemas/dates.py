"""The `dates` table: every date expression with its resolved range, or unresolved with the text kept."""

import pandera.pandas as pa
from pandera.typing import Series

from .base import SpanModel
from .registries import DATE_GRANULARITIES, DATE_RESOLUTIONS


class DateMentionSchema(SpanModel):
    date_id: Series[str] = pa.Field(unique=True)
    date_start: Series[pa.DateTime] = pa.Field(nullable=True, description="First day of the resolved range")
    date_end: Series[pa.DateTime] = pa.Field(nullable=True, description="Last day of the resolved range")
    granularity: Series[str] = pa.Field(nullable=True, isin=sorted(DATE_GRANULARITIES))
    resolution: Series[str] = pa.Field(isin=sorted(DATE_RESOLUTIONS),
                                       description="absolute, relative (to the anchor) or unresolved")

    @pa.dataframe_check(description="date_start <= date_end, both given exactly when resolved")
    def range_matches_resolution(cls, df):
        resolved = df["resolution"] != "unresolved"
        ordered = df["date_start"] <= df["date_end"]
        return (resolved & ordered) | (~resolved & df["date_start"].isna() & df["date_end"].isna())
