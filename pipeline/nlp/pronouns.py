"""Pronoun resolution, the part of the speaker resolver that follows "he", "she" and "it" back to a speaker.

A mixin of `SpeakerResolver`: it reads the resolver's mentions (`_person_mentions`, `_org_mentions`), the genders
titles give (`_titled_gender`), where quotes are (`_quoted`), the speakers already attributed (`_noted`), the
quote's lead-in person (`topic`) and its name resolution (`_speaker_for_head`).
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from .doc_index import sent_of
from .names import first_name_gender
from .speaker_record import Speaker
from .speaker_words import (
    CUE_LEMMAS,
    DOCUMENT_NOUNS,
    GENERIC_PEOPLE,
    ORG_NOUNS,
    PERSON_SOURCE_NOUNS,
    SOURCE_NOUNS,
)
from .syntax import heads_main_clause, heads_or_sources_main_clause

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
ORG_PRONOUNS = {"it", "they", "them", "its", "their"}
# How many sentences a chain of "he … his … he" may lead back to a name
MAX_CHAIN = 4


def _unnamed_person(speaker: Speaker) -> bool:
    """An anonymous source that is a person ("a spokesman for distributor Toho"), not a document or a group."""
    words = {w.lower() for w in speaker.name.split()} if speaker.type == "anonymous" and speaker.name else set()
    return bool(words & PERSON_SOURCE_NOUNS) and not words & (DOCUMENT_NOUNS - PERSON_SOURCE_NOUNS)


def _described_gender(speaker: Speaker) -> str | None:
    """'a spokeswoman' is a she, 'the chairman' a he; other descriptions ('a German official', 'a human rights
    lawyer') say nothing: only a source noun's own ending counts."""
    words = speaker.name.lower().split() if speaker.type == "anonymous" and speaker.name else []
    for word in (w for w in words if w in SOURCE_NOUNS):
        if word.endswith(("woman", "women")):
            return "f"
        if word.endswith(("man", "men")):
            return "m"
    return None


class PronounResolution:
    def resolve_pronoun(self, token: Token, depth: int = 0) -> Speaker | None:
        """The nearest earlier mention in subject position (then any mention) of a compatible gender or kind."""
        word = token.lower_
        if word in PRONOUN_GENDER:
            gender = PRONOUN_GENDER[word]
            # (a name the NER calls a person may stand for a body: "Labour questioned …")
            candidates = [(p, s, subj) for p, s, subj in self._person_mentions
                          if self._gender(s) in (None, gender) and s.type != "organization"]
        elif word in ORG_PRONOUNS:
            document = self._document_antecedent(token) if word in ("it", "its") else None
            if document is not None:
                return document
            # a place named in passing ("the White City scheme in west London") is no "it" that speaks; a country
            # that is a subject may be ("Russia said it …")
            candidates = [(p, s, subj) for p, s, subj in self._org_mentions
                          if subj or self._org_labels.get(p) != "GPE"]
        else:
            return None
        # A pronoun never points into the clause it governs: in "Mr Blair has failed …, he claimed" he is not
        # Mr Blair (a rough binding constraint: the reporting verb's own subtree is excluded).
        head = token.head
        bound = (min(t.idx for t in head.subtree), max(t.idx for t in head.subtree)) if head != token else None
        earlier = [(p, s, subj) for p, s, subj in candidates
                   if p < token.idx and not (bound and bound[0] <= p <= bound[1])]
        # 1. A subject in this sentence or the one before ("Blinken has hinted … “…,” he said").
        sent = sent_of(token)
        local_start = sent_of(self.doc[sent.start - 1]).start_char if sent.start > 0 else sent.start_char
        local = [(p, s, subj) for p, s, subj in earlier if p >= local_start and subj]
        new_source = False
        if word in PRONOUN_GENDER:
            # "A spokesman said its powers were limited. “…,” he said": an unnamed source who just spoke.
            described, new_source = self._described_reporters(
                self.doc.char_span(local_start, token.idx, alignment_mode="expand"), PRONOUN_GENDER[word], bound)
            local = sorted(local + described, key=lambda m: m[0])
        # the subject of a main clause before one embedded in what it reports ("X said Mrs Blair was …, he said")
        # (for "he" and "she", the person a main clause is "according to" heads it: "According to Mandaric, Redknapp
        # vowed …. “…,” he said")
        heads = heads_or_sources_main_clause if word in PRONOUN_GENDER else heads_main_clause
        main = [(p, s) for p, s, _ in local if heads(self.doc, p)]
        if local and not main and word in PRONOUN_GENDER and depth < MAX_CHAIN:
            # "But he said Mr Blair had lost the trust …. “…,” he said": the main clause's subject is a pronoun
            # of the same kind; it, not the name embedded in what it reports, is the one who goes on speaking
            last = sent_of(self.doc.char_span(local[-1][0], local[-1][0] + 1, alignment_mode="expand")[0])
            chain = self._same_pronoun_subjects([t for t in last if t.idx < token.idx], word, main_clause=True)
            if chain and (found := self._one_link_back(chain[0], word, depth)) is not None:
                return found
        if local and not main and word in PRONOUN_GENDER:
            # "The MP for Sittingbourne and Sheppey said Prime Minister Tony Blair had been …. But Mr Blair had been
            # “hurt” …, he added": the main clause's subject is a description of the one who goes on speaking, not
            # the name embedded in what it reports
            last = sent_of(self.doc.char_span(local[-1][0], local[-1][0] + 1, alignment_mode="expand")[0])
            described = self._described_subject(last, PRONOUN_GENDER[word])
            if described is not None:
                return self._learn_gender(described, word)
        for _, speaker in reversed(main or [(p, s) for p, s, _ in local]):
            return self._learn_gender(speaker, word)
        # 1b. No named subject there, but a subject pronoun of the same kind: the same person, one link back
        # ("British actor Owen is hoping … He raised one of the biggest cheers … “…,” he said").
        if word in PRONOUN_GENDER and depth < MAX_CHAIN:
            start = sent_of(self.doc[sent.start - 1]).start if sent.start > 0 else sent.start
            chain = self._same_pronoun_subjects(self.doc[start:token.i], word) or self._same_possessives(
                self.doc[start:token.i], word)
            if chain and (found := self._one_link_back(chain[-1], word, depth)) is not None:
                return found
            # 1c. After a quote of several sentences, the last subject of the sentence before it ("… but Stuart is
            # confident that …. “I've been very impressed …. It's a well run club,” he added").
            opening = self._sentence_of_quote_before(token)
            before = sent_of(self.doc[opening.start - 1]) if opening.start > 0 else None
            # (a sentence before that quotes someone too is the next rule's business)
            if opening.start != sent.start and not local and before is not None \
                    and all(self.is_outside(t) and t.text not in '"“”' for t in before):
                named = [(p, sp) for p, sp, subj in earlier if subj and before.start_char <= p < before.end_char
                         and self._gender(sp) in (None, PRONOUN_GENDER[word])]
                # or an unnamed source reporting there ("A Labour spokesman denied the campaign was anti-Semitic.
                # “As we said at the time …. This poster is making a serious point,” he said")
                described, _ = self._described_reporters(before, PRONOUN_GENDER[word], bound)
                named = sorted(named + [(p, sp) for p, sp, _ in described], key=lambda m: m[0])
                # its main clause's subject before one embedded in what it reports ("Dementieva … says that Dechy
                # and herself are the real victims")
                main = [(p, sp) for p, sp in named if heads_main_clause(self.doc, p)]
                if named:
                    return self._learn_gender((main or named)[-1][1], word)
        # 2. The speaker of the previous quote: news stories quote one person for several sentences.
        kind = "person" if word in PRONOUN_GENDER else "organization"
        # ... unless the sentence before the quote has turned to someone else ("Ljubicic was at a loss to explain
        # his poor showing. “I didn't start badly …,” he said").
        if kind == "person" and self.topic is not None and self._gender(self.topic) in (None, PRONOUN_GENDER[word]):
            return self._learn_gender(self.topic, word)
        # ... or a source described but not named ("The SNP's parliamentary leader argued …. She said: “…”") has
        # taken over: then the nearest named subject of that gender, not the previous quote's speaker
        for position, speaker in reversed(self._noted if not new_source else []):
            if position < token.idx and token.idx - position < 1500 and (
                    speaker.type == kind or kind == "person" and _unnamed_person(speaker)) and \
                    (kind != "person" or (self._gender(speaker) or _described_gender(speaker)) in
                     (None, PRONOUN_GENDER[word])):
                # ... unless the story has since reported someone else's words and not come back to this speaker
                # ("Mourinho told Five Live: “…” Gerrard … insisted he was still focused …. “…,” he added"; not
                # "But Ferguson insisted he sold the defender …. The affair still rankles with the Dutchman")
                quote_start = self._sentence_of_quote_before(token).start_char
                reporter = self.reported_since(position, quote_start) if kind == "person" else None
                if reporter is not None and reporter[1].name != speaker.name \
                        and self._gender(reporter[1]) in (None, PRONOUN_GENDER[word]) \
                        and not self._mentioned_between(speaker, reporter[0].i + 1, quote_start):
                    return self._learn_gender(reporter[1], word)
                return self._learn_gender(speaker, word)  # "A spokesman for Toho said …. “…,” he added"
            if position < token.idx:
                break
        if word in PRONOUN_GENDER and sent.start > 0:
            # 3. An unnamed source who reported two sentences back ("A Labour Party spokesman told the BBC News
            # website the party avoided …. But that did not happen for “voter identification” calls. “…,” he
            # said")
            previous = sent_of(self.doc[sent.start - 1])
            if previous.start > 0:
                described, _ = self._described_reporters(sent_of(self.doc[previous.start - 1]), PRONOUN_GENDER[word],
                                                         bound)
                if described:
                    return described[-1][1]
        for prefer_subject in (True, False):
            for position, speaker, is_subject in reversed(earlier):
                if token.idx - position > 2000:
                    break
                if is_subject or not prefer_subject:
                    return self._learn_gender(speaker, word)
        return None

    def _described_subject(self, sentence: Span, gender: str) -> Speaker | None:
        """The person a definite description that is a sentence's main subject stands for ("The Republican", "the
        MP for Sittingbourne"), if the story names them and they are of the gender asked."""
        subjects = [c for c in sentence.root.children if c.dep_ in ("nsubj", "nsubjpass") and self.is_outside(c)
                    and (c.lower_ in SOURCE_NOUNS or c.ent_type_ == "NORP")  # "the MP", "the Republican"
                    and any(d.dep_ == "det" and d.lower_ == "the" for d in c.children)]
        speaker = self.speaker_for(subjects[0]) if subjects else None
        if speaker is not None and speaker.type == "person" and self._gender(speaker) in (None, gender) \
                and any(named.name == speaker.name for _, named, _ in self._person_mentions):  # not "the Scot"
            return speaker
        return None

    def _mentioned_between(self, speaker: Speaker, start: int, end_char: int) -> bool:
        """Whether a name or a definite description ("the Dutchman") from token `start` up to `end_char` stands
        for `speaker`."""
        for token in self.doc[start:]:
            if token.idx >= end_char:
                break
            if not self.is_outside(token) or token.pos_ not in ("PROPN", "NOUN"):
                continue
            if token.pos_ == "NOUN" and not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
                continue
            found = self._speaker_for_head(token)
            if found is not None and found.name == speaker.name:
                return True
        return False

    def _sentence_of_quote_before(self, token: Token) -> Span:
        """The pronoun's sentence, or the one where a quote that ends in it began ("“I've been impressed … It's a
        well run club,” he added": the sentence where the quote opens)."""
        sent = sent_of(token)
        i = bisect_right(self._quoted_starts, token.idx) - 1
        if i >= 0 and sent.start_char <= self._quoted[i][1] <= token.idx and self._quoted[i][0] < sent.start_char:
            opening = self.doc.char_span(self._quoted[i][0], self._quoted[i][0] + 1, alignment_mode="expand")
            if opening is not None:
                return sent_of(opening[0])
        return sent

    def _same_pronoun_subjects(self, tokens, word: str, main_clause: bool = False) -> list[Token]:
        """Subject pronouns of the same gender as `word` among `tokens`, outside quotes (of the main clause only,
        if asked)."""
        return [t for t in tokens
                if (t.dep_ == "nsubj" and t.head.dep_ == "ROOT" if main_clause else t.dep_ in ("nsubj", "nsubjpass"))
                and PRONOUN_GENDER.get(t.lower_) == PRONOUN_GENDER[word] and self.is_outside(t)]

    def _same_possessives(self, tokens, word: str) -> list[Token]:
        """Possessive pronouns of the same gender ("Podcasts rely on his technology"), outside quotes; not "her",
        which is as often the object."""
        return [t for t in tokens if t.dep_ == "poss" and PRONOUN_GENDER.get(t.lower_) == PRONOUN_GENDER[word]
                and t.lower_ != "her" and self.is_outside(t)]

    def _one_link_back(self, pronoun: Token, word: str, depth: int) -> Speaker | None:
        """Whom an earlier pronoun of the same kind stands for: `word` means the same person."""
        antecedent = self.resolve_pronoun(pronoun, depth + 1)
        return None if antecedent is None else self._learn_gender(antecedent, word)

    def _described_reporters(self, window: Span | None, gender: str, bound: tuple[int, int] | None
                             ) -> tuple[list[tuple[int, Speaker, bool]], bool]:
        """Unnamed singular sources in subject position of a reporting verb ("a spokesman said", "one dealer
        told Reuters"), as pronoun antecedents of the given gender; and whether a definite one was left
        unresolved (someone named elsewhere in the story)."""
        found, unresolved = [], False
        for token in window or ():
            # (the reporting verb may be the complement of the subject's verb: "declined to say", "wanted to stress")
            reports = token.head.lemma_ in CUE_LEMMAS or any(
                c.dep_ == "xcomp" and c.lemma_ in CUE_LEMMAS for c in token.head.children)
            if token.dep_ != "nsubj" or token.tag_ != "NN" or token.ent_type_ or not reports \
                    or token.lemma_.lower() in GENERIC_PEOPLE or not self.is_outside(token) \
                    or (bound and bound[0] <= token.idx <= bound[1]) \
                    or token.lemma_.lower() in DOCUMENT_NOUNS - PERSON_SOURCE_NOUNS:  # "a statement" is no "she"
                continue
            word = token.lower_
            if (gender == "f" and word.endswith("man") and not word.endswith("woman")) or \
                    (gender == "m" and word.endswith("woman")):
                continue
            speaker = self._speaker_for_head(token)
            # An indefinite source is new ("a spokesman", "his agent"); so is a gendered one ("the executive
            # spokeswoman"). Another definite one left unresolved ("the party's leader") is someone named
            # elsewhere, for the other rules to find.
            indefinite = any(c.dep_ in ("det", "nummod") and c.lower_ in ("a", "an", "one", "another")
                             or c.dep_ == "poss" and c.tag_ == "PRP$" for c in token.children)
            if speaker is not None and speaker.type == "person" and self._gender(speaker) not in (None, gender):
                continue  # "the first minister said his …" is not the woman named last
            if speaker is not None and (speaker.type == "person" or speaker.type == "anonymous" and (
                    indefinite or word.endswith("man") or any(s.name == speaker.name for _, s in self._noted))):
                found.append((token.idx, speaker, True))
            elif speaker is not None and speaker.type == "anonymous" and token.lemma_.lower() in SOURCE_NOUNS \
                    and token.lemma_.lower() not in ORG_NOUNS | DOCUMENT_NOUNS:
                unresolved = True
        return found, unresolved

    def _document_antecedent(self, token: Token) -> Speaker | None:
        """"Mr Crosby's statement said: “…” It added: “…”": "it" is the statement, whose words are its author's."""
        sent = sent_of(token)
        start = sent_of(self.doc[sent.start - 1]).start if sent.start > 0 else sent.start
        for candidate in reversed(self.doc[start:token.i]):
            if candidate.dep_ in ("nsubj", "nsubjpass") and candidate.lemma_.lower() in DOCUMENT_NOUNS \
                    and self.is_outside(candidate):
                author = self._speaker_for_head(candidate)
                # a document whose author the story does not give ("The report said … It said"): nobody named
                return author if author is not None and author.type in ("person", "organization") \
                    else Speaker.unknown()
        return None

    def _gender(self, speaker: Speaker) -> str | None:
        return speaker.gender or self._titled_gender.get(speaker.name) or self._learned_gender.get(speaker.name) \
            or (first_name_gender(speaker.name) if speaker.type == "person" and speaker.name else None)

    def _learn_gender(self, speaker: Speaker, pronoun: str) -> Speaker:
        """Once "he" has meant Chris Hawkins, a later "she" is someone else."""
        if speaker.type == "person" and speaker.name and pronoun in PRONOUN_GENDER and " and " not in speaker.name:
            self._learned_gender.setdefault(speaker.name, PRONOUN_GENDER[pronoun])
        return speaker
