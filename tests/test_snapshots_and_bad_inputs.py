"""Issue 6: bad inputs never break a build or vanish, snapshots are immutable, comparable and prunable."""

import json
import shutil
import subprocess
import sys
import threading

import pandas as pd
import pytest
from conftest import REPO, SEEDS

from pipeline import cli, storage

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"


def _build(seeds, datasets, capsys) -> tuple[int, str]:
    code = cli.main(["build", "--seeds", str(seeds), "--datasets", str(datasets), "--log-level", "ERROR"])
    captured = capsys.readouterr()
    return code, (captured.out.strip().splitlines() or [""])[-1] if code == 0 else captured.err


@pytest.fixture
def dagster_home(tmp_path, monkeypatch):
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "home"))
    return tmp_path


def test_bad_inputs_are_reported_and_earlier_snapshots_untouched(dagster_home, capsys):
    seeds, datasets = dagster_home / "seeds", dagster_home / "datasets"
    seeds.mkdir()
    good = sorted(SEEDS.glob("*.txt"))[:2]
    for path in good:
        shutil.copy(path, seeds)
    code, first = _build(seeds, datasets, capsys)
    assert code == 0
    before = {p.name: p.read_bytes() for p in (datasets / first.split("/")[-1]).iterdir()}

    (seeds / "empty.txt").write_bytes(b"")
    (seeds / "binary.txt").write_bytes(PNG * 50)
    (seeds / "windows1252.txt").write_bytes("Kyiv said “no” to a £5m deal, Mr Zelenskiy said.".encode("cp1252"))
    (seeds / "latin1.txt").write_bytes("Le ministre a dit: « non » à 3 000 soldats. Coût: 5 £.".encode("latin-1"))
    (seeds / "mojibake.txt").write_text("The club paid Â£16.5m, the manager said: \"We are happy.\"", encoding="utf-8")
    (seeds / "huge.txt").write_text("Word " * 250_000, encoding="utf-8")
    shutil.copy(good[0], seeds / "same_article_again.txt")
    (seeds / "notes.docx").write_bytes(b"PK\x03\x04")
    (seeds / "metadata.toml").write_text('[latin1]\npublished_date = "31/02/2024"\n')

    code, second = _build(seeds, datasets, capsys)
    assert code == 0
    manifest = json.loads((datasets / second.split("/")[-1] / "manifest.json").read_text())
    articles = pd.read_parquet(datasets / second.split("/")[-1] / "articles.parquet")
    assert set(articles["article_id"]) == {p.stem for p in good} | {"windows1252", "latin1", "mojibake"}
    mojibake = articles.set_index("article_id").loc["mojibake"]
    assert "£16.5m" in mojibake["text"] and "mojibake" in mojibake["repairs"]
    problems = {p["source_path"].split("/")[-1]: p["reason"] for p in manifest["input_problems"]}
    assert "empty" in problems["empty.txt"] and "binary" in problems["binary.txt"]
    assert "split it" in problems["huge.txt"] and "duplicate of article" in problems["same_article_again.txt"]
    assert "not a .txt article file" in problems["notes.docx"]
    assert "not a YYYY-MM-DD date" in problems["latin1.txt"]  # the article keeps its text, the bad date is dropped
    assert manifest["parent_snapshot"] == first.split("/")[-1]
    assert {p.name: p.read_bytes() for p in (datasets / first.split("/")[-1]).iterdir()} == before

    report = storage.diff_snapshots(datasets, first.split("/")[-1], second.split("/")[-1])
    assert report["articles"]["added"] == 3 and report["articles"]["removed"] == 0
    assert cli.main(["diff", first.split("/")[-1], "--datasets", str(datasets)]) == 0


def test_schema_level_failure_publishes_nothing(dagster_home, capsys, monkeypatch):
    from pipeline import tables

    original = tables.quotes_table
    monkeypatch.setattr(tables, "quotes_table", lambda rows: original(rows).drop(columns=["speaker_type"]))
    datasets = dagster_home / "datasets"
    code, message = _build(SEEDS, datasets, capsys)
    assert code == 1
    assert "schema-level validation failure" in message and "speaker_type" in message
    assert not datasets.exists() or not storage.list_snapshots(datasets)


def _fake_snapshot(datasets, snapshot_id):
    tables = {"articles": pd.DataFrame({"article_id": [snapshot_id], "text": ["x"]})}
    return storage.write_snapshot(datasets, tables, {"snapshot_id": snapshot_id})


def test_concurrent_publications_and_pruning_keep_the_latest(tmp_path):
    datasets = tmp_path / "datasets"
    threads = [threading.Thread(target=_fake_snapshot, args=(datasets, f"snap-{i:02d}")) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    ids = {info.snapshot_id for info in storage.list_snapshots(datasets)}
    assert ids == {f"snap-{i:02d}" for i in range(8)}
    assert not [p for p in datasets.iterdir() if p.name.startswith(".snap")]  # no staging folder left behind
    latest = storage.latest_id(datasets)
    assert latest in ids
    deleted = storage.prune_snapshots(datasets, keep=0)
    assert len(deleted) == 7 and storage.latest_id(datasets) == latest
    assert [info.snapshot_id for info in storage.list_snapshots(datasets)] == [latest]


def test_snapshot_files_are_read_only_and_never_rewritten(tmp_path):
    datasets = tmp_path / "datasets"
    info = _fake_snapshot(datasets, "snap-same")
    parquet = info.path / "articles.parquet"
    stamp = parquet.stat().st_mtime_ns
    assert parquet.stat().st_mode & 0o222 == 0  # read-only for everyone (root ignores the bits, so check them)
    again = storage.write_snapshot(datasets, {"articles": pd.DataFrame({"article_id": ["other"], "text": ["y"]})},
                                   {"snapshot_id": "snap-same"})
    assert again.path == info.path and parquet.stat().st_mtime_ns == stamp


def test_file_vanishing_between_listing_and_reading_is_recorded(tmp_path):
    from pipeline.ingest import read_seeds

    shutil.copy(next(SEEDS.glob("*.txt")), tmp_path)
    (tmp_path / "gone.txt").symlink_to(tmp_path / "deleted-meanwhile.txt")
    articles, problems = read_seeds(tmp_path)
    assert len(articles) == 1
    assert [p.article_id for p in problems] == ["gone"] and "cannot read file" in problems[0].reason


def test_two_builds_started_at_once_both_succeed(tmp_path):
    datasets = tmp_path / "datasets"
    command = [sys.executable, "-m", "pipeline.cli", "build", "--datasets", str(datasets), "--log-level", "ERROR"]
    procs = [subprocess.Popen(command, cwd=REPO, env={**__import__("os").environ, "DAGSTER_HOME": str(tmp_path / f"h{i}")},
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for i in range(2)]
    outputs = [p.communicate(timeout=600) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [o[1][-2000:] for o in outputs]
    paths = {o[0].strip().splitlines()[-1] for o in outputs}
    assert len(paths) == 1  # same inputs, same code: the same snapshot, published once
    assert [p.name for p in datasets.iterdir() if p.name.startswith(".snap")] == []
