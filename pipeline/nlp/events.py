"""Events: PLOVER-typed event mentions with actor, recipient, location, date range, status and evidence.

A verb lexicon types the event; the dependency parse gives actor (subject, or passive agent) and recipient
(object, or on/against/with/to phrase); modality gives the status; DATE entities of the sentence, resolved against
the publication date, give the date range.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Token

from .dates import resolve_date
from .doc_index import doc_sents
from .quotes import CUE_LEMMAS
from .speakers import Speaker, SpeakerResolver

EVENT_LEXICON: dict[str, str] = {}
for _type, _lemmas in {
    "ASSAULT": "attack strike bomb shell kill shoot fire hit destroy target invade assail wound injure bombard raid",
    "REJECT": "reject rebuff refuse veto dismiss oppose rule",
    "REQUEST": "request urge appeal plead seek demand",
    "CONSULT": "meet discuss visit host consult negotiate",
    "SUPPORT": "support back praise endorse thank welcome",
    "AID": "supply provide send deliver equip fund arm donate",
    "CONCEDE": "allow permit approve lift ease loosen",
    "ACCUSE": "accuse blame criticise criticize condemn denounce",
    "THREATEN": "threaten warn",
    "PROTEST": "protest demonstrate",
    "SANCTION": "sanction ban prohibit restrict expel embargo",
    "MOBILIZE": "mobilize mobilise deploy mass",
    "COERCE": "arrest detain seize confiscate",
    "AGREE": "agree sign pledge promise",
    "RETREAT": "withdraw retreat",
    "COOPERATE": "cooperate coordinate",
}.items():
    for _lemma in _lemmas.split():
        EVENT_LEXICON[_lemma] = _type
# "call on X to …" is a request; "launch an attack" is an assault.
_PHRASAL = {("call", "on"): "REQUEST", ("call", "for"): "REQUEST", ("launch", None): "ASSAULT"}
_ASSAULT_MODES = {
    "drone": "drone", "drones": "drone", "missile": "missile", "missiles": "missile", "airstrikes": "aerial",
    "airstrike": "aerial", "air": "aerial", "bombs": "aerial", "artillery": "heavy-weapons", "shelling": "heavy-weapons",
    "mortar": "heavy-weapons", "rockets": "heavy-weapons",
}
_FUTURE_HEADS = {"plan", "intend", "expect", "schedule", "set", "prepare", "aim", "hope", "want", "seek"}
_HYPOTHETICAL_AUX = {"would", "could", "might", "may", "should"}


@dataclass
class EventRecord:
    event_type: str
    mode: str | None
    trigger: str
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


def extract_events(doc: Doc, resolver: SpeakerResolver, published: date | None) -> list[EventRecord]:
    events = []
    for sent in doc_sents(doc):
        for token in sent:
            event_type = _event_type(token)
            if event_type is None or not resolver.is_outside(token):
                continue
            actor, recipient = _participants(token, resolver)
            if actor is None and recipient is None:
                continue
            status, source = _status(token, resolver)
            date_text, resolved = _date(sent, published, future=status == "future")
            events.append(
                EventRecord(
                    event_type=event_type,
                    mode=_mode(sent) if event_type == "ASSAULT" else None,
                    trigger=token.lemma_,
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
                    end_char=sent.start_char + len(sent.text.rstrip()),
                    text=sent.text.rstrip(),
                )
            )
    return events


def _event_type(token: Token) -> str | None:
    if token.pos_ not in ("VERB",):
        return None
    particles = [c.lower_ for c in token.children if c.dep_ in ("prt", "prep")]
    for (lemma, particle), event_type in _PHRASAL.items():
        if token.lemma_ == lemma and (particle is None or particle in particles):
            if lemma == "launch" and not any(c.lemma_ in ("attack", "strike", "offensive", "assault") for c in token.children):
                return None
            return event_type
    return EVENT_LEXICON.get(token.lemma_)


def _participants(verb: Token, resolver: SpeakerResolver) -> tuple[Speaker | None, Speaker | None]:
    actor = recipient = None
    for child in verb.children:
        if child.dep_ == "nsubj" and resolver.is_outside(child):
            actor = _entity(child, resolver)
        elif child.dep_ == "nsubjpass":
            recipient = _entity(child, resolver)
        elif child.dep_ == "agent":
            actor = next((_entity(o, resolver) for o in child.children if o.dep_ == "pobj"), actor)
        elif child.dep_ in ("dobj", "dative") and recipient is None:
            recipient = _entity(child, resolver)
            if recipient is None:  # "rebuffed Ukraine’s requests": the possessor is the recipient
                recipient = next((_entity(p, resolver) for p in child.children if p.dep_ == "poss"), None)
        elif child.dep_ == "prep" and child.lower_ in ("on", "against", "with", "to", "at") and recipient is None:
            recipient = next((_entity(o, resolver) for o in child.children if o.dep_ == "pobj"), None)
    if recipient is None:  # "launched an attack on Ukraine"
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            for prep in (c for c in obj.children if c.dep_ == "prep" and c.lower_ in ("on", "against")):
                recipient = next((_entity(o, resolver) for o in prep.children if o.dep_ == "pobj"), recipient)
    if actor is None and verb.dep_ in ("xcomp", "conj", "advcl") and verb.head is not verb:
        actor = next((_entity(c, resolver) for c in verb.head.children if c.dep_ == "nsubj"), None)
    return actor, recipient


_NOT_PARTICIPANTS = {"DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL"}


def _entity(token: Token, resolver: SpeakerResolver) -> Speaker | None:
    if token.ent_type_ in _NOT_PARTICIPANTS or token.like_num:
        return None
    speaker = resolver.speaker_for(token)
    if speaker is None or speaker.type == "unknown":
        return None
    return speaker


def _location(verb: Token, resolver: SpeakerResolver) -> str | None:
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "near", "at", "over", "across"):
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.ent_type_ in ("GPE", "LOC", "FAC"):
                    speaker = resolver.speaker_for(obj)
                    return speaker.name if speaker else obj.text
    return None


def _status(verb: Token, resolver: SpeakerResolver) -> tuple[str, Speaker | None]:
    children = {c.lower_ for c in verb.children if c.dep_ in ("aux", "neg", "mark", "auxpass")}
    if any(c.dep_ == "neg" for c in verb.children):
        return "negated", None
    if {"will", "shall"} & children or "'ll" in children:
        return "future", None
    if _HYPOTHETICAL_AUX & children or "if" in children:
        return "hypothetical", None
    head = verb.head
    if verb.dep_ == "xcomp" and head.lemma_ in _FUTURE_HEADS:
        return "future", None
    if "to" in children and verb.dep_ == "ROOT":  # headline style: "Biden to discuss …"
        return "future", None
    # Reported by someone: the event is a claim of the reporting verb's subject.
    node = verb
    for _ in range(4):
        if node.dep_ in ("ccomp", "xcomp") and node.head.lemma_ in CUE_LEMMAS:
            return "claimed", resolver.subject_of(node.head)
        if node.head is node:
            break
        node = node.head
    return "asserted", None


def _date(sent, published: date | None, future: bool):
    for ent in sent.ents:
        preceding = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
        if ent.label_ == "DATE" and preceding not in ("since", "until", "till", "before", "after"):
            resolved = resolve_date(ent.text, published, future=future)
            return ent.text, resolved
    return None, None


def _mode(sent) -> str | None:
    for token in sent:
        if token.lower_ in _ASSAULT_MODES:
            return _ASSAULT_MODES[token.lower_]
    return None
