"""`python -m pipeline.prefetch SEEDS [--cache DIR]`: the process `newsfacts build` starts to parse the few new or
changed articles into the extraction cache while its run starts (see `pipeline.incremental.prefetch`). Prints how
many articles it parsed."""

import gc

# A short process that loads spaCy and parses at most PREFETCH_LIMIT articles: the cyclic collector would only scan
# the model's objects over and over (about 0.15 s of a 2 s process). Disabled before the imports below.
gc.disable()

import argparse  # noqa: E402
import os  # noqa: E402
from pathlib import Path  # noqa: E402

from .config import default_cache_dir  # noqa: E402
from .incremental import PREFETCH_LIMIT, prefetch  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Parse new or changed seed articles into the extraction cache")
    parser.add_argument("seeds", type=Path)
    parser.add_argument("--cache", type=Path, default=default_cache_dir())
    parser.add_argument("--limit", type=int, default=PREFETCH_LIMIT)
    args = parser.parse_args(argv)
    print(prefetch(args.seeds, args.cache, args.limit), flush=True)
    return 0


if __name__ == "__main__":
    # Out without tearing the spaCy model down object by object (~0.3 s of CPU the run, still going, could use).
    # The cache entries are written and closed by now.
    os._exit(main())
