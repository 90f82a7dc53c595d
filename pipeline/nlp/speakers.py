"""Who a token refers to: canonical people and organisations, described anonymous sources, resolved pronouns.

Shared by quote attribution and event actors. Canonical names come from the gazetteer, else from an in-document
alias chain ("Sella" after "Philippe Sella", built in `document_names.py`); honorifics and possessives are
stripped. Pronouns are resolved in `pronouns.py`, descriptions ("the spokesman") in `descriptions.py`; all three
are mixins of the resolver. Parse questions are answered in `syntax.py`; the record returned is
`speaker_record.Speaker`.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_right
from dataclasses import replace
from typing import TYPE_CHECKING

from .doc_index import doc_ents, doc_text, sent_of
from .descriptions import DescriptionResolution
from .document_names import MISLABELLED_NAME_TYPES, PEERAGE, DocumentNames, as_peer, is_org_name
from .gazetteer import Gazetteer, load_gazetteer
from .misparsed_subjects import MisparsedSubjects
from .names import TITLES, clean_name, given_names, initials, name_run, slug, strip_titles
from .pronouns import PronounResolution
from .speaker_record import Speaker
from .speaker_words import (
    CUE_LEMMAS,
    DOCUMENT_NOUNS,
    GENERIC_PEOPLE,
    ORG_LABELS,
    ORG_NAME_WORDS,
    ORG_NOUNS,
    PERSON_SOURCE_NOUNS,
    PUBLICATION_NOUNS,
    SOURCE_NOUNS,
    is_capitalised_plural_source,
)
from .syntax import (
    controlling_objects,
    entity_of,
    has_subject,
    is_age_noun,
    is_controlling_object,
    is_subject,
)

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


class SpeakerResolver(DocumentNames, PronounResolution, DescriptionResolution, MisparsedSubjects):
    def __init__(self, doc: Doc, quoted: list[tuple[int, int]], gazetteer: Gazetteer | None = None):
        self.doc = doc
        self.gazetteer = gazetteer or load_gazetteer()
        self._quoted = sorted(quoted)
        self._quoted_starts = [s for s, _ in self._quoted]
        self._noted: list[tuple[int, Speaker]] = []
        self._honorific_cache: set[str] | None = None
        self._reporting_cache: set[str] | None = None
        self._learned_gender: dict[str, str] = {}
        self._subjects: dict[int, Speaker | None] = {}
        # The person the sentence before the quote being attributed is about (set by the quote extractor): `topic`
        # when that sentence names them, `described` also when it only calls them "he" or "she".
        self.topic: Speaker | None = None
        self.described: Speaker | None = None
        self._full_names = self._collect_full_names()
        self._stage_names = self._collect_stage_names()
        self._org_full_names = self._collect_org_full_names()
        self._org_names = {clean_name(e.text) for e in doc_ents(doc) if e.label_ == "ORG"}
        self._person_mentions: list[tuple[int, Speaker, bool]] = []
        self._org_mentions: list[tuple[int, Speaker, bool]] = []
        self._org_labels: dict[int, str] = {}
        for ent in doc_ents(doc):
            if not self.is_outside(ent[0]):
                continue
            subject = is_subject(ent.root)
            if ent.label_ == "PERSON" or (ent.label_ in ORG_LABELS and self._surname_match(ent.text)):
                if _names_a_body(ent):
                    # "Bookmaker William Hill has stopped taking bets": a body for "the firm" to refer to
                    body = ent[1:] if ent[0].lemma_.lower() in ORG_NOUNS else ent
                    self._org_mentions.append((ent.start_char, self.organization(body), subject))
                    self._org_labels[ent.start_char] = "ORG"
                    continue
                if not self._credible_person(ent):
                    if len(ent) > 1 and _has_org_word(ent):
                        # "Manchester United's board has agreed …": a body for "the club" and "it" to refer to
                        self._org_mentions.append((ent.start_char, self.organization(ent), subject))
                        self._org_labels[ent.start_char] = "ORG"
                    continue
                self._person_mentions.append((ent.start_char, _with_honorific_gender(self.person(ent), ent), subject))
            elif ent.label_ in ("ORG", "GPE"):
                self._org_mentions.append((ent.start_char, self.organization(ent), subject))
                self._org_labels[ent.start_char] = ent.label_
        # Names the NER missed or mislabelled: surnames in subject position ("Stam told …") and names in
        # apposition to a subject ("Arsenal's Brazilian midfielder Edu has hit out").
        for token in doc:
            if not self.is_outside(token) or token.ent_type_ == "PERSON" or token.pos_ != "PROPN":
                continue
            subject_name = token.dep_ == "nsubj" and self._surname_match(token.text)
            appositive = token.dep_ in ("appos", "compound") and token.head.dep_ == "nsubj" \
                and token.head.pos_ == "NOUN" and token.text[:1].isupper() \
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

    def _credible_person(self, ent: Span) -> bool:
        """A lone word the NER calls a person ("Labour", "Oscar", a band) is one only if the story names someone
        in full with it, puts an honorific before it, or the gazetteer knows it: news introduces people by full
        name. Others are not pronoun antecedents."""
        before = self.doc[ent.start - 1] if ent.start > 0 else None
        if ent.root.dep_ == "compound" and ent.root.head.pos_ == "NOUN" and before is not None \
                and before.dep_ == "det" and before.head == ent.root.head:
            return False  # "The East Midlands MEP": a modifier of someone's role, not a name
        if len(ent) > 1:
            return not _has_org_word(ent) and not self._names_members(ent.text)  # not "Downing Street"
        return self._surname_match(ent.text) is not None or self._names_someone(ent.text)

    def known_person(self, speaker: Speaker) -> bool:
        """A person named in full, or by a word the story uses for someone ("Exodus", an album the NER calls a
        person, is not one): news introduces people by full name."""
        name = speaker.name or ""
        return len(name.split()) > 1 or self.is_surname(name) or self._names_someone(name)

    def _names_someone(self, word: str) -> bool:
        """A lone word the story uses for a person: after an honorific ("Mr Parry"), as the subject of a reporting
        verb ("Parry admits …": someone who speaks is a person), or a name the gazetteer knows exactly."""
        if word.lower() in self._honorific_words or word in self._reporting_subjects:
            return True
        resolved = self.gazetteer.resolve(word, "PERSON")
        return resolved is not None and resolved.method == "exact"

    def _names_members(self, name: str) -> bool:
        """A name the story also puts in the plural ("Lib Dem spokesman Vince Cable … say the Lib Dems") is a
        party or group's, not a person's."""
        return re.search(rf"\b{re.escape(name)}s\b", doc_text(self.doc)) is not None

    @property
    def _reporting_subjects(self) -> set[str]:
        if self._reporting_cache is None:
            self._reporting_cache = {c.text for t in self.doc if t.lemma_ in CUE_LEMMAS and t.pos_ == "VERB"
                                     for c in t.children if c.dep_ == "nsubj" and c.ent_type_ == "PERSON"}
        return self._reporting_cache

    @property
    def _honorific_words(self) -> set[str]:
        if self._honorific_cache is None:
            self._honorific_cache = {t.lower_ for t in self.doc[1:]
                                     if self.doc[t.i - 1].lower_.rstrip(".") in _HONORIFICS}
        return self._honorific_cache

    # -- positions ---------------------------------------------------------------------------------------------
    def is_outside(self, token: Token) -> bool:
        i = bisect_right(self._quoted_starts, token.idx) - 1
        return i < 0 or token.idx >= self._quoted[i][1]

    def note_speaker(self, speaker: Speaker, position: int) -> None:
        self._noted.append((position, speaker))

    def reported_since(self, start: int, end: int) -> tuple[Token, Speaker] | None:
        """The last person whose words a sentence between two quotes reports (its main verb one of saying), with
        that verb."""
        between = self.doc.char_span(start, end, alignment_mode="contract")
        if between is None:
            return None
        for verb in reversed(between):
            if verb.lemma_ in CUE_LEMMAS and verb.dep_ == "ROOT" and self.is_outside(verb):
                speaker = self.subject_of(verb)
                if speaker is not None and speaker.type == "person":
                    return verb, speaker
        return None

    # -- who a token is ----------------------------------------------------------------------------------------
    def subject_of(self, verb: Token) -> Speaker | None:
        # One verb, one subject: a quote split around "said the champion" gets the same speaker for both halves.
        if verb.i not in self._subjects:
            self._subjects[verb.i] = self._subject_of(verb)
        return self._subjects[verb.i]

    def _subject_of(self, verb: Token) -> Speaker | None:
        if verb.lemma_ == "ask" and verb.tag_ == "VBN" and verb.dep_ == "advcl" and not has_subject(verb):
            # "Asked if he was appointed as the result of a “fair and open” competition, he replied": the asker's words
            return None
        if verb.lemma_ in _LABEL_LEMMAS and verb.tag_ == "VBN" and verb.dep_ == "advcl" \
                and not has_subject(verb) and not any(c.dep_ == "agent" for c in verb.children):
            return None  # "Originally dubbed “Jerry's Guide …”, Yahoo …": the one named, not who named it
        if verb.lemma_ in ("quote", "cite", "report") and any(
                c.lower_ == "as" and any(g.lemma_ in ("say", "tell", "add", "write") for g in c.children)
                for c in verb.children):
            # "Interfax quoted Mr Khodorkovsky as saying: “…”", "Reuters reports a union source as saying": the one
            # quoted speaks, not the outlet.
            for child in verb.children:
                if child.dep_ == "dobj":
                    speaker = self.speaker_for(child)
                    if speaker is not None:
                        return speaker
        if verb.i > 0 and self.doc[verb.i - 1].text == "," and verb.i + 1 < len(self.doc) \
                and self.doc[verb.i + 1].ent_type_ == "PERSON" \
                and any(c.dep_ == "nsubj" and c.i < verb.i and c.pos_ == "NOUN" and not c.ent_type_
                        for c in verb.children):
            # "The European ministers' comments, said Junya Tanase of JPMorgan, were …": an inserted reporting
            # clause whose inverted subject the parser gave to the main verb
            return self._person_after(verb)
        token = verb
        for _ in range(4):
            for child in token.children:  # "was described by Jobs as …", "…, as cited by The Telegraph"
                if child.dep_ == "agent":
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            speaker = self.speaker_for(obj)
                            if speaker is not None:
                                return speaker
            passive = token == verb and any(c.dep_ == "auxpass" for c in token.children)
            if passive and (speaker := self._agent_on_label(token)) is not None:
                return speaker
            if passive and verb.lemma_ != "quote":
                # "she was told: “…”", "Barley is described as “…”": the passive subject is not the speaker; the
                # one relaying it may be. Below a passive verb it is: "X is alleged to have said", "X was quoted
                # in the Herald saying", "X was quoted as saying".
                if token.head == token:
                    break
                token = token.head
                continue
            for child in token.children:
                if child.dep_ in ("nsubj", "nsubjpass") and self.is_outside(child):
                    if child.i > token.i and child.ent_type_ in ORG_LABELS:
                        # "…,” said Treasury Under Secretary John Taylor": the parse may take the body for the
                        # subject; the person the inverted subject ends in speaks
                        speaker = self._person_after(child)
                        if speaker is not None:
                            return speaker
                    speaker = self.speaker_for(child)
                    if speaker is not None:
                        return speaker
            controller = controlling_objects(token)
            if controller:  # "led 12 viewers to complain …": the object of 'led' complains, not its subject
                return self.speaker_for(controller[0])
            if token.dep_ == "acl" and token.tag_ == "VBG":
                speaker = self._participle_source(token.head)
                if speaker is not None:
                    return speaker
                if token.head.dep_ == "dobj" and token.head.head != token.head \
                        and token.head.lemma_.lower() not in DOCUMENT_NOUNS:
                    # "Hazel Blears defended the move saying it would …": the parser hangs the participle on the
                    # object; it reports for the clause's subject (but "a letter from … saying" is the letter's)
                    token = token.head.head
                    continue
            if token.dep_ in ("advcl", "conj", "xcomp", "ccomp", "pcomp", "acl", "acomp") and token.head != token:
                token = token.head
                continue
            break
        return self._postposed_subject(verb) or self._inverted_subject(verb) or self._adjacent_name(verb)

    def author_of(self, token: Token, named: bool = False) -> Speaker | None:
        """Who wrote the document or made the claim a noun names: "a BBC statement", "the letter, from the Home
        Office", "the report by telecoms giant BT", "his message"; with `named`, not a pronoun ("his “Nazi”
        comment" names nobody)."""
        for child in token.children:
            if named and child.dep_ == "poss" and child.pos_ == "PRON":
                continue
            if child.dep_ == "compound" and child.ent_type_ == "ORG" and not token.lemma_.lower().startswith("spokes"):
                return self.organization(entity_of(child))  # "a BBC statement read: …"
            if child.dep_ == "prep" and child.lower_ in ("from", "by"):  # "The letter, from the Home Office, says"
                for source in (c for c in child.children if c.dep_ == "pobj"):
                    author = self.speaker_for(source)
                    if author is not None and author.type in ("person", "organization"):
                        return author
                    entities = [entity_of(t) for t in source.subtree if t.ent_type_ in ("ORG", "GPE", "PERSON")]
                    if entities and child.lower_ == "by":  # "by telecoms giant BT"
                        return self.person(entities[-1]) if entities[-1].label_ == "PERSON" else \
                            self.organization(entities[-1])
            if child.dep_ == "acl" and child.tag_ == "VBN":  # "A survey published … by PricewaterhouseCoopers said"
                for agent in (g for g in child.children if g.dep_ == "agent"):
                    for source in (c for c in agent.children if c.dep_ == "pobj"):
                        author = self.speaker_for(source)
                        if author is not None and author.type in ("person", "organization"):
                            return author
            if child.dep_ == "poss" and not _names_a_time(child):  # not "Thursday's report"
                author = self.speaker_for(child)  # "His message to the chancellor was: …"
                # "United's spokesman" speaks for United; "the rapper's spokesman" is a person of their own
                spokesperson = token.lemma_.lower().startswith("spokes")
                if author is not None and author.type != "unknown" and not (
                        spokesperson and author.type == "person"):
                    return author
        return None

    def _agent_on_label(self, verb: Token) -> Speaker | None:
        """"The posters were labelled a “big misjudgement” by the Conservatives": a passive verb's agent that the
        parse hangs on the label."""
        for label in (c for c in verb.children if c.dep_ in ("oprd", "dobj", "attr")):
            for by in (g for g in label.children if g.dep_ == "prep" and g.lower_ == "by"):
                speaker = next((s for o in by.children if o.dep_ == "pobj" and (s := self.speaker_for(o))), None)
                if speaker is not None:
                    return speaker
        return None

    def _participle_source(self, noun: Token) -> Speaker | None:
        """Who speaks through a participle hung on a noun: the person it describes ("It quoted a spokesman for
        Atticus Capital complaining that …"), or whoever issued the document it describes ("The Actors' Equity
        Association issued a statement calling Davis “an icon …”")."""
        if noun.ent_type_ == "PERSON" or noun.lemma_.lower() in PERSON_SOURCE_NOUNS:
            return self.speaker_for(noun)
        if noun.lemma_.lower() in DOCUMENT_NOUNS and noun.dep_ == "dobj":
            for subject in (c for c in noun.head.children if c.dep_ == "nsubj" and self.is_outside(c)):
                return self.speaker_for(subject)
        return None

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
        indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children)
        for child in token.subtree:
            if child.i in possessors:
                continue
            if child.dep_ in ("appos", "compound", "pobj") and child.i != token.i and child.head.i in (
                token.i, *(c.i for c in token.children)
            ):
                ent = entity_of(child)
                if ent is not None and ent.label_ == "ORG" and child.dep_ in ("compound", "appos") \
                        and token.lemma_.lower() in ORG_NOUNS | PUBLICATION_NOUNS:
                    return self.organization(ent)  # "the Le Figaro newspaper said", "the oil firm, Shell"
                if ent is not None and ent.label_ == "ORG" and child.dep_ == "appos" and 2 <= len(ent) <= 3 \
                        and ent[0].text in given_names() and not _has_org_word(ent):
                    # "Kenteris's lawyer, Gregory Ioannidis, said": a first name makes it a person, whatever the NER
                    return self._with_role(self.person(ent), token, ent)
                # a full name after a preposition ("the minister for civil aviation Praful Patel"), but not a
                # one-word place the NER calls a person ("the Tory MP for Sleaford")
                if ent is not None and ent.label_ == "PERSON" and (child.dep_ != "pobj" or len(ent) > 1) \
                        and (child.dep_ != "compound" or self._credible_person(ent)):  # not "the Spurs sporting director"
                    return self._with_role(self.person(ent), token, ent)
                if ent is None and child.pos_ == "PROPN" and child.dep_ != "pobj" and child.text[:1].isupper() \
                        and bare_name is None and not (indefinite and child.i < token.i):  # "a UK Government official"
                    bare_name = child  # "the minister for civil aviation Praful Patel"
        if bare_name is not None:
            return self._bare_name(bare_name)
        if token.lower_ in SOURCE_NOUNS and any(c.dep_ == "det" for c in token.children):
            return self._description(token)  # "the Tory MP for Sleaford"
        if token.text[:1].islower() and token.pos_ in ("PROPN", "NOUN") and token.lower_ not in GENERIC_PEOPLE \
                and any(c.lower_ == "the" for c in token.children if c.dep_ == "det"):
            return self._definite_reference(token)  # "The former Scotland international added …"
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
        if token.pos_ == "NOUN" and token.text in self._org_names and token.text[:1].isupper():
            # "Fosters said …" opening a sentence, where the tagger took the name for a plural noun: a body the
            # story names elsewhere
            return self._bare_name(token) if token.text.isupper() else self._body_named(token.text)
        if token.pos_ == "PROPN" or (token.text[:1].isupper() and token.is_alpha and (
                token.i > sent_of(token).start or token.text in self._full_names)):
            return self._bare_name(token)  # a surname the tagger took for a noun ("Pires told …")
        if token.pos_ == "NOUN" and token.lemma_.lower() in SOURCE_NOUNS:
            return self._description(token)
        if _is_unnamed_agent(token):
            return self._description(token)  # "said one London-based broker", "12 viewers complained"
        return None

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
        # "Lord Rennard told": the parse may head the name with its title
        title = token.text if token.text in PEERAGE else (token.doc[token.i - 1].text if token.i else "")
        name = full or as_peer(name, title)
        resolved = self.gazetteer.resolve(name, "PERSON")
        if resolved is not None and len(name.split()) > 1:
            e = resolved.entity
            return Speaker(e.name, "person", e.id, mention=mention, gender=e.gender)
        return Speaker(name, "person", f"person:{slug(name)}", mention=mention)

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
        if ent.label_ == "PERSON" and _has_org_word(ent) and (len(ent) > 1 or not self._surname_match(ent.text)):
            return self.organization(ent)  # "Telecommunications Administrations", "Lyric Theatre", "Labour"
        if ent.label_ == "PERSON" or self._surname_match(ent.text):
            return self._with_role(self.person(ent), head, ent)
        before = self.doc[ent.start - 1] if ent.start > 0 else None
        if before is not None and len(ent) == 1 and ent.label_ in ("GPE", "LOC") and before.pos_ == "PROPN" \
                and before.text[:1].isupper() and before.ent_type_ in ("", "PERSON"):
            return self._bare_name(before)  # "producer Michael London": a first name and a place-like surname
        if ent.label_ in ORG_LABELS:
            return self.organization(ent)
        # A film, product or law does not speak: a proper name the NER mislabelled, when it is the subject
        # ("Simon Yates, a senior analyst for Forrester, said" with Simon Yates as a WORK_OF_ART).
        if len(ent) == 1 and head.pos_ == "PROPN":
            return self._bare_name(head)
        if 2 <= len(ent) <= 3 and all(t.text[:1].isupper() and t.is_alpha for t in ent) \
                and (ent.label_ in MISLABELLED_NAME_TYPES or all(t.pos_ == "PROPN" for t in ent)) \
                and not _has_org_word(ent) and head.dep_ in ("nsubj", "nsubjpass"):
            # ("Will Davies … told the BBC": the tagger read the first name as a modal)
            return self._with_role(self.person(ent), head, ent)
        return None

    def _with_role(self, speaker: Speaker, head: Token, ent: Span) -> Speaker:
        inside = set(range(ent.start, ent.end))
        role_tokens = [
            t for t in head.subtree
            if t.i not in inside and t.dep_ not in ("det", "punct", "relcl", "poss", "case")
            and not any(a.dep_ == "relcl" for a in t.ancestors if a.i in {x.i for x in head.subtree})
            and self.is_outside(t)
        ]
        role = " ".join(t.text for t in role_tokens).strip() or None
        if role and len(role.split()) > 12:
            role = None
        return Speaker(speaker.name, speaker.type, speaker.entity_id, role, speaker.mention, speaker.gender)

_WEEKDAYS = set(calendar.day_name)
# Verbs that name or label something: their passive participle's subject is what is named
_LABEL_LEMMAS = {"dub", "call", "name", "term", "brand", "label", "nickname"}
# How far back (in tokens) "the report" looks for the report whose author it names
MAX_DOCUMENT_BACK = 300
_HONORIFIC_GENDER = {"mr": "m", "sir": "m", "lord": "m", "mrs": "f", "ms": "f", "miss": "f", "lady": "f", "dame": "f",
                     "baroness": "f"}
_HONORIFICS = set(_HONORIFIC_GENDER) | {"dr"}


def _with_honorific_gender(speaker: Speaker, ent: Span) -> Speaker:
    """'Mrs Blair' is a she even when the gazetteer does not know her."""
    if speaker.gender is not None:
        return speaker
    # the title before the name, or the first word of the name when the NER took it in ("Ms Hughes")
    title = ent[0] if len(ent) > 1 and ent[0].lower_.rstrip(".") in _HONORIFIC_GENDER else (
        ent.doc[ent.start - 1] if ent.start else None)
    gender = _HONORIFIC_GENDER.get(title.lower_.rstrip(".")) if title is not None else None
    return replace(speaker, gender=gender) if gender else speaker


def _names_a_time(token: Token) -> bool:
    """"Thursday's report", "last year's survey": a possessor that is a time, whatever the NER calls a weekday."""
    return token.ent_type_ in ("DATE", "TIME") or token.text in _WEEKDAYS


def _has_org_word(tokens: Span) -> bool:
    """_is_org_name for tokens, plurals included ("Telecommunications Administrations")."""
    return any(t.lower_ in ORG_NAME_WORDS or t.lemma_.lower() in ORG_NAME_WORDS for t in tokens)


def _names_a_body(ent: Span) -> bool:
    """"Scott's company Scott Free", "Bookmaker William Hill": a name in apposition to a company noun, or with one
    fused in front, is the company's, whatever the NER says."""
    return (ent.root.dep_ == "appos" and ent.root.head.lemma_.lower() in ORG_NOUNS) or (
        len(ent) > 2 and ent[0].lemma_.lower() in ORG_NOUNS and ent[0].text.istitle())


def _unnamed_source(token: Token) -> Speaker:
    """An unnamed source described by the whole phrase a token heads ("one of her male colleagues")."""
    text = " ".join(t.text for t in token.subtree if t.dep_ != "punct")
    return Speaker(text, "anonymous", None, mention=text)
