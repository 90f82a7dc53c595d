"""Resolve date expressions against an article's publication date, with granularity and an explicit range.

Nothing is filled in from defaults: a part the text does not give comes from the anchor only when an anchor exists,
and the anchor is recorded. Anything that cannot be resolved stays None with its text kept by the caller.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

import dateparser

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m} | {
    m.lower(): i for i, m in enumerate(calendar.month_abbr) if m
}
_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_PART = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}  # documented ranges for early/mid/late <month>
# Meteorological seasons (northern hemisphere): (first month, last month); winter runs into the next year.
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}


@dataclass(frozen=True)
class ResolvedDate:
    start: date
    end: date
    granularity: str  # day | week | month | season | year
    anchor: date | None  # the date it was resolved from; None for absolute dates


# Dates outside this window stay unresolved: they are not news dates, and pandas cannot hold them in nanoseconds.
EARLIEST_YEAR, LATEST_YEAR = 1700, 2200


def resolve_date(expression: str, anchor: date | None, future: bool = False) -> ResolvedDate | None:
    resolved = _resolve(expression, anchor, future)
    if resolved is None or not (EARLIEST_YEAR <= resolved.start.year and resolved.end.year <= LATEST_YEAR):
        return None
    return resolved


def _resolve(expression: str, anchor: date | None, future: bool) -> ResolvedDate | None:
    text = " ".join(expression.lower().replace(",", " ").split())
    text = re.sub(r"^(on|in|at|by|since|from|during|the)\s+", "", text)

    # Absolute day with a year: "June 2 2024", "2 June 2024".
    if re.search(r"\b\d{4}\b", text) and re.search(rf"\b({_MONTH_RE})\b", text) and re.search(r"\b\d{1,2}\b", text):
        parsed = dateparser.parse(text, settings={"REQUIRE_PARTS": ["day", "month", "year"]}, languages=["en"])
        if parsed:
            return ResolvedDate(parsed.date(), parsed.date(), "day", None)
    if m := re.fullmatch(rf"(?:(early|mid|late)[- ])?({_MONTH_RE})\.? (\d{{4}})", text):
        return _month_range(int(m[3]), _MONTHS[m[2]], m[1], None)
    if m := re.fullmatch(r"(\d{4})", text):
        year = int(m[1])
        return ResolvedDate(date(year, 1, 1), date(year, 12, 31), "year", None)
    if anchor is None:
        return None

    # Day and month without a year: the year of the anchor, moved so the date is not on the wrong side of it.
    m = re.fullmatch(rf"({_MONTH_RE})\.? (\d{{1,2}})(?:st|nd|rd|th)?", text) or re.fullmatch(
        rf"(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?({_MONTH_RE})\.?", text
    )
    if m:
        month_word, day_word = (m[1], m[2]) if not m[1].isdigit() else (m[2], m[1])
        try:
            day = date(anchor.year, _MONTHS[month_word], int(day_word))
        except ValueError:
            return None
        if not future and day > anchor + timedelta(days=1):
            day = day.replace(year=anchor.year - 1)
        return ResolvedDate(day, day, "day", anchor)
    if m := re.fullmatch(rf"(?:(early|mid|late)[- ])?({_MONTH_RE})", text):
        month = _MONTHS[m[2]]
        year = anchor.year if (future or month <= anchor.month) else anchor.year - 1
        if future and month < anchor.month:
            year = anchor.year + 1
        return _month_range(year, month, m[1], anchor)
    if m := re.fullmatch(r"(?:last |this |next )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
                         r"(?: (?:morning|afternoon|evening|night))?", text):
        target = _WEEKDAYS[m[1]]
        delta = (target - anchor.weekday()) % 7
        day = anchor + timedelta(days=delta) if future else anchor - timedelta(days=(anchor.weekday() - target) % 7)
        if "next" in text and delta == 0:
            day += timedelta(days=7)
        return ResolvedDate(day, day, "day", anchor)
    if m := re.fullmatch(r"(?:(last|this|next|the)\s+)?(spring|summer|autumn|fall|winter)", text):
        return _season(m[2], m[1], anchor, future)
    relative = {
        "today": (0, 0), "yesterday": (-1, -1), "tomorrow": (1, 1), "overnight": (-1, 0), "last night": (-1, 0),
    }
    if text in relative:
        a, b = relative[text]
        return ResolvedDate(anchor + timedelta(days=a), anchor + timedelta(days=b), "day", anchor)
    week_start = anchor - timedelta(days=anchor.weekday())
    spans = {
        "this week": (week_start, week_start + timedelta(days=6), "week"),
        "earlier this week": (week_start, anchor, "week"),
        "later this week": (anchor, week_start + timedelta(days=6), "week"),
        "last week": (week_start - timedelta(days=7), week_start - timedelta(days=1), "week"),
        "next week": (week_start + timedelta(days=7), week_start + timedelta(days=13), "week"),
        "this month": (anchor.replace(day=1), _month_end(anchor.year, anchor.month), "month"),
        "earlier this month": (anchor.replace(day=1), anchor, "month"),
        "later this month": (anchor, _month_end(anchor.year, anchor.month), "month"),
        "this year": (date(anchor.year, 1, 1), date(anchor.year, 12, 31), "year"),
        "earlier this year": (date(anchor.year, 1, 1), anchor, "year"),
        "later this year": (anchor, date(anchor.year, 12, 31), "year"),
        "last year": (date(anchor.year - 1, 1, 1), date(anchor.year - 1, 12, 31), "year"),
        "next year": (date(anchor.year + 1, 1, 1), date(anchor.year + 1, 12, 31), "year"),
    }
    if text in spans:
        start, end, granularity = spans[text]
        return ResolvedDate(start, end, granularity, anchor)
    return None


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _month_range(year: int, month: int, part: str | None, anchor: date | None) -> ResolvedDate:
    last = calendar.monthrange(year, month)[1]
    lo, hi = _PART.get(part or "", (1, last))
    return ResolvedDate(date(year, month, lo), date(year, month, min(hi, last)), "month", anchor)


def _season(name: str, which: str | None, anchor: date, future: bool) -> ResolvedDate:
    """'last summer' (the last one over before the anchor), 'next spring' (the first to start after it),
    'this winter'/'in the spring' (the one in progress, else the last one or, in the future tense, the next)."""
    first, last = _SEASONS[name]
    spans = []
    for year in (anchor.year - 2, anchor.year - 1, anchor.year, anchor.year + 1):
        end_year = year + 1 if first > last else year
        spans.append((date(year, first, 1), _month_end(end_year, last)))
    current = next((sp for sp in spans if sp[0] <= anchor <= sp[1]), None)
    previous = [sp for sp in spans if sp[1] < anchor][-1]
    upcoming = next(sp for sp in spans if sp[0] > anchor)
    if which == "last":
        start, end = previous
    elif which == "next":
        start, end = upcoming
    else:
        start, end = current or (upcoming if future else previous)
    return ResolvedDate(start, end, "season", anchor)
