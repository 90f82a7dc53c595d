"""A self-contained HTML report for one snapshot: what the dataset holds, with charts (matplotlib, inlined SVG).

Sections: counts per outlet, the most quoted speakers, events by type over time, figures that articles report
differently for the same event cluster, validation results and quarantine, input problems.
"""

from __future__ import annotations

import hashlib
import html
import io
from collections.abc import Callable
from functools import cache
from importlib.metadata import version
from pathlib import Path

import pandas as pd

from .files import write_atomically

_CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;margin:2rem auto;max-width:1100px;color:#1d2433;padding:0 1rem}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2.2rem;border-bottom:1px solid #d9dee8;padding-bottom:.3rem}
table{border-collapse:collapse;font-size:.85rem;margin:.6rem 0}td,th{border:1px solid #d9dee8;padding:.25rem .5rem;
text-align:left;vertical-align:top}th{background:#f3f5f9}.kpi{display:inline-block;margin:0 1.4rem .8rem 0}
.kpi b{display:block;font-size:1.5rem}.muted{color:#667085;font-size:.85rem}svg{max-width:100%;height:auto}
"""


@cache
def _matplotlib():
    """matplotlib's Figure class, imported on first use (0.3 s) and without pyplot: no global figure state, nothing
    to close, no GUI backend."""
    import matplotlib
    from matplotlib.figure import Figure

    # Text as SVG <text>, not glyph outlines: a third of the file size and of the rendering time.
    matplotlib.rcParams["svg.fonttype"] = "none"
    return matplotlib, Figure


def _figure(width: float, height: float):
    _, figure = _matplotlib()
    fig = figure(figsize=(width, height))
    return fig, fig.subplots()


def _svg(fig) -> str:
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight")
    text = buffer.getvalue()
    return text[text.index("<svg"):]


class ChartCache:
    """Rendered charts by what they show. A rebuild after a few edited articles mostly leaves the counts behind a
    chart unchanged; it then reuses the SVG and never imports matplotlib (together about a second per build). The key
    is the chart's data, this module's code and matplotlib's version; entries are written atomically."""

    def __init__(self, root: Path | None):
        self.root = Path(root) if root is not None else None

    def svg(self, chart: str, data: str, draw: Callable[[], str]) -> str:
        if self.root is None:
            return draw()
        key = hashlib.sha256("|".join((chart, _code_version(), data)).encode()).hexdigest()
        path = self.root / f"{key}.svg"
        try:
            return path.read_text(encoding="utf-8")
        except OSError:
            pass
        svg = draw()
        write_atomically(path, svg)
        return svg


@cache
def _code_version() -> str:
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16] + "-matplotlib-" + version("matplotlib")


def _bar(series: pd.Series, title: str, xlabel: str, charts: ChartCache) -> str:
    if series.empty:
        return "<p class='muted'>Nothing to show.</p>"

    def draw() -> str:
        fig, ax = _figure(8, 0.35 * len(series) + 1)
        series[::-1].plot.barh(ax=ax, color="#3b6fd8")
        ax.set_title(title)
        ax.set_xlabel(xlabel)
        ax.set_ylabel("")
        return _svg(fig)

    return charts.svg("bar", f"{title}|{xlabel}|{series.to_json()}", draw)


def _timeline(events: pd.DataFrame, charts: ChartCache) -> str:
    dated = events.dropna(subset=["date_start"])
    if dated.empty:
        return "<p class='muted'>No event has a resolved date (articles without a publication date leave relative " \
               "dates unresolved).</p>"
    starts = pd.to_datetime(dated["date_start"])
    # Months for a story's timeline, years for a corpus spanning decades (a bar per month would be unreadable).
    by_year = starts.dt.to_period("M").nunique() > 36
    periods = starts.dt.to_period("Y" if by_year else "M").astype(str)
    counts = dated.assign(period=periods.to_numpy()).groupby(["period", "event_type"]).size().unstack(fill_value=0)
    return charts.svg("timeline", f"{by_year}|{counts.to_json()}", lambda: _draw_timeline(counts, by_year))


def _draw_timeline(counts: pd.DataFrame, by_year: bool) -> str:
    fig, ax = _figure(9, 3.8)
    positions = range(len(counts.index))
    bottom = [0] * len(counts.index)
    colours = _matplotlib()[0].colormaps["tab20"].colors
    for i, event_type in enumerate(counts.columns):
        heights = counts[event_type].tolist()
        drawn = [(x, h, b) for x, h, b in zip(positions, heights, bottom) if h]  # no zero-height bars in the SVG
        ax.bar([x for x, _, _ in drawn], [h for _, h, _ in drawn], bottom=[b for _, _, b in drawn], width=0.8,
               color=colours[i % len(colours)], label=event_type)
        bottom = [b + h for b, h in zip(bottom, heights)]
    step = max(1, len(counts.index) // 40)  # at most ~40 tick labels
    ax.set_xticks(list(positions)[::step], list(counts.index)[::step], rotation=45, ha="right", fontsize=7)
    ax.set_title(f"Dated events by {'year' if by_year else 'month'} and PLOVER type")
    ax.set_ylabel("events")
    ax.legend(fontsize=7, ncol=2, frameon=False)
    return _svg(fig)


def _table(df: pd.DataFrame, limit: int = 15) -> str:
    if df.empty:
        return "<p class='muted'>None.</p>"
    return df.head(limit).to_html(index=False, escape=True, border=0)


def differing_figures(events: pd.DataFrame, figures: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Event clusters reported by several articles whose linked figures of the same unit disagree."""
    if events.empty or figures.empty or "event_id" not in figures:
        return pd.DataFrame()
    shared = events[events["cluster_articles"] > 1][["event_id", "cluster_id", "event_type", "actor", "recipient"]]
    linked = figures.merge(shared, on="event_id").merge(articles[["article_id", "outlet"]], on="article_id")
    rows = []
    for (cluster, unit, counted), group in linked.groupby(["cluster_id", "unit", linked["counted"].fillna("")]):
        if group["article_id"].nunique() > 1 and group["value"].nunique() > 1:
            first = group.iloc[0]
            rows.append({
                "event": f"{first['event_type']}: {first['actor'] or '?'} → {first['recipient'] or '?'}",
                "unit": unit + (f" ({counted})" if counted else ""),
                "reported": "; ".join(f"{r.text} ({r.outlet if isinstance(r.outlet, str) else r.article_id})"
                                      for r in group.itertuples()),
            })
    return pd.DataFrame(rows)


def render_report(tables: dict[str, pd.DataFrame], manifest: dict, chart_cache: Path | None = None) -> str:
    """The report's HTML; charts already rendered for the same data are read from `chart_cache` when given."""
    charts = ChartCache(chart_cache)
    # categories are for storage; the report works on plain values
    tables = {name: df.astype({c: "object" for c in df.columns if isinstance(df[c].dtype, pd.CategoricalDtype)})
              for name, df in tables.items()}
    articles, quotes = tables["articles"], tables["quotes"]
    figures, events = tables["figures"], tables["events"]
    quarantine = tables.get("quarantine", pd.DataFrame())
    outlets = articles["outlet"].fillna("(unknown outlet)").value_counts()
    speakers = quotes[(quotes["kind"] == "quote") & quotes["speaker"].notna()]["speaker"].value_counts().head(15) \
        if len(quotes) else pd.Series(dtype=int)
    per_outlet = pd.DataFrame({
        "outlet": outlets.index,
        "articles": outlets.values,
    })
    for name, df in (("quotes", quotes), ("figures", figures), ("events", events)):
        counts = df.merge(articles[["article_id", "outlet"]], on="article_id")["outlet"].fillna("(unknown outlet)") \
            .value_counts() if len(df) else pd.Series(dtype=int)
        per_outlet[name] = per_outlet["outlet"].map(counts).fillna(0).astype(int)
    differing = differing_figures(events, figures, articles)
    validation = manifest.get("validation", {})
    problems = pd.DataFrame(manifest.get("input_problems", []))
    kpis = "".join(f"<span class='kpi'><b>{manifest['row_counts'].get(t, 0):,}</b>{t}</span>"
                   for t in ("articles", "quotes", "figures", "events", "dates", "quarantine"))
    parts = [
        f"<!doctype html><html><head><meta charset='utf-8'><title>newsfacts {manifest['snapshot_id']}</title>"
        f"<style>{_CSS}</style></head><body>",
        f"<h1>newsfacts snapshot <code>{html.escape(manifest['snapshot_id'])}</code></h1>",
        f"<p class='muted'>created {html.escape(str(manifest.get('created_at', '')))}, parent "
        f"{html.escape(str(manifest.get('parent_snapshot') or '-'))}, code {html.escape(manifest.get('code_version', ''))}"
        "</p>",
        kpis,
        "<h2>Articles per outlet</h2>", _bar(outlets.head(20), "Articles per outlet", "articles", charts),
        _table(per_outlet, 30),
        "<h2>Most quoted speakers</h2>", _bar(speakers, "Direct quotes per speaker (quoted terms excluded)", "quotes",
                                              charts),
        "<h2>Events over time</h2>", _timeline(events, charts),
        _table(events["event_type"].value_counts().rename_axis("event_type").reset_index(name="events")
               if len(events) else pd.DataFrame(), 16),
        "<h2>Figures reported differently for the same event</h2>",
        "<p class='muted'>Event clusters reported by several articles whose linked figures (same unit and counted "
        "noun) disagree.</p>", _table(differing, 30),
        "<h2>Validation</h2>",
        f"<p>{validation.get('quarantined_rows', 0)} row(s) quarantined; tables checked: "
        f"{', '.join(validation.get('tables_checked', []))}.</p>",
        _table(quarantine[["table", "row_id", "check", "reason"]] if len(quarantine) else pd.DataFrame(), 30),
        "<h2>Input problems</h2>",
        _table(problems[["source_path", "stage", "reason"]] if len(problems) else pd.DataFrame(), 50),
        "</body></html>",
    ]
    return "\n".join(parts)
