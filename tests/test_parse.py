import pytest
from conftest import GOLD, SEEDS

from pipeline.nlp.parse import UndecodableInput, decode, parse_article


def _seed(prefix: str) -> bytes:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_bytes()


@pytest.mark.parametrize("prefix, boilerplate", [
    ("000", "READ SOME MORE"), ("001", "Leave a Reply"), ("001", "newsletter for free"),
    ("004", "Comments are closed."), ("002", "This audio is created with AI assistance"), ("003", "Read more"),
])
def test_boilerplate_is_removed_from_seed_text(prefix, boilerplate):
    parsed = parse_article(_seed(prefix))
    assert boilerplate not in parsed.text
    assert any(boilerplate.lower() in line.lower() for line in parsed.removed_lines)


def test_kyiv_independent_byline_gives_outlet_author_and_date():
    parsed = parse_article(_seed("002"))
    assert parsed.outlet == "The Kyiv Independent"
    assert str(parsed.published_date) == "2024-06-02"
    assert parsed.title == "Zelensky urges US to allow Ukraine to strike Russia with ATACMS missiles"
    assert "by The Kyiv Independent" not in parsed.text


def test_live_blog_chrome_removed_but_items_kept():
    parsed = parse_article(_seed("002"))
    assert "2:31 AM" not in parsed.text and "Author:" not in parsed.text
    assert "The Kyiv IndependentDmytro Basmat" not in parsed.text
    live = [parsed.text[s.start:s.end] for s in parsed.sections if s.kind == "live_blog"]
    assert any("Russia launched a large-scale drone and missile attack" in item for item in live)


def test_author_footer_and_repeated_title_removed():
    irish = parse_article(_seed("000"))
    assert irish.outlet == "The Irish Times" and irish.byline == "Daniel McLaughlin"
    assert not irish.text.rstrip().endswith("McLaughlin")
    ft = parse_article(_seed("001"))
    assert ft.text.count("Volodymyr Zelensky calls on the West") == 1


def test_captions_are_sections_of_their_own():
    parsed = parse_article(_seed("001"))
    captions = [parsed.text[s.start:s.end] for s in parsed.sections if s.kind == "caption"]
    assert any(c.startswith("Volodymyr Selenskyj: “There must be") for c in captions)


def test_sections_tile_the_text():
    for path in SEEDS.glob("*.txt"):
        parsed = parse_article(path.read_bytes())
        assert "\n\n".join(parsed.text[s.start:s.end] for s in parsed.sections) == parsed.text


def test_bbc_mojibake_pound_sign_is_repaired():
    raw = (GOLD / "bbc_articles" / "bbc_val_0036.txt").read_bytes()
    assert "Â£".encode() in raw
    parsed = parse_article(raw)
    assert "Â£" not in parsed.text and "£16.5m" in parsed.text
    assert "mojibake" in parsed.repairs


def test_decode_rejects_empty_and_binary_and_reads_windows_1252():
    with pytest.raises(UndecodableInput, match="empty"):
        decode(b"  \n")
    with pytest.raises(UndecodableInput, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    text, encoding = decode("Kyiv said “no” to the £5m deal".encode("cp1252"))
    assert encoding == "cp1252" and "“no”" in text and "£5m" in text
