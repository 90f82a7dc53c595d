"""What every extracted table shares: a row is a span of one article's cleaned text."""

import pandera.pandas as pa
from pandera.typing import Series


class SpanModel(pa.DataFrameModel):
    article_id: Series[str] = pa.Field(description="The article the span is in")
    text: Series[str] = pa.Field(str_length={"min_value": 1}, description="The text at start_char:end_char")
    start_char: Series[int] = pa.Field(ge=0, description="Offset into articles.text")
    end_char: Series[int] = pa.Field(ge=1, description="Offset one past the span's end")

    class Config:
        strict = False  # extra columns are welcome; the contract names the required ones
        coerce = True

    @pa.dataframe_check(description="start_char < end_char")
    def offsets_ordered(cls, df):
        return df["start_char"] < df["end_char"]
