"""The spaCy pipeline factory: the small English model plus the gazetteer EntityRuler.

Load it once per process with `get_nlp()`; extraction components read the parsed Doc and return plain records.
"""

from __future__ import annotations

import re
from functools import lru_cache

import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import compile_suffix_regex, filter_spans

from ..config import MODEL_NAME
from .gazetteer import load_gazetteer
from .names import (
    GENERATIONAL_SUFFIXES,
    PERSONAL_HONORIFICS,
    POST_NOMINALS,
    TITLES,
    could_be_first_name,
    is_english_word,
)
from .speaker_words import ORG_NAME_WORDS


@Language.component("paragraph_boundaries")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A line break always ends a sentence: paragraphs, titles and captions never run into each other."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
    return doc


# Titles, and the styles that come before a cleric's ("the Rt Rev Dr Tom Wright")
_TITLE_WORDS = TITLES | {"rt", "right", "very", "most", "revd"}


@Language.component("honorific_names")
def honorific_names(doc: Doc) -> Doc:
    """An honorific inside an entity starts a person's name: the NER ran "the Foreign Policy Centre Mr Straw" into
    one organisation; it is the centre and Mr Straw. Letters after a name end it ("Guy Mansfield QC")."""
    entities = []
    for ent in doc.ents:
        if _ends_in_post_nominal(ent):
            # "Guy Mansfield QC" (the NER called it an organisation): the person, without the letters
            entities.append(Span(doc, ent.start, ent.end - 1, label="PERSON"))
            continue
        before = entities[-1] if entities else None
        if before is not None and before.label_ == "PERSON" and ent.label_ == "PERSON" and before.end == ent.start \
                and all(t.pos_ == "DET" or t.text.rstrip(".").lower() in _TITLE_WORDS for t in before) \
                and any(t.pos_ != "DET" for t in before):
            # "the Rt Rev Dr" + "Tom Wright": titles the NER split from the name they open
            start = next(t.i for t in before if t.pos_ != "DET")
            entities[-1] = Span(doc, start, ent.end, label="PERSON")
            continue
        cut = next((k for k in range(1, len(ent) - 1)
                    if ent[k].text.rstrip(".") in PERSONAL_HONORIFICS and ent[k + 1].text[:1].isupper()), None)
        if cut is None:
            entities.append(ent)
            continue
        if any(t.pos_ != "DET" for t in ent[:cut]):
            entities.append(Span(doc, ent.start, ent.start + cut, label=ent.label_))
        entities.append(Span(doc, ent.start + cut, ent.end, label="PERSON"))
    doc.ents = entities
    return doc


@Language.component("place_led_bodies")
def place_led_bodies(doc: Doc) -> Doc:
    """A place the gazetteer tagged that leads a body's name is part of it: "the UK Independence Party" is one
    party, not the UK and an "Independence Party"."""
    merged = []
    for ent in doc.ents:
        before = merged[-1] if merged else None
        if before is not None and before.label_ == "GPE" and before.end == ent.start and ent.label_ == "ORG" \
                and ent[-1].lower_ in ORG_NAME_WORDS and before.root.head.i in range(ent.start, ent.end):
            merged[-1] = Span(doc, before.start, ent.end, label="ORG")
            continue
        merged.append(ent)
    doc.ents = merged
    return doc


# What the NER may call a person's name by mistake ("The Fabian Society's Sundar Katwala" as a building)
_MISTAKABLE_LABELS = {"ORG", "FAC", "GPE", "LOC", "PRODUCT", "WORK_OF_ART"}


@Language.component("honorific_people")
def honorific_people(doc: Doc) -> Doc:
    """A name the story gives with an honorific elsewhere is a person's: "Sundar Katwala", which the NER calls a
    building, is a person when the story goes on to write "Mr Katwala". Only a first name and a surname (two or three
    capitalised words, the first a first name or no English word: "Torao Toshitsune"), with no body's word ("Mr
    Brown" makes no person of "Brown University")."""
    honoured = {doc[t.i + 1].text for t in doc[:-1] if t.text.rstrip(".") in PERSONAL_HONORIFICS}
    if not honoured:
        return doc
    relabelled = [
        Span(doc, ent.start, ent.end, label="PERSON") if ent.label_ in _MISTAKABLE_LABELS and 2 <= len(ent) <= 3
        and ent[-1].text in honoured and all(t.pos_ == "PROPN" and t.text.istitle() and t.is_alpha for t in ent)
        and len(ent[0]) > 1 and (could_be_first_name(ent[0].text) or not is_english_word(ent[0].lower_))
        and not any(t.lower_ in ORG_NAME_WORDS for t in ent) else ent
        for ent in doc.ents]
    doc.ents = relabelled
    return doc


_INITIAL = re.compile(r"[A-Z]\.")


@Language.component("generational_names")
def generational_names(doc: Doc) -> Doc:
    """A first name, more capitalised words and a generational suffix are a person's name, the suffix included:
    "Rep. Emanuel Cleaver II (D-Mo.) said". The NER reads "II" as a number and labels the name short, or not at all."""
    found = []
    for token in doc:
        if token.text not in GENERATIONAL_SUFFIXES:
            continue
        start = token.i
        while start > 0 and (doc[start - 1].is_alpha and doc[start - 1].is_title or _INITIAL.fullmatch(
                doc[start - 1].text)) and doc[start - 1].text.rstrip(".").lower() not in _TITLE_WORDS:
            start -= 1
        if token.i - start >= 2 and could_be_first_name(doc[start].text) \
                and not any(t.lower_ in ORG_NAME_WORDS for t in doc[start:token.i]):
            found.append(Span(doc, start, token.i + 1, label="PERSON"))
    if found:
        doc.ents = filter_spans([*found, *doc.ents])
    return doc


_DOUBLE_MARKS = {'"', "“", "”", "''"}


@Language.component("no_titles_after_quotes")
def no_titles_after_quotes(doc: Doc) -> Doc:
    """A title is quoted, so what follows a closing quotation mark is none: in '“Your reputation is amazing,” Trump
    assured Jones' and '“…,” Toshack said' the NER takes "Trump assured Jones" and "Toshack" for works of art. The
    label is dropped (the speaker's name is then read as a bare proper noun); "the Beige Book said" keeps it."""
    kept = [ent for ent in doc.ents if not (
        ent.label_ == "WORK_OF_ART" and ent.start > 0 and doc[ent.start - 1].text in _DOUBLE_MARKS
        and doc[ent.start - 1].whitespace_ and ent[0].pos_ == "PROPN")]
    if len(kept) < len(doc.ents):
        doc.ents = kept
    return doc


def _ends_in_post_nominal(ent: Span) -> bool:
    """A name of two or more capitalised words and then letters such as "QC" or "MP", not a body's name."""
    name = ent[:-1]
    return len(ent) >= 3 and ent[-1].text.isupper() and ent[-1].lower_ in POST_NOMINALS \
        and all(t.pos_ == "PROPN" and t.text.istitle() for t in name) \
        and not any(t.lower_ in ORG_NAME_WORDS for t in name)


def build_nlp(model: str = MODEL_NAME) -> Language:
    nlp = spacy.load(model)
    nlp.add_pipe("paragraph_boundaries", before="parser")
    nlp.add_pipe("honorific_names", after="ner")
    nlp.add_pipe("place_led_bodies", after="honorific_names")
    nlp.add_pipe("honorific_people", after="place_led_bodies")
    nlp.add_pipe("generational_names", after="honorific_people")
    nlp.add_pipe("no_titles_after_quotes", after="generational_names")
    # British hyphenated spellings stay one word, like their American twins ("co-ordination", "coordination").
    for word in ("co-ordination", "co-operation", "co-ordinate", "co-operate", "co-ordinated", "co-operated"):
        for variant in (word, word.capitalize()):
            nlp.tokenizer.add_special_case(variant, [{ORTH: variant}])
    # A full stop after a mixed-case word ending in capitals ends the sentence ("… than one for a PhD. Prassana
    # Rambathla says"); spaCy splits it only after a lower-case letter, and all-capital abbreviations keep theirs.
    mixed_case_stops = [rf"(?<=[a-z][A-Z]{{{n}}})\." for n in (1, 2, 3)]
    nlp.tokenizer.suffix_search = compile_suffix_regex([*nlp.Defaults.suffixes, *mixed_case_stops]).search
    # Curly double quotation marks give the model the word features of straight ones (their norm already is '"';
    # now their prefix and suffix are too), so a story parses alike whichever marks its outlet types: the NER no
    # longer cuts '…,” the Finance and Economy Ministry said' to "Economy Ministry". (Their shape stays: with it, a
    # closing mark before a paragraph break became a sentence of its own.)
    for mark, straight in (("“", '"'), ("”", '"'), ("„", '"')):
        lexeme = nlp.vocab[mark]
        lexeme.prefix_, lexeme.suffix_ = straight, straight
    gazetteer = load_gazetteer()
    # Before the statistical NER so that gazetteer spans win ("Kyiv" is a place, not a PERSON).
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True, "validate": False})
    ruler.add_patterns(gazetteer.ruler_patterns())
    nlp.meta["newsfacts_gazetteer_version"] = gazetteer.version
    # Articles can be long; the parser's memory is the limit, not this number.
    nlp.max_length = 5_000_000
    return nlp


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    return build_nlp()
