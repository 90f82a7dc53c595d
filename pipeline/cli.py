"""`newsfacts`: build, list and show dataset snapshots; open the Dagster UI. The build runs the same asset job
as the UI, in-process; everything about snapshots is in `storage`."""

from __future__ import annotations

import argparse
import gc
import json
import logging
import os
import subprocess
import sys
import time
import webbrowser
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

# pandas and `storage` (which needs it) are imported where they are used: `build` starts its prefetch process
# before they load.
from . import progress
from .config import (
    REPO_ROOT,
    default_cache_dir,
    default_datasets_dir,
    default_seeds_dir,
    ensure_dagster_home,
)

console = Console(stderr=True)


def build(args: argparse.Namespace) -> int:
    ensure_dagster_home()
    # Started before Dagster is imported: the few changed articles are parsed on the other core meanwhile.
    prefetch = None if args.no_prefetch else subprocess.Popen(
        [sys.executable, "-m", "pipeline.prefetch", str(Path(args.seeds).resolve()), "--cache",
         str(default_cache_dir())], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        with _set_up_frozen() as set_up_done:
            import dagster as dg

            job = _build_job(args)
            instance = dg.DagsterInstance.get()
            set_up_done()
            with instance:
                return _execute(job, instance, args.log_level, prefetch)
    finally:
        if prefetch is not None and prefetch.poll() is None:
            prefetch.kill()  # the run failed early; its own parse would have redone this work anyway
            prefetch.wait()


def watch(args: argparse.Namespace) -> int:
    """Build, then rebuild whenever the seeds change, in one long-lived process: the spaCy model, the schemas and
    the cached extractions stay loaded, so a rebuild after one edited article costs little more than that article.
    The same content-hash scan as the `seeds_changed` sensor decides what changed."""
    ensure_dagster_home()
    with _set_up_frozen() as set_up_done:
        import dagster as dg

        from . import extraction_cache

        extraction_cache.keep_in_memory()
        job = _build_job(args)
        instance = dg.DagsterInstance.get()
        set_up_done()
        with instance:
            try:
                return _rebuild_on_changes(job, instance, args)
            except KeyboardInterrupt:
                console.print("stopped watching")
                return 0


def _rebuild_on_changes(job, instance, args: argparse.Namespace) -> int:
    """Build now, then each time a scan of the seeds folder finds files added, changed or deleted."""
    from .ingest import scan_seeds
    from .nlp.model import get_nlp

    seeds = Path(args.seeds).resolve()
    state, _ = scan_seeds(seeds, {})  # before the first build: an edit made during a build starts the next one
    builds = 0
    while True:
        _execute(job, instance, args.log_level)
        builds += 1
        if args.max_builds and builds >= args.max_builds:
            return 0
        if builds == 1:
            get_nlp()  # loaded now, while nothing waits, rather than on the first edit
            gc.collect()
            gc.freeze()  # the model lives as long as the watcher: later collections skip it
        console.print(f"watching [cyan]{seeds}[/cyan] (every {args.interval:g} s; Ctrl-C stops)")
        changes = None
        while not changes:
            time.sleep(args.interval)
            state, changes = scan_seeds(seeds, state)
        console.print(f"seeds changed: {changes.summary()} "
                      f"({', '.join((changes.added + changes.changed + changes.deleted)[:5])})")


@contextmanager
def _set_up_frozen():
    """Importing Dagster, pandas and the pipeline and setting up the instance allocate a few million objects that
    live as long as the process; the cyclic garbage collector would scan them all again at each full collection,
    about 0.4 s of a 3.5 s incremental build. Nothing is collected while setting up; calling the function this
    yields freezes what was set up (`gc.freeze`) and collects again, so collections during the run scan only what
    the run allocates. On leaving, everything is unfrozen (in-process callers such as tests get their collector
    back as it was)."""
    def set_up_done() -> None:
        gc.freeze()
        gc.enable()

    gc.disable()
    try:
        yield set_up_done
    finally:
        gc.enable()
        gc.unfreeze()


def _build_job(args: argparse.Namespace):
    from .definitions import BUILD_JOB, build_defs

    seeds = Path(args.seeds).resolve()
    datasets = args.datasets if "://" in args.datasets else str(Path(args.datasets).resolve())
    console.print(f"[bold]newsfacts {args.command}[/bold]: seeds [cyan]{seeds}[/cyan] -> datasets [cyan]{datasets}[/cyan]")
    return build_defs(str(seeds), str(datasets)).resolve_job_def(BUILD_JOB)


def _execute(job, instance, log_level: str, prefetch: subprocess.Popen | None = None) -> int:
    """One run of the build job in this process; prints the snapshot's summary and, last, its path. `prefetch` is
    the process that parsed changed articles ahead of the run (`pipeline.prefetch`), if one was started."""
    from . import storage

    started = time.perf_counter()
    with _progress_bar() as bar:
        result = job.execute_in_process(
            instance=instance,
            raise_on_error=False,
            run_config={"loggers": {"console": {"config": {"log_level": log_level}}}},
        )
    elapsed = time.perf_counter() - started
    if not result.success:
        for event in result.all_events:
            if event.is_failure and event.step_key:
                error = event.event_specific_data.error if event.event_specific_data else None
                message = getattr(error, "message", None) or event.message
                console.print(f"[red]failed at {event.step_key}[/red]: {message.strip()}")
        console.print(f"[red]build failed[/red] (run {result.run_id}); no snapshot was published")
        return 1
    path = result.output_for_node("dataset_snapshot")
    manifest = json.loads((storage.root_path(path) / storage.MANIFEST).read_text())
    _print_summary(manifest)
    articles = manifest["row_counts"]["articles"]
    parsed = bar.parsed if bar is not None else 0
    prefetched = _prefetched(prefetch)
    parts = [f"{prefetched} parsed ahead of the run"] if prefetched else []
    if parsed:
        parts.append(f"{parsed} parsed ({parsed / max(bar.parse_seconds, 1e-9):.1f} articles/s)")
    unchanged = articles - prefetched - parsed
    if unchanged > 0:
        parts.append("all unchanged (cached)" if not parts else f"{unchanged} unchanged (cached)")
    report = f"; report: {storage.root_path(path) / 'report.html'}" if parsed or prefetched else ""
    console.print(f"built in {elapsed:.1f} s: {articles} articles, {', '.join(parts) or 'nothing to parse'}{report}")
    print(path, flush=True)
    return 0


def _prefetched(prefetch: subprocess.Popen | None) -> int:
    """How many articles the prefetch parsed; 0 when there was none, or it failed or had not finished."""
    if prefetch is None or prefetch.poll() is None:
        return 0
    output = prefetch.stdout.read().strip()
    return int(output) if prefetch.returncode == 0 and output.isdigit() else 0


class _ParseBar:
    """A rich progress bar fed by the assets' progress reports: articles parsed, with articles per second."""

    def __init__(self):
        self.progress = Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                                 TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), console=console,
                                 transient=False)
        self.task = None
        self.parsed = 0
        self.started = None
        self.parse_seconds = 0.0

    def __call__(self, stage: str, done: int, total: int) -> None:
        if self.task is None:
            self.started = time.perf_counter()
            self.task = self.progress.add_task("parsing articles", total=total, rate="")
        self.parse_seconds = time.perf_counter() - self.started
        self.parsed = done
        self.progress.update(self.task, completed=done, rate=f"{done / max(self.parse_seconds, 1e-9):.1f} articles/s")


@contextmanager
def _progress_bar():
    bar = _ParseBar()
    progress.set_listener(bar)
    try:
        with bar.progress:
            yield bar
    finally:
        progress.set_listener(None)


def report(args: argparse.Namespace) -> int:
    """Open a snapshot's HTML report in a browser (or print its path where there is none)."""
    from . import storage

    try:
        path = storage.resolve(args.datasets, args.snapshot) / "report.html"
    except FileNotFoundError as error:
        console.print(f"[red]{error}[/red]")
        return 1
    if not path.exists():
        console.print(f"[red]{path} does not exist (snapshot written before reports existed)[/red]")
        return 1
    if not args.no_browser:
        webbrowser.open(path.as_uri() if isinstance(path, Path) else str(path))
    print(path)
    return 0


def _print_summary(manifest: dict) -> None:
    table = Table(title=f"snapshot {manifest['snapshot_id']}")
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, rows in manifest["row_counts"].items():
        table.add_row(name, str(rows))
    console.print(table)
    problems = manifest.get("input_problems", [])
    if problems:
        console.print(f"[yellow]{len(problems)} input problem(s)[/yellow] (all listed in manifest.json):")
        for problem in problems[:10]:
            console.print(f"  {problem['source_path']}: {problem['reason']}")
        if len(problems) > 10:
            console.print(f"  … and {len(problems) - 10} more")


def list_(args: argparse.Namespace) -> int:
    from . import storage

    snapshots = storage.list_snapshots(args.datasets)
    if not snapshots:
        console.print(f"no snapshots in {args.datasets}")
        return 0
    latest = storage.latest_id(args.datasets)
    table = Table()
    for column in ("snapshot", "created", "articles", "quotes", "figures", "events", "quarantine", ""):
        table.add_column(column)
    for info in snapshots:
        counts = info.row_counts
        table.add_row(info.snapshot_id, info.created_at, *(str(counts.get(t, "")) for t in
                      ("articles", "quotes", "figures", "events", "quarantine")),
                      "latest" if info.snapshot_id == latest else "")
    Console().print(table)
    return 0


def show(args: argparse.Namespace) -> int:
    import pandas as pd

    from . import storage

    try:
        manifest = storage.read_manifest(args.datasets, args.snapshot)
    except FileNotFoundError as error:
        console.print(f"[red]{error}[/red]")
        return 1
    out = Console()
    out.print(f"[bold]{manifest['snapshot_id']}[/bold]  created {manifest['created_at']}  "
              f"parent {manifest.get('parent_snapshot') or '-'}  code {manifest['code_version']}")
    out.print(f"path: {storage.resolve(args.datasets, args.snapshot)}")
    table = Table(title="tables")
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, rows in manifest["row_counts"].items():
        table.add_row(name, str(rows))
    out.print(table)
    tables = storage.load_snapshot(manifest["snapshot_id"], args.datasets)
    articles = tables["articles"]
    inputs = Table(title="articles")
    for column in ("article_id", "outlet", "published", "quotes", "figures", "events"):
        inputs.add_column(column)
    for row in articles.itertuples():
        date = "-" if pd.isna(row.published_date) else row.published_date.date().isoformat()
        outlet = "-" if pd.isna(row.outlet) else row.outlet
        inputs.add_row(row.article_id, outlet, f"{date} ({row.published_date_status})",
                       *(str(int((tables[t]["article_id"] == row.article_id).sum())) for t in ("quotes", "figures", "events")))
    out.print(inputs)
    if len(tables["quotes"]):
        speakers = tables["quotes"]["speaker"].value_counts().head(5)
        out.print("top speakers: " + ", ".join(f"{name} ({count})" for name, count in speakers.items()))
    out.print(f"quarantined rows: {manifest['validation']['quarantined_rows']}; "
              f"input problems: {len(manifest.get('input_problems', []))}")
    return 0


def diff(args: argparse.Namespace) -> int:
    from . import storage

    try:
        report = storage.diff_snapshots(args.datasets, args.old, args.new)
    except FileNotFoundError as error:
        console.print(f"[red]{error}[/red]")
        return 1
    table = Table(title=f"{args.old} -> {args.new}")
    for column in ("table", "added", "removed", "changed", "examples"):
        table.add_column(column)
    for name, row in report.items():
        table.add_row(name, str(row["added"]), str(row["removed"]), str(row["changed"]), " ".join(row["examples"]))
    Console().print(table)
    return 0


def prune(args: argparse.Namespace) -> int:
    from . import storage

    deleted = storage.prune_snapshots(args.datasets, args.keep)
    console.print(f"deleted {len(deleted)} snapshot(s): {' '.join(deleted) or '-'}; "
                  f"kept the {args.keep} newest and the latest")
    return 0


def ui(args: argparse.Namespace) -> int:
    """Start `dagster dev` on this code location with the repo's instance (dagster.yaml)."""
    ensure_dagster_home()
    os.chdir(REPO_ROOT)
    # The venv's own dagster, even when the venv is not activated; the code location comes from pyproject.toml.
    command = [sys.executable, "-m", "dagster", "dev", "-p", str(args.port)]
    os.execv(command[0], command)
    return 0  # unreachable


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="newsfacts", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p_build = sub.add_parser("build", help="materialize the asset graph and publish a snapshot")
    p_build.add_argument("--seeds", default=str(default_seeds_dir()))
    p_build.add_argument("--datasets", default=str(default_datasets_dir()))
    p_build.add_argument("--log-level", default="INFO", choices=["DEBUG", "INFO", "WARNING", "ERROR"])
    p_build.add_argument("--no-prefetch", action="store_true",
                         help="parse changed articles only inside the run, not ahead of it in a second process")
    p_build.set_defaults(func=build)
    p_watch = sub.add_parser("watch", help="build, then rebuild whenever the seeds change (Ctrl-C stops)")
    p_watch.add_argument("--seeds", default=str(default_seeds_dir()))
    p_watch.add_argument("--datasets", default=str(default_datasets_dir()))
    p_watch.add_argument("--log-level", default="WARNING", choices=["DEBUG", "INFO", "WARNING", "ERROR"])
    p_watch.add_argument("--interval", type=float, default=2.0, help="seconds between scans of the seeds folder")
    p_watch.add_argument("--max-builds", type=int, default=0, help="stop after this many builds (0: never)")
    p_watch.set_defaults(func=watch)
    p_list = sub.add_parser("list", help="list snapshots")
    p_list.add_argument("--datasets", default=str(default_datasets_dir()))
    p_list.set_defaults(func=list_)
    p_show = sub.add_parser("show", help="summarise one snapshot")
    p_show.add_argument("snapshot", nargs="?", default="latest")
    p_show.add_argument("--datasets", default=str(default_datasets_dir()))
    p_show.set_defaults(func=show)
    p_diff = sub.add_parser("diff", help="rows added, removed and changed per table between two snapshots")
    p_diff.add_argument("old")
    p_diff.add_argument("new", nargs="?", default="latest")
    p_diff.add_argument("--datasets", default=str(default_datasets_dir()))
    p_diff.set_defaults(func=diff)
    p_prune = sub.add_parser("prune", help="delete old snapshots, never the latest")
    p_prune.add_argument("--keep", type=int, default=5, help="how many of the newest snapshots to keep (default 5)")
    p_prune.add_argument("--datasets", default=str(default_datasets_dir()))
    p_prune.set_defaults(func=prune)
    p_report = sub.add_parser("report", help="open a snapshot's HTML report")
    p_report.add_argument("snapshot", nargs="?", default="latest")
    p_report.add_argument("--datasets", default=str(default_datasets_dir()))
    p_report.add_argument("--no-browser", action="store_true", help="only print the report's path")
    p_report.set_defaults(func=report)
    p_ui = sub.add_parser("ui", help="open the Dagster UI (dagster dev) on this repo")
    p_ui.add_argument("--port", type=int, default=3000)
    p_ui.set_defaults(func=ui)
    args = parser.parse_args(argv)
    return args.func(args)


def run() -> None:
    """The console entry point. It exits without tearing the interpreter down: after a build the process holds the
    spaCy model and every table, and freeing them object by object takes about a second. By then the snapshot,
    the run's event log and the output are all written; logging is shut down and the streams flushed first."""
    code = main()
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    run()
