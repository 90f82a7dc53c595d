from datetime import date

import pytest

from pipeline.nlp.dates import resolve_date
from pipeline.nlp.events import extract_events
from pipeline.nlp.quote_spans import find_quote_spans
from pipeline.nlp.speakers import SpeakerResolver

ANCHOR = date(2024, 6, 2)  # a Sunday


@pytest.mark.parametrize("expression, future, expected", [
    ("June 2, 2024", False, (date(2024, 6, 2), date(2024, 6, 2), "day")),
    ("on June 1", False, (date(2024, 6, 1), date(2024, 6, 1), "day")),
    ("late May", False, (date(2024, 5, 21), date(2024, 5, 31), "month")),
    ("Tuesday", False, (date(2024, 5, 28), date(2024, 5, 28), "day")),
    ("Thursday", True, (date(2024, 6, 6), date(2024, 6, 6), "day")),
    ("earlier this month", False, (date(2024, 6, 1), date(2024, 6, 2), "month")),
    ("February 2022", False, (date(2022, 2, 1), date(2022, 2, 28), "month")),
])
def test_relative_dates_resolve_against_the_anchor(expression, future, expected):
    resolved = resolve_date(expression, ANCHOR, future=future)
    assert (resolved.start, resolved.end, resolved.granularity) == expected


def test_no_anchor_means_no_invented_date():
    assert resolve_date("on Tuesday", None) is None
    assert resolve_date("May 31", None) is None
    assert resolve_date("June 2, 2024", None).start == date(2024, 6, 2)


def _events(seed_docs, article_id, published=None):
    parsed, doc = seed_docs[article_id]
    resolver = SpeakerResolver(doc, [s.outer for s in find_quote_spans(doc.text)])
    return extract_events(doc, resolver, published or parsed.published_date)


def test_issue_examples_from_the_seeds(seed_docs):
    kyiv = _events(seed_docs, "002_0f6446a68141a4fc")
    attack = next(e for e in kyiv if e.text.startswith("Russia launched a large-scale drone and missile attack"))
    assert (attack.event_type, attack.actor.name, attack.recipient.name) == ("ASSAULT", "Russia", "Ukraine")
    assert attack.date_start == date(2024, 6, 1) and attack.status == "asserted"
    irish = _events(seed_docs, "000_6d30cde84e94083e")
    assert any(e.event_type == "REJECT" and e.actor and e.actor.name == "White House" for e in irish)
    rt = _events(seed_docs, "004_7b93e5b3b32d719f")
    consult = next(e for e in rt if e.text.startswith("Biden to discuss"))
    assert (consult.event_type, consult.actor.name, consult.status) == ("CONSULT", "Joe Biden", "future")


def test_canonical_actors_never_use_variant_spellings(seed_docs):
    for article_id in seed_docs:
        for event in _events(seed_docs, article_id):
            for party in (event.actor, event.recipient):
                if party is not None:
                    assert party.name not in ("Kiev", "Zelenskiy", "Selenskyj", "Kharkov", "Vladimir Zelensky")


def test_gold_events_found_with_their_type_and_no_wrong_date(evaluation):
    """Issue target on the seed gold: >= 90% of gold events found with the right type; a wrong date never."""
    from conftest import GOLD

    scores = evaluation.score_events(GOLD)
    assert scores["gold_events"] > 150
    assert scores["recall_type"] >= 0.9
    assert scores["dates_wrong"] == 0
    assert scores["dates_right"] >= 8


def test_same_event_in_two_outlets_shares_a_cluster():
    import pandas as pd

    from pipeline.tables import cluster_events

    events = pd.DataFrame({
        "event_id": ["a:e000", "b:e000", "b:e001"], "article_id": ["a", "b", "b"],
        "event_type": ["ASSAULT", "ASSAULT", "ASSAULT"], "actor": ["Russia", "Russia", "Russia"],
        "recipient": ["Ukraine", "Ukraine", "Ukraine"],
        "date_start": pd.to_datetime(["2024-06-01", "2024-06-01", "2024-03-01"]),
        "date_end": pd.to_datetime(["2024-06-01", "2024-06-01", "2024-03-01"]),
        "text": ["Russia launched a large-scale drone and missile attack on Ukraine overnight on June 1",
                 "Russia launched a massive missile and drone attack on Ukraine on June 1, officials said",
                 "Russia launched a large-scale drone and missile attack on Ukraine in March"],
    })
    clustered = cluster_events(events)
    assert clustered.loc[0, "cluster_id"] == clustered.loc[1, "cluster_id"] != clustered.loc[2, "cluster_id"]
    assert list(clustered["cluster_articles"]) == [2, 2, 1]


@pytest.mark.parametrize("expression, future, expected", [
    ("in the spring", False, (date(2024, 3, 1), date(2024, 5, 31))),
    ("last summer", False, (date(2023, 6, 1), date(2023, 8, 31))),
    ("next winter", True, (date(2024, 12, 1), date(2025, 2, 28))),
])
def test_seasons_resolve_to_meteorological_ranges(expression, future, expected):
    resolved = resolve_date(expression, ANCHOR, future=future)
    assert (resolved.start, resolved.end, resolved.granularity) == (*expected, "season")


def test_gazetteer_resolves_variants_fuzzy_spellings_and_types():
    from pipeline.nlp.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    assert gazetteer.resolve("Selenskyj", "PERSON").entity.name == "Volodymyr Zelensky"
    fuzzy = gazetteer.resolve("Zelenskky", "PERSON")
    assert fuzzy.entity.name == "Volodymyr Zelensky" and fuzzy.method == "fuzzy"
    assert gazetteer.resolve("Kharkov Region", "GPE").entity.name == "Kharkiv Oblast"
    assert gazetteer.resolve("Kiev", "PERSON").entity.name == "Kyiv"  # the small model calls Kyiv a PERSON
    assert gazetteer.resolve("Biden", "GPE") is None  # a person alias never resolves as a place
    assert gazetteer.resolve("Kramer", "PERSON") is None


def test_unmatched_mentions_are_kept_for_review(seed_docs):
    from pipeline.nlp.extract import ArticleInput, extract_doc

    parsed, doc = seed_docs["001_fd015770f323ab6c"]
    mentions = extract_doc(doc, ArticleInput("001", parsed.text, None))["mentions"]
    assert any(m["match"] == "unmatched" for m in mentions)
    assert {m["canonical_name"] for m in mentions if m["text"] in ("Zelenskyj", "Selenskyj")} == {"Volodymyr Zelensky"}
