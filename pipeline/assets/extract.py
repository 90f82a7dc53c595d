"""Stage 2: one spaCy pass over all articles; quotes, figures, events and entity mentions from each Doc."""

import time

import dagster as dg
import pandas as pd

from ..config import code_version
from ..nlp.extract import ArticleInput, extract_articles
from .metadata import table_metadata

EXTRACTED = ("quotes", "figures", "events", "mentions", "dates")


@dg.multi_asset(
    group_name="extract",
    code_version=code_version(),
    outs={
        f"extracted_{name}": dg.AssetOut(kinds={"spacy", "pandas"}, owners=["team:newsfacts"],
                                         description=f"Raw {name} records as the extractors emit them")
        for name in EXTRACTED
    },
)
def extracted(context: dg.AssetExecutionContext, parsed_articles: pd.DataFrame):
    """Parse each article once (`nlp.pipe`) and run every extractor on the same Doc."""
    inputs = [
        ArticleInput(row.article_id, row.text, row.published_date.date() if pd.notna(row.published_date) else None)
        for row in parsed_articles.itertuples()
    ]
    started = time.perf_counter()
    total = len(inputs)

    def progress(done: int) -> None:
        if done == total or done % 25 == 0:
            rate = done / max(time.perf_counter() - started, 1e-9)
            context.log.info(f"extracted {done}/{total} articles ({rate:.1f} articles/s)")

    tables = extract_articles(inputs, progress=progress)
    for name in EXTRACTED:
        df = pd.DataFrame(tables[name])
        yield dg.Output(df, f"extracted_{name}", metadata=table_metadata(df))
