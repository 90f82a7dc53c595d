"""The `articles` table: one row per usable seed article; `text` is what every offset refers to."""

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from .registries import PUBLISHED_DATE_STATUSES

# Publication dates outside this window are a parsing error, not news.
EARLIEST_PUBLICATION = "1990-01-01"


class ArticleSchema(pa.DataFrameModel):
    article_id: Series[str] = pa.Field(unique=True, str_length={"min_value": 1}, description="Seed file stem")
    source_path: Series[str] = pa.Field(description="Path of the seed file")
    content_sha256: Series[str] = pa.Field(str_matches=r"^[0-9a-f]{64}$", description="sha256 of the file bytes")
    title: Series[str] = pa.Field(nullable=True, description="Headline, from the sidecar or the first line")
    outlet: Series[str] = pa.Field(nullable=True, description="Publisher, from the sidecar or the text")
    published_date: Series[pa.DateTime] = pa.Field(
        nullable=True, ge=EARLIEST_PUBLICATION, description="Publication date (null when unknown)"
    )
    published_date_status: Series[str] = pa.Field(isin=sorted(PUBLISHED_DATE_STATUSES))
    published_earliest: Series[pa.DateTime] = pa.Field(
        nullable=True, description="Earliest possible publication date the text supports (window for unknown dates)")
    published_latest: Series[pa.DateTime] = pa.Field(nullable=True, description="Latest possible publication date")
    text: Series[str] = pa.Field(str_length={"min_value": 1}, description="Cleaned body text")

    class Config:
        strict = False
        coerce = True

    @pa.dataframe_check(description="No publication date in the future")
    def not_in_future(cls, df):
        tomorrow = pd.Timestamp.now().normalize() + pd.Timedelta(days=1)
        return df["published_date"].isna() | (df["published_date"] <= tomorrow)

    @pa.dataframe_check(description="The publication window, where given, is ordered and holds the date")
    def window_holds_date(cls, df):
        ordered = df["published_earliest"].isna() | df["published_latest"].isna() | (
            df["published_earliest"] <= df["published_latest"])
        holds = df["published_date"].isna() | (
            (df["published_earliest"].isna() | (df["published_earliest"] <= df["published_date"]))
            & (df["published_latest"].isna() | (df["published_date"] <= df["published_latest"])))
        return ordered & holds

    @pa.dataframe_check(description="A date is given exactly when its status is not 'unknown'")
    def date_matches_status(cls, df):
        return df["published_date"].isna() == (df["published_date_status"] == "unknown")
