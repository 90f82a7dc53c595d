"""Text, sentence and entity lookups computed once per Doc.

spaCy rebuilds `doc.text`, `doc.sents` and `doc.ents` (walking every token), and a Token object per token, on each
access; looked up per quote, figure and token they dominated extraction time. `forget(doc)` drops the cache, which holds
Spans and Tokens that do not serialise.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported only where a pipeline is built
    from spacy.tokens import Doc, Span, Token

_TEXT = "_newsfacts_text"
_SENTS = "_newsfacts_sentences"
_ENTS = "_newsfacts_entities"
_TOKENS = "_newsfacts_tokens"


def doc_text(doc: Doc) -> str:
    cached = doc.user_data.get(_TEXT)
    if cached is None:
        cached = doc.user_data[_TEXT] = doc.text
    return cached


def doc_tokens(doc: Doc) -> list[Token]:
    """The Doc's tokens as a list: iterating a Doc makes a new Token object for every token, every time."""
    cached = doc.user_data.get(_TOKENS)
    if cached is None:
        cached = doc.user_data[_TOKENS] = list(doc)
    return cached


def doc_sents(doc: Doc) -> list[Span]:
    cached = doc.user_data.get(_SENTS)
    if cached is None:
        sents = list(doc.sents)
        cached = doc.user_data[_SENTS] = (sents, [s.start for s in sents])
    return cached[0]


def sent_of(token: Token) -> Span:
    doc_sents(token.doc)
    sents, starts = token.doc.user_data[_SENTS]
    return sents[bisect_right(starts, token.i) - 1]


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    cached = doc.user_data.get(_ENTS)
    if cached is None:
        ents = tuple(doc.ents)
        by_token = {i: ent for ent in ents for i in range(ent.start, ent.end)}
        cached = doc.user_data[_ENTS] = (ents, by_token)
    return cached[0]


def ent_of(token: Token) -> Span | None:
    doc_ents(token.doc)
    return token.doc.user_data[_ENTS][1].get(token.i)


def forget(doc: Doc) -> None:
    doc.user_data.pop(_TEXT, None)
    doc.user_data.pop(_SENTS, None)
    doc.user_data.pop(_ENTS, None)
    doc.user_data.pop(_TOKENS, None)
