"""The `quotes` table: one row per quoted span, attributed to a canonical speaker."""

import pandera.pandas as pa
from pandera.typing import Series

from .base import SpanModel
from .registries import QUOTE_KINDS, SPEAKER_TYPES


class QuoteSchema(SpanModel):
    quote_id: Series[str] = pa.Field(unique=True)
    speaker: Series[str] = pa.Field(nullable=True, description="Canonical speaker name; null only if unknown")
    speaker_type: Series[str] = pa.Field(isin=sorted(SPEAKER_TYPES))
    cue: Series[str] = pa.Field(nullable=True, description="Reporting verb (lemma) or 'according to'")
    kind: Series[str] = pa.Field(isin=sorted(QUOTE_KINDS), description="quote, or term for scare quotes")

    @pa.dataframe_check(description="A speaker is named unless the speaker type is 'unknown'")
    def speaker_present(cls, df):
        return df["speaker"].notna() == (df["speaker_type"] != "unknown")
