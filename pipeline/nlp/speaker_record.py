"""The record attribution returns for who said something: a canonical name and id, its kind, the role the text gives
them, the words that named them and, where known, a gender for pronouns."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Speaker:
    name: str | None
    type: str  # person | organization | anonymous | unknown
    entity_id: str | None = None
    role: str | None = None
    mention: str | None = None
    gender: str | None = None

    @classmethod
    def unknown(cls) -> Speaker:
        return cls(None, "unknown")
