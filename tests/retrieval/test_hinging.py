"""The "not mentioned" rule on tiny made-up figures: which unknown words get named."""

from __future__ import annotations

import pytest

from retrieval.answer import Thresholds
from retrieval.answerer import hinges, hinging_words

LIMITS = Thresholds(
    missing_shift=0.20, pulled_shift=0.04, pull=0.04, synonym=0.70, together_shift=0.30
)


def _named(
    moved: list[float], pulled: list[float] | None, synonymy: list[float], words: list[str]
) -> list[str]:
    return hinging_words(words, moved=moved, pulled=pulled, synonymy=synonymy, limits=LIMITS)


def test_a_word_that_moves_the_question_far_is_named() -> None:
    assert _named([0.25], None, [0.4], ["insurance"]) == ["insurance"]


def test_a_word_that_barely_moves_the_question_is_not_named() -> None:
    assert _named([0.03], [0.10], [0.4], ["located"]) == []


def test_a_word_that_pulls_the_question_away_from_the_answer_is_named() -> None:
    # Moves the question a little, and without it the question is closer to the quote.
    assert _named([0.10], [0.06], [0.4], ["bladder"]) == ["bladder"]


def test_a_small_move_without_pull_is_not_enough() -> None:
    assert _named([0.10], [0.01], [0.4], ["messed"]) == []


def test_with_nothing_to_quote_only_the_move_counts() -> None:
    assert _named([0.10], None, [0.4], ["bladder"]) == []
    assert _named([0.21], None, [0.4], ["bladder"]) == ["bladder"]


@pytest.mark.parametrize("synonymy", [0.70, 0.83])
def test_a_synonym_of_an_article_word_is_never_named(synonymy: float) -> None:
    # "quickly" for the article's "fast": however much it carries the question.
    assert _named([0.5], [0.3], [synonymy], ["quickly"]) == []


def test_the_word_the_question_hinges_on_most_comes_first_and_weak_ones_are_dropped() -> None:
    words = ["cover", "insurance", "medicaid"]
    named = _named([0.06, 0.30, 0.22], [0.05, 0.0, 0.0], [0.4, 0.4, 0.4], words)
    # "cover" passes by pull, but only the words that weigh on their own join the first.
    assert named == ["insurance", "medicaid"]


def test_a_pulled_word_alone_is_named() -> None:
    assert _named([0.06, 0.01], [0.05, 0.0], [0.4, 0.4], ["cover", "it"]) == ["cover"]


def test_no_candidates_nothing_named() -> None:
    assert _named([], [], [], []) == []


def test_words_removed_together_must_move_the_question_further() -> None:
    # Removing two words moves any question more than removing one.
    assert hinges(0.25, None, LIMITS)
    assert not hinges(0.25, None, LIMITS, together=True)
    assert hinges(0.31, None, LIMITS, together=True)


def test_words_removed_together_that_pull_the_question_away_hinge_as_one_word_would() -> None:
    assert hinges(0.10, 0.06, LIMITS, together=True)
    assert not hinges(0.10, 0.01, LIMITS, together=True)
    assert not hinges(0.03, 0.06, LIMITS, together=True)


def test_a_word_only_the_context_uses_is_named_only_for_a_far_move() -> None:
    # "my bf thinks it's a scam, has it actually been studied": who asks and why, not the
    # subject, however much its removal pulls the question towards the quote.
    limits = Thresholds(missing_shift=0.20, pulled_shift=0.04, pull=0.04, context_shift=0.25)

    def named(moved: float, pulled: float) -> list[str]:
        return hinging_words(
            ["bf"],
            moved=[moved],
            pulled=[pulled],
            synonymy=[0.4],
            limits=limits,
            context={"bf"},
        )

    assert named(0.13, 0.06) == []
    assert named(0.22, 0.0) == []  # far enough for a word of the question, not of its context
    assert named(0.27, 0.0) == ["bf"]  # as "PTSD" in "I have PTSD. Can ketamine help me?"
    assert hinges(0.13, 0.06, limits) and not hinges(0.13, 0.06, limits, context=True)
