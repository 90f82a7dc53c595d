"""The run executor, chosen per environment: in-process by default, Dask for a cluster.

    NEWSFACTS_EXECUTOR=in_process | multiprocess | dask
    NEWSFACTS_DASK_SCHEDULER=tcp://host:8786   # an existing Dask scheduler; unset: a local cluster
"""

from __future__ import annotations

import os

import dagster as dg

EXECUTOR_ENV = "NEWSFACTS_EXECUTOR"
DASK_SCHEDULER_ENV = "NEWSFACTS_DASK_SCHEDULER"


def executor_from_env() -> dg.ExecutorDefinition:
    kind = os.environ.get(EXECUTOR_ENV, "in_process")
    if kind == "in_process":
        # One spaCy model in one process; nlp.pipe already uses both cores for the parse.
        return dg.in_process_executor
    if kind == "multiprocess":
        return dg.multiprocess_executor
    if kind == "dask":
        from .dask_compat import dask_executor

        address = os.environ.get(DASK_SCHEDULER_ENV)
        cluster = {"existing": {"address": address}} if address else {
            "local": {"n_workers": 2, "threads_per_worker": 1, "processes": True}}
        return dask_executor(cluster)
    raise ValueError(f"{EXECUTOR_ENV}={kind!r}: expected in_process, multiprocess or dask")
