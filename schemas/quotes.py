"""The `quotes` table: one row per quoted span, attributed to a canonical speaker."""

import pandera.pandas as pa
from pandera.typing import Series

from .registries import QUOTE_KINDS, SPEAKER_TYPES


class QuoteSchema(pa.DataFrameModel):
    quote_id: Series[str] = pa.Field(unique=True)
    article_id: Series[str]
    text: Series[str] = pa.Field(str_length={"min_value": 1}, description="Quoted words without the marks")
    start_char: Series[int] = pa.Field(ge=0)
    end_char: Series[int] = pa.Field(ge=1)
    speaker: Series[str] = pa.Field(nullable=True, description="Canonical speaker name; null only if unknown")
    speaker_type: Series[str] = pa.Field(isin=sorted(SPEAKER_TYPES))
    cue: Series[str] = pa.Field(nullable=True, description="Reporting verb (lemma) or 'according to'")
    kind: Series[str] = pa.Field(isin=sorted(QUOTE_KINDS), description="quote, or term for scare quotes")

    class Config:
        strict = False
        coerce = True

    @pa.dataframe_check(description="start_char < end_char")
    def offsets_ordered(cls, df):
        return df["start_char"] < df["end_char"]

    @pa.dataframe_check(description="A speaker is named unless the speaker type is 'unknown'")
    def speaker_present(cls, df):
        return df["speaker"].notna() == (df["speaker_type"] != "unknown")
