"""Stage 3: typed tables with stable ids and one canonical name per person across articles."""

import dagster as dg
import pandas as pd

from .. import tables
from .metadata import table_metadata


@dg.multi_asset(
    group_name="normalize",
    outs={
        f"normalized_{name}": dg.AssetOut(kinds={"pandas"}, owners=["team:newsfacts"], tags={"stage": "normalize"},
                                          description=f"{name.capitalize()} with ids, canonical names and typed columns")
        for name in ("articles", "quotes", "figures", "events", "mentions", "dates")
    },
)
def normalized(context: dg.AssetExecutionContext, parsed_articles: pd.DataFrame, extracted_quotes: pd.DataFrame,
               extracted_figures: pd.DataFrame, extracted_events: pd.DataFrame, extracted_mentions: pd.DataFrame,
               extracted_dates: pd.DataFrame):
    """Ids, cross-article canonical speakers and actors, event clusters, dates as dates, publication windows."""
    dates = tables.dates_table(extracted_dates)
    outputs = {
        "articles": tables.with_publication_windows(parsed_articles, dates),
        "dates": dates,
        "quotes": tables.quotes_table(extracted_quotes),
        "figures": tables.figures_table(extracted_figures),
        "events": tables.events_table(extracted_events),
        "mentions": tables.mentions_table(extracted_mentions),
    }
    context.log.info("normalize: " + ", ".join(f"{len(df)} {name}" for name, df in outputs.items()))
    for name, df in outputs.items():
        yield dg.Output(df, f"normalized_{name}", metadata=table_metadata(df))
