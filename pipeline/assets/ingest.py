"""Stage 1: read the seed files and parse them into clean article texts."""

import dagster as dg
import pandas as pd

from ..config import code_version
from ..extraction_cache import ExtractionCache
from ..ingest import InputProblem, SeedsFolderError, read_seeds
from ..nlp.parse import UndecodableInput, parse_article
from ..resources import NewsfactsPaths
from ..tables import articles_table
from .metadata import table_metadata

# The longest news articles are a few tens of kilobytes; a file this big is a dump, not an article, and one spaCy
# parse of it would take most of the machine's memory.
MAX_ARTICLE_BYTES = 1_000_000
SHOWN_PROBLEMS = 10


@dg.asset(group_name="ingest", kinds={"python", "filesystem"}, owners=["team:newsfacts"], tags={"stage": "ingest"})
def raw_articles(context: dg.AssetExecutionContext, paths: NewsfactsPaths) -> dict:
    """Every `.txt` file of the seeds folder with its sha256 and sidecar metadata, plus unusable inputs."""
    try:
        articles, problems = read_seeds(paths.seeds)
    except SeedsFolderError as error:
        raise dg.Failure(description=str(error)) from error
    context.log.info(f"ingest: {len(articles)} seed files read from {paths.seeds}, {len(problems)} input problem(s)")
    context.add_output_metadata({"articles": len(articles), "input_problems": len(problems),
                                 "seeds_dir": str(paths.seeds)})
    return {"articles": articles, "problems": problems}


@dg.multi_asset(
    group_name="parse",
    outs={
        "parsed_articles": dg.AssetOut(kinds={"pandas"}, owners=["team:newsfacts"], tags={"stage": "parse"},
                                       description="Cleaned article text with title, byline, outlet, dates"),
        "input_problems": dg.AssetOut(kinds={"pandas"}, owners=["team:newsfacts"], tags={"stage": "parse"},
                                      description="Seed files that could not be used, with the reason"),
    },
)
def parsed_articles(context: dg.AssetExecutionContext, paths: NewsfactsPaths, raw_articles: dict):
    """Decode, repair mojibake, drop boilerplate and live-blog chrome; find title, byline, outlet and dates.
    Unchanged files come from the content-addressed cache."""
    cache = ExtractionCache(paths.cache, code_version())
    pairs, problems = [], list(raw_articles["problems"])
    seen: dict[str, str] = {}
    for raw in raw_articles["articles"]:
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
    articles = articles_table(pairs)
    problems_df = pd.DataFrame([p.__dict__ for p in problems], columns=["source_path", "article_id", "stage", "reason"])
    if problems:
        # One event, not one per file: each Dagster event is a write to the run's event log.
        shown = "\n".join(f"  {p.source_path}: {p.reason}" for p in problems[:SHOWN_PROBLEMS])
        more = f"\n  ... and {len(problems) - SHOWN_PROBLEMS} more" if len(problems) > SHOWN_PROBLEMS else ""
        context.log.warning(f"{len(problems)} input problem(s), all listed in the input_problems table:\n{shown}{more}")
    context.log.info(f"parse: {len(articles)} articles cleaned, {len(problems_df)} input problem(s)")
    yield dg.Output(articles, "parsed_articles", metadata=table_metadata(articles))
    yield dg.Output(problems_df, "input_problems", metadata=table_metadata(problems_df))
