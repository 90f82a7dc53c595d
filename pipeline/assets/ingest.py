"""Stage 1: read the seed files and parse them into clean article texts."""

import dagster as dg
import pandas as pd

from ..config import code_version
from ..extraction_cache import ExtractionCache
from ..incremental import clean_articles
from ..ingest import SeedsFolderError, read_seeds
from ..resources import NewsfactsPaths
from .metadata import table_metadata

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
    articles, problems = clean_articles(raw_articles["articles"], raw_articles["problems"], cache)
    problems_df = pd.DataFrame([p.__dict__ for p in problems], columns=["source_path", "article_id", "stage", "reason"])
    if problems:
        # One event, not one per file: each Dagster event is a write to the run's event log.
        shown = "\n".join(f"  {p.source_path}: {p.reason}" for p in problems[:SHOWN_PROBLEMS])
        more = f"\n  ... and {len(problems) - SHOWN_PROBLEMS} more" if len(problems) > SHOWN_PROBLEMS else ""
        context.log.warning(f"{len(problems)} input problem(s), all listed in the input_problems table:\n{shown}{more}")
    context.log.info(f"parse: {len(articles)} articles cleaned, {len(problems_df)} input problem(s)")
    yield dg.Output(articles, "parsed_articles", metadata=table_metadata(articles))
    yield dg.Output(problems_df, "input_problems", metadata=table_metadata(problems_df))
