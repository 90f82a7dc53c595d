"""Score quote attribution against PolNeAR, an attribution corpus annotated by people outside this project.

    python evaluation/polnear.py DIR [--texts DIR ...] [--show N] [--no-peers]

    python evaluation/polnear.py tests/polnear/dev      # or tests/polnear/test, tests/polnear/test2

PolNeAR (Newell, Margolin and Ruths, "An attribution relations corpus for political news", LREC 2018;
github.com/networkdynamics/PolNeAR) is 1,028 articles from 7 US outlets on the 2016 election, written as most
outlets write (a paragraph per quote, curly marks), with every attribution marked by trained annotators: its
source, cue and content as spans of the text. DIR holds a sample's attributions/NAME_<annotator>.ann (BRAT
standoff; the first annotator's file where there are several); the texts are read from DIR/text or the gold's
polnear*_articles folders, where our own gold of the same articles is (`--texts` names other folders).
tests/polnear/README.md says how the samples were drawn.

PolNeAR marks the source as the words the text uses ("Mr. Obama", "Donna Brazile, the interim chairwoman of …",
"he") and resolves no pronoun, so it scores what it can check without our own gold:
- every double-quoted span inside an attribution's content is a PolNeAR quote; recall is how many of them a tool
  finds (same fuzzy span match as evaluate.py). PolNeAR annotates only attributed words, so there is no precision;
- a quote's source "names" someone when it ends in capitalised words not governed by a preposition ("Clinton
  campaign spokesman Brian Fallon", "The White House"; not "he", "advisers to Mr. Obama", "the campaign"). For
  those quotes the speaker is right when the last word of the tool's speaker equals the last word of that name
  ("Barack Obama" for "Mr. Obama"). Pronoun and description sources are counted apart, not scored.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "evaluation"))

from evaluate import match, newsfacts_quotes, textacy_quotes  # noqa: E402

from pipeline.nlp.model import get_nlp  # noqa: E402
from pipeline.nlp.parse import parse_article  # noqa: E402

_QUOTED = re.compile(r'"([^"\n]+)"|“([^”\n]+)”')
_NAME_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
# Words that govern a name without being the source ("advisers to Mr. Obama", "a spokesman for Trump")
_GOVERNING = {"to", "for", "of", "at", "with", "by", "from", "on", "in", "the", "a", "an", "and", "or"}
_PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "who", "his", "her", "its", "their", "our"}


@dataclass
class PolnearQuote:
    doc: str
    text: str
    source: str
    name: str | None  # the source's name, when it names someone


def source_name(source: str) -> str | None:
    """The name a PolNeAR source gives, or None for a pronoun or a description."""
    head = re.split(r",| of | for | at | who ", re.sub(r"\([^)]*\)", "", source).strip(), maxsplit=1)[0]
    words = [w.strip(".,;:()").removesuffix("'s").removesuffix("’s") for w in head.split()]
    words = [w for w in words if w]
    run: list[str] = []
    for word in reversed(words):
        if not word[0].isupper():
            break
        run.insert(0, word)
    if not run or run[-1].lower() in _PRONOUNS:
        return None
    before = words[len(words) - len(run) - 1].lower() if len(run) < len(words) else None
    if before in _GOVERNING and before not in ("the", "a", "an"):
        return None
    return " ".join(run)


def last_name_word(name: str | None) -> str | None:
    words = [w for w in (name or "").replace("’", "'").split() if w.lower().strip(",") not in _NAME_SUFFIXES]
    return words[-1].lower().removesuffix("'s").strip(".,") if words else None


def load_polnear(folder: Path, text_folders: list[Path] | None = None) -> tuple[dict[str, str], list[PolnearQuote]]:
    """The sample's articles (name -> text) and their PolNeAR quotes: every article with an annotation file, its text
    from `text_folders` (default: the sample's text/ and the gold's polnear*_articles/)."""
    folders = text_folders or [folder / "text", *sorted((REPO / "tests" / "gold").glob("polnear*_articles"))]
    files = {p.stem: p for f in folders for p in sorted(f.glob("*.txt"))}
    texts, quotes = {}, []
    for name in sorted({p.stem.rsplit("_", 1)[0] for p in (folder / "attributions").glob("*.ann")}):
        texts[name] = files[name].read_text(encoding="utf-8")
        annotations = sorted((folder / "attributions").glob(f"{name}_*.ann"))
        quotes += _quotes_of(name, texts[name], annotations[0].read_text(encoding="utf-8"))
    return texts, quotes


def _quotes_of(doc: str, text: str, ann: str) -> list[PolnearQuote]:
    spans, relations = {}, []
    for line in ann.splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            label, _, offsets = fields[1].partition(" ")
            spans[fields[0]] = (label, [tuple(map(int, part.split())) for part in offsets.split(";")])
        elif line.startswith("E") and len(fields) >= 2:
            relations.append(dict(role.split(":", 1) for role in fields[1].split()))
    found = []
    for relation in relations:
        if "Content" not in relation or "Source" not in relation:
            continue
        source = " ".join(text[a:b] for a, b in spans[relation["Source"]][1])
        for start, end in spans[relation["Content"]][1]:
            for quoted in _QUOTED.finditer(text[start:end]):
                words = quoted.group(1) or quoted.group(2)
                found.append(PolnearQuote(doc, words, source, source_name(source)))
    return found


def score(texts: dict[str, str], quotes: list[PolnearQuote], tools: dict) -> tuple[dict, list]:
    nlp = get_nlp()
    names = list(texts)
    docs = dict(zip(names, nlp.pipe(parse_article(texts[n].encode("utf-8")).text for n in names)))
    results, errors = {}, []
    for tool, extract in tools.items():
        found = named = named_found = right = 0
        for name in names:
            gold = [q for q in quotes if q.doc == name]
            predicted = extract(docs[name])
            pairs = dict(match([q.text for q in gold], [p[0] for p in predicted]))
            for gi, q in enumerate(gold):
                got = predicted[pairs[gi]] if gi in pairs else None
                found += got is not None
                if q.name is None:
                    continue
                named += 1
                named_found += got is not None
                ok = got is not None and last_name_word(got[1]) == last_name_word(q.name)
                right += ok
                if tool == "newsfacts" and not ok:
                    errors.append((name, q, got))
        results[tool] = dict(quotes=len(quotes), recall=found / len(quotes) if quotes else 0.0,
                             named=named, speaker_acc_matched=right / named_found if named_found else 0.0,
                             speaker_acc_all_named=right / named if named else 0.0)
    return results, errors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path, help="a PolNeAR sample: text/ and attributions/")
    parser.add_argument("--texts", type=Path, nargs="+",
                        help="folders holding the texts (default: DIR/text and tests/gold/polnear*_articles)")
    parser.add_argument("--show", type=int, default=0, metavar="N", help="list the first N newsfacts errors")
    parser.add_argument("--no-peers", action="store_true", help="score newsfacts only")
    args = parser.parse_args(argv)
    texts, quotes = load_polnear(args.folder, args.texts)
    tools = {"newsfacts": newsfacts_quotes} | ({} if args.no_peers else {"textacy": textacy_quotes})
    results, errors = score(texts, quotes, tools)
    pronouns = sum(q.name is None for q in quotes)
    print(f"{len(texts)} PolNeAR articles; {len(quotes)} quoted spans in attributions, "
          f"{len(quotes) - pronouns} with a named source ({pronouns} pronoun or description sources not scored)")
    print(f"{'tool':<11}{'recall':>8}{'speaker (found)':>17}{'speaker (all named)':>21}")
    for tool, r in results.items():
        print(f"{tool:<11}{r['recall']:>8.3f}{r['speaker_acc_matched']:>17.3f}{r['speaker_acc_all_named']:>21.3f}")
    for doc, q, got in errors[:args.show]:
        print(f"  {doc}  source {q.source!r}  got {got[1] if got else 'MISSED'!r}  {q.text[:70]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
