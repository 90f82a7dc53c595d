"""newsfacts: news articles in, a validated, versioned dataset of events, quotes and figures out."""

__version__ = "0.1.0"


def load_snapshot(snapshot: str = "latest", datasets_dir=None):
    """The tables of a snapshot (default: the latest) as pandas DataFrames keyed by table name."""
    from .storage import load_snapshot as _load

    return _load(snapshot, datasets_dir)


__all__ = ["load_snapshot", "__version__"]
