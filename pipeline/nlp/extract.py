"""One spaCy pass per article, all extractors on the same Doc: quotes, figures, events and entity mentions.

Returns plain dict records keyed by table, with surface mentions and resolved canonical entities side by side.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from .date_mentions import extract_date_mentions
from .doc_index import doc_ents, doc_text, forget, sent_of
from .events import extract_events
from .figures import extract_figures
from .gazetteer import load_gazetteer
from .quote_spans import find_quote_spans, quoted_bounds
from .quotes import extract_quotes
from .speaker_record import Speaker
from .speakers import SpeakerResolver

if TYPE_CHECKING:  # spaCy is imported only where a pipeline is built
    from spacy.language import Language
    from spacy.tokens import Doc


MENTION_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
TABLES = ("quotes", "figures", "events", "mentions", "dates")


@dataclass(frozen=True)
class ArticleInput:
    article_id: str
    text: str
    published_date: date | None


def extract_doc(doc: Doc, article: ArticleInput) -> dict[str, list[dict]]:
    resolver = SpeakerResolver(doc, quoted_bounds(find_quote_spans(doc_text(doc))))
    quotes = extract_quotes(doc, resolver)
    quote_bounds = [(q.start_char, q.end_char, i) for i, q in enumerate(quotes)]
    out: dict[str, list[dict]] = {name: [] for name in TABLES}
    for i, q in enumerate(quotes):
        out["quotes"].append({
            "article_id": article.article_id, "quote_index": i, "start_char": q.start_char, "end_char": q.end_char,
            "text": q.text, "kind": q.kind, "closed": q.closed, "cue": q.cue, "attribution": q.attribution,
            **_speaker_columns("speaker", q.speaker),
        })
    events = extract_events(
        doc, resolver, article.published_date, [(q.start_char, q.end_char, q.speaker) for q in quotes]
    )
    for i, f in enumerate(extract_figures(doc)):
        sent = doc.char_span(f.start_char, f.end_char, alignment_mode="expand")
        sentence = sent_of(sent[0]) if sent is not None else None
        quote_index = next((qi for s, e, qi in quote_bounds if s <= f.start_char < e), None)
        event_index = next(
            (ei for ei, ev in enumerate(events) if ev.start_char <= f.start_char < ev.end_char), None
        )
        out["figures"].append({
            "article_id": article.article_id, "figure_index": i, **f.__dict__,
            "sentence_start": sentence.start_char if sentence is not None else None,
            "sentence_end": sentence.end_char if sentence is not None else None,
            "quote_index": quote_index, "event_index": event_index,
        })
    for i, ev in enumerate(events):
        record = {k: v for k, v in ev.__dict__.items() if k not in ("actor", "recipient", "source")}
        out["events"].append({
            "article_id": article.article_id, "event_index": i, **record,
            **_speaker_columns("actor", ev.actor), **_speaker_columns("recipient", ev.recipient),
            "source": ev.source.name if ev.source else None,
        })
    gazetteer = load_gazetteer()
    for ent in doc_ents(doc):
        if ent.label_ not in MENTION_LABELS:
            continue
        resolved = gazetteer.resolve(ent.text, ent.label_)
        out["mentions"].append({
            "article_id": article.article_id, "start_char": ent.start_char, "end_char": ent.end_char,
            "text": ent.text, "label": ent.label_,
            "entity_id": resolved.entity.id if resolved else None,
            "canonical_name": resolved.entity.name if resolved else None,
            "wikidata": resolved.entity.wikidata if resolved else None,
            "match": resolved.method if resolved else "unmatched",
            "match_score": resolved.score if resolved else None,
        })
    out["dates"] = [{"article_id": article.article_id, **row}
                    for row in extract_date_mentions(doc, article.published_date)]
    forget(doc)
    return out


def _speaker_columns(prefix: str, speaker: Speaker | None) -> dict:
    speaker = speaker or Speaker.unknown()
    return {
        prefix: speaker.name, f"{prefix}_type": speaker.type, f"{prefix}_id": speaker.entity_id,
        f"{prefix}_role": speaker.role, f"{prefix}_mention": speaker.mention,
    }


def extract_articles(articles: Iterable[ArticleInput], **options) -> dict[str, list[dict]]:
    """All articles' tables together; `options` as for `extract_each`."""
    tables: dict[str, list[dict]] = {name: [] for name in TABLES}
    for _, result in extract_each(articles, **options):
        for table, rows in result.items():
            tables[table].extend(rows)
    return tables


def extract_each(
    articles: Iterable[ArticleInput],
    nlp: Language | None = None,
    batch_size: int = 16,
    n_process: int | None = None,
    progress: Callable[[int], None] | None = None,
):
    """Yield (article, its tables) in input order: one `nlp.pipe` pass over all articles."""
    articles = list(articles)
    if not articles:
        return
    if nlp is None:
        from .model import get_nlp  # spaCy loads only when something must be parsed

        nlp = get_nlp()
    # The parse is the cost: a second process pays for itself once there are enough articles to share.
    n_process = n_process if n_process is not None else (min(2, os.cpu_count() or 1) if len(articles) >= 64 else 1)
    docs = nlp.pipe((a.text for a in articles), batch_size=batch_size, n_process=n_process)
    for done, (article, doc) in enumerate(zip(articles, docs), start=1):
        yield article, extract_doc(doc, article)
        if progress is not None:
            progress(done)
