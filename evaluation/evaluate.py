"""Score newsfacts' extractors against the gold annotations, with open peers side by side.

    python evaluation/evaluate.py [quotes|figures|events|all] [--gold tests/gold] [--no-peers] [--strict-names]
                                [--show-errors SPLIT] [--show-misses]

Peers (`pip install -e '.[eval]'`): textacy's `direct_quotations` for quotes, quantulum3 for figures. Both run on
the same cleaned article text as newsfacts, in the same run. Matching rules are the same for every tool:
- quote spans: whitespace-normalised text without marks and trailing punctuation, fuzzy ratio >= 90
  (one-to-one, in order of best score);
- speakers: newsfacts must give the exact canonical name (or type `anonymous` for an anonymous gold source); a
  gold name that is word for word an alias in the shipped gazetteer stands for that entity's canonical name
  (annotators write "George W Bush" or "US" as the article does, newsfacts "George W. Bush" and "United
  States": one speaker). `--strict-names` compares the gold string only, as before;
  peers, which have no canonical names, are counted right when their speaker string matches the gold name
  with a partial ratio >= 90 (so "Zelenskiy" does not match "Volodymyr Zelensky", "Kirby" matches "John Kirby");
- figures: value equal (relative 1e-6) for "value"; value and unit equal for "value+unit"; gold figures marked
  optional are neither rewarded nor penalised.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipeline.nlp.figures import extract_figures  # noqa: E402
from pipeline.nlp.gazetteer import load_gazetteer  # noqa: E402
from pipeline.nlp.model import get_nlp  # noqa: E402
from pipeline.nlp.parse import parse_article  # noqa: E402
from pipeline.nlp.quotes import extract_quotes  # noqa: E402

MARKS = "\"“”„«»'‘’"
# A gold split per file in tests/gold: seeds.jsonl, bbc.jsonl and bbc_<split>.jsonl with its bbc_<split>_articles/.
# See tests/gold/README.md for how each was drawn and which are still blind.


@dataclass
class Article:
    split: str
    doc_name: str
    text: str
    gold: dict


def gold_files(gold_dir: Path) -> list[tuple[str, Path, Path]]:
    """(split, its .jsonl, its articles folder): seeds and bbc first, then the other sets in natural order."""
    def order(path: Path):
        natural = [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", path.stem)]
        return {"seeds": 0, "bbc": 1}.get(path.stem, 2), natural

    files = []
    for path in sorted(gold_dir.glob("*.jsonl"), key=order):
        split = path.stem.removeprefix("bbc_") if path.stem != "bbc" else "bbc"
        folder = gold_dir / ("bbc_articles" if split in ("seeds", "bbc") else f"{path.stem}_articles")
        files.append((split, path, folder))
    return files


def load_gold(gold_dir: Path) -> list[Article]:
    articles = []
    for split, gold_file, folder in gold_files(gold_dir):
        for line in gold_file.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            record = json.loads(line)
            path = REPO / "seeds" / record["doc"]
            if not path.exists():
                path = folder / record["doc"]
            articles.append(Article(split, record["doc"], parse_article(path.read_bytes()).text, record))
    return articles


def norm(text: str) -> str:
    # gold copies the raw article ("risqu&#233;", "Â£"); the parse layer decodes both
    text = html.unescape(text.replace("Â£", "£"))
    return " ".join(text.strip().strip(MARKS).split()).rstrip(",.;: ").strip(MARKS).lower()


def match(gold: list[str], predicted: list[str], cutoff: float = 90) -> list[tuple[int, int]]:
    """One-to-one matches (gold index, predicted index) by fuzzy ratio, best first."""
    scored = sorted(
        ((fuzz.ratio(norm(g), norm(p)), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(predicted)),
        reverse=True,
    )
    used_g, used_p, pairs = set(), set(), []
    for score, gi, pi in scored:
        if score < cutoff:
            break
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def _splits(articles: list[Article]):
    """(split name, its articles) for every split present, in gold-file order, then all of them."""
    for split in [*dict.fromkeys(a.split for a in articles), "all"]:
        selected = articles if split == "all" else [a for a in articles if a.split == split]
        if selected:
            yield split, selected


def quotes_only(articles: list[Article]) -> set[str]:
    """Splits whose gold annotates quotes but not figures (no record in them lists a figure)."""
    splits = {a.split for a in articles}
    return {s for s in splits if not any(a.gold.get("figures") for a in articles if a.split == s)}


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


# -- quotes -------------------------------------------------------------------------------------------------------
def newsfacts_quotes(doc) -> list[tuple[str, str | None, str]]:
    return [(q.text, q.speaker.name, q.speaker.type) for q in extract_quotes(doc)]


def textacy_quotes(doc) -> list[tuple[str, str | None, str]]:
    from textacy.extract.triples import direct_quotations

    try:
        triples = list(direct_quotations(doc))
    except Exception:  # textacy raises on unbalanced quotation marks: the whole article is lost
        return []
    return [(t.content.text, " ".join(s.text for s in t.speaker) or None, "peer") for t in triples]


def canonical(name: str) -> str | None:
    """The gazetteer's canonical name for a gold name that is exactly one of its aliases (no fuzzy match)."""
    entity = load_gazetteer().exact(name)
    return entity.name if entity is not None else None


def speaker_right(tool: str, gold: dict, name: str | None, kind: str, strict_names: bool = False) -> bool:
    # A gold quote with no recoverable speaker: older sets write its speaker as "unknown", newer ones as null.
    if gold["speaker_type"] == "unknown":
        return name is None
    if tool == "newsfacts":
        if gold["speaker_type"] == "anonymous":
            return kind == "anonymous"
        return name == gold["speaker"] or (
            not strict_names and name is not None and name == canonical(gold["speaker"]))
    return name is not None and fuzz.partial_ratio(name.lower(), gold["speaker"].lower()) >= 90


def score_quotes(articles: list[Article], docs: dict, tools: dict, strict_names: bool = False) -> dict:
    results = {}
    for tool, extractor in tools.items():
        for split, selected in _splits(articles):
            tp = fp = fn = right = 0
            total_gold = 0
            # matched quotes and right speakers by the gold's kind: analysts who filter `kind == "quote"` see the
            # first accuracy; scare quotes and quoted terms are attributed by judgement more often
            by_kind = {"quote": [0, 0], "term": [0, 0]}
            seconds = 0.0
            for article in selected:
                started = time.perf_counter()
                predicted = extractor(docs[article.doc_name])
                seconds += time.perf_counter() - started
                gold = article.gold["quotes"]
                pairs = match([g["text"] for g in gold], [p[0] for p in predicted])
                tp += len(pairs)
                fp += len(predicted) - len(pairs)
                fn += len(gold) - len(pairs)
                total_gold += len(gold)
                for gi, pi in pairs:
                    ok = speaker_right(tool, gold[gi], predicted[pi][1], predicted[pi][2], strict_names)
                    right += ok
                    counts = by_kind[gold[gi].get("kind", "quote")]
                    counts[0] += ok
                    counts[1] += 1
            p, r, f = prf(tp, fp, fn)
            results[(tool, split)] = {
                "precision": p, "recall": r, "f1": f,
                "speaker_acc_matched": right / tp if tp else 0.0,
                "speaker_acc_all_gold": right / total_gold if total_gold else 0.0,
                **{f"speaker_acc_{kind}s": ok / n if n else 0.0 for kind, (ok, n) in by_kind.items()},
                "gold": total_gold, "seconds": seconds,
            }
    return results


def print_speaker_errors(articles: list[Article], docs: dict, strict_names: bool = False) -> None:
    """Each matched quote whose speaker newsfacts gets wrong, and each gold quote it misses, for error analysis."""
    for article in articles:
        predicted = newsfacts_quotes(docs[article.doc_name])
        gold = article.gold["quotes"]
        pairs = dict(match([g["text"] for g in gold], [p[0] for p in predicted]))
        for gi, g in enumerate(gold):
            if gi not in pairs:
                print(f"{article.split} {article.doc_name}  MISSED  {g['text'][:70]!r}")
                continue
            _, name, kind = predicted[pairs[gi]]
            if not speaker_right("newsfacts", g, name, kind, strict_names):
                print(f"{article.split} {article.doc_name}  gold {g['speaker']!r} ({g['speaker_type']})  got {name!r} ({kind})  "
                      f"{g['text'][:60]!r}")


# -- figures ------------------------------------------------------------------------------------------------------
def newsfacts_figures(doc) -> list[tuple[float, str]]:
    return [(f.value, f.unit) for f in extract_figures(doc)]


_QUANTULUM_UNITS = {"dollar": "USD", "euro": "EUR", "pound sterling": "GBP", "percentage": "percent",
                    "kilometre": "km", "metre": "m", "kilogram": "kg", "tonne": "t", "year": "year", "month": "month",
                    "week": "week", "day": "day", "hour": "hour", "minute": "minute", "dimensionless": "count",
                    "mile": "mi", "megabyte": "MB", "gigabyte": "GB"}


def quantulum_figures(doc) -> list[tuple[float, str]]:
    from quantulum3 import classifier, parser

    # Its shipped unit classifier is a scikit-learn pickle that current scikit-learn cannot load; quantulum3's own
    # rule-based disambiguation is used instead (its documented fallback when scikit-learn is absent).
    classifier.USE_CLF = False

    out = []
    for quantity in parser.parse(doc.text):
        unit = _QUANTULUM_UNITS.get(quantity.unit.name, quantity.unit.name)
        out.append((float(quantity.value), unit))
    return out


def score_figures(articles: list[Article], docs: dict, tools: dict) -> dict:
    skipped = quotes_only(articles)
    articles = [a for a in articles if a.split not in skipped]
    results = {}
    for tool, extractor in tools.items():
        for split, selected in _splits(articles):
            counts = {"value": [0, 0, 0], "value+unit": [0, 0, 0]}
            seconds = 0.0
            for article in selected:
                started = time.perf_counter()
                predicted = extractor(docs[article.doc_name])
                seconds += time.perf_counter() - started
                for level in counts:
                    remaining = list(predicted)
                    for gold in article.gold["figures"]:
                        hit = next((i for i, (v, u) in enumerate(remaining)
                                    if abs(v - float(gold["value"])) <= 1e-6 * max(1.0, abs(float(gold["value"])))
                                    and (level == "value" or u == gold["unit"])), None)
                        if hit is not None:
                            remaining.pop(hit)
                            counts[level][0] += not gold.get("optional")
                        elif not gold.get("optional"):
                            counts[level][2] += 1
                    counts[level][1] += len(remaining)
            results[(tool, split)] = {
                **{f"{level}_{k}": v for level, (tp, fp, fn) in counts.items()
                   for k, v in zip(("precision", "recall", "f1"), prf(tp, fp, fn))},
                "seconds": seconds,
            }
    return results


# -- events and dates -------------------------------------------------------------------------------------------
def score_events(gold_dir: Path) -> dict:
    """Seeds only: gold events found with the right type (by trigger position), participants, status, dates."""
    from datetime import date as Date

    from pipeline.nlp.extract import ArticleInput, extract_doc
    from pipeline.nlp.gazetteer import load_gazetteer

    gold = json.loads((gold_dir / "seeds_events.json").read_text(encoding="utf-8"))
    same = load_gazetteer().same_actor
    nlp = get_nlp()
    totals = {"gold": 0, "predicted": 0, "found": 0, "actor": 0, "recipient": 0, "status": 0,
              "dates_right": 0, "dates_wrong": 0, "dates_missed": 0, "gold_dates": 0}
    misses: list[str] = []
    for doc_name, pub in gold["publication_dates"].items():
        text = parse_article((REPO / "seeds" / doc_name).read_bytes()).text
        published = Date.fromisoformat(pub["date"]) if pub["date"] else None
        out = extract_doc(nlp(text), ArticleInput(doc_name, text, published))
        predicted = out["events"]
        totals["predicted"] += len(predicted)
        used: set[int] = set()
        for event in (e for e in gold["events"] if e["doc"] == doc_name):
            totals["gold"] += 1
            sentence_at = text.find(event["sentence"])
            trigger_at = text.find(event["trigger"], sentence_at) if sentence_at >= 0 else -1
            hit = next((i for i, p in enumerate(predicted) if i not in used and p["event_type"] == event["event_type"]
                        and p["trigger_start"] <= trigger_at < p["trigger_end"] + 1), None)
            if hit is None:
                misses.append(f"{doc_name[:3]} {event['event_type']:<9} {event['trigger']!r:<16} {event['sentence'][:60]}")
                continue
            used.add(hit)
            p = predicted[hit]
            totals["found"] += 1
            totals["actor"] += same(p["actor"], event["actor"])
            totals["recipient"] += same(p["recipient"], event["recipient"])
            totals["status"] += p["status"] == event["status"]
        remaining = list(out["dates"])
        for gold_date in (d for d in gold["dates"] if d["doc"] == doc_name):
            totals["gold_dates"] += 1
            mention = next((m for m in remaining if m["text"] in gold_date["text"] or gold_date["text"] in m["text"]), None)
            if mention is not None:
                remaining.remove(mention)
            got = (str(mention["date_start"]), str(mention["date_end"])) if mention and mention["date_start"] else None
            want = (gold_date["start"], gold_date["end"]) if gold_date["start"] else None
            if got and want and got == want:
                totals["dates_right"] += 1
            elif got:  # resolved where gold says unresolvable, or resolved differently: wrong
                totals["dates_wrong"] += 1
                misses.append(f"{doc_name[:3]} DATE WRONG {gold_date['text']!r}: got {got}, gold {want}")
            elif want:
                totals["dates_missed"] += 1
    found = totals["found"]
    return {
        "gold_events": totals["gold"], "predicted_events": totals["predicted"],
        "recall_type": found / totals["gold"] if totals["gold"] else 0.0,
        "precision_type": found / totals["predicted"] if totals["predicted"] else 0.0,
        "actor_acc": totals["actor"] / found if found else 0.0,
        "recipient_acc": totals["recipient"] / found if found else 0.0,
        "status_acc": totals["status"] / found if found else 0.0,
        "gold_dates": totals["gold_dates"], "dates_right": totals["dates_right"],
        "dates_wrong": totals["dates_wrong"], "dates_missed": totals["dates_missed"], "misses": misses,
    }


def print_table(title: str, results: dict, columns: list[str]) -> None:
    print(f"\n{title}")
    header = f"{'tool':<12}{'split':<7}" + "".join(f"{c:>22}" for c in columns)
    print(header)
    print("-" * len(header))
    for (tool, split), row in results.items():
        print(f"{tool:<12}{split:<7}" + "".join(
            f"{row[c]:>22.3f}" if isinstance(row[c], float) else f"{row[c]:>22}" for c in columns))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("task", nargs="?", default="all", choices=["quotes", "figures", "events", "all"])
    parser.add_argument("--show-misses", action="store_true", help="list the gold events and dates missed")
    parser.add_argument("--gold", type=Path, default=REPO / "tests" / "gold")
    parser.add_argument("--show-errors", metavar="SPLIT",
                        help="list newsfacts' quote speaker errors on one split, or all (never on a split kept blind)")
    parser.add_argument("--no-peers", action="store_true", help="score newsfacts only")
    parser.add_argument("--strict-names", action="store_true",
                        help="compare speaker names with the gold string only, not through the gazetteer's aliases")
    parser.add_argument("--json", type=Path, help="also write the scores to this file")
    args = parser.parse_args(argv)

    articles = load_gold(args.gold)
    nlp = get_nlp()
    docs = {a.doc_name: doc for a, doc in zip(articles, nlp.pipe(a.text for a in articles))}
    per_split = ", ".join(f"{len(selected)} {s}" for s, selected in _splits(articles) if s != "all")
    print(f"{len(articles)} gold articles ({per_split}); "
          f"{sum(len(a.gold['quotes']) for a in articles)} quotes, {sum(len(a.gold['figures']) for a in articles)} figures")
    out = {}
    if args.task in ("quotes", "all"):
        tools = {"newsfacts": newsfacts_quotes} | ({} if args.no_peers else {"textacy": textacy_quotes})
        results = score_quotes(articles, docs, tools, args.strict_names)
        print_table("Quotes: span P/R/F1 and speaker accuracy", results,
                    ["precision", "recall", "f1", "speaker_acc_matched", "speaker_acc_all_gold",
                     "speaker_acc_quotes", "speaker_acc_terms", "seconds"])
        out["quotes"] = {f"{t}/{s}": v for (t, s), v in results.items()}
        if args.show_errors:
            print_speaker_errors([a for a in articles if args.show_errors in (a.split, "all")], docs,
                                 args.strict_names)
    if args.task in ("figures", "all"):
        tools = {"newsfacts": newsfacts_figures} | ({} if args.no_peers else {"quantulum3": quantulum_figures})
        results = score_figures(articles, docs, tools)
        print_table("Figures: P/R/F1 for value and value+unit", results,
                    ["value_f1", "value+unit_precision", "value+unit_recall", "value+unit_f1", "seconds"])
        out["figures"] = {f"{t}/{s}": v for (t, s), v in results.items()}
    if args.task in ("events", "all"):
        events = score_events(args.gold)
        misses = events.pop("misses")
        print("\nEvents and dates (seed gold, newsfacts; no open event coder runs here, see README)")
        for key, value in events.items():
            print(f"  {key:<18}{value:.3f}" if isinstance(value, float) else f"  {key:<18}{value}")
        if args.show_misses:
            print("\n".join("  miss: " + m for m in misses))
        out["events"] = events
    if args.json:
        args.json.write_text(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
