"""Questions about the dependency parse that the attribution rules ask: is this token a clause's subject, does
it head the main clause, which entity is it in. Pure functions of spaCy tokens."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from .doc_index import doc_text, ent_of, sent_of
from .speaker_words import CUE_LEMMAS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def is_subject(token: Token) -> bool:
    """True for the subject of a clause, or a name in apposition/compound with one. The agent of a passive is
    the logical subject ("The report was welcomed by David Willetts"), and so is a name that starts its sentence
    when the parser took it for the verb ("Tait himself appeared unaffected")."""
    if token.dep_ == "pobj" and token.head.dep_ == "agent" and token.head.head.dep_ == "ROOT":
        return True
    if token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.lower_ == "according":
        return True  # "…, according to John Houlihan, editor of …. “…,” he says": the source the story follows
    if token.dep_ == "ROOT" and token.ent_type_ == "PERSON" and all(
            t.dep_ == "compound" for t in token.doc[token.sent.start:token.i]):
        return True  # "Trevor Phillips, chairman of …, called on …", with "called" parsed as a clause on the name
    if token.dep_ == "npadvmod" and token.head.pos_ == "VERB" and token.i < token.head.i and any(
            c.dep_ in ("nsubj", "nsubjpass") and c.i < token.i for c in token.head.children):
        # "one of the Guildford Four, Gerry Conlon - who was wrongly convicted - said": the subject's apposition,
        # which the parser hangs on the verb
        return True
    if token.dep_ == "appos" and token.head.dep_ == "pobj" and token.head.head.dep_ == "prep" \
            and token.head.head.head.dep_ in ("nsubj", "nsubjpass") and token.head.ent_type_ != "PERSON":
        # "ITV's controller of entertainment, Claudia Rosencrantz, said": the name is the subject's apposition,
        # which the parser hangs on the last noun of its "of" phrase
        return True
    # Someone a who-clause reports ("a debut nomination for Staunton, 49, who told BBC News 24 she had not …") or a
    # person it tells about, not as a verb's object ("None more so than Henson, who can now expect …. The confident
    # 23-year-old is undaunted"; not "praised winger Stewart Downing and …, who both ended barren runs")
    described = token.ent_type_ == "PERSON" and token.dep_ not in ("dobj", "conj", "dative")
    if any(c.dep_ == "relcl" and (c.lemma_ in CUE_LEMMAS or described) and any(
            g.dep_ == "nsubj" and g.lower_ == "who" for g in c.children) for c in token.children):
        return True
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if token.ent_type_ == "PERSON" and after is not None and after.lower_ == "who" and after.dep_ == "nsubj" \
            and after.head.dep_ == "relcl":
        return True  # "the return of star skipper Brian O'Driscoll who missed the Scotland game", however attached
    if token.ent_type_ == "PERSON" and after is not None and after.dep_ == "ROOT" and after.pos_ == "VERB" \
            and after.tag_ in ("VBZ", "VBD") and not has_subject(after):
        # "On the outskirts of Kyoto, 83-year-old Yuji Shimizu contemplates …": a name right before a main verb
        # that the parser left without a subject (it hung the name on the place)
        return True
    if token.dep_ == "attr" and token.head.lemma_ == "be" and any(
            c.dep_ == "nsubj" and c.pos_ == "NOUN" for c in token.head.children):
        return True  # "The musical's British director is Matthew Warchus": the name the role's subject is
    if token.dep_ == "dobj" and _quotes_someone(token.head):
        return True  # "London's Evening Standard quoted Mr Clarke telling Labour activists …": Mr Clarke speaks
    for _ in range(2):
        if token.dep_ in ("nsubj", "nsubjpass"):
            return not _quotes_someone(token.head)
        if token.dep_ not in ("appos", "compound", "conj") or token.head == token:
            return False
        token = token.head
    return False


def _mention_head(doc: Doc, position: int) -> Token | None:
    """The token a mention at `position` hangs on, past the compounds, appositions and conjuncts it is part of."""
    span = doc.char_span(position, position + 1, alignment_mode="expand")
    if span is None:
        return None
    token = span[0]
    while token.dep_ in ("compound", "appos", "conj") and token.head != token:
        token = token.head
    return token


def heads_main_clause(doc: Doc, position: int) -> bool:
    token = _mention_head(doc, position)
    if token is None:
        return False
    if token.dep_ == "ROOT" or token.dep_ == "pobj" and token.head.dep_ == "agent":
        return is_subject(token)  # a misparsed sentence-initial name; the agent of a passive main verb
    if token.dep_ == "dobj" and token.head.dep_ == "ROOT":
        return is_subject(token)  # the one a main clause quotes
    return token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ == "ROOT" and not _quotes_someone(token.head)


def heads_or_sources_main_clause(doc: Doc, position: int) -> bool:
    """heads_main_clause, where a main clause "according to" someone has that source at its head: in "According to
    Mandaric, Redknapp vowed he would not …" Mandaric is the one whose words the sentence gives."""
    token = _mention_head(doc, position)
    if token is None:
        return False
    if _sources_main_clause(token):
        return True
    root = sent_of(token).root  # (token.sent walks the Doc on every call)
    sourced = any(_sources_main_clause(t) for t in root.subtree if t.dep_ == "pobj")
    return heads_main_clause(doc, position) and not (sourced and token.head == root)


def _sources_main_clause(token: Token) -> bool:
    according = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "to" else None
    return according is not None and according.lower_ == "according" and according.head.dep_ == "ROOT"


def _quotes_someone(verb: Token) -> bool:
    """"The paper quoted Mr Chernin as saying …": a verb of quoting whose object is a name, the source."""
    return verb.lemma_ == "quote" and any(c.dep_ == "dobj" and c.pos_ == "PROPN" for c in verb.children)


def is_verb(token: Token) -> bool:
    """A verb, or a word the tagger took for a noun although it heads the sentence and has a subject ('“…,” a BBC
    statement read.')."""
    return token.pos_ in ("VERB", "AUX") or (
        token.dep_ == "ROOT" and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children))


def controlling_objects(verb: Token) -> list[Token]:
    """The objects that are the subject of an open complement: in "led 12 viewers to complain", those of
    'complain' ('viewers'); in "allow Ukraine to strike", those of 'strike'. Empty unless `verb` is an xcomp."""
    if verb.dep_ != "xcomp" or verb.head == verb:
        return []
    return [c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i]


def is_controlling_object(token: Token) -> bool:
    """'viewers' in "led 12 viewers to complain": an object that is the subject of the complement after it."""
    return token.dep_ == "dobj" and any(c.dep_ == "xcomp" and c.i > token.i for c in token.head.children)


def has_subject(verb: Token, counts: Callable[[Token], bool] | None = None) -> bool:
    """Whether the parse gives the verb a subject (of those `counts` accepts, if given)."""
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") and (counts is None or counts(c)) for c in verb.children)


def is_age_noun(token: Token) -> bool:
    """'the 30-year-old': a person described by age."""
    return token.lower_.endswith("year-old") or (
        token.lower_ == "old" and any(t.lower_ == "year" for t in token.lefts))


def entity_of(token: Token) -> Span | None:
    return ent_of(token) if token.ent_type_ else None


def in_parentheses(token: Token) -> bool:
    """Whether a token stands inside a bracket its sentence opens before it ("Rep. Emanuel Cleaver II (D-Mo.)")."""
    text = doc_text(token.doc)
    opening = text.rfind("(", sent_of(token).start_char, token.idx)
    return opening >= 0 and text.find(")", opening, token.idx) < 0
