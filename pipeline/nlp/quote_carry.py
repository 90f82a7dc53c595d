"""A speaker carried from one quote to the next: a split quote or a later quote nobody is given keeps the previous
quote's speaker, across paragraph breaks too (`continued_from`), and a quote with no speaker that runs straight into
an attributed quote takes that one's (`carried_back`)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .quote_spans import QuoteSpan
    from .quotes import QuoteRecord

# A quoted phrase a writer's sentence borrows, not a sentence of its own
MAX_PHRASE_WORDS = 8
# How far back a quote goes on with the speaker before a borrowed phrase nobody is given (characters)
MAX_PHRASE_SKIP = 250


def carried_back(records: list[QuoteRecord], spans: list[QuoteSpan], text: str) -> list[QuoteRecord]:
    """A quote with no speaker that runs straight into the next quote takes that quote's speaker: '“When we did
    the first HD version …” “In the HD version of Episode I, all these make-up lines showed up,” explains Mr Dean.'
    (the corpus lost its paragraph breaks, so back-to-back quotes are one speaker's paragraphs)."""
    for i in range(len(records) - 2, -1, -1):
        record, following = records[i], records[i + 1]
        if record.speaker.type != "unknown" or record.kind != "quote" or following.kind != "quote" \
                or following.speaker.type == "unknown":
            continue
        if text[spans[i].outer[1]:spans[i + 1].outer[0]].strip():
            continue  # words of the writer's in between
        if following.speaker.name.split()[-1] in record.text:
            continue  # a speaker does not name himself: "“But for Dean Kiely …” “To take the lead …,” admitted Kiely"
        records[i] = replace(record, cue=following.cue, speaker=following.speaker, attribution="carried_back")
    return records


def continued_from(span: QuoteSpan, index: int, records: list[QuoteRecord]) -> QuoteRecord | None:
    """The previous quote's speaker carries over to a split quote or a later quote nobody is given, across paragraph
    breaks too: news names each new speaker, and a story restyled with a paragraph per quote (as most outlets write)
    must keep the speakers it has on one line (the BBC corpus)."""
    # (over a borrowed phrase nobody is given, close by: "… a culture where retirement ages were “increasingly
    # consigned to the past”. “We're sweeping them away …”" goes on with the speaker before the phrase)
    earlier = [(i, r) for i, r in enumerate(records)
               if r.speaker.type != "unknown" or len(r.text.split()) > MAX_PHRASE_WORDS]
    if index == 0 or not earlier:
        return None
    position, previous = earlier[-1]
    if position < len(records) - 1 and span.start - previous.end_char > MAX_PHRASE_SKIP:
        return None
    if previous.speaker.type == "unknown" or previous.kind != "quote":
        return None
    return previous
