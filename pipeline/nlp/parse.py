"""Turn a raw article file into a clean body text plus what the text says about itself.

Pure functions: bytes in, plain records out. The cleaned `text` is what every character offset downstream refers
to, so cleaning only ever removes whole lines (boilerplate, credits, live-blog chrome) and repairs encoding.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import date

import dateparser
import ftfy

# Lines that are site furniture, never article content. Matched against a whole stripped line.
BOILERPLATE_LINES = [
    r"read (some )?more",
    r"comments are closed\.?",
    r"leave a reply",
    r"your email address will not be published.*",
    r"unlock the .{0,80} newsletter for free",
    r"sign up (for|to) .{0,80}newsletter.*",
    r"(subscribe|sign up) (now|here|today)\.?",
    r"this audio is created with ai assistance",
    r"close",
    r"advertisement",
    r"share( this)?( article)?",
    r"\d+",  # comment counters such as "0"
    r"\d+ min read",
    r"(?:<[a-z/][^<>]*>\s*)+\.?",  # an embed's leftover markup ('<tweet tweet-id="7858…"><tweet/>.')
]
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
_HTML_ENTITY = re.compile(r"&(?:#\d{2,5}|#x[0-9a-fA-F]{2,4}|[a-zA-Z]{2,8});")
_BOILERPLATE = re.compile(r"^(?:%s)$" % "|".join(BOILERPLATE_LINES), re.IGNORECASE)

# A live blog marks its items with a bare clock time or an "Author:" line.
_LIVE_MARKER = re.compile(r"^(?:\d{1,2}:\d{2}\s*(?:[AP]M)?|Author:.*)$", re.IGNORECASE)
# Photo captions end with a credit.
_CAPTION_CREDIT = re.compile(
    r"(?:Photograph:|Photo:|©|\((?:[^()]*/)?[^()]*(?:Getty|Reuters|AFP|AP|EPA|Bloomberg)[^()]*\)\s*$)",
)
_BYLINE = re.compile(
    r"^by\s+(?P<author>.+?)(?:\s+(?P<date>(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\s+\d{1,2},\s+\d{4}))?(?:\s+\d{1,2}:\d{2}\s*[AP]M)?(?:\s+\d+\s+min read)?$",
    re.IGNORECASE,
)
_OUTLET_IN_AUTHOR = re.compile(r"^(?P<outlet>(?:The\s+)?[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*)*)\s+news desk$")
_BIO = re.compile(
    r"^(?P<name>[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){1,3}) is an? (?:contributor|correspondent|reporter|editor|writer)"
    r"\b.*?\b(?:to|for|at) (?P<outlet>(?:the\s+)?[A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*)*)",
)
_NAME_LINE = re.compile(r"^[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){1,3}$")


@dataclass
class Section:
    start: int
    end: int
    kind: str  # title | standfirst | body | caption | live_blog


@dataclass
class ParsedArticle:
    text: str
    title: str | None
    byline: str | None
    outlet: str | None
    published_date: date | None
    published_date_evidence: str | None
    sections: list[Section] = field(default_factory=list)
    removed_lines: list[str] = field(default_factory=list)
    repairs: list[str] = field(default_factory=list)


class UndecodableInput(ValueError):
    """The bytes are not text (binary, or no encoding fits)."""


def decode(raw: bytes) -> tuple[str, str]:
    """Decode article bytes; returns (text, encoding). Raises UndecodableInput for binary data."""
    if not raw.strip():
        raise UndecodableInput("file is empty")
    if b"\x00" in raw[:4096]:
        raise UndecodableInput("file contains NUL bytes: binary, not text")
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        control = len(_CONTROL_CHARS.findall(text, 0, 4096))
        if control > 8:
            raise UndecodableInput(f"{control} control characters in the first 4 KiB: binary, not text")
        return text, encoding
    raise UndecodableInput("no text encoding fits")  # unreachable: latin-1 decodes anything


def repair(text: str) -> tuple[str, list[str]]:
    """Repair mojibake (e.g. 'Â£' -> '£') and normalise line ends; returns the text and what was repaired."""
    repairs = []
    fixed = text if text.isascii() else ftfy.fix_encoding(text)  # mojibake needs non-ASCII characters
    if fixed != text:
        repairs.append("mojibake")
    if _HTML_ENTITY.search(fixed):
        unescaped = html.unescape(fixed)  # "&#163;8m" -> "£8m"
        if unescaped != fixed:
            repairs.append("html_entities")
            fixed = unescaped
    normalised = fixed.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    if normalised != fixed:
        repairs.append("line_ends_or_nbsp")
    return normalised, repairs


def parse_article(raw: bytes | str) -> ParsedArticle:
    text, _ = decode(raw) if isinstance(raw, bytes) else (raw, "str")
    text, repairs = repair(text)
    lines = [line.strip() for line in text.split("\n")]

    removed: list[str] = []
    byline = outlet = None
    published = evidence = None
    kept: list[tuple[str, str]] = []  # (line, kind) with "" marking a paragraph break
    seen: set[str] = set()
    live = False
    first_marker: int | None = None
    after_read_more = False
    for line in lines:
        if not line:
            kept.append(("", ""))
            after_read_more = False
            continue
        if _BOILERPLATE.match(line):
            removed.append(line)
            after_read_more = line.lower().startswith("read")
            continue
        if after_read_more and not _ends_sentence(line):  # the teaser of a "Read more" link
            removed.append(line)
            after_read_more = False
            continue
        if line in seen and len(line) < 200:  # repeated headline / author name
            removed.append(line)
            continue
        seen.add(line)
        if m := _BYLINE.match(line):
            byline = m["author"].strip()
            if m["date"]:
                published = dateparser.parse(m["date"], settings={"REQUIRE_PARTS": ["day", "month", "year"]})
                evidence = line
            if om := _OUTLET_IN_AUTHOR.match(byline):
                outlet = om["outlet"]
            removed.append(line)
            continue
        if m := _BIO.match(line):
            byline = byline or m["name"]
            outlet = outlet or m["outlet"]
            removed.append(line)
            continue
        if _LIVE_MARKER.match(line):
            live = True
            first_marker = len(kept) if first_marker is None else first_marker
            removed.append(line)
            continue
        kind = "live_blog" if live else ("caption" if _CAPTION_CREDIT.search(line) else "body")
        kept.append((line, kind))

    # A live blog's first item starts at the paragraph before the first marker: re-label it.
    if first_marker is not None:
        _label_live_blog_head(kept, removed, first_marker)
    _label_caption_alt_text(kept)
    _drop_trailing_name_lines(kept, removed)
    # Every remaining line is one paragraph: that is how all outlets we have seen lay out their text.
    paragraphs = [(line, kind) for line, kind in kept if line]

    body_parts: list[str] = []
    sections: list[Section] = []
    offset = 0
    title = None
    for index, (para, kind) in enumerate(paragraphs):
        if index == 0 and _looks_like_title(para, paragraphs):
            title, kind = para, "title"
        if body_parts:
            offset += 2
        sections.append(Section(offset, offset + len(para), kind))
        body_parts.append(para)
        offset += len(para)
    body = "\n\n".join(body_parts)
    return ParsedArticle(
        text=body,
        title=title,
        byline=byline,
        outlet=outlet,
        published_date=published.date() if published else None,
        published_date_evidence=evidence,
        sections=sections,
        removed_lines=removed,
        repairs=repairs,
    )


def _label_live_blog_head(kept: list[tuple[str, str]], removed: list[str], first_marker: int) -> None:
    i = first_marker - 1
    # The line right before the first marker is the item's credit ("The Kyiv IndependentDmytro Basmat").
    if i >= 0 and kept[i][0] and not _ends_sentence(kept[i][0]) and len(kept[i][0].split()) <= 8:
        removed.append(kept.pop(i)[0])
        i -= 1
    while i >= 0 and kept[i][0]:
        kept[i] = (kept[i][0], "live_blog")
        i -= 1


def _label_caption_alt_text(kept: list[tuple[str, str]]) -> None:
    """A short line without a full stop right above a credited caption is the picture's alt text."""
    for i in range(1, len(kept)):
        line, kind = kept[i - 1]
        if kept[i][1] == "caption" and kind == "body" and line and not _ends_sentence(line) and len(line.split()) <= 12:
            kept[i - 1] = (line, "caption")


def _ends_sentence(line: str) -> bool:
    return line.rstrip().endswith((".", "!", "?", "”", '"', "’", "'"))


def _drop_trailing_name_lines(kept: list[tuple[str, str]], removed: list[str]) -> None:
    """Author sign-offs ("Daniel McLaughlin") at the very end are not content."""
    while kept and (not kept[-1][0] or _NAME_LINE.match(kept[-1][0])):
        line, _ = kept.pop()
        if line:
            removed.append(line)


def _looks_like_title(para: str, paragraphs: list[tuple[str, str]]) -> bool:
    if len(paragraphs) < 2 or "\n" in para or len(para) > 200:
        return False
    return not _ends_sentence(para) or len(para.split()) <= 15
