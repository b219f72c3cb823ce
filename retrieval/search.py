"""Hybrid search: dense (FAISS) and BM25 rankings fused, and the answering sentence chosen."""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from corpus.errors import CorpusError
from corpus.passage import Passage
from retrieval.encoder import Vectors, unit_rows
from retrieval.index import PassageIndex
from retrieval.lexical import LexicalIndex, tokenize
from retrieval.overview import Overview
from retrieval.vocabulary import Vocabulary

Scores = npt.NDArray[np.float32]


@dataclass(frozen=True)
class FusionWeights:
    """Weights of the weighted score sum that ranks passages; chosen on the dev set.

    docs/quality.md records the sweep: this weighted sum beat reciprocal rank fusion of the
    same signals, whose ranks throw away how far ahead the best passage is.
    """

    passage: float = 0.5  # cosine: the question against the whole passage
    sentence: float = 0.5  # cosine: the question against the passage's best sentence
    section: float = 0.2  # cosine: the question against the passage's section title
    lexical: float = 0.05  # BM25 (stemmed words) of the passage with its section title
    sentence_lexical: float = 0.05  # BM25 of the passage's best sentence on its own
    late: float = 1.0  # late interaction: each word piece of the question, best match in passage
    # cosine: the question against the closest of the questions the passage answers (catalog)
    asked: float = 2.0


@dataclass(frozen=True)
class Signals:
    """Every score of every passage for one question (arrays indexed by passage)."""

    passage: Scores
    sentence: Scores  # the best sentence of each passage
    section: Scores
    lexical: Scores
    sentence_lexical: Scores
    late: Scores
    asked: Scores  # the closest question each passage answers (its best sentence if it has none)

    @property
    def meaning(self) -> Scores:
        """The score thresholds act on: meaning of the passage and of its best sentence."""
        return (0.5 * self.passage + 0.5 * self.sentence).astype(np.float32)


@dataclass(frozen=True)
class Retrieved:
    """The best passages for a question and how much evidence backs them."""

    hits: list[Passage]
    # Each hit's own BM25 score (with its section title), in the order of ``hits``: the words
    # a passage shares with the question back that passage, not another one.
    hit_lexical: list[float]
    best_score: float  # the meaning score of the best hit (0 when there is none)
    # Each hit's cosine with the closest question the catalog says it answers (``Signals.asked``),
    # in the order of ``hits``: a question that close backs the hit like shared words do.
    hit_asked: list[float] = field(default_factory=list)
    # The vector of the article's sentence closest in meaning to the question, which the
    # "not mentioned" rule measures pull against (not compared: an array).
    answering_sentence: Vectors | None = field(default=None, compare=False)
    # The section heading closest in meaning to the question, that cosine, and the section's
    # first passages in the article's order (what a question naming the section asks for).
    top_section: str = ""
    section_top: float = 0.0
    section_opening: list[Passage] = field(default_factory=list)
    # What a question about the whole article is answered with ("what is this article
    # about?": see ``overview_positions``), only when the search is told it asks that.
    overview: list[Passage] = field(default_factory=list)


class Searcher:
    """Scores every passage of an index for a question: small corpora need no approximation."""

    def __init__(
        self,
        index: PassageIndex,
        *,
        weights: FusionWeights | None = None,
        summaries: Collection[tuple[str, str]] = (),
    ) -> None:
        """``summaries`` are (document id, section) pairs: the sections that sum a document
        up (see ``overview_positions``)."""
        self.index = index
        self.weights = weights or FusionWeights()
        texts = [f"{p.section} {p.text}" for p in index.passages]
        self.vocabulary = Vocabulary(texts, asked=index.questions)
        self.lexical = LexicalIndex(texts)
        sentences = [p.slice(span) for p in index.passages for span in p.sentences]
        self.sentence_lexical = LexicalIndex(sentences)
        # Each sentence's stemmed words, for highlighting: stemming them per question cost
        # more than the rest of the search.
        self._sentence_words = [frozenset(tokenize(s, HIGHLIGHT_STOPWORDS)) for s in sentences]
        self._owner = np.asarray(index.sentence_owner)
        # The late interaction compares word pieces with what they do not all share (centred)
        self._piece_mean = index.token_vectors.mean(axis=0)
        self._pieces = centred(index.token_vectors, self._piece_mean)
        # Per passage: the positions of its section's passages, in the article's order (by
        # document too: every document's first section is "Introduction").
        section_of = [(p.doc_id, p.section) for p in index.passages]
        self._section_passages = [
            [i for i, other in enumerate(section_of) if other == mine] for mine in section_of
        ]
        self._overview = {
            kind: overview_positions(section_of, summaries, kind) for kind in Overview
        }

    def signals(self, question: str, vector: Vectors, tokens: Vectors) -> tuple[Signals, Scores]:
        """The scores of every passage, and the cosine of every sentence (for highlights).

        ``vector`` is the question's embedding, ``tokens`` those of its word pieces.
        """
        sentence_cos = _all_scores(self.index.sentence_vectors, vector)
        sentence = self._best_of_passage(sentence_cos)
        words = tokenize(self.vocabulary.expand(question))
        signals = Signals(
            passage=_all_scores(self.index.passage_vectors, vector),
            sentence=sentence,
            section=_all_scores(self.index.section_vectors, vector),
            lexical=self.lexical.scores_of_words(words),
            sentence_lexical=self._best_of_passage(self.sentence_lexical.scores_of_words(words)),
            late=late_interaction(
                centred(tokens, self._piece_mean), self._pieces, self.index.token_starts
            ),
            asked=closest_question(
                self.index.question_vectors @ vector, self.index.question_owner, sentence
            ),
        )
        return signals, sentence_cos

    def search(
        self,
        question: str,
        vector: Vectors,
        tokens: Vectors,
        *,
        top_k: int,
        overview: Overview | None = None,
    ) -> Retrieved:
        """The top_k passages, best first, each with ``score`` (meaning) and ``highlight`` set.

        ``vector`` is the question's embedding, ``tokens`` those of its word pieces. With
        ``overview``, also the top_k passages that answer that question about the article.
        """
        signals, sentence_cos = self.signals(question, vector, tokens)
        order = np.argsort(-fuse_scores(signals, self.weights), kind="stable")[:top_k]
        meaning = signals.meaning
        wanted = frozenset(tokenize(question, HIGHLIGHT_STOPWORDS))

        def hit(position: int) -> Passage:
            return self._hit(position, float(meaning[position]), sentence_cos, wanted)

        hits = [hit(int(i)) for i in order]
        nearest = int(np.argmax(signals.section))
        named = self.index.passages[nearest]
        opening = self._section_passages[nearest][:top_k]
        return Retrieved(
            hits,
            hit_lexical=[float(signals.lexical[i]) for i in order],
            hit_asked=[float(signals.asked[i]) for i in order],
            best_score=max((h.score for h in hits), default=0.0),
            answering_sentence=self._sentence_vector(int(np.argmax(sentence_cos))),
            top_section=named.section,
            section_top=float(signals.section.max(initial=0.0)),
            section_opening=[hit(i) for i in opening],
            overview=[hit(i) for i in self._overview[overview][:top_k]] if overview else [],
        )

    def _sentence_vector(self, row: int) -> Vectors:
        return np.asarray(self.index.sentence_vectors.reconstruct(row), dtype=np.float32)

    def _best_of_passage(self, sentence_scores: Scores) -> Scores:
        best = np.full(len(self.index.passages), -1.0, dtype=np.float32)
        np.maximum.at(best, self._owner, sentence_scores)
        return best

    def _hit(
        self, position: int, score: float, sentence_cos: Scores, wanted: frozenset[str]
    ) -> Passage:
        """The passage with its score and highlight; ``wanted`` is the question's stemmed words."""
        passage = self.index.passages[position]
        rows = np.flatnonzero(self._owner == position)
        overlaps = [word_overlap(wanted, self._sentence_words[row]) for row in rows]
        best = choose_highlight(sentence_cos[rows], overlaps)
        return dataclasses.replace(
            passage, score=round(score, 4), highlight=passage.sentences[best]
        )


def overview_positions(
    section_of: Sequence[tuple[str, str]],
    summaries: Collection[tuple[str, str]],
    kind: Overview = Overview.SUMMARY,
) -> list[int]:
    """The passages that answer a question about the whole article, given each passage's
    (document, section) in index order.

    A summary is every document's summary section, or its opening section when it names
    none, taken in turn (each document's first passage, then each one's second...). What an
    article is about is said first by its opening passage ("This article explores..."):
    every document's, then the summary.

    A summary that names no section of its document is a mistake in the catalog: refused, or
    the overview would quietly become the opening section.
    """
    unknown = [pair for pair in summaries if pair not in section_of]
    if unknown:
        doc, section = unknown[0]
        raise CorpusError(f"catalog: summary_section {section!r} is not a section of {doc}")
    first: dict[str, int] = {}  # per document, the position of its opening passage
    for position, (doc, _) in enumerate(section_of):
        first.setdefault(doc, position)
    opening = {doc: section_of[position][1] for doc, position in first.items()}
    wanted = opening | dict(summaries)  # per document, the section that sums it up
    by_document: dict[str, list[int]] = {}
    for position, (doc, section) in enumerate(section_of):
        if section == wanted[doc]:
            by_document.setdefault(doc, []).append(position)
    turns = itertools.zip_longest(*by_document.values())
    summary = [position for turn in turns for position in turn if position is not None]
    if kind is Overview.SUMMARY:
        return summary
    openings = list(first.values())
    return openings + [position for position in summary if position not in openings]


def fuse_scores(signals: Signals, weights: FusionWeights) -> Scores:
    """The weighted sum of a passage's scores: what ranks it."""
    fused = (
        weights.passage * signals.passage
        + weights.sentence * signals.sentence
        + weights.section * signals.section
        + weights.lexical * signals.lexical
        + weights.sentence_lexical * signals.sentence_lexical
        + weights.late * signals.late
        + weights.asked * signals.asked
    )
    return np.asarray(fused, dtype=np.float32)


def closest_question(cosines: Scores, owner: npt.NDArray[np.int64], fallback: Scores) -> Scores:
    """Per passage: the highest of ``cosines`` (the question against each question the catalog
    says a passage answers, passage ``owner[i]`` answering question i), or its ``fallback``
    score (its best sentence's cosine) when it has none.

    A visitor's question is closer to another question than to the prose that answers it
    ("is ketamine given through a drip" to "is it an IV?" rather than to "administered through
    IV infusions"): docs/quality.md, "Questions each passage answers".
    """
    best = np.full(len(fallback), -np.inf, dtype=np.float32)
    np.maximum.at(best, owner, cosines)
    return np.where(np.isfinite(best), best, fallback).astype(np.float32)


def late_interaction(
    query_tokens: Vectors, passage_tokens: Vectors, starts: npt.NDArray[np.int64]
) -> Scores:
    """Per passage: the mean, over the question's word pieces, of each one's best match in it.

    ColBERT's MaxSim, on the word-piece embeddings of the same model. ``passage_tokens`` holds
    every passage's pieces one passage after another, passage i starting at row ``starts[i]``;
    every passage has at least one piece (``build_index`` makes sure).
    A question with no piece (empty) scores zero everywhere.
    """
    if len(query_tokens) == 0:
        return np.zeros(len(starts), dtype=np.float32)
    similarity = query_tokens @ passage_tokens.T  # question pieces x all passage pieces
    best = np.maximum.reduceat(similarity, starts, axis=1)  # question pieces x passages
    return np.asarray(best.mean(axis=0), dtype=np.float32)


def centred(vectors: Vectors, mean: Vectors) -> Vectors:
    """Unit vectors of what is left after subtracting ``mean`` from each row.

    One model's word-piece embeddings all lean the same way: any two score a high cosine,
    whatever their words. With the article's mean piece subtracted, a match counts for what
    sets two pieces apart from the rest of the article (docs/quality.md: late interaction).
    """
    return unit_rows(np.asarray(vectors, dtype=np.float32) - mean)


# The highlight's word overlap keeps the short stopword list (Lucene's 33) it was tuned with:
# with NLTK's, the answering sentence was highlighted for 1 dev and 2 check questions fewer.
HIGHLIGHT_STOPWORDS = "en"
HIGHLIGHT_OVERLAP_WEIGHT = 0.4  # 0.15 → 0.4 took the right sentence from 79% to 82% (docs)


def choose_highlight(cosines: Scores, overlaps: list[float]) -> int:
    """The sentence that best answers: its meaning, nudged by the question's own words."""
    combined = cosines + HIGHLIGHT_OVERLAP_WEIGHT * np.asarray(overlaps, dtype=np.float32)
    return int(np.argmax(combined))


def word_overlap(wanted: frozenset[str], words: frozenset[str]) -> float:
    """Share of the question's stemmed content words (``wanted``) that a sentence uses."""
    return len(wanted & words) / len(wanted) if wanted else 0.0


def _all_scores(index: object, query: Vectors) -> Scores:
    total = index.ntotal  # type: ignore[attr-defined]
    scores, ids = index.search(query.reshape(1, -1), total)  # type: ignore[attr-defined]
    out = np.empty(total, dtype=np.float32)
    out[ids[0]] = scores[0]
    return out
