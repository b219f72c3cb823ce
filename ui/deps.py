"""Loading the answerer once and handing it to routes."""

from __future__ import annotations

import logging
from typing import Annotated

from fastapi import Depends, Request

from corpus.documents import load_corpus
from retrieval.answer import Thresholds
from retrieval.answerer import Answerer, AnswerPolicy
from retrieval.build import load_or_build
from retrieval.encoder import Encoder
from ui.settings import Settings

log = logging.getLogger("verbatim")


def load_answerer(settings: Settings) -> Answerer:
    """Load the model and the index (rebuilding a stale one) and make the answerer."""
    documents = load_corpus(settings.corpus_dir)
    encoder = Encoder(settings.model_path)
    built = load_or_build(documents, encoder, settings.index_dir)
    for warning in built.warnings:
        log.warning("corpus: %s", warning)
    policy = AnswerPolicy(
        thresholds=Thresholds(),
        resources=settings.resources,
        disclaimer=settings.disclaimer,
    )
    suggestions = [s for doc in documents for s in doc.suggestions]
    return Answerer(encoder, built.index, suggestions=suggestions, policy=policy)


def get_answerer(request: Request) -> Answerer:
    """The answerer the lifespan loaded."""
    answerer: Answerer = request.app.state.answerer
    return answerer


AnswererDep = Annotated[Answerer, Depends(get_answerer)]
