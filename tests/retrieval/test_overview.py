"""Questions about the article as a whole, told apart from questions about a subject."""

from __future__ import annotations

import pytest

from retrieval.overview import Overview, asks_overview


@pytest.mark.parametrize(
    "message",
    [
        "What is this article about?",
        "whats it about",
        "what is this page about",
        "what does the article cover",
        "what does it cover",
        "what's covered?",
        "what does this article talk about please",
    ],
)
def test_what_the_article_is_about_asks_for_its_subject(message: str) -> None:
    assert asks_overview(message) is Overview.SUBJECT


@pytest.mark.parametrize(
    "message",
    [
        "summary",
        "Give me a summary of the article please",
        "can you summarise this page?",
        "sum it up",
        "TL;DR?",
        "the gist",
        "what are the main points of the article",
        "what is the main point of the article",
        "main points?",
        "list the key ideas",
        "what is the gist",
        "can you summarize this",
        "summarize this article for me",
    ],
)
def test_a_summary_or_the_main_points_ask_for_its_summary(message: str) -> None:
    assert asks_overview(message) is Overview.SUMMARY


@pytest.mark.parametrize(
    "message",
    [
        "what does the article say about sleep?",  # a subject: searched for
        "summary of ketamine's side effects",
        "what is ketamine about",
        "what are the main side effects",
        "what are the main treatments for chronic pain",
        "is this about me?",
        "key takeaways",  # names a section: the section rule quotes it
        "",
    ],
)
def test_a_question_with_a_subject_is_no_overview(message: str) -> None:
    assert asks_overview(message) is None
