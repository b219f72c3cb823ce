"""Loading the answerer and opening the logbook once, and handing them to routes."""

from __future__ import annotations

import logging
import os
from typing import Annotated

from fastapi import Depends, Request
from threadpoolctl import threadpool_limits

from corpus.documents import load_corpus
from retrieval.answer import Thresholds
from retrieval.answerer import Answerer, AnswerPolicy
from retrieval.build import load_or_build
from retrieval.crisis_net import CrisisNet
from retrieval.encoder import Encoder
from ui.errors import LogbookError
from ui.logbook import Logbook
from ui.settings import Settings

log = logging.getLogger("verbatim")


def limit_blas_threads() -> None:
    """One thread for every BLAS pool loaded so far (numpy's, faiss's and its OpenMP).

    The model's threads should own the cores. BLAS threads left at their default keep
    spinning after each tiny vector product and slowed the next model call: an answer took
    2.6 times the model call instead of 1.4 on 2 cores (docs/quality.md). Call it once the
    model and the index are loaded; it sets the whole process.
    """
    threadpool_limits(1, user_api="blas")


def load_answerer(settings: Settings) -> Answerer:
    """Load the model and the index (rebuilding a stale one) and make the answerer."""
    documents = load_corpus(settings.corpus_dir)
    encoder = Encoder(settings.model_path, graph_dir=settings.graph_dir)
    built = load_or_build(documents, encoder, settings.index_dir)
    limit_blas_threads()
    for warning in built.warnings:
        log.warning("corpus: %s", warning)
    policy = AnswerPolicy(
        thresholds=Thresholds(),
        resources=settings.resources,
        disclaimer=settings.disclaimer,
    )
    crisis_net = CrisisNet.load_or_embed(encoder, settings.index_dir)
    return Answerer.for_documents(
        encoder, built.index, documents, policy=policy, crisis_net=crisis_net
    )


async def get_answerer(request: Request) -> Answerer:
    """The answerer the lifespan loaded (async: FastAPI would run a plain function on its
    thread pool, a thread hop for reading an attribute)."""
    answerer: Answerer = request.app.state.answerer
    return answerer


AnswererDep = Annotated[Answerer, Depends(get_answerer)]


def open_logbook(settings: Settings) -> Logbook:
    """Open the answer log and create its tables; a failing database is logged, not fatal."""
    if not settings.database_url:
        # The default SQLite file holds health data: readable by this user only.
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        path = settings.data_dir / "verbatim.db"
        if not path.exists():
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    logbook = Logbook(settings.logbook_url)
    try:
        logbook.create_schema()
    except LogbookError as exc:
        logbook.failures += 1
        logbook.last_failed = True
        log.error("%s: will retry with each answer", exc)
    return logbook


async def get_logbook(request: Request) -> Logbook:
    """The logbook the lifespan opened."""
    logbook: Logbook = request.app.state.logbook
    return logbook


LogbookDep = Annotated[Logbook, Depends(get_logbook)]
