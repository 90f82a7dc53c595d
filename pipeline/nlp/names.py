"""Person names as news writes them: titles, honorifics, possessives, particles, and the run of words a name is."""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

_HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Lady|Dame|Baroness|Prof)\.?\s+")
_POSSESSIVE = re.compile(r"\s*[’']s?$")

TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "prof", "professor", "president", "chancellor",
    "minister", "secretary", "senator", "governor", "mayor", "general", "king", "queen", "prince", "princess",
    "pope", "judge", "coach", "captain", "chairman", "premier", "vice", "prime", "foreign", "defence", "defense",
    "state", "us", "u.s.", "uk", "russian", "ukrainian", "american", "british", "french", "german",
    "baroness", "baron", "dame", "earl", "duke", "duchess", "rev", "reverend", "bishop", "archbishop", "cardinal",
    "exchequer", "commons",  # the end of an office ("Chancellor of the Exchequer Gordon Brown")
    "tory", "labour", "conservative", "republican", "democrat",  # a party before a name ("Tory Liam Fox")
    # American forms: "Rep. Emanuel Cleaver", "Sen. Elizabeth Warren", "Gov. Mike Pence", "SEC Chair Mary Jo White"
    "rep", "sen", "gov", "chair", "chairwoman", "congressman", "congresswoman", "lt", "gen", "col", "sgt",
    "speaker",  # "House Speaker Paul D. Ryan", "Commons Speaker Michael Martin"
}


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """English first names (data/given_names.json: Moby Word II's lists, public domain)."""
    text = resources.files("pipeline.nlp").joinpath("data/given_names.json").read_text(encoding="utf-8")
    return frozenset(json.loads(text)["names"])


@lru_cache(maxsize=1)
def world_given_names() -> dict[str, str]:
    """First names ranked in the top 6,000 of some country, each with "m", "f" or "" (no clear gender)
    (data/world_given_names.json, from names-dataset)."""
    text = resources.files("pipeline.nlp").joinpath("data/world_given_names.json").read_text(encoding="utf-8")
    return json.loads(text)["names"]


def first_name_gender(name: str) -> str | None:
    """The gender most bearers of a full name's first name share ("Imelda Staunton": f), if they clearly do."""
    words = name.split()
    return (world_given_names().get(words[0]) or None) if len(words) > 1 and " and " not in name else None


def could_be_first_name(word: str) -> bool:
    """An English or a worldwide first name, or initials ("JK Rowling"); a double first name is one when both its
    halves are ("Sven-Goran", "Jean-Pierre")."""
    if "-" in word.strip("-"):
        return all(could_be_first_name(part) for part in word.split("-"))
    return _is_given_name(word) or word in world_given_names() or (word.isupper() and word.isalpha())


# Honorifics a person's name follows ("Mr Straw", "Dr. Gibbons"), written without their full stop
PERSONAL_HONORIFICS = frozenset({"Mr", "Mrs", "Ms", "Miss", "Dr"})


# Suffixes that end a person's name and no other ("Emanuel Cleaver II", "Robert John Dougherty III")
GENERATIONAL_SUFFIXES = frozenset({"Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV"})


NAME_PARTICLES = {"de", "den", "der", "van", "von", "da", "di", "du", "la", "le", "bin", "al", "el", "dos", "del"}


# Role words that end a title written before a name: "Finance Minister Sue Essex", "Bolton boss Sam Allardyce".
ROLE_WORDS = TITLES | {
    "minister", "secretary", "chancellor", "director", "manager", "coach", "boss", "chief", "spokesman", "spokeswoman",
    "spokesperson", "chairman", "chairwoman", "executive", "mp", "mep", "msp", "mla", "leader", "captain", "presenter",
    "host", "editor", "founder", "correspondent", "analyst", "economist", "striker", "midfielder", "defender",
    "goalkeeper", "keeper", "winger", "star", "singer", "actor", "actress", "officer", "commissioner", "ambassador",
    "envoy", "deputy", "head", "lawyer", "solicitor", "barrister", "campaigner", "producer", "author", "writer",
    # descriptors a sentence opens with, which the NER takes into the name ("Matchwinner Keane", "Novelist Arthur
    # Hailey", "Frenchman Ronald Pognon")
    "novelist", "poet", "playwright", "comedian", "rapper", "model", "designer", "chef", "director", "skipper",
    "veteran", "teenager", "youngster", "olympian", "matchwinner", "frenchman", "englishman", "scotsman",
    "welshman", "irishman", "dutchman", "businessman", "businesswoman", "tycoon", "billionaire", "millionaire",
    "entrepreneur", "forward", "batsman", "bowler", "sprinter", "hurdler", "champion", "hooker", "prop", "lock",
    "centre", "fly-half", "scrum-half", "full-back", "flanker", "guitarist", "drummer", "frontman",
}
# Offices a capitalised run can end in, which are no surname ("Home Secretary", "Prime Minister"); not every role
# word: "Lock", "Head" and "Hooker" are surnames too.
OFFICE_WORDS = {"secretary", "minister", "chancellor", "president", "spokesman", "spokeswoman", "commissioner",
                "ambassador", "governor", "mayor", "premier", "chairman", "chairwoman"}


# A surname with an elided particle: "O'Connor", "D'Arcy", "Dell'Olio" (one token, not all letters)
_ELIDED_SURNAME = re.compile(r"[A-Z][a-z]{0,3}['’][A-Z][^\W\d_]+")


def is_name_word(token: Token) -> bool:
    """A capitalised word a name can be made of: letters only, or a surname with an elided particle ("O'Connor")."""
    return token.text[:1].isupper() and (token.is_alpha or bool(_ELIDED_SURNAME.fullmatch(token.text)))


def names_an_office(name: str) -> bool:
    """'Home Secretary', 'Foreign Minister': a run of capitalised words that is an office, not a person."""
    return name.split()[-1].lower() in OFFICE_WORDS


# More words than this before a surname are a title or a headline run into the body ("Big Brother Germaine Greer").
MAX_NAME_WORDS = 3
# Letters after a name ("Paul Boateng MP", "Sir Elton John CBE") are not part of it.
POST_NOMINALS = {"mp", "msp", "mep", "am", "mla", "qc", "kc", "obe", "mbe", "cbe", "kbe", "dbe", "phd", "frs"}


def strip_titles(name: str) -> str:
    """'US President Joe Biden' -> 'Joe Biden', 'Finance Minister Sue Essex' -> 'Sue Essex'; never to nothing."""
    parts = name.split()
    while len(parts) > 1 and parts[-1].lower().rstrip(".") in POST_NOMINALS and parts[-1].isupper():
        parts = parts[:-1]
    while len(parts) > 1 and parts[0].lower().rstrip(".") in TITLES:
        parts = parts[1:]
    roles = [i for i, part in enumerate(parts[:-1]) if part.lower().rstrip(".") in ROLE_WORDS]
    if roles and len(parts) - roles[-1] - 1 >= 1:
        parts = parts[roles[-1] + 1:]
    suffix = parts[-1:] if len(parts) > 2 and parts[-1] in GENERATIONAL_SUFFIXES else []
    if len(parts) - len(suffix) > MAX_NAME_WORDS and not any(p.lower() in NAME_PARTICLES for p in parts):
        parts = parts[-2 - len(suffix):]
    if len(parts) >= 3 and _is_given_name(parts[1]) and opens_with_a_word(parts[0]) \
            and not {parts[0].lower(), parts[1].lower()} & NAME_PARTICLES:
        # a word the NER ran into the name: "Melbourne Andre Agassi" (a headline run into the story), "the union
        # Unison Dave Prentis", "Backbencher Stephen Pound"; not "Ieuan Wyn Jones"
        parts = parts[1:]
    return " ".join(parts)


@lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    """The words of the model's lemmatizer index (WordNet's nouns, verbs, adjectives and adverbs, some places)."""
    from .model import get_nlp  # imported here: the model module itself builds on this one

    index = get_nlp().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return frozenset(word for words in index.values() for word in words)


def is_english_word(word: str) -> bool:
    """Whether a lower-case word is in the model's English word index ("chase", "cross", "laws")."""
    return word in _english_words()


def opens_with_a_word(name: str) -> bool:
    """"Classy Henman" (a headline run into "Tim Henman …"): a name whose first word is an English word and no
    first name."""
    first = name.split()[0]
    return is_english_word(first.lower()) and not _is_given_name(first)


def _is_given_name(word: str) -> bool:
    folded = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
    return folded in given_names()


# French and Italian articles elided before a name's word: "l'Audiovisuel", "d'Etat", "dell'Arte"
_ELIDED_ARTICLE = re.compile(r"^(?:l|d|dell|all|nell)['’](?=[A-Z])")


def initials(name: str) -> str:
    """'World Health Organisation' -> 'WHO', 'Jason King' -> 'JK', 'Bradford & Bingley' -> 'B&B' (lower-case words
    such as 'of' are skipped; an elided article is: "Conseil Superieur de l'Audiovisuel" -> 'CSA')."""
    words = [_ELIDED_ARTICLE.sub("", word) for word in name.split()]
    return "".join(word[0] for word in words if word[:1].isupper() or word == "&")


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def clean_name(text: str) -> str:
    text = " ".join(text.split())
    text = _HONORIFIC.sub("", text)
    text = re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)
    text = re.sub(r"\s*\([^)]*$", "", text)  # "World Health Organisation (WHO": the NER took half a bracket
    text = re.split(r"\s+[-–—]\s+", text)[0]  # "Norman Cook - aka": the NER ran past a dash
    return _POSSESSIVE.sub("", text).strip(" ,.;:-–—")


def name_run(token: Token, left: bool = True) -> str:
    """The run of capitalised proper nouns (and name particles) around a token: 'Sandra den Hamer'.
    Leftwards it stops at titles ("Schools Minister Stephen Twigg" -> "Stephen Twigg")."""
    doc = token.doc

    def part_of_name(i: int) -> bool:
        t = doc[i]
        if t.pos_ == "PROPN" and is_name_word(t):
            return True
        return t.lower_ in NAME_PARTICLES and 0 < i < len(doc) - 1 and doc[i + 1].pos_ == "PROPN"

    start = end = token.i
    while left and start > 0 and part_of_name(start - 1) and doc[start - 1].lower_.rstrip(".") not in TITLES \
            and doc[start - 1].ent_type_ in ("", "PERSON"):
        start -= 1
    while end + 1 < len(doc) and part_of_name(end + 1):
        end += 1
    return strip_titles(doc[start:end + 1].text)
