"""Hybrid search: dense (FAISS) and BM25 rankings fused, and the answering sentence chosen."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from corpus.passage import Passage
from retrieval.encoder import Vectors
from retrieval.index import PassageIndex
from retrieval.lexical import LexicalIndex, expand_abbreviations, tokenize
from retrieval.vocabulary import Vocabulary

Scores = npt.NDArray[np.float32]


@dataclass(frozen=True)
class FusionWeights:
    """Reciprocal rank fusion of three rankings; chosen on the dev set (docs/quality.md)."""

    passage: float = 1.0  # dense: the question against the whole passage
    sentence: float = 1.0  # dense: the question against the passage's best sentence
    lexical: float = 0.5  # BM25 over stemmed words
    rrf_k: float = 5.0


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
        # The reported score, on which thresholds act: meaning of passage and best sentence.
        dense = 0.5 * passage_cos + 0.5 * best_sentence
        lexical = self.lexical.scores(expand_abbreviations(question, self.vocabulary.abbreviations))
        weights = self.weights
        fused = fuse_rankings(
            [passage_cos, best_sentence, lexical],
            weights=[weights.passage, weights.sentence, weights.lexical],
            k=weights.rrf_k,
        )
        order = np.argsort(-fused, kind="stable")[:top_k]
        hits = [self._hit(int(i), float(dense[i]), sentence_cos, question) for i in order]
        return Retrieved(hits, float(lexical.max(initial=0.0)))

    def _hit(self, position: int, score: float, sentence_cos: Scores, question: str) -> Passage:
        passage = self.index.passages[position]
        rows = np.flatnonzero(self._owner == position)
        sentences = [passage.slice(span) for span in passage.sentences]
        best = choose_highlight(sentence_cos[rows], [word_overlap(question, s) for s in sentences])
        return dataclasses.replace(
            passage, score=round(score, 4), highlight=passage.sentences[best]
        )


HIGHLIGHT_OVERLAP_WEIGHT = 0.15


def choose_highlight(cosines: Scores, overlaps: list[float]) -> int:
    """The sentence that best answers: its meaning, nudged by the question's own words."""
    combined = cosines + HIGHLIGHT_OVERLAP_WEIGHT * np.asarray(overlaps, dtype=np.float32)
    return int(np.argmax(combined))


def word_overlap(question: str, sentence: str) -> float:
    """Share of the question's stemmed content words that the sentence uses."""
    wanted = set(tokenize(question))
    return len(wanted & set(tokenize(sentence))) / len(wanted) if wanted else 0.0


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
