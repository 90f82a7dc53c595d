"""Quotes: every quoted span of a parsed Doc with its kind, cue and speaker.

Attribution, in order: the reporting verb that governs the quote in the parse (or the named author of a claim or
comment it sits in); for a term, a reporting clause inserted in or closing its sentence; a reporting verb next to a
stand-alone quote in its sentence; "according to X"; the reporting sentence just before it; a colon after a
clause ("He is prepared to go this far: “…”"); the person the sentence before it is about; a caption's
"Name: “…”"; the previous quote (split quotes, and a later quote nobody is given, in any paragraph). Otherwise
`unknown`. Who a verb's subject, a pronoun or a description is comes from
`speakers.SpeakerResolver`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator

from .doc_index import doc_sents, doc_text, sent_of
from .document_names import MISLABELLED_NAME_TYPES
from .named_speakers import SPEAKER_LABEL
from .pronouns import PRONOUN_GENDER
from .quote_carry import MAX_PHRASE_WORDS, carried_back, continued_from
from .quote_spans import QuoteSpan, find_quote_spans, quoted_bounds
from .speaker_record import Speaker
from .speaker_words import CUE_LEMMAS, DOCUMENT_NOUNS, PERSON_SOURCE_NOUNS, STANCE_LEMMAS
from .speakers import SpeakerResolver
from .syntax import entity_of, has_subject, in_parentheses, is_age_noun, is_verb

if TYPE_CHECKING:  # spaCy is imported only where a pipeline is built
    from spacy.tokens import Doc, Span, Token


# A quoted term is attributed only to a reporting verb this close in the parse ("He pledged cleaner hospitals …,
# with a promise to … give everyone … the same chance of a “decent” state education": 9 edges); further away it
# is the reporter's word.
MAX_TERM_HOPS = 12
# ... and to a verb of verbal behaviour only this close ("thanked his family and his “hero”")
MAX_STANCE_HOPS = 6
# Edges a quote may climb to reach the verb that reports it; an advcl/relcl clause with its own subject is another
# speaker's business ("…even as Moscow dismissed a second “peace summit”").
_CLIMB_STOP = {"advcl", "relcl", "acl", "parataxis"}
# ...but a relative clause whose subject is "which" or "who" describes something inside the reported words ("he
# pledged that Africa - which sees a “preventable” death toll - would not be neglected"), unless it describes
# the speaker.
_RELATIVE_TAGS = {"WDT", "WP"}
MAX_TERM_WORDS = 3
# Marks that open a dashed caption ("- Bolton boss Sam Allardyce “…”")
_DASHES = {"-", "–", "—"}
# A clause that closes a sentence and reports it ("…, its developers say."): at most this many words
MAX_CLOSING_CLAUSE_WORDS = 6
# Reporting verbs that, inside another's report, are part of it
_NESTED_LEMMAS = {"agree", "think", "believe", "continue", "sign", "put", "point", "maintain", "remember", "recall",
                  "indicate", "signal"}
# Verbs of finding report their subject's claim in the clause they govern ("the BCC found the economy still
# faced “major risks”"), but introduce no quote of their own
_FINDING_LEMMAS = {"find"}
# Verbs that press someone else to say something: what that one is to say is in the presser's words
_URGING_LEMMAS = {"urge", "ask", "challenge", "press", "invite", "dare", "implore", "beg", "encourage", "call"}
# Texts someone else may read out: "read out his acceptance speech" gives the owner's words
_READ_OUT_NOUNS = DOCUMENT_NOUNS | {"speech", "words", "tribute"}
# Pronouns that show a sentence is about someone already in the story
_PERSONAL_PRONOUNS = set(PRONOUN_GENDER) | {"hers", "they", "them", "their"}
# Nouns of saying: a quote inside one ("the cries of “…”", "comments such as “…”") is not the words of whoever
# reports the saying.
_OTHERS_WORDS = {"cry", "comment", "claim", "remark", "call", "chant", "slogan", "jibe", "taunt", "shout"}
# ... and nouns of asserting, when the quote is in the clause they report ("Mr Brown's insistence he was not
# “gloating”"; not "dismissed the accusations as “ridiculous”")
_ASSERTION_NOUNS = {"insistence", "assertion", "denial", "accusation", "allegation", "admission", "boast"}
# A term for a thing "proposed by", "coined by" someone named is that one's label.
_NAMING_LEMMAS = {"propose", "coin", "dub", "call", "name", "term", "brand", "label", "suggest", "promote",
                  "champion", "advocate"}


@dataclass
class QuoteRecord:
    start_char: int
    end_char: int
    text: str
    kind: str  # quote | term
    closed: bool
    cue: str | None
    speaker: Speaker
    attribution: str  # how the speaker was found


def extract_quotes(doc: Doc, resolver: SpeakerResolver | None = None) -> list[QuoteRecord]:
    text = doc_text(doc)
    spans = find_quote_spans(text)
    resolver = resolver or SpeakerResolver(doc, quoted_bounds(spans))
    records: list[QuoteRecord] = []
    for index, span in enumerate(spans):
        quoted = text[span.start:span.end]
        title = _names_a_title(text, span)
        kind = "term" if title or _is_term(quoted) else "quote"
        # The person the sentence before the quote is about: a hint for pronouns and descriptions when it is
        # named there, and the speaker of last resort (rule 6) in any case.
        previous_sentence = _previous_sentence(doc, span.outer[0])
        narrative_subject, named = _lead_in_person(
            previous_sentence or _before_reporting_clause(doc, span.outer[0], resolver), resolver)
        resolver.topic = narrative_subject if named else None
        resolver.described = narrative_subject
        # (a programme's or a paper's title is nobody's words)
        cue, speaker, how = (None, None, "none") if title else _attribute(
            doc, span, kind, resolver, previous_sentence, narrative_subject)
        resolver.topic = resolver.described = None
        if speaker is None:
            previous = continued_from(span, index, records)
            if previous is not None and kind == "quote" and (
                    len(quoted.split()) > MAX_PHRASE_WORDS or _opens_sentence(doc, span.outer[0])
                    or _about(doc, span.outer[0], previous.speaker, resolver)):
                cue, speaker, how = previous.cue, previous.speaker, "continuation"
                reporter = resolver.reported_since(previous.end_char, span.outer[0])
                if reporter is not None and reporter[1].name != speaker.name:
                    # "… ,” said Mr Beal. … Steve Ash told the BBC there are two parts …. “The end solution …”"
                    (cue, speaker), how = (reporter[0].lemma_, reporter[1]), "reported_since"
        records.append(
            QuoteRecord(
                start_char=span.start,
                end_char=span.end,
                text=quoted,
                kind=kind,
                closed=span.closed,
                cue=cue,
                speaker=speaker or Speaker.unknown(),
                attribution=how if speaker else "none",
            )
        )
        if speaker is not None:
            resolver.note_speaker(speaker, span.end)
    return carried_back(records, spans, text)


def _is_term(quoted: str) -> bool:
    words = quoted.split()
    if len(words) > 1 and words[0][:1].isupper() and quoted.rstrip().endswith((".", ",")):
        return False  # a short sentence of someone's ("They should reconsider.", "I'm so happy,"), not a label
    return len(words) <= MAX_TERM_WORDS and not quoted.rstrip().endswith(("?", "!"))


_TRANSCRIPT_LABEL = re.compile(SPEAKER_LABEL)


def _attribute(doc: Doc, span: QuoteSpan, kind: str, resolver: SpeakerResolver, previous_sentence: Span | None,
               narrative_subject: Speaker | None):
    outer_start, outer_end = span.outer
    inside = doc.char_span(span.start, span.end, alignment_mode="expand")
    if inside is None or len(inside) == 0:
        return None, None, "none"
    # 0. A transcript line that names its speaker ("“PENCE: Well, look, Hillary Clinton apparently thinks …”").
    label = _TRANSCRIPT_LABEL.match(doc_text(doc), span.start, span.end)
    if label is not None and kind == "quote":
        speaker = resolver.transcript_speaker(label.group(1))
        if speaker is not None:
            return None, speaker, "transcript_label"
    # 1. The parse: climb from the quote to a reporting verb outside it.
    if re.search(r"so-called\s*$", doc_text(doc)[max(0, outer_start - 12):outer_start]):
        return None, None, "none"  # a "so-called" term is the writer's label, not a source's words
    if kind == "term" and resolver.is_nickname(outer_start):
        return None, None, "none"  # so is a nickname inside a name
    for cue_token in _governing_cues(inside, resolver, MAX_TERM_HOPS if kind == "term" else 12):
        if cue_token.pos_ == "NOUN":
            speaker = resolver.author_of(cue_token, named=True)
            if speaker is not None:
                return cue_token.lemma_, speaker, "saying_noun"
            if kind == "term":
                return None, None, "none"  # "his “Nazi” comment": someone's word, named by the writer
            break
        above = _reporting_verb_above(cue_token, resolver)
        speaker = resolver.subject_of(above) if above is not None else None
        if speaker is not None:
            return above.lemma_, speaker, "governing_verb"
        speaker = resolver.subject_of(cue_token)
        if speaker is not None:
            return cue_token.lemma_, speaker, "governing_verb"
    if kind == "term":
        # a quoted term inside a sentence belongs to its governing verb, or to an inserted reporting clause ("This,
        # Ms Diemont warns, is “scary”"), or to nobody
        for token in sent_of(inside[0]):
            if token.dep_ == "parataxis" and token.lemma_ in CUE_LEMMAS and resolver.is_outside(token):
                speaker = resolver.subject_of(token)
                if speaker is not None:
                    return token.lemma_, speaker, "inserted_clause"
        cue = _closing_reporting_clause(sent_of(inside[0]), inside.end, resolver)
        if cue is not None:
            speaker = resolver.subject_of(cue)
            if speaker is not None:
                return cue.lemma_, speaker, "closing_clause"
        speaker = _stance_source(inside, resolver)
        if speaker is not None:
            return None, speaker, "stance_verb"
        verb = inside.root
        if is_verb(verb) and verb.tag_ in ("VBD", "VBZ", "VBP") and any(
                c.dep_ == "nsubj" and resolver.is_outside(c) and c.pos_ != "PRON" for c in verb.children):
            # the quoted words are the verb itself: 'Richard Thomas "totally condemned" the deletion', 'A Tory
            # spokesman "totally refuted" any wrongdoing'
            speaker = resolver.subject_of(verb)
            if speaker is not None:
                return verb.lemma_, speaker, "quoted_verb"
        # a term in a sentence the story gives "according to" someone is that source's ("According to the Times,
        # the UK leader wants … a “Kyoto-lite” agreement")
        # (not a name someone unnamed gives: "the innocuous power adaptor, nicknamed “energy vampires”", "saw
        # “Dirty” Den Watts killed off")
        named = _named_by_someone(inside.root) or _opens_a_name(doc, outer_end)
        speaker = _according_to(sent_of(inside[0]), resolver, near=outer_start) if not named else None
        if speaker is not None:
            return "according to", speaker, "according_to"
        return None, None, "none"
    if not _opens_sentence(doc, outer_start):
        # a quote inside the writer's sentence that someone thanks, attacks or rejects ("Hatcher thanked the show's
        # cast, crew and “a network who gave me a second chance …”") is that one's words, as a term would be
        speaker = _stance_source(inside, resolver)
        if speaker is not None:
            return None, speaker, "stance_verb"
    # 2. A stand-alone quote: the nearest reporting verb in its sentence(s), outside every quote.
    window = _sentence_window(doc, outer_start, outer_end)
    # (a verb in a bracketed aside reports the aside: "she was “…” … (think Eleanor Roosevelt)")
    cues = [t for t in window if _reports_words(t) and is_verb(t) and resolver.is_outside(t)
            and not (in_parentheses(t) and not in_parentheses(inside[0]))]
    cues.sort(key=lambda t: _distance(t, outer_start, outer_end))
    for cue in cues:
        speaker = resolver.subject_of(cue)
        if speaker is not None:
            return cue.lemma_, speaker, "nearby_verb"
    # 3. "according to X" in the same sentence.
    speaker = _according_to(window, resolver)
    if speaker is not None:
        return "according to", speaker, "according_to"
    # 4. A quote that follows a reporting sentence in its paragraph ("Biden signaled that … “We’ve allowed …”").
    lead_in = _lead_in_cue(previous_sentence, resolver)
    if lead_in is not None:
        # "actress Helen Mirren read out his acceptance speech. “I'm honoured …”": a text read out is its author's
        read_out = [c for c in lead_in.children if c.dep_ == "dobj" and c.lemma_.lower() in _READ_OUT_NOUNS] \
            if lead_in.lemma_ == "read" else []
        owners = [c for d in read_out for c in d.children if c.dep_ == "poss"]
        speaker = (resolver.speaker_for(owners[0]) if owners else None) or resolver.subject_of(lead_in)
        if speaker is not None:
            return lead_in.lemma_, speaker, "lead_in"
    # 5. A colon introduces the quote: the subject of the clause before it ("He is prepared to go this far: “…”").
    verb = _verb_before_colon(doc, outer_start, resolver)
    if verb is not None:
        speaker = resolver.subject_of(verb)
        if speaker is not None and speaker.type != "unknown":
            return (verb.lemma_ if verb.lemma_ in CUE_LEMMAS else None), speaker, "colon_lead_in"
    # 6. A quote opening its sentence right after a narrative sentence about a person: that person ("Ljubicic was
    # at a loss to explain his poor showing. “I didn't start badly …”").
    if narrative_subject is not None:
        return None, narrative_subject, "lead_in_subject"
    # 7. A caption of the form "Name: “…”" (no verb before the colon: "X told Five Live: …" is not one).
    lead = doc_text(doc)[max(0, outer_start - 80):outer_start].rstrip()
    lead_tokens = doc.char_span(max(0, outer_start - len(lead)), outer_start, alignment_mode="contract")
    sentence_start = sent_of(inside[0]).start_char
    has_verb = lead_tokens is not None and any(
        t.pos_ in ("VERB", "AUX") and t.idx >= sentence_start and resolver.is_outside(t) for t in lead_tokens)
    own = [t for t in lead_tokens if t.idx >= sentence_start] if lead_tokens is not None else []
    if len(own) >= 3 and own[-1].text == ":" and own[0].lemma_ in CUE_LEMMAS and own[0].is_title \
            and own[-2].pos_ == "PROPN" and all(t.pos_ == "PROPN" for t in own[1:-1]):
        # "Said Williams: “…”": the reporting verb first, then its subject
        speaker = resolver.speaker_for(own[-2])
        if speaker is not None:
            return own[0].lemma_, speaker, "inverted_lead_in"
    if not has_verb and lead_tokens is not None and len(lead_tokens):
        # "Name: “…”" or a dashed lead-in "- Bolton boss Sam Allardyce “…”": the name right before the quote.
        last = lead_tokens[-1]
        if last.text == ":" and last.i > 0:
            last = doc[last.i - 1]
        if lead.endswith(":") or (last.pos_ == "PROPN" and last.ent_type_ == "PERSON"):
            speaker = resolver.speaker_for(last)
            if speaker is not None:
                return None, speaker, "caption"
        own = [t for t in lead_tokens if t.idx >= sentence_start and resolver.is_outside(t)]
        if own and own[0].text in _DASHES and last.pos_ == "PROPN" and last.text[:1].isupper() \
                and last.ent_type_ in ("", *MISLABELLED_NAME_TYPES):
            # "- Newcastle boss Graeme Souness “…”", the name the NER took for a title: a person all the same
            return None, resolver.name_at(last), "caption"
    return None, None, "none"


# Words a title may keep in lower case ("Face the Nation", "Fox and Friends")
_TITLE_SMALL_WORDS = {"the", "of", "and", "a", "an", "in", "on", "at", "to", "for", "with", "or", "&"}
# What stands before a programme or paper the story names: "on", "told", "episode of" … or a possessive ("CBS's")
_BEFORE_TITLE = re.compile(r"(?:\b(?:on|to|told|with|in|of)|['’]s)\s*$", re.IGNORECASE)


def _names_a_title(text: str, span: QuoteSpan) -> bool:
    """Quoted words in title case after "on", "told" or a possessive name a programme or a publication, which no
    source says: a term, not anyone's words ('Ryan said on “Face the Nation”', 'Pence told “Fox News Sunday”')."""
    words = text[span.start:span.end].rstrip(",.").split()
    if len(words) < 2 or not words[0][:1].isupper() or words[-1].lower() in _TITLE_SMALL_WORDS:
        return False
    if not all(w[:1].isupper() or w.lower() in _TITLE_SMALL_WORDS for w in words):
        return False
    return bool(_BEFORE_TITLE.search(text[max(0, span.open_mark - 20):span.open_mark]))


def _named_by_someone(token: Token) -> bool:
    """A term that is what a participle of naming calls something ("nicknamed “energy vampires”", "dubbed …")."""
    return any(a.tag_ == "VBN" and a.lemma_ in _NAMING_LEMMAS | {"nickname"} for a in [token, *token.ancestors][:3])


def _opens_a_name(doc: Doc, end: int) -> bool:
    """A quoted word right before a capitalised name: a nickname that opens it ("“Dirty” Den Watts")."""
    after = doc.char_span(end, min(end + 40, len(doc_text(doc))), alignment_mode="expand")
    return after is not None and len(after) > 0 and after[0].pos_ == "PROPN" and after[0].text[:1].isupper() \
        and after[0].ent_type_ in ("", "PERSON")


def _according_to(tokens: Span, resolver: SpeakerResolver, near: int | None = None) -> Speaker | None:
    """The source of "according to X" among the tokens, outside every quote (the nearest to `near` first)."""
    candidates = [t for t in tokens if t.lower_ == "according" and resolver.is_outside(t)]
    if near is not None:
        candidates.sort(key=lambda t: abs(t.idx - near))
    for token in candidates:
        for child in token.children:
            for obj in (c for c in child.children if c.dep_ == "pobj"):
                speaker = resolver.speaker_for(obj)
                if speaker is not None:
                    return speaker
    return None


# Verbs whose object is the speaker's own words ("called it “crazy”", "jeered “melons”"); for other reporting
# verbs the object is the thing acted on ("Moscow dismissed a second “peace summit”").
UTTERANCE_OBJECT_LEMMAS = {
    "call", "describe", "label", "brand", "dub", "term", "quote", "say", "write", "tweet", "post", "add", "reply",
    "answer", "ask", "cite", "declare", "announce", "repeat", "reiterate", "shout", "jeer", "chant", "yell",
    "scream", "cry", "mutter", "whisper", "exclaim", "heckle",
    # judgements quote the judge's words: "praised Lord Scarman's “ability to listen”"
    "praise", "hail", "criticise", "criticize", "condemn", "slam", "applaud",
}


def _governing_cues(inside: Span, resolver: SpeakerResolver, max_hops: int) -> Iterator[Token]:
    """The reporting verb that governs a quote in the parse, climbing from the quote; then, past a participle that
    names nobody, the one above it. A noun of saying on the way ("claims from …") ends the climb: it is yielded for
    its author to be found."""
    token = inside.root
    in_own_clause = False
    for hop in range(max_hops):
        head = token.head
        if head == token:
            return
        reports = _reports_words(head) or head.lemma_ in _FINDING_LEMMAS and token.dep_ == "ccomp"
        if resolver.is_outside(head) and reports and is_verb(head):
            if hop == 0 and token.dep_ in ("dobj", "nsubjpass") and head.lemma_ not in UTTERANCE_OBJECT_LEMMAS \
                    and not _misparsed_clause(token):
                return
            # a clause with its own subject is still the source's words when it lies inside what the verb reports
            # ("Lishman said if a “decisive blow” was struck it would be by older voters")
            if in_own_clause and token.dep_ not in ("ccomp", "xcomp"):
                return
            yield head
            if not (head.dep_ == "acl" and _has_no_subject(head)):
                return
            # a participle with no subject of its own and no speaker in the noun it hangs on ("Dr Bjorn said
            # groups dubbed “pioneers” were …"): the words are those of whoever reports it
        if token.dep_ in _CLIMB_STOP and resolver.is_outside(token) and _has_own_speaker(token) \
                and not _told_that(token):
            in_own_clause = True
        if head.pos_ == "NOUN" and (head.lemma_ in _OTHERS_WORDS or
                                    head.lemma_ in _ASSERTION_NOUNS and token.dep_ in ("acl", "ccomp", "relcl")):
            # "between the cries of “impossible to regulate” and …": the words of those crying, when the story
            # says who they are ("claims from Conservative leader Michael Howard that he led a “grubby government”")
            yield head
            return
        if any(c.dep_ == "acl" and c.lemma_ in _NAMING_LEMMAS and any(g.dep_ == "agent" for g in c.children)
               for c in token.children):
            return  # "talks on a 10-point “peace formula” proposed by Kyiv": named by someone else
        token = head


def _misparsed_clause(noun: Token) -> bool:
    """An object with a "that" and a subject of its own is the clause the verb reports, which the parser made a noun
    ("telling supporters … that he had “renewed faith”": "faith" the object of "telling", "he" its subject)."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in noun.children) and any(
        c.dep_ == "nsubj" for c in noun.children)


# Verbs that report a retort with "back": '“Jeb wants to be a tough guy tonight,” Trump shot back', "Labour hit back"
_RETORT_LEMMAS = {"shoot", "fire", "hit", "snap", "strike", "bite"}


def _reports_words(token: Token) -> bool:
    """A reporting verb: one of CUE_LEMMAS, or a retort's "shot back", "hit back", "fired back"."""
    return token.lemma_ in CUE_LEMMAS or token.lemma_ in _RETORT_LEMMAS and any(
        c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in token.children)


def _told_that(clause: Token) -> bool:
    """"told BBC Radio 4's Today programme that the plans were “inadequate”": a that-clause the parser hangs on the
    object of a reporting verb is what the verb reports."""
    listener = clause.head
    return clause.dep_ == "acl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children) \
        and listener.dep_ in ("dobj", "dative") and listener.head.lemma_ in CUE_LEMMAS


def _stance_source(inside: Span, resolver: SpeakerResolver) -> Speaker | None:
    """A term that is what someone attacks, thanks, rejects or apologises for is that one's word ("Mr Cable also
    attacked Labour's “unfair” taxes", "thanked his “hero”"): the subject of the first verb above it, when that
    verb is one of verbal behaviour and its subject is named."""
    token = inside.root
    for _ in range(MAX_STANCE_HOPS):
        head = token.head
        if head == token:
            return None
        # "Bemoaning the “phony system,” Trump accused …": a participle's doer is its clause's subject
        participle = head.tag_ == "VBG" and head.dep_ == "advcl" and head.lemma_ in STANCE_LEMMAS \
            and not has_subject(head) and is_verb(head.head)
        doer = head.head if participle else head
        if is_verb(doer) and resolver.is_outside(doer) and has_subject(doer):
            if head.lemma_ not in STANCE_LEMMAS:
                return None
            speaker = resolver.subject_of(doer)
            return speaker if speaker is not None and speaker.type in ("person", "organization") else None
        token = head
    return None


def _closing_reporting_clause(sentence: Span, after: int, resolver: SpeakerResolver) -> Token | None:
    """The reporting verb of a short clause that closes a sentence after a comma ("…, Charles Kennedy has said.",
    "…, asks technology analyst Bill Thompson."): it reports the whole sentence."""
    doc = sentence.doc
    for token in sentence:
        if token.i < after or token.lemma_ not in CUE_LEMMAS or not is_verb(token) or not resolver.is_outside(token) \
                or token.dep_ not in ("ROOT", "parataxis", "conj"):
            continue
        subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < token.i), None)
        start = subject.left_edge.i if subject is not None else token.i
        words = [t for t in doc[start:sentence.end] if not t.is_punct]
        if start > 0 and doc[start - 1].text == "," and len(words) <= MAX_CLOSING_CLAUSE_WORDS:
            return token
    return None


def _reporting_verb_above(cue: Token, resolver: SpeakerResolver) -> Token | None:
    """A verb of agreeing or believing inside what someone else reports is part of their report ("Jack Straw told
    the Commons that the US had agreed to release the four after “intensive and complex discussions”")."""
    if cue.lemma_ in _NESTED_LEMMAS and cue.dep_ == "ccomp" and cue.head.lemma_ in CUE_LEMMAS \
            and is_verb(cue.head) and resolver.is_outside(cue.head):
        return cue.head
    if cue.dep_ == "xcomp" and cue.head.lemma_ in _URGING_LEMMAS and is_verb(cue.head) \
            and resolver.is_outside(cue.head):
        return cue.head  # "He urged the chancellor to admit he had been responsible for …": the urger's words
    return None


def _has_no_subject(verb: Token) -> bool:
    """No subject, nor the agent of a passive participle ("dubbed “pioneers” by analysts")."""
    return not has_subject(verb) and not any(c.dep_ == "agent" for c in verb.children)


def _has_own_speaker(clause: Token) -> bool:
    """Whether a subordinate clause has a subject of its own: not a relative pronoun, unless the clause describes
    the reporting verb's own subject ("Mr Herron - who gained fame as one of the “metric martyrs” - said")."""
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(c.tag_ not in _RELATIVE_TAGS for c in subjects):
        return True
    described = clause.head
    return bool(subjects) and described.dep_ in ("nsubj", "nsubjpass") and described.head.lemma_ in CUE_LEMMAS


def _sentence_window(doc: Doc, start: int, end: int) -> list[Token]:
    sents = [s for s in doc_sents(doc) if s.end_char > start and s.start_char < end]
    if not sents:
        return []
    first, last = sents[0], sents[-1]
    tokens = list(doc[first.start:last.end])
    # "…,” he said." can be split off as a sentence of its own.
    if last.end < len(doc) and "\n" not in doc_text(doc)[last.end_char:doc[last.end].idx]:
        following = sent_of(doc[last.end])
        if len(following) <= 8 and any(t.lemma_ in CUE_LEMMAS for t in following):
            tokens.extend(following)
    return tokens


def _lead_in_cue(previous: Span | None, resolver: SpeakerResolver) -> Token | None:
    """The reporting verb of the sentence just before a quote that opens a sentence, in the same paragraph."""
    if previous is None:
        return None
    root = previous.root
    if _reports_words(root) and resolver.is_outside(root):
        return root
    # a main clause joined after another ("The prices were steep … but Evans said it was not deterring shoppers.
    # “I've sold quite a lot already.”"): its reporting verb, when it has a subject of its own
    joined = [c for c in root.children if c.dep_ == "conj" and c.lemma_ in CUE_LEMMAS and resolver.is_outside(c)
              and has_subject(c)]
    return joined[-1] if joined else None


def _verb_before_colon(doc: Doc, quote_start: int, resolver: SpeakerResolver) -> Token | None:
    """The main verb of the clause a colon ends right before a quote (a caption's "Name: “…”" has none)."""
    if not doc_text(doc)[max(0, quote_start - 20):quote_start].rstrip().endswith(":"):
        return None
    span = doc.char_span(quote_start, quote_start + 1, alignment_mode="expand")
    if span is None or span.start == 0:
        return None
    colon = doc[span.start - 1]
    if colon.text != ":" or not resolver.is_outside(colon):
        return None
    before = doc[sent_of(colon).start:colon.i]
    verbs = [t for t in before if t.pos_ in ("VERB", "AUX") and resolver.is_outside(t)]
    # the reporting verb nearest the colon ("He said the man shouted: “…”"), else the clause's root (the parser
    # often hangs it on the quoted verb after the colon)
    cues = [t for t in verbs if t.lemma_ in CUE_LEMMAS]
    roots = [t for t in verbs if not before.start <= t.head.i < before.end or t.head == t]
    return cues[-1] if cues else (roots or verbs or [None])[0]


def _lead_in_person(previous: Span | None, resolver: SpeakerResolver) -> tuple[Speaker | None, bool]:
    """The person subject of the quote-free sentence just before a quote that opens its sentence, and whether
    that sentence names them (a name or "the 66-year-old", not a pronoun or "a spokesman")."""
    if previous is None or _holds_a_quote(previous, resolver):
        return None, False
    for child in previous.root.children:
        if child.dep_ not in ("nsubj", "nsubjpass") or not resolver.is_outside(child):
            continue
        possessor = next((c for c in child.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
        if child.pos_ == "NOUN" and any(c.dep_ == "appos" for c in child.children):
            # "His friend, Saxon Spence, leader of …, lays the blame …. “…”": the one named in apposition
            speaker = resolver.speaker_for(child)
            if speaker is not None and speaker.type == "person":
                return speaker, True
        if child.pos_ == "NOUN" and possessor is not None:
            # "His main concern is “privacy”. “We are looking at …”": the one the sentence is about
            speaker = resolver.speaker_for(possessor)
            if speaker is not None and speaker.type == "person":
                return speaker, False
        # a surname the tagger took for a noun ("Irons, whose film … is in competition, said") names them too
        named = child.pos_ == "PROPN" or is_age_noun(child) or (
            child.pos_ == "NOUN" and child.text[:1].isupper() and resolver.is_surname(child.text))
        if named or child.pos_ == "PRON":
            speaker = resolver.speaker_for(child)
            if speaker is not None and speaker.type == "person" and (
                    child.pos_ == "PRON" or resolver.known_person(speaker)):
                return speaker, named
        if child.pos_ == "NOUN" and child.lemma_.lower() in PERSON_SOURCE_NOUNS:
            # "A Labour spokesman denied the campaign was anti-Semitic. “As we said …”"; named when the role
            # comes with the name ("Real Madrid director of sport Emilio Butragueno praised …")
            speaker = resolver.speaker_for(child)
            if speaker is not None and speaker.type in ("person", "anonymous"):
                named = speaker.type == "person" and bool(speaker.mention) and speaker.mention in previous.text
                return speaker, named
    person = _one_person_named(previous, resolver)
    return person, person is not None


def _one_person_named(sentence: Span, resolver: SpeakerResolver) -> Speaker | None:
    """The one person a sentence without a person subject names, when it names one and no pronoun there refers
    to anyone ("One dissenting opinion came from Brian Gammage, vice-president of research at analysts Gartner. He
    said: “…”"; not "Physio sessions with Johnston McEvoy have been a vital part of his recovery")."""
    if any(t.pos_ == "PRON" and t.lower_ in _PERSONAL_PRONOUNS for t in sentence):
        return None
    if any(c.dep_ == "nsubj" and c.tag_ == "NN" and any(d.dep_ == "det" and d.lower_ == "the" for d in c.children)
           and any(d.dep_ in ("amod", "compound") and d.text[:1].isupper() for d in c.children)
           for c in sentence.root.children):
        return None  # "the Olympic champion went down 6-2 7-5 to France's Nathalie Dechy": about someone described
    names = [ent for t in sentence if t.ent_type_ == "PERSON" and t.ent_iob_ == "B" and resolver.is_outside(t)
             and (ent := entity_of(t)) is not None and ent.root.dep_ != "poss"]
    people = {s.name: s for ent in names if (s := resolver.speaker_for(ent.root)) is not None
              and s.type == "person" and resolver.known_person(s)}
    return next(iter(people.values())) if len(people) == 1 else None


def _holds_a_quote(sentence: Span, resolver: SpeakerResolver) -> bool:
    """Whether a sentence quotes someone: more than a quoted phrase's few words, or a stray mark. A sentence that
    only borrows a phrase ("he brushed off Labour suggestions … “by the back door”") still tells of its subject."""
    run = 0
    for token in sentence:
        if token.text in '"“”':
            if resolver.is_outside(token):
                return True  # a stray mark: where quotes begin and end is unclear
            continue
        run = run + 1 if not resolver.is_outside(token) else 0
        if run > MAX_PHRASE_WORDS:
            return True
    return False


def _previous_sentence(doc: Doc, quote_start: int) -> Span | None:
    """The sentence before the one a quote opens, in the same paragraph; None if the quote does not open it."""
    sent = _sentence_at(doc, quote_start)
    if sent is None or sent.start == 0 or doc_text(doc)[sent.start_char:quote_start].strip(" \n:-–—"):
        return None
    previous = sent_of(doc[sent.start - 1])
    if "\n" in doc_text(doc)[previous.end_char:sent.start_char]:
        return None
    return previous


def _before_reporting_clause(doc: Doc, quote_start: int, resolver: SpeakerResolver) -> Span | None:
    """The sentence before one that opens with a pronoun's reporting clause and then the quote ("One dissenting
    opinion came from Brian Gammage, …. He said: “…”"): who "he" is follows from it as for a quote opening its
    sentence."""
    sent = _sentence_at(doc, quote_start)
    if sent is None or sent.start == 0:
        return None
    lead = [t for t in sent if t.idx < quote_start and not t.is_punct]
    if not 2 <= len(lead) <= 3 or lead[0].lower_ not in PRONOUN_GENDER or lead[0].dep_ != "nsubj" \
            or lead[1].lemma_ not in CUE_LEMMAS or not all(resolver.is_outside(t) for t in lead):
        return None
    return _previous_sentence(doc, sent.start_char)


def _distance(token: Token, start: int, end: int) -> int:
    if token.idx >= end:
        return token.idx - end
    return (start - token.idx) + 1  # a cue after the quote wins a tie


def _sentence_at(doc: Doc, char: int) -> Span | None:
    token = doc.char_span(char, char + 1, alignment_mode="expand")
    return sent_of(token[0]) if token is not None else None


def _opens_sentence(doc: Doc, quote_start: int) -> bool:
    """Whether a quote opens its sentence (or follows a colon), rather than finishing words the writer began ("…
    in what is known as the “one time, last time” principle")."""
    sent = _sentence_at(doc, quote_start)
    lead = doc_text(doc)[sent.start_char:quote_start].strip() if sent is not None else ""
    return not lead or lead.endswith((":", '"', "“", "”"))


def _about(doc: Doc, quote_start: int, speaker: Speaker, resolver: SpeakerResolver) -> bool:
    """Whether the sentence a quote is in has that speaker for its subject ("She expressed her anger at the person
    who “hasn't worked …”")."""
    sent = _sentence_at(doc, quote_start)
    root = sent.root if sent is not None else None
    subject = resolver.subject_of(root) if root is not None and is_verb(root) and resolver.is_outside(root) else None
    return subject is not None and subject.name == speaker.name
