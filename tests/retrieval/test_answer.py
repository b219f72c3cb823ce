"""Which passages are worth quoting, and the reply a visitor reads for each kind of question."""

from __future__ import annotations

import dataclasses

import pytest

from corpus.passage import Passage
from retrieval.answer import (
    DEFAULT_DISCLAIMER,
    DEFAULT_RESOURCES,
    TALK_MESSAGES,
    Answer,
    Kind,
    Resource,
    Thresholds,
    compose_answer,
    compose_talk,
    crisis_message,
    resources_first,
    select_passages,
)
from retrieval.asked_for import Asked
from retrieval.search import Retrieved
from retrieval.small_talk import Talk

# Explicit values, so the tests say what each threshold does whatever the calibration.
THRESHOLDS = Thresholds(answer=0.35, floor=0.14, lexical=1.0, keep_margin=0.12, section=0.7)
SUGGESTIONS = ["What is CBT?", "What is ketamine?", "How is ketamine given?"]
RESOURCES = [Resource("Crisis Line", "Call 123", "tel:123"), Resource("Text Line", "Text 456", "")]


def _hit(score: float, n: int = 0) -> Passage:
    text = f"Passage number {n}."
    return Passage("doc", "Doc", "Section", text, 100 * n, 100 * n + len(text), score=score)


def _retrieved(*scores: float, lexical: float | list[float] = 0.0) -> Retrieved:
    """Hits scoring ``scores`` on meaning, each sharing ``lexical`` BM25 with the question (one
    value for all, or one per hit)."""
    hits = [_hit(s, n) for n, s in enumerate(scores)]
    each = lexical if isinstance(lexical, list) else [lexical] * len(hits)
    return Retrieved(hits, each, max(scores, default=0.0))


def _scores(passages: list[Passage]) -> list[float]:
    return [p.score for p in passages]


# select_passages


def test_nothing_retrieved_nothing_quoted() -> None:
    assert select_passages(Retrieved([], [], 0.0), THRESHOLDS) == []


@pytest.mark.parametrize("lexical", [0.0, 1.0, 50.0])
def test_below_the_floor_nothing_is_quoted_whatever_words_are_shared(lexical: float) -> None:
    assert select_passages(_retrieved(0.13, 0.10, lexical=lexical), THRESHOLDS) == []


def test_between_floor_and_answer_a_passage_needs_lexical_backing() -> None:
    assert select_passages(_retrieved(0.25, lexical=0.99), THRESHOLDS) == []
    assert _scores(select_passages(_retrieved(0.25, lexical=1.0), THRESHOLDS)) == [0.25]


@pytest.mark.parametrize("score", [0.14, 0.2, 0.34])
def test_lexical_backing_rescues_every_score_from_floor_to_answer(score: float) -> None:
    assert _scores(select_passages(_retrieved(score, lexical=3.0), THRESHOLDS)) == [score]


def test_a_passage_is_backed_by_its_own_words_not_another_passage_s() -> None:
    # "what did the NIH study find": the NIH passage shares the words but not the meaning
    # (0.02), a passage on patients' improvements the meaning a little (0.14) but no word.
    assert select_passages(_retrieved(0.02, 0.14, lexical=[5.4, 0.9]), THRESHOLDS) == []
    kept = select_passages(_retrieved(0.22, 0.25, 0.16, lexical=[3.0, 0.5, 2.0]), THRESHOLDS)
    assert _scores(kept) == [0.22, 0.16]  # the unbacked 0.25 neither quoted nor the bar


def test_from_the_answer_threshold_meaning_alone_is_enough() -> None:
    assert _scores(select_passages(_retrieved(0.35, lexical=0.0), THRESHOLDS)) == [0.35]


def test_further_passages_must_be_within_the_keep_margin_of_the_best() -> None:
    kept = select_passages(_retrieved(0.60, 0.50, 0.47, 0.30), THRESHOLDS)
    assert _scores(kept) == [0.60, 0.50]


def test_the_best_need_not_come_first_and_the_order_is_kept() -> None:
    kept = select_passages(_retrieved(0.45, 0.55, 0.20), THRESHOLDS)
    assert _scores(kept) == [0.45, 0.55]


def test_the_search_s_first_choice_is_quoted_when_it_could_be_on_its_own() -> None:
    kept = select_passages(_retrieved(0.40, 0.60, 0.50, 0.47), THRESHOLDS)
    assert _scores(kept) == [0.40, 0.60, 0.50]  # relevant on meaning alone (0.35)
    backed = select_passages(_retrieved(0.20, 0.60, lexical=[1.0, 0.0]), THRESHOLDS)
    assert _scores(backed) == [0.20, 0.60]
    unbacked = select_passages(_retrieved(0.20, 0.60, lexical=[0.9, 0.0]), THRESHOLDS)
    assert _scores(unbacked) == [0.60]
    assert _scores(select_passages(_retrieved(0.10, 0.60), THRESHOLDS)) == [0.60]  # the floor


def test_a_close_question_of_the_catalog_backs_a_passage_as_shared_words_do() -> None:
    def asked(*cosines: float) -> Retrieved:
        # No word shared; each hit's closest catalog question is ``cosines`` away.
        return dataclasses.replace(_retrieved(0.20, 0.60), hit_asked=list(cosines))

    assert _scores(select_passages(asked(0.5, 0.0), THRESHOLDS)) == [0.20, 0.60]
    assert _scores(select_passages(asked(0.49, 0.0), THRESHOLDS)) == [0.60]
    weak = dataclasses.replace(_retrieved(0.25, 0.13), hit_asked=[0.7, 0.9])
    assert _scores(select_passages(weak, THRESHOLDS)) == [0.25]  # the floor still holds


def test_the_floor_still_applies_below_a_weak_best_passage() -> None:
    kept = select_passages(_retrieved(0.20, 0.15, 0.13, lexical=2.0), THRESHOLDS)
    assert _scores(kept) == [0.20, 0.15]


def _naming_section(cosine: float, *scores: float) -> Retrieved:
    """Hits scoring ``scores``, and a question ``cosine`` close to the heading of a section
    whose opening passages are n=7 and n=8."""
    retrieved = _retrieved(*scores)
    opening = [_hit(0.05, 7), _hit(0.02, 8)]
    return dataclasses.replace(
        retrieved, top_section="Key Takeaways", section_top=cosine, section_opening=opening
    )


def test_a_question_naming_a_section_gets_the_section_from_its_start() -> None:
    kept = select_passages(_naming_section(0.7, 0.10, 0.08), THRESHOLDS)
    assert [p.start for p in kept] == [700, 800]


def test_a_question_not_close_enough_to_a_heading_is_still_refused() -> None:
    assert select_passages(_naming_section(0.69, 0.10, 0.08), THRESHOLDS) == []


def test_a_question_answered_on_meaning_is_not_sent_to_the_section_it_names() -> None:
    kept = select_passages(_naming_section(0.9, 0.50, 0.45), THRESHOLDS)
    assert _scores(kept) == [0.50, 0.45]


# compose_answer


def _compose(
    passages: list[Passage] | None = None,
    *,
    crisis: bool = False,
    advice: bool = False,
    missing: list[str] | None = None,
    not_given: list[Asked] | None = None,
    disclaimer: str = DEFAULT_DISCLAIMER,
) -> Answer:
    return compose_answer(
        passages or [],
        crisis=crisis,
        advice=advice,
        missing=missing or [],
        suggestions=SUGGESTIONS,
        resources=RESOURCES,
        disclaimer=disclaimer,
        not_given=not_given or [],
    )


def test_crisis_quotes_nothing_and_leads_with_care_then_resources() -> None:
    answer = _compose([_hit(0.9)], crisis=True, advice=True, missing=["x"])
    assert answer.kind is Kind.CRISIS
    assert answer.passages == [] and answer.suggestions == [] and answer.missing == []
    assert answer.resources == RESOURCES
    assert answer.message.startswith("I'm really sorry you're going through this.")
    assert answer.message.index("sorry") < answer.message.index("Call 123")
    assert "Crisis Line: Call 123" in answer.message and "Text Line: Text 456" in answer.message


def test_what_the_net_catches_keeps_its_quotes_after_the_resources() -> None:
    resources = list(DEFAULT_RESOURCES)
    answer = _compose([_hit(0.9)])
    first = resources_first(answer, resources)
    assert first.kind is Kind.CRISIS and first.message == crisis_message(resources)
    assert first.resources == resources and first.passages == answer.passages


def test_what_the_net_catches_drops_a_refusal_and_its_suggestions() -> None:
    refusal = _compose([_hit(0.9)], missing=["insurance"])
    assert refusal.kind is Kind.NOT_FOUND and refusal.suggestions
    first = resources_first(refusal, list(DEFAULT_RESOURCES))
    assert first.kind is Kind.CRISIS and first.passages == [] and first.suggestions == []


def test_the_default_crisis_resources_are_reachable_now() -> None:
    message = crisis_message(list(DEFAULT_RESOURCES))
    assert "988" in message and "911" in message


def test_an_answer_quotes_the_passages_without_suggestions() -> None:
    passages = [_hit(0.6), _hit(0.5, 1)]
    answer = _compose(passages)
    assert answer.kind is Kind.ANSWER
    assert answer.passages == passages
    assert answer.message == "Here is what the article says:"
    assert answer.suggestions == [] and answer.resources == []


def test_not_found_offers_the_suggestions() -> None:
    answer = _compose()
    assert answer.kind is Kind.NOT_FOUND
    assert answer.passages == []
    assert answer.message == "The article does not cover that question."
    assert answer.suggestions == SUGGESTIONS


@pytest.mark.parametrize(
    ("missing", "named"),
    [
        (["insurance"], "does not mention “insurance”,"),
        (["insurance", "ptsd"], "does not mention “insurance” or “ptsd”,"),
        (["a", "b", "c"], "does not mention “a”, “b” or “c”,"),
    ],
)
def test_missing_words_are_named_and_nothing_is_quoted(missing: list[str], named: str) -> None:
    answer = _compose([_hit(0.6)], missing=missing)
    assert answer.kind is Kind.NOT_FOUND
    assert named in answer.message
    assert answer.passages == []
    assert answer.missing == missing
    assert answer.suggestions == SUGGESTIONS


@pytest.mark.parametrize(
    ("not_given", "said"),
    [
        ([Asked.PRICE], "The article does not give prices, so I can't answer that from it."),
        (
            [Asked.PLACE, Asked.HOURS],
            "The article does not say where the clinic is or give opening hours, so I can't"
            " answer that from it.",
        ),
    ],
)
def test_a_kind_of_fact_the_answer_lacks_is_said_and_nothing_is_quoted(
    not_given: list[Asked], said: str
) -> None:
    answer = _compose([_hit(0.6)], not_given=not_given)
    assert answer.kind is Kind.NOT_FOUND
    assert answer.message == said
    assert answer.passages == []
    assert answer.missing == [str(kind) for kind in not_given]
    assert answer.suggestions == SUGGESTIONS


def test_missing_words_are_named_before_a_kind_of_fact() -> None:
    answer = _compose([_hit(0.6)], missing=["insurance"], not_given=[Asked.PRICE])
    assert "does not mention “insurance”" in answer.message


@pytest.mark.parametrize(
    ("passages", "missing", "kind"),
    [
        ([_hit(0.6)], [], Kind.ANSWER),
        ([], [], Kind.NOT_FOUND),
        ([_hit(0.6)], ["insurance"], Kind.NOT_FOUND),
    ],
)
def test_personal_advice_always_points_to_the_clinician(
    passages: list[Passage], missing: list[str], kind: Kind
) -> None:
    answer = _compose(passages, advice=True, missing=missing)
    assert answer.kind is kind
    assert "clinician" in answer.message
    assert "clinician" not in _compose(passages, missing=missing).message


def test_personal_advice_lacking_a_kind_of_fact_points_to_the_clinician() -> None:
    answer = _compose([_hit(0.6)], advice=True, not_given=[Asked.NUMBER])
    assert answer.kind is Kind.NOT_FOUND
    assert answer.message.endswith("Only your clinician can advise you on your own treatment.")


@pytest.mark.parametrize(
    "kwargs",
    [{"crisis": True}, {}, {"passages": [_hit(0.6)]}, {"missing": ["x"]}, {"advice": True}],
)
def test_every_kind_of_answer_carries_the_disclaimer(kwargs: dict[str, object]) -> None:
    assert _compose(**kwargs).disclaimer == DEFAULT_DISCLAIMER  # type: ignore[arg-type]


def test_the_default_disclaimer_says_it_is_not_medical_advice() -> None:
    assert "not medical advice" in DEFAULT_DISCLAIMER
    assert "clinician" in DEFAULT_DISCLAIMER


def test_every_answer_has_its_own_id() -> None:
    assert len({_compose().id for _ in range(20)}) == 20


@pytest.mark.parametrize("talk", list(Talk))
def test_small_talk_gets_its_own_message_and_the_suggestions(talk: Talk) -> None:
    answer = compose_talk(talk, suggestions=SUGGESTIONS, disclaimer="Not advice.")
    assert answer.kind is Kind.NOT_FOUND
    assert answer.message == TALK_MESSAGES[talk]
    assert answer.suggestions == SUGGESTIONS and answer.disclaimer == "Not advice."
