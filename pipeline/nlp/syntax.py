"""Questions about the dependency parse that the attribution rules ask: is this token a clause's subject, does
it head the main clause, which entity is it in. Pure functions of spaCy tokens."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .doc_index import ent_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def is_subject(token: Token) -> bool:
    """True for the subject of a clause, or a name in apposition/compound with one. The agent of a passive is
    the logical subject ("The report was welcomed by David Willetts"), and so is a name that starts its sentence
    when the parser took it for the verb ("Tait himself appeared unaffected")."""
    if token.dep_ == "pobj" and token.head.dep_ == "agent" and token.head.head.dep_ == "ROOT":
        return True
    if token.dep_ == "ROOT" and token.is_sent_start and token.ent_type_ == "PERSON":
        return True
    for _ in range(2):
        if token.dep_ in ("nsubj", "nsubjpass"):
            return True
        if token.dep_ not in ("appos", "compound", "conj") or token.head == token:
            return False
        token = token.head
    return False


def heads_main_clause(doc: Doc, position: int) -> bool:
    span = doc.char_span(position, position + 1, alignment_mode="expand")
    if span is None:
        return False
    token = span[0]
    while token.dep_ in ("compound", "appos", "conj") and token.head != token:
        token = token.head
    if token.dep_ == "ROOT" or token.dep_ == "pobj" and token.head.dep_ == "agent":
        return is_subject(token)  # a misparsed sentence-initial name; the agent of a passive main verb
    return token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ == "ROOT"


def has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


def is_age_noun(token: Token) -> bool:
    """'the 30-year-old': a person described by age."""
    return token.lower_.endswith("year-old") or (
        token.lower_ == "old" and any(t.lower_ == "year" for t in token.lefts))


def entity_of(token: Token) -> Span | None:
    return ent_of(token) if token.ent_type_ else None
