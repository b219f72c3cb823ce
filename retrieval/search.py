"""Hybrid search: dense (FAISS) and BM25 rankings fused, and the answering sentence chosen."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from corpus.passage import Passage
from retrieval.encoder import Vectors
from retrieval.index import PassageIndex
from retrieval.lexical import LexicalIndex, expand_abbreviations
from retrieval.vocabulary import Vocabulary

Scores = npt.NDArray[np.float32]


@dataclass(frozen=True)
class FusionWeights:
    """How the rankings are fused (reciprocal rank fusion), chosen on the dev set."""

    dense: float = 1.0
    lexical: float = 0.5
    rrf_k: float = 10.0
    sentence_share: float = 0.5  # a passage's dense score mixes its own and its best sentence's


@dataclass(frozen=True)
class Retrieved:
    """The best passages for a question and how much lexical evidence backs them."""

    hits: list[Passage]
    lexical_top: float  # the best BM25 score: zero when the question shares no word


class Searcher:
    """Scores every passage of an index for a question: small corpora need no approximation."""

    def __init__(self, index: PassageIndex, *, weights: FusionWeights | None = None) -> None:
        self.index = index
        self.weights = weights or FusionWeights()
        texts = [f"{p.section} {p.text}" for p in index.passages]
        self.lexical = LexicalIndex(texts)
        self.vocabulary = Vocabulary(texts)
        self._owner = np.asarray(index.sentence_owner)

    def dense_scores(self, query: Vectors) -> tuple[Scores, Scores]:
        """Cosine of the question with each passage, and with each sentence."""
        return _all_scores(self.index.passage_vectors, query), _all_scores(
            self.index.sentence_vectors, query
        )

    def search(self, question: str, query: Vectors, *, top_k: int) -> Retrieved:
        """The top_k passages, best first, each with ``score`` (cosine) and ``highlight`` set."""
        passage_cos, sentence_cos = self.dense_scores(query)
        best_sentence = np.full(len(self.index.passages), -1.0, dtype=np.float32)
        np.maximum.at(best_sentence, self._owner, sentence_cos)
        share = self.weights.sentence_share
        dense = (1 - share) * passage_cos + share * best_sentence
        lexical = self.lexical.scores(expand_abbreviations(question, self.vocabulary.abbreviations))
        fused = fuse_rankings(
            [dense, lexical],
            weights=[self.weights.dense, self.weights.lexical],
            k=self.weights.rrf_k,
        )
        order = np.argsort(-fused, kind="stable")[:top_k]
        hits = [self._hit(int(i), float(dense[i]), sentence_cos) for i in order]
        return Retrieved(hits, float(lexical.max(initial=0.0)))

    def _hit(self, position: int, score: float, sentence_cos: Scores) -> Passage:
        passage = self.index.passages[position]
        rows = np.flatnonzero(self._owner == position)
        best = int(rows[np.argmax(sentence_cos[rows])])
        span = passage.sentences[best - int(rows[0])]
        return dataclasses.replace(passage, score=round(score, 4), highlight=span)


def _all_scores(index: object, query: Vectors) -> Scores:
    total = index.ntotal  # type: ignore[attr-defined]
    scores, ids = index.search(query.reshape(1, -1), total)  # type: ignore[attr-defined]
    out = np.empty(total, dtype=np.float32)
    out[ids[0]] = scores[0]
    return out


def fuse_rankings(scores: list[Scores], *, weights: list[float], k: float) -> Scores:
    """Weighted reciprocal rank fusion: sum of weight / (k + rank) over the rankings.

    Items a ranking scores zero or less (e.g. no shared word for BM25) get nothing from it.
    """
    fused = np.zeros_like(scores[0], dtype=np.float32)
    for ranking, weight in zip(scores, weights, strict=True):
        order = np.argsort(-ranking, kind="stable")
        ranks = np.empty(len(ranking), dtype=np.float32)
        ranks[order] = np.arange(1, len(ranking) + 1)
        fused += np.where(ranking > 0, weight / (k + ranks), 0.0).astype(np.float32)
    return fused
