"""People and organisations a name stands for: whether a lone word the NER calls a person is one ("Labour",
"Oscar"), a proper noun the NER missed ("Pires told …", "UEFA"), an entity with its role ("Tory leader Michael
Howard"), initials ("JK" for Jason King) and honorifics that give a gender ("Mrs Blair").

A mixin of `SpeakerResolver` (as `pronouns.py` is): it reads the resolver's `doc`, `gazetteer`, the in-document
names of `DocumentNames` (`_surname_match`, `_full_names`, `_org_full_names`, `person`, `organization`) and
`is_outside`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from .doc_index import doc_text, doc_tokens, sent_of
from .document_names import MISLABELLED_NAME_TYPES, PEERAGE, as_peer, is_org_name
from .names import (
    ROLE_WORDS,
    TITLES,
    clean_name,
    given_names,
    initials,
    is_english_word,
    name_run,
    slug,
    strip_titles,
    world_given_names,
)
from .speaker_record import Speaker
from .speaker_words import CUE_LEMMAS, ORG_LABELS, ORG_NAME_WORDS, ORG_NOUNS
from .syntax import entity_of, in_parentheses

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Labels that open a line without naming its speaker
_NOT_SPEAKER_LABELS = {"UPDATE", "NOTE", "EDITOR'S NOTE", "CORRECTION", "BREAKING", "WATCH", "READ", "MORE", "RELATED",
                       "VIDEO", "PHOTOS", "Q", "A", "QUESTION", "ANSWER", "SOURCE", "UNIDENTIFIED", "CROSSTALK"}
# A speaker's name in capitals and a colon opening a transcript line ("PENCE: …", "O'REILLY: …")
SPEAKER_LABEL = r"([A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+){0,2}): "
_LABELLED_QUOTE = re.compile(r"[\"“]" + SPEAKER_LABEL)
# A US legislator's party and state after the name: "Paul Ryan, R-Wis.,", "Mike Pence (R-IN)"
_PARTY_STATE = re.compile(r"\b[RDI]-[A-Z][A-Za-z]{1,4}\.?(?=[\s,;)])")
_HONORIFIC_GENDER = {"mr": "m", "sir": "m", "lord": "m", "mrs": "f", "ms": "f", "miss": "f", "lady": "f", "dame": "f",
                     "baroness": "f"}
_HONORIFICS = set(_HONORIFIC_GENDER) | {"dr"}


class NamedSpeakers:
    def _credible_person(self, ent: Span) -> bool:
        """A lone word the NER calls a person ("Labour", "Oscar", a band) is one only if the story names someone
        in full with it, puts an honorific before it, introduces them by it ("Jane, who runs the website") or the
        gazetteer knows it: news introduces people by full name. Others are not pronoun antecedents."""
        before = self.doc[ent.start - 1] if ent.start > 0 else None
        if ent.root.dep_ == "compound" and ent.root.head.pos_ == "NOUN" and before is not None \
                and before.dep_ == "det" and before.head == ent.root.head:
            return False  # "The East Midlands MEP": a modifier of someone's role, not a name
        if len(ent) > 1:
            return not has_org_word(ent) and not self._names_members(ent.text)  # not "Downing Street"
        if ent.text in self._introduced_bodies:
            return False  # "oil and gas giant Yukos", which the NER calls a person throughout
        if self._introduced_by_first_name(ent):
            return True
        return self._surname_match(ent.text) is not None or self._names_someone(ent.text)

    def _introduced_by_first_name(self, ent: Span) -> bool:
        """"Jane, who runs the website, …", "Rachel, 34, …": someone the story introduces by a first name alone."""
        after = self.doc[ent.end:ent.end + 2]
        return bool(world_given_names().get(ent.text)) and len(after) == 2 and after[0].text == "," \
            and (after[1].lower_ in ("who", "whose") or after[1].like_num)

    @property
    def _introduced_bodies(self) -> set[str]:
        """Capitalised words the story puts right after a noun for a body ("oil firm Yukos", "software giant
        Microsoft"), as the body's whole name (not "Scott's company Scott Free")."""
        if self._bodies_cache is None:
            self._bodies_cache = {
                t.text for t in doc_tokens(self.doc)[1:-1] if t.pos_ == "PROPN" and t.text[:1].isupper()
                and self.doc[t.i - 1].lemma_.lower() in ORG_NOUNS | {"giant"} and self.doc[t.i - 1].pos_ == "NOUN"
                and not (self.doc[t.i + 1].pos_ == "PROPN" and self.doc[t.i + 1].text[:1].isupper())}
        return self._bodies_cache

    def known_person(self, speaker: Speaker) -> bool:
        """A person named in full, or by a word the story uses for someone ("Exodus", an album the NER calls a
        person, is not one): news introduces people by full name."""
        name = speaker.name or ""
        return len(name.split()) > 1 or self.is_surname(name) or self._names_someone(name)

    def _names_someone(self, word: str) -> bool:
        """A lone word the story uses for a person: after an honorific ("Mr Parry"), as the subject of a reporting
        verb ("Parry admits …": someone who speaks is a person), or a name the gazetteer knows exactly."""
        if word.lower() in self._honorific_words or word in self._reporting_subjects \
                or word in self._self_reporting_names:
            return True
        return self.gazetteer.exact(word, "PERSON") is not None

    def _names_members(self, name: str) -> bool:
        """A name the story also puts in the plural ("Lib Dem spokesman Vince Cable … say the Lib Dems") is a
        party or group's, not a person's; so is a plural one the story puts after "the" ("adopted by the Lib
        Dems")."""
        text = doc_text(self.doc)
        if re.search(rf"\b{re.escape(name)}s\b", text):
            return True
        bare = name.removeprefix("the ").removeprefix("The ")
        return name.endswith("s") and " " in name and re.search(rf"\b[Tt]he {re.escape(bare)}\b", text) is not None

    @property
    def _reporting_subjects(self) -> set[str]:
        if self._reporting_cache is None:
            # a person to the NER, or a capitalised name it left untagged ("Safin said")
            self._reporting_cache = {
                c.text for t in doc_tokens(self.doc) if t.lemma_ in CUE_LEMMAS and t.pos_ == "VERB" for c in t.children
                if c.dep_ == "nsubj" and (c.ent_type_ == "PERSON" or (
                    not c.ent_type_ and c.pos_ == "PROPN" and c.text.istitle()))}
        return self._reporting_cache

    @property
    def _self_reporting_names(self) -> set[str]:
        """Lone capitalised words the NER calls a body or place that report about themselves as "he" or "she"
        ("Federer admitted he was under extra pressure"): bodies are "it", so these are people."""
        if self._self_reporting_cache is None:
            self._self_reporting_cache = {
                c.text for t in doc_tokens(self.doc)
                if t.lemma_ in CUE_LEMMAS and t.pos_ == "VERB" and self.is_outside(t)
                for c in t.children
                if c.dep_ == "nsubj" and c.ent_type_ in ORG_LABELS and c.pos_ == "PROPN"
                and c.text[:1].isupper() and c.is_alpha  # "McCall" too, which is no title-case word
                and entity_of(c) is not None and len(entity_of(c)) == 1
                and any(g.dep_ == "nsubj" and g.lower_ in ("he", "she") for k in t.children if k.dep_ == "ccomp"
                        for g in k.children)}
        return self._self_reporting_cache

    @property
    def _who_names(self) -> set[str]:
        """Lone capitalised names a "who" clause describes ("DiCaprio, who lost out on the best actor Bafta to
        Foxx, …"): people, whatever the NER left untagged."""
        if self._who_cache is None:
            self._who_cache = {
                t.text for t in doc_tokens(self.doc)
                if t.pos_ == "PROPN" and t.text[:1].isupper() and t.is_alpha and any(
                    c.dep_ == "relcl" and any(g.lower_ == "who" and g.dep_ in ("nsubj", "nsubjpass")
                                              for g in c.children)
                    for c in t.children)}
        return self._who_cache

    @property
    def _honorific_words(self) -> set[str]:
        if self._honorific_cache is None:
            tokens = doc_tokens(self.doc)
            self._honorific_cache = {t.lower_ for t in tokens[1:] if tokens[t.i - 1].lower_.rstrip(".") in _HONORIFICS}
        return self._honorific_cache


    def name_at(self, token: Token) -> Speaker:
        """The person a proper noun names, whatever the NER made of it ("Graeme Souness" as a title)."""
        ent = entity_of(token)
        if ent is not None and ent.label_ in MISLABELLED_NAME_TYPES and all(t.pos_ == "PROPN" for t in ent):
            return self.person(ent)
        return self._bare_name(token)

    def _bare_name(self, token: Token) -> Speaker:
        """A proper noun the NER missed: a person, named in full where the document gives the full name;
        an acronym ("CENTR", "UEFA") or a place-like name ("Downing Street") is an organisation."""
        if token.text.isupper() and len(token.text) >= 2 and token.is_alpha:
            # a person's initials ("JK" after "Jason King"), else an organisation, in full where the story names it
            person = self._person_by_initials(token.text)
            if person is not None:
                return person
            return self._body_named(token.text)
        mention = name_run(token)
        if is_org_name(mention):
            name = clean_name(mention)
            return Speaker(name, "organization", f"org:{slug(name)}", mention=mention)
        name = strip_titles(clean_name(mention))
        full = self._surname_match(name)
        if full is None and len(name.split()) == 1 and (firm := self._organization_starting(name)) is not None:
            # "In a statement, Peabody said" in a story about Peabody Energy: the company, as person() has it
            return Speaker(firm, "organization", f"org:{slug(firm)}", mention=mention)
        # "Lord Rennard told": the parse may head the name with its title
        title = token.text if token.text in PEERAGE else (token.doc[token.i - 1].text if token.i else "")
        return self._person_named(full or as_peer(name, title), mention)

    def _person_named(self, name: str, mention: str) -> Speaker:
        """A person by name: the gazetteer's entity for a name of two words or more it knows, else the name as is."""
        resolved = self.gazetteer.resolve(name, "PERSON") if len(name.split()) > 1 else None
        if resolved is not None:
            e = resolved.entity
            return Speaker(e.name, "person", e.id, mention=mention, gender=e.gender)
        return Speaker(name, "person", f"person:{slug(name)}", mention=mention)

    def transcript_speaker(self, label: str) -> Speaker | None:
        """The person a transcript's speaker label names ("PENCE: Well, look, …"): in full when the story names
        someone with that surname ("Mike Pence"), else as the label ("WALLACE": "Wallace"); a heading's word is no
        name ("UPDATE:", "NOTE:", "Q:")."""
        surname = label.split()[-1].upper()
        full = next((name for last, name in self._full_names.items() if last.upper() == surname), None)
        if full is not None:
            return self._person_named(full, label)
        # (only in a transcript, where two quotes or more open with a label, and not a heading's word)
        if label.upper() in _NOT_SPEAKER_LABELS or len(_LABELLED_QUOTE.findall(doc_text(self.doc))) < 2:
            return None
        name = " ".join(re.sub(r"[A-Z]+", lambda m: m.group().capitalize(), w) for w in label.split())
        return Speaker(name, "person", f"person:{slug(name)}", mention=label)

    def _body_named(self, short: str) -> Speaker:
        """An organisation a lone word names, in full where the story gives the longer name ("WHO", "Continental")."""
        name = self._org_full_names.get(short, short)
        return Speaker(name, "organization", f"org:{slug(name)}", mention=short)

    def _person_by_initials(self, text: str) -> Speaker | None:
        """"JK, also known as Jason King": the one full name in the story with these initials."""
        people = {n for n in self._full_names.values() if initials(n) == text}
        if len(people) != 1:
            return None
        name = people.pop()
        return Speaker(name, "person", f"person:{slug(name)}", mention=text)

    def _from_entity(self, ent: Span, head: Token) -> Speaker | None:
        if len(ent) == 1 and ent.label_ == "ORG" and ent.text.istitle() and ent.text.lower() in TITLES \
                and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            named = self.named_with_role(head)  # "the Bishop said" (a body to the NER) after "the Bishop of Durham,
            if named is not None:               # the Rt Rev Dr Tom Wright"
                return named
        if len(ent) == 1 and ent.text.isupper() and len(ent.text) >= 2:
            person = self._person_by_initials(ent.text)
            if person is not None:
                return person
            if ent.text in self._org_full_names:
                return self.organization(ent)  # "RICS added", which the NER calls a person: the institution
        if ent.label_ == "NORP" and len(ent) == 1 and head.dep_ in ("nsubj", "nsubjpass") \
                and not ent.text.endswith("s") and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            # "said the American", "The Australian has suffered": a nationality standing for a person named before
            reference = self._definite_reference(head)
            if reference is not None:
                return reference
        if ent.label_ == "PERSON" and has_org_word(ent) and (len(ent) > 1 or not self._surname_match(ent.text)):
            return self.organization(ent)  # "Telecommunications Administrations", "Lyric Theatre", "Labour"
        if ent.label_ == "PERSON" or self._surname_match(ent.text) or ent.text in self._self_reporting_names:
            return self._with_role(self.person(ent), head, ent)
        before = self.doc[ent.start - 1] if ent.start > 0 else None
        if before is not None and len(ent) == 1 and ent.label_ in ("GPE", "LOC") and before.pos_ == "PROPN" \
                and before.text[:1].isupper() and before.ent_type_ in ("", "PERSON"):
            return self._bare_name(before)  # "producer Michael London": a first name and a place-like surname
        if ent.label_ == "ORG" and len(ent) >= 3 and head.i >= ent.end - 2 and ent[-2].text in given_names() \
                and all(t.text.istitle() and t.is_alpha for t in ent[-2:]) and not has_org_word(ent[-2:]) \
                and ent[-3].text not in ("-", "–") and any(t.lower_ != "the" for t in ent[:-2]) \
                and (not is_english_word(ent[-1].lower_) or ent[-3].text.endswith("s")):  # not "JP Morgan Chase"
            # "For the Lib Dems David Laws said": the NER ran a body into the full name that follows it
            return self._with_role(self.person(ent[-2:]), head, ent)
        role_at = next((i for i, t in enumerate(ent) if t.text.islower() and t.lower_ in ROLE_WORDS), None) \
            if ent.label_ == "ORG" else None
        if role_at is not None and 0 < role_at < len(ent) - 1 \
                and all(t.text[:1].isupper() and t.is_alpha for t in ent[role_at + 1:]):
            # "Barcelona star Ronaldinho admitted": the NER ran a body and a role into the name after them
            return self._with_role(self.person(ent[role_at + 1:]), head, ent)
        if ent.label_ in ORG_LABELS:
            return self.organization(ent)
        # A film, product or law does not speak: a proper name the NER mislabelled, when it is the subject
        # ("Simon Yates, a senior analyst for Forrester, said" with Simon Yates as a WORK_OF_ART).
        if len(ent) == 1 and head.pos_ == "PROPN":
            return self._bare_name(head)
        if 2 <= len(ent) <= 3 and all(t.text[:1].isupper() and t.is_alpha for t in ent) \
                and (ent.label_ in MISLABELLED_NAME_TYPES or all(t.pos_ == "PROPN" for t in ent)) \
                and not has_org_word(ent) and head.dep_ in ("nsubj", "nsubjpass"):
            # ("Will Davies … told the BBC": the tagger read the first name as a modal)
            return self._with_role(self.person(ent), head, ent)
        return None

    def _with_role(self, speaker: Speaker, head: Token, ent: Span) -> Speaker:
        inside = set(range(ent.start, ent.end))
        sent = sent_of(head)
        party = {t.i for m in _PARTY_STATE.finditer(doc_text(self.doc), sent.start_char, sent.end_char)
                 for t in self.doc.char_span(m.start(), m.end(), alignment_mode="expand")}
        role_tokens = [
            t for t in head.subtree
            if t.i not in inside and t.i not in party and not in_parentheses(t)
            and t.dep_ not in ("det", "punct", "relcl", "poss", "case")
            and not any(a.dep_ == "relcl" for a in t.ancestors if a.i in {x.i for x in head.subtree})
            and self.is_outside(t)
        ]
        role = " ".join(t.text for t in role_tokens).strip() or None
        if role and len(role.split()) > 12:
            role = None
        return Speaker(speaker.name, speaker.type, speaker.entity_id, role, speaker.mention, speaker.gender)


def with_honorific_gender(speaker: Speaker, ent: Span) -> Speaker:
    """'Mrs Blair' is a she even when the gazetteer does not know her."""
    if speaker.gender is not None:
        return speaker
    # the title before the name, or the first word of the name when the NER took it in ("Ms Hughes")
    title = ent[0] if len(ent) > 1 and ent[0].lower_.rstrip(".") in _HONORIFIC_GENDER else (
        ent.doc[ent.start - 1] if ent.start else None)
    gender = _HONORIFIC_GENDER.get(title.lower_.rstrip(".")) if title is not None else None
    return replace(speaker, gender=gender) if gender else speaker


def has_org_word(tokens: Span) -> bool:
    """is_org_name for tokens, plurals included ("Telecommunications Administrations")."""
    return any(t.lower_ in ORG_NAME_WORDS or t.lemma_.lower() in ORG_NAME_WORDS for t in tokens)
