"""Do speakers survive another outlet's layout? The BBC gold re-laid as most outlets write, scored against its plain
layout with the same gold.

    python evaluation/layout_check.py [--gold tests/gold] [--layouts curly paragraphs both] [--show N]

The BBC corpus has straight quotation marks and no paragraph breaks; most outlets type curly marks and give each
quote a paragraph of its own. Each layout keeps every word of the article and so every gold quote: `curly` turns
each straight mark into an opening or a closing one by what stands before it, `paragraphs` breaks the text before
each sentence that opens with a quote and after every second sentence (never inside a quote), `both` does both.
For each layout the script prints speaker accuracy beside the plain layout's and lists the quotes whose speaker
turned right or wrong (the first N of them).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "evaluation"))

from evaluate import load_gold, match, speaker_right  # noqa: E402

# Where a sentence ends: a space after a full stop, question or exclamation mark, before a capital or a quote
_SENTENCE_END = re.compile(r'(?<=[.!?]) (?=[A-Z"])')
# What stands before a mark that opens a quote
_OPENERS = " \n\t([—-"


def curly(text: str) -> str:
    """A straight mark after a space, a bracket or a dash (or at the start) opens a quote; any other closes one."""
    return "".join("“" if char == '"' and (i == 0 or text[i - 1] in _OPENERS) else "”" if char == '"' else char
                   for i, char in enumerate(text))


def paragraphs(text: str) -> str:
    """A paragraph break before each sentence that opens with a quote and after every second sentence, outside
    quotes (a quote's own sentences stay one paragraph; a mark opens a quote by what stands before it, as in
    `curly`, so a quote the text never closes does not turn the rest of it inside out)."""
    pieces, last, count, inside = [], 0, 0, False
    for i, char in enumerate(text):
        if char == '"':
            inside = i == 0 or text[i - 1] in _OPENERS
        elif not inside and (found := _SENTENCE_END.match(text, i)) is not None:
            count += 1
            if text[found.end()] == '"' or count % 2 == 0:
                pieces.append(text[last:i])
                last = found.end()
    pieces.append(text[last:])
    return "\n\n".join(pieces)


LAYOUTS = {"curly": curly, "paragraphs": paragraphs, "both": lambda text: curly(paragraphs(text))}


def speakers(articles, texts: list[str]) -> dict[tuple[str, int], tuple[bool, str | None]]:
    """Per gold quote (document, index): whether the speaker is right, and the speaker given."""
    from pipeline.nlp.model import get_nlp
    from pipeline.nlp.quotes import extract_quotes

    results = {}
    for article, doc in zip(articles, get_nlp().pipe(texts, batch_size=32)):
        quotes = extract_quotes(doc)
        gold = article.gold["quotes"]
        for gi, pi in match([g["text"] for g in gold], [q.text for q in quotes]):
            quote = quotes[pi]
            right = speaker_right("newsfacts", gold[gi], quote.speaker.name, quote.speaker.type)
            results[(article.doc_name, gi)] = (right, quote.speaker.name)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=REPO / "tests" / "gold")
    parser.add_argument("--layouts", nargs="+", choices=sorted(LAYOUTS), default=["curly", "paragraphs", "both"])
    parser.add_argument("--show", type=int, default=20, help="changed quotes to list per layout")
    args = parser.parse_args(argv)
    articles = [a for a in load_gold(args.gold) if a.doc_name.startswith("bbc_")]
    gold_total = sum(len(a.gold["quotes"]) for a in articles)
    plain = speakers(articles, [a.text for a in articles])
    print(f"{len(articles)} BBC gold articles, {gold_total} gold quotes")
    plain_right = sum(r for r, _ in plain.values())
    print(f"plain        speakers right {plain_right} ({plain_right / gold_total:.3f})")
    for layout in args.layouts:
        laid_out = speakers(articles, [LAYOUTS[layout](a.text) for a in articles])
        right = sum(r for r, _ in laid_out.values())
        changed = [(key, plain[key], laid_out[key]) for key in sorted(set(plain) & set(laid_out))
                   if plain[key][0] != laid_out[key][0]]
        gained = sum(after[0] for _, _, after in changed)
        print(f"{layout:<12} speakers right {right} ({right / gold_total:.3f}): {gained} turned right, "
              f"{len(changed) - gained} turned wrong, {len(set(plain) - set(laid_out))} quotes no longer found")
        for (doc, index), before, after in changed[:args.show]:
            print(f"   {'GAIN' if after[0] else 'LOSS'} {doc} #{index}: {before[1]!r} -> {after[1]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
