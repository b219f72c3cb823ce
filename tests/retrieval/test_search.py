"""Hybrid search: rank fusion on tiny arrays, and the sentence that answers on the real article."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from corpus.errors import CorpusError
from retrieval.answerer import Answerer
from retrieval.encoder import Encoder
from retrieval.lexical import tokenize
from retrieval.overview import Overview
from retrieval.search import (
    HIGHLIGHT_OVERLAP_WEIGHT,
    FusionWeights,
    Retrieved,
    Searcher,
    Signals,
    centred,
    choose_highlight,
    closest_question,
    fuse_scores,
    late_interaction,
    overview_positions,
    word_overlap,
)

RELIEF = (
    "Patients often report relief within hours or days of receiving ketamine, compared to the"
    " weeks or months needed for standard antidepressants."
)


def _a(*values: float) -> np.ndarray:
    return np.asarray(values, dtype=np.float32)


# late_interaction


def _unit(*rows: tuple[float, ...]) -> np.ndarray:
    matrix = np.asarray(rows, dtype=np.float32)
    return matrix / np.linalg.norm(matrix, axis=1, keepdims=True)


def test_late_interaction_averages_each_question_piece_s_best_match_per_passage() -> None:
    question = _unit((1, 0), (0, 1))
    # Passage 0 has pieces along both axes; passage 1 only along the first, twice.
    pieces = _unit((1, 0), (0, 1), (1, 0), (1, 0))
    scores = late_interaction(question, pieces, np.asarray([0, 2]))
    assert scores == pytest.approx([1.0, 0.5])


def test_late_interaction_takes_the_best_piece_not_the_sum() -> None:
    question = _unit((1, 0))
    # A passage repeating a weak match does not beat one strong match.
    pieces = _unit((1, 1), (1, 1), (1, 1), (1, 0.01))
    scores = late_interaction(question, pieces, np.asarray([0, 3]))
    assert scores[1] > scores[0]


def test_an_empty_question_has_no_late_interaction() -> None:
    scores = late_interaction(np.zeros((0, 2), np.float32), _unit((1, 0)), np.asarray([0]))
    assert scores.tolist() == [0.0]


# centred


def test_centring_removes_what_every_piece_shares() -> None:
    # Both pieces lean along the first axis (cosine 0 apart only after it is taken away).
    pieces = _unit((1, 1), (1, -1))
    shifted = centred(pieces, pieces.mean(axis=0))
    assert shifted == pytest.approx(np.asarray([[0.0, 1.0], [0.0, -1.0]]))


def test_centring_keeps_unit_rows_and_a_row_equal_to_the_mean_at_zero() -> None:
    pieces = _unit((3, 1), (1, 2), (2, 2))
    shifted = centred(pieces, pieces.mean(axis=0))
    assert np.linalg.norm(shifted[:2], axis=1) == pytest.approx([1.0, 1.0])
    assert centred(pieces[:1], pieces[0]).tolist() == [[0.0, 0.0]]
    assert centred(np.zeros((0, 2), np.float32), pieces[0]).shape == (0, 2)


def test_a_shared_lean_no_longer_outweighs_the_distinctive_match() -> None:
    # Every piece leans along x. Passage 0's one piece is little more than that lean; passage
    # 1's pieces point apart along y, one of them the way the question does a little. Raw
    # cosines prefer passage 0; cosines of what is left after the mean prefer passage 1.
    pieces = _unit((1, 0, 0.1), (1, 0.6, 0), (1, -0.6, 0))
    question = _unit((1, 0.15, 0.05))
    starts = np.asarray([0, 1])
    raw = late_interaction(question, pieces, starts)
    mean = pieces.mean(axis=0)
    shifted = late_interaction(centred(question, mean), centred(pieces, mean), starts)
    assert raw[0] > raw[1] and shifted[1] > shifted[0]


# fuse_scores


def _signals(**given: tuple[float, ...]) -> Signals:
    size = len(next(iter(given.values())))
    values = {name: _a(*given.get(name, (0.0,) * size)) for name in Signals.__dataclass_fields__}
    return Signals(**values)


def test_fusion_is_the_weighted_sum_of_every_signal() -> None:
    signals = _signals(
        passage=(0.5, 0.1),
        sentence=(0.4, 0.2),
        section=(0.1, 0.9),
        lexical=(2.0, 0.0),
        sentence_lexical=(1.0, 4.0),
        late=(0.6, 0.8),
        asked=(0.7, 0.3),
    )
    weights = FusionWeights(
        passage=1.0,
        sentence=0.5,
        section=0.25,
        lexical=0.1,
        sentence_lexical=0.01,
        late=2.0,
        asked=3.0,
    )
    expected = [
        0.5 + 0.2 + 0.025 + 0.2 + 0.01 + 1.2 + 2.1,
        0.1 + 0.1 + 0.225 + 0.0 + 0.04 + 1.6 + 0.9,
    ]
    assert fuse_scores(signals, weights) == pytest.approx(expected)


def test_a_zero_weight_silences_a_signal() -> None:
    signals = _signals(passage=(0.2, 0.3), lexical=(9.0, 0.0))
    only_meaning = FusionWeights(
        passage=1.0, sentence=0, section=0, lexical=0, sentence_lexical=0, late=0, asked=0
    )
    assert np.argmax(fuse_scores(signals, only_meaning)) == 1
    assert np.argmax(fuse_scores(signals, dataclasses.replace(only_meaning, lexical=0.05))) == 0


def test_how_far_ahead_a_passage_is_counts_not_only_its_rank() -> None:
    # Rank fusion would tie these: one signal prefers each. A clear lead in meaning wins.
    signals = _signals(passage=(0.9, 0.1), sentence=(0.45, 0.5))
    assert np.argmax(fuse_scores(signals, FusionWeights())) == 0


def test_each_passage_scores_its_closest_question() -> None:
    # Questions 0 and 2 belong to passage 1, question 1 to passage 0; passage 2 has none.
    cosines, owner = _a(0.4, 0.9, 0.7), np.asarray([1, 0, 1])
    fallback = _a(0.1, 0.2, 0.35)
    assert closest_question(cosines, owner, fallback) == pytest.approx([0.9, 0.7, 0.35])


def test_without_questions_every_passage_scores_its_fallback() -> None:
    fallback = _a(0.3, -0.1)
    scores = closest_question(_a(), np.zeros(0, dtype=np.int64), fallback)
    assert scores == pytest.approx([0.3, -0.1])
    assert scores.dtype == np.float32


def test_meaning_is_the_mean_of_passage_and_best_sentence() -> None:
    signals = _signals(passage=(0.2, 0.6), sentence=(0.4, 0.8), lexical=(5.0, 0.0))
    assert signals.meaning == pytest.approx([0.3, 0.7])


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
    stems = frozenset(tokenize(question)), frozenset(tokenize(sentence))
    assert word_overlap(*stems) == pytest.approx(overlap)


# the real article and model


@pytest.fixture(scope="module")
def searcher(answerer: Answerer) -> Searcher:
    return answerer.searcher


def _search(
    searcher: Searcher,
    encoder: Encoder,
    question: str,
    top_k: int = 3,
    *,
    overview: Overview | None = None,
) -> Retrieved:
    query = encoder.encode_tokens([question])
    vector, tokens = query.vectors[0], query.tokens[0]
    return searcher.search(question, vector, tokens, top_k=top_k, overview=overview)


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
    assert max(_search(searcher, encoder, "zzqx blorp vtwm").hit_lexical) == 0.0
    assert max(_search(searcher, encoder, "what is catastrophizing").hit_lexical) > 1.0


def test_the_heading_a_question_names_and_its_opening_passages_in_article_order(
    searcher: Searcher, encoder: Encoder
) -> None:
    retrieved = _search(searcher, encoder, "key takeaways?", top_k=2)
    assert retrieved.top_section == "Key Takeaways"
    assert retrieved.section_top > 0.9
    first, second = retrieved.section_opening
    assert first.text.startswith("Chronic pain and depression often occur together")
    assert first.start < second.start and second.section == "Key Takeaways"
    assert first.highlight is not None


ARTICLES = [
    ("a", "Intro"), ("a", "Body"), ("a", "Summary"), ("a", "Summary"),
    ("b", "Opening"), ("b", "Opening"), ("b", "Body"),
]  # fmt: skip


def test_the_overview_takes_each_document_s_summary_in_turn() -> None:
    assert overview_positions(ARTICLES, [("a", "Summary")]) == [2, 4, 3, 5]
    assert overview_positions(ARTICLES, [("a", "Summary"), ("b", "Body")]) == [2, 6, 3]
    assert overview_positions(ARTICLES, []) == [0, 4, 5]  # each document's opening section
    assert overview_positions([], []) == []


def test_what_an_article_is_about_opens_with_each_document_s_first_passage() -> None:
    subject = Overview.SUBJECT
    assert overview_positions(ARTICLES, [("a", "Summary")], subject) == [0, 4, 2, 3, 5]
    assert overview_positions(ARTICLES, [], subject) == [0, 4, 5]  # the opening already
    assert overview_positions([], [], subject) == []


def test_a_summary_section_the_document_does_not_have_is_refused() -> None:
    with pytest.raises(CorpusError, match="summary_section 'Sumary' is not a section of a"):
        overview_positions(ARTICLES, [("a", "Sumary")])


def test_the_overview_is_the_summary_section_or_else_the_opening_one(
    searcher: Searcher, encoder: Encoder
) -> None:
    summarised = Searcher(
        searcher.index, summaries=[(searcher.index.passages[0].doc_id, "Key Takeaways")]
    )
    unsummarised = Searcher(searcher.index)
    summary = Overview.SUMMARY
    overview = _search(summarised, encoder, "summarize it", top_k=2, overview=summary).overview
    assert [p.section for p in overview] == ["Key Takeaways"] * 2
    assert overview[0].start < overview[1].start
    assert _search(summarised, encoder, "summarize it", top_k=2).overview == []  # unasked
    opening = _search(unsummarised, encoder, "summarize it", top_k=2, overview=summary).overview
    introduction = [p.id for p in searcher.index.passages if p.section == "Introduction"]
    assert [p.id for p in opening] == introduction[:2]
    subject = _search(summarised, encoder, "what is it about", overview=Overview.SUBJECT).overview
    assert [p.section for p in subject] == ["Introduction", "Key Takeaways", "Key Takeaways"]
    assert "This article explores" in subject[0].text


def test_each_hit_carries_its_own_lexical_evidence(searcher: Searcher, encoder: Encoder) -> None:
    retrieved = _search(searcher, encoder, "what is catastrophizing")
    assert len(retrieved.hit_lexical) == len(retrieved.hits)
    assert "catastrophizing" in retrieved.hits[0].text
    assert all(score < retrieved.hit_lexical[0] for score in retrieved.hit_lexical[1:])
