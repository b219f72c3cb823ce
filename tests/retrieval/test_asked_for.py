"""The kind of fact a question asks for, and whether a text gives it: tiny inputs."""

from __future__ import annotations

import pytest

from retrieval.asked_for import Asked, asked_for, gives, join_or, not_given


@pytest.mark.parametrize(
    ("question", "kinds"),
    [
        ("how much does ketamine therapy cost?", [Asked.PRICE]),
        ("ballpark price per session?", [Asked.PRICE]),
        ("does insurance cover it", [Asked.PRICE]),
        ("is there a cancellation fee", [Asked.PRICE]),
        ("where is the clinic located", [Asked.PLACE]),
        ("is there parking", [Asked.PLACE]),
        ("whats the clinic's address", [Asked.PLACE]),
        ("what are your opening hours", [Asked.HOURS]),
        ("are you open on saturdays", [Asked.HOURS]),
        ("whats the phone number to book", [Asked.CONTACT]),
        ("how many sessions will i need", [Asked.NUMBER]),
        ("what percentage of people get better", [Asked.NUMBER]),
        ("how long does one infusion take", [Asked.DURATION]),
        ("is there a minimum age", [Asked.AGE]),
        ("my grandad is 84, is he too old for it", [Asked.AGE]),
        ("can teens be treated at your clinic", [Asked.AGE]),
        ("are older people more likely to get depressed", [Asked.AGE]),
        ("where is it located and what are their hours", [Asked.PLACE, Asked.HOURS]),
    ],
)
def test_the_kind_a_question_asks_for(question: str, kinds: list[Asked]) -> None:
    assert asked_for(question) == kinds


@pytest.mark.parametrize(
    "question",
    [
        "what is ketamine",
        "how much does sleep matter for mood",  # "how much" without paying
        "where does the 40% number come from",  # "where" without being somewhere
        "is my pain worse in the evenings",  # a day without the clinic
        "does the location of my pain matter",
        "why should treatment address both conditions at once",  # the verb
        "if I pay for counselling, which kind works best",  # paying is the story
        "I can't afford to lose my job, is depression common with pain",
        "i cant play with my kids anymore, is that normal",  # an age group in a story
    ],
)
def test_most_questions_ask_for_no_kind(question: str) -> None:
    assert asked_for(question) == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("A session costs $300.", Asked.PRICE),
        ("Most insurance plans cover it.", Asked.PRICE),
        ("We are located at 12 Elm Street.", Asked.PLACE),
        ("Open Monday to Friday.", Asked.HOURS),
        ("Sessions run from 9am.", Asked.HOURS),
        ("Call 555-123-4567 to book.", Asked.CONTACT),
        ("Write to care@example.org.", Asked.CONTACT),
        ("Nearly 40% of adults with chronic pain.", Asked.NUMBER),
        ("Three key neurotransmitters are involved.", Asked.NUMBER),
        ("relief within hours or days", Asked.DURATION),
        ("pain that lasts for more than three months", Asked.DURATION),
        ("It is approved for adults aged 18 and over.", Asked.AGE),
    ],
)
def test_a_text_that_gives_the_kind(text: str, kind: Asked) -> None:
    assert gives(text, kind)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("therapy designed to address both physical and emotional symptoms", Asked.PLACE),
        ("the road to recovery", Asked.PLACE),
        ("CBT is one of the most effective forms of talk therapy", Asked.NUMBER),
        ("Ketamine is usually administered through IV infusions.", Asked.PRICE),
        ("Ketamine is usually administered through IV infusions.", Asked.DURATION),
        ("Nearly 40% of adults with chronic pain.", Asked.AGE),
    ],
)
def test_a_text_that_does_not_give_the_kind(text: str, kind: Asked) -> None:
    assert not gives(text, kind)


def test_not_given_says_what_the_answer_lacks() -> None:
    infusion = "Ketamine is usually administered through IV infusions under medical supervision."
    assert not_given("how much does it cost", infusion) == ["give prices"]
    assert not_given("how much does it cost", "Each infusion costs $400.") == []
    assert not_given("how is ketamine given", infusion) == []


def test_join_or() -> None:
    assert join_or(["a"]) == "a"
    assert join_or(["a", "b"]) == "a or b"
    assert join_or(["a", "b", "c"]) == "a, b or c"
