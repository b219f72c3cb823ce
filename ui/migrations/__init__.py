"""The answer log's schema as Alembic migrations: every database is brought to the latest one.

A deployed log holds weeks of answers, feedback and labels; a changed model class must never
meet an old table unprepared. ``upgrade`` runs at start-up; ``new_revision`` writes the next
migration by comparing the model classes with a scratch database at the latest revision.
"""

from __future__ import annotations

import importlib.util
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.pool import NullPool

HERE = Path(__file__).parent
# The revision whose tables the log had before it had migrations (`create_all`): a database
# with those tables and no version is stamped with it, then upgraded.
BASELINE = "0001"
# The PostgreSQL advisory lock the upgrade holds (any number the application uses for no
# other lock: "verb" in ASCII).
UPGRADE_LOCK = 0x76657262
MIGRATION_WAIT_S = 60.0  # how long a server waits for another's migration on SQLite


def config(connection: Connection | None = None) -> Config:
    """Alembic's settings, in code: no alembic.ini to keep in step with ``VERBATIM_*``.

    A new migration is formatted as `make lint` wants it when ruff (a dev tool) is installed.
    """
    settings = Config()
    settings.set_main_option("script_location", str(HERE))
    settings.attributes["connection"] = connection
    if importlib.util.find_spec("ruff") is not None:
        hooks = {"fix": "check --fix --quiet", "format": "format --quiet"}
        settings.set_section_option("post_write_hooks", "hooks", ", ".join(hooks))
        for name, options in hooks.items():
            settings.set_section_option("post_write_hooks", f"{name}.type", "module")
            settings.set_section_option("post_write_hooks", f"{name}.module", "ruff")
            settings.set_section_option(
                "post_write_hooks", f"{name}.options", f"{options} REVISION_SCRIPT_FILENAME"
            )
    return settings


def upgrade(engine: Engine) -> None:
    """Bring the database's tables to the latest revision, in one transaction.

    Every server upgrades at start-up, and servers start together. On PostgreSQL the upgrade
    holds a lock until it commits, so the next one finds the work done instead of creating
    the same tables (tested); on SQLite, the migration's transaction takes the write lock
    first (``_transactional_ddl``).
    """
    with _transactional_ddl(engine) as migrating, migrating.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": UPGRADE_LOCK})
        settings = config(connection)
        tables = set(inspect(connection).get_table_names())
        if "answers" in tables and "alembic_version" not in tables:
            command.stamp(settings, BASELINE)
        command.upgrade(settings, "head")


@contextmanager
def _transactional_ddl(engine: Engine) -> Iterator[Engine]:
    """An engine whose transactions hold DDL too.

    Python's sqlite3 begins a transaction only before INSERT, UPDATE and DELETE, so CREATE and
    ALTER run outside any: a migration failing half way would leave half a schema behind, and
    every later start-up would fail on it (tested). For
    SQLite the migration gets an engine of its own that begins its transactions itself, as
    SQLAlchemy's documentation for pysqlite shows; the log's own engine keeps the driver's
    way, where a read starts no transaction and a later write cannot find its snapshot stale.
    """
    if engine.dialect.name != "sqlite":
        yield engine
        return
    # Servers starting together wait for one another's migration, a minute at most.
    own = create_engine(engine.url, poolclass=NullPool, connect_args={"timeout": MIGRATION_WAIT_S})

    @event.listens_for(own, "connect")
    def _no_driver_transactions(dbapi_connection: Any, _record: object) -> None:
        dbapi_connection.isolation_level = None

    @event.listens_for(own, "begin")
    def _begin(connection: Connection) -> None:
        # IMMEDIATE: the write lock from the start. A plain BEGIN reads the tables first, and
        # two servers starting together would each wait for the other to stop reading.
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    try:
        yield own
    finally:
        own.dispose()


def current(engine: Engine) -> str | None:
    """The revision the database is at (None before the first upgrade)."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head() -> str:
    """The latest revision in ``versions/``."""
    revision = ScriptDirectory.from_config(config()).get_current_head()
    if revision is None:  # pragma: no cover - the folder ships with the package
        raise RuntimeError(f"no migrations in {HERE / 'versions'}")
    return revision


def new_revision(message: str) -> Path:
    """Write the next migration: what the model classes add to the latest revision.

    Compared against a scratch SQLite database, so no live log is needed; read the file it
    writes before committing it (autogenerate misses renames and some type changes).
    """
    number = f"{int(head()) + 1:04d}"
    with tempfile.TemporaryDirectory() as scratch:
        engine = create_engine(f"sqlite:///{Path(scratch) / 'head.db'}")
        try:
            upgrade(engine)
            with engine.begin() as connection:
                script = command.revision(
                    config(connection), message, autogenerate=True, rev_id=number
                )
        finally:
            engine.dispose()
    if script is None or isinstance(script, list):  # pragma: no cover - one head, one script
        raise RuntimeError("alembic wrote no single revision")
    return Path(script.path)
