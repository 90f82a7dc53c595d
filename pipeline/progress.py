"""Progress of a headless build: assets report, a listener (the CLI's progress bar) shows. No listener, no-op."""

from __future__ import annotations

from collections.abc import Callable

_listener: Callable[[str, int, int], None] | None = None


def set_listener(listener: Callable[[str, int, int], None] | None) -> None:
    global _listener
    _listener = listener


def report(stage: str, done: int, total: int) -> None:
    if _listener is not None:
        _listener(stage, done, total)
