import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
GOLD = REPO / "tests" / "gold"
BBC_CORPUS = REPO.parent / "shared" / "corpora" / "bbc-news"


def gold_records(name: str) -> list[dict]:
    return [json.loads(line) for line in (GOLD / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def gold_article_path(doc: str) -> Path:
    seed = SEEDS / doc
    if seed.exists():
        return seed
    return next((path for path in sorted(GOLD.glob("*_articles/" + doc))), GOLD / "bbc_articles" / doc)


@pytest.fixture(scope="session")
def evaluation():
    """evaluation/evaluate.py as a module (it is a script, not part of the package)."""
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location("evaluate", REPO / "evaluation" / "evaluate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["evaluate"] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def layouts(evaluation):
    """evaluation/layout_check.py as a module: the BBC gold re-laid as other outlets write (curly marks, paragraphs)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("layout_check", REPO / "evaluation" / "layout_check.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def nlp():
    from pipeline.nlp.model import get_nlp

    return get_nlp()


@pytest.fixture(scope="session")
def seed_docs(nlp):
    """Every seed article parsed and run through the spaCy pipeline once: {article_id: (parsed, doc)}."""
    from pipeline.nlp.parse import parse_article

    out = {}
    for path in sorted(SEEDS.glob("*.txt")):
        parsed = parse_article(path.read_bytes())
        out[path.stem] = (parsed, nlp(parsed.text))
    return out


@pytest.fixture(scope="session", autouse=True)
def isolated_cache(tmp_path_factory):
    """Tests never write into the repo's .dagster/: builds cache their extractions in a temporary folder."""
    import os

    previous = os.environ.get("NEWSFACTS_CACHE")
    os.environ["NEWSFACTS_CACHE"] = str(tmp_path_factory.mktemp("extraction_cache"))
    yield
    if previous is None:
        os.environ.pop("NEWSFACTS_CACHE", None)
    else:
        os.environ["NEWSFACTS_CACHE"] = previous
