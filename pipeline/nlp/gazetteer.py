"""The shipped, versioned gazetteer: canonical people, places and organisations with their aliases.

It feeds the spaCy EntityRuler (exact aliases) and `Gazetteer.resolve`, which also accepts unseen spellings
through rapidfuzz with a cut-off and a type check.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rapidfuzz import fuzz, process

# spaCy NER labels that may stand for each gazetteer type.
COMPATIBLE_LABELS = {
    "PERSON": {"PERSON"},
    "GPE": {"GPE", "LOC", "PERSON", "ORG", "NORP"},  # the small model often calls Kyiv a PERSON
    "LOC": {"GPE", "LOC"},
    "ORG": {"ORG", "GPE", "PERSON"},
}
FUZZY_CUTOFF = 88.0
_HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Dr|Mr\.|Mrs\.|Ms\.|Dr\.|Sir|Lord|Lady)\s+")
_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    type: str
    wikidata: str | None
    gender: str | None
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...] = ()
    in_ruler: bool = True
    stands_for: str | None = None  # metonymy: "Washington", "the White House" act for the United States
    offices: tuple[str, ...] = ()  # roles written without the name: "the prime minister", "the Russian president"


@dataclass(frozen=True)
class Resolution:
    entity: Entity
    method: str  # exact | fuzzy
    score: float


class Gazetteer:
    def __init__(self, entities: list[Entity], version: str):
        self.version = version
        self.entities = {entity.id: entity for entity in entities}
        self._by_alias: dict[str, Entity] = {}
        for entity in entities:
            for alias in (entity.name, *entity.aliases):
                self._by_alias.setdefault(_key(alias), entity)
        self._alias_keys = list(self._by_alias)
        # "US" is the United States, "Us Weekly" a magazine: an alias in capitals matches only capitals
        self._acronym_keys = {_key(a) for e in entities for a in (e.name, *e.aliases) if a.isupper() and len(a) <= 5}
        self._by_demonym = {d.lower(): e for e in entities for d in e.demonyms}
        self._by_office: dict[str, set[str]] = {}
        for entity in entities:
            for office in entity.offices:
                self._by_office.setdefault(office, set()).add(entity.id)

    @classmethod
    def from_json(cls, data: dict) -> "Gazetteer":
        entities = [
            Entity(
                id=item["id"],
                name=item["name"],
                type=item["type"],
                wikidata=item.get("wikidata"),
                gender=item.get("gender"),
                aliases=tuple(item.get("aliases", ())),
                demonyms=tuple(item.get("demonyms", ())),
                in_ruler=item.get("ruler", True),
                stands_for=item.get("stands_for"),
                offices=tuple(item.get("offices", ())),
            )
            for item in data["entities"]
        ]
        return cls(entities, data["version"])

    def ruler_patterns(self) -> list[dict]:
        patterns = []
        for entity in self.entities.values():
            if not entity.in_ruler:
                continue
            for alias in sorted({entity.name, *entity.aliases}):
                if alias.lower().startswith("the "):
                    continue  # the article is not part of the entity span
                patterns.append({"label": entity.type, "pattern": alias, "id": entity.id})
        return patterns

    def same_actor(self, a: str | None, b: str | None) -> bool:
        """Equal names, or one standing for the other (a capital or government seat for its state)."""
        if a == b:
            return True
        if a is None or b is None:
            return False
        ea, eb = self.resolve(a), self.resolve(b)
        if ea is None or eb is None:
            return False
        ids_a = {ea.entity.id, ea.entity.stands_for}
        ids_b = {eb.entity.id, eb.entity.stands_for}
        return bool((ids_a & ids_b) - {None})

    def holders(self, office: str) -> set[str]:
        """Ids of the people the gazetteer knows to hold an office ("prime minister", "us president")."""
        return self._by_office.get(office.lower(), set())

    def by_demonym(self, word: str) -> Entity | None:
        return self._by_demonym.get(word.lower())

    def _lookup_key(self, mention: str) -> str | None:
        """The alias key of a mention, or None when nothing may match it: an empty mention, or a word written in
        lower case whose alias is an acronym ("Us" is not "US")."""
        key = _key(mention)
        if not key or key in self._acronym_keys and not _ARTICLE.sub("", mention.strip()).isupper():
            return None
        return key

    def exact(self, mention: str, label: str | None = None) -> Entity | None:
        """The entity a mention is word for word an alias of (of a compatible type), without fuzzy matching."""
        key = self._lookup_key(mention)
        entity = self._by_alias.get(key) if key else None
        return entity if entity is not None and (label is None or label in COMPATIBLE_LABELS[entity.type]) else None

    def resolve(self, mention: str, label: str | None = None) -> Resolution | None:
        """Map a mention to a gazetteer entity: exact alias first, then a fuzzy match of a compatible type."""
        key = self._lookup_key(mention)
        if key is None:
            return None
        if entity := self.exact(mention, label):
            return Resolution(entity, "exact", 100.0)
        if len(key) < 5:  # short strings match too much by chance
            return None
        best = process.extractOne(key, self._alias_keys, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        if best is None:
            return None
        entity = self._by_alias[best[0]]
        if label is not None and label not in COMPATIBLE_LABELS[entity.type]:
            return None
        return Resolution(entity, "fuzzy", float(best[1]))


def _key(mention: str) -> str:
    mention = _HONORIFIC.sub("", mention.strip())
    mention = _ARTICLE.sub("", mention)
    mention = re.sub(r"[’']s$", "", mention)
    return " ".join(mention.split()).lower()


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    text = resources.files("pipeline.nlp").joinpath("data/gazetteer.json").read_text(encoding="utf-8")
    return Gazetteer.from_json(json.loads(text))
