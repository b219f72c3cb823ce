"""Questions about the article as a whole, told apart from questions about a subject."""

from __future__ import annotations

import pytest

from retrieval.overview import Overview, asks_overview


# What the article is about is said by its opening; a summary or main points by its summary.
@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("What is this article about?", Overview.SUBJECT),
        ("whats it about", Overview.SUBJECT),
        ("what is this page about", Overview.SUBJECT),
        ("what does the article cover", Overview.SUBJECT),
        ("what does it cover", Overview.SUBJECT),
        ("what's covered?", Overview.SUBJECT),
        ("what does this article talk about please", Overview.SUBJECT),
        ("summary", Overview.SUMMARY),
        ("Give me a summary of the article please", Overview.SUMMARY),
        ("can you summarise this page?", Overview.SUMMARY),
        ("sum it up", Overview.SUMMARY),
        ("TL;DR?", Overview.SUMMARY),
        ("the gist", Overview.SUMMARY),
        ("what are the main points of the article", Overview.SUMMARY),
        ("what is the main point of the article", Overview.SUMMARY),
        ("main points?", Overview.SUMMARY),
        ("list the key ideas", Overview.SUMMARY),
        ("what is the gist", Overview.SUMMARY),
        ("can you summarize this", Overview.SUMMARY),
        ("summarize this article for me", Overview.SUMMARY),
    ],
)
def test_a_whole_message_about_the_article_asks_for_its_subject_or_summary(
    message: str, kind: Overview
) -> None:
    assert asks_overview(message) is kind


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
