"""Who a token refers to: canonical people and organisations, described anonymous sources, resolved pronouns.

Shared by quote attribution and event actors. Canonical names come from the gazetteer, else from an in-document
alias chain ("Sella" after "Philippe Sella", built in `document_names.py`); honorifics and possessives are
stripped. The resolver is assembled from mixins, one concern each: in-document names (`document_names.py`), what a
name stands for (`named_speakers.py`), a verb's subject or a document's author (`subjects.py`), subjects the parse
misses (`misparsed_subjects.py`), pronouns (`pronouns.py`) and descriptions such as "the spokesman"
(`descriptions.py`). This module collects the story's mentions and maps a token to a speaker. Parse questions are
answered in `syntax.py`; the record returned is `speaker_record.Speaker`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

from .descriptions import DescriptionResolution
from .doc_index import doc_ents, doc_tokens, sent_of
from .document_names import DocumentNames
from .gazetteer import Gazetteer, load_gazetteer
from .misparsed_subjects import MisparsedSubjects
from .named_speakers import NamedSpeakers, has_org_word, with_honorific_gender
from .names import ROLE_WORDS, TITLES, clean_name, given_names, slug
from .pronouns import PronounResolution
from .speaker_record import Speaker
from .speaker_words import (
    DOCUMENT_NOUNS,
    GENERIC_PEOPLE,
    ORG_LABELS,
    ORG_NOUNS,
    PERSON_SOURCE_NOUNS,
    PUBLICATION_NOUNS,
    SOURCE_NOUNS,
    is_capitalised_plural_source,
)
from .subjects import SubjectResolution
from .syntax import entity_of, in_parentheses, is_age_noun, is_controlling_object, is_subject

if TYPE_CHECKING:  # spaCy is imported only where a pipeline is built
    from spacy.tokens import Doc, Span, Token


_RELATIVE_PRONOUNS = {"who", "which", "that"}


_AGENT_NOUN = re.compile(r"[a-z]{3,}(?:er|or|ist|ant|(?<!m)ent|ian|eer)s?")  # "-ment" names a thing: "an agreement"


def _is_unnamed_agent(token: Token) -> bool:
    """An unnamed person by what they do, introduced as a subject ("one London-based broker said", "a lobbyist
    told", "12 viewers complained"): an agent noun (-er, -or, -ist, -ant, …) with an indefinite determiner or a
    number, or in the bare plural. The lists of source nouns cannot name every trade."""
    if token.pos_ != "NOUN" or not (is_subject(token) or is_controlling_object(token)) or not _AGENT_NOUN.fullmatch(token.lower_):
        return False
    if token.tag_ == "NNS" and not any(c.dep_ in ("det", "poss") for c in token.children):
        return True  # "Policy makers in Europe have called …": a bare plural
    return any((c.dep_ == "det" and c.lower_ in ("a", "an", "another", "one", "some", "two", "several"))
               or c.dep_ == "nummod" for c in token.children)


class SpeakerResolver(DocumentNames, NamedSpeakers, SubjectResolution, PronounResolution, DescriptionResolution,
                      MisparsedSubjects):
    def __init__(self, doc: Doc, quoted: list[tuple[int, int]], gazetteer: Gazetteer | None = None):
        self.doc = doc
        self.gazetteer = gazetteer or load_gazetteer()
        self._quoted = sorted(quoted)
        self._quoted_starts = [s for s, _ in self._quoted]
        self._noted: list[tuple[int, Speaker]] = []
        self._honorific_cache: set[str] | None = None
        self._reporting_cache: set[str] | None = None
        self._self_reporting_cache: set[str] | None = None
        self._who_cache: set[str] | None = None
        self._bodies_cache: set[str] | None = None
        self._finding_owner = False  # resolving the owner of "her website" (author_of), which must not recurse
        self._learned_gender: dict[str, str] = {}
        self._subjects: dict[int, Speaker | None] = {}
        # The person the sentence before the quote being attributed is about (set by the quote extractor): `topic`
        # when that sentence names them, `described` also when it only calls them "he" or "she".
        self.topic: Speaker | None = None
        self.described: Speaker | None = None
        self._org_names = {clean_name(e.text) for e in doc_ents(doc) if e.label_ == "ORG"}
        self._body_names = {clean_name(e.text) for e in doc_ents(doc) if e.label_ in ORG_LABELS}
        self._full_names = self._collect_full_names()
        self._stage_names = self._collect_stage_names()
        self._org_full_names = self._collect_org_full_names()
        self._person_mentions: list[tuple[int, Speaker, bool]] = []
        self._org_mentions: list[tuple[int, Speaker, bool]] = []
        self._org_labels: dict[int, str] = {}
        for ent in doc_ents(doc):
            if not self.is_outside(ent[0]):
                continue
            subject = is_subject(ent.root)
            if ent.label_ == "PERSON" or (ent.label_ in ORG_LABELS and (
                    self._surname_match(ent.text) or ent.text in self._self_reporting_names)):
                if _names_a_body(ent):
                    # "Bookmaker William Hill has stopped taking bets": a body for "the firm" to refer to
                    body = ent[1:] if ent[0].lemma_.lower() in ORG_NOUNS else ent
                    self._org_mentions.append((ent.start_char, self.organization(body), subject))
                    self._org_labels[ent.start_char] = "ORG"
                    continue
                if not self._credible_person(ent):
                    if len(ent) > 1 and has_org_word(ent):
                        # "Manchester United's board has agreed …": a body for "the club" and "it" to refer to
                        self._org_mentions.append((ent.start_char, self.organization(ent), subject))
                        self._org_labels[ent.start_char] = "ORG"
                    continue
                self._person_mentions.append((ent.start_char, with_honorific_gender(self.person(ent), ent), subject))
            elif ent.label_ in ("ORG", "GPE"):
                self._org_mentions.append((ent.start_char, self.organization(ent), subject))
                self._org_labels[ent.start_char] = ent.label_
        # Names the NER missed or mislabelled: surnames in subject position ("Stam told …") and names in
        # apposition to a subject ("Arsenal's Brazilian midfielder Edu has hit out").
        for token in doc_tokens(doc):
            if not self.is_outside(token) or token.ent_type_ == "PERSON" or token.pos_ != "PROPN":
                continue
            subject_name = token.dep_ in ("nsubj", "nsubjpass") and (
                self._surname_match(token.text) or (not token.ent_type_ and token.text in self._who_names))
            appositive = token.dep_ in ("appos", "compound") and token.head.dep_ == "nsubj" \
                and token.head.pos_ == "NOUN" and token.text[:1].isupper() and token.i > token.head.i \
                and not token.ent_type_  # any entity but a person ("the French Open champion") is not a name
            if subject_name or appositive:
                self._person_mentions.append((token.idx, self._bare_name(token), True))
        # Full names the NER missed ("Civil Aviation Minister Praful Patel").
        known = {p for p, _, _ in self._person_mentions}
        for position, name, subject in self._name_runs:
            token = self.doc.char_span(position, position + 1, alignment_mode="expand")
            if position not in known and token is not None and self.is_outside(token[0]) \
                    and not any(p <= position < p + 40 for p in known) and not self._names_members(name) \
                    and not (token[0].i > 0 and self.doc[token[0].i - 1].dep_ == "det"):  # "The East Midlands MEP"
                resolved = self.gazetteer.resolve(name, "PERSON")
                speaker = Speaker(resolved.entity.name, "person", resolved.entity.id, mention=name,
                                  gender=resolved.entity.gender) if resolved else \
                    Speaker(name, "person", f"person:{slug(name)}", mention=name)
                self._person_mentions.append((position, speaker, subject))
        self._person_mentions.sort(key=lambda m: m[0])
        # "Ms Hughes" once makes Beverly Hughes a she wherever the story names her
        self._titled_gender = {s.name: s.gender for _, s, _ in self._person_mentions if s.gender and s.name}

    # -- positions ---------------------------------------------------------------------------------------------
    def is_outside(self, token: Token) -> bool:
        i = bisect_right(self._quoted_starts, token.idx) - 1
        return i < 0 or token.idx >= self._quoted[i][1]

    def note_speaker(self, speaker: Speaker, position: int) -> None:
        self._noted.append((position, speaker))


    def speaker_for(self, token: Token, joint: bool = True) -> Speaker | None:
        """Who a token names. With `joint`, coordinated people are one speaker ("A and B said"); events want
        each party on its own."""
        if token.lower_ == "who" and token.i > 0:
            # "… Sport Secretary Tessa Jowell who said": the name right before "who" (the parse often hangs the
            # clause elsewhere in a long co-ordination)
            before = self.doc[token.i - 2] if self.doc[token.i - 1].text == "," and token.i > 1 else self.doc[token.i - 1]
            if before.ent_type_ == "PERSON":
                return self.speaker_for(entity_of(before).root, joint)
        if token.lower_ in _RELATIVE_PRONOUNS and token.head.dep_ == "relcl" and token.head.head != token.head:
            # "Paul Connolly, who said …": the relative pronoun is the noun its clause modifies.
            return self.speaker_for(token.head.head, joint)
        if token.pos_ == "PRON":
            return self.by_stage_name(self.resolve_pronoun(token))
        speaker = self.by_stage_name(self._speaker_for_head(token))
        if joint and speaker is not None and speaker.type == "person":
            # "Jonathan Wolpaw and Dennis McFarlane said": joint speakers.
            others = [self._speaker_for_head(c) for c in token.children if c.dep_ == "conj"]
            # "BIFA founder and director Elliot Grove": two titles of one person parse as a co-ordination
            names = list(dict.fromkeys(o.name for o in others if o is not None and o.type == "person" and o.name
                                       and o.name != speaker.name))
            if names:
                joint = " and ".join([speaker.name, *names])
                speaker = Speaker(joint, "person", f"person:{slug(joint)}", speaker.role, speaker.mention)
        return speaker

    def _speaker_for_head(self, token: Token) -> Speaker | None:
        if token.lower_ in ("one", "some", "many", "several", "two", "three") and any(
            c.dep_ == "prep" and c.lower_ == "of" for c in token.children
        ):
            # "one of her male colleagues": an unnamed member of a group; "one of their lawyers Michalis
            # Dimitrakopoulos" is named
            named = [entity_of(t) for t in token.subtree if t.ent_type_ == "PERSON"]
            if named and len(named[-1]) > 1:
                return self._with_role(self.person(named[-1]), token, named[-1])
            return _unnamed_source(token)
        if is_age_noun(token):
            return self._description(token)  # "the 30-year-old" (the NER calls it a DATE)
        if token.lemma_.lower() == "campaign" and token.pos_ == "NOUN":
            owner = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i == token.i - 1]
            if owner:
                # "The Trump campaign sent a fundraising email saying …": the candidate's campaign, a body
                name = f"{owner[0].text} campaign"
                return Speaker(name, "organization", f"org:{slug(name)}", mention=f"{owner[0].text} {token.text}")
        if token.lower_ in PUBLICATION_NOUNS and token.dep_ == "nsubj" and any(
                c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            return self._description(token)  # "the influential US daily wrote" (the tagger calls "daily" an adverb)
        if is_capitalised_plural_source(token.text):
            return self._description(token)  # "pro-hunt MPs": a group, whatever the tagger makes of it
        if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children) and any(
                t.lemma_.lower().startswith("spokes") and t.pos_ == "NOUN" for t in token.subtree if t.i > token.i):
            # "A Department for Work and Pensions spokeswoman said": the parser made the body the head; the
            # source is its unnamed spokesperson
            return _unnamed_source(token)
        ent = entity_of(token)
        if ent is not None:
            return self._from_entity(ent, token)
        if token.lemma_.lower() in DOCUMENT_NOUNS:
            # "United's statement said …": words a document reproduces are its author's (ANNOTATION.md).
            author = self.author_of(token)
            if author is None and token.lemma_.lower() not in PERSON_SOURCE_NOUNS and any(
                    c.dep_ == "det" and c.lower_ == "the" for c in token.children):
                # "the report concludes" after "predicts the report by telecoms giant BT"
                author = next((a for earlier in reversed(self.doc[max(0, token.i - MAX_DOCUMENT_BACK):token.i])
                               if earlier.lemma_.lower() == token.lemma_.lower()
                               and (a := self.author_of(earlier)) is not None), None)
            if author is not None:
                return author
        if token.lemma_.lower().startswith("spokes") and not any(c.dep_ == "appos" for c in token.children) \
                and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children):
            # "An All England club spokesperson": unnamed, whatever the NER makes of "All England"
            return self._description(token)
        possessors = {t.i for c in token.children if c.dep_ == "poss" for t in c.subtree}
        # A common-noun head: look for a named person in apposition ("the spokesman, John Kirby"), never in the
        # possessor ("Mr Nogar's son Stephen" is Stephen). A recognised name first: in "Scottish Conservative
        # leader, David McLetchie" the party is not the person.
        bare_name = None
        # "The EU's Humanitarian Aid Commissioner, Louis Michel": a full name in apposition before a name-like
        # modifier (the NER calls "Humanitarian Aid" a person)
        named_apposition = any(c.dep_ == "appos" and c.ent_type_ == "PERSON" and len(entity_of(c)) > 1
                               for c in token.children)
        for child in token.subtree:
            if child.i in possessors or named_apposition and child.dep_ == "compound":
                continue
            if child.i > token.i and in_parentheses(child):
                continue  # "Rep. Emanuel Cleaver II (D-Mo.) said": a party and a state, not a name
            if child.dep_ in ("appos", "compound", "pobj") and child.i != token.i and child.head.i in (
                token.i, *(c.i for c in token.children)
            ):
                ent = entity_of(child)
                if ent is not None and ent.label_ == "ORG" and child.dep_ in ("compound", "appos") \
                        and token.lemma_.lower() in ORG_NOUNS | PUBLICATION_NOUNS:
                    return self.organization(ent)  # "the Le Figaro newspaper said", "the oil firm, Shell"
                if ent is not None and ent.label_ == "ORG" and child.dep_ == "appos" and 2 <= len(ent) <= 3 \
                        and ent[0].text in given_names() and not has_org_word(ent):
                    # "Kenteris's lawyer, Gregory Ioannidis, said": a first name makes it a person, whatever the NER
                    return self._with_role(self.person(ent), token, ent)
                # a full name after a preposition ("the minister for civil aviation Praful Patel"), but not a
                # one-word place the NER calls a person ("the Tory MP for Sleaford")
                if ent is not None and ent.label_ == "PERSON" and (child.dep_ != "pobj" or len(ent) > 1) \
                        and (child.dep_ != "compound" or self._credible_person(ent)):  # not "the Spurs sporting director"
                    return self._with_role(self.person(ent), token, ent)
                if ent is None and child.pos_ == "PROPN" and child.dep_ != "pobj" and child.text[:1].isupper() \
                        and bare_name is None and child.i > token.i:  # not "a UK Government official"
                    bare_name = child  # "the minister for civil aviation Praful Patel"
        if bare_name is not None:
            return self._bare_name(bare_name)
        if token.pos_ == "NOUN" and token.lower_ in SOURCE_NOUNS:
            closing = _name_in_commas_before_verb(token)
            if closing is not None:
                return self._with_role(self.person(closing), token, closing)
        if token.lower_ in SOURCE_NOUNS and any(c.dep_ == "det" for c in token.children):
            return self._description(token)  # "the Tory MP for Sleaford"
        if token.text[:1].islower() and token.pos_ in ("PROPN", "NOUN") and token.lower_ not in GENERIC_PEOPLE \
                and any(c.lower_ in ("the", "this") for c in token.children if c.dep_ == "det"):
            # "The former Scotland international added …", "this remarkably active senior citizen reveals …"
            return self._definite_reference(token)
        if token.pos_ == "PROPN" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children) \
                and any(t.lemma_.lower() in SOURCE_NOUNS for t in token.subtree):
            # "A Top of the Pops spokesperson said": the parser made the show the head; the source is unnamed
            return _unnamed_source(token)
        if token.pos_ == "PROPN" and token.lower_ in TITLES and any(c.dep_ == "det" and c.lower_ == "the"
                                                                   for c in token.children):
            # "The Archbishop of Canterbury said" after "the Archbishop of Canterbury, Dr Rowan Williams"
            named = self.named_with_role(token)
            if named is not None:
                return named
        if token.pos_ == "NOUN" and token.text in self._org_names and token.text[:1].isupper() \
                and token.text not in self._full_names:
            # "Fosters said …" opening a sentence, where the tagger took the name for a plural noun: a body the
            # story names elsewhere (not a person's surname the NER also took for a body: "Trump accused …")
            return self._bare_name(token) if token.text.isupper() else self._body_named(token.text)
        if token.pos_ == "PROPN" and token.lower_ in ROLE_WORDS:
            # "Chairman of the Environmental Audit Committee Peter Ainsworth MP, said", "The Secretary of State for
            # Culture, Media and Sport, Tessa Jowell, has hit out": the office the parser made the head, then the
            # person who holds it
            holder = next((entity_of(t) for t in token.subtree if t.i > token.i and t.ent_type_ == "PERSON"
                           and self.is_outside(t)), None)
            if holder is not None and self._credible_person(holder):
                return self._with_role(self.person(holder), token, holder)
        if token.pos_ == "PROPN" or (token.text[:1].isupper() and token.is_alpha and (
                token.i > sent_of(token).start or token.text in self._full_names)):
            return self._bare_name(token)  # a surname the tagger took for a noun ("Pires told …")
        if token.pos_ == "NOUN" and token.lemma_.lower() in SOURCE_NOUNS:
            return self._description(token)
        if _is_unnamed_agent(token):
            return self._description(token)  # "said one London-based broker", "12 viewers complained"
        return None


# How far back (in tokens) "the report" looks for the report whose author it names
MAX_DOCUMENT_BACK = 300


def _names_a_body(ent: Span) -> bool:
    """"Scott's company Scott Free", "Bookmaker William Hill": a name in apposition to a company noun, or with one
    fused in front, is the company's, whatever the NER says."""
    return (ent.root.dep_ == "appos" and ent.root.head.lemma_.lower() in ORG_NOUNS) or (
        len(ent) > 2 and ent[0].lemma_.lower() in ORG_NOUNS and ent[0].text.istitle())


def _name_in_commas_before_verb(subject: Token) -> Span | None:
    """'director of the Victims of Crime Trust, Norman Brennan, accused …': a full name in commas that closes a role
    subject right before its verb is the subject's apposition, wherever the parse hangs it."""
    verb = subject.head
    if subject.dep_ not in ("nsubj", "nsubjpass") or verb.i <= subject.i or verb.i < 2:
        return None
    doc = subject.doc
    if doc[verb.i - 1].text != ",":
        return None
    ent = entity_of(doc[verb.i - 2])
    if ent is None or ent.label_ != "PERSON" or len(ent) < 2 or ent.end != verb.i - 1 or ent.start < 1 \
            or doc[ent.start - 1].text != "," or ent.start <= subject.i:
        return None
    return ent


def _unnamed_source(token: Token) -> Speaker:
    """An unnamed source described by the whole phrase a token heads ("one of her male colleagues")."""
    text = " ".join(t.text for t in token.subtree if t.dep_ != "punct")
    return Speaker(text, "anonymous", None, mention=text)
