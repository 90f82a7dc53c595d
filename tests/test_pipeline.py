"""End to end: the Dagster definitions load, and `newsfacts build` publishes a snapshot from the seeds."""

import json
import shutil

import pandas as pd
import pytest
from conftest import REPO, SEEDS

from pipeline import cli, load_snapshot
from pipeline.assets import validate
from pipeline.definitions import BUILD_JOB, defs

CONTRACT = {
    "articles": ["article_id", "source_path", "content_sha256", "title", "outlet", "published_date",
                 "published_date_status", "text"],
    "quotes": ["quote_id", "article_id", "text", "start_char", "end_char", "speaker", "speaker_type", "cue"],
    "figures": ["figure_id", "article_id", "text", "start_char", "end_char", "value", "unit", "qualifier", "counted"],
    "events": ["event_id", "article_id", "event_type", "actor", "recipient", "location", "date_start", "date_end",
               "status", "text", "start_char", "end_char"],
}


def test_definitions_load_with_every_stage_and_blocking_checks():
    job = defs.resolve_job_def(BUILD_JOB)
    keys = {key.to_user_string() for key in defs.resolve_all_asset_keys()}
    assert {"raw_articles", "parsed_articles", "extracted_quotes", "normalized_events", "quotes",
            "quarantine", "dataset_snapshot"} <= keys
    check_keys = {key.name for key in defs.resolve_asset_graph().asset_check_keys}
    specs = {spec.name: spec for spec in validate.CHECK_SPECS if spec.name != "quarantine_is_empty"}
    assert {"articles_match_ArticleSchema", "quotes_match_QuoteSchema", "figures_match_FigureSchema",
            "events_match_EventSchema", "dates_match_DateMentionSchema", "quarantine_is_empty"} <= check_keys
    assert all(spec.blocking for spec in specs.values())
    assert job is not None


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("build")
    seeds, datasets = root / "seeds", root / "datasets"
    shutil.copytree(SEEDS, seeds)
    return seeds, datasets


def test_build_publishes_a_complete_snapshot(built, capsys, monkeypatch, tmp_path):
    seeds, datasets = built
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path))
    assert cli.main(["build", "--seeds", str(seeds), "--datasets", str(datasets), "--log-level", "ERROR"]) == 0
    last_line = capsys.readouterr().out.strip().splitlines()[-1]
    snapshot = datasets / json.loads((datasets / last_line.split("/")[-1] / "manifest.json").read_text())["snapshot_id"]
    assert last_line == str(snapshot)
    assert (datasets / "LATEST").read_text().strip() == snapshot.name
    tables = load_snapshot(datasets_dir=datasets)
    for name, columns in CONTRACT.items():
        assert len(tables[name]) > 0, name
        assert set(columns) <= set(tables[name].columns), name
    articles, quotes = tables["articles"], tables["quotes"]
    assert len(articles) == 5
    texts = dict(zip(articles["article_id"], articles["text"]))
    assert all(texts[r.article_id][r.start_char:r.end_char] == r.text for r in quotes.itertuples())
    # one canonical spelling per entity in every canonical column
    variants = {"Zelenskiy", "Selenskyj", "Zelenskyj", "Vladimir Zelensky", "Kiev", "Kharkov", "Kharkov Region"}
    for table, columns in (("quotes", ["speaker"]), ("events", ["actor", "recipient", "location", "source"])):
        for column in columns:
            assert not set(tables[table][column].dropna()) & variants, (table, column)
    assert set(tables["dates"]["resolution"]) <= {"absolute", "relative", "unresolved"}
    assert pd.api.types.is_datetime64_any_dtype(tables["events"]["date_start"])
    # typed columns survive the round trip: dates as datetimes, low-cardinality columns as categories
    assert isinstance(quotes["speaker_type"].dtype, pd.CategoricalDtype)
    assert isinstance(tables["figures"]["unit"].dtype, pd.CategoricalDtype)
    assert pd.api.types.is_datetime64_any_dtype(articles["published_date"])
    report = (snapshot / "report.html").read_text()
    assert "Most quoted speakers" in report and "<svg" in report and "Volodymyr Zelensky" in report
    assert cli.main(["report", "--no-browser", "--datasets", str(datasets)]) == 0
    assert capsys.readouterr().out.strip() == str(snapshot / "report.html")
    manifest = json.loads((snapshot / "manifest.json").read_text())
    assert {i["sha256"] for i in manifest["inputs"]} == set(articles["content_sha256"])
    assert manifest["row_counts"]["quotes"] == len(quotes) and manifest["code_version"]


def test_rebuilding_unchanged_seeds_gives_the_same_snapshot(built, capsys, monkeypatch, tmp_path):
    seeds, datasets = built
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path))
    before = {p.name: p.read_bytes() for p in (datasets / (datasets / "LATEST").read_text().strip()).iterdir()}
    assert cli.main(["build", "--seeds", str(seeds), "--datasets", str(datasets), "--log-level", "ERROR"]) == 0
    path = capsys.readouterr().out.strip().splitlines()[-1]
    assert {p.name: p.read_bytes() for p in (datasets / path.split("/")[-1]).iterdir()} == before
    assert cli.main(["list", "--datasets", str(datasets)]) == 0
    assert cli.main(["show", "latest", "--datasets", str(datasets)]) == 0


def test_the_repo_instance_stores_a_run_through_open_connections_in_dagsters_own_files(built, monkeypatch,
                                                                                     tmp_path, capsys):
    """dagster.yaml's storage keeps event-log connections open; a run's events, materializations and check results
    are stored and read back, also by a plain `storage: sqlite:` instance on the same folder, and the connections
    it keeps stay bounded however many runs are read."""
    import dagster as dg

    from pipeline.instance_storage import OPEN_RUN_SHARDS, PooledSqliteEventLogStorage

    seeds, datasets = built
    pooled_home, plain_home = tmp_path / "pooled", tmp_path / "plain"
    pooled_home.mkdir(), plain_home.mkdir()
    settings = (REPO / "dagster.yaml").read_text().replace("base_dir: .dagster", f"base_dir: {pooled_home}/.dagster")
    (pooled_home / "dagster.yaml").write_text(settings)
    (plain_home / "dagster.yaml").write_text(f"storage:\n  sqlite:\n    base_dir: {pooled_home}/.dagster/storage\n")
    monkeypatch.setenv("DAGSTER_HOME", str(pooled_home))
    assert cli.main(["build", "--seeds", str(seeds), "--datasets", str(datasets), "--log-level", "ERROR",
                     "--no-prefetch"]) == 0
    capsys.readouterr()
    with dg.DagsterInstance.get() as instance:
        storage = instance.event_log_storage
        assert isinstance(storage, PooledSqliteEventLogStorage)
        (run,) = instance.get_runs()
        assert run.status == dg.DagsterRunStatus.SUCCESS
        events = [r.event_log_entry for r in instance.get_records_for_run(run.run_id).records]
        assert instance.get_latest_materialization_event(dg.AssetKey("quotes")).run_id == run.run_id
        for other in range(OPEN_RUN_SHARDS + 3):  # reading other runs' shards: older engines are closed
            assert instance.get_records_for_run(f"no-such-run-{other}").records == []
        assert len(storage._engines) <= OPEN_RUN_SHARDS + 1  # the run shards used last and the index
    checks = [e for e in events if e.dagster_event and e.dagster_event.event_type_value == "ASSET_CHECK_EVALUATION"]
    assert len(checks) == len(validate.CHECK_SPECS)
    with dg.DagsterInstance.from_config(str(plain_home)) as plain:
        assert type(plain.event_log_storage) is not PooledSqliteEventLogStorage
        assert [r.event_log_entry for r in plain.get_records_for_run(run.run_id).records] == events


def test_report_charts_are_drawn_again_only_when_their_data_changes(built, tmp_path, monkeypatch):
    from pipeline import report, storage

    _, datasets = built
    tables, manifest = load_snapshot(datasets_dir=datasets), storage.read_manifest(datasets)
    charts = tmp_path / "charts"
    first = report.render_report(tables, manifest, charts)
    assert len(list(charts.glob("*.svg"))) == 3 and first.count("<svg") == 3

    def no_drawing():
        raise AssertionError("matplotlib was used although every chart's data is unchanged")

    monkeypatch.setattr(report, "_matplotlib", no_drawing)
    assert report.render_report(tables, manifest, charts) == first
    # Zelensky quoted once less: the speakers chart is drawn again, the other two are reused
    quotes = tables["quotes"]
    zelensky = quotes.index[(quotes["speaker"] == "Volodymyr Zelensky") & (quotes["kind"] == "quote")]
    fewer = quotes.drop(index=zelensky[:1])
    with pytest.raises(AssertionError, match="matplotlib was used"):
        report.render_report({**tables, "quotes": fewer}, manifest, charts)
    monkeypatch.undo()
    changed = report.render_report({**tables, "quotes": fewer}, manifest, charts)
    assert changed != first and len(list(charts.glob("*.svg"))) == 4


def test_changed_seed_gives_a_new_snapshot_with_parent(built, capsys, monkeypatch, tmp_path):
    seeds, datasets = built
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path))
    previous = (datasets / "LATEST").read_text().strip()
    (seeds / "zz_extra.txt").write_text("Kyiv said on Monday that 12 drones were shot down. “We will win,” he said.")
    (seeds / "broken.txt").write_bytes(b"\x00\x01\x02binary")
    assert cli.main(["build", "--seeds", str(seeds), "--datasets", str(datasets), "--log-level", "ERROR"]) == 0
    path = capsys.readouterr().out.strip().splitlines()[-1]
    manifest = json.loads((datasets / path.split("/")[-1] / "manifest.json").read_text())
    assert manifest["parent_snapshot"] == previous and manifest["row_counts"]["articles"] == 6
    assert any("binary" in p["reason"] for p in manifest["input_problems"])
    assert (datasets / previous / "manifest.json").exists()


def test_missing_seeds_folder_fails_without_publishing(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path))
    datasets = tmp_path / "datasets"
    assert cli.main(["build", "--seeds", str(tmp_path / "missing"), "--datasets", str(datasets),
                     "--log-level", "ERROR"]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert not datasets.exists() or not any(datasets.iterdir())


def test_every_asset_check_passes_on_the_seeds(built, tmp_path):
    import dagster as dg

    from pipeline.definitions import build_defs

    seeds, _ = built
    job = build_defs(str(seeds), str(tmp_path / "datasets")).resolve_job_def(BUILD_JOB)
    result = job.execute_in_process(instance=dg.DagsterInstance.ephemeral())
    evaluations = result.get_asset_check_evaluations()
    assert result.success and len(evaluations) == 6  # 5 table schemas + quarantine
    assert all(e.passed for e in evaluations), [(e.check_name, e.metadata) for e in evaluations if not e.passed]


def test_a_failed_schema_check_blocks_the_snapshot(built, tmp_path, monkeypatch):
    """The checks run inside the validation step; a row the quarantine split let through fails its blocking
    check, and the snapshot is not published."""
    import dagster as dg

    from pipeline.definitions import build_defs

    def leaky_validate_table(name, df, articles=None):
        valid, quarantined, report = real_validate_table(name, df, articles)
        if name == "quotes":
            valid = valid.copy()
            valid.loc[valid.index[0], "speaker_type"] = "martian"  # not a speaker type the schema allows
        return valid, quarantined, report

    real_validate_table = validate.validate_table
    monkeypatch.setattr(validate, "validate_table", leaky_validate_table)
    seeds, _ = built
    datasets = tmp_path / "datasets"
    job = build_defs(str(seeds), str(datasets)).resolve_job_def(BUILD_JOB)
    result = job.execute_in_process(instance=dg.DagsterInstance.ephemeral(), raise_on_error=False)
    failed = [e for e in result.get_asset_check_evaluations() if not e.passed]
    assert [e.check_name for e in failed] == ["quotes_match_QuoteSchema"]
    assert failed[0].metadata["failures"].value >= 1
    assert not result.success and not (datasets.exists() and any(datasets.glob("snap-*")))
