"""The answer log's migrations: every database reaches the schema the model classes describe."""

from __future__ import annotations

import multiprocessing
import shutil
from multiprocessing.synchronize import Barrier
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text

from ui import migrations
from ui.errors import LogbookError
from ui.logbook import Filters, Logbook, metadata
from ui.migrations import BASELINE, current, head, upgrade


def test_a_new_database_reaches_the_schema_of_the_model_classes(database_url: str) -> None:
    engine = create_engine(database_url)
    upgrade(engine)
    assert current(engine) == head()
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), metadata)
    assert differences == [], "a model class changed without a migration: verbatim new-migration"


def test_upgrading_twice_changes_nothing(database_url: str) -> None:
    engine = create_engine(database_url)
    upgrade(engine)
    upgrade(engine)
    assert current(engine) == head()


def test_a_log_from_before_migrations_keeps_its_answers(database_url: str) -> None:
    engine = create_engine(database_url)
    with engine.begin() as connection:  # the baseline's tables, without a version
        command.upgrade(migrations.config(connection), BASELINE)
        connection.execute(text("DROP TABLE alembic_version"))
        connection.execute(
            text(
                "INSERT INTO answers (id, asked_at, conversation_id, question, kind, message,"
                " passages, suggestions, latency_ms, model, index_hash) VALUES ('a1',"
                " '2026-11-20 10:00:00', 'c1', 'what is CBT?', 'answer', 'Here:', '[]', '[]',"
                " 12.0, 'mini', 'abc')"
            )
        )
    book = Logbook(database_url)
    book.create_schema()
    assert current(engine) == head()
    assert [e.question for e in book.entries(Filters())] == ["what is CBT?"]
    book.close()


def test_a_new_migration_is_numbered_after_the_latest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    latest = head()
    copy = tmp_path / "migrations"
    shutil.copytree(migrations.HERE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(migrations, "HERE", copy)
    written = migrations.new_revision("nothing changed")
    assert written.parent == copy / "versions"
    assert written.name.startswith(f"{int(latest) + 1:04d}_nothing_changed")
    source = written.read_text()
    assert f'down_revision = "{latest}"' in source
    upgrade_body = source.split("def upgrade()")[1].split("def downgrade()")[0]
    assert "op." not in upgrade_body  # the models match the latest revision: nothing to do
    assert head() == f"{int(latest) + 1:04d}"


def test_a_log_migrated_by_a_newer_version_is_a_logbook_error(database_url: str) -> None:
    engine = create_engine(database_url)
    upgrade(engine)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    book = Logbook(database_url)
    with pytest.raises(LogbookError, match="cannot be migrated"):
        book.create_schema()
    assert not book.schema_ready
    book.close()


FAILING_MIGRATION = '''"""Adds a column, then fails."""

import sqlalchemy as sa
from alembic import op

revision = "{number}"
down_revision = "{latest}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("answers") as batch:
        batch.add_column(sa.Column("half_done", sa.Text(), nullable=True))
    op.create_table("also_half_done", sa.Column("id", sa.Integer(), primary_key=True))
    raise RuntimeError("the migration failed half way")


def downgrade() -> None:
    pass
'''


def test_a_migration_failing_half_way_leaves_the_log_as_it_was(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    book = Logbook(database_url)
    book.create_schema()
    latest = head()
    copy = tmp_path / "migrations"
    shutil.copytree(migrations.HERE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    number = f"{int(latest) + 1:04d}"
    script = FAILING_MIGRATION.format(number=number, latest=latest)
    (copy / "versions" / f"{number}_fails.py").write_text(script)
    monkeypatch.setattr(migrations, "HERE", copy)
    with pytest.raises(RuntimeError, match="half way"):
        book.create_schema()
    engine = create_engine(database_url)
    assert current(engine) == latest
    schema = inspect(engine)
    assert "also_half_done" not in schema.get_table_names()
    assert "half_done" not in {column["name"] for column in schema.get_columns("answers")}
    book.close()


def _start_up(url: str, start: Barrier) -> None:
    """What a server does first: upgrade the log (in a process of its own, as servers are)."""
    engine = create_engine(url)
    start.wait()
    upgrade(engine)


def test_servers_starting_together_migrate_one_at_a_time(database_url: str) -> None:
    """Every server upgrades the log at start-up. Two at once on a new database would both
    create the tables, and one would fail; the upgrade holds a lock."""
    url = database_url
    spawn = multiprocessing.get_context("spawn")
    start = spawn.Barrier(4)
    servers = [spawn.Process(target=_start_up, args=(url, start)) for _ in range(4)]
    try:
        for server in servers:
            server.start()
        for server in servers:
            server.join(timeout=120)
        assert [server.exitcode for server in servers] == [0, 0, 0, 0]
    finally:
        for server in servers:
            if server.is_alive():
                server.kill()
    assert current(create_engine(url)) == head()
