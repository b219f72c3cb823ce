"""The whole path from a question to an Answer: detectors, hybrid search, composition."""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

import numpy as np

from corpus.documents import Document
from corpus.passage import Passage
from retrieval.advice import asks_personal_advice
from retrieval.answer import (
    DEFAULT_DISCLAIMER,
    DEFAULT_RESOURCES,
    Answer,
    Kind,
    Resource,
    Thresholds,
    compose_answer,
    compose_talk,
    resources_first,
    select_passages,
)
from retrieval.asked_for import AskedFor
from retrieval.conditions import condition_words
from retrieval.crisis import signals_crisis
from retrieval.crisis_net import CrisisNet, message_parts
from retrieval.encoder import Encoded, Encoder, Vectors
from retrieval.index import PassageIndex
from retrieval.overview import asks_overview
from retrieval.search import FusionWeights, Searcher
from retrieval.small_talk import small_talk
from retrieval.vocabulary import context_words, is_everyday, without_word

SUGGESTION_COUNT = 3
MAX_UNKNOWN_WORDS = 8
# Words named only together are few ("pregnancy or breastfeeding", "telehealth or online
# appointments"): a long message has many words the article does not use ("my neighbour's
# arthritis… cheerful somehow"), and removing them all changes any question.
MAX_TOGETHER = 3


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
        summaries: Collection[tuple[str, str]] = (),
        crisis_net: CrisisNet | None = None,
        clinic_names: Sequence[str] = (),
    ) -> None:
        """``summaries``: (document id, section) of each section that sums a document up;
        ``crisis_net`` is embedded now when not given; ``clinic_names`` what visitors call the
        clinic ("where is Emerge Wellness" asks where the clinic is)."""
        self.encoder = encoder
        self.index = index
        self.policy = policy or AnswerPolicy()
        self.searcher = Searcher(index, weights=self.policy.weights, summaries=summaries)
        self.suggestions = suggestions
        self._suggestion_vectors = encoder.encode(suggestions) if suggestions else None
        # The article's words, to tell a synonym ("quickly" for "fast") from a new subject.
        self._term_vectors = encoder.encode(self.searcher.vocabulary.terms)
        self.crisis_net = crisis_net or CrisisNet.from_examples(encoder)
        self.asked_for = AskedFor(clinic_names)

    @classmethod
    def for_documents(
        cls,
        encoder: Encoder,
        index: PassageIndex,
        documents: Sequence[Document],
        *,
        policy: AnswerPolicy | None = None,
        crisis_net: CrisisNet | None = None,
    ) -> Answerer:
        """The answerer of an index built from ``documents``, with their catalog's suggested
        questions, summary sections and clinic names."""
        return cls(
            encoder,
            index,
            suggestions=[s for doc in documents for s in doc.suggestions],
            policy=policy,
            summaries=[(doc.id, doc.summary_section) for doc in documents if doc.summary_section],
            crisis_net=crisis_net,
            clinic_names=sorted({doc.clinic for doc in documents if doc.clinic}),
        )

    def ask(self, question: str, *, top_k: int = 3) -> Answer:
        """Answer one question with at most top_k quoted passages."""
        policy = self.policy
        if signals_crisis(question):  # the rules: no model call needed
            return self._crisis_answer()
        # "What is this article about?" names no subject: the article's opening and summary
        # answer it.
        overview = asks_overview(question)
        talk = small_talk(question)
        if talk is not None:  # "thanks", "goodbye", "tell me more": nothing to search for
            suggestions = self.suggestions[:SUGGESTION_COUNT]
            return compose_talk(talk, suggestions=suggestions, disclaimer=policy.disclaimer)
        # Misspellings are mended against the article's own words before anything else.
        typed, question = question, self.searcher.vocabulary.respell(question)
        words = [] if overview else self._unknown_words(question)
        encoded = self._embed(question, words)
        vector = encoded.vectors[0]
        # What the rules missed: the resources will come first, then any quotes (the net is
        # less sure than the rules, and a false alarm must not be a dead end).
        caught = self._net_catches(question, vector) or (
            # The net's examples are as people type them, misspellings and all: a message the
            # respelling changed is weighed as typed too (one more model call, for those only).
            typed != question and self._net_catches(typed, self.encoder.encode([typed])[0])
        )
        retrieved = self.searcher.search(
            question, vector, encoded.tokens[0], top_k=top_k, overview=overview
        )
        passages = retrieved.overview if overview else select_passages(retrieved, policy.thresholds)
        missing = []
        # A word that a question the catalog says the article answers uses, one close in
        # meaning to this one, is the visitor's word for what the article says ("vent" when
        # "can i vent about stuff in therapy" is one), however the article words it.
        known = self.searcher.vocabulary.asked_words(
            words, np.flatnonzero(self.index.question_vectors @ vector >= policy.thresholds.asked)
        )
        if passages and len(known) < len(words):
            kept = [i for i, word in enumerate(words) if word not in known]
            reduced = encoded.vectors[1 : 1 + len(words)][kept]
            alone = encoded.vectors[1 + len(words) :][kept]
            words = [words[i] for i in kept]
            synonymy = (alone @ self._term_vectors.T).max(axis=1)
            context = context_words(question)
            missing = self.missing_words(
                words,
                query=vector,
                reduced=reduced,
                synonymy=synonymy,
                answering=retrieved.answering_sentence,
                context=context,
            )
            if not missing:
                missing = self.missing_together(
                    question,
                    [
                        w
                        for w, s in zip(words, synonymy, strict=True)
                        if s < policy.thresholds.synonym and w not in context
                    ],
                    query=vector,
                    answering=retrieved.answering_sentence,
                )
            if not missing:
                # "im pregnant, can i still have ketamine": the circumstance a question of
                # fitness turns on, however little it moves the embedding.
                unlike = [
                    w for w, s in zip(words, synonymy, strict=True) if s < policy.thresholds.synonym
                ]
                missing = condition_words(question, unlike)
        # "How much does it cost?" is answered only by quotes that give a price, and told what
        # the article lacks when nothing is quoted (``retrieval.asked_for``).
        quotes = [p.text for p in passages]
        unanswered = [] if overview else self.asked_for.not_given(question, quotes)
        answer = compose_answer(
            passages,
            crisis=False,
            advice=asks_personal_advice(question),
            missing=missing,
            not_given=unanswered,
            suggestions=self.suggest(vector),
            resources=list(policy.resources),
            disclaimer=policy.disclaimer,
        )
        answer = dataclasses.replace(answer, best_score=retrieved.best_score)
        return resources_first(answer, list(policy.resources)) if caught else answer

    def _unknown_words(self, question: str) -> list[str]:
        """The uncommon words of the question the article never uses (at most
        ``MAX_UNKNOWN_WORDS``: a question with more is a paste, not a question)."""
        unknown = self.searcher.vocabulary.unknown_words(question)
        return [w for w in unknown if not is_everyday(w)][:MAX_UNKNOWN_WORDS]

    def _embed(self, question: str, words: list[str]) -> Encoded:
        """One model call, most of the latency: the question, the question without each of
        ``words``, then each word alone; rows in that order."""
        without = [without_word(question, w) for w in words]
        return self.encoder.encode_tokens([question, *without, *words])

    def _net_catches(self, message: str, vector: Vectors) -> bool:
        """Whether the crisis net catches the message, or one of its sentences when it has
        several: a signal in one sentence of many is diluted in the whole. The sentences are
        embedded apart from the message, so none is padded to its length."""
        if self.crisis_net.catches(vector):
            return True
        parts = message_parts(message)
        return bool(parts) and self.crisis_net.catches_any(self.encoder.encode(parts))

    def _crisis_answer(self) -> Answer:
        """The crisis resources, and no quotes: what the rules catch is said plainly."""
        return compose_answer(
            [],
            crisis=True,
            advice=False,
            missing=[],
            suggestions=[],
            resources=list(self.policy.resources),
            disclaimer=self.policy.disclaimer,
        )

    def ranked(self, question: str) -> list[Passage]:
        """Every passage, best first, as the search ranks them for the question: no refusal
        and no detector (``verbatim eval --ranking`` measures the search alone with it)."""
        question = self.searcher.vocabulary.respell(question)
        encoded = self.encoder.encode_tokens([question])
        everything = len(self.index.passages)
        vector, tokens = encoded.vectors[0], encoded.tokens[0]
        return self.searcher.search(question, vector, tokens, top_k=everything).hits

    def missing_words(
        self,
        candidates: list[str],
        *,
        query: Vectors,
        reduced: Vectors,
        synonymy: Vectors,
        answering: Vectors | None,
        context: Collection[str] = (),
    ) -> list[str]:
        """The candidate words the question hinges on and the article does not cover.

        ``reduced[i]`` is the question without ``candidates[i]``, ``synonymy[i]`` the word's
        closest cosine to an article word, ``answering`` the article's sentence closest in
        meaning to the question, ``context`` the words only its statements use.
        """
        moved = 1.0 - reduced @ query
        pulled = reduced @ answering - float(query @ answering) if answering is not None else None
        return hinging_words(
            candidates,
            moved=[float(m) for m in moved],
            pulled=None if pulled is None else [float(p) for p in pulled],
            synonymy=[float(s) for s in synonymy],
            limits=self.policy.thresholds,
            context=context,
        )

    def missing_together(
        self, question: str, words: list[str], *, query: Vectors, answering: Vectors | None
    ) -> list[str]:
        """The words, when the question hinges on them together though on none alone.

        In "is ketamine safe during pregnancy or breastfeeding?" each word carries the question
        without the other, so removing one barely moves it; removing both makes it another
        question. One more model call, only for a question with two or three such words (not
        synonyms of article words; ``MAX_TOGETHER``) that hinges on none of them alone.
        """
        if not 2 <= len(words) <= MAX_TOGETHER:
            return []
        reduced = question
        for word in words:
            reduced = without_word(reduced, word)
        vector = self.encoder.encode([reduced])[0]
        moved = 1.0 - float(vector @ query)
        pulled = None if answering is None else float(vector @ answering - query @ answering)
        return words if hinges(moved, pulled, self.policy.thresholds, together=True) else []

    def suggest(self, query: Vectors) -> list[str]:
        """The suggested questions nearest to the question asked."""
        if self._suggestion_vectors is None:
            return []
        order = np.argsort(-(self._suggestion_vectors @ query))
        return [self.suggestions[i] for i in order[:SUGGESTION_COUNT]]


def hinging_words(
    candidates: list[str],
    *,
    moved: list[float],
    pulled: list[float] | None,
    synonymy: list[float],
    limits: Thresholds,
    context: Collection[str] = (),
) -> list[str]:
    """The words the question hinges on, named in "The article does not mention X".

    For each candidate (a word the article never uses): ``moved`` is how far removing it moves
    the question (1 - cosine), ``pulled`` how much closer removing it brings the question to
    the article's sentence closest to it (None when there is none), ``synonymy`` its closest
    cosine to a word of the article. A synonym of an article word is never missing, and a
    word of ``context`` (only the message's statements use it) only by the shift.
    """
    found = [
        (moved[i], word)
        for i, word in enumerate(candidates)
        if synonymy[i] < limits.synonym
        and hinges(moved[i], None if pulled is None else pulled[i], limits, context=word in context)
    ]
    # Name the word the question hinges on most, and others only if they weigh as much on
    # their own: "insurance", not "insurance" or "cover".
    found.sort(reverse=True)
    return [w for n, (m, w) in enumerate(found) if n == 0 or m >= limits.missing_shift]


def hinges(
    moved: float,
    pulled: float | None,
    limits: Thresholds,
    *,
    together: bool = False,
    context: bool = False,
) -> bool:
    """Whether a question hinges on words: removing them moves it far (1 - cosine), or moves it
    a little and brings it closer to the article's sentence nearest to it (``pulled``; None
    when nothing is near enough to quote). Several words removed ``together`` must move it
    further; a word of the message's ``context`` (``context_words``) must move it far."""
    if context:
        return moved >= limits.context_shift
    shift = limits.together_shift if together else limits.missing_shift
    return moved >= shift or (
        pulled is not None and moved >= limits.pulled_shift and pulled >= limits.pull
    )


def unanswered_suggestions(answerer: Answerer) -> list[str]:
    """The suggested questions that do not get an answer: a visitor offered one would be stuck."""
    return [q for q in answerer.suggestions if answerer.ask(q).kind is not Kind.ANSWER]
