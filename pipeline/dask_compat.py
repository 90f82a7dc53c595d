"""Dagster's Dask executor, with its task arguments shipped as one pickled payload.

dagster-dask 0.29 hands Dagster records (DagsterRun, KnownExecutionState) to `Client.submit` as they are; current
Dask walks every tuple it is given to find nested futures, and Dagster records forbid iteration, so every run
fails before a step starts ("Iteration is not allowed on `@record` RunOpConcurrency"). Pickling the arguments
into bytes keeps Dask from walking them; the worker unpickles them and runs dagster-dask's own step function.
Cluster set-up and everything else is dagster-dask's.
"""

from __future__ import annotations

import cloudpickle
import dagster as dg
from dagster._core.errors import raise_execution_interrupts
from dagster._core.execution.context.system import PlanOrchestrationContext
from dagster._core.execution.plan.plan import ExecutionPlan
from dagster._utils import iterate_with_context
from dagster_dask.executor import (
    DaskExecutor,
    get_dask_resource_requirements,
    query_on_dask_worker,
)


def run_step_payload(dependencies, payload: bytes):
    """On the worker: the step function of dagster-dask with the unpickled arguments."""
    return query_on_dask_worker(dependencies, *cloudpickle.loads(payload))


class PayloadDaskExecutor(DaskExecutor):
    def execute(self, plan_context: PlanOrchestrationContext, execution_plan: ExecutionPlan):
        import dask.distributed

        if not plan_context.instance.is_persistent:
            raise dg.DagsterInvariantViolationError("Dask execution requires a persistent DagsterInstance")
        job_name = plan_context.job_name
        if self.cluster_type == "existing":
            cluster = self.cluster_configuration["address"]
        elif self.cluster_type == "local":
            cluster = dask.distributed.LocalCluster(**self.build_dict(job_name))
        else:
            raise dg.DagsterInvariantViolationError(f"cluster type {self.cluster_type!r}: use 'local' or 'existing'")
        with dask.distributed.Client(cluster) as client:
            futures, by_step = [], {}
            for level in execution_plan.get_steps_to_execute_by_level():
                for step in level:
                    dependencies = [by_step[key] for step_input in step.step_inputs
                                    for key in step_input.dependency_keys]
                    payload = cloudpickle.dumps((
                        plan_context.reconstructable_job, plan_context.dagster_run, plan_context.run_config,
                        [step.key], plan_context.instance.get_ref(), execution_plan.known_state,
                    ))
                    future = client.submit(run_step_payload, dependencies, payload, key=f"{job_name}.{step.key}",
                                           resources=get_dask_resource_requirements(step.tags))
                    futures.append(future)
                    by_step[step.key] = future
            completed = dask.distributed.as_completed(futures, with_results=True)
            for _, events in iterate_with_context(raise_execution_interrupts, completed):
                yield from events


def dask_executor(cluster: dict) -> dg.ExecutorDefinition:
    """An executor definition for a local Dask cluster ({'local': {...}}) or an existing one ({'existing': {...}})."""
    (cluster_type, cluster_configuration), = cluster.items()

    @dg.executor(name="dask", requirements=dg.multiple_process_executor_requirements())
    def _dask(_init_context):
        return PayloadDaskExecutor(cluster_type=cluster_type, cluster_configuration=cluster_configuration)

    return _dask
