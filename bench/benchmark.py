"""Throughput and memory of newsfacts on the BBC corpus, against bare spaCy and the open peers. Run by hand:

    python bench/benchmark.py [--n 1891] [--out bench/results.md] [--skip-peers]

Measures, on the same N articles (the first N of train.csv then val.csv):
  (a) bare spaCy: `nlp.pipe` over the cleaned texts with the same model, single process;
  (x) extraction only: quotes + figures + events + mentions on the already parsed Docs (the overhead over (a));
  (b) a full `newsfacts build` of those articles as seeds, in a subprocess (wall time, peak RSS);
  (c) a rebuild after changing one article (the median of three, each editing a different article);
  (c0) the same without the build's prefetch process (`--no-prefetch`), as runs the sensor or the UI launch;
  (c2) the same edits seen by a running `newsfacts watch`: seconds from saving the file to the published snapshot;
  (d) the peers over the same texts: textacy direct_quotations + quantulum3 (needs `pip install -e '.[eval]'`).
Writes a table of times and ratios to the terminal and to --out.
"""

from __future__ import annotations

import argparse
import csv
import os
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpora" / "bbc-news"
sys.path.insert(0, str(REPO))


INCREMENTAL_RUNS = 3
EDIT = " \"We changed this,\" an editor said."  # appended to an article: one new quote, one changed file


def load_corpus(n: int | None = None) -> list[tuple[str, str]]:
    """(article id, raw text) of the first n rows of train.csv then val.csv (all of them without n)."""
    rows = []
    for name in ("train.csv", "val.csv"):
        with (CORPUS / name).open(encoding="utf-8", newline="") as handle:
            rows += [(f"bbc_{name[:-4]}_{i:04d}", r["text"]) for i, r in enumerate(csv.DictReader(handle))]
    return rows[:n]


def timed(label: str, results: list, fn):
    started = time.perf_counter()
    value = fn()
    seconds = time.perf_counter() - started
    results.append((label, seconds))
    print(f"{label:<48}{seconds:>9.2f} s", flush=True)
    return value


def _environment(home: Path) -> dict[str, str]:
    """The benchmark's own Dagster instance and extraction cache, apart from the repo's. The instance is configured
    as the repo's dagster.yaml configures it, with its storage folders moved into `home`."""
    settings = (REPO / "dagster.yaml").read_text(encoding="utf-8")
    (home / "dagster.yaml").write_text(settings.replace("base_dir: .dagster", f"base_dir: {home}/.dagster"),
                                       encoding="utf-8")
    return {**os.environ, "DAGSTER_HOME": str(home), "NEWSFACTS_CACHE": str(home / "cache")}


def build(seeds: Path, datasets: Path, home: Path, *options: str) -> tuple[float, float]:
    env = _environment(home)
    started = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    subprocess.run([sys.executable, "-m", "pipeline.cli", "build", "--seeds", str(seeds), "--datasets",
                    str(datasets), "--log-level", "WARNING", *options], check=True, env=env, cwd=REPO,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak_kib = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    return time.perf_counter() - started, peak_kib / 1024


def watch_rebuilds(seeds: Path, datasets: Path, home: Path, article_ids: list[str]) -> tuple[list[float], float]:
    """Seconds from saving an edited article to its snapshot being published, in one `newsfacts watch` process
    (spaCy and the cached extractions stay loaded between builds); and the watcher's peak RSS."""
    env = _environment(home)
    watcher = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "watch", "--seeds", str(seeds), "--datasets",
                                str(datasets), "--interval", "0.2"],
                               env=env, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                               # Ctrl-C stops it even when this script runs in the background (`cmd &` ignores
                               # SIGINT, and an ignored signal is inherited)
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    watcher.stdout.readline()  # the first build: every article unchanged since (c)
    time.sleep(2)  # the model loads after the first build; an edit made now is the steady state
    seconds = []
    for article_id in article_ids:
        edited, draft = seeds / f"{article_id}.txt", seeds.parent / "draft.txt"
        draft.write_text(edited.read_text(encoding="utf-8") + EDIT, encoding="utf-8")
        os.replace(draft, edited)
        started = time.perf_counter()
        watcher.stdout.readline()
        seconds.append(time.perf_counter() - started)
    peak_kib = int(next(line.split()[1] for line in Path(f"/proc/{watcher.pid}/status").read_text().splitlines()
                        if line.startswith("VmHWM")))
    watcher.send_signal(signal.SIGINT)  # Ctrl-C: the watcher stops
    try:
        watcher.wait(timeout=30)
    except subprocess.TimeoutExpired:
        print("the watcher did not stop on Ctrl-C within 30 s: killed", flush=True)
        watcher.kill()
        watcher.wait()
    return seconds, peak_kib / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results.md")
    parser.add_argument("--skip-peers", action="store_true")
    args = parser.parse_args(argv)

    from pipeline.nlp.extract import ArticleInput, extract_doc
    from pipeline.nlp.model import get_nlp
    from pipeline.nlp.parse import parse_article

    corpus = load_corpus(args.n)
    texts = [parse_article(text.encode("utf-8")).text for _, text in corpus]
    words = sum(len(t.split()) for t in texts)
    print(f"{len(corpus)} BBC articles, {words} words")
    nlp = get_nlp()
    results: list[tuple[str, float]] = []
    docs = timed("(a) bare spaCy nlp.pipe, 1 process", results, lambda: list(nlp.pipe(texts, batch_size=16)))
    from pipeline.nlp.quotes import extract_quotes

    timed("(x1) quote extraction only, on parsed Docs", results, lambda: [extract_quotes(doc) for doc in docs])
    timed("(x) all extraction on parsed Docs", results, lambda: [
        extract_doc(doc, ArticleInput(article_id, doc.text, None)) for (article_id, _), doc in zip(corpus, docs)])

    with tempfile.TemporaryDirectory() as tmp:
        seeds, datasets, home = Path(tmp, "seeds"), Path(tmp, "datasets"), Path(tmp, "home")
        seeds.mkdir()
        home.mkdir()
        for article_id, text in corpus:
            (seeds / f"{article_id}.txt").write_text(text, encoding="utf-8")
        seconds, peak = build(seeds, datasets, home)
        results.append(("(b) full newsfacts build", seconds))
        print(f"{'(b) full newsfacts build':<48}{seconds:>9.2f} s   peak RSS {peak:.0f} MiB", flush=True)
        # The median of three, each after editing a different article: one short build is noisy.
        def time_edits(label: str, edited_articles, *options: str) -> None:
            runs = []
            for article_id, _ in edited_articles:
                edited = seeds / f"{article_id}.txt"
                edited.write_text(edited.read_text(encoding="utf-8") + EDIT, encoding="utf-8")
                runs.append(build(seeds, datasets, home, *options)[0])
            results.append((label, statistics.median(runs)))
            print(f"{label:<48}{results[-1][1]:>9.2f} s   (median of {', '.join(f'{r:.2f}' for r in runs)})",
                  flush=True)

        time_edits("(c) incremental build after changing one article", corpus[:INCREMENTAL_RUNS])
        time_edits("(c0) the same with --no-prefetch", corpus[2 * INCREMENTAL_RUNS:3 * INCREMENTAL_RUNS],
                    "--no-prefetch")
        seconds, peak_watch = watch_rebuilds(seeds, datasets, home, [a for a, _ in corpus[INCREMENTAL_RUNS:2 * INCREMENTAL_RUNS]])
        results.append(("(c2) the same in a running `newsfacts watch`", statistics.median(seconds)))
        print(f"{'(c2) the same in a running `newsfacts watch`':<48}{results[-1][1]:>9.2f} s   (median of "
              f"{', '.join(f'{r:.2f}' for r in seconds)}; edit to published snapshot; peak RSS {peak_watch:.0f} MiB)",
              flush=True)
        from pipeline.ingest import scan_seeds

        started = time.perf_counter()
        scan_seeds(seeds, {})
        results.append(("(s) sensor scan of the seeds folder, cold", time.perf_counter() - started))
        print(f"{'(s) sensor scan of the seeds folder, cold':<48}{results[-1][1]:>9.2f} s", flush=True)

    if not args.skip_peers:
        from quantulum3 import classifier
        from quantulum3 import parser as qparser
        from textacy.extract.triples import direct_quotations

        classifier.USE_CLF = False

        def peers():
            for doc in docs:
                try:
                    list(direct_quotations(doc))
                except Exception:
                    pass
                qparser.parse(doc.text)

        timed("(d) peers: textacy quotes + quantulum3 figures", results, peers)

    base = dict(results)["(a) bare spaCy nlp.pipe, 1 process"]
    lines = [f"# newsfacts benchmark: {len(corpus)} BBC articles ({words} words)", "",
             "| measurement | seconds | ratio to bare spaCy |", "| --- | ---: | ---: |"]
    lines += [f"| {label} | {seconds:.2f} | {seconds / base:.2f} |" for label, seconds in results]
    timings = dict(results)
    full, incremental = timings["(b) full newsfacts build"], timings["(c) incremental build after changing one article"]
    watched = timings["(c2) the same in a running `newsfacts watch`"]
    unaided = timings["(c0) the same with --no-prefetch"]
    lines += ["", f"peak RSS of the full build: {peak:.0f} MiB",
              f"incremental build / full build: {incremental / full:.1%} as a new `newsfacts build` process "
              f"({unaided / full:.1%} without its prefetch), {watched / full:.1%} in a running `newsfacts watch` "
              "(target ≤ 5%)", ""]
    report = "\n".join(lines)
    print("\n" + report)
    args.out.write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
