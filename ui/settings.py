"""Settings, read once from ``VERBATIM_*`` environment variables (or a .env file)."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from corpus.documents import DEFAULT_DIR
from retrieval.answer import DEFAULT_DISCLAIMER, DEFAULT_RESOURCES, LINK_SCHEMES, Resource
from retrieval.encoder import default_model_path
from ui.framing import parse_origins

MIN_STAFF_PASSWORD = 12


class Settings(BaseSettings):
    """Everything a deployment may set; validated at start-up."""

    model_config = SettingsConfigDict(env_prefix="VERBATIM_", env_file=".env", extra="ignore")

    data_dir: Path = Path("data")
    corpus_dir: Path = DEFAULT_DIR
    model_path: Path = Field(default_factory=default_model_path)
    disclaimer: str = DEFAULT_DISCLAIMER
    # JSON list of {"name", "contact", "url"}: a clinic outside the US sets its own lines.
    crisis_resources: str = json.dumps([r.__dict__ for r in DEFAULT_RESOURCES])
    # Comma-separated origins (https://clinic.example) allowed to frame /embed; empty: none.
    embed_origins: str = ""
    # The staff console's log of answers; any SQLAlchemy URL (PostgreSQL for several servers).
    database_url: str = ""  # empty: a SQLite file in data_dir
    retention_days: int = Field(default=30, ge=1)
    staff_password: SecretStr | None = None  # unset: /staff and /api/staff/* answer 404
    staff_session_hours: float = Field(default=8.0, gt=0, le=24 * 7)
    eval_set: Path = Path("eval/dev.jsonl")  # the staff console evaluates it with the labels

    @field_validator("disclaimer")
    @classmethod
    def _disclaimer_not_empty(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("the disclaimer may not be empty")
        return value

    @field_validator("staff_password")
    @classmethod
    def _staff_password_strong(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None or not value.get_secret_value():
            return None
        if len(value.get_secret_value()) < MIN_STAFF_PASSWORD:
            raise ValueError(
                f"VERBATIM_STAFF_PASSWORD must have at least {MIN_STAFF_PASSWORD} characters"
            )
        return value

    @field_validator("database_url")
    @classmethod
    def _database_lasts(cls, value: str) -> str:
        if value:
            check_database_url(value)
        return value

    @field_validator("crisis_resources")
    @classmethod
    def _resources_valid(cls, value: str) -> str:
        parse_resources(value)
        return value

    @field_validator("embed_origins")
    @classmethod
    def _origins_valid(cls, value: str) -> str:
        parse_origins(value)
        return value

    @property
    def embed_origin_list(self) -> tuple[str, ...]:
        """The origins allowed to frame /embed, normalised."""
        return parse_origins(self.embed_origins)

    @property
    def index_dir(self) -> Path:
        """Where the FAISS index and its manifest live."""
        return self.data_dir / "index"

    @property
    def graph_dir(self) -> Path:
        """Where the model's ONNX graph is kept, exported once per model."""
        return self.data_dir / "model"

    @property
    def logbook_url(self) -> str:
        """The database of the answer log: the setting, or a SQLite file in data_dir."""
        return self.database_url or f"sqlite:///{(self.data_dir / 'verbatim.db').resolve()}"

    @property
    def resources(self) -> tuple[Resource, ...]:
        """The crisis resources as typed values."""
        return parse_resources(self.crisis_resources)


def check_database_url(value: str) -> None:
    """Refuse a URL SQLAlchemy cannot read, and an in-memory SQLite database: its answers
    would vanish at restart, and each thread (the log's writer, every request) would get a
    database of its own, so staff would never see what visitors asked."""
    try:
        url = make_url(value)
    except ArgumentError as exc:
        raise ValueError(
            "VERBATIM_DATABASE_URL is not a database URL like sqlite:////srv/verbatim.db"
            " or postgresql://user@host/verbatim"
        ) from exc
    database = url.database or ""
    in_memory = not database or ":memory:" in database or url.query.get("mode") == "memory"
    if url.get_backend_name() == "sqlite" and in_memory:
        raise ValueError(
            "VERBATIM_DATABASE_URL: an in-memory SQLite log would lose every answer at restart"
            " and give each thread its own copy; use a file, e.g. sqlite:////srv/verbatim.db"
        )
    try:
        url.get_dialect().import_dbapi()
    except NoSuchModuleError as exc:
        raise ValueError(f"VERBATIM_DATABASE_URL: no such database type: {exc}") from exc
    except ImportError as exc:
        postgres = url.get_backend_name() == "postgresql"
        extra = " (pip install 'verbatim[postgres]')" if postgres else ""
        raise ValueError(
            f"VERBATIM_DATABASE_URL: the driver for {url.drivername} is not installed{extra}: {exc}"
        ) from exc


def parse_resources(value: str) -> tuple[Resource, ...]:
    """Parse the JSON list of crisis resources; at least one is required."""
    try:
        rows = json.loads(value)
        resources = tuple(
            Resource(str(r["name"]), str(r["contact"]), str(r.get("url", ""))) for r in rows
        )
    except (ValueError, TypeError, KeyError) as exc:
        raise ValueError(
            'VERBATIM_CRISIS_RESOURCES must be a JSON list of {"name", "contact", "url"}'
        ) from exc
    if not resources:
        raise ValueError("VERBATIM_CRISIS_RESOURCES may not be empty: people in crisis need a line")
    for resource in resources:
        if resource.url and not resource.url.lower().startswith(LINK_SCHEMES):
            raise ValueError(
                f"VERBATIM_CRISIS_RESOURCES: {resource.name!r} has url {resource.url!r}; use"
                " https://…, tel:…, sms:… or mailto:…, or leave it empty (it would not be a link)"
            )
    return resources


@lru_cache
def get_settings() -> Settings:
    """The settings of this process (tests override the dependency)."""
    return Settings()
