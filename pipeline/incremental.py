"""What the extraction cache already holds and what must be parsed: the logic of the parse and extract stages,
shared by their assets and by the prefetch that `newsfacts build` starts.

The prefetch (`python -m pipeline.prefetch SEEDS`) parses the few new or changed articles on the second core
while the build's own process is still importing Dagster and starting the run: for one edited article that is about
a second of spaCy import and model load taken off the run. It runs the same functions as the assets, so the run then
reads exactly the entries it would have written itself. A lock on the cache keeps the two from parsing the same
articles: the run waits for a prefetch under way and reads what it wrote.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .config import code_version
from .extraction_cache import ExtractionCache
from .ingest import InputProblem, RawArticle, read_seeds
from .nlp.extract import ArticleInput, extract_each
from .nlp.parse import UndecodableInput, parse_article
from .tables import articles_table

# The longest news articles are a few tens of kilobytes; a file this big is a dump, not an article, and one spaCy
# parse of it would take most of the machine's memory.
MAX_ARTICLE_BYTES = 1_000_000
# More new articles than this is a bulk build: the run parses them itself, with two processes.
PREFETCH_LIMIT = 16


def clean_articles(raw_articles: list[RawArticle], problems: list[InputProblem],
                   cache: ExtractionCache) -> tuple[pd.DataFrame, list[InputProblem]]:
    """The articles table (clean text, title, outlet, dates) and every file that could not be used, with why.
    Unchanged files come from the cache."""
    pairs, problems = [], list(problems)
    seen: dict[str, str] = {}
    for raw in raw_articles:
        if raw.content_sha256 in seen:
            problems.append(InputProblem(raw.source_path, raw.article_id, "parse",
                                         f"duplicate of article {seen[raw.content_sha256]}: same bytes"))
            continue
        if raw.size_bytes > MAX_ARTICLE_BYTES:
            problems.append(InputProblem(
                raw.source_path, raw.article_id, "parse",
                f"{raw.size_bytes:,} bytes is more than one article ({MAX_ARTICLE_BYTES:,} bytes at most): split it"))
            continue
        parsed = cache.get_parsed(raw.content_sha256)
        if parsed is None:
            try:
                parsed = parse_article(raw.raw)
            except UndecodableInput as error:
                problems.append(InputProblem(raw.source_path, raw.article_id, "parse", str(error)))
                continue
            cache.put_parsed(raw.content_sha256, parsed)
        if not parsed.text.strip():
            problems.append(InputProblem(raw.source_path, raw.article_id, "parse", "no article text after cleaning"))
            continue
        seen[raw.content_sha256] = raw.article_id
        pairs.append((raw, parsed))
    return articles_table(pairs), problems


def extraction_inputs(parsed_articles: pd.DataFrame, cache: ExtractionCache) -> list[tuple[str, ArticleInput]]:
    """Each article's cache key and extractor input. The key holds the publication date: relative dates resolve
    against it."""
    inputs = []
    for row in parsed_articles.itertuples():
        published = row.published_date.date() if pd.notna(row.published_date) else None
        inputs.append((cache.key(row.content_sha256, published), ArticleInput(row.article_id, row.text, published)))
    return inputs


def split_cached(cache: ExtractionCache, inputs: list[tuple[str, ArticleInput]]):
    """The cached tables by article id, and the (key, input) pairs still to parse."""
    cached, misses = {}, []
    for key, article in inputs:
        tables = cache.get(key, article.article_id)
        if tables is not None:
            cached[article.article_id] = tables
        else:
            misses.append((key, article))
    return cached, misses


def prefetch(seeds_dir: Path, cache_dir: Path, limit: int = PREFETCH_LIMIT) -> int:
    """Parse the new or changed articles into the cache when there are at most `limit`; how many it parsed."""
    cache = ExtractionCache(cache_dir, code_version())
    with cache.filling(wait=False) as filling:
        if not filling:
            return 0  # a run is parsing already: it does this work, and nothing is written twice
        raw_articles, problems = read_seeds(seeds_dir)
        # New or changed files are those whose bytes were never cleaned; only they are cleaned here. (An unchanged
        # file whose sidecar date changed is left to the run.)
        changed = [raw for raw in raw_articles if not cache.has_parsed(raw.content_sha256)]
        if not changed or len(changed) > limit:
            return 0  # nothing to do, or a bulk build
        articles, _ = clean_articles(changed, problems, cache)
        misses = [(key, article) for key, article in extraction_inputs(articles, cache) if not cache.has(key)]
        keys = {article.article_id: key for key, article in misses}
        for article, tables in extract_each([article for _, article in misses]):
            cache.put(keys[article.article_id], tables)
    return len(misses)
