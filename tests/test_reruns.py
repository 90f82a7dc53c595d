"""Issue 7: the seeds sensor, the schedule, and incremental builds equal to full rebuilds."""

import json
import shutil

import dagster as dg
import pandas as pd
from conftest import SEEDS

from pipeline import cli
from pipeline.definitions import build_defs
from pipeline.ingest import scan_seeds


def _sensor(defs):
    return next(s for s in defs.sensors if s.name == "seeds_changed")


def test_sensor_sees_added_changed_and_deleted_seeds(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    defs = build_defs(str(seeds), str(tmp_path / "datasets"))
    sensor = _sensor(defs)
    with dg.instance_for_test() as instance:
        first = sensor(dg.build_sensor_context(instance=instance, cursor=None))
        assert len(first.run_requests) == 1 and first.run_requests[0].tags["newsfacts/changes"] == "5 added, 0 changed, 0 deleted"
        cursor = first.cursor
        idle = sensor(dg.build_sensor_context(instance=instance, cursor=cursor))
        assert isinstance(idle, dg.SkipReason)
        victim = sorted(seeds.glob("*.txt"))[0]
        victim.write_text(victim.read_text() + "\nA new paragraph.")
        (sorted(seeds.glob("*.txt"))[1]).unlink()
        (seeds / "zz_new.txt").write_text("Kyiv said 3 drones were shot down.")
        changed = sensor(dg.build_sensor_context(instance=instance, cursor=cursor))
        assert changed.run_requests[0].tags["newsfacts/changes"] == "1 added, 1 changed, 1 deleted"
        assert changed.run_requests[0].run_key != first.run_requests[0].run_key


def test_schedule_targets_the_build_job():
    defs = build_defs()
    schedule = next(s for s in defs.schedules if s.name == "daily_rebuild")
    assert schedule.cron_schedule == "0 5 * * *" and schedule.job_name == "build_dataset"


def test_scan_rehashes_only_files_whose_stat_moved(tmp_path):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    state, changes = scan_seeds(tmp_path / "seeds", {})
    assert len(changes.added) == 5
    fake = {name: [mtime, size, "not-a-real-hash"] for name, (mtime, size, _) in state.items()}
    same, nothing = scan_seeds(tmp_path / "seeds", fake)
    assert not nothing and same == fake  # unchanged stat: no file was read again


def test_incremental_build_equals_full_rebuild(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "home"))
    seeds, datasets, cache = tmp_path / "seeds", tmp_path / "datasets", tmp_path / "cache"
    shutil.copytree(SEEDS, seeds)
    monkeypatch.setenv("NEWSFACTS_CACHE", str(cache))

    summaries = []

    def build(target, cache_dir, *options):
        monkeypatch.setenv("NEWSFACTS_CACHE", str(cache_dir))
        assert cli.main(["build", "--seeds", str(seeds), "--datasets", str(target), "--log-level", "ERROR",
                         *options]) == 0
        captured = capsys.readouterr()
        summaries.append(" ".join(next(line for line in captured.err.split("built in")[1:2])
                                  .split()) if "built in" in captured.err else captured.err)
        return captured.out.strip().splitlines()[-1]

    build(datasets, cache)
    entries, entries_parsed = len(list(cache.rglob("*.pkl"))), len(list(cache.rglob("parsed-*.pkl")))
    edited = sorted(seeds.glob("*.txt"))[2]
    edited.write_text(edited.read_text().replace("Zelensky", "Volodymyr Zelensky", 1))
    (sorted(seeds.glob("*.txt"))[0]).unlink()
    incremental = build(datasets, cache)
    # only the edited article was cleaned and parsed again: one new cleaned text, one new extraction (by the run or
    # by the prefetch process beside it, whichever took the cache's lock first)
    assert len(list(cache.rglob("parsed-*.pkl"))) == entries_parsed + 1
    assert len(list(cache.rglob("*.pkl"))) == entries + 2
    assert "1 parsed" in summaries[-1], summaries[-1]
    # the full rebuild parses every article inside the run
    full = build(tmp_path / "fresh", tmp_path / "fresh_cache", "--no-prefetch")
    assert "ahead of the run" not in summaries[-1] and "4 parsed" in summaries[-1], summaries[-1]
    assert incremental.split("/")[-1] == full.split("/")[-1]
    for table in ("articles", "quotes", "figures", "events", "dates"):
        pd.testing.assert_frame_equal(pd.read_parquet(f"{incremental}/{table}.parquet"),
                                      pd.read_parquet(f"{full}/{table}.parquet"))
    manifest = json.loads((datasets / incremental.split("/")[-1] / "manifest.json").read_text())
    assert manifest["changes_from_parent"]["removed"] == [sorted(SEEDS.glob("*.txt"))[0].stem]
    assert manifest["changes_from_parent"]["changed"] == [edited.stem]


def test_prefetch_parses_changed_articles_for_the_run_and_yields_to_a_run_parsing(tmp_path, capsys, monkeypatch):
    from pipeline.config import code_version
    from pipeline.extraction_cache import ExtractionCache
    from pipeline.incremental import prefetch

    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "home"))
    seeds, cache = tmp_path / "seeds", tmp_path / "cache"
    shutil.copytree(SEEDS, seeds)
    monkeypatch.setenv("NEWSFACTS_CACHE", str(cache))

    def build(datasets, *options):
        assert cli.main(["build", "--seeds", str(seeds), "--datasets", str(datasets), "--log-level", "ERROR",
                         "--no-prefetch", *options]) == 0
        captured = capsys.readouterr()
        return captured.out.strip().splitlines()[-1], " ".join(captured.err.split())

    build(tmp_path / "datasets")
    assert prefetch(seeds, cache) == 0  # nothing changed
    edited = sorted(seeds.glob("*.txt"))[1]
    edited.write_text(edited.read_text() + "\n\n“We will answer,” said Dmytro Kuleba.")
    with ExtractionCache(cache, code_version()).filling(wait=False) as held:
        assert held and prefetch(seeds, cache) == 0  # a run is parsing: the prefetch leaves it alone
    assert prefetch(seeds, cache) == 1
    path, summary = build(tmp_path / "datasets")
    assert "all unchanged (cached)" in summary, summary  # the run parsed nothing itself
    quotes = pd.read_parquet(f"{path}/quotes.parquet")
    assert ((quotes["text"] == "We will answer,") & (quotes["speaker"] == "Dmytro Kuleba")).any()
    monkeypatch.setenv("NEWSFACTS_CACHE", str(tmp_path / "fresh_cache"))
    full, _ = build(tmp_path / "fresh")
    for table in ("articles", "quotes", "figures", "events", "dates"):
        pd.testing.assert_frame_equal(pd.read_parquet(f"{path}/{table}.parquet"),
                                      pd.read_parquet(f"{full}/{table}.parquet"))


def test_datasets_root_may_be_an_fsspec_url(tmp_path, capsys, monkeypatch):
    from pipeline import load_snapshot, storage

    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("NEWSFACTS_CACHE", str(tmp_path / "cache"))
    url = "memory://newsfacts-test/datasets"
    assert cli.main(["build", "--datasets", url, "--log-level", "ERROR"]) == 0
    printed = capsys.readouterr().out.strip().splitlines()[-1]
    assert printed.startswith("memory://") and storage.latest_id(url) == printed.rstrip("/").split("/")[-1]
    tables = load_snapshot(datasets_dir=url)
    assert len(tables["articles"]) == 5 and len(tables["quotes"]) > 0
    assert cli.main(["list", "--datasets", url]) == 0


def test_watch_rebuilds_when_a_seed_changes(tmp_path):
    """`newsfacts watch` in its own process: one build at start, then one per change it sees in the seeds."""
    import os
    import subprocess
    import sys
    import threading

    from conftest import REPO

    seeds, datasets = tmp_path / "seeds", tmp_path / "datasets"
    shutil.copytree(SEEDS, seeds)
    env = {**os.environ, "DAGSTER_HOME": str(tmp_path / "home"), "NEWSFACTS_CACHE": str(tmp_path / "cache")}
    watcher = subprocess.Popen(
        [sys.executable, "-m", "pipeline.cli", "watch", "--seeds", str(seeds), "--datasets", str(datasets),
         "--interval", "0.2", "--max-builds", "2"],
        cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = threading.Timer(180, watcher.kill)  # a watcher that never rebuilds fails the test, not hangs it
    deadline.start()
    try:
        first = watcher.stdout.readline().strip()  # each build prints its snapshot's path when it is published
        assert first.startswith(str(datasets)), watcher.stderr.read()
        edited = sorted(seeds.glob("*.txt"))[1]
        draft = tmp_path / "draft.txt"  # written beside, then swapped in: the watcher never sees half a file
        draft.write_text(edited.read_text() + '\n\n"We will keep watching," the editor said.\n')
        os.replace(draft, edited)
        second = watcher.stdout.readline().strip()
        assert watcher.wait(timeout=120) == 0
    finally:
        deadline.cancel()
        watcher.kill()
    assert second.startswith(str(datasets)) and second != first
    manifest = json.loads((datasets / second.split("/")[-1] / "manifest.json").read_text())
    assert manifest["changes_from_parent"]["changed"] == [edited.stem]
    quotes = pd.read_parquet(f"{second}/quotes.parquet")
    assert quotes.loc[quotes["article_id"] == edited.stem, "text"].str.contains("We will keep watching").any()


def test_a_watching_process_keeps_cache_entries_in_memory(tmp_path, monkeypatch):
    from pipeline import extraction_cache
    from pipeline.nlp.parse import parse_article

    monkeypatch.setattr(extraction_cache, "_memory", None)  # restored after the test: other tests read files
    seed = sorted(SEEDS.glob("*.txt"))[0]
    cache = extraction_cache.ExtractionCache(tmp_path, "code")
    cache.put_parsed("abc", parse_article(seed.read_bytes()))
    extraction_cache.keep_in_memory()
    kept = cache.get_parsed("abc")  # read from its file once, then kept
    for entry in tmp_path.rglob("*.pkl"):
        entry.unlink()
    assert cache.get_parsed("abc") is kept
    assert cache.get_parsed("abd") is None
