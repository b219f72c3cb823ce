"""Lexical matching: the article's own abbreviations, and BM25 that needs a shared word."""

from __future__ import annotations

import numpy as np
import pytest

from corpus.documents import Document
from retrieval.lexical import (
    LexicalIndex,
    expand_abbreviations,
    find_abbreviations,
    stem_words,
    tokenize,
)

ABBREVIATIONS = {
    "cbt": "cognitive behavioral therapy",
    "crps": "complex regional pain syndrome",
    "snri": "serotonin-norepinephrine reuptake inhibitors",
    "tca": "tricyclic antidepressants",
}


def test_the_article_defines_exactly_its_four_abbreviations(article: Document) -> None:
    assert find_abbreviations(article.text) == ABBREVIATIONS


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Try Cognitive Behavioral Therapy (CBT) first.", {"cbt": "cognitive behavioral therapy"}),
        # the shortest run of words that holds the letters, not the words before it
        (
            "We often use the tricyclic antidepressants (TCAs).",
            {"tca": "tricyclic antidepressants"},
        ),
        ("Use ice and heat (RICE).", {}),  # no run of words starts with r and holds r-i-c-e
        ("Some pain (lots) of it.", {}),  # lower case in brackets is not an abbreviation
        ("Pain (P) alone.", {}),  # one letter is too short to be an abbreviation
        ("No abbreviations at all.", {}),
    ],
)
def test_find_abbreviations(text: str, expected: dict[str, str]) -> None:
    assert find_abbreviations(text) == expected


@pytest.mark.parametrize(
    ("question", "appended"),
    [
        ("What is CBT?", "cognitive behavioral therapy"),
        ("what is cbt", "cognitive behavioral therapy"),
        ("Are SNRIs safe?", "serotonin-norepinephrine reuptake inhibitors"),
    ],
)
def test_expand_abbreviations_appends_the_long_form(question: str, appended: str) -> None:
    assert expand_abbreviations(question, ABBREVIATIONS) == f"{question} {appended}"


def test_expand_abbreviations_appends_every_abbreviation_used() -> None:
    expanded = expand_abbreviations("TCAs vs CBT", ABBREVIATIONS)
    assert expanded.startswith("TCAs vs CBT ")
    assert "tricyclic antidepressants" in expanded
    assert "cognitive behavioral therapy" in expanded
    assert "complex regional" not in expanded


@pytest.mark.parametrize("question", ["How fast does ketamine work?", "Is CBTx a thing?", ""])
def test_expand_abbreviations_leaves_other_questions_alone(question: str) -> None:
    assert expand_abbreviations(question, ABBREVIATIONS) == question


def test_expand_abbreviations_knows_an_abbreviation_that_ends_in_s() -> None:
    assert expand_abbreviations("What is CRPS?", ABBREVIATIONS) == (
        "What is CRPS? complex regional pain syndrome"
    )


def test_tokenize_drops_stopwords_and_stems() -> None:
    assert tokenize("The patients and the sleeping") == stem_words(["patients", "sleeping"])
    assert tokenize("the and of it") == []


def test_tokenize_drops_the_words_of_asking_too() -> None:
    # A question's "what", "has", "how", "my" are no evidence for any passage.
    assert tokenize("What has ketamine helped? How do I know, my doctor?") == stem_words(
        ["ketamine", "helped", "know", "doctor"]
    )
    # The short list (the highlight's) keeps them.
    assert "has" in tokenize("What has ketamine helped?", stopwords="en")


def test_bm25_ranks_the_rare_word_above_an_asking_word_a_passage_happens_to_use() -> None:
    # With "has" counted (the short list), the first text would win.
    texts = ["Ketamine also has effects.", "Patients reported mobility.", "Ketamine is a medicine."]
    scores = LexicalIndex(texts).scores("what has ketamine done for mobility")
    assert int(np.argmax(scores)) == 1


def test_stem_words_keeps_every_word() -> None:
    assert stem_words(["The", "Sleeping", "of"]) == ["the", "sleep", "of"]


TEXTS = [
    "Sleep problems make pain worse.",
    "Ketamine can relieve depression within hours.",
    "Ketamine and ketamine infusions for ketamine-resistant pain.",
    "",
]


def test_bm25_scores_zero_for_texts_that_share_no_word() -> None:
    scores = LexicalIndex(TEXTS).scores("pizza delivery tonight")
    assert scores.shape == (len(TEXTS),)
    assert not scores.any()


def test_bm25_scores_zero_for_a_question_of_stopwords_only() -> None:
    assert not LexicalIndex(TEXTS).scores("what is the of it").any()


def test_bm25_matches_inflected_words() -> None:
    scores = LexicalIndex(TEXTS).scores("does sleeping help")
    assert scores[0] > 0
    assert np.count_nonzero(scores) == 1


def test_bm25_ranks_texts_that_share_more_words_higher() -> None:
    scores = LexicalIndex(TEXTS).scores("ketamine for depression")
    assert scores[1] > 0 and scores[2] > 0
    assert scores[0] == 0 and scores[3] == 0
    assert scores[1] > scores[2]  # it has both words; the other repeats only one
