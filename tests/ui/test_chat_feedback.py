"""The Gradio chat logs its answers per session and stores 👍/👎 with a comment."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.answerer import Answerer
from ui.chat import ChatSessions, add_comment, answer_and_log, rate_message
from ui.logbook import Entry, Filters, Logbook, Rating


@pytest.fixture
def logbook(tmp_path: Path) -> Logbook:
    book = Logbook(f"sqlite:///{tmp_path / 'log.db'}")
    book.create_schema()
    return book


def test_chat_answers_are_logged_rated_and_commented(answerer: Answerer, logbook: Logbook) -> None:
    sessions = ChatSessions()
    shown = answer_and_log(answerer, logbook, sessions, "tab-1", "What is CBT?", 0)
    assert "Cognitive Behavioral Therapy" in shown["content"]
    answer_and_log(answerer, logbook, sessions, "tab-1", "what is catastrophizing?", 2)
    answer_and_log(answerer, logbook, sessions, "tab-2", "What is CBT?", 0)
    entries = logbook.entries(Filters())
    conversations = {e.conversation_id for e in entries}
    assert len(conversations) == 2  # one random id per chat session
    assert "tab-1" not in conversations  # Gradio's session hash is never stored

    assert not rate_message(logbook, sessions, "tab-1", 1, True)  # 👍: no comment box
    assert rate_message(logbook, sessions, "tab-1", 3, False)  # 👎 on the second reply
    add_comment(logbook, sessions, "tab-1", "  I meant in children  ")
    by_question = {e.question: e for e in logbook.entries(Filters(), limit=None)}
    first = logbook.conversation(by_question["what is catastrophizing?"].conversation_id)
    assert [e.feedback.rating if e.feedback else None for e in first] == [Rating.UP, Rating.DOWN]
    assert first[1].feedback is not None and first[1].feedback.comment == "I meant in children"
    assert not rate_message(logbook, sessions, "tab-1", 7, False)  # no answer there


def test_sessions_are_forgotten_beyond_the_limit() -> None:
    sessions = ChatSessions(limit=2)
    first = sessions.get("a").conversation
    sessions.get("b")
    sessions.get("c")
    assert sessions.get("a").conversation != first


def test_clicking_a_thumb_again_takes_the_feedback_back(
    answerer: Answerer, logbook: Logbook
) -> None:
    sessions = ChatSessions()
    answer_and_log(answerer, logbook, sessions, "tab", "What is CBT?", 0)
    assert not rate_message(logbook, sessions, "tab", 1, True)
    assert not rate_message(logbook, sessions, "tab", 1, "")  # Gradio's "unselected"
    assert logbook.entries(Filters())[0].feedback is None
    assert rate_message(logbook, sessions, "tab", 1, False)
    assert not rate_message(logbook, sessions, "tab", 1, "")
    add_comment(logbook, sessions, "tab", "too late")  # the 👎 was taken back: nothing to add to
    assert logbook.entries(Filters())[0].feedback is None


def test_a_reply_does_not_wait_for_the_log(answerer: Answerer, logbook: Logbook) -> None:
    sessions = ChatSessions()
    queued: list[tuple[Logbook, Entry]] = []
    shown = answer_and_log(
        answerer, logbook, sessions, "tab", "What is CBT?", 0, write=lambda *job: queued.append(job)
    )
    assert "Cognitive Behavioral Therapy" in shown["content"]  # replied before anything was stored
    assert logbook.entries(Filters()) == []
    assert not rate_message(logbook, sessions, "tab", 1, True)  # not stored yet: no crash
    book, entry = queued.pop()
    assert book.record(entry)
    assert not rate_message(logbook, sessions, "tab", 1, True)  # 👍, once it is stored
    (stored,) = logbook.entries(Filters())
    assert stored.feedback is not None and stored.feedback.rating is Rating.UP


def test_a_crisis_reply_is_logged_but_not_rated(answerer: Answerer, logbook: Logbook) -> None:
    sessions = ChatSessions()
    shown = answer_and_log(answerer, logbook, sessions, "tab", "i want to kill myself", 0)
    assert "988" in shown["content"]
    (logged,) = logbook.entries(Filters())
    assert logged.kind.value == "crisis"  # staff still see it
    assert not rate_message(logbook, sessions, "tab", 1, False)  # no comment box offered
    assert logbook.entries(Filters())[0].feedback is None


def test_the_chat_logs_a_question_cleaned_as_the_api_cleans_it(
    answerer: Answerer, logbook: Logbook
) -> None:
    typed = " ＷＨＡＴ ＩＳ\x00 ＣＢＴ？ "
    shown = answer_and_log(answerer, logbook, ChatSessions(), "tab", typed, 0, write=Logbook.record)
    assert "Cognitive Behavioral Therapy" in shown["content"]
    assert [e.question for e in logbook.entries(Filters())] == ["WHAT IS  CBT?"]


def test_a_cleared_chat_is_a_new_conversation() -> None:
    sessions = ChatSessions()
    first = sessions.get("tab").conversation
    sessions.get("tab").answers[1] = "answer-1"
    sessions.forget("tab")
    assert sessions.get("tab").conversation != first
    assert sessions.get("tab").answers == {}
