"""Issue 8: the real Dagster webserver launches a materialization of the whole graph, and it publishes a snapshot."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from conftest import REPO, SEEDS


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_materialization_launched_through_the_webserver(tmp_path):
    from dagster_graphql import DagsterGraphQLClient

    home, seeds, datasets = tmp_path / "home", tmp_path / "seeds", tmp_path / "datasets"
    home.mkdir()
    # the repo's instance configuration (its storage, run queue and pools), with its folders in this test's home
    settings = (REPO / "dagster.yaml").read_text().replace("base_dir: .dagster", f"base_dir: {home}/.dagster")
    (home / "dagster.yaml").write_text(settings)
    shutil.copytree(SEEDS, seeds)
    port = _free_port()
    env = {**os.environ, "DAGSTER_HOME": str(home), "NEWSFACTS_SEEDS": str(seeds),
           "NEWSFACTS_DATASETS": str(datasets), "NEWSFACTS_CACHE": str(tmp_path / "cache")}
    server = subprocess.Popen(
        [os.path.join(os.path.dirname(sys.executable), "dagster"), "dev", "-m", "pipeline.definitions",
         "-h", "127.0.0.1", "-p", str(port)],
        cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 180
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/server_info", timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    pytest.fail("the Dagster webserver did not start")
                time.sleep(1)
        client = DagsterGraphQLClient("127.0.0.1", port_number=port)
        run_id = client.submit_job_execution("build_dataset")
        while (status := client.get_run_status(run_id).value) not in ("SUCCESS", "FAILURE", "CANCELED"):
            assert time.monotonic() < deadline + 300, "the run did not finish"
            time.sleep(2)
        assert status == "SUCCESS"
        snapshot = datasets / (datasets / "LATEST").read_text().strip()
        assert (snapshot / "manifest.json").exists() and (snapshot / "report.html").exists()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
