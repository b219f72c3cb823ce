"""Shared fixtures: the real article, the real (offline) model, one index built per session."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

from corpus.documents import Document, load_corpus
from retrieval.answerer import Answerer
from retrieval.build import Built, build_and_save
from retrieval.encoder import Encoder, default_model_path
from tests.browser import launch_chromium
from tests.postgres import Postgres, running_postgres

if TYPE_CHECKING:
    from playwright.sync_api import Browser


@pytest.fixture(scope="session")
def documents() -> list[Document]:
    """The corpus as shipped: the catalog and its one article."""
    return load_corpus()


@pytest.fixture(scope="session")
def article(documents: list[Document]) -> Document:
    """The clinic's article, the only document of the corpus."""
    return documents[0]


@pytest.fixture(scope="session")
def encoder() -> Encoder:
    """The real MiniLM model, loaded once (about five seconds)."""
    return Encoder(default_model_path())


@pytest.fixture(scope="session")
def index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the session's index is saved."""
    return tmp_path_factory.mktemp("index")


@pytest.fixture(scope="session")
def built_index(documents: list[Document], encoder: Encoder, index_dir: Path) -> Built:
    """The real article chunked, embedded and saved to ``index_dir``."""
    return build_and_save(documents, encoder, index_dir)


@pytest.fixture(scope="session")
def answerer(documents: list[Document], encoder: Encoder, built_index: Built) -> Answerer:
    """The whole question-to-answer path over the real index, with the catalog's suggestions."""
    return Answerer.for_documents(encoder, built_index.index, documents)


@pytest.fixture(scope="session")
def chromium() -> Iterator[Browser]:
    """Debian's Chromium through Playwright, one per session (see tests/browser.py)."""
    with launch_chromium() as browser:
        yield browser


@pytest.fixture(scope="session")
def postgres() -> Iterator[Postgres]:
    """A throwaway PostgreSQL server, one per session (see tests/postgres.py)."""
    with running_postgres() as server:
        yield server


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty answer log on each database the log supports."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'log.db'}"
    server: Postgres = request.getfixturevalue("postgres")
    return server.create_database()
