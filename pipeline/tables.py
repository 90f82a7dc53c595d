"""Pure table building between the NLP layer and the schemas: rows to typed DataFrames, ids, canonical names."""

from __future__ import annotations

import json

import pandas as pd

from .ingest import RawArticle
from .nlp.parse import ParsedArticle

ARTICLE_COLUMNS = [
    "article_id", "source_path", "content_sha256", "title", "outlet", "published_date", "published_date_status",
    "published_date_evidence", "published_earliest", "published_latest", "byline", "url", "text", "sections",
    "repairs", "removed_lines",
]
# Events from different articles join a cluster when they share type and parties and their texts are this similar.
CLUSTER_TEXT_SIMILARITY = 65


def articles_table(pairs: list[tuple[RawArticle, ParsedArticle]]) -> pd.DataFrame:
    rows = []
    for raw, parsed in pairs:
        meta = raw.metadata
        published, status, evidence = parsed.published_date, "explicit" if parsed.published_date else "unknown", \
            parsed.published_date_evidence
        if meta.get("published_date"):
            if published and published != meta["published_date"]:
                evidence = f"sidecar {meta['published_date']} overrides text date {published} ({evidence})"
            else:
                evidence = "sidecar metadata"
            published, status = meta["published_date"], "explicit"
        rows.append({
            "article_id": raw.article_id,
            "source_path": raw.source_path,
            "content_sha256": raw.content_sha256,
            "title": meta.get("title") or parsed.title,
            "outlet": meta.get("outlet") or parsed.outlet,
            "published_date": published,
            "published_date_status": status,
            "published_date_evidence": evidence,
            "published_earliest": published,
            "published_latest": published,
            "byline": parsed.byline,
            "url": meta.get("url"),
            "text": parsed.text,
            "sections": json.dumps([s.__dict__ for s in parsed.sections]),
            "repairs": ",".join(parsed.repairs) or None,
            "removed_lines": len(parsed.removed_lines),
        })
    df = pd.DataFrame(rows, columns=ARTICLE_COLUMNS)
    for column in ("published_date", "published_earliest", "published_latest"):
        df[column] = pd.to_datetime(df[column])
    return df


def with_publication_windows(articles: pd.DataFrame, dates: pd.DataFrame) -> pd.DataFrame:
    """An undated article was published after every absolute date it reports in the past tense: a lower bound,
    kept as evidence. The date itself stays unknown (never invented)."""
    articles = articles.copy()
    if dates.empty:
        return articles
    today = pd.Timestamp.now().normalize()
    past = dates[(dates["resolution"] == "absolute") & (dates["tense"] == "past") & dates["date_start"].notna()
                 & (pd.to_datetime(dates["date_start"]) <= today)]
    if not past.empty:
        past = past.assign(_start=pd.to_datetime(past["date_start"]))
        latest = past.loc[past.groupby("article_id")["_start"].idxmax()].set_index("article_id")
        undated = articles["published_date_status"].eq("unknown") & articles["article_id"].isin(latest.index)
        mention = latest.reindex(articles.loc[undated, "article_id"])
        articles.loc[undated, "published_earliest"] = mention["_start"].to_numpy()
        articles.loc[undated, "published_date_evidence"] = [
            f"on or after {start.date().isoformat()}: reports {text!r} in the past tense"
            for start, text in zip(mention["_start"], mention["text"])]
    for column in ("published_earliest", "published_latest"):
        articles[column] = pd.to_datetime(articles[column])
    return articles


def dates_table(rows: list[dict] | pd.DataFrame) -> pd.DataFrame:
    df = pd.DataFrame(rows)
    if df.empty:
        return pd.DataFrame(columns=["date_id", "article_id"])
    df.insert(0, "date_id", df["article_id"] + ":d" + df.groupby("article_id").cumcount().astype(str).str.zfill(3))
    for column in ("date_start", "date_end", "anchor"):
        df[column] = pd.to_datetime(df[column])
    return df


def cluster_events(events: pd.DataFrame) -> pd.DataFrame:
    """One cluster id for the same real-world event across articles: same type and parties, compatible dates and
    similar evidence. Union-find over candidate pairs; singletons get a cluster of their own."""
    import numpy as np
    from rapidfuzz import fuzz, process

    events = events.copy()
    if events.empty:
        events["cluster_id"] = pd.Series(dtype="object")
        events["cluster_articles"] = pd.Series(dtype="int64")
        return events
    parent = list(range(len(events)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    key = events["event_type"] + "|" + events["actor"].fillna("") + "|" + events["recipient"].fillna("")
    has_party = events["actor"].notna() | events["recipient"].notna()
    candidates = has_party & (events.groupby(key)["article_id"].transform("nunique") > 1)
    # Whole-column arrays once; each group of candidates is a list of row positions into them.
    texts, articles = events["text"].tolist(), events["article_id"].to_numpy()
    starts, ends = pd.to_datetime(events["date_start"]).to_numpy(), pd.to_datetime(events["date_end"]).to_numpy()
    undated = np.isnat(starts)
    positions = np.flatnonzero(candidates.to_numpy())
    for group in events[candidates].groupby(key[candidates]).indices.values():
        rows = positions[group]
        group_texts = [texts[i] for i in rows]
        similar = process.cdist(group_texts, group_texts, scorer=fuzz.token_set_ratio,
                                score_cutoff=CLUSTER_TEXT_SIMILARITY, dtype=np.uint8) > 0
        for a, b in zip(*np.nonzero(np.triu(similar, 1))):
            a, b = int(rows[a]), int(rows[b])
            if articles[a] == articles[b]:
                continue
            if not (undated[a] or undated[b]) and (starts[a] > ends[b] or starts[b] > ends[a]):
                continue  # both dated, and the dates do not overlap: different events
            parent[find(a)] = find(b)
    roots = [find(i) for i in range(len(events))]
    first_member: dict[int, str] = {}
    for root, event_id in zip(roots, events["event_id"].tolist()):
        first_member.setdefault(root, event_id)
    events["cluster_id"] = ["cluster:" + first_member[root] for root in roots]
    events["cluster_articles"] = events.groupby("cluster_id")["article_id"].transform("nunique").astype(int)
    return events


def with_ids(rows: list[dict] | pd.DataFrame, prefix: str, index_column: str, id_column: str) -> pd.DataFrame:
    """Deterministic ids: '<article_id>:<prefix><n>' in document order."""
    df = pd.DataFrame(rows)
    if df.empty:
        return pd.DataFrame(columns=[id_column, "article_id"])
    df.insert(0, id_column, df["article_id"] + f":{prefix}" + df[index_column].astype(int).astype(str).str.zfill(3))
    return df.drop(columns=[index_column])


def unify_people(df: pd.DataFrame, prefix: str) -> pd.DataFrame:
    """One name per person across articles: a lone surname takes the full name another article gives for it."""
    name_col, type_col, id_col = prefix, f"{prefix}_type", f"{prefix}_id"
    if df.empty or name_col not in df:
        return df
    people = df[df[type_col] == "person"][name_col].dropna().unique()
    full_by_surname: dict[str, set[str]] = {}
    for name in people:
        parts = name.split()
        if len(parts) >= 2:
            full_by_surname.setdefault(parts[-1], set()).add(name)
    mapping = {}
    for name in people:
        if len(name.split()) == 1 and len(full_by_surname.get(name, ())) == 1:
            mapping[name] = next(iter(full_by_surname[name]))
    if mapping:
        mask = df[type_col].eq("person") & df[name_col].isin(list(mapping))
        df.loc[mask, name_col] = df.loc[mask, name_col].map(mapping)
        df.loc[mask, id_col] = df.loc[mask, id_col].where(~df.loc[mask, id_col].str.startswith("person:"),
                                                          "person:" + df.loc[mask, name_col].str.lower().str.replace(r"[^a-z0-9]+", "-", regex=True))
    return df


def quotes_table(rows: list[dict] | pd.DataFrame) -> pd.DataFrame:
    df = unify_people(with_ids(rows, "q", "quote_index", "quote_id"), "speaker")
    return df


def figures_table(rows: list[dict] | pd.DataFrame) -> pd.DataFrame:
    df = with_ids(rows, "f", "figure_index", "figure_id")
    if not df.empty:
        df["quote_id"] = _linked_id(df, "quote_index", "q")
        df["event_id"] = _linked_id(df, "event_index", "e")
        df = df.drop(columns=["quote_index", "event_index"])
    return df


def events_table(rows: list[dict] | pd.DataFrame) -> pd.DataFrame:
    df = with_ids(rows, "e", "event_index", "event_id")
    for column in ("date_start", "date_end"):
        if column in df:
            df[column] = pd.to_datetime(df[column])
    df = unify_people(unify_people(df, "actor"), "recipient")
    return cluster_events(df.reset_index(drop=True))


def mentions_table(rows: list[dict] | pd.DataFrame) -> pd.DataFrame:
    df = pd.DataFrame(rows)
    if df.empty:
        return pd.DataFrame(columns=["mention_id", "article_id"])
    df.insert(0, "mention_id", df["article_id"] + ":m" + df.groupby("article_id").cumcount().astype(str).str.zfill(4))
    return df


def _linked_id(df: pd.DataFrame, column: str, prefix: str) -> pd.Series:
    linked = df[column].astype("Int64")
    return (df["article_id"] + f":{prefix}" + linked.astype(str).str.zfill(3)).where(linked.notna(), None)
