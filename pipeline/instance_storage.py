"""The embedded Dagster instance's SQLite storage, with the event log's database connections kept open.

Dagster's SqliteEventLogStorage creates a SQLAlchemy engine for every read and write and disposes of it afterwards,
so each of a run's ~170 events pays for a new engine, a new SQLite connection and compiling its INSERT again (the
statement cache belongs to the engine). On an incremental build that was half of the 0.85 s spent storing events.
PooledSqliteEventLogStorage keeps one engine per database file, the index and the few run shards used last, and
reuses it. Files, schema, WAL mode, busy timeout and locking are SQLite's as before, so the webserver and the daemon
read and write the same databases alongside. `dagster.yaml` selects it as `storage: custom:`."""

from __future__ import annotations

import os
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager

from dagster._core.storage.event_log.sqlite.sqlite_event_log import (
    INDEX_SHARD_NAME,
    SQLITE_BUSY_TIMEOUT_SECONDS,
    SqliteEventLogStorage,
)
from dagster._core.storage.sqlite_storage import DagsterSqliteStorage, _event_logs_directory
from dagster._serdes import ConfigurableClassData
from sqlalchemy import Connection, Engine, create_engine

# Run shards whose engines stay open: a run writes to one; the webserver may read many, one after another.
OPEN_RUN_SHARDS = 4


class PooledSqliteEventLogStorage(SqliteEventLogStorage):
    """SqliteEventLogStorage that reuses one engine per database file instead of creating one per connection."""

    def __init__(self, base_dir: str, inst_data: ConfigurableClassData | None = None):
        self._engines: OrderedDict[str, Engine] = OrderedDict()
        self._engines_pid = os.getpid()
        super().__init__(base_dir, inst_data=inst_data)

    @classmethod
    def from_config_value(cls, inst_data, config_value):  # noqa: D102 (the parent names its own class here)
        return cls(inst_data=inst_data, **config_value)

    def _engine(self, shard: str) -> Engine:
        if self._engines_pid != os.getpid():
            # A forked child must not share its parent's SQLite connections: forget them (the parent closes them).
            self._engines, self._engines_pid = OrderedDict(), os.getpid()
        engine = self._engines.pop(shard, None) or create_engine(
            self.conn_string_for_shard(shard), connect_args={"timeout": SQLITE_BUSY_TIMEOUT_SECONDS})
        self._engines[shard] = engine
        run_shards = [name for name in self._engines if name != INDEX_SHARD_NAME]
        for name in run_shards[:-OPEN_RUN_SHARDS]:
            self._engines.pop(name).dispose()
        return engine

    @contextmanager
    def _connect(self, shard: str) -> Iterator[Connection]:
        with self._db_lock:
            engine = self._engine(shard)
            if shard not in self._initialized_dbs:
                self._initdb(engine)
                self._initialized_dbs.add(shard)
            with engine.connect() as conn, conn.begin():
                yield conn

    def close_connections(self) -> None:
        with self._db_lock:
            while self._engines:
                self._engines.popitem()[1].dispose()

    def wipe(self) -> None:
        self.close_connections()  # before the run shards' files are deleted
        super().wipe()

    def dispose(self) -> None:
        self.close_connections()
        super().dispose()


class SqliteStorageWithPooledEventLog(DagsterSqliteStorage):
    """Dagster's default SQLite storage (same folders, same run and schedule storage) with the pooled event log."""

    def __init__(self, base_dir: str, inst_data: ConfigurableClassData | None = None):
        super().__init__(base_dir, inst_data=inst_data)
        self._event_log_storage = PooledSqliteEventLogStorage(_event_logs_directory(base_dir))

    @classmethod
    def from_config_value(cls, inst_data, config_value):  # noqa: D102 (the parent names its own class here)
        return cls.from_local(inst_data=inst_data, **config_value)
