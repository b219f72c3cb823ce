"""The answer log's migrations: every database reaches the schema the model classes describe."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, text

from ui import migrations
from ui.errors import LogbookError
from ui.logbook import Filters, Logbook, metadata
from ui.migrations import current, head, upgrade


def _url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'log.db'}"


def test_a_new_database_reaches_the_schema_of_the_model_classes(tmp_path: Path) -> None:
    engine = create_engine(_url(tmp_path))
    upgrade(engine)
    assert current(engine) == head()
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), metadata)
    assert differences == [], "a model class changed without a migration: verbatim new-migration"


def test_upgrading_twice_changes_nothing(tmp_path: Path) -> None:
    engine = create_engine(_url(tmp_path))
    upgrade(engine)
    upgrade(engine)
    assert current(engine) == head()


def test_a_log_from_before_migrations_keeps_its_answers(tmp_path: Path) -> None:
    engine = create_engine(_url(tmp_path))
    with engine.begin() as connection:  # the baseline's tables, as create_all made them
        for table in metadata.sorted_tables:
            table.create(connection)
        connection.execute(
            text(
                "INSERT INTO answers (id, asked_at, conversation_id, question, kind, message,"
                " passages, suggestions, latency_ms, model, index_hash) VALUES ('a1',"
                " '2026-11-20 10:00:00', 'c1', 'what is CBT?', 'answer', 'Here:', '[]', '[]',"
                " 12.0, 'mini', 'abc')"
            )
        )
    book = Logbook(_url(tmp_path))
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


def test_a_log_migrated_by_a_newer_version_is_a_logbook_error(tmp_path: Path) -> None:
    engine = create_engine(_url(tmp_path))
    upgrade(engine)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    book = Logbook(_url(tmp_path))
    with pytest.raises(LogbookError, match="cannot be migrated"):
        book.create_schema()
    assert not book.schema_ready
    book.close()
