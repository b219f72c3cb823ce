"""Evaluation: pure metrics on tiny inputs, the JSONL loader, and the dev set end to end."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus.documents import Document
from corpus.passage import Passage
from retrieval.answer import DEFAULT_DISCLAIMER, Answer, Kind
from retrieval.answerer import Answerer
from retrieval.evaluation import (
    Category,
    EvalSetError,
    Example,
    Outcome,
    Report,
    evaluate,
    highlights_answer,
    hit_at,
    is_correct,
    load_examples,
    mean_reciprocal_rank,
    meets,
    rank_of,
    ranking_metrics,
    summarize,
)

DEV_SET = Path(__file__).resolve().parents[2] / "eval" / "dev.jsonl"
EVAL_SETS = sorted(DEV_SET.parent.glob("*.jsonl"))  # dev and the held-out ones


def _answer(kind: Kind = Kind.ANSWER, *texts: str, message: str = "Here it is:") -> Answer:
    passages = [Passage("d", "D", "S", text, 0, len(text)) for text in texts]
    return Answer(kind, message, passages, DEFAULT_DISCLAIMER)


def _outcome(category: Category, answer: Answer, *phrases: str) -> Outcome:
    example = Example("q?", category, phrases)
    return Outcome(example, answer, rank_of(answer, phrases), latency_ms=10.0)


# metrics


@pytest.mark.parametrize(
    ("ranks", "k", "expected"),
    [
        ([1, 3, None, 2], 1, 0.25),
        ([1, 3, None, 2], 2, 0.5),
        ([1, 3, None, 2], 3, 0.75),
        ([None, None], 3, 0.0),
        ([], 3, 0.0),
    ],
)
def test_hit_at(ranks: list[int | None], k: int, expected: float) -> None:
    assert hit_at(ranks, k) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("ranks", "expected"),
    [
        ([1, 1], 1.0),
        ([1, 2, None, 4], (1 + 1 / 2 + 1 / 4) / 4),
        ([None], 0.0),
        ([], 0.0),
    ],
)
def test_mean_reciprocal_rank_counts_a_miss_as_zero(
    ranks: list[int | None], expected: float
) -> None:
    assert mean_reciprocal_rank(ranks) == pytest.approx(expected)


def test_rank_of_is_the_first_quote_holding_a_phrase() -> None:
    answer = _answer(Kind.ANSWER, "Sleep helps.", "Ketamine works fast.", "Ketamine again.")
    assert rank_of(answer, ["Ketamine"]) == 2
    assert rank_of(answer, ["again", "Sleep"]) == 1
    assert rank_of(answer, ["insurance"]) is None
    assert rank_of(answer, []) is None
    assert rank_of(_answer(Kind.NOT_FOUND), ["Sleep"]) is None


def test_rank_of_is_case_sensitive_because_quotes_are_verbatim() -> None:
    assert rank_of(_answer(Kind.ANSWER, "Ketamine works fast."), ["ketamine works"]) is None


@pytest.mark.parametrize(
    ("category", "answer", "phrases", "correct"),
    [
        (Category.ANSWERABLE, _answer(Kind.ANSWER, "Ketamine works."), ("works",), True),
        (Category.ANSWERABLE, _answer(Kind.ANSWER, "Sleep helps."), ("works",), False),
        (Category.OFF_TOPIC, _answer(Kind.NOT_FOUND), (), True),
        (Category.OFF_TOPIC, _answer(Kind.ANSWER, "Sleep."), (), False),
        (Category.UNANSWERED, _answer(Kind.NOT_FOUND), (), True),
        (Category.CRISIS, _answer(Kind.CRISIS), (), True),
        (Category.CRISIS, _answer(Kind.NOT_FOUND), (), False),
        (Category.ADVICE, _answer(Kind.ANSWER, "Dose.", message="Ask your clinician."), (), True),
        (Category.ADVICE, _answer(Kind.ANSWER, "Dose."), (), False),
        (Category.ADVICE, _answer(Kind.CRISIS, message="clinician"), (), False),
    ],
)
def test_is_correct_asks_what_each_category_needs(
    category: Category, answer: Answer, phrases: tuple[str, ...], correct: bool
) -> None:
    assert is_correct(_outcome(category, answer, *phrases)) is correct


def _marked(text: str, highlight: str) -> Answer:
    start = text.index(highlight)
    sentences = ((0, start), (start, start + len(highlight)))
    passage = Passage("d", "D", "S", text, 0, len(text), sentences, highlight=sentences[1])
    return Answer(Kind.ANSWER, "Here it is:", [passage], DEFAULT_DISCLAIMER)


@pytest.mark.parametrize(
    ("phrases", "right"),
    [
        (("Side effects are mild",), True),
        (("Ketamine is given by IV",), False),  # the right passage, the wrong sentence
        (("is given by IV. Side effects are mild.",), True),  # a phrase over both sentences
        (("not in the passage",), False),
    ],
)
def test_highlight_is_right_when_it_marks_the_sentence_holding_the_phrase(
    phrases: tuple[str, ...], right: bool
) -> None:
    answer = _marked("Ketamine is given by IV. Side effects are mild.", "Side effects are mild.")
    assert highlights_answer(answer, phrases) is right


def test_summarize_computes_each_metric_over_its_own_category() -> None:
    outcomes = [
        _outcome(Category.ANSWERABLE, _answer(Kind.ANSWER, "a", "b"), "b"),
        _outcome(Category.ANSWERABLE, _answer(Kind.NOT_FOUND), "a"),
        _outcome(Category.OFF_TOPIC, _answer(Kind.NOT_FOUND)),
        _outcome(Category.OFF_TOPIC, _answer(Kind.CRISIS)),
        _outcome(Category.CRISIS, _answer(Kind.CRISIS)),
    ]
    report = summarize(outcomes)
    metrics = report.metrics
    assert metrics["hit@1"] == 0.0 and metrics["hit@3"] == 0.5
    assert metrics["mrr"] == pytest.approx(0.25)
    assert metrics["answerable_wrongly_refused"] == 0.5
    assert metrics["off_topic_refused"] == 0.5
    assert metrics["crisis_recall"] == 1.0
    assert metrics["false_crisis"] == 0.25
    assert report.counts == {
        "answerable": 2,
        "off_topic": 2,
        "unanswered": 0,
        "crisis": 1,
        "advice": 0,
        "ordinary": 0,
    }
    assert "unanswered_refused" not in report.measured()  # no unanswered question
    assert report.measured()["hit@1"] == 0.0
    assert [o.example.category for o in report.misses()] == [
        Category.ANSWERABLE,
        Category.OFF_TOPIC,
    ]


def test_summarize_of_nothing_is_all_zero() -> None:
    assert set(summarize([]).metrics.values()) == {0.0}


@pytest.mark.parametrize(
    ("metric", "value", "expected"),
    [
        ("crisis_recall", 1.0, True),
        ("crisis_recall", 0.99, False),
        ("false_crisis", 0.0, True),
        ("false_crisis", 0.01, False),
        ("latency_p50_ms", 5000.0, None),
    ],
)
def test_meets_compares_with_the_target(metric: str, value: float, expected: bool | None) -> None:
    assert meets(metric, value) is expected


# load_examples


def test_load_examples_reads_phrases_as_a_string_or_a_list(tmp_path: Path) -> None:
    path = tmp_path / "set.jsonl"
    path.write_text(
        '{"question": "What is CBT?", "category": "answerable", "phrase": "Cognitive"}\n'
        "\n"
        '{"question": "q2", "category": "advice", "phrase": ["a", "b"]}\n'
        '{"question": "capital of France?", "category": "off_topic"}\n',
        encoding="utf-8",
    )
    assert load_examples(path) == [
        Example("What is CBT?", Category.ANSWERABLE, ("Cognitive",)),
        Example("q2", Category.ADVICE, ("a", "b")),
        Example("capital of France?", Category.OFF_TOPIC, ()),
    ]


@pytest.mark.parametrize(
    ("line", "match"),
    [
        ('{"question": "q", "category": "crisis"', r"line 2 is not a valid example"),
        ('{"question": "q", "category": "nonsense"}', r"line 2 .*'nonsense' is not a valid"),
        ('{"category": "crisis"}', r"line 2 .*'question'"),
        ('{"question": "q"}', r"line 2 .*'category'"),
        ('{"question": "q", "category": "answerable", "phrase": null}', r"line 2"),
    ],
    ids=["bad-json", "unknown-category", "no-question", "no-category", "null-phrase"],
)
def test_a_bad_line_is_named_by_number(tmp_path: Path, line: str, match: str) -> None:
    path = tmp_path / "set.jsonl"
    path.write_text('{"question": "ok", "category": "crisis"}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(EvalSetError, match=match):
        load_examples(path)


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(EvalSetError, match=r"cannot read evaluation set .*nowhere\.jsonl"):
        load_examples(tmp_path / "nowhere.jsonl")


@pytest.mark.parametrize(
    ("line", "kind"),
    [('["q", "crisis"]', "list"), ("5", "int"), ('"q"', "str"), ("null", "NoneType")],
)
def test_a_line_that_is_not_an_object_is_named(tmp_path: Path, line: str, kind: str) -> None:
    path = tmp_path / "set.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(
        EvalSetError, match=rf"set\.jsonl line 1 .*expected a JSON object, got {kind}"
    ):
        load_examples(path)


def test_a_file_that_is_not_utf8_is_named_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "set.jsonl"
    rows = '{"question": "ok", "category": "crisis"}\n{"question": "café?", "category": "crisis"}\n'
    path.write_bytes(rows.encode("cp1252"))
    with pytest.raises(EvalSetError, match=r"set\.jsonl line 2 is not UTF-8"):
        load_examples(path)


# the dev set, end to end with the real model


@pytest.fixture(scope="module")
def report(answerer: Answerer) -> Report:
    return evaluate(load_examples(DEV_SET), answerer.ask)


def test_a_crisis_probe_s_ordinary_messages_must_only_raise_no_alarm() -> None:
    ordinary = Example("i crashed my car into a tree last year", Category.ORDINARY)
    calm, alarm = _answer(Kind.NOT_FOUND), _answer(Kind.CRISIS)
    assert is_correct(Outcome(ordinary, calm, None, latency_ms=1.0))
    assert not is_correct(Outcome(ordinary, alarm, None, latency_ms=1.0))


def test_the_question_sets_are_all_found() -> None:
    assert {"dev.jsonl", "check.jsonl", "check2.jsonl"} <= {path.name for path in EVAL_SETS}


@pytest.mark.parametrize("path", EVAL_SETS, ids=lambda path: path.name)
def test_each_question_set_covers_every_category(path: Path) -> None:
    examples = load_examples(path)
    assert len(examples) >= 100
    assert {e.category for e in examples} == set(Category) - {Category.ORDINARY}
    assert all(e.phrases for e in examples if e.category is Category.ANSWERABLE)


@pytest.mark.parametrize("path", EVAL_SETS, ids=lambda path: path.name)
def test_each_question_set_s_phrases_are_in_the_article(path: Path, article: Document) -> None:
    for example in load_examples(path):
        for phrase in example.phrases:
            assert phrase in article.text, example.question


def test_dev_set_quality(report: Report) -> None:
    metrics = report.metrics
    misses = [(o.example.question, o.answer.kind.value) for o in report.misses()]
    # Regression guards a little under what docs/quality.md records for the dev set.
    assert metrics["hit@1"] >= 0.84, misses
    assert metrics["hit@3"] >= 0.91, misses
    assert metrics["mrr"] >= 0.88, misses
    assert metrics["unanswered_refused"] >= 0.75, misses
    assert metrics["answerable_wrongly_refused"] <= 0.05, misses
    assert metrics["off_topic_refused"] == 1.0, misses
    assert metrics["crisis_recall"] == 1.0, misses
    assert metrics["false_crisis"] == 0.0, misses
    assert metrics["advice_to_clinician"] == 1.0, misses


def test_every_quote_of_the_dev_run_is_verbatim(report: Report, documents: list[Document]) -> None:
    texts = {doc.id: doc.text for doc in documents}
    quoted = [p for o in report.outcomes for p in o.answer.passages]
    assert len(quoted) > 50
    for passage in quoted:
        assert texts[passage.doc_id][passage.start : passage.end] == passage.text
        assert passage.highlight is not None
        assert texts[passage.doc_id][slice(*passage.highlight)] == passage.highlight_text


def test_every_answer_of_the_dev_run_keeps_its_promises(report: Report) -> None:
    for outcome in report.outcomes:
        answer = outcome.answer
        assert answer.disclaimer
        if answer.kind is Kind.ANSWER:
            assert 1 <= len(answer.passages) <= 3
        elif answer.kind is Kind.NOT_FOUND:
            assert answer.passages == [] and len(answer.suggestions) == 3
        else:
            assert answer.passages == [] and answer.resources


def test_ranking_metrics_measure_the_search_alone_on_answerable_questions() -> None:
    order = _answer(Kind.ANSWER, "Sleep helps.", "Ketamine works fast.", "CBT helps.").passages
    examples = [
        Example("how fast?", Category.ANSWERABLE, ("works fast",)),  # second
        Example("sleep?", Category.ANSWERABLE, ("Sleep",)),  # first
        Example("insurance?", Category.ANSWERABLE, ("insurance",)),  # nowhere
        Example("hello?", Category.OFF_TOPIC),  # not counted
    ]
    asked: list[str] = []

    def ranked(question: str) -> list[Passage]:
        asked.append(question)
        return order

    metrics = ranking_metrics(examples, ranked)
    assert asked == ["how fast?", "sleep?", "insurance?"]
    assert metrics == {
        "hit@1": pytest.approx(1 / 3),
        "hit@3": pytest.approx(2 / 3),
        "mrr": pytest.approx((1 / 2 + 1) / 3),
        "questions": 3.0,
    }


def test_the_answerer_ranks_every_passage(answerer: Answerer) -> None:
    ranked = answerer.ranked("what is catastrophizing?")
    assert len(ranked) == len(answerer.index.passages)
    assert "catastrophizing, meaning expecting the worst" in ranked[0].text
