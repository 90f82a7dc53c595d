"""The words attribution reads: which nouns stand for sources, people, organisations and documents.

Kept apart from the resolver so that growing a list is a data change, not a logic change.
"""

ORG_LABELS = {"ORG", "GPE", "NORP", "LOC", "FAC"}
ORG_NOUNS = {
    "government", "ministry", "department", "company", "firm", "club", "court", "police", "army", "military",
    "council", "committee", "party", "agency", "union", "bank", "group", "commission", "board", "administration",
    "office", "embassy", "parliament", "cabinet", "team", "spokesperson's office", "regulator", "watchdog",
    "organisation", "organization", "charity", "airline", "carrier", "retailer", "broadcaster", "association",
    "federation", "body", "institute", "studio", "network", "jury", "panel", "bookmaker", "exchange",
}
# Sources that are people (not organisations or documents): the subject of a sentence that introduces a quote.
PERSON_SOURCE_NOUNS = {
    "spokesman", "spokeswoman", "spokesperson", "official", "minister", "analyst", "expert", "source", "aide",
    "adviser", "advisor", "executive", "director", "manager", "coach", "boss", "chairman", "chairwoman", "chief",
    "agent", "lawyer", "solicitor", "publicist", "representative", "dealer", "trader", "insider",
}
# Publications, which speak through what they print: "the magazine reported"
PUBLICATION_NOUNS = {"newspaper", "paper", "magazine", "journal", "tabloid", "outlet", "publication", "weekly", "daily"}
# Common nouns that can stand for a source; any other common-noun subject ("all restrictions") is not a speaker.
SOURCE_NOUNS = {
    "official", "spokesman", "spokeswoman", "spokesperson", "source", "minister", "president", "leader", "analyst",
    "expert", "researcher", "scientist", "chairman", "chairwoman", "chair", "chief", "executive", "director",
    "manager", "coach", "boss", "player", "diplomat", "adviser", "advisor", "aide", "lawyer", "doctor", "witness",
    "resident", "report", "study", "statement", "survey", "document", "outlet", "newspaper", "paper", "daily", "person",
    "people", "man", "woman", "colleague", "member", "mp", "secretary", "general", "commander", "officer",
    "economist", "observer", "critic", "campaigner", "activist", "author", "writer", "singer", "star", "actor",
    "actress", "producer", "founder", "owner", "investor", "trader", "dealer", "banker", "governor",
    "mayor", "senator", "lawmaker", "politician", "judge", "prosecutor", "police", "authority", "authorities",
    "organiser", "organizer", "fan", "student", "teacher", "worker", "employee", "customer", "user", "insider",
    "representative", "envoy", "ambassador", "negotiator", "premier", "chancellor", "prime", "speaker", "head",
    "figure",
} | ORG_NOUNS | PERSON_SOURCE_NOUNS | PUBLICATION_NOUNS
# People nouns too general to refer back to someone named ("the man shouted" is a new, unnamed person).
GENERIC_PEOPLE = {"man", "woman", "person", "people", "guy", "boy", "girl", "men", "women", "crowd", "fan", "fans"}
DOCUMENT_NOUNS = {"statement", "report", "letter", "study", "survey", "document", "release", "filing", "memo", "message",
                  "minute", "website", "announcement", "spokesman", "spokeswoman", "spokesperson", "newsletter",
                  "handbook", "leaflet", "manifesto", "blog"}
# Words that make a proper-noun run an organisation, not a person ("Manchester United", "Five Live").
ORG_NAME_WORDS = {
    "united", "city", "club", "council", "party", "ltd", "plc", "inc", "bank", "group", "news", "live", "times",
    "post", "sport", "sports", "fc", "association", "university", "college", "ministry", "office", "house",
    "airlines", "airways", "motors", "records", "studios", "festival", "awards", "league", "cup", "radio", "tv",
    "theatre", "theater", "cinema", "museum", "gallery", "hospital", "school", "church", "centre", "center",
    "society", "institute", "foundation", "trust", "agency", "commission", "exchange", "committee", "network",
    "channel", "magazine", "journal", "airport", "station", "hotel", "stadium", "park", "street", "road", "river",
    "company", "corporation", "corp", "holdings", "partners", "alliance", "federation", "union", "orchestra",
    "administration", "authority", "management", "capital", "media", "telecommunications", "systems", "music",
    "championship", "championships", "olympics", "tournament", "trophy", "games",
    "labour", "tories", "democrats", "republicans",
    "board", "real", "athletic", "atletico", "sporting", "rovers", "wanderers", "albion", "hotspur", "county", "rangers",
}
# Reporting verbs (lemmas) whose subject is the source of the words they report.
CUE_LEMMAS = {
    "say", "tell", "add", "insist", "call", "claim", "state", "write", "explain", "warn", "argue", "note",
    "declare", "announce", "stress", "assert", "admit", "reply", "respond", "answer", "ask", "urge", "describe",
    "dismiss", "cite", "comment", "confirm", "deny", "suggest", "report", "reveal", "predict", "acknowledge",
    "remark", "tweet", "post", "quote", "continue", "conclude", "complain", "accuse", "promise", "pledge",
    "vow", "boast", "joke", "recall", "point", "sign", "put", "hint", "label", "brand",
    "term", "dub", "agree", "demand", "plead", "concede", "reiterate", "emphasise", "emphasize", "observe",
    "signal", "indicate", "caution", "maintain", "contend", "counter", "recount", "remember",
    "praise", "hail", "criticise", "criticize", "condemn", "slam", "applaud",
    "think", "believe",  # '"It is totally going to kill the business model of radio," thinks Curry.'
    "read", "shout", "jeer", "chant", "yell", "scream", "cry", "mutter", "whisper", "exclaim", "heckle", "repeat",
    "liken",  # "Rifkin likened the challenge to a “musical Rubik's cube”"
    # verbs of speaking with a manner: '“…,” implored Barry Lim', 'she confesses: “…”', '“…,” smiles one broker'
    "confess", "quip", "implore", "confide", "assure", "reassure", "underline", "enthuse", "muse", "retort", "snap",
    "chuckle", "laugh", "sigh", "lament", "bemoan", "protest", "interject", "query", "wonder", "proclaim", "reckon",
    "concur", "elaborate", "advise", "inform", "opine", "testify", "allege", "gush", "beam", "smile",
    "grin", "fume", "groan", "moan", "grumble", "tease", "taunt", "scoff", "sneer", "bark", "roar", "rant", "rave",
}
# Verbs of verbal behaviour that report no words of their own: a quoted term in what their subject attacks, thanks,
# rejects or apologises for is that subject's word ("attacked Labour's “unfair” taxes").
STANCE_LEMMAS = {
    "attack", "thank", "apologise", "apologize", "speak", "talk", "refer", "reject", "spurn", "mock", "ridicule",
    "deride", "decry", "lambast", "blast", "defend", "welcome", "blame", "rebuff", "scorn", "denounce", "rubbish",
    "question",
    # praising, lamenting and airing a view ("The Conservatives have expressed “serious misgivings”", "the Tories
    # outlined their plans to tackle “yob culture”"; the tagger lemmatises "slated" as "slat", "extolled"
    # as "extoll")
    "compare", "bemoan", "lament", "laud", "commend", "salute", "express", "voice", "outline", "lambaste",
    "highlight", "slate", "slat", "mourn", "celebrate", "deplore", "disparage", "castigate", "chide", "scold", "rebuke",
    "berate", "assail", "excoriate", "denigrate", "belittle", "extol", "extoll", "tout", "champion",
}


def is_capitalised_plural_source(word: str) -> bool:
    """"MPs", "MEPs": the plural of a source noun written in capitals, a group of people whatever the NER makes of
    it."""
    return word.endswith("s") and word[:-1].isupper() and word[:-1].lower() in SOURCE_NOUNS
