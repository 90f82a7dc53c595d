from pipeline.nlp.figures import extract_figures
from pipeline.nlp.parse import parse_article
from conftest import gold_article_path


def _figures(seed_docs, article_id):
    return {f.text: f for f in extract_figures(seed_docs[article_id][1])}


def test_money_counts_and_qualifiers_in_seeds(seed_docs):
    rt = _figures(seed_docs, "004_7b93e5b3b32d719f")
    assert rt["$375 million"].value == 375_000_000 and rt["$375 million"].unit == "USD"
    assert rt["over $56 billion"].qualifier == "more_than" and rt["over $56 billion"].value == 56e9
    ft = _figures(seed_docs, "001_fd015770f323ab6c")
    assert ft["more than 200 cruise missiles"].qualifier == "more_than"
    assert ft["more than 200 cruise missiles"].counted == "cruise missiles"
    assert ft["At least four people"].value == 4 and ft["At least four people"].qualifier == "at_least"
    assert ft["10 km"].unit == "km" and ft["10 km"].normalized_value == 10_000


def test_of_counts_and_vague_amounts(seed_docs):
    irish = _figures(seed_docs, "000_6d30cde84e94083e")
    assert irish["71 of 80 attack drones"].value == 71 and irish["71 of 80 attack drones"].counted == "attack drones"
    assert irish["80 attack drones"].value == 80
    vague = irish["hundreds of kilometres"]
    assert (vague.value, vague.unit, vague.vague, vague.qualifier) == (100, "km", True, "approximate")
    kyiv = _figures(seed_docs, "002_0f6446a68141a4fc")
    assert kyiv["tens of thousands of missiles"].value == 10_000


def test_dates_times_years_and_names_are_not_figures(seed_docs):
    texts = {f.text for doc_id in seed_docs for f in _figures(seed_docs, doc_id).values()}
    for not_a_figure in ("1945", "2 June", "June 2", "2024", "31", "II", "2022"):
        assert not any(t == not_a_figure or t.startswith(not_a_figure + " ") for t in texts), not_a_figure


def test_bbc_mojibake_pounds_are_gbp(nlp):
    doc = nlp(parse_article(gold_article_path("bbc_val_0036.txt").read_bytes()).text)
    figures = {f.text: f for f in extract_figures(doc)}
    assert figures["£16.5m"].unit == "GBP" and figures["£16.5m"].value == 16_500_000
