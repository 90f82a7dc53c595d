"""Agreement between two sealed annotations of the same articles: how far the gold itself can be trusted.

    python evaluation/agreement.py [--gold tests/gold]

Each `<gold>/agreement/<set>.jsonl` is a second annotation of `<gold>/<set>.jsonl`, made by another annotator with
the same instructions, who saw neither the first annotation nor any extractor output. Quote spans are matched as
in `evaluate.py`; two speakers agree when both are unknown, both anonymous, or the same name.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from evaluate import match  # noqa: E402


def _records(path: Path) -> dict[str, list[dict]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return {r["doc"]: r["quotes"] for r in map(json.loads, filter(str.strip, lines))}


def _unknown(quote: dict) -> bool:
    return quote["speaker_type"] == "unknown" or quote["speaker"] in (None, "unknown")


def same_speaker(a: dict, b: dict) -> bool:
    if _unknown(a) or _unknown(b):
        return _unknown(a) and _unknown(b)
    if "anonymous" in (a["speaker_type"], b["speaker_type"]):
        return a["speaker_type"] == b["speaker_type"]
    return a["speaker"] == b["speaker"]


def compare(first: dict[str, list[dict]], second: dict[str, list[dict]]) -> dict:
    counts = {"first": 0, "second": 0, "matched": 0, "same_speaker": 0, "same_kind": 0}
    disagreements = []
    for doc, quotes in first.items():
        others = second.get(doc, [])
        pairs = match([q["text"] for q in quotes], [q["text"] for q in others])
        counts["first"] += len(quotes)
        counts["second"] += len(others)
        counts["matched"] += len(pairs)
        for i, j in pairs:
            counts["same_kind"] += quotes[i]["kind"] == others[j]["kind"]
            if same_speaker(quotes[i], others[j]):
                counts["same_speaker"] += 1
            else:
                disagreements.append((doc, quotes[i]["speaker"], others[j]["speaker"], quotes[i]["text"][:60]))
    return {**counts, "disagreements": disagreements}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=REPO / "tests" / "gold")
    args = parser.parse_args(argv)
    seconds = sorted((args.gold / "agreement").glob("*.jsonl"))
    if not seconds:
        print(f"no second annotations in {args.gold / 'agreement'}")
        return 1
    total: Counter = Counter()
    for second in seconds:
        result = compare(_records(args.gold / second.name), _records(second))
        total.update({key: value for key, value in result.items() if key != "disagreements"})
        print(f"{second.stem}: {result['first']} and {result['second']} quotes, {result['matched']} in both; "
              f"same speaker {result['same_speaker']} ({result['same_speaker'] / result['matched']:.3f}), "
              f"same kind {result['same_kind']} ({result['same_kind'] / result['matched']:.3f})")
        for doc, first, other, text in result["disagreements"]:
            print(f"  {doc}  {first!r} / {other!r}  {text!r}")
    print(f"all: same speaker {total['same_speaker']} of {total['matched']} "
          f"({total['same_speaker'] / total['matched']:.3f}); span F1 between annotators "
          f"{2 * total['matched'] / (total['first'] + total['second']):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
