"""Every date expression of a Doc, resolved against the publication date with the tense of its clause."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from .dates import resolve_date
from .doc_index import doc_ents

if TYPE_CHECKING:  # spaCy is imported only where a pipeline is built
    from spacy.tokens import Doc, Span


_FUTURE_WORDS = {"next", "later", "upcoming", "coming", "tomorrow"}


def is_future(ent: Span) -> bool:
    """Future when the clause says so ("will meet on Thursday", "is scheduled to meet", "Biden to discuss")."""
    if any(t.lower_ in _FUTURE_WORDS for t in ent):
        return True
    node = ent.root
    for _ in range(4):
        head = node.head
        aux = {c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")}
        if {"will", "shall", "'ll"} & aux or head.lemma_ in ("schedule", "expect", "plan", "due"):
            return True
        if "to" in aux and head.dep_ == "ROOT":
            return True
        if head == node or head.pos_ == "VERB":
            return bool({"will", "shall", "'ll"} & aux)
        node = head
    return False


def extract_date_mentions(doc: Doc, published: date | None) -> list[dict]:
    rows = []
    for ent in doc_ents(doc):
        if ent.label_ != "DATE":
            continue
        future = is_future(ent)
        resolved = resolve_date(ent.text, published, future=future)
        rows.append({
            "start_char": ent.start_char, "end_char": ent.end_char, "text": ent.text, "tense": "future" if future else "past",
            "date_start": resolved.start if resolved else None, "date_end": resolved.end if resolved else None,
            "granularity": resolved.granularity if resolved else None,
            "anchor": resolved.anchor if resolved else None,
            "resolution": ("relative" if resolved.anchor else "absolute") if resolved else "unresolved",
        })
    return rows
