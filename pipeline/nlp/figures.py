"""Figures: every stated quantity with value, unit, qualifier, range, change direction and what it counts.

A regular grammar over the text finds the quantity phrases (numbers, number words, vague amounts, currencies,
multipliers, units, ranges, qualifiers); the parsed Doc supplies the counted noun and rules out numbers that
belong to dates, times, ordinals and names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from schemas.registries import (
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    UNIT_SCALES,
    UNIT_WORDS,
    normalize_quantity,
)

from .doc_index import doc_text, ent_of

if TYPE_CHECKING:  # spaCy is imported only where a pipeline is built
    from spacy.tokens import Doc


_WORD_VALUES = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "a dozen": 12, "a hundred": 100, "a thousand": 1000,
    "half a dozen": 6, "a couple of": 2, "a million": 1e6, "a billion": 1e9, "a trillion": 1e12,
}
# Vague amounts: the lowest number the phrase admits (ANNOTATION.md).
_VAGUE_VALUES = {
    "tens of thousands": 10_000, "hundreds of thousands": 100_000, "tens of millions": 10_000_000,
    "hundreds of millions": 100_000_000, "dozens": 24, "scores": 40, "hundreds": 100, "thousands": 1000,
    "millions": 1_000_000, "billions": 1_000_000_000,
}
_MULTIPLIERS = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9,
    "trillion": 1e12, "tn": 1e12, "hundred": 100,
}
QUALIFIERS = {
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least", "a minimum of": "at_least",
    "more than": "more_than", "over": "more_than", "above": "more_than", "upwards of": "more_than",
    "in excess of": "more_than", "about": "approximate", "around": "approximate", "some": "approximate",
    "nearly": "approximate", "almost": "approximate", "roughly": "approximate", "approximately": "approximate",
    "an estimated": "approximate", "estimated": "approximate", "close to": "approximate", "just over": "more_than",
    "just under": "less_than", "up to": "at_most", "as many as": "at_most", "at most": "at_most",
    "no more than": "at_most", "a maximum of": "at_most", "within": "at_most", "fewer than": "less_than",
    "less than": "less_than", "under": "less_than", "below": "less_than",
}
_INCREASE = re.compile(r"\b(rose|risen|rise|rises|rising|increased?|increasing|up(?!\s+to\b)|climbed|climb|jumped|jump|gained|"
                       r"grew|grown|soared|surged|higher)\b[^.;]{0,25}$", re.IGNORECASE)
_DECREASE = re.compile(r"\b(fell|fallen|fall|falls|falling|dropped|drop|declined|decline|decreased?|down|slipped|"
                       r"lost|shrank|shrunk|slumped|plunged|lower)\b[^.;]{0,25}$", re.IGNORECASE)

_CHANGE_JUST_BEFORE = re.compile(
    r"\b(?:from|rose|risen|rise|rises|rising|increased?|climbed|jumped|gained|grew|soared|surged|fell|fallen|falls?|"
    r"dropped|declined?|decreased?|slipped|lost|shrank|slumped|plunged)\s+(?:by\s+)?$", re.IGNORECASE)
_NUM = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_WORDNUM = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|"
            r"seven|eight|nine))?|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
            r"one|two|three|four|five|six|seven|eight|nine|ten|a dozen|half a dozen|a hundred|a thousand|"
            r"a couple of|a million|a billion|a trillion)")
_VAGUE = r"(?:tens of thousands|hundreds of thousands|tens of millions|hundreds of millions|dozens|scores|hundreds|thousands|millions|billions)"
_MULT = r"(?:\s?(?:thousand|million|billion|trillion|bn|mn|tn)\b|(?:k|m|b)\b)"
_CUR_SYM = r"(?:US\$|A\$|C\$|HK\$|\$|£|€|¥)"
_CUR_WORD = r"(?:dollars?|euros?|pounds?(?: sterling)?|roubles?|rubles?|yen|yuan|francs?|hryvnias?|rupees?)"
_PERCENT = r"(?:\s?%|\s?per ?cent\b|\s?percentage points?\b)"
_UNIT = (r"(?:[\s-]?(?:km|kilometres?|kilometers?|miles?|metres?|meters?|cm|mm|kg|kilograms?|kilos?|tonnes?|tons?|"
         r"lbs?|pounds weight|mph|km/h|litres?|liters?|gallons?|barrels?|mb|gb|tb|megabytes?|gigabytes?|terabytes?|"
         r"years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries|century)\b)")
_QUAL = r"(?:(?P<qual>" + "|".join(sorted(map(re.escape, QUALIFIERS), key=len, reverse=True)) + r")\s+)?"
_AMOUNT = rf"(?:{_NUM}|{_WORDNUM}\b)"
_RANGE_TAIL = rf"(?:\s?(?:-|–|to|and|or)\s?(?P<high>{_CUR_SYM}?{_AMOUNT}))?"

_FIGURE_HEAD = rf"(?<![\w.,/:-]){_QUAL}(?:between\s+)?(?P<cur>{_CUR_SYM})?(?P<amount>{_VAGUE}\b|{_AMOUNT})"
_FIGURE_TAIL = rf"(?P<mult>{_MULT})?(?P<pence>p\b)?(?P<unit>{_PERCENT}|{_UNIT}|\s{_CUR_WORD}\b)?(?P<more>\s+more\b)?"
FIGURE = re.compile(_FIGURE_HEAD + _RANGE_TAIL + _FIGURE_TAIL, re.IGNORECASE)
FIGURE_NO_RANGE = re.compile(_FIGURE_HEAD + r"(?P<high>(?!))?" + _FIGURE_TAIL, re.IGNORECASE)
_MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
_DATE_BEFORE = re.compile(rf"{_MONTHS}\.?\s*$")
_DATE_AFTER = re.compile(rf"^(?:st|nd|rd|th)?\s*(?:of\s+)?{_MONTHS}\b")
_TIME_AFTER = re.compile(r"^(?::\d{2}|\s?(?:a\.?m\.?|p\.?m\.?|AM|PM|GMT|BST|o'clock)\b)")
_ORDINAL_AFTER = re.compile(r"^(?:st|nd|rd|th)\b")
_NAME_LABELS = {"ORG", "PRODUCT", "EVENT", "LAW", "WORK_OF_ART", "FAC", "PERSON", "GPE", "NORP", "LANGUAGE"}


@dataclass
class FigureRecord:
    start_char: int
    end_char: int
    text: str
    value: float
    value_low: float
    value_high: float | None
    unit: str
    unit_kind: str  # money | percent | measure | duration | count
    stated_unit: str | None
    normalized_value: float | None
    normalized_unit: str | None
    qualifier: str
    vague: bool
    counted: str | None
    change: str | None  # increase | decrease | None


def extract_figures(doc: Doc) -> list[FigureRecord]:
    text = doc_text(doc)
    records: list[FigureRecord] = []
    position = 0
    while (match := FIGURE.search(text, position)) is not None:
        if match["high"] and (_change_not_range(text, match) or not _plausible_range(text, match)):
            match = FIGURE_NO_RANGE.match(text, match.start())  # "lost $2 to $43.25" is two figures
        record = _figure_from_match(doc, match)
        if record is not None:
            records.append(record)
        position = max(match.end(), match.start() + 1)
    return records


def _plausible_range(text: str, match: re.Match) -> bool:
    """'3-5%', 'between 10 and 20 km', 'two to three months'; not 'eight to one majority', '2004 to 789m euros',
    '1,200 and 550' or a model number '777-200LR'."""
    low, _ = _value(match["amount"])
    high, _ = _value(match["high"].lstrip("$£€¥"))
    if low is None or high is None or high < low:
        return False
    connector = text[match.end("amount"):match.start("high")].strip().lower()
    if connector == "and" and not re.search(r"between\s*$", text[max(0, match.start("amount") - 9):match.start("amount")]):
        return False
    if re.fullmatch(r"(1[89]|20)\d\d", match["amount"]) and not re.fullmatch(r"(1[89]|20)\d\d", match["high"]):
        return False  # a year, then a figure
    return not re.match(r"^[A-Za-z]", text[match.end("high"):match.end("high") + 1])


def _change_not_range(text: str, match: re.Match) -> bool:
    """'X to Y' after 'from' or a change verb states a change between two figures, not a range."""
    connector = text[match.end("amount"):match.start("high")].strip().lower()
    if connector != "to":
        return False
    before = text[max(0, match.start() - 40):match.start()]
    return bool(_CHANGE_JUST_BEFORE.search(before))  # "from $2 to $3", "lost $2 to $43.25"


def _figure_from_match(doc: Doc, match: re.Match) -> FigureRecord | None:
    text = doc_text(doc)
    amount = match["amount"]
    amount_start = match.start("amount")
    before, after = text[max(0, match.start() - 30):match.start()], text[match.end("amount"):match.end("amount") + 15]
    has_unit = bool(match["cur"] or match["unit"] or match["mult"] or match["pence"])
    if _excluded(doc, match, amount, amount_start, before, after, has_unit):
        return None

    low, vague = _value(amount)
    if low is None:
        return None
    multiplier = _MULTIPLIERS.get((match["mult"] or "").strip().lower(), 1.0)
    high = None
    if match["high"]:
        high_value, _ = _value(match["high"].lstrip("$£€¥"))
        high = high_value * multiplier if high_value is not None else None
    low *= multiplier

    unit, unit_kind, stated = _unit(match)
    scale = UNIT_SCALES.get((stated or "").lower().lstrip("-").strip(), (None, 1))[1]
    low, high = low * scale, (high * scale if high is not None else None)  # "two decades" -> 20 years
    if unit == "count" and re.search(r"\b(?:aged|age of)\s*$", text[max(0, match.start() - 12):match.start()]):
        unit, unit_kind, stated = "year", "duration", "aged"
    if (match["mult"] or "").strip().lower() == "m" and not match["cur"] and unit == "count":
        # "1,000m" without a currency is a distance, not a million.
        low, high = low / multiplier, (high / multiplier if high is not None else None)
        unit, unit_kind, stated = "m", "measure", "m"
    if match["high"] and unit == "count" and not match["qual"] and re.fullmatch(r"\d{1,2}", amount) and \
            re.fullmatch(r"\d{1,2}", match["high"]) and text[match.end("amount")] == "-":
        return None  # "6-3", "2-0": a score, not a range
    if match["pence"] and unit in ("GBP", "count"):
        unit, unit_kind, stated, low = "GBP", "money", "p", low / 100
        high = high / 100 if high is not None else None
    end = match.end()
    if match["more"]:
        vague = True
    qualifier = QUALIFIERS.get((match["qual"] or "").lower(), "exact")
    if vague or (high is not None and qualifier == "exact"):
        qualifier = "approximate" if vague else qualifier
    counted = None
    if unit_kind == "count":
        counted, end = _counted(doc, match, end)
        if counted is not None and counted.lower() in UNIT_WORDS:  # "hundreds of kilometres"
            unit, unit_kind = UNIT_WORDS[counted.lower()]
            stated, counted = counted, None
        elif counted is not None and counted.lower() in CURRENCY_WORDS:  # "hundreds of millions of dollars"
            unit, unit_kind, stated, counted = CURRENCY_WORDS[counted.lower()], "money", counted, None
        elif counted is None and not _bare_count_allowed(match, amount, text):
            return None
        elif counted is not None and counted[:1].isupper() and not _is_plural(doc, end):
            return None  # "3 World Music Award", "One Night": part of a name
    normalized_value, normalized_unit = normalize_quantity(low, unit)
    window = text[max(0, match.start() - 40):match.start()]
    change = "increase" if _INCREASE.search(window) else "decrease" if _DECREASE.search(window) else None
    start = match.start()
    if unit == "year" and text.startswith("-old", end):
        end += 4  # "the 32-year-old"
    surface = text[start:end].rstrip(" ,.;:")
    return FigureRecord(
        start_char=start,
        end_char=start + len(surface),
        text=surface,
        value=float(low),
        value_low=float(low),
        value_high=float(high) if high is not None else None,
        unit=unit,
        unit_kind=unit_kind,
        stated_unit=stated,
        normalized_value=normalized_value,
        normalized_unit=normalized_unit,
        qualifier=qualifier,
        vague=vague,
        counted=counted,
        change=change,
    )


def _excluded(doc, match, amount, amount_start, before, after, has_unit) -> bool:
    lowered = amount.lower()
    if _DATE_BEFORE.search(before) and amount[:1].isdigit() and not has_unit:
        return True  # "June 2"
    if amount[:1].isdigit() and (_DATE_AFTER.match(after) or _TIME_AFTER.match(after) or _ORDINAL_AFTER.match(after)):
        return True  # "2 June", "3:13 PM", "31 AM", "21st"
    if re.fullmatch(r"(1[89]|20)\d\d", amount) and not has_unit:
        if not re.match(r"^\s+[a-z]+s\b", after):  # "1500 people" is a count; "in 1945" is a year
            return True
    if re.fullmatch(r"\d+", amount) and after.startswith("-point"):
        return True  # "a 10-point plan": part of a name, not a quantity
    span = doc.char_span(amount_start, amount_start + len(amount), alignment_mode="expand")
    if span is not None:
        token = span[0]
        if token.ent_type_ in _NAME_LABELS and not has_unit and token.ent_type_ != "PERSON":
            return True  # "G7", "Article 5", "Apollo 11"
        if token.ent_type_ in ("DATE", "TIME") and not has_unit and amount[:1].isdigit():
            ent = ent_of(token)
            ent_text = ent.text if ent is not None else ""
            if re.search(rf"{_MONTHS}|day\b|night|morning|evening|\d{{4}}", ent_text, re.IGNORECASE) and \
                    not re.search(r"\b(years?|months?|weeks?|days|hours?|decades?)\b", ent_text):
                return True
    if lowered == "one" and re.match(r"^\s+(of|another|day|time|way|thing)\b", after):
        return True
    if lowered == "one" and not has_unit and re.match(r"^\s+[a-z]+\s+of\b", after):
        return True  # "One effect of …": a determiner, not a count
    if re.search(r"\b(?:number|No\.?|no\.|rank(?:ed)?|page|Article|Section|Chapter|Room)\s*$", before):
        return True  # a rank or a label: "at number 19"
    if re.match(r"^/\d", after):
        return True  # "06/05": a date or a fraction written as a name
    name_before = re.search(r"(?:^|[^.!?:;\s]\s)([A-Z][\w-]*)\s$", before) if match.start() == amount_start else None
    if name_before and (amount[:1].isdigit() or amount[:1].isupper()) and not re.match(
        r"^(?:At|About|Around|Over|Some|Nearly|Almost|Only|Just|The|In|On|By|Of|And|With)$", name_before.group(1)
    ):
        return True  # "Half-Life 2", "FTSE 100", "BBC Four": part of a name
    if lowered == "one" and re.search(r"\w\s+to\s*$", before):
        return True  # "an eight to one majority": a ratio
    return False


def _bare_count_allowed(match: re.Match, amount: str, text: str) -> bool:
    """A number with no unit and no counted noun is a figure only when something says it is a quantity."""
    if amount.lower() in ("one", "a couple of"):
        return False  # "one" without a noun is a pronoun
    if match["qual"] or match["high"] or match["more"] or match["mult"] or amount.lower() in _VAGUE_VALUES:
        return True
    before = text[max(0, match.start() - 20):match.start()]
    if re.search(r"[A-Z][\w-]*\s$", before):
        return False  # "Half-Life 2", "Cannes 06"
    return len(amount.replace(",", "").split(".")[0]) >= 2 and amount[:1].isdigit()


def _is_plural(doc: Doc, end: int) -> bool:
    span = doc.char_span(max(0, end - 1), end, alignment_mode="expand")
    return span is not None and (span[-1].tag_ in ("NNS", "NNPS") or span[-1].text.endswith("s"))


def _value(amount: str) -> tuple[float | None, bool]:
    lowered = " ".join(amount.lower().split())
    if lowered in _VAGUE_VALUES:
        return float(_VAGUE_VALUES[lowered]), True
    if lowered in _WORD_VALUES:
        return float(_WORD_VALUES[lowered]), False
    parts = re.split(r"[- ]", lowered)
    if len(parts) == 2 and parts[0] in _WORD_VALUES and parts[1] in _WORD_VALUES:
        return float(_WORD_VALUES[parts[0]] + _WORD_VALUES[parts[1]]), False
    try:
        return float(lowered.replace(",", "")), False
    except ValueError:
        return None, False


def _unit(match: re.Match) -> tuple[str, str, str | None]:
    if match["cur"]:
        return CURRENCY_SYMBOLS[match["cur"]], "money", match["cur"]
    stated = (match["unit"] or "").strip()
    if not stated:
        return "count", "count", None
    lowered = stated.lower()
    if lowered in ("%", "per cent", "percent", "percentage point", "percentage points", "per  cent"):
        return ("point" if "point" in lowered else "percent"), "percent", stated
    if lowered in CURRENCY_WORDS:
        return CURRENCY_WORDS[lowered], "money", stated
    if lowered.lstrip("-").strip() in UNIT_SCALES:
        return UNIT_SCALES[lowered.lstrip("-").strip()][0], "duration", stated
    lowered = lowered.lstrip("-").strip()
    unit, kind = UNIT_WORDS.get(lowered, (None, None))
    if unit is None:
        return "count", "count", None
    return unit, kind, stated


_NOUN_POS = {"NOUN", "PROPN"}


def _counted(doc: Doc, match: re.Match, end: int) -> tuple[str | None, int]:
    """The noun a count counts: '71 of 80 attack drones' -> 'attack drones'; returns (noun, new end offset)."""
    text = doc_text(doc)
    rest = text[end:]
    of = re.match(r"^\s+of\s+(?:(?:the|its|their|these|those|his|her|our|my|your)\s+)?", rest)
    cursor = end + (of.end() if of else 0)
    if of:
        nested = FIGURE.match(text, cursor)
        if nested and nested["amount"]:  # "71 of 80 attack drones": count what the second number counts
            nested_end = nested.end()
            noun, noun_end = _noun_after(doc, nested_end)
            return noun, noun_end if noun else end
    noun, noun_end = _noun_after(doc, cursor)
    if noun is None:
        return None, end
    return noun, noun_end


def _noun_after(doc: Doc, offset: int) -> tuple[str | None, int]:
    span = doc.char_span(offset, len(doc_text(doc)), alignment_mode="expand")
    if span is None:
        return None, offset
    tokens = []
    for token in span:
        if token.is_space:
            break
        if token.pos_ in ("ADJ", "NOUN", "PROPN", "VERB") and token.tag_ in ("JJ", "NN", "NNS", "NNP", "NNPS", "VBG", "VBN") \
                or token.pos_ == "NOUN" or (token.pos_ == "ADV" and token.text.endswith("ly")) or token.text == "-":
            tokens.append(token)
            if token.tag_ in ("NNS", "NNPS") or (token.pos_ == "NOUN" and token.i + 1 < len(doc) and doc[token.i + 1].pos_ not in _NOUN_POS):
                break
            continue
        break
    while tokens and tokens[-1].pos_ not in _NOUN_POS:
        tokens.pop()
    if not tokens or len(tokens) > 4:
        return None, offset
    end = tokens[-1].idx + len(tokens[-1].text)
    return doc_text(doc)[tokens[0].idx:end], end
