"""Property-based tests: on arbitrary text the parsing and extraction stages never raise and every offset is valid."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.nlp.extract import ArticleInput, extract_doc
from pipeline.nlp.parse import UndecodableInput, parse_article
from pipeline.nlp.quote_spans import find_quote_spans

NEWSY = st.text(
    # any character an encoded article can hold (not a lone surrogate, which no UTF-8 text contains)
    alphabet=st.sampled_from(list("abcdefghij KLMNOP\n\n\"“”‘’'.,;:!?$£€%-–0123456789()[]&#Â"))
    | st.characters(codec="utf-8"),
    max_size=400,
)
WORDS = st.lists(st.sampled_from([
    "Zelensky", "said", "“We", "will", "win,”", "\"No", "way\"", "more than", "200", "$375 million", "on June 1",
    "Kiev", "attack", "Russia", "launched", "he", "told", "reporters", "\n\n", "Â£5m", "tens of thousands of",
    "missiles", "“", "”", "\"", "3-5%", "between", "and", "km", "Biden", "to", "discuss", ".", ",",
]), max_size=80).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_parse_never_raises_on_bytes(raw):
    try:
        parsed = parse_article(raw)
    except UndecodableInput:
        return
    for section in parsed.sections:
        assert 0 <= section.start <= section.end <= len(parsed.text)


@settings(max_examples=200, deadline=None)
@given(NEWSY)
def test_quote_spans_are_valid_offsets(text):
    for span in find_quote_spans(text):
        assert 0 <= span.open_mark < span.start <= span.end <= len(text)
        assert text[span.start:span.end] == text[span.start:span.end].strip()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(WORDS, NEWSY))
def test_extraction_never_raises_and_offsets_hold(nlp, text):
    try:
        parsed = parse_article(text.encode("utf-8"))
    except UndecodableInput:
        return
    doc = nlp(parsed.text)
    out = extract_doc(doc, ArticleInput("prop", parsed.text, None))
    for table in ("quotes", "figures", "events", "dates"):
        for row in out[table]:
            assert parsed.text[row["start_char"]:row["end_char"]] == row["text"], (table, row)
