"""Hybrid search: rank fusion on tiny arrays, and the sentence that answers on the real article."""

from __future__ import annotations

import numpy as np
import pytest

from retrieval.answerer import Answerer
from retrieval.encoder import Encoder
from retrieval.search import (
    HIGHLIGHT_OVERLAP_WEIGHT,
    Retrieved,
    Searcher,
    choose_highlight,
    fuse_rankings,
    word_overlap,
)

RELIEF = (
    "Patients often report relief within hours or days of receiving ketamine, compared to the"
    " weeks or months needed for standard antidepressants."
)


def _a(*values: float) -> np.ndarray:
    return np.asarray(values, dtype=np.float32)


# fuse_rankings


def test_one_ranking_gives_weight_over_k_plus_rank() -> None:
    fused = fuse_rankings([_a(0.2, 0.9, 0.5)], weights=[2.0], k=1.0)
    assert fused == pytest.approx([2 / 4, 2 / 2, 2 / 3])


def test_rankings_add_up() -> None:
    fused = fuse_rankings([_a(3, 2, 1), _a(1, 2, 3)], weights=[1.0, 1.0], k=0.0)
    assert fused == pytest.approx([1 + 1 / 3, 1 / 2 + 1 / 2, 1 / 3 + 1])


def test_the_heavier_ranking_decides_when_rankings_disagree() -> None:
    first, second = _a(0.9, 0.1), _a(0.1, 0.9)
    assert np.argmax(fuse_rankings([first, second], weights=[1.0, 0.5], k=5.0)) == 0
    assert np.argmax(fuse_rankings([first, second], weights=[0.5, 1.0], k=5.0)) == 1


def test_only_rank_matters_not_the_size_of_the_scores() -> None:
    close = fuse_rankings([_a(0.51, 0.50)], weights=[1.0], k=5.0)
    far = fuse_rankings([_a(100.0, 0.01)], weights=[1.0], k=5.0)
    assert close == pytest.approx(far)


def test_zero_and_negative_scores_contribute_nothing() -> None:
    fused = fuse_rankings([_a(0.0, 2.0, -1.0, 0.0)], weights=[1.0], k=0.0)
    assert fused == pytest.approx([0.0, 1.0, 0.0, 0.0])


def test_a_ranking_of_zeros_leaves_the_order_to_the_others() -> None:
    dense = _a(0.3, 0.8, 0.5)
    lexical = _a(0.0, 0.0, 0.0)  # the question shares no word with any passage
    with_lexical = fuse_rankings([dense, lexical], weights=[1.0, 0.5], k=5.0)
    assert with_lexical == pytest.approx(fuse_rankings([dense], weights=[1.0], k=5.0))
    assert list(np.argsort(-with_lexical)) == [1, 2, 0]


def test_ties_keep_the_earlier_item_first() -> None:
    fused = fuse_rankings([_a(1.0, 1.0, 1.0)], weights=[1.0], k=0.0)
    assert fused == pytest.approx([1.0, 1 / 2, 1 / 3])


def test_every_ranking_needs_a_weight() -> None:
    with pytest.raises(ValueError, match="shorter"):
        fuse_rankings([_a(1.0), _a(2.0)], weights=[1.0], k=0.0)


# choosing the highlighted sentence


def test_the_sentence_closest_in_meaning_is_highlighted() -> None:
    assert choose_highlight(_a(0.2, 0.7, 0.4), [0.0, 0.0, 0.0]) == 1


def test_the_question_s_own_words_break_a_near_tie() -> None:
    gap = HIGHLIGHT_OVERLAP_WEIGHT / 2
    assert choose_highlight(_a(0.5, 0.5 - gap), [0.0, 1.0]) == 1
    assert choose_highlight(_a(0.5, 0.5 - 2 * gap), [0.0, 1.0]) == 0


@pytest.mark.parametrize(
    ("question", "sentence", "overlap"),
    [
        ("fast working ketamine?", "Ketamine works fast.", 1.0),  # stems, not spellings
        ("fast working ketamine?", "Ketamine is a medication.", 1 / 3),
        ("fast working ketamine?", "Sleep matters.", 0.0),
        ("what is the", "Ketamine works.", 0.0),  # no content word to share
    ],
)
def test_word_overlap(question: str, sentence: str, overlap: float) -> None:
    assert word_overlap(question, sentence) == pytest.approx(overlap)


# the real article and model


@pytest.fixture(scope="module")
def searcher(answerer: Answerer) -> Searcher:
    return answerer.searcher


def _search(searcher: Searcher, encoder: Encoder, question: str, top_k: int = 3) -> Retrieved:
    return searcher.search(question, encoder.encode([question])[0], top_k=top_k)


def test_how_fast_highlights_the_sentence_that_says_how_fast(
    searcher: Searcher, encoder: Encoder
) -> None:
    hits = _search(searcher, encoder, "how fast does ketamine work?").hits
    relief = next(h for h in hits if "relief within hours or days" in h.text)
    assert relief.highlight_text == RELIEF


@pytest.mark.parametrize(
    ("question", "section", "highlight"),
    [
        ("What is CBT?", "Talk Therapy", "Cognitive Behavioral Therapy (CBT) is one of the most"),
        ("what is catastrophizing?", None, "One major psychological factor"),
        ("how long must pain last to be chronic", None, "Chronic pain is defined as pain"),
        ("what are the side effects of ketamine", None, "Side effects are generally mild"),
    ],
)
def test_the_best_passage_and_its_highlight(
    searcher: Searcher, encoder: Encoder, question: str, section: str | None, highlight: str
) -> None:
    best = _search(searcher, encoder, question).hits[0]
    if section is not None:
        assert best.section == section
    assert best.highlight_text.startswith(highlight)


@pytest.mark.parametrize("top_k", [1, 3, 5])
def test_search_returns_top_k_distinct_passages_with_a_sentence_highlighted(
    searcher: Searcher, encoder: Encoder, top_k: int
) -> None:
    hits = _search(searcher, encoder, "how does inflammation affect mood?", top_k).hits
    assert len(hits) == top_k
    assert len({h.id for h in hits}) == top_k
    for hit in hits:
        assert hit.highlight in hit.sentences
        assert -1.0 <= hit.score <= 1.0


def test_search_scores_relevant_passages_above_unrelated_ones(
    searcher: Searcher, encoder: Encoder
) -> None:
    on_topic = _search(searcher, encoder, "What is CBT?").hits[0].score
    off_topic = _search(searcher, encoder, "What is the capital of France?").hits[0].score
    assert on_topic > off_topic + 0.2


def test_lexical_evidence_is_zero_when_no_word_is_shared(
    searcher: Searcher, encoder: Encoder
) -> None:
    assert _search(searcher, encoder, "zzqx blorp vtwm").lexical_top == 0.0
    assert _search(searcher, encoder, "what is catastrophizing").lexical_top > 1.0
