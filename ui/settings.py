"""Settings, read once from ``VERBATIM_*`` environment variables (or a .env file)."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from corpus.documents import DEFAULT_DIR
from retrieval.answer import DEFAULT_DISCLAIMER, DEFAULT_RESOURCES, Resource
from retrieval.encoder import default_model_path


class Settings(BaseSettings):
    """Everything a deployment may set; validated at start-up."""

    model_config = SettingsConfigDict(env_prefix="VERBATIM_", env_file=".env", extra="ignore")

    data_dir: Path = Path("data")
    corpus_dir: Path = DEFAULT_DIR
    model_path: Path = Field(default_factory=default_model_path)
    disclaimer: str = DEFAULT_DISCLAIMER
    # JSON list of {"name", "contact", "url"}: a clinic outside the US sets its own lines.
    crisis_resources: str = json.dumps([r.__dict__ for r in DEFAULT_RESOURCES])

    @field_validator("disclaimer")
    @classmethod
    def _disclaimer_not_empty(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("the disclaimer may not be empty")
        return value

    @field_validator("crisis_resources")
    @classmethod
    def _resources_valid(cls, value: str) -> str:
        parse_resources(value)
        return value

    @property
    def index_dir(self) -> Path:
        """Where the FAISS index and its manifest live."""
        return self.data_dir / "index"

    @property
    def resources(self) -> tuple[Resource, ...]:
        """The crisis resources as typed values."""
        return parse_resources(self.crisis_resources)


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
    return resources


@lru_cache
def get_settings() -> Settings:
    """The settings of this process (tests override the dependency)."""
    return Settings()
