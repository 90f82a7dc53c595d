"""Quotes in other outlets' news: the PolNeAR samples (US election coverage from seven outlets, tests/polnear).

Each behaviour is checked on the real article it was found in (polnear65/66 gold splits and the PolNeAR dev sample).
"""

from pathlib import Path

from conftest import GOLD, REPO, gold_article_path

from pipeline.nlp.parse import parse_article
from pipeline.nlp.quotes import extract_quotes

POLNEAR = REPO / "tests" / "polnear"


def _quotes(nlp, path: Path) -> dict:
    return {q.text: q for q in extract_quotes(nlp(parse_article(path.read_bytes()).text))}


def _speaker(quotes: dict, prefix: str) -> str | None:
    return next(q.speaker.name for text, q in quotes.items() if text.startswith(prefix))


def _article(name: str) -> Path:
    return gold_article_path(name + ".txt")


def test_polnear_copies_are_exact():
    """Every span PolNeAR's annotators marked is found at its offsets in our copy of the text (the gold's samples and
    the train sample, whose texts are kept with their attributions)."""
    texts = {p.stem: p.read_text(encoding="utf-8") for p in [
        *GOLD.glob("polnear*_articles/*.txt"), *POLNEAR.glob("*/text/*.txt")]}
    checked = 0
    for ann in POLNEAR.glob("*/attributions/*.ann"):
        text = texts[ann.stem.rsplit("_", 1)[0]]
        for line in ann.read_text(encoding="utf-8").splitlines():
            if not line.startswith("T"):
                continue
            _, spans, surface = line.split("\t")
            offsets = [tuple(map(int, part.split())) for part in spans.split(" ", 1)[1].split(";")]
            assert " ".join(text[a:b] for a, b in offsets) == surface, (ann.name, line)
            checked += 1
    assert len(texts) == 150 and checked > 15000


def test_two_apostrophes_are_a_double_mark(nlp):
    """News archives export a double mark as two apostrophes: 'Mr. Sloan was ''ready to lead the company into the
    future,'' the bank's critics …' (New York Times, polnear65), and BBC stories type it too (bbc_train_1405)."""
    nyt = _quotes(nlp, _article("nyt_2016-10-14_shake-up-at-wells-fargo-fails-to"))
    assert "ready to lead the company into the future," in nyt
    assert _speaker(nyt, "I remain concerned that incoming") == "Maxine Waters"
    larne = _quotes(nlp, gold_article_path("bbc_train_1405.txt"))
    assert _speaker(larne, "Personally, I would rather see him") == "Jimmy McGeough"


def test_an_embeds_markup_is_no_quote(nlp):
    """'<tweet tweet-id="785842546878578688"><tweet/>.' lines (Western Journalism, polnear66) are page furniture: the
    parser drops them (recorded), and no tweet id comes out as a quote."""
    path = _article("west-journal_2016-10-11_donald-trump-claims-the-shackles")
    parsed = parse_article(path.read_bytes())
    assert "<tweet" not in parsed.text and any(line.startswith("<tweet") for line in parsed.removed_lines)
    assert not any(text.isdigit() for text in _quotes(nlp, path))


def test_us_titles_and_name_suffixes(nlp):
    """'"You've already been Warrened …," Rep. Emanuel Cleaver II (D-Mo.) said' and 'White said: "I'm disappointed
    in your disappointment."' after "SEC Chair Mary Jo White" and "Chair White" (Washington Post, polnear66); the
    party and state are no part of the role."""
    quotes = _quotes(nlp, _article("wash-post_2016-10-15_sen-warren-asks-obama-to-fire-se"))
    cleaver = next(q for text, q in quotes.items() if text.startswith("You've already been Warrened"))
    assert (cleaver.speaker.name, cleaver.speaker.role) == ("Emanuel Cleaver II", "Rep.")  # no "D Mo." in the role
    assert _speaker(quotes, "I'm disappointed in your disappointment") == "Mary Jo White"


def test_the_name_the_story_gives_beats_a_quoted_one(nlp):
    """"Timothy J. Sloan" in the story, "incoming C.E.O. Tim Sloan" in a critic's quote: "Mr. Sloan said" is the
    story's Timothy J. Sloan (New York Times, polnear65)."""
    quotes = _quotes(nlp, _article("nyt_2016-10-14_shake-up-at-wells-fargo-fails-to"))
    assert _speaker(quotes, "We are going to enact the changes") == "Timothy J. Sloan"


def test_papers_campaigns_and_surnames_tagged_as_nouns(nlp):
    """"the influential US daily wrote" is the Washington Post (Breitbart, polnear65); "The Trump campaign sent a
    fundraising email saying …" is the campaign (Washington Post, polnear66); "Trump accused …", with "Trump" tagged
    a noun and elsewhere called a body by the NER, is Donald Trump (Western Journalism, polnear66)."""
    post = _quotes(nlp, _article("breitbart_2016-10-12_washington-post-backs-hillary-cl"))
    assert _speaker(post, "She has executive experience") == "Washington Post"
    jobs = _quotes(nlp, _article("wash-post_2016-10-08_u-s-adds-jobs-unemployment-rate-"))
    assert _speaker(jobs, "killing the American middle class") == "Trump campaign"
    trump = _quotes(nlp, _article("west-journal_2016-10-11_donald-trump-claims-the-shackles"))
    assert _speaker(trump, "very weak and ineffective leader") == "Donald Trump"


def test_a_name_closing_the_phrase_before_said(nlp):
    """'"I will just make this promise to you …," Tulsa police Chief Chuck Jordan said Monday' (HuffPost, PolNeAR
    dev): the chief, not the city."""
    quotes = _quotes(nlp, _article("huff-post_2016-09-20_hillary-clinton-speaks-directly-"))
    assert _speaker(quotes, "I will just make this promise") == "Chuck Jordan"


def test_a_transcript_line_names_its_speaker(nlp):
    """A transcript quoted line by line ("“WALLACE: Let's start with breaking news …”", "“PENCE: Well, look, …”";
    Breitbart, PolNeAR dev): each line is the labelled speaker's, in full where the story gives the name, not the
    previous line's speaker carried on."""
    quotes = _quotes(nlp, _article("breitbart_2016-09-25_pence-gennifer-flowers-won-t-be-"))
    assert _speaker(quotes, "WALLACE: Let") == "Wallace"
    assert _speaker(quotes, "PENCE: Well, look, Hillary Clinton") == "Mike Pence"
    assert _speaker(quotes, "WALLACE: If I may, sir") == "Wallace"


def test_a_programmes_title_is_nobodys_words(nlp):
    """'Pence said on CNN's "State of the Union."', 'On "Face the Nation," …' (Washington Post, PolNeAR dev), and
    Microsoft's "Plays for Sure" program (BBC, bbc_heldout38): a title in quotes is a term nobody said, and is not
    carried on from the quote before; "House Speaker Paul D. Ryan" is Paul D. Ryan ("Speaker" is a title)."""
    quotes = _quotes(nlp, _article("wash-post_2016-09-26_charlotte-struggles-to-return-to"))
    for title in ("Face the Nation,", "State of the Union."):
        assert (quotes[title].kind, quotes[title].speaker.name) == ("term", None)
    assert _speaker(quotes, "It's heartbreaking") == "Paul D. Ryan"
    drm = _quotes(nlp, gold_article_path("bbc_train_0178.txt"))
    assert drm["Plays for Sure"].speaker.name is None


def test_a_company_named_by_its_first_word(nlp):
    """'In a statement, Peabody said: "Patriot Coal was highly successful …"' in a story about Peabody Energy (New York
    Times, PolNeAR dev): the company, not a person called Peabody."""
    quotes = _quotes(nlp, _article("nyt_2016-10-02_a-curious-plan-to-fight-climate-"))
    assert _speaker(quotes, "Patriot Coal was highly successful") == "Peabody Energy"


def test_a_name_after_a_closing_mark_is_no_title(nlp):
    """'“Your reputation is amazing,” Trump assured Jones, after Jones assured Trump …' (Washington Post, PolNeAR
    train sample): the NER took "Trump assured Jones" for a work of art, and the quote went to Alex Jones."""
    quotes = _quotes(nlp, POLNEAR / "train" / "text" / "wash-post_2015-12-12_misinformation-enters-mainstream.txt")
    assert _speaker(quotes, "Your reputation is amazing") == "Donald Trump"
    assert _speaker(quotes, "I will not let you down") == "Donald Trump"


def test_a_verb_in_a_bracketed_aside_reports_no_quote_outside_it(nlp):
    """'The paradox of Nancy, says Carl Anthony, historian at …, is that she was "one of the most powerful first
    ladies …," not for her policy influence (think Eleanor Roosevelt and Hillary Clinton) but …' (USA Today,
    PolNeAR train sample): the quote is Carl Anthony's, not the aside's two first ladies'."""
    quotes = _quotes(nlp, POLNEAR / "train" / "text" / "usa-today_2016-03-07_a-petite-powerhouse-with-an-undy.txt")
    assert _speaker(quotes, "one of the most powerful first ladies") == "Carl Anthony"


def test_a_postposed_subject_with_an_aside_before_its_verb(nlp):
    """'“We’ve had more successful conventions than this one,” Texas delegate Bill Eastland, wearing a cowboy hat and
    “Ted Cruz” campaign pins, said …' (Breitbart, PolNeAR train sample): the name ends the noun phrase before the
    comma, past a quoted term; bbc_heldout63: '"…," shop owner Hayriye Evren, told Associated Press.'"""
    quotes = _quotes(nlp, POLNEAR / "train" / "text" / "breitbart_2016-07-21_trump-fever-infects-convention-f.txt")
    assert _speaker(quotes, "We’ve had more successful conventions") == "Bill Eastland"
    lira = _quotes(nlp, gold_article_path("bbc_val_0165.txt"))
    assert _speaker(lira, "If a person has 10 billion lira") == "Hayriye Evren"


def test_a_postposed_subject_with_a_long_apposition(nlp):
    """'“Very good reporter, very good reporter this guy,” Trump, the 2016 GOP presidential frontrunner nationally and
    current polling leader in South Carolina by a wide margin after winning the New Hampshire primaries, said when
    Boyle asked him a question.' (Breitbart, PolNeAR train sample): Trump's, not the reporter's who asked."""
    quotes = _quotes(nlp, POLNEAR / "train" / "text" / "breitbart_2016-02-16_donald-trump-praises-breitbart-s.txt")
    assert _speaker(quotes, "Very good reporter, very good reporter") == "Donald Trump"


def test_an_object_with_that_and_a_subject_is_the_reported_clause(nlp):
    """'Ohio Gov. John Kasich suspended his presidential campaign …, telling supporters in Columbus, Ohio, that he had
    "renewed faith" …' (USA Today, PolNeAR train sample): the parser made "faith" the object of "telling" (with "that"
    and "he" hung on it); the term is what Kasich told, his."""
    quotes = _quotes(nlp, POLNEAR / "train" / "text" / "usa-today_2016-05-05_spoiler-no-more-kasich-ends-bid.txt")
    assert _speaker(quotes, "renewed faith") == "John Kasich"


def test_a_retort_shot_back_reports_its_subjects_words(nlp):
    """'"Jeb wants to be a tough guy tonight," Trump shot back.' (HuffPost's live blog of a debate, PolNeAR train
    sample): "shot back" reports like "retorted"; the quote is Trump's, not Jeb Bush's, who interjected before."""
    quotes = _quotes(nlp, POLNEAR / "train" / "text" / "huff-post_2016-02-07_the-latest-gop-debate-kicked-off.txt")
    assert _speaker(quotes, "Jeb wants to be a tough guy tonight") == "Donald Trump"
