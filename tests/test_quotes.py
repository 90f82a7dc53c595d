import html
import re
import unicodedata

from conftest import GOLD, gold_article_path, gold_records

from pipeline.nlp.parse import parse_article
from pipeline.nlp.quote_spans import find_quote_spans
from pipeline.nlp.quotes import extract_quotes


def _norm(text: str) -> str:
    return " ".join(text.split()).rstrip(",.;: ")


def test_quote_spans_match_every_gold_span_on_seeds_and_bbc():
    """Every double-quoted span of the gold (5 seeds + 20 BBC articles) is found, and nothing else."""
    for record in gold_records("seeds.jsonl") + gold_records("bbc.jsonl"):
        text = parse_article(gold_article_path(record["doc"]).read_bytes()).text
        found = sorted(_norm(text[s.start:s.end]) for s in find_quote_spans(text))
        assert found == sorted(_norm(q["text"].replace("Â£", "£")) for q in record["quotes"]), record["doc"]


def test_misplaced_straight_quote_does_not_lose_the_article():
    # Seed 002 opens Blinken's quote with a mark glued to the previous word: future." Going forward, …"
    text = parse_article(next(gold_article_path(d["doc"]) for d in gold_records("seeds.jsonl")
                              if d["doc"].startswith("002")).read_bytes()).text
    spans = [text[s.start:s.end] for s in find_quote_spans(text)]
    assert any(s.startswith("Going forward, we’ll continue") for s in spans)


def test_unclosed_quote_runs_to_the_end_of_its_paragraph():
    text = "He said: “We will not stop\n\nAnother paragraph with “a term” here."
    spans = find_quote_spans(text)
    assert [text[s.start:s.end] for s in spans] == ["We will not stop", "a term"]
    assert spans[0].closed is False


def _by_text(doc):
    return {_norm(q.text): q for q in extract_quotes(doc)}


def test_seed_speakers_are_canonical_and_resolved(seed_docs):
    ft = _by_text(seed_docs["001_fd015770f323ab6c"][1])
    assert ft["This is not a new request from President Zelensky"].speaker.name == "John Kirby"  # "he said"
    assert ft["There must be no restrictions on the range of weapons for Ukraine"].speaker.name == "Volodymyr Zelensky"
    irish = _by_text(seed_docs["000_6d30cde84e94083e"][1])
    zakharova = irish["This process has nothing to do with a settlement. It is yet another show of fraud by the "
                      "Anglo-Saxons and their Ukrainian puppets"]
    assert zakharova.speaker.name == "Maria Zakharova" and zakharova.cue == "add"
    assert irish["escalation"].kind == "term"
    rt = _by_text(seed_docs["003_e69eb9d007a3607d"][1])
    miller = rt["ridiculous"]
    assert miller.speaker.name == "Matthew Miller" and "spokesman" in (miller.speaker.role or "")


def test_evaluation_script_scores_spans_and_speakers_on_gold(evaluation):
    """The evaluation script itself, newsfacts only: a regression floor under the issue's targets."""
    from conftest import REPO

    evaluate = evaluation
    articles = evaluate.load_gold(REPO / "tests" / "gold")
    nlp = evaluate.get_nlp()
    docs = {a.doc_name: nlp(a.text) for a in articles}
    scores = evaluate.score_quotes(articles, docs, {"newsfacts": evaluate.newsfacts_quotes})
    for split in ("seeds", "bbc"):
        assert scores[("newsfacts", split)]["f1"] >= 0.95
        assert scores[("newsfacts", split)]["speaker_acc_all_gold"] >= 0.88
    figures = evaluate.score_figures(articles, docs, {"newsfacts": evaluate.newsfacts_figures})
    for split in ("seeds", "bbc"):
        assert figures[("newsfacts", split)]["value+unit_f1"] >= 0.9


def test_split_and_continued_quotes_keep_their_speaker(seed_docs):
    ft = _by_text(seed_docs["001_fd015770f323ab6c"][1])
    # split around "he said": both halves are Kirby's
    assert ft["We will continue the talks with the Ukrainians, but we will keep them confidential"].speaker.name == "John Kirby"
    # paragraphs that only continue the previous paragraph's quote
    assert ft["The US, the UK, France and other partners have the power to help us stop terrorism. We need decisions"] \
        .speaker.name == "Volodymyr Zelensky"


def test_partial_quotes_terms_and_writer_labels(seed_docs):
    rt = _by_text(seed_docs["003_e69eb9d007a3607d"][1])
    assert rt["close to aggression"].speaker.name == "Vladimir Putin" and rt["close to aggression"].kind == "term"
    assert rt["cordon sanitaire"].speaker.type == "unknown"  # "a so-called …": the writer's label
    irish = _by_text(seed_docs["000_6d30cde84e94083e"][1])
    assert irish["escalation"].speaker.name == "White House" and irish["escalation"].speaker.type == "organization"


def test_bbc_straight_quotes_surnames_and_anonymous_sources(nlp):
    stam = _by_text(nlp(parse_article(gold_article_path("bbc_val_0036.txt").read_bytes()).text))
    assert {q.speaker.name for q in stam.values() if q.kind == "quote"} == {"Jaap Stam"}
    mps = _by_text(nlp(parse_article(gold_article_path("bbc_val_0012.txt").read_bytes()).text))
    betty = mps["Betty"]
    assert betty.speaker.type == "anonymous" and betty.speaker.name == "one of her male colleagues"
    relayed = next(q for t, q in mps.items() if t.startswith("Oh, you've had a very fast rise"))
    assert relayed.speaker.type == "anonymous"  # "Another current member of the Cabinet says she was told: …"


def test_every_gold_quote_is_in_its_article():
    """The gold files are consistent: each annotated quote occurs verbatim in its article, and nothing is lost."""
    for gold_file in sorted(p.name for p in GOLD.glob("*.jsonl")):
        for record in gold_records(gold_file):
            text = gold_article_path(record["doc"]).read_text(encoding="utf-8")
            for quote in record["quotes"]:
                assert quote["text"] in text, (gold_file, record["doc"], quote["text"])
                assert quote["speaker_type"] in ("person", "organization", "anonymous", "unknown")


def _speakers(nlp, doc_name: str) -> dict:
    return _by_text(nlp(parse_article(gold_article_path(doc_name).read_bytes()).text))


def test_attribution_beyond_the_reporting_verb(nlp):
    """Patterns found on BBC development articles (tests/gold/bbc_dev3, bbc_heldout3), checked on those texts."""
    # '“…,” Andrew Pendleton, Christian Aid's head of Trade Policy, said.': the parser hangs the name on the quote.
    aid = _speakers(nlp, "bbc_val_0203.txt")
    assert aid[next(t for t in aid if t.startswith("The losers"))].speaker.name == "Andrew Pendleton"
    # "Ljubicic was at a loss to explain his poor showing. “I didn't start badly …,” he said": not Federer.
    tennis = _speakers(nlp, "bbc_val_0204.txt")
    assert tennis[next(t for t in tennis if t.startswith("I didn't start badly"))].speaker.name == "Ivan Ljubicic"
    assert tennis[next(t for t in tennis if t.startswith("I really wanted"))].speaker.name == "Roger Federer"
    # "Nair told …" where the NER calls Nair a work of art: the document's Mira Nair.
    nair = _speakers(nlp, "bbc_val_0219.txt")
    assert nair[next(t for t in nair if t.startswith("It was serendipity"))].speaker.name == "Mira Nair"
    # "He is prepared to go this far: “…”": a colon after a clause introduces its subject's words.
    kennedy = _speakers(nlp, "bbc_train_1206.txt")
    assert kennedy[next(t for t in kennedy if t.startswith("A clear conclusion"))].speaker.name == "Charles Kennedy"
    # "Labour" tagged PERSON by the NER is not who "he" refers to.
    message = _speakers(nlp, "bbc_train_1204.txt")
    assert message["very heartening"].speaker.name == "Charles Kennedy"


def test_inverted_quoted_as_saying_peers_and_descriptions(nlp):
    """More patterns from BBC development articles (bbc_heldout4, bbc_heldout5), on those texts."""
    # '“…,” said England sevens coach Mike Friday.' where the parser makes "sevens" a verb
    sevens = _speakers(nlp, "bbc_train_1320.txt")
    assert sevens[next(t for t in sevens if t.startswith("England have the ability"))].speaker.name == "Mike Friday"
    # "Interfax quoted Mr Khodorkovsky as saying …": the one quoted, not the outlet
    yukos = _speakers(nlp, "bbc_train_1315.txt")
    assert yukos[next(t for t in yukos if t.startswith("Yuganskneftegas"))].speaker.name == "Mikhail Khodorkovsky"
    # a peer named only by title keeps it
    lords = _speakers(nlp, "bbc_train_1316.txt")
    assert "Lord Bingham" in {q.speaker.name for q in lords.values()}
    # "The Tory leader went on: …" is the man introduced as "Tory leader Michael Howard", not the last name read
    howard = _speakers(nlp, "bbc_train_1332.txt")
    assert howard[next(t for t in howard if t.startswith("He doesn't stop there"))].speaker.name == "Michael Howard"


def _speaker_of(quotes: dict, prefix: str) -> str | None:
    return quotes[next(t for t in quotes if t.startswith(prefix))].speaker.name


def test_unnamed_sources_passive_agents_and_shared_surnames(nlp):
    """Patterns from BBC development articles (bbc_heldout11 to bbc_heldout14), checked on those texts."""
    # "A spokesman said the company's decision … But he added: “…”": the unnamed spokesman, not the last name read
    cairn = _speakers(nlp, "bbc_train_0418.txt")
    assert _speaker_of(cairn, "It's still too early").lower() == "a spokesman"
    # "The report was welcomed by … David Willetts. “…,” he said": a passive main verb's agent is its subject
    pensions = _speakers(nlp, "bbc_val_0237.txt")
    assert _speaker_of(pensions, "The pensioners' voice") == "David Willetts"
    # '“…,” said the American.' is Andre Agassi, not the United States
    tennis = _speakers(nlp, "bbc_val_0234.txt")
    assert _speaker_of(tennis, "A lot more guys") == "Andre Agassi"
    # "Le Bon also said" after "Simon Le Bon": a surname with a particle, a person
    duran = _speakers(nlp, "bbc_val_0250.txt")
    assert _speaker_of(duran, "We're like any people") == "Simon Le Bon"
    # "Mr Blair" in a story naming Tony Blair twice and Cherie Blair once
    blair = _speakers(nlp, "bbc_train_0604.txt")
    assert _speaker_of(blair, "literally scores of times") == "Tony Blair"
    # "But he said Mr Blair had lost the trust …. “…”": the pronoun heading the sentence, Charles Kennedy
    kennedy = _speakers(nlp, "bbc_train_0603.txt")
    assert _speaker_of(kennedy, "There is a fundamental lack") == "Charles Kennedy"


def _quote(quotes: dict, prefix: str):
    return quotes[next(t for t in quotes if t.startswith(prefix))]


def test_passive_reporters_documents_agents_and_inserted_clauses(nlp):
    """Patterns from BBC development articles (bbc_heldout2, bbc_heldout6, bbc_heldout16), checked on those texts."""
    ukip = _speakers(nlp, "bbc_train_1025.txt")
    # "Mr Houston is alleged to have said that …", "Mr Houston was quoted in the Herald saying: “…”"
    assert _speaker_of(ukip, "made available to law-abiding") == "John Houston"
    assert _speaker_of(ukip, "I feel UKIP have over-reacted") == "John Houston"
    eminem = _speakers(nlp, "bbc_train_1029.txt")
    # '“…,” a BBC statement read.' (the tagger calls 'read' a noun) and its continuation
    assert _speaker_of(eminem, "The performer had been asked") == "BBC"
    assert _speaker_of(eminem, "Although his gestures") == "BBC"
    # "led 12 viewers to complain he was “lewd”": the ones led complain, an unnamed group
    lewd = _quote(eminem, "lewd")
    assert lewd.speaker.type == "anonymous" and "viewers" in lewd.speaker.name
    # '“…,” said one London-based broker.': an unnamed person by trade
    broker = _quote(_speakers(nlp, "bbc_train_1030.txt"), "Obviously we'll have to wait")
    assert broker.speaker.type == "anonymous" and broker.speaker.name.endswith("broker")
    # "A spokesman for distributor Toho said …. “…,” he added": he is the spokesman, not a film title
    toho = _quote(_speakers(nlp, "bbc_train_1041.txt"), "We have a good feeling")
    assert toho.speaker.type == "anonymous" and "spokesman" in toho.speaker.name.lower()
    # an unclosed quote ends before the sentence that introduces the next one: "… Simon Gardner said: “…”"
    games = _speakers(nlp, "bbc_train_1016.txt")
    assert not any("Simon Gardner" in text for text in games)
    assert _speaker_of(games, "We are investing in superior tools") == "Simon Gardner"
    # "This, Ms Diemont warns, is “scary”": a term takes an inserted reporting clause's subject
    assert _speaker_of(_speakers(nlp, "bbc_train_1411.txt"), "scary") == "Cara Diemont"
    # "Trevor Phillips … praised Lord Scarman's “ability to listen”": a judgement quotes the judge
    assert _speaker_of(_speakers(nlp, "bbc_train_1409.txt"), "ability to listen") == "Trevor Phillips"


def test_a_document_from_a_body_a_misparsed_unnamed_source_and_a_company_named_with_s(nlp):
    """Patterns from the heldout18 articles, checked on those texts."""
    # "The letter, from the Home Office, says: “…”": the document's author
    assert _speaker_of(_speakers(nlp, "bbc_train_1106.txt"), "I am writing to inform you") == "Home Office"
    # "A Top of the Pops spokesperson said": the parser makes "Top" the head; the source is unnamed, not "Top"
    chart = _quote(_speakers(nlp, "bbc_train_1128.txt"), "It's a very special number one")
    assert chart.speaker.type == "anonymous" and "spokesperson" in chart.speaker.name
    # "McDonald's announced it was to scrap its “supersized” meals": the 's is part of the company's name
    assert _speaker_of(_speakers(nlp, "bbc_train_1112.txt"), "supersized") == "McDonald's"
    libdems = _speakers(nlp, "bbc_train_1131.txt")
    # "Speaking in Harrogate Mr Kennedy said: “…”": the parser made the name the object of "in"
    assert _speaker_of(libdems, "People want a credible") == "Charles Kennedy"
    # '“…,” Lord Rennard told reporters': a peer known only by title keeps it, whatever heads the parse
    assert _speaker_of(libdems, "Nobody had any idea") == "Lord Rennard"


def test_a_quote_after_a_sentence_about_someone_that_quotes_only_a_term(nlp):
    """A sentence that quotes a term or two still tells whom the next, unattributed quote is by
    (bbc_heldout, bbc_heldout3)."""
    # "Mr Wong … he thinks that having a “colour memory” makes the software more useful …. “As the notes …”"
    assert _speaker_of(_speakers(nlp, "bbc_train_0501.txt"), "As the notes increase") == "Victor Wong"
    # "His main concern is “privacy”. “We are looking at electronics …”": the sentence is about Mr Pearson
    assert _speaker_of(_speakers(nlp, "bbc_train_1207.txt"), "We are looking at electronics") == "Ian Pearson"
    # '“It is totally going to kill the business model of radio,” thinks Curry.' (bbc_heldout6)
    assert _speaker_of(_speakers(nlp, "bbc_train_1412.txt"), "It is totally going to kill") == "Adam Curry"


def test_a_term_deep_in_what_a_source_says_is_theirs_but_not_others_words_inside_it(nlp, seed_docs):
    """Quoted terms several clauses below the reporting verb (bbc_heldout3, bbc_heldout9, bbc_heldout18, seeds)."""
    # "the Liberal Democrat leader said Labour and the Conservatives were united in relying on fear and “populist
    # scares”": six dependency links below "said", still his words
    assert _speaker_of(_speakers(nlp, "bbc_train_1204.txt"), "populist scares") == "Charles Kennedy"
    # ... but not the words of others he reports: "between the cries of “impossible to regulate” and …"
    assert _speaker_of(_speakers(nlp, "bbc_train_1111.txt"), "impossible to regulate") is None
    # "Asked if he was appointed as the result of a “fair and open” competition, he replied": the asker's words
    assert _speaker_of(_speakers(nlp, "bbc_train_0017.txt"), "fair and open") is None
    # "talks on a 10-point “peace formula” proposed by Kyiv": Kyiv's name for it, not Zakharova's words
    irish = _by_text(seed_docs["000_6d30cde84e94083e"][1])
    assert irish["peace formula"].speaker.name is None


def test_a_lone_name_the_ner_calls_a_person_is_the_firm_it_starts(nlp):
    """'Highfield said' in a story about Highfields Capital Management (bbc_heldout5); 'Marsh' in one about
    Marsh & McLennan (bbc_heldout10): no person in the story goes by the name."""
    highfields = _quote(_speakers(nlp, "bbc_train_1314.txt"), "Such a transformation would eliminate")
    assert (highfields.speaker.name, highfields.speaker.type) == ("Highfields Capital Management", "organization")
    assert _speaker_of(_speakers(nlp, "bbc_train_0218.txt"), "neither admits nor denies") == "Marsh & McLennan"


def test_a_name_the_ner_ran_past_a_dash_with_is_cut_there(nlp):
    """'Fatboy DJ Norman Cook - aka Fatboy Slim - has said … "fallow patch"' (bbc_heldout17): the entity was
    'Fatboy DJ Norman Cook - aka', and the speaker came out as '- aka'."""
    assert _speaker_of(_speakers(nlp, "bbc_train_1096.txt"), "fallow patch") == "Norman Cook"


def test_a_full_name_the_ner_mislabels_or_splits_at_a_hyphen_is_still_the_speakers_name(nlp):
    """Headlines run into the body in the BBC corpus. 'Desailly backs Blues revenge trip Marcel Desailly insists'
    (bbc_heldout17): the NER calls 'Marcel Desailly' a product. 'Lewis-Francis turns to Christie Mark
    Lewis-Francis has' (bbc_heldout19): an organisation, and the hyphen splits the surname in three tokens."""
    desailly = _speakers(nlp, "bbc_train_1062.txt")
    assert _speaker_of(desailly, "Mentally they are much stronger") == "Marcel Desailly"
    assert _speaker_of(desailly, "Things will be totally different") == "Marcel Desailly"  # "he told BBC Sport"
    assert _speaker_of(_speakers(nlp, "bbc_train_1134.txt"), "Training in Wales") == "Mark Lewis-Francis"


def test_a_nickname_inside_a_name_and_two_titles_of_one_person(nlp):
    """bbc_heldout20: 'Jimmy "the Whirlwind " White … Mr White said' is Jimmy White, and the nickname is nobody's
    words; 'said BIFA founder and director Elliot Grove' parses as two co-ordinated subjects, one person."""
    snooker = _speakers(nlp, "bbc_train_1268.txt")
    assert _speaker_of(snooker, "We loved the game") == "Jimmy White"
    assert _quote(snooker, "the Whirlwind").speaker.type == "unknown"
    assert _speaker_of(_speakers(nlp, "bbc_train_1242.txt"), "This year's nominees") == "Elliot Grove"


def test_a_sentence_borrowing_a_quoted_phrase_still_leads_into_its_subjects_quote(nlp):
    """bbc_heldout20: 'But he brushed off Labour suggestions a vote for his party would mean letting the Tories in
    "by the back door". "If you look at …"': the four quoted words do not make the sentence a quote of its own,
    so the quote after it is his (Charles Kennedy's)."""
    kennedy = _speakers(nlp, "bbc_train_1277.txt")
    assert _speaker_of(kennedy, "If you look at the four previous") == "Charles Kennedy"


def test_a_description_after_a_sentence_about_him_is_him(nlp):
    """bbc_heldout17: 'Man-of-the-match Duff explained … He opted to … "I would have headed that …," said the
    Chelsea star.': the star is the "he" of the sentence before."""
    duff = _speakers(nlp, "bbc_train_1065.txt")
    assert _speaker_of(duff, "I would have headed that every time") == "Damien Duff"
    # bbc_heldout15: 'Jamie Costin should be paralysed. He says so himself … There is an ironic chuckle as he talks
    # … "…," says the Waterford man': nobody closer, so the person the story last named as a subject
    costin = _speakers(nlp, "bbc_train_0924.txt")
    assert _speaker_of(costin, "I was in a lot of pain") == "Jamie Costin"


def test_an_outlet_reporting_someone_as_saying_is_not_the_speaker(nlp):
    """'"…," Reuters news agency reports a union source as saying' (bbc_heldout12)."""
    source = _quote(_speakers(nlp, "bbc_val_0225.txt"), "The works council has expressed concerns")
    assert source.speaker.type == "anonymous" and "union source" in source.speaker.name


def test_the_scorer_counts_a_right_unknown_however_the_gold_writes_it(evaluation):
    """Older gold sets write a quote with no recoverable speaker as "unknown", newer ones as null."""
    for written in ("unknown", None):
        gold = {"speaker": written, "speaker_type": "unknown"}
        assert evaluation.speaker_right("newsfacts", gold, None, "unknown")
        assert evaluation.speaker_right("textacy", gold, None, "peer")
        assert not evaluation.speaker_right("newsfacts", gold, "Boris Johnson", "person")
    named = {"speaker": "Boris Johnson", "speaker_type": "person"}
    assert evaluation.speaker_right("newsfacts", named, "Boris Johnson", "person")
    assert not evaluation.speaker_right("newsfacts", named, None, "unknown")


def test_the_scorer_reads_a_gold_name_through_the_gazetteers_exact_aliases(evaluation):
    """bbc_heldout47 writes "George W Bush" as the article does; newsfacts gives the gazetteer's canonical "George
    W. Bush": one speaker. Only an exact alias counts, and `--strict-names` compares the gold string alone."""
    bush = {"speaker": "George W Bush", "speaker_type": "person"}
    assert evaluation.speaker_right("newsfacts", bush, "George W. Bush", "person")
    assert not evaluation.speaker_right("newsfacts", bush, "George W. Bush", "person", strict_names=True)
    assert not evaluation.speaker_right("newsfacts", {"speaker": "Gordon Brow", "speaker_type": "person"},
                                        "Gordon Brown", "person")  # no fuzzy match
    assert not evaluation.speaker_right("newsfacts", bush, "Tony Blair", "person")


def test_a_term_in_a_relative_clause_inside_what_is_reported_but_not_one_describing_the_speaker(nlp):
    """bbc_heldout17: 'But he pledged that Africa - which sees a "preventable" tsunami-size death toll every month
    … - would not be neglected': the relative clause is part of what Tony Blair pledged. bbc_heldout13: 'But Mr
    Herron - who gained fame as one of Sunderland's "metric martyrs" … - said …': that clause describes the
    speaker, and the term is not his."""
    blair = _speakers(nlp, "bbc_train_1077.txt")
    assert _speaker_of(blair, "preventable") == "Tony Blair"
    herron = _speakers(nlp, "bbc_train_1525.txt")
    assert _quote(herron, "metric martyrs").speaker.type == "unknown"


def test_a_term_in_a_clause_with_its_own_subject_inside_the_reported_words(nlp):
    """bbc_heldout12: 'Charity boss Gordon Lishman said if a "decisive blow" was struck at the election it would be
    by older voters': the if-clause lies inside what he said. So does 'unless the industry accepted "new
    realties"' in 'Renner warned that unless …, its decline could become irreversible'."""
    assert _speaker_of(_speakers(nlp, "bbc_val_0237.txt"), "decisive blow") == "Gordon Lishman"
    assert _speaker_of(_speakers(nlp, "bbc_val_0252.txt"), "new realties") == "Tim Renner"


def test_a_participle_speaks_for_the_person_it_describes_or_else_for_whoever_reports_it(nlp):
    """bbc_heldout16: 'It quoted a spokesman for US-based hedge fund Atticus Capital complaining that the planned
    takeover appeared to be motivated by "empire-building"': the spokesman's word, not the paper's. bbc_heldout9:
    'Dr Bjorn said groups dubbed "pioneers" and "materialists" were …': "dubbed" names no one, so the words are
    those of the one who said it."""
    atticus = _quote(_speakers(nlp, "bbc_train_1030.txt"), "empire-building")
    assert atticus.speaker.type == "anonymous" and "spokesman" in atticus.speaker.name
    bjorn = _speakers(nlp, "bbc_train_0011.txt")
    assert _speaker_of(bjorn, "pioneers") == _speaker_of(bjorn, "materialists") == "Michael Bjorn"


def test_an_organisation_named_whole_where_the_ner_cut_it_or_a_headline_doubled_it(nlp):
    """bbc_heldout17: the NER tags "The Muslim Council of" and "Britain" apart. bbc_heldout19: 'Strong quarterly
    growth for Nike Nike has reported …': the headline ends with the name the body starts with; later "Nike,
    whose products …, said "…"' is Nike, not a person called "Nike Nike"."""
    council = _quote(_speakers(nlp, "bbc_train_1063.txt"), "highly irresponsible")
    assert council.speaker.name == "Muslim Council of Britain" and council.speaker.type == "organization"
    nike = _quote(_speakers(nlp, "bbc_train_1148.txt"), "demand continues to grow")
    assert nike.speaker.name == "Nike" and nike.speaker.type == "organization"


def test_a_body_named_with_the_and_a_she_known_by_her_title(nlp):
    """bbc_heldout18: 'But the Scottish Executive has insisted … his comments were "a recognition that …"': an
    organisation the NER left untagged, not an unnamed person (so a later "he" cannot be it). bbc_heldout19:
    "Ms Hughes" makes Beverly Hughes a she, so 'he told refugees … to "get back home"' is David Blunkett."""
    executive = _quote(_speakers(nlp, "bbc_train_1107.txt"), "a recognition that people will get drunk")
    assert (executive.speaker.name, executive.speaker.type) == ("Scottish Executive", "organization")
    assert _speaker_of(_speakers(nlp, "bbc_train_1184.txt"), "get back home") == "David Blunkett"


def test_the_report_speaks_for_whoever_wrote_the_report_named_before(nlp):
    """bbc_heldout2: '… predicts the report by telecoms giant BT. … The idea that the digital divide will evaporate
    with time is "wishful thinking", the report concludes': BT's words."""
    report = _quote(_speakers(nlp, "bbc_train_1013.txt"), "wishful thinking")
    assert (report.speaker.name, report.speaker.type) == ("BT", "organization")


def test_a_description_is_not_someone_named_in_its_own_sentence(nlp):
    """bbc_heldout19: 'World number one Lindsay Davenport has criticised Wimbledon … Reacting to a disputed comment
    by All England Club chairman Tim Phillips, the American said: "…"': the American is Davenport, not Phillips."""
    assert _speaker_of(_speakers(nlp, "bbc_train_1136.txt"), "I think it is highly insulting") == "Lindsay Davenport"


def test_a_term_deep_in_a_long_pledge_is_the_pledgers(nlp):
    """bbc_heldout13: 'He pledged cleaner hospitals and better school discipline, with a promise to get rid of
    "political correctness" … and give everyone to the same chance of a "decent" state education as he had.'"""
    assert _speaker_of(_speakers(nlp, "bbc_train_1514.txt"), "decent") == "Michael Howard"


def test_agreeing_inside_someone_elses_report_is_part_of_the_report(nlp):
    """bbc_heldout17: 'Foreign Secretary Jack Straw told the Commons that the US had agreed to release the four after
    "intensive and complex discussions" over security': Straw's words about the US agreeing, not the US's."""
    assert _speaker_of(_speakers(nlp, "bbc_train_1069.txt"), "intensive and complex discussions") == "Jack Straw"


def test_minutes_speak_for_the_bank_named_in_full_before(nlp):
    """bbc_heldout9: 'The Bank's minutes said that risks … were "sufficiently to the downside"': minutes are a
    document of the Bank, which the story named in full as the Bank of England."""
    bank = _quote(_speakers(nlp, "bbc_train_0002.txt"), "sufficiently to the downside")
    assert (bank.speaker.name, bank.speaker.type) == ("Bank of England", "organization")


def test_words_inside_a_claim_are_the_claimants_when_the_story_names_them(nlp):
    """bbc_heldout7: 'The prime minister shrugged off claims from Conservative leader Michael Howard that he led a
    "grubby government"'; bbc_heldout13: '… a claim by Peter Hain that the Tory leader is acting like an "attack
    mongrel" …'. A claim nobody is named for stays nobody's (the seeds' tests cover that)."""
    assert _speaker_of(_speakers(nlp, "bbc_val_0111.txt"), "grubby government") == "Michael Howard"
    assert _speaker_of(_speakers(nlp, "bbc_train_1514.txt"), "attack mongrel") == "Peter Hain"


def test_a_term_in_a_sentence_a_closing_clause_reports_but_not_a_word_inside_someones_comment(nlp):
    """bbc_dev3: 'You can now buy "trusted computers", but can we really trust the PC vendors, asks technology
    analyst Bill Thompson.' bbc_heldout17: '… not apologise for his "Nazi" comment to a Jewish reporter, Tory MP
    Boris Johnson has insisted': the comment's word is not Johnson's."""
    assert _speaker_of(_speakers(nlp, "bbc_val_0222.txt"), "trusted computers") == "Bill Thompson"
    assert _quote(_speakers(nlp, "bbc_train_1061.txt"), "Nazi").speaker.type == "unknown"


def test_he_after_a_quote_of_several_sentences_is_the_one_the_sentence_before_the_quote_names(nlp):
    """bbc_heldout17: '… but Stuart is confident that the Carrow Road outfit have a bright future. "I've been very
    impressed with the facilities here. It's obviously a very well run football club …," he added.' He is Graham
    Stuart, not Nigel Worthington, whose quote came before that sentence."""
    assert _speaker_of(_speakers(nlp, "bbc_train_1067.txt"), "I've been very impressed") == "Graham Stuart"


def test_a_jury_speaks_for_its_body_not_for_the_person_it_honours(nlp):
    """bbc_heldout20: '"…," the AFI jury declared' in a story about Marlon Brando: the American Film Institute."""
    jury = _quote(_speakers(nlp, "bbc_train_1247.txt"), "Unsure of how the FCC will rule")
    assert (jury.speaker.name, jury.speaker.type) == ("American Film Institute", "organization")


def test_a_spokesperson_of_a_body_the_ner_calls_a_person_stays_unnamed(nlp):
    """bbc_heldout19: 'An All England club spokesperson denied Phillips made the remark, insisting: "He definitely
    didn't say it."' The NER calls "All England" a person; the speaker is an unnamed spokesperson."""
    source = _quote(_speakers(nlp, "bbc_train_1136.txt"), "He definitely didn't say it")
    assert source.speaker.type == "anonymous" and "spokesperson" in source.speaker.name


def test_a_term_in_what_someone_attacks_or_thanks_is_their_word_but_not_in_what_they_dismiss(nlp, seed_docs):
    """bbc_heldout22: 'Mr Cable also attacked Labour's "unfair" and over-complicated taxes'; 'US actor Will Smith
    … thanked his family and his "hero", Nelson Mandela'. A term that is a thing's name stays nobody's: in seed 000
    Moscow dismissed a second "peace summit"."""
    assert _speaker_of(_speakers(nlp, "bbc_train_1348.txt"), "unfair") == "Vince Cable"
    assert _speaker_of(_speakers(nlp, "bbc_train_1360.txt"), "hero") == "Will Smith"
    dismissed = next(q for q in extract_quotes(seed_docs["000_6d30cde84e94083e"][1]) if q.text == "peace summit")
    assert dismissed.speaker.type == "unknown"


def test_a_term_in_a_view_someone_airs_is_their_word(nlp):
    """bbc_heldout53: 'The Conservatives have expressed "serious misgivings" about government plans'; bbc_heldout63:
    'the Tories outlined their plans to tackle "yob culture"'; bbc_heldout49: 'it was Mr Milburn who took centre
    stage, speaking of the "positive campaign" the party hoped to stage' (a participle's doer is its clause's)."""
    assert _speaker_of(_speakers(nlp, "bbc_val_0026.txt"), "serious misgivings") == "Conservatives"
    assert _speaker_of(_speakers(nlp, "bbc_train_0546.txt"), "yob culture") == "Tories"
    assert _speaker_of(_speakers(nlp, "bbc_train_0585.txt"), "positive campaign") == "Alan Milburn"


def test_a_term_in_what_someone_slated_is_theirs_whatever_the_lemma(nlp):
    """bbc_heldout38: 'Victoria Wood slated comedian Sacha Baron Cohen for his character Ali G's "horrible" brand of
    "victim" humour': the tagger lemmatises "slated" as "slat", which the stance verbs must know too."""
    quotes = _speakers(nlp, "bbc_train_0841.txt")
    assert _speaker_of(quotes, "horrible") == "Victoria Wood"
    assert _speaker_of(quotes, "victim") == "Victoria Wood"


def test_an_inverted_subject_that_opens_with_a_body_is_the_person_it_ends_in(nlp):
    """bbc_heldout22: '"The US is not convinced that's the necessary way to do it," said Treasury Under Secretary
    John Taylor.' The parse takes "Treasury" for the subject and "Under" for a preposition."""
    taylor = _quote(_speakers(nlp, "bbc_train_1366.txt"), "The US is not convinced")
    assert (taylor.speaker.name, taylor.speaker.type) == ("John Taylor", "person")


def test_a_descriptor_the_ner_takes_into_a_name_is_not_part_of_it(nlp):
    """bbc_heldout17: '… Robbie Keane took …  "…," said Keane. … Matchwinner Keane was …'; bbc_heldout20: 'Novelist
    Arthur Hailey, who …'. A sentence-opening descriptor is not a first name."""
    assert _speaker_of(_speakers(nlp, "bbc_train_1065.txt"), "It was great play from Damien") == "Robbie Keane"
    assert _speaker_of(_speakers(nlp, "bbc_train_1238.txt"), "I fell to daydreaming") == "Arthur Hailey"


def test_a_performer_speaks_under_the_stage_name_the_story_gives_first(nlp):
    """bbc_heldout22: 'The Game, whose real name is Jayceon Taylor, told a news conference: "I want to apologise …"'
    and 'Chart-topper 50 Cent, real name Curtis Jackson, said … "We're here today …"'."""
    quotes = _speakers(nlp, "bbc_train_1353.txt")
    assert _speaker_of(quotes, "I want to apologise") == "The Game"
    assert _speaker_of(quotes, "We're here today") == "50 Cent"


def test_a_spokeswoman_of_a_body_the_parse_makes_the_head_is_unnamed(nlp):
    """bbc_heldout21: 'A Department for Work and Pensions spokeswoman said of Mr Smith's honour: "The award …"'.
    The parser heads the subject with "Department"; the source is the unnamed spokeswoman, not the department."""
    source = _quote(_speakers(nlp, "bbc_train_1286.txt"), "The award reflects all")
    assert source.speaker.type == "anonymous" and "spokeswoman" in source.speaker.name


def test_a_company_the_ner_calls_a_person_is_not_who_the_director_is(nlp):
    """bbc_heldout19: '… with Ridley Scott set to direct. … for Scott's company Scott Free to develop. The director
    said he was "thrilled" with the project. "Wolf Brother is an enchanting book," he said.'"""
    quotes = _speakers(nlp, "bbc_train_1135.txt")
    assert _speaker_of(quotes, "thrilled") == _speaker_of(quotes, "Wolf Brother is an enchanting book") == "Ridley Scott"


def test_words_after_a_misplaced_closing_mark_are_still_narrative_for_attribution(nlp):
    """bbc_heldout14: '… little in the latest plans to reassure them," said Mr Davis. Earlier Lib Dem home affairs
    spokesman Mark Oaten said the government was right …. "But these measures will only work …"'. The stray mark
    after "them," opens a quote (nothing is lost), but its reporting verbs still speak."""
    quotes = _speakers(nlp, "bbc_train_0608.txt")
    assert _speaker_of(quotes, "buried") == "David Davis"
    assert _speaker_of(quotes, "But these measures will only work") == "Mark Oaten"


def test_a_surname_the_tagger_takes_for_a_noun_still_names_the_one_a_description_refers_to(nlp):
    """bbc_heldout21: 'Irons, whose film Being Julia is in competition …, said he had wondered whether he should
    attend …. "I questioned whether I should come …," the British actor said.' (the tagger makes "Irons" a noun)"""
    quotes = _speakers(nlp, "bbc_train_1340.txt")
    assert _speaker_of(quotes, "I questioned whether I should come") == "Jeremy Irons"
    assert _speaker_of(quotes, "Now I've come here I'm very glad") == "Jeremy Irons"


def test_a_story_that_opens_with_a_description_names_the_person_later(nlp):
    """bbc_heldout4: 'The "best person for the job" should be appointed lord chancellor …, the courts minister has
    said. … said courts minister Christopher Leslie.'"""
    assert _speaker_of(_speakers(nlp, "bbc_val_0290.txt"), "best person for the job") == "Christopher Leslie"


def test_mps_are_an_unnamed_group_not_a_person(nlp):
    """bbc_heldout7: 'The new law … is "so poorly drafted" no-one can define the offence, pro-hunt MPs say.' The
    tagger makes "MPs" a proper noun."""
    mps = _quote(_speakers(nlp, "bbc_val_0122.txt"), "so poorly drafted")
    assert mps.speaker.type == "anonymous" and "MPs" in mps.speaker.name


def test_he_after_a_quote_of_several_sentences_can_be_the_unnamed_source_before_it(nlp):
    """bbc_heldout8: '… Mr Mennear added. A Labour spokesman denied the campaign was anti-Semitic. "As we said at
    the time …. This poster is making a serious point," he said.' He is the spokesman, not Mr Mennear."""
    source = _quote(_speakers(nlp, "bbc_val_0061.txt"), "As we said at the time")
    assert source.speaker.type == "anonymous" and "spokesman" in source.speaker.name


def test_the_spokesman_after_a_quote_is_the_spokesman_who_reported_before_it(nlp):
    """bbc_heldout18: 'A UKIP spokesman said Mr Betts-Green's resignation followed disclosures …. "He did once
    attend a BNP meeting. …," the spokesman added.' Not Mr Betts-Green, named next to "spokesman"."""
    source = _quote(_speakers(nlp, "bbc_train_1124.txt"), "He did once attend a BNP meeting")
    assert source.speaker.type == "anonymous" and "spokesman" in source.speaker.name


def test_an_unnamed_source_in_a_storys_opening_is_the_person_introduced_next(nlp):
    """bbc_heldout12: 'The German music business … is "in the state of a zombie" because …, a leading industry
    figure has said. Tim Renner, the head of Universal Music Germany until last year, said …'"""
    assert _speaker_of(_speakers(nlp, "bbc_val_0252.txt"), "in the state of a zombie") == "Tim Renner"


def test_a_country_is_neither_a_spelling_of_a_surname_nor_the_end_of_a_persons_name(nlp):
    """bbc_heldout12 names "Universal Music Germany" (the NER calls it a person): "German" and "Germany" elsewhere
    in the story are not that person."""
    from pipeline.nlp.quote_spans import quoted_bounds
    from pipeline.nlp.speakers import SpeakerResolver

    doc = nlp(parse_article(gold_article_path("bbc_val_0252.txt").read_bytes()).text)
    resolver = SpeakerResolver(doc, quoted_bounds(find_quote_spans(doc.text)))
    places = [t for t in doc if t.text in ("German", "Germany")]
    assert len(places) >= 3
    assert all((s := resolver.speaker_for(t)) is None or s.type != "person" for t in places)


def test_he_follows_a_chain_of_he_and_his_back_to_the_name(nlp):
    """bbc_heldout6: 'But Dave Winer is doubtful. He designed the format called RSS …. Podcasts rely on his
    technology …. He is also writer of … Scripting News. He thinks its power lies in … its "over-hyped" business
    promise. "We're the sources …"' All Dave Winer, not Ian Fogg, quoted before him."""
    quotes = _speakers(nlp, "bbc_train_1412.txt")
    assert _speaker_of(quotes, "over-hyped") == _speaker_of(quotes, "We're the sources") == "Dave Winer"


def test_a_role_in_a_possessive_is_not_the_role_of_the_name_after_it(nlp):
    """bbc_heldout22: 'Late film star Marlon Brando … The actor's friend Budd Schulberg told Vanity Fair … The actor
    repeatedly refused, throwing the book at her and saying: "For the last time, I won't glorify the mafia".'"""
    assert _speaker_of(_speakers(nlp, "bbc_train_1351.txt"), "For the last time") == "Marlon Brando"


def test_the_firm_is_the_bookmaker_the_ner_called_a_person(nlp):
    """bbc_heldout22: 'Bookmaker William Hill has stopped taking bets … on actor Dougray Scott. The firm closed the
    book on Friday, saying "insider information" could have contributed …'"""
    firm = _quote(_speakers(nlp, "bbc_train_1346.txt"), "insider information")
    assert (firm.speaker.name, firm.speaker.type) == ("William Hill", "organization")


def test_the_end_of_an_office_the_ner_takes_into_a_name_is_not_part_of_it(nlp):
    """bbc_heldout22: '… said UK Chancellor of the Exchequer Gordon Brown. … Mr Brown said the meeting would be
    remembered as "the 100% debt relief summit".' The NER's person is "Exchequer Gordon Brown"."""
    assert _speaker_of(_speakers(nlp, "bbc_train_1366.txt"), "the 100% debt relief summit") == "Gordon Brown"


def test_of_two_people_with_one_surname_the_story_is_about_the_first_it_names(nlp):
    """bbc_heldout23: 'Rock star Ozzy Osbourne has been praised by police …. "I acted on impulse," Osbourne said.
    … His wife Sharon, who called the police, said …' Later the story names Sharon Osbourne in full too."""
    assert _speaker_of(_speakers(nlp, "bbc_train_1390.txt"), "I acted on impulse") == "Ozzy Osbourne"


def test_a_surname_with_a_particle_is_not_a_full_name_of_its_own(nlp):
    """bbc_heldout24: 'Double Olympic champion Hicham El Guerrouj is set to …. "…," said El Guerrouj.' (the NER
    calls the second mention an organisation)"""
    quotes = _speakers(nlp, "bbc_train_1423.txt")
    guerrouj = _quote(quotes, "I am almost a month behind")
    assert (guerrouj.speaker.name, guerrouj.speaker.type) == ("Hicham El Guerrouj", "person")


def test_a_description_that_is_the_subject_of_its_own_clause_is_not_the_role_of_the_name_before_it(nlp):
    """bbc_heldout24: 'Echoing the new US Secretary of State Condoleezza Rice, the prime minister said … Mr Blair …
    The prime minister conceded that the US had "what appears to be a harder position"' is Tony Blair, not Rice."""
    assert _speaker_of(_speakers(nlp, "bbc_train_1421.txt"), "what appears to be") == "Tony Blair"


def test_a_capitalised_word_of_an_event_before_a_subject_noun_is_not_a_name(nlp):
    """bbc_heldout23: '… said Moya. … The 1998 French Open champion is determined to …. "…," he said.' is Carlos
    Moya; "Open" (in the NER's event "French Open") is not a person for "he" to find."""
    assert _speaker_of(_speakers(nlp, "bbc_train_1381.txt"), "At the age of 29") == "Carlos Moya"


def test_a_name_the_story_also_puts_in_the_plural_is_a_party_not_a_person(nlp):
    """bbc_heldout22: 'Lib Dem spokesman Vince Cable said … say the Lib Dems … But the Lib Dem spokesman questioned
    …. He urged the government to scrap the "grossly unfair" tax' is Vince Cable (the NER calls "Lib Dem" a
    person)."""
    assert _speaker_of(_speakers(nlp, "bbc_train_1348.txt"), "grossly unfair") == "Vince Cable"


def test_a_body_the_ner_calls_a_person_is_what_the_club_and_it_refer_to(nlp):
    """bbc_heldout23: "Manchester United's board has agreed to give US tycoon Malcolm Glazer access to its books. …
    In a statement, the club said it would allow Mr Glazer "limited due diligence" … But it said it continued to
    oppose Mr Glazer's plans, calling his assumptions "aggressive"' (the NER calls Manchester United a person)."""
    quotes = _speakers(nlp, "bbc_train_1371.txt")
    assert _speaker_of(quotes, "limited due diligence") == _speaker_of(quotes, "aggressive") == "Manchester United"


def test_a_royal_goes_by_title_and_given_name(nlp):
    """bbc_heldout23: 'Prince Charles and Camilla Parker Bowles … Charles said he and his wife-to-be were "absolutely
    delighted". … Princes William and Harry said they are "very happy"' (the story also names Charles Kennedy)."""
    quotes = _speakers(nlp, "bbc_train_1384.txt")
    assert _speaker_of(quotes, "absolutely delighted") == "Prince Charles"
    assert _speaker_of(quotes, "all the luck") == "Prince William and Prince Harry"


def test_the_title_alone_is_the_person_named_with_it(nlp):
    """bbc_heldout23: '… at which the Archbishop of Canterbury, Dr Rowan Williams, will preside. … The Archbishop of
    Canterbury said: "I am pleased that …"'"""
    assert _speaker_of(_speakers(nlp, "bbc_train_1384.txt"), "I am pleased that Prince") == "Rowan Williams"


def test_a_saying_participle_the_parser_hangs_on_the_object_reports_for_the_subject(nlp):
    """bbc_heldout23: 'But Home Office minister Hazel Blears defended the move saying it would give the civilian
    officers "just that little bit of edge".' (the parse makes "saying" a modifier of "the move")"""
    assert _speaker_of(_speakers(nlp, "bbc_train_1380.txt"), "just that little bit") == "Hazel Blears"


def test_the_subject_of_keen_to_point_out_is_the_source(nlp):
    """bbc_heldout24: 'The EU said a tax would only be passed after full consultation with airlines. It was keen to
    point out earlier this week that any new tax on jet fuel should not hurt the "competitiveness of the airlines".'"""
    assert _speaker_of(_speakers(nlp, "bbc_train_1425.txt"), "competitiveness of the") == "European Union"


def test_a_document_published_by_someone_speaks_for_them(nlp):
    """bbc_heldout8: 'A survey published on the eve of the conference by PricewaterhouseCoopers said four in ten
    business leaders were "very confident" …'"""
    assert _speaker_of(_speakers(nlp, "bbc_val_0051.txt"), "very confident") == "PricewaterhouseCoopers"


def test_a_double_surname_after_an_honorific_is_the_full_name_it_ends(nlp):
    """bbc_heldout23: 'Prince Charles and Camilla Parker Bowles … Mrs Parker Bowles said the prince went down on one
    knee to propose and added: "I'm just coming down to earth."' (the story says "Mrs Parker Bowles" more often)"""
    assert _speaker_of(_speakers(nlp, "bbc_train_1384.txt"), "I'm just coming down") == "Camilla Parker Bowles"


def test_a_first_name_shared_by_two_full_names_is_the_one_whose_surname_the_story_says_most(nlp):
    """bbc_heldout23: "Police praise 'courageous' Ozzy Rock star Ozzy Osbourne … Osbourne said … Ozzy said he was
    "just coming to grips" …' (the headline runs "Ozzy" into "Rock": the NER finds a person "Ozzy Rock")."""
    assert _speaker_of(_speakers(nlp, "bbc_train_1390.txt"), "just coming to grips") == "Ozzy Osbourne"


def test_a_term_in_the_clause_a_noun_of_asserting_reports_is_its_owners(nlp):
    """bbc_heldout24: 'Mr Brown's insistence he was not "gloating" was a pointed rebuttal of a warning from …' is
    Gordon Brown's word; seed 003's 'dismissed the accusations as "ridiculous."' stays Matthew Miller's."""
    assert _speaker_of(_speakers(nlp, "bbc_train_1389.txt"), "gloating") == "Gordon Brown"
    assert _speaker_of(_speakers(nlp, "003_e69eb9d007a3607d.txt"), "ridiculous") == "Matthew Miller"


def test_a_quote_after_another_person_is_reported_is_theirs_not_the_last_speakers(nlp):
    """bbc_heldout24: '… Barry Beal …. Steve Ash, from Activcard, told the BBC News website there are two parts to
    the process of identification. The most difficult is …. "The end solution is to provide a method …"'"""
    assert _speaker_of(_speakers(nlp, "bbc_train_1397.txt"), "The end solution") == "Steve Ash"


def test_a_body_the_tagger_takes_for_a_noun_is_still_the_body(nlp):
    """bbc_heldout20: 'Labour say a Lib Dem vote could "let the Tories in"' ("Labour" tagged a noun at the start of
    the sentence; the story names Labour as an organisation elsewhere)."""
    assert _speaker_of(_speakers(nlp, "bbc_train_1277.txt"), "let the Tories in") == "Labour"


def test_a_lone_word_the_ner_calls_a_person_is_not_the_story_s_subject(nlp):
    """bbc_heldout5: 'The album Exodus came out in 1977 and that provided five hits …' then "By 1979 he was the
    biggest touring attraction …" is not said by "Exodus" (an album the NER calls a person)."""
    assert _speaker_of(_speakers(nlp, "bbc_train_1302.txt"), "By 1979 he was") != "Exodus"


def test_an_acronym_with_an_ampersand_is_the_full_name_it_stands_for(nlp):
    """bbc_heldout25: '… according to mortgage lender Bradford & Bingley and housebuilder George Wimpey. B&B said the
    buy-to-let market …' ("B&B" is Bradford & Bingley's initials, ampersand included)."""
    assert _speaker_of(_speakers(nlp, "bbc_train_1479.txt"), "housing market fundamentals") == "Bradford & Bingley"


def test_he_added_after_another_person_is_reported_is_that_person_unless_the_story_returns(nlp):
    """bbc_heldout27: 'Mourinho … told BBC Radio Five Live. Gerrard … insisted he was still fully focused …. The
    Reds are currently fifth …. "It's big couple of months for Liverpool," he added' is Gerrard's. bbc val 0036:
    'But Ferguson insisted he sold the defender …. The affair still rankles with the Dutchman. "…," he said' stays
    Jaap Stam's, the story having come back to him."""
    gerrard = _speakers(nlp, "bbc_val_0307.txt")
    assert _speaker_of(gerrard, "It's big couple of months") == "Steven Gerrard"
    assert _speaker_of(gerrard, "We're fighting for the fourth spot") == "Steven Gerrard"
    assert _speaker_of(_speakers(nlp, "bbc_val_0036.txt"), "I was settled at Manchester United, I had") == "Jaap Stam"


def test_a_full_stop_after_a_mixed_case_word_in_capitals_ends_the_sentence(nlp):
    """bbc_heldout25: '… needs 100 times more power … than one for a PhD. Prassana Rambathla, one of Prof Reddy's
    graduate students, says that "when you're talking illiterate …"': "PhD." kept its stop, the sentence ran on and
    the student became an organisation, his words Prof Reddy's."""
    students = _speakers(nlp, "bbc_train_1477.txt")
    assert _speaker_of(students, "when you're talking illiterate") == "Prassana Rambathla"
    assert _speaker_of(students, "The major part is making it foolproof") == "Prassana Rambathla"
    assert [t.text for t in nlp("He took a PhD. Then he left the MoD.")][3:5] == ["PhD", "."]


def test_a_body_whose_name_the_parser_reads_as_a_clause_still_reports(nlp):
    """bbc_heldout26: 'Stop Stansted Expansion said the White Paper … was "fundamentally flawed"' ("Stop" parsed as a
    verb, so "said" has no subject; the organisation's name ends right before it)."""
    assert _speaker_of(_speakers(nlp, "bbc_train_1482.txt"), "fundamentally flawed") == "Stop Stansted Expansion"


def test_a_passive_label_s_agent_the_parse_hangs_on_the_label_is_its_source(nlp):
    """bbc_heldout27: 'The posters were labelled a "big misjudgement" by the Conservatives who said Labour's "first
    shot in the election has badly backfired"' (the parse attaches "by the Conservatives" to "misjudgement")."""
    posters = _speakers(nlp, "bbc_val_0310.txt")
    assert _speaker_of(posters, "big misjudgement") == "Conservatives"
    assert _speaker_of(posters, "first shot in the election") == "Conservatives"


def test_a_phrase_quoted_mid_sentence_continues_the_last_speaker_only_in_a_sentence_about_them(nlp):
    """bbc_heldout5: 'EU rules prevent that from happening again in what is known as the "one time, last time"
    principle' is nobody's words, not the previous speaker's; bbc_heldout23: 'She expressed her anger at the person
    who "hasn't worked and wants to take what's yours"' is still Sharon Osbourne's."""
    assert _speaker_of(_speakers(nlp, "bbc_train_1301.txt"), "one time, last time") is None
    assert _speaker_of(_speakers(nlp, "bbc_train_1390.txt"), "hasn't worked and wants") == "Sharon Osbourne"


def test_letters_after_a_name_end_a_person_the_ner_took_for_a_body(nlp):
    """bbc_heldout25: 'The chairman of the Bar Council, Guy Mansfield QC has warned there is a real risk that people
    on the "margins of society" …' ("Guy Mansfield QC" was an organisation; his words went to Tim Yeo)."""
    bar = _speakers(nlp, "bbc_train_1469.txt")
    assert _speaker_of(bar, "margins of society") == "Guy Mansfield"
    assert _speaker_of(bar, "What is going to happen to young Asian men") == "Guy Mansfield"


def test_a_quote_after_a_stray_colon_still_follows_the_sentence_before(nlp):
    """bbc_heldout5: 'Partridge worked with Marley from 1977 until the Jamaican musician's death in 1981. : "I joined
    Island Records in 1977 …"' (the separator kept the quote from opening its sentence, so it had no speaker)."""
    assert _speaker_of(_speakers(nlp, "bbc_train_1302.txt"), "I joined Island Records in 1977") == "Rob Partridge"


def test_a_place_leading_a_body_s_name_is_part_of_it(nlp):
    """bbc_heldout24: 'The UK Independence Party said: "If the government believes …"' (the gazetteer tags "UK" a
    place, which cut the party's name to "Independence Party")."""
    assert _speaker_of(_speakers(nlp, "bbc_train_1393.txt"), "If the government believes") == "UK Independence Party"
    assert [(e.text, e.label_) for e in nlp("The UK government said so.").ents] == [("UK", "GPE")]


def test_a_word_the_ner_runs_into_a_name_before_its_first_name_is_not_part_of_it(nlp):
    """bbc_heldout29: 'Agassi fear for Melbourne Andre Agassi's involvement …' (a headline run into the story) and
    'the public services union Unison Dave Prentis criticised the plans'; "Hicham El Guerrouj" keeps its words."""
    assert _speaker_of(_speakers(nlp, "bbc_train_1555.txt"), "My hip was cramping") == "Andre Agassi"
    assert _speaker_of(_speakers(nlp, "bbc_val_0320.txt"), "If you want world class") == "Dave Prentis"
    assert _speaker_of(_speakers(nlp, "bbc_train_1423.txt"), "Otherwise there is not much point") == "Hicham El Guerrouj"
    # a party word before a name is a description, not part of it: "Tory Liam Fox said his party offered …"
    assert _speaker_of(_speakers(nlp, "bbc_train_1541.txt"), "clear choice") == "Liam Fox"


def test_a_description_is_written_as_the_text_has_it_and_a_body_without_its_article(nlp):
    """bbc_heldout30: 'The prime minister's office said …' is the body "prime minister's office" (not "The prime
    minister 's office"); bbc_heldout6's unnamed source is "The rapper's spokesperson"."""
    office = _speakers(nlp, "bbc_train_1540.txt")
    assert _speaker_of(office, "irregularities in the career structure") == "prime minister's office"
    assert _speaker_of(_speakers(nlp, "bbc_train_1427.txt"), "failed to provide a safe") == "The rapper's spokesperson"


def test_an_acronym_the_ner_calls_a_person_is_the_body_with_those_initials(nlp):
    """bbc_heldout29: '… the Royal Institute of Chartered Surveyors found. … increases were more "moderate", RICS
    added.' ("RICS" was a person)."""
    assert _speaker_of(_speakers(nlp, "bbc_train_1527.txt"), "moderate") == "Royal Institute of Chartered Surveyors"


def test_a_name_before_the_verbs_auxiliary_and_a_dashed_caption_whatever_the_ner_calls_it(nlp):
    """bbc_heldout31 and 32: 'Tony Blair has told Labour supporters he's "back"' (a headline run in: the parse leaves
    "told" without a subject), and '…" - Newcastle boss Graeme Souness "We deserved the win …"' after Sam
    Allardyce's caption (the NER calls Graeme Souness a work of art)."""
    assert _speaker_of(_speakers(nlp, "bbc_train_0314.txt"), "back") == "Tony Blair"
    match_report = _speakers(nlp, "bbc_val_0138.txt")
    assert _speaker_of(match_report, "We deserved the win") == "Graeme Souness"
    assert _speaker_of(match_report, "I am bitterly disappointed") == "Sam Allardyce"


def test_a_report_named_by_its_day_has_no_author(nlp):
    """bbc_heldout32: "Thursday's report … It said incentives … were likely to be seen as "gimmicks"": the weekday
    (a person to the NER) did not write the report."""
    assert _speaker_of(_speakers(nlp, "bbc_train_0443.txt"), "gimmicks") != "Thursday"


def test_the_magazine_is_the_publication_named_with_that_noun(nlp):
    """bbc_heldout32: '… in US magazine Rolling Stone's annual list. … "Prince returned to centre stage …," the
    magazine reported' (not Elton John, named last); bbc_heldout2: '… by US magazine Mobile PC. … asked the
    magazine'."""
    assert _speaker_of(_speakers(nlp, "bbc_train_0371.txt"), "Prince returned to centre stage") == "Rolling Stone"
    assert _speaker_of(_speakers(nlp, "bbc_train_1015.txt"), "Who can forget") == "Mobile PC"


def test_a_name_after_the_is_a_modifier_not_a_person_and_a_description_after_the_verb_wins(nlp):
    """bbc_heldout32: 'The East Midlands MEP, who quit the UK Independence Party, … On Thursday, he told …' ("he" is
    Robert Kilroy-Silk, not "East Midlands"); bbc_heldout26: 'the European Court of Auditors' is no person for
    "he" either. bbc_heldout31: '"…," added the two-time Academy Award winner' is Tom Hanks, not the award."""
    assert _speaker_of(_speakers(nlp, "bbc_train_0426.txt"), "lies and spin") == "Robert Kilroy-Silk"
    assert _speaker_of(_speakers(nlp, "bbc_train_1496.txt"), "Any fraud in other member states") == "Edward Leigh"
    assert _speaker_of(_speakers(nlp, "bbc_train_0219.txt"), "Christmas is a special time") == "Tom Hanks"


def test_likening_and_finding_report_their_subjects_words(nlp):
    """bbc_heldout32: 'Rifkin likened the challenge to a "musical Rubik's cube"'; bbc_heldout31: 'the BCC found
    the whole UK economy still faced "major risks"' (the British Chamber of Commerce, named in full before)."""
    assert _speaker_of(_speakers(nlp, "bbc_train_0224.txt"), "musical Rubik") == "Joshua Rifkin"
    assert _speaker_of(_speakers(nlp, "bbc_train_0673.txt"), "major risks") == "British Chamber of Commerce"


def test_an_acronym_the_story_defines_in_brackets_is_the_full_name(nlp):
    """bbc_heldout32: 'The Motion Picture Association of America (MPAA) also said …' (the NER cuts the name at
    "of") makes "the MPAA said" that association; bbc_heldout3: 'London Stock Exchange (LSE)'."""
    assert _speaker_of(_speakers(nlp, "bbc_train_1160.txt"), "take down") == "Motion Picture Association of America"
    assert _speaker_of(_speakers(nlp, "bbc_train_1205.txt"), "The approach is at an early stage") == \
        "London Stock Exchange"


def test_an_acronym_the_story_spells_out_without_defining_is_the_full_name(nlp):
    """bbc_heldout33: 'The US Federal Bureau of Investigation is warning …' (the NER tags no body there) makes "the
    FBI said" that bureau; bbc_heldout26: 'FA decides not to punish Mourinho The Football Association will …', a
    headline run into the body, makes "the FA confirmed" that association."""
    assert _speaker_of(_speakers(nlp, "bbc_train_0914.txt"), "Recipients of this") == "Federal Bureau of Investigation"
    assert _speaker_of(_speakers(nlp, "bbc_train_1489.txt"), "There will be no further") == "Football Association"


def test_people_in_the_bare_plural_are_unnamed_sources(nlp):
    """bbc_heldout32: 'Policy makers in Europe have called the dollar's slide "brutal"' and '… "imaginative
    campaigns" … they called' after "MPs said" (which the NER calls a body); bbc_heldout28: 'Ecologists …'."""
    brutal = _speakers(nlp, "bbc_train_1336.txt")
    assert brutal[next(t for t in brutal if t.startswith("brutal"))].speaker.type == "anonymous"
    mps = _speakers(nlp, "bbc_train_0443.txt")
    assert mps[next(t for t in mps if t.startswith("imaginative campaigns"))].speaker.type == "anonymous"
    ecologists = _speakers(nlp, "bbc_train_1419.txt")
    assert ecologists[next(t for t in ecologists if t.startswith("significant intrusion"))].speaker.type == "anonymous"


def test_a_label_given_in_a_passive_participle_names_no_source(nlp):
    """bbc_heldout31: 'Originally dubbed "Jerry's Guide to the World Wide Web", the site …': Yahoo is what was
    named, and the story does not say who named it."""
    guide = _speakers(nlp, "bbc_train_0561.txt")
    assert guide[next(t for t in guide if t.startswith("Jerry's Guide"))].speaker.type == "unknown"


def test_a_name_with_a_word_added_before_is_no_spelling_variant(nlp):
    """bbc_heldout32: "T-Mobile said it was seeing increasing take up for what it calls "Office in a Pocket"" is
    T-Mobile, not "Microsoft Mobile" (named earlier), which a fuzzy surname match took for the same name."""
    assert _speaker_of(_speakers(nlp, "bbc_train_0088.txt"), "Office in a Pocket") == "T-Mobile"


def test_the_government_is_not_the_party_named_last(nlp):
    """bbc_heldout31: 'But the government is continuing to insist that "control orders" …' after Labour MPs voted
    against it: the government, not Labour."""
    assert _speaker_of(_speakers(nlp, "bbc_train_0269.txt"), "control orders") == "government"


def test_a_headlines_word_before_a_surname_does_not_make_the_full_name(nlp):
    """bbc_heldout33: 'Classy Henman makes winning start Tim Henman opened his 2005 season …': "Henman said" is Tim
    Henman, not "Classy Henman", though both are named once."""
    assert _speaker_of(_speakers(nlp, "bbc_train_0587.txt"), "It's a great start to the year") == "Tim Henman"


def test_a_clerics_styles_and_a_first_name_in_apposition_make_the_person(nlp):
    """bbc_heldout33: 'The Bishop of Durham, the Rt Rev Dr Tom Wright, described the novel as a "great thriller"' (the
    NER split "the Rt Rev Dr" from the name) and, later, 'the Bishop said: "…"' (a body to the NER); "Kenteris's
    lawyer, Gregory Ioannidis, said" (an organisation to the NER)."""
    bishop = _speakers(nlp, "bbc_val_0279.txt")
    assert _speaker_of(bishop, "great thriller") == "Tom Wright"
    assert _speaker_of(bishop, "Conspiracy theories are always fun") == "Tom Wright"
    assert _speaker_of(_speakers(nlp, "bbc_train_0771.txt"), "The decision means") == "Gregory Ioannidis"


def test_a_subjects_apposition_the_parser_hangs_on_the_verb_is_the_subject(nlp):
    """bbc_heldout35: 'one of the so-called Guildford Four, Gerry Conlon - who was wrongly convicted … - said the
    families were delighted … He said Mr Blair had spoken with "such sincerity"': "He" is Gerry Conlon, the one who
    speaks, not Mr Blair (the parser hangs the name on "said", not on "one")."""
    conlon = _speakers(nlp, "bbc_train_0052.txt")
    assert _speaker_of(conlon, "such sincerity") == "Gerry Conlon"
    assert _speaker_of(conlon, "You could see he was moved") == "Gerry Conlon"


def test_a_lone_surname_the_story_has_speak_is_a_person_for_he_to_refer_to(nlp):
    """bbc_heldout35: 'Safin said he was trying to keep his temper under control … "I try to stay calm …," he said':
    the story never gives Safin's first name, but someone who speaks is a person (not Andre Agassi, named in full);
    bbc_heldout36: 'Souness would not be drawn on specifics … But he said: "…"' (a passive subject)."""
    assert _speaker_of(_speakers(nlp, "bbc_train_0748.txt"), "I try to stay calm") == "Safin"
    assert _speaker_of(_speakers(nlp, "bbc_train_0988.txt"), "All I can tell you") == "Graeme Souness"


def test_a_full_name_the_ner_calls_a_place_and_the_main_clause_subject_before_an_embedded_one(nlp):
    """bbc_heldout35: "Elena Dementieva" is a building to the NER; 'Dementieva is also angry and says that Dechy and
    herself are the real victims … "You have no idea …," she said' is Dementieva, the main clause's subject."""
    assert _speaker_of(_speakers(nlp, "bbc_train_1257.txt"), "You have no idea") == "Elena Dementieva"


def test_he_is_never_a_woman_the_story_titles_ms(nlp):
    """bbc_heldout35: 'the first minister said his comments had been distorted … He told Ms Sturgeon: "…"': whoever
    "he" is, he is not Nicola Sturgeon (the first minister is Jack McConnell, which the story leaves to the reader)."""
    assert _speaker_of(_speakers(nlp, "bbc_val_0040.txt"), "It is disappointing that you") != "Nicola Sturgeon"


def test_an_acronym_defined_for_a_name_with_an_elided_article_is_that_name(nlp):
    """bbc_heldout36: "The Conseil Superieur de l'Audiovisuel (CSA), the French broadcasting regulator, said: …"."""
    from pipeline.nlp.names import initials

    assert initials("Conseil Superieur de l'Audiovisuel") == "CSA"
    assert _speaker_of(_speakers(nlp, "bbc_train_0797.txt"), "Following the recent success of Freeview") == \
        "Conseil Superieur de l'Audiovisuel"


def test_of_two_subjects_the_parse_gives_a_verb_the_named_person_speaks(nlp):
    """bbc_heldout36: 'The chairman of the Bar Council, Guy Mansfield QC warned there was a real risk that people on
    the "margins of society" …': the parser makes both "chairman" and "QC" subjects of "warned"; the chairman is
    Guy Mansfield, not the person named before him."""
    assert _speaker_of(_speakers(nlp, "bbc_train_0910.txt"), "margins of society") == "Guy Mansfield"


def test_a_that_clause_hung_on_the_listener_is_what_the_verb_reports(nlp):
    """bbc_heldout36: "Theresa May, shadow secretary for the family, told BBC Radio 4's Today programme that the
    government's plans were "inadequate"" (the parser hangs the clause on "programme")."""
    assert _speaker_of(_speakers(nlp, "bbc_train_0456.txt"), "inadequate") == "Theresa May"


def test_a_role_opening_the_story_is_the_person_the_next_sentence_names(nlp):
    """bbc_heldout36: "Scotland's justice minister has warned bigoted soccer fans that she wants to hit them "where
    it hurts most" … Cathy Jamieson said exclusion orders are …"."""
    assert _speaker_of(_speakers(nlp, "bbc_train_1229.txt"), "where it hurts most") == "Cathy Jamieson"


def test_a_product_the_story_calls_its_is_not_the_company(nlp):
    """bbc_heldout36: 'Microsoft has said it will replace … power cables for its Xbox consoles … The company said the
    move was a "preventative step"' (the NER calls Xbox a body and the headline names it too); bbc_heldout35:
    'Macrovision says its new RipGuard technology will thwart … "RipGuard is designed to …," said the firm'."""
    xbox = _speakers(nlp, "bbc_train_0887.txt")
    assert _speaker_of(xbox, "preventative step") == "Microsoft"
    assert _speaker_of(xbox, "In almost all instances") == "Microsoft"
    assert _speaker_of(_speakers(nlp, "bbc_train_0707.txt"), "RipGuard is designed") == "Macrovision"


def test_a_run_the_ner_calls_a_body_is_a_name_only_with_a_first_name(nlp):
    """bbc_heldout34: "Carly Fiorina, chief of technology giant Hewlett Packard … "The digital revolution …," she
    told delegates": "Hewlett Packard" (an organisation to the NER, with no first name) is no antecedent for "she";
    bbc_heldout6: "Liverpool forward Milan Baros" (also an organisation to the NER) is a person all the same."""
    fiorina = _speakers(nlp, "bbc_train_0523.txt")
    assert _speaker_of(fiorina, "The digital revolution is about") == "Carly Fiorina"
    assert _speaker_of(fiorina, "Revolution has always been") == "Carly Fiorina"
    assert _speaker_of(_speakers(nlp, "bbc_train_1402.txt"), "everything is possible") == "Milan Baros"
    assert _speaker_of(_speakers(nlp, "bbc_train_0240.txt"), "to tinker with the manuscript") == "JK Rowling"


def test_he_and_she_agree_with_the_gender_of_a_first_name(nlp):
    """bbc_heldout28: "… IBM researcher Jim Levine who developed the prototype … Karen Walsh … "The number of elderly
    computer users will increase …," he said": Karen is a woman's name, so "he" is Jim Levine; bbc_heldout18: "He
    said: "I hope I'm not going to be seen as preaching …"" after Margaret Davidson is Jack McConnell."""
    assert _speaker_of(_speakers(nlp, "bbc_train_1537.txt"), "The number of elderly computer users") == "Jim Levine"
    assert _speaker_of(_speakers(nlp, "bbc_train_1107.txt"), "I hope I'm not going to be seen") == "Jack McConnell"


def test_an_unnamed_spokesman_two_sentences_back_and_a_body_spelt_with_capitals(nlp):
    """bbc_heldout39: "A Labour Party spokesman told the BBC News website the party avoided …. But that did not happen
    for "voter identification" calls. "When we ask which party they will vote for …," he said": "he" is the
    spokesman, not "Labour" (a body the NER calls a person); "The information commissioner's office says … a
    "grey" area" is the Information Commissioner's Office, as the story writes it later."""
    quotes = _speakers(nlp, "bbc_val_0156.txt")
    assert _quote(quotes, "When we ask which party").speaker.type == "anonymous"
    assert _quote(quotes, "When we ask which party").speaker.name == "A Labour Party spokesman"
    assert _speaker_of(quotes, "grey") == "Information Commissioner's Office"


def test_a_lone_name_the_ner_calls_a_body_is_a_person_when_it_reports_about_he(nlp):
    """bbc_heldout35: "Federer admitted he was under extra pressure … "They are so used to me winning …," he said":
    the NER calls Federer an organisation and the story never gives his first name, but a body would be "it";
    the quotes are Federer's, not Safin's from the paragraph before."""
    federer = _speakers(nlp, "bbc_train_0748.txt")
    assert _speaker_of(federer, "They are so used to me winning") == "Federer"
    assert _speaker_of(federer, "I had a feeling this could be a tough match") == "Federer"


def test_a_lone_name_a_who_clause_describes_is_a_person_for_he_to_refer_to(nlp):
    """bbc_heldout36: 'DiCaprio, who lost out on the best actor Bafta to Foxx, will face him again … "It's the first
    time I've come to the Baftas …," he told reporters': the NER leaves DiCaprio untagged and the story never gives
    his first name, but "who" describes a person; "he" is DiCaprio, not Jamie Foxx inside the clause."""
    dicaprio = _speakers(nlp, "bbc_train_0802.txt")
    assert _speaker_of(dicaprio, "It's the first time I've come to the Baftas") == "DiCaprio"
    assert _speaker_of(dicaprio, "I've appreciated British cinema") == "DiCaprio"


def test_a_role_belongs_to_the_name_it_stands_beside_not_the_next_one(nlp):
    """bbc_heldout32: "Wales coach Mike Ruddock says England lock Danny Grewcock needs to review his actions … "We
    created more opportunities …," said the coach": the coach is Mike Ruddock; "coach" stands before his name, not
    before Grewcock's, though both are within a few words of it."""
    ruddock = _speakers(nlp, "bbc_train_0008.txt")
    assert _speaker_of(ruddock, "We created more opportunities") == "Mike Ruddock"
    assert _speaker_of(ruddock, "We've looked through things on the video") == "Mike Ruddock"


def test_a_reporting_verb_the_parse_joins_to_the_reported_clause_goes_with_the_verb_that_reports(nlp):
    """bbc_heldout23: 'Mrs Parker Bowles said the prince went down on one knee to propose and added: "I'm just coming
    down to earth."' (the parse makes "added" a conjunct of "went", so its subject would be the prince);
    bbc_heldout41: 'He said some people were in "a sort of state of denial" … but predicted a more "receptive mood"
    would emerge soon': "predicted" is Tony Blair's, not "some people"'s."""
    assert _speaker_of(_speakers(nlp, "bbc_train_1384.txt"), "I'm just coming down to earth") == \
        "Camilla Parker Bowles"
    assert _speaker_of(_speakers(nlp, "bbc_train_0745.txt"), "receptive mood") == "Tony Blair"


def test_a_short_sentence_in_quotes_is_a_quote_not_a_term(nlp):
    """bbc_heldout37: '"It was too harsh," Collins told Radio Five Live. "They should reconsider."': three words, but
    a capitalised sentence of Kim Collins's own, so a quote that goes on from the one before (ANNOTATION.md: a term
    is a label or scare quote that is not a statement)."""
    collins = _quote(_speakers(nlp, "bbc_train_1176.txt"), "They should reconsider")
    assert collins.kind == "quote"
    assert collins.speaker.name == "Kim Collins"


def test_a_reporting_clause_joined_after_another_introduces_the_next_quote(nlp):
    """bbc_heldout37: 'The prices were steep by a lot of people's standards but Evans said it was not deterring
    shoppers. "I've sold quite a lot already. …"' is Chris Evans's, though "said" is not the sentence's root;
    bbc_heldout36: "Best actor Foxx could not make the ceremony, but actress Helen Mirren read out his acceptance
    speech. "I'm honoured and proud to receive this Bafta …"" is Jamie Foxx's: a speech read out is its owner's."""
    assert _speaker_of(_speakers(nlp, "bbc_train_1251.txt"), "I've sold quite a lot already") == "Chris Evans"
    assert _speaker_of(_speakers(nlp, "bbc_train_0802.txt"), "I'm honoured and proud") == "Jamie Foxx"


def test_a_statement_named_by_a_body_noun_is_the_bodys(nlp):
    """bbc_heldout34: '"Failure to replace the hardware and software … will carry large risks," said an agency
    statement' in a story about the International Atomic Energy Agency: the agency wrote it."""
    assert _speaker_of(_speakers(nlp, "bbc_train_0424.txt"), "Failure to replace the hardware") == \
        "International Atomic Energy Agency"


def test_a_statement_on_someones_website_is_theirs_and_no_she(nlp):
    """bbc_heldout41: 'Tennis star Kim Clijsters will make her return … "Kim had considered returning to action in
    Paris on 7 February," a statement on her website said': the website's owner wrote it; "her" inside the
    statement's own phrase is Kim Clijsters, never the statement."""
    clijsters = _speakers(nlp, "bbc_train_0866.txt")
    assert _speaker_of(clijsters, "Kim had considered returning") == "Kim Clijsters"
    assert _speaker_of(clijsters, "She's decided against this") == "Kim Clijsters"


def test_a_capitalised_word_before_a_subject_noun_modifies_it_and_names_nobody(nlp):
    """bbc_heldout41: "Maria Capella, spokeswoman for net provider Pipex, said that when DDoS attacks were at their
    height … "It's about understanding what's genuine traffic …," she said": "DDoS" modifies "attacks" and is no
    person for "she" (a name after its noun, "midfielder Edu", is one)."""
    assert _speaker_of(_speakers(nlp, "bbc_train_0173.txt"), "It's about understanding what's genuine") == \
        "Maria Capella"


def test_a_capitalised_modifier_before_a_role_noun_is_no_name(nlp):
    """bbc_heldout41: "The Scottish Conservative leader had insisted that his legal work … did not influence the causes
    he supports. But on Friday he said: "I have tendered my resignation …"" is David McLetchie, not a person called
    "Conservative"; bbc_heldout38: "Speaking to the Radio Times, the Two Ronnies star said …" is Ronnie Corbett."""
    assert _speaker_of(_speakers(nlp, "bbc_train_0596.txt"), "I have tendered my resignation") == "David McLetchie"
    assert _speaker_of(_speakers(nlp, "bbc_train_0841.txt"), "You get fed up watching shows") == "Ronnie Corbett"


def test_a_qualified_description_is_the_person_named_with_the_same_qualifier(nlp):
    """bbc_heldout41: "French President Jacques Chirac reacted … His words about President Bush met a cool reception
    from Jacques Chirac. The French president told reporters: "Europe today has more than ever the need …"": the
    French president is Chirac, not the president named last."""
    chirac = _speakers(nlp, "bbc_train_0745.txt")
    assert _speaker_of(chirac, "Europe today has more than ever") == "Jacques Chirac"
    assert _speaker_of(chirac, "That is the goal of the constitution") == "Jacques Chirac"


def test_a_quote_inside_the_writers_sentence_that_someone_thanks_or_welcomes_is_theirs(nlp):
    """bbc_heldout41: 'Hatcher thanked the show's cast, crew and "a network who gave me a second chance at a career
    …"' is Teri Hatcher's (was Hilary Swank, from the quote before); bbc_heldout24: 'Green MEP Caroline Lucas
    welcomed Tony Blair's "courage in keeping his word"' is Caroline Lucas's, as a term there would be."""
    assert _speaker_of(_speakers(nlp, "bbc_train_0957.txt"), "a network who gave me") == "Teri Hatcher"
    assert _speaker_of(_speakers(nlp, "bbc_train_1393.txt"), "courage in keeping his word") == "Caroline Lucas"


def test_an_alias_in_capitals_matches_only_capitals(nlp):
    """bbc_heldout41: 'Us magazine was unrepentant … "Coming from a celebrity who sold pictures of both her wedding
    …," they added': "Us" (Us Weekly) is not "US", the United States, which the gazetteer lists in capitals."""
    from pipeline.nlp.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    assert gazetteer.resolve("US").entity.name == "United States"
    assert gazetteer.resolve("Us") is None
    assert _speaker_of(_speakers(nlp, "bbc_train_0554.txt"), "Coming from a celebrity") != "United States"


def test_a_full_name_the_ner_runs_into_a_body_before_it_is_the_person(nlp):
    """bbc_heldout42: 'For the Lib Dems David Laws said: "The chancellor will no doubt tell us today …," he said. "But
    a lot of that is built on an increase in personal and consumer debt …"': the NER makes "the Lib Dems David Laws"
    one organisation; the speaker is David Laws."""
    assert _speaker_of(_speakers(nlp, "bbc_train_1086.txt"), "But a lot of that is built") == "David Laws"


def test_a_role_with_shadow_or_former_before_it_is_another_role(nlp):
    """bbc_heldout37: "the chancellor said the cuts proposed by shadow chancellor Oliver Letwin were … Turning to the
    economy, the chancellor pledged …. He said … Labour had transformed … to "the only party trusted with the
    economy"": the chancellor is Gordon Brown, not the shadow chancellor."""
    brown = _speakers(nlp, "bbc_val_0133.txt")
    assert _speaker_of(brown, "the only party trusted with the economy") == "Gordon Brown"
    assert _speaker_of(brown, "party not just of employees") == "Gordon Brown"


def test_a_name_opening_its_sentence_is_its_subject_when_the_parse_hangs_the_verb_on_it(nlp):
    """bbc_heldout30: "Trevor Phillips, chairman of the Commission for Racial Equality, called on Mr Clarke to denounce
    … "Tell that to the 44,000 doctors …," he said" (the parse makes "Phillips" the root and "called" a clause on
    it); bbc_dev3: "Alison Howe, producer of TV show Later... With Jools Holland, booked the group … "They played like
    they were headlining the main stage at Glastonbury," she said"."""
    assert _speaker_of(_speakers(nlp, "bbc_train_1541.txt"), "Tell that to the 44,000 doctors") == "Trevor Phillips"
    assert _speaker_of(_speakers(nlp, "bbc_val_0212.txt"), "They played like they were") == "Alison Howe"


def test_a_body_the_ner_cut_short_takes_the_longer_name_the_story_gives(nlp):
    """bbc_heldout34: 'Plans to allow foreign nuclear waste to be permanently stored in the UK have been branded
    "deeply irresponsible" by the Liberal Democrats' (the NER tags only "Democrats" there, and "the Liberal
    Democrats" later)."""
    assert _speaker_of(_speakers(nlp, "bbc_train_1014.txt"), "deeply irresponsible") == "Liberal Democrats"


def test_a_camel_case_name_the_ner_calls_a_body_is_a_person_when_it_reports_about_he(nlp):
    """bbc_heldout43: 'Ulster coach mark McCall said he was delighted to get the victory. "Borders are a tougher
    proposition this year …," said McCall': "McCall" (an organisation to the NER, and no title-case word) reports
    about "he", so he is a person."""
    mccall = _quote(_speakers(nlp, "bbc_train_1262.txt"), "Borders are a tougher proposition")
    assert mccall.speaker.type == "person"


def test_a_body_named_x_and_y_ministry_keeps_its_whole_name(nlp):
    """bbc_heldout43: '… the Finance and Economy Ministry said in a statement' (the NER takes only "Economy
    Ministry"); the corpus also writes "the Securities and Exchange Commission", "the Foreign and Commonwealth
    Office"."""
    assert _speaker_of(_speakers(nlp, "bbc_val_0072.txt"), "Internal and external economic conditions") == \
        "Finance and Economy Ministry"


def test_a_nickname_in_single_marks_does_not_break_the_full_name(nlp):
    """bbc_heldout44: "Brian 'Head' Welch told a radio station in California …. Welch added that he would appear at a
    church … to explain how he "got to this place in life"": Welch is Brian Welch, as with Jimmy "the Whirlwind"
    White in double marks."""
    assert _speaker_of(_speakers(nlp, "bbc_train_0312.txt"), "got to this place in life") == "Brian Welch"


def test_a_first_name_the_ner_leaves_out_at_a_sentence_start_is_part_of_the_name(nlp):
    """bbc_heldout43: "… by third parties. Ard Jan Vetham, Capgemini's … said …" (the NER tags "Jan Vetham"): the
    story's name for him is Ard Jan Vetham; a headline's "… in Adelaide Lleyton Hewitt suffered" (bbc_heldout27)
    does not make "Adelaide" a first name."""
    assert _speaker_of(_speakers(nlp, "bbc_train_1323.txt"), "Acceptance of new technologies") == "Ard Jan Vetham"
    assert _speaker_of(_speakers(nlp, "bbc_val_0302.txt"), "When you've been number one") == "Lleyton Hewitt"


def test_a_parliament_members_letters_before_the_name_are_a_role(nlp):
    """bbc_heldout45: "MSP Karen Whitefield wants to ensure …" is Karen Whitefield, as "MP" and "MEP" before a name
    were."""
    assert _speaker_of(_speakers(nlp, "bbc_train_0772.txt"), "I have found members of the public") == \
        "Karen Whitefield"


def test_a_verb_after_a_dash_aside_goes_with_the_clause_the_aside_interrupts(nlp):
    """bbc_heldout47: "Wilson has twice tried to resurrect Factory - which lasted for 14 years before folding - but
    conceded these efforts had been "…"": the parse joins "conceded" to the aside's "which lasted"; Tony Wilson
    concedes, and goes on speaking ("…," he added)."""
    quotes = _speakers(nlp, "bbc_train_0702.txt")
    assert _speaker_of(quotes, "despondent and dismal experiences") == "Tony Wilson"
    assert _speaker_of(quotes, "Of all the things I do in my life") == "Tony Wilson"


def test_a_name_after_the_of_phrase_of_a_subject_is_the_subjects_apposition(nlp):
    """bbc_heldout48: "ITV's controller of entertainment, Claudia Rosencrantz, said she had no hesitation …. "…,"
    she said": the parser hangs the name on "entertainment"; she is the subject the next "she" refers to, not a
    finalist named a sentence before."""
    assert _speaker_of(_speakers(nlp, "bbc_train_0466.txt"), "There's much more to come this series") == \
        "Claudia Rosencrantz"


def test_an_office_is_no_name_and_the_source_is_nobody_named(nlp):
    """bbc_heldout47: "… when he was Home Secretary. The party has been "agnostic" …, the Tory source said":
    "Home Secretary" is an office, not a person, and "the Tory source" refers to no one the story names."""
    quote = _quote(_speakers(nlp, "bbc_train_0883.txt"), "agnostic")
    assert (quote.speaker.name, quote.speaker.type) == ("the Tory source", "anonymous")


def test_an_object_that_names_no_one_controls_no_saying(nlp):
    """bbc_heldout47: "Mr Kennedy used a speech to say his party was facing up to "painful economic realities"": the
    parser takes "to say" for a complement controlled by "a speech"; the user of the speech says it."""
    assert _speaker_of(_speakers(nlp, "bbc_val_0169.txt"), "painful economic realities") == "Charles Kennedy"


def test_a_gerund_after_by_as_or_after_has_the_doer_of_the_verb_it_hangs_on(nlp):
    """bbc_heldout13: "Mr Mallon provoked fury by branding the official No Campaign "two-bit Tories""; bbc_heldout6:
    "… with Mr Dixon quoted as saying that the carrier could no longer afford to remain "all-Australian""; and not
    "despite": bbc_heldout8's "… despite recovering from a groin injury with Rovers boss Mark Hughes claiming it had
    been an "emotional and difficult time"" stays Mark Hughes's."""
    assert _speaker_of(_speakers(nlp, "bbc_train_1525.txt"), "two-bit Tories") == "Ray Mallon"
    assert _speaker_of(_speakers(nlp, "bbc_train_1420.txt"), "all-Australian") == "Geoff Dixon"
    assert _speaker_of(_speakers(nlp, "bbc_val_0050.txt"), "emotional and difficult time") == "Mark Hughes"


def test_what_someone_is_urged_to_say_is_in_the_urgers_words(nlp):
    """bbc_heldout48: "He urged the chancellor to admit he had been responsible for dragging "millions of people in
    to the net"": Michael Howard's words, not Gordon Brown's admission."""
    assert _speaker_of(_speakers(nlp, "bbc_train_1047.txt"), "millions of people in to the net") == "Michael Howard"


def test_a_full_name_in_apposition_wins_over_a_name_like_modifier(nlp):
    """bbc_heldout38: "The EU's Humanitarian Aid Commissioner, Louis Michel, was quoted as saying …": the NER calls
    "Humanitarian Aid" a person; the commissioner is Louis Michel."""
    assert _speaker_of(_speakers(nlp, "bbc_train_1174.txt"), "in those vital hours") == "Louis Michel"


def test_a_word_the_story_introduces_as_a_body_is_no_person(nlp):
    """bbc_heldout37: the NER calls Yukos a person throughout, but the story calls it "oil and gas giant Yukos";
    "…," the Russian president said is Vladimir Putin, not Yukos. bbc_heldout19: "Scott's company Scott Free" does
    not make Ridley Scott a body."""
    assert _speaker_of(_speakers(nlp, "bbc_val_0063.txt"), "Now the state, using market methods") == "Vladimir Putin"
    assert _speaker_of(_speakers(nlp, "bbc_train_1135.txt"), "thrilled") == "Ridley Scott"


def test_the_name_a_roles_subject_is_counts_as_a_subject(nlp):
    """bbc_heldout45: "The musical's British director is Matthew Warchus, best known for …. "…," he said": he is
    Matthew Warchus, not the composer named as a subject before."""
    assert _speaker_of(_speakers(nlp, "bbc_train_1224.txt"), "The production will be a hybrid") == "Matthew Warchus"


def test_a_title_and_surname_the_gazetteer_knows_whole_resolve_to_its_entity(nlp):
    """bbc_heldout45: "President Bush led the public tributes, saying …": "President Bush" is a gazetteer alias of
    George W. Bush, though "Bush" alone is not."""
    assert _speaker_of(_speakers(nlp, "bbc_train_0863.txt"), "had a profound influence") == "George W. Bush"


def test_a_participle_after_a_reported_clause_goes_on_with_the_reporter(nlp):
    """bbc_heldout46: "He denied fathers' activists had forced the changes, telling the BBC "…"" is Lord Falconer's;
    bbc_heldout37: in "Sullivan has said that Mr Ebbers ordered accounting adjustments …, telling him to "hit our
    books"" Ebbers tells him."""
    assert _speaker_of(_speakers(nlp, "bbc_train_0963.txt"), "there is a recognition") == "Lord Falconer"
    assert _speaker_of(_speakers(nlp, "bbc_train_0183.txt"), "hit our books") == "Bernie Ebbers"


def test_an_unnamed_source_who_declined_to_say_is_the_next_he(nlp):
    """bbc_heldout46: "Tony Blair's official spokesman declined to say whether the prime minister backed the plans.
    He said: "…"": he is the spokesman, whose reporting verb is the complement of "declined"."""
    quote = _quote(_speakers(nlp, "bbc_train_0823.txt"), "What's important is that there's a process")
    assert (quote.speaker.name, quote.speaker.type) == ("Tony Blair's official spokesman", "anonymous")


def test_an_inverted_lead_in_and_a_quote_someone_questions(nlp):
    """bbc_heldout44: "Said Williams: "When this opportunity presented itself, …"" is Andy Williams's;
    bbc_heldout20: "The AFI also questioned "the long-term viability of evening news broadcasts"" is the American
    Film Institute's."""
    assert _speaker_of(_speakers(nlp, "bbc_val_0214.txt"), "When this opportunity presented itself") == "Andy Williams"
    assert _speaker_of(_speakers(nlp, "bbc_train_1247.txt"), "the long-term viability") == "American Film Institute"


def test_an_office_the_gazetteer_knows_is_the_one_holder_the_story_names(nlp):
    """bbc_heldout21: "The chancellor would not comment on the reports, but insisted he would not be "diverted or
    distracted"" is Gordon Brown, whom the story names; bbc_heldout15: "The mayor accused Oliver Finegold … of
    "doorstepping" him" is Ken Livingstone; bbc_heldout24: "The shadow chancellor said Mr Brown's "golden rule" had
    "turned to dross"" is Oliver Letwin, the whole office, not the chancellor."""
    assert _speaker_of(_speakers(nlp, "bbc_train_1287.txt"), "diverted or distracted") == "Gordon Brown"
    assert _speaker_of(_speakers(nlp, "bbc_train_0906.txt"), "doorstepping") == "Ken Livingstone"
    assert _speaker_of(_speakers(nlp, "bbc_train_1389.txt"), "turned to dross") == "Oliver Letwin"


def test_a_gerund_clause_does_not_climb_into_a_passive_verb(nlp):
    """bbc_heldout49: "The draft Directive is being put through the council as what is called an "A" item": the
    directive is put through, it calls nothing; the term stays unknown."""
    assert _speakers(nlp, "bbc_val_0092.txt")["A"].speaker.type == "unknown"


def test_a_full_name_written_once_without_its_hyphen_is_the_storys_hyphenated_name(nlp):
    """bbc_heldout49: a reader's "Robert Kilroy Silk" does not rename the "Robert Kilroy-Silk" the story gives more
    often: "He said he was ashamed to be a member of a UKIP whose leadership had "gone AWOL"" is his."""
    assert _speaker_of(_speakers(nlp, "bbc_train_0840.txt"), "gone AWOL") == "Robert Kilroy-Silk"


def test_a_name_whose_who_clause_reports_is_a_subject_for_she(nlp):
    """bbc_heldout49: "It is also a debut nomination for Staunton, 49, who told BBC News 24 she had not thought …
    "…," she said" is Imelda Staunton, not the actress named as a subject before."""
    assert _speaker_of(_speakers(nlp, "bbc_train_0395.txt"), "It was an extraordinary time") == "Imelda Staunton"


def test_a_quoted_verb_is_its_subjects_word(nlp):
    """bbc_heldout50: 'Richard Thomas "totally condemned" the deletion of e-mails'; not 'it should "invest" in
    music' (bbc_heldout28), whose subject is a pronoun."""
    assert _speaker_of(_speakers(nlp, "bbc_val_0254.txt"), "totally condemned") == "Richard Thomas"
    assert _speakers(nlp, "bbc_train_1554.txt")["invest"].speaker.type == "unknown"


def test_a_quote_running_straight_into_an_attributed_quote_is_the_same_speakers(nlp):
    """bbc_heldout37: '"When we did the first HD version of Star Wars Episode I, …" "In the HD version of Episode I,
    all these make-up lines showed up," explains Mr Dean.' (the corpus lost its paragraph breaks); but not a quote
    that names the speaker of the next ('"But for … Dean Kiely, who made three tremendous saves, …" "…," admitted
    Kiely', bbc_heldout51)."""
    assert _speaker_of(_speakers(nlp, "bbc_val_0276.txt"), "When we did the first HD") == "Rick Dean"
    kiely = _speakers(nlp, "bbc_train_0392.txt")
    assert _speaker_of(kiely, "But for (Charlton goalkeeper)") is None


def test_a_surname_the_tagger_reads_as_an_adverb_after_the_reporting_verb(nlp):
    """bbc_heldout51: '"To take the lead and then to get penned back, it feels a little bit like a defeat," admitted
    Kiely.' (the parse makes "Kiely" an adverb of "admitted") is Dean Kiely, named in full in the story."""
    kiely = _speakers(nlp, "bbc_train_0392.txt")
    assert _speaker_of(kiely, "To take the lead") == "Dean Kiely"
    assert _speaker_of(kiely, "We'll kick on now") == "Dean Kiely"


def test_the_agent_of_a_passive_description_hung_on_the_label_after_as(nlp):
    """bbc_heldout37: 'Fletcher was described as a "consummate professional" by his friend and fellow broadcaster
    Michael Pointon' (the parse hangs "by …" on "professional"): Michael Pointon's words, not Fletcher's."""
    assert _speaker_of(_speakers(nlp, "bbc_train_0958.txt"), "consummate professional") == "Michael Pointon"


def test_a_first_name_ending_in_s_before_a_double_surname_is_kept(nlp):
    """bbc_heldout54: "Charles Saumarez Smith, the gallery's director" and later "Mr Saumarez Smith said": one man,
    named in full, not a headline's plural ("Spurs Jermain Defoe") cut from the name; so is bbc_heldout56's "Hans
    Arne Kristiansen, a spokesman for the Danish Dairy Board" ("… ," Mr Kristiansen said)."""
    assert _speaker_of(_speakers(nlp, "bbc_train_1253.txt"), "The exceptional quality") == "Charles Saumarez Smith"
    assert _speaker_of(_speakers(nlp, "bbc_train_0430.txt"), "It would cost millions") == "Hans Arne Kristiansen"


def test_an_acronym_with_an_ampersand_and_a_first_name_after_a_closed_quote(nlp):
    """bbc_heldout53: "the UN's Food & Agriculture Organisation has warned. Trade barriers and subsidies "severely"
    distort the market, the FAO report … said": the FAO is named in full; '… far too long." Rhodri Glyn Thomas, Plaid
    Cymru health spokesman said' is Rhodri Glyn Thomas, whose first name the NER left out."""
    assert _speaker_of(_speakers(nlp, "bbc_train_0705.txt"), "severely") == "Food & Agriculture Organisation"
    assert _speaker_of(_speakers(nlp, "bbc_train_0257.txt"), "It's exactly the same target") == "Rhodri Glyn Thomas"


def test_the_source_named_after_according_to_is_a_subject_for_he(nlp):
    """bbc_heldout53: "…, according to John Houlihan, editor of the Computerandvideogames.com magazine. "It's a very,
    very competitive price point …," he says." is John Houlihan's; so is bbc_heldout49's "That way, Mr Yushchenko can
    go to the public …" Stuart Hensel's: "…, according to the Economist Intelligence Unit's Mr Hensel. But he
    warned …"."""
    assert _speaker_of(_speakers(nlp, "bbc_train_0746.txt"), "It's a very, very competitive") == "John Houlihan"
    assert _speaker_of(_speakers(nlp, "bbc_train_0137.txt"), "That way, Mr Yushchenko") == "Stuart Hensel"


def test_a_double_first_name_makes_a_name_the_ner_calls_a_body_a_person(nlp):
    """bbc_heldout52: "England coach Sven-Goran Eriksson" (an organisation throughout to the NER) is a person's full
    name, so '"Shaun Wright-Phillips will probably start the game," said Eriksson.' is Sven-Goran Eriksson's."""
    quotes = _speakers(nlp, "bbc_train_0244.txt")
    assert _speaker_of(quotes, "Shaun Wright-Phillips will probably") == "Sven-Goran Eriksson"
    assert quotes[next(t for t in quotes if t.startswith("I could tell you"))].speaker.type == "person"


def test_a_first_name_the_ner_takes_for_a_nationality_still_opens_a_full_name(nlp):
    """bbc_heldout50: "would consider signing Adrian Mutu" ("Adrian" a nationality to the NER, "Mutu" an
    organisation): "But Mutu has hit out at the club's decision, saying: "Chelsea have destroyed me."" is his."""
    assert _speaker_of(_speakers(nlp, "bbc_train_0146.txt"), "Chelsea have destroyed me") == "Adrian Mutu"


def test_a_surname_the_ner_calls_a_body_before_a_whose_clause_is_the_person(nlp):
    """bbc_heldout43: "Size, whose New Forms album won the 1997 Mercury Music Prize, said gun use was "nothing to be
    glamorised"" is Roni Size's, named in full before, though the NER calls "Size" an organisation."""
    assert _speaker_of(_speakers(nlp, "bbc_train_0643.txt"), "nothing to be glamorised") == "Roni Size"


def test_a_subject_inside_the_quote_does_not_hide_the_name_after_it(nlp):
    """bbc_heldout52: '"Under the Elite Player Squad agreement, England wanted a second opinion, which they can do,"
    director of rugby Nigel Melville told the Gloucester Citizen.' (the parse makes "opinion", inside the quote, the
    subject of "told") is Nigel Melville's, and so is the quote after it."""
    quotes = _speakers(nlp, "bbc_train_0382.txt")
    assert _speaker_of(quotes, "Under the Elite Player Squad") == "Nigel Melville"
    assert _speaker_of(quotes, "They obviously want him") == "Nigel Melville"


def test_a_full_name_in_commas_closing_a_role_subject_is_its_apposition(nlp):
    """bbc_heldout34: "But director of the Victims of Crime Trust, Norman Brennan, accused Lord Woolf of having an
    "arrogant contempt for victims of crime …"" (the parse hangs the name on "Trust") is Norman Brennan's."""
    assert _speaker_of(_speakers(nlp, "bbc_train_1010.txt"), "arrogant contempt") == "Norman Brennan"


def test_the_one_person_a_sentence_without_a_person_subject_names_is_he(nlp):
    """bbc_heldout53: "But that was not enough for Mr Sarkozy. "If the Americans were to change their policy, …," he
    said." is Nicolas Sarkozy's, not John Snow's, the subject before; bbc_heldout47: "… grew out of medical research
    done by the company's research director Dr Alastair Sibbald. "We are basically trying to fool your ears …"" is
    Alastair Sibbald's. But not a person named beside a pronoun for someone else (bbc_heldout15: "Physio sessions
    with Johnston McEvoy in Limerick have been a vital part of his recovery. "Johnston uses …"" is Jamie Costin's)."""
    assert _speaker_of(_speakers(nlp, "bbc_train_0161.txt"), "If the Americans were to change") == "Nicolas Sarkozy"
    assert _speaker_of(_speakers(nlp, "bbc_train_0037.txt"), "We are basically trying") == "Alastair Sibbald"
    assert _speaker_of(_speakers(nlp, "bbc_train_0924.txt"), "Johnston uses an advanced") == "Jamie Costin"


def test_an_inverted_name_wins_over_the_next_he_said_in_a_run_on_sentence(nlp):
    """bbc_heldout55: '"I think fundamentally it's a good idea …," said Nick Ross, deputy labs editor at PC Pro. Apple's
    work on making things easy to use would also help the Mac mini win fans, he said.' (one sentence to the parser,
    "said Nick Ross" a clause of the later "he said") is Nick Ross's."""
    assert _speaker_of(_speakers(nlp, "bbc_train_0660.txt"), "I think fundamentally") == "Nick Ross"


def test_he_said_before_a_quote_follows_the_one_person_the_sentence_before_names(nlp):
    """bbc_heldout55: "One dissenting opinion came from Brian Gammage, vice-president of research at analysts Gartner.
    He said: "I don't think it changes the world."" is Brian Gammage's, not Ian Fogg's, who spoke before."""
    quotes = _speakers(nlp, "bbc_train_0660.txt")
    assert _speaker_of(quotes, "I don't think it changes the world") == "Brian Gammage"
    assert _speaker_of(quotes, "The PC world is a pile-em-high") == "Brian Gammage"


def test_a_name_followed_by_who_is_a_relative_clauses_subject_however_attached(nlp):
    """bbc_heldout55: "Ireland, despite having Gordon D'Arcy still out injured, have been boosted by the return of star
    skipper Brian O'Driscoll who missed the Scotland game …. "The knowledge …," he said" (the parse hangs "who
    missed" on "return") is Brian O'Driscoll's."""
    assert _speaker_of(_speakers(nlp, "bbc_train_1058.txt"), "The knowledge that the England") == "Brian O'Driscoll"


def test_a_description_after_a_he_sentence_is_that_he_not_a_person_named_in_passing(nlp):
    """bbc_heldout56: "He made a cameo appearance in 24 Hour Party People, in which his leading role was played by
    Steve Coogan. "I'm not an actor …," said the Factory Records founder" is Tony Wilson's ("he"), not Coogan's."""
    assert _speaker_of(_speakers(nlp, "bbc_train_0941.txt"), "I'm not an actor") == "Tony Wilson"


def test_a_plural_name_the_story_puts_after_the_is_a_group_not_a_he(nlp):
    """bbc_heldout45: "This idea has been adopted by the Lib Dems as policy …. Speaking at the London conference he
    said: "Generalised stereotypes …"" (the NER calls "the Lib Dems" a person) is Alan Johnson's."""
    assert _speaker_of(_speakers(nlp, "bbc_train_0453.txt"), "Generalised stereotypes") == "Alan Johnson"


def test_an_opening_role_is_the_person_the_next_sentence_names_as_its_subject(nlp):
    """bbc_heldout45: 'The "myth that ageing is a barrier" to contributing to society needs to be "exploded", the work
    and pensions minister has said. This was why the government was considering …, Alan Johnson said.'"""
    assert _speaker_of(_speakers(nlp, "bbc_train_0453.txt"), "myth that ageing") == "Alan Johnson"


def test_a_quote_goes_on_with_the_speaker_before_a_borrowed_phrase_nobody_is_given(nlp):
    """bbc_heldout45: after Alan Johnson's quote, "The government wanted to tackle this by moving to a culture where
    retirement ages were "increasingly consigned to the past". "We're sweeping them away …" is still his."""
    assert _speaker_of(_speakers(nlp, "bbc_train_0453.txt"), "We're sweeping them away") == "Alan Johnson"


def test_verbs_of_speaking_with_a_manner_report_their_subjects_words(nlp):
    """bbc_heldout45: '"Don't you care about the Inuit?", implored guitar-toting environmental campaigner Barry Lim.' and
    '"That was an total disaster. …," a crestfallen Mr Lim confided in the show's presenter' are Barry Lim's."""
    quotes = _speakers(nlp, "bbc_train_0638.txt")
    assert _speaker_of(quotes, "Don't you care about the Inuit") == "Barry Lim"
    assert _speaker_of(quotes, "That was an total disaster") == "Barry Lim"


def test_the_one_a_paper_quotes_is_the_source_not_the_paper(nlp):
    """bbc_heldout57: "London's Evening Standard quoted Mr Clarke telling Labour activists … that he wanted Britain to
    offer refuge …. "That's not only a moral duty …," he said." is Charles Clarke's, not the paper's."""
    assert _speaker_of(_speakers(nlp, "bbc_val_0021.txt"), "That's not only a moral duty") == "Charles Clarke"


def test_a_description_that_continues_is_the_one_who_just_spoke(nlp):
    """bbc_heldout58: 'Ferguson said: "He (Smith) would be the outstanding candidate …" The Man Utd boss continued: "I
    don't know what credentials are needed …"' is Alex Ferguson's, not Tommy Burns's, named before."""
    assert _speaker_of(_speakers(nlp, "bbc_val_0124.txt"), "I don't know what credentials") == "Alex Ferguson"


def test_a_sentence_about_someone_described_does_not_lead_into_the_one_it_names(nlp):
    """bbc_heldout57: "The previous day, the Olympic champion went down 6-2 7-5 to France's Nathalie Dechy. "I have to
    be positive …," she said." is Justine Henin-Hardenne's (the champion), not Dechy's."""
    assert _speaker_of(_speakers(nlp, "bbc_train_0318.txt"), "I have to be positive") == "Justine Henin-Hardenne"



def _words(text: str) -> set[str]:
    """Words with accents and punctuation taken off ("José" is "Jose"; "O' Neill" and "O'Neill" are "O", "Neill")."""
    return set(re.findall(r"\w+", unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()))


def test_gold_names_people_only_as_their_articles_do(evaluation):
    """ANNOTATION.md's rule for BBC gold: a person's name is the fullest form the article gives, from the article
    alone (or the gazetteer's canonical name). Outside knowledge, a first name the story never writes, was found
    in five articles and corrected (tests/gold/README.md: "Rick Parry" for the "Parry" of bbc_train_0627)."""
    for gold_file in sorted(p.name for p in GOLD.glob("bbc*.jsonl")):
        for record in gold_records(gold_file):
            words = _words(html.unescape(gold_article_path(record["doc"]).read_text(encoding="utf-8")))
            for quote in record["quotes"]:
                if quote["speaker_type"] == "person" and evaluation.canonical(quote["speaker"]) is None:
                    missing = _words(quote["speaker"]) - words
                    assert not missing, (gold_file, record["doc"], quote["speaker"], missing)
                # one name per person: a knight is named without "Sir" everywhere ("Alex Ferguson" in 17 quotes
                # before heldout58), as the attribution does; a peer keeps "Lord", which replaces the name
                assert not (quote["speaker"] or "").startswith(("Sir ", "Dame ")), (gold_file, record["doc"])
                # nor is an honorific part of a name: "Mr Howard" of a story that never gives his first name is
                # "Howard", as "Parry" is
                if quote["speaker_type"] == "person":
                    assert (quote["speaker"] or "").split()[0] not in ("Mr", "Mrs", "Ms", "Miss", "Dr"), \
                        (gold_file, record["doc"], quote["speaker"])


def test_a_body_introduced_in_full_keeps_its_full_name(nlp):
    """News gives a body's full name first and shortens it after: "Nortel Networks has fired …. Nortel said …"
    (bbc_heldout26), "Cairn Energy … Cairn said" (bbc_heldout55) and "the Committee to Protect Bloggers … The
    Committee" (bbc_heldout51) are the full names, as the gold gives them; "IAAF Greek", where the NER ran an
    adjective into the name, does not make every "IAAF" of the story "IAAF Greek" (bbc_heldout18)."""
    nortel = _speakers(nlp, "bbc_val_0304.txt")
    assert _speaker_of(nortel, "these members of the core executive team") == "Nortel Networks"
    assert _speaker_of(_speakers(nlp, "bbc_train_0734.txt"), "very strong results") == "Cairn Energy"
    assert _speaker_of(_speakers(nlp, "bbc_train_0743.txt"), "cyber-dissidents") == "Committee to Protect Bloggers"
    assert _speaker_of(_speakers(nlp, "bbc_train_1110.txt"), "There will be a final right of appeal") == "IAAF"


def test_a_lead_in_subject_named_in_apposition(nlp):
    """bbc_heldout31: "His friend, Saxon Spence, leader of Devon county Labour group, lays the blame …. “You cannot
    underestimate …”" is Saxon Spence's, not the "his" (Tony Blair) the friend belongs to."""
    assert _speaker_of(_speakers(nlp, "bbc_train_0314.txt"), "You cannot underestimate") == "Saxon Spence"


def test_someone_introduced_by_a_first_name_alone(nlp):
    """bbc_heldout38: "… one blog EverQuest Daily Grind. Jane, who runs the website, compiles a chronicle …. “…,” she
    said": Jane, whom the story introduces by her first name, not the blog the NER takes for a person."""
    assert _speaker_of(_speakers(nlp, "bbc_train_0583.txt"), "I am actually convinced") == "Jane"


def test_a_headline_surname_run_into_the_body_is_no_name(nlp):
    """bbc_heldout59: "Chelsea sack Mutu Chelsea have sacked Adrian Mutu …": "Mutu Chelsea" is the headline's last
    word and the body's first, not a person whose surname makes every "Chelsea" of the story a man."""
    quotes = _speakers(nlp, "bbc_train_0591.txt")
    assert _speaker_of(quotes, "This applies to both performance-enhancing drugs") == "Chelsea"
    assert "Mutu Chelsea" not in {q.speaker.name for q in quotes.values()}


def test_a_place_named_in_passing_is_no_it_that_speaks(nlp):
    """bbc_heldout59: "… the White City redevelopment scheme in west London - were performing strongly. … Multiplex
    will have to win legal claims …. “Multiplex believes its claim are sound …,” it said" is the firm's, not
    London's."""
    quotes = _speakers(nlp, "bbc_val_0071.txt")
    assert _speaker_of(quotes, "Multiplex believes its claim") == "Multiplex Group"
    assert _speaker_of(quotes, "It is expected that profits") == "Multiplex Group"


def test_a_body_and_a_role_the_ner_ran_into_a_name(nlp):
    """bbc_heldout60: "Barcelona star Ronaldinho admitted: “…”", one organisation to the NER, is Ronaldinho."""
    quotes = _speakers(nlp, "bbc_train_0177.txt")
    ronaldinho = quotes[next(t for t in quotes if t.startswith("I think that it is going to be a difficult match"))]
    assert ronaldinho.speaker.name == "Ronaldinho" and ronaldinho.speaker.type == "person"


def test_a_surname_with_an_elided_particle_is_part_of_the_name(nlp):
    """bbc_heldout62: "…, Cardinal Cormac Murphy-O'Connor has said. … The cardinal said …" is Cormac Murphy-O'Connor's
    throughout, not "Cormac Murphy": "O'Connor" is one name word, though not all letters."""
    cardinal = _speakers(nlp, "bbc_val_0271.txt")
    assert _speaker_of(cardinal, "make history poverty") == "Cormac Murphy-O'Connor"
    assert _speaker_of(cardinal, "How is it that peace has not arrived") == "Cormac Murphy-O'Connor"


def test_a_name_the_story_gives_with_an_honorific_is_a_person(nlp):
    """bbc_heldout62: "The Fabian Society's Sundar Katwala said …" (a building to the NER) goes on as "Mr Katwala
    added: …": a person, whose full name the later quotes take."""
    katwala = _speakers(nlp, "bbc_train_0637.txt")
    assert katwala[next(t for t in katwala if t.startswith("long overdue"))].speaker.type == "person"
    assert _speaker_of(katwala, "This is long overdue. Parliament") == "Sundar Katwala"


def test_a_role_in_a_body_described_refers_back_to_the_one_named(nlp):
    """bbc_heldout62: "The Fabian Society's Sundar Katwala said … The political reform group's general secretary told
    BBC Radio 4 …" and bbc_heldout49: "… Oxfam's Barbara Stocking said. “…,” the charity's director added": the
    person just named, not an unnamed source."""
    katwala = _speakers(nlp, "bbc_train_0637.txt")
    assert _speaker_of(katwala, "very out-dated features") == "Sundar Katwala"
    assert _speaker_of(_speakers(nlp, "bbc_train_0976.txt"), "2005 offers the chance") == "Barbara Stocking"
    # a body's office is still the body: "The prime minister's office said auditors had found “…”"
    office = _speakers(nlp, "bbc_train_1540.txt")
    assert office[next(t for t in office if t.startswith("irregularities"))].speaker.type == "organization"


def test_a_person_a_who_clause_tells_about_is_the_one_the_story_follows(nlp):
    """bbc_heldout62: "None more so than Henson, who can now expect … The confident 23-year-old is undaunted …. “I'm
    the sort of player who likes pressure on me,” he said." is Gavin Henson's, not the coach quoted before; but
    bbc_heldout40's "McClaren also praised winger Stewart Downing and …, who both ended barren runs …. He added:" is
    still McClaren's."""
    assert _speaker_of(_speakers(nlp, "bbc_train_1081.txt"), "I'm the sort of player") == "Gavin Henson"
    assert _speaker_of(_speakers(nlp, "bbc_train_0778.txt"), "If Stewart keeps playing") == "Steve McClaren"


def test_a_role_word_inside_a_quote_names_no_role(nlp):
    """bbc_heldout61: 'Lewsey added: "One of the Irish players scooped it back …" … Cueto was also puzzled …. "I don't
    think I could have been offside …," said the Sale player.' The speaker's own words give Lewsey no role of
    "player": the Sale player is Mark Cueto, the one the story has turned to."""
    assert _speaker_of(_speakers(nlp, "bbc_train_0105.txt"), "I don't think I could have been offside") == "Mark Cueto"


def test_according_to_names_the_source_of_the_sentence(nlp):
    """bbc_heldout61: 'According to Mandaric, Redknapp vowed he would not join their South coast rivals …. "I said to
    Harry …," he said.' The one who goes on speaking is the source, Milan Mandaric, not Harry Redknapp."""
    assert _speaker_of(_speakers(nlp, "bbc_train_0458.txt"), "I said to Harry") == "Milan Mandaric"


def test_a_demonstrative_description_refers_back_and_a_name_before_its_verb_is_its_subject(nlp):
    """bbc_heldout61: "the 101-year-old Torao Toshitsune" (a building to the NER) is "Mr Toshitsune" after, so a
    person; "this remarkably active senior citizen reveals what his next goal is: “…”" refers back to him; and in
    "On the outskirts of Kyoto, 83-year-old Yuji Shimizu contemplates … “…,” he remarks" (the parser hangs the name
    on Kyoto) Shimizu is the subject whom "he" follows, not Mr Toshitsune."""
    japan = _speakers(nlp, "bbc_train_0677.txt")
    assert _speaker_of(japan, "Well, what's most important for me") == "Torao Toshitsune"
    assert _speaker_of(japan, "I think this is because the food industry") == "Yuji Shimizu"


def test_a_term_in_a_sentence_given_according_to_someone_is_theirs(nlp):
    """bbc_heldout7: 'Nathan Barley will be "a character-driven comedy", according to Charlie Brooker' is his term;
    bbc_heldout52: 'The biggest culprit, according to the EPA, is the innocuous power adaptor, nicknamed "energy
    vampires"' is a nickname someone unnamed gave, nobody's."""
    assert _speaker_of(_speakers(nlp, "bbc_val_0123.txt"), "a character-driven comedy") == "Charlie Brooker"
    assert _speaker_of(_speakers(nlp, "bbc_train_0817.txt"), "energy vampires") is None


def test_a_role_joined_to_another_before_a_name_is_not_that_name(nlp):
    """bbc_heldout62: "Both the Cardinal and Archbishop of Canterbury Dr Rowan Williams appealed …. On Friday, the
    Cardinal will ask …. “It is possible …,” he will say." The cardinal is Cormac Murphy-O'Connor, not the one named
    after "and"."""
    assert _speaker_of(_speakers(nlp, "bbc_val_0271.txt"), "It is possible, it is real") == "Cormac Murphy-O'Connor"


def test_a_quotation_mark_typed_twice_opens_one_quote(nlp):
    """bbc_heldout62: 'Verizon is set to pay an ""unconscionable, unfair and grossly inadequate" sum for MCI': the
    doubled mark opens the quote, which ends at its closing mark (not at the next quote's opening)."""
    quotes = _speakers(nlp, "bbc_train_0938.txt")
    assert "unconscionable, unfair and grossly inadequate" in quotes
    assert not any(text.startswith("sum for MCI") for text in quotes)


def test_paragraph_breaks_do_not_change_who_speaks(nlp, layouts):
    """bbc_heldout47: 'Sonaptic hopes the technology will have a big impact …. "Handhelds often have limitations …"'
    goes on with David Monteith, quoted before the writer's sentence. The BBC corpus has no paragraph breaks; laid
    out with a paragraph per quote, the same story must keep every speaker."""
    text = parse_article(gold_article_path("bbc_train_0037.txt").read_bytes()).text
    laid_out = layouts.paragraphs(text)
    assert laid_out.count("\n\n") >= 5
    flat = {q.text: q.speaker.name for q in extract_quotes(nlp(text))}
    paragraphs = {q.text: q.speaker.name for q in extract_quotes(nlp(laid_out))}
    assert paragraphs == flat
    assert paragraphs[next(t for t in paragraphs if t.startswith("Handhelds often"))] == "David Monteith"


def test_curly_quotation_marks_do_not_change_who_speaks(nlp, layouts):
    """bbc_heldout43: '"Internal and external economic conditions are likely to remain unfavourable in 2005," the
    Finance and Economy Ministry said'. With curly marks the model used to read the marks' shapes as new words and
    cut the ministry's name to "Economy Ministry"; the same story must keep every speaker whichever marks it uses."""
    text = parse_article(gold_article_path("bbc_val_0072.txt").read_bytes()).text
    curly = layouts.curly(text)
    assert '"' not in curly and curly.count("“") == text.count('"') // 2
    straight = {q.text: q.speaker.name for q in extract_quotes(nlp(text))}
    assert {q.text: q.speaker.name for q in extract_quotes(nlp(curly))} == straight
    assert straight[next(t for t in straight if t.startswith("Internal and external"))] == "Finance and Economy Ministry"


def test_a_surname_the_ner_takes_for_a_day_is_still_a_name(nlp):
    """bbc_heldout63: "Mike Friday's England side …. "To be honest, England have wanted to win in Dubai …," said
    Friday." The NER calls the surname a date; after a first name it is the coach's name."""
    assert _speaker_of(_speakers(nlp, "bbc_train_0730.txt"), "To be honest, England have wanted") == "Mike Friday"


def test_a_name_closing_the_noun_phrase_before_a_subjectless_verb_is_the_speaker(nlp):
    """bbc_heldout52: '"We are increasingly finding companies …," the EPA's Andrew Fanara said.' The parser hangs
    the words between the closing mark and "said" on the quote; the phrase is one noun phrase, and its head, the
    person's name at its end, is the speaker, not the agency that opens it."""
    quotes = _speakers(nlp, "bbc_train_0817.txt")
    assert _speaker_of(quotes, "We are increasingly finding companies") == "Andrew Fanara"


def test_he_after_a_described_main_subject_is_that_one(nlp):
    """bbc_heldout52: "The MP for Sittingbourne and Sheppey said Prime Minister Tony Blair had been "trying very hard"
    …. But Mr Blair had been "hurt" by the Iraq controversy, he added." "he" is the MP the main clause describes
    (Derek Wyatt), not the Prime Minister named in what he reports."""
    assert _speaker_of(_speakers(nlp, "bbc_val_0166.txt"), "hurt") == "Derek Wyatt"
