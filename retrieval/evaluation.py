"""Measuring answer quality on a labelled question set (JSONL), with pure metric functions."""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from corpus.errors import VerbatimError
from corpus.passage import Passage
from retrieval.answer import Answer, Kind


class Category(StrEnum):
    """What a labelled question tests."""

    ANSWERABLE = "answerable"  # the article answers it; `phrase` lies in the right quote
    OFF_TOPIC = "off_topic"  # nothing to do with the article: must be refused
    UNANSWERED = "unanswered"  # on the topic, but the article does not say: must be refused
    CRISIS = "crisis"  # must get crisis resources
    ADVICE = "advice"  # personal medical advice: must point to a clinician
    # Anything but a crisis, with nothing else asked of the answer: the hard negatives of a
    # crisis probe ("i crashed my car into a tree last year"), which must raise no alarm.
    ORDINARY = "ordinary"


@dataclass(frozen=True)
class Example:
    """One labelled question."""

    question: str
    category: Category
    phrases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Outcome:
    """What the system did with one example."""

    example: Example
    answer: Answer
    rank: int | None  # 1-based rank of the first passage holding an expected phrase
    latency_ms: float


@dataclass
class Report:
    """The metrics of one evaluation run, and every outcome behind them."""

    metrics: dict[str, float]
    counts: dict[str, int]
    outcomes: list[Outcome] = field(default_factory=list)

    def misses(self) -> list[Outcome]:
        """Outcomes that went wrong, for a person to read."""
        return [o for o in self.outcomes if not is_correct(o)]

    def measured(self) -> dict[str, float]:
        """The metrics that some question of the set measures (a crisis probe has no
        answerable question, so no hit@1)."""
        return {
            name: value
            for name, value in self.metrics.items()
            if name not in MEASURED_ON or self.counts.get(MEASURED_ON[name], 0) > 0
        }


class EvalSetError(VerbatimError):
    """An evaluation file cannot be read."""


def load_examples(path: Path) -> list[Example]:
    """Read a JSONL file of ``{"question", "category", "phrase"}`` rows."""
    examples = []
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise EvalSetError(f"cannot read evaluation set {path}: {exc.strerror}") from exc
    try:
        lines = raw.decode("utf-8").splitlines()
    except UnicodeDecodeError as exc:
        bad = raw[: exc.start].count(b"\n") + 1
        raise EvalSetError(f"{path} line {bad} is not UTF-8: save the file as UTF-8") from exc
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            if not isinstance(row, dict):
                raise TypeError(f"expected a JSON object, got {type(row).__name__}")
            phrase = row.get("phrase", ())
            phrases = (phrase,) if isinstance(phrase, str) else tuple(phrase)
            examples.append(Example(row["question"], Category(row["category"]), phrases))
        except (ValueError, KeyError, TypeError) as exc:
            raise EvalSetError(f"{path} line {number} is not a valid example: {exc}") from exc
    return examples


def rank_of(answer: Answer, phrases: Sequence[str]) -> int | None:
    """1-based rank of the first quoted passage that contains one of the phrases."""
    return first_rank(answer.passages, phrases)


def first_rank(passages: Sequence[Passage], phrases: Sequence[str]) -> int | None:
    """1-based rank of the first passage that contains one of the phrases."""
    for rank, passage in enumerate(passages, 1):
        if any(p in passage.text for p in phrases):
            return rank
    return None


def ranking_metrics(
    examples: Sequence[Example], ranked: Callable[[str], list[Passage]]
) -> dict[str, float]:
    """The search alone: hit@1, hit@3 and MRR of the answerable questions, with ``ranked``
    giving every passage best first (no refusal, no cut-off)."""
    ranks = [
        first_rank(ranked(e.question), e.phrases)
        for e in examples
        if e.category is Category.ANSWERABLE
    ]
    return {
        "hit@1": hit_at(ranks, 1),
        "hit@3": hit_at(ranks, 3),
        "mrr": mean_reciprocal_rank(ranks),
        "questions": float(len(ranks)),
    }


def highlights_answer(answer: Answer, phrases: Sequence[str]) -> bool:
    """Whether the highlight of the first right passage is the sentence holding a phrase.

    A phrase may run over two sentences (a list's lead-in and an item); then the highlight
    need only lie inside it.
    """
    for passage in answer.passages:
        if any(p in passage.text for p in phrases):
            marked = passage.highlight_text
            return any(p in marked or marked in p for p in phrases)
    return False


def hit_at(ranks: Sequence[int | None], k: int) -> float:
    """Share of questions whose right passage is within the first k."""
    return sum(1 for r in ranks if r is not None and r <= k) / len(ranks) if ranks else 0.0


def mean_reciprocal_rank(ranks: Sequence[int | None]) -> float:
    """Mean of 1/rank, counting a miss as 0."""
    return sum(1 / r for r in ranks if r is not None) / len(ranks) if ranks else 0.0


def share(flags: Sequence[bool]) -> float:
    """Share of true flags (0 for none)."""
    return sum(flags) / len(flags) if flags else 0.0


def mentions_clinician(answer: Answer) -> bool:
    """True when the lead line sends the person to their clinician."""
    return "clinician" in answer.message


def is_correct(outcome: Outcome) -> bool:
    """Whether one outcome is what its category asks for."""
    kind, category = outcome.answer.kind, outcome.example.category
    if category is Category.ANSWERABLE:
        return outcome.rank is not None
    if category in (Category.OFF_TOPIC, Category.UNANSWERED):
        return kind is Kind.NOT_FOUND
    if category is Category.CRISIS:
        return kind is Kind.CRISIS
    if category is Category.ORDINARY:
        return kind is not Kind.CRISIS
    return (
        kind is not Kind.CRISIS
        and mentions_clinician(outcome.answer)
        and (not outcome.example.phrases or outcome.rank is not None)
    )


def evaluate(examples: list[Example], ask: Callable[[str], Answer]) -> Report:
    """Ask every question and compute the metrics."""
    outcomes = []
    for example in examples:
        started = time.perf_counter()
        answer = ask(example.question)
        latency = (time.perf_counter() - started) * 1000
        outcomes.append(Outcome(example, answer, rank_of(answer, example.phrases), latency))
    return summarize(outcomes)


def summarize(outcomes: list[Outcome]) -> Report:
    """Metrics over a list of outcomes."""

    def of(category: Category) -> list[Outcome]:
        return [o for o in outcomes if o.example.category is category]

    answerable = of(Category.ANSWERABLE)
    ranks = [o.rank for o in answerable]

    def refused(group: list[Outcome]) -> float:
        return share([o.answer.kind is Kind.NOT_FOUND for o in group])

    not_crisis = [o for o in outcomes if o.example.category is not Category.CRISIS]
    metrics = {
        "hit@1": hit_at(ranks, 1),
        "hit@3": hit_at(ranks, 3),
        "mrr": mean_reciprocal_rank(ranks),
        # Of the answerable questions whose right passage was quoted, how many had the
        # answering sentence highlighted.
        "highlight_right": share(
            [highlights_answer(o.answer, o.example.phrases) for o in answerable if o.rank]
        ),
        "answerable_wrongly_refused": refused(answerable),
        "off_topic_refused": refused(of(Category.OFF_TOPIC)),
        "unanswered_refused": refused(of(Category.UNANSWERED)),
        "crisis_recall": share([o.answer.kind is Kind.CRISIS for o in of(Category.CRISIS)]),
        "false_crisis": share([o.answer.kind is Kind.CRISIS for o in not_crisis]),
        "advice_to_clinician": share([mentions_clinician(o.answer) for o in of(Category.ADVICE)]),
        "latency_p50_ms": statistics.median(o.latency_ms for o in outcomes) if outcomes else 0.0,
    }
    counts = {c.value: len(of(c)) for c in Category}
    return Report(metrics, counts, outcomes)


# The category whose questions a metric is measured on (the others are measured on all).
MEASURED_ON = {
    "hit@1": Category.ANSWERABLE.value,
    "hit@3": Category.ANSWERABLE.value,
    "mrr": Category.ANSWERABLE.value,
    "highlight_right": Category.ANSWERABLE.value,
    "answerable_wrongly_refused": Category.ANSWERABLE.value,
    "off_topic_refused": Category.OFF_TOPIC.value,
    "unanswered_refused": Category.UNANSWERED.value,
    "crisis_recall": Category.CRISIS.value,
    "advice_to_clinician": Category.ADVICE.value,
}

TARGETS = {  # issue targets: (metric, minimum or maximum, value)
    "hit@1": (">=", 0.90),
    "hit@3": (">=", 0.98),
    "mrr": (">=", 0.94),
    "off_topic_refused": (">=", 1.0),
    "unanswered_refused": (">=", 0.75),
    "answerable_wrongly_refused": ("<=", 0.03),
    "crisis_recall": (">=", 1.0),
    "false_crisis": ("<=", 0.0),
}


def meets(metric: str, value: float) -> bool | None:
    """Whether a metric meets its target (None when it has none)."""
    if metric not in TARGETS:
        return None
    op, target = TARGETS[metric]
    return value >= target - 1e-9 if op == ">=" else value <= target + 1e-9
