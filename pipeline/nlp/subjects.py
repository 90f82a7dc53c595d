"""Who speaks through a verb or a document: the subject of a reporting verb, found through passives, agents,
participles and inserted clauses ("was described by Jobs as …", "Interfax quoted Mr Khodorkovsky as saying"), and
the author of a document ("a BBC statement", "the report by telecoms giant BT").

A mixin of `SpeakerResolver` (as `pronouns.py` is): it reads the resolver's `doc`, `is_outside`, `speaker_for`,
`person`, `organization`, the subject cache `_subjects` and the misparsed-subject fallbacks of `MisparsedSubjects`.
"""

from __future__ import annotations

import calendar
from typing import TYPE_CHECKING

from .speaker_words import CUE_LEMMAS, DOCUMENT_NOUNS, ORG_LABELS, ORG_NOUNS, PERSON_SOURCE_NOUNS
from .syntax import controlling_objects, entity_of, has_subject

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .speaker_record import Speaker

_WEEKDAYS = set(calendar.day_name)
# Verbs that name or label something: their passive participle's subject is what is named
_LABEL_LEMMAS = {"dub", "call", "name", "term", "brand", "label", "nickname"}


class SubjectResolution:
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
        if verb.dep_ == "ccomp" and verb.lemma_ in CUE_LEMMAS and not has_subject(verb) \
                and (inverted := self._inverted_subject(verb)) is not None:
            # '“…,” said Nick Ross, deputy labs editor at PC Pro. Apple's work … would also help …, he said.' (one
            # sentence to the parser): the name after the closing mark, before climbing to the next "he said"
            return inverted
        token = verb
        if verb.dep_ == "conj" and verb.lemma_ in CUE_LEMMAS and verb.head.dep_ == "ccomp" \
                and verb.head.lemma_ not in CUE_LEMMAS and verb.head.head.lemma_ in CUE_LEMMAS \
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            # "Mrs Parker Bowles said the prince went down on one knee … and added: “…”": the parse joins the
            # reporting verb to the reported clause; it goes with the verb that reports, and so does its subject
            token = verb.head.head
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.lemma_ in CUE_LEMMAS and verb.i > 0 \
                and self.doc[verb.i - 1].text == "," and verb.head.dep_ == "ccomp" \
                and verb.head.head.lemma_ in CUE_LEMMAS and verb.head.head.i < verb.head.i \
                and not any(c.dep_ in ("dobj", "dative") and c.pos_ == "PRON" for c in verb.children):
            # "He denied fathers' activists had forced the changes, telling the BBC “…”": the participle after
            # the reported clause goes on with the one who reports it (but in "Sullivan has said that Mr Ebbers
            # ordered adjustments, telling him to “hit our books”" Ebbers tells the reporter)
            token = verb.head.head
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
            # "The chairman of the Bar Council, Guy Mansfield QC warned": of two subjects the parse gives a verb,
            # the one naming a person is the other's apposition
            subjects = sorted((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")),
                              key=lambda c: not any(t.ent_type_ == "PERSON" for t in c.subtree))
            for child in subjects:
                if self.is_outside(child):
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
                speaker = self.speaker_for(controller[0])
                if speaker is not None:
                    return speaker
                # … but an object that names no one controls nothing: "used a speech to say" is the user's saying
                # (a purpose clause the parser took for a complement)
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
            if token.dep_ == "conj" and token.head.dep_ == "relcl" and _after_closed_aside(token):
                # "Wilson has twice tried to resurrect Factory - which lasted for 14 years - but conceded …": the
                # parse joins the verb after an aside to the aside's relative clause; it goes with the clause
                # the aside interrupts
                token = token.head.head.head
                continue
            if token.dep_ in ("advcl", "conj", "xcomp", "ccomp", "pcomp", "acl", "acomp") and token.head != token:
                token = token.head
                continue
            if token.dep_ == "prep" and token.lower_ in _SAME_AGENT_PREPOSITIONS and token.head.pos_ == "VERB" \
                    and token.i > token.head.i and (token.head.lemma_ == "quote" or not any(
                        c.dep_ == "auxpass" for c in token.head.children)):
                # "Mr Mallon provoked fury by branding the … “two-bit Tories”", "quitting after being quoted as
                # wanting …": who does the one does the other (not into a passive, whose subject does nothing:
                # "The draft Directive is being put through the council as what is called an “A” item")
                token = token.head
                quoted = [c for c in token.children if c.dep_ == "nsubjpass"] if token.lemma_ == "quote" else []
                if quoted and (speaker := self.speaker_for(quoted[0])) is not None:
                    return speaker  # "Geoff Dixon was quoted by The Australian newspaper as saying": not the paper
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
        sites = [o for c in token.children if c.dep_ == "prep" and c.lower_ == "on" for o in c.children
                 if o.dep_ == "pobj" and o.lemma_.lower() in _SITE_NOUNS]
        owners = [c for o in sites for c in o.children if c.dep_ == "poss"]
        if owners and token.lemma_.lower() in DOCUMENT_NOUNS and not self._finding_owner:
            # "a statement on her website said": the site's owner wrote it (once: "her" may lead back here)
            self._finding_owner = True
            try:
                author = self.speaker_for(owners[0])
            finally:
                self._finding_owner = False
            if author is not None and author.type in ("person", "organization"):
                return author
        body_noun = [c for c in token.children if c.dep_ == "compound" and c.lemma_.lower() in ORG_NOUNS]
        if body_noun and token.lemma_.lower() in DOCUMENT_NOUNS - PERSON_SOURCE_NOUNS:
            # "an agency statement", "a company report": the body the story is about wrote it
            author = self.body_about(body_noun[0])
            if author is not None:
                return author
        verb = token.head.head if token.head.dep_ == "prep" and token.head.lower_ == "in" else None
        if verb is not None and verb.lemma_ in CUE_LEMMAS and token.lemma_.lower() not in PERSON_SOURCE_NOUNS:
            # "In a statement, the party said …": who says it in the document wrote it
            named = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ != "PRON" and self.is_outside(c)]
            author = self.speaker_for(named[0]) if named else None
            if author is not None and author.type in ("person", "organization"):
                return author
        return None

    def _agent_on_label(self, verb: Token) -> Speaker | None:
        """"The posters were labelled a “big misjudgement” by the Conservatives": a passive verb's agent that the
        parse hangs on the label, or on the label after "as" ("Fletcher was described as a “consummate
        professional” by his friend … Michael Pointon")."""
        labels = [c for c in verb.children if c.dep_ in ("oprd", "dobj", "attr")]
        labels += [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for o in c.children
                   if o.dep_ == "pobj"]
        for label in labels:
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



# Where a document is published by its owner ("a statement on her website")
_SITE_NOUNS = {"website", "site", "blog", "homepage", "page"}


def _names_a_time(token: Token) -> bool:
    """"Thursday's report", "last year's survey": a possessor that is a time, whatever the NER calls a weekday."""
    return token.ent_type_ in ("DATE", "TIME") or token.text in _WEEKDAYS


# Prepositions before a gerund whose doer is the subject of the verb they hang on (not "despite", "with": the
# parser hangs absolute clauses there: "… despite recovering from injury with Rovers boss Mark Hughes claiming")
_SAME_AGENT_PREPOSITIONS = {"by", "as", "after", "before"}


def _after_closed_aside(verb: Token) -> bool:
    """True when a dash or bracket aside opens before the relative clause the verb is joined to and closes before
    the verb ("Factory - which lasted for 14 years - but conceded")."""
    antecedent = verb.head.head
    marks = [t.text for t in verb.doc[antecedent.i + 1:verb.i] if t.text in ("-", "–", "—", "(", ")")]
    return ("(" in marks and ")" in marks) or sum(m in ("-", "–", "—") for m in marks) >= 2
