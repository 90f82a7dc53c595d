"""Find direct-quotation spans in text by their quotation marks: pure character work, no parse needed.

Handles curly and straight double quotes, unbalanced and stray marks (the rest of the article is never lost), quotes
that are reopened in a following paragraph without being closed, and paragraphs with no line breaks at all (the
BBC corpus), where an opening mark inside an open quote means the previous quote ran to a paragraph end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN_MARKS = "“„«"
CLOSE_MARKS = "”»"
STRAIGHT = '"'
# (two apostrophes are a double mark in text from news archives: "the board said Mr. Sloan was ''ready to lead''")
_MARK = re.compile(r"[“”„«»\"]|''(?!')")
_PARAGRAPH = re.compile(r"\n\s*\n|\n")
_OPENING_CONTEXT = set(" \t\n([{—–-/:")


@dataclass(frozen=True)
class QuoteSpan:
    start: int  # first character of the quoted words (after the mark)
    end: int  # one past the last quoted character (before the closing mark)
    open_mark: int  # offset of the opening mark
    close_mark: int | None  # offset of the closing mark; None when the quote was never closed
    closed: bool
    # opened by a straight mark that looks closing ('… reassure them," said Mr Davis.'): kept as a quote, but the
    # words it runs over are likely narrative
    misplaced: bool = False

    @property
    def outer(self) -> tuple[int, int]:
        return self.open_mark, (self.close_mark + 1) if self.close_mark is not None else self.end


def paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in _PARAGRAPH.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if e > s]


def _direction(text: str, i: int, width: int = 1) -> str:
    mark = text[i]
    if mark in OPEN_MARKS:
        return "open"
    if mark in CLOSE_MARKS:
        return "close"
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    opens = before in _OPENING_CONTEXT and not after.isspace()
    closes = not before.isspace() and (after.isspace() or after in ".,;:!?)]'’-—–")
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


def find_quote_spans(text: str) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    for para_start, para_end in paragraphs(text):
        open_at: int | None = None
        misplaced = False
        for match in _MARK.finditer(text, para_start, para_end):
            i = match.start()
            if i > para_start and text[i - 1] == text[i]:
                continue  # a mark typed twice ('an ""unconscionable" sum') is one mark
            direction = _direction(text, i, len(match.group()))
            if open_at is None:
                if direction == "close" and text[i] != STRAIGHT:
                    continue  # a stray curly closing mark: nothing to close
                open_at = i  # a straight mark that looks closing but nothing is open is a misplaced opener
                misplaced = direction == "close"
            elif direction == "open":
                # A new quote opens while one is open: the previous one ran to the end of its paragraph.
                _emit(text, spans, open_at, None, _before_lead_in(text, open_at, i), misplaced)
                open_at, misplaced = i, False
            else:
                _emit(text, spans, open_at, i, i, misplaced)
                open_at = None
        if open_at is not None:
            _emit(text, spans, open_at, None, para_end, misplaced)
    return spans


def quoted_bounds(spans: list[QuoteSpan]) -> list[tuple[int, int]]:
    """The stretches of text that are someone's words, for attribution to look outside of: a misplaced opener's
    span is left out, so that '… them," said Mr Davis. Earlier X said …' still reads as narrative."""
    return [span.outer for span in spans if not span.misplaced]


_SENTENCE_END = re.compile(r"[.!?]['’]?\s+(?=[A-Z])")


def _before_lead_in(text: str, open_at: int, next_mark: int) -> int:
    """Where an unclosed quote ends when the next quote opens after a colon ('... Simon Gardner said: "'): the
    sentence that introduces the next quote is narrative, so the open quote ends at the sentence before it."""
    if not text[open_at:next_mark].rstrip().endswith(":"):
        return next_mark
    ends = [m.end() for m in _SENTENCE_END.finditer(text, open_at + 1, next_mark)]
    return ends[-1] if ends else next_mark


def _emit(text: str, spans: list[QuoteSpan], open_at: int, close_at: int | None, end: int,
          misplaced: bool = False) -> None:
    start = open_at + 1
    while start < end and (text[start].isspace() or text[start] == text[open_at]):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(QuoteSpan(start, end, open_at, close_at, close_at is not None, misplaced))
