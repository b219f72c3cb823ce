"""Questions about the article as a whole, told apart from questions about a subject."""

from __future__ import annotations

import pytest

from retrieval.overview import asks_overview


@pytest.mark.parametrize(
    "message",
    [
        "What is this article about?",
        "whats it about",
        "what does the article cover",
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
        "what does it cover",
        "what's covered?",
    ],
)
def test_a_whole_message_about_the_article_asks_for_its_overview(message: str) -> None:
    assert asks_overview(message)


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
    assert not asks_overview(message)
