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
            )
            for item in data["entities"]
        ]
        return cls(entities, data["version"])

    def ruler_patterns(self) -> list[dict]:
        patterns = []
        for entity in self.entities.values():
            for alias in sorted({entity.name, *entity.aliases}):
                if alias.lower().startswith("the "):
                    continue  # the article is not part of the entity span
                label = "GPE" if entity.type == "LOC" and False else entity.type
                patterns.append({"label": label, "pattern": alias, "id": entity.id})
        return patterns

    def resolve(self, mention: str, label: str | None = None) -> Resolution | None:
        """Map a mention to a gazetteer entity: exact alias first, then a fuzzy match of a compatible type."""
        key = _key(mention)
        if not key:
            return None
        if entity := self._by_alias.get(key):
            if label is None or label in COMPATIBLE_LABELS[entity.type]:
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
