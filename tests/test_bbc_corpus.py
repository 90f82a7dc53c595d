"""Robustness on text the seeds do not show: real BBC articles (straight quotes, no paragraphs, mojibake)."""

import csv

import pytest
from conftest import BBC_CORPUS

from pipeline.nlp.extract import ArticleInput, extract_articles
from pipeline.nlp.parse import parse_article
from pipeline.nlp.quotes import extract_quotes

SAMPLE = 60  # every 25th row of train.csv: all five categories, not chosen by content


@pytest.fixture(scope="module")
def train_rows():
    path = BBC_CORPUS / "train.csv"
    if not path.exists():
        pytest.skip(f"BBC corpus not found at {path} (it lives in shared/ beside the repo)")
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def bbc_sample(train_rows):
    return [(f"bbc_train_{i:04d}", train_rows[i]["text"]) for i in range(0, len(train_rows), 25)][:SAMPLE]


def test_extraction_never_fails_and_every_offset_is_valid(bbc_sample, nlp):
    parsed = {article_id: parse_article(text.encode("utf-8")) for article_id, text in bbc_sample}
    assert not any("Â£" in p.text for p in parsed.values())
    tables = extract_articles([ArticleInput(a, p.text, None) for a, p in parsed.items()], nlp=nlp)
    for table in ("quotes", "figures", "events"):
        for row in tables[table]:
            text = parsed[row["article_id"]].text
            assert text[row["start_char"]:row["end_char"]] == row["text"], (table, row["article_id"])
    assert len(tables["quotes"]) > SAMPLE  # BBC stories quote people a lot
    assert sum(r["unit"] == "GBP" for r in tables["figures"]) > 5
    # No publication date is known: no event may carry a date resolved from relative words.
    assert all(r["date_start"] is None or r["date_granularity"] in ("day", "month", "year") for r in tables["events"])
    relative = [r for r in tables["events"] if r["date_text"] and r["date_text"].lower() in ("last month", "last week", "yesterday", "on monday", "monday")]
    assert all(r["date_start"] is None for r in relative)


def _speakers_of_row(nlp, rows, index: int) -> dict[str, str | None]:
    doc = nlp(parse_article(rows[index]["text"].encode("utf-8")).text)
    return {q.text: q.speaker.name for q in extract_quotes(doc)}


def test_a_name_and_its_role_in_commas_before_the_verb_is_the_speaker(nlp, train_rows):
    """train.csv row 398 (not in the gold): 'In response to Dr Gibbons' comments, Ieuan Wyn Jones, leader of the
    Plaid Cymru group in the assembly, said: "It is apparent …"' (the parse hangs the name on "comments")."""
    speakers = _speakers_of_row(nlp, train_rows, 398)
    assert next(s for t, s in speakers.items() if t.startswith("It is apparent")) == "Ieuan Wyn Jones"


def test_a_surname_the_tagger_takes_for_a_modal_is_still_the_speaker(nlp, train_rows):
    """train.csv row 593 (not in the gold): 'Guitarist Brian May has said he expects to be on the road …. May said:
    "Suddenly the Queen Phoenix is rising again …"' ("May" tagged as an auxiliary verb)."""
    speakers = _speakers_of_row(nlp, train_rows, 593)
    assert next(s for t, s in speakers.items() if t.startswith("Suddenly the Queen")) == "Brian May"


def test_a_body_before_an_unnamed_source_does_not_name_it(nlp, train_rows):
    """train.csv row 838 (not in the gold): 'But a UK Government official responded: "Even with the rebate …"' is an
    unnamed official, not a person called "Government"."""
    speakers = _speakers_of_row(nlp, train_rows, 838)
    assert next(s for t, s in speakers.items() if t.startswith("Even with the rebate")) == "a UK Government official"


def test_an_honorific_inside_an_entity_starts_a_persons_name(nlp, train_rows):
    """train.csv row 546 (not in the gold): 'In a speech to the Foreign Policy Centre Mr Straw said of the Tory
    leader: "He is clever, fluent and tactical …"' (the NER runs the centre and Mr Straw into one organisation)."""
    speakers = _speakers_of_row(nlp, train_rows, 546)
    assert next(s for t, s in speakers.items() if t.startswith("He is clever")) == "Jack Straw"


def test_an_inserted_reporting_clause_names_the_source_of_the_partial_quote(nlp, train_rows):
    """train.csv row 161 (not in the gold): 'The European ministers' comments, said Junya Tanase of JPMorgan Chase
    bank in Tokyo, were "generally too weak to produce a market reaction".'"""
    speakers = _speakers_of_row(nlp, train_rows, 161)
    assert next(s for t, s in speakers.items() if t.startswith("generally too weak")) == "Junya Tanase"


def test_an_inverted_age_description_after_a_quote_is_the_speaker(nlp, train_rows):
    """train.csv row 99 (not in the gold): 'Arsenal's Sol Campbell … "It had a psychological impact on us …," added
    the 30-year-old, referring to …' (the parse makes "the 30-year-old" the verb's object)."""
    speakers = _speakers_of_row(nlp, train_rows, 99)
    assert next(s for t, s in speakers.items() if t.startswith("It had a psychological")) == "Sol Campbell"


def test_a_name_the_ner_calls_a_work_with_a_first_name_read_as_a_modal_still_speaks(nlp, train_rows):
    """train.csv row 713 (not in the gold): '"What we are proposing is a civic commons," Will Davies, senior research
    fellow at the IPPR told the BBC News website.' ("Will Davies" is a WORK_OF_ART to the NER, "Will" a modal)"""
    speakers = _speakers_of_row(nlp, train_rows, 713)
    assert next(s for t, s in speakers.items() if t.startswith("What we are proposing")) == "Will Davies"


def test_a_name_and_a_relative_clause_in_commas_before_the_verb_is_the_speaker(nlp, train_rows):
    """train.csv row 518 (not in the gold): 'In an article for the Times newspaper, Ms Dunwoody, who chairs the
    Transport Select Committee, says: "Slight increases …"' (the parse hangs the name on "newspaper")."""
    speakers = _speakers_of_row(nlp, train_rows, 518)
    assert next(s for t, s in speakers.items() if t.startswith("Slight increases")) == "Gwyneth Dunwoody"


def test_a_headline_participle_after_a_body_s_name_is_not_the_body_speaking(nlp, train_rows):
    """train.csv row 814: 'Labour accused of 'EU propaganda' A "taxpayer subsidised propaganda exercise" on the EU is
    being used to lull the British public …, say the Tories.' is the Tories' phrase: "accused" is a passive
    participle, not Labour reporting."""
    assert _speakers_of_row(nlp, train_rows, 814)["taxpayer subsidised propaganda exercise"] == "Tories"


def test_a_document_someone_speaks_in_is_theirs(nlp, train_rows):
    """train.csv rows 976 and 309 (not in the gold): 'Oxfam says in a report, Paying the Price. … The report said:
    "For rich countries, providing aid …"' is Oxfam; 'In a statement the RSPCA said it had "grave concerns" …
    "Animals hit but not killed …," said the statement' is the RSPCA."""
    oxfam = _speakers_of_row(nlp, train_rows, 976)
    assert next(s for t, s in oxfam.items() if t.startswith("For rich countries")) == "Oxfam"
    rspca = _speakers_of_row(nlp, train_rows, 309)
    assert next(s for t, s in rspca.items() if t.startswith("Animals hit but not killed")) == "RSPCA"


def test_the_one_quoted_by_a_paper_as_saying_speaks_not_the_paper(nlp, train_rows):
    """train.csv row 169 (not in the gold): "Chief executive Geoff Dixon was quoted by The Australian newspaper as
    saying the carrier could no longer afford to remain "all-Australian"" is Geoff Dixon's word."""
    qantas = _speakers_of_row(nlp, train_rows, 169)
    assert qantas["all-Australian"] == "Geoff Dixon"


def test_an_office_the_parser_makes_the_subject_is_the_person_who_holds_it(nlp, train_rows):
    """train.csv row 114 (not in the gold): 'Chairman of the Environmental Audit Committee Peter Ainsworth MP, said:
    "The government's housing policy is …"' is Peter Ainsworth's, not a person called "Chairman"."""
    speakers = _speakers_of_row(nlp, train_rows, 114)
    assert next(s for t, s in speakers.items() if t.startswith("The government's housing policy")) == "Peter Ainsworth"
