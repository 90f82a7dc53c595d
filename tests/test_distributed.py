"""Issue 7: the same asset graph on a Dask cluster and on Postgres instance storage gives the same snapshot."""

import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import dagster as dg
import pytest
from conftest import SEEDS

from pipeline.definitions import BUILD_JOB, build_defs, build_job_from_env


def _embedded_snapshot(seeds, datasets) -> str:
    result = build_defs(str(seeds), str(datasets)).resolve_job_def(BUILD_JOB).execute_in_process(
        instance=dg.DagsterInstance.ephemeral())
    assert result.success
    return Path(result.output_for_node("dataset_snapshot")).name


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    root = tmp_path_factory.mktemp("reference")
    shutil.copytree(SEEDS, root / "seeds")
    return root / "seeds", _embedded_snapshot(root / "seeds", root / "datasets")


def test_dask_executor_gives_the_same_snapshot(reference, tmp_path, monkeypatch):
    pytest.importorskip("dagster_dask")
    seeds, expected = reference
    monkeypatch.setenv("NEWSFACTS_EXECUTOR", "dask")  # a distributed.LocalCluster with two worker processes
    monkeypatch.setenv("NEWSFACTS_SEEDS", str(seeds))
    monkeypatch.setenv("NEWSFACTS_DATASETS", str(tmp_path / "datasets"))
    monkeypatch.setenv("NEWSFACTS_CACHE", str(tmp_path / "cache"))
    (tmp_path / "home").mkdir()
    with dg.DagsterInstance.local_temp(str(tmp_path / "home")) as instance:
        result = dg.execute_job(dg.reconstructable(build_job_from_env), instance=instance)
        assert result.success
    assert (tmp_path / "datasets" / "LATEST").read_text().strip() == expected


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def postgres(tmp_path):
    """A real PostgreSQL server (Debian's package) on loopback, run as the unprivileged 'postgres' user."""
    pytest.importorskip("dagster_postgres")
    bindir = next((Path(p).parent for p in (shutil.which("initdb"), *sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb")))
                   if p), None)
    if bindir is None:
        pytest.skip("no PostgreSQL server binaries (initdb) on this machine: apt-get install postgresql")
    # Outside pytest's private tmp folder: the server runs as another user and must reach its files.
    root = Path(tempfile.mkdtemp(prefix="newsfacts-pg-"))
    data, port = root / "pgdata", _free_port()
    data.mkdir()
    run_as: list[str] = []
    if os.geteuid() == 0:  # initdb refuses to run as root
        if shutil.which("runuser") is None:
            pytest.skip("running as root without runuser: cannot start PostgreSQL as an unprivileged user")
        try:
            shutil.chown(root, "postgres")
            shutil.chown(data, "postgres")
        except LookupError:
            pytest.skip("running as root and there is no 'postgres' user to run the server as")
        run_as = ["runuser", "-u", "postgres", "--"]
    try:
        subprocess.run([*run_as, str(bindir / "initdb"), "-D", str(data), "-U", "dagster", "--auth=trust"],
                       check=True, capture_output=True, timeout=120)
        subprocess.run([*run_as, str(bindir / "pg_ctl"), "-D", str(data), "-w", "-l", str(root / "pg.log"), "-o",
                        f"-p {port} -k {root} -c listen_addresses=127.0.0.1", "start"],
                       check=True, capture_output=True, timeout=120)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, KeyError) as error:
        pytest.skip(f"could not start PostgreSQL: {error}")
    yield {"hostname": "127.0.0.1", "port": port, "username": "dagster", "password": "", "db_name": "postgres"}
    subprocess.run([*run_as, str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"], capture_output=True)
    shutil.rmtree(root, ignore_errors=True)


def test_postgres_instance_storage_gives_the_same_snapshot(reference, postgres, tmp_path):
    seeds, expected = reference
    home = tmp_path / "home"
    home.mkdir()
    # psycopg2 named explicitly: SQLAlchemy 2.1 would otherwise pick psycopg 3, which dagster-postgres does not support
    url = f"postgresql+psycopg2://{postgres['username']}@{postgres['hostname']}:{postgres['port']}/{postgres['db_name']}"
    (home / "dagster.yaml").write_text(
        f"storage:\n  postgres:\n    postgres_url: {url}\ntelemetry:\n  enabled: false\n")
    with dg.DagsterInstance.from_config(str(home)) as instance:
        assert "Postgres" in type(instance.run_storage).__name__
        result = build_defs(str(seeds), str(tmp_path / "datasets"), str(tmp_path / "cache")) \
            .resolve_job_def(BUILD_JOB).execute_in_process(instance=instance)
        assert result.success
        assert instance.get_run_by_id(result.run_id) is not None  # the run is stored in PostgreSQL
    assert (tmp_path / "datasets" / "LATEST").read_text().strip() == expected
