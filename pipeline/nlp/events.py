"""Events: PLOVER-typed event mentions with actor, recipient, location, date range, status and evidence.

Triggers are verbs ("launched", "rebuffed") and event nouns ("strikes", "permission", "talks") from a lexicon.
The dependency parse gives the participants: subject/agent and object/prepositional phrase for verbs; possessor,
nationality adjective or compound and prepositional phrase for nouns, falling back on the clause they sit in.
The status follows the PLOVER modality: negated > future > hypothetical (requested, permitted, modal, conditional)
> claimed (inside a quote or reported by a source) > asserted.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from importlib import resources
from typing import TYPE_CHECKING

from .dates import resolve_date
from .doc_index import doc_sents, ent_of
from .gazetteer import load_gazetteer
from .speaker_record import Speaker
from .speaker_words import CUE_LEMMAS
from .speakers import SpeakerResolver
from .syntax import controlling_objects

if TYPE_CHECKING:  # spaCy is imported only where a pipeline is built
    from spacy.tokens import Doc, Span, Token


def _load_lexicon() -> dict:
    text = resources.files("pipeline.nlp").joinpath("data/plover_lexicon.json").read_text(encoding="utf-8")
    return json.loads(text)


_LEXICON = _load_lexicon()
VERB_TYPES = {lemma: t for t, lemmas in _LEXICON["verbs"].items() for lemma in lemmas}
NOUN_TYPES = {lemma: t for t, lemmas in _LEXICON["nouns"].items() for lemma in lemmas}
# Verb + particle/preposition triggers ("calls on the West to …", "shot down 71 drones"); None: any object.
PHRASAL_TYPES = {(verb, particle): t for verb, particle, t in _LEXICON["phrasal"]}
_LAUNCHABLE = set(_LEXICON["launchable"])
_ASSAULT_MODES = _LEXICON["assault_modes"]
_FUTURE_HEADS = {"plan", "intend", "expect", "schedule", "set", "prepare", "aim", "due", "go"}
_HYPOTHETICAL_AUX = {"would", "could", "might", "may", "should", "must", "can"}
# A trigger governed by one of these is wanted, asked for, permitted or refused, not yet real.
_IRREALIS_HEADS = {
    "request", "permission", "clearance", "allow", "permit", "ask", "urge", "seek", "demand", "need", "want",
    "hope", "call", "appeal", "approval", "reluctant", "ready", "able", "open", "possible", "willing", "plan",
    "threat", "wait", "push", "press", "consider", "decision", "reason", "right", "capacity", "ability",
}
_NEGATING_HEADS = {"refuse", "decline", "fail", "reject", "rebuff", "deny", "prohibit", "ban", "prevent", "stop"}
_RECIPIENT_PREPS = {"on", "against", "into", "inside", "in", "at", "to", "with", "toward", "towards", "across", "of"}
_NOT_PARTICIPANTS = {"DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL"}


@dataclass
class EventRecord:
    event_type: str
    mode: str | None
    trigger: str
    trigger_start: int
    trigger_end: int
    actor: Speaker | None
    recipient: Speaker | None
    location: str | None
    date_text: str | None
    date_start: date | None
    date_end: date | None
    date_granularity: str | None
    status: str
    source: Speaker | None
    start_char: int
    end_char: int
    text: str


def extract_events(
    doc: Doc, resolver: SpeakerResolver, published: date | None, quotes: list[tuple[int, int, Speaker]] = ()
) -> list[EventRecord]:
    events = []
    for sent in doc_sents(doc):
        for token in sent:
            event_type, trigger_tokens = _trigger(token)
            if event_type is None:
                continue
            actors, recipients = _participants(token, event_type, resolver)
            if not actors and not recipients and token.pos_ == "NOUN" and not _has_event_context(token):
                continue  # a bare noun ("an attack") with nothing around it is not coded
            quote = next((q for q in quotes if q[0] <= token.idx < q[1]), None)
            status, source = _status(token, resolver, quote)
            date_text, resolved = _date(sent, token, published, future=status == "future")
            text = sent.text.rstrip()
            # "meet with Biden and Harris", "Neither America nor the United Kingdom gave …": one event per party.
            for actor, recipient in _pairs(actors, recipients):
                events.append(
                    EventRecord(
                        event_type=event_type,
                        mode=_mode(token, sent) if event_type == "ASSAULT" else None,
                        trigger=doc[trigger_tokens[0].i:trigger_tokens[-1].i + 1].text,
                        trigger_start=trigger_tokens[0].idx,
                        trigger_end=trigger_tokens[-1].idx + len(trigger_tokens[-1].text),
                        actor=actor,
                        recipient=recipient,
                        location=_location(token, resolver),
                        date_text=date_text,
                        date_start=resolved.start if resolved else None,
                        date_end=resolved.end if resolved else None,
                        date_granularity=resolved.granularity if resolved else None,
                        status=status,
                        source=source,
                        start_char=sent.start_char,
                        end_char=sent.start_char + len(text),
                        text=text,
                    )
                )
    return events


def _pairs(actors: list[Speaker], recipients: list[Speaker]) -> list[tuple[Speaker | None, Speaker | None]]:
    return [(a, r) for a in (actors[:3] or [None]) for r in (recipients[:3] or [None])]


def _trigger(token: Token) -> tuple[str | None, list[Token]]:
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB":
        particles = [c for c in token.children if c.dep_ in ("prt", "prep", "advmod")]
        for (verb, particle), event_type in PHRASAL_TYPES.items():
            if lemma != verb:
                continue
            if particle is None:
                if any(c.lemma_.lower() in _LAUNCHABLE for c in token.children if c.dep_ == "dobj"):
                    return event_type, [token]
                continue
            match = next((p for p in particles if p.lower_ == particle), None)
            if match is not None:
                return event_type, [token, match] if match.i == token.i + 1 else [token]
        if lemma in ("call", "launch", "open", "side"):
            return None, []
        if lemma == "change" and _about_policy(token):
            return "CONCEDE", [token]  # "has changed its policy": a policy change is a concession in PLOVER
        if lemma == "shoot" and not any(p.lower_ == "down" for p in particles):
            return ("ASSAULT", [token]) if any(c.dep_ == "dobj" for c in token.children) else (None, [])
        return VERB_TYPES.get(lemma), [token]
    if token.pos_ == "NOUN":
        if lemma == "call" and any(c.lower_ in ("for", "from") or c.dep_ in ("acl", "relcl") for c in token.children):
            return "REQUEST", [token]  # "calls from Western leaders to allow …"; not a phone call
        if lemma == "change" and _about_policy(token):
            return "CONCEDE", [token]  # "a policy change", "no changes in US policy"
        return NOUN_TYPES.get(lemma), [token]
    return None, []


def _about_policy(token: Token) -> bool:
    return any(t.lemma_.lower() == "policy" for t in token.subtree if t.i != token.i) or (
        token.dep_ in ("dobj", "pobj", "attr") and any(c.lemma_.lower() == "policy" for c in token.head.children))


# -- participants ---------------------------------------------------------------------------------------------------
def _participants(trigger: Token, event_type: str, resolver: SpeakerResolver) -> tuple[list[Speaker], list[Speaker]]:
    if trigger.pos_ == "NOUN":
        return _noun_participants(trigger, event_type, resolver)
    actors: list[Speaker] = []
    recipients: list[Speaker] = []
    for child in trigger.children:
        if child.dep_ == "nsubj":
            actors = actors or _parties(child, resolver)
        elif child.dep_ == "nsubjpass":
            recipients = recipients or _parties(child, resolver)
        elif child.dep_ == "agent":
            actors = next((_parties(o, resolver) for o in child.children if o.dep_ == "pobj"), actors)
        elif child.dep_ in ("dobj", "dative") and not recipients:
            recipients = _parties(child, resolver)
            if not recipients:  # "rebuffed Ukraine’s requests": the possessor is the recipient
                recipients = next((_parties(p, resolver) for p in child.children if p.dep_ == "poss"), [])
    if not recipients:
        recipients = _prepositional_parties(trigger, resolver)
    if not recipients:  # "launched an attack on Ukraine"
        for obj in (c for c in trigger.children if c.dep_ == "dobj"):
            recipients = recipients or _prepositional_parties(obj, resolver)
    if not actors:
        actors = _controller(trigger, resolver)
    if not recipients and event_type == "ASSAULT":
        recipients = _target_in_subtree(trigger, resolver)
    return actors, recipients


def _target_in_subtree(trigger: Token, resolver: SpeakerResolver) -> list[Speaker]:
    """An attack's target may hang lower in the parse: "strike large ammunition depots … inside Russia"."""
    for token in trigger.subtree:
        if token.dep_ == "prep" and token.lower_ in ("inside", "into", "on", "against") and token.i > trigger.i:
            for obj in token.children:
                if obj.dep_ == "pobj":
                    parties = _parties(obj, resolver)
                    if parties:
                        return parties
    return []


def _noun_participants(noun: Token, event_type: str, resolver: SpeakerResolver):
    actors: list[Speaker] = []
    for child in noun.children:
        if child.dep_ == "poss" or (child.dep_ in ("amod", "compound", "nmod") and child.i < noun.i):
            actors = actors or _parties(child, resolver) or [p for p in [_nationality(child)] if p]
        elif child.dep_ == "prep" and child.lower_ in ("by", "from") and not actors:
            actors = next((_parties(o, resolver) for o in child.children if o.dep_ == "pobj"), [])
    recipients = _prepositional_parties(noun, resolver)
    if not recipients and event_type == "ASSAULT":
        recipients = _target_in_subtree(noun, resolver)
    if event_type == "CONCEDE" or (not actors and event_type in ("REQUEST", "ASSAULT", "CONSULT", "AID")):
        # "Ukraine seeks White House clearance …": the clause subject is the one asking / acting.
        clause_subjects = _controller(noun, resolver)
        if event_type == "CONCEDE":
            recipients = recipients or clause_subjects
        else:
            actors = clause_subjects
    return actors, recipients


def _parties(token: Token, resolver: SpeakerResolver) -> list[Speaker]:
    """The party a token names, and those coordinated with it ("Neither America nor the United Kingdom")."""
    parties = []
    for member in (token, *token.conjuncts):
        party = _party(member, resolver)
        if party is not None and party not in parties:
            parties.append(party)
    return parties


def _controller(token: Token, resolver: SpeakerResolver) -> list[Speaker]:
    """The subject of the clause a trigger sits in; for 'allow Ukraine to strike' the object of 'allow'."""
    node = token
    for _ in range(4):
        head = node.head
        if head == node:
            return []
        for child in controlling_objects(node):
            parties = _parties(child, resolver)
            if parties:
                return parties
        for child in head.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child != node:
                parties = _parties(child, resolver)
                if parties:
                    return parties
        if head.pos_ == "VERB" and node.dep_ in ("ccomp", "relcl"):
            return []
        node = head
    return []


def _prepositional_parties(token: Token, resolver: SpeakerResolver) -> list[Speaker]:
    for child in token.children:
        preps = [child] if child.dep_ == "prep" else [c for c in child.children if c.dep_ == "prep"] \
            if child.dep_ in ("advmod", "npadvmod") else []
        for prep in preps:
            if prep.lower_ not in _RECIPIENT_PREPS or (prep.lower_ == "of" and token.pos_ != "NOUN"):
                continue
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    parties = _parties(obj, resolver) or [p for p in (
                        _party(c, resolver) or _nationality(c) for c in obj.children if c.dep_ in ("poss", "amod", "compound")
                    ) if p is not None][:1]
                    if parties:
                        return parties
    return []


def _party(token: Token, resolver: SpeakerResolver) -> Speaker | None:
    if token.ent_type_ in _NOT_PARTICIPANTS or token.like_num:
        return None
    if token.pos_ == "PRON" and token.lower_ in ("i", "we", "us", "me", "you", "this", "that", "which", "who"):
        return None
    if token.ent_type_ == "NORP":  # "Ukrainians", "Russian": the state, not a group called "Russian"
        return _nationality(token)
    speaker = resolver.speaker_for(token, joint=False)  # coordinated parties come from token.conjuncts
    if speaker is not None and speaker.type not in ("unknown", "anonymous"):
        return speaker
    if token.pos_ == "NOUN":
        # "Russian troops", "Ukraine’s drone forces", "US officials": the state they belong to.
        for child in token.children:
            if child.dep_ in ("poss", "amod", "compound", "nmod") and child.i < token.i:
                party = _nationality(child) or (_party(child, resolver) if child.pos_ in ("PROPN", "PRON") else None)
                if party is not None:
                    return party
    return None


def _has_event_context(noun: Token) -> bool:
    """A participant-less event noun counts when something specifies it ("deeper strikes using missiles",
    "a similar bombing at a hotel", "possible negotiations that …"), not as a bare mention ("an attack")."""
    return any(c.dep_ in ("amod", "compound", "prep", "acl", "relcl", "nummod") for c in noun.children) or (
        noun.dep_ in ("nsubj", "nsubjpass") and any(c.dep_ in ("dobj", "prep") for c in noun.head.children))


def _nationality(token: Token) -> Speaker | None:
    """'Russian airstrikes' -> Russia, through the gazetteer's demonyms."""
    entity = load_gazetteer().by_demonym(token.text)
    if entity is None:
        return None
    return Speaker(entity.name, "organization", entity.id, mention=token.text)


def _location(trigger: Token, resolver: SpeakerResolver) -> str | None:
    for child in trigger.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "near", "at", "over", "across"):
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.ent_type_ in ("GPE", "LOC", "FAC"):
                    speaker = resolver.speaker_for(obj)
                    return speaker.name if speaker else obj.text
    return None


# -- status -----------------------------------------------------------------------------------------------------
def _status(trigger: Token, resolver: SpeakerResolver, quote) -> tuple[str, Speaker | None]:
    chain = _governors(trigger, 4)
    aux = {c.lower_ for node in [trigger, *chain[:1]] for c in node.children if c.dep_ in ("aux", "auxpass", "mark")}
    negated = any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") or c.dep_ == "preconj" and c.lower_ == "neither"
                  for node in [trigger, *chain[:1]] for c in node.children)
    if negated or any(node.lemma_.lower() in _NEGATING_HEADS for node in chain[:2] if node.pos_ == "VERB" and
                      node.lemma_.lower() in ("refuse", "decline", "fail")):
        return "negated", None
    if {"will", "shall", "'ll"} & aux or any(n.lemma_ in _FUTURE_HEADS and trigger.dep_ == "xcomp" for n in chain[:1]):
        return "future", None
    if "to" in aux and trigger.dep_ == "ROOT":  # headline: "Biden to discuss …"
        return "future", None
    if _HYPOTHETICAL_AUX & aux or {"if", "whether"} & aux:
        return "hypothetical", None
    if any(node.lemma_.lower() in _IRREALIS_HEADS for node in chain):
        return "hypothetical", None
    if quote is not None:
        return "claimed", quote[2]
    for node in [trigger, *chain]:
        if node.dep_ in ("ccomp", "xcomp") and node.head.lemma_ in CUE_LEMMAS and resolver.is_outside(node.head):
            return "claimed", resolver.subject_of(node.head)
    if any(c.lower_ in ("reportedly", "allegedly") for c in trigger.children):
        return "claimed", None
    return "asserted", None


def _governors(token: Token, depth: int) -> list[Token]:
    chain, node = [], token
    for _ in range(depth):
        if node.head == node or node.dep_ in ("ROOT", "conj", "advcl", "relcl"):
            break
        node = node.head
        chain.append(node)
    return chain


# -- date and mode ------------------------------------------------------------------------------------------------
def _date(sent: Span, trigger: Token, published: date | None, future: bool):
    candidates = []
    for token in sent:
        ent = ent_of(token) if token.ent_type_ == "DATE" else None
        if ent is None or ent.start != token.i:
            continue
        preceding = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
        if preceding in ("since", "until", "till", "before", "after", "by"):
            continue
        candidates.append((abs(ent.start - trigger.i), ent))
    if not candidates:
        return None, None
    _, ent = min(candidates, key=lambda c: c[0])
    return ent.text, resolve_date(ent.text, published, future=future)


def _mode(trigger: Token, sent: Span) -> str | None:
    for token in [*trigger.subtree, *sent]:
        if token.lower_ in _ASSAULT_MODES:
            return _ASSAULT_MODES[token.lower_]
    return None
