"""Definite and indefinite descriptions of sources: "a spokesman" stays an unnamed source, "the spokesman",
"the 30-year-old" and "the company" refer back (or, at a story's opening, forward) to someone the story names.

A mixin of `SpeakerResolver` (as `pronouns.py` is): it reads the resolver's mentions (`_person_mentions`,
`_org_mentions`, `_org_labels`), the speakers already attributed (`_noted`), the quote's lead-in person (`topic`,
`described`) and the resolver's `is_outside`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from typing import TYPE_CHECKING

from .doc_index import doc_ents, doc_text, sent_of
from .names import clean_name, slug
from .speaker_record import Speaker
from .speaker_words import CUE_LEMMAS, DOCUMENT_NOUNS, GENERIC_PEOPLE, ORG_NOUNS, PUBLICATION_NOUNS
from .syntax import is_age_noun

if TYPE_CHECKING:
    from spacy.tokens import Token

# How far back (in tokens) "the spokesman added" looks, over the quote it closes, for "A spokesman said …"
MAX_SOURCE_BACK = 150
# How far forward (in characters) a story's opening description looks for the name it is given
MAX_FORWARD_REFERENCE = 1500
# ... and how far an unnamed source in the opening looks for the person the next sentences name
MAX_LEDE_NAMING = 300
_UNNAMED_BY_DEFINITION = {"source", "insider"}
# Verbs of going on speaking: their described subject is the speaker of the quote just before (within so many
# characters)
_GOING_ON_LEMMAS = {"continue"}
MAX_GOING_ON = 400
_INTRODUCED = re.compile(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\s*,\s+(?:the|a|an|who)\b")


class DescriptionResolution:
    def _description(self, head: Token) -> Speaker:
        left = [t for t in head.subtree if t.i <= head.i and t.dep_ != "punct"]
        # written as the text has it ("The rapper's spokesperson", not "The rapper 's spokesperson")
        text = "".join(t.text + (t.whitespace_ if k + 1 < len(left) and left[k + 1].i == t.i + 1 else " ")
                       for k, t in enumerate(left)).strip() if left else head.text
        definite = any(t.lower_ in ("the", "this", "that") for t in head.children if t.dep_ == "det") \
            or _role_of_described_body(head)
        if definite and head.pos_ == "PROPN" and head.text.istitle() and not head.is_sent_start:
            # "the Scottish Executive has insisted": a body's proper name the NER left untagged, not a person
            # (unlike "the Tory MP")
            name = clean_name(text)
            return Speaker(name, "organization", f"org:{slug(name)}", mention=text)
        if definite and is_age_noun(head):
            # "the 30-year-old told …": the person the story is following, named last in subject position.
            for position, speaker, subject in reversed(self._person_mentions):
                if position < head.idx and subject:
                    return speaker
            # no subject yet (a headline run into the body): the person the story has named most, first on a tie
            earlier = [sp for p, sp, _ in self._person_mentions if p < head.idx]
            if earlier:
                counts = Counter(sp.name for sp in earlier)
                return max(earlier, key=lambda sp: counts[sp.name])
        if definite and head.lemma_.lower() in PUBLICATION_NOUNS:  # not "the party", named beside many a word
            named = self._named_with_noun(head)
            if named is not None:
                return named
        if definite and head.lemma_.lower() == "government" and not any(c.dep_ in ("compound", "amod", "poss")
                                                                       for c in head.children):
            # "the government is continuing to insist": the government of the day, not the party last named
            return Speaker("government", "organization", "org:government", mention=text)
        if definite and head.lemma_.lower() in ORG_NOUNS | {"outlet", "newspaper", "paper", "daily"}:
            # "the company said" refers to the organisation last named.
            body = self.body_about(head)
            if body is not None:
                return body
        if definite and head.tag_ == "NNS":
            for _, earlier in reversed(self._noted):
                if earlier.type == "person" and earlier.name and " and " in earlier.name:
                    return earlier
        # "the man shouted" is someone new, but "the Waterford man" is the person the story is about
        placed = any(c.dep_ in ("compound", "amod") and (c.ent_type_ in ("GPE", "NORP") or c.pos_ == "PROPN")
                     for c in head.children)
        # (a source or an insider is unnamed by definition: "the Tory source said" is nobody the story names)
        if definite and (head.lemma_.lower() not in GENERIC_PEOPLE or placed) \
                and head.lemma_.lower() not in _UNNAMED_BY_DEFINITION:
            reference = self._definite_reference(head)
            if reference is not None:
                return reference
        # a story's opening source, named as a subject in what follows
        role = head.tag_ == "NN" and head.lemma_.lower() not in ORG_NOUNS | DOCUMENT_NOUNS | GENERIC_PEOPLE
        indefinite = any(t.lower_ in ("a", "an") for t in head.children if t.dep_ == "det")
        if indefinite and role and not any(p < head.idx and subject for p, _, subject in self._person_mentions):
            # "…, a leading industry figure has said. Tim Renner, the head of Universal Music Germany until …":
            # introduced with a role of their own
            later = self._subject_named_after(head)
            if later and _INTRODUCED.match(doc_text(self.doc), later[0]):
                return later[1]
        possessed = any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in head.children)
        if possessed and role and sent_of(head).start == 0:
            # "Scotland's justice minister has warned … Cathy Jamieson said exclusion orders …": in the next sentence
            later = self._subject_named_after(head)
            if later and later[0] >= sent_of(head).end_char:
                return later[1]
        if head.lemma_.lower() in ORG_NOUNS:  # "the prime minister's office": a body, named without "the"
            return Speaker(self._capitalised_elsewhere(clean_name(text)), "organization", None, mention=text)
        return Speaker(text, "anonymous", None, mention=text)

    def body_about(self, head: Token) -> Speaker | None:
        """The organisation the story is about before `head`: the most mentioned one so far, the latest on a tie."""
        earlier = [(p, sp) for p, sp, _ in self._org_mentions
                   if p < head.idx and self._org_labels.get(p) == "ORG" and not self._owned(p)]
        if not earlier:
            return None
        counts = Counter(sp.name for _, sp in earlier)
        best = max(counts.values())
        return next(sp for _, sp in reversed(earlier) if counts[sp.name] == best)

    def _capitalised_elsewhere(self, name: str) -> str:
        """A body's name as the story writes it with capitals, where it does ("The information commissioner's office
        says …" before "A spokesman for the Information Commissioner's Office said")."""
        for match in re.finditer(re.escape(name), doc_text(self.doc), re.IGNORECASE):
            # two capitalised words at least: a sentence's first word ("Police said") is no spelling of the name
            if sum(w[:1].isupper() for w in match.group().split()) >= 2 and match.group() != name:
                return match.group()
        return name

    def _subject_named_after(self, head: Token) -> tuple[int, Speaker] | None:
        """The first person named as a subject soon after a description (position, speaker)."""
        return next(((p, sp) for p, sp, subject in self._person_mentions
                     if head.idx < p <= head.idx + MAX_LEDE_NAMING and subject), None)

    def _owned(self, position: int) -> bool:
        """"its Xbox consoles", "its new RipGuard technology": a name owned by something else is a product or part
        of a body, not the body a story's "the company" stands for."""
        span = self.doc.char_span(position, position + 1, alignment_mode="expand")
        if span is None:
            return False
        noun = span[0]
        while noun.dep_ in ("compound", "amod") and noun.head != noun:
            noun = noun.head
        return any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in noun.children)

    def _named_with_noun(self, head: Token) -> Speaker | None:
        """"the magazine reported" after "US magazine Rolling Stone" or "Mobile PC magazine": the last name the
        story gives next to the same noun, whatever the NER calls it."""
        noun = head.lemma_.lower()
        for ent in reversed([e for e in doc_ents(self.doc) if e.end_char < head.idx]):
            beside = [self.doc[ent.start - 1]] if ent.start > 0 else []
            beside += [self.doc[ent.end]] if ent.end < len(self.doc) else []
            if ent.label_ not in ("DATE", "TIME", "CARDINAL", "NORP", "GPE") and any(
                    t.lemma_.lower() == noun for t in beside) and self.is_outside(ent[0]):
                return self.organization(ent)
        return None

    def named_with_role(self, head: Token) -> Speaker | None:
        """"the minister" after "Civil aviation minister Praful Patel": the last person named next to the role."""
        positions = sorted({p for p, _, _ in self._person_mentions})
        # "The French president" is the one named "French President Jacques Chirac", not "President Bush" named since
        qualifiers = [c.lower_ for c in head.children if c.dep_ in ("amod", "compound") and c.text[:1].isupper()]
        for qualified in ([True, False] if qualifiers else [False]):
            for position, speaker, _ in reversed(self._person_mentions):
                # the role named next to the person ("Tory leader Michael Howard"), not in the description itself,
                # nor nearer another person ("Wales coach Mike Ruddock says England lock Danny Grewcock …")
                i = bisect_left(positions, position)
                start = max(0, position - 40, positions[i - 1] + 1 if i else 0)
                end = min(position + 120, head.idx, positions[i + 1] if i + 1 < len(positions) else head.idx)
                if position < head.idx and self._names_role(start, end, head, position) and (
                        not qualified or all(q in doc_text(self.doc)[start:end].lower() for q in qualifiers)):
                    return speaker
        return None

    def _office_holder(self, head: Token) -> Speaker | None:
        """"the prime minister said" in a story that names Tony Blair: the one person it names whom the gazetteer
        knows to hold the office the description gives (with its qualifiers: "the Russian president")."""
        # (matched whole: "the former prime minister" is no office holder)
        words = [t.lower_ for t in head.subtree if t.i <= head.i and t.dep_ not in ("det", "poss", "case", "punct")]
        holders = self.gazetteer.holders(" ".join(words))
        named = {s.entity_id: s for _, s, _ in self._person_mentions if s.entity_id in holders}
        return next(iter(named.values())) if len(named) == 1 else None

    def _definite_reference(self, head: Token) -> Speaker | None:
        """The person a definite description refers back to ("the spokesman", "the former Scotland international")."""
        # "the Ukrainian official" refers back to "a senior Ukrainian official"; "the spokesman" to a person.
        for _, earlier in reversed(self._noted):
            if earlier.type == "anonymous" and earlier.name and earlier.name.split()[-1] == head.text:
                return earlier
            if earlier.type == "person" and earlier.role and head.lemma_ in earlier.role.lower():
                return earlier
        # "the spokesman added" after "A UKIP spokesman said …" in the sentence before: that unnamed source
        sentence = sent_of(head)
        while sentence.start > 0 and head.i - sentence.start < MAX_SOURCE_BACK:
            sentence = sent_of(self.doc[sentence.start - 1])
            if all(not self.is_outside(t) for t in sentence if not t.is_punct):
                continue  # the quote the description closes
            for earlier in sentence:
                if earlier.lemma_ == head.lemma_ and earlier.dep_ == "nsubj" and earlier.head.lemma_ in CUE_LEMMAS \
                        and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in earlier.children) \
                        and self.is_outside(earlier):
                    return self._description(earlier)
            break
        if head.dep_ == "nsubj" and head.head.lemma_ in _GOING_ON_LEMMAS and self._noted \
                and self._noted[-1][1].type == "person" and head.idx - self._noted[-1][0] < MAX_GOING_ON:
            # "Ferguson said: “…” The Man Utd boss continued: “…”": the one who just spoke goes on
            return self._noted[-1][1]
        named = self.named_with_role(head)
        if named is not None:
            return named
        holder = self._office_holder(head)
        if holder is not None:
            return holder
        earlier_people = [(p, sp) for p, sp, _ in self._person_mentions if p < head.idx]
        if head.lemma_.lower().startswith("spokes"):
            return None  # a spokesperson is someone introduced as one, not whoever the story is about
        # the person the sentence before the quote is about ("Hayley Yelling said … “…,” said the European
        # cross-country champion")
        if self.topic is not None:
            return self.topic
        # otherwise the "he" the sentence before is about ("He opted to … “…,” said the Chelsea star"), before
        # someone that sentence names in passing ("He made a cameo appearance …, in which his leading role was
        # played by Steve Coogan. “…,” said the Factory Records founder")
        if self.described is not None:
            return self.described
        # or the person just named ("Mr Neeson said … The Oscar-nominated actor said"), in an earlier sentence:
        # "Reacting to a comment by Tim Phillips, the American said" is not Tim Phillips
        sentence_start = sent_of(head).start_char
        before = [(p, sp) for p, sp in earlier_people if p < sentence_start]
        if before and head.idx - before[-1][0] <= 160:
            return before[-1][1]
        # or, for a description of one person, the person the story last named as a subject ("Jamie Costin should
        # be paralysed. He says so himself … There is an ironic chuckle as he talks … “…,” says the Waterford man")
        if head.tag_ == "NN" and head.pos_ == "NOUN" and head.lemma_.lower() not in ORG_NOUNS | DOCUMENT_NOUNS \
                or head.ent_type_ == "NORP":  # "the American said"
            for position, speaker, subject in reversed(self._person_mentions):
                if position < head.idx and subject:
                    return speaker
        if not earlier_people:
            # a story that opens with a description names the person later ("…, the courts minister has said. …
            # said courts minister Christopher Leslie")
            for position, speaker, _ in self._person_mentions:
                if head.idx < position <= head.idx + MAX_FORWARD_REFERENCE and self._names_role(
                        max(head.idx + len(head), position - 40), position, head, position):
                    return speaker
            # or names them in full as the subject of the next sentence ("…, the work and pensions minister has
            # said. This was why the government was considering …, Alan Johnson said.")
            sentence = sent_of(head)
            # (in the story's opening sentence: "The idea, says BT, …" further on is no source's role)
            reports = head.dep_ == "nsubj" and head.head.lemma_ in CUE_LEMMAS and head.tag_ == "NN" \
                and head.lemma_.lower() not in ORG_NOUNS | DOCUMENT_NOUNS | GENERIC_PEOPLE and sentence.start == 0
            if reports and sentence.end < len(self.doc):
                following = sent_of(self.doc[sentence.end])
                named = [sp for p, sp, subject in self._person_mentions
                         if following.start_char <= p < following.end_char and subject and sp.name and " " in sp.name]
                if len(named) == 1:
                    return named[0]
        return None

    def _names_role(self, start: int, end: int, head: Token, name_at: int) -> bool:
        """Whether the text next to a name (characters `start`–`end` of the doc) gives it the description's role word
        ("Tory leader Michael Howard"), not in a possessive ("The actor's friend Budd Schulberg" is the friend) nor as
        the subject of a clause of its own ("Echoing Condoleezza Rice, the prime minister said" is someone else)."""
        doc = self.doc
        text = doc_text(doc)
        own = {c.lower_ for c in head.children}
        for match in re.finditer(rf"\b{re.escape(head.lemma_.lower())}s?\b(?!['’]s\b)", text[start:end].lower()):
            before = text[max(0, start + match.start() - 12):start + match.start()].lower().split()
            if before and before[-1].strip("-") in _OTHER_ROLE and before[-1].strip("-") not in own:
                continue  # "the chancellor" is not "shadow chancellor Oliver Letwin"
            if start + match.end() <= name_at and re.search(r"\band\b", text[start + match.end():name_at]):
                continue  # "Both the Cardinal and Archbishop of Canterbury Dr Rowan Williams": another's role
            word = doc.char_span(start + match.start(), start + match.end(), alignment_mode="expand")
            if word is not None and not self.is_outside(word.root):
                continue  # "Lewsey added: “One of the Irish players …”": the speaker's words, not the role
            if word is None or not _own_subject(word.root, name_at):
                return True
        return False


def _role_of_described_body(head: Token) -> bool:
    """"The political reform group's general secretary told …", "the charity's director added": a role in a body the
    story describes rather than names, as definite as "the secretary" ("the prime minister's office" is a body)."""
    return head.lemma_.lower() not in ORG_NOUNS and any(
        c.dep_ == "poss" and c.pos_ == "NOUN" and any(d.dep_ == "det" and d.lower_ == "the" for d in c.children)
        for c in head.children)


# Words that make a role another one: "the chancellor" is not the shadow chancellor nor a former one
_OTHER_ROLE = {"shadow", "former", "ex", "deputy", "vice", "assistant", "acting", "junior", "late"}


def _own_subject(role: Token, name_at: int) -> bool:
    """A definite description that is a verb's subject, with the name outside it: another mention, not an
    apposition."""
    return role.dep_ in ("nsubj", "nsubjpass") and role.head.pos_ in ("VERB", "AUX") \
        and any(c.dep_ == "det" and c.lower_ == "the" for c in role.children) \
        and not any(t.idx == name_at for t in role.subtree)
