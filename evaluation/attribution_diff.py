"""Every quote whose speaker a change to the attribution code changes, on the gold articles and any other BBC rows.

    python evaluation/attribution_diff.py [--rev HEAD] [--rows tests/gold/comparison_rows.txt] [--gold tests/gold]

The working tree's attribution is compared with revision REV's on the same parsed documents: the articles are
parsed once (cached under .cache/attribution_diff/, keyed by their text and the model code) and both trees run
`extract_quotes` on those Docs, REV's in a temporary git worktree. So the comparison isolates attribution; a
change to the parse itself (pipeline/nlp/model.py) is a new cache key, parsed with the working tree's model.

Each changed speaker is printed with the text before the quote; on a gold article it is marked GAIN, LOSS or SAME
(wrong before and after) by the scorer's rules, so a change is kept only when no gold quote gets worse and the
changes on unannotated rows read right (`--rows`: one corpus document name per line; by default the 300
comparison rows of tests/gold/README.md, which no blind set is drawn from). Rows that may yet be drawn for a blind
set should not be listed here: reading them spoils them.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "evaluation"))
sys.path.insert(0, str(REPO / "bench"))

from benchmark import CORPUS, load_corpus  # noqa: E402
from evaluate import load_gold, match, speaker_right  # noqa: E402

CACHE = REPO / ".cache" / "attribution_diff"

# Runs in either tree (sys.argv: tree, docbin, names json, output json): quotes on the cached Docs.
_WORKER = """
import json, sys
sys.path.insert(0, sys.argv[1])
from spacy.tokens import DocBin
from pipeline.nlp.model import get_nlp
from pipeline.nlp.quotes import extract_quotes
names = json.load(open(sys.argv[3]))
docs = DocBin().from_disk(sys.argv[2]).get_docs(get_nlp().vocab)
out = {name: [(q.start_char, q.text, q.speaker.name, q.speaker.type, q.attribution) for q in extract_quotes(doc)]
       for name, doc in zip(names, docs)}
json.dump(out, open(sys.argv[4], "w"))
"""


def corpus_rows(names: list[str]) -> dict[str, str]:
    """The cleaned text of BBC corpus rows named like the gold's documents ("bbc_train_0123.txt")."""
    from pipeline.nlp.parse import parse_article

    wanted = set(names)
    return {f"{article_id}.txt": parse_article(text.encode("utf-8")).text
            for article_id, text in load_corpus() if f"{article_id}.txt" in wanted}


def parsed(texts: dict[str, str]) -> tuple[Path, Path]:
    """A DocBin of the texts (parsed once per text set and model code) and the document names in its order."""
    from spacy.tokens import DocBin

    from pipeline.nlp.model import get_nlp

    key = hashlib.sha256()
    for name, text in texts.items():
        key.update(name.encode() + b"\0" + text.encode() + b"\0")
    key.update((REPO / "pipeline" / "nlp" / "model.py").read_bytes())
    CACHE.mkdir(parents=True, exist_ok=True)
    docbin, names = CACHE / f"{key.hexdigest()[:16]}.spacy", CACHE / f"{key.hexdigest()[:16]}.json"
    if not docbin.exists():
        bin_ = DocBin(store_user_data=False)
        for doc in get_nlp().pipe(texts.values(), batch_size=32):
            bin_.add(doc)
        bin_.to_disk(docbin)
        names.write_text(json.dumps(list(texts)))
    return docbin, names


def quotes_in(tree: Path, docbin: Path, names: Path) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        subprocess.run([sys.executable, "-c", _WORKER, str(tree), str(docbin), str(names), out.name], check=True)
        return json.loads(Path(out.name).read_text())


def quotes_at(rev: str, docbin: Path, names: Path) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        tree = Path(folder) / "tree"
        subprocess.run(["git", "-C", str(REPO), "worktree", "add", "--detach", "-q", str(tree), rev], check=True)
        try:
            return quotes_in(tree, docbin, names)
        finally:
            subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(tree)], check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rev", default="HEAD", help="the revision to compare the working tree with")
    parser.add_argument("--gold", type=Path, default=REPO / "tests" / "gold")
    parser.add_argument("--rows", type=Path, default=REPO / "tests" / "gold" / "comparison_rows.txt",
                        help="unannotated corpus rows to compare too, one name per line")
    parser.add_argument("--context", type=int, default=250, help="characters shown before each quote")
    args = parser.parse_args(argv)

    gold = {a.doc_name: a for a in load_gold(args.gold)}
    texts = {name: a.text for name, a in gold.items()}
    if args.rows and CORPUS.exists():
        extra = [line.strip() for line in args.rows.read_text().splitlines() if line.strip()]
        texts |= {name: text for name, text in corpus_rows(extra).items() if name not in gold}
    docbin, names = parsed(texts)
    before, after = quotes_at(args.rev, docbin, names), quotes_in(REPO, docbin, names)

    counts = {"GAIN": 0, "LOSS": 0, "SAME": 0, "ROW": 0, "UNMATCHED": 0}
    for name in json.loads(names.read_text()):
        old, new = before[name], after[name]
        if [q[:2] for q in old] != [q[:2] for q in new]:
            print(f"!! {name}: the quote spans differ; compare them with evaluate.py")
            continue
        article = gold.get(name)
        if article is not None:
            truth = {pi: article.gold["quotes"][gi]
                     for gi, pi in match([g["text"] for g in article.gold["quotes"]], [q[1] for q in new])}
        for i, (was, now) in enumerate(zip(old, new)):
            if was[2:4] == now[2:4]:
                continue
            mark, gold_speaker = ("ROW", "") if article is None else ("UNMATCHED", " (no gold quote matched)")
            if article is not None and i in truth:
                right_before = speaker_right("newsfacts", truth[i], was[2], was[3])
                right_after = speaker_right("newsfacts", truth[i], now[2], now[3])
                mark = "GAIN" if right_after and not right_before else "LOSS" if right_before and not right_after \
                    else "SAME"
                gold_speaker = f" gold {truth[i]['speaker']!r}"
            counts[mark] += 1
            text = texts[name]
            print(f"{mark} {name}{gold_speaker}: {was[2]!r} ({was[3]}) -> {now[2]!r} ({now[3]}) [{now[4]}]\n"
                  f"    …{' '.join(text[max(0, now[0] - args.context):now[0]].split())} [[{now[1][:80]}]]\n")
    print(f"gold quotes gained {counts['GAIN']}, lost {counts['LOSS']}, changed but wrong either way "
          f"{counts['SAME']}; unannotated rows changed {counts['ROW']}; quotes no gold quote matches changed "
          f"{counts['UNMATCHED']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
