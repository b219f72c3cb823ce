"""Conversation that is not a question: greetings, thanks and bare follow-ups, whole only."""

from __future__ import annotations

import pytest

from retrieval.small_talk import Talk, small_talk


@pytest.mark.parametrize(
    ("message", "talk"),
    [
        ("hi", Talk.GREETING),
        ("Hello!", Talk.GREETING),
        ("good morning", Talk.GREETING),
        ("thanks", Talk.THANKS),
        ("Thank you!", Talk.THANKS),
        ("ok thanks", Talk.THANKS),
        ("great, thank you so much for your help", Talk.THANKS),
        ("Thank’s", Talk.THANKS),
        ("goodbye", Talk.FAREWELL),
        ("ok thanks, bye!", Talk.FAREWELL),
        ("have a nice day", Talk.FAREWELL),
        ("That's all from me, goodbye everyone", Talk.FAREWELL),
        ("farewell", Talk.FAREWELL),
        ("tell me more", Talk.FOLLOW_UP),
        ("Can you explain?", Talk.FOLLOW_UP),
        ("why?", Talk.FOLLOW_UP),
        ("what else?", Talk.FOLLOW_UP),
        ("and?", Talk.FOLLOW_UP),
        ("more info please", Talk.FOLLOW_UP),
    ],
)
def test_conversation_is_recognised(message: str, talk: Talk) -> None:
    assert small_talk(message) is talk


@pytest.mark.parametrize(
    "message",
    [
        "hi, what is CBT?",
        "thanks, and what about side effects",
        "why does pain cause depression",
        "how does ketamine work",
        "more about ketamine",
        "explain CBT",
        "and the side effects?",
        "this is goodbye",  # for the crisis rules, not a sign-off
        "goodbye and thanks for everything",
        "",
        "   ",
    ],
)
def test_a_question_is_not_small_talk(message: str) -> None:
    assert small_talk(message) is None
