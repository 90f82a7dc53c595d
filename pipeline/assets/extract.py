"""Stage 2: one spaCy pass over the new or changed articles; quotes, figures, events, mentions and dates from each
Doc. Unchanged articles come from the content-addressed extraction cache."""

import hashlib
import time
import warnings
from contextlib import ExitStack

import dagster as dg
import pandas as pd

from ..config import code_version
from ..extraction_cache import ExtractionCache
from ..incremental import extraction_inputs, split_cached
from ..nlp.extract import TABLES, extract_each
from ..progress import report as report_progress
from ..resources import NewsfactsPaths
from .metadata import table_metadata

# Output(data_version=...) is marked beta in Dagster 1.13; it is the documented way to version an output.
warnings.filterwarnings("ignore", message=".*data_version.*", category=Warning)
warnings.filterwarnings("ignore", message=".*Output.__init__.*", category=Warning)


@dg.multi_asset(
    group_name="extract",
    code_version=code_version(),
    outs={
        f"extracted_{name}": dg.AssetOut(kinds={"spacy", "pandas"}, owners=["team:newsfacts"], tags={"stage": "extract"},
                                         description=f"Raw {name} records as the extractors emit them")
        for name in TABLES
    },
)
def extracted(context: dg.AssetExecutionContext, paths: NewsfactsPaths, parsed_articles: pd.DataFrame):
    """Parse each new or changed article once (`nlp.pipe`) and run every extractor on the same Doc."""
    cache = ExtractionCache(paths.cache, code_version())
    results, misses = split_cached(cache, extraction_inputs(parsed_articles, cache))
    with ExitStack() as stack:
        if misses:
            # A prefetch by `newsfacts build` may be parsing them now: wait for it and take what it wrote. The lock
            # is then held while this run parses the rest.
            stack.enter_context(cache.filling())
            prefetched, misses = split_cached(cache, misses)
            results |= prefetched
        context.log.info(f"extract: {len(results)} articles unchanged (cached), {len(misses)} to parse")
        started, total = time.perf_counter(), len(misses)

        def progress(done: int) -> None:
            report_progress("parse", done, total)
            if done == total or done % 25 == 0:
                rate = done / max(time.perf_counter() - started, 1e-9)
                context.log.info(f"extracted {done}/{total} articles ({rate:.1f} articles/s)")

        keys = dict((article.article_id, key) for key, article in misses)
        if misses:
            report_progress("parse", 0, total)  # starts the clock of a headless progress bar
        for article, tables in extract_each([a for _, a in misses], progress=progress):
            cache.put(keys[article.article_id], tables)
            results[article.article_id] = tables

    # Same inputs, same code -> same data version: Dagster can tell an unchanged extraction from a new one.
    version = hashlib.sha256("|".join(sorted(parsed_articles["content_sha256"])).encode() + code_version().encode())
    for name in TABLES:
        rows = [r for article_id in parsed_articles["article_id"] for r in results[article_id][name]]
        df = pd.DataFrame(rows)
        metadata = table_metadata(df) | {"articles_parsed": len(misses), "articles_from_cache": len(results) - len(misses)}
        yield dg.Output(df, f"extracted_{name}", metadata=metadata, data_version=dg.DataVersion(version.hexdigest()[:16]))
