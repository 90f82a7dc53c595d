"""The `events` table: PLOVER-typed event mentions with participants, dates, status and evidence sentence."""

import pandera.pandas as pa
from pandera.typing import Series

from .base import SpanModel
from .registries import DATE_GRANULARITIES, EVENT_STATUSES, EVENT_TYPES


class EventSchema(SpanModel):
    event_id: Series[str] = pa.Field(unique=True)
    event_type: Series[str] = pa.Field(isin=sorted(EVENT_TYPES), description="PLOVER event type")
    actor: Series[str] = pa.Field(nullable=True, description="Canonical actor")
    recipient: Series[str] = pa.Field(nullable=True, description="Canonical recipient")
    location: Series[str] = pa.Field(nullable=True)
    date_start: Series[pa.DateTime] = pa.Field(nullable=True)
    date_end: Series[pa.DateTime] = pa.Field(nullable=True)
    date_granularity: Series[str] = pa.Field(nullable=True, isin=sorted(DATE_GRANULARITIES))
    status: Series[str] = pa.Field(isin=sorted(EVENT_STATUSES))

    @pa.dataframe_check(description="date_start <= date_end, both or neither given")
    def date_range_ordered(cls, df):
        both_null = df["date_start"].isna() & df["date_end"].isna()
        return both_null | (df["date_start"] <= df["date_end"])
