"""In-document names: the full names, aliases and organisation names a story uses, so that "Sella" is Philippe Sella,
"Continental" is Continental Airlines and "Ms Hughes" is Beverly Hughes; canonical through the gazetteer.

A mixin of `SpeakerResolver` (as `pronouns.py` is): it reads the resolver's document, gazetteer and quote positions.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from .doc_index import doc_ents, doc_sents, doc_text, doc_tokens
from .gazetteer import Resolution
from .names import (
    NAME_PARTICLES,
    PERSONAL_HONORIFICS,
    ROLE_WORDS,
    TITLES,
    clean_name,
    could_be_first_name,
    first_name_gender,
    given_names,
    initials,
    is_name_word,
    name_run,
    names_an_office,
    opens_with_a_word,
    slug,
    strip_titles,
)
from .speaker_record import Speaker
from .speaker_words import ORG_LABELS, ORG_NAME_WORDS, ORG_NOUNS, SOURCE_NOUNS, is_capitalised_plural_source
from .syntax import entity_of, is_subject

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

PEERAGE = {"Lord", "Lady", "Baroness", "Baron", "Viscount", "Earl"}
# Titles a royal goes by with one given name: "Prince Charles" is the name, not Charles Kennedy's first name
ROYAL_TITLES = {"Prince": "Prince", "Princess": "Princess", "King": "King", "Queen": "Queen", "Pope": "Pope",
                "Emperor": "Emperor", "Princes": "Prince", "Princesses": "Princess"}
MAX_NICKNAME_WORDS = 3  # Ronnie "The Rocket" O'Sullivan
# Entity labels the NER gives some people's names in news text
MISLABELLED_NAME_TYPES = frozenset({"PRODUCT", "WORK_OF_ART"})
_NAME_RUN_TYPES = frozenset({"", "PERSON"}) | MISLABELLED_NAME_TYPES
# Labels the NER gives some full names that open with a first name ("Elena Dementieva" as a building, "Adrian"
# Mutu's first name as a nationality)
_PLACE_TYPES = frozenset({"FAC", "GPE", "LOC", "NORP"})
# Words inside an organisation's name ("Council of Britain", "Department for Education and Skills")
_NAME_LINKS = {"of", "for", "and", "&"}
_LEGAL_FORMS = {"inc", "ltd", "plc", "corp", "corporation", "holdings", "co", "llc", "ag", "sa", "nv"}


# "Chart-topper 50 Cent, real name Curtis Jackson, said": a performer goes by the name the story gives first.
_STAGE_NAME = re.compile(
    r"(?P<stage>(?:The )?[A-Z0-9][\w'&-]*(?: [A-Z0-9][\w'&-]*){0,2})\s*(?:,|-|–|—|\()\s*"
    r"(?:whose )?real name(?: is)?,? (?P<real>[A-Z][\w'-]+(?: [A-Z][\w'-]+){1,3})")


def as_peer(name: str, title: str) -> str:
    """A peer known only by title is "Lord Bingham", not "Bingham"."""
    return f"{title} {name}" if title in PEERAGE and len(name.split()) == 1 else name


def _joins_name(before: Token, hyphen: Token) -> bool:
    """A hyphen written without spaces between two capitalised proper nouns: a double-barrelled name."""
    after = hyphen.doc[hyphen.i + 1] if hyphen.i + 1 < len(hyphen.doc) else None
    return not before.whitespace_ and not hyphen.whitespace_ and after is not None and after.pos_ == "PROPN" \
        and is_name_word(after)


def _is_doubled(words: list[str]) -> bool:
    half = len(words) // 2
    return len(words) % 2 == 0 and half > 0 and words[:half] == words[half:]


def is_org_name(name: str) -> bool:
    """'Manchester United', 'Lyric Theatre', 'Downing Street': a name with an organisation or place word."""
    return bool({w.lower() for w in name.split()} & ORG_NAME_WORDS)


# A capitalised name followed by its acronym in brackets: "Motion Picture Association of America (MPAA)"
_DEFINED_ACRONYM = re.compile(
    r"((?:[A-Z][\w&'’-]*\s+(?:(?:of|for|and|the|on|de)\s+)*)+(?:[ld]['’])?[A-Z][\w&'’-]*)\s+\(([A-Z][A-Z&]+)\)")


_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")
# A run of capitalised words, with the small words a body's name may hold ("Federal Bureau of Investigation")
_CAPITALISED_RUN = re.compile(r"[A-Z][\w&'’-]*(?:\s+(?:(?:of|for|and|the|on|de)\s+)*[A-Z][\w&'’-]*)+")


class DocumentNames:
    """Names as the story gives them: people's full names by surname, organisations' full names by short name."""

    def _collect_full_names(self) -> dict[str, str]:
        """Surname -> the full name the document gives most often with it, the first named on a tie (PERSON spans
        and proper-noun runs)."""
        names: dict[str, str] = {}
        self._given_names: set[str] = set()  # every full name, for a first name said alone ("Sharon said")
        candidates = [strip_titles(clean_name(ent.text)) for ent in doc_ents(self.doc) if ent.label_ == "PERSON"]
        # names the story itself gives, not only someone it quotes ("incoming C.E.O. Tim Sloan" in a quote, "Timothy
        # J. Sloan" in the story)
        narrated = {strip_titles(clean_name(ent.text)) for ent in doc_ents(self.doc)
                    if ent.label_ == "PERSON" and self.is_outside(ent[0])}
        # given name -> "Prince Charles", for "Charles said" later
        self._royal_names = {royal.split()[-1]: royal for ent in doc_ents(self.doc) if ent.label_ == "PERSON"
                             and (royal := self._royal_name(ent)) is not None}
        self._person_entity_names = set(candidates)
        self._person_words = Counter(t.text for t in doc_tokens(self.doc) if t.ent_type_ == "PERSON")
        # The NER sometimes labels a person's full name a product or a work ("Marcel Desailly" after a headline
        # that ran into the body): such a run is a name when its last word is a surname the NER does call a person.
        person_surnames = {c.split()[-1] for c in candidates if c}
        run: list[str] = []
        run_positions: list[tuple[int, str, bool]] = []
        run_tokens: list[Token] = []
        skip_to = -1
        for token in list(self.doc) + [None]:
            if token is not None and token.idx < skip_to:
                continue
            if token is not None and run and (nickname_end := self._nickname_end(token)) is not None:
                skip_to = nickname_end  # Jimmy "the Whirlwind" White: the name goes on after the nickname
                continue
            if token is not None and run and token.lower_ in NAME_PARTICLES and token.i + 1 < len(self.doc) \
                    and self.doc[token.i + 1].pos_ == "PROPN":
                run.append(token.text)  # "Sandra den Hamer", "Ludwig van Beethoven"
                run_tokens.append(token)
                continue
            if token is not None and token.text == "-" and run and _joins_name(run_tokens[-1], token):
                run[-1] += "-"  # "Lewis-Francis": one name in three tokens
                continue
            if (
                token is not None and token.pos_ == "PROPN" and is_name_word(token)
                and (token.ent_type_ in _NAME_RUN_TYPES
                     or token.ent_type_ == "ORG" and token.lower_ not in ORG_NAME_WORDS
                     # a place or a day to the NER, in a run that opens with a first name ("Mike Friday")
                     or token.ent_type_ in _PLACE_TYPES | {"DATE"} and (run_tokens or [token])[0].text in given_names())
            ):
                if run and run[-1].endswith("-"):
                    run[-1] += token.text
                else:
                    run.append(token.text)
                run_tokens.append(token)
                continue
            if len(run) < 2:
                run, run_tokens = [], []
                continue
            name = strip_titles(" ".join(run).rstrip("-"))
            mislabelled = any(t.ent_type_ in MISLABELLED_NAME_TYPES for t in run_tokens)
            # a run the NER calls an organisation throughout ("Hewlett Packard", "Polar Express") is a person's
            # name only with a first name before its last word ("Milan Baros", a headline's "Glazer Rio
            # Ferdinand") or a last word the NER gives a person elsewhere
            body = all(t.ent_type_ == "ORG" for t in run_tokens) \
                and not any(could_be_first_name(w) for w in name.split()[:-1])
            if 2 <= len(name.split()) <= 4 and not is_org_name(name) and not names_an_office(name) \
                    and (not (mislabelled or body) or name.split()[-1] in person_surnames):
                candidates.append(name)
                if self._left_out_first_name(run_tokens[0]) and (tagged := " ".join(name.split()[1:])) in candidates:
                    candidates.remove(tagged)  # the NER's "Jan Vetham" is this run's "Ard Jan Vetham"
                last = run_tokens[-1]
                run_positions.append((run_tokens[0].idx, name, is_subject(last)))
                if self.is_outside(run_tokens[0]):
                    narrated.add(name)
            run, run_tokens = [], []
        self._name_runs = run_positions
        # A headline runs into the body in some corpora ("… Glazer Rio Ferdinand has said"): a long run that
        # starts with another person's surname starts one word later.
        surnames = {n.split()[-1] for n in candidates if len(n.split()) >= 2}
        candidates = [" ".join(n.split()[1:]) if len(n.split()) >= 3 and (
            n.split()[0] in surnames or _plural_headline_word(n.split())) else n for n in candidates]
        # … and a two-word one ("Chelsea sack Mutu Chelsea have sacked Adrian Mutu") is a surname and a body's name
        candidates = [n for n in candidates if not (len(n.split()) == 2 and n.split()[0] in surnames
                                                    and n.split()[1] in self._body_names)]
        mentions = Counter(candidates)
        # "Mrs Parker Bowles" after "Camilla Parker Bowles": two words after an honorific are a double surname,
        # the longer name's, named as often as both together ("Treasury Paul Boateng" does not take Paul Boateng)
        text = doc_text(self.doc)
        for name in list(mentions):
            longer = {n for n in mentions if n.endswith(" " + name)}
            if len(longer) == 1 and re.search(rf"\b(?:{'|'.join(PERSONAL_HONORIFICS)})\.? {re.escape(name)}\b", text):
                mentions[longer.pop()] += mentions[name]
                del mentions[name]
        candidates = [n for n in candidates if n in mentions]
        for name in candidates:
            parts = name.split()
            if not all(p[:1].isupper() or p.lower() in NAME_PARTICLES for p in parts) \
                    or parts[-1].lower() in SOURCE_NOUNS:
                continue  # "- the" from a ragged PERSON span, "Tory MP": no names
            if _is_doubled(parts):
                continue  # "Nike Nike has reported …": a headline ending with the name the story opens with
            if parts[0].lower() in NAME_PARTICLES:
                continue  # "El Guerrouj" is the surname of Hicham El Guerrouj, not a full name
            # two people with one surname (Tony and Cherie Blair): the one the story names more often, then the
            # one it names first (its subject: "Rock star Ozzy Osbourne …. His wife Sharon …")
            current = names.get(parts[-1], "")
            if len(parts) >= 2:
                self._given_names.add(name)
            rank, current_rank = (name in narrated, mentions[name]), (current in narrated, mentions[current])
            if len(parts) >= 2 and (current == "" or rank > current_rank or (
                    rank == current_rank and opens_with_a_word(current)
                    and not opens_with_a_word(name))):  # "Tim Henman" over a headline's "Classy Henman"
                names[parts[-1]] = name
        # "Robert Kilroy Silk", a slip for the "Robert Kilroy-Silk" the story gives more often, is the same name
        spellings: dict[str, str] = {}
        for name in sorted(mentions, key=lambda n: -mentions[n]):
            spellings.setdefault(name.replace("-", " "), name)
        return {surname: spellings.get(full.replace("-", " "), full) for surname, full in names.items()}

    def is_surname(self, word: str) -> bool:
        """Whether the story names someone in full with this last name."""
        return word in self._full_names

    def _collect_stage_names(self) -> dict[str, str]:
        """Real name, its surname and the stage name's last words -> the stage name the story gives first."""
        names: dict[str, str] = {}
        for match in _STAGE_NAME.finditer(doc_text(self.doc)):
            words = match["stage"].split()
            while len(words) > 1 and ("-" in words[0] and words[0][1:].lower() == words[0][1:] or
                                      words[0].lower() in ROLE_WORDS):
                words = words[1:]  # "Chart-topper 50 Cent", "Rapper Snoop Dogg"
            stage, real = " ".join(words), match["real"]
            names[real] = names[real.split()[-1]] = stage
            if stage.startswith("The "):
                names[stage[4:]] = stage  # "The Game" said as "Game"
        return names

    def by_stage_name(self, speaker: Speaker | None) -> Speaker | None:
        """The speaker under the stage name the story gives them, if it gives one."""
        if speaker is None or speaker.type != "person" or speaker.name not in self._stage_names:
            return speaker
        stage = self._stage_names[speaker.name]
        return Speaker(stage, "person", f"person:{slug(stage)}", speaker.role, speaker.mention, speaker.gender)

    def _left_out_first_name(self, token: Token) -> bool:
        """A first name opening a sentence that the NER left out of the name it tags after it ("Ard Jan Vetham"; not
        a headline's "… falls to Dent in Adelaide Lleyton Hewitt suffered")."""
        doc = self.doc
        before = token.i - 1
        if before > 0 and doc[before].text in ('"', "”") and doc[before - 1].text in (".", "!", "?"):
            before -= 1  # '… far too long." Rhodri Glyn Thomas, Plaid Cymru health spokesman said'
        return not token.ent_type_ and token.dep_ == "compound" and 0 < token.i < len(doc) - 1 \
            and doc[before].text in (".", "!", "?") and doc[token.i + 1].ent_iob_ == "B" \
            and doc[token.i + 1].ent_type_ == "PERSON" and could_be_first_name(token.text)

    def _nickname_end(self, token: Token) -> int | None:
        """Where a short quoted nickname opened by this token ends, when a surname follows it."""
        if token.text in ("'", "‘"):
            # Brian 'Head' Welch: single marks are no quote spans; a capitalised word or two, closed, then a name
            close = next((t for t in self.doc[token.i + 2:token.i + 2 + MAX_NICKNAME_WORDS]
                          if t.text in ("'", "’")), None)
            after = self.doc[close.i + 1] if close is not None and close.i + 1 < len(self.doc) else None
            if after is not None and after.pos_ == "PROPN" and after.text[:1].isupper() and after.is_alpha \
                    and all(t.text[:1].isupper() for t in self.doc[token.i + 1:close.i]):
                return close.idx + len(close.text)
            return None
        i = bisect_right(self._quoted_starts, token.idx) - 1
        if i < 0 or self._quoted[i][0] != token.idx:
            return None
        start, end = self._quoted[i]
        if len(doc_text(self.doc)[start + 1:end - 1].split()) > MAX_NICKNAME_WORDS:
            return None
        after = next((t for t in self.doc[token.i + 1:] if t.idx >= end), None)
        return end if after is not None and after.pos_ == "PROPN" and after.text[:1].isupper() and after.is_alpha \
            else None

    def is_nickname(self, quote_start: int) -> bool:
        """A short quote between a first name and a surname: Jimmy "the Whirlwind" White."""
        mark = self.doc.char_span(quote_start, quote_start + 1, alignment_mode="expand")
        if mark is None or mark[0].i == 0:
            return False
        before = self.doc[mark[0].i - 1]
        return before.pos_ == "PROPN" and before.text[:1].isupper() and self._nickname_end(mark[0]) is not None

    def _collect_org_full_names(self) -> dict[str, str]:
        """Short name -> the one longer organisation name in the document that only adds a kind of organisation
        to it ("Continental" -> "Continental Airlines", "Bank" -> "Bank of England"; not "Apple" -> "Apple
        Developer Connection", a part of it, nor "ABC" -> "ABC Inc", the same name with its legal form); or that the
        story gives in full before it shortens it ("Cairn Energy … Cairn said")."""
        longer: dict[str, set[str]] = {}
        for ent in doc_ents(self.doc):
            words = clean_name(ent.text).split()
            acronym = initials(" ".join(words))
            if ent.label_ == "ORG" and len(acronym) >= 2 and len(words) - len(acronym) <= 2:
                longer.setdefault(acronym, set()).add(" ".join(words))  # "WHO": "World Health Organisation"
                if "&" in acronym and len(words) >= 3:  # "FAO": "Food & Agriculture Organisation" ("B&B" keeps it)
                    longer.setdefault(acronym.replace("&", ""), set()).add(" ".join(words))
            if ent.label_ == "ORG" and len(words) >= 3 and words[1] == "of":
                longer.setdefault(words[0], set()).add(" ".join(words))  # "the Bank": "Bank of England"
            if ent.label_ == "ORG" and 2 <= len(words) <= 4 and len(set(words)) == len(words):
                for cut in range(1, len(words)):
                    added = {w.lower().rstrip(".") for w in words[cut:]}
                    if added <= ORG_NAME_WORDS and not added & _LEGAL_FORMS:
                        longer.setdefault(" ".join(words[:cut]), set()).add(" ".join(words))
        self._add_introduced_in_full(longer)
        for match in _DEFINED_ACRONYM.finditer(doc_text(self.doc)):
            # "The Motion Picture Association of America (MPAA)": the story defines the acronym, whatever the NER cut
            words = match.group(1).split()
            while words and initials(" ".join(words)) != match.group(2) and len(initials(" ".join(words))) > 1:
                words = words[1:]  # "… lawsuits in the US. The Motion Picture …": from the word the initials start
            if words and initials(" ".join(words)) == match.group(2):
                longer[match.group(2)] = {" ".join(words)}
        self._add_spelled_out_acronyms(longer)
        return {short: names.pop() for short, names in longer.items() if len(names) == 1}

    def _add_spelled_out_acronyms(self, longer: dict[str, set[str]]) -> None:
        """An acronym the story uses for a body it also writes out, undefined and whatever the NER made of the
        long form: "The US Federal Bureau of Investigation is warning … the FBI's Internet Fraud Complaint Center",
        "FA decides not to punish Mourinho The Football Association will take no action"."""
        text = doc_text(self.doc)
        used = set(_ACRONYM.findall(text)) - set(longer)
        if not used:
            return
        people = {e.start_char for e in doc_ents(self.doc) if e.label_ == "PERSON"}
        for match in _CAPITALISED_RUN.finditer(text):
            words = match.group().split()
            starts = [match.start() + m.start() for m in re.finditer(r"\S+", match.group())]
            for cut in range(len(words) - 1):
                if words[cut][:1].islower():
                    continue
                acronym = initials(" ".join(words[cut:]))
                # (a person's initials are no body's: "BT" is not Bill Thompson)
                if acronym in used and starts[cut] not in people and not words[cut].isupper():
                    longer.setdefault(acronym, set()).add(" ".join(words[cut:]))
                    break

    def _add_introduced_in_full(self, longer: dict[str, set[str]]) -> None:
        """News introduces a body by its full name and shortens it after ("Nortel Networks has fired … Nortel said",
        "the Committee to Protect Bloggers … The Committee"): a short name the NER also takes for a body, never
        written alone before the full name (but in the headline), stands for it. Not a name that adds an adjective
        ("IAAF Greek"), nor a person the NER took for a body ("Amanda Champion's killer")."""
        text = doc_text(self.doc)
        headline_end = doc_sents(self.doc)[0].end_char if len(self.doc) else 0
        for ent in doc_ents(self.doc):
            tokens = [t for t in ent if not (t.i == ent.start and t.lower_ == "the") and t.tag_ != "POS"]
            words = [t.text for t in tokens]
            if ent.label_ != "ORG" or not 2 <= len(words) <= 5 or _is_doubled(words) \
                    or first_name_gender(" ".join(words)) is not None:
                continue
            for cut in range(1, len(words)):
                short = " ".join(words[:cut])
                if short not in self._org_names or not all(
                        t.text[:1].isupper() and t.text[1:2].islower() and not t.tag_.startswith("JJ")
                        or t.lower_ in ("of", "to", "for", "and") for t in tokens[cut:]):
                    continue
                alone = [m.start() for m in re.finditer(rf"\b{re.escape(short)}\b(?! {re.escape(words[cut])})", text)]
                if alone and all(p > ent.start_char or p < headline_end for p in alone):
                    longer.setdefault(short, set()).add(" ".join(words))

    def _organization_starting(self, word: str) -> str | None:
        """The one longer organisation name in the document that starts with this word (or its plural), when no
        person in it goes by the word."""
        starting = {n for n in self._org_names if len(n.split()) > 1 and n.split()[0] in (word, word + "s")}
        return starting.pop() if len(starting) == 1 else None

    def _surname_match(self, text: str) -> str | None:
        """The document's full name for a lone surname, allowing a spelling variant (Mukerjee ~ Mukherjee)."""
        parts = clean_name(text).split()
        if len(parts) > 1 and (parts[0].lower() in NAME_PARTICLES or " ".join(parts) not in self._given_names):
            # "Le Bon" after "Simon Le Bon": a surname with a particle; "Parker Bowles" after "Camilla Parker
            # Bowles": a double surname
            tail = " ".join(parts)
            full = {n for n in self._full_names.values() if n.endswith(" " + tail)}
            return full.pop() if len(full) == 1 else None
        if len(parts) != 1:
            return None
        if parts[0] in self._full_names:
            return self._full_names[parts[0]]
        if parts[0] in self._royal_names:
            return self._royal_names[parts[0]]
        # a first name, only for someone the NER itself calls a person ("Apple" is not "Apple Developer Connection")
        first = {n for n in self._given_names if n.split()[0] == parts[0] and n in self._person_entity_names}
        chosen = first & set(self._full_names.values())
        if len(first) == 1 or len(chosen) == 1:
            return (chosen or first).pop()  # "Jamie didn't finally arrive …" in a story about Jamie Costin
        if len(chosen) > 1:
            # "Ozzy said" with "Ozzy Osbourne" and a headline's "Ozzy Rock": the one whose surname the story says
            # most
            said = self._person_words
            ranked = sorted(chosen, key=lambda n: said[n.split()[-1]], reverse=True)
            if said[ranked[0].split()[-1]] > said[ranked[1].split()[-1]]:
                return ranked[0]
        match = process.extractOne(parts[0], list(self._full_names), scorer=fuzz.ratio, score_cutoff=85)
        if match is None or match[0].startswith(parts[0]) or parts[0].startswith(match[0]) \
                or parts[0].endswith(match[0]) or match[0].endswith(parts[0]):
            # an ending or a beginning added is another word ("German", "Germany"; "T-Mobile", "Mobile"), not a
            # spelling variant
            return None
        return self._full_names[match[0]]

    def _royal_name(self, ent: Span) -> str | None:
        """ "Prince Charles", "King Abdullah", "Princes William and Harry" (each): a royal title and one given name."""
        words = clean_name(ent.text).split()
        if len(words) == 2 and words[0] in ROYAL_TITLES:
            return f"{ROYAL_TITLES[words[0]]} {words[1]}"
        before = ent.doc[ent.start - 1].text if ent.start > 0 else ""
        if ent.root.dep_ == "conj" and ent.root.head.i > 0:
            before = ent.doc[ent.root.head.i - 1].text if ent.doc[ent.root.head.i - 1].text in ROYAL_TITLES else before
        return f"{ROYAL_TITLES[before]} {words[0]}" if len(words) == 1 and before in ROYAL_TITLES else None

    def person(self, ent: Span) -> Speaker:
        royal = self._royal_name(ent)
        if royal is not None:
            return Speaker(royal, "person", f"person:{slug(royal)}", mention=ent.text)
        name = strip_titles(clean_name(ent.text))
        if len(ent) == 1 and self._surname_match(name) is None:
            firm = self._organization_starting(name)
            if firm is not None:  # "Highfield said" in a story about Highfields Capital Management
                return Speaker(firm, "organization", f"org:{slug(firm)}", mention=ent.text)
        knighted = ent.text.split()[0] in ("Sir", "Dame") if len(ent) > 1 else (
            ent.start > 0 and ent.doc[ent.start - 1].text in ("Sir", "Dame"))
        if knighted and len(name.split()) == 1:
            # "Sir John said" after "Sir John Bourn": knights go by their first name
            full = [n for n in self._full_names.values() if n.split()[0] == name]
            if len(set(full)) == 1:
                name = full[0]
        run = clean_name(name_run(ent[-1], left=False))
        if run.startswith(name) and len(run.split()) > len(name.split()):
            name = run  # the NER cut the name: "Sandra" + "den" + "Hamer"
        # An in-document full name beats a gazetteer surname alias ("Harris" is Ian Harris in a tech story).
        full = self._surname_match(name)
        if full is not None:
            name = full
        resolved = self.gazetteer.resolve(name, "PERSON")
        title = ent.text.split()[0] if len(ent) > 1 else (ent.doc[ent.start - 1].text if ent.start else "")
        if full is None and len(name.split()) == 1 and title.lower() in TITLES:
            # "President Bush" is an alias the gazetteer knows whole, "Bush" alone is not
            titled = self.gazetteer.exact(f"{title} {name}", "PERSON")
            if titled is not None:
                resolved = Resolution(titled, "exact", 100.0)
        if resolved is not None and (full is not None or len(name.split()) > 1 or resolved.method == "exact"):
            e = resolved.entity
            return Speaker(e.name, "person", e.id, mention=ent.text, gender=e.gender)
        if full is None:
            words = ent.text.split()
            name = as_peer(name, words[0] if len(words) > 1 else (ent.doc[ent.start - 1].text if ent.start else ""))
        return Speaker(name, "person", f"person:{slug(name)}", mention=ent.text)

    def organization(self, ent: Span) -> Speaker:
        if len(ent) == 1 and is_capitalised_plural_source(ent.text):
            return Speaker(ent.text, "anonymous", None, mention=ent.text)  # "MPs", which the NER calls a body
        name = self._whole_org_name(ent)
        after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
        if after is not None and after.tag_ == "POS" and after.head == ent.root and \
                ent.root.dep_ in ("nsubj", "nsubjpass") and not name.endswith("s"):
            name += "'s"  # "McDonald's announced …": a possessive with nothing possessed is part of the name
        if ent.label_ == "ORG" or name.isupper():
            # "Continental said" after "Continental Airlines", "RICS" (whatever the NER calls it) after the Royal
            # Institute of Chartered Surveyors; "Washington" is not the Post
            name = self._org_full_names.get(name, name)
        resolved = self.gazetteer.resolve(name, ent.label_)
        if resolved is not None and resolved.entity.type != "PERSON":
            e = resolved.entity
            return Speaker(e.name, "organization", e.id, mention=ent.text)
        return Speaker(name, "organization", f"org:{slug(name)}", mention=ent.text)

    def _whole_org_name(self, ent: Span) -> str:
        """An organisation's name as written, mended where the NER cut it or ran a headline into it: "The Muslim
        Council of" + "Britain"; "Nike Nike" where the headline ends with the name the story starts with."""
        doc = ent.doc
        name = clean_name(ent.text)
        if ent[-1].lower_ in _NAME_LINKS and ent.end < len(doc):
            rest = entity_of(doc[ent.end])
            if rest is not None and rest.start == ent.end and rest.label_ in ORG_LABELS:
                name = clean_name(doc[ent.start:rest.end].text)
        if ent.start >= 3 and doc[ent.start - 1].lower_ == "and" and doc[ent.start - 2].text.istitle() \
                and doc[ent.start - 3].lower_ == "the" and not doc[ent.start - 2].ent_type_ \
                and ent[-1].lemma_.lower() in ORG_NOUNS:
            # "the Finance and Economy Ministry said", where the NER took only "Economy Ministry"
            name = clean_name(doc[ent.start - 2:ent.end].text)
        before = doc[ent.start - 1] if ent.start > 0 else None
        if before is not None and before.text.istitle() and before.is_alpha and not before.is_sent_start \
                and not before.ent_type_:
            # "by the Liberal Democrats", where the NER left "Liberal" out: the longer name the story gives elsewhere
            longer = clean_name(f"{before.text} {name}")
            if longer in self._body_names:
                name = longer
        words = name.split()
        if _is_doubled(words) and " ".join(words[:len(words) // 2]) in self._org_names:
            name = " ".join(words[:len(words) // 2])
        return name


def _plural_headline_word(parts: list[str]) -> bool:
    """"Spurs Jermain Defoe …": a headline's plural before a full name, not a first name ending in s ("Charles
    Saumarez Smith", "Hans Arne Kristiansen")."""
    return parts[0].endswith("s") and not could_be_first_name(parts[0])
