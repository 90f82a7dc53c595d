"""Subjects the parse does not attach to their reporting verb: a name right before it ("Speaking in Harrogate
Mr Kennedy said"), across a role in commas ("Ieuan Wyn Jones, leader of the Plaid Cymru group, said"), after it
("“…,” said England sevens coach Mike Friday") or between a closing mark and it ("“…,” Andrew Pendleton,
Christian Aid's head of trade policy, said").

A mixin of `SpeakerResolver` (as `pronouns.py` and `descriptions.py` are): it reads the resolver's `doc`,
`is_outside`, `is_surname`, `person`, `speaker_for`, `_bare_name` and `_with_role`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .doc_index import sent_of
from .speaker_words import SOURCE_NOUNS
from .syntax import entity_of, has_subject, is_age_noun, is_verb

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .speaker_record import Speaker

_CLOSING_MARKS = {'"', "”", "»", "''"}
_OPENING_MARKS = {'"', "“", "«", "''"}
# How far back from a subjectless verb the closing mark of the quote it reports may be
MAX_POSTPOSED_WORDS = 30
# The longest role phrase in commas between a name and its verb ("Jones, leader of the Plaid Cymru group, said")
MAX_ROLE_WORDS = 15


class MisparsedSubjects:
    # (a subject inside the quotes does not count: '“… England wanted a second opinion, …,” director of rugby Nigel
    # Melville told …' hangs "opinion" on "told")

    def _adjacent_name(self, verb: Token) -> Speaker | None:
        """'Speaking in Harrogate Mr Kennedy said: “…”': when the parse gives the verb no subject (here the name
        became the object of "in"), a person's name that ends right before the verb."""
        if has_subject(verb, self.is_outside) or verb.i == 0:
            return None
        first = verb.i  # "Tony Blair has told …": the name comes before the verb's auxiliaries
        while first > 0 and self.doc[first - 1].head == verb and self.doc[first - 1].dep_ in ("aux", "neg") \
                and self.doc[first - 1].text.islower():  # not "May said" (Brian May, tagged as a modal)
            first -= 1
        if first == 0:
            return None
        before = self.doc[first - 1]
        if before.text == ",":
            # "In response to …, Ieuan Wyn Jones, leader of the Plaid Cymru group, said": a name and its role in
            # commas
            start = sent_of(verb).start
            comma = next((t.i for t in reversed(self.doc[max(start, first - 1 - MAX_ROLE_WORDS):first - 1])
                          if t.text == ","), None)
            relative = comma is not None and self.doc[comma + 1].lower_ in ("who", "whose")  # ", who chairs …,"
            if comma is None or comma == start or not relative and any(is_verb(t) for t in self.doc[comma:first]):
                return None
            before = self.doc[comma - 1]
        if not self.is_outside(before):
            return None
        ent = entity_of(before)
        if ent is not None and ent.label_ == "PERSON" and ent.end == before.i + 1:
            return self._with_role(self.person(ent), before, ent)
        if ent is not None and ent.label_ == "ORG" and len(ent) == 1 and self.is_surname(before.text):
            return self._bare_name(before)  # "Size, whose New Forms album won …, said": Roni Size, not a body
        if ent is not None and ent.label_ == "ORG" and ent.end == before.i + 1 and ent.start == sent_of(verb).start \
                and verb.tag_ in ("VBD", "VBZ", "VBP"):
            # "Stop Stansted Expansion said …": the body's name read as a clause (not a headline's "Labour accused
            # of …", whose participle is passive)
            return self.organization(ent)
        if before.text[:1].isupper() and self.is_surname(before.text) \
                and (before.ent_type_ in ("", "PERSON") or before.ent_type_ == "DATE" and before.is_sent_start):
            return self._bare_name(before)  # "May said: …" (Brian May): the tagger took the surname for a modal
        return None

    def _inverted_subject(self, verb: Token) -> Speaker | None:
        """'“…,” said England sevens coach Mike Friday.': when the parse gives the verb no subject, the person
        named after a verb that directly follows a closing mark."""
        if has_subject(verb, self.is_outside):
            return None
        previous = [t for t in self.doc[max(0, verb.i - 2):verb.i] if t.text != ","]
        if not previous or previous[-1].text not in _CLOSING_MARKS or self.is_outside(previous[-1]):
            return None
        person = self._person_after(verb)
        if person is not None:
            return person
        words = self._words_after(verb)
        if words and words[-1].pos_ == "NOUN" and any(c.dep_ == "det" for c in words[-1].children):
            # "added the two-time Academy Award winner": the description, not the name inside it
            described = self.speaker_for(words[-1])
            if described is not None:
                return described
        heads = [t for t in words if t.pos_ == "PROPN" or t.lower_ in SOURCE_NOUNS or is_age_noun(t)]
        if heads:
            return self.speaker_for(heads[-1])
        if len(words) == 1 and words[0].text[:1].isupper() and self.is_surname(words[0].text):
            return self._bare_name(words[0])  # "admitted Kiely.": the tagger took the surname for an adverb
        return None

    def _words_after(self, token: Token) -> list[Token]:
        """The words after a token, up to the first punctuation or quote."""
        after = []
        for word in self.doc[token.i + 1:sent_of(token).end]:
            inside_word = word.text == "-" and not self.doc[word.i - 1].whitespace_  # "the 30-year-old"
            if word.is_punct and not inside_word or not self.is_outside(word):
                break
            after.append(word)
        return after

    def _person_after(self, token: Token) -> Speaker | None:
        """The first person named in the words right after a token, with the words before the name as role."""
        for word in self._words_after(token):
            if word.ent_type_ == "PERSON":
                return self._with_role(self.person(entity_of(word)), word, entity_of(word))
        return None

    def _closes_a_term(self, i: int, sent_start: int) -> bool:
        """Whether the mark at token `i` closes a few quoted words set in running text ("and “Ted Cruz” campaign
        pins"), not a statement."""
        doc = self.doc
        opening = next((j for j in range(i - 1, max(sent_start, i - 5) - 1, -1) if doc[j].text in _OPENING_MARKS), None)
        return opening is not None and opening > sent_start and not doc[opening - 1].is_punct \
            and not doc[i - 1].is_punct

    def _postposed_subject(self, verb: Token) -> Speaker | None:
        """'“…,” Andrew Pendleton, Christian Aid's head of trade policy, said.': when the parser hangs the name on
        the quote, the first name or pronoun between the closing mark and a subjectless verb is the speaker."""
        if has_subject(verb, self.is_outside):
            return None
        sent_start = sent_of(verb).start
        i = verb.i - 1
        while i >= sent_start and verb.i - i <= 15 and self.doc[i].text not in _CLOSING_MARKS:
            i -= 1
        found = i >= sent_start and verb.i - i <= 15
        if not found or self._closes_a_term(i, sent_start):
            # past a quoted term inside the subject ('“…,” Texas delegate Bill Eastland, wearing … “Ted Cruz” campaign
            # pins, said') or a long apposition ('“…,” Trump, the 2016 GOP presidential frontrunner nationally and …,
            # said') to the mark that closes a statement, after its punctuation, if there is one
            start = i - 1 if found else i
            statement = next((j for j in range(start, max(sent_start, verb.i - MAX_POSTPOSED_WORDS) - 1, -1)
                              if self.doc[j].text in _CLOSING_MARKS and self.doc[j - 1].is_punct), None)
            i = statement if statement is not None else i
        if i < sent_start or verb.i - i > MAX_POSTPOSED_WORDS or i + 1 == verb.i \
                or self.doc[i].text not in _CLOSING_MARKS or self.is_outside(self.doc[i]):
            return None  # no closing mark of a quote just before the verb
        words = self.doc[i + 1:verb.i]
        # the noun phrase before any comma: "Texas delegate Bill Eastland, wearing a cowboy hat, said"
        phrase = next((words[:k] for k, t in enumerate(words) if t.text == ","), words) or words
        last = entity_of(phrase[-1])
        if last is not None and last.label_ == "PERSON" and last.end == phrase.end and last.start > phrase.start \
                and not any(t.is_punct for t in phrase):
            # "“…,” Tulsa police Chief Chuck Jordan said": one noun phrase, whose head is its last word, the name
            return self._with_role(self.person(last), phrase[-1], last)
        for token in words:
            if token.is_punct or token.dep_ == "det":
                continue
            if token.pos_ in ("PROPN", "PRON") or token.ent_type_ or token.lemma_.lower() in SOURCE_NOUNS:
                ent = entity_of(token)
                return self.speaker_for(ent.root if ent is not None else token)
            return None  # "“…,” and the company said …": not a postposed name
        return None
