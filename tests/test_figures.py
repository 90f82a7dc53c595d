from conftest import gold_article_path

from pipeline.nlp.figures import extract_figures
from pipeline.nlp.parse import parse_article


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


def _one(nlp, sentence):
    return [(f.text, f.value, f.value_high, f.unit, f.qualifier, f.counted) for f in extract_figures(nlp(sentence))]


def test_ranges_scales_and_changes(nlp):
    assert _one(nlp, "Troops advanced between 10 and 20 km in two decades.") == [
        ("between 10 and 20 km", 10, 20, "km", "exact", None), ("two decades", 20, None, "year", "exact", None)]
    assert _one(nlp, "Prices rose by 3-5% within weeks.")[0][:4] == ("3-5%", 3, 5, "percent")
    # a change between two figures is not a range
    assert [f[:2] for f in _one(nlp, "US light crude lost more than $2 to $43.25.")] == [("more than $2", 2), ("$43.25", 43.25)]
    figure = extract_figures(nlp("Shares fell 0.5 percentage points."))[0]
    assert (figure.unit, figure.change) == ("point", "decrease")


def test_vague_amounts_money_words_and_ages(nlp):
    found = {f[0]: f for f in _one(nlp, "Tens of thousands fled and hundreds of millions of dollars were lost.")}
    assert found["Tens of thousands"][1] == 10_000
    assert found["hundreds of millions of dollars"][3] == "USD"
    assert [f[3] for f in _one(nlp, "He died aged 86; the 32-year-old striker scored.")] == ["year", "year"]
    assert _one(nlp, "Sales of 5.65bn euros and £3.9bn, at $31 each.") == [
        ("5.65bn euros", 5.65e9, None, "EUR", "exact", None), ("£3.9bn", 3.9e9, None, "GBP", "exact", None),
        ("$31", 31, None, "USD", "exact", None)]


def test_names_scores_ranks_and_dates_are_not_figures(nlp):
    text = ("Nearly 1,500 people met on 12 March 2023 at 3 pm, the first since World War II and the G7; "
            "Williams won 6-3 6-0, Half-Life 2 sold well, the FTSE 100 index rose and the song was at number 19.")
    assert [f[0] for f in _one(nlp, text)] == ["Nearly 1,500 people"]
