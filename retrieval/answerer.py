"""The whole path from a question to an Answer: detectors, hybrid search, composition."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from retrieval.advice import asks_personal_advice
from retrieval.answer import (
    DEFAULT_DISCLAIMER,
    DEFAULT_RESOURCES,
    Answer,
    Resource,
    Thresholds,
    compose_answer,
    select_passages,
)
from retrieval.crisis import signals_crisis
from retrieval.encoder import Encoder, Vectors
from retrieval.index import PassageIndex
from retrieval.search import FusionWeights, Searcher
from retrieval.vocabulary import is_everyday, without_word

SUGGESTION_COUNT = 3


@dataclass(frozen=True)
class AnswerPolicy:
    """Everything about answering that a deployment may set."""

    thresholds: Thresholds = field(default_factory=Thresholds)
    weights: FusionWeights = field(default_factory=FusionWeights)
    resources: tuple[Resource, ...] = DEFAULT_RESOURCES
    disclaimer: str = DEFAULT_DISCLAIMER


class Answerer:
    """Answers questions from one index, quoting it."""

    def __init__(
        self,
        encoder: Encoder,
        index: PassageIndex,
        *,
        suggestions: list[str],
        policy: AnswerPolicy | None = None,
    ) -> None:
        self.encoder = encoder
        self.index = index
        self.policy = policy or AnswerPolicy()
        self.searcher = Searcher(index, weights=self.policy.weights)
        self.suggestions = suggestions
        self._suggestion_vectors = encoder.encode(suggestions) if suggestions else None

    def ask(self, question: str, *, top_k: int = 3) -> Answer:
        """Answer one question with at most top_k quoted passages."""
        policy = self.policy
        if signals_crisis(question):
            return compose_answer(
                [],
                crisis=True,
                advice=False,
                missing=[],
                suggestions=[],
                resources=list(policy.resources),
                disclaimer=policy.disclaimer,
            )
        # One encode call for the question and, for each uncommon word the article never
        # uses, the question without it: the model call is most of the latency.
        candidates = [
            w for w in self.searcher.vocabulary.unknown_words(question) if not is_everyday(w)
        ]
        vectors = self.encoder.encode([question, *(without_word(question, w) for w in candidates)])
        query = vectors[0]
        retrieved = self.searcher.search(question, query, top_k=top_k)
        passages = select_passages(retrieved, policy.thresholds)
        missing = self.missing_words(candidates, query, vectors[1:]) if passages else []
        return compose_answer(
            passages,
            crisis=False,
            advice=asks_personal_advice(question),
            missing=missing,
            suggestions=self.suggest(query),
            resources=list(policy.resources),
            disclaimer=policy.disclaimer,
        )

    def missing_words(self, candidates: list[str], query: Vectors, reduced: Vectors) -> list[str]:
        """The candidate words the question hinges on: removing one moves its embedding."""
        shift = 1.0 - reduced @ query
        limit = self.policy.thresholds.missing_shift
        return [w for w, s in zip(candidates, shift, strict=True) if s >= limit]

    def suggest(self, query: Vectors) -> list[str]:
        """The suggested questions nearest to the question asked."""
        if self._suggestion_vectors is None:
            return []
        order = np.argsort(-(self._suggestion_vectors @ query))
        return [self.suggestions[i] for i in order[:SUGGESTION_COUNT]]
