"""Grouping questions by similarity, on vectors small enough to check by hand."""

from __future__ import annotations

import numpy as np
import pytest

from retrieval.encoder import Encoder
from retrieval.grouping import group_questions, group_vectors


def _unit(*rows: tuple[float, float]) -> np.ndarray:
    vectors = np.array(rows, dtype=np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def test_near_vectors_group_and_the_largest_group_comes_first() -> None:
    vectors = _unit((0, 1), (1, 0), (1, 0.1), (0.95, 0.05), (0.1, 1))
    assert group_vectors(vectors, threshold=0.9) == [[1, 2, 3], [0, 4]]


def test_a_high_threshold_keeps_every_vector_alone() -> None:
    vectors = _unit((1, 0), (1, 0.3), (0, 1))
    assert group_vectors(vectors, threshold=0.999) == [[0], [1], [2]]


@pytest.mark.parametrize("threshold", [-1.0, 0.0])
def test_a_low_threshold_puts_everything_together(threshold: float) -> None:
    vectors = _unit((1, 0), (0.7, 0.7), (0.2, 1))
    assert group_vectors(vectors, threshold=threshold) == [[0, 1, 2]]


def test_no_vectors_no_groups() -> None:
    assert group_vectors(np.zeros((0, 2), dtype=np.float32)) == []


def test_questions_with_the_same_meaning_group_with_the_real_model(encoder: Encoder) -> None:
    questions = [
        "does insurance pay for ketamine?",
        "what is the capital of France?",
        "will my insurance cover ketamine treatment",
        "is ketamine covered by health insurance",
    ]
    assert group_questions(questions, encoder) == [[0, 2, 3], [1]]
